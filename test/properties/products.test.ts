/**
 * The products (dot, vdot, inner, outer, matmul, tensordot, trace, kron) on random shapes
 * (0- and 1-length axes, 1-d and 0-d operands, broadcast batch axes, K up to 70 and past
 * every block size of the GEMM), every dtype pair, every layout (transposed, reversed,
 * stepped, offset, stride-0, Fortran): against NumPy (dtype, shape, values, NaN positions,
 * error messages) and against the naive reference in `test/reference/products.ts`
 * (which runs without NumPy). Integer results must match exactly (wrapping included);
 * float sums within `(K + 2) * eps * sum|x*y|`. Inputs must be left unchanged.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { hasNumpy, oracle, pyInt, type OracleCase, type PyArg, type PyValue } from '../oracle/numpy.js';
import { mismatch } from '../oracle/compare.js';
import { ALL_DTYPES, broadcastShapesArb, makeView, sample, type ViewKind } from '../arbitraries/arrays.js';
import { toPlain, type Plain } from '../reference/plain.js';
import {
  refDot, refInner, refKron, refMatmul, refMismatch, refOuter, refTensordot, refTrace, refVdot, type RefResult,
} from '../reference/products.js';
import { fingerprint, seededRandom } from '../helpers.js';

const VIEWS: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast', 'fortran'];

// ---------------------------------------------------------------------------------------
// Values: a seeded generator (fast-check draws shapes, dtypes, layouts and the seed; the
// values of large operands come from here so a 70×20 operand costs nothing to draw).

/**
 * `n` values of `dtype`. `exact` keeps floats to quarters in [-10, 10] (sums are then exact
 * in any order); otherwise floats also range over (-1000, 1000). `specials` adds NaN, ±Inf.
 */
function values(dtype: np.DType, n: number, seed: number, exact: boolean, specials: boolean): (number | bigint)[] {
  const r = seededRandom(seed);
  const info = np.DTYPES[dtype];
  const out: (number | bigint)[] = [];
  for (let i = 0; i < n; i++) {
    const u = r();
    if (dtype === 'bool') out.push(u < 0.5 ? 1 : 0);
    else if (info.kind === 'f') {
      let v: number;
      if (specials && u < 0.02) v = [NaN, Infinity, -Infinity][Math.floor(r() * 3)]!;
      else if (u < 0.06) v = r() < 0.5 ? 0 : -0;
      else if (exact || u < 0.5) v = Math.floor(r() * 81 - 40) / 4;
      else v = (r() * 2 - 1) * 1000;
      out.push(dtype === 'float32' ? Math.fround(v) : v);
    } else if (info.bigint) {
      const min = info.min as bigint;
      const max = info.max as bigint;
      if (u < 0.1) out.push(r() < 0.5 ? min : max);
      else if (u < 0.6) out.push(BigInt(Math.floor(r() * 41) - (min < 0n ? 20 : 0)));
      else {
        const raw = (BigInt(Math.floor(r() * 2 ** 32)) << 32n) | BigInt(Math.floor(r() * 2 ** 32));
        out.push(min < 0n ? BigInt.asIntN(64, raw) : raw);
      }
    } else {
      const min = info.min as number;
      const max = info.max as number;
      if (u < 0.1) out.push(r() < 0.5 ? min : max);
      else if (u < 0.6) out.push(Math.max(min, Math.floor(r() * 41) - 20));
      else out.push(min + Math.floor(r() * (max - min + 1)));
    }
  }
  return out;
}

/** Spec of one generated operand: dtype, shape, layout and value seed. */
interface OpSpec {
  dtype: np.DType;
  shape: number[];
  view: ViewKind;
  pick: number;
  seed: number;
  specials: boolean;
}

const opSpec = (shape: fc.Arbitrary<number[]>, dtypes: readonly np.DType[] = ALL_DTYPES): fc.Arbitrary<OpSpec> =>
  fc.record({
    dtype: fc.constantFrom(...dtypes),
    shape,
    view: fc.constantFrom(...VIEWS),
    pick: fc.nat(7),
    seed: fc.nat(),
    specials: fc.integer({ min: 0, max: 3 }).map((v) => v === 0), // one operand in four has NaN/Inf
  });

function build(s: OpSpec, exact: boolean): np.NDArray {
  const size = s.shape.reduce((x, y) => x * y, 1);
  return makeView(s.dtype, s.shape, values(s.dtype, size, s.seed, exact, s.specials), s.view, s.pick);
}

// ---------------------------------------------------------------------------------------
// Shapes of the cases.

const side = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constant(1) },
  { weight: 4, arbitrary: fc.integer({ min: 2, max: 6 }) },
  { weight: 2, arbitrary: fc.integer({ min: 7, max: 21 }) },
);
const kArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constant(1) },
  { weight: 4, arbitrary: fc.integer({ min: 2, max: 9 }) },
  { weight: 3, arbitrary: fc.integer({ min: 10, max: 70 }) },
);
const small = fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 2, max: 3 }));
/** Leading (batch) axes: small, so big cores stay cheap. */
const leadArb = fc.array(small, { maxLength: 2 });

/** A product case: the numbat call, the NumPy expression and the reference. */
interface Case {
  desc: string;
  ops: OpSpec[];
  /** K for the tolerance. */
  k: (arrays: np.NDArray[]) => number;
  run: (arrays: np.NDArray[]) => np.NDArray | np.Scalar;
  /** NumPy expression over `a`, `b` (values) and `A`, `B` (float64 absolute values). */
  py: string;
  pyMag: string | null;
  pyArgs?: Record<string, PyArg>;
  ref: (arrays: np.NDArray[]) => RefResult;
}

const last = (s: readonly number[]): number => s[s.length - 1] ?? 1;

/** `size` mismatches the core dimension in about one case in ten (errors against NumPy). */
const maybeOff = (k: number, bad: boolean): number => (bad ? k + 1 : k);

const matmulCases = fc
  .tuple(broadcastShapesArb({ maxDims: 2, maxSide: 3 }), side, side, kArb, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 19 }))
  .chain(([[ba, bb], m, n, k, va, vb, bad]) => {
    // 1-d operands in about 2 cases in 10 each
    const sa = va < 2 ? [k] : [...ba, m, k];
    const sb = vb < 2 ? [maybeOff(k, bad === 0)] : [...bb, maybeOff(k, bad === 0), n];
    return fc.tuple(opSpec(fc.constant(sa)), opSpec(fc.constant(sb)));
  })
  .map(([a, b]): Case => ({
    desc: 'matmul',
    ops: [a, b],
    k: ([x]) => last(x!.shape),
    run: ([x, y]) => np.matmul(x!, y!),
    py: 'np.matmul(a, b)',
    pyMag: 'np.matmul(A, B)',
    ref: ([x, y]) => refMatmul(x!, y!),
  }));

const dotCases = fc
  .tuple(leadArb, leadArb, side, kArb, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 9 }))
  .chain(([la, lb, n, k, form, bad, zeroD]) => {
    const sa = zeroD === 0 ? [] : [...la, k];
    const kb = maybeOff(k, bad === 0 && zeroD !== 0);
    const sb = zeroD === 1 ? [] : form < 3 ? [kb] : [...lb, kb, n];
    return fc.tuple(opSpec(fc.constant(sa)), opSpec(fc.constant(sb)));
  })
  .map(([a, b]): Case => ({
    desc: 'dot',
    ops: [a, b],
    k: ([x]) => last(x!.shape),
    run: ([x, y]) => np.dot(x!, y!),
    py: 'np.dot(a, b)',
    pyMag: 'np.dot(A, B)',
    ref: ([x, y]) => refDot(x!, y!),
  }));

const innerCases = fc
  .tuple(leadArb, leadArb, kArb, fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 9 }))
  .chain(([la, lb, k, bad, zeroD]) => {
    const sa = zeroD === 0 ? [] : [...la, k];
    const sb = zeroD === 1 ? [] : [...lb, maybeOff(k, bad === 0 && zeroD !== 0)];
    return fc.tuple(opSpec(fc.constant(sa)), opSpec(fc.constant(sb)));
  })
  .map(([a, b]): Case => ({
    desc: 'inner',
    ops: [a, b],
    k: ([x]) => last(x!.shape),
    run: ([x, y]) => np.inner(x!, y!),
    py: 'np.inner(a, b)',
    pyMag: 'np.inner(A, B)',
    ref: ([x, y]) => refInner(x!, y!),
  }));

/** Two shapes of the same size (or, in one case in ten, not), for vdot. */
const vdotCases = fc
  .tuple(fc.array(side, { maxLength: 3 }), fc.integer({ min: 0, max: 9 }), fc.nat(5))
  .chain(([s, bad, split]) => {
    const size = s.reduce((x, y) => x * y, 1);
    const other = bad === 0 ? [size + 1] : split === 0 ? [size] : s.slice().reverse();
    return fc.tuple(opSpec(fc.constant(s)), opSpec(fc.constant(other)));
  })
  .map(([a, b]): Case => ({
    desc: 'vdot',
    ops: [a, b],
    k: ([x]) => x!.size,
    run: ([x, y]) => np.vdot(x!, y!),
    py: 'np.vdot(a, b)',
    pyMag: 'np.vdot(A, B)',
    ref: ([x, y]) => refVdot(x!, y!),
  }));

const outerCases = fc
  .tuple(opSpec(fc.array(small, { maxLength: 3 })), opSpec(fc.array(side, { maxLength: 2 })))
  .map(([a, b]): Case => ({
    desc: 'outer',
    ops: [a, b],
    k: () => 1,
    run: ([x, y]) => np.outer(x!, y!),
    py: 'np.outer(a, b)',
    pyMag: null,
    ref: ([x, y]) => refOuter(x!, y!),
  }));

const kronCases = fc
  .tuple(opSpec(fc.array(small, { maxLength: 3 })), opSpec(fc.array(small, { maxLength: 3 })))
  .map(([a, b]): Case => ({
    desc: 'kron',
    ops: [a, b],
    k: () => 1,
    run: ([x, y]) => np.kron(x!, y!),
    py: 'np.kron(a, b)',
    pyMag: null,
    ref: ([x, y]) => refKron(x!, y!),
  }));

/**
 * tensordot: free axes of a and b, summed axes (sizes shared), placed at random positions
 * of each operand; axes given as an int (last N of a = first N of b) or as lists with
 * negative entries.
 */
const tensordotCases = fc
  .tuple(
    fc.array(small, { maxLength: 2 }),
    fc.array(small, { maxLength: 2 }),
    fc.array(fc.oneof(small, fc.integer({ min: 4, max: 12 })), { maxLength: 3 }),
    fc.boolean(),
    fc.nat(1000),
  )
  .chain(([fa, fb, summed, asInt, seed]) => {
    const r = seededRandom(seed);
    const pos = (free: number[], n: number): number[] => {
      // positions of the summed axes among free.length + n axes
      const all = Array.from({ length: free.length + n }, (_, i) => i);
      for (let i = all.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [all[i], all[j]] = [all[j]!, all[i]!];
      }
      return all.slice(0, n);
    };
    let sa: number[];
    let sb: number[];
    let axes: [number[], number[]] | number;
    if (asInt) {
      sa = [...fa, ...summed];
      sb = [...summed, ...fb];
      axes = summed.length;
    } else {
      const pa = pos(fa, summed.length);
      const pb = pos(fb, summed.length);
      sa = new Array<number>(fa.length + summed.length);
      sb = new Array<number>(fb.length + summed.length);
      pa.forEach((p, t) => (sa[p] = summed[t]!));
      pb.forEach((p, t) => (sb[p] = summed[t]!));
      let ia = 0;
      let ib = 0;
      for (let i = 0; i < sa.length; i++) if (sa[i] === undefined) sa[i] = fa[ia++]!;
      for (let i = 0; i < sb.length; i++) if (sb[i] === undefined) sb[i] = fb[ib++]!;
      // some axes negative, as NumPy allows
      axes = [pa.map((p) => (r() < 0.3 ? p - sa.length : p)), pb.map((p) => (r() < 0.3 ? p - sb.length : p))];
    }
    return fc.tuple(opSpec(fc.constant(sa)), opSpec(fc.constant(sb)), fc.constant(axes));
  })
  .map(([a, b, axes]): Case => {
    const lists = (): [number[], number[]] =>
      typeof axes === 'number'
        ? [Array.from({ length: axes }, (_, i) => i - axes), Array.from({ length: axes }, (_, i) => i)]
        : [axes[0], axes[1]];
    return {
      desc: `tensordot axes=${JSON.stringify(axes)}`,
      ops: [a, b],
      k: ([x]) => lists()[0].map((ax) => x!.shape[ax < 0 ? ax + x!.ndim : ax]!).reduce((p, q) => p * q, 1),
      run: ([x, y]) => np.tensordot(x!, y!, typeof axes === 'number' ? axes : [axes[0], axes[1]]),
      py: 'np.tensordot(a, b, axes)',
      pyMag: 'np.tensordot(A, B, axes)',
      pyArgs: { axes: typeof axes === 'number' ? pyInt(axes) : [axes[0], axes[1]] },
      ref: ([x, y]) => refTensordot(x!, y!, ...lists()),
    };
  });

/** The accumulator numbat's trace uses by default (API.md: ints int32, unsigned uint32). */
function sumDType(d: np.DType): np.DType {
  const info = np.DTYPES[d];
  if (info.kind === 'f' || info.itemsize === 8) return d;
  return info.kind === 'u' ? 'uint32' : 'int32';
}

const traceCases = fc
  .tuple(fc.array(side, { minLength: 2, maxLength: 4 }), fc.integer({ min: -5, max: 5 }), fc.nat(), fc.integer({ min: 0, max: 5 }))
  .chain(([shape, offset, axSeed, withDtype]) => {
    const nd = shape.length;
    const ax1 = axSeed % nd;
    const ax2 = (ax1 + 1 + (Math.floor(axSeed / nd) % (nd - 1))) % nd;
    const neg = (ax: number): number => (axSeed % 3 === 0 ? ax - nd : ax);
    return fc.tuple(opSpec(fc.constant(shape)), fc.constant([offset, neg(ax1), ax2, withDtype] as const));
  })
  .map(([a, [offset, axis1, axis2, withDtype]]): Case => {
    // an explicit float accumulator in one case in three (float to int casts of NaN are UB in C)
    const dtype: np.DType | undefined = withDtype === 0 ? 'float64' : withDtype === 1 ? 'float32' : undefined;
    return {
      desc: `trace offset=${offset} axis1=${axis1} axis2=${axis2} dtype=${dtype}`,
      ops: [a],
      k: ([x]) => Math.min(x!.shape[axis1 < 0 ? axis1 + x!.ndim : axis1]!, x!.shape[axis2]!),
      run: ([x]) => np.trace(x!, { offset, axis1, axis2, ...(dtype === undefined ? {} : { dtype }) }),
      py: 'np.trace(a, offset, axis1, axis2, dtype=dt)',
      pyMag: 'np.trace(A, offset, axis1, axis2)',
      pyArgs: { offset, axis1, axis2, dt: dtype ?? sumDType(a.dtype) },
      ref: ([x]) => refTrace(x!, offset, axis1, axis2, dtype),
    };
  });

// ---------------------------------------------------------------------------------------

/** A JS scalar result as a plain 0-d array of the dtype NumPy reports (checking its JS type). */
function plainOf(result: np.NDArray | np.Scalar, dtype: string): Plain | string {
  if (result instanceof np.NDArray) return toPlain(result);
  const want = dtype === 'bool' ? 'boolean' : dtype.endsWith('int64') ? 'bigint' : 'number';
  if (typeof result !== want) return `a ${typeof result} where a ${want} (${dtype}) was expected`;
  return { dtype, shape: [], values: [typeof result === 'boolean' ? +result : result] };
}

interface Ran {
  c: Case;
  arrays: np.NDArray[];
  before: string[];
  result: np.NDArray | np.Scalar | Error;
}

function runAll(cases: Case[], exact: boolean): Ran[] {
  return cases.map((c) => {
    const arrays = c.ops.map((s) => build(s, exact));
    const before = arrays.map(fingerprint);
    let result: np.NDArray | np.Scalar | Error;
    try {
      result = c.run(arrays);
    } catch (e) {
      result = e as Error;
    }
    return { c, arrays, before, result };
  });
}

function describeRan(r: Ran): string {
  return `${r.c.desc}(${r.arrays.map((a) => `${a.dtype}(${a.shape}) strides (${a.strides})`).join(', ')})`;
}

const FAMILIES: [string, fc.Arbitrary<Case>, number][] = [
  ['matmul', matmulCases, 220],
  ['dot', dotCases, 180],
  ['inner', innerCases, 120],
  ['vdot', vdotCases, 100],
  ['outer', outerCases, 80],
  ['tensordot', tensordotCases, 150],
  ['trace', traceCases, 150],
  ['kron', kronCases, 100],
];

describe.runIf(hasNumpy)('products against NumPy', () => {
  for (const [name, arb, n] of FAMILIES) {
    it(`${name}: random shapes, dtypes and layouts`, async () => {
      const py = await oracle();
      const ran = runAll(sample(arb, n, name.length * 7919), false);
      const oc: OracleCase[] = ran.map((r) => {
        const args: Record<string, PyArg> = { ...(r.c.pyArgs ?? {}) };
        ['a', 'b'].slice(0, r.arrays.length).forEach((nm, i) => (args[nm] = r.arrays[i]!));
        const absDefs = r.arrays.map((_, i) => `${'AB'[i]} = np.abs(${'ab'[i]}.astype(np.float64))`).join('\n');
        const code = r.c.pyMag === null ? `result = ${r.c.py}` : `${absDefs}\nresult = [${r.c.py}, ${r.c.pyMag}]`;
        return { code, args };
      });
      const answers = await py.run(oc);
      const failures: string[] = [];
      let errors = 0;
      ran.forEach((r, i) => {
        const ans = answers[i]!;
        const desc = describeRan(r);
        r.arrays.forEach((a, j) => {
          if (fingerprint(a) !== r.before[j]) failures.push(`${desc}: input ${j} was modified`);
        });
        if (r.result instanceof Error) {
          errors++;
          if (ans.ok) failures.push(`${desc}: threw ${r.result.message}, NumPy gave a result`);
          else if (r.result.message !== ans.message) failures.push(`${desc}: message "${r.result.message}", NumPy "${ans.message}"`);
          return;
        }
        if (!ans.ok) {
          failures.push(`${desc}: NumPy raised ${ans.type}: ${ans.message}`);
          return;
        }
        if (r.c.pyMag === null) {
          const m = mismatch(r.result, ans);
          if (m !== null) failures.push(`${desc}: ${m}`);
          return;
        }
        const [val, mag] = ans.value as [PyValue, PyValue];
        const expected = val as Plain;
        const actual = plainOf(r.result, expected.dtype);
        if (typeof actual === 'string') {
          failures.push(`${desc}: ${actual}`);
          return;
        }
        const m = refMismatch(actual, { plain: expected, mag: (mag as Plain).values.map(Number), k: r.c.k(r.arrays) });
        if (m !== null) failures.push(`${desc}: ${m}`);
      });
      expect(failures.slice(0, 10)).toEqual([]);
      // the generators do produce some error cases (and mostly results)
      if (['matmul', 'dot', 'inner', 'vdot'].includes(name)) expect(errors).toBeGreaterThan(0);
      expect(errors).toBeLessThan(n / 3);
    });
  }

  it('matmul and dot past every block size of the GEMM (MC 128, KC 256, NC 512)', async () => {
    const py = await oracle();
    const shapes: [number, number, number][] = [[130, 260, 9], [5, 300, 520], [129, 257, 513], [1, 600, 3], [3, 600, 1]];
    const cases: OracleCase[] = [];
    const results: { r: np.NDArray; k: number }[] = [];
    shapes.forEach(([m, k, n], i) => {
      for (const dtype of ['float64', 'float32'] as np.DType[]) {
        const a = makeView(dtype, [m, k], values(dtype, m * k, 10 * i + 1, false, false), i % 2 === 0 ? 'transposed' : 'contiguous');
        const b = makeView(dtype, [k, n], values(dtype, k * n, 10 * i + 2, false, false), i % 2 === 0 ? 'stepped' : 'fortran');
        results.push({ r: np.matmul(a, b), k });
        cases.push({ code: 'result = [np.matmul(a, b), np.matmul(np.abs(a.astype(np.float64)), np.abs(b.astype(np.float64)))]', args: { a, b } });
      }
    });
    const answers = await py.run(cases);
    answers.forEach((ans, i) => {
      expect(ans.ok).toBe(true);
      if (!ans.ok) return;
      const [val, mag] = ans.value as unknown as [Plain, Plain];
      expect(refMismatch(toPlain(results[i]!.r), { plain: val, mag: mag.values.map(Number), k: results[i]!.k })).toBeNull();
    });
  });
});

describe('products against the naive reference', () => {
  for (const [name, arb, n] of FAMILIES) {
    it(`${name}: random shapes, dtypes and layouts (exact values)`, () => {
      const ran = runAll(sample(arb, Math.ceil(n / 2), name.length * 104729), true);
      const failures: string[] = [];
      for (const r of ran) {
        const desc = describeRan(r);
        r.arrays.forEach((a, j) => {
          if (fingerprint(a) !== r.before[j]) failures.push(`${desc}: input ${j} was modified`);
        });
        if (r.result instanceof Error) continue; // shape errors are checked against NumPy
        const ref = r.c.ref(r.arrays);
        const actual = plainOf(r.result, ref.plain.dtype);
        if (typeof actual === 'string') failures.push(`${desc}: ${actual}`);
        else {
          // the sign of a zero from dot/inner follows NumPy's BLAS paths (checked against
          // NumPy above); the reference sums every product from +0
          const m = refMismatch(actual, ref, name !== 'dot' && name !== 'inner');
          if (m !== null) failures.push(`${desc}: ${m}`);
        }
      }
      expect(failures.slice(0, 10)).toEqual([]);
    });
  }

  it('the GEMM blocks: products crossing MC, KC and NC, every layout, float64 and float32', () => {
    const shapes: [number, number, number][] = [[130, 260, 9], [5, 10, 520], [9, 257, 6], [131, 3, 5], [1, 40, 7], [7, 40, 1]];
    const failures: string[] = [];
    shapes.forEach(([m, k, n], i) => {
      for (const dtype of ['float64', 'float32', 'int32', 'uint8'] as np.DType[]) {
        const view = VIEWS[i % VIEWS.length]!;
        const a = makeView(dtype, [m, k], values(dtype, m * k, 100 + i, true, i === 4), view, i);
        const b = makeView(dtype, [k, n], values(dtype, k * n, 200 + i, true, false), VIEWS[(i + 3) % VIEWS.length]!, i + 1);
        const m1 = refMismatch(toPlain(np.matmul(a, b)), refMatmul(a, b));
        if (m1 !== null) failures.push(`matmul ${dtype} (${m},${k})x(${k},${n}) ${view}: ${m1}`);
      }
    });
    expect(failures).toEqual([]);
  });
});

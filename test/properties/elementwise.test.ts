/**
 * round, clip, where, isclose, allclose and arrayEqual: against the naive reference (runs
 * everywhere) and against NumPy (random dtypes, broadcast shapes with 0- and 1-length axes,
 * every layout, JS scalars as NEP 50 weak scalars). Inputs must be left unchanged.
 *
 * Known, documented differences handled here:
 * - numbat's default int is int32: where NumPy's result is int64 only because a weak int
 *   met nothing but bools, numbat gives int32 (`defaultIntMap`).
 * - `where` with a weak int that does not fit: numbat throws OverflowError as NumPy >= 2.5
 *   (numpy/numpy#30803); the NumPy 2.4 oracle still wraps, so those cases check the error.
 *   With weak operands only, the int must fit numbat's default int32 (NumPy: int64).
 * - `clip`'s zero sign: NumPy's SIMD loop for scalar bounds may keep the input's zero where
 *   maximum/minimum give the bound's; zeros compare without sign for clip.
 * - `round` of an integer to a value out of its dtype: NumPy's cast is platform-defined;
 *   the oracle answers null for those and they are skipped (and counted).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { hasNumpy, oracle, type OracleCase, type PyArg } from '../oracle/numpy.js';
import { comparePlain, mismatch, FLOAT16_AS_FLOAT32 } from '../oracle/compare.js';
import { arrayArb, broadcastShapesArb, makeView, sample, shapeArb, valueArb, ALL_DTYPES, NUMBER_DTYPES, type ViewKind } from '../arbitraries/arrays.js';
import { toPlain, type Plain } from '../reference/plain.js';
import { refClip, refIsclose, refRound, refWhere } from '../reference/elementwise.js';
import { fingerprint } from '../helpers.js';

const VIEWS: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast', 'fortran'];

/** Three shapes that broadcast together. */
const tripleShapesArb = broadcastShapesArb().chain(([s1, s2]) =>
  fc.tuple(fc.constant(s1), fc.constant(s2), fc.nat(2)).map(([a, b, k]) => {
    // the third: a suffix of one of the other two with some axes set to 1
    const src = k === 0 ? a : b;
    return [a, b, src.slice(k).map((d, i) => (i % 2 === 1 ? 1 : d))] as [number[], number[], number[]];
  }),
);

/** A condition array: any random array, or one of 0, -0, NaN and nonzero floats. */
const condArb = (shape: number[]): fc.Arbitrary<np.NDArray> =>
  fc.oneof(
    arrayArb({ shape, views: VIEWS }),
    fc.tuple(fc.constantFrom<np.DType>('float32', 'float64'), fc.constantFrom(...VIEWS), fc.nat(5)).chain(([dt, view, pick]) => {
      const size = shape.reduce((p, q) => p * q, 1);
      return fc
        .array(fc.constantFrom(0, -0, NaN, 1, 0.5, -Infinity), { minLength: size, maxLength: size })
        .map((v) => makeView(dt, shape, v, view, pick));
    }),
  );

/** A weak JS scalar of any kind: small and large ints, floats, NaN, infinities, booleans. */
const weakArb: fc.Arbitrary<number | boolean> = fc.oneof(
  fc.integer({ min: -20, max: 20 }),
  fc.constantFrom(127, 128, 255, 256, -129, 300, -300, 70000, 2 ** 31, -(2 ** 31) - 1, 2 ** 40),
  fc.integer({ min: -40, max: 40 }).map((x) => x / 8 + 0.0625),
  fc.constantFrom(NaN, Infinity, -Infinity, -0.5, 1.5e-300),
  fc.boolean(),
);

/** NumPy's int64 that is numbat's int32: a weak int that met only bool arrays (or none). */
function defaultIntMap(strong: readonly np.DType[], weak: readonly unknown[]): Record<string, string> {
  const weakInt = weak.some((w) => typeof w === 'number' && Number.isInteger(w));
  return weakInt && strong.every((d) => d === 'bool') ? { int64: 'int32' } : {};
}

type Arg = np.NDArray | number | boolean | null;

function describeArg(x: Arg): string {
  return x instanceof np.NDArray ? `${x.dtype}(${x.shape})` : String(x);
}

interface Ran {
  desc: string;
  args: Arg[];
  before: string[];
  result: unknown;
}

function runCase(name: string, args: Arg[], f: () => unknown): Ran {
  const before = args.map(fingerprint);
  let result: unknown;
  try {
    result = f();
  } catch (e) {
    result = e as Error;
  }
  return { desc: `${name}(${args.map(describeArg).join(', ')})`, args, before, result };
}

function checkInputs(c: Ran, failures: string[]): void {
  c.args.forEach((a, k) => {
    if (fingerprint(a) !== c.before[k]) failures.push(`${c.desc}: input ${k} was modified`);
  });
}

/** Compares an error or a value with NumPy's answer. */
function compare(c: Ran, ans: Awaited<ReturnType<Awaited<ReturnType<typeof oracle>>['one']>>, failures: string[], tol = {}): void {
  checkInputs(c, failures);
  if (c.result instanceof Error) {
    if (ans.ok) failures.push(`${c.desc}: threw ${c.result.message}, NumPy gave a result`);
    else if (c.result.message !== ans.message.trimEnd()) failures.push(`${c.desc}: message "${c.result.message}", NumPy "${ans.message}"`);
    return;
  }
  const m = mismatch(c.result, ans, tol);
  if (m !== null) failures.push(`${c.desc}: ${m}`);
}

const py = (x: Arg): PyArg => x;

// ------------------------------------------------------------------ naive reference

describe('round, clip, where, isclose against the naive reference', () => {
  it('where: broadcast cond/x/y of one dtype, any layout, NaN conditions', () => {
    fc.assert(
      fc.property(
        tripleShapesArb.chain(([s1, s2, s3]) =>
          fc.constantFrom(...ALL_DTYPES).chain((dt) =>
            fc.tuple(condArb(s1), arrayArb({ shape: s2, dtypes: [dt], views: VIEWS }), arrayArb({ shape: s3, dtypes: [dt], views: VIEWS })),
          ),
        ),
        ([c, x, y]) => {
          const r = np.where(c, x, y);
          expect(r.dtype).toBe(x.dtype);
          expect(comparePlain(toPlain(r), refWhere(toPlain(c), toPlain(x), toPlain(y), x.dtype))).toBeNull();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('clip: arrays of one number dtype with same-dtype array or in-range scalar bounds', () => {
    const boundArb = (dt: np.DType, shape: number[]): fc.Arbitrary<np.NDArray | number | null> =>
      fc.oneof(fc.constant(null), valueArb(dt, { range: 1e6 }).map(Number), arrayArb({ shape, dtypes: [dt], views: VIEWS }));
    fc.assert(
      fc.property(
        tripleShapesArb.chain(([s1, s2, s3]) =>
          fc.constantFrom(...NUMBER_DTYPES.filter((d) => d !== 'bool')).chain((dt) =>
            fc.tuple(arrayArb({ shape: s1, dtypes: [dt], views: VIEWS }), boundArb(dt, s2), boundArb(dt, s3)),
          ),
        ),
        ([a, lo, hi]) => {
          const plain = (b: np.NDArray | number | null): Plain | null =>
            b === null ? null : b instanceof np.NDArray ? toPlain(b) : { dtype: a.dtype, shape: [], values: [b] };
          const r = np.clip(a, lo, hi);
          expect(r.dtype).toBe(a.dtype);
          expect(comparePlain(toPlain(r), refClip(toPlain(a), plain(lo), plain(hi), a.dtype))).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('isclose: float64 and float32 pairs, every tolerance, equalNan', () => {
    fc.assert(
      fc.property(
        broadcastShapesArb().chain(([s1, s2]) =>
          fc.constantFrom<('float32' | 'float64')[]>('float32', 'float64').chain((dt) =>
            fc.tuple(
              arrayArb({ shape: s1, dtypes: [dt], views: VIEWS }),
              arrayArb({ shape: s2, dtypes: [dt], views: VIEWS }),
              fc.constantFrom(1e-5, 0, 0.25, 1e-3),
              fc.constantFrom(1e-8, 0, 0.5),
              fc.boolean(),
            ),
          ),
        ),
        ([a, b, rtol, atol, equalNan]) => {
          const r = np.isclose(a, b, { rtol, atol, equalNan });
          const ref = refIsclose(toPlain(a), toPlain(b), rtol, atol, equalNan, a.dtype as 'float32' | 'float64');
          expect(comparePlain(toPlain(r), ref)).toBeNull();
          expect(np.allclose(a, b, { rtol, atol, equalNan })).toBe(ref.values.every((v) => v === 1));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('round: floats for decimals -3..5, integers for decimals -2..2 (no overflow)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(arrayArb({ dtypes: ['float32', 'float64'], views: VIEWS }), fc.integer({ min: -3, max: 5 })),
          fc.tuple(arrayArb({ dtypes: ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32'], views: VIEWS, range: 100 }), fc.integer({ min: -2, max: 2 })),
        ),
        ([a, d]) => {
          const r = np.round(a, d);
          expect(comparePlain(toPlain(r), refRound(toPlain(a), d))).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });
});

// ------------------------------------------------------------------ NumPy

describe.runIf(hasNumpy)('round, clip, where, isclose, allclose, arrayEqual against NumPy', () => {
  it('round: every dtype, decimals from -4 to 12, all layouts', async () => {
    const o = await oracle();
    const cases = sample(fc.tuple(arrayArb({ views: VIEWS }), fc.oneof(fc.integer({ min: -4, max: 6 }), fc.constantFrom(0, 12, -12))), 250, 7);
    const ran = cases.map(([a, d]) => runCase('round', [a, d], () => np.round(a, d)));
    const code = `
r = np.round(a, d)
if a.dtype.kind in 'iu' and d < 0:
    f = np.round(a.astype(np.float64), d)
    i = np.iinfo(a.dtype)
    if f.size and (f.min() < i.min or f.max() > i.max):
        r = None
result = r`;
    const answers = await o.run(cases.map(([a, d]) => ({ code, args: { a, d } })));
    const failures: string[] = [];
    let skipped = 0;
    ran.forEach((c, i) => {
      const ans = answers[i]!;
      if (ans.ok && ans.value === null) {
        skipped++;
        return;
      }
      compare(c, ans, failures, { dtypeMap: FLOAT16_AS_FLOAT32 });
    });
    expect(failures.slice(0, 10)).toEqual([]);
    expect(skipped).toBeLessThan(cases.length / 5);
  });

  it('clip: random dtypes, array/scalar/null bounds, broadcasting, NaN, out-of-range ints', async () => {
    const o = await oracle();
    const boundArb = (shape: number[]): fc.Arbitrary<Arg> =>
      fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: weakArb }, { weight: 2, arbitrary: arrayArb({ shape, views: VIEWS }) });
    const cases = sample(
      tripleShapesArb.chain(([s1, s2, s3]) => fc.tuple(arrayArb({ shape: s1, views: VIEWS }), boundArb(s2), boundArb(s3))),
      300,
      11,
    );
    const ran = cases.map(([a, lo, hi]) => runCase('clip', [a, lo, hi], () => np.clip(a, lo, hi)));
    const answers = await o.run(cases.map(([a, lo, hi]) => ({ code: 'np.clip(a, lo, hi)', args: { a, lo: py(lo), hi: py(hi) } })));
    const failures: string[] = [];
    ran.forEach((c, i) => {
      const [a, lo, hi] = cases[i]!;
      const strong = [a, lo, hi].filter((x): x is np.NDArray => x instanceof np.NDArray).map((x) => x.dtype);
      const weak = [lo, hi].filter((x) => !(x instanceof np.NDArray) && x !== null);
      compare(c, answers[i]!, failures, { signedZeros: false, dtypeMap: defaultIntMap(strong, weak) });
    });
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('where: random conditions (NaN included), arrays and weak scalars, broadcasting', async () => {
    const o = await oracle();
    const operandArb = (shape: number[]): fc.Arbitrary<Arg> =>
      fc.oneof({ weight: 2, arbitrary: weakArb }, { weight: 3, arbitrary: arrayArb({ shape, views: VIEWS }) });
    const cases = sample(
      tripleShapesArb.chain(([s1, s2, s3]) => fc.tuple(condArb(s1), operandArb(s2), operandArb(s3))),
      300,
      13,
    );
    const ran = cases.map(([c, x, y]) => runCase('where', [c, x, y], () => np.where(c, x as np.ArrayLike, y as np.ArrayLike)));
    const answers = await o.run(cases.map(([c, x, y]) => ({ code: 'np.where(c, x, y)', args: { c, x: py(x), y: py(y) } })));
    const failures: string[] = [];
    let overflowChecked = 0;
    ran.forEach((c, i) => {
      const [, x, y] = cases[i]!;
      const ans = answers[i]!;
      const strong = [x, y].filter((v): v is np.NDArray => v instanceof np.NDArray).map((v) => v.dtype);
      const map = defaultIntMap(strong, [x, y].filter((v) => !(v instanceof np.NDArray)));
      if (c.result instanceof np.OverflowError && ans.ok && typeof ans.value === 'object' && ans.value !== null && 'dtype' in ans.value) {
        // NumPy 2.4 wraps the weak int (numpy/numpy#30803 makes NumPy 2.5 raise, as numbat);
        // with weak operands only, numbat's int32 default int is the dtype it must fit
        const dt = (map[ans.value.dtype as string] ?? ans.value.dtype) as np.DType;
        const info = np.DTYPES[dt];
        const bad = [x, y].find((v) => typeof v === 'number' && Number.isInteger(v) && (v < info.min || v > info.max));
        if (bad === undefined || c.result.message !== `Python integer ${bad} out of bounds for ${dt}`) failures.push(`${c.desc}: unexpected ${c.result.message}`);
        overflowChecked++;
        checkInputs(c, failures);
        return;
      }
      compare(c, ans, failures, { dtypeMap: map });
    });
    expect(failures.slice(0, 10)).toEqual([]);
    expect(overflowChecked).toBeGreaterThan(0);
  });

  it('where(cond) with one argument is nonzero: int32 indices per axis', async () => {
    const o = await oracle();
    const cases = sample(arrayArb({ views: VIEWS, minDims: 1 }), 80, 17);
    const ran = cases.map((c) => runCase('where', [c], () => np.where(c)));
    const answers = await o.run(cases.map((c) => ({ code: '[i.astype(np.int32) for i in np.where(c)]', args: { c } })));
    const failures: string[] = [];
    ran.forEach((c, i) => compare(c, answers[i]!, failures));
    expect(failures.slice(0, 10)).toEqual([]);
  });

  /** Values that are often close to each other: the interesting part of isclose. */
  const closeArb = (shape: number[]): fc.Arbitrary<np.NDArray> =>
    fc.oneof(
      arrayArb({ shape, views: VIEWS }),
      fc.tuple(fc.constantFrom<np.DType>('float32', 'float64', 'int32', 'uint8', 'int64', 'bool'), fc.constantFrom(...VIEWS), fc.nat(5)).chain(([dt, view, pick]) => {
        const size = shape.reduce((p, q) => p * q, 1);
        const isF = dt === 'float32' || dt === 'float64';
        const vals: fc.Arbitrary<number | bigint> = isF
          ? fc.constantFrom(0, -0, 1, 1 + 1e-6, 1 + 9e-6, 1 + 2e-5, 1 - 1e-5, 1e-9, 2e-8, 100, 100.001, NaN, Infinity, -Infinity)
          : dt === 'bool'
            ? fc.constantFrom(0, 1)
            : fc.integer({ min: 0, max: 3 }).map((v) => (dt === 'int64' ? BigInt(v) : v));
        return fc.array(vals, { minLength: size, maxLength: size }).map((v) => makeView(dt, shape, v, view, pick));
      }),
    );
  const closeScalarArb: fc.Arbitrary<Arg> = fc.constantFrom(0, 1, 1 + 1e-6, 1 + 2e-5, 2, NaN, Infinity, true, 100);

  it('isclose and allclose: close values, scalars on either side, tolerances, equalNan', async () => {
    const o = await oracle();
    const sideArb = (shape: number[]): fc.Arbitrary<Arg> =>
      fc.oneof({ weight: 4, arbitrary: closeArb(shape) }, { weight: 1, arbitrary: closeScalarArb });
    const cases = sample(
      fc.tuple(
        broadcastShapesArb().chain(([s1, s2]) => fc.tuple(sideArb(s1), sideArb(s2))),
        fc.constantFrom<[number, number]>([1e-5, 1e-8], [0, 0], [1e-3, 0], [0, 0.5], [0.1, 1e-12]),
        fc.boolean(),
      ),
      300,
      19,
    );
    const ran = cases.flatMap(([[a, b], [rtol, atol], equalNan]) => [
      runCase('isclose', [a, b], () => np.isclose(a as np.ArrayLike, b as np.ArrayLike, { rtol, atol, equalNan })),
      runCase('allclose', [a, b], () => np.allclose(a as np.ArrayLike, b as np.ArrayLike, { rtol, atol, equalNan })),
    ]);
    const answers = await o.run(
      cases.flatMap(([[a, b], [rtol, atol], equalNan]): OracleCase[] => {
        const args = { a: py(a), b: py(b), rtol, atol, en: equalNan };
        return [
          { code: 'np.asarray(np.isclose(a, b, rtol=rtol, atol=atol, equal_nan=en))', args },
          { code: 'bool(np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=en))', args },
        ];
      }),
    );
    const failures: string[] = [];
    ran.forEach((c, i) => compare(c, answers[i]!, failures));
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('arrayEqual: equal and unequal values, NaN positions, other dtypes, other shapes', async () => {
    const o = await oracle();
    const cases = sample(
      fc.tuple(arrayArb({ views: VIEWS, maxSide: 3 }), fc.constantFrom('same', 'dtype', 'changed', 'shape'), fc.constantFrom(...ALL_DTYPES), fc.nat(), shapeArb({ maxSide: 3 }), fc.boolean()),
      250,
      23,
    );
    const built = cases.map(([a, how, dt, k, shape, equalNan]): [np.NDArray, np.NDArray, boolean] => {
      const p = toPlain(a);
      const toDt = (d: np.DType, v: number | bigint): number | bigint => {
        const big = d === 'int64' || d === 'uint64';
        const n = Number(v);
        if (big) return Number.isFinite(n) ? BigInt(Math.max(-1e15, Math.min(1e15, Math.trunc(n)))) : 0n;
        return d === 'bool' ? (n !== 0 ? 1 : 0) : n;
      };
      if (how === 'same') return [a, makeView(a.dtype, a.shape, p.values, 'reversed', k), equalNan];
      if (how === 'dtype') return [a, makeView(dt, a.shape, p.values.map((v) => toDt(dt, v)), 'contiguous'), equalNan];
      if (how === 'changed' && p.values.length > 0) {
        const vals = p.values.slice();
        const j = k % vals.length;
        vals[j] = typeof vals[j] === 'bigint' ? (vals[j] as bigint) ^ 1n : a.dtype === 'bool' ? 1 - (vals[j] as number) : (vals[j] as number) + 1;
        return [a, makeView(a.dtype, a.shape, vals, 'contiguous'), equalNan];
      }
      const size = shape.reduce((x, y) => x * y, 1);
      const vals = Array.from({ length: size }, (_, i) => toDt(a.dtype, i % 3));
      return [a, makeView(a.dtype, shape, vals, 'contiguous'), equalNan];
    });
    const ran = built.map(([a, b, en]) => runCase('arrayEqual', [a, b], () => np.arrayEqual(a, b, { equalNan: en })));
    const answers = await o.run(built.map(([a, b, en]) => ({ code: 'bool(np.array_equal(a, b, equal_nan=en))', args: { a, b, en } })));
    const failures: string[] = [];
    ran.forEach((c, i) => compare(c, answers[i]!, failures));
    expect(failures.slice(0, 10)).toEqual([]);
    expect(ran.filter((c) => c.result === true).length).toBeGreaterThan(20);
  });
});

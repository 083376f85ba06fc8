/**
 * The performance fast paths of issue 7 against the general paths they shortcut and
 * against NumPy, bit for bit: fused `var`/`std` (`kernels/moments.ts`), per-dtype
 * `argmax`/`argmin` loops (`kernels/arg-reduce.ts`), the tiled transposed copy
 * (`ops/assign.ts`), the pooled small allocations (`dtype/dtypes.ts`) and the lazy flags of
 * the NDArray constructor, and `exp`'s WASM SIMD kernel (`kernels/exp.ts`). Each fast path is
 * switched off to produce the reference.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { fusedMoments } from '../../packages/ndarray/src/kernels/moments.js';
import { wasmVmath } from '../../packages/ndarray/src/kernels/vmath.js';
import { hasNumpy, oracle, type OracleCase } from '../oracle/numpy.js';
import { toPlain } from '../reference/plain.js';
import { fingerprint } from '../helpers.js';

/** Sizes around the pairwise summation's block (128) and split boundaries. */
const SIZES = [1, 2, 7, 8, 9, 16, 17, 127, 128, 129, 136, 255, 256, 257, 1000, 1025, 4099, 20011];

/** Arrays of each float dtype and size (1-d and 2-d C-contiguous, and offset views). */
function momentInputs(): np.NDArray[] {
  const rng = np.random.defaultRng(7);
  const out: np.NDArray[] = [];
  for (const dt of ['float64', 'float32'] as const) {
    for (const n of SIZES) {
      const base = (rng.normal(3, 2, [n + 3]) as np.NDArray).astype(dt);
      out.push(base.get('3:')); // a view at an offset
      if (n % 8 === 0) out.push(base.get('3:').reshape(8, n / 8));
    }
    // special values: signed zeros, infinities, NaN, a constant array
    out.push(np.asarray([-0, -0, -0], { dtype: dt }), np.asarray([1, Infinity, 2], { dtype: dt }), np.asarray([1, NaN, 3, 4, 5, 6, 7, 8, 9], { dtype: dt }));
    out.push(np.full([300], 0.1, { dtype: dt }));
  }
  return out;
}

function withFused<T>(on: boolean, f: () => T): T {
  const was = fusedMoments.enabled;
  fusedMoments.enabled = on;
  try {
    return f();
  } finally {
    fusedMoments.enabled = was;
  }
}

const bits = (x: number): string => (Number.isNaN(x) ? 'NaN' : Object.is(x, -0) ? '-0' : String(x));

describe('fused var/std', () => {
  it('gives the composite path bits (dtype, shape, value) and leaves the input alone', () => {
    const failures: string[] = [];
    for (const a of momentInputs()) {
      for (const ddof of [0, 1, a.size]) {
        for (const keepdims of [false, true]) {
          const before = fingerprint(a);
          const f = withFused(true, () => [np.var(a, null, { ddof, keepdims }), np.std(a, null, { ddof, keepdims })]);
          const c = withFused(false, () => [np.var(a, null, { ddof, keepdims }), np.std(a, null, { ddof, keepdims })]);
          for (let k = 0; k < 2; k++) {
            const x = f[k]!;
            const y = c[k]!;
            const xs = typeof x === 'number' ? bits(x) : `${x.dtype} ${x.shape} ${bits(x.item() as number)}`;
            const ys = typeof y === 'number' ? bits(y) : `${y.dtype} ${y.shape} ${bits(y.item() as number)}`;
            if (xs !== ys) failures.push(`${k ? 'std' : 'var'} ${a.dtype} n=${a.size} ddof=${ddof} keepdims=${keepdims}: ${xs} vs ${ys}`);
          }
          expect(fingerprint(a)).toBe(before);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('does not apply to axes, other dtypes, non-contiguous views or 0-d arrays (same values either way)', () => {
    const a = np.arange(24, { dtype: 'float64' }).reshape(4, 6);
    for (const x of [a.T, a.get('::2'), np.asarray(3.5), a.astype('int32')]) {
      const f = withFused(true, () => np.std(x) as number);
      const c = withFused(false, () => np.std(x) as number);
      expect(bits(f)).toBe(bits(c));
    }
    expect(toPlain(withFused(true, () => np.var(a, 0)))).toEqual(toPlain(withFused(false, () => np.var(a, 0))));
    expect(Number.isNaN(np.var(np.zeros([0])) as number)).toBe(true);
  });
});

describe.runIf(hasNumpy)('fused var/std against NumPy', () => {
  it('are NumPy bits for float64 and float32', async () => {
    const py = await oracle();
    const inputs = momentInputs();
    const cases: OracleCase[] = [];
    const ours: number[] = [];
    for (const a of inputs) {
      for (const ddof of [0, 1]) {
        cases.push({ code: `float(np.var(a, ddof=${ddof}))`, args: { a } }, { code: `float(np.std(a, ddof=${ddof}))`, args: { a } });
        ours.push(np.var(a, null, { ddof }) as number, np.std(a, null, { ddof }) as number);
      }
    }
    const answers = await py.run(cases);
    const failures: string[] = [];
    answers.forEach((ans, i) => {
      if (!ans.ok) failures.push(`${cases[i]!.code}: ${ans.message}`);
      else if (bits(ans.value as number) !== bits(ours[i]!)) failures.push(`${cases[i]!.code} ${inputs[i >> 2]!.dtype} n=${inputs[i >> 2]!.size}: ${ours[i]} vs NumPy ${String(ans.value)}`);
    });
    expect(failures).toEqual([]);
  });
});

/** The naive first-extreme index of a row (NaN counts as the extreme, first one wins). */
function refArg(xs: readonly (number | bigint)[], max: boolean): number {
  let bk = 0;
  for (let k = 0; k < xs.length; k++) {
    const v = xs[k]!;
    if (typeof v === 'number' && Number.isNaN(v)) return k;
    if (k > 0 && (max ? v > xs[bk]! : v < xs[bk]!)) bk = k;
  }
  return bk;
}

describe('per-dtype argmax/argmin loops', () => {
  it('match the naive scan for every dtype, contiguous and strided rows, NaNs and ties', () => {
    const rng = np.random.defaultRng(11);
    const failures: string[] = [];
    const dtypes = ['float64', 'float32', 'int32', 'int16', 'uint8', 'int64', 'uint64', 'bool'] as const;
    for (const dt of dtypes) {
      for (const [rows, cols] of [[1, 1], [3, 1], [5, 7], [4, 33], [2, 130]] as const) {
        let base = (rng.integers(0, 5, [rows, cols]) as np.NDArray).astype(dt); // ties on purpose
        if (dt === 'float64' || dt === 'float32') {
          base = base.astype(dt);
          if (rows * cols > 3) {
            base.set([rows - 1, Math.floor(cols / 2)], NaN);
            base.set([0, cols - 1], NaN);
          }
        }
        for (const view of [base, base.get('::-1', '::-1'), base.T, base.get(':', '::2')]) {
          const { shape, values } = toPlain(view);
          const num = Array.from({ length: shape[0]! }, (_, i) => values.slice(i * shape[1]!, (i + 1) * shape[1]!));
          for (const axis of [0, 1]) {
            const want = (max: boolean): number[] =>
              axis === 1 ? num.map((r) => refArg(r, max)) : num[0]!.map((_, j) => refArg(num.map((r) => r[j]!), max));
            if (num.length === 0 || num[0]!.length === 0) continue;
            for (const max of [true, false]) {
              const got = toPlain(max ? np.argmax(view, axis) : np.argmin(view, axis)).values;
              if (JSON.stringify(got) !== JSON.stringify(want(max))) failures.push(`${max ? 'argmax' : 'argmin'} ${dt} ${view.shape} axis ${axis}: ${JSON.stringify(got)} vs ${JSON.stringify(want(max))}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

/** The gap between |y| and the next float64 (or float32) away from zero. */
function ulpOf(y: number, f32: boolean): number {
  const a = Math.abs(y);
  if (f32) {
    const b = new Float32Array([a]);
    const u = new Uint32Array(b.buffer);
    u[0]! += 1;
    return b[0]! - Math.fround(a);
  }
  const b = new Float64Array([a]);
  const u = new BigUint64Array(b.buffer);
  u[0]! += 1n;
  return b[0]! - a;
}

function withWasm<T>(on: boolean, f: () => T): T {
  const was = wasmVmath.enabled;
  wasmVmath.enabled = on;
  try {
    return f();
  } finally {
    wasmVmath.enabled = was;
  }
}

describe('exp: the WASM SIMD kernel and the JS loop', () => {
  /** Values across exp's range with the edges the kernel hands back to Math.exp. */
  function expInputs(dt: 'float64' | 'float32'): np.NDArray[] {
    const rng = np.random.defaultRng(21);
    const special = [NaN, Infinity, -Infinity, 0, -0, 708, -708, 708.0000001, -708.0000001, 709.78, 709.79, -745.1, -746, 1e-320, -1e-310, 88.7, -103.9, 1e300, -1e300];
    const out: np.NDArray[] = [];
    for (const n of [1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 100, 4095, 4096, 4097, 8200, 20011]) {
      const base = (rng.normal(0, 200, [n + 3]) as np.NDArray).astype(dt);
      if (n >= 8) for (let k = 0; k < special.length; k++) base.set([(k * 7919) % (n + 3)], special[k]!);
      const small = (rng.uniform(-2, 2, [n + 3]) as np.NDArray).astype(dt);
      out.push(base, base.get('3:'), base.get('1:'), base.get('::2'), small.get('2:'));
    }
    return out;
  }

  for (const dt of ['float64', 'float32'] as const) {
    it(`${dt}: same bits on both paths, within 1 ulp of Math.exp, input left alone`, () => {
      const failures: string[] = [];
      const f32 = dt === 'float32';
      for (const a of expInputs(dt)) {
        const before = fingerprint(a);
        const w = toPlain(withWasm(true, () => np.exp(a))).values as number[];
        const j = toPlain(withWasm(false, () => np.exp(a))).values as number[];
        expect(fingerprint(a)).toBe(before);
        const xs = toPlain(a).values as number[];
        for (let i = 0; i < xs.length; i++) {
          const x = xs[i]!;
          if (!Object.is(w[i], j[i])) failures.push(`${dt} n=${a.size} exp(${x}): wasm ${w[i]} js ${j[i]}`);
          const m = f32 ? Math.fround(Math.exp(x)) : Math.exp(x);
          const ok = Number.isNaN(m) ? Number.isNaN(w[i]) : w[i] === m || Math.abs(w[i]! - m) <= ulpOf(m, f32);
          if (!ok) failures.push(`${dt} exp(${x}) = ${w[i]}, Math.exp ${m}`);
        }
        if (failures.length > 20) break;
      }
      expect(failures).toEqual([]);
    });
  }

  it('writes into out (also in place) and into views of out', () => {
    for (const dt of ['float64', 'float32'] as const) {
      const a = (np.random.defaultRng(3).normal(0, 5, [5000]) as np.NDArray).astype(dt);
      const want = toPlain(withWasm(false, () => np.exp(a))).values;
      const out = np.empty([5000], dt);
      expect(toPlain(np.exp(a, { out })).values).toEqual(want);
      const wide = np.zeros([5003], dt);
      np.exp(a, { out: wide.get('3:') });
      expect(toPlain(wide.get('3:')).values).toEqual(want);
      expect(toPlain(wide.get(':3')).values).toEqual([0, 0, 0]);
      const b = a.copy();
      np.exp(b, { out: b });
      expect(toPlain(b).values).toEqual(want);
    }
  });
});

describe('float add/subtract/multiply/divide: the WASM SIMD kernels and the JS loops', () => {
  const ufuncs = { add: np.add, subtract: np.subtract, multiply: np.multiply, divide: np.divide } as const;
  const special = [NaN, Infinity, -Infinity, 0, -0, 5e-324, -1e-310, 1.5e-45, 3.4e38, -3.5e38, 1e308, 1];

  /** Operand pairs of every layout the kernels take or refuse, around their chunk edges. */
  function pairs(dt: 'float64' | 'float32'): [np.NDArray | number, np.NDArray | number][] {
    const rng = np.random.defaultRng(5);
    const out: [np.NDArray | number, np.NDArray | number][] = [];
    for (const n of [1, 15, 16, 17, 63, 64, 65, 100, 255, 256, 257, 8191, 8192, 8193, 20011]) {
      const mk = (): np.NDArray => {
        const x = (rng.normal(0, 3, [n + 2]) as np.NDArray).astype(dt);
        if (n >= 16) for (let k = 0; k < special.length; k++) x.set([(k * 104729) % (n + 2)], special[k]!);
        return x;
      };
      const a = mk();
      const b = mk();
      out.push([a.get('2:'), b.get(':-2')], [a, b], [a.get('1:'), 2.5], [-0.75, b.get('1:')], [a.get('::2'), b.get('::2')], [a, 0], [0, a]);
      out.push([a.get('::-1'), b], [a.get('1:'), b.get('-2::-1')], [a.get('::-1'), b.get('::-1')], [a.get('::-1'), 2.5], [-0.75, b.get('::-1')]);
      if (n === 100 || n === 8193) out.push([a.get(':100').reshape(10, 10), b.get(':10')], [b.get(':10').reshape(10, 1), a.get(':100').reshape(10, 10)]);
      if (n === 8193) out.push([a.get(':8192').reshape(64, 128).get('::2', '::-1'), 1], [a.get(':8192').reshape(128, 64).get('::-1', '::-1'), b.get(':64')]);
      // rows with a scalar: backwards, rows in reverse order, rows apart, the scalar first
      if (n === 8193) out.push([-2.5, a.get(':8192').reshape(64, 128).get(':', '::-1')], [a.get(':8192').reshape(64, 128).get('::-2', ':100'), 3], [a.get(':8192').reshape(64, 128).get('::-3', '::-1'), -0], [7, a.get(':8192').reshape(32, 256).get(':', '10:')]);
      // a row broadcast to contiguous rows (either side), rows apart in memory, rows as long as a chunk
      if (n === 8193) out.push([a.get(':8192').reshape(64, 128), b.get(':128')], [b.get('1:129'), a.get(':8192').reshape(64, 128)], [a.get(':8192').reshape(32, 256).get(':', ':200'), b.get(':200')]);
      if (n === 20011) out.push([a.get(':16384').reshape(2, 8192), b.get(':8192')], [b.get(':8191'), a.get(':16382').reshape(2, 8191)], [a.get(':20000').reshape(2, 10000), b.get(':10000')]);
    }
    return out;
  }
  const key = (x: number): string => (Number.isNaN(x) ? 'NaN' : Object.is(x, -0) ? '-0' : String(x));

  for (const dt of ['float64', 'float32'] as const) {
    it(`${dt}: same bits on both paths for contiguous, scalar, broadcast and strided operands`, () => {
      const failures: string[] = [];
      for (const [a, b] of pairs(dt)) {
        const before = [a, b].map((x) => (typeof x === 'number' ? String(x) : fingerprint(x)));
        for (const [name, f] of Object.entries(ufuncs)) {
          const w = withWasm(true, () => f(a, b, { dtype: dt }) as np.NDArray);
          const j = withWasm(false, () => f(a, b, { dtype: dt }) as np.NDArray);
          expect(w.dtype).toBe(dt);
          const wv = toPlain(w).values as number[];
          const jv = toPlain(j).values as number[];
          for (let i = 0; i < wv.length; i++) {
            if (key(wv[i]!) !== key(jv[i]!)) {
              failures.push(`${name} ${dt} ${typeof a === 'number' ? a : a.shape} ${typeof b === 'number' ? b : b.shape} [${i}]: wasm ${wv[i]} js ${jv[i]}`);
              break;
            }
          }
        }
        expect([a, b].map((x) => (typeof x === 'number' ? String(x) : fingerprint(x)))).toEqual(before);
      }
      expect(failures).toEqual([]);
    });
  }

  it('writes into out, in place and into a view of a wider array', () => {
    for (const dt of ['float64', 'float32'] as const) {
      const rng = np.random.defaultRng(9);
      const a = (rng.normal(0, 1, [9000]) as np.NDArray).astype(dt);
      const b = (rng.normal(0, 1, [9000]) as np.NDArray).astype(dt);
      for (const [name, f] of Object.entries(ufuncs)) {
        const want = toPlain(withWasm(false, () => f(a, b) as np.NDArray)).values;
        const wide = np.full([9004], 7, { dtype: dt });
        f(a, b, { out: wide.get('2:-2') });
        expect(toPlain(wide.get('2:-2')).values, name).toEqual(want);
        expect(toPlain(wide.get(':2')).values).toEqual([7, 7]);
        expect(toPlain(wide.get('-2:')).values).toEqual([7, 7]);
        const c = a.copy();
        f(c, b, { out: c });
        expect(toPlain(c).values, `${name} in place`).toEqual(want);
        const d = b.copy();
        f(a, d, { out: d });
        expect(toPlain(d).values, `${name} in place (second operand)`).toEqual(want);
        // rows with a broadcast row, in place and into a view of a wider array
        const rows = a.reshape(30, 300);
        const row = b.get(':300');
        const want2 = toPlain(withWasm(false, () => f(rows, row) as np.NDArray)).values;
        const r2 = rows.copy();
        f(r2, row, { out: r2 });
        expect(toPlain(r2).values, `${name} rows in place`).toEqual(want2);
        const wide2 = np.full([30, 304], 7, { dtype: dt });
        f(rows, row, { out: wide2.get(':', '2:-2') });
        expect(toPlain(wide2.get(':', '2:-2')).values, `${name} rows into a view`).toEqual(want2);
        expect(toPlain(wide2.get(':', ':2')).values.every((x) => x === 7)).toBe(true);
      }
    }
  });
});

describe('float sums, means, var/std: the WASM SIMD pairwise kernels and the JS sums', () => {
  /** Rows around the kernel's threshold (256), NumPy's block (128) and the chunk (8192). */
  const SUM_SIZES = [63, 64, 65, 127, 128, 129, 136, 255, 256, 257, 1000, 4099, 8191, 8192, 8193, 16384, 16385, 50021];

  function sumInputs(): np.NDArray[] {
    const rng = np.random.defaultRng(13);
    const out: np.NDArray[] = [];
    for (const dt of ['float64', 'float32'] as const) {
      for (const n of SUM_SIZES) {
        const base = (rng.normal(1, 1e3, [n + 5]) as np.NDArray).astype(dt);
        out.push(base.get('5:'), base.get(':-5'));
        if (n % 4 === 0) out.push(base.get('5:').reshape(4, n / 4));
      }
      const big = (rng.uniform(-1, 1, [3, 70001]) as np.NDArray).astype(dt);
      out.push(big, big.get(':', '1:'));
      out.push(np.asarray([...Array(100).fill(1e300), Infinity, ...Array(30).fill(2)], { dtype: dt }));
      out.push(np.asarray([...Array(90).fill(-0), NaN, ...Array(9).fill(-0)], { dtype: dt }), np.full([100], -0, { dtype: dt }));
    }
    return out;
  }
  const sums = (a: np.NDArray): number[] => [np.sum(a) as number, ...(toPlain(np.sum(a, -1)).values as number[]), np.mean(a) as number, np.var(a) as number, np.std(a, null, { ddof: 1 }) as number];

  it('same bits on both paths (whole arrays, rows, means, var, std), input left alone', () => {
    const failures: string[] = [];
    for (const a of sumInputs()) {
      const before = fingerprint(a);
      const w = withWasm(true, () => sums(a)).map(bits);
      const j = withWasm(false, () => sums(a)).map(bits);
      if (JSON.stringify(w) !== JSON.stringify(j)) failures.push(`${a.dtype} ${a.shape}: ${w.slice(0, 3)} vs ${j.slice(0, 3)}`);
      expect(fingerprint(a)).toBe(before);
    }
    expect(failures).toEqual([]);
  });

  it.runIf(hasNumpy)('are NumPy bits', async () => {
    const py = await oracle();
    // the oracle receives contiguous copies: a strided view is rebuilt from its base there
    const inputs: np.NDArray[] = [];
    const cases: OracleCase[] = [];
    const code = (a: string): string => `[float(np.sum(${a}))] + [float(x) for x in np.sum(${a}, -1).reshape(-1)] + [float(np.mean(${a})), float(np.var(${a})), float(np.std(${a}, ddof=1))]`;
    for (const a of sumInputs()) {
      if (!a.flags.cContiguous) continue;
      inputs.push(a);
      cases.push({ code: code('a'), args: { a } });
    }
    for (const dt of ['float64', 'float32'] as const) {
      const base = (np.random.defaultRng(17).uniform(-1, 1, [3, 70001]) as np.NDArray).astype(dt);
      inputs.push(base.get(':', '1:'), base.get(':', '::2'));
      cases.push({ code: code('b[:, 1:]'), args: { b: base } }, { code: code('b[:, ::2]'), args: { b: base } });
    }
    const answers = await py.run(cases);
    const failures: string[] = [];
    answers.forEach((ans, i) => {
      const ours = sums(inputs[i]!).map(bits);
      if (!ans.ok) failures.push(`${cases[i]!.code}: ${ans.message}`);
      else if (JSON.stringify((ans.value as number[]).map(bits)) !== JSON.stringify(ours)) failures.push(`${inputs[i]!.dtype} ${inputs[i]!.shape}: ${ours.slice(0, 3)} vs NumPy ${(ans.value as number[]).slice(0, 3).map(bits)}`);
    });
    expect(failures).toEqual([]);
  });
});

describe('sums over leading axes: the WASM row kernel and the JS row adds', () => {
  /** (array, axis) pairs whose reduction adds whole rows into one row of sums. */
  function leadingInputs(): [np.NDArray, number | number[]][] {
    const rng = np.random.defaultRng(23);
    const out: [np.NDArray, number | number[]][] = [];
    for (const dt of ['float64', 'float32'] as const) {
      for (const [r, c] of [[2, 64], [3, 255], [3, 256], [50, 100], [200, 257], [3, 8191], [3, 8192], [5, 8193], [2, 20000], [40, 1000]] as const) {
        const a = (rng.normal(0, 1e4, [r, c + 3]) as np.NDArray).astype(dt);
        if (c > 70) a.set([1, 70], NaN);
        a.set([0, 5], -0);
        out.push([a.get(':', '3:'), 0], [a.get(':', ':-3').copy(), 0], [a.get(':', ':-3'), 0]);
      }
      const b = (rng.uniform(-1, 1, [4, 5, 300]) as np.NDArray).astype(dt);
      out.push([b, 0], [b, [0, 1]], [b.get('::2'), 0]);
    }
    return out;
  }
  const leading = (a: np.NDArray, axis: number | number[]): (number | string)[] =>
    [...(toPlain(np.sum(a, axis)).values as number[]), ...(toPlain(np.mean(a, axis)).values as number[])].map(bits);

  it('same bits on both paths, input left alone', () => {
    const failures: string[] = [];
    for (const [a, axis] of leadingInputs()) {
      const before = fingerprint(a);
      const w = withWasm(true, () => leading(a, axis));
      const j = withWasm(false, () => leading(a, axis));
      if (JSON.stringify(w) !== JSON.stringify(j)) failures.push(`${a.dtype} ${a.shape} axis ${axis}`);
      expect(fingerprint(a)).toBe(before);
    }
    expect(failures).toEqual([]);
  });

  it.runIf(hasNumpy)('are NumPy bits', async () => {
    const py = await oracle();
    const inputs = leadingInputs().filter(([a]) => a.flags.cContiguous);
    const cases: OracleCase[] = inputs.map(([a, axis]) => {
      const ax = Array.isArray(axis) ? `(${axis.join(',')})` : String(axis);
      return { code: `[float(x) for x in np.sum(a, ${ax}).reshape(-1)] + [float(x) for x in np.mean(a, ${ax}).reshape(-1)]`, args: { a } };
    });
    const answers = await py.run(cases);
    const failures: string[] = [];
    answers.forEach((ans, i) => {
      const [a, axis] = inputs[i]!;
      if (!ans.ok) failures.push(`${cases[i]!.code}: ${ans.message}`);
      else if (JSON.stringify((ans.value as number[]).map(bits)) !== JSON.stringify(leading(a, axis))) failures.push(`${a.dtype} ${a.shape} axis ${axis}`);
    });
    expect(inputs.length).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });
});

describe('argmax/argmin: the WASM SIMD kernels and the JS scans', () => {
  it('same indices on both paths: long rows across chunks, NaNs, ties, signed zeros, infinities', () => {
    const rng = np.random.defaultRng(19);
    const failures: string[] = [];
    for (const dt of ['float64', 'float32'] as const) {
      for (const n of [63, 64, 65, 100, 127, 255, 256, 257, 1000, 8191, 8192, 8193, 20000]) {
        const rows: np.NDArray[] = [];
        const base = (rng.integers(-3, 4, [6, n]) as np.NDArray).astype(dt); // ties on purpose
        base.set([1, n - 1], 50); // the extreme last
        base.set([2, Math.floor(n / 2)], NaN); // a NaN mid-row
        base.set([2, n - 2], NaN);
        base.set([3, n - 1], NaN); // a NaN last
        base.set([4, 0], Infinity);
        base.set([4, n - 1], Infinity);
        rows.push(base, base.get(':', '1:'));
        const zeros = np.zeros([2, n], dt);
        zeros.set([0, 0], -0);
        zeros.set([1, n - 3], -0);
        if (n > 8192) zeros.set([1, 8192], 1e-300); // the extreme in the second chunk
        rows.push(zeros, np.negative(zeros));
        if (n > 8192) {
          const tie = np.full([1, n], 1, { dtype: dt });
          tie.set([0, n - 1], 2);
          tie.set([0, 3], 2); // equal extremes in two chunks: the first wins
          rows.push(tie, np.negative(tie));
        }
        for (const a of rows) {
          for (const f of [np.argmax, np.argmin]) {
            const w = toPlain(withWasm(true, () => f(a, 1) as np.NDArray)).values;
            const j = toPlain(withWasm(false, () => f(a, 1) as np.NDArray)).values;
            const num = (toPlain(a).values as number[]);
            const want = Array.from({ length: a.shape[0]! }, (_, r) => refArg(num.slice(r * a.shape[1]!, (r + 1) * a.shape[1]!), f === np.argmax));
            if (JSON.stringify(w) !== JSON.stringify(j) || JSON.stringify(w) !== JSON.stringify(want)) failures.push(`${f === np.argmax ? 'argmax' : 'argmin'} ${dt} ${a.shape}: wasm ${JSON.stringify(w)} js ${JSON.stringify(j)} naive ${JSON.stringify(want)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('transposed copies: the WASM kernel (float32), the 16-column strips and the general copy', () => {
  it('give the same array for every float dtype, shape and offset', async () => {
    const { tiledCopies } = await import('../../packages/ndarray/src/kernels/elementwise.js');
    const rng = np.random.defaultRng(29);
    const failures: string[] = [];
    for (const dt of ['float32', 'float64'] as const) {
      for (const [r, c] of [[16, 16], [17, 33], [64, 1000], [1000, 63], [601, 1003], [2, 3000], [300, 2]] as const) {
        const base = (rng.normal(0, 1, [c, r + 1]) as np.NDArray).astype(dt);
        base.set([0, 1], NaN);
        base.set([1, 1], -0);
        const src = base.get(':', '1:').T; // (r, c), contiguous along its rows' neighbours
        const before = fingerprint(src);
        // the bytes of a C-contiguous copy and of a wider array written through a view
        const bytes = (x: np.NDArray): string => Buffer.from(x.data.buffer, x.data.byteOffset, x.data.byteLength).toString('base64');
        const copies = (): string => {
          const wide = np.full([r, c + 2], 9, { dtype: dt });
          wide.set([':', '1:-1'], src);
          return bytes(np.ascontiguousarray(src)) + bytes(wide);
        };
        const w = withWasm(true, copies);
        const tiled = withWasm(false, copies);
        tiledCopies.enabled = false;
        let plain: string;
        try {
          plain = withWasm(false, copies);
        } finally {
          tiledCopies.enabled = true;
        }
        if (w !== plain || tiled !== plain) failures.push(`${dt} (${r}, ${c})`);
        expect(fingerprint(src)).toBe(before);
      }
    }
    expect(failures).toEqual([]);
  });
});

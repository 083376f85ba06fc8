/**
 * The fast paths of the kernels against their fallbacks and a naive reference: the ufunc
 * records' `fast` loops (on and off through `fastLoops.enabled`), the one-run path for
 * contiguous operands, crossed layouts, and reductions with the
 * fast loops and the bool accumulators; matmul on the WASM SIMD kernel and on its
 * TypeScript fallback. Results must be identical bit for bit (dtype,
 * shape, every value with Object.is, so NaN and -0 count), errors identical too.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { UFUNCS } from '../src/ufunc/index.js';
import { fastLoops } from '../src/kernels/elementwise.js';
import { reduce } from '../src/ufunc/reduce.js';
import { wasmGemm, wasmGemmEnabled } from '../src/kernels/wasm/matmul-wasm.js';
import { stagedPacking } from '../src/kernels/matmul.js';
import { arrayArb, broadcastShapesArb, makeView, sample, ALL_DTYPES, type ViewKind } from '../../../test/arbitraries/arrays.js';
import { toPlain } from '../../../test/reference/plain.js';
import { fingerprint } from '../../../test/helpers.js';

type Result = np.NDArray | number | boolean | bigint | Error;

function attempt(f: () => unknown): Result {
  try {
    return f() as Result;
  } catch (e) {
    return e as Error;
  }
}

/** Runs `f` with the fast loops on or off. */
function withFast<T>(on: boolean, f: () => T): T {
  const prev = fastLoops.enabled;
  fastLoops.enabled = on;
  try {
    return f();
  } finally {
    fastLoops.enabled = prev;
  }
}

/** null when identical, else what differs. */
function differ(x: Result, y: Result): string | null {
  if (x instanceof Error || y instanceof Error) {
    if (x instanceof Error && y instanceof Error) return x.constructor === y.constructor && x.message === y.message ? null : `${x.message} vs ${y.message}`;
    return `error on one side only: ${x instanceof Error ? x.message : String(y)}`;
  }
  if (!(x instanceof np.NDArray) || !(y instanceof np.NDArray)) return Object.is(x, y) ? null : `${String(x)} vs ${String(y)}`;
  const a = toPlain(x);
  const b = toPlain(y);
  if (a.dtype !== b.dtype) return `dtype ${a.dtype} vs ${b.dtype}`;
  if (a.shape.join() !== b.shape.join()) return `shape ${a.shape} vs ${b.shape}`;
  for (let i = 0; i < a.values.length; i++) if (!Object.is(a.values[i], b.values[i])) return `at ${i}: ${a.values[i]} vs ${b.values[i]}`;
  return null;
}

/** Both paths; checks they agree and that no input changed. */
function bothPaths(args: np.NDArray[], f: () => unknown): string | null {
  const before = args.map(fingerprint);
  const fast = attempt(() => withFast(true, f));
  const slow = attempt(() => withFast(false, f));
  const after = args.map(fingerprint);
  if (before.some((b, i) => b !== after[i])) return 'an input changed';
  return differ(fast, slow);
}

const entries = Object.entries(UFUNCS).filter(([, u]) => typeof u === 'function') as [string, np.UnaryUfunc | np.BinaryUfunc][];
const withFastLoops = entries.filter(([, u]) => u.spec.fast !== undefined);
const views: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast', 'fortran'];

describe('ufunc records with fast loops', () => {
  it('cover the hot ufuncs', () => {
    const names = withFastLoops.map(([n]) => n);
    for (const n of ['add', 'subtract', 'multiply', 'divide', 'maximum', 'minimum', 'exp', 'log', 'sqrt', 'less', 'equal']) {
      expect(names).toContain(n);
    }
  });

  for (const [name, u] of withFastLoops) {
    it(`${name}: fast loops give the fallback's values (random dtypes, shapes, layouts, out=)`, () => {
      const problems: string[] = [];
      if (u.nin === 1) {
        const arrays = sample(arrayArb({ dtypes: ALL_DTYPES, views, maxSide: 6 }), 60, 7);
        for (const a of arrays) {
          const d = bothPaths([a], () => (u as np.UnaryUfunc)(a));
          if (d) problems.push(`${a.dtype} ${a.shape}: ${d}`);
          const o = attempt(() => (u as np.UnaryUfunc)(a));
          if (o instanceof np.NDArray) {
            const d2 = bothPaths([a], () => (u as np.UnaryUfunc)(a, { out: np.zerosLike(o) }));
            if (d2) problems.push(`out= ${a.dtype} ${a.shape}: ${d2}`);
          }
        }
      } else {
        const bu = u as np.BinaryUfunc;
        const pairs = sample(
          broadcastShapesArb({ maxSide: 6 }).chain(([s1, s2]) =>
            fc.tuple(arrayArb({ shape: s1, views, dtypes: ALL_DTYPES }), arrayArb({ shape: s2, views, dtypes: ALL_DTYPES })),
          ),
          60,
          11,
        );
        for (const [a, b] of pairs) {
          const d = bothPaths([a, b], () => bu(a, b));
          if (d) problems.push(`${a.dtype}${a.shape} ${b.dtype}${b.shape}: ${d}`);
          for (const s of [2, -1.5, 0]) {
            const d2 = bothPaths([a], () => bu(a, s));
            if (d2) problems.push(`${a.dtype}${a.shape} with ${s}: ${d2}`);
            const d3 = bothPaths([a], () => bu(s, a));
            if (d3) problems.push(`${s} with ${a.dtype}${a.shape}: ${d3}`);
          }
          const r = attempt(() => bu(a, b));
          if (r instanceof np.NDArray) {
            const d4 = bothPaths([a, b], () => bu(a, b, { out: np.zerosLike(r) }));
            if (d4) problems.push(`out= ${a.dtype}${a.shape} ${b.dtype}${b.shape}: ${d4}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('computes in place (out is an input) on both paths', () => {
    for (const dtype of ['float64', 'float32', 'int32'] as const) {
      for (const on of [true, false]) {
        const x = np.arange(12).astype(dtype).reshape(3, 4);
        const y = np.arange(12).astype(dtype).reshape(3, 4);
        withFast(on, () => np.multiply(x, y, { out: x }));
        expect(toPlain(x).values).toEqual(toPlain(y).values.map((v) => Number(v) * Number(v)));
      }
    }
  });
});

describe('one run over contiguous operands, and crossed layouts', () => {
  /** Naive reference: out[i, j] = a[i, j] + b[i, j] over plain C-order values. */
  function refAdd(a: np.NDArray, b: np.NDArray, wrap: (x: number) => number): number[] {
    const pa = toPlain(a).values as number[];
    const pb = toPlain(b).values as number[];
    return pa.map((v, i) => wrap(v + pb[i]!));
  }

  const big = (dtype: 'float64' | 'float32' | 'int32', rows: number, cols: number, seed: number): np.NDArray => {
    const values: number[] = [];
    let s = seed;
    for (let i = 0; i < rows * cols; i++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      values.push(dtype === 'int32' ? (s % 2001) - 1000 : s / 2147483648 - 0.5);
    }
    return makeView(dtype, [rows, cols], values, 'contiguous');
  };

  for (const dtype of ['float64', 'float32', 'int32'] as const) {
    const wrap = dtype === 'float32' ? Math.fround : dtype === 'int32' ? (x: number) => x | 0 : (x: number) => x;
    it(`${dtype}: a.T + b with a crossed layout matches the reference and the fallback`, () => {
      const a = big(dtype, 150, 133, 1);
      const b = big(dtype, 133, 150, 2);
      const t = a.T;
      for (const on of [true, false]) {
        const r = withFast(on, () => np.add(t, b));
        expect(toPlain(r).values).toEqual(refAdd(t, b, wrap));
      }
      // a reversed, stepped, 3-d crossed view
      const c = big(dtype, 260, 140, 3).reshape(2, 130, 140).get(':', '::-1', ':');
      const ct = np.transpose(c, [0, 2, 1]);
      const d = big(dtype, 280, 130, 4).reshape(2, 140, 130);
      expect(differ(np.add(ct, d), withFast(false, () => np.add(ct, d)))).toBeNull();
      expect(toPlain(np.add(ct, d)).values).toEqual(refAdd(ct, d, wrap));
    });

    it(`${dtype}: contiguous operands with the same shape run in one pass`, () => {
      const a = big(dtype, 40, 50, 5);
      const b = big(dtype, 40, 50, 6);
      expect(toPlain(np.add(a, b)).values).toEqual(refAdd(a, b, wrap));
      expect(toPlain(np.add(a.get(3), b.get(3))).values).toEqual(refAdd(a.get(3), b.get(3), wrap));
    });
  }
});

describe('large results (allocated without zero-fill) are written in full', () => {
  for (const dtype of ['float64', 'float32', 'int32', 'int8', 'int64', 'bool'] as const) {
    it(`${dtype}: flat, broadcast and transposed operands of 300 x 250`, () => {
      const values = Array.from({ length: 300 * 250 }, (_, i) => ((i * 7919) % 201) - 100);
      const a = makeView(dtype, [300, 250], dtype === 'int64' ? values.map(BigInt) : dtype === 'bool' ? values.map((v) => (v > 0 ? 1 : 0)) : values, 'contiguous');
      const row = a.get(7);
      const ref = (x: np.NDArray, y: np.NDArray, f: (p: number, q: number) => number): number[] => {
        const px = toPlain(x).values.map(Number);
        const py = toPlain(np.broadcastTo(y, x.shape)).values.map(Number);
        return px.map((v, i) => f(v, py[i]!));
      };
      const lt = np.less(a, row);
      expect(toPlain(lt).values).toEqual(ref(a, row, (p, q) => (p < q ? 1 : 0)));
      const sq = np.less(a.T, a.T.get('::-1'));
      expect(toPlain(sq).values).toEqual(ref(a.T, a.T.get('::-1'), (p, q) => (p < q ? 1 : 0)));
      if (dtype !== 'bool') {
        const m = np.maximum(a, row);
        expect(toPlain(m).values.map(Number)).toEqual(ref(a, row, (p, q) => Math.max(p, q)));
        const t = np.maximum(a.T, 3);
        expect(toPlain(t).values.map(Number)).toEqual(toPlain(a.T).values.map((v) => Math.max(Number(v), 3)));
      }
    });
  }
});

describe('reductions with fast loops and bool accumulators', () => {
  const reducers = ['add', 'multiply', 'maximum', 'minimum', 'logicalAnd', 'logicalOr', 'subtract'] as const;
  for (const name of reducers) {
    it(`${name}.reduce: fast loops give the fallback's values`, () => {
      const u = UFUNCS[name] as np.BinaryUfunc;
      const arrays = sample(arrayArb({ dtypes: ALL_DTYPES, views, maxSide: 6, minDims: 1 }), 50, 3);
      const problems: string[] = [];
      for (const a of arrays) {
        for (const axis of [0, -1, null] as const) {
          for (const keepdims of [false, true]) {
            const d = bothPaths([a], () => reduce(u, a, { axis, keepdims }));
            if (d) problems.push(`${a.dtype}${a.shape} axis ${axis}: ${d}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('any/all over bool arrays match a naive reference along every axis', () => {
    const arrays = sample(arrayArb({ dtypes: ['bool'], views, maxSide: 6, minDims: 2, maxDims: 3 }), 40, 5);
    for (const a of arrays) {
      const p = toPlain(a);
      const vals = p.values.map((v) => Number(v) !== 0);
      expect(np.any(a)).toBe(vals.some((v) => v));
      expect(np.all(a)).toBe(vals.every((v) => v));
      // along the last axis: rows of the C-order values
      const n = a.shape[a.ndim - 1]!;
      const rows = n === 0 ? [] : Array.from({ length: vals.length / n }, (_, r) => vals.slice(r * n, (r + 1) * n));
      if (n > 0) {
        expect(toPlain(np.any(a, -1) as np.NDArray).values).toEqual(rows.map((r) => (r.some((v) => v) ? 1 : 0)));
        expect(toPlain(np.all(a, -1) as np.NDArray).values).toEqual(rows.map((r) => (r.every((v) => v) ? 1 : 0)));
      }
    }
  });

  it('narrow integer sums still wrap at every step with an explicit int8 accumulator', () => {
    const a = np.array([100, 100, 100, -50], { dtype: 'int8' });
    for (const on of [true, false]) {
      const r = withFast(on, () => np.sum(a, 0, { dtype: 'int8' }) as np.NDArray);
      // 100 + 100 wraps to -56, + 100 = 44, - 50 = -6
      expect(Number(toPlain(r).values[0])).toBe(-6);
    }
  });
});

describe('matmul: the WASM SIMD kernel and its TypeScript fallback', () => {
  it('the embedded modules are the compiles of gemm.as and vmath.as (build.mjs --check)', () => {
    const script = fileURLToPath(new URL('../src/kernels/wasm/build.mjs', import.meta.url));
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('is available here (Node has WebAssembly SIMD)', () => {
    expect(wasmGemm()).not.toBeNull();
  });

  /**
   * Both kernels. float64: identical bits (same blocking and summation order). float32:
   * the WASM kernel sums in float32 (as NumPy's sgemm), the fallback in float64, so values
   * agree within k * 2^-20 * (1 + |v|), NaN and infinities in the same places.
   */
  function bothKernels(f: () => np.NDArray, k: number): string | null {
    const fast = attempt(f);
    wasmGemmEnabled.enabled = false;
    let slow: Result;
    try {
      slow = attempt(f);
    } finally {
      wasmGemmEnabled.enabled = true;
    }
    if (!(fast instanceof np.NDArray) || fast.dtype !== 'float32') return differ(fast, slow);
    if (!(slow instanceof np.NDArray)) return 'fallback failed';
    const x = toPlain(fast);
    const y = toPlain(slow);
    if (x.dtype !== y.dtype || x.shape.join() !== y.shape.join()) return `${x.dtype}${x.shape} vs ${y.dtype}${y.shape}`;
    for (let i = 0; i < x.values.length; i++) {
      const p = x.values[i] as number;
      const q = y.values[i] as number;
      if (Object.is(p, q) || (Number.isNaN(p) && Number.isNaN(q))) continue;
      if (!Number.isFinite(p) || !Number.isFinite(q) || Math.abs(p - q) > k * 2 ** -20 * (1 + Math.abs(q))) return `at ${i}: ${p} vs ${q}`;
    }
    return null;
  }

  const values = (n: number, seed: number, specials = false): number[] =>
    Array.from({ length: n }, (_, i) => {
      if (specials && i % 97 === 5) return [NaN, Infinity, -Infinity, -0][i % 4]!;
      return (((i + seed) * 2654435761) % 1000) / 250 - 2;
    });

  for (const dtype of ['float64', 'float32'] as const) {
    it(`${dtype}: shapes across block edges, transposed and stepped operands, specials`, () => {
      const shapes: [number, number, number][] = [
        [5, 7, 6], [4, 4, 4], [17, 9, 33], [130, 70, 260], [129, 515, 3], [2, 600, 300], [300, 2, 5], [64, 64, 1], [9, 1, 9], [1, 9, 9], [6, 6, 0],
      ];
      for (const [m, n, k] of shapes) {
        const a = makeView(dtype, [m, k], values(m * k, 1, m > 100), 'contiguous');
        const b = makeView(dtype, [k, n], values(k * n, 2), 'contiguous');
        expect(bothKernels(() => np.matmul(a, b), k)).toBeNull();
        const at = makeView(dtype, [k, m], values(m * k, 3), 'contiguous').T;
        const bs = makeView(dtype, [k, 2 * n], values(2 * k * n, 4), 'contiguous').get(':', '::-2');
        expect(bothKernels(() => np.matmul(at, bs), k)).toBeNull();
      }
    });

    it(`${dtype}: the WASM packers (rows or columns staged in bulk) give the JS packing loops' bits`, () => {
      // row lengths around the staging threshold (64) and the panel widths (4, 8), partial
      // last panels, several KC/NC blocks, row-stepped views (rows apart) and batches
      const shapes: [number, number, number][] = [[64, 64, 64], [130, 70, 260], [67, 129, 65], [5, 600, 300], [300, 1030, 70], [9, 77, 513]];
      const failures: string[] = [];
      const run = (f: () => np.NDArray, on: boolean): np.NDArray => {
        stagedPacking.enabled = on;
        try {
          return f();
        } finally {
          stagedPacking.enabled = true;
        }
      };
      for (const [m, n, k] of shapes) {
        const a = makeView(dtype, [m, k + 3], values(m * (k + 3), 7), 'contiguous').get(':', '3:');
        const b = makeView(dtype, [k, n], values(k * n, 8), 'contiguous');
        // column-major operands (transposed views) take the other packers
        const aT = makeView(dtype, [k, m], values(m * k, 9), 'contiguous').T;
        const bT = makeView(dtype, [n, k], values(k * n, 10), 'contiguous').T;
        for (const f of [() => np.matmul(a, b), () => np.matmul(a.reshape(1, m, k).copy().reshape(1, m, k), np.stack([b, b])), () => np.matmul(aT, bT), () => np.matmul(a, bT), () => np.matmul(aT, b)]) {
          const x = toPlain(run(f, true));
          const y = toPlain(run(f, false));
          if (JSON.stringify(x) !== JSON.stringify(y)) failures.push(`${dtype} ${m}x${n}x${k}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it(`${dtype}: matches a naive float64 reference`, () => {
      const [m, n, k] = [37, 41, 300];
      const a = makeView(dtype, [m, k], values(m * k, 5), 'contiguous');
      const b = makeView(dtype, [k, n], values(k * n, 6), 'contiguous');
      const pa = toPlain(a).values as number[];
      const pb = toPlain(b).values as number[];
      const got = toPlain(np.matmul(a, b)).values as number[];
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          let sAbs = 0;
          for (let p = 0; p < k; p++) {
            s += pa[i * k + p]! * pb[p * n + j]!;
            sAbs += Math.abs(pa[i * k + p]! * pb[p * n + j]!);
          }
          // float32 sums in float32: the classic bound k * eps * sum |a b| (plus the final rounding)
          const tol = dtype === 'float32' ? k * 2 ** -24 * sAbs + Math.abs(s) * 2 ** -24 : 1e-12 * k;
          expect(Math.abs(got[i * n + j]! - s)).toBeLessThanOrEqual(tol);
        }
      }
    });
  }

  it('batched and broadcast products agree on both kernels', () => {
    const a = makeView('float64', [3, 20, 30], values(1800, 7), 'contiguous');
    const b = makeView('float64', [30, 25], values(750, 8), 'contiguous');
    expect(bothKernels(() => np.matmul(a, b), 30)).toBeNull();
    expect(bothKernels(() => np.matmul(b.T, a.get(1).T), 20)).toBeNull();
    const a32 = a.astype('float32');
    const b32 = b.astype('float32');
    expect(bothKernels(() => np.matmul(a32, b32), 30)).toBeNull();
  });
});

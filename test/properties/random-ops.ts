/**
 * Random call sequences for the `np.random` property tests: each op is one call, written
 * once for numbat (`ts`) and once as the Python expression NumPy evaluates (`py`), with its
 * parameters drawn from a seeded PRNG. Sizes include `None`, 0, 1, odd counts (to exercise
 * the 32-bit buffering) and n-d shapes; parameters include scalars and broadcasting arrays.
 */
import * as np from '@numbat/ndarray';
import { pick, randInt } from '../helpers.js';

/** One call: numbat's side, NumPy's expression, and the dtypes numbat documents instead. */
export interface Op {
  ts: (g: Api) => unknown;
  py: string;
  /** NumPy dtype -> numbat dtype (int64 indices and counts are int32 in numbat). */
  map?: Record<string, string>;
}

/** The object the ops call: a `Generator`, a `RandomState` or the `np.random` module. */
export type Api = Record<string, (...args: never[]) => unknown>;

type R = () => number;

const INT64_AS_INT32 = { int64: 'int32' };

/** Python's literal for a JS value. */
export function py(x: unknown): string {
  if (x === null || x === undefined) return 'None';
  if (typeof x === 'boolean') return x ? 'True' : 'False';
  if (typeof x === 'bigint') return x.toString();
  if (typeof x === 'number') {
    if (Number.isNaN(x)) return "float('nan')";
    if (!Number.isFinite(x)) return x > 0 ? "float('inf')" : "-float('inf')";
    return Object.is(x, -0) ? '-0.0' : String(x);
  }
  if (Array.isArray(x)) return `[${x.map(py).join(', ')}]`;
  return String(x);
}

/** Python's tuple for a `size`. */
export function pySize(size: number | number[] | null): string {
  if (size === null) return 'None';
  if (typeof size === 'number') return String(size);
  return size.length === 1 ? `(${size[0]},)` : `(${size.join(', ')})`;
}

/** A size: often a scalar draw, 0, 1 or an odd count, sometimes a shape (with 0 and 1 axes). */
export function sizeOf(r: R): number | number[] | null {
  return pick(r, [null, null, 0, 1, 1, 2, 3, 5, 7, 17, 33, 101, [2, 3], [3, 1, 2], [0, 4], [1], [], [5, 3]] as const) as
    | number
    | number[]
    | null;
}

/** A float parameter: a scalar, or a small 1-d array (then the size, if any, must fit). */
function floatParam(r: R, lo: number, hi: number, asArray: boolean): number | number[] {
  const one = (): number => Math.round((lo + (hi - lo) * r()) * 1000) / 1000;
  return asArray ? Array.from({ length: 3 }, one) : one();
}

/** A size compatible with length-3 array parameters (broadcast to (k, 3) or (3,)). */
function paramSize(r: R, arrays: boolean): number | number[] | null {
  if (!arrays) return sizeOf(r);
  return pick(r, [null, [3], [2, 3], [1, 3], [0, 3]] as const) as number[] | null;
}

const INT_RANGES: Record<string, [bigint, bigint]> = {
  bool: [0n, 1n],
  int8: [-128n, 127n],
  uint8: [0n, 255n],
  int16: [-32768n, 32767n],
  uint16: [0n, 65535n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};

/** Bounds `[low, high]` (closed) inside a dtype: tiny, single-value, wide and full ranges. */
function intBounds(r: R, dtype: string): [bigint, bigint] {
  const [min, max] = INT_RANGES[dtype]!;
  const span = max - min;
  const kind = randInt(r, 0, 5);
  if (kind === 0) return [min, max];
  const lo = min + (BigInt(Math.floor(r() * 1e6)) * span) / 1000000n;
  if (kind === 1) return [lo, lo];
  const width = [1n, 2n, 5n, 100n, 1000n, 70000n, 2n ** 33n][randInt(r, 0, 6)]!;
  const hi = lo + width > max ? max : lo + width;
  return [lo, hi];
}

const num = (b: bigint): number | bigint => (b >= -(2n ** 52n) && b <= 2n ** 52n ? Number(b) : b);

/** `Generator.integers` / `RandomState.randint` with any dtype, open or closed, scalar or broadcast bounds. */
export function integersOp(r: R, legacy: boolean): Op {
  const dtype = pick(r, ['int32', 'int32', 'int8', 'uint8', 'int16', 'uint16', 'uint32', 'int64', 'uint64', 'bool']);
  const endpoint = legacy ? false : r() < 0.5;
  const [lo, hiClosed] = intBounds(r, dtype);
  const size = sizeOf(r);
  const method = legacy ? 'randint' : 'integers';
  const npDtype = dtype === 'bool' ? 'bool' : `np.${dtype}`;
  if (!legacy && r() < 0.25) {
    // broadcast bounds: an array of lows against one high, or one low against an array of highs
    const wide = dtype === 'int64' || dtype === 'uint64';
    const conv = (b: bigint): number | bigint => (wide ? b : Number(b));
    // bound lists stay within int64 (NumPy turns lists mixing int64 and uint64 values into float64)
    const top = dtype === 'uint64' && hiClosed >= 2n ** 63n ? 2n ** 63n - 2n : hiClosed;
    const bottom = lo > top ? top : lo;
    const lows = [bottom, bottom + (top - bottom) / 2n, top].map(conv);
    const high = conv(top + (endpoint ? 0n : 1n));
    const bsize = pick(r, [null, [3], [2, 3]] as const) as number[] | null;
    const flip = r() < 0.3 && !wide;
    const [a, b] = flip ? [lows[0]!, lows.map((v) => Number(v) + (endpoint ? 0 : 1))] : [lows, high];
    return {
      ts: (g) => (g.integers as (...x: unknown[]) => unknown)(a, b, bsize, { dtype, endpoint }),
      py: `r.integers(${py(a)}, ${py(b)}, ${pySize(bsize)}, dtype=${npDtype}, endpoint=${py(endpoint)})`,
    };
  }
  const high = endpoint ? hiClosed : hiClosed + 1n;
  const args = [num(lo), num(high)];
  const opts = legacy ? { dtype } : { dtype, endpoint };
  const pyOpts = legacy ? `dtype=${npDtype}` : `dtype=${npDtype}, endpoint=${py(endpoint)}`;
  return {
    ts: (g) => (g[method] as (...a: unknown[]) => unknown)(args[0], args[1], size, opts),
    py: `${legacy ? 'np.random' : 'r'}.${method}(${py(args[0])}, ${py(args[1])}, ${pySize(size)}, ${pyOpts})`,
  };
}

/** A float sampler without parameters (`random`, `standardNormal`, `standardExponential`), float64 or float32. */
export function floatFillOp(r: R, method: string, pyMethod: string): Op {
  const size = sizeOf(r);
  const f32 = r() < 0.4;
  return {
    ts: (g) => (g[method] as (...a: unknown[]) => unknown)(size, f32 ? { dtype: 'float32' } : {}),
    py: `r.${pyMethod}(${pySize(size)}${f32 ? ', dtype=np.float32' : ''})`,
  };
}

/** `normal`, `uniform` or `exponential` with scalar or broadcasting array parameters. */
export function contOp(r: R, method: 'normal' | 'uniform' | 'exponential', owner: string): Op {
  const arrays = r() < 0.3;
  const size = paramSize(r, arrays);
  let params: (number | number[])[];
  if (method === 'normal') params = [floatParam(r, -5, 5, arrays), floatParam(r, 0, 3, arrays && r() < 0.5)];
  else if (method === 'uniform') {
    const lo = floatParam(r, -5, 5, arrays);
    params = [lo, typeof lo === 'number' ? lo + (floatParam(r, 0, 4, false) as number) + 0.5 : 10];
  } else params = [floatParam(r, 0, 4, arrays)];
  if (!arrays && r() < 0.15 && method === 'normal') params[1] = 0; // scale 0 gives loc exactly
  if (owner === 'np.random' && method === 'uniform' && !arrays && r() < 0.3) params.reverse(); // legacy allows high < low
  return {
    ts: (g) => (g[method] as (...a: unknown[]) => unknown)(...params, size),
    py: `${owner}.${method}(${params.map(py).join(', ')}, ${pySize(size)})`,
  };
}

/** `binomial` with small and large `n`, every regime of `p` (inversion and BTPE), scalar or array. */
export function binomialOp(r: R): Op {
  const nPick = (): number => pick(r, [0, 1, 5, 20, 60, 100, 1000, 12345, 1000000]);
  const pPick = (): number => pick(r, [0, 1, 0.5, 0.01, 0.3, 0.7, 0.97, 0.999, 0.123456]);
  const arrays = r() < 0.25;
  const n = arrays ? [nPick(), nPick(), nPick()] : nPick();
  const p = arrays && r() < 0.5 ? [pPick(), pPick(), pPick()] : pPick();
  const size = paramSize(r, arrays);
  return {
    ts: (g) => (g.binomial as (...a: unknown[]) => unknown)(n, p, size),
    py: `r.binomial(${py(n)}, ${py(p)}, ${pySize(size)})`,
    map: INT64_AS_INT32,
  };
}

/** A probability vector of length `k` (some zeros), summing to 1 up to rounding. */
function probs(r: R, k: number): number[] {
  const w: number[] = Array.from({ length: k }, () => (r() < 0.2 ? 0 : r()));
  if (!w.some((v) => v > 0)) w[0] = 1;
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / s);
}

/** `choice` from an integer or an array, with or without replacement, `p` and `shuffle`. */
export function choiceOp(r: R, legacy: boolean): Op {
  const owner = legacy ? 'np.random' : 'r';
  if (!legacy && r() < 0.15) {
    const axis = randInt(r, 0, 1);
    const replace = r() < 0.5;
    const size = pick(r, replace ? [null, 2, [2, 2]] : [null, 2, [1, 3]]) as number | number[] | null;
    return {
      ts: (g) => (g.choice as (...x: unknown[]) => unknown)(np.arange(12).reshape(3, 4).astype('float64'), size, { axis, replace }),
      py: `r.choice(np.arange(12.0).reshape(3, 4), ${pySize(size)}, axis=${axis}, replace=${py(replace)})`,
    };
  }
  const large = r() < 0.1;
  const popSize = large ? pick(r, [10001, 20000]) : randInt(r, 1, 12);
  const replace = r() < 0.5;
  const withP = !large && r() < 0.35;
  const p = withP ? probs(r, popSize) : null;
  const nonzero = p === null ? popSize : p.filter((v) => v > 0).length;
  const maxCount = replace ? 40 : nonzero;
  let size: number | number[] | null = pick(r, [null, randInt(r, 0, maxCount), randInt(r, 0, maxCount)]);
  if (large && !replace) size = pick(r, [300, 500, 1000, 5000]);
  if (size === 0 && !replace && popSize === 0) size = null;
  const fromArray = !large && r() < 0.4;
  const a: number | number[] = fromArray ? Array.from({ length: popSize }, (_, i) => i * 1.5 - 2) : popSize;
  const shuffle = legacy || r() < 0.7;
  const opts: Record<string, unknown> = { replace };
  let pyOpts = `replace=${py(replace)}`;
  if (p !== null) {
    opts.p = p;
    pyOpts += `, p=${py(p)}`;
  }
  if (!legacy && !shuffle) {
    opts.shuffle = false;
    pyOpts += ', shuffle=False';
  }
  return {
    ts: (g) => (g.choice as (...x: unknown[]) => unknown)(a, size, opts),
    py: `${owner}.choice(${py(a)}, ${pySize(size)}, ${pyOpts})`,
    map: INT64_AS_INT32,
  };
}

/** `permutation` of an integer, a 1-d array or (Generator) an n-d array along an axis. */
export function permutationOp(r: R, legacy: boolean): Op {
  const owner = legacy ? 'np.random' : 'r';
  const kind = randInt(r, 0, 2);
  if (kind === 0) {
    const n = randInt(r, 0, 40);
    return { ts: (g) => (g.permutation as (x: number) => unknown)(n), py: `${owner}.permutation(${n})`, map: INT64_AS_INT32 };
  }
  if (kind === 1) {
    const xs = Array.from({ length: randInt(r, 0, 20) }, (_, i) => i + 0.5);
    return { ts: (g) => (g.permutation as (x: unknown) => unknown)(xs), py: `${owner}.permutation(${py(xs)})` };
  }
  const rows = randInt(r, 1, 6);
  const axis = legacy ? 0 : randInt(r, 0, 1);
  const ts = (g: Api): unknown => {
    const x = np.arange(rows * 3).reshape(rows, 3).astype('float64');
    return legacy ? (g.permutation as (x: unknown) => unknown)(x) : (g.permutation as (x: unknown, o: unknown) => unknown)(x, { axis });
  };
  return { ts, py: `${owner}.permutation(np.arange(${rows * 3}.0).reshape(${rows}, 3)${legacy ? '' : `, axis=${axis}`})` };
}

/** `shuffle` of a 1-d or 2-d array in place (the op returns the shuffled array). */
export function shuffleOp(r: R, legacy: boolean): Op {
  const owner = legacy ? 'np.random' : 'r';
  const twoD = r() < 0.4;
  const n = randInt(r, 0, 25);
  const axis = !legacy && twoD ? randInt(r, 0, 1) : 0;
  const ts = (g: Api): unknown => {
    const x = twoD ? np.arange(n * 2).reshape(n, 2) : np.arange(n);
    if (legacy) (g.shuffle as (x: unknown) => void)(x);
    else (g.shuffle as (x: unknown, o: unknown) => void)(x, { axis });
    return x;
  };
  const make = twoD ? `np.arange(${n * 2}, dtype=np.int32).reshape(${n}, 2)` : `np.arange(${n}, dtype=np.int32)`;
  return { ts, py: `(lambda x: (${owner}.shuffle(x${!legacy && twoD ? `, axis=${axis}` : ''}), x)[1])(${make})` };
}

/**
 * Order statistics (internal): the engine behind median, percentile and quantile and their
 * NaN-ignoring forms. The reduced axes are moved last and merged and the array is copied
 * C-contiguous; in each row the partition kernel of `kernels/sort.ts` moves NaNs behind the
 * numbers and puts the needed ranks in place (O(n), as NumPy's `partition`), and the
 * statistics are read with NumPy's exact arithmetic:
 *
 * - median: the mean of the middle one or two elements, as NumPy's `_median` (a sum from 0,
 *   divided in float64 and stored in the mean's dtype), NaN when the row holds a NaN.
 * - quantile: NumPy's `_quantile` per method: a virtual index computed in the dtype of q,
 *   neighbour indices clipped as `_get_indexes` does, and `_lerp`:
 *   `t < 0.5 ? a + (b - a) * t : b - (b - a) * (1 - t)`, with `b - a` in the input's dtype
 *   (integers wrap there, as in NumPy) and the rest in the result dtype. Methods without
 *   interpolation (lower, higher, nearest, inverted_cdf, closest_observation, and linear
 *   with integral q) take an element, keeping the input's dtype.
 *
 * Loop variables: `r` row, `o` offset of a row in the copy, `k` index into q, `n` the
 * number of values used in a row (`m` or its non-NaN count).
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, type DType, type TypedArray } from '../dtype/dtypes.js';
import { promoteTypes, resultTypeWeak } from '../dtype/promotion.js';
import { cStrides } from '../shape/shape.js';
import { DTypeError, IndexError, ValueError, indexError } from '../errors.js';
import { partitionNaNs, selectRank } from '../kernels/sort.js';
import type { Buf } from '../kernels/elementwise.js';
import { subtract } from '../ufunc/arithmetic.js';
import { asarray, type ArrayLike, type NestedArray, type Scalar } from './convert.js';
import { copyOf, emptyArray } from './assign.js';
import { transpose } from './shape.js';
import {
  axisTuple,
  isIntegral,
  reducedShape,
  scalarOf,
  wantsScalar,
  splitArgs,
  writeOut,
  type ArrayForm,
  type Axis,
  type ReduceBaseOptions,
  type ScalarForm,
} from './reduce-args.js';

/** A C-contiguous copy: `rows` rows of `m` elements (kept axes first, reduced last). */
export interface StatRows {
  data: TypedArray;
  dtype: DType;
  rows: number;
  m: number;
}

/** Copies `a` with `axes` moved last (in order) into rows. */
export function statRows(a: NDArray, axes: readonly number[]): StatRows {
  const keep = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const c = copyOf(transpose(a, [...keep, ...axes]));
  let m = 1;
  for (const ax of axes) m *= a.shape[ax]!;
  let rows = 1;
  for (const ax of keep) rows *= a.shape[ax]!;
  return { data: c.data, dtype: a.dtype, rows, m };
}

const fround = Math.fround;
const ident = (x: number): number => x;
/** The rounding of a float dtype's arithmetic: float32 rounds each step, float64 is exact. */
function rounding(d: DType): (x: number) => number {
  return d === 'float32' ? fround : ident;
}

/**
 * Prepares the row at `o`: moves its NaNs behind its numbers and returns how many values
 * the statistic uses (all, or the numbers with `ignoreNaN`), or -1 when the row holds a NaN
 * that makes the result NaN.
 */
function rowValues(s: StatRows, o: number, ignoreNaN: boolean): number {
  if (DTYPES[s.dtype].kind !== 'f') return s.m;
  const n = partitionNaNs(s.data as unknown as Buf, o, o + s.m);
  return n < s.m && !ignoreNaN ? -1 : n;
}

/** Puts the ranks `ks` (ascending, repeats allowed) of the row's `n` values in place. */
function selectRanks(s: StatRows, o: number, n: number, ks: { readonly length: number; readonly [i: number]: number }): void {
  let lo = o;
  for (let i = 0; i < ks.length; i++) {
    const at = o + ks[i]!;
    if (at < lo) continue;
    selectRank(s.data, lo, o + n, at);
    lo = at + 1;
  }
}

/**
 * The median of each row, shape `[rows]`: NumPy's mean of the middle one or two elements
 * in the mean's dtype (float64 for integers), NaN for an empty row or one with a NaN
 * (with `ignoreNaN`, NaNs are dropped first and an all-NaN row gives NaN).
 */
export function medianRows(s: StatRows, ignoreNaN: boolean): NDArray {
  const outType: DType = isIntegral(s.dtype) ? 'float64' : s.dtype;
  const R = rounding(outType);
  const out = emptyArray([s.rows], outType);
  const res = out.data as Float64Array;
  const x = s.data as unknown as Elements;
  const odd = [0];
  const even = [0, 0];
  for (let r = 0, o = 0; r < s.rows; r++, o += s.m) {
    const n = rowValues(s, o, ignoreNaN);
    if (n <= 0) {
      res[r] = NaN;
      continue;
    }
    const h = n >> 1;
    odd[0] = even[1] = h;
    even[0] = h - 1;
    selectRanks(s, o, n, n % 2 === 1 ? odd : even);
    // NumPy: mean(part[h-1:h+1]) = (0 + (lo + hi)) / 2, or (0 + mid) / 1; division in float64
    if (n % 2 === 1) res[r] = R(Number(x[o + h]!) + 0);
    else res[r] = R(R(R(Number(x[o + h - 1]!) + Number(x[o + h]!)) + 0) / 2);
  }
  return out;
}

/** The quantile methods of NumPy (`np.quantile(method=...)`). */
export type QuantileMethod =
  | 'inverted_cdf'
  | 'averaged_inverted_cdf'
  | 'closest_observation'
  | 'interpolated_inverted_cdf'
  | 'hazen'
  | 'weibull'
  | 'linear'
  | 'median_unbiased'
  | 'normal_unbiased'
  | 'lower'
  | 'higher'
  | 'midpoint'
  | 'nearest';

const METHODS: readonly QuantileMethod[] = [
  'inverted_cdf',
  'averaged_inverted_cdf',
  'closest_observation',
  'interpolated_inverted_cdf',
  'hazen',
  'weibull',
  'linear',
  'median_unbiased',
  'normal_unbiased',
  'lower',
  'higher',
  'midpoint',
  'nearest',
];

/** Alpha and beta of Hyndman and Fan's continuous methods (NumPy's `_compute_virtual_index`). */
const ALPHA_BETA: Partial<Record<QuantileMethod, readonly [number, number]>> = {
  interpolated_inverted_cdf: [0, 1],
  hazen: [0.5, 0.5],
  weibull: [0, 0],
  median_unbiased: [1 / 3, 1 / 3],
  normal_unbiased: [3 / 8, 3 / 8],
};

/** Elements read by index (numbers, or bigints for int64/uint64). */
type Elements = { readonly [i: number]: number | bigint };

/** Validates a method name with NumPy's message. */
export function checkMethod(method: string): QuantileMethod {
  if (!(METHODS as readonly string[]).includes(method)) {
    throw new ValueError(`'${method}' is not a valid method. Use one of: dict_keys([${METHODS.map((m) => `'${m}'`).join(', ')}])`);
  }
  return method as QuantileMethod;
}

/**
 * The quantiles to compute: values in [0, 1] as stored in their dtype `g` ('int' for
 * integral q of `np.quantile`, which picks elements with method 'linear'), the shape of q,
 * and whether q was a JS number (NumPy's weak Python scalar, which keeps float32 results).
 */
export interface QSpec {
  values: Float64Array;
  g: 'float32' | 'float64' | 'int';
  shape: number[];
  weak: boolean;
}

/** True when `method` picks elements (NumPy's `supports_integers` branch). */
function takesElements(method: QuantileMethod, g: QSpec['g']): boolean {
  return method === 'inverted_cdf' || method === 'closest_observation' || method === 'lower' || method === 'higher' || method === 'nearest' || (method === 'linear' && g === 'int');
}

/** Python's floor modulo by 2 of an integral float. */
const mod2 = (x: number): number => ((x % 2) + 2) % 2;

/** Round half to even (`np.around`). */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return mod2(f) === 0 ? f : f + 1;
}

/** The element index a discrete method picks among `n` sorted values, for quantile `q`. */
function discreteIndex(method: QuantileMethod, n: number, q: number, RG: (x: number) => number): number {
  switch (method) {
    case 'lower':
      return Math.floor(RG((n - 1) * q));
    case 'higher':
      return Math.ceil(RG((n - 1) * q));
    case 'nearest':
      return roundHalfEven(RG((n - 1) * q));
    case 'linear': // integral q (0 or 1)
      return (n - 1) * q;
    default: {
      // inverted_cdf and closest_observation: NumPy's _discrete_interpolation_to_boundaries
      let index = RG(RG(n * q) - 1);
      if (method === 'closest_observation') index = RG(index - 0.5);
      const prev = Math.floor(index);
      const gamma = index - prev;
      const usePrev = method === 'inverted_cdf' ? gamma === 0 : gamma === 0 && mod2(prev) === 1;
      return Math.max(usePrev ? prev : prev + 1, 0);
    }
  }
}

/**
 * The virtual index and (fixed) gamma of an interpolating method among `n` values, as
 * NumPy computes them in the dtype of q; also the neighbour indices after `_get_indexes`.
 */
function interpolation(method: QuantileMethod, n: number, q: number, RG: (x: number) => number): { lo: number; hi: number; gamma: number; prev: number } {
  let v: number;
  const ab = ALPHA_BETA[method];
  if (ab !== undefined) {
    const [alpha, beta] = ab;
    v = RG(RG(RG(n * q) + RG(RG(alpha) + RG(q * RG(1 - alpha - beta)))) - 1);
  } else if (method === 'midpoint') {
    const t = RG((n - 1) * q);
    v = RG(0.5 * RG(Math.floor(t) + Math.ceil(t)));
  } else if (method === 'averaged_inverted_cdf') {
    v = RG(RG(n * q) - 1);
  } else v = RG((n - 1) * q); // linear
  let prev = Math.floor(v);
  let lo = prev;
  let hi = prev + 1;
  // NumPy's _get_indexes: above the last index first, then below 0 (which wins for n = 0)
  if (v >= n - 1) {
    prev = -1; // NumPy stores index -1 (the last element) and computes gamma from it
    lo = hi = n - 1;
  }
  if (v < 0) {
    prev = 0;
    lo = hi = 0;
  }
  let gamma = RG(v - prev);
  if (method === 'midpoint') gamma = v % 1 === 0 ? 0 : 0.5;
  else if (method === 'averaged_inverted_cdf') gamma = gamma === 0 ? 0.5 : 1;
  return { lo, hi, gamma, prev };
}

/** The dtype of the quantiles of `dtype` data (NumPy's `_lerp` promotion, or the input's for element picks). */
export function quantileDType(dtype: DType, q: QSpec, method: QuantileMethod): DType {
  if (takesElements(method, q.g)) return dtype;
  // `b - a` runs in the input's dtype: bool raises NumPy's boolean-subtract error
  if (dtype === 'bool') throw new DTypeError(subtract.spec.boolError!);
  if (q.weak) return resultTypeWeak([dtype], ['float']);
  return promoteTypes([dtype, q.g === 'float32' ? 'float32' : 'float64']);
}

/**
 * The quantiles of each row, shape `[...q.shape, rows]` (q's axes first, as NumPy). An
 * empty row throws NumPy's IndexError, or (with `ignoreNaN`) gives NaN like an all-NaN row.
 */
export function quantileRows(s: StatRows, q: QSpec, method: QuantileMethod, ignoreNaN: boolean): NDArray {
  const nq = q.values.length;
  if (s.m === 0 && !ignoreNaN && nq > 0) throw emptyQuantileError(s.dtype, s.rows, q, method);
  const outType = quantileDType(s.dtype, q, method);
  const out = emptyArray([nq, s.rows], outType);
  const res = out.data as unknown as { [i: number]: number | bigint };
  const x = s.data as unknown as Elements;
  const take = takesElements(method, q.g);
  const RG = rounding(q.g === 'float32' ? 'float32' : 'float64');
  const RC = rounding(outType);
  const big = DTYPES[s.dtype].bigint;
  // `b - a` in the input's dtype: a one-element store wraps integers and rounds float32
  const cell = new DTYPES[s.dtype].ctor(1) as unknown as { [i: number]: number | bigint };
  const diff = (b: number | bigint, a: number | bigint): number => {
    if (big) return Number(s.dtype === 'int64' ? BigInt.asIntN(64, (b as bigint) - (a as bigint)) : BigInt.asUintN(64, (b as bigint) - (a as bigint)));
    cell[0] = (b as number) - (a as number);
    return cell[0] as number;
  };
  const nan = DTYPES[outType].kind === 'f' ? NaN : 0;
  // the indices (and weights) each q reads depend only on the row's count: plan once per count
  const plans = new Map<number, Plan>();
  const planFor = (n: number): Plan => {
    let p = plans.get(n);
    if (p === undefined) {
      const steps = Array.from(q.values, (qk) => (take ? { lo: discreteIndex(method, n, qk, RG), hi: 0, gamma: 0 } : interpolation(method, n, qk, RG)));
      const ranks = Int32Array.from(steps.flatMap((st) => (take ? [st.lo] : [st.lo, st.hi]))).sort();
      p = { steps, ranks };
      plans.set(n, p);
    }
    return p;
  };
  for (let r = 0, o = 0; r < s.rows; r++, o += s.m) {
    const n = rowValues(s, o, ignoreNaN);
    const plan = n > 0 ? planFor(n) : null;
    if (plan !== null) selectRanks(s, o, n, plan.ranks);
    for (let k = 0; k < nq; k++) {
      const at = k * s.rows + r;
      if (plan === null) {
        res[at] = nan;
        continue;
      }
      const { lo, hi, gamma } = plan.steps[k]!;
      if (take) {
        res[at] = x[o + lo]!;
        continue;
      }
      const a = x[o + lo]!;
      const b = x[o + hi]!;
      const d = RC(diff(b, a));
      res[at] =
        gamma >= 0.5 ? RC(RC(Number(b)) - RC(d * RC(RG(1 - gamma)))) : RC(RC(Number(a)) + RC(d * RC(gamma)));
    }
  }
  return out;
}

/** Where each q reads a row of a given count, and the ranks to put in place for it. */
interface Plan {
  steps: { lo: number; hi: number; gamma: number }[];
  ranks: Int32Array;
}

/**
 * NumPy's error for quantiles of an empty axis, which comes from its indexing: reading the
 * last element (float input, to look for NaN), `take` (element picks) or the first
 * neighbour index of the first q; `rows` is the number of slices.
 */
function emptyQuantileError(dtype: DType, rows: number, q: QSpec, method: QuantileMethod): IndexError {
  if (DTYPES[dtype].kind === 'f') return indexError(-1, 0, 0);
  if (takesElements(method, q.g)) {
    // np.take from an empty axis: its message depends on whether anything else is left
    const RG = rounding(q.g === 'float32' ? 'float32' : 'float64');
    return rows === 0 ? indexError(discreteIndex(method, 0, q.values[0]!, RG), 0, 0) : new IndexError('cannot do a non-empty take from an empty axes.');
  }
  const RG = rounding(q.g === 'float32' ? 'float32' : 'float64');
  return indexError(interpolation(method, 0, q.values[0]!, RG).prev, 0, 0);
}

/** Reads q for `np.quantile` (`scale` 1) or `np.percentile` (`scale` 100), validated. */
export function quantileSpec(q: number | NDArray, scale: 1 | 100): QSpec {
  const msg = scale === 100 ? 'Percentiles must be in the range [0, 100]' : 'Quantiles must be in the range [0, 1]';
  let spec: QSpec;
  if (typeof q === 'number') {
    const v = q / scale;
    spec = { values: Float64Array.of(v), g: scale === 1 && Number.isInteger(q) ? 'int' : 'float64', shape: [], weak: true };
  } else {
    if (q.ndim > 2) throw new ValueError('q must be a scalar or 1d');
    const kind = DTYPES[q.dtype].kind;
    // percentile: q / 100 runs as true division (integers in float64, float32 stays float32)
    const g: QSpec['g'] = kind === 'f' ? (q.dtype as 'float32' | 'float64') : scale === 100 ? 'float64' : 'int';
    const flat = copyOf(q, g === 'int' ? 'float64' : q.dtype);
    const values = new Float64Array(flat.size);
    const src = flat.data as unknown as Elements;
    for (let i = 0; i < values.length; i++) {
      const v = Number(src[i]!);
      values[i] = scale === 100 ? rounding(g === 'float32' ? 'float32' : 'float64')(v / 100) : v;
    }
    spec = { values, g, shape: q.shape.slice(), weak: false };
  }
  for (const v of spec.values) if (!(v >= 0 && v <= 1)) throw new ValueError(msg);
  return spec;
}

/** Options of `median`. */
export interface MedianOptions extends ReduceBaseOptions {
  /** Accepted for NumPy compatibility; numbat never modifies the input. */
  overwriteInput?: boolean;
}

/** Options of `percentile` and `quantile`. */
export interface QuantileOptions extends MedianOptions {
  /** NumPy's estimation method (default 'linear'). */
  method?: QuantileMethod;
}

/** An owned C-contiguous array given a new shape of the same size. */
function withShape(a: NDArray, shape: readonly number[]): NDArray {
  return new NDArray(a.data, shape, cStrides(shape), 0, a.dtype);
}

/** The sorted axes of an order statistic (NumPy's message for a repeated one). */
function statAxes(a: NDArray, axis: Axis | undefined): number[] {
  return axis === null || axis === undefined ? a.shape.map((_, i) => i) : axisTuple(axis, a.ndim, 'repeated axis').sort((i, j) => i - j);
}

/** The median of each slice, shape `reducedShape` (shared by `median` and `nanmedian`). */
export function medianOf(a: NDArray, axis: Axis | undefined, keepdims: boolean, ignoreNaN: boolean): NDArray {
  const axes = statAxes(a, axis);
  return withShape(medianRows(statRows(a, axes), ignoreNaN), reducedShape(a.shape, axes, keepdims));
}

/** The methods that interpolate between neighbours (their results are floats). */
export type InterpolatingMethod = Exclude<QuantileMethod, 'inverted_cdf' | 'closest_observation' | 'lower' | 'higher' | 'nearest'>;

/** Options whose method interpolates (the default 'linear' does). */
type Interpolating = QuantileOptions & ScalarForm & { method?: InterpolatingMethod };

/**
 * A quantile function `(a, q, axis?, options?)`. A scalar q over all axes gives a JS
 * scalar: a number for interpolating methods, else the element's JS value (as `item()`).
 */
export interface QuantileFn {
  (a: ArrayLike, q: number, axis?: null, options?: Interpolating): number;
  (a: ArrayLike, q: number, options: Interpolating): number;
  (a: ArrayLike, q: number, axis?: null, options?: QuantileOptions & ScalarForm): Scalar;
  (a: ArrayLike, q: number, options: QuantileOptions & ScalarForm): Scalar;
  (a: ArrayLike, q: ArrayLike, axis: number | readonly number[], options?: QuantileOptions): NDArray;
  (a: ArrayLike, q: ArrayLike, options: QuantileOptions & ArrayForm): NDArray;
  (a: ArrayLike, q: NestedArray, axis?: Axis | QuantileOptions, options?: QuantileOptions): NDArray;
  (a: ArrayLike, q: ArrayLike, axis?: Axis | QuantileOptions, options?: QuantileOptions): NDArray | Scalar;
}

/**
 * Builds percentile/quantile (and their NaN-ignoring forms): `scale` is 100 for
 * percentiles. `onEmpty` gives the result of NumPy's nan-variants on empty input (nanmean's).
 */
export function quantileFunction(name: string, scale: 1 | 100, ignoreNaN: boolean, onEmpty?: (a: NDArray, axis: Axis | undefined, keepdims: boolean) => NDArray): QuantileFn {
  const f = (x: ArrayLike, q: ArrayLike, axisOrOptions?: Axis | QuantileOptions, options?: QuantileOptions): NDArray | Scalar => {
    const { axis, o } = splitArgs<QuantileOptions>(name, axisOrOptions, options);
    const a = asarray(x);
    const spec = quantileSpec(typeof q === 'number' ? q : asarray(q), scale);
    const keepdims = o.keepdims === true;
    const axes = statAxes(a, axis);
    const method = checkMethod(o.method ?? 'linear');
    let result: NDArray;
    if (onEmpty !== undefined && a.size === 0) result = onEmpty(a, axis, keepdims);
    else result = withShape(quantileRows(statRows(a, axes), spec, method, ignoreNaN), [...spec.shape, ...reducedShape(a.shape, axes, keepdims)]);
    result = writeOut(name, result, o.out);
    // a JS scalar for a scalar q over all axes (bigint/boolean for int64/bool element picks)
    return wantsScalar(axis, o) && spec.shape.length === 0 && result.ndim === 0 ? scalarOf(result) : result;
  };
  return f as QuantileFn;
}


/**
 * Statistics (API.md "Reductions"): mean, var, std, average, median, percentile, quantile.
 *
 * mean/var/std follow NumPy's `_methods.py` step by step, built on `add.reduce` (pairwise
 * float sums) and ufuncs: bool and integer inputs compute in float64, float32 stays float32,
 * and each division by a count runs in float64 and is cast back (NumPy divides by an
 * `intp`). var is two-pass: the mean, then the sum of squared deviations, divided by
 * `max(n - ddof, 0)` (so ddof >= n gives inf or NaN, as NumPy). Over all axes of a
 * C-contiguous float array the two passes are fused kernels (`kernels/moments.ts`) that
 * give the composite's bits without its temporaries.
 *
 * median/percentile/quantile sort a copy (`order-statistics.ts`) and use NumPy's exact
 * arithmetic; a NaN in a slice makes that slice's result NaN.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, toDType, type DType, type DTypeLike } from '../dtype/dtypes.js';
import { promoteTypes } from '../dtype/promotion.js';
import { normalizeAxes } from '../shape/shape.js';
import { DTypeError, ValueError } from '../errors.js';
import { reduce } from '../ufunc/reduce.js';
import { add, multiply, subtract, divide } from '../ufunc/arithmetic.js';
import { sqrt } from '../ufunc/math.js';
import { equal, logicalOr } from '../ufunc/compare-logic.js';
import { asarray, type ArrayLike } from './convert.js';
import type { Buf } from '../kernels/elementwise.js';
import { assign, emptyArray } from './assign.js';
import { reshape, transpose, broadcastTo } from './shape.js';
import {
  axisTuple,
  divideInPlace,
  isIntegral,
  reduction,
  scalarForm,
  scalarOf,
  splitArgs,
  writeOut,
  type Axis,
  type ReduceBaseOptions,
  type ReductionFn,
} from './reduce-args.js';
import { medianOf, quantileFunction, type MedianOptions, type QuantileFn } from './order-statistics.js';
import { pairwiseSum32 } from '../kernels/reduce.js';
import { fusedMoments, pairwiseSqDevF32, pairwiseSqDevF64, pairwiseSumF64 } from '../kernels/moments.js';
import { pairwiseRuns } from '../kernels/vmath.js';

export type { Axis, ReduceBaseOptions, ReductionFn, ScalarForm, ArrayForm } from './reduce-args.js';
export type { QuantileMethod, InterpolatingMethod, MedianOptions, QuantileOptions, QuantileFn } from './order-statistics.js';

/** Options of `mean`. */
export interface MeanOptions extends ReduceBaseOptions {
  /** Accumulate (and return) in this dtype; default float64 for bool/integers, else the input's. */
  dtype?: DTypeLike;
}

/** Options of `var` and `std`. */
export interface VarOptions extends MeanOptions {
  /** Delta degrees of freedom: the divisor is `n - ddof` (default 0). */
  ddof?: number;
}

function countOf(a: NDArray, axes: readonly number[]): number {
  let n = 1;
  for (const ax of axes) n *= a.shape[ax]!;
  return n;
}

/** The mean over `axes` (NumPy's `_mean`). */
function meanOf(a: NDArray, axes: readonly number[], keepdims: boolean, dtype?: DType): NDArray {
  const dt = dtype ?? (isIntegral(a.dtype) ? 'float64' : undefined);
  const ret = reduce(add, a, { axis: axes, keepdims, ...(dt === undefined ? {} : { dtype: dt }) });
  return divideInPlace(ret, countOf(a, axes));
}

/**
 * The variance over every axis of a C-contiguous float32/float64 array (at least 1-d, in
 * its own dtype) by the fused kernels of `kernels/moments.ts`: the same bits as the steps of
 * {@link varOf} below (mean by a pairwise sum, divided in float64 and rounded to the
 * dtype; deviations, squares and their pairwise sum in the dtype; the division likewise),
 * reading the array twice and allocating nothing. Null when it does not apply.
 */
function fusedVar(a: NDArray, axes: readonly number[], keepdims: boolean, dtype: DType | undefined, ddof: number): NDArray | null {
  const dt = a.dtype;
  if (!fusedMoments.enabled || (dt !== 'float64' && dt !== 'float32') || (dtype !== undefined && dtype !== dt)) return null;
  const n = a.size;
  if (n === 0 || a.ndim === 0 || axes.length !== a.ndim || !a.flags.cContiguous) return null;
  const div = Math.max(n - ddof, 0);
  let v: number;
  // the WASM kernels where available (the same trees: same bits), else the JS ones
  if (dt === 'float64') {
    const buf = a.data as Float64Array;
    // `0 +`: the reduction's accumulator starts at the identity 0 (a sum of -0.0 is 0.0)
    const m = (0 + (pairwiseRuns(buf, a.offset, n) ?? pairwiseSumF64(buf, a.offset, n))) / n;
    v = (0 + (pairwiseRuns(buf, a.offset, n, m) ?? pairwiseSqDevF64(buf, a.offset, n, m))) / div;
  } else {
    const f = Math.fround;
    const buf = a.data as Float32Array;
    const m = f((0 + (pairwiseRuns(buf, a.offset, n) ?? pairwiseSum32(buf as unknown as Buf, a.offset, n, 1))) / n);
    v = f((0 + (pairwiseRuns(buf, a.offset, n, m) ?? pairwiseSqDevF32(buf, a.offset, n, m))) / div);
  }
  const r = emptyArray(keepdims ? a.shape.map(() => 1) : [], dt);
  (r.data as Float64Array | Float32Array)[0] = v;
  return r;
}

/** The variance over `axes` (NumPy's `_var`: two passes). */
function varOf(a: NDArray, axes: readonly number[], keepdims: boolean, dtype: DType | undefined, ddof: number): NDArray {
  const fused = fusedVar(a, axes, keepdims, dtype, ddof);
  if (fused !== null) return fused;
  const dt = dtype ?? (isIntegral(a.dtype) ? 'float64' : undefined);
  const opt = dt === undefined ? {} : { dtype: dt };
  const n = countOf(a, axes);
  const arrmean = divideInPlace(reduce(add, a, { axis: axes, keepdims: true, ...opt }), n);
  const x = subtract(a, arrmean);
  multiply(x, x, { out: x });
  const ret = reduce(add, x, { axis: axes, keepdims, ...opt });
  return divideInPlace(ret, Math.max(n - ddof, 0));
}

/** `sqrt` in place (float), or computed and cast back (an explicit integer dtype). */
function sqrtInPlace(r: NDArray): NDArray {
  if (DTYPES[r.dtype].kind === 'f') return sqrt(r, { out: r });
  assign(r, sqrt(r));
  return r;
}

const dtypeOf = (o: { dtype?: DTypeLike }): DType | undefined => (o.dtype === undefined ? undefined : toDType(o.dtype));

/**
 * The arithmetic mean along the given axes (`np.mean`). Integers and bools give float64;
 * float32 gives float32. Sums are pairwise as NumPy's, but float32 partial sums are kept
 * in float64 and rounded once (NumPy rounds them to float32), so float32 means can be more
 * accurate than NumPy's, not bit-identical. The mean of nothing is NaN (NumPy also warns).
 *
 * @example
 * np.mean([[1, 2], [3, 4]]); // 2.5
 * np.mean([[1, 2], [3, 4]], 0); // array([2, 3]) (float64)
 */
export const mean: ReductionFn<MeanOptions, number> = reduction('mean', (a, axis, o: MeanOptions) =>
  writeOut('mean', meanOf(a, normalizeAxes(axis ?? null, a.ndim), o.keepdims === true, dtypeOf(o)), o.out),
);

/**
 * The variance along the given axes (`np.var`): `sum((x - mean)^2) / (n - ddof)`, two-pass
 * as NumPy. `ddof >= n` gives inf (or NaN for 0/0), as NumPy (which also warns).
 *
 * @example
 * np.var([1, 2, 3, 4]); // 1.25
 * np.var([1, 2, 3, 4], null, { ddof: 1 }); // 1.6666666666666667
 */
const var_: ReductionFn<VarOptions, number> = reduction('var', (a, axis, o: VarOptions) =>
  writeOut('var', varOf(a, normalizeAxes(axis ?? null, a.ndim), o.keepdims === true, dtypeOf(o), o.ddof ?? 0), o.out),
);
export { var_ as var };

/**
 * The standard deviation along the given axes (`np.std`): the square root of `var`.
 *
 * @example
 * np.std([1, 2, 3, 4]); // 1.118033988749895
 */
export const std: ReductionFn<VarOptions, number> = reduction('std', (a, axis, o: VarOptions) =>
  writeOut('std', sqrtInPlace(varOf(a, normalizeAxes(axis ?? null, a.ndim), o.keepdims === true, dtypeOf(o), o.ddof ?? 0)), o.out),
);

/**
 * The median along the given axes (`np.median`): the middle element, or the mean of the
 * two middle ones, computed as NumPy does (the mean of the middle elements, in float64 for
 * integers). A slice holding a NaN gives NaN; the median of nothing is NaN.
 *
 * @example
 * np.median([3, 1, 4, 1]); // 2
 */
export const median: ReductionFn<MedianOptions, number> = reduction('median', (a, axis, o: MedianOptions) =>
  writeOut('median', medianOf(a, axis, o.keepdims === true, false), o.out),
);

/**
 * The q-th percentiles along the given axes (`np.percentile`), q in [0, 100] (a number or
 * an array of up to 2 dimensions, whose axes come first in the result). Methods are
 * NumPy's, default 'linear' (virtual index `(n - 1) * q / 100`, then `_lerp` exactly as
 * NumPy, including its integer `b - a`). A JS number q keeps a float32 input's dtype (a
 * weak Python float); an array q promotes with it. A slice with a NaN gives NaN.
 *
 * @example
 * np.percentile([1, 2, 3, 4], 50); // 2.5
 * np.percentile([1, 2, 3, 4], [25, 75]); // array([1.75, 3.25])
 */
export const percentile: QuantileFn = quantileFunction('percentile', 100, false);

/**
 * The q-th quantiles along the given axes (`np.quantile`), q in [0, 1]; `percentile` with
 * q / 100. As NumPy, an integral q (0 or 1) with method 'linear' picks an element and
 * keeps the input's dtype.
 *
 * @example
 * np.quantile([1, 2, 3, 4], 0.5); // 2.5
 *
 * An integral q of 0 or 1 over all axes of an int64/uint64 (bool) array returns a bigint
 * (boolean), as `item()` does, although the overload for a number q says `number`.
 */
export const quantile: QuantileFn = quantileFunction('quantile', 1, false);

/** Options of `average`. */
export interface AverageOptions {
  /** Axis or axes to average over; `null` (the default) averages all. */
  axis?: Axis;
  /** Weights: the shape of `a`, or of `a` along `axis` (in the order of `axis`). */
  weights?: ArrayLike | null;
  /** Also return the sum of the weights (as NumPy's tuple, a JS array `[avg, sum]`). */
  returned?: boolean;
  /** Keep the reduced axes as length 1. */
  keepdims?: boolean;
}

/** What `average` returns: a number for an all-axes average, else an array. */
export type AverageResult = number | NDArray;

/**
 * The weighted average along the given axes (`np.average`): `sum(a * w) / sum(w)`,
 * computed in float64 for integer input (else the promotion of `a` and `weights`). Without
 * weights it is `mean`. NumPy raises ZeroDivisionError when the weights sum to zero;
 * numbat throws `ValueError` with the same message ("Weights sum to zero, can't be
 * normalized"; 'division by zero' for an empty unweighted average along an axis).
 *
 * @example
 * np.average([1, 2, 3], null, { weights: [3, 1, 0] }); // 1.25
 * np.average([1, 2, 3], { weights: [3, 1, 0], returned: true }); // [1.25, 4]
 */
export function average(a: ArrayLike, axis?: Axis, options?: AverageOptions & { returned?: false }): AverageResult;
export function average(a: ArrayLike, options: AverageOptions & { returned?: false }): AverageResult;
export function average(a: ArrayLike, axis: Axis | undefined, options: AverageOptions & { returned: true }): [AverageResult, AverageResult];
export function average(a: ArrayLike, options: AverageOptions & { returned: true }): [AverageResult, AverageResult];
export function average(a: ArrayLike, axis?: Axis | AverageOptions, options?: AverageOptions): AverageResult | [AverageResult, AverageResult];
export function average(x: ArrayLike, axisOrOptions?: Axis | AverageOptions, options?: AverageOptions): AverageResult | [AverageResult, AverageResult] {
  const { axis, o } = splitArgs<AverageOptions>('average', axisOrOptions, options);
  const a = asarray(x);
  const given = axis === null || axis === undefined ? null : axisTuple(axis, a.ndim, 'repeated axis in `axis` argument', 'axis');
  const axes = given === null ? a.shape.map((_, i) => i) : [...given].sort((i, j) => i - j);
  const keepdims = o.keepdims === true;
  let avg: NDArray;
  let scl: NDArray;
  if (o.weights === undefined || o.weights === null) {
    avg = meanOf(a, axes, keepdims);
    if (avg.size === 0) throw new ValueError('division by zero');
    scl = emptyArray([], avg.dtype);
    assign(scl, asarray(a.size / avg.size));
  } else {
    let w = asarray(o.weights);
    const resultType = isIntegral(a.dtype) ? promoteTypes([a.dtype, w.dtype, 'float64']) : promoteTypes([a.dtype, w.dtype]);
    if (w.ndim !== a.ndim || w.shape.some((d, i) => d !== a.shape[i])) {
      if (given === null) throw new DTypeError('Axis must be specified when shapes of a and weights differ.');
      if (w.ndim !== given.length || w.shape.some((d, i) => d !== a.shape[given[i]!])) {
        throw new ValueError('Shape of weights must be consistent with shape of a along specified axis.');
      }
      // weights along `axis` (in its order) broadcast against `a`
      const order = given.map((_, i) => i).sort((i, j) => given[i]! - given[j]!);
      w = reshape(transpose(w, order), a.shape.map((d, i) => (axes.includes(i) ? d : 1)));
    }
    scl = reduce(add, w, { axis: axes, keepdims, dtype: resultType });
    if ((reduce(logicalOr, equal(scl, 0), { axis: null }).data as Uint8Array)[0] === 1) {
      throw new ValueError("Weights sum to zero, can't be normalized");
    }
    avg = divide(reduce(add, multiply(a, w, { dtype: resultType }), { axis: axes, keepdims }), scl);
  }
  const scalar = scalarForm(axis, o);
  const out = (r: NDArray): AverageResult => (scalar && r.ndim === 0 ? (scalarOf(r) as number) : r);
  if (o.returned !== true) return out(avg);
  if (scl.ndim !== avg.ndim || scl.shape.some((d, i) => d !== avg.shape[i])) {
    const b = emptyArray(avg.shape, scl.dtype);
    assign(b, broadcastTo(scl, avg.shape));
    scl = b;
  }
  return [out(avg), out(scl)];
}

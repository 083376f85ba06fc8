/**
 * NaN-ignoring reductions (API.md "Reductions"): nansum, nanprod, nanmean, nanvar, nanstd,
 * nanmin, nanmax, nanargmin, nanargmax, nanmedian, nanpercentile, nanquantile, nancumsum,
 * nancumprod.
 *
 * As NumPy's `nanfunctions`: NaNs are replaced by a neutral value in a copy (0 for sums,
 * 1 for products, +-inf for arg-searches) and the ordinary reduction runs on it; nanmin and
 * nanmax are `fmin.reduce` / `fmax.reduce`; nanmean/nanvar divide by the count of non-NaN
 * elements; the order statistics drop NaNs per slice. Integer and bool inputs hold no NaN
 * and give the ordinary reductions. All-NaN slices: nanmin/nanmax/nanmean/nanvar/nanmedian
 * give NaN (NumPy also warns), nanargmin/nanargmax throw `All-NaN slice encountered`.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, toDType } from '../dtype/dtypes.js';
import { DTypeError, ValueError } from '../errors.js';
import { stridedLoop } from '../iter/strided-loop.js';
import { whereKernel, type Buf } from '../kernels/elementwise.js';
import { broadcastStrides } from '../shape/broadcast.js';
import { normalizeAxes } from '../shape/shape.js';
import { reduce } from '../ufunc/reduce.js';
import { add, multiply, subtract } from '../ufunc/arithmetic.js';
import { fmax, fmin, sqrt } from '../ufunc/math.js';
import { isnan, lessEqual, logicalAnd, logicalNot, logicalOr } from '../ufunc/compare-logic.js';
import { asarray, type ArrayLike, type Scalar } from './convert.js';
import { emptyArray } from './assign.js';
import { reshape } from './shape.js';
import { argmax, argmin, cumprod, cumsum, prod, sum, type ArgOptions, type CumulativeOptions, type MinMaxOptions, type SumOptions } from './reductions.js';
import { mean, std, var as variance, type MeanOptions, type VarOptions } from './statistics.js';
import { medianOf, quantileFunction, type MedianOptions, type QuantileFn } from './order-statistics.js';
import { divideInPlace, inner, reduction, writeOut, type Axis, type ReductionFn } from './reduce-args.js';

const isFloat = (a: NDArray): boolean => DTYPES[a.dtype].kind === 'f';

/** `cond ? value : a` as a new array of `a`'s dtype and shape (`cond` broadcasts to `a`). */
function replaceWhere(a: NDArray, cond: NDArray, value: number): NDArray {
  const out = emptyArray(a.shape, a.dtype);
  const v = emptyArray([], a.dtype);
  (v.data as Float64Array)[0] = value;
  stridedLoop(
    a.shape,
    [out.strides, broadcastStrides(cond.shape, cond.strides, a.shape), a.shape.map(() => 0), a.strides],
    [0, cond.offset, 0, a.offset],
    whereKernel(out.data as unknown as Buf, cond.data as unknown as Buf, v.data as unknown as Buf, a.data as unknown as Buf),
  );
  return out;
}

/** A copy of a float array with its NaNs replaced by `value` (NumPy's `_replace_nan`); other dtypes as is. */
function replaceNaN(a: NDArray, value: number): NDArray {
  return isFloat(a) ? replaceWhere(a, isnan(a), value) : a;
}

/**
 * The sum along the given axes treating NaN as zero (`np.nansum`); all-NaN or empty
 * slices give 0. dtypes as `sum`.
 *
 * @example
 * np.nansum([1, NaN, 2]); // 3
 */
export const nansum: ReductionFn<SumOptions, number | bigint> = reduction('nansum', (a, axis, o: SumOptions) => sum(replaceNaN(a, 0), axis ?? null, inner(o)) as NDArray);

/**
 * The product along the given axes treating NaN as one (`np.nanprod`).
 *
 * @example
 * np.nanprod([2, NaN, 3]); // 6
 */
export const nanprod: ReductionFn<SumOptions, number | bigint> = reduction('nanprod', (a, axis, o: SumOptions) => prod(replaceNaN(a, 1), axis ?? null, inner(o)) as NDArray);

/** Forwards to a ufunc reduction with a reduction's options (the 0-d-array axis rule of `sum`). */
function nanExtreme(u: typeof fmax, a: NDArray, axis: Axis | undefined, o: MinMaxOptions): NDArray {
  return reduce(u, a, {
    axis: axis === undefined ? null : a.ndim === 0 && (axis === 0 || axis === -1) ? 0 : axis,
    ...(o.keepdims === undefined ? {} : { keepdims: o.keepdims }),
    ...(o.out === undefined ? {} : { out: o.out }),
    ...(o.initial === undefined ? {} : { initial: o.initial }),
  });
}

/**
 * The largest element along the given axes ignoring NaN (`np.nanmax`, `fmax.reduce`): an
 * all-NaN slice gives NaN (NumPy also warns); an empty one throws `zero-size array to
 * reduction operation fmax which has no identity`.
 *
 * @example
 * np.nanmax([1, NaN, 3]); // 3
 */
export const nanmax: ReductionFn<MinMaxOptions, Scalar> = reduction('nanmax', (a, axis, o: MinMaxOptions) => nanExtreme(fmax, a, axis, o));

/**
 * The smallest element along the given axes ignoring NaN (`np.nanmin`, `fmin.reduce`).
 *
 * @example
 * np.nanmin([4, NaN, 3]); // 3
 */
export const nanmin: ReductionFn<MinMaxOptions, Scalar> = reduction('nanmin', (a, axis, o: MinMaxOptions) => nanExtreme(fmin, a, axis, o));

/** nanargmin/nanargmax: NaN becomes `fill`; a slice of only NaNs throws. */
function nanArg(f: typeof argmax, fill: number, a: NDArray, axis: number | null | undefined, o: ArgOptions): NDArray {
  if (isFloat(a) && a.size > 0) {
    const allNaN = reduce(logicalAnd, isnan(a), { axis: axis === undefined || axis === null ? null : axis });
    if ((reduce(logicalOr, allNaN, { axis: null }).data as Uint8Array)[0] === 1) throw new ValueError('All-NaN slice encountered');
  }
  return f(replaceNaN(a, fill), axis ?? null, inner(o)) as NDArray;
}

/**
 * Indices of the largest elements along an axis ignoring NaN (`np.nanargmax`), int32. A
 * slice of only NaNs throws `All-NaN slice encountered`.
 *
 * @example
 * np.nanargmax([1, NaN, 3]); // 2
 */
export const nanargmax: ReductionFn<ArgOptions, number, number> = reduction('nanargmax', (a, axis, o: ArgOptions) => nanArg(argmax, -Infinity, a, axis, o));

/**
 * Indices of the smallest elements along an axis ignoring NaN (`np.nanargmin`), int32.
 *
 * @example
 * np.nanargmin([4, NaN, 3]); // 2
 */
export const nanargmin: ReductionFn<ArgOptions, number, number> = reduction('nanargmin', (a, axis, o: ArgOptions) => nanArg(argmin, Infinity, a, axis, o));

/** The count of non-NaN elements (int32) over `axes`, keeping them as length 1. */
function countNumbers(a: NDArray, axes: readonly number[]): NDArray {
  return reduce(add, logicalNot(isnan(a)), { axis: axes, keepdims: true, dtype: 'int32' });
}

function checkInexact(o: { dtype?: string; out?: NDArray }): void {
  if (o.dtype !== undefined && DTYPES[toDType(o.dtype)].kind !== 'f') throw new DTypeError('If a is inexact, then dtype must be inexact');
  if (o.out !== undefined && DTYPES[o.out.dtype].kind !== 'f') throw new DTypeError('If a is inexact, then out must be inexact');
}

/** The shape of `r` with the counts' kept axes dropped when `r` has none (NumPy's squeeze). */
function likeResult(cnt: NDArray, r: NDArray): NDArray {
  return cnt.ndim === r.ndim ? cnt : reshape(cnt, r.shape);
}

/**
 * The mean along the given axes ignoring NaN (`np.nanmean`): the sum of the numbers over
 * their count; an all-NaN or empty slice gives NaN (NumPy also warns). Integer input gives
 * `mean`.
 *
 * @example
 * np.nanmean([1, NaN, 3]); // 2
 */
export const nanmean: ReductionFn<MeanOptions, number> = reduction('nanmean', (a, axis, o: MeanOptions) => {
  if (!isFloat(a)) return mean(a, axis ?? null, inner(o)) as NDArray;
  checkInexact(o);
  const axes = normalizeAxes(axis ?? null, a.ndim);
  const tot = sum(replaceNaN(a, 0), axes, { ...(o.keepdims === undefined ? {} : { keepdims: o.keepdims }), ...(o.dtype === undefined ? {} : { dtype: o.dtype }) });
  return writeOut('nanmean', divideInPlace(tot, likeResult(countNumbers(a, axes), tot)), o.out);
});

/** NumPy's `nanvar` (float input): two passes over the numbers, NaN where `n - ddof <= 0`. */
function nanVarOf(a: NDArray, axis: Axis | undefined, o: VarOptions): NDArray {
  checkInexact(o);
  const axes = normalizeAxes(axis ?? null, a.ndim);
  const mask = isnan(a);
  const arr = replaceWhere(a, mask, 0);
  const dt = o.dtype === undefined ? {} : { dtype: o.dtype };
  const cnt = countNumbers(a, axes);
  const avg = divideInPlace(sum(arr, axes, { keepdims: true, ...dt }) as NDArray, cnt);
  // deviations stored back in the input's dtype (NumPy: subtract(arr, avg, out=arr))
  subtract(arr, avg, { out: arr });
  const dev = replaceWhere(arr, mask, 0);
  multiply(dev, dev, { out: dev });
  const v = sum(dev, axes, { ...(o.keepdims === undefined ? {} : { keepdims: o.keepdims }), ...dt }) as NDArray;
  const dof = subtract(likeResult(cnt, v), o.ddof ?? 0);
  divideInPlace(v, dof);
  return replaceWhere(v, lessEqual(dof, 0), NaN);
}

/**
 * The variance along the given axes ignoring NaN (`np.nanvar`); a slice with no more than
 * `ddof` numbers gives NaN (NumPy also warns). Integer input gives `var`.
 *
 * @example
 * np.nanvar([1, NaN, 3]); // 1
 */
export const nanvar: ReductionFn<VarOptions, number> = reduction('nanvar', (a, axis, o: VarOptions) =>
  isFloat(a) ? writeOut('nanvar', nanVarOf(a, axis, o), o.out) : (variance(a, axis ?? null, inner(o)) as NDArray),
);

/**
 * The standard deviation along the given axes ignoring NaN (`np.nanstd`): `sqrt(nanvar)`.
 *
 * @example
 * np.nanstd([1, NaN, 3]); // 1
 */
export const nanstd: ReductionFn<VarOptions, number> = reduction('nanstd', (a, axis, o: VarOptions) => {
  if (!isFloat(a)) return std(a, axis ?? null, inner(o)) as NDArray;
  const v = nanVarOf(a, axis, o);
  return writeOut('nanstd', sqrt(v, { out: v }), o.out);
});

/** nanmean of an empty input: NumPy's result for the empty order statistics. */
function emptyNanMean(a: NDArray, axis: Axis | undefined, keepdims: boolean): NDArray {
  return nanmean(a, axis ?? null, inner({ keepdims })) as NDArray;
}

/**
 * The median along the given axes ignoring NaN (`np.nanmedian`); an all-NaN slice gives
 * NaN (NumPy also warns). NumPy's masked-array path for small multi-dimensional inputs
 * computes `(x + x) / 2` for an odd count, which overflows to inf for |x| > max / 2;
 * numbat returns x there, as NumPy's one-dimensional path does.
 *
 * @example
 * np.nanmedian([3, NaN, 1, 2]); // 2
 */
export const nanmedian: ReductionFn<MedianOptions, number> = reduction('nanmedian', (a, axis, o: MedianOptions) =>
  writeOut('nanmedian', a.size === 0 ? emptyNanMean(a, axis, o.keepdims === true) : medianOf(a, axis, o.keepdims === true, true), o.out),
);

/**
 * The q-th percentiles along the given axes ignoring NaN (`np.nanpercentile`): each slice's
 * numbers as `percentile` sees them; an all-NaN slice gives NaN. As NumPy, an empty input
 * gives nanmean's result (NaN, without q's axes). NumPy's dtype for an array q over float32
 * input depends on whether its first slice is all-NaN; numbat always gives the dtype of a
 * slice with numbers.
 *
 * @example
 * np.nanpercentile([1, NaN, 3], 50); // 2
 */
export const nanpercentile: QuantileFn = quantileFunction('nanpercentile', 100, true, emptyNanMean);

/**
 * The q-th quantiles along the given axes ignoring NaN (`np.nanquantile`), q in [0, 1].
 *
 * @example
 * np.nanquantile([1, NaN, 3], 0.5); // 2
 */
export const nanquantile: QuantileFn = quantileFunction('nanquantile', 1, true, emptyNanMean);

/**
 * Running sums treating NaN as zero (`np.nancumsum`); with no axis, of the flattened array.
 *
 * @example
 * np.nancumsum([1, NaN, 2]); // array([1, 1, 3])
 */
export function nancumsum(a: ArrayLike, axis?: number | null | CumulativeOptions, options?: CumulativeOptions): NDArray {
  return cumsum(replaceNaN(asarray(a), 0), axis, options);
}

/**
 * Running products treating NaN as one (`np.nancumprod`).
 *
 * @example
 * np.nancumprod([2, NaN, 3]); // array([2, 2, 6])
 */
export function nancumprod(a: ArrayLike, axis?: number | null | CumulativeOptions, options?: CumulativeOptions): NDArray {
  return cumprod(replaceNaN(asarray(a), 1), axis, options);
}

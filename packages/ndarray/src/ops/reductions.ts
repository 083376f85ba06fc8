/**
 * Reductions (API.md "Reductions"): sum, prod, min, max, amin, amax, ptp, argmin, argmax,
 * any, all, countNonzero, cumsum, cumprod, diff.
 *
 * Every value reduction is a ufunc's `reduce` (sum = add.reduce, prod = multiply.reduce,
 * max = maximum.reduce, any = logical_or.reduce, ...) and every running one its
 * `accumulate`, so dtypes, NaN propagation and the empty-reduction errors come from the
 * ufunc records. Sums and products of bool and signed integers accumulate in int32,
 * unsigned in uint32 (NumPy: int64/uint64), int64 stays int64. argmin/argmax scan with the
 * kernels of `kernels/arg-reduce.ts` and give int32 indices.
 *
 * Calling convention (see `reduce-args.ts`): `f(a, axis?, options?)` or `f(a, options)`;
 * with no axis, no keepdims and no out the result is a JS scalar (boolean for any/all and
 * for min/max of bool, bigint for int64/uint64), else an NDArray.
 */
import { NDArray } from '../ndarray.js';
import { toDType, type DTypeLike } from '../dtype/dtypes.js';
import { cStrides, normalizeAxis } from '../shape/shape.js';
import { DTypeError, ValueError } from '../errors.js';
import { stridedLoop } from '../iter/strided-loop.js';
import { argmaxKernel, argminKernel } from '../kernels/arg-reduce.js';
import type { Buf } from '../kernels/elementwise.js';
import { reduce, accumulate } from '../ufunc/reduce.js';
import { add, multiply, subtract } from '../ufunc/arithmetic.js';
import { maximum, minimum } from '../ufunc/math.js';
import { logicalAnd, logicalOr, notEqual } from '../ufunc/compare-logic.js';
import type { BinaryUfunc } from '../ufunc/ufunc.js';
import { asarray, type ArrayLike, type Scalar } from './convert.js';
import { asDType, emptyArray } from './assign.js';
import { concatenate } from './join.js';
import { broadcastTo, ravel, reshape, view } from './shape.js';
import {
  reduction,
  reducedShape,
  splitArgs,
  writeOut,
  type Axis,
  type ReduceBaseOptions,
  type ReductionFn,
} from './reduce-args.js';

export type { Axis, ReduceBaseOptions, ReductionFn } from './reduce-args.js';

/** Options of `sum` and `prod`. */
export interface SumOptions extends ReduceBaseOptions {
  /** The accumulator's (and result's) dtype; default int32/uint32 for bool and integers. */
  dtype?: DTypeLike;
  /** The starting value (NumPy's `initial=`), instead of the identity 0 (or 1). */
  initial?: number | boolean;
}

/** Options of `min`, `max` and `ptp`. */
export interface MinMaxOptions extends ReduceBaseOptions {
  /** A value to include in every slice (NumPy's `initial=`); makes empty slices valid. */
  initial?: number | boolean;
}

/** Options of `argmin` and `argmax`: a single axis (or null for the flattened array). */
export interface ArgOptions {
  /** The axis to search; `null` (the default) searches the flattened array (C order). */
  axis?: number | null;
  /** Keep the reduced axis (all axes for a flat search) as length 1. */
  keepdims?: boolean;
  /** Write the int32 indices here (same_kind casting). */
  out?: NDArray;
}

/**
 * The axis argument of a ufunc reduction: null for all axes; NumPy's ufunc reduce accepts
 * axis 0 (and -1) on a 0-d array, meaning no axis.
 */
function ufuncAxis(a: NDArray, axis: Axis | undefined): Axis {
  if (axis === undefined || axis === null) return null;
  if (a.ndim === 0 && (axis === 0 || axis === -1)) return 0;
  return axis;
}

/** `ufunc.reduce` with a reduction's options. */
function ufuncReduce(u: BinaryUfunc, a: NDArray, axis: Axis | undefined, o: SumOptions): NDArray {
  return reduce(u, a, {
    axis: ufuncAxis(a, axis),
    ...(o.keepdims === undefined ? {} : { keepdims: o.keepdims }),
    ...(o.dtype === undefined ? {} : { dtype: o.dtype }),
    ...(o.out === undefined ? {} : { out: o.out }),
    ...(o.initial === undefined ? {} : { initial: o.initial }),
  });
}

/**
 * The sum of the elements along the given axes (`np.sum`, `add.reduce`). Float sums are
 * pairwise (as NumPy). bool and signed integers sum in int32, unsigned in uint32 (NumPy:
 * int64/uint64), wrapping on overflow; pass `dtype` for another accumulator. An int64 or
 * uint64 sum over all axes is returned as a bigint (NumPy returns an int64 scalar).
 *
 * @example
 * np.sum([[1, 2], [3, 4]]); // 10
 * np.sum([[1, 2], [3, 4]], 0); // array([4, 6], dtype=int32)
 * np.sum([[1, 2], [3, 4]], { axis: 1, keepdims: true }).shape; // [2, 1]
 */
export const sum: ReductionFn<SumOptions, number | bigint> = reduction('sum', (a, axis, o: SumOptions) => ufuncReduce(add, a, axis, o));

/**
 * The product of the elements along the given axes (`np.prod`, `multiply.reduce`), with
 * the accumulator dtypes of `sum`.
 *
 * @example
 * np.prod([1, 2, 3, 4]); // 24
 */
export const prod: ReductionFn<SumOptions, number | bigint> = reduction('prod', (a, axis, o: SumOptions) => ufuncReduce(multiply, a, axis, o));

/**
 * The largest element along the given axes (`np.max`, `maximum.reduce`); NaN propagates.
 * An empty slice throws `zero-size array to reduction operation maximum which has no
 * identity` unless `initial` is given.
 *
 * @example
 * np.max([[1, 5], [3, 2]]); // 5
 * np.max([[1, 5], [3, 2]], 1); // array([5, 3], dtype=int32)
 */
export const max: ReductionFn<MinMaxOptions, Scalar> = reduction('max', (a, axis, o: MinMaxOptions) => ufuncReduce(maximum, a, axis, o));

/**
 * The smallest element along the given axes (`np.min`, `minimum.reduce`); NaN propagates.
 *
 * @example
 * np.min([[1, 5], [3, 2]]); // 1
 */
export const min: ReductionFn<MinMaxOptions, Scalar> = reduction('min', (a, axis, o: MinMaxOptions) => ufuncReduce(minimum, a, axis, o));

/** `np.amax`: the same function as {@link max}. @example np.amax([1, 3, 2]); // 3 */
export const amax = max;

/** `np.amin`: the same function as {@link min}. @example np.amin([1, 3, 2]); // 1 */
export const amin = min;

/**
 * Peak to peak, `max - min` along the given axes (`np.ptp`), subtracted in the input's
 * dtype as NumPy does (integers wrap; bool throws NumPy's boolean-subtract error).
 *
 * @example
 * np.ptp([[4, 9], [2, 3]], 1); // array([5, 1], dtype=int32)
 */
export const ptp: ReductionFn<ReduceBaseOptions, number | bigint> = reduction('ptp', (a, axis, o: ReduceBaseOptions) => {
  const keep = { keepdims: o.keepdims === true };
  const hi = ufuncReduce(maximum, a, axis, keep);
  const lo = ufuncReduce(minimum, a, axis, keep);
  return o.out === undefined ? subtract(hi, lo) : subtract(hi, lo, { out: o.out });
});

/** argmin/argmax: scans one axis (or the flattened array) with the arg-reduce kernels. */
function argReduce(name: 'argmax' | 'argmin', a: NDArray, axis: number | null | undefined, o: ArgOptions): NDArray {
  if (Array.isArray(axis)) throw new DTypeError("'list' object cannot be interpreted as an integer");
  let src = a;
  let ax: number;
  let resultShape: number[];
  if (axis === null || axis === undefined) {
    // the flattened array in C order: the index is the C-order position
    src = ravel(a); // a copy when `a` is not C-contiguous
    ax = 0;
    resultShape = o.keepdims === true ? a.shape.map(() => 1) : [];
  } else {
    if (src.ndim === 0) src = reshape(src, [1]);
    ax = normalizeAxis(axis, src.ndim);
    resultShape = reducedShape(src.shape, [ax], o.keepdims === true);
  }
  const len = src.shape[ax]!;
  if (len === 0) throw new ValueError(`attempt to get ${name} of an empty sequence`);
  const rest = src.shape.map((d, i) => (i === ax ? 1 : d));
  const out = emptyArray(rest, 'int32');
  const make = name === 'argmax' ? argmaxKernel : argminKernel;
  const kernel = make(out.data as unknown as Buf, src.data as unknown as Buf, len, src.strides[ax]!);
  stridedLoop(rest, [out.strides, src.strides], [0, src.offset], kernel);
  return writeOut(name, new NDArray(out.data, resultShape, cStrides(resultShape), 0, 'int32'), o.out);
}

/**
 * Indices of the largest elements along an axis (`np.argmax`), int32 (NumPy: int64). The
 * first occurrence wins; a NaN counts as the largest (its first index is returned). With
 * no axis, the index into the flattened (C-order) array. An empty slice throws `attempt to
 * get argmax of an empty sequence`.
 *
 * @example
 * np.argmax([[1, 5], [7, 2]]); // 2
 * np.argmax([[1, 5], [7, 2]], 1); // array([1, 0], dtype=int32)
 */
export const argmax: ReductionFn<ArgOptions, number, number> = reduction('argmax', (a, axis, o: ArgOptions) => argReduce('argmax', a, axis, o));

/**
 * Indices of the smallest elements along an axis (`np.argmin`), int32; NaN counts as the
 * smallest, as in NumPy.
 *
 * @example
 * np.argmin([3, 1, 2]); // 1
 */
export const argmin: ReductionFn<ArgOptions, number, number> = reduction('argmin', (a, axis, o: ArgOptions) => argReduce('argmin', a, axis, o));

/**
 * Whether any element along the given axes is true (nonzero; NaN counts as true), as
 * `np.any` (`logical_or.reduce`). The result is bool.
 *
 * @example
 * np.any([0, 0, 3]); // true
 */
export const any: ReductionFn<ReduceBaseOptions, boolean> = reduction('any', (a, axis, o: ReduceBaseOptions) => ufuncReduce(logicalOr, a, axis, o));

/**
 * Whether every element along the given axes is true (`np.all`, `logical_and.reduce`).
 * `all` of nothing is true.
 *
 * @example
 * np.all([[1, 2], [0, 4]], 0); // array([false, true])
 */
export const all: ReductionFn<ReduceBaseOptions, boolean> = reduction('all', (a, axis, o: ReduceBaseOptions) => ufuncReduce(logicalAnd, a, axis, o));

/** Options of `countNonzero`. */
export interface CountNonzeroOptions {
  /** Axis or axes to count along; `null` (the default) counts all. */
  axis?: Axis;
  /** Keep the counted axes as length 1. */
  keepdims?: boolean;
}

/**
 * The number of nonzero elements along the given axes (`np.count_nonzero`; NaN counts as
 * nonzero). With an axis the counts are int32 (NumPy: intp); with none, a number.
 *
 * @example
 * np.countNonzero([[0, 1], [2, 0]]); // 2
 * np.countNonzero([[0, 1], [2, 0]], 0); // array([1, 1], dtype=int32)
 */
export const countNonzero: ReductionFn<CountNonzeroOptions, number> = reduction('countNonzero', (a, axis, o: CountNonzeroOptions) =>
  ufuncReduce(add, asDType(a, 'bool'), axis, { dtype: 'int32', ...(o.keepdims === undefined ? {} : { keepdims: o.keepdims }) }),
);

/** Options of `cumsum` and `cumprod`. */
export interface CumulativeOptions {
  /** The axis to accumulate along; `null` (the default) accumulates the flattened array. */
  axis?: number | null;
  /** The accumulator's dtype; default int32/uint32 for bool and integers, as `sum`. */
  dtype?: DTypeLike;
  /** Write the result here (the input's shape, or the flattened length; same_kind casting). */
  out?: NDArray;
}

function cumulative(name: string, u: BinaryUfunc, x: ArrayLike, axisOrOptions: number | null | CumulativeOptions | undefined, options: CumulativeOptions | undefined): NDArray {
  const { axis, o } = splitArgs<CumulativeOptions>(name, axisOrOptions, options);
  if (Array.isArray(axis)) throw new DTypeError("'list' object cannot be interpreted as an integer");
  let a = asarray(x);
  let ax = 0;
  if (axis === null || axis === undefined) a = ravel(a);
  else {
    if (a.ndim === 0) a = reshape(a, [1]);
    ax = normalizeAxis(axis, a.ndim);
  }
  const r = accumulate(u, a, { axis: ax, ...(o.dtype === undefined ? {} : { dtype: toDType(o.dtype) }) });
  return writeOut(u.npName, r, o.out);
}

/**
 * Running sums along an axis (`np.cumsum`, `add.accumulate`); with no axis, of the
 * flattened array. Accumulator dtypes as `sum`.
 *
 * @example
 * np.cumsum([1, 2, 3]); // array([1, 3, 6], dtype=int32)
 * np.cumsum([[1, 2], [3, 4]], 0); // array([[1, 2], [4, 6]], dtype=int32)
 */
export function cumsum(a: ArrayLike, axis?: number | null | CumulativeOptions, options?: CumulativeOptions): NDArray {
  return cumulative('cumsum', add, a, axis, options);
}

/**
 * Running products along an axis (`np.cumprod`, `multiply.accumulate`).
 *
 * @example
 * np.cumprod([1, 2, 3]); // array([1, 2, 6], dtype=int32)
 */
export function cumprod(a: ArrayLike, axis?: number | null | CumulativeOptions, options?: CumulativeOptions): NDArray {
  return cumulative('cumprod', multiply, a, axis, options);
}

/** Options of `diff`. */
export interface DiffOptions {
  /** How many times to difference (default 1). */
  n?: number;
  /** The axis to difference along (default -1). */
  axis?: number;
  /** Values placed before `a` along the axis (a scalar broadcasts to one slice). */
  prepend?: ArrayLike;
  /** Values placed after `a` along the axis. */
  append?: ArrayLike;
}

/** `a[1:] - a[:-1]` along `axis` (not-equal for bool). */
function diffOnce(a: NDArray, axis: number, bool: boolean): NDArray {
  const shape = a.shape.slice();
  shape[axis] = Math.max(shape[axis]! - 1, 0);
  const lo = view(a, shape, a.strides, a.offset);
  const hi = view(a, shape, a.strides, shape[axis]! > 0 ? a.offset + a.strides[axis]! : a.offset);
  return bool ? notEqual(hi, lo) : subtract(hi, lo);
}

/**
 * The n-th discrete difference along an axis (`np.diff`): `a[1:] - a[:-1]`, n times, in
 * the input's dtype (unsigned differences wrap, bool uses not-equal). `prepend`/`append`
 * join values first; JS numbers there are int32 or float64 arrays (NumPy: int64/float64).
 * Positional forms: `diff(a, n, axis)` or `diff(a, { n, axis, prepend, append })`.
 *
 * @example
 * np.diff([1, 2, 4, 7]); // array([1, 2, 3], dtype=int32)
 * np.diff([1, 2, 4, 7], 2); // array([1, 1], dtype=int32)
 */
export function diff(a: ArrayLike, n?: number | DiffOptions, axis?: number | DiffOptions, options?: DiffOptions): NDArray {
  let o: DiffOptions = {};
  if (typeof n === 'object' && n !== null) o = n;
  else if (typeof axis === 'object' && axis !== null) o = { ...axis, ...(n === undefined || n === null ? {} : { n }) };
  else o = { ...options, ...(n === undefined ? {} : { n }), ...(axis === undefined ? {} : { axis }) };
  const order = o.n ?? 1;
  if (!Number.isInteger(order)) throw new DTypeError(`'${typeof order === 'number' ? 'float' : typeof order}' object cannot be interpreted as an integer`);
  if (order === 0) return asarray(a);
  if (order < 0) throw new ValueError(`order must be non-negative but got ${order}`);
  let x = asarray(a);
  if (x.ndim === 0) throw new ValueError('diff requires input that is at least one dimensional');
  const ax = normalizeAxis(o.axis ?? -1, x.ndim);
  const edge = (v: ArrayLike): NDArray => {
    const e = asarray(v);
    if (e.ndim !== 0) return e;
    const shape = x.shape.slice();
    shape[ax] = 1;
    return broadcastTo(e, shape);
  };
  const parts = [...(o.prepend === undefined ? [] : [edge(o.prepend)]), x, ...(o.append === undefined ? [] : [edge(o.append)])];
  if (parts.length > 1) x = concatenate(parts, ax);
  const bool = x.dtype === 'bool';
  for (let k = 0; k < order; k++) x = diffOnce(x, ax, bool);
  return x;
}

/**
 * Creation functions (API.md "Creation"): new arrays from a shape (`zeros`, `ones`, `full`,
 * `empty`), like another array (`zerosLike`, ...), copies in a chosen memory order (`copy`,
 * `ascontiguousarray`, `asfortranarray`) and from a function of the indices. Ranges live in
 * `ranges.ts`, matrices and grids in `grids.ts`; both are re-exported here.
 *
 * Shapes are varargs or one array (`np.zeros(2, 3)`, `np.zeros([2, 3])`); options come in a
 * trailing object, or a trailing dtype name (`np.zeros([2, 3], 'float32')`).
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, type DType, type DTypeLike } from '../dtype/dtypes.js';
import { checkNewShape, shapeArg, cStrides, fStrides, sizeOf } from '../shape/shape.js';
import { DTypeError, ValueError } from '../errors.js';
import { asarray, type ArrayLike } from './convert.js';
import { assign, copyOf } from './assign.js';
import { view, type ShapeLike } from './shape.js';
import { checkOrder, likeStrides, newArray, type Order } from './memory-order.js';
import { dtypeOption, fillWith, splitTrailing } from './creation-args.js';
import { arange } from './ranges.js';

export { arange, linspace, logspace, type ArangeOptions, type LinspaceOptions, type LogspaceOptions } from './ranges.js';
export { eye, identity, diag, meshgrid, type EyeOptions, type MeshgridOptions } from './grids.js';

/** Options of `zeros`, `ones`, `empty`, `full`. */
export interface CreationOptions {
  /** Element type (default float64; for `full`, the fill value's dtype). */
  dtype?: DTypeLike;
  /** Memory order of the new array: 'C' (row-major, default) or 'F' (column-major). */
  order?: 'C' | 'F';
}

/** Options of `zerosLike`, `onesLike`, `emptyLike`, `fullLike`. */
export interface LikeOptions {
  /** Element type (default: the prototype's). */
  dtype?: DTypeLike;
  /** Memory order: 'K' (keep the prototype's, default), 'A', 'C' or 'F'. */
  order?: Order;
  /** Shape of the result (default: the prototype's). */
  shape?: ShapeLike;
}

/** Varargs of a shape followed by options or a dtype name. */
export type ShapeArgs = ShapeLike[] | [...ShapeLike[], CreationOptions | DTypeLike];

function makeFilled(name: string, args: readonly unknown[], value: number): NDArray {
  const [rest, opts] = splitTrailing<CreationOptions>(args);
  if (rest.length === 0) throw new DTypeError(`${name}() missing required argument 'shape' (pos 0)`);
  return filled(shapeArg(rest as ShapeLike[]), dtypeOption(opts.dtype, 'float64'), opts.order ?? 'C', value);
}

function newOrderStrides(shape: readonly number[], order: string): number[] {
  const o = checkOrder(order);
  if (o !== 'C' && o !== 'F') throw new ValueError("only 'C' or 'F' order is permitted");
  return o === 'C' ? cStrides(shape) : fStrides(shape);
}

function filled(shape: number[], dtype: DType, order: string, value: number): NDArray {
  checkNewShape(shape);
  const out = newArray(shape, dtype, newOrderStrides(shape, order));
  if (value !== 0) (out.data as unknown as { fill(x: number | bigint): void }).fill(DTYPES[dtype].bigint ? BigInt(value) : value);
  return out;
}

/**
 * A new array of zeros (`np.zeros`), float64 unless `dtype` is given.
 *
 * @example
 * np.zeros(2, 3).shape; // [2, 3]
 * np.zeros([2], { dtype: 'int32' }).dtype; // 'int32'
 */
export function zeros(...args: ShapeArgs): NDArray {
  return makeFilled('zeros', args, 0);
}

/**
 * A new array of ones (`np.ones`), float64 unless `dtype` is given.
 *
 * @example
 * np.ones([2, 2], 'int8').dtype; // 'int8'
 */
export function ones(...args: ShapeArgs): NDArray {
  return makeFilled('ones', args, 1);
}

/**
 * A new array without chosen values (`np.empty`). JS TypedArrays are always zero-filled,
 * so the elements are 0, where NumPy leaves whatever memory held.
 *
 * @example
 * np.empty(3).shape; // [3]
 */
export function empty(...args: ShapeArgs): NDArray {
  return makeFilled('empty', args, 0);
}

/**
 * A new array of `shape` filled with `fillValue` (`np.full`). Without `dtype` the result has
 * the fill value's dtype (`np.asarray(fillValue).dtype`: int32 for an integral number,
 * float64 for another number, bool for a boolean). An array fill value broadcasts. A JS
 * integer that does not fit an integer `dtype` throws `OverflowError`, as NumPy 2.
 *
 * @example
 * np.full([2, 2], 7).dtype; // 'int32'
 * np.full(3, 0.5).tolist(); // [0.5, 0.5, 0.5]
 */
export function full(shape: ShapeLike, fillValue: ArrayLike, options: CreationOptions | DTypeLike = {}): NDArray {
  const opts: CreationOptions = typeof options === 'string' ? { dtype: options } : options;
  const dims = shapeArg([shape]);
  checkNewShape(dims);
  const dtype = dtypeOption(opts.dtype, asarray(fillValue).dtype);
  const out = newArray(dims, dtype, newOrderStrides(dims, opts.order ?? 'C'));
  fillWith(out, fillValue);
  return out;
}

function likeArray(a: ArrayLike, opts: LikeOptions): NDArray {
  const proto = asarray(a);
  const dtype = dtypeOption(opts.dtype, proto.dtype);
  const shape = opts.shape === undefined ? proto.shape : shapeArg([opts.shape]);
  checkNewShape(shape);
  return newArray(shape, dtype, likeStrides(proto, checkOrder(opts.order ?? 'K'), shape));
}

/**
 * An array of zeros with the shape and dtype of `a` (`np.zeros_like`). As NumPy's default
 * order 'K', the result keeps `a`'s memory order (Fortran input gives a Fortran result).
 *
 * @example
 * np.zerosLike(np.arange(3)).dtype; // 'int32'
 */
export function zerosLike(a: ArrayLike, options: LikeOptions = {}): NDArray {
  return likeArray(a, options);
}

/**
 * An array of ones with the shape and dtype of `a` (`np.ones_like`).
 *
 * @example
 * np.onesLike([[1.5, 2]]).tolist(); // [[1, 1]]
 */
export function onesLike(a: ArrayLike, options: LikeOptions = {}): NDArray {
  const out = likeArray(a, options);
  fillWith(out, 1);
  return out;
}

/**
 * An array with the shape and dtype of `a` and unchosen values (`np.empty_like`); the
 * values are 0 (JS memory is zero-filled).
 *
 * @example
 * np.emptyLike(np.zeros([2, 3])).shape; // [2, 3]
 */
export function emptyLike(a: ArrayLike, options: LikeOptions = {}): NDArray {
  return likeArray(a, options);
}

/**
 * An array with the shape and dtype of `a` filled with `fillValue` (`np.full_like`); the
 * value is cast to `a`'s dtype (a JS integer out of an integer dtype's range throws).
 *
 * @example
 * np.fullLike(np.arange(3), 2.5).tolist(); // [2, 2, 2]
 */
export function fullLike(a: ArrayLike, fillValue: ArrayLike, options: LikeOptions = {}): NDArray {
  const out = likeArray(a, options);
  fillWith(out, fillValue);
  return out;
}

/** Options of `copy`. */
export interface CopyOptions {
  /** Memory order of the copy: 'K' (keep `a`'s, default for `np.copy`), 'A', 'C' or 'F'. */
  order?: Order;
}

/**
 * A copy of `a` that shares no memory with it (`np.copy`). NumPy's `np.copy` defaults to
 * order 'K' (keep the memory order of `a`); the method `a.copy()` defaults to 'C'.
 *
 * @example
 * const a = np.arange(3);
 * const b = np.copy(a);
 * b.set(0, 9); // a is unchanged
 */
export function copy(a: ArrayLike, options: CopyOptions = {}): NDArray {
  const src = asarray(a);
  const out = newArray(src.shape, src.dtype, likeStrides(src, checkOrder(options.order ?? 'K')));
  assign(out, src, false);
  return out;
}

/** Options of `ascontiguousarray` / `asfortranarray`. */
export interface AsArrayOptions {
  /** Element type of the result (default: `a`'s). */
  dtype?: DTypeLike;
}

function asOrdered(a: ArrayLike, options: AsArrayOptions, order: 'C' | 'F'): NDArray {
  let arr = asarray(a);
  // NumPy passes ndmin=1: a 0-d input becomes a 1-element view
  if (arr.ndim === 0) arr = view(arr, [1], [0], arr.offset, arr.flags.writeable);
  const dtype = dtypeOption(options.dtype, arr.dtype);
  const ok = order === 'C' ? arr.flags.cContiguous : arr.flags.fContiguous;
  if (ok && dtype === arr.dtype) return arr;
  return copyOf(arr, dtype, order);
}

/**
 * `a` as a C-contiguous array of at least one dimension (`np.ascontiguousarray`): `a`
 * itself when it already is one of the requested dtype, else a copy.
 *
 * @example
 * np.ascontiguousarray(np.zeros([2, 3]).T).flags.cContiguous; // true
 */
export function ascontiguousarray(a: ArrayLike, options: AsArrayOptions = {}): NDArray {
  return asOrdered(a, options, 'C');
}

/**
 * `a` as a Fortran-contiguous array of at least one dimension (`np.asfortranarray`): `a`
 * itself when it already is one of the requested dtype, else a copy.
 *
 * @example
 * np.asfortranarray(np.zeros([2, 3])).strides; // [1, 2]
 */
export function asfortranarray(a: ArrayLike, options: AsArrayOptions = {}): NDArray {
  return asOrdered(a, options, 'F');
}

/** Options of `fromFunction`. */
export interface FromFunctionOptions {
  /** dtype of the coordinate arrays passed to the function (default float64, as NumPy). */
  dtype?: DTypeLike;
}

/**
 * Calls `fn` once with one coordinate array per axis of `shape` and returns its result
 * (`np.fromfunction`): the k-th argument holds each element's index along axis k, as
 * `np.indices(shape, dtype)` gives them (float64 unless `dtype` is given). As in NumPy the
 * function is called once with whole arrays, not per element, so write it with array ops.
 *
 * @example
 * np.fromFunction((i, j) => i.multiply(10).add(j), [2, 3]).tolist(); // [[0, 1, 2], [10, 11, 12]]
 */
export function fromFunction<T>(fn: (...indices: NDArray[]) => T, shape: ShapeLike, options: FromFunctionOptions = {}): T {
  const dims = shapeArg([shape]);
  checkNewShape(dims);
  const dtype = dtypeOption(options.dtype, 'float64');
  const size = sizeOf(dims);
  const grids = dims.map((n, axis) => {
    // NumPy's `indices`: arange(n) along `axis`, broadcast (stride 0) along the others
    const ramp = arange(n, { dtype });
    const strides = dims.map((_, k) => (k === axis ? ramp.strides[0]! : 0));
    const out = newArray(dims, dtype, cStrides(dims));
    if (size > 0) assign(out, new NDArray(ramp.data, dims, strides, 0, dtype), false);
    return out;
  });
  return fn(...grids);
}

/**
 * Joining and splitting (API.md "Shape"): `concatenate`, `stack`, `vstack`, `hstack` copy
 * each input into a block of one new array with `assign`; `split`, `arraySplit`,
 * `atleast1d`, `atleast2d` and `broadcastArrays` return views. `tile`, `repeat`, `flip`,
 * `roll` and `pad` live in `rearrange.ts` and are re-exported here.
 */
import { NDArray } from '../ndarray.js';
import { toDType, type DType, type DTypeLike } from '../dtype/dtypes.js';
import { canCast, promoteTypes, type Casting } from '../dtype/promotion.js';
import { broadcastStrides } from '../shape/broadcast.js';
import { normalizeAxis, cStrides } from '../shape/shape.js';
import { arrayCastError, DTypeError, IndexError, ValueError } from '../errors.js';
import { asarray, type ArrayLike } from './convert.js';
import { assign } from './assign.js';
import { broadcastShapes, expandDims, ravel, view } from './shape.js';
import { multiLikeStrides, newArray } from './memory-order.js';
import { isOptions } from './creation-args.js';

export { tile, repeat, flip, roll, pad, type PadOptions, type PadMode } from './rearrange.js';

/** Options of `concatenate` and `stack`. */
export interface ConcatenateOptions {
  /** The axis to join along (default 0); `null` flattens the inputs first (concatenate only). */
  axis?: number | null;
  /** Write the result into this array (its shape must be the result's). */
  out?: NDArray;
  /** dtype of the result (default: the inputs' promoted dtype); not together with `out`. */
  dtype?: DTypeLike;
  /** How inputs may be cast to the result's dtype (default 'same_kind'). */
  casting?: Casting;
}

/** Options of `vstack` and `hstack`. */
export interface StackOptions {
  /** dtype of the result (default: the inputs' promoted dtype). */
  dtype?: DTypeLike;
  /** How inputs may be cast to the result's dtype (default 'same_kind'). */
  casting?: Casting;
}

/** A sequence of arrays: a JS array of array-likes, or an NDArray taken along its first axis. */
export type ArraySequence = readonly ArrayLike[] | NDArray;

/** The arrays of a sequence (an NDArray yields its sub-arrays along axis 0, as in NumPy). */
function arraysOf(seq: ArraySequence): NDArray[] {
  if (seq instanceof NDArray) {
    if (seq.ndim === 0) throw new DTypeError('iteration over a 0-d array');
    const inner = seq.shape.slice(1);
    const st = seq.strides.slice(1);
    return Array.from({ length: seq.shape[0]! }, (_, i) => view(seq, inner, st, seq.offset + i * seq.strides[0]!, seq.flags.writeable));
  }
  return seq.map((x) => asarray(x));
}

function axisAndOptions(axis: number | null | ConcatenateOptions | undefined, options: ConcatenateOptions | undefined): [number | null, ConcatenateOptions] {
  if (isOptions(axis)) {
    const o = axis as ConcatenateOptions;
    return [o.axis === undefined ? 0 : o.axis, o];
  }
  const o = options ?? {};
  const ax = axis === undefined ? (o.axis === undefined ? 0 : o.axis) : (axis as number | null);
  return [ax, o];
}

/**
 * Joins arrays along an existing axis (`np.concatenate`). `axis: null` flattens every input
 * first. The result's dtype is the NumPy 2 promotion of the inputs' dtypes unless `dtype`
 * or `out` is given; inputs are cast with `casting` ('same_kind' by default). The memory
 * order of the result follows the inputs' (NumPy's rule), C order when they disagree.
 *
 * @example
 * np.concatenate([[1, 2], [3]]).tolist(); // [1, 2, 3]
 * np.concatenate([np.zeros([2, 2]), np.ones([2, 1])], 1).shape; // [2, 3]
 */
export function concatenate(arrays: ArraySequence, axis?: number | null | ConcatenateOptions, options?: ConcatenateOptions): NDArray {
  const [ax, opts] = axisAndOptions(axis, options);
  if (opts.out !== undefined && opts.dtype !== undefined && opts.dtype !== null) {
    throw new DTypeError('concatenate() only takes `out` or `dtype` as an argument, but both were provided.');
  }
  let arrs = arraysOf(arrays);
  if (arrs.length === 0) throw new ValueError('need at least one array to concatenate');
  const casting = opts.casting ?? 'same_kind';
  let axisN: number;
  let shape: number[];
  if (ax === null) {
    arrs = arrs.map((a) => ravel(a));
    axisN = 0;
    shape = [arrs.reduce((n, a) => n + a.size, 0)];
  } else {
    const nd = arrs[0]!.ndim;
    if (nd === 0) throw new ValueError('zero-dimensional arrays cannot be concatenated');
    axisN = normalizeAxis(ax, nd);
    shape = arrs[0]!.shape.slice();
    for (let i = 1; i < arrs.length; i++) {
      const a = arrs[i]!;
      if (a.ndim !== nd) {
        throw new ValueError(
          `all the input arrays must have same number of dimensions, but the array at index 0 has ${nd} dimension(s) and the array at index ${i} has ${a.ndim} dimension(s)`,
        );
      }
      for (let d = 0; d < nd; d++) {
        if (d === axisN) shape[d] = shape[d]! + a.shape[d]!;
        else if (shape[d] !== a.shape[d]) {
          throw new ValueError(
            `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${shape[d]} and the array at index ${i} has size ${a.shape[d]}`,
          );
        }
      }
    }
  }
  let out: NDArray;
  if (opts.out !== undefined) {
    out = opts.out;
    if (out.ndim !== shape.length) throw new ValueError('Output array has wrong dimensionality');
    if (out.shape.some((d, i) => d !== shape[i])) throw new ValueError('Output array is the wrong shape');
  } else {
    const dtype: DType = opts.dtype === undefined || opts.dtype === null ? promoteTypes(arrs.map((a) => a.dtype)) : toDType(opts.dtype);
    out = newArray(shape, dtype, ax === null ? cStrides(shape) : multiLikeStrides(arrs, shape));
  }
  for (const a of arrs) if (!canCast(a.dtype, out.dtype, casting)) throw arrayCastError(a.dtype, out.dtype, casting);
  const step = out.strides[axisN]!;
  let pos = 0;
  for (const a of arrs) {
    const len = a.shape[axisN]!;
    if (len > 0 && a.size > 0) {
      const block = new NDArray(out.data, a.shape, out.strides, out.offset + pos * step, out.dtype, out);
      assign(block, a, opts.out !== undefined);
    }
    pos += len;
  }
  return out;
}

/**
 * Joins same-shaped arrays along a new axis (`np.stack`).
 *
 * @example
 * np.stack([[1, 2], [3, 4]], 1).tolist(); // [[1, 3], [2, 4]]
 */
export function stack(arrays: ArraySequence, axis?: number | ConcatenateOptions, options?: ConcatenateOptions): NDArray {
  const [ax, opts] = axisAndOptions(axis, options);
  const arrs = arraysOf(arrays);
  if (arrs.length === 0) throw new ValueError('need at least one array to stack');
  const first = arrs[0]!.shape;
  for (const a of arrs) {
    if (a.ndim !== first.length || a.shape.some((d, i) => d !== first[i])) throw new ValueError('all input arrays must have the same shape');
  }
  const axisN = normalizeAxis(ax ?? 0, first.length + 1);
  return concatenate(arrs.map((a) => expandDims(a, axisN)), axisN, { ...opts, axis: axisN });
}

/**
 * Stacks arrays row-wise (`np.vstack`): 1-d inputs become rows, then they are joined
 * along axis 0.
 *
 * @example
 * np.vstack([[1, 2], [3, 4]]).tolist(); // [[1, 2], [3, 4]]
 */
export function vstack(arrays: ArraySequence, options: StackOptions = {}): NDArray {
  return concatenate(arraysOf(arrays).map((a) => atleast2d(a)), 0, options);
}

/**
 * Stacks arrays column-wise (`np.hstack`): along axis 1, or axis 0 for 1-d inputs.
 *
 * @example
 * np.hstack([[1, 2], [3]]).tolist(); // [1, 2, 3]
 */
export function hstack(arrays: ArraySequence, options: StackOptions = {}): NDArray {
  const arrs = arraysOf(arrays).map((a) => atleast1d(a));
  return concatenate(arrs, arrs.length > 0 && arrs[0]!.ndim === 1 ? 0 : 1, options);
}

/** `ary.shape[axis]` as Python indexes a tuple (out of range: `IndexError`). */
function axisOf(arr: NDArray, axis: number): number {
  if (!Number.isInteger(axis)) throw new DTypeError('tuple indices must be integers or slices, not float');
  if (axis < -arr.ndim || axis >= arr.ndim) throw new IndexError('tuple index out of range');
  return axis < 0 ? axis + arr.ndim : axis;
}

/**
 * Splits `a` into equal parts, or at the given indices, along `axis` (`np.split`); the
 * parts are views of `a`. An integer that does not divide the axis length throws
 * (`array split does not result in an equal division`); see {@link arraySplit}.
 *
 * @example
 * np.split(np.arange(6), 3).map((p) => p.tolist()); // [[0, 1], [2, 3], [4, 5]]
 * np.split(np.arange(5), [1, 3]).map((p) => p.tolist()); // [[0], [1, 2], [3, 4]]
 */
export function split(a: ArrayLike, indicesOrSections: number | readonly number[], axis = 0): NDArray[] {
  const arr = asarray(a);
  if (typeof indicesOrSections === 'number') {
    const n = arr.shape[axisOf(arr, axis)]!;
    if (indicesOrSections === 0) throw new ValueError('integer modulo by zero');
    if (n % indicesOrSections !== 0) throw new ValueError('array split does not result in an equal division');
  }
  return arraySplit(arr, indicesOrSections, axis);
}

/**
 * Splits `a` along `axis` into `sections` parts whose lengths differ by at most one (the
 * first `length % sections` parts are one longer), or at the given indices (Python slice
 * rules: negative indices count from the end, out-of-range ones clamp), as views
 * (`np.array_split`).
 *
 * @example
 * np.arraySplit(np.arange(5), 2).map((p) => p.tolist()); // [[0, 1, 2], [3, 4]]
 */
export function arraySplit(a: ArrayLike, indicesOrSections: number | readonly number[], axis = 0): NDArray[] {
  const arr = asarray(a);
  const ax = axisOf(arr, axis);
  const n = arr.shape[ax]!;
  let points: number[];
  if (typeof indicesOrSections === 'number') {
    const sections = Math.trunc(indicesOrSections);
    if (!(sections > 0)) throw new ValueError('number sections must be larger than 0.');
    const each = Math.floor(n / sections);
    const extras = n % sections;
    points = [0];
    for (let i = 0; i < sections; i++) points.push(points[i]! + each + (i < extras ? 1 : 0));
  } else {
    for (const i of indicesOrSections) {
      if (!Number.isInteger(i)) throw new DTypeError('slice indices must be integers or None or have an __index__ method');
    }
    points = [0, ...indicesOrSections, n];
  }
  const clamp = (i: number): number => (i < 0 ? Math.max(i + n, 0) : Math.min(i, n));
  const out: NDArray[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const st = clamp(points[k]!);
    const len = Math.max(0, clamp(points[k + 1]!) - st);
    const shape = arr.shape.slice();
    shape[ax] = len;
    out.push(view(arr, shape, arr.strides, len > 0 ? arr.offset + st * arr.strides[ax]! : arr.offset, arr.flags.writeable));
  }
  return out;
}

function atleast(a: ArrayLike, nd: 1 | 2): NDArray {
  const arr = asarray(a);
  if (arr.ndim >= nd) return arr;
  if (arr.ndim === 0) return view(arr, nd === 1 ? [1] : [1, 1], nd === 1 ? [0] : [0, 0], arr.offset, arr.flags.writeable);
  return view(arr, [1, arr.shape[0]!], [0, arr.strides[0]!], arr.offset, arr.flags.writeable);
}

/**
 * Views inputs as arrays of at least one dimension (`np.atleast_1d`): a 0-d array becomes
 * shape `[1]`. One input gives one array; several give a JS array of arrays.
 *
 * @example
 * np.atleast1d(5).shape; // [1]
 */
export function atleast1d(a: ArrayLike): NDArray;
export function atleast1d(...arys: ArrayLike[]): NDArray[];
export function atleast1d(...arys: ArrayLike[]): NDArray | NDArray[] {
  return arys.length === 1 ? atleast(arys[0]!, 1) : arys.map((a) => atleast(a, 1));
}

/**
 * Views inputs as arrays of at least two dimensions (`np.atleast_2d`): a 1-d array of
 * length n becomes shape `[1, n]`, a 0-d one `[1, 1]`. One input gives one array; several
 * give a JS array of arrays.
 *
 * @example
 * np.atleast2d([1, 2]).shape; // [1, 2]
 */
export function atleast2d(a: ArrayLike): NDArray;
export function atleast2d(...arys: ArrayLike[]): NDArray[];
export function atleast2d(...arys: ArrayLike[]): NDArray | NDArray[] {
  return arys.length === 1 ? atleast(arys[0]!, 2) : arys.map((a) => atleast(a, 2));
}

/**
 * Broadcasts arrays against each other (`np.broadcast_arrays`), as a JS array. Inputs that
 * already have the common shape are returned as they are (as NumPy); the others become
 * read-only stride-0 views. (NumPy 2 still returns writeable views with a
 * `FutureWarning` on write; numbat makes them read-only, as NumPy has announced.)
 *
 * @example
 * const [x, y] = np.broadcastArrays([1, 2, 3], [[1], [2]]);
 * x.shape; // [2, 3]
 */
export function broadcastArrays(...args: ArrayLike[]): NDArray[] {
  const arrs = args.map((a) => asarray(a));
  const shape = broadcastShapes(...arrs.map((a) => a.shape));
  const same = (a: NDArray): boolean => a.ndim === shape.length && a.shape.every((d, i) => d === shape[i]);
  return arrs.map((a) => (same(a) ? a : view(a, shape, broadcastStrides(a.shape, a.strides, shape), a.offset, false)));
}

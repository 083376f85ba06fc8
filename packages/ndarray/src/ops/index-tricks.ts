/**
 * Index tricks (API.md "Porting essentials"): `unravelIndex`, `ravelMultiIndex`,
 * `indices` and `put`, with NumPy's checks, messages and order of checks.
 *
 * Index results are int32 (API.md), or int64 where a coordinate or flat index can pass
 * int32's range. `put` writes flat C-order positions of any layout: positions are turned
 * into memory offsets through the strides, so a non-contiguous array is written in place
 * (NumPy copies it and writes the copy back, with the same result).
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, toDType, type DType, type DTypeLike } from '../dtype/dtypes.js';
import { broadcastShapes } from '../shape/broadcast.js';
import { checkNewShape, cStrides, sizeOf } from '../shape/shape.js';
import { DTypeError, IndexError, ValueError, arrayCastError } from '../errors.js';
import { asarray, isScalar, type ArrayLike } from './convert.js';
import { assign, copyOf, emptyArray } from './assign.js';
import { arange } from './ranges.js';
import { broadcastTo, type ShapeLike } from './shape.js';
import { isOptions } from './creation-args.js';
import { clipMode, type TakeMode } from './sort-args.js';
import { checkOrder } from './memory-order.js';
import { indexArg, isIntegerDType, type Elements } from './porting-args.js';

/** Options of {@link unravelIndex}. */
export interface UnravelIndexOptions {
  /** Whether the flat indices count in C (row-major, default) or Fortran (column-major) order. */
  order?: 'C' | 'F';
}

/** Options of {@link ravelMultiIndex}. */
export interface RavelMultiIndexOptions {
  /** Out-of-range coordinates: `'raise'` (default), `'wrap'`, `'clip'`, or one mode per axis. */
  mode?: TakeMode | readonly TakeMode[];
  /** Flat indices in C (row-major, default) or Fortran (column-major) order. */
  order?: 'C' | 'F';
}

/** Options of {@link indices}. */
export interface IndicesOptions {
  /** dtype of the result (default int32, numbat's default integer). */
  dtype?: DTypeLike;
  /** Return one broadcastable array per axis instead of one dense array. */
  sparse?: boolean;
}

/** Splits `...shape, options?` varargs into a shape and the options. */
function shapeAndOptions<O extends object>(args: readonly unknown[], dtypeString: boolean): [number[], O] {
  let opts = {} as O;
  let rest = args;
  const last = args[args.length - 1];
  if (isOptions(last)) {
    opts = last as O;
    rest = args.slice(0, -1);
  } else if (dtypeString && typeof last === 'string') {
    opts = { dtype: last } as O;
    rest = args.slice(0, -1);
  }
  const list = rest.length === 1 && Array.isArray(rest[0]) ? (rest[0] as readonly unknown[]) : rest;
  return [list.map((d) => indexArg(d)), opts];
}

/** NumPy's `C`/`F` order check (`A` and `K` are refused here). */
function cOrF(order: unknown): 'C' | 'F' {
  const o = checkOrder(order ?? 'C');
  if (o !== 'C' && o !== 'F') throw new ValueError("only 'C' or 'F' order is permitted");
  return o;
}

/** NumPy's message for an empty JS list used as integer indices. */
function emptyListError(): DTypeError {
  return new DTypeError(
    "indices must be integral: the provided empty sequence was inferred as float. Wrap it with 'np.array(indices, dtype=np.intp)'",
  );
}

/** Integer (or bool) indices as an array; floats throw `only int indices permitted`. */
function intIndices(x: ArrayLike): NDArray {
  const a = asarray(x);
  if (isIntegerDType(a.dtype) || a.dtype === 'bool') return a;
  if (Array.isArray(x) && a.size === 0) throw emptyListError();
  throw new DTypeError('only int indices permitted');
}

/** The index values of an integer array, C order, as JS numbers. */
function indexValues(a: NDArray): Float64Array {
  return copyOf(a, 'float64').data as Float64Array;
}

/** An index-valued result: int32 when every value fits, else int64. */
function indexResult(shape: readonly number[], values: Float64Array, max: number): NDArray {
  const dtype: DType = max <= 2147483647 ? 'int32' : 'int64';
  const out = emptyArray(shape, dtype);
  const d = out.data as unknown as Elements;
  if (dtype === 'int32') (d as unknown as Int32Array).set(values);
  else for (let i = 0; i < values.length; i++) d[i] = BigInt(values[i]!);
  return out;
}

/**
 * Converts flat indices into coordinate arrays for an array of `shape`
 * (`np.unravel_index`): a JS array with one array per axis, each of the indices' shape.
 * The shape is given as varargs or one array (`unravelIndex(i, 2, 3)`,
 * `unravelIndex(i, [2, 3], { order: 'F' })`). A JS number index gives JS numbers. Indices
 * must be integers in `[0, size)`. Coordinates are int32 (NumPy: int64).
 *
 * @example
 * np.unravelIndex(5, [2, 3]); // [1, 2]
 * np.unravelIndex([1, 5], 2, 3).map((c) => c.tolist()); // [[0, 1], [1, 2]]
 * np.unravelIndex(5, [2, 3], { order: 'F' }); // [1, 2]
 */
export function unravelIndex(indices: number, ...shape: [...ShapeLike[], UnravelIndexOptions] | ShapeLike[]): number[];
export function unravelIndex(indices: ArrayLike, ...shape: [...ShapeLike[], UnravelIndexOptions] | ShapeLike[]): NDArray[];
export function unravelIndex(indices: ArrayLike, ...args: unknown[]): number[] | NDArray[] {
  const [dims, opts] = shapeAndOptions<UnravelIndexOptions>(args, false);
  let size = 1;
  for (const d of dims) size *= d;
  if (size > 2 ** 63) throw new ValueError("dimensions are too large; arrays and shapes with a total size greater than 'intp' are not supported.");
  const idx = intIndices(indices);
  const order = cOrF(opts.order);
  if (dims.length === 0 && idx.ndim > 0) throw new ValueError('multiple indices are not supported for 0d arrays');
  const vals = indexValues(idx);
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i]!;
    if (v < 0 || v >= size) throw new ValueError(`index ${v} is out of bounds for array with size ${size}`);
  }
  const nd = dims.length;
  const cols = dims.map(() => new Float64Array(vals.length));
  for (let i = 0; i < vals.length; i++) {
    let r = vals[i]!;
    for (let k = 0; k < nd; k++) {
      const ax = order === 'C' ? nd - 1 - k : k;
      const n = dims[ax]!;
      cols[ax]![i] = r % n;
      r = Math.floor(r / n);
    }
  }
  if (isScalar(indices)) return cols.map((c) => c[0]!);
  return cols.map((c, ax) => indexResult(idx.shape, c, dims[ax]! - 1));
}

/** The per-axis clip modes of ravelMultiIndex (NumPy's `PyArray_ConvertClipmodeSequence`). */
function clipModes(mode: unknown, n: number): TakeMode[] {
  if (Array.isArray(mode)) {
    if (mode.length !== n) throw new ValueError(`list of clipmodes has wrong length (${mode.length} instead of ${n})`);
    return mode.map((m) => clipMode(m));
  }
  return new Array<TakeMode>(n).fill(clipMode(mode));
}

/**
 * Converts coordinate arrays into flat indices for an array of shape `dims`
 * (`np.ravel_multi_index`): `multiIndex` holds one integer array (or number) per axis, or
 * is an integer array whose first axis runs over the axes; the coordinate arrays broadcast
 * together. Out-of-range coordinates throw (`mode: 'raise'`), wrap or clip, per axis if
 * `mode` is a list. JS numbers give a JS number; arrays an int32 array (int64 when `dims`
 * has more than 2**31 elements; NumPy: int64).
 *
 * @example
 * np.ravelMultiIndex([1, 2], [2, 3]); // 5
 * np.ravelMultiIndex([[0, 1], [2, 1]], [2, 3]).tolist(); // [2, 4]
 * np.ravelMultiIndex([[3], [-1]], [2, 3], { mode: ['clip', 'wrap'] }).tolist(); // [5]
 */
export function ravelMultiIndex(multiIndex: readonly number[], dims: ShapeLike, options?: RavelMultiIndexOptions): number;
export function ravelMultiIndex(multiIndex: ArrayLike | readonly ArrayLike[], dims: ShapeLike, options?: RavelMultiIndexOptions): NDArray;
export function ravelMultiIndex(multiIndex: ArrayLike | readonly ArrayLike[], dims: ShapeLike, options: RavelMultiIndexOptions = {}): number | NDArray {
  const shape = (typeof dims === 'number' ? [dims] : Array.from(dims)).map((d) => indexArg(d));
  const nd = shape.length;
  const strides = new Array<number>(nd);
  let s = 1n;
  for (let i = nd - 1; i >= 0; i--) {
    strides[i] = Number(s);
    s *= BigInt(shape[i]!);
    if (s > 2n ** 63n - 1n) throw new ValueError('invalid dims: array size defined by dims is larger than the maximum possible size.');
  }
  const order = cOrF(options.order);
  if (order === 'F') {
    let f = 1;
    for (let i = 0; i < nd; i++) {
      strides[i] = f;
      f *= shape[i]!;
    }
  }
  const modes = clipModes(options.mode, nd);
  let items: ArrayLike[];
  if (multiIndex instanceof NDArray) {
    items = multiIndex.ndim === 0 ? [] : Array.from({ length: multiIndex.shape[0]! }, (_, i) => multiIndex.get(i));
    if (multiIndex.ndim === 0) throw new DTypeError("'int' object is not iterable");
  } else if (Array.isArray(multiIndex)) items = multiIndex as ArrayLike[];
  else throw new DTypeError(`'${typeof multiIndex === 'number' ? 'int' : typeof multiIndex}' object is not iterable`);
  if (items.length !== nd) throw new ValueError(`parameter multi_index must be a sequence of length ${nd}`);
  const coords = items.map((x) => intIndices(x));
  const bshape = broadcastShapes(...coords.map((c) => c.shape));
  const count = sizeOf(bshape);
  if (count > 0 && shape.includes(0)) throw new ValueError('cannot unravel if shape has zero entries (is empty).');
  const cols = coords.map((c) => indexValues(broadcastTo(c, bshape)));
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let flat = 0;
    for (let ax = 0; ax < nd; ax++) {
      const m = shape[ax]!;
      let j = cols[ax]![i]!;
      const mode = modes[ax]!;
      if (mode === 'raise') {
        if (j < 0 || j >= m) throw new ValueError('invalid entry in coordinates array');
      } else if (mode === 'wrap') {
        if (j < 0 || j >= m) j = ((j % m) + m) % m;
      } else j = j < 0 ? 0 : j >= m ? m - 1 : j;
      flat += j * strides[ax]!;
    }
    out[i] = flat;
  }
  if (items.every((x) => isScalar(x))) return out[0]!;
  return indexResult(bshape, out, Number(s) - 1);
}

/**
 * The indices of a grid (`np.indices`): a dense array of shape `[ndim, ...dimensions]`
 * whose `i`-th sub-array holds each point's coordinate along axis `i`, or with `sparse`
 * one array per axis of shape `[1, ..., d_i, ..., 1]`. The shape is given as varargs or one
 * array; a trailing dtype name or options object follows. int32 by default (NumPy: int64).
 *
 * @example
 * np.indices([2, 3]).get(1).tolist(); // [[0, 1, 2], [0, 1, 2]]
 * np.indices(2, 3, { sparse: true }).map((a) => a.shape); // [[2, 1], [1, 3]]
 */
export function indices(...args: [...ShapeLike[], IndicesOptions & { sparse: true }]): NDArray[];
export function indices(...args: [...ShapeLike[], IndicesOptions | DTypeLike] | ShapeLike[]): NDArray;
export function indices(...args: unknown[]): NDArray | NDArray[] {
  const [dims, opts] = shapeAndOptions<IndicesOptions>(args, true);
  checkNewShape(dims);
  const dtype = toDType(opts.dtype ?? 'int32');
  const nd = dims.length;
  // NumPy builds each axis with `arange(dim, dtype=dtype)` (so bool allows at most 2 values)
  const axisValues = dims.map((n, ax) => arange(n, { dtype }).reshape(dims.map((d, k) => (k === ax ? d : 1))));
  if (opts.sparse === true) return axisValues;
  const out = emptyArray([nd, ...dims], dtype);
  for (let ax = 0; ax < nd; ax++) assign(new NDArray(out.data, dims, cStrides(dims), ax * sizeOf(dims), dtype, out), axisValues[ax]!, false);
  return out;
}

/** Options of {@link put}. */
export interface PutOptions {
  /** Out-of-range indices: `'raise'` (default) throws, `'wrap'` wraps around, `'clip'` clamps (negative indices then mean 0). */
  mode?: TakeMode;
}

/** `put`'s flat indices as JS numbers: integer/bool arrays as they are, JS number lists truncated (Python's `int()`). */
function putIndices(ind: ArrayLike): Float64Array {
  const isArray = ind instanceof NDArray || ArrayBuffer.isView(ind);
  const a = asarray(ind);
  const kind = DTYPES[a.dtype].kind;
  if (isArray && (kind === 'f' || a.dtype === 'uint64')) throw arrayCastError(a.dtype, 'int64', 'safe');
  const v = copyOf(a, 'float64').data as Float64Array;
  if (kind === 'f') {
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      if (Number.isNaN(x)) throw new ValueError('cannot convert float NaN to integer');
      if (!Number.isFinite(x)) throw new RangeError('cannot convert float infinity to integer');
      v[i] = Math.trunc(x);
    }
  }
  return v;
}

/** Memory offsets of the flat C-order positions `pos` of `a`. */
function flatOffsets(a: NDArray, pos: Float64Array): Float64Array {
  const out = new Float64Array(pos.length);
  const nd = a.ndim;
  for (let k = 0; k < pos.length; k++) {
    let r = pos[k]!;
    let off = a.offset;
    for (let d = nd - 1; d >= 0; d--) {
      const n = a.shape[d]!;
      off += (r % n) * a.strides[d]!;
      r = Math.floor(r / n);
    }
    out[k] = off;
  }
  return out;
}

/**
 * Replaces elements of `a` at flat (C-order) positions, in place (`np.put`, `a.put`):
 * `a.flat[ind[k]] = v[k % len(v)]` for every k, so `v` repeats when shorter and, with
 * repeated indices, the last write wins. `mode` handles out-of-range indices: `'raise'`
 * (default; negative indices count from the end), `'wrap'`, or `'clip'` (which also clamps
 * negative indices to 0, as NumPy). Values convert to `a.dtype` (JS integers must fit, as
 * an assignment). Throws `ValueError` (`put: output array is read-only`) for a read-only
 * array. Unlike NumPy, which leaves the writes before a bad index in place for a
 * contiguous array, numbat checks every index before writing any.
 *
 * @example
 * const a = np.arange(5);
 * np.put(a, [0, 2], [-44, -55]); // a is [-44, 1, -55, 3, 4]
 * np.put(a, 22, -5, 'clip'); // a is [-44, 1, -55, 3, -5]
 */
export function put(a: NDArray, ind: ArrayLike, v: ArrayLike, mode?: TakeMode | PutOptions): void {
  if (!(a instanceof NDArray)) throw new DTypeError('put() needs an NDArray to write into');
  const m = clipMode(typeof mode === 'object' && mode !== null ? mode.mode : mode);
  if (!a.flags.writeable) throw new ValueError('put: output array is read-only');
  const idx = putIndices(ind);
  const max = a.size;
  if (idx.length > 0 && max === 0) throw new IndexError('cannot replace elements of an empty array');
  const values = v instanceof NDArray || ArrayBuffer.isView(v) ? copyOf(asarray(v), a.dtype) : copyOf(asarray(v, { dtype: a.dtype }));
  const nv = values.size;
  if (nv === 0) return;
  for (let k = 0; k < idx.length; k++) {
    let i = idx[k]!;
    if (m === 'raise') {
      if (i < -max || i >= max) throw new IndexError(`index ${i} is out of bounds for axis 0 with size ${max}`);
      if (i < 0) i += max;
    } else if (m === 'wrap') i = ((i % max) + max) % max;
    else i = i < 0 ? 0 : i >= max ? max - 1 : i;
    idx[k] = i;
  }
  const offs = a.flags.cContiguous ? idx.map((i) => i + a.offset) : flatOffsets(a, idx);
  const dst = a.data as unknown as Elements;
  const src = values.data as unknown as Elements;
  for (let k = 0; k < offs.length; k++) dst[offs[k]!] = src[k % nv]!;
}

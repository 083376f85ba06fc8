/**
 * Shape functions (API.md "Shape"). Views first: reshape (when the strides allow), ravel,
 * transpose, swapaxes, moveaxis, expandDims, squeeze, broadcastTo share memory with their
 * input, as in NumPy; copies are made only where NumPy makes them.
 */
import { NDArray } from '../ndarray.js';
import { sizeOf, normalizeAxis, shapeArg, cStrides } from '../shape/shape.js';
import { broadcastStrides } from '../shape/broadcast.js';
import { axisError, AxisError, DTypeError, reshapeSizeError, shapeMismatchError, ValueError } from '../errors.js';
import { asarray, type ArrayLike } from './convert.js';
import { copyOf } from './assign.js';

/** A shape argument: varargs or one array (`reshape(a, 2, 3)` or `reshape(a, [2, 3])`). */
export type ShapeLike = number | readonly number[];

/** Creates a view of `a` with new shape/strides/offset over the same buffer. */
export function view(a: NDArray, shape: readonly number[], strides: readonly number[], offset = a.offset, writeable = true): NDArray {
  return new NDArray(a.data, shape, strides, offset, a.dtype, a, writeable);
}

/**
 * Resolves one unknown dimension in a requested shape against `size`; throws NumPy's
 * messages. As NumPy's `_fix_unknown_dimension`, any negative entry (not only `-1`) is
 * the unknown one.
 */
export function resolveShape(size: number, shape: readonly number[]): number[] {
  const out = shape.slice();
  let unknown = -1;
  let known = 1;
  for (let i = 0; i < out.length; i++) {
    const d = out[i]!;
    if (d < 0) {
      if (unknown !== -1) throw new ValueError('can only specify one unknown dimension');
      unknown = i;
    } else known *= d;
  }
  if (unknown !== -1) {
    if (known === 0 || size % known !== 0) throw reshapeSizeError(size, shape);
    out[unknown] = size / known;
  } else if (known !== size) throw reshapeSizeError(size, shape);
  return out;
}

/**
 * Strides that view an array of `shape`/`strides` as `newShape` in C order without a
 * copy, or null when impossible (NumPy's `_attempt_nocopy_reshape`).
 */
export function reshapeStrides(shape: readonly number[], strides: readonly number[], newShape: readonly number[]): number[] | null {
  // drop length-1 axes of the old shape: their strides never matter
  const os: number[] = [];
  const ost: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] !== 1) {
      os.push(shape[i]!);
      ost.push(strides[i]!);
    }
  }
  if (sizeOf(newShape) === 0) return cStrides(newShape);
  const ns = newShape;
  const nst = new Array<number>(ns.length).fill(0);
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < ns.length && oi < os.length) {
    let np_ = ns[ni]!;
    let op = os[oi]!;
    while (np_ !== op) {
      if (np_ < op) np_ *= ns[nj++]!;
      else op *= os[oj++]!;
    }
    // the old axes oi..oj-1 must be contiguous among themselves
    for (let ok = oi; ok < oj - 1; ok++) if (ost[ok] !== os[ok + 1]! * ost[ok + 1]!) return null;
    nst[nj - 1] = ost[oj - 1]!;
    for (let nk = nj - 1; nk > ni; nk--) nst[nk - 1] = nst[nk]! * ns[nk]!;
    ni = nj++;
    oi = oj++;
  }
  // trailing length-1 axes of the new shape
  const last = ni > 0 ? nst[ni - 1]! : 1;
  for (let k = ni; k < ns.length; k++) nst[k] = last;
  return nst;
}

/**
 * Gives `a` a new shape (C order), as a view when the strides allow, else a copy
 * (`np.reshape`). One axis may be `-1`.
 *
 * @example
 * np.reshape(np.arange(6), [2, 3]).shape; // [2, 3]
 */
export function reshape(a: ArrayLike, ...shape: ShapeLike[]): NDArray {
  if (shape.length === 0) throw new DTypeError("reshape() missing 1 required positional argument: 'shape'");
  const arr = asarray(a);
  const target = resolveShape(arr.size, shapeArg(shape));
  const st = reshapeStrides(arr.shape, arr.strides, target);
  if (st !== null) return view(arr, target, st, arr.offset, arr.flags.writeable);
  const c = copyOf(arr);
  return new NDArray(c.data, target, cStrides(target), 0, arr.dtype);
}

/**
 * The elements as a 1-d array in C order (`np.ravel`): a view of a C-contiguous array, else
 * a copy. As NumPy, only C-contiguous inputs give views (`reshape(a, -1)` may also view
 * some strided inputs).
 *
 * @example
 * np.ravel([[1, 2], [3, 4]]).tolist(); // [1, 2, 3, 4]
 */
export function ravel(a: ArrayLike): NDArray {
  const arr = asarray(a);
  if (arr.flags.cContiguous) return reshape(arr, [-1]);
  return flatten(arr);
}

/**
 * A 1-d copy in C order, always (`ndarray.flatten`).
 *
 * @example
 * np.flatten([[1, 2], [3, 4]]).tolist(); // [1, 2, 3, 4]
 */
export function flatten(a: ArrayLike): NDArray {
  const c = copyOf(asarray(a));
  return new NDArray(c.data, [c.size], [1], 0, c.dtype);
}

/**
 * Permutes the axes (reverses them by default), as a view (`np.transpose`).
 *
 * @example
 * np.transpose(np.zeros([2, 3, 4]), [1, 0, 2]).shape; // [3, 2, 4]
 */
export function transpose(a: ArrayLike, axes?: readonly number[] | null): NDArray {
  const arr = asarray(a);
  const nd = arr.ndim;
  let perm: number[];
  if (axes === undefined || axes === null) perm = Array.from({ length: nd }, (_, i) => nd - 1 - i);
  else {
    if (axes.length !== nd) throw new ValueError("axes don't match array");
    perm = axes.map((ax) => normalizeAxis(ax, nd));
    if (new Set(perm).size !== nd) throw new ValueError('repeated axis in transpose');
  }
  return view(
    arr,
    perm.map((p) => arr.shape[p]!),
    perm.map((p) => arr.strides[p]!),
  );
}

/** `normalizeAxis` whose AxisError names the argument, as NumPy's (`source: axis 2 is out of bounds ...`). */
function namedAxis(axis: number, ndim: number, name: string): number {
  if (Number.isInteger(axis) && (axis < -ndim || axis >= ndim)) throw new AxisError(`${name}: ${axisError(axis, ndim).message}`);
  return normalizeAxis(axis, ndim);
}

/** NumPy's `normalize_axis_tuple`: in-range axes, no repeats (`repeated axis`), in the given order. */
function axisTuple(axis: number | readonly number[], ndim: number, name?: string): number[] {
  const list = typeof axis === 'number' ? [axis] : axis;
  const out = list.map((ax) => (name === undefined ? normalizeAxis(ax, ndim) : namedAxis(ax, ndim, name)));
  if (new Set(out).size !== out.length) throw new ValueError(name === undefined ? 'repeated axis' : `repeated axis in \`${name}\` argument`);
  return out;
}

/**
 * Swaps two axes, as a view (`np.swapaxes`).
 *
 * @example
 * np.swapaxes(np.zeros([2, 3]), 0, 1).shape; // [3, 2]
 */
export function swapaxes(a: ArrayLike, axis1: number, axis2: number): NDArray {
  const arr = asarray(a);
  const i = namedAxis(axis1, arr.ndim, 'axis1');
  const j = namedAxis(axis2, arr.ndim, 'axis2');
  const perm = Array.from({ length: arr.ndim }, (_, k) => k);
  perm[i] = j;
  perm[j] = i;
  return transpose(arr, perm);
}

/**
 * Moves axes to new positions, the others keeping their order, as a view (`np.moveaxis`).
 *
 * @example
 * np.moveaxis(np.zeros([2, 3, 4]), 0, -1).shape; // [3, 4, 2]
 */
export function moveaxis(a: ArrayLike, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const nd = arr.ndim;
  const src = axisTuple(source, nd, 'source');
  const dst = axisTuple(destination, nd, 'destination');
  if (src.length !== dst.length) {
    throw new ValueError('`source` and `destination` arguments must have the same number of elements');
  }
  const order = Array.from({ length: nd }, (_, k) => k).filter((k) => !src.includes(k));
  const pairs = dst.map((d, i) => [d, src[i]!] as const).sort((x, y) => x[0] - y[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return transpose(arr, order);
}

/**
 * Inserts length-1 axes at the given positions of the result, as a view (`np.expand_dims`).
 *
 * @example
 * np.expandDims([1, 2], [0, -1]).shape; // [1, 2, 1]
 */
export function expandDims(a: ArrayLike, axis: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const list = typeof axis === 'number' ? [axis] : axis;
  const nd = arr.ndim + list.length;
  const axes = axisTuple(list, nd);
  const shape: number[] = [];
  const strides: number[] = [];
  let k = 0;
  for (let i = 0; i < nd; i++) {
    if (axes.includes(i)) {
      shape.push(1);
      strides.push(0);
    } else {
      shape.push(arr.shape[k]!);
      strides.push(arr.strides[k]!);
      k++;
    }
  }
  return view(arr, shape, strides);
}

/**
 * Removes length-1 axes (all, or the given ones), as a view (`np.squeeze`).
 *
 * @example
 * np.squeeze(np.zeros([1, 2, 1])).shape; // [2]
 */
export function squeeze(a: ArrayLike, axis?: number | readonly number[] | null): NDArray {
  const arr = asarray(a);
  let drop: number[];
  if (axis === undefined || axis === null) drop = arr.shape.flatMap((d, i) => (d === 1 ? [i] : []));
  else {
    drop = (typeof axis === 'number' ? [axis] : axis).map((ax) => normalizeAxis(ax, arr.ndim));
    if (new Set(drop).size !== drop.length) throw new ValueError("duplicate value in 'axis'");
    for (const ax of drop) {
      if (arr.shape[ax] !== 1) throw new ValueError('cannot select an axis to squeeze out which has size not equal to one');
    }
  }
  return view(
    arr,
    arr.shape.filter((_, i) => !drop.includes(i)),
    arr.strides.filter((_, i) => !drop.includes(i)),
  );
}

/**
 * A read-only view of `a` broadcast to `shape` (stretched axes get stride 0), as
 * `np.broadcast_to`. Writing to it throws `ValueError` (assignment destination is read-only).
 *
 * @example
 * np.broadcastTo([1, 2, 3], 2, 3).strides; // [0, 1]
 */
export function broadcastTo(a: ArrayLike, ...shape: ShapeLike[]): NDArray {
  const arr = asarray(a);
  const target = shapeArg(shape);
  if (target.length === 0 && arr.ndim > 0) throw new ValueError('cannot broadcast a non-scalar to a scalar array');
  for (const d of target) if (d < 0) throw new ValueError('all elements of broadcast shape must be non-negative');
  if (arr.ndim > target.length) throw new ValueError('input operand has more dimensions than allowed by the axis remapping');
  return view(arr, target, broadcastStrides(arr.shape, arr.strides, target), arr.offset, false);
}

/**
 * The shape that arrays of the given shapes broadcast to (`np.broadcast_shapes`); a number
 * is a 1-d shape. Incompatible shapes throw NumPy's `shape mismatch` message, naming the
 * first pair of arguments that disagree (as `np.broadcast` scans axis by axis).
 *
 * @example
 * np.broadcastShapes([2, 1], [3]); // [2, 3]
 */
export function broadcastShapes(...shapes: (number | readonly number[])[]): number[] {
  const list = shapes.map((s) => shapeArg([s]));
  for (const s of list) for (const d of s) if (d < 0) throw new ValueError('negative dimensions are not allowed');
  let nd = 0;
  for (const s of list) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  for (let i = 0; i < nd; i++) {
    let src = 0;
    for (let j = 0; j < list.length; j++) {
      const s = list[j]!;
      const k = i + s.length - nd;
      if (k < 0) continue;
      const d = s[k]!;
      if (d === 1) continue;
      if (out[i] === 1) {
        out[i] = d;
        src = j;
      } else if (out[i] !== d) throw shapeMismatchError(src, list[src]!, j, s);
    }
  }
  return out;
}

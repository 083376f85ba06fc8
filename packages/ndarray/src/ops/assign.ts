/**
 * Assignment between arrays: the one copy mechanism. `assign` writes `src` (broadcast to
 * `dst`'s shape, converted to `dst`'s dtype) into `dst`; `cast` builds a converted C-order
 * copy. Indexing, `astype`, `copy`, concatenation and ufunc outputs all go through here.
 */
import { NDArray } from '../ndarray.js';
import { allocate, type DType } from '../dtype/dtypes.js';
import { converter } from '../dtype/cast.js';
import { broadcastStrides } from '../shape/broadcast.js';
import { cStrides, fStrides, sizeOf } from '../shape/shape.js';
import { stridedLoop } from '../iter/strided-loop.js';
import { copyKernel, type Buf, type Fn1 } from '../kernels/elementwise.js';
import { readOnlyError } from '../errors.js';

/** True when two arrays view the same buffer (NumPy's `may_share_memory`, conservatively). */
export function sharesBuffer(a: NDArray, b: NDArray): boolean {
  return a.data.buffer === b.data.buffer && a.size > 0 && b.size > 0;
}

/** True when `a` and `b` are the very same view of the same memory. */
export function sameView(a: NDArray, b: NDArray): boolean {
  if (a.data !== b.data || a.offset !== b.offset || a.ndim !== b.ndim) return false;
  for (let i = 0; i < a.ndim; i++) {
    if (a.shape[i] !== b.shape[i]) return false;
    if (a.shape[i]! > 1 && a.strides[i] !== b.strides[i]) return false;
  }
  return true;
}

/**
 * Writes `src` into `dst` (`dst[...] = src`): `src` broadcasts to `dst.shape` and its
 * values are converted as NumPy's unsafe cast does. Throws when `dst` is read-only. When
 * `src` overlaps `dst` in memory (but is not the same view), it is copied first.
 */
export function assign(dst: NDArray, src: NDArray, checkWriteable = true): void {
  if (checkWriteable && !dst.flags.writeable) throw readOnlyError();
  if (dst.size === 0) return;
  let s = src;
  if (sharesBuffer(dst, s) && !sameView(dst, s)) s = copyOf(s, s.dtype, 'C');
  const sStrides = broadcastStrides(s.shape, s.strides, dst.shape);
  const conv = converter(s.dtype, dst.dtype) as Fn1 | null;
  stridedLoop(
    dst.shape,
    [dst.strides, sStrides],
    [dst.offset, s.offset],
    copyKernel(dst.data as unknown as Buf, s.data as unknown as Buf, conv),
  );
}

/** A fresh copy of `a` converted to `dtype`, in C (default) or Fortran order. */
export function copyOf(a: NDArray, dtype: DType = a.dtype, order: 'C' | 'F' = 'C'): NDArray {
  const out = new NDArray(
    allocate(dtype, sizeOf(a.shape)),
    a.shape,
    order === 'C' ? cStrides(a.shape) : fStrides(a.shape),
    0,
    dtype,
  );
  assign(out, a, false);
  return out;
}

/** A new C-contiguous array of `shape` and `dtype`, zero-filled. */
export function emptyArray(shape: readonly number[], dtype: DType): NDArray {
  return new NDArray(allocate(dtype, sizeOf(shape)), shape, cStrides(shape), 0, dtype);
}

/** `a` itself when it already has `dtype`, else a converted copy (no copy when nothing changes). */
export function asDType(a: NDArray, dtype: DType): NDArray {
  return a.dtype === dtype ? a : copyOf(a, dtype);
}

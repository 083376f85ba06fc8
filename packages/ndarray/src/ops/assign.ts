/**
 * Assignment between arrays: the one copy mechanism. `assign` writes `src` (broadcast to
 * `dst`'s shape, converted to `dst`'s dtype) into `dst`; `cast` builds a converted C-order
 * copy. Indexing, `astype`, `copy`, concatenation and ufunc outputs all go through here.
 */
import { NDArray } from '../ndarray.js';
import { allocate, allocateForOverwrite, type DType } from '../dtype/dtypes.js';
import { converter } from '../dtype/cast.js';
import { broadcastStrides } from '../shape/broadcast.js';
import { cStrides, fStrides, sizeOf } from '../shape/shape.js';
import { stridedLoop } from '../iter/strided-loop.js';
import { makeLayout } from '../iter/layout.js';
import { copyKernel, transposeCopyFor, type Buf, type Fn1 } from '../kernels/elementwise.js';
import { isFloatRun, transposeRuns } from '../kernels/vmath.js';
import { readOnlyError } from '../errors.js';

/**
 * True when two arrays may share memory (NumPy's `may_share_memory`, conservatively): both
 * are non-empty and their TypedArrays' byte ranges of one buffer overlap. (Small arrays
 * from `allocate` are distinct ranges of one pooled ArrayBuffer, so buffer identity alone
 * would not do.)
 */
export function sharesBuffer(a: NDArray, b: NDArray): boolean {
  const x = a.data;
  const y = b.data;
  if (x.buffer !== y.buffer || a.size === 0 || b.size === 0) return false;
  return x === y || (x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength);
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
  if (conv === null && dst.size >= TRANSPOSE_MIN && transposedCopy(dst, s, sStrides)) return;
  stridedLoop(
    dst.shape,
    [dst.strides, sStrides],
    [dst.offset, s.offset],
    copyKernel(dst.data as unknown as Buf, s.data as unknown as Buf, conv),
  );
}

/** Copies smaller than this take the general loop. */
const TRANSPOSE_MIN = 1024;

/**
 * A copy whose loop nest (ordered by the output, coalesced) is 2-d with the output
 * contiguous along the inner axis and the source along the outer one (`a.T` into a C
 * array): run as {@link transposeCopyFor}'s 16-column strips. False when it does not apply.
 */
function transposedCopy(dst: NDArray, src: NDArray, sStrides: readonly number[]): boolean {
  const kernel = transposeCopyFor(dst.data as unknown as Buf, src.data as unknown as Buf);
  if (kernel === null) return false;
  const { shape, strides } = makeLayout(dst.shape, [dst.strides, sStrides]);
  if (shape.length !== 2) return false;
  const [or, oc] = strides[0]! as [number, number];
  const [ar, ac] = strides[1]! as [number, number];
  if (oc !== 1 || Math.abs(ar) > 2 || Math.abs(ac) < 16) return false;
  const [o, a] = [dst.data, src.data];
  if (ar === 1 && ac > 0 && isFloatRun(o) && isFloatRun(a)) {
    // the source contiguous along the output's rows: WASM (kernels/vmath.ts)
    if (transposeRuns(shape[0]!, shape[1]!, o, dst.offset, or, a, src.offset, ac)) return true;
  }
  kernel(shape[0]!, shape[1]!, dst.data as unknown as Buf, dst.offset, or, src.data as unknown as Buf, src.offset, ar, ac);
  return true;
}

/**
 * A fresh copy of `a` converted to `dtype`, in C (default) or Fortran order. The copy
 * writes every element, so a large one starts from uninitialised memory (no zero-fill).
 */
export function copyOf(a: NDArray, dtype: DType = a.dtype, order: 'C' | 'F' = 'C'): NDArray {
  const out = new NDArray(
    allocateForOverwrite(dtype, sizeOf(a.shape)),
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

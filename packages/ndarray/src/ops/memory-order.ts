/**
 * The memory layout of new arrays made from existing ones (NumPy's `order=` argument):
 * 'C' and 'F' are fixed; 'A' is F when the input is Fortran-ordered and not C-contiguous;
 * 'K' keeps the input's axis order in memory (NumPy's `PyArray_NewLikeArray`). `concatenate`
 * follows the common stride order of all its inputs (`PyArray_CreateMultiSortedStridePerm`).
 *
 * Internal: not re-exported from the package index.
 */
import { NDArray } from '../ndarray.js';
import { allocate, type DType } from '../dtype/dtypes.js';
import { cStrides, fStrides, sizeOf } from '../shape/shape.js';
import { ValueError } from '../errors.js';

/** NumPy's memory orders: C (row-major), F (column-major), A (F if the input is), K (keep). */
export type Order = 'C' | 'F' | 'A' | 'K';

/** Validates an `order` argument, with NumPy's message. */
export function checkOrder(order: unknown): Order {
  if (order !== 'C' && order !== 'F' && order !== 'A' && order !== 'K') {
    throw new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${String(order)}')`);
  }
  return order;
}

/** Strides (in elements) laying out `shape` with the axes in `perm` from outermost to innermost. */
function permStrides(shape: readonly number[], perm: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let acc = 1;
  for (let i = perm.length - 1; i >= 0; i--) {
    const ax = perm[i]!;
    strides[ax] = acc;
    acc *= Math.max(shape[ax]!, 1);
  }
  return strides;
}

/**
 * Strides for a new array of `shape` made "like" `proto` in `order`. For 'K' the axes are
 * sorted by decreasing absolute stride of `proto`, ties keeping their order (NumPy's stable
 * `PyArray_CreateSortedStridePerm`); a `shape` of another rank than `proto` gives C order.
 */
export function likeStrides(proto: NDArray, order: Order, shape: readonly number[] = proto.shape): number[] {
  if (order === 'C') return cStrides(shape);
  if (order === 'F') return fStrides(shape);
  const { cContiguous, fContiguous } = proto.flags;
  if (order === 'A') return fContiguous && !cContiguous ? fStrides(shape) : cStrides(shape);
  if (shape.length !== proto.ndim || cContiguous || proto.ndim <= 1) return cStrides(shape);
  if (fContiguous) return fStrides(shape);
  const perm = proto.shape.map((_, i) => i);
  const abs = proto.strides.map(Math.abs);
  perm.sort((x, y) => abs[y]! - abs[x]! || x - y);
  return permStrides(shape, perm);
}

/**
 * Strides for the result of concatenating `arrays` into `shape`: NumPy's stable insertion
 * sort of the axes by decreasing stride, where each pair of axes is decided by the arrays
 * in which both have length > 1, C order winning conflicts and ambiguity.
 */
export function multiLikeStrides(arrays: readonly NDArray[], shape: readonly number[]): number[] {
  const nd = shape.length;
  const perm = Array.from({ length: nd }, (_, i) => i);
  for (let i0 = 1; i0 < nd; i0++) {
    let ipos = i0;
    const ax0 = perm[i0]!;
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      let ambiguous = true;
      let shouldSwap = false;
      const ax1 = perm[i1]!;
      for (const a of arrays) {
        if (a.shape[ax0] !== 1 && a.shape[ax1] !== 1) {
          if (Math.abs(a.strides[ax0]!) <= Math.abs(a.strides[ax1]!)) shouldSwap = false;
          else if (ambiguous) shouldSwap = true;
          ambiguous = false;
        }
      }
      if (!ambiguous) {
        if (shouldSwap) ipos = i1;
        else break;
      }
    }
    if (ipos !== i0) {
      for (let i1 = i0; i1 > ipos; i1--) perm[i1] = perm[i1 - 1]!;
      perm[ipos] = ax0;
    }
  }
  return permStrides(shape, perm);
}

/** A new zero-filled array of `shape` and `dtype` with the given strides (a permutation of a contiguous layout). */
export function newArray(shape: readonly number[], dtype: DType, strides: readonly number[]): NDArray {
  return new NDArray(allocate(dtype, sizeOf(shape)), shape, strides, 0, dtype);
}

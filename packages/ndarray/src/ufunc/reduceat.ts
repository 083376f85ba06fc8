/**
 * `ufunc.reduceat`: reductions over slices of one axis, NumPy's exact rule. For each
 * `i`, the result at position `i` along `axis` is the reduction of
 * `a[indices[i]:indices[i+1]]` when `indices[i] < indices[i+1]`, else `a[indices[i]]`; the
 * last index reduces to the end of the axis. Like NumPy's, each slice is seeded with its
 * first element and the rest is folded in by the reduction's inner loop along the axis
 * (pairwise for float add, NumPy's `*out += pairwise_sum(rest)`), one position of the other
 * axes at a time, so no identity is needed and float sums are NumPy's bits.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, toDType, type DTypeLike } from '../dtype/dtypes.js';
import { canCast } from '../dtype/promotion.js';
import { arrayCastError, outputShapeError, reduceatIndexError, sequenceError, ValueError } from '../errors.js';
import { stridedLoop } from '../iter/strided-loop.js';
import type { Buf } from '../kernels/elementwise.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { assign, asDType, emptyArray } from '../ops/assign.js';
import { loopInput, type BinaryUfunc } from './ufunc.js';
import { checkOutArray, methodTypes, reductionKernel, singleAxis } from './reduce.js';
import { iterShapeError } from './out-check.js';

/** Options of `ufunc.reduceat`. */
export interface ReduceatOptions {
  /** The axis to reduce along (default 0; `null` only for a 1-d array). */
  axis?: number | readonly number[] | null;
  /** The accumulator's dtype. */
  dtype?: DTypeLike;
  /** Write the result here (the input's shape with `indices.length` along `axis`; same_kind casting). */
  out?: NDArray;
}

/** Elements read by index (numbers, or bigints for int64/uint64). */
type Elements = { readonly [i: number]: number | bigint };

/**
 * The indices as plain integers. NumPy converts them to a 1-d intp array: a nested list is
 * `setting an array element with a sequence...`, an n-d array `object too deep...`, a 0-d one
 * `object of too small depth...`; floats in a list truncate (a forced cast) while a float
 * array is refused (a safe cast to int64).
 */
function readIndices(indices: ArrayLike): number[] {
  const fromList = !(indices instanceof NDArray);
  const arr = asarray(indices);
  if (arr.ndim === 0) throw new ValueError('object of too small depth for desired array');
  if (arr.ndim > 1) throw fromList ? sequenceError(1) : new ValueError('object too deep for desired array');
  const info = DTYPES[arr.dtype];
  if (!fromList && !canCast(arr.dtype, 'int64')) throw arrayCastError(arr.dtype, 'int64', 'safe');
  const ints = info.kind === 'f' ? asDType(arr, 'int64') : arr;
  const data = ints.data as unknown as Elements;
  const out: number[] = [];
  for (let i = 0; i < ints.size; i++) out.push(Number(data[ints.offset + i * ints.strides[0]!]!));
  return out;
}

/** NumPy's checks of reduceat's `out` (its iterator maps out, the input and the indices). */
function checkReduceatOut(shape: readonly number[], axis: number, count: number, out: NDArray, resultShape: readonly number[]): void {
  const nd = shape.length;
  const ident = shape.map((_, i) => i);
  const err = iterShapeError(nd, [
    { shape: out.shape, axes: ident, output: true, noBroadcast: true },
    { shape, axes: ident.map((i) => (i === axis ? -1 : i)) },
    { shape: [count], axes: ident.map((i) => (i === axis ? 0 : -1)) },
  ]);
  if (err !== null) throw err;
  if (out.ndim !== resultShape.length || out.shape.some((d, i) => d !== resultShape[i])) {
    throw outputShapeError(out.shape, resultShape);
  }
}

/**
 * `ufunc.reduceat(a, indices, { axis, dtype, out })`, NumPy's `np.add.reduceat`: the
 * local reductions over `a[indices[i]:indices[i+1]]` along `axis` (just `a[indices[i]]`
 * when `indices[i] >= indices[i+1]`; the last runs to the end). dtypes as `reduce`.
 * Indices must lie in `[0, a.shape[axis])` (`IndexError`: `index 5 out-of-bounds in
 * add.reduceat [0, 3)`); negative indices are refused, as NumPy does.
 *
 * @example
 * np.add.reduceat(np.arange(8), [0, 4, 1, 5]).tolist(); // [6, 4, 10, 18]
 */
export function reduceat(ufunc: BinaryUfunc, x: ArrayLike, indices: ArrayLike, options: ReduceatOptions = {}): NDArray {
  const spec = ufunc.spec;
  let a = asarray(x);
  const idx = readIndices(indices);
  const axis = singleAxis('reduceat', options.axis, a.ndim);
  const given = options.out;
  checkOutArray(given);
  const len = a.shape[axis]!;
  for (const i of idx) if (i < 0 || i >= len) throw reduceatIndexError(i, spec.npName, len);
  const resultShape = a.shape.slice();
  resultShape[axis] = idx.length;
  if (given !== undefined) checkReduceatOut(a.shape, axis, idx.length, given, resultShape);
  const types = methodTypes(ufunc, a.dtype, options.dtype === undefined ? undefined : toDType(options.dtype), given);
  a = loopInput(a, types.loop);
  const result = emptyArray(resultShape, types.out);
  const sa = a.strides[axis]!;
  const so = result.strides[axis]!;
  if (spec.check !== undefined) {
    // only the elements folded in (not the seeds) are second operands of the loop
    for (let i = 0; i < idx.length; i++) {
      const end = i + 1 < idx.length ? idx[i + 1]! : len;
      if (end - idx[i]! > 1) {
        const shape = a.shape.slice();
        shape[axis] = end - idx[i]! - 1;
        spec.check(types.loop, [result, new NDArray(a.data, shape, a.strides, a.offset + (idx[i]! + 1) * sa, a.dtype, a)]);
      }
    }
  }
  const res = result.data as unknown as Buf;
  const src = a.data as unknown as Buf;
  const fold = reductionKernel(ufunc, types, res, src);
  const p = [0, 0];
  const s = [0, sa];
  const rest = a.shape.map((d, i) => (i === axis ? 1 : d));
  if (idx.length > 0) {
    stridedLoop(rest, [result.strides, a.strides], [0, a.offset], (n, q, t) => {
      for (let j = 0, ro = q[0]!, ao = q[1]!; j < n; j++, ro += t[0]!, ao += t[1]!) {
        for (let i = 0; i < idx.length; i++) {
          const start = idx[i]!;
          const end = i + 1 < idx.length ? idx[i + 1]! : len;
          const o = ro + i * so;
          res[o] = src[ao + start * sa]!;
          if (end - start > 1) {
            p[0] = o;
            p[1] = ao + (start + 1) * sa;
            fold(end - start - 1, p, s);
          }
        }
      }
    });
  }
  if (given !== undefined) {
    assign(given, result);
    return given;
  }
  return result;
}

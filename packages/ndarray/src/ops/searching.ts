/**
 * Searching (API.md "Sorting and searching"): `searchsorted`, `nonzero`, `argwhere`,
 * `flatnonzero`. Index results are int32.
 *
 * `searchsorted` compares in the promoted dtype of the haystack and the needles (NumPy's
 * `PyArray_DescrFromObject`: a JS integer counts as a default-int array, a JS float as
 * float64, not as NEP 50 weak scalars) and runs NumPy's binary search exactly
 * (`kernels/sort.ts` `binarySearch`), so it gives NumPy's answers even for a haystack that
 * is not sorted. `nonzero` walks the array in C order with a buffer-less position operand
 * first (the driver's C-order trick) and records flat positions.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES } from '../dtype/dtypes.js';
import { promoteTypes } from '../dtype/promotion.js';
import { cStrides } from '../shape/shape.js';
import { stridedLoop } from '../iter/strided-loop.js';
import { DTypeError, ValueError } from '../errors.js';
import type { Buf } from '../kernels/elementwise.js';
import { binarySearch, nonzeroKernel } from '../kernels/sort.js';
import { asarray, isScalar, type ArrayLike, type Scalar } from './convert.js';
import { asDType, copyOf, emptyArray } from './assign.js';
import { ravel } from './shape.js';
import { searchSide } from './sort-args.js';

/** Options of {@link searchsorted}. */
export interface SearchsortedOptions {
  /** `'left'` (default): the first suitable index; `'right'`: the last. */
  side?: 'left' | 'right';
  /** Integer indices that sort `a` (`np.argsort(a)`), when `a` itself is not sorted. */
  sorter?: ArrayLike | null;
}

/**
 * Indices where elements of `v` would be inserted into the sorted 1-d array `a` to keep
 * it sorted (`np.searchsorted`): with `side: 'left'` the first such index (`a[i-1] < x <=
 * a[i]`), with `'right'` the last (`a[i-1] <= x < a[i]`); NaN sorts last, as in NumPy's
 * sort. With `sorter` (the argsort of `a`), `a` is read in that order. A JS scalar `v`
 * gives a JS number (NumPy returns a scalar); an array `v` gives an int32 array of its
 * shape (a 0-d array for a 0-d `v`).
 *
 * @example
 * np.searchsorted([1, 2, 3, 5], 3); // 2
 * np.searchsorted([1, 2, 3, 5], 3, { side: 'right' }); // 3
 * np.searchsorted([1, 2, 3, 5], [0, 4, 9]).tolist(); // [0, 3, 4]
 * np.searchsorted([3, 1, 2], 2, { sorter: [1, 2, 0] }); // 1
 */
export function searchsorted(a: ArrayLike, v: Scalar, options?: SearchsortedOptions): number;
export function searchsorted(a: ArrayLike, v: ArrayLike, options?: SearchsortedOptions): NDArray;
export function searchsorted(a: ArrayLike, v: ArrayLike, options: SearchsortedOptions = {}): number | NDArray {
  const side = searchSide(options.side);
  const hay0 = asarray(a);
  const needles = asarray(v);
  const dt = promoteTypes([needles.dtype, hay0.dtype]);
  const keys = copyOf(needles, dt);
  if (hay0.ndim === 0) throw new ValueError('object of too small depth for desired array');
  if (hay0.ndim > 1) throw new ValueError('object too deep for desired array');
  const hay = asDType(hay0, dt);
  const n = hay.size;
  let sorter: NDArray | null = null;
  if (options.sorter !== undefined && options.sorter !== null) {
    const s = asarray(options.sorter);
    if (s.ndim !== 1) throw new DTypeError('could not parse sorter argument');
    const kind = DTYPES[s.dtype].kind;
    if (kind !== 'i' && kind !== 'u') throw new DTypeError('sorter must only contain integers');
    if (s.size !== n) throw new ValueError('sorter.size must equal a.size');
    sorter = s;
  }
  const out = emptyArray(needles.shape, 'int32');
  const ok = binarySearch(
    hay.data as unknown as Buf,
    hay.offset,
    hay.strides[0]!,
    n,
    keys.data as unknown as Buf,
    keys.size,
    out.data as unknown as Buf,
    side === 'right',
    sorter === null ? null : (sorter.data as unknown as Buf),
    sorter === null ? 0 : sorter.offset,
    sorter === null ? 0 : sorter.strides[0]!,
  );
  if (!ok) throw new ValueError('Sorter index out of range.');
  return isScalar(v) ? (out.data as Int32Array)[0]! : out;
}

/** C-order flat positions of the nonzero elements of `a` (NaN counts as nonzero). */
function nonzeroPositions(a: NDArray): Int32Array | Float64Array {
  const size = a.size;
  const out = size <= 0x7fffffff ? new Int32Array(size) : new Float64Array(size);
  const state = { count: 0 };
  const zero = (DTYPES[a.dtype].bigint ? 0n : 0) as number;
  stridedLoop(a.shape, [cStrides(a.shape), a.strides], [0, a.offset], nonzeroKernel(out as unknown as Buf, a.data as unknown as Buf, zero, state));
  return out.subarray(0, state.count);
}

/** Writes the coordinate along each axis of every flat position into `cols[d][j * step]`. */
function unravelInto(pos: Int32Array | Float64Array, shape: readonly number[], cols: Int32Array[], step: number, start: (d: number) => number): void {
  const cs = cStrides(shape);
  for (let d = 0; d < shape.length; d++) {
    const col = cols[d]!;
    const st = cs[d]!;
    const n = shape[d]!;
    let o = start(d);
    for (let j = 0; j < pos.length; j++, o += step) col[o] = Math.floor(pos[j]! / st) % n;
  }
}

/**
 * The indices of the nonzero elements (`np.nonzero`): a JS array with one int32 array per
 * axis, in C order (NaN counts as nonzero, -0 as zero). A 0-d array throws NumPy 2's
 * `ValueError`.
 *
 * @example
 * const [rows, cols] = np.nonzero([[0, 1], [2, 0]]);
 * rows.tolist(); // [0, 1]
 * cols.tolist(); // [1, 0]
 */
export function nonzero(a: ArrayLike): NDArray[] {
  const x = asarray(a);
  if (x.ndim === 0) {
    // NumPy adds a hint for bool arrays (the `arr[nonzero(cond)]` idiom)
    const hint = x.dtype === 'bool' ? ' If the context of this error is of the form `arr[nonzero(cond)]`, just use `arr[cond]`.' : '';
    throw new ValueError(`Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.${hint}`);
  }
  const pos = nonzeroPositions(x);
  const cols = x.shape.map(() => emptyArray([pos.length], 'int32'));
  unravelInto(pos, x.shape, cols.map((c) => c.data as Int32Array), 1, () => 0);
  return cols;
}

/**
 * The indices of the nonzero elements grouped by element (`np.argwhere`): an int32 array
 * of shape `(count, ndim)`, rows in C order. A 0-d array gives shape `(1, 0)` when its
 * element is nonzero and `(0, 0)` otherwise, as NumPy.
 *
 * @example
 * np.argwhere([[0, 1], [2, 0]]).tolist(); // [[0, 1], [1, 0]]
 */
export function argwhere(a: ArrayLike): NDArray {
  const x = asarray(a);
  const pos = nonzeroPositions(x);
  const nd = x.ndim;
  const out = emptyArray([pos.length, nd], 'int32');
  const data = out.data as Int32Array;
  unravelInto(pos, x.shape, x.shape.map(() => data), nd, (d) => d);
  return out;
}

/**
 * The flat (C-order) indices of the nonzero elements (`np.flatnonzero`), int32.
 *
 * @example
 * np.flatnonzero([[0, 1], [2, 0]]).tolist(); // [1, 2]
 */
export function flatnonzero(a: ArrayLike): NDArray {
  const x = ravel(asarray(a));
  const pos = nonzeroPositions(x);
  const out = emptyArray([pos.length], 'int32');
  (out.data as Int32Array).set(pos);
  return out;
}

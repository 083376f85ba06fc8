/**
 * Sorting (API.md "Sorting and searching"): `sort`, `argsort`, `partition`,
 * `argpartition`, and `sortInPlace` (the engine of the in-place method `a.sort(axis)`).
 * Searching (`searchsorted`, `nonzero`, `argwhere`, `flatnonzero`), `unique` and the
 * gathers (`take`, `takeAlongAxis`, `putAlongAxis`) live in searching.ts, unique.ts and
 * take.ts and are re-exported here.
 *
 * Every function copies the array C-contiguous with the sorted axis last ("rows", see
 * `sort-args.ts`) and runs a row kernel of `kernels/sort.ts`: NumPy's order, ascending with
 * NaN last. argsort is always stable (a merge sort: equal elements keep their order, which
 * is NumPy's `kind='stable'` and a valid answer for every other kind). `sort` is stable
 * with `kind: 'stable'`/`'mergesort'` or `stable: true`; otherwise equal elements that
 * differ (-0 and +0) come out in an unspecified order, as in NumPy. Index results are int32.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES } from '../dtype/dtypes.js';
import { normalizeAxis } from '../shape/shape.js';
import { DTypeError, ValueError } from '../errors.js';
import type { Buf } from '../kernels/elementwise.js';
import { argPartitionRows, argsortRows, partitionRows, sortRows, stableSortRows } from '../kernels/sort.js';
import { asarray, type ArrayLike } from './convert.js';
import { assign, emptyArray } from './assign.js';
import { flatten, moveaxis } from './shape.js';
import {
  axisAndOptions,
  checkSelectKind,
  fromRows,
  kthArray,
  kthList,
  laneAxis,
  sortIsStable,
  toRows,
  type Rows,
  type SortOptions,
} from './sort-args.js';

export * from './searching.js';
export * from './unique.js';
export * from './take.js';
export type { SortKind, SortOptions, TakeMode } from './sort-args.js';

/** Options of {@link sort} and {@link argsort}: `kind`/`stable`, and the axis. */
export interface SortAxisOptions extends SortOptions {
  /** Axis to sort along (default -1); `null` sorts the flattened array. */
  axis?: number | null;
}

/** Sorts the rows of a rows layout in place (stable when asked and it can matter: floats). */
function sortRowsOf(r: Rows, stable: boolean): void {
  const w = r.work;
  if (stable && DTYPES[w.dtype].kind === 'f') stableSortRows(w.data, w.offset, r.rows, r.n);
  else sortRows(w.data, w.offset, r.rows, r.n);
}

/**
 * A sorted copy of an array (`np.sort`): ascending along `axis` (default -1, the last;
 * `null` flattens first), NaN last. `kind` may be any NumPy kind; the sort is stable with
 * `kind: 'stable'` or `'mergesort'` or `stable: true`, and otherwise leaves equal elements
 * that differ (-0 and +0) in an unspecified order, as NumPy. The result is C-contiguous
 * (NumPy keeps the input's memory layout).
 *
 * @example
 * np.sort([3, 1, NaN, 2]).tolist(); // [1, 2, 3, NaN]
 * np.sort([[3, 1], [0, 2]], 0).tolist(); // [[0, 1], [3, 2]]
 * np.sort([[3, 1], [0, 2]], null).tolist(); // [0, 1, 2, 3]
 */
export function sort(a: ArrayLike, axis?: number | null | SortAxisOptions, options?: SortOptions): NDArray {
  const { axis: ax, o } = axisAndOptions<SortAxisOptions>('sort', axis, options, -1);
  const stable = sortIsStable(o);
  const x = asarray(a);
  if (ax === null) {
    const flat = flatten(x);
    sortRowsOf({ work: flat, rows: 1, n: flat.size, axis: 0 }, stable);
    return flat;
  }
  const r = toRows(x, normalizeAxis(ax, x.ndim));
  sortRowsOf(r, stable);
  return fromRows(r, r.work);
}

/**
 * Sorts an array in place along `axis` (default -1): NumPy's method `a.sort(axis)`, which
 * returns nothing. Same order and `kind`/`stable` options as {@link sort}. Throws
 * `ValueError` (`sort array is read-only`) for a read-only array and `AxisError` for a 0-d
 * one; `axis` must be an integer (NumPy's method takes no `None`).
 *
 * @example
 * const a = np.array([[3, 1, 2], [9, 8, 7]]);
 * np.sortInPlace(a); // a is now [[1, 2, 3], [7, 8, 9]]
 */
export function sortInPlace(a: NDArray, axis: number = -1, options: SortOptions = {}): void {
  const stable = sortIsStable(options);
  const ax = normalizeAxis(intAxis(axis), a.ndim);
  if (!a.flags.writeable) throw new ValueError('sort array is read-only');
  inPlace(a, ax, (r) => sortRowsOf(r, stable));
}

/** NumPy's methods take an integer axis only (`a.sort(axis=None)` is a TypeError). */
function intAxis(axis: unknown): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis)) {
    throw new DTypeError(`'${axis === null || axis === undefined ? 'NoneType' : typeof axis === 'number' ? 'float' : typeof axis}' object cannot be interpreted as an integer`);
  }
  return axis;
}

/** Runs a rows kernel on `a` in place: directly when the lanes are its contiguous rows, else on a copy written back. */
function inPlace(a: NDArray, ax: number, kernel: (r: Rows) => void): void {
  if (a.size === 0) return;
  if (ax === a.ndim - 1 && a.flags.cContiguous) {
    kernel({ work: a, rows: a.size / a.shape[ax]!, n: a.shape[ax]!, axis: ax });
    return;
  }
  const r = toRows(a, ax);
  kernel(r);
  assign(a, ax === a.ndim - 1 ? r.work : moveaxis(r.work, -1, ax));
}

/**
 * The indices that sort an array along `axis` (`np.argsort`; default -1, `null` for the
 * flattened array): int32, stable (ties keep their order: NumPy's `kind='stable'`, and a
 * valid answer for every other kind), NaN last. A 0-d array is treated as 1-d, as NumPy.
 *
 * @example
 * np.argsort([3, 1, 2]).tolist(); // [1, 2, 0]
 * np.argsort([[0, 3], [2, 2]], 0).tolist(); // [[0, 1], [1, 0]]
 */
export function argsort(a: ArrayLike, axis?: number | null | SortAxisOptions, options?: SortOptions): NDArray {
  const { axis: ax0, o } = axisAndOptions<SortAxisOptions>('argsort', axis, options, -1);
  sortIsStable(o); // validates kind/stable; every kind gives the stable order
  const { arr, axis: ax } = laneAxis(asarray(a), ax0, true);
  const r = toRows(arr, ax, false);
  const out = emptyArray(r.work.shape, 'int32');
  argsortRows(r.work.data as unknown as Buf, r.work.offset, r.rows, r.n, out.data as unknown as Buf, 0);
  return fromRows(r, out);
}

/** Options of {@link partition} and {@link argpartition}. */
export interface PartitionOptions {
  /** Axis to partition along (default -1); `null` partitions the flattened array. */
  axis?: number | null;
  /** NumPy's `kind`: only `'introselect'`. */
  kind?: 'introselect' | string | null;
}

/**
 * A partitioned copy (`np.partition`): for each rank `k` in `kth` (an integer or a list;
 * negative counts from the end) the element that would be at position `k` in sorted order
 * is there, with no larger element before it and no smaller one after it (NaN counts as
 * the largest value). The order within the two sides is unspecified, as in NumPy.
 *
 * @example
 * np.partition([7, 1, 5, 3, 9], 2).get(2).item(); // 5
 * np.partition([[4, 1, 3], [9, 8, 7]], [0, -1], 1).tolist(); // [[1, 3, 4], [7, 8, 9]]
 */
export function partition(a: ArrayLike, kth: ArrayLike, axis?: number | null | PartitionOptions, options?: PartitionOptions): NDArray {
  const { axis: ax0, o } = axisAndOptions<PartitionOptions>('partition', axis, options, -1);
  checkSelectKind(o.kind);
  const k = kthArray(kth);
  const x = asarray(a);
  const arr = ax0 === null ? flatten(x) : x;
  const ax = ax0 === null ? 0 : normalizeAxis(ax0, x.ndim);
  const ks = kthList(k, arr.shape[ax]!, arr.size);
  const r = toRows(arr, ax);
  const w = r.work;
  partitionRows(w.data, w.offset, r.rows, r.n, ks, DTYPES[w.dtype].kind === 'f');
  return fromRows(r, w);
}

/**
 * Partitions an array in place along `axis` (default -1): NumPy's method `a.partition(kth,
 * axis)`, which returns nothing. Same ranks and guarantees as {@link partition}. Throws
 * `ValueError` (`partition array is read-only`) for a read-only array and `AxisError` for
 * a 0-d one; `axis` must be an integer.
 *
 * @example
 * const a = np.array([7, 1, 5, 3, 9]);
 * np.partitionInPlace(a, 2); // a.get(2).item() is now 5
 */
export function partitionInPlace(a: NDArray, kth: ArrayLike, axis: number = -1, options: Omit<PartitionOptions, 'axis'> = {}): void {
  checkSelectKind(options.kind);
  const k = kthArray(kth);
  const ax = normalizeAxis(intAxis(axis), a.ndim);
  if (!a.flags.writeable) throw new ValueError('partition array is read-only');
  const ks = kthList(k, a.shape[ax]!, a.size);
  inPlace(a, ax, (r) => partitionRows(r.work.data, r.work.offset, r.rows, r.n, ks, DTYPES[a.dtype].kind === 'f'));
}

/**
 * The indices that partition an array (`np.argpartition`): int32 indices such that taking
 * them along `axis` gives a partition as {@link partition} describes (the order within
 * each side is unspecified, as in NumPy). A 0-d array is treated as 1-d, as NumPy.
 *
 * @example
 * const i = np.argpartition([7, 1, 5, 3, 9], 2);
 * i.get(2).item(); // 2 (the index of 5)
 */
export function argpartition(a: ArrayLike, kth: ArrayLike, axis?: number | null | PartitionOptions, options?: PartitionOptions): NDArray {
  const { axis: ax0, o } = axisAndOptions<PartitionOptions>('argpartition', axis, options, -1);
  checkSelectKind(o.kind);
  const k = kthArray(kth);
  const { arr, axis: ax } = laneAxis(asarray(a), ax0, true);
  const ks = kthList(k, arr.shape[ax]!, arr.size);
  const r = toRows(arr, ax, false);
  const out = emptyArray(r.work.shape, 'int32');
  argPartitionRows(r.work.data as unknown as Buf, r.work.offset, r.rows, r.n, out.data as Int32Array, ks);
  return fromRows(r, out);
}

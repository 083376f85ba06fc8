/**
 * Argument handling shared by the sorting and searching family (internal; the public
 * functions live in sorting.ts, searching.ts, unique.ts and take.ts): NumPy's converters
 * for `kind`, `side` and `mode` with their exact messages, the `kth` argument of
 * partition, and the "rows" layout every sort kernel works on (the sorted axis moved last,
 * copied C-contiguous, so each lane is one contiguous row of `n` elements).
 */
import { NDArray } from '../ndarray.js';
import { DTYPES } from '../dtype/dtypes.js';
import { normalizeAxis } from '../shape/shape.js';
import { DTypeError, ValueError, sequenceError } from '../errors.js';
import { asarray, type ArrayLike } from './convert.js';
import { copyOf } from './assign.js';
import { moveaxis, ravel } from './shape.js';

/** NumPy's sort algorithms (`kind=`); only stability (mergesort, stable) changes numbat's result: the order of -0 and +0. */
export type SortKind = 'quicksort' | 'mergesort' | 'heapsort' | 'stable';

/** Options of `np.sort` / `np.argsort`. */
export interface SortOptions {
  /** NumPy's `kind`: any string starting with q, h, m or s (case-insensitive), as NumPy's converter. */
  kind?: SortKind | string | null;
  /** NumPy's `stable=`: `true` is `kind: 'stable'`. Passing both throws, as NumPy. */
  stable?: boolean | null;
}

/** Python's type name of a JS value, for TypeError messages. */
export function pyTypeName(x: unknown): string {
  if (typeof x === 'number') return Number.isInteger(x) ? 'int' : 'float';
  if (typeof x === 'boolean') return 'bool';
  if (x === null || x === undefined) return 'NoneType';
  if (Array.isArray(x)) return 'list';
  return typeof x;
}

/**
 * Resolves `kind`/`stable` into whether the sort must be stable (NumPy's
 * `PyArray_SortkindConverter`: the first letter decides; mergesort and stable are stable).
 */
export function sortIsStable(options: SortOptions): boolean {
  const { kind, stable } = options;
  const hasKind = kind !== undefined && kind !== null;
  if (hasKind && stable !== undefined && stable !== null) {
    throw new ValueError("`kind` and keyword parameters can't be provided at the same time. Use only one of them.");
  }
  if (!hasKind) return stable === true;
  if (typeof kind !== 'string') throw new DTypeError(`sort kind must be str, not ${pyTypeName(kind)}`);
  const c = kind.charAt(0).toLowerCase();
  if (c === 'q' || c === 'h') return false;
  if (c === 'm' || c === 's') return true;
  throw new ValueError(`sort kind must be one of 'quick', 'heap', or 'stable' (got '${kind}')`);
}

/** Python's repr of a string argument (for converter messages). */
function reprOf(x: unknown): string {
  return typeof x === 'string' ? `'${x}'` : String(x);
}

/**
 * NumPy's `PyArray_SearchsideConverter`: exactly `'left'` or `'right'`; another string
 * starting with l or r gets its own message, as NumPy.
 */
export function searchSide(side: unknown): 'left' | 'right' {
  if (side === undefined || side === null) return 'left';
  if (typeof side !== 'string') throw new DTypeError(`search side must be str, not ${pyTypeName(side)}`);
  if (side === 'left' || side === 'right') return side;
  const c = side.charAt(0);
  if (c === 'l' || c === 'L' || c === 'r' || c === 'R') throw new ValueError("search side must be one of 'left' or 'right'");
  throw new ValueError(`search side must be 'left' or 'right' (got ${reprOf(side)})`);
}

/** The index modes of `np.take` (NumPy's `clipmode`). */
export type TakeMode = 'raise' | 'wrap' | 'clip';

/** NumPy's `PyArray_ClipmodeConverter` for strings (undefined/null is `'raise'`). */
export function clipMode(mode: unknown): TakeMode {
  if (mode === undefined || mode === null) return 'raise';
  if (typeof mode !== 'string') throw new DTypeError(`clipmode must be str, not ${pyTypeName(mode)}`);
  if (mode === 'raise' || mode === 'wrap' || mode === 'clip') return mode;
  const c = mode.charAt(0).toLowerCase();
  if (c === 'c' || c === 'w' || c === 'r') throw new ValueError("Use one of 'clip', 'raise', or 'wrap' for clip mode");
  throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got ${reprOf(mode)})`);
}

/** NumPy's select-kind converter: only `'introselect'`. */
export function checkSelectKind(kind: unknown): void {
  if (kind === undefined || kind === null || kind === 'introselect') return;
  if (typeof kind !== 'string') throw new DTypeError(`select kind must be str, not ${pyTypeName(kind)}`);
  throw new ValueError(`select kind must be 'introselect' (got ${reprOf(kind)})`);
}

/**
 * The `kth` argument of partition as an array of at most one axis: a JS list nested
 * deeper throws NumPy's conversion error, an array of more axes `object too deep`.
 */
export function kthArray(kth: ArrayLike): NDArray {
  if (Array.isArray(kth) && kth.some((k) => Array.isArray(k) || k instanceof NDArray)) throw sequenceError(1);
  const k = asarray(kth);
  if (k.ndim > 1) throw new ValueError('object too deep for desired array');
  return k;
}

/**
 * The ranks of partition (`partition_prep_kth_array`): integers (bool refused; an empty JS
 * list converts to float64 and is refused too, as in NumPy), negative values counted from
 * the end, outside `[0, n)` an error unless the array is empty (`size` 0). Returns the
 * distinct ranks in ascending order.
 */
export function kthList(k: NDArray, n: number, size: number): number[] {
  const kind = DTYPES[k.dtype].kind;
  if (kind === 'b') throw new ValueError('Booleans unacceptable as partition index');
  if (kind === 'f') throw new DTypeError('Partition index must be integer');
  const flat = copyOf(k);
  const out: number[] = [];
  for (let i = 0; i < flat.size; i++) {
    let v = Number((flat.data as unknown as { [i: number]: number | bigint })[i]!);
    if (v < 0) v += n;
    if (size !== 0 && (v < 0 || v >= n)) throw new ValueError(`kth(=${v}) out of bounds (${n})`);
    out.push(v);
  }
  return [...new Set(out)].sort((x, y) => x - y);
}

/** An array as rows: a C-contiguous copy with the lane axis last. */
export interface Rows {
  /** The copy, shape `[...other axes, n]`. */
  work: NDArray;
  /** Number of lanes. */
  rows: number;
  /** Lane length. */
  n: number;
  /** The lane axis of the original array (normalized). */
  axis: number;
}

/**
 * `a` laid out as rows with `axis` (already normalized) last: a C-contiguous copy, or `a`
 * itself when `copy` is false and it already has that layout (for kernels that only read).
 */
export function toRows(a: NDArray, axis: number, copy = true): Rows {
  const n = a.shape[axis]!;
  const last = axis === a.ndim - 1;
  const work = !copy && last && a.flags.cContiguous ? a : copyOf(last ? a : moveaxis(a, axis, -1));
  return { work, rows: n === 0 ? 0 : a.size / n, n, axis };
}

/** A result laid out as rows (`[...other, n]`) back in the original axis order, C-contiguous. */
export function fromRows(r: Rows, result: NDArray): NDArray {
  if (r.axis === result.ndim - 1) return result;
  return copyOf(moveaxis(result, -1, r.axis));
}

/**
 * `a` and the axis a sort-like function works along: `null` flattens (C order); a 0-d
 * array becomes 1-d when `ravel0d` (NumPy's `PyArray_CheckAxis`, used by argsort, take and
 * argpartition), else the axis is checked against 0 axes and throws.
 */
export function laneAxis(a: NDArray, axis: number | null, ravel0d: boolean): { arr: NDArray; axis: number } {
  if (axis === null || (ravel0d && a.ndim === 0)) return { arr: ravel(a), axis: axis === null ? 0 : normalizeAxis(axis, 1) };
  return { arr: a, axis: normalizeAxis(axis, a.ndim) };
}

/**
 * Splits `(axisOrOptions, options)`: the axis may be passed positionally or in the options
 * (both at once throws Python's error for a repeated argument, naming NumPy's function).
 */
export function axisAndOptions<O extends { axis?: number | null }>(
  name: string,
  axisOrOptions: number | null | O | undefined,
  options: O | undefined,
  defaultAxis: number | null,
): { axis: number | null; o: O } {
  if (axisOrOptions !== null && typeof axisOrOptions === 'object') {
    const o = axisOrOptions;
    return { axis: o.axis === undefined ? defaultAxis : o.axis, o };
  }
  const o = options ?? ({} as O);
  if (axisOrOptions !== undefined && o.axis !== undefined) throw new DTypeError(`${name}() got multiple values for argument 'axis'`);
  const axis = axisOrOptions !== undefined ? axisOrOptions : o.axis === undefined ? defaultAxis : o.axis;
  if (axis !== null && (typeof axis !== 'number' || !Number.isInteger(axis))) {
    throw new DTypeError(`'${pyTypeName(axis)}' object cannot be interpreted as an integer`);
  }
  return { axis, o };
}

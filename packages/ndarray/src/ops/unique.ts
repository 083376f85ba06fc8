/**
 * `np.unique` (API.md "Sorting and searching", NumPy 2.4 semantics): the sorted distinct
 * values, with optional first-occurrence indices, inverse and counts, over the flattened
 * array or along an axis.
 *
 * Without an axis the array is flattened and sorted (argsorted, stably, when indices or
 * the inverse are asked for) and runs of equal values are marked (`kernels/sort.ts`
 * `runStarts`); `equalNan` (default true, NumPy 2) makes all NaNs one value. With an axis
 * the sub-arrays along it are compared lexicographically as NumPy compares them (viewed as
 * structured scalars: NaN sorts last, and a sub-array holding NaN never equals another, so
 * `equalNan` does not apply there, as in NumPy).
 */
import { NDArray } from '../ndarray.js';
import { DTYPES } from '../dtype/dtypes.js';
import { normalizeAxis } from '../shape/shape.js';
import type { Buf } from '../kernels/elementwise.js';
import { argsortLexRows, argsortRows, rowRunStarts, runStarts, sortRows } from '../kernels/sort.js';
import { asarray, type ArrayLike } from './convert.js';
import { copyOf, emptyArray } from './assign.js';
import { flatten, moveaxis } from './shape.js';

/** Options of {@link unique}. */
export interface UniqueOptions {
  /** Also return the index of the first occurrence of each unique value. */
  returnIndex?: boolean;
  /** Also return the indices that rebuild the input from the unique values. */
  returnInverse?: boolean;
  /** Also return how many times each unique value occurs. */
  returnCounts?: boolean;
  /** Find unique sub-arrays along this axis; `null` (default) flattens the array. */
  axis?: number | null;
  /** Count all NaNs as one value (default true, NumPy 2). Ignored with an axis, as NumPy. */
  equalNan?: boolean;
  /** NumPy 2.3's `sorted=`: numbat always returns the values sorted (allowed either way). */
  sorted?: boolean;
}

/**
 * The result of {@link unique} when a flag is set: a JS array in NumPy's order (values,
 * then indices, inverse and counts as requested) that also carries them by name (the own
 * property `values` shadows `Array.prototype.values`; iteration is unaffected).
 */
export type UniqueResult = Omit<NDArray[], 'values'> & {
  values: NDArray;
  indices?: NDArray;
  inverse?: NDArray;
  counts?: NDArray;
};

/** Option values that ask for at least one extra output. */
export type UniqueFlags = { returnIndex: true } | { returnInverse: true } | { returnCounts: true };

/** Sorted order and run starts of the values being made unique. */
interface Runs {
  /** The permutation that sorts the items (null when only the sorted values were needed). */
  perm: Int32Array | null;
  /** 1 where a run of equal items starts, in sorted order. */
  mask: Uint8Array;
  /** Number of items. */
  n: number;
}

/** Positions (in sorted order) where runs start. */
function startsOf(mask: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) out.push(i);
  return out;
}

/** Builds the int32 index outputs from the runs. */
function indexOutputs(r: Runs, starts: readonly number[], o: UniqueOptions, inverseShape: readonly number[]): { indices?: NDArray; inverse?: NDArray; counts?: NDArray } {
  const res: { indices?: NDArray; inverse?: NDArray; counts?: NDArray } = {};
  if (o.returnIndex) {
    const idx = emptyArray([starts.length], 'int32');
    const d = idx.data as Int32Array;
    starts.forEach((s, j) => (d[j] = r.perm![s]!));
    res.indices = idx;
  }
  if (o.returnInverse) {
    const inv = emptyArray(inverseShape, 'int32');
    const d = inv.data as Int32Array;
    let group = -1;
    for (let i = 0; i < r.n; i++) {
      if (r.mask[i]) group++;
      d[r.perm![i]!] = group;
    }
    res.inverse = inv;
  }
  if (o.returnCounts) {
    const cnt = emptyArray([starts.length], 'int32');
    const d = cnt.data as Int32Array;
    starts.forEach((s, j) => (d[j] = (j + 1 < starts.length ? starts[j + 1]! : r.n) - s));
    res.counts = cnt;
  }
  return res;
}

/**
 * The sorted unique elements of an array (`np.unique`). With no flag set, an NDArray of
 * the input's dtype. With `returnIndex`, `returnInverse` or `returnCounts`, a JS array in
 * NumPy's order (`[values, indices?, inverse?, counts?]`) that also carries the names
 * `values`, `indices`, `inverse`, `counts`; the index arrays are int32. Without an axis
 * the input is flattened and the inverse has the input's shape (NumPy 2.x); with an axis
 * the unique sub-arrays along it are returned and the inverse is 1-d. NaNs are one value
 * unless `equalNan: false`. Where equal values differ (-0 and +0), which one represents
 * them is the first occurrence with `returnIndex` (as NumPy); otherwise NumPy leaves it
 * unspecified.
 *
 * @example
 * np.unique([3, 1, 3, 2]).tolist(); // [1, 2, 3]
 * const { values, counts } = np.unique([3, 1, 3], { returnCounts: true });
 * counts.tolist(); // [1, 2]
 * np.unique([[1, 2], [1, 2], [0, 5]], { axis: 0 }).tolist(); // [[0, 5], [1, 2]]
 */
export function unique(ar: ArrayLike, options: UniqueOptions & UniqueFlags): UniqueResult;
export function unique(ar: ArrayLike, options?: UniqueOptions & { returnIndex?: false; returnInverse?: false; returnCounts?: false }): NDArray;
export function unique(ar: ArrayLike, options?: UniqueOptions): NDArray | UniqueResult;
export function unique(ar: ArrayLike, options: UniqueOptions = {}): NDArray | UniqueResult {
  const x = asarray(ar);
  const axis = options.axis;
  const { values, extra } =
    axis === undefined || axis === null || x.ndim === 1 ? unique1d(x, axis ?? null, options) : uniqueAxis(x, normalizeAxis(axis, x.ndim), options);
  if (!options.returnIndex && !options.returnInverse && !options.returnCounts) return values;
  const res = [values] as unknown as UniqueResult;
  res.values = values;
  if (extra.indices !== undefined) res.push((res.indices = extra.indices));
  if (extra.inverse !== undefined) res.push((res.inverse = extra.inverse));
  if (extra.counts !== undefined) res.push((res.counts = extra.counts));
  return res;
}

type Extra = { indices?: NDArray; inverse?: NDArray; counts?: NDArray };

/** `_unique1d`: the flattened array. */
function unique1d(x: NDArray, axis: number | null, o: UniqueOptions): { values: NDArray; extra: Extra } {
  if (axis !== null) normalizeAxis(axis, 1);
  const flat = flatten(x);
  const n = flat.size;
  const needPerm = o.returnIndex === true || o.returnInverse === true;
  let aux: Buf;
  let perm: Int32Array | null = null;
  if (needPerm) {
    perm = new Int32Array(n);
    argsortRows(flat.data as unknown as Buf, 0, 1, n, perm as unknown as Buf, 0);
    const sorted = emptyArray([n], x.dtype);
    const src = flat.data as unknown as Buf;
    const dst = sorted.data as unknown as Buf;
    for (let i = 0; i < n; i++) dst[i] = src[perm[i]!]!;
    aux = dst;
  } else {
    sortRows(flat.data, 0, 1, n);
    aux = flat.data as unknown as Buf;
  }
  const mask = new Uint8Array(n);
  runStarts(aux, 0, n, o.equalNan !== false && DTYPES[x.dtype].kind === 'f', mask);
  const starts = startsOf(mask);
  const values = emptyArray([starts.length], x.dtype);
  const vd = values.data as unknown as Buf;
  starts.forEach((s, j) => (vd[j] = aux[s]!));
  return { values, extra: indexOutputs({ perm, mask, n }, starts, o, x.shape) };
}

/** `np.unique(ar, axis=...)` on an array of at least 2 axes. */
function uniqueAxis(x: NDArray, axis: number, o: UniqueOptions): { values: NDArray; extra: Extra } {
  const moved = copyOf(moveaxis(x, axis, 0));
  const n = moved.shape[0]!;
  const rest = moved.shape.slice(1);
  const width = rest.reduce((p, q) => p * q, 1);
  const data = moved.data as unknown as Buf;
  const perm = argsortLexRows(data, n, width);
  const mask = new Uint8Array(n);
  rowRunStarts(data, n, width, perm, mask);
  const starts = startsOf(mask);
  const vals = emptyArray([starts.length, ...rest], x.dtype);
  const vd = vals.data as unknown as Buf;
  starts.forEach((s, j) => {
    const src = perm[s]! * width;
    for (let c = 0; c < width; c++) vd[j * width + c] = data[src + c]!;
  });
  const values = axis === 0 ? vals : copyOf(moveaxis(vals, 0, axis));
  return { values, extra: indexOutputs({ perm, mask, n }, starts, o, [n]) };
}

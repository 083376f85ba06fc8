/**
 * Sort kernels over contiguous rows: `rows` rows of `n` elements stored back to back from
 * `offset` (the last axis of a C-contiguous copy; callers move the sorted axis last and
 * copy). Order is NumPy's: ascending, NaN last. The same code serves every dtype: number
 * buffers and bigint buffers (int64/uint64) compare with the same operators.
 *
 * - `sortRows` sorts values in place: short rows by insertion sort (stable), longer rows by
 *   the engine's native TypedArray sort (numeric, NaN last, -0 before +0). NumPy's default
 *   sort leaves equal elements such as -0 and +0 in an unspecified order too.
 * - `argsortRows` writes the permutation that sorts each row, by a stable merge sort
 *   (NumPy's `kind='stable'`): equal elements keep their original order.
 * - `countLeadingNumbers` gives the number of non-NaN elements of a sorted row.
 * - `partitionNaNs` and `selectRank` are the partition kernel of order statistics (NumPy's
 *   `np.partition`): NaNs moved behind the numbers, then introselect (three-way quickselect,
 *   falling back to a sort when it degenerates) puts a given rank in place in O(n).
 *
 * Loop variables: `r` row, `o` offset of a row, `i`, `j`, `k` positions within a row,
 * `lo`/`mid`/`hi` run bounds of the merge sort.
 */
import type { TypedArray } from '../dtype/dtypes.js';
import type { Buf } from './elementwise.js';

/** Rows up to this length are insertion-sorted (no subarray allocation, stable). */
const SHORT_ROW = 16;

/** `x` sorts strictly before `y`: smaller, or a number before NaN. */
function before(x: number, y: number): boolean {
  return x < y || (y !== y && x === x);
}

/**
 * Sorts each of `rows` contiguous rows of `n` elements of `data` (from `offset`) in place:
 * ascending, NaN last.
 */
export function sortRows(data: TypedArray, offset: number, rows: number, n: number): void {
  if (n < 2) return;
  const buf = data as unknown as Buf;
  for (let r = 0, o = offset; r < rows; r++, o += n) {
    if (n <= SHORT_ROW) {
      for (let i = o + 1; i < o + n; i++) {
        const v = buf[i]!;
        let j = i - 1;
        for (; j >= o && before(v, buf[j]!); j--) buf[j + 1] = buf[j]!;
        buf[j + 1] = v;
      }
    } else {
      data.subarray(o, o + n).sort();
    }
  }
}

/**
 * Writes into `out` (from `outOffset`, `n` per row) the indices 0..n-1 that sort each row
 * of `data` stably: ascending, NaN last, ties in their original order.
 */
export function argsortRows(data: Buf, offset: number, rows: number, n: number, out: Buf, outOffset: number): void {
  if (n === 0) return;
  const idx = new Int32Array(n);
  const tmp = new Int32Array(n);
  for (let r = 0; r < rows; r++) {
    const base = offset + r * n;
    for (let i = 0; i < n; i++) idx[i] = i;
    const sorted = mergeSortIndices(data, base, idx, tmp, n);
    const ob = outOffset + r * n;
    for (let i = 0; i < n; i++) out[ob + i] = sorted[i]!;
  }
}

/** Stable bottom-up merge sort of `idx` by `key[base + idx[i]]`; returns the sorted buffer. */
function mergeSortIndices(key: Buf, base: number, idx: Int32Array, tmp: Int32Array, n: number): Int32Array {
  for (let lo = 0; lo < n; lo += SHORT_ROW) {
    const hi = Math.min(lo + SHORT_ROW, n);
    for (let i = lo + 1; i < hi; i++) {
      const t = idx[i]!;
      const v = key[base + t]!;
      let j = i - 1;
      for (; j >= lo && before(v, key[base + idx[j]!]!); j--) idx[j + 1] = idx[j]!;
      idx[j + 1] = t;
    }
  }
  let src = idx;
  let dst = tmp;
  for (let width = SHORT_ROW; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      // take from the right run only when strictly before: ties keep their order
      while (i < mid && j < hi) dst[k++] = before(key[base + src[j]!]!, key[base + src[i]!]!) ? src[j++]! : src[i++]!;
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/** Number of non-NaN elements at the start of a sorted row (NaN sort last). */
export function countLeadingNumbers(data: Buf, offset: number, n: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = data[offset + mid]!;
    if (v === v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Moves the NaNs of `data[lo..hi)` behind its numbers (order otherwise unspecified) and
 * returns how many numbers there are. Bigint buffers hold no NaN.
 */
export function partitionNaNs(data: Buf, lo: number, hi: number): number {
  let i = lo;
  let j = hi - 1;
  for (;;) {
    while (i <= j && data[i] === data[i]) i++;
    while (j > i && data[j] !== data[j]) j--;
    if (i >= j) return i - lo;
    const t = data[i]!;
    data[i] = data[j]!;
    data[j] = t;
  }
}

/**
 * Rearranges `data[lo..hi)` (no NaN) so that `data[k]` holds the element of rank `k - lo`,
 * with no larger element before it and no smaller one after it (NumPy's `partition`).
 * Quickselect with a median-of-three pivot and Hoare partitioning (sentinels at both
 * ends), within a depth budget after which the remaining range is sorted (introselect).
 */
export function selectRank(data: TypedArray, lo: number, hi: number, k: number): void {
  const buf = data as unknown as Buf;
  let l = lo;
  let r = hi - 1;
  let budget = 2 * Math.ceil(Math.log2(hi - lo + 1)) + 4;
  while (r - l > SHORT_ROW) {
    if (budget-- === 0) {
      data.subarray(l, r + 1).sort();
      return;
    }
    // order buf[l], buf[l + 1] (the pivot, taken from the middle), buf[r]: sentinels for the scans
    const mid = (l + r) >> 1;
    let t = buf[mid]!;
    buf[mid] = buf[l + 1]!;
    buf[l + 1] = t;
    if (buf[l]! > buf[r]!) {
      t = buf[l]!;
      buf[l] = buf[r]!;
      buf[r] = t;
    }
    if (buf[l + 1]! > buf[r]!) {
      t = buf[l + 1]!;
      buf[l + 1] = buf[r]!;
      buf[r] = t;
    }
    if (buf[l]! > buf[l + 1]!) {
      t = buf[l]!;
      buf[l] = buf[l + 1]!;
      buf[l + 1] = t;
    }
    const pivot = buf[l + 1]!;
    let i = l + 1;
    let j = r;
    for (;;) {
      do i++;
      while (buf[i]! < pivot);
      do j--;
      while (buf[j]! > pivot);
      if (j < i) break;
      t = buf[i]!;
      buf[i] = buf[j]!;
      buf[j] = t;
    }
    buf[l + 1] = buf[j]!;
    buf[j] = pivot;
    if (j >= k) r = j - 1;
    if (j <= k) l = i;
  }
  for (let i = l + 1; i <= r; i++) {
    const v = buf[i]!;
    let j = i - 1;
    for (; j >= l && v < buf[j]!; j--) buf[j + 1] = buf[j]!;
    buf[j + 1] = v;
  }
}

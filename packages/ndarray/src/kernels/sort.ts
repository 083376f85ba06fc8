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
 *   (NumPy's `kind='stable'`) of (key, index) pairs: equal elements keep their order.
 * - `countLeadingNumbers` gives the number of non-NaN elements of a sorted row.
 * - `partitionNaNs` and `selectRank` are the partition kernel of order statistics (NumPy's
 *   `np.partition`): NaNs moved behind the numbers, then introselect (three-way quickselect,
 *   falling back to a sort when it degenerates) puts a given rank in place in O(n).
 * - `stableSortRows` sorts values stably (argsort, then the permutation applied);
 *   `partitionRows` runs the partition kernel over rows for several ranks, and
 *   `argPartitionRows` is its index form (`np.argpartition`).
 * - `argsortLexRows` and `rowRunStarts` sort rows of a matrix lexicographically and mark
 *   where runs of equal rows start (`np.unique` with an axis); `runStarts` does the same for
 *   a sorted vector, with NumPy's `equal_nan` rule.
 * - `binarySearch` is NumPy's `binsearch`/`argbinsearch` (`np.searchsorted`), including
 *   its narrowing of the range from one key to the next, so even an unsorted haystack
 *   gives NumPy's answers.
 * - `nonzeroKernel` records the C-order positions of nonzero elements (`np.nonzero`).
 *
 * Loop variables: `r` row, `o` offset of a row, `i`, `j`, `k` positions within a row,
 * `lo`/`mid`/`hi` run bounds of the merge sort.
 */
import type { TypedArray } from '../dtype/dtypes.js';
import type { InnerKernel } from '../iter/strided-loop.js';
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
 * of `data` stably: ascending, NaN last, ties in their original order. The keys travel
 * with their indices through the merge sort, so every pass reads memory in order (looking
 * keys up through the indices would miss the cache on every comparison of a long row).
 */
export function argsortRows(data: Buf, offset: number, rows: number, n: number, out: Buf, outOffset: number): void {
  if (n === 0) return;
  const Keys = (ArrayBuffer.isView(data) ? data.constructor : Float64Array) as new (len: number) => Buf;
  const k0 = new Keys(n);
  const k1 = new Keys(n);
  const i0 = new Int32Array(n);
  const i1 = new Int32Array(n);
  for (let r = 0; r < rows; r++) {
    const base = offset + r * n;
    for (let i = 0; i < n; i++) {
      k0[i] = data[base + i]!;
      i0[i] = i;
    }
    const sorted = mergeSortPairs(k0, i0, k1, i1, n);
    const ob = outOffset + r * n;
    for (let i = 0; i < n; i++) out[ob + i] = sorted[i]!;
  }
}

/**
 * Stable bottom-up merge sort of the pairs `(keys[i], idx[i])` by key (NaN last), using
 * `keys2`/`idx2` as scratch; returns the index buffer that holds the sorted order.
 */
function mergeSortPairs(keys: Buf, idx: Int32Array, keys2: Buf, idx2: Int32Array, n: number): Int32Array {
  for (let lo = 0; lo < n; lo += SHORT_ROW) {
    const hi = Math.min(lo + SHORT_ROW, n);
    for (let i = lo + 1; i < hi; i++) {
      const v = keys[i]!;
      const t = idx[i]!;
      let j = i - 1;
      for (; j >= lo && before(v, keys[j]!); j--) {
        keys[j + 1] = keys[j]!;
        idx[j + 1] = idx[j]!;
      }
      keys[j + 1] = v;
      idx[j + 1] = t;
    }
  }
  let sk = keys;
  let si = idx;
  let dk = keys2;
  let di = idx2;
  for (let width = SHORT_ROW; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      // take from the right run only when strictly before: ties keep their order
      while (i < mid && j < hi) {
        if (before(sk[j]!, sk[i]!)) {
          dk[k] = sk[j]!;
          di[k++] = si[j++]!;
        } else {
          dk[k] = sk[i]!;
          di[k++] = si[i++]!;
        }
      }
      while (i < mid) {
        dk[k] = sk[i]!;
        di[k++] = si[i++]!;
      }
      while (j < hi) {
        dk[k] = sk[j]!;
        di[k++] = si[j++]!;
      }
    }
    [sk, dk] = [dk, sk];
    [si, di] = [di, si];
  }
  return si;
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

/**
 * Sorts each row stably (NumPy's `kind='stable'`): equal elements, -0 and +0 included,
 * keep their original order. Argsorts the rows and applies the permutation.
 */
export function stableSortRows(data: TypedArray, offset: number, rows: number, n: number): void {
  if (n < 2) return;
  const buf = data as unknown as Buf;
  const perm = new Int32Array(rows * n);
  argsortRows(buf, offset, rows, n, perm as unknown as Buf, 0);
  const tmp = new (data.constructor as new (len: number) => TypedArray)(n) as unknown as Buf;
  for (let r = 0, o = offset; r < rows; r++, o += n) {
    const p = r * n;
    for (let i = 0; i < n; i++) tmp[i] = buf[o + perm[p + i]!]!;
    for (let i = 0; i < n; i++) buf[o + i] = tmp[i]!;
  }
}

/**
 * Moves the indices in `idx[lo..hi)` whose keys (`key[base + idx[i]]`) are NaN behind the
 * others and returns how many are not NaN.
 */
function partitionNaNIndices(key: Buf, base: number, idx: Int32Array, lo: number, hi: number): number {
  let i = lo;
  let j = hi - 1;
  for (;;) {
    while (i <= j && key[base + idx[i]!] === key[base + idx[i]!]) i++;
    while (j > i && key[base + idx[j]!] !== key[base + idx[j]!]) j--;
    if (i >= j) return i - lo;
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
}

/** {@link selectRank} on indices: puts in `idx[k]` the index of rank `k - lo` by key (no NaN keys). */
function argSelectRank(key: Buf, base: number, idx: Int32Array, lo: number, hi: number, k: number): void {
  let l = lo;
  let r = hi - 1;
  let budget = 2 * Math.ceil(Math.log2(hi - lo + 1)) + 4;
  const swap = (x: number, y: number): void => {
    const t = idx[x]!;
    idx[x] = idx[y]!;
    idx[y] = t;
  };
  const v = (x: number): number => key[base + idx[x]!]!;
  while (r - l > SHORT_ROW) {
    if (budget-- === 0) {
      idx.subarray(l, r + 1).sort((x, y) => {
        const a = key[base + x]!;
        const b = key[base + y]!;
        return a < b ? -1 : a > b ? 1 : 0;
      });
      return;
    }
    // median of three as in selectRank: idx[l] <= idx[l + 1] (pivot) <= idx[r] by key
    swap((l + r) >> 1, l + 1);
    if (v(l) > v(r)) swap(l, r);
    if (v(l + 1) > v(r)) swap(l + 1, r);
    if (v(l) > v(l + 1)) swap(l, l + 1);
    const pivotIdx = idx[l + 1]!;
    const pivot = key[base + pivotIdx]!;
    let i = l + 1;
    let j = r;
    for (;;) {
      do i++;
      while (v(i) < pivot);
      do j--;
      while (v(j) > pivot);
      if (j < i) break;
      swap(i, j);
    }
    idx[l + 1] = idx[j]!;
    idx[j] = pivotIdx;
    if (j >= k) r = j - 1;
    if (j <= k) l = i;
  }
  for (let i = l + 1; i <= r; i++) {
    const t = idx[i]!;
    const x = key[base + t]!;
    let j = i - 1;
    for (; j >= l && x < v(j); j--) idx[j + 1] = idx[j]!;
    idx[j + 1] = t;
  }
}

/**
 * `np.argpartition` of each row: writes into `out` (int32, `n` per row) indices such that
 * for every rank in `kths` (ascending, distinct, within the row) the index of the element of
 * that rank sits at that position, with no larger element before it and no smaller after
 * it (NaN counts as the largest value).
 */
export function argPartitionRows(key: Buf, offset: number, rows: number, n: number, out: Int32Array, kths: readonly number[]): void {
  const idx = new Int32Array(n);
  for (let r = 0; r < rows; r++) {
    const base = offset + r * n;
    for (let i = 0; i < n; i++) idx[i] = i;
    const cnt = partitionNaNIndices(key, base, idx, 0, n);
    let lo = 0;
    for (const k of kths) {
      if (k >= cnt) break; // NaN region: every NaN is in place
      argSelectRank(key, base, idx, lo, cnt, k);
      lo = k + 1;
    }
    out.set(idx, r * n);
  }
}

/**
 * NumPy's three-way compare of two values (`DOUBLE_compare`): -1, 0 or 1, NaN after every
 * number and equal to another NaN; -0 equals +0.
 */
function compare3(x: number, y: number): number {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  return x !== x ? (y !== y ? 0 : 1) : -1;
}

/**
 * The permutation that sorts the `rows` rows of `width` elements stored back to back in
 * `data` lexicographically, stably (NumPy sorts rows viewed as structured scalars: fields
 * compared in order with the three-way compare above).
 */
export function argsortLexRows(data: Buf, rows: number, width: number): Int32Array {
  let src = new Int32Array(rows);
  let dst = new Int32Array(rows);
  for (let i = 0; i < rows; i++) src[i] = i;
  const cmp = (a: number, b: number): number => {
    const oa = a * width;
    const ob = b * width;
    for (let c = 0; c < width; c++) {
      const d = compare3(data[oa + c]!, data[ob + c]!);
      if (d !== 0) return d;
    }
    return 0;
  };
  for (let width2 = 1; width2 < rows; width2 *= 2) {
    for (let lo = 0; lo < rows; lo += 2 * width2) {
      const mid = Math.min(lo + width2, rows);
      const hi = Math.min(lo + 2 * width2, rows);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) dst[k++] = cmp(src[j]!, src[i]!) < 0 ? src[j++]! : src[i++]!;
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/**
 * Marks in `mask` the rows (visited in the order `perm`) that differ from the previous one
 * in some element (`!=`, so rows holding NaN never equal another row): NumPy's
 * `aux[1:] != aux[:-1]` on structured scalars.
 */
export function rowRunStarts(data: Buf, rows: number, width: number, perm: Int32Array, mask: Uint8Array): void {
  for (let i = 0; i < rows; i++) {
    if (i === 0) {
      mask[0] = 1;
      continue;
    }
    const oa = perm[i]! * width;
    const ob = perm[i - 1]! * width;
    let differ = 0;
    for (let c = 0; c < width; c++) {
      if (data[oa + c] !== data[ob + c]) {
        differ = 1;
        break;
      }
    }
    mask[i] = differ;
  }
}

/**
 * Marks in `mask` where runs of equal values start in the sorted values `aux[off..off+n)`
 * (NaN last). With `equalNan`, all NaNs form one run, as NumPy's `unique(equal_nan=True)`;
 * otherwise every NaN starts its own run (`NaN != NaN`).
 */
export function runStarts(aux: Buf, off: number, n: number, equalNan: boolean, mask: Uint8Array): void {
  if (n === 0) return;
  mask[0] = 1;
  const last = aux[off + n - 1]!;
  const firstNaN = equalNan && last !== last ? countLeadingNumbers(aux, off, n) : n;
  for (let i = 1; i < firstNaN; i++) mask[i] = aux[off + i] !== aux[off + i - 1] ? 1 : 0;
  if (firstNaN < n) {
    mask[firstNaN] = 1;
    for (let i = firstNaN + 1; i < n; i++) mask[i] = 0;
  }
}

/**
 * NumPy's `binsearch` (no sorter) and `argbinsearch` (with one): for each of the `count`
 * keys `keys[0..count)` writes into `out` the insertion point in the haystack `a` (`n`
 * elements from `aOff` stepping `aStep`, visited through `sorter` when given): the first
 * position whose element is not before the key (`right`: not before-or-equal), with NaN
 * sorting last. Each search starts from the previous one's bounds, as NumPy's does.
 * Returns false (and stops) when a visited sorter entry is outside `[0, n)`.
 */
export function binarySearch(
  a: Buf,
  aOff: number,
  aStep: number,
  n: number,
  keys: Buf,
  count: number,
  out: Buf,
  right: boolean,
  sorter: Buf | null,
  sOff: number,
  sStep: number,
): boolean {
  if (count === 0) return true;
  // "x goes left of the key": left side x < key, right side x <= key, in NaN-last order
  // (a NaN key: left, every number; right, everything)
  const cmp = (x: number, key: number): boolean => (key !== key ? right || x === x : right ? x <= key : x < key);
  let minIdx = 0;
  let maxIdx = n;
  let lastKey = keys[0]!;
  for (let t = 0; t < count; t++) {
    const key = keys[t]!;
    if (cmp(lastKey, key)) maxIdx = n;
    else {
      minIdx = 0;
      maxIdx = maxIdx < n ? maxIdx + 1 : n;
    }
    lastKey = key;
    const keyNaN = key !== key;
    if (sorter === null) {
      while (minIdx < maxIdx) {
        const mid = minIdx + ((maxIdx - minIdx) >> 1);
        const x = a[aOff + mid * aStep]!;
        if (keyNaN ? right || x === x : right ? x <= key : x < key) minIdx = mid + 1;
        else maxIdx = mid;
      }
    } else {
      while (minIdx < maxIdx) {
        const mid = minIdx + ((maxIdx - minIdx) >> 1);
        const pos = Number(sorter[sOff + mid * sStep]!);
        if (!(pos >= 0 && pos < n)) return false;
        const x = a[aOff + pos * aStep]!;
        if (keyNaN ? right || x === x : right ? x <= key : x < key) minIdx = mid + 1;
        else maxIdx = mid;
      }
    }
    out[t] = minIdx;
  }
  return true;
}

/**
 * Appends to `out` the positions of the nonzero elements over operands (position, a): the
 * position operand has no buffer, only C-order strides, so its pointer is the C-order flat
 * index and, coming first, it makes the driver walk in C order. NaN counts as nonzero;
 * `zero` is `0` for number buffers and `0n` for bigint ones. `state.count` counts writes.
 */
export function nonzeroKernel(out: Buf, a: Buf, zero: number, state: { count: number }): InnerKernel {
  return (n, p, s) => {
    let ip = p[0]!;
    let ia = p[1]!;
    const sp = s[0]!;
    const sa = s[1]!;
    let k = state.count;
    for (let i = 0; i < n; i++, ip += sp, ia += sa) {
      if (a[ia] !== zero) out[k++] = ip;
    }
    state.count = k;
  };
}

/**
 * `np.partition` of each row in place: for every rank in `kths` (ascending, distinct,
 * within the row) the element of that rank lands there, no larger element before it and no
 * smaller after it; NaNs (with `hasNaN`, float rows) count as the largest values.
 */
export function partitionRows(data: TypedArray, offset: number, rows: number, n: number, kths: readonly number[], hasNaN: boolean): void {
  const buf = data as unknown as Buf;
  for (let r = 0, o = offset; r < rows; r++, o += n) {
    const cnt = hasNaN ? partitionNaNs(buf, o, o + n) : n;
    let lo = o;
    for (const k of kths) {
      if (k >= cnt) break; // NaN region: every NaN is in place
      selectRank(data, lo, o + cnt, o + k);
      lo = o + k + 1;
    }
  }
}

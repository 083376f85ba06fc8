/**
 * `np.histogram` (API.md "Porting essentials"), computed as NumPy 2's
 * `numpy/lib/_histograms_impl.py` does so the counts agree bin for bin:
 *
 * - Equal bins (`bins` a count): the outer edges come from `range` or the data's min and
 *   max (widened by 0.5 each way when equal), the edges from `linspace` in the bin dtype
 *   (float32 for float32 data, else float64), and each value's bin from NumPy's formula
 *   `trunc((x - first) / (last - first) * n)`, evaluated in the dtypes NumPy's NEP 50 rules
 *   give (float32 arithmetic for float32 data without a `range`), then corrected by one
 *   against the computed edges. Weights are summed per block of 65536 values in float64
 *   (NumPy's `bincount`) and added into the weights' dtype.
 * - Given edges: a value counts in bin i when `edges[i] <= x < edges[i+1]` (the last bin
 *   closed), NaN sorting last as in NumPy's `searchsorted`; weighted, the cumulative sums
 *   of the weights in value order are differenced, as NumPy does.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, type DType } from '../dtype/dtypes.js';
import { DTypeError, ValueError, outputCastError } from '../errors.js';
import { asarray, isScalar, type ArrayLike } from './convert.js';
import { copyOf, emptyArray } from './assign.js';
import { flatten } from './shape.js';
import { linspace } from './ranges.js';
import { argsort } from './sorting.js';
import { sum } from './reductions.js';
import { isOptions } from './creation-args.js';
import { float64Values, isIntegerDType, numpyScalarFormat, pyNumberStr, type Elements } from './porting-args.js';

/** Options of {@link histogram}. */
export interface HistogramOptions {
  /** A number of equal-width bins (default 10), or the bin edges (increasing). */
  bins?: number | ArrayLike;
  /** `[lower, upper]` of the equal-width bins; values outside are ignored (default: the data's min and max). */
  range?: readonly [number, number] | null;
  /** Return the probability density (each bin's count over the total and its width) instead of counts. */
  density?: boolean | null;
  /** A weight per value, of `a`'s shape: bins sum the weights (in the weights' dtype). */
  weights?: ArrayLike | null;
}

/** NumPy's block size: weights are summed per block in float64 before being added up. */
const BLOCK = 65536;

/** One outer edge: a JS number standing for a Python int or float, or a NumPy scalar of a dtype. */
interface Edge {
  value: number;
  /** `null` for a Python number (a weak scalar), else the NumPy scalar's dtype. */
  dtype: DType | null;
}

/** NumPy's `_get_outer_edges`: from `range`, else from the data, widened when equal. */
function outerEdges(x: NDArray, vals: Float64Array, range: readonly [number, number] | null | undefined): [Edge, Edge] {
  let first: Edge;
  let last: Edge;
  if (range !== null && range !== undefined) {
    if (range.length !== 2) {
      throw new ValueError(range.length > 2 ? 'too many values to unpack (expected 2)' : `not enough values to unpack (expected 2, got ${range.length})`);
    }
    const [r0, r1] = range as readonly number[];
    if (r0! > r1!) throw new ValueError('max must be larger than min in range parameter.');
    if (!Number.isFinite(r0) || !Number.isFinite(r1)) {
      throw new ValueError(`supplied range of [${pyNumberStr(r0!)}, ${pyNumberStr(r1!)}] is not finite`);
    }
    first = { value: r0!, dtype: null };
    last = { value: r1!, dtype: null };
  } else if (vals.length === 0) {
    first = { value: 0, dtype: null };
    last = { value: 1, dtype: null };
  } else {
    let lo = vals[0]!;
    let hi = vals[0]!;
    for (let i = 1; i < vals.length; i++) {
      const v = vals[i]!;
      if (v < lo || Number.isNaN(v)) lo = Number.isNaN(lo) ? lo : v;
      if (v > hi || Number.isNaN(v)) hi = Number.isNaN(hi) ? hi : v;
    }
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
      throw new ValueError(`autodetected range of [${numpyScalarFormat(lo, x.dtype)}, ${numpyScalarFormat(hi, x.dtype)}] is not finite`);
    }
    first = { value: lo, dtype: x.dtype };
    last = { value: hi, dtype: x.dtype };
  }
  if (first.value === last.value) {
    // a Python number or an integer scalar minus 0.5 is a float64 value; a float32 scalar stays float32
    const f32 = first.dtype === 'float32';
    const dt: DType | null = first.dtype === null ? null : f32 ? 'float32' : 'float64';
    const round = f32 ? Math.fround : (v: number) => v;
    first = { value: round(first.value - 0.5), dtype: dt };
    last = { value: round(last.value + 0.5), dtype: dt };
  }
  return [first, last];
}

/** An outer edge as linspace's start/stop: a 0-d array for a NumPy scalar, a number for a Python one. */
function edgeArg(e: Edge): number | NDArray {
  if (e.dtype === null) return e.value;
  const a = emptyArray([], e.dtype);
  (a.data as unknown as Elements)[0] = DTYPES[e.dtype].bigint ? BigInt(e.value) : e.value;
  return a;
}

/** The bins' counts or weight sums, as NumPy accumulates them in the weights' dtype. */
class Accumulator {
  readonly out: NDArray;
  readonly #data: Elements;
  readonly #dtype: DType;

  constructor(n: number, dtype: DType) {
    this.#dtype = dtype;
    this.out = emptyArray([n], dtype);
    this.#data = this.out.data as unknown as Elements;
  }

  /** `n[i] += v` in the accumulator's dtype, `v` a float64 (weights) or integer (counts) total. */
  add(i: number, v: number): void {
    const d = this.#data;
    const dt = this.#dtype;
    if (dt === 'float64') d[i] = (d[i] as number) + v;
    else if (dt === 'float32') d[i] = Math.fround((d[i] as number) + Math.fround(v));
    else if (dt === 'bool') d[i] = (d[i] as number) || (v !== 0 ? 1 : 0);
    else if (DTYPES[dt].bigint) d[i] = (d[i] as bigint) + BigInt(Number.isFinite(v) ? Math.trunc(v) : 0);
    // integers: the float64 total cast to the dtype (truncation), then a wrapping add
    else d[i] = (d[i] as number) + Math.trunc(v);
  }
}

/** Per-value bin index of the equal-width path, exactly as NumPy computes it; -2 for values outside. */
function equalBinIndices(vals: Float64Array, x: NDArray, first: Edge, last: Edge, n: number, edges: Float64Array | Float32Array): Int32Array {
  const binF32 = edges instanceof Float32Array;
  const xf32 = x.dtype === 'float32';
  // comparisons with a Python float happen in float32 for float32 data (NEP 50)
  const lo = xf32 && first.dtype === null ? Math.fround(first.value) : first.value;
  const hi = xf32 && last.dtype === null ? Math.fround(last.value) : last.value;
  // `_unsigned_subtract(last, first)`: float32 when both are float32 scalars, else float64 or an exact unsigned integer
  const denomF32 = first.dtype === 'float32' && last.dtype === 'float32';
  const denom = denomF32 ? Math.fround(last.value - first.value) : last.value - first.value;
  const firstInBin = binF32 ? Math.fround(first.value) : first.value;
  const out = new Int32Array(vals.length);
  for (let k = 0; k < vals.length; k++) {
    const v = vals[k]!;
    if (!(v >= lo && v <= hi)) {
      out[k] = -2;
      continue;
    }
    const t = binF32 ? Math.fround(v) : v;
    let f: number;
    if (binF32) {
      const diff = Math.fround(t - firstInBin);
      f = denomF32 ? Math.fround(Math.fround(diff / denom) * n) : (diff / denom) * n;
    } else f = ((t - first.value) / denom) * n;
    let i = Math.trunc(f);
    if (i === n) i -= 1;
    // NumPy indexes with possibly negative indices here (wrapping); the corrections then match
    if (t < edges[i < 0 ? i + n + 1 : i]!) i -= 1;
    if (t >= edges[i + 1 < 0 ? i + 1 + n + 1 : i + 1]! && i !== n - 1) i += 1;
    out[k] = i;
  }
  return out;
}

/** NumPy's sort order: NaN after everything, so `lt(x, NaN)` holds for every number x. */
function lt(a: number, b: number): boolean {
  return a < b || (b !== b && a === a);
}

/** The equal-width path (`uniform_bins` in NumPy). */
function equalWidth(x: NDArray, vals: Float64Array, w: Float64Array | null, ntype: DType, first: Edge, last: Edge, n: number, edges: Float64Array | Float32Array): NDArray {
  const idx = equalBinIndices(vals, x, first, last, n, edges);
  const acc = new Accumulator(n, ntype);
  if (w === null) {
    const counts = new Float64Array(n);
    for (let k = 0; k < idx.length; k++) if (idx[k]! >= 0) counts[idx[k]!]! += 1;
    for (let i = 0; i < n; i++) if (counts[i] !== 0) acc.add(i, counts[i]!);
    return acc.out;
  }
  for (let start = 0; start < idx.length; start += BLOCK) {
    const sums = new Float64Array(n);
    const end = Math.min(start + BLOCK, idx.length);
    for (let k = start; k < end; k++) if (idx[k]! >= 0) sums[idx[k]!] += w[k]!;
    for (let i = 0; i < n; i++) acc.add(i, sums[i]!);
  }
  return acc.out;
}

/** The number of leading elements of `sorted` (ascending, NaN last) for which `pred` holds (a prefix). */
function prefixCount(n: number, pred: (k: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Positions in value order (NaN last) up to each edge: `searchsorted(sorted, edges[:-1],
 * 'left')` then `searchsorted(sorted, edges[-1:], 'right')` (NumPy's
 * `_search_sorted_inclusive`).
 */
function edgePositions(n: number, at: (k: number) => number, edges: Float64Array): Int32Array {
  const ne = edges.length;
  const pos = new Int32Array(ne);
  for (let j = 0; j < ne; j++) {
    const e = edges[j]!;
    pos[j] = j < ne - 1 ? prefixCount(n, (k) => lt(at(k), e)) : prefixCount(n, (k) => !lt(e, at(k)));
  }
  return pos;
}

/** The given-edges path: cumulative counts (or weight sums) at each edge, differenced. */
function givenEdges(vals: Float64Array, w: Float64Array | null, ntype: DType, edges: Float64Array): NDArray {
  const ne = edges.length;
  const nb = Math.max(ne - 1, 0);
  if (w === null) {
    // counts are additive: one sort of all values instead of NumPy's blocks
    const sorted = vals.slice().sort(); // TypedArray sort: numeric, NaN last
    const pos = edgePositions(sorted.length, (k) => sorted[k]!, edges);
    const acc = new Accumulator(nb, ntype);
    for (let i = 0; i < nb; i++) acc.add(i, pos[i + 1]! - pos[i]!);
    return acc.out;
  }
  if (ntype === 'bool') throw outputCastError('add', 'int64', 'bool');
  // weights: per block, the cumulative sums of the weights in value order (stable order for
  // ties; NumPy's quicksort may order equal values differently, which can move the last bit)
  const f32 = ntype === 'float32';
  const isFloat = DTYPES[ntype].kind === 'f';
  const round = f32 ? Math.fround : (v: number) => v;
  const cumN = new Float64Array(ne);
  for (let start = 0; start < vals.length; start += BLOCK) {
    const end = Math.min(start + BLOCK, vals.length);
    const block = vals.subarray(start, end);
    const order = argsort(block).data as Int32Array;
    const cw = new Float64Array(block.length + 1);
    for (let k = 0; k < block.length; k++) cw[k + 1] = round(cw[k]! + w[start + order[k]!]!);
    const pos = edgePositions(block.length, (k) => block[order[k]!]!, edges);
    for (let j = 0; j < ne; j++) cumN[j] = round(cumN[j]! + cw[pos[j]!]!);
  }
  const out = emptyArray([nb], ntype);
  const d = out.data as unknown as Elements;
  for (let i = 0; i < nb; i++) {
    const v = round(cumN[i + 1]! - cumN[i]!);
    d[i] = DTYPES[ntype].bigint ? BigInt(Math.trunc(v)) : isFloat ? v : Math.trunc(v);
  }
  return out;
}

/** `n / db / n.sum()`: the density, float64. */
function densityOf(hist: NDArray, edges: NDArray): NDArray {
  const n = float64Values(hist);
  // np.diff in the edges' dtype, then float64
  const e = edges.dtype === 'float32' ? (copyOf(edges).data as Float32Array) : float64Values(edges);
  const total = Number(sum(hist) as number | bigint);
  const out = emptyArray([n.length], 'float64');
  const d = out.data as Float64Array;
  const f32 = edges.dtype === 'float32';
  for (let i = 0; i < n.length; i++) {
    const db = f32 ? Math.fround(e[i + 1]! - e[i]!) : e[i + 1]! - e[i]!;
    d[i] = n[i]! / db / total;
  }
  return out;
}

/**
 * The histogram of the values of `a` (flattened), as `np.histogram`: returns `[hist,
 * binEdges]` (a JS array, as NumPy's plain tuple). `bins` is a number of equal-width bins
 * over `range` (default: the data's min and max; values outside are ignored; default 10
 * bins), or the bin edges themselves (returned as given). Each bin is half-open,
 * `[edge_i, edge_{i+1})`, except the last, which includes its right edge. Counts are int32
 * (NumPy: int64); with `weights` the bins hold the weights' sums in the weights' dtype;
 * `density` gives float64 densities that integrate to 1 over the range. Bool data is
 * counted as uint8, as NumPy does (NumPy also warns). NumPy's automatic bin-count
 * estimators (`bins: 'auto'`, ...) are not implemented.
 *
 * @example
 * const [hist, edges] = np.histogram([1, 2, 1], { bins: [0, 1, 2, 3] });
 * hist.tolist(); // [0, 2, 1]
 * np.histogram(np.arange(4), 2)[0].tolist(); // [2, 2]
 * np.histogram([1, 2, 2, 3], 3, { density: true })[0].tolist(); // about [0.375, 0.75, 0.375]
 */
export function histogram(a: ArrayLike, bins?: number | ArrayLike | HistogramOptions, options?: HistogramOptions): [NDArray, NDArray] {
  const opts: HistogramOptions = isOptions(bins) ? (bins as HistogramOptions) : { ...options, bins: (bins as number | ArrayLike | undefined) ?? options?.bins };
  let x = asarray(a);
  if (x.dtype === 'bool') x = copyOf(x, 'uint8');
  let w: NDArray | null = null;
  if (opts.weights !== undefined && opts.weights !== null) {
    w = asarray(opts.weights);
    if (w.ndim !== x.ndim || w.shape.some((d, i) => d !== x.shape[i])) throw new ValueError('weights should have the same shape as a.');
    w = flatten(w);
  }
  x = flatten(x);
  const ntype: DType = w === null ? 'int32' : w.dtype;
  const wv = w === null ? null : float64Values(w);
  const vals = float64Values(x);
  const b = opts.bins ?? 10;
  if (typeof b === 'string') throw new ValueError(`'${b}' is not a valid estimator for \`bins\``);
  const bArr = isScalar(b) ? null : asarray(b);
  let hist: NDArray;
  let edges: NDArray;
  if (bArr === null || bArr.ndim === 0) {
    let n: number;
    if (typeof b === 'boolean') n = +b;
    else if (typeof b === 'number' && Number.isInteger(b)) n = b;
    else if (bArr !== null && (isIntegerDType(bArr.dtype) || bArr.dtype === 'bool')) n = Number(bArr.item());
    else throw new DTypeError('`bins` must be an integer, a string, or an array');
    if (n < 1) throw new ValueError('`bins` must be positive, when an integer');
    const [first, last] = outerEdges(x, vals, opts.range);
    const binType: DType = x.dtype === 'float32' ? 'float32' : 'float64';
    edges = linspace(edgeArg(first), edgeArg(last), n + 1, { dtype: binType });
    const e = edges.data as Float64Array | Float32Array;
    for (let i = 0; i < n; i++) {
      if (!(e[i]! < e[i + 1]!)) throw new ValueError(`Too many bins for data range. Cannot create ${n} finite-sized bins.`);
    }
    hist = equalWidth(x, vals, wv, ntype, first, last, n, e);
  } else {
    if (bArr.ndim !== 1) throw new ValueError('`bins` must be 1d, when an array');
    edges = bArr;
    const e = float64Values(bArr);
    for (let i = 0; i + 1 < e.length; i++) {
      if (e[i]! > e[i + 1]!) throw new ValueError('`bins` must increase monotonically, when an array');
    }
    hist = givenEdges(vals, wv, ntype, e);
  }
  if (opts.density === true) return [densityOf(hist, edges), edges];
  return [hist, edges];
}

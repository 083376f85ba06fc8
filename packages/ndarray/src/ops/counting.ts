/**
 * Counting and binning (API.md "Porting essentials"): `bincount` and `digitize`.
 * `histogram` lives in histogram.ts.
 *
 * `bincount` reads its indices once to find the largest, then counts in one pass (weights
 * are summed in float64 in index order, as NumPy). `digitize` is NumPy's: a monotonicity
 * check of the bins in float64 (`check_array_monotonic`) and `searchsorted` on the bins, or
 * on the reversed bins for decreasing ones.
 */
import { NDArray } from '../ndarray.js';
import { DTypeError, ValueError, arrayCastError } from '../errors.js';
import { asarray, isScalar, type ArrayLike, type Scalar } from './convert.js';
import { emptyArray } from './assign.js';
import { get } from './indexing.js';
import { searchsorted } from './searching.js';
import { float64Values, indexArg, isIntegerDType, oneD } from './porting-args.js';

/** Options of {@link bincount}. */
export interface BincountOptions {
  /** A weight per element of `x`: the result sums the weights (float64) instead of counting. */
  weights?: ArrayLike | null;
  /** The result has at least this many bins (default 0). */
  minlength?: number;
}

/**
 * The non-negative integers of `x` as float64 values (exact for every count that fits in
 * memory), with NumPy's conversion rules: bool and integer arrays are accepted, float
 * arrays throw `Cannot cast array data from dtype('float64') to dtype('int64') according to
 * the rule 'safe'`, an empty JS list is an empty index list.
 */
function bincountIndices(x: ArrayLike): Float64Array {
  if (Array.isArray(x) && x.length === 0) return new Float64Array(0);
  const arr = oneD(x, 'sequence');
  if (!isIntegerDType(arr.dtype) && arr.dtype !== 'bool') throw arrayCastError(arr.dtype, 'int64', 'safe');
  return float64Values(arr);
}

/**
 * Counts the occurrences of each non-negative integer in the 1-d array `x`
 * (`np.bincount`): `result[i]` is the number of times `i` occurs, or with `weights` the
 * sum of the weights of the elements equal to `i`. The result has `max(x) + 1` bins, at
 * least `minlength`. Counts are int32 (NumPy: int64, API.md's index rule); weighted sums are
 * float64. A float array throws NumPy's casting `DTypeError`; NumPy 2.4 still accepts (with
 * a deprecation warning) a JS-style list of non-integral numbers, numbat refuses it as
 * NumPy's future versions will.
 *
 * @example
 * np.bincount([0, 1, 1, 3]).tolist(); // [1, 2, 0, 1]
 * np.bincount([0, 1, 1], { weights: [0.5, 1, 2] }).tolist(); // [0.5, 3]
 * np.bincount([1], { minlength: 4 }).tolist(); // [0, 1, 0, 0]
 */
export function bincount(x: ArrayLike, options: BincountOptions = {}): NDArray {
  const { weights = null } = options;
  if (options.minlength === null) throw new DTypeError('use 0 instead of None for minlength');
  const minlength = indexArg(options.minlength ?? 0);
  const idx = bincountIndices(x);
  if (minlength < 0) throw new ValueError("'minlength' must not be negative");
  // NumPy returns the (integer) zeros at once for an empty list, weights or not
  if (idx.length === 0) return emptyArray([minlength], 'int32');
  let max = -1;
  for (let i = 0; i < idx.length; i++) {
    const v = idx[i]!;
    if (v < 0) throw new ValueError("'list' argument must have no negative elements");
    if (v > max) max = v;
  }
  const nbins = Math.max(max + 1, minlength);
  if (weights === null) {
    const out = emptyArray([nbins], 'int32');
    const counts = out.data as Int32Array;
    for (let i = 0; i < idx.length; i++) counts[idx[i]!]!++;
    return out;
  }
  const w = float64Values(oneD(weights, 'sequence'));
  if (w.length !== idx.length) throw new ValueError("The weights and list don't have the same length.");
  const out = emptyArray([nbins], 'float64');
  const sums = out.data as Float64Array;
  for (let i = 0; i < idx.length; i++) sums[idx[i]!] += w[i]!;
  return out;
}

/**
 * NumPy's `check_array_monotonic` on float64 bin edges: 1 increasing (or all equal, or
 * empty), -1 decreasing, 0 neither. Comparisons with NaN are false, so where a NaN sits
 * decides the answer exactly as in NumPy.
 */
function monotonicity(a: Float64Array): number {
  const n = a.length;
  if (n === 0) return 1;
  let last = a[0]!;
  let i = 1;
  while (i < n && a[i] === last) i++;
  if (i === n) return 1;
  let next = a[i]!;
  if (last < next) {
    for (i += 1; i < n; i++) {
      last = next;
      next = a[i]!;
      if (last > next) return 0;
    }
    return 1;
  }
  // not increasing (a NaN at the start of the run counts as decreasing, as in NumPy)
  for (i += 1; i < n; i++) {
    last = next;
    next = a[i]!;
    if (last < next) return 0;
  }
  return -1;
}

/** Options of {@link digitize}. */
export interface DigitizeOptions {
  /** `true`: bins include their right edge (`bins[i-1] < x <= bins[i]`); default `false`. */
  right?: boolean;
}

/**
 * The index of the bin each value of `x` falls in (`np.digitize`): for increasing `bins`,
 * `i` such that `bins[i-1] <= x < bins[i]` (`bins[i-1] < x <= bins[i]` with `right`), 0
 * below the first edge and `len(bins)` above the last; decreasing bins mirror this. Values
 * compare in the promoted dtype of `x` and `bins` (NumPy's `searchsorted`). A JS scalar `x`
 * gives a JS number; arrays give an int32 array of `x`'s shape (NumPy: int64, and a scalar
 * for a 0-d array, where numbat returns a 0-d array).
 *
 * @example
 * np.digitize([0.2, 6.4, 3.0, 1.6], [0, 1, 2.5, 4, 10]).tolist(); // [1, 4, 3, 2]
 * np.digitize(4, [1, 2, 4], true); // 2
 * np.digitize([1, 5], [4, 2, 0]).tolist(); // [2, 0]
 */
export function digitize(x: Scalar, bins: ArrayLike, right?: boolean | DigitizeOptions): number;
export function digitize(x: ArrayLike, bins: ArrayLike, right?: boolean | DigitizeOptions): NDArray;
export function digitize(x: ArrayLike, bins: ArrayLike, right: boolean | DigitizeOptions = false): number | NDArray {
  const r = typeof right === 'object' && right !== null ? right.right === true : right === true;
  const xs = asarray(x);
  const b = asarray(bins);
  const mono = monotonicity(float64Values(oneD(b)));
  if (mono === 0) throw new ValueError('bins must be monotonically increasing or decreasing');
  const side = r ? 'left' : 'right';
  const keys: ArrayLike = isScalar(x) ? x : xs;
  if (mono === 1) return searchsorted(b, keys, { side });
  const found = searchsorted(get(b, '::-1'), keys, { side });
  const n = b.size;
  if (typeof found === 'number') return n - found;
  const out = emptyArray(found.shape, 'int32');
  const src = found.data as Int32Array;
  const dst = out.data as Int32Array;
  for (let i = 0; i < dst.length; i++) dst[i] = n - src[i]!;
  return out;
}


/**
 * `np.interp` (API.md "Porting essentials"): NumPy's `arr_interp` (compiled_base.c) step
 * for step, so results agree bit for bit, for unsorted or repeated sample points too:
 * the sample points are searched with NumPy's `binary_search_with_guess` (the previous
 * answer is the guess), slopes are precomputed when there are no more of them than query
 * points, and a NaN from an infinite slope is retried from the other end of the interval.
 */
import { NDArray } from '../ndarray.js';
import { ValueError } from '../errors.js';
import { asarray, isScalar, type ArrayLike, type Scalar } from './convert.js';
import { emptyArray } from './assign.js';
import { argsort } from './sorting.js';
import { float64Values, oneD } from './porting-args.js';

/** Options of {@link interp}. */
export interface InterpOptions {
  /** Value for `x < xp[0]` (default `fp[0]`). */
  left?: number | null;
  /** Value for `x > xp[-1]` (default `fp[-1]`). */
  right?: number | null;
  /** Period of the x-coordinates: `xp` is normalised and sorted modulo it; `left`/`right` are ignored. */
  period?: number | null;
}

/** Cache-friendly window of `binary_search_with_guess`. */
const LIKELY_IN_CACHE_SIZE = 8;

/**
 * NumPy's `binary_search_with_guess`: the index `j` with `arr[j] <= key < arr[j+1]`, -1
 * below `arr[0]`, `len` above `arr[len-1]`, trying the neighbourhood of `guess` first.
 */
function searchWithGuess(key: number, arr: Float64Array, len: number, guess0: number): number {
  let imin = 0;
  let imax = len;
  if (key > arr[len - 1]!) return len;
  if (key < arr[0]!) return -1;
  if (len <= 4) {
    let i = 1;
    while (i < len && key >= arr[i]!) i++;
    return i - 1;
  }
  let guess = guess0;
  if (guess > len - 3) guess = len - 3;
  if (guess < 1) guess = 1;
  if (key < arr[guess]!) {
    if (key < arr[guess - 1]!) {
      imax = guess - 1;
      if (guess > LIKELY_IN_CACHE_SIZE && key >= arr[guess - LIKELY_IN_CACHE_SIZE]!) imin = guess - LIKELY_IN_CACHE_SIZE;
    } else return guess - 1;
  } else if (key < arr[guess + 1]!) return guess;
  else if (key < arr[guess + 2]!) return guess + 1;
  else {
    imin = guess + 2;
    if (guess < len - LIKELY_IN_CACHE_SIZE - 1 && key < arr[guess + LIKELY_IN_CACHE_SIZE]!) imax = guess + LIKELY_IN_CACHE_SIZE;
  }
  while (imin < imax) {
    const imid = imin + ((imax - imin) >> 1);
    if (key >= arr[imid]!) imin = imid + 1;
    else imax = imid;
  }
  return imin - 1;
}

/** NumPy's `arr_interp` on float64 buffers. */
function interpCore(dz: Float64Array, dx: Float64Array, dy: Float64Array, left: number | null, right: number | null, res: Float64Array): void {
  const lenxp = dx.length;
  if (lenxp === 0) throw new ValueError('array of sample points is empty');
  if (dy.length !== lenxp) throw new ValueError('fp and xp are not of the same length.');
  const lval = left ?? dy[0]!;
  const rval = right ?? dy[lenxp - 1]!;
  const lenx = dz.length;
  if (lenxp === 1) {
    const xv = dx[0]!;
    const fv = dy[0]!;
    for (let i = 0; i < lenx; i++) {
      const x = dz[i]!;
      res[i] = x < xv ? lval : x > xv ? rval : fv;
    }
    return;
  }
  let slopes: Float64Array | null = null;
  if (lenxp <= lenx) {
    slopes = new Float64Array(lenxp - 1);
    for (let i = 0; i < lenxp - 1; i++) slopes[i] = (dy[i + 1]! - dy[i]!) / (dx[i + 1]! - dx[i]!);
  }
  let j = 0;
  for (let i = 0; i < lenx; i++) {
    const x = dz[i]!;
    if (Number.isNaN(x)) {
      res[i] = x;
      continue;
    }
    j = searchWithGuess(x, dx, lenxp, j);
    if (j === -1) res[i] = lval;
    else if (j === lenxp) res[i] = rval;
    else if (j === lenxp - 1) res[i] = dy[j]!;
    else if (dx[j] === x) res[i] = dy[j]!; // avoids a non-finite interpolation
    else {
      const slope = slopes !== null ? slopes[j]! : (dy[j + 1]! - dy[j]!) / (dx[j + 1]! - dx[j]!);
      let r = slope * (x - dx[j]!) + dy[j]!;
      if (Number.isNaN(r)) {
        // a NaN in one direction: try the other
        r = slope * (x - dx[j + 1]!) + dy[j + 1]!;
        if (Number.isNaN(r) && dy[j] === dy[j + 1]) r = dy[j]!;
      }
      res[i] = r;
    }
  }
}

/** Python's float `%` (np.remainder on float64): the result has the divisor's sign. */
function pyMod(a: number, b: number): number {
  if (b === 0) return NaN;
  let m = a % b;
  if (m !== 0) {
    if (b < 0 !== m < 0) m += b;
  } else m = b < 0 ? -0 : 0;
  return m;
}

/**
 * One-dimensional piecewise-linear interpolation (`np.interp`): for each `x`, the value on
 * the polyline through the points `(xp[i], fp[i])`; `xp` must be increasing (not checked,
 * as in NumPy). Below `xp[0]` the result is `left` (default `fp[0]`), above `xp[-1]`
 * `right` (default `fp[-1]`). With `period`, the x-coordinates are taken modulo the period
 * and `left`/`right` are ignored. Computes in float64. A JS scalar `x` gives a JS number;
 * arrays give a float64 array of `x`'s shape (NumPy returns a scalar for a 0-d array,
 * numbat a 0-d array). With `period`, tied sample points after the modulo are ordered
 * stably (NumPy's unstable argsort may pick either order).
 *
 * @example
 * np.interp(2.5, [1, 2, 3], [3, 2, 0]); // 1
 * np.interp([0, 1.5, 5], [1, 2, 3], [3, 2, 0]).tolist(); // [3, 2.5, 0]
 * np.interp([-180, 190], [-170, 170], [1, 3], { period: 360 }).tolist(); // [2, 1]
 */
export function interp(x: Scalar, xp: ArrayLike, fp: ArrayLike, options?: InterpOptions): number;
export function interp(x: ArrayLike, xp: ArrayLike, fp: ArrayLike, options?: InterpOptions): NDArray;
export function interp(x: ArrayLike, xp: ArrayLike, fp: ArrayLike, options: InterpOptions = {}): number | NDArray {
  const { period = null } = options;
  let left = options.left ?? null;
  let right = options.right ?? null;
  const xa = asarray(x);
  let dz = float64Values(xa);
  let dx: Float64Array;
  let dy: Float64Array;
  if (period !== null) {
    if (period === 0) throw new ValueError('period must be a non-zero value');
    const p = Math.abs(period);
    left = null;
    right = null;
    const xpa = asarray(xp);
    const fpa = asarray(fp);
    if (xpa.ndim !== 1 || fpa.ndim !== 1) throw new ValueError('Data points must be 1-D sequences');
    if (xpa.shape[0] !== fpa.shape[0]) throw new ValueError('fp and xp are not of the same length');
    dz = dz.map((v) => pyMod(v, p));
    const xm = float64Values(xpa).map((v) => pyMod(v, p));
    const fv = float64Values(fpa);
    const order = argsort(xm).data as Int32Array;
    const n = xm.length;
    dx = new Float64Array(n + 2);
    dy = new Float64Array(n + 2);
    for (let i = 0; i < n; i++) {
      dx[i + 1] = xm[order[i]!]!;
      dy[i + 1] = fv[order[i]!]!;
    }
    if (n > 0) {
      dx[0] = dx[n]! - p;
      dy[0] = dy[n]!;
      dx[n + 1] = dx[1]! + p;
      dy[n + 1] = dy[1]!;
    } else {
      dx = new Float64Array(0);
      dy = new Float64Array(0);
    }
  } else {
    dy = float64Values(oneD(fp));
    dx = float64Values(oneD(xp));
  }
  const out = emptyArray(xa.shape, 'float64');
  interpCore(dz, dx, dy, left, right, out.data as Float64Array);
  return isScalar(x) ? (out.data as Float64Array)[0]! : out;
}

/**
 * SVD-based solvers: `pinv`, `matrixRank` and `lstsq`. `pinv` and `matrixRank` follow
 * NumPy's Python code line by line on top of the batched SVD and numbat's ufuncs and
 * reductions (so their thresholds broadcast and compare in NumPy's dtypes); `lstsq`
 * follows LAPACK's `gelsd` (minimum-norm solution through the SVD, rank by `rcond`).
 */
import { NDArray } from '../ndarray.js';
import { LinAlgError, ValueError } from '../errors.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { asDType, emptyArray } from '../ops/assign.js';
import { expandDims, swapaxes } from '../ops/shape.js';
import { max, countNonzero, all } from '../ops/reductions.js';
import { where } from '../ops/elementwise.js';
import { matmul } from '../ops/matmul.js';
import { multiply, divide } from '../ufunc/arithmetic.js';
import { equal, greater } from '../ufunc/compare-logic.js';
import { batchedSvd, hermitianSvd } from './svd.js';
import { assertStacked2d, dimsError, linalgType, readMatrix, stackOf } from './stack.js';

/** Machine epsilon of float64 and float32 (`np.finfo(dtype).eps`). */
function epsOf(dtype: string): number {
  return dtype === 'float32' ? 2 ** -23 : 2 ** -52;
}

/** Options of {@link pinv}. */
export interface PinvOptions {
  /** Cutoff relative to the largest singular value (default 1e-15); may be an array broadcasting over the stack. */
  rcond?: number | ArrayLike | null;
  /** NumPy 2's name for the cutoff; `null` means `max(M, N) * eps`. Cannot be combined with `rcond`. */
  rtol?: number | ArrayLike | null;
  /** The input is symmetric (use the symmetric eigensolver). */
  hermitian?: boolean;
}

/**
 * The Moore–Penrose pseudo-inverse of each matrix of a stack (`np.linalg.pinv`), from the
 * SVD: singular values at most `rcond * S.max()` are treated as zero. Shape (..., N, M).
 * float32 stays float32 (computed in float64). As NumPy, an empty matrix gives an empty
 * result of the input's own dtype.
 *
 * @example
 * np.linalg.pinv([[1, 2], [2, 4]]).tolist(); // [[0.04, 0.08], [0.08, 0.16]] (to rounding)
 */
export function pinv(a: ArrayLike, options: PinvOptions = {}): NDArray {
  let rcond: number | ArrayLike;
  if (options.rcond === undefined || options.rcond === null) {
    const x0 = asarray(a);
    if (options.rtol === undefined) rcond = 1e-15;
    else if (options.rtol === null) rcond = Math.max(...x0.shape.slice(-2)) * epsOf(linalgType(x0));
    else rcond = options.rtol;
  } else if (options.rtol !== undefined) {
    throw new ValueError("`rtol` and `rcond` can't be both set.");
  } else rcond = options.rcond;
  const x = asarray(a);
  assertStacked2d(x);
  const m = x.shape[x.ndim - 2]!;
  const n = x.shape[x.ndim - 1]!;
  if (m === 0 || n === 0) return emptyArray([...x.shape.slice(0, -2), n, m], x.dtype);
  const { u, s, vh } = options.hermitian === true ? hermitianSvd(x, true, 'float64') : batchedSvd(x, 'reduced', 'float64');
  const cutoff = multiply(expandDims(asarray(rcond), -1), max(s, -1, { keepdims: true }));
  const inverse = where(greater(s, cutoff), divide(1, s), 0);
  const res = matmul(swapaxes(vh!, -1, -2), multiply(expandDims(inverse, -1), swapaxes(u!, -1, -2)));
  return asDType(res, linalgType(x));
}

/** Options of {@link matrixRank}. */
export interface MatrixRankOptions {
  /** Absolute threshold: singular values above it count (may broadcast over the stack). */
  tol?: number | ArrayLike | null;
  /** Relative threshold (times the largest singular value); default `max(M, N) * eps`. */
  rtol?: number | ArrayLike | null;
  /** The input is symmetric (use the symmetric eigensolver). */
  hermitian?: boolean;
}

/**
 * The rank of each matrix of a stack (`np.linalg.matrix_rank`): the number of singular
 * values above `tol`, by default `S.max() * max(M, N) * eps` (eps of the singular values'
 * dtype, so float32 input uses float32's eps). An int32 array of the batch shape (API.md:
 * counts are int32), 0-d for one matrix where NumPy returns an int. Below 2-d, as NumPy:
 * 1 unless every element is zero.
 *
 * @example
 * np.linalg.matrixRank([[1, 2], [2, 4]]).item(); // 1
 */
export function matrixRank(A: ArrayLike, options: MatrixRankOptions = {}): NDArray {
  const hasRtol = options.rtol !== undefined && options.rtol !== null;
  const hasTol = options.tol !== undefined && options.tol !== null;
  if (hasRtol && hasTol) throw new ValueError("`tol` and `rtol` can't be both set.");
  const x = asarray(A);
  if (x.ndim < 2) {
    const r = emptyArray([], 'int32');
    (r.data as Int32Array)[0] = all(equal(x, 0)) ? 0 : 1;
    return r;
  }
  const S = options.hermitian === true ? hermitianSvd(x, false, linalgType(x)).s : batchedSvd(x, 'none', linalgType(x)).s;
  let tol: NDArray;
  if (hasTol) tol = expandDims(asarray(options.tol as ArrayLike), -1);
  else {
    const rtol: number | NDArray = hasRtol
      ? expandDims(asarray(options.rtol as ArrayLike), -1)
      : Math.max(...x.shape.slice(-2)) * epsOf(S.dtype);
    tol = multiply(max(S, -1, { keepdims: true, initial: 0 }), rtol);
  }
  return countNonzero(greater(S, tol), -1);
}

/** Options of {@link lstsq}. */
export interface LstsqOptions {
  /**
   * Singular values at most `rcond * S[0]` are treated as zero. Default (`null`):
   * `eps * max(M, N)`; a value that is not in (0, 1) means machine precision (LAPACK's rule).
   */
  rcond?: number | null;
}

/** The result of {@link lstsq}: `[x, residuals, rank, s]`, as NumPy's tuple. */
export type LstsqResult = [NDArray, NDArray, number, NDArray];

/**
 * The least-squares solution of `a x = b` (`np.linalg.lstsq`), the minimum-norm one when
 * `a` is rank-deficient, through the SVD (as LAPACK's `gelsd`). `a` is (M, N); `b` is (M,)
 * or (M, K). Returns `[x, residuals, rank, s]`: x (N,) or (N, K); residuals the squared
 * 2-norm of `b - a x` per column, shape (K,) (or (1,) for a 1-d b), empty unless the rank
 * is N and M > N (as NumPy); the rank as a number; the singular values of `a`. A NaN or
 * infinity in `a` throws `LinAlgError('SVD did not converge in Linear Least Squares')`, as
 * NumPy's LAPACK does.
 *
 * @example
 * const [x] = np.linalg.lstsq([[0, 1], [1, 1], [2, 1], [3, 1]], [-1, 0.2, 0.9, 2.1]);
 * x.tolist(); // [1, -0.95] (to rounding)
 */
export function lstsq(a: ArrayLike, b: ArrayLike, options: LstsqOptions = {}): LstsqResult {
  const x = asarray(a);
  let y = asarray(b);
  const vector = y.ndim === 1;
  if (vector) y = expandDims(y, -1);
  if (x.ndim !== 2) throw dimsError(x.ndim, true);
  if (y.ndim !== 2) throw dimsError(y.ndim, true);
  const [m, n] = x.shape as [number, number];
  const [m2, r] = y.shape as [number, number];
  if (m !== m2) throw new LinAlgError('Incompatible dimensions');
  const dtype = linalgType(x, y);
  const k = Math.min(m, n);
  const rc = options.rcond ?? 2 ** -52 * Math.max(m, n);
  const rcnd = rc <= 0 || rc >= 1 ? 2 ** -53 : rc;

  const sa = stackOf(asDType(x, 'float64'));
  const sb = stackOf(asDType(y, 'float64'));
  const A = new Float64Array(m * n);
  const B = new Float64Array(m * r);
  readMatrix(sa, sa.arr.offset, A);
  readMatrix(sb, sb.arr.offset, B);
  for (let i = 0; i < m * n; i++) {
    if (!Number.isFinite(A[i]!)) throw new LinAlgError('SVD did not converge in Linear Least Squares');
  }
  const { u, s, vh } = batchedSvd(x, 'reduced', 'float64', 'SVD did not converge in Linear Least Squares');
  const U = u!.data as Float64Array;
  const S = s.data as Float64Array;
  const V = vh!.data as Float64Array;
  const tol = k > 0 ? rcnd * S[0]! : 0;
  let rank = 0;
  while (rank < k && S[rank]! > tol) rank++;
  // x = V[:, :rank] diag(1/s) U[:, :rank]ᵀ b
  const X = new Float64Array(n * r);
  const c = new Float64Array(r);
  for (let i = 0; i < rank; i++) {
    c.fill(0);
    for (let row = 0; row < m; row++) {
      const uri = U[row * k + i]!;
      if (uri === 0) continue;
      for (let j = 0; j < r; j++) c[j] += uri * B[row * r + j]!;
    }
    for (let j = 0; j < r; j++) c[j] /= S[i]!;
    for (let col = 0; col < n; col++) {
      const vic = V[i * n + col]!;
      for (let j = 0; j < r; j++) X[col * r + j] += vic * c[j]!;
    }
  }
  const xs = emptyArray(vector ? [n] : [n, r], dtype);
  (xs.data as Float64Array | Float32Array).set(X);
  let residuals: NDArray;
  if (rank === n && m > n) {
    residuals = emptyArray([r], dtype);
    const rd = residuals.data as Float64Array | Float32Array;
    for (let j = 0; j < r; j++) {
      let ss = 0;
      for (let row = 0; row < m; row++) {
        let e = B[row * r + j]!;
        for (let col = 0; col < n; col++) e -= A[row * n + col]! * X[col * r + j]!;
        ss += e * e;
      }
      rd[j] = ss;
    }
  } else residuals = emptyArray([0], dtype);
  return [xs, residuals, rank, asDType(s, dtype)];
}

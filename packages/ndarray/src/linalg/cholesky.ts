/**
 * Cholesky factorisation (`np.linalg.cholesky`, LAPACK's `potrf`).
 *
 * Only one triangle of the input is read: the lower one for `L` (the default), the upper
 * one for `{ upper: true }`, as LAPACK does. A pivot `a_jj - sum(l_jk^2)` that is not
 * positive throws `Matrix is not positive definite`; as in NumPy's OpenBLAS build, a NaN
 * pivot is not caught and the NaN propagates into the factor.
 */
import { NDArray } from '../ndarray.js';
import { LinAlgError } from '../errors.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { asFloat, assertStackedSquare, batchOutput, forEachMatrix, linalgType, outBatchStrides, readMatrix, stackOf, writeValues } from './stack.js';

/**
 * Overwrites the lower triangle of the row-major n×n `a` with its Cholesky factor L
 * (`A = L Lᵀ`) and zeroes the strict upper triangle. Returns false when a pivot is not
 * positive (the matrix is not positive definite).
 */
export function choleskyLower(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let ajj = a[rj + j]!;
    for (let k = 0; k < j; k++) ajj -= a[rj + k]! * a[rj + k]!;
    // `<= 0` is false for NaN: OpenBLAS lets a NaN pivot through
    if (ajj <= 0) return false;
    const ljj = Math.sqrt(ajj);
    a[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let v = a[ri + j]!;
      for (let k = 0; k < j; k++) v -= a[ri + k]! * a[rj + k]!;
      a[ri + j] = v / ljj;
    }
    for (let c = j + 1; c < n; c++) a[rj + c] = 0;
  }
  return true;
}

/** Options of {@link cholesky}. */
export interface CholeskyOptions {
  /** Return the upper factor `U` (`A = Uᵀ U`), reading the upper triangle (NumPy 2's `upper=`). */
  upper?: boolean;
}

/**
 * The Cholesky factor of each symmetric positive-definite matrix of a stack
 * (`np.linalg.cholesky`): lower-triangular `L` with `A = L Lᵀ`, or with `{ upper: true }`
 * the upper-triangular `U = Lᵀ`. Reads only the lower (upper) triangle. Throws
 * `LinAlgError('Matrix is not positive definite')`. float32 stays float32 (computed in
 * float64); other dtypes give float64.
 *
 * @example
 * np.linalg.cholesky([[4, 2], [2, 3]]).tolist(); // [[2, 0], [1, 1.4142135623730951]]
 */
export function cholesky(a: ArrayLike, options: CholeskyOptions = {}): NDArray {
  const x = asarray(a);
  assertStackedSquare(x);
  const upper = options.upper === true;
  const s0 = stackOf(asFloat(x));
  // the upper triangle of A is the lower triangle of Aᵀ: read the matrix transposed
  const s = upper ? { ...s0, rs: s0.cs, cs: s0.rs } : s0;
  const n = s.rows;
  const out = batchOutput(s.batch, [n, n], linalgType(x));
  const w = new Float64Array(n * n);
  const t = upper ? new Float64Array(n * n) : w;
  forEachMatrix(s.batch, [s.batchStrides, outBatchStrides(out, s.batch.length)], [s.arr.offset, 0], (p) => {
    readMatrix(s, p[0]!, w);
    if (!choleskyLower(w, n)) throw new LinAlgError('Matrix is not positive definite');
    if (upper) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[j * n + i] = w[i * n + j]!;
    writeValues(out, p[1]!, t, n * n);
  });
  return out;
}

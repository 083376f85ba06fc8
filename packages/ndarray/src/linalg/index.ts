/**
 * `np.linalg`: NumPy's linear algebra over stacks of matrices `(..., M, N)`.
 *
 * Every function computes in float64 on contiguous scratch copies (inputs are never
 * written) and returns float32 only when its inputs are all float32, as NumPy's
 * `_commonType` does; bool and integer inputs give float64. Algorithms: LU with partial
 * pivoting (inv, solve, det, slogdet), Cholesky, Householder QR with LAPACK's sign
 * conventions, one-sided Jacobi SVD after QR preconditioning (svd, pinv, matrixRank,
 * lstsq, norm 2/-2/nuc), Householder tridiagonalisation + implicit QL (eigh, eigvalsh).
 * Errors are `LinAlgError` (a `ValueError`) with NumPy's messages.
 *
 * @example
 * import * as np from '@numbat/ndarray';
 * const { Q, R } = np.linalg.qr(np.arange(12).reshape(4, 3));
 * np.linalg.norm(np.subtract(np.matmul(Q, R), np.arange(12).reshape(4, 3))); // about 1e-15
 */
export { LinAlgError } from '../errors.js';
export { inv, solve, det, slogdet, type SlogdetResult } from './lu.js';
export { cholesky, type CholeskyOptions } from './cholesky.js';
export { qr, type QRResult, type QrMode, type QrOptions } from './qr.js';
export { svd, type SVDResult, type SvdOptions } from './svd.js';
export { eigh, eigvalsh, type EighResult, type EighOptions, type UPLO } from './eigh.js';
export { pinv, matrixRank, lstsq, type PinvOptions, type MatrixRankOptions, type LstsqOptions, type LstsqResult } from './lstsq.js';
export { norm, type NormOrd, type NormOptions, type NormScalarForm, type NormArrayForm } from './norm.js';

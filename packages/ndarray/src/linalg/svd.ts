/**
 * `np.linalg.svd` over stacks of matrices (kernel: one-sided Jacobi, jacobi-svd.ts), and
 * the batched SVD that `pinv`, `matrixRank`, `lstsq` and `norm` build on.
 */
import { NDArray } from '../ndarray.js';
import { LinAlgError } from '../errors.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { svdKernel, type SvdJob } from './jacobi-svd.js';
import { symmetricEigen } from './symmetric-eigen.js';
import {
  asFloat,
  assertStacked2d,
  assertStackedSquare,
  batchOutput,
  forEachMatrix,
  linalgType,
  namedTuple,
  outBatchStrides,
  readMatrix,
  stackOf,
  writeValues,
} from './stack.js';

/** Options of {@link svd}. */
export interface SvdOptions {
  /** U (..., M, M) and Vh (..., N, N) when true (the default), else (..., M, K) and (..., K, N), K = min(M, N). */
  fullMatrices?: boolean;
  /** Compute U and Vh (default true); when false only the singular values are returned. */
  computeUv?: boolean;
  /** The input is symmetric: use the symmetric eigensolver on its lower triangle (NumPy's `hermitian=`). */
  hermitian?: boolean;
}

/** The result of {@link svd} with `computeUv`: `[U, S, Vh]`, also readable by name. */
export type SVDResult = [NDArray, NDArray, NDArray] & { U: NDArray; S: NDArray; Vh: NDArray };

/** The arrays of a batched SVD: `u` and `vh` are null when only values were asked for. */
export interface SvdArrays {
  u: NDArray | null;
  s: NDArray;
  vh: NDArray | null;
}

/**
 * The SVD of every matrix of the (at least 2-d) `x`, results in `dtype`. `message` is the
 * LinAlgError text for a NaN input or no convergence (NumPy's wording differs for lstsq).
 */
export function batchedSvd(x: NDArray, job: SvdJob, dtype: 'float32' | 'float64', message = 'SVD did not converge'): SvdArrays {
  const st = stackOf(asFloat(x));
  const { batch, rows: m, cols: n } = st;
  const k = Math.min(m, n);
  const full = job === 'full';
  const ucols = full ? m : k;
  const vrows = full ? n : k;
  const nb = batch.length;
  const s = batchOutput(batch, [k], dtype);
  const u = job === 'none' ? null : batchOutput(batch, [m, ucols], dtype);
  const vh = job === 'none' ? null : batchOutput(batch, [vrows, n], dtype);
  const a = new Float64Array(m * n);
  const sv = new Float64Array(k);
  const ub = new Float64Array(u === null ? 0 : m * ucols);
  const vb = new Float64Array(vh === null ? 0 : vrows * n);
  const strides = [st.batchStrides, outBatchStrides(s, nb), outBatchStrides(u ?? s, nb), outBatchStrides(vh ?? s, nb)];
  forEachMatrix(batch, strides, [st.arr.offset, 0, 0, 0], (p) => {
    readMatrix(st, p[0]!, a);
    if (svdKernel(a, m, n, job, sv, ub, vb) !== 'ok') throw new LinAlgError(message);
    writeValues(s, p[1]!, sv, k);
    if (u !== null) writeValues(u, p[2]!, ub, m * ucols);
    if (vh !== null) writeValues(vh, p[3]!, vb, vrows * n);
  });
  return { u, s, vh };
}

/**
 * NumPy's `svd(hermitian=True)`: eigenvalues of the lower triangle by magnitude,
 * descending; `U` the eigenvectors in that order, `Vh` their transpose with the
 * eigenvalues' signs moved into its rows (so `U diag(S) Vh = A`).
 */
export function hermitianSvd(x: NDArray, wantUv: boolean, dtype: 'float32' | 'float64'): SvdArrays {
  assertStackedSquare(x);
  const st = stackOf(asFloat(x));
  const { batch, rows: n } = st;
  const nb = batch.length;
  const s = batchOutput(batch, [n], dtype);
  const u = wantUv ? batchOutput(batch, [n, n], dtype) : null;
  const vh = wantUv ? batchOutput(batch, [n, n], dtype) : null;
  const raw = new Float64Array(n * n);
  const sym = new Float64Array(n * n);
  const w = new Float64Array(n);
  const vecs = new Float64Array(n * n);
  const sv = new Float64Array(n);
  const ub = new Float64Array(n * n);
  const vb = new Float64Array(n * n);
  const strides = [st.batchStrides, outBatchStrides(s, nb), outBatchStrides(u ?? s, nb), outBatchStrides(vh ?? s, nb)];
  forEachMatrix(batch, strides, [st.arr.offset, 0, 0, 0], (p) => {
    readMatrix(st, p[0]!, raw);
    let finite = true;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = raw[Math.max(i, j) * n + Math.min(i, j)]!;
        if (!Number.isFinite(v)) finite = false;
        sym[i * n + j] = v;
      }
    }
    if (!finite && n > 1) {
      w.fill(NaN);
      vecs.fill(NaN);
    } else if (!symmetricEigen(sym, n, w, wantUv ? vecs : null)) {
      throw new LinAlgError('Eigenvalues did not converge');
    }
    // NumPy: argsort(|w|) (stable for these sizes), reversed
    const asc = Array.from({ length: n }, (_, i) => i).sort((i, j) => Math.abs(w[i]!) - Math.abs(w[j]!) || i - j);
    const order = asc.reverse();
    for (let c = 0; c < n; c++) {
      const src = order[c]!;
      sv[c] = Math.abs(w[src]!);
      if (!wantUv) continue;
      const sgn = w[src]! < 0 || Object.is(w[src], -0) ? -1 : 1;
      for (let r = 0; r < n; r++) {
        ub[r * n + c] = vecs[r * n + src]!;
        vb[c * n + r] = vecs[r * n + src]! * sgn;
      }
    }
    writeValues(s, p[1]!, sv, n);
    if (u !== null && vh !== null) {
      writeValues(u, p[2]!, ub, n * n);
      writeValues(vh, p[3]!, vb, n * n);
    }
  });
  return { u, s, vh };
}

/**
 * The singular value decomposition `A = U diag(S) Vh` of each matrix of a stack
 * (`np.linalg.svd`). Returns `[U, S, Vh]` (also `{ U, S, Vh }`), or only `S` with
 * `{ computeUv: false }`. Singular values are non-negative and descending; the signs of
 * singular vector pairs are not defined (as in NumPy, whose LAPACK picks its own).
 * `fullMatrices` (default true) gives square U and Vh. `hermitian: true` follows NumPy's
 * eigenvalue path. float32 stays float32 (computed in float64, as NumPy). Algorithm:
 * one-sided Jacobi after a Householder QR, accurate to about `eps * S[0]` in every
 * singular value (often better) with U, V orthonormal to a few eps. A NaN input throws
 * `LinAlgError('SVD did not converge')`, as NumPy's LAPACK does; an infinite entry gives
 * NaN singular values (U and Vh NaN too, where LAPACK returns arbitrary vectors).
 *
 * @example
 * const { U, S, Vh } = np.linalg.svd([[3, 0], [0, -2]]);
 * S.tolist(); // [3, 2]
 */
export function svd(a: ArrayLike, options: SvdOptions & { computeUv: false }): NDArray;
export function svd(a: ArrayLike, options?: SvdOptions & { computeUv?: true }): SVDResult;
export function svd(a: ArrayLike, options?: SvdOptions): SVDResult | NDArray;
export function svd(a: ArrayLike, options: SvdOptions = {}): SVDResult | NDArray {
  const x = asarray(a);
  const wantUv = options.computeUv !== false;
  let r: SvdArrays;
  if (options.hermitian === true) {
    r = hermitianSvd(x, wantUv, linalgType(x));
  } else {
    assertStacked2d(x);
    r = batchedSvd(x, wantUv ? (options.fullMatrices === false ? 'reduced' : 'full') : 'none', linalgType(x));
  }
  if (!wantUv) return r.s;
  return namedTuple<[NDArray, NDArray, NDArray], { U: NDArray; S: NDArray; Vh: NDArray }>([r.u!, r.s, r.vh!], ['U', 'S', 'Vh']);
}

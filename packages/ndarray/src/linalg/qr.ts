/**
 * `np.linalg.qr`: Householder QR of each matrix of a stack (kernels in householder.ts,
 * LAPACK's `geqrf` + `orgqr` conventions, so Q and R have NumPy's signs).
 */
import { NDArray } from '../ndarray.js';
import { ValueError } from '../errors.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { formQ, householderQr } from './householder.js';
import { asFloat, assertStacked2d, batchOutput, forEachMatrix, linalgType, namedTuple, outBatchStrides, readMatrix, stackOf } from './stack.js';

/** The modes of {@link qr} (NumPy's, without the deprecated 'full' and 'economic'). */
export type QrMode = 'reduced' | 'complete' | 'r' | 'raw';

/** Options of {@link qr}. */
export interface QrOptions<M extends QrMode = QrMode> {
  /** 'reduced' (default): Q (..., M, K), R (..., K, N) with K = min(M, N); 'complete': Q (..., M, M), R (..., M, N); 'r': R only; 'raw': LAPACK's `[h, tau]`. */
  mode?: M;
}

/** The result of {@link qr} in 'reduced' and 'complete' modes: `[Q, R]`, also readable by name. */
export type QRResult = [NDArray, NDArray] & { Q: NDArray; R: NDArray };

/**
 * The QR decomposition `A = Q R` of each matrix of a stack (`np.linalg.qr`): Q with
 * orthonormal columns, R upper triangular (trapezoidal when M < N), by Householder
 * reflections as LAPACK computes them (R's diagonal may be negative, as in NumPy).
 * `mode` as NumPy's: 'reduced' (default) and 'complete' return `[Q, R]` (also `{ Q, R }`),
 * 'r' returns R alone, 'raw' returns `[h, tau]` (h of shape (..., N, M) holding R and the
 * reflectors, transposed as NumPy returns it). float32 stays float32 (computed in float64).
 *
 * @example
 * const { Q, R } = np.linalg.qr([[1, 2], [3, 4]]);
 * R.tolist(); // [[-3.1622776601683795, -4.427188724235731], [0, -0.6324555320336751]]
 */
export function qr(a: ArrayLike, mode?: 'reduced' | 'complete' | QrOptions<'reduced' | 'complete'>): QRResult;
export function qr(a: ArrayLike, mode: 'r' | QrOptions<'r'>): NDArray;
export function qr(a: ArrayLike, mode: 'raw' | QrOptions<'raw'>): [NDArray, NDArray];
export function qr(a: ArrayLike, mode?: QrMode | QrOptions): QRResult | NDArray | [NDArray, NDArray];
export function qr(a: ArrayLike, modeOrOptions: QrMode | QrOptions = {}): QRResult | NDArray | [NDArray, NDArray] {
  const mode: unknown = typeof modeOrOptions === 'string' ? modeOrOptions : (modeOrOptions.mode ?? 'reduced');
  if (mode !== 'reduced' && mode !== 'complete' && mode !== 'r' && mode !== 'raw') {
    throw new ValueError(`Unrecognized mode '${String(mode)}'`);
  }
  const x = asarray(a);
  assertStacked2d(x);
  const dtype = linalgType(x);
  const s = stackOf(asFloat(x));
  const { batch, rows: m, cols: n } = s;
  const k = Math.min(m, n);
  const nb = batch.length;
  // the rows of R (and columns of Q) kept: all m in complete mode, else min(m, n)
  const mc = mode === 'complete' && m > n ? m : k;
  const w = new Float64Array(Math.max(m, n, 1));
  const work = new Float64Array(m * n);
  const tau = new Float64Array(k);

  if (mode === 'raw') {
    const h = batchOutput(batch, [n, m], dtype);
    const t = batchOutput(batch, [k], dtype);
    const hd = h.data as Float64Array | Float32Array;
    const td = t.data as Float64Array | Float32Array;
    forEachMatrix(batch, [s.batchStrides, outBatchStrides(h, nb), outBatchStrides(t, nb)], [s.arr.offset, 0, 0], (p) => {
      readMatrix(s, p[0]!, work);
      householderQr(work, m, n, tau, w);
      for (let r = 0; r < m; r++) for (let c = 0; c < n; c++) hd[p[1]! + c * m + r] = work[r * n + c]!;
      for (let i = 0; i < k; i++) td[p[2]! + i] = tau[i]!;
    });
    return [h, t];
  }

  const R = batchOutput(batch, [mc, n], dtype);
  const rd = R.data as Float64Array | Float32Array;
  const wantQ = mode !== 'r';
  const Q = wantQ ? batchOutput(batch, [m, mc], dtype) : R;
  const qd = Q.data as Float64Array | Float32Array;
  const q = new Float64Array(m * mc);
  forEachMatrix(batch, [s.batchStrides, outBatchStrides(R, nb), outBatchStrides(Q, nb)], [s.arr.offset, 0, 0], (p) => {
    readMatrix(s, p[0]!, work);
    householderQr(work, m, n, tau, w);
    const ro = p[1]!;
    // R = triu(a[:mc, :]); rows past min(m, n) of a complete R are zero already
    for (let r = 0; r < Math.min(mc, m); r++) for (let c = r; c < n; c++) rd[ro + r * n + c] = work[r * n + c]!;
    if (wantQ) {
      formQ(work, m, n, tau, k, q, mc, w);
      const qo = p[2]!;
      for (let i = 0; i < m * mc; i++) qd[qo + i] = q[i]!;
    }
  });
  if (!wantQ) return R;
  return namedTuple<[NDArray, NDArray], { Q: NDArray; R: NDArray }>([Q, R], ['Q', 'R']);
}

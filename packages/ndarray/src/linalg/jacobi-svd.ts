/**
 * The singular value decomposition kernel: one-sided (Hestenes) Jacobi with QR
 * preconditioning.
 *
 * Why Jacobi: it is short, converges for every finite input, and is as accurate as any SVD
 * (Demmel–Veselić: singular values to high relative accuracy, U and V orthonormal to
 * about `sqrt(m) eps`). Plane rotations are applied to pairs of columns of the working
 * matrix W until every pair is orthogonal to `tol`; then the column norms are the singular
 * values, the normalised columns are U, and the accumulated rotations are V.
 *
 * Steps for an m×n matrix with m ≥ n (a wide one is transposed first):
 * 1. scale by a power of two so the largest magnitude is about 1 (exact; no overflow in
 *    the squared norms), remembering the factor;
 * 2. when m > n, Householder QR: A = Q R, and the Jacobi sweeps run on the n×n R;
 * 3. sweeps of rotations on W = R (or A), accumulating V, with de Rijk's column pivoting
 *    and columns of negligible norm left alone (see FROZEN);
 * 4. sort the singular values descending; columns of negligible norm (σ below 2^-54 of
 *    σ_max: rounding noise of a rank-deficient matrix) get an orthonormal completion
 *    instead of a normalised column, found by a complete Householder QR of the accepted
 *    columns;
 * 5. U = Q · U_W, the extra columns of a full U are Q's trailing columns.
 *
 * Storage: the working matrix and V are column-major (each column contiguous, so a rotation
 * touches two contiguous runs); inputs and outputs are row-major. Loop variables: `p`, `q`
 * the rotated pair of columns, `i` rows, `j` columns.
 */
import { gemm } from '../kernels/matmul.js';
import { formQ, householderQr, norm2 } from './householder.js';
import { normalizingExponent, scaleByPow2, timesPow2 } from './scale.js';

/** How many sweeps before giving up (LAPACK's dgesvj allows 30; the test matrices need at most 7). */
const MAX_SWEEPS = 60;

/**
 * Columns whose squared norm is below this fraction of the largest (norm below 2^-55, a
 * quarter of eps, of σ_max) take no part in rotations: they hold rounding noise of a
 * rank-deficient or very ill-conditioned matrix, and rotating them only shrinks the noise
 * by eps per sweep for dozens of sweeps. Their norms are reported as singular values, so
 * values below eps·σ_max are accurate to eps·σ_max (as LAPACK's), not relatively.
 */
const FROZEN = 2 ** -110;

/** Columns with σ below this fraction of σ_max (twice the frozen norm) get an orthonormal completion in U. */
const NEGLIGIBLE = 2 * Math.sqrt(FROZEN);

/** What to compute: singular values only, or with U and V (U m×min(m,n) or m×m). */
export type SvdJob = 'none' | 'reduced' | 'full';

/** The outcome of {@link svdKernel}: done, a NaN in the input, or no convergence. */
export type SvdStatus = 'ok' | 'nan' | 'noconv';

/** Swaps columns p and q of the column-major `a` with `len` rows. */
function swapColumns(a: Float64Array, len: number, p: number, q: number): void {
  const op = p * len;
  const oq = q * len;
  for (let i = 0; i < len; i++) {
    const t = a[op + i]!;
    a[op + i] = a[oq + i]!;
    a[oq + i] = t;
  }
}

/**
 * Cyclic one-sided Jacobi on the column-major mw×n `w`, accumulating the rotations into
 * the column-major n×n `v` (when given). Returns false if it did not converge.
 */
function jacobiSweeps(w: Float64Array, mw: number, n: number, v: Float64Array | null): boolean {
  const tol = Math.sqrt(mw) * 2 ** -52;
  const d = new Float64Array(n);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let dmax = 0;
    for (let j = 0; j < n; j++) {
      let s = 0;
      const o = j * mw;
      for (let i = 0; i < mw; i++) s += w[o + i]! * w[o + i]!;
      d[j] = s;
      if (s > dmax) dmax = s;
    }
    const small = dmax * FROZEN;
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      const op = p * mw;
      // de Rijk's pivoting: the largest remaining column goes to position p, which keeps
      // graded and ill-conditioned inputs to a handful of sweeps
      let jmax = p;
      for (let j = p + 1; j < n; j++) if (d[j]! > d[jmax]!) jmax = j;
      if (jmax !== p) {
        swapColumns(w, mw, p, jmax);
        if (v !== null) swapColumns(v, n, p, jmax);
        const t = d[p]!;
        d[p] = d[jmax]!;
        d[jmax] = t;
      }
      for (let q = p + 1; q < n; q++) {
        const alpha = d[p]!;
        const beta = d[q]!;
        if (alpha <= small || beta <= small) continue;
        const oq = q * mw;
        let gamma = 0;
        for (let i = 0; i < mw; i++) gamma += w[op + i]! * w[oq + i]!;
        if (Math.abs(gamma) <= tol * Math.sqrt(alpha) * Math.sqrt(beta)) continue;
        rotated = true;
        // the smaller root of t² + 2ζt - 1 = 0 (Rutishauser), with a guard for huge ζ
        const zeta = (beta - alpha) / (2 * gamma);
        const az = Math.abs(zeta);
        const t = (zeta >= 0 ? 1 : -1) / (az > 1e150 ? 2 * az : az + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < mw; i++) {
          const x = w[op + i]!;
          const y = w[oq + i]!;
          w[op + i] = c * x - s * y;
          w[oq + i] = s * x + c * y;
        }
        if (v !== null) {
          const vp = p * n;
          const vq = q * n;
          for (let i = 0; i < n; i++) {
            const x = v[vp + i]!;
            const y = v[vq + i]!;
            v[vp + i] = c * x - s * y;
            v[vq + i] = s * x + c * y;
          }
        }
        d[p] = Math.max(0, alpha - t * gamma);
        d[q] = Math.max(0, beta + t * gamma);
      }
    }
    if (!rotated) return true;
  }
  return false;
}

/**
 * Fills columns `r..nc-1` of the row-major nr×nc `u` (whose first r columns are
 * orthonormal) with an orthonormal completion: Q's trailing columns of a complete QR of
 * the first r columns.
 */
function complete(u: Float64Array, nr: number, nc: number, r: number): void {
  if (r >= nc) return;
  const a = new Float64Array(nr * r);
  for (let i = 0; i < nr; i++) for (let j = 0; j < r; j++) a[i * r + j] = u[i * nc + j]!;
  const tau = new Float64Array(Math.min(nr, r));
  const w = new Float64Array(Math.max(nr, r, 1));
  householderQr(a, nr, r, tau, w);
  const q = new Float64Array(nr * nr);
  formQ(a, nr, r, tau, Math.min(nr, r), q, nr, w);
  for (let i = 0; i < nr; i++) for (let j = r; j < nc; j++) u[i * nc + j] = q[i * nr + j]!;
}

/**
 * SVD of the row-major m×n `a` with m ≥ n (overwritten): `s` (n values, descending),
 * `u` row-major m×(n or m for 'full'), `vt` row-major n×n.
 */
function svdTall(a: Float64Array, m: number, n: number, job: SvdJob, s: Float64Array, u: Float64Array, vt: Float64Array): SvdStatus {
  const wantUv = job !== 'none';
  const ucols = job === 'full' ? m : n;
  let amax = 0;
  let hasInf = false;
  for (let i = 0; i < m * n; i++) {
    const x = Math.abs(a[i]!);
    if (x !== x) return 'nan';
    if (x === Infinity) hasInf = true;
    else if (x > amax) amax = x;
  }
  if (hasInf) {
    // NumPy (LAPACK) gives NaN singular values for an infinite entry
    s.fill(NaN, 0, n);
    if (wantUv) {
      u.fill(NaN, 0, m * ucols);
      vt.fill(NaN, 0, n * n);
    }
    return 'ok';
  }
  const e = normalizingExponent(amax);
  scaleByPow2(a, m * n, e);
  // W: the n×n R of a QR when m > n, else A itself; column-major
  const w = new Float64Array(n * n);
  let qm: Float64Array | null = null;
  if (m > n) {
    const tau = new Float64Array(n);
    const scr = new Float64Array(Math.max(m, 1));
    householderQr(a, m, n, tau, scr);
    for (let j = 0; j < n; j++) for (let i = 0; i <= j; i++) w[j * n + i] = a[i * n + j]!;
    if (wantUv) {
      qm = new Float64Array(m * ucols);
      formQ(a, m, n, tau, n, qm, ucols, scr);
    }
  } else {
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) w[j * n + i] = a[i * n + j]!;
  }
  let v: Float64Array | null = null;
  if (wantUv) {
    v = new Float64Array(n * n);
    for (let j = 0; j < n; j++) v[j * n + j] = 1;
  }
  if (!jacobiSweeps(w, n, n, v)) return 'noconv';
  const sig = new Float64Array(n);
  for (let j = 0; j < n; j++) sig[j] = norm2(w, j * n, n, 1);
  const order = Array.from({ length: n }, (_, j) => j).sort((x, y) => sig[y]! - sig[x]! || x - y);
  for (let j = 0; j < n; j++) s[j] = timesPow2(sig[order[j]!]!, -e);
  if (!wantUv) return 'ok';
  // U_W (n×n, row-major): normalised columns of W, completed where negligible
  const uw = new Float64Array(n * n);
  const smax = n > 0 ? sig[order[0]!]! : 0;
  let r = 0;
  for (; r < n; r++) {
    const j = order[r]!;
    const sj = sig[j]!;
    if (sj === 0 || sj < smax * NEGLIGIBLE) break;
    for (let i = 0; i < n; i++) uw[i * n + r] = w[j * n + i]! / sj;
  }
  complete(uw, n, n, r);
  for (let k = 0; k < n; k++) {
    const o = order[k]! * n;
    for (let i = 0; i < n; i++) vt[k * n + i] = v![o + i]!;
  }
  if (qm === null) {
    u.set(uw.subarray(0, n * n));
    return 'ok';
  }
  // U = Q[:, :n] · U_W, and Q's trailing columns for a full U
  u.fill(0, 0, m * ucols);
  gemm(m, n, n, qm, 0, ucols, 1, uw, 0, n, 1, u, 0, ucols, 1);
  for (let i = 0; i < m; i++) for (let j = n; j < ucols; j++) u[i * ucols + j] = qm[i * ucols + j]!;
  return 'ok';
}

/**
 * The SVD `A = U diag(s) Vᵀ` of the row-major m×n `a` (overwritten). Writes `s` (min(m, n)
 * values, descending) and, unless `job` is 'none', the row-major `u` (m×k, or m×m for
 * 'full') and `vt` (k×n, or n×n for 'full'), k = min(m, n). An infinite entry gives NaN
 * everywhere (as LAPACK's singular values); a NaN returns 'nan'.
 */
export function svdKernel(a: Float64Array, m: number, n: number, job: SvdJob, s: Float64Array, u: Float64Array, vt: Float64Array): SvdStatus {
  if (m >= n) return svdTall(a, m, n, job, s, u, vt);
  // A = (Aᵀ)ᵀ: the SVD of the tall Aᵀ = U' S V'ᵀ gives U = V', Vᵀ = U'ᵀ
  const at = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) at[j * m + i] = a[i * n + j]!;
  const wantUv = job !== 'none';
  const ucolsT = job === 'full' ? n : m;
  const ut = wantUv ? new Float64Array(n * ucolsT) : u;
  const vtt = wantUv ? new Float64Array(m * m) : vt;
  const status = svdTall(at, n, m, job, s, ut, vtt);
  if (status !== 'ok' || !wantUv) return status;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) u[i * m + j] = vtt[j * m + i]!;
  for (let i = 0; i < ucolsT; i++) for (let j = 0; j < n; j++) vt[i * n + j] = ut[j * ucolsT + i]!;
  return 'ok';
}

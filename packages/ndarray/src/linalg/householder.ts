/**
 * Householder QR kernels, following LAPACK's unblocked `dgeqr2` / `dlarfg` / `dlarf` /
 * `dorg2r` step for step, so Q and R carry LAPACK's (and hence NumPy's) signs: each
 * reflector maps its column onto `beta e1` with `beta = -sign(alpha) * norm`, and a
 * column already zero below the diagonal gets `tau = 0` (no reflection).
 *
 * Matrices are row-major float64 scratch buffers: `a` is m×n with row length n. The
 * reflector of step i is stored as LAPACK stores it: `v = [1, a[i+1..m-1][i]]`, `tau[i]`.
 *
 * Loop variables: `i` the reflector (step), `r` rows, `c` columns.
 */

/** LAPACK's safe minimum over epsilon (`dlamch('S') / dlamch('E')`), the rescaling threshold of `dlarfg`. */
const SAFMIN = 2 ** -1022 / 2 ** -53;

/** Euclidean norm of `len` elements of `a` from `off` with step `step`, without overflow. */
export function norm2(a: Float64Array, off: number, len: number, step: number): number {
  let scale = 0;
  for (let k = 0, p = off; k < len; k++, p += step) {
    const v = Math.abs(a[p]!);
    if (v > scale || v !== v) scale = v;
  }
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let ssq = 0;
  for (let k = 0, p = off; k < len; k++, p += step) {
    const v = a[p]! / scale;
    ssq += v * v;
  }
  return scale * Math.sqrt(ssq);
}

/** Fortran's `SIGN(x, s)`: |x| with the sign of s (the sign bit, so -0 counts as negative). */
function withSign(x: number, s: number): number {
  const ax = Math.abs(x);
  return s < 0 || Object.is(s, -0) ? -ax : ax;
}

/**
 * `dlarfg` on column `c` of the m×n `a` from row `i` down: overwrites `a[i][c]` with beta
 * and the entries below with the reflector's tail; returns tau.
 */
function larfg(a: Float64Array, m: number, n: number, i: number, c: number): number {
  const len = m - i;
  if (len <= 1) return 0;
  const head = i * n + c;
  let xnorm = norm2(a, head + n, len - 1, n);
  if (xnorm === 0) return 0;
  let alpha = a[head]!;
  let beta = -withSign(Math.hypot(alpha, xnorm), alpha);
  let knt = 0;
  if (Math.abs(beta) < SAFMIN) {
    // beta may be inaccurate: scale x up and recompute (LAPACK's loop)
    const rsafmn = 1 / SAFMIN;
    do {
      knt++;
      for (let r = 1; r < len; r++) a[head + r * n] *= rsafmn;
      beta *= rsafmn;
      alpha *= rsafmn;
    } while (Math.abs(beta) < SAFMIN && knt < 20);
    xnorm = norm2(a, head + n, len - 1, n);
    beta = -withSign(Math.hypot(alpha, xnorm), alpha);
  }
  const tau = (beta - alpha) / beta;
  const scal = 1 / (alpha - beta);
  for (let r = 1; r < len; r++) a[head + r * n] *= scal;
  for (let k = 0; k < knt; k++) beta *= SAFMIN;
  a[head] = beta;
  return tau;
}

/**
 * `dlarf('Left')`: applies `H = I - tau v vᵀ` to rows `i..m-1`, columns `c0..c1-1` of the
 * m×ncols `a`, where `v = [1, v[vOff + step], v[vOff + 2 step], ...]` (length m - i).
 * `w` is scratch of at least `c1 - c0` elements.
 */
export function applyReflector(
  a: Float64Array,
  m: number,
  ncols: number,
  i: number,
  c0: number,
  c1: number,
  v: Float64Array,
  vOff: number,
  step: number,
  tau: number,
  w: Float64Array,
): void {
  if (tau === 0 || c1 <= c0) return;
  const width = c1 - c0;
  // w = Cᵀ v, accumulated row by row (contiguous rows)
  const ri = i * ncols + c0;
  for (let c = 0; c < width; c++) w[c] = a[ri + c]!;
  for (let r = i + 1, pv = vOff + step; r < m; r++, pv += step) {
    const vr = v[pv]!;
    if (vr === 0) continue;
    const rr = r * ncols + c0;
    for (let c = 0; c < width; c++) w[c] += vr * a[rr + c]!;
  }
  // C -= tau v wᵀ
  for (let c = 0; c < width; c++) a[ri + c] -= tau * w[c]!;
  for (let r = i + 1, pv = vOff + step; r < m; r++, pv += step) {
    const tv = tau * v[pv]!;
    if (tv === 0) continue;
    const rr = r * ncols + c0;
    for (let c = 0; c < width; c++) a[rr + c] -= tv * w[c]!;
  }
}

/**
 * `dgeqr2`: factors the row-major m×n `a` in place: R on and above the diagonal, the
 * reflectors below it, their scalars in `tau` (min(m, n) of them). `w` is scratch of at
 * least n elements.
 */
export function householderQr(a: Float64Array, m: number, n: number, tau: Float64Array, w: Float64Array): void {
  const k = Math.min(m, n);
  for (let i = 0; i < k; i++) {
    const t = larfg(a, m, n, i, i);
    tau[i] = t;
    if (i < n - 1 && t !== 0) {
      const d = a[i * n + i]!;
      a[i * n + i] = 1;
      applyReflector(a, m, n, i, i + 1, n, a, i * n + i, n, t, w);
      a[i * n + i] = d;
    }
  }
}

/**
 * `dorg2r`: forms the m×nq matrix Q (row-major, in `q`) with orthonormal columns from the
 * first `k` reflectors of `a` (m×n, as left by {@link householderQr}); nq ≤ m, k ≤ nq.
 * `w` is scratch of at least nq elements.
 */
export function formQ(a: Float64Array, m: number, n: number, tau: Float64Array, k: number, q: Float64Array, nq: number, w: Float64Array): void {
  // the reflectors go in q's first k columns; the other columns start as unit vectors
  q.fill(0, 0, m * nq);
  for (let r = 0; r < m; r++) for (let c = 0; c < k; c++) q[r * nq + c] = a[r * n + c]!;
  for (let c = k; c < nq; c++) q[c * nq + c] = 1;
  for (let i = k - 1; i >= 0; i--) {
    const ii = i * nq + i;
    const t = tau[i]!;
    if (i < nq - 1) {
      q[ii] = 1;
      applyReflector(q, m, nq, i, i + 1, nq, q, ii, nq, t, w);
    }
    for (let r = i + 1; r < m; r++) q[r * nq + i] *= -t;
    q[ii] = 1 - t;
    for (let r = 0; r < i; r++) q[r * nq + i] = 0;
  }
}

/**
 * A naive reference for `np.linalg`: textbook algorithms on nested JS arrays (`number[][]`),
 * written out with plain index loops. Shares no code with numbat's kernels or ops; arrays
 * are read with `toPlain` only.
 *
 * - `refDet`, `refInv`, `refSolve`: Gaussian elimination with partial pivoting / Gauss–Jordan.
 * - `refCholesky`: the Cholesky–Banachiewicz recurrence.
 * - `refSymEig`: the classical cyclic two-sided Jacobi eigenvalue method (rotations that
 *   zero one off-diagonal entry at a time), eigenvalues ascending.
 * - `refSingularValues`: the eigenvalues of the Jordan–Wielandt matrix `[[0, A], [Aᵀ, 0]]`,
 *   whose non-negative half are the singular values (no squaring of A).
 * - `refNorm*`: vector and matrix norms by their definitions.
 */
import type { NDArray } from '@numbat/ndarray';
import { toPlain } from './plain.js';

/** A matrix as rows. */
export type Mat = number[][];

/** The matrices of an (…, M, N) array, in C order of the batch, as nested rows. */
export function matricesOf(a: NDArray): Mat[] {
  const p = toPlain(a);
  const nd = p.shape.length;
  const m = p.shape[nd - 2]!;
  const n = p.shape[nd - 1]!;
  const count = p.shape.slice(0, nd - 2).reduce((x, y) => x * y, 1);
  const out: Mat[] = [];
  for (let b = 0; b < count; b++) {
    const rows: Mat = [];
    for (let i = 0; i < m; i++) {
      const row: number[] = [];
      for (let j = 0; j < n; j++) row.push(Number(p.values[b * m * n + i * n + j]!));
      rows.push(row);
    }
    out.push(rows);
  }
  return out;
}

/** The vectors along the last axis of an array, in C order, as plain numbers. */
export function vectorsOf(a: NDArray): number[][] {
  const p = toPlain(a);
  const n = p.shape[p.shape.length - 1]!;
  const count = p.shape.slice(0, -1).reduce((x, y) => x * y, 1);
  const out: number[][] = [];
  for (let b = 0; b < count; b++) {
    const v: number[] = [];
    for (let j = 0; j < n; j++) v.push(Number(p.values[b * n + j]!));
    out.push(v);
  }
  return out;
}

/** The n×n identity. */
export function refEye(n: number): Mat {
  const out: Mat = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) row.push(i === j ? 1 : 0);
    out.push(row);
  }
  return out;
}

/** A Bᵀ-free product: (m×k)·(k×n), one sum per element. */
export function refMatmul(a: Mat, b: Mat, n = b[0]?.length ?? 0): Mat {
  const out: Mat = [];
  for (let i = 0; i < a.length; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < b.length; k++) s += a[i]![k]! * b[k]![j]!;
      row.push(s);
    }
    out.push(row);
  }
  return out;
}

/** The transpose (`cols` given for a matrix with no rows). */
export function refTranspose(a: Mat, cols = a[0]?.length ?? 0): Mat {
  const out: Mat = [];
  for (let j = 0; j < cols; j++) {
    const row: number[] = [];
    for (let i = 0; i < a.length; i++) row.push(a[i]![j]!);
    out.push(row);
  }
  return out;
}

/** The largest |element| of a matrix (0 for an empty one). */
export function refMaxAbs(a: Mat): number {
  let m = 0;
  for (const row of a) for (const x of row) m = Math.max(m, Math.abs(x));
  return m;
}

/** The largest |a - b| over two matrices of the same shape. */
export function refMaxDiff(a: Mat, b: Mat): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a[i]!.length; j++) m = Math.max(m, Math.abs(a[i]![j]! - b[i]![j]!));
  return m;
}

/** Row-echelon elimination with partial pivoting; returns the pivots' product sign-adjusted (the determinant). */
export function refDet(a: Mat): number {
  const n = a.length;
  const u = a.map((r) => r.slice());
  let det = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(u[i]![k]!) > Math.abs(u[p]![k]!)) p = i;
    if (u[p]![k] === 0) return 0;
    if (p !== k) {
      [u[p], u[k]] = [u[k]!, u[p]!];
      det = -det;
    }
    det *= u[k]![k]!;
    for (let i = k + 1; i < n; i++) {
      const f = u[i]![k]! / u[k]![k]!;
      for (let j = k; j < n; j++) u[i]![j] = u[i]![j]! - f * u[k]![j]!;
    }
  }
  return det;
}

/** Solves A X = B by Gauss–Jordan elimination with partial pivoting; null when a pivot is zero. */
export function refSolve(a: Mat, b: Mat): Mat | null {
  const n = a.length;
  const r = b[0]?.length ?? 0;
  const m = a.map((row, i) => [...row, ...b[i]!]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i]![k]!) > Math.abs(m[p]![k]!)) p = i;
    if (m[p]![k] === 0) return null;
    [m[p], m[k]] = [m[k]!, m[p]!];
    const pivot = m[k]![k]!;
    for (let j = 0; j < n + r; j++) m[k]![j] = m[k]![j]! / pivot;
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const f = m[i]![k]!;
      for (let j = 0; j < n + r; j++) m[i]![j] = m[i]![j]! - f * m[k]![j]!;
    }
  }
  return m.map((row) => row.slice(n));
}

/** The inverse by Gauss–Jordan; null when singular. */
export function refInv(a: Mat): Mat | null {
  return refSolve(a, refEye(a.length));
}

/** The lower Cholesky factor, reading the lower triangle; null when a pivot is not positive. */
export function refCholesky(a: Mat): Mat | null {
  const n = a.length;
  const l: Mat = refEye(n).map((r) => r.map(() => 0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(s > 0)) return null;
        l[i]![i] = Math.sqrt(s);
      } else l[i]![j] = s / l[j]![j]!;
    }
  }
  return l;
}

/** Eigenvalues (ascending) of a symmetric matrix by cyclic two-sided Jacobi rotations. */
export function refSymEig(a: Mat): number[] {
  const n = a.length;
  const s = a.map((r) => r.slice());
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        total += s[i]![j]! * s[i]![j]!;
        if (i !== j) off += s[i]![j]! * s[i]![j]!;
      }
    }
    if (off <= 1e-32 * total) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        if (s[p]![q] === 0) continue;
        // choose the rotation that zeroes s[p][q]
        const theta = (s[q]![q]! - s[p]![p]!) / (2 * s[p]![q]!);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < n; k++) {
          const skp = s[k]![p]!;
          const skq = s[k]![q]!;
          s[k]![p] = c * skp - sn * skq;
          s[k]![q] = sn * skp + c * skq;
        }
        for (let k = 0; k < n; k++) {
          const spk = s[p]![k]!;
          const sqk = s[q]![k]!;
          s[p]![k] = c * spk - sn * sqk;
          s[q]![k] = sn * spk + c * sqk;
        }
      }
    }
  }
  const w: number[] = [];
  for (let i = 0; i < n; i++) w.push(s[i]![i]!);
  return w.sort((x, y) => x - y);
}

/** Singular values (descending, min(m, n) of them) from the Jordan–Wielandt matrix's eigenvalues. */
export function refSingularValues(a: Mat, cols = a[0]?.length ?? 0): number[] {
  const m = a.length;
  const n = cols;
  const size = m + n;
  const jw: Mat = [];
  for (let i = 0; i < size; i++) {
    const row: number[] = [];
    for (let j = 0; j < size; j++) {
      if (i < m && j >= m) row.push(a[i]![j - m]!);
      else if (i >= m && j < m) row.push(a[j]![i - m]!);
      else row.push(0);
    }
    jw.push(row);
  }
  const w = refSymEig(jw).sort((x, y) => y - x);
  return w.slice(0, Math.min(m, n)).map((x) => Math.max(x, 0));
}

/** A vector norm by its definition (`ord` null/2, 1, ±Infinity, 0, or p). */
export function refVectorNorm(v: readonly number[], ord: number | null): number {
  if (ord === Infinity) return v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  if (ord === -Infinity) return v.reduce((m, x) => Math.min(m, Math.abs(x)), Infinity);
  if (ord === 0) return v.filter((x) => x !== 0).length;
  if (ord === 1) return v.reduce((s, x) => s + Math.abs(x), 0);
  if (ord === null || ord === 2) return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return Math.pow(v.reduce((s, x) => s + Math.pow(Math.abs(x), ord), 0), 1 / ord);
}

/** A matrix norm by its definition (`ord` null/'fro', 'nuc', ±1, ±2, ±Infinity). */
export function refMatrixNorm(a: Mat, ord: number | string | null, cols = a[0]?.length ?? 0): number {
  const m = a.length;
  if (ord === null || ord === 'fro') return Math.sqrt(a.flat().reduce((s, x) => s + x * x, 0));
  if (ord === 'nuc') return refSingularValues(a, cols).reduce((s, x) => s + x, 0);
  if (ord === 2) return refSingularValues(a, cols)[0] ?? 0;
  if (ord === -2) return Math.min(...refSingularValues(a, cols));
  const colSums: number[] = [];
  for (let j = 0; j < cols; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += Math.abs(a[i]![j]!);
    colSums.push(s);
  }
  const rowSums = a.map((r) => r.reduce((s, x) => s + Math.abs(x), 0));
  if (ord === 1) return Math.max(0, ...colSums);
  if (ord === -1) return Math.min(...colSums);
  if (ord === Infinity) return Math.max(0, ...rowSums);
  return Math.min(...rowSums);
}

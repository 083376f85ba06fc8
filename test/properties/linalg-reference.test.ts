/**
 * np.linalg against the naive reference of test/reference/linalg.ts (runs without NumPy):
 * Gaussian elimination for det/inv/solve, the Cholesky recurrence, two-sided Jacobi for
 * eigenvalues and (through the Jordan–Wielandt matrix) singular values, norms by their
 * definitions, normal equations for full-rank least squares, and structural checks of the
 * factorisations. Inputs are well-conditioned generated stacks in every layout and dtype.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { sample } from '../arbitraries/arrays.js';
import {
  matricesOf,
  refCholesky,
  refDet,
  refInv,
  refMatmul,
  refMatrixNorm,
  refMaxAbs,
  refMaxDiff,
  refSingularValues,
  refSolve,
  refSymEig,
  refTranspose,
  refVectorNorm,
  vectorsOf,
  type Mat,
} from '../reference/linalg.js';
import { buildArray, describeSpec, EPS, orthoError, snapshot, specArb, type MatrixSpec } from './linalg-cases.js';

const { linalg } = np;

/** float32 results are float64 results rounded once: allow a few float32 ulps on top. */
const unitOf = (dtype: string): number => (dtype === 'float32' ? 2 ** -22 : 0);

function check(failures: string[], ok: boolean, what: string): void {
  if (!ok) failures.push(what);
}

/** Runs `f` on a generated array, checking the input is left unchanged. */
function withInput<T>(spec: MatrixSpec, failures: string[], f: (a: np.NDArray) => T): T {
  const a = buildArray(spec);
  const before = snapshot(a);
  const r = f(a);
  check(failures, snapshot(a) === before, `${describeSpec(spec)}: input modified`);
  return r;
}

const wellConditioned = (n: number, seed: number, structures: MatrixSpec['structure'][] = ['dominant', 'spd']): MatrixSpec[] =>
  sample(specArb({ square: true, lowDims: false, structures, dtypes: ['float64', 'float64', 'float32', 'int32', 'int64'] }), n, seed).filter(
    (s) => s.shape.at(-1) === s.shape.at(-2),
  );

describe('linalg against the naive reference', () => {
  it('det, inv and solve of diagonally dominant and SPD stacks (Gaussian elimination)', () => {
    const failures: string[] = [];
    for (const spec of wellConditioned(80, 21)) {
      withInput(spec, failures, (a) => {
        const n = a.shape.at(-1)!;
        const det = linalg.det(a);
        const inv = linalg.inv(a);
        const b = np.arange(n, { dtype: 'float64' });
        const x = linalg.solve(a, b);
        const tol = 64 * Math.max(n, 1) * EPS + unitOf(det.dtype);
        const dets = det.ndim === 0 ? [det.item() as number] : (det.flatten().tolist() as number[]);
        const invs = matricesOf(inv);
        const xs = n === 0 ? [] : vectorsOf(x.reshape(-1, n));
        matricesOf(a).forEach((m, k) => {
          const d = refDet(m);
          check(failures, Math.abs(dets[k]! - d) <= tol * 16 * Math.abs(d) + 1e-300, `${describeSpec(spec)}: det ${dets[k]} vs ${d}`);
          const ri = refInv(m)!;
          check(failures, refMaxDiff(invs[k]!, ri) <= tol * 16 * Math.max(refMaxAbs(ri), 1e-300), `${describeSpec(spec)}: inv differs by ${refMaxDiff(invs[k]!, ri)}`);
          const rx = refSolve(m, Array.from({ length: n }, (_, i) => [i]))!.map((r) => r[0]!);
          const got = xs[k] ?? [];
          const err = rx.reduce((e, v, i) => Math.max(e, Math.abs(v - got[i]!)), 0);
          check(failures, err <= tol * 16 * Math.max(...rx.map(Math.abs), 1e-300), `${describeSpec(spec)}: solve differs by ${err}`);
        });
      });
    }
    expect(failures.slice(0, 10).join('\n')).toBe('');
  });

  it('cholesky of SPD stacks (the Cholesky–Banachiewicz recurrence), lower and upper', () => {
    const failures: string[] = [];
    for (const spec of wellConditioned(60, 22, ['spd'])) {
      withInput(spec, failures, (a) => {
        const n = a.shape.at(-1)!;
        const ls = matricesOf(linalg.cholesky(a));
        const us = matricesOf(linalg.cholesky(a, { upper: true }));
        const tol = 64 * Math.max(n, 1) * EPS + unitOf(linalg.cholesky(a).dtype);
        matricesOf(a).forEach((m, k) => {
          const rl = refCholesky(m)!;
          const scale = Math.max(refMaxAbs(rl), 1e-300);
          check(failures, refMaxDiff(ls[k]!, rl) <= tol * 16 * scale, `${describeSpec(spec)}: L differs by ${refMaxDiff(ls[k]!, rl)}`);
          check(failures, refMaxDiff(us[k]!, refTranspose(rl, n)) <= tol * 16 * scale, `${describeSpec(spec)}: U differs`);
        });
      });
    }
    expect(failures.slice(0, 10).join('\n')).toBe('');
  });

  it('eigvalsh and svd values (two-sided Jacobi, Jordan–Wielandt) of random stacks', () => {
    const failures: string[] = [];
    const specs = sample(specArb({ lowDims: false, maxBatch: 1, structures: ['random', 'sym', 'spd', 'hilbert', 'lowrank', 'integer'] }), 80, 23);
    for (const spec of specs) {
      withInput(spec, failures, (a) => {
        const [m, n] = a.shape.slice(-2) as [number, number];
        const s = vectorsOf(linalg.svd(a, { computeUv: false }));
        matricesOf(a).forEach((mat, k) => {
          const rs = refSingularValues(mat, n);
          const scale = Math.max(rs[0] ?? 0, 1e-300);
          const err = rs.reduce((e, v, i) => Math.max(e, Math.abs(v - s[k]![i]!)), 0);
          check(failures, err <= (64 * Math.max(m, n, 1) * EPS + unitOf(a.dtype === 'float32' ? 'float32' : 'float64')) * scale, `${describeSpec(spec)}: singular values differ by ${err}`);
        });
        if (m !== n) return;
        const w = vectorsOf(linalg.eigvalsh(a));
        matricesOf(a).forEach((mat, k) => {
          const sym = mat.map((row, p) => row.map((_, q) => mat[Math.max(p, q)]![Math.min(p, q)]!));
          const rw = refSymEig(sym);
          const scale = Math.max(...rw.map(Math.abs), 1e-300);
          const err = rw.reduce((e, v, i) => Math.max(e, Math.abs(v - w[k]![i]!)), 0);
          check(failures, err <= (64 * Math.max(n, 1) * EPS + unitOf(a.dtype === 'float32' ? 'float32' : 'float64')) * scale, `${describeSpec(spec)}: eigenvalues differ by ${err}`);
        });
      });
    }
    expect(failures.slice(0, 10).join('\n')).toBe('');
  });

  it('qr, svd and eigh factorisations reconstruct their input with orthonormal factors', () => {
    const failures: string[] = [];
    const specs = sample(specArb({ lowDims: false, maxBatch: 1 }), 60, 24);
    for (const spec of specs) {
      withInput(spec, failures, (a) => {
        const [m, n] = a.shape.slice(-2) as [number, number];
        const as = matricesOf(a);
        const scaleOf = (k: number): number => Math.max(refMaxAbs(as[k]!), 1e-300);
        const unit = a.dtype === 'float32' ? 2 ** -23 : EPS;
        const tol = 64 * Math.max(m, n, 1) ** 2 * unit;
        const { Q, R } = linalg.qr(a, 'complete');
        const qs = matricesOf(Q);
        matricesOf(R).forEach((r, k) => {
          check(failures, refMaxDiff(refMatmul(qs[k]!, r, n), as[k]!) <= tol * scaleOf(k), `${describeSpec(spec)}: QR != A`);
          check(failures, orthoError(qs[k]!, m) <= tol, `${describeSpec(spec)}: Q not orthonormal`);
          r.forEach((row, p) => row.forEach((x, q) => check(failures, q >= p || x === 0, `${describeSpec(spec)}: R not triangular`)));
        });
        const { U, S, Vh } = linalg.svd(a);
        const ss = vectorsOf(S);
        matricesOf(U).forEach((u, k) => {
          const sigma: Mat = Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? ss[k]![i]! : 0)));
          const usv = refMatmul(refMatmul(u, sigma, n), matricesOf(Vh)[k]!, n);
          check(failures, refMaxDiff(usv, as[k]!) <= tol * scaleOf(k), `${describeSpec(spec)}: U S Vh != A`);
          check(failures, orthoError(u, m) <= tol, `${describeSpec(spec)}: U not orthonormal`);
        });
        if (m !== n) return;
        const { eigenvalues, eigenvectors } = linalg.eigh(a);
        const ws = vectorsOf(eigenvalues);
        matricesOf(eigenvectors).forEach((v, k) => {
          const sym = as[k]!.map((row, p) => row.map((_, q) => as[k]![Math.max(p, q)]![Math.min(p, q)]!));
          const vl = v.map((row) => row.map((x, j) => x * ws[k]![j]!));
          check(failures, refMaxDiff(refMatmul(sym, v, n), vl) <= tol * scaleOf(k), `${describeSpec(spec)}: A V != V diag(w)`);
          check(failures, orthoError(v, n) <= tol, `${describeSpec(spec)}: V not orthonormal`);
        });
      });
    }
    expect(failures.slice(0, 10).join('\n')).toBe('');
  });

  it('pinv, lstsq (normal equations) and matrixRank of matrices of known rank', () => {
    const failures: string[] = [];
    const cases = sample(fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), fc.nat(), fc.nat(3)), 60, 25);
    for (const [m0, n0, seed, r0] of cases) {
      const [m, n] = [Math.max(m0, n0), Math.min(m0, n0)];
      // a tall well-conditioned matrix: dominant rows on top
      const a = buildArray({ shape: [m, n], dtype: 'float64', view: seed % 2 ? 'transposed' : 'contiguous', pick: 0, structure: 'dominant', seed });
      const am = matricesOf(a)[0]!;
      const ata = refMatmul(refTranspose(am, n), am, n);
      const pinvRef = refMatmul(refInv(ata)!, refTranspose(am, n), m);
      check(failures, refMaxDiff(matricesOf(linalg.pinv(a))[0]!, pinvRef) <= 1e-11 * Math.max(refMaxAbs(pinvRef), 1), `pinv (${m},${n}) seed ${seed}`);
      const b = Array.from({ length: m }, (_, i) => [Math.sin(i + seed)]);
      const xRef = refSolve(ata, refMatmul(refTranspose(am, n), b, 1))!;
      const [x, , rank] = linalg.lstsq(a, b.map((r) => r[0]!));
      check(failures, rank === n, `lstsq rank ${rank} of a full-rank (${m},${n})`);
      const xs = x.tolist() as number[];
      check(failures, xRef.every((r, i) => Math.abs(r[0]! - xs[i]!) <= 1e-11 * Math.max(1, Math.abs(r[0]!))), `lstsq x (${m},${n}) seed ${seed}`);
      // rank r: a product of (m×r) and (r×n) integer factors
      const r = Math.min(r0, n);
      const left = Array.from({ length: m }, (_, i) => Array.from({ length: r }, (_, j) => ((i * 7 + j * 3 + seed) % 5) - 2 + (i === j ? 6 : 0)));
      const right = Array.from({ length: r }, (_, i) => Array.from({ length: n }, (_, j) => ((i * 5 + j * 11 + seed) % 7) - 3 + (i === j ? 9 : 0)));
      const low = r === 0 ? Array.from({ length: m }, () => new Array<number>(n).fill(0)) : refMatmul(left, right, n);
      const got = linalg.matrixRank(np.array(low, { dtype: 'float64' })).item();
      check(failures, got === r, `matrixRank ${got}, expected ${r} for ${JSON.stringify(low)}`);
    }
    expect(failures.slice(0, 10).join('\n')).toBe('');
  });

  it('norm: every order by its definition, over random axes', () => {
    const failures: string[] = [];
    const specs = sample(specArb({ lowDims: false, maxBatch: 1, structures: ['random', 'integer', 'graded'] }), 60, 26);
    const vectorOrds = [null, Infinity, -Infinity, 0, 1, 2, 3, 0.5];
    const matrixOrds = [null, 'fro', 'nuc', 1, -1, 2, -2, Infinity, -Infinity] as const;
    specs.forEach((spec, i) => {
      withInput(spec, failures, (a) => {
        const [m, n] = a.shape.slice(-2) as [number, number];
        const rtol = a.dtype === 'float32' ? 1e-5 : 1e-12;
        const vo = vectorOrds[i % vectorOrds.length]!;
        const rows = vectorsOf(a);
        if (n > 0 || vo !== -Infinity) {
          const got = linalg.norm(a, vo, { axis: -1 }).flatten().tolist() as number[];
          rows.forEach((v, k) => {
            const want = refVectorNorm(v, vo);
            check(failures, Math.abs(got[k]! - want) <= rtol * Math.abs(want) + 1e-300 || got[k] === want, `${describeSpec(spec)}: norm ord ${vo} axis -1: ${got[k]} vs ${want}`);
          });
        }
        const mo = matrixOrds[i % matrixOrds.length]!;
        const needsNonEmpty = mo === -1 || mo === -2 || mo === -Infinity;
        if (needsNonEmpty && m * n === 0) return;
        const got = linalg.norm(a, mo, { axis: [-2, -1] });
        const vals = got.ndim === 0 ? [got.item() as number] : (got.flatten().tolist() as number[]);
        matricesOf(a).forEach((mat, k) => {
          const want = refMatrixNorm(mat, mo, n);
          const t = mo === 2 || mo === -2 || mo === 'nuc' ? Math.max(rtol, 1e-11) : rtol;
          check(failures, Math.abs(vals[k]! - want) <= t * Math.abs(want) + 1e-12 * refMaxAbs(mat) || vals[k] === want, `${describeSpec(spec)}: norm ord ${mo}: ${vals[k]} vs ${want}`);
        });
      });
    });
    expect(failures.slice(0, 10).join('\n')).toBe('');
  });
});

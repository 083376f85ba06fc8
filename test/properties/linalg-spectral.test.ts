/**
 * np.linalg's SVD- and eigen-based functions against NumPy (svd, eigh, eigvalsh, pinv,
 * matrixRank, lstsq, norm) on the generated stacks of linalg-cases.ts: singular values and
 * eigenvalues within `n eps ||A||`, `U S Vh = A` and `A V = V diag(w)` residuals,
 * orthonormality, vectors up to sign where the gap makes them unique, ranks where no
 * singular value sits near the threshold, every error with NumPy's class and message.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { hasNumpy, type PyValue } from '../oracle/numpy.js';
import { toPlain, type Plain } from '../reference/plain.js';
import { matricesOf, refMatmul, vectorsOf, type Mat } from '../reference/linalg.js';
import { sample } from '../arbitraries/arrays.js';
import { ask, blockClose, buildArray, describeSpec, EPS, f32, maxAbsMat, orthoError, plainMats, report, run, settle, specArb, type Ran } from './linalg-cases.js';

const { linalg } = np;

/**
 * Checks unit vectors (columns of `ours` against columns of NumPy's) up to sign, for the
 * indices whose value is separated from the others by a relative gap of at least 1e-3
 * (and, with `minRel`, is at least that fraction of the largest).
 */
function vectorsUpToSign(desc: string, ours: Mat[], theirs: Mat[], values: number[][], unit: number, failures: string[], minRel = 0): void {
  ours.forEach((u, b) => {
    const w = values[b]!;
    const scale = Math.max(...w.map(Math.abs), 1e-300);
    const rows = u.length;
    for (let i = 0; i < w.length; i++) {
      if (Math.abs(w[i]!) < minRel * scale) continue;
      let gap = Infinity;
      for (let j = 0; j < w.length; j++) if (j !== i) gap = Math.min(gap, Math.abs(w[i]! - w[j]!) / scale);
      if (gap < 1e-3) continue;
      let dot = 0;
      for (let r = 0; r < rows; r++) dot += u[r]![i]! * theirs[b]![r]![i]!;
      const sgn = dot < 0 ? -1 : 1;
      const tol = (64 * Math.max(rows, 1) * unit) / Math.min(gap, 1);
      for (let r = 0; r < rows; r++) {
        if (Math.abs(sgn * u[r]![i]! - theirs[b]![r]![i]!) > tol) {
          failures.push(`${desc}: vector ${i} of matrix ${b} differs beyond sign (row ${r}: ${u[r]![i]} vs NumPy ${theirs[b]![r]![i]}, gap ${gap.toExponential(1)})`);
          return;
        }
      }
    }
  });
}

describe.runIf(hasNumpy)('linalg (SVD and eigen) against NumPy', () => {
  it('svd: singular values, U S Vh = A, orthonormal U and V, vectors up to sign, hermitian', async () => {
    const specs = sample(specArb(), 160, 11);
    const jobs = ['full', 'reduced', 'values', 'hermitian'] as const;
    const rans = specs.map((s, i) => {
      const a = buildArray(s);
      const job = jobs[i % 4]!;
      const opts = job === 'full' ? {} : job === 'reduced' ? { fullMatrices: false } : job === 'values' ? { computeUv: false } : { hermitian: true };
      return run(`svd ${job} ${describeSpec(s)}`, [a], () => linalg.svd(a, opts));
    });
    const pyArgs = ['', ', full_matrices=False', ', compute_uv=False', ', hermitian=True'];
    const answers = await ask(rans.map((r, i) => ({ code: `result = {"r": _run(lambda: np.linalg.svd(a${pyArgs[i % 4]})), "cond": 1.0}`, args: { a: r.inputs[0]! } })));
    const failures: string[] = [];
    rans.forEach((r, i) => {
      const exp = settle(r, answers[i]!.r, failures);
      if (exp === undefined || !r.out.ok) return;
      const job = jobs[i % 4]!;
      const a = r.inputs[0]!;
      const [m, n] = a.shape.slice(-2) as [number, number];
      const outs = job === 'values' ? [r.out.value as np.NDArray] : (r.out.value as np.NDArray[]);
      const exps = job === 'values' ? [exp] : (exp as PyValue[]);
      const S = job === 'values' ? outs[0]! : outs[1]!;
      const unit = S.dtype === 'float32' ? 2 ** -23 : EPS;
      const msg = blockClose(S, exps[job === 'values' ? 0 : 1], 1, 32 * Math.max(m, n, 1) * EPS + f32(S.dtype));
      if (msg !== null) failures.push(`${r.desc} S: ${msg}`);
      if (job === 'values') return;
      outs.forEach((o, k) => {
        const e = exps[k] as Plain;
        if (o.dtype !== e.dtype || o.shape.join() !== e.shape.join()) failures.push(`${r.desc} output ${k}: ${o.dtype}(${o.shape}), NumPy ${e.dtype}(${e.shape})`);
      });
      const us = matricesOf(outs[0]!);
      const ss = vectorsOf(S);
      const vhs = matricesOf(outs[2]!);
      // hermitian: NumPy's path reads only the lower triangle
      const as = matricesOf(a).map((raw) => (job === 'hermitian' ? raw.map((row, p) => row.map((_, q) => raw[Math.max(p, q)]![Math.min(p, q)]!)) : raw));
      const k = Math.min(m, n);
      us.forEach((u, b) => {
        const scale = Math.max(maxAbsMat(as[b]!), 1e-300);
        // U[:, :k] diag(S) Vh[:k, :] = A
        const usv = refMatmul(u.map((row) => row.slice(0, k).map((x, j) => x * ss[b]![j]!)), vhs[b]!.slice(0, k), n);
        let res = 0;
        for (let p = 0; p < m; p++) for (let q = 0; q < n; q++) res = Math.max(res, Math.abs(usv[p]![q]! - as[b]![p]![q]!));
        if (res > 64 * Math.max(m, n, 1) * unit * scale * Math.max(k, 1)) failures.push(`${r.desc}: |U S Vh - A| = ${res}`);
        const ou = orthoError(u, u[0]?.length ?? 0);
        const vt = vhs[b]!;
        const ov = orthoError(vt[0] === undefined ? [] : vt[0].map((_, c) => vt.map((row) => row[c]!)), vt.length);
        if (ou > 64 * Math.max(m, 1) * unit || ov > 64 * Math.max(n, 1) * unit) failures.push(`${r.desc}: orthonormality U ${ou}, V ${ov}`);
      });
      if (job !== 'hermitian') {
        // singular vectors are unique up to sign where the singular value is simple and not tiny
        vectorsUpToSign(`${r.desc} U`, us, plainMats(exps[0] as Plain), ss, unit, failures, 1e-6);
      }
    });
    report(failures);
  });

  it('eigh and eigvalsh (UPLO L and U): eigenvalues, A V = V diag(w), orthonormal V, vectors up to sign', async () => {
    const specs = sample(specArb({ square: true, structures: ['sym', 'sym', 'spd', 'random', 'hilbert', 'lowrank', 'integer', 'graded'] }), 140, 12);
    const rans = specs.map((s, i) => {
      const a = buildArray(s);
      const uplo = i % 2 === 0 ? 'L' : 'U';
      return i % 3 === 2
        ? run(`eigvalsh ${uplo} ${describeSpec(s)}`, [a], () => linalg.eigvalsh(a, uplo))
        : run(`eigh ${uplo} ${describeSpec(s)}`, [a], () => linalg.eigh(a, { UPLO: uplo }));
    });
    const answers = await ask(rans.map((r) => ({ code: `result = {"r": _run(lambda: np.linalg.${r.desc.split(' ')[0]}(a, "${r.desc.split(' ')[1]}")), "cond": 1.0}`, args: { a: r.inputs[0]! } })));
    const failures: string[] = [];
    rans.forEach((r, i) => {
      const exp = settle(r, answers[i]!.r, failures);
      if (exp === undefined || !r.out.ok) return;
      const a = r.inputs[0]!;
      const n = a.shape.at(-1)!;
      const vectors = r.desc.startsWith('eigh');
      const w = vectors ? (r.out.value as np.NDArray[])[0]! : (r.out.value as np.NDArray);
      const unit = w.dtype === 'float32' ? 2 ** -23 : EPS;
      const msg = blockClose(w, vectors ? (exp as PyValue[])[0] : exp, 1, 32 * Math.max(n, 1) * EPS + f32(w.dtype));
      if (msg !== null) failures.push(`${r.desc} eigenvalues: ${msg}`);
      if (!vectors) return;
      const V = (r.out.value as np.NDArray[])[1]!;
      const eV = (exp as PyValue[])[1] as Plain;
      if (V.dtype !== eV.dtype || V.shape.join() !== eV.shape.join()) failures.push(`${r.desc}: vectors ${V.dtype}(${V.shape}), NumPy ${eV.dtype}(${eV.shape})`);
      const upper = r.desc.includes(' U ');
      const ws = vectorsOf(w);
      const vs = matricesOf(V);
      matricesOf(a).forEach((raw, b) => {
        const sym = raw.map((row, p) => row.map((_, q) => (upper ? raw[Math.min(p, q)]![Math.max(p, q)]! : raw[Math.max(p, q)]![Math.min(p, q)]!)));
        const av = refMatmul(sym, vs[b]!, n);
        const scale = Math.max(...ws[b]!.map(Math.abs), 1e-300);
        let res = 0;
        for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) res = Math.max(res, Math.abs(av[p]![q]! - vs[b]![p]![q]! * ws[b]![q]!));
        if (res > 64 * Math.max(n, 1) * unit * scale) failures.push(`${r.desc}: |A V - V diag(w)| = ${res}`);
        const ov = orthoError(vs[b]!, n);
        if (ov > 64 * Math.max(n, 1) * unit) failures.push(`${r.desc}: |VᵀV - I| = ${ov}`);
      });
      vectorsUpToSign(r.desc, vs, plainMats(eV), ws, unit, failures);
    });
    report(failures);
  });

  it('pinv (rcond, rtol, hermitian) and matrixRank (tol, rtol, hermitian)', async () => {
    const specs = sample(specArb(), 200, 13);
    const variants = sample(fc.nat(5), specs.length, 14);
    const rans: Ran[] = [];
    const codes: string[] = [];
    specs.forEach((s, i) => {
      const a = buildArray(s);
      const v = variants[i]!;
      const sym = s.structure === 'sym' || s.structure === 'spd';
      if (i % 2 === 0) {
        const [opts, py] = ([[{}, ''], [{ rcond: 1e-3 }, ', rcond=1e-3'], [{ rtol: null }, ', rtol=None'], [{ rtol: 0.1 }, ', rtol=0.1'], [{ hermitian: sym }, `, hermitian=${sym ? 'True' : 'False'}`], [{ rcond: 1e-3, rtol: 1e-3 }, ', rcond=1e-3, rtol=1e-3']] as const)[v]!;
        rans.push(run(`pinv ${JSON.stringify(opts)} ${describeSpec(s)}`, [a], () => linalg.pinv(a, opts)));
        codes.push(`result = {"r": _run(lambda: np.linalg.pinv(a${py})), "cond": _cond(a)}`);
      } else {
        const [opts, py] = ([[{}, ''], [{ tol: 0.5 }, ', tol=0.5'], [{ rtol: 1e-3 }, ', rtol=1e-3'], [{ hermitian: sym }, `, hermitian=${sym ? 'True' : 'False'}`], [{ tol: 1e-2 }, ', tol=1e-2'], [{ tol: 1, rtol: 1 }, ', tol=1, rtol=1']] as const)[v]!;
        rans.push(run(`matrixRank ${JSON.stringify(opts)} ${describeSpec(s)}`, [a], () => linalg.matrixRank(a, opts)));
        // the rank is compared unless a singular value lies near the threshold
        codes.push(`def _amb():
    x = np.asarray(a, dtype=np.float64)
    if x.ndim < 2 or x.size == 0 or (${v === 3 && sym ? 'True' : 'False'} and x.shape[-1] != x.shape[-2]): return False
    S = np.linalg.svd(x, compute_uv=False) if not ${v === 3 && sym ? 'True' : 'False'} else np.abs(np.linalg.eigvalsh(x))
    if S.shape[-1] == 0: return False
    smax = S.max(axis=-1, keepdims=True)
    eps = np.finfo(np.float32 if a.dtype == np.float32 else np.float64).eps
    tol = ${v === 1 ? '0.5' : v === 4 ? '1e-2' : v === 2 ? 'smax * 1e-3' : 'smax * max(x.shape[-2:]) * eps'}
    return bool(np.any(np.abs(S - tol) <= 64 * max(x.shape[-2:]) * eps * np.maximum(smax, 1e-300)))
result = {"r": _run(lambda: np.linalg.matrix_rank(a${py})), "cond": _cond(a), "amb": _amb()}`);
      }
    });
    const answers = await ask(rans.map((r, i) => ({ code: codes[i]!, args: { a: r.inputs[0]! } })));
    const failures: string[] = [];
    rans.forEach((r, i) => {
      const ans = answers[i]!;
      const pinv = r.desc.startsWith('pinv');
      // NumPy's pinv(rtol=None) evaluates max(a.shape[-2:]) * finfo(a.dtype).eps before checking
      // the input, failing for integer dtypes and 0-d input; numbat uses float64's eps there
      const npQuirk = ans.r.err?.[1].endsWith('not inexact') === true || ans.r.err?.[1] === 'max() arg is an empty sequence';
      if (pinv && npQuirk) return;
      const exp = settle(r, ans.r, failures, !pinv && ans.amb === true);
      if (exp === undefined || !r.out.ok) return;
      const a = r.inputs[0]!;
      if (pinv) {
        const [m, n] = a.shape.slice(-2) as [number, number];
        const tol = ans.cond <= 1e6 ? 64 * Math.max(m, n, 1) * EPS * ans.cond * ans.cond : Infinity;
        const msg = blockClose(r.out.value, exp, 2, tol + f32((r.out.value as np.NDArray).dtype));
        if (msg !== null) failures.push(`${r.desc} (cond ${ans.cond.toExponential(1)}): ${msg}`);
        return;
      }
      const rank = r.out.value as np.NDArray;
      // below 2-d NumPy returns a Python int
      const e = typeof exp === 'number' ? { dtype: 'int64', shape: [], values: [exp] } : (exp as Plain);
      if (rank.dtype !== 'int32' || rank.shape.join() !== e.shape.join()) failures.push(`${r.desc}: ${rank.dtype}(${rank.shape}), NumPy ${e.dtype}(${e.shape})`);
      else if (ans.amb !== true && toPlain(rank).values.join() !== e.values.join()) failures.push(`${r.desc}: rank ${toPlain(rank).values}, NumPy ${e.values}`);
    });
    report(failures);
  });

  it('lstsq: solution, residuals, rank and singular values; rcond; 1-d and 2-d b; errors', async () => {
    const shapes = sample(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 3 }), fc.nat(9), fc.nat(4)), 120, 15);
    const specs = sample(specArb({ maxBatch: 0, lowDims: false }), shapes.length, 16);
    const rconds = [undefined, -1, 1e-3, 0.5, 2];
    const rans = specs.map((s, i) => {
      const [m, n, k, mode, rc] = shapes[i]!;
      const a = buildArray({ ...s, shape: mode === 9 ? [m] : [m, n] });
      const bShape = mode < 4 ? [mode === 0 ? m + 1 : m] : mode === 8 ? [1, m, k] : [m, k];
      const b = buildArray({ ...s, shape: bShape, seed: s.seed + 1, structure: 'random', view: 'contiguous' });
      const rcond = rconds[rc];
      return run(`lstsq rcond=${rcond} ${describeSpec(s)} a(${a.shape}) b(${bShape})`, [a, b], () => linalg.lstsq(a, b, rcond === undefined ? {} : { rcond }));
    });
    const answers = await ask(
      rans.map((r, i) => {
        const rc = rconds[shapes[i]![4]];
        const rcPy = rc === undefined ? 'None' : String(rc);
        return {
          code: `def _info():
    x = np.asarray(a, dtype=np.float64)
    if x.ndim != 2 or x.size == 0: return (False, 1.0, 0.0, 0.0)
    S = np.linalg.svd(x, compute_uv=False)
    m, n = x.shape
    rc = ${rcPy}
    rc = np.finfo(np.float64).eps * max(m, n) if rc is None else rc
    rc = 2.0 ** -53 if (rc <= 0 or rc >= 1) else rc
    thr = rc * S[0]
    amb = bool(np.any(np.abs(S - thr) <= 64 * max(m, n) * np.finfo(np.float64).eps * S[0]))
    kept = S[S > thr]
    kr = float(S[0] / kept[-1]) if kept.size else 1.0
    bb = np.asarray(b, dtype=np.float64)
    b2 = float(np.max(np.sum(bb * bb, axis=0), initial=0.0)) if bb.ndim >= 1 and bb.shape[0] == m else 0.0
    # the natural size of x: ||b|| over the smallest singular value kept
    return (amb, kr, b2, float(np.sqrt(b2) / kept[-1]) if kept.size else 0.0)
_i = _info()
result = {"r": _run(lambda: np.linalg.lstsq(a, b, rcond=${rcPy})), "cond": _i[1], "amb": _i[0], "bb": _i[2], "xs": _i[3]}`,
          args: { a: r.inputs[0]!, b: r.inputs[1]! },
        };
      }),
    );
    const failures: string[] = [];
    rans.forEach((r, i) => {
      const ans = answers[i]!;
      const exp = settle(r, ans.r, failures);
      if (exp === undefined || !r.out.ok) return;
      const [x, res, rank, s] = r.out.value as [np.NDArray, np.NDArray, number, np.NDArray];
      const [ex, eres, erankP, es] = exp as unknown as [Plain, Plain, Plain, Plain];
      const erank = Number(erankP.values[0]);
      const [m, n] = r.inputs[0]!.shape as [number, number];
      const sm = blockClose(s, es, 1, 32 * Math.max(m, n, 1) * EPS + f32(s.dtype));
      if (sm !== null) failures.push(`${r.desc} s: ${sm}`);
      if (ans.amb === true) return;
      if (rank !== erank) failures.push(`${r.desc}: rank ${rank}, NumPy ${erank}`);
      const kr = ans.cond;
      const tol = kr <= 1e4 ? 64 * Math.max(m, n, 1) * EPS * kr * kr : Infinity;
      const xm = blockClose(x, ex, x.ndim, tol + f32(x.dtype), (tol + f32(x.dtype)) * (ans.xs as number));
      if (xm !== null) failures.push(`${r.desc} x (cond ${kr.toExponential(1)}): ${xm}`);
      const rm = blockClose(res, eres, 1, 0, Number.isFinite(tol) ? tol * Math.max(ans.bb as number, 1e-300) * 4 + f32(res.dtype) * (ans.bb as number) : Infinity);
      if (rm !== null) failures.push(`${r.desc} residuals: ${rm}`);
    });
    report(failures);
  });

  it('norm: every vector and matrix order, axes, keepdims, dtypes, errors', async () => {
    const specs = sample(specArb({ maxBatch: 2, structures: ['random', 'integer', 'graded', 'lowrank'] }), 260, 17);
    const ords = [null, 'fro', 'f', 'nuc', Infinity, -Infinity, 0, 1, -1, 2, -2, 3, 0.5, -1.5] as const;
    const axes = [undefined, 0, -1, 1, [0, 1], [1, 0], [-1, -2], [0, 2], [2], [0, 0], [0, 1, 2]] as const;
    const picks = sample(fc.tuple(fc.nat(ords.length - 1), fc.nat(axes.length - 1), fc.boolean()), specs.length, 18);
    const pyOrd = (o: (typeof ords)[number]): string => (o === null ? 'None' : typeof o === 'string' ? `'${o}'` : o === Infinity ? 'np.inf' : o === -Infinity ? '-np.inf' : String(o));
    const pyAxis = (x: (typeof axes)[number]): string => (x === undefined ? 'None' : typeof x === 'number' ? String(x) : `(${x.join(',')}${x.length === 1 ? ',' : ''})`);
    const rans = specs.map((s, i) => {
      const a = buildArray(s);
      const [oi, ai, keepdims] = picks[i]!;
      const ord = ords[oi]!;
      const axis = axes[ai];
      const opts = { ...(axis === undefined ? {} : { axis }), keepdims };
      return run(`norm ord=${String(ord)} axis=${JSON.stringify(axis)} keepdims=${keepdims} ${describeSpec(s)}`, [a], () => linalg.norm(a, ord, opts as np.linalg.NormOptions));
    });
    const answers = await ask(
      rans.map((r, i) => {
        const [oi, ai, keepdims] = picks[i]!;
        return { code: `result = {"r": _run(lambda: np.linalg.norm(a, ${pyOrd(ords[oi]!)}, axis=${pyAxis(axes[ai])}, keepdims=${keepdims ? 'True' : 'False'})), "cond": 1.0}`, args: { a: r.inputs[0]! } };
      }),
    );
    const failures: string[] = [];
    rans.forEach((r, i) => {
      const exp = settle(r, answers[i]!.r, failures);
      if (exp === undefined || !r.out.ok) return;
      const e = exp as Plain & { scalar: boolean };
      const v = r.out.value;
      const [, ai, keepdims] = picks[i]!;
      const scalarForm = axes[ai] === undefined && !keepdims;
      if (scalarForm !== (typeof v === 'number')) failures.push(`${r.desc}: returned ${typeof v}`);
      const actual = typeof v === 'number' ? np.array(v, { dtype: e.dtype === 'float32' ? 'float32' : 'float64' }).reshape(e.shape) : v;
      const rtol = e.dtype === 'float32' ? 3e-5 : 1e-12;
      // SVD-based orders: singular values are accurate to n eps ||A||, not relatively (-2 of a singular matrix)
      const ord = ords[picks[i]![0]];
      const a = r.inputs[0]!;
      const amax = Math.max(...toPlain(a).values.map((x) => Math.abs(Number(x))), 0);
      const atol = ord === 2 || ord === -2 || ord === 'nuc' ? (64 * EPS + f32(e.dtype)) * a.size * amax : 0;
      const msg = blockClose(actual, e, 0, rtol, atol + 1e-300);
      if (msg !== null) failures.push(`${r.desc}: ${msg}`);
    });
    report(failures);
  });
});

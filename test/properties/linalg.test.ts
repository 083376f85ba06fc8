/**
 * np.linalg against NumPy: random stacks of matrices (sides 0-8, 0-2 batch axes, float64,
 * float32, integer and bool inputs, every view layout, well- and ill-conditioned and
 * exactly singular structures; see linalg-cases.ts). Values are compared where NumPy's
 * answer is unique, within tolerances scaled by the condition number NumPy reports;
 * factorisations are checked by residuals and orthonormality, singular and eigen vectors
 * up to sign; every error must carry NumPy's class and message; inputs must not change.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { hasNumpy, type PyValue } from '../oracle/numpy.js';
import { toPlain, type Plain } from '../reference/plain.js';
import { matricesOf, refMatmul, vectorsOf } from '../reference/linalg.js';
import { sample } from '../arbitraries/arrays.js';
import { ask, blockClose, buildArray, describeSpec, EPS, f32, matClose, maxAbsMat, orthoError, plainMats, report, run, settle, specArb, type MatrixSpec } from './linalg-cases.js';

const { linalg } = np;

const squareSpecs = (n: number, seed: number, structures?: MatrixSpec['structure'][]): MatrixSpec[] =>
  sample(specArb({ square: true, ...(structures ? { structures } : {}) }), n, seed);

describe.runIf(hasNumpy)('linalg against NumPy', () => {
  it('inv: values within cond * eps, Singular matrix where NumPy finds it', async () => {
    const specs = squareSpecs(140, 1);
    const rans = specs.map((s) => {
      const a = buildArray(s);
      return run(`inv ${describeSpec(s)}`, [a], () => linalg.inv(a));
    });
    const answers = await ask(rans.map((r) => ({ code: 'result = {"r": _run(lambda: np.linalg.inv(a)), "cond": _cond(a)}', args: { a: r.inputs[0]! } })));
    const failures: string[] = [];
    rans.forEach((r, i) => {
      const ans = answers[i]!;
      const singularish = ans.cond >= 1e13;
      const exp = settle(r, ans.r, failures, singularish);
      if (exp === undefined || !r.out.ok) return;
      const n = r.inputs[0]!.shape.at(-1)!;
      const tol = singularish ? Infinity : 32 * Math.max(n, 1) * EPS * ans.cond + f32((r.out.value as np.NDArray).dtype);
      const m = blockClose(r.out.value, exp, 2, tol);
      if (m !== null) failures.push(`${r.desc} (cond ${ans.cond.toExponential(1)}): ${m}`);
    });
    report(failures);
  });

  it('solve: vector and matrix right-hand sides, broadcasting batches, gufunc errors', async () => {
    const specs = squareSpecs(120, 2);
    const extra = sample(fc.tuple(fc.nat(9), fc.integer({ min: 0, max: 3 }), fc.nat(), fc.constantFrom('float64', 'float32', 'int32') as fc.Arbitrary<np.DType>), specs.length, 3);
    const rans = specs.map((s, i) => {
      const a = buildArray(s);
      const [mode, k, seed, dtype] = extra[i]!;
      const m = a.ndim >= 1 ? a.shape.at(-1)! : 1;
      const batch = a.ndim >= 2 ? a.shape.slice(0, -2) : [];
      let shape: number[];
      if (mode < 4) shape = [mode === 0 ? m + 1 : m];
      else if (mode === 9) shape = [2, ...batch, m, k];
      else shape = [...batch.slice(mode % 2).map((d, j) => ((seed >> j) & 1 ? 1 : d)), mode === 8 ? m + 1 : m, k];
      const b = buildArray({ shape, dtype, view: seed % 3 === 0 ? 'transposed' : 'contiguous', pick: seed % 5, structure: 'random', seed });
      return run(`solve ${describeSpec(s)} b ${dtype}(${shape})`, [a, b], () => linalg.solve(a, b));
    });
    const answers = await ask(rans.map((r) => ({ code: 'result = {"r": _run(lambda: np.linalg.solve(a, b)), "cond": _cond(a)}', args: { a: r.inputs[0]!, b: r.inputs[1]! } })));
    const failures: string[] = [];
    rans.forEach((r, i) => {
      const ans = answers[i]!;
      const singularish = ans.cond >= 1e13;
      const exp = settle(r, ans.r, failures, singularish);
      if (exp === undefined || !r.out.ok) return;
      const n = r.inputs[0]!.shape.at(-1)!;
      const x = r.out.value as np.NDArray;
      const tol = singularish ? Infinity : 32 * Math.max(n, 1) * EPS * ans.cond + f32(x.dtype);
      const m = blockClose(x, exp, r.inputs[1]!.ndim === 1 ? 1 : 2, tol);
      if (m !== null) failures.push(`${r.desc} (cond ${ans.cond.toExponential(1)}): ${m}`);
    });
    report(failures);
  });

  it('det and slogdet: relative to cond, absolute to the Hadamard bound', async () => {
    const specs = squareSpecs(140, 4);
    const rans = specs.flatMap((s) => {
      const a = buildArray(s);
      return [run(`det ${describeSpec(s)}`, [a], () => linalg.det(a)), run(`slogdet ${describeSpec(s)}`, [a], () => linalg.slogdet(a))];
    });
    const answers = await ask(
      rans.map((r) => ({
        code: `result = {"r": _run(lambda: np.linalg.${r.desc.startsWith('det') ? 'det' : 'slogdet'}(a)), "cond": _cond(a)}`,
        args: { a: r.inputs[0]! },
      })),
    );
    const failures: string[] = [];
    rans.forEach((r, i) => {
      const ans = answers[i]!;
      const exp = settle(r, ans.r, failures);
      if (exp === undefined || !r.out.ok) return;
      const a = r.inputs[0]!;
      const n = a.shape.at(-1)!;
      const hadamard = matricesOf(a).map((mat) => mat.reduce((p, row) => p * Math.hypot(...row), 1));
      const relTol = 32 * Math.max(n, 1) * EPS * (Number.isFinite(ans.cond) ? ans.cond : 1e300);
      const absTol = hadamard.map((h) => 32 * Math.max(n, 1) * EPS * h);
      if (r.desc.startsWith('det')) {
        const d = r.out.value as np.NDArray;
        const e = exp as Plain;
        if (d.dtype !== e.dtype || d.shape.join() !== e.shape.join()) failures.push(`${r.desc}: ${d.dtype}(${d.shape}) vs NumPy ${e.dtype}(${e.shape})`);
        const got = toPlain(d).values.map(Number);
        got.forEach((x, k) => {
          const want = Number(e.values[k]);
          const tol = Math.min(relTol, 1) * Math.abs(want) + absTol[k]! + f32(d.dtype) * Math.abs(want);
          if (!(Math.abs(x - want) <= tol || x === want)) failures.push(`${r.desc}: det[${k}] ${x}, NumPy ${want}`);
        });
      } else {
        const [sign, logabs] = r.out.value as [np.NDArray, np.NDArray];
        const [es, el] = exp as unknown as [Plain, Plain];
        if (sign.dtype !== es.dtype || logabs.dtype !== el.dtype) failures.push(`${r.desc}: dtypes ${sign.dtype}/${logabs.dtype}, NumPy ${es.dtype}/${el.dtype}`);
        const gs = toPlain(sign).values.map(Number);
        const gl = toPlain(logabs).values.map(Number);
        gs.forEach((sg, k) => {
          const wantS = Number(es.values[k]);
          const wantL = Number(el.values[k]);
          const nearZero = Math.exp(wantL) <= absTol[k]! || Math.exp(gl[k]!) <= absTol[k]!;
          if (nearZero) return;
          if (sg !== wantS) failures.push(`${r.desc}: sign[${k}] ${sg}, NumPy ${wantS}`);
          if (!(Math.abs(gl[k]! - wantL) <= relTol + f32(logabs.dtype) * Math.abs(wantL))) failures.push(`${r.desc}: logabsdet[${k}] ${gl[k]}, NumPy ${wantL}`);
        });
      }
    });
    report(failures);
  });

  it('cholesky (lower and upper): values of the unique factor, not-PD errors', async () => {
    const specs = squareSpecs(120, 5, ['spd', 'spd', 'spd', 'sym', 'random', 'integer', 'dominant']);
    const rans = specs.map((s, i) => {
      const a = buildArray(s);
      const upper = i % 3 === 0;
      return run(`cholesky${upper ? ' upper' : ''} ${describeSpec(s)}`, [a], () => linalg.cholesky(a, { upper }));
    });
    const answers = await ask(
      rans.map((r) => ({
        code: `upper = ${r.desc.includes('upper') ? 'True' : 'False'}
def _amb(x):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim < 2 or x.shape[-1] != x.shape[-2] or x.size == 0: return False
    t = np.swapaxes(x, -1, -2) if upper else x
    s = np.tril(t) + np.swapaxes(np.tril(t, -1), -1, -2)
    w = np.linalg.eigvalsh(s)
    scale = np.maximum(np.abs(w).max(axis=-1), 1e-300)
    return bool(np.any(np.abs(w).min(axis=-1) <= 1e-9 * scale))
result = {"r": _run(lambda: np.linalg.cholesky(a, upper=upper)), "cond": _cond(a), "amb": _amb(a)}`,
        args: { a: r.inputs[0]! },
      })),
    );
    const failures: string[] = [];
    rans.forEach((r, i) => {
      const ans = answers[i]!;
      const exp = settle(r, ans.r, failures, ans.amb === true);
      if (exp === undefined || !r.out.ok) return;
      const n = r.inputs[0]!.shape.at(-1)!;
      const tol = 32 * Math.max(n, 1) * EPS * Math.min(ans.cond, 1e14) + f32((r.out.value as np.NDArray).dtype);
      const m = blockClose(r.out.value, exp, 2, tol);
      if (m !== null) failures.push(`${r.desc} (cond ${ans.cond.toExponential(1)}): ${m}`);
    });
    report(failures);
  });

  it('non-finite entries: LU and Cholesky propagate as NumPy; SVD-based functions raise or give NaN as NumPy', async () => {
    const I = Infinity;
    const N = NaN;
    // NaN among pivot candidates is left out: OpenBLAS's idamax then picks a pivot of its
    // own (at the first step it even reports a singular matrix).
    // lstsq is left out too: LAPACK prints its DLASCL complaint to stdout, which would
    // corrupt the oracle's protocol (numbat raises NumPy's error; see the example tests)
    const mats = [[[I, 1], [1, 1]], [[1, I], [1, 1]], [[I, 0], [0, 1]], [[1, N], [0, 1]], [[2, 1], [1, N]], [[5, 1], [N, 4]], [[1, 0], [N, 1]], [[1, 2], [3, I]], [[N]], [[I]], [[-I]]];
    const exprs: [string, (a: np.NDArray) => unknown][] = [
      ['np.linalg.inv(a)', (a) => linalg.inv(a)],
      ['np.linalg.det(a)', (a) => linalg.det(a)],
      ['tuple(np.linalg.slogdet(a))', (a) => [...linalg.slogdet(a)]],
      ['np.linalg.solve(a, np.ones(a.shape[-1]))', (a) => linalg.solve(a, np.ones(a.shape.at(-1)!))],
      ['np.linalg.cholesky(a)', (a) => linalg.cholesky(a)],
      ['np.linalg.svd(a, compute_uv=False)', (a) => linalg.svd(a, { computeUv: false })],
      ['np.linalg.matrix_rank(a)', (a) => linalg.matrixRank(a)],
      ['np.linalg.norm(a, 2)', (a) => np.asarray(linalg.norm(a, 2))],
    ];
    const rans = mats.flatMap((m) => exprs.map(([code, f]) => {
      const a = np.array(m, { dtype: 'float64' });
      return run(`${code} of ${JSON.stringify(m)}`, [a], () => f(a));
    }));
    const answers = await ask(rans.map((r, i) => ({ code: `result = {"r": _run(lambda: ${exprs[i % exprs.length]![0]}), "cond": 1.0}`, args: { a: r.inputs[0]! } })));
    const failures: string[] = [];
    rans.forEach((r, i) => {
      const exp = settle(r, answers[i]!.r, failures);
      if (exp === undefined || !r.out.ok) return;
      const outs = Array.isArray(r.out.value) ? (r.out.value as np.NDArray[]) : [r.out.value as np.NDArray];
      const exps = Array.isArray(exp) ? exp : [exp];
      outs.forEach((o, k) => {
        const e = exps[k] as Plain;
        // NumPy's matrix_rank is int64 (numbat: int32, API.md)
        const m = blockClose(o, e, 0, 1e-15, 0, { int64: 'int32' });
        if (m !== null) failures.push(`${r.desc}: ${m}`);
        else if (o.dtype === 'float64' && toPlain(o).values.some((x, j) => Object.is(x, -0) !== Object.is(e.values[j], -0))) failures.push(`${r.desc}: signed zeros ${JSON.stringify(toPlain(o).values)} vs ${JSON.stringify(e.values)}`);
      });
    });
    report(failures);
  });

  it("qr, every mode: LAPACK's signs and values when well-conditioned, QR = A, Q orthonormal, R triangular", async () => {
    const specs = sample(specArb(), 140, 6);
    const modes = ['reduced', 'complete', 'r', 'raw'] as const;
    const rans = specs.map((s, i) => {
      const a = buildArray(s);
      const mode = modes[i % 4]!;
      return run(`qr ${mode} ${describeSpec(s)}`, [a], () => linalg.qr(a, mode));
    });
    const answers = await ask(
      rans.map((r, i) => ({
        code: `result = {"r": _run(lambda: np.linalg.qr(a, "${modes[i % 4]}")), "cond": _cond(a[..., :min(a.shape[-2:])] if a.ndim >= 2 else a)}`,
        args: { a: r.inputs[0]! },
      })),
    );
    const failures: string[] = [];
    const signs = { total: 0, flipped: 0 };
    rans.forEach((r, i) => {
      const ans = answers[i]!;
      const exp = settle(r, ans.r, failures);
      if (exp === undefined || !r.out.ok) return;
      const mode = modes[i % 4]!;
      const a = r.inputs[0]!;
      const [m, n] = a.shape.slice(-2) as [number, number];
      const tol = ans.cond < 1e8 ? 64 * Math.max(m, n, 1) * EPS * ans.cond : Infinity;
      const outs = mode === 'r' ? [r.out.value as np.NDArray] : (r.out.value as np.NDArray[]);
      const exps = mode === 'r' ? [exp] : (exp as PyValue[]);
      outs.forEach((o, k) => {
        const msg = blockClose(o, exps[k], 0, Infinity);
        if (msg !== null) failures.push(`${r.desc} output ${k}: ${msg}`);
      });
      if (tol < Infinity) {
        // R's diagonal signs follow LAPACK's rule (beta = -sign(alpha) * norm); only where
        // alpha is rounding noise may they differ, which must stay rare (checked below)
        const k = mode === 'r' || mode === 'raw' ? 0 : 1;
        const oursR = matricesOf(outs[k]!);
        const theirR = plainMats(exps[k] as Plain);
        const t = tol + f32(outs[0]!.dtype);
        oursR.forEach((mat, b) => {
          const flips: number[] = [];
          for (let d = 0; d < Math.min(m, n); d++) {
            const x = mat[d]![d]!;
            const y = theirR[b]![d]![d]!;
            if (x !== 0 && y !== 0) {
              signs.total++;
              if (x > 0 !== y > 0) flips.push(d);
            }
          }
          signs.flipped += flips.length;
          if (mode === 'raw') {
            if (flips.length > 0) return;
            const kk = Math.min(m, n);
            const tauOurs = vectorsOf(outs[1]!)[b] ?? [];
            const tauTheirs = (exps[1] as Plain).values.slice(b * kk, (b + 1) * kk).map(Number);
            const why = matClose(mat, theirR[b]!, t) ?? matClose([tauOurs], [tauTheirs], t);
            if (why !== null) failures.push(`${r.desc} matrix ${b}: ${why}`);
            return;
          }
          const flip = (rowOrCol: number): number => (flips.includes(rowOrCol) ? -1 : 1);
          const rFixed = mat.map((row, p) => row.map((v) => v * flip(p)));
          const why = matClose(rFixed, theirR[b]!, t);
          if (why !== null) failures.push(`${r.desc} R of matrix ${b} (cond ${ans.cond.toExponential(1)}): ${why}`);
          if (mode === 'r') return;
          const q = matricesOf(outs[0]!)[b]!.map((row) => row.map((v, c) => v * flip(c)));
          const whyQ = matClose(q, plainMats(exps[0] as Plain)[b]!, t);
          if (whyQ !== null) failures.push(`${r.desc} Q of matrix ${b} (cond ${ans.cond.toExponential(1)}): ${whyQ}`);
        });
      }
      if (mode === 'raw') return;
      const R = mode === 'r' ? outs[0]! : outs[1]!;
      const rows = R.shape.at(-2)!;
      const unit = R.dtype === 'float32' ? 2 ** -23 : EPS;
      matricesOf(R).forEach((mat) => {
        for (let p = 0; p < rows; p++) for (let q = 0; q < Math.min(p, n); q++) if (mat[p]![q] !== 0) failures.push(`${r.desc}: R[${p}][${q}] = ${mat[p]![q]} below the diagonal`);
      });
      if (mode === 'r') return;
      const qs = matricesOf(outs[0]!);
      const rs = matricesOf(R);
      const as = matricesOf(a);
      qs.forEach((q, b) => {
        const cols = outs[0]!.shape.at(-1)!;
        const oe = orthoError(q, cols);
        if (oe > 32 * Math.max(m, 1) * unit) failures.push(`${r.desc}: |QᵀQ - I| = ${oe}`);
        const qr = refMatmul(q, rs[b]!, n);
        let res = 0;
        for (let p = 0; p < m; p++) for (let c = 0; c < n; c++) res = Math.max(res, Math.abs(qr[p]![c]! - as[b]![p]![c]!));
        if (res > 32 * Math.max(m, n, 1) * unit * Math.max(maxAbsMat(as[b]!), 1e-300) * Math.max(n, 1)) failures.push(`${r.desc}: |QR - A| = ${res}`);
      });
    });
    if (signs.total < 100 || signs.flipped > 0.05 * signs.total) failures.push(`R's diagonal signs: ${signs.flipped} of ${signs.total} differ from NumPy's`);
    report(failures);
  });
});

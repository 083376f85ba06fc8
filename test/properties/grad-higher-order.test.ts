/**
 * Higher-order gradients of `@numbat/autograd`:
 * - the backward rule of EVERY differentiable registry entry is itself differentiated:
 *   `gradCheck` of the vector-Jacobian product `x -> d/dx sum(f(x) * w)` (recorded with
 *   `createGraph`), i.e. Hessian-vector products checked by central differences, on the
 *   cases of `packages/autograd/test/grad-cases.ts`;
 * - second (and third) derivatives against closed forms: tanh, sigmoid, softplus, powers,
 *   sin; Hessian-vector products of a quadratic form;
 * - full Hessians against NumPy (oracle): logsumexp (`diag(p) - p p^T`), the logistic
 *   loss (`X^T diag(p (1 - p)) X / n`), and a `grad(grad(f))` of a composite.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import { GRAD_CASES, type CaseGen, type GradCase } from '../../packages/autograd/test/grad-cases.js';
import { seededRandom } from '../helpers.js';
import { hasNumpy, oracle, type OracleCase } from '../oracle/numpy.js';
import { mismatch } from '../oracle/compare.js';

/** A fixed direction in [-1, 1) of `shape` (deterministic, so every evaluation projects alike). */
function direction(shape: readonly number[], seed: number): np.NDArray {
  const r = seededRandom(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return np.reshape(np.asarray(Float64Array.from({ length: n }, () => r() * 2 - 1)), shape.slice());
}

/** `xs -> concat(ravel(d/dx_i sum(f(xs) * w)))`, recorded so it can be differentiated again. */
function vjp(c: GradCase): (...xs: ag.Tensor[]) => ag.Tensor {
  return (...xs) =>
    ag.enableGrad(() => {
      const leaves = xs.map((x) => (x.requiresGrad ? x : ag.asTensor(x.data, { requiresGrad: true })));
      const out = c.f(...leaves);
      const parts = out.requiresGrad
        ? ag.gradients([out.mul(direction(out.shape, 7)).sum()], leaves, { createGraph: true })
        : leaves.map(() => null);
      return ag.concatenate(parts.map((g, i) => (g ?? ag.tensor(np.zerosLike(leaves[i]!.data))).ravel()));
    });
}

describe('second derivatives of every differentiable registry entry (gradCheck of the backward)', () => {
  for (const name of ag.differentiableNames()) {
    it(name, () => {
      const gen: CaseGen = GRAD_CASES[name];
      fc.assert(
        fc.property(fc.integer(), (seed) => {
          const c = gen(seededRandom(seed));
          const res = ag.gradCheck(vjp(c), c.inputs);
          if (!res.ok) throw new Error(`${name} (${c.label}): ${res.message}`);
        }),
        { numRuns: Number(process.env.GRAD_RUNS ?? 3) },
      );
    });
  }
});

const xs = [-3, -1.5, -0.25, 0, 0.4, 1, 2.5];

describe('second derivatives against closed forms', () => {
  const second = (f: (x: ag.Tensor) => ag.Tensor) => ag.grad(ag.grad(f));
  const close = (a: number, b: number): void => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));

  it("tanh'' = -2 tanh (1 - tanh^2)", () => {
    for (const x of xs) close(second(ag.tanh)(x).item(), -2 * Math.tanh(x) * (1 - Math.tanh(x) ** 2));
  });
  it("sigmoid'' = s (1 - s) (1 - 2 s), softplus'' = s (1 - s)", () => {
    for (const x of xs) {
      const s = 1 / (1 + Math.exp(-x));
      close(second(ag.sigmoid)(x).item(), s * (1 - s) * (1 - 2 * s));
      close(second(ag.softplus)(x).item(), s * (1 - s));
    }
  });
  it('x^4: 12 x^2, third derivative 24 x; sin: -sin, -cos', () => {
    const quartic = (x: ag.Tensor): ag.Tensor => x.pow(4);
    for (const x of xs) {
      close(second(quartic)(x).item(), 12 * x * x);
      close(ag.grad(ag.grad(ag.grad(quartic)))(x).item(), 24 * x);
      close(second(ag.sin)(x).item(), -Math.sin(x));
      close(ag.grad(second(ag.sin))(x).item(), -Math.cos(x));
    }
  });
  it('second derivatives stay finite at extreme inputs (sigmoid, softplus, tanh, logsumexp)', () => {
    for (const x of [-1000, -50, 50, 1000]) {
      for (const f of [ag.sigmoid, ag.softplus, ag.tanh, (t: ag.Tensor) => ag.logsumexp(ag.stack([t, t.mul(2)]))]) {
        expect(Number.isFinite(second(f)(x).item())).toBe(true);
      }
    }
  });
  it('Hessian-vector products of a quadratic form: H v = (A + A^T) v / 2', () => {
    for (let k = 0; k < 5; k++) {
      const n = 2 + k;
      const A = direction([n, n], 10 + k);
      const v = direction([n], 20 + k);
      const x0 = direction([n], 30 + k);
      const f = (x: ag.Tensor): ag.Tensor => ag.dot(x, ag.matmul(A, x)).mul(0.5);
      const hvp = ag.grad((x: ag.Tensor) => ag.dot(ag.grad(f)(x), v))(x0);
      const expected = np.multiply(np.matmul(np.add(A, A.T), v), 0.5);
      expect(np.allclose(hvp.data, expected, { rtol: 1e-13, atol: 1e-14 })).toBe(true);
    }
  });
  it('backward({ createGraph: true }) records the backward pass: x.gradTensor differentiates again', () => {
    const x = ag.tensor([0.5, -1, 2], { requiresGrad: true });
    x.pow(3).sum().backward(undefined, { createGraph: true });
    const g = x.gradTensor!;
    expect(g.requiresGrad).toBe(true);
    x.zeroGrad();
    g.sum().backward();
    expect(x.grad!.tolist()).toEqual([3, -6, 12]);
  });
});

/** The Hessian of a scalar function at x0 (n-vector), row by row, by grad of grad components. */
function hessian(f: (x: ag.Tensor) => ag.Tensor, x0: np.NDArray): np.NDArray {
  const n = x0.shape[0]!;
  const rows = Array.from({ length: n }, (_, i) => ag.grad((x: ag.Tensor) => ag.grad(f)(x).get(i))(x0).data);
  return np.stack(rows);
}

describe.runIf(hasNumpy)('Hessians against NumPy', () => {
  it('logsumexp: diag(p) - p p^T', async () => {
    const cases: OracleCase[] = [];
    const ours: np.NDArray[] = [];
    for (let k = 0; k < 4; k++) {
      const x0 = np.multiply(direction([2 + k], 40 + k), 3 + 100 * (k % 2));
      ours.push(hessian((x) => ag.logsumexp(x), x0));
      cases.push({ code: 'p = np.exp(x - x.max()); p /= p.sum()\nresult = np.diag(p) - np.outer(p, p)', args: { x: x0 } });
    }
    const answers = await (await oracle()).run(cases);
    answers.forEach((a, k) => expect(mismatch(ours[k], a, { rtol: 1e-10, atol: 1e-14 })).toBeNull());
  });

  it('the logistic loss: X^T diag(p (1 - p)) X / n', async () => {
    const cases: OracleCase[] = [];
    const ours: np.NDArray[] = [];
    for (let k = 0; k < 4; k++) {
      const [n, d] = [4 + 2 * k, 2 + k];
      const X = np.multiply(direction([n, d], 50 + k), 2);
      const y = np.astype(np.greater(direction([n], 60 + k), 0), 'float64');
      const w0 = direction([d], 70 + k);
      ours.push(hessian((w) => {
        const z = ag.matmul(X, w);
        return ag.softplus(z).sub(z.mul(y)).mean();
      }, w0));
      cases.push({ code: 'p = 1 / (1 + np.exp(-(X @ w)))\nresult = X.T @ (X * (p * (1 - p))[:, None]) / len(p)', args: { X, w: w0 } });
    }
    const answers = await (await oracle()).run(cases);
    answers.forEach((a, k) => expect(mismatch(ours[k], a, { rtol: 1e-10, atol: 1e-14 })).toBeNull());
  });

  it('grad(grad(f)) of a composite: f(x) = sum(tanh(W x)^2) has Hessian W^T diag(2 (1 - 3 t^2)(1 - t^2)) W', async () => {
    const cases: OracleCase[] = [];
    const ours: np.NDArray[] = [];
    for (let k = 0; k < 3; k++) {
      const W = direction([3 + k, 2 + k], 80 + k);
      const x0 = direction([2 + k], 90 + k);
      ours.push(hessian((x) => ag.tanh(ag.matmul(W, x)).square().sum(), x0));
      cases.push({ code: 't = np.tanh(W @ x)\nresult = W.T @ (W * (2 * (1 - 3 * t**2) * (1 - t**2))[:, None])', args: { W, x: x0 } });
    }
    const answers = await (await oracle()).run(cases);
    answers.forEach((a, k) => expect(mismatch(ours[k], a, { rtol: 1e-10, atol: 1e-14 })).toBeNull());
  });
});

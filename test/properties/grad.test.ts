/**
 * Gradients of `@numbat/autograd` (float64):
 * - `gradCheck` (central differences) on EVERY differentiable registry entry, with random
 *   shapes (0-d, length-1 and empty axes, broadcasting pairs), non-contiguous and stride-0
 *   inputs, at points away from kinks (the cases are in `packages/autograd/test/grad-cases.ts`,
 *   keyed by `DifferentiableName`, so an entry without a case fails `tsc`); inputs unchanged.
 * - float32 inputs get float32 gradients from every entry.
 * - Gradients of composite expressions (logistic regression, a tanh MLP with softmax
 *   cross-entropy, ridge regression, standardisation) against the analytic gradients
 *   worked in NumPy through the oracle.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import { GRAD_CASES, type CaseGen } from '../../packages/autograd/test/grad-cases.js';
import { fingerprint, seededRandom } from '../helpers.js';
import { hasNumpy, oracle, type OracleCase } from '../oracle/numpy.js';
import { mismatch } from '../oracle/compare.js';

describe('gradCheck on every differentiable registry entry', () => {
  it('the case table covers exactly the differentiable names', () => {
    expect(Object.keys(GRAD_CASES).sort()).toEqual(ag.differentiableNames().sort());
  });

  for (const name of ag.differentiableNames()) {
    it(name, () => {
      const gen: CaseGen = GRAD_CASES[name];
      fc.assert(
        fc.property(fc.integer(), (seed) => {
          const c = gen(seededRandom(seed));
          const before = c.inputs.map((x) => fingerprint(x));
          const res = ag.gradCheck(c.f, c.inputs);
          if (!res.ok) throw new Error(`${name} (${c.label}): ${res.message}`);
          expect(c.inputs.map((x) => fingerprint(x))).toEqual(before);
        }),
        { numRuns: Number(process.env.GRAD_RUNS ?? 8) },
      );
    });
  }
});

describe('float32 inputs keep float32 gradients through every differentiable entry', () => {
  it('backward gives every float32 leaf a float32 gradient of its shape', () => {
    for (const name of ag.differentiableNames()) {
      for (let s = 0; s < 3; s++) {
        const c = GRAD_CASES[name](seededRandom(1000 * s + name.length));
        const xs = c.inputs.map((x) => ag.tensor(np.astype(x, 'float32'), { requiresGrad: true }));
        const out = c.f(...xs);
        if (!out.requiresGrad) continue;
        out.sum().backward();
        xs.forEach((x, i) => {
          if (x.grad === null) return;
          expect(x.grad.dtype, `${name} (${c.label})`).toBe('float32');
          expect(x.grad.shape, `${name} (${c.label})`).toEqual(c.inputs[i]!.shape);
        });
      }
    }
  });
});

/** Deterministic float64 data in [-1, 1). */
function data(shape: number[], seed: number): np.NDArray {
  const r = seededRandom(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return np.reshape(np.asarray(Float64Array.from({ length: n }, () => r() * 2 - 1)), shape);
}

describe.runIf(hasNumpy)('gradients of composite expressions against NumPy', () => {
  it('logistic regression (lecture 4): dL/dw = X^T (sigmoid(Xw + b) - y) / n, dL/db = mean(sigmoid - y)', async () => {
    const cases: OracleCase[] = [];
    const ours: ag.Tensor[][] = [];
    for (let k = 0; k < 6; k++) {
      const [n, d] = [3 + k * 5, 1 + (k % 4)];
      const X = np.multiply(data([n, d], 10 + k), 3);
      const y = np.astype(np.greater(data([n], 20 + k), 0), 'float64');
      const w = data([d], 30 + k);
      const b = 0.3 * k - 0.5;
      // binary cross-entropy from logits, in the stable form softplus(z) - y z
      const loss = (wt: ag.Tensor, bt: ag.Tensor): ag.Tensor => {
        const z = ag.matmul(X, wt).add(bt);
        return ag.softplus(z).sub(z.mul(y)).mean();
      };
      ours.push(ag.grad(loss, [0, 1])(w, b));
      cases.push({
        code: 'p = 1 / (1 + np.exp(-(X @ w + b)))\nresult = [X.T @ (p - y) / len(y), np.mean(p - y)]',
        args: { X, y, w, b: { pyFloat: b } },
      });
    }
    const answers = await (await oracle()).run(cases);
    answers.forEach((a, k) => {
      expect(a.ok).toBe(true);
      const [gw, gb] = (a as { value: unknown[] }).value as [never, never];
      expect(mismatch(ours[k]![0]!.data, gw, { rtol: 1e-12, atol: 1e-14 })).toBeNull();
      expect(mismatch(ours[k]![1]!.item(), gb, { rtol: 1e-12, atol: 1e-14 })).toBeNull();
    });
  });

  it('a tanh MLP with softmax cross-entropy: backprop worked by hand in NumPy', async () => {
    const cases: OracleCase[] = [];
    const ours: ag.Tensor[][] = [];
    for (let k = 0; k < 4; k++) {
      const [n, d, h, c] = [4 + k, 3, 5 - k, 3 + (k % 2)];
      const X = data([n, d], 100 + k);
      const labels = np.array(Array.from({ length: n }, (_, i) => (i * 7 + k) % c));
      const W1 = data([d, h], 200 + k);
      const b1 = data([h], 300 + k);
      const W2 = data([h, c], 400 + k);
      const b2 = data([c], 500 + k);
      const loss = (w1: ag.Tensor, c1: ag.Tensor, w2: ag.Tensor, c2: ag.Tensor): ag.Tensor => {
        const logits = ag.tanh(ag.matmul(X, w1).add(c1)).matmul(w2).add(c2);
        const logp = ag.logSoftmax(logits, 1);
        return ag.takeAlongAxis(logp, np.reshape(labels, [n, 1]), 1).mean().neg();
      };
      ours.push(ag.grad(loss, [0, 1, 2, 3])(W1, b1, W2, b2));
      cases.push({
        code: [
          'n = X.shape[0]',
          'a1 = np.tanh(X @ W1 + b1)',
          'z = a1 @ W2 + b2',
          'p = np.exp(z - z.max(axis=1, keepdims=True)); p /= p.sum(axis=1, keepdims=True)',
          'dz = p.copy(); dz[np.arange(n), labels] -= 1; dz /= n',
          'da1 = dz @ W2.T',
          'dh = da1 * (1 - a1 ** 2)',
          'result = [X.T @ dh, dh.sum(0), a1.T @ dz, dz.sum(0)]',
        ].join('\n'),
        args: { X, labels, W1, b1, W2, b2 },
      });
    }
    const answers = await (await oracle()).run(cases);
    answers.forEach((a, k) => {
      expect(a.ok).toBe(true);
      const expected = (a as unknown as { value: never[] }).value;
      ours[k]!.forEach((g, i) => expect(mismatch(g.data, expected[i]!, { rtol: 1e-11, atol: 1e-14 })).toBeNull());
    });
  });

  it('ridge regression and standardisation', async () => {
    const cases: OracleCase[] = [];
    const ours: ag.Tensor[] = [];
    for (let k = 0; k < 4; k++) {
      const [n, d] = [5 + k, 2 + k];
      const X = data([n, d], 600 + k);
      const y = data([n], 700 + k);
      const w = data([d], 800 + k);
      const lam = 0.1 * (k + 1);
      ours.push(ag.grad((wt: ag.Tensor) => ag.matmul(X, wt).sub(y).square().mean().add(wt.square().sum().mul(lam)))(w));
      cases.push({ code: 'result = 2 * X.T @ (X @ w - y) / len(y) + 2 * lam * w', args: { X, y, w, lam: { pyFloat: lam } } });
      // z = (x - mean) / sqrt(var + eps) along axis 0; L = sum(z * g0): dx = (g0 - mean(g0) - z mean(g0 z)) / sqrt(var + eps)
      const x = data([n, d], 900 + k);
      const g0 = data([n, d], 1000 + k);
      ours.push(
        ag.grad((xt: ag.Tensor) => xt.sub(xt.mean(0, { keepdims: true })).div(xt.var(0, { keepdims: true }).add(1e-5).sqrt()).mul(g0).sum())(x),
      );
      cases.push({
        code: 's = np.sqrt(x.var(0) + 1e-5)\nz = (x - x.mean(0)) / s\nresult = (g0 - g0.mean(0) - z * (g0 * z).mean(0)) / s',
        args: { x, g0 },
      });
    }
    const answers = await (await oracle()).run(cases);
    answers.forEach((a, k) => expect(mismatch(ours[k]!.data, a, { rtol: 1e-10, atol: 1e-12 })).toBeNull());
  });
});

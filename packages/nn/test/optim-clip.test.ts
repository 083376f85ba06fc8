/**
 * Gradient clipping: `clipGradNorm` against PyTorch's rule computed in NumPy (total norm =
 * the norm of the per-parameter norms, coefficient `min(1, maxNorm / (total + 1e-6))`) for
 * norm orders 1, 2, 3, Infinity and random gradient shapes including empty ones;
 * parameters without gradients; non-finite norms; `clipGradValue` against `np.clip`; the
 * old gradient arrays are left as they were.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { fingerprint, seededRandom } from '../../../test/helpers.js';
import { hasNumpy, oracle, pyFloat } from '../../../test/oracle/numpy.js';
import { withReference } from './optim-helpers.js';

/** Parameters with random gradients of random shapes (some 0-size), from a seed. */
function paramsWithGrads(seed: number, count: number): nn.Parameter[] {
  const r = seededRandom(seed);
  const rng = np.random.defaultRng(seed);
  const out: nn.Parameter[] = [];
  for (let i = 0; i < count; i++) {
    const shape = Array.from({ length: Math.floor(r() * 3) }, () => Math.floor(r() * 4));
    const p = new nn.Parameter(np.zeros(shape));
    p.grad = np.multiply(rng.standardNormal(shape) as np.NDArray, 10 ** (r() * 4 - 2));
    out.push(p);
  }
  return out;
}

describe.runIf(hasNumpy)('clipGradNorm vs NumPy', () => {
  it('total norm and clipped gradients for random gradients, maxNorm and norm orders', async () => {
    const py = await oracle();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 1e-3, max: 100, noNaN: true }),
        fc.constantFrom(1, 2, 3, Infinity),
        async (seed, count, maxNorm, ord) => {
          const params = paramsWithGrads(seed, count);
          const grads = params.map((p) => p.grad!);
          const total = nn.optim.clipGradNorm(params, maxNorm, ord);
          const [a] = await py.run([
            {
              code: withReference('result = clip_grad_norm(grads, max_norm, np.inf if ord == "inf" else ord)'),
              args: { grads, max_norm: pyFloat(maxNorm), ord: ord === Infinity ? 'inf' : ord },
            },
          ]);
          if (!a!.ok) throw new Error(a!.message);
          const [refTotal, refGrads] = a!.value as [number, { values: number[] }[]];
          expect(Math.abs(total - refTotal)).toBeLessThanOrEqual(1e-12 * Math.max(1, refTotal));
          params.forEach((p, i) => {
            const got = p.grad!.ravel().tolist() as number[];
            refGrads[i]!.values.forEach((v, j) => expect(Math.abs(got[j]! - v)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v))));
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('clipGradNorm', () => {
  it('scales to maxNorm when above, leaves gradients alone when below; returns the norm before clipping', () => {
    const p = new nn.Parameter(np.zeros(2));
    p.grad = np.array([3, 4], { dtype: 'float64' });
    expect(nn.optim.clipGradNorm([p], 10)).toBe(5);
    expect(p.grad.tolist()).toEqual([3, 4]);
    const old = p.grad;
    const before = fingerprint(old);
    expect(nn.optim.clipGradNorm(p, 1)).toBe(5);
    const scale = 1 / (5 + 1e-6);
    expect(p.grad.tolist()).toEqual([3 * scale, 4 * scale]);
    expect(fingerprint(old)).toBe(before);
  });

  it('skips parameters without a gradient; with none the norm is 0', () => {
    const a = new nn.Parameter(np.zeros(2));
    const b = new nn.Parameter(np.zeros(1));
    expect(nn.optim.clipGradNorm([a, b], 1)).toBe(0);
    b.grad = np.array([-2], { dtype: 'float64' });
    expect(nn.optim.clipGradNorm([a, b], 1, Infinity)).toBe(2);
    expect(a.grad).toBe(null);
  });

  it('a non-finite norm spreads NaN (PyTorch\'s default) or throws with errorIfNonfinite', () => {
    const p = new nn.Parameter(np.zeros(2));
    p.grad = np.array([Infinity, 1]);
    expect(() => nn.optim.clipGradNorm([p], 1, 2, { errorIfNonfinite: true })).toThrow(
      'The total norm of order 2 for gradients from `parameters` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set `errorIfNonfinite: false`',
    );
    expect(nn.optim.clipGradNorm([p], 1)).toBe(Infinity);
    expect(p.grad.tolist()).toEqual([NaN, 0]);
  });

  it('works after backward on a model, before the step', () => {
    const w = new nn.Parameter(np.array([1, -2, 3], { dtype: 'float64' }));
    ag.square(w).sum().mul(100).backward();
    const norm = nn.optim.clipGradNorm([w], 1);
    expect(Math.abs(norm - 200 * Math.sqrt(14))).toBeLessThan(1e-9);
    expect(Math.abs((np.linalg.norm(w.grad!) as number) - 1)).toBeLessThan(1e-6);
  });
});

describe('clipGradValue', () => {
  it('clips element-wise like np.clip, leaving the old array and gradient-less parameters alone', () => {
    const params = paramsWithGrads(7, 3);
    const none = new nn.Parameter(np.zeros(2));
    const olds = params.map((p) => p.grad!);
    const before = olds.map(fingerprint);
    nn.optim.clipGradValue([...params, none], 0.5);
    params.forEach((p, i) => {
      expect(p.grad!.tolist()).toEqual(np.clip(olds[i]!, -0.5, 0.5).tolist());
      expect(fingerprint(olds[i]!)).toBe(before[i]);
    });
    expect(none.grad).toBe(null);
  });
});

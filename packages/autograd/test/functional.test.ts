/**
 * `grad`, `valueAndGrad` (JAX semantics: argnums, hasAux, nesting, no `.grad` side
 * effects), `gradients` (torch.autograd.grad) and `gradCheck`'s report.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import { expectThrows } from '../../../test/helpers.js';

describe('grad and valueAndGrad', () => {
  it('differentiate with respect to argnums, taking data or tensors', () => {
    const f = (x: ag.Tensor, y: ag.Tensor): ag.Tensor => x.mul(y).sum();
    expect(ag.grad(f)([1, 2], ag.tensor([3, 4])).tolist()).toEqual([3, 4]);
    expect(ag.grad(f, 1)(ag.tensor([1, 2]), [3, 4]).tolist()).toEqual([1, 2]);
    const df = ag.grad(f);
    // @ts-expect-error: argument 1 is not differentiated, so it must be the tensor f takes
    void (() => df([1, 2], [3, 4]));
    const [gx, gy] = ag.grad(f, [0, 1])(np.array([1, 2], { dtype: 'float64' }), ag.tensor([3, 4]));
    expect([gx!.tolist(), gy!.tolist()]).toEqual([[3, 4], [1, 2]]);
    expect(ag.grad((x: ag.Tensor) => x.square())(3).item()).toBe(6);
  });

  it('leave .grad alone and return zeros for an unused argument', () => {
    const w = ag.tensor([1, 2], { requiresGrad: true });
    const g = ag.grad((a: ag.Tensor, _b: ag.Tensor) => a.sum(), [0, 1])(w, [5, 6, 7]);
    expect(g.length).toBe(2);
    expect(w.grad).toBeNull();
    expect(g[1]!.tolist()).toEqual([0, 0, 0]);
  });

  it('valueAndGrad returns the value (detached at top level) and the gradient', () => {
    const [v, g] = ag.valueAndGrad((x: ag.Tensor) => x.square().sum())([1, 2]);
    expect(v.item()).toBe(5);
    expect(v.requiresGrad).toBe(false);
    expect(g.tolist()).toEqual([2, 4]);
  });

  it('hasAux passes auxiliary data through', () => {
    const f = (x: ag.Tensor): [ag.Tensor, string] => [x.sum(), 'aux'];
    const [g, aux] = ag.grad(f, 0, { hasAux: true })([1, 2]);
    expect([g.tolist(), aux]).toEqual([[1, 1], 'aux']);
    const [[v, aux2], g2] = ag.valueAndGrad(f, 0, { hasAux: true })([1, 2]);
    expect([v.item(), aux2, g2.tolist()]).toEqual([3, 'aux', [1, 1]]);
  });

  it('nest: grad(grad(f)), a Hessian-vector product, grad through a closure over parameters', () => {
    expect(ag.grad(ag.grad((x: ag.Tensor) => x.pow(3)))(2).item()).toBe(12);
    const v = np.array([1, -1], { dtype: 'float64' });
    const hvp = ag.grad((x: ag.Tensor) => ag.dot(ag.grad((y: ag.Tensor) => y.pow(3).sum())(x), v))([1, 2]);
    expect(hvp.tolist()).toEqual([6, -12]);
    // a contractive-style penalty: the input gradient depends on w, and its norm is differentiated in w
    const w = ag.tensor([0.5, -2], { requiresGrad: true });
    const penalty = ag.grad((x: ag.Tensor) => ag.tanh(x.mul(w)).sum())([0.1, 0.2]).square().sum();
    penalty.backward();
    const expected = ag.grad((wt: ag.Tensor) => wt.mul(ag.tanh(wt.mul(np.array([0.1, 0.2], { dtype: 'float64' }))).square().neg().add(1)).square().sum())(w.data);
    expect(np.allclose(w.grad!, expected.data, { rtol: 1e-12 })).toBe(true);
  });

  it('errors: non-scalar output, non-tensor output, bad argnums', () => {
    expectThrows(() => ag.grad((x: ag.Tensor) => x.mul(2))([1, 2]), np.DTypeError, 'grad requires f to return a scalar (one-element) tensor; it returned shape (2,)');
    expectThrows(() => ag.grad((() => 3) as unknown as (x: ag.Tensor) => ag.Tensor)([1]), np.DTypeError, 'grad requires f to return a Tensor, got number');
    expectThrows(() => ag.grad((x: ag.Tensor) => x.sum(), 2)(ag.tensor([1])), np.ValueError, 'argnums 2 is out of range for a call with 1 arguments');
  });

  it('a function that does not depend on its argument has a zero gradient', () => {
    expect(ag.grad((_x: ag.Tensor) => ag.tensor(1))([1, 2]).tolist()).toEqual([0, 0]);
  });
});

describe('gradients (torch.autograd.grad)', () => {
  it('returns the gradients of chosen inputs, null for unreached ones', () => {
    const x = ag.tensor([1, 2], { requiresGrad: true });
    const z = ag.tensor([1], { requiresGrad: true });
    const [gx, gz] = ag.gradients([x.square().sum()], [x, z]);
    expect(gx!.tolist()).toEqual([2, 4]);
    expect(gz).toBeNull();
    expect(x.grad).toBeNull();
    expectThrows(() => ag.gradients([x.sum()], [ag.tensor(1)]), np.ValueError, 'every input of gradients() must require grad');
  });
});

describe('gradCheck', () => {
  it('reports the worst element of a wrong gradient', () => {
    const wrong = ag.defineOp({
      name: 'wrongSquare',
      forward: ([a]) => np.square(a!),
      backward: (g, { inputs: [a] }) => [g.mul(a!).mul(a!.greater(1.5).astype('float64').add(2))],
    });
    const r = ag.gradCheck((x) => wrong([x]).sum(), [[1, 2, 0.5]]);
    expect(r.ok).toBe(false);
    expect(r.worst!.input).toBe(0);
    expect(r.worst!.index).toEqual([1]);
    // at 2 the rule gives 3 * 2 * 2 where the derivative is 2 * 2 (times the same projection)
    expect(r.worst!.analytic / r.worst!.numeric).toBeCloseTo(1.5, 6);
    expect(r.worst!.error).toBeCloseTo(Math.abs(r.worst!.analytic - r.worst!.numeric), 12);
    expect(r.message).toMatch(/^gradient mismatch \(atol 0\.00001, rtol 0\.001\); worst at input 0 index \[1\]: analytic /);
  });

  it('passes on a correct gradient, with non-scalar outputs and several inputs', () => {
    const r = ag.gradCheck((a, b) => ag.matmul(a, b).tanh(), [np.array([[0.1, 0.2], [0.3, -0.4]]), [[0.5], [-0.25]]]);
    expect(r.ok).toBe(true);
    expect(r.worst!.error).toBeLessThan(1e-8);
    expect(r.message).toMatch(/^gradients match/);
  });
});

describe('grad is a function transform', () => {
  it('ignores an enclosing noGrad, as torch.func.grad does', () => {
    const g = ag.grad((t: ag.Tensor) => t.mul(t).sum());
    const inside = ag.noGrad(() => g(ag.tensor([1, 2])));
    expect(Array.from(inside.data.data as Float64Array)).toEqual([2, 4]);
    const [value, dv] = ag.noGrad(() => ag.valueAndGrad((t: ag.Tensor) => t.square().sum())(ag.tensor([3])));
    expect(value.item()).toBe(9);
    expect(dv.item()).toBe(6);
  });

  it('lets gradCheck check a function that itself calls grad (its numeric passes run under noGrad)', () => {
    const dsq = (x: ag.Tensor): ag.Tensor => ag.grad((t: ag.Tensor) => t.mul(t).mul(t).sum())(x).sum();
    expect(ag.gradCheck(dsq, [[0.5, -1.5]]).ok).toBe(true);
  });
});

/**
 * The tape: errors (each with its class and message), the iterative topological sort on
 * a 100,000-op chain, release of the graph after backward (and `retainGraph`), shared
 * subgraphs, un-broadcasting once per input, the shape/dtype check naming the op,
 * `noGrad`, and `createGraph`.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import { expectThrows } from '../../../test/helpers.js';

describe('errors', () => {
  it('backward() on a non-scalar without a seed', () => {
    const y = ag.tensor([1, 2], { requiresGrad: true }).mul(2);
    expectThrows(() => y.backward(), ag.AutogradError, 'grad can be implicitly created only for scalar outputs (got shape (2,)); pass a seed gradient of that shape');
    expect(new ag.AutogradError('x')).toBeInstanceOf(np.ValueError);
  });

  it('a seed of the wrong shape', () => {
    const y = ag.tensor([1, 2], { requiresGrad: true }).mul(2);
    expectThrows(() => y.backward([1, 2, 3]), np.ValueError, 'Mismatch in shape: the seed gradient has shape (3,) and the output has shape (2,)');
  });

  it('backward() on a tensor that does not require grad', () => {
    expectThrows(() => ag.tensor(1).mul(2).backward(), ag.AutogradError, 'element 0 of tensors does not require grad and does not have a gradFn');
  });

  it('a gradient of an integer tensor', () => {
    expectThrows(() => ag.grad((x: ag.Tensor) => x.sum())(np.array([1, 2])), np.DTypeError, "only tensors of floating dtype can require gradients (got int32); create the tensor with { dtype: 'float64' }");
    expectThrows(() => ag.gradCheck((x) => x, [np.array([1])]), np.DTypeError, "only tensors of floating dtype can require gradients (got int32); create the tensor with { dtype: 'float64' }");
  });

  it('a second backward through a freed graph, also through a shared subgraph', () => {
    const msg =
      "Trying to backward through the graph a second time (through 'multiply'), but its saved values were freed by the first backward. " +
      'Pass { retainGraph: true } to the first backward (or ag.grad) to backward through the graph again.';
    const x = ag.tensor(2, { requiresGrad: true });
    const y = x.mul(x);
    y.backward();
    expectThrows(() => y.backward(), ag.AutogradError, msg);
    const h = x.mul(3);
    h.exp().backward();
    expectThrows(() => h.sin().backward(), ag.AutogradError, msg);
  });

  it("a gradient rule of the wrong shape or dtype names the op", () => {
    const badShape = ag.defineOp({ name: 'badShape', forward: ([a]) => np.asarray(a!), backward: (g) => [ag.tensor(np.ones([2, 3])).mul(g.sum())] });
    const x = ag.tensor([1, 2], { requiresGrad: true });
    expectThrows(() => badShape([x]).sum().backward(), np.ValueError, "gradient of 'badShape' for input 0 has shape (2,3), but the input has shape (2,)");
    const badDtype = ag.defineOp({ name: 'badDtype', forward: ([a]) => np.asarray(a!), backward: (g) => [g.astype('int32')] });
    expectThrows(() => badDtype([x]).sum().backward(), np.DTypeError, "gradient of 'badDtype' for input 0 has dtype int32, but the input has dtype float64");
  });
});

describe('the graph', () => {
  it('a 100,000-op chain backpropagates without a stack overflow (iterative sort)', () => {
    const x = ag.tensor(1, { requiresGrad: true });
    let y = x;
    for (let i = 0; i < 100_000; i++) y = y.mul(1.00001);
    y.backward();
    expect(x.grad!.item()).toBeCloseTo(Math.pow(1.00001, 100_000), 9);
  });

  it('is released after backward unless retainGraph', () => {
    const x = ag.tensor([1, 2], { requiresGrad: true });
    const y = x.exp().sum();
    y.backward(undefined, { retainGraph: true });
    y.backward();
    expect(x.grad!.tolist()).toEqual([2 * Math.E, 2 * Math.exp(2)]);
    expect(y.node!.freed).toBe(true);
    expect(y.node!.inputs.length).toBe(0);
  });

  it('a tensor used twice receives both gradients; a diamond is visited once', () => {
    const x = ag.tensor(3, { requiresGrad: true });
    const a = x.mul(2);
    const y = a.mul(a).add(a.sin());
    y.backward();
    expect(x.grad!.item()).toBeCloseTo(8 * 3 + 2 * Math.cos(6), 14);
  });

  it('broadcasting sums the gradient back to each input (once, in the tape)', () => {
    const a = ag.tensor([[1], [2], [3]], { requiresGrad: true });
    const b = ag.tensor([10, 20], { requiresGrad: true });
    const c = ag.tensor(5, { requiresGrad: true });
    a.mul(b).add(c).sum().backward();
    expect(a.grad!.tolist()).toEqual([[30], [30], [30]]);
    expect(b.grad!.tolist()).toEqual([6, 6]);
    expect(c.grad!.item()).toBe(6);
  });

  it('a seed weights a non-scalar output; ag.backward takes several roots', () => {
    const x = ag.tensor([1, 2, 3], { requiresGrad: true });
    x.square().backward([1, 0, -1]);
    expect(x.grad!.tolist()).toEqual([2, 0, -6]);
    x.zeroGrad();
    ag.backward([x.sum(), x.mul(2)], [undefined, [1, 1, 1]]);
    expect(x.grad!.tolist()).toEqual([3, 3, 3]);
  });

  it('backward on a leaf accumulates the seed', () => {
    const x = ag.tensor(2, { requiresGrad: true });
    x.backward();
    expect(x.grad!.item()).toBe(1);
  });

  it('noGrad records nothing; enableGrad inside it records again', () => {
    const x = ag.tensor([1], { requiresGrad: true });
    expect(ag.noGrad(() => x.mul(2)).requiresGrad).toBe(false);
    expect(ag.noGrad(() => ag.enableGrad(() => x.mul(2))).requiresGrad).toBe(true);
    expect(ag.isGradEnabled()).toBe(true);
    expect(() => ag.noGrad(() => { throw new Error('x'); })).toThrow('x');
    expect(ag.isGradEnabled()).toBe(true);
  });

  it('createGraph records the backward pass (and retains the graph)', () => {
    const x = ag.tensor(1.5, { requiresGrad: true });
    const y = x.pow(3);
    y.backward(undefined, { createGraph: true });
    const g = x.gradTensor!;
    expect(g.item()).toBeCloseTo(3 * 1.5 ** 2, 14);
    expect(g.requiresGrad).toBe(true);
    const [h] = ag.gradients([g], [x]);
    expect(h!.item()).toBeCloseTo(6 * 1.5, 14);
    y.backward(); // the first graph was retained
    expect(x.grad!.item()).toBeCloseTo(2 * 3 * 1.5 ** 2, 14);
  });
});

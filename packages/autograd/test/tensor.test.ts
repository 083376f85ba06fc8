/**
 * The Tensor and its creation: `ag.tensor` copies, `ag.asTensor` shares; dtype defaults
 * (float64 for JS data, the input's for NDArrays); integer tensors cannot require grad;
 * properties, `detach`, `item`, `zeroGrad`, printing; weak JS scalars keep float32.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import { expectThrows } from '../../../test/helpers.js';

describe('creation', () => {
  it('ag.tensor copies; JS numbers and arrays become float64, booleans bool', () => {
    const a = np.array([1, 2, 3], { dtype: 'float64' });
    const t = ag.tensor(a);
    expect(t.data === a).toBe(false);
    a.set(0, 9);
    expect(t.data.tolist()).toEqual([1, 2, 3]);
    expect(ag.tensor([1, 2]).dtype).toBe('float64');
    expect(ag.tensor(3).dtype).toBe('float64');
    expect(ag.tensor([true, false]).dtype).toBe('bool');
    expect(ag.tensor(np.array([1, 2])).dtype).toBe('int32');
    expect(ag.tensor(new Float32Array([1, 2])).dtype).toBe('float32');
    expect(ag.tensor([1, 2], { dtype: 'float32' }).dtype).toBe('float32');
  });

  it('ag.asTensor shares an NDArray (writes show through) and returns a tensor as is', () => {
    const a = np.zeros(3);
    const t = ag.asTensor(a, { requiresGrad: true });
    expect(t.data === a).toBe(true);
    a.set(1, 5);
    expect(t.data.tolist()).toEqual([0, 5, 0]);
    expect(ag.asTensor(t) === t).toBe(true);
    expect(ag.asTensor(t, { dtype: 'float32' }).dtype).toBe('float32');
  });

  it('integer and bool tensors cannot require grad (DTypeError)', () => {
    const msg = "only tensors of floating dtype can require gradients (got int32); create the tensor with { dtype: 'float64' }";
    expectThrows(() => ag.tensor(np.array([1, 2]), { requiresGrad: true }), np.DTypeError, msg);
    expectThrows(() => (ag.tensor(np.array([1, 2])).requiresGrad = true), np.DTypeError, msg);
    expectThrows(() => ag.tensor([true], { requiresGrad: true }), np.DTypeError, msg.replace('int32', 'bool'));
  });
});

describe('properties and methods', () => {
  it('shape, dtype, ndim, size, T, isLeaf, gradFn', () => {
    const x = ag.tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true });
    expect([x.shape, x.dtype, x.ndim, x.size]).toEqual([[2, 3], 'float64', 2, 6]);
    expect(x.T.shape).toEqual([3, 2]);
    expect(x.isLeaf).toBe(true);
    expect(x.gradFn).toBeNull();
    const y = x.mul(2).sum();
    expect(y.isLeaf).toBe(false);
    expect(y.gradFn).toBe('sum');
    expect(y.requiresGrad).toBe(true);
    expectThrows(() => (y.requiresGrad = false), np.ValueError, 'you can only change requiresGrad flags of leaf tensors; use detach()');
  });

  it('detach cuts the tape and shares data; item reads one element', () => {
    const x = ag.tensor([2], { requiresGrad: true });
    const y = x.mul(3);
    const d = y.detach();
    expect(d.requiresGrad).toBe(false);
    expect(d.data === y.data).toBe(true);
    expect(y.item()).toBe(6);
    expect(ag.tensor([true]).item()).toBe(1);
    expectThrows(() => ag.tensor([1, 2]).item(), np.ValueError, 'can only convert an array of size 1 to a Python scalar');
  });

  it('grad accumulates over backward calls; zeroGrad clears it; grad can be assigned', () => {
    const x = ag.tensor([1, 2], { requiresGrad: true });
    x.mul(x).sum().backward();
    x.mul(3).sum().backward();
    expect(x.grad!.tolist()).toEqual([5, 7]);
    x.zeroGrad();
    expect(x.grad).toBeNull();
    x.grad = np.ones(2);
    expect(x.grad.tolist()).toEqual([1, 1]);
    x.grad = null;
    expect(x.gradTensor).toBeNull();
  });

  it("a stored gradient is the leaf's own array (never aliased by another leaf's)", () => {
    const a = ag.tensor([1, 2], { requiresGrad: true });
    const b = ag.tensor([3, 4], { requiresGrad: true });
    a.add(b).backward(np.array([1, 1], { dtype: 'float64' }));
    expect(a.grad === b.grad).toBe(false);
    a.grad!.set(0, 100);
    expect(b.grad!.tolist()).toEqual([1, 1]);
  });

  it('retainGrad keeps the gradient of a non-leaf', () => {
    const x = ag.tensor([1, 2], { requiresGrad: true });
    const h = x.mul(2);
    h.retainGrad();
    const k = x.mul(5);
    h.mul(h).sum().add(k.sum()).backward();
    expect(h.grad!.tolist()).toEqual([4, 8]);
    expect(k.grad).toBeNull();
    expect(x.grad!.tolist()).toEqual([13, 21]);
  });

  it('prints as NumPy repr in a tensor frame', () => {
    expect(String(ag.tensor([1, 2]))).toBe('tensor([1., 2.])');
    expect(String(ag.tensor([1.5], { requiresGrad: true }))).toBe('tensor([1.5], requiresGrad=true)');
    expect(String(ag.tensor([1, 2], { requiresGrad: true }).mul(2))).toBe('tensor([2., 4.], gradFn=<multiply>)');
    expect(ag.tensor([[1, 2], [3, 4]]).repr()).toBe('tensor([[1., 2.],\n        [3., 4.]])');
  });

  it('JS numbers are weak scalars: float32 stays float32, and its gradient is float32', () => {
    const x = ag.tensor(new Float32Array([1, 2]), { requiresGrad: true });
    const y = x.mul(2).add(0.5).pow(2);
    expect(y.dtype).toBe('float32');
    y.sum().backward();
    expect(x.grad!.dtype).toBe('float32');
    expect(Array.from(x.grad!.data as Float32Array)).toEqual([10, 18]);
    expect(ag.add(1, 2).item()).toBe(3);
  });

  it('mixed precision: a float32 input of a float64 op gets a float32 gradient', () => {
    const x = ag.tensor(new Float32Array([1, 2]), { requiresGrad: true });
    const w = ag.tensor([0.5, 0.25], { requiresGrad: true });
    const y = x.mul(w);
    expect(y.dtype).toBe('float64');
    y.sum().backward();
    expect(x.grad!.dtype).toBe('float32');
    expect(w.grad!.dtype).toBe('float64');
    expect(Array.from(x.grad!.data as Float32Array)).toEqual([0.5, 0.25]);
  });

  it('ops on integer tensors compute and never require grad', () => {
    const i = ag.tensor(np.array([1, 2, 3]));
    const x = ag.tensor([1, 1, 1], { requiresGrad: true });
    expect(i.add(1).dtype).toBe('int32');
    const y = x.mul(i);
    expect(y.requiresGrad).toBe(true);
    expect(ag.floor(x).astype('int32').requiresGrad).toBe(false);
    y.sum().backward();
    expect(x.grad!.tolist()).toEqual([1, 2, 3]);
  });
});

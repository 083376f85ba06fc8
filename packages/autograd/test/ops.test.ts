/**
 * The ops' documented conventions and edge cases: ties (split evenly), `relu'(0)`,
 * `abs'(0)`, zero gradients of piecewise-constant ops, `clip` at and across its bounds,
 * `prod`/`cumprod` with zeros, `power` at 0, `std` at zero spread, stable activations at
 * extreme inputs (no NaN or Inf), indexing with repeated indices, einsum, linalg, norms,
 * quantile methods, and the non-differentiable ops returning constant tensors.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import { expectThrows } from '../../../test/helpers.js';

/** The gradient of `f` at `x` (JS data), as nested JS arrays. */
const gradOf = (f: (x: ag.Tensor) => ag.Tensor, x: np.ArrayLike): unknown => ag.grad((t: ag.Tensor) => f(t).sum())(x).tolist();
const f64 = (x: np.ArrayLike): np.NDArray => np.array(x, { dtype: 'float64' });

describe('tie and kink conventions', () => {
  it('maximum/minimum/fmax/fmin split ties evenly; fmax/fmin send it all to the non-NaN input', () => {
    const a = ag.tensor([1, 2, 3], { requiresGrad: true });
    const b = ag.tensor([3, 2, 1], { requiresGrad: true });
    ag.maximum(a, b).sum().backward();
    expect([a.grad!.tolist(), b.grad!.tolist()]).toEqual([[0, 0.5, 1], [1, 0.5, 0]]);
    const [ga, gb] = ag.grad((x: ag.Tensor, y: ag.Tensor) => ag.fmax(x, y).sum(), [0, 1])([NaN, 1, 5], [2, NaN, 5]);
    expect([ga!.tolist(), gb!.tolist()]).toEqual([[0, 1, 0.5], [1, 0, 0.5]]);
    expect(gradOf((x) => ag.minimum(x, 2), [1, 2, 3])).toEqual([1, 0.5, 0]);
    expect(gradOf((x) => ag.fmin(x, NaN), [1, 2])).toEqual([1, 1]);
  });

  it('max/min/amax/amin/nanmax share the gradient among ties (PyTorch amax)', () => {
    expect(gradOf((x) => ag.max(x), [1, 3, 3, 2])).toEqual([0, 0.5, 0.5, 0]);
    expect(gradOf((x) => ag.amin(x, 1), [[1, 1, 2], [0, 5, 0]])).toEqual([[0.5, 0.5, 0], [0.5, 0, 0.5]]);
    expect(gradOf((x) => ag.nanmax(x), [NaN, 2, 2])).toEqual([0, 0.5, 0.5]);
    expect(gradOf((x) => ag.max(x, { axis: 0, keepdims: true }), [[1, 2], [1, 0]])).toEqual([[0.5, 1], [0.5, 0]]);
  });

  it("relu'(0) = 0, abs'(0) = 0, and sign/floor/ceil/trunc/rint/round/floorDivide/heaviside have zero gradients", () => {
    expect(gradOf(ag.relu, [-1, 0, 2])).toEqual([0, 0, 1]);
    expect(gradOf(ag.abs, [-1, 0, 2])).toEqual([-1, 0, 1]);
    for (const f of [ag.sign, ag.floor, ag.ceil, ag.trunc, ag.rint, (x: ag.Tensor) => ag.round(x, 1), (x: ag.Tensor) => ag.floorDivide(x, 2), (x: ag.Tensor) => ag.heaviside(x, 0.5)]) {
      expect(gradOf(f, [-1.5, 0.2, 2.7])).toEqual([0, 0, 0]);
    }
  });

  it('clip: bounds inclusive for x (PyTorch clamp), the rest to the bound; lo > hi gives all to hi', () => {
    const [gx, glo, ghi] = ag.grad((x: ag.Tensor, lo: ag.Tensor, hi: ag.Tensor) => ag.clip(x, lo, hi).sum(), [0, 1, 2])([-2, 0, 0.5, 1, 3], [0, 0, 0, 0, 0], [1, 1, 1, 1, 1]);
    expect([gx!.tolist(), glo!.tolist(), ghi!.tolist()]).toEqual([[0, 1, 1, 1, 0], [1, 0, 0, 0, 0], [0, 0, 0, 0, 1]]);
    const [hx, hlo, hhi] = ag.grad((x: ag.Tensor, lo: ag.Tensor, hi: ag.Tensor) => ag.clip(x, lo, hi), [0, 1, 2])(0.5, 2, 1);
    expect([hx!.item(), hlo!.item(), hhi!.item()]).toEqual([0, 0, 1]);
    expect(gradOf((x) => ag.clip(x, null, 1), [0, 2])).toEqual([1, 0]);
    expect(gradOf((x) => x.clip(0), [-1, 2])).toEqual([0, 1]);
    expect(gradOf((x) => x.clip(), [-1, 2])).toEqual([1, 1]);
  });

  it('where sends g to the chosen branch; the condition gets none', () => {
    const [gx, gy] = ag.grad((x: ag.Tensor, y: ag.Tensor) => ag.where(f64([1, 0, 1]), x, y).sum(), [0, 1])([1, 2, 3], 7);
    expect([gx!.tolist(), gy!.item()]).toEqual([[1, 0, 1], 1]);
    expect(ag.where([true, false, true]).map((t) => t.tolist())).toEqual([[0, 2]]);
  });

  it('power: d/da = 0 where b == 0, d/db = 0 where a == 0 and b >= 0', () => {
    const [ga, gb] = ag.grad((a: ag.Tensor, b: ag.Tensor) => ag.power(a, b).sum(), [0, 1])([0, 0, 2, 0], [0, 2, 3, 0.5]);
    expect(ga!.tolist()).toEqual([0, 0, 12, Infinity]);
    expect(gb!.tolist()).toEqual([0, 0, 8 * Math.log(2), 0]);
  });
});

describe('reductions with zeros and degenerate spreads', () => {
  it('prod is exact with one zero and with several', () => {
    expect(gradOf((x) => ag.prod(x), [2, 0, 3])).toEqual([0, 6, 0]);
    expect(gradOf((x) => ag.prod(x), [0, 5, 0])).toEqual([0, 0, 0]);
    expect(gradOf((x) => ag.prod(x, 1), [[1, 2], [0, 4]])).toEqual([[2, 1], [4, 0]]);
    expect(gradOf((x) => ag.prod(x), [])).toEqual([]);
  });

  it('cumprod is exact with zeros', () => {
    // y = [2, 0, 0], dy/dx summed: d/dx0 = 1, d/dx1 = x0 + x0 x2 = 2 + 6 = 8, d/dx2 = x0 x1 = 0
    expect(gradOf((x) => ag.cumprod(x), [2, 0, 3])).toEqual([1, 8, 0]);
    expect(gradOf((x) => ag.cumprod(x, 0), [[0, 1], [2, 3]])).toEqual([[3, 4], [0, 1]]);
  });

  it('std has a zero gradient where the spread is 0, var/std honour ddof', () => {
    expect(gradOf((x) => ag.std(x), [2, 2, 2])).toEqual([0, 0, 0]);
    expect(gradOf((x) => ag.var(x, null, { ddof: 1 }), [1, 2, 6])).toEqual([-2, -1, 3]);
    expect(ag.std(ag.tensor([1, 2, 3, 4]), { ddof: 1 }).item()).toBe(np.std(f64([1, 2, 3, 4]), null, { ddof: 1 }));
  });

  it('full reductions give 0-d tensors; keepdims and axes as NumPy', () => {
    const x = ag.tensor([[1, 2], [3, 4]]);
    expect(x.sum().shape).toEqual([]);
    expect(x.mean(0, { keepdims: true }).shape).toEqual([1, 2]);
    expect(ag.sum(x, { axis: [0, 1] }).item()).toBe(10);
    expectThrows(() => x.sum(2), np.AxisError, 'axis 2 is out of bounds for array of dimension 2');
    expectThrows(() => x.sum([0, 0]), np.ValueError, "duplicate value in 'axis'");
  });

  it('median and quantiles send the gradient to the order statistics, interpolated', () => {
    expect(gradOf((x) => ag.median(x), [3, 1, 2, 10])).toEqual([0.5, 0, 0.5, 0]);
    expect(gradOf((x) => ag.quantile(x, 0.25), [4, 1, 3, 2])).toEqual([0, 0.25, 0, 0.75]);
    expect(gradOf((x) => ag.percentile(x, 50, { method: 'higher' }), [4, 1, 3, 2])).toEqual([0, 0, 1, 0]);
    expect(gradOf((x) => ag.nanmedian(x), [NaN, 1, 5, 3])).toEqual([0, 0, 0, 1]);
    expect(gradOf((x) => ag.median(x), [1, 1, 1])).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expectThrows(
      () => gradOf((x) => ag.quantile(x, 0.5, { method: 'hazen' }), [1, 2, 3]),
      np.ValueError,
      "'quantile' is not differentiable for method 'hazen' (use one of linear, lower, higher, midpoint, nearest)",
    );
  });
});

describe('numerically delicate primitives: no NaN or Inf at extreme inputs', () => {
  const finite = (v: unknown): boolean => (v as number[]).every((e) => Number.isFinite(e));
  it('sigmoid, tanh, softplus', () => {
    expect(ag.sigmoid(ag.tensor([-1000, 1000])).tolist()).toEqual([0, 1]);
    expect(gradOf(ag.sigmoid, [-1000, 0, 1000])).toEqual([0, 0.25, 0]);
    expect(gradOf(ag.tanh, [-1000, 1000])).toEqual([0, 0]);
    expect(ag.softplus(ag.tensor([1000, -1000])).tolist()).toEqual([1000, 0]);
    expect(gradOf(ag.softplus, [1000, -1000])).toEqual([1, 0]);
    expect(gradOf(ag.expm1, [1e-10])).toEqual([1.0000000001]);
    expect(gradOf(ag.log1p, [-0.5])).toEqual([2]);
  });

  it('logsumexp, softmax, logSoftmax of logits 1000 apart', () => {
    const z = [1000, 0, -1000];
    expect(ag.logsumexp(ag.tensor(z)).item()).toBe(1000);
    expect(gradOf((x) => ag.logsumexp(x), z)).toEqual([1, 0, 0]);
    expect(finite(gradOf((x) => ag.softmax(x).mul(f64([1, 2, 3])), z))).toBe(true);
    expect(ag.logSoftmax(ag.tensor(z)).tolist()).toEqual([0, -1000, -2000]);
    expect(gradOf((x) => ag.logSoftmax(x).get(1), z)).toEqual([-1, 1, 0]);
    expect(ag.logsumexp(ag.tensor([-Infinity, -Infinity])).item()).toBe(-Infinity);
    expect(gradOf((x) => ag.logsumexp(x), [-Infinity, 0])).toEqual([0, 1]);
  });

  it('the 2-norm has a zero (sub)gradient at 0', () => {
    expect(gradOf((x) => ag.norm(x), [0, 0])).toEqual([0, 0]);
    expect(gradOf((x) => ag.norm(x), [3, 4])).toEqual([0.6, 0.8]);
    expect(ag.norm(ag.tensor([[1, -2], [3, 4]]), 1).item()).toBe(6);
    expectThrows(() => ag.norm(ag.tensor([[1, 2], [3, 4]]), 2), np.ValueError, 'norm order 2 for matrices needs singular values, which @numbat/autograd does not differentiate');
    expectThrows(() => ag.norm(ag.tensor([1, 2]), 'fro', { axis: 0 }), np.ValueError, "Invalid norm order 'fro' for vectors");
    expect(ag.norm(ag.tensor([[3, 4], [6, 8]]), null, { axis: 1 }).tolist()).toEqual([5, 10]);
    expect(ag.norm(ag.tensor([[3, 4], [6, 8]]), { axis: [0, 1], keepdims: true }).shape).toEqual([1, 1]);
  });
});

describe('indexing and gathers', () => {
  it('get: repeated fancy indices add up; masks, slices, newaxis', () => {
    expect(gradOf((x) => x.get([0, 0, 2, 0]), [1, 2, 3])).toEqual([3, 0, 1]);
    expect(gradOf((x) => x.get([true, false, true]), [1, 2, 3])).toEqual([1, 0, 1]);
    expect(gradOf((x) => x.get('::-2', null), [1, 2, 3])).toEqual([1, 0, 1]);
    expect(gradOf((x) => x.get(1, ag.tensor(np.array([1, 1]))), [[1, 2], [3, 4]])).toEqual([[0, 0], [0, 2]]);
    expect(gradOf((x) => x.get(), [5])).toEqual([1]);
  });

  it('take, takeAlongAxis, sort, partition, repeat, diag', () => {
    expect(gradOf((x) => ag.take(x, [2, 2, -1]), [1, 2, 3])).toEqual([0, 0, 3]);
    expect(gradOf((x) => ag.take(x, [5], { mode: 'wrap' }), [1, 2, 3])).toEqual([0, 0, 1]);
    const x = [[3, 1, 2]];
    expect(ag.sort(ag.tensor(x)).tolist()).toEqual([[1, 2, 3]]);
    expect(gradOf((t) => ag.sort(t).mul(f64([1, 10, 100])), x)).toEqual([[100, 1, 10]]);
    expect(gradOf((t) => ag.takeAlongAxis(t, ag.argsort(t, 1), 1).mul(f64([1, 10, 100])), x)).toEqual([[100, 1, 10]]);
    expect(ag.partition(ag.tensor([7, 1, 5, 3, 9]), 2).get(2).item()).toBe(5);
    expect(gradOf((t) => ag.partition(t, 2).get(2), [7, 1, 5, 3, 9])).toEqual([0, 0, 1, 0, 0]);
    expect(gradOf((t) => ag.repeat(t, [2, 0, 1]), [1, 2, 3])).toEqual([2, 0, 1]);
    expect(gradOf((t) => ag.diag(t, 1), [[1, 2], [3, 4]])).toEqual([[0, 1], [0, 0]]);
    expect(gradOf((t) => ag.diag(t).mul(f64([[1, 2], [3, 4]])), [5, 6])).toEqual([1, 4]);
  });

  it('split gives views whose gradients land in their slices', () => {
    const t = ag.tensor([1, 2, 3, 4], { requiresGrad: true });
    const [a, b] = ag.split(t, [1]);
    expect(a!.data.base === t.data || a!.data.base === t.data.base).toBe(true);
    a!.sum().add(b!.mul(2).sum()).backward();
    expect(t.grad!.tolist()).toEqual([1, 2, 2, 2]);
  });

  it('concatenate along null and stack of a tensor sequence', () => {
    expect(gradOf((t) => ag.concatenate([t, t.mul(2)], null), [[1], [2]])).toEqual([[3], [3]]);
    expect(ag.stack(ag.tensor([[1, 2], [3, 4]]), 1).tolist()).toEqual([[1, 3], [2, 4]]);
  });
});

describe('products, einsum and linalg', () => {
  it('matmul with 1-d operands and broadcast batches', () => {
    const [ga, gb] = ag.grad((a: ag.Tensor, b: ag.Tensor) => ag.matmul(a, b).sum(), [0, 1])([1, 2], np.ones([3, 2, 2], { dtype: 'float64' }));
    expect(ga!.tolist()).toEqual([6, 6]);
    expect(gb!.tolist()).toEqual(Array(3).fill([[1, 1], [2, 2]]));
  });

  it('einsum: values as NumPy, gradients as einsums (matrix product, trace, diagonal, outer)', () => {
    const A = f64([[1, 2], [3, 4]]);
    const B = f64([[5, 6], [7, 8]]);
    expect(ag.einsum('ij,jk->ik', A, B).tolist()).toEqual(np.einsum('ij,jk->ik', A, B).tolist());
    const [ga, gb] = ag.grad((a: ag.Tensor, b: ag.Tensor) => ag.einsum('ij,jk->ik', a, b).sum(), [0, 1])(A, B);
    expect(ga!.tolist()).toEqual(np.matmul(np.ones([2, 2]), B.T).tolist());
    expect(gb!.tolist()).toEqual(np.matmul(A.T, np.ones([2, 2])).tolist());
    expect(gradOf((a) => ag.einsum('ii', a), A)).toEqual([[1, 0], [0, 1]]);
    expect(gradOf((a) => ag.einsum('ii->i', a).mul(f64([2, 3])), A)).toEqual([[2, 0], [0, 3]]);
    expect(gradOf((a) => ag.einsum('i,j->ij', a, f64([1, 2, 3])), [1, 1])).toEqual([6, 6]);
    expect(gradOf((a) => ag.einsum(a, [0, 1], [1]), A)).toEqual([[1, 1], [1, 1]]);
    expectThrows(() => ag.einsum('ij,jk', ag.tensor([1, 2])), np.ValueError, 'more operands provided to einstein sum function than specified in the subscripts string');
  });

  it('linalg: slogdet names, det of a singular matrix has no gradient, cholesky upper', () => {
    const { sign, logabsdet } = ag.linalg.slogdet(ag.tensor([[1, 2], [3, 4]]));
    expect([sign.item(), logabsdet.item()]).toEqual([-1, Math.log(2)]);
    expect(gradOf((a) => ag.linalg.det(a), [[2, 0], [0, 3]])).toEqual([[3, 0], [0, 2]]);
    expectThrows(() => gradOf((a) => ag.linalg.det(a), [[1, 2], [2, 4]]), np.LinAlgError, 'Singular matrix');
    const U = ag.linalg.cholesky(ag.tensor([[4, 2], [2, 3]]), { upper: true });
    expect(U.tolist()).toEqual(np.linalg.cholesky(f64([[4, 2], [2, 3]]), { upper: true }).tolist());
    // lower factor: only the lower triangle of A is read, so the upper one gets no gradient
    const g = gradOf((a) => ag.linalg.cholesky(a), [[4, 2], [2, 3]]) as number[][];
    expect(g[0]![1]).toBe(0);
  });
});

describe('ops without gradients return constant tensors', () => {
  it('comparisons, tests, arg-reductions', () => {
    const x = ag.tensor([1, 5, 3], { requiresGrad: true });
    for (const t of [x.greater(2), ag.isnan(x), ag.argmax(x), ag.argsort(x), ag.any(x), ag.countNonzero(x, 0), ag.isclose(x, 1), ag.unique(x)]) {
      expect(t.requiresGrad).toBe(false);
    }
    expect(x.greater(2).tolist()).toEqual([false, true, true]);
    expect(ag.argmax(x).item()).toBe(1);
    expect(ag.argmax(ag.tensor([[1, 5], [7, 0]]), { axis: 1, keepdims: true }).tolist()).toEqual([[1], [0]]);
    expect(ag.allclose(x, [1, 5, 3])).toBe(true);
    expect(ag.nonzero(ag.tensor([0, 2]))[0]!.tolist()).toEqual([1]);
  });
});

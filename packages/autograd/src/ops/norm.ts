/**
 * `norm`: NumPy's `np.linalg.norm` on tensors. The 2-norm (and Frobenius norm) is a
 * primitive whose gradient `g x / |x|` is 0 at `x = 0` (PyTorch's subgradient, not
 * `0/0`); the other orders are composites of `abs`, `sum`, `max`, `min` and `power`, so
 * they inherit those ops' conventions (ties of `max` share the gradient, `abs'(0) = 0`).
 * Matrix orders 2, -2 and 'nuc' need singular values and are not supported.
 */
import * as np from '@numbat/ndarray';
import { defineOp, isFloat, toTensor, type TensorLike } from '../define-op.js';
import type { Tensor } from '../tensor.js';
import { normalizeAxis } from './axes.js';
import { expandReduced, max, min, sum, type ReductionFn } from './reductions.js';
import { where } from './select.js';
import { astype } from './shape.js';
import { abs } from './unary.js';

/** A norm order: a number (including ±Infinity), or 'fro' (also 'f') / 'nuc' for matrices; null: the default. */
export type NormOrder = number | 'fro' | 'f' | 'nuc' | null;

/** Options of {@link norm} (as `np.linalg.norm`'s). */
export interface NormOptions {
  /** The order (default null: the 2-norm of vectors, Frobenius of matrices); may also be passed positionally. */
  ord?: NormOrder;
  /** One axis (vector norms), two axes (matrix norms) or null (all: vector if 1-d, matrix if 2-d). */
  axis?: number | readonly number[] | null;
  /** Keep the reduced axes as length 1. */
  keepdims?: boolean;
}

interface L2Params {
  axes: number[];
  keepdims: boolean;
}

const l2Op = defineOp<L2Params>({
  name: 'norm',
  forward: ([x], p) => np.sqrt(np.sum(np.square(x!), p.axes, { keepdims: p.keepdims })),
  backward: (g, { inputs: [x], output, params: p }) => {
    const y = expandReduced(output, x!.shape, p.axes, p.keepdims);
    const zero = np.equal(y.data, 0);
    const gk = expandReduced(g, x!.shape, p.axes, p.keepdims);
    return [where(zero, 0, gk.mul(x!).div(where(zero, 1, y)))];
  },
});

function reduceKeep(t: Tensor, axes: number[], keepdims: boolean, f: ReductionFn): Tensor {
  return f(t, { axis: axes, keepdims });
}

function vectorNorm(t: Tensor, ord: NormOrder, axis: number, keepdims: boolean): Tensor {
  const axes = [axis];
  if (ord === null || ord === 2) return l2Op([t], { axes, keepdims });
  if (typeof ord !== 'number') throw new np.ValueError(`Invalid norm order '${ord}' for vectors`);
  const a = abs(t);
  if (ord === Infinity) return reduceKeep(a, axes, keepdims, max);
  if (ord === -Infinity) return reduceKeep(a, axes, keepdims, min);
  if (ord === 0) return reduceKeep(a.notEqual(0).astype(t.dtype), axes, keepdims, sum);
  if (ord === 1) return reduceKeep(a, axes, keepdims, sum);
  return reduceKeep(a.pow(ord), axes, keepdims, sum).pow(1 / ord);
}

function matrixNorm(t: Tensor, ord: NormOrder, rowAxis: number, colAxis: number, keepdims: boolean): Tensor {
  if (rowAxis === colAxis) throw new np.ValueError('Duplicate axes given.');
  if (ord === null || ord === 'fro' || ord === 'f') return l2Op([t], { axes: [rowAxis, colAxis].sort((i, j) => i - j), keepdims });
  if (ord === 2 || ord === -2 || ord === 'nuc') throw new np.ValueError(`norm order ${String(ord)} for matrices needs singular values, which @numbat/autograd does not differentiate`);
  if (ord !== 1 && ord !== -1 && ord !== Infinity && ord !== -Infinity) throw new np.ValueError('Invalid norm order for matrices.');
  // ord ±1: extreme column sum (sum over rows); ord ±inf: extreme row sum (sum over columns)
  const [sumAxis, pickAxis] = ord === 1 || ord === -1 ? [rowAxis, colAxis] : [colAxis, rowAxis];
  const sums = sum(abs(t), { axis: sumAxis, keepdims: true });
  const pick = ord > 0 ? max(sums, { axis: pickAxis, keepdims: true }) : min(sums, { axis: pickAxis, keepdims: true });
  return keepdims ? pick : pick.reshape(t.shape.filter((_, i) => i !== rowAxis && i !== colAxis));
}

/**
 * Vector and matrix norms (`np.linalg.norm`): `norm(x)`, `norm(x, ord)`,
 * `norm(x, ord, { axis, keepdims })` or `norm(x, { ord, axis, keepdims })`, as ndarray's
 * `np.linalg.norm`. Integer input is converted to float64 first, as NumPy does. Always a
 * tensor (0-d for a full norm).
 *
 * @example
 * ag.norm(ag.tensor([3, 4])); // tensor(5.)
 * ag.norm(ag.tensor([[1, -2], [3, 4]]), 1); // tensor(6.)
 * ag.norm(ag.tensor([[3, 4], [6, 8]]), null, { axis: 1 }); // tensor([ 5., 10.])
 */
export function norm(x: TensorLike, ordOrOptions?: NormOrder | NormOptions, options: NormOptions = {}): Tensor {
  const o: NormOptions = typeof ordOrOptions === 'object' && ordOrOptions !== null ? ordOrOptions : { ...options, ord: ordOrOptions ?? options.ord ?? null };
  let t = toTensor(x);
  if (!isFloat(t.dtype)) t = astype(t, 'float64');
  const order = o.ord ?? null;
  const keepdims = o.keepdims === true;
  const nd = t.ndim;
  const axis = o.axis ?? null;
  if (axis === null) {
    if (order === null) return l2Op([t], { axes: Array.from({ length: nd }, (_, i) => i), keepdims });
    if (nd === 1) return vectorNorm(t, order, 0, keepdims);
    if (nd === 2) return matrixNorm(t, order, 0, 1, keepdims);
    throw new np.ValueError('Improper number of dimensions to norm.');
  }
  if (typeof axis === 'number') return vectorNorm(t, order, normalizeAxis(axis, nd), keepdims);
  if (axis.length === 1) return vectorNorm(t, order, normalizeAxis(axis[0]!, nd), keepdims);
  if (axis.length === 2) return matrixNorm(t, order, normalizeAxis(axis[0]!, nd), normalizeAxis(axis[1]!, nd), keepdims);
  throw new np.ValueError('Improper number of dimensions to norm.');
}

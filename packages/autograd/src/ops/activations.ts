/**
 * Numerically delicate functions as primitives with their own stable forward and
 * gradient (never composed from `exp` and `log`, which overflow or cancel at extreme
 * inputs): `relu`, `sigmoid`, `softplus`, `logsumexp`, `softmax`, `logSoftmax`.
 * They are not NumPy functions; the names and conventions are PyTorch's:
 * `relu'(0) = 0`; `softmax(x, axis = -1)`; gradients are finite for every finite input
 * (`sigmoid(±1000)`, `softplus(1000)`, `logSoftmax` of logits 1000 apart).
 */
import * as np from '@numbat/ndarray';
import { defineOp, toTensor, type TensorLike } from '../define-op.js';
import { Tensor } from '../tensor.js';
import { countOf, keptShape, normalizeAxes, normalizeAxis, reduceArgs, type Axis, type ReduceOptions } from './axes.js';
import { expandReduced } from './reductions.js';
import { where } from './select.js';
import { exp } from './unary.js';

const reluOp = defineOp({
  name: 'relu',
  forward: ([x]) => np.maximum(x!, 0),
  backward: (g, { inputs: [x] }) => [where(np.greater(x!.data, 0), g, 0)],
});

/** `max(x, 0)` (`torch.relu`); gradient `g` where `x > 0`, 0 elsewhere (`relu'(0) = 0`). @example ag.relu(ag.tensor([-1, 2])); // tensor([0., 2.]) */
export function relu(x: TensorLike): Tensor {
  return reluOp([x]);
}

/** The logistic function, stable on both sides: `1/(1+e^-x)` for x >= 0, `e^x/(1+e^x)` below. */
function sigmoidValues(x: np.ArrayLike): np.NDArray {
  const e = np.exp(np.negative(np.abs(x)));
  return np.where(np.greaterEqual(x, 0), np.divide(1, np.add(e, 1)), np.divide(e, np.add(e, 1)));
}

const sigmoidOp = defineOp({
  name: 'sigmoid',
  forward: ([x]) => sigmoidValues(x!),
  backward: (g, { output: y }) => [g.mul(y).mul(y.neg().add(1))],
});

/** The logistic function `1 / (1 + e^-x)` (`torch.sigmoid`); gradient `g y (1 - y)`, 0 (not NaN) at the extremes. @example ag.sigmoid(ag.tensor([0])); // tensor([0.5]) */
export function sigmoid(x: TensorLike): Tensor {
  return sigmoidOp([x]);
}

const softplusOp = defineOp({
  name: 'softplus',
  // log(1 + e^x) = max(x, 0) + log1p(e^-|x|): no overflow for large x, no loss for small
  forward: ([x]) => np.add(np.maximum(x!, 0), np.log1p(np.exp(np.negative(np.abs(x!))))),
  backward: (g, { inputs: [x] }) => [g.mul(sigmoid(x!))],
});

/** `log(1 + e^x)` (`torch.nn.functional.softplus`, beta 1); gradient `g sigmoid(x)`. @example ag.softplus(ag.tensor([0])); // tensor([0.69314718]) */
export function softplus(x: TensorLike): Tensor {
  return softplusOp([x]);
}

interface Reduced {
  axes: number[];
  keepdims: boolean;
}

/** `log(sum(exp(x)))` over `axes` with kept dims, shifted by the maximum (a finite shift only). */
function logsumexpKept(x: np.NDArray, axes: readonly number[]): np.NDArray {
  if (countOf(x.shape, axes) === 0) return np.log(np.sum(np.exp(x), axes, { keepdims: true }));
  const m = np.max(x, axes, { keepdims: true });
  const shift = np.where(np.isfinite(m), m, 0);
  return np.add(np.log(np.sum(np.exp(np.subtract(x, shift)), axes, { keepdims: true })), shift);
}

/** `y` (kept dims) with infinities replaced by 0, for `exp(x - y)` without `inf - inf`. */
function finiteShift(y: Tensor): Tensor {
  return where(np.isfinite(y.data), y, 0);
}

const logsumexpOp = defineOp<Reduced>({
  name: 'logsumexp',
  forward: ([x], p) => {
    const r = logsumexpKept(np.asarray(x!), p.axes);
    return p.keepdims ? r : np.reshape(r, r.shape.filter((_, i) => !p.axes.includes(i)));
  },
  backward: (g, { inputs: [x], output, params: p }) => {
    const yk = p.keepdims ? output : output.reshape(keptShape(x!.shape, p.axes));
    return [expandReduced(g, x!.shape, p.axes, p.keepdims).mul(exp(x!.sub(finiteShift(yk))))];
  },
});

/**
 * `log(sum(exp(x)))` over axes (`scipy.special.logsumexp`, `torch.logsumexp`), stable:
 * shifted by the maximum. Gradient `g softmax(x)`.
 *
 * @example
 * ag.logsumexp(ag.tensor([1000, 1000])); // tensor(1000.69314718)
 */
export function logsumexp(x: TensorLike, axisOrOptions?: Axis | ReduceOptions, options?: ReduceOptions): Tensor {
  const t = toTensor(x);
  const o = reduceArgs(axisOrOptions, options);
  return logsumexpOp([t], { axes: normalizeAxes(o.axis, t.ndim), keepdims: o.keepdims === true });
}

const softmaxOp = defineOp<number>({
  name: 'softmax',
  forward: ([x], axis) => {
    const a = np.asarray(x!);
    const e = np.exp(np.subtract(a, np.max(a, axis, { keepdims: true })));
    return np.divide(e, np.sum(e, axis, { keepdims: true }));
  },
  backward: (g, { output: y, params: axis }) => [y.mul(g.sub(g.mul(y).sum(axis, { keepdims: true })))],
});

/**
 * `exp(x) / sum(exp(x))` along `axis` (default -1) (`torch.softmax`), shifted by the
 * maximum; gradient `y (g - sum(g y))`.
 *
 * @example
 * ag.softmax(ag.tensor([0, 0])); // tensor([0.5, 0.5])
 */
export function softmax(x: TensorLike, axis = -1): Tensor {
  const t = toTensor(x);
  return softmaxOp([t], normalizeAxis(axis, Math.max(t.ndim, 1)));
}

const logSoftmaxOp = defineOp<number>({
  name: 'logSoftmax',
  forward: ([x], axis) => {
    const a = np.asarray(x!);
    return np.subtract(a, logsumexpKept(a, [axis]));
  },
  backward: (g, { output: y, params: axis }) => [g.sub(exp(y).mul(g.sum(axis, { keepdims: true })))],
});

/**
 * `x - logsumexp(x)` along `axis` (default -1) (`torch.log_softmax`), stable for any
 * spread of logits; gradient `g - softmax(x) sum(g)`.
 *
 * @example
 * ag.logSoftmax(ag.tensor([0, 0])); // tensor([-0.69314718, -0.69314718])
 */
export function logSoftmax(x: TensorLike, axis = -1): Tensor {
  const t = toTensor(x);
  return logSoftmaxOp([t], normalizeAxis(axis, Math.max(t.ndim, 1)));
}

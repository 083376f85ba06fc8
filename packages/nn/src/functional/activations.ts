/**
 * Activation functions as pure Tensor functions (`torch.nn.functional`), each written once
 * and used by the modules of `layers/activations.ts`.
 *
 * Every function is composed from autograd ops, so it has gradients of any order; the
 * numerically delicate parts are autograd's stable primitives (`sigmoid`, `softplus`,
 * `softmax`, `logSoftmax`). Conventions at the kinks are PyTorch's: the gradient at
 * `x = 0` is that of the `x <= 0` branch (`relu'(0) = 0`, `leakyRelu'(0) = slope`,
 * `elu'(0) = alpha`), and branches that are not taken never feed `inf * 0` into the
 * gradient (ELU's exponential only sees `min(x, 0)`).
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import { toTensor, uniformArray, type RngOptions } from './common.js';

/** `x` itself (`nn.Identity`). @example F.identity(x) === x; // for a tensor x */
export function identity(x: ag.TensorLike): ag.Tensor {
  return toTensor(x);
}

/**
 * The unit step: 1 for `x >= 0`, 0 below (the lectures' "единичная ступенька";
 * `np.heaviside(x, 1)`), NaN stays NaN. Its gradient is zero everywhere (PyTorch's
 * `heaviside` has none either), so it cannot be trained by gradient descent.
 *
 * @example
 * F.heaviside(ag.tensor([-1, 0, 2])); // tensor([0., 1., 1.])
 */
export function heaviside(x: ag.TensorLike): ag.Tensor {
  return ag.heaviside(toTensor(x), 1);
}

/**
 * The logistic function with slope `alpha`: `1 / (1 + e^(-alpha x))` (the lectures'
 * form; `torch.sigmoid` when alpha is 1), stable at both ends; gradient `alpha y (1 - y)`.
 *
 * @example
 * F.sigmoid(ag.tensor([0])); // tensor([0.5])
 */
export function sigmoid(x: ag.TensorLike, alpha = 1): ag.Tensor {
  const t = toTensor(x);
  return ag.sigmoid(alpha === 1 ? t : t.mul(alpha));
}

/** The hyperbolic tangent (`torch.tanh`). @example F.tanh(ag.tensor([0])); // tensor([0.]) */
export function tanh(x: ag.TensorLike): ag.Tensor {
  return ag.tanh(toTensor(x));
}

/** The arctangent activation `tan^-1(x)` (the lectures' arctg); gradient `1 / (1 + x^2)`. @example F.arctan(ag.tensor([1])); // tensor([0.78539816]) */
export function arctan(x: ag.TensorLike): ag.Tensor {
  return ag.arctan(toTensor(x));
}

/** `x / (1 + |x|)` (`torch.nn.functional.softsign`); gradient `1 / (1 + |x|)^2`. @example F.softsign(ag.tensor([1])); // tensor([0.5]) */
export function softsign(x: ag.TensorLike): ag.Tensor {
  const t = toTensor(x);
  return t.div(t.abs().add(1));
}

/**
 * The inverse square root unit `x / sqrt(1 + alpha x^2)` (ISRU, the lectures' table; not
 * in PyTorch); gradient `(1 / sqrt(1 + alpha x^2))^3`.
 *
 * @example
 * F.isru(ag.tensor([1]), 3); // tensor([0.5])
 */
export function isru(x: ag.TensorLike, alpha = 1): ag.Tensor {
  const t = toTensor(x);
  return t.div(t.square().mul(alpha).add(1).sqrt());
}

/** `max(x, 0)` (`torch.relu`); `relu'(0) = 0`. @example F.relu(ag.tensor([-1, 2])); // tensor([0., 2.]) */
export function relu(x: ag.TensorLike): ag.Tensor {
  return ag.relu(toTensor(x));
}

/** `x` where `x > 0`, `slope * x` elsewhere: the gradient at 0 is the slope (PyTorch's choice). */
function leaky(t: ag.Tensor, slope: ag.TensorLike): ag.Tensor {
  return ag.where(np.greater(t.data, 0), t, t.mul(slope));
}

/**
 * `x` for `x > 0`, `negativeSlope * x` otherwise (`torch.nn.functional.leaky_relu`,
 * default slope 0.01).
 *
 * @example
 * F.leakyRelu(ag.tensor([-2, 3]), 0.1); // tensor([-0.2, 3.])
 */
export function leakyRelu(x: ag.TensorLike, negativeSlope = 0.01): ag.Tensor {
  return leaky(toTensor(x), negativeSlope);
}

/**
 * The parametric ReLU (`torch.nn.functional.prelu`): `x` for `x > 0`, `weight * x`
 * otherwise, with a learned `weight` of one element (shared) or one per channel (the
 * input's dim 1; inputs of fewer than 2 dims have one channel). Gradients reach `x` and
 * `weight`.
 *
 * @example
 * F.prelu(ag.tensor([[-1, 2]]), ag.tensor([0.25])); // tensor([[-0.25, 2.]])
 */
export function prelu(x: ag.TensorLike, weight: ag.TensorLike): ag.Tensor {
  const t = toTensor(x);
  const w = toTensor(weight);
  const n = w.size;
  const channels = t.ndim >= 2 ? t.shape[1]! : 1;
  if (w.ndim > 1) throw new np.ValueError(`prelu: the weight must be 1-d, got ${w.ndim} dims`);
  if (n !== 1 && n !== channels) {
    throw new np.ValueError(`Mismatch of parameter numbers and input channel size. Found parameter numbers = ${n} and channel size = ${channels}.`);
  }
  // one slope per channel broadcasts along dim 1: shape (C, 1, ..., 1)
  const slope = n === 1 || t.ndim < 2 ? w.reshape([]) : w.reshape([n, ...new Array<number>(t.ndim - 2).fill(1)]);
  return leaky(t, slope);
}

/** Options of {@link rrelu}. */
export interface RReLUOptions extends RngOptions {}

/**
 * The randomized leaky ReLU (`torch.nn.functional.rrelu`): in training, each element
 * gets its own slope drawn uniformly from `[lower, upper)` (`x * a` where `x <= 0`); in
 * evaluation the slope is the mean `(lower + upper) / 2`. Default bounds 1/8 and 1/3,
 * `training` false, as PyTorch. The draws come from `rng` (a `np.random.Generator`) or
 * NumPy's global legacy state.
 *
 * @example
 * F.rrelu(ag.tensor([-1, 1])); // tensor([-0.22916667, 1.])
 * F.rrelu(ag.tensor([-1, 1]), 0.1, 0.3, true, { rng: np.random.defaultRng(0) });
 */
export function rrelu(x: ag.TensorLike, lower = 1 / 8, upper = 1 / 3, training = false, options: RReLUOptions = {}): ag.Tensor {
  const t = toTensor(x);
  if (!(lower <= upper)) throw new np.ValueError(`Lower bound should be less than or equal to the upper bound, got lower=${lower}, upper=${upper}`);
  if (!training) return leaky(t, (lower + upper) / 2);
  const dtype = np.DTYPES[t.dtype].kind === 'f' ? t.dtype : 'float64';
  return leaky(t, ag.asTensor(uniformArray(t.shape, lower, upper, dtype, options.rng)));
}

/**
 * The exponential linear unit (`torch.nn.functional.elu`): `x` for `x > 0`,
 * `alpha (e^x - 1)` otherwise (expm1, exact near 0); `elu'(0) = alpha` as PyTorch.
 *
 * @example
 * F.elu(ag.tensor([-1000, 0, 2])); // tensor([-1., 0., 2.])
 */
export function elu(x: ag.TensorLike, alpha = 1): ag.Tensor {
  const t = toTensor(x);
  const positive = np.greater(t.data, 0);
  // expm1 sees min(x, 0) only: e^1000 of an unused branch would make the gradient inf * 0
  const neg = ag.where(positive, 0, t);
  return ag.where(positive, t, neg.expm1().mul(alpha));
}

/**
 * PyTorch's softplus (`torch.nn.functional.softplus`): `log(1 + e^(beta x)) / beta`,
 * reverting to `x` where `beta x > threshold` (default beta 1, threshold 20); stable at
 * every input, gradient `sigmoid(beta x)` (1 above the threshold).
 *
 * @example
 * F.softplus(ag.tensor([0, 1000])); // tensor([0.69314718, 1000.])
 */
export function softplus(x: ag.TensorLike, beta = 1, threshold = 20): ag.Tensor {
  const t = toTensor(x);
  const bx = beta === 1 ? t : t.mul(beta);
  const smooth = beta === 1 ? ag.softplus(bx) : ag.softplus(bx).div(beta);
  return ag.where(np.greater(bx.data, threshold), t, smooth);
}

/**
 * `exp(x) / sum(exp(x))` along `dim` (`torch.softmax`), stable for any logits. `dim`
 * defaults to -1 (PyTorch's implicit choice of dim is deprecated; pass it).
 *
 * @example
 * F.softmax(ag.tensor([[1000, 1000]]), 1); // tensor([[0.5, 0.5]])
 */
export function softmax(x: ag.TensorLike, dim = -1): ag.Tensor {
  return ag.softmax(toTensor(x), dim);
}

/**
 * `x - logsumexp(x)` along `dim` (`torch.log_softmax`), stable for any logits; `dim`
 * defaults to -1.
 *
 * @example
 * F.logSoftmax(ag.tensor([0, 0])); // tensor([-0.69314718, -0.69314718])
 */
export function logSoftmax(x: ag.TensorLike, dim = -1): ag.Tensor {
  return ag.logSoftmax(toTensor(x), dim);
}

/**
 * Maxout (the lectures' `max(w1·x + b1, w2·x + b2, ...)`): the maximum over groups of
 * `pieces` consecutive features along `dim` (default 1), so an input of `k * pieces`
 * features there gives `k` (features `j * pieces ... j * pieces + pieces - 1` make output
 * `j`). Apply it to a linear map of `k * pieces` outputs, as `nn.Maxout` does. Ties share
 * the gradient evenly (autograd's `max`). Not in PyTorch.
 *
 * @example
 * F.maxout(ag.tensor([[1, 5, 3, 2]]), 2); // tensor([[5., 3.]])
 */
export function maxout(x: ag.TensorLike, pieces: number, dim = 1): ag.Tensor {
  const t = toTensor(x);
  if (!Number.isInteger(pieces) || pieces < 1) throw new np.ValueError(`maxout: pieces must be a positive integer, got ${pieces}`);
  const d = dim < 0 ? dim + t.ndim : dim;
  if (d < 0 || d >= t.ndim) throw new np.AxisError(`axis ${dim} is out of bounds for array of dimension ${t.ndim}`);
  const n = t.shape[d]!;
  if (n % pieces !== 0) throw new np.ValueError(`maxout: the size ${n} of dim ${dim} is not a multiple of pieces=${pieces}`);
  const shape = [...t.shape.slice(0, d), n / pieces, pieces, ...t.shape.slice(d + 1)];
  return t.reshape(shape).max(d + 1);
}

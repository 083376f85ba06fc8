/**
 * Regression losses (`torch.nn.functional.mse_loss`, `l1_loss`, `huber_loss`,
 * `smooth_l1_loss`, `gaussian_nll_loss`) and the weight penalties of the lectures
 * (`l1Penalty`, `l2Penalty`). Each loss computes per-element values and hands them to
 * the one `reduction` helper of `common.ts`. Gradients reach both the input and the
 * target, as PyTorch's.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import { reduceLoss, sameShape, sizeStr, toTensor, type ReductionOptions } from './common.js';

/** Input and target as tensors; a size mismatch broadcasts with PyTorch's warning. */
function pairOf(input: ag.TensorLike, target: ag.TensorLike): [ag.Tensor, ag.Tensor] {
  const x = toTensor(input);
  const y = toTensor(target);
  if (!sameShape(x.shape, y.shape)) {
    console.warn(
      `Using a target size (${sizeStr(y.shape)}) that is different to the input size (${sizeStr(x.shape)}). ` +
        'This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.',
    );
  }
  return [x, y];
}

/**
 * Mean squared error `(x - y)^2` (`torch.nn.functional.mse_loss`), reduced by `reduction`
 * (default 'mean').
 *
 * @example
 * F.mseLoss(ag.tensor([1, 2]), ag.tensor([1, 4])); // tensor(2.)
 */
export function mseLoss(input: ag.TensorLike, target: ag.TensorLike, options: ReductionOptions = {}): ag.Tensor {
  const [x, y] = pairOf(input, target);
  return reduceLoss(x.sub(y).square(), options.reduction);
}

/**
 * Mean absolute error `|x - y|` (`torch.nn.functional.l1_loss`, MAE); gradient `sign(x - y)`
 * (0 where equal).
 *
 * @example
 * F.l1Loss(ag.tensor([1, 2]), ag.tensor([1, 4])); // tensor(1.)
 */
export function l1Loss(input: ag.TensorLike, target: ag.TensorLike, options: ReductionOptions = {}): ag.Tensor {
  const [x, y] = pairOf(input, target);
  return reduceLoss(x.sub(y).abs(), options.reduction);
}

/** Options of {@link huberLoss}. */
export interface HuberLossOptions extends ReductionOptions {
  /** Where the loss turns from quadratic to linear (default 1). */
  delta?: number;
}

/**
 * The Huber loss (`torch.nn.functional.huber_loss`): `d^2 / 2` for `|d| < delta`,
 * `delta (|d| - delta / 2)` beyond, with `d = x - y`.
 *
 * @example
 * F.huberLoss(ag.tensor([0, 3]), ag.tensor([0.5, 0]), { reduction: 'none' }); // tensor([0.125, 2.5])
 */
export function huberLoss(input: ag.TensorLike, target: ag.TensorLike, options: HuberLossOptions = {}): ag.Tensor {
  const delta = options.delta ?? 1;
  if (!(delta > 0)) throw new np.ValueError('huber_loss does not support non-positive values for delta.');
  const [x, y] = pairOf(input, target);
  const d = x.sub(y);
  const ad = d.abs();
  return reduceLoss(ag.where(np.less(ad.data, delta), d.square().mul(0.5), ad.sub(0.5 * delta).mul(delta)), options.reduction);
}

/** Options of {@link smoothL1Loss}. */
export interface SmoothL1LossOptions extends ReductionOptions {
  /** Where the loss turns from quadratic to linear (default 1; 0 gives the L1 loss). */
  beta?: number;
}

/**
 * The smooth L1 loss (`torch.nn.functional.smooth_l1_loss`): `d^2 / (2 beta)` for
 * `|d| < beta`, `|d| - beta / 2` beyond; the Huber loss divided by beta.
 *
 * @example
 * F.smoothL1Loss(ag.tensor([0, 3]), ag.tensor([0.5, 0]), { reduction: 'none' }); // tensor([0.125, 2.5])
 */
export function smoothL1Loss(input: ag.TensorLike, target: ag.TensorLike, options: SmoothL1LossOptions = {}): ag.Tensor {
  const beta = options.beta ?? 1;
  if (!(beta >= 0)) throw new np.ValueError('smooth_l1_loss does not support negative values for beta.');
  const [x, y] = pairOf(input, target);
  const d = x.sub(y);
  const ad = d.abs();
  if (beta === 0) return reduceLoss(ad, options.reduction);
  return reduceLoss(ag.where(np.less(ad.data, beta), d.square().mul(0.5 / beta), ad.sub(0.5 * beta)), options.reduction);
}

/** Options of {@link gaussianNllLoss}. */
export interface GaussianNllLossOptions extends ReductionOptions {
  /** Add the constant `log(2 pi) / 2` (default false). */
  full?: boolean;
  /** The variance is clamped to at least this, for stability (default 1e-6). */
  eps?: number;
}

/**
 * The Gaussian negative log-likelihood (`torch.nn.functional.gaussian_nll_loss`):
 * `(log(max(var, eps)) + (x - y)^2 / max(var, eps)) / 2` (+ `log(2 pi) / 2` when `full`),
 * for predicted means `input` and variances `var`. `var` has the input's shape, or one
 * dim less / a last dim of 1 (one variance per sample), or is a number. As PyTorch, the
 * clamp does not stop the gradient (the variance's gradient is taken at the clamped
 * value). Throws for a negative variance.
 *
 * @example
 * F.gaussianNllLoss(ag.tensor([0]), ag.tensor([1]), ag.tensor([1])); // tensor(0.5)
 */
export function gaussianNllLoss(input: ag.TensorLike, target: ag.TensorLike, variance: ag.TensorLike, options: GaussianNllLossOptions = {}): ag.Tensor {
  const x = toTensor(input);
  const y = toTensor(target);
  let v = toTensor(variance);
  if (!sameShape(v.shape, x.shape) && v.ndim > 0) {
    const lead = x.shape.slice(0, -1);
    if (sameShape(lead, v.shape)) v = v.expandDims(-1);
    else if (!(sameShape(lead, v.shape.slice(0, -1)) && v.shape[v.ndim - 1] === 1)) throw new np.ValueError('var is of incorrect size');
  }
  const eps = options.eps ?? 1e-6;
  if (Number(np.any(np.less(v.data, 0)))) throw new np.ValueError('var has negative entry/entries');
  // PyTorch clamps a clone under no_grad: the value changes, the gradient passes unchanged
  const vc = v.add(ag.asTensor(np.subtract(np.maximum(v.data, eps), v.data)));
  let loss = vc.log().add(x.sub(y).square().div(vc)).mul(0.5);
  if (options.full ?? false) loss = loss.add(0.5 * Math.log(2 * Math.PI));
  return reduceLoss(loss, options.reduction);
}

/** The parameters as an array (a single tensor or any iterable of them). */
function paramList(params: ag.Tensor | Iterable<ag.Tensor>): ag.Tensor[] {
  return params instanceof ag.Tensor ? [params] : [...params];
}

/** The sum of `f(p).sum()` over the parameters, as a 0-d tensor (0 for none). */
function total(params: ag.Tensor | Iterable<ag.Tensor>, f: (p: ag.Tensor) => ag.Tensor): ag.Tensor {
  let s: ag.Tensor | null = null;
  for (const p of paramList(params)) s = s === null ? f(p).sum() : s.add(f(p).sum());
  return s ?? ag.tensor(0);
}

/**
 * The L1 (lasso) penalty of the lectures: `lambda * sum |w|` over every element of the
 * given parameters (a tensor or an iterable such as `model.parameters()`); add it to the
 * loss. Gradient `lambda * sign(w)`.
 *
 * @example
 * F.l1Penalty([ag.tensor([1, -2])], 0.1); // tensor(0.3)
 */
export function l1Penalty(params: ag.Tensor | Iterable<ag.Tensor>, lambda: number): ag.Tensor {
  return total(params, (p) => p.abs()).mul(lambda);
}

/**
 * The L2 (ridge, weight-decay) penalty of the lectures: `lambda / (2m) * sum w^2` over
 * every element of the given parameters, `m` (default 1) being the number of training
 * examples. Gradient `lambda / m * w`.
 *
 * @example
 * F.l2Penalty([ag.tensor([1, -2])], 0.1); // tensor(0.25)
 * F.l2Penalty(model.parameters(), 1, 100); // lambda / (2 * 100) * sum w^2
 */
export function l2Penalty(params: ag.Tensor | Iterable<ag.Tensor>, lambda: number, m = 1): ag.Tensor {
  return total(params, (p) => p.square()).mul(lambda / (2 * m));
}

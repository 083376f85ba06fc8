/**
 * Adagrad (PyTorch's `torch.optim.Adagrad`): the class manages groups and state,
 * {@link adagradUpdate} does the math. PyTorch's algorithm, with `t` the step count and
 * `s` the running sum of squared gradients (starting at `initialAccumulatorValue`):
 *
 *     g <- -g                               if maximize
 *     g <- g + weightDecay * p              if weightDecay != 0
 *     clr <- lr / (1 + (t - 1) * lrDecay)
 *     s <- s + g * g
 *     p <- p - clr * g / (sqrt(s) + eps)
 */
import * as np from '@numbat/ndarray';
import { Optimizer, checkNonNegative, definedOnly, type OptimizerOptions, type ParamGroup, type ParamGroupInput, type ParamsInput } from './optimizer.js';
import { addcdiv_, addcmul_ } from './inplace.js';

/** Hyperparameters of {@link Adagrad} (PyTorch's, camelCased). */
export interface AdagradOptions extends OptimizerOptions {
  /** Learning rate (default 1e-2). */
  lr: number;
  /** Learning-rate decay per step (default 0). */
  lrDecay: number;
  /** L2 penalty added to the gradient (default 0). */
  weightDecay: number;
  /** Starting value of the sum of squared gradients (default 0). */
  initialAccumulatorValue: number;
  /** Added to the denominator (default 1e-10). */
  eps: number;
  /** Ascend instead of descend (default false). */
  maximize: boolean;
}

/** Adagrad's per-parameter state: the step count and the sum of squared gradients. */
export type AdagradState = { step: number; sum: np.NDArray };

const ADAGRAD_DEFAULTS: AdagradOptions = { lr: 1e-2, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, maximize: false };

/**
 * One Adagrad step on NDArrays (PyTorch's `_single_tensor_adagrad`): updates `param` and
 * `state` in place. `grad` is not modified.
 *
 * @example
 * const state = { step: 0, sum: np.zerosLike(w) };
 * nn.optim.adagradUpdate(w, g, state, { lr: 0.01, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, maximize: false });
 */
export function adagradUpdate(param: np.NDArray, grad: np.NDArray, state: AdagradState, options: AdagradOptions): void {
  const { lr, lrDecay, weightDecay, eps, maximize } = options;
  state.step += 1;
  let g = maximize ? np.negative(grad) : grad;
  if (weightDecay !== 0) g = np.add(g, np.multiply(param, weightDecay));
  const clr = lr / (1 + (state.step - 1) * lrDecay);
  addcmul_(state.sum, g, g, 1);
  const std = np.sqrt(state.sum);
  np.add(std, eps, { out: std });
  addcdiv_(param, g, std, -clr);
}

/**
 * Adagrad: per-coordinate steps scaled by the root of the summed squared gradients
 * (PyTorch's `torch.optim.Adagrad`; the algorithm is in {@link adagradUpdate}).
 *
 * @example
 * const opt = new nn.optim.Adagrad(model.parameters(), { lr: 0.1 });
 */
export class Adagrad extends Optimizer<AdagradOptions, AdagradState> {
  constructor(params: ParamsInput | Iterable<ParamGroupInput<AdagradOptions>>, options: Partial<AdagradOptions> = {}) {
    super(params, { ...ADAGRAD_DEFAULTS, ...definedOnly(options) });
  }

  protected validate(o: AdagradOptions): void {
    checkNonNegative(o.lr, 'learning rate');
    checkNonNegative(o.lrDecay, 'lrDecay value');
    checkNonNegative(o.weightDecay, 'weightDecay value');
    checkNonNegative(o.initialAccumulatorValue, 'initialAccumulatorValue value');
    checkNonNegative(o.eps, 'epsilon value');
  }

  protected initState(param: np.NDArray, group: ParamGroup<AdagradOptions>): AdagradState {
    return { step: 0, sum: np.fullLike(param, group.initialAccumulatorValue) };
  }

  protected update(param: np.NDArray, grad: np.NDArray, state: AdagradState, group: ParamGroup<AdagradOptions>): void {
    adagradUpdate(param, grad, state, group);
  }
}

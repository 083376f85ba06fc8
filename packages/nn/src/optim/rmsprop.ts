/**
 * RMSprop (PyTorch's `torch.optim.RMSprop`): the class manages groups and state,
 * {@link rmspropUpdate} does the math. PyTorch's algorithm, with `v` the running mean of
 * squared gradients, `gbar` the running mean of gradients (centered), `b` the momentum
 * buffer (all starting at 0):
 *
 *     g <- -g                                  if maximize
 *     g <- g + weightDecay * p                 if weightDecay != 0
 *     v <- alpha * v + (1 - alpha) * g * g
 *     gbar <- lerp(gbar, g, 1 - alpha)         if centered
 *     avg <- sqrt(v - gbar * gbar) + eps       if centered, else sqrt(v) + eps
 *     b <- momentum * b + g / avg; p <- p - lr * b     if momentum > 0
 *     p <- p - lr * g / avg                            otherwise
 *
 * (eps is added outside the square root, as PyTorch and unlike TensorFlow.)
 */
import * as np from '@numbat/ndarray';
import { Optimizer, checkNonNegative, definedOnly, type OptimizerOptions, type ParamGroup, type ParamGroupInput, type ParamsInput } from './optimizer.js';
import { add_, addcdiv_, addcmul_, lerp_, mul_ } from './inplace.js';

/** Hyperparameters of {@link RMSprop} (PyTorch's, camelCased). */
export interface RMSpropOptions extends OptimizerOptions {
  /** Learning rate (default 1e-2). */
  lr: number;
  /** Smoothing constant of the running means (default 0.99). */
  alpha: number;
  /** Added to the denominator (default 1e-8). */
  eps: number;
  /** L2 penalty added to the gradient (default 0). */
  weightDecay: number;
  /** Momentum factor (default 0). */
  momentum: number;
  /** Normalise by the estimated variance of the gradient instead of its second moment (default false). */
  centered: boolean;
  /** Ascend instead of descend (default false). */
  maximize: boolean;
}

/** RMSprop's per-parameter state (`momentumBuffer` with momentum > 0, `gradAvg` when centered). */
export type RMSpropState = { step: number; squareAvg: np.NDArray; momentumBuffer: np.NDArray | null; gradAvg: np.NDArray | null };

const RMSPROP_DEFAULTS: RMSpropOptions = { lr: 1e-2, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false, maximize: false };

/**
 * One RMSprop step on NDArrays (PyTorch's `_single_tensor_rmsprop`): updates `param` and
 * `state` in place (the buffers `momentumBuffer` / `gradAvg` are created on first use).
 * `grad` is not modified.
 *
 * @example
 * const state = { step: 0, squareAvg: np.zerosLike(w), momentumBuffer: null, gradAvg: null };
 * nn.optim.rmspropUpdate(w, g, state, { lr: 0.01, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false, maximize: false });
 */
export function rmspropUpdate(param: np.NDArray, grad: np.NDArray, state: RMSpropState, options: RMSpropOptions): void {
  const { lr, alpha, eps, weightDecay, momentum, centered, maximize } = options;
  let g = maximize ? np.negative(grad) : grad;
  state.step += 1;
  if (weightDecay !== 0) g = np.add(g, np.multiply(param, weightDecay));
  const sq = state.squareAvg;
  mul_(sq, alpha);
  addcmul_(sq, g, g, 1 - alpha);
  let avg: np.NDArray;
  if (centered) {
    if (state.gradAvg === null) state.gradAvg = np.zerosLike(param);
    const gAvg = state.gradAvg;
    lerp_(gAvg, g, 1 - alpha);
    avg = np.subtract(sq, np.multiply(gAvg, gAvg));
    np.sqrt(avg, { out: avg });
  } else avg = np.sqrt(sq);
  np.add(avg, eps, { out: avg });
  if (momentum > 0) {
    if (state.momentumBuffer === null) state.momentumBuffer = np.zerosLike(param);
    const buf = state.momentumBuffer;
    mul_(buf, momentum);
    addcdiv_(buf, g, avg);
    add_(param, buf, -lr);
  } else addcdiv_(param, g, avg, -lr);
}

/**
 * RMSprop: steps divided by a running root-mean-square of the gradients, optionally
 * centered and with momentum (PyTorch's `torch.optim.RMSprop`; the algorithm is in
 * {@link rmspropUpdate}).
 *
 * @example
 * const opt = new nn.optim.RMSprop(model.parameters(), { lr: 1e-3, momentum: 0.9, centered: true });
 */
export class RMSprop extends Optimizer<RMSpropOptions, RMSpropState> {
  constructor(params: ParamsInput | Iterable<ParamGroupInput<RMSpropOptions>>, options: Partial<RMSpropOptions> = {}) {
    super(params, { ...RMSPROP_DEFAULTS, ...definedOnly(options) });
  }

  protected validate(o: RMSpropOptions): void {
    checkNonNegative(o.lr, 'learning rate');
    checkNonNegative(o.eps, 'epsilon value');
    checkNonNegative(o.momentum, 'momentum value');
    checkNonNegative(o.weightDecay, 'weightDecay value');
    checkNonNegative(o.alpha, 'alpha value');
  }

  protected initState(param: np.NDArray, group: ParamGroup<RMSpropOptions>): RMSpropState {
    return {
      step: 0,
      squareAvg: np.zerosLike(param),
      momentumBuffer: group.momentum > 0 ? np.zerosLike(param) : null,
      gradAvg: group.centered ? np.zerosLike(param) : null,
    };
  }

  protected update(param: np.NDArray, grad: np.NDArray, state: RMSpropState, group: ParamGroup<RMSpropOptions>): void {
    rmspropUpdate(param, grad, state, group);
  }
}

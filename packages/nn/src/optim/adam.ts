/**
 * Adam (PyTorch's `torch.optim.Adam`): the class manages groups and state, {@link adamUpdate}
 * does the math, for AdamW (`adamw.ts`) too. PyTorch's algorithm, with
 * `t` the step count, `m`, `v` the first and second moments (starting at 0):
 *
 *     g <- -g                                   if maximize
 *     p <- p * (1 - lr * weightDecay)           AdamW (decoupled decay)
 *     g <- g + weightDecay * p                  Adam with weightDecay != 0 (L2 in the gradient)
 *     m <- lerp(m, g, 1 - beta1)                (= beta1 m + (1 - beta1) g)
 *     v <- beta2 v + (1 - beta2) g * g
 *     vmax <- max(vmax, v)                      if amsgrad (v itself, not bias-corrected)
 *     denom <- sqrt(v or vmax) / sqrt(1 - beta2^t) + eps
 *     p <- p - (lr / (1 - beta1^t)) * m / denom
 *
 * eps is added AFTER the bias correction of the root (PyTorch's placement, so eps acts on
 * the corrected scale), not as `sqrt(v_hat + eps)` nor `sqrt(v) + eps` before correction.
 */
import * as np from '@numbat/ndarray';
import { Optimizer, checkNonNegative, definedOnly, type OptimizerOptions, type ParamGroup, type ParamGroupInput, type ParamsInput } from './optimizer.js';
import { addcdiv_, addcmul_, lerp_, mul_ } from './inplace.js';

/** Hyperparameters of {@link Adam} and {@link AdamW} (PyTorch's, camelCased). */
export interface AdamOptions extends OptimizerOptions {
  /** Learning rate (default 1e-3). */
  lr: number;
  /** Decay rates of the first and second moment averages (default [0.9, 0.999]). */
  betas: readonly [number, number];
  /** Added to the denominator (default 1e-8). */
  eps: number;
  /** Adam: L2 penalty added to the gradient (default 0). AdamW: decoupled decay rate (default 1e-2). */
  weightDecay: number;
  /** The AMSGrad variant: divide by the running maximum of the second moment (default false). */
  amsgrad: boolean;
  /** Ascend instead of descend (default false). */
  maximize: boolean;
}

/** Adam's per-parameter state (`maxExpAvgSq` with amsgrad). */
export type AdamState = { step: number; expAvg: np.NDArray; expAvgSq: np.NDArray; maxExpAvgSq: np.NDArray | null };

/** Adam's default hyperparameters. */
export const ADAM_DEFAULTS: AdamOptions = { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false, maximize: false };

/**
 * One Adam step on NDArrays (PyTorch's `_single_tensor_adam`; with `decoupled` the AdamW
 * step): updates `param` and `state` in place. `grad` is not modified.
 *
 * @example
 * const state = { step: 0, expAvg: np.zerosLike(w), expAvgSq: np.zerosLike(w), maxExpAvgSq: null };
 * nn.optim.adamUpdate(w, g, state, { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false, maximize: false });
 */
export function adamUpdate(param: np.NDArray, grad: np.NDArray, state: AdamState, options: AdamOptions, decoupled = false): void {
  const { lr, betas, eps, weightDecay, amsgrad, maximize } = options;
  const [beta1, beta2] = betas;
  let g = maximize ? np.negative(grad) : grad;
  state.step += 1;
  if (weightDecay !== 0) {
    if (decoupled) mul_(param, 1 - lr * weightDecay);
    else g = np.add(g, np.multiply(param, weightDecay));
  }
  lerp_(state.expAvg, g, 1 - beta1);
  mul_(state.expAvgSq, beta2);
  addcmul_(state.expAvgSq, g, g, 1 - beta2);
  const step = state.step;
  const biasCorrection1 = 1 - beta1 ** step;
  const biasCorrection2 = 1 - beta2 ** step;
  const stepSize = lr / biasCorrection1;
  const biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
  let second = state.expAvgSq;
  if (amsgrad) {
    if (state.maxExpAvgSq === null) state.maxExpAvgSq = np.zerosLike(param);
    np.maximum(state.maxExpAvgSq, state.expAvgSq, { out: state.maxExpAvgSq });
    second = state.maxExpAvgSq;
  }
  const denom = np.sqrt(second);
  np.divide(denom, biasCorrection2Sqrt, { out: denom });
  np.add(denom, eps, { out: denom });
  addcdiv_(param, state.expAvg, denom, -stepSize);
}

/** Checks Adam's hyperparameters (PyTorch's messages). */
export function validateAdam(o: AdamOptions): void {
  checkNonNegative(o.lr, 'learning rate');
  checkNonNegative(o.eps, 'epsilon value');
  if (!(o.betas[0] >= 0 && o.betas[0] < 1)) throw new np.ValueError(`Invalid beta parameter at index 0: ${o.betas[0]}`);
  if (!(o.betas[1] >= 0 && o.betas[1] < 1)) throw new np.ValueError(`Invalid beta parameter at index 1: ${o.betas[1]}`);
  checkNonNegative(o.weightDecay, 'weightDecay value');
}

/** Adam's state of a parameter before its first step. */
export function initAdamState(param: np.NDArray, group: AdamOptions): AdamState {
  return { step: 0, expAvg: np.zerosLike(param), expAvgSq: np.zerosLike(param), maxExpAvgSq: group.amsgrad ? np.zerosLike(param) : null };
}

/**
 * Adam: steps from bias-corrected running means of the gradient and of its square,
 * optionally AMSGrad; `weightDecay` is an L2 term in the gradient (PyTorch's
 * `torch.optim.Adam`; the algorithm is in {@link adamUpdate}).
 *
 * @example
 * const opt = new nn.optim.Adam(model.parameters(), { lr: 1e-3, betas: [0.9, 0.999] });
 */
export class Adam extends Optimizer<AdamOptions, AdamState> {
  constructor(params: ParamsInput | Iterable<ParamGroupInput<AdamOptions>>, options: Partial<AdamOptions> = {}) {
    super(params, { ...ADAM_DEFAULTS, ...definedOnly(options) });
  }

  protected validate(o: AdamOptions): void {
    validateAdam(o);
  }

  protected initState(param: np.NDArray, group: ParamGroup<AdamOptions>): AdamState {
    return initAdamState(param, group);
  }

  protected update(param: np.NDArray, grad: np.NDArray, state: AdamState, group: ParamGroup<AdamOptions>): void {
    adamUpdate(param, grad, state, group, false);
  }
}

/**
 * Stochastic gradient descent with momentum (PyTorch's `torch.optim.SGD`): the class
 * manages groups and state, {@link sgdUpdate} does the math. PyTorch's algorithm, with
 * `g` the gradient, `v` the momentum buffer, `mu` momentum, `tau` dampening:
 *
 *     g <- -g                         if maximize
 *     g <- g + weightDecay * p        if weightDecay != 0
 *     v <- g (a copy)                 on the first step (not dampened)
 *     v <- mu * v + (1 - tau) * g     afterwards
 *     g <- g + mu * v                 if nesterov, else g <- v
 *     p <- p - lr * g
 *
 * Note this is PyTorch's form (lr multiplies the velocity when applied), not Sutskever's
 * `v <- mu v + lr g; p <- p - v`; the two differ when lr changes during training.
 */
import * as np from '@numbat/ndarray';
import { Optimizer, checkNonNegative, definedOnly, type OptimizerOptions, type ParamGroup, type ParamGroupInput, type ParamsInput } from './optimizer.js';
import { add_, mul_ } from './inplace.js';

/** Hyperparameters of {@link SGD} (PyTorch's, camelCased). */
export interface SGDOptions extends OptimizerOptions {
  /** Learning rate (default 1e-3, as PyTorch 2). */
  lr: number;
  /** Momentum factor mu (default 0: plain gradient descent). */
  momentum: number;
  /** Dampening tau of the gradient in the momentum buffer (default 0). */
  dampening: number;
  /** L2 penalty added to the gradient (default 0). */
  weightDecay: number;
  /** Nesterov momentum (default false; needs momentum > 0 and dampening 0). */
  nesterov: boolean;
  /** Ascend instead of descend (default false). */
  maximize: boolean;
}

/** SGD's per-parameter state: the momentum buffer (null until the first step with momentum). */
export type SGDState = { momentumBuffer: np.NDArray | null };

const SGD_DEFAULTS: SGDOptions = { lr: 1e-3, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false, maximize: false };

/**
 * One SGD step on NDArrays (PyTorch's `_single_tensor_sgd`): updates `param` in place and
 * `state.momentumBuffer` (created from the first gradient). `grad` is not modified.
 *
 * @example
 * const state: SGDState = { momentumBuffer: null };
 * nn.optim.sgdUpdate(w, g, state, { lr: 0.1, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: false, maximize: false });
 */
export function sgdUpdate(param: np.NDArray, grad: np.NDArray, state: SGDState, options: SGDOptions): void {
  const { lr, momentum, dampening, weightDecay, nesterov, maximize } = options;
  let g = maximize ? np.negative(grad) : grad;
  if (weightDecay !== 0) g = np.add(g, np.multiply(param, weightDecay));
  if (momentum !== 0) {
    let buf = state.momentumBuffer;
    if (buf === null) {
      buf = g.copy();
      state.momentumBuffer = buf;
    } else {
      mul_(buf, momentum);
      add_(buf, g, 1 - dampening);
    }
    g = nesterov ? np.add(g, np.multiply(buf, momentum)) : buf;
  }
  add_(param, g, -lr);
}

/**
 * Stochastic gradient descent, optionally with momentum, Nesterov momentum, weight decay
 * (PyTorch's `torch.optim.SGD`; the algorithm is in {@link sgdUpdate}). Whether it is
 * batch, mini-batch or stochastic gradient descent depends on the DataLoader's batch size.
 *
 * @example
 * const opt = new nn.optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9, nesterov: true });
 */
export class SGD extends Optimizer<SGDOptions, SGDState> {
  constructor(params: ParamsInput | Iterable<ParamGroupInput<SGDOptions>>, options: Partial<SGDOptions> = {}) {
    super(params, { ...SGD_DEFAULTS, ...definedOnly(options) });
  }

  protected validate(o: SGDOptions): void {
    checkNonNegative(o.lr, 'learning rate');
    checkNonNegative(o.momentum, 'momentum value');
    checkNonNegative(o.weightDecay, 'weightDecay value');
    if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0)) throw new np.ValueError('Nesterov momentum requires a momentum and zero dampening');
  }

  protected initState(): SGDState {
    return { momentumBuffer: null };
  }

  protected update(param: np.NDArray, grad: np.NDArray, state: SGDState, group: ParamGroup<SGDOptions>): void {
    sgdUpdate(param, grad, state, group);
  }
}

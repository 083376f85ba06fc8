/**
 * AdamW (PyTorch's `torch.optim.AdamW`): Adam with decoupled weight decay. The step is
 * {@link adamUpdate} with `decoupled = true`: `p <- p * (1 - lr * weightDecay)` first, and
 * no L2 term in the gradient (Loshchilov & Hutter, "Decoupled Weight Decay Regularization").
 */
import * as np from '@numbat/ndarray';
import { Optimizer, definedOnly, type ParamGroup, type ParamGroupInput, type ParamsInput } from './optimizer.js';
import { ADAM_DEFAULTS, adamUpdate, initAdamState, validateAdam, type AdamOptions, type AdamState } from './adam.js';

const ADAMW_DEFAULTS: AdamOptions = { ...ADAM_DEFAULTS, weightDecay: 1e-2 };

/** {@link adamUpdate} with decoupled weight decay: one AdamW step (PyTorch's `_single_tensor_adamw`). */
export function adamwUpdate(param: np.NDArray, grad: np.NDArray, state: AdamState, options: AdamOptions): void {
  adamUpdate(param, grad, state, options, true);
}

/**
 * AdamW: Adam with decoupled weight decay `p <- p * (1 - lr * weightDecay)` before the
 * Adam step, default `weightDecay` 1e-2 (PyTorch's `torch.optim.AdamW`).
 *
 * @example
 * const opt = new nn.optim.AdamW(model.parameters(), { lr: 1e-3, weightDecay: 0.01 });
 */
export class AdamW extends Optimizer<AdamOptions, AdamState> {
  constructor(params: ParamsInput | Iterable<ParamGroupInput<AdamOptions>>, options: Partial<AdamOptions> = {}) {
    super(params, { ...ADAMW_DEFAULTS, ...definedOnly(options) });
  }

  protected validate(o: AdamOptions): void {
    validateAdam(o);
  }

  protected initState(param: np.NDArray, group: ParamGroup<AdamOptions>): AdamState {
    return initAdamState(param, group);
  }

  protected update(param: np.NDArray, grad: np.NDArray, state: AdamState, group: ParamGroup<AdamOptions>): void {
    adamUpdate(param, grad, state, group, true);
  }
}

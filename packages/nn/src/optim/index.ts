/**
 * `nn.optim`: optimizers (PyTorch's `torch.optim`), each a class plus the pure update
 * function it applies, learning-rate schedulers and gradient clipping.
 *
 * @example
 * const opt = new nn.optim.Adam(model.parameters(), { lr: 1e-3 });
 * const sched = new nn.optim.StepLR(opt, { stepSize: 10, gamma: 0.5 });
 */
export {
  Optimizer,
  type OptimizerOptions,
  type OptimizerStateDict,
  type ParamGroup,
  type ParamGroupInput,
  type ParamsInput,
  type ParamNames,
  type NamedParameter,
  type ParamState,
  type SavedParamGroup,
  type StateValue,
} from './optimizer.js';
export { SGD, sgdUpdate, type SGDOptions, type SGDState } from './sgd.js';
export { Adagrad, adagradUpdate, type AdagradOptions, type AdagradState } from './adagrad.js';
export { RMSprop, rmspropUpdate, type RMSpropOptions, type RMSpropState } from './rmsprop.js';
export { Adam, adamUpdate, type AdamOptions, type AdamState } from './adam.js';
export { AdamW, adamwUpdate } from './adamw.js';
export {
  LRScheduler,
  StepLR,
  ExponentialLR,
  ReduceLROnPlateau,
  type StepLROptions,
  type ExponentialLROptions,
  type ReduceLROnPlateauOptions,
} from './lr-scheduler.js';
export * as lrScheduler from './lr-scheduler.js';
export { clipGradNorm, clipGradValue, type ClipGradNormOptions } from './clip-grad.js';

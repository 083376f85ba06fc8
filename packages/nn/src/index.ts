/**
 * `@numbat/nn`: neural networks over `@numbat/autograd`, with PyTorch's names and
 * conventions (camelCased): `Module`, `Sequential`, layers, activations and losses as
 * modules and as `nn.functional`, `nn.init`, `nn.save` / `nn.load`, optimizers
 * (`nn.optim`), data loading (`nn.data`) and a training loop (`nn.fit`).
 *
 * @example
 * import * as np from '@numbat/ndarray';
 * import * as ag from '@numbat/autograd';
 * import * as nn from '@numbat/nn';
 * const model = new nn.Sequential(new nn.Linear(2, 8), new nn.Tanh(), new nn.Linear(8, 1));
 * const loss = nn.functional.mseLoss(model.forward(ag.tensor([[0, 1]])), ag.tensor([[1]]));
 * loss.backward();
 */
export { Parameter } from './parameter.js';
export {
  Module,
  type StateDict,
  type StateDictLike,
  type FloatDType,
  type LoadStateDictOptions,
  type IncompatibleKeys,
  type RegisterBufferOptions,
} from './module.js';
export { Sequential, ModuleList } from './container.js';
export * from './layers/index.js';
export * as functional from './functional/index.js';
export * as init from './init.js';
export { save, load, type PathLike } from './serialize.js';
// optim, data, train: exported below
export * as optim from './optim/index.js';
export * as data from './data/index.js';
export { fit, evaluate, metrics, type FitOptions, type History, type StopReason, type StopCriteria, type EarlyStoppingOptions, type FitCallbacks, type LossLike, type BatchLike, type MetricsSpec, type EvaluateOptions, type WritableLike } from './train/index.js';
export * from './autoencoder/index.js';

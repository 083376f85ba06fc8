/**
 * `@numbat/autograd`: reverse-mode automatic differentiation over `@numbat/ndarray`. A
 * `Tensor` wraps an NDArray; every differentiable NumPy function exists on tensors under
 * its NumPy name (as `ag.<name>` and as a method), records itself on a tape, and has a
 * gradient written in tensor ops, so gradients can be differentiated again.
 *
 * @example
 * import * as np from '@numbat/ndarray';
 * import * as ag from '@numbat/autograd';
 * const w = ag.tensor([[0.5, -1], [2, 0]], { requiresGrad: true });
 * const x = ag.tensor([1, 2]);
 * const loss = ag.sigmoid(w.matmul(x)).sum();
 * loss.backward();
 * w.grad; // the gradient, an NDArray of w's shape
 */
// tensor.ts first: the op modules it imports need the class only when they run
export { Tensor, type TensorOptions } from './tensor.js';
export { tensor, asTensor } from './create.js';
export * from './ops/index.js';
export * as linalg from './ops/linalg.js';
export { defineOp, type OpDef, type OpContext, type Op, type TensorLike, type Raw } from './define-op.js';
export { backward, type BackwardOptions } from './tape.js';
export { noGrad, enableGrad, isGradEnabled } from './grad-mode.js';
export { grad, valueAndGrad, gradients, type GradOptions, type GradArgs } from './functional.js';
export { gradCheck, type GradCheckOptions, type GradCheckResult, type GradCheckWorst } from './grad-check.js';
export { AutogradError } from './errors.js';
export { registry, differentiableNames, type DifferentiableName, type NonDifferentiableName, type RegistryName, type NdarrayFunctionName, type AutogradFunctionName, type Entry, type EntryKind } from './registry.js';
export type { Axis, ReduceOptions, VarOptions } from './ops/axes.js';

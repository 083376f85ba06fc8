/**
 * The errors of `@numbat/autograd` and the builders of their messages. Classes are
 * ndarray's (`ValueError`, `DTypeError`) or, for the state of the tape, `AutogradError`,
 * a `ValueError` subclass (PyTorch raises `RuntimeError` for all of these). Messages
 * follow PyTorch's wording where it has one, with numbat's camelCase option names.
 */
import * as np from '@numbat/ndarray';

/**
 * A misuse of the tape: `backward()` on a non-scalar without a seed, on a tensor that
 * does not require grad, or through a graph already freed by an earlier backward.
 * A `ValueError` (PyTorch raises `RuntimeError`).
 *
 * @example
 * try { ag.tensor([1, 2], { requiresGrad: true }).mul(2).backward(); }
 * catch (e) { e instanceof ag.AutogradError; } // true
 */
export class AutogradError extends np.ValueError {
  override name = 'AutogradError';
}

/** NumPy's tuple notation for a shape: `(2,3)`, `(4,)`, `()`. */
export function shapeStr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(',')})`;
}

/** `grad can be implicitly created only for scalar outputs (got shape (2,3))` */
export function implicitGradError(shape: readonly number[]): AutogradError {
  return new AutogradError(`grad can be implicitly created only for scalar outputs (got shape ${shapeStr(shape)}); pass a seed gradient of that shape`);
}

/** `element 0 of tensors does not require grad and does not have a gradFn` */
export function noGradFnError(index = 0): AutogradError {
  return new AutogradError(`element ${index} of tensors does not require grad and does not have a gradFn`);
}

/** The second backward through a graph freed by the first one. */
export function freedGraphError(op: string): AutogradError {
  return new AutogradError(
    `Trying to backward through the graph a second time (through '${op}'), but its saved values were freed by the first backward. ` +
      'Pass { retainGraph: true } to the first backward (or ag.grad) to backward through the graph again.',
  );
}

/** Integer and bool tensors cannot require gradients (PyTorch's rule). */
export function intRequiresGradError(dtype: string): np.DTypeError {
  return new np.DTypeError(`only tensors of floating dtype can require gradients (got ${dtype}); create the tensor with { dtype: 'float64' }`);
}

/** A gradient (or seed) whose shape does not fit the tensor it is the gradient of. */
export function gradShapeError(op: string, input: number, got: readonly number[], want: readonly number[]): np.ValueError {
  return new np.ValueError(`gradient of '${op}' for input ${input} has shape ${shapeStr(got)}, but the input has shape ${shapeStr(want)}`);
}

/** A gradient whose dtype is not a float dtype. */
export function gradDTypeError(op: string, input: number, got: string, want: string): np.DTypeError {
  return new np.DTypeError(`gradient of '${op}' for input ${input} has dtype ${got}, but the input has dtype ${want}`);
}

/** A seed gradient of the wrong shape for `backward(seed)`. */
export function seedShapeError(got: readonly number[], want: readonly number[]): np.ValueError {
  return new np.ValueError(`Mismatch in shape: the seed gradient has shape ${shapeStr(got)} and the output has shape ${shapeStr(want)}`);
}

/** An op without a gradient rule for some argument (e.g. a quantile method). */
export function noGradientError(op: string, what: string): np.ValueError {
  return new np.ValueError(`'${op}' is not differentiable ${what}`);
}

/**
 * Gradient clipping (PyTorch's `torch.nn.utils.clip_grad_norm_` / `clip_grad_value_`):
 * call between `loss.backward()` and `optimizer.step()`.
 *
 * Difference from PyTorch: the clipped gradient REPLACES `param.grad` (a new NDArray)
 * instead of being written into the old one, because a gradient array may be shared or
 * a read-only broadcast view; code holding the old array does not see the change.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';

/** Options of {@link clipGradNorm}. */
export interface ClipGradNormOptions {
  /** Throw when the total norm is NaN or infinite (default false, as PyTorch). */
  errorIfNonfinite?: boolean;
}

function tensorsOf(parameters: ag.Tensor | Iterable<ag.Tensor>): ag.Tensor[] {
  return parameters instanceof ag.Tensor ? [parameters] : [...parameters];
}

/**
 * Rescales the gradients so that their total norm is at most `maxNorm`, and returns the
 * total norm BEFORE clipping (as a JS number). The total norm is the `normType` norm of
 * the vector of each gradient's `normType` norm (= the norm of all gradients concatenated);
 * `normType` is any vector order of `np.linalg.norm` (2 by default, `Infinity` for the
 * max-abs norm). Every gradient is multiplied by `min(1, maxNorm / (total + 1e-6))`
 * (PyTorch's `clip_grad_norm_`); parameters without a gradient are skipped, and with none
 * the result is 0.
 *
 * @example
 * loss.backward();
 * const norm = nn.optim.clipGradNorm(model.parameters(), 1.0);
 * opt.step();
 */
export function clipGradNorm(parameters: ag.Tensor | Iterable<ag.Tensor>, maxNorm: number, normType = 2, options: ClipGradNormOptions = {}): number {
  const params = tensorsOf(parameters).filter((p) => p.grad !== null);
  if (params.length === 0) return 0;
  const norms = params.map((p) => np.linalg.norm(p.grad!.ravel(), normType) as number);
  const total = np.linalg.norm(np.array(norms, { dtype: 'float64' }), normType) as number;
  if (options.errorIfNonfinite === true && !Number.isFinite(total)) {
    throw new Error(
      `The total norm of order ${normType} for gradients from \`parameters\` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set \`errorIfNonfinite: false\``,
    );
  }
  const clipCoef = maxNorm / (total + 1e-6);
  // min(NaN, 1) is NaN, as torch.clamp: a NaN norm spreads to every gradient
  const coef = Number.isNaN(clipCoef) ? NaN : Math.min(clipCoef, 1);
  if (coef !== 1) for (const p of params) p.grad = np.multiply(p.grad!, coef);
  return total;
}

/**
 * Clips every gradient element-wise to `[-clipValue, clipValue]` (PyTorch's
 * `clip_grad_value_`); parameters without a gradient are skipped.
 *
 * @example
 * nn.optim.clipGradValue(model.parameters(), 0.5);
 */
export function clipGradValue(parameters: ag.Tensor | Iterable<ag.Tensor>, clipValue: number): void {
  for (const p of tensorsOf(parameters)) {
    if (p.grad !== null) p.grad = np.clip(p.grad, -clipValue, clipValue);
  }
}

/**
 * The math of the parameterised and stateful layers (`torch.nn.functional.linear`,
 * `dropout`, `batch_norm`), as pure functions of tensors the caller supplies.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import { floatDType, sizeStr, toTensor, uniformArray, type RngOptions } from './common.js';

/**
 * The affine map `x W^T + b` (`torch.nn.functional.linear`) with PyTorch's weight layout
 * `(out, in)`; `x` is `(..., in)`, the result `(..., out)`. The weights are the caller's
 * tensors (hypernetworks: weights computed by another network).
 *
 * @example
 * F.linear(ag.tensor([[1, 2]]), ag.tensor([[1, 0], [0, 1], [1, 1]]), ag.tensor([0, 0, 1])); // tensor([[1., 2., 4.]])
 */
export function linear(x: ag.TensorLike, weight: ag.TensorLike, bias: ag.TensorLike | null = null): ag.Tensor {
  const xt = toTensor(x);
  const w = toTensor(weight);
  if (w.ndim !== 2 && w.ndim !== 1) throw new np.ValueError(`linear: the weight must be 1-d or 2-d (out, in), got size ${sizeStr(w.shape)}`);
  const inF = w.shape[w.ndim - 1]!;
  if (xt.shape[xt.ndim - 1] !== inF) {
    const rows = xt.ndim <= 1 ? 1 : xt.size / Math.max(xt.shape[xt.ndim - 1]!, 1);
    throw new np.ValueError(`mat1 and mat2 shapes cannot be multiplied (${rows}x${xt.shape[xt.ndim - 1] ?? 1} and ${inF}x${w.ndim === 2 ? w.shape[0] : 1})`);
  }
  const y = xt.matmul(w.ndim === 2 ? w.T : w);
  return bias === null ? y : y.add(bias);
}

/** Options of {@link dropout}. */
export interface DropoutOptions extends RngOptions {}

/**
 * Inverted dropout (`torch.nn.functional.dropout`): in training, each element is zeroed
 * with probability `p` and the survivors are scaled by `1 / (1 - p)`, so the expected
 * value is unchanged and evaluation needs no rescaling; with `training` false it is the
 * identity. The mask comes from `rng` (a `np.random.Generator`) or NumPy's global legacy
 * state (`np.random.seed` makes it reproducible); an element is kept when its uniform
 * draw is `< 1 - p`.
 *
 * @example
 * F.dropout(x, 0.5, true, { rng: np.random.defaultRng(0) }); // about half zeros, the rest doubled
 * F.dropout(x, 0.5, false) === x; // true for a tensor x
 */
export function dropout(x: ag.TensorLike, p = 0.5, training = true, options: DropoutOptions = {}): ag.Tensor {
  if (!(p >= 0 && p <= 1)) throw new np.ValueError(`dropout probability has to be between 0 and 1, but got ${p}`);
  const t = toTensor(x);
  if (!training || p === 0) return t;
  const dtype = floatDType(t);
  if (p === 1) return t.mul(np.zeros(t.shape, { dtype }));
  const keep = np.less(uniformArray(t.shape, 0, 1, 'float64', options.rng), 1 - p);
  return t.mul(np.divide(np.astype(keep, dtype), np.asarray(1 - p, { dtype })));
}

/** Options of {@link batchNorm}. */
export interface BatchNormOptions {
  /** Scale per channel (gamma, default none: 1). */
  weight?: ag.TensorLike | null;
  /** Shift per channel (beta, default none: 0). */
  bias?: ag.TensorLike | null;
  /** Normalise with the batch's statistics and update the running ones (default false, as PyTorch). */
  training?: boolean;
  /** Weight of the new batch in the running averages (default 0.1). */
  momentum?: number;
  /** Added to the variance before the square root (default 1e-5). */
  eps?: number;
}

/**
 * Batch normalisation (`torch.nn.functional.batch_norm`) over the channel dim 1 of
 * `(N, C)`, `(N, C, L)` or `(N, C, H, W)` inputs: `(x - mean) / sqrt(var + eps) * weight
 * + bias`. In training the mean and the biased variance are the batch's (per channel,
 * over every other dim; the gradient flows through them), and the running statistics,
 * when given, are updated in place as PyTorch does:
 * `running = (1 - momentum) running + momentum * batch`, with the UNBIASED batch variance
 * `var * n / (n - 1)`. Otherwise the running statistics normalise (they are required).
 * The rest may be passed positionally, as PyTorch's
 * `(weight, bias, training = false, momentum = 0.1, eps = 1e-5)`, or as one options object.
 *
 * @example
 * const rm = np.zeros(2), rv = np.ones(2);
 * F.batchNorm(ag.tensor([[1, 2], [3, 6]]), rm, rv, { training: true }); // about tensor([[-1., -1.], [1., 1.]])
 * rm.tolist(); // [0.2, 0.4]
 * F.batchNorm(x, rm, rv, gamma, beta, true, 0.1, 1e-5); // PyTorch's positional form
 */
export function batchNorm(
  x: ag.TensorLike,
  runningMean: np.NDArray | null,
  runningVar: np.NDArray | null,
  weightOrOptions: ag.TensorLike | BatchNormOptions | null = null,
  bias: ag.TensorLike | null = null,
  training = false,
  momentum = 0.1,
  eps = 1e-5,
): ag.Tensor {
  const o: BatchNormOptions = isOptions(weightOrOptions) ? weightOrOptions : { weight: weightOrOptions, bias, training, momentum, eps };
  const t = toTensor(x);
  if (t.ndim < 2) throw new np.ValueError(`batch_norm: expected an input of at least 2 dims (N, C, ...), got size ${sizeStr(t.shape)}`);
  const c = t.shape[1]!;
  const axes = [0, ...Array.from({ length: t.ndim - 2 }, (_, i) => i + 2)];
  const bshape = [1, c, ...new Array<number>(t.ndim - 2).fill(1)];
  const e = o.eps ?? 1e-5;
  for (const [name, a] of [['running_mean', runningMean], ['running_var', runningVar]] as const) {
    if (a !== null && (a.ndim !== 1 || a.shape[0] !== c)) throw new np.ValueError(`${name} should contain ${c} elements not ${a.size}`);
  }
  let y: ag.Tensor;
  if (o.training ?? false) {
    const n = t.size / Math.max(c, 1);
    if (n <= 1) throw new np.ValueError(`Expected more than 1 value per channel when training, got input size ${sizeStr(t.shape)}`);
    const mean = t.mean(axes, { keepdims: true });
    const centered = t.sub(mean);
    const variance = centered.square().mean(axes, { keepdims: true });
    y = centered.div(variance.add(e).sqrt());
    const m = o.momentum ?? 0.1;
    if (runningMean !== null) runningMean.set('...', np.add(np.multiply(runningMean, 1 - m), np.multiply(np.ravel(mean.data), m)));
    if (runningVar !== null) runningVar.set('...', np.add(np.multiply(runningVar, 1 - m), np.multiply(np.ravel(variance.data), (m * n) / (n - 1))));
  } else {
    if (runningMean === null || runningVar === null) throw new np.ValueError('running_mean and running_var must be defined in evaluation mode');
    const dtype = floatDType(t);
    const mean = np.reshape(np.astype(runningMean, dtype), bshape);
    const scale = np.reshape(np.astype(np.divide(1, np.sqrt(np.add(runningVar, e))), dtype), bshape);
    y = t.sub(mean).mul(scale);
  }
  if (o.weight !== null && o.weight !== undefined) y = y.mul(toTensor(o.weight).reshape(bshape));
  if (o.bias !== null && o.bias !== undefined) y = y.add(toTensor(o.bias).reshape(bshape));
  return y;
}

function isOptions(v: unknown): v is BatchNormOptions {
  return v !== null && typeof v === 'object' && !(v instanceof ag.Tensor) && !(v instanceof np.NDArray) && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

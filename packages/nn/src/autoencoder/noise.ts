/**
 * The corruptions of a denoising autoencoder, as pure functions of a tensor: additive
 * Gaussian noise and masking noise (the lectures' "noise 0": each element zeroed with
 * probability p). The noise is a constant of the graph: the gradient reaches `x` through
 * `x + noise` (1) and `x * mask` (the mask). Draws come from the `rng` given, else from
 * NumPy's global legacy state (seeded by `np.random.seed`), as `F.dropout`; a float64 draw
 * is cast to the input's float dtype, so the same seed corrupts float32 and float64 data
 * alike.
 */
import * as np from '@numbat/ndarray';
import type * as ag from '@numbat/autograd';
import { floatDType, normalArray, toTensor, uniformArray, type RngOptions } from '../functional/common.js';

/** Throws unless `sigma` is a finite number >= 0. */
export function checkSigma(sigma: number): number {
  if (typeof sigma !== 'number' || !(sigma >= 0) || !Number.isFinite(sigma)) throw new np.ValueError(`noise sigma must be a finite number >= 0, but got ${String(sigma)}`);
  return sigma;
}

/** Throws (with `F.dropout`'s wording) unless `p` is in [0, 1]. */
export function checkMaskProbability(p: number): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new np.ValueError(`masking probability has to be between 0 and 1, but got ${String(p)}`);
  return p;
}

/**
 * `x + sigma * N(0, 1)`, elementwise (Gaussian corruption). The draws are
 * `rng.normal(0, sigma, x.shape)`, so with `rng = np.random.defaultRng(s)` the noise is
 * NumPy's `np.random.default_rng(s).normal(0, sigma, x.shape)`. An integer `x` gives a
 * float64 result. No PyTorch function; the lectures' `x + epsilon`.
 *
 * @example
 * const noisy = nn.gaussianNoise(ag.tensor([[0, 1]]), 0.1, { rng: np.random.defaultRng(0) });
 * noisy.shape; // [1, 2]
 */
export function gaussianNoise(x: ag.TensorLike, sigma: number, options: RngOptions = {}): ag.Tensor {
  checkSigma(sigma);
  const t = toTensor(x);
  const dtype = floatDType(t);
  if (sigma === 0) return t.dtype === dtype ? t : t.astype(dtype);
  return t.add(normalArray(t.shape, 0, sigma, dtype, options.rng));
}

/**
 * `x * mask` with each element of `mask` 0 with probability `p`, else 1 (masking noise,
 * the lectures' "noise 0"; Vincent et al.'s masking corruption). Unlike `F.dropout` the
 * kept values are NOT rescaled by `1 / (1 - p)`: the input is destroyed, not regularised.
 * The mask is `rng.uniform(0, 1, x.shape) >= p`, so with `rng = np.random.defaultRng(s)`
 * it is NumPy's `np.random.default_rng(s).uniform(0, 1, x.shape) >= p`. An integer `x`
 * gives a float64 result.
 *
 * @example
 * const masked = nn.maskingNoise(ag.tensor([[1, 2, 3, 4]]), 0.5, { rng: np.random.defaultRng(0) });
 * // about half the entries are 0, the others unchanged
 */
export function maskingNoise(x: ag.TensorLike, p: number, options: RngOptions = {}): ag.Tensor {
  checkMaskProbability(p);
  const t = toTensor(x);
  const dtype = floatDType(t);
  if (p === 0) return t.dtype === dtype ? t : t.astype(dtype);
  const keep = np.greaterEqual(uniformArray(t.shape, 0, 1, 'float64', options.rng), p);
  return t.mul(np.astype(keep, dtype));
}

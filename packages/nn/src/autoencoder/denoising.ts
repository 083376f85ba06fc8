/**
 * The denoising autoencoder of the lectures: `x̂ = g(f(x + epsilon))`, `x̂ ≈ x`. In
 * training mode `forward` corrupts its input before encoding it and the loss compares the
 * reconstruction with the CLEAN input; in eval mode nothing is corrupted. The noise
 * generator is owned by the module (seeded once), so a seeded run is reproducible batch
 * after batch.
 */
import * as np from '@numbat/ndarray';
import type * as ag from '@numbat/autograd';
import type { Module } from '../module.js';
import type { RandomSource } from '../functional/common.js';
import { Autoencoder, type AutoencoderOptions } from './autoencoder.js';
import { checkMaskProbability, checkSigma, gaussianNoise, maskingNoise } from './noise.js';

/** The corruption of a {@link DenoisingAutoencoder}. */
export type NoiseKind = 'gaussian' | 'masking';

/** Options of {@link DenoisingAutoencoder}. */
export interface DenoisingAutoencoderOptions<E extends Module = Module, D extends Module = Module> extends AutoencoderOptions<E, D> {
  /** `'gaussian'` (default): `x + sigma * N(0, 1)`; `'masking'`: each element zeroed with probability `p`. */
  noise?: NoiseKind;
  /** The Gaussian noise's standard deviation (default 0.1; only with `noise: 'gaussian'`). */
  sigma?: number;
  /** The masking probability (default 0.25; only with `noise: 'masking'`). */
  p?: number;
  /** The noise generator (a `np.random.Generator` or `RandomState`). */
  rng?: RandomSource;
  /** Seed of the module's own generator, `np.random.defaultRng(seed)` (instead of `rng`). */
  seed?: np.random.GeneratorSeed;
}

/**
 * The denoising autoencoder (no PyTorch class): in training mode (the default)
 * `forward(x) = g(f(corrupt(x)))` and `loss(x) = mean((forward(x) - x)^2)` against the
 * clean `x`; in eval mode `forward(x) = g(f(x))`. `corrupt` is Gaussian
 * ({@link gaussianNoise}, `sigma`) or masking ({@link maskingNoise}, `p`). The noise
 * comes from `rng`, or from `np.random.defaultRng(seed)` made once at construction, or
 * (neither given) from NumPy's global legacy state (`np.random.seed`), as `F.dropout`.
 * Train it with `nn.fit(dae, loader, { loss: dae.criterion, ... })` over clean batches
 * `[x, x]` (plain `F.mseLoss` works too: the denoising loss has no penalty).
 *
 * @example
 * const dae = new nn.DenoisingAutoencoder({ encoder, decoder, noise: 'masking', p: 0.3, seed: 0 });
 * dae.loss(x).backward(); // reconstructs x from a masked copy
 * dae.eval().forward(noisyX); // denoise
 */
export class DenoisingAutoencoder<E extends Module = Module, D extends Module = Module> extends Autoencoder<E, D> {
  /** The corruption. */
  readonly noise: NoiseKind;
  /** The Gaussian noise's standard deviation (0 with masking noise). */
  readonly sigma: number;
  /** The masking probability (0 with Gaussian noise). */
  readonly p: number;
  /** Where the noise comes from (undefined: NumPy's global legacy state). */
  readonly rng: RandomSource | undefined;

  constructor(options: DenoisingAutoencoderOptions<E, D>) {
    super(options);
    const noise = options.noise ?? 'gaussian';
    if (noise !== 'gaussian' && noise !== 'masking') throw new np.ValueError(`noise must be 'gaussian' or 'masking', but got ${JSON.stringify(noise)}`);
    // a setting of the other kind of noise would be silently ignored: say so instead
    if (noise === 'gaussian' && options.p !== undefined) throw new np.ValueError("p is the masking probability: it needs noise: 'masking'");
    if (noise === 'masking' && options.sigma !== undefined) throw new np.ValueError("sigma is the Gaussian noise's standard deviation: it needs noise: 'gaussian'");
    if (options.rng !== undefined && options.seed !== undefined) throw new np.ValueError('give either rng or seed, not both');
    this.noise = noise;
    this.sigma = noise === 'gaussian' ? checkSigma(options.sigma ?? 0.1) : 0;
    this.p = noise === 'masking' ? checkMaskProbability(options.p ?? 0.25) : 0;
    this.rng = options.rng ?? (options.seed !== undefined ? np.random.defaultRng(options.seed) : undefined);
  }

  /**
   * A corrupted copy of `x` (whatever the mode): `x + sigma * N(0, 1)` or `x * mask`,
   * drawing from the module's generator.
   *
   * @example
   * const noisy = dae.corrupt(x); // for a figure: original / noisy / dae.eval().forward(noisy)
   */
  corrupt(x: ag.TensorLike): ag.Tensor {
    const options = { rng: this.rng };
    return this.noise === 'gaussian' ? gaussianNoise(x, this.sigma, options) : maskingNoise(x, this.p, options);
  }

  protected override encoderInput(x: ag.Tensor): ag.Tensor {
    return this.training ? this.corrupt(x) : x;
  }

  override extraRepr(): string {
    return this.noise === 'gaussian' ? `noise=gaussian, sigma=${this.sigma}` : `noise=masking, p=${this.p}`;
  }
}

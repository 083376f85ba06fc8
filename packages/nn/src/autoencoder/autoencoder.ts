/**
 * `nn.Autoencoder`: an encoder `f` and a decoder `g` trained so that `g(f(x)) ≈ x`, with
 * the loss of the lectures, `L = mean((x̂ - x)^2) + penalty`. The base class is the
 * undercomplete autoencoder (no penalty); the variants (`sparse.ts`, `denoising.ts`,
 * `contractive.ts`) override two hooks: `encoderInput` (what the encoder sees: the
 * denoising one corrupts it in training, the contractive one makes it a leaf to
 * differentiate the code by) and `penaltyOf` (the term added to the reconstruction error).
 *
 * One forward pass serves both the loss and `nn.fit`: `forward(x)` remembers its last
 * pass (output, encoder input, code), and `criterion(output, target)` (a loss function
 * for `nn.fit`) adds the penalty of the pass that produced `output`. So
 * `nn.fit(ae, loader, { loss: ae.criterion, ... })` over batches `[x, x]` trains with
 * exactly `ae.loss(x)`, and `ae.loss(x)` is `ae.criterion(ae.forward(x), x)`.
 */
import * as np from '@numbat/ndarray';
import type * as ag from '@numbat/autograd';
import { Module } from '../module.js';
import { mseLoss } from '../functional/regression-losses.js';
import { toTensor } from '../functional/common.js';

/** Options of {@link Autoencoder}: the two halves, any modules. */
export interface AutoencoderOptions<E extends Module = Module, D extends Module = Module> {
  /** `f`: input -> code. Samples must be independent (batch on axis 0) for the contractive penalty. */
  encoder: E;
  /** `g`: code -> reconstruction, of the input's shape. */
  decoder: D;
}

/** One forward pass, as remembered for the loss: the reconstruction, what the encoder saw, and the code. */
export interface AutoencoderPass {
  /** The reconstruction `g(f(input))`. */
  readonly output: ag.Tensor;
  /** The encoder's input (corrupted by a denoising autoencoder in training). */
  readonly input: ag.Tensor;
  /** The code `h = f(input)`. */
  readonly code: ag.Tensor;
}

/** The parts of an autoencoder's loss ({@link Autoencoder.lossTerms}). */
export interface AutoencoderLossTerms {
  /** `reconstruction + penalty`: what is minimised. */
  loss: ag.Tensor;
  /** The mean squared reconstruction error against the clean input. */
  reconstruction: ag.Tensor;
  /** The variant's penalty (already weighted), or null for the undercomplete and denoising ones. */
  penalty: ag.Tensor | null;
}

function shapeStr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** Throws unless `weight` is a finite number >= 0 (a penalty weight). */
export function checkWeight(weight: number): number {
  if (typeof weight !== 'number' || !(weight >= 0) || !Number.isFinite(weight)) throw new np.ValueError(`penalty weight must be a finite number >= 0, but got ${String(weight)}`);
  return weight;
}

/**
 * The number of samples in a batch of shape `shape`: its first axis for 2-D and larger
 * inputs, 1 for a single sample given as a vector (as `Linear` takes it).
 */
export function batchSizeOf(shape: readonly number[]): number {
  return shape.length >= 2 ? shape[0]! : 1;
}

/**
 * The undercomplete autoencoder (the lectures' `x̂ = g(f(x))` with `dim(h) < dim(x)`; no
 * PyTorch class): `encode(x) = encoder.forward(x)`, `decode(h) = decoder.forward(h)`,
 * `forward(x) = decode(encode(x))`, and `loss(x) = mean((forward(x) - x)^2)` (PyTorch's
 * `F.mse_loss`, the mean over every element). A Module: its parameters are the encoder's
 * then the decoder's (state-dict keys `'encoder.0.weight'`, ...), `train()` / `eval()`
 * reach both halves.
 *
 * Training with `nn.fit`: give batches `[x, x]` (e.g. `new nn.data.TensorDataset(X, X)`)
 * and `loss: ae.criterion`, which adds the variant's penalty to the reconstruction error
 * of the pass that produced the output (plain `F.mseLoss` would drop the penalty). The
 * validation loss (`evaluate`) is then `ae.loss(x)` in eval mode.
 *
 * @example
 * const ae = new nn.Autoencoder({
 *   encoder: new nn.Sequential(new nn.Linear(10, 2), new nn.Tanh()),
 *   decoder: new nn.Sequential(new nn.Linear(2, 10)),
 * });
 * ae.encode(x).shape; // [n, 2]
 * ae.loss(x).backward();
 * nn.fit(ae, new nn.data.DataLoader(new nn.data.TensorDataset(X, X), { batchSize: 32 }), {
 *   loss: ae.criterion,
 *   optimizer: new nn.optim.Adam(ae.parameters(), { lr: 1e-2 }),
 *   epochs: 50,
 * });
 */
export class Autoencoder<E extends Module = Module, D extends Module = Module> extends Module {
  /** `f`: input -> code. */
  readonly encoder: E;
  /** `g`: code -> reconstruction. */
  readonly decoder: D;
  /**
   * The loss for `nn.fit` / `nn.evaluate`: `(output, target) => mse(output, target) +
   * penalty`, the penalty being that of the forward pass that returned `output` (a
   * function bound to this autoencoder, to pass as `{ loss: ae.criterion }`). Throws when
   * the variant has a penalty and `output` is not the result of the last `forward`.
   */
  readonly criterion: (output: ag.Tensor, target: ag.Tensor) => ag.Tensor;
  #last: AutoencoderPass | null = null;

  constructor(options: AutoencoderOptions<E, D>) {
    super();
    if (options === null || typeof options !== 'object') throw new TypeError(`${new.target.name}: expected an options object { encoder, decoder }`);
    const { encoder, decoder } = options;
    for (const [name, m] of [['encoder', encoder], ['decoder', decoder]] as const) {
      if (!(m instanceof Module)) throw new TypeError(`${new.target.name}: ${name} must be an nn.Module, got ${m === null ? 'null' : typeof m}`);
    }
    this.encoder = encoder;
    this.decoder = decoder;
    this.criterion = (output, target) => this.#terms(output, toTensor(target)).loss;
  }

  /** The code `h = f(x)` (`encoder.forward(x)`). @example ae.encode(x).shape; // [n, codeSize] */
  encode(x: ag.TensorLike): ag.Tensor {
    return this.encoder.forward(toTensor(x));
  }

  /** The reconstruction `g(h)` of a code (`decoder.forward(h)`). @example ae.decode(ae.encode(x)); */
  decode(h: ag.TensorLike): ag.Tensor {
    return this.decoder.forward(toTensor(h));
  }

  /**
   * The reconstruction `g(f(x'))`, `x'` being what the encoder sees (`x` itself, except
   * for a denoising autoencoder in training: a corrupted copy). The pass is remembered
   * for {@link Autoencoder.criterion}.
   *
   * @example
   * ae.forward(x).shape; // x.shape
   */
  override forward(x: ag.TensorLike): ag.Tensor {
    const input = this.encoderInput(toTensor(x));
    const code = this.encode(input);
    const output = this.decode(code);
    this.#last = { output, input, code };
    return output;
  }

  /**
   * The loss of the lectures for a batch: the mean squared reconstruction error against
   * the clean `x` plus the variant's penalty; `criterion(forward(x), x)`. Differentiable
   * with respect to the parameters (`ae.loss(x).backward()`).
   *
   * @example
   * const l = ae.loss(x); l.backward(); optimizer.step();
   */
  loss(x: ag.TensorLike): ag.Tensor {
    return this.lossTerms(x).loss;
  }

  /**
   * The loss and its two parts, `{ loss, reconstruction, penalty }`, from one forward
   * pass (for reports: how much of the loss is the penalty).
   *
   * @example
   * const { reconstruction, penalty } = sae.lossTerms(x);
   */
  lossTerms(x: ag.TensorLike): AutoencoderLossTerms {
    const clean = toTensor(x);
    return this.#terms(this.forward(clean), clean);
  }

  /** What the encoder sees of a clean batch `x` (the identity here; overridden by variants). */
  protected encoderInput(x: ag.Tensor): ag.Tensor {
    return x;
  }

  /** True when the loss has a penalty computed from the forward pass (the variants with `penaltyOf`). */
  protected hasPenalty(): boolean {
    return false;
  }

  /** The weighted penalty of a forward pass (none here; overridden by variants). */
  protected penaltyOf(pass: AutoencoderPass): ag.Tensor | null {
    void pass;
    return null;
  }

  #terms(output: ag.Tensor, target: ag.Tensor): AutoencoderLossTerms {
    if (output.shape.length !== target.shape.length || output.shape.some((n, i) => n !== target.shape[i])) {
      throw new np.ValueError(`${this.constructor.name}: the reconstruction has shape ${shapeStr(output.shape)} but the input has shape ${shapeStr(target.shape)}; the decoder must map codes back to the input's shape`);
    }
    const reconstruction = mseLoss(output, target);
    if (!this.hasPenalty()) return { loss: reconstruction, reconstruction, penalty: null };
    const pass = this.#last;
    if (pass === null || pass.output !== output) {
      throw new np.ValueError(
        `${this.constructor.name}.criterion: the output is not the result of this autoencoder's last forward call, so its penalty is unknown; ` +
          'pass the model\'s own output (as nn.fit does) or call ae.loss(x)',
      );
    }
    const penalty = this.penaltyOf(pass);
    return { loss: penalty === null ? reconstruction : reconstruction.add(penalty), reconstruction, penalty };
  }
}

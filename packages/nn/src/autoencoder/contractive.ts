/**
 * The contractive autoencoder (Rifai et al. 2011, "Contractive auto-encoders: explicit
 * invariance during feature extraction"; the lectures' `lambda sum_i ||dh_i/dx||^2`):
 * the penalty is the squared Frobenius norm of the encoder's Jacobian `J = dh/dx` at
 * each sample, averaged over the batch.
 *
 * Two ways to compute it, which agree to rounding (the tests check values and gradients):
 * - exactly with autograd, for any encoder: the encoder treats samples independently, so
 *   the gradient of `sum_n h_n[j]` with respect to the batch holds row `j` of every
 *   sample's Jacobian at once; one backward per code unit (K passes, not N * K), recorded
 *   (`createGraph`) so that the penalty can itself be differentiated for training;
 * - in closed form for an encoder `Sequential(Linear, Sigmoid)`, `h = sigmoid(a (W x + b))`:
 *   `dh_j/dx_i = a h_j (1 - h_j) W_ji`, so `||J||_F^2 = a^2 sum_j (h_j (1 - h_j))^2
 *   sum_i W_ji^2`: one elementwise expression, no extra backward passes. It is used
 *   automatically for that shape of encoder (`jacobian: 'auto'`).
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import type { Module } from '../module.js';
import { Sequential } from '../container.js';
import { Linear } from '../layers/linear.js';
import { Sigmoid } from '../layers/activations.js';
import { floatDType, toTensor } from '../functional/common.js';
import { Autoencoder, batchSizeOf, checkWeight, type AutoencoderOptions, type AutoencoderPass } from './autoencoder.js';

/** How a {@link ContractiveAutoencoder} computes the Jacobian's norm. */
export type JacobianMethod = 'auto' | 'autograd' | 'closedForm';

/** Options of {@link ContractiveAutoencoder}. */
export interface ContractiveAutoencoderOptions<E extends Module = Module, D extends Module = Module> extends AutoencoderOptions<E, D> {
  /** lambda, the penalty's weight (default 1e-3). */
  weight?: number;
  /**
   * `'auto'` (default): the closed form when the encoder is `Sequential(Linear, Sigmoid)`,
   * else autograd; `'autograd'`: always autograd; `'closedForm'`: the closed form (throws
   * unless the encoder has that shape).
   */
  jacobian?: JacobianMethod;
}

/** A leaf requiring grad holding `t`'s values (float), to differentiate the code by. */
function inputLeaf(t: ag.Tensor): ag.Tensor {
  const dtype = floatDType(t);
  return new ag.Tensor(t.dtype === dtype ? t.data : np.astype(t.data, dtype), true);
}

/**
 * `(1/N) sum_n ||d code_n / d input_n||_F^2` from a recorded `code = f(input)`: one
 * backward per code unit, seeded with that unit's one-hot row in every sample.
 */
function jacobianNormSqOf(code: ag.Tensor, input: ag.Tensor, createGraph: boolean): ag.Tensor {
  const n = batchSizeOf(input.shape);
  const zero = (): ag.Tensor => new ag.Tensor(np.zeros([], { dtype: floatDType(code) }));
  if ((code.shape.length >= 2 && code.shape[0] !== n) || (code.shape.length < 2 && n !== 1)) {
    throw new np.ValueError(`the code has ${code.shape.length >= 2 ? code.shape[0] : 1} sample(s) but the input has ${n}: the encoder must keep the batch axis`);
  }
  if (!code.requiresGrad || n === 0) return zero();
  const units = code.size / n;
  let total: ag.Tensor | null = null;
  for (let j = 0; j < units; j++) {
    const seed = new Float64Array(code.size);
    for (let s = 0; s < n; s++) seed[s * units + j] = 1;
    const seedArray = np.astype(np.reshape(np.asarray(seed), code.shape), code.dtype);
    const g = ag.gradients([code], [input], { seeds: [seedArray], retainGraph: true, createGraph })[0];
    if (g === null || g === undefined) continue;
    const term = g.square().sum();
    total = total === null ? term : total.add(term);
  }
  return total === null ? zero() : total.div(n);
}

/**
 * The batch mean of the squared Frobenius norm of `encode`'s Jacobian,
 * `(1/N) sum_n ||d encode(x)_n / d x_n||_F^2`, computed exactly with autograd (one
 * backward per code unit). `x` holds `N` samples on axis 0 (a 1-D `x` is one sample);
 * `encode` must treat them independently (no training-mode BatchNorm: its Jacobian would
 * mix samples). With gradient mode on the result is differentiable with respect to
 * everything `encode` uses (the parameters) and to `x` when it requires grad; under
 * `ag.noGrad` it is a plain value. No PyTorch function (`torch.autograd.functional.jacobian`
 * then a norm).
 *
 * @example
 * const W = ag.tensor([[1, 2], [3, 4]]);
 * nn.jacobianNormSq((x) => x.matmul(W.T), ag.tensor([[0, 0]])).item(); // 30 = sum W^2
 */
export function jacobianNormSq(encode: (x: ag.Tensor) => ag.Tensor, x: ag.TensorLike): ag.Tensor {
  const t = toTensor(x);
  const recording = ag.isGradEnabled();
  const input = t.requiresGrad ? t : inputLeaf(t);
  // under noGrad the code is still recorded (to be differentiated once), the norm is not
  return ag.enableGrad(() => jacobianNormSqOf(encode(input), input, recording));
}

/**
 * The closed form of {@link jacobianNormSq} for a sigmoid layer `h = sigmoid(alpha (x W^T + b))`
 * (an encoder `Sequential(Linear, Sigmoid)`): `(alpha^2 / N) sum_n sum_j (h_nj (1 -
 * h_nj))^2 sum_i W_ji^2`, from the code `h` (`(N, K)`, or `(K,)` for one sample) and the
 * weight `W` (`(K, D)`, PyTorch's layout). Differentiable with respect to both.
 *
 * @example
 * const h = F.sigmoid(F.linear(x, W, b));
 * nn.sigmoidJacobianNormSq(h, W); // equals nn.jacobianNormSq((v) => F.sigmoid(F.linear(v, W, b)), x)
 */
export function sigmoidJacobianNormSq(code: ag.TensorLike, weight: ag.TensorLike, alpha = 1): ag.Tensor {
  const h = toTensor(code);
  const w = toTensor(weight);
  if (w.shape.length !== 2 || h.shape.length === 0 || h.shape[h.shape.length - 1] !== w.shape[0]) {
    throw new np.ValueError(`sigmoidJacobianNormSq: the code's last axis (${h.shape.length === 0 ? 'none' : h.shape[h.shape.length - 1]}) must match the weight's rows; weight shape (${w.shape.join(', ')})`);
  }
  const slope = h.mul(h.neg().add(1)).square();
  const rowNormSq = w.square().sum(1);
  return slope.mul(rowNormSq).sum().mul((alpha * alpha) / batchSizeOf(h.shape));
}

/** The `[Linear, Sigmoid]` of an encoder `Sequential(Linear, Sigmoid)`, or null for any other encoder. */
function sigmoidLayer(encoder: Module): [Linear, Sigmoid] | null {
  if (!(encoder instanceof Sequential) || encoder.length !== 2) return null;
  const lin = encoder.get(0);
  const sig = encoder.get(1);
  return lin instanceof Linear && sig instanceof Sigmoid ? [lin, sig] : null;
}

/**
 * The contractive autoencoder (no PyTorch class): `loss(x) = mean((g(f(x)) - x)^2) +
 * weight * (1/N) sum_n ||df/dx (x_n)||_F^2`, the squared Frobenius norm of the encoder's
 * Jacobian at each sample, averaged over the batch. Exact: by autograd for any encoder
 * ({@link jacobianNormSq}; the encoder must treat samples independently), or by the
 * closed form {@link sigmoidJacobianNormSq} for an encoder `Sequential(Linear, Sigmoid)`
 * (chosen automatically; `jacobian: 'autograd'` forces autograd). Otherwise as
 * {@link Autoencoder}; train it with `nn.fit(cae, loader, { loss: cae.criterion, ... })`.
 *
 * @example
 * const cae = new nn.ContractiveAutoencoder({
 *   encoder: new nn.Sequential(new nn.Linear(10, 3), new nn.Sigmoid()),
 *   decoder: new nn.Linear(3, 10),
 *   weight: 0.1,
 * });
 * cae.usesClosedForm; // true
 * cae.loss(x).backward();
 */
export class ContractiveAutoencoder<E extends Module = Module, D extends Module = Module> extends Autoencoder<E, D> {
  /** lambda, the penalty's weight. */
  readonly weight: number;
  /** The method asked for (see {@link ContractiveAutoencoderOptions.jacobian}). */
  readonly jacobian: JacobianMethod;

  constructor(options: ContractiveAutoencoderOptions<E, D>) {
    super(options);
    this.weight = checkWeight(options.weight ?? 1e-3);
    const jacobian = options.jacobian ?? 'auto';
    if (jacobian !== 'auto' && jacobian !== 'autograd' && jacobian !== 'closedForm') {
      throw new np.ValueError(`jacobian must be 'auto', 'autograd' or 'closedForm', but got ${JSON.stringify(jacobian)}`);
    }
    this.jacobian = jacobian;
    void this.usesClosedForm; // a 'closedForm' request for another encoder fails now, not in the first loss
  }

  /** True when the penalty is computed in closed form (the encoder is `Sequential(Linear, Sigmoid)`, and not forced to autograd). */
  get usesClosedForm(): boolean {
    if (this.jacobian === 'autograd') return false;
    const layer = sigmoidLayer(this.encoder);
    if (this.jacobian === 'closedForm' && layer === null) {
      throw new np.ValueError(`jacobian: 'closedForm' needs an encoder Sequential(Linear, Sigmoid), got ${this.encoder.constructor.name}`);
    }
    return layer !== null;
  }

  /**
   * The weighted penalty `weight * (1/N) sum_n ||J_n||_F^2` at a batch `x` (one encoder
   * pass; no decoder).
   *
   * @example
   * cae.penalty(x).item();
   */
  penalty(x: ag.TensorLike): ag.Tensor {
    const t = toTensor(x);
    const layer = this.usesClosedForm ? sigmoidLayer(this.encoder) : null;
    const norm = layer !== null ? sigmoidJacobianNormSq(this.encode(t), layer[0].weight, layer[1].alpha) : jacobianNormSq((v) => this.encode(v), t);
    return norm.mul(this.weight);
  }

  /** With autograd and gradient mode on, the encoder sees a leaf requiring grad, so the code can be differentiated by it. */
  protected override encoderInput(x: ag.Tensor): ag.Tensor {
    if (this.usesClosedForm || !ag.isGradEnabled() || x.requiresGrad) return x;
    return inputLeaf(x);
  }

  protected override hasPenalty(): boolean {
    return true;
  }

  protected override penaltyOf(pass: AutoencoderPass): ag.Tensor {
    const layer = this.usesClosedForm ? sigmoidLayer(this.encoder) : null;
    if (layer !== null) return sigmoidJacobianNormSq(pass.code, layer[0].weight, layer[1].alpha).mul(this.weight);
    // the pass's code depends on its input only when recorded (gradient mode on): else encode again, recording
    const norm = ag.isGradEnabled() && pass.input.requiresGrad && pass.code.requiresGrad
      ? jacobianNormSqOf(pass.code, pass.input, true)
      : jacobianNormSq((v) => this.encode(v), pass.input);
    return norm.mul(this.weight);
  }

  override extraRepr(): string {
    return `weight=${this.weight}, jacobian=${this.usesClosedForm ? 'closedForm' : 'autograd'}`;
  }
}

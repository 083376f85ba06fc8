/**
 * Layers whose behaviour depends on `training`: `Dropout` (inverted dropout; identity in
 * eval) and `BatchNorm1d` / `BatchNorm2d` (batch statistics and running averages in
 * training, running averages in eval), with PyTorch's buffers (`runningMean`,
 * `runningVar`, `numBatchesTracked`, camelCased as every numbat name).
 */
import * as np from '@numbat/ndarray';
import type * as ag from '@numbat/autograd';
import { Module, type FloatDType } from '../module.js';
import { Parameter } from '../parameter.js';
import * as F from '../functional/index.js';
import { checkSize } from './linear.js';

/** Options of {@link Dropout}. */
export interface DropoutLayerOptions extends F.RngOptions {}

/**
 * Inverted dropout (`torch.nn.Dropout`): in training zeroes each element with probability
 * `p` (default 0.5) and scales the rest by `1 / (1 - p)`; the identity after `eval()`.
 * Masks come from `rng` (a `np.random.Generator`) or NumPy's global legacy state.
 *
 * @example
 * const drop = new nn.Dropout(0.2, { rng: np.random.defaultRng(0) });
 * drop.eval().forward(x) === x; // true for a tensor x
 */
export class Dropout extends Module {
  /** The probability of zeroing an element. */
  readonly p: number;
  readonly #rng: F.RandomSource | undefined;

  constructor(p = 0.5, options: DropoutLayerOptions = {}) {
    super();
    if (!(p >= 0 && p <= 1)) throw new np.ValueError(`dropout probability has to be between 0 and 1, but got ${p}`);
    this.p = p;
    this.#rng = options.rng;
  }

  /** `F.dropout(x, p, training)`. */
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.dropout(x, this.p, this.training, this.#rng === undefined ? {} : { rng: this.#rng });
  }

  override extraRepr(): string {
    return `p=${this.p}`;
  }
}

/** Options of {@link BatchNorm1d} and {@link BatchNorm2d}. */
export interface BatchNormLayerOptions {
  /** Added to the variance (default 1e-5). */
  eps?: number;
  /** Weight of each batch in the running averages (default 0.1); null: the cumulative average. */
  momentum?: number | null;
  /** Learn a scale `weight` (ones) and shift `bias` (zeros) per feature (default true). */
  affine?: boolean;
  /** Keep running averages for eval (default true); false normalises with batch statistics always. */
  trackRunningStats?: boolean;
  /** The parameters' and buffers' dtype (default 'float64'). */
  dtype?: FloatDType;
}

/** The shared batch-norm module; subclasses check the input's rank. */
abstract class BatchNormBase extends Module {
  /** Features (channels), dim 1 of the input. */
  readonly numFeatures: number;
  /** Added to the variance. */
  readonly eps: number;
  /** Running-average weight; null for the cumulative average. */
  momentum: number | null;
  /** Whether `weight` and `bias` are learned. */
  readonly affine: boolean;
  /** Whether running statistics are kept. */
  readonly trackRunningStats: boolean;
  /** Scale per feature (gamma), or null. */
  weight: Parameter | null;
  /** Shift per feature (beta), or null. */
  bias: Parameter | null;

  constructor(numFeatures: number, options: BatchNormLayerOptions) {
    super();
    this.numFeatures = checkSize(numFeatures, 'num_features');
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum === undefined ? 0.1 : options.momentum;
    this.affine = options.affine ?? true;
    this.trackRunningStats = options.trackRunningStats ?? true;
    const dtype = options.dtype ?? 'float64';
    this.weight = this.affine ? new Parameter(np.ones([numFeatures], { dtype })) : null;
    this.bias = this.affine ? new Parameter(np.zeros([numFeatures], { dtype })) : null;
    const track = this.trackRunningStats;
    this.registerBuffer('runningMean', track ? np.zeros([numFeatures], { dtype }) : null);
    this.registerBuffer('runningVar', track ? np.ones([numFeatures], { dtype }) : null);
    this.registerBuffer('numBatchesTracked', track ? np.zeros([], { dtype: 'int64' }) : null);
  }

  /** The running mean per feature (a buffer), or null. */
  get runningMean(): np.NDArray | null {
    return this.getBuffer('runningMean');
  }
  set runningMean(v: np.NDArray | null) {
    this.setBuffer('runningMean', v);
  }
  /** The running (unbiased) variance per feature (a buffer), or null. */
  get runningVar(): np.NDArray | null {
    return this.getBuffer('runningVar');
  }
  set runningVar(v: np.NDArray | null) {
    this.setBuffer('runningVar', v);
  }
  /** Training batches seen (an int64 0-d buffer), or null. */
  get numBatchesTracked(): np.NDArray | null {
    return this.getBuffer('numBatchesTracked');
  }
  set numBatchesTracked(v: np.NDArray | null) {
    this.setBuffer('numBatchesTracked', v);
  }

  /** Throws unless the input has the rank this layer takes. */
  protected abstract checkInputDim(x: ag.Tensor): void;

  /** Running statistics back to mean 0, variance 1, no batches (`reset_running_stats`). @example bn.resetRunningStats(); */
  resetRunningStats(): void {
    if (!this.trackRunningStats) return;
    this.runningMean!.fill(0);
    this.runningVar!.fill(1);
    this.numBatchesTracked!.fill(0);
  }

  /** PyTorch's `_BatchNorm.forward`: counts the batch, picks the averaging factor, calls `F.batchNorm`. */
  override forward(x: ag.TensorLike): ag.Tensor {
    const t = F.identity(x);
    this.checkInputDim(t);
    let factor = this.momentum ?? 0;
    const nbt = this.numBatchesTracked;
    if (this.training && this.trackRunningStats && nbt !== null) {
      nbt.set('...', np.add(nbt, 1));
      factor = this.momentum === null ? 1 / Number(nbt.item()) : this.momentum;
    }
    const useBatch = this.training || (this.runningMean === null && this.runningVar === null);
    const keepStats = !this.training || this.trackRunningStats;
    return F.batchNorm(t, keepStats ? this.runningMean : null, keepStats ? this.runningVar : null, {
      weight: this.weight,
      bias: this.bias,
      training: useBatch,
      momentum: factor,
      eps: this.eps,
    });
  }

  override extraRepr(): string {
    return `${this.numFeatures}, eps=${this.eps}, momentum=${this.momentum}, affine=${this.affine}, trackRunningStats=${this.trackRunningStats}`;
  }
}

/**
 * Batch normalisation of `(N, C)` or `(N, C, L)` inputs (`torch.nn.BatchNorm1d`): per
 * feature, normalise by the batch's mean and variance in training (updating the running
 * averages: `momentum` 0.1, the unbiased variance), by the running averages in eval; then
 * scale and shift by the learned `weight` and `bias`.
 *
 * @example
 * const bn = new nn.BatchNorm1d(3);
 * bn.forward(ag.tensor(np.random.randn(8, 3) as np.NDArray)); // normalised per column
 * bn.eval(); // now uses bn.runningMean, bn.runningVar
 */
export class BatchNorm1d extends BatchNormBase {
  constructor(numFeatures: number, options: BatchNormLayerOptions = {}) {
    super(numFeatures, options);
  }

  protected checkInputDim(x: ag.Tensor): void {
    if (x.ndim !== 2 && x.ndim !== 3) throw new np.ValueError(`expected 2D or 3D input (got ${x.ndim}D input)`);
  }
}

/**
 * Batch normalisation of `(N, C, H, W)` images per channel (`torch.nn.BatchNorm2d`); as
 * {@link BatchNorm1d} otherwise.
 *
 * @example
 * new nn.BatchNorm2d(3).forward(ag.tensor(np.zeros([2, 3, 4, 4]))).shape; // [2, 3, 4, 4]
 */
export class BatchNorm2d extends BatchNormBase {
  constructor(numFeatures: number, options: BatchNormLayerOptions = {}) {
    super(numFeatures, options);
  }

  protected checkInputDim(x: ag.Tensor): void {
    if (x.ndim !== 4) throw new np.ValueError(`expected 4D input (got ${x.ndim}D input)`);
  }
}

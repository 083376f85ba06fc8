/**
 * The sparse autoencoder of the lectures: `L = ||x̂ - x||^2 + lambda R(h)` with
 * `R(h) = ||h||_1` or `||h||_2^2`, the code penalised so that few units are active (the
 * code may then be as wide as the input, or wider).
 */
import * as np from '@numbat/ndarray';
import type * as ag from '@numbat/autograd';
import type { Module } from '../module.js';
import { toTensor } from '../functional/common.js';
import { Autoencoder, batchSizeOf, checkWeight, type AutoencoderOptions, type AutoencoderPass } from './autoencoder.js';

/** The code penalty of a {@link SparseAutoencoder}: `'l1'` = `sum |h|`, `'l2'` = `sum h^2`. */
export type SparsePenalty = 'l1' | 'l2';

/** Options of {@link SparseAutoencoder}. */
export interface SparseAutoencoderOptions<E extends Module = Module, D extends Module = Module> extends AutoencoderOptions<E, D> {
  /** `'l1'` (default): `||h||_1`; `'l2'`: `||h||_2^2` (squared, no 1/2). */
  penalty?: SparsePenalty;
  /** lambda, the penalty's weight (default 1e-3). */
  weight?: number;
}

/**
 * The code penalty `weight * (1/N) sum_n R(h_n)` of a batch of codes `h` (`N` samples on
 * axis 0; a 1-D code is one sample): `R = ||.||_1` (`'l1'`) or `||.||_2^2` (`'l2'`), each
 * sample's norm over all its code units, averaged over the batch. The L1 gradient is
 * `weight * sign(h) / N` (0 at 0, as PyTorch's `abs`).
 *
 * @example
 * nn.codePenalty(ag.tensor([[1, -2], [0, 3]]), 'l1', 0.5); // 0.5 * (3 + 3) / 2 = tensor(1.5)
 * nn.codePenalty(ag.tensor([[1, -2], [0, 3]]), 'l2', 1); // (5 + 9) / 2 = tensor(7.)
 */
export function codePenalty(code: ag.TensorLike, penalty: SparsePenalty, weight: number): ag.Tensor {
  checkPenalty(penalty);
  checkWeight(weight);
  const h = toTensor(code);
  const r = penalty === 'l1' ? h.abs() : h.square();
  return r.sum().mul(weight / batchSizeOf(h.shape));
}

function checkPenalty(penalty: string): SparsePenalty {
  if (penalty !== 'l1' && penalty !== 'l2') throw new np.ValueError(`penalty must be 'l1' or 'l2', but got ${JSON.stringify(penalty)}`);
  return penalty;
}

/**
 * The sparse autoencoder (no PyTorch class): `loss(x) = mean((g(f(x)) - x)^2) + weight *
 * (1/N) sum_n R(h_n)` with `R` the L1 norm (default) or the squared L2 norm of each
 * sample's code ({@link codePenalty}). Otherwise as {@link Autoencoder}; train it with
 * `nn.fit(sae, loader, { loss: sae.criterion, ... })` so the penalty is included.
 *
 * @example
 * const sae = new nn.SparseAutoencoder({
 *   encoder: new nn.Sequential(new nn.Linear(10, 20), new nn.ReLU()),
 *   decoder: new nn.Linear(20, 10),
 *   penalty: 'l1',
 *   weight: 1e-3,
 * });
 * sae.loss(x).backward();
 */
export class SparseAutoencoder<E extends Module = Module, D extends Module = Module> extends Autoencoder<E, D> {
  /** Which norm of the code is penalised. */
  readonly penalty: SparsePenalty;
  /** lambda, the penalty's weight. */
  readonly weight: number;

  constructor(options: SparseAutoencoderOptions<E, D>) {
    super(options);
    this.penalty = checkPenalty(options.penalty ?? 'l1');
    this.weight = checkWeight(options.weight ?? 1e-3);
  }

  protected override hasPenalty(): boolean {
    return true;
  }

  protected override penaltyOf(pass: AutoencoderPass): ag.Tensor {
    return codePenalty(pass.code, this.penalty, this.weight);
  }

  override extraRepr(): string {
    return `penalty=${this.penalty}, weight=${this.weight}`;
  }
}

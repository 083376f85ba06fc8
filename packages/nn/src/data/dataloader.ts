/**
 * The DataLoader (PyTorch's `torch.utils.data.DataLoader`, single process): iterates over
 * a dataset in batches of stacked tensors. The batch size selects the lectures' three
 * regimes: `batchSize = dataset.length` is batch gradient descent, `1` is stochastic
 * gradient descent, anything between is mini-batch gradient descent.
 *
 * Shuffling is deterministic when seeded: the loader owns one `np.random.Generator`
 * (`np.random.defaultRng(seed)`, or the `rng` given) and draws `rng.permutation(n)` at the
 * start of each epoch, so the epochs differ from each other but a run repeats exactly,
 * and the orders are NumPy's (`np.random.default_rng(seed).permutation(n)`, epoch by epoch).
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import type { Dataset, SampleField } from './dataset.js';

/** Options of {@link DataLoader} (PyTorch's, camelCased). */
export interface DataLoaderOptions {
  /** Samples per batch (default 1). */
  batchSize?: number;
  /** Visit the samples in a new random order every epoch (default false: in order). */
  shuffle?: boolean;
  /** Drop the last batch when it is smaller than `batchSize` (default false). */
  dropLast?: boolean;
  /** Seed of the shuffling generator (`np.random.defaultRng(seed)`); unseeded: fresh entropy. */
  seed?: np.random.GeneratorSeed;
  /** The generator to shuffle with (instead of `seed`). */
  rng?: np.random.Generator;
}

/** A batch: one stacked tensor per field of the samples (`[x, y]`). */
export type Batch = ag.Tensor[];

function fieldData(f: SampleField): np.NDArray {
  if (f instanceof ag.Tensor) return f.data;
  return np.asarray(f);
}

/** Stacks the samples' fields along a new first axis (PyTorch's default collate). */
function collate(samples: (readonly SampleField[])[]): Batch {
  const width = samples[0]!.length;
  if (samples.some((s) => s.length !== width)) throw new np.ValueError('each sample of a batch should have the same number of fields');
  const out: Batch = [];
  for (let f = 0; f < width; f++) out.push(ag.asTensor(np.stack(samples.map((s) => fieldData(s[f]!)))));
  return out;
}

/**
 * Iterates over `dataset` in batches: `for (const [x, y] of loader)`. Each batch holds one
 * tensor per sample field, stacked along a new first axis (not requiring grad). `length`
 * is the number of batches per epoch; every sample is visited once per epoch (except the
 * remainder dropped with `dropLast`).
 *
 * @example
 * const loader = new nn.data.DataLoader(new nn.data.TensorDataset(X, y), { batchSize: 32, shuffle: true, seed: 0 });
 * for (const [xb, yb] of loader) { ... }
 */
export class DataLoader implements Iterable<Batch> {
  /** The dataset served. */
  readonly dataset: Dataset;
  /** Samples per batch. */
  readonly batchSize: number;
  /** Whether each epoch is reshuffled. */
  readonly shuffle: boolean;
  /** Whether the last incomplete batch is dropped. */
  readonly dropLast: boolean;
  /** The shuffling generator (null without `shuffle`). */
  readonly rng: np.random.Generator | null;

  constructor(dataset: Dataset, options: DataLoaderOptions = {}) {
    const batchSize = options.batchSize ?? 1;
    if (!Number.isInteger(batchSize) || batchSize <= 0) {
      throw new np.ValueError(`batchSize should be a positive integer value, but got batchSize=${batchSize}`);
    }
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.shuffle = options.shuffle === true;
    this.dropLast = options.dropLast === true;
    this.rng = this.shuffle ? (options.rng ?? np.random.defaultRng(options.seed)) : null;
  }

  /** The number of batches per epoch. */
  get length(): number {
    const n = this.dataset.length;
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  /** The sample order of the next epoch (a new permutation each call when shuffling). */
  #order(): np.NDArray {
    const n = this.dataset.length;
    return this.rng !== null ? this.rng.permutation(n) : np.arange(n);
  }

  /** One epoch of batches; with `shuffle`, each call draws a new order. */
  *[Symbol.iterator](): Iterator<Batch> {
    const order = this.#order();
    const n = order.shape[0]!;
    const batches = this.length;
    const ds = this.dataset;
    for (let b = 0; b < batches; b++) {
      const start = b * this.batchSize;
      const stop = Math.min(start + this.batchSize, n);
      const indices = order.get(`${start}:${stop}`);
      if (ds.getBatch !== undefined) yield ds.getBatch(indices);
      else {
        const samples: (readonly SampleField[])[] = [];
        for (let k = start; k < stop; k++) samples.push(ds.get(Number(order.item(k))));
        yield collate(samples);
      }
    }
  }
}

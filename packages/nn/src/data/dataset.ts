/**
 * Datasets (PyTorch's `torch.utils.data.Dataset`): anything with a `length` and `get(i)`
 * returning one sample as a tuple of tensors (input, target, ...). `TensorDataset` wraps
 * arrays that share their first axis and also serves whole batches at once.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';

/** One field of a sample: a tensor, an array, or a number. */
export type SampleField = ag.Tensor | np.NDArray | number;

/**
 * A map-style dataset: `length` samples, `get(i)` the i-th as a tuple of fields
 * (`[x, y]`). The DataLoader stacks the fields of a batch's samples along a new first axis.
 * A dataset may also serve a whole batch at once through `getBatch(indices)`.
 *
 * @example
 * const squares: nn.data.Dataset = { length: 10, get: (i) => [i, i * i] };
 */
export interface Dataset {
  /** The number of samples. */
  readonly length: number;
  /** The i-th sample (0 <= i < length). */
  get(i: number): readonly SampleField[];
  /** The samples at `indices`, stacked field by field (optional fast path for the DataLoader). */
  getBatch?(indices: np.NDArray): ag.Tensor[];
}

/**
 * A dataset over arrays or tensors that share their first axis (PyTorch's
 * `TensorDataset`): sample i is the i-th row of each. Inputs are kept as given (no copy);
 * a Tensor that requires grad is detached.
 *
 * @example
 * const ds = new nn.data.TensorDataset(X, y);
 * ds.length;  // X.shape[0]
 * ds.get(0);  // [X[0], y[0]] as Tensors
 */
export class TensorDataset implements Dataset {
  /** The wrapped data, as tensors (PyTorch's `.tensors`). */
  readonly tensors: ag.Tensor[];

  constructor(...tensors: (ag.Tensor | np.ArrayLike)[]) {
    if (tensors.length === 0) throw new np.ValueError('TensorDataset needs at least one tensor');
    this.tensors = tensors.map((t) => (t instanceof ag.Tensor ? t.detach() : ag.asTensor(np.asarray(t))));
    for (const t of this.tensors) {
      if (t.ndim === 0) throw new np.ValueError('TensorDataset needs tensors with at least one axis (the samples), got a 0-d one');
    }
    const n = this.tensors[0]!.shape[0]!;
    if (this.tensors.some((t) => t.shape[0] !== n)) {
      throw new np.ValueError(`Size mismatch between tensors: first axes ${this.tensors.map((t) => t.shape[0]).join(', ')}`);
    }
  }

  /** The number of samples (the common first-axis length). */
  get length(): number {
    return this.tensors[0]!.shape[0]!;
  }

  /** Sample `i` (negative counts from the end): the i-th row of each tensor, as views. */
  get(i: number): ag.Tensor[] {
    return this.tensors.map((t) => ag.asTensor(t.data.get(i)));
  }

  /** The rows at `indices` of each tensor (copies gathered with `np.take`). */
  getBatch(indices: np.NDArray): ag.Tensor[] {
    return this.tensors.map((t) => ag.asTensor(np.take(t.data, indices, 0)));
  }
}

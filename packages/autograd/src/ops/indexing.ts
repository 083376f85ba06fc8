/**
 * Indexing: `get` (NumPy's `a[index]`, every index form) and its gradient, a scatter-add.
 *
 * The gradient of `y = x[index]` is `zeros(x.shape)` with `g` added at the selected
 * positions. A basic index (integers, slices, `'...'`, `null`) selects each element at
 * most once, so the scatter is one assignment into a view. An advanced index (integer
 * arrays, masks) may select an element several times: the positions are the flat indices
 * `arange(x.size).reshape(x.shape)[index]`, and the scatter-add of `gather.ts` sums every
 * occurrence (NumPy's unbuffered `np.add.at`). Both scatters are ops whose gradient is
 * `get` again, so indexing is differentiable to any order.
 */
import * as np from '@numbat/ndarray';
import { defineOp, type TensorLike } from '../define-op.js';
import { Tensor } from '../tensor.js';
import { flatPositions, scatterInto } from './scatter.js';

/** An index item of {@link get}: NumPy's items, with integer or bool tensors allowed as index arrays. */
export type TensorIndexItem = np.IndexItem | Tensor;

/** True for an item that makes an index advanced (a copy in NumPy): arrays, lists, booleans. */
function isAdvanced(item: np.IndexItem): boolean {
  return item instanceof np.NDArray || Array.isArray(item) || typeof item === 'boolean';
}

interface SetParams {
  shape: number[];
  index: np.IndexItem[];
}

/** The gradient of a basic index: `g` written into zeros of the input's shape (no element twice). */
const placeOp = defineOp<SetParams>({
  name: 'indexPlace',
  forward: ([g], { shape, index }) => {
    const src = np.asarray(g!);
    const out = np.zeros(shape, { dtype: src.dtype });
    out.set(index, src);
    return out;
  },
  backward: (gg, { params }) => [gg.get(...params.index)],
});

const getOp = defineOp<np.IndexItem[]>({
  name: 'get',
  forward: ([x], index) => np.get(x!, ...index),
  backward: (g, { inputs: [x], params: index }) => {
    const shape = x!.shape;
    if (!index.some(isAdvanced)) return [placeOp([g], { shape, index })];
    return [scatterInto(g, shape, np.get(flatPositions(shape), ...index))];
  },
});

/**
 * NumPy's `x[index]` (`np.get`, `a.get(...)`): integers, slice strings (`'1:3'`,
 * `'::-1'`), `np.s(...)`, `'...'`, `null`, integer arrays and boolean masks (NDArrays,
 * JS arrays or tensors, used as constants). Gradient: `g` scatter-added into zeros of
 * `x`'s shape, summing over repeated indices.
 *
 * @example
 * const x = ag.tensor([1, 2, 3], { requiresGrad: true });
 * ag.get(x, [0, 0, 2]).sum().backward();
 * x.grad; // array([2., 0., 1.])
 */
export function get(x: TensorLike, ...index: TensorIndexItem[]): Tensor {
  return getOp([x], index.map((item) => (item instanceof Tensor ? item.data : item)));
}

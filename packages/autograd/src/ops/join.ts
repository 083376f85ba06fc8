/**
 * Joining and splitting: `concatenate` and `stack` are primitives whose gradient slices
 * `g` back into the inputs' parts; `vstack`, `hstack`, `split`, `arraySplit`, `repeat`,
 * `diag` (of a matrix) and `meshgrid` are composites of them, of indexing and of shape
 * ops. Forwards are NumPy's, so errors are NumPy's.
 */
import * as np from '@numbat/ndarray';
import { defineOp, toTensor, type TensorLike } from '../define-op.js';
import { Tensor } from '../tensor.js';
import { fullSlices, normalizeAxis } from './axes.js';
import { atleast1d, atleast2d, broadcastTo, copy, ravel, reshape } from './shape.js';

/** A sequence of tensors: a JS array of tensor-likes, or a tensor taken along its first axis. */
export type TensorSequence = readonly TensorLike[] | Tensor;

function tensorsOf(seq: TensorSequence): Tensor[] {
  if (seq instanceof Tensor) {
    if (seq.ndim === 0) throw new np.DTypeError('iteration over a 0-d array');
    return Array.from({ length: seq.shape[0]! }, (_, i) => seq.get(i));
  }
  return seq.map(toTensor);
}

const concatenateOp = defineOp<number>({
  name: 'concatenate',
  forward: (xs, axis) => np.concatenate(xs, axis),
  backward: (g, { inputs, params: axis, needsGrad }) => {
    const ax = normalizeAxis(axis, g.ndim);
    let start = 0;
    return inputs.map((x, i) => {
      const n = x.shape[ax]!;
      const part = needsGrad[i] ? g.get(...fullSlices(ax), new np.Slice(start, start + n)) : null;
      start += n;
      return part;
    });
  },
});

/**
 * Joins tensors along an existing axis (`np.concatenate`); `axis: null` flattens them
 * first. Gradient: the matching slice of `g` for each input.
 *
 * @example
 * ag.concatenate([ag.tensor([1, 2]), ag.tensor([3])]); // tensor([1., 2., 3.])
 */
export function concatenate(xs: TensorSequence, axis: number | null = 0): Tensor {
  const ts = tensorsOf(xs);
  if (axis === null) return concatenateOp(ts.map((t) => ravel(t)), 0);
  return concatenateOp(ts, axis);
}

const stackOp = defineOp<number>({
  name: 'stack',
  forward: (xs, axis) => np.stack(xs, axis),
  backward: (g, { params: axis, inputs, needsGrad }) => {
    const ax = normalizeAxis(axis, g.ndim);
    return inputs.map((_, i) => (needsGrad[i] ? g.get(...fullSlices(ax), i) : null));
  },
});

/** Joins tensors of one shape along a new axis (`np.stack`). @example ag.stack([ag.tensor([1, 2]), ag.tensor([3, 4])], 1).shape; // [2, 2] */
export function stack(xs: TensorSequence, axis = 0): Tensor {
  return stackOp(tensorsOf(xs), axis);
}

/** Stacks rows: 1-d inputs become rows (`np.vstack`). @example ag.vstack([ag.tensor([1, 2]), ag.tensor([3, 4])]).shape; // [2, 2] */
export function vstack(xs: TensorSequence): Tensor {
  return concatenateOp(tensorsOf(xs).map((t) => atleast2d(t)), 0);
}

/** Stacks columns: 1-d inputs join end to end (`np.hstack`). @example ag.hstack([ag.tensor([1]), ag.tensor([2, 3])]).shape; // [3] */
export function hstack(xs: TensorSequence): Tensor {
  const ts = tensorsOf(xs).map((t) => atleast1d(t));
  return concatenateOp(ts, ts.length > 0 && ts[0]!.ndim === 1 ? 0 : 1);
}

/** The parts of `x` at NumPy's split points (`np.split`/`np.arraySplit` decide them, with their errors). */
function parts(x: Tensor, pieces: np.NDArray[], axis: number): Tensor[] {
  const ax = x.ndim === 0 ? axis : normalizeAxis(axis, x.ndim);
  let start = 0;
  return pieces.map((p) => {
    const n = p.shape[ax]!;
    const part = x.get(...fullSlices(ax), new np.Slice(start, start + n));
    start += n;
    return part;
  });
}

/**
 * Splits into equal parts or at indices along an axis (`np.split`), as a JS array of
 * tensors (views of `x`'s data). Each part's gradient lands in its slice of `x`.
 *
 * @example
 * ag.split(ag.tensor([1, 2, 3, 4]), 2).map((p) => p.shape); // [[2], [2]]
 */
export function split(x: TensorLike, indicesOrSections: number | readonly number[], axis = 0): Tensor[] {
  const t = toTensor(x);
  return parts(t, np.split(t.data, indicesOrSections, axis), axis);
}

/** Splits into parts whose lengths differ by at most one (`np.array_split`). @example ag.arraySplit(ag.tensor([1, 2, 3]), 2).map((p) => p.shape); // [[2], [1]] */
export function arraySplit(x: TensorLike, indicesOrSections: number | readonly number[], axis = 0): Tensor[] {
  const t = toTensor(x);
  return parts(t, np.arraySplit(t.data, indicesOrSections, axis), axis);
}

/**
 * Repeats each element (`np.repeat`): a gather with repeated indices, so the gradient of
 * each element is the sum of its copies' gradients.
 *
 * @example
 * ag.repeat(ag.tensor([1, 2]), 2); // tensor([1., 1., 2., 2.])
 */
export function repeat(x: TensorLike, repeats: np.ArrayLike, axis: number | null = null): Tensor {
  let t = toTensor(x);
  if (axis === null) t = ravel(t);
  else if (t.ndim === 0) t = reshape(t, 1);
  const ax = axis === null ? 0 : normalizeAxis(axis, t.ndim);
  const index = np.repeat(np.arange(t.shape[ax]!), repeats);
  return t.get(...fullSlices(ax), index);
}

const diagOp = defineOp<number>({
  name: 'diag',
  forward: ([v], k) => np.diag(v!, k),
  backward: (g, { inputs: [v], params: k }) => {
    const n = v!.shape[0]!;
    return [g.get(np.add(np.arange(n), Math.max(-k, 0)), np.add(np.arange(n), Math.max(k, 0)))];
  },
});

/**
 * A diagonal (`np.diag`): of a matrix, the k-th diagonal (a gather); of a vector, the
 * square matrix with it on the k-th diagonal.
 *
 * @example
 * ag.diag(ag.tensor([1, 2])).shape; // [2, 2]
 * ag.diag(ag.tensor([[1, 2], [3, 4]])); // tensor([1., 4.])
 */
export function diag(v: TensorLike, k = 0): Tensor {
  const t = toTensor(v);
  if (t.ndim !== 2) return diagOp([t], k);
  if (!Number.isInteger(k)) throw new np.DTypeError('integer argument expected, got float');
  const [rows, cols] = t.shape as [number, number];
  const len = Math.max(0, k >= 0 ? Math.min(rows, cols - k) : Math.min(rows + k, cols));
  return t.get(np.add(np.arange(len), Math.max(-k, 0)), np.add(np.arange(len), Math.max(k, 0)));
}

/** Options of {@link meshgrid}. */
export interface MeshgridOptions {
  /** 'xy' (default: the first two output axes swapped) or 'ij'. */
  indexing?: 'xy' | 'ij';
  /** Broadcastable tensors with length-1 axes instead of full grids (default false). */
  sparse?: boolean;
}

/**
 * Coordinate grids from 1-d coordinate tensors (`np.meshgrid`), as a JS array; the
 * gradient of a grid sums back onto its coordinate vector.
 *
 * @example
 * const [X, Y] = ag.meshgrid(ag.tensor([1, 2, 3]), ag.tensor([4, 5]));
 * X.shape; // [2, 3]
 */
export function meshgrid(...args: (TensorLike | MeshgridOptions)[]): Tensor[] {
  let opts: MeshgridOptions = {};
  let xs = args;
  const last = args[args.length - 1];
  if (last !== undefined && typeof last === 'object' && !(last instanceof Tensor) && !(last instanceof np.NDArray) && !Array.isArray(last) && !ArrayBuffer.isView(last)) {
    opts = last as MeshgridOptions;
    xs = args.slice(0, -1);
  }
  const indexing = opts.indexing ?? 'xy';
  if (indexing !== 'xy' && indexing !== 'ij') throw new np.ValueError("Valid values for `indexing` are 'xy' and 'ij'.");
  const ts = xs.map((x) => ravel(x as TensorLike));
  const nd = ts.length;
  const shapeOf = (i: number, n: number): number[] => {
    const s = new Array<number>(nd).fill(1);
    s[i] = n;
    if (indexing === 'xy' && nd > 1) [s[0], s[1]] = [s[1]!, s[0]!];
    return s;
  };
  const sparse = ts.map((t, i) => reshape(t, shapeOf(i, t.shape[0]!)));
  if (opts.sparse === true) return sparse;
  const full = np.broadcastShapes(...sparse.map((s) => s.shape));
  return sparse.map((s) => copy(broadcastTo(s, full)));
}

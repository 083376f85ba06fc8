/**
 * Gathers: ops whose every output element is a copy of one input element (`take`,
 * `takeAlongAxis`, `sort`, `partition`). One primitive serves them all: the forward is
 * NumPy's function; the gradient scatter-adds `g` at the flat positions the output
 * elements came from. Those positions are found by running the same gather on the array
 * of flat indices `arange(x.size).reshape(x.shape)` (for `sort` and `partition`, by
 * taking along `argsort`/`argpartition`). The scatter's own gradient is a gather again,
 * so these ops are differentiable to any order.
 */
import * as np from '@numbat/ndarray';
import { defineOp, toTensor, type TensorLike } from '../define-op.js';
import { Tensor } from '../tensor.js';
import { flatPositions, scatterInto } from './scatter.js';

interface GatherParams {
  forward: (x: np.NDArray) => np.NDArray;
  positions: (x: np.NDArray) => np.NDArray;
}

function gatherOp(name: string) {
  return defineOp<GatherParams>({
    name,
    forward: ([x], p) => p.forward(np.asarray(x!)),
    backward: (g, { inputs: [x], params }) => [scatterInto(g, x!.shape, params.positions(x!.data))],
  });
}

const takeOp = gatherOp('take');
const takeAlongAxisOp = gatherOp('takeAlongAxis');
const sortOp = gatherOp('sort');
const partitionOp = gatherOp('partition');

/** Options of {@link take}. */
export interface TakeOptions {
  /** Axis to take along; `null` (default) takes from the flattened tensor. */
  axis?: number | null;
  /** Out-of-range indices: 'raise' (default), 'wrap' or 'clip'. */
  mode?: 'raise' | 'wrap' | 'clip';
}

/**
 * Elements at `indices` along an axis (`np.take`); gradient: `g` summed back at the
 * taken positions (repeated indices add up).
 *
 * @example
 * ag.take(ag.tensor([10, 20, 30]), [2, 0, 2]); // tensor([30., 10., 30.])
 */
export function take(x: TensorLike, indices: np.ArrayLike | Tensor, axis?: number | null | TakeOptions, options: TakeOptions = {}): Tensor {
  const o: TakeOptions = typeof axis === 'object' && axis !== null ? axis : { ...options, axis: axis ?? options.axis ?? null };
  const idx = indices instanceof Tensor ? indices.data : indices;
  const f = (a: np.NDArray): np.NDArray => np.take(a, idx, o.axis ?? null, { mode: o.mode ?? 'raise' });
  return takeOp([x], { forward: f, positions: (a) => f(flatPositions(a.shape)) });
}

/**
 * Values picked along an axis by an index array of the same rank (`np.take_along_axis`),
 * as argsort/argmax produce them; gradient: the scatter-add back.
 *
 * @example
 * const x = ag.tensor([[3, 1, 2]]);
 * ag.takeAlongAxis(x, ag.argsort(x, 1), 1); // tensor([[1., 2., 3.]])
 */
export function takeAlongAxis(x: TensorLike, indices: np.ArrayLike | Tensor, axis: number | null = -1): Tensor {
  const idx = indices instanceof Tensor ? indices.data : indices;
  const f = (a: np.NDArray): np.NDArray => np.takeAlongAxis(a, idx, axis);
  return takeAlongAxisOp([x], { forward: f, positions: (a) => f(flatPositions(a.shape)) });
}

/** Options of {@link sort}. */
export interface SortOptions {
  /** Axis (default -1); `null` sorts the flattened tensor. */
  axis?: number | null;
  /** NumPy's sort kind (all give the same values). */
  kind?: string | null;
  /** NumPy's `stable=`. */
  stable?: boolean | null;
}

/** The axis argument of sort/partition: positional or in the options. */
function laneOf<O extends { axis?: number | null }>(axis: number | null | O | undefined, options: O | undefined): { axis: number | null; o: O } {
  if (typeof axis === 'object' && axis !== null) return { axis: axis.axis === undefined ? -1 : axis.axis, o: axis };
  const o = options ?? ({} as O);
  return { axis: axis === undefined ? (o.axis === undefined ? -1 : o.axis) : axis, o };
}

/**
 * A sorted copy (`np.sort`), NaN last; gradient: each sorted value's gradient goes back
 * to the element it came from (ties in the order of a stable argsort).
 *
 * @example
 * ag.sort(ag.tensor([3, 1, 2])); // tensor([1., 2., 3.])
 */
export function sort(x: TensorLike, axis?: number | null | SortOptions, options?: SortOptions): Tensor {
  const { axis: ax, o } = laneOf(axis, options);
  const t = toTensor(x);
  const order = { ...(o.kind === undefined ? {} : { kind: o.kind }), ...(o.stable === undefined ? {} : { stable: o.stable }) };
  return sortOp([t], {
    forward: (a) => np.sort(a, ax, order),
    positions: (a) => np.takeAlongAxis(flatPositions(a.shape), np.argsort(a, ax, { kind: 'stable' }), ax === null ? null : ax),
  });
}

/** Options of {@link partition}. */
export interface PartitionOptions {
  /** Axis (default -1); `null` partitions the flattened tensor. */
  axis?: number | null;
}

/**
 * A partitioned copy (`np.partition`): the k-th smallest at position k, smaller values
 * before it, larger after (the order within each side is unspecified, as in NumPy; here
 * it is the one `np.argpartition` gives). Gradient: back to the elements' origins.
 *
 * @example
 * ag.partition(ag.tensor([7, 1, 5, 3, 9]), 2).get(2); // tensor(5.)
 */
export function partition(x: TensorLike, kth: np.ArrayLike, axis?: number | null | PartitionOptions, options?: PartitionOptions): Tensor {
  const { axis: ax } = laneOf(axis, options);
  const t = toTensor(x);
  const gatherBy = (a: np.NDArray, from: np.NDArray): np.NDArray => {
    const idx = np.argpartition(a, kth, ax);
    return ax === null ? np.takeAlongAxis(np.ravel(from), idx, null) : np.takeAlongAxis(from, idx, ax);
  };
  return partitionOp([t], { forward: (a) => gatherBy(a, a), positions: (a) => gatherBy(a, flatPositions(a.shape)) });
}

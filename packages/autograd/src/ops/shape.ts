/**
 * Shape ops and copies: views and rearrangements whose gradient moves `g` back to the
 * input's layout. Pure reshapes (`reshape`, `ravel`, `flatten`, `expandDims`, `squeeze`,
 * `atleast1d/2d`) share one rule, `reshape(g, x.shape)`; `broadcastTo` returns `g`
 * as is and lets the tape sum it back to the input's shape; copies (`copy`, `astype`,
 * `ascontiguousarray`, `asfortranarray`) pass `g` through (the tape casts it to the
 * input's dtype).
 */
import * as np from '@numbat/ndarray';
import { defineOp, toTensor, type TensorLike } from '../define-op.js';
import type { Tensor } from '../tensor.js';
import { inversePermutation, normalizeAxis } from './axes.js';

/** The flat list of a shape given as varargs or one array (`reshape(x, 2, 3)`, `reshape(x, [2, 3])`). */
function shapeList(shape: readonly np.ShapeLike[]): number[] {
  return shape.length === 1 && typeof shape[0] !== 'number' ? [...(shape[0] as readonly number[])] : (shape as number[]);
}

/** An op whose forward only changes the shape: its gradient is `g` reshaped back. */
function reshapeLike<P>(name: string, forward: (x: np.ArrayLike, p: P) => np.NDArray) {
  return defineOp<P>({
    name,
    forward: ([x], p) => forward(x!, p),
    backward: (g, { inputs: [x] }) => [reshape(g, x!.shape)],
  });
}

const reshapeOp = reshapeLike<number[]>('reshape', (x, shape) => np.reshape(x, shape));
const ravelOp = reshapeLike<void>('ravel', (x) => np.ravel(x));
const flattenOp = reshapeLike<void>('flatten', (x) => np.flatten(x));
const expandDimsOp = reshapeLike<number | readonly number[]>('expandDims', (x, axis) => np.expandDims(x, axis));
const squeezeOp = reshapeLike<number | readonly number[] | null>('squeeze', (x, axis) => np.squeeze(x, axis));
const atleast1dOp = reshapeLike<void>('atleast1d', (x) => np.atleast1d(x));
const atleast2dOp = reshapeLike<void>('atleast2d', (x) => np.atleast2d(x));

/** A new shape, one `-1` allowed (`np.reshape`); a view of the data when the strides allow. @example ag.reshape(ag.tensor([1, 2, 3, 4]), 2, 2).shape; // [2, 2] */
export function reshape(x: TensorLike, ...shape: np.ShapeLike[]): Tensor {
  return reshapeOp([x], shapeList(shape));
}
/** The elements as 1-d, C order (`np.ravel`). @example ag.ravel(ag.tensor([[1, 2], [3, 4]])).shape; // [4] */
export function ravel(x: TensorLike): Tensor {
  return ravelOp([x]);
}
/** A 1-d copy, C order (`np.flatten`, `a.flatten()`). @example ag.flatten(ag.tensor([[1, 2]])).shape; // [2] */
export function flatten(x: TensorLike): Tensor {
  return flattenOp([x]);
}
/** Inserts length-1 axes (`np.expand_dims`). @example ag.expandDims(ag.tensor([1, 2]), 0).shape; // [1, 2] */
export function expandDims(x: TensorLike, axis: number | readonly number[]): Tensor {
  return expandDimsOp([x], axis);
}
/** Removes length-1 axes (all, or the given ones) (`np.squeeze`). @example ag.squeeze(ag.tensor([[1], [2]])).shape; // [2] */
export function squeeze(x: TensorLike, axis: number | readonly number[] | null = null): Tensor {
  return squeezeOp([x], axis);
}

/**
 * Tensors of at least one dimension (`np.atleast_1d`): one input gives a tensor, several
 * a JS array.
 *
 * @example
 * ag.atleast1d(ag.tensor(5)).shape; // [1]
 */
export function atleast1d(x: TensorLike): Tensor;
export function atleast1d(...xs: TensorLike[]): Tensor[];
export function atleast1d(...xs: TensorLike[]): Tensor | Tensor[] {
  return xs.length === 1 ? atleast1dOp([xs[0]!]) : xs.map((x) => atleast1dOp([x]));
}

/**
 * Tensors of at least two dimensions (`np.atleast_2d`): one input gives a tensor, several
 * a JS array.
 *
 * @example
 * ag.atleast2d(ag.tensor([1, 2])).shape; // [1, 2]
 */
export function atleast2d(x: TensorLike): Tensor;
export function atleast2d(...xs: TensorLike[]): Tensor[];
export function atleast2d(...xs: TensorLike[]): Tensor | Tensor[] {
  return xs.length === 1 ? atleast2dOp([xs[0]!]) : xs.map((x) => atleast2dOp([x]));
}

const transposeOp = defineOp<number[]>({
  name: 'transpose',
  forward: ([x], axes) => np.transpose(x!, axes),
  backward: (g, { params: axes }) => [transpose(g, inversePermutation(axes))],
});

/** Permutes the axes (reversed by default) (`np.transpose`); gradient: the inverse permutation. @example ag.transpose(ag.tensor([[1, 2, 3]])).shape; // [3, 1] */
export function transpose(x: TensorLike, axes?: readonly number[] | null): Tensor {
  const t = toTensor(x);
  const nd = t.ndim;
  if (axes === undefined || axes === null) return transposeOp([t], Array.from({ length: nd }, (_, i) => nd - 1 - i));
  if (axes.length !== nd) return transposeOp([t], [...axes]); // NumPy's error, from the forward
  const perm = axes.map((a) => normalizeAxis(a, nd));
  if (new Set(perm).size !== nd) return transposeOp([t], [...axes]);
  return transposeOp([t], perm);
}

const swapaxesOp = defineOp<[number, number]>({
  name: 'swapaxes',
  forward: ([x], [a, b]) => np.swapaxes(x!, a, b),
  backward: (g, { params: [a, b] }) => [swapaxes(g, a, b)],
});

/** Swaps two axes (`np.swapaxes`). @example ag.swapaxes(ag.tensor([[1, 2, 3]]), 0, 1).shape; // [3, 1] */
export function swapaxes(x: TensorLike, axis1: number, axis2: number): Tensor {
  return swapaxesOp([x], [axis1, axis2]);
}

const moveaxisOp = defineOp<[number | readonly number[], number | readonly number[]]>({
  name: 'moveaxis',
  forward: ([x], [s, d]) => np.moveaxis(x!, s, d),
  backward: (g, { params: [s, d] }) => [moveaxis(g, d, s)],
});

/** Moves axes to new positions (`np.moveaxis`). @example ag.moveaxis(ag.tensor(np.zeros([2, 3, 4])), 0, -1).shape; // [3, 4, 2] */
export function moveaxis(x: TensorLike, source: number | readonly number[], destination: number | readonly number[]): Tensor {
  return moveaxisOp([x], [source, destination]);
}

const broadcastToOp = defineOp<number[]>({
  name: 'broadcastTo',
  forward: ([x], shape) => np.broadcastTo(x!, shape),
  // the tape sums `g` back to the input's shape
  backward: (g) => [g],
});

/** A read-only view broadcast to `shape` (`np.broadcast_to`); gradient: `g` summed back. @example ag.broadcastTo(ag.tensor([1, 2]), 3, 2).shape; // [3, 2] */
export function broadcastTo(x: TensorLike, ...shape: np.ShapeLike[]): Tensor {
  return broadcastToOp([x], shapeList(shape));
}

/**
 * Tensors broadcast against each other (`np.broadcast_arrays`), as a JS array.
 *
 * @example
 * ag.broadcastArrays(ag.tensor([1, 2]), ag.tensor([[1], [2], [3]]))[0].shape; // [3, 2]
 */
export function broadcastArrays(...xs: TensorLike[]): Tensor[] {
  const ts = xs.map(toTensor);
  const shape = np.broadcastShapes(...ts.map((t) => t.shape));
  return ts.map((t) => broadcastTo(t, shape));
}

function identityOp<P>(name: string, forward: (x: np.ArrayLike, p: P) => np.NDArray) {
  return defineOp<P>({ name, forward: ([x], p) => forward(x!, p), backward: (g) => [g] });
}

const copyOp = identityOp<void>('copy', (x) => np.copy(x));
const contiguousOp = identityOp<void>('ascontiguousarray', (x) => np.ascontiguousarray(x));
const fortranOp = identityOp<void>('asfortranarray', (x) => np.asfortranarray(x));
const astypeOp = identityOp<np.DTypeLike>('astype', (x, dtype) => np.astype(x, dtype));

/** A copy (`np.copy`, `torch.clone`): the gradient flows through. @example ag.copy(ag.tensor([1])).shape; // [1] */
export function copy(x: TensorLike): Tensor {
  return copyOp([x]);
}
/** A C-contiguous copy unless already one (`np.ascontiguousarray`). @example ag.ascontiguousarray(ag.tensor([[1, 2]]).T).data.flags.cContiguous; // true */
export function ascontiguousarray(x: TensorLike): Tensor {
  return contiguousOp([x]);
}
/** A Fortran-contiguous copy unless already one (`np.asfortranarray`). @example ag.asfortranarray(ag.tensor([[1, 2], [3, 4]])).data.flags.fContiguous; // true */
export function asfortranarray(x: TensorLike): Tensor {
  return fortranOp([x]);
}
/**
 * `x` converted to `dtype` (`np.astype`, `tensor.to(dtype)`). Between float dtypes the
 * gradient flows back, cast to the input's dtype; an integer or bool result does not
 * require grad.
 *
 * @example
 * ag.astype(ag.tensor([1.5]), 'float32').dtype; // 'float32'
 */
export function astype(x: TensorLike, dtype: np.DTypeLike): Tensor {
  return astypeOp([x], dtype);
}

const flipOp = defineOp<number | readonly number[] | null>({
  name: 'flip',
  forward: ([x], axis) => np.flip(x!, axis),
  backward: (g, { params: axis }) => [flip(g, axis)],
});

/** Reverses the order along axes (all by default) (`np.flip`). @example ag.flip(ag.tensor([1, 2, 3])); // tensor([3., 2., 1.]) */
export function flip(x: TensorLike, axis: number | readonly number[] | null = null): Tensor {
  return flipOp([x], axis);
}

const rollOp = defineOp<[number | readonly number[], number | readonly number[] | null]>({
  name: 'roll',
  forward: ([x], [shift, axis]) => np.roll(x!, shift, axis),
  backward: (g, { params: [shift, axis] }) => [roll(g, typeof shift === 'number' ? -shift : shift.map((s) => -s), axis)],
});

/** Shifts elements cyclically along axes (`np.roll`); gradient: the opposite roll. @example ag.roll(ag.tensor([1, 2, 3]), 1); // tensor([3., 1., 2.]) */
export function roll(x: TensorLike, shift: number | readonly number[], axis: number | readonly number[] | null = null): Tensor {
  return rollOp([x], [shift, axis]);
}

const tileOp = defineOp<number | readonly number[]>({
  name: 'tile',
  forward: ([x], reps) => np.tile(x!, reps),
  backward: (g, { inputs: [x], params }) => {
    // g has shape reps[i] * xs[i]: split each axis into (rep, len) and sum the reps away
    const reps = typeof params === 'number' ? [params] : [...params];
    const shape = x!.shape;
    const d = Math.max(shape.length, reps.length);
    const xs = [...new Array<number>(d - shape.length).fill(1), ...shape];
    const rs = [...new Array<number>(d - reps.length).fill(1), ...reps];
    const split = reshape(g, xs.flatMap((n, i) => [rs[i]!, n]));
    const summed = split.sum(Array.from({ length: d }, (_, i) => 2 * i));
    return [reshape(summed, shape)];
  },
});

/** Repeats the whole tensor `reps` times along each axis (`np.tile`); gradient: the copies summed. @example ag.tile(ag.tensor([1, 2]), 2); // tensor([1., 2., 1., 2.]) */
export function tile(x: TensorLike, reps: number | readonly number[]): Tensor {
  return tileOp([x], reps);
}

interface PadParams {
  padWidth: np.ArrayLike;
  options: np.PadOptions;
}

const padOp = defineOp<PadParams>({
  name: 'pad',
  forward: ([x], { padWidth, options }) => np.pad(x!, padWidth, options),
  backward: (g, { inputs: [x], params }) => {
    const nd = x!.ndim;
    if (nd === 0) return [g];
    const pw = np.broadcastTo(np.asarray(params.padWidth), [nd, 2]);
    const slices = x!.shape.map((n, i) => {
      const before = Number(pw.item(i, 0));
      return new np.Slice(before, before + n);
    });
    return [g.get(...slices)];
  },
});

/**
 * Pads with a constant (`np.pad`, modes 'constant' and 'empty'); gradient: the interior of
 * `g` (the pad values are constants).
 *
 * @example
 * ag.pad(ag.tensor([1, 2]), 1); // tensor([0., 1., 2., 0.])
 */
export function pad(x: TensorLike, padWidth: np.ArrayLike, options: np.PadOptions = {}): Tensor {
  return padOp([x], { padWidth, options });
}

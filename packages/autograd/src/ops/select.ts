/**
 * Ops that route the gradient by a comparison: `maximum`, `minimum`, `fmax`, `fmin`,
 * `clip`, `where`. The routing masks are constants (their derivative is 0 almost
 * everywhere), so the rules stay differentiable to any order.
 *
 * Tie conventions:
 * - `maximum`/`minimum`/`fmax`/`fmin`: where `a == b` each input gets half the gradient
 *   (PyTorch's `maximum`). `fmax`/`fmin` give the whole gradient to the non-NaN input.
 *   Where `maximum`/`minimum` see a NaN, neither input gets a gradient.
 * - `clip(a, lo, hi)`: the gradient goes to `a` where `lo <= a <= hi` (bounds included,
 *   as PyTorch's `clamp`), to `lo` where `a < lo <= hi`, to `hi` elsewhere (including
 *   everywhere when `lo > hi`, where NumPy's result is `hi`).
 * - `where(c, x, y)`: `g` to `x` where `c` is true, to `y` elsewhere; `c` gets none.
 */
import * as np from '@numbat/ndarray';
import { defineOp, toTensor, type TensorLike } from '../define-op.js';
import { Tensor } from '../tensor.js';

/** A mask of weights as a constant tensor in `dtype`. */
function weights(w: np.NDArray, dtype: np.DType): Tensor {
  return new Tensor(np.astype(w, dtype));
}

/** Weights of `a` in an extremum of `a` and `b`: 1 where `a` wins, 1/2 on ties; `nanLoses` for fmax/fmin. */
function winnerWeights(a: np.NDArray, b: np.NDArray, wins: (a: np.NDArray, b: np.NDArray) => np.NDArray, nanLoses: boolean): np.NDArray {
  let w = wins(a, b);
  if (nanLoses) w = np.logicalOr(w, np.logicalAnd(np.isnan(b), np.logicalNot(np.isnan(a))));
  return np.add(w, np.multiply(np.equal(a, b), 0.5));
}

function extremum(name: string, f: (a: np.ArrayLike, b: np.ArrayLike) => np.NDArray, wins: (a: np.NDArray, b: np.NDArray) => np.NDArray, nanLoses: boolean) {
  const op = defineOp({
    name,
    forward: ([a, b]) => f(a!, b!),
    backward: (g, { inputs: [a, b], needsGrad }) => [
      needsGrad[0] ? g.mul(weights(winnerWeights(a!.data, b!.data, wins, nanLoses), g.dtype)) : null,
      needsGrad[1] ? g.mul(weights(winnerWeights(b!.data, a!.data, wins, nanLoses), g.dtype)) : null,
    ],
  });
  return (a: TensorLike, b: TensorLike): Tensor => op([a, b]);
}

/** Element-wise maximum, NaN propagating (`np.maximum`); ties split the gradient. @example ag.maximum(ag.tensor([1, 5]), 3); // tensor([3., 5.]) */
export const maximum: (a: TensorLike, b: TensorLike) => Tensor = extremum('maximum', np.maximum, np.greater, false);
/** Element-wise minimum, NaN propagating (`np.minimum`); ties split the gradient. @example ag.minimum(ag.tensor([1, 5]), 3); // tensor([1., 3.]) */
export const minimum: (a: TensorLike, b: TensorLike) => Tensor = extremum('minimum', np.minimum, np.less, false);
/** Element-wise maximum ignoring NaN (`np.fmax`); ties split the gradient. @example ag.fmax(ag.tensor([NaN, 5]), 3); // tensor([3., 5.]) */
export const fmax: (a: TensorLike, b: TensorLike) => Tensor = extremum('fmax', np.fmax, np.greater, true);
/** Element-wise minimum ignoring NaN (`np.fmin`); ties split the gradient. @example ag.fmin(ag.tensor([NaN, 5]), 3); // tensor([3., 3.]) */
export const fmin: (a: TensorLike, b: TensorLike) => Tensor = extremum('fmin', np.fmin, np.less, true);

interface ClipParams {
  lo: boolean;
  hi: boolean;
}

const clipOp = defineOp<ClipParams>({
  name: 'clip',
  forward: (ins, p) => {
    const lo = p.lo ? ins[1]! : null;
    const hi = p.hi ? ins[p.lo ? 2 : 1]! : null;
    return np.clip(ins[0]!, lo, hi);
  },
  backward: (g, { inputs, params: p, needsGrad }) => {
    if (!p.lo && !p.hi) return [g]; // no bounds: a copy
    const a = inputs[0]!.data;
    const lo = p.lo ? inputs[1]!.data : null;
    const hi = p.hi ? inputs[p.lo ? 2 : 1]!.data : null;
    const aboveLo = lo === null ? null : np.greaterEqual(a, lo);
    const belowHi = hi === null ? null : np.lessEqual(a, hi);
    const inside = aboveLo === null ? belowHi! : belowHi === null ? aboveLo : np.logicalAnd(aboveLo, belowHi);
    const toLo = lo === null ? null : hi === null ? np.less(a, lo) : np.logicalAnd(np.less(a, lo), np.lessEqual(lo, hi));
    const toHi = hi === null ? null : np.logicalNot(toLo === null ? inside : np.logicalOr(inside, toLo));
    const grads: (Tensor | null)[] = [needsGrad[0] ? where(inside, g, 0) : null];
    if (toLo !== null) grads.push(needsGrad[1] ? where(toLo, g, 0) : null);
    if (toHi !== null) grads.push(needsGrad[grads.length] ? where(toHi, g, 0) : null);
    return grads;
  },
});

/**
 * Limits `a` to `[aMin, aMax]` (`np.clip`; PyTorch's `clamp`); either bound may be null,
 * and the bounds may be tensors (they get gradients too). Ties at a bound give the
 * gradient to `a` (see the file header).
 *
 * @example
 * const x = ag.tensor([-2, 0.5, 3], { requiresGrad: true });
 * ag.clip(x, 0, 1).sum().backward();
 * x.grad; // array([0., 1., 0.])
 */
export function clip(a: TensorLike, aMin: TensorLike | null = null, aMax: TensorLike | null = null): Tensor {
  if (aMin === null && aMax === null) return clipOp([a], { lo: false, hi: false });
  const ins = [a, ...(aMin === null ? [] : [aMin]), ...(aMax === null ? [] : [aMax])];
  return clipOp(ins, { lo: aMin !== null, hi: aMax !== null });
}

const whereOp = defineOp({
  name: 'where',
  forward: ([c, x, y]) => np.where(c!, x!, y!),
  backward: (g, { inputs: [c], needsGrad }) => {
    const cond = c!.data;
    return [null, needsGrad[1] ? where(cond, g, 0) : null, needsGrad[2] ? where(cond, 0, g) : null];
  },
});

/**
 * `x` where `condition` is true, else `y` (`np.where`, broadcasting all three); the
 * condition is a constant (a bool tensor, an NDArray or a JS array). With the condition
 * alone it is `np.nonzero`: one int32 index tensor per axis, without gradients.
 *
 * @example
 * const x = ag.tensor([1, -2, 3], { requiresGrad: true });
 * ag.where(x.greater(0), x, 0); // tensor([1., 0., 3.])
 */
export function where(condition: TensorLike, x: TensorLike, y: TensorLike): Tensor;
export function where(condition: TensorLike): Tensor[];
export function where(condition: TensorLike, x?: TensorLike, y?: TensorLike): Tensor | Tensor[] {
  if (x === undefined || y === undefined) return np.where(toTensor(condition).data).map((a) => new Tensor(a));
  return whereOp([condition, x, y]);
}

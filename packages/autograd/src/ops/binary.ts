/**
 * Element-wise binary arithmetic: a table of the two partial derivatives of each ufunc,
 * in Tensor ops. Rules return gradients in the broadcast shape; the tape sums them back
 * to each input's shape. A rule computes only the gradients its inputs need.
 *
 * Conventions (as PyTorch's derivatives.yaml): `power` gives `d/da = 0` where the
 * exponent is 0 and `d/db = 0` where `a == 0` and `b >= 0` (no `0 * log 0 = NaN`);
 * `mod(a, b)` gives `d/da = g`, `d/db = -g floor(a / b)`; `floorDivide` and `heaviside`
 * are piecewise constant (zero gradients); `copysign` passes `g * sign ratio` to `a` (0 at
 * `a == 0`) and a zero gradient to `b`.
 */
import * as np from '@numbat/ndarray';
import { defineOp, type TensorLike } from '../define-op.js';
import { Tensor } from '../tensor.js';
import { log } from './unary.js';
import { where } from './select.js';

/** Partial derivatives `[dL/da, dL/db]` from `g`, the inputs and the output; `needs` says which are wanted. */
type Rule = (g: Tensor, a: Tensor, b: Tensor, y: Tensor, needs: readonly boolean[]) => [Tensor | null, Tensor | null];

/** A binary differentiable function on tensors (broadcasting). */
export type BinaryFn = (a: TensorLike, b: TensorLike) => Tensor;

function binary(name: string, f: (a: np.ArrayLike, b: np.ArrayLike) => np.NDArray, rule: Rule): BinaryFn {
  const op = defineOp({
    name,
    forward: ([a, b]) => f(a!, b!),
    backward: (g, { inputs: [a, b], output, needsGrad }) => rule(g, a!, b!, output, needsGrad),
  });
  return (a: TensorLike, b: TensorLike): Tensor => op([a, b]);
}

/** A constant (no gradient) tensor holding `a` in `dtype`. */
function constant(a: np.NDArray, dtype: np.DType): Tensor {
  return new Tensor(a.dtype === dtype ? a : np.astype(a, dtype));
}

const zeros = (g: Tensor): Tensor => new Tensor(np.zerosLike(g.data));

/** `a + b` (`np.add`); gradients `g, g`. @example ag.add(ag.tensor([1, 2]), 1); // tensor([2., 3.]) */
export const add: BinaryFn = binary('add', np.add, (g) => [g, g]);
/** `a - b` (`np.subtract`); gradients `g, -g`. @example ag.subtract(ag.tensor([3]), 1); // tensor([2.]) */
export const subtract: BinaryFn = binary('subtract', np.subtract, (g, _a, _b, _y, n) => [g, n[1] ? g.neg() : null]);
/** `a * b` (`np.multiply`); gradients `g b, g a`. @example ag.multiply(ag.tensor([2]), 3); // tensor([6.]) */
export const multiply: BinaryFn = binary('multiply', np.multiply, (g, a, b, _y, n) => [n[0] ? g.mul(b) : null, n[1] ? g.mul(a) : null]);
/** `a / b` (`np.divide`); gradients `g / b, -g y / b`. @example ag.divide(ag.tensor([3]), 2); // tensor([1.5]) */
export const divide: BinaryFn = binary('divide', np.divide, (g, _a, b, y, n) => {
  const gb = g.div(b);
  return [gb, n[1] ? gb.mul(y).neg() : null];
});
/** `a ** b` (`np.power`); see the file header for the conventions at 0. @example ag.power(ag.tensor([3]), 2); // tensor([9.]) */
export const power: BinaryFn = binary('power', np.power, (g, a, b, y, n) => [
  n[0] ? g.mul(where(np.equal(b.data, 0), 0, b.mul(a.pow(b.sub(1))))) : null,
  n[1] ? g.mul(where(np.logicalAnd(np.equal(a.data, 0), np.greaterEqual(b.data, 0)), 0, y.mul(log(a)))) : null,
]);
/** Python's `a % b` (`np.mod`); gradients `g, -g floor(a / b)`. @example ag.mod(ag.tensor([7]), 3); // tensor([1.]) */
export const mod: BinaryFn = binary('mod', np.mod, (g, a, b, _y, n) => [g, n[1] ? g.mul(constant(np.floorDivide(a.data, b.data), g.dtype)).neg() : null]);
/** `floor(a / b)` (`np.floorDivide`): piecewise constant, zero gradients. @example ag.floorDivide(ag.tensor([7]), 2); // tensor([3.]) */
export const floorDivide: BinaryFn = binary('floorDivide', np.floorDivide, (g) => [zeros(g), zeros(g)]);
/** `atan2(a, b)` (`np.arctan2`); gradients `g b / (a^2 + b^2), -g a / (a^2 + b^2)`. @example ag.arctan2(ag.tensor([1]), 1); // tensor([0.78539816]) */
export const arctan2: BinaryFn = binary('arctan2', np.arctan2, (g, a, b, _y, n) => {
  const r = a.square().add(b.square());
  return [n[0] ? g.mul(b).div(r) : null, n[1] ? g.mul(a).div(r).neg() : null];
});
/** `sqrt(a^2 + b^2)` without overflow (`np.hypot`); gradients `g a / y, g b / y`. @example ag.hypot(ag.tensor([3]), 4); // tensor([5.]) */
export const hypot: BinaryFn = binary('hypot', np.hypot, (g, a, b, y, n) => [n[0] ? g.mul(a).div(y) : null, n[1] ? g.mul(b).div(y) : null]);
/** `|a|` with the sign of `b` (`np.copysign`); gradient `g y / a` (0 at `a == 0`) to `a`, 0 to `b`. @example ag.copysign(ag.tensor([2]), -1); // tensor([-2.]) */
export const copysign: BinaryFn = binary('copysign', np.copysign, (g, a, _b, y, n) => {
  const ratio = np.where(np.equal(a.data, 0), 0, np.divide(y.data, a.data));
  return [n[0] ? g.mul(constant(ratio, g.dtype)) : null, n[1] ? zeros(g) : null];
});
/** The step function with `h0` at 0 (`np.heaviside`): zero gradients. @example ag.heaviside(ag.tensor([-1, 0, 2]), 0.5); // tensor([0., 0.5, 1.]) */
export const heaviside: BinaryFn = binary('heaviside', np.heaviside, (g) => [zeros(g), zeros(g)]);

/**
 * Element-wise unary ops: a table of derivatives. Each row is the NumPy ufunc and its
 * gradient `(g, x, y) => dL/dx` written in Tensor ops (`y` is the op's output, reused as
 * PyTorch's derivatives.yaml does: `exp: g * y`, `tanh: g * (1 - y^2)`).
 *
 * Conventions (as PyTorch): `abs'(0) = 0` (through `sign(0) = 0`); `sign`, `floor`,
 * `ceil`, `trunc`, `rint` and `round` are piecewise constant and get a zero gradient;
 * `sqrt'(0)` is `inf` and `log'(0)` is `inf`, as the formulas give. `tanh`, `expm1`,
 * `log1p` are primitives with their own rules (no cancellation: `expm1' = y + 1`,
 * `log1p' = 1 / (1 + x)`), never composed from `exp`/`log`.
 */
import * as np from '@numbat/ndarray';
import { defineOp, type TensorLike } from '../define-op.js';
import { Tensor } from '../tensor.js';
import { subtract } from './binary.js';

/** A derivative rule: the input's gradient from the output's gradient `g`, the input `x` and the output `y`. */
type Rule = (g: Tensor, x: Tensor, y: Tensor) => Tensor;

/** A unary differentiable function on tensors. */
export type UnaryFn = (x: TensorLike) => Tensor;

function unary(name: string, f: (x: np.ArrayLike) => np.NDArray, rule: Rule): UnaryFn {
  const op = defineOp({
    name,
    forward: ([x]) => f(x!),
    backward: (g, { inputs: [x], output }) => [rule(g, x!, output)],
  });
  return (x: TensorLike): Tensor => op([x]);
}

/** A constant zero gradient of `g`'s shape and dtype (piecewise-constant ops). */
export function zeroGradient(g: Tensor): Tensor {
  return new Tensor(np.zerosLike(g.data));
}

const LN2 = Math.LN2;
const LN10 = Math.LN10;

/** `-x` (`np.negative`); gradient `-g`. @example ag.negative(ag.tensor([1, -2])); // tensor([-1., 2.]) */
export const negative: UnaryFn = unary('negative', np.negative, (g) => g.neg());
/** `+x` (`np.positive`, a copy); gradient `g`. @example ag.positive(ag.tensor([1])); // tensor([1.]) */
export const positive: UnaryFn = unary('positive', np.positive, (g) => g);
/** `|x|` (`np.abs`); gradient `g * sign(x)`, 0 at 0 (PyTorch). @example ag.abs(ag.tensor([-2, 3])); // tensor([2., 3.]) */
export const abs: UnaryFn = unary('abs', np.abs, (g, x) => g.mul(sign(x)));
/** `x^2` (`np.square`); gradient `2 x g`. @example ag.square(ag.tensor([3])); // tensor([9.]) */
export const square: UnaryFn = unary('square', np.square, (g, x) => g.mul(x).mul(2));
/** `1/x` (`np.reciprocal`); gradient `-g y^2`. @example ag.reciprocal(ag.tensor([4])); // tensor([0.25]) */
export const reciprocal: UnaryFn = unary('reciprocal', np.reciprocal, (g, _x, y) => g.mul(y).mul(y).neg());
/** Square root (`np.sqrt`); gradient `g / (2 y)`. @example ag.sqrt(ag.tensor([4])); // tensor([2.]) */
export const sqrt: UnaryFn = unary('sqrt', np.sqrt, (g, _x, y) => g.div(y).mul(0.5));
/** Cube root (`np.cbrt`); gradient `g / (3 y^2)`. @example ag.cbrt(ag.tensor([8])); // tensor([2.]) */
export const cbrt: UnaryFn = unary('cbrt', np.cbrt, (g, _x, y) => g.div(y.square()).div(3));
/** `e^x` (`np.exp`); gradient `g y`. @example ag.exp(ag.tensor([0])); // tensor([1.]) */
export const exp: UnaryFn = unary('exp', np.exp, (g, _x, y) => g.mul(y));
/** `2^x` (`np.exp2`); gradient `g y ln 2`. @example ag.exp2(ag.tensor([3])); // tensor([8.]) */
export const exp2: UnaryFn = unary('exp2', np.exp2, (g, _x, y) => g.mul(y).mul(LN2));
/** `e^x - 1`, exact near 0 (`np.expm1`); gradient `g (y + 1)`. @example ag.expm1(ag.tensor([1e-10])); // tensor([1.e-10]) */
export const expm1: UnaryFn = unary('expm1', np.expm1, (g, _x, y) => g.mul(y.add(1)));
/** Natural log (`np.log`); gradient `g / x`. @example ag.log(ag.tensor([1])); // tensor([0.]) */
export const log: UnaryFn = unary('log', np.log, (g, x) => g.div(x));
/** Base-2 log (`np.log2`); gradient `g / (x ln 2)`. @example ag.log2(ag.tensor([8])); // tensor([3.]) */
export const log2: UnaryFn = unary('log2', np.log2, (g, x) => g.div(x.mul(LN2)));
/** Base-10 log (`np.log10`); gradient `g / (x ln 10)`. @example ag.log10(ag.tensor([100])); // tensor([2.]) */
export const log10: UnaryFn = unary('log10', np.log10, (g, x) => g.div(x.mul(LN10)));
/** `log(1 + x)`, exact near 0 (`np.log1p`); gradient `g / (1 + x)`. @example ag.log1p(ag.tensor([0])); // tensor([0.]) */
export const log1p: UnaryFn = unary('log1p', np.log1p, (g, x) => g.div(x.add(1)));
/** Sine (`np.sin`); gradient `g cos x`. @example ag.sin(ag.tensor([0])); // tensor([0.]) */
export const sin: UnaryFn = unary('sin', np.sin, (g, x) => g.mul(cos(x)));
/** Cosine (`np.cos`); gradient `-g sin x`. @example ag.cos(ag.tensor([0])); // tensor([1.]) */
export const cos: UnaryFn = unary('cos', np.cos, (g, x) => g.mul(sin(x)).neg());
/** Tangent (`np.tan`); gradient `g (1 + y^2)`. @example ag.tan(ag.tensor([0])); // tensor([0.]) */
export const tan: UnaryFn = unary('tan', np.tan, (g, _x, y) => g.mul(y.square().add(1)));
/** Inverse sine (`np.arcsin`); gradient `g / sqrt(1 - x^2)`. @example ag.arcsin(ag.tensor([0])); // tensor([0.]) */
export const arcsin: UnaryFn = unary('arcsin', np.arcsin, (g, x) => g.div(sqrt(oneMinusSquare(x))));
/** Inverse cosine (`np.arccos`); gradient `-g / sqrt(1 - x^2)`. @example ag.arccos(ag.tensor([1])); // tensor([0.]) */
export const arccos: UnaryFn = unary('arccos', np.arccos, (g, x) => g.div(sqrt(oneMinusSquare(x))).neg());
/** Inverse tangent (`np.arctan`); gradient `g / (1 + x^2)`. @example ag.arctan(ag.tensor([0])); // tensor([0.]) */
export const arctan: UnaryFn = unary('arctan', np.arctan, (g, x) => g.div(x.square().add(1)));
/** Hyperbolic sine (`np.sinh`); gradient `g cosh x`. @example ag.sinh(ag.tensor([0])); // tensor([0.]) */
export const sinh: UnaryFn = unary('sinh', np.sinh, (g, x) => g.mul(cosh(x)));
/** Hyperbolic cosine (`np.cosh`); gradient `g sinh x`. @example ag.cosh(ag.tensor([0])); // tensor([1.]) */
export const cosh: UnaryFn = unary('cosh', np.cosh, (g, x) => g.mul(sinh(x)));
/** Hyperbolic tangent (`np.tanh`), a primitive; gradient `g (1 - y^2)`, finite for every x. @example ag.tanh(ag.tensor([0])); // tensor([0.]) */
export const tanh: UnaryFn = unary('tanh', np.tanh, (g, _x, y) => g.mul(oneMinusSquare(y)));
/** Inverse hyperbolic sine (`np.arcsinh`); gradient `g / sqrt(x^2 + 1)`. @example ag.arcsinh(ag.tensor([0])); // tensor([0.]) */
export const arcsinh: UnaryFn = unary('arcsinh', np.arcsinh, (g, x) => g.div(sqrt(x.square().add(1))));
/** Inverse hyperbolic cosine (`np.arccosh`); gradient `g / sqrt((x - 1)(x + 1))`. @example ag.arccosh(ag.tensor([1])); // tensor([0.]) */
export const arccosh: UnaryFn = unary('arccosh', np.arccosh, (g, x) => g.div(sqrt(x.sub(1).mul(x.add(1)))));
/** Inverse hyperbolic tangent (`np.arctanh`); gradient `g / (1 - x^2)`. @example ag.arctanh(ag.tensor([0])); // tensor([0.]) */
export const arctanh: UnaryFn = unary('arctanh', np.arctanh, (g, x) => g.div(oneMinusSquare(x)));
/** Degrees to radians (`np.deg2rad`); gradient `g pi / 180`. @example ag.deg2rad(ag.tensor([180])); // tensor([3.14159265]) */
export const deg2rad: UnaryFn = unary('deg2rad', np.deg2rad, (g) => g.mul(Math.PI / 180));
/** Radians to degrees (`np.rad2deg`); gradient `g 180 / pi`. @example ag.rad2deg(ag.tensor([Math.PI])); // tensor([180.]) */
export const rad2deg: UnaryFn = unary('rad2deg', np.rad2deg, (g) => g.mul(180 / Math.PI));

/** Sign (`np.sign`): piecewise constant, zero gradient (PyTorch). @example ag.sign(ag.tensor([-2, 0, 3])); // tensor([-1., 0., 1.]) */
export const sign: UnaryFn = unary('sign', np.sign, zeroGradient);
/** Floor (`np.floor`): zero gradient (PyTorch). @example ag.floor(ag.tensor([1.5])); // tensor([1.]) */
export const floor: UnaryFn = unary('floor', np.floor, zeroGradient);
/** Ceiling (`np.ceil`): zero gradient (PyTorch). @example ag.ceil(ag.tensor([1.5])); // tensor([2.]) */
export const ceil: UnaryFn = unary('ceil', np.ceil, zeroGradient);
/** Truncation toward 0 (`np.trunc`): zero gradient (PyTorch). @example ag.trunc(ag.tensor([-1.5])); // tensor([-1.]) */
export const trunc: UnaryFn = unary('trunc', np.trunc, zeroGradient);
/** Round half to even (`np.rint`): zero gradient (PyTorch's `round`). @example ag.rint(ag.tensor([2.5])); // tensor([2.]) */
export const rint: UnaryFn = unary('rint', np.rint, zeroGradient);

const roundOp = defineOp<number>({
  name: 'round',
  forward: ([x], decimals) => np.round(x!, decimals),
  backward: (g) => [zeroGradient(g)],
});

/**
 * Rounds to `decimals` places, halves to even (`np.round`): zero gradient (PyTorch).
 *
 * @example
 * ag.round(ag.tensor([1.25, 2.5]), 1); // tensor([1.2, 2.5])
 */
export function round(x: TensorLike, decimals = 0): Tensor {
  return roundOp([x], decimals);
}

/** `1 - x^2` as `(1 - x)(1 + x)`, without cancellation near |x| = 1. */
function oneMinusSquare(x: Tensor): Tensor {
  return subtract(1, x).mul(x.add(1));
}

/**
 * Reductions: `sum`, `prod`, `max`/`min` (and `amax`/`amin`, `nanmax`/`nanmin`), `mean`,
 * `var`/`std` (and the NaN-ignoring forms), `cumsum`, `cumprod`. Each forward is NumPy's
 * (so values, dtypes and errors are NumPy's); each gradient broadcasts `g` back over the
 * reduced axes, in Tensor ops.
 *
 * Conventions:
 * - `max`/`min`/`amax`/`amin`/`nanmax`/`nanmin`: ties share the gradient evenly (PyTorch's
 *   `amax`); a NaN result passes the gradient to the NaN elements.
 * - `prod` and `cumprod` are exact with zeros in the input: without zeros the gradient is
 *   `g * y / x`; with zeros it is built from products of the other elements (exclusive
 *   cumulative products, and for `cumprod` an O(n^2) table along the axis), as PyTorch's
 *   `prod_backward` / `cumprod_backward`.
 * - `std`'s gradient is 0 where the deviation is 0 (not `0/0`).
 * Every reduction over all axes returns a 0-d tensor (NumPy returns a scalar).
 */
import * as np from '@numbat/ndarray';
import { defineOp, toTensor, type TensorLike } from '../define-op.js';
import { Tensor } from '../tensor.js';
import { countOf, keptShape, normalizeAxes, normalizeAxis, reduceArgs, type Axis, type ReduceOptions, type VarOptions } from './axes.js';
import { broadcastTo, flip, moveaxis, ravel, reshape, expandDims } from './shape.js';
import { where } from './select.js';

/** The resolved parameters of a reduction: sorted axes and keepdims. */
export interface Reduced {
  axes: number[];
  keepdims: boolean;
}

/** `g` (the gradient of a reduction over `axes`) broadcast back to `shape`. */
export function expandReduced(g: Tensor, shape: readonly number[], axes: readonly number[], keepdims: boolean): Tensor {
  return broadcastTo(keepdims ? g : reshape(g, keptShape(shape, axes)), shape);
}

/** `t`'s data with the reduced axes kept as length 1 (a constant for masks). */
function keptData(t: Tensor, shape: readonly number[], p: Reduced): np.NDArray {
  return p.keepdims ? t.data : np.reshape(t.data, keptShape(shape, p.axes));
}

/** Parses a reduction's arguments against `x`. */
function parse<O extends ReduceOptions>(x: Tensor, axisOrOptions: Axis | O | undefined, options: O | undefined): Reduced & O {
  const o = reduceArgs(axisOrOptions, options);
  return { ...o, axes: normalizeAxes(o.axis, x.ndim), keepdims: o.keepdims === true };
}

/** A reduction op: `(x, axis?, options?)` with the axis positional or in the options. */
export type ReductionFn<O extends ReduceOptions = ReduceOptions> = (x: TensorLike, axisOrOptions?: Axis | O, options?: O) => Tensor;

function reduction<O extends ReduceOptions>(op: (inputs: readonly TensorLike[], p: Reduced & O) => Tensor): ReductionFn<O> {
  return (x, axisOrOptions, options) => {
    const t = toTensor(x);
    return op([t], parse(t, axisOrOptions, options));
  };
}

const sumOp = defineOp<Reduced>({
  name: 'sum',
  forward: ([x], p) => np.sum(x!, p.axes, { keepdims: p.keepdims }),
  backward: (g, { inputs: [x], params: p }) => [expandReduced(g, x!.shape, p.axes, p.keepdims)],
});

/** Sum over axes (`np.sum`); gradient: `g` broadcast back. @example ag.sum(ag.tensor([[1, 2], [3, 4]]), 0); // tensor([4., 6.]) */
export const sum: ReductionFn = reduction(sumOp);

const meanOp = defineOp<Reduced>({
  name: 'mean',
  forward: ([x], p) => np.mean(x!, p.axes, { keepdims: p.keepdims }),
  backward: (g, { inputs: [x], params: p }) => [expandReduced(g, x!.shape, p.axes, p.keepdims).div(countOf(x!.shape, p.axes))],
});

/** Arithmetic mean over axes (`np.mean`); gradient `g / n`. @example ag.mean(ag.tensor([1, 2, 3, 6])); // tensor(3.) */
export const mean: ReductionFn = reduction(meanOp);

/** The extrema's gradient weights: 1/count on the elements equal to the result (NaN matching NaN). */
function extremumWeights(x: np.NDArray, yk: np.NDArray, axes: readonly number[], dtype: np.DType): np.NDArray {
  const hit = np.logicalOr(np.equal(x, yk), np.logicalAnd(np.isnan(x), np.isnan(yk)));
  const count = np.sum(hit, axes, { keepdims: true });
  return np.astype(np.divide(hit, count), dtype);
}

function extremumOp(name: string, f: (x: np.ArrayLike, axes: number[], o: { keepdims: boolean }) => np.NDArray) {
  return defineOp<Reduced>({
    name,
    forward: ([x], p) => f(x!, p.axes, { keepdims: p.keepdims }),
    backward: (g, { inputs: [x], output, params: p }) => {
      const w = extremumWeights(x!.data, keptData(output, x!.shape, p), p.axes, g.dtype);
      return [expandReduced(g, x!.shape, p.axes, p.keepdims).mul(new Tensor(w))];
    },
  });
}

/** Maximum over axes, NaN propagating (`np.max`); ties share the gradient. @example ag.max(ag.tensor([1, 3, 2])); // tensor(3.) */
export const max: ReductionFn = reduction(extremumOp('max', (x, a, o) => np.max(x, a, o)));
/** Minimum over axes, NaN propagating (`np.min`); ties share the gradient. @example ag.min(ag.tensor([1, 3, 2])); // tensor(1.) */
export const min: ReductionFn = reduction(extremumOp('min', (x, a, o) => np.min(x, a, o)));
/** `np.amax`, the same as {@link max}. @example ag.amax(ag.tensor([1, 3]), 0); // tensor(3.) */
export const amax: ReductionFn = reduction(extremumOp('amax', (x, a, o) => np.amax(x, a, o)));
/** `np.amin`, the same as {@link min}. @example ag.amin(ag.tensor([1, 3]), 0); // tensor(1.) */
export const amin: ReductionFn = reduction(extremumOp('amin', (x, a, o) => np.amin(x, a, o)));
/** Maximum ignoring NaN (`np.nanmax`); ties share the gradient, NaNs get none. @example ag.nanmax(ag.tensor([1, NaN, 2])); // tensor(2.) */
export const nanmax: ReductionFn = reduction(extremumOp('nanmax', (x, a, o) => np.nanmax(x, a, o)));
/** Minimum ignoring NaN (`np.nanmin`); ties share the gradient, NaNs get none. @example ag.nanmin(ag.tensor([1, NaN, 2])); // tensor(1.) */
export const nanmin: ReductionFn = reduction(extremumOp('nanmin', (x, a, o) => np.nanmin(x, a, o)));

/** Peak to peak, `max - min` (`np.ptp`). @example ag.ptp(ag.tensor([1, 5, 2])); // tensor(4.) */
export const ptp: ReductionFn = (x, axisOrOptions, options) => max(x, axisOrOptions, options).sub(min(x, axisOrOptions, options));

type VarParams = Reduced & { ddof: number; nan: boolean; sqrt: boolean };

/** `x - mean` over the axes (0 where x is NaN for the NaN-ignoring forms), as a Tensor expression. */
function deviation(x: Tensor, p: VarParams): Tensor {
  if (!p.nan) return x.sub(mean(x, { axis: p.axes, keepdims: true }));
  const valid = np.logicalNot(np.isnan(x.data));
  const filled = where(valid, x, 0);
  const count = np.sum(valid, p.axes, { keepdims: true });
  return where(valid, filled.sub(sum(filled, { axis: p.axes, keepdims: true }).div(new Tensor(np.astype(count, x.dtype)))), 0);
}

const varOp = defineOp<VarParams>({
  name: 'var',
  forward: ([x], p) => {
    const o = { keepdims: p.keepdims, ddof: p.ddof };
    if (p.nan) return p.sqrt ? np.nanstd(x!, p.axes, o) : np.nanvar(x!, p.axes, o);
    return p.sqrt ? np.std(x!, p.axes, o) : np.var(x!, p.axes, o);
  },
  backward: (g, { inputs: [x], output, params: p }) => {
    const n = p.nan ? np.sum(np.logicalNot(np.isnan(x!.data)), p.axes, { keepdims: true }) : countOf(x!.shape, p.axes);
    const divisor = new Tensor(np.astype(np.maximum(np.subtract(n, p.ddof), 0), x!.dtype));
    const dvar = deviation(x!, p).mul(2).div(divisor);
    const gk = expandReduced(g, x!.shape, p.axes, p.keepdims);
    if (!p.sqrt) return [gk.mul(dvar)];
    // d std = d var / (2 std); 0 where std is 0 (every deviation is 0 there)
    const yk = broadcastTo(p.keepdims ? output : reshape(output, keptShape(x!.shape, p.axes)), x!.shape);
    const zero = np.equal(yk.data, 0);
    return [where(zero, 0, gk.mul(dvar).div(where(zero, 1, yk.mul(2))))];
  },
});

function varFamily(nan: boolean, sqrt: boolean): ReductionFn<VarOptions> {
  return (x, axisOrOptions, options) => {
    const t = toTensor(x);
    const p = parse(t, axisOrOptions, options);
    return varOp([t], { axes: p.axes, keepdims: p.keepdims, ddof: p.ddof ?? 0, nan, sqrt });
  };
}

/** Variance over axes, divisor `n - ddof` (`np.var`). @example ag.var(ag.tensor([1, 2, 3, 4])); // tensor(1.25) */
const var_: ReductionFn<VarOptions> = varFamily(false, false);
export { var_ as var };
/** Standard deviation (`np.std`); gradient 0 where it is 0. @example ag.std(ag.tensor([1, 2, 3, 4])); // tensor(1.11803399) */
export const std: ReductionFn<VarOptions> = varFamily(false, true);
/** Variance ignoring NaN (`np.nanvar`). @example ag.nanvar(ag.tensor([1, NaN, 3])); // tensor(1.) */
export const nanvar: ReductionFn<VarOptions> = varFamily(true, false);
/** Standard deviation ignoring NaN (`np.nanstd`). @example ag.nanstd(ag.tensor([1, NaN, 3])); // tensor(1.) */
export const nanstd: ReductionFn<VarOptions> = varFamily(true, true);

/** The gradient of a product along the last axis when `x` holds zeros: `g * prod of the others`. */
function prodOthers(xm: Tensor): Tensor {
  const n = xm.shape[xm.ndim - 1]!;
  if (n === 0) return xm;
  const left = exclusiveCumprod(xm);
  const right = flip(exclusiveCumprod(flip(xm, -1)), -1);
  return left.mul(right);
}

/** `[1, x0, x0 x1, ...]` along the last axis: the product of the elements before each one. */
function exclusiveCumprod(xm: Tensor): Tensor {
  const lead = xm.shape.slice(0, -1);
  const ones = new Tensor(np.ones([...lead, 1], { dtype: xm.dtype }));
  const shifted = xm.get('...', new np.Slice(null, -1));
  return cumprod(concatLast(ones, shifted), -1);
}

/** `[a, b]` joined along the last axis (a local primitive, to keep this file free of join.ts). */
const concatLastOp = defineOp({
  name: 'concatenate',
  forward: ([a, b]) => np.concatenate([a!, b!], -1),
  backward: (g, { inputs: [a] }) => {
    const k = a!.shape[a!.ndim - 1]!;
    return [g.get('...', new np.Slice(0, k)), g.get('...', new np.Slice(k, null))];
  },
});
function concatLast(a: Tensor, b: Tensor): Tensor {
  return concatLastOp([a, b]);
}

const prodOp = defineOp<Reduced>({
  name: 'prod',
  forward: ([x], p) => np.prod(x!, p.axes, { keepdims: p.keepdims }),
  backward: (g, { inputs: [x], output, params: p }) => {
    const xt = x!;
    const gk = expandReduced(g, xt.shape, p.axes, p.keepdims);
    if (!np.any(np.equal(xt.data, 0))) return [gk.mul(expandReduced(output, xt.shape, p.axes, p.keepdims)).div(xt)];
    // zeros: move the reduced axes last, flatten them, multiply the others' products
    const rest = xt.shape.map((_, i) => i).filter((i) => !p.axes.includes(i));
    const perm = [...rest, ...p.axes];
    const moved = xt.transpose(perm);
    const flat = reshape(moved, [...rest.map((i) => xt.shape[i]!), countOf(xt.shape, p.axes)]);
    const others = reshape(prodOthers(flat), moved.shape).transpose(perm.map((_, i) => perm.indexOf(i)));
    return [gk.mul(others)];
  },
});

/** Product over axes (`np.prod`); exact gradient with zeros in the input. @example ag.prod(ag.tensor([2, 3, 4])); // tensor(24.) */
export const prod: ReductionFn = reduction(prodOp);

const cumsumOp = defineOp<number>({
  name: 'cumsum',
  forward: ([x], axis) => np.cumsum(x!, axis),
  backward: (g, { params: axis }) => [flip(cumsum(flip(g, axis), axis), axis)],
});

/**
 * Running sums along an axis (`np.cumsum`); without an axis, of the flattened tensor.
 * Gradient: the reversed running sums of `g`.
 *
 * @example
 * ag.cumsum(ag.tensor([1, 2, 3])); // tensor([1., 3., 6.])
 */
export function cumsum(x: TensorLike, axis: number | null = null): Tensor {
  const t = toTensor(x);
  if (axis === null) return cumsumOp([ravel(t)], 0);
  if (t.ndim === 0) return cumsumOp([reshape(t, 1)], 0);
  return cumsumOp([t], normalizeAxis(axis, t.ndim));
}

const cumprodOp = defineOp<number>({
  name: 'cumprod',
  forward: ([x], axis) => np.cumprod(x!, axis),
  backward: (g, { inputs: [x], output, params: axis }) => {
    const xt = x!;
    if (!np.any(np.equal(xt.data, 0))) return [flip(cumsum(flip(g.mul(output), axis), axis), axis).div(xt)];
    // zeros: dL/dx_i = (prod_{j<i} x_j) * sum_{k>=i} g_k prod_{i<j<=k} x_j, with the inner
    // products read from an (n, n) table of running products along the axis
    const xm = moveaxis(xt, axis, -1);
    const gm = moveaxis(g, axis, -1);
    const n = xm.shape[xm.ndim - 1]!;
    const idx = np.arange(n);
    const after = np.greater(np.reshape(idx, [1, n]), np.reshape(idx, [n, 1])); // [i, j]: j > i
    const upto = np.logicalNot(np.greater(np.reshape(idx, [n, 1]), np.reshape(idx, [1, n]))); // [i, k]: k >= i
    const table = cumprod(where(after, expandDims(xm, -2), 1), -1);
    const tail = where(upto, expandDims(gm, -2).mul(table), 0).sum(-1);
    return [moveaxis(exclusiveCumprod(xm).mul(tail), -1, axis)];
  },
});

/**
 * Running products along an axis (`np.cumprod`); without an axis, of the flattened
 * tensor. Exact gradient with zeros in the input.
 *
 * @example
 * ag.cumprod(ag.tensor([1, 2, 3])); // tensor([1., 2., 6.])
 */
export function cumprod(x: TensorLike, axis: number | null = null): Tensor {
  const t = toTensor(x);
  if (axis === null) return cumprodOp([ravel(t)], 0);
  if (t.ndim === 0) return cumprodOp([reshape(t, 1)], 0);
  return cumprodOp([t], normalizeAxis(axis, t.ndim));
}

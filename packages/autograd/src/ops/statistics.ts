/**
 * Statistics: the NaN-ignoring sums and products, `average`, `diff` (composites of other
 * ops: their gradients follow) and the order statistics `median`, `percentile`,
 * `quantile` with their NaN-ignoring forms (one primitive).
 *
 * Order statistics: the result interpolates between two neighbouring order statistics
 * `x_lo`, `x_hi` of each slice, so the gradient goes to the elements equal to them, with
 * the interpolation weights (`1 - f` and `f` for 'linear'), shared evenly among ties (as
 * for `max`). Supported methods: 'linear' (the default), 'lower', 'higher', 'midpoint',
 * 'nearest'; the others throw `ValueError` in the backward pass.
 */
import * as np from '@numbat/ndarray';
import { defineOp, toTensor, type TensorLike } from '../define-op.js';
import { noGradientError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { keptShape, normalizeAxes, normalizeAxis, reduceArgs, type Axis, type ReduceOptions } from './axes.js';
import { cumprod, cumsum, prod, sum, type ReductionFn } from './reductions.js';
import { broadcastTo, reshape, transpose } from './shape.js';
import { where } from './select.js';
import { concatenate } from './join.js';

/** `x` with NaN replaced by `fill`, as a Tensor expression (NaN positions get no gradient). */
function fillNaN(x: Tensor, fill: number): Tensor {
  return where(np.isnan(x.data), fill, x);
}

/** Sum ignoring NaN (`np.nansum`). @example ag.nansum(ag.tensor([1, NaN, 2])); // tensor(3.) */
export const nansum: ReductionFn = (x, axisOrOptions, options) => sum(fillNaN(toTensor(x), 0), axisOrOptions, options);
/** Product ignoring NaN (`np.nanprod`). @example ag.nanprod(ag.tensor([2, NaN, 3])); // tensor(6.) */
export const nanprod: ReductionFn = (x, axisOrOptions, options) => prod(fillNaN(toTensor(x), 1), axisOrOptions, options);

/** Mean ignoring NaN (`np.nanmean`); NaN for an all-NaN slice. @example ag.nanmean(ag.tensor([1, NaN, 3])); // tensor(2.) */
export const nanmean: ReductionFn = (x, axisOrOptions, options) => {
  const t = toTensor(x);
  const o = reduceArgs(axisOrOptions, options);
  const count = np.sum(np.logicalNot(np.isnan(t.data)), normalizeAxes(o.axis, t.ndim), { keepdims: o.keepdims === true });
  const dtype = np.DTYPES[t.dtype].kind === 'f' ? t.dtype : 'float64';
  return sum(fillNaN(t, 0), o).div(new Tensor(np.astype(count, dtype)));
};

/** Running sums treating NaN as 0 (`np.nancumsum`). @example ag.nancumsum(ag.tensor([1, NaN, 2])); // tensor([1., 1., 3.]) */
export function nancumsum(x: TensorLike, axis: number | null = null): Tensor {
  return cumsum(fillNaN(toTensor(x), 0), axis);
}
/** Running products treating NaN as 1 (`np.nancumprod`). @example ag.nancumprod(ag.tensor([2, NaN, 3])); // tensor([2., 2., 6.]) */
export function nancumprod(x: TensorLike, axis: number | null = null): Tensor {
  return cumprod(fillNaN(toTensor(x), 1), axis);
}

/** Options of {@link average}. */
export interface AverageOptions extends ReduceOptions {
  /** Weights: the shape of `x`, or of `x` along `axis` (in the order of `axis`); they get gradients too. */
  weights?: TensorLike | null;
}

/**
 * Weighted average `sum(x * w) / sum(w)` over axes (`np.average`); without weights the
 * mean. Gradients flow to `x` and to the weights. (NumPy's `returned` is not supported.)
 *
 * @example
 * ag.average(ag.tensor([1, 2, 3]), { weights: ag.tensor([3, 1, 0]) }); // tensor(1.25)
 */
export function average(x: TensorLike, axisOrOptions?: Axis | AverageOptions, options?: AverageOptions): Tensor {
  const t = toTensor(x);
  const o = reduceArgs(axisOrOptions, options);
  if (o.weights === undefined || o.weights === null) return t.mean(o);
  let w = toTensor(o.weights);
  const axes = normalizeAxes(o.axis, t.ndim);
  if (w.ndim !== t.ndim || w.shape.some((d, i) => d !== t.shape[i])) {
    if (o.axis === null || o.axis === undefined) throw new np.DTypeError('Axis must be specified when shapes of a and weights differ.');
    const given = (typeof o.axis === 'number' ? [o.axis] : [...o.axis]).map((a) => normalizeAxis(a, t.ndim));
    if (w.ndim !== given.length || w.shape.some((d, i) => d !== t.shape[given[i]!])) {
      throw new np.ValueError('Shape of weights must be consistent with shape of a along specified axis.');
    }
    const order = given.map((_, i) => i).sort((i, j) => given[i]! - given[j]!);
    w = reshape(transpose(w, order), t.shape.map((d, i) => (axes.includes(i) ? d : 1)));
  }
  const scale = sum(broadcastTo(w, t.shape), { axis: axes, keepdims: o.keepdims === true });
  if (np.any(np.equal(scale.data, 0))) throw new np.ValueError("Weights sum to zero, can't be normalized");
  return sum(t.mul(w), { axis: axes, keepdims: o.keepdims === true }).div(scale);
}

/** Options of {@link diff}. */
export interface DiffOptions {
  /** How many times to difference (default 1). */
  n?: number;
  /** The axis (default -1). */
  axis?: number;
  /** Values joined before `x` along the axis (a scalar broadcasts to one slice). */
  prepend?: TensorLike;
  /** Values joined after `x` along the axis. */
  append?: TensorLike;
}

/**
 * The n-th discrete difference `x[1:] - x[:-1]` along an axis (`np.diff`), as
 * `diff(x, n, axis)` or `diff(x, { n, axis, prepend, append })`.
 *
 * @example
 * ag.diff(ag.tensor([1, 2, 4, 7])); // tensor([1., 2., 3.])
 */
export function diff(x: TensorLike, n?: number | DiffOptions, axis?: number, options: DiffOptions = {}): Tensor {
  const o: DiffOptions = typeof n === 'object' ? n : { ...options, ...(n === undefined ? {} : { n }), ...(axis === undefined ? {} : { axis }) };
  let t = toTensor(x);
  const order = o.n ?? 1;
  if (!Number.isInteger(order)) throw new np.DTypeError("'float' object cannot be interpreted as an integer");
  if (order < 0) throw new np.ValueError(`order must be non-negative but got ${order}`);
  if (order === 0) return t;
  if (t.ndim === 0) throw new np.ValueError('diff requires input that is at least one dimensional');
  const ax = normalizeAxis(o.axis ?? -1, t.ndim);
  const edge = (v: TensorLike): Tensor => {
    const e = toTensor(v);
    return e.ndim !== 0 ? e : broadcastTo(e, t.shape.map((d, i) => (i === ax ? 1 : d)));
  };
  if (o.prepend !== undefined || o.append !== undefined) {
    t = concatenate([...(o.prepend === undefined ? [] : [edge(o.prepend)]), t, ...(o.append === undefined ? [] : [edge(o.append)])], ax);
  }
  const head = [...new Array<string>(ax).fill(':')];
  for (let k = 0; k < order; k++) t = t.get(...head, '1:').sub(t.get(...head, ':-1'));
  return t;
}

type Method = 'linear' | 'lower' | 'higher' | 'midpoint' | 'nearest';
const METHODS: readonly string[] = ['linear', 'lower', 'higher', 'midpoint', 'nearest'];

/** Options of `quantile`, `percentile`, `median` and their NaN forms on tensors. */
export interface QuantileOptions extends ReduceOptions {
  /** NumPy's estimation method (default 'linear'); gradients exist for linear, lower, higher, midpoint, nearest. */
  method?: np.QuantileMethod;
}

interface QuantileParams {
  name: string;
  q: number | np.NDArray;
  scale: 1 | 100;
  nan: boolean;
  axes: number[];
  keepdims: boolean;
  method: np.QuantileMethod;
}

/** Calls the NumPy function of the family with `q` (scaled as it expects) and a method. */
function npQuantile(x: np.ArrayLike, p: QuantileParams, q: number | np.NDArray, method: np.QuantileMethod, keepdims: boolean): np.NDArray {
  const f = p.scale === 100 ? (p.nan ? np.nanpercentile : np.percentile) : p.nan ? np.nanquantile : np.quantile;
  return np.asarray(f(x, q, p.axes, { keepdims, method }));
}

/** The weights of the lower and upper neighbour for each q and slice (NumPy's virtual index rules). */
function neighbourWeights(x: np.NDArray, p: QuantileParams, q01: np.NDArray): [np.NDArray, np.NDArray] {
  const n = p.nan ? np.sum(np.logicalNot(np.isnan(x)), p.axes, { keepdims: true }) : np.asarray(p.axes.reduce((a, ax) => a * x.shape[ax]!, 1));
  const qk = np.reshape(q01, [...q01.shape, ...new Array<number>(x.ndim).fill(1)]);
  const index = np.multiply(qk, np.subtract(n, 1));
  const frac = np.subtract(index, np.floor(index));
  const exact = np.equal(frac, 0);
  const m = p.method as Method;
  let hi: np.NDArray;
  if (m === 'linear') hi = frac;
  else if (m === 'lower') hi = np.zerosLike(frac);
  else if (m === 'higher') hi = np.where(exact, 0, 1);
  else if (m === 'midpoint') hi = np.where(exact, 0, 0.5);
  else hi = np.where(np.greater(np.rint(index), np.floor(index)), 1, 0); // nearest: round half to even
  return [np.subtract(1, hi), hi];
}

const quantileOp = defineOp<QuantileParams>({
  name: 'quantile',
  forward: ([x], p) => {
    // the median is NumPy's own (the mean of the middle elements), bit for bit
    if (p.name === 'median') return np.asarray(np.median(x!, p.axes, { keepdims: p.keepdims }));
    if (p.name === 'nanmedian') return np.asarray(np.nanmedian(x!, p.axes, { keepdims: p.keepdims }));
    return npQuantile(x!, p, p.q, p.method, p.keepdims);
  },
  backward: (g, { inputs: [x], params: p }) => {
    if (!METHODS.includes(p.method)) throw noGradientError(p.name, `for method '${p.method}' (use one of ${METHODS.join(', ')})`);
    const xd = x!.data;
    const q01 = np.divide(np.asarray(p.q), p.scale);
    const qnd = q01.ndim;
    const [wLo, wHi] = neighbourWeights(xd, p, q01);
    const shifted = p.axes.map((a) => a + qnd);
    const share = (method: np.QuantileMethod, w: np.NDArray): np.NDArray => {
      const v = npQuantile(xd, p, p.q, method, true); // [...q, ...kept]
      const hit = np.equal(xd, v);
      return np.multiply(np.divide(hit, np.sum(hit, shifted, { keepdims: true })), w);
    };
    const weights = np.astype(np.add(share('lower', wLo), share('higher', wHi)), g.dtype);
    const gk = reshape(g, [...q01.shape, ...keptShape(xd.shape, p.axes)]);
    const leading = Array.from({ length: qnd }, (_, i) => i);
    return [gk.mul(new Tensor(weights)).sum(leading)];
  },
});

/** A quantile function on tensors: `(x, q, axis?, options?)`. */
export type QuantileFn = (x: TensorLike, q: number | np.ArrayLike, axisOrOptions?: Axis | QuantileOptions, options?: QuantileOptions) => Tensor;

function quantileFamily(name: string, scale: 1 | 100, nan: boolean): QuantileFn {
  return (x, q, axisOrOptions, options) => {
    const t = toTensor(x);
    const o = reduceArgs(axisOrOptions, options);
    const qv = typeof q === 'number' ? q : np.asarray(q);
    return quantileOp([t], { name, q: qv, scale, nan, axes: normalizeAxes(o.axis, t.ndim), keepdims: o.keepdims === true, method: o.method ?? 'linear' });
  };
}

/** q-th quantiles, q in [0, 1] (`np.quantile`). @example ag.quantile(ag.tensor([1, 2, 3, 4]), 0.5); // tensor(2.5) */
export const quantile: QuantileFn = quantileFamily('quantile', 1, false);
/** q-th percentiles, q in [0, 100] (`np.percentile`). @example ag.percentile(ag.tensor([1, 2, 3, 4]), 50); // tensor(2.5) */
export const percentile: QuantileFn = quantileFamily('percentile', 100, false);
/** Quantiles ignoring NaN (`np.nanquantile`). @example ag.nanquantile(ag.tensor([1, NaN, 3]), 0.5); // tensor(2.) */
export const nanquantile: QuantileFn = quantileFamily('nanquantile', 1, true);
/** Percentiles ignoring NaN (`np.nanpercentile`). @example ag.nanpercentile(ag.tensor([1, NaN, 3]), 50); // tensor(2.) */
export const nanpercentile: QuantileFn = quantileFamily('nanpercentile', 100, true);

/** Median over axes (`np.median`): the 0.5 quantile, 'linear'. @example ag.median(ag.tensor([3, 1, 2])); // tensor(2.) */
export const median: ReductionFn = (x, axisOrOptions, options) => quantileFamily('median', 1, false)(x, 0.5, reduceArgs(axisOrOptions, options));
/** Median ignoring NaN (`np.nanmedian`). @example ag.nanmedian(ag.tensor([3, NaN, 1])); // tensor(2.) */
export const nanmedian: ReductionFn = (x, axisOrOptions, options) => quantileFamily('nanmedian', 1, true)(x, 0.5, reduceArgs(axisOrOptions, options));

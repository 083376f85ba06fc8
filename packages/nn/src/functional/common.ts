/**
 * What the functional files share: converting inputs to tensors, the one reduction
 * helper of every loss, the random source of the stochastic functions, and argument
 * checks with PyTorch's messages.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';

/** A random source: a `np.random.Generator` (`defaultRng(seed)`) or a legacy `RandomState`. */
export type RandomSource = np.random.Generator | np.random.RandomState;

/** Options of the stochastic functions (`dropout`, `rrelu`) and of `nn.init`. */
export interface RngOptions {
  /** Where the random numbers come from (default: NumPy's global legacy state, seeded by `np.random.seed`). */
  rng?: RandomSource;
}

/** How a loss reduces its per-element values: PyTorch's `reduction`. */
export type Reduction = 'mean' | 'sum' | 'none';

/** Options shared by every loss. */
export interface ReductionOptions {
  /** 'mean' (default): the average; 'sum': the total; 'none': the per-element losses. */
  reduction?: Reduction;
}

/** A tensor for `x`: tensors as they are, NDArrays shared, JS numbers and arrays as float64 (`ag.asTensor`). */
export function toTensor(x: ag.TensorLike): ag.Tensor {
  return x instanceof ag.Tensor ? x : ag.asTensor(x);
}

/** Throws PyTorch's message unless `reduction` is one of 'mean', 'sum', 'none'. */
export function checkReduction(reduction: string): Reduction {
  if (reduction !== 'mean' && reduction !== 'sum' && reduction !== 'none') throw new np.ValueError(`${String(reduction)} is not a valid value for reduction`);
  return reduction;
}

/**
 * The one reduction of every loss: 'none' returns the per-element losses, 'sum' their
 * total, 'mean' their average (or `sum / denominator` when a weighted mean's denominator
 * is given, as `nllLoss` with class weights).
 */
export function reduceLoss(loss: ag.Tensor, reduction: Reduction | undefined, denominator?: number): ag.Tensor {
  const r = checkReduction(reduction ?? 'mean');
  if (r === 'none') return loss;
  if (r === 'sum') return loss.sum();
  return denominator === undefined ? loss.mean() : loss.sum().div(denominator);
}

/** Uniform draws in `[low, high)` of `shape` and `dtype` from `rng` or the global legacy state. */
export function uniformArray(shape: readonly number[], low: number, high: number, dtype: np.DType, rng?: RandomSource): np.NDArray {
  const src = rng ?? np.random;
  const u = src.uniform(low, high, shape) as np.NDArray;
  return u.dtype === dtype ? u : np.astype(u, dtype);
}

/** Normal draws of `shape` and `dtype` from `rng` or the global legacy state. */
export function normalArray(shape: readonly number[], mean: number, std: number, dtype: np.DType, rng?: RandomSource): np.NDArray {
  const src = rng ?? np.random;
  const u = src.normal(mean, std, shape) as np.NDArray;
  return u.dtype === dtype ? u : np.astype(u, dtype);
}

/** The dtype computations on `x` happen in: its own when float, float64 otherwise. */
export function floatDType(x: ag.Tensor): np.DType {
  return np.DTYPES[x.dtype].kind === 'f' ? x.dtype : 'float64';
}

/** A tensor's shape as PyTorch prints it in messages: `[2, 3]`. */
export function sizeStr(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** True when the shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

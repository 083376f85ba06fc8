/**
 * The Tensor: an NDArray plus what reverse-mode differentiation needs (`requiresGrad`,
 * the tape node that produced it, the accumulated gradient). Every op is a method that
 * delegates in one line to the op function of the same name (`x.add(y)` is
 * `ag.add(x, y)`), declared here on the class (never patched onto the prototype).
 */
import * as np from '@numbat/ndarray';
import type { Node } from './node.js';
import type { TensorLike } from './define-op.js';
import { intRequiresGradError } from './errors.js';
import { backward as runBackward, type BackwardOptions } from './tape.js';
import * as ops from './ops/index.js';
import type { Axis, ReduceOptions, VarOptions } from './ops/axes.js';
import type { ArgOptions } from './ops/nondiff.js';
import type { NormOptions, NormOrder } from './ops/norm.js';
import type { DiffOptions, QuantileOptions } from './ops/statistics.js';
import type { TensorIndexItem } from './ops/indexing.js';
import type { TraceOptions } from './ops/products.js';

/** Options of {@link tensor} and {@link asTensor}. */
export interface TensorOptions {
  /** Record operations on this tensor for differentiation (float dtypes only; default false). */
  requiresGrad?: boolean;
  /** The dtype (default: float64 for JS numbers and arrays, the input's own for NDArrays and TypedArrays). */
  dtype?: np.DTypeLike;
}

function isSeedLike(x: unknown): boolean {
  return typeof x !== 'object' || x === null || Array.isArray(x) || x instanceof np.NDArray || x instanceof Tensor || ArrayBuffer.isView(x);
}

/**
 * A tensor: `data` (an NDArray) and, when it requires grad, its place on the tape. Create
 * one with {@link tensor} (copies, as `torch.tensor`) or {@link asTensor} (shares memory).
 *
 * @example
 * const x = ag.tensor([1, 2, 3], { requiresGrad: true });
 * const loss = x.mul(x).sum();
 * loss.backward();
 * x.grad; // array([2., 4., 6.])
 */
export class Tensor {
  /** The values. */
  readonly data: np.NDArray;
  /** The JS value of a weak scalar constant (a JS number used as an operand), else null. Internal. */
  readonly weak: number | boolean | null;
  #node: Node | null;
  #requiresGrad: boolean;
  #grad: Tensor | null = null;

  /** Wraps `data` without copying. Users call `ag.tensor` / `ag.asTensor`. */
  constructor(data: np.NDArray, requiresGrad = false) {
    if (requiresGrad && np.DTYPES[data.dtype].kind !== 'f') throw intRequiresGradError(data.dtype);
    this.data = data;
    this.weak = null;
    this.#node = null;
    this.#requiresGrad = requiresGrad;
  }

  /** A constant for a JS number or boolean operand, passed to NumPy functions as a weak scalar. Internal. */
  static weakScalar(v: number | boolean): Tensor {
    const t = new Tensor(np.asarray(v));
    (t as { weak: number | boolean | null }).weak = v;
    return t;
  }

  /** The output of a recorded op. Internal (used by `defineOp`). */
  static fromNode(data: np.NDArray, node: Node): Tensor {
    const t = new Tensor(data);
    t.#node = node;
    t.#requiresGrad = true;
    return t;
  }

  /** The tape node that produced this tensor (null for leaves). Internal. */
  get node(): Node | null {
    return this.#node;
  }

  /** Axis lengths. */
  get shape(): number[] {
    return this.data.shape;
  }
  /** Element type. */
  get dtype(): np.DType {
    return this.data.dtype;
  }
  /** Number of axes. */
  get ndim(): number {
    return this.data.ndim;
  }
  /** Number of elements. */
  get size(): number {
    return this.data.size;
  }
  /** The transpose (reversed axes), as `x.transpose()`. */
  get T(): Tensor {
    return ops.transpose(this);
  }

  /** Whether operations on this tensor are recorded. Settable on leaves (float dtypes only). */
  get requiresGrad(): boolean {
    return this.#requiresGrad;
  }
  set requiresGrad(v: boolean) {
    if (this.#node !== null && !v) throw new np.ValueError('you can only change requiresGrad flags of leaf tensors; use detach()');
    if (v && np.DTYPES[this.dtype].kind !== 'f') throw intRequiresGradError(this.dtype);
    if (this.weak !== null && v) throw intRequiresGradError('a weak scalar');
    this.#requiresGrad = v;
  }

  /** True for a tensor not produced by a recorded op (created by the user, or not requiring grad). */
  get isLeaf(): boolean {
    return this.#node === null;
  }

  /** The name of the op that produced this tensor (PyTorch's `grad_fn`), or null for leaves. */
  get gradFn(): string | null {
    return this.#node?.name ?? null;
  }

  /**
   * The accumulated gradient of a leaf after `backward()` (or of a tensor that called
   * `retainGrad()`), or null. Assigning replaces it (`x.grad = null` clears it).
   */
  get grad(): np.NDArray | null {
    return this.#grad?.data ?? null;
  }
  set grad(g: np.NDArray | null) {
    this.#grad = g === null ? null : new Tensor(g);
  }

  /** The gradient as a tensor: differentiable after `backward({ createGraph: true })` (PyTorch's `x.grad`). */
  get gradTensor(): Tensor | null {
    return this.#grad;
  }

  /** Adds `g` to the stored gradient (the first one is stored as is). Internal (the tape calls it). */
  accumulateGrad(g: Tensor): void {
    this.#grad = this.#grad === null ? g : ops.add(this.#grad, g);
  }

  /** Keeps this non-leaf tensor's gradient in `.grad` after backward (PyTorch's `retain_grad`). */
  retainGrad(): void {
    if (this.#node !== null) this.#node.retained = this;
  }

  /**
   * Backpropagates from this tensor: accumulates `d this / d leaf` (times `seed`) into
   * every leaf's `.grad`. `seed` defaults to 1 and is required when this tensor has more
   * than one element. Frees the graph unless `retainGraph`; with `createGraph` the
   * backward pass is itself recorded (higher order).
   *
   * @example
   * const x = ag.tensor(3, { requiresGrad: true });
   * x.mul(x).backward();
   * x.grad; // array(6.)
   */
  backward(seed?: TensorLike | BackwardOptions, options: BackwardOptions = {}): void {
    if (seed !== undefined && !isSeedLike(seed)) runBackward([this], [undefined], seed as BackwardOptions);
    else runBackward([this], [seed as TensorLike | undefined], options);
  }

  /** A tensor sharing the data but cut from the tape (`torch.detach`). */
  detach(): Tensor {
    return new Tensor(this.data);
  }

  /** The value of a one-element tensor as a JS number (bools give 0/1, int64 a rounded number). */
  item(): number {
    return Number(this.data.item());
  }

  /** Clears the gradient (`.grad = null`, PyTorch's `zero_grad(set_to_none=True)`). */
  zeroGrad(): void {
    this.#grad = null;
  }

  /** Nested JS arrays of the values (`tensor.tolist()`). */
  tolist(): ReturnType<np.NDArray['tolist']> {
    return this.data.tolist();
  }

  /** `tensor([1., 2.], requiresGrad=true)`: NumPy's repr of the data, in PyTorch's frame. */
  toString(): string {
    const body = this.data.repr().replace(/^array\(/, 'tensor(').replace(/\n/g, '\n ');
    const extra = this.#node !== null ? `, gradFn=<${this.#node.name}>` : this.#requiresGrad ? ', requiresGrad=true' : '';
    return extra === '' ? body : `${body.slice(0, -1)}${extra})`;
  }

  /** The same as `toString()`. */
  repr(): string {
    return this.toString();
  }

  /** Node's `console.log` shows `toString()`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  // ---- arithmetic (ufuncs) ----
  /** `ag.add`. */ add(other: TensorLike): Tensor { return ops.add(this, other); }
  /** `ag.subtract`. */ subtract(other: TensorLike): Tensor { return ops.subtract(this, other); }
  /** `ag.subtract` (alias). */ sub(other: TensorLike): Tensor { return ops.subtract(this, other); }
  /** `ag.multiply`. */ multiply(other: TensorLike): Tensor { return ops.multiply(this, other); }
  /** `ag.multiply` (alias). */ mul(other: TensorLike): Tensor { return ops.multiply(this, other); }
  /** `ag.divide`. */ divide(other: TensorLike): Tensor { return ops.divide(this, other); }
  /** `ag.divide` (alias). */ div(other: TensorLike): Tensor { return ops.divide(this, other); }
  /** `ag.power`. */ power(other: TensorLike): Tensor { return ops.power(this, other); }
  /** `ag.power` (alias). */ pow(other: TensorLike): Tensor { return ops.power(this, other); }
  /** `ag.mod`. */ mod(other: TensorLike): Tensor { return ops.mod(this, other); }
  /** `ag.floorDivide`. */ floorDivide(other: TensorLike): Tensor { return ops.floorDivide(this, other); }
  /** `ag.arctan2`. */ arctan2(other: TensorLike): Tensor { return ops.arctan2(this, other); }
  /** `ag.hypot`. */ hypot(other: TensorLike): Tensor { return ops.hypot(this, other); }
  /** `ag.copysign`. */ copysign(other: TensorLike): Tensor { return ops.copysign(this, other); }
  /** `ag.heaviside`. */ heaviside(other: TensorLike): Tensor { return ops.heaviside(this, other); }
  /** `ag.maximum`. */ maximum(other: TensorLike): Tensor { return ops.maximum(this, other); }
  /** `ag.minimum`. */ minimum(other: TensorLike): Tensor { return ops.minimum(this, other); }
  /** `ag.fmax`. */ fmax(other: TensorLike): Tensor { return ops.fmax(this, other); }
  /** `ag.fmin`. */ fmin(other: TensorLike): Tensor { return ops.fmin(this, other); }
  /** `ag.clip`. */ clip(aMin: TensorLike | null = null, aMax: TensorLike | null = null): Tensor { return ops.clip(this, aMin, aMax); }
  /** `ag.negative`. */ negative(): Tensor { return ops.negative(this); }
  /** `ag.negative` (alias). */ neg(): Tensor { return ops.negative(this); }
  /** `ag.positive`. */ positive(): Tensor { return ops.positive(this); }
  /** `ag.abs`. */ abs(): Tensor { return ops.abs(this); }
  /** `ag.sign`. */ sign(): Tensor { return ops.sign(this); }
  /** `ag.square`. */ square(): Tensor { return ops.square(this); }
  /** `ag.reciprocal`. */ reciprocal(): Tensor { return ops.reciprocal(this); }
  /** `ag.sqrt`. */ sqrt(): Tensor { return ops.sqrt(this); }
  /** `ag.cbrt`. */ cbrt(): Tensor { return ops.cbrt(this); }
  /** `ag.exp`. */ exp(): Tensor { return ops.exp(this); }
  /** `ag.exp2`. */ exp2(): Tensor { return ops.exp2(this); }
  /** `ag.expm1`. */ expm1(): Tensor { return ops.expm1(this); }
  /** `ag.log`. */ log(): Tensor { return ops.log(this); }
  /** `ag.log2`. */ log2(): Tensor { return ops.log2(this); }
  /** `ag.log10`. */ log10(): Tensor { return ops.log10(this); }
  /** `ag.log1p`. */ log1p(): Tensor { return ops.log1p(this); }
  /** `ag.sin`. */ sin(): Tensor { return ops.sin(this); }
  /** `ag.cos`. */ cos(): Tensor { return ops.cos(this); }
  /** `ag.tan`. */ tan(): Tensor { return ops.tan(this); }
  /** `ag.arcsin`. */ arcsin(): Tensor { return ops.arcsin(this); }
  /** `ag.arccos`. */ arccos(): Tensor { return ops.arccos(this); }
  /** `ag.arctan`. */ arctan(): Tensor { return ops.arctan(this); }
  /** `ag.sinh`. */ sinh(): Tensor { return ops.sinh(this); }
  /** `ag.cosh`. */ cosh(): Tensor { return ops.cosh(this); }
  /** `ag.tanh`. */ tanh(): Tensor { return ops.tanh(this); }
  /** `ag.arcsinh`. */ arcsinh(): Tensor { return ops.arcsinh(this); }
  /** `ag.arccosh`. */ arccosh(): Tensor { return ops.arccosh(this); }
  /** `ag.arctanh`. */ arctanh(): Tensor { return ops.arctanh(this); }
  /** `ag.deg2rad`. */ deg2rad(): Tensor { return ops.deg2rad(this); }
  /** `ag.rad2deg`. */ rad2deg(): Tensor { return ops.rad2deg(this); }
  /** `ag.floor`. */ floor(): Tensor { return ops.floor(this); }
  /** `ag.ceil`. */ ceil(): Tensor { return ops.ceil(this); }
  /** `ag.trunc`. */ trunc(): Tensor { return ops.trunc(this); }
  /** `ag.rint`. */ rint(): Tensor { return ops.rint(this); }
  /** `ag.round`. */ round(decimals = 0): Tensor { return ops.round(this, decimals); }
  /** `ag.relu`. */ relu(): Tensor { return ops.relu(this); }
  /** `ag.sigmoid`. */ sigmoid(): Tensor { return ops.sigmoid(this); }
  /** `ag.softplus`. */ softplus(): Tensor { return ops.softplus(this); }

  // ---- comparisons and tests (no gradient) ----
  /** `ag.equal`. */ equal(other: TensorLike): Tensor { return ops.equal(this, other); }
  /** `ag.notEqual`. */ notEqual(other: TensorLike): Tensor { return ops.notEqual(this, other); }
  /** `ag.less`. */ less(other: TensorLike): Tensor { return ops.less(this, other); }
  /** `ag.lessEqual`. */ lessEqual(other: TensorLike): Tensor { return ops.lessEqual(this, other); }
  /** `ag.greater`. */ greater(other: TensorLike): Tensor { return ops.greater(this, other); }
  /** `ag.greaterEqual`. */ greaterEqual(other: TensorLike): Tensor { return ops.greaterEqual(this, other); }
  /** `ag.logicalAnd`. */ logicalAnd(other: TensorLike): Tensor { return ops.logicalAnd(this, other); }
  /** `ag.logicalOr`. */ logicalOr(other: TensorLike): Tensor { return ops.logicalOr(this, other); }
  /** `ag.logicalXor`. */ logicalXor(other: TensorLike): Tensor { return ops.logicalXor(this, other); }
  /** `ag.logicalNot`. */ logicalNot(): Tensor { return ops.logicalNot(this); }
  /** `ag.bitwiseAnd`. */ bitwiseAnd(other: TensorLike): Tensor { return ops.bitwiseAnd(this, other); }
  /** `ag.bitwiseOr`. */ bitwiseOr(other: TensorLike): Tensor { return ops.bitwiseOr(this, other); }
  /** `ag.bitwiseXor`. */ bitwiseXor(other: TensorLike): Tensor { return ops.bitwiseXor(this, other); }
  /** `ag.invert`. */ invert(): Tensor { return ops.invert(this); }
  /** `ag.isnan`. */ isnan(): Tensor { return ops.isnan(this); }
  /** `ag.isinf`. */ isinf(): Tensor { return ops.isinf(this); }
  /** `ag.isfinite`. */ isfinite(): Tensor { return ops.isfinite(this); }

  // ---- reductions ----
  /** `ag.sum`. */ sum(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.sum(this, axis, options); }
  /** `ag.prod`. */ prod(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.prod(this, axis, options); }
  /** `ag.max`. */ max(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.max(this, axis, options); }
  /** `ag.min`. */ min(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.min(this, axis, options); }
  /** `ag.amax`. */ amax(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.amax(this, axis, options); }
  /** `ag.amin`. */ amin(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.amin(this, axis, options); }
  /** `ag.ptp`. */ ptp(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.ptp(this, axis, options); }
  /** `ag.mean`. */ mean(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.mean(this, axis, options); }
  /** `ag.var`. */ var(axis?: Axis | VarOptions, options?: VarOptions): Tensor { return ops.var(this, axis, options); }
  /** `ag.std`. */ std(axis?: Axis | VarOptions, options?: VarOptions): Tensor { return ops.std(this, axis, options); }
  /** `ag.median`. */ median(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.median(this, axis, options); }
  /** `ag.quantile`. */ quantile(q: number | np.ArrayLike, axis?: Axis | QuantileOptions, options?: QuantileOptions): Tensor { return ops.quantile(this, q, axis, options); }
  /** `ag.percentile`. */ percentile(q: number | np.ArrayLike, axis?: Axis | QuantileOptions, options?: QuantileOptions): Tensor { return ops.percentile(this, q, axis, options); }
  /** `ag.nanquantile`. */ nanquantile(q: number | np.ArrayLike, axis?: Axis | QuantileOptions, options?: QuantileOptions): Tensor { return ops.nanquantile(this, q, axis, options); }
  /** `ag.nanpercentile`. */ nanpercentile(q: number | np.ArrayLike, axis?: Axis | QuantileOptions, options?: QuantileOptions): Tensor { return ops.nanpercentile(this, q, axis, options); }
  /** `ag.nansum`. */ nansum(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.nansum(this, axis, options); }
  /** `ag.nanprod`. */ nanprod(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.nanprod(this, axis, options); }
  /** `ag.nanmax`. */ nanmax(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.nanmax(this, axis, options); }
  /** `ag.nanmin`. */ nanmin(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.nanmin(this, axis, options); }
  /** `ag.nanmean`. */ nanmean(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.nanmean(this, axis, options); }
  /** `ag.nanvar`. */ nanvar(axis?: Axis | VarOptions, options?: VarOptions): Tensor { return ops.nanvar(this, axis, options); }
  /** `ag.nanstd`. */ nanstd(axis?: Axis | VarOptions, options?: VarOptions): Tensor { return ops.nanstd(this, axis, options); }
  /** `ag.nanmedian`. */ nanmedian(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.nanmedian(this, axis, options); }
  /** `ag.cumsum`. */ cumsum(axis: number | null = null): Tensor { return ops.cumsum(this, axis); }
  /** `ag.cumprod`. */ cumprod(axis: number | null = null): Tensor { return ops.cumprod(this, axis); }
  /** `ag.nancumsum`. */ nancumsum(axis: number | null = null): Tensor { return ops.nancumsum(this, axis); }
  /** `ag.nancumprod`. */ nancumprod(axis: number | null = null): Tensor { return ops.nancumprod(this, axis); }
  /** `ag.diff`. */ diff(n?: number | DiffOptions, axis?: number, options?: DiffOptions): Tensor { return ops.diff(this, n, axis, options); }
  /** `ag.logsumexp`. */ logsumexp(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.logsumexp(this, axis, options); }
  /** `ag.softmax`. */ softmax(axis = -1): Tensor { return ops.softmax(this, axis); }
  /** `ag.logSoftmax`. */ logSoftmax(axis = -1): Tensor { return ops.logSoftmax(this, axis); }
  /** `ag.norm`. */ norm(ord?: NormOrder | NormOptions, options?: NormOptions): Tensor { return ops.norm(this, ord, options); }
  /** `ag.argmax`. */ argmax(axis?: number | null | ArgOptions, options?: ArgOptions): Tensor { return ops.argmax(this, axis, options); }
  /** `ag.argmin`. */ argmin(axis?: number | null | ArgOptions, options?: ArgOptions): Tensor { return ops.argmin(this, axis, options); }
  /** `ag.nanargmax`. */ nanargmax(axis?: number | null | ArgOptions, options?: ArgOptions): Tensor { return ops.nanargmax(this, axis, options); }
  /** `ag.nanargmin`. */ nanargmin(axis?: number | null | ArgOptions, options?: ArgOptions): Tensor { return ops.nanargmin(this, axis, options); }
  /** `ag.any`. */ any(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.any(this, axis, options); }
  /** `ag.all`. */ all(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.all(this, axis, options); }
  /** `ag.countNonzero`. */ countNonzero(axis?: Axis | ReduceOptions, options?: ReduceOptions): Tensor { return ops.countNonzero(this, axis, options); }

  // ---- products ----
  /** `ag.matmul`. */ matmul(other: TensorLike): Tensor { return ops.matmul(this, other); }
  /** `ag.dot`. */ dot(other: TensorLike): Tensor { return ops.dot(this, other); }
  /** `ag.trace`. */ trace(offset?: number | TraceOptions, options?: TraceOptions): Tensor { return ops.trace(this, offset, options); }

  // ---- shape, indexing, copies ----
  /** `ag.reshape`. */ reshape(...shape: np.ShapeLike[]): Tensor { return ops.reshape(this, ...shape); }
  /** `ag.ravel`. */ ravel(): Tensor { return ops.ravel(this); }
  /** `ag.flatten`. */ flatten(): Tensor { return ops.flatten(this); }
  /** `ag.transpose`: `x.transpose()`, `x.transpose(1, 0, 2)` or `x.transpose([1, 0, 2])`. */
  transpose(...axes: (number | readonly number[])[]): Tensor {
    if (axes.length === 0) return ops.transpose(this);
    return ops.transpose(this, axes.length === 1 && Array.isArray(axes[0]) ? (axes[0] as readonly number[]) : (axes as number[]));
  }
  /** `ag.swapaxes`. */ swapaxes(axis1: number, axis2: number): Tensor { return ops.swapaxes(this, axis1, axis2); }
  /** `ag.moveaxis`. */ moveaxis(source: number | readonly number[], destination: number | readonly number[]): Tensor { return ops.moveaxis(this, source, destination); }
  /** `ag.squeeze`. */ squeeze(axis: number | readonly number[] | null = null): Tensor { return ops.squeeze(this, axis); }
  /** `ag.expandDims`. */ expandDims(axis: number | readonly number[]): Tensor { return ops.expandDims(this, axis); }
  /** `ag.broadcastTo`. */ broadcastTo(...shape: np.ShapeLike[]): Tensor { return ops.broadcastTo(this, ...shape); }
  /** `ag.flip`. */ flip(axis: number | readonly number[] | null = null): Tensor { return ops.flip(this, axis); }
  /** `ag.repeat`. */ repeat(repeats: np.ArrayLike, axis: number | null = null): Tensor { return ops.repeat(this, repeats, axis); }
  /** `ag.get`: NumPy's `x[index]`. */ get(...index: TensorIndexItem[]): Tensor { return ops.get(this, ...index); }
  /** `ag.astype`. */ astype(dtype: np.DTypeLike): Tensor { return ops.astype(this, dtype); }
  /** `ag.copy`. */ copy(): Tensor { return ops.copy(this); }
}

/**
 * The NDArray class: a strided view `{data, shape, strides, offset, dtype}` over a
 * TypedArray, as NumPy's ndarray (strides counted in elements, not bytes). Properties are
 * computed here; every operation is a one-line delegation to `ops/` or `ufunc/`.
 */
import { DTYPES, type DType, type TypedArray } from './dtype/dtypes.js';
import { isCContiguous, isFContiguous, sizeOf } from './shape/shape.js';
import { ValueError } from './errors.js';
import * as arith from './ufunc/arithmetic.js';
import * as math from './ufunc/math.js';
import * as logic from './ufunc/compare-logic.js';
import type { UfuncOptions } from './ufunc/ufunc.js';
import type { ArrayLike } from './ops/convert.js';
import type { DTypeLike } from './dtype/dtypes.js';
import { arrayRepr, arrayStr } from './print/index.js';
import * as shapeOps from './ops/shape.js';
import * as indexing from './ops/indexing.js';
import * as porting from './ops/porting.js';
import * as joinOps from './ops/join.js';
import type { TakeMode } from './ops/sort-args.js';
import type { ArrayEqualOptions, IscloseOptions } from './ops/elementwise.js';
import type { AverageOptions, AverageResult } from './ops/statistics.js';
import * as sorting from './ops/sorting.js';
import type { PartitionOptions, SortAxisOptions } from './ops/sorting.js';
import type { SortOptions } from './ops/sort-args.js';
import type { TakeOptions } from './ops/take.js';
import type { SearchsortedOptions } from './ops/searching.js';
import * as red from './ops/reductions.js';
import * as nan from './ops/nan-reductions.js';
import * as stats from './ops/statistics.js';
import type { ArgOptions, CountNonzeroOptions, CumulativeOptions, DiffOptions, MinMaxOptions, SumOptions } from './ops/reductions.js';
import type { ArrayForm, Axis, MeanOptions, MedianOptions, QuantileOptions, ReduceBaseOptions, ScalarForm, VarOptions } from './ops/statistics.js';
import type { IndexItem, NestedList } from './ops/indexing.js';
import type { ShapeLike } from './ops/shape.js';
import * as creation from './ops/creation.js';
import type { CopyOptions } from './ops/creation.js';
import * as dtypeApi from './ops/dtype-api.js';
import type { AstypeOptions } from './ops/dtype-api.js';
import * as products from './ops/products.js';
import type { DotOptions, MatmulOptions, TraceOptions } from './ops/products.js';
import * as elementwise from './ops/elementwise.js';
import type { ClipOptions, RoundOptions } from './ops/elementwise.js';
import { assign } from './ops/assign.js';
import { asarray, type Scalar } from './ops/convert.js';

/** NumPy's `ndarray.flags`, the subset numbat tracks. */
export interface Flags {
  /** Elements are laid out in C (row-major) order with no gaps. */
  readonly cContiguous: boolean;
  /** Elements are laid out in Fortran (column-major) order with no gaps. */
  readonly fContiguous: boolean;
  /** The array may be written to; set to `false` to make it read-only. */
  writeable: boolean;
  /** The array owns its buffer (it is not a view of another array). */
  readonly ownsData: boolean;
}

/**
 * The flags of one array. The contiguity flags are computed on first read (most arrays
 * never have them read: a result that only feeds the next operation), then cached.
 */
class ArrayFlags implements Flags {
  readonly ownsData: boolean;
  #writeable: boolean;
  readonly #base: NDArray | null;
  readonly #shape: readonly number[];
  readonly #strides: readonly number[];
  /** 0 unknown, 1 false, 2 true. */
  #c = 0;
  #f = 0;

  constructor(shape: readonly number[], strides: readonly number[], owns: boolean, writeable: boolean, base: NDArray | null) {
    this.#shape = shape;
    this.#strides = strides;
    this.ownsData = owns;
    this.#writeable = writeable;
    this.#base = base;
  }

  get cContiguous(): boolean {
    if (this.#c === 0) this.#c = isCContiguous(this.#shape, this.#strides) ? 2 : 1;
    return this.#c === 2;
  }

  get fContiguous(): boolean {
    if (this.#f === 0) this.#f = isFContiguous(this.#shape, this.#strides) ? 2 : 1;
    return this.#f === 2;
  }

  get writeable(): boolean {
    return this.#writeable;
  }

  set writeable(v: boolean) {
    // As NumPy: a view of a read-only array cannot be made writeable.
    if (v && this.#base !== null && !this.#base.flags.writeable) {
      throw new ValueError('cannot set WRITEABLE flag to True of this array');
    }
    this.#writeable = v;
  }
}

/**
 * An n-dimensional array: NumPy's `ndarray`. Create one with `np.array`, `np.zeros`,
 * `np.arange`, ...; the constructor is internal and takes an existing buffer as is.
 *
 * @example
 * const a = np.arange(6).reshape(2, 3);
 * a.shape; // [2, 3]
 * a.T.strides; // [1, 3]
 */
export class NDArray {
  /** The TypedArray this array views. */
  readonly data: TypedArray;
  /** Length of each axis (the array's own copy: read it, never write it). */
  readonly shape: number[];
  /** Step between neighbours along each axis, in elements (NumPy's are in bytes); read-only as `shape`. */
  readonly strides: number[];
  /** Index in `data` of the first element. */
  readonly offset: number;
  /** Element type. */
  readonly dtype: DType;
  /** The array whose memory this one views, or `null` if it owns its data. */
  readonly base: NDArray | null;
  /** Memory-layout and permission flags. */
  readonly flags: Flags;

  /**
   * Wraps `data` without copying. Internal: users build arrays with `np.array` and friends.
   * `base` is the array being viewed (its own base if that is a view too), or null.
   * `shape` and `strides` are copied (a frozen array passed in is shared as is). The copies
   * are not frozen: `Object.freeze` of the two cost about 140 ns per array (measured: 200 ns
   * for the whole constructor, 55 ns without), 7% of a 100-element `add`. Treat `a.shape`
   * and `a.strides` as read-only: write a new shape with `reshape`.
   */
  constructor(
    data: TypedArray,
    shape: readonly number[],
    strides: readonly number[],
    offset: number,
    dtype: DType,
    base: NDArray | null = null,
    writeable = true,
  ) {
    this.data = data;
    const sh = (Object.isFrozen(shape) ? shape : shape.slice()) as number[];
    const st = (Object.isFrozen(strides) ? strides : strides.slice()) as number[];
    this.shape = sh;
    this.strides = st;
    this.offset = offset;
    this.dtype = dtype;
    const root = base === null ? null : base.base ?? base;
    this.base = root;
    const w = writeable && (base === null || base.flags.writeable);
    this.flags = new ArrayFlags(sh, st, root === null, w, base);
  }

  /** Number of axes. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements. */
  get size(): number {
    return sizeOf(this.shape);
  }

  /** Bytes per element. */
  get itemsize(): number {
    return DTYPES[this.dtype].itemsize;
  }

  /** Bytes of all elements (`size * itemsize`). */
  get nbytes(): number {
    return this.size * this.itemsize;
  }

  // ---- indexing ----

  /** One element as a JS value (`a.item(1, 2)`; one int is a flat index; no args for size 1). */
  item(...index: number[]): number | boolean | bigint {
    return indexing.item(this, ...index);
  }

  /** NumPy's `a[index]`: basic indexing gives a view, integer-array and mask indexing a copy. */
  get(...index: IndexItem[]): NDArray {
    return indexing.get(this, ...index);
  }

  /** NumPy's `a[index] = value`, with `value` broadcast to the selection. */
  set(index: IndexItem | readonly IndexItem[], value: ArrayLike): void {
    indexing.set(this, index, value);
  }

  /** Nested JS arrays of the elements (`a.tolist()`). */
  tolist(): number | boolean | bigint | NestedList {
    return indexing.tolist(this);
  }

  /** Iterates along axis 0 (`for (const row of a)`), yielding `a.get(i)`. */
  [Symbol.iterator](): Iterator<NDArray> {
    return indexing.iterate(this);
  }

  // ---- shape, copies and dtype ----

  /** The transpose, a view (`a.T`). */
  get T(): NDArray {
    return shapeOps.transpose(this);
  }

  /** A new shape, as a view when the strides allow (`a.reshape(2, 3)`, `a.reshape([2, 3])`). */
  reshape(...shape: ShapeLike[]): NDArray {
    return shapeOps.reshape(this, ...shape);
  }

  /** A 1-d view when possible, else a copy (`a.ravel()`). */
  ravel(): NDArray {
    return shapeOps.ravel(this);
  }

  /** A 1-d copy (`a.flatten()`). */
  flatten(): NDArray {
    return shapeOps.flatten(this);
  }

  /** Permuted axes, a view: `a.transpose()`, `a.transpose(1, 0, 2)` or `a.transpose([1, 0, 2])`. */
  transpose(...axes: (number | readonly number[])[]): NDArray {
    if (axes.length === 0) return shapeOps.transpose(this);
    return shapeOps.transpose(this, axes.length === 1 && Array.isArray(axes[0]) ? (axes[0] as readonly number[]) : (axes as number[]));
  }

  /** Two axes swapped, a view (`a.swapaxes(0, 1)`). */
  swapaxes(axis1: number, axis2: number): NDArray {
    return shapeOps.swapaxes(this, axis1, axis2);
  }

  /** Length-1 axes removed, a view (`a.squeeze()`). */
  squeeze(axis?: number | readonly number[] | null): NDArray {
    return shapeOps.squeeze(this, axis);
  }

  /** A copy converted to `dtype` (`a.astype('float32')`); NumPy's unsafe casting by default. */
  astype(dtype: DTypeLike, options?: AstypeOptions): NDArray {
    return dtypeApi.astype(this, dtype, options);
  }

  /** A copy, C order by default as NumPy's method (`a.copy()`, `a.copy({ order: 'F' })`). */
  copy(options?: CopyOptions): NDArray {
    return creation.copy(this, { order: 'C', ...options });
  }

  /** Sets every element to `value` in place (`a.fill(0)`). */
  fill(value: ArrayLike): void {
    assign(this, asarray(value));
  }

  // ---- reductions: each as a method; with no axis, keepdims or out they return a JS scalar ----

  /** Sum of elements (`np.sum`); a JS scalar over all axes, else an NDArray. */
  sum(axis?: null, options?: SumOptions & ScalarForm): number | bigint;
  sum(options: SumOptions & ScalarForm): number | bigint;
  sum(axis: Axis, options?: SumOptions): NDArray;
  sum(options: SumOptions & ArrayForm): NDArray;
  sum(axis: Axis | null | undefined, options: SumOptions & ArrayForm): NDArray;
  sum(axis?: Axis | SumOptions | null, options?: SumOptions): number | bigint | NDArray {
    return red.sum(this, axis, options);
  }

  /** Product of elements (`np.prod`); a JS scalar over all axes, else an NDArray. */
  prod(axis?: null, options?: SumOptions & ScalarForm): number | bigint;
  prod(options: SumOptions & ScalarForm): number | bigint;
  prod(axis: Axis, options?: SumOptions): NDArray;
  prod(options: SumOptions & ArrayForm): NDArray;
  prod(axis: Axis | null | undefined, options: SumOptions & ArrayForm): NDArray;
  prod(axis?: Axis | SumOptions | null, options?: SumOptions): number | bigint | NDArray {
    return red.prod(this, axis, options);
  }

  /** Maximum, NaN propagating (`np.max`); a JS scalar over all axes, else an NDArray. */
  max(axis?: null, options?: MinMaxOptions & ScalarForm): Scalar;
  max(options: MinMaxOptions & ScalarForm): Scalar;
  max(axis: Axis, options?: MinMaxOptions): NDArray;
  max(options: MinMaxOptions & ArrayForm): NDArray;
  max(axis: Axis | null | undefined, options: MinMaxOptions & ArrayForm): NDArray;
  max(axis?: Axis | MinMaxOptions | null, options?: MinMaxOptions): Scalar | NDArray {
    return red.max(this, axis, options);
  }

  /** Minimum, NaN propagating (`np.min`); a JS scalar over all axes, else an NDArray. */
  min(axis?: null, options?: MinMaxOptions & ScalarForm): Scalar;
  min(options: MinMaxOptions & ScalarForm): Scalar;
  min(axis: Axis, options?: MinMaxOptions): NDArray;
  min(options: MinMaxOptions & ArrayForm): NDArray;
  min(axis: Axis | null | undefined, options: MinMaxOptions & ArrayForm): NDArray;
  min(axis?: Axis | MinMaxOptions | null, options?: MinMaxOptions): Scalar | NDArray {
    return red.min(this, axis, options);
  }

  /** Alias of `max` (`np.amax`); a JS scalar over all axes, else an NDArray. */
  amax(axis?: null, options?: MinMaxOptions & ScalarForm): Scalar;
  amax(options: MinMaxOptions & ScalarForm): Scalar;
  amax(axis: Axis, options?: MinMaxOptions): NDArray;
  amax(options: MinMaxOptions & ArrayForm): NDArray;
  amax(axis: Axis | null | undefined, options: MinMaxOptions & ArrayForm): NDArray;
  amax(axis?: Axis | MinMaxOptions | null, options?: MinMaxOptions): Scalar | NDArray {
    return red.amax(this, axis, options);
  }

  /** Alias of `min` (`np.amin`); a JS scalar over all axes, else an NDArray. */
  amin(axis?: null, options?: MinMaxOptions & ScalarForm): Scalar;
  amin(options: MinMaxOptions & ScalarForm): Scalar;
  amin(axis: Axis, options?: MinMaxOptions): NDArray;
  amin(options: MinMaxOptions & ArrayForm): NDArray;
  amin(axis: Axis | null | undefined, options: MinMaxOptions & ArrayForm): NDArray;
  amin(axis?: Axis | MinMaxOptions | null, options?: MinMaxOptions): Scalar | NDArray {
    return red.amin(this, axis, options);
  }

  /** Peak to peak, max - min (`np.ptp`); a JS scalar over all axes, else an NDArray. */
  ptp(axis?: null, options?: ReduceBaseOptions & ScalarForm): number | bigint;
  ptp(options: ReduceBaseOptions & ScalarForm): number | bigint;
  ptp(axis: Axis, options?: ReduceBaseOptions): NDArray;
  ptp(options: ReduceBaseOptions & ArrayForm): NDArray;
  ptp(axis: Axis | null | undefined, options: ReduceBaseOptions & ArrayForm): NDArray;
  ptp(axis?: Axis | ReduceBaseOptions | null, options?: ReduceBaseOptions): number | bigint | NDArray {
    return red.ptp(this, axis, options);
  }

  /** Index of the maximum, int32 (`np.argmax`); a JS scalar over all axes, else an NDArray. */
  argmax(axis?: null, options?: ArgOptions & ScalarForm): number;
  argmax(options: ArgOptions & ScalarForm): number;
  argmax(axis: number, options?: ArgOptions): NDArray;
  argmax(options: ArgOptions & ArrayForm): NDArray;
  argmax(axis: number | null | undefined, options: ArgOptions & ArrayForm): NDArray;
  argmax(axis?: number | ArgOptions | null, options?: ArgOptions): number | NDArray {
    return red.argmax(this, axis, options);
  }

  /** Index of the minimum, int32 (`np.argmin`); a JS scalar over all axes, else an NDArray. */
  argmin(axis?: null, options?: ArgOptions & ScalarForm): number;
  argmin(options: ArgOptions & ScalarForm): number;
  argmin(axis: number, options?: ArgOptions): NDArray;
  argmin(options: ArgOptions & ArrayForm): NDArray;
  argmin(axis: number | null | undefined, options: ArgOptions & ArrayForm): NDArray;
  argmin(axis?: number | ArgOptions | null, options?: ArgOptions): number | NDArray {
    return red.argmin(this, axis, options);
  }

  /** Whether any element is true (`np.any`); a JS scalar over all axes, else an NDArray. */
  any(axis?: null, options?: ReduceBaseOptions & ScalarForm): boolean;
  any(options: ReduceBaseOptions & ScalarForm): boolean;
  any(axis: Axis, options?: ReduceBaseOptions): NDArray;
  any(options: ReduceBaseOptions & ArrayForm): NDArray;
  any(axis: Axis | null | undefined, options: ReduceBaseOptions & ArrayForm): NDArray;
  any(axis?: Axis | ReduceBaseOptions | null, options?: ReduceBaseOptions): boolean | NDArray {
    return red.any(this, axis, options);
  }

  /** Whether every element is true (`np.all`); a JS scalar over all axes, else an NDArray. */
  all(axis?: null, options?: ReduceBaseOptions & ScalarForm): boolean;
  all(options: ReduceBaseOptions & ScalarForm): boolean;
  all(axis: Axis, options?: ReduceBaseOptions): NDArray;
  all(options: ReduceBaseOptions & ArrayForm): NDArray;
  all(axis: Axis | null | undefined, options: ReduceBaseOptions & ArrayForm): NDArray;
  all(axis?: Axis | ReduceBaseOptions | null, options?: ReduceBaseOptions): boolean | NDArray {
    return red.all(this, axis, options);
  }

  /** Number of nonzero elements (`np.count_nonzero`); a JS scalar over all axes, else an NDArray. */
  countNonzero(axis?: null, options?: CountNonzeroOptions & ScalarForm): number;
  countNonzero(options: CountNonzeroOptions & ScalarForm): number;
  countNonzero(axis: Axis, options?: CountNonzeroOptions): NDArray;
  countNonzero(options: CountNonzeroOptions & ArrayForm): NDArray;
  countNonzero(axis: Axis | null | undefined, options: CountNonzeroOptions & ArrayForm): NDArray;
  countNonzero(axis?: Axis | CountNonzeroOptions | null, options?: CountNonzeroOptions): number | NDArray {
    return red.countNonzero(this, axis, options);
  }

  /** Arithmetic mean (`np.mean`); a JS scalar over all axes, else an NDArray. */
  mean(axis?: null, options?: MeanOptions & ScalarForm): number;
  mean(options: MeanOptions & ScalarForm): number;
  mean(axis: Axis, options?: MeanOptions): NDArray;
  mean(options: MeanOptions & ArrayForm): NDArray;
  mean(axis: Axis | null | undefined, options: MeanOptions & ArrayForm): NDArray;
  mean(axis?: Axis | MeanOptions | null, options?: MeanOptions): number | NDArray {
    return stats.mean(this, axis, options);
  }

  /** Variance with `ddof` (`np.var`); a JS scalar over all axes, else an NDArray. */
  var(axis?: null, options?: VarOptions & ScalarForm): number;
  var(options: VarOptions & ScalarForm): number;
  var(axis: Axis, options?: VarOptions): NDArray;
  var(options: VarOptions & ArrayForm): NDArray;
  var(axis: Axis | null | undefined, options: VarOptions & ArrayForm): NDArray;
  var(axis?: Axis | VarOptions | null, options?: VarOptions): number | NDArray {
    return stats.var(this, axis, options);
  }

  /** Standard deviation with `ddof` (`np.std`); a JS scalar over all axes, else an NDArray. */
  std(axis?: null, options?: VarOptions & ScalarForm): number;
  std(options: VarOptions & ScalarForm): number;
  std(axis: Axis, options?: VarOptions): NDArray;
  std(options: VarOptions & ArrayForm): NDArray;
  std(axis: Axis | null | undefined, options: VarOptions & ArrayForm): NDArray;
  std(axis?: Axis | VarOptions | null, options?: VarOptions): number | NDArray {
    return stats.std(this, axis, options);
  }

  /** Median (`np.median`); a JS scalar over all axes, else an NDArray. */
  median(axis?: null, options?: MedianOptions & ScalarForm): number;
  median(options: MedianOptions & ScalarForm): number;
  median(axis: Axis, options?: MedianOptions): NDArray;
  median(options: MedianOptions & ArrayForm): NDArray;
  median(axis: Axis | null | undefined, options: MedianOptions & ArrayForm): NDArray;
  median(axis?: Axis | MedianOptions | null, options?: MedianOptions): number | NDArray {
    return stats.median(this, axis, options);
  }

  /** Sum ignoring NaNs (`np.nansum`); a JS scalar over all axes, else an NDArray. */
  nansum(axis?: null, options?: SumOptions & ScalarForm): number | bigint;
  nansum(options: SumOptions & ScalarForm): number | bigint;
  nansum(axis: Axis, options?: SumOptions): NDArray;
  nansum(options: SumOptions & ArrayForm): NDArray;
  nansum(axis: Axis | null | undefined, options: SumOptions & ArrayForm): NDArray;
  nansum(axis?: Axis | SumOptions | null, options?: SumOptions): number | bigint | NDArray {
    return nan.nansum(this, axis, options);
  }

  /** Product ignoring NaNs (`np.nanprod`); a JS scalar over all axes, else an NDArray. */
  nanprod(axis?: null, options?: SumOptions & ScalarForm): number | bigint;
  nanprod(options: SumOptions & ScalarForm): number | bigint;
  nanprod(axis: Axis, options?: SumOptions): NDArray;
  nanprod(options: SumOptions & ArrayForm): NDArray;
  nanprod(axis: Axis | null | undefined, options: SumOptions & ArrayForm): NDArray;
  nanprod(axis?: Axis | SumOptions | null, options?: SumOptions): number | bigint | NDArray {
    return nan.nanprod(this, axis, options);
  }

  /** Maximum ignoring NaNs (`np.nanmax`); a JS scalar over all axes, else an NDArray. */
  nanmax(axis?: null, options?: MinMaxOptions & ScalarForm): Scalar;
  nanmax(options: MinMaxOptions & ScalarForm): Scalar;
  nanmax(axis: Axis, options?: MinMaxOptions): NDArray;
  nanmax(options: MinMaxOptions & ArrayForm): NDArray;
  nanmax(axis: Axis | null | undefined, options: MinMaxOptions & ArrayForm): NDArray;
  nanmax(axis?: Axis | MinMaxOptions | null, options?: MinMaxOptions): Scalar | NDArray {
    return nan.nanmax(this, axis, options);
  }

  /** Minimum ignoring NaNs (`np.nanmin`); a JS scalar over all axes, else an NDArray. */
  nanmin(axis?: null, options?: MinMaxOptions & ScalarForm): Scalar;
  nanmin(options: MinMaxOptions & ScalarForm): Scalar;
  nanmin(axis: Axis, options?: MinMaxOptions): NDArray;
  nanmin(options: MinMaxOptions & ArrayForm): NDArray;
  nanmin(axis: Axis | null | undefined, options: MinMaxOptions & ArrayForm): NDArray;
  nanmin(axis?: Axis | MinMaxOptions | null, options?: MinMaxOptions): Scalar | NDArray {
    return nan.nanmin(this, axis, options);
  }

  /** Index of the maximum ignoring NaNs (`np.nanargmax`); a JS scalar over all axes, else an NDArray. */
  nanargmax(axis?: null, options?: ArgOptions & ScalarForm): number;
  nanargmax(options: ArgOptions & ScalarForm): number;
  nanargmax(axis: number, options?: ArgOptions): NDArray;
  nanargmax(options: ArgOptions & ArrayForm): NDArray;
  nanargmax(axis: number | null | undefined, options: ArgOptions & ArrayForm): NDArray;
  nanargmax(axis?: number | ArgOptions | null, options?: ArgOptions): number | NDArray {
    return nan.nanargmax(this, axis, options);
  }

  /** Index of the minimum ignoring NaNs (`np.nanargmin`); a JS scalar over all axes, else an NDArray. */
  nanargmin(axis?: null, options?: ArgOptions & ScalarForm): number;
  nanargmin(options: ArgOptions & ScalarForm): number;
  nanargmin(axis: number, options?: ArgOptions): NDArray;
  nanargmin(options: ArgOptions & ArrayForm): NDArray;
  nanargmin(axis: number | null | undefined, options: ArgOptions & ArrayForm): NDArray;
  nanargmin(axis?: number | ArgOptions | null, options?: ArgOptions): number | NDArray {
    return nan.nanargmin(this, axis, options);
  }

  /** Mean ignoring NaNs (`np.nanmean`); a JS scalar over all axes, else an NDArray. */
  nanmean(axis?: null, options?: MeanOptions & ScalarForm): number;
  nanmean(options: MeanOptions & ScalarForm): number;
  nanmean(axis: Axis, options?: MeanOptions): NDArray;
  nanmean(options: MeanOptions & ArrayForm): NDArray;
  nanmean(axis: Axis | null | undefined, options: MeanOptions & ArrayForm): NDArray;
  nanmean(axis?: Axis | MeanOptions | null, options?: MeanOptions): number | NDArray {
    return nan.nanmean(this, axis, options);
  }

  /** Variance ignoring NaNs (`np.nanvar`); a JS scalar over all axes, else an NDArray. */
  nanvar(axis?: null, options?: VarOptions & ScalarForm): number;
  nanvar(options: VarOptions & ScalarForm): number;
  nanvar(axis: Axis, options?: VarOptions): NDArray;
  nanvar(options: VarOptions & ArrayForm): NDArray;
  nanvar(axis: Axis | null | undefined, options: VarOptions & ArrayForm): NDArray;
  nanvar(axis?: Axis | VarOptions | null, options?: VarOptions): number | NDArray {
    return nan.nanvar(this, axis, options);
  }

  /** Standard deviation ignoring NaNs (`np.nanstd`); a JS scalar over all axes, else an NDArray. */
  nanstd(axis?: null, options?: VarOptions & ScalarForm): number;
  nanstd(options: VarOptions & ScalarForm): number;
  nanstd(axis: Axis, options?: VarOptions): NDArray;
  nanstd(options: VarOptions & ArrayForm): NDArray;
  nanstd(axis: Axis | null | undefined, options: VarOptions & ArrayForm): NDArray;
  nanstd(axis?: Axis | VarOptions | null, options?: VarOptions): number | NDArray {
    return nan.nanstd(this, axis, options);
  }

  /** Median ignoring NaNs (`np.nanmedian`); a JS scalar over all axes, else an NDArray. */
  nanmedian(axis?: null, options?: MedianOptions & ScalarForm): number;
  nanmedian(options: MedianOptions & ScalarForm): number;
  nanmedian(axis: Axis, options?: MedianOptions): NDArray;
  nanmedian(options: MedianOptions & ArrayForm): NDArray;
  nanmedian(axis: Axis | null | undefined, options: MedianOptions & ArrayForm): NDArray;
  nanmedian(axis?: Axis | MedianOptions | null, options?: MedianOptions): number | NDArray {
    return nan.nanmedian(this, axis, options);
  }

  /** Running `cumsum` along an axis (flattened when no axis), as `np.cumsum`. */
  cumsum(axis?: number | null | CumulativeOptions, options?: CumulativeOptions): NDArray {
    return red.cumsum(this, axis, options);
  }

  /** Running `cumprod` along an axis (flattened when no axis), as `np.cumprod`. */
  cumprod(axis?: number | null | CumulativeOptions, options?: CumulativeOptions): NDArray {
    return red.cumprod(this, axis, options);
  }

  /** Running `nancumsum` along an axis (flattened when no axis), as `np.nancumsum`. */
  nancumsum(axis?: number | null | CumulativeOptions, options?: CumulativeOptions): NDArray {
    return nan.nancumsum(this, axis, options);
  }

  /** Running `nancumprod` along an axis (flattened when no axis), as `np.nancumprod`. */
  nancumprod(axis?: number | null | CumulativeOptions, options?: CumulativeOptions): NDArray {
    return nan.nancumprod(this, axis, options);
  }

  /** n-th discrete difference along an axis (`np.diff`). */
  diff(n?: number | DiffOptions, axis?: number | DiffOptions, options?: DiffOptions): NDArray {
    return red.diff(this, n, axis, options);
  }

  /** `np.percentile(a, q, axis)`: a JS scalar for a number `q` over all axes, else an NDArray. */
  percentile(q: ArrayLike, axis?: Axis | QuantileOptions, options?: QuantileOptions): NDArray | Scalar {
    return stats.percentile(this, q, axis, options);
  }

  /** `np.quantile(a, q, axis)`: a JS scalar for a number `q` over all axes, else an NDArray. */
  quantile(q: ArrayLike, axis?: Axis | QuantileOptions, options?: QuantileOptions): NDArray | Scalar {
    return stats.quantile(this, q, axis, options);
  }

  /** `np.nanpercentile(a, q, axis)`: a JS scalar for a number `q` over all axes, else an NDArray. */
  nanpercentile(q: ArrayLike, axis?: Axis | QuantileOptions, options?: QuantileOptions): NDArray | Scalar {
    return nan.nanpercentile(this, q, axis, options);
  }

  /** `np.nanquantile(a, q, axis)`: a JS scalar for a number `q` over all axes, else an NDArray. */
  nanquantile(q: ArrayLike, axis?: Axis | QuantileOptions, options?: QuantileOptions): NDArray | Scalar {
    return nan.nanquantile(this, q, axis, options);
  }

  // ---- sorting and searching ----

  /** Sorts in place along `axis` (default last), NaN last; returns nothing, as NumPy's method. */
  sort(axis = -1, options?: SortOptions): void {
    sorting.sortInPlace(this, axis, options);
  }

  /** Indices that sort along `axis` (stable; int32), as `np.argsort`. */
  argsort(axis?: number | null | SortAxisOptions, options?: SortOptions): NDArray {
    return sorting.argsort(this, axis, options);
  }

  /** Partitions in place around the `kth` element(s), as NumPy's method `a.partition(kth)`. */
  partition(kth: ArrayLike, axis = -1, options?: SortOptions): void {
    sorting.partitionInPlace(this, kth, axis, options);
  }

  /** Indices that partition around `kth` (int32), as `np.argpartition`. */
  argpartition(kth: ArrayLike, axis?: number | null | PartitionOptions, options?: PartitionOptions): NDArray {
    return sorting.argpartition(this, kth, axis, options);
  }

  /** Indices of the nonzero elements, one int32 array per axis (`np.nonzero`). */
  nonzero(): NDArray[] {
    return sorting.nonzero(this);
  }

  /** Elements at `indices` along `axis` (flattened when none), as `np.take`. */
  take(indices: ArrayLike, axis?: number | null | TakeOptions, options?: TakeOptions): NDArray {
    return sorting.take(this, indices, axis, options);
  }

  /** Where `v` would be inserted to keep this sorted 1-d array sorted (`np.searchsorted`). */
  searchsorted(v: Scalar, options?: SearchsortedOptions): number;
  searchsorted(v: ArrayLike, options?: SearchsortedOptions): NDArray;
  searchsorted(v: ArrayLike, options?: SearchsortedOptions): number | NDArray {
    return sorting.searchsorted(this, v, options);
  }

  // ---- products ----

  /** Dot product (`a.dot(b)`, NumPy's `np.dot`). */
  dot(other: ArrayLike, options?: DotOptions): NDArray {
    return products.dot(this, other, options);
  }

  /** Matrix product with batch broadcasting (`a @ b`, NumPy's `np.matmul`). */
  matmul(other: ArrayLike, options?: MatmulOptions): NDArray {
    return products.matmul(this, other, options);
  }

  /** Sum along a diagonal (`a.trace()`). */
  trace(offset?: number | TraceOptions, options?: TraceOptions): NDArray | Scalar {
    return products.trace(this, offset, options);
  }

  // ---- element-wise helpers that are not ufuncs ----

  /** Rounds to `decimals` (`a.round(2)`, NumPy's `np.round`). */
  round(decimals = 0, options?: RoundOptions): NDArray {
    return elementwise.round(this, decimals, options);
  }

  /** Limits values to [aMin, aMax] (`a.clip(0, 1)`). */
  clip(aMin: ArrayLike | null = null, aMax: ArrayLike | null = null, options?: ClipOptions): NDArray {
    return elementwise.clip(this, aMin, aMax, options);
  }

  // ---- porting essentials and the remaining element-wise functions ----

  /** A flat, C-order read/write window on the elements: NumPy's `a.flat` (`a.flat.get(i)`, `a.flat.set(i, v)`). */
  get flat(): porting.FlatIter {
    return new porting.FlatIter(this);
  }

  /** Writes `v` at flat (C-order) positions, in place, as NumPy's method `a.put(ind, v, mode)`. */
  put(ind: ArrayLike, v: ArrayLike, mode?: TakeMode | porting.PutOptions): void {
    porting.put(this, ind, v, mode);
  }

  /** Repeats each element along `axis` (flattened when none), as NumPy's method `a.repeat`. */
  repeat(repeats: ArrayLike, axis?: number | null): NDArray {
    return joinOps.repeat(this, repeats, axis);
  }

  /** `np.where(this, x, y)`: `x` where this is true, else `y`; with no arguments `np.nonzero(this)`. */
  where(): NDArray[];
  where(x: ArrayLike, y: ArrayLike): NDArray;
  where(x?: ArrayLike, y?: ArrayLike): NDArray | NDArray[] {
    if (x === undefined && y === undefined) return elementwise.where(this);
    return elementwise.where(this, x as ArrayLike, y as ArrayLike);
  }

  /** Element-wise closeness to `other` within tolerances (method form of `np.isclose`). */
  isclose(other: ArrayLike, options?: IscloseOptions): NDArray {
    return elementwise.isclose(this, other, options);
  }

  /** Whether every element is close to `other` (method form of `np.allclose`). */
  allclose(other: ArrayLike, options?: IscloseOptions): boolean {
    return elementwise.allclose(this, other, options);
  }

  /** Whether `other` has this shape and these elements (method form of `np.array_equal`). */
  arrayEqual(other: ArrayLike, options?: ArrayEqualOptions): boolean {
    return elementwise.arrayEqual(this, other, options);
  }

  /** Weighted average (method form of `np.average`); a JS scalar over all axes, else an NDArray. */
  average(axis?: Axis, options?: AverageOptions & { returned?: false }): AverageResult;
  average(options: AverageOptions & { returned?: false }): AverageResult;
  average(axis: Axis | undefined, options: AverageOptions & { returned: true }): [AverageResult, AverageResult];
  average(options: AverageOptions & { returned: true }): [AverageResult, AverageResult];
  average(axis?: Axis | AverageOptions, options?: AverageOptions): AverageResult | [AverageResult, AverageResult] {
    return stats.average(this, axis, options);
  }

  // ---- printing ----

  /** NumPy's `str(a)`: `String(a)`, template literals and `a.toString()` give it. */
  toString(): string {
    return arrayStr(this);
  }

  /** NumPy's `repr(a)` (as printed on Linux: `array([1, 2], dtype=int32)`). */
  repr(): string {
    return arrayRepr(this);
  }

  /** `console.log(a)` and `util.inspect(a)` print NumPy's `repr(a)`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return arrayRepr(this);
  }

  // ---- element-wise: every ufunc as a method (np.<name>(this, ...)) ----

  /** Arithmetic ufuncs as records (NumPy's generate_umath.py entries). Integer functions may (method form of `np.add`). */
  add(other: ArrayLike, options?: UfuncOptions): NDArray {
    return arith.add(this, other, options);
  }

  /** `np.subtract`: a - b (method form of `np.subtract`). */
  subtract(other: ArrayLike, options?: UfuncOptions): NDArray {
    return arith.subtract(this, other, options);
  }

  /** `np.multiply`: a * b (logical and on bools) (method form of `np.multiply`). */
  multiply(other: ArrayLike, options?: UfuncOptions): NDArray {
    return arith.multiply(this, other, options);
  }

  /** `np.divide` (true division): integers divide as float64 (method form of `np.divide`). */
  divide(other: ArrayLike, options?: UfuncOptions): NDArray {
    return arith.divide(this, other, options);
  }

  /** `np.floor_divide`: Python's `//` (rounds toward -inf; integer division by 0 gives 0) (method form of `np.floorDivide`). */
  floorDivide(other: ArrayLike, options?: UfuncOptions): NDArray {
    return arith.floorDivide(this, other, options);
  }

  /** `np.mod` (`np.remainder`): Python's `%`, the result has the divisor's sign (method form of `np.mod`). */
  mod(other: ArrayLike, options?: UfuncOptions): NDArray {
    return arith.mod(this, other, options);
  }

  /** `np.power`: a ** b (method form of `np.power`). */
  power(other: ArrayLike, options?: UfuncOptions): NDArray {
    return arith.power(this, other, options);
  }

  /** `np.negative`: -x (method form of `np.negative`). */
  negative(options?: UfuncOptions): NDArray {
    return arith.negative(this, options);
  }

  /** `np.positive`: +x (a copy) (method form of `np.positive`). */
  positive(options?: UfuncOptions): NDArray {
    return arith.positive(this, options);
  }

  /** `np.abs` (`np.absolute`): |x|; abs of the most negative integer wraps to itself (method form of `np.abs`). */
  abs(options?: UfuncOptions): NDArray {
    return arith.abs(this, options);
  }

  /** `np.sign`: -1, 0 or 1 (NaN stays NaN; NumPy's sign(-0.0) is 0.0) (method form of `np.sign`). */
  sign(options?: UfuncOptions): NDArray {
    return arith.sign(this, options);
  }

  /** `np.square`: x * x (bool input computes in int8, as NumPy) (method form of `np.square`). */
  square(options?: UfuncOptions): NDArray {
    return arith.square(this, options);
  }

  /** `np.reciprocal`: 1 / x. Integers compute `1.0 / x` and convert back as NumPy does on (method form of `np.reciprocal`). */
  reciprocal(options?: UfuncOptions): NDArray {
    return arith.reciprocal(this, options);
  }

  /** `np.copysign`: |a| with the sign of b (method form of `np.copysign`). */
  copysign(other: ArrayLike, options?: UfuncOptions): NDArray {
    return arith.copysign(this, other, options);
  }

  /** Math ufuncs as records: transcendental and rounding functions. Each calls the matching (method form of `np.sqrt`). */
  sqrt(options?: UfuncOptions): NDArray {
    return math.sqrt(this, options);
  }

  /** `np.cbrt` (method form of `np.cbrt`). */
  cbrt(options?: UfuncOptions): NDArray {
    return math.cbrt(this, options);
  }

  /** `np.exp` (method form of `np.exp`). */
  exp(options?: UfuncOptions): NDArray {
    return math.exp(this, options);
  }

  /** `np.exp2`: 2 ** x (method form of `np.exp2`). */
  exp2(options?: UfuncOptions): NDArray {
    return math.exp2(this, options);
  }

  /** `np.expm1`: exp(x) - 1, accurate near 0 (method form of `np.expm1`). */
  expm1(options?: UfuncOptions): NDArray {
    return math.expm1(this, options);
  }

  /** `np.log` (natural) (method form of `np.log`). */
  log(options?: UfuncOptions): NDArray {
    return math.log(this, options);
  }

  /** `np.log2` (method form of `np.log2`). */
  log2(options?: UfuncOptions): NDArray {
    return math.log2(this, options);
  }

  /** `np.log10` (method form of `np.log10`). */
  log10(options?: UfuncOptions): NDArray {
    return math.log10(this, options);
  }

  /** `np.log1p`: log(1 + x), accurate near 0 (method form of `np.log1p`). */
  log1p(options?: UfuncOptions): NDArray {
    return math.log1p(this, options);
  }

  /** `np.sin` (method form of `np.sin`). */
  sin(options?: UfuncOptions): NDArray {
    return math.sin(this, options);
  }

  /** `np.cos` (method form of `np.cos`). */
  cos(options?: UfuncOptions): NDArray {
    return math.cos(this, options);
  }

  /** `np.tan` (method form of `np.tan`). */
  tan(options?: UfuncOptions): NDArray {
    return math.tan(this, options);
  }

  /** `np.arcsin` (method form of `np.arcsin`). */
  arcsin(options?: UfuncOptions): NDArray {
    return math.arcsin(this, options);
  }

  /** `np.arccos` (method form of `np.arccos`). */
  arccos(options?: UfuncOptions): NDArray {
    return math.arccos(this, options);
  }

  /** `np.arctan` (method form of `np.arctan`). */
  arctan(options?: UfuncOptions): NDArray {
    return math.arctan(this, options);
  }

  /** `np.sinh` (method form of `np.sinh`). */
  sinh(options?: UfuncOptions): NDArray {
    return math.sinh(this, options);
  }

  /** `np.cosh` (method form of `np.cosh`). */
  cosh(options?: UfuncOptions): NDArray {
    return math.cosh(this, options);
  }

  /** `np.tanh` (method form of `np.tanh`). */
  tanh(options?: UfuncOptions): NDArray {
    return math.tanh(this, options);
  }

  /** `np.arcsinh` (method form of `np.arcsinh`). */
  arcsinh(options?: UfuncOptions): NDArray {
    return math.arcsinh(this, options);
  }

  /** `np.arccosh` (method form of `np.arccosh`). */
  arccosh(options?: UfuncOptions): NDArray {
    return math.arccosh(this, options);
  }

  /** `np.arctanh` (method form of `np.arctanh`). */
  arctanh(options?: UfuncOptions): NDArray {
    return math.arctanh(this, options);
  }

  /** `np.rint`: round to the nearest integer, halves to even (method form of `np.rint`). */
  rint(options?: UfuncOptions): NDArray {
    return math.rint(this, options);
  }

  /** `np.deg2rad`: x * pi / 180 (method form of `np.deg2rad`). */
  deg2rad(options?: UfuncOptions): NDArray {
    return math.deg2rad(this, options);
  }

  /** `np.rad2deg`: x * 180 / pi (method form of `np.rad2deg`). */
  rad2deg(options?: UfuncOptions): NDArray {
    return math.rad2deg(this, options);
  }

  /** `np.floor`: integers (and bools) are returned unchanged in their own dtype, as NumPy 2 (method form of `np.floor`). */
  floor(options?: UfuncOptions): NDArray {
    return math.floor(this, options);
  }

  /** `np.ceil`: integers unchanged, as NumPy 2 (method form of `np.ceil`). */
  ceil(options?: UfuncOptions): NDArray {
    return math.ceil(this, options);
  }

  /** `np.trunc`: round toward zero; integers unchanged, as NumPy 2 (method form of `np.trunc`). */
  trunc(options?: UfuncOptions): NDArray {
    return math.trunc(this, options);
  }

  /** `np.arctan2(y, x)`: the angle of (x, y) (method form of `np.arctan2`). */
  arctan2(other: ArrayLike, options?: UfuncOptions): NDArray {
    return math.arctan2(this, other, options);
  }

  /** `np.hypot`: sqrt(a^2 + b^2) without overflow (method form of `np.hypot`). */
  hypot(other: ArrayLike, options?: UfuncOptions): NDArray {
    return math.hypot(this, other, options);
  }

  /** `np.heaviside(x, h0)`: 0 for x < 0, h0 at 0, 1 for x > 0; NaN stays NaN (method form of `np.heaviside`). */
  heaviside(other: ArrayLike, options?: UfuncOptions): NDArray {
    return math.heaviside(this, other, options);
  }

  /** `np.maximum`: the larger element; NaN propagates (NumPy: `a > b || isnan(a) ? a : b`) (method form of `np.maximum`). */
  maximum(other: ArrayLike, options?: UfuncOptions): NDArray {
    return math.maximum(this, other, options);
  }

  /** `np.minimum`: the smaller element; NaN propagates (method form of `np.minimum`). */
  minimum(other: ArrayLike, options?: UfuncOptions): NDArray {
    return math.minimum(this, other, options);
  }

  /** `np.fmax`: the larger element, ignoring a NaN when the other is a number (method form of `np.fmax`). */
  fmax(other: ArrayLike, options?: UfuncOptions): NDArray {
    return math.fmax(this, other, options);
  }

  /** `np.fmin`: the smaller element, ignoring a NaN when the other is a number (method form of `np.fmin`). */
  fmin(other: ArrayLike, options?: UfuncOptions): NDArray {
    return math.fmin(this, other, options);
  }

  /** Comparison, logical, bitwise and classification ufuncs as records. Comparisons and (method form of `np.equal`). */
  equal(other: ArrayLike, options?: UfuncOptions): NDArray {
    return logic.equal(this, other, options);
  }

  /** `np.not_equal`: a != b (NaN != NaN is true) (method form of `np.notEqual`). */
  notEqual(other: ArrayLike, options?: UfuncOptions): NDArray {
    return logic.notEqual(this, other, options);
  }

  /** `np.less`: a < b (method form of `np.less`). */
  less(other: ArrayLike, options?: UfuncOptions): NDArray {
    return logic.less(this, other, options);
  }

  /** `np.less_equal`: a <= b (method form of `np.lessEqual`). */
  lessEqual(other: ArrayLike, options?: UfuncOptions): NDArray {
    return logic.lessEqual(this, other, options);
  }

  /** `np.greater`: a > b (method form of `np.greater`). */
  greater(other: ArrayLike, options?: UfuncOptions): NDArray {
    return logic.greater(this, other, options);
  }

  /** `np.greater_equal`: a >= b (method form of `np.greaterEqual`). */
  greaterEqual(other: ArrayLike, options?: UfuncOptions): NDArray {
    return logic.greaterEqual(this, other, options);
  }

  /** `np.logical_and` (identity true: `np.all` is its reduction) (method form of `np.logicalAnd`). */
  logicalAnd(other: ArrayLike, options?: UfuncOptions): NDArray {
    return logic.logicalAnd(this, other, options);
  }

  /** `np.logical_or` (identity false: `np.any` is its reduction) (method form of `np.logicalOr`). */
  logicalOr(other: ArrayLike, options?: UfuncOptions): NDArray {
    return logic.logicalOr(this, other, options);
  }

  /** `np.logical_xor` (method form of `np.logicalXor`). */
  logicalXor(other: ArrayLike, options?: UfuncOptions): NDArray {
    return logic.logicalXor(this, other, options);
  }

  /** `np.logical_not` (method form of `np.logicalNot`). */
  logicalNot(options?: UfuncOptions): NDArray {
    return logic.logicalNot(this, options);
  }

  /** `np.bitwise_and` (method form of `np.bitwiseAnd`). */
  bitwiseAnd(other: ArrayLike, options?: UfuncOptions): NDArray {
    return logic.bitwiseAnd(this, other, options);
  }

  /** `np.bitwise_or` (method form of `np.bitwiseOr`). */
  bitwiseOr(other: ArrayLike, options?: UfuncOptions): NDArray {
    return logic.bitwiseOr(this, other, options);
  }

  /** `np.bitwise_xor` (method form of `np.bitwiseXor`). */
  bitwiseXor(other: ArrayLike, options?: UfuncOptions): NDArray {
    return logic.bitwiseXor(this, other, options);
  }

  /** `np.invert` (`~x`): bitwise not; logical not on bools (method form of `np.invert`). */
  invert(options?: UfuncOptions): NDArray {
    return logic.invert(this, options);
  }

  /** `np.isnan` (method form of `np.isnan`). */
  isnan(options?: UfuncOptions): NDArray {
    return logic.isnan(this, options);
  }

  /** `np.isinf` (method form of `np.isinf`). */
  isinf(options?: UfuncOptions): NDArray {
    return logic.isinf(this, options);
  }

  /** `np.isfinite` (method form of `np.isfinite`). */
  isfinite(options?: UfuncOptions): NDArray {
    return logic.isfinite(this, options);
  }

  /** Alias of {@link NDArray.subtract} (PyTorch/tfjs name). */
  sub(other: ArrayLike, options?: UfuncOptions): NDArray {
    return arith.subtract(this, other, options);
  }

  /** Alias of {@link NDArray.multiply} (PyTorch/tfjs name). */
  mul(other: ArrayLike, options?: UfuncOptions): NDArray {
    return arith.multiply(this, other, options);
  }

  /** Alias of {@link NDArray.divide} (PyTorch/tfjs name). */
  div(other: ArrayLike, options?: UfuncOptions): NDArray {
    return arith.divide(this, other, options);
  }

  /** Alias of {@link NDArray.power} (PyTorch/tfjs name). */
  pow(other: ArrayLike, options?: UfuncOptions): NDArray {
    return arith.power(this, other, options);
  }

  /** Alias of {@link NDArray.negative} (PyTorch/tfjs name). */
  neg(options?: UfuncOptions): NDArray {
    return arith.negative(this, options);
  }
}

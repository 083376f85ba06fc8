/**
 * The NDArray class: a strided view `{data, shape, strides, offset, dtype}` over a
 * TypedArray, as NumPy's ndarray (strides counted in elements, not bytes). Properties are
 * computed here; every operation is a one-line delegation to `ops/` or `ufunc/`.
 */
import { DTYPES, type DType, type TypedArray } from './dtype/dtypes.js';
import { isCContiguous, isFContiguous, sizeOf } from './shape/shape.js';
import { ValueError } from './errors.js';

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

class ArrayFlags implements Flags {
  readonly cContiguous: boolean;
  readonly fContiguous: boolean;
  readonly ownsData: boolean;
  #writeable: boolean;
  readonly #base: NDArray | null;

  constructor(c: boolean, f: boolean, owns: boolean, writeable: boolean, base: NDArray | null) {
    this.cContiguous = c;
    this.fContiguous = f;
    this.ownsData = owns;
    this.#writeable = writeable;
    this.#base = base;
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
  /** Length of each axis. */
  readonly shape: number[];
  /** Step between neighbours along each axis, in elements (NumPy's are in bytes). */
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
    this.shape = Object.freeze(shape.slice()) as number[];
    this.strides = Object.freeze(strides.slice()) as number[];
    this.offset = offset;
    this.dtype = dtype;
    const root = base === null ? null : base.base ?? base;
    this.base = root;
    const w = writeable && (base === null || base.flags.writeable);
    this.flags = new ArrayFlags(isCContiguous(shape, strides), isFContiguous(shape, strides), root === null, w, base);
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
}

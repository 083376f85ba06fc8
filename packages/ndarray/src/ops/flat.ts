/**
 * `a.flat` (API.md "Porting essentials"): NumPy's `flatiter`, a 1-d read/write window on
 * an array's elements in C order, whatever its memory layout. An index selects flat
 * positions (an integer, a slice, `'...'`, an integer array of any shape, or a 1-d bool
 * mask); positions become memory offsets through the strides, so reads and writes go
 * straight to the array's buffer.
 */
import { NDArray } from '../ndarray.js';
import { IndexError, ValueError, flatIndexError, indexArrayTypeError } from '../errors.js';
import { Slice, parseSlice, resolveSlice } from '../shape/index-parse.js';
import { asarray, isScalar, type ArrayLike, type Scalar } from './convert.js';
import { copyOf, emptyArray } from './assign.js';
import { flatten } from './shape.js';
import { isIntegerDType, type Elements } from './porting-args.js';

/** An index of {@link FlatIter}: an integer, a slice (`'1:4'`, `np.s(...)`), `'...'`, an integer array or list, or a 1-d bool mask. */
export type FlatIndex = number | string | Slice | NDArray | readonly number[] | readonly boolean[] | readonly (readonly number[])[];

/** Flat C-order positions selected by an index, and the result's shape. */
interface Selection {
  positions: Float64Array;
  shape: number[];
}

function flatItemError(): IndexError {
  return new IndexError('only integers, slices (`:`), ellipsis (`...`) and integer or boolean arrays are valid indices');
}

/**
 * `a.flat`: the elements of `a` as a 1-d sequence in C order (NumPy's `flatiter`). Reading
 * with an integer gives a JS scalar (a number, a boolean for bool, a bigint for 64-bit
 * integers, as `item`); with a slice, `'...'`, an index array or a mask, a new 1-d (index
 * arrays: index-shaped) array. Writing converts the value to `a.dtype` and repeats it
 * cyclically over the selection when it is shorter, as NumPy does. Iterating yields the
 * elements. NumPy refuses a list of booleans as a flat index; numbat takes it as a mask. A
 * non-integer number index throws (NumPy 2.4 truncates it, with a deprecation warning).
 *
 * @example
 * const a = np.arange(6).reshape(2, 3);
 * const f = new np.FlatIter(a); // a.flat
 * f.get(4); // 4
 * f.get('1:4').tolist(); // [1, 2, 3]
 * f.set([0, 5], -1); // a is [[-1, 1, 2], [3, 4, -1]]
 * [...f].length; // 6
 */
export class FlatIter implements Iterable<Scalar> {
  /** The array iterated over (NumPy's `flatiter.base`). */
  readonly base: NDArray;

  /** A flat view of `base`; nothing is copied. */
  constructor(base: NDArray) {
    if (!(base instanceof NDArray)) throw new TypeError('FlatIter needs an NDArray');
    this.base = base;
  }

  /** Number of elements (`len(a.flat)`). */
  get length(): number {
    return this.base.size;
  }

  /** Memory offset of the flat C-order position `p` of the base array. */
  #offset(p: number): number {
    const a = this.base;
    if (a.flags.cContiguous) return a.offset + p;
    let r = p;
    let off = a.offset;
    for (let d = a.ndim - 1; d >= 0; d--) {
      const n = a.shape[d]!;
      off += (r % n) * a.strides[d]!;
      r = Math.floor(r / n);
    }
    return off;
  }

  /** A JS value of the element at memory offset `off`. */
  #element(off: number): Scalar {
    const v = (this.base.data as unknown as Elements)[off]!;
    return this.base.dtype === 'bool' ? v !== 0 : v;
  }

  /** A single integer position, bounds-checked with NumPy's flat message. */
  #position(i: number): number {
    if (!Number.isInteger(i)) throw flatItemError();
    const n = this.base.size;
    if (i < -n || i >= n) throw flatIndexError(i, n);
    return i < 0 ? i + n : i;
  }

  /**
   * The positions an index selects (integers excluded: they are handled as scalars). With
   * `checkBounds` false, index arrays are not bounds-checked yet ({@link FlatIter.set}
   * checks them only when there is a value to write, as NumPy).
   */
  #select(index: Exclude<FlatIndex, number>, checkBounds = true): Selection {
    const n = this.base.size;
    if (typeof index === 'string' || index instanceof Slice) {
      if (index === '...') return { positions: Float64Array.from({ length: n }, (_, k) => k), shape: [n] };
      if (typeof index === 'string' && !index.includes(':')) throw flatItemError();
      const r = resolveSlice(typeof index === 'string' ? parseSlice(index) : index, n);
      const positions = new Float64Array(r.count);
      for (let k = 0; k < r.count; k++) positions[k] = r.start + k * r.step;
      return { positions, shape: [r.count] };
    }
    if (index === null || typeof index !== 'object') throw flatItemError();
    const isBoolList = Array.isArray(index) && index.length > 0 && index.every((x) => typeof x === 'boolean');
    const idx = index instanceof NDArray ? index : isBoolList ? asarray(index as boolean[]) : Array.isArray(index) && index.length === 0 ? emptyArray([0], 'int32') : asarray(index as readonly number[]);
    if (idx.dtype === 'bool') {
      if (idx.ndim !== 1) throw new IndexError(`too many indices for flat iterator: flat iterator is 1-dimensional, but ${idx.ndim} were indexed`);
      if (idx.size !== n) {
        throw new IndexError(
          `boolean index did not match indexed flat iterator along axis 0; size of axis is ${n} but size of corresponding boolean axis is ${idx.size}`,
        );
      }
      const mask = copyOf(idx).data as Uint8Array;
      const out: number[] = [];
      for (let k = 0; k < n; k++) if (mask[k]) out.push(k);
      return { positions: Float64Array.from(out), shape: [out.length] };
    }
    if (!isIntegerDType(idx.dtype)) throw indexArrayTypeError();
    const positions = copyOf(idx, 'float64').data as Float64Array;
    if (checkBounds) FlatIter.#normalize(positions, n);
    return { positions, shape: idx.shape.slice() };
  }

  /** Bounds-checks flat positions (NumPy's flat message) and counts negative ones from the end. */
  static #normalize(positions: Float64Array, n: number): void {
    for (let k = 0; k < positions.length; k++) {
      const v = positions[k]!;
      if (v < -n || v >= n) throw flatIndexError(v, n);
      if (v < 0) positions[k] = v + n;
    }
  }

  /**
   * `a.flat[index]`: a JS scalar for an integer index (negative counts from the end), else
   * a new array of the selected elements (1-d for slices, `'...'` and masks; the index's
   * shape for index arrays).
   */
  get(index: number): Scalar;
  get(index: Exclude<FlatIndex, number>): NDArray;
  get(index: FlatIndex): Scalar | NDArray;
  get(index: FlatIndex): Scalar | NDArray {
    if (typeof index === 'number') return this.#element(this.#offset(this.#position(index)));
    const { positions, shape } = this.#select(index);
    const out = emptyArray(shape, this.base.dtype);
    const dst = out.data as unknown as Elements;
    const src = this.base.data as unknown as Elements;
    for (let k = 0; k < positions.length; k++) dst[k] = src[this.#offset(positions[k]!)]!;
    return out;
  }

  /**
   * `a.flat[index] = value`, in place. `value` is converted to the array's dtype (JS
   * integers must fit it) and repeated cyclically over the selection when shorter; an
   * empty value writes nothing (index arrays are then not bounds-checked, as NumPy). An
   * integer index takes one scalar value (anything else throws NumPy's `ValueError`, `Error
   * setting single item of array.`), except that a bool element takes the truth of a list
   * (its length) or of a one-element array, as NumPy does. Throws
   * `ValueError` (`underlying array is read-only`) for a read-only array.
   */
  set(index: FlatIndex, value: ArrayLike): void {
    const a = this.base;
    if (!a.flags.writeable) throw new ValueError('underlying array is read-only');
    const dst = a.data as unknown as Elements;
    if (typeof index === 'number') {
      const off = this.#offset(this.#position(index));
      if (a.dtype === 'bool' && !isScalar(value)) {
        // a bool element takes the truth of a sequence, as Python's bool(): a list's is its
        // length; an array's needs exactly one element
        if (Array.isArray(value)) {
          dst[off] = value.length > 0 ? 1 : 0;
          return;
        }
        const v = asarray(value);
        if (v.size !== 1) throw new ValueError('Error setting single item of array.');
        dst[off] = (copyOf(v, 'bool').data as Uint8Array)[0]!;
        return;
      }
      let v: NDArray;
      try {
        v = value instanceof NDArray || ArrayBuffer.isView(value) ? asarray(value) : asarray(value, { dtype: a.dtype });
      } catch {
        throw new ValueError('Error setting single item of array.');
      }
      if (v.ndim !== 0) throw new ValueError('Error setting single item of array.');
      dst[off] = (copyOf(v, a.dtype).data as unknown as Elements)[0]!;
      return;
    }
    const { positions } = this.#select(index, false);
    const values = value instanceof NDArray || ArrayBuffer.isView(value) ? copyOf(asarray(value), a.dtype) : copyOf(asarray(value, { dtype: a.dtype }));
    const nv = values.size;
    if (nv === 0) return; // NumPy checks no index bounds then
    FlatIter.#normalize(positions, a.size);
    const src = values.data as unknown as Elements;
    for (let k = 0; k < positions.length; k++) dst[this.#offset(positions[k]!)] = src[k % nv]!;
  }

  /** A 1-d copy of the elements in C order (`a.flat.copy()`, as `a.flatten()`). */
  copy(): NDArray {
    return flatten(this.base);
  }

  /** The elements in C order, as JS scalars. */
  *[Symbol.iterator](): Iterator<Scalar> {
    const a = this.base;
    const n = a.size;
    if (n === 0) return;
    const nd = a.ndim;
    const idx = new Array<number>(nd).fill(0);
    let off = a.offset;
    for (let k = 0; k < n; k++) {
      yield this.#element(off);
      for (let d = nd - 1; d >= 0; d--) {
        off += a.strides[d]!;
        if (++idx[d]! < a.shape[d]!) break;
        off -= a.shape[d]! * a.strides[d]!;
        idx[d] = 0;
      }
    }
  }

  /** The elements as a JS array (`list(a.flat)`). */
  toArray(): Scalar[] {
    return [...this];
  }
}


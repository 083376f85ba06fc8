/**
 * Gathers along an axis (API.md "Sorting and searching"): `take`, `takeAlongAxis`,
 * `putAlongAxis`.
 *
 * All three are integer-array indexing of `ops/indexing.ts` (`get`/`set`), as in NumPy:
 * `take` normalizes its indices by `mode` (raise, wrap, clip) with NumPy's checks and
 * order, then gathers with one index array placed at `axis`; the along-axis functions
 * build NumPy's fancy index (orthogonal aranges with the given indices at `axis`), so the
 * broadcasting, bounds and assignment rules (and messages) are those of indexing.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES } from '../dtype/dtypes.js';
import { normalizeAxis } from '../shape/shape.js';
import { DTypeError, IndexError, ValueError, arrayCastError, intConversionError, readOnlyError } from '../errors.js';
import { asarray, type ArrayLike } from './convert.js';
import { assign, copyOf, emptyArray } from './assign.js';
import { get, set, type IndexItem } from './indexing.js';
import { reshape } from './shape.js';
import { axisAndOptions, clipMode, laneAxis, type TakeMode } from './sort-args.js';

/** Options of {@link take}. */
export interface TakeOptions {
  /** Axis to take along; `null` (default) takes from the flattened array. */
  axis?: number | null;
  /** Out-of-range indices: `'raise'` (default) throws, `'wrap'` wraps around, `'clip'` clamps. */
  mode?: TakeMode;
}

/**
 * The indices of `take` as an array in C order: integer or bool arrays as they are; JS
 * numbers and lists converted as Python ints (floats truncated, as NumPy's conversion to
 * intp); a float NDArray refused with NumPy's casting error.
 */
function takeIndices(indices: ArrayLike): NDArray {
  const isArray = indices instanceof NDArray || ArrayBuffer.isView(indices);
  const idx = asarray(indices);
  if (DTYPES[idx.dtype].kind === 'f') {
    if (isArray && idx.ndim > 0) throw arrayCastError(idx.dtype, 'int64', 'same_kind');
    if (isArray) throw new DTypeError(`Cannot cast scalar from dtype('${idx.dtype}') to dtype('int64') according to the rule 'same_kind'`);
    const c = copyOf(idx);
    for (const v of c.data as Float64Array) {
      if (Number.isNaN(v)) throw intConversionError('nan');
      if (!Number.isFinite(v)) throw intConversionError('inf');
    }
    return c; // truncated when read
  }
  return copyOf(idx);
}

/**
 * Positions `[0, max)` for the indices `d[0..n)` by `mode` into `pd` (NumPy's
 * `npy_fasttake`; `raise` checks in C order and throws the first bad index).
 */
function modeIndices(d: { readonly [i: number]: number | bigint }, n: number, pd: Int32Array, max: number, mode: TakeMode, big: boolean, axis: number): void {
  for (let j = 0; j < n; j++) {
    // intp semantics: float lists truncate, uint64 beyond int64 wraps negative
    const raw = d[j]!;
    const v = big ? Number(BigInt.asIntN(64, raw as bigint)) : Math.trunc(raw as number);
    if (mode === 'raise') {
      if (v < -max || v >= max) {
        // NumPy's indexError message, with a 64-bit index printed exactly
        const shown = big ? String(BigInt.asIntN(64, raw as bigint)) : String(v);
        throw new IndexError(`index ${shown} is out of bounds for axis ${axis} with size ${max}`);
      }
      pd[j] = v < 0 ? v + max : v;
    } else if (max === 0) pd[j] = 0;
    else if (mode === 'wrap') pd[j] = big && Math.abs(v) >= 2 ** 53 ? Number((BigInt.asIntN(64, BigInt(raw)) % BigInt(max) + BigInt(max)) % BigInt(max)) : ((v % max) + max) % max;
    else pd[j] = v < 0 ? 0 : v >= max ? max - 1 : v;
  }
}

/**
 * Elements of an array at the given indices along an axis (`np.take`): with `axis: null`
 * (the default) from the flattened array. The result has shape `a.shape[:axis] +
 * indices.shape + a.shape[axis+1:]`. Out-of-range indices throw `IndexError` (`mode:
 * 'raise'`, negative indices count from the end), wrap around (`'wrap'`) or are clamped
 * (`'clip'`). Returns a 0-d array where NumPy returns a scalar.
 *
 * @example
 * np.take([4, 3, 5, 7], [0, 2]).tolist(); // [4, 5]
 * np.take([[1, 2], [3, 4]], [1], 1).tolist(); // [[2], [4]]
 * np.take([4, 3, 5], 7, { mode: 'wrap' }).item(); // 3
 */
export function take(a: ArrayLike, indices: ArrayLike, axis?: number | null | TakeOptions, options?: TakeOptions): NDArray {
  const { axis: ax0, o } = axisAndOptions<TakeOptions>('take', axis, options, null);
  const mode = clipMode(o.mode);
  const { arr, axis: ax } = laneAxis(asarray(a), ax0, true);
  const idx = takeIndices(indices);
  const ishape = idx.shape;
  const max = arr.shape[ax]!;
  let outer = 1;
  let inner = 1;
  arr.shape.forEach((d, i) => (i < ax ? (outer *= d) : i > ax ? (inner *= d) : 0));
  const resultSize = outer * idx.size * inner;
  if (max === 0 && resultSize !== 0) throw new IndexError('cannot do a non-empty take from an empty axes.');
  const shape = [...arr.shape.slice(0, ax), ...ishape, ...arr.shape.slice(ax + 1)];
  if (outer === 0) return emptyArray(shape, arr.dtype); // NumPy checks no index then
  const pos = emptyArray(ishape, 'int32');
  const info = DTYPES[idx.dtype];
  modeIndices(idx.data as unknown as { [i: number]: number | bigint }, idx.size, pos.data as Int32Array, max, mode, info.bigint, ax);
  if (resultSize === 0) return emptyArray(shape, arr.dtype);
  const index: IndexItem[] = new Array<IndexItem>(ax).fill(':');
  index.push(pos);
  return get(arr, ...index);
}

/** NumPy's `_make_along_axis_idx`: orthogonal aranges with `indices` at `axis`. */
function alongAxisIndex(shape: readonly number[], indices: NDArray, axis: number): NDArray[] {
  const kind = DTYPES[indices.dtype].kind;
  if (kind !== 'i' && kind !== 'u') throw new IndexError('`indices` must be an integer array');
  if (shape.length !== indices.ndim) throw new ValueError('`indices` and `arr` must have the same number of dimensions');
  return shape.map((n, d) => {
    if (d === axis) return indices;
    const r = emptyArray([n], 'int32');
    const rd = r.data as Int32Array;
    for (let i = 0; i < n; i++) rd[i] = i;
    return reshape(r, shape.map((_, k) => (k === d ? n : 1)));
  });
}

/**
 * Picks values along an axis by index arrays of the array's rank (`np.take_along_axis`):
 * `result[i, j] = arr[i, indices[i, j]]` for `axis` 1, with `indices` broadcasting against
 * the other axes (as argsort, argpartition and argmax with keepdims produce them). `axis:
 * null` works on the flattened array and needs 1-d indices. Default axis -1 (NumPy 2.3+).
 *
 * @example
 * const a = np.array([[10, 30, 20], [60, 40, 50]]);
 * np.takeAlongAxis(a, np.argsort(a, 1), 1).tolist(); // [[10, 20, 30], [40, 50, 60]]
 */
export function takeAlongAxis(arr: ArrayLike, indices: ArrayLike, axis: number | null = -1): NDArray {
  let x = asarray(arr);
  const ind = asarray(indices);
  let ax: number;
  if (axis === null) {
    if (ind.ndim !== 1) throw new ValueError('when axis=None, `indices` must have a single dimension.');
    x = reshape(x, [-1]);
    ax = 0;
  } else ax = normalizeAxis(axis, x.ndim);
  return get(x, ...alongAxisIndex(x.shape, ind, ax));
}

/**
 * Writes values into an array in place along an axis (`np.put_along_axis`):
 * `arr[i, indices[i, j]] = values[i, j]` for `axis` 1, `values` broadcasting against the
 * selection and converted to `arr`'s dtype as an assignment (JS numbers that do not fit an
 * integer dtype throw `OverflowError`). With repeated indices the last write wins. `axis:
 * null` writes into the flattened (C-order) array and needs 1-d indices; NumPy 2.4 writes
 * into a copy there for a non-contiguous `arr` (and then refuses it as read-only), numbat
 * writes into `arr`.
 *
 * @example
 * const a = np.array([[10, 30, 20], [60, 40, 50]]);
 * np.putAlongAxis(a, np.argmax(a, 1, { keepdims: true }), 99, 1);
 * a.tolist(); // [[10, 99, 20], [99, 40, 50]]
 */
export function putAlongAxis(arr: NDArray, indices: ArrayLike, values: ArrayLike, axis: number | null): void {
  if (!(arr instanceof NDArray)) throw new DTypeError('put_along_axis() needs an NDArray to write into');
  const ind = asarray(indices);
  if (axis === null) {
    if (ind.ndim !== 1) throw new ValueError('when axis=None, `indices` must have a single dimension.');
    const copied = !arr.flags.cContiguous;
    const flat = reshape(copied ? copyOf(arr) : arr, [-1]);
    const index = alongAxisIndex(flat.shape, ind, 0);
    if (!arr.flags.writeable) throw readOnlyError();
    set(flat, index, values);
    if (copied) assign(arr, reshape(flat, arr.shape));
    return;
  }
  const ax = normalizeAxis(axis, arr.ndim);
  set(arr, alongAxisIndex(arr.shape, ind, ax), values);
}

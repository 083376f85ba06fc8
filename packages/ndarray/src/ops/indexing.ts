/**
 * Indexing (API.md "NDArray: Indexing"): `get` (`a[index]`), `set` (`a[index] = v`),
 * `item`, `tolist` and `iterate`, with NumPy's semantics.
 *
 * Basic indexing (integers, slices, `'...'`, `null`) is a view computed by
 * `shape/index-parse.ts`. Advanced indexing (integer and boolean arrays) works on that view:
 * the index arrays are broadcast together and folded into one table of element offsets
 * (each index array contributes `index * stride` of the axis it indexes, a mask the
 * offsets of its set elements in C order), then one strided loop over the result gathers
 * `data[p + offs[q]]` or scatters into it (`kernels/gather-scatter.ts`). Where the
 * advanced axes go is NumPy's rule: next to each other in the index, they replace their
 * axes in place; separated by a slice, newaxis or ellipsis, they come first.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, type DType } from '../dtype/dtypes.js';
import { weakScalarValue } from '../dtype/cast.js';
import { broadcastShapes, broadcastStrides } from '../shape/broadcast.js';
import { cStrides, sizeOf } from '../shape/shape.js';
import { parseIndex, type AdvancedIndex, type IndexItem, type IndexPlan } from '../shape/index-parse.js';
import { stridedLoop } from '../iter/strided-loop.js';
import type { Buf } from '../kernels/elementwise.js';
import { addKernel, gatherKernel, indexOffsetsKernel, maskOffsetsKernel, scatterKernel, type BoundsState } from '../kernels/gather-scatter.js';
import {
  assignBroadcastError,
  DTypeError,
  fancyAssignShapeError,
  flatIndexError,
  indexBroadcastError,
  indexError,
  intConversionError,
  itemIndicesError,
  itemSizeError,
  maskAssignCountError,
  maskAssignNdimError,
  readOnlyError,
  sequenceError,
  ValueError,
  weakOverflowError,
  zeroDimIterationError,
} from '../errors.js';
import { asarray, isScalar, type ArrayLike, type Scalar } from './convert.js';
import { assign, copyOf, emptyArray, sharesBuffer } from './assign.js';
import { view } from './shape.js';

export { Slice, s, type IndexItem } from '../shape/index-parse.js';

type OffsetTable = Int32Array | Float64Array;

/** The advanced part of an index, laid out over the result: shapes, strides and offsets. */
interface Advanced {
  /** Shape of the indexing result. */
  outShape: number[];
  /** Broadcast shape of the index arrays. */
  bshape: number[];
  /** Per result axis: step in the offsets table (index axes) and in the data (subspace axes). */
  offStrides: number[];
  dataStrides: number[];
  /** Data offset of the first element, integer indices included. */
  base: number;
  /** Index arrays (and masks' offset tables) still to fold into the offsets table. */
  parts: { adv: AdvancedIndex; table: OffsetTable | null }[];
  tableType: typeof Int32Array | typeof Float64Array;
}

/** Offsets of the elements a mask selects, in C order over the view axes it covers. */
function maskTable(plan: IndexPlan, adv: AdvancedIndex, T: typeof Int32Array | typeof Float64Array): OffsetTable {
  const mask0 = adv.array!;
  // C order of the mask decides the order of the result: walk a C-contiguous mask first
  const mask = mask0.flags.cContiguous ? mask0 : copyOf(mask0);
  const out = new T(mask.size);
  const state = { count: 0 };
  const axesStrides = plan.strides.slice(adv.axis, adv.axis + adv.span);
  stridedLoop(mask.shape, [mask.strides, axesStrides], [mask.offset, 0], maskOffsetsKernel(out as unknown as Buf, mask.data as unknown as Buf, state));
  return out.subarray(0, state.count);
}

/**
 * Lays out the advanced part of `plan`: broadcasts the index arrays (NumPy's "shape
 * mismatch" error otherwise) and places the broadcast axes in the result.
 */
function advancedLayout(a: NDArray, plan: IndexPlan): Advanced {
  const T = a.data.length <= 0x7fffffff ? Int32Array : Float64Array;
  let base = plan.offset;
  const parts: Advanced['parts'] = [];
  const shapes: number[][] = [];
  for (const adv of plan.advanced) {
    if (adv.kind === 'int') {
      base += adv.value * plan.strides[adv.axis]!;
    } else if (adv.kind === 'bool0') {
      shapes.push([adv.value]); // indexes a length-1 axis of stride 0: adds nothing to offsets
    } else if (adv.kind === 'array') {
      shapes.push(adv.array!.shape.slice());
      parts.push({ adv, table: null });
    } else {
      const table = maskTable(plan, adv, T);
      // NumPy lists a mask as its nonzero() arrays, one per mask axis
      for (let k = 0; k < adv.span; k++) shapes.push([table.length]);
      parts.push({ adv, table });
    }
  }
  let bshape: number[];
  try {
    bshape = broadcastShapes(...shapes);
  } catch (e) {
    if (e instanceof ValueError) throw indexBroadcastError(shapes);
    throw e;
  }
  const first = plan.advanced[0]!;
  const last = plan.advanced[plan.advanced.length - 1]!;
  const advAxes = new Set<number>();
  for (const adv of plan.advanced) for (let k = 0; k < adv.span; k++) advAxes.add(adv.axis + k);
  const bStrides = cStrides(bshape);
  const outShape: number[] = [];
  const offStrides: number[] = [];
  const dataStrides: number[] = [];
  const pushBasic = (ax: number): void => {
    outShape.push(plan.shape[ax]!);
    offStrides.push(0);
    dataStrides.push(plan.strides[ax]!);
  };
  const pushIndex = (): void => {
    bshape.forEach((d, k) => {
      outShape.push(d);
      offStrides.push(bStrides[k]!);
      dataStrides.push(0);
    });
  };
  if (plan.adjacent) {
    const end = last.axis + last.span;
    for (let ax = 0; ax < first.axis; ax++) pushBasic(ax);
    pushIndex();
    for (let ax = end; ax < plan.shape.length; ax++) pushBasic(ax);
  } else {
    pushIndex();
    for (let ax = 0; ax < plan.shape.length; ax++) if (!advAxes.has(ax)) pushBasic(ax);
  }
  return { outShape, bshape, offStrides, dataStrides, base, parts, tableType: T };
}

/**
 * The offsets table over the broadcast index shape (C order): the sum of every index
 * array's `index * stride`. Index arrays are bounds-checked here, in index order, and only
 * when the broadcast result is not empty (as NumPy).
 */
function offsetsTable(plan: IndexPlan, adv: Advanced): OffsetTable {
  const size = sizeOf(adv.bshape);
  const T = adv.tableType;
  if (size === 0) return new T(0);
  const only = adv.parts.length === 1 ? adv.parts[0]! : null;
  if (only !== null && only.table !== null && only.table.length === size) return only.table;
  const offs = new T(size);
  const cs = cStrides(adv.bshape);
  for (const { adv: ix, table } of adv.parts) {
    if (table !== null) {
      const st = broadcastStrides([table.length], [1], adv.bshape);
      stridedLoop(adv.bshape, [cs, st], [0, 0], addKernel(offs as unknown as Buf, table as unknown as Buf));
      continue;
    }
    const arr = ix.array!;
    const n = plan.shape[ix.axis]!;
    const state: BoundsState = { bad: null };
    const kernel = indexOffsetsKernel(offs as unknown as Buf, arr.data as unknown as Buf, DTYPES[arr.dtype].bigint, plan.strides[ix.axis]!, n, state);
    stridedLoop(adv.bshape, [cs, broadcastStrides(arr.shape, arr.strides, adv.bshape)], [0, arr.offset], kernel);
    if (state.bad !== null) throw indexError(Number(state.bad), ix.srcAxis, n);
  }
  return offs;
}

/**
 * `a[index]`: basic indexing (integers, slice strings such as `'1:3'` and `'::-1'`,
 * {@link Slice}s from `np.s`, `'...'`, `null` for a new axis) returns a view sharing `a`'s
 * memory; integer arrays (`NDArray` or `number[]`) and boolean masks (`NDArray` or
 * `boolean[]`) select a copy, with NumPy's placement of the advanced axes. Always returns
 * an `NDArray`: a 0-d view when every item is an integer (NumPy returns a scalar there;
 * use {@link item} for a JS value). Errors are NumPy's, in NumPy's order; when an index
 * array holds several out-of-bounds values, numbat reports the first in C order (NumPy's
 * choice follows its internal iteration order).
 *
 * @example
 * const a = np.arange(12).reshape(3, 4);
 * np.get(a, 1, '1:3').tolist(); // [5, 6]
 * np.get(a, [0, 2], 0).tolist(); // [0, 8]
 * np.get(a, '...', null).shape; // [3, 4, 1]
 */
export function get(a: ArrayLike, ...index: IndexItem[]): NDArray {
  const arr = asarray(a);
  const plan = parseIndex(arr, index);
  if (plan.advanced.length === 0) {
    const v = view(arr, plan.shape, plan.strides, plan.offset);
    return plan.copy ? copyOf(v) : v;
  }
  const adv = advancedLayout(arr, plan);
  const offs = offsetsTable(plan, adv);
  const out = emptyArray(adv.outShape, arr.dtype);
  stridedLoop(
    adv.outShape,
    [cStrides(adv.outShape), adv.offStrides, adv.dataStrides],
    [0, 0, adv.base],
    gatherKernel(out.data as unknown as Buf, offs as unknown as Buf, arr.data as unknown as Buf),
  );
  return out;
}

/**
 * A JS scalar as the value NumPy stores for `a[i] = x`: a bool or float target takes any
 * value; an integer target takes integral values within its range and throws NumPy's
 * `OverflowError` (`Python integer 300 out of bounds for uint8`), and for non-integral
 * numbers truncates toward zero, except NaN (`ValueError`) and infinities (`OverflowError`).
 */
function assignScalar(x: Scalar, dtype: DType): number | bigint {
  const d = DTYPES[dtype];
  if (d.kind === 'b' || d.kind === 'f' || typeof x === 'boolean') return weakScalarValue(x, dtype);
  let big: bigint;
  if (typeof x === 'bigint') big = x;
  else {
    if (Number.isNaN(x)) throw intConversionError('nan');
    if (!Number.isFinite(x)) throw intConversionError('inf');
    big = BigInt(Math.trunc(x));
  }
  // Python ints beyond C long (int64; uint64 for a uint64 target) fail before the range check
  if (big < -(2n ** 63n) || big > (dtype === 'uint64' ? 2n ** 64n - 1n : 2n ** 63n - 1n)) throw intConversionError('long');
  if (big < BigInt(d.min) || big > BigInt(d.max)) throw weakOverflowError(big, dtype);
  return d.bigint ? big : Number(big);
}

/** Runs {@link assignScalar}'s checks on every scalar of a nested list (integer targets only). */
function checkLeaves(list: readonly unknown[], dtype: DType): void {
  const kind = DTYPES[dtype].kind;
  if (kind === 'b' || kind === 'f') return;
  const stack: unknown[] = [list];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]); // C order: the first bad leaf throws
    else if (isScalar(v)) assignScalar(v, dtype);
  }
}

/**
 * The value of an assignment as an array. JS scalars and lists convert as Python scalars
 * do into `a.dtype` (with NumPy 2's overflow errors); a list may not be nested deeper
 * than `ndmax` (NumPy converts it with that limit for basic indexing). Arrays keep their
 * dtype: the copy into `a` casts them as NumPy's unsafe assignment does.
 */
function assignValue(value: ArrayLike, dtype: DType, ndmax: number | null): NDArray {
  if (value instanceof NDArray) return value;
  if (isScalar(value)) {
    const out = emptyArray([], dtype);
    (out.data as unknown as { [i: number]: number | bigint })[0] = assignScalar(value, dtype);
    return out;
  }
  if (Array.isArray(value)) {
    const arr = asarray(value, { dtype });
    if (ndmax !== null && arr.ndim > ndmax) throw sequenceError(ndmax);
    checkLeaves(value, dtype);
    return arr;
  }
  return asarray(value);
}

/** Drops leading length-1 axes while `v` has more than `ndim` axes (NumPy's assignment rule). */
function stripLeadingOnes(v: NDArray, ndim: number): NDArray {
  let k = 0;
  while (v.ndim - k > ndim && v.shape[k] === 1) k++;
  return k === 0 ? v : new NDArray(v.data, v.shape.slice(k), v.strides.slice(k), v.offset, v.dtype, v, v.flags.writeable);
}

function broadcastable(from: readonly number[], to: readonly number[]): boolean {
  const off = to.length - from.length;
  if (off < 0) return false;
  return from.every((d, i) => d === 1 || d === to[off + i]);
}

/** The items of a `set` index: one item, a tuple of items, or a `boolean[]` mask. */
function setItems(index: IndexItem | readonly IndexItem[]): readonly unknown[] {
  if (!Array.isArray(index)) return [index];
  if (index.length > 0 && index.every((x) => typeof x === 'boolean')) return [index];
  return index;
}

/**
 * `a[index] = value`. `index` is one item or an array of items (a JS `number[]` is a tuple
 * of integers, `a[1, 2]`; for fancy assignment pass an integer `NDArray`, or nest the list:
 * `[[0, 2]]`; a `boolean[]` is a mask). `value` broadcasts to the selection (leading
 * length-1 axes dropped, as NumPy) and is converted to `a.dtype`: JS numbers as Python
 * scalars (`uint8` and `300` throw `OverflowError`), arrays with NumPy's unsafe cast. With
 * repeated indices the last value in C order of the index wins (NumPy walks in memory
 * order when both the index arrays and the value are Fortran-ordered). Throws `ValueError`
 * when `a` is read-only. A JS `-0` stays `-0` in a float array.
 *
 * A value with one or more axes into a single element (`a[1, 2] = [5]`) throws NumPy 2's
 * `ValueError` (`setting an array element with a sequence.`), except into bool arrays,
 * which store its truth as NumPy does (NumPy raises a `TypeError` from `int()` for a list
 * into an integer array; numbat throws the `ValueError` there too).
 *
 * @example
 * const a = np.zeros([2, 3]);
 * np.set(a, [0, '1:'], 7);          // a[0, 1:] = 7
 * np.set(a, np.array([1]), [1, 2, 3]); // a[[1]] = [1, 2, 3]
 */
export function set(a: NDArray, index: IndexItem | readonly IndexItem[], value: ArrayLike): void {
  if (!a.flags.writeable) throw readOnlyError();
  const plan = parseIndex(a, setItems(index));
  if (plan.advanced.length === 0) {
    const dst = view(a, plan.shape, plan.strides, plan.offset);
    const value0 = assignValue(value, a.dtype, plan.fullInteger ? null : dst.ndim);
    if (plan.fullInteger && value0.ndim > 0) {
      // one element: NumPy 2 takes no sequence there, not even of length 1, except that a
      // bool element takes the truth of the value (a list's is its length, as in Python)
      if (a.dtype !== 'bool' || (!Array.isArray(value) && value0.size !== 1)) throw sequenceError();
      const truth = Array.isArray(value) ? value.length > 0 : item(value0) !== 0 && item(value0) !== false && item(value0) !== 0n;
      assign(dst, assignValue(truth, 'bool', null));
      return;
    }
    const v = stripLeadingOnes(value0, dst.ndim);
    if (!broadcastable(v.shape, dst.shape)) throw assignBroadcastError(v.shape, dst.shape);
    assign(dst, v);
    return;
  }
  const value0 = assignValue(value, a.dtype, null);
  const adv = advancedLayout(a, plan);
  if (plan.singleMask) {
    // NumPy's boolean-assignment path: a 0-d or 1-d value with one element per true or one
    if (value0.ndim > 1) throw maskAssignNdimError(value0.ndim);
    const count = adv.bshape[0]!;
    if (value0.ndim === 1 && value0.size !== count && value0.size !== 1) throw maskAssignCountError(value0.size, count);
  }
  const v = stripLeadingOnes(value0, adv.outShape.length);
  if (!broadcastable(v.shape, adv.outShape)) throw fancyAssignShapeError(value0.shape, adv.outShape);
  const offs = offsetsTable(plan, adv);
  if (sizeOf(adv.outShape) === 0) return;
  // values in a's dtype and out of a's memory, so the scatter is a plain store
  const src = v.dtype === a.dtype && !sharesBuffer(a, v) ? v : copyOf(v, a.dtype);
  stridedLoop(
    adv.outShape,
    [adv.offStrides, adv.dataStrides, broadcastStrides(src.shape, src.strides, adv.outShape)],
    [0, adv.base, src.offset],
    scatterKernel(offs as unknown as Buf, a.data as unknown as Buf, src.data as unknown as Buf),
  );
}

/** A JS element: number, or boolean for bool, or bigint for int64/uint64. */
function element(a: NDArray, pos: number): number | boolean | bigint {
  const v = (a.data as unknown as { [i: number]: number | bigint })[pos]!;
  return a.dtype === 'bool' ? v !== 0 : v;
}

/**
 * One element as a JS value (`ndarray.item`): a `number`, a `boolean` for bool, a `bigint`
 * for int64/uint64. With no argument the array must have one element; with one integer
 * and more than one axis it is a flat (C-order) index; otherwise one integer per axis.
 * Negative indices count from the end.
 *
 * @example
 * const a = np.arange(6).reshape(2, 3);
 * np.item(a, 1, -1); // 5
 * np.item(a, 4); // 4
 */
export function item(a: ArrayLike, ...ints: number[]): number | boolean | bigint {
  const arr = asarray(a);
  for (const i of ints) {
    if (!Number.isInteger(i)) throw new DTypeError(`'${typeof i === 'number' ? 'float' : typeof i}' object cannot be interpreted as an integer`);
  }
  let pos = arr.offset;
  if (ints.length === 0) {
    if (arr.size !== 1) throw itemSizeError();
  } else if (ints.length === arr.ndim) {
    ints.forEach((i, d) => {
      const n = arr.shape[d]!;
      if (i < -n || i >= n) throw indexError(i, d, n);
      pos += (i < 0 ? i + n : i) * arr.strides[d]!;
    });
  } else if (ints.length === 1) {
    const size = arr.size;
    let r = ints[0]!;
    if (r < -size || r >= size) throw flatIndexError(r, size);
    if (r < 0) r += size;
    for (let d = arr.ndim - 1; d >= 0; d--) {
      const n = arr.shape[d]!;
      pos += (r % n) * arr.strides[d]!;
      r = Math.floor(r / n);
    }
  } else throw itemIndicesError();
  return element(arr, pos);
}

/** A JS value of {@link tolist}: a number, boolean or bigint, or nested arrays of them. */
export type NestedList = Array<number | boolean | bigint | NestedList>;

/**
 * The array as nested JS arrays (`ndarray.tolist`): numbers, booleans for bool, bigints
 * for int64/uint64; a 0-d array gives its scalar.
 *
 * @example
 * np.tolist(np.arange(4).reshape(2, 2)); // [[0, 1], [2, 3]]
 */
export function tolist(a: ArrayLike): number | boolean | bigint | NestedList {
  const arr = asarray(a);
  const nd = arr.ndim;
  if (nd === 0) return element(arr, arr.offset);
  const build = (d: number, pos: number): NestedList => {
    const n = arr.shape[d]!;
    const st = arr.strides[d]!;
    const out: NestedList = new Array(n);
    if (d === nd - 1) for (let i = 0; i < n; i++) out[i] = element(arr, pos + i * st);
    else for (let i = 0; i < n; i++) out[i] = build(d + 1, pos + i * st);
    return out;
  };
  return build(0, arr.offset);
}

function* rows(arr: NDArray): Generator<NDArray, void, undefined> {
  const shape = arr.shape.slice(1);
  const strides = arr.strides.slice(1);
  for (let i = 0; i < arr.shape[0]!; i++) yield view(arr, shape, strides, arr.offset + i * arr.strides[0]!);
}

/**
 * The sub-arrays along axis 0, as views (`for row in a`): yields `get(a, i)` for each `i`.
 * Throws `DTypeError` (a `TypeError`, as NumPy's) for a 0-d array.
 *
 * @example
 * for (const row of np.iterate(np.arange(6).reshape(2, 3))) row.shape; // [3]
 */
export function iterate(a: ArrayLike): Generator<NDArray, void, undefined> {
  const arr = asarray(a);
  if (arr.ndim === 0) throw zeroDimIterationError();
  return rows(arr);
}

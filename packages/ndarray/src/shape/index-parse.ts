/**
 * Index parsing: turns the items of `a.get(...index)` / `a.set(index, v)` into an
 * {@link IndexPlan}, following NumPy's `prepare_index` and `get_view_from_index`
 * (numpy/_core/src/multiarray/mapping.c).
 *
 * The plan is a strided view over the indexed array in which slices, newaxis and the
 * ellipsis are already applied (as in NumPy's "subspace" view), plus the list of advanced
 * (fancy) indices, each still holding its own axes of that view. With no advanced index,
 * the view is the result. Otherwise `ops/indexing.ts` broadcasts the advanced indices,
 * turns them into element offsets and gathers or scatters through them.
 *
 * Validation order is NumPy's: item kinds and the ellipsis count item by item, then "too
 * many indices", then boolean-mask shapes, then the bounds of integer scalars; the shape
 * and bounds of index arrays are checked later, by the gather/scatter.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES } from '../dtype/dtypes.js';
import {
  booleanIndexError,
  DTypeError,
  indexArrayTypeError,
  indexError,
  invalidIndexError,
  multipleEllipsisError,
  sliceStepError,
  sliceTypeError,
  tooManyIndicesError,
} from '../errors.js';
import { asarray } from '../ops/convert.js';

/**
 * A slice `start:stop:step`, as Python's `slice` object (and NumPy's `np.s_[start:stop:step]`).
 * `null` bounds take their defaults; `step` 0 is rejected when the slice is used, as Python does.
 *
 * @example
 * const sl = new np.Slice(1, null, 2); // 1::2
 * sl.indices(6); // [1, 6, 2]
 */
export class Slice {
  /** First index (negative counts from the end), or null for the default. */
  readonly start: number | null;
  /** Index to stop before (negative counts from the end), or null for the default. */
  readonly stop: number | null;
  /** Step (negative walks backwards), or null for 1. */
  readonly step: number | null;

  /** Throws `DTypeError` (Python's `TypeError`) when a bound is not an integer or null. */
  constructor(start: number | null = null, stop: number | null = null, step: number | null = null) {
    for (const v of [start, stop, step]) {
      if (v !== null && !(typeof v === 'number' && Number.isInteger(v))) throw sliceTypeError();
    }
    this.start = start;
    this.stop = stop;
    this.step = step;
  }

  /**
   * `[start, stop, step]` resolved for an axis of `length`, clipped into range: Python's
   * `slice.indices(length)`. Throws `ValueError` when the step is 0.
   */
  indices(length: number): [number, number, number] {
    const r = resolveSlice(this, length);
    return [r.start, r.stop, r.step];
  }

  /** The slice in index notation: `'1:3'`, `'::-1'`, `':'`. */
  toString(): string {
    const f = (v: number | null): string => (v === null ? '' : String(v));
    return this.step === null ? `${f(this.start)}:${f(this.stop)}` : `${f(this.start)}:${f(this.stop)}:${f(this.step)}`;
  }
}

/**
 * A {@link Slice}, as NumPy's `np.s_[start:stop:step]`: `np.s(1, 3)` is `1:3`,
 * `np.s(null, null, -1)` is `::-1`, `np.s()` is `:`. Arguments are positional as in the
 * slice notation, so `np.s(3)` is `3:` (Python's `slice(3)` would be `:3`).
 *
 * @example
 * np.get(np.arange(5), np.s(null, null, -1)).tolist(); // [4, 3, 2, 1, 0]
 */
export function s(start: number | null = null, stop: number | null = null, step: number | null = null): Slice {
  return new Slice(start, stop, step);
}

/** A slice resolved against an axis length: first index, stop, step and element count. */
export interface ResolvedSlice {
  start: number;
  stop: number;
  step: number;
  count: number;
}

/** A slice bound made non-negative and clipped into `[lower, upper]`; `dflt` when absent. */
function clipBound(v: number | null, dflt: number, length: number, lower: number, upper: number): number {
  if (v === null) return dflt;
  const x = v < 0 ? v + length : v;
  return x < lower ? lower : x > upper ? upper : x;
}

/** Python's `PySlice_GetIndicesEx`: resolves a slice against an axis of `length`. */
export function resolveSlice(sl: Slice, length: number): ResolvedSlice {
  const step = sl.step ?? 1;
  if (step === 0) throw sliceStepError();
  const lower = step < 0 ? -1 : 0;
  const upper = step < 0 ? length - 1 : length;
  const start = clipBound(sl.start, step < 0 ? upper : lower, length, lower, upper);
  const stop = clipBound(sl.stop, step < 0 ? lower : upper, length, lower, upper);
  let count = 0;
  if (step < 0) {
    if (stop < start) count = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) count = Math.floor((stop - start - 1) / step) + 1;
  return { start, stop, step, count };
}

const INT_RE = /^[+-]?\d+$/;
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a slice string (`'1:3'`, `'::-1'`, `':'`, `'-2:'`) into a {@link Slice}. Strings
 * that are not slice notation throw NumPy's `IndexError` for a string index; a bound
 * that is a number but not an integer throws the `TypeError` (`DTypeError`) Python gives
 * for `slice(1.5, 3)`.
 */
export function parseSlice(text: string): Slice {
  const cached = sliceCache.get(text);
  if (cached !== undefined) return cached;
  const sl = parseSliceText(text);
  if (sliceCache.size >= 256) sliceCache.clear();
  sliceCache.set(text, sl);
  return sl;
}

/** Recently parsed slice strings: indexing in a loop re-parses the same few strings. */
const sliceCache = new Map<string, Slice>();

function parseSliceText(text: string): Slice {
  const parts = text.split(':');
  if (parts.length < 2 || parts.length > 3) throw invalidIndexError();
  const bounds = parts.map((p) => {
    const t = p.trim();
    if (t === '') return null;
    if (INT_RE.test(t)) return Number(t);
    if (NUMBER_RE.test(t)) throw sliceTypeError();
    throw invalidIndexError();
  });
  return new Slice(bounds[0] ?? null, bounds[1] ?? null, bounds[2] ?? null);
}

/**
 * One item of an index: an integer, a slice string (`'1:3'`, `'::-1'`), `'...'`, `null`
 * (newaxis), a {@link Slice}, an integer array or `number[]` (fancy indexing) or a boolean
 * array or `boolean[]` (mask).
 */
export type IndexItem = number | string | null | Slice | NDArray | number[] | boolean[];

/** One advanced index of a plan: its kind, the view axes it covers and its data. */
export interface AdvancedIndex {
  /**
   * `int`: an integer next to index arrays (a 0-d index then); `array`: an integer array;
   * `mask`: a boolean array of one or more dimensions; `bool0`: a 0-d boolean, which adds
   * an axis of length 1 (true) or 0 (false) and consumes none.
   */
  readonly kind: 'int' | 'array' | 'mask' | 'bool0';
  /** First axis of the plan's view it indexes. */
  readonly axis: number;
  /** Number of view axes it covers (a mask's ndim; 1 otherwise). */
  readonly span: number;
  /** Axis of the indexed array it starts at (for error messages). */
  readonly srcAxis: number;
  /** The integer (already normalised and bounds-checked) for `int`; 1 or 0 for `bool0`. */
  readonly value: number;
  /** The index array for `array` and `mask`. */
  readonly array: NDArray | null;
}

/** A parsed index: the basic-indexing view and the advanced indices still to apply. */
export interface IndexPlan {
  /** Shape, strides and offset of the view with slices, newaxis and integers applied. */
  readonly shape: number[];
  readonly strides: number[];
  readonly offset: number;
  /** Advanced indices in index order; empty for basic indexing. */
  readonly advanced: AdvancedIndex[];
  /** The advanced indices sit next to each other in the index (no slice, newaxis or ellipsis between). */
  readonly adjacent: boolean;
  /** A 0-d integer array took part in a basic index: NumPy then returns a copy, not a view. */
  readonly copy: boolean;
  /** The index is one boolean array of the indexed array's number of dimensions (NumPy's `HAS_BOOL`). */
  readonly singleMask: boolean;
  /** One integer per axis and nothing else (`()` for a 0-d array): NumPy's scalar assignment path. */
  readonly fullInteger: boolean;
}

type Parsed =
  | { t: 'int'; v: number; scalarArray: boolean }
  | { t: 'slice'; sl: Slice }
  | { t: 'newaxis' }
  | { t: 'ellipsis' }
  | { t: 'array'; arr: NDArray }
  | { t: 'mask'; arr: NDArray }
  | { t: 'bool0'; v: number };

/** Reads the single element of a 0-d integer array as a number (exact up to 2**53). */
function scalarOf(a: NDArray): number {
  return Number((a.data as unknown as { [i: number]: number | bigint })[a.offset]!);
}

function classifyArray(arr: NDArray, fromList: boolean): Parsed {
  const kind = DTYPES[arr.dtype].kind;
  if (kind === 'b') return arr.ndim === 0 ? { t: 'bool0', v: scalarOf(arr) ? 1 : 0 } : { t: 'mask', arr };
  if (kind === 'f') throw fromList ? invalidIndexError() : indexArrayTypeError();
  return arr.ndim === 0 ? { t: 'int', v: scalarOf(arr), scalarArray: true } : { t: 'array', arr };
}

function classify(item: unknown): Parsed {
  if (typeof item === 'number') {
    if (!Number.isInteger(item)) throw invalidIndexError();
    return { t: 'int', v: item === 0 ? 0 : item, scalarArray: false };
  }
  if (typeof item === 'bigint') return { t: 'int', v: Number(item), scalarArray: false };
  if (typeof item === 'boolean') return { t: 'bool0', v: item ? 1 : 0 };
  if (item === null) return { t: 'newaxis' };
  if (typeof item === 'string') return item.trim() === '...' ? { t: 'ellipsis' } : { t: 'slice', sl: parseSlice(item) };
  if (item instanceof Slice) return { t: 'slice', sl: item };
  if (item instanceof NDArray) return classifyArray(item, false);
  if (Array.isArray(item)) {
    // an empty list is an empty integer index, as NumPy casts it to intp
    if (item.length === 0) return { t: 'array', arr: asarray([], { dtype: 'int32' }) };
    let arr: NDArray;
    try {
      arr = asarray(item as number[]);
    } catch (e) {
      if (e instanceof DTypeError) throw invalidIndexError(); // a list holding non-numbers
      throw e;
    }
    return classifyArray(arr, true);
  }
  throw invalidIndexError();
}

/** Number of array axes an item consumes. */
function used(p: Parsed): number {
  switch (p.t) {
    case 'int':
    case 'slice':
    case 'array':
      return 1;
    case 'mask':
      return p.arr.ndim;
    default:
      return 0;
  }
}

/**
 * Parses `items` against array `a` into an {@link IndexPlan}, throwing NumPy's errors for
 * invalid items, a second ellipsis, too many indices, mismatched masks and integers out
 * of bounds.
 */
export function parseIndex(a: NDArray, items: readonly unknown[]): IndexPlan {
  const parsed: Parsed[] = [];
  let ellipsis = false;
  let fancy = false;
  let nUsed = 0;
  for (const item of items) {
    const p = classify(item);
    if (p.t === 'ellipsis') {
      if (ellipsis) throw multipleEllipsisError();
      ellipsis = true;
    }
    if (p.t === 'array' || p.t === 'mask' || p.t === 'bool0') fancy = true;
    nUsed += used(p);
    parsed.push(p);
  }
  const nd = a.ndim;
  if (nUsed > nd) throw tooManyIndicesError(nd, nUsed);
  const fill = nd - nUsed; // axes the (possibly implicit, trailing) ellipsis stands for

  // mask shapes, now that the axes each one covers are known
  if (fancy) {
    let ax = 0;
    for (const p of parsed) {
      if (p.t === 'mask') {
        for (let k = 0; k < p.arr.ndim; k++) {
          if (p.arr.shape[k] !== a.shape[ax + k]) throw booleanIndexError(ax + k, a.shape[ax + k]!, p.arr.shape[k]!);
        }
      }
      ax += p.t === 'ellipsis' ? fill : used(p);
    }
  }

  const shape: number[] = [];
  const strides: number[] = [];
  let offset = a.offset;
  const advanced: AdvancedIndex[] = [];
  let copy = false;
  let firstAdv = -1;
  let lastAdv = -1;
  let src = 0; // current axis of `a`
  for (let i = 0; i < parsed.length; i++) {
    const p = parsed[i]!;
    switch (p.t) {
      case 'int': {
        const n = a.shape[src]!;
        if (p.v < -n || p.v >= n) throw indexError(p.v, src, n);
        const v = p.v < 0 ? p.v + n : p.v;
        if (fancy) {
          advanced.push({ kind: 'int', axis: shape.length, span: 1, srcAxis: src, value: v, array: null });
          shape.push(n);
          strides.push(a.strides[src]!);
        } else {
          offset += v * a.strides[src]!;
          if (p.scalarArray) copy = true;
        }
        src++;
        break;
      }
      case 'slice': {
        const r = resolveSlice(p.sl, a.shape[src]!);
        // NumPy points empty slices at the first element with step 1
        const start = r.count > 0 ? r.start : 0;
        const step = r.count > 0 ? r.step : 1;
        offset += start * a.strides[src]!;
        shape.push(r.count);
        strides.push(a.strides[src]! * step);
        src++;
        break;
      }
      case 'newaxis':
        shape.push(1);
        strides.push(0);
        break;
      case 'ellipsis':
        for (let k = 0; k < fill; k++, src++) {
          shape.push(a.shape[src]!);
          strides.push(a.strides[src]!);
        }
        break;
      case 'array':
        advanced.push({ kind: 'array', axis: shape.length, span: 1, srcAxis: src, value: 0, array: p.arr });
        shape.push(a.shape[src]!);
        strides.push(a.strides[src]!);
        src++;
        break;
      case 'mask':
        advanced.push({ kind: 'mask', axis: shape.length, span: p.arr.ndim, srcAxis: src, value: 0, array: p.arr });
        for (let k = 0; k < p.arr.ndim; k++, src++) {
          shape.push(a.shape[src]!);
          strides.push(a.strides[src]!);
        }
        break;
      case 'bool0':
        // a virtual axis of length 1 that the 0-d boolean indexes with [0] or []
        advanced.push({ kind: 'bool0', axis: shape.length, span: 1, srcAxis: src, value: p.v, array: null });
        shape.push(1);
        strides.push(0);
        break;
    }
    if (fancy && (p.t === 'int' || p.t === 'array' || p.t === 'mask' || p.t === 'bool0')) {
      if (firstAdv < 0) firstAdv = i;
      lastAdv = i;
    }
  }
  // the implicit trailing ellipsis
  if (!ellipsis) {
    for (let k = 0; k < fill; k++, src++) {
      shape.push(a.shape[src]!);
      strides.push(a.strides[src]!);
    }
  }
  const adjacent = advanced.length > 0 && lastAdv - firstAdv + 1 === advanced.length;
  const only = parsed.length === 1 ? parsed[0]! : null;
  const singleMask =
    only !== null && ((only.t === 'mask' && only.arr.ndim === nd) || (only.t === 'bool0' && nd === 0));
  const fullInteger = parsed.length === nd && parsed.every((p) => p.t === 'int');
  return { shape, strides, offset, advanced, adjacent, copy, singleMask, fullInteger };
}

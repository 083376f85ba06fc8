/**
 * Rearranging elements: `flip` (a negative-stride view), and `tile`, `repeat`, `roll`,
 * `pad`, which build a new array and fill it block by block with `assign` from strided or
 * stride-0 views of the input. The one element loop here is `repeat`'s gather for 1-d
 * inputs with per-element counts, where an `assign` per element would dominate.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, type DType } from '../dtype/dtypes.js';
import { checkNewShape, cStrides, fStrides, normalizeAxis, sizeOf } from '../shape/shape.js';
import { arrayCastError, DTypeError, ValueError, shapeMismatchError } from '../errors.js';
import { asarray, type ArrayLike } from './convert.js';
import { assign, copyOf } from './assign.js';
import { broadcastTo, ravel, reshape, resolveShape, view } from './shape.js';
import { likeStrides, newArray } from './memory-order.js';
import { intArg, setitemValue } from './creation-args.js';
import { canCast } from '../dtype/promotion.js';

/** The elements of a TypedArray, numbers or bigints. */
type Elements = { readonly [i: number]: number | bigint; readonly length: number };

/** An internal view over `a`'s buffer (no checks; used only as an `assign` operand). */
function raw(a: NDArray, shape: readonly number[], strides: readonly number[], offset: number): NDArray {
  return new NDArray(a.data, shape, strides, offset, a.dtype, a);
}

/**
 * Repeats the whole array `reps` times along each axis (`np.tile`). With more reps than
 * axes, `A` gets leading length-1 axes; with fewer, reps get leading ones. `reps` is one
 * number, one array, or varargs like a shape (`np.tile(a, 2, 1)` is `np.tile(a, [2, 1])`).
 *
 * @example
 * np.tile([1, 2], 2).tolist(); // [1, 2, 1, 2]
 * np.tile([1, 2], [2, 1]).tolist(); // [[1, 2], [1, 2]]
 */
export function tile(A: ArrayLike, ...reps: (number | readonly number[])[]): NDArray {
  if (reps.length === 0) throw new DTypeError("tile() missing 1 required positional argument: 'reps'");
  const r0 = reps.length === 1 ? reps[0]! : (reps as number[]);
  let tup = (typeof r0 === 'number' ? [r0] : r0).map(intArg);
  const input = asarray(A);
  const lead = Math.max(tup.length - input.ndim, 0);
  const withLead = (x: NDArray): NDArray =>
    lead === 0 ? x : view(x, [...new Array<number>(lead).fill(1), ...x.shape], [...new Array<number>(lead).fill(0), ...x.strides], x.offset, x.flags.writeable);
  // NumPy: all reps 1 is a plain copy (keeping the memory order), with leading axes added
  if (tup.every((t) => t === 1)) {
    const dup = newArray(input.shape, input.dtype, likeStrides(input, 'K'));
    assign(dup, input, false);
    return withLead(dup);
  }
  const c = withLead(input);
  if (tup.length < c.ndim) tup = [...new Array<number>(c.ndim - tup.length).fill(1), ...tup];
  const shape = c.shape.map((s, i) => s * tup[i]! || 0);
  // NumPy repeats axis by axis; a negative rep fails there unless the data is empty by then,
  // and the final reshape rejects the negative length
  let size = c.size;
  let n = size;
  if (n > 0) {
    c.shape.forEach((s, i) => {
      if (tup[i] !== 1) {
        const rows = (size / n) * tup[i]!;
        if (rows < 0) throw new ValueError('negative dimensions are not allowed');
        size = rows * n;
      }
      n /= s;
    });
  }
  if (shape.some((d) => d < 0)) resolveShape(0, shape);
  checkNewShape(shape);
  const out = newArray(shape, c.dtype, cStrides(shape));
  if (out.size === 0) return out;
  // out viewed as (t0, s0, t1, s1, ...): the input broadcast along every t axis
  const blockShape: number[] = [];
  const dst: number[] = [];
  const src: number[] = [];
  c.shape.forEach((s, i) => {
    blockShape.push(tup[i]!, s);
    dst.push(s * out.strides[i]!, out.strides[i]!);
    src.push(0, c.strides[i]!);
  });
  assign(raw(out, blockShape, dst, 0), raw(c, blockShape, src, c.offset), false);
  return out;
}

/** Reads repeat counts: JS numbers truncate (Python floats do), arrays must cast safely to int64. */
function repeatCounts(repeats: ArrayLike): number[] {
  if (typeof repeats === 'number' || typeof repeats === 'boolean') return [Math.trunc(+repeats)];
  if (Array.isArray(repeats) && repeats.every((x) => typeof x === 'number' || typeof x === 'boolean')) {
    return (repeats as readonly (number | boolean)[]).map((x) => Math.trunc(+x));
  }
  const r = asarray(repeats);
  if (r.ndim > 1) {
    throw new ValueError('setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.');
  }
  if (!Array.isArray(repeats) && !canCast(r.dtype, 'int64')) {
    throw r.ndim === 0
      ? new DTypeError(`Cannot cast scalar from dtype('${r.dtype}') to dtype('int64') according to the rule 'safe'`)
      : arrayCastError(r.dtype, 'int64', 'safe');
  }
  const c = copyOf(r, 'float64');
  return Array.from(c.data as Float64Array, (x) => Math.trunc(x));
}

/**
 * Repeats each element (`np.repeat`): `repeats` is one count or one per element along
 * `axis`; without `axis` the input is flattened first.
 *
 * @example
 * np.repeat([1, 2], 2).tolist(); // [1, 1, 2, 2]
 * np.repeat([[1, 2], [3, 4]], [1, 2], 0).tolist(); // [[1, 2], [3, 4], [3, 4]]
 */
export function repeat(a: ArrayLike, repeats: ArrayLike, axis?: number | null): NDArray {
  let arr = asarray(a);
  let ax: number;
  // NumPy's PyArray_CheckAxis: no axis flattens, and a 0-d input counts as 1-d
  if (axis === undefined || axis === null || arr.ndim === 0) arr = ravel(arr);
  if (axis === undefined || axis === null) ax = 0;
  else ax = normalizeAxis(axis, arr.ndim);
  const n = arr.shape[ax]!;
  const counts = repeatCounts(repeats);
  const shape = arr.shape.slice();
  if (counts.length === 1) {
    const r = counts[0]!;
    if (r < 0) throw new ValueError('negative dimensions are not allowed');
    shape[ax] = n * r;
    checkNewShape(shape);
    const out = newArray(shape, arr.dtype, cStrides(shape));
    if (out.size === 0) return out;
    // out viewed with the axis split into (n, r); the input broadcast along r
    const split = (xs: readonly number[], pair: [number, number]): number[] => [...xs.slice(0, ax), ...pair, ...xs.slice(ax + 1)];
    const blockShape = split(arr.shape, [n, r]);
    const os = out.strides[ax]!;
    assign(raw(out, blockShape, split(out.strides, [r * os, os]), 0), raw(arr, blockShape, split(arr.strides, [arr.strides[ax]!, 0]), arr.offset), false);
    return out;
  }
  if (counts.length !== n) throw new ValueError(`operands could not be broadcast together with shape (${n},) (${counts.length},)`);
  if (counts.some((r) => r < 0)) throw new ValueError('repeats may not contain negative values.');
  shape[ax] = counts.reduce((x, y) => x + y, 0);
  checkNewShape(shape);
  const out = newArray(shape, arr.dtype, cStrides(shape));
  if (out.size === 0) return out;
  if (arr.size === n) {
    // one element per index (a 1-d input): an assign per element would cost far more than the copy
    const src = arr.data as unknown as Elements;
    const dst = out.data as unknown as { [i: number]: number | bigint };
    const step = arr.strides[ax]!;
    let k = 0;
    for (let i = 0, p = arr.offset; i < n; i++, p += step) {
      const v = src[p]!;
      for (let c = counts[i]!; c > 0; c--) dst[k++] = v;
    }
    return out;
  }
  const srcStrides = arr.strides.slice();
  srcStrides[ax] = 0;
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const r = counts[i]!;
    if (r === 0) continue;
    const blockShape = arr.shape.slice();
    blockShape[ax] = r;
    assign(raw(out, blockShape, out.strides, pos * out.strides[ax]!), raw(arr, blockShape, srcStrides, arr.offset + i * arr.strides[ax]!), false);
    pos += r;
  }
  return out;
}

/** NumPy's `normalize_axis_tuple` for flip: in range, no repeats (`repeated axis`). */
function flipAxes(axis: number | readonly number[] | null | undefined, ndim: number): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = (typeof axis === 'number' ? [axis] : axis).map((ax) => normalizeAxis(ax, ndim));
  if (new Set(list).size !== list.length) throw new ValueError('repeated axis');
  return list;
}

/**
 * Reverses the order of elements along the given axes (all by default), as a view with
 * negative strides (`np.flip`).
 *
 * @example
 * np.flip([1, 2, 3]).tolist(); // [3, 2, 1]
 * np.flip([[1, 2], [3, 4]], 1).tolist(); // [[2, 1], [4, 3]]
 */
export function flip(m: ArrayLike, axis?: number | readonly number[] | null): NDArray {
  const arr = asarray(m);
  // NumPy indexes a 0-d array with `()`, which gives a scalar (a copy), not a view
  if (arr.ndim === 0) {
    flipAxes(axis, 0);
    return copyOf(arr);
  }
  const strides = arr.strides.slice();
  let offset = arr.offset;
  for (const ax of flipAxes(axis, arr.ndim)) {
    const n = arr.shape[ax]!;
    if (n > 0) offset += (n - 1) * strides[ax]!;
    strides[ax] = -strides[ax]!;
  }
  return view(arr, arr.shape, strides, offset, arr.flags.writeable);
}

/** A scalar or a flat list of scalars, as NumPy's `broadcast(shift, axis)` sees them (ndim 0 or 1). */
function flatList(x: number | readonly number[]): { values: number[]; ndim: number } {
  if (typeof x === 'number') return { values: [x], ndim: 0 };
  if (x.some((v) => typeof v !== 'number')) throw new ValueError("'shift' and 'axis' should be scalars or 1D sequences");
  return { values: x.slice(), ndim: 1 };
}

/**
 * Shifts elements cyclically along axes (`np.roll`): elements pushed past the end come
 * back at the start. Without `axis` the flattened array is rolled and reshaped back;
 * several shifts and axes pair up (broadcasting), shifts on the same axis add up.
 *
 * @example
 * np.roll([1, 2, 3, 4], 1).tolist(); // [4, 1, 2, 3]
 * np.roll([[1, 2], [3, 4]], [1, 1], [0, 1]).tolist(); // [[4, 3], [2, 1]]
 */
export function roll(a: ArrayLike, shift: number | readonly number[], axis?: number | readonly number[] | null): NDArray {
  const arr = asarray(a);
  if (axis === undefined || axis === null) return reshape(roll(ravel(arr), shift, 0), arr.shape);
  const axes = (typeof axis === 'number' ? [axis] : axis).map((ax) => normalizeAxis(ax, arr.ndim));
  const sh = flatList(shift);
  const ax = { values: axes, ndim: typeof axis === 'number' ? 0 : 1 };
  const ls = sh.values.length;
  const la = ax.values.length;
  if (sh.ndim === 1 && ax.ndim === 1 && ls !== la && ls !== 1 && la !== 1) throw shapeMismatchError(0, [ls], 1, [la]);
  const count = Math.max(sh.ndim === 1 ? ls : 1, ax.ndim === 1 ? la : 1);
  const shifts = new Array<number>(arr.ndim).fill(0);
  for (let i = 0; i < count; i++) {
    const s = Math.trunc(sh.values[sh.values.length === 1 ? 0 : i]!);
    const d = ax.values[ax.values.length === 1 ? 0 : i]!;
    shifts[d] = shifts[d]! + s;
  }
  const out = newArray(arr.shape, arr.dtype, likeStrides(arr, 'K'));
  if (out.size === 0) return out;
  // per axis: one block [0, n) -> [0, n), or two: [0, n-k) -> [k, n) and [n-k, n) -> [0, k)
  const blocks: [number, number, number][][] = arr.shape.map((n, d) => {
    const k = ((shifts[d]! % n) + n) % n;
    return k === 0 ? [[0, 0, n]] : [[0, k, n - k], [n - k, 0, k]];
  });
  const shape = arr.shape.slice();
  const visit = (d: number, srcOff: number, dstOff: number): void => {
    if (d === arr.ndim) {
      assign(raw(out, shape, out.strides, dstOff), raw(arr, shape, arr.strides, srcOff), false);
      return;
    }
    for (const [from, to, len] of blocks[d]!) {
      shape[d] = len;
      visit(d + 1, srcOff + from * arr.strides[d]!, dstOff + to * out.strides[d]!);
    }
  };
  visit(0, arr.offset, 0);
  return out;
}

/** Padding modes of `pad`: numbat implements NumPy's 'constant' and 'empty'. */
export type PadMode = 'constant' | 'empty';

/** Options of `pad`. */
export interface PadOptions {
  /** 'constant' (default): fill with `constantValues`; 'empty': leave the pad area 0. */
  mode?: PadMode;
  /** Fill values: one value, `[before, after]`, or one pair per axis (default 0). */
  constantValues?: ArrayLike;
}

const NUMPY_PAD_MODES = ['edge', 'linear_ramp', 'maximum', 'mean', 'median', 'minimum', 'reflect', 'symmetric', 'wrap'];

/** One pad width or fill value: element `index` of a flat copy. */
type PairEntry = { index: number };

/**
 * NumPy's `_as_pairs`: one entry, `[before, after]`, or one pair per axis (broadcast to
 * `(ndim, 2)`), as indices into `flat`, a C-order copy of the (broadcast) entries.
 */
function asPairs(x: NDArray, ndim: number, asIndex: boolean): { flat: NDArray; pairs: [PairEntry, PairEntry][] } {
  const flat = copyOf(x);
  if (asIndex && Array.from(flat.data as unknown as Elements).some((v) => v < 0)) throw new ValueError("index can't contain negative values");
  if (x.ndim < 3 && (x.size === 1 || (x.size === 2 && !(x.ndim === 2 && x.shape[0] === 2 && x.shape[1] === 1)))) {
    const pair: [PairEntry, PairEntry] = [{ index: 0 }, { index: x.size - 1 }];
    return { flat, pairs: new Array<[PairEntry, PairEntry]>(ndim).fill(pair) };
  }
  const b = copyOf(broadcastTo(x, [ndim, 2]));
  return { flat: b, pairs: Array.from({ length: ndim }, (_, i): [PairEntry, PairEntry] => [{ index: 2 * i }, { index: 2 * i + 1 }]) };
}

/**
 * A 0-d array holding a pad value converted to `dtype` as NumPy's `setitem` of a scalar
 * does: into an integer dtype, floats truncate and the result must fit (`OverflowError`).
 */
function padValue(flat: NDArray, e: PairEntry, dtype: DType): NDArray {
  const v = (flat.data as unknown as Elements)[e.index]!;
  const out = newArray([], dtype, []);
  (out.data as unknown as { [i: number]: number | bigint })[0] = setitemValue(flat.dtype === 'bool' ? v !== 0 : v, dtype);
  return out;
}

/**
 * Pads an array (`np.pad`) in 'constant' mode (the default) or 'empty' mode. `padWidth` is
 * one width for every side, `[before, after]` for every axis, or one `[before, after]`
 * pair per axis; `constantValues` takes the same forms (default 0). Where pad areas of
 * several axes overlap (the corners), the later axis's value wins, as in NumPy. Values are
 * written as scalar assignments: into an integer dtype, floats truncate and a value out of
 * range throws `OverflowError` (NumPy 2 does so for signed dtypes; for unsigned ones its
 * one- and two-value forms wrap instead). NumPy's other modes ('edge', 'reflect', ...) are not
 * implemented and throw.
 *
 * @example
 * np.pad([1, 2], 1).tolist(); // [0, 1, 2, 0]
 * np.pad([[1]], [[0, 1], [1, 0]], { constantValues: 9 }).tolist(); // [[9, 1], [9, 9]]
 */
export function pad(array: ArrayLike, padWidth: ArrayLike, options: PadOptions = {}): NDArray {
  const arr = asarray(array);
  const pw = asarray(padWidth);
  if (DTYPES[pw.dtype].kind !== 'i') throw new DTypeError('`pad_width` must be of integral type.');
  const wp = asPairs(pw, arr.ndim, true);
  const wdata = wp.flat.data as unknown as Elements;
  const widths = wp.pairs.map(([b, a]) => [Number(wdata[b.index]!), Number(wdata[a.index]!)] as [number, number]);
  const mode: string = options.mode ?? 'constant';
  if (mode !== 'constant' && mode !== 'empty') {
    if (NUMPY_PAD_MODES.includes(mode)) throw new ValueError(`mode '${mode}' is not implemented in numbat (only 'constant' and 'empty')`);
    throw new ValueError(`mode '${mode}' is not supported`);
  }
  const shape = arr.shape.map((n, i) => n + widths[i]![0] + widths[i]![1]);
  checkNewShape(shape);
  const fortran = arr.flags.fContiguous && !arr.flags.cContiguous;
  const out = newArray(shape, arr.dtype, fortran ? fStrides(shape) : cStrides(shape));
  // NumPy converts every pad value, even for empty pad areas
  const values = mode === 'empty' ? null : asPairs(asarray(options.constantValues ?? 0), arr.ndim, false);
  const fills = values === null ? [] : values.pairs.map(([b, a]) => [padValue(values.flat, b, arr.dtype), padValue(values.flat, a, arr.dtype)]);
  if (out.size === 0) return out;
  let center = 0;
  arr.shape.forEach((_, i) => (center += widths[i]![0] * out.strides[i]!));
  if (arr.size > 0) assign(raw(out, arr.shape, out.strides, center), arr, false);
  if (mode === 'empty') return out;
  for (let ax = 0; ax < arr.ndim; ax++) {
    // NumPy's `_view_roi`: full extent on axes <= ax, the original area on later axes
    const roiShape = shape.map((n, i) => (i <= ax ? n : arr.shape[i]!));
    let roiOff = 0;
    for (let i = ax + 1; i < arr.ndim; i++) roiOff += widths[i]![0] * out.strides[i]!;
    const [before, after] = widths[ax]!;
    const [vb, va] = fills[ax]!;
    const sides: [number, number, NDArray][] = [
      [0, before, vb],
      [shape[ax]! - after, after, va],
    ];
    for (const [start, len, entry] of sides) {
      const regionShape = roiShape.slice();
      regionShape[ax] = len;
      if (sizeOf(regionShape) === 0) continue;
      assign(raw(out, regionShape, out.strides, roiOff + start * out.strides[ax]!), entry, false);
    }
  }
  return out;
}

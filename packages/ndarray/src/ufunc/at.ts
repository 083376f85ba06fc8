/**
 * `ufunc.at(a, indices, b)`: NumPy's unbuffered in-place operation, `a[indices] =
 * ufunc(a[indices], b)` applied element by element in C order of the selection, so an
 * element selected several times is updated once per occurrence (`np.add.at(a, [0, 0], 1)`
 * adds 2, where `a[[0, 0]] += 1` adds 1).
 *
 * The selection is `a[indices]` exactly (NumPy's indexing rules, errors and placement of
 * advanced axes): its element offsets are gathered by the indexing machinery itself, from
 * one small coordinate array per axis of `a` (`coord_k[i] = i * a.strides[k]`, viewed with
 * `a`'s shape by stride 0 elsewhere), summed into one offsets table. Then one strided loop
 * over the selection reads each target, applies the ufunc's scalar function in the loop
 * dtype and stores back with NumPy's cast.
 *
 * dtypes as NumPy's: `b` is converted with `asarray` (not a weak scalar), the loop is the
 * ufunc's for `(a.dtype, b.dtype)`, and the result is cast back into `a` unsafely
 * (`np.add.at(int32, i, 1.5)` computes in float64 and truncates at each store).
 *
 * Loop variables: `iq` offsets-table position, `ib` position in `b`; `sq`, `sb` their steps.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, type DType } from '../dtype/dtypes.js';
import { converter, type Converter } from '../dtype/cast.js';
import { broadcastStrides } from '../shape/broadcast.js';
import { cStrides, sizeOf } from '../shape/shape.js';
import { DTypeError, ValueError } from '../errors.js';
import { stridedLoop, type InnerKernel } from '../iter/strided-loop.js';
import type { Buf, Fn1, Fn2 } from '../kernels/elementwise.js';
import { addKernel } from '../kernels/gather-scatter.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { copyOf, sharesBuffer } from '../ops/assign.js';
import { get, type IndexItem } from '../ops/indexing.js';
import { loopFor, loopInput, resolve, type BinaryUfunc, type UnaryUfunc } from './ufunc.js';

/** The items of an `at` index, as `a.set` reads them: one item, a tuple, or a `boolean[]` mask. */
function indexItems(index: IndexItem | readonly IndexItem[]): IndexItem[] {
  if (!Array.isArray(index)) return [index as IndexItem];
  if (index.length > 0 && index.every((x) => typeof x === 'boolean')) return [index as boolean[]];
  return index as IndexItem[];
}

/** The selection `a[items]`: its shape and the buffer offset of each element, in C order. */
export function selectionOffsets(a: NDArray, items: readonly IndexItem[]): { shape: number[]; offsets: Float64Array } {
  const nd = a.ndim;
  if (nd === 0) {
    // no axis to take coordinates from: index a 0-d stand-in for the shape and the errors
    const shape = get(new NDArray(new Float64Array(1), [], [], 0, 'float64'), ...items).shape;
    return { shape, offsets: new Float64Array(sizeOf(shape)).fill(a.offset) };
  }
  let shape: number[] = [];
  let offsets = new Float64Array(0);
  for (let k = 0; k < nd; k++) {
    const n = a.shape[k]!;
    const step = a.strides[k]!;
    const coords = new Float64Array(n);
    for (let i = 0; i < n; i++) coords[i] = i * step;
    const strides = a.shape.map((_, j) => (j === k ? 1 : 0));
    const g = get(new NDArray(coords, a.shape, strides, 0, 'float64'), ...items);
    if (k === 0) {
      shape = g.shape.slice();
      offsets = new Float64Array(g.size).fill(a.offset);
    }
    stridedLoop(g.shape, [cStrides(g.shape), g.strides], [0, g.offset], addKernel(offsets as unknown as Buf, g.data as unknown as Buf));
  }
  return { shape, offsets };
}

/** True when `from` broadcasts to `to` without dropping axes (NumPy's `at` rule). */
function broadcastsTo(from: readonly number[], to: readonly number[]): boolean {
  const off = to.length - from.length;
  return off >= 0 && from.every((d, i) => d === 1 || d === to[off + i]);
}

/**
 * Stores a loop result into `a`'s dtype: directly when the dtypes agree (the TypedArray
 * store wraps or rounds as NumPy does), else through a one-element cell of the result dtype
 * (its wrap or rounding) and NumPy's cast.
 */
function storer(result: DType, target: DType): ((v: number) => number) | null {
  if (result === target) return null;
  const cell = new DTYPES[result].ctor(1) as unknown as Buf;
  // NumPy's `at` casts with C's scalar conversion, which for float -> uint32 goes through
  // int64: values wrap modulo 2**32, and NaN, infinities and values beyond int64 give 0
  // (its array casts give other values there, see dtype/cast.ts)
  const conv = DTYPES[result].kind === 'f' && target === 'uint32' ? floatToUint32ViaInt64 : (converter(result, target) as Converter | null);
  if (conv === null) {
    return (v) => {
      cell[0] = v;
      return cell[0]!;
    };
  }
  return (v) => {
    cell[0] = v;
    return conv(cell[0]!) as number;
  };
}

const floatToUint32ViaInt64: Converter = (x) => {
  const t = Math.trunc(x as number);
  return t >= -9223372036854775808 && t < 9223372036854775808 ? t : 0; // false for NaN
};

/**
 * `ufunc.at(a, indices, b)` (NumPy's `np.add.at`): performs the ufunc in place on the
 * elements of `a` that `a[indices]` selects, once per occurrence of each element, `b`
 * broadcasting to the selection. Unary ufuncs take no `b` (`np.negative.at(a, [0, 0])`
 * negates twice). `indices` is read as by `a.set`: one item (an integer, a slice string,
 * an integer or boolean array) or an array of items (a tuple: a JS `number[]` is
 * `a[1, 2]`; pass an `NDArray` or `[[0, 0, 2]]` for a list of indices).
 *
 * Differences from NumPy: a read-only `a` throws for unary ufuncs too (NumPy writes it).
 *
 * @example
 * const a = np.zeros(3);
 * np.add.at(a, np.array([0, 0, 2]), 1); // a is [2, 0, 1]
 */
export function ufuncAt(u: BinaryUfunc | UnaryUfunc, a: NDArray, indices: IndexItem | readonly IndexItem[], b?: ArrayLike): void {
  if (!(a instanceof NDArray)) throw new DTypeError('first operand must be array');
  if (u.nin === 2 && b === undefined) throw new ValueError('second operand needed for ufunc');
  if (u.nin === 1 && b !== undefined) throw new ValueError('second operand provided when ufunc is unary');
  // NumPy's order: the loop for the dtypes, then the index, then b's shape
  const bArr = b === undefined ? null : asarray(b);
  const { loop, out } =
    u.nin === 2 ? resolve(u.spec, [{ array: a, weak: null }, { array: bArr!, weak: null }], undefined) : resolve(u.spec, [{ array: a, weak: null }], undefined);
  const { shape, offsets } = selectionOffsets(a, indexItems(indices));
  if (bArr !== null && !broadcastsTo(bArr.shape, shape)) throw new ValueError('array is not broadcastable to correct shape');
  let y = bArr === null ? null : loopInput(bArr, loop);
  // b is read from a copy when it overlaps a (NumPy's MapIterArrayCopyIfOverlap)
  if (y !== null && sharesBuffer(a, y)) y = copyOf(y);
  if (!a.flags.writeable) throw new ValueError('operand array with iterator write flag set is read-only');
  if (offsets.length === 0) return;
  if (u.nin === 2) u.spec.check?.(loop, [a, y!]);
  const data = a.data as unknown as Buf;
  const read = converter(a.dtype, loop) as ((v: number) => number) | null;
  const store = storer(out, a.dtype);
  const qStrides = cStrides(shape);
  if (u.nin === 1) {
    const fn = loopFor(u.spec.loops, loop)!;
    stridedLoop(shape, [qStrides], [0], unaryAtKernel(fn, data, offsets, read, store));
    return;
  }
  const fn = loopFor(u.spec.loops, loop)!;
  const bStrides = broadcastStrides(y!.shape, y!.strides, shape);
  stridedLoop(shape, [qStrides, bStrides], [0, y!.offset], binaryAtKernel(fn, data, offsets, y!.data as unknown as Buf, read, store));
}

/** `data[offs[iq]] = f(data[offs[iq]])` over operands (offs). */
function unaryAtKernel(f: Fn1, data: Buf, offs: Float64Array, read: Fn1 | null, store: Fn1 | null): InnerKernel {
  return (n, p, s) => {
    let iq = p[0]!;
    const sq = s[0]!;
    for (let i = 0; i < n; i++, iq += sq) {
      const o = offs[iq]!;
      const x = read === null ? data[o]! : read(data[o]!);
      const r = f(x);
      data[o] = store === null ? r : store(r);
    }
  };
}

/** `data[offs[iq]] = f(data[offs[iq]], b[ib])` over operands (offs, b), in order. */
function binaryAtKernel(f: Fn2, data: Buf, offs: Float64Array, b: Buf, read: Fn1 | null, store: Fn1 | null): InnerKernel {
  return (n, p, s) => {
    let iq = p[0]!;
    let ib = p[1]!;
    const sq = s[0]!;
    const sb = s[1]!;
    for (let i = 0; i < n; i++, iq += sq, ib += sb) {
      const o = offs[iq]!;
      const x = read === null ? data[o]! : read(data[o]!);
      const r = f(x, b[ib]!);
      data[o] = store === null ? r : store(r);
    }
  };
}

/**
 * `ufunc.reduce` and `ufunc.accumulate`: every reduction of numbat (sum, prod, max, any,
 * cumsum, ...) is one of these, and so are the ufunc methods `np.add.reduce` and
 * `np.add.accumulate` (`methods.ts` only parses their arguments). A reduction is the binary
 * loop with a stride-0 accumulator as operand 0, seeded by the ufunc's identity (or
 * `initial`), by the first element (idempotent ufuncs such as maximum) or by the first
 * slice (single-axis reductions of other ufuncs), which gives NumPy's empty-reduction
 * error where there is no identity.
 *
 * dtypes follow NumPy's `reducelike_promote_and_resolve`: `dtype=` names the loop; else an
 * `out` takes part in the promotion (`np.add.reduce(int32, out=float64)` adds in float64);
 * else add and multiply widen bool and small integers (to int32/uint32 here, API.md).
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, toDType, type DType, type DTypeLike } from '../dtype/dtypes.js';
import { canCast, promoteTypes } from '../dtype/promotion.js';
import { convertScalar } from '../dtype/cast.js';
import { normalizeAxes, normalizeAxis, cStrides } from '../shape/shape.js';
import {
  accumulateOutSizeError,
  emptyReductionError,
  noLoopError,
  notReorderableError,
  outputShapeError,
  outputCastError,
  readOnlyOutputError,
  reduceOutNdimError,
  ufuncTypeError,
  DTypeError,
  ValueError,
} from '../errors.js';
import { stridedLoop, type InnerKernel } from '../iter/strided-loop.js';
import { makeLayout } from '../iter/layout.js';
import { chunkedSumKernel, reduceKernel, sumKernel } from '../kernels/reduce.js';
import { isFloatRun, rowPairwise, rowSums } from '../kernels/vmath.js';
import { fastLoops, type Buf } from '../kernels/elementwise.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { assign, emptyArray } from '../ops/assign.js';
import { loopFor, loopInput, selectLoop, type BinaryUfunc } from './ufunc.js';
import { iterShapeError } from './out-check.js';
import { pairwisePlan } from './sum-plan.js';

/** Options of a reduction (`np.add.reduce`, `np.sum`, ...). */
export interface ReduceOptions {
  /** Axis or axes to reduce; `null` reduces all. Default 0 (NumPy's `ufunc.reduce`). */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as length 1. */
  keepdims?: boolean;
  /** The accumulator's dtype. */
  dtype?: DTypeLike;
  /** Write the result here; it must have the result's shape (same_kind casting). */
  out?: NDArray;
  /**
   * The starting value (NumPy's `initial=`), used instead of the identity; `null` uses no
   * identity at all (the first element seeds the reduction, as NumPy's `initial=None`).
   */
  initial?: number | boolean | null;
}

/** The loop and output dtypes of a reduction. */
export interface ReduceTypes {
  loop: DType;
  out: DType;
}

/**
 * The loop and output dtypes of `ufunc.reduce` for an input dtype, with an optional
 * explicit `dtype` (which must name a loop of the ufunc, as NumPy's signature does).
 */
export function reduceTypes(ufunc: BinaryUfunc, input: DType, dtype?: DType): ReduceTypes {
  const spec = ufunc.spec;
  if (spec.boolReduction !== undefined && dtype !== undefined && dtype !== 'bool') throw noLoopError(spec.npName);
  if (spec.boolReduction === 'as-bool') return { loop: 'bool', out: 'bool' };
  if (spec.boolReduction === 'bool-only' && (dtype ?? input) !== 'bool') throw noLoopError(spec.npName);
  if (dtype !== undefined) {
    const loop = selectLoop(spec.types, [dtype]);
    if (loop === 'bool' && loopFor(spec.loops, loop) === undefined && spec.boolError !== undefined) throw new DTypeError(spec.boolError);
    if (loop !== dtype || loopFor(spec.loops, loop) === undefined) throw noLoopError(spec.npName);
    return { loop, out: spec.output === 'bool' ? 'bool' : loop };
  }
  const acc = spec.reduceDType ? spec.reduceDType(input) : input;
  const loop = selectLoop(spec.types, [acc]);
  if (loop === null || loopFor(spec.loops, loop) === undefined) {
    if (loop === 'bool' && spec.boolError !== undefined) throw new DTypeError(spec.boolError);
    throw ufuncTypeError(spec.npName);
  }
  return { loop, out: spec.output === 'bool' ? 'bool' : loop };
}

/**
 * The dtypes of a reduction-like method (reduce, accumulate, reduceat) given its options:
 * `dtype` names the loop; else a given `out` is promoted with the input (NumPy passes out's
 * dtype into the loop search, so `np.add.reduce(int32, out=float64)` adds in float64 and
 * `np.add.reduce(bool, out=bool)` is a logical or); else the ufunc's own rule. Then the
 * result must cast to `out` with same_kind (API.md; NumPy casts unsafely there).
 */
export function methodTypes(ufunc: BinaryUfunc, input: DType, dtype: DType | undefined, out: NDArray | undefined): ReduceTypes {
  const spec = ufunc.spec;
  let types: ReduceTypes | null = null;
  if (dtype !== undefined) types = reduceTypes(ufunc, input, dtype);
  else if (out !== undefined && spec.boolReduction === undefined) {
    const loop = selectLoop(spec.types, [promoteTypes([out.dtype, input])]);
    if (loop !== null && loopFor(spec.loops, loop) !== undefined) types = { loop, out: spec.output === 'bool' ? 'bool' : loop };
  }
  types ??= reduceTypes(ufunc, input);
  if (out !== undefined && !canCast(types.out, out.dtype, 'same_kind')) throw outputCastError(spec.npName, types.out, out.dtype);
  return types;
}

/** Rejects a given `out` that is not an NDArray or is read-only (NumPy checks this first). */
export function checkOutArray(out: unknown): void {
  if (out === undefined) return;
  if (!(out instanceof NDArray)) throw new DTypeError('return arrays must be of ArrayType');
  if (!out.flags.writeable) throw readOnlyOutputError();
}

/** A view of `a` taking index 0 along each of `axes` (kept as length-1 axes). */
function firstAlong(a: NDArray, axes: readonly number[]): NDArray {
  const shape = a.shape.slice();
  for (const ax of axes) shape[ax] = 1;
  return new NDArray(a.data, shape, a.strides, a.offset, a.dtype, a);
}

/**
 * The inner kernel that folds operand 1 into the accumulator (operand 0) with the ufunc's
 * loop: pairwise summation for float add, else the record's fast loop or scalar function.
 */
export function reductionKernel(ufunc: BinaryUfunc, types: ReduceTypes, acc: Buf, src: Buf): InnerKernel {
  const spec = ufunc.spec;
  if (spec.npName === 'add' && DTYPES[types.loop].kind === 'f') return sumKernel(acc, src);
  const fast = fastLoops.enabled && spec.fast !== undefined ? loopFor(spec.fast, types.loop) : undefined;
  return reduceKernel(loopFor(spec.loops, types.loop)!, acc, src, exactWidth(types.out), fast);
}

/**
 * Checks a reduction's `out` against NumPy's rules: the number of dimensions (NumPy's own
 * message), then its iterator's broadcasting of out (reduced axes as new axes, or as
 * reduction axes of length 1 with keepdims) against the input.
 */
function checkReduceOut(npName: string, shape: readonly number[], axes: readonly number[], keepdims: boolean, out: NDArray, resultShape: readonly number[]): void {
  const nd = shape.length;
  const expected = keepdims ? nd : nd - axes.length;
  if (out.ndim !== expected) throw reduceOutNdimError(npName, out.ndim, expected, keepdims);
  const outAxes: number[] = [];
  const reduction: boolean[] = [];
  let k = 0;
  for (let i = 0; i < nd; i++) {
    const reduced = axes.includes(i);
    outAxes.push(reduced && !keepdims ? -1 : k++);
    reduction.push(reduced);
  }
  const err = iterShapeError(nd, [
    { shape: out.shape, axes: outAxes, reduction, output: true },
    { shape, axes: null },
  ]);
  if (err !== null) throw err;
  if (out.shape.some((d, i) => d !== resultShape[i])) throw outputShapeError(out.shape, resultShape);
}

/**
 * `ufunc.reduce(a, { axis, keepdims, dtype, out, initial })` (NumPy's `np.add.reduce`):
 * the one reduction mechanism (`np.add.reduce`, `np.sum` and every other reduction call
 * it). `axis` defaults to 0 as in NumPy; `null` reduces every axis; several axes only for
 * reorderable ufuncs. Always returns an NDArray (0-d for a full reduction). Float sums are
 * NumPy's pairwise sums, bit for bit (float32 in float32).
 *
 * @example
 * np.reduce(np.add, [[1, 2], [3, 4]], { axis: 1 }).tolist(); // [3, 7]
 */
export function reduce(ufunc: BinaryUfunc, x: ArrayLike, options: ReduceOptions = {}): NDArray {
  const spec = ufunc.spec;
  let a = asarray(x);
  const axis = options.axis === undefined ? 0 : options.axis;
  // a 0-d array takes axis 0 (or -1) as "no axis", as NumPy's ufunc.reduce does
  const axes = a.ndim === 0 && (axis === 0 || axis === -1) ? [] : normalizeAxes(axis, a.ndim);
  if (axes.length > 1 && !spec.reorderable) throw notReorderableError(spec.npName);
  const given = options.out;
  checkOutArray(given);
  const keepdims = options.keepdims === true;
  const keptShape = a.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const resultShape = keepdims ? keptShape : a.shape.filter((_, i) => !axes.includes(i));
  if (given !== undefined) checkReduceOut(spec.npName, a.shape, axes, keepdims, given, resultShape);
  const types = methodTypes(ufunc, a.dtype, options.dtype === undefined ? undefined : toDType(options.dtype), given);
  const { loop, out: outType } = types;
  const castIn = a.dtype !== loop;
  a = loopInput(a, loop);
  const acc = emptyArray(keptShape, outType);
  let reducedSize = 1;
  for (const ax of axes) reducedSize *= a.shape[ax]!;
  let src: NDArray | null = a;
  const initial = options.initial === null ? undefined : (options.initial ?? spec.identity);
  if (initial !== undefined) {
    fillWith(acc, castSeed(initial, outType));
  } else if (reducedSize === 0) {
    // NumPy refuses whenever a reduced axis is empty, even if the result is empty too
    throw emptyReductionError(spec.npName);
  } else if (spec.idempotent || axes.length === 0) {
    assign(acc, firstAlong(a, axes), false);
  } else if (axes.length > 1) {
    // `initial: null` over several axes of a reorderable ufunc (add, multiply, ...): seed
    // with the first element of each reduced slice and fold in the rest
    assign(acc, firstAlong(a, axes), false);
    reduceSkippingFirst(ufunc, types, acc, a, axes);
    src = null;
  } else {
    // single axis, not idempotent: seed with the first slice, reduce the rest
    const ax = axes[0]!;
    assign(acc, firstAlong(a, axes), false);
    const shape = a.shape.slice();
    shape[ax] = shape[ax]! - 1;
    src = new NDArray(a.data, shape, a.strides, a.offset + a.strides[ax]!, a.dtype, a);
  }
  if (src !== null && (axes.length > 0 || initial !== undefined)) {
    spec.check?.(loop, [acc, src]);
    const accStrides = acc.strides.map((s, i) => (axes.includes(i) ? 0 : s));
    if (spec.npName === 'add' && DTYPES[loop].kind === 'f') {
      sumInto(acc, accStrides, src, castIn, given !== undefined && given.dtype !== outType);
    } else {
      const kernel = reductionKernel(ufunc, types, acc.data as unknown as Buf, src.data as unknown as Buf);
      stridedLoop(src.shape, [accStrides, src.strides], [acc.offset, src.offset], kernel);
    }
  }
  const result = keepdims ? acc : new NDArray(acc.data, resultShape, cStrides(resultShape), 0, outType);
  if (given !== undefined) {
    assign(given, result);
    return given;
  }
  return result;
}

/**
 * Float `acc += src` over the reduced axes, pairwise as NumPy: row by row where NumPy's
 * iterator hands its inner loop one row per accumulator element, else in the blocks and
 * buffer-sized chunks its buffering gives (`sum-plan.ts`).
 */
function sumInto(acc: NDArray, accStrides: readonly number[], src: NDArray, castIn: boolean, castOut: boolean): void {
  if (src.size === 0) return;
  const accBuf = acc.data as unknown as Buf;
  const srcBuf = src.data as unknown as Buf;
  const { shape, strides } = makeLayout(src.shape, [accStrides, src.strides]);
  const plan = pairwisePlan(shape, strides[0]!, strides[1]!, castIn, castOut);
  const nd = shape.length;
  if (plan === null || (plan.span === 1 && plan.chunk >= shape[nd - 1]!)) {
    // contiguous rows, apart in memory: the WASM row kernels (kernels/vmath.ts)
    const [accF, srcF] = [acc.data, src.data];
    if (nd === 2 && strides[1]![1] === 1 && strides[1]![0]! >= shape[1]! && isFloatRun(accF) && isFloatRun(srcF)) {
      const [rows, cols] = shape as [number, number];
      const [ar, ac] = strides[0]! as [number, number];
      // rows added into one contiguous row of sums (a sum over the leading axes)
      if (plan === null && ar === 0 && ac === 1 && rowSums(accF, acc.offset, srcF, src.offset, rows, cols, strides[1]![0]!)) return;
      // one pairwise sum per row (a sum over the last axis)
      if (plan !== null && ac === 0 && rowPairwise(accF, acc.offset, ar, srcF, src.offset, strides[1]![0]!, rows, cols)) return;
    }
    stridedLoop(src.shape, [accStrides, src.strides], [acc.offset, src.offset], sumKernel(accBuf, srcBuf));
    return;
  }
  const outer = nd - plan.span;
  stridedLoop(
    shape.slice(0, outer),
    [strides[0]!.slice(0, outer), strides[1]!.slice(0, outer)],
    [acc.offset, src.offset],
    chunkedSumKernel(accBuf, srcBuf, shape.slice(outer), strides[1]!.slice(outer), plan.chunk),
  );
}

/**
 * Folds every element of `a` except the first of each reduced slice (in C order) into
 * `acc`, which holds those first elements: NumPy's `skip_first_count` for a reduction
 * without identity over several axes. Sequential, in the driver's order of the reduced axes.
 */
function reduceSkippingFirst(ufunc: BinaryUfunc, types: ReduceTypes, acc: NDArray, a: NDArray, axes: readonly number[]): void {
  const spec = ufunc.spec;
  spec.check?.(types.loop, [acc, a]);
  const fn = loopFor(spec.loops, types.loop)!;
  const accBuf = acc.data as unknown as Buf;
  const src = a.data as unknown as Buf;
  const kept = a.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const accStrides = acc.strides.map((s, i) => (axes.includes(i) ? 0 : s));
  const rShape = axes.map((ax) => a.shape[ax]!);
  const rStrides = [axes.map((ax) => a.strides[ax]!)];
  const state = { io: 0, first: true };
  // the driver starts every walk at its offset, so the first element seen is the seed
  const fold: InnerKernel = (m, q, t) => {
    for (let k = 0, ib = q[0]!; k < m; k++, ib += t[0]!) {
      if (state.first) state.first = false;
      else accBuf[state.io] = fn(accBuf[state.io]!, src[ib]!);
    }
  };
  stridedLoop(kept, [accStrides, a.strides], [acc.offset, a.offset], (n, p, s) => {
    for (let j = 0, io = p[0]!, ia = p[1]!; j < n; j++, io += s[0]!, ia += s[1]!) {
      state.io = io;
      state.first = true;
      stridedLoop(rShape, rStrides, [ia], fold);
    }
  });
}

/**
 * Accumulators narrower than a JS number's exact range are re-read after every step:
 * narrow integers then wrap at their width (exact for non-modular ufuncs too), and float32
 * products round at each step as NumPy's do. bool accumulators need not be: every bool
 * loop returns 0 or 1 (`any`/`all` keep the running value in a local).
 */
function exactWidth(d: DType): boolean {
  const info = DTYPES[d];
  return (info.itemsize < 4 && d !== 'bool') || d === 'float32';
}

/** The seed value as stored in `dtype` (C cast: bitwise_and's identity -1 is all ones in uint8). */
function castSeed(v: number | boolean, dtype: DType): number | bigint {
  const num = typeof v === 'boolean' ? +v : v;
  return Number.isInteger(num) ? convertScalar(BigInt(num), 'int64', dtype) : convertScalar(num, 'float64', dtype);
}

function fillWith(a: NDArray, v: number | bigint): void {
  (a.data as unknown as { fill(v: number | bigint): void }).fill(v);
}

/** Options of `ufunc.accumulate` (`np.cumsum` and friends). */
export interface AccumulateOptions {
  /** The axis to accumulate along (default 0); `null` only for a 1-d array. */
  axis?: number | readonly number[] | null;
  /** The accumulator's dtype. */
  dtype?: DTypeLike;
  /** Write the result here; it must have the input's shape (same_kind casting). */
  out?: NDArray;
}

/**
 * The single axis of `accumulate` and `reduceat` (`name`): NumPy takes an int, a 1-tuple
 * (a JS array of one axis), or None for 1-d input; a 0-d input is refused (`cannot
 * accumulate on a scalar`) unless the axis is out of range for it.
 */
export function singleAxis(name: 'accumulate' | 'reduceat', axis: number | readonly number[] | null | undefined, ndim: number): number {
  let ax: number;
  if (axis === undefined) ax = 0;
  else if (axis === null) {
    if (ndim > 1) throw new ValueError(`${name} does not allow multiple axes`);
    ax = 0;
  } else if (typeof axis === 'number') ax = axis;
  else {
    if (!Array.isArray(axis) || axis.length !== 1) throw new ValueError(`${name} does not allow multiple axes`);
    ax = axis[0]!;
  }
  if (ndim === 0 && (ax === 0 || ax === -1)) throw new DTypeError(`cannot ${name} on a scalar`);
  return normalizeAxis(ax, ndim);
}

/**
 * NumPy's checks of accumulate's `out`: its 1-d path compares sizes; the n-d path maps out
 * and the input onto the same axes and refuses an out that would broadcast.
 */
function checkAccumulateOut(shape: readonly number[], out: NDArray): void {
  const nd = shape.length;
  const same = out.ndim === nd && out.shape.every((d, i) => d === shape[i]);
  if (same) return;
  if (nd === 1) throw accumulateOutSizeError();
  const ident = shape.map((_, i) => i);
  const err = iterShapeError(nd, [
    { shape: out.shape, axes: ident, output: true, noBroadcast: true },
    { shape, axes: ident },
  ]);
  throw err ?? outputShapeError(out.shape, shape);
}

/**
 * `ufunc.accumulate(a, { axis, dtype, out })` (NumPy's `np.add.accumulate`): the running
 * results of the ufunc along one axis, each step stored in the loop dtype (float32 rounds
 * at every step). dtypes and `out` as `reduce`.
 *
 * @example
 * np.accumulate(np.multiply, [1, 2, 3, 4]).tolist(); // [1, 2, 6, 24]
 */
export function accumulate(ufunc: BinaryUfunc, x: ArrayLike, options: AccumulateOptions = {}): NDArray {
  const spec = ufunc.spec;
  let a = asarray(x);
  const axis = singleAxis('accumulate', options.axis, a.ndim);
  const given = options.out;
  checkOutArray(given);
  if (given !== undefined) checkAccumulateOut(a.shape, given);
  const { loop, out: outType } = methodTypes(ufunc, a.dtype, options.dtype === undefined ? undefined : toDType(options.dtype), given);
  a = loopInput(a, loop);
  const out = emptyArray(a.shape, outType);
  const fn = loopFor(spec.loops, loop)!;
  const len = a.shape[axis]!;
  const so = out.strides[axis]!;
  const sa = a.strides[axis]!;
  const o = out.data as unknown as Buf;
  const src = a.data as unknown as Buf;
  // iterate every position of the other axes; scan along `axis` inside the kernel
  const rest = a.shape.map((d, i) => (i === axis ? 1 : d));
  if (len > 1 && spec.check) {
    const later = a.shape.slice();
    later[axis] = len - 1;
    spec.check(loop, [out, new NDArray(a.data, later, a.strides, a.offset + sa, a.dtype, a)]);
  }
  if (len > 0) {
    stridedLoop(rest, [out.strides, a.strides], [0, a.offset], (n, p, s) => {
      let bo = p[0]!;
      let ba = p[1]!;
      for (let j = 0; j < n; j++, bo += s[0]!, ba += s[1]!) {
        o[bo] = src[ba]!;
        let io = bo;
        let ia = ba;
        for (let i = 1; i < len; i++) {
          o[io + so] = fn(o[io]!, src[ia + sa]!);
          io += so;
          ia += sa;
        }
      }
    });
  }
  if (given !== undefined) {
    assign(given, out);
    return given;
  }
  return out;
}

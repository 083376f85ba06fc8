/**
 * `ufunc.reduce` and `ufunc.accumulate`: every reduction of numbat (sum, prod, max, any,
 * cumsum, ...) is one of these. A reduction is the binary loop with a stride-0 accumulator
 * as operand 0, seeded by the ufunc's identity, by the first element (idempotent ufuncs
 * such as maximum) or by the first slice (single-axis reductions of other ufuncs), which
 * gives NumPy's empty-reduction error where there is no identity.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, toDType, type DType, type DTypeLike } from '../dtype/dtypes.js';
import { canCast } from '../dtype/promotion.js';
import { convertScalar } from '../dtype/cast.js';
import { normalizeAxes, normalizeAxis, cStrides } from '../shape/shape.js';
import { emptyReductionError, ValueError, DTypeError, outputCastError, shapeStr } from '../errors.js';
import { stridedLoop, type InnerKernel } from '../iter/strided-loop.js';
import { reduceKernel, sumKernel } from '../kernels/reduce.js';
import { fastLoops, type Buf } from '../kernels/elementwise.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { assign, emptyArray } from '../ops/assign.js';
import { loopFor, loopInput, selectLoop, type BinaryUfunc } from './ufunc.js';

/** Options of a reduction (`np.add.reduce`, `np.sum`, ...). */
export interface ReduceOptions {
  /** Axis or axes to reduce; `null` reduces all. */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as length 1. */
  keepdims?: boolean;
  /** The accumulator's dtype. */
  dtype?: DTypeLike;
  /** Write the result here; it must have the result's shape. */
  out?: NDArray;
  /** The starting value (NumPy's `initial=`), used instead of the identity. */
  initial?: number | boolean;
}

/** The loop and output dtypes of `ufunc.reduce` for an input dtype. */
export function reduceTypes(ufunc: BinaryUfunc, input: DType, dtype?: DType): { loop: DType; out: DType } {
  const spec = ufunc.spec;
  if (spec.boolReduction === 'as-bool') return { loop: 'bool', out: 'bool' };
  if (spec.boolReduction === 'bool-only' && (dtype ?? input) !== 'bool') {
    throw new DTypeError(`No loop matching the specified signature and casting was found for ufunc ${spec.npName}`);
  }
  const acc = dtype ?? (spec.reduceDType ? spec.reduceDType(input) : input);
  const loop = selectLoop(spec.types, [acc]);
  if (loop === null || loopFor(spec.loops, loop) === undefined) {
    throw new ValueError(`ufunc '${spec.npName}' does not support reduction for dtype ${input}`);
  }
  return { loop, out: spec.output === 'bool' ? 'bool' : loop };
}

/** A view of `a` taking index 0 along each of `axes` (kept as length-1 axes). */
function firstAlong(a: NDArray, axes: readonly number[]): NDArray {
  const shape = a.shape.slice();
  for (const ax of axes) shape[ax] = 1;
  return new NDArray(a.data, shape, a.strides, a.offset, a.dtype, a);
}

/**
 * `ufunc.reduce(a, { axis, keepdims, dtype, out, initial })` (NumPy's `np.add.reduce`).
 * `axis` defaults to 0 as in NumPy; `null` reduces every axis.
 */
export function reduce(ufunc: BinaryUfunc, x: ArrayLike, options: ReduceOptions = {}): NDArray {
  const spec = ufunc.spec;
  let a = asarray(x);
  const axis = options.axis === undefined ? 0 : options.axis;
  const axes = a.ndim === 0 && axis === 0 ? [] : normalizeAxes(axis, a.ndim);
  if (axes.length > 1 && !spec.reorderable) {
    throw new ValueError(`reduction operation '${spec.npName}' is not reorderable, so at most one axis may be specified.`);
  }
  const { loop, out: outType } = reduceTypes(ufunc, a.dtype, options.dtype === undefined ? undefined : toDType(options.dtype));
  a = loopInput(a, loop);
  const keptShape = a.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const resultShape = options.keepdims ? keptShape : a.shape.filter((_, i) => !axes.includes(i));
  const given = options.out;
  if (given !== undefined) {
    if (given.ndim !== resultShape.length || given.shape.some((d, i) => d !== resultShape[i])) {
      throw new ValueError(
        `output parameter for reduction operation ${spec.npName} has the wrong shape: found ${shapeStr(given.shape)} but expected ${shapeStr(resultShape)}`,
      );
    }
    if (!canCast(outType, given.dtype, 'same_kind')) throw outputCastError(spec.npName, outType, given.dtype);
  }
  const acc = emptyArray(keptShape, outType);
  let reducedSize = 1;
  for (const ax of axes) reducedSize *= a.shape[ax]!;
  let src = a;
  const initial = options.initial ?? spec.identity;
  if (initial !== undefined) {
    fillWith(acc, castSeed(initial, outType));
  } else if (reducedSize === 0) {
    // NumPy refuses whenever a reduced axis is empty, even if the result is empty too
    throw emptyReductionError(spec.npName);
  } else if (spec.idempotent || axes.length === 0) {
    assign(acc, firstAlong(a, axes), false);
  } else {
    // single axis, not idempotent: seed with the first slice, reduce the rest
    const ax = axes[0]!;
    assign(acc, firstAlong(a, axes), false);
    const shape = a.shape.slice();
    shape[ax] = shape[ax]! - 1;
    src = new NDArray(a.data, shape, a.strides, a.offset + a.strides[ax]!, a.dtype, a);
  }
  if (axes.length > 0 || initial !== undefined) {
    spec.check?.(loop, [acc, src]);
    const accStrides = acc.strides.map((s, i) => (axes.includes(i) ? 0 : s));
    const fn = loopFor(spec.loops, loop)!;
    const accBuf = acc.data as unknown as Buf;
    const srcBuf = src.data as unknown as Buf;
    const fast = fastLoops.enabled && spec.fast !== undefined ? loopFor(spec.fast, loop) : undefined;
    const kernel: InnerKernel =
      spec.npName === 'add' && DTYPES[loop].kind === 'f'
        ? sumKernel(accBuf, srcBuf)
        : reduceKernel(fn, accBuf, srcBuf, exactWidth(outType), fast);
    stridedLoop(src.shape, [accStrides, src.strides], [acc.offset, src.offset], kernel);
  }
  const result = options.keepdims ? acc : new NDArray(acc.data, resultShape, cStrides(resultShape), 0, outType);
  if (given !== undefined) {
    assign(given, result);
    return given;
  }
  return result;
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
  /** The axis to accumulate along (default 0). */
  axis?: number;
  /** The accumulator's dtype. */
  dtype?: DTypeLike;
  /** Write the result here; it must have the input's shape. */
  out?: NDArray;
}

/** `ufunc.accumulate(a, { axis, dtype, out })`: running results along one axis (NumPy's). */
export function accumulate(ufunc: BinaryUfunc, x: ArrayLike, options: AccumulateOptions = {}): NDArray {
  const spec = ufunc.spec;
  let a = asarray(x);
  if (a.ndim === 0) throw new ValueError('accumulate on a 0-d array');
  const axis = normalizeAxis(options.axis ?? 0, a.ndim);
  const { loop, out: outType } = reduceTypes(ufunc, a.dtype, options.dtype === undefined ? undefined : toDType(options.dtype));
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
  if (options.out !== undefined) {
    assign(options.out, out);
    return options.out;
  }
  return out;
}

/**
 * Uniform random integers in `[low, high)` (or `[low, high]`), NumPy's `_bounded_integers`:
 * the bounds checks and messages, the scalar path (one range, one fill) and the broadcast
 * path (a range per element, one draw buffer for the whole loop), for every integer dtype.
 * The `Generator` uses Lemire's method, the legacy `RandomState` masked rejection.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, toDType, type DType } from '../dtype/dtypes.js';
import { canCast } from '../dtype/promotion.js';
import { DTypeError, ValueError, intConversionError } from '../errors.js';
import { sizeOf } from '../shape/shape.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { copyOf } from '../ops/assign.js';
import { broadcastTo } from '../ops/shape.js';
import type { BitGenerator } from './bit-generator.js';
import { bounded64, boundedSmall, bufferedBool, newBuffer, type DrawBuffer } from './bounded.js';
import { drawShape, isScalarParam, newArray, parseSize, wrap, type Size } from './args.js';

/** The integer dtypes `integers` and `randint` can produce. */
export type IntDType = 'bool' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64';

/** A drawn integer scalar: a number, a bigint for 64-bit dtypes, a boolean for `bool`. */
export type IntScalar = number | bigint | boolean;

/** The integer dtypes whose scalar draws are JS numbers (8, 16 and 32 bits). */
export type NumberIntDType = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32';

/** Resolves an integer `dtype` option, with NumPy's TypeError for anything else. */
export function intDType(dtype: string | undefined, fallback: IntDType, method: string): IntDType {
  const d: DType = dtype === undefined ? fallback : toDType(dtype);
  if (DTYPES[d].kind === 'f') throw new DTypeError(`Unsupported dtype dtype('${d}') for ${method}`);
  return d as IntDType;
}

function bitsOf(dtype: IntDType): 1 | 8 | 16 | 32 | 64 {
  return dtype === 'bool' ? 1 : ((DTYPES[dtype].itemsize * 8) as 8 | 16 | 32 | 64);
}

/** Python's `int(x)` of a scalar bound: floats truncate; NaN and infinities throw. */
function pyInt(x: ArrayLike): bigint {
  const v = x instanceof NDArray ? x.item() : (x as number | bigint | boolean);
  if (typeof v === 'bigint') return v;
  const n = Number(v);
  if (Number.isNaN(n)) throw intConversionError('nan');
  if (!Number.isFinite(n)) throw intConversionError('inf');
  return BigInt(Math.trunc(n));
}

/** NumPy's `format_bounds_error`. */
function boundsError(closed: boolean, lowIsZero: boolean): ValueError {
  if (lowIsZero) return new ValueError(`high ${closed ? '<' : '<='} 0`);
  return new ValueError(`low ${closed ? '>' : '>='} high`);
}

/** Writes `off + v` for each element; TypedArrays wrap to the dtype as NumPy's C casts do. */
function scalarRange(
  bg: BitGenerator,
  dtype: IntDType,
  off: bigint,
  rng: bigint,
  count: number,
  masked: boolean,
  write: (i: number, v: number | bigint) => void,
): void {
  const bits = bitsOf(dtype);
  if (bits === 64) {
    for (let i = 0; i < count; i++) write(i, off + bounded64(bg, rng, masked));
    return;
  }
  const o = Number(off);
  const r = Number(rng);
  const buf = newBuffer();
  if (bits === 1) {
    for (let i = 0; i < count; i++) write(i, bufferedBool(bg, o, r, buf));
    return;
  }
  const draw = boundedSmall(bg, r, bits, masked, buf);
  for (let i = 0; i < count; i++) write(i, o + draw());
}

function toScalar(dtype: IntDType, v: number | bigint): IntScalar {
  if (dtype === 'bool') return v !== 0 && v !== 0n;
  if (dtype === 'int64') return BigInt.asIntN(64, BigInt(v));
  if (dtype === 'uint64') return BigInt.asUintN(64, BigInt(v));
  const a = new DTYPES[dtype].ctor(1) as Int32Array;
  a[0] = Number(v);
  return a[0];
}

/**
 * Draws integers in `[low, high)` (`[low, high]` with `closed`) of `dtype`, as NumPy's
 * `_rand_<dtype>(low, high, size, use_masked, closed)`.
 */
export function randomIntegers(
  bg: BitGenerator,
  low: ArrayLike,
  high: ArrayLike,
  size: Size,
  dtype: IntDType,
  closed: boolean,
  masked: boolean,
): IntScalar | NDArray {
  const shape = parseSize(size);
  if (shape !== null && sizeOf(shape) === 0) return newArray(shape, dtype);
  const info = DTYPES[dtype];
  const lb = BigInt(info.min);
  const ub = BigInt(info.max);
  if (isScalarParam(low) && isScalarParam(high)) {
    const lo = pyInt(low);
    let hi = pyInt(high);
    if (!closed) hi -= 1n;
    if (lo < lb) throw new ValueError(`low is out of bounds for ${dtype}`);
    if (hi > ub) throw new ValueError(`high is out of bounds for ${dtype}`);
    if (lo > hi) throw boundsError(closed, lo === 0n);
    if (shape === null) {
      let out: number | bigint = 0;
      scalarRange(bg, dtype, lo, hi - lo, 1, masked, (_, v) => (out = v));
      return toScalar(dtype, out);
    }
    const arr = newArray(shape, dtype);
    const data = arr.data as unknown as { [i: number]: number | bigint };
    scalarRange(bg, dtype, lo, hi - lo, arr.size, masked, (i, v) => (data[i] = v));
    return arr;
  }
  return bitsOf(dtype) === 64
    ? broadcast64(bg, asarray(low), asarray(high), shape, dtype, lb, ub, closed, masked)
    : broadcastSmall(bg, asarray(low), asarray(high), shape, dtype, lb, ub, closed, masked);
}

/** Broadcast values of `a` as float64 (exact for every bound of a <= 32-bit dtype). */
function values(a: NDArray, shape: readonly number[]): Float64Array {
  return copyOf(broadcastTo(a, [...shape]), 'float64').data as Float64Array;
}

/** `_rand_<dtype>_broadcast` for dtypes of at most 32 bits. */
function broadcastSmall(
  bg: BitGenerator,
  lowArr: NDArray,
  highArr: NDArray,
  shape: number[] | null,
  dtype: IntDType,
  lb: bigint,
  ub: bigint,
  closed: boolean,
  masked: boolean,
): NDArray {
  const both = drawShape(null, [lowArr.shape, highArr.shape]);
  const lowV = values(lowArr, both);
  const highV = values(highArr, both);
  const lbN = Number(lb);
  const ubPlus = Number(ub) + 1;
  if (!canCast(lowArr.dtype, dtype) && lowV.some((v) => v < lbN)) throw new ValueError(`low is out of bounds for ${dtype}`);
  if (!canCast(highArr.dtype, dtype) && highV.some((v) => (closed ? v >= ubPlus : v > ubPlus))) {
    throw new ValueError(`high is out of bounds for ${dtype}`);
  }
  if (lowV.some((v, i) => (closed ? v > highV[i]! : v >= highV[i]!))) {
    throw boundsError(closed, !copyOf(lowArr, 'float64').data.some((v) => v !== 0));
  }
  const outShape = drawShape(shape, [lowArr.shape, highArr.shape], 2);
  const lo = values(lowArr, outShape).map(Math.trunc);
  const hi = values(highArr, outShape).map(Math.trunc);
  const out = newArray(outShape, dtype);
  const data = out.data as unknown as { [i: number]: number };
  const bits = bitsOf(dtype) as 1 | 8 | 16 | 32;
  const open = closed ? 0 : 1;
  const buf: DrawBuffer = newBuffer();
  const mod = bits === 1 ? 2 : 2 ** bits;
  let lastRng = -1;
  let draw: () => number = () => 0;
  for (let i = 0; i < out.size; i++) {
    // NumPy computes the range in the unsigned type of the dtype's width
    const rng = (((hi[i]! - open - lo[i]!) % mod) + mod) % mod;
    if (bits === 1) {
      data[i] = bufferedBool(bg, lo[i]!, rng, buf);
      continue;
    }
    if (rng !== lastRng) {
      draw = boundedSmall(bg, rng, bits, masked, buf);
      lastRng = rng;
    }
    data[i] = lo[i]! + draw();
  }
  return out;
}

/** `_rand_int64_broadcast` / `_rand_uint64_broadcast`, in bigint arithmetic. */
function broadcast64(
  bg: BitGenerator,
  lowArr: NDArray,
  highArr: NDArray,
  shape: number[] | null,
  dtype: IntDType,
  lb: bigint,
  ub: bigint,
  closed: boolean,
  masked: boolean,
): NDArray {
  const ints = (a: NDArray): bigint[] =>
    DTYPES[a.dtype].bigint
      ? Array.from(copyOf(a).data as BigInt64Array)
      : Array.from(copyOf(a, 'float64').data as Float64Array, (v) => pyInt(v));
  let open = closed ? 0n : 1n;
  const low = ints(lowArr);
  const lowIsZero = !low.some((v) => v !== 0n);
  if (!canCast(lowArr.dtype, dtype)) {
    for (const v of low) if (v < lb || v > ub) throw new ValueError(`low is out of bounds for ${dtype}`);
  }
  let high = ints(highArr);
  if (!canCast(highArr.dtype, dtype)) {
    high = high.map((v) => {
      const upper = v - open;
      if (upper > ub) throw new ValueError(`high is out of bounds for ${dtype}`);
      if (upper < lb) throw boundsError(closed, lowIsZero);
      return upper;
    });
    open = 0n;
  }
  const both = drawShape(null, [lowArr.shape, highArr.shape]);
  const lowB = broadcastIndex(low, lowArr.shape, both);
  const highB = broadcastIndex(high, highArr.shape, both);
  if (lowB.some((v, i) => (open === 0n ? v > highB[i]! : v >= highB[i]!))) throw boundsError(closed, lowIsZero);
  const outShape = drawShape(shape, [lowArr.shape, highArr.shape], 2);
  const lo = broadcastIndex(low, lowArr.shape, outShape);
  const hi = broadcastIndex(high, highArr.shape, outShape);
  const out = newArray(outShape, dtype);
  const data = out.data as BigInt64Array | BigUint64Array;
  for (let i = 0; i < out.size; i++) {
    const rng = BigInt.asUintN(64, hi[i]! - open - lo[i]!);
    data[i] = lo[i]! + bounded64(bg, rng, masked);
  }
  return out;
}

/** Broadcasts a flat C-order list of `shape` to `target`. */
function broadcastIndex<T>(flat: readonly T[], shape: readonly number[], target: readonly number[]): T[] {
  const idx = wrap(Float64Array.from(flat, (_, i) => i), shape, 'float64');
  return Array.from(values(idx, target), (i) => flat[i]!);
}

/**
 * Argument handling shared by the creation functions: a trailing options object (or dtype
 * name) after varargs, integer arguments, and NumPy's `setitem` of a JS scalar into a dtype.
 *
 * Internal: not re-exported from the package index.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, isTypedArray, toDType, type DType, type DTypeLike } from '../dtype/dtypes.js';
import { convertScalar, weakScalarValue } from '../dtype/cast.js';
import { broadcastShapes } from '../shape/broadcast.js';
import { DTypeError, OverflowError, ValueError, shapeStr } from '../errors.js';
import { asarray, isScalar, type ArrayLike } from './convert.js';
import { assign } from './assign.js';

/** True for a plain options object (not a list, an array or a TypedArray). */
export function isOptions(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof NDArray) && !isTypedArray(x);
}

/**
 * Splits varargs into the leading values and a trailing options object; a trailing string
 * is taken as `{ dtype }` (NumPy users pass the dtype positionally: `np.zeros([2, 3], 'f4')`).
 */
export function splitTrailing<T extends object>(args: readonly unknown[]): [unknown[], Partial<T>] {
  const last = args[args.length - 1];
  if (typeof last === 'string') return [args.slice(0, -1), { dtype: last } as unknown as Partial<T>];
  if (isOptions(last)) return [args.slice(0, -1), last as Partial<T>];
  return [args.slice(), {}];
}

/** The dtype of an options bag, or `fallback`. */
export function dtypeOption(dtype: DTypeLike | null | undefined, fallback: DType): DType {
  return dtype === undefined || dtype === null ? fallback : toDType(dtype);
}

/** Python's `operator.index`: an integer, else NumPy's `TypeError`. */
export function intArg(x: unknown): number {
  if (typeof x === 'number' && Number.isInteger(x)) return x;
  if (typeof x === 'boolean') return +x;
  const kind = typeof x === 'number' ? 'float' : x === null || x === undefined ? 'NoneType' : typeof x;
  throw new DTypeError(`'${kind}' object cannot be interpreted as an integer`);
}

/**
 * The stored value of a JS number written into one element of `dtype`, as NumPy's
 * `setitem` of a Python scalar: an integral number is a Python int (out of range throws
 * `OverflowError`), any other number a Python float (cast as C does).
 */
export function scalarValue(v: number | boolean | bigint, dtype: DType): number | bigint {
  const kind = DTYPES[dtype].kind;
  if (typeof v === 'number' && (kind === 'i' || kind === 'u') && !Number.isInteger(v)) return convertScalar(v, 'float64', dtype);
  return weakScalarValue(v, dtype);
}

/**
 * The stored value of a JS number assigned into one element of `dtype` as NumPy 2's
 * `setitem` of a Python scalar does (`a[i] = x`, `arange`'s first values): into an integer
 * dtype a float is truncated to an int first, and any int must fit (`OverflowError`); NaN
 * and infinities cannot become integers.
 */
export function setitemValue(v: number | boolean | bigint, dtype: DType): number | bigint {
  const kind = DTYPES[dtype].kind;
  if (typeof v === 'number' && (kind === 'i' || kind === 'u')) {
    if (Number.isNaN(v)) throw new ValueError('cannot convert float NaN to integer');
    if (!Number.isFinite(v)) throw new OverflowError('cannot convert float infinity to integer');
    return weakScalarValue(Math.trunc(v) || 0, dtype);
  }
  return weakScalarValue(v, dtype);
}

/** Throws NumPy's `copyto` message when `src` does not broadcast into `shape`. */
export function checkBroadcastInto(src: readonly number[], shape: readonly number[]): void {
  let ok = src.length <= shape.length;
  if (ok) {
    try {
      const b = broadcastShapes(src, shape);
      ok = b.length === shape.length && b.every((d, i) => d === shape[i]);
    } catch {
      ok = false;
    }
  }
  if (!ok) throw new ValueError(`could not broadcast input array from shape ${shapeStr(src)} into shape ${shapeStr(shape)}`);
}

/**
 * Writes `value` into every element of `out` (NumPy's `copyto(out, value, casting='unsafe')`):
 * a JS integer into an integer array must fit (NEP 50), anything else is cast.
 */
export function fillWith(out: NDArray, value: ArrayLike): void {
  if (isScalar(value)) {
    const v = scalarValue(value, out.dtype);
    (out.data as unknown as { fill(x: number | bigint): void }).fill(v);
    return;
  }
  const src = asarray(value);
  checkBroadcastInto(src.shape, out.shape);
  assign(out, src, false);
}

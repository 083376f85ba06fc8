/**
 * Argument handling shared by the porting essentials (internal; the public functions live
 * in counting.ts, interp.ts, index-tricks.ts, sets.ts, finfo.ts, stride-tricks.ts and
 * flat.ts): NumPy's 1-d conversion checks (`PyArray_ContiguousFromAny(x, type, 1, 1)`)
 * with their messages, integer arguments, element reads and Python's text for numbers.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, type DType } from '../dtype/dtypes.js';
import { DTypeError, ValueError, sequenceError } from '../errors.js';
import { floatScalarStr } from '../print/format-float.js';
import { asarray, type ArrayLike } from './convert.js';
import { copyOf } from './assign.js';

/** Elements of a TypedArray read by index (numbers, or bigints for int64/uint64). */
export type Elements = { [i: number]: number | bigint; readonly length: number };

/** `true` when `x` is a JS list nested at least two deep (a list holding a list or an array). */
function isNestedList(x: ArrayLike): boolean {
  return Array.isArray(x) && x.some((e) => Array.isArray(e) || e instanceof NDArray || ArrayBuffer.isView(e));
}

/**
 * `x` as a 1-d array, with NumPy's messages for other ranks: a 0-d input is `object of too
 * small depth for desired array`; an array of more axes `object too deep for desired
 * array`; a JS list nested deeper either that (`list: 'deep'`) or `setting an array element
 * with a sequence...` (`list: 'sequence'`, where NumPy converts the list with a 1-d limit).
 */
export function oneD(x: ArrayLike, list: 'deep' | 'sequence' = 'deep'): NDArray {
  if (list === 'sequence' && isNestedList(x)) throw sequenceError(1);
  const arr = asarray(x);
  if (arr.ndim === 0) throw new ValueError('object of too small depth for desired array');
  if (arr.ndim > 1) throw new ValueError('object too deep for desired array');
  return arr;
}

/** The elements of `a` in C order as float64 values (a fresh, contiguous buffer). */
export function float64Values(a: NDArray): Float64Array {
  return copyOf(a, 'float64').data as Float64Array;
}

/** True for the integer kinds (signed or unsigned). */
export function isIntegerDType(d: DType): boolean {
  const k = DTYPES[d].kind;
  return k === 'i' || k === 'u';
}

/** Python's `operator.index`: an integer (or boolean), else NumPy's `TypeError`. */
export function indexArg(x: unknown, what?: string): number {
  if (typeof x === 'number' && Number.isInteger(x)) return x;
  if (typeof x === 'boolean') return +x;
  if (x instanceof NDArray && x.ndim === 0 && (isIntegerDType(x.dtype) || x.dtype === 'bool')) return Number(x.item());
  if (what !== undefined) throw new DTypeError(what);
  const kind = typeof x === 'number' ? 'float' : x === null || x === undefined ? 'NoneType' : typeof x;
  throw new DTypeError(`'${kind}' object cannot be interpreted as an integer`);
}

/**
 * Python's text for a JS number as a Python value: integral numbers print as Python ints,
 * others as Python floats (`nan`, `inf`, `0.5`).
 */
export function pyNumberStr(x: number): string {
  if (Number.isInteger(x)) return Object.is(x, -0) ? '-0.0' : x.toFixed(0).length < 22 ? BigInt(x).toString() : String(x);
  return floatScalarStr(x, 'float64');
}

/**
 * A NumPy scalar of `dtype` holding `x` as a Python f-string prints it (`f"{x}"`): floats,
 * float32 included, as the Python float of the same value (`1.0`, `nan`, `24.93302345275879`).
 */
export function numpyScalarFormat(x: number | bigint, dtype: DType): string {
  const info = DTYPES[dtype];
  if (info.kind === 'f') return floatScalarStr(Number(x), 'float64');
  if (info.kind === 'b') return x ? 'True' : 'False';
  return String(x);
}

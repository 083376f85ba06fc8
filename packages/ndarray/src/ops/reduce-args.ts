/**
 * The calling convention shared by every reduction of numbat (internal; the public
 * functions live in reductions.ts, nan-reductions.ts and statistics.ts):
 *
 * - `f(a, axis?, options?)` or `f(a, options)`: the axis may be passed positionally or as
 *   `options.axis` (API.md); `null` or no axis reduces every axis.
 * - A reduction over all axes with no `keepdims` and no `out` returns a JS scalar (NumPy
 *   returns a NumPy scalar): `boolean` for a bool result, `bigint` for int64/uint64, else
 *   `number`. Otherwise the result is an `NDArray`.
 * - `out` gets NumPy's shape check and API.md's same_kind casting rule.
 *
 * `ReductionFn` spells these forms as overloads, so `np.sum(a)` is typed as a scalar and
 * `np.sum(a, 0)` as an `NDArray`.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, type DType } from '../dtype/dtypes.js';
import { canCast } from '../dtype/promotion.js';
import { AxisError, DTypeError, ValueError, outputCastError, shapeStr } from '../errors.js';
import { normalizeAxis } from '../shape/shape.js';
import { divide } from '../ufunc/arithmetic.js';
import { asarray, type ArrayLike } from './convert.js';
import { assign, emptyArray } from './assign.js';

/** An `axis` argument: one axis, several, or `null` for all (negative axes count from the end). */
export type Axis = number | readonly number[] | null;

/** Options every reduction takes. */
export interface ReduceBaseOptions {
  /** Axis or axes to reduce; `null` (the default) reduces all. */
  axis?: Axis;
  /** Keep the reduced axes as length 1, so the result broadcasts against the input. */
  keepdims?: boolean;
  /** Write the result here (same_kind casting); the result is then `out` itself. */
  out?: NDArray;
}

/** The option values that give a JS scalar result. */
export interface ScalarForm {
  axis?: null;
  keepdims?: false;
  out?: undefined;
}

/** Option values that force an array result. */
export type ArrayForm = { axis: number | readonly number[] } | { keepdims: true } | { out: NDArray };

/**
 * A reduction `f(a, axis?, options?)`: `S` is its JS scalar type (the all-axes result),
 * `A` the accepted axis type (a single axis for argmax), `O` its options.
 */
export interface ReductionFn<O extends { axis?: A | null }, S, A = Axis> {
  (a: ArrayLike, axis?: null, options?: O & ScalarForm): S;
  (a: ArrayLike, options: O & ScalarForm): S;
  (a: ArrayLike, axis: A, options?: O): NDArray;
  (a: ArrayLike, options: O & ArrayForm): NDArray;
  (a: ArrayLike, axis: A | null | undefined, options: O & ArrayForm): NDArray;
  (a: ArrayLike, axis?: A | null | O, options?: O): S | NDArray;
}

/** Elements read by index (numbers, or bigints for int64/uint64). */
type Elements = { readonly [i: number]: number | bigint };

/** True for a value that is an axis argument (number, list of numbers or null). */
function isAxisArg(x: unknown): boolean {
  return x === null || typeof x === 'number' || Array.isArray(x);
}

/**
 * Splits `(axisOrOptions, options)` into the axis and the options object. Passing the axis
 * both ways throws, as Python does for a repeated argument.
 */
export function splitArgs<O extends { axis?: unknown }>(name: string, axisOrOptions: unknown, options: O | undefined): { axis: O['axis'] | undefined; o: O } {
  if (axisOrOptions === undefined || isAxisArg(axisOrOptions)) {
    const o = options ?? ({} as O);
    if (axisOrOptions !== undefined && o.axis !== undefined) {
      throw new DTypeError(`${name}() got multiple values for argument 'axis'`);
    }
    return { axis: (axisOrOptions ?? o.axis) as O['axis'] | undefined, o };
  }
  if (typeof axisOrOptions !== 'object') {
    const t = typeof axisOrOptions;
    throw new DTypeError(`'${t === 'string' ? 'str' : t}' object cannot be interpreted as an integer`);
  }
  const o = axisOrOptions as O;
  return { axis: o.axis as O['axis'] | undefined, o };
}

/** True when a reduction's result is returned as a JS scalar. */
export function scalarForm(axis: unknown, o: { keepdims?: boolean; out?: NDArray }): boolean {
  return (axis === null || axis === undefined) && o.keepdims !== true && o.out === undefined;
}

/** The first element of `a` as a JS value: boolean for bool, bigint for int64/uint64, else number. */
export function scalarOf(a: NDArray): number | bigint | boolean {
  const v = (a.data as unknown as Elements)[a.offset]!;
  return a.dtype === 'bool' ? v !== 0 : v;
}

/** An options key (invisible in the public types) asking a reduction for an NDArray result. */
const ARRAY_RESULT = Symbol('arrayResult');

/**
 * Options for calling a public reduction from inside another one: the axis removed (it is
 * passed positionally) and the result always an NDArray, never a JS scalar.
 */
export function inner<O extends object>(o: O): O {
  return { ...o, axis: undefined, [ARRAY_RESULT]: true };
}

/** True when a reduction called with `axis` and `o` returns a JS scalar for a 0-d result. */
export function wantsScalar(axis: unknown, o: { keepdims?: boolean; out?: NDArray }): boolean {
  return scalarForm(axis, o) && !(ARRAY_RESULT in o);
}

/**
 * Builds a public reduction from `impl(a, axis, options)`, which returns an `NDArray` (0-d
 * in the all-axes case) and handles `out` itself; the wrapper parses the arguments and
 * turns an all-axes result into a JS scalar.
 */
export function reduction<O extends { axis?: A | null; keepdims?: boolean; out?: NDArray }, S, A = Axis>(
  name: string,
  impl: (a: NDArray, axis: A | null | undefined, o: O) => NDArray,
): ReductionFn<O, S, A> {
  const f = (x: ArrayLike, axisOrOptions?: A | null | O, options?: O): S | NDArray => {
    const { axis, o } = splitArgs<O>(name, axisOrOptions, options);
    const r = impl(asarray(x), axis as A | null | undefined, o);
    return wantsScalar(axis, o) && r.ndim === 0 ? (scalarOf(r) as S) : r;
  };
  return f as ReductionFn<O, S, A>;
}

/** The shape of a reduction's result over `axes` (sorted, normalised). */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepdims: boolean): number[] {
  return keepdims ? shape.map((d, i) => (axes.includes(i) ? 1 : d)) : shape.filter((_, i) => !axes.includes(i));
}

/**
 * Writes `result` into `out` (when given) after NumPy's checks: the same shape, and a
 * same_kind cast (API.md; NumPy's composite reductions cast unsafely). Returns what the
 * reduction returns: `out`, or `result` itself.
 */
export function writeOut(npName: string, result: NDArray, out: NDArray | undefined): NDArray {
  if (out === undefined) return result;
  if (!(out instanceof NDArray)) throw new DTypeError('return arrays must be of ArrayType');
  if (out.ndim !== result.ndim || out.shape.some((d, i) => d !== result.shape[i])) {
    throw new ValueError(
      `output parameter for reduction operation ${npName} has the wrong shape: found ${shapeStr(out.shape)} but expected ${shapeStr(result.shape)}`,
    );
  }
  if (!canCast(result.dtype, out.dtype, 'same_kind')) throw outputCastError(npName, result.dtype, out.dtype);
  if (!out.flags.writeable) throw new ValueError('output array is read-only');
  assign(out, result);
  return out;
}

/** A 0-d float64 array: a strong (NumPy scalar) operand, unlike a weak JS number. */
export function float64Scalar(x: number): NDArray {
  const a = emptyArray([], 'float64');
  (a.data as Float64Array)[0] = x;
  return a;
}

/**
 * `ret / count` stored in `ret`'s dtype, in place: NumPy divides a sum by an `intp` (or a
 * float64 for fractional ddof) with `true_divide(ret, count, out=ret, casting='unsafe')`,
 * which computes in float64 and casts back (so float32 means round once, from float64).
 */
export function divideInPlace(ret: NDArray, count: number | NDArray): NDArray {
  const d = typeof count === 'number' ? float64Scalar(count) : count;
  if (DTYPES[ret.dtype].kind === 'f') return divide(ret, d, { out: ret });
  assign(ret, divide(ret, d));
  return ret;
}

/** True for bool and integer dtypes (NumPy's `issubclass(dtype.type, (integer, bool))`). */
export function isIntegral(d: DType): boolean {
  return DTYPES[d].kind !== 'f';
}

/**
 * NumPy's `normalize_axis_tuple`: the axes in the order given, normalised; a repeated axis
 * throws `ValueError(repeated)` (its message differs between NumPy functions: 'repeated
 * axis' in median/percentile, "repeated axis in `axis` argument" in average). With
 * `argname`, an out-of-range axis message starts with it (`axis: axis 2 is out of ...`).
 */
export function axisTuple(axis: number | readonly number[], ndim: number, repeated: string, argname?: string): number[] {
  const list = typeof axis === 'number' ? [axis] : axis;
  const out: number[] = [];
  for (const ax of list) {
    let n: number;
    try {
      n = normalizeAxis(ax, ndim);
    } catch (e) {
      if (argname !== undefined && e instanceof AxisError) throw new AxisError(`${argname}: ${e.message}`);
      throw e;
    }
    if (out.includes(n)) throw new ValueError(repeated);
    out.push(n);
  }
  return out;
}

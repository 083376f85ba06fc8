/**
 * Conversion of JS values into arrays (`np.array`, `np.asarray`): numbers, booleans,
 * bigints, TypedArrays, NDArrays and nested lists of them.
 *
 * dtype inference (API.md): all booleans -> bool; integral numbers -> int32 (int64 or
 * uint64 when a value needs it, as NumPy's array coercion widens Python ints); any other
 * number -> float64; NDArrays and TypedArrays inside a list join with their own dtypes.
 */
import { NDArray } from '../ndarray.js';
import { allocate, dtypeOfTypedArray, isTypedArray, toDType, DTYPES, type DType, type DTypeLike, type TypedArray } from '../dtype/dtypes.js';
import { defaultDTypeOf, promoteTypes } from '../dtype/promotion.js';
import { converter, fitsDType } from '../dtype/cast.js';
import { cStrides, sizeOf } from '../shape/shape.js';
import { ValueError, DTypeError, shapeStr, weakOverflowError } from '../errors.js';
import { copyOf } from './assign.js';

/** A JS scalar: number, boolean or bigint (bigints for int64/uint64 values). */
export type Scalar = number | boolean | bigint;

/** A nested JS list of scalars, arrays or TypedArrays (`[[1, 2], [3, 4]]`). */
export interface NestedArray extends ReadonlyArray<Scalar | NDArray | TypedArray | NestedArray> {}

/** Anything `np.asarray` accepts. */
export type ArrayLike = NDArray | Scalar | TypedArray | NestedArray;

/** True for a JS scalar (number, boolean, bigint). */
export function isScalar(x: unknown): x is Scalar {
  const t = typeof x;
  return t === 'number' || t === 'boolean' || t === 'bigint';
}

function describe(x: unknown): string {
  if (x === null) return 'None';
  if (x === undefined) return 'undefined';
  if (typeof x === 'string') return `'${x}'`;
  return typeof x;
}

/** Walks a nested list: its shape (checked rectangular) and its leaves' dtype. */
function inspect(x: ArrayLike): { shape: number[]; dtype: DType } {
  const shape: number[] = [];
  const dtypes = new Set<DType>();
  let level: readonly unknown[] = [x];
  // breadth-first, one nesting level at a time, so every list at a depth is checked
  for (let depth = 0; ; depth++) {
    level = expandMixed(level);
    let lists = 0;
    let leaves = 0;
    let len = -1;
    for (const v of level) {
      if (Array.isArray(v)) {
        lists++;
        if (len === -1) len = v.length;
        else if (len !== v.length) throw inhomogeneous(shape, depth);
      } else leaves++;
    }
    if (lists > 0 && leaves > 0) throw inhomogeneous(shape, depth);
    if (lists === 0) {
      // leaves: scalars, NDArrays or TypedArrays; sub-arrays must agree in shape
      let sub: readonly number[] | null = null;
      for (const v of level) {
        let s: readonly number[];
        if (v instanceof NDArray) {
          s = v.shape;
          dtypes.add(v.dtype);
        } else if (isTypedArray(v)) {
          s = [v.length];
          dtypes.add(dtypeOfTypedArray(v));
        } else if (isScalar(v)) {
          s = [];
          dtypes.add(defaultDTypeOf(v));
        } else {
          throw new DTypeError(`cannot convert ${describe(v)} to an array element`);
        }
        if (sub === null) sub = s;
        else if (sub.length !== s.length || sub.some((d, i) => d !== s[i])) throw inhomogeneous(shape, depth);
      }
      if (sub !== null) shape.push(...sub);
      break;
    }
    shape.push(len);
    const next: unknown[] = [];
    for (const v of level) for (const e of v as readonly unknown[]) next.push(e);
    level = next;
    if (next.length === 0) break;
  }
  // an empty list has no leaves: NumPy gives float64
  const dtype = dtypes.size === 0 ? 'float64' : promoteTypes([...dtypes]);
  return { shape, dtype };
}

/**
 * A level mixing JS lists with arrays or TypedArrays of at least one axis: the arrays
 * stand for nested lists of their rows (as NumPy reads `[np.array([1, 2]), [3, 4]]`), so
 * they become lists of row views, which keep their dtype. `fill` still writes the
 * original arrays whole, in the same C order.
 */
function expandMixed(level: readonly unknown[]): readonly unknown[] {
  let lists = false;
  let arrays = false;
  for (const v of level) {
    if (Array.isArray(v)) lists = true;
    else if ((v instanceof NDArray && v.ndim > 0) || isTypedArray(v)) arrays = true;
  }
  if (!lists || !arrays) return level;
  return level.map((v) => {
    const a = v instanceof NDArray ? v : isTypedArray(v) ? fromTypedArray(v) : null;
    if (a === null || a.ndim === 0) return v;
    const shape = a.shape.slice(1);
    const strides = a.strides.slice(1);
    return Array.from({ length: a.shape[0]! }, (_, i) => new NDArray(a.data, shape, strides, a.offset + i * a.strides[0]!, a.dtype, a));
  });
}

function inhomogeneous(shape: readonly number[], depth: number): ValueError {
  return new ValueError(
    `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. The detected shape was ${shapeStr(shape)} + inhomogeneous part.`,
  );
}

/** Writes the leaves of a rectangular nested list into `out` (C order), converting to `dtype`. */
function fill(x: ArrayLike, out: TypedArray, dtype: DType): void {
  const big = DTYPES[dtype].bigint;
  const isBool = dtype === 'bool';
  const o = out as unknown as { [i: number]: number | bigint };
  let k = 0;
  // NumPy 2 refuses a Python int that does not fit an explicitly requested integer dtype
  const info = DTYPES[dtype];
  const checkInt = info.kind === 'i' || info.kind === 'u';
  const put = (v: Scalar): void => {
    if (checkInt && (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) && !fitsDType(v, dtype)) {
      throw weakOverflowError(typeof v === 'number' ? BigInt(v) : v, dtype);
    }
    if (big) {
      if (typeof v === 'bigint') o[k++] = v;
      else {
        const c = converter('float64', dtype)!;
        o[k++] = c(typeof v === 'boolean' ? +v : v);
      }
    } else if (isBool) o[k++] = typeof v === 'bigint' ? +(v !== 0n) : v !== 0 && v !== false ? 1 : 0; // NaN is true
    else o[k++] = typeof v === 'bigint' ? Number(v) : +v;
  };
  const stack: unknown[] = [x];
  // iterative depth-first walk in C order
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (v instanceof NDArray) {
      const c = copyOf(v, dtype);
      for (let i = 0; i < c.size; i++) o[k++] = (c.data as unknown as { [i: number]: number | bigint })[i]!;
    } else if (isTypedArray(v)) {
      const c = copyOf(fromTypedArray(v), dtype);
      for (let i = 0; i < c.size; i++) o[k++] = (c.data as unknown as { [i: number]: number | bigint })[i]!;
    } else put(v as Scalar);
  }
}

/** A 1-d array viewing a TypedArray's memory, with the TypedArray's dtype. */
export function fromTypedArray(t: TypedArray | Uint8ClampedArray): NDArray {
  const dtype = dtypeOfTypedArray(t);
  const data = t instanceof Uint8ClampedArray ? new Uint8Array(t.buffer, t.byteOffset, t.length) : t;
  return new NDArray(data, [t.length], [1], 0, dtype);
}

/** Options of `np.array` / `np.asarray`. */
export interface ArrayOptions {
  /** The dtype of the result; inferred from the data when omitted. */
  dtype?: DTypeLike;
}

/**
 * Converts `x` to an array without copying when it already is one of the requested dtype
 * (`np.asarray`). A TypedArray keeps its dtype and shares its memory.
 *
 * @example
 * np.asarray([1, 2]).dtype; // 'int32'
 * np.asarray(new Float32Array(3)).dtype; // 'float32'
 */
export function asarray(x: ArrayLike, options: ArrayOptions = {}): NDArray {
  const dtype = options.dtype === undefined ? undefined : toDType(options.dtype);
  if (x instanceof NDArray) return dtype === undefined || dtype === x.dtype ? x : copyOf(x, dtype);
  if (isTypedArray(x) || (x as unknown) instanceof Uint8ClampedArray) {
    const a = fromTypedArray(x as TypedArray);
    return dtype === undefined || dtype === a.dtype ? a : copyOf(a, dtype);
  }
  return build(x, dtype);
}

/**
 * Creates an array from nested lists, scalars, TypedArrays or arrays, always copying
 * (`np.array`). Integral numbers give int32 (API.md), other numbers float64.
 *
 * @example
 * np.array([[1, 2], [3, 4]]).shape; // [2, 2]
 * np.array([1, 2.5]).dtype; // 'float64'
 */
export function array(x: ArrayLike, options: ArrayOptions = {}): NDArray {
  const dtype = options.dtype === undefined ? undefined : toDType(options.dtype);
  if (x instanceof NDArray) return copyOf(x, dtype ?? x.dtype);
  if (isTypedArray(x) || (x as unknown) instanceof Uint8ClampedArray) {
    const a = fromTypedArray(x as TypedArray);
    return copyOf(a, dtype ?? a.dtype);
  }
  return build(x, dtype);
}

function build(x: ArrayLike, dtype: DType | undefined): NDArray {
  if (x === null || x === undefined || (typeof x === 'object' && !Array.isArray(x))) {
    throw new DTypeError(`cannot convert ${describe(x)} to an array`);
  }
  if (!isScalar(x) && !Array.isArray(x)) throw new DTypeError(`cannot convert ${describe(x)} to an array`);
  const info = inspect(x);
  const dt = dtype ?? info.dtype;
  const data = allocate(dt, sizeOf(info.shape));
  fill(x, data, dt);
  return new NDArray(data, info.shape, cStrides(info.shape), 0, dt);
}

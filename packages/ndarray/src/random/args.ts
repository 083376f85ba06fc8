/**
 * Argument handling shared by the samplers, as NumPy's `_common.pyx` does it: the `size`
 * argument, distribution parameters that are scalars or broadcasting arrays, NumPy's
 * constraint checks and messages, and the output arrays.
 *
 * NumPy takes a fast path when every parameter is a scalar (draws without a `size` then
 * return a scalar) and otherwise broadcasts the parameters against each other and the
 * `size`, filling the output in C order; both paths draw in the same order.
 */
import { NDArray } from '../ndarray.js';
import { allocate, type DType, type TypedArray } from '../dtype/dtypes.js';
import { DTypeError, ValueError } from '../errors.js';
import { cStrides, sizeOf } from '../shape/shape.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { copyOf } from '../ops/assign.js';
import { broadcastShapes, broadcastTo } from '../ops/shape.js';

/** NumPy's `size`: a length, a shape, or nothing for a single scalar draw. */
export type Size = number | readonly number[] | null | undefined;

/** The output shape a `size` asks for, or `null` for a scalar draw. */
export function parseSize(size: Size): number[] | null {
  if (size === null || size === undefined) return null;
  if (typeof size === 'number' && !Number.isInteger(size)) {
    throw new DTypeError(`expected a sequence of integers or a single integer, got '${String(size)}'`);
  }
  const list: readonly unknown[] = typeof size === 'number' ? [size] : Array.from(size as readonly number[]);
  const out: number[] = [];
  for (const d of list) {
    if (typeof d !== 'number' || !Number.isInteger(d)) {
      throw new DTypeError(`'${typeof d === 'number' ? 'float' : typeof d}' object cannot be interpreted as an integer`);
    }
    if (d < 0) throw new ValueError('negative dimensions are not allowed');
    out.push(d);
  }
  return out;
}

/**
 * Lets the options object take the place of an omitted `size` (`rng.integers(0, 5, { dtype })`,
 * `rng.choice(5, { replace: false })`): returns the actual size and options.
 */
export function sizeAndOptions<T extends object>(size: Size | T, options: T | undefined): [Size, T] {
  if (size !== null && typeof size === 'object' && !Array.isArray(size) && !ArrayBuffer.isView(size)) {
    return [undefined, size as T];
  }
  return [size as Size, options ?? ({} as T)];
}

/** A C-contiguous array of `shape` over freshly allocated storage. */
export function newArray(shape: readonly number[], dtype: DType): NDArray {
  return wrap(allocate(dtype, sizeOf(shape)), shape, dtype);
}

/** Wraps a TypedArray holding `shape`'s elements in C order. */
export function wrap(data: TypedArray, shape: readonly number[], dtype: DType): NDArray {
  return new NDArray(data, [...shape], cStrides(shape), 0, dtype);
}

/** True when a parameter takes NumPy's scalar path (a JS scalar or a 0-d array). */
export function isScalarParam(x: ArrayLike): boolean {
  return typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint' || (x instanceof NDArray && x.ndim === 0);
}

/** The float value of a scalar parameter. */
export function scalarValue(x: ArrayLike): number {
  if (x instanceof NDArray) return Number(x.item());
  return Number(x);
}

/** NumPy's parameter constraints (`CONS_*`). */
export type Constraint = 'none' | 'nonNegative' | 'bounded01';

/** NumPy's `check_constraint` for a scalar parameter. */
export function checkScalar(v: number, name: string, cons: Constraint): void {
  if (cons === 'nonNegative') {
    if (!Number.isNaN(v) && (v < 0 || Object.is(v, -0))) throw new ValueError(`${name} < 0`);
  } else if (cons === 'bounded01') {
    if (!(v >= 0) || !(v <= 1)) throw new ValueError(`${name} < 0, ${name} > 1 or ${name} is NaN`);
  }
}

/** NumPy's `check_array_constraint` for an array parameter (float64 values). */
export function checkArray(values: Float64Array, name: string, cons: Constraint): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (cons === 'nonNegative' && !Number.isNaN(v) && (v < 0 || Object.is(v, -0))) throw new ValueError(`${name} < 0`);
    if (cons === 'bounded01' && (!(v >= 0) || !(v <= 1))) {
      throw new ValueError(`${name} < 0, ${name} > 1 or ${name} contains NaNs`);
    }
  }
}

/** NumPy's `validate_output_shape` message. */
function tuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * The output shape of a broadcast draw: the parameters' common shape, or `size`, which the
 * parameters must broadcast to exactly. `order` lists the shapes in NumPy's iterator order
 * (the output, when `size` is given, takes the index NumPy gives it) for the messages.
 */
export function drawShape(size: number[] | null, shapes: readonly (readonly number[])[], outIndex = 0): number[] {
  if (size === null) return broadcastShapes(...shapes);
  const all = [...shapes];
  all.splice(outIndex, 0, size);
  const b = broadcastShapes(...all);
  if (b.length !== size.length || b.some((d, i) => d !== size[i])) {
    throw new ValueError(`Output size ${tuple(size)} is not compatible with broadcast dimensions of inputs ${tuple(b)}.`);
  }
  return size;
}

/** The values of `a` broadcast to `shape`, in C order, as float64. */
export function broadcastValues(a: NDArray, shape: readonly number[]): Float64Array {
  return copyOf(broadcastTo(a, [...shape]), 'float64').data as Float64Array;
}

/** A float64 parameter array (NumPy converts parameters with `PyArray_FROM_OTF(..., NPY_DOUBLE)`). */
export function floatParam(x: ArrayLike): NDArray {
  return asarray(x, { dtype: 'float64' });
}

/** A distribution parameter with its name and constraint (names as NumPy's messages use them). */
export interface Param {
  value: ArrayLike;
  name: string;
  cons: Constraint;
}

/**
 * NumPy's `cont`: a float64 draw of a distribution with one to three parameters. Scalars
 * (and no `size`) give a number; otherwise a float64 array of `size` or of the parameters'
 * broadcast shape. `sample` receives the parameter values of each element.
 */
export function cont(size: Size, params: readonly Param[], sample: (a: number, b: number, c: number) => number): number | NDArray {
  const shape = parseSize(size);
  if (params.every((p) => isScalarParam(p.value))) {
    const v = params.map((p) => scalarValue(p.value));
    params.forEach((p, i) => checkScalar(v[i]!, p.name, p.cons));
    const [a = 0, b = 0, c = 0] = v;
    if (shape === null) return sample(a, b, c);
    const out = new Float64Array(sizeOf(shape));
    for (let i = 0; i < out.length; i++) out[i] = sample(a, b, c);
    return wrap(out, shape, 'float64');
  }
  const arrays = params.map((p) => floatParam(p.value));
  arrays.forEach((a, i) => {
    if (params[i]!.cons !== 'none') checkArray(copyOf(a, 'float64').data as Float64Array, params[i]!.name, params[i]!.cons);
  });
  const outShape = drawShape(shape, arrays.map((a) => a.shape));
  const vals = arrays.map((a) => broadcastValues(a, outShape));
  const [va, vb, vc] = [vals[0], vals[1] ?? null, vals[2] ?? null];
  const out = new Float64Array(sizeOf(outShape));
  for (let i = 0; i < out.length; i++) out[i] = sample(va![i]!, vb === null ? 0 : vb[i]!, vc === null ? 0 : vc[i]!);
  return wrap(out, outShape, 'float64');
}

/** NumPy's `double_fill`/`float_fill`: `n` draws of a parameterless sampler. */
export function fill(size: Size, dtype: 'float64' | 'float32', sample: () => number): number | NDArray {
  const shape = parseSize(size);
  if (shape === null) return sample();
  const out = dtype === 'float64' ? new Float64Array(sizeOf(shape)) : new Float32Array(sizeOf(shape));
  for (let i = 0; i < out.length; i++) out[i] = sample();
  return wrap(out, shape, dtype);
}

/** Resolves a float `dtype` option: float64 (default) or float32, else NumPy's TypeError. */
export function floatDType(dtype: string | undefined, method: string): 'float64' | 'float32' {
  const d = dtype ?? 'float64';
  if (d === 'float64' || d === 'f8' || d === 'double' || d === 'float') return 'float64';
  if (d === 'float32' || d === 'f4' || d === 'single') return 'float32';
  throw new DTypeError(`Unsupported dtype dtype('${d}') for ${method}`);
}

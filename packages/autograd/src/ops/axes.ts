/**
 * Argument helpers shared by the op families: axis normalisation with NumPy's messages,
 * the `(axis?, options?)` calling convention of reductions, and shape arithmetic. No
 * Tensor ops here, so every op file may import it.
 */
import * as np from '@numbat/ndarray';

/** An `axis` argument: one axis, several, or `null` for all (negative axes count from the end). */
export type Axis = number | readonly number[] | null;

/** Options of the reductions on tensors (`sum`, `mean`, `max`, `logsumexp`, ...). */
export interface ReduceOptions {
  /** Axis or axes to reduce; `null` (the default) reduces all. */
  axis?: Axis;
  /** Keep the reduced axes as length 1 (default false). */
  keepdims?: boolean;
}

/** Options of `var` and `std` on tensors. */
export interface VarOptions extends ReduceOptions {
  /** Delta degrees of freedom: the divisor is `n - ddof` (default 0, as NumPy). */
  ddof?: number;
}

/** One axis in `[0, ndim)`, with NumPy's `AxisError` otherwise. */
export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis)) throw new np.DTypeError(`'float' object cannot be interpreted as an integer`);
  if (axis < -ndim || axis >= ndim) throw new np.AxisError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  return axis < 0 ? axis + ndim : axis;
}

/** The sorted axes of an axis argument (`null`/`undefined`: all), NumPy's errors for bad or repeated ones. */
export function normalizeAxes(axis: Axis | undefined, ndim: number): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = (typeof axis === 'number' ? [axis] : [...axis]).map((a) => normalizeAxis(a, ndim));
  if (new Set(list).size !== list.length) throw new np.ValueError("duplicate value in 'axis'");
  return list.sort((a, b) => a - b);
}

/** Splits a reduction's `(axis?, options?)` arguments: the axis may come positionally or in the options. */
export function reduceArgs<O extends ReduceOptions>(axisOrOptions: Axis | O | undefined, options: O | undefined): O {
  if (axisOrOptions === undefined || axisOrOptions === null || typeof axisOrOptions === 'number' || Array.isArray(axisOrOptions)) {
    const o = options ?? ({} as O);
    if (axisOrOptions !== undefined && o.axis !== undefined) throw new np.DTypeError("got multiple values for argument 'axis'");
    return { ...o, axis: (axisOrOptions as Axis | undefined) ?? o.axis ?? null };
  }
  return { ...(axisOrOptions as O), axis: (axisOrOptions as O).axis ?? null };
}

/** `shape` with the reduced `axes` kept as length 1 (NumPy's `keepdims=True` shape). */
export function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

/** `shape` with the reduced `axes` dropped, or kept as 1 with `keepdims`. */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepdims: boolean): number[] {
  return keepdims ? keptShape(shape, axes) : shape.filter((_, i) => !axes.includes(i));
}

/** Product of the lengths of `axes` of `shape`. */
export function countOf(shape: readonly number[], axes: readonly number[]): number {
  let n = 1;
  for (const a of axes) n *= shape[a]!;
  return n;
}

/** True when two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** The inverse of a permutation. */
export function inversePermutation(perm: readonly number[]): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((p, i) => (inv[p] = i));
  return inv;
}

/** `':'` repeated `n` times: a prefix selecting whole leading axes in an index. */
export function fullSlices(n: number): string[] {
  return new Array<string>(n).fill(':');
}

/**
 * Shape arithmetic: sizes, strides (in elements), axis normalisation and contiguity.
 */
import { axisError, duplicateAxisError, ValueError, DTypeError } from '../errors.js';

/** Number of elements of a shape (1 for `()`). */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** C-order (row-major) strides in elements. */
export function cStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= Math.max(shape[i]!, 1);
  }
  return s;
}

/** Fortran-order (column-major) strides in elements. */
export function fStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = 0; i < shape.length; i++) {
    s[i] = acc;
    acc *= Math.max(shape[i]!, 1);
  }
  return s;
}

/** NumPy's C-contiguity test: strides of size-1 axes do not matter; empty arrays are contiguous. */
export function isCContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  if (shape.includes(0)) return true;
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i]!;
    if (d === 0) return true;
    if (d !== 1) {
      if (strides[i] !== expected) return false;
      expected *= d;
    }
  }
  return true;
}

/** NumPy's Fortran-contiguity test. */
export function isFContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  if (shape.includes(0)) return true;
  let expected = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i]!;
    if (d === 0) return true;
    if (d !== 1) {
      if (strides[i] !== expected) return false;
      expected *= d;
    }
  }
  return true;
}

/** Normalises a possibly negative axis; throws `AxisError` when out of range. */
export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis)) throw new DTypeError(`'${typeof axis === 'number' ? 'float' : typeof axis}' object cannot be interpreted as an integer`);
  if (axis < -ndim || axis >= ndim) throw axisError(axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}

/**
 * Normalises an `axis` argument (int, list or null/undefined for all axes) into a sorted
 * list of distinct non-negative axes; duplicates throw as in NumPy.
 */
export function normalizeAxes(axis: number | readonly number[] | null | undefined, ndim: number): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : axis;
  const out = list.map((a) => normalizeAxis(a, ndim));
  const sorted = [...out].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) throw duplicateAxisError();
  return sorted;
}

/**
 * Validates a shape given by a user: non-negative integers. Accepts varargs or one array
 * (`reshape(2, 3)`, `reshape([2, 3])`), returning a fresh list.
 */
export function shapeArg(args: readonly (number | readonly number[])[]): number[] {
  const list: readonly number[] =
    args.length === 1 && Array.isArray(args[0]) ? (args[0] as readonly number[]) : (args as readonly number[]);
  const out: number[] = [];
  for (const d of list) {
    if (typeof d !== 'number' || !Number.isInteger(d)) {
      throw new DTypeError(`'${typeof d === 'number' ? 'float' : typeof d}' object cannot be interpreted as an integer`);
    }
    out.push(d);
  }
  return out;
}

/** Throws NumPy's error for a negative dimension in a new array's shape. */
export function checkNewShape(shape: readonly number[]): void {
  for (const d of shape) {
    if (d < 0) throw new ValueError('negative dimensions are not allowed');
  }
  if (sizeOf(shape) > 2 ** 32) throw new ValueError('array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.');
}

/**
 * Ops without gradients, on tensors: comparisons, logical and bitwise ops, float
 * classification, `isclose`, `argmax`/`argmin` (and NaN forms), `any`/`all`,
 * `countNonzero`. Their results are bool or integer tensors that never require grad
 * (PyTorch's rule), usable as masks (`ag.where(x.greater(0), x, 0)`) and indices.
 */
import * as np from '@numbat/ndarray';
import { rawOf, type TensorLike } from '../define-op.js';
import { Tensor } from '../tensor.js';
import { reduceArgs, type Axis, type ReduceOptions } from './axes.js';

const raw = (x: TensorLike): np.ArrayLike => (x instanceof Tensor ? rawOf(x) : x);

/** A comparison or logical op of two tensors: a bool (or integer) tensor without gradient. */
export type CompareFn = (a: TensorLike, b: TensorLike) => Tensor;
/** A unary test or logical op: a bool (or integer) tensor without gradient. */
export type TestFn = (x: TensorLike) => Tensor;

const binary = (f: (a: np.ArrayLike, b: np.ArrayLike) => np.NDArray): CompareFn => (a, b) => new Tensor(f(raw(a), raw(b)));
const unary = (f: (x: np.ArrayLike) => np.NDArray): TestFn => (x) => new Tensor(f(raw(x)));

/** `a == b` (`np.equal`), no gradient. @example ag.equal(ag.tensor([1, 2]), 2); // tensor([false, true]) */
export const equal: CompareFn = binary(np.equal);
/** `a != b` (`np.not_equal`), no gradient. @example ag.notEqual(ag.tensor([1, 2]), 2); // tensor([true, false]) */
export const notEqual: CompareFn = binary(np.notEqual);
/** `a < b` (`np.less`), no gradient. @example ag.less(ag.tensor([1, 2]), 2); // tensor([true, false]) */
export const less: CompareFn = binary(np.less);
/** `a <= b` (`np.less_equal`), no gradient. @example ag.lessEqual(ag.tensor([1, 3]), 2); // tensor([true, false]) */
export const lessEqual: CompareFn = binary(np.lessEqual);
/** `a > b` (`np.greater`), no gradient. @example ag.greater(ag.tensor([1, 3]), 2); // tensor([false, true]) */
export const greater: CompareFn = binary(np.greater);
/** `a >= b` (`np.greater_equal`), no gradient. @example ag.greaterEqual(ag.tensor([1, 2]), 2); // tensor([false, true]) */
export const greaterEqual: CompareFn = binary(np.greaterEqual);
/** Logical and (`np.logical_and`), no gradient. @example ag.logicalAnd(ag.tensor([1, 0]), true); // tensor([true, false]) */
export const logicalAnd: CompareFn = binary(np.logicalAnd);
/** Logical or (`np.logical_or`), no gradient. @example ag.logicalOr(ag.tensor([1, 0]), false); // tensor([true, false]) */
export const logicalOr: CompareFn = binary(np.logicalOr);
/** Logical xor (`np.logical_xor`), no gradient. @example ag.logicalXor(ag.tensor([1, 0]), true); // tensor([false, true]) */
export const logicalXor: CompareFn = binary(np.logicalXor);
/** Bitwise and of integers or bools (`np.bitwise_and`), no gradient. @example ag.bitwiseAnd(ag.tensor(np.array([6])), 3); // tensor([2], dtype=int32) */
export const bitwiseAnd: CompareFn = binary(np.bitwiseAnd);
/** Bitwise or (`np.bitwise_or`), no gradient. @example ag.bitwiseOr(ag.tensor(np.array([4])), 1); // tensor([5], dtype=int32) */
export const bitwiseOr: CompareFn = binary(np.bitwiseOr);
/** Bitwise xor (`np.bitwise_xor`), no gradient. @example ag.bitwiseXor(ag.tensor(np.array([6])), 3); // tensor([5], dtype=int32) */
export const bitwiseXor: CompareFn = binary(np.bitwiseXor);
/** Logical not (`np.logical_not`), no gradient. @example ag.logicalNot(ag.tensor([1, 0])); // tensor([false, true]) */
export const logicalNot: TestFn = unary(np.logicalNot);
/** Bitwise not (`np.invert`), no gradient. @example ag.invert(ag.tensor(np.array([true]))); // tensor([false]) */
export const invert: TestFn = unary(np.invert);
/** NaN test (`np.isnan`), no gradient. @example ag.isnan(ag.tensor([NaN, 1])); // tensor([true, false]) */
export const isnan: TestFn = unary(np.isnan);
/** Infinity test (`np.isinf`), no gradient. @example ag.isinf(ag.tensor([Infinity, 1])); // tensor([true, false]) */
export const isinf: TestFn = unary(np.isinf);
/** Finiteness test (`np.isfinite`), no gradient. @example ag.isfinite(ag.tensor([Infinity, 1])); // tensor([false, true]) */
export const isfinite: TestFn = unary(np.isfinite);

/** Options of {@link isclose} and {@link allclose}. */
export interface IscloseOptions {
  /** Relative tolerance (default 1e-5). */
  rtol?: number;
  /** Absolute tolerance (default 1e-8). */
  atol?: number;
  /** NaNs compare equal (default false). */
  equalNan?: boolean;
}

/** `|a - b| <= atol + rtol |b|` element-wise (`np.isclose`), no gradient. @example ag.isclose(ag.tensor([1, 2]), 1); // tensor([true, false]) */
export function isclose(a: TensorLike, b: TensorLike, options: IscloseOptions = {}): Tensor {
  return new Tensor(np.isclose(raw(a), raw(b), options));
}
/** True when every element is close (`np.allclose`). @example ag.allclose(ag.tensor([1]), 1); // true */
export function allclose(a: TensorLike, b: TensorLike, options: IscloseOptions = {}): boolean {
  return np.allclose(raw(a), raw(b), options);
}
/** True when shapes and elements are equal (`np.array_equal`). @example ag.arrayEqual(ag.tensor([1]), [1]); // true */
export function arrayEqual(a: TensorLike, b: TensorLike, options: { equalNan?: boolean } = {}): boolean {
  return np.arrayEqual(raw(a), raw(b), options);
}

/** Options of the index-valued reductions. */
export interface ArgOptions {
  /** The axis (default null: of the flattened tensor). */
  axis?: number | null;
  /** Keep the reduced axis as length 1. */
  keepdims?: boolean;
}

type ArgNp = (a: np.ArrayLike, axis: number | null | undefined, options: { keepdims?: boolean }) => number | np.NDArray;

function argReduction(f: ArgNp): (x: TensorLike, axisOrOptions?: number | null | ArgOptions, options?: ArgOptions) => Tensor {
  return (x, axisOrOptions, options) => {
    const o = typeof axisOrOptions === 'object' && axisOrOptions !== null ? axisOrOptions : { ...options, axis: axisOrOptions ?? options?.axis ?? null };
    return new Tensor(np.asarray(f(raw(x), o.axis ?? null, { keepdims: o.keepdims === true })));
  };
}

/** Index of the maximum (`np.argmax`), an int32 tensor without gradient. @example ag.argmax(ag.tensor([1, 3, 2])).item(); // 1 */
export const argmax = argReduction((a, axis, o) => np.argmax(a, axis, o));
/** Index of the minimum (`np.argmin`). @example ag.argmin(ag.tensor([1, 3, 0])).item(); // 2 */
export const argmin = argReduction((a, axis, o) => np.argmin(a, axis, o));
/** Index of the maximum ignoring NaN (`np.nanargmax`). @example ag.nanargmax(ag.tensor([NaN, 3, 2])).item(); // 1 */
export const nanargmax = argReduction((a, axis, o) => np.nanargmax(a, axis, o));
/** Index of the minimum ignoring NaN (`np.nanargmin`). @example ag.nanargmin(ag.tensor([NaN, 3, 2])).item(); // 2 */
export const nanargmin = argReduction((a, axis, o) => np.nanargmin(a, axis, o));

type BoolNp = (a: np.ArrayLike, axis: number[] | null, options: { keepdims: boolean }) => boolean | number | np.NDArray;

function boolReduction(f: BoolNp): (x: TensorLike, axisOrOptions?: Axis | ReduceOptions, options?: ReduceOptions) => Tensor {
  return (x, axisOrOptions, options) => {
    const o = reduceArgs(axisOrOptions, options);
    const axis = o.axis === null || o.axis === undefined ? null : typeof o.axis === 'number' ? [o.axis] : [...o.axis];
    return new Tensor(np.asarray(f(raw(x), axis, { keepdims: o.keepdims === true })));
  };
}

/** True where any element along the axes is nonzero (`np.any`), a bool tensor. @example ag.any(ag.tensor([0, 1])).item(); // 1 */
export const any = boolReduction((a, axis, o) => (axis === null ? np.any(a, null, o.keepdims ? { keepdims: true } : {}) : np.any(a, axis, o)));
/** True where every element along the axes is nonzero (`np.all`), a bool tensor. @example ag.all(ag.tensor([0, 1])).item(); // 0 */
export const all = boolReduction((a, axis, o) => (axis === null ? np.all(a, null, o.keepdims ? { keepdims: true } : {}) : np.all(a, axis, o)));
/** Number of nonzero elements along the axes (`np.count_nonzero`), an int32 tensor. @example ag.countNonzero(ag.tensor([0, 1, 2])).item(); // 2 */
export const countNonzero = boolReduction((a, axis, o) =>
  axis === null ? np.countNonzero(a, null, o.keepdims ? { keepdims: true } : {}) : np.countNonzero(a, axis, o),
);

/** Indices that sort along an axis (`np.argsort`, default -1), an int32 tensor. @example ag.argsort(ag.tensor([3, 1, 2])); // tensor([1, 2, 0], dtype=int32) */
export function argsort(x: TensorLike, axis: number | null = -1, options: { kind?: string | null; stable?: boolean | null } = {}): Tensor {
  return new Tensor(np.argsort(raw(x), axis, options));
}
/** Indices that partition along an axis (`np.argpartition`), an int32 tensor. @example ag.argpartition(ag.tensor([7, 1, 5]), 1).get(1).item(); // 2 */
export function argpartition(x: TensorLike, kth: np.ArrayLike, axis: number | null = -1): Tensor {
  return new Tensor(np.argpartition(raw(x), kth, axis));
}
/** Indices of the nonzero elements, one int32 tensor per axis (`np.nonzero`). @example ag.nonzero(ag.tensor([0, 2, 3]))[0]; // tensor([1, 2], dtype=int32) */
export function nonzero(x: TensorLike): Tensor[] {
  return np.nonzero(raw(x)).map((a) => new Tensor(a));
}
/** Indices of the nonzero elements as rows (`np.argwhere`). @example ag.argwhere(ag.tensor([0, 2])).shape; // [1, 1] */
export function argwhere(x: TensorLike): Tensor {
  return new Tensor(np.argwhere(raw(x)));
}
/** Flat indices of the nonzero elements (`np.flatnonzero`). @example ag.flatnonzero(ag.tensor([[0, 2]])); // tensor([1], dtype=int32) */
export function flatnonzero(x: TensorLike): Tensor {
  return new Tensor(np.flatnonzero(raw(x)));
}
/** Insertion indices keeping `a` sorted (`np.searchsorted`), an int32 tensor. @example ag.searchsorted(ag.tensor([1, 3, 5]), [4]); // tensor([2], dtype=int32) */
export function searchsorted(a: TensorLike, v: TensorLike, options: { side?: 'left' | 'right'; sorter?: np.ArrayLike } = {}): Tensor {
  return new Tensor(np.asarray(np.searchsorted(raw(a), raw(v), options)));
}
/** The sorted distinct values (`np.unique`; no gradient, as PyTorch's `unique`). @example ag.unique(ag.tensor([2, 1, 2])); // tensor([1., 2.]) */
export function unique(x: TensorLike): Tensor {
  return new Tensor(np.unique(raw(x)));
}

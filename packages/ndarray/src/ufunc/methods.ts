/**
 * The methods every ufunc object carries (NumPy's ufunc methods): `reduce`, `accumulate`,
 * `reduceat`, `outer` and `at` on binary ufuncs, `at` on unary ones. `ufunc.ts` attaches
 * them when it builds a ufunc from its record; this file parses their arguments (the axis
 * positionally or in the options, NumPy's defaults) and hands over to the one mechanism of
 * each: `reduce.ts` (which every reduction of numbat is built on), `reduceat.ts`,
 * `at.ts`, and the ufunc call itself for `outer` (a broadcasting view, no new loop).
 *
 * Import order: `ufunc.ts` imports this file and this file imports `reduce.ts`, which
 * imports `ufunc.ts`; nothing here runs at module evaluation (only inside the methods),
 * so the cycle is harmless in whichever order the modules load.
 */
import { NDArray } from '../ndarray.js';
import { DTypeError } from '../errors.js';
import type { IndexItem } from '../shape/index-parse.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import type { BinaryUfunc, UfuncOptions, UnaryUfunc } from './ufunc.js';
import { accumulate, reduce, type AccumulateOptions, type ReduceOptions } from './reduce.js';
import { reduceat, type ReduceatOptions } from './reduceat.js';
import { ufuncAt } from './at.js';

/** The axis argument of `ufunc.reduce`: one axis, several, or `null` for all. */
export type ReduceAxis = number | readonly number[] | null;

/** The index of `ufunc.at`: one index item, or an array of items (a tuple, as in `a.set`). */
export type AtIndex = IndexItem | readonly IndexItem[];

function isAxisArg(x: unknown): boolean {
  return x === null || typeof x === 'number' || Array.isArray(x);
}

/**
 * The options of a method called as `f(a, axis?, options?)` or `f(a, options)`, with the
 * axis merged in. Giving the axis both ways throws, as Python does for a repeated argument.
 */
export function withAxis<O extends { axis?: unknown }>(name: string, axisOrOptions: unknown, options: O | undefined): O {
  if (axisOrOptions === undefined) return options ?? ({} as O);
  if (isAxisArg(axisOrOptions)) {
    if (options?.axis !== undefined) throw new DTypeError(`${name}() got multiple values for argument 'axis'`);
    return { ...options, axis: axisOrOptions } as O;
  }
  if (typeof axisOrOptions !== 'object') {
    const t = typeof axisOrOptions;
    throw new DTypeError(`'${t === 'string' ? 'str' : t}' object cannot be interpreted as an integer`);
  }
  return axisOrOptions as O;
}

/** `ufunc.reduce(a, axis = 0, { keepdims, dtype, out, initial })`. */
export function reduceMethod(u: BinaryUfunc, a: ArrayLike, axis?: ReduceAxis | ReduceOptions, options?: ReduceOptions): NDArray {
  return reduce(u, a, withAxis('reduce', axis, options));
}

/** `ufunc.accumulate(a, axis = 0, { dtype, out })`. */
export function accumulateMethod(u: BinaryUfunc, a: ArrayLike, axis?: ReduceAxis | AccumulateOptions, options?: AccumulateOptions): NDArray {
  return accumulate(u, a, withAxis('accumulate', axis, options));
}

/** `ufunc.reduceat(a, indices, axis = 0, { dtype, out })`. */
export function reduceatMethod(u: BinaryUfunc, a: ArrayLike, indices: ArrayLike, axis?: ReduceAxis | ReduceatOptions, options?: ReduceatOptions): NDArray {
  return reduceat(u, a, indices, withAxis('reduceat', axis, options));
}

/**
 * `ufunc.outer(a, b, { dtype, out })`: `ufunc(a[..., None, ..., None], b)`, the result of
 * shape `a.shape + b.shape`. Both inputs are converted with `asarray` first (as NumPy's
 * outer does, so JS numbers are not weak scalars here: `np.add.outer(float32Array, 1.5)`
 * is float64, like NumPy's), then `a` is viewed with `b.ndim` trailing stride-0 axes and
 * the ufunc's own call broadcasts.
 */
export function outerMethod(u: BinaryUfunc, a: ArrayLike, b: ArrayLike, options?: UfuncOptions): NDArray {
  const x = asarray(a);
  const y = asarray(b);
  const shape = [...x.shape, ...y.shape.map(() => 1)];
  const strides = [...x.strides, ...y.shape.map(() => 0)];
  const xv = new NDArray(x.data, shape, strides, x.offset, x.dtype, x, x.flags.writeable);
  return u(xv, y, options);
}

/** `ufunc.at(a, indices, b)` of a binary ufunc (see `at.ts`). */
export function atMethod(u: BinaryUfunc | UnaryUfunc, a: NDArray, indices: AtIndex, b: ArrayLike | undefined): void {
  ufuncAt(u, a, indices, b);
}

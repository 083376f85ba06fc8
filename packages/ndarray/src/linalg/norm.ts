/**
 * `np.linalg.norm`: vector and matrix norms, written as NumPy's Python code is, on top of
 * numbat's ufuncs and reductions (so float32 input is reduced in float32 and empty axes
 * raise NumPy's messages); the SVD-based orders (2, -2, 'nuc') use the batched SVD.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES } from '../dtype/dtypes.js';
import { DTypeError, ValueError } from '../errors.js';
import { normalizeAxis } from '../shape/shape.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { asDType, copyOf } from '../ops/assign.js';
import { moveaxis, ravel, reshape } from '../ops/shape.js';
import { max, min } from '../ops/reductions.js';
import { dot } from '../ops/products.js';
import { reduce } from '../ufunc/reduce.js';
import { abs, add, multiply, power } from '../ufunc/arithmetic.js';
import { sqrt } from '../ufunc/math.js';
import { notEqual } from '../ufunc/compare-logic.js';
import { batchedSvd } from './svd.js';

/** A norm order: a number (`Infinity`, `-Infinity`, 0, 1, 2, any p), 'fro' / 'f', 'nuc', or null (the default). */
export type NormOrd = number | 'fro' | 'f' | 'nuc' | null;

/** Options of {@link norm}. */
export interface NormOptions {
  /** The order (see {@link NormOrd}); may also be passed positionally. */
  ord?: NormOrd;
  /** One axis (vector norms) or two (matrix norms); null: the whole array (1-d or 2-d, or any with the default order). */
  axis?: number | readonly number[] | null;
  /** Keep the normed axes as length 1. */
  keepdims?: boolean;
}

/** Options that give a JS number: no axis and no keepdims. */
export type NormScalarForm = { axis?: null; keepdims?: false };
/** Options that give an NDArray. */
export type NormArrayForm = { axis: number | readonly number[] } | { keepdims: true };

function isOrd(x: unknown): x is NormOrd {
  return x === null || typeof x === 'number' || typeof x === 'string';
}

/**
 * A matrix or vector norm (`np.linalg.norm`). With no `axis`: the 2-norm of the flattened
 * array for the default order, else a vector norm of a 1-d array or a matrix norm of a
 * 2-d one. `axis` as one axis gives vector norms along it (`ord`: null/2, 1, Infinity,
 * -Infinity, 0 (count of nonzeros), any other p: `sum(|x|^p)^(1/p)`); as two axes, matrix
 * norms over them (`ord`: null/'fro', 'nuc', 1, -1, 2, -2, Infinity, -Infinity).
 * Integer and bool input is converted to float64; float32 stays float32. Returns a JS
 * number when no `axis` and no `keepdims` are given (as NumPy returns a scalar), else an
 * NDArray.
 *
 * @example
 * np.linalg.norm([3, 4]); // 5
 * np.linalg.norm([[1, 2], [3, 4]], 'fro'); // 5.477225575051661
 * np.linalg.norm([[1, 2], [3, 4]], Infinity, { axis: 1 }).tolist(); // [2, 4]
 */
export function norm(x: ArrayLike, ord?: NormOrd, options?: NormOptions & NormScalarForm): number;
export function norm(x: ArrayLike, options: NormOptions & NormScalarForm): number;
export function norm(x: ArrayLike, ord: NormOrd | undefined, options: NormOptions & NormArrayForm): NDArray;
export function norm(x: ArrayLike, options: NormOptions & NormArrayForm): NDArray;
export function norm(x: ArrayLike, ord?: NormOrd | NormOptions, options?: NormOptions): number | NDArray;
export function norm(x: ArrayLike, ordOrOptions?: NormOrd | NormOptions, options?: NormOptions): number | NDArray {
  let o: NormOptions;
  let ord: NormOrd;
  if (ordOrOptions === undefined || isOrd(ordOrOptions)) {
    o = options ?? {};
    if (ordOrOptions !== undefined && o.ord !== undefined) throw new DTypeError("norm() got multiple values for argument 'ord'");
    ord = ordOrOptions ?? o.ord ?? null;
  } else {
    o = ordOrOptions;
    ord = o.ord ?? null;
  }
  const keepdims = o.keepdims === true;
  const scalar = (o.axis === undefined || o.axis === null) && !keepdims;
  const r = normArray(x, ord, o.axis ?? null, keepdims);
  return scalar ? (r.data as Float64Array | Float32Array)[r.offset]! : r;
}

function normArray(input: ArrayLike, ord: NormOrd, axis: number | readonly number[] | null, keepdims: boolean): NDArray {
  let x = asarray(input);
  if (DTYPES[x.dtype].kind !== 'f') x = copyOf(x, 'float64');
  const nd = x.ndim;
  let axes: readonly number[];
  if (axis === null) {
    if (ord === null || ((ord === 'fro' || ord === 'f') && nd === 2) || (ord === 2 && nd === 1)) {
      const flat = ravel(x);
      const ret = sqrt(dot(flat, flat));
      return keepdims ? reshape(ret, new Array<number>(nd).fill(1)) : ret;
    }
    axes = Array.from({ length: nd }, (_, i) => i);
  } else axes = typeof axis === 'number' ? [axis] : axis;

  if (axes.length === 1) return vectorNorm(x, ord, axes, keepdims);
  if (axes.length !== 2) throw new ValueError('Improper number of dimensions to norm.');
  let row = normalizeAxis(axes[0]!, nd);
  let col = normalizeAxis(axes[1]!, nd);
  if (row === col) throw new ValueError('Duplicate axes given.');
  const rowAxis = row;
  const colAxis = col;
  let ret: NDArray;
  if (ord === 2 || ord === -2 || ord === 'nuc') {
    const s = batchedSvd(moveaxis(x, [row, col], [-2, -1]), 'none', x.dtype === 'float32' ? 'float32' : 'float64').s;
    if (ord === 2) ret = max(s, -1, { initial: 0 });
    else if (ord === -2) ret = min(s, -1);
    else ret = reduce(add, s, { axis: -1 });
  } else if (ord === 1 || ord === -1) {
    if (col > row) col -= 1;
    const sums = reduce(add, abs(x), { axis: row });
    ret = ord === 1 ? max(sums, col, { initial: 0 }) : min(sums, col);
  } else if (ord === Infinity || ord === -Infinity) {
    if (row > col) row -= 1;
    const sums = reduce(add, abs(x), { axis: col });
    ret = ord === Infinity ? max(sums, row, { initial: 0 }) : min(sums, row);
  } else if (ord === null || ord === 'fro' || ord === 'f') {
    ret = sqrt(reduce(add, multiply(x, x), { axis: [rowAxis, colAxis] }));
  } else {
    throw new ValueError('Invalid norm order for matrices.');
  }
  if (keepdims) {
    const shape = x.shape.slice();
    shape[rowAxis] = 1;
    shape[colAxis] = 1;
    ret = reshape(ret, shape);
  }
  return ret;
}

/** The vector norms of `x` along one axis (NumPy's `len(axis) == 1` branch). */
function vectorNorm(x: NDArray, ord: NormOrd, axis: readonly number[], keepdims: boolean): NDArray {
  if (ord === Infinity) return max(abs(x), axis, { keepdims, initial: 0 });
  if (ord === -Infinity) return min(abs(x), axis, { keepdims });
  if (ord === 0) return reduce(add, asDType(notEqual(x, 0), x.dtype), { axis, keepdims });
  if (ord === 1) return reduce(add, abs(x), { axis, keepdims });
  if (ord === null || ord === 2) return sqrt(reduce(add, multiply(x, x), { axis, keepdims }));
  if (typeof ord === 'string') throw new ValueError(`Invalid norm order '${ord}' for vectors`);
  // NumPy: absx **= ord; ret **= reciprocal(ord, dtype=ret.dtype)
  const sum = reduce(add, power(abs(x), ord), { axis, keepdims });
  const inv = x.dtype === 'float32' ? Math.fround(1 / Math.fround(ord)) : 1 / ord;
  return power(sum, inv);
}

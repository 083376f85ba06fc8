/**
 * Matrices and grids: `eye`, `identity`, `diag`, `meshgrid`. Diagonals are strided views
 * (step `rows stride + column stride`), so `diag` writes or reads them with one `assign`.
 */
import { NDArray } from '../ndarray.js';
import { type DTypeLike } from '../dtype/dtypes.js';
import { checkNewShape, cStrides, fStrides } from '../shape/shape.js';
import { ValueError } from '../errors.js';
import { asarray, type ArrayLike } from './convert.js';
import { assign, copyOf } from './assign.js';
import { reshape, view } from './shape.js';
import { broadcastArrays } from './join.js';
import { checkOrder, newArray } from './memory-order.js';
import { dtypeOption, intArg, isOptions, scalarValue } from './creation-args.js';

/** Options of `eye`. */
export interface EyeOptions {
  /** Number of columns (default: N). */
  M?: number | null;
  /** Index of the diagonal: 0 the main one, > 0 above it, < 0 below it. */
  k?: number;
  /** Element type (default float64). */
  dtype?: DTypeLike;
  /** Memory order: 'C' (default) or 'F'. */
  order?: 'C' | 'F';
}

/**
 * An N x M array with ones on the k-th diagonal and zeros elsewhere (`np.eye`). `M` and
 * `k` may be passed positionally or in the options; the dtype defaults to float64.
 *
 * @example
 * np.eye(2).tolist(); // [[1, 0], [0, 1]]
 * np.eye(2, 3, 1, { dtype: 'int32' }).tolist(); // [[0, 1, 0], [0, 0, 1]]
 */
export function eye(N: number, ...rest: (number | null | undefined | EyeOptions | DTypeLike)[]): NDArray {
  let opts: EyeOptions = {};
  const positional: (number | null | undefined)[] = [];
  for (const r of rest) {
    if (typeof r === 'string') opts = { ...opts, dtype: r };
    else if (isOptions(r)) opts = { ...opts, ...(r as EyeOptions) };
    else positional.push(r as number | null | undefined);
  }
  const n = intArg(N);
  const mArg = positional[0] ?? opts.M;
  const m = mArg === undefined || mArg === null ? n : intArg(mArg);
  const k = intArg(positional[1] ?? opts.k ?? 0);
  const dtype = dtypeOption(opts.dtype, 'float64');
  const shape = [n, m];
  checkNewShape(shape);
  const order = checkOrder(opts.order ?? 'C');
  if (order !== 'C' && order !== 'F') throw new ValueError("only 'C' or 'F' order is permitted");
  const out = newArray(shape, dtype, order === 'C' ? cStrides(shape) : fStrides(shape));
  const one = scalarValue(1, dtype);
  const data = out.data as unknown as { [i: number]: number | bigint };
  const [s0, s1] = out.strides as [number, number];
  for (let r = Math.max(0, -k); r < n && r + k < m; r++) data[r * s0 + (r + k) * s1] = one;
  return out;
}

/**
 * The n x n identity matrix (`np.identity`), float64 unless `dtype` is given.
 *
 * @example
 * np.identity(3, { dtype: 'int32' }).tolist(); // [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
 */
export function identity(n: number, options: { dtype?: DTypeLike } | DTypeLike = {}): NDArray {
  return eye(n, typeof options === 'string' ? { dtype: options } : options);
}

/**
 * The k-th diagonal (`np.diag`): for a 1-d `v`, a new square 2-d array with `v` on its k-th
 * diagonal; for a 2-d `v`, its k-th diagonal as a read-only view (NumPy's `diagonal`,
 * which is a read-only view since NumPy 1.9; `np.copy` it to write).
 *
 * @example
 * np.diag([1, 2]).tolist(); // [[1, 0], [0, 2]]
 * np.diag([[1, 2], [3, 4]], 1).tolist(); // [2]
 */
export function diag(v: ArrayLike, k = 0): NDArray {
  const a = asarray(v);
  const kk = intArg(k);
  if (a.ndim === 1) {
    const len = a.shape[0]!;
    const n = len + Math.abs(kk);
    const out = newArray([n, n], a.dtype, cStrides([n, n]));
    const start = kk >= 0 ? kk : -kk * n;
    if (len > 0) assign(new NDArray(out.data, [len], [n + 1], start, a.dtype, out), a, false);
    return out;
  }
  if (a.ndim === 2) {
    const [rows, cols] = a.shape as [number, number];
    const [s0, s1] = a.strides as [number, number];
    const len = Math.max(0, kk >= 0 ? Math.min(rows, cols - kk) : Math.min(rows + kk, cols));
    const offset = len === 0 ? a.offset : a.offset + (kk >= 0 ? kk * s1 : -kk * s0);
    return view(a, [len], [s0 + s1], offset, false);
  }
  throw new ValueError('Input must be 1- or 2-d.');
}

/** Options of `meshgrid`. */
export interface MeshgridOptions {
  /** 'xy' (Cartesian, default: the first two output axes are swapped) or 'ij' (matrix). */
  indexing?: 'xy' | 'ij';
  /** Return arrays with length-1 axes that broadcast, instead of full grids (default false). */
  sparse?: boolean;
  /** Return fresh C-order copies (default true); false returns read-only broadcast views. */
  copy?: boolean;
}

/**
 * Coordinate grids from 1-d coordinate vectors (`np.meshgrid`), as a JS array. With n
 * inputs of lengths `l0, l1, ...`, each output has shape `(l1, l0, l2, ...)` for 'xy'
 * indexing and `(l0, l1, l2, ...)` for 'ij'. Inputs of other ranks are flattened.
 *
 * @example
 * const [X, Y] = np.meshgrid([1, 2, 3], [4, 5]);
 * X.tolist(); // [[1, 2, 3], [1, 2, 3]]
 * Y.tolist(); // [[4, 4, 4], [5, 5, 5]]
 */
export function meshgrid(...args: (ArrayLike | MeshgridOptions)[]): NDArray[] {
  let opts: MeshgridOptions = {};
  let xs = args;
  if (args.length > 0 && isOptions(args[args.length - 1])) {
    opts = args[args.length - 1] as MeshgridOptions;
    xs = args.slice(0, -1);
  }
  const indexing = opts.indexing ?? 'xy';
  if (indexing !== 'xy' && indexing !== 'ij') throw new ValueError("Valid values for `indexing` are 'xy' and 'ij'.");
  const nd = xs.length;
  let out = xs.map((x, i) => {
    const shape = new Array<number>(nd).fill(1);
    shape[i] = -1;
    if (indexing === 'xy' && nd > 1 && i < 2) {
      shape[i] = 1;
      shape[1 - i] = -1;
    }
    return reshape(asarray(x as ArrayLike), shape);
  });
  if (opts.sparse !== true) out = broadcastArrays(...out);
  if (opts.copy !== false) out = out.map((a) => copyOf(a));
  return out;
}

/**
 * Products (API.md "Products", minus einsum): `dot, vdot, inner, outer, matmul,
 * tensordot, trace, kron`, with NumPy 2's semantics and messages.
 *
 * Every sum of products runs on the batched driver of `matmul.ts` (`batchedProduct`: each
 * product is A (m×k) times B (k×n) given by offsets and strides over the operands' own
 * buffers, one matrix kernel of `kernels/matmul.ts` per batch element). `dot`, `inner`,
 * `vdot` and `tensordot` only describe their operands that way; operands whose leading
 * axes cannot be merged into one stride are copied first (by `reshape`).
 * `outer`, `kron` and products with a 0-d operand are element-wise (`np.multiply`);
 * `trace` is `np.add.reduce` over a diagonal view.
 *
 * dtypes: the result is `np.resultType` of the inputs (JS numbers convert as `asarray`
 * does, so `dot(int8Array, 3)` is int32 where NumPy, whose default int is int64, gives
 * int64). Integers wrap as NumPy's, bool products are or-of-ands, int64/uint64 use bigints.
 * float32 products accumulate in float64 and round once (more accurate than NumPy's
 * float32 BLAS; results may differ in the last bits).
 *
 * Signed zeros follow NumPy's BLAS paths: sums start from +0, except that a float `dot`
 * or `inner` of operands of at most 2 axes with a one-element operand and one product
 * stores that product itself, and a 0-d operand against an operand of at most 2 axes
 * scales into zeros (`0 + s*x`), as NumPy's `cblas_matrixproduct` does.
 *
 * Return values: NumPy returns a scalar where a product has no axes left; numbat returns a
 * 0-d NDArray from `dot`, `inner`, `matmul`, `tensordot` and `kron` (so they chain and
 * keep one type; `.item()` gives the number), and a JS scalar from `vdot` (always a full
 * sum) and from `trace` of a 2-d array (a full reduction, as `np.sum`).
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, type DType, type DTypeLike } from '../dtype/dtypes.js';
import { promoteTypes } from '../dtype/promotion.js';
import { sizeOf } from '../shape/shape.js';
import type { Buf } from '../kernels/elementwise.js';
import {
  AxisError,
  DTypeError,
  IndexError,
  ValueError,
  axisError,
  notAlignedError,
  reshapeError,
} from '../errors.js';
import { asarray, type ArrayLike, type Scalar } from './convert.js';
import { assign, asDType, emptyArray } from './assign.js';
import { ravel, reshape, transpose, view } from './shape.js';
import { add, multiply } from '../ufunc/arithmetic.js';
import { loopInput } from '../ufunc/ufunc.js';
import { reduce } from '../ufunc/reduce.js';
import { batchedProduct, kernelFor, withShape } from './matmul.js';

export { matmul, type MatmulOptions } from './matmul.js';

/** `a` as an M×K matrix (leading axes merged): a view when the strides allow, else a copy. */
function asMatrix(a: NDArray, rows: number, cols: number): NDArray {
  return reshape(a, [rows, cols]);
}

/**
 * `a * b` with both converted to `dtype` first (NumPy's dot/inner of a 0-d operand). For
 * floats with the other operand at most 2-d NumPy's BLAS path scales into a zeroed output
 * (`0 + s*x`, an axpy), so zeros come out +0 unless the result has one element.
 */
function scalarProduct(x: NDArray, y: NDArray, dtype: DType): NDArray {
  const r = multiply(asDType(x, dtype), asDType(y, dtype));
  if (DTYPES[dtype].kind === 'f' && x.ndim <= 2 && y.ndim <= 2 && r.size !== 1) {
    const d = r.data as Float64Array | Float32Array;
    for (let i = 0; i < d.length; i++) if (d[i] === 0) d[i] = 0;
  }
  return r;
}

/** What NumPy's BLAS dot treats as a scalar: 0-d, `(0,)`, `(1,)`, `(1, 1)` and `(0, 1)`. */
function scalarShaped(shape: readonly number[]): boolean {
  return shape.length === 0 || (shape.length === 1 && shape[0]! <= 1) || (shape.length === 2 && shape[0]! <= 1 && shape[1] === 1);
}

/**
 * NumPy's float dot of operands of at most 2 axes, one of them scalar-shaped, with a
 * single product: it stores `x * y` itself instead of a sum from +0, so a -0 product stays
 * -0 (`np.dot([-0.], [1.])` is -0.0). `c` is the result, `xa`/`ya` the operands as read
 (their first element), `xShape`/`yShape` the shapes NumPy's dot sees.
 */
function singleProduct(
  c: NDArray,
  xa: NDArray,
  ya: NDArray,
  xShape: readonly number[],
  yShape: readonly number[],
  k: number,
): void {
  if (DTYPES[c.dtype].kind !== 'f' || c.size !== 1 || k !== 1 || xShape.length > 2 || yShape.length > 2) return;
  if (!scalarShaped(xShape) && !scalarShaped(yShape)) return;
  const xv = (xa.data as unknown as Buf)[xa.offset]!;
  const yv = (ya.data as unknown as Buf)[ya.offset]!;
  (c.data as unknown as Buf)[c.offset] = xv * yv;
}

/** The first element of an array as a JS scalar: boolean for bool, bigint for 64-bit ints. */
function scalarOf(a: NDArray): Scalar {
  const v = (a.data as unknown as { [i: number]: number | bigint })[a.offset]!;
  return a.dtype === 'bool' ? v !== 0 : v;
}

/** Options of {@link dot}. */
export interface DotOptions {
  /**
   * Write the result here. As NumPy, it must be C-contiguous, writeable and have exactly
   * the result's dtype and shape.
   */
  out?: NDArray;
}

/**
 * Dot product (`np.dot`): with a 0-d operand the element-wise product; 1-d·1-d the inner
 * product; 2-d·2-d the matrix product; n-d·1-d a sum over the last axes; n-d·m-d a sum
 * over the last axis of `a` and the second-to-last of `b`
 * (`result[i..., j..., l] = sum_p a[i..., p] * b[j..., p, l]`).
 * Returns a 0-d array where NumPy returns a scalar.
 *
 * @example
 * np.dot([[1, 2], [3, 4]], [[5, 6], [7, 8]]).tolist(); // [[19, 22], [43, 50]]
 * np.dot([1, 2, 3], [4, 5, 6]).item(); // 32
 */
export function dot(a: ArrayLike, b: ArrayLike, options: DotOptions = {}): NDArray {
  const x = asarray(a);
  const y = asarray(b);
  const loop = promoteTypes([x.dtype, y.dtype]);
  let result: NDArray;
  if (x.ndim === 0 || y.ndim === 0) {
    result = scalarProduct(x, y, loop);
  } else {
    const nx = x.ndim;
    const ny = y.ndim;
    const k = x.shape[nx - 1]!;
    const yAxis = ny === 1 ? 0 : ny - 2;
    if (y.shape[yAxis] !== k) throw notAlignedError(x.shape, y.shape, nx - 1, yAxis);
    const lead = x.shape.slice(0, nx - 1);
    const rows = sizeOf(lead);
    const xa = asMatrix(loopInput(x, loop), rows, k);
    const ya = loopInput(y, loop);
    const yb = y.shape.slice(0, Math.max(0, ny - 2));
    const n = ny === 1 ? 1 : y.shape[ny - 1]!;
    // the result, laid out as [rows, ...yb, n]: one product per index of b's batch axes
    const c = emptyArray([rows, ...yb, n], loop);
    batchedProduct(
      yb,
      rows,
      n,
      k,
      { arr: xa, batch: yb.map(() => 0), rs: xa.strides[0]!, cs: xa.strides[1]! },
      { arr: ya, batch: ya.strides.slice(0, yb.length), rs: ya.strides[yAxis]!, cs: ny === 1 ? 0 : ya.strides[ny - 1]! },
      { arr: c, batch: c.strides.slice(1, 1 + yb.length), rs: c.strides[0]!, cs: 1 },
    );
    result = withShape(c, ny === 1 ? [...lead, ...yb] : [...lead, ...yb, n]);
    singleProduct(result, xa, ya, x.shape, y.shape, k);
  }
  const out = options.out;
  if (out === undefined) return result;
  if (out.dtype !== loop || out.ndim !== result.ndim || !out.flags.cContiguous || !out.flags.writeable) {
    throw new ValueError('output array is not acceptable (must have the right datatype, number of dimensions, and be a C-Array)');
  }
  if (out.shape.some((d, i) => d !== result.shape[i])) throw new ValueError('output array has wrong dimensions');
  assign(out, result);
  return out;
}

/**
 * Dot product of two arrays flattened to vectors (`np.vdot`; no conjugation, numbat has
 * no complex dtypes). Returns a JS scalar, as NumPy returns a scalar: a number, a bigint
 * for int64/uint64, a boolean for bool.
 *
 * @example
 * np.vdot([[1, 2], [3, 4]], [1, 1, 1, 1]); // 10
 */
export function vdot(a: ArrayLike, b: ArrayLike): Scalar {
  const x = asarray(a);
  const y = asarray(b);
  const loop = promoteTypes([x.dtype, y.dtype]);
  if (x.size !== y.size) throw reshapeError(y.size, [x.size]);
  const xa = ravel(loopInput(x, loop));
  const ya = ravel(loopInput(y, loop));
  const c = emptyArray([], loop);
  const k = x.size;
  const xd = xa.data as unknown as Buf;
  const yd = ya.data as unknown as Buf;
  kernelFor(loop)(1, 1, k, xd, xa.offset, 0, xa.strides[0]!, yd, ya.offset, ya.strides[0]!, 0, c.data as unknown as Buf, 0, 0, 0);
  return scalarOf(c);
}

/**
 * Inner product over the last axes (`np.inner`): `result[i..., j...] = sum_p a[i..., p] *
 * b[j..., p]`; with a 0-d operand the element-wise product. Returns a 0-d array where
 * NumPy returns a scalar.
 *
 * @example
 * np.inner([[1, 2], [3, 4]], [[1, 0], [0, 1]]).tolist(); // [[1, 2], [3, 4]]
 */
export function inner(a: ArrayLike, b: ArrayLike): NDArray {
  const x = asarray(a);
  const y = asarray(b);
  const loop = promoteTypes([x.dtype, y.dtype]);
  if (x.ndim === 0 || y.ndim === 0) return scalarProduct(x, y, loop);
  const nx = x.ndim;
  const ny = y.ndim;
  const k = x.shape[nx - 1]!;
  if (y.shape[ny - 1] !== k) {
    // NumPy reports b with its last two axes swapped (it computes dot(a, b.swapaxes(-1, -2)))
    const shown = y.shape.slice();
    if (ny >= 2) [shown[ny - 2], shown[ny - 1]] = [shown[ny - 1]!, shown[ny - 2]!];
    throw notAlignedError(x.shape, shown, nx - 1, Math.max(ny - 2, 0));
  }
  const xl = x.shape.slice(0, nx - 1);
  const yl = y.shape.slice(0, ny - 1);
  const rows = sizeOf(xl);
  const cols = sizeOf(yl);
  const xa = asMatrix(loopInput(x, loop), rows, k);
  const ya = asMatrix(loopInput(y, loop), cols, k);
  const c = emptyArray([rows, cols], loop);
  batchedProduct(
    [],
    rows,
    cols,
    k,
    { arr: xa, batch: [], rs: xa.strides[0]!, cs: xa.strides[1]! },
    { arr: ya, batch: [], rs: ya.strides[1]!, cs: ya.strides[0]! },
    { arr: c, batch: [], rs: cols, cs: 1 },
  );
  const result = withShape(c, [...xl, ...yl]);
  // NumPy computes dot(a, b with its last two axes swapped)
  const yt = y.shape.slice();
  if (ny >= 2) [yt[ny - 2], yt[ny - 1]] = [yt[ny - 1]!, yt[ny - 2]!];
  singleProduct(result, xa, ya, x.shape, yt, k);
  return result;
}

/** Options of {@link outer}. */
export interface OuterOptions {
  /** Write the result here (same_kind casting, as `np.multiply`'s `out`). */
  out?: NDArray;
}

/**
 * Outer product of two arrays flattened to vectors (`np.outer`): `result[i, j] = a[i] *
 * b[j]`, computed by `np.multiply` (so bool gives logical and, signed zeros are kept).
 *
 * @example
 * np.outer([1, 2], [3, 4, 5]).tolist(); // [[3, 4, 5], [6, 8, 10]]
 */
export function outer(a: ArrayLike, b: ArrayLike, options: OuterOptions = {}): NDArray {
  const x = ravel(asarray(a));
  const y = ravel(asarray(b));
  const col = reshape(x, [x.size, 1]);
  const row = reshape(y, [1, y.size]);
  return options.out === undefined ? multiply(col, row) : multiply(col, row, { out: options.out });
}

/** `axes` of {@link tensordot}: a count, or the axes of `a` and of `b` to sum over. */
export type TensordotAxes = number | readonly [number | readonly number[], number | readonly number[]];

/** Python's `shape[i]` (negative from the end), with its IndexError. */
function pyIndex(shape: readonly number[], i: number): number {
  if (!Number.isInteger(i)) throw new DTypeError('tuple indices must be integers or slices, not float');
  if (i < -shape.length || i >= shape.length) throw new IndexError('tuple index out of range');
  return shape[i < 0 ? i + shape.length : i]!;
}

/**
 * Tensor contraction (`np.tensordot`): sums products over the given axes of `a` and `b`;
 * the result has the remaining axes of `a` then those of `b`. `axes = N` sums over the
 * last N axes of `a` and the first N of `b` (default 2); `[axesA, axesB]` names them.
 * Returns a 0-d array where NumPy returns a scalar.
 *
 * @example
 * np.tensordot(np.ones([2, 3, 4]), np.ones([3, 4, 5])).shape; // [2, 5]
 * np.tensordot(np.ones([2, 3]), np.ones([3, 2]), [[0, 1], [1, 0]]).item(); // 6
 */
export function tensordot(a: ArrayLike, b: ArrayLike, axes: TensordotAxes = 2): NDArray {
  let axesA: number[];
  let axesB: number[];
  if (typeof axes === 'number') {
    if (!Number.isInteger(axes)) throw new DTypeError("'float' object cannot be interpreted as an integer");
    axesA = [];
    for (let i = -axes; i < 0; i++) axesA.push(i);
    axesB = [];
    for (let i = 0; i < axes; i++) axesB.push(i);
  } else {
    if (!Array.isArray(axes) || axes.length !== 2) {
      throw new ValueError('tensordot axes must be an integer or a pair of axis lists');
    }
    const [pa, pb] = axes;
    axesA = typeof pa === 'number' ? [pa] : [...pa];
    axesB = typeof pb === 'number' ? [pb] : [...pb];
  }
  if (new Set(axesA).size !== axesA.length || new Set(axesB).size !== axesB.length) {
    throw new ValueError('duplicate axes are not allowed in tensordot');
  }
  const x = asarray(a);
  const y = asarray(b);
  let equal = axesA.length === axesB.length;
  if (equal) {
    for (let i = 0; i < axesA.length; i++) {
      if (pyIndex(x.shape, axesA[i]!) !== pyIndex(y.shape, axesB[i]!)) {
        equal = false;
        break;
      }
      if (axesA[i]! < 0) axesA[i] = axesA[i]! + x.ndim;
      if (axesB[i]! < 0) axesB[i] = axesB[i]! + y.ndim;
    }
  }
  if (!equal) throw new ValueError('shape-mismatch for sum');
  // move the summed axes to the end of a and the front of b, then one matrix product
  const keepA = x.shape.map((_, i) => i).filter((i) => !axesA.includes(i));
  const keepB = y.shape.map((_, i) => i).filter((i) => !axesB.includes(i));
  const sum = sizeOf(axesA.map((i) => x.shape[i]!));
  const oldA = keepA.map((i) => x.shape[i]!);
  const oldB = keepB.map((i) => y.shape[i]!);
  const at = reshape(transpose(x, [...keepA, ...axesA]), [sizeOf(oldA), sum]);
  const bt = reshape(transpose(y, [...axesB, ...keepB]), [sum, sizeOf(oldB)]);
  return reshape(dot(at, bt), [...oldA, ...oldB]);
}

/** Options of {@link trace}. */
export interface TraceOptions {
  /** Diagonal offset: > 0 above the main diagonal, < 0 below (default 0). */
  offset?: number;
  /** First axis of the 2-d sub-arrays (default 0). */
  axis1?: number;
  /** Second axis of the 2-d sub-arrays (default 1). */
  axis2?: number;
  /** Accumulator dtype (default: as `np.sum`, ints widen to int32/uint32). */
  dtype?: DTypeLike;
  /** Write the result here (as `np.sum`'s `out`). */
  out?: NDArray;
}

function intArg(v: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new DTypeError('integer argument expected, got float');
  return v;
}

function traceAxis(axis: number, ndim: number, name: string): number {
  intArg(axis);
  if (axis < -ndim || axis >= ndim) throw new AxisError(`${name}: ${axisError(axis, ndim).message}`);
  return axis < 0 ? axis + ndim : axis;
}

/**
 * Sum along a diagonal (`np.trace`): of a 2-d array, a JS scalar (as `np.sum` over all
 * axes); of an n-d array, the array of the traces of its 2-d sub-arrays over `axis1`,
 * `axis2` (those axes are removed). Accumulates as `np.sum` does (API.md: bool and signed
 * ints in int32, unsigned in uint32, unless `dtype` is given).
 *
 * @example
 * np.trace([[1, 2], [3, 4]]); // 5
 * np.trace([[1, 2], [3, 4]], 1); // 2
 * np.trace(np.ones([2, 2, 3]), { axis1: 0, axis2: 1 }).tolist(); // [2, 2, 2]
 */
export function trace(a: ArrayLike, offset?: number | TraceOptions, options: TraceOptions = {}): NDArray | Scalar {
  const opts = typeof offset === 'object' && offset !== null ? offset : { ...options, offset: offset ?? options.offset };
  const x = asarray(a);
  const off = intArg(opts.offset ?? 0);
  if (x.ndim < 2) throw new ValueError('diag requires an array of at least two dimensions');
  const ax1 = traceAxis(opts.axis1 ?? 0, x.ndim, 'axis1');
  const ax2 = traceAxis(opts.axis2 ?? 1, x.ndim, 'axis2');
  if (ax1 === ax2) throw new ValueError('axis1 and axis2 cannot be the same');
  // the diagonal as a view: the other axes in order, then the diagonal
  const n1 = x.shape[ax1]!;
  const n2 = x.shape[ax2]!;
  const s1 = x.strides[ax1]!;
  const s2 = x.strides[ax2]!;
  const len = Math.max(0, off >= 0 ? Math.min(n1, n2 - off) : Math.min(n1 + off, n2));
  const start = len === 0 ? x.offset : x.offset + (off >= 0 ? off * s2 : -off * s1);
  const rest = x.shape.map((_, i) => i).filter((i) => i !== ax1 && i !== ax2);
  const diag = view(x, [...rest.map((i) => x.shape[i]!), len], [...rest.map((i) => x.strides[i]!), s1 + s2], start, false);
  const r = reduce(add, diag, {
    axis: -1,
    ...(opts.dtype === undefined ? {} : { dtype: opts.dtype }),
    ...(opts.out === undefined ? {} : { out: opts.out }),
  });
  if (opts.out !== undefined || r.ndim > 0) return r;
  return scalarOf(r);
}

/**
 * Kronecker product (`np.kron`): the block array whose block `(i, j, ...)` is
 * `a[i, j, ...] * b`; shapes are aligned by prepending 1s to the shorter one. Computed by
 * `np.multiply` on interleaved views. Returns a 0-d array where NumPy returns a scalar.
 *
 * @example
 * np.kron([1, 10], [1, 2, 3]).tolist(); // [1, 2, 3, 10, 20, 30]
 * np.kron(np.eye(2), np.ones([2, 2])).shape; // [4, 4]
 */
export function kron(a: ArrayLike, b: ArrayLike): NDArray {
  const x = asarray(a);
  const y = asarray(b);
  if (x.ndim === 0 || y.ndim === 0) return multiply(x, y);
  const nd = Math.max(x.ndim, y.ndim);
  const padA = nd - x.ndim;
  const padB = nd - y.ndim;
  const xs: number[] = [];
  const xst: number[] = [];
  const ys: number[] = [];
  const yst: number[] = [];
  const shape: number[] = [];
  for (let d = 0; d < nd; d++) {
    const da = d < padA ? 1 : x.shape[d - padA]!;
    const db = d < padB ? 1 : y.shape[d - padB]!;
    // a's axis d at position 2d, b's at 2d+1; the other position is a stride-0 axis
    xs.push(da, 1);
    xst.push(d < padA ? 0 : x.strides[d - padA]!, 0);
    ys.push(1, db);
    yst.push(0, d < padB ? 0 : y.strides[d - padB]!);
    shape.push(da * db);
  }
  const r = multiply(view(x, xs, xst, x.offset, false), view(y, ys, yst, y.offset, false));
  return withShape(r, shape);
}

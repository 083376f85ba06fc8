/**
 * LU factorisation with partial pivoting (LAPACK's `getrf`) and what is built on it:
 * `inv`, `solve`, `det`, `slogdet`.
 *
 * Kernels work on a row-major float64 n×n scratch. The pivot of column k is the first
 * row (from k down) of largest magnitude, as BLAS `idamax` picks it (a NaN is never
 * larger, so NaNs propagate rather than being chosen). A matrix is singular exactly when
 * a pivot is 0, which is when LAPACK reports `info > 0` and NumPy raises `Singular
 * matrix` (inv, solve) or gives a zero determinant (det, slogdet). NaN and infinite
 * entries simply propagate through the arithmetic; NumPy's OpenBLAS build is not
 * consistent there (a NaN in the first column makes it report a singular matrix, a NaN
 * elsewhere propagates), so numbat does not try to copy it.
 *
 * Loop variables: `k` the elimination step, `i` rows, `j` columns, `n` the order, `r` the
 * number of right-hand sides.
 */
import { NDArray } from '../ndarray.js';
import { broadcastShapes, broadcastStrides } from '../shape/broadcast.js';
import { gufuncBroadcastError, gufuncCoreError, gufuncDimsError } from '../errors.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import {
  asFloat,
  assertStackedSquare,
  batchOutput,
  forEachMatrix,
  linalgType,
  namedTuple,
  outBatchStrides,
  readMatrix,
  singularError,
  stackOf,
  writeValues,
} from './stack.js';

/**
 * Factors the row-major n×n `a` in place into L (unit lower, below the diagonal) and U
 * (upper), recording the pivot row of each step in `piv`. Returns the number of row
 * swaps, or -1 when a zero pivot makes the matrix singular (factoring stops there).
 */
export function luFactor(a: Float64Array, n: number, piv: Int32Array): number {
  let swaps = 0;
  for (let k = 0; k < n; k++) {
    const kk = k * n + k;
    let p = k;
    let best = Math.abs(a[kk]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    piv[k] = p;
    if (a[p * n + k] === 0) return -1;
    if (p !== k) {
      swaps++;
      const rp = p * n;
      const rk = k * n;
      for (let j = 0; j < n; j++) {
        const t = a[rk + j]!;
        a[rk + j] = a[rp + j]!;
        a[rp + j] = t;
      }
    }
    const d = a[kk]!;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const l = a[ri + k]! / d;
      a[ri + k] = l;
      // no shortcut for l = 0: 0 * NaN must stay NaN, as in NumPy's OpenBLAS
      const rk = k * n;
      for (let j = k + 1; j < n; j++) a[ri + j] -= l * a[rk + j]!;
    }
  }
  return swaps;
}

/**
 * Solves `A X = B` in place in the row-major n×r `b`, given the factors of {@link luFactor}
 * (LAPACK's `getrs`): row swaps, forward substitution with L, back substitution with U.
 */
export function luSolve(lu: Float64Array, n: number, piv: Int32Array, b: Float64Array, r: number): void {
  for (let k = 0; k < n; k++) {
    const p = piv[k]!;
    if (p === k) continue;
    for (let j = 0; j < r; j++) {
      const t = b[k * r + j]!;
      b[k * r + j] = b[p * r + j]!;
      b[p * r + j] = t;
    }
  }
  for (let i = 1; i < n; i++) {
    const ri = i * r;
    for (let k = 0; k < i; k++) {
      const l = lu[i * n + k]!;
      const rk = k * r;
      for (let j = 0; j < r; j++) b[ri + j] -= l * b[rk + j]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * r;
    for (let k = i + 1; k < n; k++) {
      const u = lu[i * n + k]!;
      const rk = k * r;
      for (let j = 0; j < r; j++) b[ri + j] -= u * b[rk + j]!;
    }
    const d = lu[i * n + i]!;
    for (let j = 0; j < r; j++) b[ri + j] /= d;
  }
}

/**
 * The inverse of each matrix of a stack (`np.linalg.inv`). float32 stays float32 (computed
 * in float64 and rounded once, as NumPy does); other dtypes give float64. Throws
 * `LinAlgError('Singular matrix')` when a pivot is exactly zero.
 *
 * @example
 * np.linalg.inv([[1, 2], [3, 4]]).tolist(); // [[-2, 1], [1.5, -0.5]] (to rounding)
 */
export function inv(a: ArrayLike): NDArray {
  const x = asarray(a);
  assertStackedSquare(x);
  const dtype = linalgType(x);
  const s = stackOf(asFloat(x));
  const n = s.rows;
  const out = batchOutput(s.batch, [n, n], dtype);
  const lu = new Float64Array(n * n);
  const b = new Float64Array(n * n);
  const piv = new Int32Array(n);
  forEachMatrix(s.batch, [s.batchStrides, outBatchStrides(out, s.batch.length)], [s.arr.offset, 0], (p) => {
    readMatrix(s, p[0]!, lu);
    if (luFactor(lu, n, piv) < 0) throw singularError();
    b.fill(0);
    for (let i = 0; i < n; i++) b[i * n + i] = 1;
    luSolve(lu, n, piv, b, n);
    writeValues(out, p[1]!, b, n * n);
  });
  return out;
}

const SOLVE_SIGNATURE = '(m,m),(m,n)->(m,n)';
const SOLVE1_SIGNATURE = '(m,m),(m)->(m)';

/** NumPy's gufunc text for an operand's loop axes followed by `ncore` new axes. */
function remapped(batch: readonly number[], ncore: number): string {
  if (batch.length === 0) return '()';
  return `(${[...batch.map(String), ...new Array<string>(ncore).fill('newaxis')].join(',')})`;
}

/**
 * Solves `a x = b` for each matrix of a stack (`np.linalg.solve`), with NumPy 2's rule for
 * `b`: a 1-d `b` of shape `(M,)` is one vector for every matrix (result `(..., M)`);
 * otherwise `b` is a stack of `(M, K)` matrices whose batch axes broadcast with `a`'s
 * (result `(..., M, K)`). Throws `LinAlgError('Singular matrix')` for a zero pivot and
 * NumPy's gufunc messages for mismatched shapes.
 *
 * @example
 * np.linalg.solve([[1, 2], [3, 5]], [1, 2]).tolist(); // [-1, 1]
 */
export function solve(a: ArrayLike, b: ArrayLike): NDArray {
  const x = asarray(a);
  assertStackedSquare(x);
  const y = asarray(b);
  const dtype = linalgType(x, y);
  const n = x.shape[x.ndim - 1]!;
  const sa = stackOf(asFloat(x));
  const yf = asFloat(y);
  const vector = y.ndim === 1;
  if (vector) {
    if (y.shape[0] !== n) throw gufuncCoreError('solve1', SOLVE1_SIGNATURE, 'Input', 1, 0, y.shape[0]!, n);
  } else {
    if (y.ndim < 2) throw gufuncDimsError('solve', SOLVE_SIGNATURE, 1, y.ndim, 2);
    if (y.shape[y.ndim - 2] !== n) throw gufuncCoreError('solve', SOLVE_SIGNATURE, 'Input', 1, 0, y.shape[y.ndim - 2]!, n);
  }
  const r = vector ? 1 : y.shape[y.ndim - 1]!;
  const yb = vector ? [] : y.shape.slice(0, y.ndim - 2);
  let batch: number[];
  try {
    batch = broadcastShapes(sa.batch, yb);
  } catch {
    throw gufuncBroadcastError([[x.shape, remapped(sa.batch, 2)], [y.shape, remapped(yb, 2)]], [n, r]);
  }
  const out = batchOutput(batch, vector ? [n] : [n, r], dtype);
  // b's matrices as (n×r) with their own steps: a vector is one column
  const sb = {
    arr: yf,
    batch: yb,
    batchStrides: yf.strides.slice(0, yb.length),
    rows: n,
    cols: r,
    rs: yf.strides[vector ? 0 : yf.ndim - 2]!,
    cs: vector ? 0 : yf.strides[yf.ndim - 1]!,
  };
  const lu = new Float64Array(n * n);
  const rhs = new Float64Array(n * r);
  const piv = new Int32Array(n);
  const strides = [
    broadcastStrides(sa.batch, sa.batchStrides, batch),
    broadcastStrides(yb, sb.batchStrides, batch),
    outBatchStrides(out, batch.length),
  ];
  forEachMatrix(batch, strides, [sa.arr.offset, yf.offset, 0], (p) => {
    readMatrix(sa, p[0]!, lu);
    if (luFactor(lu, n, piv) < 0) throw singularError();
    readMatrix(sb, p[1]!, rhs);
    luSolve(lu, n, piv, rhs, r);
    writeValues(out, p[2]!, rhs, n * r);
  });
  return out;
}

/** `[sign, logabsdet]` of each matrix into `sign[i]`, `logdet[i]` (NumPy's umath_linalg). */
function slogdetOne(lu: Float64Array, n: number, piv: Int32Array): [number, number] {
  const swaps = luFactor(lu, n, piv);
  if (swaps < 0) return [0, -Infinity];
  let sign = swaps % 2 === 0 ? 1 : -1;
  let logdet = 0;
  for (let i = 0; i < n; i++) {
    let d = lu[i * n + i]!;
    if (d < 0) {
      sign = -sign;
      d = -d;
    }
    logdet += Math.log(d);
  }
  return [sign, logdet];
}

/** Runs `slogdetOne` over a stack, calling `put(outOffset, sign, logdet)`. */
function slogdetStack(x: NDArray, put: (off: number, sign: number, logdet: number) => void, outStrides: readonly number[]): void {
  const s = stackOf(asFloat(x));
  const n = s.rows;
  const lu = new Float64Array(n * n);
  const piv = new Int32Array(n);
  forEachMatrix(s.batch, [s.batchStrides, outStrides], [s.arr.offset, 0], (p) => {
    readMatrix(s, p[0]!, lu);
    const [sign, logdet] = slogdetOne(lu, n, piv);
    put(p[1]!, sign, logdet);
  });
}

/**
 * The determinant of each matrix of a stack (`np.linalg.det`), as NumPy computes it: from
 * the LU factors, `sign * exp(sum(log|u_ii|))` (so it overflows or underflows only when
 * the determinant itself does). A 0×0 matrix has determinant 1. Returns an array of the
 * batch shape, 0-d for one matrix (NumPy returns a scalar; `.item()` gives the number).
 *
 * @example
 * np.linalg.det([[1, 2], [3, 4]]).item(); // -2 (to rounding)
 */
export function det(a: ArrayLike): NDArray {
  const x = asarray(a);
  assertStackedSquare(x);
  const batch = x.shape.slice(0, x.ndim - 2);
  const out = batchOutput(batch, [], linalgType(x));
  const o = out.data as Float64Array | Float32Array;
  slogdetStack(x, (off, sign, logdet) => {
    o[off] = sign * Math.exp(logdet);
  }, outBatchStrides(out, batch.length));
  return out;
}

/** The result of {@link slogdet}: `[sign, logabsdet]`, also readable by name. */
export type SlogdetResult = [NDArray, NDArray] & { sign: NDArray; logabsdet: NDArray };

/**
 * The sign and natural log of the absolute determinant of each matrix of a stack
 * (`np.linalg.slogdet`); `det = sign * exp(logabsdet)` without overflow. A singular matrix
 * gives sign 0 and logabsdet `-Infinity`. Both are arrays of the batch shape (0-d for one
 * matrix, where NumPy returns scalars).
 *
 * @example
 * const { sign, logabsdet } = np.linalg.slogdet([[1, 2], [3, 4]]);
 * sign.item(); // -1
 * logabsdet.item(); // 0.693147180559945 (log 2, to rounding)
 */
export function slogdet(a: ArrayLike): SlogdetResult {
  const x = asarray(a);
  assertStackedSquare(x);
  const batch = x.shape.slice(0, x.ndim - 2);
  const dtype = linalgType(x);
  const sign = batchOutput(batch, [], dtype);
  const logabsdet = batchOutput(batch, [], dtype);
  const sd = sign.data as Float64Array | Float32Array;
  const ld = logabsdet.data as Float64Array | Float32Array;
  slogdetStack(x, (off, sg, logdet) => {
    sd[off] = sg;
    ld[off] = logdet;
  }, outBatchStrides(sign, batch.length));
  return namedTuple<[NDArray, NDArray], { sign: NDArray; logabsdet: NDArray }>([sign, logabsdet], ['sign', 'logabsdet']);
}

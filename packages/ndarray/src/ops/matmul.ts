/**
 * `np.matmul` (NumPy's gufunc `(n?,k),(k,m?)->(n?,m?)`) and the batched-product driver
 * that every sum of products in `products.ts` runs on.
 *
 * `batchedProduct` describes each product as A (m×k) times B (k×n) by offsets and strides
 * over the operands' own buffers (transposed, reversed or broadcast operands are just
 * strides) and lets `stridedLoop` walk the batch axes, calling one matrix kernel of
 * `kernels/matmul.ts` per batch element. The loop dtype picks the kernel: the float GEMM,
 * the exact integer loop (wrapping as NumPy), or-of-ands for bool, bigints for 64-bit ints.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, toDType, type DType, type DTypeLike } from '../dtype/dtypes.js';
import { canCast, promoteTypes } from '../dtype/promotion.js';
import { broadcastShapes, broadcastStrides } from '../shape/broadcast.js';
import { cStrides } from '../shape/shape.js';
import { stridedLoop } from '../iter/strided-loop.js';
import type { Buf } from '../kernels/elementwise.js';
import { gemm, gemmBigInt, gemmBool, gemmInt, type GemmKernel } from '../kernels/matmul.js';
import {
  ValueError,
  gufuncBroadcastError,
  gufuncCoreError,
  gufuncDimsError,
  inputCastError,
  outputCastError,
  shapeStr,
} from '../errors.js';
import { asarray, type ArrayLike } from './convert.js';
import { assign, emptyArray } from './assign.js';
import { loopInput } from '../ufunc/ufunc.js';

/** One side of a batched product: an array, its steps along the batch axes and its core. */
export interface Side {
  arr: NDArray;
  batch: readonly number[];
  rs: number;
  cs: number;
}

/** The matrix kernel for a loop dtype (the one dtype decision of the products). */
export function kernelFor(loop: DType): GemmKernel<Buf, Buf> {
  const info = DTYPES[loop];
  if (info.kind === 'f') return gemm as unknown as GemmKernel<Buf, Buf>;
  if (info.kind === 'b') return gemmBool;
  if (info.bigint) return gemmBigInt as unknown as GemmKernel<Buf, Buf>;
  return gemmInt;
}

/**
 * For every index of `batch`: C = A·B with A m×k, B k×n, written into `c` (whose dtype is
 * the loop dtype; A and B hold values the loop reads as they are, see `loopInput`).
 */
export function batchedProduct(
  batch: readonly number[],
  m: number,
  n: number,
  k: number,
  a: Side,
  b: Side,
  c: Side,
): void {
  const kern = kernelFor(c.arr.dtype);
  const ad = a.arr.data as unknown as Buf;
  const bd = b.arr.data as unknown as Buf;
  const cd = c.arr.data as unknown as Buf;
  const { rs: aRs, cs: aCs } = a;
  const { rs: bRs, cs: bCs } = b;
  const { rs: cRs, cs: cCs } = c;
  stridedLoop(batch, [c.batch, a.batch, b.batch], [c.arr.offset, a.arr.offset, b.arr.offset], (cnt, p, s) => {
    let pc = p[0]!;
    let pa = p[1]!;
    let pb = p[2]!;
    const sc = s[0]!;
    const sa = s[1]!;
    const sb = s[2]!;
    for (let t = 0; t < cnt; t++, pc += sc, pa += sa, pb += sb) {
      kern(m, n, k, ad, pa, aRs, aCs, bd, pb, bRs, bCs, cd, pc, cRs, cCs);
    }
  });
}

/** A fresh C-contiguous array of `shape` viewing `a`'s buffer (same element order). */
export function withShape(a: NDArray, shape: readonly number[]): NDArray {
  return new NDArray(a.data, shape, cStrides(shape), a.offset, a.dtype);
}

const MATMUL_SIGNATURE = '(n?,k),(k,m?)->(n?,m?)';

/** Options of {@link matmul} (NumPy's ufunc keywords `out` and `dtype`). */
export interface MatmulOptions {
  /**
   * Write the result here. Its last axes must equal the result's core axes; its leading
   * axes may extend the batch axes (the result broadcasts into it); same_kind casting.
   */
  out?: NDArray;
  /** Compute in this dtype; the inputs must cast to it with same_kind casting. */
  dtype?: DTypeLike;
}

/** How NumPy's gufunc error shows an operand's loop axes followed by the output's core axes. */
function remapped(batch: readonly number[], ncore: number): string {
  if (batch.length === 0) return '()';
  return `(${[...batch.map(String), ...new Array<string>(ncore).fill('newaxis')].join(',')})`;
}

/**
 * Matrix product with NumPy's gufunc rules (`np.matmul`, the `@` operator): a 1-d first
 * operand is a row vector and a 1-d second operand a column vector (the added axis is
 * removed from the result), leading axes are batch axes that broadcast, and 0-d operands
 * are an error. Returns a 0-d array for 1-d·1-d where NumPy returns a scalar.
 *
 * @example
 * np.matmul(np.ones([5, 2, 3]), np.ones([3, 4])).shape; // [5, 2, 4]
 * np.matmul([[1, 2], [3, 4]], [1, 1]).tolist(); // [3, 7]
 */
export function matmul(a: ArrayLike, b: ArrayLike, options: MatmulOptions = {}): NDArray {
  const x = asarray(a);
  const y = asarray(b);
  let loop: DType;
  if (options.dtype !== undefined) {
    const dt = toDType(options.dtype);
    [x, y].forEach((v, i) => {
      if (!canCast(v.dtype, dt, 'same_kind')) throw inputCastError('matmul', i, v.dtype, dt);
    });
    loop = dt;
  } else loop = promoteTypes([x.dtype, y.dtype]);
  const out = options.out;
  if (out !== undefined && !canCast(loop, out.dtype, 'same_kind')) throw outputCastError('matmul', loop, out.dtype);
  if (x.ndim === 0) throw gufuncDimsError('matmul', MATMUL_SIGNATURE, 0, 0, 1);
  if (y.ndim === 0) throw gufuncDimsError('matmul', MATMUL_SIGNATURE, 1, 0, 1);
  const nx = x.ndim;
  const ny = y.ndim;
  const k = x.shape[nx - 1]!;
  const yk = y.shape[ny === 1 ? 0 : ny - 2]!;
  if (yk !== k) throw gufuncCoreError('matmul', MATMUL_SIGNATURE, 'Input', 1, 0, yk, k);
  const m = nx === 1 ? 1 : x.shape[nx - 2]!;
  const n = ny === 1 ? 1 : y.shape[ny - 1]!;
  const xb = x.shape.slice(0, Math.max(0, nx - 2));
  const yb = y.shape.slice(0, Math.max(0, ny - 2));
  const core = [...(nx > 1 ? [m] : []), ...(ny > 1 ? [n] : [])];
  let batch: number[];
  try {
    batch = broadcastShapes(xb, yb);
  } catch {
    throw gufuncBroadcastError([[x.shape, remapped(xb, core.length)], [y.shape, remapped(yb, core.length)]], core);
  }
  if (out !== undefined) checkMatmulOut(out, x, y, xb, yb, core);
  const xa = loopInput(x, loop);
  const ya = loopInput(y, loop);
  const c = emptyArray([...batch, m, n], loop);
  batchedProduct(
    batch,
    m,
    n,
    k,
    {
      arr: xa,
      batch: broadcastStrides(xb, xa.strides.slice(0, xb.length), batch),
      rs: nx === 1 ? 0 : xa.strides[nx - 2]!,
      cs: xa.strides[nx - 1]!,
    },
    {
      arr: ya,
      batch: broadcastStrides(yb, ya.strides.slice(0, yb.length), batch),
      rs: ya.strides[ny === 1 ? 0 : ny - 2]!,
      cs: ny === 1 ? 0 : ya.strides[ny - 1]!,
    },
    { arr: c, batch: c.strides.slice(0, batch.length), rs: n, cs: 1 },
  );
  const result = withShape(c, [...batch, ...core]);
  if (out === undefined) return result;
  if (!out.flags.writeable) throw new ValueError('output array is read-only');
  assign(out, result);
  return out;
}

/** Validates matmul's `out` as NumPy's gufunc machinery does (core axes, then loop axes). */
function checkMatmulOut(
  out: NDArray,
  x: NDArray,
  y: NDArray,
  xb: readonly number[],
  yb: readonly number[],
  core: readonly number[],
): void {
  const nc = core.length;
  const reduction = new ValueError(
    'output operand requires a reduction along dimension -1, but the reduction is not enabled. The dimension size of 1 does not match the expected output shape.',
  );
  if (out.ndim < nc) throw reduction;
  for (let i = 0; i < nc; i++) {
    const d = out.shape[out.ndim - nc + i]!;
    if (d !== core[i]) throw gufuncCoreError('matmul', MATMUL_SIGNATURE, 'Output', 0, i, d, core[i]!);
  }
  const ob = out.shape.slice(0, out.ndim - nc);
  let full: number[];
  try {
    full = broadcastShapes(xb, yb, ob);
  } catch {
    throw gufuncBroadcastError(
      [[x.shape, remapped(xb, nc)], [y.shape, remapped(yb, nc)], [out.shape, shapeStr(out.shape)]],
      core,
    );
  }
  if (full.length > ob.length) throw reduction;
  if (full.some((d, i) => d !== ob[i])) {
    const rev = out.shape.slice().reverse();
    throw new ValueError(
      `non-broadcastable output operand with shape ${shapeStr(out.shape)} [remapped to ${shapeStr(rev)}] doesn't match the broadcast shape ${shapeStr([...full, ...core])}`,
    );
  }
}


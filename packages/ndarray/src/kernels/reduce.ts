/**
 * Reduction inner kernels. A reduction is the binary element-wise loop with the
 * accumulator as operand 0 (and as the first input): operands (acc, a), `acc = f(acc, a)`.
 * Reduced axes give the accumulator stride 0; when the innermost step of the accumulator is
 * 0 the kernel keeps the running value in a local and writes it once per row.
 *
 * Float sums use NumPy's pairwise summation over each row the accumulator does not move
 * in (8 partial sums over leaves of at most 128 elements, halving at multiples of 8).
 * float64 sums it in doubles; float32 rounds every partial to float32 (`pairwiseSum32`), as
 * NumPy's `FLOAT_pairwise_sum` accumulates in float, so float32 sums are NumPy's bits.
 *
 * Loop variables: `io`, `ia` offsets; `so`, `sa` steps; `acc` the running value.
 */
import type { InnerKernel } from '../iter/strided-loop.js';
import type { Buf, Fn2, Loop2 } from './elementwise.js';
import { pairwiseSumF64 } from './moments.js';
import { pairwiseRuns } from './vmath.js';

/**
 * `acc = f(acc, a)` over operands (acc, a). With `exact`, the running value is re-read
 * from the accumulator after each step (narrow integer accumulators wrap at their width).
 * With a `fast` loop (the ufunc record's), every row runs it as `acc = op(acc, a)`, which
 * stores each step: exact, and without a call per element.
 */
export function reduceKernel(f: Fn2, acc: Buf, a: Buf, exact = false, fast?: Loop2): InnerKernel {
  if (fast !== undefined) return (n, p, s) => fast(n, acc, p[0]!, s[0]!, acc, p[0]!, s[0]!, a, p[1]!, s[1]!);
  return (n, p, s) => {
    let io = p[0]!;
    let ia = p[1]!;
    const so = s[0]!;
    const sa = s[1]!;
    if (so === 0 && !exact) {
      let v = acc[io]!;
      for (let i = 0; i < n; i++, ia += sa) v = f(v, a[ia]!);
      acc[io] = v;
      return;
    }
    for (let i = 0; i < n; i++) {
      acc[io] = f(acc[io]!, a[ia]!);
      io += so;
      ia += sa;
    }
  };
}

const PW_BLOCK = 128;

/** Pairwise sum of `n` elements of `a` from `ia` by step `sa` (NumPy's pairwise_sum shape). */
export function pairwiseSum(a: Buf, ia: number, n: number, sa: number): number {
  if (n < 8) {
    let r = -0; // -0 is the identity that keeps a sum of -0.0 at -0.0
    for (let i = 0; i < n; i++, ia += sa) r += a[ia]!;
    return r;
  }
  if (n <= PW_BLOCK) {
    let r0 = a[ia]!;
    let r1 = a[ia + sa]!;
    let r2 = a[ia + 2 * sa]!;
    let r3 = a[ia + 3 * sa]!;
    let r4 = a[ia + 4 * sa]!;
    let r5 = a[ia + 5 * sa]!;
    let r6 = a[ia + 6 * sa]!;
    let r7 = a[ia + 7 * sa]!;
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const j = ia + i * sa;
      r0 += a[j]!;
      r1 += a[j + sa]!;
      r2 += a[j + 2 * sa]!;
      r3 += a[j + 3 * sa]!;
      r4 += a[j + 4 * sa]!;
      r5 += a[j + 5 * sa]!;
      r6 += a[j + 6 * sa]!;
      r7 += a[j + 7 * sa]!;
    }
    let r = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) r += a[ia + i * sa]!;
    return r;
  }
  let n2 = n >> 1;
  n2 -= n2 % 8;
  return pairwiseSum(a, ia, n2, sa) + pairwiseSum(a, ia + n2 * sa, n - n2, sa);
}

/**
 * {@link pairwiseSum} in float32 arithmetic: every partial sum is rounded to float32
 * (`Math.fround`), in NumPy's order, so the result is the float32 NumPy's `FLOAT_pairwise_sum`
 * returns. The elements are float32 values already.
 */
export function pairwiseSum32(a: Buf, ia: number, n: number, sa: number): number {
  const f = Math.fround;
  if (n < 8) {
    let r = -0;
    for (let i = 0; i < n; i++, ia += sa) r = f(r + a[ia]!);
    return r;
  }
  if (n <= PW_BLOCK) {
    let r0 = a[ia]!;
    let r1 = a[ia + sa]!;
    let r2 = a[ia + 2 * sa]!;
    let r3 = a[ia + 3 * sa]!;
    let r4 = a[ia + 4 * sa]!;
    let r5 = a[ia + 5 * sa]!;
    let r6 = a[ia + 6 * sa]!;
    let r7 = a[ia + 7 * sa]!;
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const j = ia + i * sa;
      r0 = f(r0 + a[j]!);
      r1 = f(r1 + a[j + sa]!);
      r2 = f(r2 + a[j + 2 * sa]!);
      r3 = f(r3 + a[j + 3 * sa]!);
      r4 = f(r4 + a[j + 4 * sa]!);
      r5 = f(r5 + a[j + 5 * sa]!);
      r6 = f(r6 + a[j + 6 * sa]!);
      r7 = f(r7 + a[j + 7 * sa]!);
    }
    let r = f(f(f(r0 + r1) + f(r2 + r3)) + f(f(r4 + r5) + f(r6 + r7)));
    for (; i < n; i++) r = f(r + a[ia + i * sa]!);
    return r;
  }
  let n2 = n >> 1;
  n2 -= n2 % 8;
  return f(pairwiseSum32(a, ia, n2, sa) + pairwiseSum32(a, ia + n2 * sa, n - n2, sa));
}

/** `acc[io + i] += a[ia + i]` for i < n (a row of `a` added into a row of sums). */
type RowAdd = (n: number, acc: Buf, io: number, a: Buf, ia: number) => void;

// One function literal per element-type pair (unrolled by 8, as the float add loops of
// ufunc/arithmetic.ts), so each loop stays monomorphic however many
// dtypes the program sums (a shared loop measured 2.4x slower once it had seen float32,
// float64 and mixed pairs: 6.3 ms against 2.6 ms for a (1000, 1000) sum over axis 0).
// prettier-ignore
const rowAdd64: RowAdd = (n, acc, io, a, ia) => {
  const o = acc as Float64Array; const x = a as Float64Array;
  let i = 0;
  for (; i + 8 <= n; i += 8, io += 8, ia += 8) {
    o[io] = o[io]! + x[ia]!; o[io + 1] = o[io + 1]! + x[ia + 1]!; o[io + 2] = o[io + 2]! + x[ia + 2]!; o[io + 3] = o[io + 3]! + x[ia + 3]!;
    o[io + 4] = o[io + 4]! + x[ia + 4]!; o[io + 5] = o[io + 5]! + x[ia + 5]!; o[io + 6] = o[io + 6]! + x[ia + 6]!; o[io + 7] = o[io + 7]! + x[ia + 7]!;
  }
  for (; i < n; i++, io++, ia++) o[io] = o[io]! + x[ia]!;
};
// prettier-ignore
const rowAdd32: RowAdd = (n, acc, io, a, ia) => {
  const o = acc as Float32Array; const x = a as Float32Array;
  let i = 0;
  for (; i + 8 <= n; i += 8, io += 8, ia += 8) {
    o[io] = o[io]! + x[ia]!; o[io + 1] = o[io + 1]! + x[ia + 1]!; o[io + 2] = o[io + 2]! + x[ia + 2]!; o[io + 3] = o[io + 3]! + x[ia + 3]!;
    o[io + 4] = o[io + 4]! + x[ia + 4]!; o[io + 5] = o[io + 5]! + x[ia + 5]!; o[io + 6] = o[io + 6]! + x[ia + 6]!; o[io + 7] = o[io + 7]! + x[ia + 7]!;
  }
  for (; i < n; i++, io++, ia++) o[io] = o[io]! + x[ia]!;
};
// prettier-ignore
const rowAddAny: RowAdd = (n, acc, io, a, ia) => { for (let i = 0; i < n; i++) acc[io + i] = acc[io + i]! + a[ia + i]!; };

function rowAddFor(acc: Buf, a: Buf): RowAdd {
  if (acc instanceof Float64Array && a instanceof Float64Array) return rowAdd64;
  if (acc instanceof Float32Array && a instanceof Float32Array) return rowAdd32;
  return rowAddAny;
}

/**
 * Float `acc += a` over operands (acc, a), pairwise along rows the accumulator does not move
 * in, and element by element (rounded at each store, as NumPy's row-by-row adds) elsewhere.
 * A float32 accumulator sums in float32 ({@link pairwiseSum32}).
 */
export function sumKernel(acc: Buf, a: Buf): InnerKernel {
  const pairwise = acc instanceof Float32Array ? pairwiseSum32 : pairwiseSum;
  // float64 rows in float64: the monomorphic copy of pairwiseSum (same bits)
  const pairwise64 = acc instanceof Float64Array && a instanceof Float64Array ? pairwiseSumF64 : null;
  const rowAdd = rowAddFor(acc, a);
  // contiguous rows of one float dtype may be summed by the WASM kernel (same bits)
  const wasmRows = (acc instanceof Float64Array && a instanceof Float64Array) || (acc instanceof Float32Array && a instanceof Float32Array);
  return (n, p, s) => {
    let io = p[0]!;
    let ia = p[1]!;
    const so = s[0]!;
    const sa = s[1]!;
    if (so === 0) {
      const w = sa === 1 && wasmRows ? pairwiseRuns(a as Float64Array | Float32Array, ia, n) : null;
      acc[io] = acc[io]! + (w !== null ? w : sa === 1 && pairwise64 !== null ? pairwise64(a as Float64Array, ia, n) : pairwise(a, ia, n, sa));
      return;
    }
    if (so === 1 && sa === 1) {
      // a row added into a row of sums (a sum over an outer axis)
      rowAdd(n, acc, io, a, ia);
      return;
    }
    for (let i = 0; i < n; i++) {
      acc[io] = acc[io]! + a[ia]!;
      io += so;
      ia += sa;
    }
  };
}

/**
 * Float `acc += a` where each accumulator element takes a block of `a` (the span: dims
 * `spanShape`/`spanStrides`, outermost first) walked in order and summed pairwise in
 * chunks of `chunk` elements: NumPy's buffered reduction, whose buffer holds `chunk`
 * elements of the block and whose inner loop sums each buffer pairwise. Operands (acc, a)
 * over the dims outside the span; the chunk is copied to a scratch buffer as NumPy does.
 */
export function chunkedSumKernel(acc: Buf, a: Buf, spanShape: readonly number[], spanStrides: readonly number[], chunk: number): InnerKernel {
  const f32 = acc instanceof Float32Array;
  const pairwise = f32 ? pairwiseSum32 : pairwiseSum;
  const m = spanShape.length;
  if (m === 1) {
    // a single axis: the chunks are runs of it, summed where they lie (no copy needed)
    const len = spanShape[0]!;
    const step = spanStrides[0]!;
    return (n, p, s) => {
      for (let j = 0, io = p[0]!, ia = p[1]!; j < n; j++, io += s[0]!, ia += s[1]!) {
        for (let start = 0; start < len; start += chunk) {
          acc[io] = acc[io]! + pairwise(a, ia + start * step, Math.min(chunk, len - start), step);
        }
      }
    };
  }
  const scratch = (f32 ? new Float32Array(chunk) : new Float64Array(chunk)) as unknown as Buf;
  const inner = m - 1;
  const rowLen = spanShape[inner]!;
  const rowStep = spanStrides[inner]!;
  const idx = new Array<number>(m).fill(0);
  return (n, p, s) => {
    for (let j = 0, io = p[0]!, ia0 = p[1]!; j < n; j++, io += s[0]!, ia0 += s[1]!) {
      let count = 0;
      let ia = ia0;
      idx.fill(0);
      for (;;) {
        // one row of the span into the buffer, flushing whenever it is full
        for (let i = 0, k = ia; i < rowLen; i++, k += rowStep) {
          scratch[count++] = a[k]!;
          if (count === chunk) {
            acc[io] = acc[io]! + pairwise(scratch, 0, count, 1);
            count = 0;
          }
        }
        let d = inner - 1;
        for (; d >= 0; d--) {
          if (++idx[d]! < spanShape[d]!) {
            ia += spanStrides[d]!;
            break;
          }
          ia -= (spanShape[d]! - 1) * spanStrides[d]!;
          idx[d] = 0;
        }
        if (d < 0) break;
      }
      if (count > 0) acc[io] = acc[io]! + pairwise(scratch, 0, count, 1);
    }
  };
}

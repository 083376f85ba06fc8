/**
 * Reduction inner kernels. A reduction is the binary element-wise loop with the
 * accumulator as operand 0 (and as the first input): operands (acc, a), `acc = f(acc, a)`.
 * Reduced axes give the accumulator stride 0; when the innermost step of the accumulator is
 * 0 the kernel keeps the running value in a local and writes it once per row.
 *
 * Float sums use pairwise summation over each contiguous-or-strided row (blocks of 8
 * partial sums, as NumPy), which keeps float32 sums within about 1e-6 relative.
 *
 * Loop variables: `io`, `ia` offsets; `so`, `sa` steps; `acc` the running value.
 */
import type { InnerKernel } from '../iter/strided-loop.js';
import type { Buf, Fn2, Loop2 } from './elementwise.js';

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

/** Float `acc += a` over operands (acc, a), pairwise along rows the accumulator does not move in. */
export function sumKernel(acc: Buf, a: Buf): InnerKernel {
  return (n, p, s) => {
    let io = p[0]!;
    let ia = p[1]!;
    const so = s[0]!;
    const sa = s[1]!;
    if (so === 0) {
      acc[io] = acc[io]! + pairwiseSum(a, ia, n, sa);
      return;
    }
    if (so === 1 && sa === 1) {
      // a row added into a row of sums (a sum over an outer axis)
      for (let i = 0; i < n; i++) acc[io + i] = acc[io + i]! + a[ia + i]!;
      return;
    }
    for (let i = 0; i < n; i++) {
      acc[io] = acc[io]! + a[ia]!;
      io += so;
      ia += sa;
    }
  };
}

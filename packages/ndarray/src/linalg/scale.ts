/**
 * Exact power-of-two scaling, used by the SVD and eigen kernels to bring a matrix's largest
 * magnitude near 1 before squaring anything (so sums of squares neither overflow for
 * entries near 1e300 nor lose digits to subnormals near 1e-300), and to scale results back.
 * Multiplying by 2^e only changes exponents, so no rounding happens unless a result leaves
 * the normal range.
 */

/** The exponent e with `amax * 2^e` in [1, 2) (0 for a zero, infinite or NaN `amax`). */
export function normalizingExponent(amax: number): number {
  return amax === 0 || !Number.isFinite(amax) ? 0 : -Math.floor(Math.log2(amax));
}

/** Multiplies the first `n` elements of `a` by 2^e in place (in steps, so 2^e itself never overflows). */
export function scaleByPow2(a: Float64Array, n: number, e: number): void {
  while (e !== 0) {
    const step = Math.max(-1000, Math.min(1000, e));
    const f = 2 ** step;
    for (let i = 0; i < n; i++) a[i] *= f;
    e -= step;
  }
}

/** `x * 2^e`, exactly unless the result leaves the normal range. */
export function timesPow2(x: number, e: number): number {
  while (e !== 0) {
    const step = Math.max(-1000, Math.min(1000, e));
    x *= 2 ** step;
    e -= step;
  }
  return x;
}

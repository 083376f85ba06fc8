/**
 * Fused kernels of `var`/`std` over a contiguous float buffer. NumPy's `_var` makes three
 * temporaries (`x = a - mean`, `x *= x`, then sums `x` pairwise); these compute the same
 * sum in one pass that reads `a` only: the deviation and its square are formed where the
 * pairwise summation reads its leaves, in exactly the order, grouping and rounding of
 * `pairwiseSum` / `pairwiseSum32` (`kernels/reduce.ts`) over the temporary, so the result
 * is the composite's to the bit (float32 rounds the deviation, the square and every partial
 * sum to float32, as NumPy's float32 loops do).
 *
 * `pairwiseSumF64` is `pairwiseSum` specialised to step 1 (the same order; V8 runs the
 * unit-step indexing about 1.4x faster than the general `j + k * sa`).
 *
 * Loop variables: `ia` start offset, `n` element count, `m` the mean, `j` the position.
 */

/** Whether `var`/`std` use the fused kernels (tests turn them off to compare with the composite). */
export const fusedMoments = { enabled: true };

const PW_BLOCK = 128;

/** `pairwiseSum(a, ia, n, 1)` of `kernels/reduce.ts` for a float64 buffer (same bits). */
export function pairwiseSumF64(a: Float64Array, ia: number, n: number): number {
  if (n < 8) {
    let r = -0;
    for (let i = 0; i < n; i++) r += a[ia + i]!;
    return r;
  }
  if (n <= PW_BLOCK) {
    let r0 = a[ia]!;
    let r1 = a[ia + 1]!;
    let r2 = a[ia + 2]!;
    let r3 = a[ia + 3]!;
    let r4 = a[ia + 4]!;
    let r5 = a[ia + 5]!;
    let r6 = a[ia + 6]!;
    let r7 = a[ia + 7]!;
    const end = ia + n - (n % 8);
    let j = ia + 8;
    for (; j < end; j += 8) {
      r0 += a[j]!;
      r1 += a[j + 1]!;
      r2 += a[j + 2]!;
      r3 += a[j + 3]!;
      r4 += a[j + 4]!;
      r5 += a[j + 5]!;
      r6 += a[j + 6]!;
      r7 += a[j + 7]!;
    }
    let r = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; j < ia + n; j++) r += a[j]!;
    return r;
  }
  let n2 = n >> 1;
  n2 -= n2 % 8;
  return pairwiseSumF64(a, ia, n2) + pairwiseSumF64(a, ia + n2, n - n2);
}

/** The pairwise sum of `(a[j] - m)^2` over `n` float64 elements from `ia` (the order of `pairwiseSum`). */
export function pairwiseSqDevF64(a: Float64Array, ia: number, n: number, m: number): number {
  let d: number;
  if (n < 8) {
    let r = -0;
    for (let i = 0; i < n; i++) {
      d = a[ia + i]! - m;
      r += d * d;
    }
    return r;
  }
  if (n <= PW_BLOCK) {
    d = a[ia]! - m;
    let r0 = d * d;
    d = a[ia + 1]! - m;
    let r1 = d * d;
    d = a[ia + 2]! - m;
    let r2 = d * d;
    d = a[ia + 3]! - m;
    let r3 = d * d;
    d = a[ia + 4]! - m;
    let r4 = d * d;
    d = a[ia + 5]! - m;
    let r5 = d * d;
    d = a[ia + 6]! - m;
    let r6 = d * d;
    d = a[ia + 7]! - m;
    let r7 = d * d;
    const end = ia + n - (n % 8);
    let j = ia + 8;
    for (; j < end; j += 8) {
      d = a[j]! - m;
      r0 += d * d;
      d = a[j + 1]! - m;
      r1 += d * d;
      d = a[j + 2]! - m;
      r2 += d * d;
      d = a[j + 3]! - m;
      r3 += d * d;
      d = a[j + 4]! - m;
      r4 += d * d;
      d = a[j + 5]! - m;
      r5 += d * d;
      d = a[j + 6]! - m;
      r6 += d * d;
      d = a[j + 7]! - m;
      r7 += d * d;
    }
    let r = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; j < ia + n; j++) {
      d = a[j]! - m;
      r += d * d;
    }
    return r;
  }
  let n2 = n >> 1;
  n2 -= n2 % 8;
  return pairwiseSqDevF64(a, ia, n2, m) + pairwiseSqDevF64(a, ia + n2, n - n2, m);
}

/**
 * The float32 pairwise sum of `fround(fround(a[j] - m)^2)` over `n` float32 elements from
 * `ia` (the order and roundings of `pairwiseSum32`); `m` is a float32 value.
 */
export function pairwiseSqDevF32(a: Float32Array, ia: number, n: number, m: number): number {
  const f = Math.fround;
  let d: number;
  if (n < 8) {
    let r = -0;
    for (let i = 0; i < n; i++) {
      d = f(a[ia + i]! - m);
      r = f(r + f(d * d));
    }
    return r;
  }
  if (n <= PW_BLOCK) {
    d = f(a[ia]! - m);
    let r0 = f(d * d);
    d = f(a[ia + 1]! - m);
    let r1 = f(d * d);
    d = f(a[ia + 2]! - m);
    let r2 = f(d * d);
    d = f(a[ia + 3]! - m);
    let r3 = f(d * d);
    d = f(a[ia + 4]! - m);
    let r4 = f(d * d);
    d = f(a[ia + 5]! - m);
    let r5 = f(d * d);
    d = f(a[ia + 6]! - m);
    let r6 = f(d * d);
    d = f(a[ia + 7]! - m);
    let r7 = f(d * d);
    const end = ia + n - (n % 8);
    let j = ia + 8;
    for (; j < end; j += 8) {
      d = f(a[j]! - m);
      r0 = f(r0 + f(d * d));
      d = f(a[j + 1]! - m);
      r1 = f(r1 + f(d * d));
      d = f(a[j + 2]! - m);
      r2 = f(r2 + f(d * d));
      d = f(a[j + 3]! - m);
      r3 = f(r3 + f(d * d));
      d = f(a[j + 4]! - m);
      r4 = f(r4 + f(d * d));
      d = f(a[j + 5]! - m);
      r5 = f(r5 + f(d * d));
      d = f(a[j + 6]! - m);
      r6 = f(r6 + f(d * d));
      d = f(a[j + 7]! - m);
      r7 = f(r7 + f(d * d));
    }
    let r = f(f(f(r0 + r1) + f(r2 + r3)) + f(f(r4 + r5) + f(r6 + r7)));
    for (; j < ia + n; j++) {
      d = f(a[j]! - m);
      r = f(r + f(d * d));
    }
    return r;
  }
  let n2 = n >> 1;
  n2 -= n2 % 8;
  return f(pairwiseSqDevF32(a, ia, n2, m) + pairwiseSqDevF32(a, ia + n2, n - n2, m));
}

/**
 * argmax / argmin inner kernels. The driver walks every position of the kept axes (the
 * reduced axis given length 1) with operands (out, a); for each position the kernel scans
 * the `len` elements of the reduced axis by step `step` and stores the index of the first
 * extreme, as NumPy does.
 *
 * NaN: `!(v <= best)` is true for a larger element and for NaN, so a NaN ends the scan
 * with its index (NumPy returns the first NaN's index). The same comparisons work on
 * bigint buffers (int64/uint64), where `v !== v` is never true.
 *
 * Each scan is written out per buffer type (float64, float32, int32, and one for the other
 * types), each its own function literal, so V8 sees one element type per loop
 * (monomorphic loads: 1.4x faster than one shared loop over every type), with a unit-step
 * loop for contiguous rows; contiguous float rows of 64 and more go to the WASM SIMD
 * kernels first (kernels/vmath.ts `argRuns`, the same answers).
 *
 * Loop variables: `i` the position among the kernel's `n` rows, `k` the index along the
 * reduced axis, `j` its offset, `io`/`ia` offsets, `so`/`sa` steps of the driver's inner axis.
 */
import type { InnerKernel } from '../iter/strided-loop.js';
import type { Buf } from './elementwise.js';
import { argRows, argRuns, isFloatRun } from './vmath.js';

/** Index of the first extreme (or first NaN) of `len` elements of `a` from `ia` by `step`. */
type Scan<A> = (a: A, ia: number, len: number, step: number) => number;

// prettier-ignore
const scanMaxF64: Scan<Float64Array> = (a, ia, len, step) => {
  let best = a[ia]!;
  if (best !== best) return 0;
  let bk = 0;
  if (step === 1) {
    const w = argRuns(a, ia, len, true);
    if (w !== null) return w;
    for (let k = 1; k < len; k++) { const v = a[ia + k]!; if (!(v <= best)) { if (v !== v) return k; best = v; bk = k; } }
    return bk;
  }
  for (let k = 1, j = ia + step; k < len; k++, j += step) { const v = a[j]!; if (!(v <= best)) { if (v !== v) return k; best = v; bk = k; } }
  return bk;
};
// prettier-ignore
const scanMaxF32: Scan<Float32Array> = (a, ia, len, step) => {
  let best = a[ia]!;
  if (best !== best) return 0;
  let bk = 0;
  if (step === 1) {
    const w = argRuns(a, ia, len, true);
    if (w !== null) return w;
    for (let k = 1; k < len; k++) { const v = a[ia + k]!; if (!(v <= best)) { if (v !== v) return k; best = v; bk = k; } }
    return bk;
  }
  for (let k = 1, j = ia + step; k < len; k++, j += step) { const v = a[j]!; if (!(v <= best)) { if (v !== v) return k; best = v; bk = k; } }
  return bk;
};
// prettier-ignore
const scanMaxI32: Scan<Int32Array> = (a, ia, len, step) => {
  let best = a[ia]!;
  if (best !== best) return 0;
  let bk = 0;
  if (step === 1) {
    for (let k = 1; k < len; k++) { const v = a[ia + k]!; if (!(v <= best)) { if (v !== v) return k; best = v; bk = k; } }
    return bk;
  }
  for (let k = 1, j = ia + step; k < len; k++, j += step) { const v = a[j]!; if (!(v <= best)) { if (v !== v) return k; best = v; bk = k; } }
  return bk;
};
// prettier-ignore
const scanMaxAny: Scan<Buf> = (a, ia, len, step) => {
  let best = a[ia]!;
  if (best !== best) return 0;
  let bk = 0;
  if (step === 1) {
    for (let k = 1; k < len; k++) { const v = a[ia + k]!; if (!(v <= best)) { if (v !== v) return k; best = v; bk = k; } }
    return bk;
  }
  for (let k = 1, j = ia + step; k < len; k++, j += step) { const v = a[j]!; if (!(v <= best)) { if (v !== v) return k; best = v; bk = k; } }
  return bk;
};

// prettier-ignore
const scanMinF64: Scan<Float64Array> = (a, ia, len, step) => {
  let best = a[ia]!;
  if (best !== best) return 0;
  let bk = 0;
  if (step === 1) {
    const w = argRuns(a, ia, len, false);
    if (w !== null) return w;
    for (let k = 1; k < len; k++) { const v = a[ia + k]!; if (!(v >= best)) { if (v !== v) return k; best = v; bk = k; } }
    return bk;
  }
  for (let k = 1, j = ia + step; k < len; k++, j += step) { const v = a[j]!; if (!(v >= best)) { if (v !== v) return k; best = v; bk = k; } }
  return bk;
};
// prettier-ignore
const scanMinF32: Scan<Float32Array> = (a, ia, len, step) => {
  let best = a[ia]!;
  if (best !== best) return 0;
  let bk = 0;
  if (step === 1) {
    const w = argRuns(a, ia, len, false);
    if (w !== null) return w;
    for (let k = 1; k < len; k++) { const v = a[ia + k]!; if (!(v >= best)) { if (v !== v) return k; best = v; bk = k; } }
    return bk;
  }
  for (let k = 1, j = ia + step; k < len; k++, j += step) { const v = a[j]!; if (!(v >= best)) { if (v !== v) return k; best = v; bk = k; } }
  return bk;
};
// prettier-ignore
const scanMinI32: Scan<Int32Array> = (a, ia, len, step) => {
  let best = a[ia]!;
  if (best !== best) return 0;
  let bk = 0;
  if (step === 1) {
    for (let k = 1; k < len; k++) { const v = a[ia + k]!; if (!(v >= best)) { if (v !== v) return k; best = v; bk = k; } }
    return bk;
  }
  for (let k = 1, j = ia + step; k < len; k++, j += step) { const v = a[j]!; if (!(v >= best)) { if (v !== v) return k; best = v; bk = k; } }
  return bk;
};
// prettier-ignore
const scanMinAny: Scan<Buf> = (a, ia, len, step) => {
  let best = a[ia]!;
  if (best !== best) return 0;
  let bk = 0;
  if (step === 1) {
    for (let k = 1; k < len; k++) { const v = a[ia + k]!; if (!(v >= best)) { if (v !== v) return k; best = v; bk = k; } }
    return bk;
  }
  for (let k = 1, j = ia + step; k < len; k++, j += step) { const v = a[j]!; if (!(v >= best)) { if (v !== v) return k; best = v; bk = k; } }
  return bk;
};

/** The scan for `a`'s element type. */
function pick(a: Buf, f64: Scan<Float64Array>, f32: Scan<Float32Array>, i32: Scan<Int32Array>, any: Scan<Buf>): Scan<Buf> {
  if (a instanceof Float64Array) return f64 as unknown as Scan<Buf>;
  if (a instanceof Float32Array) return f32 as unknown as Scan<Buf>;
  if (a instanceof Int32Array) return i32 as unknown as Scan<Buf>;
  return any;
}

/**
 * Runs `scan` for each of the driver's rows: operands (out, a). Contiguous float rows go to
 * the WASM kernels many rows at a time when they lie at a positive step (`argRows`).
 */
function rows(scan: Scan<Buf>, out: Buf, a: Buf, len: number, step: number, max: boolean): InnerKernel {
  const batch = step === 1 && isFloatRun(a) ? a : null;
  return (n, p, s) => {
    let io = p[0]!;
    let ia = p[1]!;
    const so = s[0]!;
    const sa = s[1]!;
    if (batch !== null && sa >= len && argRows(batch, ia, sa, n, len, max, out, io, so)) return;
    for (let i = 0; i < n; i++, io += so, ia += sa) out[io] = scan(a, ia, len, step);
  };
}

/** Index of the first maximum (or first NaN) of each row: operands (out, a). */
export function argmaxKernel(out: Buf, a: Buf, len: number, step: number): InnerKernel {
  return rows(pick(a, scanMaxF64, scanMaxF32, scanMaxI32, scanMaxAny), out, a, len, step, true);
}

/** Index of the first minimum (or first NaN) of each row: operands (out, a). */
export function argminKernel(out: Buf, a: Buf, len: number, step: number): InnerKernel {
  return rows(pick(a, scanMinF64, scanMinF32, scanMinI32, scanMinAny), out, a, len, step, false);
}

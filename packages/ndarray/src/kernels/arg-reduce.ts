/**
 * argmax / argmin inner kernels. The driver walks every position of the kept axes (the
 * reduced axis given length 1) with operands (out, a); for each position the kernel scans
 * the `len` elements of the reduced axis by step `step` and stores the index of the first
 * extreme, as NumPy does.
 *
 * NaN: `!(v <= best)` is true for a larger element and for NaN, so a NaN becomes the best
 * and the scan stops there (NumPy returns the first NaN's index). The same comparisons
 * work on bigint buffers (int64/uint64), where `v !== v` is never true.
 *
 * Loop variables: `i` the position among the kernel's `n` rows, `k` the index along the
 * reduced axis, `io`/`ia` offsets, `so`/`sa` steps of the driver's inner axis.
 */
import type { InnerKernel } from '../iter/strided-loop.js';
import type { Buf } from './elementwise.js';

/** Index of the first maximum (or first NaN) of each row: operands (out, a). */
export function argmaxKernel(out: Buf, a: Buf, len: number, step: number): InnerKernel {
  return (n, p, s) => {
    let io = p[0]!;
    let ia = p[1]!;
    const so = s[0]!;
    const sa = s[1]!;
    for (let i = 0; i < n; i++, io += so, ia += sa) {
      let best = a[ia]!;
      let bk = 0;
      if (best === best) {
        for (let k = 1, j = ia + step; k < len; k++, j += step) {
          const v = a[j]!;
          if (!(v <= best)) {
            best = v;
            bk = k;
            if (v !== v) break;
          }
        }
      }
      out[io] = bk;
    }
  };
}

/** Index of the first minimum (or first NaN) of each row: operands (out, a). */
export function argminKernel(out: Buf, a: Buf, len: number, step: number): InnerKernel {
  return (n, p, s) => {
    let io = p[0]!;
    let ia = p[1]!;
    const so = s[0]!;
    const sa = s[1]!;
    for (let i = 0; i < n; i++, io += so, ia += sa) {
      let best = a[ia]!;
      let bk = 0;
      if (best === best) {
        for (let k = 1, j = ia + step; k < len; k++, j += step) {
          const v = a[j]!;
          if (!(v >= best)) {
            best = v;
            bk = k;
            if (v !== v) break;
          }
        }
      }
      out[io] = bk;
    }
  };
}

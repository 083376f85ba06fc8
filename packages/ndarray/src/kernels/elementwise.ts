/**
 * Element-wise inner kernels: the only hot loops for ufuncs and copies. No dtype or shape
 * decisions are made here; each kernel receives element buffers, a scalar function and the
 * driver's offsets/strides, and picks a fast path from the strides: all contiguous, one
 * operand stride 0 (a scalar or a broadcast row), or general strided.
 *
 * Loop variables: `i` counts elements; `io`, `ia`, `ib` are offsets into the output and
 * inputs; `so`, `sa`, `sb` their steps. Elements are numbers, or bigints for int64/uint64
 * buffers (the scalar function then works on bigints); `Buf` types both as numbers.
 */
import type { InnerKernel } from '../iter/strided-loop.js';

/** An element buffer as kernels see it (a TypedArray; bigint ones reuse the same code). */
export type Buf = { [i: number]: number; readonly length: number };
/** A scalar function of one element. */
export type Fn1 = (x: number) => number;
/** A scalar function of two elements. */
export type Fn2 = (x: number, y: number) => number;

/** `out = f(a)` over operands (out, a). */
export function unaryKernel(f: Fn1, out: Buf, a: Buf): InnerKernel {
  return (n, p, s) => {
    let io = p[0]!;
    let ia = p[1]!;
    const so = s[0]!;
    const sa = s[1]!;
    if (so === 1 && sa === 1) {
      for (let i = 0; i < n; i++) out[io + i] = f(a[ia + i]!);
      return;
    }
    for (let i = 0; i < n; i++) {
      out[io] = f(a[ia]!);
      io += so;
      ia += sa;
    }
  };
}

/** `out = f(a, b)` over operands (out, a, b). */
export function binaryKernel(f: Fn2, out: Buf, a: Buf, b: Buf): InnerKernel {
  return (n, p, s) => {
    let io = p[0]!;
    let ia = p[1]!;
    let ib = p[2]!;
    const so = s[0]!;
    const sa = s[1]!;
    const sb = s[2]!;
    if (so === 1 && sa === 1) {
      if (sb === 1) {
        for (let i = 0; i < n; i++) out[io + i] = f(a[ia + i]!, b[ib + i]!);
        return;
      }
      if (sb === 0) {
        const y = b[ib]!;
        for (let i = 0; i < n; i++) out[io + i] = f(a[ia + i]!, y);
        return;
      }
    }
    if (so === 1 && sa === 0 && sb === 1) {
      const x = a[ia]!;
      for (let i = 0; i < n; i++) out[io + i] = f(x, b[ib + i]!);
      return;
    }
    for (let i = 0; i < n; i++) {
      out[io] = f(a[ia]!, b[ib]!);
      io += so;
      ia += sa;
      ib += sb;
    }
  };
}

/** `out = cond ? x : y` over operands (out, cond, x, y): `np.where`'s kernel. */
export function whereKernel(out: Buf, cond: Buf, x: Buf, y: Buf): InnerKernel {
  return (n, p, s) => {
    let io = p[0]!;
    let ic = p[1]!;
    let ix = p[2]!;
    let iy = p[3]!;
    const so = s[0]!;
    const sc = s[1]!;
    const sx = s[2]!;
    const sy = s[3]!;
    for (let i = 0; i < n; i++) {
      out[io] = cond[ic] ? x[ix]! : y[iy]!;
      io += so;
      ic += sc;
      ix += sx;
      iy += sy;
    }
  };
}

/** `out = src` (with an optional per-element conversion) over operands (out, src). */
export function copyKernel(out: Buf, src: Buf, conv: Fn1 | null): InnerKernel {
  if (conv !== null) return unaryKernel(conv, out, src);
  return (n, p, s) => {
    let io = p[0]!;
    let ia = p[1]!;
    const so = s[0]!;
    const sa = s[1]!;
    if (so === 1 && sa === 1) {
      for (let i = 0; i < n; i++) out[io + i] = src[ia + i]!;
      return;
    }
    if (sa === 0) {
      const v = src[ia]!;
      for (let i = 0; i < n; i++, io += so) out[io] = v;
      return;
    }
    for (let i = 0; i < n; i++) {
      out[io] = src[ia]!;
      io += so;
      ia += sa;
    }
  };
}

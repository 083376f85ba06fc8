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

/**
 * A unary inner loop with its operation written in (a ufunc record's `fast` loop): `n`
 * elements, output `o` from `io` by `so`, input `a` from `ia` by `sa`. One strided form
 * serves every case: V8 runs it as fast as a contiguous loop, and a stride of 0 reads a
 * scalar or a broadcast row. Each loop is its own function literal, so its call sites and
 * element accesses stay monomorphic in the operation (closures made by one factory share
 * V8's type feedback, which is what makes `unaryKernel`'s `f(x)` call megamorphic).
 */
export type Loop1 = (n: number, o: Buf, io: number, so: number, a: Buf, ia: number, sa: number) => void;

/** A binary inner loop with its operation written in: `o = op(a, b)` (see {@link Loop1}). */
export type Loop2 = (n: number, o: Buf, io: number, so: number, a: Buf, ia: number, sa: number, b: Buf, ib: number, sb: number) => void;

/** Whether ufuncs use their records' `fast` loops (tests turn them off to check the fallback). */
export const fastLoops = { enabled: true };

/** Runs a {@link Loop1} per row of the driver over operands (out, a). */
export function unaryLoopKernel(loop: Loop1, out: Buf, a: Buf): InnerKernel {
  return (n, p, s) => loop(n, out, p[0]!, s[0]!, a, p[1]!, s[1]!);
}

/** Runs a {@link Loop2} per row of the driver over operands (out, a, b). */
export function binaryLoopKernel(loop: Loop2, out: Buf, a: Buf, b: Buf): InnerKernel {
  return (n, p, s) => loop(n, out, p[0]!, s[0]!, a, p[1]!, s[1]!, b, p[2]!, s[2]!);
}

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

// Copies between buffers of the same float type, each its own function literal so its
// element accesses stay monomorphic (the generic copy below serves every type pair).
// prettier-ignore
const copyF64 = (n: number, o: Float64Array, io: number, so: number, a: Float64Array, ia: number, sa: number): void => { for (let i = 0; i < n; i++, io += so, ia += sa) o[io] = a[ia]!; };
// prettier-ignore
const copyF32 = (n: number, o: Float32Array, io: number, so: number, a: Float32Array, ia: number, sa: number): void => { for (let i = 0; i < n; i++, io += so, ia += sa) o[io] = a[ia]!; };

/** `out = src` (with an optional per-element conversion) over operands (out, src). */
export function copyKernel(out: Buf, src: Buf, conv: Fn1 | null): InnerKernel {
  if (conv !== null) return unaryKernel(conv, out, src);
  if (out instanceof Float64Array && src instanceof Float64Array) return (n, p, s) => copyF64(n, out, p[0]!, s[0]!, src, p[1]!, s[1]!);
  if (out instanceof Float32Array && src instanceof Float32Array) return (n, p, s) => copyF32(n, out, p[0]!, s[0]!, src, p[1]!, s[1]!);
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

/**
 * A 2-d copy `o[io + r*or + c] = a[ia + r*ar + c*ac]` (r < rows, c < cols) for a transposed
 * source: the output runs along c, the source along r (`ac` is far). Sixteen columns at a
 * time: each output row gets 16 contiguous elements (two float64 cache lines) read from
 * 16 source streams that all advance along r, so every line read and written is used
 * whole while it is in cache (the element-by-element copy reads one element per source
 * line). Measured 2x faster on a (1000, 1000) float64 transpose; 16 beats 4 and 8.
 */
export type TransposeCopy<A> = (rows: number, cols: number, o: A, io: number, or: number, a: A, ia: number, ar: number, ac: number) => void;

// Each its own function literal (one element type per loop); keep the two identical.
// prettier-ignore
const transposeF64: TransposeCopy<Float64Array> = (rows, cols, o, io, or, a, ia, ar, ac) => {
  let c = 0;
  for (; c + 16 <= cols; c += 16) {
    for (let r = 0, q = io + c, s0 = ia + c * ac; r < rows; r++, q += or, s0 += ar) {
      let s = s0;
      o[q] = a[s]!; s += ac; o[q + 1] = a[s]!; s += ac; o[q + 2] = a[s]!; s += ac; o[q + 3] = a[s]!; s += ac;
      o[q + 4] = a[s]!; s += ac; o[q + 5] = a[s]!; s += ac; o[q + 6] = a[s]!; s += ac; o[q + 7] = a[s]!; s += ac;
      o[q + 8] = a[s]!; s += ac; o[q + 9] = a[s]!; s += ac; o[q + 10] = a[s]!; s += ac; o[q + 11] = a[s]!; s += ac;
      o[q + 12] = a[s]!; s += ac; o[q + 13] = a[s]!; s += ac; o[q + 14] = a[s]!; s += ac; o[q + 15] = a[s]!;
    }
  }
  for (; c < cols; c++) for (let r = 0, q = io + c, s = ia + c * ac; r < rows; r++, q += or, s += ar) o[q] = a[s]!;
};
// prettier-ignore
const transposeF32: TransposeCopy<Float32Array> = (rows, cols, o, io, or, a, ia, ar, ac) => {
  let c = 0;
  for (; c + 16 <= cols; c += 16) {
    for (let r = 0, q = io + c, s0 = ia + c * ac; r < rows; r++, q += or, s0 += ar) {
      let s = s0;
      o[q] = a[s]!; s += ac; o[q + 1] = a[s]!; s += ac; o[q + 2] = a[s]!; s += ac; o[q + 3] = a[s]!; s += ac;
      o[q + 4] = a[s]!; s += ac; o[q + 5] = a[s]!; s += ac; o[q + 6] = a[s]!; s += ac; o[q + 7] = a[s]!; s += ac;
      o[q + 8] = a[s]!; s += ac; o[q + 9] = a[s]!; s += ac; o[q + 10] = a[s]!; s += ac; o[q + 11] = a[s]!; s += ac;
      o[q + 12] = a[s]!; s += ac; o[q + 13] = a[s]!; s += ac; o[q + 14] = a[s]!; s += ac; o[q + 15] = a[s]!;
    }
  }
  for (; c < cols; c++) for (let r = 0, q = io + c, s = ia + c * ac; r < rows; r++, q += or, s += ar) o[q] = a[s]!;
};

/** Whether `assign` uses {@link transposeCopyFor}'s kernels (tests turn them off to compare). */
export const tiledCopies = { enabled: true };

/** The transposed-copy kernel for two buffers of one float type, or null. */
export function transposeCopyFor(o: Buf, a: Buf): TransposeCopy<Buf> | null {
  if (!tiledCopies.enabled) return null;
  if (o instanceof Float64Array && a instanceof Float64Array) return transposeF64 as unknown as TransposeCopy<Buf>;
  if (o instanceof Float32Array && a instanceof Float32Array) return transposeF32 as unknown as TransposeCopy<Buf>;
  return null;
}

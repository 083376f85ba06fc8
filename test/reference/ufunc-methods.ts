/**
 * Naive references for the ufunc methods (`reduce`, `accumulate`, `reduceat`, `outer`,
 * `at`) and NumPy's float32 pairwise sum, over plain C-order values with the index
 * arithmetic written out. Shares no code with numbat's kernels: the scalar function `f`
 * is given by the test (already wrapped to the dtype it models).
 */
import type { Plain } from './plain.js';

type V = number | bigint;
type F = (x: V, y: V) => V;

/** C-order strides of `shape`. */
function cStridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    s[d] = acc;
    acc *= shape[d]!;
  }
  return s;
}

/** The multi-index of flat position `k` over `shape`. */
function unravel(k: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = k % shape[d]!;
    k = Math.floor(k / shape[d]!);
  }
  return idx;
}

function flatOf(idx: readonly number[], strides: readonly number[]): number {
  let p = 0;
  for (let d = 0; d < idx.length; d++) p += idx[d]! * strides[d]!;
  return p;
}

/** Left fold of `f` over one axis: `f(f(a0, a1), a2)...` (NumPy's order for a single axis). */
export function refReduce(p: Plain, axis: number, f: F): { shape: number[]; values: V[] } {
  const shape = p.shape.filter((_, d) => d !== axis);
  const st = cStridesOf(p.shape);
  const n = shape.reduce((a, b) => a * b, 1);
  const values: V[] = [];
  for (let k = 0; k < n; k++) {
    const rest = unravel(k, shape);
    const idx = [...rest.slice(0, axis), 0, ...rest.slice(axis)];
    let acc = p.values[flatOf(idx, st)]!;
    for (let i = 1; i < p.shape[axis]!; i++) {
      idx[axis] = i;
      acc = f(acc, p.values[flatOf(idx, st)]!);
    }
    values.push(acc);
  }
  return { shape, values };
}

/** Running left folds along `axis` (NumPy's `accumulate`). */
export function refAccumulate(p: Plain, axis: number, f: F): { shape: number[]; values: V[] } {
  const st = cStridesOf(p.shape);
  const values = p.values.slice();
  const size = values.length;
  for (let k = 0; k < size; k++) {
    const idx = unravel(k, p.shape);
    if (idx[axis] === 0) continue;
    const prev = idx.slice();
    prev[axis] = idx[axis]! - 1;
    values[k] = f(values[flatOf(prev, st)]!, p.values[k]!);
  }
  return { shape: p.shape.slice(), values };
}

/**
 * NumPy's `reduceat` rule written out: position `i` along `axis` folds
 * `a[indices[i]:indices[i+1]]` left to right when `indices[i] < indices[i+1]`, else takes
 * `a[indices[i]]`; the last index folds to the end of the axis.
 */
export function refReduceat(p: Plain, indices: readonly number[], axis: number, f: F): { shape: number[]; values: V[] } {
  const len = p.shape[axis]!;
  const shape = p.shape.slice();
  shape[axis] = indices.length;
  const st = cStridesOf(p.shape);
  const n = shape.reduce((a, b) => a * b, 1);
  const values: V[] = [];
  for (let k = 0; k < n; k++) {
    const idx = unravel(k, shape);
    const i = idx[axis]!;
    const start = indices[i]!;
    let end = i + 1 < indices.length ? indices[i + 1]! : len;
    if (end <= start) end = start + 1;
    const src = idx.slice();
    src[axis] = start;
    let acc = p.values[flatOf(src, st)]!;
    for (let j = start + 1; j < end; j++) {
      src[axis] = j;
      acc = f(acc, p.values[flatOf(src, st)]!);
    }
    values.push(acc);
  }
  return { shape, values };
}

/** `f(a[i...], b[j...])` for every pair, shape `a.shape + b.shape` (NumPy's `outer`). */
export function refOuter(a: Plain, b: Plain, f: F): { shape: number[]; values: V[] } {
  const values: V[] = [];
  for (const x of a.values) for (const y of b.values) values.push(f(x, y));
  return { shape: [...a.shape, ...b.shape], values };
}

/**
 * `ufunc.at` on C-order `values` for a list of flat target positions, one `b` value per
 * target: each occurrence applies `f` in turn, so repeated targets accumulate.
 */
export function refAt(values: readonly V[], targets: readonly number[], b: readonly V[], f: F): V[] {
  const out = values.slice();
  targets.forEach((t, j) => {
    out[t] = f(out[t]!, b[j]!);
  });
  return out;
}

/**
 * NumPy's pairwise summation of float32 values (`FLOAT_pairwise_sum` in loops_utils.h.src):
 * fewer than 8 values are added in turn from -0; up to 128 use 8 running sums over strides
 * of 8 combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the leftover tail; longer runs
 * split at half the length rounded down to a multiple of 8. Every sum is rounded to float32.
 */
export function refPairwiseSum32(values: readonly number[]): number {
  const f = Math.fround;
  const rec = (lo: number, n: number): number => {
    if (n < 8) {
      let r = -0;
      for (let i = 0; i < n; i++) r = f(r + values[lo + i]!);
      return r;
    }
    if (n <= 128) {
      const r = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => values[lo + k]!);
      let i = 8;
      while (i < n - (n % 8)) {
        for (let k = 0; k < 8; k++) r[k] = f(r[k]! + values[lo + i + k]!);
        i += 8;
      }
      let s = f(f(f(r[0]! + r[1]!) + f(r[2]! + r[3]!)) + f(f(r[4]! + r[5]!) + f(r[6]! + r[7]!)));
      for (; i < n; i++) s = f(s + values[lo + i]!);
      return s;
    }
    const half = Math.floor(n / 2);
    const n2 = half - (half % 8);
    return f(rec(lo, n2) + rec(lo + n2, n - n2));
  };
  return rec(0, values.length);
}

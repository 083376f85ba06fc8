/**
 * A naive reference for reductions: lanes along one axis (or all values) gathered by index
 * arithmetic written out over plain C-order values, then folded left to right with plain
 * JS. Shares no code with numbat (inputs are read with `toPlain`).
 */
import type { Plain } from './plain.js';

/** A reference result: shape and C-order values. */
export interface RefResult {
  shape: number[];
  values: number[];
}

/** The lanes of `p` along `axis` in C order of the other axes (all values for `null`). */
function lanes(p: Plain, axis: number | null): { outShape: number[]; lanes: number[][] } {
  const vals = p.values.map(Number);
  if (axis === null) return { outShape: [], lanes: [vals] };
  const shape = p.shape;
  const len = shape[axis]!;
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d]!;
  let outer = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d]!;
  const out: number[][] = [];
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const lane: number[] = [];
      for (let k = 0; k < len; k++) lane.push(vals[(o * len + k) * inner + i]!);
      out.push(lane);
    }
  }
  return { outShape: shape.filter((_, d) => d !== axis), lanes: out };
}

/** `f` of each lane along `axis`: the result has `axis` removed (a single value for null). */
export function refReduce(p: Plain, axis: number | null, f: (lane: number[]) => number): RefResult {
  const { outShape, lanes: ls } = lanes(p, axis);
  return { shape: outShape, values: ls.map(f) };
}

/** Running values of each lane along `axis` (the flattened array for null): the same shape. */
export function refScan(p: Plain, axis: number | null, f: (lane: number[]) => number[]): RefResult {
  if (axis === null) return { shape: [p.values.length], values: f(p.values.map(Number)) };
  const { lanes: ls } = lanes(p, axis);
  const shape = p.shape.slice();
  const len = shape[axis]!;
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d]!;
  const values = new Array<number>(p.values.length);
  ls.forEach((lane, j) => {
    const o = Math.floor(j / inner);
    const i = j % inner;
    f(lane).forEach((v, k) => {
      values[(o * len + k) * inner + i] = v;
    });
  });
  return { shape, values };
}

/** Left-to-right sum. */
export function refSum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** Sum over count (NaN for no values). */
export function refMean(xs: readonly number[]): number {
  return refSum(xs) / xs.length;
}

/** Two-pass variance: the mean of squared deviations with divisor max(n - ddof, 0). */
export function refVar(xs: readonly number[], ddof = 0): number {
  const m = refMean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return s / Math.max(xs.length - ddof, 0);
}

/** The largest value; NaN if any value is NaN. Throws on no values. */
export function refMax(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('empty');
  let m = -Infinity;
  for (const x of xs) {
    if (Number.isNaN(x)) return NaN;
    if (x > m) m = x;
  }
  return m;
}

/** Index of the first NaN, else of the first largest value. */
export function refArgmax(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('empty');
  const nan = xs.findIndex((x) => Number.isNaN(x));
  if (nan >= 0) return nan;
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i]! > xs[best]!) best = i;
  return best;
}

/** Running sums. */
export function refCumsum(xs: readonly number[]): number[] {
  const out: number[] = [];
  let s = 0;
  for (const x of xs) out.push((s += x));
  return out;
}

/** The middle value, or the mean of the two middle values; NaN for no values or any NaN. */
export function refMedian(xs: readonly number[]): number {
  if (xs.length === 0 || xs.some((x) => Number.isNaN(x))) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/**
 * A naive reference for element-wise ufuncs: broadcasting by explicit multi-index
 * arithmetic over plain C-order values, and scalar functions written out directly.
 * Shares no code with numbat's kernels, iterator or broadcasting.
 */
import type { Plain } from './plain.js';

/** The broadcast shape of two shapes, or null when they do not broadcast. */
export function refBroadcastShape(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const da = i < n - a.length ? 1 : a[i - (n - a.length)]!;
    const db = i < n - b.length ? 1 : b[i - (n - b.length)]!;
    if (da !== db && da !== 1 && db !== 1) return null;
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** The value of `p` at a multi-index of the broadcast shape. */
function at(p: Plain, index: readonly number[]): number | bigint {
  const off = index.length - p.shape.length;
  let flat = 0;
  for (let d = 0; d < p.shape.length; d++) {
    const i = p.shape[d] === 1 ? 0 : index[off + d]!;
    flat = flat * p.shape[d]! + i;
  }
  return p.values[flat]!;
}

/** Applies `f` element-wise over the broadcast of `a` and `b`; values only (no dtype logic). */
export function refBinary(a: Plain, b: Plain, f: (x: number, y: number) => number): { shape: number[]; values: number[] } | null {
  const shape = refBroadcastShape(a.shape, b.shape);
  if (shape === null) return null;
  const size = shape.reduce((x, y) => x * y, 1);
  const values: number[] = [];
  const index = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < size; k++) {
    let rem = k;
    for (let d = shape.length - 1; d >= 0; d--) {
      index[d] = rem % shape[d]!;
      rem = Math.floor(rem / shape[d]!);
    }
    values.push(f(Number(at(a, index)), Number(at(b, index))));
  }
  return { shape, values };
}

/** Wraps a mathematically exact integer to a signed 32-bit value. */
export function wrapInt32(x: number): number {
  const m = ((x % 4294967296) + 4294967296) % 4294967296;
  return m >= 2147483648 ? m - 4294967296 : m;
}

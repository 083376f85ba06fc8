/**
 * The single n-d strided-loop driver. Everything element-wise (ufuncs, casts, copies,
 * reductions, gathers) runs through `stridedLoop`: it orders and coalesces the axes, then
 * calls a 1-d inner kernel once per innermost row with each operand's current offset and
 * inner stride. Kernels pick their own contiguous / stride-0 fast paths from the strides.
 *
 * Loop variables: `p[k]` operand k's offset of the current row, `s[k]` its inner step.
 */
import { makeLayout } from './layout.js';

/**
 * A 1-d inner kernel: process `n` elements; operand k starts at offset `p[k]` and steps by
 * `s[k]`. `p` and `s` are owned by the driver and must not be kept or modified.
 */
export type InnerKernel = (n: number, p: readonly number[], s: readonly number[]) => void;

/**
 * Runs `kernel` over `shape` for operands with the given element strides and base
 * offsets (operand 0 first). Does nothing for an empty shape product.
 */
export function stridedLoop(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  offsets: readonly number[],
  kernel: InnerKernel,
): void {
  for (const d of shape) if (d === 0) return;
  const nops = offsets.length;
  const { shape: ls, strides: lst } = makeLayout(shape, strides);
  const nd = ls.length;
  const p = offsets.slice();
  if (nd === 0) {
    kernel(1, p, new Array<number>(nops).fill(0));
    return;
  }
  const inner = nd - 1;
  const n = ls[inner]!;
  const s = lst.map((st) => st[inner]!);
  if (nd === 1) {
    kernel(n, p, s);
    return;
  }
  const idx = new Array<number>(inner).fill(0);
  for (;;) {
    kernel(n, p, s);
    let d = inner - 1;
    for (; d >= 0; d--) {
      const len = ls[d]!;
      if (++idx[d]! < len) {
        for (let k = 0; k < nops; k++) p[k] = p[k]! + lst[k]![d]!;
        break;
      }
      idx[d] = 0;
      for (let k = 0; k < nops; k++) p[k] = p[k]! - (len - 1) * lst[k]![d]!;
    }
    if (d < 0) return;
  }
}

/**
 * Loop layout: the order in which a strided loop visits axes, and the coalescing of axes
 * that can be walked as one (NumPy's `npyiter_coalesce_axes`).
 *
 * Conventions: operand 0 is the output (or accumulator); `strides[k][d]` is operand k's
 * step along axis d, in elements. Broadcast operands simply have stride 0.
 */

/** A loop nest after ordering and coalescing: `shape[d]`, `strides[k][d]`, outermost first. */
export interface Layout {
  shape: number[];
  strides: number[][];
}

/**
 * Orders axes so the innermost has the smallest steps (NumPy's 'K' order): for each pair,
 * the first operand whose strides on both axes are nonzero and different decides; ties
 * keep C order. Then merges each axis into its inner neighbour when every operand steps
 * through them as one run, and drops length-1 axes.
 */
export function makeLayout(shape: readonly number[], strides: readonly (readonly number[])[]): Layout {
  const nd = shape.length;
  const nops = strides.length;
  // axes outermost first; insertion sort with the pairwise rule above
  const perm: number[] = [];
  for (let ax = 0; ax < nd; ax++) {
    if (shape[ax] === 1) continue;
    let pos = perm.length;
    // move `ax` outward past axes that should be inner of it
    while (pos > 0 && innerOf(perm[pos - 1]!, ax, strides, nops)) pos--;
    perm.splice(pos, 0, ax);
  }
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (const ax of perm) {
    const n = shape[ax]!;
    const last = outShape.length - 1;
    if (last >= 0) {
      // coalesce: the previous (outer) axis steps exactly n inner steps for every operand
      let ok = true;
      for (let k = 0; k < nops; k++) {
        if (outStrides[k]![last] !== n * strides[k]![ax]!) {
          ok = false;
          break;
        }
      }
      if (ok) {
        outShape[last] = outShape[last]! * n;
        for (let k = 0; k < nops; k++) outStrides[k]![last] = strides[k]![ax]!;
        continue;
      }
    }
    outShape.push(n);
    for (let k = 0; k < nops; k++) outStrides[k]!.push(strides[k]![ax]!);
  }
  return { shape: outShape, strides: outStrides };
}

/** True when axis `a` (currently outer) should be visited inside axis `b`. */
function innerOf(a: number, b: number, strides: readonly (readonly number[])[], nops: number): boolean {
  for (let k = 0; k < nops; k++) {
    const sa = Math.abs(strides[k]![a]!);
    const sb = Math.abs(strides[k]![b]!);
    if (sa !== 0 && sb !== 0 && sa !== sb) return sa < sb;
  }
  return false;
}

/**
 * How NumPy feeds a float `add` reduction to its pairwise inner loop, so numbat's sums are
 * NumPy's bits in every layout. NumPy's reduction runs a buffered iterator
 * (`npyiter_find_buffering_setup` in nditer_constr.c, NumPy 2.3+): over the coalesced
 * axes from the fastest, it picks an "outer" dimension by a cost rule (operands that can no
 * longer be walked with one stride must be copied into a buffer of at most 8192 elements),
 * and the inner loop then sums either one core (the reduced block under the outer
 * dimension, in "reduce mode") or one buffer at a time, pairwise. A block of inner reduced
 * axes that do not coalesce (a stepped or negative-stride view, a broadcast axis) is thus
 * summed pairwise as one sequence, in chunks of the buffer size, not row by row; a cast
 * input is always buffered, so it is summed in chunks of 8192.
 *
 * This replays that rule over the loop layout (`iter/layout.ts`, the same K order and
 * coalescing as NumPy's iterator) and returns the block and chunk to sum pairwise.
 */

/** Elements in NumPy's default buffer (`NPY_BUFSIZE`). */
const BUFSIZE = 8192;

/** A pairwise block: the innermost `span` axes of the layout, summed in chunks of `chunk` elements. */
export interface PairwisePlan {
  span: number;
  chunk: number;
}

/**
 * The pairwise blocks of a float add reduction over a loop layout (`shape`, accumulator
 * and input strides, outermost axis first; the accumulator has stride 0 on reduced axes).
 * `castIn`/`castOut`: the input, or the output, is in another dtype than the loop (NumPy
 * buffers it). Null when the innermost axis is not reduced (element-wise adds, no pairwise).
 */
export function pairwisePlan(
  shape: readonly number[],
  accStrides: readonly number[],
  srcStrides: readonly number[],
  castIn: boolean,
  castOut: boolean,
): PairwisePlan | null {
  const nd = shape.length;
  if (nd === 0 || accStrides[nd - 1] !== 0) return null;
  // NumPy's axisdata order: 0 is the fastest axis
  const n = (i: number): number => shape[nd - 1 - i]!;
  const sa = (i: number): number => accStrides[nd - 1 - i]!;
  const ss = (i: number): number => srcStrides[nd - 1 - i]!;
  let cost = 1 + (castIn ? 1 : 0) + (castOut ? 1 : 0);
  let singleAcc = 1; // how many fastest axes each operand walks with one stride
  let singleSrc = 1;
  let outerReduce = 0;
  let size = n(0);
  let bestDim = 0;
  let bestCost = cost;
  let bestSize = size;
  let bestCore = 1;
  for (let idim = 1; idim < nd; idim++) {
    if (outerReduce !== 0) break;
    if (size >= BUFSIZE && cost > 1) break;
    if (singleAcc === idim && sa(idim - 1) * n(idim - 1) === sa(idim)) singleAcc++;
    else {
      if (singleAcc === idim && !castOut) cost++;
      // the accumulator's stride flips between 0 and nonzero: the reduce outer dimension
      if (sa(idim) === 0 || sa(idim - 1) === 0) outerReduce = idim;
    }
    if (singleSrc === idim) {
      if (ss(idim - 1) * n(idim - 1) === ss(idim)) singleSrc++;
      else if (!castIn) cost++;
    }
    const core = size;
    size *= n(idim);
    if (size === 0) break;
    const bufsize = size > BUFSIZE && cost > 1 ? BUFSIZE : size;
    if (cost * bestSize <= bestCost * bufsize) {
      bestCost = cost;
      bestCore = core;
      bestSize = size;
      bestDim = idim;
    }
  }
  const usingReduce = outerReduce !== 0 && bestDim === outerReduce;
  if (usingReduce) return { span: bestDim, chunk: bestCore };
  const srcBuffered = castIn || singleSrc <= bestDim;
  const accBuffered = castOut || singleAcc <= bestDim;
  if ((srcBuffered || accBuffered) && bestSize > BUFSIZE) bestSize = bestCore * Math.floor(BUFSIZE / bestCore);
  return { span: bestDim + 1, chunk: bestSize };
}

/**
 * The scatter-add behind every gather's gradient (internal, not re-exported): `g` added
 * into zeros at flat positions, repeated positions accumulating (NumPy's unbuffered
 * `np.add.at`). Its own gradient is a gather, so it is differentiable to any order.
 */
import * as np from '@numbat/ndarray';
import { defineOp } from '../define-op.js';
import type { Tensor } from '../tensor.js';
import { reshape } from './shape.js';

/** `out[pos[i]] += src[i]` in C order over `pos` and `src` (same size), repeated positions accumulating. */
function scatterAdd(out: Float64Array | Float32Array, pos: np.NDArray, src: np.NDArray): void {
  const pc = np.ascontiguousarray(pos);
  const sc = np.ascontiguousarray(src);
  const pd = pc.data as Int32Array;
  const sd = sc.data as Float64Array | Float32Array;
  for (let i = 0, p = pc.offset, q = sc.offset; i < pc.size; i++) out[pd[p + i]!] += sd[q + i]!;
}

interface ScatterParams {
  size: number;
  positions: np.NDArray;
}

const scatterOp = defineOp<ScatterParams>({
  name: 'scatterAdd',
  forward: ([g], { size, positions }) => {
    const src = np.asarray(g!);
    const out = np.zeros(size, { dtype: src.dtype });
    scatterAdd(out.data as Float64Array, positions, np.broadcastTo(src, positions.shape));
    return out;
  },
  backward: (gg, { params }) => [gg.get(params.positions)],
});

/** `g` scatter-added into zeros of `shape` at the flat `positions` (an int32 array of `g`'s shape). */
export function scatterInto(g: Tensor, shape: readonly number[], positions: np.NDArray): Tensor {
  return reshape(scatterOp([g], { size: shape.reduce((a, b) => a * b, 1), positions }), shape);
}

/** The flat index of each element of an array of `shape`, as an int32 array of that shape. */
export function flatPositions(shape: readonly number[]): np.NDArray {
  return np.reshape(np.arange(shape.reduce((a, b) => a * b, 1)), shape.slice());
}


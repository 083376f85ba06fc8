/**
 * Broadcasting, the one place it is decided. A broadcast operand is a view whose new or
 * stretched axes have stride 0; nothing downstream ever sees "broadcasting".
 */
import { broadcastError, ValueError } from '../errors.js';

/** NumPy's `np.broadcast_shapes`: the common shape, or the broadcast `ValueError`. */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  let ndim = 0;
  for (const s of shapes) ndim = Math.max(ndim, s.length);
  const out = new Array<number>(ndim).fill(1);
  for (const s of shapes) {
    const off = ndim - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i]!;
      const o = out[off + i]!;
      if (d === o || d === 1) continue;
      if (o === 1) out[off + i] = d;
      else throw broadcastError(shapes);
    }
  }
  return out;
}

/**
 * Strides of an operand of `shape`/`strides` viewed as `target` (right-aligned); stretched
 * and new axes get stride 0. Throws NumPy's `broadcast_to` message when impossible.
 */
export function broadcastStrides(
  shape: readonly number[],
  strides: readonly number[],
  target: readonly number[],
): number[] {
  const off = target.length - shape.length;
  if (off < 0) throw broadcastToError(shape, target);
  const out = new Array<number>(target.length).fill(0);
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i]!;
    const t = target[off + i]!;
    if (d === t) out[off + i] = d === 1 ? 0 : strides[i]!;
    else if (d === 1) out[off + i] = 0;
    else throw broadcastToError(shape, target);
  }
  return out;
}

function broadcastToError(shape: readonly number[], target: readonly number[]): ValueError {
  const fmt = (s: readonly number[]) => (s.length === 1 ? `(${s[0]},)` : `(${s.join(',')})`);
  return new ValueError(
    `operands could not be broadcast together with remapped shapes [original->remapped]: ${fmt(shape)}  and requested shape ${fmt(target)}`,
  );
}

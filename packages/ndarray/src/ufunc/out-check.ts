/**
 * NumPy's checks of the `out` of `reduce`, `accumulate` and `reduceat`. Their messages come
 * from NumPy's iterator (`npyiter_fill_axisdata` in nditer_constr.c), which maps each
 * operand's axes onto the iteration (`op_axes`), broadcasts the shapes, then walks the
 * axes from the fastest and refuses an output that would have to broadcast. This replays
 * those two passes over the shapes alone, so the error and which one comes first are
 * NumPy's. Nothing here touches data.
 *
 * Conventions: iterator axes `d` in array order (0 outermost); `axes[d]` is the operand's
 * axis on iterator axis `d`, or -1 where it has none (a new axis).
 */
import {
  iterBroadcastError,
  opAxesError,
  outputShapeError,
  reductionAxisLengthError,
  reductionNotEnabledError,
  remappedOutputShapeError,
  remappedShapeStr,
  shapeStr,
  ValueError,
} from '../errors.js';

/** One operand of the replayed iterator. */
export interface IterOperand {
  /** The operand's shape. */
  readonly shape: readonly number[];
  /** Its axis per iterator axis (-1: none), or null for its own axes right-aligned. */
  readonly axes: readonly number[] | null;
  /** Per iterator axis: a reduction axis of this operand (NumPy's `NPY_ITER_REDUCTION_AXIS`). */
  readonly reduction?: readonly boolean[];
  /** Written by the iteration (an output). */
  readonly output?: boolean;
  /** Flagged `NPY_ITER_NO_BROADCAST` (accumulate's and reduceat's out). */
  readonly noBroadcast?: boolean;
}

/** The remapped sizes of an operand per iterator axis (-1 where it has none). */
function remapped(op: IterOperand, ndim: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < ndim; d++) {
    const i = op.axes![d]!;
    out.push(i >= 0 && i < op.shape.length ? op.shape[i]! : -1);
  }
  return out;
}

function broadcastFailure(ndim: number, ops: readonly IterOperand[]): ValueError {
  return iterBroadcastError(
    ops.map((op) => (op.axes === null ? shapeStr(op.shape) : `${shapeStr(op.shape)}->${remappedShapeStr(remapped(op, ndim))}`)),
  );
}

/**
 * NumPy's `operand_different_than_broadcast` message. The remapped shape is printed in
 * reverse axis order (as NumPy does), reduction axes as new axes.
 */
function notBroadcastable(op: IterOperand, ndim: number, bshape: readonly number[]): ValueError {
  if (op.axes === null) return outputShapeError(op.shape, bshape);
  const rem: number[] = [];
  for (let k = 0; k < ndim; k++) {
    const d = ndim - k - 1;
    const i = op.reduction?.[d] === true ? -1 : op.axes[d]!;
    rem.push(i >= 0 && i < op.shape.length ? op.shape[i]! : -1);
  }
  return remappedOutputShapeError(op.shape, rem, bshape);
}

/**
 * The error NumPy's iterator raises for these operands over `ndim` iterator axes, or null
 * when it accepts them.
 */
export function iterShapeError(ndim: number, ops: readonly IterOperand[]): ValueError | null {
  // pass 1: broadcast every operand's sizes into the iterator shape
  const bshape = new Array<number>(ndim).fill(1);
  const meet = (d: number, size: number): boolean => {
    if (bshape[d] === 1) bshape[d] = size;
    else if (bshape[d] !== size && size !== 1) return false;
    return true;
  };
  for (let iop = 0; iop < ops.length; iop++) {
    const op = ops[iop]!;
    const ondim = op.shape.length;
    if (op.axes === null) {
      if (ondim > ndim) return new ValueError('input operand has more dimensions than allowed by the axis remapping');
      for (let k = 0; k < ondim; k++) if (!meet(k + ndim - ondim, op.shape[k]!)) return broadcastFailure(ndim, ops);
      continue;
    }
    for (let d = 0; d < ndim; d++) {
      const i = op.axes[d]!;
      if (i < 0) continue;
      if (i >= ondim) return opAxesError(iop, ndim - d - 1, i, ondim);
      if (!meet(d, op.shape[i]!)) return broadcastFailure(ndim, ops);
    }
  }
  // pass 2: from the fastest axis, an output may not be stretched (no reduction is enabled
  // outside its declared reduction axes), and a no-broadcast operand not at all
  for (let k = 0; k < ndim; k++) {
    const d = ndim - k - 1;
    const size = bshape[d]!;
    for (const op of ops) {
      const ondim = op.shape.length;
      if (op.axes === null) {
        if (size === 1) {
          if (k >= ondim && op.noBroadcast === true) return notBroadcastable(op, ndim, bshape);
        } else if (k >= ondim || op.shape[ondim - k - 1] === 1) {
          if (op.noBroadcast === true) return notBroadcastable(op, ndim, bshape);
          if (op.output === true) return reductionNotEnabledError(k);
        }
        continue;
      }
      const i = op.axes[d]!;
      if (op.reduction?.[d] === true) {
        if (i >= 0 && op.shape[i] !== 1) return reductionAxisLengthError(i, op.shape[i]!);
      } else if (size === 1) {
        // a size-1 iteration axis fits everything
      } else if (i >= 0) {
        if (op.shape[i] === 1) {
          if (op.noBroadcast === true) return notBroadcastable(op, ndim, bshape);
          if (op.output === true) return reductionNotEnabledError(i);
        }
      } else if (op.output === true) {
        return reductionNotEnabledError(i);
      }
    }
  }
  return null;
}

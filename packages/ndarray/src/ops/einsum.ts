/**
 * `np.einsum`: Einstein summation over any subscripts NumPy accepts: explicit (`'ij,jk->ik'`)
 * and implicit (`'ij,jk'`) output, `...` broadcasting, repeated labels within an operand
 * (diagonals, traces), any number of operands, and NumPy's interleaved sublist form.
 *
 * Parsing, checks and messages follow NumPy's C `einsum` (`einsum-parse.ts`, then the
 * iterator's broadcasting rules here). The computation does not run NumPy's one big loop
 * over every label: repeated labels become diagonal views (strides summed); every
 * operand's labels become iterator axes broadcast by stride-0 views; a label only one
 * operand holds (and the output does not) is summed there first (`ufunc.reduce`); then
 * the operands are contracted two at a time, greedily picking the pair whose result is
 * smallest, each contraction a batched `matmul` (batch labels, free labels of each side,
 * summed labels) or, with nothing to sum, a broadcast `multiply`.
 *
 * dtype: `np.resultType` of the operands (JS numbers convert as `asarray` does, so an
 * integer is int32 where NumPy's is int64); integers wrap as NumPy's (the contraction
 * order cannot change wrapped results), bool is or-of-ands. Floats are summed in another
 * order than NumPy's, so they agree to rounding; NaN propagates alike (a label of length 0
 * summed gives 0, as NumPy's empty loop), but with infinities or overflow the factored sums
 * can differ (`inf * (1 - 1)` is NaN where NumPy's `inf - inf` is NaN too, but `(x + x) * y`
 * may overflow where `x*y + x*y` does not). As in NumPy, a computed result holds no -0
 * (sums start from +0), and with one operand and no summation the result is a view of the
 * operand. A result without axes is a 0-d array (NumPy returns a scalar), as `np.dot` and
 * `np.tensordot` in numbat. One deliberate difference: a diagonal view merging a 0-length
 * axis with a longer one (`'ii->i'` on shape (0, 3)) throws NumPy's collapsing-index
 * error, where NumPy returns a view reaching outside the array.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, type DType } from '../dtype/dtypes.js';
import { canCast, promoteTypes } from '../dtype/promotion.js';
import { DTypeError, ValueError, remappedBroadcastError } from '../errors.js';
import { add, multiply } from '../ufunc/arithmetic.js';
import { logicalOr } from '../ufunc/compare-logic.js';
import { reduce } from '../ufunc/reduce.js';
import { asarray, type ArrayLike } from './convert.js';
import { asDType, assign, copyOf, emptyArray, sharesBuffer } from './assign.js';
import { reshape, transpose, view } from './shape.js';
import { matmul } from './matmul.js';
import { fromSublists, parseSubscripts, type EinsumSublist } from './einsum-parse.js';

export type { EinsumSublist } from './einsum-parse.js';

/** Options of {@link einsum} (a plain object as the last argument). */
export interface EinsumOptions {
  /**
   * NumPy's contraction-order search. Accepted and ignored: numbat always contracts
   * pairwise in a greedy order (errors are those of NumPy's default `optimize=False`).
   */
  optimize?: boolean | 'greedy' | 'optimal' | string | null;
  /** Write the result here (its shape must be the result's; the result dtype must cast safely). */
  out?: NDArray;
}

/** An operand with the iterator axis of each of its axes. */
interface Term {
  arr: NDArray;
  dims: number[];
}

function isOptions(x: unknown): x is EinsumOptions {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof NDArray) && !ArrayBuffer.isView(x);
}

/**
 * `get_single_op_view`: with one operand and no summation, the result as a view (dims of
 * repeated labels merged by adding strides). Returns null when a label is summed. Unlike
 * NumPy (which then views memory out of bounds), a 0-length axis merged with a longer one
 * throws.
 */
function singleOpView(op: NDArray, labels: readonly number[], out: readonly number[]): NDArray | null {
  const dims = new Array<number>(out.length).fill(0);
  const strides = new Array<number>(out.length).fill(0);
  const seen = new Array<boolean>(out.length).fill(false);
  let ib = 0;
  for (let d = 0; d < labels.length; d++) {
    const label = labels[d]!;
    if (label === 0) {
      while (ib < out.length && out[ib] !== 0) ib++;
      if (ib === out.length) throw new ValueError('output had too few broadcast dimensions');
      dims[ib] = op.shape[d]!;
      strides[ib] = op.strides[d]!;
      seen[ib++] = true;
      continue;
    }
    const i = out.indexOf(label);
    if (i < 0) return null;
    if (seen[i] && dims[i] !== op.shape[d]) {
      throw new ValueError(
        `dimensions in single operand for collapsing index '${String.fromCharCode(label)}' don't match (${dims[i]} != ${op.shape[d]})`,
      );
    }
    dims[i] = op.shape[d]!;
    strides[i] = strides[i]! + op.strides[d]!;
    seen[i] = true;
  }
  return view(op, dims, strides, op.offset, op.flags.writeable);
}

/** `get_combined_dims_view`: repeated labels of one operand merged into their diagonal. */
function combineDims(op: NDArray, iop: number, labels: readonly number[]): { arr: NDArray; labels: number[] } {
  const shape: number[] = [];
  const strides: number[] = [];
  const out: number[] = [];
  for (let d = 0; d < labels.length; d++) {
    const label = labels[d]!;
    const i = label === 0 ? -1 : out.indexOf(label);
    if (i < 0) {
      shape.push(op.shape[d]!);
      strides.push(op.strides[d]!);
      out.push(label);
      continue;
    }
    if (shape[i] !== op.shape[d]) {
      throw new ValueError(
        `dimensions in operand ${iop} for collapsing index '${String.fromCharCode(label)}' don't match (${shape[i]} != ${op.shape[d]})`,
      );
    }
    strides[i] = strides[i]! + op.strides[d]!;
  }
  if (out.length === labels.length) return { arr: op, labels: out };
  return { arr: view(op, shape, strides, op.offset, op.flags.writeable), labels: out };
}

/** `prepare_op_axes`: for each iterator axis, the operand's axis or -1 (broadcast axes right-aligned). */
function opAxes(labels: readonly number[], iter: readonly number[]): number[] {
  const axes = new Array<number>(iter.length);
  let ib = labels.length - 1;
  for (let i = iter.length - 1; i >= 0; i--) {
    const label = iter[i]!;
    if (label === 0) {
      while (ib >= 0 && labels[ib] !== 0) ib--;
      axes[i] = ib < 0 ? -1 : ib--;
    } else axes[i] = labels.indexOf(label);
  }
  return axes;
}

/** Sums `t` over the iterator axes `drop` (or-reduction for bool), in the loop dtype. */
function sumOut(t: Term, drop: readonly number[], dt: DType): Term {
  if (drop.length === 0) return t;
  const axis = drop.map((d) => t.dims.indexOf(d));
  const arr = dt === 'bool' ? reduce(logicalOr, t.arr, { axis }) : reduce(add, t.arr, { axis, dtype: dt });
  return { arr, dims: t.dims.filter((d) => !drop.includes(d)) };
}

/**
 * Contracts two terms: labels in both and kept are batch axes, in both and not kept are
 * summed (a batched matmul), in one only are free axes (summed first if not kept).
 */
function contract(a0: Term, b0: Term, keep: ReadonlySet<number>, sizes: readonly number[], dt: DType): Term {
  const a = sumOut(a0, a0.dims.filter((d) => !keep.has(d) && !b0.dims.includes(d)), dt);
  const b = sumOut(b0, b0.dims.filter((d) => !keep.has(d) && !a0.dims.includes(d)), dt);
  const batch = a.dims.filter((d) => b.dims.includes(d) && keep.has(d));
  const k = a.dims.filter((d) => b.dims.includes(d) && !keep.has(d));
  const m = a.dims.filter((d) => !b.dims.includes(d));
  const n = b.dims.filter((d) => !a.dims.includes(d));
  const len = (ds: readonly number[]): number[] => ds.map((d) => sizes[d]!);
  const prod = (ds: readonly number[]): number => ds.reduce((p, d) => p * sizes[d]!, 1);
  const at = transpose(a.arr, [...batch, ...m, ...k].map((d) => a.dims.indexOf(d)));
  const bt = transpose(b.arr, [...batch, ...k, ...n].map((d) => b.dims.indexOf(d)));
  const dims = [...batch, ...m, ...n];
  if (k.length === 0) {
    // nothing to sum: a broadcast product, a's axes then stride-0 axes for b's and back
    const ones = (ds: readonly number[]): number[] => ds.map(() => 1);
    const zeros = (ds: readonly number[]): number[] => ds.map(() => 0);
    const av = view(at, [...len(batch), ...len(m), ...ones(n)], [...at.strides, ...zeros(n)], at.offset, false);
    const nb = batch.length;
    const bv = view(bt, [...len(batch), ...ones(m), ...len(n)], [...bt.strides.slice(0, nb), ...zeros(m), ...bt.strides.slice(nb)], bt.offset, false);
    return { arr: multiply(av, bv), dims };
  }
  const a3 = reshape(at, [prod(batch), prod(m), prod(k)]);
  const b3 = reshape(bt, [prod(batch), prod(k), prod(n)]);
  return { arr: reshape(matmul(a3, b3), len(dims)), dims };
}

/** Contracts the terms pairwise, smallest intermediate first, down to the output axes. */
function contractAll(terms: Term[], nout: number, sizes: readonly number[], dt: DType): NDArray {
  const output = Array.from({ length: nout }, (_, i) => i);
  const keepFor = (skip: readonly number[]): Set<number> => {
    const keep = new Set(output);
    terms.forEach((t, i) => {
      if (!skip.includes(i)) for (const d of t.dims) keep.add(d);
    });
    return keep;
  };
  // labels only one operand holds (and the output does not) are summed there first
  for (let i = 0; i < terms.length; i++) {
    const keep = keepFor([i]);
    terms[i] = sumOut(terms[i]!, terms[i]!.dims.filter((d) => !keep.has(d)), dt);
  }
  while (terms.length > 1) {
    let best: [number, number] = [0, 1];
    let bestCost = Infinity;
    for (let i = 0; i < terms.length; i++) {
      for (let j = i + 1; j < terms.length; j++) {
        const keep = keepFor([i, j]);
        const dims = new Set([...terms[i]!.dims, ...terms[j]!.dims].filter((d) => keep.has(d)));
        let cost = 1;
        for (const d of dims) cost *= sizes[d]!;
        if (cost < bestCost) {
          bestCost = cost;
          best = [i, j];
        }
      }
    }
    const [i, j] = best;
    const r = contract(terms[i]!, terms[j]!, keepFor([i, j]), sizes, dt);
    terms.splice(j, 1);
    terms[i] = r;
  }
  const last = terms[0]!;
  return transpose(last.arr, output.map((d) => last.dims.indexOf(d)));
}

/** Options, subscripts and operands from einsum's arguments (string or sublist form). */
function splitArgs(args: unknown[]): { subscripts: string; operands: unknown[]; options: EinsumOptions } {
  let options: EinsumOptions = {};
  if (args.length > 1 && isOptions(args[args.length - 1])) options = args.pop() as EinsumOptions;
  if (args.length < 1) {
    throw new ValueError(
      'must specify the einstein sum subscripts string and at least one operand, or at least one operand and its corresponding subscripts list',
    );
  }
  if (typeof args[0] === 'string') {
    if (args.length < 2) throw new ValueError('must specify the einstein sum subscripts string and at least one operand');
    return { subscripts: args[0], operands: args.slice(1), options };
  }
  return { ...fromSublists(args), options };
}

/**
 * Einstein summation (`np.einsum`): `subscripts` names each operand's axes with letters
 * (`'ij,jk->ik'` is a matrix product, `'ii'` a trace, `'ii->i'` a diagonal, `'ij->ji'` a
 * transpose, `'...ij,...jk'` a batched product); labels in the output after `->` are kept
 * in that order, the others summed; with no `->` the output is the broadcast (`...`) axes
 * then the labels appearing once, in alphabetical order (upper case first). Also takes
 * NumPy's interleaved form `einsum(a, [0, 1], b, [1, 2], [0, 2])` (`'...'` for Ellipsis).
 * Options (`{ out, optimize }`) go last. The dtype is the operands' `resultType`
 * (integers wrap); with one operand and no summation the result is a view, as NumPy.
 * Errors are NumPy's (`einstein sum subscripts string contains too many subscripts for
 * operand 0`, ...).
 *
 * @example
 * np.einsum('ij,jk->ik', [[1, 2], [3, 4]], [[5, 6], [7, 8]]).tolist(); // [[19, 22], [43, 50]]
 * np.einsum('ii', [[1, 2], [3, 4]]).item(); // 5
 * np.einsum('i,i', [1, 2, 3], [4, 5, 6]).item(); // 32
 * np.einsum('...ij->...ji', np.zeros([5, 2, 3])).shape; // [5, 3, 2]
 * np.einsum(np.ones([2, 3]), [0, 1], np.ones([3]), [1], [0]).tolist(); // [3, 3]
 */
export function einsum(subscripts: string, ...operands: (ArrayLike | EinsumOptions)[]): NDArray;
export function einsum(operand: ArrayLike, sublist: EinsumSublist, ...rest: (ArrayLike | EinsumSublist | EinsumOptions)[]): NDArray;
export function einsum(...args: unknown[]): NDArray {
  const { subscripts, operands, options } = splitArgs(args);
  const ops = operands.map((o) => asarray(o as ArrayLike));
  const out = options.out;
  if (out !== undefined && out !== null && !(out instanceof NDArray)) throw new DTypeError('keyword parameter out must be an array for einsum');
  const spec = parseSubscripts(subscripts, ops.map((o) => o.ndim));
  const nout = spec.outLabels.length;
  if (out !== undefined && out !== null && out.ndim !== nout) {
    throw new ValueError(`out parameter does not have the correct number of dimensions, has ${out.ndim} but should have ${nout}`);
  }
  const hasOut = out !== undefined && out !== null;
  if (ops.length === 1 && !hasOut) {
    const v = singleOpView(ops[0]!, spec.opLabels[0]!, spec.outLabels);
    if (v !== null) return v;
  }
  const combined = ops.map((op, i) => combineDims(op, i, spec.opLabels[i]!));
  const iter = spec.outLabels.slice();
  for (let c = 0; c < 128; c++) if (spec.counts[c]! > 0 && !spec.outLabels.includes(c)) iter.push(c);
  const maps = combined.map((c) => ({ shape: c.arr.shape, axes: opAxes(c.labels, iter) }));
  if (hasOut) {
    if (!out.flags.writeable) throw new ValueError('operand array with iterator write flag set is read-only');
    maps.push({ shape: out.shape, axes: iter.map((_, i) => (i < nout ? i : -1)) });
  }
  // the iterator's broadcasting: a length-1 axis stretches, other lengths must agree
  const sizes = iter.map((_, d) => {
    let size = 1;
    for (const m of maps) {
      const ax = m.axes[d]!;
      const len = ax >= 0 ? m.shape[ax]! : 1;
      if (len === 1) continue;
      if (size === 1) size = len;
      else if (size !== len) {
        throw remappedBroadcastError(maps.map((mm) => ({ shape: mm.shape, remapped: mm.axes.map((a) => (a >= 0 ? mm.shape[a]! : -1)) })));
      }
    }
    return size;
  });
  if (hasOut) {
    out.shape.forEach((len, d) => {
      if (len !== sizes[d]) {
        throw new ValueError(
          `output operand requires a reduction along dimension ${d}, but the reduction is not enabled. The dimension size of 1 does not match the expected output shape.`,
        );
      }
    });
  }
  const dt = promoteTypes(ops.map((o) => o.dtype));
  if (hasOut && !canCast(dt, out.dtype, 'safe')) {
    throw new DTypeError(
      `Iterator requested dtype could not be cast from dtype('${dt}') to dtype('${out.dtype}'), the operand ${ops.length} dtype, according to the rule 'safe'`,
    );
  }
  let result: NDArray;
  if (sizes.some((len, d) => d >= nout && len === 0)) {
    // a summed label of length 0: every sum is empty (NumPy's loop adds nothing), even where
    // a pairwise contraction would multiply an empty sum by NaN
    result = emptyArray(sizes.slice(0, nout), dt);
  } else result = fresh(contractAll(operandTerms(combined, maps, sizes, dt), nout, sizes, dt), ops);
  if (!hasOut) return result;
  assign(out, result);
  return out;
}

/** Each operand in the loop dtype, with the iterator axis of each of its axes and the lengths broadcast. */
function operandTerms(combined: readonly { arr: NDArray }[], maps: readonly { axes: number[] }[], sizes: readonly number[], dt: DType): Term[] {
  return combined.map((c, i) => {
    const arr = asDType(c.arr, dt);
    const dims: number[] = new Array<number>(arr.ndim);
    maps[i]!.axes.forEach((ax, d) => {
      if (ax >= 0) dims[ax] = d;
    });
    const shape = dims.map((d) => sizes[d]!);
    const strides = arr.strides.map((st, k) => (arr.shape[k] === shape[k] ? st : 0));
    return { arr: view(arr, shape, strides, arr.offset, false), dims };
  });
}

/**
 * The result as a new C-contiguous array with +0 for -0 (NumPy's einsum adds every product
 * into a zeroed output, so its computed results hold no -0).
 */
function fresh(r: NDArray, inputs: readonly NDArray[]): NDArray {
  const owned = r.flags.cContiguous && r.base === null && !inputs.some((x) => sharesBuffer(x, r));
  const c = owned ? r : copyOf(r);
  if (DTYPES[c.dtype].kind === 'f') {
    const d = c.data as Float64Array | Float32Array;
    for (let i = 0; i < d.length; i++) if (d[i] === 0) d[i] = 0;
  }
  return c;
}

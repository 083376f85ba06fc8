/**
 * `einsum` on tensors. The forward is `np.einsum` with the caller's own arguments (so
 * values, views and errors are NumPy's); the gradient is einsum again.
 *
 * For `y = einsum(A_1, L_1, ..., A_n, L_n -> O)`, the gradient of operand k is the
 * einsum of `g` (labels O) with the other operands, onto the distinct labels of `L_k`.
 * Labels of `L_k` that appear nowhere else were summed inside `A_k` alone: the gradient
 * is broadcast along them. A label repeated in `L_k` (a diagonal, `'ii->i'`) gets the
 * gradient on that diagonal only (times a constant identity mask). Ellipsis axes become
 * ordinary labels, aligned from the right. Labels are NumPy's sublist numbers (0-51),
 * so the gradient einsums use the sublist form.
 */
import * as np from '@numbat/ndarray';
import { defineOp, toTensor, type TensorLike } from '../define-op.js';
import { Tensor } from '../tensor.js';
import { broadcastTo, reshape } from './shape.js';

/** Options of {@link einsum} on tensors (NumPy's `optimize` is accepted and ignored). */
export interface EinsumOptions {
  /** Accepted for NumPy compatibility; numbat contracts pairwise in a greedy order. */
  optimize?: boolean | string | null;
}

interface Spec {
  /** Per operand, the label (0-51) of each axis. */
  inputs: number[][];
  /** The output's labels, in order. */
  output: number[];
}

const labelOfChar = (c: number): number => (c >= 65 && c <= 90 ? c - 65 : c - 97 + 26);
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** One term of subscripts as labels, with -1 marking the ellipsis; null when malformed. */
function term(s: string): number[] | null {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isLetter(c)) out.push(labelOfChar(c));
    else if (s.startsWith('...', i) && !out.includes(-1)) {
      out.push(-1);
      i += 2;
    } else if (c !== 32) return null;
  }
  return out;
}

/** Sublist entries (numbers 0-51, '...') as labels with -1 for the ellipsis; null when malformed. */
function sublist(x: unknown): number[] | null {
  if (!Array.isArray(x)) return null;
  const out: number[] = [];
  for (const v of x) {
    if (v === '...' && !out.includes(-1)) out.push(-1);
    else if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 52) out.push(v);
    else return null;
  }
  return out;
}

/**
 * The labels of every axis, ellipses expanded into fresh labels; null when NumPy would
 * reject the subscripts (the forward then reports NumPy's error).
 */
function canonical(terms: number[][], output: number[] | null, ndims: readonly number[]): Spec | null {
  if (terms.length !== ndims.length) return null;
  const used = new Set(terms.flat().filter((l) => l >= 0));
  const broadcast = terms.map((t, k) => (t.includes(-1) ? ndims[k]! - (t.length - 1) : 0));
  if (broadcast.some((b) => b < 0) || terms.some((t, k) => !t.includes(-1) && t.length !== ndims[k])) return null;
  const nb = Math.max(0, ...broadcast);
  const fresh: number[] = [];
  for (let l = 0; l < 52 && fresh.length < nb; l++) if (!used.has(l)) fresh.push(l);
  if (fresh.length < nb) return null;
  const expand = (t: number[], b: number): number[] => t.flatMap((l) => (l === -1 ? fresh.slice(nb - b) : [l]));
  const inputs = terms.map((t, k) => expand(t, broadcast[k]!));
  let out: number[];
  if (output === null) {
    const counts = new Map<number, number>();
    for (const t of terms) for (const l of t) if (l >= 0) counts.set(l, (counts.get(l) ?? 0) + 1);
    out = [...fresh, ...[...counts.entries()].filter(([, n]) => n === 1).map(([l]) => l).sort((a, b) => a - b)];
  } else {
    if (!output.includes(-1) && nb > 0) return null;
    out = expand(output, nb);
  }
  return { inputs, output: out };
}

/** Splits einsum's arguments into the operands, the spec (null if malformed) and a forward. */
function parseArgs(args: readonly unknown[]): { operands: Tensor[]; spec: Spec | null; forward: (ops: readonly np.ArrayLike[]) => np.NDArray } {
  const last = args[args.length - 1];
  const hasOptions = typeof last === 'object' && last !== null && !Array.isArray(last) && !(last instanceof Tensor) && !(last instanceof np.NDArray) && !ArrayBuffer.isView(last);
  const items = hasOptions ? args.slice(0, -1) : args.slice();
  if (typeof items[0] === 'string') {
    const subscripts = items[0];
    const operands = items.slice(1).map((x) => toTensor(x as TensorLike));
    const [lhs, rhs] = subscripts.includes('->') ? subscripts.split('->', 2) : [subscripts, null];
    const terms = lhs!.split(',').map(term);
    const output = rhs === null ? null : term(rhs!);
    const ok = terms.every((t) => t !== null) && (rhs === null || output !== null);
    const spec = ok ? canonical(terms as number[][], output, operands.map((o) => o.ndim)) : null;
    return { operands, spec, forward: (ops) => np.einsum(subscripts, ...ops) };
  }
  // interleaved form: operand, sublist, operand, sublist, ..., [output sublist]
  const operands: Tensor[] = [];
  const lists: unknown[] = [];
  for (let i = 0; i + 1 < items.length; i += 2) {
    operands.push(toTensor(items[i] as TensorLike));
    lists.push(items[i + 1]);
  }
  const outList = items.length % 2 === 1 ? items[items.length - 1] : null;
  const terms = lists.map(sublist);
  const output = outList === null ? null : sublist(outList);
  const ok = terms.every((t) => t !== null) && (outList === null || output !== null);
  const spec = ok ? canonical(terms as number[][], output, operands.map((o) => o.ndim)) : null;
  const forward = (ops: readonly np.ArrayLike[]): np.NDArray => {
    const inter: unknown[] = ops.flatMap((o, k) => [o, lists[k]]);
    if (outList !== null) inter.push(outList);
    return (np.einsum as (...a: unknown[]) => np.NDArray)(...inter);
  };
  return { operands, spec, forward };
}

interface EinsumParams {
  spec: Spec | null;
  forward: (ops: readonly np.ArrayLike[]) => np.NDArray;
}

/** An einsum in sublist form over tensors. */
function einsumLabels(operands: readonly Tensor[], inputs: readonly number[][], output: readonly number[]): Tensor {
  return einsum(...operands.flatMap((o, k): unknown[] => [o, inputs[k]]), output as number[]);
}

/** A constant mask over `shape`: 1 where axes sharing a label have equal indices. */
function diagonalMask(shape: readonly number[], labels: readonly number[], dtype: np.DType): np.NDArray {
  let mask: np.NDArray = np.ones(shape.slice(), { dtype: 'bool' });
  const firstAxis = new Map<number, number>();
  labels.forEach((l, a) => {
    const f = firstAxis.get(l);
    if (f === undefined) {
      firstAxis.set(l, a);
      return;
    }
    const along = (axis: number): np.NDArray => np.reshape(np.arange(shape[axis]!), shape.map((d, i) => (i === axis ? d : 1)));
    mask = np.logicalAnd(mask, np.equal(along(f), along(a)));
  });
  return np.astype(mask, dtype);
}

const einsumOp = defineOp<EinsumParams>({
  name: 'einsum',
  forward: (ops, p) => p.forward(ops),
  backward: (g, { inputs, params, needsGrad }) => {
    const spec = params.spec!;
    return inputs.map((a, k) => {
      if (!needsGrad[k]) return null;
      const labels = spec.inputs[k]!;
      const unique = labels.filter((l, i) => labels.indexOf(l) === i);
      const elsewhere = new Set([...spec.output, ...spec.inputs.filter((_, j) => j !== k).flat()]);
      const keep = unique.filter((l) => elsewhere.has(l));
      const others = inputs.filter((_, j) => j !== k);
      const otherLabels = spec.inputs.filter((_, j) => j !== k);
      let gu = einsumLabels([g, ...others], [spec.output, ...otherLabels], keep);
      const sizeOf = (l: number): number => a.shape[labels.indexOf(l)]!;
      if (keep.length !== unique.length) {
        gu = broadcastTo(
          reshape(gu, unique.map((l) => (keep.includes(l) ? gu.shape[keep.indexOf(l)]! : 1))),
          unique.map((l) => (keep.includes(l) ? gu.shape[keep.indexOf(l)]! : sizeOf(l))),
        );
      }
      if (unique.length === labels.length) return gu;
      // repeated labels: the gradient lives on the diagonal
      const spread = reshape(gu, labels.map((l, i) => (labels.indexOf(l) === i ? gu.shape[unique.indexOf(l)]! : 1)));
      return broadcastTo(spread, a.shape).mul(new Tensor(diagonalMask(a.shape, labels, g.dtype)));
    });
  },
});

/**
 * Einstein summation on tensors (`np.einsum`): `einsum('ij,jk->ik', a, b)` or NumPy's
 * interleaved form `einsum(a, [0, 1], b, [1, 2], [0, 2])`; an options object may come
 * last. Every operand gets a gradient (itself an einsum), diagonals and ellipses included.
 *
 * @example
 * const a = ag.tensor([[1, 2], [3, 4]], { requiresGrad: true });
 * ag.einsum('ij,jk->ik', a, a); // tensor([[ 7., 10.], [15., 22.]])
 * ag.einsum('ii', a); // tensor(5.)
 */
export function einsum(subscripts: string, ...operands: (TensorLike | EinsumOptions)[]): Tensor;
export function einsum(...args: unknown[]): Tensor;
export function einsum(...args: unknown[]): Tensor {
  const { operands, spec, forward } = parseArgs(args);
  if (spec === null) {
    // NumPy reports the error; subscripts it accepts but this parser does not cannot be differentiated
    const value = forward(operands.map((o) => o.weak ?? o.data));
    if (operands.some((o) => o.requiresGrad)) throw new np.ValueError('einsum: these subscripts are not supported for differentiation');
    return new Tensor(value);
  }
  return einsumOp(operands, { spec, forward });
}

/**
 * Products: `matmul` (batched, broadcasting) and the tensor contractions `dot`, `inner`,
 * `tensordot`, `vdot` share one gradient rule: for `out[I, J] = sum_K a[I, K] b[K, J]`,
 * `da = tensordot(g, b, J)` and `db = tensordot(a, g, I)`, transposed back to each input's
 * axis order. `outer`, `kron` and `trace` are composites (the diagonal of `trace` is a
 * gather, whose gradient scatters). Forwards are NumPy's, with NumPy's errors.
 */
import * as np from '@numbat/ndarray';
import { defineOp, toTensor, type TensorLike } from '../define-op.js';
import type { Tensor } from '../tensor.js';
import { inversePermutation } from './axes.js';
import { multiply } from './binary.js';
import { ravel, reshape } from './shape.js';

const matmulOp = defineOp({
  name: 'matmul',
  forward: ([a, b]) => np.matmul(a!, b!),
  backward: (g, { inputs: [a, b], needsGrad }) => {
    // 1-d operands act as a row (a) or a column (b) whose axis is dropped from the result
    const a2 = a!.ndim === 1 ? reshape(a!, 1, -1) : a!;
    const b2 = b!.ndim === 1 ? reshape(b!, -1, 1) : b!;
    const gs = g.shape.slice();
    if (a!.ndim === 1) gs.splice(gs.length - (b!.ndim === 1 ? 0 : 1), 0, 1);
    if (b!.ndim === 1) gs.push(1);
    const g2 = reshape(g, gs);
    let da = needsGrad[0] ? matmul(g2, b2.swapaxes(-1, -2)) : null;
    let db = needsGrad[1] ? matmul(a2.swapaxes(-1, -2), g2) : null;
    if (da !== null && a!.ndim === 1) da = da.squeeze(-2);
    if (db !== null && b!.ndim === 1) db = db.squeeze(-1);
    return [da, db];
  },
});

/**
 * Matrix product with NumPy's batching and broadcasting (`np.matmul`); 1-d operands act
 * as a row or column vector. Gradients `g @ b^T` and `a^T @ g`, summed over broadcast
 * batch axes.
 *
 * @example
 * const w = ag.tensor([[1, 2], [3, 4]], { requiresGrad: true });
 * ag.matmul(w, ag.tensor([1, 1])); // tensor([3., 7.])
 */
export function matmul(a: TensorLike, b: TensorLike): Tensor {
  return matmulOp([a, b]);
}

interface Contraction {
  /** The NumPy function computing the forward. */
  name: 'dot' | 'inner' | 'tensordot' | 'vdot';
  /** The summed axes of a and of b, paired, non-negative. */
  axesA: number[];
  axesB: number[];
  /** tensordot's `axes` argument, as given. */
  given?: np.TensordotAxes;
}

function contractForward(a: np.ArrayLike, b: np.ArrayLike, c: Contraction): np.NDArray {
  if (c.name === 'dot') return np.dot(a, b);
  if (c.name === 'inner') return np.inner(a, b);
  // NumPy's vdot returns a scalar of the operands' type: a 0-d array of that dtype here
  if (c.name === 'vdot') return np.asarray(np.vdot(a, b), { dtype: np.resultType(np.asarray(a), np.asarray(b)) });
  return np.tensordot(a, b, c.given ?? 2);
}

function contraction(name: Contraction['name']) {
  return defineOp<Contraction>({
    name,
    forward: ([a, b], c) => contractForward(a!, b!, c),
    backward: (g, { inputs: [a, b], params: c, needsGrad }) => {
      const keepA = a!.shape.map((_, i) => i).filter((i) => !c.axesA.includes(i));
      const keepB = b!.shape.map((_, i) => i).filter((i) => !c.axesB.includes(i));
      const nI = keepA.length;
      const gI = keepA.map((_, i) => i);
      const gJ = keepB.map((_, j) => nI + j);
      // da[I, K] = sum_J g[I, J] b[K, J]: its K axes come out in b's axis order, so each
      // is the a axis paired with that b axis
      const byB = argsort(c.axesB);
      const da = needsGrad[0] ? tensordot(g, b!, [gJ, keepB]).transpose(inversePermutation([...keepA, ...byB.map((i) => c.axesA[i]!)])) : null;
      // db[K, J] = sum_I a[I, K] g[I, J]: its K axes come out in a's axis order
      const byA = argsort(c.axesA);
      const db = needsGrad[1] ? tensordot(a!, g, [keepA, gI]).transpose(inversePermutation([...byA.map((i) => c.axesB[i]!), ...keepB])) : null;
      return [da, db];
    },
  });
}

const dotOp = contraction('dot');
const innerOp = contraction('inner');
const vdotOp = contraction('vdot');
const tensordotOp = contraction('tensordot');

/** The positions of `xs` in increasing order of value. */
const argsort = (xs: readonly number[]): number[] => xs.map((_, i) => i).sort((i, j) => xs[i]! - xs[j]!);

const nonNeg = (axes: readonly number[], nd: number): number[] => axes.map((i) => (i < 0 ? i + nd : i));

/**
 * NumPy's `dot`: element-wise product with a 0-d operand, else a sum over the last axis
 * of `a` and the second-to-last of `b` (the last for a 1-d `b`).
 *
 * @example
 * ag.dot(ag.tensor([1, 2, 3]), ag.tensor([4, 5, 6])); // tensor(32.)
 */
export function dot(a: TensorLike, b: TensorLike): Tensor {
  const x = toTensor(a);
  const y = toTensor(b);
  if (x.ndim === 0 || y.ndim === 0) return multiply(x, y);
  return dotOp([x, y], { name: 'dot', axesA: [x.ndim - 1], axesB: [Math.max(y.ndim - 2, 0)] });
}

/** Sum over the last axes of both (`np.inner`); a product with a 0-d operand. @example ag.inner(ag.tensor([1, 2]), ag.tensor([3, 4])); // tensor(11.) */
export function inner(a: TensorLike, b: TensorLike): Tensor {
  const x = toTensor(a);
  const y = toTensor(b);
  if (x.ndim === 0 || y.ndim === 0) return multiply(x, y);
  return innerOp([x, y], { name: 'inner', axesA: [x.ndim - 1], axesB: [y.ndim - 1] });
}

/** The dot product of the flattened inputs, a 0-d tensor (`np.vdot`). @example ag.vdot(ag.tensor([[1, 2]]), ag.tensor([3, 4])); // tensor(11.) */
export function vdot(a: TensorLike, b: TensorLike): Tensor {
  return vdotOp([ravel(a), ravel(b)], { name: 'vdot', axesA: [0], axesB: [0] });
}

/**
 * Sum over the given axes of `a` and `b` (`np.tensordot`): `axes` is a count (the last
 * `n` of `a` with the first `n` of `b`) or a pair of axis lists.
 *
 * @example
 * ag.tensordot(ag.tensor(np.ones([2, 3])), ag.tensor(np.ones([3, 4])), 1).shape; // [2, 4]
 */
export function tensordot(a: TensorLike, b: TensorLike, axes: np.TensordotAxes = 2): Tensor {
  const x = toTensor(a);
  const y = toTensor(b);
  let axesA: number[];
  let axesB: number[];
  if (typeof axes === 'number') {
    axesA = Array.from({ length: Math.max(axes, 0) }, (_, i) => x.ndim - axes + i);
    axesB = Array.from({ length: Math.max(axes, 0) }, (_, i) => i);
  } else {
    const [pa, pb] = Array.isArray(axes) ? axes : [[], []];
    axesA = nonNeg(typeof pa === 'number' ? [pa] : [...(pa as readonly number[])], x.ndim);
    axesB = nonNeg(typeof pb === 'number' ? [pb] : [...(pb as readonly number[])], y.ndim);
  }
  return tensordotOp([x, y], { name: 'tensordot', axesA, axesB, given: axes });
}

/** Outer product of the flattened inputs (`np.outer`). @example ag.outer(ag.tensor([1, 2]), ag.tensor([3, 4, 5])).shape; // [2, 3] */
export function outer(a: TensorLike, b: TensorLike): Tensor {
  return multiply(reshape(ravel(a), -1, 1), reshape(ravel(b), 1, -1));
}

/**
 * Kronecker product (`np.kron`): the block matrix `a[i, j] * b`, for any ranks (the
 * smaller rank padded with leading length-1 axes).
 *
 * @example
 * ag.kron(ag.tensor([1, 2]), ag.tensor([1, 10])); // tensor([1., 10., 2., 20.])
 */
export function kron(a: TensorLike, b: TensorLike): Tensor {
  const x = toTensor(a);
  const y = toTensor(b);
  const nd = Math.max(x.ndim, y.ndim);
  const xs = [...new Array<number>(nd - x.ndim).fill(1), ...x.shape];
  const ys = [...new Array<number>(nd - y.ndim).fill(1), ...y.shape];
  const prodT = multiply(reshape(x, xs.flatMap((n) => [n, 1])), reshape(y, ys.flatMap((n) => [1, n])));
  return reshape(prodT, xs.map((n, i) => n * ys[i]!));
}

/** Options of {@link trace}. */
export interface TraceOptions {
  /** Diagonal offset: > 0 above the main diagonal, < 0 below (default 0). */
  offset?: number;
  /** First axis of the 2-d sub-tensors (default 0). */
  axis1?: number;
  /** Second axis of the 2-d sub-tensors (default 1). */
  axis2?: number;
}

const traceOp = defineOp<Required<TraceOptions>>({
  name: 'trace',
  forward: ([x], o) => {
    const r = np.trace(x!, o);
    if (r instanceof np.NDArray) return r;
    const dt = np.asarray(x!).dtype;
    const kind = np.DTYPES[dt].kind;
    const dtype = kind === 'f' || dt === 'int64' || dt === 'uint64' ? dt : kind === 'u' ? 'uint32' : 'int32';
    return np.asarray(r, { dtype });
  },
  backward: (g, { inputs: [x], params: o }) => {
    const nd = x!.ndim;
    const a1 = o.axis1 < 0 ? o.axis1 + nd : o.axis1;
    const a2 = o.axis2 < 0 ? o.axis2 + nd : o.axis2;
    const n1 = x!.shape[a1]!;
    const n2 = x!.shape[a2]!;
    // g has the other axes in order: put length-1 axes at a1 and a2, broadcast, mask the diagonal
    const kept = x!.shape.map((d, i) => (i === a1 || i === a2 ? 1 : d));
    const maskShape = x!.shape.map((d, i) => (i === a1 || i === a2 ? d : 1));
    const i1 = np.reshape(np.arange(n1), maskShape.map((d, i) => (i === a1 ? d : 1)));
    const i2 = np.reshape(np.arange(n2), maskShape.map((d, i) => (i === a2 ? d : 1)));
    const mask = np.astype(np.equal(np.subtract(i2, i1), o.offset), g.dtype);
    return [reshape(g, kept).mul(mask)];
  },
});

/**
 * Sum along a diagonal (`np.trace`), over the axes `axis1` and `axis2` (default 0, 1);
 * `trace(x, offset)` or `trace(x, { offset, axis1, axis2 })`. Always a tensor (0-d for a
 * matrix).
 *
 * @example
 * ag.trace(ag.tensor([[1, 2], [3, 4]])); // tensor(5.)
 */
export function trace(x: TensorLike, offset?: number | TraceOptions, options: TraceOptions = {}): Tensor {
  const o = typeof offset === 'object' ? offset : { ...options, offset: offset ?? options.offset };
  return traceOp([x], { offset: o.offset ?? 0, axis1: o.axis1 ?? 0, axis2: o.axis2 ?? 1 });
}

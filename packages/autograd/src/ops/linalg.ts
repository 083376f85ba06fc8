/**
 * `ag.linalg`: `inv`, `solve`, `det`, `slogdet`, `cholesky` (and `norm`) on tensors, over
 * stacks of matrices `(..., M, M)` as `np.linalg`. Forwards are NumPy's (`np.linalg`);
 * gradients are the standard matrix-calculus rules written in tensor ops (so they can
 * be differentiated again), with `X^T` the transpose of the last two axes:
 *
 * - `Y = inv(A)`: `dA = -Y^T g Y^T`.
 * - `x = solve(A, b)`: `db = solve(A^T, g)`, `dA = -db x^T` (b is a vector when 1-d, as NumPy 2).
 * - `d = det(A)`: `dA = g d inv(A)^T`; `slogdet`: `d logabsdet = g inv(A)^T` (the sign is
 *   a constant). Both need an invertible `A` (a singular one throws `LinAlgError`).
 * - `L = cholesky(A)`: NumPy reads only the lower triangle of A, and so does the
 *   gradient: with `P = tril(L^T g)` (diagonal halved) and `S = L^-T (P + P^T)/2 L^-1`,
 *   `dA = tril(2 S) - diag(S)` (PyTorch returns the symmetric `S` instead; both give the
 *   same result through any symmetric parametrisation such as `A = B B^T`).
 */
import * as np from '@numbat/ndarray';
import { defineOp, toTensor, type TensorLike } from '../define-op.js';
import { Tensor } from '../tensor.js';
import { matmul } from './products.js';
import { reshape } from './shape.js';

export { norm } from './norm.js';

/** `x` with its last two axes swapped. */
const mT = (x: Tensor): Tensor => x.swapaxes(-1, -2);

/** `g` (one value per matrix) with two trailing length-1 axes, to scale whole matrices. */
const perMatrix = (g: Tensor): Tensor => reshape(g, [...g.shape, 1, 1]);

const invOp = defineOp({
  name: 'linalg.inv',
  forward: ([a]) => np.linalg.inv(a!),
  backward: (g, { output: y }) => [matmul(matmul(mT(y), g), mT(y)).neg()],
});

/** The inverse of each matrix (`np.linalg.inv`); gradient `-Y^T g Y^T`. @example ag.linalg.inv(ag.tensor([[2, 0], [0, 4]])); // tensor([[0.5, 0.], [0., 0.25]]) */
export function inv(a: TensorLike): Tensor {
  return invOp([a]);
}

const solveOp = defineOp({
  name: 'linalg.solve',
  forward: ([a, b]) => np.linalg.solve(a!, b!),
  backward: (g, { inputs: [a, b], output: x, needsGrad }) => {
    const vector = b!.ndim === 1;
    const gc = vector ? g.expandDims(-1) : g;
    const xc = vector ? x.expandDims(-1) : x;
    const db = solve(mT(a!), gc);
    const da = needsGrad[0] ? matmul(db, mT(xc)).neg() : null;
    return [da, needsGrad[1] ? (vector ? db.squeeze(-1) : db) : null];
  },
});

/** The solution `x` of `A x = b` (`np.linalg.solve`); gradients `solve(A^T, g)` and `-db x^T`. @example ag.linalg.solve(ag.tensor([[2, 0], [0, 4]]), ag.tensor([2, 4])); // tensor([1., 1.]) */
export function solve(a: TensorLike, b: TensorLike): Tensor {
  return solveOp([a, b]);
}

const detOp = defineOp({
  name: 'linalg.det',
  forward: ([a]) => np.linalg.det(a!),
  backward: (g, { inputs: [a], output: d }) => [perMatrix(g.mul(d)).mul(mT(inv(a!)))],
});

/** The determinant of each matrix (`np.linalg.det`); gradient `g det(A) inv(A)^T`. @example ag.linalg.det(ag.tensor([[1, 2], [3, 4]])); // tensor(-2.) */
export function det(a: TensorLike): Tensor {
  return detOp([a]);
}

const logabsdetOp = defineOp<np.NDArray>({
  name: 'linalg.slogdet',
  // the value was computed with the sign by `slogdet` below, from this very input
  forward: (_, logabsdet) => logabsdet,
  backward: (g, { inputs: [a] }) => [perMatrix(g).mul(mT(inv(a!)))],
});

/** What {@link slogdet} returns: `[sign, logabsdet]`, also as named properties. */
export type SlogdetResult = [Tensor, Tensor] & { sign: Tensor; logabsdet: Tensor };

/**
 * Sign and log of the absolute determinant (`np.linalg.slogdet`), as `[sign, logabsdet]`
 * with the names as properties too. `logabsdet` has gradient `g inv(A)^T`; `sign` is a
 * constant.
 *
 * @example
 * const { sign, logabsdet } = ag.linalg.slogdet(ag.tensor([[1, 2], [3, 4]]));
 * sign.item(); // -1
 * logabsdet.item(); // 0.6931471805599455
 */
export function slogdet(a: TensorLike): SlogdetResult {
  const t = toTensor(a);
  const r = np.linalg.slogdet(t.data);
  const sign = new Tensor(r.sign);
  const logabsdet = logabsdetOp([t], r.logabsdet);
  return Object.assign([sign, logabsdet] as [Tensor, Tensor], { sign, logabsdet });
}

/** Constant masks over n×n: `tril` with the diagonal halved, and `2` below / `1` on the diagonal. */
function choleskyMasks(n: number, dtype: np.DType): [Tensor, Tensor] {
  const i = np.reshape(np.arange(n), [n, 1]);
  const j = np.reshape(np.arange(n), [1, n]);
  const below = np.astype(np.greater(i, j), dtype);
  const diag = np.astype(np.equal(i, j), dtype);
  return [new Tensor(np.add(below, np.multiply(diag, 0.5))), new Tensor(np.add(np.multiply(below, 2), diag))];
}

const choleskyOp = defineOp({
  name: 'linalg.cholesky',
  forward: ([a]) => np.linalg.cholesky(a!),
  backward: (g, { output: l }) => {
    const n = l.shape[l.ndim - 1]!;
    const [half, lower] = choleskyMasks(n, g.dtype);
    const p = matmul(mT(l), g).mul(half);
    const linv = inv(l);
    const s = matmul(matmul(mT(linv), p.add(mT(p)).mul(0.5)), linv);
    return [s.mul(lower)];
  },
});

/** Options of {@link cholesky}. */
export interface CholeskyOptions {
  /** Return the upper factor `U` (`A = U^T U`), reading the upper triangle (NumPy 2's `upper=`). */
  upper?: boolean;
}

/**
 * The Cholesky factor of each symmetric positive-definite matrix (`np.linalg.cholesky`):
 * lower `L` with `A = L L^T`, or the upper `U` with `{ upper: true }`. Reads (and
 * differentiates) only that triangle of `A`, as NumPy.
 *
 * @example
 * ag.linalg.cholesky(ag.tensor([[4, 2], [2, 3]])); // tensor([[2., 0.], [1., 1.41421356]])
 */
export function cholesky(a: TensorLike, options: CholeskyOptions = {}): Tensor {
  if (options.upper !== true) return choleskyOp([a]);
  // the upper triangle of A is the lower triangle of A^T, and U = L(A^T)^T
  return mT(choleskyOp([mT(toTensor(a))]));
}

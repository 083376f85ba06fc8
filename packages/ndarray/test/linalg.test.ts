/**
 * np.linalg examples and edge cases: closed-form values, shapes and dtypes of every
 * result, empty matrices, stacks, non-contiguous inputs, one-triangle reads, inputs left
 * unchanged, and every error with NumPy 2.4's message.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';

const { linalg } = np;
const EPS = 2 ** -52;

/** Flat numbers of an array. */
function flat(a: np.NDArray): number[] {
  return (a.flatten().tolist() as number[]).map(Number);
}

/** Max |a - b| over two arrays (or an array and nested numbers) of the same shape. */
function maxDiff(a: np.NDArray, b: np.ArrayLike): number {
  const x = flat(a);
  const y = flat(np.asarray(b));
  expect(x.length).toBe(y.length);
  return x.reduce((m, v, i) => Math.max(m, Math.abs(v - y[i]!)), 0);
}

function expectClose(a: np.NDArray, b: np.ArrayLike, tol = 1e-14): void {
  expect(maxDiff(a, b)).toBeLessThanOrEqual(tol);
}

function expectThrows(f: () => unknown, cls: new (...args: never[]) => Error, message: string): void {
  let err: unknown = null;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(cls);
  expect((err as Error).message).toBe(message);
}

const A = [[4, 1, 2], [1, 5, 3], [2, 3, 6]];

describe('inv', () => {
  it('2x2 closed form, float64 from int input', () => {
    const r = linalg.inv([[1, 2], [3, 4]]);
    expect(r.dtype).toBe('float64');
    expectClose(r, [[-2, 1], [1.5, -0.5]], 4 * EPS);
  });
  it('a stack of matrices, float32 stays float32', () => {
    const a = np.array([[[2, 0], [0, 4]], [[0, 1], [1, 0]]], { dtype: 'float32' });
    const r = linalg.inv(a);
    expect(r.dtype).toBe('float32');
    expect(r.shape).toEqual([2, 2, 2]);
    expect(r.tolist()).toEqual([[[0.5, 0], [0, 0.25]], [[0, 1], [1, 0]]]);
  });
  it('bool input gives float64', () => {
    expect(linalg.inv(np.array([[true, false], [false, true]])).dtype).toBe('float64');
  });
  it('inv(a) @ a = I for a transposed (non-contiguous) view, and the input is unchanged', () => {
    const a = np.array(A, { dtype: 'float64' }).T;
    const before = a.tolist();
    const r = linalg.inv(a);
    expectClose(np.matmul(r, a), np.eye(3), 8 * EPS);
    expect(a.tolist()).toEqual(before);
  });
  it('empty matrices and empty stacks', () => {
    expect(linalg.inv(np.zeros([0, 0])).shape).toEqual([0, 0]);
    expect(linalg.inv(np.zeros([2, 0, 0])).shape).toEqual([2, 0, 0]);
    expect(linalg.inv(np.zeros([0, 3, 3])).shape).toEqual([0, 3, 3]);
  });
  it('errors', () => {
    expectThrows(() => linalg.inv([[1, 2], [2, 4]]), np.LinAlgError, 'Singular matrix');
    expectThrows(() => linalg.inv(np.zeros([2, 2, 2])), np.LinAlgError, 'Singular matrix');
    expectThrows(() => linalg.inv([1, 2]), np.LinAlgError, '1-dimensional array given. Array must be at least two-dimensional');
    expectThrows(() => linalg.inv(3), np.LinAlgError, '0-dimensional array given. Array must be at least two-dimensional');
    expectThrows(() => linalg.inv(np.zeros([2, 3])), np.LinAlgError, 'Last 2 dimensions of the array must be square');
    expect(np.LinAlgError === linalg.LinAlgError).toBe(true);
    expect(new np.LinAlgError('x')).toBeInstanceOf(np.ValueError);
  });
});

describe('solve', () => {
  it('a vector right-hand side', () => {
    expectClose(linalg.solve([[1, 2], [3, 5]], [1, 2]), [-1, 1], 4 * EPS);
  });
  it('a matrix right-hand side and a 1-d b against a stack (NumPy 2 rules)', () => {
    const x = linalg.solve([[2, 0], [0, 4]], [[2, 4], [4, 8]]);
    expect(x.tolist()).toEqual([[1, 2], [1, 2]]);
    const y = linalg.solve(np.stack([np.eye(2), np.eye(2).multiply(2)]), [2, 4]);
    expect(y.shape).toEqual([2, 2]);
    expect(y.tolist()).toEqual([[2, 4], [1, 2]]);
  });
  it('batch axes broadcast', () => {
    const a = np.stack([np.eye(3), np.eye(3).multiply(2)]);
    const b = np.ones([4, 1, 3, 1]);
    const x = linalg.solve(a, b);
    expect(x.shape).toEqual([4, 2, 3, 1]);
    expect(flat(x.get(3, 1))).toEqual([0.5, 0.5, 0.5]);
  });
  it('dtypes: float32 only when both are float32', () => {
    const a32 = np.eye(2, { dtype: 'float32' });
    expect(linalg.solve(a32, np.ones(2, 'float32')).dtype).toBe('float32');
    expect(linalg.solve(a32, np.array([1, 1], { dtype: 'int16' })).dtype).toBe('float64');
    expect(linalg.solve(np.eye(2, { dtype: 'int32' }), [1, 1]).dtype).toBe('float64');
  });
  it('empty systems', () => {
    expect(linalg.solve(np.zeros([0, 0]), np.zeros([0])).shape).toEqual([0]);
    expect(linalg.solve(np.zeros([0, 0]), np.zeros([0, 3])).shape).toEqual([0, 3]);
    expect(linalg.solve(np.eye(3), np.zeros([3, 0])).shape).toEqual([3, 0]);
    expect(linalg.solve(np.zeros([2, 0, 0]), np.zeros([0])).shape).toEqual([2, 0]);
  });
  it("errors with NumPy's gufunc messages", () => {
    expectThrows(() => linalg.solve(np.eye(3), [1, 2]), np.ValueError,
      'solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m) (size 2 is different from 3)');
    expectThrows(() => linalg.solve(np.eye(3), np.ones([2, 2])), np.ValueError,
      'solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n) (size 2 is different from 3)');
    expectThrows(() => linalg.solve(np.ones([2, 3, 3]), np.ones([4, 3, 1])), np.ValueError,
      'operands could not be broadcast together with remapped shapes [original->remapped]: (2,3,3)->(2,newaxis,newaxis) (4,3,1)->(4,newaxis,newaxis)  and requested shape (3,1)');
    expectThrows(() => linalg.solve(np.eye(3), 1), np.ValueError,
      'solve: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature (m,m),(m,n)->(m,n) requires 2)');
    expectThrows(() => linalg.solve([[1, 2], [2, 4]], [1, 1]), np.LinAlgError, 'Singular matrix');
    expectThrows(() => linalg.solve(np.ones(3), np.ones(3)), np.LinAlgError, '1-dimensional array given. Array must be at least two-dimensional');
    expectThrows(() => linalg.solve(np.ones([2, 3]), np.ones(3)), np.LinAlgError, 'Last 2 dimensions of the array must be square');
  });
});

describe('det and slogdet', () => {
  it('closed forms', () => {
    expect(Math.abs(linalg.det([[1, 2], [3, 4]]).item() as number + 2)).toBeLessThan(4 * EPS * 2);
    expect(linalg.det([[0, 1], [1, 0]]).item()).toBe(-1);
    const [sign, logabsdet] = linalg.slogdet([[-2]]);
    expect(sign!.item()).toBe(-1);
    expect(logabsdet!.item()).toBe(Math.log(2));
  });
  it('names, shapes and dtypes', () => {
    const r = linalg.slogdet(np.ones([3, 2, 2], 'float32'));
    expect(r.sign === r[0] && r.logabsdet === r[1]).toBe(true);
    expect(r.sign.shape).toEqual([3]);
    expect(r.sign.dtype).toBe('float32');
    expect(r.sign.tolist()).toEqual([0, 0, 0]);
    expect(r.logabsdet.tolist()).toEqual([-Infinity, -Infinity, -Infinity]);
    expect(linalg.det(np.ones([3, 2, 2], 'float32')).dtype).toBe('float32');
  });
  it('0x0 has determinant 1', () => {
    expect(linalg.det(np.zeros([0, 0])).item()).toBe(1);
    expect(linalg.det(np.zeros([2, 0, 0])).tolist()).toEqual([1, 1]);
    const [s, l] = linalg.slogdet(np.zeros([0, 0]));
    expect([s!.item(), l!.item()]).toEqual([1, 0]);
  });
  it('singular: det 0, slogdet (0, -inf)', () => {
    expect(linalg.det([[1, 2], [2, 4]]).item()).toBe(0);
    const { sign, logabsdet } = linalg.slogdet([[1, 2], [2, 4]]);
    expect([sign.item(), logabsdet.item()]).toEqual([0, -Infinity]);
  });
  it('slogdet does not overflow or underflow where det does', () => {
    expect(linalg.det(np.eye(2).multiply(1e200)).item()).toBe(Infinity);
    expect(Math.abs((linalg.slogdet(np.eye(2).multiply(1e200)).logabsdet.item() as number) - 2 * Math.log(1e200))).toBeLessThan(1e-12);
    const small = np.eye(400).multiply(0.1);
    expect(linalg.det(small).item()).toBe(0);
    expect(Math.abs((linalg.slogdet(small).logabsdet.item() as number) - 400 * Math.log(0.1))).toBeLessThan(1e-10);
  });
  it('errors', () => {
    expectThrows(() => linalg.det([1, 2, 3]), np.LinAlgError, '1-dimensional array given. Array must be at least two-dimensional');
    expectThrows(() => linalg.slogdet(np.zeros([3, 2])), np.LinAlgError, 'Last 2 dimensions of the array must be square');
  });
});

describe('cholesky', () => {
  it('closed form, lower and upper', () => {
    expectClose(linalg.cholesky([[4, 2], [2, 3]]), [[2, 0], [1, Math.SQRT2]], 2 * EPS);
    expectClose(linalg.cholesky([[4, 2], [2, 3]], { upper: true }), [[2, 1], [0, Math.SQRT2]], 2 * EPS);
  });
  it('reads only the lower (or, for upper, the upper) triangle', () => {
    const lowerOnly = [[4, NaN], [2, 3]];
    expectClose(linalg.cholesky(lowerOnly), [[2, 0], [1, Math.SQRT2]], 2 * EPS);
    const upperOnly = [[4, 2], [NaN, 3]];
    expectClose(linalg.cholesky(upperOnly, { upper: true }), [[2, 1], [0, Math.SQRT2]], 2 * EPS);
  });
  it('L Lᵀ = A for a stack, float32 stays float32, empty', () => {
    const a = np.array([A, [[9, 3, 0], [3, 5, 1], [0, 1, 2]]]);
    const l = linalg.cholesky(a);
    expectClose(np.matmul(l, np.swapaxes(l, -1, -2)), a, 32 * EPS);
    expect(linalg.cholesky(np.array(A, { dtype: 'float32' })).dtype).toBe('float32');
    expect(linalg.cholesky(np.zeros([0, 0])).shape).toEqual([0, 0]);
  });
  it("a NaN pivot is not caught: it propagates, as in NumPy's OpenBLAS build", () => {
    expect(flat(linalg.cholesky([[NaN, 1], [1, 1]])).map(String)).toEqual(['NaN', '0', 'NaN', 'NaN']);
  });
  it('errors', () => {
    expectThrows(() => linalg.cholesky([[1, 2], [2, 1]]), np.LinAlgError, 'Matrix is not positive definite');
    expectThrows(() => linalg.cholesky([[-1]]), np.LinAlgError, 'Matrix is not positive definite');
    expectThrows(() => linalg.cholesky(np.ones([2, 3])), np.LinAlgError, 'Last 2 dimensions of the array must be square');
  });
});

describe('qr', () => {
  it("LAPACK's signs: R's diagonal is -sign(a_kk) * norm", () => {
    const { Q, R } = linalg.qr([[1, 2], [3, 4]]);
    expectClose(R, [[-Math.sqrt(10), -14 / Math.sqrt(10)], [0, -2 / Math.sqrt(10)]], 8 * EPS);
    expectClose(Q, [[-1 / Math.sqrt(10), -3 / Math.sqrt(10)], [-3 / Math.sqrt(10), 1 / Math.sqrt(10)]], 4 * EPS);
  });
  it('modes and shapes, tall and wide', () => {
    const tall = np.arange(12).reshape(4, 3);
    const [q, r] = linalg.qr(tall);
    expect([q!.shape, r!.shape]).toEqual([[4, 3], [3, 3]]);
    const c = linalg.qr(tall, 'complete');
    expect([c.Q.shape, c.R.shape]).toEqual([[4, 4], [4, 3]]);
    expectClose(np.matmul(c.Q, c.R), tall, 64 * EPS);
    expect(linalg.qr(tall, { mode: 'r' }).shape).toEqual([3, 3]);
    const [h, tau] = linalg.qr(tall, 'raw');
    expect([h!.shape, tau!.shape]).toEqual([[3, 4], [3]]);
    const wide = linalg.qr(np.arange(6).reshape(2, 3));
    expect([wide.Q.shape, wide.R.shape]).toEqual([[2, 2], [2, 3]]);
  });
  it('empty matrices', () => {
    const c = linalg.qr(np.zeros([3, 0]), 'complete');
    expect(c.Q.tolist()).toEqual(np.eye(3).tolist());
    expect(c.R.shape).toEqual([3, 0]);
    expect(linalg.qr(np.zeros([3, 0])).Q.shape).toEqual([3, 0]);
    expect(linalg.qr(np.zeros([0, 3])).R.shape).toEqual([0, 3]);
  });
  it('a zero column gets no reflection (tau 0), as LAPACK', () => {
    const { Q, R } = linalg.qr(np.zeros([2, 2]));
    expect(flat(Q)).toEqual([1, 0, -0, 1]);
    expect(flat(R)).toEqual([0, 0, 0, 0]);
  });
  it('errors', () => {
    expectThrows(() => linalg.qr(np.eye(2), 'x' as 'r'), np.ValueError, "Unrecognized mode 'x'");
    expectThrows(() => linalg.qr([1, 2]), np.LinAlgError, '1-dimensional array given. Array must be at least two-dimensional');
  });
});

describe('svd', () => {
  it('a diagonal matrix', () => {
    const { U, S, Vh } = linalg.svd([[3, 0], [0, -2]]);
    expect(S.tolist()).toEqual([3, 2]);
    expectClose(np.matmul(np.multiply(U, S), Vh), [[3, 0], [0, -2]], 4 * EPS);
  });
  it('shapes: full, reduced, values only; names', () => {
    const a = np.ones([2, 5, 3]);
    const full = linalg.svd(a);
    expect([full.U.shape, full.S.shape, full.Vh.shape]).toEqual([[2, 5, 5], [2, 3], [2, 3, 3]]);
    const red = linalg.svd(a, { fullMatrices: false });
    expect([red.U.shape, red.S.shape, red.Vh.shape]).toEqual([[2, 5, 3], [2, 3], [2, 3, 3]]);
    expect(full[1] === full.S).toBe(true);
    const s = linalg.svd(np.ones([3, 5]), { computeUv: false });
    expect(s.shape).toEqual([3]);
    expectClose(s, [Math.sqrt(15), 0, 0], 16 * EPS);
  });
  it('empty matrices (full U is the identity)', () => {
    const r = linalg.svd(np.zeros([3, 0]));
    expect([r.U.tolist(), r.S.shape, r.Vh.shape]).toEqual([np.eye(3).tolist(), [0], [0, 0]]);
    const w = linalg.svd(np.zeros([0, 2]));
    expect(w.Vh.tolist()).toEqual(np.eye(2).tolist());
  });
  it('hermitian: eigenvalues by magnitude, signs moved into Vh', () => {
    const a = [[2, 0], [0, -3]];
    const { U, S, Vh } = linalg.svd(a, { hermitian: true });
    expect(S.tolist()).toEqual([3, 2]);
    expectClose(np.matmul(np.multiply(U, S), Vh), a, 4 * EPS);
    expect(linalg.svd(a, { hermitian: true, computeUv: false }).tolist()).toEqual([3, 2]);
  });
  it('a rank-deficient matrix: U and Vh still orthonormal', () => {
    const a = np.outer([1, 2, 3, 4], [1, 1, 2]);
    const { U, S, Vh } = linalg.svd(a);
    expectClose(np.matmul(U.T, U), np.eye(4), 16 * EPS);
    expectClose(np.matmul(Vh, Vh.T), np.eye(3), 16 * EPS);
    expect(flat(S).slice(1).every((x) => x < 1e-14)).toBe(true);
  });
  it('non-finite input: NaN throws as NumPy, an infinity gives NaN singular values', () => {
    expectThrows(() => linalg.svd([[NaN, 1], [1, 1]]), np.LinAlgError, 'SVD did not converge');
    expectThrows(() => linalg.norm([[NaN, 1], [1, 1]], 2), np.LinAlgError, 'SVD did not converge');
    expect(flat(linalg.svd([[Infinity, 1], [1, 1]], { computeUv: false })).every(Number.isNaN)).toBe(true);
  });
  it('errors', () => {
    expectThrows(() => linalg.svd([1, 2]), np.LinAlgError, '1-dimensional array given. Array must be at least two-dimensional');
    expectThrows(() => linalg.svd(np.ones([2, 3]), { hermitian: true }), np.LinAlgError, 'Last 2 dimensions of the array must be square');
  });
});

describe('eigh and eigvalsh', () => {
  it('closed form', () => {
    const { eigenvalues, eigenvectors } = linalg.eigh([[2, 1], [1, 2]]);
    expectClose(eigenvalues, [1, 3], 4 * EPS);
    const v = flat(eigenvectors).map(Math.abs);
    v.forEach((x) => expect(Math.abs(x - Math.SQRT1_2)).toBeLessThan(4 * EPS));
  });
  it('reads one triangle: lower by default, upper with UPLO', () => {
    const lower = [[2, NaN], [1, 2]];
    expectClose(linalg.eigvalsh(lower), [1, 3], 4 * EPS);
    const upper = [[2, 1], [NaN, 2]];
    expectClose(linalg.eigvalsh(upper, 'U'), [1, 3], 4 * EPS);
    expectClose(linalg.eigh(upper, { UPLO: 'u' }).eigenvalues, [1, 3], 4 * EPS);
  });
  it('a stack: A V = V diag(w), shapes and dtypes', () => {
    const a = np.array([A, [[1, 0, 0], [0, -1, 0], [0, 0, 0]]], { dtype: 'float32' });
    const r = linalg.eigh(a);
    expect([r.eigenvalues.shape, r.eigenvectors.shape, r.eigenvalues.dtype]).toEqual([[2, 3], [2, 3, 3], 'float32']);
    expect(flat(r.eigenvalues.get(1))).toEqual([-1, 0, 1]);
    const av = np.matmul(a, r.eigenvectors);
    const vw = np.multiply(r.eigenvectors, np.expandDims(r.eigenvalues, -2));
    expectClose(av, vw, 1e-5);
  });
  it('non-finite entries in the read triangle give NaN (a documented difference: LAPACK returns arbitrary values)', () => {
    const { eigenvalues, eigenvectors } = linalg.eigh([[NaN, 1], [1, 1]]);
    expect(flat(eigenvalues).every(Number.isNaN) && flat(eigenvectors).every(Number.isNaN)).toBe(true);
    expect(flat(linalg.eigvalsh([[1, Infinity], [2, 1]])).every(Number.isFinite)).toBe(true);
    expect(linalg.eigvalsh([[Infinity]]).tolist()).toEqual([Infinity]);
  });
  it('entries near the ends of the float64 range (the matrix is scaled by a power of two first)', () => {
    const big = linalg.eigvalsh([[2e300, 1e300], [1e300, 2e300]]);
    expect(flat(big).map((x, i) => Math.abs(x / [1e300, 3e300][i]! - 1) < 1e-14)).toEqual([true, true]);
    const tiny = linalg.eigvalsh([[2e-300, 1e-300], [1e-300, 2e-300]]);
    expect(flat(tiny).map((x, i) => Math.abs(x / [1e-300, 3e-300][i]! - 1) < 1e-14)).toEqual([true, true]);
    const s = linalg.svd([[3e-300, 4e-300], [0, 0]], { computeUv: false });
    expect(Math.abs(flat(s)[0]! / 5e-300 - 1)).toBeLessThan(1e-15);
    const h = linalg.svd([[3e300, 4e300], [0, 0]], { computeUv: false });
    expect(Math.abs(flat(h)[0]! / 5e300 - 1)).toBeLessThan(1e-15);
  });
  it('empty', () => {
    expect(linalg.eigh(np.zeros([0, 0])).eigenvectors.shape).toEqual([0, 0]);
    expect(linalg.eigvalsh(np.zeros([2, 0, 0])).shape).toEqual([2, 0]);
  });
  it('errors', () => {
    expectThrows(() => linalg.eigh(np.eye(2), 'x' as 'L'), np.ValueError, "UPLO argument must be 'L' or 'U'");
    expectThrows(() => linalg.eigvalsh(np.ones([2, 3])), np.LinAlgError, 'Last 2 dimensions of the array must be square');
  });
});

describe('pinv, matrixRank, lstsq', () => {
  it('pinv of a rank-1 matrix is A / ||A||_F²', () => {
    expectClose(linalg.pinv([[1, 2], [2, 4]]), [[0.04, 0.08], [0.08, 0.16]], 8 * EPS);
    expect(linalg.pinv(np.ones([3, 2])).shape).toEqual([2, 3]);
    expectClose(linalg.pinv([[1, 2], [2, 4]], { hermitian: true }), [[0.04, 0.08], [0.08, 0.16]], 8 * EPS);
  });
  it('pinv of an empty matrix is empty with the input dtype (as NumPy)', () => {
    const r = linalg.pinv(np.zeros([3, 0], 'int32'));
    expect([r.shape, r.dtype]).toEqual([[0, 3], 'int32']);
  });
  it('matrixRank', () => {
    const r = linalg.matrixRank([[1, 2], [2, 4]]);
    expect([r.item(), r.dtype, r.ndim]).toEqual([1, 'int32', 0]);
    expect(linalg.matrixRank(np.eye(4)).item()).toBe(4);
    expect(linalg.matrixRank(np.stack([np.eye(3), np.zeros([3, 3])])).tolist()).toEqual([3, 0]);
    expect(linalg.matrixRank([0, 0, 1]).item()).toBe(1);
    expect(linalg.matrixRank([0, 0, 0]).item()).toBe(0);
    expect(linalg.matrixRank(np.diag([1, 1e-3]), { tol: 1e-2 }).item()).toBe(1);
    expect(linalg.matrixRank(np.diag([1, 1e-3]), { rtol: 1e-4 }).item()).toBe(2);
  });
  it('lstsq: a line through four points', () => {
    const [x, res, rank, s] = linalg.lstsq([[0, 1], [1, 1], [2, 1], [3, 1]], [-1, 0.2, 0.9, 2.1]);
    expectClose(x, [1, -0.95], 16 * EPS);
    expect(res.shape).toEqual([1]);
    expect(Math.abs(flat(res)[0]! - 0.05)).toBeLessThan(1e-14);
    expect(rank).toBe(2);
    expect(s.shape).toEqual([2]);
  });
  it('lstsq: rank-deficient gives the minimum-norm solution and no residuals', () => {
    const [x, res, rank] = linalg.lstsq([[1, 2], [2, 4], [3, 6]], [1, 2, 3]);
    expectClose(x, [0.2, 0.4], 16 * EPS);
    expect([res.shape, rank]).toEqual([[0], 1]);
  });
  it("lstsq: rcond outside (0, 1) means machine precision (LAPACK's rule)", () => {
    const a = [[1, 0], [0, 1e-3], [0, 0]];
    expect(linalg.lstsq(a, [1, 1, 1], { rcond: 1e-2 })[2]).toBe(1);
    expect(linalg.lstsq(a, [1, 1, 1], { rcond: 2 })[2]).toBe(2);
    expect(linalg.lstsq(a, [1, 1, 1], { rcond: -1 })[2]).toBe(2);
  });
  it('lstsq: empty and multiple right-hand sides', () => {
    const [x, res] = linalg.lstsq(np.zeros([3, 0]), np.ones([3, 2]));
    expect([x.shape, res.tolist()]).toEqual([[0, 2], [3, 3]]);
    expect(linalg.lstsq(np.zeros([0, 3]), np.zeros([0]))[0].tolist()).toEqual([0, 0, 0]);
  });
  it('errors', () => {
    expectThrows(() => linalg.matrixRank(np.eye(2), { tol: 1, rtol: 1 }), np.ValueError, "`tol` and `rtol` can't be both set.");
    expectThrows(() => linalg.pinv(np.eye(2), { rcond: 1, rtol: 1 }), np.ValueError, "`rtol` and `rcond` can't be both set.");
    expectThrows(() => linalg.lstsq(np.ones(3), np.ones(3)), np.LinAlgError, '1-dimensional array given. Array must be two-dimensional');
    expectThrows(() => linalg.lstsq(np.ones([3, 2]), np.ones([1, 3, 3])), np.LinAlgError, '3-dimensional array given. Array must be two-dimensional');
    expectThrows(() => linalg.lstsq(np.ones([3, 2]), np.ones(4)), np.LinAlgError, 'Incompatible dimensions');
    expectThrows(() => linalg.lstsq([[NaN, 1], [1, 1]], [1, 1]), np.LinAlgError, 'SVD did not converge in Linear Least Squares');
    expectThrows(() => linalg.pinv([1, 2]), np.LinAlgError, '1-dimensional array given. Array must be at least two-dimensional');
  });
});

describe('norm', () => {
  const m = [[1, -2], [3, 4]];
  it('defaults: 2-norm of the flattened array, a JS number', () => {
    expect(linalg.norm([3, 4])).toBe(5);
    expect(linalg.norm(np.arange(8).reshape(2, 2, 2))).toBe(Math.sqrt(140));
    expect(linalg.norm(-3)).toBe(3);
  });
  it('vector orders', () => {
    const v = [3, -4, 0];
    expect(linalg.norm(v, Infinity)).toBe(4);
    expect(linalg.norm(v, -Infinity)).toBe(0);
    expect(linalg.norm(v, 0)).toBe(2);
    expect(linalg.norm(v, 1)).toBe(7);
    expect(Math.abs(linalg.norm(v, 3) - Math.cbrt(91))).toBeLessThan(4 * EPS * 5);
    expect(linalg.norm(v, -1)).toBe(0);
  });
  it('matrix orders', () => {
    expect(linalg.norm(m, 'fro')).toBe(Math.sqrt(30));
    expect(linalg.norm(m, 1)).toBe(6);
    expect(linalg.norm(m, -1)).toBe(4);
    expect(linalg.norm(m, Infinity)).toBe(7);
    expect(linalg.norm(m, -Infinity)).toBe(3);
    const s = [Math.sqrt(15 + Math.sqrt(125)), Math.sqrt(15 - Math.sqrt(125))];
    expect(Math.abs(linalg.norm(m, 2) - s[0]!)).toBeLessThan(8 * EPS);
    expect(Math.abs(linalg.norm(m, -2) - s[1]!)).toBeLessThan(8 * EPS);
    expect(Math.abs(linalg.norm(m, 'nuc') - s[0]! - s[1]!)).toBeLessThan(16 * EPS);
  });
  it('axis and keepdims', () => {
    expect(linalg.norm(m, Infinity, { axis: 1 }).tolist()).toEqual([2, 4]);
    expect(linalg.norm(m, { ord: 1, axis: 0 }).tolist()).toEqual([4, 6]);
    const k = linalg.norm(np.ones([2, 3, 4]), { axis: [0, 2], keepdims: true });
    expect(k.shape).toEqual([1, 3, 1]);
    expect(flat(k)).toEqual([Math.sqrt(8), Math.sqrt(8), Math.sqrt(8)]);
    expect(linalg.norm(np.ones([2, 3]), { keepdims: true }).shape).toEqual([1, 1]);
    expect(linalg.norm(np.ones([2, 3]), 1, { axis: [1, 0] }).ndim).toBe(0);
  });
  it('dtypes: float32 stays, ints become float64', () => {
    expect(linalg.norm(np.ones([2, 2], 'float32'), { axis: 1 }).dtype).toBe('float32');
    expect(linalg.norm(np.ones([2, 2], 'float32'), 2, { axis: [0, 1] }).dtype).toBe('float32');
    expect(linalg.norm(np.ones([2, 2], 'int8'), { axis: 1 }).dtype).toBe('float64');
  });
  it('empty matrices', () => {
    expect(linalg.norm(np.zeros([0, 0]), 2)).toBe(0);
    expect(linalg.norm(np.zeros([3, 0]), -Infinity)).toBe(0);
  });
  it('errors', () => {
    expectThrows(() => linalg.norm(np.ones([2, 2, 2]), 1), np.ValueError, 'Improper number of dimensions to norm.');
    expectThrows(() => linalg.norm(np.ones([2, 2, 2]), { axis: [0, 1, 2] }), np.ValueError, 'Improper number of dimensions to norm.');
    expectThrows(() => linalg.norm(np.ones([2, 2, 2]), { axis: [0, -3] }), np.ValueError, 'Duplicate axes given.');
    expectThrows(() => linalg.norm(np.ones([2, 2, 2]), { axis: [0, 3] }), np.AxisError, 'axis 3 is out of bounds for array of dimension 3');
    expectThrows(() => linalg.norm(np.ones([2, 2, 2]), Infinity, { axis: 3 }), np.AxisError, 'axis 3 is out of bounds for array of dimension 3');
    expectThrows(() => linalg.norm(np.ones(3), 'fro'), np.ValueError, "Invalid norm order 'fro' for vectors");
    expectThrows(() => linalg.norm(np.ones([3, 3]), 3), np.ValueError, 'Invalid norm order for matrices.');
    expectThrows(() => linalg.norm(np.zeros([0, 0]), -2), np.ValueError, 'zero-size array to reduction operation minimum which has no identity');
    expectThrows(() => linalg.norm(3, 1), np.ValueError, 'Improper number of dimensions to norm.');
  });
});

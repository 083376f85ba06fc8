/**
 * Examples, edge cases and error messages of the creation functions. Every expected value
 * and message was produced by NumPy 2.4 (numbat's default int is int32 where NumPy's is
 * int64; NumPy's ZeroDivisionError is a ValueError here).
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { nestedOf, toPlain } from '../../../test/reference/plain.js';

/** Nested values (what `tolist` gives). */
const vals = (a: np.NDArray): unknown => nestedOf(toPlain(a));
/** dtype, shape and nested values at once. */
const info = (a: np.NDArray): [string, number[], unknown] => [a.dtype, a.shape.slice(), vals(a)];
/** Adds 1 to every element of `a` in place, through numbat's ufunc machinery. */
const bump = (a: np.NDArray): void => void np.add(a, 1, { out: a });

function fortran(rows: number, cols: number): np.NDArray {
  return np.transpose(np.reshape(np.arange(rows * cols, { dtype: 'float64' }), [cols, rows]));
}

describe('zeros, ones, empty, full', () => {
  it('takes the shape as varargs or one array; float64 by default', () => {
    expect(info(np.zeros(2, 3))).toEqual(['float64', [2, 3], [[0, 0, 0], [0, 0, 0]]]);
    expect(info(np.zeros([2, 3]))).toEqual(['float64', [2, 3], [[0, 0, 0], [0, 0, 0]]]);
    expect(info(np.ones(3))).toEqual(['float64', [3], [1, 1, 1]]);
    expect(info(np.zeros([]))).toEqual(['float64', [], 0]);
    expect(info(np.empty(0, 2))).toEqual(['float64', [0, 2], []]);
  });

  it('takes a trailing options object or dtype name', () => {
    expect(info(np.ones([2], { dtype: 'int8' }))).toEqual(['int8', [2], [1, 1]]);
    expect(info(np.ones(2, 'bool'))).toEqual(['bool', [2], [1, 1]]);
    expect(info(np.ones(2, 'f4'))).toEqual(['float32', [2], [1, 1]]);
    expect(info(np.ones(2, 'int64'))).toEqual(['int64', [2], [1n, 1n]]);
    expect(np.zeros(2, 3, { order: 'F' }).strides).toEqual([1, 2]);
    expect(np.zeros(2, 3).strides).toEqual([3, 1]);
    const z = np.zeros(2);
    expect([z.base, z.flags.ownsData, z.flags.writeable]).toEqual([null, true, true]);
  });

  it('throws NumPy messages for bad shapes, dtypes and orders', () => {
    expect(() => np.zeros(-1)).toThrow(new np.ValueError('negative dimensions are not allowed'));
    expect(() => np.ones([2, -1])).toThrow('negative dimensions are not allowed');
    expect(() => np.zeros(2, 'foo')).toThrow(new np.DTypeError("data type 'foo' not understood"));
    expect(() => np.zeros()).toThrow(new np.DTypeError("zeros() missing required argument 'shape' (pos 0)"));
    expect(() => np.zeros(2.5)).toThrow(new np.DTypeError("'float' object cannot be interpreted as an integer"));
    expect(() => np.zeros(2, { order: 'K' as 'C' })).toThrow(new np.ValueError("only 'C' or 'F' order is permitted"));
    expect(() => np.zeros(2, { order: 'X' as 'C' })).toThrow(new np.ValueError("order must be one of 'C', 'F', 'A', or 'K' (got 'X')"));
  });

  it('full takes the fill value dtype (int32 for integers) and broadcasts arrays', () => {
    expect(info(np.full([2, 2], 7))).toEqual(['int32', [2, 2], [[7, 7], [7, 7]]]);
    expect(info(np.full(2, 2.5))).toEqual(['float64', [2], [2.5, 2.5]]);
    expect(info(np.full(2, true))).toEqual(['bool', [2], [1, 1]]);
    expect(np.full(1, 2 ** 40).dtype).toBe('int64');
    expect(info(np.full(2, 2.5, 'int32'))).toEqual(['int32', [2], [2, 2]]);
    expect(info(np.full(3, -17.9, 'uint8'))).toEqual(['uint8', [3], [239, 239, 239]]);
    expect(info(np.full([2, 3], [1, 2, 3]))).toEqual(['int32', [2, 3], [[1, 2, 3], [1, 2, 3]]]);
    expect(() => np.full(3, 300, 'uint8')).toThrow(new np.OverflowError('Python integer 300 out of bounds for uint8'));
    expect(() => np.full(3, -1, { dtype: 'uint8' })).toThrow('Python integer -1 out of bounds for uint8');
    expect(() => np.full(3, [1, 2])).toThrow(new np.ValueError('could not broadcast input array from shape (2,) into shape (3,)'));
  });
});

describe('zerosLike, onesLike, emptyLike, fullLike', () => {
  it('copy the shape and dtype of the prototype', () => {
    expect(info(np.zerosLike([[1, 2]]))).toEqual(['int32', [1, 2], [[0, 0]]]);
    expect(info(np.onesLike(np.zeros(2, 'uint8')))).toEqual(['uint8', [2], [1, 1]]);
    expect(info(np.emptyLike(np.zeros(2, 3)))).toEqual(['float64', [2, 3], [[0, 0, 0], [0, 0, 0]]]);
    expect(info(np.fullLike(np.arange(3), 2.5))).toEqual(['int32', [3], [2, 2, 2]]);
    expect(info(np.fullLike([1, 2], 0.5, { dtype: 'float32' }))).toEqual(['float32', [2], [0.5, 0.5]]);
    expect(info(np.zerosLike([1, 2], { shape: [2, 2] }))).toEqual(['int32', [2, 2], [[0, 0], [0, 0]]]);
    expect(() => np.fullLike(np.zeros(3, 'uint8'), 300)).toThrow('Python integer 300 out of bounds for uint8');
  });

  it('keep the memory order of the prototype (order K)', () => {
    const f = fortran(2, 3);
    expect(np.zerosLike(f).strides).toEqual([1, 2]);
    expect(np.zerosLike(f, { order: 'C' }).strides).toEqual([3, 1]);
    expect(np.onesLike(f, { order: 'A' }).strides).toEqual([1, 2]);
    // a permuted 3-d layout keeps its axis order: NumPy's strides (16, 48, 4) / itemsize 4
    const p = np.transpose(np.zeros([2, 3, 4], 'int32'), [1, 0, 2]);
    expect(np.emptyLike(p).strides).toEqual([4, 12, 1]);
  });
});

describe('copy, ascontiguousarray, asfortranarray', () => {
  it('copy shares no memory and keeps the layout (order K) unless told', () => {
    const a = np.arange(6, { dtype: 'float64' });
    const c = np.copy(a);
    bump(c);
    expect(vals(a)).toEqual([0, 1, 2, 3, 4, 5]);
    expect([c.base, c.flags.ownsData]).toEqual([null, true]);
    const f = fortran(2, 3);
    expect(np.copy(f).strides).toEqual([1, 2]);
    expect(np.copy(f, { order: 'C' }).strides).toEqual([3, 1]);
    expect(vals(np.copy(f, { order: 'C' }))).toEqual(vals(f));
    expect(() => np.copy(f, { order: 'Z' as 'C' })).toThrow("order must be one of 'C', 'F', 'A', or 'K' (got 'Z')");
  });

  it('ascontiguousarray returns its input when it is already C-contiguous', () => {
    const a = np.zeros(2, 3);
    expect(np.ascontiguousarray(a)).toBe(a);
    const t = np.transpose(a);
    const c = np.ascontiguousarray(t);
    expect([c.flags.cContiguous, c.strides, c.data === a.data]).toEqual([true, [2, 1], false]);
    expect(np.ascontiguousarray(a, { dtype: 'float32' }).dtype).toBe('float32');
    expect(info(np.ascontiguousarray(5))).toEqual(['int32', [1], [5]]);
  });

  it('asfortranarray returns its input when it is already F-contiguous', () => {
    const f = fortran(2, 3);
    expect(np.asfortranarray(f)).toBe(f);
    const a = np.asfortranarray(np.zeros(2, 3));
    expect([a.flags.fContiguous, a.strides]).toEqual([true, [1, 2]]);
    expect(np.asfortranarray(np.zeros(3)).shape).toEqual([3]);
  });
});

describe('arange', () => {
  it('int32 for integers, float64 otherwise; NumPy values start + i * delta', () => {
    expect(info(np.arange(5))).toEqual(['int32', [5], [0, 1, 2, 3, 4]]);
    expect(info(np.arange(2, 5))).toEqual(['int32', [3], [2, 3, 4]]);
    expect(info(np.arange(10, 0, -3))).toEqual(['int32', [4], [10, 7, 4, 1]]);
    expect(info(np.arange(3.0 + 0.5))).toEqual(['float64', [4], [0, 1, 2, 3]]);
    expect(info(np.arange(0.1, 1, 0.2))).toEqual(['float64', [5], [0.1, 0.30000000000000004, 0.5000000000000001, 0.7000000000000001, 0.9000000000000001]]);
    expect(info(np.arange(0.1, 1, 0.2, 'float32'))).toEqual(['float32', [5], [0.1, 0.3, 0.50000006, 0.70000005, 0.9000001].map(Math.fround)]);
    expect(info(np.arange(10, 0))).toEqual(['int32', [0], []]);
    expect(info(np.arange(2 ** 31 - 2, 2 ** 31 + 1))).toEqual(['int64', [3], [2147483646n, 2147483647n, 2147483648n]]);
  });

  it('an integer dtype truncates the first two values (Python float -> int) and wraps', () => {
    expect(info(np.arange(0.5, 5, { dtype: 'int32' }))).toEqual(['int32', [5], [0, 1, 2, 3, 4]]);
    expect(info(np.arange(5, 0, -1.5, 'uint8'))).toEqual(['uint8', [4], [5, 3, 1, 255]]);
    expect(info(np.arange(0.5, 300.5, 100, 'int8'))).toEqual(['int8', [3], [0, 100, -56]]);
    expect(info(np.arange(2, { dtype: 'bool' }))).toEqual(['bool', [2], [0, 1]]);
    expect(() => np.arange(-3, 3, 0.7, 'uint8')).toThrow(new np.OverflowError('Python integer -3 out of bounds for uint8'));
    expect(() => np.arange(-17.9, 3, 'uint32')).toThrow('Python integer -17 out of bounds for uint32');
  });

  it('tiny quotients give length 1 or 0 by sign, as NumPy', () => {
    expect(vals(np.arange(1e-320, 1, 1e300))).toEqual([1e-320]);
    expect(np.arange(0, -1e-320, 1e300).shape).toEqual([0]);
  });

  it('throws NumPy messages', () => {
    expect(() => np.arange(0, 10, 0)).toThrow(new np.ValueError('division by zero'));
    expect(() => np.arange(0, 1, 0.5 - 0.5 + 0)).toThrow('division by zero');
    expect(() => np.arange(0, 1.5, 0)).toThrow('float division by zero');
    expect(() => np.arange(0, NaN)).toThrow(new np.ValueError('arange: cannot compute length'));
    expect(() => np.arange(0, Infinity)).toThrow(new np.ValueError('Maximum allowed size exceeded'));
    expect(() => np.arange(0, Infinity, -1)).toThrow('Maximum allowed size exceeded');
    expect(() => np.arange(5, { dtype: 'bool' })).toThrow(new np.DTypeError('arange() is only supported for booleans when the result has at most length 2.'));
    expect(() => np.arange()).toThrow(new np.DTypeError('arange() requires stop to be specified.'));
    expect(() => np.arange(1, 2, 3, 4)).toThrow(new np.DTypeError("Cannot interpret '4' as a data type"));
  });
});

describe('linspace, logspace', () => {
  it('NumPy samples: start + i * step, stop exact at the end', () => {
    expect(info(np.linspace(0, 1, 5))).toEqual(['float64', [5], [0, 0.25, 0.5, 0.75, 1]]);
    expect(vals(np.linspace(0, 1, 5, { endpoint: false }))).toEqual([0.0, 0.2, 0.4, 0.6000000000000001, 0.8]);
    expect(np.linspace(0, 1).shape).toEqual([50]);
    expect(np.linspace(0, 1, { num: 7 }).shape).toEqual([7]);
    expect(info(np.linspace(0, 1, 1))).toEqual(['float64', [1], [0]]);
    expect(info(np.linspace(0, 1, 0))).toEqual(['float64', [0], []]);
  });

  it('retstep returns [samples, step]; step is NaN with fewer than two intervals', () => {
    const [y, step] = np.linspace(0, 1, 4, { endpoint: false, retstep: true });
    expect([vals(y), step]).toEqual([[0, 0.25, 0.5, 0.75], 0.25]);
    const [, s1] = np.linspace(0, 1, 1, { retstep: true });
    expect(s1).toBeNaN();
    const [, s2] = np.linspace([0, 1], 2, 3, { retstep: true });
    expect(info(s2 as np.NDArray)).toEqual(['float64', [2], [1, 0.5]]);
  });

  it('array endpoints broadcast; axis places the samples; float32 stays float32', () => {
    expect(info(np.linspace([0, 1], 5, 3, { axis: -1 }))).toEqual(['float64', [2, 3], [[0, 2.5, 5], [1, 3, 5]]]);
    expect(info(np.linspace([0, 1], 5, 3))).toEqual(['float64', [3, 2], [[0, 1], [2.5, 3], [5, 5]]]);
    expect(np.linspace(np.array(new Float32Array([0, 1])), 2, 3).dtype).toBe('float32');
    expect(info(np.linspace(-1, 1, 5, { dtype: 'int32' }))).toEqual(['int32', [5], [-1, -1, 0, 0, 1]]);
  });

  it('throws NumPy messages', () => {
    expect(() => np.linspace(0, 1, -1)).toThrow(new np.ValueError('Number of samples, -1, must be non-negative.'));
    expect(() => np.linspace(0, 1, 2.5)).toThrow(new np.DTypeError("'float' object cannot be interpreted as an integer"));
    expect(() => np.linspace(0, 1, 5, { dtype: 'foo' })).toThrow("data type 'foo' not understood");
    expect(() => np.linspace([0, 1], [1, 2, 3], 2)).toThrow('operands could not be broadcast together with shapes (3,) (2,)');
  });

  it('logspace is base ** linspace', () => {
    expect(info(np.logspace(0, 2, 3))).toEqual(['float64', [3], [1, 10, 100]]);
    expect(vals(np.logspace(0, 3, 4, { base: 2 }))).toEqual([1, 2, 4, 8]);
    expect(info(np.logspace(0, 1, 2, { base: [2, 3], axis: -1 }))).toEqual(['float64', [2, 2], [[1, 2], [1, 3]]]);
    expect(np.logspace(0, 1, 3, { dtype: 'float32' }).dtype).toBe('float32');
  });
});

describe('eye, identity, diag', () => {
  it('eye: N x M with ones on the k-th diagonal', () => {
    expect(info(np.eye(2))).toEqual(['float64', [2, 2], [[1, 0], [0, 1]]]);
    expect(info(np.eye(2, 3, 1, { dtype: 'int32' }))).toEqual(['int32', [2, 3], [[0, 1, 0], [0, 0, 1]]]);
    expect(vals(np.eye(3, { k: -1 }))).toEqual([[0, 0, 0], [1, 0, 0], [0, 1, 0]]);
    expect(vals(np.eye(3, 2, 5))).toEqual([[0, 0], [0, 0], [0, 0]]);
    expect(info(np.eye(2, 'bool'))).toEqual(['bool', [2, 2], [[1, 0], [0, 1]]]);
    expect(np.eye(2, 3, 0, { order: 'F' }).strides).toEqual([1, 2]);
    expect(np.eye(0).shape).toEqual([0, 0]);
    expect(() => np.eye(-1)).toThrow('negative dimensions are not allowed');
    expect(() => np.eye(3, -1)).toThrow('negative dimensions are not allowed');
    expect(() => np.eye(3, null, 1.5)).toThrow("'float' object cannot be interpreted as an integer");
  });

  it('identity', () => {
    expect(info(np.identity(2, { dtype: 'int8' }))).toEqual(['int8', [2, 2], [[1, 0], [0, 1]]]);
    expect(() => np.identity(-1)).toThrow('negative dimensions are not allowed');
  });

  it('diag of 1-d builds a matrix; of 2-d is a read-only view of the diagonal', () => {
    expect(info(np.diag([1, 2], -1))).toEqual(['int32', [3, 3], [[0, 0, 0], [1, 0, 0], [0, 2, 0]]]);
    expect((vals(np.diag([1, 2], 5)) as number[][])[0]).toEqual([0, 0, 0, 0, 0, 1, 0]);
    const m = np.reshape(np.arange(6), [2, 3]);
    const d = np.diag(m, 1);
    expect(info(d)).toEqual(['int32', [2], [1, 5]]);
    expect([d.base === m.base || d.base === m, d.flags.writeable, d.data === m.data]).toEqual([true, false, true]);
    bump(m);
    expect(vals(d)).toEqual([2, 6]);
    expect(() => bump(d)).toThrow(new np.ValueError('output array is read-only'));
    expect(vals(np.diag(m, -1))).toEqual([4]);
    expect(np.diag(m, 5).shape).toEqual([0]);
    expect(() => np.diag(5)).toThrow(new np.ValueError('Input must be 1- or 2-d.'));
    expect(() => np.diag(np.zeros(2, 2, 2))).toThrow('Input must be 1- or 2-d.');
  });
});

describe('meshgrid, fromFunction', () => {
  it('meshgrid: xy swaps the first two axes, ij does not', () => {
    const [X, Y] = np.meshgrid([1, 2, 3], [4, 5]);
    expect(info(X!)).toEqual(['int32', [2, 3], [[1, 2, 3], [1, 2, 3]]]);
    expect(info(Y!)).toEqual(['int32', [2, 3], [[4, 4, 4], [5, 5, 5]]]);
    const [I, J] = np.meshgrid([1, 2, 3], [4, 5], { indexing: 'ij' });
    expect([I!.shape, J!.shape]).toEqual([[3, 2], [3, 2]]);
    const sparse = np.meshgrid([1, 2, 3], [4, 5], [6], { sparse: true });
    expect(sparse.map((a) => a.shape)).toEqual([[1, 3, 1], [2, 1, 1], [1, 1, 1]]);
    expect(np.meshgrid()).toEqual([]);
  });

  it('meshgrid: copies by default, read-only broadcast views with copy false', () => {
    const x = np.arange(3);
    const [X] = np.meshgrid(x, [1, 2]);
    expect([X!.data === x.data, X!.flags.writeable]).toEqual([false, true]);
    const [V] = np.meshgrid(x, [1, 2], { copy: false });
    expect([V!.data === x.data, V!.flags.writeable, V!.strides]).toEqual([true, false, [0, 1]]);
    expect(() => np.meshgrid(x, { indexing: 'foo' as 'xy' })).toThrow(new np.ValueError("Valid values for `indexing` are 'xy' and 'ij'."));
  });

  it('fromFunction calls the function once with index arrays (float64 by default)', () => {
    let calls = 0;
    const r = np.fromFunction((i, j) => {
      calls++;
      return np.add(np.multiply(i, 10), j);
    }, [2, 3]);
    expect([calls, ...info(r)]).toEqual([1, 'float64', [2, 3], [[0, 1, 2], [10, 11, 12]]]);
    const [i] = np.fromFunction((...ix) => ix, [2], { dtype: 'int32' });
    expect(info(i!)).toEqual(['int32', [2], [0, 1]]);
  });
});

/**
 * Examples, edge cases and every error message of the products (dot, vdot, inner, outer,
 * matmul, tensordot, trace, kron). Expected values are closed forms written out here;
 * error messages are NumPy 2's (and, where python3 with NumPy is present, checked against
 * it again).
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { toPlain } from '../../../test/reference/plain.js';
import { hasNumpy, oracle } from '../../../test/oracle/numpy.js';

/** An array of `shape` filled by `f(flat index)`, as a contiguous array of `dtype`. */
function filled(shape: number[], dtype: np.DType, f: (i: number) => number | bigint = () => 1): np.NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new np.DTYPES[dtype].ctor(n) as unknown as { [i: number]: number | bigint };
  for (let i = 0; i < n; i++) data[i] = f(i);
  return np.reshape(np.asarray(data as unknown as np.TypedArray, { dtype }), shape);
}
const ones = (shape: number[], dtype: np.DType = 'float64'): np.NDArray => filled(shape, dtype);
const arange = (shape: number[], dtype: np.DType = 'float64'): np.NDArray =>
  filled(shape, dtype, (i) => (np.DTYPES[dtype].bigint ? BigInt(i) : i));
const values = (a: np.NDArray): (number | bigint)[] => toPlain(a).values;

describe('dot', () => {
  it('matrix times matrix, vector, and vector times vector', () => {
    const a = np.array([[1, 2], [3, 4]]);
    const r = np.dot(a, [[5, 6], [7, 8]]);
    expect(r.dtype).toBe('int32');
    expect(r.shape).toEqual([2, 2]);
    expect(values(r)).toEqual([19, 22, 43, 50]);
    expect(values(np.dot(a, [1, 1]))).toEqual([3, 7]);
    expect(values(np.dot([1, 1], a))).toEqual([4, 6]);
    const v = np.dot([1, 2, 3], [4, 5, 6]);
    expect(v.shape).toEqual([]); // a 0-d array where NumPy gives a scalar
    expect(values(v)).toEqual([32]);
  });

  it('n-d times m-d sums the last axis of a with the second-to-last of b', () => {
    const a = arange([2, 3, 4]);
    const b = arange([5, 4, 6]);
    const r = np.dot(a, b);
    expect(r.shape).toEqual([2, 3, 5, 6]);
    // r[i, j, k, l] = sum_p a[i, j, p] * b[k, p, l]
    const av = values(a) as number[];
    const bv = values(b) as number[];
    const expected: number[] = [];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 5; k++) for (let l = 0; l < 6; l++) {
      let s = 0;
      for (let p = 0; p < 4; p++) s += av[i * 12 + j * 4 + p]! * bv[k * 24 + p * 6 + l]!;
      expected.push(s);
    }
    expect(values(r)).toEqual(expected);
    expect(np.dot(a, ones([4])).shape).toEqual([2, 3]);
  });

  it('a 0-d operand multiplies element-wise, keeping dtype promotion', () => {
    const r = np.dot(np.asarray(new Int8Array([1, 2, 3])), np.reshape(np.asarray(new Int16Array([2])), []));
    expect(r.dtype).toBe('int16');
    expect(values(r)).toEqual([2, 4, 6]);
    // JS numbers convert as asarray does: int32 (NumPy's default int64 would give int64)
    expect(np.dot(np.asarray(new Int8Array([1, 2])), 3).dtype).toBe('int32');
    expect(np.dot(np.asarray(new Float32Array([1, 2])), 2.5).dtype).toBe('float64');
  });

  it('the sign of a zero follows NumPy: a single product keeps -0, sums start from +0', () => {
    const neg = np.asarray(new Float64Array([-0]));
    expect(Object.is(values(np.dot(neg, [1.5]))[0], -0)).toBe(true);
    expect(Object.is(values(np.dot(np.asarray(new Float64Array([-0, -0])), np.asarray(new Float64Array([1, 1]))))[0], 0)).toBe(true);
    expect(Object.is(values(np.matmul(neg, np.asarray(new Float64Array([1]))))[0], 0)).toBe(true);
  });

  it('integers wrap as NumPy (int8, uint32, int64)', () => {
    const i8 = np.asarray(new Int8Array([100, 100]));
    const r8 = np.dot(i8, np.asarray(new Int8Array([2, 2])));
    expect(values(r8)).toEqual([Number(BigInt.asIntN(8, 400n))]);
    const u32 = np.asarray(new Uint32Array([4000000000, 4000000000]));
    const r32 = np.dot(u32, np.asarray(new Uint32Array([3, 3])));
    expect(r32.dtype).toBe('uint32');
    expect(values(r32)).toEqual([Number(BigInt.asUintN(32, 24000000000n))]);
    const i64 = np.asarray(new BigInt64Array([2n ** 62n, 2n ** 62n]));
    expect(values(np.dot(i64, np.asarray(new BigInt64Array([4n, 1n]))))).toEqual([BigInt.asIntN(64, 5n * 2n ** 62n)]);
    // uint32 with int32 promotes to int64 (bigint arithmetic, exact)
    const mixed = np.dot(u32, np.asarray(new Int32Array([3, 3])));
    expect(mixed.dtype).toBe('int64');
    expect(values(mixed)).toEqual([24000000000n]);
  });

  it('bool products are or-of-ands and stay bool', () => {
    const a = np.array([[true, false], [false, false]]);
    const r = np.dot(a, np.array([[false, true], [true, true]]));
    expect(r.dtype).toBe('bool');
    expect(values(r)).toEqual([0, 1, 0, 0]);
  });

  it('out must be C-contiguous with the exact dtype and shape', () => {
    const out = np.asarray(new Float64Array(2));
    const r = np.dot(ones([2, 3]), ones([3]), { out });
    expect(r).toBe(out);
    expect(values(out)).toEqual([3, 3]);
  });

  it('empty axes give zeros', () => {
    const r = np.dot(ones([2, 0]), ones([0, 3]));
    expect(r.shape).toEqual([2, 3]);
    expect(values(r)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(np.dot(ones([0, 4]), ones([4, 3])).shape).toEqual([0, 3]);
  });
});

describe('matmul', () => {
  it('broadcasts batch axes and promotes 1-d operands', () => {
    expect(np.matmul(ones([5, 2, 3]), ones([3, 4])).shape).toEqual([5, 2, 4]);
    expect(np.matmul(ones([4, 1, 2, 3]), ones([5, 3, 7])).shape).toEqual([4, 5, 2, 7]);
    expect(np.matmul(ones([2, 4, 2, 3]), ones([3])).shape).toEqual([2, 4, 2]);
    expect(np.matmul(ones([3]), ones([2, 4, 3, 2])).shape).toEqual([2, 4, 2]);
    expect(np.matmul(ones([3]), ones([3])).shape).toEqual([]);
    expect(values(np.matmul(np.array([[1, 2], [3, 4]]), [1, 1]))).toEqual([3, 7]);
  });

  it('per batch, each product is its own', () => {
    const a = arange([2, 2, 2]);
    const b = arange([2, 2, 2]);
    // batch 0: [[0,1],[2,3]]^2 = [[2,3],[6,11]]; batch 1: [[4,5],[6,7]]^2 = [[46,55],[66,79]]
    expect(values(np.matmul(a, b))).toEqual([2, 3, 6, 11, 46, 55, 66, 79]);
  });

  it('transposed, reversed and broadcast inputs need no copy to be right', () => {
    const a = arange([3, 4]);
    const t = np.transpose(a);
    const r = np.matmul(a, t);
    // (a a^T)[i, j] = sum_p (4i + p)(4j + p)
    const expected: number[] = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let p = 0; p < 4; p++) s += (4 * i + p) * (4 * j + p);
      expected.push(s);
    }
    expect(values(r)).toEqual(expected);
    const row = np.broadcastTo(np.asarray(new Float64Array([1, 2, 3, 4])), [3, 4]);
    expect(values(np.matmul(row, ones([4, 1])))).toEqual([10, 10, 10]);
  });

  it('dtype and out options', () => {
    const r = np.matmul(ones([2, 3], 'int32'), ones([3, 2], 'int32'), { dtype: 'float32' });
    expect(r.dtype).toBe('float32');
    expect(values(r)).toEqual([3, 3, 3, 3]);
    const out = np.reshape(np.asarray(new Float64Array(12)), [3, 2, 2]);
    // out's leading axes may extend the batch: the result broadcasts into it
    expect(np.matmul(ones([2, 3]), ones([3, 2]), { out })).toBe(out);
    expect(values(out)).toEqual(new Array(12).fill(3));
  });

  it('float32 accumulates in float64 and rounds once', () => {
    // 1 + 2^-24 * 2: float32 accumulation would lose both halves, float64 keeps them
    const a = np.asarray(new Float32Array([1, 2 ** -24, 2 ** -24]));
    const r = np.matmul(a, np.asarray(new Float32Array([1, 1, 1])));
    expect(r.dtype).toBe('float32');
    expect(values(r)).toEqual([Math.fround(1 + 2 ** -23)]);
  });

  it('K = 0 gives zeros; a 0-length batch gives an empty result', () => {
    expect(values(np.matmul(ones([2, 0]), ones([0, 3])))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(np.matmul(ones([0, 2, 3]), ones([3, 4])).shape).toEqual([0, 2, 4]);
  });

  it('does not modify its inputs', () => {
    const a = arange([3, 3]);
    const before = values(a);
    np.matmul(a, a, { out: ones([3, 3]) });
    expect(values(a)).toEqual(before);
  });
});

describe('vdot, inner, outer', () => {
  it('vdot flattens and returns a JS scalar', () => {
    expect(np.vdot([[1, 2], [3, 4]], [1, 1, 1, 1])).toBe(10);
    expect(np.vdot(np.array([true, false]), np.array([true, true]))).toBe(true);
    expect(np.vdot(np.asarray(new BigInt64Array([3n])), np.asarray(new BigInt64Array([4n])))).toBe(12n);
    expect(np.vdot(np.asarray(new Int8Array([100, 100])), np.asarray(new Int8Array([2, 2])))).toBe(-112);
  });

  it('inner sums over the last axes of both', () => {
    const r = np.inner(arange([2, 3]), arange([4, 3]));
    expect(r.shape).toEqual([2, 4]);
    // r[i, j] = sum_p (3i + p)(3j + p)
    const expected: number[] = [];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 4; j++) expected.push([0, 1, 2].reduce((s, p) => s + (3 * i + p) * (3 * j + p), 0));
    expect(values(r)).toEqual(expected);
    expect(np.inner(ones([2, 3, 4]), ones([5, 6, 4])).shape).toEqual([2, 3, 5, 6]);
  });

  it('outer flattens both operands', () => {
    const r = np.outer([[1, 2]], [3, 4, 5]);
    expect(r.shape).toEqual([2, 3]);
    expect(values(r)).toEqual([3, 4, 5, 6, 8, 10]);
    expect(np.outer(ones([2, 0]), ones([3, 2])).shape).toEqual([0, 6]);
    const out = np.reshape(np.asarray(new Float64Array(4)), [2, 2]);
    expect(np.outer([1, 2], [3, 4], { out })).toBe(out);
    expect(values(out)).toEqual([3, 4, 6, 8]);
  });
});

describe('tensordot', () => {
  it('axes as a count, as lists, as negative axes', () => {
    expect(np.tensordot(ones([2, 3, 4]), ones([3, 4, 5])).shape).toEqual([2, 5]);
    expect(values(np.tensordot(ones([2, 3, 4]), ones([3, 4, 5])))).toEqual(new Array(10).fill(12));
    expect(np.tensordot(ones([2, 3, 4]), ones([3, 4, 5]), 0).shape).toEqual([2, 3, 4, 3, 4, 5]);
    expect(np.tensordot(ones([2, 3, 4]), ones([3, 4, 5]), [[1, -1], [0, -2]]).shape).toEqual([2, 5]);
    expect(np.tensordot(ones([2, 3, 4]), ones([3, 4, 5]), [2, 1]).shape).toEqual([2, 3, 3, 5]);
    const r = np.tensordot(np.array([[1, 2, 3], [4, 5, 6]]), np.array([[1, 2], [3, 4], [5, 6]]), [[0, 1], [1, 0]]);
    expect(r.shape).toEqual([]);
    expect(values(r)).toEqual([1 * 1 + 2 * 3 + 3 * 5 + 4 * 2 + 5 * 4 + 6 * 6]);
  });
});

describe('trace', () => {
  it('2-d gives a JS scalar; offsets above and below; n-d gives an array', () => {
    const a = arange([3, 4], 'int32');
    expect(np.trace(a)).toBe(0 + 5 + 10);
    expect(np.trace(a, 1)).toBe(1 + 6 + 11);
    expect(np.trace(a, { offset: -1 })).toBe(4 + 9);
    expect(np.trace(a, 10)).toBe(0);
    const b = arange([2, 3, 4]);
    const r = np.trace(b, { axis1: 1, axis2: 2 }) as np.NDArray;
    expect(values(r)).toEqual([0 + 5 + 10, 12 + 17 + 22]);
    const s = np.trace(b, { axis1: -1, axis2: 0 }) as np.NDArray;
    expect(s.shape).toEqual([3]);
    // s[j] = b[0, j, 0] + b[1, j, 1]
    expect(values(s)).toEqual([0 + 13, 4 + 17, 8 + 21]);
  });

  it('positional offset with options, and out', () => {
    const a = arange([2, 3, 3]);
    // per i: a[i, j, j + 1] for j = 0, 1 = (9i + 1) + (9i + 5)
    expect(values(np.trace(a, 1, { axis1: 1, axis2: 2 }) as np.NDArray)).toEqual([6, 24]);
    const out = np.asarray(new Float32Array(2));
    expect(np.trace(a, { axis1: 1, axis2: 2, out })).toBe(out);
    expect(values(out)).toEqual([0 + 4 + 8, 9 * 3 + 12]);
  });

  it('accumulates as np.sum: int8 in int32, uint8 in uint32, dtype option', () => {
    const i8 = filled([2, 2], 'int8', () => 100);
    expect(np.trace(i8)).toBe(200);
    expect((np.trace(filled([2, 2, 2], 'uint8', () => 200), { axis1: 1, axis2: 2 }) as np.NDArray).dtype).toBe('uint32');
    expect(np.trace(i8, { dtype: 'int8' })).toBe(-56);
    expect(np.trace(np.reshape(np.asarray(new BigInt64Array([2n ** 62n, 0n, 0n, 2n ** 62n])), [2, 2]))).toBe(-(2n ** 63n));
  });
});

describe('kron', () => {
  it('blocks of a[i] * b, shapes aligned by leading ones', () => {
    expect(values(np.kron([1, 10], [1, 2, 3]))).toEqual([1, 2, 3, 10, 20, 30]);
    const r = np.kron(np.array([[1, 2], [3, 4]]), np.array([[0, 1], [1, 0]]));
    expect(r.shape).toEqual([4, 4]);
    expect(values(r)).toEqual([0, 1, 0, 2, 1, 0, 2, 0, 0, 3, 0, 4, 3, 0, 4, 0]);
    expect(np.kron(ones([2, 3], 'int8'), ones([3, 4, 5], 'bool')).shape).toEqual([3, 8, 15]);
    expect(np.kron(ones([2, 3], 'int8'), ones([3, 4, 5], 'bool')).dtype).toBe('int8');
    expect(np.kron(2, 3).shape).toEqual([]);
  });
});

/** Error cases: the numbat call, the same call in NumPy, and NumPy's class and message. */
const ERRORS: { name: string; js: () => unknown; py: string; cls: new (...a: never[]) => Error; msg: string }[] = [
  {
    name: 'matmul of a 0-d first operand',
    js: () => np.matmul(3, ones([3])),
    py: 'np.matmul(3, np.ones(3))',
    cls: np.ValueError,
    msg: 'matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)',
  },
  {
    name: 'matmul of a 0-d second operand',
    js: () => np.matmul(ones([2, 3]), 2),
    py: 'np.matmul(np.ones((2, 3)), 2)',
    cls: np.ValueError,
    msg: 'matmul: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)',
  },
  {
    name: 'matmul core mismatch',
    js: () => np.matmul(ones([2, 2]), ones([3, 2])),
    py: 'np.matmul(np.ones((2, 2)), np.ones((3, 2)))',
    cls: np.ValueError,
    msg: 'matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 3 is different from 2)',
  },
  {
    name: 'matmul batch axes that do not broadcast',
    js: () => np.matmul(ones([2, 2, 3]), ones([3, 3, 2])),
    py: 'np.matmul(np.ones((2, 2, 3)), np.ones((3, 3, 2)))',
    cls: np.ValueError,
    msg: 'operands could not be broadcast together with remapped shapes [original->remapped]: (2,2,3)->(2,newaxis,newaxis) (3,3,2)->(3,newaxis,newaxis)  and requested shape (2,2)',
  },
  {
    name: 'matmul dtype the inputs cannot cast to',
    js: () => np.matmul(ones([2, 3]), ones([3, 2]), { dtype: 'int32' }),
    py: 'np.matmul(np.ones((2, 3)), np.ones((3, 2)), dtype=np.int32)',
    cls: np.DTypeError,
    msg: "Cannot cast ufunc 'matmul' input 0 from dtype('float64') to dtype('int32') with casting rule 'same_kind'",
  },
  {
    name: 'matmul out of a dtype the result cannot cast to',
    js: () => np.matmul(ones([2, 3]), ones([3, 2]), { out: ones([2, 2], 'int32') }),
    py: 'np.matmul(np.ones((2, 3)), np.ones((3, 2)), out=np.ones((2, 2), np.int32))',
    cls: np.DTypeError,
    msg: "Cannot cast ufunc 'matmul' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'",
  },
  {
    name: 'matmul out with a wrong core axis',
    js: () => np.matmul(ones([4, 3]), ones([3, 2]), { out: ones([4, 3]) }),
    py: 'np.matmul(np.ones((4, 3)), np.ones((3, 2)), out=np.ones((4, 3)))',
    cls: np.ValueError,
    msg: 'matmul: Output operand 0 has a mismatch in its core dimension 1, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 3 is different from 2)',
  },
  {
    name: 'matmul out without the batch axes',
    js: () => np.matmul(ones([5, 4, 3]), ones([3, 2]), { out: ones([4, 2]) }),
    py: 'np.matmul(np.ones((5, 4, 3)), np.ones((3, 2)), out=np.ones((4, 2)))',
    cls: np.ValueError,
    msg: 'output operand requires a reduction along dimension -1, but the reduction is not enabled. The dimension size of 1 does not match the expected output shape.',
  },
  {
    name: 'matmul out whose batch axes do not broadcast',
    js: () => np.matmul(ones([5, 4, 3]), ones([3, 2]), { out: ones([6, 4, 2]) }),
    py: 'np.matmul(np.ones((5, 4, 3)), np.ones((3, 2)), out=np.ones((6, 4, 2)))',
    cls: np.ValueError,
    msg: 'operands could not be broadcast together with remapped shapes [original->remapped]: (5,4,3)->(5,newaxis,newaxis) (3,2)->() (6,4,2)->(6,4,2)  and requested shape (4,2)',
  },
  {
    name: 'matmul out with a length-1 batch axis',
    js: () => np.matmul(ones([7, 4, 3]), ones([5, 1, 3, 2]), { out: ones([5, 1, 4, 2]) }),
    py: 'np.matmul(np.ones((7, 4, 3)), np.ones((5, 1, 3, 2)), out=np.ones((5, 1, 4, 2)))',
    cls: np.ValueError,
    msg: "non-broadcastable output operand with shape (5,1,4,2) [remapped to (2,4,1,5)] doesn't match the broadcast shape (5,7,4,2)",
  },
  {
    name: 'dot of misaligned matrices',
    js: () => np.dot(ones([2, 3]), ones([2, 3])),
    py: 'np.dot(np.ones((2, 3)), np.ones((2, 3)))',
    cls: np.ValueError,
    msg: 'shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)',
  },
  {
    name: 'dot of misaligned n-d operands',
    js: () => np.dot(ones([4]), ones([2, 5, 3])),
    py: 'np.dot(np.ones(4), np.ones((2, 5, 3)))',
    cls: np.ValueError,
    msg: 'shapes (4,) and (2,5,3) not aligned: 4 (dim 0) != 5 (dim 1)',
  },
  {
    name: 'dot out of the wrong dtype',
    js: () => np.dot(ones([2, 3]), ones([3]), { out: ones([2], 'int32') }),
    py: 'np.dot(np.ones((2, 3)), np.ones(3), out=np.ones(2, np.int32))',
    cls: np.ValueError,
    msg: 'output array is not acceptable (must have the right datatype, number of dimensions, and be a C-Array)',
  },
  {
    name: 'dot out of the wrong shape',
    js: () => np.dot(ones([2, 3]), ones([3]), { out: ones([3]) }),
    py: 'np.dot(np.ones((2, 3)), np.ones(3), out=np.ones(3))',
    cls: np.ValueError,
    msg: 'output array has wrong dimensions',
  },
  {
    name: 'inner of misaligned operands (b shown with its last axes swapped)',
    js: () => np.inner(ones([2, 4]), ones([5, 6, 3])),
    py: 'np.inner(np.ones((2, 4)), np.ones((5, 6, 3)))',
    cls: np.ValueError,
    msg: 'shapes (2,4) and (5,3,6) not aligned: 4 (dim 1) != 3 (dim 1)',
  },
  {
    name: 'vdot of different sizes',
    js: () => np.vdot(ones([2, 3]), ones([5])),
    py: 'np.vdot(np.ones((2, 3)), np.ones(5))',
    cls: np.ValueError,
    msg: 'cannot reshape array of size 5 into shape (6,)',
  },
  {
    name: 'tensordot of mismatched axes',
    js: () => np.tensordot(ones([2, 3, 4]), ones([4, 4, 5])),
    py: 'np.tensordot(np.ones((2, 3, 4)), np.ones((4, 4, 5)))',
    cls: np.ValueError,
    msg: 'shape-mismatch for sum',
  },
  {
    name: 'tensordot with duplicate axes',
    js: () => np.tensordot(ones([2, 3, 4]), ones([3, 4, 5]), [[1, 1], [0, 0]]),
    py: 'np.tensordot(np.ones((2, 3, 4)), np.ones((3, 4, 5)), ([1, 1], [0, 0]))',
    cls: np.ValueError,
    msg: 'duplicate axes are not allowed in tensordot',
  },
  {
    name: 'tensordot with an axis out of range',
    js: () => np.tensordot(ones([2, 3, 4]), ones([3, 4, 5]), [[1, 5], [0, 1]]),
    py: 'np.tensordot(np.ones((2, 3, 4)), np.ones((3, 4, 5)), ([1, 5], [0, 1]))',
    cls: np.IndexError,
    msg: 'tuple index out of range',
  },
  {
    name: 'tensordot with a fractional count',
    js: () => np.tensordot(ones([3, 3]), ones([3, 3]), 2.5),
    py: 'np.tensordot(np.ones((3, 3)), np.ones((3, 3)), 2.5)',
    cls: np.DTypeError,
    msg: "'float' object cannot be interpreted as an integer",
  },
  {
    name: 'trace of a 1-d array',
    js: () => np.trace(ones([3])),
    py: 'np.trace(np.ones(3))',
    cls: np.ValueError,
    msg: 'diag requires an array of at least two dimensions',
  },
  {
    name: 'trace over one axis twice',
    js: () => np.trace(ones([3, 3]), { axis1: 1, axis2: -1 }),
    py: 'np.trace(np.ones((3, 3)), axis1=1, axis2=-1)',
    cls: np.ValueError,
    msg: 'axis1 and axis2 cannot be the same',
  },
  {
    name: 'trace axis1 out of range',
    js: () => np.trace(ones([3, 3]), { axis1: 5 }),
    py: 'np.trace(np.ones((3, 3)), axis1=5)',
    cls: np.AxisError,
    msg: 'axis1: axis 5 is out of bounds for array of dimension 2',
  },
  {
    name: 'trace axis2 out of range',
    js: () => np.trace(ones([3, 3]), { axis1: 0, axis2: 2 }),
    py: 'np.trace(np.ones((3, 3)), axis1=0, axis2=2)',
    cls: np.AxisError,
    msg: 'axis2: axis 2 is out of bounds for array of dimension 2',
  },
  {
    name: 'trace with a fractional offset',
    js: () => np.trace(ones([3, 3]), 1.5),
    py: 'np.trace(np.ones((3, 3)), 1.5)',
    cls: np.DTypeError,
    msg: 'integer argument expected, got float',
  },
];

describe('errors', () => {
  for (const e of ERRORS) {
    it(e.name, () => {
      expect(e.js).toThrow(e.cls);
      expect(e.js).toThrow(e.msg);
      try {
        e.js();
      } catch (err) {
        expect((err as Error).message).toBe(e.msg);
      }
    });
  }

  it.runIf(hasNumpy)('the messages are NumPy 2\'s', async () => {
    const py = await oracle();
    const answers = await py.run(ERRORS.map((e) => ({ code: e.py })));
    const got = answers.map((a) => (a.ok ? 'no error' : a.message));
    expect(got).toEqual(ERRORS.map((e) => e.msg));
  });
});

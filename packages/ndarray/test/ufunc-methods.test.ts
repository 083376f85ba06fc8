/**
 * The ufunc methods (`np.add.reduce`, `.accumulate`, `.reduceat`, `.outer`, `.at`) on
 * examples, edge cases and every error message. Expected values and messages are NumPy
 * 2.4's (written out from a NumPy session), with numbat's documented int32 accumulators.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { UFUNCS } from '../src/ufunc/index.js';
import { expectThrows, expectValues, fingerprint } from '../../../test/helpers.js';
import { refPairwiseSum32 } from '../../../test/reference/ufunc-methods.js';

const f64 = (x: number[] | number[][]): np.NDArray => np.array(x, { dtype: 'float64' });
const i32 = (x: number[] | number[][]): np.NDArray => np.array(x, { dtype: 'int32' });

function readOnly(shape: number[], dtype: np.DType = 'float64'): np.NDArray {
  return np.broadcastTo(np.zeros(shape.slice(1), dtype), shape);
}

describe('every ufunc carries its methods', () => {
  it('binary ufuncs have reduce, accumulate, reduceat, outer and at; unary ones at', () => {
    for (const [name, u] of Object.entries(UFUNCS)) {
      if (typeof u !== 'function') continue;
      const methods = u.nin === 2 ? ['reduce', 'accumulate', 'reduceat', 'outer', 'at'] : ['at'];
      for (const m of methods) expect(typeof (u as unknown as Record<string, unknown>)[m], `${name}.${m}`).toBe('function');
      if (u.nin === 1) expect((u as unknown as Record<string, unknown>).reduce).toBeUndefined();
    }
  });

  it('np.reduce and np.accumulate are the same mechanism as the methods', () => {
    const a = f64([[1, 2], [3, 4]]);
    expect(np.reduce(np.add, a, { axis: 1 }).tolist()).toEqual(np.add.reduce(a, 1).tolist());
    expect(np.accumulate(np.multiply, a, { axis: 1 }).tolist()).toEqual(np.multiply.accumulate(a, 1).tolist());
  });
});

describe('ufunc.reduce', () => {
  it('reduces axis 0 by default, the axis positionally or in the options', () => {
    const a = i32([[1, 2], [3, 4]]);
    expectValues(np.add.reduce(a), 'int32', [4, 6], [2]);
    expectValues(np.add.reduce(a, 1, { keepdims: true }), 'int32', [3, 7], [2, 1]);
    expectValues(np.add.reduce(a, { axis: 1, keepdims: true }), 'int32', [3, 7], [2, 1]);
    expectValues(np.add.reduce(a, null, { initial: 10 }), 'int32', [20], []);
    expectValues(np.maximum.reduce(a, [0, 1]), 'int32', [4], []);
    expectThrows(() => np.add.reduce(a, 0, { axis: 1 }), np.DTypeError, "reduce() got multiple values for argument 'axis'");
  });

  it('initial: null uses no identity (the first element seeds), as initial=None', () => {
    expect(Object.is(np.add.reduce(f64([-0, -0])).item(), 0)).toBe(true);
    expect(Object.is(np.add.reduce(f64([-0, -0]), 0, { initial: null }).item(), -0)).toBe(true);
    expectValues(np.multiply.reduce(f64([[1, 2, 3], [4, 5, 6]]), [0, 1], { initial: null }), 'float64', [720], []);
    expectThrows(() => np.add.reduce(np.zeros([0]), 0, { initial: null }), np.ValueError, 'zero-size array to reduction operation add which has no identity');
    expectValues(np.subtract.reduce(f64([1, 1, 1]), 0, { initial: 10 }), 'float64', [7], []);
  });

  it('dtype names the loop; out takes part in the loop search (int32 into float64 adds exactly)', () => {
    expectValues(np.add.reduce(np.array([100, 100], { dtype: 'int8' }), 0, { dtype: 'int8' }), 'int8', [-56], []);
    const out = np.zeros([], 'float64');
    expect(np.add.reduce(i32([2147483647, 5]), 0, { out }) === out).toBe(true);
    expectValues(out, 'float64', [2147483652], []);
    const b = np.zeros([], 'bool');
    np.add.reduce(np.array([true, false]), 0, { out: b });
    expectValues(b, 'bool', [1], []);
  });

  it('0-d input takes axis 0 or -1 as no axis', () => {
    expectValues(np.add.reduce(np.array(5)), 'int32', [5], []);
    expectValues(np.add.reduce(np.array(5), -1), 'int32', [5], []);
    expectThrows(() => np.add.reduce(np.array(5), 1), np.AxisError, 'axis 1 is out of bounds for array of dimension 0');
  });

  it('refuses with NumPy messages', () => {
    expectThrows(() => np.subtract.reduce(np.ones([2, 3]), null), np.ValueError, "reduction operation 'subtract' is not reorderable, so at most one axis may be specified");
    expectThrows(() => np.subtract.reduce(np.array([true, false])), np.DTypeError, 'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.');
    expectThrows(
      () => np.bitwiseAnd.reduce(f64([1.5])),
      np.DTypeError,
      "ufunc 'bitwise_and' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
    );
    expectThrows(() => np.equal.reduce(i32([1, 1])), np.DTypeError, 'No loop matching the specified signature and casting was found for ufunc equal');
    expectThrows(() => np.bitwiseAnd.reduce(i32([1]), 0, { dtype: 'float64' }), np.DTypeError, 'No loop matching the specified signature and casting was found for ufunc bitwise_and');
    expectThrows(() => np.hypot.reduce(i32([1]), 0, { dtype: 'int16' }), np.DTypeError, 'No loop matching the specified signature and casting was found for ufunc hypot');
    expectThrows(() => np.maximum.reduce(np.zeros([0, 2])), np.ValueError, 'zero-size array to reduction operation maximum which has no identity');
  });

  it('checks out as NumPy: read-only first, then dimensions, then its iterator', () => {
    const a = np.ones([3, 2]);
    expectThrows(() => np.add.reduce(a, 0, { out: readOnly([2, 2]) }), np.ValueError, 'output array is read-only');
    expectThrows(() => np.sum(a, 0, { out: readOnly([2]) }), np.ValueError, 'output array is read-only');
    expectThrows(() => np.add.reduce(a, 0, { out: np.zeros([2, 2]) }), np.ValueError, 'output parameter for reduction operation add has the wrong number of dimensions: Found 2 but expected 1');
    expectThrows(
      () => np.add.reduce(a, 0, { keepdims: true, out: np.zeros([2]) }),
      np.ValueError,
      "output parameter for reduction operation add has the wrong number of dimensions: Found 1 but expected 2 (must match the operand's when keepdims=True)",
    );
    expectThrows(() => np.add.reduce(a, 1, { out: np.zeros([2]) }), np.ValueError, 'operands could not be broadcast together with remapped shapes [original->remapped]: (2,)->(2,newaxis) (3,2)');
    expectThrows(
      () => np.add.reduce(a, 1, { out: np.zeros([1]) }),
      np.ValueError,
      'output operand requires a reduction along dimension 0, but the reduction is not enabled. The dimension size of 1 does not match the expected output shape.',
    );
    expectThrows(
      () => np.add.reduce(a, 0, { keepdims: true, out: np.zeros([3, 2]) }),
      np.ValueError,
      'operand was set up as a reduction along axis 0, but the length of the axis is 3 (it has to be 1)',
    );
    expectThrows(
      () => np.add.reduce(a, 0, { out: np.zeros([2], 'int32') }),
      np.DTypeError,
      "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'",
    );
  });

  it('does not modify its input', () => {
    const a = f64([[1, 2], [3, 4]]).T;
    const before = fingerprint(a);
    np.add.reduce(a, 1);
    np.subtract.accumulate(a, 1);
    np.add.reduceat(a, [1, 0], 1);
    np.add.outer(a, a);
    expect(fingerprint(a)).toBe(before);
  });
});

describe('float32 sums are NumPy pairwise sums in float32', () => {
  it('rounds every partial sum to float32, as NumPy (contiguous, strided, reversed)', () => {
    for (const n of [1, 7, 8, 9, 100, 129, 255, 1000, 5000]) {
      const vals = Array.from({ length: 2 * n }, (_, i) => Math.fround(Math.sin(i * 1.7) * 1000 + 1 / (i + 3)));
      const buf = np.array(vals, { dtype: 'float32' });
      const contig = buf.get(`:${n}`);
      const stepped = buf.get('::2');
      const reversed = buf.get(`${n - 1}::-1`);
      expect(np.sum(contig)).toBe(refPairwiseSum32(vals.slice(0, n)));
      expect(np.sum(stepped)).toBe(refPairwiseSum32(vals.filter((_, i) => i % 2 === 0)));
      expect(np.sum(reversed)).toBe(refPairwiseSum32(vals.slice(0, n).reverse()));
    }
  });
});

describe('ufunc.accumulate', () => {
  it('runs along axis 0 by default, or the given one', () => {
    expectValues(np.add.accumulate([1, 2, 3]), 'int32', [1, 3, 6], [3]);
    expectValues(np.multiply.accumulate(i32([[1, 2], [3, 4]]), 1), 'int32', [1, 2, 3, 12], [2, 2]);
    expectValues(np.maximum.accumulate(i32([[1, 5], [3, 2]])), 'int32', [1, 5, 3, 5], [2, 2]);
    expectValues(np.add.accumulate([1, 2, 3], null), 'int32', [1, 3, 6], [3]);
    expectValues(np.add.accumulate(i32([[1, 2], [3, 4]]), [1]), 'int32', [1, 3, 3, 7], [2, 2]);
    const out = np.zeros([2], 'float64');
    np.add.accumulate(i32([2147483647, 1]), 0, { out });
    expectValues(out, 'float64', [2147483647, 2147483648], [2]);
  });

  it('refuses with NumPy messages', () => {
    expectThrows(() => np.add.accumulate(np.array(1)), np.DTypeError, 'cannot accumulate on a scalar');
    expectThrows(() => np.add.accumulate(np.array(1), 1), np.AxisError, 'axis 1 is out of bounds for array of dimension 0');
    expectThrows(() => np.add.accumulate(np.ones([2, 2]), null), np.ValueError, 'accumulate does not allow multiple axes');
    expectThrows(() => np.add.accumulate(np.ones([2, 2]), [0, 1]), np.ValueError, 'accumulate does not allow multiple axes');
    expectThrows(() => np.add.accumulate(np.ones([3]), 0, { out: readOnly([2]) }), np.ValueError, 'output array is read-only');
    expectThrows(() => np.cumsum(np.ones([3]), { out: readOnly([3]) }), np.ValueError, 'output array is read-only');
    expectThrows(() => np.add.accumulate(np.ones([3]), 0, { out: np.zeros([4]) }), np.ValueError, 'provided out is the wrong size for the accumulation.');
    const a = np.ones([3, 2]);
    expectThrows(() => np.add.accumulate(a, 1, { out: np.zeros([3, 3]) }), np.ValueError, 'operands could not be broadcast together with remapped shapes [original->remapped]: (3,3)->(3,3) (3,2)->(3,2)');
    expectThrows(() => np.add.accumulate(a, 1, { out: np.zeros([3]) }), np.ValueError, 'Iterator input op_axes[0][0] (==1) is not a valid axis of op[0], which has 1 dimensions');
    expectThrows(
      () => np.add.accumulate(a, 1, { out: np.zeros([1, 2]) }),
      np.ValueError,
      "non-broadcastable output operand with shape (1,2) [remapped to (2,1)] doesn't match the broadcast shape (3,2)",
    );
    expectThrows(
      () => np.add.accumulate(a, 0, { out: np.zeros([3, 2], 'int32') }),
      np.DTypeError,
      "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'",
    );
  });
});

describe('ufunc.outer', () => {
  it('gives shape a.shape + b.shape through the ufunc itself', () => {
    expectValues(np.subtract.outer(i32([1, 2]), i32([[1], [2], [3]])), 'int32', [0, -1, -2, 1, 0, -1], [2, 3, 1]);
    expectValues(np.multiply.outer([1, 2], [1, 2, 3]), 'int32', [1, 2, 3, 2, 4, 6], [2, 3]);
    expectValues(np.add.outer(1, 2), 'int32', [3], []);
    // the inputs are arrays first, as NumPy's outer: a JS float is float64 here
    expect(np.add.outer(np.array([1], { dtype: 'float32' }), 1.5).dtype).toBe('float64');
    expectValues(np.add.outer([1, 2], [1, 2, 3], { dtype: 'float32' }), 'float32', [2, 3, 4, 3, 4, 5], [2, 3]);
    const out = np.zeros([4, 2, 3]);
    expect(np.add.outer([1, 2], [1, 2, 3], { out }) === out).toBe(true);
    expectValues(out.get(3), 'float64', [2, 3, 4, 3, 4, 5], [2, 3]);
    expectThrows(() => np.add.outer([1, 2], [1, 2, 3], { out: np.zeros([3, 2]) }), np.ValueError, 'operands could not be broadcast together with shapes (2,1) (3,) (3,2)');
  });
});

describe('ufunc.at', () => {
  it('accumulates repeated indices, unbuffered', () => {
    const a = np.zeros(3);
    np.add.at(a, np.array([0, 0, 2]), 1);
    expectValues(a, 'float64', [2, 0, 1]);
    const m = i32([0, 5, 0]);
    np.maximum.at(m, np.array([0, 1, 0, 2]), i32([3, 2, -1, 7]));
    expectValues(m, 'int32', [3, 5, 7]);
    const c = f64([5, 1]);
    np.less.at(c, np.array([0, 0, 1]), 3);
    expectValues(c, 'float64', [1, 1]);
  });

  it('takes every index form of a.set: tuples, slices, masks, integers, 0-d', () => {
    const a = np.zeros([2, 3]);
    np.add.at(a, [np.array([0, 1, 0]), np.array([1, 1, 1])], f64([1, 2, 3]));
    expectValues(a, 'float64', [0, 4, 0, 0, 2, 0]);
    const s = np.zeros(5);
    np.add.at(s, '1:4', f64([1, 2, 3]));
    expectValues(s, 'float64', [0, 1, 2, 3, 0]);
    const r = np.arange(5, { dtype: 'float64' });
    np.multiply.at(r, '::-2', 10);
    expectValues(r, 'float64', [0, 1, 20, 3, 40]);
    const k = np.zeros(4);
    np.add.at(k, np.array([true, false, true, true]), f64([1, 2, 3]));
    expectValues(k, 'float64', [1, 0, 2, 3]);
    np.add.at(k, [true, true, false, false], 1);
    expectValues(k, 'float64', [2, 1, 2, 3]);
    const g = np.zeros([2, 2]);
    np.add.at(g, 1, f64([5, 6]));
    expectValues(g, 'float64', [0, 0, 5, 6]);
    const z = np.zeros([]);
    np.add.at(z, [], 3);
    expectValues(z, 'float64', [3], []);
    const e = np.zeros([2, 3]);
    np.add.at(e, ['...', np.array([0, 0])], 1);
    expectValues(e, 'float64', [2, 0, 0, 2, 0, 0]);
  });

  it('writes through a non-contiguous view into its base', () => {
    const base = np.zeros([4]);
    np.add.at(base.get('::-2'), np.array([0, 0, 1]), 1);
    expectValues(base, 'float64', [0, 1, 0, 2]);
  });

  it('computes in the loop dtype of (a, b) and casts back at each store', () => {
    const a = np.zeros([2], 'int32');
    np.add.at(a, np.array([0, 0, 0]), 1.5);
    expectValues(a, 'int32', [3, 0]);
    np.add.at(a, np.array([1]), NaN);
    expectValues(a, 'int32', [3, -2147483648]);
    const u = np.array([10], { dtype: 'uint8' });
    np.floorDivide.at(u, np.array([0]), -3);
    expectValues(u, 'uint8', [252]);
  });

  it('reads b from a copy when it overlaps a', () => {
    const a = f64([1, 2, 3]);
    np.add.at(a, np.array([1, 2]), a.get(':2'));
    expectValues(a, 'float64', [1, 3, 5]);
  });

  it('unary ufuncs apply once per occurrence', () => {
    const a = np.arange(3, { dtype: 'float64' });
    np.negative.at(a, np.array([0, 0, 1]));
    expectValues(a, 'float64', [0, -1, 2]);
  });

  it('refuses with NumPy messages', () => {
    const a = np.zeros(3);
    expectThrows(() => np.add.at(a, np.array([0, 3]), 1), np.IndexError, 'index 3 is out of bounds for axis 0 with size 3');
    expectThrows(() => np.add.at(a, np.array([0, -4]), 1), np.IndexError, 'index -4 is out of bounds for axis 0 with size 3');
    expectThrows(() => np.add.at(a, np.array([0, 1]), np.ones([2, 2])), np.ValueError, 'array is not broadcastable to correct shape');
    expectThrows(() => np.add.at(a, np.array([0, 1]), np.ones([1, 2])), np.ValueError, 'array is not broadcastable to correct shape');
    expectThrows(() => (np.add.at as (a: np.NDArray, i: np.IndexItem) => void)(a, 0), np.ValueError, 'second operand needed for ufunc');
    expectThrows(() => (np.negative.at as (a: np.NDArray, i: np.IndexItem, b: number) => void)(a, 0, 1), np.ValueError, 'second operand provided when ufunc is unary');
    expectThrows(() => np.add.at([1, 2, 3] as unknown as np.NDArray, 0, 1), np.DTypeError, 'first operand must be array');
    expectThrows(() => np.add.at(readOnly([2, 3]), 0, 1), np.ValueError, 'operand array with iterator write flag set is read-only');
    expectThrows(() => np.power.at(np.ones([3], 'int32'), 0, -1), np.ValueError, 'Integers to negative integer powers are not allowed.');
    expectThrows(
      () => np.bitwiseAnd.at(np.zeros([3], 'int32'), 0, 1.5),
      np.DTypeError,
      "ufunc 'bitwise_and' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
    );
    expectThrows(() => np.subtract.at(np.ones([3], 'bool'), 0, true), np.DTypeError, 'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.');
  });
});

describe('ufunc.reduceat', () => {
  it('follows NumPy rule: a slice per index, a[i] where the next index is not larger', () => {
    expectValues(np.add.reduceat(np.arange(8), [0, 4, 1, 5, 5, 7]), 'int32', [6, 4, 10, 5, 11, 7], [6]);
    expectValues(np.multiply.reduceat(i32([[1, 2, 3], [4, 5, 6]]), [2, 0], 1), 'int32', [3, 6, 6, 120], [2, 2]);
    expectValues(np.multiply.reduceat(i32([[1, 2, 3], [4, 5, 6]]), [2, 0], { axis: 1 }), 'int32', [3, 6, 6, 120], [2, 2]);
    expectValues(np.maximum.reduceat([3, 1, 4, 1, 5, 9, 2, 6], [0, 3, 3, 7]), 'int32', [4, 1, 9, 6], [4]);
    expectValues(np.add.reduceat(np.arange(8).reshape(2, 4), [], 1), 'int32', [], [2, 0]);
    expectValues(np.add.reduceat(np.arange(4), [0.9, 2.5]), 'int32', [1, 5], [2]);
    expectValues(np.add.reduceat(np.arange(4), np.array([0, 2], { dtype: 'int64' })), 'int32', [1, 5], [2]);
    expectValues(np.power.reduceat(i32([2, 3, -2]), [0, 2]), 'int32', [8, -2], [2]);
    expectValues(np.add.reduceat(np.arange(4), [0], null), 'int32', [6], [1]);
    expectValues(np.add.reduceat(np.arange(6).reshape(2, 3), [0], [1]), 'int32', [3, 12], [2, 1]);
  });

  it('refuses with NumPy messages', () => {
    const a = np.ones([3, 2]);
    expectThrows(() => np.add.reduceat(a, [0, 3]), np.IndexError, 'index 3 out-of-bounds in add.reduceat [0, 3)');
    expectThrows(() => np.add.reduceat(a, [0, -1]), np.IndexError, 'index -1 out-of-bounds in add.reduceat [0, 3)');
    expectThrows(() => np.add.reduceat(np.ones([0]), [0]), np.IndexError, 'index 0 out-of-bounds in add.reduceat [0, 0)');
    expectThrows(() => np.add.reduceat(a, [[0, 1]]), np.ValueError, 'setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.');
    expectThrows(() => np.add.reduceat(a, np.array([[0, 1]])), np.ValueError, 'object too deep for desired array');
    expectThrows(() => np.add.reduceat(a, 0), np.ValueError, 'object of too small depth for desired array');
    expectThrows(() => np.add.reduceat(a, np.array([0.5])), np.DTypeError, "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
    expectThrows(() => np.add.reduceat(a, np.array([0], { dtype: 'uint64' })), np.DTypeError, "Cannot cast array data from dtype('uint64') to dtype('int64') according to the rule 'safe'");
    expectThrows(() => np.add.reduceat(np.array(1), [0]), np.DTypeError, 'cannot reduceat on a scalar');
    expectThrows(() => np.add.reduceat(a, [0], 2), np.AxisError, 'axis 2 is out of bounds for array of dimension 2');
    expectThrows(() => np.add.reduceat(a, [0], { axis: [0, 1] }), np.ValueError, 'reduceat does not allow multiple axes');
    expectThrows(() => np.add.reduceat(a, [0], null), np.ValueError, 'reduceat does not allow multiple axes');
    expectThrows(() => np.add.reduceat(a, [0], []), np.ValueError, 'reduceat does not allow multiple axes');
    expectThrows(() => np.power.reduceat(i32([2, 3, -2]), [0, 1]), np.ValueError, 'Integers to negative integer powers are not allowed.');
    expectThrows(() => np.subtract.reduceat(np.ones([3], 'bool'), [0]), np.DTypeError, 'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.');
    expectThrows(() => np.add.reduceat(a, [0, 1], 0, { out: readOnly([2, 2]) }), np.ValueError, 'output array is read-only');
    expectThrows(() => np.add.reduceat(np.ones([3]), [7], 0, { out: np.zeros([2]) }), np.IndexError, 'index 7 out-of-bounds in add.reduceat [0, 3)');
    expectThrows(
      () => np.add.reduceat(a, [0, 1], 0, { out: np.zeros([3, 2]) }),
      np.ValueError,
      'operands could not be broadcast together with remapped shapes [original->remapped]: (3,2)->(3,2) (3,2)->(2) (2,)->(2,newaxis)',
    );
    expectThrows(() => np.add.reduceat(a, [0, 1], 0, { out: np.zeros([2]) }), np.ValueError, 'Iterator input op_axes[0][0] (==1) is not a valid axis of op[0], which has 1 dimensions');
    expectThrows(
      () => np.add.reduceat(a, [0, 1], 0, { out: np.zeros([1, 2]) }),
      np.ValueError,
      "non-broadcastable output operand with shape (1,2) [remapped to (2,1)] doesn't match the broadcast shape (2,2)",
    );
    expectThrows(
      () => np.add.reduceat(np.ones([3]), [0, 1], 0, { out: np.zeros([3]) }),
      np.ValueError,
      'operands could not be broadcast together with remapped shapes [original->remapped]: (3,)->(3,) (3,)->() (2,)->(2,)',
    );
  });
});

/**
 * Examples and edge cases of round, clip, where, isclose, allclose and arrayEqual. Every
 * expected value and message was produced by NumPy 2.4 (the int64 of NumPy's default int
 * reads int32 here, numbat's default int).
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { toPlain } from '../../../test/reference/plain.js';
import { expectThrows, expectValues } from '../../../test/helpers.js';

const f64 = (x: number[]): np.NDArray => np.array(new Float64Array(x));
const f32 = (x: number[]): np.NDArray => np.array(new Float32Array(x));
const arr = (x: number[], dtype: np.DType): np.NDArray => np.array(x, { dtype });

/** A zero-filled C-order array (built directly, so these tests need no creation function). */
function zeros(shape: number[], dtype: np.DType = 'float64'): np.NDArray {
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((p, q) => p * q, 1));
  const size = shape.reduce((p, q) => p * q, 1);
  return new np.NDArray(new np.DTYPES[dtype].ctor(size), shape, strides, 0, dtype);
}

/** A 0-d array holding `v`. */
function scalar(v: number, dtype: np.DType): np.NDArray {
  const a = zeros([], dtype);
  (a.data as Float64Array)[0] = v;
  return a;
}

describe('round', () => {
  it('rounds halves to even, keeps the sign of zero', () => {
    expectValues(np.round(f64([0.5, 1.5, 2.5, -0.5, -1.5, 0.125, 0.375]), 0), 'float64', [0, 2, 2, -0, -2, 0, 0]);
    expectValues(np.round(f64([-0.4, 0.4])), 'float64', [-0, 0]);
  });

  it('scales by 10**decimals with binary-float results as NumPy', () => {
    expectValues(np.round(f64([0.125, 0.375, 1.005, 2.675]), 2), 'float64', [0.12, 0.38, 1, 2.68]);
    expectValues(np.round(f64([1234.5678]), -2), 'float64', [1200]);
    // float32 stays float32 (1.2 is the float32 nearest 1.2)
    expectValues(np.round(f32([1.25, 2.5]), 1), 'float32', [Math.fround(1.2), 2.5]);
  });

  it('integers: unchanged (a copy) for decimals >= 0, rounded half-even for negative decimals', () => {
    const u = arr([3, 7], 'uint8');
    const r = np.round(u, 2);
    expectValues(r, 'uint8', [3, 7]);
    expect(r === u).toBe(false); // not toBe: vitest would deep-compare NDArrays by iterating them
    expectValues(np.round(arr([15, 25, 35, -15, -25], 'int32'), -1), 'int32', [20, 20, 40, -20, -20]);
    expectValues(np.round(arr([125, -125], 'int8'), -1), 'int8', [120, -120]);
    const big = np.round(np.array(new BigInt64Array([123456789n])), -3);
    expect(big.dtype).toBe('int64');
    expect(toPlain(big).values).toEqual([123457000n]);
  });

  it('huge decimals overflow the scale: inf * x / inf is NaN, as NumPy', () => {
    expectValues(np.round(f64([5.5]), 400), 'float64', [NaN]);
    expectValues(np.round(f64([5.5]), -400), 'float64', [NaN]);
    expectValues(np.round(f64([1e300]), 10), 'float64', [Infinity]);
  });

  it('bool: decimals 0 is rint (float32 here, float16 in NumPy); other decimals need a float out', () => {
    expectValues(np.round(np.array([true, false])), 'float32', [1, 0]);
    expectThrows(() => np.round(np.array([true]), 1), np.DTypeError, "Cannot cast ufunc 'multiply' output from dtype('float64') to dtype('bool') with casting rule 'same_kind'");
    expectThrows(() => np.round(np.array([true]), -1), np.DTypeError, "Cannot cast ufunc 'divide' output from dtype('float64') to dtype('bool') with casting rule 'same_kind'");
    const out = f32([0]);
    expect(np.round(np.array([true]), 1, { out })).toBe(out);
    expectValues(out, 'float32', [1]);
  });

  it('out: same shape required, same_kind casting, integer results written through', () => {
    expectThrows(() => np.round(f64([1.5, 2]), 1, { out: zeros([2, 2]) }), np.ValueError, 'invalid output shape');
    expectThrows(() => np.round(arr([1, 2], 'int32'), 0, { out: zeros([3]) }), np.ValueError, 'invalid output shape');
    expectThrows(() => np.round(f64([1.5, 2]), 1, { out: arr([0, 0], 'int32') }), np.DTypeError, "Cannot cast ufunc 'multiply' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'");
    expectThrows(() => np.round(arr([15, 25], 'int32'), -1, { out: arr([0, 0], 'int32') }), np.DTypeError, "Cannot cast ufunc 'divide' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'");
    expectThrows(() => np.round(arr([1, 2], 'int32'), 0, { out: np.array([false, false]) }), np.DTypeError, "Cannot cast array data from dtype('int32') to dtype('bool') according to the rule 'same_kind'");
    const o32 = f32([0, 0]);
    np.round(arr([15, 25], 'int32'), -1, { out: o32 });
    expectValues(o32, 'float32', [20, 20]);
    const o = f32([0, 0]);
    np.round(arr([15, 25], 'int32'), 0, { out: o });
    expectValues(o, 'float32', [15, 25]);
  });

  it('rejects non-integer decimals', () => {
    expectThrows(() => np.round(f64([1.5]), 1.5), np.DTypeError, "'float' object cannot be interpreted as an integer");
  });

  it('a JS scalar gives a 0-d array', () => {
    expectValues(np.round(2.5), 'float64', [2], []);
  });
});

describe('clip', () => {
  it('limits to [aMin, aMax]; either bound may be null', () => {
    expectValues(np.clip(np.array([1, 5, 9]), 2, 6), 'int32', [2, 5, 6]);
    expectValues(np.clip(f64([1.5, NaN, -3]), 0, null), 'float64', [1.5, NaN, 0]);
    expectValues(np.clip(f64([1.5, NaN, -3]), null, 1), 'float64', [1, NaN, -3]);
  });

  it('dtype is the n-ary result type with weak scalars', () => {
    expectValues(np.clip(arr([1, 2, 3], 'int8'), 1.5, 2), 'float64', [1.5, 2, 2]);
    expectValues(np.clip(arr([1, 2, 3], 'int8'), arr([0, 2, 4], 'uint8'), 3), 'int16', [1, 2, 3]);
    // int8, uint16, float32: float32 for the three at once (pairwise it would be float64)
    expectValues(np.clip(arr([1, 2, 3], 'int8'), arr([0, 2, 4], 'uint16'), scalar(3, 'float32')), 'float32', [1, 2, 3]);
    expectValues(np.clip(np.array([true, false]), false, true), 'bool', [1, 0]);
    expectValues(np.clip(np.array([true, false]), 0, 1), 'int32', [1, 0]);
  });

  it('NaN bounds give NaN; aMin > aMax gives aMax', () => {
    expectValues(np.clip(f32([1, 2, 3]), 0, NaN), 'float32', [NaN, NaN, NaN]);
    expectValues(np.clip(np.array([1, 2, 3]), 3, 1), 'int32', [1, 1, 1]);
  });

  it('broadcasts all three operands', () => {
    expectValues(np.clip(np.array([[1, 2, 3]]), np.array([[0], [2]]), np.array([1, 2, 3])), 'int32', [1, 2, 3, 1, 2, 3], [2, 3]);
    expectThrows(() => np.clip(zeros([3]), zeros([2]), 2), np.ValueError, 'operands could not be broadcast together with shapes (3,) (2,) ()');
  });

  it('integer bounds beyond the dtype: dropped on their own side, OverflowError on the other', () => {
    const u = arr([1, 200], 'uint8');
    expectValues(np.clip(u, 0, 300), 'uint8', [1, 200]);
    expectValues(np.clip(u, -5, 100), 'uint8', [1, 100]);
    expectThrows(() => np.clip(u, 300, null), np.OverflowError, 'Python integer 300 out of bounds for uint8');
    expectThrows(() => np.clip(u, 5, -1), np.OverflowError, 'Python integer -1 out of bounds for uint8');
    expectValues(np.clip(u, null, null), 'uint8', [1, 200]);
  });

  it('no bounds on bool is np.positive, which has no bool loop', () => {
    expectThrows(() => np.clip(np.array([true]), null, null), np.DTypeError, "ufunc 'positive' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None");
  });

  it('out: written and returned, same_kind checked with the ufunc name, shapes checked', () => {
    const out = zeros([3]);
    expect(np.clip(arr([0, 1, 2], 'int8'), 1, 2, { out })).toBe(out);
    expectValues(out, 'float64', [1, 1, 2]);
    const big = zeros([2, 3]);
    np.clip(f64([0, 1, 2]), 1, 1, { out: big });
    expectValues(big, 'float64', [1, 1, 1, 1, 1, 1]);
    expectThrows(() => np.clip(f64([0, 1, 2]), 1, 2, { out: arr([0, 0, 0], 'int32') }), np.DTypeError, "Cannot cast ufunc 'clip' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'");
    expectThrows(() => np.clip(zeros([2, 3]), 1, 2, { out: zeros([3]) }), np.ValueError, "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)");
    expectThrows(() => np.clip(zeros([3]), 1, 2, { out: zeros([2]) }), np.ValueError, 'operands could not be broadcast together with shapes (3,) () () (2,)');
    const ro = zeros([3]);
    ro.flags.writeable = false;
    expectThrows(() => np.clip(zeros([3]), 0, 1, { out: ro }), np.ValueError, 'output array is read-only');
  });

  it('does not modify its input', () => {
    const a = f64([5, -5]);
    np.clip(a, 0, 1);
    expectValues(a, 'float64', [5, -5]);
  });
});

describe('where', () => {
  it('chooses from x and y with broadcasting and promotion', () => {
    expectValues(np.where(np.array([true, false, true]), 1, np.array([7, 8, 9])), 'int32', [1, 8, 1]);
    expectValues(np.where(np.array([[true], [false]]), np.array([1, 2, 3]), np.array([10, 20, 30])), 'int32', [1, 2, 3, 10, 20, 30], [2, 3]);
    expectValues(np.where(np.array([true, false]), arr([1, 2], 'int8'), arr([1, 2], 'uint8')), 'int16', [1, 2]);
    expectValues(np.where(np.array([true, false]), arr([1, 2], 'int8'), 2.5), 'float64', [1, 2.5]);
    expectValues(np.where(np.array([true, false]), scalar(1.5, 'float32'), 2), 'float32', [1.5, 2]);
    expectValues(np.where(true, 1, 2), 'int32', [1], []);
  });

  it('reads the condition as bool: NaN is true, -0 false', () => {
    expectValues(np.where(f64([0, NaN, -0, 2]), 1, 0), 'int32', [0, 1, 0, 1]);
  });

  it('a weak int that does not fit throws (NumPy >= 2.5; 2.4 wrapped it to 44)', () => {
    expectThrows(() => np.where(np.array([true, false]), arr([1, 2], 'uint8'), 300), np.OverflowError, 'Python integer 300 out of bounds for uint8');
    expectValues(np.where(np.array([true, false]), arr([1, 2], 'uint8'), 3), 'uint8', [1, 3]);
  });

  it('errors: broadcasting, and x without y', () => {
    expectThrows(() => np.where(np.array([[1], [0]]), np.array([1, 2, 3]), np.array([4, 5])), np.ValueError, 'operands could not be broadcast together with shapes (2,1) (3,) (2,)');
    expectThrows(() => (np.where as (c: np.ArrayLike, x?: np.ArrayLike) => unknown)(np.array([1]), 1), np.ValueError, 'either both or neither of x and y should be given');
  });

  it('with the condition alone: nonzero indices, int32, one array per axis', () => {
    const [r, c] = np.where(np.array([[0, 1], [1, 0]]));
    expectValues(r!, 'int32', [0, 1]);
    expectValues(c!, 'int32', [1, 0]);
    const empty = np.where(zeros([2, 0]));
    expect(empty.length).toBe(2);
    expectValues(empty[0]!, 'int32', [], [0]);
    expectThrows(() => np.where(np.array(1)), np.ValueError, 'Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.');
  });
});

describe('isclose, allclose', () => {
  it('|a - b| <= atol + rtol * |b|', () => {
    expectValues(np.isclose(f64([1e10, 1e-7]), f64([1.00001e10, 1e-8])), 'bool', [1, 0]);
    expectValues(np.isclose(f64([1e10, 1e-8]), f64([1.00001e10, 1e-9])), 'bool', [1, 1]);
    expectValues(np.isclose(arr([1, 2, 3], 'int8'), arr([1, 2, 4], 'int8'), { atol: 1 }), 'bool', [1, 1, 1]);
  });

  it('infinities equal only with the same sign; NaN only with equalNan', () => {
    expectValues(np.isclose(f64([Infinity, -Infinity, Infinity]), f64([Infinity, Infinity, 1e308])), 'bool', [1, 0, 0]);
    expectValues(np.isclose(f64([1, NaN]), f64([1, NaN]), { equalNan: true }), 'bool', [1, 1]);
    expectValues(np.isclose(f64([1, NaN]), f64([1, NaN])), 'bool', [1, 0]);
  });

  it('computes in the float dtype of b: float32 pairs in float32, integers in float64 (no wrap)', () => {
    expectValues(np.isclose(f32([1]), f32([1.0000001]), { rtol: 0, atol: 0 }), 'bool', [0]);
    expectValues(np.isclose(arr([100, 101], 'int8'), -100), 'bool', [0, 0]);
    expectValues(np.isclose(arr([-128], 'int8'), arr([127], 'int8'), { atol: 300 }), 'bool', [1]);
    expectValues(np.isclose(f32([0]), 1e-9, { rtol: 0 }), 'bool', [1]);
    expectValues(np.isclose(1, 1), 'bool', [1], []);
  });

  it('shapes must broadcast', () => {
    expectThrows(() => np.isclose(f64([1, 2]), f64([1, 2, 3])), np.ValueError, 'operands could not be broadcast together with shapes (2,) (3,)');
    expectThrows(() => np.allclose(f64([1, 2]), f64([1, 2, 3])), np.ValueError, 'operands could not be broadcast together with shapes (2,) (3,)');
  });

  it('allclose is a boolean: every element close, true for empty input', () => {
    expect(np.allclose(f64([1e10, 1e-8]), f64([1.00001e10, 1e-9]))).toBe(true);
    expect(np.allclose(f64([1e10, 1e-7]), f64([1.00001e10, 1e-8]))).toBe(false);
    expect(np.allclose(f64([1, NaN]), f64([1, NaN]))).toBe(false);
    expect(np.allclose(f64([1, NaN]), f64([1, NaN]), { equalNan: true })).toBe(true);
    expect(np.allclose(zeros([0, 3]), 5)).toBe(true);
  });
});

describe('arrayEqual', () => {
  it('same shape and values, across dtypes', () => {
    expect(np.arrayEqual(np.array([1, 2]), f64([1, 2]))).toBe(true);
    expect(np.arrayEqual(arr([1, 2], 'uint8'), np.array(new BigInt64Array([1n, 2n])))).toBe(true);
    expect(np.arrayEqual(zeros([0]), zeros([0], 'int8'))).toBe(true);
    expect(np.arrayEqual(np.array(3), 3)).toBe(true);
    expect(np.arrayEqual(f64([-0]), f64([0]))).toBe(true);
  });

  it('different shapes are unequal, without broadcasting', () => {
    expect(np.arrayEqual(np.array([1, 2]), np.array([[1, 2]]))).toBe(false);
  });

  it('NaN: unequal unless equalNan, and then only at the same positions', () => {
    expect(np.arrayEqual(f64([1, NaN]), f64([1, NaN]))).toBe(false);
    expect(np.arrayEqual(f64([1, NaN]), f64([1, NaN]), { equalNan: true })).toBe(true);
    expect(np.arrayEqual(f64([1, NaN]), f64([NaN, 1]), { equalNan: true })).toBe(false);
  });

  it('input that cannot become an array compares unequal instead of throwing', () => {
    expect(np.arrayEqual([[1, 2], [3]] as unknown as np.ArrayLike, [1, 2])).toBe(false);
  });
});

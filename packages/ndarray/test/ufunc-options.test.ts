/**
 * Ufunc options and NEP 50 edge cases, with NumPy 2.4's results: `out` (same dtype, wider
 * float, broadcasting into a larger out, same_kind errors, shape errors, out overlapping
 * an input), `dtype`, weak JS scalars next to arrays, and NumPy 2's comparisons with
 * out-of-range integers.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { expectThrows, expectValues } from '../../../test/helpers.js';

const f64 = (x: number[]): np.NDArray => np.array(new Float64Array(x));
const f32 = (x: number[]): np.NDArray => np.array(new Float32Array(x));
const arr = (x: number[], dtype: np.DType): np.NDArray => np.array(x, { dtype });

function zeros(shape: number[], dtype: np.DType = 'float64'): np.NDArray {
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((p, q) => p * q, 1));
  return new np.NDArray(new np.DTYPES[dtype].ctor(shape.reduce((p, q) => p * q, 1)), shape, strides, 0, dtype);
}

/** A 1-d view of `base`: `base[start::step]` with `n` elements. */
function view1d(base: np.NDArray, start: number, step: number, n: number): np.NDArray {
  return new np.NDArray(base.data, [n], [step], start, base.dtype, base);
}

describe('out', () => {
  it('same dtype: written in place and returned', () => {
    const o = zeros([3]);
    expect(np.add(f64([1, 2, 3]), 1, { out: o })).toBe(o);
    expectValues(o, 'float64', [2, 3, 4]);
    const u = zeros([2]);
    expect(np.negative(f64([1, -2]), { out: u })).toBe(u);
    expectValues(u, 'float64', [-1, 2]);
  });

  it('a wider float out receives the loop dtype result, cast (float32 loops stay float32)', () => {
    const o = zeros([2]);
    np.add(f32([1, 1]), f32([1e-8, 3e-8]), { out: o });
    expectValues(o, 'float64', [1, 1]);
    const s = zeros([1]);
    np.sqrt(f32([2]), { out: s });
    expectValues(s, 'float64', [Math.fround(Math.SQRT2)]);
    const m = zeros([2]);
    np.multiply(arr([16777217, 3], 'int32'), f32([1]), { out: m });
    expectValues(m, 'float64', [16777217, 3]);
  });

  it('other same_kind outs: integers wrap in the loop dtype before the cast', () => {
    const o = zeros([1], 'int32');
    np.add(arr([2], 'int8'), arr([127], 'int8'), { out: o });
    expectValues(o, 'int32', [-127]);
    const w = zeros([2], 'int8');
    np.add(arr([100, 2], 'int32'), arr([100, 2], 'int32'), { out: w });
    expectValues(w, 'int8', [-56, 4]);
    const d = zeros([1], 'float32');
    np.divide(arr([1], 'int32'), 3, { out: d });
    expectValues(d, 'float32', [Math.fround(1 / 3)]);
    const n = zeros([2], 'float32');
    np.add(f64([1, 2]), 1.5, { out: n });
    expectValues(n, 'float32', [2.5, 3.5]);
    const e = zeros([2], 'int32');
    np.equal(arr([1, 2], 'int32'), 1, { out: e });
    expectValues(e, 'int32', [1, 0]);
    const ef = zeros([2], 'float32');
    np.equal(arr([1, 2], 'int32'), 1, { out: ef });
    expectValues(ef, 'float32', [1, 0]);
  });

  it('broadcasts into a larger out', () => {
    const o = zeros([2, 3]);
    np.add(zeros([3]), 1, { out: o });
    expectValues(o, 'float64', [1, 1, 1, 1, 1, 1], [2, 3]);
    const p = zeros([2, 3]);
    np.add(np.reshape(f64([1, 2]), [2, 1]), f64([10, 20, 30]), { out: p });
    expectValues(p, 'float64', [11, 21, 31, 12, 22, 32]);
  });

  it('same_kind violations throw NumPy messages', () => {
    expectThrows(() => np.add(zeros([3]), 1, { out: zeros([3], 'int32') }), np.DTypeError, "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'");
    expectThrows(() => np.add(arr([1, 2], 'int8'), arr([1, 2], 'int8'), { out: zeros([2], 'uint8') }), np.DTypeError, "Cannot cast ufunc 'add' output from dtype('int8') to dtype('uint8') with casting rule 'same_kind'");
    expectThrows(() => np.add(arr([1, 2], 'int8'), 1.5, { out: zeros([2], 'int8') }), np.DTypeError, "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int8') with casting rule 'same_kind'");
    expectThrows(() => np.add(arr([1, 2], 'int32'), 1, { out: zeros([2], 'uint8') }), np.DTypeError, "Cannot cast ufunc 'add' output from dtype('int32') to dtype('uint8') with casting rule 'same_kind'");
    expectThrows(() => np.add(arr([1, 2], 'int32'), 1, { out: zeros([2], 'bool') }), np.DTypeError, "Cannot cast ufunc 'add' output from dtype('int32') to dtype('bool') with casting rule 'same_kind'");
  });

  it('shape violations throw NumPy messages', () => {
    expectThrows(() => np.add(zeros([3]), 1, { out: zeros([1]) }), np.ValueError, "non-broadcastable output operand with shape (1,) doesn't match the broadcast shape (3,)");
    expectThrows(() => np.negative(zeros([3]), { out: zeros([1]) }), np.ValueError, "non-broadcastable output operand with shape (1,) doesn't match the broadcast shape (3,)");
    expectThrows(() => np.add(zeros([3]), 1, { out: zeros([2]) }), np.ValueError, 'operands could not be broadcast together with shapes (3,) () (2,)');
  });

  it('a read-only out throws', () => {
    const ro = zeros([3]);
    ro.flags.writeable = false;
    expectThrows(() => np.add(zeros([3]), 0, { out: ro }), np.ValueError, 'output array is read-only');
  });

  it('out overlapping an input gives the result of computing from a copy (NumPy)', () => {
    const a = np.array([[1, 2], [3, 4]]);
    np.add(a, np.transpose(a), { out: a });
    expectValues(a, 'int32', [2, 5, 5, 8]);

    const b = np.array([[0, 1, 2], [3, 4, 5]]);
    const flipped = new np.NDArray(b.data, [2, 3], [3, -1], 2, 'int32', b); // b[:, ::-1]
    np.add(flipped, b, { out: b });
    expectValues(b, 'int32', [2, 2, 2, 8, 8, 8]);

    const c = f64([0, 1, 2, 3, 4, 5]);
    np.multiply(view1d(c, 1, 1, 5), 2, { out: view1d(c, 0, 1, 5) }); // out=c[:-1], in c[1:]
    expectValues(c, 'float64', [2, 4, 6, 8, 10, 5]);

    const d = f64([0, 1, 2, 3, 4, 5]);
    np.multiply(view1d(d, 0, 1, 5), 2, { out: view1d(d, 1, 1, 5) }); // out=d[1:], in d[:-1]
    expectValues(d, 'float64', [0, 0, 2, 4, 6, 8]);

    const e = np.array([0, 1, 2, 3, 4]);
    np.negative(view1d(e, 4, -1, 5), { out: e });
    expectValues(e, 'int32', [-4, -3, -2, -1, 0]);
  });
});

describe('dtype', () => {
  it('computes in the given dtype', () => {
    expectValues(np.add(arr([1, 2], 'int32'), arr([1, 2], 'int32'), { dtype: 'float32' }), 'float32', [2, 4]);
    expectValues(np.add(arr([1, 2], 'int32'), 1, { dtype: 'int8' }), 'int8', [2, 3]);
  });

  it('a weak scalar must fit the given dtype', () => {
    expectThrows(() => np.add(arr([1, 2], 'int32'), 300, { dtype: 'int8' }), np.OverflowError, 'Python integer 300 out of bounds for int8');
  });

  it('inputs must cast same_kind to the given dtype', () => {
    expectThrows(() => np.add(f64([1.5, 2]), 1, { dtype: 'int32' }), np.DTypeError, "Cannot cast ufunc 'add' input 0 from dtype('float64') to dtype('int32') with casting rule 'same_kind'");
    expectThrows(() => np.add(f64([1.7, -2.7]), 1, { dtype: 'int8' }), np.DTypeError, "Cannot cast ufunc 'add' input 0 from dtype('float64') to dtype('int8') with casting rule 'same_kind'");
  });
});

describe('weak JS scalars (NEP 50)', () => {
  it('keep the array dtype within its kind', () => {
    expectValues(np.add(arr([1, 2], 'uint8'), 250), 'uint8', [251, 252]);
    expectValues(np.multiply(f32([1, 2]), 2), 'float32', [2, 4]);
  });

  it('raise the kind: int array + float is float64, bool + int is the default int', () => {
    expectValues(np.add(arr([1, 2], 'int32'), 2.5), 'float64', [3.5, 4.5]);
    expectValues(np.add(np.array([true, false]), 1), 'int32', [2, 1]);
  });

  it('a weak int that does not fit throws OverflowError', () => {
    expectThrows(() => np.add(arr([1, 2], 'uint8'), -1), np.OverflowError, 'Python integer -1 out of bounds for uint8');
    expectThrows(() => np.maximum(arr([1, 2], 'uint8'), 300), np.OverflowError, 'Python integer 300 out of bounds for uint8');
    expectThrows(() => np.add(np.array(new BigUint64Array([1n, 2n])), -1), np.OverflowError, 'Python integer -1 out of bounds for uint64');
    // NumPy words this one "Python int too large to convert to C long"; numbat keeps its own
    expect(() => np.add(np.array(new BigInt64Array([1n])), 2n ** 63n)).toThrow(np.OverflowError);
  });

  it('comparisons with out-of-range ints work by value (NumPy 2)', () => {
    const u = arr([1, 2], 'uint8');
    expectValues(np.less(u, 300), 'bool', [1, 1]);
    expectValues(np.greater(u, -1), 'bool', [1, 1]);
    expectValues(np.equal(u, 300), 'bool', [0, 0]);
    expectValues(np.notEqual(u, -1), 'bool', [1, 1]);
    expectValues(np.greaterEqual(arr([-1, 2], 'int8'), -129), 'bool', [1, 1]);
    expectValues(np.equal(u, 2), 'bool', [0, 1]);
    expectValues(np.logicalAnd(u, 300), 'bool', [1, 1]);
  });
});

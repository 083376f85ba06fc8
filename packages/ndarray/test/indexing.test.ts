/**
 * Examples and edge cases of indexing: `get`, `set`, `item`, `tolist`, `iterate`, `Slice`
 * and slice strings. Expected values are written out by hand (closed form); expected error
 * messages are NumPy 2's, as printed by NumPy for the equivalent Python index.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { expectThrows } from '../../../test/helpers.js';

/** 0, 1, ..., n-1 as int32, reshaped: a stand-in for `np.arange(n).reshape(shape)`. */
function range(n: number, ...shape: number[]): np.NDArray {
  const a = np.array(Array.from({ length: n }, (_, i) => i));
  return shape.length === 0 ? a : np.reshape(a, shape);
}

const INVALID =
  'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices';

describe('Slice and np.s', () => {
  it('resolves like Python slice.indices', () => {
    expect(np.s(1, 3).indices(5)).toEqual([1, 3, 1]);
    expect(np.s(null, null, -1).indices(5)).toEqual([4, -1, -1]);
    expect(np.s(-100, 100, 3).indices(10)).toEqual([0, 10, 3]);
    expect(np.s(100, -100, -3).indices(10)).toEqual([9, -1, -3]);
    expect(np.s().indices(0)).toEqual([0, 0, 1]);
  });

  it('prints in index notation', () => {
    expect(String(np.s(1, 3))).toBe('1:3');
    expect(String(np.s(null, null, -1))).toBe('::-1');
    expect(String(new np.Slice())).toBe(':');
  });

  it('rejects non-integer bounds (TypeError) and a zero step when used (ValueError)', () => {
    expectThrows(() => np.s(1.5), TypeError, 'slice indices must be integers or None or have an __index__ method');
    expectThrows(() => np.get(range(3), np.s(0, 1, 0)), np.ValueError, 'slice step cannot be zero');
    expectThrows(() => np.get(range(3), '::0'), np.ValueError, 'slice step cannot be zero');
  });
});

describe('get: basic indexing is a view', () => {
  const a = range(24, 2, 3, 4);

  it('integers and slices', () => {
    expect(np.tolist(np.get(a, 1, '1:3'))).toEqual([
      [16, 17, 18, 19],
      [20, 21, 22, 23],
    ]);
    expect(np.tolist(np.get(a, 0, 0, '::-1'))).toEqual([3, 2, 1, 0]);
    expect(np.tolist(np.get(a, -1, -1, '-2:'))).toEqual([22, 23]);
    expect(np.tolist(np.get(a, 0, ':', 1))).toEqual([1, 5, 9]);
    expect(np.tolist(np.get(a, 0, 0, ' 1 : 4 : 2 '))).toEqual([1, 3]);
    expect(np.tolist(np.get(a, 0, np.s(null, null, 2), np.s(3)))).toEqual([[3], [11]]);
  });

  it('slices clip out-of-range bounds and may be empty', () => {
    const r = range(10);
    expect(np.tolist(np.get(r, '-100:100:3'))).toEqual([0, 3, 6, 9]);
    expect(np.tolist(np.get(r, '100:-100:-3'))).toEqual([9, 6, 3, 0]);
    expect(np.get(r, '5:2').shape).toEqual([0]);
    expect(np.tolist(np.get(r, '::-2'))).toEqual([9, 7, 5, 3, 1]);
  });

  it('ellipsis and newaxis', () => {
    expect(np.get(a, '...', 0).shape).toEqual([2, 3]);
    expect(np.tolist(np.get(a, '...', 0))).toEqual([
      [0, 4, 8],
      [12, 16, 20],
    ]);
    expect(np.get(a, null).shape).toEqual([1, 2, 3, 4]);
    expect(np.get(a, 0, null, '...', null).shape).toEqual([1, 3, 4, 1]);
    expect(np.get(range(6, 2, 3), '...', null, 0).shape).toEqual([2, 1]);
    expect(np.get(a).shape).toEqual([2, 3, 4]);
  });

  it('shares memory with the indexed array, both ways', () => {
    const b = range(12, 3, 4);
    const v = np.get(b, '1:', '::2');
    expect(v.base).toBe(b.base ?? b);
    expect(v.strides).toEqual([4, 2]);
    np.set(v, [0, 0], 100);
    expect(np.item(b, 1, 0)).toBe(100);
    np.set(b, [2, 2], -7);
    expect(np.item(v, 1, 1)).toBe(-7);
  });

  it('an all-integer index gives a 0-d view', () => {
    const r = np.get(a, 1, 2, 3);
    expect(r.shape).toEqual([]);
    expect(r.base).toBe(a.base ?? a);
    expect(np.item(r)).toBe(23);
  });

  it('a 0-d integer array acts as an integer but gives a copy, as in NumPy', () => {
    const r = np.get(a, np.array(1));
    expect(r.shape).toEqual([3, 4]);
    expect(r.base).toBe(null);
    expect(np.item(r, 0, 0)).toBe(12);
  });

  it('views of a read-only array are read-only', () => {
    const ro = np.broadcastTo(range(3), [2, 3]);
    const v = np.get(ro, 0);
    expect(v.flags.writeable).toBe(false);
    expectThrows(() => np.set(v, 0, 1), np.ValueError, 'assignment destination is read-only');
  });

  it('empty slices point at the start with step 1, as NumPy', () => {
    const v = np.get(range(10), '7:2:-3');
    expect(np.tolist(v)).toEqual([7, 4]);
    const e = np.get(range(10), '7:7:-3');
    expect(e.shape).toEqual([0]);
    expect(e.offset).toBe(0);
    expect(e.strides).toEqual([1]);
  });
});

describe('get: advanced indexing copies', () => {
  const a = range(24, 2, 3, 4);

  it('integer arrays, number[] lists, negative and repeated indices', () => {
    expect(np.tolist(np.get(range(5), [4, -1, 0, 0]))).toEqual([4, 4, 0, 0]);
    const r = np.get(a, [0, 1], 0, [1, 2]);
    expect(np.tolist(r)).toEqual([1, 14]);
    expect(r.base).toBe(null);
    expect(np.tolist(np.get(range(5), np.array([[0, 1], [2, 3]], { dtype: 'uint8' })))).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(np.tolist(np.get(range(5), np.array([-1n, 2n], { dtype: 'int64' })))).toEqual([4, 2]);
    expect(np.get(range(6, 2, 3), [], 0).shape).toEqual([0]);
  });

  it('index arrays broadcast together', () => {
    const b = range(12, 3, 4);
    const r = np.get(b, np.array([[0], [2]]), np.array([1, 3]));
    expect(np.tolist(r)).toEqual([
      [1, 3],
      [9, 11],
    ]);
  });

  it('adjacent advanced indices replace their axes in place', () => {
    expect(np.get(a, ':', [0, 1], [1, 2]).shape).toEqual([2, 2]);
    expect(np.get(a, ':', 0, [0, 1]).shape).toEqual([2, 2]);
    expect(np.get(a, ':', ':', [0, 1]).shape).toEqual([2, 3, 2]);
    expect(np.get(range(6, 2, 3), [1, 0], np.array([[0], [2]])).shape).toEqual([2, 2]);
  });

  it('advanced indices separated by a slice, newaxis or ellipsis go first', () => {
    expect(np.get(a, [0], ':', [0]).shape).toEqual([1, 3]);
    expect(np.get(a, [0], null, [0]).shape).toEqual([1, 1, 4]);
    // an integer counts as an advanced index next to index arrays
    expect(np.get(a, 0, ':', [0, 1]).shape).toEqual([2, 3]);
    // an ellipsis standing for no axis still separates them
    expect(np.get(a, ':', [0], '...', [0]).shape).toEqual([1, 2]);
    expect(np.tolist(np.get(a, ':', [0], '...', [0]))).toEqual([[0, 12]]);
    expect(np.get(range(120, 2, 3, 4, 5), ':', 0, ':', [0, 1]).shape).toEqual([2, 2, 4]);
  });

  it('boolean masks select in C order', () => {
    const m = np.array([
      [true, false, true],
      [false, false, true],
    ]);
    expect(np.tolist(np.get(a, m))).toEqual([
      [0, 1, 2, 3],
      [8, 9, 10, 11],
      [20, 21, 22, 23],
    ]);
    expect(np.tolist(np.get(a, 0, [true, false, true]))).toEqual([
      [0, 1, 2, 3],
      [8, 9, 10, 11],
    ]);
    expect(np.get(a, ':', np.array([true, false, true]), '1:3').shape).toEqual([2, 2, 2]);
    expect(np.get(a, [0, 1], '1:2', np.array([true, false, true, false])).shape).toEqual([2, 1]);
    // a transposed mask still selects in the C order of its own indices
    const t = np.transpose(np.array([
      [true, true],
      [false, true],
    ]));
    expect(np.tolist(np.get(range(4, 2, 2), t))).toEqual([0, 2, 3]);
  });

  it('0-d booleans add an axis of length 1 or 0', () => {
    expect(np.get(a, np.array(true)).shape).toEqual([1, 2, 3, 4]);
    expect(np.get(a, np.array(false)).shape).toEqual([0, 2, 3, 4]);
    expect(np.get(a, np.array(true), [0, 1]).shape).toEqual([2, 3, 4]);
    expect(np.get(a, ':', np.array(true), [0, 1]).shape).toEqual([2, 2, 4]);
    expect(np.get(a, 0, np.array(true)).shape).toEqual([1, 3, 4]);
  });

  it('the result owns fresh memory and the inputs are unchanged', () => {
    const b = range(6, 2, 3);
    const idx = np.array([1, 0]);
    const r = np.get(b, idx);
    np.set(r, [0, 0], 99);
    expect(np.tolist(b)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(np.tolist(idx)).toEqual([1, 0]);
    expect(r.flags.cContiguous).toBe(true);
  });

  it('empty selections skip the bounds check, as NumPy', () => {
    expect(np.get(range(12, 3, 4), [5], np.array([], { dtype: 'int32' })).shape).toEqual([0]);
    expect(np.get(np.reshape(np.array([]), [0, 3]), [], [9]).shape).toEqual([0]);
  });

  it('dtypes are kept', () => {
    for (const dtype of ['bool', 'int8', 'uint16', 'int64', 'uint64', 'float32', 'float64'] as np.DType[]) {
      const b = np.array([1, 0, 1], { dtype });
      expect(np.get(b, [2, 0]).dtype).toBe(dtype);
      expect(np.get(b, '1:').dtype).toBe(dtype);
    }
  });
});

describe('get: errors (NumPy messages)', () => {
  const a = range(24, 2, 3, 4);

  it('out of bounds integers and arrays', () => {
    expectThrows(() => np.get(a, 5), np.IndexError, 'index 5 is out of bounds for axis 0 with size 2');
    expectThrows(() => np.get(a, ':', -4), np.IndexError, 'index -4 is out of bounds for axis 1 with size 3');
    expectThrows(() => np.get(a, ':', [5]), np.IndexError, 'index 5 is out of bounds for axis 1 with size 3');
    expectThrows(() => np.get(a, null, ':', [5]), np.IndexError, 'index 5 is out of bounds for axis 1 with size 3');
    expectThrows(() => np.get(a, [7], 5), np.IndexError, 'index 5 is out of bounds for axis 1 with size 3');
    expectThrows(() => np.get(np.reshape(np.array([]), [3, 0]), [5]), np.IndexError, 'index 5 is out of bounds for axis 0 with size 3');
    expectThrows(() => np.get(np.reshape(np.array([]), [2, 0]), ':', 0), np.IndexError, 'index 0 is out of bounds for axis 1 with size 0');
  });

  it('too many indices, two ellipses', () => {
    expectThrows(() => np.get(a, 0, 0, 0, 0), np.IndexError, 'too many indices for array: array is 3-dimensional, but 4 were indexed');
    expectThrows(() => np.get(np.array(5), 0), np.IndexError, 'too many indices for array: array is 0-dimensional, but 1 were indexed');
    expectThrows(() => np.get(a, '...', '...'), np.IndexError, "an index can only have a single ellipsis ('...')");
  });

  it('mask shape mismatch', () => {
    expectThrows(
      () => np.get(a, ':', np.array([true, false])),
      np.IndexError,
      'boolean index did not match indexed array along axis 1; size of axis is 3 but size of corresponding boolean axis is 2',
    );
    expectThrows(
      () => np.get(a, np.array([[false, false], [false, false]])),
      np.IndexError,
      'boolean index did not match indexed array along axis 1; size of axis is 3 but size of corresponding boolean axis is 2',
    );
    expectThrows(
      () => np.get(a, [true, false, true]),
      np.IndexError,
      'boolean index did not match indexed array along axis 0; size of axis is 2 but size of corresponding boolean axis is 3',
    );
  });

  it('index arrays that do not broadcast', () => {
    expectThrows(() => np.get(a, [0, 1], [0, 1, 2]), np.IndexError, 'shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,)');
    expectThrows(() => np.get(a, [0, 1], 0, [0, 1, 2]), np.IndexError, 'shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,)');
    expectThrows(() => np.get(a, [0, 1], np.array(true), [0, 1, 2]), np.IndexError, 'shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (1,) (3,)');
    expectThrows(
      () => np.get(a, np.array([[true, false, true], [false, false, true]]), [0, 1]),
      np.IndexError,
      'shape mismatch: indexing arrays could not be broadcast together with shapes (3,) (3,) (2,)',
    );
  });

  it('index items of the wrong kind', () => {
    expectThrows(() => np.get(a, np.array([0.5])), np.IndexError, 'arrays used as indices must be of integer (or boolean) type');
    expectThrows(() => np.get(a, [0, 1.5]), np.IndexError, INVALID);
    expectThrows(() => np.get(a, 1.5), np.IndexError, INVALID);
    expectThrows(() => np.get(a, NaN), np.IndexError, INVALID);
    for (const bad of ['3', '', 'a:b', '1:2:3:4', 'None']) expectThrows(() => np.get(a, bad), np.IndexError, INVALID);
    expectThrows(() => np.get(a, '1.5:2'), TypeError, 'slice indices must be integers or None or have an __index__ method');
    expectThrows(() => np.get(a, undefined as unknown as number), np.IndexError, INVALID);
    expectThrows(
      () => np.get(a, [[0, 1], [0]] as unknown as number[]),
      np.ValueError,
      'setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.',
    );
  });
});

describe('set', () => {
  it('basic indices write through a view, broadcasting the value', () => {
    const a = range(6, 2, 3);
    np.set(a, [0, '1:'], 7);
    expect(np.tolist(a)).toEqual([
      [0, 7, 7],
      [3, 4, 5],
    ]);
    np.set(a, ':', [10, 20, 30]);
    expect(np.tolist(a)).toEqual([
      [10, 20, 30],
      [10, 20, 30],
    ]);
    np.set(a, [1, 2], -1);
    expect(np.item(a, 1, 2)).toBe(-1);
    np.set(a, '...', np.array([[[1, 2, 3]]])); // leading length-1 axes dropped
    expect(np.tolist(a)).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
  });

  it('fancy and mask assignment; repeated indices keep the last value', () => {
    const a = range(5);
    np.set(a, np.array([0, 0, 1, 1]), [7, 8, 9, 10]);
    expect(np.tolist(a)).toEqual([8, 10, 2, 3, 4]);
    np.set(a, [[4, -1]], [1, 2]);
    expect(np.tolist(a)).toEqual([8, 10, 2, 3, 2]);
    np.set(a, [true, false, true, false, false], 0);
    expect(np.tolist(a)).toEqual([0, 10, 0, 3, 2]);
    np.set(a, np.array([false, true, false, true, true]), [5, 6, 7]);
    expect(np.tolist(a)).toEqual([0, 5, 0, 6, 7]);
    const b = range(6, 2, 3);
    np.set(b, [':', [0, 2]], [[-1], [-2]]);
    expect(np.tolist(b)).toEqual([
      [-1, 1, -1],
      [-2, 4, -2],
    ]);
    // through a strided view of another array
    const c = range(6);
    np.set(np.get(c, '::2'), np.array([0, 0, 1, 1]), [1, 2, 3, 4]);
    expect(np.tolist(c)).toEqual([2, 1, 4, 3, 4, 5]);
  });

  it('overlapping source and destination behave as if the source were copied first', () => {
    const x = range(3);
    np.set(x, '1:', np.get(x, ':-1'));
    expect(np.tolist(x)).toEqual([0, 0, 1]);
    const y = range(5);
    np.set(y, np.array([1, 2, 3]), np.get(np.get(y, '::-1'), ':3'));
    expect(np.tolist(y)).toEqual([0, 4, 3, 2, 4]);
  });

  it('converts values to the dtype: truncation, bool, unsafe casts of arrays', () => {
    const i = np.array([0, 0, 0], { dtype: 'int16' });
    np.set(i, ':', [1.5, -2.7, true]);
    expect(np.tolist(i)).toEqual([1, -2, 1]);
    const u = np.array([0, 0], { dtype: 'uint8' });
    np.set(u, ':', np.array([300, -1]));
    expect(np.tolist(u)).toEqual([44, 255]);
    np.set(u, 0, -0.5);
    expect(np.tolist(u)).toEqual([0, 255]);
    const b = np.array([false, false, false]);
    np.set(b, ':', [0.5, 0, -5]);
    expect(np.tolist(b)).toEqual([true, false, true]);
    const big = np.array([0n, 0n], { dtype: 'uint64' });
    np.set(big, 0, 2n ** 64n - 1n);
    np.set(big, 1, 1e19);
    expect(np.tolist(big)).toEqual([2n ** 64n - 1n, 10000000000000000000n]);
    const f = np.array([0, 0], { dtype: 'float32' });
    np.set(f, 0, 1e300);
    expect(np.tolist(f)).toEqual([Infinity, 0]);
  });

  it('JS numbers that do not fit throw as Python scalars do in NumPy 2', () => {
    const u = np.array([0, 0, 0], { dtype: 'uint8' });
    expectThrows(() => np.set(u, 0, 300), np.OverflowError, 'Python integer 300 out of bounds for uint8');
    expectThrows(() => np.set(u, 0, -1), np.OverflowError, 'Python integer -1 out of bounds for uint8');
    expectThrows(() => np.set(u, 0, -2.5), np.OverflowError, 'Python integer -2 out of bounds for uint8');
    expectThrows(() => np.set(u, ':', [1, 300, 2]), np.OverflowError, 'Python integer 300 out of bounds for uint8');
    expectThrows(() => np.set(u, np.array([0]), 300), np.OverflowError, 'Python integer 300 out of bounds for uint8');
    const i = np.array([0], { dtype: 'int32' });
    expectThrows(() => np.set(i, 0, NaN), np.ValueError, 'cannot convert float NaN to integer');
    expectThrows(() => np.set(i, 0, Infinity), np.OverflowError, 'cannot convert float infinity to integer');
    expectThrows(() => np.set(i, 0, 1e10 + 0.5), np.OverflowError, 'Python integer 10000000000 out of bounds for int32');
    expectThrows(() => np.set(i, 0, 1e20), np.OverflowError, 'Python int too large to convert to C long');
    expectThrows(() => np.set(np.array([0n], { dtype: 'uint64' }), 0, 2n ** 64n), np.OverflowError, 'Python int too large to convert to C long');
    expectThrows(() => np.set(np.array([0n], { dtype: 'uint64' }), 0, -1), np.OverflowError, 'Python integer -1 out of bounds for uint64');
    expect(np.tolist(u)).toEqual([0, 0, 0]);
  });

  it('value shapes that do not fit the selection', () => {
    const a = np.array([0, 0, 0]);
    expectThrows(() => np.set(a, '0:2', [1, 2, 3]), np.ValueError, 'could not broadcast input array from shape (3,) into shape (2,)');
    expectThrows(() => np.set(a, '0:2', np.array([[1, 2, 3]])), np.ValueError, 'could not broadcast input array from shape (3,) into shape (2,)');
    expectThrows(() => np.set(a, ':', []), np.ValueError, 'could not broadcast input array from shape (0,) into shape (3,)');
    expectThrows(() => np.set(a, np.array([0, 1]), [1, 2, 3]), np.ValueError, 'shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)');
    expectThrows(() => np.set(a, np.array([0, 1]), np.array([[1, 2, 3]])), np.ValueError, 'shape mismatch: value array of shape (1,3) could not be broadcast to indexing result of shape (2,)');
    expectThrows(() => np.set(a, ':', [[1, 2, 3]]), np.ValueError, 'setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.');
    expectThrows(() => np.set(a, 0, np.array([5])), np.ValueError, 'setting an array element with a sequence.');
    expectThrows(() => np.set(a, 0, [5]), np.ValueError, 'setting an array element with a sequence.');
    expectThrows(() => np.set(a, [[5]], [1, 2]), np.ValueError, 'shape mismatch: value array of shape (2,) could not be broadcast to indexing result of shape (1,)');
    expect(np.tolist(a)).toEqual([0, 0, 0]);
    np.set(a, np.array([0, 1]), [[4, 5]]); // a list value keeps its leading 1, dropped on assignment
    expect(np.tolist(a)).toEqual([4, 5, 0]);
  });

  it("NumPy's boolean-mask assignment messages", () => {
    const a = np.array([0, 0, 0]);
    const m = np.array([true, false, true]);
    expectThrows(() => np.set(a, m, [1, 2, 3]), np.ValueError, 'NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output values where the mask is true');
    expectThrows(() => np.set(a, m, [[1, 2]]), TypeError, 'NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has 2 dimensions');
    expectThrows(() => np.set(a, m, []), np.ValueError, 'NumPy boolean array indexing assignment cannot assign 0 input values to the 2 output values where the mask is true');
    np.set(a, m, [5]);
    expect(np.tolist(a)).toEqual([5, 0, 5]);
    // with another item the general rule applies
    const b = range(4, 2, 2);
    expectThrows(() => np.set(b, [np.array([true, false]), 0], [1, 2, 3]), np.ValueError, 'shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (1,)');
  });

  it('a bool element takes the truth of a one-element value, as NumPy', () => {
    const b = np.array([false, false]);
    np.set(b, 0, np.array([5]));
    np.set(b, 1, [0]); // a non-empty list is true in Python
    expect(np.tolist(b)).toEqual([true, true]);
    np.set(b, 0, np.array([0]));
    expect(np.tolist(b)).toEqual([false, true]);
    expectThrows(() => np.set(b, 0, np.array([1, 2])), np.ValueError, 'setting an array element with a sequence.');
  });

  it('read-only destinations and index errors', () => {
    const a = np.array([1, 2, 3]);
    a.flags.writeable = false;
    expectThrows(() => np.set(a, 0, 1), np.ValueError, 'assignment destination is read-only');
    expectThrows(() => np.set(a, 5, 1), np.ValueError, 'assignment destination is read-only');
    expectThrows(() => np.set(a, [[0]], 1), np.ValueError, 'assignment destination is read-only');
    const w = np.array([1, 2, 3], { dtype: 'uint8' });
    expectThrows(() => np.set(w, 5, 300), np.IndexError, 'index 5 is out of bounds for axis 0 with size 3');
    expectThrows(() => np.set(w, [[5]], [1]), np.IndexError, 'index 5 is out of bounds for axis 0 with size 3');
  });

  it('the value is left unchanged', () => {
    const a = range(4);
    const v = np.array([9, 8]);
    np.set(a, [[0, 1]], v);
    expect(np.tolist(v)).toEqual([9, 8]);
  });
});

describe('item', () => {
  const a = range(6, 2, 3);

  it('multi-index, flat index, negative indices, size-1 arrays', () => {
    expect(np.item(a, 1, -1)).toBe(5);
    expect(np.item(a, 4)).toBe(4);
    expect(np.item(a, -1)).toBe(5);
    expect(np.item(np.transpose(a), 1)).toBe(3);
    expect(np.item(np.array([[7]]))).toBe(7);
    expect(np.item(np.array(7))).toBe(7);
    expect(np.item(np.array(7), 0)).toBe(7);
  });

  it('JS types: boolean for bool, bigint for 64-bit integers', () => {
    expect(np.item(np.array([true]))).toBe(true);
    expect(np.item(np.array([3], { dtype: 'int64' }))).toBe(3n);
    expect(np.item(np.array([3], { dtype: 'uint64' }))).toBe(3n);
    expect(np.item(np.array([1.5], { dtype: 'float32' }))).toBe(1.5);
  });

  it('errors', () => {
    expectThrows(() => np.item(a), np.ValueError, 'can only convert an array of size 1 to a Python scalar');
    expectThrows(() => np.item(a, 7), np.IndexError, 'index 7 is out of bounds for size 6');
    expectThrows(() => np.item(a, 0, 5), np.IndexError, 'index 5 is out of bounds for axis 1 with size 3');
    expectThrows(() => np.item(range(3), -4), np.IndexError, 'index -4 is out of bounds for axis 0 with size 3');
    expectThrows(() => np.item(a, 1, 2, 3), np.ValueError, 'incorrect number of indices for array');
    expectThrows(() => np.item(a, 1.5), TypeError, "'float' object cannot be interpreted as an integer");
  });
});

describe('tolist and iterate', () => {
  it('nested lists in C order of any layout', () => {
    expect(np.tolist(range(6, 2, 3))).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(np.tolist(np.transpose(range(6, 2, 3)))).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
    expect(np.tolist(np.array([true, false]))).toEqual([true, false]);
    expect(np.tolist(np.array([1, -2], { dtype: 'int64' }))).toEqual([1n, -2n]);
    expect(np.tolist(np.array(2.5))).toBe(2.5);
    expect(np.tolist(np.reshape(np.array([]), [2, 0]))).toEqual([[], []]);
    expect(np.tolist(np.reshape(np.array([]), [0, 2]))).toEqual([]);
    expect(np.tolist([[1, 2]])).toEqual([[1, 2]]);
  });

  it('iterate yields views along axis 0', () => {
    const a = range(6, 3, 2);
    const rows = [...np.iterate(a)];
    expect(rows.map((r) => np.tolist(r))).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(rows[1]!.base).toBe(a.base ?? a);
    expect([...np.iterate(range(3))].map((r) => r.shape)).toEqual([[], [], []]);
    expect([...np.iterate(np.reshape(np.array([]), [0, 2]))]).toEqual([]);
  });

  it('iterating a 0-d array is a TypeError', () => {
    expectThrows(() => np.iterate(np.array(5)), TypeError, 'iteration over a 0-d array');
  });
});

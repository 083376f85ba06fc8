/**
 * Examples, edge cases and every error message of sorting and searching: sort, sortInPlace,
 * argsort, partition, partitionInPlace, argpartition, searchsorted, nonzero, argwhere, flatnonzero, unique,
 * take, takeAlongAxis, putAlongAxis. Expected values are closed forms written out here;
 * error messages are NumPy 2.4's, and where python3 with NumPy is present each one is
 * checked against NumPy again.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { toPlain } from '../../../test/reference/plain.js';
import { hasNumpy, oracle } from '../../../test/oracle/numpy.js';
import { expectThrows, expectValues, fingerprint, type ErrorClass } from '../../../test/helpers.js';

const f64 = (xs: number[]): np.NDArray => np.asarray(new Float64Array(xs));
const values = (a: np.NDArray): (number | bigint)[] => toPlain(a).values;
const isNegZero = (x: unknown): boolean => Object.is(x, -0);

describe('sort', () => {
  it('sorts along the last axis by default, NaN last, infinities in place', () => {
    expectValues(np.sort(f64([3, NaN, -Infinity, 1, Infinity, -2])), 'float64', [-Infinity, -2, 1, 3, Infinity, NaN], [6]);
    expectValues(np.sort([[3, 1, 2], [0, -1, 5]]), 'int32', [1, 2, 3, -1, 0, 5], [2, 3]);
  });

  it('takes the axis positionally, in the options, or null to flatten', () => {
    const a = np.array([[3, 1], [0, 2]]);
    expectValues(np.sort(a, 0), 'int32', [0, 1, 3, 2], [2, 2]);
    expectValues(np.sort(a, { axis: -2 }), 'int32', [0, 1, 3, 2], [2, 2]);
    expectValues(np.sort(a, null), 'int32', [0, 1, 2, 3], [4]);
    expectValues(np.sort(5, null), 'int32', [5], [1]);
  });

  it('keeps the dtype, including 64-bit integers and bool', () => {
    const big = np.asarray(new BigInt64Array([5n, -(2n ** 63n), 2n ** 63n - 1n, 0n]));
    expect(values(np.sort(big))).toEqual([-(2n ** 63n), 0n, 5n, 2n ** 63n - 1n]);
    const u = np.asarray(new BigUint64Array([2n ** 64n - 1n, 3n]));
    expect(values(np.sort(u))).toEqual([3n, 2n ** 64n - 1n]);
    expectValues(np.sort([true, false, true]), 'bool', [0, 1, 1]);
  });

  it('a stable sort keeps -0 and +0 in their order; sorts of any length are correct', () => {
    const zeros = f64([0, -0, 1, -0, 0]);
    const s = values(np.sort(zeros, -1, { kind: 'stable' }));
    expect(s.map(isNegZero)).toEqual([false, true, true, false, false]);
    expect(values(np.sort(zeros, -1, { stable: true })).map(isNegZero)).toEqual([false, true, true, false, false]);
    const long = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 0 : -0));
    const sl = values(np.sort(f64(long), -1, { kind: 'mergesort' }));
    expect(sl.map(isNegZero)).toEqual(long.map(isNegZero));
    const rnd = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1009) - 500);
    expectValues(np.sort(f64(rnd)), 'float64', [...rnd].sort((x, y) => x - y));
  });

  it('sorts non-contiguous views and 0-length axes, leaving the input unchanged', () => {
    const a = np.transpose(np.array([[4, 3], [2, 1], [0, 5]]));
    const before = fingerprint(a);
    expectValues(np.sort(a), 'int32', [0, 2, 4, 1, 3, 5], [2, 3]);
    expect(fingerprint(a)).toBe(before);
    expect(np.sort(np.zeros([0, 3]), 0).shape).toEqual([0, 3]);
    expect(np.sort(np.zeros([2, 0])).shape).toEqual([2, 0]);
  });

  it('accepts every kind NumPy accepts (by first letter)', () => {
    for (const kind of ['quicksort', 'heapsort', 'mergesort', 'stable', 'q', 'Heap']) {
      expectValues(np.sort([2, 1], -1, { kind }), 'int32', [1, 2]);
    }
  });
});

describe('sortInPlace', () => {
  it('sorts in place along an axis, through strided views', () => {
    const a = np.array([[3, 1, 2], [9, 8, 7]]);
    np.sortInPlace(a);
    expectValues(a, 'int32', [1, 2, 3, 7, 8, 9]);
    const b = np.array([[3, 1], [0, 2], [5, -1]]);
    const t = np.transpose(b);
    np.sortInPlace(t, 0);
    expectValues(b, 'int32', [1, 3, 0, 2, -1, 5]);
    const c = np.arange(10);
    const rev = c.get('::-2');
    np.sortInPlace(rev);
    expectValues(c, 'int32', [0, 9, 2, 7, 4, 5, 6, 3, 8, 1]);
  });

  it('refuses read-only arrays and 0-d arrays, as NumPy', () => {
    const a = np.array([2, 1]);
    a.flags.writeable = false;
    expectThrows(() => np.sortInPlace(a), np.ValueError, 'sort array is read-only');
    expectThrows(() => np.sortInPlace(np.array(3)), np.AxisError, 'axis -1 is out of bounds for array of dimension 0');
    expectThrows(() => np.sortInPlace(np.array([1]), null as unknown as number), np.DTypeError, "'NoneType' object cannot be interpreted as an integer");
  });
});

describe('argsort', () => {
  it('gives stable int32 indices, NaN last', () => {
    expectValues(np.argsort([3, 1, 2, 1]), 'int32', [1, 3, 2, 0]);
    expectValues(np.argsort(f64([NaN, 2, NaN, -1])), 'int32', [3, 1, 0, 2]);
    expectValues(np.argsort([[0, 3], [2, 2]], 0), 'int32', [0, 1, 1, 0], [2, 2]);
    expectValues(np.argsort([[3, 1], [0, 2]], null), 'int32', [2, 1, 3, 0], [4]);
  });

  it('treats a 0-d array as 1-d, as NumPy', () => {
    expectValues(np.argsort(np.array(7)), 'int32', [0], [1]);
    expectValues(np.argsort(np.array(7), 0), 'int32', [0], [1]);
  });

  it('sorts rows whose keys take the merge path (longer than one insertion run)', () => {
    const keys = Array.from({ length: 200 }, (_, i) => (i * 37) % 10);
    const idx = values(np.argsort(keys)) as number[];
    const expected = keys.map((k, i) => [k, i]).sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!).map((p) => p[1]);
    expect(idx).toEqual(expected);
  });
});

describe('partition and argpartition', () => {
  it('puts the kth element in place with smaller ones before and larger after', () => {
    const a = [7, 1, 5, 3, 9, 2, 8];
    const p = values(np.partition(a, 3)) as number[];
    expect(p[3]).toBe(5);
    expect(p.slice(0, 3).every((x) => x <= 5)).toBe(true);
    expect(p.slice(4).every((x) => x >= 5)).toBe(true);
    const i = values(np.argpartition(a, 3)) as number[];
    expect(a[i[3]!]).toBe(5);
    expect([...i].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('takes several kth (negative from the end) and an axis; NaN counts as largest', () => {
    const p = np.partition([[4, 1, 3], [9, 8, 7]], [0, -1], 1);
    expectValues(p, 'int32', [1, 3, 4, 7, 8, 9], [2, 3]);
    const q = values(np.partition(f64([NaN, 3, 1, NaN, 2]), [0, 2, 3]));
    expect(q.slice(0, 3)).toEqual([1, 2, 3]);
    expect(q.slice(3).every((x) => Number.isNaN(x))).toBe(true);
    expectValues(np.partition([[3, 1], [2, 0]], 1, null), 'int32', [0, 1, 2, 3]);
  });

  it('partitions long rows with many ties (quickselect)', () => {
    const a = Array.from({ length: 500 }, (_, i) => (i * 7) % 11);
    const sorted = [...a].sort((x, y) => x - y);
    for (const k of [0, 17, 250, 499]) {
      const p = values(np.partition(a, k)) as number[];
      expect(p[k]).toBe(sorted[k]);
      const i = values(np.argpartition(a, k)) as number[];
      expect(a[i[k]!]).toBe(sorted[k]);
      expect(i.slice(0, k).every((j) => a[j]! <= sorted[k]!)).toBe(true);
      expect(i.slice(k + 1).every((j) => a[j]! >= sorted[k]!)).toBe(true);
    }
  });

  it('partitionInPlace partitions through strided views and refuses read-only arrays', () => {
    const base = np.array([[9, 1], [3, 7], [5, 0], [2, 8]]);
    const col = base.get(':', 0);
    np.partitionInPlace(col, 1);
    expect(col.item(1)).toBe(3);
    expect([col.item(0), col.item(2), col.item(3)].map((v) => (v as number) <= 3)).toEqual([true, false, false]);
    expectValues(base.get(':', 1), 'int32', [1, 7, 0, 8]);
    const ro = np.array([2, 1]);
    ro.flags.writeable = false;
    expectThrows(() => np.partitionInPlace(ro, 0), np.ValueError, 'partition array is read-only');
    expectThrows(() => np.partitionInPlace(np.array(3), 0), np.AxisError, 'axis -1 is out of bounds for array of dimension 0');
  });

  it('allows any kth on an empty array, and argpartition treats 0-d as 1-d', () => {
    expect(np.partition(np.zeros([0]), 5).shape).toEqual([0]);
    expectValues(np.argpartition(np.array(3), 0), 'int32', [0], [1]);
  });
});

describe('searchsorted', () => {
  it('finds left and right insertion points; scalars give numbers', () => {
    expect(np.searchsorted([1, 2, 3, 5], 3)).toBe(2);
    expect(np.searchsorted([1, 2, 3, 5], 3, { side: 'right' })).toBe(3);
    expectValues(np.searchsorted([1, 2, 3, 5], [0, 4, 9]), 'int32', [0, 3, 4]);
    expectValues(np.searchsorted([1, 2, 3, 5], np.array(4)), 'int32', [3], []);
    expectValues(np.searchsorted([1, 2], [[0, 1], [2, 3]]), 'int32', [0, 0, 1, 2], [2, 2]);
  });

  it('sorts NaN last; compares in the promoted dtype', () => {
    const a = f64([1, 2, NaN, NaN]);
    expectValues(np.searchsorted(a, f64([NaN, 2, 5])), 'int32', [2, 1, 2]);
    expectValues(np.searchsorted(a, f64([NaN, 2, 5]), { side: 'right' }), 'int32', [4, 2, 2]);
    expect(np.searchsorted(np.asarray(new Int8Array([1, 2, 3])), 300)).toBe(3);
    expect(np.searchsorted(np.asarray(new Int8Array([1, 2, 3])), 2.5)).toBe(2);
    expect(np.searchsorted(np.asarray(new Uint8Array([1, 2, 3])), -1)).toBe(0);
  });

  it('reads the haystack through a sorter', () => {
    expect(np.searchsorted([3, 1, 2], 2, { sorter: [1, 2, 0] })).toBe(1);
    expectValues(np.searchsorted([30, 10, 20], [5, 25, 35], { sorter: np.argsort([30, 10, 20]) }), 'int32', [0, 2, 3]);
  });
});

describe('nonzero, argwhere, flatnonzero', () => {
  it('index nonzero elements in C order (NaN nonzero, -0 zero)', () => {
    const [r, c] = np.nonzero([[0, 1], [2, 0]]);
    expectValues(r!, 'int32', [0, 1]);
    expectValues(c!, 'int32', [1, 0]);
    const [i] = np.nonzero(f64([0, NaN, -0, 3]));
    expectValues(i!, 'int32', [1, 3]);
    expectValues(np.argwhere([[0, 1], [2, 0]]), 'int32', [0, 1, 1, 0], [2, 2]);
    expectValues(np.flatnonzero([[0, 1], [2, 0]]), 'int32', [1, 2], [2]);
  });

  it('walks transposed arrays in C order of the view', () => {
    const t = np.transpose(np.array([[0, 1], [2, 0]]));
    const [r, c] = np.nonzero(t);
    expectValues(r!, 'int32', [0, 1]);
    expectValues(c!, 'int32', [1, 0]);
  });

  it('handles 0-d and empty arrays as NumPy', () => {
    expect(np.argwhere(np.array(3)).shape).toEqual([1, 0]);
    expect(np.argwhere(np.array(0)).shape).toEqual([0, 0]);
    expect(np.argwhere(np.zeros([2, 0])).shape).toEqual([0, 2]);
    expectValues(np.flatnonzero(np.array(3)), 'int32', [0]);
    expect(np.nonzero(np.zeros([2, 0])).map((x) => x.shape)).toEqual([[0], [0]]);
  });
});

describe('unique', () => {
  it('returns the sorted distinct values, NaNs as one (equalNan)', () => {
    expectValues(np.unique([3, 1, 3, 2]), 'int32', [1, 2, 3]);
    expectValues(np.unique(f64([NaN, 1, NaN])), 'float64', [1, NaN]);
    expectValues(np.unique(f64([NaN, 1, NaN]), { equalNan: false }), 'float64', [1, NaN, NaN]);
    expectValues(np.unique([]), 'float64', [], [0]);
  });

  it('returns index, inverse and counts in NumPy order and by name', () => {
    const a = np.array([[3, 1, 3], [2, 1, 9]]);
    const r = np.unique(a, { returnIndex: true, returnInverse: true, returnCounts: true });
    expect(r.length).toBe(4);
    expectValues(r.values, 'int32', [1, 2, 3, 9]);
    expectValues(r.indices!, 'int32', [1, 3, 0, 5]);
    expectValues(r.inverse!, 'int32', [2, 0, 2, 1, 0, 3], [2, 3]); // the input's shape (NumPy 2.x)
    expectValues(r.counts!, 'int32', [2, 1, 2, 1]);
    const [v, c] = np.unique([5, 5], { returnCounts: true });
    expectValues(v!, 'int32', [5]);
    expectValues(c!, 'int32', [2]);
    expect(np.unique(np.array(4), { returnInverse: true }).inverse!.shape).toEqual([]);
  });

  it('the first occurrence represents equal values with returnIndex (-0 and +0)', () => {
    const r = np.unique(f64([-0, 0, 1]), { returnIndex: true });
    expect(isNegZero(values(r.values)[0])).toBe(true);
    expectValues(r.indices!, 'int32', [0, 2]);
  });

  it('finds unique sub-arrays along an axis (NaN rows never equal)', () => {
    expectValues(np.unique([[1, 2], [1, 2], [0, 5]], { axis: 0 }), 'int32', [0, 5, 1, 2], [2, 2]);
    const cols = np.unique([[1, 0, 1], [2, 5, 2]], { axis: 1, returnInverse: true, returnCounts: true });
    expectValues(cols.values, 'int32', [0, 1, 5, 2], [2, 2]);
    expectValues(cols.inverse!, 'int32', [1, 0, 1], [3]);
    expectValues(cols.counts!, 'int32', [1, 2]);
    const nan = np.unique(np.array([[NaN, 1], [NaN, 1], [0, 1]]), { axis: 0, returnCounts: true });
    expectValues(nan.values, 'float64', [0, 1, NaN, 1, NaN, 1], [3, 2]);
    expectValues(nan.counts!, 'int32', [1, 1, 1]);
    const empty = np.unique(np.zeros([3, 0]), { axis: 0, returnInverse: true, returnCounts: true });
    expect(empty.values.shape).toEqual([1, 0]);
    expectValues(empty.inverse!, 'int32', [0, 0, 0]);
    expectValues(empty.counts!, 'int32', [3]);
  });
});

describe('take, takeAlongAxis, putAlongAxis', () => {
  it('take: flattened by default, along an axis, with wrap and clip modes', () => {
    expectValues(np.take([4, 3, 5, 7], [0, 2]), 'int32', [4, 5]);
    expectValues(np.take([[1, 2], [3, 4]], [[1, 0]], 1), 'int32', [2, 1, 4, 3], [2, 1, 2]);
    expectValues(np.take([[1, 2], [3, 4]], 3), 'int32', [4], []);
    expectValues(np.take([4, 3, 5], [7, -4], { mode: 'wrap' }), 'int32', [3, 5]);
    expectValues(np.take([4, 3, 5], [7, -4], { mode: 'clip' }), 'int32', [5, 4]);
    expectValues(np.take([4, 3, 5], [-1, 1.9]), 'int32', [5, 3]); // JS floats truncate as Python ints
    expectValues(np.take(np.array(5), 0), 'int32', [5], []);
    expect(np.take(np.zeros([2, 0]), [], 1).shape).toEqual([2, 0]);
    expect(np.take(np.zeros([0, 2]), [5], 1).shape).toEqual([0, 1]); // no index is checked then, as NumPy
  });

  it('takeAlongAxis: picks along an axis with broadcasting indices', () => {
    const a = np.array([[10, 30, 20], [60, 40, 50]]);
    expectValues(np.takeAlongAxis(a, np.argsort(a, 1), 1), 'int32', [10, 20, 30, 40, 50, 60]);
    expectValues(np.takeAlongAxis(a, np.array([[2]]), 1), 'int32', [20, 50], [2, 1]);
    expectValues(np.takeAlongAxis(a, np.array([[1, 0, 1]]), 0), 'int32', [60, 30, 50]);
    expectValues(np.takeAlongAxis(a, np.array([5, -1]), null), 'int32', [50, 50]);
    expectValues(np.takeAlongAxis(a, np.array([[0], [2]])), 'int32', [10, 50]); // axis -1 by default
  });

  it('putAlongAxis: writes in place, values broadcast and converted', () => {
    const a = np.array([[10, 30, 20], [60, 40, 50]]);
    np.putAlongAxis(a, np.argmax(a, 1, { keepdims: true }), 99, 1);
    expectValues(a, 'int32', [10, 99, 20, 99, 40, 50]);
    np.putAlongAxis(a, np.array([[0], [0]]), [[1], [2.7]], 1);
    expectValues(a, 'int32', [1, 99, 20, 2, 40, 50]);
    const t = np.transpose(np.array([[1, 2], [3, 4]]));
    np.putAlongAxis(t, np.array([0, 3]), [7, 8], null);
    expectValues(t, 'int32', [7, 3, 2, 8]);
    const ro = np.array([1, 2]);
    ro.flags.writeable = false;
    expectThrows(() => np.putAlongAxis(ro, np.array([0]), 5, 0), np.ValueError, 'assignment destination is read-only');
  });
});

/** Every error: the call, the NumPy expression, the class and NumPy's message. */
const ERRORS: [() => unknown, string, ErrorClass, string][] = [
  [() => np.sort(np.array(5)), 'np.sort(np.array(5))', np.AxisError, 'axis -1 is out of bounds for array of dimension 0'],
  [() => np.sort([[3, 1]], 2), 'np.sort(np.array([[3,1]]), axis=2)', np.AxisError, 'axis 2 is out of bounds for array of dimension 2'],
  [() => np.sort([3, 1], -1, { kind: 'foo' }), "np.sort(np.array([3,1]), kind='foo')", np.ValueError, "sort kind must be one of 'quick', 'heap', or 'stable' (got 'foo')"],
  [() => np.sort([3, 1], -1, { kind: 3 as unknown as string }), 'np.sort(np.array([3,1]), kind=3)', np.DTypeError, 'sort kind must be str, not int'],
  [() => np.sort([3, 1], -1, { kind: 'stable', stable: true }), "np.sort(np.array([3,1]), kind='stable', stable=True)", np.ValueError, "`kind` and keyword parameters can't be provided at the same time. Use only one of them."],
  [() => np.sort([1], 0, { axis: 0 } as never), 'np.sort(np.array([1]), 0, axis=0)', np.DTypeError, "sort() got multiple values for argument 'axis'"],
  [() => np.argsort(np.array(5), 1), 'np.argsort(np.array(5), axis=1)', np.AxisError, 'axis 1 is out of bounds for array of dimension 1'],
  [() => np.argsort([[1]], -3), 'np.argsort(np.array([[1]]), axis=-3)', np.AxisError, 'axis -3 is out of bounds for array of dimension 2'],
  [() => np.partition([3, 1, 2], 3), 'np.partition(np.array([3,1,2]), 3)', np.ValueError, 'kth(=3) out of bounds (3)'],
  [() => np.partition([3, 1, 2], -4), 'np.partition(np.array([3,1,2]), -4)', np.ValueError, 'kth(=-1) out of bounds (3)'],
  [() => np.partition([3, 1, 2], 1.5), 'np.partition(np.array([3,1,2]), 1.5)', np.DTypeError, 'Partition index must be integer'],
  [() => np.partition([3, 1, 2], true), 'np.partition(np.array([3,1,2]), True)', np.ValueError, 'Booleans unacceptable as partition index'],
  [() => np.partition([3, 1, 2], [[0, 1]]), 'np.partition(np.array([3,1,2]), [[0,1]])', np.ValueError, 'setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.'],
  [() => np.partition([3, 1, 2], np.array([[1]])), 'np.partition(np.array([3,1,2]), np.array([[1]]))', np.ValueError, 'object too deep for desired array'],
  [() => np.partition([3, 1, 2], 0, { kind: 'quick' }), "np.partition(np.array([3,1,2]), 0, kind='quick')", np.ValueError, "select kind must be 'introselect' (got 'quick')"],
  [() => np.partition(np.array(3), 0), 'np.partition(np.array(3), 0)', np.AxisError, 'axis -1 is out of bounds for array of dimension 0'],
  [() => np.argpartition(np.array(3), 0, 1), 'np.argpartition(np.array(3), 0, axis=1)', np.AxisError, 'axis 1 is out of bounds for array of dimension 1'],
  [() => np.argpartition([[3, 1], [2, 0]], 4, null), 'np.argpartition(np.array([[3,1],[2,0]]), 4, axis=None)', np.ValueError, 'kth(=4) out of bounds (4)'],
  [() => np.searchsorted([[1, 2, 3]], 1), 'np.searchsorted(np.array([[1,2,3]]), 1)', np.ValueError, 'object too deep for desired array'],
  [() => np.searchsorted(np.array(1), 1), 'np.searchsorted(np.array(1), 1)', np.ValueError, 'object of too small depth for desired array'],
  [() => np.searchsorted([1, 2, 3], 1, { side: 'x' as 'left' }), "np.searchsorted(np.array([1,2,3]), 1, side='x')", np.ValueError, "search side must be 'left' or 'right' (got 'x')"],
  [() => np.searchsorted([1, 2, 3], 1, { side: 'l' as 'left' }), "np.searchsorted(np.array([1,2,3]), 1, side='l')", np.ValueError, "search side must be one of 'left' or 'right'"],
  [() => np.searchsorted([3, 1, 2], 2, { sorter: [1, 2] }), 'np.searchsorted(np.array([3,1,2]), 2, sorter=[1,2])', np.ValueError, 'sorter.size must equal a.size'],
  [() => np.searchsorted([3, 1, 2], 2, { sorter: [1.5, 2, 0] }), 'np.searchsorted(np.array([3,1,2]), 2, sorter=[1.5,2,0])', np.DTypeError, 'sorter must only contain integers'],
  [() => np.searchsorted([3, 1, 2], 2, { sorter: [[1, 2, 0]] }), 'np.searchsorted(np.array([3,1,2]), 2, sorter=[[1,2,0]])', np.DTypeError, 'could not parse sorter argument'],
  [() => np.searchsorted([3, 1, 2], 2, { sorter: [-1, 2, 0] }), 'np.searchsorted(np.array([3,1,2]), 2, sorter=[-1,2,0])', np.ValueError, 'Sorter index out of range.'],
  [() => np.nonzero(np.array(1)), 'np.nonzero(np.array(1))', np.ValueError, 'Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.'],
  [() => np.nonzero(np.array(true)), 'np.nonzero(np.array(True))', np.ValueError, 'Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead. If the context of this error is of the form `arr[nonzero(cond)]`, just use `arr[cond]`.'],
  [() => np.unique(np.array(5), { axis: 0 }), 'np.unique(np.array(5), axis=0)', np.AxisError, 'axis 0 is out of bounds for array of dimension 0'],
  [() => np.unique([0, 1, 2], { axis: 1 }), 'np.unique(np.arange(3), axis=1)', np.AxisError, 'axis 1 is out of bounds for array of dimension 1'],
  [() => np.unique(np.ones([2, 3]), { axis: -3 }), 'np.unique(np.ones((2,3)), axis=-3)', np.AxisError, 'axis -3 is out of bounds for array of dimension 2'],
  [() => np.take(np.arange(6).reshape(2, 3), 7), 'np.take(np.arange(6).reshape(2,3), 7)', np.IndexError, 'index 7 is out of bounds for axis 0 with size 6'],
  [() => np.take(np.arange(6).reshape(2, 3), [1, -4], 1), 'np.take(np.arange(6).reshape(2,3), [1, -4], axis=1)', np.IndexError, 'index -4 is out of bounds for axis 1 with size 3'],
  [() => np.take(np.arange(6), [1], { mode: 'foo' as 'raise' }), "np.take(np.arange(6), [1], mode='foo')", np.ValueError, "clipmode must be one of 'clip', 'raise', or 'wrap' (got 'foo')"],
  [() => np.take(np.arange(6), [1], { mode: 'c' as 'raise' }), "np.take(np.arange(6), [1], mode='c')", np.ValueError, "Use one of 'clip', 'raise', or 'wrap' for clip mode"],
  [() => np.take(np.arange(6), f64([1])), 'np.take(np.arange(6), np.array([1.0]))', np.DTypeError, "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'same_kind'"],
  [() => np.take(np.arange(6), np.array(1.5)), 'np.take(np.arange(6), np.array(1.5))', np.DTypeError, "Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'same_kind'"],
  [() => np.take(np.arange(6).reshape(2, 3), [0], 2), 'np.take(np.arange(6).reshape(2,3), [0], axis=2)', np.AxisError, 'axis 2 is out of bounds for array of dimension 2'],
  [() => np.take(np.zeros([2, 0]), [0], 1), 'np.take(np.zeros((2,0)), [0], axis=1)', np.IndexError, 'cannot do a non-empty take from an empty axes.'],
  [() => np.take(np.array(5), 0, 1), 'np.take(np.array(5), 0, axis=1)', np.AxisError, 'axis 1 is out of bounds for array of dimension 1'],
  [() => np.take([1, 2, 3], [NaN]), 'np.take(np.arange(3), [np.nan])', np.ValueError, 'cannot convert float NaN to integer'],
  [() => np.take([1], 0, 0, { axis: 0 }), 'np.take(np.array([1]), 0, 0, axis=0)', np.DTypeError, "take() got multiple values for argument 'axis'"],
  [() => np.takeAlongAxis(np.arange(6).reshape(2, 3), np.array([[0], [1]]), null), 'np.take_along_axis(np.arange(6).reshape(2,3), np.array([[0],[1]]), axis=None)', np.ValueError, 'when axis=None, `indices` must have a single dimension.'],
  [() => np.takeAlongAxis(np.arange(6).reshape(2, 3), np.array([0, 1]), 1), 'np.take_along_axis(np.arange(6).reshape(2,3), np.array([0,1]), axis=1)', np.ValueError, '`indices` and `arr` must have the same number of dimensions'],
  [() => np.takeAlongAxis(np.arange(6).reshape(2, 3), f64([0]).reshape(1, 1), 1), 'np.take_along_axis(np.arange(6).reshape(2,3), np.array([[0.]]), axis=1)', np.IndexError, '`indices` must be an integer array'],
  [() => np.takeAlongAxis(np.arange(6).reshape(2, 3), np.array([[true]]), 1), 'np.take_along_axis(np.arange(6).reshape(2,3), np.array([[True]]), axis=1)', np.IndexError, '`indices` must be an integer array'],
  [() => np.takeAlongAxis(np.arange(6).reshape(2, 3), np.array([[3]]), 1), 'np.take_along_axis(np.arange(6).reshape(2,3), np.array([[3]]), axis=1)', np.IndexError, 'index 3 is out of bounds for axis 1 with size 3'],
  [() => np.takeAlongAxis(np.arange(6).reshape(2, 3), np.zeros([3, 2], 'int32'), 1), 'np.take_along_axis(np.arange(6).reshape(2,3), np.array([[0,1]]*3), axis=1)', np.IndexError, 'shape mismatch: indexing arrays could not be broadcast together with shapes (2,1) (3,2)'],
  [() => np.takeAlongAxis(np.arange(6).reshape(2, 3), np.array([[0]]), 2), 'np.take_along_axis(np.arange(6).reshape(2,3), np.array([[0]]), axis=2)', np.AxisError, 'axis 2 is out of bounds for array of dimension 2'],
  [() => np.takeAlongAxis(np.array(5), np.array(0)), 'np.take_along_axis(np.array(5), np.array(0), axis=-1)', np.AxisError, 'axis -1 is out of bounds for array of dimension 0'],
  [() => np.putAlongAxis(np.arange(6).reshape(2, 3), np.array([[0], [1]]), [[1, 2, 3]], 1), 'np.put_along_axis(np.arange(6).reshape(2,3), np.array([[0],[1]]), [[1,2,3]], axis=1)', np.ValueError, 'shape mismatch: value array of shape (1,3) could not be broadcast to indexing result of shape (2,1)'],
  [() => np.putAlongAxis(np.arange(6).reshape(2, 3), np.array([[0], [5]]), 1, 1), 'np.put_along_axis(np.arange(6).reshape(2,3), np.array([[0],[5]]), 1, axis=1)', np.IndexError, 'index 5 is out of bounds for axis 1 with size 3'],
  [() => np.putAlongAxis(np.zeros([2, 3], 'uint8'), np.array([[0]]), 300, 1), 'np.put_along_axis(np.zeros((2,3), np.uint8), np.array([[0]]), 300, axis=1)', np.OverflowError, 'Python integer 300 out of bounds for uint8'],
  [() => np.putAlongAxis(np.zeros([2, 3]), np.array([[0], [1]]), 1, null), 'np.put_along_axis(np.zeros((2,3)), np.array([[0],[1]]), 1, axis=None)', np.ValueError, 'when axis=None, `indices` must have a single dimension.'],
];

describe('errors', () => {
  it('every error has NumPy class and message', () => {
    for (const [f, , cls, msg] of ERRORS) expectThrows(f, cls, msg);
  });

  it.runIf(hasNumpy)('the messages are NumPy 2.4 messages', async () => {
    const py = await oracle();
    const answers = await py.run(ERRORS.map(([, code]) => ({ code })));
    const NAME: Record<string, string> = { ValueError: 'ValueError', AxisError: 'AxisError', IndexError: 'IndexError', TypeError: 'DTypeError', OverflowError: 'OverflowError' };
    answers.forEach((ans, i) => {
      const [, code, cls, msg] = ERRORS[i]!;
      expect(ans.ok, code).toBe(false);
      if (ans.ok) return;
      expect(ans.message.trimEnd(), code).toBe(msg);
      expect(NAME[ans.type], code).toBe(cls.name);
    });
  });
});

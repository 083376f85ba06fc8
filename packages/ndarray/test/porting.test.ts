/**
 * Examples, edge cases and every error message of the porting essentials (bincount,
 * histogram, digitize, interp, unravelIndex, ravelMultiIndex, indices, put, isin,
 * intersect1d, union1d, setdiff1d, finfo, iinfo, slidingWindowView, FlatIter), and one test
 * per settled detail of API.md (in-place sort, one-argument where, read-only arrays,
 * same_kind `out`, random scalars and dtypes, TypedArray dtypes, shapes as varargs).
 * Expected values are closed forms written out here; error messages are NumPy 2.4's, and
 * where python3 with NumPy is present each one is checked against NumPy again.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { toPlain } from '../../../test/reference/plain.js';
import { hasNumpy, oracle } from '../../../test/oracle/numpy.js';
import { expectThrows, expectValues, fingerprint, type ErrorClass } from '../../../test/helpers.js';

const f64 = (xs: number[]): np.NDArray => np.asarray(new Float64Array(xs));
const f32 = (xs: number[]): np.NDArray => np.asarray(new Float32Array(xs));
const values = (a: np.NDArray): (number | bigint)[] => toPlain(a).values;

/** A read-only float64 array [0, 1, 2, 3, 4] (`a.flags.writeable = false`), and NumPy's. */
function readOnly(): np.NDArray {
  const a = np.arange(5, { dtype: 'float64' });
  a.flags.writeable = false;
  return a;
}
const RO = 'a = np.arange(5.)\na.flags.writeable = False\n';

describe('bincount', () => {
  it('counts each non-negative integer, with weights and minlength', () => {
    expectValues(np.bincount([0, 1, 1, 3]), 'int32', [1, 2, 0, 1], [4]);
    expectValues(np.bincount([0, 1, 1], { weights: [0.5, 1, 2] }), 'float64', [0.5, 3], [2]);
    expectValues(np.bincount([1], { minlength: 4 }), 'int32', [0, 1, 0, 0], [4]);
    expectValues(np.bincount([3], { minlength: 2 }), 'int32', [0, 0, 0, 1], [4]);
  });

  it('accepts bool and every integer dtype, and strided views', () => {
    expectValues(np.bincount(np.array([true, false, true])), 'int32', [1, 2]);
    expectValues(np.bincount(np.asarray(new BigUint64Array([2n, 0n]))), 'int32', [1, 0, 1]);
    const v = np.arange(10).get('::-3'); // 9, 6, 3, 0
    expectValues(np.bincount(v), 'int32', [1, 0, 0, 1, 0, 0, 1, 0, 0, 1]);
  });

  it('an empty input gives minlength integer zeros, even with weights (as NumPy)', () => {
    expectValues(np.bincount([]), 'int32', [], [0]);
    expectValues(np.bincount([], { weights: [], minlength: 2 }), 'int32', [0, 0], [2]);
  });

  it('does not modify its inputs', () => {
    const x = np.array([2, 0, 2]);
    const w = f64([1, 2, 3]);
    const before = [fingerprint(x), fingerprint(w)];
    np.bincount(x, { weights: w });
    expect([fingerprint(x), fingerprint(w)]).toEqual(before);
  });
});

describe('histogram', () => {
  it('counts values in equal-width bins over the data range', () => {
    const [hist, edges] = np.histogram(np.arange(4), 2);
    expectValues(hist, 'int32', [2, 2]);
    expectValues(edges, 'float64', [0, 1.5, 3]);
    expectValues(np.histogram([1, 2, 1], { bins: [0, 1, 2, 3] })[0], 'int32', [0, 2, 1]);
  });

  it('uses 10 bins by default and widens a zero range by 0.5 each way', () => {
    const [hist, edges] = np.histogram([5, 5, 5]);
    expect(hist.shape).toEqual([10]);
    expectValues(hist, 'int32', [0, 0, 0, 0, 0, 3, 0, 0, 0, 0]);
    expect(values(edges)[0]).toBe(4.5);
    expect(values(edges)[10]).toBe(5.5);
  });

  it('closes the last bin and ignores values outside range', () => {
    const [hist] = np.histogram([0, 1, 2, 3, 4, 10], 2, { range: [1, 3] });
    expectValues(hist, 'int32', [1, 2]);
  });

  it('returns the given edges as they are, and NaN is never counted', () => {
    const edges = f64([0, 1, 2]);
    const [hist, e] = np.histogram(f64([0.5, NaN, 2, 5]), edges);
    expect(e === edges).toBe(true);
    expectValues(hist, 'int32', [1, 1]);
  });

  it('density and weights', () => {
    // NumPy's values: the edges 1, 5/3, 7/3, 3 are rounded, so the densities are off 3/8, 3/4, 3/8 by an ulp
    expectValues(np.histogram([1, 2, 2, 3], 3, { density: true })[0], 'float64', [0.3750000000000001, 0.7500000000000002, 0.37499999999999983]);
    expectValues(np.histogram([1, 1, 2], 2, { weights: f32([0.5, 0.25, 2]) })[0], 'float32', [0.75, 2]);
    expectValues(np.histogram([1, 1, 2], 2, { weights: np.array([1, 2, 3], { dtype: 'int16' }) })[0], 'int16', [3, 3]);
  });

  it('float32 data gives float32 edges computed in float32', () => {
    const [hist, edges] = np.histogram(f32([1, 2, 3.5]), 3);
    expectValues(hist, 'int32', [1, 1, 1]);
    expect(edges.dtype).toBe('float32');
    expect(values(edges)).toEqual([1, Math.fround(1.8333333), Math.fround(2.6666665), 3.5]);
  });

  it('bool data is counted as uint8; empty data spans [0, 1]', () => {
    expectValues(np.histogram([true, false, true], 2)[0], 'int32', [1, 2]);
    const [hist, edges] = np.histogram([], 2);
    expectValues(hist, 'int32', [0, 0]);
    expectValues(edges, 'float64', [0, 0.5, 1]);
  });
});

describe('digitize', () => {
  it('finds the bin of each value, increasing or decreasing bins, right or left closed', () => {
    expectValues(np.digitize([0.2, 6.4, 3.0, 1.6], [0, 1, 2.5, 4, 10]), 'int32', [1, 4, 3, 2]);
    expect(np.digitize(4, [1, 2, 4], true)).toBe(2);
    expect(np.digitize(4, [1, 2, 4])).toBe(3);
    expect(np.digitize(4, [1, 2, 4], { right: true })).toBe(2);
    expectValues(np.digitize([1, 5], [4, 2, 0]), 'int32', [2, 0]);
    // decreasing and right-closed: the number of edges >= x
    expectValues(np.digitize([1, 2, 3, 4], [4, 2, 1], true), 'int32', [3, 2, 1, 1]);
  });

  it('a 0-d array gives a 0-d array; empty bins give zeros', () => {
    const r = np.digitize(np.array(2.5), [1, 2, 3]);
    expect(r.shape).toEqual([]);
    expect(r.item()).toBe(2);
    expectValues(np.digitize([1, 2], []), 'int32', [0, 0]);
  });
});

describe('interp', () => {
  it('interpolates linearly, with left/right fill values', () => {
    expect(np.interp(2.5, [1, 2, 3], [3, 2, 0])).toBe(1);
    expectValues(np.interp([0, 1.5, 5], [1, 2, 3], [3, 2, 0]), 'float64', [3, 2.5, 0]);
    expectValues(np.interp([0, 5], [1, 2], [10, 20], { left: -1, right: 99 }), 'float64', [-1, 99]);
    expectValues(np.interp(np.array([[1.5], [NaN]]), [1, 2], [0, 1]), 'float64', [0.5, NaN], [2, 1]);
  });

  it('handles a single sample point and periodic data', () => {
    expectValues(np.interp([0, 1, 2], [1], [7]), 'float64', [7, 7, 7]);
    expectValues(np.interp([-180, 190], [-170, 170], [1, 3], { period: 360 }), 'float64', [2, 1]);
  });

  it('an infinite interval retries from its other end', () => {
    // slope (inf - 0) / 1 is inf; inf * 0 is NaN from the left, so the right end is used
    expectValues(np.interp([0, 1], [0, 1], [0, Infinity]), 'float64', [0, Infinity]);
  });
});

describe('unravelIndex and ravelMultiIndex', () => {
  it('convert flat indices to coordinates and back, C or F order', () => {
    expect(np.unravelIndex(5, [2, 3])).toEqual([1, 2]);
    expect(np.unravelIndex(5, 2, 3)).toEqual([1, 2]);
    expect(np.unravelIndex(5, [2, 3], { order: 'F' })).toEqual([1, 2]);
    const [r, c] = np.unravelIndex([1, 5], [2, 3]);
    expectValues(r!, 'int32', [0, 1]);
    expectValues(c!, 'int32', [1, 2]);
    expect(np.ravelMultiIndex([1, 2], [2, 3])).toBe(5);
    expectValues(np.ravelMultiIndex([[0, 1], [2, 1]], [2, 3]), 'int32', [2, 4]);
    expectValues(np.ravelMultiIndex([[0, 1], [2, 1]], [2, 3], { order: 'F' }), 'int32', [4, 3]);
  });

  it('ravelMultiIndex broadcasts, and wraps or clips per axis', () => {
    expectValues(np.ravelMultiIndex([np.array([0, 1]), np.array([[2], [1]])], [2, 3]), 'int32', [2, 5, 1, 4], [2, 2]);
    expectValues(np.ravelMultiIndex([[3], [-1]], [2, 3], { mode: ['clip', 'wrap'] }), 'int32', [5]);
    expectValues(np.ravelMultiIndex([[0, -1], [2, 5]], [2, 3], { mode: 'wrap' }), 'int32', [2, 5]);
    expectValues(np.ravelMultiIndex(np.array([[0, 1], [2, 1]]), [2, 3]), 'int32', [2, 4]);
  });

  it('index results widen to int64 past int32', () => {
    const r = np.ravelMultiIndex([[1], [1]], [2 ** 31, 2 ** 31]);
    expect(r.dtype).toBe('int64');
    expect(values(r)).toEqual([2n ** 31n + 1n]);
  });

  it('a 0-d shape takes only index 0', () => {
    expect(np.unravelIndex(0, [])).toEqual([]);
  });
});

describe('indices', () => {
  it('dense and sparse grids of coordinates', () => {
    const g = np.indices([2, 3]);
    expectValues(g, 'int32', [0, 0, 0, 1, 1, 1, 0, 1, 2, 0, 1, 2], [2, 2, 3]);
    const [r, c] = np.indices(2, 3, { sparse: true });
    expectValues(r!, 'int32', [0, 1], [2, 1]);
    expectValues(c!, 'int32', [0, 1, 2], [1, 3]);
    expect(np.indices([2, 2], 'float32').dtype).toBe('float32');
    expect(np.indices([]).shape).toEqual([0]);
  });
});

describe('put', () => {
  it('writes flat positions in place; values repeat; the last repeated index wins', () => {
    const a = np.arange(5);
    np.put(a, [0, 2], [-44, -55]);
    expectValues(a, 'int32', [-44, 1, -55, 3, 4]);
    np.put(a, 22, -5, 'clip');
    expectValues(a, 'int32', [-44, 1, -55, 3, -5]);
    const b = np.zeros(5);
    np.put(b, [0, 1, 2, 3, 4], [1, 2]);
    expectValues(b, 'float64', [1, 2, 1, 2, 1]);
    np.put(b, [0, 0, 0], [7, 8, 9]);
    expect(b.item(0)).toBe(9);
  });

  it('wrap and clip modes (clip also clamps negative indices to 0)', () => {
    const a = np.zeros(3);
    np.put(a, [-4, 5], [1, 2], { mode: 'wrap' });
    expectValues(a, 'float64', [0, 0, 2]);
    const b = np.zeros(3);
    np.put(b, [-4, 5], [1, 2], 'clip');
    expectValues(b, 'float64', [1, 0, 2]);
  });

  it('writes a non-contiguous view in C order, touching nothing else', () => {
    const base = np.arange(12).reshape(3, 4);
    const v = base.get(':', '::2').T; // shape (2, 3), strides (2, 4)
    np.put(v, [0, 1, 5], [100, 101, 105]);
    // v's C order is base[0,0], base[1,0], base[2,0], base[0,2], base[1,2], base[2,2]
    expectValues(base, 'int32', [100, 1, 2, 3, 101, 5, 6, 7, 8, 9, 105, 11], [3, 4]);
  });

  it('checks every index before writing (NumPy writes up to the bad one)', () => {
    const a = np.zeros(3);
    expectThrows(() => np.put(a, [0, 5], [1, 2]), np.IndexError, 'index 5 is out of bounds for axis 0 with size 3');
    expectValues(a, 'float64', [0, 0, 0]);
  });

  it('an empty value list writes nothing; values convert to the dtype', () => {
    const a = np.array([1, 2, 3], { dtype: 'uint8' });
    np.put(a, [5], []);
    np.put(a, [0], np.array([300]));
    np.put(a, [1], [2.7]);
    expectValues(a, 'uint8', [44, 2, 3]);
  });
});

describe('isin and set operations', () => {
  it('isin compares with == after promotion', () => {
    expectValues(np.isin([[0, 2], [4, 6]], [1, 2, 4, 8]), 'bool', [0, 1, 1, 0], [2, 2]);
    expectValues(np.isin([1, 5], [5], { invert: true }), 'bool', [1, 0]);
    expectValues(np.isin(f64([NaN, -0]), f64([NaN, 0])), 'bool', [0, 1]);
    expectValues(np.isin(f32([0.1]), [0.1]), 'bool', [0]);
    const s = np.isin(3, [1, 2, 3]);
    expect(s.shape).toEqual([]);
    expect(s.item()).toBe(true);
  });

  it('intersect1d, union1d, setdiff1d', () => {
    expectValues(np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1]), 'int32', [1, 3]);
    const [v, i1, i2] = np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1], { returnIndices: true });
    expectValues(v, 'int32', [1, 3]);
    expectValues(i1, 'int32', [0, 1]);
    expectValues(i2, 'int32', [1, 0]);
    expectValues(np.intersect1d(f64([NaN, 1]), f64([NaN, 1])), 'float64', [1]);
    expectValues(np.union1d([-1, 0, 1], [-2, 0, 2]), 'int32', [-2, -1, 0, 1, 2]);
    expectValues(np.union1d([[1, 2]], [2, 3.5]), 'float64', [1, 2, 3.5]);
    expectValues(np.setdiff1d([1, 2, 3, 2, 4, 1], [3, 4, 5, 6]), 'int32', [1, 2]);
    expectValues(np.setdiff1d([[3, 1], [1, 2]], [2], { assumeUnique: true }), 'int32', [3, 1, 1]);
    expectValues(np.setdiff1d(np.array([1, 2, 5], { dtype: 'int8' }), [2.0]), 'int8', [1, 5]);
  });

  it('intersect1d with assumeUnique follows NumPy on repeated values', () => {
    expectValues(np.intersect1d([1, 1, 2], [3], { assumeUnique: true }), 'int32', [1]);
    const [, , i2] = np.intersect1d([1, 1, 2], [3, 2], { assumeUnique: true, returnIndices: true });
    expectValues(i2, 'int32', [-2, 1]);
  });
});

describe('finfo and iinfo', () => {
  it('float limits', () => {
    const f = np.finfo('float32');
    expect(f.eps).toBe(2 ** -23);
    expect(f.max).toBe(3.4028234663852886e38);
    expect(f.tiny).toBe(2 ** -126);
    expect(f.smallestNormal).toBe(2 ** -126);
    expect(f.smallestSubnormal).toBe(2 ** -149);
    expect(f.resolution).toBe(Math.fround(1e-6));
    expect(f.bits).toBe(32);
    expect(f.precision).toBe(6);
    expect(String(f)).toBe('finfo(resolution=1e-06, min=-3.4028235e+38, max=3.4028235e+38, dtype=float32)');
    expect(np.finfo('float64').eps).toBe(Number.EPSILON);
    expect(np.finfo(f64([1])).dtype).toBe('float64');
    expect(np.finfo(1.5).dtype).toBe('float64');
  });

  it('integer limits', () => {
    expect(np.iinfo('int16').max).toBe(32767);
    expect(np.iinfo('uint8').min).toBe(0);
    expect(np.iinfo('int64').min).toBe(-(2n ** 63n));
    expect(np.iinfo('uint64').max).toBe(2n ** 64n - 1n);
    expect(np.iinfo(np.zeros([1], 'int8')).bits).toBe(8);
    expect(np.iinfo(1).dtype).toBe('int32');
    expect(String(np.iinfo('int8'))).toBe('iinfo(min=-128, max=127, dtype=int8)');
  });
});

describe('slidingWindowView', () => {
  it('is a read-only view of every window, sharing memory', () => {
    const x = np.arange(5);
    const v = np.slidingWindowView(x, 3);
    expectValues(v, 'int32', [0, 1, 2, 1, 2, 3, 2, 3, 4], [3, 3]);
    expect(v.data === x.data).toBe(true);
    expect(v.flags.writeable).toBe(false);
    expectValues(v.mean(-1), 'float64', [1, 2, 3]);
    x.set(2, 100);
    expect(v.item(0, 2)).toBe(100);
  });

  it('windows along chosen axes (an axis may repeat); writeable on request', () => {
    const x = np.arange(12).reshape(3, 4);
    expect(np.slidingWindowView(x, 2, 1).shape).toEqual([3, 3, 2]);
    expect(np.slidingWindowView(x, [2, 2]).shape).toEqual([2, 3, 2, 2]);
    expect(np.slidingWindowView(x, [1, 2], [1, 1]).shape).toEqual([3, 3, 1, 2]); // 4 - 0 - 1 along axis 1
    expect(np.slidingWindowView(x, 0, { axis: 0 }).shape).toEqual([4, 4, 0]);
    expect(np.slidingWindowView(x, 2, 0, { writeable: true }).flags.writeable).toBe(true);
    const ro = np.broadcastTo(np.arange(3), [2, 3]);
    expect(np.slidingWindowView(ro, 2, 1, { writeable: true }).flags.writeable).toBe(false);
  });
});

describe('FlatIter (a.flat)', () => {
  it('reads by flat index, slice, index array and mask, in C order of any layout', () => {
    const a = np.arange(6).reshape(2, 3);
    const f = new np.FlatIter(a.T);
    expect(f.length).toBe(6);
    expect(f.get(1)).toBe(3);
    expect(f.get(-1)).toBe(5);
    expectValues(f.get('1:4'), 'int32', [3, 1, 4]);
    expectValues(f.get(np.s(null, null, -2)), 'int32', [5, 4, 3]);
    expectValues(f.get('...'), 'int32', [0, 3, 1, 4, 2, 5]);
    expectValues(f.get([[0, 1], [5, 5]]), 'int32', [0, 3, 5, 5], [2, 2]);
    expectValues(f.get(np.array([true, false, false, false, false, true])), 'int32', [0, 5]);
    expect([...f]).toEqual([0, 3, 1, 4, 2, 5]);
    expect(f.toArray()).toEqual([0, 3, 1, 4, 2, 5]);
    expectValues(f.copy(), 'int32', [0, 3, 1, 4, 2, 5], [6]);
    expect(f.base === a.T || f.base.shape.join() === '3,2').toBe(true);
  });

  it('reads scalars as item does (booleans, bigints)', () => {
    expect(new np.FlatIter(np.array([true, false])).get(0)).toBe(true);
    expect(new np.FlatIter(np.asarray(new BigInt64Array([5n]))).get(0)).toBe(5n);
  });

  it('writes in place, repeating the value cyclically', () => {
    const a = np.arange(6).reshape(2, 3);
    const f = new np.FlatIter(a);
    f.set(0, 100);
    f.set('1:5', [7, 8]);
    expectValues(a, 'int32', [100, 7, 8, 7, 8, 5], [2, 3]);
    f.set([0, 0, 1], [1, 2, 3]);
    expectValues(a, 'int32', [2, 3, 8, 7, 8, 5], [2, 3]);
    const t = np.arange(6).reshape(2, 3).T;
    new np.FlatIter(t).set([0, 1], [50, 51]);
    expectValues(t, 'int32', [50, 51, 1, 4, 2, 5], [3, 2]);
    f.set([0], []);
    expect(a.item(0)).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------
// every error, with NumPy's class and message (checked against NumPy when available)

const ERRORS: [() => unknown, string, ErrorClass, string][] = [
  [() => np.bincount(f64([1, 2])), 'np.bincount(np.array([1., 2.]))', np.DTypeError, "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'"],
  [() => np.bincount([1, -1]), 'np.bincount([1, -1])', np.ValueError, "'list' argument must have no negative elements"],
  [() => np.bincount([[1]]), 'np.bincount([[1]])', np.ValueError, 'setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.'],
  [() => np.bincount(np.array([[1]])), 'np.bincount(np.array([[1]]))', np.ValueError, 'object too deep for desired array'],
  [() => np.bincount(3), 'np.bincount(3)', np.ValueError, 'object of too small depth for desired array'],
  [() => np.bincount([1], { minlength: -1 }), 'np.bincount([1], minlength=-1)', np.ValueError, "'minlength' must not be negative"],
  [() => np.bincount([1], { minlength: 2.5 }), 'np.bincount([1], minlength=2.5)', np.DTypeError, "'float' object cannot be interpreted as an integer"],
  [() => np.bincount([1], { minlength: null as unknown as number }), 'np.bincount([1], minlength=None)', np.DTypeError, 'use 0 instead of None for minlength'],
  [() => np.bincount([1, 2], { weights: [1] }), 'np.bincount([1, 2], weights=[1])', np.ValueError, "The weights and list don't have the same length."],
  [() => np.bincount([1, 2], { weights: 3 }), 'np.bincount([1, 2], weights=3)', np.ValueError, 'object of too small depth for desired array'],
  [() => np.histogram([1, 2], 0), 'np.histogram([1, 2], bins=0)', np.ValueError, '`bins` must be positive, when an integer'],
  [() => np.histogram([1, 2], 2.5), 'np.histogram([1, 2], bins=2.5)', np.DTypeError, '`bins` must be an integer, a string, or an array'],
  [() => np.histogram([1, 2], [[1, 2]]), 'np.histogram([1, 2], bins=[[1, 2]])', np.ValueError, '`bins` must be 1d, when an array'],
  [() => np.histogram([1, 2], [1, 3, 2]), 'np.histogram([1, 2], bins=[1, 3, 2])', np.ValueError, '`bins` must increase monotonically, when an array'],
  [() => np.histogram([1, 2], { range: [3, 1] }), 'np.histogram([1, 2], range=(3, 1))', np.ValueError, 'max must be larger than min in range parameter.'],
  [() => np.histogram([1, 2], { range: [0, Infinity] }), 'np.histogram([1, 2], range=(0, np.inf))', np.ValueError, 'supplied range of [0, inf] is not finite'],
  [() => np.histogram([1, 2], { range: [0.5, NaN] }), 'np.histogram([1, 2], range=(0.5, np.nan))', np.ValueError, 'supplied range of [0.5, nan] is not finite'],
  [() => np.histogram(f64([1, NaN])), 'np.histogram([1, np.nan])', np.ValueError, 'autodetected range of [nan, nan] is not finite'],
  [() => np.histogram(f64([1, Infinity])), 'np.histogram([1, np.inf])', np.ValueError, 'autodetected range of [1.0, inf] is not finite'],
  [() => np.histogram(f32([-Infinity, 1])), 'np.histogram(np.array([-np.inf, 1], np.float32))', np.ValueError, 'autodetected range of [-inf, 1.0] is not finite'],
  [() => np.histogram([1, 2], { weights: [1] }), 'np.histogram([1, 2], weights=[1])', np.ValueError, 'weights should have the same shape as a.'],
  [() => np.histogram([1, 2], { range: [1, 2, 3] as unknown as [number, number] }), 'np.histogram([1, 2], range=(1, 2, 3))', np.ValueError, 'too many values to unpack (expected 2)'],
  [() => np.histogram([1, 2], { range: [1] as unknown as [number, number] }), 'np.histogram([1, 2], range=(1,))', np.ValueError, 'not enough values to unpack (expected 2, got 1)'],
  [() => np.histogram([1, 2], 'xx' as unknown as number), "np.histogram([1, 2], bins='xx')", np.ValueError, "'xx' is not a valid estimator for `bins`"],
  [() => np.histogram(f64([0, 5e-324]), 3), 'np.histogram([0, 5e-324], bins=3)', np.ValueError, 'Too many bins for data range. Cannot create 3 finite-sized bins.'],
  [() => np.digitize([1, 2, 3], [[1, 2]]), 'np.digitize([1, 2, 3], [[1, 2]])', np.ValueError, 'object too deep for desired array'],
  [() => np.digitize([1, 2, 3], 3), 'np.digitize([1, 2, 3], 3)', np.ValueError, 'object of too small depth for desired array'],
  [() => np.digitize([1, 2, 3], [1, 3, 2]), 'np.digitize([1, 2, 3], [1, 3, 2])', np.ValueError, 'bins must be monotonically increasing or decreasing'],
  [() => np.digitize([1], f64([NaN, 1, 2])), 'np.digitize([1], [np.nan, 1, 2])', np.ValueError, 'bins must be monotonically increasing or decreasing'],
  [() => np.interp([1], [], []), 'np.interp([1], [], [])', np.ValueError, 'array of sample points is empty'],
  [() => np.interp([1], [1, 2], [1]), 'np.interp([1], [1, 2], [1])', np.ValueError, 'fp and xp are not of the same length.'],
  [() => np.interp([1], [[1, 2]], [[1, 2]]), 'np.interp([1], [[1, 2]], [[1, 2]])', np.ValueError, 'object too deep for desired array'],
  [() => np.interp([1], 1, 1), 'np.interp([1], 1, 1)', np.ValueError, 'object of too small depth for desired array'],
  [() => np.interp([1], [1, 2], [1, 2], { period: 0 }), 'np.interp([1], [1, 2], [1, 2], period=0)', np.ValueError, 'period must be a non-zero value'],
  [() => np.interp([1], [[1, 2]], [1, 2], { period: 1 }), 'np.interp([1], [[1, 2]], [1, 2], period=1)', np.ValueError, 'Data points must be 1-D sequences'],
  [() => np.interp([1], [1, 2], [1], { period: 1 }), 'np.interp([1], [1, 2], [1], period=1)', np.ValueError, 'fp and xp are not of the same length'],
  [() => np.unravelIndex([6], [2, 3]), 'np.unravel_index([6], (2, 3))', np.ValueError, 'index 6 is out of bounds for array with size 6'],
  [() => np.unravelIndex([-1], [2, 3]), 'np.unravel_index([-1], (2, 3))', np.ValueError, 'index -1 is out of bounds for array with size 6'],
  [() => np.unravelIndex(f64([1]), [2, 3]), 'np.unravel_index([1.0], (2, 3))', np.DTypeError, 'only int indices permitted'],
  [() => np.unravelIndex(1.5, [2, 3]), 'np.unravel_index(1.5, (2, 3))', np.DTypeError, 'only int indices permitted'],
  [() => np.unravelIndex([], [2, 3]), 'np.unravel_index([], (2, 3))', np.DTypeError, "indices must be integral: the provided empty sequence was inferred as float. Wrap it with 'np.array(indices, dtype=np.intp)'"],
  [() => np.unravelIndex(0, [0, 3]), 'np.unravel_index(0, (0, 3))', np.ValueError, 'index 0 is out of bounds for array with size 0'],
  [() => np.unravelIndex(0, [2, 3], { order: 'X' as 'C' }), "np.unravel_index(0, (2, 3), order='X')", np.ValueError, "order must be one of 'C', 'F', 'A', or 'K' (got 'X')"],
  [() => np.unravelIndex(0, [2, 3], { order: 'A' as 'C' }), "np.unravel_index(0, (2, 3), order='A')", np.ValueError, "only 'C' or 'F' order is permitted"],
  [() => np.unravelIndex([0, 0], []), 'np.unravel_index([0, 0], ())', np.ValueError, 'multiple indices are not supported for 0d arrays'],
  [() => np.unravelIndex(1, [2.5, 3]), 'np.unravel_index(1, (2.5, 3))', np.DTypeError, "'float' object cannot be interpreted as an integer"],
  [() => np.ravelMultiIndex([[0, 1]], [2, 3]), 'np.ravel_multi_index(([0, 1],), (2, 3))', np.ValueError, 'parameter multi_index must be a sequence of length 2'],
  [() => np.ravelMultiIndex([[0, 2], [2, 1]], [2, 3]), 'np.ravel_multi_index(([0, 2], [2, 1]), (2, 3))', np.ValueError, 'invalid entry in coordinates array'],
  [() => np.ravelMultiIndex([[0, -1], [2, 1]], [2, 3]), 'np.ravel_multi_index(([0, -1], [2, 1]), (2, 3))', np.ValueError, 'invalid entry in coordinates array'],
  [() => np.ravelMultiIndex([[0], [2]], [2, 3], { mode: ['clip'] }), "np.ravel_multi_index(([0], [2]), (2, 3), mode=('clip',))", np.ValueError, 'list of clipmodes has wrong length (1 instead of 2)'],
  [() => np.ravelMultiIndex([[0], [2]], [2, 3], { mode: 'x' as 'clip' }), "np.ravel_multi_index(([0], [2]), (2, 3), mode='x')", np.ValueError, "clipmode must be one of 'clip', 'raise', or 'wrap' (got 'x')"],
  [() => np.ravelMultiIndex([f64([0]), [1]], [2, 3]), 'np.ravel_multi_index(([0.], [1]), (2, 3))', np.DTypeError, 'only int indices permitted'],
  [() => np.ravelMultiIndex([[0, 1], [2, 1, 0]], [2, 3]), 'np.ravel_multi_index(([0, 1], [2, 1, 0]), (2, 3))', np.ValueError, 'operands could not be broadcast together with shapes (2,) (3,)'],
  [() => np.ravelMultiIndex([[0], [1]], [0, 3], { mode: 'clip' }), "np.ravel_multi_index(([0], [1]), (0, 3), mode='clip')", np.ValueError, 'cannot unravel if shape has zero entries (is empty).'],
  [() => np.ravelMultiIndex([[1], [1]], [2 ** 40, 2 ** 40]), 'np.ravel_multi_index(([1], [1]), (2**40, 2**40))', np.ValueError, 'invalid dims: array size defined by dims is larger than the maximum possible size.'],
  [() => np.ravelMultiIndex([[], []], [2, 3]), 'np.ravel_multi_index(([], []), (2, 3))', np.DTypeError, "indices must be integral: the provided empty sequence was inferred as float. Wrap it with 'np.array(indices, dtype=np.intp)'"],
  [() => np.ravelMultiIndex([[1], [1]], [2, 3], { order: 'X' as 'C' }), "np.ravel_multi_index(([1], [1]), (2, 3), order='X')", np.ValueError, "order must be one of 'C', 'F', 'A', or 'K' (got 'X')"],
  [() => np.indices([-1, 2]), 'np.indices((-1, 2))', np.ValueError, 'negative dimensions are not allowed'],
  [() => np.indices([3], { dtype: 'bool' }), 'np.indices((3,), dtype=bool)', np.DTypeError, 'arange() is only supported for booleans when the result has at most length 2.'],
  [() => np.put(np.zeros(3), [0, 5], [1, 2]), 'np.put(np.zeros(3), [0, 5], [1, 2])', np.IndexError, 'index 5 is out of bounds for axis 0 with size 3'],
  [() => np.put(np.zeros(3), [1, -4], [1, 2]), 'np.put(np.zeros(3), [1, -4], [1, 2])', np.IndexError, 'index -4 is out of bounds for axis 0 with size 3'],
  [() => np.put(np.zeros(0), [0], [1]), 'np.put(np.zeros(0), [0], [1])', np.IndexError, 'cannot replace elements of an empty array'],
  [() => np.put(np.zeros(0), [0], [1], 'wrap'), "np.put(np.zeros(0), [0], [1], mode='wrap')", np.IndexError, 'cannot replace elements of an empty array'],
  [() => np.put(np.zeros(3), f64([0]), [1]), 'np.put(np.zeros(3), np.array([0.]), [1])', np.DTypeError, "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'"],
  [() => np.put(np.zeros(3), np.asarray(new BigUint64Array([1n])), [1]), 'np.put(np.zeros(3), np.array([1], np.uint64), [1])', np.DTypeError, "Cannot cast array data from dtype('uint64') to dtype('int64') according to the rule 'safe'"],
  [() => np.put(np.zeros(3, 'uint8'), [0], [300]), 'np.put(np.zeros(3, np.uint8), [0], [300])', np.OverflowError, 'Python integer 300 out of bounds for uint8'],
  [() => np.put(np.zeros(3), [0], [2], 'x' as 'raise'), "np.put(np.zeros(3), [0], [2], mode='x')", np.ValueError, "clipmode must be one of 'clip', 'raise', or 'wrap' (got 'x')"],
  [() => np.isin(3, [1, 2, 3], { kind: 'x' as 'sort' }), "np.isin(3, [1, 2, 3], kind='x')", np.ValueError, "Invalid kind: 'x'. Please use None, 'sort' or 'table'."],
  [() => np.isin(f64([3]), [1, 2, 3], { kind: 'table' }), "np.isin([3.], [1, 2, 3.], kind='table')", np.ValueError, "The 'table' method is only supported for boolean or integer arrays. Please select 'sort' or None for kind."],
  [() => np.finfo('int32'), "np.finfo('int32')", np.ValueError, "data type <class 'numpy.int32'> not inexact"],
  [() => np.finfo('bool'), 'np.finfo(bool)', np.ValueError, "data type <class 'numpy.bool'> not inexact"],
  [() => np.finfo('x'), "np.dtype('x')", np.DTypeError, "data type 'x' not understood"],
  [() => np.iinfo('float32'), 'np.iinfo(np.float32)', np.ValueError, "Invalid integer data type 'f'."],
  [() => np.iinfo('bool'), 'np.iinfo(np.bool)', np.ValueError, "Invalid integer data type 'b'."],
  [() => np.slidingWindowView(np.arange(5), -1), 'np.lib.stride_tricks.sliding_window_view(np.arange(5), -1)', np.ValueError, '`window_shape` cannot contain negative values'],
  [() => np.slidingWindowView(np.arange(5), 6), 'np.lib.stride_tricks.sliding_window_view(np.arange(5), 6)', np.ValueError, 'window shape cannot be larger than input array shape'],
  [() => np.slidingWindowView(np.zeros([2, 3]), 2), 'np.lib.stride_tricks.sliding_window_view(np.zeros((2, 3)), 2)', np.ValueError, 'Since axis is `None`, must provide window_shape for all dimensions of `x`; got 1 window_shape elements and `x.ndim` is 2.'],
  [() => np.slidingWindowView(np.zeros([2, 3]), [2, 2], 0), 'np.lib.stride_tricks.sliding_window_view(np.zeros((2, 3)), (2, 2), axis=0)', np.ValueError, 'Must provide matching length window_shape and axis; got 2 window_shape elements and 1 axes elements.'],
  [() => np.slidingWindowView(np.zeros([2, 3]), 2, 2), 'np.lib.stride_tricks.sliding_window_view(np.zeros((2, 3)), 2, axis=2)', np.AxisError, 'axis 2 is out of bounds for array of dimension 2'],
  [() => np.slidingWindowView(np.arange(5), 2.5), 'np.lib.stride_tricks.sliding_window_view(np.arange(5), 2.5)', np.DTypeError, "'float' object cannot be interpreted as an integer"],
  [() => new np.FlatIter(np.arange(6)).get(6), 'np.arange(6).flat[6]', np.IndexError, 'index 6 is out of bounds for size 6'],
  [() => new np.FlatIter(np.arange(6)).get(-7), 'np.arange(6).flat[-7]', np.IndexError, 'index -7 is out of bounds for size 6'],
  [() => new np.FlatIter(np.arange(6)).get([0, 6]), 'np.arange(6).flat[[0, 6]]', np.IndexError, 'index 6 is out of bounds for size 6'],
  [() => new np.FlatIter(np.arange(6)).get(np.array([true, false])), 'np.arange(6).flat[np.array([True, False])]', np.IndexError, 'boolean index did not match indexed flat iterator along axis 0; size of axis is 6 but size of corresponding boolean axis is 2'],
  [() => new np.FlatIter(np.arange(6)).get(np.ones([2, 3], 'bool')), 'np.arange(6).flat[np.ones((2, 3), bool)]', np.IndexError, 'too many indices for flat iterator: flat iterator is 1-dimensional, but 2 were indexed'],
  [() => new np.FlatIter(np.arange(6)).get(f64([1])), 'np.arange(6).flat[np.array([1.0])]', np.IndexError, 'arrays used as indices must be of integer (or boolean) type'],
  [() => new np.FlatIter(np.arange(6)).get(null as unknown as number), 'np.arange(6).flat[None]', np.IndexError, 'only integers, slices (`:`), ellipsis (`...`) and integer or boolean arrays are valid indices'],
  [() => new np.FlatIter(np.arange(6)).get('x'), "np.arange(6).flat['x']", np.IndexError, 'only integers, slices (`:`), ellipsis (`...`) and integer or boolean arrays are valid indices'],
  [() => new np.FlatIter(np.arange(6)).set(0, [5, 6]), 'a = np.arange(6)\na.flat[0] = [5, 6]', np.ValueError, 'Error setting single item of array.'],
  [() => new np.FlatIter(np.zeros(3, 'uint8')).set(0, 300), 'a = np.zeros(3, np.uint8)\na.flat[0] = 300', np.ValueError, 'Error setting single item of array.'],
  [() => new np.FlatIter(np.zeros(3, 'uint8')).set(':', [300]), 'a = np.zeros(3, np.uint8)\na.flat[:] = [300]', np.OverflowError, 'Python integer 300 out of bounds for uint8'],
  [() => new np.FlatIter(np.arange(6)).set([7], 1), 'a = np.arange(6)\na.flat[[7]] = 1', np.IndexError, 'index 7 is out of bounds for size 6'],
  // settled detail: a read-only array refuses every write, with each operation's NumPy message
  [() => readOnly().set(0, 1), `${RO}a[0] = 1`, np.ValueError, 'assignment destination is read-only'],
  [() => readOnly().get('1:').set(0, 1), `${RO}a[1:][0] = 1`, np.ValueError, 'assignment destination is read-only'],
  [() => readOnly().fill(0), `${RO}a.fill(0)`, np.ValueError, 'assignment destination is read-only'],
  [() => np.add(f64([1, 2, 3, 4, 5]), 1, { out: readOnly() }), `${RO}np.add(np.ones(5), 1, out=a)`, np.ValueError, 'output array is read-only'],
  [() => np.add(readOnly(), 1, { out: readOnly() }), `${RO}np.add(a, 1, out=a)`, np.ValueError, 'output array is read-only'],
  [() => np.clip(f64([1, 2, 3, 4, 5]), 0, 1, { out: readOnly() }), `${RO}np.clip(np.ones(5), 0, 1, out=a)`, np.ValueError, 'output array is read-only'],
  [() => np.mean(np.ones([2, 5]), 0, { out: readOnly() }), `${RO}np.mean(np.ones((2, 5)), 0, out=a)`, np.ValueError, 'output array is read-only'],
  [() => np.put(readOnly(), [0], [1]), `${RO}np.put(a, [0], [1])`, np.ValueError, 'put: output array is read-only'],
  [() => np.putAlongAxis(readOnly(), np.array([0]), 1, 0), `${RO}np.put_along_axis(a, np.array([0]), 1, 0)`, np.ValueError, 'assignment destination is read-only'],
  [() => readOnly().sort(), `${RO}a.sort()`, np.ValueError, 'sort array is read-only'],
  [() => readOnly().partition(1), `${RO}a.partition(1)`, np.ValueError, 'partition array is read-only'],
  [() => np.random.shuffle(readOnly()), `${RO}np.random.shuffle(a)`, np.ValueError, 'array is read-only'],
  [() => np.random.defaultRng(0).shuffle(readOnly()), `${RO}np.random.default_rng(0).shuffle(a)`, np.ValueError, 'array is read-only'],
  [() => new np.FlatIter(readOnly()).set(0, 1), `${RO}a.flat[0] = 1`, np.ValueError, 'underlying array is read-only'],
  [() => np.broadcastTo([1, 2, 3], 2, 3).set(0, 1), 'np.broadcast_to([1, 2, 3], (2, 3))[0] = 1', np.ValueError, 'assignment destination is read-only'],
  [() => np.slidingWindowView(np.arange(5), 3).set(0, 1), 'np.lib.stride_tricks.sliding_window_view(np.arange(5), 3)[0] = 1', np.ValueError, 'assignment destination is read-only'],
  [() => { readOnly().reshape(5).flags.writeable = true; }, `${RO}a.reshape(5).flags.writeable = True`, np.ValueError, 'cannot set WRITEABLE flag to True of this array'],
  // settled detail: out follows same_kind casting
  [() => np.add(np.ones([2]), 1, { out: np.zeros([2], 'int32') }), "np.add(np.ones(2), 1, out=np.zeros(2, np.int32))", np.DTypeError, "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'"],
  [() => np.sqrt(np.array([4]), { out: np.zeros([1], 'int32') }), "np.sqrt(np.array([4], np.int32), out=np.zeros(1, np.int32))", np.DTypeError, "Cannot cast ufunc 'sqrt' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'"],
  [() => np.add(np.ones([2], 'int32'), 1, { out: np.zeros([2], 'uint8') }), 'np.add(np.ones(2, np.int32), 1, out=np.zeros(2, np.uint8))', np.DTypeError, "Cannot cast ufunc 'add' output from dtype('int32') to dtype('uint8') with casting rule 'same_kind'"],
  // settled detail: a weak integer that does not fit the array's dtype
  [() => np.add(np.array([1, 2], { dtype: 'uint8' }), 300), 'np.array([1, 2], np.uint8) + 300', np.OverflowError, 'Python integer 300 out of bounds for uint8'],
];

describe('errors', () => {
  it('every error has NumPy class and message', () => {
    for (const [f, , cls, msg] of ERRORS) expectThrows(f, cls, msg);
  });

  it.runIf(hasNumpy)('the messages are NumPy 2.4 messages', async () => {
    const py = await oracle();
    const answers = await py.run(ERRORS.map(([, code]) => ({ code })));
    const NAME: Record<string, string> = {
      ValueError: 'ValueError', AxisError: 'AxisError', IndexError: 'IndexError', TypeError: 'DTypeError', OverflowError: 'OverflowError',
      UFuncTypeError: 'DTypeError', _UFuncOutputCastingError: 'DTypeError',
    };
    answers.forEach((ans, i) => {
      const [, code, cls, msg] = ERRORS[i]!;
      expect(ans.ok, code).toBe(false);
      if (ans.ok) return;
      expect(ans.message.trimEnd(), code).toBe(msg);
      expect(NAME[ans.type], code).toBe(cls.name);
    });
  });
});

// ---------------------------------------------------------------------------------------
// the settled details of API.md

describe('settled details', () => {
  it('reductions over all axes give JS scalars; with an axis, arrays', () => {
    const a = np.arange(6).reshape(2, 3);
    expect(a.sum()).toBe(15);
    expect(np.mean(a)).toBe(2.5);
    expect(a.any()).toBe(true);
    expect(np.all(a)).toBe(false);
    expect(a.sum(0) instanceof np.NDArray).toBe(true);
    expect(a.sum({ keepdims: true }) instanceof np.NDArray).toBe(true);
    expect(typeof np.argmax(a)).toBe('number');
  });

  it('get always gives an array, item a JS scalar', () => {
    const a = np.arange(6).reshape(2, 3);
    const g = a.get(1, 2);
    expect(g.shape).toEqual([]);
    expect(a.item(1, 2)).toBe(5);
    expect(np.array([true]).item(0)).toBe(true);
    expect(np.asarray(new BigInt64Array([7n])).item()).toBe(7n);
  });

  it('index-valued results and default integers are int32', () => {
    expect(np.argsort([3, 1]).dtype).toBe('int32');
    expect(np.nonzero([0, 1])[0]!.dtype).toBe('int32');
    expect(np.digitize([1], [0, 2]).dtype).toBe('int32');
    expect(np.bincount([1]).dtype).toBe('int32');
    expect(np.unravelIndex([1], [2])[0]!.dtype).toBe('int32');
    expect(np.array([1, 2]).dtype).toBe('int32');
    expect(np.arange(5).dtype).toBe('int32');
    expect(np.array([1, 2]).repr()).toBe('array([1, 2], dtype=int32)');
  });

  it('a.sort() sorts in place and returns nothing; np.sort returns a sorted copy', () => {
    const a = np.array([3, 1, 2]);
    const copy = np.sort(a);
    expectValues(a, 'int32', [3, 1, 2]);
    expectValues(copy, 'int32', [1, 2, 3]);
    expect(a.sort()).toBeUndefined();
    expectValues(a, 'int32', [1, 2, 3]);
    const base = np.array([[3, 1], [2, 0]]);
    base.T.sort(); // sorts the columns of base, through the transposed view
    expectValues(base, 'int32', [2, 0, 3, 1], [2, 2]);
  });

  it('np.where with one argument is np.nonzero', () => {
    const c = np.array([[0, 1], [1, 0]]);
    const w = np.where(c);
    const nz = np.nonzero(c);
    expect(w.length).toBe(2);
    w.forEach((x, i) => expect(toPlain(x)).toEqual(toPlain(nz[i]!)));
    expectThrows(() => np.where(np.array(1)), np.ValueError, 'Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.');
  });

  it('read-only arrays: the flag, views inherit it, copies do not', () => {
    const a = readOnly();
    expect(a.flags.writeable).toBe(false);
    expect(a.get('1:').flags.writeable).toBe(false);
    expect(a.T.flags.writeable).toBe(false);
    expect(a.reshape(5).flags.writeable).toBe(false);
    expect(a.copy().flags.writeable).toBe(true);
    expect(np.broadcastTo([1, 2, 3], [2, 3]).flags.writeable).toBe(false);
    expect(np.slidingWindowView(np.arange(5), 3).flags.writeable).toBe(false);
    expectValues(a, 'float64', [0, 1, 2, 3, 4]); // every refused write left it unchanged
  });

  it('read-only outputs of ufunc reductions throw ValueError too', () => {
    expectThrows(() => np.sum(np.ones([5, 2]), 1, { out: readOnly() }), np.ValueError, 'output array is read-only');
    expectThrows(() => np.cumsum(np.ones([5]), { out: readOnly() }), np.ValueError, 'output array is read-only');
  });

  it('out takes same_kind casts: narrower floats and integers of the same kind', () => {
    const o32 = np.zeros([2], 'float32');
    expect(np.add(f64([0.5, 1]), 1, { out: o32 }) === o32).toBe(true);
    expectValues(o32, 'float32', [1.5, 2]);
    const i8 = np.zeros([2], 'int8');
    np.add(np.array([100, 27]), 100, { out: i8 });
    expectValues(i8, 'int8', [-56, 127]);
    const f = np.zeros([2]);
    np.add(np.array([1, 2]), 1, { out: f });
    expectValues(f, 'float64', [2, 3]);
  });

  it('reductions apply same_kind to out too (API.md; NumPy casts a reduction into out unsafely)', () => {
    expectThrows(
      () => np.sum(np.ones([2, 2]), 0, { out: np.zeros([2], 'int32') }),
      np.DTypeError,
      "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'",
    );
    expectThrows(
      () => np.mean(np.ones([2, 2]), 0, { out: np.zeros([2], 'int32') }),
      np.DTypeError,
      "Cannot cast ufunc 'mean' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'",
    );
  });

  it('random draws without a size are JS numbers; integer draws take a dtype', () => {
    const rng = np.random.defaultRng(0);
    for (const x of [rng.random(), rng.uniform(), rng.normal(), rng.standardNormal(), rng.exponential(), rng.integers(5)]) expect(typeof x).toBe('number');
    expect(rng.random(3) instanceof np.NDArray).toBe(true);
    expect((rng.integers(0, 5, 3, { dtype: 'uint8' }) as np.NDArray).dtype).toBe('uint8');
    expect((rng.integers(0, 5, 3) as np.NDArray).dtype).toBe('int32');
    expect(typeof rng.integers(0, 5, { dtype: 'int64' })).toBe('bigint');
    np.random.seed(0);
    for (const x of [np.random.rand(), np.random.randn(), np.random.random(), np.random.randint(5), np.random.normal(), np.random.uniform(), np.random.choice(5)]) {
      expect(typeof x).toBe('number');
    }
    expect((np.random.randint(0, 5, 3, { dtype: 'int8' }) as np.NDArray).dtype).toBe('int8');
  });

  it('TypedArray inputs keep their dtype on every creation path', () => {
    expect(np.array(new Float32Array([1, 2])).dtype).toBe('float32');
    expect(np.asarray(new Int16Array([1, 2])).dtype).toBe('int16');
    expect(np.array(new BigInt64Array([1n])).dtype).toBe('int64');
    expect(np.array([new Float32Array([1, 2]), new Float32Array([3, 4])]).dtype).toBe('float32');
    expect(np.array([new Float32Array([1, 2]), new Float32Array([3, 4])]).shape).toEqual([2, 2]);
    expect(np.array([[new Int8Array([1, 2])], [new Int8Array([3, 4])]]).dtype).toBe('int8');
    // a TypedArray next to a JS list joins as NumPy joins an array with a list (int8 with ints: the default int)
    const mixed = np.array([new Int8Array([1, 2]), [3, 4]]);
    expectValues(mixed, 'int32', [1, 2, 3, 4], [2, 2]);
    expectValues(np.array([new Float32Array([1.5]), [2.5]]), 'float64', [1.5, 2.5], [2, 1]);
    expect(np.add(new Float32Array([1]), 1).dtype).toBe('float32');
    expect(np.zerosLike(new Uint16Array(2)).dtype).toBe('uint16');
    expect(np.full(2, new Float32Array([1])).dtype).toBe('float32');
    expect(np.concatenate([new Float32Array([1]), new Float32Array([2])]).dtype).toBe('float32');
    // asarray shares memory with the TypedArray, array copies it
    const t = new Float32Array(3);
    np.asarray(t).set(0, 5);
    expect(t[0]).toBe(5);
    np.array(t).set(1, 5);
    expect(t[1]).toBe(0);
  });

  it('functions returning NumPy tuples give JS arrays, named where NumPy names them', () => {
    const { Q, R } = np.linalg.qr([[1, 2], [3, 4]]);
    expect(Q.shape).toEqual([2, 2]);
    expect(R.shape).toEqual([2, 2]);
    const { sign, logabsdet } = np.linalg.slogdet([[2, 0], [0, 3]]);
    expect(np.asarray(sign).item()).toBe(1);
    expect(np.asarray(logabsdet).item()).toBeCloseTo(Math.log(6), 12);
    const u = np.unique([3, 1, 3], { returnCounts: true });
    expectValues(u.values, 'int32', [1, 3]);
    expectValues(u.counts!, 'int32', [1, 2]);
    const h = np.histogram([1, 2], 2);
    expect(Array.isArray(h) && h.length === 2).toBe(true);
    const parts = np.atleast1d(1, [2, 3]);
    expect(Array.isArray(parts)).toBe(true);
  });
});

describe('shapes as varargs or one array', () => {
  it('creation, reshape, broadcastTo, tile, random, indices, unravelIndex', () => {
    const a = np.arange(6);
    const pairs: [np.NDArray, np.NDArray][] = [
      [np.zeros(2, 3), np.zeros([2, 3])],
      [np.ones(2, 3), np.ones([2, 3])],
      [np.empty(2, 3), np.empty([2, 3])],
      [np.zeros(2, 3, { dtype: 'int8' }), np.zeros([2, 3], 'int8')],
      [np.reshape(a, 2, 3), np.reshape(a, [2, 3])],
      [a.reshape(2, 3), a.reshape([2, 3])],
      [np.broadcastTo(a, 2, 6), np.broadcastTo(a, [2, 6])],
      [np.tile(a, 2, 1), np.tile(a, [2, 1])],
      [np.indices(2, 3), np.indices([2, 3])],
    ];
    for (const [x, y] of pairs) {
      expect(x.shape).toEqual(y.shape);
      expect(x.dtype).toBe(y.dtype);
      expect(toPlain(x).values).toEqual(toPlain(y).values);
    }
    np.random.seed(1);
    const r1 = np.random.rand(2, 3) as np.NDArray;
    np.random.seed(1);
    const r2 = np.random.rand([2, 3]) as np.NDArray;
    expect(toPlain(r1)).toEqual(toPlain(r2));
    expect((np.random.defaultRng(0).random([2, 3]) as np.NDArray).shape).toEqual([2, 3]);
    expect(np.unravelIndex(4, 2, 3)).toEqual(np.unravelIndex(4, [2, 3]));
  });
});

/**
 * Examples, edge cases and error messages of the statistics (mean, var, std, average,
 * median, percentile, quantile) and of the NaN-ignoring reductions. Expected values are
 * closed forms or NumPy 2's answers written out (float32 values as NumPy prints them
 * exactly); the messages are NumPy's.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { toPlain } from '../../../test/reference/plain.js';

const values = (a: unknown): (number | bigint)[] => toPlain(a as np.NDArray).values;
const arr = (x: unknown): np.NDArray => x as np.NDArray;
const f32 = (x: number[]): np.NDArray => np.asarray(new Float32Array(x));

describe('mean', () => {
  it('gives float64 for integers and bools, keeps float32', () => {
    expect(np.mean([[1, 2], [3, 4]])).toBe(2.5);
    const r = arr(np.mean([[1, 2], [3, 4]], 0));
    expect([r.dtype, values(r)]).toEqual(['float64', [2, 3]]);
    expect(arr(np.mean(np.array([true, false]), 0)).dtype).toBe('float64');
    expect(arr(np.mean(f32([1, 2]), 0)).dtype).toBe('float32');
    expect(np.mean(f32([0.1, 0.2, 0.3]))).toBe(0.20000000298023224);
    expect(np.mean(np.asarray(new BigInt64Array([1n, 2n])))).toBe(1.5);
    expect(np.mean([1, 2, 4], { dtype: 'float32' })).toBe(Math.fround(7 / 3));
    expect(arr(np.mean(np.ones([2, 3]), [0, 1], { keepdims: true })).shape).toEqual([1, 1]);
  });

  it('of nothing is NaN; 0-d input takes no axis', () => {
    expect(np.mean([])).toBeNaN();
    expect(values(np.mean(np.zeros([0, 3]), 0)).every((v) => Number.isNaN(v))).toBe(true);
    expect(np.mean(np.asarray(5))).toBe(5);
    expect(() => np.mean(np.asarray(5), 0)).toThrow('axis 0 is out of bounds for array of dimension 0');
  });
});

describe('var and std', () => {
  it('are two-pass with divisor n - ddof', () => {
    expect(np.var([1, 2, 3, 4])).toBe(1.25);
    expect(np.var([1, 2, 3, 4], null, { ddof: 1 })).toBe(5 / 3);
    expect(np.std([1, 2, 3, 4])).toBe(Math.sqrt(1.25));
    expect(np.var([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBe(0.6666666666666666); // one pass would lose it
    expect(values(np.std([[1, 3], [2, 2]], 1))).toEqual([1, 0]);
    expect(np.var(np.array([true, false]))).toBe(0.25);
  });

  it('divide in float64 and round once for float32 (fractional ddof as NumPy)', () => {
    const a = f32([1.5, 2.25, 7.125, 3.0]);
    expect(np.var(a, null, { ddof: 0.1 })).toBe(4.858774185180664);
    expect(np.std(a, null, { ddof: 0.1 })).toBe(2.2042627334594727);
    expect(arr(np.var(a, 0)).dtype).toBe('float32');
    expect(arr(np.var(a, 0, { dtype: 'float64' })).dtype).toBe('float64');
  });

  it('ddof >= n gives inf or NaN; negative ddof is allowed', () => {
    expect(np.std([1, 2, 4], null, { ddof: 3 })).toBe(Infinity);
    expect(np.std([1, 1, 1], null, { ddof: 3 })).toBeNaN();
    expect(np.var([1, 2], null, { ddof: -1 })).toBeCloseTo(1 / 6, 15);
    expect(np.var([])).toBeNaN();
  });
});

describe('median', () => {
  it('is the middle element or the mean of the middle two', () => {
    expect(np.median([3, 1, 4, 1])).toBe(2);
    expect(np.median([3, 1, 4])).toBe(3);
    expect(values(np.median([[1, 9, 3], [6, 5, 4]], 1))).toEqual([3, 5]);
    expect(arr(np.median(np.ones([2, 3, 4]), [0, 2])).shape).toEqual([3]);
    expect(arr(np.median(np.ones([2, 3]), [0, 1], { keepdims: true })).shape).toEqual([1, 1]);
    expect(np.median(np.asarray(5))).toBe(5);
  });

  it('dtypes: float64 for integers, float32 kept; computed as NumPy (overflow included)', () => {
    expect(arr(np.median(np.array([1, 2], { dtype: 'int16' }), 0)).dtype).toBe('float64');
    expect(arr(np.median(f32([1, 2]), 0)).dtype).toBe('float32');
    expect(np.median(np.array([-100, 100], { dtype: 'int8' }))).toBe(0);
    expect(np.median([1e308, 1.5e308])).toBe(Infinity);
    expect(np.median([Infinity, -Infinity])).toBeNaN();
  });

  it('NaN in a slice gives NaN; empty gives NaN', () => {
    expect(np.median([1, NaN, 3])).toBeNaN();
    expect(values(np.median([[1, NaN], [1, 2]], 1)).map(String)).toEqual(['NaN', '1.5']);
    expect(np.median([])).toBeNaN();
    expect(arr(np.median(np.zeros([0, 3]), 1)).shape).toEqual([0]);
    expect(() => np.median(np.ones([2, 3]), [0, 0])).toThrow('repeated axis');
  });
});

describe('percentile and quantile', () => {
  it('linear interpolation at (n - 1) * q; q lists come first in the shape', () => {
    expect(np.percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(np.quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(values(np.percentile([0, 1, 2, 3, 4], [10, 50]))).toEqual([0.4, 2]);
    const r = arr(np.percentile([[1, 2, 3], [4, 5, 6]], [10, 50], 1, { keepdims: true }));
    expect(r.shape).toEqual([2, 2, 1]);
    expect(arr(np.percentile([0, 1, 2, 3, 4], [[10, 20], [30, 40]], 0)).shape).toEqual([2, 2]);
    expect(values(np.percentile([0, 1, 2], []))).toEqual([]);
  });

  it('every NumPy method', () => {
    const a = [1, 2, 3, 4, 5];
    const expected: [np.QuantileMethod, number][] = [
      ['lower', 2], ['higher', 3], ['nearest', 3], ['midpoint', 2.5], ['hazen', 2.5], ['weibull', 2.4],
      ['inverted_cdf', 2], ['averaged_inverted_cdf', 2.5], ['closest_observation', 2],
      ['median_unbiased', 2.466666666666667], ['normal_unbiased', 2.475], ['interpolated_inverted_cdf', 2], ['linear', 2.6],
    ];
    for (const [method, v] of expected) expect(np.percentile(a, 40, { method })).toBe(v);
    expect(arr(np.percentile(np.array(a), 40, 0, { method: 'lower' })).dtype).toBe('int32');
  });

  it('dtypes: a JS number q keeps float32; an array q promotes; integral quantile q picks', () => {
    const a = f32([1.1, 2.3, 5.7, 9.1]);
    expect(np.percentile(a, 77)).toBe(6.753999710083008);
    const l = arr(np.percentile(a, [77]));
    expect([l.dtype, values(l)]).toEqual(['float64', [6.75399998664856]]);
    const q = np.asarray(new Float32Array([0.3, 0.77, 0.61]));
    expect(values(np.quantile([1.1, 2.3, 5.7, 9.1], q))).toEqual([2.180000042915344, 6.753999805450439, 5.12200014591217]);
    expect(arr(np.quantile(a, q)).dtype).toBe('float32');
    expect(arr(np.quantile(np.array([1, 2, 3]), [0, 1])).dtype).toBe('int32');
    expect(np.quantile(np.asarray(new BigInt64Array([1n, 2n ** 60n])), 1)).toBe(2n ** 60n);
  });

  it('as NumPy, b - a is computed in the input dtype (int8 wraps) and bool cannot subtract', () => {
    expect(np.percentile(np.array([-100, 100], { dtype: 'int8' }), 50)).toBe(128);
    expect(() => np.percentile(np.array([true, false]), 50)).toThrow('numpy boolean subtract, the `-` operator, is not supported');
    expect(np.percentile(np.array([true, false]), 50, { method: 'lower' })).toBe(false);
  });

  it('NaN slices give NaN; inf - inf is NaN as in NumPy', () => {
    expect(np.percentile([1, NaN, 3], 0)).toBeNaN();
    expect(values(np.percentile([[1, NaN, 3], [1, 2, 3]], 0, 1)).map(String)).toEqual(['NaN', '1']);
    expect(np.percentile([1, Infinity], 50)).toBeNaN();
  });

  it('errors with NumPy messages', () => {
    expect(() => np.percentile([1, 2], 101)).toThrow('Percentiles must be in the range [0, 100]');
    expect(() => np.percentile([1, 2], [-1, 5])).toThrow('Percentiles must be in the range [0, 100]');
    expect(() => np.quantile([1, 2], 1.5)).toThrow('Quantiles must be in the range [0, 1]');
    expect(() => np.quantile([1, 2], NaN)).toThrow('Quantiles must be in the range [0, 1]');
    expect(() => np.percentile([1, 2], np.zeros([2, 2, 2]))).toThrow('q must be a scalar or 1d');
    expect(() => np.percentile([1, 2], 5, { method: 'foo' as np.QuantileMethod })).toThrow(
      "'foo' is not a valid method. Use one of: dict_keys(['inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf', 'hazen', 'weibull', 'linear', 'median_unbiased', 'normal_unbiased', 'lower', 'higher', 'midpoint', 'nearest'])",
    );
    expect(() => np.percentile(np.zeros([0]), 50)).toThrow(np.IndexError);
    expect(() => np.percentile(np.zeros([0]), 50)).toThrow('index -1 is out of bounds for axis 0 with size 0');
    expect(() => np.percentile(np.zeros([0], { dtype: 'int8' }), 50, { method: 'nearest' })).toThrow('cannot do a non-empty take from an empty axes.');
    expect(() => np.percentile(np.zeros([0], { dtype: 'int8' }), [30, 50], { method: 'hazen' })).toThrow('index 0 is out of bounds for axis 0 with size 0');
  });
});

describe('average', () => {
  it('weights the full shape or one axis; returned gives the weight sums', () => {
    expect(np.average([1, 2, 3], null, { weights: [3, 1, 0] })).toBe(1.25);
    expect(np.average([1, 2, 3], { weights: [3, 1, 0], returned: true })).toEqual([1.25, 4]);
    const [avg, scl] = np.average([[1, 2], [3, 4]], 0, { weights: [1, 3], returned: true });
    expect([values(avg), values(scl)]).toEqual([[2.5, 3.5], [4, 4]]);
    expect(np.average([[1, 2], [3, 4]])).toBe(2.5);
    expect(arr(np.average(np.ones([2, 3, 4]), [2, 0], { weights: np.ones([4, 2]) })).shape).toEqual([3]);
    const [a2, s2] = np.average([[1, 2], [3, 4]], 0, { returned: true, keepdims: true });
    expect([arr(a2).shape, values(s2)]).toEqual([[1, 2], [2, 2]]);
  });

  it('dtypes: float64 for integer input, float32 with float32 and small ints', () => {
    expect(arr(np.average(np.array([1, 2], { dtype: 'int8' }), 0, { weights: np.array([1, 1], { dtype: 'int8' }) })).dtype).toBe('float64');
    expect(arr(np.average(f32([1, 2]), 0, { weights: np.array([1, 1], { dtype: 'int8' }) })).dtype).toBe('float32');
  });

  it('errors (NumPy raises ZeroDivisionError where numbat throws ValueError)', () => {
    expect(() => np.average([1, 2], { weights: [1, -1] })).toThrow("Weights sum to zero, can't be normalized");
    expect(() => np.average(np.ones([2, 3]), { weights: np.ones([3]) })).toThrow('Axis must be specified when shapes of a and weights differ.');
    expect(() => np.average(np.ones([2, 3]), 1, { weights: np.ones([2]) })).toThrow('Shape of weights must be consistent with shape of a along specified axis.');
    expect(() => np.average(np.ones([2, 3]), [0, 0])).toThrow('repeated axis in `axis` argument');
    expect(() => np.average(np.ones([2, 3]), [0, 2])).toThrow('axis: axis 2 is out of bounds for array of dimension 2');
    expect(() => np.average(np.ones([2, 0]), 0)).toThrow('division by zero');
  });
});

describe('NaN-ignoring reductions', () => {
  it('sum, prod, mean, var, std, min, max ignore NaN', () => {
    expect(np.nansum([1, NaN, 2])).toBe(3);
    expect(np.nanprod([2, NaN, 3])).toBe(6);
    expect(np.nanmean([1, NaN, 3])).toBe(2);
    expect(np.nanvar([1, NaN, 3])).toBe(1);
    expect(np.nanstd([1, NaN, 3])).toBe(1);
    expect(np.nanmax([1, NaN, 3])).toBe(3);
    expect(np.nanmin([4, NaN, 3])).toBe(3);
    expect(np.nanargmax([1, NaN, 3])).toBe(2);
    expect(np.nanargmin([NaN, -Infinity, 3])).toBe(1);
    expect(values(np.nanvar([[1, NaN, 3], [NaN, NaN, 2]], 1, { ddof: 1 })).map(String)).toEqual(['2', 'NaN']);
    expect(arr(np.nansum(np.array([1, 2], { dtype: 'int8' }), 0)).dtype).toBe('int32');
  });

  it('all-NaN and empty slices as NumPy', () => {
    expect(np.nanmax([NaN, NaN])).toBeNaN();
    expect(values(np.nanmin([[NaN, NaN], [1, 2]], 1)).map(String)).toEqual(['NaN', '1']);
    expect(np.nanmean([NaN, NaN])).toBeNaN();
    expect(np.nanmean([])).toBeNaN();
    expect(np.nansum([NaN])).toBe(0);
    expect(np.nanvar([1.5, 2], null, { ddof: 5 })).toBeNaN(); // NaN where var gives inf
    expect(np.nanvar([1, 2], null, { ddof: 5 })).toBe(Infinity); // integers: var's answer
    expect(() => np.nanargmax([NaN, NaN])).toThrow('All-NaN slice encountered');
    expect(() => np.nanargmax([[NaN, 1], [NaN, NaN]], 1)).toThrow('All-NaN slice encountered');
    expect(values(np.nanargmin([[NaN, NaN], [1, 2]], 0))).toEqual([1, 1]);
    expect(() => np.nanargmax([])).toThrow('attempt to get argmax of an empty sequence');
    expect(() => np.nanmax([])).toThrow('zero-size array to reduction operation fmax which has no identity');
  });

  it('nanmean and nanvar want float dtypes for float input', () => {
    expect(() => np.nanmean([NaN, 1], { dtype: 'int32' })).toThrow('If a is inexact, then dtype must be inexact');
    expect(() => np.nanvar([NaN, 1], 0, { out: np.zeros([], { dtype: 'int32' }) })).toThrow('If a is inexact, then out must be inexact');
    expect(np.nanmean([1, 2], { dtype: 'float32' })).toBe(1.5);
  });

  it('median, percentile, quantile drop NaNs per slice', () => {
    expect(np.nanmedian([3, NaN, 1, 2])).toBe(2);
    expect(values(np.nanmedian([[1, NaN, 2, 3], [NaN, NaN, NaN, NaN]], 1)).map(String)).toEqual(['2', 'NaN']);
    expect(np.nanpercentile([1, NaN, 3], 50)).toBe(2);
    expect(values(np.nanpercentile([1, NaN, 2, 3], [50, 0, 100]))).toEqual([2, 1, 3]);
    expect(np.nanquantile([1, NaN, 3], 0.5)).toBe(2);
    expect(np.nanquantile([1, 2, NaN], 1)).toBe(2);
    expect(np.nanpercentile([NaN, NaN], 50)).toBeNaN();
    expect(np.nanmedian([])).toBeNaN();
    const e = arr(np.nanpercentile(np.zeros([0, 3]), [10, 20], 0)); // NumPy: nanmean's result
    expect([e.shape, values(e).every((v) => Number.isNaN(v))]).toEqual([[3], true]);
  });

  it('nancumsum and nancumprod', () => {
    expect(values(np.nancumsum([1, NaN, 2]))).toEqual([1, 1, 3]);
    expect(values(np.nancumprod([2, NaN, 3]))).toEqual([2, 2, 6]);
    expect(values(np.nancumsum([[1, NaN], [2, 3]], 1))).toEqual([1, 1, 2, 5]);
    expect(np.nancumprod(np.array([1, 2], { dtype: 'int8' })).dtype).toBe('int32');
  });
});

describe('out', () => {
  it('receives the result (same_kind casting) and is returned', () => {
    const a = np.array([[1, 2], [3, 5]]);
    const o1 = np.zeros([2]);
    expect(np.mean(a, 1, { out: o1 })).toBe(o1);
    expect(values(o1)).toEqual([1.5, 4]);
    const o2 = np.zeros([2, 1], { dtype: 'float32' });
    expect(np.var(a, 1, { keepdims: true, out: o2 })).toBe(o2);
    expect(values(o2)).toEqual([0.25, 1]);
    const o3 = np.zeros([]);
    expect(np.median(a, null, { out: o3 })).toBe(o3);
    expect(values(o3)).toEqual([2.5]);
    const o4 = np.zeros([2, 2]);
    expect(np.percentile(a, [0, 100], 0, { out: o4 })).toBe(o4);
    expect(values(o4)).toEqual([1, 2, 3, 5]);
    const o5 = np.zeros([2]);
    expect(np.nanstd([[1, NaN], [3, 5]], 1, { out: o5 })).toBe(o5);
    expect(values(o5)).toEqual([0, 1]);
  });

  it('rejects a wrong shape and an unsafe cast (NumPy casts unsafely here; API.md: same_kind)', () => {
    expect(() => np.mean([[1, 2]], 1, { out: np.zeros([2]) })).toThrow(
      'output parameter for reduction operation mean has the wrong shape: found (2,) but expected (1,)',
    );
    expect(() => np.mean([[1, 2]], 1, { out: np.zeros([1], { dtype: 'int32' }) })).toThrow(
      "Cannot cast ufunc 'mean' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'",
    );
  });
});

describe('inputs are never modified', () => {
  it('by the statistics and NaN-ignoring reductions', () => {
    const a = np.array([[3, NaN, 1], [2, 5, -0]]);
    const before = JSON.stringify(values(a).map(String));
    for (const f of [np.mean, np.var, np.std, np.median, np.nansum, np.nanprod, np.nanmean, np.nanvar, np.nanstd, np.nanmax, np.nanmin, np.nanmedian, np.average]) {
      (f as (x: np.NDArray, axis?: number) => unknown)(a);
      (f as (x: np.NDArray, axis?: number) => unknown)(a, 1);
    }
    np.percentile(a, [10, 90], 1);
    np.nanquantile(a, 0.3);
    np.nanargmax(a, 1);
    np.nancumsum(a);
    expect(JSON.stringify(values(a).map(String))).toBe(before);
  });
});

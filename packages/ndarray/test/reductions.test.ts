/**
 * Examples, edge cases and every error message of the reductions family (sum, prod, min,
 * max, ptp, argmin, argmax, any, all, countNonzero, cumsum, cumprod, diff) and of the sort
 * and arg-reduce kernels. Expected values are closed forms or NumPy 2's answers written
 * out; the messages are NumPy's.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { toPlain } from '../../../test/reference/plain.js';
import { argsortRows, countLeadingNumbers, partitionNaNs, selectRank, sortRows } from '../src/kernels/sort.js';

const values = (a: unknown): (number | bigint)[] => toPlain(a as np.NDArray).values;
const arr = (x: unknown): np.NDArray => x as np.NDArray;
const f32 = (x: number[]): np.NDArray => np.asarray(new Float32Array(x));
const i64 = (x: bigint[]): np.NDArray => np.asarray(new BigInt64Array(x));
/** A transposed (non-contiguous) view of a 2x3 int32 array [[0,1,2],[3,4,5]]: [[0,3],[1,4],[2,5]]. */
const transposed = (): np.NDArray => np.transpose(np.reshape([0, 1, 2, 3, 4, 5], 2, 3));

describe('sum and prod', () => {
  it('return JS numbers over all axes and arrays along an axis', () => {
    const a = np.array([[1, 2, 3], [4, 5, 6]]);
    expect(np.sum(a)).toBe(21);
    expect(np.prod(a)).toBe(720);
    const s0 = arr(np.sum(a, 0));
    expect([s0.dtype, s0.shape, values(s0)]).toEqual(['int32', [3], [5, 7, 9]]);
    expect(values(np.sum(a, -1))).toEqual([6, 15]);
    expect(values(np.sum(a, { axis: 1 }))).toEqual([6, 15]);
    expect(values(np.sum(a, [0, 1]))).toEqual([21]);
    expect(arr(np.sum(a, [1, 0])).shape).toEqual([]);
    expect(arr(np.sum(a, null, { keepdims: true })).shape).toEqual([1, 1]);
    expect(arr(np.sum(a, { axis: 0, keepdims: true })).shape).toEqual([1, 3]);
    expect(values(np.sum(a, []))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('accumulate bool and signed ints in int32, unsigned in uint32, int64 as bigint', () => {
    expect(arr(np.sum(np.array([true, true, false]), 0)).dtype).toBe('int32');
    expect(np.sum(np.array([true, true, false]))).toBe(2);
    expect(arr(np.sum(np.array([200, 100], { dtype: 'uint8' }), 0)).dtype).toBe('uint32');
    expect(np.sum(np.array([200, 100], { dtype: 'uint8' }))).toBe(300);
    expect(np.sum(np.array([100, 100], { dtype: 'int8' }))).toBe(200);
    expect(np.sum(np.array([2147483647, 1]))).toBe(-2147483648); // int32 wraps
    expect(np.sum(i64([2n ** 62n, 2n ** 62n]))).toBe(-(2n ** 63n));
    expect(np.prod(i64([3n, 4n]))).toBe(12n);
    expect(np.sum(np.array([1, 2]), { dtype: 'int64' })).toBe(3n);
    expect(np.sum(np.array([0.5, 0.25]), { dtype: 'float32' })).toBe(0.75);
    expect(arr(np.sum(np.array([1.5, 2]), { axis: 0, dtype: 'int8' })).dtype).toBe('int8');
  });

  it('of nothing give the identity; initial adds a start value', () => {
    expect(np.sum([])).toBe(0);
    expect(np.prod([])).toBe(1);
    expect(np.sum([1, 2], { initial: 10 })).toBe(13);
    expect(Object.is(np.sum(np.asarray(new Float64Array([-0]))), 0)).toBe(true); // NumPy: 0.0 (starts from +0)
    expect(Object.is(np.prod(np.asarray(new Float64Array([-0]))), -0)).toBe(true);
  });

  it('0-d arrays accept axis 0 and -1 (NumPy ufunc reduce) and reject others', () => {
    const z = np.asarray(5);
    expect(values(np.sum(z, 0))).toEqual([5]);
    expect(values(np.sum(z, -1))).toEqual([5]);
    expect(() => np.sum(z, 1)).toThrow('axis 1 is out of bounds for array of dimension 0');
  });

  it('check axes, options and out with NumPy messages', () => {
    const a = np.array([[1, 2], [3, 4]]);
    expect(() => np.sum(a, 2)).toThrow(np.AxisError);
    expect(() => np.sum(a, 2)).toThrow('axis 2 is out of bounds for array of dimension 2');
    expect(() => np.sum(a, [0, -2])).toThrow("duplicate value in 'axis'");
    expect(() => np.sum(a, 0.5)).toThrow("'float' object cannot be interpreted as an integer");
    expect(() => np.sum(a, 0, { axis: 1 })).toThrow("sum() got multiple values for argument 'axis'");
    const out = np.zeros([2]);
    expect(np.sum(a, 0, { out })).toBe(out);
    expect(values(out)).toEqual([4, 6]);
    expect(() => np.sum(a, 0, { out: np.zeros([3]) })).toThrow('operands could not be broadcast together');
    expect(() => np.sum(np.array([0.5]), 0, { out: np.zeros([], { dtype: 'int32' }) })).toThrow(np.DTypeError);
  });
});

describe('min, max, amin, amax, ptp', () => {
  it('find extremes; NaN propagates; bool gives booleans, int64 bigints', () => {
    expect(np.max([[1, 5], [3, 2]])).toBe(5);
    expect(np.min([[1, 5], [3, 2]])).toBe(1);
    expect(values(np.max([[1, 5], [3, 2]], 1))).toEqual([5, 3]);
    expect(np.max([1, NaN, 3])).toBeNaN();
    expect(np.min([NaN, 1])).toBeNaN();
    expect(np.max(np.array([true, false]))).toBe(true);
    expect(np.min(i64([5n, -2n]))).toBe(-2n);
    expect(np.amax).toBe(np.max);
    expect(np.amin).toBe(np.min);
  });

  it('empty slices need an initial value', () => {
    expect(() => np.max([])).toThrow('zero-size array to reduction operation maximum which has no identity');
    expect(() => np.min(np.zeros([0, 3]), 0)).toThrow('zero-size array to reduction operation minimum which has no identity');
    expect(arr(np.max(np.zeros([0, 3]), 1)).shape).toEqual([0]);
    expect(values(np.max(np.zeros([0, 3]), 0, { initial: 5 }))).toEqual([5, 5, 5]);
    expect(values(np.max(np.ones([2, 3]), 1, { initial: 5 }))).toEqual([5, 5]);
  });

  it('ptp subtracts in the input dtype (int8 wraps) and rejects bool', () => {
    expect(np.ptp([[4, 9], [2, 3]])).toBe(7);
    expect(values(np.ptp([[4, 9], [2, 3]], 1))).toEqual([5, 1]);
    expect(np.ptp(np.array([-100, 100], { dtype: 'int8' }))).toBe(-56);
    expect(np.ptp(np.asarray(5))).toBe(0);
    expect(() => np.ptp(np.array([true, false]))).toThrow('numpy boolean subtract, the `-` operator, is not supported');
    expect(() => np.ptp([])).toThrow('zero-size array to reduction operation maximum which has no identity');
  });
});

describe('argmin and argmax', () => {
  it('give the first extreme as int32, flattened in C order without an axis', () => {
    expect(np.argmax([[1, 5], [7, 2]])).toBe(2);
    expect(np.argmin([3, 1, 1, 2])).toBe(1);
    const r = arr(np.argmax([[1, 5], [7, 2]], 1));
    expect([r.dtype, values(r)]).toEqual(['int32', [1, 0]]);
    expect(values(np.argmin([[1, 5], [7, 2]], 0))).toEqual([0, 1]);
    expect(np.argmax(transposed())).toBe(5); // [[0,3],[1,4],[2,5]] in C order
    expect(np.argmin(np.reshape([5, 4, 3, 2, 1, 0], 2, 3), { axis: -1 })).toBeInstanceOf(np.NDArray);
  });

  it('return the first NaN, as NumPy', () => {
    expect(np.argmax([1, NaN, NaN, 5])).toBe(1);
    expect(np.argmin([1, NaN, NaN, -5])).toBe(1);
    expect(np.argmax([NaN, 1])).toBe(0);
  });

  it('keepdims, 0-d input, bigint and bool input, out', () => {
    expect(arr(np.argmax(np.ones([2, 3]), null, { keepdims: true })).shape).toEqual([1, 1]);
    expect(arr(np.argmax(np.ones([2, 3]), 1, { keepdims: true })).shape).toEqual([2, 1]);
    expect(np.argmax(np.asarray(5))).toBe(0);
    expect(values(np.argmax(np.asarray(5), 0))).toEqual([0]);
    expect(() => np.argmax(np.asarray(5), 1)).toThrow('axis 1 is out of bounds for array of dimension 1');
    expect(np.argmax(i64([1n, 2n ** 60n, 3n]))).toBe(1);
    expect(np.argmin(np.array([true, false, false]))).toBe(1);
    const out = np.zeros([2], { dtype: 'int32' });
    expect(np.argmax([[1, 2], [4, 3]], 1, { out })).toBe(out);
    expect(values(out)).toEqual([1, 0]);
  });

  it('reject empty slices and axis lists with NumPy messages', () => {
    expect(() => np.argmax([])).toThrow('attempt to get argmax of an empty sequence');
    expect(() => np.argmin(np.zeros([2, 0]), 1)).toThrow('attempt to get argmin of an empty sequence');
    expect(arr(np.argmax(np.zeros([0, 3]), 1)).shape).toEqual([0]);
    expect(() => np.argmax(np.zeros([2, 3]), [0, 1] as unknown as number)).toThrow("'list' object cannot be interpreted as an integer");
  });
});

describe('any, all, countNonzero', () => {
  it('treat nonzero (and NaN) as true and give booleans', () => {
    expect(np.any([0, 0, 3])).toBe(true);
    expect(np.any([0, NaN])).toBe(true);
    expect(np.all([0.0, NaN])).toBe(false);
    expect(np.all([])).toBe(true);
    expect(np.any([])).toBe(false);
    const r = arr(np.all([[1, 2], [0, 4]], 0));
    expect([r.dtype, values(r)]).toEqual(['bool', [0, 1]]);
    expect(arr(np.any(np.ones([2, 3]), 1, { keepdims: true })).shape).toEqual([2, 1]);
    expect(np.any(i64([0n, 0n]))).toBe(false);
  });

  it('countNonzero counts NaN, gives int32 along axes', () => {
    expect(np.countNonzero([[1, 0], [2, NaN]])).toBe(3);
    const r = arr(np.countNonzero([[1, 0], [2, NaN]], 0));
    expect([r.dtype, values(r)]).toEqual(['int32', [2, 1]]);
    expect(arr(np.countNonzero([[1, 0], [2, 0]], 0, { keepdims: true })).shape).toEqual([1, 2]);
    expect(values(np.countNonzero(np.asarray(5), 0))).toEqual([1]);
  });
});

describe('cumsum and cumprod', () => {
  it('accumulate the flattened array by default, or along an axis', () => {
    const r = np.cumsum([[1, 2], [3, 4]]);
    expect([r.dtype, r.shape, values(r)]).toEqual(['int32', [4], [1, 3, 6, 10]]);
    expect(values(np.cumsum([[1, 2], [3, 4]], 0))).toEqual([1, 2, 4, 6]);
    expect(values(np.cumprod([[1, 2], [3, 4]], { axis: -1 }))).toEqual([1, 2, 3, 12]);
    expect(values(np.cumsum(np.asarray(5)))).toEqual([5]);
    expect(values(np.cumsum(np.asarray(5), 0))).toEqual([5]);
    expect(values(np.cumsum(transposed()))).toEqual([0, 3, 4, 8, 10, 15]);
    expect(np.cumsum(np.zeros([0, 3]), 0).shape).toEqual([0, 3]);
  });

  it('round float32 at every step and take dtype', () => {
    expect(values(np.cumsum(f32([0.1, 0.2, 0.3, 0.4])))).toEqual([0.10000000149011612, 0.30000001192092896, 0.6000000238418579, 1]);
    expect(np.cumprod(np.array([true, true])).dtype).toBe('int32');
    expect(values(np.cumsum(np.array([100, 100]), { dtype: 'int8' }))).toEqual([100, -56]);
    expect(np.cumsum(np.array([1, 2], { dtype: 'uint16' })).dtype).toBe('uint32');
  });

  it('check the axis and out', () => {
    expect(() => np.cumsum(np.ones([2, 2]), 2)).toThrow('axis 2 is out of bounds for array of dimension 2');
    expect(() => np.cumsum(np.ones([2, 2]), [0] as unknown as number)).toThrow("'list' object cannot be interpreted as an integer");
    const out = np.zeros([2, 2]);
    expect(np.cumsum([[1, 2], [3, 4]], 1, { out })).toBe(out);
    expect(values(out)).toEqual([1, 3, 3, 7]);
    expect(() => np.cumsum([[1, 2], [3, 4]], 1, { out: np.zeros([4]) })).toThrow('wrong shape');
  });
});

describe('diff', () => {
  it('differences n times along the last axis (or the given one)', () => {
    expect(values(np.diff([1, 2, 4, 7]))).toEqual([1, 2, 3]);
    expect(values(np.diff([1, 2, 4, 7], 2))).toEqual([1, 1]);
    expect(values(np.diff([1, 2, 4, 7], { n: 2 }))).toEqual([1, 1]);
    expect(values(np.diff([[1, 3], [4, 9]], 1, 0))).toEqual([3, 6]);
    expect(values(np.diff([[1, 3], [4, 9]], { axis: 0 }))).toEqual([3, 6]);
    expect(np.diff([1, 2, 4], 5).shape).toEqual([0]);
    expect(values(np.diff([1, 2, 4], 0))).toEqual([1, 2, 4]);
  });

  it('keeps the dtype: uint8 wraps, bool uses not-equal', () => {
    const u = np.diff(np.array([3, 1], { dtype: 'uint8' }));
    expect([u.dtype, values(u)]).toEqual(['uint8', [254]]);
    const b = np.diff(np.array([true, false, true, true]));
    expect([b.dtype, values(b)]).toEqual(['bool', [1, 1, 0]]);
  });

  it('prepend and append: a scalar broadcasts to one slice', () => {
    expect(values(np.diff([1, 2, 4], { prepend: 0 }))).toEqual([1, 1, 2]);
    expect(values(np.diff(np.array([1, 2, 4], { dtype: 'int8' }), { prepend: 1.5 }))).toEqual([-0.5, 1, 2]);
    const r = np.diff(np.ones([2, 3]), { axis: 0, append: np.zeros([1, 3]) });
    expect([r.shape, values(r)]).toEqual([[2, 3], [0, 0, 0, -1, -1, -1]]);
  });

  it('errors with NumPy messages', () => {
    expect(() => np.diff([1, 2], -1)).toThrow('order must be non-negative but got -1');
    expect(() => np.diff(5)).toThrow('diff requires input that is at least one dimensional');
    expect(() => np.diff([1, 2], 1.5)).toThrow("'float' object cannot be interpreted as an integer");
    expect(() => np.diff(np.ones([2, 3]), 1, 2)).toThrow('axis 2 is out of bounds for array of dimension 2');
    expect(() => np.diff(np.ones([2, 3]), { axis: 0, append: np.zeros([2, 2]) })).toThrow(
      'all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2',
    );
    expect(() => np.diff(np.ones([2, 3]), { axis: 0, append: np.zeros([3]) })).toThrow(
      'all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)',
    );
  });
});

describe('inputs are never modified', () => {
  it('by any reduction of this family', () => {
    const a = np.array([[3, NaN, 1], [2, 5, -0]]);
    const before = JSON.stringify(values(a).map(String));
    for (const f of [np.sum, np.prod, np.max, np.min, np.argmax, np.argmin, np.any, np.all, np.countNonzero, np.ptp]) {
      (f as (x: np.NDArray, axis?: number) => unknown)(a);
      (f as (x: np.NDArray, axis?: number) => unknown)(a, 1);
    }
    np.cumsum(a);
    np.cumprod(a, 0);
    np.diff(a, 2);
    expect(JSON.stringify(values(a).map(String))).toBe(before);
  });
});

describe('sort kernels', () => {
  it('sortRows sorts each row ascending with NaN last, short and long rows, bigints', () => {
    const short = new Float64Array([3, NaN, -1, 2, NaN, 0, 5, -0]);
    sortRows(short, 0, 2, 4);
    expect(Array.from(short.subarray(0, 4))).toEqual([-1, 2, 3, NaN]);
    expect(Array.from(short.subarray(4))).toEqual([0, -0, 5, NaN]); // equal zeros keep their order in short rows
    const n = 100;
    const long = new Float64Array(n).map((_, i) => (i % 7 === 3 ? NaN : ((i * 37) % 101) - 50));
    sortRows(long, 0, 1, n);
    const nums = Array.from(long).filter((x) => !Number.isNaN(x));
    expect(nums).toEqual(nums.slice().sort((x, y) => x - y));
    expect(Array.from(long).slice(nums.length).every(Number.isNaN)).toBe(true);
    expect(countLeadingNumbers(long as never, 0, n)).toBe(nums.length);
    const big = new BigInt64Array([5n, -(2n ** 62n), 3n]);
    sortRows(big, 0, 1, 3);
    expect(Array.from(big)).toEqual([-(2n ** 62n), 3n, 5n]);
  });

  it('argsortRows is stable (ties keep their order) with NaN last', () => {
    const keys = new Float64Array(40).map((_, i) => (i % 9 === 4 ? NaN : i % 3));
    const idx = new Int32Array(40);
    argsortRows(keys as never, 0, 1, 40, idx as never, 0);
    const expected = Array.from({ length: 40 }, (_, i) => i).sort((i, j) => {
      const x = keys[i]!;
      const y = keys[j]!;
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? i - j : 1) : -1;
      return x - y || i - j;
    });
    expect(Array.from(idx)).toEqual(expected);
    const two = new Int32Array([2, 1, 2, 1, 1, 1]);
    const out = new Int32Array(6);
    argsortRows(two as never, 0, 2, 3, out as never, 0);
    expect(Array.from(out)).toEqual([1, 0, 2, 0, 1, 2]);
  });

  it('partitionNaNs and selectRank put any rank in place (random, sorted, reversed, equal rows)', () => {
    let seed = 12345;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const rows: number[][] = [
      Array.from({ length: 301 }, () => Math.floor(rand() * 50) - 25),
      Array.from({ length: 200 }, (_, i) => i),
      Array.from({ length: 200 }, (_, i) => 200 - i),
      Array.from({ length: 100 }, () => 7),
      Array.from({ length: 9 }, () => rand()),
    ];
    for (const row of rows) {
      const sorted = row.slice().sort((x, y) => x - y);
      for (const k of [0, 1, Math.floor(row.length / 2), row.length - 2, row.length - 1]) {
        const d = new Float64Array([NaN, ...row, NaN]);
        const n = partitionNaNs(d as never, 0, d.length);
        expect(n).toBe(row.length);
        expect(Number.isNaN(d[n]!) && Number.isNaN(d[n + 1]!)).toBe(true);
        selectRank(d, 0, n, k);
        expect(d[k]).toBe(sorted[k]);
        for (let i = 0; i < k; i++) expect(d[i]!).toBeLessThanOrEqual(d[k]!);
        for (let i = k + 1; i < n; i++) expect(d[i]!).toBeGreaterThanOrEqual(d[k]!);
      }
    }
  });
});

describe('static types follow the result form', () => {
  it('scalars over all axes, arrays with an axis, keepdims or out', () => {
    const a = np.array([[1, 2], [3, 4]]);
    const s: number | bigint = np.sum(a);
    const m: number = np.mean(a);
    const sd: number = np.std(a, null, { ddof: 1 });
    const any: boolean = np.any(a);
    const idx: number = np.argmax(a);
    const p: number = np.percentile(a, 50);
    const byAxis: np.NDArray = np.sum(a, 0);
    const byOption: np.NDArray = np.mean(a, { axis: [0, 1] });
    const kept: np.NDArray = np.max(a, null, { keepdims: true });
    const ps: np.NDArray = np.percentile(a, [25, 75]);
    expect([s, m, sd, any, idx, p]).toEqual([10, 2.5, Math.sqrt(5 / 3), true, 3, 2.5]);
    expect([byAxis, byOption, kept, ps].every((x) => x instanceof np.NDArray)).toBe(true);
    expect(() => np.sum(a, 'x' as unknown as number)).toThrow("'str' object cannot be interpreted as an integer");
  });
});

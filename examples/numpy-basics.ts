/**
 * `numpy-basics`: the NumPy part of the lecture "Математические основы нейронных сетей",
 * ported line by line. Each step prints the lecture's Python line, the numbat line beside
 * it, and what numbat prints (NumPy's repr for arrays).
 *
 * What differs from NumPy, and why:
 * - JS has no operator overloading: `a + b` is `a.add(b)`, `a[1:]` is `a.get('1:')`,
 *   keyword arguments are a trailing options object (`a.max({ axis: 0 })`, or `a.max(0)`).
 * - The default integer is int32 (as JAX), so integer arrays print `dtype=int32`.
 * - A reduction over the whole array returns a JS number, which prints `2` where NumPy
 *   prints `np.float64(2.0)`.
 * The test suite runs the Python lines through NumPy and compares every output.
 */
import * as np from '@numbat/ndarray';
import { context, runIfMain, type ExampleOptions, type ExampleResult } from './lib/cli.js';

/** One line of the lecture: the Python, its port, and (for expressions) the value. */
export interface Step {
  /** The lecture's Python line. */
  py: string;
  /** The numbat line. */
  ts: string;
  /** What the line evaluates to; undefined for statements. */
  value?: unknown;
  /** The Python the test runs instead of `py` when numbat deliberately differs (int32 vs int64). */
  python?: string;
}

/** What `numpy-basics` returns: every step, for the test to replay in NumPy. */
export interface NumpyBasicsResult extends ExampleResult {
  steps: Step[];
}

/** Runs `numpy-basics` (see the file header); `quick` is the short setting of the test suite. */
export function run(options: ExampleOptions = {}): NumpyBasicsResult {
  const ctx = context(options);
  const steps: Step[] = [];
  const echo = (py: string, ts: string) => ctx.log(`>>> ${py.padEnd(46)}  // ${ts}`);
  /** An expression: print it and its value. */
  const show = (py: string, ts: string, f: () => unknown, python?: string) => {
    const value = f();
    echo(py, ts);
    ctx.log(value);
    steps.push({ py, ts, value, ...(python === undefined ? {} : { python }) });
  };
  /** A statement: print it, run it. */
  const exec = (py: string, ts: string, f: () => void) => {
    echo(py, ts);
    f();
    steps.push({ py, ts });
  };
  const section = (title: string) => ctx.log(`\n# ${title}`);
  // the lecture's variables, assigned by its statements below
  let a: np.NDArray, data: np.NDArray, ones: np.NDArray, powersOfTen: np.NDArray, x: np.NDArray;

  ctx.log('import numpy as np                                //  import * as np from \'@numbat/ndarray\'');

  section('ndarray attributes: ndim, shape, size, dtype, itemsize, data');
  exec('a = np.array([[1, 2, 3], [4, 5, 6]])', 'a = np.array([[1, 2, 3], [4, 5, 6]])', () => {
    a = np.array([[1, 2, 3], [4, 5, 6]]);
  });
  show('a.ndim', 'a.ndim', () => a.ndim);
  show('a.shape', 'a.shape', () => a.shape);
  show('a.size', 'a.size', () => a.size);
  // int32 is numbat's default integer (NumPy on Linux: int64)
  show('a.dtype', 'a.dtype', () => a.dtype, "np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int32).dtype.name");
  show('a.itemsize', 'a.itemsize', () => a.itemsize, 'np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int32).itemsize');
  // NumPy shows a memoryview; numbat's buffer is the TypedArray itself
  show('a.data', 'a.data', () => a.data, 'a.ravel()');

  section('Creating arrays');
  show('np.array([1, 2, 3])', 'np.array([1, 2, 3])', () => np.array([1, 2, 3]));
  show('np.arange(3)', 'np.arange(3)', () => np.arange(3));
  show('np.ones(3)', 'np.ones(3)', () => np.ones(3));
  show('np.zeros(3)', 'np.zeros(3)', () => np.zeros(3));
  // seeded, so the "random" numbers are NumPy's own (numbat's MT19937 is bit-identical)
  exec('np.random.seed(0)', 'np.random.seed(0)', () => np.random.seed(0));
  show('np.random.random(3)', 'np.random.random(3)', () => np.random.random(3));

  section('Tensors: 0-d (a scalar), a row vector (1x3), a column vector (3x1), 3-d');
  show('np.array(11).ndim', 'np.array(11).ndim', () => np.array(11).ndim);
  show('np.array([[1, 2, 3]]).shape', 'np.array([[1, 2, 3]]).shape', () => np.array([[1, 2, 3]]).shape);
  show('np.array([[1], [2], [3]]).shape', 'np.array([[1], [2], [3]]).shape', () => np.array([[1], [2], [3]]).shape);
  show('np.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])', 'np.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])', () =>
    np.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]),
  );
  show('np.ones((4, 3, 2))', 'np.ones([4, 3, 2])', () => np.ones([4, 3, 2]));
  show('np.zeros((4, 3, 2))', 'np.zeros(4, 3, 2)', () => np.zeros(4, 3, 2));
  show('np.random.random((4, 3, 2))', 'np.random.random([4, 3, 2])', () => np.random.random([4, 3, 2]));

  section('Arithmetic');
  exec('data = np.array([1, 2])', 'data = np.array([1, 2])', () => {
    data = np.array([1, 2]);
  });
  exec('ones = np.ones(2)', 'ones = np.ones(2)', () => {
    ones = np.ones(2);
  });
  show('data + ones', 'data.add(ones)', () => data.add(ones));
  show('data - ones', 'data.sub(ones)', () => data.sub(ones));
  show('data * data', 'data.mul(data)', () => data.mul(data));
  show('data / data', 'data.div(data)', () => data.div(data));
  show('data * 1.6', 'data.mul(1.6)', () => data.mul(1.6));

  section('Broadcasting');
  show('np.arange(3) + 5', 'np.arange(3).add(5)', () => np.arange(3).add(5));
  show('np.ones((3, 3)) + np.arange(3)', 'np.ones(3, 3).add(np.arange(3))', () => np.ones(3, 3).add(np.arange(3)));
  show('np.ones((3, 1)) + np.arange(3)', 'np.ones(3, 1).add(np.arange(3))', () => np.ones(3, 1).add(np.arange(3)));
  // the slide's picture for the line above adds a column 0, 1, 2 to a row 0, 1, 2: that is
  show('np.arange(3).reshape(3, 1) + np.arange(3)', 'np.arange(3).reshape(3, 1).add(np.arange(3))', () =>
    np.arange(3).reshape(3, 1).add(np.arange(3)),
  );

  section('Indexing: basic slices are views, as in NumPy');
  exec('data = np.array([1, 2, 3])', 'data = np.array([1, 2, 3])', () => {
    data = np.array([1, 2, 3]);
  });
  // data[0] is a NumPy scalar; .item(0) gives the JS number (data.get(0) a 0-d array)
  show('data[0]', 'data.item(0)', () => data.item(0));
  show('data[1]', 'data.item(1)', () => data.item(1));
  show('data[0:2]', "data.get('0:2')", () => data.get('0:2'));
  show('data[1:]', "data.get('1:')", () => data.get('1:'));

  section('Aggregation');
  show('data.max()', 'data.max()', () => data.max());
  show('data.min()', 'data.min()', () => data.min());
  show('data.sum()', 'data.sum()', () => data.sum());
  exec('data = np.array([[1, 2], [3, 4], [5, 6]])', 'data = np.array([[1, 2], [3, 4], [5, 6]])', () => {
    data = np.array([[1, 2], [3, 4], [5, 6]]);
  });
  show('data.max()', 'data.max()', () => data.max());
  show('data.min()', 'data.min()', () => data.min());
  show('data.sum()', 'data.sum()', () => data.sum());
  show('data.mean()', 'data.mean()', () => data.mean());
  show('data.prod()', 'data.prod()', () => data.prod());
  show('data.std()', 'data.std()', () => data.std());
  exec('data = np.array([[1, 2], [5, 3], [4, 6]])', 'data = np.array([[1, 2], [5, 3], [4, 6]])', () => {
    data = np.array([[1, 2], [5, 3], [4, 6]]);
  });
  show('data.max(axis=0)', 'data.max({ axis: 0 })', () => data.max({ axis: 0 }));
  show('data.max(axis=1)', 'data.max(1)', () => data.max(1));

  section('The dot product');
  exec('data = np.array([1, 2, 3])', 'data = np.array([1, 2, 3])', () => {
    data = np.array([1, 2, 3]);
  });
  exec('powers_of_ten = np.array([[1, 10], [100, 1000], [10000, 100000]])', 'powersOfTen = np.array([[1, 10], [100, 1000], [10000, 100000]])', () => {
    powersOfTen = np.array([[1, 10], [100, 1000], [10000, 100000]]);
  });
  show('data.dot(powers_of_ten)', 'data.dot(powersOfTen)', () => data.dot(powersOfTen));
  // the same as one row times the matrix: 1*1 + 2*100 + 3*10000, 1*10 + 2*1000 + 3*100000
  show('data @ powers_of_ten', 'data.matmul(powersOfTen)', () => data.matmul(powersOfTen));

  section('Transposing');
  exec('data = np.array([[1, 2], [3, 4], [5, 6]])', 'data = np.array([[1, 2], [3, 4], [5, 6]])', () => {
    data = np.array([[1, 2], [3, 4], [5, 6]]);
  });
  show('data.T', 'data.T', () => data.T);

  section("Arithmetic operators and their ufuncs (the lecture's table)");
  show('np.add(1, 1)            # 1 + 1', 'np.add(1, 1)', () => np.add(1, 1));
  show('np.subtract(3, 2)       # 3 - 2', 'np.subtract(3, 2)', () => np.subtract(3, 2));
  show('np.negative(2)          # -2', 'np.negative(2)', () => np.negative(2));
  show('np.multiply(2, 3)       # 2 * 3', 'np.multiply(2, 3)', () => np.multiply(2, 3));
  show('np.divide(3, 2)         # 3 / 2', 'np.divide(3, 2)', () => np.divide(3, 2));
  show('np.floor_divide(3, 2)   # 3 // 2', 'np.floorDivide(3, 2)', () => np.floorDivide(3, 2));
  show('np.power(2, 3)          # 2 ** 3', 'np.power(2, 3)', () => np.power(2, 3));
  show('np.mod(9, 4)            # 9 % 4', 'np.mod(9, 4)', () => np.mod(9, 4));

  section("Aggregation functions and their NaN-safe versions (the lecture's table)");
  exec('x = np.array([1, np.nan, 3, 2])', 'x = np.array([1, NaN, 3, 2])', () => {
    x = np.array([1, NaN, 3, 2]);
  });
  show('np.sum(x), np.nansum(x)', '[np.sum(x), np.nansum(x)]', () => [np.sum(x), np.nansum(x)]);
  show('np.prod(x), np.nanprod(x)', '[np.prod(x), np.nanprod(x)]', () => [np.prod(x), np.nanprod(x)]);
  show('np.mean(x), np.nanmean(x)', '[np.mean(x), np.nanmean(x)]', () => [np.mean(x), np.nanmean(x)]);
  show('np.std(x), np.nanstd(x)', '[np.std(x), np.nanstd(x)]', () => [np.std(x), np.nanstd(x)]);
  show('np.var(x), np.nanvar(x)', '[np.var(x), np.nanvar(x)]', () => [np.var(x), np.nanvar(x)]);
  show('np.min(x), np.nanmin(x)', '[np.min(x), np.nanmin(x)]', () => [np.min(x), np.nanmin(x)]);
  show('np.max(x), np.nanmax(x)', '[np.max(x), np.nanmax(x)]', () => [np.max(x), np.nanmax(x)]);
  show('np.argmin(x), np.nanargmin(x)', '[np.argmin(x), np.nanargmin(x)]', () => [np.argmin(x), np.nanargmin(x)]);
  show('np.argmax(x), np.nanargmax(x)', '[np.argmax(x), np.nanargmax(x)]', () => [np.argmax(x), np.nanargmax(x)]);
  show('np.median(x), np.nanmedian(x)', '[np.median(x), np.nanmedian(x)]', () => [np.median(x), np.nanmedian(x)]);
  show('np.percentile(x, 90), np.nanpercentile(x, 90)', '[np.percentile(x, 90), np.nanpercentile(x, 90)]', () => [
    np.percentile(x, 90),
    np.nanpercentile(x, 90),
  ]);
  show('np.any(x > 2), np.all(x > 0)', '[np.any(x.greater(2)), np.all(x.greater(0))]', () => [np.any(x.greater(2)), np.all(x.greater(0))]);

  return { files: ctx.files, steps };
}

runIfMain(import.meta.url, run);

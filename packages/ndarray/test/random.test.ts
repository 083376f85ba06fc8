/**
 * `np.random`: examples pinned to NumPy's values, return conventions (scalars, shapes,
 * dtypes), distribution edge cases with closed-form answers, stream bookkeeping (draws
 * consumed or not, state round trips), input immutability, every error message (NumPy's
 * wording), and the speed of the bit generator. The whole-stream comparisons with NumPy
 * are in `test/properties/random.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { expectThrows, fingerprint } from '../../../test/helpers.js';

const rng = (seed: np.random.GeneratorSeed = 1): np.random.Generator => np.random.defaultRng(seed);
const values = (a: unknown): number[] => ((a as np.NDArray).tolist() as number[]).flat(3) as number[];

describe('np.random examples (values from NumPy)', () => {
  it('defaultRng draws NumPy default_rng streams', () => {
    expect(rng(42).random()).toBe(0.7739560485559633);
    expect(values(rng(42).integers(0, 10, 5))).toEqual([0, 7, 6, 4, 4]);
    expect(rng(12345).standardNormal()).toBe(-1.4238250364546312);
    expect(values(rng(0).choice(5, 3, { replace: false }))).toEqual([3, 4, 2]);
    expect(values(rng(0).permutation(5))).toEqual([2, 4, 3, 0, 1]);
    const g = rng(7);
    expect(g.integers(0, 2n ** 63n, null, { dtype: 'int64' })).toBe(5765488047046174021n);
    expect(g.integers(0, 2, null, { dtype: 'bool' })).toBe(true);
  });

  it('the legacy global functions draw NumPy RandomState streams', () => {
    np.random.seed(0);
    expect(values(np.random.rand(3))).toEqual([0.5488135039273248, 0.7151893663724195, 0.6027633760716439]);
    expect(values(np.random.randn(2))).toEqual([-2.268328201180374, 1.3335453816218967]);
    np.random.seed(0);
    expect(values(np.random.randint(0, 10, 5))).toEqual([5, 0, 3, 3, 7]);
    expect(new np.random.RandomState(0).rand()).toBe(0.5488135039273248);
  });
});

describe('np.random return conventions', () => {
  it('no size gives a JS number; a size gives an NDArray of that shape', () => {
    const g = rng();
    expect(typeof g.random()).toBe('number');
    expect(typeof g.normal()).toBe('number');
    expect(typeof g.integers(5)).toBe('number');
    const a = g.random([2, 3]) as np.NDArray;
    expect(a.shape).toEqual([2, 3]);
    expect(a.dtype).toBe('float64');
    expect((g.random(0) as np.NDArray).shape).toEqual([0]);
    const z = g.standardNormal([]) as np.NDArray;
    expect(z instanceof np.NDArray && z.ndim === 0).toBe(true);
  });

  it('integer draws are int32 by default and take { dtype }', () => {
    const g = rng();
    expect((g.integers(0, 5, 4) as np.NDArray).dtype).toBe('int32');
    expect((g.integers(0, 5, 4, { dtype: 'uint8' }) as np.NDArray).dtype).toBe('uint8');
    expect((g.integers(0, 5, 4, { dtype: 'int64' }) as np.NDArray).dtype).toBe('int64');
    expect(typeof g.integers(0, 5, null, { dtype: 'int64' })).toBe('bigint');
    expect(typeof g.integers(0, 2, null, { dtype: 'bool' })).toBe('boolean');
    expect((np.random.randint(0, 5, 3) as np.NDArray).dtype).toBe('int32');
    expect((g.binomial(5, 0.5, 2) as np.NDArray).dtype).toBe('int32');
    expect((g.permutation(4) as np.NDArray).dtype).toBe('int32');
    expect((g.choice(4, 2) as np.NDArray).dtype).toBe('int32');
  });

  it('the options object may take the place of an omitted size', () => {
    expect(rng(42).integers(0, 10, { dtype: 'uint8' })).toBe(rng(42).integers(0, 10, null, { dtype: 'uint8' }));
    expect(rng(3).choice(5, { replace: false })).toBe(rng(3).choice(5, null, { replace: false }));
    const f = rng(4).random({ dtype: 'float32' }) as number;
    expect(f).toBe(rng(4).random(null, { dtype: 'float32' }));
    expect(Math.fround(f)).toBe(f);
    np.random.seed(1);
    const a = np.random.randint(0, 9, { dtype: 'int8' });
    np.random.seed(1);
    expect(a).toBe(np.random.randint(0, 9, null, { dtype: 'int8' }));
  });

  it('float32 draws are float32 values in [0, 1)', () => {
    const a = rng().random(1000, { dtype: 'float32' }) as np.NDArray;
    expect(a.dtype).toBe('float32');
    for (const v of values(a)) {
      expect(Math.fround(v)).toBe(v);
      expect(v >= 0 && v < 1).toBe(true);
    }
  });

  it('choice of an array keeps its dtype; along an axis it takes rows or columns', () => {
    const g = rng(3);
    const x = np.arange(6).reshape(2, 3);
    expect((g.choice(x, 4) as np.NDArray).shape).toEqual([4, 3]);
    expect((g.choice(x, 5, { axis: 1 }) as np.NDArray).shape).toEqual([2, 5]);
    expect(typeof g.choice([1.5, 2.5])).toBe('number');
    expect((g.choice(new Float32Array([1, 2]), 3) as np.NDArray).dtype).toBe('float32');
  });
});

describe('np.random edge cases', () => {
  it('binomial with p = 0, p = 1, n = 0, and large n', () => {
    const g = rng();
    expect(values(g.binomial(10, 0, 5))).toEqual([0, 0, 0, 0, 0]);
    expect(values(g.binomial(10, 1, 5))).toEqual([10, 10, 10, 10, 10]);
    expect(values(g.binomial(0, 0.5, 3))).toEqual([0, 0, 0]);
    const big = values(g.binomial(1e6, 0.5, 2000));
    const mean = big.reduce((a, b) => a + b, 0) / big.length;
    expect(Math.abs(mean - 5e5)).toBeLessThan((5 * 500) / Math.sqrt(2000)); // 5 standard errors
    expect(big.every((v) => Number.isInteger(v) && v >= 0 && v <= 1e6)).toBe(true);
  });

  it('integers with a single value consume no draws', () => {
    const g = rng(5);
    expect(values(g.integers(7, 8, 6))).toEqual([7, 7, 7, 7, 7, 7]);
    expect(values(g.integers(7, 7, 3, { endpoint: true }))).toEqual([7, 7, 7]);
    expect(g.random()).toBe(rng(5).random());
  });

  it('integers cover the full int32 range and respect the endpoint', () => {
    const g = rng(9);
    const full = values(g.integers(-(2 ** 31), 2 ** 31, 1000));
    expect(full.every((v) => v >= -(2 ** 31) && v < 2 ** 31)).toBe(true);
    expect(full.some((v) => v < 0) && full.some((v) => v > 0)).toBe(true);
    const closed = values(g.integers(0, 1, 200, { endpoint: true }));
    expect(new Set(closed)).toEqual(new Set([0, 1]));
    expect(values(g.integers(-3, 3, 500)).every((v) => v >= -3 && v < 3)).toBe(true);
  });

  it('normal with scale 0 gives loc; uniform with low = high gives low', () => {
    expect(values(rng().normal(2.5, 0, 4))).toEqual([2.5, 2.5, 2.5, 2.5]);
    expect(values(rng().uniform(3, 3, 2))).toEqual([3, 3]);
    expect(values(rng().normal([1, 2], [0, 0]))).toEqual([1, 2]);
  });

  it('choice with a one-hot p always picks that entry', () => {
    expect(values(rng().choice(4, 20, { p: [0, 0, 1, 0] }))).toEqual(new Array(20).fill(2));
    expect(values(np.random.choice(3, 5, { p: [1, 0, 0] }))).toEqual([0, 0, 0, 0, 0]);
  });

  it('permutations and shuffles keep every element once', () => {
    const g = rng(11);
    expect(values(g.permutation(50)).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const sample = values(g.choice(20000, 1000, { replace: false }));
    expect(new Set(sample).size).toBe(1000);
    const x = np.arange(12).reshape(4, 3);
    g.shuffle(x, { axis: 1 });
    expect(values(x.sum(1))).toEqual([3, 12, 21, 30]);
    const list = [1, 2, 3, 4, 5];
    np.random.shuffle(list);
    expect([...list].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('no method modifies its array arguments', () => {
    const loc = np.array([1.5, 2.5]);
    const p = np.array([0.25, 0.75]);
    const a = np.arange(5);
    const before = [loc, p, a].map(fingerprint);
    const g = rng();
    g.normal(loc, 1);
    g.uniform(loc, 10);
    g.choice(2, 3, { p });
    g.choice(a, 3);
    g.permutation(a);
    np.random.permutation(a);
    g.integers(a, 10);
    expect([loc, p, a].map(fingerprint)).toEqual(before);
  });
});

describe('np.random stream bookkeeping', () => {
  it('the same seed gives the same stream; seeds may be bigints or lists', () => {
    expect(values(rng(2n ** 90n).random(5))).toEqual(values(rng(2n ** 90n).random(5)));
    expect(values(rng([1, 2, 3]).random(3))).not.toEqual(values(rng([1, 2]).random(3)));
    const g = rng(4);
    expect(np.random.defaultRng(g) === g).toBe(true);
  });

  it('no seed takes OS entropy', () => {
    expect(np.random.defaultRng().random()).not.toBe(np.random.defaultRng().random());
  });

  it('an odd number of 32-bit draws leaves half a 64-bit draw for the next call', () => {
    const g = rng(6);
    const h = rng(6);
    const a = values(g.integers(0, 1000, 3)).concat(values(g.integers(0, 1000, 3)));
    expect(a).toEqual(values(h.integers(0, 1000, 6)));
  });

  it('the legacy state round-trips, including the cached Gaussian', () => {
    const rs = new np.random.RandomState(3);
    rs.randn(); // leaves the second value of a pair cached
    const st = rs.getState();
    expect(st[3]).toBe(1);
    const next = values(rs.randn(5));
    rs.setState(st);
    expect(values(rs.randn(5))).toEqual(next);
  });

  it('spawned generators are independent and reproducible', () => {
    const [a, b] = rng(8).spawn(2);
    const [c] = rng(8).spawn(1);
    expect(a!.random()).toBe(c!.random());
    expect(a!.random()).not.toBe(b!.random());
  });
});

describe('np.random errors (NumPy messages)', () => {
  const g = rng();
  it('integers bounds', () => {
    expectThrows(() => g.integers(0), np.ValueError, 'high <= 0');
    expectThrows(() => g.integers(5, 5), np.ValueError, 'low >= high');
    expectThrows(() => g.integers(5, 4, null, { endpoint: true }), np.ValueError, 'low > high');
    expectThrows(() => g.integers(0, -1, null, { endpoint: true }), np.ValueError, 'high < 0');
    expectThrows(() => g.integers(2 ** 31 + 1), np.ValueError, 'high is out of bounds for int32');
    expectThrows(() => g.integers(-129, 0, 2, { dtype: 'int8' }), np.ValueError, 'low is out of bounds for int8');
    expectThrows(() => g.integers([1, 0], [0, 1]), np.ValueError, 'low >= high');
    expectThrows(() => g.integers(0, 5, 1, { dtype: 'float64' }), np.DTypeError, "Unsupported dtype dtype('float64') for integers");
    expectThrows(() => np.random.randint(0), np.ValueError, 'high <= 0');
  });

  it('distribution parameters', () => {
    expectThrows(() => g.normal(0, -1), np.ValueError, 'scale < 0');
    expectThrows(() => g.normal([0, 1], [1, -1]), np.ValueError, 'scale < 0');
    expectThrows(() => g.exponential(-1), np.ValueError, 'scale < 0');
    expectThrows(() => g.uniform(2, 1), np.ValueError, 'high - low < 0');
    expectThrows(() => g.uniform(0, Infinity), np.OverflowError, 'high - low range exceeds valid bounds');
    expectThrows(() => np.random.uniform(0, Infinity), np.OverflowError, 'Range exceeds valid bounds');
    expectThrows(() => g.binomial(5, 1.5), np.ValueError, 'p < 0, p > 1 or p is NaN');
    expectThrows(() => g.binomial([5], [1.5]), np.ValueError, 'p < 0, p > 1 or p contains NaNs');
    expectThrows(() => g.binomial(-1, 0.5), np.ValueError, 'n < 0');
    expectThrows(() => g.random(2, { dtype: 'int32' }), np.DTypeError, "Unsupported dtype dtype('int32') for random");
    expectThrows(() => g.random(-1), np.ValueError, 'negative dimensions are not allowed');
    expectThrows(
      () => g.normal([0, 1], 1, 3),
      np.ValueError,
      'shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (3,) and arg 1 with shape (2,).',
    );
  });

  it('choice and permutation', () => {
    expectThrows(
      () => g.choice(5, null, { p: [0.1, 0.2, 0.3, 0.4, 0.1] }),
      np.ValueError,
      'Probabilities do not sum to 1. See Notes section of docstring for more information.',
    );
    expectThrows(() => g.choice(5, null, { p: [0.5, 0.5] }), np.ValueError, 'a and p must have same size');
    expectThrows(() => g.choice(3, null, { p: [0.5, 0.6, -0.1] }), np.ValueError, 'Probabilities are not non-negative');
    expectThrows(() => g.choice(5, 6, { replace: false }), np.ValueError, 'Cannot take a larger sample than population when replace is False');
    expectThrows(() => g.choice(0, 1), np.ValueError, 'a must be a positive integer unless no samples are taken');
    expectThrows(() => np.random.choice(5, null, { p: [0.1, 0.2, 0.3, 0.4, 0.1] }), np.ValueError, 'probabilities do not sum to 1');
    expectThrows(() => np.random.choice([[1, 2], [3, 4]]), np.ValueError, 'a must be 1-dimensional');
    expectThrows(() => np.random.permutation(np.array(3)), np.IndexError, 'x must be an integer or at least 1-dimensional');
    expectThrows(() => g.permutation(np.array(3)), np.AxisError, 'axis 0 is out of bounds for array of dimension 0');
    expectThrows(() => g.shuffle(np.broadcastTo(np.arange(3), [3])), np.ValueError, 'array is read-only');
  });

  it('seeds', () => {
    expectThrows(() => np.random.defaultRng(-1), np.ValueError, 'expected non-negative integer');
    expectThrows(() => np.random.defaultRng(1.5), np.DTypeError, 'SeedSequence expects int or sequence of ints for entropy not 1.5');
    expectThrows(() => np.random.seed(2 ** 32), np.ValueError, 'Seed must be between 0 and 2**32 - 1');
    expectThrows(() => np.random.seed([]), np.ValueError, 'Seed must be non-empty');
  });
});

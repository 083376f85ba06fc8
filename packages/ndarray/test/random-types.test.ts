/**
 * The TypeScript return types of `np.random` draws, checked by `tsc` (`expectTypeOf` is a
 * compile-time assertion), and the runtime values checked to be what the types say: a draw
 * without a `size` and with JS-number parameters is typed `number` and is a JS number; a
 * draw with a `size` is typed `NDArray` and is one; array parameters, a `Size` variable that
 * may be null, and non-number integer dtypes keep the general union type.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as np from '@numbat/ndarray';

type Draw = number | np.NDArray;
type IntDraw = number | bigint | boolean | np.NDArray;

/** Asserts at runtime that `x` is a JS number. */
function isNumber(x: unknown): void {
  expect(typeof x).toBe('number');
}

/** Asserts at runtime that `x` is an NDArray of `shape`. */
function isArray(x: unknown, shape: number[]): void {
  expect(x instanceof np.NDArray).toBe(true);
  expect((x as np.NDArray).shape).toEqual(shape);
}

describe('Generator draws', () => {
  it('float samplers: no size is a number, a size an NDArray', () => {
    const g = np.random.defaultRng(0);
    const r0 = g.random();
    const r1 = g.random(null, { dtype: 'float32' });
    const r2 = g.random({ dtype: 'float32' });
    const r3 = g.random(3);
    const r4 = g.random([2, 3], { dtype: 'float32' });
    expectTypeOf(r0).toEqualTypeOf<number>();
    expectTypeOf(r1).toEqualTypeOf<number>();
    expectTypeOf(r2).toEqualTypeOf<number>();
    expectTypeOf(r3).toEqualTypeOf<np.NDArray>();
    expectTypeOf(r4).toEqualTypeOf<np.NDArray>();
    [r0, r1, r2].forEach(isNumber);
    isArray(r3, [3]);
    isArray(r4, [2, 3]);
    expect(r4.dtype).toBe('float32');

    const s0 = g.standardNormal();
    const s1 = g.standardNormal(undefined, { dtype: 'float32' });
    const s2 = g.standardNormal(4);
    const e0 = g.standardExponential();
    const e1 = g.standardExponential([2, 2], { dtype: 'float32' });
    expectTypeOf(s0).toEqualTypeOf<number>();
    expectTypeOf(s1).toEqualTypeOf<number>();
    expectTypeOf(s2).toEqualTypeOf<np.NDArray>();
    expectTypeOf(e0).toEqualTypeOf<number>();
    expectTypeOf(e1).toEqualTypeOf<np.NDArray>();
    [s0, s1, e0].forEach(isNumber);
    isArray(s2, [4]);
    isArray(e1, [2, 2]);
  });

  it('parametrised samplers: scalar parameters without size give a number', () => {
    const g = np.random.defaultRng(1);
    const n0 = g.normal();
    const n1 = g.normal(0, 2);
    const n2 = g.normal(0, 2, [2, 3]);
    const n3 = g.normal(undefined, undefined, 2);
    const u0 = g.uniform(-1, 1);
    const u1 = g.uniform(-1, 1, 5);
    const x0 = g.exponential();
    const x1 = g.exponential(2, 0);
    const b0 = g.binomial(10, 0.5);
    const b1 = g.binomial(10, 0.5, [3]);
    expectTypeOf(n0).toEqualTypeOf<number>();
    expectTypeOf(n1).toEqualTypeOf<number>();
    expectTypeOf(u0).toEqualTypeOf<number>();
    expectTypeOf(x0).toEqualTypeOf<number>();
    expectTypeOf(b0).toEqualTypeOf<number>();
    expectTypeOf(n2).toEqualTypeOf<np.NDArray>();
    expectTypeOf(n3).toEqualTypeOf<np.NDArray>();
    expectTypeOf(u1).toEqualTypeOf<np.NDArray>();
    expectTypeOf(x1).toEqualTypeOf<np.NDArray>();
    expectTypeOf(b1).toEqualTypeOf<np.NDArray>();
    [n0, n1, u0, x0, b0].forEach(isNumber);
    isArray(n2, [2, 3]);
    isArray(n3, [2]);
    isArray(u1, [5]);
    isArray(x1, [0]);
    isArray(b1, [3]);
    expect(b1.dtype).toBe('int32');
  });

  it('array parameters keep the general type (and give an NDArray at runtime)', () => {
    const g = np.random.defaultRng(2);
    const a = g.normal([0, 1]);
    const b = g.uniform(0, np.array([1, 2, 3]));
    const c = g.binomial([5, 6], 0.5);
    expectTypeOf(a).toEqualTypeOf<Draw>();
    expectTypeOf(b).toEqualTypeOf<Draw>();
    expectTypeOf(c).toEqualTypeOf<Draw>();
    isArray(a, [2]);
    isArray(b, [3]);
    isArray(c, [2]);
    // a 0-d array parameter takes NumPy's scalar path: a number, hence the general type
    const d = g.normal(np.array(0), 1);
    expectTypeOf(d).toEqualTypeOf<Draw>();
    isNumber(d);
  });

  it('a Size variable that may be null keeps the general type', () => {
    const g = np.random.defaultRng(3);
    const sizes: np.random.Size[] = [null, undefined, 2, [1, 2]];
    for (const size of sizes) {
      const draws = [g.random(size), g.normal(0, 1, size), g.binomial(3, 0.5, size), g.exponential(1, size)];
      expectTypeOf(draws[0]!).toEqualTypeOf<Draw>();
      expectTypeOf(g.normal(0, 1, size)).toEqualTypeOf<Draw>();
      for (const x of draws) {
        if (size === null || size === undefined) isNumber(x);
        else isArray(x, typeof size === 'number' ? [size] : [...size]);
      }
    }
  });

  it('integers and choice', () => {
    const g = np.random.defaultRng(4);
    const i0 = g.integers(10);
    const i1 = g.integers(0, 10);
    const i2 = g.integers(0, 10, null, { dtype: 'uint8', endpoint: true });
    const i3 = g.integers(0, 10, { endpoint: true });
    const i4 = g.integers(0, 10, [2, 3]);
    const i5 = g.integers(0, 2, null, { dtype: 'bool' });
    const i6 = g.integers(0, 2n ** 40n, null, { dtype: 'int64' });
    const i7 = g.integers([1, 5], 10);
    expectTypeOf(i0).toEqualTypeOf<number>();
    expectTypeOf(i1).toEqualTypeOf<number>();
    expectTypeOf(i2).toEqualTypeOf<number>();
    expectTypeOf(i3).toEqualTypeOf<number>();
    expectTypeOf(i4).toEqualTypeOf<np.NDArray>();
    expectTypeOf(i5).toEqualTypeOf<np.random.IntScalar | np.NDArray>();
    expectTypeOf(i6).toEqualTypeOf<np.random.IntScalar | np.NDArray>();
    expectTypeOf(i7).toEqualTypeOf<np.random.IntScalar | np.NDArray>();
    [i0, i1, i2, i3].forEach(isNumber);
    isArray(i4, [2, 3]);
    expect(typeof i5).toBe('boolean');
    expect(typeof i6).toBe('bigint');
    isArray(i7, [2]);

    const c0 = g.choice(5);
    const c1 = g.choice(5, { replace: false });
    const c2 = g.choice(5, 3, { replace: false });
    const c3 = g.choice([1, 2, 3], [2, 2]);
    const c4 = g.choice([1, 2, 3]);
    const c5 = g.choice(np.array([[1, 2], [3, 4]]));
    expectTypeOf(c0).toEqualTypeOf<number>();
    expectTypeOf(c1).toEqualTypeOf<number>();
    expectTypeOf(c2).toEqualTypeOf<np.NDArray>();
    expectTypeOf(c3).toEqualTypeOf<np.NDArray>();
    expectTypeOf(c4).toEqualTypeOf<IntDraw>();
    expectTypeOf(c5).toEqualTypeOf<IntDraw>();
    [c0, c1, c4].forEach(isNumber);
    isArray(c2, [3]);
    isArray(c3, [2, 2]);
    isArray(c5, [2]);

    const p = g.permutation(4);
    expectTypeOf(p).toEqualTypeOf<np.NDArray>();
    isArray(p, [4]);
  });
});

describe('legacy RandomState and global functions', () => {
  it('rand and randn: no dimensions give a number, any dimensions an NDArray', () => {
    np.random.seed(0);
    const r0 = np.random.rand();
    const r1 = np.random.rand(2, 3);
    const r2 = np.random.rand([4]);
    const r3 = np.random.rand([]);
    const n0 = np.random.randn();
    const n1 = np.random.randn(3);
    expectTypeOf(r0).toEqualTypeOf<number>();
    expectTypeOf(n0).toEqualTypeOf<number>();
    expectTypeOf(r1).toEqualTypeOf<np.NDArray>();
    expectTypeOf(r2).toEqualTypeOf<np.NDArray>();
    expectTypeOf(r3).toEqualTypeOf<np.NDArray>();
    expectTypeOf(n1).toEqualTypeOf<np.NDArray>();
    [r0, n0].forEach(isNumber);
    isArray(r1, [2, 3]);
    isArray(r2, [4]);
    isArray(r3, []);
    isArray(n1, [3]);
    // a spread of a possibly empty array keeps the general type
    for (const dims of [[], [2]] as number[][]) {
      const r = np.random.rand(...dims);
      expectTypeOf(r).toEqualTypeOf<Draw>();
      if (dims.length === 0) isNumber(r);
      else isArray(r, dims);
    }
    const rs = new np.random.RandomState(0);
    expectTypeOf(rs.rand()).toEqualTypeOf<number>();
    expectTypeOf(rs.randn(2, 2)).toEqualTypeOf<np.NDArray>();
    isNumber(rs.rand());
    isArray(rs.randn(2, 2), [2, 2]);
  });

  it('size-based global functions and RandomState methods', () => {
    np.random.seed(1);
    const rs = new np.random.RandomState(1);
    const scalars = [
      np.random.random(),
      np.random.randomSample(null),
      np.random.standardNormal(),
      np.random.normal(),
      np.random.normal(0, 2),
      np.random.uniform(-1, 1),
      np.random.randint(10),
      np.random.randint(0, 10, { dtype: 'int16' }),
      np.random.choice(5),
      rs.random(),
      rs.randomSample(),
      rs.standardNormal(undefined),
      rs.normal(1),
      rs.uniform(),
      rs.randint(0, 3),
      rs.choice(4, { replace: false }),
    ] as const;
    expectTypeOf(scalars).toEqualTypeOf<readonly [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number]>();
    scalars.forEach(isNumber);

    const arrays = [
      np.random.random([2, 2]),
      np.random.randomSample(4),
      np.random.standardNormal(5),
      np.random.normal(0, 2, 3),
      np.random.uniform(-1, 1, [3]),
      np.random.randint(0, 10, 3),
      np.random.choice(5, 3, { replace: false }),
      np.random.permutation(3),
      rs.random(3),
      rs.randomSample([3]),
      rs.standardNormal(3),
      rs.normal(0, 1, 3),
      rs.uniform(undefined, undefined, 3),
      rs.randint(5, null, 3),
      rs.choice([1, 2, 3], 3),
      rs.permutation(3),
    ] as const;
    expectTypeOf(arrays[0]).toEqualTypeOf<np.NDArray>();
    expectTypeOf(arrays[6]).toEqualTypeOf<np.NDArray>();
    expectTypeOf(arrays[13]).toEqualTypeOf<np.NDArray>();
    expectTypeOf(arrays[14]).toEqualTypeOf<np.NDArray>();
    expectTypeOf<(typeof arrays)[number]>().toEqualTypeOf<np.NDArray>();
    arrays.forEach((a, i) => isArray(a, i === 0 ? [2, 2] : i === 1 ? [4] : i === 2 ? [5] : [3]));

    const general = [np.random.normal([0, 1]), rs.uniform(0, [1, 2]), np.random.random(null as np.random.Size)];
    expectTypeOf(general).toEqualTypeOf<Draw[]>();
    isArray(general[0], [2]);
    isArray(general[1], [2]);
    isNumber(general[2]);
    const big = np.random.randint(0, 10, null, { dtype: 'int64' });
    expectTypeOf(big).toEqualTypeOf<np.random.IntScalar | np.NDArray>();
    expect(typeof big).toBe('bigint');
    const one = np.random.choice([1.5, 2.5]);
    expectTypeOf(one).toEqualTypeOf<IntDraw>();
    isNumber(one);
  });

  it('a Generator | RandomState | np.random union resolves the same overloads', () => {
    const sources: (np.random.Generator | np.random.RandomState | typeof np.random)[] = [np.random.defaultRng(5), new np.random.RandomState(5), np.random];
    for (const src of sources) {
      const a = src.normal(0, 1, [2, 3]);
      const b = src.uniform(0, 1);
      const c = src.uniform(0, 1, null as np.random.Size);
      expectTypeOf(a).toEqualTypeOf<np.NDArray>();
      expectTypeOf(b).toEqualTypeOf<number>();
      expectTypeOf(c).toEqualTypeOf<Draw>();
      isArray(a, [2, 3]);
      isNumber(b);
      isNumber(c);
    }
  });
});

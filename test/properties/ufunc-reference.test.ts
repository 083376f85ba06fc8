/**
 * Ufuncs against the naive reference (runs with or without NumPy): broadcasting over
 * random shapes and layouts, float64 arithmetic exactly, int32 arithmetic with wrapping,
 * comparisons, and the NEP 50 result dtypes that API.md states.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { arrayArb, broadcastShapesArb } from '../arbitraries/arrays.js';
import { toPlain } from '../reference/plain.js';
import { refBinary, wrapInt32 } from '../reference/ufunc.js';

const pairOf = (dtype: np.DType, specials: boolean) =>
  broadcastShapesArb().chain(([s1, s2]) =>
    fc.tuple(arrayArb({ shape: s1, dtypes: [dtype], specials }), arrayArb({ shape: s2, dtypes: [dtype], specials })),
  );

function sameValues(actual: np.NDArray, expected: { shape: number[]; values: number[] }): void {
  const p = toPlain(actual);
  expect(p.shape).toEqual(expected.shape);
  p.values.forEach((v, i) => {
    const e = expected.values[i]!;
    if (Number.isNaN(e)) expect(Number.isNaN(v as number)).toBe(true);
    else expect(Object.is(v, e) || v === e).toBe(true);
  });
}

describe('ufuncs against the naive reference', () => {
  const float64: [string, (a: np.NDArray, b: np.NDArray) => np.NDArray, (x: number, y: number) => number][] = [
    ['add', np.add, (x, y) => x + y],
    ['subtract', np.subtract, (x, y) => x - y],
    ['multiply', np.multiply, (x, y) => x * y],
    ['divide', np.divide, (x, y) => x / y],
    ['hypot', np.hypot, (x, y) => Math.hypot(x, y)],
    ['less', np.less, (x, y) => (x < y ? 1 : 0)],
    ['equal', np.equal, (x, y) => (x === y ? 1 : 0)],
    ['maximum', np.maximum, (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : x > y ? x : y === x ? y : y)],
  ];
  for (const [name, f, ref] of float64) {
    it(`${name} on broadcast float64 arrays of any layout`, () => {
      fc.assert(
        fc.property(pairOf('float64', true), ([a, b]) => {
          const r = f(a, b);
          expect(r.dtype).toBe(name === 'less' || name === 'equal' ? 'bool' : 'float64');
          sameValues(r, refBinary(toPlain(a), toPlain(b), ref)!);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('int32 add, subtract and multiply wrap around as NumPy', () => {
    fc.assert(
      fc.property(pairOf('int32', false), ([a, b]) => {
        const pa = toPlain(a);
        const pb = toPlain(b);
        sameValues(np.add(a, b), refBinary(pa, pb, (x, y) => wrapInt32(x + y))!);
        sameValues(np.subtract(a, b), refBinary(pa, pb, (x, y) => wrapInt32(x - y))!);
        // exact product via BigInt, then wrapped
        sameValues(np.multiply(a, b), refBinary(pa, pb, (x, y) => Number(BigInt.asIntN(32, BigInt(x) * BigInt(y))))!);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the result dtypes API.md states for weak scalars', () => {
    const i32 = np.array([1, 2]);
    expect(np.add(i32, 2).dtype).toBe('int32');
    expect(np.add(i32, 2.5).dtype).toBe('float64');
    expect(np.multiply(np.array([1, 2], { dtype: 'float32' }), 2).dtype).toBe('float32');
    expect(np.add(np.array([1, 2], { dtype: 'int8' }), np.array([1], { dtype: 'uint8' })).dtype).toBe('int16');
    expect(np.add(np.array([1], { dtype: 'uint32' }), np.array([1], { dtype: 'int32' })).dtype).toBe('int64');
    expect(np.divide(i32, i32).dtype).toBe('float64');
    expect(() => np.add(np.array([1, 2], { dtype: 'uint8' }), 300)).toThrow(new np.OverflowError('Python integer 300 out of bounds for uint8'));
  });
});

/**
 * Helpers shared by the test suite: exact error checks, exact value checks, a seeded
 * random generator for parameters derived from one drawn seed, and a fingerprint of an
 * array's content to check that an operation left its inputs unchanged.
 */
import { expect } from 'vitest';
import { NDArray } from '@numbat/ndarray';
import { toPlain } from './reference/plain.js';

/** Any error class (`np.ValueError`, `TypeError`, ...). */
export type ErrorClass = new (...args: never[]) => Error;

/**
 * Expects `f()` to throw an instance of `cls` whose message is exactly `message` (NumPy's
 * message, compared with `===`). Fails when nothing is thrown.
 *
 * @example
 * expectThrows(() => np.zeros(-1), np.ValueError, 'negative dimensions are not allowed');
 */
export function expectThrows(f: () => unknown, cls: ErrorClass, message: string): void {
  let thrown = false;
  let err: unknown;
  try {
    f();
  } catch (e) {
    thrown = true;
    err = e;
  }
  if (!thrown) throw new Error(`expected ${cls.name} "${message}", nothing was thrown`);
  expect(err).toBeInstanceOf(cls);
  expect((err as Error).message).toBe(message);
}

/**
 * Expects `a` to have dtype `dtype`, shape `shape` (when given) and these C-order values.
 * Values are compared as numbers with `toEqual`, which tells `-0` from `0` and matches NaN
 * with NaN; 64-bit integers are read through `Number`.
 *
 * @example
 * expectValues(np.round(a, 0), 'float64', [0, 2, -0], [3]);
 */
export function expectValues(a: NDArray, dtype: string, values: number[], shape?: number[]): void {
  const p = toPlain(a);
  expect(p.dtype).toBe(dtype);
  if (shape !== undefined) expect(p.shape).toEqual(shape);
  expect(p.values.map(Number)).toEqual(values);
}

/**
 * A small deterministic PRNG (mulberry32): returns a function giving floats in [0, 1), the
 * same sequence for the same seed. Used for parameters derived from one seed drawn by
 * fast-check, so a failing case is reproduced by its seed.
 *
 * @example
 * const r = seededRandom(42);
 * const n = randInt(r, 0, 4);
 * const order = pick(r, ['C', 'F'] as const);
 */
export function seededRandom(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = t;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A uniform integer in `[lo, hi]` (both ends included) drawn from `r`.
 *
 * @example
 * randInt(seededRandom(1), -3, 3); // one of -3..3
 */
export function randInt(r: () => number, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

/**
 * A uniformly chosen element of the non-empty list `xs`, drawn from `r`.
 *
 * @example
 * pick(seededRandom(1), ['zeros', 'ones'] as const);
 */
export function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** A JSON-safe stand-in for the numbers JSON cannot write exactly (NaN, -0, ±Infinity) and bigints. */
function exact(_key: string, v: unknown): unknown {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v !== 'number') return v;
  if (Number.isNaN(v)) return 'NaN';
  if (Object.is(v, -0)) return '-0';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}

/**
 * A string identifying a value's content exactly: for an NDArray its dtype, shape and C-order
 * values (NaN, -0, ±Infinity and bigints each written distinctly); for any other value its
 * JSON with the same encoding. Compare a fingerprint taken before an operation with one taken
 * after to check that the operation did not modify its inputs.
 *
 * @example
 * const before = fingerprint(a);
 * np.add(a, 1);
 * expect(fingerprint(a)).toBe(before);
 */
export function fingerprint(a: unknown): string {
  const json = JSON.stringify(a instanceof NDArray ? toPlain(a) : a, exact) as string | undefined;
  return json ?? String(a);
}

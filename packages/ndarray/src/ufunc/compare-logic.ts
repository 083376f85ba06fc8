/**
 * Comparison, logical, bitwise and classification ufuncs as records. Comparisons and
 * logical functions give bool; a value is true when nonzero (NaN is true, as in NumPy).
 * Mixed number/bigint comparisons are exact in JS, so int64 needs no special loop.
 */
import type { Fn1, Fn2, Loop2 } from '../kernels/elementwise.js';
import { defineBinary, defineUnary, type BinaryUfunc } from './ufunc.js';

type B2 = (x: bigint, y: bigint) => bigint;
const big2 = (f: B2): Fn2 => f as unknown as Fn2;

function compare(npName: string, f: Fn2, fast: Loop2): BinaryUfunc {
  return defineBinary({
    npName,
    types: 'all',
    output: 'bool',
    weakOutOfRange: true,
    boolReduction: 'bool-only',
    loops: { b: f, i: f, f, I: f },
    fast: { f: fast },
  });
}

// Fast float loops of the comparisons (see `Loop2` in kernels/elementwise.ts).
// prettier-ignore
const eqL: Loop2 = (n, o, io, so, a, ia, sa, b, ib, sb) => { for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = a[ia]! === b[ib]! ? 1 : 0; };
// prettier-ignore
const neL: Loop2 = (n, o, io, so, a, ia, sa, b, ib, sb) => { for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = a[ia]! !== b[ib]! ? 1 : 0; };
// prettier-ignore
const ltL: Loop2 = (n, o, io, so, a, ia, sa, b, ib, sb) => { for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = a[ia]! < b[ib]! ? 1 : 0; };
// prettier-ignore
const leL: Loop2 = (n, o, io, so, a, ia, sa, b, ib, sb) => { for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = a[ia]! <= b[ib]! ? 1 : 0; };
// prettier-ignore
const gtL: Loop2 = (n, o, io, so, a, ia, sa, b, ib, sb) => { for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = a[ia]! > b[ib]! ? 1 : 0; };
// prettier-ignore
const geL: Loop2 = (n, o, io, so, a, ia, sa, b, ib, sb) => { for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = a[ia]! >= b[ib]! ? 1 : 0; };

/** `np.equal`: a == b */
export const equal = compare('equal', (x, y) => (x === y ? 1 : 0), eqL);
/** `np.not_equal`: a != b (NaN != NaN is true) */
export const notEqual = compare('not_equal', (x, y) => (x !== y ? 1 : 0), neL);
/** `np.less`: a < b */
export const less = compare('less', (x, y) => (x < y ? 1 : 0), ltL);
/** `np.less_equal`: a <= b */
export const lessEqual = compare('less_equal', (x, y) => (x <= y ? 1 : 0), leL);
/** `np.greater`: a > b */
export const greater = compare('greater', (x, y) => (x > y ? 1 : 0), gtL);
/** `np.greater_equal`: a >= b */
export const greaterEqual = compare('greater_equal', (x, y) => (x >= y ? 1 : 0), geL);

// truthiness as NumPy: nonzero (NaN included); `!= 0` also works for bigints (0n == 0)
const nz = (x: number): boolean => x != 0; // eslint-disable-line eqeqeq

function logical(npName: string, f: Fn2, identity?: boolean): BinaryUfunc {
  return defineBinary({
    npName,
    types: 'all',
    output: 'bool',
    reorderable: true,
    weakOutOfRange: true,
    boolReduction: 'as-bool',
    ...(identity === undefined ? {} : { identity }),
    loops: { b: f, i: f, f, I: f },
  });
}

/** `np.logical_and` (identity true: `np.all` is its reduction). */
export const logicalAnd = logical('logical_and', (x, y) => (nz(x) && nz(y) ? 1 : 0), true);
/** `np.logical_or` (identity false: `np.any` is its reduction). */
export const logicalOr = logical('logical_or', (x, y) => (nz(x) || nz(y) ? 1 : 0), false);
/** `np.logical_xor` */
export const logicalXor = logical('logical_xor', (x, y) => (nz(x) !== nz(y) ? 1 : 0), false);

const not: Fn1 = (x) => (nz(x) ? 0 : 1);
/** `np.logical_not` */
export const logicalNot = defineUnary({ npName: 'logical_not', types: 'all', output: 'bool', loops: { b: not, i: not, f: not, I: not } });

function bitwise(npName: string, f: Fn2, g: B2, identity: number): BinaryUfunc {
  return defineBinary({ npName, types: 'integer', identity, reorderable: true, loops: { b: f, i: f, I: big2(g) } });
}

/** `np.bitwise_and` */
export const bitwiseAnd = bitwise('bitwise_and', (x, y) => x & y, (x, y) => x & y, -1);
/** `np.bitwise_or` */
export const bitwiseOr = bitwise('bitwise_or', (x, y) => x | y, (x, y) => x | y, 0);
/** `np.bitwise_xor` */
export const bitwiseXor = bitwise('bitwise_xor', (x, y) => x ^ y, (x, y) => x ^ y, 0);

/** `np.invert` (`~x`): bitwise not; logical not on bools. */
export const invert = defineUnary({
  npName: 'invert',
  types: 'integer',
  loops: { b: (x) => (x ? 0 : 1), i: (x) => ~x, I: ((x: bigint) => ~x) as unknown as Fn1 },
});

function classify(npName: string, f: Fn1, ints: 0 | 1): ReturnType<typeof defineUnary> {
  const c: Fn1 = () => ints;
  return defineUnary({ npName, types: 'all', output: 'bool', loops: { b: c, i: c, I: c, f } });
}

/** `np.isnan` */
export const isnan = classify('isnan', (x) => (x !== x ? 1 : 0), 0);
/** `np.isinf` */
export const isinf = classify('isinf', (x) => (x === Infinity || x === -Infinity ? 1 : 0), 0);
/** `np.isfinite` */
export const isfinite = classify('isfinite', (x) => (Number.isFinite(x) ? 1 : 0), 1);

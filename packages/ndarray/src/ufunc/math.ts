/**
 * Math ufuncs as records: transcendental and rounding functions. Each calls the matching
 * `Math.*` per element (never composed from others: composition loses accuracy at the
 * extremes), except `exp`, which has its own faster table-driven evaluation (within 1 ulp
 * of `Math.exp`, see kernels/exp.ts, where contiguous float runs go to WASM SIMD). Integer inputs compute in the smallest float that holds them: float32 for
 * 8/16-bit integers (NumPy picks float16 for 8-bit; numbat has no float16), else float64.
 */
import type { Fn1, Fn2, Loop1, Loop2 } from '../kernels/elementwise.js';
import { defineBinary, defineUnary, type UnaryUfunc } from './ufunc.js';
import { rint as rintScalar } from './scalar.js';
import { expLoop, fastExp } from '../kernels/exp.js';

function floatUnary(npName: string, f: Fn1, fast?: Loop1): UnaryUfunc {
  return defineUnary({ npName, types: 'float', loops: { f }, ...(fast === undefined ? {} : { fast: { f: fast } }) });
}

// Fast inner loops (see `Loop1` in kernels/elementwise.ts) for the hottest functions: the
// same calls as the scalar functions, written into the loop so V8 calls Math.* directly.
// prettier-ignore
const sqrtL: Loop1 = (n, o, io, so, a, ia, sa) => { for (let i = 0; i < n; i++, io += so, ia += sa) o[io] = Math.sqrt(a[ia]!); };
// prettier-ignore
const logL: Loop1 = (n, o, io, so, a, ia, sa) => { for (let i = 0; i < n; i++, io += so, ia += sa) o[io] = Math.log(a[ia]!); };
// prettier-ignore
const tanhL: Loop1 = (n, o, io, so, a, ia, sa) => { for (let i = 0; i < n; i++, io += so, ia += sa) o[io] = Math.tanh(a[ia]!); };
// prettier-ignore
const sinL: Loop1 = (n, o, io, so, a, ia, sa) => { for (let i = 0; i < n; i++, io += so, ia += sa) o[io] = Math.sin(a[ia]!); };
// prettier-ignore
const cosL: Loop1 = (n, o, io, so, a, ia, sa) => { for (let i = 0; i < n; i++, io += so, ia += sa) o[io] = Math.cos(a[ia]!); };
// prettier-ignore
const maxF: Loop2 = (n, o, io, so, a, ia, sa, b, ib, sb) => { for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) { const x = a[ia]!; const y = b[ib]!; o[io] = x > y || x !== x ? x : y; } };
// prettier-ignore
const minF: Loop2 = (n, o, io, so, a, ia, sa, b, ib, sb) => { for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) { const x = a[ia]!; const y = b[ib]!; o[io] = x < y || x !== x ? x : y; } };

/** `np.sqrt` */
export const sqrt = floatUnary('sqrt', Math.sqrt, sqrtL);
/** `np.cbrt` */
export const cbrt = floatUnary('cbrt', Math.cbrt);
/** `np.exp` */
export const exp = floatUnary('exp', fastExp, expLoop);
/** `np.exp2`: 2 ** x */
export const exp2 = floatUnary('exp2', (x) => Math.pow(2, x));
/** `np.expm1`: exp(x) - 1, accurate near 0 */
export const expm1 = floatUnary('expm1', Math.expm1);
/** `np.log` (natural) */
export const log = floatUnary('log', Math.log, logL);
/** `np.log2` */
export const log2 = floatUnary('log2', Math.log2);
/** `np.log10` */
export const log10 = floatUnary('log10', Math.log10);
/** `np.log1p`: log(1 + x), accurate near 0 */
export const log1p = floatUnary('log1p', Math.log1p);
/** `np.sin` */
export const sin = floatUnary('sin', Math.sin, sinL);
/** `np.cos` */
export const cos = floatUnary('cos', Math.cos, cosL);
/** `np.tan` */
export const tan = floatUnary('tan', Math.tan);
/** `np.arcsin` */
export const arcsin = floatUnary('arcsin', Math.asin);
/** `np.arccos` */
export const arccos = floatUnary('arccos', Math.acos);
/** `np.arctan` */
export const arctan = floatUnary('arctan', Math.atan);
/** `np.sinh` */
export const sinh = floatUnary('sinh', Math.sinh);
/** `np.cosh` */
export const cosh = floatUnary('cosh', Math.cosh);
/** `np.tanh` */
export const tanh = floatUnary('tanh', Math.tanh, tanhL);
/** `np.arcsinh` */
export const arcsinh = floatUnary('arcsinh', Math.asinh);
/** `np.arccosh` */
export const arccosh = floatUnary('arccosh', Math.acosh);
/** `np.arctanh` */
export const arctanh = floatUnary('arctanh', Math.atanh);
/** `np.rint`: round to the nearest integer, halves to even */
export const rint = floatUnary('rint', rintScalar);
/** `np.deg2rad`: x * pi / 180 */
export const deg2rad = floatUnary('deg2rad', (x) => x * (Math.PI / 180));
/** `np.rad2deg`: x * 180 / pi */
export const rad2deg = floatUnary('rad2deg', (x) => x * (180 / Math.PI));

const ident: Fn1 = (x) => x;

/** `np.floor`: integers (and bools) are returned unchanged in their own dtype, as NumPy 2. */
export const floor = defineUnary({ npName: 'floor', types: 'all', loops: { b: ident, i: ident, I: ident, f: Math.floor } });
/** `np.ceil`: integers unchanged, as NumPy 2. */
export const ceil = defineUnary({ npName: 'ceil', types: 'all', loops: { b: ident, i: ident, I: ident, f: Math.ceil } });
/** `np.trunc`: round toward zero; integers unchanged, as NumPy 2. */
export const trunc = defineUnary({ npName: 'trunc', types: 'all', loops: { b: ident, i: ident, I: ident, f: Math.trunc } });

function floatBinary(npName: string, f: Fn2) {
  return defineBinary({ npName, types: 'float', loops: { f } });
}

/** `np.arctan2(y, x)`: the angle of (x, y) */
export const arctan2 = floatBinary('arctan2', Math.atan2);
/** `np.hypot`: sqrt(a^2 + b^2) without overflow */
export const hypot = defineBinary({ npName: 'hypot', types: 'float', identity: 0, reorderable: true, loops: { f: Math.hypot } });
/** `np.heaviside(x, h0)`: 0 for x < 0, h0 at 0, 1 for x > 0; NaN stays NaN */
export const heaviside = floatBinary('heaviside', (x, h0) => (x < 0 ? 0 : x > 0 ? 1 : x === 0 ? h0 : x));

/** `np.maximum`: the larger element; NaN propagates (NumPy: `a > b || isnan(a) ? a : b`). */
export const maximum = defineBinary({
  npName: 'maximum',
  types: 'all',
  idempotent: true,
  reorderable: true,
  fast: { f: maxF },
  loops: { b: (x, y) => (x > y ? x : y), i: (x, y) => (x > y ? x : y), f: (x, y) => (x > y || x !== x ? x : y), I: (x, y) => (x > y ? x : y) },
});

/** `np.minimum`: the smaller element; NaN propagates. */
export const minimum = defineBinary({
  npName: 'minimum',
  types: 'all',
  idempotent: true,
  reorderable: true,
  fast: { f: minF },
  loops: { b: (x, y) => (x < y ? x : y), i: (x, y) => (x < y ? x : y), f: (x, y) => (x < y || x !== x ? x : y), I: (x, y) => (x < y ? x : y) },
});

/** `np.fmax`: the larger element, ignoring a NaN when the other is a number. */
export const fmax = defineBinary({
  npName: 'fmax',
  types: 'all',
  idempotent: true,
  reorderable: true,
  loops: { b: (x, y) => (x > y ? x : y), i: (x, y) => (x > y ? x : y), f: (x, y) => (x >= y || y !== y ? x : y), I: (x, y) => (x > y ? x : y) },
});

/** `np.fmin`: the smaller element, ignoring a NaN when the other is a number. */
export const fmin = defineBinary({
  npName: 'fmin',
  types: 'all',
  idempotent: true,
  reorderable: true,
  loops: { b: (x, y) => (x < y ? x : y), i: (x, y) => (x < y ? x : y), f: (x, y) => (x <= y || y !== y ? x : y), I: (x, y) => (x < y ? x : y) },
});

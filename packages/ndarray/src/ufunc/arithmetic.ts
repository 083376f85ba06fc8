/**
 * Arithmetic ufuncs as records (NumPy's generate_umath.py entries). Integer functions may
 * return unwrapped doubles: the store into the output TypedArray wraps them; `| 0` and
 * `Math.imul` keep running reduction values exact. bigint functions wrap at 64 bits.
 */
import { DTYPES, type DType } from '../dtype/dtypes.js';
import { ValueError } from '../errors.js';
import type { NDArray } from '../ndarray.js';
import type { Fn1, Fn2, Loop1, Loop2 } from '../kernels/elementwise.js';
import { defineBinary, defineUnary } from './ufunc.js';
import { binaryRuns } from '../kernels/vmath.js';
import {
  copySign,
  floorDivideBig,
  floorDivideFloat,
  floorDivideInt,
  modBig,
  modFloat,
  modInt,
  powBig,
  powFloat,
  powInt,
} from './scalar.js';

type B1 = (x: bigint) => bigint;
type B2 = (x: bigint, y: bigint) => bigint;
/** bigint scalar functions run in the same kernels; the cast only changes the static type. */
const big1 = (f: B1): Fn1 => f as unknown as Fn1;
const big2 = (f: B2): Fn2 => f as unknown as Fn2;
const I = (x: bigint): bigint => BigInt.asIntN(64, x);
const U = (x: bigint): bigint => BigInt.asUintN(64, x);

/** NumPy's message for a ufunc without a bool loop that bool input cannot skip. */
function noBoolLoop(npName: string): string {
  return `ufunc '${npName}' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None`;
}

/** Sums and products of bool and signed ints accumulate in int32, unsigned in uint32 (API.md). */
function widenForSum(d: DType): DType {
  const k = DTYPES[d];
  if (k.kind === 'f' || k.itemsize === 8) return d;
  return k.kind === 'u' ? 'uint32' : 'int32';
}

// Fast inner loops (see `Loop2` in kernels/elementwise.ts): the same values as the scalar
// functions below, with the operation written into the loop so V8 inlines it.
//
// The float add, subtract, multiply and divide loops, twice each (float64, float32) so each
// stays monomorphic, with the all-contiguous case unrolled by 8: measured on 1e6 float64
// elements, 1.75 ms against 2.2-2.7 ms for the stepped loop (which also serves every other
// layout); a loop that has seen both float dtypes runs about 20% slower. The float32 loops
// first offer the run to the WASM SIMD kernels (kernels/vmath.ts: contiguous operands, or
// one a scalar), which compute the same float32 operations 4 lanes at a time.
// prettier-ignore
const addF: Loop2 = (n, ob, io, so, ab, ia, sa, bb, ib, sb) => {
  const o = ob as Float64Array, a = ab as Float64Array, b = bb as Float64Array;
  if (binaryRuns(0, n, o, io, so, a, ia, sa, b, ib, sb)) return;
  if (so === 1 && sa === 1 && sb === 1) {
    let i = 0;
    for (; i + 8 <= n; i += 8, io += 8, ia += 8, ib += 8) {
      o[io] = a[ia]! + b[ib]!; o[io + 1] = a[ia + 1]! + b[ib + 1]!; o[io + 2] = a[ia + 2]! + b[ib + 2]!; o[io + 3] = a[ia + 3]! + b[ib + 3]!;
      o[io + 4] = a[ia + 4]! + b[ib + 4]!; o[io + 5] = a[ia + 5]! + b[ib + 5]!; o[io + 6] = a[ia + 6]! + b[ib + 6]!; o[io + 7] = a[ia + 7]! + b[ib + 7]!;
    }
    for (; i < n; i++, io++, ia++, ib++) o[io] = a[ia]! + b[ib]!;
    return;
  }
  for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = a[ia]! + b[ib]!;
};
// prettier-ignore
const addF32: Loop2 = (n, ob, io, so, ab, ia, sa, bb, ib, sb) => {
  const o = ob as Float32Array, a = ab as Float32Array, b = bb as Float32Array;
  if (binaryRuns(0, n, o, io, so, a, ia, sa, b, ib, sb)) return;
  if (so === 1 && sa === 1 && sb === 1) {
    let i = 0;
    for (; i + 8 <= n; i += 8, io += 8, ia += 8, ib += 8) {
      o[io] = a[ia]! + b[ib]!; o[io + 1] = a[ia + 1]! + b[ib + 1]!; o[io + 2] = a[ia + 2]! + b[ib + 2]!; o[io + 3] = a[ia + 3]! + b[ib + 3]!;
      o[io + 4] = a[ia + 4]! + b[ib + 4]!; o[io + 5] = a[ia + 5]! + b[ib + 5]!; o[io + 6] = a[ia + 6]! + b[ib + 6]!; o[io + 7] = a[ia + 7]! + b[ib + 7]!;
    }
    for (; i < n; i++, io++, ia++, ib++) o[io] = a[ia]! + b[ib]!;
    return;
  }
  for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = a[ia]! + b[ib]!;
};
// prettier-ignore
const subF: Loop2 = (n, ob, io, so, ab, ia, sa, bb, ib, sb) => {
  const o = ob as Float64Array, a = ab as Float64Array, b = bb as Float64Array;
  if (binaryRuns(1, n, o, io, so, a, ia, sa, b, ib, sb)) return;
  if (so === 1 && sa === 1 && sb === 1) {
    let i = 0;
    for (; i + 8 <= n; i += 8, io += 8, ia += 8, ib += 8) {
      o[io] = a[ia]! - b[ib]!; o[io + 1] = a[ia + 1]! - b[ib + 1]!; o[io + 2] = a[ia + 2]! - b[ib + 2]!; o[io + 3] = a[ia + 3]! - b[ib + 3]!;
      o[io + 4] = a[ia + 4]! - b[ib + 4]!; o[io + 5] = a[ia + 5]! - b[ib + 5]!; o[io + 6] = a[ia + 6]! - b[ib + 6]!; o[io + 7] = a[ia + 7]! - b[ib + 7]!;
    }
    for (; i < n; i++, io++, ia++, ib++) o[io] = a[ia]! - b[ib]!;
    return;
  }
  for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = a[ia]! - b[ib]!;
};
// prettier-ignore
const subF32: Loop2 = (n, ob, io, so, ab, ia, sa, bb, ib, sb) => {
  const o = ob as Float32Array, a = ab as Float32Array, b = bb as Float32Array;
  if (binaryRuns(1, n, o, io, so, a, ia, sa, b, ib, sb)) return;
  if (so === 1 && sa === 1 && sb === 1) {
    let i = 0;
    for (; i + 8 <= n; i += 8, io += 8, ia += 8, ib += 8) {
      o[io] = a[ia]! - b[ib]!; o[io + 1] = a[ia + 1]! - b[ib + 1]!; o[io + 2] = a[ia + 2]! - b[ib + 2]!; o[io + 3] = a[ia + 3]! - b[ib + 3]!;
      o[io + 4] = a[ia + 4]! - b[ib + 4]!; o[io + 5] = a[ia + 5]! - b[ib + 5]!; o[io + 6] = a[ia + 6]! - b[ib + 6]!; o[io + 7] = a[ia + 7]! - b[ib + 7]!;
    }
    for (; i < n; i++, io++, ia++, ib++) o[io] = a[ia]! - b[ib]!;
    return;
  }
  for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = a[ia]! - b[ib]!;
};
// prettier-ignore
const mulF: Loop2 = (n, ob, io, so, ab, ia, sa, bb, ib, sb) => {
  const o = ob as Float64Array, a = ab as Float64Array, b = bb as Float64Array;
  if (binaryRuns(2, n, o, io, so, a, ia, sa, b, ib, sb)) return;
  if (so === 1 && sa === 1 && sb === 1) {
    let i = 0;
    for (; i + 8 <= n; i += 8, io += 8, ia += 8, ib += 8) {
      o[io] = a[ia]! * b[ib]!; o[io + 1] = a[ia + 1]! * b[ib + 1]!; o[io + 2] = a[ia + 2]! * b[ib + 2]!; o[io + 3] = a[ia + 3]! * b[ib + 3]!;
      o[io + 4] = a[ia + 4]! * b[ib + 4]!; o[io + 5] = a[ia + 5]! * b[ib + 5]!; o[io + 6] = a[ia + 6]! * b[ib + 6]!; o[io + 7] = a[ia + 7]! * b[ib + 7]!;
    }
    for (; i < n; i++, io++, ia++, ib++) o[io] = a[ia]! * b[ib]!;
    return;
  }
  for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = a[ia]! * b[ib]!;
};
// prettier-ignore
const mulF32: Loop2 = (n, ob, io, so, ab, ia, sa, bb, ib, sb) => {
  const o = ob as Float32Array, a = ab as Float32Array, b = bb as Float32Array;
  if (binaryRuns(2, n, o, io, so, a, ia, sa, b, ib, sb)) return;
  if (so === 1 && sa === 1 && sb === 1) {
    let i = 0;
    for (; i + 8 <= n; i += 8, io += 8, ia += 8, ib += 8) {
      o[io] = a[ia]! * b[ib]!; o[io + 1] = a[ia + 1]! * b[ib + 1]!; o[io + 2] = a[ia + 2]! * b[ib + 2]!; o[io + 3] = a[ia + 3]! * b[ib + 3]!;
      o[io + 4] = a[ia + 4]! * b[ib + 4]!; o[io + 5] = a[ia + 5]! * b[ib + 5]!; o[io + 6] = a[ia + 6]! * b[ib + 6]!; o[io + 7] = a[ia + 7]! * b[ib + 7]!;
    }
    for (; i < n; i++, io++, ia++, ib++) o[io] = a[ia]! * b[ib]!;
    return;
  }
  for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = a[ia]! * b[ib]!;
};
// prettier-ignore
const divF: Loop2 = (n, ob, io, so, ab, ia, sa, bb, ib, sb) => {
  const o = ob as Float64Array, a = ab as Float64Array, b = bb as Float64Array;
  if (binaryRuns(3, n, o, io, so, a, ia, sa, b, ib, sb)) return;
  if (so === 1 && sa === 1 && sb === 1) {
    let i = 0;
    for (; i + 8 <= n; i += 8, io += 8, ia += 8, ib += 8) {
      o[io] = a[ia]! / b[ib]!; o[io + 1] = a[ia + 1]! / b[ib + 1]!; o[io + 2] = a[ia + 2]! / b[ib + 2]!; o[io + 3] = a[ia + 3]! / b[ib + 3]!;
      o[io + 4] = a[ia + 4]! / b[ib + 4]!; o[io + 5] = a[ia + 5]! / b[ib + 5]!; o[io + 6] = a[ia + 6]! / b[ib + 6]!; o[io + 7] = a[ia + 7]! / b[ib + 7]!;
    }
    for (; i < n; i++, io++, ia++, ib++) o[io] = a[ia]! / b[ib]!;
    return;
  }
  for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = a[ia]! / b[ib]!;
};
// prettier-ignore
const divF32: Loop2 = (n, ob, io, so, ab, ia, sa, bb, ib, sb) => {
  const o = ob as Float32Array, a = ab as Float32Array, b = bb as Float32Array;
  if (binaryRuns(3, n, o, io, so, a, ia, sa, b, ib, sb)) return;
  if (so === 1 && sa === 1 && sb === 1) {
    let i = 0;
    for (; i + 8 <= n; i += 8, io += 8, ia += 8, ib += 8) {
      o[io] = a[ia]! / b[ib]!; o[io + 1] = a[ia + 1]! / b[ib + 1]!; o[io + 2] = a[ia + 2]! / b[ib + 2]!; o[io + 3] = a[ia + 3]! / b[ib + 3]!;
      o[io + 4] = a[ia + 4]! / b[ib + 4]!; o[io + 5] = a[ia + 5]! / b[ib + 5]!; o[io + 6] = a[ia + 6]! / b[ib + 6]!; o[io + 7] = a[ia + 7]! / b[ib + 7]!;
    }
    for (; i < n; i++, io++, ia++, ib++) o[io] = a[ia]! / b[ib]!;
    return;
  }
  for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = a[ia]! / b[ib]!;
};
// prettier-ignore
const addI: Loop2 = (n, o, io, so, a, ia, sa, b, ib, sb) => { for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = (a[ia]! + b[ib]!) | 0; };
// prettier-ignore
const subI: Loop2 = (n, o, io, so, a, ia, sa, b, ib, sb) => { for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = (a[ia]! - b[ib]!) | 0; };
// prettier-ignore
const mulI: Loop2 = (n, o, io, so, a, ia, sa, b, ib, sb) => { for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = Math.imul(a[ia]!, b[ib]!); };
// prettier-ignore
const negF: Loop1 = (n, o, io, so, a, ia, sa) => { for (let i = 0; i < n; i++, io += so, ia += sa) o[io] = -a[ia]!; };
// prettier-ignore
const absF: Loop1 = (n, o, io, so, a, ia, sa) => { for (let i = 0; i < n; i++, io += so, ia += sa) o[io] = Math.abs(a[ia]!); };
// prettier-ignore
const sqrF: Loop1 = (n, o, io, so, a, ia, sa) => { for (let i = 0; i < n; i++, io += so, ia += sa) { const x = a[ia]!; o[io] = x * x; } };

/** `np.add`: a + b (logical or on bools). */
export const add = defineBinary({
  npName: 'add',
  types: 'all',
  identity: 0,
  reorderable: true,
  reduceDType: widenForSum,
  fast: { i: addI, f: addF, f32: addF32 },
  loops: {
    b: (x, y) => x | y,
    i: (x, y) => (x + y) | 0,
    f: (x, y) => x + y,
    I: big2((x, y) => I(x + y)),
    U: big2((x, y) => U(x + y)),
  },
});

/** `np.subtract`: a - b. */
export const subtract = defineBinary({
  npName: 'subtract',
  types: 'all',
  boolError:
    'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.',
  fast: { i: subI, f: subF, f32: subF32 },
  loops: {
    i: (x, y) => (x - y) | 0,
    f: (x, y) => x - y,
    I: big2((x, y) => I(x - y)),
    U: big2((x, y) => U(x - y)),
  },
});

/** `np.multiply`: a * b (logical and on bools). */
export const multiply = defineBinary({
  npName: 'multiply',
  types: 'all',
  identity: 1,
  reorderable: true,
  reduceDType: widenForSum,
  fast: { i: mulI, f: mulF, f32: mulF32 },
  loops: {
    b: (x, y) => x & y,
    i: Math.imul,
    f: (x, y) => x * y,
    I: big2((x, y) => I(x * y)),
    U: big2((x, y) => U(x * y)),
  },
});

/** `np.divide` (true division): integers divide as float64. */
export const divide = defineBinary({
  npName: 'divide',
  types: 'divide',
  fast: { f: divF, f32: divF32 },
  loops: { f: (x, y) => x / y },
});

/** `np.floor_divide`: Python's `//` (rounds toward -inf; integer division by 0 gives 0). */
export const floorDivide = defineBinary({
  npName: 'floor_divide',
  types: 'numeric',
  loops: { i: floorDivideInt, f: floorDivideFloat, I: big2(floorDivideBig) },
});

/** `np.mod` (`np.remainder`): Python's `%`, the result has the divisor's sign. */
export const mod = defineBinary({
  npName: 'remainder',
  types: 'numeric',
  loops: { i: modInt, f: modFloat, I: big2(modBig) },
});

function checkNoNegativePower(loop: DType, inputs: readonly NDArray[]): void {
  if (DTYPES[loop].kind === 'f') return;
  const e = inputs[1]!;
  if (DTYPES[e.dtype].kind !== 'i') return;
  // any negative exponent in an integer power is an error in NumPy, whatever the base
  const d = e.data as unknown as { [i: number]: number | bigint };
  let bad = false;
  forEachIndex(e, (i) => {
    if (d[i]! < 0) bad = true;
  });
  if (bad) throw new ValueError('Integers to negative integer powers are not allowed.');
}

/** Visits the buffer index of every element of `a` (small helper for input validation). */
function forEachIndex(a: NDArray, f: (i: number) => void): void {
  const nd = a.ndim;
  if (a.size === 0) return;
  const idx = new Array<number>(nd).fill(0);
  let p = a.offset;
  for (;;) {
    f(p);
    let d = nd - 1;
    for (; d >= 0; d--) {
      if (++idx[d]! < a.shape[d]!) {
        p += a.strides[d]!;
        break;
      }
      p -= (a.shape[d]! - 1) * a.strides[d]!;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/** `np.power`: a ** b; integer powers wrap, negative integer exponents throw. */
export const power = defineBinary({
  npName: 'power',
  types: 'numeric',
  check: checkNoNegativePower,
  loops: { i: powInt, f: powFloat, I: big2(powBig), U: big2((x, y) => U(powBig(x, y))) },
});

/** `np.negative`: -x. */
export const negative = defineUnary({
  npName: 'negative',
  types: 'all',
  boolError: 'The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.',
  fast: { f: negF },
  loops: { i: (x) => -x, f: (x) => -x, I: big1((x) => I(-x)), U: big1((x) => U(-x)) },
});

/** `np.positive`: +x (a copy). */
export const positive = defineUnary({
  npName: 'positive',
  types: 'numeric',
  boolError: noBoolLoop('positive'),
  loops: { i: (x) => x, f: (x) => x, I: big1((x) => x) },
});

/** `np.abs` (`np.absolute`): |x|; abs of the most negative integer wraps to itself. */
export const abs = defineUnary({
  npName: 'absolute',
  types: 'all',
  fast: { f: absF },
  loops: { b: (x) => x, i: Math.abs, f: Math.abs, I: big1((x) => I(x < 0n ? -x : x)), U: big1((x) => x) },
});

/** `np.sign`: -1, 0 or 1 (NaN stays NaN; NumPy's sign(-0.0) is 0.0). */
export const sign = defineUnary({
  npName: 'sign',
  types: 'numeric',
  boolError: noBoolLoop('sign'),
  loops: {
    i: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0),
    f: (x) => (x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x),
    I: big1((x) => (x > 0n ? 1n : x < 0n ? -1n : 0n)),
  },
});

/** `np.square`: x * x (bool input computes in int8, as NumPy). */
export const square = defineUnary({
  npName: 'square',
  types: 'numeric',
  fast: { f: sqrF },
  loops: { i: (x) => Math.imul(x, x), f: (x) => x * x, I: big1((x) => I(x * x)), U: big1((x) => U(x * x)) },
});

/**
 * `np.reciprocal`: 1 / x. Integers compute `1.0 / x` and convert back as NumPy does on
 * x86: 1/0 gives the dtype's minimum for int32/int64 and 0 for narrower and unsigned ones.
 */
export const reciprocal = defineUnary({
  npName: 'reciprocal',
  types: 'numeric',
  loops: {
    i: (x) => (x === 0 ? -2147483648 : Math.trunc(1 / x)),
    u: (x) => (x === 0 ? 0 : Math.trunc(1 / x)),
    f: (x) => 1 / x,
    I: big1((x) => (x === 0n ? -(2n ** 63n) : 1n / x)),
    U: big1((x) => (x === 0n ? 0n : 1n / x)),
  },
});

/** `np.copysign`: |a| with the sign of b. */
export const copysign = defineBinary({ npName: 'copysign', types: 'float', loops: { f: copySign } });

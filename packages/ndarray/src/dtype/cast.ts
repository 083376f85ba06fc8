/**
 * Value conversion between dtypes: the per-element converter a copy loop applies, and the
 * conversion of a weak JS scalar into a loop's dtype (with NEP 50's overflow check).
 *
 * Storing a JS number into a number TypedArray already does NumPy's C casts for most
 * pairs (float -> int truncates toward zero and wraps, float64 -> float32 rounds), so the
 * converter is `null` there and copies run unconverted. Conversions that need code:
 * anything into bool (nonzero -> 1), and crossings between numbers and bigints.
 */
import { DTYPES, type DType } from './dtypes.js';
import { weakOverflowError } from '../errors.js';

/** A per-element value converter; elements are numbers or bigints depending on dtype. */
export type Converter = (x: number | bigint) => number | bigint;

const toBool: Converter = (x) => (x !== 0 ? 1 : 0); // NaN is true in NumPy (bool(nan)), unlike JS truthiness
const numberToBigInt: Converter = (x) => {
  const v = x as number;
  // NumPy (x86) gives the minimum int64 for NaN, infinities and out-of-range floats
  if (!Number.isFinite(v) || v >= 9223372036854775808 || v < -9223372036854775808) {
    return -(2n ** 63n);
  }
  return BigInt(Math.trunc(v));
};
/** float -> uint64 as NumPy on x86-64: 0 at/above 2**64 and for +Infinity, 2**63 for NaN, -Infinity and below -2**63. */
const numberToBigUint: Converter = (x) => {
  const v = x as number;
  if (v >= 18446744073709551616) return 0n;
  if (!(v >= -9223372036854775808)) return 2n ** 63n; // NaN and -Infinity too
  return BigInt(Math.trunc(v)); // BigUint64Array stores negatives mod 2^64, as C does
};
/**
 * float -> integer (up to 32 bits) as NumPy 2 does on x86-64, where C leaves it undefined:
 * truncate toward zero; NaN, infinities and values outside int32 become int32's minimum
 * (what `cvttsd2si` gives) before the store wraps to the target width. For uint32 NumPy's
 * values are: in [-2**31, 2**32) truncated and wrapped, 0 at or above 2**32 and +Infinity,
 * 2**31 below -2**31, for -Infinity and NaN.
 */
const floatToInt32: Converter = (x) => {
  const v = x as number;
  return v > -2147483649 && v < 2147483648 ? v : -2147483648; // false for NaN
};
const floatToUint32: Converter = (x) => {
  const v = x as number;
  if (v >= 4294967296) return 0;
  return v > -2147483649 ? v : 2147483648; // false for NaN
};
const bigIntToNumber: Converter = (x) => Number(x);
/**
 * int64 -> float32 rounds once, as NumPy: keep 26 significant bits plus a sticky bit so the
 * float64 step is exact and the float32 store does the only rounding.
 */
const bigIntToFloat32: Converter = (x) => {
  let v = x as bigint;
  const neg = v < 0n;
  if (neg) v = -v;
  const bits = v.toString(2).length;
  if (bits > 26) {
    const sh = BigInt(bits - 26);
    const sticky = (v & ((1n << sh) - 1n)) !== 0n ? 1n : 0n;
    v = ((v >> sh) | sticky) << sh;
  }
  const n = Number(v);
  return neg ? -n : n;
};
const bigIntToInt32: Converter = (x) => Number(BigInt.asIntN(32, x as bigint)); // keeps the low bits exact
const bigIntToBool: Converter = (x) => ((x as bigint) !== 0n ? 1 : 0);

/**
 * The converter applied to each element when copying from `from` into `to` storage, or
 * `null` when the TypedArray store itself converts correctly.
 */
export function converter(from: DType, to: DType): Converter | null {
  const f = DTYPES[from];
  const t = DTYPES[to];
  if (from === to) return null;
  if (t.kind === 'b') {
    if (f.kind === 'b') return null;
    return f.bigint ? bigIntToBool : toBool;
  }
  if (t.bigint) {
    if (f.bigint) return null; // BigInt64Array/BigUint64Array stores wrap mod 2^64
    return to === 'int64' ? numberToBigInt : numberToBigUint;
  }
  if (f.bigint) return t.kind === 'f' ? (t.itemsize === 4 ? bigIntToFloat32 : bigIntToNumber) : bigIntToInt32;
  if (f.kind === 'f' && t.kind !== 'f') return to === 'uint32' ? floatToUint32 : floatToInt32;
  return null;
}

/** Converts one scalar value of dtype `from` into the value stored for dtype `to`. */
export function convertScalar(x: number | bigint, from: DType, to: DType): number | bigint {
  const c = converter(from, to);
  const v = c === null ? x : c(x);
  if (DTYPES[to].bigint) return v;
  // round-trip through a one-element store to apply the TypedArray's own conversion
  const cell = new DTYPES[to].ctor(1) as unknown as { [i: number]: number | bigint };
  cell[0] = v;
  return cell[0]!;
}

/**
 * Converts a weak JS scalar (NEP 50) into the value it has in a loop of dtype `dtype`.
 * An integral value that does not fit an integer dtype throws `OverflowError`
 * (`Python integer 300 out of bounds for uint8`), as NumPy 2 does.
 */
export function weakScalarValue(x: number | boolean | bigint, dtype: DType): number | bigint {
  const d = DTYPES[dtype];
  if (typeof x === 'boolean') return d.bigint ? BigInt(+x) : +x;
  if (d.kind === 'b') return typeof x === 'bigint' ? +(x !== 0n) : +(x !== 0);
  if (d.kind === 'f') return d.itemsize === 4 ? Math.fround(Number(x)) : Number(x);
  // integer dtype: the value is a Python int (weak floats never reach an integer loop)
  const big = typeof x === 'bigint' ? x : BigInt(x);
  if (big < BigInt(d.min) || big > BigInt(d.max)) throw weakOverflowError(big, dtype);
  return d.bigint ? big : Number(big);
}

/** True when `x` fits dtype `dtype`'s range exactly (integers) or at all (floats). */
export function fitsDType(x: number | bigint, dtype: DType): boolean {
  const d = DTYPES[dtype];
  if (d.kind === 'f') return true;
  if (typeof x === 'number' && !Number.isInteger(x)) return false;
  return x >= d.min && x <= d.max;
}

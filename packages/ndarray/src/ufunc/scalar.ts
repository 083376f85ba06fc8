/**
 * Scalar helpers with NumPy's semantics where JS's operators differ: Python-style floor
 * division and modulo (NumPy's npy_divmod), C's pow special cases, round-half-even, and
 * the 64-bit wrapping of bigint arithmetic.
 */

/** NumPy's float floor division (npy_floor_divide), signed zeros and NaN included. */
export function floorDivideFloat(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div !== 0) {
    let fl = Math.floor(div);
    if (div - fl > 0.5) fl += 1;
    return fl;
  }
  return copySign(0, a / b);
}

/** NumPy's float remainder (sign of the divisor), as npy_divmod's modulus. */
export function modFloat(a: number, b: number): number {
  let mod = a % b;
  if (b === 0) return mod;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else mod = copySign(0, b);
  return mod;
}

/** Integer floor division; division by zero gives 0 as NumPy's integer loops do. */
export function floorDivideInt(a: number, b: number): number {
  return b === 0 ? 0 : Math.floor(a / b);
}

/** Integer modulo with the divisor's sign; modulo zero gives 0 as in NumPy. */
export function modInt(a: number, b: number): number {
  if (b === 0) return 0;
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

/** `copysign(x, y)`: |x| with the sign of y (-0 counts as negative). */
export function copySign(x: number, y: number): number {
  const neg = y < 0 || Object.is(y, -0);
  const ax = Math.abs(x);
  return neg ? -ax : ax;
}

/** C's `pow`: unlike `Math.pow`, pow(1, NaN) = 1 and pow(-1, ±Inf) = 1. */
export function powFloat(x: number, y: number): number {
  if (x === 1) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return Math.pow(x, y);
}

/** Integer power by squaring with 32-bit wrapping multiplication (exponent >= 0). */
export function powInt(x: number, y: number): number {
  let r = 1;
  let b = x | 0;
  let e = y;
  while (e > 0) {
    if (e & 1) r = Math.imul(r, b);
    b = Math.imul(b, b);
    e = Math.floor(e / 2);
  }
  return r;
}

/** Round half to even (`np.rint`), keeping the sign of zero. */
export function rint(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x - Math.trunc(x)) === 0.5) return 2 * Math.round(x / 2);
  return r === 0 ? copySign(0, x) : r;
}

const I64 = (x: bigint): bigint => BigInt.asIntN(64, x);

/** int64 floor division (Python semantics, 0 for division by zero). */
export function floorDivideBig(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  let q = a / b;
  if (a % b !== 0n && a < 0n !== b < 0n) q -= 1n;
  return q;
}

/** int64 modulo with the divisor's sign (0 for modulo zero). */
export function modBig(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/** int64 power by squaring, wrapping at 64 bits (exponent >= 0). */
export function powBig(x: bigint, y: bigint): bigint {
  let r = 1n;
  let b = x;
  let e = y;
  while (e > 0n) {
    if (e & 1n) r = I64(r * b);
    b = I64(b * b);
    e >>= 1n;
  }
  return r;
}

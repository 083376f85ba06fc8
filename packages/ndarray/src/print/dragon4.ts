/**
 * Decimal digits of a binary float, as NumPy prints them: the Dragon4 algorithm (Steele &
 * White; Burger & Dybvig's free-format variant) over exact BigInt arithmetic, for float64
 * and float32 values.
 *
 * Two digit modes: `unique` stops at the shortest digit string that still identifies the
 * value among its neighbours of the same float type (round-half-even boundaries are
 * inclusive when the mantissa is even); `exact` generates the digits of the exact binary
 * value. Either is cut off after `cutoffMax` digits (counted in total, or after the
 * decimal point) and, in unique mode, extended to at least `cutoffMin` digits. The last
 * digit is rounded to nearest, ties to an even digit, as NumPy's `dragon4.c` does.
 *
 * The BigInt loop costs a few operations per digit, so float64 in unique mode takes a short
 * cut: the engine's own shortest round-trip digits (`toExponential()`), which are the same
 * digits, and when the max cutoff comes first, one exact BigInt rounding at the cutoff
 * digit. Tests check both short cuts against the loop.
 *
 * Names: `value / scale` is the remaining fraction, `marginLow / scale` half the gap to
 * the next float below (`marginHigh` above), `digitExp` the power of ten of the digit being
 * produced.
 */

/** The float formats numbat prints. */
export type FloatKind = 'float64' | 'float32';

/** Where `cutoffMax` / `cutoffMin` count from. */
export type CutoffMode = 'total' | 'fraction';

/** Digits `d0 d1 d2 ...` of a value `d0.d1d2... × 10^exponent` (no sign). */
export interface Digits {
  /** The significant digits, at least one ('0' for zero). */
  readonly digits: string;
  /** Power of ten of the first digit. */
  readonly exponent: number;
}

/** How many digits Dragon4 may produce at most (NumPy's scratch buffer size). */
const MAX_DIGITS = 16384;
const LOG10_2 = 0.30102999566398119521373889472449;

const scratch = new DataView(new ArrayBuffer(8));

/** `|x| = mantissa × 2^exponent` with the facts Dragon4 needs about the neighbours. */
interface Decomposed {
  mantissa: bigint;
  exponent: number;
  /** Index of the highest set bit of the mantissa. */
  mantissaBit: number;
  /** The gap to the float above is twice the gap below (lowest mantissa of a binade). */
  unequalMargins: boolean;
}

function decompose(x: number, kind: FloatKind): Decomposed {
  if (kind === 'float64') {
    scratch.setFloat64(0, x);
    const hi = scratch.getUint32(0);
    const lo = scratch.getUint32(4);
    const expField = (hi >>> 20) & 0x7ff;
    const fracHi = hi & 0xfffff;
    const frac = (BigInt(fracHi) << 32n) | BigInt(lo);
    if (expField !== 0) {
      return { mantissa: frac | (1n << 52n), exponent: expField - 1075, mantissaBit: 52, unequalMargins: expField !== 1 && frac === 0n };
    }
    return { mantissa: frac, exponent: 1 - 1075, mantissaBit: frac === 0n ? 0 : frac.toString(2).length - 1, unequalMargins: false };
  }
  scratch.setFloat32(0, x);
  const bits = scratch.getUint32(0);
  const expField = (bits >>> 23) & 0xff;
  const frac = bits & 0x7fffff;
  if (expField !== 0) {
    return { mantissa: BigInt(frac | 0x800000), exponent: expField - 150, mantissaBit: 23, unequalMargins: expField !== 1 && frac === 0 };
  }
  return { mantissa: BigInt(frac), exponent: 1 - 150, mantissaBit: frac === 0 ? 0 : 31 - Math.clz32(frac), unequalMargins: false };
}

const POW10: bigint[] = [1n];
function pow10(n: number): bigint {
  for (let k = POW10.length; k <= n; k++) POW10.push(POW10[k - 1]! * 10n);
  return POW10[n]!;
}

/** Options of {@link dragon4}. */
export interface Dragon4Options {
  /** Shortest unique digits (true) or the exact value's digits (false). */
  unique: boolean;
  cutoffMode: CutoffMode;
  /** Stop after this many digits (total, or past the decimal point); -1 for no cutoff. */
  cutoffMax: number;
  /** Unique mode: produce at least this many digits; -1 for no minimum. */
  cutoffMin: number;
}

/**
 * The decimal digits of `|x|` (finite) for a value of the given float kind, as NumPy's
 * Dragon4 produces them. A float32 `x` must already be a float32 value. `allowFast: false`
 * forces the BigInt path (tests compare the two).
 */
export function dragon4(x: number, kind: FloatKind, o: Dragon4Options, allowFast = true): Digits {
  const ax = Math.abs(x);
  if (ax === 0) return { digits: '0', exponent: 0 };
  if (allowFast && kind === 'float64' && o.unique) {
    const fast = shortestFloat64(ax, o);
    if (fast !== null) return fast;
  }
  return dragon4Exact(decompose(ax, kind), o);
}

/** Floor of log10 of `d`'s value, given an estimate that is right or one too high. */
function floorLog10(d: Decomposed, estimate: number): number {
  // value < 10^estimate  <=>  mantissa * 2^exponent < 10^estimate
  const lhs = d.exponent >= 0 ? d.mantissa << BigInt(d.exponent) : d.mantissa;
  const rhs0 = estimate >= 0 ? pow10(estimate) : 1n;
  const lhsScaled = estimate < 0 ? lhs * pow10(-estimate) : lhs;
  const rhs = d.exponent < 0 ? rhs0 << BigInt(-d.exponent) : rhs0;
  return lhsScaled < rhs ? estimate - 1 : estimate;
}

/**
 * Dragon4's digits when the max cutoff falls before the shortest digits end: the exact
 * value rounded half to even at the cutoff digit (one BigInt division instead of a digit
 * loop). A carry drops the zeros it creates; a last zero reached without one stays, as
 * Dragon4 leaves them.
 */
function cutFloat64(ax: number, shortest: Digits, o: Dragon4Options): Digits {
  const d = decompose(ax, 'float64');
  const cut = o.cutoffMode === 'fraction' ? -o.cutoffMax : floorLog10(d, shortest.exponent) - o.cutoffMax + 1;
  // ax / 10^cut = num / den
  let num = d.exponent >= 0 ? d.mantissa << BigInt(d.exponent) : d.mantissa;
  let den = d.exponent < 0 ? 1n << BigInt(-d.exponent) : 1n;
  if (cut >= 0) den *= pow10(cut);
  else num *= pow10(-cut);
  let q = num / den;
  const twice = (num - q * den) * 2n;
  const up = twice > den || (twice === den && (q & 1n) === 1n);
  if (up) q += 1n;
  if (q === 0n) return { digits: '0', exponent: cut };
  let digits = q.toString();
  const exponent = cut + digits.length - 1;
  if (up) digits = digits.replace(/0+$/, '');
  return { digits, exponent };
}

/**
 * Dragon4's unique-mode digits of a float64 from the engine's shortest round-trip digits
 * (ECMAScript's `toExponential()` gives the shortest digits that round-trip, the closest of
 * them, ties to even: exactly Dragon4's unique digits), rounded at the max cutoff when it
 * comes first; null when the min cutoff asks for more digits (the BigInt loop does that).
 */
function shortestFloat64(ax: number, o: Dragon4Options): Digits | null {
  const s = ax.toExponential();
  const e = s.indexOf('e');
  const exponent = Number(s.slice(e + 1));
  const digits = s.charAt(0) + (e > 1 ? s.slice(2, e) : '');
  const lastExp = exponent - digits.length + 1;
  // the digit where Dragon4 stops must not lie past the max cutoff nor before the min one
  if (o.cutoffMax >= 0) {
    const cutMax = o.cutoffMode === 'fraction' ? -o.cutoffMax : exponent + 1 - o.cutoffMax;
    if (lastExp < cutMax) return cutFloat64(ax, { digits, exponent }, o);
  }
  if (o.cutoffMin >= 0) {
    const cutMin = o.cutoffMode === 'fraction' ? -o.cutoffMin : exponent + 1 - o.cutoffMin;
    if (lastExp > cutMin) return null;
  }
  return { digits, exponent };
}

function dragon4Exact(d: Decomposed, o: Dragon4Options): Digits {
  const { mantissa, exponent, mantissaBit, unequalMargins } = d;
  const isEven = (mantissa & 1n) === 0n;
  // value / scale = mantissa × 2^exponent; the margins are half the gaps to the
  // neighbouring floats. Everything is doubled (quadrupled with unequal margins) so the
  // half gaps stay integers.
  const extra = unequalMargins ? 2 : 1;
  let value: bigint;
  let scale: bigint;
  let marginLow: bigint;
  if (exponent > 0) {
    value = mantissa << BigInt(exponent + extra);
    scale = 1n << BigInt(extra);
    marginLow = 1n << BigInt(exponent);
  } else {
    value = mantissa << BigInt(extra);
    scale = 1n << BigInt(-exponent + extra);
    marginLow = 1n;
  }
  const highFactor = unequalMargins ? 2n : 1n;

  // Estimate of floor(log10(v)) + 1: right or one too small.
  let digitExp = Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69);
  // A value below the fraction cutoff starts at the cutoff digit (which may round up).
  if (o.cutoffMax >= 0 && o.cutoffMode === 'fraction' && digitExp <= -o.cutoffMax) digitExp = -o.cutoffMax + 1;
  if (digitExp > 0) scale *= pow10(digitExp);
  else if (digitExp < 0) {
    const p = pow10(-digitExp);
    value *= p;
    marginLow *= p;
  }
  if (value >= scale) digitExp += 1;
  else {
    value *= 10n;
    marginLow *= 10n;
  }

  let cutMaxExp = digitExp - MAX_DIGITS;
  if (o.cutoffMax >= 0) {
    const want = o.cutoffMode === 'total' ? digitExp - o.cutoffMax : -o.cutoffMax;
    if (want > cutMaxExp) cutMaxExp = want;
  }
  let cutMinExp = digitExp;
  if (o.cutoffMin >= 0) {
    const want = o.cutoffMode === 'total' ? digitExp - o.cutoffMin : -o.cutoffMin;
    if (want < cutMinExp) cutMinExp = want;
  }
  let outExp = digitExp - 1;

  const out: number[] = [];
  let low = false;
  let high = false;
  let digit = 0;
  for (;;) {
    digitExp -= 1;
    const q = value / scale;
    digit = Number(q);
    value -= q * scale;
    if (o.unique) {
      const marginHigh = marginLow * highFactor;
      low = isEven ? value <= marginLow : value < marginLow;
      const top = value + marginHigh;
      high = isEven ? top >= scale : top > scale;
      if (((low || high) && digitExp <= cutMinExp) || digitExp === cutMaxExp) break;
    } else if (value === 0n || digitExp === cutMaxExp) break;
    out.push(digit);
    value *= 10n;
    marginLow *= 10n;
  }

  // Round the last digit: down when only the lower neighbour is close, up when only the
  // upper one is, else to nearest (ties to an even digit).
  let roundDown = low;
  if (low === high) {
    const twice = value * 2n;
    roundDown = twice < scale || (twice === scale && (digit & 1) === 0);
  }
  if (roundDown) out.push(digit);
  else if (digit < 9) out.push(digit + 1);
  else {
    // carry through trailing nines; a carry out of the first digit gives "1" one decade up
    let k = out.length - 1;
    while (k >= 0 && out[k] === 9) k--;
    if (k < 0) {
      out.length = 0;
      out.push(1);
      outExp += 1;
    } else {
      out[k] = out[k]! + 1;
      out.length = k + 1;
    }
  }
  return { digits: out.join(''), exponent: outExp };
}

/**
 * Python's `%`-formatting (printf-style) for array elements, the subset `np.savetxt`
 * users write: `%d %i %u %x %X %o %e %E %f %F %g %G %s %%`, flags `- + space 0 #`, width,
 * precision, and the ignored length modifiers `h l L`. Output equals Python's
 * `fmt % value` for NumPy scalars of each dtype, byte for byte:
 *
 * - floats are correctly rounded with ties to even (glibc's printf, which Python uses):
 *   JS's `toExponential`/`toFixed` round exactly too but send ties away from zero, so a
 *   tie is detected from the double's binary expansion and its last digit fixed;
 * - `inf`/`nan` print as Python does (`nan` never signed, zero padding applies);
 * - integer conversions truncate floats, as `int(x)`; `%x`/`%o` refuse floats and bools.
 */
import { DTypeError, OverflowError, ValueError } from '../errors.js';
import { floatScalarStr } from '../print/format-float.js';

/** What an element is for formatting: a float (of a kind), an integer or a bool. */
export type ValueKind = 'float64' | 'float32' | 'int' | 'bool';

/** One `%` conversion. */
export interface FormatSpec {
  readonly flags: string;
  readonly width: number;
  /** -1 when not given. */
  readonly precision: number;
  readonly conv: string;
}

/** A format string split into literal text and conversions. */
export type FormatPiece = string | FormatSpec;

const CONVERSIONS = 'diuoxXeEfFgGs';

/**
 * Splits a Python format string into literal text and conversions. Throws `ValueError`
 * for what Python rejects and for what numbat does not implement (`%c`, `%r`, `%a`, `*`
 * widths, `%(name)s` mappings).
 */
export function parseFormat(fmt: string): FormatPiece[] {
  const out: FormatPiece[] = [];
  let lit = '';
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c !== '%') {
      lit += c;
      i++;
      continue;
    }
    const start = i;
    i++;
    if (fmt[i] === '%') {
      lit += '%';
      i++;
      continue;
    }
    if (fmt[i] === '(') throw new ValueError(`numbat's savetxt does not support %(name) mapping keys in fmt ${JSON.stringify(fmt)}`);
    let flags = '';
    while (i < fmt.length && '#0- +'.includes(fmt[i]!)) flags += fmt[i++];
    let width = 0;
    while (i < fmt.length && fmt[i]! >= '0' && fmt[i]! <= '9') width = width * 10 + Number(fmt[i++]);
    let precision = -1;
    if (fmt[i] === '.') {
      i++;
      precision = 0;
      while (i < fmt.length && fmt[i]! >= '0' && fmt[i]! <= '9') precision = precision * 10 + Number(fmt[i++]);
    }
    while (i < fmt.length && 'hlL'.includes(fmt[i]!)) i++;
    const conv = fmt[i];
    if (conv === undefined) throw new ValueError('incomplete format');
    if (conv === '*' || 'cra'.includes(conv)) {
      throw new ValueError(`numbat's savetxt does not support the format ${JSON.stringify(fmt.slice(start, i + 1))} (use d, i, u, o, x, X, e, E, f, F, g, G or s)`);
    }
    if (!CONVERSIONS.includes(conv)) {
      const code = conv.codePointAt(0)!;
      throw new ValueError(`unsupported format character '${conv}' (0x${code.toString(16)}) at index ${i}`);
    }
    i++;
    if (lit !== '') out.push(lit);
    lit = '';
    out.push({ flags, width, precision, conv });
  }
  if (lit !== '') out.push(lit);
  return out;
}

// ---- exact decimal rounding of doubles ----

const scratch = new DataView(new ArrayBuffer(8));

/** `ax = M * 2^k` with `M` odd (ax finite, > 0). */
function decompose(ax: number): [number, number] {
  scratch.setFloat64(0, ax);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const e = (hi >>> 20) & 0x7ff;
  let m = (hi & 0xfffff) * 4294967296 + lo;
  let k = -1074;
  if (e !== 0) {
    m += 4503599627370496; // the implicit bit, 2^52
    k = e - 1075;
  }
  while (m % 2 === 0) {
    m /= 2;
    k++;
  }
  return [m, k];
}

/** True when `ax` lies exactly halfway between two multiples of `10^q`. */
function isTie(ax: number, q: number): boolean {
  const [m, k] = decompose(ax);
  // ax = (n + 1/2) 10^q  <=>  2 ax / 10^q = m 2^(k+1-q) / 5^q is an odd integer (m is odd)
  if (k !== q - 1) return false;
  if (q <= 0) return true;
  return q <= 22 && m % 5 ** q === 0;
}

/** The digit string with its last digit lowered by one (the digit is odd, so no borrow). */
function lowerLast(s: string): string {
  return s.slice(0, -1) + String(Number(s[s.length - 1]) - 1);
}

/** `ax = int / 10^scale` exactly (ax finite, >= 0). */
function exactDecimal(ax: number): [bigint, number] {
  if (ax === 0) return [0n, 0];
  const [m, k] = decompose(ax);
  if (k >= 0) return [BigInt(m) << BigInt(k), 0];
  return [BigInt(m) * 5n ** BigInt(-k), -k];
}

/** `n / d` rounded half to even (n, d > 0). */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r2 = (n % d) * 2n;
  return r2 > d || (r2 === d && q % 2n === 1n) ? q + 1n : q;
}

/** Significant digits (p + 1 of them) and decimal exponent of `ax`, rounded half to even. */
function expDigits(ax: number, p: number): [string, number] {
  if (ax === 0) return ['0'.repeat(p + 1), 0];
  if (p <= 100) {
    const s = ax.toExponential(p);
    const e = s.indexOf('e');
    let digits = s.slice(0, e).replace('.', '');
    const exp = Number(s.slice(e + 1));
    if (Number(digits[digits.length - 1]) % 2 === 1 && isTie(ax, exp - p)) digits = lowerLast(digits);
    return [digits, exp];
  }
  const [int, scale] = exactDecimal(ax);
  const len = int.toString().length;
  let exp = len - 1 - scale;
  const drop = len - (p + 1);
  let n = drop > 0 ? divRound(int, 10n ** BigInt(drop)) : int * 10n ** BigInt(-drop);
  if (n.toString().length > p + 1) {
    n /= 10n;
    exp++;
  }
  return [n.toString(), exp];
}

/** `ax` with `p` digits after the point, rounded half to even. */
function fixedDigits(ax: number, p: number): string {
  if (p <= 100 && ax < 1e21) {
    let s = ax.toFixed(p);
    if (Number(s[s.length - 1]) % 2 === 1 && ax !== 0 && isTie(ax, -p)) s = lowerLast(s);
    return s;
  }
  const [int, scale] = exactDecimal(ax);
  const n = scale <= p ? int * 10n ** BigInt(p - scale) : divRound(int, 10n ** BigInt(scale - p));
  const s = n.toString().padStart(p + 1, '0');
  return p === 0 ? s : `${s.slice(0, -p)}.${s.slice(-p)}`;
}

function expString(digits: string, exp: number, p: number, alt: boolean, upper: boolean): string {
  const mant = p === 0 ? digits + (alt ? '.' : '') : `${digits[0]}.${digits.slice(1)}`;
  const e = `${upper ? 'E' : 'e'}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return mant + e;
}

function stripZeros(s: string): string {
  if (!s.includes('.')) return s;
  return s.replace(/0+$/, '').replace(/\.$/, '');
}

/** The body (no sign) of a finite float under an e/f/g conversion. */
function floatBody(ax: number, spec: FormatSpec): string {
  const alt = spec.flags.includes('#');
  const upper = spec.conv === 'E' || spec.conv === 'G';
  const c = spec.conv.toLowerCase();
  let p = spec.precision < 0 ? 6 : spec.precision;
  if (c === 'e') {
    const [d, x] = expDigits(ax, p);
    return expString(d, x, p, alt, upper);
  }
  if (c === 'f') {
    const s = fixedDigits(ax, p);
    return alt && p === 0 ? s + '.' : s;
  }
  // g: %e's exponent after rounding to p significant digits picks the style
  if (p === 0) p = 1;
  const [d, x] = expDigits(ax, p - 1);
  if (x >= -4 && x < p) {
    let s = fixedDigits(ax, p - 1 - x);
    if (alt) return s.includes('.') ? s : s + '.';
    s = stripZeros(s);
    return s;
  }
  let mant = p - 1 === 0 ? d + (alt ? '.' : '') : `${d[0]}.${d.slice(1)}`;
  if (!alt) mant = stripZeros(mant);
  return `${mant}${upper ? 'E' : 'e'}${x < 0 ? '-' : '+'}${String(Math.abs(x)).padStart(2, '0')}`;
}

function pad(sign: string, body: string, spec: FormatSpec, zeroOk: boolean): string {
  const w = spec.width;
  if (sign.length + body.length >= w) return sign + body;
  if (spec.flags.includes('-')) return (sign + body).padEnd(w);
  if (zeroOk && spec.flags.includes('0')) return sign + body.padStart(w - sign.length, '0');
  return (sign + body).padStart(w);
}

function signOf(negative: boolean, flags: string): string {
  if (negative) return '-';
  if (flags.includes('+')) return '+';
  return flags.includes(' ') ? ' ' : '';
}

/** Python's `int(x)` of a float, as `%d` applies it. */
function floatToInt(x: number): bigint {
  if (Number.isNaN(x)) throw new ValueError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new OverflowError('cannot convert float infinity to integer');
  return BigInt(Math.trunc(x));
}

const PY_TYPE: Readonly<Record<ValueKind, string>> = { float64: 'numpy.float64', float32: 'numpy.float32', int: 'int', bool: 'numpy.bool' };

/**
 * Formats one element (`spec % value` in Python). `kind` says what the element is:
 * bools are 0/1 numbers, ints are numbers or bigints, floats numbers.
 */
export function formatValue(spec: FormatSpec, value: number | bigint, kind: ValueKind): string {
  const conv = spec.conv;
  if (conv === 's') {
    let s: string;
    if (kind === 'bool') s = value ? 'True' : 'False';
    else if (kind === 'int') s = String(value);
    else s = floatScalarStr(value as number, kind);
    if (spec.precision >= 0) s = s.slice(0, spec.precision);
    return pad('', s, spec, false);
  }
  if ('diuoxX'.includes(conv)) {
    if ('oxX'.includes(conv) && (kind === 'float64' || kind === 'float32' || kind === 'bool')) {
      throw new DTypeError(`%${conv} format: an integer is required, not ${PY_TYPE[kind]}`);
    }
    const n = typeof value === 'bigint' ? value : kind === 'float64' || kind === 'float32' ? floatToInt(value) : BigInt(value);
    const neg = n < 0n;
    const abs = neg ? -n : n;
    const base = conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10;
    let digits = abs.toString(base);
    if (conv === 'X') digits = digits.toUpperCase();
    if (spec.precision > digits.length) digits = digits.padStart(spec.precision, '0');
    const alt = spec.flags.includes('#');
    const prefix = !alt || base === 10 ? '' : conv === 'o' ? '0o' : conv === 'x' ? '0x' : '0X';
    const sign = signOf(neg, spec.flags) + prefix;
    return pad(sign, digits, spec, true);
  }
  // e, E, f, F, g, G
  const x = typeof value === 'bigint' ? Number(value) : value;
  const upper = conv === 'E' || conv === 'F' || conv === 'G';
  if (Number.isNaN(x)) return pad(signOf(false, spec.flags), upper ? 'NAN' : 'nan', spec, true);
  const neg = x < 0 || Object.is(x, -0);
  if (!Number.isFinite(x)) return pad(signOf(neg, spec.flags), upper ? 'INF' : 'inf', spec, true);
  return pad(signOf(neg, spec.flags), floatBody(Math.abs(x), spec), spec, true);
}

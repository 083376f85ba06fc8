/**
 * One float as text, positional (`123.45`) or scientific (`1.2345e+02`), with NumPy's
 * trimming and padding rules (`dragon4.c`'s FormatPositional / FormatScientific), and the
 * public `formatFloatPositional` / `formatFloatScientific` built on them. Digits come from
 * `dragon4.ts`; this file only lays them out.
 */
import { ValueError } from '../errors.js';
import { dragon4, type FloatKind } from './dragon4.js';

/**
 * Trailing-zero trimming, as NumPy's `trim`: `'k'` keep zeros and the point, `'.'` drop
 * trailing zeros but keep the point, `'0'` drop zeros but keep one after the point, `'-'`
 * drop zeros and the point.
 */
export type Trim = 'k' | '.' | '0' | '-';

/** Full layout settings of one float (negative numbers mean "not set", as in NumPy's C). */
export interface FloatLayout {
  /** Maximum digits (after the point, or in total when not `fractional`); -1: none. */
  precision: number;
  /** Unique mode: at least this many digits; -1: none. */
  minDigits: number;
  unique: boolean;
  trim: Trim;
  /** Print `+` before positive values. */
  sign: boolean;
  /** Pad with spaces to this many characters left of the point; -1: none. */
  padLeft: number;
  /** Positional: pad with spaces to this many characters right of the point; -1: none. */
  padRight: number;
  /** Positional: `precision` counts digits after the point (else significant digits). */
  fractional: boolean;
  /** Scientific: at least this many exponent digits; -1: 2. */
  expDigits: number;
}

const DEFAULT_LAYOUT: Readonly<FloatLayout> = {
  precision: -1,
  minDigits: -1,
  unique: true,
  trim: 'k',
  sign: false,
  padLeft: -1,
  padRight: -1,
  fractional: true,
  expDigits: -1,
};

/** A complete layout: `layout` with the unset fields at their defaults. */
export function floatLayout(layout: Partial<FloatLayout> = {}): FloatLayout {
  return { ...DEFAULT_LAYOUT, ...layout };
}

function signOf(x: number, plus: boolean): string {
  return x < 0 || Object.is(x, -0) ? '-' : plus ? '+' : '';
}

/** `inf`, `-inf`, `+inf` or `nan`, as Dragon4 prints them (NaN never carries a sign). */
function nonFinite(x: number, plus: boolean): string {
  return Number.isNaN(x) ? 'nan' : `${signOf(x, plus)}inf`;
}

/** Drops trailing zeros of `body` (which has a point); returns the new body and the count. */
function stripZeros(body: string): [string, number] {
  let end = body.length;
  while (body.charCodeAt(end - 1) === 48) end--;
  return [body.slice(0, end), body.length - end];
}

/** `x` in positional notation under `o` (NumPy's `FormatPositional`). */
export function positional(x: number, kind: FloatKind, o: Readonly<FloatLayout>): string {
  if (!Number.isFinite(x)) return nonFinite(x, o.sign);
  const sign = signOf(x, o.sign);
  const d = dragon4(x, kind, {
    unique: o.unique,
    cutoffMode: o.fractional ? 'fraction' : 'total',
    cutoffMax: o.precision,
    cutoffMin: o.minDigits,
  });
  const nd = d.digits.length;
  let body: string;
  let numWhole: number;
  let numFrac: number;
  if (d.exponent >= 0) {
    numWhole = d.exponent + 1;
    if (nd <= numWhole) {
      body = d.digits + '0'.repeat(numWhole - nd);
      numFrac = 0;
    } else {
      body = `${d.digits.slice(0, numWhole)}.${d.digits.slice(numWhole)}`;
      numFrac = nd - numWhole;
    }
  } else {
    const zeros = -(d.exponent + 1);
    body = `0.${'0'.repeat(zeros)}${d.digits}`;
    numFrac = zeros + nd;
    numWhole = 1;
  }
  if (o.trim !== '-' && numFrac === 0) body += '.';
  const add = o.unique ? o.minDigits : o.precision;
  const desired = o.fractional ? Math.max(add, 0) : add - numWhole;
  if (o.trim === '0') {
    if (numFrac === 0) {
      body += '0';
      numFrac = 1;
    }
  } else if (o.trim === 'k' && desired > numFrac) {
    body += '0'.repeat(desired - numFrac);
    numFrac = desired;
  }
  if (o.trim !== 'k' && numFrac > 0) {
    const [t, n] = stripZeros(body);
    body = t;
    numFrac -= n;
    if (body.endsWith('.')) {
      if (o.trim === '0') {
        body += '0';
        numFrac += 1;
      } else if (o.trim === '-') body = body.slice(0, -1);
    }
  }
  if (o.padRight >= numFrac) {
    if (o.trim === '-' && numFrac === 0) body += ' ';
    body += ' '.repeat(o.padRight - numFrac);
  }
  const lead = o.padLeft - (numWhole + sign.length);
  return (lead > 0 ? ' '.repeat(lead) : '') + sign + body;
}

/** `x` in scientific notation under `o` (NumPy's `FormatScientific`). */
export function scientific(x: number, kind: FloatKind, o: Readonly<FloatLayout>): string {
  if (!Number.isFinite(x)) return nonFinite(x, o.sign);
  const sign = signOf(x, o.sign);
  const d = dragon4(x, kind, {
    unique: o.unique,
    cutoffMode: 'total',
    cutoffMax: o.precision < 0 ? -1 : o.precision + 1,
    cutoffMin: o.minDigits < 0 ? -1 : o.minDigits + 1,
  });
  let numFrac = d.digits.length - 1;
  let body = numFrac > 0 ? `${d.digits.charAt(0)}.${d.digits.slice(1)}` : d.digits;
  if (o.trim !== '-' && numFrac === 0) body += '.';
  const add = Math.max(o.unique ? o.minDigits : o.precision, 0);
  if (o.trim === '0') {
    if (numFrac === 0) {
      body += '0';
      numFrac = 1;
    }
  } else if (o.trim === 'k' && add > numFrac) {
    body += '0'.repeat(add - numFrac);
    numFrac = add;
  }
  if (o.trim !== 'k' && numFrac > 0) {
    body = stripZeros(body)[0];
    if (o.trim === '0' && body.endsWith('.')) body += '0';
  }
  const expDigits = o.expDigits < 0 ? 2 : Math.min(o.expDigits, 5);
  const e = d.exponent;
  // NumPy writes no leading zeros beyond `expDigits`, so a zero exponent with 0 digits is empty
  const expText = e === 0 ? '0'.repeat(expDigits) : String(Math.abs(e)).padStart(expDigits, '0');
  const exp = `e${e >= 0 ? '+' : '-'}${expText}`;
  const lead = o.padLeft - (1 + sign.length);
  return (lead > 0 ? ' '.repeat(lead) : '') + sign + body + exp;
}

const SCALAR_POSITIONAL = floatLayout({ trim: '0' });
const SCALAR_SCIENTIFIC = floatLayout({ trim: '-' });

/**
 * `str()` of a NumPy float scalar (what `str` of a 0-d float array prints): the shortest
 * unique digits, positional when the magnitude is in [1e-4, 1e16) (float32: [1e-4, 1e6)),
 * else scientific; print options do not apply, as in NumPy.
 */
export function floatScalarStr(x: number, kind: FloatKind): string {
  if (!Number.isFinite(x)) return nonFinite(x, false);
  const ax = Math.abs(x);
  const upper = kind === 'float64' ? 1e16 : 1e6;
  return ax === 0 || (ax >= 1e-4 && ax < upper) ? positional(x, kind, SCALAR_POSITIONAL) : scientific(x, kind, SCALAR_SCIENTIFIC);
}

/** Options of {@link formatFloatPositional} (NumPy's keywords, camelCased). */
export interface FormatFloatPositionalOptions {
  /** Maximum digits to print; `null` (default) for as many as `unique` needs. */
  precision?: number | null;
  /** Shortest digits that identify the value (default true), else exact digits. */
  unique?: boolean;
  /** `precision` counts digits after the point (default true), else significant digits. */
  fractional?: boolean;
  /** Trailing-zero trimming (default `'k'`). */
  trim?: Trim;
  /** Print `+` for positive values. */
  sign?: boolean;
  padLeft?: number | null;
  padRight?: number | null;
  minDigits?: number | null;
  /** Treat `x` as a float32 value (rounded to float32 first); default float64. */
  dtype?: FloatKind;
}

/** Options of {@link formatFloatScientific} (NumPy's keywords, camelCased). */
export interface FormatFloatScientificOptions {
  precision?: number | null;
  unique?: boolean;
  trim?: Trim;
  sign?: boolean;
  padLeft?: number | null;
  /** Pad the exponent with zeros to at least this many digits (default 2). */
  expDigits?: number | null;
  minDigits?: number | null;
  /** Treat `x` as a float32 value (rounded to float32 first); default float64. */
  dtype?: FloatKind;
}

function optionalNonNegative(x: number | null | undefined, name: string): number {
  if (x === null || x === undefined) return -1;
  if (!Number.isInteger(x)) throw new TypeError(`integer argument expected, got ${typeof x === 'number' ? 'float' : typeof x}`);
  if (x < 0) throw new ValueError(`${name} must be >= 0`);
  return x;
}

function checkTrim(trim: string): Trim {
  if (trim === 'k' || trim === '.' || trim === '0' || trim === '-') return trim;
  throw new TypeError(`if supplied, trim must be 'k', '.', '0' or '-' found \`${trim}\``);
}

function checkDigits(precision: number, minDigits: number, unique: boolean): void {
  if (minDigits > 0 && precision > 0 && minDigits > precision) throw new ValueError('min_digits must be less than or equal to precision');
  if (!unique && precision < 0) throw new TypeError('in non-unique mode `precision` must be supplied');
}

/**
 * Formats one float in positional notation with NumPy's Dragon4 (shortest unique digits,
 * or exact digits with `unique: false`), rounding half to even. NumPy's
 * `np.format_float_positional`; `dtype: 'float32'` plays the role of passing an
 * `np.float32` scalar.
 *
 * @example
 * np.formatFloatPositional(Math.PI, { precision: 4 }); // '3.1416'
 * np.formatFloatPositional(0.1, { dtype: 'float32', unique: false, precision: 10 }); // '0.1000000015'
 */
export function formatFloatPositional(x: number, options: FormatFloatPositionalOptions = {}): string {
  const kind = options.dtype ?? 'float64';
  const precision = optionalNonNegative(options.precision, 'precision');
  const minDigits = optionalNonNegative(options.minDigits, 'min_digits');
  const fractional = options.fractional ?? true;
  const unique = options.unique ?? true;
  if (!fractional && precision === 0) throw new ValueError('precision must be greater than 0 if fractional=False');
  checkDigits(precision, minDigits, unique);
  return positional(kind === 'float32' ? Math.fround(x) : x, kind, floatLayout({
    precision,
    minDigits,
    unique,
    fractional,
    trim: checkTrim(options.trim ?? 'k'),
    sign: options.sign ?? false,
    padLeft: optionalNonNegative(options.padLeft, 'pad_left'),
    padRight: optionalNonNegative(options.padRight, 'pad_right'),
  }));
}

/**
 * Formats one float in scientific notation with NumPy's Dragon4, rounding half to even.
 * NumPy's `np.format_float_scientific`; `dtype: 'float32'` plays the role of passing an
 * `np.float32` scalar.
 *
 * @example
 * np.formatFloatScientific(Math.PI, { precision: 4 }); // '3.1416e+00'
 * np.formatFloatScientific(1.23e24, { expDigits: 4 }); // '1.23e+0024'
 */
export function formatFloatScientific(x: number, options: FormatFloatScientificOptions = {}): string {
  const kind = options.dtype ?? 'float64';
  const precision = optionalNonNegative(options.precision, 'precision');
  const minDigits = optionalNonNegative(options.minDigits, 'min_digits');
  const unique = options.unique ?? true;
  checkDigits(precision, minDigits, unique);
  return scientific(kind === 'float32' ? Math.fround(x) : x, kind, floatLayout({
    precision,
    minDigits,
    unique,
    trim: checkTrim(options.trim ?? 'k'),
    sign: options.sign ?? false,
    padLeft: optionalNonNegative(options.padLeft, 'pad_left'),
    expDigits: optionalNonNegative(options.expDigits, 'exp_digits'),
  }));
}

/**
 * Element formatters: given the values an array will show, one function that turns each of
 * them into a word of uniform width, as NumPy's `FloatingFormat`, `IntegerFormat` and
 * `BoolFormat` do. Widths, notation (positional or scientific) and float digits are chosen
 * once per array from the shown values only (a summarised array's hidden middle does not
 * count).
 */
import type { DType } from '../dtype/dtypes.js';
import type { FloatKind } from './dragon4.js';
import { floatLayout, positional, scientific, type Trim } from './format-float.js';
import type { PrintOptions } from './options.js';

/** Turns one element (a number, or a bigint for int64/uint64) into its word. */
export type ElementFormatter = (x: number | bigint) => string;

/** Values an array shows, in any order. */
export type Values = ArrayLike<number | bigint>;

/** The formatter of a dtype for these values; `zeroD` marks a 0-d array (bools differ). */
export function makeFormatter(dtype: DType, values: Values, zeroD: boolean, o: Readonly<PrintOptions>): ElementFormatter {
  if (dtype === 'bool') {
    const t = zeroD ? 'True' : ' True';
    return (x) => (x ? t : 'False');
  }
  if (dtype === 'float64' || dtype === 'float32') return floatFormatter(dtype, values as ArrayLike<number>, o);
  return integerFormatter(values, o.sign);
}

/** Right-aligned integers, wide enough for the largest and smallest (NumPy's IntegerFormat). */
function integerFormatter(values: Values, signOpt: PrintOptions['sign']): ElementFormatter {
  let width = 0;
  let sign = signOpt;
  if (values.length > 0) {
    let max = values[0]!;
    let min = values[0]!;
    for (let i = 1; i < values.length; i++) {
      const v = values[i]!;
      if (v > max) max = v;
      if (v < min) min = v;
    }
    let maxLen = String(max).length;
    if (sign === ' ' && min < 0) sign = '-';
    if (max >= 0 && sign !== '-') maxLen += 1;
    width = Math.max(maxLen, String(min).length);
  }
  const plus = sign === '-' ? '' : sign;
  return (x) => (x >= 0 ? plus + String(x) : String(x)).padStart(width);
}

/** Layout chosen for an array's floats (NumPy's FloatingFormat after `fillFormat`). */
interface FloatPlan {
  exp: boolean;
  precision: number;
  minDigits: number;
  unique: boolean;
  trim: Trim;
  padLeft: number;
  padRight: number;
  expSize: number;
}

/** Splits `s` at the first `sep` (the whole string and '' when absent). */
function splitAt(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}

/** Scientific notation is used when the nonzero finite magnitudes span too much. */
function wantsScientific(kind: FloatKind, finite: readonly number[], suppress: boolean): boolean {
  let max = 0;
  let min = Infinity;
  for (const v of finite) {
    const a = Math.abs(v);
    if (a === 0) continue;
    if (a > max) max = a;
    if (a < min) min = a;
  }
  if (max === 0) return false;
  if (kind === 'float32') {
    // NumPy compares float32 data with Python floats as float32 (NEP 50), and its cut-off
    // for large values is 10**finfo.precision: 1e6 for float32.
    const ratio = Math.fround(max / min);
    return max >= 1e6 || (!suppress && (min < Math.fround(1e-4) || ratio > 1000));
  }
  return max >= 1e8 || (!suppress && (min < 1e-4 || max / min > 1000));
}

function planFloats(kind: FloatKind, finite: readonly number[], o: Readonly<PrintOptions>): FloatPlan {
  const fixed = o.floatmode === 'fixed';
  const plus = o.sign === '+';
  const plan: FloatPlan = {
    exp: wantsScientific(kind, finite, o.suppress),
    precision: o.floatmode === 'unique' ? -1 : o.precision,
    minDigits: -1,
    unique: true,
    trim: '.',
    padLeft: 0,
    padRight: 0,
    expSize: -1,
  };
  if (finite.length === 0) return plan;
  // a first pass prints every value to find the widths of its parts
  const trim: Trim = fixed ? 'k' : '.';
  const unique = !fixed;
  let intLen = 0;
  let fracLen = 0;
  const first = floatLayout({ precision: plan.precision, unique, trim, sign: plus });
  if (plan.exp) {
    let expLen = 0;
    for (const v of finite) {
      const [mant, exp] = splitAt(scientific(v, kind, first), 'e');
      const [int, frac] = splitAt(mant, '.');
      intLen = Math.max(intLen, int.length);
      fracLen = Math.max(fracLen, frac.length);
      expLen = Math.max(expLen, exp.length);
    }
    plan.expSize = expLen - 1;
    plan.trim = 'k';
    plan.precision = fracLen;
    plan.minDigits = fracLen;
    plan.unique = unique;
    plan.padLeft = intLen;
    plan.padRight = plan.expSize + 2 + fracLen;
  } else {
    for (const v of finite) {
      const [int, frac] = splitAt(positional(v, kind, first), '.');
      intLen = Math.max(intLen, int.length);
      fracLen = Math.max(fracLen, frac.length);
    }
    plan.padLeft = intLen;
    plan.padRight = fracLen;
    plan.unique = unique;
    if (fixed || o.floatmode === 'maxprec_equal') {
      plan.precision = fracLen;
      plan.minDigits = fracLen;
      plan.trim = 'k';
    } else {
      plan.minDigits = 0;
    }
  }
  return plan;
}

/** Floats of one array, aligned on the decimal point (NumPy's FloatingFormat). */
function floatFormatter(kind: FloatKind, values: ArrayLike<number>, o: Readonly<PrintOptions>): ElementFormatter {
  const finite: number[] = [];
  let hasNonFinite = false;
  let hasNegInf = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) finite.push(v);
    else {
      hasNonFinite = true;
      if (v === -Infinity) hasNegInf = true;
    }
  }
  const plan = planFloats(kind, finite, o);
  if (o.sign === ' ' && !finite.some((v) => v < 0 || Object.is(v, -0))) plan.padLeft += 1;
  if (hasNonFinite) {
    const negInf = o.sign !== '-' || hasNegInf;
    const offset = plan.padRight + 1;
    plan.padLeft = Math.max(plan.padLeft, o.nanstr.length - offset, o.infstr.length + (negInf ? 1 : 0) - offset);
  }
  const width = plan.padLeft + plan.padRight + 1;
  const plus = o.sign === '+';
  const layout = floatLayout({
    precision: plan.precision,
    minDigits: plan.minDigits,
    unique: plan.unique,
    trim: plan.trim,
    sign: plus,
    padLeft: plan.padLeft,
    padRight: plan.exp ? -1 : plan.padRight,
    expDigits: plan.exp ? plan.expSize : -1,
  });
  const format = plan.exp ? scientific : positional;
  return (x) => {
    const v = x as number;
    if (Number.isNaN(v)) return ((plus ? '+' : '') + o.nanstr).padStart(width);
    if (!Number.isFinite(v)) return ((v < 0 ? '-' : plus ? '+' : '') + o.infstr).padStart(width);
    return format(v, kind, layout);
  };
}

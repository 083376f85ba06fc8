/**
 * Print options: NumPy's `set_printoptions` / `get_printoptions` / `printoptions`, one
 * module-level record read by every formatter. Defaults are NumPy's.
 */
import { ValueError } from '../errors.js';

/** How many digits floats get (NumPy's `floatmode`). */
export type FloatMode = 'fixed' | 'unique' | 'maxprec' | 'maxprec_equal';

/** The print options (NumPy's names; `linewidth` is NumPy's `linewidth`). */
export interface PrintOptions {
  /** Digits after the point for floats (default 8). */
  precision: number;
  /** Arrays with more elements than this are summarised with `...` (default 1000). */
  threshold: number;
  /** Items kept at each end of a summarised axis (default 3). */
  edgeitems: number;
  /** Characters per line before wrapping (default 75). */
  linewidth: number;
  /** Print small floats in positional notation, rounded at `precision` (default false). */
  suppress: boolean;
  /** Text of NaN (default `'nan'`). */
  nanstr: string;
  /** Text of infinity (default `'inf'`). */
  infstr: string;
  /** Sign of positive values: `'-'` none (default), `'+'` a plus, `' '` a space. */
  sign: '-' | '+' | ' ';
  /** How many float digits (default `'maxprec'`). */
  floatmode: FloatMode;
}

const DEFAULTS: PrintOptions = Object.freeze({
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  nanstr: 'nan',
  infstr: 'inf',
  sign: '-',
  floatmode: 'maxprec',
});

let current: PrintOptions = { ...DEFAULTS };

/** The options in force (the live record: read-only for callers). */
export function currentOptions(): Readonly<PrintOptions> {
  return current;
}

const FLOAT_MODES: readonly FloatMode[] = ['fixed', 'unique', 'maxprec', 'maxprec_equal'];

function nonNegativeInt(x: unknown, name: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x)) throw new TypeError(`${name} must be an integer`);
  if (x < 0) throw new ValueError(`${name} must be >= 0`);
  return x;
}

/** Checks `o` and returns the options it sets (NumPy's `_make_options_dict`). */
function validate(o: Partial<PrintOptions>): Partial<PrintOptions> {
  const out: Partial<PrintOptions> = {};
  if (o.precision !== undefined) out.precision = nonNegativeInt(o.precision, 'precision');
  if (o.threshold !== undefined) {
    if (typeof o.threshold !== 'number') throw new TypeError('threshold must be numeric');
    if (Number.isNaN(o.threshold)) throw new ValueError('threshold must be non-NAN, try sys.maxsize for untruncated representation');
    out.threshold = o.threshold;
  }
  if (o.edgeitems !== undefined) out.edgeitems = nonNegativeInt(o.edgeitems, 'edgeitems');
  if (o.linewidth !== undefined) out.linewidth = nonNegativeInt(o.linewidth, 'linewidth');
  if (o.suppress !== undefined) out.suppress = Boolean(o.suppress);
  if (o.nanstr !== undefined) out.nanstr = String(o.nanstr);
  if (o.infstr !== undefined) out.infstr = String(o.infstr);
  if (o.sign !== undefined) {
    if (o.sign !== '-' && o.sign !== '+' && o.sign !== ' ') throw new ValueError("sign option must be one of ' ', '+', or '-'");
    out.sign = o.sign;
  }
  if (o.floatmode !== undefined) {
    if (!FLOAT_MODES.includes(o.floatmode)) {
      throw new ValueError(`floatmode option must be one of ${FLOAT_MODES.map((m) => `"${m}"`).join(', ')}`);
    }
    out.floatmode = o.floatmode;
  }
  return out;
}

/**
 * Sets print options for every later `String(a)`, `a.repr()` and `console.log(a)`; options
 * not given keep their value. NumPy's `np.set_printoptions` (keywords `precision`,
 * `threshold`, `edgeitems`, `linewidth`, `suppress`, `nanstr`, `infstr`, `sign`,
 * `floatmode`; no `formatter`, `legacy` or `override_repr`). Use `Infinity` where NumPy
 * users pass `sys.maxsize` as `threshold`. Differences: a negative or non-integer
 * `precision`, `edgeitems` or `linewidth` throws here (NumPy fails later, when printing, or
 * not at all).
 *
 * @example
 * np.setPrintoptions({ precision: 3 });
 * String(np.array([Math.PI])); // '[3.142]'
 * np.setPrintoptions({ precision: 8 });
 */
export function setPrintoptions(options: Partial<PrintOptions> = {}): void {
  current = { ...current, ...validate(options) };
}

/**
 * The print options in force, as a fresh object. NumPy's `np.get_printoptions`.
 *
 * @example
 * np.getPrintoptions().precision; // 8
 */
export function getPrintoptions(): PrintOptions {
  return { ...current };
}

/**
 * Runs `fn` with the given print options and restores the previous ones afterwards (also
 * when `fn` throws), returning what `fn` returns. NumPy's `with np.printoptions(...):`.
 *
 * @example
 * const s = np.printoptions({ precision: 2 }, () => String(np.array([2 / 3]))); // '[0.67]'
 */
export function printoptions<T>(options: Partial<PrintOptions>, fn: () => T): T {
  const saved = current;
  current = { ...current, ...validate(options) };
  try {
    return fn();
  } finally {
    current = saved;
  }
}

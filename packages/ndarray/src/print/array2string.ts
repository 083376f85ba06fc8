/**
 * Arrays as text: NumPy's `array2string`, `array_str` and `array_repr`.
 *
 * The shown elements are first copied into a small C-order array (for a summarised array
 * only the `edgeitems` corners of every long axis, block by block through `assign`), the
 * element formatter is built from them, and the nested brackets are laid out with NumPy's
 * rules: rows wrap at the line width with a hanging indent, `...` stands for each hidden
 * middle, and blocks of higher axes are separated by `axes - 1` blank lines.
 */
import type { NDArray } from '../ndarray.js';
import type { DType } from '../dtype/dtypes.js';
import { shapeStrSpaced } from '../errors.js';
import { assign, emptyArray, copyOf } from '../ops/assign.js';
import { view } from '../ops/shape.js';
import { floatScalarStr } from './format-float.js';
import { makeFormatter, type ElementFormatter } from './formatters.js';
import { currentOptions, type PrintOptions } from './options.js';

/** The elements an array shows and, per axis, which of them and where `...` goes. */
interface Shown {
  /** C-order copy of the elements the formatter sees. */
  values: NDArray;
  /** Per axis: indices into `values` that are printed, in order. */
  items: number[][];
  /** Per axis: `...` goes before `items[axis][at]`; -1 for none. */
  ellipsisAt: number[];
}

/**
 * Picks the shown elements. As NumPy, an axis longer than `2 * edge` keeps its first and
 * last `edge` items; with `edge = 0` NumPy's slice `a[-0:]` keeps the whole axis for the
 * formatter while only the last item is printed.
 */
function shownElements(a: NDArray, summarize: boolean, edge: number): Shown {
  const nd = a.ndim;
  const cut = a.shape.map((n) => summarize && n > 2 * edge);
  const items: number[][] = [];
  const ellipsisAt: number[] = [];
  for (let d = 0; d < nd; d++) {
    const n = a.shape[d]!;
    if (!cut[d]) {
      items.push(Array.from({ length: n }, (_, i) => i));
      ellipsisAt.push(-1);
    } else if (edge === 0) {
      items.push([n - 1]);
      ellipsisAt.push(0);
    } else {
      items.push(Array.from({ length: 2 * edge }, (_, i) => i));
      ellipsisAt.push(edge);
    }
  }
  const cutAxes = cut.flatMap((c, d) => (c && edge > 0 ? [d] : []));
  if (cutAxes.length === 0) return { values: copyOf(a), items, ellipsisAt };
  const shape = a.shape.map((n, d) => (cut[d] && edge > 0 ? 2 * edge : n));
  const values = emptyArray(shape, a.dtype);
  const blockShape = shape.map((n, d) => (cut[d] && edge > 0 ? edge : n));
  // one block per choice of (leading, trailing) along each cut axis
  for (let mask = 0; mask < 2 ** cutAxes.length; mask++) {
    let src = a.offset;
    let dst = 0;
    cutAxes.forEach((d, k) => {
      if ((mask >> k) & 1) {
        src += (a.shape[d]! - edge) * a.strides[d]!;
        dst += edge * values.strides[d]!;
      }
    });
    assign(view(values, blockShape, values.strides, dst), view(a, blockShape, a.strides, src), false);
  }
  return { values, items, ellipsisAt };
}

/** Appends `word` to `line`, first moving to a new line when it would pass `width`. */
function extendLine(out: string[], line: string, word: string, width: number, indent: string): string {
  // a line holding nothing but the indent is never wrapped: that would not help
  if (line.length + word.length > width && line.length > indent.length) {
    out.push(line.trimEnd() + '\n');
    line = indent;
  }
  return line + word;
}

/** Lays out the nested brackets (NumPy's `_formatArray`). */
function layout(shown: Shown, fmt: ElementFormatter, lineWidth: number, indent: string, separator: string): string {
  const data = shown.values.data as ArrayLike<number | bigint>;
  const strides = shown.values.strides;
  const nd = strides.length;
  const sepEnd = separator.trimEnd();

  const recurse = (axis: number, offset: number, hanging: string, width: number): string => {
    if (axis === nd) return fmt(data[offset]!);
    const items = shown.items[axis]!;
    const at = shown.ellipsisAt[axis]!;
    const step = strides[axis]!;
    const nextHanging = hanging + ' ';
    const nextWidth = width - 1;
    const last = items.length - 1;
    let s: string;
    if (axis === nd - 1) {
      const elemWidth = width - Math.max(sepEnd.length, 1);
      const out: string[] = [];
      let line = hanging;
      items.forEach((idx, k) => {
        if (k === at) line = extendLine(out, line, '...', elemWidth, hanging) + separator;
        line = extendLine(out, line, recurse(axis + 1, offset + idx * step, nextHanging, nextWidth), elemWidth, hanging);
        if (k < last) line += separator;
      });
      out.push(line);
      s = out.join('');
    } else {
      const lineSep = sepEnd + '\n'.repeat(nd - axis - 1);
      const parts: string[] = [];
      items.forEach((idx, k) => {
        if (k === at) parts.push(hanging + '...' + lineSep);
        parts.push(hanging + recurse(axis + 1, offset + idx * step, nextHanging, nextWidth) + (k < last ? lineSep : ''));
      });
      s = parts.join('');
    }
    return '[' + s.slice(hanging.length) + ']';
  };
  return recurse(0, shown.values.offset, indent, lineWidth);
}

/** Options of {@link array2string}: NumPy's keywords, camelCased, over the print options. */
export interface Array2StringOptions extends Partial<PrintOptions> {
  /** Characters per line (NumPy's `max_line_width`; default: the `linewidth` option). */
  maxLineWidth?: number;
  /** Alias of `suppress` (NumPy's `suppress_small`). */
  suppressSmall?: boolean;
  /** Between elements (default `' '`). */
  separator?: string;
  /** Text the result will follow: continuation lines are indented by its length. */
  prefix?: string;
  /** Text the result will be followed by: the last line leaves room for it. */
  suffix?: string;
}

function resolveOptions(o: Array2StringOptions): PrintOptions {
  const base = currentOptions();
  const merged: PrintOptions = { ...base };
  for (const k of Object.keys(base) as (keyof PrintOptions)[]) {
    if (o[k] !== undefined) (merged as unknown as Record<string, unknown>)[k] = o[k];
  }
  if (o.maxLineWidth !== undefined) merged.linewidth = o.maxLineWidth;
  if (o.suppressSmall !== undefined) merged.suppress = o.suppressSmall;
  return merged;
}

function render(a: NDArray, o: Readonly<PrintOptions>, separator: string, prefix: string, suffix: string): string {
  if (a.size === 0) return '[]';
  const summarize = a.size > o.threshold;
  const shown = shownElements(a, summarize, o.edgeitems);
  const fmt = makeFormatter(a.dtype, shown.values.data as ArrayLike<number | bigint>, a.ndim === 0, o);
  return layout(shown, fmt, o.linewidth - suffix.length, ' ' + ' '.repeat(prefix.length), separator);
}

/**
 * The elements of `a` as nested brackets, without `array(...)`: NumPy's
 * `np.array2string`. Print options apply unless overridden in `options`; the `formatter`
 * and `legacy` keywords are not supported.
 *
 * @example
 * np.array2string(np.array([1.5, 2, 3]), { separator: ', ' }); // '[1.5, 2. , 3. ]'
 */
export function array2string(a: NDArray, options: Array2StringOptions = {}): string {
  return render(a, resolveOptions(options), options.separator ?? ' ', options.prefix ?? '', options.suffix ?? '');
}

/** Options of {@link arrayStr} and {@link arrayRepr} (NumPy's keywords, camelCased). */
export interface ArrayPrintOptions {
  maxLineWidth?: number;
  precision?: number;
  suppressSmall?: boolean;
}

function overrides(o: ArrayPrintOptions): Array2StringOptions {
  const r: Array2StringOptions = {};
  if (o.maxLineWidth !== undefined) r.maxLineWidth = o.maxLineWidth;
  if (o.precision !== undefined) r.precision = o.precision;
  if (o.suppressSmall !== undefined) r.suppressSmall = o.suppressSmall;
  return r;
}

/** `str()` of one element of a 0-d array: the scalar's own text. */
function scalarStr(x: number | bigint, dtype: DType): string {
  if (dtype === 'bool') return x ? 'True' : 'False';
  if (dtype === 'float64' || dtype === 'float32') return floatScalarStr(x as number, dtype);
  return String(x);
}

/**
 * NumPy's `str(a)` (`np.array_str`): the elements in nested brackets separated by spaces,
 * summarised past the `threshold` option; a 0-d array prints as its scalar.
 * `String(a)` gives the same text.
 *
 * @example
 * np.arrayStr(np.array([[1, 2], [3, 4]])); // '[[1 2]\n [3 4]]'
 */
export function arrayStr(a: NDArray, options: ArrayPrintOptions = {}): string {
  if (a.ndim === 0) return scalarStr((a.data as ArrayLike<number | bigint>)[a.offset]!, a.dtype);
  return array2string(a, overrides(options));
}

/** dtypes NumPy on Linux leaves out of a repr: their values imply them. */
const IMPLIED: ReadonlySet<DType> = new Set<DType>(['float64', 'bool', 'int64']);

/**
 * NumPy's `repr(a)` (`np.array_repr`) as NumPy on Linux prints it: `array([...])` with
 * comma separators, then `shape=` for empty and summarised arrays and `dtype=` for every
 * dtype but float64, bool and int64 (and for any empty array). `a.repr()` and
 * `console.log(a)` give the same text.
 *
 * @example
 * np.arrayRepr(np.array([1, 2, 3])); // 'array([1, 2, 3], dtype=int32)'
 */
export function arrayRepr(a: NDArray, options: ArrayPrintOptions = {}): string {
  const o = resolveOptions(overrides(options));
  const prefix = 'array(';
  const body = render(a, o, ', ', prefix, ')');
  const extras: string[] = [];
  if ((a.size === 0 && !(a.ndim === 1 && a.shape[0] === 0)) || a.size > o.threshold) extras.push(`shape=${shapeStrSpaced(a.shape)}`);
  if (!IMPLIED.has(a.dtype) || a.size === 0) extras.push(`dtype=${a.dtype}`);
  if (extras.length === 0) return `${prefix}${body})`;
  const head = `${prefix}${body},`;
  const tail = `${extras.join(', ')})`;
  const lastLine = head.length - (head.lastIndexOf('\n') + 1);
  const spacer = lastLine + tail.length + 1 > o.linewidth ? '\n' + ' '.repeat(prefix.length) : ' ';
  return head + spacer + tail;
}

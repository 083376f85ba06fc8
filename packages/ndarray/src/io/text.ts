/**
 * Text tables: `fromText` parses what `np.loadtxt` reads and `toText` produces what
 * `np.savetxt` writes, on strings, so both work in browsers; the Node entry's `loadtxt`
 * and `savetxt` add the file. Semantics follow NumPy 2's C reader (checked against it):
 * universal newlines, comments cut first, blank lines skipped, whitespace or a
 * one-character delimiter, fields stripped of whitespace for numbers, strict number
 * syntax per dtype, NumPy's row/column numbers in error messages.
 */
import type { NDArray } from '../ndarray.js';
import { DTYPES, toDType, type DType, type DTypeLike, type TypedArray } from '../dtype/dtypes.js';
import { DTypeError, ValueError } from '../errors.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { emptyArray, copyOf } from '../ops/assign.js';
import { squeeze, transpose, reshape } from '../ops/shape.js';
import { formatValue, parseFormat, type FormatPiece, type ValueKind } from './printf.js';

/** Options of {@link fromText} and `loadtxt` (NumPy's keywords, camelCased). */
export interface LoadtxtOptions {
  /** Element type; default `'float64'`. */
  dtype?: DTypeLike;
  /** Comment markers (text from one to the end of the line is ignored); default `'#'`; `null` for none. */
  comments?: string | readonly string[] | null;
  /** One-character field separator; default `null`: any run of whitespace. */
  delimiter?: string | null;
  /** Lines to skip at the start (comment and blank lines count); default 0. */
  skiprows?: number;
  /** Columns to read (negative counts from the end); default all. */
  usecols?: number | readonly number[] | null;
  /** Transpose the result, so `const [x, y] = np.fromText(s, { unpack: true })` works. */
  unpack?: boolean;
  /** Minimum number of dimensions of the result: 0 (default), 1 or 2. */
  ndmin?: 0 | 1 | 2;
  /** Read at most this many data rows (blank and comment lines do not count). */
  maxRows?: number | null;
}

const WHITESPACE_RUNS = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const FLOAT_RE = /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;
const INT_RE = /^[+-]?\d+$/;

/** Python's `str.isspace` for one UTF-16 code unit (what NumPy's reader splits and strips on). */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20) || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** `s` without leading and trailing whitespace (a loop: a regex here would be quadratic on long runs). */
function strip(s: string): string {
  let i = 0;
  let j = s.length;
  while (i < j && isSpace(s.charCodeAt(i))) i++;
  while (j > i && isSpace(s.charCodeAt(j - 1))) j--;
  return i === 0 && j === s.length ? s : s.slice(i, j);
}

/** Parses one field as `dtype`, or returns undefined (the caller reports NumPy's error). */
function parseField(field: string, dtype: DType): number | bigint | undefined {
  const s = strip(field);
  const info = DTYPES[dtype];
  if (info.kind === 'f') {
    if (!FLOAT_RE.test(s)) return undefined;
    const lower = s.toLowerCase().replace(/^[+-]/, '');
    const neg = s[0] === '-';
    let v: number;
    if (lower === 'nan') v = NaN;
    else if (lower === 'inf' || lower === 'infinity') v = neg ? -Infinity : Infinity;
    else v = Number(s);
    return info.itemsize === 4 ? Math.fround(v) : v;
  }
  if (!INT_RE.test(s)) return undefined;
  const b = BigInt(s);
  if (info.kind === 'b') return b !== 0n ? 1 : 0;
  if (b < BigInt(info.min) || b > BigInt(info.max)) return undefined;
  return info.bigint ? b : Number(b);
}

function checkNonNegInt(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x)) throw new ValueError(`${what} must be an integer`);
  if (x < 0) throw new ValueError('argument must be nonnegative');
  return x;
}

/**
 * Parses a text table (NumPy's `np.loadtxt` on the text): one row per line, fields split
 * on whitespace or `delimiter`, every field converted to `dtype` (default float64). The
 * result is squeezed to the fewest dimensions (a single row or column gives 1-d, a single
 * value 0-d) unless `ndmin` asks for more, and transposed when `unpack` is set.
 *
 * Throws `ValueError` with NumPy's messages: `could not convert string 'x' to float64 at
 * row 0, column 2.`, `the number of columns changed from 2 to 3 at row 2; use `usecols`
 * ...`, `invalid column index 5 at row 1 with 2 columns`. Deviations: `converters`,
 * `quotechar`, `encoding` and structured dtypes are not supported; invalid option types
 * throw `ValueError` where NumPy raises `TypeError`.
 *
 * @example
 * np.fromText('1 2\n3 4').tolist(); // [[1, 2], [3, 4]]
 * np.fromText('a,b\n1,2', { delimiter: ',', skiprows: 1, dtype: 'int32' }).tolist(); // [1, 2]
 */
export function fromText(text: string, options: LoadtxtOptions = {}): NDArray {
  if (typeof text !== 'string') throw new ValueError('fromText expects a string');
  const dtype = toDType(options.dtype ?? 'float64');
  const ndmin = options.ndmin ?? 0;
  if (ndmin !== 0 && ndmin !== 1 && ndmin !== 2) throw new ValueError(`Illegal value of ndmin keyword: ${String(ndmin)}`);
  const delimiter = options.delimiter ?? null;
  if (delimiter !== null && (typeof delimiter !== 'string' || [...delimiter].length !== 1)) {
    throw new ValueError(`Text reading control character must be a single unicode character or None; but got: '${String(delimiter)}'`);
  }
  let comments: string[] = [];
  const c = options.comments === undefined ? '#' : options.comments;
  if (c !== null) {
    comments = typeof c === 'string' ? [c] : [...c];
    if (comments.includes('')) throw new ValueError('comments cannot be an empty string. Use comments=None to disable comments.');
    if (delimiter !== null && comments.length === 1 && comments[0] === delimiter) {
      throw new ValueError("The values for control characters 'comment' and 'delimiter' are incompatible");
    }
    if (delimiter !== null && comments.length > 1 && comments.includes(delimiter)) {
      throw new ValueError(`Comment characters '(${comments.map((m) => `'${m}'`).join(', ')})' cannot include the delimiter '${delimiter}'`);
    }
  }
  const skiprows = checkNonNegInt(options.skiprows ?? 0, 'skiprows');
  const maxRows = options.maxRows === undefined || options.maxRows === null ? -1 : checkNonNegInt(options.maxRows, 'maxRows');
  let usecols: number[] | null = null;
  if (options.usecols !== undefined && options.usecols !== null) {
    usecols = typeof options.usecols === 'number' ? [options.usecols] : [...options.usecols];
    for (const u of usecols) {
      if (typeof u !== 'number' || !Number.isInteger(u)) {
        throw new ValueError(`usecols must be an int or a sequence of ints but it contains at least one element of type '${typeof u}'`);
      }
    }
  }

  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const values: (number | bigint)[] = [];
  let ncols = -1;
  let rows = 0;
  for (let li = skiprows; li < lines.length && rows !== maxRows; li++) {
    let line = lines[li]!;
    for (const m of comments) {
      const at = line.indexOf(m);
      if (at >= 0) line = line.slice(0, at);
    }
    let fields: string[];
    if (delimiter === null) {
      const t = strip(line);
      if (t === '') continue;
      fields = t.split(WHITESPACE_RUNS);
    } else {
      if (line === '') continue;
      fields = line.split(delimiter);
    }
    const convert = (k: number): void => {
      const v = parseField(fields[k]!, dtype);
      if (v === undefined) throw new ValueError(`could not convert string '${fields[k]}' to ${dtype} at row ${rows}, column ${k + 1}.`);
      values.push(v);
    };
    if (usecols === null) {
      if (ncols === -1) ncols = fields.length;
      else if (fields.length !== ncols) {
        throw new ValueError(`the number of columns changed from ${ncols} to ${fields.length} at row ${rows + 1}; use \`usecols\` to select a subset and avoid this error`);
      }
      for (let k = 0; k < fields.length; k++) convert(k);
    } else {
      // NumPy checks and converts the selected columns in the order given
      ncols = usecols.length;
      for (const u of usecols) {
        const k = u < 0 ? u + fields.length : u;
        if (k < 0 || k >= fields.length) throw new ValueError(`invalid column index ${u} at row ${rows + 1} with ${fields.length} columns`);
        convert(k);
      }
    }
    rows++;
  }
  if (ncols === -1) ncols = usecols === null ? 1 : usecols.length;
  const out = emptyArray([rows, ncols], dtype);
  const data = out.data as unknown as { [i: number]: number | bigint };
  for (let i = 0; i < values.length; i++) data[i] = values[i]!;
  let arr: NDArray = out;
  if (arr.ndim > ndmin) arr = squeeze(arr);
  if (arr.ndim < ndmin) arr = ndmin === 1 ? reshape(arr, [1]) : transpose(reshape(arr, [1, -1]));
  return options.unpack === true ? transpose(arr) : arr;
}

/** Options of {@link toText} and `savetxt` (NumPy's keywords, camelCased). */
export interface SavetxtOptions {
  /**
   * Python `%`-format for each element (`'%.18e'`, the default), a format with one
   * conversion per column (`'%d,%.3f'`), or a list of one format per column.
   */
  fmt?: string | readonly string[];
  /** Between columns; default `' '`. */
  delimiter?: string;
  /** After each line; default `'\n'`. */
  newline?: string;
  /** Text written first, each line prefixed with `comments`; default none. */
  header?: string;
  /** Text written last, each line prefixed with `comments`; default none. */
  footer?: string;
  /** Prefix of header and footer lines; default `'# '`. */
  comments?: string;
}

function pyListStr(x: readonly string[]): string {
  return `[${x.map((s) => `'${s}'`).join(', ')}]`;
}

/**
 * The text `np.savetxt` writes for a 1-d or 2-d array (a 1-d array is one column),
 * byte for byte: Python `%`-formatting per element (see `fmt`), `delimiter` between
 * columns, `newline` after each row, an optional `header` and `footer` behind `comments`.
 *
 * Throws `ValueError` for arrays of other ranks (`Expected 1D or 2D array, got 3D array
 * instead`), a format with the wrong number of conversions, and NaN/inf under `%d`;
 * `DTypeError` (NumPy's `TypeError`) when a format does not fit the dtype (`%x` of floats).
 *
 * @example
 * np.toText(np.array([[1, 2], [3, 4]]), { fmt: '%d', delimiter: ',' }); // '1,2\n3,4\n'
 */
export function toText(a: ArrayLike, options: SavetxtOptions = {}): string {
  let x = asarray(a);
  if (x.ndim === 0 || x.ndim > 2) throw new ValueError(`Expected 1D or 2D array, got ${x.ndim}D array instead`);
  if (x.ndim === 1) x = reshape(x, [-1, 1]);
  const ncol = x.shape[1]!;
  const fmt = options.fmt ?? '%.18e';
  const delimiter = options.delimiter ?? ' ';
  const newline = options.newline ?? '\n';
  const comments = options.comments ?? '# ';
  let format: string;
  if (Array.isArray(fmt)) {
    if (fmt.length !== ncol) throw new ValueError(`fmt has wrong shape.  ${pyListStr(fmt as string[])}`);
    format = fmt.join(delimiter);
  } else if (typeof fmt === 'string') {
    const n = fmt.split('%').length - 1;
    if (n === 1) format = Array<string>(ncol).fill(fmt).join(delimiter);
    else if (n !== ncol) throw new ValueError(`fmt has wrong number of % formats:  ${fmt}`);
    else format = fmt;
  } else throw new ValueError(`invalid fmt: ${String(fmt)}`);
  const pieces: FormatPiece[] = parseFormat(format);
  const nspecs = pieces.filter((p) => typeof p !== 'string').length;
  const mismatch = (): DTypeError => new DTypeError(`Mismatch between array dtype ('${x.dtype}') and format specifier ('${format}')`);
  if (nspecs !== ncol && x.shape[0]! > 0) throw mismatch();
  const info = DTYPES[x.dtype];
  const kind: ValueKind = info.kind === 'f' ? (x.dtype as 'float32' | 'float64') : info.kind === 'b' ? 'bool' : 'int';
  const c = copyOf(x, x.dtype, 'C');
  const data = c.data as TypedArray as unknown as { readonly [i: number]: number | bigint };
  let out = '';
  const header = options.header ?? '';
  if (header.length > 0) out += comments + header.replaceAll('\n', '\n' + comments) + newline;
  const rows = x.shape[0]!;
  let k = 0;
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (const p of pieces) {
      if (typeof p === 'string') line += p;
      else {
        try {
          line += formatValue(p, data[k++]!, kind);
        } catch (e) {
          if (e instanceof DTypeError) throw mismatch();
          throw e;
        }
      }
    }
    out += line + newline;
  }
  const footer = options.footer ?? '';
  if (footer.length > 0) out += comments + footer.replaceAll('\n', '\n' + comments) + newline;
  return out;
}

/**
 * A small, strict parser of the Python literals a `.npy` header is made of, in place of
 * NumPy's `ast.literal_eval`: strings, integers (with Python 2's `L` suffix), floats (only
 * so that a bad header can be reported), `True`/`False`/`None`, tuples, lists and dicts.
 * Nothing is evaluated; nesting is bounded, so hostile input cannot overflow the stack;
 * every failure is a `ValueError` (`Cannot parse header: '...'`, as NumPy says).
 */
import { ValueError } from '../errors.js';

/** A parsed Python literal. Integers keep every digit (a `bigint`). */
export type PyLiteral =
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'float'; readonly text: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'none' }
  | { readonly kind: 'tuple'; readonly items: readonly PyLiteral[] }
  | { readonly kind: 'list'; readonly items: readonly PyLiteral[] }
  | { readonly kind: 'dict'; readonly entries: readonly (readonly [PyLiteral, PyLiteral])[] };

/** Deepest nesting accepted; a real header nests two levels. */
const MAX_DEPTH = 32;

/** Python's `repr` of a string: single quotes unless the text has one and no double quote. */
export function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += '\\' + q;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

/** Longest repr put in an error message; past it the text is cut with `...`. */
const MAX_REPR = 500;

/** `s`, cut to a length fit for an error message. */
export function brief(s: string): string {
  return s.length <= MAX_REPR ? s : s.slice(0, MAX_REPR) + '...';
}

/** Python's `repr` of a parsed literal (for NumPy's error messages). */
export function pyRepr(v: PyLiteral): string {
  switch (v.kind) {
    case 'str':
      return pyStrRepr(v.value);
    case 'int':
      return v.value.toString();
    case 'float':
      return v.text;
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'tuple':
      return v.items.length === 1 ? `(${pyRepr(v.items[0]!)},)` : `(${v.items.map(pyRepr).join(', ')})`;
    case 'list':
      return `[${v.items.map(pyRepr).join(', ')}]`;
    case 'dict':
      return `{${v.entries.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  r: '\r',
  t: '\t',
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\n': '',
};

/** Parses one Python literal that fills `text` (surrounding whitespace allowed). */
export function parsePyLiteral(text: string): PyLiteral {
  let pos = 0;
  const fail = (): never => {
    throw new ValueError(`Cannot parse header: ${brief(pyStrRepr(text))}`);
  };
  const skipSpace = (): void => {
    while (pos < text.length) {
      const c = text[pos]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') pos++;
      else if (c === '#') {
        // a Python comment runs to the end of the line
        while (pos < text.length && text[pos] !== '\n') pos++;
      } else break;
    }
  };
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
  const isNameChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

  const parseString = (): PyLiteral => {
    const quote = text[pos]!;
    pos++;
    let out = '';
    for (;;) {
      if (pos >= text.length) fail();
      const c = text[pos]!;
      if (c === quote) {
        pos++;
        return { kind: 'str', value: out };
      }
      if (c === '\n') fail();
      if (c === '\\') {
        const e = text[pos + 1];
        if (e === undefined) fail();
        const simple = SIMPLE_ESCAPES[e!];
        if (simple !== undefined && Object.prototype.hasOwnProperty.call(SIMPLE_ESCAPES, e!)) {
          out += simple;
          pos += 2;
        } else if (e === 'x' || e === 'u') {
          const n = e === 'x' ? 2 : 4;
          const hex = text.slice(pos + 2, pos + 2 + n);
          if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) fail();
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 2 + n;
        } else {
          out += '\\'; // Python keeps unknown escapes as written
          pos++;
        }
        continue;
      }
      out += c;
      pos++;
    }
  };

  const parseNumber = (): PyLiteral => {
    const start = pos;
    if (text[pos] === '+' || text[pos] === '-') {
      pos++;
      skipSpace(); // Python's unary minus may be followed by spaces
    }
    const numStart = pos;
    while (isDigit(text[pos])) pos++;
    let isFloat = false;
    if (text[pos] === '.') {
      isFloat = true;
      pos++;
      while (isDigit(text[pos])) pos++;
    }
    if (pos === numStart || (pos === numStart + 1 && isFloat)) fail();
    if (text[pos] === 'e' || text[pos] === 'E') {
      isFloat = true;
      pos++;
      if (text[pos] === '+' || text[pos] === '-') pos++;
      if (!isDigit(text[pos])) fail();
      while (isDigit(text[pos])) pos++;
    }
    const raw = text.slice(start, pos).replace(/\s+/g, '');
    if (isFloat) {
      if (isNameChar(text[pos])) fail();
      return { kind: 'float', text: raw };
    }
    const digits = text.slice(numStart, pos);
    // Python 3 rejects leading zeros ("01"); Python 2 headers may end ints with L
    if (digits.length > 1 && digits[0] === '0' && /[1-9]/.test(digits)) fail();
    if (text[pos] === 'L' || text[pos] === 'l') pos++;
    if (isNameChar(text[pos])) fail();
    return { kind: 'int', value: BigInt(raw) };
  };

  const parseSequence = (close: string, depth: number): { items: PyLiteral[]; trailingComma: boolean } => {
    const items: PyLiteral[] = [];
    let trailingComma = false;
    skipSpace();
    if (text[pos] === close) {
      pos++;
      return { items, trailingComma };
    }
    for (;;) {
      items.push(parseValue(depth + 1));
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        skipSpace();
        trailingComma = true;
        if (text[pos] === close) {
          pos++;
          return { items, trailingComma };
        }
        trailingComma = false;
        continue;
      }
      if (text[pos] === close) {
        pos++;
        return { items, trailingComma };
      }
      return fail();
    }
  };

  const parseValue = (depth: number): PyLiteral => {
    if (depth > MAX_DEPTH) fail();
    skipSpace();
    const c = text[pos];
    if (c === undefined) return fail();
    if (c === "'" || c === '"') return parseString();
    if (c === '(') {
      pos++;
      const { items, trailingComma } = parseSequence(')', depth);
      // `(x)` is just x in Python; a tuple of one needs the comma
      if (items.length === 1 && !trailingComma) return items[0]!;
      return { kind: 'tuple', items };
    }
    if (c === '[') {
      pos++;
      return { kind: 'list', items: parseSequence(']', depth).items };
    }
    if (c === '{') {
      pos++;
      const entries: [PyLiteral, PyLiteral][] = [];
      skipSpace();
      if (text[pos] === '}') {
        pos++;
        return { kind: 'dict', entries };
      }
      for (;;) {
        const key = parseValue(depth + 1);
        skipSpace();
        if (text[pos] !== ':') fail();
        pos++;
        entries.push([key, parseValue(depth + 1)]);
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          skipSpace();
          if (text[pos] === '}') {
            pos++;
            return { kind: 'dict', entries };
          }
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return { kind: 'dict', entries };
        }
        fail();
      }
    }
    if (c === '+' || c === '-' || isDigit(c) || (c === '.' && isDigit(text[pos + 1]))) return parseNumber();
    for (const [word, lit] of [
      ['True', { kind: 'bool', value: true }],
      ['False', { kind: 'bool', value: false }],
      ['None', { kind: 'none' }],
    ] as const) {
      if (text.startsWith(word, pos) && !isNameChar(text[pos + word.length])) {
        pos += word.length;
        return lit;
      }
    }
    return fail();
  };

  const value = parseValue(0);
  skipSpace();
  if (pos !== text.length) fail();
  return value;
}

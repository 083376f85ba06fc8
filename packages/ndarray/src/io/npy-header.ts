/**
 * The `.npy` header (NumPy's `numpy/lib/format.py`): the magic string, the version, the
 * header length and the Python dict literal `{'descr': '<f8', 'fortran_order': False,
 * 'shape': (3, 4), }`, written byte for byte as NumPy writes it and read with the strict
 * literal parser of `py-literal.ts` (never `eval`), with NumPy's error messages.
 */
import { DTYPES, isDType, type DType } from '../dtype/dtypes.js';
import { ValueError } from '../errors.js';
import { brief, parsePyLiteral, pyRepr as fullRepr, pyStrRepr, type PyLiteral } from './py-literal.js';

/** A literal's repr, cut for an error message. */
const pyRepr = (v: PyLiteral): string => brief(fullRepr(v));

/** `\x93NUMPY`, the first six bytes of every `.npy` file. */
export const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59] as const;
/** Length of the magic string plus the two version bytes. */
const MAGIC_LEN = 8;
/** NumPy aligns the start of the data to this many bytes. */
const ARRAY_ALIGN = 64;
/** NumPy pads the header so the growth axis can take this many digits (`len(str(8*2**64-1))`). */
const GROWTH_AXIS_MAX_DIGITS = 21;
/** NumPy's (and numbat's) limit on the number of dimensions. */
const MAX_DIMS = 64;

/** The `.npy` format versions: 1.0 (2-byte header length), 2.0 (4-byte), 3.0 (4-byte, UTF-8 header). */
export type NpyVersion = 1 | 2 | 3;

/** A parsed header: the element type and its byte order, the layout and the shape. */
export interface NpyHeader {
  readonly dtype: DType;
  /** The data is big-endian (`'>'`); `'|'` and `'='` count as little-endian hosts do. */
  readonly bigEndian: boolean;
  readonly fortranOrder: boolean;
  readonly shape: readonly number[];
  /** Byte offset of the first data byte. */
  readonly dataOffset: number;
}

const KIND_OF: Readonly<Record<string, DType>> = {
  b1: 'bool',
  i1: 'int8',
  u1: 'uint8',
  i2: 'int16',
  u2: 'uint16',
  i4: 'int32',
  u4: 'uint32',
  i8: 'int64',
  u8: 'uint64',
  f4: 'float32',
  f8: 'float64',
};

/** NumPy's one-character type codes that name a numbat dtype. */
const CHAR_CODES: Readonly<Record<string, DType>> = {
  '?': 'bool',
  b: 'int8',
  B: 'uint8',
  h: 'int16',
  H: 'uint16',
  i: 'int32',
  I: 'uint32',
  q: 'int64',
  Q: 'uint64',
  f: 'float32',
  d: 'float64',
};

/** The `descr` NumPy writes for a numbat dtype (`dtype.str`): `'<f8'`, `'|b1'`, `'|u1'`. */
export function descrOf(dtype: DType): string {
  const info = DTYPES[dtype];
  const code = (info.kind === 'b' ? 'b' : info.kind) + info.itemsize;
  return (info.itemsize === 1 ? '|' : '<') + code;
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function unsupportedDescr(descr: string): ValueError {
  return new ValueError(
    `cannot load dtype ${brief(pyStrRepr(descr))}: numbat supports bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32 and float64`,
  );
}

/** NumPy type characters that take a size (`'<f8'`, `'<U5'`) and those that stand alone (`'d'`, `'O'`). */
const SIZED_KINDS = 'biufcOSUVMma';
const CHAR_KINDS = '?bBhHiIlLqQpPnNefdgFDGOSUVMmT';

/** Maps a `descr` string to a numbat dtype and byte order, or throws a clear `ValueError`. */
export function parseDescr(descr: string): { dtype: DType; bigEndian: boolean } {
  if (isDType(descr)) return { dtype: descr, bigEndian: false };
  const m = /^([<>|=]?)([A-Za-z?])(\d*)(\[\w+\])?$/.exec(descr);
  if (m === null) throw new ValueError(`descr is not a valid dtype descriptor: ${brief(pyStrRepr(descr))}`);
  const [, order, kind, size] = m as unknown as [string, string, string, string];
  if (kind === 'O') throw new ValueError('Object arrays cannot be loaded when allow_pickle=False');
  const key = kind + size;
  let dtype: DType | undefined;
  if (size === '' && own(CHAR_CODES, kind)) dtype = CHAR_CODES[kind];
  else if (own(KIND_OF, key)) dtype = KIND_OF[key];
  if (dtype !== undefined) return { dtype, bigEndian: order === '>' && DTYPES[dtype].itemsize > 1 };
  if ((size === '' && CHAR_KINDS.includes(kind)) || (size !== '' && SIZED_KINDS.includes(kind))) throw unsupportedDescr(descr);
  throw new ValueError(`descr is not a valid dtype descriptor: ${brief(pyStrRepr(descr))}`);
}

/** Python's `repr` of a shape tuple: `()`, `(3,)`, `(3, 4)`. */
function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * The header bytes NumPy's `write_array` writes for an array (magic, version, length,
 * dict, padding, newline): the oldest version that can hold it unless `version` is given.
 */
export function buildHeader(dtype: DType, fortranOrder: boolean, shape: readonly number[], version?: NpyVersion): Uint8Array {
  let dict = `{'descr': '${descrOf(dtype)}', 'fortran_order': ${fortranOrder ? 'True' : 'False'}, 'shape': ${shapeRepr(shape)}, }`;
  if (shape.length > 0) {
    dict += ' '.repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - String(shape[fortranOrder ? shape.length - 1 : 0]).length));
  }
  const text = new TextEncoder().encode(dict); // ASCII: every version encodes it alike
  const wrap = (v: NpyVersion): Uint8Array | null => {
    const lenBytes = v === 1 ? 2 : 4;
    const hlen = text.length + 1;
    const padlen = ARRAY_ALIGN - ((MAGIC_LEN + lenBytes + hlen) % ARRAY_ALIGN);
    const total = hlen + padlen;
    if (v === 1 && total > 0xffff) return null;
    const out = new Uint8Array(MAGIC_LEN + lenBytes + total);
    out.set(NPY_MAGIC);
    out[6] = v;
    out[7] = 0;
    const dv = new DataView(out.buffer);
    if (v === 1) dv.setUint16(8, total, true);
    else dv.setUint32(8, total, true);
    out.set(text, MAGIC_LEN + lenBytes);
    out.fill(0x20, MAGIC_LEN + lenBytes + text.length, out.length - 1);
    out[out.length - 1] = 0x0a;
    return out;
  };
  if (version !== undefined) {
    const h = wrap(version);
    if (h === null) throw new ValueError(`Header length ${text.length + 1} too big for version=(${version}, 0)`);
    return h;
  }
  return wrap(1) ?? wrap(2)!;
}

function hex(bytes: Uint8Array): string {
  let s = "b'";
  for (const b of bytes) s += b >= 0x20 && b < 0x7f && b !== 0x27 && b !== 0x5c ? String.fromCharCode(b) : '\\x' + b.toString(16).padStart(2, '0');
  return s + "'";
}

/** True when `bytes` starts with NumPy's `.npy` magic string. */
export function hasNpyMagic(bytes: Uint8Array): boolean {
  return NPY_MAGIC.every((b, i) => bytes[i] === b);
}

function readBytesError(what: string, expected: number, got: number): ValueError {
  return new ValueError(`EOF: reading ${what}, expected ${expected} bytes got ${Math.max(0, got)}`);
}

/** Checks the header dict and turns it into a shape, an order and a dtype (NumPy's checks and messages). */
function interpretDict(d: PyLiteral): Omit<NpyHeader, 'dataOffset'> {
  if (d.kind !== 'dict') throw new ValueError(`Header is not a dictionary: ${pyRepr(d)}`);
  const values = new Map<string, PyLiteral>();
  for (const [k, v] of d.entries) values.set(k.kind === 'str' ? k.value : `\u0000${fullRepr(k)}`, v);
  const keys = [...values.keys()];
  const expected = ['descr', 'fortran_order', 'shape'];
  if (keys.length !== 3 || !expected.every((k) => values.has(k))) {
    const reprs = keys.map((k) => (k.startsWith('\u0000') ? k.slice(1) : pyStrRepr(k))).sort();
    throw new ValueError(`Header does not contain the correct keys: ${brief(`[${reprs.join(', ')}]`)}`);
  }
  const shapeLit = values.get('shape')!;
  if (shapeLit.kind !== 'tuple' || !shapeLit.items.every((x) => x.kind === 'int' || x.kind === 'bool')) {
    throw new ValueError(`shape is not valid: ${pyRepr(shapeLit)}`);
  }
  const order = values.get('fortran_order')!;
  if (order.kind !== 'bool') throw new ValueError(`fortran_order is not a valid bool: ${pyRepr(order)}`);
  const descr = values.get('descr')!;
  if (descr.kind === 'list') throw new ValueError(`cannot load structured dtype ${pyRepr(descr)}: numbat arrays hold one numeric dtype`);
  if (descr.kind === 'tuple') throw new ValueError(`cannot load sub-array dtype ${pyRepr(descr)}: numbat arrays hold one numeric dtype`);
  if (descr.kind !== 'str') throw new ValueError(`descr is not a valid dtype descriptor: ${pyRepr(descr)}`);
  const { dtype, bigEndian } = parseDescr(descr.value);
  if (shapeLit.items.length > MAX_DIMS) {
    throw new ValueError(`maximum supported dimension for an ndarray is currently ${MAX_DIMS}, found ${shapeLit.items.length}`);
  }
  const shape: number[] = [];
  for (const item of shapeLit.items) {
    // Python's bool is an int: NumPy accepts (True, 2) as the shape (1, 2)
    const v = item.kind === 'int' ? item.value : item.kind === 'bool' && item.value ? 1n : 0n;
    if (v < 0n) throw new ValueError('negative dimensions are not allowed');
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw arrayTooBig();
    shape.push(Number(v));
  }
  return { dtype, bigEndian, fortranOrder: order.value, shape };
}

/** NumPy's message for a shape whose byte size does not fit in memory. */
export function arrayTooBig(): ValueError {
  return new ValueError('array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.');
}

/**
 * Reads and checks the header at the start of `bytes`: magic, version, length, the dict.
 * Throws `ValueError` with NumPy's message for each problem.
 */
export function readHeader(bytes: Uint8Array): NpyHeader {
  if (bytes.length < MAGIC_LEN) throw readBytesError('magic string', MAGIC_LEN, bytes.length);
  if (!hasNpyMagic(bytes)) {
    throw new ValueError(`the magic string is not correct; expected b'\\x93NUMPY', got ${hex(bytes.subarray(0, 6))}`);
  }
  const major = bytes[6]!;
  const minor = bytes[7]!;
  if ((major !== 1 && major !== 2 && major !== 3) || minor !== 0) {
    throw new ValueError(`we only support format version (1,0), (2,0), and (3,0), not (${major}, ${minor})`);
  }
  const lenBytes = major === 1 ? 2 : 4;
  if (bytes.length < MAGIC_LEN + lenBytes) throw readBytesError('array header length', lenBytes, bytes.length - MAGIC_LEN);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hlen = lenBytes === 2 ? dv.getUint16(MAGIC_LEN, true) : dv.getUint32(MAGIC_LEN, true);
  const start = MAGIC_LEN + lenBytes;
  if (bytes.length - start < hlen) throw readBytesError('array header', hlen, bytes.length - start);
  const raw = bytes.subarray(start, start + hlen);
  let text: string;
  if (major === 3) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      throw new ValueError('the .npy header is not valid UTF-8');
    }
  } else {
    text = '';
    for (let i = 0; i < raw.length; i += 8192) text += String.fromCharCode(...raw.subarray(i, i + 8192)); // latin-1
  }
  return { ...interpretDict(parsePyLiteral(text)), dataOffset: start + hlen };
}

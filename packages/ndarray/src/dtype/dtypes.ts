/**
 * The one dtype table: name -> storage, kind, size and range. Every other module asks
 * this table; nothing else spells out per-dtype facts.
 */

import { DTypeError } from '../errors.js';

/** The dtypes of numbat: NumPy's names. `bool` is stored as 0/1 in a `Uint8Array`. */
export type DType =
  | 'bool'
  | 'int8'
  | 'uint8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64'
  | 'float32'
  | 'float64';

/** dtypes whose elements are JS numbers (all but int64/uint64, whose elements are bigints). */
export type NumberDType = Exclude<DType, 'int64' | 'uint64'>;

/** dtypes stored in a `BigInt64Array` / `BigUint64Array`. */
export type BigIntDType = 'int64' | 'uint64';

/** Every TypedArray numbat stores elements in. */
export type TypedArray =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/** TypedArrays whose elements are numbers. */
export type NumberTypedArray = Exclude<TypedArray, BigInt64Array | BigUint64Array>;

/** NumPy's kind character: `b` bool, `i` signed, `u` unsigned, `f` float. */
export type DTypeKind = 'b' | 'i' | 'u' | 'f';

type TypedArrayCtor = {
  new (length: number): TypedArray;
  new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): TypedArray;
  readonly BYTES_PER_ELEMENT: number;
};

/** Facts about one dtype. */
export interface DTypeInfo {
  readonly name: DType;
  readonly kind: DTypeKind;
  /** Bytes per element. */
  readonly itemsize: number;
  /** The TypedArray constructor that stores it. */
  readonly ctor: TypedArrayCtor;
  /** Elements are bigints (int64, uint64). */
  readonly bigint: boolean;
  /** Smallest and largest representable value (finite range for floats). */
  readonly min: number | bigint;
  readonly max: number | bigint;
  /** NumPy's one-letter type code, used in messages. */
  readonly char: string;
}

function info(
  name: DType,
  kind: DTypeKind,
  itemsize: number,
  ctor: TypedArrayCtor,
  min: number | bigint,
  max: number | bigint,
  char: string,
): DTypeInfo {
  return { name, kind, itemsize, ctor, bigint: kind !== 'f' && itemsize === 8, min, max, char };
}

/** The table. Order is NumPy's type-number order, used wherever "smallest first" matters. */
export const DTYPES: { readonly [K in DType]: DTypeInfo } = {
  bool: info('bool', 'b', 1, Uint8Array, 0, 1, '?'),
  int8: info('int8', 'i', 1, Int8Array, -128, 127, 'b'),
  uint8: info('uint8', 'u', 1, Uint8Array, 0, 255, 'B'),
  int16: info('int16', 'i', 2, Int16Array, -32768, 32767, 'h'),
  uint16: info('uint16', 'u', 2, Uint16Array, 0, 65535, 'H'),
  int32: info('int32', 'i', 4, Int32Array, -2147483648, 2147483647, 'i'),
  uint32: info('uint32', 'u', 4, Uint32Array, 0, 4294967295, 'I'),
  int64: info('int64', 'i', 8, BigInt64Array, -(2n ** 63n), 2n ** 63n - 1n, 'l'),
  uint64: info('uint64', 'u', 8, BigUint64Array, 0n, 2n ** 64n - 1n, 'L'),
  float32: info('float32', 'f', 4, Float32Array, -3.4028234663852886e38, 3.4028234663852886e38, 'f'),
  float64: info('float64', 'f', 8, Float64Array, -Number.MAX_VALUE, Number.MAX_VALUE, 'd'),
};

/** All dtype names, in NumPy's type order. */
export const DTYPE_NAMES: readonly DType[] = Object.keys(DTYPES) as DType[];

/** The default float dtype (NumPy's). */
export const DEFAULT_FLOAT: DType = 'float64';
/** The default integer dtype: int32 (API.md: as JAX; NumPy's is int64). */
export const DEFAULT_INT: DType = 'int32';

/** True when `x` names a dtype. */
export function isDType(x: unknown): x is DType {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(DTYPES, x);
}

/** Aliases NumPy accepts for dtype names, mapped to numbat's names. */
const ALIASES: Readonly<Record<string, DType>> = {
  bool_: 'bool',
  float: 'float64',
  double: 'float64',
  single: 'float32',
  int: 'int32',
  f8: 'float64',
  f4: 'float32',
  i1: 'int8',
  u1: 'uint8',
  i2: 'int16',
  u2: 'uint16',
  i4: 'int32',
  u4: 'uint32',
  i8: 'int64',
  u8: 'uint64',
  b1: 'bool',
  '?': 'bool',
};

/** Anything accepted where a dtype is expected: a name or an alias such as `'f4'`. */
export type DTypeLike = DType | string;

/**
 * Resolves a dtype name or alias (`'float32'`, `'f4'`, `'double'`) to a {@link DType};
 * throws `DTypeError` for anything else, as `np.dtype('x')` raises `TypeError`.
 */
export function toDType(x: DTypeLike): DType {
  if (isDType(x)) return x;
  if (typeof x === 'string' && Object.prototype.hasOwnProperty.call(ALIASES, x)) return ALIASES[x]!;
  throw new DTypeError(`data type '${String(x)}' not understood`);
}

/** Arrays of more than this many bytes get an ArrayBuffer of their own. */
const POOL_MAX_BYTES = 4096;
/** Arrays of at most this many bytes live in V8's heap already (cheap to allocate). */
const ON_HEAP_BYTES = 64;
/** Size of one slab of the pool. */
const SLAB_BYTES = 1 << 16;
let slab: ArrayBuffer | null = null;
let slabUsed = SLAB_BYTES;

/**
 * Allocates a zeroed TypedArray for `n` elements of `dtype`.
 *
 * Small arrays (65 bytes to 4 KB) are views into a shared 64 KB slab, as Node's `Buffer`
 * pool does: a new ArrayBuffer costs about 0.6-1 us in V8 (an off-heap allocation), a view
 * into a slab about 50 ns. Slabs are never reused (a fresh slab is zeroed and each region is
 * handed out once), and a slab is freed when the last array viewing it is collected. So
 * `a.data.buffer` may hold other arrays too: use `a.data.byteOffset`/`byteLength` with it,
 * and do not transfer it to a worker (that would detach the other arrays of the slab);
 * `sharesBuffer` compares byte ranges.
 */
export function allocate(dtype: DType, n: number): TypedArray {
  const info = DTYPES[dtype];
  const bytes = n * info.itemsize;
  if (bytes <= ON_HEAP_BYTES || bytes > POOL_MAX_BYTES) return new info.ctor(n);
  let at = slabUsed;
  if (at + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    at = 0;
  }
  slabUsed = (at + bytes + 7) & ~7; // the next array starts 8-byte aligned
  return new info.ctor(slab!, at, n);
}

/** Node's Buffer, when present: its `allocUnsafeSlow` gives memory without zero-filling it. */
const NodeBuffer = (globalThis as { Buffer?: { allocUnsafeSlow(size: number): Uint8Array } }).Buffer;

/** Below this many bytes a zero-filled allocation costs no more. */
const UNINIT_MIN_BYTES = 1 << 16;

/**
 * A TypedArray for `n` elements of `dtype` that the caller overwrites entirely before
 * anyone reads it: from 64 KB on Node, uninitialised memory (`Buffer.allocUnsafeSlow`, an
 * ArrayBuffer of its own, not Node's pool), which skips zeroing 8 MB per 1e6-element
 * float64 result; elsewhere, or smaller, {@link allocate}.
 */
export function allocateForOverwrite(dtype: DType, n: number): TypedArray {
  const info = DTYPES[dtype];
  const bytes = n * info.itemsize;
  if (NodeBuffer === undefined || bytes < UNINIT_MIN_BYTES) return allocate(dtype, n);
  const b = NodeBuffer.allocUnsafeSlow(bytes);
  return new info.ctor(b.buffer as ArrayBuffer, b.byteOffset, n);
}

/** The dtype a TypedArray's elements have (a `Uint8Array` is `uint8`). */
export function dtypeOfTypedArray(a: TypedArray | Uint8ClampedArray): DType {
  if (a instanceof Float64Array) return 'float64';
  if (a instanceof Float32Array) return 'float32';
  if (a instanceof Int32Array) return 'int32';
  if (a instanceof Uint32Array) return 'uint32';
  if (a instanceof Int16Array) return 'int16';
  if (a instanceof Uint16Array) return 'uint16';
  if (a instanceof Int8Array) return 'int8';
  if (a instanceof Uint8Array || a instanceof Uint8ClampedArray) return 'uint8';
  if (a instanceof BigInt64Array) return 'int64';
  return 'uint64';
}

/** True for TypedArrays numbat can wrap. */
export function isTypedArray(x: unknown): x is TypedArray {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

/**
 * Machine limits of the dtypes (API.md "Porting essentials"): `finfo` for float32 and
 * float64, `iinfo` for the integer dtypes, as NumPy's `np.finfo` / `np.iinfo` with the
 * field names camelCased. Values are the exact float32/float64 values as JS numbers
 * (bigints for the 64-bit integer limits).
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, isTypedArray, toDType, dtypeOfTypedArray, type DType, type DTypeLike, type TypedArray } from '../dtype/dtypes.js';
import { defaultDTypeOf } from '../dtype/promotion.js';
import { ValueError } from '../errors.js';
import { floatScalarStr } from '../print/format-float.js';

/** What `finfo`/`iinfo` accept: a dtype name, an array (its dtype), a TypedArray, or a JS scalar (its default dtype). */
export type DTypeSpec = DTypeLike | NDArray | TypedArray | number | boolean | bigint;

/** NumPy's scalar type names, for `finfo`'s message. */
const SCALAR_TYPE: Record<DType, string> = {
  bool: 'bool',
  int8: 'int8',
  uint8: 'uint8',
  int16: 'int16',
  uint16: 'uint16',
  int32: 'int32',
  uint32: 'uint32',
  int64: 'int64',
  uint64: 'uint64',
  float32: 'float32',
  float64: 'float64',
};

function resolve(x: DTypeSpec): DType {
  if (x instanceof NDArray) return x.dtype;
  if (isTypedArray(x)) return dtypeOfTypedArray(x);
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint') return defaultDTypeOf(x);
  return toDType(x);
}

/** Machine limits of a float dtype: NumPy's `finfo` fields, camelCased. */
export interface FInfo {
  /** Bits per element. */
  readonly bits: number;
  /** The dtype described. */
  readonly dtype: 'float32' | 'float64';
  /** Difference between 1.0 and the next representable float above it. */
  readonly eps: number;
  /** Difference between 1.0 and the next representable float below it. */
  readonly epsneg: number;
  /** Bits in the exponent. */
  readonly iexp: number;
  /** Exponent of `eps` (`eps == 2 ** machep`). */
  readonly machep: number;
  /** Largest finite value. */
  readonly max: number;
  /** Smallest exponent giving an overflow. */
  readonly maxexp: number;
  /** Most negative finite value (`-max`). */
  readonly min: number;
  /** Exponent of the smallest normal value. */
  readonly minexp: number;
  /** Exponent of `epsneg`. */
  readonly negep: number;
  /** Bits in the exponent including its sign and bias (NumPy's `nexp`). */
  readonly nexp: number;
  /** Bits in the mantissa. */
  readonly nmant: number;
  /** Approximate number of exact decimal digits. */
  readonly precision: number;
  /** Approximate decimal resolution, `10 ** -precision` (rounded to the dtype). */
  readonly resolution: number;
  /** Smallest positive normal value. */
  readonly smallestNormal: number;
  /** Smallest positive subnormal value. */
  readonly smallestSubnormal: number;
  /** Alias of `smallestNormal`. */
  readonly tiny: number;
  /** NumPy's `repr`: `finfo(resolution=1e-06, min=-3.4028235e+38, max=3.4028235e+38, dtype=float32)`. */
  toString(): string;
}

const FINFO: Record<'float32' | 'float64', Omit<FInfo, 'toString'>> = {
  float32: {
    bits: 32,
    dtype: 'float32',
    eps: 2 ** -23,
    epsneg: 2 ** -24,
    iexp: 8,
    machep: -23,
    max: DTYPES.float32.max as number,
    maxexp: 128,
    min: DTYPES.float32.min as number,
    minexp: -126,
    negep: -24,
    nexp: 8,
    nmant: 23,
    precision: 6,
    resolution: Math.fround(1e-6),
    smallestNormal: 2 ** -126,
    smallestSubnormal: 2 ** -149,
    tiny: 2 ** -126,
  },
  float64: {
    bits: 64,
    dtype: 'float64',
    eps: 2 ** -52,
    epsneg: 2 ** -53,
    iexp: 11,
    machep: -52,
    max: Number.MAX_VALUE,
    maxexp: 1024,
    min: -Number.MAX_VALUE,
    minexp: -1022,
    negep: -53,
    nexp: 11,
    nmant: 52,
    precision: 15,
    resolution: 1e-15,
    smallestNormal: 2 ** -1022,
    smallestSubnormal: 5e-324,
    tiny: 2 ** -1022,
  },
};

/**
 * Machine limits of a float dtype (`np.finfo`): `eps`, `max`, `min`, `tiny`
 * (`smallestNormal`), `smallestSubnormal`, `resolution`, `precision`, `bits`, ... as
 * NumPy's fields camelCased. Takes a dtype name, an array or TypedArray (its dtype; NumPy
 * takes dtypes and scalars only), or a JS number (float64). An integer or bool dtype
 * throws NumPy's `ValueError` (`data type <class 'numpy.int32'> not inexact`).
 *
 * @example
 * np.finfo('float32').eps; // 1.1920928955078125e-7
 * np.finfo('float64').max; // 1.7976931348623157e+308
 */
export function finfo(dtype: DTypeSpec): FInfo {
  const d = resolve(dtype);
  if (d !== 'float32' && d !== 'float64') throw new ValueError(`data type <class 'numpy.${SCALAR_TYPE[d]}'> not inexact`);
  const f = FINFO[d];
  const kind = d;
  return Object.freeze({
    ...f,
    toString: () => `finfo(resolution=${floatScalarStr(f.resolution, kind)}, min=${floatScalarStr(f.min, kind)}, max=${floatScalarStr(f.max, kind)}, dtype=${d})`,
  });
}

/** Machine limits of an integer dtype: NumPy's `iinfo` fields. */
export interface IInfo {
  /** Bits per element. */
  readonly bits: number;
  /** The dtype described. */
  readonly dtype: DType;
  /** NumPy's kind character: `'i'` signed, `'u'` unsigned. */
  readonly kind: 'i' | 'u';
  /** Smallest value (a bigint for int64/uint64). */
  readonly min: number | bigint;
  /** Largest value (a bigint for int64/uint64). */
  readonly max: number | bigint;
  /** NumPy's `repr`: `iinfo(min=-128, max=127, dtype=int8)`. */
  toString(): string;
}

/**
 * Machine limits of an integer dtype (`np.iinfo`): `min`, `max` (bigints for int64 and
 * uint64), `bits`, `kind`, `dtype`. Takes a dtype name, an array or TypedArray (its dtype),
 * or a JS integer (int32, numbat's default integer; NumPy: int64). A float or bool dtype
 * throws NumPy's `ValueError` (`Invalid integer data type 'f'.`).
 *
 * @example
 * np.iinfo('int16').max; // 32767
 * np.iinfo('uint8').min; // 0
 */
export function iinfo(dtype: DTypeSpec): IInfo {
  const d = resolve(dtype);
  const info = DTYPES[d];
  if (info.kind !== 'i' && info.kind !== 'u') throw new ValueError(`Invalid integer data type '${info.kind}'.`);
  const { min, max } = info;
  return Object.freeze({
    bits: info.itemsize * 8,
    dtype: d,
    kind: info.kind,
    min,
    max,
    toString: () => `iinfo(min=${min}, max=${max}, dtype=${d})`,
  });
}

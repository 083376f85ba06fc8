/**
 * The public dtype functions: `resultType`, `promoteTypes`, `canCast`, `astype`,
 * `isdtype`. Thin front ends over `dtype/`: argument parsing and NumPy's messages here,
 * every rule there (promotion.ts decides, cast.ts converts through `copyOf`).
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, dtypeOfTypedArray, isTypedArray, toDType, type DType, type DTypeLike, type TypedArray } from '../dtype/dtypes.js';
import {
  canCast as canCastDType,
  promoteTypes as promoteDTypes,
  resultTypeWeak,
  weakKindOf,
  type Casting,
  type WeakKind,
} from '../dtype/promotion.js';
import { arrayCastError, castingArgError, DTypeError, ValueError } from '../errors.js';
import { asarray, isScalar, type ArrayLike, type Scalar } from './convert.js';
import { copyOf } from './assign.js';

const CASTINGS: readonly Casting[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];

function checkCasting(casting: unknown): Casting {
  if (!CASTINGS.includes(casting as Casting)) throw castingArgError(casting);
  return casting as Casting;
}

/** What {@link resultType} accepts: a dtype name, an array (or TypedArray), or a JS scalar. */
export type DTypeSource = DTypeLike | NDArray | TypedArray | Scalar;

/**
 * The dtype NumPy 2 gives an operation on these operands (`np.result_type`): arrays and
 * dtype names are strong; JS numbers, booleans and bigints are weak scalars (NEP 50),
 * judged by kind, never by value: `resultType('uint8', 300)` is uint8 (the add itself
 * would throw `OverflowError`). The rule is n-ary, not a chain of pairs:
 * `resultType('int8', 'uint16', 'float32')` is float32 although
 * `promoteTypes(promoteTypes('int8', 'uint16'), 'float32')` is float64.
 * With scalars only, each takes its default dtype: int32 for an integer (NumPy's default
 * int is int64), float64 for a float, bool for a boolean.
 *
 * @example
 * np.resultType('int8', 'uint8'); // 'int16'
 * np.resultType(np.array([1, 2], { dtype: 'float32' }), 2.5); // 'float32'
 * np.resultType('int32', 2.5); // 'float64'
 */
export function resultType(...args: DTypeSource[]): DType {
  if (args.length === 0) throw new ValueError('at least one array or dtype is required');
  const strong: DType[] = [];
  const weak: WeakKind[] = [];
  for (const x of args) {
    if (x instanceof NDArray) strong.push(x.dtype);
    else if (isScalar(x)) weak.push(weakKindOf(x));
    else if (isTypedArray(x)) strong.push(dtypeOfTypedArray(x));
    else if (typeof x === 'string') strong.push(toDType(x));
    else throw new DTypeError(`Cannot interpret '${String(x)}' as a data type`);
  }
  return resultTypeWeak(strong, weak);
}

/**
 * The smallest dtype both `type1` and `type2` cast to safely (`np.promote_types`), e.g.
 * int8 and uint8 give int16, int64 and uint64 give float64. Takes dtype names only
 * (NumPy: "Cannot construct a dtype from an array").
 *
 * @example
 * np.promoteTypes('int32', 'float32'); // 'float64'
 * np.promoteTypes('f4', 'uint8'); // 'float32'
 */
export function promoteTypes(type1: DTypeLike, type2: DTypeLike): DType {
  return promoteDTypes([dtypeArg(type1), dtypeArg(type2)]);
}

function dtypeArg(x: unknown): DType {
  if (x instanceof NDArray || isTypedArray(x)) throw new DTypeError('Cannot construct a dtype from an array');
  if (typeof x !== 'string') throw new DTypeError(`Cannot interpret '${String(x)}' as a data type`);
  return toDType(x);
}

/**
 * Whether values of `from` (a dtype name, or an array's dtype) can be cast to `to` under
 * `casting` (`np.can_cast`): `'no'`/`'equiv'` only to itself, `'safe'` (default) when
 * every value is kept (int16 -> float32 yes, int32 -> float32 no, any integer -> float64
 * yes), `'same_kind'` also within or up a kind (float64 -> float32, int64 -> int8),
 * `'unsafe'` always. JS scalars throw as in NumPy 2, whose answer no longer depends on a
 * value.
 *
 * @example
 * np.canCast('int16', 'float32'); // true
 * np.canCast('float64', 'float32', 'same_kind'); // true
 * np.canCast(np.array([1, 2]), 'uint8'); // false (int32 -> uint8 is not safe)
 */
export function canCast(from: DTypeLike | NDArray, to: DTypeLike, casting: Casting = 'safe'): boolean {
  let f: DType;
  if (from instanceof NDArray) f = from.dtype;
  else if (isScalar(from)) {
    throw new DTypeError(
      'can_cast() does not support Python ints, floats, and complex because the result used to depend on the value.\n' +
        'This change was part of adopting NEP 50, we may explicitly allow them again in the future.',
    );
  } else f = dtypeArg(from);
  return canCastDType(f, dtypeArg(to), checkCasting(casting));
}

/** Options of {@link astype}. */
export interface AstypeOptions {
  /** Copy even when nothing changes (default true); with false, `a` itself may be returned. */
  copy?: boolean;
  /**
   * Memory order of the result: 'C', 'F', or 'K'/'A' (default 'K'): Fortran order when
   * `a` is Fortran- but not C-contiguous, else C order. (NumPy's 'K' also keeps other
   * axis orders; numbat picks between C and F.)
   */
  order?: 'C' | 'F' | 'A' | 'K';
  /** Refuse casts that `canCast(a.dtype, dtype, casting)` rejects (default 'unsafe'). */
  casting?: Casting;
}

/**
 * `a` converted to `dtype` (`a.astype(dtype)`): a new array unless `copy: false` and
 * nothing needs to change. Values convert as NumPy's C casts do: float to integer
 * truncates toward zero; integers wrap modulo 2**bits (int32 300 -> uint8 44); anything to
 * bool is "nonzero" (NaN is true); float64 to float32 rounds to nearest (overflowing to
 * ±Infinity); bool to numbers gives 0/1.
 *
 * Where C leaves the result undefined (NaN, ±Infinity, or a float whose integral part
 * the integer dtype cannot hold), NumPy gives a platform-defined value (on x86: the
 * minimum of int32/int64, 0 for narrower types). numbat gives: for dtypes up to 32 bits,
 * NaN and ±Infinity -> 0 and finite values wrapped modulo 2**bits (JS's ToInt32 rule);
 * for int64/uint64, NumPy's x86 values (the int64 minimum; 2**63 for uint64).
 *
 * @example
 * np.astype(np.array([1.7, -1.7]), 'int32'); // [1, -1]
 * np.astype(np.array([300, -1]), 'uint8'); // [44, 255]
 * np.astype(np.array([0, 0.5, NaN]), 'bool'); // [false, true, true]
 */
export function astype(a: ArrayLike, dtype: DTypeLike, options: AstypeOptions = {}): NDArray {
  const x = asarray(a);
  const to = toDType(dtype);
  const casting = checkCasting(options.casting ?? 'unsafe');
  if (!canCastDType(x.dtype, to, casting)) throw arrayCastError(x.dtype, to, casting);
  const order = options.order ?? 'K';
  const fortran = order === 'F' || ((order === 'K' || order === 'A') && x.flags.fContiguous && !x.flags.cContiguous);
  if (options.copy === false && to === x.dtype) {
    const fits = order === 'C' ? x.flags.cContiguous : order === 'F' ? x.flags.fContiguous : true;
    if (fits) return x;
  }
  return copyOf(x, to, fortran ? 'F' : 'C');
}

/** What {@link isdtype} tests against: a NumPy kind name, a dtype, or a list of them. */
export type DTypeKindName = 'bool' | 'signed integer' | 'unsigned integer' | 'integral' | 'real floating' | 'complex floating' | 'numeric';

const KIND_NAMES: Readonly<Record<DTypeKindName, (d: DType) => boolean>> = {
  bool: (d) => DTYPES[d].kind === 'b',
  'signed integer': (d) => DTYPES[d].kind === 'i',
  'unsigned integer': (d) => DTYPES[d].kind === 'u',
  integral: (d) => DTYPES[d].kind === 'i' || DTYPES[d].kind === 'u',
  'real floating': (d) => DTYPES[d].kind === 'f',
  'complex floating': () => false,
  numeric: (d) => DTYPES[d].kind !== 'b',
};

/**
 * Whether `dtype` is of `kind` (`np.isdtype`, the array-API kind test): a kind name
 * (`'bool'`, `'signed integer'`, `'unsigned integer'`, `'integral'`, `'real floating'`,
 * `'complex floating'`, `'numeric'`), a dtype name (exact match), or an array of these (any
 * matches). numbat's dtypes are names, so `dtype` is a string (NumPy wants a dtype object).
 *
 * @example
 * np.isdtype('int8', 'integral'); // true
 * np.isdtype('float32', ['bool', 'signed integer']); // false
 */
export function isdtype(dtype: DTypeLike, kind: DTypeKindName | DTypeLike | readonly (DTypeKindName | DTypeLike)[]): boolean {
  const d = toDType(dtype);
  const kinds = typeof kind === 'string' ? [kind] : kind;
  return kinds.some((k) => {
    if (Object.prototype.hasOwnProperty.call(KIND_NAMES, k)) return KIND_NAMES[k as DTypeKindName](d);
    let kd: DType;
    try {
      kd = toDType(k);
    } catch {
      throw new ValueError(`kind argument is a string, but '${k}' is not a known kind name.`);
    }
    return kd === d;
  });
}

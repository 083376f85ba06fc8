/**
 * Type promotion: NumPy 2's casting rules and its n-ary `result_type`, with JS numbers as
 * NEP 50 weak scalars. The only place that decides what dtype a result has.
 *
 * NumPy's `result_type` is not associative (`int8, uint16, float32` gives float32 although
 * `(int8 + uint16) + float32` gives float64). Its n-ary rule, checked here against NumPy for
 * every pair, triple and quadruple of dtypes: within the highest category present among
 * the inputs (bool < integer < float), take the smallest dtype that every input casts to
 * safely; if that category has none (int64 with uint64), move up a category.
 */
import { DTYPES, DTYPE_NAMES, DEFAULT_FLOAT, DEFAULT_INT, type DType, type DTypeKind } from './dtypes.js';
import { DTypeError } from '../errors.js';

/** NumPy's casting rules, as in `np.can_cast(from, to, casting)`. */
export type Casting = 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe';

const SAME_KIND_ORDER: Record<DTypeKind, number> = { b: 0, u: 1, i: 2, f: 3 };

function safeCast(from: DType, to: DType): boolean {
  if (from === to) return true;
  const a = DTYPES[from];
  const b = DTYPES[to];
  if (a.kind === 'b') return true;
  if (b.kind === 'b') return false;
  if (b.kind === 'f') {
    if (a.kind === 'f') return b.itemsize >= a.itemsize;
    // integers of up to 16 bits fit float32's 24-bit mantissa; NumPy counts every
    // integer as safely castable to float64
    return b.itemsize === 8 || a.itemsize <= 2;
  }
  if (a.kind === 'f') return false;
  if (a.kind === b.kind) return b.itemsize >= a.itemsize;
  if (a.kind === 'u') return b.itemsize > a.itemsize; // unsigned into a wider signed
  return false; // signed into unsigned
}

/** `np.can_cast(from, to, casting)` for dtypes; `casting` defaults to `'safe'`. */
export function canCast(from: DType, to: DType, casting: Casting = 'safe'): boolean {
  switch (casting) {
    case 'no':
    case 'equiv':
      return from === to;
    case 'safe':
      return safeCast(from, to);
    case 'same_kind':
      return safeCast(from, to) || SAME_KIND_ORDER[DTYPES[from].kind] <= SAME_KIND_ORDER[DTYPES[to].kind];
    case 'unsafe':
      return true;
  }
}

function category(d: DType): number {
  const k = DTYPES[d].kind;
  return k === 'b' ? 0 : k === 'f' ? 2 : 1;
}

/** The n-ary promotion of concrete dtypes (NumPy 2's `np.result_type` on dtypes). */
export function promoteTypes(dtypes: readonly DType[]): DType {
  if (dtypes.length === 0) throw new DTypeError('at least one array or dtype is required');
  const first = dtypes[0]!;
  let allSame = true;
  let cat = 0;
  for (const d of dtypes) {
    if (d !== first) allSame = false;
    cat = Math.max(cat, category(d));
  }
  if (allSame) return first;
  for (let c = cat; c <= 2; c++) {
    // DTYPE_NAMES is in size order within each category, so the first dtype every input
    // casts to safely is the least one (NumPy's table has no ties here)
    for (const cand of DTYPE_NAMES) {
      if (category(cand) === c && dtypes.every((d) => safeCast(d, cand))) return cand;
    }
  }
  return 'float64'; // unreachable: float64 accepts everything safely
}

/** The kind a JS scalar has as a NEP 50 weak value: bool, Python int or Python float. */
export type WeakKind = 'bool' | 'int' | 'float';

/** The weak kind of a JS value: integral numbers (and bigints) act as Python ints. */
export function weakKindOf(x: number | boolean | bigint): WeakKind {
  if (typeof x === 'boolean') return 'bool';
  if (typeof x === 'bigint') return 'int';
  return Number.isInteger(x) ? 'int' : 'float';
}

/**
 * The dtype a JS scalar gets on its own (`np.asarray(x)`): bool, int32 when it fits
 * (int64, uint64 beyond; float64 past uint64's range), float64 otherwise.
 */
export function defaultDTypeOf(x: number | boolean | bigint): DType {
  if (typeof x === 'boolean') return 'bool';
  if (typeof x === 'bigint') {
    if (x >= -(2n ** 63n) && x < 2n ** 63n) return 'int64';
    return 'uint64';
  }
  if (!Number.isInteger(x)) return DEFAULT_FLOAT;
  if (x >= -2147483648 && x <= 2147483647) return DEFAULT_INT;
  if (x >= -9223372036854775808 && x < 9223372036854775808) return 'int64';
  if (x >= 0 && x < 18446744073709551616) return 'uint64';
  return DEFAULT_FLOAT;
}

/**
 * NEP 50 promotion of arrays' dtypes with weak JS scalars: a weak scalar never widens an
 * array's dtype within its category (`int8 + 1` is int8, `float32 * 2.5` is float32); a
 * weak int joins bool arrays as the default int, a weak float joins bool or integer
 * arrays as the default float. With no arrays, every scalar takes its own default dtype.
 */
export function resultTypeWeak(dtypes: readonly DType[], weak: readonly WeakKind[]): DType {
  return promoteTypes([...dtypes, ...weakDTypes(dtypes, weak)]);
}

/**
 * The concrete dtypes NEP 50 weak scalars contribute next to arrays of `dtypes`: none when
 * they stay within the arrays' category, the default int or float when they raise it, and
 * each scalar's own default dtype when there are no arrays.
 */
export function weakDTypes(dtypes: readonly DType[], weak: readonly WeakKind[]): DType[] {
  if (dtypes.length === 0) {
    return weak.map((k) => (k === 'bool' ? 'bool' : k === 'int' ? DEFAULT_INT : DEFAULT_FLOAT));
  }
  let cat = 0;
  for (const d of dtypes) cat = Math.max(cat, category(d));
  const extra: DType[] = [];
  for (const k of weak) {
    if (k === 'int' && cat === 0) extra.push(DEFAULT_INT);
    else if (k === 'float' && cat < 2) extra.push(DEFAULT_FLOAT);
  }
  return extra;
}

/**
 * The smallest float dtype that holds every value of `d` (NumPy picks float16 for 8-bit
 * inputs; numbat has no float16, so those give float32). Used by float-only ufuncs.
 */
export function floatFor(d: DType): DType {
  return canCast(d, 'float32') ? 'float32' : 'float64';
}

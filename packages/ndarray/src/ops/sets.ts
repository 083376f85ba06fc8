/**
 * Set operations on 1-d arrays (API.md "Porting essentials"): `isin`, `intersect1d`,
 * `union1d`, `setdiff1d`, as `numpy/lib/_arraysetops_impl.py` composes them from `unique`,
 * `concatenate` and sorting, so dtypes, order and the `assumeUnique` shortcuts behave as
 * NumPy's (elements compare with `==` in the promoted dtype: NaN is never in a set, -0
 * equals 0).
 *
 * `isin` sorts the test values once and binary-searches each element (NumPy picks between a
 * sort, a lookup table and a loop of comparisons; all give the same answer).
 */
import { NDArray } from '../ndarray.js';
import { promoteTypes } from '../dtype/promotion.js';
import { DTYPES } from '../dtype/dtypes.js';
import { ValueError } from '../errors.js';
import { asarray, type ArrayLike } from './convert.js';
import { copyOf, emptyArray } from './assign.js';
import { flatten, ravel } from './shape.js';
import { concatenate } from './join.js';
import { get } from './indexing.js';
import { argsort, sort, unique } from './sorting.js';
import { equal } from '../ufunc/compare-logic.js';
import type { Elements } from './porting-args.js';

/** Options of {@link isin}. */
export interface IsinOptions {
  /** Return whether each element is NOT in the test elements (default false). */
  invert?: boolean;
  /** Promise that both inputs hold distinct values (a speed hint in NumPy; the result does not change here). */
  assumeUnique?: boolean;
  /** NumPy's algorithm choice: `null`, `'sort'` or `'table'` (integer and bool inputs only). Validated; the result does not depend on it. */
  kind?: 'sort' | 'table' | null;
}

/** `a < b` in NumPy's sort order (NaN last), for numbers or bigints of one dtype. */
function before(a: number | bigint, b: number | bigint): boolean {
  return a < b || (b !== b && a === a);
}

/**
 * Whether each element of `element` is one of `testElements` (`np.isin`): a bool array of
 * `element`'s shape (a 0-d array for a scalar, as NumPy). Values compare with `==` after
 * promotion to a common dtype, so NaN is never found and -0 finds 0. `invert` negates.
 *
 * @example
 * np.isin([[0, 2], [4, 6]], [1, 2, 4, 8]).tolist(); // [[false, true], [true, false]]
 * np.isin([1, 5], [5], { invert: true }).tolist(); // [true, false]
 */
export function isin(element: ArrayLike, testElements: ArrayLike, options: IsinOptions = {}): NDArray {
  const { invert = false, kind = null } = options;
  const el = asarray(element);
  const test = asarray(testElements);
  if (kind !== null && kind !== 'sort' && kind !== 'table') {
    throw new ValueError(`Invalid kind: '${String(kind)}'. Please use None, 'sort' or 'table'.`);
  }
  if (kind === 'table') {
    const intOrBool = (d: NDArray): boolean => DTYPES[d.dtype].kind !== 'f';
    if (!intOrBool(el) || !intOrBool(test)) {
      throw new ValueError("The 'table' method is only supported for boolean or integer arrays. Please select 'sort' or None for kind.");
    }
  }
  const dt = promoteTypes([el.dtype, test.dtype]);
  const keys = copyOf(el, dt).data as unknown as Elements;
  const table = sort(flatten(copyOf(test, dt))).data as unknown as Elements;
  const n = table.length;
  const out = emptyArray(el.shape, 'bool');
  const res = out.data as Uint8Array;
  for (let i = 0; i < res.length; i++) {
    const v = keys[i]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(table[mid]!, v)) lo = mid + 1;
      else hi = mid;
    }
    // the first candidate not before v equals v unless v is absent (NaN never equals)
    const found = lo < n && table[lo] === v;
    res[i] = found !== invert ? 1 : 0;
  }
  return out;
}

/** Options of {@link intersect1d}. */
export interface Intersect1dOptions {
  /** Promise that both inputs hold distinct values: skips `unique` (with duplicates the result is NumPy's, which may repeat values). */
  assumeUnique?: boolean;
  /** Also return the indices of the common values in each (flattened) input. */
  returnIndices?: boolean;
}

/**
 * The sorted values present in both arrays (`np.intersect1d`), of the promoted dtype. With
 * `returnIndices`, `[values, indices1, indices2]` (a JS array, as NumPy's plain tuple):
 * the int32 indices of the first occurrence of each value in the flattened inputs.
 *
 * @example
 * np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1]).tolist(); // [1, 3]
 * const [v, i1, i2] = np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1], { returnIndices: true });
 * i1.tolist(); // [0, 1]
 * i2.tolist(); // [1, 0]
 */
export function intersect1d(ar1: ArrayLike, ar2: ArrayLike, options: Intersect1dOptions & { returnIndices: true }): [NDArray, NDArray, NDArray];
export function intersect1d(ar1: ArrayLike, ar2: ArrayLike, options?: Intersect1dOptions & { returnIndices?: false }): NDArray;
export function intersect1d(ar1: ArrayLike, ar2: ArrayLike, options?: Intersect1dOptions): NDArray | [NDArray, NDArray, NDArray];
export function intersect1d(ar1: ArrayLike, ar2: ArrayLike, options: Intersect1dOptions = {}): NDArray | [NDArray, NDArray, NDArray] {
  const { assumeUnique = false, returnIndices = false } = options;
  let a1 = asarray(ar1);
  let a2 = asarray(ar2);
  let ind1: NDArray | null = null;
  let ind2: NDArray | null = null;
  if (!assumeUnique) {
    if (returnIndices) {
      const u1 = unique(a1, { returnIndex: true });
      const u2 = unique(a2, { returnIndex: true });
      [a1, ind1, a2, ind2] = [u1.values, u1.indices!, u2.values, u2.indices!];
    } else {
      a1 = unique(a1);
      a2 = unique(a2);
    }
  } else {
    a1 = ravel(a1);
    a2 = ravel(a2);
  }
  let aux = concatenate([a1, a2]);
  let perm: NDArray | null = null;
  if (returnIndices) {
    perm = argsort(aux, { kind: 'stable' });
    aux = get(aux, perm);
  } else aux = sort(aux);
  const mask = equal(get(aux, '1:'), get(aux, ':-1'));
  const values = get(get(aux, ':-1'), mask);
  if (!returnIndices) return values;
  const p = perm!;
  const i1 = get(get(p, ':-1'), mask);
  const i2 = get(get(p, '1:'), mask);
  const i2d = i2.data as Int32Array;
  for (let k = 0; k < i2d.length; k++) i2d[k] = i2d[k]! - a1.size;
  if (ind1 !== null && ind2 !== null) return [values, get(ind1, i1), get(ind2, i2)];
  return [values, i1, i2];
}

/**
 * The sorted distinct values of both arrays together (`np.union1d`), flattened, of the
 * promoted dtype.
 *
 * @example
 * np.union1d([-1, 0, 1], [-2, 0, 2]).tolist(); // [-2, -1, 0, 1, 2]
 */
export function union1d(ar1: ArrayLike, ar2: ArrayLike): NDArray {
  return unique(concatenate([asarray(ar1), asarray(ar2)], null));
}

/** Options of {@link setdiff1d}. */
export interface Setdiff1dOptions {
  /** Promise that both inputs hold distinct values: skips `unique`, keeping `ar1`'s order (NumPy's shortcut). */
  assumeUnique?: boolean;
}

/**
 * The distinct values of `ar1` that are not in `ar2` (`np.setdiff1d`), sorted, in `ar1`'s
 * dtype; with `assumeUnique` the values of the flattened `ar1` in their order.
 *
 * @example
 * np.setdiff1d([1, 2, 3, 2, 4, 1], [3, 4, 5, 6]).tolist(); // [1, 2]
 */
export function setdiff1d(ar1: ArrayLike, ar2: ArrayLike, options: Setdiff1dOptions = {}): NDArray {
  let a1: NDArray;
  let a2: ArrayLike;
  if (options.assumeUnique === true) {
    a1 = ravel(asarray(ar1));
    a2 = ar2;
  } else {
    a1 = unique(ar1);
    a2 = unique(ar2);
  }
  return get(a1, isin(a1, a2, { assumeUnique: true, invert: true }));
}

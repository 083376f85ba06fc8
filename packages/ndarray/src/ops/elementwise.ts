/**
 * The element-wise functions of API.md that are not plain ufunc records: `round`, `clip`,
 * `where`, `isclose`, `allclose`, `arrayEqual`.
 *
 * Each is written the way NumPy writes it, out of ufunc calls (NumPy's `around` is
 * multiply, rint, divide; `isclose` is a ufunc expression; `clip` is maximum then minimum),
 * so dtype resolution, NEP 50 weak scalars, NaN handling and `out` casting are the ufuncs'
 * own. Only `where` has its own loop: the 4-operand `whereKernel` driven by `stridedLoop`.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, type DType } from '../dtype/dtypes.js';
import { canCast, resultTypeWeak, weakKindOf, type WeakKind } from '../dtype/promotion.js';
import { broadcastShapes, broadcastStrides } from '../shape/broadcast.js';
import { stridedLoop } from '../iter/strided-loop.js';
import { whereKernel, type Buf } from '../kernels/elementwise.js';
import {
  arrayCastError,
  broadcastError,
  DTypeError,
  outputCastError,
  outputShapeError,
  ValueError,
} from '../errors.js';
import { materialize, toOperand, type Operand } from '../ufunc/ufunc.js';
import { reduce } from '../ufunc/reduce.js';
import { add, abs, divide, multiply, positive, subtract } from '../ufunc/arithmetic.js';
import { maximum, minimum, rint } from '../ufunc/math.js';
import { equal, isfinite, isnan, lessEqual, logicalAnd, logicalOr } from '../ufunc/compare-logic.js';
import { asarray, isScalar, type ArrayLike, type Scalar } from './convert.js';
import { asDType, assign, copyOf, emptyArray } from './assign.js';

// ---------------------------------------------------------------- round

/** Options of {@link round}. */
export interface RoundOptions {
  /** Write the result here; it must have the input's shape (NumPy: `invalid output shape`). */
  out?: NDArray;
}

/**
 * 10**n as NumPy's `power_of_ten` computes it (exact table to 1e8, then repeated * 10),
 * so large `decimals` scale by the very same double. Stops once it overflows to Infinity.
 */
function powerOfTen(n: number): number {
  if (n < 9) return 10 ** n; // 1e0..1e8 are exact
  let r = 1e9;
  for (let k = n; k > 9 && r !== Infinity; k--) r *= 10;
  return r;
}

/**
 * Rounds to `decimals` decimal places, halves to even (`np.round`, `np.around`).
 *
 * As NumPy's `PyArray_Round`: floats are multiplied by 10**decimals, `rint`-ed and divided
 * back (negative `decimals` divide first), in the array's own float dtype, so the result
 * has the usual binary-float inexactness (`round(0.125, 2)` is 0.12). Integers are
 * returned unchanged (as a copy; NumPy may return the input itself) for `decimals >= 0`;
 * for negative `decimals` they are rounded in float64 and cast back to their dtype
 * (unsafe cast: a result out of the dtype's range wraps as numbat's casts do, where
 * NumPy gives a platform-defined value). Booleans: `decimals = 0` is `rint` (float32 in
 * numbat, float16 in NumPy); other `decimals` raise NumPy's casting error unless `out`
 * is a float array.
 *
 * @example
 * np.round(np.array([1.25, 2.5, -0.5]), 1); // [1.2, 2.5, -0.5]
 * np.round(np.array([1250, 2500]), -3); // [1000, 2000] (int32)
 */
export function round(a: ArrayLike, decimals = 0, options: RoundOptions = {}): NDArray {
  if (!Number.isInteger(decimals)) throw new DTypeError("'float' object cannot be interpreted as an integer");
  let x = asarray(a);
  const out = options.out;
  if (out !== undefined && (out.ndim !== x.ndim || out.shape.some((d, i) => d !== x.shape[i]))) {
    throw new ValueError('invalid output shape');
  }
  const kind = DTYPES[x.dtype].kind;
  const isInt = kind === 'i' || kind === 'u';
  if (decimals >= 0 && isInt) {
    if (out === undefined) return copyOf(x);
    if (!canCast(x.dtype, out.dtype, 'same_kind')) throw arrayCastError(x.dtype, out.dtype, 'same_kind');
    assign(out, x);
    return out;
  }
  if (decimals === 0) return rint(x, { out });
  // the scale is a Python float in NumPy: a weak float, so a bool input computes in float64
  const scaleUp = decimals >= 0;
  const f = powerOfTen(Math.abs(decimals));
  const first = scaleUp ? multiply : divide;
  const second = scaleUp ? divide : multiply;
  if (kind === 'b') {
    if (out === undefined || DTYPES[out.dtype].kind === 'b') throw outputCastError(first.npName, 'float64', 'bool');
    x = copyOf(x, 'float64');
  }
  const ret = out ?? emptyArray(x.shape, isInt ? 'float64' : x.dtype);
  first(x, f, { out: ret });
  rint(ret, { out: ret });
  second(ret, f, { out: ret });
  return isInt && out === undefined ? copyOf(ret, x.dtype) : ret;
}

// ---------------------------------------------------------------- clip

/** Options of {@link clip}. */
export interface ClipOptions {
  /** Write the result here (same_kind casting; it may be larger than the broadcast shape). */
  out?: NDArray;
}

/** A JS value acting as a Python int (NEP 50): an integral number or a bigint. */
function isWeakInt(x: unknown): x is number | bigint {
  return (typeof x === 'number' && Number.isInteger(x)) || typeof x === 'bigint';
}

/**
 * Limits the values of `a` to `[aMin, aMax]` (`np.clip`): `minimum(maximum(a, aMin), aMax)`,
 * broadcasting all three. Either bound may be `null` (both null: a copy, as NumPy's
 * `np.positive`). The result dtype is NumPy's for the three operands with JS numbers as
 * weak scalars (`clip(uint8, 0, 300)` stays uint8; `clip(int8, 1.5, 2)` is float64). As
 * NumPy 2, an integer bound beyond an integer array's range on its own side is dropped
 * (`clip(uint8, -5, 300)` is a copy) and one beyond it on the other side throws
 * `OverflowError`. NaN in `a` or in a bound gives NaN. If `aMin > aMax`, every element is
 * `aMax`. The sign of a zero result follows `maximum`/`minimum` (NumPy's SIMD loop for
 * scalar bounds may keep the input's zero instead).
 *
 * @example
 * np.clip(np.array([1, 5, 9]), 2, 6); // [2, 5, 6]
 * np.clip(np.array([1.5, NaN]), 0, null); // [1.5, NaN]
 */
export function clip(a: ArrayLike, aMin: ArrayLike | null = null, aMax: ArrayLike | null = null, options: ClipOptions = {}): NDArray {
  const x = asarray(a);
  let lo = aMin;
  let hi = aMax;
  const info = DTYPES[x.dtype];
  if (info.kind === 'i' || info.kind === 'u') {
    // NumPy's _clip: out-of-range Python ints would overflow the dtype; they cannot bind
    if (isWeakInt(lo) && lo <= info.min) lo = null;
    if (isWeakInt(hi) && hi >= info.max) hi = null;
  }
  const out = options.out;
  if (lo === null && hi === null) return positive(x, { out });
  if (lo === null) return minimum(x, hi!, { out });
  if (hi === null) return maximum(x, lo, { out });
  // the clip ufunc: one loop dtype for all three operands (n-ary, not pairwise, promotion)
  const ops = [toOperand(x), toOperand(lo), toOperand(hi)];
  const loop = operandResultType(ops);
  const [xa, la, ha] = ops.map((o) => (o.array !== null ? asDType(o.array, loop) : materialize(o, loop))) as [NDArray, NDArray, NDArray];
  const shapes = [xa.shape, la.shape, ha.shape];
  const shape = broadcastShapes(...shapes);
  if (out !== undefined) checkOut('clip', out, shapes, shape, loop);
  const result = minimum(maximum(xa, la), ha);
  if (out === undefined) return result;
  assign(out, result);
  return out;
}

/** The dtype NumPy's type resolution gives these operands (arrays strong, JS scalars weak). */
function operandResultType(ops: readonly Operand[]): DType {
  const strong: DType[] = [];
  const weak: WeakKind[] = [];
  for (const o of ops) {
    if (o.array !== null) strong.push(o.array.dtype);
    else weak.push(weakKindOf(o.weak));
  }
  return resultTypeWeak(strong, weak);
}

/** A ufunc's `out` check: writeable, broadcast-compatible with the result, same_kind. */
function checkOut(name: string, out: NDArray, shapes: readonly (readonly number[])[], shape: readonly number[], dtype: DType): void {
  if (!(out instanceof NDArray)) throw new DTypeError('return arrays must be of ArrayType');
  let full: number[];
  try {
    full = broadcastShapes(shape, out.shape);
  } catch {
    throw broadcastError([...shapes, out.shape]);
  }
  if (full.length !== out.ndim || full.some((d, i) => d !== out.shape[i])) throw outputShapeError(out.shape, full);
  if (!canCast(dtype, out.dtype, 'same_kind')) throw outputCastError(name, dtype, out.dtype);
  if (!out.flags.writeable) throw new ValueError('output array is read-only');
}

// ---------------------------------------------------------------- where

/**
 * `np.where(condition, x, y)`: `x` where `condition` is true, else `y`, broadcasting all
 * three. The result dtype is the promotion of `x` and `y` (JS numbers weak, as NEP 50):
 * `where(c, uint8Array, 3)` is uint8, `where(c, 1, 2.5)` float64, `where(c, 1, 2)` int32.
 * A weak integer that does not fit throws `OverflowError`, as every other NumPy function
 * and NumPy >= 2.5 (numpy/numpy#30803); NumPy 2.0-2.4 silently wrapped it. The condition
 * is read as bool (nonzero, NaN true).
 *
 * With `condition` alone it is `np.nonzero(condition)`: a JS array with one int32 index
 * array per axis, the indices of the true elements in C order; 0-d input throws.
 *
 * @example
 * np.where(np.array([true, false, true]), 1, np.array([7, 8, 9])); // [1, 8, 1]
 * np.where(np.array([[0, 1], [1, 0]])); // [[0, 1], [1, 0]] as two int32 arrays
 */
export function where(condition: ArrayLike): NDArray[];
export function where(condition: ArrayLike, x: ArrayLike, y: ArrayLike): NDArray;
export function where(condition: ArrayLike, x?: ArrayLike, y?: ArrayLike): NDArray | NDArray[] {
  if (x === undefined && y === undefined) return nonzeroIndices(asarray(condition));
  if (x === undefined || y === undefined) throw new ValueError('either both or neither of x and y should be given');
  let cond = asarray(condition);
  // the kernel tests JS truthiness, which is NumPy's bool() except for NaN: floats convert
  if (DTYPES[cond.dtype].kind === 'f') cond = copyOf(cond, 'bool');
  const ops = [toOperand(x), toOperand(y)];
  const dtype = operandResultType(ops);
  const [xa, ya] = ops.map((o) => (o.array !== null ? asDType(o.array, dtype) : materialize(o, dtype))) as [NDArray, NDArray];
  const shape = broadcastShapes(cond.shape, xa.shape, ya.shape);
  const out = emptyArray(shape, dtype);
  const operands = [cond, xa, ya];
  stridedLoop(
    shape,
    [out.strides, ...operands.map((o) => broadcastStrides(o.shape, o.strides, shape))],
    [out.offset, ...operands.map((o) => o.offset)],
    whereKernel(out.data as unknown as Buf, cond.data as unknown as Buf, xa.data as unknown as Buf, ya.data as unknown as Buf),
  );
  return out;
}

/** `np.nonzero(a)`: per axis, the int32 indices of the nonzero elements, in C order. */
function nonzeroIndices(a: NDArray): NDArray[] {
  if (a.ndim === 0) {
    throw new ValueError('Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.');
  }
  // a C-order 0/1 copy (bool conversion: nonzero and NaN are true), scanned once to count
  // and once to write, with the multi-index carried along instead of divided out
  const flags = copyOf(a, 'bool').data as Uint8Array;
  let count = 0;
  for (let i = 0; i < flags.length; i++) count += flags[i]!;
  const nd = a.ndim;
  const shape = a.shape;
  const cols = shape.map(() => new Int32Array(count));
  const idx = new Array<number>(nd).fill(0);
  let k = 0;
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] !== 0) {
      for (let d = 0; d < nd; d++) cols[d]![k] = idx[d]!;
      k++;
    }
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d]! < shape[d]!) break;
      idx[d] = 0;
    }
  }
  return cols.map((c) => new NDArray(c, [count], [1], 0, 'int32'));
}

// ---------------------------------------------------------------- isclose / allclose / arrayEqual

/** Options of {@link isclose} and {@link allclose} (tolerances are numbers; NumPy also takes arrays). */
export interface IscloseOptions {
  /** Relative tolerance (default 1e-5). */
  rtol?: number;
  /** Absolute tolerance (default 1e-8). */
  atol?: number;
  /** Count NaN as equal to NaN (default false). */
  equalNan?: boolean;
}

/**
 * Element-wise `|a - b| <= atol + rtol * |b|` (`np.isclose`), broadcasting `a` and `b`.
 * Not symmetric: `b` is the reference. Infinities are close only to the same infinity,
 * NaN only to NaN with `equalNan`. Computed as NumPy does: `b` is first made a float
 * array (`resultType(b, 1.0)`: float32 stays float32, integers become float64), and the
 * expression runs through the ufuncs with NumPy's dtypes (a float32 pair compares in
 * float32). Returns a bool array (0-d for scalar inputs, where NumPy returns `np.bool`).
 *
 * @example
 * np.isclose(np.array([1, 1.1, Infinity]), np.array([1.000001, 1, Infinity])); // [true, false, true]
 */
export function isclose(a: ArrayLike, b: ArrayLike, options: IscloseOptions = {}): NDArray {
  const rtol = options.rtol ?? 1e-5;
  const atol = options.atol ?? 1e-8;
  // NumPy keeps Python scalars as they are (weak) and turns everything else into arrays
  let x: NDArray | Scalar = isScalar(a) ? a : asarray(a);
  let y: NDArray;
  let tol: NDArray | number;
  if (!isScalar(b)) {
    const yArr = asarray(b);
    y = asDType(yArr, resultTypeWeak([yArr.dtype], ['float']));
    tol = add(atol, multiply(rtol, abs(y)));
  } else {
    // b is a Python float: the tolerance is Python float arithmetic (a weak double), and
    // b meets x in the dtype a weak float gets next to x
    const yv = Number(b);
    tol = atol + rtol * Math.abs(yv);
    if (isScalar(x)) x = asDType(asarray(Number(x)), 'float64');
    y = materialize({ array: null, weak: yv }, resultTypeWeak([x.dtype], ['float']));
  }
  let result = logicalOr(logicalAnd(lessEqual(abs(subtract(x, y)), tol), isfinite(y)), equal(x, y));
  if (options.equalNan) result = logicalOr(result, logicalAnd(isnan(x), isnan(y)));
  return result;
}

/** True when every element of `a` is nonzero (an all-axes `logical_and` reduction). */
function allTrue(a: NDArray): boolean {
  return reduce(logicalAnd, a, { axis: null }).data[0] !== 0;
}

/**
 * True when `isclose(a, b, options)` holds for every element (`np.allclose`). Shapes must
 * broadcast (else the broadcast `ValueError`); an empty comparison is true.
 *
 * @example
 * np.allclose(np.array([1e10, 1e-8]), np.array([1.00001e10, 1e-9])); // true
 */
export function allclose(a: ArrayLike, b: ArrayLike, options: IscloseOptions = {}): boolean {
  return allTrue(isclose(a, b, options));
}

/** Options of {@link arrayEqual}. */
export interface ArrayEqualOptions {
  /** Count NaN as equal to NaN (default false). */
  equalNan?: boolean;
}

/**
 * True when `a1` and `a2` have the same shape and equal elements (`np.array_equal`); no
 * broadcasting: different shapes give false, as does input that cannot become an array.
 * Values compare as `np.equal` does across dtypes (`[1, 2]` int32 equals `[1, 2]` float64).
 *
 * @example
 * np.arrayEqual([1, 2], np.array([1, 2], { dtype: 'float64' })); // true
 * np.arrayEqual([1, NaN], [1, NaN], { equalNan: true }); // true
 */
export function arrayEqual(a1: ArrayLike, a2: ArrayLike, options: ArrayEqualOptions = {}): boolean {
  let x: NDArray;
  let y: NDArray;
  try {
    x = asarray(a1);
    y = asarray(a2);
  } catch {
    return false; // NumPy: any conversion failure means "not equal"
  }
  if (x.ndim !== y.ndim || x.shape.some((d, i) => d !== y.shape[i])) return false;
  const eq = equal(x, y);
  if (!options.equalNan || (DTYPES[x.dtype].kind !== 'f' && DTYPES[y.dtype].kind !== 'f')) return allTrue(eq);
  const xnan = isnan(x);
  if (!allTrue(equal(xnan, isnan(y)))) return false;
  return allTrue(logicalOr(xnan, eq));
}

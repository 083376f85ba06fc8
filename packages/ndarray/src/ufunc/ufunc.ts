/**
 * `defineUfunc`: a ufunc is a declarative record (NumPy's generate_umath.py idea) turned
 * into a callable with broadcasting, NEP 50 weak scalars, `out` (same_kind casting) and
 * `dtype`, carrying NumPy's ufunc methods: `.reduce` (which every reduction of numbat is
 * built on), `.accumulate`, `.reduceat`, `.outer` and `.at` (`methods.ts`).
 *
 * A record gives: the NumPy name; the loop dtypes it supports, in NumPy's search order
 * (the first one the promoted input dtype casts to safely is used); an output dtype rule;
 * and per-kind scalar functions (bool, int, uint, float, int64, uint64). Integer scalar
 * functions may return any double: the TypedArray store wraps it to the loop's width,
 * which is NumPy's modular overflow.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, DTYPE_NAMES, allocateForOverwrite, toDType, type DType, type DTypeLike } from '../dtype/dtypes.js';
import { canCast, defaultDTypeOf, promoteTypes, weakDTypes, weakKindOf, type WeakKind } from '../dtype/promotion.js';
import { fitsDType, weakScalarValue } from '../dtype/cast.js';
import { broadcastShapes, broadcastStrides } from '../shape/broadcast.js';
import { cStrides, sizeOf } from '../shape/shape.js';
import { shapeStr, ufuncTypeError, outputCastError, ValueError, DTypeError, broadcastError, inputCastError, noLoopError } from '../errors.js';
import { stridedLoop, type InnerKernel } from '../iter/strided-loop.js';
import { makeLayout } from '../iter/layout.js';
import { broadcastRows, isFloatRun, scalarRows, type BinOp } from '../kernels/vmath.js';
import {
  binaryKernel,
  binaryLoopKernel,
  fastLoops,
  unaryKernel,
  unaryLoopKernel,
  type Buf,
  type Fn1,
  type Fn2,
  type Loop1,
  type Loop2,
} from '../kernels/elementwise.js';
import { asarray, isScalar, type ArrayLike, type Scalar } from '../ops/convert.js';
import { assign, asDType, copyOf, emptyArray, sameView, sharesBuffer } from '../ops/assign.js';
import type { AccumulateOptions, ReduceOptions } from './reduce.js';
import type { ReduceatOptions } from './reduceat.js';
import { accumulateMethod, atMethod, outerMethod, reduceatMethod, reduceMethod, type AtIndex, type ReduceAxis } from './methods.js';

/** Scalar functions of a ufunc per loop kind; bigint kinds work on bigints. */
export interface LoopFns<F> {
  /** bool loop (elements 0/1; must return 0/1 when the output is bool). */
  b?: F;
  /** signed integer loops up to 32 bits. */
  i?: F;
  /** unsigned integer loops up to 32 bits (defaults to `i`). */
  u?: F;
  /** float32/float64 loops. */
  f?: F;
  /**
   * float32 loop when it differs from `f` (defaults to `f`): a fast loop written twice, once
   * per float dtype, stays monomorphic in V8 (one element type per loop literal).
   */
  f32?: F;
  /** int64 loop, on bigints. */
  I?: F;
  /** uint64 loop, on bigints (defaults to `I`). */
  U?: F;
}

/** The inner-loop type that goes with a scalar function type: {@link Loop1} for unary ones. */
export type LoopOf<F> = [F] extends [Fn1] ? Loop1 : Loop2;

/** Which loop dtypes a ufunc has (NumPy's type signatures, minus float16). */
export type LoopTypes = 'all' | 'numeric' | 'float' | 'integer' | 'divide';

/** The declarative record of a ufunc. */
export interface UfuncSpec<F> {
  /** NumPy's name, used in messages (`'floor_divide'`). */
  npName: string;
  /** Supported loop dtypes (see {@link LoopTypes}). */
  types: LoopTypes;
  /** Output dtype: the loop's dtype (default) or always bool. */
  output?: 'same' | 'bool';
  /** Scalar functions by loop kind. */
  loops: LoopFns<F>;
  /**
   * Optional inner loops with the operation written in, by loop kind (a speed-up only:
   * each must store exactly what `loops` would). The driver uses them when present and
   * falls back to calling the scalar function per element otherwise.
   */
  fast?: LoopFns<LoopOf<F>>;
  /** NumPy's specific message when called on bool input, where it has one. */
  boolError?: string;
  /** Value of `op.reduce` on an empty axis (NumPy's ufunc identity). */
  identity?: number | boolean;
  /** `f(x, x) = x`: a reduction may seed with any element (maximum, minimum). */
  idempotent?: boolean;
  /** Commutative and associative: may reduce several axes at once. */
  reorderable?: boolean;
  /**
   * How `.reduce`/`.accumulate` treat inputs when the output is bool: `'as-bool'` converts
   * them to bool first (logical functions), `'bool-only'` accepts only bool input
   * (comparisons: NumPy has no (T, T) -> T loop for other dtypes).
   */
  boolReduction?: 'as-bool' | 'bool-only';
  /** dtype of a reduction's accumulator for input dtype `d` (add/multiply widen ints). */
  reduceDType?: (d: DType) => DType;
  /**
   * A weak integer outside the loop dtype's range is compared by value instead of raising
   * OverflowError (NumPy 2's comparisons and logical functions: `uint8_arr < 300` works).
   */
  weakOutOfRange?: boolean;
  /** Extra validation of the inputs after conversion (e.g. negative integer powers). */
  check?: (loop: DType, inputs: readonly NDArray[]) => void;
}

/** Options accepted by every ufunc call. */
export interface UfuncOptions {
  /** Write the result here (NumPy's `out=`); same_kind casting applies. */
  out?: NDArray;
  /** Compute in this dtype (NumPy's `dtype=`). */
  dtype?: DTypeLike;
}

const TYPE_LISTS: Record<LoopTypes, readonly DType[]> = {
  all: DTYPE_NAMES,
  numeric: DTYPE_NAMES.filter((d) => d !== 'bool'),
  float: ['float32', 'float64'],
  integer: DTYPE_NAMES.filter((d) => DTYPES[d].kind !== 'f'),
  divide: ['float64'],
};

/**
 * The loop dtype for the inputs' dtypes, as NumPy's loop search: the first supported dtype
 * every input casts to safely (for same-kind ufuncs this is the n-ary promotion; for
 * float-only ones it is the smallest float each input fits, so uint16 with int16 computes
 * in float32). True division computes integers in float64. Null when no loop fits.
 */
export function selectLoop(types: LoopTypes, dtypes: readonly DType[]): DType | null {
  if (types === 'divide') {
    const d = promoteTypes(dtypes);
    return DTYPES[d].kind === 'f' ? d : 'float64';
  }
  for (const t of TYPE_LISTS[types]) if (dtypes.every((d) => canCast(d, t))) return t;
  return null;
}

/** The scalar function for loop dtype `d`, or undefined if the record has none. */
export function loopFor<F>(loops: LoopFns<F>, d: DType): F | undefined {
  const info = DTYPES[d];
  switch (info.kind) {
    case 'b':
      return loops.b;
    case 'f':
      return d === 'float32' ? (loops.f32 ?? loops.f) : loops.f;
    case 'i':
      return info.bigint ? loops.I : loops.i;
    case 'u':
      return info.bigint ? (loops.U ?? loops.I) : (loops.u ?? loops.i);
  }
}

interface Resolved {
  loop: DType;
  out: DType;
}

/** An operand after conversion: an array, or a weak JS scalar (NEP 50). */
export type Operand = { array: NDArray; weak: null } | { array: null; weak: Scalar };

export function toOperand(x: ArrayLike): Operand {
  if (isScalar(x)) return { array: null, weak: x };
  return { array: asarray(x), weak: null };
}

/**
 * The loop and output dtypes of a call. `dtype` is NumPy's `dtype=`: the output dtype of an
 * existing loop (a same-dtype loop of that dtype; for bool-output ufuncs only `bool`, the
 * loop then following the operands), else NumPy's `No loop matching...` error.
 */
export function resolve<F>(spec: UfuncSpec<F>, ops: readonly Operand[], dtype: DType | undefined): Resolved {
  let inputs: DType[];
  if (dtype !== undefined && spec.output === 'bool' && dtype !== 'bool') throw noLoopError(spec.npName);
  if (dtype !== undefined && spec.output !== 'bool') inputs = [dtype];
  else {
    const strong: DType[] = [];
    const weak: WeakKind[] = [];
    for (const o of ops) {
      if (o.array !== null) strong.push(o.array.dtype);
      else weak.push(weakKindOf(o.weak));
    }
    // NEP 50: a weak scalar takes part only where it raises the category (see weakDTypes);
    // with no arrays at all, each scalar is `np.asarray(x)` (value-based: 2**40 is int64)
    inputs = strong.length === 0 ? ops.map((o) => defaultDTypeOf(o.weak!)) : [...strong, ...weakDTypes(strong, weak)];
  }
  if (inputs.every((d) => d === 'bool') && spec.boolError !== undefined && loopFor(spec.loops, 'bool') === undefined) {
    throw new DTypeError(spec.boolError);
  }
  const loop = selectLoop(spec.types, inputs);
  if (loop === null || loopFor(spec.loops, loop) === undefined) throw dtype !== undefined ? noLoopError(spec.npName) : ufuncTypeError(spec.npName);
  if (dtype !== undefined && spec.output !== 'bool' && loop !== dtype) throw noLoopError(spec.npName);
  return { loop, out: spec.output === 'bool' ? 'bool' : loop };
}

/**
 * An input as the loop reads it: number-domain inputs that cast safely are read directly
 * (a JS number holds every such value exactly); bigint crossings and value-changing casts
 * (an explicit `dtype`) convert first.
 */
export function loopInput(a: NDArray, loop: DType): NDArray {
  if (DTYPES[a.dtype].bigint !== DTYPES[loop].bigint || !canCast(a.dtype, loop)) return asDType(a, loop);
  return a;
}

/** An operand as an array of the loop dtype (weak scalars become 0-d arrays). */
export function materialize(o: Operand, loop: DType, byValue = false): NDArray {
  if (o.array !== null) return loopInput(o.array, loop);
  if (byValue && typeof o.weak !== 'boolean' && !fitsDType(o.weak, loop)) {
    // compared by value: a float64 0-d operand holds it (mixed bigint/number compares are exact)
    const a = emptyArray([], 'float64');
    (a.data as Float64Array)[0] = Number(o.weak);
    return a;
  }
  const v = weakScalarValue(o.weak, loop);
  const a = emptyArray([], loop);
  (a.data as unknown as { [i: number]: number | bigint })[0] = v;
  return a;
}

/** Checks `out` against the broadcast shape and the result dtype (same_kind). */
function checkOut(
  npName: string,
  out: NDArray,
  shape: readonly number[],
  dtype: DType,
  inShapes: readonly (readonly number[])[],
): readonly number[] {
  if (!(out instanceof NDArray)) throw new DTypeError('return arrays must be of ArrayType');
  let full: readonly number[];
  try {
    full = broadcastShapes(shape, out.shape);
  } catch {
    throw broadcastError([...inShapes, out.shape]);
  }
  if (full.length !== out.shape.length || full.some((d, i) => d !== out.shape[i])) {
    throw new ValueError(
      `non-broadcastable output operand with shape ${shapeStr(out.shape)} doesn't match the broadcast shape ${shapeStr(broadcastShapes(shape, out.shape))}`,
    );
  }
  if (!canCast(dtype, out.dtype, 'same_kind')) throw outputCastError(npName, dtype, out.dtype);
  return out.shape;
}

/** Builds the inner kernel of a call from the loop dtype's scalar function or fast loop. */
type MakeKernel<F> = (fn: F, fast: LoopOf<F> | undefined, out: Buf, ins: readonly Buf[]) => InnerKernel;

/**
 * Per-record cache of dtype resolutions without `dtype=`: a tree keyed by each operand's
 * dtype (or weak scalar kind), so a repeated call costs a few map lookups.
 */
type ResolveTree = Map<string, ResolveTree | Resolved>;
const resolved = new WeakMap<object, ResolveTree>();
const WEAK_KEY: Record<WeakKind, string> = { bool: 'bool?', int: 'int?', float: 'float?' };

function resolveCached<F>(spec: UfuncSpec<F>, ops: readonly Operand[]): Resolved {
  // all-scalar calls are value-based (2**40 is int64): not cached
  if (ops.every((o) => o.array === null)) return resolve(spec, ops, undefined);
  let node = resolved.get(spec);
  if (node === undefined) resolved.set(spec, (node = new Map()));
  const last = ops.length - 1;
  for (let k = 0; k < last; k++) {
    const o = ops[k]!;
    const key = o.array !== null ? o.array.dtype : WEAK_KEY[weakKindOf(o.weak)];
    let next = node.get(key) as ResolveTree | undefined;
    if (next === undefined) node.set(key, (next = new Map()));
    node = next;
  }
  const o = ops[last]!;
  const key = o.array !== null ? o.array.dtype : WEAK_KEY[weakKindOf(o.weak)];
  let r = node.get(key) as Resolved | undefined;
  if (r === undefined) node.set(key, (r = resolve(spec, ops, undefined)));
  return r;
}

/**
 * A new C-contiguous array for a ufunc's result, which the loop overwrites entirely: large
 * ones skip the zero-fill of a new TypedArray (`allocateForOverwrite`; measured 10-20% of a
 * 1e6-element float64 add), small ones come from the pooled slabs.
 */
function resultArray(shape: readonly number[], dtype: DType): NDArray {
  return new NDArray(allocateForOverwrite(dtype, sizeOf(shape)), shape, cStrides(shape), 0, dtype);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Runs a ufunc kernel: resolves dtypes, broadcasts, allocates or validates `out`, guards
 * against `out` overlapping an input, and drives `makeKernel` over the loop nest. When every
 * operand is C-contiguous with the result's shape (or a 0-d scalar), the kernel runs once
 * over the whole buffer without the n-d driver.
 */
function run<F>(spec: UfuncSpec<F>, args: readonly ArrayLike[], options: UfuncOptions | undefined, makeKernel: MakeKernel<F>): NDArray {
  const nin = args.length;
  const ops: Operand[] = new Array<Operand>(nin);
  for (let k = 0; k < nin; k++) ops[k] = toOperand(args[k]!);
  const dtype = options?.dtype === undefined ? undefined : toDType(options.dtype);
  const { loop, out: outType } = dtype === undefined ? resolveCached(spec, ops) : resolve(spec, ops, dtype);
  if (dtype !== undefined) {
    // `dtype=` casts the inputs with NumPy's same_kind rule
    ops.forEach((o, k) => {
      if (o.array !== null && !canCast(o.array.dtype, loop, 'same_kind')) throw inputCastError(spec.npName, k, o.array.dtype, loop);
    });
  }
  let ins: NDArray[] = new Array<NDArray>(nin);
  for (let k = 0; k < nin; k++) {
    const o = ops[k]!;
    ins[k] = o.array !== null && o.array.dtype === loop ? o.array : materialize(o, loop, spec.weakOutOfRange === true);
  }
  const fn = loopFor(spec.loops, loop)!;
  const fast = fastLoops.enabled && spec.fast !== undefined ? loopFor(spec.fast, loop) : undefined;
  let shape: readonly number[] = ins[0]!.shape;
  for (let k = 1; k < nin; k++) {
    if (!sameShape(ins[k]!.shape, shape)) {
      shape = broadcastShapes(...ins.map((a) => a.shape));
      break;
    }
  }
  const given = options?.out;
  if (given !== undefined) shape = checkOut(spec.npName, given, shape, outType, ops.map((o) => (o.array === null ? [] : o.array.shape)));
  // NumPy validates inside its loop: nothing is checked when there is nothing to compute
  if (spec.check !== undefined && sizeOf(shape) > 0) spec.check(loop, ins);
  // compute straight into `out` when the values stored are the same: the same dtype, or a
  // float result into a narrower float `out` (NumPy computes then casts; the store rounds
  // alike). A float32 loop must not write into float64 directly: it would skip the rounding.
  const direct =
    given !== undefined &&
    (given.dtype === outType ||
      (DTYPES[outType].kind === 'f' && DTYPES[given.dtype].kind === 'f' && DTYPES[given.dtype].itemsize <= DTYPES[outType].itemsize));
  let result = direct ? given! : resultArray(shape, outType);
  if (given !== undefined && direct) {
    if (!given.flags.writeable) throw new ValueError('output array is read-only');
    // an input that overlaps `out` without being the same view is read from a copy
    ins = ins.map((a) => (sharesBuffer(a, given) && !sameView(a, given) ? copyOf(a) : a));
    result = given;
  }
  // one run over whole buffers when every operand is contiguous in the result's order (a
  // fresh result is C-contiguous)
  let flat = result !== given || result.flags.cContiguous;
  for (let k = 0; k < nin && flat; k++) {
    const a = ins[k]!;
    flat = a.ndim === 0 || (a.flags.cContiguous && sameShape(a.shape, shape));
  }
  const size = result.size;
  if (flat && fast !== undefined) {
    if (size > 0) runFlat(fast as Loop1 | Loop2, size, result, ins);
  } else if (flat) {
    if (size > 0) {
      const kernel = makeKernel(fn, fast, result.data as unknown as Buf, buffers(ins));
      const p = [result.offset];
      const st = [1];
      for (let k = 0; k < nin; k++) {
        p.push(ins[k]!.offset);
        st.push(ins[k]!.ndim === 0 ? 0 : 1);
      }
      kernel(size, p, st);
    }
  } else {
    const strides = [result.strides, ...ins.map((a) => broadcastStrides(a.shape, a.strides, shape))];
    const offsets = [result.offset, ...ins.map((a) => a.offset)];
    if (fast === undefined || !rowBroadcast(spec.npName, result, ins, shape, strides)) {
      const kernel = makeKernel(fn, fast, result.data as unknown as Buf, buffers(ins));
      stridedLoop(shape, strides, offsets, kernel);
    }
  }
  if (given !== undefined && !direct) {
    if (!given.flags.writeable) throw new ValueError('output array is read-only');
    assign(given, result);
    return given;
  }
  return result;
}

/** The float arithmetic ufuncs the WASM row kernels run (`kernels/vmath.ts` `BinOp`). */
const ROW_OPS: Readonly<Record<string, BinOp>> = { add: 0, subtract: 1, multiply: 2, divide: 3 };

/**
 * Float add/subtract/multiply/divide of rows with one broadcast row (`(R, C) + (C,)`, either
 * side; `broadcastRows`) or with a scalar (rows forwards or backwards, `a[::2, ::-1] + 1`;
 * `scalarRows`), through the WASM row kernels; false (nothing done) for any other ufunc or
 * layout.
 */
function rowBroadcast(npName: string, result: NDArray, ins: readonly NDArray[], shape: readonly number[], strides: readonly (readonly number[])[]): boolean {
  const op = ROW_OPS[npName];
  if (op === undefined || ins.length !== 2) return false;
  const o = result.data;
  const a = ins[0]!.data;
  const b = ins[1]!.data;
  if (!isFloatRun(o) || !isFloatRun(a) || !isFloatRun(b)) return false;
  const { shape: ls, strides: lst } = makeLayout(shape, strides);
  if (ls.length !== 2) return false;
  const [rows, cols] = ls as [number, number];
  const [so, sa, sb] = lst as [number[], number[], number[]];
  if (so[1] !== 1 || so[0]! < cols) return false;
  // rows (forwards or backwards) with a scalar: each row's memory must not overlap the next
  const apart = (s: number[]): boolean => Math.abs(s[0]!) >= cols;
  if (sb[0] === 0 && sb[1] === 0 && apart(sa)) return scalarRows(op, rows, cols, o, result.offset, so[0]!, a, ins[0]!.offset, sa[0]!, sa[1]!, b[ins[1]!.offset]!, false);
  if (sa[0] === 0 && sa[1] === 0 && apart(sb)) return scalarRows(op, rows, cols, o, result.offset, so[0]!, b, ins[1]!.offset, sb[0]!, sb[1]!, a[ins[0]!.offset]!, true);
  if (sa[1] !== 1 || sb[1] !== 1) return false;
  if (sb[0] === 0 && sa[0]! >= cols) return broadcastRows(op, rows, cols, o, result.offset, so[0]!, a, ins[0]!.offset, sa[0]!, b, ins[1]!.offset, false);
  if (sa[0] === 0 && sb[0]! >= cols) return broadcastRows(op, rows, cols, o, result.offset, so[0]!, b, ins[1]!.offset, sb[0]!, a, ins[0]!.offset, true);
  return false;
}

function buffers(ins: readonly NDArray[]): Buf[] {
  return ins.map((a) => a.data as unknown as Buf);
}

/** A fast loop over whole contiguous buffers (a 0-d operand steps by 0). */
function runFlat(fast: Loop1 | Loop2, size: number, result: NDArray, ins: readonly NDArray[]): void {
  const o = result.data as unknown as Buf;
  const a = ins[0]!;
  if (ins.length === 1) {
    (fast as Loop1)(size, o, result.offset, 1, a.data as unknown as Buf, a.offset, a.ndim === 0 ? 0 : 1);
    return;
  }
  const b = ins[1]!;
  (fast as Loop2)(size, o, result.offset, 1, a.data as unknown as Buf, a.offset, a.ndim === 0 ? 0 : 1, b.data as unknown as Buf, b.offset, b.ndim === 0 ? 0 : 1);
}

/** A unary ufunc: `np.sqrt(x, { out })`, with NumPy's `.at`. */
export interface UnaryUfunc {
  (x: ArrayLike, options?: UfuncOptions): NDArray;
  /** NumPy's name of the ufunc. */
  readonly npName: string;
  /** Number of inputs. */
  readonly nin: 1;
  /** The record it was built from. */
  readonly spec: UfuncSpec<Fn1>;
  /**
   * In place, unbuffered: applies the ufunc to the elements `a[indices]` selects, once per
   * occurrence (NumPy's `ufunc.at`; `indices` as in `a.set`).
   *
   * @example
   * const a = np.arange(3, { dtype: 'float64' });
   * np.negative.at(a, np.array([0, 2, 2])); // a is [-0, 1, 2]
   */
  at(a: NDArray, indices: AtIndex): void;
}

/**
 * A binary ufunc: `np.add(a, b, { out })`, with NumPy's methods `.reduce`, `.accumulate`,
 * `.reduceat`, `.outer` and `.at`, and the record it was built from.
 */
export interface BinaryUfunc {
  (a: ArrayLike, b: ArrayLike, options?: UfuncOptions): NDArray;
  /** NumPy's name of the ufunc. */
  readonly npName: string;
  /** Number of inputs. */
  readonly nin: 2;
  /** The ufunc's identity (the value of a reduction over nothing), if it has one. */
  readonly identity: number | boolean | null;
  /** The record it was built from. */
  readonly spec: UfuncSpec<Fn2>;
  /**
   * Reduces `a` along `axis` (default 0, as NumPy's `ufunc.reduce`; `null` for all axes,
   * several axes for reorderable ufuncs) by applying the ufunc repeatedly. Options:
   * `keepdims`, `dtype`, `out` (same_kind casting), `initial` (instead of the identity;
   * `null` for none). Always an NDArray (0-d for a full reduction; NumPy returns a scalar
   * there, `np.sum` and friends return a JS number).
   *
   * @example
   * np.add.reduce([[1, 2], [3, 4]]); // array([4, 6], dtype=int32)
   * np.multiply.reduce([[1, 2], [3, 4]], 1).tolist(); // [2, 12]
   * np.maximum.reduce([[1, 5], [3, 2]], null).item(); // 5
   */
  reduce(a: ArrayLike, axis?: ReduceAxis | ReduceOptions, options?: ReduceOptions): NDArray;
  /**
   * The running results of the ufunc along `axis` (default 0; NumPy's `ufunc.accumulate`):
   * `np.add.accumulate` is `cumsum`. Options: `dtype`, `out`.
   *
   * @example
   * np.add.accumulate([1, 2, 3]).tolist(); // [1, 3, 6]
   * np.maximum.accumulate([1, 3, 2]).tolist(); // [1, 3, 3]
   */
  accumulate(a: ArrayLike, axis?: ReduceAxis | AccumulateOptions, options?: AccumulateOptions): NDArray;
  /**
   * Reductions over slices of `axis` (default 0; NumPy's `ufunc.reduceat`): position `i`
   * holds the reduction of `a[indices[i]:indices[i+1]]`, or `a[indices[i]]` when
   * `indices[i] >= indices[i+1]`; the last index runs to the end. Options: `dtype`, `out`.
   *
   * @example
   * np.add.reduceat(np.arange(8), [0, 4, 1, 5]).tolist(); // [6, 4, 10, 18]
   */
  reduceat(a: ArrayLike, indices: ArrayLike, axis?: ReduceAxis | ReduceatOptions, options?: ReduceatOptions): NDArray;
  /**
   * The ufunc applied to every pair (NumPy's `ufunc.outer`): shape `a.shape + b.shape`.
   * Options: `dtype`, `out`.
   *
   * @example
   * np.multiply.outer([1, 2], [1, 2, 3]).tolist(); // [[1, 2, 3], [2, 4, 6]]
   */
  outer(a: ArrayLike, b: ArrayLike, options?: UfuncOptions): NDArray;
  /**
   * In place, unbuffered: `a[indices] = ufunc(a[indices], b)` once per occurrence of each
   * selected element, so repeated indices accumulate (NumPy's `ufunc.at`). `indices` as in
   * `a.set` (a JS `number[]` is a tuple; pass an `NDArray` for a list of indices); `b`
   * broadcasts to the selection.
   *
   * @example
   * const a = np.zeros(3);
   * np.add.at(a, np.array([0, 0, 2]), 1); // a is [2, 0, 1]
   */
  at(a: NDArray, indices: AtIndex, b: ArrayLike): void;
}

/** Inner kernels of unary and binary ufunc calls: the record's fast loop, else its scalar function. */
const makeUnary: MakeKernel<Fn1> = (fn, fast, out, ins) =>
  fast !== undefined ? unaryLoopKernel(fast, out, ins[0]!) : unaryKernel(fn, out, ins[0]!);
const makeBinary: MakeKernel<Fn2> = (fn, fast, out, ins) =>
  fast !== undefined ? binaryLoopKernel(fast, out, ins[0]!, ins[1]!) : binaryKernel(fn, out, ins[0]!, ins[1]!);

/** Builds a unary ufunc from its record. */
export function defineUnary(spec: UfuncSpec<Fn1>): UnaryUfunc {
  const f = (x: ArrayLike, options?: UfuncOptions): NDArray => run(spec, [x], options, makeUnary);
  const u: UnaryUfunc = Object.assign(f, {
    npName: spec.npName,
    nin: 1 as const,
    spec,
    // a `b` given anyway (untyped callers) reaches atMethod, which refuses it as NumPy does
    at: (a: NDArray, indices: AtIndex, ...rest: unknown[]): void => atMethod(u, a, indices, rest[0] as ArrayLike | undefined),
  });
  return u;
}

/** Builds a binary ufunc from its record, with its methods (see `methods.ts`). */
export function defineBinary(spec: UfuncSpec<Fn2>): BinaryUfunc {
  const f = (a: ArrayLike, b: ArrayLike, options?: UfuncOptions): NDArray => run(spec, [a, b], options, makeBinary);
  const u: BinaryUfunc = Object.assign(f, {
    npName: spec.npName,
    nin: 2 as const,
    identity: spec.identity ?? null,
    spec,
    reduce: (a: ArrayLike, axis?: ReduceAxis | ReduceOptions, options?: ReduceOptions): NDArray => reduceMethod(u, a, axis, options),
    accumulate: (a: ArrayLike, axis?: ReduceAxis | AccumulateOptions, options?: AccumulateOptions): NDArray => accumulateMethod(u, a, axis, options),
    reduceat: (a: ArrayLike, indices: ArrayLike, axis?: ReduceAxis | ReduceatOptions, options?: ReduceatOptions): NDArray =>
      reduceatMethod(u, a, indices, axis, options),
    outer: (a: ArrayLike, b: ArrayLike, options?: UfuncOptions): NDArray => outerMethod(u, a, b, options),
    at: (a: NDArray, indices: AtIndex, b: ArrayLike): void => atMethod(u, a, indices, b),
  });
  return u;
}

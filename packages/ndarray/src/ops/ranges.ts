/**
 * Ranges: `arange`, `linspace`, `logspace`, computed with NumPy's exact arithmetic so the
 * values match NumPy's bit for bit (float32 results are rounded after every operation, as
 * NumPy's float32 loops do).
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, type DType, type DTypeLike } from '../dtype/dtypes.js';
import { defaultDTypeOf, promoteTypes, resultTypeWeak, weakKindOf, type WeakKind } from '../dtype/promotion.js';
import { checkNewShape, cStrides, normalizeAxis } from '../shape/shape.js';
import { broadcastShapes } from '../shape/broadcast.js';
import { DTypeError, ValueError } from '../errors.js';
import { asarray, isScalar, type ArrayLike } from './convert.js';
import { copyOf } from './assign.js';
import { broadcastTo, expandDims, moveaxis, reshape } from './shape.js';
import { newArray } from './memory-order.js';
import { dtypeOption, intArg, isOptions, setitemValue } from './creation-args.js';
import { power } from '../ufunc/arithmetic.js';

/** Options of `arange`. */
export interface ArangeOptions {
  /** Element type; default int32 when every argument is an integer, else float64. */
  dtype?: DTypeLike;
}

/**
 * Evenly spaced values in `[start, stop)` with step `step` (`np.arange`): `arange(stop)`,
 * `arange(start, stop)` or `arange(start, stop, step)`, then optionally `{ dtype }` or a
 * dtype name. The length is NumPy's `ceil((stop - start) / step)` and element i is
 * `start + i * delta` with `delta` the difference of the first two stored values (so an
 * integer `dtype` truncates `start` and `start + step` first, as NumPy; a value that does
 * not fit it throws `OverflowError`). Integral arguments give int32 (int64 when one needs
 * it; NumPy: int64), others float64.
 * A zero step throws `ValueError('division by zero')` (NumPy raises `ZeroDivisionError`).
 *
 * @example
 * np.arange(5).dtype; // 'int32'
 * np.arange(0, 1, 0.25).tolist(); // [0, 0.25, 0.5, 0.75]
 */
export function arange(...args: (number | ArangeOptions | DTypeLike)[]): NDArray {
  let opts: ArangeOptions = {};
  const last = args[args.length - 1];
  let nums = args;
  if (typeof last === 'string' || isOptions(last)) {
    opts = typeof last === 'string' ? { dtype: last } : (last as ArangeOptions);
    nums = args.slice(0, -1);
  }
  if (nums.length === 0) throw new DTypeError("arange() requires stop to be specified.");
  // NumPy reads a fourth positional argument as the dtype
  if (nums.length > 3) throw new DTypeError(`Cannot interpret '${String(nums[3])}' as a data type`);
  for (const x of nums) {
    if (typeof x !== 'number' && typeof x !== 'boolean') throw new DTypeError(`unsupported operand type for arange: '${typeof x}'`);
  }
  const v = nums.map((x) => +(x as number));
  const [start, stop, step] = v.length === 1 ? [0, v[0]!, 1] : [v[0]!, v[1]!, v[2] ?? 1];
  const dtype = dtypeOption(opts.dtype, promoteTypes([start, stop, step].map(defaultDTypeOf)));
  const length = arangeLength(start, stop, step);
  checkNewShape([length]);
  const out = newArray([length], dtype, [1]);
  if (length === 0) return out;
  const buf = out.data as unknown as { [i: number]: number | bigint };
  buf[0] = setitemValue(start, dtype);
  if (length === 1) return out;
  buf[1] = setitemValue(start + step, dtype);
  if (length === 2) return out;
  const info = DTYPES[dtype];
  if (info.kind === 'b') throw new DTypeError('arange() is only supported for booleans when the result has at most length 2.');
  if (info.bigint) {
    const b0 = buf[0] as bigint;
    const d = (buf[1] as bigint) - b0;
    for (let i = 2; i < length; i++) buf[i] = b0 + BigInt(i) * d;
  } else if (dtype === 'float32') {
    const f = Math.fround;
    const b0 = buf[0] as number;
    const d = f((buf[1] as number) - b0);
    for (let i = 2; i < length; i++) buf[i] = f(b0 + f(i * d));
  } else {
    // float64: exact double arithmetic; integers: exact, then wrapped by the store
    const b0 = buf[0] as number;
    const d = (buf[1] as number) - b0;
    for (let i = 2; i < length; i++) buf[i] = b0 + i * d;
  }
  return out;
}

/** NumPy's `_calc_length` for arange. */
function arangeLength(start: number, stop: number, step: number): number {
  if (step === 0) {
    const ints = Number.isInteger(start) && Number.isInteger(stop);
    throw new ValueError(ints ? 'division by zero' : 'float division by zero');
  }
  const delta = stop - start;
  if (delta === 0) return 0;
  const val = delta / step;
  if (val === 0) return Object.is(val, -0) ? 0 : 1;
  const len = Math.ceil(val);
  if (Number.isNaN(len)) throw new ValueError('arange: cannot compute length');
  if (Math.abs(len) >= 2 ** 63) throw new ValueError('Maximum allowed size exceeded');
  return len <= 0 ? 0 : len;
}

/** Options of `linspace`. */
export interface LinspaceOptions {
  /** Number of samples (default 50); may also be passed positionally. */
  num?: number;
  /** Include `stop` as the last sample (default true). */
  endpoint?: boolean;
  /** Also return the spacing: the result becomes `[samples, step]`. */
  retstep?: boolean;
  /** Element type of the result (an integer dtype floors the samples first, as NumPy). */
  dtype?: DTypeLike;
  /** Axis of the result along which the samples run, when start/stop are arrays (default 0). */
  axis?: number;
}

/**
 * `num` evenly spaced samples from `start` to `stop` (`np.linspace`), computed as NumPy
 * does: `step = (stop - start) / div`, sample i is `start + i * step`, and the last sample
 * is set to `stop` exactly when `endpoint`. The result is float64 unless `start`/`stop`
 * are float32 arrays (or `dtype` is given). Array `start`/`stop` broadcast, and `axis`
 * places the sample axis. With `retstep`, returns `[samples, step]` (`step` is a number
 * for scalar inputs, NaN when there are fewer than two intervals, else an array).
 *
 * @example
 * np.linspace(0, 1, 5).tolist(); // [0, 0.25, 0.5, 0.75, 1]
 * const [x, step] = np.linspace(0, 1, 4, { endpoint: false, retstep: true }); // step 0.25
 */
export function linspace(start: ArrayLike, stop: ArrayLike, num?: number | (LinspaceOptions & { retstep?: false }), options?: LinspaceOptions & { retstep?: false }): NDArray;
export function linspace(start: ArrayLike, stop: ArrayLike, num: number | (LinspaceOptions & { retstep: true }), options?: LinspaceOptions & { retstep: true }): [NDArray, number | NDArray];
export function linspace(start: ArrayLike, stop: ArrayLike, num?: number | LinspaceOptions, options?: LinspaceOptions): NDArray | [NDArray, number | NDArray];
export function linspace(
  start: ArrayLike,
  stop: ArrayLike,
  num?: number | LinspaceOptions,
  options: LinspaceOptions = {},
): NDArray | [NDArray, number | NDArray] {
  const opts = typeof num === 'object' && num !== null ? num : options;
  const n = intArg(typeof num === 'number' ? num : (opts.num ?? 50));
  const { y, step } = samples(start, stop, n, opts);
  return opts.retstep === true ? [y, step] : y;
}

/** linspace's computation; `y` has the sample axis at `opts.axis`. */
function samples(start: ArrayLike, stop: ArrayLike, num: number, opts: LinspaceOptions): { y: NDArray; step: number | NDArray } {
  if (num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  const endpoint = opts.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  // NumPy's _array_converter: scalars stay weak next to an array; the result is inexact
  const arrays: DType[] = [];
  const weak: WeakKind[] = ['float'];
  for (const x of [start, stop]) {
    if (isScalar(x)) weak.push(weakKindOf(x));
    else arrays.push(asarray(x).dtype);
  }
  const dt: DType = arrays.length === 0 ? 'float64' : resultTypeWeak(arrays, weak);
  const s0 = asarray(start);
  const e0 = asarray(stop);
  const bshape = broadcastShapes(e0.shape, s0.shape);
  const S = copyOf(broadcastTo(s0, bshape), dt).data as Float64Array | Float32Array;
  const E = copyOf(broadcastTo(e0, bshape), dt).data as Float64Array | Float32Array;
  const m = S.length;
  const f = dt === 'float32' ? Math.fround : (x: number) => x;
  const yArr = newArray([num, ...bshape], dt, cStrides([num, ...bshape]));
  const y = yArr.data as Float64Array | Float32Array;
  const delta = new Float64Array(m);
  const steps = new Float64Array(m);
  let anyZero = false;
  for (let j = 0; j < m; j++) {
    delta[j] = f(E[j]! - S[j]!);
    steps[j] = div > 0 ? f(delta[j]! / div) : NaN;
    if (steps[j] === 0) anyZero = true;
  }
  for (let i = 0; i < num; i++) {
    const q = div > 0 && anyZero ? f(i / div) : 0;
    for (let j = 0; j < m; j++) {
      let v: number;
      if (div <= 0) v = f(i * delta[j]!);
      else if (anyZero) v = f(q * delta[j]!);
      else v = f(i * steps[j]!);
      y[i * m + j] = f(v + S[j]!);
    }
  }
  if (endpoint && num > 1) for (let j = 0; j < m; j++) y[(num - 1) * m + j] = E[j]!;
  let result: NDArray = yArr;
  const axis = opts.axis ?? 0;
  if (axis !== 0) result = moveaxis(yArr, 0, normalizeAxis(axis, yArr.ndim));
  if (opts.dtype !== undefined && opts.dtype !== null) {
    const dtype = dtypeOption(opts.dtype, dt);
    const kind = DTYPES[dtype].kind;
    if (kind === 'i' || kind === 'u') for (let k = 0; k < y.length; k++) y[k] = Math.floor(y[k]!);
    if (dtype !== dt) result = copyOf(result, dtype, 'C');
  }
  let step: number | NDArray;
  if (div <= 0) step = NaN;
  else if (bshape.length === 0) step = steps[0]!;
  else {
    const st = newArray(bshape, dt, cStrides(bshape));
    (st.data as Float64Array | Float32Array).set(steps);
    step = st;
  }
  return { y: result, step };
}

/** Options of `logspace`. */
export interface LogspaceOptions {
  /** Number of samples (default 50); may also be passed positionally. */
  num?: number;
  /** Include `base ** stop` as the last sample (default true). */
  endpoint?: boolean;
  /** The base of the exponents (default 10); an array broadcasts with start and stop. */
  base?: ArrayLike;
  /** Element type of the result. */
  dtype?: DTypeLike;
  /** Axis of the result along which the samples run (default 0). */
  axis?: number;
}

/**
 * `num` samples spaced evenly on a log scale, `base ** linspace(start, stop, num)`
 * (`np.logspace`); `base` defaults to 10 and may be an array that broadcasts with
 * `start` and `stop`.
 *
 * @example
 * np.logspace(0, 2, 3).tolist(); // [1, 10, 100]
 * np.logspace(0, 3, 4, { base: 2 }).tolist(); // [1, 2, 4, 8]
 */
export function logspace(start: ArrayLike, stop: ArrayLike, num?: number | LogspaceOptions, options: LogspaceOptions = {}): NDArray {
  const opts = typeof num === 'object' && num !== null ? num : options;
  const n = intArg(typeof num === 'number' ? num : (opts.num ?? 50));
  const axis = opts.axis ?? 0;
  let base: ArrayLike = opts.base ?? 10;
  let s = start;
  let e = stop;
  if (!isScalar(base) && asarray(base).ndim > 0) {
    // an array base broadcasts with start and stop; its sample axis is inserted at `axis`
    const arrs = [asarray(start), asarray(stop), asarray(base)];
    const nd = broadcastShapes(...arrs.map((a) => a.shape)).length;
    const [sa, ea, ba] = arrs.map((a) => (a.ndim < nd ? reshape(a, [...new Array<number>(nd - a.ndim).fill(1), ...a.shape]) : a));
    s = sa!;
    e = ea!;
    base = expandDims(ba!, axis);
  }
  const y = samples(s, e, n, { endpoint: opts.endpoint ?? true, axis }).y;
  const r = power(base, y);
  return opts.dtype === undefined || opts.dtype === null ? r : copyOf(r, dtypeOption(opts.dtype, r.dtype));
}

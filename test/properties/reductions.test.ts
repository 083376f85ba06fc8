/**
 * Every reduction of API.md against NumPy: random arrays of every dtype (0- and 1-length
 * axes, every layout, NaN/+-inf/+-0 and extreme values), random axis forms (none, null,
 * negative ints, tuples in any order; positional or in the options), keepdims, ddof,
 * dtype, initial, q and method. dtype, shape, values, NaN positions, scalar results and
 * error messages must match, and no input may change. NumPy is asked for numbat's
 * documented dtypes where they differ (int32/uint32 accumulators, int32 indices).
 *
 * The second part checks sum/mean/var/max/argmax/cumsum/median against the naive
 * reference of `test/reference/reductions.ts` and runs without NumPy.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { hasNumpy, oracle, type OracleAnswer, type PyArg } from '../oracle/numpy.js';
import { mismatch, type Tolerance } from '../oracle/compare.js';
import { ALL_DTYPES, FLOAT_DTYPES, makeView, nonEmptyShapeArb, sample, shapeArb, valueArb, type ViewKind } from '../arbitraries/arrays.js';
import { toPlain } from '../reference/plain.js';
import { refArgmax, refCumsum, refMax, refMean, refMedian, refReduce, refScan, refSum, refVar } from '../reference/reductions.js';
import { fingerprint } from '../helpers.js';

type DType = np.DType;
type Axis = number | number[] | null | undefined;
const VIEWS: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast', 'fortran'];

/** Element values: 'exact' draws every dtype's full range; 'arith' keeps floats moderate (sums reorder). */
type Values = 'exact' | 'arith' | 'prod';

function elementArb(dtype: DType, values: Values): fc.Arbitrary<number | bigint> {
  if (values === 'exact' || np.DTYPES[dtype].kind !== 'f') return valueArb(dtype);
  const f32 = dtype === 'float32';
  const k = values === 'prod' ? 8 : 24;
  return fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: -k, max: k }).map((x) => x / 4) },
    { weight: values === 'prod' ? 0 : 2, arbitrary: fc.double({ min: -100, max: 100, noNaN: true }).map((x) => (f32 ? Math.fround(x) : x)) },
    { weight: 1, arbitrary: fc.constantFrom(0, -0, NaN, Infinity, -Infinity) },
  );
}

/** Arrays of the given dtypes (floats drawn as often as all others together), shapes and layouts. */
function arrArb(dtypes: readonly DType[], values: Values, maxDims = 4, maxSide = 5): fc.Arbitrary<np.NDArray> {
  const floats = dtypes.filter((d) => np.DTYPES[d].kind === 'f');
  const dtype = floats.length > 0 && floats.length < dtypes.length ? fc.oneof(fc.constantFrom(...floats), fc.constantFrom(...dtypes)) : fc.constantFrom(...dtypes);
  const shape = fc.oneof(shapeArb({ maxDims, maxSide }), nonEmptyShapeArb({ maxDims, maxSide }));
  return fc
    .tuple(dtype, shape, fc.constantFrom(...VIEWS), fc.nat(7))
    .chain(([dtype, shape, kind, pick]) => {
      const size = shape.reduce((x, y) => x * y, 1);
      return fc.array(elementArb(dtype, values), { minLength: size, maxLength: size }).map((v) => makeView(dtype, shape, v, kind, pick));
    });
}

/** An axis argument derived from random integers for an array of `nd` axes. */
function axisFrom(nd: number, mode: number, r: readonly number[], multi: boolean): Axis {
  if (mode === 0 || nd === 0) return undefined;
  if (mode === 1) return null;
  if (mode === 2 || !multi) return (r[0]! % (2 * nd)) - nd;
  const axes: number[] = [];
  for (let i = 0; i < nd; i++) if ((r[1]! >> i) & 1) axes.push((r[3]! >> i) & 1 ? i - nd : i);
  return axes.sort((x, y) => (((x * 7 + r[2]!) % 5) - ((y * 7 + r[2]!) % 5)));
}

const pyAxis = (axis: Axis): string[] => (axis === undefined ? [] : [`axis=${axis === null ? 'None' : Array.isArray(axis) ? `(${axis.map((x) => `${x},`).join('')})` : axis}`]);
const pyBool = (b: boolean): string => (b ? 'True' : 'False');

/** Per-case float tolerance: reordered sums may differ by about n ulps of the sum of |x|^power. */
function sumTol(a: np.NDArray, power: number, f32: boolean): Tolerance {
  const p = toPlain(a);
  const n = Math.max(1, p.values.length);
  let s = 0;
  for (const v of p.values) {
    const x = Math.abs(Number(v));
    if (Number.isFinite(x)) s += x ** power;
  }
  const eps = f32 || a.dtype === 'float32' ? 2 ** -23 : 2 ** -52;
  return { rtol: 8 * n * eps, atol: 8 * n * eps * s * (power === 2 ? 4 * n : 1) };
}

/** One generated call. */
interface Call {
  desc: string;
  result: unknown;
  code: string;
  args: Record<string, PyArg>;
  inputs: np.NDArray[];
  before: string[];
  /** numbat should return a JS scalar. */
  scalar: boolean;
  tol: (npDtype: string) => Tolerance;
}

function call(desc: string, f: () => unknown, code: string, args: Record<string, PyArg>, inputs: np.NDArray[], scalar: boolean, tol: Call['tol'] = () => ({})): Call {
  const before = inputs.map(fingerprint);
  let result: unknown;
  try {
    result = f();
  } catch (e) {
    result = e;
  }
  return { desc, result, code, args, inputs, before, scalar, tol };
}

const ERROR_CLASS: Record<string, string> = { ValueError: 'ValueError', AxisError: 'AxisError', IndexError: 'IndexError', TypeError: 'DTypeError', UFuncTypeError: 'DTypeError', ZeroDivisionError: 'ValueError' };

/** Runs the calls' NumPy code in one batch and returns the failures. */
async function check(calls: Call[], dtypeMap: Record<string, string> = {}): Promise<string[]> {
  const py = await oracle();
  const answers: OracleAnswer[] = await py.run(calls.map((c) => ({ code: c.code, args: c.args })));
  const failures: string[] = [];
  calls.forEach((c, i) => {
    const ans = answers[i]!;
    const where = `${c.desc} [${c.code}]`;
    c.inputs.forEach((a, k) => {
      if (fingerprint(a) !== c.before[k]) failures.push(`${where}: input ${k} was modified`);
    });
    if (c.result instanceof Error) {
      if (ans.ok) failures.push(`${where}: threw ${c.result.message}, NumPy gave a result`);
      else if (c.result.message !== ans.message) failures.push(`${where}: message "${c.result.message}", NumPy "${ans.message}"`);
      else if (c.result.name !== (ERROR_CLASS[ans.type] ?? ans.type)) failures.push(`${where}: ${c.result.name}, NumPy ${ans.type}`);
      return;
    }
    if (!ans.ok) {
      failures.push(`${where}: gave a result, NumPy raised ${ans.type}: ${ans.message}`);
      return;
    }
    const v = ans.value;
    const npDtype = v !== null && typeof v === 'object' && 'dtype' in v ? String(v.dtype) : typeof v === 'boolean' ? 'bool' : 'int64';
    const want = dtypeMap[npDtype] ?? npDtype;
    if (c.scalar) {
      const kind = want === 'bool' ? 'boolean' : want === 'int64' || want === 'uint64' ? 'bigint' : 'number';
      if (typeof c.result !== kind) failures.push(`${where}: a ${typeof c.result} scalar, expected a ${kind}`);
    } else if (!(c.result instanceof np.NDArray) && !Array.isArray(c.result)) failures.push(`${where}: a scalar, expected an NDArray`);
    const m = mismatch(c.result, ans, { dtypeMap, ...c.tol(npDtype) });
    if (m !== null) failures.push(`${where}: ${m}`);
  });
  return failures;
}

/** numbat's int32/uint32 accumulators, asked of NumPy explicitly. */
function accDtype(d: DType): string | null {
  const k = np.DTYPES[d];
  if (k.kind === 'f' || k.itemsize === 8) return null;
  return k.kind === 'u' ? 'np.uint32' : 'np.int32';
}

interface ReductionSpec {
  /** numbat's name (a key of `np`) and NumPy's. */
  name: string;
  py: string;
  dtypes: readonly DType[];
  values: Values;
  multi: boolean;
  /** Adds `dtype=np.int32/uint32` for bool/int input (sum-like). */
  acc?: boolean;
  /** Extra options: numbat's and NumPy's keywords, from a random integer. */
  extra?: (r: number, a: np.NDArray) => [Record<string, unknown>, string[]];
  /** Float tolerance: 'sum' (power 1), 'var' (power 2), 'std', or exact. */
  tol?: 'sum' | 'var' | 'std';
  signedZeros?: boolean;
  dtypeMap?: Record<string, string>;
  keepdims?: boolean;
  maxDims?: number;
  maxSide?: number;
  /** Cases where NumPy's answer is an artefact numbat does not copy. */
  skip?: (a: np.NDArray, axis: Axis) => boolean;
}

/**
 * NumPy's median/percentile reshape an empty array to `(kept..., -1)` for an axis tuple of
 * other than one axis, which fails when a kept axis is 0 ("cannot reshape array of size 0
 * into shape (0,newaxis)"); numbat returns the empty result.
 */
function emptyReshapeQuirk(a: np.NDArray, axis: Axis): boolean {
  if (a.size !== 0 || !Array.isArray(axis) || axis.length === 1) return false;
  const kept = a.shape.filter((_, i) => !axis.some((ax) => (ax + a.ndim) % a.ndim === i));
  return kept.includes(0);
}

const INDEX = { int64: 'int32' };
const sumDtypes = (r: number, a: np.NDArray): [Record<string, unknown>, string[]] => {
  if (r % 4 !== 0) return [{}, []];
  const float = np.DTYPES[a.dtype].kind === 'f';
  const d = (float ? ['float64', 'float32'] : ['int8', 'int32', 'int64', 'uint32', 'float32', 'float64'])[(r >> 2) % (float ? 2 : 6)]!;
  return [{ dtype: d }, [`dtype=np.${d}`]];
};
const floatDtype = (r: number): [Record<string, unknown>, string[]] => (r % 4 === 0 ? [{ dtype: ['float32', 'float64'][(r >> 2) % 2] }, [`dtype=np.${['float32', 'float64'][(r >> 2) % 2]}`]] : [{}, []]);
const ddofs = (r: number, a: np.NDArray): [Record<string, unknown>, string[]] => {
  const dd = [0, 1, 2, 0.5, -1, a.size][r % 6]!;
  const [o, p] = floatDtype(r >> 3);
  return [{ ddof: dd, ...o }, [`ddof=${dd}`, ...p]];
};
const initials = (r: number, a: np.NDArray): [Record<string, unknown>, string[]] => {
  if (r % 3 !== 0) return [{}, []];
  const v = np.DTYPES[a.dtype].kind === 'f' ? 2.5 : (r >> 2) % 2;
  return [{ initial: v }, [`initial=${v}`]];
};

// signedZeros false for extremes: which of -0 and +0 wins a tie follows NumPy's iteration
// order, which flips negative strides; for order statistics it follows the partition order
const SPECS: ReductionSpec[] = [
  { name: 'sum', py: 'np.sum', dtypes: ALL_DTYPES, values: 'arith', multi: true, acc: true, extra: sumDtypes, tol: 'sum' },
  { name: 'prod', py: 'np.prod', dtypes: ALL_DTYPES, values: 'prod', multi: true, acc: true, extra: sumDtypes, tol: 'sum', maxDims: 3, maxSide: 4 },
  { name: 'nansum', py: 'np.nansum', dtypes: ALL_DTYPES, values: 'arith', multi: true, acc: true, extra: sumDtypes, tol: 'sum' },
  { name: 'nanprod', py: 'np.nanprod', dtypes: ALL_DTYPES, values: 'prod', multi: true, acc: true, extra: sumDtypes, tol: 'sum', maxDims: 3, maxSide: 4 },
  { name: 'max', py: 'np.max', dtypes: ALL_DTYPES, values: 'exact', multi: true, extra: initials, signedZeros: false },
  { name: 'min', py: 'np.min', dtypes: ALL_DTYPES, values: 'exact', multi: true, extra: initials, signedZeros: false },
  { name: 'amax', py: 'np.amax', dtypes: FLOAT_DTYPES, values: 'exact', multi: true },
  { name: 'amin', py: 'np.amin', dtypes: FLOAT_DTYPES, values: 'exact', multi: true },
  { name: 'nanmax', py: 'np.nanmax', dtypes: ALL_DTYPES, values: 'exact', multi: true, extra: initials, signedZeros: false },
  { name: 'nanmin', py: 'np.nanmin', dtypes: ALL_DTYPES, values: 'exact', multi: true, extra: initials, signedZeros: false },
  { name: 'ptp', py: 'np.ptp', dtypes: ALL_DTYPES, values: 'exact', multi: true },
  { name: 'argmax', py: 'np.argmax', dtypes: ALL_DTYPES, values: 'exact', multi: false, dtypeMap: INDEX },
  { name: 'argmin', py: 'np.argmin', dtypes: ALL_DTYPES, values: 'exact', multi: false, dtypeMap: INDEX },
  { name: 'nanargmax', py: 'np.nanargmax', dtypes: ALL_DTYPES, values: 'exact', multi: false, dtypeMap: INDEX },
  { name: 'nanargmin', py: 'np.nanargmin', dtypes: ALL_DTYPES, values: 'exact', multi: false, dtypeMap: INDEX },
  { name: 'any', py: 'np.any', dtypes: ALL_DTYPES, values: 'exact', multi: true },
  { name: 'all', py: 'np.all', dtypes: ALL_DTYPES, values: 'exact', multi: true },
  { name: 'countNonzero', py: 'np.count_nonzero', dtypes: ALL_DTYPES, values: 'exact', multi: true, dtypeMap: INDEX },
  { name: 'mean', py: 'np.mean', dtypes: ALL_DTYPES, values: 'arith', multi: true, extra: floatDtype, tol: 'sum', signedZeros: false },
  { name: 'nanmean', py: 'np.nanmean', dtypes: ALL_DTYPES, values: 'arith', multi: true, extra: floatDtype, tol: 'sum', signedZeros: false },
  { name: 'var', py: 'np.var', dtypes: ALL_DTYPES, values: 'arith', multi: true, extra: ddofs, tol: 'var', signedZeros: false },
  { name: 'std', py: 'np.std', dtypes: ALL_DTYPES, values: 'arith', multi: true, extra: ddofs, tol: 'std', signedZeros: false },
  { name: 'nanvar', py: 'np.nanvar', dtypes: ALL_DTYPES, values: 'arith', multi: true, extra: ddofs, tol: 'var', signedZeros: false },
  { name: 'nanstd', py: 'np.nanstd', dtypes: ALL_DTYPES, values: 'arith', multi: true, extra: ddofs, tol: 'std', signedZeros: false },
  { name: 'median', py: 'np.median', dtypes: ALL_DTYPES, values: 'exact', multi: true, signedZeros: false, skip: emptyReshapeQuirk },
  { name: 'nanmedian', py: 'np.nanmedian', dtypes: ALL_DTYPES, values: 'arith', multi: true, signedZeros: false },
  { name: 'cumsum', py: 'np.cumsum', dtypes: ALL_DTYPES, values: 'arith', multi: false, acc: true, extra: sumDtypes, keepdims: false },
  { name: 'cumprod', py: 'np.cumprod', dtypes: ALL_DTYPES, values: 'prod', multi: false, acc: true, extra: sumDtypes, keepdims: false, maxDims: 3, maxSide: 4 },
  { name: 'nancumsum', py: 'np.nancumsum', dtypes: ALL_DTYPES, values: 'arith', multi: false, acc: true, extra: sumDtypes, keepdims: false },
  { name: 'nancumprod', py: 'np.nancumprod', dtypes: ALL_DTYPES, values: 'prod', multi: false, acc: true, extra: sumDtypes, keepdims: false, maxDims: 3, maxSide: 4 },
];

describe.runIf(hasNumpy)('reductions against NumPy', () => {
  SPECS.forEach((spec, si) => {
    it(`${spec.name}: random dtypes, layouts, axes and options`, async () => {
      const f = (np as unknown as Record<string, (...args: unknown[]) => unknown>)[spec.name]!;
      const inputs = sample(
        fc.tuple(arrArb(spec.dtypes, spec.values, spec.maxDims, spec.maxSide), fc.nat(3), fc.array(fc.nat(1 << 12), { minLength: 4, maxLength: 4 }), fc.boolean(), fc.boolean(), fc.nat(1 << 10)),
        70,
        1000 + si,
      );
      const calls: Call[] = [];
      for (const [a, mode, r, keepdimsRaw, positional, er] of inputs) {
        const axis = axisFrom(a.ndim, mode, r, spec.multi);
        if (spec.skip?.(a, axis)) continue;
        const keepdims = spec.keepdims !== false && keepdimsRaw;
        const [jsExtra, pyExtra] = spec.extra?.(er, a) ?? [{}, []];
        const opts: Record<string, unknown> = { ...jsExtra, ...(keepdims ? { keepdims } : {}) };
        const acc = spec.acc && !('dtype' in jsExtra) ? accDtype(a.dtype) : null;
        const kw = [...pyAxis(axis), ...(keepdims ? [`keepdims=${pyBool(keepdims)}`] : []), ...pyExtra, ...(acc === null ? [] : [`dtype=${acc}`])];
        const run = positional && axis !== undefined ? () => f(a, axis, opts) : () => f(a, { ...opts, ...(axis === undefined ? {} : { axis }) });
        const scalar = (axis === undefined || axis === null) && !keepdims && spec.keepdims !== false;
        const tol = (npDtype: string): Tolerance => {
          const float = npDtype === 'float32' || npDtype === 'float64';
          const base: Tolerance = { signedZeros: spec.signedZeros ?? true };
          if (!float || spec.tol === undefined) return base;
          const t = sumTol(a, spec.tol === 'sum' ? 1 : 2, npDtype === 'float32');
          return { ...base, rtol: t.rtol!, atol: spec.tol === 'std' ? Math.sqrt(t.atol!) : t.atol! };
        };
        calls.push(call(`${spec.name}(${a.dtype}(${a.shape}), ${JSON.stringify(axis)}, ${JSON.stringify(opts)})`, run, `${spec.py}(a${kw.map((k) => `, ${k}`).join('')})`, { a }, [a], scalar, tol));
      }
      const failures = await check(calls, spec.dtypeMap);
      expect(failures.slice(0, 8)).toEqual([]);
    });
  });
});

const METHODS = ['linear', 'lower', 'higher', 'nearest', 'midpoint', 'inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf', 'hazen', 'weibull', 'median_unbiased', 'normal_unbiased'];

describe.runIf(hasNumpy)('order statistics against NumPy', () => {
  const fns: [string, string, number, boolean][] = [
    ['percentile', 'np.percentile', 100, false],
    ['quantile', 'np.quantile', 1, false],
    ['nanpercentile', 'np.nanpercentile', 100, true],
    ['nanquantile', 'np.nanquantile', 1, true],
  ];
  fns.forEach(([name, py, scale, nan], fi) => {
    it(`${name}: q forms, methods, axes and dtypes`, async () => {
      const f = (np as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
      const inputs = sample(
        fc.tuple(arrArb(ALL_DTYPES, nan ? 'arith' : 'exact', 3, 5), fc.nat(3), fc.array(fc.nat(1 << 12), { minLength: 4, maxLength: 4 }), fc.boolean(), fc.nat(1 << 12), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 })),
        150,
        2000 + fi,
      );
      const calls: Call[] = [];
      for (const [a, mode, r, keepdims, qr, qs] of inputs) {
        const axis = axisFrom(a.ndim, mode, r, true);
        if (!nan && emptyReshapeQuirk(a, axis)) continue;
        const method = qr % 3 === 0 ? METHODS[(qr >> 2) % METHODS.length]! : 'linear';
        // q: a JS number (weak; sometimes integral), a list, a float32 array, or out of range
        let form = (qr >> 6) % 6;
        // NumPy's nan-quantiles misplace a 2-d q's axes when reducing a tuple of axes (from_ax = axis + i with axis -1)
        if (nan && form === 4 && Array.isArray(axis) && axis.length !== 1) form = 2;
        const q0 = [0, 1, 0.5, qs[0]!][(qr >> 9) % 4]! * scale;
        // JS cannot tell 1.0 from 1: integral values are Python ints, as numbat reads them
        const pyNum = (x: number): PyArg => (Number.isInteger(x) ? x : { pyFloat: x });
        const scaled = qs.map((x) => x * scale);
        let q: number | number[] | np.NDArray;
        if (form <= 1) q = q0;
        else if (form === 2) q = scaled;
        else if (form === 3) q = np.asarray(new Float32Array(scaled));
        else if (form === 4) q = np.reshape(scaled, qs.length, 1);
        else q = scale * 1.5;
        const pq: PyArg = q instanceof np.NDArray ? q : typeof q === 'number' ? pyNum(q) : q.map(pyNum);
        const opts = { ...(keepdims ? { keepdims } : {}), ...(method !== 'linear' ? { method } : {}) };
        const kw = [...pyAxis(axis), ...(keepdims ? ['keepdims=True'] : []), ...(method !== 'linear' ? [`method='${method}'`] : [])];
        const run = () => f(a, q, { ...opts, ...(axis === undefined ? {} : { axis }) });
        const scalar = (axis === undefined || axis === null) && !keepdims && typeof q === 'number';
        // NumPy's nan-quantile dtype for an array q over float32 follows its first slice
        const loose = nan && a.dtype === 'float32' && typeof q !== 'number';
        const tol = (): Tolerance => ({ signedZeros: false, rtol: 0, atol: 0, ...(loose ? { ignoreDtype: true } : {}) });
        calls.push(call(`${name}(${a.dtype}(${a.shape}), q, ${JSON.stringify(axis)}, ${JSON.stringify(opts)})`, run, `${py}(a, q${kw.map((k) => `, ${k}`).join('')})`, { a, q: pq }, [a], scalar, tol));
      }
      const failures = await check(calls);
      expect(failures.slice(0, 8)).toEqual([]);
    });
  });

  it('average: weights of the full shape or along the axes, returned, keepdims', async () => {
    const inputs = sample(fc.tuple(arrArb(ALL_DTYPES, 'arith', 3, 4), fc.nat(3), fc.array(fc.nat(1 << 12), { minLength: 4, maxLength: 4 }), fc.boolean(), fc.nat(8), fc.constantFrom<DType>('float64', 'float32', 'int32', 'int8')), 90, 3000);
    const calls: Call[] = [];
    for (const [a, mode, r, keepdims, wmode, wdtype] of inputs) {
      const axis = axisFrom(a.ndim, mode, r, true);
      const axes = axis === undefined || axis === null ? null : typeof axis === 'number' ? [axis] : axis;
      // weights: none, a's shape, or a's shape along `axis` in its order
      const wshape = wmode % 3 === 0 ? null : wmode % 3 === 1 || axes === null ? a.shape : axes.map((ax) => a.shape[(ax + a.ndim) % a.ndim]!);
      const w = wshape === null ? null : np.reshape(np.asarray(Array.from({ length: wshape.reduce((x, y) => x * y, 1) }, (_, i) => ((i * 7 + wmode) % 5) + (wmode > 5 ? 0 : 1)), { dtype: wdtype }), wshape);
      const returned = wmode % 2 === 1;
      const opts = { ...(w === null ? {} : { weights: w }), ...(returned ? { returned } : {}), ...(keepdims ? { keepdims } : {}), ...(axis === undefined ? {} : { axis }) };
      const kw = [...pyAxis(axis), ...(w === null ? [] : ['weights=w']), ...(returned ? ['returned=True'] : []), ...(keepdims ? ['keepdims=True'] : [])];
      const scalar = (axis === undefined || axis === null) && !keepdims;
      const tol = (npDtype: string): Tolerance => (npDtype.startsWith('float') ? { signedZeros: false, ...sumTol(a, 1, npDtype === 'float32'), rtol: 1e-5 } : {});
      const args: Record<string, PyArg> = w === null ? { a } : { a, w };
      const c = call(`average(${a.dtype}(${a.shape}), ${JSON.stringify(opts)})`, () => np.average(a, opts), `np.average(a${kw.map((k) => `, ${k}`).join('')})`, args, w === null ? [a] : [a, w], scalar && !returned, tol);
      if (returned && Array.isArray(c.result) && scalar) {
        // a pair of JS numbers
        if (c.result.some((x) => typeof x !== 'number')) c.result = new Error(`returned a non-number pair ${String(c.result)}`);
      }
      calls.push(c);
    }
    const failures = await check(calls);
    expect(failures.slice(0, 8)).toEqual([]);
  });

  it('diff: n, axis, prepend and append', async () => {
    const inputs = sample(fc.tuple(arrArb(ALL_DTYPES, 'exact', 3, 5), fc.nat(3), fc.integer({ min: -4, max: 3 }), fc.nat(3), fc.nat(3)), 90, 4000);
    const calls: Call[] = [];
    for (const [a, n, ax, pre, app] of inputs) {
      const nd = Math.max(a.ndim, 1);
      const axis = ((ax % nd) + nd) % nd;
      const edge = (k: number): np.NDArray | undefined => {
        if (k === 0 || a.ndim === 0) return undefined;
        if (k === 1) return np.asarray(np.DTYPES[a.dtype].kind === 'f' ? 2.5 : 1);
        const s = a.shape.slice();
        s[axis] = k - 1;
        return np.reshape(np.asarray(Array.from({ length: s.reduce((x, y) => x * y, 1) }, (_, i) => i % 3), { dtype: a.dtype }), s);
      };
      const p = edge(pre);
      const q = edge(app);
      const opts = { n, axis, ...(p === undefined ? {} : { prepend: p }), ...(q === undefined ? {} : { append: q }) };
      const kw = [`n=${n}`, `axis=${axis}`, ...(p === undefined ? [] : ['prepend=p']), ...(q === undefined ? [] : ['append=q'])];
      const args: Record<string, PyArg> = { a, ...(p === undefined ? {} : { p }), ...(q === undefined ? {} : { q }) };
      calls.push(call(`diff(${a.dtype}(${a.shape}), ${JSON.stringify({ n, axis })})`, () => np.diff(a, opts), `np.diff(a${kw.map((k) => `, ${k}`).join('')})`, args, [a], false));
    }
    const failures = await check(calls);
    expect(failures.slice(0, 8)).toEqual([]);
  });
});

describe('reductions against the naive reference', () => {
  // quarters: sums of up to a few hundred of them are exact in float64 in any order
  const quarters = fc
    .tuple(shapeArb({ minDims: 1, maxDims: 3 }), fc.constantFrom(...VIEWS), fc.nat(7))
    .chain(([shape, kind, pick]) => {
      const size = shape.reduce((x, y) => x * y, 1);
      const v = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: -40, max: 40 }).map((x) => x / 4) }, { weight: 1, arbitrary: fc.constant(NaN) });
      return fc.tuple(fc.array(v, { minLength: size, maxLength: size }).map((vals) => makeView('float64', shape, vals, kind, pick)), fc.nat(shape.length - 1));
    });

  const same = (actual: unknown, expected: { shape: number[]; values: number[] }, rtol = 0): void => {
    const p = actual instanceof np.NDArray ? toPlain(actual) : { shape: [], values: [actual as number] };
    expect(p.shape).toEqual(expected.shape);
    p.values.forEach((v, i) => {
      const e = expected.values[i]!;
      if (Number.isNaN(e)) expect(Number.isNaN(Number(v))).toBe(true);
      else expect(Math.abs(Number(v) - e)).toBeLessThanOrEqual(rtol * Math.abs(e) + 1e-300);
    });
  };

  it('sum, mean, var, max, argmax, cumsum and median along a random axis', () => {
    fc.assert(
      fc.property(quarters, ([a, axis]) => {
        const p = toPlain(a);
        same(np.sum(a, axis), refReduce(p, axis, refSum));
        same(np.mean(a, axis), refReduce(p, axis, refMean));
        same(np.var(a, axis, { ddof: 1 }), refReduce(p, axis, (xs) => refVar(xs, 1)), 1e-12);
        same(np.cumsum(a, axis), refScan(p, axis, refCumsum));
        same(np.median(a, axis), refReduce(p, axis, refMedian));
        if (a.shape[axis]! > 0) {
          same(np.max(a, axis), refReduce(p, axis, refMax));
          same(np.argmax(a, axis), refReduce(p, axis, refArgmax));
        } else {
          // an empty axis: an error even when nothing is left to reduce into, as NumPy
          expect(() => np.max(a, axis)).toThrow('zero-size array to reduction operation maximum which has no identity');
          expect(() => np.argmax(a, axis)).toThrow('attempt to get argmax of an empty sequence');
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('all-axes reductions return JS numbers equal to the reference', () => {
    fc.assert(
      fc.property(quarters, ([a]) => {
        const p = toPlain(a);
        const flat = refReduce(p, null, (xs) => xs.length);
        expect(flat.values[0]).toBe(a.size);
        expect(np.sum(a)).toBe(refReduce(p, null, refSum).values[0]);
        same(np.mean(a), refReduce(p, null, refMean));
        same(np.median(a), refReduce(p, null, refMedian));
        same(np.cumsum(a), refScan(p, null, refCumsum));
        if (a.size > 0) expect(np.argmax(a)).toBe(refReduce(p, null, refArgmax).values[0]);
      }),
      { numRuns: 100, seed: 8 },
    );
  });

  it('int32 sums wrap as the reference wraps', () => {
    const big = fc.array(fc.integer({ min: -2147483648, max: 2147483647 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(big, (xs) => {
        const a = np.asarray(new Int32Array(xs));
        const exact = xs.reduce((s, x) => s + BigInt(x), 0n);
        expect(np.sum(a)).toBe(Number(BigInt.asIntN(32, exact)));
        expect(np.mean(a)).toBeCloseTo(Number(exact) / xs.length, 6);
      }),
      { numRuns: 100, seed: 9 },
    );
  });
});

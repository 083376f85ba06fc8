/**
 * The porting essentials against NumPy and against the naive reference of
 * `test/reference/porting.ts`: bincount, histogram, digitize, interp, unravelIndex,
 * ravelMultiIndex, indices, put, isin, intersect1d, union1d, setdiff1d, finfo/iinfo,
 * slidingWindowView and FlatIter (`a.flat`). Random arrays of every relevant dtype, with 0-
 * and 1-length axes and every layout (transposed, reversed, stepped, offset, stride-0,
 * Fortran), values from small pools (ties, NaN, +-0, +-inf) or wide ranges, repeated and
 * out-of-range indices, random options (some invalid). dtype, shape, values and error
 * messages must match NumPy (index results and counts are int32 where NumPy's are int64),
 * and no input may change (except the array `put` and `FlatIter.set` write into).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { hasNumpy, pyFloat, pyInt, pyTuple, type OracleAnswer, type PyArg, type PyValue } from '../oracle/numpy.js';
import { comparePlain, mismatch, type Tolerance } from '../oracle/compare.js';
import { makeView, sample, type ViewKind } from '../arbitraries/arrays.js';
import { toPlain } from '../reference/plain.js';
import {
  refBincount, refClipMode, refDigitize, refFlatGet, refHistogram, refIndices, refIntersect, refInterp, refIsin, refPut, refRavel,
  refSetdiff, refSlicePositions, refSlidingWindow, refUnion, refUnravel,
} from '../reference/porting.js';
import { pick, randInt, seededRandom } from '../helpers.js';
import { againstNumpy, againstReference, type Case } from './case-runner.js';

type DType = np.DType;
type V = number | bigint;
const INDEX: Record<string, string> = { int64: 'int32' };
const VIEWS: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast', 'fortran'];
const WRITABLE: ViewKind[] = VIEWS.filter((v) => v !== 'broadcast');
const INTS: DType[] = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64'];
const NUMERIC: DType[] = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'];

// ---------------------------------------------------------------------------------------
// Arrays: a seed drives the values; fast-check draws dtype, shape and layout.

interface Spec {
  dtype: DType;
  shape: number[];
  view: ViewKind;
  pick: number;
  seed: number;
}

const side = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constant(1) },
  { weight: 5, arbitrary: fc.integer({ min: 2, max: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 7, max: 30 }) },
);

function specArb(o: { minDims?: number; maxDims?: number; views?: ViewKind[]; dtypes?: DType[] } = {}): fc.Arbitrary<Spec> {
  return fc.record({
    dtype: fc.constantFrom(...(o.dtypes ?? NUMERIC)),
    shape: fc.array(side, { minLength: o.minDims ?? 0, maxLength: o.maxDims ?? 3 }).filter((s) => s.reduce((x, y) => x * y, 1) <= 120),
    view: fc.constantFrom(...(o.views ?? VIEWS)),
    pick: fc.nat(7),
    seed: fc.nat(),
  });
}

/** A value of `dtype` in `[lo, hi]` (integers), or from a float pool with specials. */
function valueOf(dtype: DType, r: () => number, lo = -20, hi = 20, specials = true): V {
  const info = np.DTYPES[dtype];
  if (dtype === 'bool') return r() < 0.5 ? 0 : 1;
  if (info.kind === 'f') {
    const pool = specials ? [0, -0, 1, -1, 2.5, 0.1, NaN, Infinity, -Infinity] : [0, -0, 1, -1, 2.5, 0.1];
    const v = r() < 0.3 ? pick(r, pool) : r() < 0.5 ? Math.floor(r() * (hi - lo + 1) + lo) / 2 : r() * (hi - lo) + lo;
    return dtype === 'float32' ? Math.fround(v) : v;
  }
  const min = Math.max(Number(info.min), lo);
  const max = Math.min(Number(info.max), hi);
  const v = min + Math.floor(r() * (max - min + 1));
  return info.bigint ? BigInt(v) : v;
}

function build(s: Spec, f?: (r: () => number, k: number) => V): np.NDArray {
  const size = s.shape.reduce((x, y) => x * y, 1);
  const r = seededRandom(s.seed);
  const values = Array.from({ length: size }, (_, k) => (f === undefined ? valueOf(s.dtype, r) : f(r, k)));
  return makeView(s.dtype, s.shape, values, s.view, s.pick);
}

/** `v` as a stored value of `dtype` (truncated for integers, rounded for float32, a bigint for 64-bit ints). */
function coerce(dtype: DType, v: V): V {
  const info = np.DTYPES[dtype];
  const x = Number(v);
  if (info.kind === 'f') return dtype === 'float32' ? Math.fround(x) : x;
  if (info.kind === 'b') return x !== 0 ? 1 : 0;
  const t = Number.isFinite(x) ? Math.trunc(x) : 0;
  const c = Math.min(Math.max(t, Number(info.min)), Number(info.max));
  return info.bigint ? BigInt(c) : c;
}

/** A random array of `dtype`, `shape`, a random layout, values from `f`. */
function arr(r: () => number, dtype: DType, shape: number[], f: (r: () => number) => V, views: ViewKind[] = VIEWS): np.NDArray {
  const size = shape.reduce((x, y) => x * y, 1);
  return makeView(dtype, shape, Array.from({ length: size }, () => coerce(dtype, f(r))), pick(r, views), randInt(r, 0, 7));
}

/** A JS list value: -0 becomes 0 (the oracle sends integral JS numbers as Python ints). */
const listNum = (v: V): number => Number(v) + 0;

function describeArr(a: unknown): string {
  if (!(a instanceof np.NDArray)) return JSON.stringify(a, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
  return `${a.dtype}(${a.shape}) strides (${a.strides}) offset ${a.offset} ${JSON.stringify(toPlain(a).values.map(String))}`;
}

/** A JS number as the Python value it stands for (NEP 50: integral numbers are ints). */
const pyNum = (x: number | null | undefined): PyArg => (x === null || x === undefined ? null : Number.isInteger(x) ? pyInt(x) : pyFloat(x));

// ---------------------------------------------------------------------------------------
// Cases (run by ./case-runner.ts).

/** Compares a plain result with expected numbers (exact unless `tol`). */
function expectPlain(ours: unknown, dtype: string | null, shape: readonly number[], values: readonly V[], tol: Tolerance = {}): string | null {
  if (!(ours instanceof np.NDArray)) return `expected an array, got ${String(ours)}`;
  const p = toPlain(ours);
  return comparePlain(p, { dtype: dtype ?? p.dtype, shape: shape.slice(), values: values.slice() }, tol);
}

const nums = (a: np.NDArray): number[] => toPlain(a).values.map(Number);

/** NumPy's int64 index results are int32 in numbat. */
const idxCmp = (o: unknown, ans: OracleAnswer): string | null => mismatch(o, ans, { dtypeMap: INDEX });

// ---------------------------------------------------------------------------------------
// bincount, histogram, digitize

function bincountCases(n: number): Case[] {
  return sample(specArb({ minDims: 1, maxDims: 1, dtypes: [...INTS, 'float64'] }), n, 21).map((s0) => {
    const r = seededRandom(s0.seed);
    const s = { ...s0, shape: r() < 0.05 ? (r() < 0.5 ? [] : [2, 2]) : s0.shape };
    const a = build(s, (rr) => (np.DTYPES[s.dtype].bigint ? BigInt(randInt(rr, 0, 12)) : rr() < 0.02 && s.dtype !== 'bool' && s.dtype[0] !== 'u' ? -1 : randInt(rr, 0, s.dtype === 'bool' ? 1 : 12)));
    const withW = r() < 0.4;
    const wlen = a.ndim === 1 ? a.shape[0]! + (r() < 0.05 ? 1 : 0) : 1;
    const w = withW ? arr(r, pick(r, NUMERIC), [wlen], (rr) => valueOf(pick(rr, ['float64', 'int16'] as DType[]), rr, -5, 5, false)) : null;
    const minlength = r() < 0.5 ? 0 : r() < 0.05 ? -1 : randInt(r, 0, 15);
    const jsList = r() < 0.2 && a.ndim === 1 && !np.DTYPES[a.dtype].bigint;
    const x = jsList ? (nums(a) as number[]) : a;
    return {
      desc: `bincount(${describeArr(x)}, weights=${describeArr(w)}, minlength=${minlength})`,
      inputs: [a, ...(w === null ? [] : [w])],
      run: () => np.bincount(x, { weights: w, minlength }),
      py: 'np.bincount(x, weights=w, minlength=m)',
      compare: idxCmp,
      args: { x: jsList ? (x as number[]) : a, w, m: minlength },
      ref: (o) => {
        const exp = refBincount(a, w, minlength);
        // NumPy returns integer zeros for an empty x, weights or not
        return expectPlain(o, w === null || a.size === 0 ? 'int32' : 'float64', [exp.length], exp, { rtol: 1e-12 });
      },
    };
  });
}

function histogramCases(n: number): Case[] {
  const dtypes: DType[] = ['bool', 'int8', 'uint8', 'int16', 'int32', 'uint32', 'int64', 'float32', 'float64'];
  return sample(specArb({ dtypes, maxDims: 3 }), n, 22).map((s) => {
    const r = seededRandom(s.seed);
    const specials = r() < 0.15;
    const a = build(s, (rr) => valueOf(s.dtype, rr, -30, 30, specials));
    const mode = r();
    let bins: number | number[] | np.NDArray;
    if (mode < 0.55) bins = r() < 0.05 ? 0 : randInt(r, 1, 12);
    else {
      const ne = randInt(r, r() < 0.05 ? 0 : 1, 8);
      const dt = pick(r, ['float64', 'int32', 'float32'] as DType[]);
      const vals = Array.from({ length: ne }, () => Number(valueOf(dt, r, -35, 35, false))).sort((x, y) => x - y);
      if (r() < 0.05 && ne > 1) vals.reverse();
      bins = r() < 0.3 ? vals.map(listNum) : arr(r, dt, [ne], (() => { let k = 0; return () => vals[k++]!; })(), WRITABLE);
    }
    const range: [number, number] | null = r() < 0.35 ? ((): [number, number] => {
      const lo = pick(r, [0, -10, 0.1, -2.5, 3]);
      const hi = r() < 0.05 ? lo - 1 : r() < 0.5 ? lo : lo + pick(r, [1, 10, 0.7, 25.5]);
      return [lo, hi];
    })() : null;
    const density = r() < 0.25;
    const w = r() < 0.25 ? arr(r, pick(r, ['float64', 'float32', 'int32', 'int16'] as DType[]), a.shape, (rr) => valueOf('float64', rr, -3, 3, false)) : null;
    const wCast = w === null ? null : w;
    const inputs = [a, ...(bins instanceof np.NDArray ? [bins] : []), ...(w === null ? [] : [w])];
    const given = typeof bins !== 'number';
    return {
      desc: `histogram(${describeArr(a)}, bins=${describeArr(bins)}, range=${JSON.stringify(range)}, density=${density}, weights=${describeArr(w)})`,
      inputs,
      run: () => np.histogram(a, bins, { range, density, weights: wCast }),
      py: 'np.histogram(a, bins=b, range=rg, density=d, weights=w)',
      args: { a, b: typeof bins === 'number' ? pyInt(bins) : bins, rg: range === null ? null : pyTuple(pyNum(range[0]), pyNum(range[1])), d: density, w },
      // weighted given edges: NumPy's unstable argsort orders tied values differently (the
      // cumulative sums may differ in the last bits); float32 densities divide by numbat's
      // float32 sum, which rounds once where NumPy rounds every partial sum
      compare: (o, ans) => mismatch(o, ans, { dtypeMap: INDEX, ...(w !== null && given ? (w.dtype === 'float32' ? { rtol: 1e-5, atol: 1e-3 } : { rtol: 1e-9, atol: 1e-9 }) : w?.dtype === 'float32' && density ? { rtol: 1e-6 } : {}) }),
      ref: (o) => {
        const [hist, edges] = o as [np.NDArray, np.NDArray];
        if (given && (bins as number[] | np.NDArray) instanceof np.NDArray && edges !== bins) return 'the given edges are not returned as is';
        // every counted value lies in the bin whose returned edges bracket it
        const vals = toPlain(a).values.map(Number).map((v) => (s.dtype === 'float32' ? Math.fround(v) : v));
        const e = nums(edges);
        const inRange = vals.filter((v) => v >= e[0]! && v <= e[e.length - 1]!);
        if (density || w !== null) return null;
        const exp = refHistogram(given ? vals : inRange, e, null);
        return expectPlain(hist, 'int32', [exp.length], exp);
      },
    };
  });
}

function digitizeCases(n: number): Case[] {
  return sample(specArb({ maxDims: 2 }), n, 23).map((s) => {
    const r = seededRandom(s.seed);
    const x = r() < 0.2 ? Number(valueOf('float64', r, -10, 10)) : build(s, (rr) => valueOf(s.dtype, rr, -10, 10));
    const nb = randInt(r, 0, 7);
    const bdt = pick(r, ['float64', 'int32', 'float32', 'int8', 'uint8'] as DType[]);
    const vals = Array.from({ length: nb }, () => Number(valueOf(bdt, r, -10, 10, false))).sort((p, q) => p - q);
    if (r() < 0.3) vals.reverse();
    if (r() < 0.08 && nb > 2) [vals[0], vals[1]] = [vals[1]!, vals[0]!];
    if (r() < 0.05 && bdt[0] === 'f') vals.push(NaN);
    // a NaN inside: NumPy's monotonicity check then depends on where it sits
    if (r() < 0.05 && bdt[0] === 'f' && nb > 0) vals.splice(randInt(r, 0, nb - 1), 0, NaN);
    const bshape = r() < 0.04 ? [] : r() < 0.04 ? [1, vals.length] : [vals.length];
    const bins = bshape.length === 0 ? arr(r, bdt, [], () => 1) : arr(r, bdt, bshape, (() => { let k = 0; return () => vals[k++]!; })(), WRITABLE);
    const right = r() < 0.5;
    return {
      desc: `digitize(${describeArr(x)}, ${describeArr(bins)}, right=${right})`,
      inputs: [bins, ...(x instanceof np.NDArray ? [x] : [])],
      run: () => np.digitize(x, bins, right),
      py: 'np.digitize(x, b, right=rt)',
      compare: idxCmp,
      args: { x: typeof x === 'number' ? pyFloat(x) : x, b: bins, rt: right },
      // with a NaN edge NumPy binary-searches bins that are not sorted in its order: no closed form
      ref: vals.some(Number.isNaN) ? undefined : (o) => {
        const xs = typeof x === 'number' ? [x] : nums(x);
        const exp = refDigitize(xs, nums(bins), right);
        if (typeof x === 'number') return o === exp[0] ? null : `expected ${exp[0]}, got ${String(o)}`;
        return expectPlain(o, 'int32', x.shape, exp);
      },
    };
  });
}

// ---------------------------------------------------------------------------------------
// interp

function interpCases(n: number): Case[] {
  return sample(specArb({ maxDims: 2 }), n, 24).map((s) => {
    const r = seededRandom(s.seed);
    const x = r() < 0.15 ? Number(valueOf('float64', r, -12, 12)) : build(s, (rr) => valueOf(s.dtype, rr, -12, 12, rr() < 0.3));
    const np_ = randInt(r, r() < 0.03 ? 0 : 1, 9);
    const period = r() < 0.25 ? pick(r, [360, 7.5, -10, 2 * Math.PI]) : null;
    let xpv: number[];
    if (period !== null) {
      const p = Math.abs(period);
      const base = new Set<number>();
      while (base.size < np_) base.add(Math.floor(r() * p * 8) / 8);
      xpv = [...base].map((v) => v + p * randInt(r, -2, 2));
    } else {
      const set = new Set<number>();
      while (set.size < np_) set.add(Math.floor(r() * 160 - 80) / 8);
      xpv = [...set].sort((p, q) => p - q);
      if (r() < 0.1 && np_ > 2) xpv[1] = xpv[0]!; // a repeated sample point
      if (r() < 0.08) xpv.reverse(); // unsorted: NumPy still answers
    }
    if (r() < 0.05 && xpv.length > 0) xpv[xpv.length - 1] = Infinity;
    const fdt = pick(r, ['float64', 'float32', 'int32', 'int8'] as DType[]);
    const fpv = xpv.map(() => (r() < 0.04 ? pick(r, [Infinity, -Infinity, NaN]) : Number(valueOf(fdt, r, -20, 20, false))));
    const flen = r() < 0.03 ? fpv.length + 1 : fpv.length;
    const xp = arr(r, pick(r, ['float64', 'float32'] as DType[]), [xpv.length], (() => { let k = 0; return () => xpv[k++]!; })(), WRITABLE);
    const fp = arr(r, 'float64', [flen], (() => { let k = 0; return () => fpv[k++] ?? 1; })(), WRITABLE);
    const left = r() < 0.3 ? pick(r, [-99, 0.5, NaN]) : null;
    const right = r() < 0.3 ? pick(r, [99, -0.5]) : null;
    const exactSorted = period === null && xpv.every((v, i) => i === 0 || v > xpv[i - 1]!) && xpv.every(Number.isFinite) && fpv.every(Number.isFinite);
    return {
      desc: `interp(${describeArr(x)}, ${describeArr(xp)}, ${describeArr(fp)}, left=${left}, right=${right}, period=${period})`,
      inputs: [xp, fp, ...(x instanceof np.NDArray ? [x] : [])],
      run: () => np.interp(x, xp, fp, { left, right, period }),
      py: 'np.interp(x, xp, fp, left=l, right=rt, period=p)',
      args: { x: typeof x === 'number' ? pyFloat(x) : x, xp, fp, l: left === null ? null : pyFloat(left), rt: right === null ? null : pyFloat(right), p: period === null ? null : pyNum(period) },
      // NumPy's arr_interp step for step: bit-identical
      compare: (o, ans) => mismatch(o, ans, { rtol: 0, atol: 0 }),
      ref: exactSorted && flen === fpv.length && xpv.length > 0
        ? (o) => {
            const xs = typeof x === 'number' ? [x] : nums(x);
            const exp = refInterp(xs, nums(xp), nums(fp), left, right);
            if (typeof x === 'number') return Math.abs((o as number) - exp[0]!) <= 1e-9 * Math.max(1, Math.abs(exp[0]!)) || Object.is(o, exp[0]) ? null : `expected ${exp[0]}, got ${String(o)}`;
            return expectPlain(o, 'float64', x.shape, exp, { rtol: 1e-9, atol: 1e-9, signedZeros: false });
          }
        : undefined,
    };
  });
}

// ---------------------------------------------------------------------------------------
// unravelIndex, ravelMultiIndex, indices

const dimsArb = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 0, maxLength: 3 });

function unravelCases(n: number): Case[] {
  return sample(fc.tuple(dimsArb, fc.nat()), n, 25).map(([dims, seed]) => {
    const r = seededRandom(seed);
    const size = dims.reduce((p, q) => p * q, 1);
    const bad = r() < 0.08;
    const one = (rr: () => number): number => (bad && rr() < 0.3 ? pick(rr, [size, -1, size + 3]) : randInt(rr, 0, Math.max(size - 1, 0)));
    const order = pick(r, ['C', 'F'] as const);
    let idx: number | np.NDArray | number[];
    if (r() < 0.3 || dims.length === 0) idx = one(r);
    else if (r() < 0.2) idx = Array.from({ length: randInt(r, 1, 4) }, () => one(r));
    else idx = arr(r, pick(r, (size > 127 ? ['int32', 'uint8', 'int64', 'int16'] : ['int32', 'int8', 'uint8', 'int64', 'int16']) as DType[]), [randInt(r, 0, 4), ...(r() < 0.3 ? [2] : [])], (rr) => {
      const v = one(rr);
      return v;
    });
    if (idx instanceof np.NDArray && np.DTYPES[idx.dtype].bigint) idx = np.asarray(idx, { dtype: 'int32' });
    if (r() < 0.03) idx = np.array([1.5]);
    const i = idx;
    return {
      desc: `unravelIndex(${describeArr(i)}, [${dims}], ${order})`,
      inputs: i instanceof np.NDArray ? [i] : [],
      run: () => np.unravelIndex(i, dims, { order }),
      py: 'np.unravel_index(i, tuple(d), order=o)',
      compare: idxCmp,
      args: { i, d: dims, o: order },
      ref: (o) => {
        const list = typeof i === 'number' ? [i] : Array.isArray(i) ? i : nums(i);
        const exp = list.map((v) => refUnravel(v, dims, order));
        const cols = o as (number | np.NDArray)[];
        for (let ax = 0; ax < dims.length; ax++) {
          const want = exp.map((c) => c[ax]!);
          const got = cols[ax]!;
          if (typeof got === 'number') {
            if (got !== want[0]) return `axis ${ax}: ${got} != ${want[0]}`;
          } else if (nums(got).join() !== want.join()) return `axis ${ax}: ${nums(got)} != ${want}`;
        }
        return cols.length === dims.length ? null : 'wrong number of axes';
      },
    };
  });
}

function ravelCases(n: number): Case[] {
  const MODES = ['raise', 'wrap', 'clip'] as const;
  return sample(fc.tuple(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }), fc.nat()), n, 26).map(([dims0, seed]) => {
    const r = seededRandom(seed);
    const dims = r() < 0.04 ? [...dims0.slice(1), 0] : dims0;
    const modeAll = pick(r, MODES);
    const mode = r() < 0.3 ? dims.map(() => pick(r, MODES)) : modeAll;
    const order = pick(r, ['C', 'F'] as const);
    const modes = Array.isArray(mode) ? mode : dims.map(() => mode);
    const coord = (rr: () => number, ax: number): number => (modes[ax] === 'raise' && rr() < 0.9 ? randInt(rr, 0, dims[ax]! - 1) : randInt(rr, -9, 9));
    let multi: (number | np.NDArray)[] | np.NDArray;
    const kind = r();
    if (kind < 0.25) multi = dims.map((_, ax) => coord(r, ax));
    else if (kind < 0.4) multi = arr(r, 'int32', [dims.length, randInt(r, 0, 4)], (rr) => randInt(rr, 0, Math.min(...dims) - 1));
    else {
      const len = randInt(r, 0, 4);
      multi = dims.map((_, ax) => arr(r, pick(r, ['int32', 'int16', 'int8'] as DType[]), r() < 0.2 ? [1] : r() < 0.1 ? [2, len] : [len], (rr) => coord(rr, ax)));
      if (r() < 0.05) multi.pop();
    }
    const m = multi;
    const inputs = m instanceof np.NDArray ? [m] : m.filter((c): c is np.NDArray => c instanceof np.NDArray);
    return {
      desc: `ravelMultiIndex(${m instanceof np.NDArray ? describeArr(m) : m.map(describeArr).join(', ')}, [${dims}], ${JSON.stringify(mode)}, ${order})`,
      inputs,
      run: () => np.ravelMultiIndex(m, dims, { mode, order }),
      py: 'np.ravel_multi_index(tuple(m) if isinstance(m, list) else m, tuple(d), mode=tuple(md) if isinstance(md, list) else md, order=o)',
      compare: idxCmp,
      args: { m: m instanceof np.NDArray ? m : m.map((c) => (typeof c === 'number' ? pyInt(c) : c)), d: dims, md: mode, o: order },
      ref: (o) => {
        const cols = (m instanceof np.NDArray ? [...m].map(nums) : m.map((c) => (typeof c === 'number' ? [c] : nums(c))));
        if (!(m instanceof np.NDArray) && m.some((c) => c instanceof np.NDArray && c.ndim !== 1)) return null;
        const len = Math.max(...cols.map((c) => c.length));
        if (cols.some((c) => c.length !== len && c.length !== 1)) return null;
        const exp: number[] = [];
        for (let k = 0; k < len; k++) {
          const c = cols.map((col, ax) => refClipMode(col[col.length === 1 ? 0 : k]!, dims[ax]!, modes[ax]!));
          if (c.some((v) => v === null)) return 'expected an error';
          exp.push(refRavel(c as number[], dims, order));
        }
        if (typeof o === 'number') return o === exp[0] ? null : `expected ${exp[0]}, got ${o}`;
        return nums(o as np.NDArray).join() === exp.join() ? null : `expected ${exp}, got ${nums(o as np.NDArray)}`;
      },
    };
  });
}

function indicesCases(n: number): Case[] {
  return sample(fc.tuple(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 3 }), fc.nat()), n, 27).map(([dims, seed]) => {
    const r = seededRandom(seed);
    const dtype = r() < 0.4 ? undefined : pick(r, ['int32', 'float64', 'int8', 'bool', 'float32', 'uint16'] as DType[]);
    const sparse = r() < 0.3;
    return {
      desc: `indices([${dims}], dtype=${dtype}, sparse=${sparse})`,
      inputs: [],
      run: () => (sparse ? np.indices(dims, { dtype, sparse: true }) : np.indices(dims, { dtype })),
      py: 'np.indices(tuple(d), dtype=np.dtype(dt) if dt else int, sparse=sp)',
      compare: idxCmp,
      args: { d: dims, dt: dtype ?? null, sp: sparse },
      ref: (o) => {
        if (sparse || (dtype !== undefined && dtype !== 'int32')) return null;
        const exp = refIndices(dims);
        return expectPlain(o, 'int32', exp.shape, exp.values);
      },
    };
  });
}

// ---------------------------------------------------------------------------------------
// put

function putCases(n: number): Case[] {
  return sample(specArb({ views: WRITABLE, maxDims: 3 }), n, 28).map((s) => {
    const r = seededRandom(s.seed);
    const x = build(s);
    const before = toPlain(x);
    const size = x.size;
    const mode = pick(r, ['raise', 'raise', 'wrap', 'clip'] as const);
    const span = Math.max(size, 1);
    const one = (rr: () => number): number => (mode === 'raise' && rr() < 0.95 ? randInt(rr, -span, span - 1) : randInt(rr, -3 * span, 3 * span));
    const ni = randInt(r, 0, 8);
    let ind: number | number[] | np.NDArray;
    if (r() < 0.2) ind = one(r);
    else if (r() < 0.4) ind = Array.from({ length: ni }, () => one(r));
    else ind = arr(r, pick(r, ['int32', 'int16', 'int64', 'uint8'] as DType[]), r() < 0.3 ? [2, Math.ceil(ni / 2)] : [ni], (rr) => {
      const v = one(rr);
      return v;
    });
    if (ind instanceof np.NDArray && ind.dtype === 'uint8') ind = np.asarray(np.abs(ind), { dtype: 'int32' });
    if (ind instanceof np.NDArray && np.DTYPES[ind.dtype].bigint) ind = np.asarray(ind, { dtype: 'int32' });
    const vsame = r() < 0.5;
    let v: number | number[] | np.NDArray;
    if (r() < 0.3) v = listNum(valueOf(x.dtype === 'bool' ? 'bool' : np.DTYPES[x.dtype].bigint ? 'int8' : x.dtype, r, -5, 5, false));
    else if (r() < 0.3) v = Array.from({ length: randInt(r, 0, 4) }, () => listNum(valueOf(np.DTYPES[x.dtype].kind === 'f' ? 'float64' : 'int8', r, 0, 100, false)));
    else v = arr(r, vsame ? x.dtype : pick(r, NUMERIC), [randInt(r, 0, 5)], (rr) => valueOf(vsame ? x.dtype : 'int8', rr, -5, 5, false), VIEWS);
    if (v instanceof np.NDArray && !vsame) v = build({ dtype: pick(r, NUMERIC), shape: [randInt(r, 0, 5)], view: pick(r, VIEWS), pick: 1, seed: s.seed + 1 });
    const i = ind;
    const vv = v;
    return {
      desc: `put(${describeArr(x)}, ${describeArr(i)}, ${describeArr(vv)}, ${mode})`,
      inputs: [...(i instanceof np.NDArray ? [i] : []), ...(vv instanceof np.NDArray ? [vv] : [])],
      run: () => {
        np.put(x, i, vv, mode);
        return x;
      },
      py: 'b = a.copy()\nnp.put(b, i, v, mode=md)\nresult = b',
      args: { a: before, i, v: vv, md: mode },
      ref: (o) => {
        if (!(vv instanceof np.NDArray) || vv.dtype !== x.dtype) return null;
        const il = typeof i === 'number' ? [i] : Array.isArray(i) ? i : nums(i);
        const exp = refPut(before, il, toPlain(vv).values, mode);
        if (exp === null) return 'expected an error';
        return comparePlain(toPlain(o as np.NDArray), exp);
      },
    };
  });
}

// ---------------------------------------------------------------------------------------
// isin and the set operations

/** A small pool of values per dtype, so that arrays share values often. */
function pooledArray(r: () => number, dtype: DType, shape: number[], views: ViewKind[] = VIEWS): np.NDArray {
  const pool: V[] = Array.from({ length: randInt(r, 1, 6) }, () => valueOf(dtype, r, -6, 6));
  return arr(r, dtype, shape, (rr) => pick(rr, pool), views);
}

const isUnique = (a: np.NDArray): boolean => {
  const v = nums(a);
  return new Set(v.map((x) => (Object.is(x, -0) ? 0 : x))).size === v.length && !v.some(Number.isNaN);
};

function isinCases(n: number): Case[] {
  return sample(fc.tuple(specArb({ maxDims: 3 }), fc.nat()), n, 29).map(([s, seed]) => {
    const r = seededRandom(seed);
    const e = pooledArray(r, s.dtype, s.shape);
    const t = r() < 0.2 ? Number(valueOf('float64', r, -6, 6, false)) : pooledArray(r, pick(r, NUMERIC), [randInt(r, 0, 8), ...(r() < 0.2 ? [2] : [])]);
    const invert = r() < 0.3;
    const au = t instanceof np.NDArray && isUnique(e) && isUnique(t) && r() < 0.5;
    return {
      desc: `isin(${describeArr(e)}, ${describeArr(t)}, invert=${invert}, assumeUnique=${au})`,
      inputs: [e, ...(t instanceof np.NDArray ? [t] : [])],
      run: () => np.isin(e, t, { invert, assumeUnique: au }),
      py: 'np.isin(e, t, invert=inv, assume_unique=au)',
      args: { e, t: typeof t === 'number' ? pyNum(t) : t, inv: invert, au },
      ref: (o) => {
        const exp = refIsin(toPlain(e).values, typeof t === 'number' ? [t] : toPlain(t).values, invert);
        return expectPlain(o, 'bool', e.shape, exp.map((b) => (b ? 1 : 0)));
      },
    };
  });
}

function setCases(n: number): Case[] {
  const OPS = ['intersect1d', 'union1d', 'setdiff1d'] as const;
  return sample(fc.tuple(specArb({ maxDims: 2 }), fc.nat()), n, 30).map(([s, seed]) => {
    const r = seededRandom(seed);
    const op = pick(r, OPS);
    const a = pooledArray(r, s.dtype, s.shape);
    const b = pooledArray(r, r() < 0.6 ? s.dtype : pick(r, NUMERIC), [randInt(r, 0, 7), ...(r() < 0.15 ? [2] : [])]);
    const ri = op === 'intersect1d' && r() < 0.4;
    // assumeUnique with repeated values is NumPy's undefined territory except for intersect1d
    const au = r() < 0.3 && (op === 'intersect1d' || (isUnique(a) && isUnique(b)));
    // which of -0 and 0 represents them is unspecified unless indices are asked for (a stable sort)
    const compare = (o: unknown, ans: OracleAnswer): string | null => {
      if (!ri || !ans.ok) return mismatch(o, ans, { signedZeros: false });
      const [v, i1, i2] = ans.value as PyValue[];
      const [ov, oi1, oi2] = o as np.NDArray[];
      return mismatch(ov, v!) ?? mismatch(oi1, i1!, { dtypeMap: INDEX }) ?? mismatch(oi2, i2!, { dtypeMap: INDEX });
    };
    let run: () => unknown;
    let code: string;
    if (op === 'intersect1d') {
      run = () => np.intersect1d(a, b, { assumeUnique: au, returnIndices: ri });
      code = 'np.intersect1d(a, b, assume_unique=au, return_indices=ri)';
    } else if (op === 'union1d') {
      run = () => np.union1d(a, b);
      code = 'np.union1d(a, b)';
    } else {
      run = () => np.setdiff1d(a, b, { assumeUnique: au });
      code = 'np.setdiff1d(a, b, assume_unique=au)';
    }
    return {
      desc: `${op}(${describeArr(a)}, ${describeArr(b)}, assumeUnique=${au}, returnIndices=${ri})`,
      inputs: [a, b],
      run,
      py: code,
      args: { a, b, au, ri },
      compare,
      ref: au
        ? undefined
        : (o) => {
            const av = nums(a);
            const bv = nums(b);
            const exp = op === 'intersect1d' ? refIntersect(av, bv) : op === 'union1d' ? refUnion(av, bv) : refSetdiff(av, bv);
            const got = ri ? (o as np.NDArray[])[0]! : (o as np.NDArray);
            return expectPlain(got, null, [exp.length], exp, { signedZeros: false, rtol: 1e-6 });
          },
    };
  });
}

// ---------------------------------------------------------------------------------------
// finfo and iinfo

const FFIELDS = ['bits', 'eps', 'epsneg', 'iexp', 'machep', 'max', 'maxexp', 'min', 'minexp', 'negep', 'nexp', 'nmant', 'precision', 'resolution', 'smallestNormal', 'smallestSubnormal', 'tiny'] as const;

function infoCases(): Case[] {
  const cases: Case[] = [];
  for (const d of NUMERIC) {
    cases.push({
      desc: `finfo(${d})`,
      inputs: [],
      run: () => {
        const f = np.finfo(d);
        return [...FFIELDS.map((k) => f[k]), f.dtype, String(f)];
      },
      py: `f = np.finfo(np.dtype(d))\nresult = [${FFIELDS.map((k) => `f.${k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())}`).join(', ')}, str(f.dtype), repr(f)]`,
      args: { d },
      compare: (o, ans) => mismatch(o, ans, { ignoreDtype: true, rtol: 0, atol: 0 }),
    });
    cases.push({
      desc: `iinfo(${d})`,
      inputs: [],
      run: () => {
        const f = np.iinfo(d);
        return [f.bits, f.min, f.max, f.kind, f.dtype, String(f)];
      },
      py: 'f = np.iinfo(np.dtype(d))\nresult = [f.bits, f.min, f.max, f.kind, str(f.dtype), repr(f)]',
      args: { d },
    });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------
// slidingWindowView

function slidingCases(n: number): Case[] {
  return sample(specArb({ maxDims: 3 }), n, 31).map((s) => {
    const r = seededRandom(s.seed);
    const x = build(s);
    const useAxis = r() < 0.6 && x.ndim > 0;
    const axes = useAxis ? Array.from({ length: randInt(r, 1, 2) }, () => randInt(r, -x.ndim - (r() < 0.05 ? 1 : 0), x.ndim - 1)) : x.shape.map((_, i) => i);
    const win = axes.map((ax) => {
      const len = x.shape[ax < 0 ? ax + x.ndim : ax] ?? 1;
      return r() < 0.05 ? len + 1 : r() < 0.03 ? -1 : randInt(r, 0, len);
    });
    if (!useAxis && r() < 0.05) win.push(1);
    const axisArg: number | number[] | null = useAxis ? (axes.length === 1 && r() < 0.5 ? axes[0]! : axes) : null;
    const w: number | number[] = win.length === 1 && r() < 0.5 ? win[0]! : win;
    return {
      desc: `slidingWindowView(${describeArr(x)}, ${JSON.stringify(w)}, axis=${JSON.stringify(axisArg)})`,
      inputs: [x],
      run: () => {
        const v = np.slidingWindowView(x, w, axisArg);
        if (v.data !== x.data) throw new Error('not a view of x');
        if (v.flags.writeable) throw new Error('the view is writeable');
        return v;
      },
      py: 'np.lib.stride_tricks.sliding_window_view(x, tuple(w) if isinstance(w, list) else w, axis=tuple(ax) if isinstance(ax, list) else ax)',
      args: { x, w, ax: axisArg },
      ref: (o) => {
        const nax = axes.map((ax) => (ax < 0 ? ax + x.ndim : ax));
        return comparePlain(toPlain(o as np.NDArray), refSlidingWindow(x, win, nax));
      },
    };
  });
}

// ---------------------------------------------------------------------------------------
// FlatIter

type FlatIdx = { kind: 'int'; i: number } | { kind: 'slice'; start: number | null; stop: number | null; step: number | null } | { kind: 'ellipsis' } | { kind: 'array'; a: np.NDArray } | { kind: 'list'; l: number[] } | { kind: 'mask'; m: np.NDArray };

function flatIndexOf(r: () => number, n: number): FlatIdx {
  const k = r();
  const pos = (rr: () => number): number => (rr() < 0.05 ? pick(rr, [n, -n - 1]) : randInt(rr, -n, Math.max(n - 1, -n)));
  if (k < 0.25) return { kind: 'int', i: n === 0 ? 0 : pos(r) };
  if (k < 0.5) {
    const b = (): number | null => (r() < 0.3 ? null : randInt(r, -n - 2, n + 2));
    const step = r() < 0.4 ? null : pick(r, [1, 2, -1, -2, 3]);
    return { kind: 'slice', start: b(), stop: b(), step };
  }
  if (k < 0.55) return { kind: 'ellipsis' };
  if (k < 0.75) return { kind: 'array', a: arr(r, pick(r, (n > 126 ? ['int32', 'int16', 'int64'] : ['int32', 'int16', 'int64', 'int8']) as DType[]), r() < 0.3 ? [2, randInt(r, 0, 3)] : [randInt(r, 0, 6)], (rr) => (n === 0 ? 0 : pos(rr))) };
  if (k < 0.85) return { kind: 'list', l: Array.from({ length: randInt(r, 1, 5) }, () => (n === 0 ? 0 : pos(r))) };
  return { kind: 'mask', m: arr(r, 'bool', [r() < 0.05 ? n + 1 : n], (rr) => (rr() < 0.4 ? 1 : 0)) };
}

function flatJs(ix: FlatIdx): np.FlatIndex {
  switch (ix.kind) {
    case 'int':
      return ix.i;
    case 'slice':
      return np.s(ix.start, ix.stop, ix.step);
    case 'ellipsis':
      return '...';
    case 'array':
      return ix.a;
    case 'list':
      return ix.l;
    case 'mask':
      return ix.m;
  }
}

function flatPy(ix: FlatIdx): { code: string; args: Record<string, PyArg> } {
  switch (ix.kind) {
    case 'int':
      return { code: 'i', args: { i: pyInt(ix.i) } };
    case 'slice':
      return { code: 'slice(s0, s1, s2)', args: { s0: ix.start, s1: ix.stop, s2: ix.step } };
    case 'ellipsis':
      return { code: 'Ellipsis', args: {} };
    case 'array':
      return { code: 'i', args: { i: ix.a } };
    case 'list':
      return { code: 'i', args: { i: ix.l } };
    case 'mask':
      return { code: 'i', args: { i: ix.m } };
  }
}

function flatRefPositions(ix: FlatIdx, n: number): number[] | null {
  switch (ix.kind) {
    case 'int':
      return [ix.i];
    case 'slice':
      return refSlicePositions(n, ix.start, ix.stop, ix.step);
    case 'ellipsis':
      return Array.from({ length: n }, (_, k) => k);
    case 'array':
      return nums(ix.a);
    case 'list':
      return ix.l;
    case 'mask':
      return nums(ix.m).flatMap((b, k) => (b ? [k] : []));
  }
}

function flatGetCases(n: number): Case[] {
  return sample(specArb({ maxDims: 3 }), n, 32).map((s) => {
    const r = seededRandom(s.seed);
    const a = build(s);
    const ix = flatIndexOf(r, a.size);
    const { code, args } = flatPy(ix);
    return {
      desc: `flat(${describeArr(a)}).get(${JSON.stringify(ix, (_, v) => (v instanceof np.NDArray ? describeArr(v) : v))})`,
      inputs: [a],
      run: () => new np.FlatIter(a).get(flatJs(ix)),
      py: `a.flat[${code}]`,
      args: { a, ...args },
      ref: (o) => {
        const pos = flatRefPositions(ix, a.size);
        if (pos === null) return null;
        const exp = refFlatGet(a, pos);
        if (ix.kind === 'int') {
          const want = a.dtype === 'bool' ? exp[0] !== 0 : exp[0];
          return Object.is(o, want) || (typeof o === 'number' && Number.isNaN(o) && Number.isNaN(Number(want))) ? null : `expected ${String(want)}, got ${String(o)}`;
        }
        const shape = ix.kind === 'array' ? ix.a.shape : [exp.length];
        return comparePlain(toPlain(o as np.NDArray), { dtype: a.dtype, shape: shape.slice(), values: exp });
      },
    };
  });
}

function flatSetCases(n: number): Case[] {
  return sample(specArb({ maxDims: 3, views: [...WRITABLE, 'broadcast'] }), n, 33).map((s) => {
    const r = seededRandom(s.seed);
    const a = build(s);
    const before = toPlain(a);
    const ix = flatIndexOf(r, a.size);
    const kindF = np.DTYPES[a.dtype].kind === 'f';
    let v: number | number[] | np.NDArray;
    if (r() < 0.4) v = listNum(valueOf(kindF ? 'float64' : 'int8', r, 0, 100, false));
    else if (r() < 0.4) v = Array.from({ length: randInt(r, 0, 4) }, () => listNum(valueOf(kindF ? 'float64' : 'int8', r, 0, 100, false)));
    else v = arr(r, pick(r, NUMERIC), [randInt(r, 0, 4)], (rr) => valueOf('int8', rr, 0, 9, false));
    if (v instanceof np.NDArray && v.dtype !== a.dtype) v = np.asarray(v, { dtype: a.dtype });
    const vv = v;
    const { code, args } = flatPy(ix);
    return {
      desc: `flat(${describeArr(a)}).set(${JSON.stringify(ix, (_, x) => (x instanceof np.NDArray ? describeArr(x) : x))}, ${describeArr(vv)})`,
      inputs: vv instanceof np.NDArray ? [vv] : [],
      run: () => {
        new np.FlatIter(a).set(flatJs(ix), vv);
        return a;
      },
      py: `b = a.copy()\n${a.flags.writeable ? '' : 'b = np.broadcast_to(b, b.shape)\n'}b.flat[${code}] = v\nresult = b`,
      args: { a: before, v: vv, ...args },
      ref: (o) => {
        const pos = flatRefPositions(ix, a.size);
        if (pos === null || !(vv instanceof np.NDArray) || vv.size === 0 || ix.kind === 'int') return null;
        const values = before.values.slice();
        const src = toPlain(vv).values;
        const nn = values.length;
        pos.forEach((p, k) => (values[p < 0 ? p + nn : p] = src[k % src.length]!));
        return comparePlain(toPlain(o as np.NDArray), { ...before, values });
      },
    };
  });
}

// ---------------------------------------------------------------------------------------

const FAMILIES: [string, (n: number) => Case[], number][] = [
  ['bincount', bincountCases, 150],
  ['histogram', histogramCases, 250],
  ['digitize', digitizeCases, 150],
  ['interp', interpCases, 200],
  ['unravelIndex', unravelCases, 120],
  ['ravelMultiIndex', ravelCases, 150],
  ['indices', indicesCases, 40],
  ['put', putCases, 200],
  ['isin', isinCases, 150],
  ['intersect1d, union1d, setdiff1d', setCases, 250],
  ['finfo, iinfo', () => infoCases(), 1],
  ['slidingWindowView', slidingCases, 150],
  ['FlatIter.get', flatGetCases, 200],
  ['FlatIter.set', flatSetCases, 200],
];

describe.runIf(hasNumpy)('porting essentials against NumPy', () => {
  for (const [name, gen, n] of FAMILIES) {
    it(`${name}: random arrays, dtypes, layouts and arguments`, async () => {
      const failures = await againstNumpy(gen(n), (o, a) => mismatch(o, a));
      expect(failures.slice(0, 10)).toEqual([]);
    });
  }
});

describe('porting essentials against the naive reference', () => {
  for (const [name, gen, n] of FAMILIES) {
    if (name === 'finfo, iinfo') continue;
    it(`${name}: random arrays, dtypes, layouts and arguments`, () => {
      const { failures, checked } = againstReference(gen(n));
      expect(failures.slice(0, 10)).toEqual([]);
      expect(checked).toBeGreaterThan(n / 5);
    });
  }
});

/**
 * Sorting and searching against NumPy and against the naive reference of
 * `test/reference/sorting.ts`: sort (and the in-place sort), argsort, partition (and the
 * in-place partition), argpartition, searchsorted, nonzero, argwhere, flatnonzero, unique, take, takeAlongAxis,
 * putAlongAxis. Random arrays of every dtype, with 0- and 1-length axes, every layout
 * (transposed, reversed, stepped, offset, stride-0, Fortran), values drawn from small pools
 * (so ties, NaN, ±0 and ±inf are common) or from each dtype's whole range; random axes
 * (some out of range), kinds, sides, kth, modes and sorters. dtype, shape, values and error
 * messages must match NumPy (index results are int32 where NumPy's are int64), and no input
 * may change. Where NumPy leaves an order unspecified (the sign of equal zeros in an
 * unstable sort, the two sides of a partition) only what it specifies is compared.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { hasNumpy, pyFloat, pyInt, type PyArg, type PyValue } from '../oracle/numpy.js';
import { comparePlain, mismatch, type Tolerance } from '../oracle/compare.js';
import { ALL_DTYPES, makeView, sample, type ViewKind } from '../arbitraries/arrays.js';
import { toPlain, type Plain } from '../reference/plain.js';
import {
  checkPartition, refArgsort, refNonzero, refPutAlongAxis, refSearchsorted, refSort, refTake, refTakeAlongAxis, refUnique,
} from '../reference/sorting.js';
import { pick, randInt, seededRandom } from '../helpers.js';
import { againstNumpy, againstReference, type Case } from './case-runner.js';

type DType = np.DType;
type V = number | bigint;
const INDEX: Record<string, string> = { int64: 'int32' };
const VIEWS: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast', 'fortran'];
const WRITABLE_VIEWS: ViewKind[] = VIEWS.filter((v) => v !== 'broadcast');

// ---------------------------------------------------------------------------------------
// Arrays: fast-check draws dtype, shape, layout and a seed; values come from the seed.

interface Spec {
  dtype: DType;
  shape: number[];
  view: ViewKind;
  pick: number;
  seed: number;
  pooled: boolean;
}

const side = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constant(1) },
  { weight: 5, arbitrary: fc.integer({ min: 2, max: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 7, max: 40 }) },
);

function specArb(o: { minDims?: number; maxDims?: number; views?: ViewKind[]; dtypes?: DType[] } = {}): fc.Arbitrary<Spec> {
  return fc.record({
    dtype: fc.constantFrom(...(o.dtypes ?? ALL_DTYPES)),
    shape: fc.array(side, { minLength: o.minDims ?? 0, maxLength: o.maxDims ?? 3 }).filter((s) => s.reduce((x, y) => x * y, 1) <= 400),
    view: fc.constantFrom(...(o.views ?? VIEWS)),
    pick: fc.nat(7),
    seed: fc.nat(),
    pooled: fc.boolean(),
  });
}

/** One value of `dtype`: from a small pool (ties, specials) or the dtype's range. */
function valueOf(dtype: DType, r: () => number, pooled: boolean): V {
  const info = np.DTYPES[dtype];
  if (dtype === 'bool') return r() < 0.5 ? 0 : 1;
  if (info.kind === 'f') {
    const pool = [0, -0, 1, -1, 2.5, 3, NaN, Infinity, -Infinity];
    if (pooled || r() < 0.3) return pick(r, pool);
    const v = r() < 0.5 ? Math.floor(r() * 81 - 40) / 4 : (r() * 2 - 1) * 10 ** randInt(r, -5, 30);
    return dtype === 'float32' ? Math.fround(v) : v;
  }
  if (info.bigint) {
    const min = info.min as bigint;
    const max = info.max as bigint;
    const pool = [0n, 1n, 2n, max, min, min < 0n ? -1n : 3n];
    if (pooled || r() < 0.3) return pick(r, pool);
    const raw = (BigInt(Math.floor(r() * 2 ** 32)) << 32n) | BigInt(Math.floor(r() * 2 ** 32));
    return min < 0n ? BigInt.asIntN(64, raw) : raw;
  }
  const min = info.min as number;
  const max = info.max as number;
  const pool = [0, 1, 2, max, min, min < 0 ? -1 : 3];
  if (pooled || r() < 0.3) return pick(r, pool);
  return min + Math.floor(r() * (max - min + 1));
}

function valuesOf(s: Spec, n: number): V[] {
  const r = seededRandom(s.seed);
  return Array.from({ length: n }, () => valueOf(s.dtype, r, s.pooled));
}

function build(s: Spec, values?: readonly V[]): np.NDArray {
  const size = s.shape.reduce((x, y) => x * y, 1);
  return makeView(s.dtype, s.shape, values ?? valuesOf(s, size), s.view, s.pick);
}

function describeArr(a: np.NDArray): string {
  return `${a.dtype}(${a.shape}) strides (${a.strides}) offset ${a.offset}`;
}

// ---------------------------------------------------------------------------------------
// Cases (run by ./case-runner.ts).

const py = (x: number | null | undefined): PyArg => (x === undefined || x === null ? null : pyInt(x));
/** A random axis for `nd` axes: mostly in range, sometimes one past either end. */
function axisOf(r: () => number, nd: number): number {
  const lo = -nd - (r() < 0.08 ? 1 : 0);
  const hi = nd - 1 + (r() < 0.05 ? 1 : 0);
  return hi < lo ? lo : randInt(r, lo, hi);
}
const plainTol = (signed: boolean): Tolerance => (signed ? {} : { signedZeros: false });

// ---------------------------------------------------------------------------------------
// Families.

const KINDS = [undefined, 'stable', 'quicksort', 'mergesort', 'heapsort'] as const;

function sortCases(n: number): Case[] {
  return sample(fc.tuple(specArb(), fc.nat()), n, 11).map(([s, seed]) => {
    const r = seededRandom(seed);
    const a = build(s);
    const axis = r() < 0.15 ? null : axisOf(r, a.ndim);
    const kind = pick(r, KINDS);
    const stable = kind === 'stable' || kind === 'mergesort';
    return {
      desc: `sort(${describeArr(a)}, axis=${axis}, kind=${kind})`,
      inputs: [a],
      run: () => np.sort(a, axis, kind === undefined ? {} : { kind }),
      py: 'np.sort(a, axis=ax, kind=k)',
      args: { a, ax: py(axis), k: kind ?? null },
      compare: (o, ans) => mismatch(o, ans, plainTol(stable)),
      ref: (o) => comparePlain(toPlain(o as np.NDArray), refSort(a, axis), plainTol(stable)),
    };
  });
}

function sortInPlaceCases(n: number): Case[] {
  return sample(fc.tuple(specArb({ views: WRITABLE_VIEWS }), fc.nat()), n, 12).map(([s, seed]) => {
    const r = seededRandom(seed);
    const a = build(s);
    const x = build(s);
    const axis = axisOf(r, a.ndim);
    const kind = pick(r, KINDS);
    return {
      desc: `sortInPlace(${describeArr(x)}, ${axis}, kind=${kind})`,
      inputs: [a],
      run: () => {
        np.sortInPlace(x, axis, { kind });
        return x;
      },
      py: 'b = a.copy()\nb.sort(axis=ax, kind=k)\nresult = b',
      args: { a, ax: pyInt(axis), k: kind ?? null },
      compare: (o, ans) => mismatch(o, ans, plainTol(kind === 'stable' || kind === 'mergesort')),
      ref: (o) => comparePlain(toPlain(o as np.NDArray), refSort(a, axis), plainTol(kind === 'stable' || kind === 'mergesort')),
    };
  });
}

function argsortCases(n: number): Case[] {
  return sample(fc.tuple(specArb(), fc.nat()), n, 13).map(([s, seed]) => {
    const r = seededRandom(seed);
    const a = build(s);
    const axis = r() < 0.15 ? null : axisOf(r, Math.max(a.ndim, 1));
    const kind = pick(r, KINDS);
    return {
      desc: `argsort(${describeArr(a)}, axis=${axis}, kind=${kind})`,
      inputs: [a],
      run: () => np.argsort(a, { axis, kind }),
      // numbat's argsort is always stable: NumPy's stable order is the one to match
      py: 'np.argsort(a, axis=ax, kind="stable")',
      args: { a, ax: py(axis) },
      ref: (o) => comparePlain(toPlain(o as np.NDArray), refArgsort(a, axis)),
    };
  });
}

/** kth for a lane of `n`: an int or a short list, mostly in `[-n, n)`. */
function kthOf(r: () => number, n: number): number | number[] {
  const one = (): number => (n === 0 ? 0 : r() < 0.05 ? pick(r, [n, -n - 1]) : randInt(r, -n, n - 1));
  return r() < 0.5 ? one() : Array.from({ length: randInt(r, 1, 3) }, one);
}

function partitionCases(n: number, arg: boolean): Case[] {
  return sample(fc.tuple(specArb(), fc.nat()), n, arg ? 15 : 14).map(([s, seed]) => {
    const r = seededRandom(seed);
    const a = build(s);
    const axis = r() < 0.15 ? null : axisOf(r, Math.max(a.ndim, 1));
    const flat = axis === null || (arg && a.ndim === 0);
    const len = flat ? a.size : a.ndim === 0 ? 1 : a.shape[axis < 0 ? axis + a.ndim : axis] ?? 1;
    const kth = kthOf(r, len);
    const ks = (Array.isArray(kth) ? kth : [kth]).map((k) => (k < 0 ? k + len : k));
    const tax = flat ? 0 : axis;
    const name = arg ? 'argpartition' : 'partition';
    // compare the elements at the kth positions: the only ones NumPy specifies
    const pick0 = (res: np.NDArray): np.NDArray => {
      const vals = arg ? np.takeAlongAxis(flat ? np.ravel(a) : a, res, tax) : res;
      return np.take(vals, ks, tax);
    };
    return {
      desc: `${name}(${describeArr(a)}, kth=${JSON.stringify(kth)}, axis=${axis})`,
      inputs: [a],
      run: () => pick0(arg ? np.argpartition(a, kth, axis) : np.partition(a, kth, axis)),
      py: arg
        ? 'flat = ax is None or a.ndim == 0\nb = a.reshape(-1) if flat else a\nt = 0 if flat else ax\nresult = np.take(np.take_along_axis(b, np.argpartition(a, kth, axis=ax), axis=t), ks, axis=t)'
        : 'p = np.partition(a, kth, axis=ax)\nresult = np.take(p, ks, axis=0 if ax is None else ax)',
      args: { a, kth: Array.isArray(kth) ? kth.map(pyInt) : pyInt(kth), ax: py(axis), ks: ks.map(pyInt) },
      compare: (o, ans) => mismatch(o, ans, plainTol(false)),
      ref: () => {
        const res = arg ? np.argpartition(a, kth, axis) : np.partition(a, kth, axis);
        return checkPartition(a, res, ks, axis, arg);
      },
    };
  });
}

function partitionInPlaceCases(n: number): Case[] {
  return sample(fc.tuple(specArb({ views: WRITABLE_VIEWS }), fc.nat()), n, 22).map(([s, seed]) => {
    const r = seededRandom(seed);
    const a = build(s);
    const x = build(s);
    const axis = axisOf(r, a.ndim);
    const len = a.ndim === 0 ? 1 : a.shape[axis < 0 ? axis + a.ndim : axis] ?? 1;
    const kth = kthOf(r, len);
    const ks = (Array.isArray(kth) ? kth : [kth]).map((k) => (k < 0 ? k + len : k));
    return {
      desc: `partitionInPlace(${describeArr(x)}, kth=${JSON.stringify(kth)}, ${axis})`,
      inputs: [a],
      run: () => {
        np.partitionInPlace(x, kth, axis);
        return np.take(x, ks, axis);
      },
      py: 'b = a.copy()\nb.partition(kth, axis=ax)\nresult = np.take(b, ks, axis=ax)',
      args: { a, kth: Array.isArray(kth) ? kth.map(pyInt) : pyInt(kth), ax: pyInt(axis), ks: ks.map(pyInt) },
      compare: (o, ans) => mismatch(o, ans, plainTol(false)),
      ref: () => checkPartition(a, x, ks, axis, false),
    };
  });
}

function searchsortedCases(n: number): Case[] {
  return sample(fc.tuple(specArb({ minDims: 1, maxDims: 1 }), specArb({ maxDims: 2 }), fc.nat()), n, 16).map(([hs, vs, seed]) => {
    const r = seededRandom(seed);
    const shape = r() < 0.04 ? pick(r, [[], [2, 2]]) : hs.shape;
    const hs2 = { ...hs, shape };
    const size = shape.reduce((x, y) => x * y, 1);
    const raw = valuesOf(hs2, size);
    const sorted = r() < 0.8;
    const hay0 = makeView(hs2.dtype, shape, raw, 'contiguous');
    const hayVals = sorted ? (refSort(hay0, null).values as V[]) : raw;
    const hay = makeView(hs2.dtype, shape, hayVals, hs.view, hs.pick);
    const sameDtype = r() < 0.5;
    const vSpec = { ...vs, dtype: sameDtype ? hs.dtype : vs.dtype };
    const scalar = r() < 0.25 && np.DTYPES[hs.dtype].kind !== 'b';
    // a JS number key: exact (beyond 2**53 a JS number is not the integer NumPy would see)
    const key = Number(valueOf(hs.dtype === 'bool' ? 'int8' : hs.dtype, r, true));
    const v: np.NDArray | number = scalar ? (Math.abs(key) > 2 ** 53 ? 2 : key) : build(vSpec);
    const side = r() < 0.05 ? pick(r, ['middle', 'LEFT', 'r']) : pick(r, ['left', 'right'] as const);
    let sorter: np.NDArray | null = null;
    if ((!sorted && r() < 0.7) || r() < 0.1) {
      const perm = shape.length === 1 ? (refArgsort(hay, null).values as number[]) : [];
      if (r() < 0.1 && perm.length > 0) perm[randInt(r, 0, perm.length - 1)] = pick(r, [perm.length, -1]);
      sorter = np.array(r() < 0.05 ? perm.slice(1) : perm, { dtype: pick(r, perm.some((x) => x < 0) ? (['int32', 'int64'] as const) : (['int32', 'int64', 'uint16'] as const)) });
      if (r() < 0.05) sorter = np.array(perm, { dtype: 'float64' });
    }
    const inputs = [hay, ...(v instanceof np.NDArray ? [v] : []), ...(sorter === null ? [] : [sorter])];
    return {
      desc: `searchsorted(${describeArr(hay)}${sorted ? ' sorted' : ''}, ${v instanceof np.NDArray ? describeArr(v) : v}, side=${side}, sorter=${sorter === null ? null : sorter.tolist()})`,
      inputs,
      run: () => np.searchsorted(hay, v, { side: side as 'left', sorter }),
      py: 'np.searchsorted(a, v, side=side, sorter=s)',
      args: { a: hay, v: typeof v === 'number' ? (Number.isInteger(v) ? pyInt(BigInt(v)) : pyFloat(v)) : v, side, s: sorter },
      ref:
        sorted && sorter === null && shape.length === 1 && (side === 'left' || side === 'right') && (typeof v === 'number' || v.dtype === hay.dtype)
          ? (o) => {
              const keys = typeof v === 'number' ? [v] : toPlain(v).values;
              const want = refSearchsorted(toPlain(hay).values, keys, side);
              const got = typeof o === 'number' ? [o] : (toPlain(o as np.NDArray).values as number[]);
              return JSON.stringify(got) === JSON.stringify(want) ? null : `got ${got}, reference ${want}`;
            }
          : undefined,
    };
  });
}

function nonzeroCases(n: number): Case[] {
  return sample(fc.tuple(specArb(), fc.nat()), n, 17).map(([s, seed]) => {
    const r = seededRandom(seed);
    const a = build(s);
    const fn = pick(r, ['nonzero', 'argwhere', 'flatnonzero'] as const);
    return {
      desc: `${fn}(${describeArr(a)})`,
      inputs: [a],
      run: () => np[fn](a),
      py: `np.${fn}(a)`,
      args: { a },
      ref: (o) => {
        if (a.ndim === 0) return null;
        const cols = refNonzero(a);
        const k = cols[0]!.values.length;
        let want: Plain[];
        if (fn === 'nonzero') want = cols;
        else if (fn === 'argwhere') {
          const values: V[] = [];
          for (let j = 0; j < k; j++) cols.forEach((c) => values.push(c.values[j]!));
          want = [{ dtype: 'int32', shape: [k, a.ndim], values }];
        } else {
          const strides = a.shape.map((_, d) => a.shape.slice(d + 1).reduce((x, y) => x * y, 1));
          const values = Array.from({ length: k }, (_, j) => cols.reduce((acc, c, d) => acc + Number(c.values[j]) * strides[d]!, 0));
          want = [{ dtype: 'int32', shape: [k], values }];
        }
        const got = Array.isArray(o) ? (o as np.NDArray[]) : [o as np.NDArray];
        if (got.length !== want.length) return `${got.length} arrays, reference ${want.length}`;
        for (let i = 0; i < got.length; i++) {
          const m = comparePlain(toPlain(got[i]!), want[i]!);
          if (m !== null) return `[${i}] ${m}`;
        }
        return null;
      },
    };
  });
}

function uniqueCases(n: number): Case[] {
  return sample(fc.tuple(specArb({ maxDims: 3 }), fc.nat()), n, 18).map(([s0, seed]) => {
    const r = seededRandom(seed);
    const s = { ...s0, pooled: r() < 0.85 };
    const a = build(s);
    const axis = r() < 0.6 ? null : axisOf(r, a.ndim);
    const o = { returnIndex: r() < 0.5, returnInverse: r() < 0.5, returnCounts: r() < 0.5, equalNan: r() < 0.7 };
    const flags = o.returnIndex || o.returnInverse || o.returnCounts;
    // NumPy sorts with an unstable sort for the inverse alone: NaNs that are not equal
    // (equalNan false, or in sub-arrays along an axis) may map to their groups in any
    // order, so those entries of the inverse are not compared
    const isNaN = (v: V): boolean => typeof v === 'number' && Number.isNaN(v);
    const nanAt = axis === null || a.ndim === 1 ? toPlain(a).values.map(isNaN) : nanRows(a, axis);
    const maskNaN = (p: Plain): Plain => ({ ...p, values: p.values.map((v, i) => (nanAt[i] ? -1 : v)) });
    const compareAll = (ours: unknown, expected: PyValue[]): string | null => {
      const list = flags ? (ours as np.NDArray[]) : [ours as np.NDArray];
      if (list.length !== expected.length) return `${list.length} results, NumPy ${expected.length}`;
      const inverseAt = o.returnInverse ? (o.returnIndex ? 2 : 1) : -1;
      for (let i = 0; i < list.length; i++) {
        let m: string | null;
        if (i === inverseAt && !o.returnIndex && (axis !== null || !o.equalNan)) {
          m = comparePlain(maskNaN(toPlain(list[i]!)), maskNaN(expected[i] as Plain), { dtypeMap: INDEX });
        } else m = mismatch(list[i], expected[i]!, i === 0 ? plainTol(o.returnIndex) : { dtypeMap: INDEX });
        if (m !== null) return `[${i}] ${m}`;
      }
      return null;
    };
    return {
      desc: `unique(${describeArr(a)}, ${JSON.stringify({ ...o, axis })})`,
      inputs: [a],
      run: () => np.unique(a, { ...o, axis }),
      py: 'np.unique(a, return_index=ri, return_inverse=rv, return_counts=rc, axis=ax, equal_nan=en)',
      args: { a, ri: o.returnIndex, rv: o.returnInverse, rc: o.returnCounts, ax: py(axis), en: o.equalNan },
      compare: (ours, ans) => (ans.ok ? compareAll(ours, flags ? (ans.value as PyValue[]) : [ans.value]) : 'NumPy raised'),
      ref:
        axis === null
          ? (ours) => {
              const want = refUnique(a, o.equalNan);
              const parts = [
                [want.values, plainTol(o.returnIndex)],
                ...(o.returnIndex ? [[want.indices, {}]] : []),
                ...(o.returnInverse ? [[want.inverse, {}]] : []),
                ...(o.returnCounts ? [[want.counts, {}]] : []),
              ] as [Plain, Tolerance][];
              const list = flags ? (ours as np.NDArray[]) : [ours as np.NDArray];
              for (let i = 0; i < parts.length; i++) {
                const m = comparePlain(toPlain(list[i]!), parts[i]![0], parts[i]![1]);
                if (m !== null) return `[${i}] ${m}`;
              }
              return null;
            }
          : undefined,
    };
  });
}

/** Along `axis` of `a`: whether each sub-array holds a NaN (out-of-range axes: none). */
function nanRows(a: np.NDArray, axis: number): boolean[] {
  const ax = axis < 0 ? axis + a.ndim : axis;
  if (ax < 0 || ax >= a.ndim) return [];
  const p = toPlain(a);
  const inner = a.shape.slice(ax + 1).reduce((x, y) => x * y, 1);
  const out = new Array<boolean>(a.shape[ax]!).fill(false);
  p.values.forEach((v, f) => {
    if (typeof v === 'number' && Number.isNaN(v)) out[Math.floor(f / inner) % a.shape[ax]!] = true;
  });
  return out;
}

function indexArray(r: () => number, shape: number[], lo: number, hi: number): np.NDArray {
  const dtype = r() < 0.05 ? 'float64' : r() < 0.03 ? 'bool' : pick(r, ['int32', 'int64', 'int8', 'uint16'] as const);
  const size = shape.reduce((x, y) => x * y, 1);
  const info = np.DTYPES[dtype];
  const vals = Array.from({ length: size }, () => {
    const v = hi < lo ? 0 : randInt(r, lo, hi);
    if (dtype === 'bool') return v & 1;
    if (info.kind === 'u') return Math.abs(v);
    if (info.kind === 'i' && info.itemsize === 1) return Math.max(-128, Math.min(127, v));
    return info.bigint ? BigInt(v) : v;
  });
  return makeView(dtype, shape, vals, pick(r, VIEWS), randInt(r, 0, 7));
}

function takeCases(n: number): Case[] {
  return sample(fc.tuple(specArb(), fc.nat()), n, 19).map(([s, seed]) => {
    const r = seededRandom(seed);
    const a = build(s);
    const axis = r() < 0.4 ? null : axisOf(r, Math.max(a.ndim, 1));
    const ax = axis === null || a.ndim === 0 ? null : axis < 0 ? axis + a.ndim : axis;
    const len = ax === null ? a.size : a.shape[ax] ?? 0;
    let mode = r() < 0.03 ? pick(r, ['foo', 'w']) : pick(r, ['raise', 'wrap', 'clip'] as const);
    // NumPy 2.4 loops forever wrapping an index into an empty axis when the result is empty
    if (mode === 'wrap' && len === 0) mode = 'clip';
    const wide = mode !== 'raise' || r() < 0.15;
    const lo = wide ? -2 * len - 1 : -len;
    const hi = wide ? 2 * len + 1 : len - 1;
    const ind: np.NDArray | number = r() < 0.3 ? (hi < lo ? 0 : randInt(r, lo, hi)) : indexArray(r, fc.sample(fc.array(side, { maxLength: 2 }), { numRuns: 1, seed })[0]!, lo, hi);
    return {
      desc: `take(${describeArr(a)}, ${ind instanceof np.NDArray ? describeArr(ind) + ' ' + JSON.stringify(toPlain(ind).values.map(Number)) : ind}, axis=${axis}, mode=${mode})`,
      inputs: [a, ...(ind instanceof np.NDArray ? [ind] : [])],
      run: () => np.take(a, ind, axis, { mode: mode as 'raise' }),
      py: 'np.take(a, i, axis=ax, mode=m)',
      compare: (o, ans) => mismatch(o, ans),
      args: { a, i: typeof ind === 'number' ? pyInt(ind) : ind, ax: py(axis), m: mode },
      ref:
        (mode === 'raise' || mode === 'wrap' || mode === 'clip') && (typeof ind === 'number' || np.DTYPES[ind.dtype].kind !== 'f')
          ? (o) => comparePlain(toPlain(o as np.NDArray), refTake(a, typeof ind === 'number' ? { dtype: 'int32', shape: [], values: [ind] } : toPlain(ind), axis, mode))
          : undefined,
    };
  });
}

/** Indices for the along-axis functions: the array's rank, other axes the array's or 1. */
function alongIndices(r: () => number, a: np.NDArray, ax: number, distinct: boolean): np.NDArray {
  const n = a.shape[ax]!;
  const shape = a.shape.map((d, i) => (i === ax ? (distinct ? randInt(r, 0, n) : randInt(r, 0, 4)) : r() < 0.3 ? 1 : r() < 0.03 ? d + 1 : d));
  if (distinct) {
    // one permutation prefix shared by every lane: no element is written twice
    const perm = Array.from({ length: n }, (_, i) => i).sort(() => r() - 0.5);
    const size = shape.reduce((x, y) => x * y, 1);
    const inner = shape.slice(ax + 1).reduce((x, y) => x * y, 1);
    const vals = Array.from({ length: size }, (_, f) => {
      const k = Math.floor(f / inner) % shape[ax]!;
      return r() < 0.3 ? perm[k]! - n : perm[k]!;
    });
    return makeView(pick(r, ['int32', 'int16'] as const), shape, vals, pick(r, VIEWS), randInt(r, 0, 7));
  }
  const bad = r() < 0.05;
  return indexArray(r, shape, bad ? -n - 2 : -n, bad ? n + 2 : n - 1);
}

function takeAlongCases(n: number): Case[] {
  return sample(fc.tuple(specArb({ minDims: 1 }), fc.nat()), n, 20).map(([s, seed]) => {
    const r = seededRandom(seed);
    const a = build(s);
    const axis = r() < 0.15 ? null : axisOf(r, a.ndim);
    const ax = axis === null ? 0 : axis < 0 ? axis + a.ndim : axis;
    const ind = axis === null ? indexArray(r, [randInt(r, 0, 5)], -a.size, a.size - 1) : ax >= 0 && ax < a.ndim ? alongIndices(r, a, ax, false) : indexArray(r, a.shape, 0, 0);
    return {
      desc: `takeAlongAxis(${describeArr(a)}, ${describeArr(ind)}, ${axis})`,
      inputs: [a, ind],
      run: () => np.takeAlongAxis(a, ind, axis),
      py: 'np.take_along_axis(a, i, axis=ax)',
      compare: (o, ans) => mismatch(o, ans),
      args: { a, i: ind, ax: py(axis) },
      ref: axis !== null && np.DTYPES[ind.dtype].kind !== 'f' && np.DTYPES[ind.dtype].kind !== 'b' ? (o) => comparePlain(toPlain(o as np.NDArray), refTakeAlongAxis(a, toPlain(ind), axis)) : undefined,
    };
  });
}

function putAlongCases(n: number): Case[] {
  return sample(fc.tuple(specArb({ minDims: 1, views: WRITABLE_VIEWS }), fc.nat()), n, 21).map(([s, seed]) => {
    const r = seededRandom(seed);
    const a = build(s);
    const axis = r() < 0.15 ? null : axisOf(r, a.ndim);
    const ax = axis === null ? 0 : axis < 0 ? axis + a.ndim : axis;
    // NumPy 2.4 writes into a read-only copy for a non-contiguous array and axis=None
    const x = axis === null ? makeView(s.dtype, s.shape, toPlain(a).values, 'contiguous') : build(s);
    const flatA = axis === null ? makeView(s.dtype, [a.size], toPlain(a).values, 'contiguous') : a;
    const ind = ax >= 0 && ax < flatA.ndim ? alongIndices(r, flatA, ax, true) : indexArray(r, a.shape, 0, 0);
    const sel = flatA.shape.map((d, i) => (i === ax ? ind.shape[i]! : Math.max(d === 1 ? 1 : d, ind.shape[i] ?? 1)));
    let values: np.NDArray | number;
    if (r() < 0.4 || a.dtype === 'bool') values = Number(valueOf(a.dtype === 'bool' ? 'int8' : a.dtype, r, true)) || 1;
    else {
      const vshape = sel.map((d) => (r() < 0.3 ? 1 : d)).slice(randInt(r, 0, 1));
      values = build({ ...s, shape: vshape, view: pick(r, VIEWS), seed: seed + 1 });
    }
    if (a.dtype === 'bool') values = 1;
    if (typeof values === 'number' && np.DTYPES[a.dtype].bigint) values = 1;
    const v = values;
    return {
      desc: `putAlongAxis(${describeArr(x)}, ${describeArr(ind)}, ${v instanceof np.NDArray ? describeArr(v) : v}, ${axis})`,
      inputs: [ind, ...(v instanceof np.NDArray ? [v] : [])],
      run: () => {
        np.putAlongAxis(x, ind, v, axis);
        return x;
      },
      py: 'b = a.copy()\nnp.put_along_axis(b, i, v, axis=ax)\nresult = b',
      compare: (o, ans) => mismatch(o, ans),
      args: { a, i: ind, v: typeof v === 'number' ? (Number.isInteger(v) ? pyInt(v) : pyFloat(v)) : v, ax: py(axis) },
      ref:
        axis !== null
          ? (o) => {
              const vp: Plain = typeof v === 'number' ? { dtype: a.dtype, shape: [], values: [v] } : toPlain(v);
              return comparePlain(toPlain(o as np.NDArray), refPutAlongAxis(a, toPlain(ind), vp, axis), { signedZeros: typeof v !== 'number' });
            }
          : undefined,
    };
  });
}

const FAMILIES: [string, (n: number) => Case[], number][] = [
  ['sort', sortCases, 250],
  ['sortInPlace', sortInPlaceCases, 120],
  ['argsort', argsortCases, 250],
  ['partition', (n) => partitionCases(n, false), 200],
  ['argpartition', (n) => partitionCases(n, true), 200],
  ['partitionInPlace', partitionInPlaceCases, 120],
  ['searchsorted', searchsortedCases, 250],
  ['nonzero, argwhere, flatnonzero', nonzeroCases, 200],
  ['unique', uniqueCases, 300],
  ['take', takeCases, 250],
  ['takeAlongAxis', takeAlongCases, 200],
  ['putAlongAxis', putAlongCases, 200],
];

describe.runIf(hasNumpy)('sorting and searching against NumPy', () => {
  for (const [name, gen, n] of FAMILIES) {
    it(`${name}: random arrays, dtypes, layouts and arguments`, async () => {
      const failures = await againstNumpy(gen(n), (o, a) => mismatch(o, a, { dtypeMap: INDEX }));
      expect(failures.slice(0, 10)).toEqual([]);
    });
  }
});

describe('sorting and searching against the naive reference', () => {
  for (const [name, gen, n] of FAMILIES) {
    it(`${name}: random arrays, dtypes, layouts and arguments`, () => {
      const { failures, checked } = againstReference(gen(n));
      expect(failures.slice(0, 10)).toEqual([]);
      // most cases are valid calls the reference can check
      expect(checked).toBeGreaterThan(n / 3);
    });
  }
});

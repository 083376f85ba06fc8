/**
 * The creation family against NumPy: random shapes (0- and 1-length axes, negative sizes),
 * every dtype and memory order, fill values of every kind, random ranges (integer and
 * float, empty, descending, huge), linspace/logspace with scalar and array endpoints, and
 * copies of arrays in every layout. Values must match NumPy exactly (linspace and arange
 * reproduce NumPy's arithmetic); layouts (strides, sharing, flags) and errors too.
 * numbat's documented default int is int32 where NumPy's is int64: the oracle code asks
 * NumPy for int32 in those cases.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { hasNumpy } from '../oracle/numpy.js';
import { arrayArb, sample, ALL_DTYPES, NUMBER_DTYPES, FLOAT_DTYPES, makeView, valueArb, type ViewKind } from '../arbitraries/arrays.js';
import { runLayoutCases, describe as desc, type LayoutCase } from './layout-harness.js';
import { pick, randInt, seededRandom } from '../helpers.js';

const seeds = (n: number, seed: number): number[] => sample(fc.nat(), n, seed);
const VIEWS: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast', 'fortran'];
const arrays = (n: number, seed: number, o: Parameters<typeof arrayArb>[0] = {}): [np.NDArray, number][] =>
  sample(fc.tuple(arrayArb({ maxDims: 4, maxSide: 4, views: VIEWS, ...o }), fc.nat()), n, seed);

function arrayOf(shape: readonly number[], dtype: np.DType, r: () => number, o: Parameters<typeof valueArb>[1] = {}): np.NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = sample(fc.array(valueArb(dtype, o), { minLength: size, maxLength: size }), 1, randInt(r, 0, 1e6))[0]!;
  return makeView(dtype, shape, values, pick(r, VIEWS), randInt(r, 0, 7));
}

const tuple = (s: readonly number[]): string => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`;
const pyNum = (x: number): string => (Number.isNaN(x) ? 'float("nan")' : x === Infinity ? 'float("inf")' : x === -Infinity ? '-float("inf")' : Number.isInteger(x) ? String(x) : String(x));
/** numbat's dtype for a JS scalar where NumPy would pick int64 for a Python int (API.md: int32). */
const scalarDtypePy = (x: number | boolean): string => (typeof x === 'boolean' ? 'bool' : Number.isInteger(x) && Math.abs(x) < 2 ** 31 ? 'int32' : Number.isInteger(x) ? 'int64' : 'float64');

describe.runIf(hasNumpy)('creation functions against NumPy', () => {
  it('zeros, ones, empty, full: shapes, dtypes, orders, fill values', async () => {
    const cases: LayoutCase[] = [];
    for (const seed of seeds(200, 21)) {
      const r = seededRandom(seed);
      const shape = Array.from({ length: randInt(r, 0, 4) }, () => (r() < 0.04 ? -1 : randInt(r, 0, 4)));
      const dtype = r() < 0.3 ? undefined : pick(r, ALL_DTYPES);
      const order = r() < 0.5 ? undefined : r() < 0.9 ? pick(r, ['C', 'F'] as const) : pick(r, ['A', 'K', 'X']);
      const opts = { ...(dtype === undefined ? {} : { dtype }), ...(order === undefined ? {} : { order }) } as np.CreationOptions;
      const kw = `${dtype === undefined ? '' : `, dtype='${dtype}'`}${order === undefined ? '' : `, order='${order}'`}`;
      const fn = pick(r, ['zeros', 'ones', 'empty'] as const);
      const varargs = r() < 0.5 && shape.length > 0;
      cases.push({
        desc: `${fn}(${shape}) ${kw}`,
        inputs: {},
        run: () => (varargs ? np[fn](...shape, opts) : np[fn](shape, opts)),
        code: `np.${fn === 'empty' ? 'zeros' : fn}(${tuple(shape)}${kw})`,
      });
      const u = r();
      const fill: number | boolean | np.NDArray =
        u < 0.35 ? randInt(r, -300, 300) : u < 0.6 ? randInt(r, -40, 40) / 8 : u < 0.7 ? r() < 0.5 : u < 0.75 ? pick(r, [NaN, Infinity, -0, 2 ** 40]) : arrayOf(shape.filter(() => r() < 0.5).map((d) => (r() < 0.3 ? 1 : d)), pick(r, NUMBER_DTYPES), r, { specials: false, range: 1000 });
      const fillPy = fill instanceof np.NDArray ? 'f' : typeof fill === 'boolean' ? (fill ? 'True' : 'False') : pyNum(fill);
      const dtPy = dtype !== undefined ? `'${dtype}'` : fill instanceof np.NDArray ? 'None' : `'${scalarDtypePy(fill)}'`;
      // NaN and Inf into integers differ by platform (C casts); keep them to float/bool dtypes
      const badCast = typeof fill === 'number' && !Number.isFinite(fill) && dtype !== undefined && !['float32', 'float64', 'bool'].includes(dtype);
      if (badCast) continue;
      cases.push({
        desc: `full (${shape}) ${fill instanceof np.NDArray ? desc(fill) : String(fill)} ${kw}`,
        inputs: fill instanceof np.NDArray ? { f: fill } : {},
        run: () => np.full(shape, fill, opts),
        code: `np.full(${tuple(shape)}, ${fillPy}, dtype=${dtPy}${order === undefined ? '' : `, order='${order}'`})`,
      });
    }
    expect((await runLayoutCases(cases)).slice(0, 10)).toEqual([]);
  });

  it('zerosLike, onesLike, emptyLike, fullLike: keep the prototype layout (order K)', async () => {
    const cases: LayoutCase[] = [];
    for (const [a, seed] of arrays(150, 22)) {
      const r = seededRandom(seed);
      const dtype = r() < 0.6 ? undefined : pick(r, ALL_DTYPES);
      const order = r() < 0.5 ? undefined : pick(r, ['C', 'F', 'A', 'K'] as const);
      const shape = r() < 0.2 ? Array.from({ length: randInt(r, 0, 3) }, () => randInt(r, 0, 3)) : undefined;
      const opts: np.LikeOptions = { ...(dtype === undefined ? {} : { dtype }), ...(order === undefined ? {} : { order }), ...(shape === undefined ? {} : { shape }) };
      const kw = `${dtype === undefined ? '' : `, dtype='${dtype}'`}${order === undefined ? '' : `, order='${order}'`}${shape === undefined ? '' : `, shape=${tuple(shape)}`}`;
      const fn = pick(r, ['zerosLike', 'onesLike', 'emptyLike'] as const);
      const py = { zerosLike: 'zeros_like', onesLike: 'ones_like', emptyLike: 'zeros_like' }[fn];
      cases.push({ desc: `${fn} ${desc(a)} ${kw}`, inputs: { a }, run: () => np[fn](a, opts), code: `np.${py}(a${kw})` });
      const target = dtype ?? a.dtype;
      const fill = ['float32', 'float64'].includes(target) ? randInt(r, -40, 40) / 8 : randInt(r, -5, 300);
      cases.push({ desc: `fullLike ${desc(a)} ${fill} ${kw}`, inputs: { a }, run: () => np.fullLike(a, fill, opts), code: `np.full_like(a, ${fill}${kw})` });
    }
    expect((await runLayoutCases(cases)).slice(0, 10)).toEqual([]);
  });

  it('copy, ascontiguousarray, asfortranarray: orders, sharing, dtype', async () => {
    const cases: LayoutCase[] = [];
    for (const [a, seed] of arrays(150, 23, { specials: false, range: 1000 })) {
      const r = seededRandom(seed);
      const order = r() < 0.3 ? undefined : pick(r, ['C', 'F', 'A', 'K'] as const);
      cases.push({ desc: `copy ${desc(a)} ${order}`, inputs: { a }, run: () => np.copy(a, order === undefined ? {} : { order }), code: `np.copy(a${order === undefined ? '' : `, order='${order}'`})` });
      const dtype = r() < 0.6 ? undefined : pick(r, ALL_DTYPES);
      const kw = dtype === undefined ? '' : `, dtype='${dtype}'`;
      const opts = dtype === undefined ? {} : { dtype };
      cases.push({ desc: `ascontiguousarray ${desc(a)} ${kw}`, inputs: { a }, run: () => np.ascontiguousarray(a, opts), code: `np.ascontiguousarray(a${kw})` });
      cases.push({ desc: `asfortranarray ${desc(a)} ${kw}`, inputs: { a }, run: () => np.asfortranarray(a, opts), code: `np.asfortranarray(a${kw})` });
    }
    expect((await runLayoutCases(cases)).slice(0, 10)).toEqual([]);
  });

  it('arange: lengths, values and dtypes of integer and float ranges', async () => {
    const cases: LayoutCase[] = [];
    for (const seed of seeds(300, 24)) {
      const r = seededRandom(seed);
      const floats = r() < 0.5;
      const num = (lo: number, hi: number): number => (floats ? Math.round((lo + r() * (hi - lo)) * 1000) / pick(r, [1000, 7, 3, 1]) : randInt(r, lo, hi));
      const nargs = randInt(r, 1, 3);
      let args = [num(-20, 20), num(-20, 20), num(-4, 4)].slice(0, nargs);
      if (r() < 0.05) args = pick(r, [[0, 10, 0], [3, 3, 0], [0, NaN], [0, Infinity], [-Infinity], [2 ** 31 - 3, 2 ** 31 + 2], [1e-320, 1, 1e300], [0, -1e-320, 1e300], [0.5, 5], [0, 2 ** 40, 2 ** 39]]);
      if (nargs === 3 && r() < 0.3) args[2] = pick(r, [0.1, 0.25, -0.37, 1e-3, 3]);
      const dtype = r() < 0.6 ? undefined : pick(r, ALL_DTYPES.filter((d) => d !== 'bool' || r() < 0.3));
      const allInt = args.every((x) => Number.isInteger(x));
      const big = args.some((x) => Math.abs(x) >= 2 ** 31);
      const dtPy = dtype !== undefined ? `'${dtype}'` : allInt && !big ? "'int32'" : 'None';
      if (dtype !== undefined && !['float32', 'float64'].includes(dtype) && args.some((x) => !Number.isFinite(x))) continue;
      cases.push({
        desc: `arange(${args}) ${dtype}`,
        inputs: {},
        run: () => np.arange(...args, ...(dtype === undefined ? [] : [{ dtype }])),
        code: `np.arange(${args.map(pyNum).join(', ')}, dtype=${dtPy})`,
        tol: { rtol: 0, atol: 0 },
      });
    }
    expect((await runLayoutCases(cases)).slice(0, 10)).toEqual([]);
  });

  it('linspace and logspace: scalar and array endpoints, endpoint, retstep, dtype, axis', async () => {
    const cases: LayoutCase[] = [];
    for (const seed of seeds(300, 25)) {
      const r = seededRandom(seed);
      const scalar = (): number => (r() < 0.5 ? randInt(r, -10, 10) : randInt(r, -400, 400) / pick(r, [8, 7, 3]));
      const shape = Array.from({ length: randInt(r, 0, 2) }, () => randInt(r, 0, 3));
      const end = (): number | np.NDArray => (r() < 0.6 ? scalar() : arrayOf(shape.filter(() => r() < 0.7).map((d) => (r() < 0.3 ? 1 : d)), pick(r, NUMBER_DTYPES.concat(FLOAT_DTYPES)), r, { specials: false, range: 100 }));
      const start = end();
      const stop = end();
      const num = r() < 0.05 ? -1 : randInt(r, 0, 7);
      const endpoint = r() < 0.7;
      const retstep = r() < 0.3;
      const dtype = r() < 0.7 ? undefined : pick(r, NUMBER_DTYPES);
      const nd = Math.max(start instanceof np.NDArray ? start.ndim : 0, stop instanceof np.NDArray ? stop.ndim : 0);
      const axis = r() < 0.6 ? undefined : randInt(r, -nd - 1, nd);
      const inputs: Record<string, np.NDArray> = {};
      if (start instanceof np.NDArray) inputs.s = start;
      if (stop instanceof np.NDArray) inputs.e = stop;
      const sp = start instanceof np.NDArray ? 's' : pyNum(start);
      const ep = stop instanceof np.NDArray ? 'e' : pyNum(stop);
      const opts: np.LinspaceOptions = { endpoint, ...(dtype === undefined ? {} : { dtype }), ...(axis === undefined ? {} : { axis }) };
      const kw = `, endpoint=${endpoint ? 'True' : 'False'}${dtype === undefined ? '' : `, dtype='${dtype}'`}${axis === undefined ? '' : `, axis=${axis}`}`;
      cases.push({
        desc: `linspace(${sp === 's' ? desc(start as np.NDArray) : sp}, ${ep === 'e' ? desc(stop as np.NDArray) : ep}, ${num}${kw}, retstep ${retstep})`,
        inputs,
        run: () => (retstep ? np.linspace(start, stop, num, { ...opts, retstep: true }) : np.linspace(start, stop, num, opts)),
        code: `np.linspace(${sp}, ${ep}, ${num}${kw}${retstep ? ', retstep=True' : ''})`,
        tol: { rtol: 0, atol: 0 },
        // with array endpoints NumPy's result layout follows its ufuncs' output order; values only
        layout: !retstep && Object.keys(inputs).length === 0,
      });
      const base = r() < 0.4 ? undefined : r() < 0.7 ? pick(r, [2, 0.5, 3.5, 10]) : arrayOf([...shape.slice(0, randInt(r, 0, shape.length)).map((d) => (r() < 0.5 ? 1 : d))], pick(r, FLOAT_DTYPES), r, { specials: false, range: 10 });
      const lsIn = { ...inputs, ...(base instanceof np.NDArray ? { b: base } : {}) };
      const bp = base === undefined ? '' : `, base=${base instanceof np.NDArray ? 'b' : pyNum(base)}`;
      // out-of-range floats cast to integers differ by platform: float and bool dtypes only
      const lsDtype = dtype === undefined || !['float32', 'float64', 'bool'].includes(dtype) ? undefined : dtype;
      const lsOpts: np.LogspaceOptions = { endpoint, ...(lsDtype === undefined ? {} : { dtype: lsDtype }), ...(axis === undefined ? {} : { axis }), ...(base === undefined ? {} : { base }) };
      const lsKw = `, endpoint=${endpoint ? 'True' : 'False'}${lsDtype === undefined ? '' : `, dtype='${lsDtype}'`}${axis === undefined ? '' : `, axis=${axis}`}`;
      // float32 powers: NumPy's powf may be an ulp off the correctly rounded value
      const f32 = Object.values(lsIn).some((x) => x.dtype === 'float32') || lsDtype === 'float32';
      cases.push({
        desc: `logspace(${sp}, ${ep}, ${num}${lsKw}${bp})`,
        inputs: lsIn,
        run: () => np.logspace(start, stop, num, lsOpts),
        code: `np.logspace(${sp}, ${ep}, ${num}${lsKw}${bp})`,
        tol: { rtol: f32 ? 3e-7 : 1e-13, atol: 1e-300, signedZeros: false },
        layout: false,
      });
    }
    expect((await runLayoutCases(cases)).slice(0, 10)).toEqual([]);
  });

  it('eye, identity, diag, meshgrid, fromFunction', async () => {
    const cases: LayoutCase[] = [];
    for (const seed of seeds(120, 26)) {
      const r = seededRandom(seed);
      const n = randInt(r, r() < 0.05 ? -1 : 0, 4);
      const m = r() < 0.4 ? undefined : randInt(r, r() < 0.05 ? -1 : 0, 4);
      const k = randInt(r, -5, 5);
      const dtype = r() < 0.5 ? undefined : pick(r, ALL_DTYPES);
      const order = r() < 0.7 ? undefined : pick(r, ['C', 'F'] as const);
      const opts: np.EyeOptions = { ...(dtype === undefined ? {} : { dtype }), ...(order === undefined ? {} : { order }) };
      const kw = `${dtype === undefined ? '' : `, dtype='${dtype}'`}${order === undefined ? '' : `, order='${order}'`}`;
      cases.push({ desc: `eye(${n}, ${m}, ${k}${kw})`, inputs: {}, run: () => np.eye(n, m ?? null, k, opts), code: `np.eye(${n}, ${m ?? 'None'}, ${k}${kw})` });
      cases.push({ desc: `identity(${n}${kw})`, inputs: {}, run: () => np.identity(n, dtype === undefined ? {} : { dtype }), code: `np.identity(${n}${dtype === undefined ? '' : `, dtype='${dtype}'`})` });
      const nd = pick(r, [1, 1, 2, 2, 0, 3]);
      const v = arrayOf(Array.from({ length: nd }, () => randInt(r, 0, 4)), pick(r, ALL_DTYPES), r);
      cases.push({ desc: `diag ${desc(v)} ${k}`, inputs: { v }, run: () => np.diag(v, k), code: `np.diag(v, ${k})` });
      const count = randInt(r, 0, 3);
      const xs = Array.from({ length: count }, () => arrayOf(r() < 0.8 ? [randInt(r, 0, 3)] : [randInt(r, 1, 2), randInt(r, 1, 2)], pick(r, ALL_DTYPES), r));
      const indexing = r() < 0.1 ? 'bad' : pick(r, ['xy', 'ij'] as const);
      const sparse = r() < 0.3;
      const copy = r() < 0.7;
      const names = xs.map((_, i) => `x${i}`);
      const ins: Record<string, np.NDArray> = {};
      xs.forEach((x, i) => (ins[names[i]!] = x));
      cases.push({
        desc: `meshgrid ${xs.map(desc).join(' ')} ${indexing} sparse ${sparse} copy ${copy}`,
        inputs: ins,
        run: () => np.meshgrid(...xs, { indexing: indexing as 'xy', sparse, copy }),
        code: `np.meshgrid(${[...names, `indexing='${indexing}'`, `sparse=${sparse ? 'True' : 'False'}`, `copy=${copy ? 'True' : 'False'}`].join(', ')})`,
        ignoreWriteable: !copy && !sparse,
      });
      const shape = Array.from({ length: randInt(r, 0, 3) }, () => randInt(r, 0, 3));
      const fdt = r() < 0.5 ? undefined : pick(r, NUMBER_DTYPES.filter((d) => d !== 'bool'));
      cases.push({
        desc: `fromFunction (${shape}) ${fdt}`,
        inputs: {},
        run: () => np.fromFunction((...ix) => ix, shape, fdt === undefined ? {} : { dtype: fdt }),
        code: `np.fromfunction(lambda *ix: list(ix), ${tuple(shape)}${fdt === undefined ? '' : `, dtype='${fdt}'`})`,
      });
    }
    expect((await runLayoutCases(cases)).slice(0, 10)).toEqual([]);
  });
});

/**
 * The ufunc methods of every binary ufunc against NumPy's: `reduce` (one axis, all axes,
 * several axes for reorderable ufuncs, keepdims, initial, dtype, out), `accumulate`,
 * `reduceat` (random index lists, non-increasing and repeated), `outer` and `at` (index
 * arrays with repeats, tuples with slices, slices, masks, integers; non-contiguous targets).
 * Arrays are rebuilt in NumPy with their exact strides over the same buffer, so both sides
 * iterate the same layout and float results must agree bit for bit (libm-based ufuncs to a
 * few ulps). NumPy's own add/multiply widen small ints to int64 where numbat uses int32, so
 * NumPy is asked for int32/uint32 there. Also: float32 `np.sum` bit for bit over lengths
 * 1..1000, contiguous and strided; and the naive references, which run without NumPy.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { UFUNCS } from '../../packages/ndarray/src/ufunc/index.js';
import { hasNumpy, oracle, type OracleCase, type PyArg } from '../oracle/numpy.js';
import { mismatch, FLOAT16_AS_FLOAT32, type Tolerance } from '../oracle/compare.js';
import { arrayArb, sample, ALL_DTYPES, INT_DTYPES, type ViewKind } from '../arbitraries/arrays.js';
import { fingerprint, seededRandom, randInt, pick } from '../helpers.js';
import { toPlain } from '../reference/plain.js';
import { refAccumulate, refAt, refOuter, refPairwiseSum32, refReduce, refReduceat } from '../reference/ufunc-methods.js';

const NP_NAME: Record<string, string> = { mod: 'remainder' };
/** Results through libm may differ from NumPy's by a few ulps. */
const LIBM = new Set(['power', 'arctan2', 'hypot']);
/**
 * NumPy's float arctan2 and power loops ignore the running value of a reduction (their
 * vector loops do not honour the reduction aliasing: `np.power.reduce([2., 3., 2.])` is
 * `2. ** 2.`, not 64), so their float reduce and reduceat are checked against the reference
 * fold instead (see the reference tests below).
 */
const NUMPY_REDUCE_BUG = new Set(['arctan2', 'power']);
/** dtypes whose float-only loops are float16 in NumPy. */
const SMALL = new Set<np.DType>(['bool', 'int8', 'uint8']);
const isFloat = (d: np.DType | undefined): boolean => d !== undefined && np.DTYPES[d].kind === 'f';
const TARGET_VIEWS: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'fortran'];

type Result = np.NDArray | Error;
interface Case {
  desc: string;
  code: string;
  args: Record<string, PyArg>;
  result: Result;
  inputs: np.NDArray[];
  before: string[];
}

function attempt(f: () => np.NDArray): Result {
  try {
    return f();
  } catch (e) {
    return e as Error;
  }
}

const pyTuple = (xs: readonly number[]): string => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`);

/**
 * `a` rebuilt in NumPy over a copy of its buffer with the same strides and offset, so the
 * NumPy iteration sees the same memory layout. Adds the buffer to `args` under `name_buf`.
 */
function pyView(name: string, a: np.NDArray, args: Record<string, PyArg>): string {
  const buf = np.array(new np.NDArray(a.data, [a.data.length], [1], 0, a.dtype));
  args[`${name}_buf`] = buf;
  const isz = np.DTYPES[a.dtype].itemsize;
  return `np.ndarray(${pyTuple(a.shape)}, dtype=${name}_buf.dtype, buffer=${name}_buf, offset=${a.offset * isz}, strides=${pyTuple(a.strides.map((s) => s * isz))})`;
}

/** NumPy's dtype argument for add/multiply of bool and small ints, where numbat accumulates in int32/uint32. */
function widenArg(name: string, dtype: np.DType): string {
  if (name !== 'add' && name !== 'multiply') return '';
  const k = np.DTYPES[dtype];
  if (k.kind === 'f' || k.itemsize === 8) return '';
  return k.kind === 'u' ? ', dtype=np.uint32' : ', dtype=np.int32';
}

const NP_ERROR: Record<string, string> = {
  TypeError: 'DTypeError',
  UFuncTypeError: 'DTypeError',
  _UFuncNoLoopError: 'DTypeError',
  _UFuncOutputCastingError: 'DTypeError',
  _UFuncInputCastingError: 'DTypeError',
  ValueError: 'ValueError',
  AxisError: 'AxisError',
  IndexError: 'IndexError',
  OverflowError: 'OverflowError',
};

/** Compares all cases with NumPy's answers; returns the failures. */
async function check(cases: Case[], tol: Tolerance): Promise<string[]> {
  const py = await oracle();
  const answers = await py.run(cases.map((c): OracleCase => ({ code: c.code, args: c.args })));
  const failures: string[] = [];
  cases.forEach((c, i) => {
    const ans = answers[i]!;
    c.inputs.forEach((x, k) => {
      if (fingerprint(x) !== c.before[k]) failures.push(`${c.desc}: input ${k} was modified`);
    });
    if (c.result instanceof Error) {
      if (ans.ok) failures.push(`${c.desc}: threw "${c.result.message}", NumPy gave a result`);
      else if (c.result.message !== ans.message.trimEnd() || c.result.name !== (NP_ERROR[ans.type] ?? ans.type)) {
        failures.push(`${c.desc}: ${c.result.name} "${c.result.message}", NumPy ${ans.type} "${ans.message}"`);
      }
      return;
    }
    const m = mismatch(c.result, ans, { ...tol, dtypeMap: FLOAT16_AS_FLOAT32 });
    if (m !== null) failures.push(`${c.desc}: ${m}`);
  });
  return failures;
}

function makeCase(desc: string, code: string, args: Record<string, PyArg>, inputs: np.NDArray[], f: () => np.NDArray): Case {
  const before = inputs.map(fingerprint);
  return { desc, code, args, result: attempt(f), inputs, before };
}

/** The shape of a reduction of `shape` over `axes` (naive). */
function reducedShape(shape: readonly number[], axes: readonly number[], keepdims: boolean): number[] {
  return keepdims ? shape.map((d, i) => (axes.includes(i) ? 1 : d)) : shape.filter((_, i) => !axes.includes(i));
}

const binaries = Object.entries(UFUNCS).filter(([, u]) => typeof u === 'function' && u.nin === 2) as [string, np.BinaryUfunc][];

describe.runIf(hasNumpy)('ufunc methods against NumPy', () => {
  for (const [name, u] of binaries) {
    const npName = NP_NAME[name] ?? u.npName;
    const spec = u.spec;
    const floatLoops = spec.types !== 'integer' && spec.boolReduction === undefined;
    const tol: Tolerance = LIBM.has(name) ? { rtol: 4e-6 } : { rtol: 0, atol: 0 };

    it(`${name}.reduce, .accumulate and .reduceat`, async () => {
      const cases: Case[] = [];
      // mostly dtypes the ufunc reduces (bool for comparisons, integers for bitwise ones)
      const dtypes = spec.boolReduction === 'bool-only' ? [...ALL_DTYPES, ...Array<np.DType>(8).fill('bool')] : spec.types === 'integer' ? [...ALL_DTYPES, ...INT_DTYPES, 'int64' as const, 'bool' as const] : ALL_DTYPES;
      const draws = sample(fc.tuple(arrayArb({ dtypes, maxDims: 3, maxSide: 6 }), fc.nat(1e9)), 44, name.length * 31 + 1);
      for (const [a, seed] of draws) {
        const r = seededRandom(seed);
        const nd = a.ndim;
        // reduce: the axis form, keepdims, initial, dtype, out
        const form = randInt(r, 0, 5);
        let axis: number | number[] | null | undefined;
        if (form === 0) axis = undefined;
        else if (form === 1 && spec.reorderable) axis = null;
        else if (form === 2 && spec.reorderable && nd >= 2) axis = [0, nd - 1];
        else if (form === 3) axis = [];
        else axis = r() < 0.1 ? randInt(r, -nd - 1, nd) : nd === 0 ? 0 : randInt(r, -nd, nd - 1);
        const keepdims = r() < 0.4;
        const initial = r() < 0.25 ? randInt(r, 0, 3) : r() < 0.1 ? null : undefined;
        const dtype = r() < 0.15 ? pick(r, ALL_DTYPES) : undefined;
        const args: Record<string, PyArg> = {};
        const A = pyView('a', a, args);
        let out: np.NDArray | undefined;
        const axes = axis === undefined ? (nd === 0 ? [] : [0]) : axis === null ? a.shape.map((_, i) => i) : typeof axis === 'number' ? [((axis % Math.max(nd, 1)) + nd) % Math.max(nd, 1)] : axis;
        const axisOk = typeof axis !== 'number' || (axis >= -nd && axis < nd) || (nd === 0 && (axis === 0 || axis === -1));
        if (dtype === undefined && floatLoops && axisOk && r() < 0.3) out = np.zeros(reducedShape(a.shape, nd === 0 ? [] : axes, keepdims), 'float64');
        const opts = { ...(axis === undefined ? {} : { axis }), keepdims, ...(initial === undefined ? {} : { initial }), ...(dtype === undefined ? {} : { dtype }), ...(out === undefined ? {} : { out }) };
        const pyAxis = axis === undefined ? '' : `, axis=${axis === null ? 'None' : Array.isArray(axis) ? `(${axis.join(', ')}${axis.length === 1 ? ',' : ''})` : axis}`;
        const pyOpts = `${pyAxis}, keepdims=${keepdims ? 'True' : 'False'}${initial === undefined ? '' : `, initial=${initial === null ? 'None' : initial}`}${dtype !== undefined ? `, dtype=np.${dtype}` : out !== undefined ? ', out=o' : widenArg(name, a.dtype)}`;
        if (out !== undefined) args.o = np.zeros(out.shape, 'float64');
        if (!NUMPY_REDUCE_BUG.has(name) || (name === 'power' && !isFloat(a.dtype) && !isFloat(dtype) && out === undefined)) {
          cases.push(makeCase(`${name}.reduce(${a.dtype}(${a.shape}) ${JSON.stringify(opts, (_, v) => (v instanceof np.NDArray ? `out ${v.dtype}` : v))})`, `np.${npName}.reduce(${A}${pyOpts})`, args, [a], () => u.reduce(a, opts)));
        }
        // accumulate along one axis (null for 1-d input)
        const accAxis = nd === 1 && r() < 0.2 ? null : randInt(r, -nd, Math.max(nd - 1, 0));
        const accDtype = r() < 0.15 ? pick(r, ALL_DTYPES) : undefined;
        const accOut = accDtype === undefined && floatLoops && nd > 0 && r() < 0.3 ? np.zeros(a.shape, 'float64') : undefined;
        const accArgs: Record<string, PyArg> = {};
        const A2 = pyView('a', a, accArgs);
        if (accOut !== undefined) accArgs.o = np.zeros(a.shape, 'float64');
        const accPy = `axis=${accAxis === null ? 'None' : accAxis}${accDtype !== undefined ? `, dtype=np.${accDtype}` : accOut !== undefined ? ', out=o' : widenArg(name, a.dtype)}`;
        if (nd > 0 || r() < 0.15) {
          cases.push(
            makeCase(`${name}.accumulate(${a.dtype}(${a.shape}), axis=${accAxis}, dtype=${accDtype}, out=${accOut !== undefined})`, `np.${npName}.accumulate(${A2}, ${accPy})`, accArgs, [a], () =>
              u.accumulate(a, accAxis, { ...(accDtype === undefined ? {} : { dtype: accDtype }), ...(accOut === undefined ? {} : { out: accOut }) }),
            ),
          );
        }
        // reduceat: random index lists, non-increasing and repeated, sometimes out of range
        if (nd >= 1 && name !== 'arctan2') {
          const ax = randInt(r, 0, nd - 1);
          const len = a.shape[ax]!;
          const count = randInt(r, 0, 6);
          const indices = Array.from({ length: count }, () => (r() < 0.05 ? randInt(r, -2, len + 1) : randInt(r, 0, Math.max(len - 1, 0))));
          const raDtype = r() < 0.1 ? pick(r, ALL_DTYPES) : undefined;
          const raShape = a.shape.slice();
          raShape[ax] = count;
          const raOut = raDtype === undefined && floatLoops && r() < 0.25 ? np.zeros(raShape, 'float64') : undefined;
          const skip = name === 'power' && (isFloat(a.dtype) || isFloat(raDtype) || raOut !== undefined);
          const raArgs: Record<string, PyArg> = { idx: np.array(indices, { dtype: 'int64' }) };
          const A3 = pyView('a', a, raArgs);
          if (raOut !== undefined) raArgs.o = np.zeros(raShape, 'float64');
          const raPy = `axis=${ax}${raDtype !== undefined ? `, dtype=np.${raDtype}` : raOut !== undefined ? ', out=o' : widenArg(name, a.dtype)}`;
          if (!skip) cases.push(
            makeCase(`${name}.reduceat(${a.dtype}(${a.shape}), [${indices}], axis=${ax}, dtype=${raDtype}, out=${raOut !== undefined})`, `np.${npName}.reduceat(${A3}, idx, ${raPy})`, raArgs, [a], () =>
              u.reduceat(a, indices, ax, { ...(raDtype === undefined ? {} : { dtype: raDtype }), ...(raOut === undefined ? {} : { out: raOut }) }),
            ),
          );
        }
      }
      const failures = await check(cases, tol);
      expect(failures.slice(0, 8)).toEqual([]);
    });

    it(`${name}.outer and .at`, async () => {
      const cases: Case[] = [];
      const pairs = sample(fc.tuple(arrayArb({ maxDims: 2, maxSide: 4 }), arrayArb({ maxDims: 2, maxSide: 4 }), fc.nat(1e9)), 16, name.length * 17 + 3);
      for (const [a, b, seed] of pairs) {
        const r = seededRandom(seed);
        const dtype = r() < 0.2 ? pick(r, ALL_DTYPES) : undefined;
        const args: Record<string, PyArg> = {};
        const code = `np.${npName}.outer(${pyView('a', a, args)}, ${pyView('b', b, args)}${dtype === undefined ? '' : `, dtype=np.${dtype}`})`;
        cases.push(makeCase(`${name}.outer(${a.dtype}(${a.shape}), ${b.dtype}(${b.shape}), dtype=${dtype})`, code, args, [a, b], () => u.outer(a, b, dtype === undefined ? {} : { dtype })));
      }
      const targets = sample(fc.tuple(arrayArb({ minDims: 1, maxDims: 3, maxSide: 5, views: TARGET_VIEWS }), fc.nat(1e9)), 30, name.length * 13 + 5);
      for (const [a, seed] of targets) {
        const r = seededRandom(seed);
        const n0 = a.shape[0]!;
        const kind = randInt(r, 0, 5);
        const idxArr = (n: number): number[] => Array.from({ length: randInt(r, 0, 6) }, () => (r() < 0.04 ? randInt(r, -n - 1, n) : randInt(r, -n, Math.max(n - 1, 0))));
        let items: np.IndexItem[];
        let pyIdx: string;
        const args: Record<string, PyArg> = {};
        if (kind === 0 || n0 === 0) {
          const ix = idxArr(n0);
          args.i0 = np.array(ix, { dtype: 'int32' });
          items = [args.i0 as np.NDArray];
          pyIdx = 'i0';
        } else if (kind === 1 && a.ndim >= 2) {
          const ix = idxArr(n0);
          args.i0 = np.array(ix, { dtype: 'int32' });
          const sl = pick(r, [':', '::-1', '1:', ':-1:2']);
          items = [args.i0 as np.NDArray, sl];
          const [s0, s1, s2] = sl.split(':').map((x) => (x === '' ? 'None' : x));
          pyIdx = `(i0, slice(${s0}, ${s1}, ${s2 ?? 'None'}))`;
        } else if (kind === 2) {
          const start = randInt(r, -n0, n0);
          const step = pick(r, [1, 2, -1, -2]);
          items = [`${start}::${step}`];
          pyIdx = `slice(${start}, None, ${step})`;
        } else if (kind === 3) {
          args.m = np.array(Array.from({ length: n0 }, () => r() < 0.6), { dtype: 'bool' });
          items = [args.m as np.NDArray];
          pyIdx = 'm';
        } else {
          const k = randInt(r, -n0, n0 - 1);
          items = [k];
          pyIdx = String(k);
        }
        let sel: number[] | null;
        try {
          sel = a.get(...items).shape;
        } catch {
          sel = null;
        }
        // b: a 0-d array (what a JS scalar converts to) or an array of the selection's trailing shape
        const bShape = sel === null || r() < 0.4 ? [] : sel.slice(randInt(r, 0, sel.length));
        const bDtype = pick(r, ALL_DTYPES);
        // NumPy computes float-only ufuncs of small ints in float16, numbat in float32: the
        // value cast back into an integer target can differ, so those pairs are left out
        if (spec.types === 'float' && SMALL.has(a.dtype) && SMALL.has(bDtype)) continue;
        const bVals = sample(arrayArb({ dtypes: [bDtype], shape: bShape, views: ['contiguous'] }), 1, seed % 1000)[0]!;
        args.b = bVals;
        const target = np.array(new np.NDArray(a.data, [a.data.length], [1], 0, a.dtype));
        const view = new np.NDArray(target.data, a.shape, a.strides, a.offset, a.dtype);
        const code = `result = a_buf\nnp.${npName}.at(${pyView('a', a, args)}, ${pyIdx}, b)`;
        const desc = `${name}.at(${a.dtype}(${a.shape}) strides ${a.strides}, ${pyIdx} [${items.map((x) => (x instanceof np.NDArray ? x.tolist() : x)).join(' ')}], b ${bDtype}(${bShape}))`;
        cases.push(
          makeCase(desc, code, args, [bVals], () => {
            u.at(view, items.length === 1 ? items[0]! : items, bVals);
            return target;
          }),
        );
      }
      const failures = await check(cases, tol);
      expect(failures.slice(0, 8)).toEqual([]);
    });
  }

  it('float32 sums equal NumPy bit for bit: lengths 1..1000, contiguous, stepped and reversed', async () => {
    const py = await oracle();
    const r = seededRandom(9);
    const vals = Array.from({ length: 3000 }, () => Math.fround((r() - 0.5) * 10 ** randInt(r, -3, 6)));
    const buf = np.array(vals, { dtype: 'float32' });
    const code = 'result = [[float(np.add.reduce(x[:n])) for n in range(1, 1001)] for x in (buf, buf[::3], buf[999::-1])]';
    const [ans] = await py.run([{ code, args: { buf } }]);
    expect(ans!.ok).toBe(true);
    const expected = (ans as { ok: true; value: number[][] }).value;
    const views = [buf, buf.get('::3'), buf.get('999::-1')];
    const failures: string[] = [];
    views.forEach((v, k) => {
      for (let n = 1; n <= 1000; n++) {
        const got = np.sum(v.get(`:${n}`));
        if (!Object.is(got, expected[k]![n - 1])) failures.push(`view ${k}, n=${n}: ${got} vs NumPy ${expected[k]![n - 1]}`);
      }
    });
    expect(failures.slice(0, 8)).toEqual([]);
  });

  it('float sums along axes equal NumPy bit for bit in every layout, also with a cast (dtype=float64)', async () => {
    const cases: Case[] = [];
    const shapes = fc.oneof(
      fc.array(fc.integer({ min: 1, max: 150 }), { minLength: 2, maxLength: 2 }),
      fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 3, maxLength: 3 }),
    );
    const dtypes: np.DType[] = ['float32', 'float64', 'int32'];
    const draws = sample(fc.tuple(shapes.chain((s) => arrayArb({ dtypes, shape: s, specials: false, range: 1e6 })), fc.nat(1e9)), 120, 77);
    for (const [a, seed] of draws) {
      const r = seededRandom(seed);
      const form = randInt(r, 0, 3);
      const axis = form === 0 ? null : form === 1 ? [0, a.ndim - 1] : randInt(r, 0, a.ndim - 1);
      const dtype = a.dtype === 'int32' || r() < 0.3 ? 'float64' : undefined;
      const args: Record<string, PyArg> = {};
      const pyAxis = axis === null ? 'None' : Array.isArray(axis) ? `(${axis.join(', ')})` : String(axis);
      const pyDtype = dtype === undefined ? '' : ', dtype=np.float64';
      cases.push(
        makeCase(`sum(${a.dtype}(${a.shape}) strides ${a.strides}, axis=${pyAxis}${pyDtype})`, `np.sum(${pyView('a', a, args)}, axis=${pyAxis}, keepdims=True${pyDtype})`, args, [a], () =>
          np.sum(a, axis, { keepdims: true, ...(dtype === undefined ? {} : { dtype }) }),
        ),
      );
    }
    const failures = await check(cases, { rtol: 0, atol: 0 });
    expect(failures.slice(0, 8)).toEqual([]);
  });
});

describe('ufunc methods against the naive reference', () => {
  const wrap32 = (x: number | bigint): number => Number(x) | 0;
  const f = {
    add: (x: number | bigint, y: number | bigint) => wrap32(Number(x) + Number(y)),
    subtract: (x: number | bigint, y: number | bigint) => wrap32(Number(x) - Number(y)),
    maximum: (x: number | bigint, y: number | bigint) => Math.max(Number(x), Number(y)),
    arctan2: (x: number | bigint, y: number | bigint) => Math.atan2(Number(x), Number(y)),
    // C's pow: 1 ** y is 1 even for NaN (the values here are finite integers)
    power: (x: number | bigint, y: number | bigint) => (Number(x) === 1 ? 1 : Number(x) ** Number(y)),
  };
  const ints = arrayArb({ dtypes: ['int32'], minDims: 1, maxDims: 3, maxSide: 6 });

  it('reduce and accumulate fold left along one axis (float arctan2 and power included)', () => {
    for (const [a, seed] of sample(fc.tuple(ints, fc.nat(1e9)), 60, 3)) {
      const ax = randInt(seededRandom(seed), 0, a.ndim - 1);
      const p = toPlain(a);
      const fl = toPlain(a.astype('float64'));
      if (a.shape[ax]! > 0) {
        expect(toPlain(np.subtract.reduce(a, ax))).toEqual({ dtype: 'int32', ...refReduce(p, ax, f.subtract) });
        expect(toPlain(np.arctan2.reduce(a.astype('float64'), ax))).toEqual({ dtype: 'float64', ...refReduce(fl, ax, f.arctan2) });
        expect(toPlain(np.power.reduce(a.astype('float64'), ax))).toEqual({ dtype: 'float64', ...refReduce(fl, ax, f.power) });
      }
      expect(toPlain(np.maximum.accumulate(a, ax))).toEqual({ dtype: 'int32', ...refAccumulate(p, ax, f.maximum) });
      expect(toPlain(np.arctan2.accumulate(a.astype('float64'), ax))).toEqual({ dtype: 'float64', ...refAccumulate(fl, ax, f.arctan2) });
    }
  });

  it('reduceat follows the written-out rule for random index lists', () => {
    for (const [a, seed] of sample(fc.tuple(ints, fc.nat(1e9)), 80, 4)) {
      const r = seededRandom(seed);
      const ax = randInt(r, 0, a.ndim - 1);
      const len = a.shape[ax]!;
      if (len === 0) continue;
      const idx = Array.from({ length: randInt(r, 0, 7) }, () => randInt(r, 0, len - 1));
      const p = toPlain(a);
      expect(toPlain(np.add.reduceat(a, idx, ax))).toEqual({ dtype: 'int32', ...refReduceat(p, idx, ax, f.add) });
      expect(toPlain(np.subtract.reduceat(a, idx, ax))).toEqual({ dtype: 'int32', ...refReduceat(p, idx, ax, f.subtract) });
      const fl = toPlain(a.astype('float64'));
      expect(toPlain(np.arctan2.reduceat(a.astype('float64'), idx, ax))).toEqual({ dtype: 'float64', ...refReduceat(fl, idx, ax, f.arctan2) });
      expect(toPlain(np.power.reduceat(a.astype('float64'), idx, ax))).toEqual({ dtype: 'float64', ...refReduceat(fl, idx, ax, f.power) });
    }
  });

  it('outer pairs every element', () => {
    for (const [a, b] of sample(fc.tuple(ints, ints), 40, 5)) {
      expect(toPlain(np.add.outer(a, b))).toEqual({ dtype: 'int32', ...refOuter(toPlain(a), toPlain(b), f.add) });
    }
  });

  it('at applies once per occurrence, in order, through any 1-d view', () => {
    const views: ViewKind[] = ['contiguous', 'reversed', 'stepped', 'offset'];
    for (const [a, seed] of sample(fc.tuple(arrayArb({ dtypes: ['int32'], minDims: 1, maxDims: 1, maxSide: 8, views }), fc.nat(1e9)), 60, 6)) {
      const r = seededRandom(seed);
      const n = a.shape[0]!;
      if (n === 0) continue;
      const idx = Array.from({ length: randInt(r, 0, 10) }, () => randInt(r, -n, n - 1));
      const b = idx.map(() => randInt(r, -50, 50));
      const expected = refAt(toPlain(a).values, idx.map((i) => (i < 0 ? i + n : i)), b, f.subtract);
      np.subtract.at(a, np.array(idx, { dtype: 'int32' }), np.array(b, { dtype: 'int32' }));
      expect(toPlain(a).values).toEqual(expected);
    }
  });

  it('float32 sums are the written-out float32 pairwise sum', () => {
    const r = seededRandom(11);
    for (const n of [1, 5, 8, 15, 16, 127, 128, 129, 257, 1000, 4099]) {
      const vals = Array.from({ length: n }, () => Math.fround((r() - 0.5) * 10 ** randInt(r, -2, 5)));
      expect(np.sum(np.array(vals, { dtype: 'float32' }))).toBe(refPairwiseSum32(vals));
      // a strided row (every other element of a 2n buffer) sums the same way
      const spread = np.zeros([2 * n], 'float32');
      spread.set('::2', np.array(vals, { dtype: 'float32' }));
      expect(np.sum(spread.get('::2'))).toBe(refPairwiseSum32(vals));
    }
  });
});

/**
 * Indexing against NumPy and the naive reference: random arrays (every dtype, 0- and
 * 1-length axes, non-contiguous views) indexed by random tuples mixing integers, slices
 * (random bounds and steps, negative and out of range), the ellipsis, newaxis, integer
 * arrays (negative, repeated, multi-d, every integer dtype and layout) and boolean masks.
 * `get` must match NumPy's `a[idx]` in values, shape and dtype, be a view exactly when
 * NumPy's is, and throw NumPy's error and message when NumPy raises; `set` must leave the
 * array as NumPy's `a[idx] = v` does. The index is sent to Python as an index expression
 * (`a[1:3, ..., None, i0]`) with the index arrays as arguments.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { hasNumpy, oracle, type OracleCase, type PyArg, type PyValue } from '../oracle/numpy.js';
import { comparePlain, mismatch } from '../oracle/compare.js';
import { arrayArb, makeView, sample, type ViewKind } from '../arbitraries/arrays.js';
import { toPlain, type Plain } from '../reference/plain.js';
import { refGet, refSet, type RefItem } from '../reference/indexing.js';
import { fingerprint, seededRandom } from '../helpers.js';

type Kind = 'int' | 'slice' | 'newaxis' | 'array' | 'mask' | 'bool0';
interface Spec {
  kind: Kind;
  r: number[];
  form: number;
}

/** One generated index item: the numbat item, its Python text (or argument) and the reference item. */
interface GenItem {
  item: np.IndexItem;
  py: string | null; // null: passed as an argument
  arg: np.NDArray | null;
  ref: RefItem | null; // null: not covered by the reference
}

interface IndexCase {
  a: np.NDArray;
  items: GenItem[];
}

const INDEX_DTYPES: np.DType[] = ['int32', 'int8', 'uint8', 'int16', 'uint16', 'uint32', 'int64', 'uint64'];
const LAYOUTS: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast', 'fortran'];

function used(s: Spec): number {
  if (s.kind === 'newaxis' || s.kind === 'bool0') return 0;
  if (s.kind === 'mask') return 1 + (s.r[0]! % 2);
  return 1;
}

function pyList(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(pyList).join(', ')}]`;
  if (typeof x === 'boolean') return x ? 'True' : 'False';
  return String(x);
}

/** Resolves a spec against axis `axis` of `a` (the axis may not exist: the index is then too long). */
function resolve(a: np.NDArray, s: Spec, axis: number, fancy: number[], rand: () => number): GenItem {
  const n = axis >= 0 && axis < a.ndim ? a.shape[axis]! : 3;
  const r = s.r;
  const intIn = (k: number): number => {
    if (r[k]! % 20 === 0) return r[k]! % 2 === 0 ? n + (r[k]! % 3) : -n - 1 - (r[k]! % 3); // out of bounds
    return n > 0 ? (r[k]! % (2 * n)) - n : 0;
  };
  switch (s.kind) {
    case 'int': {
      const v = intIn(1);
      if (s.form === 3) {
        const arg = np.array(v);
        return { item: arg, py: null, arg, ref: { int: v } };
      }
      return { item: v, py: String(v), arg: null, ref: { int: v } };
    }
    case 'slice': {
      const bound = (k: number): number | null => (r[k]! % 10 < 3 ? null : (r[k]! % (2 * n + 5)) - n - 2);
      const start = bound(1);
      const stop = bound(2);
      const steps = [1, 2, 3, -1, -2, -3, 1, -1];
      const step = r[3]! % 200 === 0 ? 0 : r[3]! % 10 < 4 ? null : steps[r[3]! % steps.length]!;
      const f = (v: number | null): string => (v === null ? '' : String(v));
      const text = `${f(start)}:${f(stop)}:${f(step)}`;
      const item: np.IndexItem = s.form === 2 ? np.s(start, stop, step) : s.form === 3 && step === null ? `${f(start)}:${f(stop)}` : text;
      return { item, py: text, arg: null, ref: { slice: [start, stop, step] } };
    }
    case 'newaxis':
      return { item: null, py: 'None', arg: null, ref: 'newaxis' };
    case 'bool0': {
      const arg = np.array(r[1]! % 2 === 0);
      return { item: arg, py: null, arg, ref: null };
    }
    case 'array': {
      // mostly the case's shared fancy shape (or a broadcastable variant), sometimes another
      let shape = fancy.slice();
      if (r[4]! % 4 === 1) shape = shape.map((d, i) => (r[5]! >> i) & 1 ? 1 : d);
      if (r[4]! % 4 === 2) shape = shape.slice(r[5]! % (shape.length + 1));
      if (r[6]! % 10 === 0) shape = [1 + (r[7]! % 4)];
      const dtype = INDEX_DTYPES[r[2]! % INDEX_DTYPES.length]!;
      const size = shape.reduce((x, y) => x * y, 1);
      const values: number[] = [];
      for (let k = 0; k < size; k++) {
        let v = rand() < 0.04 ? n + Math.floor(rand() * 3) : n > 0 ? Math.floor(rand() * 2 * n) - n : 0;
        if (dtype.startsWith('uint') || dtype === 'int8') v = v < 0 ? v + n : v;
        if (dtype.startsWith('uint') && v < 0) v = 0;
        values.push(v);
      }
      if (s.form === 3 && shape.length === 1) return { item: values, py: pyList(values), arg: null, ref: { array: { dtype: 'int32', shape, values } } };
      const big = dtype === 'int64' || dtype === 'uint64';
      const arg = makeView(dtype, shape, big ? values.map(BigInt) : values, LAYOUTS[r[3]! % LAYOUTS.length]!, r[1]!);
      // read back: a stride-0 layout repeats its first slice
      return { item: arg, py: null, arg, ref: { array: toPlain(arg) } };
    }
    case 'mask': {
      const k = used(s);
      const shape: number[] = [];
      for (let d = 0; d < k; d++) shape.push(axis + d >= 0 && axis + d < a.ndim ? a.shape[axis + d]! : 2);
      if (r[4]! % 12 === 0 && shape.length > 0) shape[0] = shape[0]! + 1; // a mismatched mask
      const size = shape.reduce((x, y) => x * y, 1);
      const values: number[] = [];
      for (let j = 0; j < size; j++) values.push(rand() < 0.5 ? 1 : 0);
      if (s.form === 3 && k === 1) {
        const list = values.map((v) => v === 1);
        return { item: list, py: pyList(list), arg: null, ref: { mask: { dtype: 'bool', shape, values } } };
      }
      const arg = makeView('bool', shape, values, LAYOUTS[r[3]! % LAYOUTS.length]!, r[1]!);
      return { item: arg, py: null, arg, ref: { mask: toPlain(arg) } };
    }
  }
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  kind: fc.constantFrom<Kind>('int', 'int', 'slice', 'slice', 'slice', 'newaxis', 'array', 'array', 'mask', 'mask', 'bool0'),
  r: fc.array(fc.nat(100000), { minLength: 8, maxLength: 8 }),
  form: fc.nat(3),
});

function indexCaseArb(views: readonly ViewKind[]): fc.Arbitrary<IndexCase> {
  return fc
    .record({
      a: arrayArb({ maxDims: 4, maxSide: 5, views }),
      specs: fc.array(specArb, { maxLength: 5 }),
      ellipsis: fc.nat(20),
      split: fc.nat(5),
      fancy: fc.constantFrom<number[]>([2], [3], [1], [0], [2, 3], [3, 1], [], [4]),
      seed: fc.nat(),
    })
    .map(({ a, specs: drawn, ellipsis, split, fancy, seed }) => {
      const rand = seededRandom(seed);
      // keep most indices within the array's rank; one in ten may be too long (an error case)
      const specs = drawn.slice();
      if (seed % 10 !== 0) {
        while (specs.reduce((acc, s) => acc + used(s), 0) > a.ndim) {
          let k = specs.length - 1;
          while (used(specs[k]!) === 0) k--;
          specs.splice(k, 1);
        }
      }
      const withEllipsis = ellipsis >= 8;
      const cut = withEllipsis ? Math.min(split, specs.length) : specs.length;
      const front = specs.slice(0, cut);
      const back = specs.slice(cut);
      const items: GenItem[] = [];
      let axis = 0;
      for (const s of front) {
        items.push(resolve(a, s, axis, fancy, rand));
        axis += used(s);
      }
      if (withEllipsis) {
        items.push({ item: '...', py: '...', arg: null, ref: 'ellipsis' });
        if (ellipsis === 20) items.push({ item: '...', py: '...', arg: null, ref: 'ellipsis' }); // an error case
        axis = a.ndim - back.reduce((acc, s) => acc + used(s), 0);
        for (const s of back) {
          items.push(resolve(a, s, axis, fancy, rand));
          axis += used(s);
        }
      }
      return { a, items };
    });
}

/** The Python index expression and its arguments (`a` is added by the caller). */
function pyIndex(items: readonly GenItem[]): { expr: string; args: Record<string, PyArg> } {
  const args: Record<string, PyArg> = {};
  const parts = items.map((g, k) => {
    if (g.py !== null) return g.py;
    args[`i${k}`] = g.arg!;
    return `i${k}`;
  });
  return { expr: parts.length === 0 ? '()' : parts.join(', '), args };
}

function describeCase(c: IndexCase): string {
  const items = c.items.map((g) => (g.arg !== null ? `${g.arg.dtype}${JSON.stringify(g.arg.shape)}=${JSON.stringify(toPlain(g.arg).values, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))}` : g.py));
  return `${c.a.dtype}${JSON.stringify(c.a.shape)}[${items.join(', ')}]`;
}

/** NumPy's exception class for a numbat error. */
function pyErrorType(e: Error): string {
  return e.name === 'DTypeError' ? 'TypeError' : e.name;
}

/**
 * Which index NumPy reports when an index array holds several out-of-bounds values depends
 * on its internal iteration order (memory order in some paths, C order in others); numbat
 * reports the first in C order. The axis and its size must still match.
 */
function sameMessage(got: string, numpy: string): boolean {
  const oob = /^index -?\d+ is out of bounds for axis/;
  if (oob.test(got) && oob.test(numpy)) return got.replace(/^index -?\d+/, '') === numpy.replace(/^index -?\d+/, '');
  return got === numpy;
}

function checkError(desc: string, got: unknown, ans: { ok: true; value: PyValue } | { ok: false; type: string; message: string }, failures: string[]): boolean {
  if (got instanceof Error) {
    if (ans.ok) failures.push(`${desc}: threw ${got.name}: ${got.message}; NumPy gave a result`);
    else if (pyErrorType(got) !== ans.type || !sameMessage(got.message, ans.message.trim())) {
      failures.push(`${desc}: threw ${pyErrorType(got)}: ${got.message}; NumPy ${ans.type}: ${ans.message}`);
    }
    return true;
  }
  if (!ans.ok) {
    failures.push(`${desc}: NumPy raised ${ans.type}: ${ans.message}; numbat did not`);
    return true;
  }
  return false;
}

const getCases = sample(indexCaseArb(LAYOUTS), 1000, 7);

describe.runIf(hasNumpy)('get against NumPy', () => {
  it('random arrays and index tuples: values, shape, dtype, view or copy, errors', async () => {
    const py = await oracle();
    const inputs = (c: IndexCase): string => [c.a, ...c.items.flatMap((g) => (g.arg !== null ? [g.arg] : []))].map(fingerprint).join('|') + JSON.stringify(c.items.map((g) => (Array.isArray(g.item) ? g.item : null)));
    const results = getCases.map((c) => {
      const before = inputs(c);
      let r: np.NDArray | Error;
      try {
        r = np.get(c.a, ...c.items.map((g) => g.item));
      } catch (e) {
        r = e as Error;
      }
      return { r, before };
    });
    const oc: OracleCase[] = getCases.map((c) => {
      const { expr, args } = pyIndex(c.items);
      return { code: `r = a[${expr}]\nresult = [r, isinstance(r, np.ndarray) and r.base is a]`, args: { a: c.a, ...args } };
    });
    const answers = await py.run(oc);
    const failures: string[] = [];
    let ok = 0;
    getCases.forEach((c, i) => {
      const { r, before } = results[i]!;
      const ans = answers[i]!;
      const desc = describeCase(c);
      if (inputs(c) !== before) failures.push(`${desc}: an input was modified`);
      if (checkError(desc, r, ans, failures)) return;
      ok++;
      const [value, isView] = (ans as { value: PyValue[] }).value;
      const res = r as np.NDArray;
      const m = mismatch(res, value!);
      if (m !== null) failures.push(`${desc}: ${m}`);
      const scalar = (value as { scalar?: boolean }).scalar === true;
      if (!scalar && (res.base !== null) !== isView) failures.push(`${desc}: view ${res.base !== null}, NumPy ${String(isView)}`);
    });
    expect(failures.slice(0, 10)).toEqual([]);
    // the generator must mostly produce valid indices, or the test says little
    expect(ok).toBeGreaterThan(getCases.length * 0.4);
  });
});

/** A value for `a[idx] = v`: a JS scalar, a JS list or an array broadcasting to the selection. */
function valueFor(a: np.NDArray, sel: readonly number[] | null, r: number, rand: () => number): np.ArrayLike {
  const dt = np.DTYPES[a.dtype];
  const scalar = (): number | boolean | bigint => {
    if (dt.kind === 'b') return r % 3 === 0 ? rand() < 0.5 : Math.floor(rand() * 3);
    if (dt.kind === 'f') return Math.floor(rand() * 40 - 20) / 4;
    if (r % 25 === 0) return dt.kind === 'u' ? -1 : 300; // NumPy 2's OverflowError for small types
    if (r % 25 === 1) return Math.floor(rand() * 40 - 20) / 4; // a float into an integer array truncates
    if (r % 50 === 2) return [NaN, Infinity, -Infinity, 1e19, 2 ** 63][r % 5]!; // Python's errors
    if (r % 25 === 3) return dt.bigint ? BigInt(Math.floor(rand() * 100)) : rand() < 0.5;
    return Math.floor(rand() * 100) - (dt.kind === 'u' ? 0 : 50);
  };
  const kind = r % 4;
  if (sel === null || kind === 0) return scalar();
  // drop some leading axes and set some to 1: still broadcasts
  let shape = sel.slice(r % (sel.length + 1) === 0 ? 0 : (r >> 3) % (sel.length + 1));
  if (kind === 2) shape = shape.map((d) => (rand() < 0.3 ? 1 : d));
  if (rand() < 0.05) shape = [1, ...shape]; // a leading length-1 axis NumPy drops
  const size = shape.reduce((x, y) => x * y, 1);
  if (kind === 3 && shape.length >= 1 && shape.length <= sel.length && size <= 40) {
    // a nested JS list, converted as NumPy converts Python lists
    const build = (d: number): unknown => (d === shape.length ? scalar() : Array.from({ length: shape[d]! }, () => build(d + 1)));
    return build(0) as np.ArrayLike;
  }
  const vdtype = (['float64', 'int32', 'bool', 'uint8', 'float32', a.dtype] as np.DType[])[r % 6]!;
  const vinfo = np.DTYPES[vdtype];
  const values: (number | bigint)[] = [];
  for (let k = 0; k < size; k++) {
    const v = vinfo.kind === 'b' ? (rand() < 0.5 ? 1 : 0) : vinfo.kind === 'f' ? Math.floor(rand() * 400) / 4 : Math.floor(rand() * 100);
    values.push(vinfo.bigint ? BigInt(Math.floor(v)) : v);
  }
  // C-ordered values: NumPy walks repeated indices in C order then (see the report)
  return makeView(vdtype, shape, values, r % 2 === 0 ? 'contiguous' : 'offset');
}

const setCases = sample(
  fc.tuple(indexCaseArb(['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'fortran']), fc.nat(1000), fc.nat()),
  800,
  11,
);

describe.runIf(hasNumpy)('set against NumPy', () => {
  it('random arrays, index tuples and values: the array afterwards, errors', async () => {
    const py = await oracle();
    const oc: OracleCase[] = [];
    const outcomes: { desc: string; after: np.NDArray | Error; value: np.ArrayLike; vBefore: string | null }[] = [];
    for (const [c, r, seed] of setCases) {
      let sel: number[] | null = null;
      try {
        sel = np.get(c.a, ...c.items.map((g) => g.item)).shape;
      } catch {
        sel = null;
      }
      const value = valueFor(c.a, sel, r, seededRandom(seed));
      const { expr, args } = pyIndex(c.items);
      oc.push({ code: `a[${expr}] = v\nresult = a`, args: { a: toPlain(c.a), v: value as PyArg, ...args } });
      const vBefore = value instanceof np.NDArray ? fingerprint(value) : null;
      let after: np.NDArray | Error;
      try {
        np.set(c.a, c.items.map((g) => g.item), value);
        after = c.a;
      } catch (e) {
        after = e as Error;
      }
      const vdesc = value instanceof np.NDArray ? `${value.dtype}${JSON.stringify(value.shape)}` : JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : Number.isNaN(v) ? 'NaN' : v));
      outcomes.push({ desc: `${describeCase(c)} = ${vdesc}`, after, value, vBefore });
    }
    const answers = await py.run(oc);
    const failures: string[] = [];
    let ok = 0;
    outcomes.forEach(({ desc, after, value, vBefore }, i) => {
      const ans = answers[i]!;
      if (vBefore !== null && fingerprint(value as np.NDArray) !== vBefore) failures.push(`${desc}: the value was modified`);
      if (checkError(desc, after, ans, failures)) return;
      ok++;
      const m = mismatch(after, ans);
      if (m !== null) failures.push(`${desc}: ${m}`);
    });
    expect(failures.slice(0, 10)).toEqual([]);
    expect(ok).toBeGreaterThan(setCases.length * 0.4);
  });
});

function refItems(c: IndexCase): RefItem[] | null {
  const out: RefItem[] = [];
  for (const g of c.items) {
    if (g.ref === null) return null;
    out.push(g.ref);
  }
  return out;
}

describe('get and set against the naive reference', () => {
  const cases = sample(indexCaseArb(['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'fortran']), 500, 5);

  it('get: same values and shape, and an error exactly when the reference has one', () => {
    const failures: string[] = [];
    let compared = 0;
    for (const c of cases) {
      const items = refItems(c);
      if (items === null) continue;
      let expected: Plain | null;
      try {
        expected = refGet(toPlain(c.a), items);
      } catch {
        expected = null;
      }
      let got: np.NDArray | null;
      try {
        got = np.get(c.a, ...c.items.map((g) => g.item));
      } catch {
        got = null;
      }
      if ((expected === null) !== (got === null)) {
        failures.push(`${describeCase(c)}: reference ${expected === null ? 'threw' : 'gave a result'}, numbat ${got === null ? 'threw' : 'gave a result'}`);
        continue;
      }
      if (expected === null || got === null) continue;
      compared++;
      const m = comparePlain(toPlain(got), expected);
      if (m !== null) failures.push(`${describeCase(c)}: ${m}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(cases.length * 0.3);
  });

  it('basic indexing gives views: writing through them changes the array as the reference says', () => {
    const failures: string[] = [];
    let compared = 0;
    cases.forEach((c, n) => {
      const items = refItems(c);
      if (items === null || items.some((it) => typeof it === 'object' && ('array' in it || 'mask' in it))) return;
      let r: np.NDArray;
      try {
        r = np.get(c.a, ...c.items.map((g) => g.item));
      } catch {
        return;
      }
      if (c.items.some((g) => g.arg !== null)) return; // a 0-d integer array gives a copy
      const before = toPlain(c.a);
      const rand = seededRandom(n + 1);
      const values = before.values.slice(0, 0);
      for (let k = 0; k < r.size; k++) values.push(before.values.length > 0 ? before.values[Math.floor(rand() * before.values.length)]! : 0);
      const fresh = makeView(c.a.dtype, r.shape, values, 'contiguous');
      np.set(r, '...', fresh);
      compared++;
      if (r.base === null && r.size > 0) failures.push(`${describeCase(c)}: not a view`);
      const m = comparePlain(toPlain(c.a), refSet(before, items, toPlain(fresh)));
      if (m !== null) failures.push(`${describeCase(c)}: ${m}`);
    });
    expect(failures.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(cases.length * 0.2);
  });

  it('set: fancy and basic assignment of a same-dtype array, last write wins', () => {
    const failures: string[] = [];
    let compared = 0;
    cases.forEach((c, n) => {
      const items = refItems(c);
      if (items === null) return;
      let sel: number[];
      try {
        sel = np.get(c.a, ...c.items.map((g) => g.item)).shape;
      } catch {
        return;
      }
      const rand = seededRandom(n);
      const size = sel.reduce((x, y) => x * y, 1);
      const values = toPlain(c.a).values.slice(0, 0);
      const src = toPlain(c.a);
      for (let k = 0; k < size; k++) values.push(src.values.length > 0 ? src.values[Math.floor(rand() * src.values.length)]! : 0);
      const value: Plain = { dtype: c.a.dtype, shape: sel, values };
      const expected = refSet(src, items, value);
      np.set(c.a, c.items.map((g) => g.item), makeView(c.a.dtype, sel, values, 'contiguous'));
      compared++;
      const m = comparePlain(toPlain(c.a), expected);
      if (m !== null) failures.push(`${describeCase(c)}: ${m}`);
    });
    expect(failures.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(cases.length * 0.3);
  });
});

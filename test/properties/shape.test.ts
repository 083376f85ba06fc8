/**
 * The shape family against NumPy and against the naive reference (`test/reference/shape.ts`).
 * Random arrays (every dtype, 0- and 1-length axes, transposed / reversed / stepped / offset /
 * broadcast / Fortran views) with random parameters (negative and out-of-range axes, -1 in
 * shapes, repeated axes, wrong sizes). NumPy rebuilds each input with the same buffer and
 * strides, so besides values and errors (class and message) the cases compare the result's
 * layout: strides, whether it is a view (shares memory), writeability and contiguity.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { hasNumpy } from '../oracle/numpy.js';
import { comparePlain } from '../oracle/compare.js';
import { arrayArb, sample, ALL_DTYPES, NUMBER_DTYPES, makeView, valueArb, type ViewKind } from '../arbitraries/arrays.js';
import { toPlain, type Plain } from '../reference/plain.js';
import { refConcatenate, refFlip, refPad, refRepeat, refReshape, refRoll, refTile, refTranspose } from '../reference/shape.js';
import { runLayoutCases, describe as desc, type LayoutCase } from './layout-harness.js';
import { pick, randInt, seededRandom } from '../helpers.js';

const VIEWS: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast', 'fortran'];
const arrays = (n: number, seed: number, o: Parameters<typeof arrayArb>[0] = {}): [np.NDArray, number][] =>
  sample(fc.tuple(arrayArb({ maxDims: 4, maxSide: 4, views: VIEWS, ...o }), fc.nat()), n, seed);

/** An array of `shape` and `dtype` with random values and layout. */
function arrayOf(shape: readonly number[], dtype: np.DType, r: () => number, o: Parameters<typeof valueArb>[1] = {}): np.NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = sample(fc.array(valueArb(dtype, o), { minLength: size, maxLength: size }), 1, randInt(r, 0, 1e6))[0]!;
  return makeView(dtype, shape, values, pick(r, VIEWS), randInt(r, 0, 7));
}

/** A shape of `size` elements (sometimes with one -1, sometimes of the wrong size). */
function reshapeTarget(size: number, r: () => number): number[] {
  const dims: number[] = [];
  if (size === 0) {
    const k = randInt(r, 1, 3);
    for (let i = 0; i < k; i++) dims.push(pick(r, [0, 1, 2, 3]));
    if (!dims.includes(0)) dims[0] = 0;
  } else {
    const k = randInt(r, 0, 3);
    for (let i = 0; i < k; i++) dims.push(1);
    let rest = size;
    for (let f = 2; rest > 1; ) {
      if (rest % f === 0) {
        if (dims.length === 0 || r() < 0.5) dims.push(f);
        else dims[randInt(r, 0, dims.length - 1)]! *= f;
        rest /= f;
      } else f++;
    }
    if (dims.length === 0) dims.push(1);
  }
  const u = r();
  if (u < 0.3) dims[randInt(r, 0, dims.length - 1)] = -1;
  else if (u < 0.36) dims.push(2);
  else if (u < 0.4) dims.push(-1, -1);
  return dims;
}

const pyList = (xs: readonly number[]): string => `[${xs.join(', ')}]`;

describe.runIf(hasNumpy)('shape functions against NumPy (values, errors, layout)', () => {
  it('reshape, ravel, flatten: views when the strides allow, NumPy messages otherwise', async () => {
    const cases: LayoutCase[] = [];
    for (const [a, seed] of arrays(120, 1)) {
      const r = seededRandom(seed);
      const s = reshapeTarget(a.size, r);
      cases.push({ desc: `reshape ${desc(a)} -> (${s})`, inputs: { a }, run: () => np.reshape(a, s), code: `np.reshape(a, ${pyList(s)})` });
      if (r() < 0.3) cases.push({ desc: `reshape varargs ${desc(a)}`, inputs: { a }, run: () => np.reshape(a, ...s), code: `np.reshape(a, ${pyList(s)})` });
    }
    for (const [a] of arrays(40, 2)) {
      cases.push({ desc: `ravel ${desc(a)}`, inputs: { a }, run: () => np.ravel(a), code: 'np.ravel(a)' });
      cases.push({ desc: `flatten ${desc(a)}`, inputs: { a }, run: () => np.flatten(a), code: 'a.flatten()' });
    }
    expect((await runLayoutCases(cases)).slice(0, 10)).toEqual([]);
  });

  it('transpose, swapaxes, moveaxis: views with permuted strides; bad axes throw', async () => {
    const cases: LayoutCase[] = [];
    for (const [a, seed] of arrays(150, 3)) {
      const r = seededRandom(seed);
      const nd = a.ndim;
      const perm = a.shape.map((_, i) => i).sort(() => r() - 0.5);
      const u = r();
      let axes: number[] | null = perm.map((p) => (r() < 0.3 ? p - nd : p));
      if (u < 0.2) axes = null;
      else if (u < 0.28 && nd > 0) axes[0] = axes[axes.length - 1]!;
      else if (u < 0.34) axes.push(0);
      else if (u < 0.4 && nd > 0) axes[0] = nd;
      cases.push({ desc: `transpose ${desc(a)} ${axes}`, inputs: { a }, run: () => np.transpose(a, axes), code: `np.transpose(a, ${axes === null ? 'None' : pyList(axes)})` });
      const i = randInt(r, -nd - 1, nd);
      const j = randInt(r, -nd, nd - 1);
      cases.push({ desc: `swapaxes ${desc(a)} ${i} ${j}`, inputs: { a }, run: () => np.swapaxes(a, i, j), code: `np.swapaxes(a, ${i}, ${j})` });
      const k = randInt(r, 0, nd);
      const src = Array.from({ length: k }, () => randInt(r, -nd, nd - (r() < 0.1 ? 0 : 1)));
      const dst = Array.from({ length: k + (r() < 0.1 ? 1 : 0) }, () => randInt(r, -nd, nd - 1));
      const one = k === 1 && r() < 0.5;
      cases.push({
        desc: `moveaxis ${desc(a)} ${src} ${dst}`,
        inputs: { a },
        run: () => (one ? np.moveaxis(a, src[0]!, dst[0]!) : np.moveaxis(a, src, dst)),
        code: one ? `np.moveaxis(a, ${src[0]}, ${dst[0]})` : `np.moveaxis(a, ${pyList(src)}, ${pyList(dst)})`,
      });
    }
    expect((await runLayoutCases(cases)).slice(0, 10)).toEqual([]);
  });

  it('expandDims, squeeze, atleast1d, atleast2d: views; bad axes throw', async () => {
    const cases: LayoutCase[] = [];
    for (const [a, seed] of arrays(150, 4)) {
      const r = seededRandom(seed);
      const nd = a.ndim;
      const k = randInt(r, 1, 2);
      const axes = Array.from({ length: k }, () => randInt(r, -nd - k - (r() < 0.1 ? 1 : 0), nd + k - 1));
      const one = k === 1 && r() < 0.5;
      cases.push({
        desc: `expandDims ${desc(a)} ${axes}`,
        inputs: { a },
        run: () => np.expandDims(a, one ? axes[0]! : axes),
        code: `np.expand_dims(a, ${one ? axes[0] : `(${axes.join(', ')},)`})`,
      });
      const ones = a.shape.flatMap((d, i) => (d === 1 ? [i] : []));
      const u = r();
      const sq: number[] | null = u < 0.3 ? null : u < 0.8 ? ones.filter(() => r() < 0.6).map((i) => (r() < 0.5 ? i - nd : i)) : [randInt(r, -nd - 1, nd)];
      if (sq !== null && r() < 0.1 && sq.length > 0) sq.push(sq[0]!);
      cases.push({
        desc: `squeeze ${desc(a)} ${sq}`,
        inputs: { a },
        run: () => np.squeeze(a, sq),
        code: `np.squeeze(a, ${sq === null ? 'None' : `(${sq.join(', ')}${sq.length === 1 ? ',' : ''})`})`,
      });
      cases.push({ desc: `atleast1d ${desc(a)}`, inputs: { a }, run: () => np.atleast1d(a), code: 'np.atleast_1d(a)' });
      cases.push({ desc: `atleast2d ${desc(a)}`, inputs: { a }, run: () => np.atleast2d(a), code: 'np.atleast_2d(a)' });
    }
    expect((await runLayoutCases(cases)).slice(0, 10)).toEqual([]);
  });

  it('broadcastTo, broadcastArrays: read-only stride-0 views; broadcastShapes messages', async () => {
    const cases: LayoutCase[] = [];
    for (const [a, seed] of arrays(120, 5)) {
      const r = seededRandom(seed);
      const lead = Array.from({ length: randInt(r, 0, 2) }, () => randInt(r, 0, 3));
      let target = [...lead, ...a.shape.map((d) => (d === 1 && r() < 0.6 ? randInt(r, 0, 3) : d))];
      if (r() < 0.15) target = target.slice(randInt(r, 0, target.length));
      if (r() < 0.08 && target.length > 0) target[0] = -1;
      cases.push({ desc: `broadcastTo ${desc(a)} (${target})`, inputs: { a }, run: () => np.broadcastTo(a, target), code: `np.broadcast_to(a, ${pyList(target)})` });
      const b = arrayOf(a.shape.slice(randInt(r, 0, a.ndim)).map((d) => (r() < 0.3 ? 1 : r() < 0.05 ? d + 1 : d)), pick(r, ALL_DTYPES), r);
      const c = arrayOf([...a.shape.map((d) => (r() < 0.4 ? 1 : d))], pick(r, ALL_DTYPES), r);
      cases.push({ desc: `broadcastArrays ${desc(a)} ${desc(b)} ${desc(c)}`, inputs: { a, b, c }, run: () => np.broadcastArrays(a, b, c), code: 'np.broadcast_arrays(a, b, c)', ignoreWriteable: true });
      const shapes = [a.shape, b.shape, c.shape, target.map((d) => Math.max(d, 0))];
      cases.push({
        desc: `broadcastShapes ${shapes.map((s) => `(${s})`).join(' ')}`,
        inputs: {},
        run: () => np.broadcastShapes(...shapes),
        code: `list(np.broadcast_shapes(${shapes.map((s) => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`).join(', ')}))`,
        layout: false,
      });
    }
    expect((await runLayoutCases(cases)).slice(0, 10)).toEqual([]);
  });

  it('concatenate, stack, vstack, hstack: promoted dtypes, layouts and messages', async () => {
    const cases: LayoutCase[] = [];
    // finite values of moderate size: the unsafe casts below are then the same on every platform
    const tame = { specials: false, range: 1000 };
    for (const [a, seed] of arrays(150, 6, tame)) {
      const r = seededRandom(seed);
      const nd = a.ndim;
      const k = randInt(r, 1, 3);
      const ax = nd === 0 ? 0 : randInt(r, 0, nd - 1);
      const sameDtype = r() < 0.5;
      const others = Array.from({ length: k - 1 }, () => {
        const shape = a.shape.map((d, i) => (i === ax ? randInt(r, 0, 3) : r() < 0.05 ? d + 1 : d));
        if (r() < 0.04) shape.push(2);
        return arrayOf(shape, sameDtype ? a.dtype : pick(r, ALL_DTYPES), r, tame);
      });
      const ins: Record<string, np.NDArray> = { a };
      others.forEach((o, i) => (ins[`o${i}`] = o));
      const names = Object.keys(ins).join(', ');
      const list = [a, ...others];
      const axisArg: number | null = r() < 0.15 ? null : r() < 0.3 ? ax - nd : r() < 0.05 ? nd : ax;
      const useDtype = r() < 0.15 ? pick(r, NUMBER_DTYPES) : undefined;
      const dtypePy = useDtype === undefined ? '' : `, dtype='${useDtype}', casting='${r() < 0.5 ? 'same_kind' : 'unsafe'}'`;
      const casting = dtypePy.includes('unsafe') ? 'unsafe' : 'same_kind';
      cases.push({
        desc: `concatenate ${list.map(desc).join(' ')} axis ${axisArg}${dtypePy}`,
        inputs: ins,
        run: () => np.concatenate(list, axisArg, useDtype === undefined ? {} : { dtype: useDtype, casting }),
        code: `np.concatenate([${names}], axis=${axisArg === null ? 'None' : axisArg}${dtypePy})`,
      });
      const same = Array.from({ length: k - 1 }, () => arrayOf(r() < 0.05 ? [...a.shape, 1] : a.shape, sameDtype ? a.dtype : pick(r, ALL_DTYPES), r, tame));
      const sins: Record<string, np.NDArray> = { a };
      same.forEach((o, i) => (sins[`s${i}`] = o));
      const sax = randInt(r, -nd - 1, nd + (r() < 0.1 ? 1 : 0));
      const snames = Object.keys(sins).join(', ');
      cases.push({ desc: `stack ${[a, ...same].map(desc).join(' ')} axis ${sax}`, inputs: sins, run: () => np.stack([a, ...same], sax), code: `np.stack([${snames}], axis=${sax})` });
      cases.push({ desc: `vstack ${[a, ...same].map(desc).join(' ')}`, inputs: sins, run: () => np.vstack([a, ...same]), code: `np.vstack([${snames}])` });
      cases.push({ desc: `hstack ${[a, ...same].map(desc).join(' ')}`, inputs: sins, run: () => np.hstack([a, ...same]), code: `np.hstack([${snames}])` });
    }
    expect((await runLayoutCases(cases)).slice(0, 10)).toEqual([]);
  });

  it('split, arraySplit: views of equal parts or at indices; messages', async () => {
    const cases: LayoutCase[] = [];
    for (const [a, seed] of arrays(150, 7)) {
      const r = seededRandom(seed);
      const nd = a.ndim;
      const axis = randInt(r, -nd - (r() < 0.1 ? 1 : 0), Math.max(nd - 1, 0) + (r() < 0.1 ? 1 : 0));
      const n = axis >= -nd && axis < nd ? a.shape[axis < 0 ? axis + nd : axis]! : 3;
      const useIndices = r() < 0.5;
      const spec: number | number[] = useIndices
        ? Array.from({ length: randInt(r, 0, 4) }, () => randInt(r, -n - 2, n + 2)).sort((x, y) => (r() < 0.8 ? x - y : 0))
        : r() < 0.1
          ? randInt(r, -1, 0)
          : pick(r, [1, 2, 3, Math.max(n, 1), n + 1]);
      const py = Array.isArray(spec) ? pyList(spec) : String(spec);
      cases.push({ desc: `split ${desc(a)} ${py} axis ${axis}`, inputs: { a }, run: () => np.split(a, spec, axis), code: `np.split(a, ${py}, axis=${axis})` });
      cases.push({ desc: `arraySplit ${desc(a)} ${py} axis ${axis}`, inputs: { a }, run: () => np.arraySplit(a, spec, axis), code: `np.array_split(a, ${py}, axis=${axis})` });
    }
    expect((await runLayoutCases(cases)).slice(0, 10)).toEqual([]);
  });

  it('tile, repeat: new C-order arrays built from stride-0 views', async () => {
    const cases: LayoutCase[] = [];
    for (const [a, seed] of arrays(150, 8)) {
      const r = seededRandom(seed);
      const nd = a.ndim;
      const reps = Array.from({ length: randInt(r, 0, 4) }, () => (r() < 0.04 ? -1 : randInt(r, 0, 3)));
      const scalar = reps.length === 1 && r() < 0.5;
      cases.push({
        desc: `tile ${desc(a)} ${reps}`,
        inputs: { a },
        run: () => np.tile(a, scalar ? reps[0]! : reps),
        code: `np.tile(a, ${scalar ? reps[0] : `(${reps.join(', ')}${reps.length === 1 ? ',' : ''})`})`,
      });
      const axis: number | null = r() < 0.3 ? null : randInt(r, -nd - (r() < 0.1 ? 1 : 0), nd - 1);
      const n = axis === null ? a.size : axis >= -nd && axis < nd ? a.shape[axis < 0 ? axis + nd : axis]! : 1;
      const u = r();
      const reps2: number | number[] =
        u < 0.4 ? randInt(r, r() < 0.05 ? -1 : 0, 3) : u < 0.5 ? [randInt(r, 0, 3)] : Array.from({ length: r() < 0.05 ? n + 1 : n }, () => (r() < 0.03 ? -1 : randInt(r, 0, 3)));
      const py = Array.isArray(reps2) ? pyList(reps2) : String(reps2);
      cases.push({ desc: `repeat ${desc(a)} ${py} axis ${axis}`, inputs: { a }, run: () => np.repeat(a, reps2, axis), code: `np.repeat(a, ${py}, axis=${axis === null ? 'None' : axis})` });
    }
    expect((await runLayoutCases(cases)).slice(0, 10)).toEqual([]);
  });

  it('flip (negative-stride views), roll (copies keeping the memory order)', async () => {
    const cases: LayoutCase[] = [];
    for (const [a, seed] of arrays(150, 9)) {
      const r = seededRandom(seed);
      const nd = a.ndim;
      const u = r();
      const fax: number | number[] | null = u < 0.25 ? null : u < 0.6 ? randInt(r, -nd - (r() < 0.1 ? 1 : 0), nd - 1) : Array.from({ length: randInt(r, 0, nd) }, () => randInt(r, -nd, nd - 1));
      const fpy = fax === null ? 'None' : Array.isArray(fax) ? `(${fax.join(', ')}${fax.length === 1 ? ',' : ''})` : String(fax);
      cases.push({ desc: `flip ${desc(a)} ${fpy}`, inputs: { a }, run: () => np.flip(a, fax), code: `np.flip(a, ${fpy})` });
      const v = r();
      const rax: number | number[] | null = v < 0.3 ? null : v < 0.6 ? randInt(r, -nd - (r() < 0.1 ? 1 : 0), nd - 1) : Array.from({ length: randInt(r, 1, 3) }, () => randInt(r, -nd, nd - 1));
      const count = Array.isArray(rax) ? (r() < 0.8 ? rax.length : r() < 0.5 ? 1 : rax.length + 1) : randInt(r, 1, 2);
      const shift: number | number[] = r() < 0.5 ? randInt(r, -9, 9) : Array.from({ length: count }, () => randInt(r, -9, 9));
      const rpy = rax === null ? 'None' : Array.isArray(rax) ? pyList(rax) : String(rax);
      const spy = Array.isArray(shift) ? pyList(shift) : String(shift);
      cases.push({ desc: `roll ${desc(a)} ${spy} ${rpy}`, inputs: { a }, run: () => np.roll(a, shift, rax), code: `np.roll(a, ${spy}, axis=${rpy})` });
    }
    expect((await runLayoutCases(cases)).slice(0, 10)).toEqual([]);
  });

  it('pad (constant and empty modes): every pad-width and value form', async () => {
    const cases: LayoutCase[] = [];
    for (const [a, seed] of arrays(150, 10)) {
      const r = seededRandom(seed);
      const nd = a.ndim;
      const w = (): number => (r() < 0.03 ? -1 : randInt(r, 0, 2));
      const form = randInt(r, 0, 4);
      const widths: number | number[] | number[][] =
        form === 0 ? w() : form === 1 ? [w(), w()] : form === 2 ? [[w()]] : form === 3 ? Array.from({ length: r() < 0.1 ? nd + 1 : nd }, () => [w(), w()]) : Array.from({ length: nd }, () => [w()]);
      const vf = randInt(r, 0, 4);
      // unsigned targets: in range (NumPy wraps some out-of-range values there; numbat throws)
      const unsigned = ['uint8', 'uint16', 'uint32', 'uint64'].includes(a.dtype);
      const val = (): number => (DTYPE_IS_FLOAT(a.dtype) && r() < 0.5 ? randInt(r, -40, 40) / 4 : unsigned ? randInt(r, 0, 255) : randInt(r, -3, 300));
      const values: number | number[] | number[][] | undefined =
        vf === 0 ? undefined : vf === 1 ? val() : vf === 2 ? [val(), val()] : vf === 3 ? Array.from({ length: nd }, () => [val(), val()]) : Array.from({ length: nd }, () => [val()]);
      const mode = r() < 0.1 ? 'empty' : 'constant';
      const wpy = JSON.stringify(widths);
      const vpy = values === undefined ? '' : `, constant_values=${JSON.stringify(values)}`;
      // NumPy's 'empty' mode leaves the pad area uninitialised; numbat's is zero-filled
      const code = mode === 'empty' ? `result = np.pad(a, ${wpy}, mode='empty'); result[...] = np.pad(a, ${wpy})` : `np.pad(a, ${wpy}${vpy})`;
      cases.push({
        desc: `pad ${desc(a)} ${wpy} ${vpy} ${mode}`,
        inputs: { a },
        run: () => np.pad(a, widths, mode === 'empty' ? { mode } : values === undefined ? {} : { constantValues: values }),
        code,
      });
    }
    expect((await runLayoutCases(cases)).slice(0, 10)).toEqual([]);
  });
});

function DTYPE_IS_FLOAT(d: np.DType): boolean {
  return d === 'float32' || d === 'float64';
}

/** Same-dtype plain comparison (the reference keeps values as they are). */
function check(actual: np.NDArray, expected: Plain): string | null {
  return comparePlain(toPlain(actual), expected);
}

describe('shape functions against the naive reference', () => {
  const arb = fc.tuple(arrayArb({ maxDims: 4, maxSide: 4, views: VIEWS }), fc.nat());
  const opts = { numRuns: 150, seed: 11 };

  it('reshape and transpose', () => {
    fc.assert(
      fc.property(arb, ([a, seed]) => {
        const r = seededRandom(seed);
        let s = reshapeTarget(a.size, r);
        const negs = s.filter((d) => d < 0).length;
        const known = s.filter((d) => d >= 0).reduce((x, y) => x * y, 1);
        const valid = negs === 0 ? known === a.size : negs === 1 && known > 0 && a.size % known === 0;
        if (!valid) s = a.size === 0 ? [0] : [-1];
        expect(check(np.reshape(a, s), refReshape(toPlain(a), s))).toBeNull();
        const perm = a.shape.map((_, i) => i).sort(() => r() - 0.5);
        expect(check(np.transpose(a, perm), refTranspose(toPlain(a), perm))).toBeNull();
        expect(check(np.transpose(a), refTranspose(toPlain(a)))).toBeNull();
      }),
      opts,
    );
  });

  it('concatenate along every axis', () => {
    fc.assert(
      fc.property(arb, ([a, seed]) => {
        if (a.ndim === 0) return;
        const r = seededRandom(seed);
        const ax = randInt(r, -a.ndim, a.ndim - 1);
        const k = ax < 0 ? ax + a.ndim : ax;
        const others = Array.from({ length: randInt(r, 0, 2) }, () => arrayOf(a.shape.map((d, i) => (i === k ? randInt(r, 0, 3) : d)), a.dtype, r));
        const list = [a, ...others];
        expect(check(np.concatenate(list, ax), refConcatenate(list.map(toPlain), ax))).toBeNull();
      }),
      opts,
    );
  });

  it('flip and roll', () => {
    fc.assert(
      fc.property(arb, ([a, seed]) => {
        const r = seededRandom(seed);
        const axes = a.shape.map((_, i) => i).filter(() => r() < 0.5);
        expect(check(np.flip(a, axes), refFlip(toPlain(a), axes))).toBeNull();
        expect(check(np.flip(a), refFlip(toPlain(a)))).toBeNull();
        const shift = randInt(r, -7, 7);
        const axis = a.ndim === 0 || r() < 0.3 ? null : randInt(r, -a.ndim, a.ndim - 1);
        if (axis !== null && a.shape[axis < 0 ? axis + a.ndim : axis] === 0) return;
        expect(check(np.roll(a, shift, axis), refRoll(toPlain(a), shift, axis))).toBeNull();
      }),
      opts,
    );
  });

  it('tile and repeat', () => {
    fc.assert(
      fc.property(arb, ([a, seed]) => {
        const r = seededRandom(seed);
        const reps = Array.from({ length: randInt(r, 0, 3) }, () => randInt(r, 0, 3));
        expect(check(np.tile(a, reps), refTile(toPlain(a), reps))).toBeNull();
        const axis = a.ndim === 0 || r() < 0.3 ? null : randInt(r, -a.ndim, a.ndim - 1);
        const n = axis === null ? a.size : a.shape[axis < 0 ? axis + a.ndim : axis]!;
        const counts = r() < 0.5 ? randInt(r, 0, 3) : Array.from({ length: n }, () => randInt(r, 0, 3));
        expect(check(np.repeat(a, counts, axis), refRepeat(toPlain(a), counts, axis))).toBeNull();
      }),
      opts,
    );
  });

  it('pad with per-axis widths and values', () => {
    fc.assert(
      fc.property(arb, ([a, seed]) => {
        const r = seededRandom(seed);
        const widths = a.shape.map(() => [randInt(r, 0, 2), randInt(r, 0, 2)] as [number, number]);
        const values = a.shape.map(() => [randInt(r, 0, 1), randInt(r, 0, 1)] as [number, number]);
        const big = a.dtype === 'int64' || a.dtype === 'uint64';
        const asDtype = values.map(([x, y]) => [big ? BigInt(x) : x, big ? BigInt(y) : y] as [number | bigint, number | bigint]);
        expect(check(np.pad(a, widths.length === 0 ? 0 : widths, { constantValues: values.length === 0 ? 0 : values }), refPad(toPlain(a), widths, asDtype))).toBeNull();
      }),
      opts,
    );
  });
});

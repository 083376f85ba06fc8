/**
 * `np.einsum` on random expressions against NumPy and against the naive reference of
 * `test/reference/sorting.ts` (one loop over every combination of label values; runs
 * without NumPy). Expressions have 1-4 operands over random labels (upper and lower case),
 * repeated labels within an operand (diagonals, traces), `...` at any position with
 * broadcast axes of length 1, labels of length 1 broadcasting against longer ones, 0-length
 * labels, implicit and explicit outputs (any order, any subset), spaces, and the
 * interleaved sublist form. Operands have random dtypes (mixed or equal) and layouts
 * (transposed, reversed, stepped, offset, stride-0, Fortran). One case in ten is made
 * invalid (wrong lengths, too many subscripts, bad characters, repeated or unknown output
 * labels) and the error message must be NumPy's.
 *
 * Integer and bool results must match exactly (wrapping included); float results within
 * `(K + n + 2) * eps * sum|products|` (numbat contracts pairwise, NumPy in one loop), with
 * NaN positions and signed zeros exact. No input may change.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { hasNumpy, oracle, type PyArg, type PyValue } from '../oracle/numpy.js';
import { comparePlain } from '../oracle/compare.js';
import { ALL_DTYPES, makeView, sample, type ViewKind } from '../arbitraries/arrays.js';
import { toPlain, type Plain } from '../reference/plain.js';
import { refEinsum } from '../reference/sorting.js';
import { fingerprint, pick, randInt, seededRandom } from '../helpers.js';

type DType = np.DType;
const VIEWS: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast', 'fortran'];
const LETTERS = 'abcdefgAB'.split('');

interface EinsumCase {
  subscripts: string;
  arrays: np.NDArray[];
  /** Call numbat with the interleaved sublist form. */
  sublist: boolean;
  /** The case was made invalid on purpose. */
  invalid: string | null;
}

function valuesFor(dtype: DType, n: number, r: () => number): (number | bigint)[] {
  const info = np.DTYPES[dtype];
  const wide = r() < 0.5;
  return Array.from({ length: n }, () => {
    if (dtype === 'bool') return r() < 0.5 ? 1 : 0;
    if (info.kind === 'f') {
      const u = r();
      const v = u < 0.03 ? NaN : u < 0.08 ? pick(r, [0, -0]) : Math.floor(r() * 81 - 40) / 4;
      return dtype === 'float32' ? Math.fround(v) : v;
    }
    if (info.bigint) {
      if (!wide) return BigInt(randInt(r, info.kind === 'u' ? 0 : -5, 5));
      const raw = (BigInt(Math.floor(r() * 2 ** 32)) << 32n) | BigInt(Math.floor(r() * 2 ** 32));
      return info.kind === 'u' ? raw : BigInt.asIntN(64, raw);
    }
    const min = info.min as number;
    const max = info.max as number;
    if (!wide) return randInt(r, Math.max(min, -5), Math.min(max, 5));
    return min + Math.floor(r() * (max - min + 1));
  });
}

/** A random valid expression and its operands (then maybe broken on purpose). */
function makeCase(seed: number): EinsumCase {
  const r = seededRandom(seed);
  const nops = pick(r, [1, 1, 2, 2, 2, 3, 3, 4]);
  const labels = LETTERS.slice().sort(() => r() - 0.5).slice(0, randInt(r, 1, 6));
  const size = new Map(labels.map((l) => [l, pick(r, [0, 1, 1, 2, 2, 3, 3, 4])]));
  if (r() < 0.7) for (const l of labels) if (size.get(l) === 0) size.set(l, 2); // 0-length labels in a few cases only
  const useEllipsis = r() < 0.35;
  const bshape = useEllipsis ? Array.from({ length: randInt(r, 0, 2) }, () => pick(r, [1, 2, 3])) : [];
  const sameDtype = r() < 0.5;
  const dtype0 = pick(r, ALL_DTYPES);
  const terms: string[] = [];
  const shapes: number[][] = [];
  let nb = 0;
  for (let i = 0; i < nops; i++) {
    const n = randInt(r, 0, 4);
    const term: string[] = Array.from({ length: n }, () => pick(r, labels));
    const shrink = new Set(term.filter(() => r() < 0.06)); // labels of length 1 here: they broadcast
    const shape = term.map((l) => (shrink.has(l) ? 1 : size.get(l)!));
    if (useEllipsis && r() < 0.75) {
      const k = randInt(r, 0, bshape.length);
      const at = randInt(r, 0, term.length);
      const bdims = bshape.slice(bshape.length - k).map((d) => (r() < 0.2 ? 1 : d));
      nb = Math.max(nb, k);
      term.splice(at, 0, '...');
      shape.splice(at, 0, ...bdims);
    }
    terms.push(term.join(''));
    shapes.push(shape);
  }
  const used = [...new Set(terms.join('').replace(/\./g, '').split(''))].filter((l) => l !== '');
  let subscripts = terms.join(',');
  if (r() < 0.6) {
    const outLabels = used.filter(() => r() < 0.6).sort(() => r() - 0.5);
    const withEllipsis = nb > 0 || (useEllipsis && r() < 0.5);
    const out = outLabels.slice();
    if (withEllipsis) out.splice(randInt(r, 0, out.length), 0, '...');
    subscripts += `->${out.join('')}`;
  }
  let invalid: string | null = null;
  if (r() < 0.1) {
    const how = randInt(r, 0, 4);
    const i = randInt(r, 0, nops - 1);
    if (how === 0 && shapes[i]!.some((d) => d >= 2)) {
      const d = shapes[i]!.findIndex((x) => x >= 2);
      shapes[i]![d] = shapes[i]![d]! + 1;
      invalid = 'length';
    } else if (how === 1) {
      shapes[i] = shapes[i]!.slice(1);
      invalid = 'too many';
    } else if (how === 2) {
      subscripts = subscripts.replace(/[a-zA-Z]/, pick(r, ['$', '1', '.', '-']));
      invalid = 'character';
    } else if (how === 3 && subscripts.includes('->')) {
      subscripts += pick(r, ['z', subscripts.slice(-1)]);
      invalid = 'output';
    } else {
      subscripts = r() < 0.5 ? `${subscripts.split('->')[0]},i` : subscripts.replace(',', '');
      invalid = 'operands';
    }
  }
  if (r() < 0.05) subscripts = subscripts.replace(',', ' , ').replace('->', ' -> ');
  const arrays = shapes.map((shape) => {
    const dtype = sameDtype ? dtype0 : pick(r, ALL_DTYPES);
    const n = shape.reduce((x, y) => x * y, 1);
    return makeView(dtype, shape, valuesFor(dtype, n, r), pick(r, VIEWS), randInt(r, 0, 7));
  });
  const sublist = invalid === null && !subscripts.includes(' ') && r() < 0.25;
  return { subscripts, arrays, sublist, invalid };
}

/** The interleaved form of valid subscripts: letters as NumPy's label numbers, '...' kept. */
function toSublists(subscripts: string, arrays: readonly np.NDArray[]): unknown[] {
  const num = (ch: string): number => (ch >= 'a' ? 26 + ch.charCodeAt(0) - 97 : ch.charCodeAt(0) - 65);
  const list = (term: string): (number | '...')[] => {
    const at = term.indexOf('...');
    const nums = (t: string): number[] => t.split('').filter((c) => c !== '').map(num);
    return at < 0 ? nums(term) : [...nums(term.slice(0, at)), '...', ...nums(term.slice(at + 3))];
  };
  const [lhs, rhs] = subscripts.split('->');
  const args: unknown[] = [];
  lhs!.split(',').forEach((t, i) => args.push(arrays[i], list(t)));
  if (rhs !== undefined) args.push(list(rhs));
  return args;
}

function run(c: EinsumCase): np.NDArray | Error {
  try {
    if (c.sublist) return (np.einsum as (...a: unknown[]) => np.NDArray)(...toSublists(c.subscripts, c.arrays));
    return np.einsum(c.subscripts, ...c.arrays);
  } catch (e) {
    return e as Error;
  }
}

/** Summed terms per output element (for the tolerance): product of the summed labels' lengths. */
function termsPerElement(c: EinsumCase, result: np.NDArray): number {
  const total = c.arrays.reduce((p, a) => p * Math.max(1, a.size), 1);
  return Math.min(total, Math.max(1, Math.round(total / Math.max(1, result.size))));
}

/** Compares a float result with tolerance `(K + n + 2) * eps * mag` per element. */
function compareWithin(actual: Plain, expected: Plain, mag: readonly number[], k: number, nops: number): string | null {
  const exact = comparePlain(actual, expected);
  if (exact === null || !expected.dtype.startsWith('float')) return exact;
  if (actual.dtype !== expected.dtype || actual.shape.join() !== expected.shape.join()) return exact;
  const eps = expected.dtype === 'float32' ? 2 ** -23 : 2 ** -52;
  for (let i = 0; i < expected.values.length; i++) {
    const a = actual.values[i] as number;
    const e = expected.values[i] as number;
    if (Number.isNaN(e) || Number.isNaN(a)) {
      if (Number.isNaN(e) !== Number.isNaN(a)) return `NaN position at ${i}: got ${a}, expected ${e}`;
      continue;
    }
    if (a === e) {
      if (Object.is(a, -0) !== Object.is(e, -0)) return `sign of zero at ${i}`;
      continue;
    }
    const m = Number.isFinite(mag[i]!) ? mag[i]! : 0;
    if (!(Math.abs(a - e) <= (k + nops + 2) * eps * m * 4 + (expected.dtype === 'float32' ? 1e-38 : 0))) {
      return `value at ${i}: got ${a}, expected ${e} (mag ${m})`;
    }
  }
  return null;
}

const NUMPY_ERROR: Record<string, string> = { TypeError: 'DTypeError', ValueError: 'ValueError' };
const describeCase = (c: EinsumCase): string =>
  `einsum(${JSON.stringify(c.subscripts)}${c.sublist ? ' as sublists' : ''}, ${c.arrays.map((a) => `${a.dtype}(${a.shape}) strides (${a.strides})`).join(', ')})`;

function cases(n: number, seed: number): EinsumCase[] {
  return sample(fc.nat(), n, seed).map(makeCase);
}

describe.runIf(hasNumpy)('einsum against NumPy', () => {
  it('random expressions: 1-4 operands, diagonals, ellipses, implicit and explicit outputs, every dtype and layout', async () => {
    const all = cases(900, 7);
    const before = all.map((c) => c.arrays.map(fingerprint));
    const ours = all.map(run);
    const py = await oracle();
    const answers = await py.run(
      all.map((c) => ({
        code: 'ops = [a0, a1, a2, a3][:n]\nresult = [np.einsum(s, *ops), np.einsum(s, *[np.abs(o.astype(np.float64)) for o in ops])]',
        args: { s: c.subscripts, n: c.arrays.length, ...Object.fromEntries([0, 1, 2, 3].map((i) => [`a${i}`, (c.arrays[i] ?? null) as PyArg])) },
      })),
    );
    const failures: string[] = [];
    let errors = 0;
    all.forEach((c, i) => {
      const what = describeCase(c);
      if (c.arrays.some((a, j) => fingerprint(a) !== before[i]![j])) failures.push(`${what}: an input was modified`);
      const ans = answers[i]!;
      const got = ours[i]!;
      if (got instanceof Error) {
        errors++;
        if (ans.ok) failures.push(`${what}: threw ${got.message}; NumPy gave a result`);
        else if (got.message !== ans.message.trimEnd() || got.name !== NUMPY_ERROR[ans.type]) {
          failures.push(`${what}: ${got.name} "${got.message}", NumPy ${ans.type} "${ans.message}"`);
        }
        return;
      }
      if (!ans.ok) {
        failures.push(`${what}: NumPy raised ${ans.type}: ${ans.message}`);
        return;
      }
      const [val, mag] = ans.value as [PyValue, PyValue];
      const m = compareWithin(toPlain(got), val as Plain, (mag as Plain).values.map(Number), termsPerElement(c, got), c.arrays.length);
      if (m !== null) failures.push(`${what}: ${m}`);
    });
    expect(failures.slice(0, 10)).toEqual([]);
    // both valid and invalid expressions were exercised
    expect(errors).toBeGreaterThan(60);
    expect(errors).toBeLessThan(500);
  });

  it('a single operand without summation gives a view, as NumPy', async () => {
    const py = await oracle();
    const a = np.reshape(np.arange(24), [2, 3, 4]);
    const exprs = ['ijk->kji', 'ijk', '...k->k...', 'i...->...i', 'ijk->jik'];
    const answers = await py.run(exprs.map((s) => ({ code: 'r = np.einsum(s, a)\nresult = [r, bool(np.shares_memory(r, a))]', args: { s, a } })));
    exprs.forEach((s, i) => {
      const r = np.einsum(s, a);
      const [val, shares] = (answers[i]! as { ok: true; value: [Plain, boolean] }).value;
      expect(comparePlain(toPlain(r), val)).toBeNull();
      expect(r.data === a.data).toBe(shares);
    });
  });
});

describe('einsum against the naive reference', () => {
  it('random valid expressions: 1-4 operands, diagonals, ellipses, implicit and explicit outputs, every dtype and layout', () => {
    const all = cases(500, 8).filter((c) => c.invalid === null);
    const failures: string[] = [];
    let checked = 0;
    for (const c of all) {
      const before = c.arrays.map(fingerprint);
      const got = run(c);
      if (c.arrays.some((a, j) => fingerprint(a) !== before[j])) failures.push(`${describeCase(c)}: an input was modified`);
      if (got instanceof Error) {
        // labels of length 1 may meet other lengths only through broadcasting rules the
        // reference shares: any other error is a failure
        failures.push(`${describeCase(c)}: threw ${got.message}`);
        continue;
      }
      checked++;
      const ref = refEinsum(c.subscripts.replace(/ /g, ''), c.arrays);
      const m = compareWithin(toPlain(got), ref.plain, ref.mag, termsPerElement(c, got), c.arrays.length);
      if (m !== null) failures.push(`${describeCase(c)}: ${m}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });
});

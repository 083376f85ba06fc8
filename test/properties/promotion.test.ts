/**
 * dtype promotion against NumPy: `np.result_type` for every pair and every triple of the 11
 * dtypes (the n-ary rule is not associative) and random quadruples; `np.promote_types`;
 * NEP 50 weak scalars (JS numbers and booleans) next to arrays of every dtype, through
 * `np.add` (dtype, values, and the OverflowError of a weak int that does not fit) and
 * through `resultType`; `np.can_cast` for every pair under every casting rule.
 *
 * numbat's default int is int32 (NumPy: int64), so where NumPy's answer is int64 only
 * because a weak int met nothing but bools, numbat's is int32: the oracle computes those
 * cases with `np.int32(s)`, which also gives NumPy's own OverflowError for ints beyond it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { hasNumpy, oracle, type PyArg } from '../oracle/numpy.js';
import { mismatch } from '../oracle/compare.js';
import { ALL_DTYPES, makeView, sample, valueArb } from '../arbitraries/arrays.js';

const PAIRS: np.DType[][] = ALL_DTYPES.flatMap((a) => ALL_DTYPES.map((b) => [a, b]));
const TRIPLES: np.DType[][] = PAIRS.flatMap((p) => ALL_DTYPES.map((c) => [...p, c]));
const QUADS: np.DType[][] = sample(fc.array(fc.constantFrom(...ALL_DTYPES), { minLength: 4, maxLength: 4 }), 400, 5);
const CASTINGS: np.Casting[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];

/** NumPy's result dtype name as numbat's: int64 from a weak int beside bools only is int32. */
function asNumbat(npName: string, strong: readonly np.DType[], weak: readonly (number | boolean)[]): string {
  const weakInt = weak.some((w) => typeof w === 'number' && Number.isInteger(w));
  return npName === 'int64' && weakInt && strong.every((d) => d === 'bool') ? 'int32' : npName;
}

describe.runIf(hasNumpy)('dtype promotion against NumPy', () => {
  it('resultType of every pair, every triple and random quadruples of dtypes', async () => {
    const o = await oracle();
    const groups = [...PAIRS, ...TRIPLES, ...QUADS];
    const ans = await o.one('[str(np.result_type(*[np.dtype(n) for n in t])) for t in ts]', { ts: groups });
    expect(ans.ok).toBe(true);
    const expected = (ans as { value: string[] }).value;
    const failures: string[] = [];
    groups.forEach((g, i) => {
      const got = np.resultType(...g);
      if (got !== expected[i]) failures.push(`resultType(${g.join(', ')}) = ${got}, NumPy ${expected[i]}`);
    });
    expect(failures.slice(0, 10)).toEqual([]);
    expect(expected.length).toBe(121 + 1331 + 400);
  });

  it('promoteTypes of every pair, and the dtype and values of add on every pair of arrays', async () => {
    const o = await oracle();
    const ans = await o.one('[str(np.promote_types(a, b)) for a, b in ps]', { ps: PAIRS });
    const expected = (ans as { value: string[] }).value;
    const failures: string[] = [];
    PAIRS.forEach(([a, b], i) => {
      const got = np.promoteTypes(a!, b!);
      if (got !== expected[i]) failures.push(`promoteTypes(${a}, ${b}) = ${got}, NumPy ${expected[i]}`);
    });
    // the ufunc path: arrays of each dtype pair (bool - bool has no loop in NumPy either)
    const arrays = PAIRS.map(([a, b], i) => {
      const [va, vb] = sample(fc.tuple(fc.array(valueArb(a!), { minLength: 3, maxLength: 3 }), fc.array(valueArb(b!), { minLength: 3, maxLength: 3 })), 1, i)[0]!;
      return [makeView(a!, [3], va, 'contiguous'), makeView(b!, [3], vb, 'reversed')] as const;
    });
    const answers = await o.run(arrays.map(([x, y]) => ({ code: 'np.add(x, y)', args: { x, y } })));
    arrays.forEach(([x, y], i) => {
      let got: np.NDArray | Error;
      try {
        got = np.add(x, y);
      } catch (e) {
        got = e as Error;
      }
      const a = answers[i]!;
      if (got instanceof Error) failures.push(`add(${x.dtype}, ${y.dtype}) threw ${got.message}`);
      else {
        const m = mismatch(got, a);
        if (m !== null) failures.push(`add(${x.dtype}, ${y.dtype}): ${m}`);
      }
    });
    expect(failures.slice(0, 10)).toEqual([]);
  });

  const WEAK: (number | boolean | bigint)[] = [
    true, false, 0, 3, -1, 127, 128, -128, -129, 255, 256, 300, -300, 32767, 32768, 65535, 65536, 70000, -70000,
    2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32 - 1, 2 ** 32, 2 ** 40, -(2 ** 40), 2 ** 53,
    2n ** 63n - 1n, 2n ** 63n, -(2n ** 63n), 2n ** 64n - 1n,
    2.5, -0.5, 0.1, 1e-310, NaN, Infinity, -Infinity, 1e300, 3.5e38,
  ];

  it('weak scalars beside arrays of every dtype: add(arr, s) and add(s, arr) dtype, values, OverflowError', async () => {
    const o = await oracle();
    type C = { dtype: np.DType; s: number | boolean | bigint; swap: boolean; arr: np.NDArray };
    const cases: C[] = [];
    ALL_DTYPES.forEach((dtype, k) => {
      const vals = sample(fc.array(valueArb(dtype), { minLength: 4, maxLength: 4 }), 1, k)[0]!;
      const arr = makeView(dtype, [2, 2], vals, 'transposed');
      for (const s of WEAK) for (const swap of [false, true]) cases.push({ dtype, s, swap, arr });
    });
    const code = `
s2 = np.int32(s) if a.dtype == np.bool_ and type(s) is int else s
result = np.add(s2, a) if swap else np.add(a, s2)`;
    const answers = await o.run(cases.map((c) => ({ code, args: { a: c.arr, s: c.s as PyArg, swap: c.swap } })));
    const failures: string[] = [];
    let overflows = 0;
    cases.forEach((c, i) => {
      const desc = `add(${c.swap ? `${String(c.s)}, ${c.dtype}` : `${c.dtype}, ${String(c.s)}`})`;
      const ans = answers[i]!;
      let got: np.NDArray | Error;
      try {
        got = c.swap ? np.add(c.s, c.arr) : np.add(c.arr, c.s);
      } catch (e) {
        got = e as Error;
      }
      if (got instanceof Error) {
        if (ans.ok) failures.push(`${desc}: threw ${got.message}, NumPy gave a result`);
        else if (got.name !== ans.type) failures.push(`${desc}: ${got.name}, NumPy ${ans.type}`);
        else if (got.message !== ans.message) {
          // beyond int64 NumPy reports Python's own "Python int too large to convert to C long"
          const huge = typeof c.s !== 'boolean' && (c.s >= 2n ** 63n || c.s < -(2n ** 63n));
          if (!huge) failures.push(`${desc}: "${got.message}", NumPy "${ans.message}"`);
        }
        if (got instanceof np.OverflowError) overflows++;
        return;
      }
      const m = mismatch(got, ans);
      if (m !== null) failures.push(`${desc}: ${m}`);
    });
    expect(failures.slice(0, 10)).toEqual([]);
    expect(overflows).toBeGreaterThan(50);
  });

  it('resultType with weak scalars: every pair of dtypes with each weak mix, and scalars alone', async () => {
    const o = await oracle();
    const MIXES: (number | boolean)[][] = [[1], [1.5], [true], [1, 1.5], [true, 1], [300], [NaN]];
    const groups: { strong: np.DType[]; weak: (number | boolean)[] }[] = [];
    for (const strong of [...ALL_DTYPES.map((d) => [d]), ...PAIRS]) for (const weak of MIXES) groups.push({ strong, weak });
    for (const weak of [...MIXES, [true, false], [1, 2]]) groups.push({ strong: [], weak });
    const ans = await o.one('[str(np.result_type(*[np.dtype(n) for n in s], *w)) for s, w in gs]', {
      gs: groups.map((g) => [g.strong, g.weak.map((w) => (typeof w === 'number' && !Number.isInteger(w) ? { pyFloat: w } : w))] as PyArg),
    });
    expect(ans.ok).toBe(true);
    const expected = (ans as { value: string[] }).value;
    const failures: string[] = [];
    groups.forEach((g, i) => {
      const got = np.resultType(...g.strong, ...g.weak);
      const want = asNumbat(expected[i]!, g.strong, g.weak);
      if (got !== want) failures.push(`resultType(${[...g.strong, ...g.weak.map(String)].join(', ')}) = ${got}, NumPy ${want}`);
    });
    // arrays and TypedArrays count as their dtype (strong), 0-d included
    const arr = np.asarray(new Float32Array([1]));
    expect(np.resultType(arr, 1e10)).toBe('float32');
    expect(np.resultType(new Uint8Array(2), 'int8')).toBe('int16');
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('canCast for every pair under every casting rule, arrays as their dtype', async () => {
    const o = await oracle();
    const triples = PAIRS.flatMap(([a, b]) => CASTINGS.map((c) => [a!, b!, c] as [np.DType, np.DType, np.Casting]));
    const ans = await o.one('[bool(np.can_cast(a, b, c)) for a, b, c in ts]', { ts: triples });
    const expected = (ans as { value: boolean[] }).value;
    const failures: string[] = [];
    triples.forEach(([a, b, c], i) => {
      const viaArray = np.canCast(makeView(a, [1], [a === 'int64' || a === 'uint64' ? 0n : 0], 'contiguous'), b, c);
      if (np.canCast(a, b, c) !== expected[i] || viaArray !== expected[i]) failures.push(`canCast(${a}, ${b}, ${c}) should be ${expected[i]}`);
    });
    expect(failures.slice(0, 10)).toEqual([]);
    expect(expected.filter((x) => x).length).toBeGreaterThan(100);
    expect(expected.filter((x) => !x).length).toBeGreaterThan(100);
  });
});

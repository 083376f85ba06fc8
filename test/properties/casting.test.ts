/**
 * `astype` between every pair of dtypes against NumPy's `a.astype(dt)`: random values with
 * each dtype's extremes, ±0, ±Infinity and NaN, in every layout (the result keeps a
 * Fortran layout, as NumPy's order 'K').
 *
 * Float -> integer casts that C leaves undefined (NaN, ±Infinity, integral part out of
 * range) are compared too: numbat gives NumPy's x86-64 values. Excluded only for uint32,
 * where NumPy's own answer depends on its SIMD path (contiguous or not); numbat's values
 * there are pinned in packages/ndarray/test/dtype.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { hasNumpy, oracle, type OracleCase } from '../oracle/numpy.js';
import { mismatch } from '../oracle/compare.js';
import { ALL_DTYPES, makeView, sample, valueArb, type ViewKind } from '../arbitraries/arrays.js';
import { toPlain } from '../reference/plain.js';

const VIEWS: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast', 'fortran'];
const isFloat = (d: np.DType): boolean => d === 'float32' || d === 'float64';
const isInt = (d: np.DType): boolean => !isFloat(d) && d !== 'bool';

/** True when C defines the cast of float `v` to integer dtype `to` (its integral part fits). */
function definedFloatToInt(v: number, to: np.DType): boolean {
  if (!Number.isFinite(v)) return false;
  const t = Math.trunc(v);
  if (to === 'int64') return t >= -(2 ** 63) && t < 2 ** 63;
  if (to === 'uint64') return t >= 0 && t < 2 ** 64;
  const info = np.DTYPES[to];
  return t >= (info.min as number) && t <= (info.max as number);
}

/** Values of `from` worth casting to `to`: random ones, extremes, and floats just inside an int range. */
function valuesFor(from: np.DType, to: np.DType, seed: number): (number | bigint)[] {
  const info = np.DTYPES[from];
  let vals: (number | bigint)[] = sample(fc.array(valueArb(from), { minLength: 30, maxLength: 30 }), 1, seed)[0]!;
  vals.push(info.min, info.max);
  if (isFloat(from)) {
    vals.push(0, -0, NaN, Infinity, -Infinity, 0.5, -0.75, 1.5, 2.5, -2.5);
    if (isInt(to)) {
      const t = np.DTYPES[to];
      const lo = Number(t.min);
      const hi = Number(t.max);
      // just inside the range after truncation toward zero, and random values within it
      vals.push(lo - 0.75, hi + 0.75, lo, hi, lo + 1, hi - 1);
      vals.push(...sample(fc.double({ min: lo, max: hi, noNaN: true }), 12, seed));
    }
    const f32 = from === 'float32';
    vals = vals.map((v) => (f32 ? Math.fround(Number(v)) : Number(v)));
    if (to === 'uint32') vals = vals.filter((v) => definedFloatToInt(v as number, to));
  }
  return vals;
}

describe.runIf(hasNumpy)('astype against NumPy', () => {
  it('every pair of dtypes, random values with extremes and specials, every layout', async () => {
    const o = await oracle();
    type C = { a: np.NDArray; to: np.DType };
    const cases: C[] = [];
    let seed = 0;
    for (const from of ALL_DTYPES) {
      for (const to of ALL_DTYPES) {
        const vals = valuesFor(from, to, seed++);
        const n = vals.length;
        // lay the values out as a 2-d array when they fill one, in a layout chosen by the pair
        const shape = n % 2 === 0 ? [2, n / 2] : [n];
        cases.push({ a: makeView(from, shape, vals, VIEWS[seed % VIEWS.length]!, seed), to });
      }
    }
    const answers = await o.run(cases.map((c): OracleCase => ({ code: 'a.astype(to)', args: { a: c.a, to: c.to } })));
    const failures: string[] = [];
    cases.forEach((c, i) => {
      const before = JSON.stringify(toPlain(c.a), (_k, v) => (typeof v === 'bigint' ? `${v}n` : Number.isNaN(v) ? 'NaN' : v));
      const got = np.astype(c.a, c.to);
      const m = mismatch(got, answers[i]!, { rtol: 0, atol: 0 });
      if (m !== null) failures.push(`${c.a.dtype} -> ${c.to}: ${m}`);
      if (got === c.a || got.data === c.a.data) failures.push(`${c.a.dtype} -> ${c.to}: not a copy`);
      const after = JSON.stringify(toPlain(c.a), (_k, v) => (typeof v === 'bigint' ? `${v}n` : Number.isNaN(v) ? 'NaN' : v));
      if (before !== after) failures.push(`${c.a.dtype} -> ${c.to}: input modified`);
    });
    expect(failures.slice(0, 10)).toEqual([]);
    expect(cases.length).toBe(121);
  });

  it('int64 and uint64 to float32 round once, to nearest (no double rounding through float64)', async () => {
    const o = await oracle();
    // 2**60 + 2**36 + 1 is just above the midpoint of two float32 neighbours; via float64
    // it first rounds down onto the midpoint, then ties-to-even goes the wrong way
    const vals = [2n ** 60n + 2n ** 36n + 1n, 2n ** 62n + 2n ** 38n + 1n, 2n ** 40n + 2n ** 16n + 1n, 2n ** 63n - 1n];
    const a = makeView('int64', [vals.length], vals, 'contiguous');
    const u = makeView('uint64', [vals.length + 1], [...vals, 2n ** 64n - 2n ** 39n - 1n], 'contiguous');
    const [ea, eu] = await o.run([
      { code: 'a.astype(np.float32)', args: { a } },
      { code: 'u.astype(np.float32)', args: { u } },
    ]);
    expect(mismatch(np.astype(a, 'float32'), ea!, { rtol: 0, atol: 0 })).toBeNull();
    expect(mismatch(np.astype(u, 'float32'), eu!, { rtol: 0, atol: 0 })).toBeNull();
  });

  it('a Fortran-ordered input gives a Fortran-ordered result (order K), others C order', async () => {
    const o = await oracle();
    const f = makeView('float64', [2, 3], [1, 2, 3, 4, 5, 6], 'fortran');
    const c = makeView('int16', [2, 3], [1, 2, 3, 4, 5, 6], 'contiguous');
    const ans = await o.run([
      // the oracle receives arrays in C order: give NumPy the Fortran layout explicitly
      { code: 'b = np.asfortranarray(a).astype(np.int8)\nresult = [b.flags.f_contiguous, b.flags.c_contiguous]', args: { a: f } },
      { code: '[a.astype(np.float32).flags.f_contiguous, a.astype(np.float32).flags.c_contiguous]', args: { a: c } },
    ]);
    const rf = np.astype(f, 'int8');
    const rc = np.astype(c, 'float32');
    expect(ans[0]).toEqual({ ok: true, value: [rf.flags.fContiguous, rf.flags.cContiguous] });
    expect(ans[1]).toEqual({ ok: true, value: [rc.flags.fContiguous, rc.flags.cContiguous] });
  });
});

/**
 * `ufunc.reduce` and `ufunc.accumulate` of every binary ufunc against NumPy's: random
 * arrays of every dtype and layout, one random axis (or all axes for reorderable ufuncs),
 * keepdims. add and multiply accumulate bool/ints in int32/uint32 (API.md), so NumPy is
 * asked for that dtype explicitly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { UFUNCS } from '../../packages/ndarray/src/ufunc/index.js';
import { hasNumpy, oracle, type OracleCase } from '../oracle/numpy.js';
import { mismatch } from '../oracle/compare.js';
import { arrayArb, sample, ALL_DTYPES } from '../arbitraries/arrays.js';

const NP_NAME: Record<string, string> = { mod: 'remainder' };

function npDtypeArg(name: string, dtype: np.DType): string {
  if (name !== 'add' && name !== 'multiply') return '';
  const k = np.DTYPES[dtype];
  if (k.kind === 'f' || k.itemsize === 8) return '';
  return k.kind === 'u' ? ', dtype=np.uint32' : ', dtype=np.int32';
}

describe.runIf(hasNumpy)('ufunc.reduce / ufunc.accumulate against NumPy', () => {
  // NumPy's arctan2.reduce skips the running value on contiguous float input (its vector
  // loop ignores the reduction aliasing: arctan2.reduce([1, 2, 3]) == arctan2(1, 3)), so it
  // is checked against the sequential definition below instead of against NumPy.
  const binaries = Object.entries(UFUNCS).filter(([n, u]) => typeof u === 'function' && u.nin === 2 && n !== 'arctan2') as [string, np.BinaryUfunc][];
  for (const [name, u] of binaries) {
    it(`${name}.reduce and .accumulate`, async () => {
      const py = await oracle();
      const npName = NP_NAME[name] ?? u.npName;
      const inputs = sample(
        fc.tuple(arrayArb({ dtypes: ALL_DTYPES, minDims: 1, maxDims: 3 }), fc.integer({ min: -3, max: 2 }), fc.boolean(), fc.boolean()),
        40,
        name.length + 7,
      );
      const cases: { desc: string; result: unknown; code: string; a: np.NDArray }[] = [];
      for (const [a, rawAxis, keepdims, all] of inputs) {
        const axis = all && u.spec.reorderable ? null : ((rawAxis % a.ndim) + a.ndim) % a.ndim;
        const dt = npDtypeArg(name, a.dtype);
        const run = (f: () => unknown): unknown => {
          try {
            return f();
          } catch (e) {
            return e;
          }
        };
        cases.push({
          desc: `${name}.reduce(${a.dtype}(${a.shape}), axis=${axis}, keepdims=${keepdims})`,
          result: run(() => np.reduce(u, a, { axis, keepdims })),
          code: `np.${npName}.reduce(a, axis=${axis === null ? 'None' : axis}, keepdims=${keepdims ? 'True' : 'False'}${dt})`,
          a,
        });
        if (axis !== null) {
          cases.push({
            desc: `${name}.accumulate(${a.dtype}(${a.shape}), axis=${axis})`,
            result: run(() => np.accumulate(u, a, { axis })),
            code: `np.${npName}.accumulate(a, axis=${axis}${dt})`,
            a,
          });
        }
      }
      const answers = await py.run(cases.map((c): OracleCase => ({ code: c.code, args: { a: c.a } })));
      const failures: string[] = [];
      cases.forEach((c, i) => {
        const ans = answers[i]!;
        if (c.result instanceof Error) {
          // both refuse: numbat may word loop-type errors differently for reductions
          if (ans.ok) failures.push(`${c.desc}: threw ${c.result.message}, NumPy gave a result`);
          else if (ans.message !== c.result.message && !/not supported|no identity|reorderable|loop/.test(ans.message)) {
            failures.push(`${c.desc}: "${c.result.message}" vs NumPy "${ans.message}"`);
          }
          return;
        }
        const m = mismatch(c.result, ans, { rtol: 1e-12, dtypeMap: { float16: 'float32' } });
        if (m !== null) failures.push(`${c.desc}: ${m}`);
      });
      expect(failures.slice(0, 8)).toEqual([]);
    });
  }
});

describe('arctan2.reduce is the sequential fold', () => {
  it('folds left to right: arctan2(arctan2(a0, a1), a2)', () => {
    const r = np.reduce(np.arctan2, np.array([1, 2, 3], { dtype: 'float64' }), { axis: 0 });
    expect(r.shape).toEqual([]);
    expect((r.data as Float64Array)[r.offset]).toBe(Math.atan2(Math.atan2(1, 2), 3));
  });
});

/**
 * Every ufunc against NumPy: random shapes (0- and 1-length axes), every dtype, every
 * layout, special values; dtype, shape, values, NaN positions and signed zeros must match,
 * and inputs must be left unchanged. Cases come from the UFUNCS table, so a new ufunc is
 * tested without edits here.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { UFUNCS } from '../../packages/ndarray/src/ufunc/index.js';
import { hasNumpy, oracle, type OracleCase } from '../oracle/numpy.js';
import { mismatch, FLOAT16_AS_FLOAT32 } from '../oracle/compare.js';
import { arrayArb, broadcastShapesArb, sample, ALL_DTYPES, type ViewKind } from '../arbitraries/arrays.js';
import { fingerprint } from '../helpers.js';

const NP_NAME: Record<string, string> = { abs: 'absolute', mod: 'remainder' };
/** Transcendental results may differ from NumPy's libm by a few ulps. */
const TRANSCENDENTAL = new Set(['exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh', 'arcsinh', 'arccosh', 'arctanh', 'cbrt', 'power', 'arctan2', 'hypot', 'deg2rad', 'rad2deg']);

type Case = { name: string; args: np.NDArray[]; result: np.NDArray | Error; before: string[] };

function runCase(name: string, f: (...a: np.NDArray[]) => np.NDArray, args: np.NDArray[]): Case {
  const before = args.map(fingerprint);
  let result: np.NDArray | Error;
  try {
    result = f(...args);
  } catch (e) {
    result = e as Error;
  }
  return { name, args, result, before };
}

const views: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast', 'fortran'];

describe.runIf(hasNumpy)('ufuncs against NumPy', () => {
  const entries = Object.entries(UFUNCS).filter(([, u]) => typeof u === 'function') as [string, np.UnaryUfunc | np.BinaryUfunc][];

  for (const [name, u] of entries) {
    it(`${name}: random dtypes, shapes and layouts`, async () => {
      const py = await oracle();
      const cases: Case[] = [];
      if (u.nin === 1) {
        for (const a of sample(arrayArb({ dtypes: ALL_DTYPES, views }), 60, name.length)) cases.push(runCase(name, (x) => (u as np.UnaryUfunc)(x), [a]));
      } else {
        const pairs = sample(
          broadcastShapesArb().chain(([s1, s2]) => fc.tuple(arrayArb({ shape: s1, views }), arrayArb({ shape: s2, views }))),
          80,
          name.length,
        );
        for (const [a, b] of pairs) cases.push(runCase(name, (x, y) => (u as np.BinaryUfunc)(x, y), [a, b]));
      }
      const npName = NP_NAME[name] ?? u.npName;
      const oc: OracleCase[] = cases.map((c) => {
        const args: Record<string, np.NDArray> = { a: c.args[0]! };
        if (c.args.length === 2) args.b = c.args[1]!;
        return { code: c.args.length === 1 ? `np.${npName}(a)` : `np.${npName}(a, b)`, args };
      });
      const answers = await py.run(oc);
      const failures: string[] = [];
      cases.forEach((c, i) => {
        const ans = answers[i]!;
        const desc = `${name}(${c.args.map((a) => `${a.dtype}(${a.shape})`).join(', ')})`;
        c.args.forEach((a, k) => {
          if (fingerprint(a) !== c.before[k]) failures.push(`${desc}: input ${k} was modified`);
        });
        if (c.result instanceof Error) {
          if (ans.ok) failures.push(`${desc}: threw ${c.result.message}, NumPy gave a result`);
          else if (c.result.message !== ans.message && !(c.result.message.startsWith(`ufunc '`) && ans.message.startsWith(`ufunc '`))) {
            failures.push(`${desc}: message "${c.result.message}", NumPy "${ans.message}"`);
          }
          return;
        }
        const tol = TRANSCENDENTAL.has(name) ? { rtol: c.result.dtype === 'float32' ? 4e-6 : 1e-13 } : {};
        const m = mismatch(c.result, ans, { ...tol, dtypeMap: FLOAT16_AS_FLOAT32 });
        if (m !== null) failures.push(`${desc}: ${m}`);
      });
      expect(failures.slice(0, 10)).toEqual([]);
    });
  }
});

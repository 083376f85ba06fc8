/**
 * Shared by the `nn.functional` property tests: deterministic data, and a batch runner
 * comparing our results with NumPy code through the oracle (inputs must stay unchanged).
 */
import { expect } from 'vitest';
import * as np from '@numbat/ndarray';
import type * as ag from '@numbat/autograd';
import { fingerprint, pick, randInt, seededRandom } from '../helpers.js';
import { oracle, type OracleCase, type PyArg } from '../oracle/numpy.js';
import { mismatch, type Tolerance } from '../oracle/compare.js';

export const TOL = { rtol: 1e-10, atol: 1e-12 };
/** Losses: the sign of a zero loss carries no meaning (PyTorch's own formulas differ in it). */
export const LOSS_TOL = { ...TOL, signedZeros: false };

/** Uniform float64 values in [lo, hi) of `shape`, deterministic in `seed`. */
export function rnd(shape: number[], seed: number, lo = -3, hi = 3): np.NDArray {
  const r = seededRandom(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return np.reshape(np.asarray(Float64Array.from({ length: n }, () => lo + (hi - lo) * r())), shape);
}

/** Values with |x| in [0.05, 3): away from every activation's kink at 0. */
export function awayFromZero(shape: number[], seed: number): np.NDArray {
  const a = rnd(shape, seed, 0.05, 3);
  const s = rnd(shape, seed + 7919, -1, 1);
  return np.multiply(a, np.where(np.less(s, 0), -1, 1));
}

export function randomShape(r: () => number, minDims = 1, maxDims = 3): number[] {
  const nd = randInt(r, minDims, maxDims);
  return Array.from({ length: nd }, () => pick(r, [1, 2, 3, 4]));
}

/** Class indices in [0, c) of `shape` as int32. */
export function classes(shape: number[], c: number, seed: number): np.NDArray {
  const r = seededRandom(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return np.reshape(np.asarray(Int32Array.from({ length: n }, () => Math.floor(r() * c))), shape);
}

export interface Case {
  label: string;
  /** Our result (a tensor), computed from the args. */
  ours: () => ag.Tensor;
  /** NumPy code over `args` (an expression, or statements setting `result`). */
  code: string;
  args: Record<string, PyArg>;
  tol?: Tolerance;
}

export const PRELUDE = [
  'def lse(x, axis):',
  '    m = x.max(axis=axis, keepdims=True)',
  '    return m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))',
  'def red(l, r):',
  "    return l.mean() if r == 'mean' else (l.sum() if r == 'sum' else l)",
].join('\n');

export async function checkAgainstNumpy(cases: Case[], tol: Tolerance = TOL): Promise<void> {
  const py = await oracle();
  const inputs = cases.map((c) => Object.values(c.args).filter((a): a is np.NDArray => a instanceof np.NDArray));
  const before = inputs.map((xs) => xs.map(fingerprint));
  const ours = cases.map((c) => {
    try {
      return c.ours().data;
    } catch (e) {
      return e as Error;
    }
  });
  const answers = await py.run(
    cases.map((c): OracleCase => ({
      code: `${PRELUDE}\nwith np.errstate(all='ignore'):\n${(c.code.includes('result =') ? c.code : `result = ${c.code}`).split('\n').map((l) => `    ${l}`).join('\n')}\n    result = np.asarray(result, dtype=np.float64)`,
      args: c.args,
    })),
  );
  const failures: string[] = [];
  cases.forEach((c, i) => {
    const got = ours[i]!;
    if (got instanceof Error) {
      failures.push(`${c.label}: threw ${got.message}`);
      return;
    }
    const m = mismatch(got, answers[i]!, c.tol ?? tol);
    if (m !== null) failures.push(`${c.label}: ${m}`);
  });
  expect(failures).toEqual([]);
  expect(inputs.map((xs) => xs.map(fingerprint))).toEqual(before);
}


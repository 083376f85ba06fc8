/**
 * Comparison of numbat results with NumPy answers: dtype, shape, NaN positions, signed
 * zeros and values (exact for integers and bools; within tolerance for floats).
 */
import { NDArray } from '@numbat/ndarray';
import { toPlain, type Plain } from '../reference/plain.js';
import type { OracleAnswer, PyValue } from './numpy.js';

/** Tolerances for float comparison: |a - e| <= atol + rtol * |e|. */
export interface Tolerance {
  rtol?: number;
  atol?: number;
  /** Compare the sign of zeros (default true). */
  signedZeros?: boolean;
  /** NumPy dtype -> the dtype numbat documents instead (e.g. float16 -> float32). */
  dtypeMap?: Record<string, string>;
  /** Skip the dtype check (only values and shape). */
  ignoreDtype?: boolean;
}

/** Default tolerances per dtype: float64 to about 4 ulps, float32 to about 4 ulps of float32. */
export function defaultTol(dtype: string): { rtol: number; atol: number } {
  if (dtype === 'float16') return { rtol: 1e-3, atol: 1e-7 };
  if (dtype === 'float32') return { rtol: 5e-7, atol: 1e-30 };
  if (dtype === 'float64') return { rtol: 1e-14, atol: 1e-300 };
  return { rtol: 0, atol: 0 };
}

/** NumPy's float16 results are float32 in numbat (no float16), as documented. */
export const FLOAT16_AS_FLOAT32: Record<string, string> = { float16: 'float32' };

/**
 * Returns null when `actual` matches the NumPy answer, else a one-line reason. Scalars
 * (JS numbers, booleans, bigints) compare with NumPy scalars or 0-d arrays.
 */
export function mismatch(actual: unknown, expected: OracleAnswer | PyValue, tol: Tolerance = {}): string | null {
  let exp: PyValue;
  if (expected !== null && typeof expected === 'object' && 'ok' in expected && typeof expected.ok === 'boolean') {
    const ans = expected as OracleAnswer;
    if (!ans.ok) return `NumPy raised ${ans.type}: ${ans.message}`;
    exp = ans.value;
  } else exp = expected as PyValue;
  if (actual instanceof NDArray) {
    if (!isPlain(exp)) return `expected ${JSON.stringify(exp)}, got an array`;
    return comparePlain(toPlain(actual), exp, tol);
  }
  if (isPlain(exp)) {
    if (exp.values.length !== 1) return `expected an array of shape (${exp.shape}), got ${String(actual)}`;
    return compareValue(actual as number | bigint | boolean, exp.values[0]!, exp.dtype, tol);
  }
  if (Array.isArray(exp)) {
    if (!Array.isArray(actual) || actual.length !== exp.length) return `expected a list of ${exp.length}, got ${String(actual)}`;
    for (let i = 0; i < exp.length; i++) {
      const m = mismatch(actual[i], exp[i]!, tol);
      if (m !== null) return `[${i}]: ${m}`;
    }
    return null;
  }
  if (typeof exp === 'number' || typeof exp === 'bigint' || typeof exp === 'boolean') {
    return compareValue(actual as number, exp, typeof exp === 'number' && !Number.isInteger(exp) ? 'float64' : 'int64', tol);
  }
  return Object.is(actual, exp) ? null : `expected ${String(exp)}, got ${String(actual)}`;
}

function isPlain(x: PyValue): x is Plain & { scalar: boolean } {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && 'values' in x && 'dtype' in x;
}

function compareValue(a: number | bigint | boolean, e: number | bigint | boolean, dtype: string, tol: Tolerance): string | null {
  const av = typeof a === 'boolean' ? +a : a;
  const ev = typeof e === 'boolean' ? +e : e;
  return elementMismatch(av, ev, dtype, tol) === null ? null : `expected ${String(e)}, got ${String(a)}`;
}

function elementMismatch(a: number | bigint, e: number | bigint, dtype: string, tol: Tolerance): string | null {
  if (typeof a === 'bigint' || typeof e === 'bigint') return BigInt(a) === BigInt(e) ? null : 'value';
  if (Number.isNaN(e)) return Number.isNaN(a) ? null : 'NaN position';
  if (Number.isNaN(a)) return 'NaN position';
  if (a === e) {
    if (tol.signedZeros !== false && a === 0 && Object.is(a, -0) !== Object.is(e, -0)) return 'sign of zero';
    return null;
  }
  if (!Number.isFinite(e) || !Number.isFinite(a)) return 'infinity';
  const d = defaultTol(dtype);
  const rtol = tol.rtol ?? d.rtol;
  const atol = tol.atol ?? d.atol;
  return Math.abs(a - e) <= atol + rtol * Math.abs(e) ? null : 'value';
}

/** Compares two plain arrays; null when they match. */
export function comparePlain(actual: Plain, expected: Plain, tol: Tolerance = {}): string | null {
  const expDtype = tol.dtypeMap?.[expected.dtype] ?? expected.dtype;
  if (!tol.ignoreDtype && actual.dtype !== expDtype) return `dtype ${actual.dtype}, NumPy ${expected.dtype}`;
  if (actual.shape.length !== expected.shape.length || actual.shape.some((d, i) => d !== expected.shape[i])) {
    return `shape (${actual.shape}), NumPy (${expected.shape})`;
  }
  for (let i = 0; i < expected.values.length; i++) {
    // NumPy computed in float16 where numbat uses float32: compare at float16's precision
    const t = expected.dtype === 'float16' ? { ...tol, ...defaultTol('float16') } : tol;
    let why = elementMismatch(actual.values[i]!, expected.values[i]!, expDtype, t);
    // float16 overflows to Inf past 65504, where numbat's float32 still holds the value
    if (why === 'infinity' && expected.dtype === 'float16' && Math.abs(actual.values[i] as number) > 65504 &&
      Math.sign(actual.values[i] as number) === Math.sign(expected.values[i] as number)) why = null;
    if (why !== null) {
      return `${why} at flat index ${i}: got ${String(actual.values[i])}, NumPy ${String(expected.values[i])} (dtype ${expDtype})`;
    }
  }
  return null;
}

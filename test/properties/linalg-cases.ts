/**
 * Generated inputs for the np.linalg property tests: stacks of matrices `(..., M, N)` with
 * 0-2 batch axes (0- and 1-length included), sides 0-8, every relevant dtype, every view
 * layout of `makeView`, and structures that span the conditioning range: random, diagonally
 * dominant, Hilbert, Vandermonde, graded, low-rank (exactly rank-deficient), symmetric,
 * symmetric positive definite, small integers (often exactly singular). Values come from
 * a seeded PRNG per case, so a failing case is reproduced by its spec alone.
 */
import { expect } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import type { DType, NDArray } from '@numbat/ndarray';
import { makeView, type ViewKind } from '../arbitraries/arrays.js';
import { toPlain, type Plain } from '../reference/plain.js';
import { oracle, type OracleCase, type PyValue } from '../oracle/numpy.js';
import { refEye, refMatmul, refTranspose, type Mat } from '../reference/linalg.js';

/** float64's machine epsilon. */
export const EPS = 2 ** -52;

/** How a matrix is built. */
export type Structure = 'random' | 'dominant' | 'hilbert' | 'vander' | 'graded' | 'lowrank' | 'sym' | 'spd' | 'integer';

/** Everything that determines one generated array. */
export interface MatrixSpec {
  shape: number[];
  dtype: DType;
  view: ViewKind;
  pick: number;
  structure: Structure;
  seed: number;
}

/** dtypes drawn for linalg inputs (int64 stored as bigints). */
export const LINALG_DTYPES: DType[] = ['float64', 'float64', 'float64', 'float32', 'float32', 'int32', 'int16', 'uint8', 'bool', 'int64'];
const VIEWS: ViewKind[] = ['contiguous', 'contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast', 'fortran'];
const STRUCTURES: Structure[] = ['random', 'dominant', 'hilbert', 'vander', 'graded', 'lowrank', 'sym', 'spd', 'integer'];

/** mulberry32: a small seeded PRNG giving floats in [0, 1). */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isFloat(d: DType): boolean {
  return d === 'float32' || d === 'float64';
}

/** One m×n matrix of the given structure (plain numbers, before the dtype is applied). */
function buildMatrix(m: number, n: number, structure: Structure, dtype: DType, rnd: () => number): number[][] {
  const u = (): number => 2 * rnd() - 1;
  const intRange = dtype === 'bool' ? [0, 1] : dtype.startsWith('uint') ? [0, 4] : [-4, 4];
  const int = (): number => intRange[0]! + Math.floor(rnd() * (intRange[1]! - intRange[0]! + 1));
  let s = structure;
  if (!isFloat(dtype) && (s === 'hilbert' || s === 'vander' || s === 'graded' || s === 'random')) s = 'integer';
  const a: number[][] = Array.from({ length: m }, () => new Array<number>(n).fill(0));
  const square = m === n;
  switch (s) {
    case 'random':
      for (const row of a) for (let j = 0; j < n; j++) row[j] = u();
      break;
    case 'dominant':
      // integers: small off-diagonal values under a diagonal of 4n + 1 (bool: the identity)
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          if (dtype === 'bool') a[i]![j] = i === j ? 1 : 0;
          else if (!isFloat(dtype)) a[i]![j] = int() + (i === j ? 4 * n + 1 : 0);
          else a[i]![j] = u() + (i === j ? n : 0);
        }
      }
      break;
    case 'hilbert':
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) a[i]![j] = 1 / (i + j + 1);
      break;
    case 'vander': {
      const x = Array.from({ length: m }, (_, i) => 0.5 + (1.5 * (i + rnd() * 0.5)) / Math.max(m, 1));
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) a[i]![j] = x[i]! ** j;
      break;
    }
    case 'graded':
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) a[i]![j] = u() * 10 ** (-i);
      break;
    case 'lowrank': {
      const r = Math.floor(rnd() * Math.min(m, n));
      const int0 = !isFloat(dtype);
      for (let k = 0; k < r; k++) {
        const x = Array.from({ length: m }, () => (int0 ? int() : u()));
        const y = Array.from({ length: n }, () => (int0 ? (dtype === 'bool' ? 1 : int()) : u()));
        for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) a[i]![j] += x[i]! * y[j]!;
      }
      if (dtype === 'bool') for (const row of a) for (let j = 0; j < n; j++) row[j] = row[j]! !== 0 ? 1 : 0;
      break;
    }
    case 'sym':
    case 'spd': {
      if (!square) return buildMatrix(m, n, 'random', dtype, rnd);
      const intMode = !isFloat(dtype);
      const b = Array.from({ length: n }, () => Array.from({ length: n }, () => (intMode ? (dtype === 'bool' ? int() : Math.round(u() * 2)) : u())));
      for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) {
          let v: number;
          if (s === 'sym') v = intMode ? b[i]![j]! : (b[i]![j]! + b[j]![i]!) / 2;
          else {
            v = 0;
            for (let k = 0; k < n; k++) v += b[i]![k]! * b[j]![k]!;
            if (i === j) v += intMode ? (dtype === 'bool' ? 1 : n) : 0.1 * n;
          }
          if (dtype === 'bool') v = v !== 0 ? 1 : 0;
          a[i]![j] = v;
          a[j]![i] = v;
        }
      }
      break;
    }
    case 'integer':
      for (const row of a) for (let j = 0; j < n; j++) row[j] = int();
      break;
  }
  return a;
}

/** The array a spec describes, laid out in its view kind. */
export function buildArray(spec: MatrixSpec): NDArray {
  const rnd = prng(spec.seed);
  const { shape, dtype } = spec;
  const nd = shape.length;
  let values: number[];
  if (nd < 2) {
    const size = shape.reduce((x, y) => x * y, 1);
    values = buildMatrix(1, size, spec.structure, dtype, rnd)[0] ?? [];
  } else {
    const m = shape[nd - 2]!;
    const n = shape[nd - 1]!;
    const count = shape.slice(0, -2).reduce((x, y) => x * y, 1);
    values = [];
    // a broadcast view repeats one matrix anyway; every matrix is drawn independently
    for (let b = 0; b < count; b++) for (const row of buildMatrix(m, n, spec.structure, dtype, rnd)) values.push(...row);
  }
  const stored = dtype === 'int64' ? values.map((v) => BigInt(Math.round(v))) : values;
  // a stride-0 axis inside a matrix repeats its rows or columns: keep it to the batch axes
  // where the structure (definiteness, symmetry, dominance) must survive
  if (spec.view === 'broadcast' && (spec.structure === 'spd' || spec.structure === 'sym' || spec.structure === 'dominant')) {
    return nd > 2 ? makeView(dtype, shape, stored, 'broadcast', spec.pick % (nd - 2)) : makeView(dtype, shape, stored, 'offset', spec.pick);
  }
  return makeView(dtype, shape, stored, spec.view, spec.pick);
}

/** A batch shape of 0-2 axes, lengths 0-3 (0 rarely). */
export function batchArb(maxDims = 2): fc.Arbitrary<number[]> {
  const side = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.constant(1) }, { weight: 6, arbitrary: fc.integer({ min: 2, max: 3 }) });
  return fc.array(side, { minLength: 0, maxLength: maxDims });
}

/** A matrix side 0-8 (1-5 most often). */
export const sideArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constant(1) },
  { weight: 8, arbitrary: fc.integer({ min: 2, max: 5 }) },
  { weight: 3, arbitrary: fc.integer({ min: 6, max: 8 }) },
);

/** Options of {@link specArb}. */
export interface SpecOptions {
  /** Square matrices (with a few non-square and below-2-d inputs for the error paths). */
  square?: boolean;
  /** Batch axes allowed (default 2). */
  maxBatch?: number;
  structures?: readonly Structure[];
  dtypes?: readonly DType[];
  /** Draw 0-d and 1-d inputs sometimes (default true). */
  lowDims?: boolean;
}

/** Specs of stacks of matrices. */
export function specArb(o: SpecOptions = {}): fc.Arbitrary<MatrixSpec> {
  const shape = fc
    .tuple(batchArb(o.maxBatch ?? 2), sideArb, sideArb, fc.integer({ min: 0, max: 19 }))
    .map(([batch, m, n, dice]) => {
      if ((o.lowDims ?? true) && dice === 0) return n === 0 ? [] : [n];
      if (o.square && dice > 1) return [...batch, m, m];
      return [...batch, m, n];
    });
  return fc.record({
    shape,
    dtype: fc.constantFrom(...(o.dtypes ?? LINALG_DTYPES)),
    view: fc.constantFrom(...VIEWS),
    pick: fc.nat(7),
    structure: fc.constantFrom(...(o.structures ?? STRUCTURES)),
    seed: fc.nat(),
  });
}

/** A short description of a spec, for failure messages. */
export function describeSpec(s: MatrixSpec): string {
  return `${s.dtype}(${s.shape.join(',')}) ${s.structure} ${s.view}/${s.pick} seed ${s.seed}`;
}

/** A JSON snapshot of an array's content, to check that inputs are left unchanged. */
export function snapshot(a: NDArray): string {
  return JSON.stringify(toPlain(a), (_k, v) => (typeof v === 'bigint' ? `${v}n` : Number.isNaN(v) ? 'NaN' : v));
}

/** Python helpers prepended to every oracle case: run-and-catch and condition numbers. */
export const PY_PRELUDE = `
def _run(f):
    try:
        return {'ok': f()}
    except Exception as e:
        return {'err': [type(e).__name__, str(e)]}
def _cond(x):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim < 2 or x.size == 0 or min(x.shape[-2:]) == 0:
        return 1.0
    if not np.isfinite(x).all():
        return float('inf')
    s = np.linalg.svd(x, compute_uv=False)
    with np.errstate(divide='ignore', invalid='ignore'):
        c = np.where(s[..., -1] > 0, s[..., 0] / s[..., -1], np.inf)
    return float(np.max(c))
`;

// ---- running cases and comparing with NumPy ----


export type Outcome = { ok: true; value: unknown } | { ok: false; error: Error };
export interface Ran {
  desc: string;
  inputs: np.NDArray[];
  before: string[];
  out: Outcome;
}

export function run(desc: string, inputs: np.NDArray[], f: () => unknown): Ran {
  const before = inputs.map(snapshot);
  let out: Outcome;
  try {
    out = { ok: true, value: f() };
  } catch (e) {
    out = { ok: false, error: e as Error };
  }
  return { desc, inputs, before, out };
}

/** NumPy's answer to `_run(...)`: a value or [class, message]. */
export type PyRun = { ok?: PyValue; err?: [string, string] };
export type Answer = { r: PyRun; cond: number; [k: string]: PyValue };

function isPlain(x: unknown): x is Plain {
  return x !== null && typeof x === 'object' && 'values' in x && 'shape' in x;
}

/** Checks inputs unchanged and error agreement; returns the NumPy value when both succeeded. */
export function settle(r: Ran, ans: PyRun, failures: string[], acceptMismatch = false): PyValue | undefined {
  r.inputs.forEach((a, k) => {
    if (snapshot(a) !== r.before[k]) failures.push(`${r.desc}: input ${k} was modified`);
  });
  if (ans.err !== undefined) {
    if (r.out.ok) {
      if (!acceptMismatch) failures.push(`${r.desc}: NumPy raised ${ans.err[0]}: ${ans.err[1]}, numbat returned`);
    } else if (r.out.error.name !== ans.err[0] || r.out.error.message !== ans.err[1]) {
      failures.push(`${r.desc}: threw ${r.out.error.name}: ${r.out.error.message}; NumPy ${ans.err[0]}: ${ans.err[1]}`);
    }
    return undefined;
  }
  if (!r.out.ok) {
    if (!acceptMismatch) failures.push(`${r.desc}: threw ${r.out.error.name}: ${r.out.error.message}; NumPy returned`);
    return undefined;
  }
  return ans.ok;
}

export const f32 = (dtype: string): number => (dtype === 'float32' ? 2 ** -21 : 0);

/**
 * Compares `actual` with NumPy's array block by block over the last `core` axes: dtype,
 * shape, NaN positions, and |a - e| <= tol * max|e in block| + atol.
 */
export function blockClose(actual: unknown, expected: unknown, core: number, tol: number, atol = 0, dtypeMap: Record<string, string> = {}): string | null {
  if (!(actual instanceof np.NDArray)) return `expected an array, got ${typeof actual}`;
  if (!isPlain(expected)) return `NumPy returned ${JSON.stringify(expected)}`;
  const a = toPlain(actual);
  const expDtype = dtypeMap[expected.dtype] ?? expected.dtype;
  if (a.dtype !== expDtype) return `dtype ${a.dtype}, NumPy ${expected.dtype}`;
  if (a.shape.join() !== expected.shape.join()) return `shape (${a.shape}), NumPy (${expected.shape})`;
  const block = expected.shape.slice(expected.shape.length - core).reduce((x, y) => x * y, 1);
  const ev = expected.values.map(Number);
  const av = a.values.map(Number);
  for (let b = 0; b * block < ev.length; b++) {
    let scale = 0;
    for (let i = b * block; i < (b + 1) * block; i++) if (Number.isFinite(ev[i]!)) scale = Math.max(scale, Math.abs(ev[i]!));
    for (let i = b * block; i < (b + 1) * block; i++) {
      const x = av[i]!;
      const e = ev[i]!;
      if (Number.isNaN(e) || Number.isNaN(x)) {
        if (Number.isNaN(e) !== Number.isNaN(x)) return `NaN position at ${i}: got ${x}, NumPy ${e}`;
        continue;
      }
      if (x === e) continue;
      if (Math.abs(x - e) > tol * scale + atol) return `at flat ${i}: got ${x}, NumPy ${e} (tol ${(tol * scale + atol).toExponential(2)})`;
    }
  }
  return null;
}

/** Batched oracle run: one Python expression per case over `a` (and `b`). */
export async function ask(cases: { code: string; args: Record<string, np.NDArray | number | null | string> }[]): Promise<Answer[]> {
  const py = await oracle();
  const oc: OracleCase[] = cases.map((c) => ({ code: `${PY_PRELUDE}\n${c.code}`, args: c.args }));
  const answers = await py.run(oc);
  return answers.map((x, i) => {
    if (!x.ok) throw new Error(`oracle failed on case ${i}: ${x.type}: ${x.message}`);
    return x.value as unknown as Answer;
  });
}

export function report(failures: string[]): void {
  expect(failures.slice(0, 12).join('\n')).toBe('');
}

/** Max |x| of a matrix list entry-wise difference from the identity. */
export function orthoError(q: Mat, cols: number): number {
  const g = refMatmul(refTranspose(q, cols), q, cols);
  const e = refEye(cols);
  let m = 0;
  for (let i = 0; i < cols; i++) for (let j = 0; j < cols; j++) m = Math.max(m, Math.abs(g[i]![j]! - e[i]![j]!));
  return m;
}

export function maxAbsMat(a: Mat): number {
  return a.reduce((m, r) => r.reduce((mm, x) => Math.max(mm, Math.abs(x)), m), 0);
}


/** NumPy's stack of matrices as nested rows (C order over the batch). */
export function plainMats(p: Plain): Mat[] {
  const nd = p.shape.length;
  const [m, n] = [p.shape[nd - 2]!, p.shape[nd - 1]!];
  const count = p.shape.slice(0, nd - 2).reduce((x, y) => x * y, 1);
  const out: Mat[] = [];
  for (let k = 0; k < count; k++) {
    out.push(Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => Number(p.values[k * m * n + i * n + j]))));
  }
  return out;
}

/** Null when two matrices agree within `tol` times the largest |entry| of `theirs`, else why not. */
export function matClose(ours: Mat, theirs: Mat, tol: number): string | null {
  const scale = maxAbsMat(theirs);
  for (let i = 0; i < theirs.length; i++) {
    for (let j = 0; j < theirs[i]!.length; j++) {
      const x = ours[i]![j]!;
      const y = theirs[i]![j]!;
      if (x === y || (Number.isNaN(x) && Number.isNaN(y))) continue;
      if (!(Math.abs(x - y) <= tol * scale)) return `[${i}][${j}]: got ${x}, NumPy ${y} (tol ${(tol * scale).toExponential(2)})`;
    }
  }
  return null;
}

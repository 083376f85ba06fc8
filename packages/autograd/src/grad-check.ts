/**
 * `gradCheck`: the analytic gradient against central differences
 * `(f(x + e) - f(x - e)) / 2e`, element by element, as `torch.autograd.gradcheck`.
 *
 * A non-scalar output is projected on a fixed pseudo-random direction `v` (the same for
 * every evaluation), so one backward checks every output element: the analytic side is
 * the gradient of `sum(f(x) * v)`, the numeric side the differences of that same sum.
 * The analytic pass sees the inputs exactly as given (non-contiguous views included);
 * the numeric passes perturb a C-order copy (same dtype), one element at a time, without
 * recording. Use float64 inputs: float32 differences are too coarse.
 */
import * as np from '@numbat/ndarray';
import { Tensor } from './tensor.js';
import { isFloat, toTensor, type TensorLike } from './define-op.js';
import { intRequiresGradError } from './errors.js';
import { noGrad } from './grad-mode.js';
import { run } from './tape.js';

/** Options of {@link gradCheck}. */
export interface GradCheckOptions {
  /** The finite-difference step (default 1e-6). */
  eps?: number;
  /** Absolute tolerance (default 1e-5). */
  atol?: number;
  /** Relative tolerance, against the numeric value (default 1e-3). */
  rtol?: number;
  /** Seed of the projection direction for non-scalar outputs (default 0). */
  seed?: number;
}

/** The worst element found by {@link gradCheck}. */
export interface GradCheckWorst {
  /** Which input (position in `inputs`). */
  input: number;
  /** The element's index in that input. */
  index: number[];
  /** The gradient from backward. */
  analytic: number;
  /** The central difference. */
  numeric: number;
  /** `|analytic - numeric|`. */
  error: number;
}

/** What {@link gradCheck} found. */
export interface GradCheckResult {
  /** True when every element is within `atol + rtol * |numeric|` (NaN only where both are NaN). */
  ok: boolean;
  /** The element with the largest error relative to its tolerance (null when there are no elements). */
  worst: GradCheckWorst | null;
  /** A one-line summary naming the worst element. */
  message: string;
}

/** Uniform values in [-1, 1) from a small seeded generator (mulberry32), C order. */
function direction(shape: readonly number[], seed: number): np.NDArray {
  let t = seed >>> 0;
  const n = shape.reduce((a, b) => a * b, 1);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), t | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    v[i] = (((x ^ (x >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return np.reshape(np.asarray(v), [...shape]);
}

/** `sum(out * v)` as a JS number (float64). */
function project(out: Tensor, v: np.NDArray): number {
  return Number(np.sum(np.multiply(np.astype(out.data, 'float64'), v)));
}

function unravel(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let k = shape.length - 1; k >= 0; k--) {
    index[k] = flat % shape[k]!;
    flat = Math.floor(flat / shape[k]!);
  }
  return index;
}

/**
 * Checks `f`'s gradients at `inputs` against central differences and reports the worst
 * element (`torch.autograd.gradcheck`, returning a report instead of raising). `f` takes
 * one tensor per input and returns a tensor of any shape; every input is differentiated.
 * JS numbers and arrays are taken as float64; integer NDArrays throw.
 *
 * @example
 * const r = ag.gradCheck((x) => x.sin().mul(x), [np.array([0.5, 1.5])]);
 * r.ok; // true
 * r.worst; // { input: 0, index: [1], analytic: ..., numeric: ..., error: ~1e-10 }
 */
export function gradCheck(f: (...xs: Tensor[]) => Tensor, inputs: readonly TensorLike[], options: GradCheckOptions = {}): GradCheckResult {
  const eps = options.eps ?? 1e-6;
  const atol = options.atol ?? 1e-5;
  const rtol = options.rtol ?? 1e-3;
  const bases = inputs.map((x) => {
    // JS numbers and arrays are data to differentiate at: float64 (as ag.grad takes them)
    const d = x instanceof Tensor || x instanceof np.NDArray || ArrayBuffer.isView(x) ? toTensor(x).data : np.array(x, { dtype: 'float64' });
    if (!isFloat(d.dtype)) throw intRequiresGradError(d.dtype);
    return d;
  });
  const leaves = bases.map((d) => new Tensor(d, true));
  const out = f(...leaves);
  const v = direction(out.shape, options.seed ?? 0);
  let analytic: (Tensor | null)[] = leaves.map(() => null);
  if (out.requiresGrad) {
    const loss = out.mul(new Tensor(np.astype(v, out.dtype))).sum();
    analytic = run([loss], [undefined], {}, leaves);
  }
  let worst: GradCheckWorst | null = null;
  let worstRatio = -1;
  let ok = true;
  bases.forEach((base, i) => {
    const work = np.copy(base, { order: 'C' });
    const w = work.data as Float64Array | Float32Array;
    const a = analytic[i] === null ? np.zerosLike(work) : np.ascontiguousarray(analytic[i]!.data);
    const ad = a.data as Float64Array;
    const evalAt = (): number => noGrad(() => project(f(...leaves.map((l, k) => (k === i ? new Tensor(work) : l.detach()))), v));
    for (let j = 0; j < work.size; j++) {
      const x0 = w[j]!;
      w[j] = x0 + eps;
      const plus = evalAt();
      w[j] = x0 - eps;
      const minus = evalAt();
      w[j] = x0;
      const numeric = (plus - minus) / (2 * eps);
      const an = ad[a.offset + j]!;
      const error = Math.abs(an - numeric);
      const bothNaN = Number.isNaN(an) && Number.isNaN(numeric);
      const bad = !bothNaN && !(error <= atol + rtol * Math.abs(numeric));
      const ratio = bothNaN ? 0 : bad && !(error <= Infinity) ? Infinity : error / (atol + rtol * Math.abs(numeric));
      if (bad) ok = false;
      if (ratio > worstRatio || worst === null) {
        worstRatio = ratio;
        worst = { input: i, index: unravel(j, work.shape), analytic: an, numeric, error };
      }
    }
  });
  const w0 = worst as GradCheckWorst | null;
  const where = w0 === null ? 'no elements' : `input ${w0.input} index [${w0.index.join(', ')}]: analytic ${w0.analytic}, numeric ${w0.numeric}, error ${w0.error}`;
  return { ok, worst: w0, message: `${ok ? 'gradients match' : 'gradient mismatch'} (atol ${atol}, rtol ${rtol}); worst at ${where}` };
}

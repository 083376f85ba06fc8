/**
 * What the runner collects, and the correctness check of a result against numbat's.
 */
import type { Timing } from './timer.js';
import { SIDE, type Workload } from './workloads.js';

/** Libraries in run and report order (numbat first: it is the reference of the check). */
export const LIB_ORDER = ['numbat', 'numpy', 'tfjs-cpu', 'tfjs-wasm', 'jax-js', 'ndarray', 'ml-matrix'] as const;

/** One process's answer. */
export interface LibResult {
  status: 'ok' | 'unsupported' | 'error';
  reason?: string;
  message?: string;
  timing?: Timing;
  peakRssMB?: number;
  shape?: number[];
  version?: string;
  /** 'ok', or why the result does not count. */
  check?: string;
}

/** The machine and run. */
export interface RunInfo {
  date: string;
  node: string;
  cpu: string;
  cores: number;
  numpy: { version: string; blas: string | null; threads: number | null; threadsFrom?: string; cpus: number } | null;
  numbatFrom: string;
  seconds: number;
  /** 1-minute load average at the start and the end of the run (other work on the machine). */
  load?: [number, number];
}

function floats(buf: Buffer): Float64Array {
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return new Float64Array(copy.buffer);
}

/**
 * 'ok' when `got` matches numbat's `ref` for workload `w`, else what differs. Tolerances:
 * exact for argmax and copies; relative 1e-12 (f64) / 1e-5 (f32) element-wise; sums and
 * products are compared against the scale of their terms (terms lie in [-1, 1), so a sum of
 * k of them is bounded by k): k * 1e-13 (f64) / k * 1e-5 (f32); std relative; a training
 * step (loss and updated parameters) absolute 1e-11 / 2e-5 plus relative 1e-10 / 1e-4.
 */
export function compareResults(w: Workload, refBuf: Buffer, shape: readonly number[], gotBuf: Buffer): string {
  const ref = floats(refBuf);
  const got = floats(gotBuf);
  const size = shape.reduce((p, d) => p * d, 1);
  if (got.length !== size) return `wrong size ${got.length} for shape (${shape.join(',')})`;
  if (got.length !== ref.length) return `shape (${shape.join(',')}) has ${got.length} elements, numbat's ${ref.length}`;
  const f32 = w.dtype === 'float32';
  let tolAbs = 0;
  let tolRel = 0;
  switch (w.check) {
    case 'exact':
      break;
    case 'elementwise':
      tolRel = f32 ? 1e-5 : 1e-12;
      break;
    case 'reduction': {
      const k = w.kind === 'sum' ? SIDE * SIDE : w.kind === 'std' ? 0 : SIDE;
      tolAbs = k * (f32 ? 1e-5 : 1e-13);
      tolRel = f32 ? 1e-4 : 1e-10;
      break;
    }
    case 'matmul':
      tolAbs = (w.terms ?? w.n!) * (f32 ? 1e-5 : 1e-13);
      break;
    case 'training':
      // one SGD step from the same start: parameters and loss, through a softmax and two
      // layers of products (float32 rounding differs between libraries' summation orders)
      tolAbs = f32 ? 2e-5 : 1e-11;
      tolRel = f32 ? 1e-4 : 1e-10;
      break;
  }
  let worst = 0;
  let at = -1;
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i]!;
    const g = got[i]!;
    if (Number.isNaN(r) && Number.isNaN(g)) continue;
    const err = Math.abs(g - r);
    const tol = tolAbs + tolRel * Math.abs(r);
    if (!(err <= tol)) {
      const excess = err - tol;
      if (!(excess <= worst)) {
        worst = Number.isNaN(excess) ? Infinity : excess;
        at = i;
      }
    }
  }
  return at < 0 ? 'ok' : `differs from numbat at ${at}: ${got[at]} vs ${ref[at]}`;
}

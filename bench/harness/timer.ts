/**
 * The timing policy, identical in `timer.py` for NumPy: warm up (at least 2 calls and
 * 0.15 s, at most 20 calls), then batch calls so each sample lasts at least 20 ms, and take
 * samples until 0.6 s are spent (at least 5 samples; 3 when one call takes over 0.25 s;
 * at most 25). The reported time is the median per-call time of the samples.
 *
 * Measured with `process.hrtime.bigint()` (nanoseconds). Garbage collection triggered by
 * the calls is part of their cost, as allocation is in NumPy.
 */

/** What one measurement gives (seconds per call). */
export interface Timing {
  median: number;
  /** Median per-call CPU time of the process (all threads): steadier than wall time on a busy machine. */
  cpu: number;
  min: number;
  samples: number;
  callsPerSample: number;
}

const WARM_MIN_S = 0.15;
const WARM_MAX_CALLS = 20;
const SAMPLE_MIN_S = 0.02;
const BUDGET_S = 0.6;
const SLOW_S = 0.25;

const now = (): number => Number(process.hrtime.bigint()) / 1e9;

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function med(x: number[]): number {
  const s = x.slice().sort((p, q) => p - q);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function summarize(perCall: number[], cpu: number[], calls: number): Timing {
  return { median: med(perCall), cpu: med(cpu), min: Math.min(...perCall), samples: perCall.length, callsPerSample: calls };
}

/** Times a synchronous function with the policy above. */
export function measure(fn: () => unknown): Timing {
  const t0 = now();
  let last = 0;
  for (let k = 0; k < WARM_MAX_CALLS; k++) {
    const t = now();
    fn();
    last = now() - t;
    if (k >= 1 && now() - t0 >= WARM_MIN_S) break;
  }
  const calls = Math.max(1, Math.ceil(SAMPLE_MIN_S / Math.max(last, 1e-9)));
  const minSamples = last > SLOW_S ? 3 : 5;
  const perCall: number[] = [];
  const cpu: number[] = [];
  const s0 = now();
  while (perCall.length < minSamples || (now() - s0 < BUDGET_S && perCall.length < 25)) {
    const c = cpuNow();
    const t = now();
    for (let i = 0; i < calls; i++) fn();
    perCall.push((now() - t) / calls);
    cpu.push((cpuNow() - c) / calls);
  }
  return summarize(perCall, cpu, calls);
}

/** Times an asynchronous function (libraries whose results are ready only after a promise). */
export async function measureAsync(fn: () => Promise<unknown>): Promise<Timing> {
  const t0 = now();
  let last = 0;
  for (let k = 0; k < WARM_MAX_CALLS; k++) {
    const t = now();
    await fn();
    last = now() - t;
    if (k >= 1 && now() - t0 >= WARM_MIN_S) break;
  }
  const calls = Math.max(1, Math.ceil(SAMPLE_MIN_S / Math.max(last, 1e-9)));
  const minSamples = last > SLOW_S ? 3 : 5;
  const perCall: number[] = [];
  const cpu: number[] = [];
  const s0 = now();
  while (perCall.length < minSamples || (now() - s0 < BUDGET_S && perCall.length < 25)) {
    const c = cpuNow();
    const t = now();
    for (let i = 0; i < calls; i++) await fn();
    perCall.push((now() - t) / calls);
    cpu.push((cpuNow() - c) / calls);
  }
  return summarize(perCall, cpu, calls);
}

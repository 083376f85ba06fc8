/**
 * One benchmark process: `node --import tsx bench/harness/child.ts <lib> <workload id>
 * <input dir> <result file>`. Each (library, workload) runs in its own process so one
 * library's JIT state and heap cannot slow another's.
 *
 * Phases: (1) prepare the workload and call it 3 times, then read the peak RSS (inputs,
 * library and the workload's temporaries); (2) run every other workload of the library
 * once, in both dtypes, so shared call sites have seen what a real program shows them;
 * (3) time the workload (`timer.ts`); (4) write one result as float64 to the result file
 * for the runner's check against numbat. Prints one JSON line.
 */
import { writeFileSync } from 'node:fs';
import type { Adapter, Case, InputReader } from './adapter.js';
import { readInput } from './inputs.js';
import { measure, measureAsync, type Timing } from './timer.js';
import { workloads, type Workload } from './workloads.js';

/** The adapters by name (module, export). */
export const LIBRARIES = ['numbat', 'tfjs-cpu', 'tfjs-wasm', 'jax-js', 'ndarray', 'ml-matrix'] as const;

async function load(lib: string): Promise<Adapter> {
  switch (lib) {
    case 'numbat':
    case 'numbat-base':
      return (await import('../libs/numbat.js')).default;
    case 'tfjs-cpu':
      return (await import('../libs/tfjs.js')).tfjsAdapter('cpu');
    case 'tfjs-wasm':
      return (await import('../libs/tfjs.js')).tfjsAdapter('wasm');
    case 'jax-js':
      return (await import('../libs/jax.js')).default;
    case 'ndarray':
      return (await import('../libs/ndarray.js')).default;
    case 'ml-matrix':
      return (await import('../libs/ml-matrix.js')).default;
  }
  throw new Error(`unknown library ${lib}`);
}

async function callOnce(c: Case): Promise<void> {
  const r = c.run();
  if (c.async) await r;
}

async function main(): Promise<void> {
  const [lib, id, dir, resultFile] = process.argv.slice(2) as [string, string, string, string];
  const all = workloads();
  const w = all.find((x) => x.id === id);
  if (w === undefined) throw new Error(`unknown workload ${id}`);
  const adapter = await load(lib);
  await adapter.init();
  const cache = new Map<string, Float64Array | Float32Array>();
  const input: InputReader = (name, dtype) => {
    const key = `${name}.${dtype}`;
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = readInput(dir, name, dtype)));
    return v;
  };
  const c = adapter.prepare(w, input);
  if (typeof c === 'string') {
    console.log(JSON.stringify({ status: 'unsupported', reason: c, version: adapter.version }));
    return;
  }
  for (let i = 0; i < 3; i++) await callOnce(c);
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  // realistic JIT state: the library's other operations have run too
  for (const other of all) {
    if (other.id === w.id || other.n === 1024) continue;
    const oc = adapter.prepare(other, input);
    if (typeof oc !== 'string') await callOnce(oc);
  }
  const timing: Timing = c.async ? await measureAsync(c.run as () => Promise<unknown>) : measure(c.run);
  const res = await c.read();
  writeFileSync(resultFile, new Uint8Array(res.data.buffer, res.data.byteOffset, res.data.byteLength));
  console.log(JSON.stringify({ status: 'ok', timing, peakRssMB, shape: res.shape, version: adapter.version }));
}

/** Exposed for the runner's listing. */
export type { Workload };

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.log(JSON.stringify({ status: 'error', message: e instanceof Error ? `${e.message}` : String(e) }));
    process.exit(0);
  },
);

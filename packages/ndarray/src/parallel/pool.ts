/**
 * Threads for large kernels: `setNumThreads`/`getNumThreads` and a pool of worker threads
 * that share one WebAssembly memory with the calling thread (a SharedArrayBuffer), so the
 * GEMM of `kernels/matmul.ts` can split the rows of each packed block between threads.
 *
 * Every function stays synchronous: the calling thread packs the operands into the shared
 * memory, wakes the workers (`Atomics.notify`), multiplies its own share of rows, then
 * blocks in `Atomics.wait` until each worker has stored its "done". A thread multiplies
 * whole 4-row panels with the same block kernel and the same order of sums as one thread
 * does, so results never depend on the thread count (bit for bit; tests check it).
 *
 * Where threads are available: Node (`worker_threads`, through `process.getBuiltinModule`,
 * Node >= 20.16), with WebAssembly SIMD and shared memory. Elsewhere, and in a browser
 * (whose main thread may not block in `Atomics.wait`), `getNumThreads()` is 1 and
 * `setNumThreads(n)` only records `n`. Workers are `unref`'d: they never keep a process
 * alive, and they are started on the first product large enough to use them.
 */
import { ValueError } from '../errors.js';
import { GEMM_SHARED_MAX_PAGES, GEMM_WASM_SHARED_BASE64 } from '../kernels/wasm/gemm-wasm.js';
import { decodeBase64, packersOf, type BlockFn, type Packers } from '../kernels/wasm/matmul-wasm.js';

interface NodeWorker {
  unref(): void;
  terminate(): Promise<number>;
}
interface WorkerThreads {
  Worker: new (code: string, options: { eval: true; execArgv: string[]; workerData: unknown; name?: string }) => NodeWorker;
}
interface SharedMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => SharedMemory;
}

type NodeProcess = { getBuiltinModule?: (id: string) => unknown; env?: Record<string, string | undefined> };
const proc = (globalThis as { process?: NodeProcess }).process;

/** A Node built-in module, or undefined outside Node (or before `getBuiltinModule`). */
function builtin<T>(id: string): T | undefined {
  try {
    return proc?.getBuiltinModule?.(id) as T | undefined;
  } catch {
    return undefined;
  }
}

const workerThreads = builtin<WorkerThreads>('node:worker_threads');
const WA = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
/** Whether this thread may block in `Atomics.wait` (a browser page's main thread, or an Electron renderer, may not). */
function canBlock(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether this runtime can run the pool at all. */
const threadsAvailable =
  workerThreads !== undefined && WA !== undefined && typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object' && canBlock();

/** The default: NUMBAT_NUM_THREADS when set, else the cores this process may use. */
function defaultThreads(): number {
  if (!threadsAvailable) return 1;
  const env = proc?.env?.['NUMBAT_NUM_THREADS'];
  if (env !== undefined && /^\s*[1-9]\d*\s*$/.test(env)) return Number(env);
  const os = builtin<{ availableParallelism?: () => number; cpus(): unknown[] }>('node:os');
  return Math.max(1, os?.availableParallelism?.() ?? os?.cpus().length ?? 1);
}

let requested = defaultThreads();

/**
 * Sets how many threads large kernels (float matmul and what builds on it: `dot`,
 * `tensordot`, `einsum`, `conv2d`) may use, the calling thread included. Results do not
 * depend on it. The default is the number of cores (`os.availableParallelism()`), or the
 * `NUMBAT_NUM_THREADS` environment variable. Without worker threads (browsers) it only
 * records `n`: `getNumThreads()` stays 1. `threadpoolctl.threadpool_limits(n)` /
 * `torch.set_num_threads(n)`.
 *
 * @example
 * np.setNumThreads(1); // single-threaded from here on
 */
export function setNumThreads(n: number): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new ValueError(`number of threads must be a positive integer, got ${String(n)}`);
  requested = n;
  if (team !== null && team.workers.length > effective() - 1) shrink(effective() - 1);
}

/**
 * The number of threads large kernels may use (the calling thread included): the value of
 * `setNumThreads`, or 1 where worker threads are unavailable. `torch.get_num_threads()`.
 *
 * @example
 * np.getNumThreads(); // 2 on a 2-core machine
 */
export function getNumThreads(): number {
  return effective();
}

function effective(): number {
  return threadsAvailable && !teamFailed ? requested : 1;
}

// Control block of one worker (Int32 slots of a SharedArrayBuffer).
const SEQ = 0; // job number, bumped by the caller to start a job
const DONE = 1; // the last job number the worker finished
const KIND = 2; // 0: float64 `block`, 1: float32 `block32`
const NC = 3;
const KC = 4;
const A = 5; // byte address of the packed A block (rows from 0)
const B = 6;
const C = 7; // byte address of the C panel (rows from 0)
const LD = 8;
const FIRST = 9;
const R0 = 10; // first row (a multiple of 4)
const R1 = 11; // end row
const FAILED = 12; // set when the job threw
const READY = 13; // set by the worker once its kernel is instantiated
const SLOTS = 16;

/** Rows of A one kernel call takes (the single-thread blocking's MC: 256 KB of float64 A). */
const MC = 128;

/**
 * The worker's program (a script, evaluated by `new Worker(code, { eval: true })`): it
 * instantiates the shared-memory kernel and loops, waiting for a job, multiplying its rows
 * in MC-row calls, then storing the job number in DONE.
 */
const WORKER_CODE = `'use strict';
const { workerData } = process.getBuiltinModule('node:worker_threads');
const { module, memory, ctrl, mc } = workerData;
const ex = new WebAssembly.Instance(module, { env: { memory } }).exports;
Atomics.store(ctrl, ${READY}, 1);
Atomics.notify(ctrl, ${READY});
let seen = 0;
for (;;) {
  Atomics.wait(ctrl, ${SEQ}, seen);
  seen = Atomics.load(ctrl, ${SEQ});
  try {
    const f64 = ctrl[${KIND}] === 0;
    const block = f64 ? ex.block : ex.block32;
    const es = f64 ? 8 : 4;
    const nc = ctrl[${NC}], kc = ctrl[${KC}], a = ctrl[${A}], b = ctrl[${B}], c = ctrl[${C}];
    const ld = ctrl[${LD}], first = ctrl[${FIRST}], r1 = ctrl[${R1}];
    for (let r = ctrl[${R0}]; r < r1; r += mc) block(Math.min(mc, r1 - r), nc, kc, a + r * kc * es, b, c + r * ld * es, ld, first);
  } catch (e) {
    ctrl[${FAILED}] = 1;
  }
  Atomics.store(ctrl, ${DONE}, seen);
  Atomics.notify(ctrl, ${DONE});
}
`;

interface Member {
  worker: NodeWorker;
  ctrl: Int32Array;
}

interface Team {
  module: object;
  memory: SharedMemory;
  block: BlockFn;
  block32: BlockFn;
  packers: Packers;
  workers: Member[];
  f64: Float64Array;
  f32: Float32Array;
}

let team: Team | null = null;

/** How many threads the last threaded step used (tests check the path was taken). */
export const poolStats = { lastThreads: 0 };
let teamFailed = false;

function shrink(n: number): void {
  const t = team!;
  for (const m of t.workers.splice(n)) void m.worker.terminate();
}

/**
 * The shared-memory GEMM team for `kernels/matmul.ts`, or null when one thread is to be
 * used (`getNumThreads() === 1`, or threads unavailable). Starts missing workers.
 */
export function gemmTeam(): GemmTeam | null {
  const n = effective();
  if (n <= 1) return null;
  if (team === null) {
    try {
      const module = new WA!.Module(decodeBase64(GEMM_WASM_SHARED_BASE64));
      const memory = new WA!.Memory({ initial: 2, maximum: GEMM_SHARED_MAX_PAGES, shared: true });
      const ex = new WA!.Instance(module, { env: { memory } }).exports;
      team = {
        module,
        memory,
        block: ex['block'] as BlockFn,
        block32: ex['block32'] as BlockFn,
        packers: packersOf(ex as Record<string, unknown>),
        workers: [],
        f64: new Float64Array(memory.buffer),
        f32: new Float32Array(memory.buffer),
      };
    } catch {
      teamFailed = true; // no shared WebAssembly memory here: one thread from now on
      return null;
    }
  }
  const t = team;
  while (t.workers.length < n - 1) {
    const ctrl = new Int32Array(new SharedArrayBuffer(SLOTS * 4));
    let worker: NodeWorker;
    try {
      // execArgv []: not the parent's flags (a loader, --input-type=module) for this program
      worker = new workerThreads!.Worker(WORKER_CODE, { eval: true, execArgv: [], workerData: { module: t.module, memory: t.memory, ctrl, mc: MC }, name: 'numbat-gemm' });
    } catch {
      // workers refused here (Node's permission model without --allow-worker, a resource
      // limit): carry on with the threads there are, and one thread if there are none
      if (t.workers.length === 0) teamFailed = true;
      break;
    }
    worker.unref();
    t.workers.push({ worker, ctrl });
  }
  return t.workers.length > 0 ? api : null;
}

/**
 * Starts the workers of the current thread count and blocks until each has started, or
 * `timeoutMs` has passed; true when all are ready. (Products never wait for this: tests
 * and benchmarks call it to have every thread from the first product on.)
 */
export function startWorkers(timeoutMs = 10_000): boolean {
  if (gemmTeam() === null) return effective() <= 1;
  const end = Date.now() + timeoutMs;
  for (const m of team!.workers) {
    for (let left = end - Date.now(); Atomics.load(m.ctrl, READY) !== 1; left = end - Date.now()) {
      if (left <= 0) return false;
      Atomics.wait(m.ctrl, READY, 0, left);
    }
  }
  return true;
}

/** What the GEMM sees of the team. */
export interface GemmTeam {
  /** The packers, run on the calling thread over the shared memory. */
  packers(): Packers;
  /** float64 and float32 views of the shared memory (fresh after `reserve`). */
  f64(): Float64Array;
  f32(): Float32Array;
  /** Grows the shared memory to at least `bytes`; false when that is past its maximum. */
  reserve(bytes: number): boolean;
  /**
   * Multiplies a packed block on every thread: rows [0, rows) of the packed A (4-row panels
   * from byte `a`, `kc` values per row) by the packed B at `b` into the C panel at `c`
   * (leading dimension `ld`), as `block(rows, nc, kc, a, b, c, ld, first)` would on one
   * thread (`kind` 0 float64, 1 float32; `rows` and `nc` padded as that kernel wants).
   */
  step(kind: 0 | 1, rows: number, nc: number, kc: number, a: number, b: number, c: number, ld: number, first: number): void;
}

const api: GemmTeam = {
  packers() {
    return team!.packers;
  },
  f64() {
    const t = team!;
    if (t.f64.buffer !== t.memory.buffer) t.f64 = new Float64Array(t.memory.buffer);
    return t.f64;
  },
  f32() {
    const t = team!;
    if (t.f32.buffer !== t.memory.buffer) t.f32 = new Float32Array(t.memory.buffer);
    return t.f32;
  },
  reserve(bytes) {
    const t = team!;
    const have = t.memory.buffer.byteLength;
    if (bytes <= have) return true;
    const pages = Math.ceil((bytes - have) / 65536);
    if (have / 65536 + pages > GEMM_SHARED_MAX_PAGES) return false;
    try {
      t.memory.grow(pages);
    } catch {
      return false;
    }
    return true;
  },
  step(kind, rows, nc, kc, a, b, c, ld, first) {
    const t = team!;
    const es = kind === 0 ? 8 : 4;
    const block = kind === 0 ? t.block : t.block32;
    // only workers that have started take a share: the caller never waits for a start-up
    // (the first products after setNumThreads may run on fewer threads), nor for a worker
    // that failed to start
    const ready = t.workers.filter((m) => Atomics.load(m.ctrl, READY) === 1);
    const panels = rows >> 2;
    const parts = Math.min(ready.length + 1, panels);
    // thread w takes panels [floor(w * panels / parts), floor((w + 1) * panels / parts))
    const edge = (w: number): number => Math.floor((w * panels) / parts) * 4;
    const started: Member[] = [];
    for (let w = 1; w < parts; w++) {
      const r0 = edge(w);
      const r1 = edge(w + 1);
      const m = ready[w - 1]!;
      const x = m.ctrl;
      x[KIND] = kind;
      x[NC] = nc;
      x[KC] = kc;
      x[A] = a;
      x[B] = b;
      x[C] = c;
      x[LD] = ld;
      x[FIRST] = first;
      x[R0] = r0;
      x[R1] = r1;
      x[FAILED] = 0;
      Atomics.add(x, SEQ, 1);
      Atomics.notify(x, SEQ);
      started.push(m);
    }
    poolStats.lastThreads = started.length + 1;
    let failed = false;
    try {
      const mine = edge(1);
      for (let r = 0; r < mine; r += MC) block(Math.min(MC, mine - r), nc, kc, a + r * kc * es, b, c + r * ld * es, ld, first);
    } finally {
      // wait for every started worker even when this thread threw: none may still write
      for (const m of started) {
        const x = m.ctrl;
        const seq = Atomics.load(x, SEQ);
        for (let done = Atomics.load(x, DONE); done !== seq; done = Atomics.load(x, DONE)) Atomics.wait(x, DONE, done);
        if (x[FAILED] !== 0) failed = true;
      }
    }
    if (failed) throw new Error('numbat: a GEMM worker thread failed');
  },
};

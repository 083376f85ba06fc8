/**
 * The NumPy oracle: one long-lived `python3` process per test worker, answering batched
 * cases (`test/oracle/numpy_server.py`). Tests build all their cases first, send them in
 * one `run` call and compare afterwards.
 *
 * When NumPy is missing: with `CI=true` `getOracle()` throws (the run fails); elsewhere it
 * prints a loud warning and returns null, and oracle tests skip (reference tests still run).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { NDArray } from '@numbat/ndarray';
import { toPlain, type Plain } from '../reference/plain.js';

/** A Python value sent to the oracle. */
export type PyArg =
  | NDArray
  | Plain
  | number
  | boolean
  | bigint
  | string
  | null
  | PyArg[]
  | { readonly pyFloat: number }
  | { readonly pyInt: number | bigint }
  | { readonly pyTuple: PyArg[] };

/** A Python float, even when integral (`py.float(2)` is `2.0`). */
export const pyFloat = (x: number): PyArg => ({ pyFloat: x });
/** A Python int. */
export const pyInt = (x: number | bigint): PyArg => ({ pyInt: x });
/** A Python tuple. */
export const pyTuple = (...x: PyArg[]): PyArg => ({ pyTuple: x });

/** A decoded answer: arrays as {@link Plain} (`scalar` when NumPy returned a scalar). */
export type PyValue =
  | (Plain & { scalar: boolean })
  | number
  | bigint
  | boolean
  | string
  | null
  | PyValue[]
  | { [k: string]: PyValue };

/** One case: a Python expression (or statements setting `result`) over named args. */
export interface OracleCase {
  code: string;
  args?: Record<string, PyArg>;
}

/** One answer: a value, or the exception NumPy raised (class name and message). */
export type OracleAnswer = { ok: true; value: PyValue } | { ok: false; type: string; message: string };

const CTORS: Record<string, { new (b: ArrayBuffer): ArrayLike<number | bigint> & { buffer: ArrayBuffer } }> = {
  bool: Uint8Array,
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
  float32: Float32Array,
  float64: Float64Array,
} as never;

const ITEMSIZE: Record<string, number> = {
  bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8, float32: 4, float64: 8,
};

function encodePlain(p: Plain): unknown {
  const n = p.values.length;
  const buf = new ArrayBuffer(n * ITEMSIZE[p.dtype]!);
  const view = new CTORS[p.dtype]!(buf) as unknown as { [i: number]: number | bigint };
  for (let i = 0; i < n; i++) view[i] = p.values[i]!;
  return { nd: { dtype: p.dtype, shape: p.shape, b64: Buffer.from(buf).toString('base64') } };
}

function encode(x: PyArg): unknown {
  if (x instanceof NDArray) return encodePlain(toPlain(x));
  if (x === null) return { none: true };
  if (typeof x === 'boolean') return { bool: x };
  if (typeof x === 'bigint') return { int: x.toString() };
  if (typeof x === 'number') return Number.isInteger(x) ? { int: BigInt(x).toString() } : { float: String(x) };
  if (typeof x === 'string') return { str: x };
  if (Array.isArray(x)) return { list: x.map(encode) };
  if ('pyFloat' in x) return { float: String(x.pyFloat) };
  if ('pyInt' in x) return { int: x.pyInt.toString() };
  if ('pyTuple' in x) return { tuple: x.pyTuple.map(encode) };
  return encodePlain(x);
}

function pyFloatValue(s: string): number {
  if (s === 'nan') return NaN;
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  return Number(s);
}

function decode(v: Record<string, unknown>): PyValue {
  if ('nd' in v) {
    const d = v.nd as { dtype: string; as: string; shape: number[]; b64: string; scalar: boolean };
    const bytes = Buffer.from(d.b64, 'base64');
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const ctor = CTORS[d.as];
    if (ctor === undefined) return `unsupported dtype ${d.dtype}`;
    const arr = new ctor(ab);
    return { dtype: d.dtype, shape: d.shape, values: Array.from(arr), scalar: d.scalar };
  }
  if ('int' in v) {
    const b = BigInt(v.int as string);
    return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
  }
  if ('float' in v) return pyFloatValue(v.float as string);
  if ('bool' in v) return v.bool as boolean;
  if ('str' in v) return v.str as string;
  if ('none' in v) return null;
  if ('list' in v) return (v.list as Record<string, unknown>[]).map(decode);
  if ('dict' in v) {
    const out: { [k: string]: PyValue } = {};
    for (const [k, e] of Object.entries(v.dict as Record<string, Record<string, unknown>>)) out[k] = decode(e);
    return out;
  }
  return null;
}

/** A running NumPy process. */
export class NumpyOracle {
  readonly version: string;
  readonly #proc: ChildProcessWithoutNullStreams;
  readonly #lines: AsyncIterator<string>;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(proc: ChildProcessWithoutNullStreams, rl: Interface, version: string, lines: AsyncIterator<string>) {
    this.#proc = proc;
    this.version = version;
    this.#lines = lines;
    void rl;
  }

  /** Starts the python3 process and waits for it to import NumPy. */
  static async start(): Promise<NumpyOracle> {
    const script = fileURLToPath(new URL('./numpy_server.py', import.meta.url));
    const env = { ...process.env };
    const proc = spawn('python3', ['-u', script], { stdio: ['pipe', 'pipe', 'pipe'], env });
    proc.stderr.on('data', (d: Buffer) => process.stderr.write(`[numpy oracle] ${d.toString()}`));
    const rl = createInterface({ input: proc.stdout });
    const lines = rl[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) throw new Error('the NumPy oracle exited before it was ready');
    const version = (JSON.parse(first.value) as { ready: string }).ready;
    proc.unref();
    (proc.stdin as unknown as { unref?: () => void }).unref?.();
    (proc.stdout as unknown as { unref?: () => void }).unref?.();
    (proc.stderr as unknown as { unref?: () => void }).unref?.();
    return new NumpyOracle(proc, rl, version, lines);
  }

  /** Runs a batch of cases in one round trip; answers come back in order. */
  run(cases: readonly OracleCase[]): Promise<OracleAnswer[]> {
    const job = this.#queue.then(async () => {
      const req = {
        cases: cases.map((c) => ({
          code: c.code,
          args: Object.fromEntries(Object.entries(c.args ?? {}).map(([k, v]) => [k, encode(v)])),
        })),
      };
      this.#proc.stdin.write(JSON.stringify(req) + '\n');
      const line = await this.#lines.next();
      if (line.done) throw new Error('the NumPy oracle exited');
      const res = JSON.parse(line.value) as { results: ({ ok: Record<string, unknown> } | { err: [string, string] })[] };
      return res.results.map((r): OracleAnswer =>
        'ok' in r ? { ok: true, value: decode(r.ok) } : { ok: false, type: r.err[0], message: r.err[1] },
      );
    });
    this.#queue = job.catch(() => undefined);
    return job;
  }

  /** Runs one case. */
  async one(code: string, args?: Record<string, PyArg>): Promise<OracleAnswer> {
    return (await this.run([{ code, args: args ?? {} }]))[0]!;
  }

  /** Stops the process. */
  close(): void {
    this.#proc.stdin.end();
    this.#proc.kill();
  }
}

let started: Promise<NumpyOracle | null> | null = null;

/** True when `python3` can import NumPy on this machine (checked once, synchronously). */
export const hasNumpy: boolean = (() => {
  const r = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
  const ok = r.status === 0;
  if (!ok) {
    if (process.env.CI === 'true') {
      throw new Error('CI=true but python3 with NumPy is not available: the NumPy oracle tests cannot run.');
    }
    const bar = '!'.repeat(78);
    console.warn(`\n${bar}\n!! python3 with NumPy not found: NumPy ORACLE TESTS ARE SKIPPED on this machine.\n!! The naive-reference tests still run. Install numpy (or set CI=true to make this fatal).\n${bar}\n`);
  }
  return ok;
})();

/** The worker's oracle (started on first use), or null when NumPy is unavailable. */
export function getOracle(): Promise<NumpyOracle | null> {
  if (started === null) started = hasNumpy ? NumpyOracle.start() : Promise.resolve(null);
  return started;
}

/** The oracle, for tests guarded by `hasNumpy` (throws if called without NumPy). */
export async function oracle(): Promise<NumpyOracle> {
  const o = await getOracle();
  if (o === null) throw new Error('NumPy oracle unavailable');
  return o;
}

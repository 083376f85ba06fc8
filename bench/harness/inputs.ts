/**
 * Benchmark inputs: generated once per run from a fixed seed, written as raw little-endian
 * files (`<name>.float64`, `<name>.float32`: the float32 file is the float64 values rounded),
 * and read back by every process, JS and Python alike, so all libraries see the same bits.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONV, MATMUL_SIZES, MLP, SIDE, SMALL, type BenchDType } from './workloads.js';

/** Name -> shape of every input array. */
export const INPUT_SHAPES: Record<string, readonly number[]> = (() => {
  const m: Record<string, readonly number[]> = { a: [SIDE, SIDE], b: [SIDE, SIDE], c: [SIDE], x: [SMALL], y: [SMALL] };
  for (const n of MATMUL_SIZES) {
    m[`A${n}`] = [n, n];
    m[`B${n}`] = [n, n];
  }
  const { batch: B, inF, hidden: H, outF: O } = MLP;
  Object.assign(m, { X: [B, inF], Y: [B], W1: [H, inF], b1: [H], W2: [O, H], b2: [O] });
  const { batch: N, cin, cout, h, w, k } = CONV;
  Object.assign(m, { cx: [N, cin, h, w], cw: [cout, cin, k, k], cb: [cout] });
  return m;
})();

/**
 * How an input's uniform [-1, 1) values are transformed: weights and biases scaled by
 * 1/sqrt(fan in) (PyTorch's default initialisation), labels `Y` mapped to 0..9.
 */
const TRANSFORM: Record<string, (u: number) => number> = {
  W1: (u) => u / Math.sqrt(MLP.inF),
  b1: (u) => u / Math.sqrt(MLP.inF),
  W2: (u) => u / Math.sqrt(MLP.hidden),
  b2: (u) => u / Math.sqrt(MLP.hidden),
  Y: (u) => Math.min(MLP.outF - 1, Math.floor((u + 1) * (MLP.outF / 2))),
  cw: (u) => u / Math.sqrt(CONV.cin * CONV.k * CONV.k),
  cb: (u) => u / Math.sqrt(CONV.cin * CONV.k * CONV.k),
};

/** xorshift128+ giving doubles uniform in [-1, 1): deterministic across runs and machines. */
function generator(seed: number): () => number {
  let s0 = BigInt(seed) * 0x9e3779b97f4a7c15n & 0xffffffffffffffffn;
  let s1 = (s0 ^ 0x6a09e667f3bcc909n) & 0xffffffffffffffffn;
  const M = 0xffffffffffffffffn;
  return () => {
    let x = s0;
    const y = s1;
    s0 = y;
    x ^= (x << 23n) & M;
    s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
    const r = (s1 + y) & M;
    return Number(r >> 11n) / 2 ** 52 - 1;
  };
}

/** Writes every input into `dir` (both dtypes). */
export function writeInputs(dir: string): void {
  mkdirSync(dir, { recursive: true });
  let seed = 1;
  for (const [name, shape] of Object.entries(INPUT_SHAPES)) {
    const n = shape.reduce((p, d) => p * d, 1);
    const next = generator(seed++);
    const f64 = new Float64Array(n);
    const t = TRANSFORM[name];
    for (let i = 0; i < n; i++) f64[i] = t === undefined ? next() : t(next());
    writeFileSync(join(dir, `${name}.float64`), new Uint8Array(f64.buffer));
    writeFileSync(join(dir, `${name}.float32`), new Uint8Array(Float32Array.from(f64).buffer));
  }
}

/** Reads input `name` of `dtype` from `dir` as a fresh TypedArray. */
export function readInput(dir: string, name: string, dtype: BenchDType): Float64Array | Float32Array {
  const bytes = readFileSync(join(dir, `${name}.${dtype}`));
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return dtype === 'float64' ? new Float64Array(copy.buffer) : new Float32Array(copy.buffer);
}

/**
 * The WASM SIMD GEMM block kernel: instantiated once, on first use, from the bytes that
 * `build.mjs` compiles from `gemm.as` (AssemblyScript) into `gemm-wasm.ts`. Where
 * WebAssembly or its SIMD extension is missing, `wasmGemm()` is null and `kernels/matmul.ts`
 * keeps its plain-TypeScript kernel (tests force that path through `wasmGemmEnabled`).
 *
 * The module exports its memory and `block(mc, nc, kc, pa, pb, pc, ldc, first)`; callers
 * lay out packed A and B blocks and the C accumulator in that memory (byte offsets).
 */
import { GEMM_WASM_BASE64 } from './gemm-wasm.js';

/** The part of the WebAssembly API used here (the project's TS lib has no DOM types). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const WA = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** `block(mc, nc, kc, pa, pb, pc, ldc, first)`: see gemm.as. */
export type BlockFn = (mc: number, nc: number, kc: number, pa: number, pb: number, pc: number, ldc: number, first: number) => void;

/** `pack*(src, ld, rows, len, dst)`: see gemm.as (packing from rows staged in memory). */
export type PackFn = (src: number, ld: number, x: number, y: number, dst: number) => void;

/**
 * gemm.as's packers of rows staged in memory: `b64`/`b32` take p-major staging (line j of
 * row p at `src + p*ld + j`) into panels of 4 / 8, `p32x4` the same into float32 panels of
 * 4; `a64`/`a32` take line-major staging (value p of line i at `src + i*ld + p`) into panels
 * of 4, `l32x8` the same into float32 panels of 8.
 */
export interface Packers {
  b64: PackFn;
  b32: PackFn;
  p32x4: PackFn;
  a64: PackFn;
  a32: PackFn;
  l32x8: PackFn;
}

/** The packers among a gemm.as instance's exports. */
export function packersOf(ex: Record<string, unknown>): Packers {
  return {
    b64: ex['packb64'] as PackFn,
    b32: ex['packb32'] as PackFn,
    p32x4: ex['packp32x4'] as PackFn,
    a64: ex['packa64'] as PackFn,
    a32: ex['packa32'] as PackFn,
    l32x8: ex['packl32x8'] as PackFn,
  };
}

/** The instantiated kernel and views of its memory, refreshed when the memory grows. */
export interface WasmGemm {
  /** float64 block: 4 x 4 tiles, float64 sums. */
  block: BlockFn;
  /** float32 block: 4 x 8 tiles, float32 sums. */
  block32: BlockFn;
  /** Packing of staged rows into panels. */
  packers: Packers;
  memory: WasmMemory;
  /** Float64 and float32 views of the whole memory (recreated by `reserve` after growth). */
  f64: Float64Array;
  f32: Float32Array;
  /** Makes the memory at least `bytes` long. */
  reserve(bytes: number): void;
}

/** Whether matmul may use the WASM kernel (tests turn it off to check the fallback). */
export const wasmGemmEnabled = { enabled: true };

let instance: WasmGemm | null | undefined;

/** The bytes of a base64 string (`atob`, present in Node 16+ and browsers). */
export function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * The exports of a fresh instance of the module whose bytes are `b64` (no imports), or null
 * where WebAssembly, or an extension the module uses (SIMD), is unavailable.
 */
export function instantiate(b64: string): Record<string, unknown> | null {
  try {
    if (WA === undefined || typeof atob !== 'function') return null;
    const bytes = decodeBase64(b64);
    if (!WA.validate(bytes)) return null;
    return new WA.Instance(new WA.Module(bytes), {}).exports;
  } catch {
    return null;
  }
}

/** The kernel, or null when WebAssembly SIMD is unavailable here. */
export function wasmGemm(): WasmGemm | null {
  if (!wasmGemmEnabled.enabled) return null;
  if (instance !== undefined) return instance;
  instance = null;
  const exports = instantiate(GEMM_WASM_BASE64);
  if (exports === null) return null;
  const memory = exports['memory'] as WasmMemory;
  const w: WasmGemm = {
    block: exports['block'] as BlockFn,
    block32: exports['block32'] as BlockFn,
    packers: packersOf(exports),
    memory,
    f64: new Float64Array(memory.buffer),
    f32: new Float32Array(memory.buffer),
    reserve(size: number) {
      const have = memory.buffer.byteLength;
      if (size > have) {
        memory.grow(Math.ceil((size - have) / 65536));
        w.f64 = new Float64Array(memory.buffer);
        w.f32 = new Float32Array(memory.buffer);
      }
    },
  };
  instance = w;
  return instance;
}

/**
 * Matrix-multiply kernels: `C = A·B` for one m×k by k×n product, every operand given as
 * (buffer, offset, row stride, column stride) in elements, so transposed, reversed,
 * stepped and broadcast (stride 0) inputs need no copy by the caller. The batch loop, the
 * dtype decisions and the validation live in `ops/matmul.ts`; a faster kernel (WASM
 * SIMD, below) runs behind the same signature.
 *
 * Floats: `gemm` is a cache-blocked, register-tiled GEMM in the GotoBLAS/BLIS shape. The
 * k×n block of B (KC×NC) is packed into column panels of NR, the m×k block of A (MC×KC)
 * into row panels of MR, both zero-padded to whole panels, so the micro-kernel always runs
 * a full MR×NR tile with its 16 accumulators in locals and reads only contiguous
 * Float64Arrays. Padding only feeds rows/columns of the tile that are never written, so a
 * NaN or Inf in the inputs cannot leak into other results. Products with one side of
 * width 1 (matrix·vector) take a dot/axpy path, and products narrower than a tile a plain
 * loop, instead of wasting most of a padded tile.
 *
 * Where WebAssembly SIMD is available (Node, current browsers), the packed blocks are
 * multiplied by the WASM kernel of `wasm/gemm.as` instead of `micro4x4` (measured on a
 * shared 2-core AMD EPYC at N=1024, one thread: float64 about 17 GFLOP/s against 3.5 for
 * the TypeScript kernel, float32 about 32). The float64 WASM path uses the same blocking
 * and summation order as the TypeScript one, so it gives the same bits. Float32: the WASM
 * path sums in float32 (f32x4, like OpenBLAS's sgemm, which NumPy uses); the TypeScript
 * fallback sums in float64 and rounds once, so the two may differ in the last bits.
 * Sums start from +0, as BLAS's do, so a sum of -0 products is +0.
 *
 * Large WASM products run on the threads of `parallel/pool.ts` (`np.setNumThreads`): the
 * calling thread packs each block into a shared memory and the threads split its rows
 * (`gemmThreaded`), same kernel and same order of sums, so the same bits on any number of
 * threads (measured at N=1024 on 2 cores: float64 about 34 GFLOP/s, float32 about 51).
 *
 * Integers (up to 32 bits), bool and int64/uint64 use exact loops: `gemmInt` keeps the sum
 * modulo 2^32 (Math.imul products summed in an Int32Array row), which the store into the
 * output wraps to its own width (NumPy's wrapping); `gemmBool` is or-of-ands;
 * `gemmBigInt` sums bigints and lets the BigInt64Array/BigUint64Array store wrap at 64 bits.
 *
 * Loop variables: `i` rows of A and C (m), `j` columns of B and C (n), `p` the summed index
 * (k); `ic`, `jc`, `pc` block starts and `mc`, `nc`, `kc` block sizes; `ir`, `jr` tile
 * starts within a block and `mr`, `nr` the valid part of a tile; `pa`, `pb`, `pcc` offsets
 * into A, B and C; `aRs`/`aCs` a row/column step of A (likewise B, C).
 */
import type { Buf } from './elementwise.js';
import { wasmGemm, type PackFn, type Packers, type WasmGemm } from './wasm/matmul-wasm.js';
import { gemmTeam, type GemmTeam } from '../parallel/pool.js';

/**
 * Products of at least `minMacs` multiply-adds (and 8 rows) split their rows between the
 * threads of `parallel/pool.ts` when `getNumThreads() > 1` (tests lower it to force the
 * path). 2^23 (about 200^3): measured on 2 cores, a 128^3 product is slower on two threads
 * (waking a worker costs about as much as its share), 256^3 about 1.3x faster, 1024^3 1.75x.
 */
export const parallelGemm = { minMacs: 1 << 23 };

/** A bigint element buffer (BigInt64Array, BigUint64Array) as kernels see it. */
export type BigBuf = { [i: number]: bigint; readonly length: number };

/**
 * The signature every matrix kernel shares: `C[m×n] = A[m×k]·B[k×n]`, overwriting C.
 * Operands are (buffer, offset, row stride, column stride), strides in elements.
 */
export type GemmKernel<In, Out> = (
  m: number,
  n: number,
  k: number,
  a: In,
  aOff: number,
  aRs: number,
  aCs: number,
  b: In,
  bOff: number,
  bRs: number,
  bCs: number,
  c: Out,
  cOff: number,
  cRs: number,
  cCs: number,
) => void;

// Tile and block sizes (elements). MR×NR = 4×4 keeps the 16 accumulators in registers
// or L1 stack slots under V8; a KC×NR panel of B (8 KB) stays in L1, an MC×KC block of A
// (256 KB) in L2. Measured with Node 20 on a shared 2-core AMD EPYC: about 3-3.5 GFLOP/s
// for float64 at N=256..512 (4x4 beat 4x2, 2x4 and 3x4 tiles; the naive i-p-j loop ran
// at about 1).
const MR = 4;
const NR = 4;
const MC = 128;
const KC = 256;
const NC = 512;

// Scratch reused across calls (kernels never re-enter each other).
const packedA = new Float64Array(MC * KC);
const packedB = new Float64Array(KC * (NC + NR));
let scratchC = new Float64Array(0);
let rowAcc64 = new Float64Array(0);
let rowAcc32 = new Int32Array(0);
let rowAccBool = new Uint8Array(0);

/** A float64 scratch of at least n elements; big ones are not kept after the call. */
function scratch64(n: number): Float64Array {
  if (n > 1 << 18) return new Float64Array(n);
  if (scratchC.length < n) scratchC = new Float64Array(Math.min(Math.max(n, 2 * scratchC.length), 1 << 18));
  return scratchC;
}

/**
 * Float GEMM: `C = A·B` with A, B of any number dtype (values read as doubles) and C a
 * Float64Array or Float32Array. Accumulates in float64; a float32 C is rounded once.
 *
 * @example
 * const c = new Float64Array(4);
 * gemm(2, 2, 2, new Float64Array([1, 2, 3, 4]), 0, 2, 1, new Float64Array([5, 6, 7, 8]), 0, 2, 1, c, 0, 2, 1);
 * // c = [19, 22, 43, 50]
 */
export const gemm: GemmKernel<Buf, Float64Array | Float32Array> = (m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, cRs, cCs) => {
  if (m === 0 || n === 0) return;
  if (m > 1 && n > 1 && (m < MR || n < NR)) {
    // fewer rows or columns than a tile: most of a padded tile would be wasted
    gemmSmall(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, cRs, cCs);
    return;
  }
  if (k > 0 && m > 1 && n > 1) {
    const w = wasmGemm();
    if (w !== null) {
      const team = m >= 8 && m * n * k >= parallelGemm.minMacs ? gemmTeam() : null;
      if (team !== null && gemmThreaded(team, m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, cRs, cCs)) return;
      if (c instanceof Float32Array) gemmWasm32(w, m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, cRs, cCs);
      else gemmWasm(w, m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, cRs, cCs);
      return;
    }
  }
  if (c instanceof Float64Array) {
    gemm64(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, cRs, cCs);
    return;
  }
  // float32 output: accumulate the whole product in double, round once on the store
  const t = scratch64(m * n);
  gemm64(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, t, 0, n, 1);
  for (let i = 0; i < m; i++) {
    let pcc = cOff + i * cRs;
    const row = i * n;
    for (let j = 0; j < n; j++, pcc += cCs) c[pcc] = t[row + j]!;
  }
};

/**
 * Products narrower than a tile (m or n below 4): one sum per element straight from the
 * operands, which beats packing and padding (measured 1.5-3x faster at 2×k×2, 3×k×3).
 */
function gemmSmall(
  m: number, n: number, k: number,
  a: Buf, aOff: number, aRs: number, aCs: number,
  b: Buf, bOff: number, bRs: number, bCs: number,
  c: Float64Array | Float32Array, cOff: number, cRs: number, cCs: number,
): void {
  for (let i = 0; i < m; i++) {
    const rowA = aOff + i * aRs;
    const rowC = cOff + i * cRs;
    for (let j = 0; j < n; j++) {
      let pa = rowA;
      let pb = bOff + j * bCs;
      let s = 0;
      for (let p = 0; p < k; p++, pa += aCs, pb += bRs) s += a[pa]! * b[pb]!;
      c[rowC + j * cCs] = s;
    }
  }
}

function gemm64(
  m: number, n: number, k: number,
  a: Buf, aOff: number, aRs: number, aCs: number,
  b: Buf, bOff: number, bRs: number, bCs: number,
  c: Float64Array, cOff: number, cRs: number, cCs: number,
): void {
  if (k === 0) {
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) c[cOff + i * cRs + j * cCs] = 0;
    return;
  }
  // matrix·vector and vector·matrix: one output row or column
  if (n === 1) return gemv(m, k, a, aOff, aRs, aCs, b, bOff, bRs, c, cOff, cRs);
  if (m === 1) return gemv(n, k, b, bOff, bCs, bRs, a, aOff, aCs, c, cOff, cCs);
  const pA = packedA;
  const pB = packedB;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      const first = pc === 0;
      packB(b, bOff + pc * bRs + jc * bCs, bRs, bCs, kc, nc, pB);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packA(a, aOff + ic * aRs + pc * aCs, aRs, aCs, mc, kc, pA);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = Math.min(NR, nc - jr);
          const cCol = cOff + (jc + jr) * cCs;
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = Math.min(MR, mc - ir);
            micro4x4(kc, pA, ir * kc, pB, jr * kc, c, cCol + (ic + ir) * cRs, cRs, cCs, mr, nr, first);
          }
        }
      }
    }
  }
}

/** Rounds up to a whole number of 4-wide panels. */
const up4 = (x: number): number => (x + 3) & ~3;

/**
 * `gemm` on the WASM SIMD block kernel (`wasm/gemm.as`): the same blocking, packing and
 * summation order as `gemm64` (so the same bits), with each packed block multiplied in
 * WebAssembly into a float64 accumulator for one NC-wide panel of C that lives in the
 * module's memory, then copied to C (a float32 C is rounded once there). Memory layout, in
 * float64 elements from 64 KB: packed A (MC×KC), packed B (KC×(NC+NR)), then the C panel
 * (m rounded up to 4 rows of ld = min(NC, n rounded up to a panel)), then rows staged for the
 * WASM packers (KC×NC).
 */
function gemmWasm(
  w: WasmGemm, m: number, n: number, k: number,
  a: Buf, aOff: number, aRs: number, aCs: number,
  b: Buf, bOff: number, bRs: number, bCs: number,
  c: Float64Array | Float32Array, cOff: number, cRs: number, cCs: number,
): void {
  const ld = Math.min(NC, up4(n)); // the C panel's row length: n itself when it is a whole panel
  const aBase = 8192;
  const bBase = aBase + MC * KC;
  const cBase = bBase + KC * (NC + NR);
  const sBase = cBase + up4(m) * ld; // rows staged for the WASM packers
  w.reserve((sBase + KC * NC) * 8);
  const mem = w.f64;
  const pA = mem.subarray(aBase, bBase);
  const pB = mem.subarray(bBase, cBase);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      const bo = bOff + pc * bRs + jc * bCs;
      packBlockB(w.packers, mem, sBase, b, bo, bRs, bCs, kc, nc, pB, bBase * 8);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        const ao = aOff + ic * aRs + pc * aCs;
        packBlockA(w.packers, mem, sBase, a, ao, aRs, aCs, mc, kc, pA, aBase * 8);
        w.block(up4(mc), up4(nc), kc, aBase * 8, bBase * 8, (cBase + ic * ld) * 8, ld, pc === 0 ? 1 : 0);
      }
    }
    copyOut(mem, cBase, ld, m, nc, c, cOff + jc * cCs, cRs, cCs);
  }
}

/**
 * `gemmWasm`/`gemmWasm32` on several threads: for each (jc, pc) step this thread packs the
 * B block and the whole k-slice of A (all m rows, not MC at a time) into the team's shared
 * memory, then every thread multiplies a share of the 4-row panels with the same kernel
 * (`GemmTeam.step`); each element of C sees the same sums in the same order as on one
 * thread, so the bits are the same. False (nothing done) when the shared memory cannot
 * hold the operands.
 */
function gemmThreaded(
  t: GemmTeam, m: number, n: number, k: number,
  a: Buf, aOff: number, aRs: number, aCs: number,
  b: Buf, bOff: number, bRs: number, bCs: number,
  c: Float64Array | Float32Array, cOff: number, cRs: number, cCs: number,
): boolean {
  const f32 = c instanceof Float32Array;
  const es = f32 ? 4 : 8;
  const ld = NC;
  const rows = up4(m);
  const aBase = 65536 / es; // the first 64 KB stay free, as in gemmWasm
  const bBase = aBase + rows * KC;
  const cBase = bBase + KC * (NC + 8);
  const sBase = cBase + rows * ld; // rows staged for the WASM packers
  if (!t.reserve((sBase + KC * Math.max(NC, rows)) * es)) return false;
  const mem = f32 ? t.f32() : t.f64();
  const pk = t.packers();
  const pA = mem.subarray(aBase, bBase);
  const pB = mem.subarray(bBase, cBase);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      const bo = bOff + pc * bRs + jc * bCs;
      const ao = aOff + pc * aCs;
      packBlockB(pk, mem, sBase, b, bo, bRs, bCs, kc, nc, pB, bBase * es);
      packBlockA(pk, mem, sBase, a, ao, aRs, aCs, m, kc, pA, aBase * es);
      if (f32) t.step(1, rows, (nc + 7) & ~7, kc, aBase * es, bBase * es, cBase * es, ld, pc === 0 ? 1 : 0);
      else t.step(0, rows, up4(nc), kc, aBase * es, bBase * es, cBase * es, ld, pc === 0 ? 1 : 0);
    }
    copyOut(mem, cBase, ld, m, nc, c, cOff + jc * cCs, cRs, cCs);
  }
  return true;
}

/**
 * Rows shorter than this are packed by the JS loops (a bulk copy per row costs more): 64
 * values for the float32 products, 128 for float64, whose JS packers are unrolled (staging
 * measured slower at 64x64x64 float64: 0.053 -> 0.078 ms in one A/B).
 */
const MIN_STAGED = 64;
const MIN_STAGED_64 = 128;

/**
 * Whether the WASM products stage contiguous rows for the WASM packers and copy C out by
 * rows (tests turn it off to compare with the JS packing loops, bit for bit). A/B on one
 * thread: float32 256x256 1.3-2.3 -> 0.9-1.0 ms, the batched 16x27 by 27x1024 product of a
 * conv2d 4.5-7 -> 2.1-2.5 ms; float64 about even at 64x64, 10-30% faster from 256.
 */
export const stagedPacking = { enabled: true };

/**
 * Copies `rows` rows of `len` contiguous values of `x` (row `r` at `off + r * rs`) to
 * `mem[at..)` one after another, for the WASM packers; false (nothing done) when the rows
 * are not contiguous float runs (`cs !== 1`, other buffers) or too short to pay.
 */
function stageRows(mem: Float64Array | Float32Array, at: number, x: Buf, off: number, rs: number, cs: number, rows: number, len: number): boolean {
  if (!stagedPacking.enabled || cs !== 1 || len < (mem instanceof Float64Array ? MIN_STAGED_64 : MIN_STAGED)) return false;
  if (!(x instanceof Float64Array || x instanceof Float32Array)) return false;
  if (rs === len) mem.set(x.subarray(off, off + rows * len), at); // rows back to back: one copy
  else for (let r = 0; r < rows; r++) mem.set(x.subarray(off + r * rs, off + r * rs + len), at + r * len);
  return true;
}

/**
 * Packs a block of an operand (`rows` lines of `len` values from `off`, steps `rs` between
 * lines and `cs` along one: A's mc×kc rows, or B's kc×nc rows of p) into panels at byte
 * `dst` with the WASM packers, staging its lines by bulk copies when they are contiguous
 * (`byRows`, p-major or row-major staging as the panels want) or, for a transposed view, its
 * columns (`byCols`); false (nothing done) when neither is a contiguous run. `mem` is the
 * float64 or float32 view of the memory: the element type of the panels.
 */
function stagePack(mem: Float64Array | Float32Array, at: number, x: Buf, off: number, rs: number, cs: number, rows: number, len: number, dst: number, byRows: PackFn, byCols: PackFn): boolean {
  const es = mem.BYTES_PER_ELEMENT;
  if (stageRows(mem, at, x, off, rs, cs, rows, len)) byRows(at * es, len, rows, len, dst);
  else if (stageRows(mem, at, x, off, cs, rs, len, rows)) byCols(at * es, rows, len, rows, dst);
  else return false;
  return true;
}

/**
 * Packs an mc×kc block of A into its 4-row panels: the WASM packers when its rows or columns
 * are contiguous ({@link stagePack}), else the JS loop for the panels' element type. `pA` is
 * the panels' view of `mem`, starting at byte `dst`.
 */
function packBlockA(pk: Packers, mem: Float64Array | Float32Array, at: number, a: Buf, ao: number, aRs: number, aCs: number, mc: number, kc: number, pA: Float64Array | Float32Array, dst: number): void {
  if (pA instanceof Float32Array) {
    if (!stagePack(mem, at, a, ao, aRs, aCs, mc, kc, dst, pk.a32, pk.p32x4)) packPanels(a, ao, aRs, aCs, mc, kc, 4, pA);
  } else if (!stagePack(mem, at, a, ao, aRs, aCs, mc, kc, dst, pk.a64, pk.b64)) packA(a, ao, aRs, aCs, mc, kc, pA);
}

/** {@link packBlockA} for a kc×nc block of B, into its column panels (4 wide, float32 8). */
function packBlockB(pk: Packers, mem: Float64Array | Float32Array, at: number, b: Buf, bo: number, bRs: number, bCs: number, kc: number, nc: number, pB: Float64Array | Float32Array, dst: number): void {
  if (pB instanceof Float32Array) {
    if (!stagePack(mem, at, b, bo, bRs, bCs, kc, nc, dst, pk.b32, pk.l32x8)) packPanels(b, bo, bCs, bRs, nc, kc, 8, pB);
  } else if (!stagePack(mem, at, b, bo, bRs, bCs, kc, nc, dst, pk.b64, pk.a64)) packB(b, bo, bRs, bCs, kc, nc, pB);
}

/** Copies the m×nc panel of C accumulated in WASM memory (row length ld) to C. */
function copyOut(mem: Float64Array | Float32Array, base: number, ld: number, m: number, nc: number, c: Float64Array | Float32Array, cOff: number, cRs: number, cCs: number): void {
  if (stagedPacking.enabled && cCs === 1 && nc >= MIN_STAGED) {
    if (ld === nc && cRs === nc) c.set(mem.subarray(base, base + m * nc), cOff); // one copy
    else for (let i = 0; i < m; i++) c.set(mem.subarray(base + i * ld, base + i * ld + nc), cOff + i * cRs);
    return;
  }
  for (let i = 0; i < m; i++) {
    let pcc = cOff + i * cRs;
    let q = base + i * ld;
    for (let j = 0; j < nc; j++, pcc += cCs, q++) c[pcc] = mem[q]!;
  }
}

/**
 * float32 `gemm` on the WASM kernel's `block32` (float32 sums, 4×8 tiles, as OpenBLAS's
 * sgemm sums in float32): the blocking of `gemmWasm` with float32 packed panels and a
 * float32 C accumulator.
 */
function gemmWasm32(
  w: WasmGemm, m: number, n: number, k: number,
  a: Buf, aOff: number, aRs: number, aCs: number,
  b: Buf, bOff: number, bRs: number, bCs: number,
  c: Float32Array, cOff: number, cRs: number, cCs: number,
): void {
  const ld = Math.min(NC, (n + 7) & ~7); // the C panel's row length: n itself when it is a whole panel
  const aBase = 16384;
  const bBase = aBase + MC * KC;
  const cBase = bBase + KC * (NC + 8);
  const sBase = cBase + up4(m) * ld; // rows staged for the WASM packers
  w.reserve((sBase + KC * NC) * 4);
  const mem = w.f32;
  const pA = mem.subarray(aBase, bBase);
  const pB = mem.subarray(bBase, cBase);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      const bo = bOff + pc * bRs + jc * bCs;
      packBlockB(w.packers, mem, sBase, b, bo, bRs, bCs, kc, nc, pB, bBase * 4);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        const ao = aOff + ic * aRs + pc * aCs;
        packBlockA(w.packers, mem, sBase, a, ao, aRs, aCs, mc, kc, pA, aBase * 4);
        w.block32(up4(mc), (nc + 7) & ~7, kc, aBase * 4, bBase * 4, (cBase + ic * ld) * 4, ld, pc === 0 ? 1 : 0);
      }
    }
    copyOut(mem, cBase, ld, m, nc, c, cOff + jc * cCs, cRs, cCs);
  }
}

/**
 * Packs `len` lines (rows of A, or columns of B: `ls` steps between lines, `ps` along one)
 * of `kc` values into panels of `w` lines, zero-padded: panel r holds, for each p, w values.
 */
function packPanels(x: Buf, off: number, ls: number, ps: number, len: number, kc: number, w: number, dst: Float32Array): void {
  let q = 0;
  for (let r0 = 0; r0 < len; r0 += w) {
    const lr = Math.min(w, len - r0);
    const base = off + r0 * ls;
    for (let p = 0; p < kc; p++) {
      let src = base + p * ps;
      let r = 0;
      for (; r < lr; r++, src += ls) dst[q++] = x[src]!;
      for (; r < w; r++) dst[q++] = 0;
    }
  }
}

/** Packs an mc×kc block of A into row panels of MR: panel r holds, for each p, MR values. */
function packA(a: Buf, off: number, rs: number, cs: number, mc: number, kc: number, dst: Float64Array): void {
  let q = 0;
  for (let ir = 0; ir < mc; ir += MR) {
    const mr = Math.min(MR, mc - ir);
    const row0 = off + ir * rs;
    if (mr === MR) {
      let p0 = row0;
      for (let p = 0; p < kc; p++, p0 += cs) {
        dst[q] = a[p0]!;
        dst[q + 1] = a[p0 + rs]!;
        dst[q + 2] = a[p0 + 2 * rs]!;
        dst[q + 3] = a[p0 + 3 * rs]!;
        q += MR;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        let src = row0 + p * cs;
        let r = 0;
        for (; r < mr; r++, src += rs) dst[q++] = a[src]!;
        for (; r < MR; r++) dst[q++] = 0;
      }
    }
  }
}

/** Packs a kc×nc block of B into column panels of NR: panel j holds, for each p, NR values. */
function packB(b: Buf, off: number, rs: number, cs: number, kc: number, nc: number, dst: Float64Array): void {
  let q = 0;
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = Math.min(NR, nc - jr);
    const col0 = off + jr * cs;
    if (nr === NR) {
      let p0 = col0;
      for (let p = 0; p < kc; p++, p0 += rs) {
        dst[q] = b[p0]!;
        dst[q + 1] = b[p0 + cs]!;
        dst[q + 2] = b[p0 + 2 * cs]!;
        dst[q + 3] = b[p0 + 3 * cs]!;
        q += NR;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        let src = col0 + p * rs;
        let r = 0;
        for (; r < nr; r++, src += cs) dst[q++] = b[src]!;
        for (; r < NR; r++) dst[q++] = 0;
      }
    }
  }
}

/**
 * The 4×4 micro-kernel: a full tile of packed A (from `pa`) times packed B (from `pb`)
 * over kc steps, then the valid mr×nr part is stored (`first`) or added into C.
 */
function micro4x4(
  kc: number, pA: Float64Array, pa: number, pB: Float64Array, pb: number,
  c: Float64Array, pcc: number, cRs: number, cCs: number, mr: number, nr: number, first: boolean,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0; p < kc; p++, pa += MR, pb += NR) {
    const a0 = pA[pa]!, a1 = pA[pa + 1]!, a2 = pA[pa + 2]!, a3 = pA[pa + 3]!;
    const b0 = pB[pb]!, b1 = pB[pb + 1]!, b2 = pB[pb + 2]!, b3 = pB[pb + 3]!;
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  if (mr === MR && nr === NR) {
    const r0 = pcc, r1 = pcc + cRs, r2 = pcc + 2 * cRs, r3 = pcc + 3 * cRs;
    const s1 = cCs, s2 = 2 * cCs, s3 = 3 * cCs;
    if (first) {
      c[r0] = c00; c[r0 + s1] = c01; c[r0 + s2] = c02; c[r0 + s3] = c03;
      c[r1] = c10; c[r1 + s1] = c11; c[r1 + s2] = c12; c[r1 + s3] = c13;
      c[r2] = c20; c[r2 + s1] = c21; c[r2 + s2] = c22; c[r2 + s3] = c23;
      c[r3] = c30; c[r3 + s1] = c31; c[r3 + s2] = c32; c[r3 + s3] = c33;
    } else {
      c[r0] += c00; c[r0 + s1] += c01; c[r0 + s2] += c02; c[r0 + s3] += c03;
      c[r1] += c10; c[r1 + s1] += c11; c[r1 + s2] += c12; c[r1 + s3] += c13;
      c[r2] += c20; c[r2 + s1] += c21; c[r2 + s2] += c22; c[r2 + s3] += c23;
      c[r3] += c30; c[r3 + s1] += c31; c[r3 + s2] += c32; c[r3 + s3] += c33;
    }
    return;
  }
  // an edge tile: store the valid rows and columns only
  storeRow(c, pcc, cCs, nr, first, c00, c01, c02, c03);
  if (mr > 1) storeRow(c, pcc + cRs, cCs, nr, first, c10, c11, c12, c13);
  if (mr > 2) storeRow(c, pcc + 2 * cRs, cCs, nr, first, c20, c21, c22, c23);
  if (mr > 3) storeRow(c, pcc + 3 * cRs, cCs, nr, first, c30, c31, c32, c33);
}

function storeRow(c: Float64Array, o: number, cs: number, nr: number, first: boolean, v0: number, v1: number, v2: number, v3: number): void {
  if (first) {
    c[o] = v0;
    if (nr > 1) c[o + cs] = v1;
    if (nr > 2) c[o + 2 * cs] = v2;
    if (nr > 3) c[o + 3 * cs] = v3;
  } else {
    c[o] += v0;
    if (nr > 1) c[o + cs] += v1;
    if (nr > 2) c[o + 2 * cs] += v2;
    if (nr > 3) c[o + 3 * cs] += v3;
  }
}

/**
 * `y[i] = sum_p A[i,p] x[p]` for `rows` rows: dot products along A's rows when they are
 * the short step, else column sweeps (axpy) into a float64 row accumulator.
 */
function gemv(
  rows: number, k: number,
  a: Buf, aOff: number, aRs: number, aCs: number,
  x: Buf, xOff: number, xs: number,
  y: Float64Array, yOff: number, ys: number,
): void {
  if (Math.abs(aCs) <= Math.abs(aRs) || rows === 1) {
    for (let i = 0; i < rows; i++) {
      let pa = aOff + i * aRs;
      let px = xOff;
      let s0 = 0;
      let s1 = 0;
      let p = 0;
      for (; p + 1 < k; p += 2, pa += 2 * aCs, px += 2 * xs) {
        s0 += a[pa]! * x[px]!;
        s1 += a[pa + aCs]! * x[px + xs]!;
      }
      if (p < k) s0 += a[pa]! * x[px]!;
      y[yOff + i * ys] = s0 + s1;
    }
    return;
  }
  if (rowAcc64.length < rows) rowAcc64 = new Float64Array(Math.max(rows, 2 * rowAcc64.length));
  const acc = rowAcc64;
  acc.fill(0, 0, rows);
  for (let p = 0; p < k; p++) {
    const xp = x[xOff + p * xs]!;
    let pa = aOff + p * aCs;
    for (let i = 0; i < rows; i++, pa += aRs) acc[i] += a[pa]! * xp;
  }
  for (let i = 0; i < rows; i++) y[yOff + i * ys] = acc[i]!;
}

/**
 * Exact integer GEMM for dtypes of up to 32 bits: each sum is kept modulo 2^32 and the
 * store into `c` wraps it to c's width, which is NumPy's result for every integer dtype
 * up to 32 bits (wrapping commutes with sums and products).
 */
export const gemmInt: GemmKernel<Buf, Buf> = (m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, cRs, cCs) => {
  if (rowAcc32.length < n) rowAcc32 = new Int32Array(Math.max(n, 2 * rowAcc32.length));
  const acc = rowAcc32;
  for (let i = 0; i < m; i++) {
    acc.fill(0, 0, n);
    let pa = aOff + i * aRs;
    for (let p = 0; p < k; p++, pa += aCs) {
      const x = a[pa]!;
      if (x === 0) continue;
      let pb = bOff + p * bRs;
      // the Int32Array store wraps the exact double sum to 32 bits
      for (let j = 0; j < n; j++, pb += bCs) acc[j] += Math.imul(x, b[pb]!);
    }
    let pcc = cOff + i * cRs;
    for (let j = 0; j < n; j++, pcc += cCs) c[pcc] = acc[j]!;
  }
};

/** Boolean GEMM: `C[i,j] = any_p (A[i,p] and B[p,j])`, stored as 0/1. */
export const gemmBool: GemmKernel<Buf, Buf> = (m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, cRs, cCs) => {
  if (rowAccBool.length < n) rowAccBool = new Uint8Array(Math.max(n, 2 * rowAccBool.length));
  const acc = rowAccBool;
  for (let i = 0; i < m; i++) {
    acc.fill(0, 0, n);
    let pa = aOff + i * aRs;
    for (let p = 0; p < k; p++, pa += aCs) {
      if (a[pa] === 0) continue;
      let pb = bOff + p * bRs;
      for (let j = 0; j < n; j++, pb += bCs) if (b[pb] !== 0) acc[j] = 1;
    }
    let pcc = cOff + i * cRs;
    for (let j = 0; j < n; j++, pcc += cCs) c[pcc] = acc[j]!;
  }
};

/** int64/uint64 GEMM on bigints; the BigInt64Array/BigUint64Array store wraps at 64 bits. */
export const gemmBigInt: GemmKernel<BigBuf, BigBuf> = (m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, cRs, cCs) => {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let pa = aOff + i * aRs;
      let pb = bOff + j * bCs;
      let s = 0n;
      for (let p = 0; p < k; p++, pa += aCs, pb += bRs) s += a[pa]! * b[pb]!;
      c[cOff + i * cRs + j * cCs] = s;
    }
  }
};

/**
 * The JS side of the WASM SIMD element-wise kernels (`wasm/vmath.as`): the instance, the
 * layout of its memory, and chunked runs over contiguous float64/float32 operands. Arrays
 * live in JS memory, so each run is copied into the module's memory a chunk at a time (or
 * many short rows at a time), computed there in place, and copied out. Each entry point was
 * measured against the JS loop before it was turned on (bench/harness/notes.md has the A/B
 * figures): float arithmetic (`binaryRuns`, `broadcastRows`, `scalarRows`), `exp`
 * (kernels/exp.ts), NumPy's pairwise sums (`pairwiseRuns`, `rowPairwise`), sums over leading
 * axes (`rowSums`), argmax/argmin (`argRuns`, `argRows`), float32 transposes
 * (`transposeRuns`); runs under 256 elements stay in JS.
 *
 * The kernels compute the same IEEE operations as the JS loops they replace, so results are
 * bit-identical whichever path runs; tests compare both paths with `wasmVmath.enabled` off.
 * Where WebAssembly SIMD is unavailable `vmath()` is null and every loop stays in JS.
 */
import { instantiate, type WasmMemory } from './wasm/matmul-wasm.js';
import { VMATH_WASM_BASE64 } from './wasm/vmath-wasm.js';

/** Whether element-wise loops may use the WASM kernels (tests turn it off to check the JS loops). */
export const wasmVmath = { enabled: true };

/** Elements per trip through WASM memory (64 KB of float64 per operand). */
export const VM_CHUNK = 8192;

/** exp's kernel: n values at byte offset p, table at tab, indices left to Math.exp at bad. */
export type ExpFn = (n: number, p: number, tab: number, bad: number) => number;
type BinFn = (op: number, n: number, pa: number, pb: number) => void;
type BinsFn = (op: number, n: number, pa: number, s: number) => void;
type SumFn = (p: number, n: number) => number;
type SqFn = (p: number, n: number, m: number) => number;
type ArgFn = (p: number, n: number) => number;
type RowsFn = (pacc: number, pr: number, k: number, n: number) => void;
type RevFn = (p: number, n: number) => void;
type SumRowsFn = (p: number, n: number, k: number, out: number) => void;
type ArgRowsFn = (max: number, p: number, n: number, k: number, out: number) => void;
type BinRowsFn = (op: number, pa: number, pb: number, k: number, n: number) => void;
type RevRowsFn = (p: number, k: number, n: number) => void;
type TransposeFn = (src: number, rows: number, cols: number, dst: number) => void;

/** The instance, views of its memory, and the layout (byte offsets). */
export interface Vmath {
  exp64: ExpFn;
  exp32: ExpFn;
  bin64: BinFn;
  bin32: BinFn;
  bins64: BinsFn;
  bins32: BinsFn;
  psum64: SumFn;
  psum32: SumFn;
  psq64: SqFn;
  psq32: SqFn;
  argmax64: ArgFn;
  argmin64: ArgFn;
  argmax32: ArgFn;
  argmin32: ArgFn;
  addrows64: RowsFn;
  addrows32: RowsFn;
  rev64: RevFn;
  rev32: RevFn;
  psumrows64: SumRowsFn;
  psumrows32: SumRowsFn;
  argrows64: ArgRowsFn;
  argrows32: ArgRowsFn;
  binrows64: BinRowsFn;
  binrows32: BinRowsFn;
  revrows64: RevRowsFn;
  revrows32: RevRowsFn;
  transpose64: TransposeFn;
  transpose32: TransposeFn;
  memory: WasmMemory;
  f64: Float64Array;
  f32: Float32Array;
  i32: Int32Array;
  /** 2 KB for tables and constants (kernels/exp.ts writes exp's; see vmath.as). */
  tab: number;
  /** VM_CHUNK int32: indices a kernel leaves to the caller. */
  bad: number;
  /** Operand a, overwritten by the result (VM_CHUNK float64). */
  a: number;
  /** Operand b (VM_CHUNK float64). */
  b: number;
  /** The end of the fixed layout: `scratch` space starts here. */
  end: number;
}

let instance: Vmath | null | undefined;

/** The kernels, or null where WebAssembly SIMD is unavailable (or tests turned them off). */
export function vmath(): Vmath | null {
  if (!wasmVmath.enabled) return null;
  if (instance !== undefined) return instance;
  instance = null;
  const ex = instantiate(VMATH_WASM_BASE64);
  if (ex === null) return null;
  const memory = ex['memory'] as WasmMemory;
  const tab = (ex['heap'] as () => number)();
  const bad = tab + 2048;
  const a = bad + VM_CHUNK * 4;
  const b = a + VM_CHUNK * 8;
  const end = b + VM_CHUNK * 8;
  const have = memory.buffer.byteLength;
  try {
    if (end > have) memory.grow(Math.ceil((end - have) / 65536));
  } catch {
    return null; // no memory for the buffers: every loop stays in JS
  }
  instance = {
    exp64: ex['exp64'] as ExpFn,
    exp32: ex['exp32'] as ExpFn,
    bin64: ex['bin64'] as BinFn,
    bin32: ex['bin32'] as BinFn,
    bins64: ex['bins64'] as BinsFn,
    bins32: ex['bins32'] as BinsFn,
    psum64: ex['psum64'] as SumFn,
    psum32: ex['psum32'] as SumFn,
    psq64: ex['psq64'] as SqFn,
    psq32: ex['psq32'] as SqFn,
    argmax64: ex['argmax64'] as ArgFn,
    argmin64: ex['argmin64'] as ArgFn,
    argmax32: ex['argmax32'] as ArgFn,
    argmin32: ex['argmin32'] as ArgFn,
    addrows64: ex['addrows64'] as RowsFn,
    addrows32: ex['addrows32'] as RowsFn,
    rev64: ex['rev64'] as RevFn,
    rev32: ex['rev32'] as RevFn,
    psumrows64: ex['psumrows64'] as SumRowsFn,
    psumrows32: ex['psumrows32'] as SumRowsFn,
    argrows64: ex['argrows64'] as ArgRowsFn,
    argrows32: ex['argrows32'] as ArgRowsFn,
    binrows64: ex['binrows64'] as BinRowsFn,
    binrows32: ex['binrows32'] as BinRowsFn,
    revrows64: ex['revrows64'] as RevRowsFn,
    revrows32: ex['revrows32'] as RevRowsFn,
    transpose64: ex['transpose64'] as TransposeFn,
    transpose32: ex['transpose32'] as TransposeFn,
    memory,
    f64: new Float64Array(memory.buffer),
    f32: new Float32Array(memory.buffer),
    i32: new Int32Array(memory.buffer),
    tab,
    bad,
    a,
    b,
    end,
  };
  return instance;
}

/**
 * Makes `bytes` of memory available from `v.end` (growing the memory, and refreshing the
 * views, which growth detaches); the space is the caller's until its next call here.
 */
function scratch(v: Vmath, bytes: number): number {
  const need = v.end + bytes;
  const have = v.memory.buffer.byteLength;
  if (need > have) {
    v.memory.grow(Math.ceil((need - have) / 65536));
    v.f64 = new Float64Array(v.memory.buffer);
    v.f32 = new Float32Array(v.memory.buffer);
    v.i32 = new Int32Array(v.memory.buffer);
  }
  return v.end;
}

/** A binary operation of the kernels, `o = a op b`: 0 add, 1 subtract, 2 multiply, 3 divide. */
export type BinOp = 0 | 1 | 2 | 3;

/**
 * Runs shorter than this stay in JS: the WASM call and the copies (three subarrays and sets)
 * cost as much as the JS loop up to about 256 elements (measured per size, both dtypes).
 */
const MIN_BINARY = 256;

/** A float run as the kernels take it: all three operands of one dtype. */
export type FloatRun = Float64Array | Float32Array;

/** Whether a buffer is one the kernels take (float64 or float32). */
export function isFloatRun(x: unknown): x is FloatRun {
  return x instanceof Float64Array || x instanceof Float32Array;
}

/**
 * Copies k rows of `len` values of `x` (row i from `from + i * step`, a positive or negative
 * step of at least `len`) to `m[at..)` one after another: one copy when they lie back to back.
 */
function rowsIn(m: FloatRun, at: number, x: FloatRun, from: number, step: number, k: number, len: number): void {
  if (step === len) m.set(x.subarray(from, from + k * len), at);
  else for (let i = 0; i < k; i++) m.set(x.subarray(from + i * step, from + i * step + len), at + i * len);
}

/** The converse of {@link rowsIn}: k rows of `len` values from `m[at..)` to `o` (row i at `to + i * step`). */
function rowsOut(o: FloatRun, to: number, step: number, m: FloatRun, at: number, k: number, len: number): void {
  if (step === len) o.set(m.subarray(at, at + k * len), to);
  else for (let i = 0; i < k; i++) o.set(m.subarray(at + i * len, at + (i + 1) * len), to + i * step);
}

/**
 * Copies the chunk `[d, d + c)` of a run of `x` from `ix` by step `sx` (1 or -1) to element
 * `at` of `m` (the module's memory), in run order: a reversed run is copied forward and
 * reversed in place by the kernel.
 */
function chunkIn(v: Vmath, m: FloatRun, at: number, x: FloatRun, ix: number, sx: number, d: number, c: number): void {
  if (sx === 1) {
    m.set(x.subarray(ix + d, ix + d + c), at);
    return;
  }
  m.set(x.subarray(ix - d - c + 1, ix - d + 1), at);
  (m instanceof Float32Array ? v.rev32 : v.rev64)(at * m.BYTES_PER_ELEMENT, c);
}

/**
 * `o[io..) = a[ia..) op b[ib..)` over n float64 or float32 elements (o, a and b of one dtype)
 * through WASM when the layout allows: o contiguous; a and b each contiguous or reversed
 * (step -1), or one of them a scalar (step 0). Returns false, having done nothing, when the
 * caller's JS loop must run instead.
 */
export function binaryRuns<T extends FloatRun>(op: BinOp, n: number, o: T, io: number, so: number, a: T, ia: number, sa: number, b: T, ib: number, sb: number): boolean {
  if (n < MIN_BINARY || so !== 1) return false;
  const v = vmath();
  if (v === null) return false;
  const f32 = o instanceof Float32Array;
  if (!(f32 ? a instanceof Float32Array && b instanceof Float32Array : a instanceof Float64Array && b instanceof Float64Array)) return false;
  const m: FloatRun = f32 ? v.f32 : v.f64;
  const at = v.a >> (f32 ? 2 : 3);
  const run = (sa === 1 || sa === -1) && (sb === 1 || sb === -1);
  if (run) {
    const bt = v.b >> (f32 ? 2 : 3);
    const kernel = f32 ? v.bin32 : v.bin64;
    for (let d = 0; d < n; d += VM_CHUNK) {
      const c = Math.min(VM_CHUNK, n - d);
      chunkIn(v, m, at, a, ia, sa, d, c);
      chunkIn(v, m, bt, b, ib, sb, d, c);
      kernel(op, c, v.a, v.b);
      o.set(m.subarray(at, at + c), io + d);
    }
    return true;
  }
  let x: T;
  let ix: number;
  let sx: number;
  let s: number;
  let sop: number;
  if ((sa === 1 || sa === -1) && sb === 0) {
    [x, ix, sx, s, sop] = [a, ia, sa, b[ib]!, op];
  } else if (sa === 0 && (sb === 1 || sb === -1)) {
    // s op x: add and multiply commute; subtract and divide have reversed kernels (4, 5)
    [x, ix, sx, s, sop] = [b, ib, sb, a[ia]!, op === 1 ? 4 : op === 3 ? 5 : op];
  } else return false;
  const kernel = f32 ? v.bins32 : v.bins64;
  for (let d = 0; d < n; d += VM_CHUNK) {
    const c = Math.min(VM_CHUNK, n - d);
    chunkIn(v, m, at, x, ix, sx, d, c);
    kernel(sop, c, v.a, s);
    o.set(m.subarray(at, at + c), io + d);
  }
  return true;
}

/**
 * A binary operation between contiguous rows and one row broadcast to them (`(R, C) + (C,)`):
 * `o[io + r*os + c] = x[ix + r*xs + c] op y[iy + c]`, or `y op x` when `yFirst`, through
 * WASM: the broadcast row copied in once, then many rows a trip, each combined with it
 * (`binrows64/32`) and written back together. The same IEEE operations as the JS loops.
 * False (nothing done) where the kernels are unavailable, rows are longer than a chunk or
 * the work is small. o, x, y: one float dtype.
 */
export function broadcastRows(op: BinOp, rows: number, cols: number, o: FloatRun, io: number, os: number, x: FloatRun, ix: number, xs: number, y: FloatRun, iy: number, yFirst: boolean): boolean {
  if (cols > VM_CHUNK || rows < 2 || rows * cols < MIN_BINARY || cols < 8) return false;
  const f32 = o instanceof Float32Array;
  if (!(f32 ? x instanceof Float32Array && y instanceof Float32Array : x instanceof Float64Array && y instanceof Float64Array)) return false;
  const v = vmath();
  if (v === null) return false;
  const m: FloatRun = f32 ? v.f32 : v.f64;
  const shift = f32 ? 2 : 3;
  const at = v.a >> shift;
  const run = f32 ? v.binrows32 : v.binrows64;
  const rop = yFirst ? (op === 1 ? 4 : op === 3 ? 5 : op) : op;
  m.set(y.subarray(iy, iy + cols), v.b >> shift);
  const per = Math.floor(VM_CHUNK / cols);
  for (let r = 0; r < rows; r += per) {
    const k = Math.min(per, rows - r);
    rowsIn(m, at, x, ix + r * xs, xs, k, cols);
    run(rop, v.a, v.b, k, cols);
    rowsOut(o, io + r * os, os, m, at, k, cols);
  }
  return true;
}

/**
 * A binary operation between rows and a scalar (`a[::2, ::-1] + 1`): `o[io + r*os + c] =
 * x[ix + r*xs + c*step] op s` (or `s op x` when `sFirst`), `step` 1 or -1, through WASM:
 * many rows a trip, reversed rows turned around in place (`revrows64/32`), one kernel call
 * over the trip (`bins64/32`), written back together. The same IEEE operations as the JS
 * loops. False (nothing done) where the kernels are unavailable, rows are longer than a
 * chunk or the work is small. o and x: one float dtype.
 */
export function scalarRows(op: BinOp, rows: number, cols: number, o: FloatRun, io: number, os: number, x: FloatRun, ix: number, xs: number, step: number, s: number, sFirst: boolean): boolean {
  if (cols > VM_CHUNK || rows < 2 || rows * cols < MIN_BINARY || cols < 8 || (step !== 1 && step !== -1)) return false;
  const f32 = o instanceof Float32Array;
  if (f32 !== x instanceof Float32Array) return false;
  const v = vmath();
  if (v === null) return false;
  const m: FloatRun = f32 ? v.f32 : v.f64;
  const at = v.a >> (f32 ? 2 : 3);
  const kernel = f32 ? v.bins32 : v.bins64;
  const rop = sFirst ? (op === 1 ? 4 : op === 3 ? 5 : op) : op;
  const per = Math.floor(VM_CHUNK / cols);
  // the first element in memory of row r: its start, or its end when it runs backwards
  const first = step === 1 ? ix : ix - cols + 1;
  for (let r = 0; r < rows; r += per) {
    const k = Math.min(per, rows - r);
    rowsIn(m, at, x, first + r * xs, xs, k, cols);
    if (step === -1) (f32 ? v.revrows32 : v.revrows64)(v.a, k, cols);
    kernel(rop, k * cols, v.a, s);
    rowsOut(o, io + r * os, os, m, at, k, cols);
  }
  return true;
}

/** Rows shorter than this are summed in JS (measured crossover: about 256 elements). */
const MIN_SUM = 256;

/**
 * NumPy's pairwise sum of `a[ia..ia+n)` (contiguous) through WASM, or null where the kernels
 * are unavailable or the row is short: the tree of `pairwiseSum` / `pairwiseSum32`
 * (kernels/reduce.ts) split in JS down to subtrees of at most VM_CHUNK elements, each
 * copied in and summed by the kernel, so the bits are those of the JS sums. With a mean `m`,
 * the sum of squared deviations `(a[j] - m)^2` over the same tree (`pairwiseSqDevF64` /
 * `pairwiseSqDevF32` of kernels/moments.ts; for float32, `m` is a float32 value).
 */
export function pairwiseRuns(a: Float64Array | Float32Array, ia: number, n: number, m: number | null = null): number | null {
  if (n < MIN_SUM) return null;
  const v = vmath();
  if (v === null) return null;
  return sumTree(v, a, ia, n, m);
}

/** The pairwise tree of `a[ia..ia+n)` down to subtrees of a chunk, each summed by the kernel. */
function sumTree(v: Vmath, a: FloatRun, ia: number, n: number, m: number | null): number {
  const f32 = a instanceof Float32Array;
  if (n <= VM_CHUNK) {
    (f32 ? v.f32 : v.f64).set(a.subarray(ia, ia + n), v.a >> (f32 ? 2 : 3));
    if (m === null) return (f32 ? v.psum32 : v.psum64)(v.a, n);
    return (f32 ? v.psq32 : v.psq64)(v.a, n, m);
  }
  let n2 = n >> 1;
  n2 -= n2 % 8;
  const s = sumTree(v, a, ia, n2, m) + sumTree(v, a, ia + n2, n - n2, m);
  return f32 ? Math.fround(s) : s; // float32 partials round to float32, as pairwiseSum32's
}

/**
 * `acc[ao + r * as] += pairwise sum of src[so + r * rs .. + n)` for r < rows (a sum over the
 * last axis, one sum per row), through WASM: many rows copied per trip and summed by the
 * kernel (`psumrows64/32`, the tree of `pairwiseSum`/`pairwiseSum32` per row), so the bits
 * are those of the JS row sums. False (nothing done) where the kernels are unavailable, the
 * rows are longer than a chunk (the per-row path then takes them) or the work is small.
 */
export function rowPairwise(acc: Float64Array | Float32Array, ao: number, as: number, src: Float64Array | Float32Array, so: number, rs: number, rows: number, n: number): boolean {
  if (n < 2 || n > VM_CHUNK || rows * n < MIN_SUM || rows < 2) return false;
  const f32 = acc instanceof Float32Array;
  if (f32 !== src instanceof Float32Array) return false;
  const v = vmath();
  if (v === null) return false;
  const m: FloatRun = f32 ? v.f32 : v.f64;
  const shift = f32 ? 2 : 3;
  const at = v.a >> shift;
  const out = v.bad >> shift;
  const run = f32 ? v.psumrows32 : v.psumrows64;
  const per = Math.min(Math.floor(VM_CHUNK / n), (VM_CHUNK * 4) >> shift); // rows per trip; results fit `bad`
  for (let r = 0; r < rows; r += per) {
    const k = Math.min(per, rows - r);
    rowsIn(m, at, src, so + r * rs, rs, k, n);
    run(v.a, n, k, v.bad);
    for (let i = 0, q = ao + r * as; i < k; i++, q += as) acc[q] = acc[q]! + m[out + i]!;
  }
  return true;
}

/** Rows shorter than this are scanned in JS by argmax/argmin (measured crossover: about 256). */
const MIN_ARG = 256;

/**
 * argmax (`max`) or argmin of `a[ia..ia+n)` (contiguous) through WASM, or null where the
 * kernels are unavailable or the row is short: the index of the first NaN, else of the first
 * extreme, as kernels/arg-reduce.ts scans. Rows longer than VM_CHUNK go a chunk at a time; a
 * later chunk's extreme wins only if strictly beyond (or NaN).
 */
export function argRuns(a: Float64Array | Float32Array, ia: number, n: number, max: boolean): number | null {
  if (n < MIN_ARG) return null;
  const v = vmath();
  if (v === null) return null;
  const f32 = a instanceof Float32Array;
  const m: FloatRun = f32 ? v.f32 : v.f64;
  const at = v.a >> (f32 ? 2 : 3);
  const run = f32 ? (max ? v.argmax32 : v.argmin32) : max ? v.argmax64 : v.argmin64;
  let best = 0;
  let bestValue = NaN;
  for (let d = 0; d < n; d += VM_CHUNK) {
    const c = Math.min(VM_CHUNK, n - d);
    m.set(a.subarray(ia + d, ia + d + c), at);
    const k = d + run(v.a, c);
    const x = a[ia + k]!;
    if (x !== x) return k;
    if (d === 0 || (max ? x > bestValue : x < bestValue)) {
      best = k;
      bestValue = x;
    }
  }
  return best;
}

/**
 * `acc[ao + j] += src[so + r * rs + j]` for r < rows, j < cols, row after row (a sum over an
 * outer axis into a contiguous row of sums), through WASM: the accumulator row stays in the
 * module's memory while the rows are copied in, many at a time, and added in order, so each
 * sum is the JS row adds' to the bit. False, having done nothing, where the kernels are
 * unavailable or the rows are short.
 */
export function rowSums(acc: Float64Array | Float32Array, ao: number, src: Float64Array | Float32Array, so: number, rows: number, cols: number, rs: number): boolean {
  if (cols < MIN_BINARY || rows < 2) return false;
  const v = vmath();
  if (v === null) return false;
  const f32 = acc instanceof Float32Array;
  if (f32 !== src instanceof Float32Array) return false;
  const m: FloatRun = f32 ? v.f32 : v.f64;
  const shift = f32 ? 2 : 3;
  const run = f32 ? v.addrows32 : v.addrows64;
  const width = Math.min(cols, VM_CHUNK);
  const at = v.a >> shift;
  const bt = v.b >> shift;
  for (let c0 = 0; c0 < cols; c0 += width) {
    const w = Math.min(width, cols - c0);
    const per = Math.floor(VM_CHUNK / w); // rows per trip
    m.set(acc.subarray(ao + c0, ao + c0 + w), bt);
    for (let r = 0; r < rows; r += per) {
      const k = Math.min(per, rows - r);
      rowsIn(m, at, src, so + r * rs + c0, rs, k, w);
      run(v.b, v.a, k, w);
    }
    acc.set(m.subarray(bt, bt + w), ao + c0);
  }
  return true;
}

/** The most scratch a transposed copy takes: two blocks of 2 MB (it then works in blocks). */
const TRANSPOSE_BLOCK_BYTES = 2 << 20;

/**
 * The float32 transposed copy of kernels/elementwise.ts (`TransposeCopy`), `o[io + r*or + c] =
 * a[ia + r + c*ac]` for r < rows, c < cols, with the source contiguous along r, through
 * WASM: blocks of whole output rows (at most 2 MB), each gathered from `cols` contiguous
 * source runs, transposed by SIMD shuffles and written back by rows. False (nothing done)
 * where the kernels are unavailable or a block could not hold 16 rows.
 */
export function transposeRuns(rows: number, cols: number, o: Float64Array | Float32Array, io: number, or: number, a: Float64Array | Float32Array, ia: number, ac: number): boolean {
  const f32 = o instanceof Float32Array;
  // float32 only: float64 measured slower than the JS strips (2.1 against 1.8 ms at
  // 1000 x 1000: gathering the source runs costs what the shuffles save)
  if (!f32 || !(a instanceof Float32Array)) return false;
  const es = f32 ? 4 : 8;
  const R = Math.min(rows, Math.floor(TRANSPOSE_BLOCK_BYTES / es / cols));
  if (R < 16 && R < rows) return false;
  const v = vmath();
  if (v === null) return false;
  let src: number;
  try {
    src = scratch(v, 2 * R * cols * es);
  } catch {
    return false; // the memory could not grow: the JS strips do it
  }
  const dst = src + R * cols * es;
  const m: FloatRun = f32 ? v.f32 : v.f64;
  const run = f32 ? v.transpose32 : v.transpose64;
  const s0 = src / es;
  const d0 = dst / es;
  for (let r0 = 0; r0 < rows; r0 += R) {
    const nr = Math.min(R, rows - r0);
    for (let c = 0; c < cols; c++) m.set(a.subarray(ia + r0 + c * ac, ia + r0 + c * ac + nr), s0 + c * nr);
    run(src, nr, cols, dst);
    rowsOut(o, io + r0 * or, or, m, d0, nr, cols);
  }
  return true;
}

/**
 * argmax (`max`) or argmin of each of `rows` contiguous rows of `len` values (row r at
 * `ia + r * ra`) into `out[io + r * so]`, through WASM: many rows copied per trip, each
 * scanned by the kernel (`argrows64/32`, the scans of `argRuns`). False (nothing done) where
 * the kernels are unavailable, a row is longer than a chunk or the work is small.
 */
export function argRows(a: Float64Array | Float32Array, ia: number, ra: number, rows: number, len: number, max: boolean, out: { [i: number]: number }, io: number, so: number): boolean {
  if (len < 2 || len > VM_CHUNK || rows < 2 || rows * len < MIN_ARG) return false;
  const v = vmath();
  if (v === null) return false;
  const f32 = a instanceof Float32Array;
  const m: FloatRun = f32 ? v.f32 : v.f64;
  const at = v.a >> (f32 ? 2 : 3);
  const res = v.bad >> 2;
  const run = f32 ? v.argrows32 : v.argrows64;
  const per = Math.floor(VM_CHUNK / len); // rows per trip (at most VM_CHUNK / 2 indices in `bad`)
  for (let r = 0; r < rows; r += per) {
    const k = Math.min(per, rows - r);
    rowsIn(m, at, a, ia + r * ra, ra, k, len);
    run(max ? 1 : 0, v.a, len, k, v.bad);
    for (let i = 0, q = io + r * so; i < k; i++, q += so) out[q] = v.i32[res + i]!;
  }
  return true;
}

// AssemblyScript source of the WASM SIMD element-wise kernels (compiled by build.mjs into
// vmath-wasm.ts; see kernels/vmath.ts for the JS side). Not TypeScript: asc compiles it.
// All pointers are byte offsets into this module's memory.
//
// `bin64(op, n, pa, pb)` / `bin32`: a[i] = a[i] op b[i] over n float64 / float32 values, op
// 0 add, 1 subtract, 2 multiply, 3 divide; `bins64(op, n, pa, s)` / `bins32`: a[i] = a[i] op
// s with a scalar s, op also 4 (s - a[i]) and 5 (s / a[i]). IEEE operations on the dtype
// itself: the bits of the JS loops (a float32 +, -, *, / done in float64 and rounded to
// float32, as a Float32Array store does, is the float32 operation).
//
// `exp64(n, p, tab, bad)` overwrites the n float64 values at p with their exponentials by the
// algorithm of kernels/exp.ts (`fastExp`), operation for operation, so the bits are the same:
// x = (64e + j) ln2/64 + r, exp(x) = 2^e * (T[j] + (L[j] + T[j] * p(r))). Every number the
// algorithm uses comes from kernels/exp.ts, which writes it at `tab` (byte offsets):
//   0: T, 64 float64; 512: L, 64 float64;
//   1024: 64/ln2, 1.5*2^52, ln2hi/64, ln2lo/64, 1/120, 1/24, 1/6, 1/2, 1, 708 (float64).
// Values outside |x| <= 708 (and NaN) are left in place and their indices written as i32 at
// `bad`; the function returns how many, and the caller evaluates those with Math.exp, as
// fastExp does. `exp32` is the same over float32 values, each evaluated in float64 and
// rounded to float32 on store (the rounding of a Float32Array store). WASM SIMD has no fused
// multiply-add, so each lane rounds as the scalar JS code does.
//
// The main loops take 8 values per trip as four independent f64x2 chains: one chain per trip
// leaves the CPU waiting on the polynomial's latency (measured 2x slower). Constants live in
// locals loaded once per call (a v128.const per use costs several instructions in V8).

// @ts-ignore: decorator
@inline
function cst(tab: usize, i: i32): f64 {
  return load<f64>(tab + 1024 + (<usize>i << 3));
}

// One value in range (|x| <= 708): fastExp's arithmetic in scalar form.
// @ts-ignore: decorator
@inline
function expIn(x: f64, tab: usize): f64 {
  const k = x * cst(tab, 0) + cst(tab, 1) - cst(tab, 1);
  const r = x - k * cst(tab, 2) - k * cst(tab, 3);
  const ki = <i32>k;
  const j = ki & 63;
  const p = r * (cst(tab, 8) + r * (cst(tab, 7) + r * (cst(tab, 6) + r * (cst(tab, 5) + r * cst(tab, 4)))));
  const th = load<f64>(tab + (<usize>j << 3));
  const tl = load<f64>(tab + (<usize>j << 3), 512);
  const scale = reinterpret<f64>(<i64>((ki >> 6) + 1023) << 52);
  return (th + (tl + th * p)) * scale;
}

// Two values in range, as f64x2: the lanes of expIn.
// @ts-ignore: decorator
@inline
function exp2In(x: v128, tab: usize, inv: v128, shift: v128, l2hi: v128, l2lo: v128, c5: v128, c4: v128, c3: v128, c2: v128, c1: v128): v128 {
  const k = f64x2.sub(f64x2.add(f64x2.mul(x, inv), shift), shift);
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(k, l2hi)), f64x2.mul(k, l2lo));
  const ki = i32x4.trunc_sat_f64x2_s_zero(k);
  let p = f64x2.add(c4, f64x2.mul(r, c5));
  p = f64x2.add(c3, f64x2.mul(r, p));
  p = f64x2.add(c2, f64x2.mul(r, p));
  p = f64x2.add(c1, f64x2.mul(r, p));
  p = f64x2.mul(r, p);
  const j0 = tab + (<usize>(i32x4.extract_lane(ki, 0) & 63) << 3);
  const j1 = tab + (<usize>(i32x4.extract_lane(ki, 1) & 63) << 3);
  const th = f64x2.replace_lane(v128.load64_zero(j0), 1, load<f64>(j1));
  const tl = f64x2.replace_lane(v128.load64_zero(j0, 512), 1, load<f64>(j1, 512));
  const e = i32x4.add(i32x4.shr_s(ki, 6), i32x4.splat(1023));
  const scale = i64x2.shl(i64x2.extend_low_i32x4_s(e), 52);
  return f64x2.mul(f64x2.add(th, f64x2.add(tl, f64x2.mul(th, p))), scale);
}

// Whether both lanes are in range (false for NaN lanes).
// @ts-ignore: decorator
@inline
function inRange(x: v128, limit: v128): v128 {
  return f64x2.le(f64x2.abs(x), limit);
}

// Records index i as the nbad-th value left to the caller; returns the new count.
// @ts-ignore: decorator
@inline
function note(bad: usize, nbad: i32, i: i32): i32 {
  store<i32>(bad + (<usize>nbad << 2), i);
  return nbad + 1;
}

// One value through the scalar path: evaluated, or left to the caller.
// @ts-ignore: decorator
@inline
function exp1At64(q: usize, i: i32, tab: usize, bad: usize, nbad: i32): i32 {
  const x = load<f64>(q);
  if (Math.abs(x) <= cst(tab, 9)) {
    store<f64>(q, expIn(x, tab));
    return nbad;
  }
  return note(bad, nbad, i);
}

// @ts-ignore: decorator
@inline
function exp1At32(q: usize, i: i32, tab: usize, bad: usize, nbad: i32): i32 {
  const x = <f64>load<f32>(q);
  if (Math.abs(x) <= cst(tab, 9)) {
    store<f32>(q, <f32>expIn(x, tab));
    return nbad;
  }
  return note(bad, nbad, i);
}

export function exp64(n: i32, p: usize, tab: usize, bad: usize): i32 {
  const inv = v128.load64_splat(tab, 1024);
  const shift = v128.load64_splat(tab, 1032);
  const l2hi = v128.load64_splat(tab, 1040);
  const l2lo = v128.load64_splat(tab, 1048);
  const c5 = v128.load64_splat(tab, 1056);
  const c4 = v128.load64_splat(tab, 1064);
  const c3 = v128.load64_splat(tab, 1072);
  const c2 = v128.load64_splat(tab, 1080);
  const c1 = v128.load64_splat(tab, 1088);
  const limit = v128.load64_splat(tab, 1096);
  let nbad = 0;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const q = p + (<usize>i << 3);
    const x0 = v128.load(q);
    const x1 = v128.load(q, 16);
    const x2 = v128.load(q, 32);
    const x3 = v128.load(q, 48);
    const ok = v128.and(v128.and(inRange(x0, limit), inRange(x1, limit)), v128.and(inRange(x2, limit), inRange(x3, limit)));
    if (i64x2.all_true(ok)) {
      v128.store(q, exp2In(x0, tab, inv, shift, l2hi, l2lo, c5, c4, c3, c2, c1));
      v128.store(q, exp2In(x1, tab, inv, shift, l2hi, l2lo, c5, c4, c3, c2, c1), 16);
      v128.store(q, exp2In(x2, tab, inv, shift, l2hi, l2lo, c5, c4, c3, c2, c1), 32);
      v128.store(q, exp2In(x3, tab, inv, shift, l2hi, l2lo, c5, c4, c3, c2, c1), 48);
    } else {
      for (let l = 0; l < 8; l++) nbad = exp1At64(q + (<usize>l << 3), i + l, tab, bad, nbad);
    }
  }
  for (; i < n; i++) nbad = exp1At64(p + (<usize>i << 3), i, tab, bad, nbad);
  return nbad;
}

export function exp32(n: i32, p: usize, tab: usize, bad: usize): i32 {
  const inv = v128.load64_splat(tab, 1024);
  const shift = v128.load64_splat(tab, 1032);
  const l2hi = v128.load64_splat(tab, 1040);
  const l2lo = v128.load64_splat(tab, 1048);
  const c5 = v128.load64_splat(tab, 1056);
  const c4 = v128.load64_splat(tab, 1064);
  const c3 = v128.load64_splat(tab, 1072);
  const c2 = v128.load64_splat(tab, 1080);
  const c1 = v128.load64_splat(tab, 1088);
  const limit = v128.load64_splat(tab, 1096);
  let nbad = 0;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const q = p + (<usize>i << 2);
    const lo = v128.load(q);
    const hi = v128.load(q, 16);
    const x0 = f64x2.promote_low_f32x4(lo);
    const x1 = f64x2.promote_low_f32x4(i64x2.shuffle(lo, lo, 1, 0));
    const x2 = f64x2.promote_low_f32x4(hi);
    const x3 = f64x2.promote_low_f32x4(i64x2.shuffle(hi, hi, 1, 0));
    const ok = v128.and(v128.and(inRange(x0, limit), inRange(x1, limit)), v128.and(inRange(x2, limit), inRange(x3, limit)));
    if (i64x2.all_true(ok)) {
      const y0 = f32x4.demote_f64x2_zero(exp2In(x0, tab, inv, shift, l2hi, l2lo, c5, c4, c3, c2, c1));
      const y1 = f32x4.demote_f64x2_zero(exp2In(x1, tab, inv, shift, l2hi, l2lo, c5, c4, c3, c2, c1));
      const y2 = f32x4.demote_f64x2_zero(exp2In(x2, tab, inv, shift, l2hi, l2lo, c5, c4, c3, c2, c1));
      const y3 = f32x4.demote_f64x2_zero(exp2In(x3, tab, inv, shift, l2hi, l2lo, c5, c4, c3, c2, c1));
      v128.store(q, i64x2.shuffle(y0, y1, 0, 2));
      v128.store(q, i64x2.shuffle(y2, y3, 0, 2), 16);
    } else {
      for (let l = 0; l < 8; l++) nbad = exp1At32(q + (<usize>l << 2), i + l, tab, bad, nbad);
    }
  }
  for (; i < n; i++) nbad = exp1At32(p + (<usize>i << 2), i, tab, bad, nbad);
  return nbad;
}

// One binary operation on f64x2 / f32x4 lanes and on scalars (op is a constant after inlining).
// @ts-ignore: decorator
@inline
function v64(op: i32, x: v128, y: v128): v128 {
  if (op == 0) return f64x2.add(x, y);
  if (op == 1) return f64x2.sub(x, y);
  if (op == 2) return f64x2.mul(x, y);
  if (op == 3) return f64x2.div(x, y);
  if (op == 4) return f64x2.sub(y, x);
  return f64x2.div(y, x);
}

// @ts-ignore: decorator
@inline
function s64(op: i32, x: f64, y: f64): f64 {
  if (op == 0) return x + y;
  if (op == 1) return x - y;
  if (op == 2) return x * y;
  if (op == 3) return x / y;
  if (op == 4) return y - x;
  return y / x;
}

// @ts-ignore: decorator
@inline
function v32(op: i32, x: v128, y: v128): v128 {
  if (op == 0) return f32x4.add(x, y);
  if (op == 1) return f32x4.sub(x, y);
  if (op == 2) return f32x4.mul(x, y);
  if (op == 3) return f32x4.div(x, y);
  if (op == 4) return f32x4.sub(y, x);
  return f32x4.div(y, x);
}

// @ts-ignore: decorator
@inline
function s32(op: i32, x: f32, y: f32): f32 {
  if (op == 0) return x + y;
  if (op == 1) return x - y;
  if (op == 2) return x * y;
  if (op == 3) return x / y;
  if (op == 4) return y - x;
  return y / x;
}

// a[i] = a[i] op b[i], 8 float64 (4 vectors) per trip.
// @ts-ignore: decorator
@inline
function run64(op: i32, n: i32, pa: usize, pb: usize): void {
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const o = <usize>i << 3;
    const qa = pa + o;
    const qb = pb + o;
    v128.store(qa, v64(op, v128.load(qa), v128.load(qb)));
    v128.store(qa, v64(op, v128.load(qa, 16), v128.load(qb, 16)), 16);
    v128.store(qa, v64(op, v128.load(qa, 32), v128.load(qb, 32)), 32);
    v128.store(qa, v64(op, v128.load(qa, 48), v128.load(qb, 48)), 48);
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(pa + o, s64(op, load<f64>(pa + o), load<f64>(pb + o)));
  }
}

// a[i] = a[i] op s, 8 float64 per trip.
// @ts-ignore: decorator
@inline
function runs64(op: i32, n: i32, pa: usize, s: f64): void {
  const y = f64x2.splat(s);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const qa = pa + (<usize>i << 3);
    v128.store(qa, v64(op, v128.load(qa), y));
    v128.store(qa, v64(op, v128.load(qa, 16), y), 16);
    v128.store(qa, v64(op, v128.load(qa, 32), y), 32);
    v128.store(qa, v64(op, v128.load(qa, 48), y), 48);
  }
  for (; i < n; i++) {
    const qa = pa + (<usize>i << 3);
    store<f64>(qa, s64(op, load<f64>(qa), s));
  }
}

// a[i] = a[i] op b[i], 16 float32 (4 vectors) per trip.
// @ts-ignore: decorator
@inline
function run32(op: i32, n: i32, pa: usize, pb: usize): void {
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const o = <usize>i << 2;
    const qa = pa + o;
    const qb = pb + o;
    v128.store(qa, v32(op, v128.load(qa), v128.load(qb)));
    v128.store(qa, v32(op, v128.load(qa, 16), v128.load(qb, 16)), 16);
    v128.store(qa, v32(op, v128.load(qa, 32), v128.load(qb, 32)), 32);
    v128.store(qa, v32(op, v128.load(qa, 48), v128.load(qb, 48)), 48);
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(pa + o, s32(op, load<f32>(pa + o), load<f32>(pb + o)));
  }
}

// a[i] = a[i] op s, 16 float32 per trip.
// @ts-ignore: decorator
@inline
function runs32(op: i32, n: i32, pa: usize, s: f32): void {
  const y = f32x4.splat(s);
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const qa = pa + (<usize>i << 2);
    v128.store(qa, v32(op, v128.load(qa), y));
    v128.store(qa, v32(op, v128.load(qa, 16), y), 16);
    v128.store(qa, v32(op, v128.load(qa, 32), y), 32);
    v128.store(qa, v32(op, v128.load(qa, 48), y), 48);
  }
  for (; i < n; i++) {
    const qa = pa + (<usize>i << 2);
    store<f32>(qa, s32(op, load<f32>(qa), s));
  }
}

// Each of k rows of n values at pa (one after another) combined with the one row at pb:
// a_r[i] = a_r[i] op b[i], op 0-5 as in `bins64` (4, 5: b - a, b / a).
export function binrows64(op: i32, pa: usize, pb: usize, k: i32, n: i32): void {
  const rb = <usize>n << 3;
  if (op == 0) for (let r = 0; r < k; r++) run64(0, n, pa + <usize>r * rb, pb);
  else if (op == 1) for (let r = 0; r < k; r++) run64(1, n, pa + <usize>r * rb, pb);
  else if (op == 2) for (let r = 0; r < k; r++) run64(2, n, pa + <usize>r * rb, pb);
  else if (op == 3) for (let r = 0; r < k; r++) run64(3, n, pa + <usize>r * rb, pb);
  else if (op == 4) for (let r = 0; r < k; r++) run64(4, n, pa + <usize>r * rb, pb);
  else for (let r = 0; r < k; r++) run64(5, n, pa + <usize>r * rb, pb);
}

export function binrows32(op: i32, pa: usize, pb: usize, k: i32, n: i32): void {
  const rb = <usize>n << 2;
  if (op == 0) for (let r = 0; r < k; r++) run32(0, n, pa + <usize>r * rb, pb);
  else if (op == 1) for (let r = 0; r < k; r++) run32(1, n, pa + <usize>r * rb, pb);
  else if (op == 2) for (let r = 0; r < k; r++) run32(2, n, pa + <usize>r * rb, pb);
  else if (op == 3) for (let r = 0; r < k; r++) run32(3, n, pa + <usize>r * rb, pb);
  else if (op == 4) for (let r = 0; r < k; r++) run32(4, n, pa + <usize>r * rb, pb);
  else for (let r = 0; r < k; r++) run32(5, n, pa + <usize>r * rb, pb);
}

export function bin64(op: i32, n: i32, pa: usize, pb: usize): void {
  if (op == 0) run64(0, n, pa, pb);
  else if (op == 1) run64(1, n, pa, pb);
  else if (op == 2) run64(2, n, pa, pb);
  else run64(3, n, pa, pb);
}

export function bins64(op: i32, n: i32, pa: usize, s: f64): void {
  if (op == 0) runs64(0, n, pa, s);
  else if (op == 1) runs64(1, n, pa, s);
  else if (op == 2) runs64(2, n, pa, s);
  else if (op == 3) runs64(3, n, pa, s);
  else if (op == 4) runs64(4, n, pa, s);
  else runs64(5, n, pa, s);
}

export function bin32(op: i32, n: i32, pa: usize, pb: usize): void {
  if (op == 0) run32(0, n, pa, pb);
  else if (op == 1) run32(1, n, pa, pb);
  else if (op == 2) run32(2, n, pa, pb);
  else run32(3, n, pa, pb);
}

export function bins32(op: i32, n: i32, pa: usize, s: f64): void {
  const y = <f32>s; // s is a float32 value read from a Float32Array: exact
  if (op == 0) runs32(0, n, pa, y);
  else if (op == 1) runs32(1, n, pa, y);
  else if (op == 2) runs32(2, n, pa, y);
  else if (op == 3) runs32(3, n, pa, y);
  else if (op == 4) runs32(4, n, pa, y);
  else runs32(5, n, pa, y);
}

// NumPy's pairwise sum of n contiguous float64 at p (kernels/reduce.ts `pairwiseSum`, the
// same tree and order): blocks of at most 128 summed in 8 accumulators, here the lanes of
// four f64x2 (accumulator k in vector k >> 1, lane k & 1), combined as
// ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), then the block's last n % 8 in order.
// `psq64(p, n, m)` sums (x - m)^2 over the same tree (kernels/moments.ts `pairwiseSqDevF64`).
export function psum64(p: usize, n: i32): f64 {
  return tree64(false, p, n, 0.0);
}

export function psq64(p: usize, n: i32, m: f64): f64 {
  return tree64(true, p, n, m);
}

// A leaf of the sum: the value, or its squared deviation from m.
// @ts-ignore: decorator
@inline
function leaf64(sq: bool, x: f64, m: f64): f64 {
  if (!sq) return x;
  const d = x - m;
  return d * d;
}

// @ts-ignore: decorator
@inline
function leafv64(sq: bool, x: v128, m: v128): v128 {
  if (!sq) return x;
  const d = f64x2.sub(x, m);
  return f64x2.mul(d, d);
}

// @ts-ignore: decorator
@inline
function tree64(sq: bool, p: usize, n: i32, m: f64): f64 {
  if (n < 8) {
    let r: f64 = -0.0;
    for (let i = 0; i < n; i++) r += leaf64(sq, load<f64>(p + (<usize>i << 3)), m);
    return r;
  }
  if (n <= 128) {
    const mv = f64x2.splat(m);
    let v0 = leafv64(sq, v128.load(p), mv);
    let v1 = leafv64(sq, v128.load(p, 16), mv);
    let v2 = leafv64(sq, v128.load(p, 32), mv);
    let v3 = leafv64(sq, v128.load(p, 48), mv);
    const end = n - (n & 7);
    let i = 8;
    for (; i < end; i += 8) {
      const q = p + (<usize>i << 3);
      v0 = f64x2.add(v0, leafv64(sq, v128.load(q), mv));
      v1 = f64x2.add(v1, leafv64(sq, v128.load(q, 16), mv));
      v2 = f64x2.add(v2, leafv64(sq, v128.load(q, 32), mv));
      v3 = f64x2.add(v3, leafv64(sq, v128.load(q, 48), mv));
    }
    const a = f64x2.extract_lane(v0, 0) + f64x2.extract_lane(v0, 1) + (f64x2.extract_lane(v1, 0) + f64x2.extract_lane(v1, 1));
    const b = f64x2.extract_lane(v2, 0) + f64x2.extract_lane(v2, 1) + (f64x2.extract_lane(v3, 0) + f64x2.extract_lane(v3, 1));
    let r = a + b;
    for (; i < n; i++) r += leaf64(sq, load<f64>(p + (<usize>i << 3)), m);
    return r;
  }
  let n2 = n >> 1;
  n2 -= n2 & 7;
  const q = p + (<usize>n2 << 3);
  if (sq) return psq64(p, n2, m) + psq64(q, n - n2, m);
  return psum64(p, n2) + psum64(q, n - n2);
}

// out[r] = psum64 of row r, for k rows of n values laid out one after another at p.
export function psumrows64(p: usize, n: i32, k: i32, out: usize): void {
  for (let r = 0; r < k; r++) store<f64>(out + (<usize>r << 3), psum64(p + (<usize>(r * n) << 3), n));
}

// The same over float32 in float32 arithmetic (`pairwiseSum32`, `pairwiseSqDevF32`: the
// deviation, its square and every partial rounded to float32): accumulators r0..r3 in one
// f32x4 and r4..r7 in another.
export function psum32(p: usize, n: i32): f32 {
  return tree32(false, p, n, 0.0);
}

export function psumrows32(p: usize, n: i32, k: i32, out: usize): void {
  for (let r = 0; r < k; r++) store<f32>(out + (<usize>r << 2), psum32(p + (<usize>(r * n) << 2), n));
}

export function psq32(p: usize, n: i32, m: f64): f32 {
  return tree32(true, p, n, <f32>m); // m is a float32 value: exact
}

// @ts-ignore: decorator
@inline
function leaf32(sq: bool, x: f32, m: f32): f32 {
  if (!sq) return x;
  const d = x - m;
  return d * d;
}

// @ts-ignore: decorator
@inline
function leafv32(sq: bool, x: v128, m: v128): v128 {
  if (!sq) return x;
  const d = f32x4.sub(x, m);
  return f32x4.mul(d, d);
}

// @ts-ignore: decorator
@inline
function tree32(sq: bool, p: usize, n: i32, m: f32): f32 {
  if (n < 8) {
    let r: f32 = -0.0;
    for (let i = 0; i < n; i++) r += leaf32(sq, load<f32>(p + (<usize>i << 2)), m);
    return r;
  }
  if (n <= 128) {
    const mv = f32x4.splat(m);
    let v0 = leafv32(sq, v128.load(p), mv);
    let v1 = leafv32(sq, v128.load(p, 16), mv);
    const end = n - (n & 7);
    let i = 8;
    for (; i < end; i += 8) {
      const q = p + (<usize>i << 2);
      v0 = f32x4.add(v0, leafv32(sq, v128.load(q), mv));
      v1 = f32x4.add(v1, leafv32(sq, v128.load(q, 16), mv));
    }
    const a = f32x4.extract_lane(v0, 0) + f32x4.extract_lane(v0, 1) + (f32x4.extract_lane(v0, 2) + f32x4.extract_lane(v0, 3));
    const b = f32x4.extract_lane(v1, 0) + f32x4.extract_lane(v1, 1) + (f32x4.extract_lane(v1, 2) + f32x4.extract_lane(v1, 3));
    let r = a + b;
    for (; i < n; i++) r += leaf32(sq, load<f32>(p + (<usize>i << 2)), m);
    return r;
  }
  let n2 = n >> 1;
  n2 -= n2 & 7;
  const q = p + (<usize>n2 << 2);
  if (sq) return psq32(p, n2, m) + psq32(q, n - n2, m);
  return psum32(p, n2) + psum32(q, n - n2);
}

// argmax / argmin of n >= 1 contiguous values at p, as kernels/arg-reduce.ts scans them: the
// index of the first NaN if there is one, else of the first extreme. Two passes: the extreme
// by f64x2.max / min (which return NaN when a lane is NaN, and order -0 below +0), then the
// first index equal to it (-0 == +0, so the first of either, as a `>` scan keeps).
export function argmax64(p: usize, n: i32): i32 {
  return argext64(true, p, n);
}

export function argmin64(p: usize, n: i32): i32 {
  return argext64(false, p, n);
}

export function argmax32(p: usize, n: i32): i32 {
  return argext32(true, p, n);
}

export function argmin32(p: usize, n: i32): i32 {
  return argext32(false, p, n);
}

// out[r] (i32) = argmax (max != 0) or argmin of row r, for k rows of n values one after
// another at p.
export function argrows64(max: i32, p: usize, n: i32, k: i32, out: usize): void {
  const rb = <usize>n << 3;
  if (max) for (let r = 0; r < k; r++) store<i32>(out + (<usize>r << 2), argext64(true, p + <usize>r * rb, n));
  else for (let r = 0; r < k; r++) store<i32>(out + (<usize>r << 2), argext64(false, p + <usize>r * rb, n));
}

export function argrows32(max: i32, p: usize, n: i32, k: i32, out: usize): void {
  const rb = <usize>n << 2;
  if (max) for (let r = 0; r < k; r++) store<i32>(out + (<usize>r << 2), argext32(true, p + <usize>r * rb, n));
  else for (let r = 0; r < k; r++) store<i32>(out + (<usize>r << 2), argext32(false, p + <usize>r * rb, n));
}

// @ts-ignore: decorator
@inline
function ext64(max: bool, x: v128, y: v128): v128 {
  return max ? f64x2.max(x, y) : f64x2.min(x, y);
}

// @ts-ignore: decorator
@inline
function argext64(max: bool, p: usize, n: i32): i32 {
  let i = 0;
  let m: f64;
  if (n >= 8) {
    let v0 = v128.load(p);
    let v1 = v128.load(p, 16);
    let v2 = v128.load(p, 32);
    let v3 = v128.load(p, 48);
    for (i = 8; i + 8 <= n; i += 8) {
      const q = p + (<usize>i << 3);
      v0 = ext64(max, v0, v128.load(q));
      v1 = ext64(max, v1, v128.load(q, 16));
      v2 = ext64(max, v2, v128.load(q, 32));
      v3 = ext64(max, v3, v128.load(q, 48));
    }
    const t = ext64(max, ext64(max, v0, v1), ext64(max, v2, v3));
    const t2 = ext64(max, t, i64x2.shuffle(t, t, 1, 0));
    m = f64x2.extract_lane(t2, 0);
  } else {
    m = load<f64>(p);
    i = 1;
  }
  for (; i < n; i++) {
    const x = load<f64>(p + (<usize>i << 3));
    if (x != x) m = x;
    else if (max ? x > m : x < m) m = x;
  }
  if (m != m) {
    for (let k = 0; k < n; k++) {
      const x = load<f64>(p + (<usize>k << 3));
      if (x != x) return k;
    }
  }
  const mv = f64x2.splat(m);
  let k = 0;
  for (; k + 2 <= n; k += 2) {
    const q = p + (<usize>k << 3);
    if (v128.any_true(f64x2.eq(v128.load(q), mv))) return load<f64>(q) == m ? k : k + 1;
  }
  return k; // the last, odd element (the extreme is somewhere)
}

// @ts-ignore: decorator
@inline
function ext32(max: bool, x: v128, y: v128): v128 {
  return max ? f32x4.max(x, y) : f32x4.min(x, y);
}

// @ts-ignore: decorator
@inline
function argext32(max: bool, p: usize, n: i32): i32 {
  let i = 0;
  let m: f32;
  if (n >= 16) {
    let v0 = v128.load(p);
    let v1 = v128.load(p, 16);
    let v2 = v128.load(p, 32);
    let v3 = v128.load(p, 48);
    for (i = 16; i + 16 <= n; i += 16) {
      const q = p + (<usize>i << 2);
      v0 = ext32(max, v0, v128.load(q));
      v1 = ext32(max, v1, v128.load(q, 16));
      v2 = ext32(max, v2, v128.load(q, 32));
      v3 = ext32(max, v3, v128.load(q, 48));
    }
    let t = ext32(max, ext32(max, v0, v1), ext32(max, v2, v3));
    t = ext32(max, t, i64x2.shuffle(t, t, 1, 0));
    t = ext32(max, t, i32x4.shuffle(t, t, 1, 0, 3, 2));
    m = f32x4.extract_lane(t, 0);
  } else {
    m = load<f32>(p);
    i = 1;
  }
  for (; i < n; i++) {
    const x = load<f32>(p + (<usize>i << 2));
    if (x != x) m = x;
    else if (max ? x > m : x < m) m = x;
  }
  if (m != m) {
    for (let k = 0; k < n; k++) {
      const x = load<f32>(p + (<usize>k << 2));
      if (x != x) return k;
    }
  }
  const mv = f32x4.splat(m);
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    const q = p + (<usize>k << 2);
    const eq = i32x4.bitmask(f32x4.eq(v128.load(q), mv));
    if (eq != 0) return k + ctz(eq);
  }
  for (; k < n; k++) {
    if (load<f32>(p + (<usize>k << 2)) == m) return k;
  }
  return n - 1; // not reached: the extreme is one of the values
}

// acc[j] += row[j] for each of k rows of n values laid out one after another at pr, in row
// order (so each acc[j] is ((acc[j] + r0[j]) + r1[j]) + ..., the order of the JS row adds).
export function addrows64(pacc: usize, pr: usize, k: i32, n: i32): void {
  for (let r = 0; r < k; r++) run64(0, n, pacc, pr + (<usize>(r * n) << 3));
}

export function addrows32(pacc: usize, pr: usize, k: i32, n: i32): void {
  for (let r = 0; r < k; r++) run32(0, n, pacc, pr + (<usize>(r * n) << 2));
}

// Reverses n float64 (float32) values at p in place, two vectors at a time from both ends.
export function rev64(p: usize, n: i32): void {
  let i = 0;
  let j = n - 2;
  for (; i + 2 <= j; i += 2, j -= 2) {
    const qi = p + (<usize>i << 3);
    const qj = p + (<usize>j << 3);
    const x = v128.load(qi);
    const y = v128.load(qj);
    v128.store(qi, i64x2.shuffle(y, y, 1, 0));
    v128.store(qj, i64x2.shuffle(x, x, 1, 0));
  }
  // the middle, fewer than four values
  let lo = i;
  let hi = j + 1;
  for (; lo < hi; lo++, hi--) {
    const ql = p + (<usize>lo << 3);
    const qh = p + (<usize>hi << 3);
    const t = load<f64>(ql);
    store<f64>(ql, load<f64>(qh));
    store<f64>(qh, t);
  }
}

export function rev32(p: usize, n: i32): void {
  let i = 0;
  let j = n - 4;
  for (; i + 4 <= j; i += 4, j -= 4) {
    const qi = p + (<usize>i << 2);
    const qj = p + (<usize>j << 2);
    const x = v128.load(qi);
    const y = v128.load(qj);
    v128.store(qi, i32x4.shuffle(y, y, 3, 2, 1, 0));
    v128.store(qj, i32x4.shuffle(x, x, 3, 2, 1, 0));
  }
  let lo = i;
  let hi = j + 3;
  for (; lo < hi; lo++, hi--) {
    const ql = p + (<usize>lo << 2);
    const qh = p + (<usize>hi << 2);
    const t = load<f32>(ql);
    store<f32>(ql, load<f32>(qh));
    store<f32>(qh, t);
  }
}

// dst[r * cols + c] = src[c * rows + r] for r < rows, c < cols: the transpose of a cols x rows
// block (row length rows) into a rows x cols block, by 2 x 2 (float64) / 4 x 4 (float32)
// tiles of vector shuffles, the rest element by element.
export function transpose64(src: usize, rows: i32, cols: i32, dst: usize): void {
  const sr = <usize>rows << 3;
  const dr = <usize>cols << 3;
  const r2 = rows & ~1;
  const c2 = cols & ~1;
  // 16 x 16 blocks, so the lines read and written stay in cache while the block is done
  for (let cb = 0; cb < c2; cb += 16) {
    const ce = min(cb + 16, c2);
    for (let rb = 0; rb < r2; rb += 16) {
      const re = min(rb + 16, r2);
      for (let c = cb; c < ce; c += 2) {
        const s0 = src + <usize>c * sr;
        const d0 = dst + (<usize>c << 3);
        for (let r = rb; r < re; r += 2) {
          const x = v128.load(s0 + (<usize>r << 3)); // (c, r), (c, r+1)
          const y = v128.load(s0 + sr + (<usize>r << 3)); // (c+1, r), (c+1, r+1)
          const q = d0 + <usize>r * dr;
          v128.store(q, i64x2.shuffle(x, y, 0, 2));
          v128.store(q + dr, i64x2.shuffle(x, y, 1, 3));
        }
      }
    }
  }
  for (let c = 0; c < cols; c++) {
    for (let r = c < c2 ? r2 : 0; r < rows; r++) store<f64>(dst + <usize>r * dr + (<usize>c << 3), load<f64>(src + <usize>c * sr + (<usize>r << 3)));
  }
}

export function transpose32(src: usize, rows: i32, cols: i32, dst: usize): void {
  const sr = <usize>rows << 2;
  const dr = <usize>cols << 2;
  const r4 = rows & ~3;
  const c4 = cols & ~3;
  for (let cb = 0; cb < c4; cb += 16) {
    const ce = min(cb + 16, c4);
    for (let rb = 0; rb < r4; rb += 16) {
      const re = min(rb + 16, r4);
      for (let c = cb; c < ce; c += 4) {
        const s0 = src + <usize>c * sr;
        const d0 = dst + (<usize>c << 2);
        for (let r = rb; r < re; r += 4) {
      const o = <usize>r << 2;
      const x0 = v128.load(s0 + o);
      const x1 = v128.load(s0 + sr + o);
      const x2 = v128.load(s0 + 2 * sr + o);
      const x3 = v128.load(s0 + 3 * sr + o);
      const t0 = i32x4.shuffle(x0, x1, 0, 4, 1, 5);
      const t1 = i32x4.shuffle(x2, x3, 0, 4, 1, 5);
      const t2 = i32x4.shuffle(x0, x1, 2, 6, 3, 7);
      const t3 = i32x4.shuffle(x2, x3, 2, 6, 3, 7);
      const q = d0 + <usize>r * dr;
      v128.store(q, i64x2.shuffle(t0, t1, 0, 2));
      v128.store(q + dr, i64x2.shuffle(t0, t1, 1, 3));
      v128.store(q + 2 * dr, i64x2.shuffle(t2, t3, 0, 2));
      v128.store(q + 3 * dr, i64x2.shuffle(t2, t3, 1, 3));
        }
      }
    }
  }
  for (let c = 0; c < cols; c++) {
    for (let r = c < c4 ? r4 : 0; r < rows; r++) store<f32>(dst + <usize>r * dr + (<usize>c << 2), load<f32>(src + <usize>c * sr + (<usize>r << 2)));
  }
}

// Reverses each of k rows of n values laid out one after another at p, in place.
export function revrows64(p: usize, k: i32, n: i32): void {
  for (let r = 0; r < k; r++) rev64(p + ((<usize>r * <usize>n) << 3), n);
}

export function revrows32(p: usize, k: i32, n: i32): void {
  for (let r = 0; r < k; r++) rev32(p + ((<usize>r * <usize>n) << 2), n);
}

/** The first free byte of memory (16-aligned), where the JS side lays out its buffers. */
export function heap(): usize {
  return (__heap_base + 15) & ~<usize>15;
}

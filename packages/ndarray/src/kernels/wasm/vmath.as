// AssemblyScript source of the WASM SIMD element-wise math kernels (compiled by build.mjs
// into vmath-wasm.ts; see kernels/exp.ts for the JS side). Not TypeScript: asc compiles it.
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

/** The first free byte of memory (16-aligned), where the JS side lays out its buffers. */
export function heap(): usize {
  return (__heap_base + 15) & ~<usize>15;
}

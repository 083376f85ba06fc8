// AssemblyScript source of the WASM SIMD GEMM block kernel (compiled by build.mjs into
// gemm-wasm.ts; see matmul-wasm.ts for the JS side). Not TypeScript: asc compiles it.
//
// `block` multiplies a packed mc x kc block of A by a packed kc x nc block of B into C
// (row-major, leading dimension ldc, pointer at the block's corner), overwriting when
// `first` is nonzero and accumulating otherwise. Packing (done in JS): A in row panels of
// 4 rows (panel ir at ir*kc: for each p, 4 values), B in column panels of 4 columns
// (panel jr at jr*kc: for each p, 4 values); mc and nc are multiples of 4 (zero-padded).
// All pointers are byte offsets into this module's memory. The micro-kernel keeps a 4 x 4
// tile of C in eight f64x2 accumulators.

export function block(mc: i32, nc: i32, kc: i32, pa: usize, pb: usize, pc: usize, ldc: i32, first: i32): void {
  const rowBytes = <usize>ldc << 3;
  for (let jr = 0; jr < nc; jr += 4) {
    const bp = pb + (<usize>(jr * kc) << 3);
    for (let ir = 0; ir < mc; ir += 4) {
      let ap = pa + (<usize>(ir * kc) << 3);
      let bq = bp;
      let c00 = f64x2.splat(0.0);
      let c01 = f64x2.splat(0.0);
      let c10 = f64x2.splat(0.0);
      let c11 = f64x2.splat(0.0);
      let c20 = f64x2.splat(0.0);
      let c21 = f64x2.splat(0.0);
      let c30 = f64x2.splat(0.0);
      let c31 = f64x2.splat(0.0);
      for (let p = 0; p < kc; p++) {
        const b0 = v128.load(bq);
        const b1 = v128.load(bq, 16);
        const a0 = v128.load64_splat(ap);
        const a1 = v128.load64_splat(ap, 8);
        const a2 = v128.load64_splat(ap, 16);
        const a3 = v128.load64_splat(ap, 24);
        c00 = f64x2.add(c00, f64x2.mul(a0, b0));
        c01 = f64x2.add(c01, f64x2.mul(a0, b1));
        c10 = f64x2.add(c10, f64x2.mul(a1, b0));
        c11 = f64x2.add(c11, f64x2.mul(a1, b1));
        c20 = f64x2.add(c20, f64x2.mul(a2, b0));
        c21 = f64x2.add(c21, f64x2.mul(a2, b1));
        c30 = f64x2.add(c30, f64x2.mul(a3, b0));
        c31 = f64x2.add(c31, f64x2.mul(a3, b1));
        ap += 32;
        bq += 32;
      }
      let cp = pc + ((<usize>ir * rowBytes) + (<usize>jr << 3));
      if (first) {
        v128.store(cp, c00);
        v128.store(cp, c01, 16);
        cp += rowBytes;
        v128.store(cp, c10);
        v128.store(cp, c11, 16);
        cp += rowBytes;
        v128.store(cp, c20);
        v128.store(cp, c21, 16);
        cp += rowBytes;
        v128.store(cp, c30);
        v128.store(cp, c31, 16);
      } else {
        v128.store(cp, f64x2.add(v128.load(cp), c00));
        v128.store(cp, f64x2.add(v128.load(cp, 16), c01), 16);
        cp += rowBytes;
        v128.store(cp, f64x2.add(v128.load(cp), c10));
        v128.store(cp, f64x2.add(v128.load(cp, 16), c11), 16);
        cp += rowBytes;
        v128.store(cp, f64x2.add(v128.load(cp), c20));
        v128.store(cp, f64x2.add(v128.load(cp, 16), c21), 16);
        cp += rowBytes;
        v128.store(cp, f64x2.add(v128.load(cp), c30));
        v128.store(cp, f64x2.add(v128.load(cp, 16), c31), 16);
      }
    }
  }
}

// `block32`: the float32 kernel, same contract with float32 elements: A in row panels of
// 4 rows, B in column panels of 8 columns (panel jr at jr*kc: for each p, 8 values), nc a
// multiple of 8, C row-major float32. A 4 x 8 tile of C in eight f32x4 accumulators; sums
// are float32, as NumPy's sgemm.
export function block32(mc: i32, nc: i32, kc: i32, pa: usize, pb: usize, pc: usize, ldc: i32, first: i32): void {
  const rowBytes = <usize>ldc << 2;
  for (let jr = 0; jr < nc; jr += 8) {
    const bp = pb + (<usize>(jr * kc) << 2);
    for (let ir = 0; ir < mc; ir += 4) {
      let ap = pa + (<usize>(ir * kc) << 2);
      let bq = bp;
      let c00 = f32x4.splat(0.0);
      let c01 = f32x4.splat(0.0);
      let c10 = f32x4.splat(0.0);
      let c11 = f32x4.splat(0.0);
      let c20 = f32x4.splat(0.0);
      let c21 = f32x4.splat(0.0);
      let c30 = f32x4.splat(0.0);
      let c31 = f32x4.splat(0.0);
      for (let p = 0; p < kc; p++) {
        const b0 = v128.load(bq);
        const b1 = v128.load(bq, 16);
        const a0 = v128.load32_splat(ap, 0);
        c00 = f32x4.add(c00, f32x4.mul(a0, b0));
        c01 = f32x4.add(c01, f32x4.mul(a0, b1));
        const a1 = v128.load32_splat(ap, 4);
        c10 = f32x4.add(c10, f32x4.mul(a1, b0));
        c11 = f32x4.add(c11, f32x4.mul(a1, b1));
        const a2 = v128.load32_splat(ap, 8);
        c20 = f32x4.add(c20, f32x4.mul(a2, b0));
        c21 = f32x4.add(c21, f32x4.mul(a2, b1));
        const a3 = v128.load32_splat(ap, 12);
        c30 = f32x4.add(c30, f32x4.mul(a3, b0));
        c31 = f32x4.add(c31, f32x4.mul(a3, b1));
        ap += 16;
        bq += 32;
      }
      let cp = pc + ((<usize>ir * rowBytes) + (<usize>jr << 2));
      if (first) {
        v128.store(cp, c00);
        v128.store(cp, c01, 16);
        cp += rowBytes;
        v128.store(cp, c10);
        v128.store(cp, c11, 16);
        cp += rowBytes;
        v128.store(cp, c20);
        v128.store(cp, c21, 16);
        cp += rowBytes;
        v128.store(cp, c30);
        v128.store(cp, c31, 16);
      } else {
        v128.store(cp, f32x4.add(v128.load(cp), c00));
        v128.store(cp, f32x4.add(v128.load(cp, 16), c01), 16);
        cp += rowBytes;
        v128.store(cp, f32x4.add(v128.load(cp), c10));
        v128.store(cp, f32x4.add(v128.load(cp, 16), c11), 16);
        cp += rowBytes;
        v128.store(cp, f32x4.add(v128.load(cp), c20));
        v128.store(cp, f32x4.add(v128.load(cp, 16), c21), 16);
        cp += rowBytes;
        v128.store(cp, f32x4.add(v128.load(cp), c30));
        v128.store(cp, f32x4.add(v128.load(cp, 16), c31), 16);
      }
    }
  }
}

// Packing. The JS side copies a block of B (kc rows of nc values, row length ld) or of A (mc
// rows of kc values) into this memory row by row (bulk copies), and these lay it out as the
// block kernels read it, zero-padding the last panel: `packb64` / `packb32` into column
// panels of 4 / 8 (panel j: for each p, its 4 / 8 values of row p), `packa` into row panels
// of 4 (panel i: for each p, the values of its 4 rows at column p), with values of 8
// (float64) or 4 (float32) bytes.
export function packb64(src: usize, ld: i32, kc: i32, nc: i32, dst: usize): void {
  const stride = <usize>ld << 3;
  let q = dst;
  const full = nc & ~3;
  for (let j = 0; j < full; j += 4) {
    let s = src + (<usize>j << 3);
    for (let p = 0; p < kc; p++, s += stride, q += 32) {
      v128.store(q, v128.load(s));
      v128.store(q, v128.load(s, 16), 16);
    }
  }
  if (full < nc) {
    const r = nc - full;
    let s = src + (<usize>full << 3);
    for (let p = 0; p < kc; p++, s += stride, q += 32) {
      for (let t = 0; t < 4; t++) store<f64>(q + (<usize>t << 3), t < r ? load<f64>(s + (<usize>t << 3)) : 0.0);
    }
  }
}

export function packb32(src: usize, ld: i32, kc: i32, nc: i32, dst: usize): void {
  const stride = <usize>ld << 2;
  let q = dst;
  const full = nc & ~7;
  for (let j = 0; j < full; j += 8) {
    let s = src + (<usize>j << 2);
    for (let p = 0; p < kc; p++, s += stride, q += 32) {
      v128.store(q, v128.load(s));
      v128.store(q, v128.load(s, 16), 16);
    }
  }
  if (full < nc) {
    const r = nc - full;
    let s = src + (<usize>full << 2);
    for (let p = 0; p < kc; p++, s += stride, q += 32) {
      for (let t = 0; t < 8; t++) store<f32>(q + (<usize>t << 2), t < r ? load<f32>(s + (<usize>t << 2)) : <f32>0.0);
    }
  }
}

export function packa64(src: usize, ld: i32, mc: i32, kc: i32, dst: usize): void {
  const stride = <usize>ld << 3;
  let q = dst;
  for (let i = 0; i < mc; i += 4) {
    const r = min(4, mc - i);
    const row = src + <usize>i * stride;
    for (let p = 0; p < kc; p++, q += 32) {
      const s = row + (<usize>p << 3);
      for (let t = 0; t < 4; t++) store<f64>(q + (<usize>t << 3), t < r ? load<f64>(s + <usize>t * stride) : 0.0);
    }
  }
}

export function packa32(src: usize, ld: i32, mc: i32, kc: i32, dst: usize): void {
  const stride = <usize>ld << 2;
  let q = dst;
  for (let i = 0; i < mc; i += 4) {
    const r = min(4, mc - i);
    const row = src + <usize>i * stride;
    for (let p = 0; p < kc; p++, q += 16) {
      const s = row + (<usize>p << 2);
      for (let t = 0; t < 4; t++) store<f32>(q + (<usize>t << 2), t < r ? load<f32>(s + <usize>t * stride) : <f32>0.0);
    }
  }
}

// The float32 packers for operands stored the other way round (column-major A, whose 4-row
// panels take 4 contiguous values per p, staged p-major like B; and column-major B, whose
// 8-column panels are staged line by line like A): `packp32x4` (p-major staging, panels of
// 4) and `packl32x8` (line-major staging, panels of 8). The float64 ones are `packb64` and
// `packa64`, whose panels are 4 wide either way.
export function packp32x4(src: usize, ld: i32, kc: i32, nc: i32, dst: usize): void {
  const stride = <usize>ld << 2;
  let q = dst;
  const full = nc & ~3;
  for (let j = 0; j < full; j += 4) {
    let s = src + (<usize>j << 2);
    for (let p = 0; p < kc; p++, s += stride, q += 16) v128.store(q, v128.load(s));
  }
  if (full < nc) {
    const r = nc - full;
    let s = src + (<usize>full << 2);
    for (let p = 0; p < kc; p++, s += stride, q += 16) {
      for (let t = 0; t < 4; t++) store<f32>(q + (<usize>t << 2), t < r ? load<f32>(s + (<usize>t << 2)) : <f32>0.0);
    }
  }
}

export function packl32x8(src: usize, ld: i32, mc: i32, kc: i32, dst: usize): void {
  const stride = <usize>ld << 2;
  let q = dst;
  for (let i = 0; i < mc; i += 8) {
    const r = min(8, mc - i);
    const row = src + <usize>i * stride;
    for (let p = 0; p < kc; p++, q += 32) {
      const s = row + (<usize>p << 2);
      for (let t = 0; t < 8; t++) store<f32>(q + (<usize>t << 2), t < r ? load<f32>(s + <usize>t * stride) : <f32>0.0);
    }
  }
}

/**
 * NumPy's samplers (`numpy/random/src/distributions/distributions.c`,
 * `legacy-distributions.c`), re-implemented from their algorithms so that each consumes the
 * same bits and does the same floating-point operations, in the same order, as NumPy:
 *
 * - uniform floats: 53 bits / 2^53 (float64), 24 bits / 2^24 (float32);
 * - the standard normal and exponential by the 256-box ziggurat (Marsaglia and Tsang, with
 *   NumPy's bit layout of one 64-bit draw: box index, sign, 52-bit magnitude), with the
 *   tail drawn by `-log1p(-U)` and the wedges by a comparison with `exp`;
 * - the legacy polar Gauss method (Marsaglia's variant of Box-Muller), which makes two
 *   normals per accepted point and keeps the second for the next call;
 * - the binomial by inversion when `n * min(p, 1-p) <= 30`, else Kachitvichyanukul and
 *   Schmeiser's BTPE (triangle, parallelogram and exponential tails, then a squeeze and a
 *   Stirling-series test, exactly as NumPy 2.4 writes them).
 *
 * float32 samplers round every operation to single precision (`Math.fround`), as C's
 * `float` arithmetic does.
 */
import type { BitGenerator } from './bit-generator.js';
import { log, log1p, log1pf } from './libm.js';
import { FE, FI, KE, KI, WE, WI } from './ziggurat-tables.js';
import { FE_F, FI_F, KE_F, KI_F, WE_F, WI_F } from './ziggurat-tables-f32.js';

const fr = Math.fround;
const NOR_R = 3.6541528853610087963519472518;
const NOR_INV_R = 0.27366123732975827203338247596; // NumPy's literal, not 1 / NOR_R
const EXP_R = 7.6971174701310497140446280481;
const NOR_R_F = fr(NOR_R);
const NOR_INV_R_F = fr(NOR_INV_R);
const EXP_R_F = fr(EXP_R);

/** A float32 in [0, 1): the top 24 bits of a 32-bit draw. */
export function nextFloat(bg: BitGenerator): number {
  return (bg.next32() >>> 8) * 5.960464477539063e-8;
}

/** Standard normal, float64 ziggurat. */
export function standardNormal(bg: BitGenerator): number {
  for (;;) {
    bg.next64();
    const lo = bg.lo;
    const idx = lo & 0xff;
    // bits 9..60 of the draw: 29 from the high word, 23 from the low word
    const rabs = (bg.hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    let x = rabs * WI[idx]!;
    if (lo & 0x100) x = -x;
    if (rabs < KI[idx]!) return x; // ~99.3% of draws
    if (idx === 0) {
      // the tail beyond NOR_R, by Marsaglia's exponential method
      for (;;) {
        const xx = -NOR_INV_R * log1p(-bg.nextDouble());
        const yy = -log1p(-bg.nextDouble());
        if (yy + yy > xx * xx) return (lo >>> 17) & 1 ? -(NOR_R + xx) : NOR_R + xx;
      }
    }
    if ((FI[idx - 1]! - FI[idx]!) * bg.nextDouble() + FI[idx]! < Math.exp(-0.5 * x * x)) return x;
  }
}

/** Standard normal, float32 ziggurat on one 32-bit draw (index, sign, 23-bit magnitude). */
export function standardNormalF(bg: BitGenerator): number {
  for (;;) {
    const r = bg.next32();
    const idx = r & 0xff;
    const rabs = (r >>> 9) & 0x7fffff;
    let x = fr(rabs * WI_F[idx]!);
    if ((r >>> 8) & 1) x = -x;
    if (rabs < KI_F[idx]!) return x;
    if (idx === 0) {
      for (;;) {
        const xx = fr(-NOR_INV_R_F * log1pf(-nextFloat(bg)));
        const yy = -log1pf(-nextFloat(bg));
        if (fr(yy + yy) > fr(xx * xx)) return (rabs >>> 8) & 1 ? -fr(NOR_R_F + xx) : fr(NOR_R_F + xx);
      }
    }
    // the wedge test is done in double precision in NumPy too
    if (fr(fr(fr(FI_F[idx - 1]! - FI_F[idx]!) * nextFloat(bg)) + FI_F[idx]!) < Math.exp(-0.5 * x * x)) return x;
  }
}

/** Standard exponential, float64 ziggurat (index from bits 3..10, 53-bit magnitude). */
export function standardExponential(bg: BitGenerator): number {
  for (;;) {
    bg.next64();
    const idx = (bg.lo >>> 3) & 0xff;
    const ri = bg.hi * 2097152 + (bg.lo >>> 11);
    const x = ri * WE[idx]!;
    if (ri < KE[idx]!) return x; // ~98.9% of draws
    if (idx === 0) return EXP_R - log1p(-bg.nextDouble());
    if ((FE[idx - 1]! - FE[idx]!) * bg.nextDouble() + FE[idx]! < Math.exp(-x)) return x;
  }
}

/** Standard exponential, float32 ziggurat. */
export function standardExponentialF(bg: BitGenerator): number {
  for (;;) {
    const r = bg.next32() >>> 1;
    const idx = r & 0xff;
    const ri = r >>> 8;
    const x = fr(ri * WE_F[idx]!);
    if (ri < KE_F[idx]!) return x;
    if (idx === 0) return fr(EXP_R_F - log1pf(-nextFloat(bg)));
    if (fr(fr(fr(FE_F[idx - 1]! - FE_F[idx]!) * nextFloat(bg)) + FE_F[idx]!) < fr(Math.exp(-x))) return x;
  }
}

/** The legacy Gauss state: NumPy's `aug_bitgen_t` (`has_gauss`, `gauss`). */
export interface GaussState {
  hasGauss: boolean;
  gauss: number;
}

/** Legacy standard normal by the polar method, caching the second value of each pair. */
export function legacyGauss(bg: BitGenerator, st: GaussState): number {
  if (st.hasGauss) {
    const t = st.gauss;
    st.hasGauss = false;
    st.gauss = 0;
    return t;
  }
  let x1: number;
  let x2: number;
  let r2: number;
  do {
    x1 = 2 * bg.nextDouble() - 1;
    x2 = 2 * bg.nextDouble() - 1;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1 || r2 === 0);
  const f = Math.sqrt((-2 * log(r2)) / r2);
  st.gauss = f * x1;
  st.hasGauss = true;
  return f * x2;
}

/** Binomial by inversion (sequential search from 0), for `n * p <= 30`. */
function binomialInversion(bg: BitGenerator, n: number, p: number): number {
  const q = 1 - p;
  const qn = Math.exp(n * log1p(-p));
  const np = n * p;
  const bound = Math.trunc(Math.min(n, np + 10 * Math.sqrt(np * q + 1)));
  let x = 0;
  let px = qn;
  let u = bg.nextDouble();
  while (u > px) {
    x++;
    if (x > bound) {
      x = 0;
      px = qn;
      u = bg.nextDouble();
    } else {
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
  }
  return x;
}

/**
 * A Stirling-series term of BTPE's final acceptance test, as NumPy <= 2.4 computes it:
 * with the constant 13680 (the published series has 13860) and all four terms added.
 * NumPy 2.5 corrected both (13860, the last two terms subtracted), which changes a rare
 * accepted or rejected draw; numbat follows the NumPy release it is tested against (2.4).
 */
function stirlingTerm(v: number, v2: number): number {
  return (13680 - (462 - (132 - (99 - 140 / v2) / v2) / v2) / v2) / v / 166320;
}

/** Binomial by BTPE, for `n * min(p, 1-p) > 30`. */
function binomialBtpe(bg: BitGenerator, n: number, p: number): number {
  const r = Math.min(p, 1 - p);
  const q = 1 - r;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * r);
  const laml = a * (1 + a / 2);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1 + a / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;
  let y: number;
  for (;;) {
    const nrq = n * r * q;
    const u = bg.nextDouble() * p4;
    let v = bg.nextDouble();
    if (u <= p1) {
      y = Math.floor(xm - p1 * v + u); // triangle: accept at once
      break;
    }
    if (u <= p2) {
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      y = Math.floor(xl + log(v) / laml);
      if (y < 0 || v === 0) continue;
      v = v * (u - p2) * laml;
    } else {
      y = Math.floor(xr - log(v) / lamr);
      if (y > n || v === 0) continue;
      v = v * (u - p3) * lamr;
    }
    const k = Math.abs(y - m);
    if (!(k > 20 && k < nrq / 2 - 1)) {
      // explicit evaluation of f(y) / f(m)
      const s = r / q;
      const aa = s * (n + 1);
      let f = 1;
      if (m < y) {
        for (let i = m + 1; i <= y; i++) f *= aa / i - s;
      } else if (m > y) {
        for (let i = y + 1; i <= m; i++) f /= aa / i - s;
      }
      if (v > f) continue;
      break;
    }
    // squeeze on log(v), then the exact test with Stirling's series
    const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    const t = (-k * k) / (2 * nrq);
    const av = log(v);
    if (av < t - rho) break;
    if (av > t + rho) continue;
    const x1 = y + 1;
    const f1 = m + 1;
    const z = n + 1 - m;
    const w = n - y + 1;
    const bound =
      xm * log(f1 / x1) +
      (n - m + 0.5) * log(z / w) +
      (y - m) * log((w * r) / (x1 * q)) +
      stirlingTerm(f1, f1 * f1) +
      stirlingTerm(z, z * z) +
      stirlingTerm(x1, x1 * x1) +
      stirlingTerm(w, w * w);
    if (av > bound) continue;
    break;
  }
  if (p > 0.5) y = n - y;
  return y;
}

/** A binomial draw (`0 <= p <= 1`, integer `n >= 0`), NumPy's `random_binomial`. */
export function binomial(bg: BitGenerator, p: number, n: number): number {
  if (n === 0 || p === 0) return 0;
  if (p <= 0.5) return p * n <= 30 ? binomialInversion(bg, n, p) : binomialBtpe(bg, n, p);
  const q = 1 - p;
  return q * n <= 30 ? n - binomialInversion(bg, n, q) : n - binomialBtpe(bg, n, q);
}

/**
 * The C math library as NumPy's random module sees it, bit for bit.
 *
 * NumPy's samplers call `log`, `log1p` and `log1pf` from the platform's C library, and
 * those results reach the drawn numbers directly (the polar Gauss method, the ziggurat
 * tails). V8's `Math.log` is a different, slightly less accurate algorithm: it differs
 * from glibc in the last bit for a few percent of inputs. To draw NumPy's exact numbers
 * this file re-implements the algorithms glibc (>= 2.28) runs on x86-64 CPUs with FMA
 * (every x86-64 server of the last decade): `log` is ARM's optimized-routines algorithm
 * (a 128-entry table of 1/c and log(c), then a short polynomial), `log1p` and `log1pf`
 * are Sun's fdlibm algorithms with glibc's polynomial evaluation order. The places where
 * glibc's compiled code fuses a multiply and an add into one FMA instruction are fused
 * here too, with an exact software {@link fma}. `exp` only ever feeds comparisons in the
 * samplers, so `Math.exp` is used there (a last-bit difference cannot change a draw in
 * practice).
 *
 * The constants below (the log table, the polynomial coefficients) are numeric data of
 * those published algorithms (ARM optimized-routines, MIT licensed; fdlibm, freely
 * granted by Sun), written as shortest round-trip decimals.
 */

const F64 = new Float64Array(1);
/** Little-endian words of `F64[0]`: `[0]` low 32 bits, `[1]` high 32 bits. */
const U32 = new Uint32Array(F64.buffer);
const F32 = new Float32Array(1);
const I32F = new Int32Array(F32.buffer);

/** 2^27 + 1: Veltkamp's splitter for exact products in double precision. */
const SPLITTER = 134217729;

/**
 * `fma(a, b, c)`: `a * b + c` with a single rounding, as the FMA instruction computes it.
 *
 * The product is split exactly (`a*b = p + e`, Dekker), `p + c = s + t` and
 * `t + e = u + v` exactly (Knuth's TwoSum); `u + v` is rounded to odd and added to `s`.
 * Rounding to odd keeps a sticky bit far below the final rounding position, so the last
 * addition rounds as the exact sum would (Boldo and Melquiond's argument; when `p` and `c`
 * cancel, `t` is 0 and the sum is exact anyway). Valid for finite operands whose product
 * neither overflows nor underflows, which is all this file needs.
 */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  let x = SPLITTER * a;
  const ah = x - (x - a);
  const al = a - ah;
  x = SPLITTER * b;
  const bh = x - (x - b);
  const bl = b - bh;
  const e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  const s = p + c;
  let z = s - p;
  const t = (p - (s - z)) + (c - z);
  const u = t + e;
  z = u - t;
  const v = (t - (u - z)) + (e - z);
  if (v === 0) return s + u;
  F64[0] = u;
  if ((U32[0]! & 1) === 0) {
    // u is even: the odd neighbour on v's side is the round-to-odd value of u + v.
    if (u > 0 === v > 0) {
      U32[0] = U32[0]! + 1; // the low word is even, so this never carries
    } else if (U32[0] === 0) {
      U32[0] = 0xffffffff;
      U32[1] = U32[1]! - 1;
    } else {
      U32[0] = U32[0]! - 1;
    }
  }
  return s + F64[0]!;
}

// ---- log: ARM optimized-routines' algorithm as glibc compiles it with FMA ----

const LN2_HI = 0.6931471805598903;
const LN2_LO = 5.497923018708371e-14;
/** log1p(r) - r ~ r^2 (A0 + r A1 + ...), for |r| < 1/256 (table path). */
const A0 = -0.5000000000000001;
const A1 = 0.33333333331825593;
const A2 = -0.2499999999622955;
const A3 = 0.20000304511814496;
const A4 = -0.16667054827627667;
/** log(1 + r) near r = 0 (|log x| < 1/16), degree 12. */
const B0 = -0.5;
const B1 = 0.3333333333333352;
const B2 = -0.24999999999998432;
const B3 = 0.19999999999320328;
const B4 = -0.16666666669929706;
const B5 = 0.14285715076560868;
const B6 = -0.12499997863982555;
const B7 = 0.11110712032936046;
const B8 = -0.10000486757818193;
const B9 = 0.09181994006195467;
const B10 = -0.08328363062289341;

/** Pairs `(invc, logc)` for the 128 subintervals of [0x1.6p-1, 0x1.6p0): c near the centre. */
// prettier-ignore
const LOG_TABLE = new Float64Array([
  1.4504249240398293, -0.3718565645633589, 1.442253508327276, -0.36620682668944937,
  1.4341736174350004, -0.3605888069791945, 1.426183816329995, -0.3550022171419869,
  1.4182825527052965, -0.34944666968829097, 1.4104682921759335, -0.3439217713603284,
  1.4027396147468003, -0.3384271921261188, 1.3950954438932313, -0.332962831494342,
  1.3875338232485754, -0.32752794345742586, 1.3800539211058593, -0.32212257167088865,
  1.3726542695419708, -0.3167462884799761, 1.3653332798446802, -0.3113985598928366,
  1.358090204587874, -0.3060794515165526, 1.3509234892132138, -0.300788424667644,
  1.3438320840699889, -0.2955252968476998, 1.3368146974742003, -0.29028969275850613,
  1.329870114677736, -0.2850812793277555, 1.322997339161106, -0.27989987391470095,
  1.316195352741367, -0.27474526621870154, 1.3094628125672239, -0.2696169863701243,
  1.3027990455471041, -0.26451506180308115, 1.2962024229438942, -0.2594387762767383,
  1.2896726275815547, -0.2543884090981692, 1.2832080305745537, -0.24936321635129843,
  1.276807885983376, -0.24436312405975968, 1.2704714060687552, -0.23938801747897287,
  1.2641976054949482, -0.23443761696705678, 1.257985357514882, -0.22951151871518505,
  1.2518337750655457, -0.2246094963439873, 1.2457421919097305, -0.21973149037705753,
  1.2397094966625508, -0.2148770752847895, 1.2337348463589233, -0.210046029103637,
  1.2278176973028803, -0.20523836373934046, 1.2219570190618474, -0.20045368751368642,
  1.2161519732977757, -0.1956917537758045, 1.2104018095009725, -0.19095237845203883,
  1.204705805718973, -0.18623539250290833, 1.1990631185441964, -0.18154051731551135,
  1.1934733004462308, -0.1768677957431919, 1.1879350812847385, -0.17221657406412305,
  1.1824481322833125, -0.16758697765942543, 1.1770114976921955, -0.16297859687290384,
  1.1716248121809465, -0.15839151377804228, 1.1662869231674715, -0.15382513241456763,
  1.1609977486762766, -0.14927976358922024, 1.1557563220795803, -0.14475495398119165,
  1.1505619105480347, -0.14025044090817573, 1.1454138888505974, -0.1357660466685502,
  1.140311877374656, -0.1313018016355727, 1.1352550225747513, -0.12685731518763532,
  1.1302429094831266, -0.1224325737671279, 1.1252747693068048, -0.11802724521862729,
  1.1203501571039876, -0.11364127671663482, 1.1154683327680124, -0.10927434611278386,
  1.1106291463292157, -0.10492665324943573, 1.1058315813301596, -0.10059761422644442,
  1.1010752177696026, -0.09628717309055901, 1.0963597137952512, -0.09199534069557558,
  1.0916844827550398, -0.08772190036688698, 1.0870487291277784, -0.08346643613867855,
  1.082452357388312, -0.07922916827544668, 1.0778948225025884, -0.0750099004750382,
  1.0733751731601076, -0.07080805133352897, 1.068893585073351, -0.06662408085151128,
  1.0644491706655506, -0.06245745471915143, 1.0600414846328305, -0.0583080438042316,
  1.0556701316181605, -0.05417576112313327, 1.051334750556926, -0.050060547896805474,
  1.0470347288442157, -0.045962101199052086, 1.0427699229652954, -0.04188056008865715,
  1.0385395013738175, -0.03781540056183985, 1.034343418940345, -0.03376684757915882,
  1.0301811073173315, -0.029734619131772888, 1.026052043621297, -0.025718470239212365,
  1.0219561082336197, -0.021718543925430822, 1.0178926505784922, -0.01773446126981071,
  1.0138614436244586, -0.013766252464051831, 1.0098620186501341, -0.009813706322574944,
  1.0058938559734134, -0.005876555150052809, 1.00195696235014, -0.0019550499938532084,
  0.9961089923088509, 0.0038985973556009412, 0.9884170338185201, 0.011650571286395461,
  0.9808429191005297, 0.019342955478919066, 0.9733840169987446, 0.0269766014846482,
  0.9660377568876556, 0.034552359728422744, 0.9588014945307369, 0.04207121767183253,
  0.9516728569073111, 0.049533940950141186, 0.9446494635965822, 0.056941358295944156,
  0.9377288993026223, 0.06429439168346107, 0.9309091073790681, 0.0715936354946507,
  0.924187681612722, 0.07884010933776153, 0.9175626765599192, 0.08603438905970506,
  0.9110320403624034, 0.09317721180013905, 0.9045935839762024, 0.10026951462748457,
  0.8982456375922825, 0.10731170956330516, 0.8919860966782501, 0.11430473320717738,
  0.8858131121185129, 0.12124928503033061, 0.879725075760676, 0.12814583422959913,
  0.8737201372634685, 0.1349951636851756, 0.8677966405782273, 0.1417978768189414,
  0.8619528050060739, 0.14855476039031146, 0.8561872354420692, 0.1552661937658968,
  0.8504983927816893, 0.16193275688146969, 0.8448844572790304, 0.16855539792220497,
  0.8393442741575965, 0.1751343179947753, 0.8338762249349438, 0.1816702989864325,
  0.8284789320557778, 0.18816387146023317, 0.8231510800065832, 0.1946155228479256,
  0.8178913903778707, 0.20102572579389744, 0.8126984007245374, 0.2073952090795501,
  0.8075710029460227, 0.21372429840596396, 0.8025078881160415, 0.2200135945981856,
  0.7975077379364331, 0.22626374162859975, 0.792569604966373, 0.23247494747693054,
  0.7876923641254114, 0.23864766620658884, 0.7828746724940998, 0.24478265647405806,
  0.7781155388790811, 0.25088025827324145, 0.7734139557869777, 0.2569408552510595,
  0.7687687179914933, 0.26296511155101143, 0.7641790698041854, 0.2689531327189343,
  0.7596438763692399, 0.27490553924610595, 0.7551621951078668, 0.2808227248478943,
  0.7507331780216866, 0.286704979267256, 0.7463557196361751, 0.29255295645509705,
  0.7420289364869653, 0.2983670386142876, 0.7377521537065876, 0.30414734587282055,
  0.7335242966002608, 0.30989455774829366, 0.729344777457841, 0.31560871301871884,
]);

/**
 * Natural logarithm, bit-identical to glibc's `log` on x86-64 with FMA.
 * Non-positive, infinite and NaN inputs follow IEEE (`-Infinity` at 0, NaN below 0).
 */
export function log(x: number): number {
  F64[0] = x;
  let hx = U32[1]!;
  const lx = U32[0]!;
  if (hx >= 0x3fee0000 && hx < 0x3ff10900) {
    // |x - 1| < ~1/16: a polynomial in r = x - 1 with r^2/2 split for extra precision.
    if (x === 1) return 0;
    const r = x - 1;
    const r2 = r * r;
    const r3 = r * r2;
    const q1 = fma(r2, B3, fma(r, B2, B1));
    const q2 = fma(r2, B6, fma(r, B5, B4));
    const q3 = fma(r3, B10, fma(r2, B9, fma(r, B8, B7)));
    const poly = fma(fma(q3, r3, q2), r3, q1);
    const w = r * 134217728;
    const rhi = r + w - w;
    const rlo = r - rhi;
    const h2 = rhi * rhi * B0; // exact
    const hi = r + h2;
    let lo = r - hi + h2;
    lo = fma(B0 * rlo, rhi + r, lo);
    return hi + fma(poly, r3, lo);
  }
  let lw = lx;
  const top = hx >>> 16;
  if (top < 0x0010 || top >= 0x7ff0) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    if (!(x > 0)) return NaN;
    // subnormal: scale into the normal range
    F64[0] = x * 4503599627370496;
    hx = U32[1]! - (52 << 20);
    lw = U32[0]!;
  }
  // x = 2^k z with z in [0x1.6p-1, 0x1.6p0), in subinterval i
  const tmp = (hx - 0x3fe60000) | 0;
  const i = (tmp >> 13) & 0x7f;
  const k = tmp >> 20;
  U32[1] = (hx - (tmp & 0xfff00000)) >>> 0;
  U32[0] = lw;
  const z = F64[0]!;
  const invc = LOG_TABLE[2 * i]!;
  const logc = LOG_TABLE[2 * i + 1]!;
  const r = fma(z, invc, -1);
  const w = k * LN2_HI + logc; // k * LN2_HI is exact
  const hi = w + r;
  const lo = fma(k, LN2_LO, w - hi + r);
  const r2 = r * r;
  const p = fma(fma(r, A4, A3), r2, fma(r, A2, A1));
  return fma(r * r2, p, fma(r2, A0, lo)) + hi;
}

// ---- log1p: fdlibm's algorithm, glibc's evaluation order, FMA as glibc compiles it ----

const LN2_HI_F = 6.93147180369123816490e-1; // 0x3fe62e42fee00000: k * LN2_HI_F is exact
const LN2_LO_F = 1.90821492927058770002e-10;
const LP1 = 6.666666666666735130e-1;
const LP2 = 3.999999999940941908e-1;
const LP3 = 2.857142874366239149e-1;
const LP4 = 2.222219843214978396e-1;
const LP5 = 1.818357216161805012e-1;
const LP6 = 1.531383769920937332e-1;
const LP7 = 1.479819860511658591e-1;

/** Sets the high word of a double, keeping its low word. */
function withHigh(x: number, hi: number): number {
  F64[0] = x;
  U32[1] = hi >>> 0;
  return F64[0]!;
}

/**
 * `log(1 + x)`, bit-identical to glibc's `log1p` on x86-64 with FMA. Argument reduction
 * `1 + x = 2^k (1 + f)` with `sqrt(2)/2 < 1 + f < sqrt(2)`, then `log(1 + f)` from
 * `s = f / (2 + f)` and a degree-14 odd series in `s`.
 */
export function log1p(x: number): number {
  F64[0] = x;
  const hx = U32[1]! | 0;
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let c = 0;
  let hu = 0;
  if (hx < 0x3fda827a) {
    // x < 0.41422
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN; // x <= -1
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (ax < 0x3c900000) return x;
      return x - x * x * 0.5; // the fused form rounds once too: x * x * 0.5 is exact
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // -0.2929 < x < 0.41422: f = x exactly
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7ff00000) {
    return x + x;
  }
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      F64[0] = u;
      hu = U32[1]! | 0;
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1 - (u - x) : x - (u - 1); // correction term
      c /= u;
    } else {
      u = x;
      hu = hx;
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHigh(u, hu | 0x3ff00000); // normalise u
    } else {
      k += 1;
      u = withHigh(u, hu | 0x3fe00000); // normalise u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI_F + fma(k, LN2_LO_F, c);
    const r = hfsq * fma(-f, 0.66666666666666666, 1);
    if (k === 0) return f - r;
    return k * LN2_HI_F - (r - fma(k, LN2_LO_F, c) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z2 * z4;
  const r2 = fma(z, LP3, LP2);
  const r3 = fma(z, LP5, LP4);
  const r4 = fma(z, LP7, LP6);
  const r = fma(z6, r4, fma(z4, r3, fma(z, LP1, z2 * r2)));
  const sr = (hfsq + r) * s;
  if (k === 0) return f - (hfsq - sr);
  return k * LN2_HI_F - (hfsq - (fma(k, LN2_LO_F, c) + sr) - f);
}

// ---- log1pf: fdlibm's single-precision algorithm, every operation rounded to float ----

const fr = Math.fround;

function floatBits(x: number): number {
  F32[0] = x;
  return I32F[0]!;
}

function floatFromBits(b: number): number {
  I32F[0] = b;
  return F32[0]!;
}

// single-precision constants by their bit patterns
const LN2_HI_S = floatFromBits(0x3f317180);
const LN2_LO_S = floatFromBits(0x3717f7d1);
const LQ1 = floatFromBits(0x3f2aaaab);
const LQ2 = floatFromBits(0x3ecccccd);
const LQ3 = floatFromBits(0x3e924925);
const LQ4 = floatFromBits(0x3e638e29);
const LQ5 = floatFromBits(0x3e3a3325);
const LQ6 = floatFromBits(0x3e1cd04f);
const LQ7 = floatFromBits(0x3e178897);
const TWO_THIRDS_S = floatFromBits(0x3f2aaaab);

/**
 * `log1pf(x)`: `log(1 + x)` in single precision, bit-identical to glibc's `log1pf`
 * (x86-64 compiles it without FMA, so each operation rounds to float once).
 */
export function log1pf(xIn: number): number {
  const x = fr(xIn);
  const hx = floatBits(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let c = 0;
  let hu = 0;
  if (hx < 0x3ed413d7) {
    if (ax >= 0x3f800000) return x === -1 ? -Infinity : NaN;
    if (ax < 0x31000000) {
      if (ax < 0x24800000) return x;
      return fr(x - fr(fr(x * x) * 0.5));
    }
    if (hx > 0 || hx <= (0xbe95f61f | 0)) {
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7f800000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x5a000000) {
      u = fr(1 + x);
      hu = floatBits(u);
      k = (hu >> 23) - 127;
      c = k > 0 ? fr(1 - fr(u - x)) : fr(x - fr(u - 1));
      c = fr(c / u);
    } else {
      u = x;
      hu = hx;
      k = (hu >> 23) - 127;
      c = 0;
    }
    hu &= 0x007fffff;
    if (hu < 0x3504f7) {
      u = floatFromBits(hu | 0x3f800000);
    } else {
      k += 1;
      u = floatFromBits(hu | 0x3f000000);
      hu = (0x00800000 - hu) >> 2;
    }
    f = fr(u - 1);
  }
  const hfsq = fr(fr(0.5 * f) * f);
  const kf = fr(k);
  if (hu === 0) {
    if (f === 0) {
      if (k === 0) return 0;
      return fr(fr(kf * LN2_HI_S) + fr(c + fr(kf * LN2_LO_S)));
    }
    const r = fr(hfsq * fr(1 - fr(TWO_THIRDS_S * f)));
    if (k === 0) return fr(f - r);
    return fr(fr(kf * LN2_HI_S) - fr(fr(r - fr(fr(kf * LN2_LO_S) + c)) - f));
  }
  const s = fr(f / fr(2 + f));
  const z = fr(s * s);
  let r = fr(LQ6 + fr(z * LQ7));
  r = fr(LQ5 + fr(z * r));
  r = fr(LQ4 + fr(z * r));
  r = fr(LQ3 + fr(z * r));
  r = fr(LQ2 + fr(z * r));
  r = fr(LQ1 + fr(z * r));
  r = fr(z * r);
  const sr = fr(s * fr(hfsq + r));
  if (k === 0) return fr(f - fr(hfsq - sr));
  return fr(fr(kf * LN2_HI_S) - fr(fr(hfsq - fr(sr + fr(fr(kf * LN2_LO_S) + c))) - f));
}

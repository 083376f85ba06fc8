/**
 * NumPy's default bit generator, `PCG64`: a 128-bit linear congruential state
 * `s <- s * M + inc (mod 2^128)` with the XSL-RR output (xor of the two 64-bit halves,
 * rotated right by the top 6 bits of the state).
 *
 * The 128-bit state lives in eight 16-bit limbs (`s0` least significant) so that every
 * partial product (< 2^32) and every column sum (< 2^36) is an exact JS number: one step
 * is 36 small multiplications and no BigInt. Like NumPy, a step comes before each output,
 * and 32-bit draws use the two halves of one 64-bit output, low half first.
 */
import { BitGenerator } from './bit-generator.js';
import { SeedSequence, type SeedLike } from './seed-sequence.js';

// PCG's default 128-bit multiplier 0x2360ED051FC65DA44385DF649FCCF645 in 16-bit limbs.
const M0 = 0xf645;
const M1 = 0x9fcc;
const M2 = 0xdf64;
const M3 = 0x4385;
const M4 = 0x5da4;
const M5 = 0x1fc6;
const M6 = 0xed05;
const M7 = 0x2360;

const TWO16 = 65536;
const INV16 = 1 / 65536;

/** The 16-bit limbs of a 128-bit bigint, least significant first. */
function limbs(v: bigint): number[] {
  const out: number[] = [];
  for (let i = 0; i < 8; i++) out.push(Number((v >> BigInt(16 * i)) & 0xffffn));
  return out;
}

/** NumPy's `PCG64.state` dictionary. */
export interface PCG64State {
  bit_generator: 'PCG64';
  state: { state: bigint; inc: bigint };
  has_uint32: number;
  uinteger: number;
}

/**
 * NumPy's `np.random.PCG64(seed)`: seeded through {@link SeedSequence} exactly as NumPy
 * (four uint64 words: the first two the initial state, the last two the stream).
 *
 * @example
 * const bg = new np.random.PCG64(42);
 * const rng = new np.random.Generator(bg); // same draws as np.random.default_rng(42)
 */
export class PCG64 extends BitGenerator {
  /** The seed sequence the state was derived from. */
  readonly seedSeq: SeedSequence;
  /** State limbs `s[0..7]` and increment limbs `s[8..15]` (16 bits each, least significant first). */
  private readonly s = new Float64Array(16);
  private hasUint32 = false;
  private uinteger = 0;

  constructor(seed?: SeedLike | SeedSequence | null) {
    super();
    this.seedSeq = seed instanceof SeedSequence ? seed : new SeedSequence(seed);
    const w = this.seedSeq.generateState(4, 'uint64');
    // uint64 words: val[k] = w[2k+1] << 32 | w[2k]; state = val0:val1, stream = val2:val3
    const word = (k: number): bigint => (BigInt(w[2 * k + 1]!) << 32n) | BigInt(w[2 * k]!);
    const initState = (word(0) << 64n) | word(1);
    const initSeq = (word(2) << 64n) | word(3);
    this.#seed(initState, initSeq);
  }

  #seed(initState: bigint, initSeq: bigint): void {
    const mask = (1n << 128n) - 1n;
    this.#setLimbs(0n, ((initSeq << 1n) | 1n) & mask);
    this.next64();
    const s = (this.#stateBig() + initState) & mask;
    this.#setLimbs(s, this.#incBig());
    this.next64();
    this.hasUint32 = false;
    this.uinteger = 0;
  }

  #setLimbs(state: bigint, inc: bigint): void {
    this.s.set(limbs(state), 0);
    this.s.set(limbs(inc), 8);
  }

  #stateBig(): bigint {
    return Array.from(this.s.subarray(0, 8)).reduceRight((acc, l) => (acc << 16n) | BigInt(l), 0n);
  }

  #incBig(): bigint {
    return Array.from(this.s.subarray(8, 16)).reduceRight((acc, l) => (acc << 16n) | BigInt(l), 0n);
  }

  /** The state as NumPy's `bit_generator.state` reports it. */
  get state(): PCG64State {
    return {
      bit_generator: 'PCG64',
      state: { state: this.#stateBig(), inc: this.#incBig() },
      has_uint32: this.hasUint32 ? 1 : 0,
      uinteger: this.uinteger,
    };
  }

  set state(st: PCG64State) {
    this.#setLimbs(st.state.state, st.state.inc);
    this.hasUint32 = st.has_uint32 !== 0;
    this.uinteger = st.uinteger >>> 0;
  }

  /**
   * One LCG step, state = state * M + inc (mod 2^128), column by column (each column sum
   * is below 2^36; the carry is its floor over 2^16), then XSL-RR: the xor of the two
   * 64-bit halves rotated right by the top 6 bits of the new state, into `hi`/`lo`.
   */
  next64(): void {
    const s = this.s;
    const a0 = s[0]!;
    const a1 = s[1]!;
    const a2 = s[2]!;
    const a3 = s[3]!;
    const a4 = s[4]!;
    const a5 = s[5]!;
    const a6 = s[6]!;
    const a7 = s[7]!;
    let t = a0 * M0 + s[8]!;
    let c = Math.floor(t * INV16);
    const r0 = t - c * TWO16;
    t = c + a0 * M1 + a1 * M0 + s[9]!;
    c = Math.floor(t * INV16);
    const r1 = t - c * TWO16;
    t = c + a0 * M2 + a1 * M1 + a2 * M0 + s[10]!;
    c = Math.floor(t * INV16);
    const r2 = t - c * TWO16;
    t = c + a0 * M3 + a1 * M2 + a2 * M1 + a3 * M0 + s[11]!;
    c = Math.floor(t * INV16);
    const r3 = t - c * TWO16;
    t = c + a0 * M4 + a1 * M3 + a2 * M2 + a3 * M1 + a4 * M0 + s[12]!;
    c = Math.floor(t * INV16);
    const r4 = t - c * TWO16;
    t = c + a0 * M5 + a1 * M4 + a2 * M3 + a3 * M2 + a4 * M1 + a5 * M0 + s[13]!;
    c = Math.floor(t * INV16);
    const r5 = t - c * TWO16;
    t = c + a0 * M6 + a1 * M5 + a2 * M4 + a3 * M3 + a4 * M2 + a5 * M1 + a6 * M0 + s[14]!;
    c = Math.floor(t * INV16);
    const r6 = t - c * TWO16;
    t = c + a0 * M7 + a1 * M6 + a2 * M5 + a3 * M4 + a4 * M3 + a5 * M2 + a6 * M1 + a7 * M0 + s[15]!;
    const r7 = t - Math.floor(t * INV16) * TWO16;
    s[0] = r0;
    s[1] = r1;
    s[2] = r2;
    s[3] = r3;
    s[4] = r4;
    s[5] = r5;
    s[6] = r6;
    s[7] = r7;
    const xh = (r7 * TWO16 + r6) ^ (r3 * TWO16 + r2);
    const xl = (r5 * TWO16 + r4) ^ (r1 * TWO16 + r0);
    const rot = r7 >>> 10;
    if (rot === 0) {
      this.hi = xh >>> 0;
      this.lo = xl >>> 0;
    } else if (rot < 32) {
      this.hi = ((xh >>> rot) | (xl << (32 - rot))) >>> 0;
      this.lo = ((xl >>> rot) | (xh << (32 - rot))) >>> 0;
    } else if (rot === 32) {
      this.hi = xl >>> 0;
      this.lo = xh >>> 0;
    } else {
      const q = rot - 32;
      this.hi = ((xl >>> q) | (xh << (32 - q))) >>> 0;
      this.lo = ((xh >>> q) | (xl << (32 - q))) >>> 0;
    }
  }

  /** NumPy's buffered `next_uint32`: the low half of a 64-bit draw, then its high half. */
  next32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.next64();
    this.hasUint32 = true;
    this.uinteger = this.hi;
    return this.lo;
  }

  /** `(next64 >> 11) * 2^-53`. */
  nextDouble(): number {
    this.next64();
    return (this.hi * 2097152 + (this.lo >>> 11)) * 1.1102230246251565e-16;
  }
}

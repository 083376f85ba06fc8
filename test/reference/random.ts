/**
 * A naive reference for `np.random`'s integer and uniform streams, written out from the
 * published algorithms with BigInt arithmetic and sharing no code with
 * `packages/ndarray/src/random`: SeedSequence, PCG64 (128-bit LCG, XSL-RR output, the
 * buffered 32-bit draws), MT19937 (legacy seeding), 53-bit doubles, Lemire's bounded
 * integers (32-bit, and 8-bit through a 32-bit buffer), masked rejection, and the
 * Fisher-Yates shuffle with `random_interval`.
 */

const M32 = 0xffffffffn;
const M64 = (1n << 64n) - 1n;
const M128 = (1n << 128n) - 1n;

const mul32 = (a: bigint, b: bigint): bigint => (a * b) & M32;

/** SeedSequence: hash the entropy words into a 4-word pool, then hash the pool out. */
export function refSeedState(seedWords: readonly number[], nWords: number): bigint[] {
  let hc = 0x43b0d7e5n;
  const hashmix = (v: bigint): bigint => {
    v ^= hc;
    hc = mul32(hc, 0x931e8875n);
    v = mul32(v, hc);
    return v ^ (v >> 16n);
  };
  const mix = (x: bigint, y: bigint): bigint => {
    const r = (mul32(0xca01f9ddn, x) - mul32(0x4973f715n, y)) & M32;
    return r ^ (r >> 16n);
  };
  const ent = seedWords.map(BigInt);
  const pool = [0, 1, 2, 3].map((i) => hashmix(i < ent.length ? ent[i]! : 0n));
  for (let s = 0; s < 4; s++) for (let d = 0; d < 4; d++) if (s !== d) pool[d] = mix(pool[d]!, hashmix(pool[s]!));
  for (let s = 4; s < ent.length; s++) for (let d = 0; d < 4; d++) pool[d] = mix(pool[d]!, hashmix(ent[s]!));
  let h = 0x8b51f9ddn;
  const out: bigint[] = [];
  for (let i = 0; i < nWords; i++) {
    let v = pool[i % 4]! ^ h;
    h = mul32(h, 0x58f38dedn);
    v = mul32(v, h);
    out.push(v ^ (v >> 16n));
  }
  return out;
}

/** The 32-bit words of a non-negative integer seed, low first. */
export function refSeedWords(seed: number | bigint): number[] {
  let n = BigInt(seed);
  if (n === 0n) return [0];
  const w: number[] = [];
  while (n > 0n) {
    w.push(Number(n & M32));
    n >>= 32n;
  }
  return w;
}

/** A source of 32- and 64-bit draws. */
export interface RefBits {
  next64(): bigint;
  next32(): bigint;
}

/** PCG64 with a BigInt state. */
export class RefPCG64 implements RefBits {
  state = 0n;
  inc = 0n;
  buffered: bigint | null = null;

  constructor(seedWords: readonly number[]) {
    const w = refSeedState(seedWords, 8);
    const u64 = (k: number): bigint => (w[2 * k + 1]! << 32n) | w[2 * k]!;
    this.inc = (((u64(2) << 64n) | u64(3)) << 1n | 1n) & M128;
    this.step();
    this.state = (this.state + ((u64(0) << 64n) | u64(1))) & M128;
    this.step();
  }

  step(): void {
    this.state = (this.state * 0x2360ed051fc65da44385df649fccf645n + this.inc) & M128;
  }

  next64(): bigint {
    this.step();
    const x = ((this.state >> 64n) ^ this.state) & M64;
    const rot = this.state >> 122n;
    return ((x >> rot) | (x << ((64n - rot) & 63n))) & M64;
  }

  next32(): bigint {
    if (this.buffered !== null) {
      const b = this.buffered;
      this.buffered = null;
      return b;
    }
    const x = this.next64();
    this.buffered = x >> 32n;
    return x & M32;
  }
}

/** MT19937 with NumPy's legacy integer seeding. */
export class RefMT19937 implements RefBits {
  mt: bigint[] = [];
  i = 624;

  constructor(seed: number) {
    this.mt = [BigInt(seed)];
    for (let k = 1; k < 624; k++) {
      const p = this.mt[k - 1]!;
      this.mt.push((1812433253n * (p ^ (p >> 30n)) + BigInt(k)) & M32);
    }
  }

  next32(): bigint {
    if (this.i === 624) {
      for (let k = 0; k < 624; k++) {
        const y = (this.mt[k]! & 0x80000000n) | (this.mt[(k + 1) % 624]! & 0x7fffffffn);
        this.mt[k] = this.mt[(k + 397) % 624]! ^ (y >> 1n) ^ (y & 1n ? 0x9908b0dfn : 0n);
      }
      this.i = 0;
    }
    let y = this.mt[this.i++]!;
    y ^= y >> 11n;
    y ^= (y << 7n) & 0x9d2c5680n;
    y ^= (y << 15n) & 0xefc60000n;
    y ^= y >> 18n;
    return y & M32;
  }

  next64(): bigint {
    const hi = this.next32();
    return (hi << 32n) | this.next32();
  }
}

/** PCG64's double: the top 53 bits over 2^53. */
export const refDouble = (b: RefPCG64): number => Number(b.next64() >> 11n) / 2 ** 53;

/** MT19937's double: 27 + 26 bits of two outputs over 2^53. */
export function refLegacyDouble(b: RefMT19937): number {
  const a = b.next32() >> 5n;
  const c = b.next32() >> 6n;
  return Number(a * 67108864n + c) / 2 ** 53;
}

/** Lemire's bounded draw in [0, rng] on 32-bit draws (rng < 2^32 - 1). */
export function refLemire32(b: RefBits, rng: bigint): bigint {
  const excl = rng + 1n;
  let m = b.next32() * excl;
  if ((m & M32) < excl) {
    const threshold = (M32 - rng) % excl;
    while ((m & M32) < threshold) m = b.next32() * excl;
  }
  return m >> 32n;
}

/** Lemire's bounded draw in [0, rng] on bytes cut from 32-bit draws, low byte first. */
export function refLemire8(b: RefBits, rng: bigint, buf: { bytes: bigint[] }): bigint {
  const byte = (): bigint => {
    if (buf.bytes.length === 0) {
      const w = b.next32();
      buf.bytes = [0n, 8n, 16n, 24n].map((s) => (w >> s) & 0xffn);
    }
    return buf.bytes.shift()!;
  };
  const excl = rng + 1n;
  let m = byte() * excl;
  if ((m & 0xffn) < excl) {
    const threshold = (0xffn - rng) % excl;
    while ((m & 0xffn) < threshold) m = byte() * excl;
  }
  return m >> 8n;
}

/** Masked rejection in [0, max] on 32-bit draws. */
export function refMasked(b: RefBits, max: bigint): bigint {
  if (max === 0n) return 0n;
  let mask = 1n;
  while (mask < max) mask = (mask << 1n) | 1n;
  for (;;) {
    const v = b.next32() & mask;
    if (v <= max) return v;
  }
}

/** Fisher-Yates from the top, swapping with a masked draw in [0, i]. */
export function refShuffle<T>(b: RefBits, xs: T[]): T[] {
  for (let i = xs.length - 1; i >= 1; i--) {
    const j = Number(refMasked(b, BigInt(i)));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

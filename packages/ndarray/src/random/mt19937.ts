/**
 * The Mersenne Twister MT19937 behind NumPy's legacy `RandomState`, with NumPy's legacy
 * seeding: an integer seed fills the state with Knuth's multiplier recurrence
 * (`init_genrand`); an array of integers goes through Matsumoto and Nishimura's
 * `init_by_array`; no seed takes 624 words from the OS through {@link SeedSequence}.
 * Doubles take 27 + 26 bits of two consecutive outputs (`(a*2^26 + b) / 2^53`).
 */
import { DTypeError, ValueError } from '../errors.js';
import { BitGenerator } from './bit-generator.js';
import { SeedSequence } from './seed-sequence.js';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** A legacy seed: an integer in [0, 2^32), or a non-empty list of such integers. */
export type LegacySeed = number | bigint | readonly (number | bigint)[] | Uint32Array;

/** NumPy's legacy state tuple `('MT19937', key, pos)`, as `get_state()` returns it. */
export interface MT19937State {
  bit_generator: 'MT19937';
  state: { key: Uint32Array; pos: number };
}

/**
 * The MT19937 bit generator, seeded as `np.random.RandomState(seed)` seeds it.
 *
 * @example
 * const mt = new np.random.MT19937(5);
 * mt.next32(); // the first output of np.random.RandomState(5)
 */
export class MT19937 extends BitGenerator {
  private readonly key = new Uint32Array(N);
  private pos = N;

  constructor(seed?: LegacySeed | null) {
    super();
    this.seed(seed);
  }

  /** Re-seeds as NumPy's `_legacy_seeding` (an integer, an array of integers, or none). */
  seed(seed?: LegacySeed | null): void {
    if (seed === undefined || seed === null) {
      const words = new SeedSequence().generateState(N);
      this.key.set(words);
      this.key[0] = 0x80000000; // MSB set: a non-zero state
      this.pos = N;
      return;
    }
    if (typeof seed === 'number' || typeof seed === 'bigint') {
      if (typeof seed === 'number' && !Number.isInteger(seed)) {
        throw new DTypeError("Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'");
      }
      if (seed < 0 || seed > 0xffffffff) throw new ValueError('Seed must be between 0 and 2**32 - 1');
      this.initGenrand(Number(seed));
      return;
    }
    const list = Array.from(seed as ArrayLike<number | bigint>);
    if (list.length === 0) throw new ValueError('Seed must be non-empty');
    for (const v of list) {
      if (Array.isArray(v)) throw new ValueError('Seed array must be 1-d');
      if (typeof v === 'number' && !Number.isInteger(v)) {
        throw new DTypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
      }
      if (v < 0 || v > 0xffffffff) throw new ValueError('Seed must be between 0 and 2**32 - 1');
    }
    this.initByArray(list.map(Number));
  }

  private initGenrand(s: number): void {
    const mt = this.key;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]!;
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
    this.pos = N;
  }

  private initByArray(initKey: readonly number[]): void {
    const mt = this.key;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, initKey.length); k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + initKey[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= initKey.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.pos = N;
  }

  /** Regenerates the 624 words of state (the twist). */
  private twist(): void {
    const mt = this.key;
    let i = 0;
    for (; i < N - M; i++) {
      const y = (mt[i]! & UPPER_MASK) | (mt[i + 1]! & LOWER_MASK);
      mt[i] = mt[i + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; i < N - 1; i++) {
      const y = (mt[i]! & UPPER_MASK) | (mt[i + 1]! & LOWER_MASK);
      mt[i] = mt[i + M - N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }

  /** One tempered 32-bit output. */
  next32(): number {
    if (this.pos === N) this.twist();
    let y = this.key[this.pos++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Two outputs, the first as the high half. */
  next64(): void {
    this.hi = this.next32();
    this.lo = this.next32();
  }

  /** `(a >> 5) * 2^26 + (b >> 6)` over 2^53, from two outputs. */
  nextDouble(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** The state as NumPy's `bit_generator.state` reports it. */
  get state(): MT19937State {
    return { bit_generator: 'MT19937', state: { key: this.key.slice(), pos: this.pos } };
  }

  set state(st: MT19937State) {
    if (st.state.key.length !== N) throw new ValueError('state must be 624 elements');
    this.key.set(st.state.key);
    this.pos = st.state.pos;
  }
}

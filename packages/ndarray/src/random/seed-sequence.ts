/**
 * NumPy's `SeedSequence`: turns a user's seed (an integer of any size, a list of them, or
 * fresh OS entropy) into well-mixed 32-bit words for a bit generator's initial state.
 *
 * The algorithm is Melissa O'Neill's `seed_seq` alternative as NumPy implements it: the
 * entropy, split into 32-bit words (low word first), is hashed into a 4-word pool with
 * multiply-xorshift hashes and cross-mixed; `generateState` then hashes the pool, cycling,
 * into as many words as requested. All arithmetic is on uint32 (`Math.imul`, `>>> 0`).
 */
import { DTypeError, ValueError } from '../errors.js';

const POOL_SIZE = 4;
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;

/** A seed as NumPy accepts it: a non-negative integer, a list of them, or raw uint32 words. */
export type SeedLike = number | bigint | readonly (number | bigint)[] | Uint32Array;

/** Fresh entropy from the platform's CSPRNG (`crypto.getRandomValues`). */
export function osEntropy(words: number): Uint32Array {
  const out = new Uint32Array(words);
  const c = (globalThis as { crypto?: { getRandomValues(a: Uint32Array): Uint32Array } }).crypto;
  if (c === undefined) throw new ValueError('no source of OS entropy (crypto.getRandomValues) is available');
  c.getRandomValues(out);
  return out;
}

/** The 32-bit words of a non-negative integer, low word first (`[0]` for zero). */
function intWords(n: number | bigint): number[] {
  if (typeof n === 'number') {
    if (!Number.isInteger(n)) throw new DTypeError('seed must be integer');
    if (n < 0) throw new ValueError('expected non-negative integer');
    if (n < 2 ** 32) return [n];
    n = BigInt(n); // an integral double is an exact integer
  }
  if (n < 0n) throw new ValueError('expected non-negative integer');
  if (n === 0n) return [0];
  const out: number[] = [];
  while (n > 0n) {
    out.push(Number(n & 0xffffffffn));
    n >>= 32n;
  }
  return out;
}

/** NumPy's `_coerce_to_uint32_array`: each integer becomes its words, concatenated. */
export function seedWords(seed: SeedLike): number[] {
  if (seed instanceof Uint32Array) return Array.from(seed);
  if (typeof seed === 'number' && !Number.isInteger(seed)) {
    throw new DTypeError(`SeedSequence expects int or sequence of ints for entropy not ${String(seed)}`);
  }
  if (typeof seed === 'number' || typeof seed === 'bigint') return intWords(seed);
  if (!Array.isArray(seed)) {
    throw new DTypeError(`SeedSequence expects int or sequence of ints for entropy not ${String(seed)}`);
  }
  const out: number[] = [];
  for (const v of seed as readonly unknown[]) {
    if (typeof v !== 'number' && typeof v !== 'bigint') {
      if (Array.isArray(v)) throw new DTypeError('SeedSequence does not accept nested sequences.');
      throw new DTypeError('seed must be integer');
    }
    out.push(...intWords(v));
  }
  return out;
}

function hashmix(value: number, hash: { c: number }): number {
  value = (value ^ hash.c) >>> 0;
  hash.c = Math.imul(hash.c, MULT_A) >>> 0;
  value = Math.imul(value, hash.c) >>> 0;
  return (value ^ (value >>> 16)) >>> 0;
}

function mix(x: number, y: number): number {
  const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
  return (r ^ (r >>> 16)) >>> 0;
}

/**
 * NumPy's `np.random.SeedSequence(entropy, spawn_key=...)`.
 *
 * @example
 * const ss = new np.random.SeedSequence(12345);
 * ss.generateState(4); // Uint32Array, the same words as NumPy's
 */
export class SeedSequence {
  /** The entropy it was built from (fresh OS entropy, as a bigint, when none was given). */
  readonly entropy: number | bigint | readonly (number | bigint)[] | Uint32Array;
  /** The position of this sequence in a spawn tree. */
  readonly spawnKey: readonly number[];
  /** The number of 32-bit words in the pool (4). */
  readonly poolSize: number = POOL_SIZE;
  /** How many children `spawn` has made. */
  nChildrenSpawned: number;
  readonly #pool: Uint32Array;

  constructor(entropy?: SeedLike | null, options: { spawnKey?: readonly number[]; nChildrenSpawned?: number } = {}) {
    if (entropy === undefined || entropy === null) {
      const w = osEntropy(POOL_SIZE);
      let v = 0n;
      for (let i = POOL_SIZE - 1; i >= 0; i--) v = (v << 32n) | BigInt(w[i]!);
      entropy = v;
    }
    this.entropy = entropy;
    this.spawnKey = [...(options.spawnKey ?? [])];
    this.nChildrenSpawned = options.nChildrenSpawned ?? 0;
    let words = seedWords(entropy);
    const spawn = seedWords(this.spawnKey as readonly number[]);
    if (spawn.length > 0 && words.length < POOL_SIZE) {
      // zero-pad so that spawned children cannot collide with a longer plain seed
      words = [...words, ...new Array<number>(POOL_SIZE - words.length).fill(0)];
    }
    this.#pool = SeedSequence.#mixEntropy([...words, ...spawn]);
  }

  static #mixEntropy(entropy: readonly number[]): Uint32Array {
    const pool = new Uint32Array(POOL_SIZE);
    const hash = { c: INIT_A };
    for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < entropy.length ? entropy[i]! : 0, hash);
    for (let src = 0; src < POOL_SIZE; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) {
        if (src !== dst) pool[dst] = mix(pool[dst]!, hashmix(pool[src]!, hash));
      }
    }
    for (let src = POOL_SIZE; src < entropy.length; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst]!, hashmix(entropy[src]!, hash));
    }
    return pool;
  }

  /**
   * `n` words of state: uint32 words, or for `'uint64'` `2n` words read in little-endian
   * pairs (so `generateState(2, 'uint64')` is 4 uint32 words, as NumPy's).
   */
  generateState(n: number, dtype: 'uint32' | 'uint64' = 'uint32'): Uint32Array {
    const count = dtype === 'uint64' ? 2 * n : n;
    const out = new Uint32Array(count);
    let hash = INIT_B;
    for (let i = 0; i < count; i++) {
      let v = (this.#pool[i % POOL_SIZE]! ^ hash) >>> 0;
      hash = Math.imul(hash, MULT_B) >>> 0;
      v = Math.imul(v, hash) >>> 0;
      out[i] = (v ^ (v >>> 16)) >>> 0;
    }
    return out;
  }

  /** `n` child sequences with extended spawn keys (NumPy's `spawn`). */
  spawn(n: number): SeedSequence[] {
    if (n < 0) throw new ValueError('n_children must be non-negative');
    const out: SeedSequence[] = [];
    for (let i = this.nChildrenSpawned; i < this.nChildrenSpawned + n; i++) {
      out.push(new SeedSequence(this.entropy, { spawnKey: [...this.spawnKey, i] }));
    }
    this.nChildrenSpawned += n;
    return out;
  }
}

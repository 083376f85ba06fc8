/**
 * Bounded random integers, NumPy's way (`distributions.c`: `random_bounded_*`,
 * `random_interval`). A draw in `[0, rng]` uses either Lemire's multiply-and-reject method
 * (the `Generator`) or masked rejection (the legacy `RandomState`), on 32-bit draws; 8- and
 * 16-bit draws split one 32-bit draw into 4 or 2 pieces, and booleans into 32 bits, through a
 * buffer that lives for one call (an array fill, or one broadcast loop). Ranges above 32
 * bits use 64-bit draws (with bigint arithmetic: those ranges only occur for int64/uint64).
 *
 * Conventions: `rng` is the inclusive range `high - low`; every function returns the
 * offset-free value in `[0, rng]`; callers add `low` (and let the TypedArray wrap).
 */
import type { BitGenerator } from './bit-generator.js';

/** The buffer of 8/16-bit and boolean draws: NumPy's `bcnt` and `buf`. */
export interface DrawBuffer {
  cnt: number;
  buf: number;
}

/** A fresh (empty) buffer. */
export const newBuffer = (): DrawBuffer => ({ cnt: 0, buf: 0 });

/** The smallest `2^k - 1 >= max` (for max < 2^53). */
export function genMask(max: number): number {
  if (max === 0) return 0;
  if (max <= 0xffffffff) return 0xffffffff >>> Math.clz32(max);
  let mask = 0xffffffff;
  while (mask < max) mask = mask * 2 + 1;
  return mask;
}

/** The smallest `2^k - 1 >= max` for a bigint. */
export function genMaskBig(max: bigint): bigint {
  let mask = 0n;
  while (mask < max) mask = (mask << 1n) | 1n;
  return mask;
}

/** High 32 bits of the 64-bit product of two uint32 numbers. */
function mulHi32(x: number, y: number): number {
  const xh = x >>> 16;
  const xl = x & 0xffff;
  const yh = y >>> 16;
  const yl = y & 0xffff;
  const mid = xh * yl + xl * yh + ((xl * yl) >>> 16);
  return xh * yh + Math.floor(mid / 65536);
}

/** Lemire's method on 32-bit draws; `rng < 0xffffffff`. */
export function lemire32(bg: BitGenerator, rng: number): number {
  const excl = rng + 1;
  let x = bg.next32();
  let leftover = Math.imul(x, excl) >>> 0;
  if (leftover < excl) {
    const threshold = (0xffffffff - rng) % excl;
    while (leftover < threshold) {
      x = bg.next32();
      leftover = Math.imul(x, excl) >>> 0;
    }
  }
  return mulHi32(x, excl);
}

/** Masked rejection on 32-bit draws. */
export function masked32(bg: BitGenerator, rng: number, mask: number): number {
  let v: number;
  do v = (bg.next32() & mask) >>> 0;
  while (v > rng);
  return v;
}

/** 16 bits from the buffer (two per 32-bit draw, low half first). */
export function buffered16(bg: BitGenerator, b: DrawBuffer): number {
  if (b.cnt === 0) {
    b.buf = bg.next32();
    b.cnt = 1;
  } else {
    b.buf >>>= 16;
    b.cnt -= 1;
  }
  return b.buf & 0xffff;
}

/** 8 bits from the buffer (four per 32-bit draw, low byte first). */
export function buffered8(bg: BitGenerator, b: DrawBuffer): number {
  if (b.cnt === 0) {
    b.buf = bg.next32();
    b.cnt = 3;
  } else {
    b.buf >>>= 8;
    b.cnt -= 1;
  }
  return b.buf & 0xff;
}

/** One bit from the buffer (32 per 32-bit draw); `rng === 0` gives `off` without a draw. */
export function bufferedBool(bg: BitGenerator, off: number, rng: number, b: DrawBuffer): number {
  if (rng === 0) return off;
  if (b.cnt === 0) {
    b.buf = bg.next32();
    b.cnt = 31;
  } else {
    b.buf >>>= 1;
    b.cnt -= 1;
  }
  return b.buf & 1;
}

/** Lemire's method on buffered draws of `bits` (8 or 16) bits; `rng < 2^bits - 1`. */
function lemireSmall(bg: BitGenerator, rng: number, bits: 8 | 16, b: DrawBuffer): number {
  const next = bits === 16 ? buffered16 : buffered8;
  const lowMask = bits === 16 ? 0xffff : 0xff;
  const excl = rng + 1;
  let m = next(bg, b) * excl;
  let leftover = m & lowMask;
  if (leftover < excl) {
    const threshold = (lowMask - rng) % excl;
    while (leftover < threshold) {
      m = next(bg, b) * excl;
      leftover = m & lowMask;
    }
  }
  return m >>> bits;
}

/** Masked rejection on buffered draws of `bits` (8 or 16) bits. */
function maskedSmall(bg: BitGenerator, rng: number, mask: number, bits: 8 | 16, b: DrawBuffer): number {
  const next = bits === 16 ? buffered16 : buffered8;
  let v: number;
  do v = next(bg, b) & mask;
  while (v > rng);
  return v;
}

/**
 * A sampler of values in `[0, rng]` for a `bits`-wide integer dtype (8, 16 or 32), NumPy's
 * `random_buffered_bounded_uint{8,16,32}`: `rng === 0` draws nothing, the full range takes
 * the raw bits, anything else goes through Lemire or masked rejection. The mask is
 * computed once per sampler; the buffer `b` is shared by the caller's whole loop.
 */
export function boundedSmall(bg: BitGenerator, rng: number, bits: 8 | 16 | 32, masked: boolean, b: DrawBuffer): () => number {
  if (rng === 0) return () => 0;
  const mask = genMask(rng);
  if (bits === 32) {
    if (rng === 0xffffffff) return () => bg.next32();
    return masked ? () => masked32(bg, rng, mask) : () => lemire32(bg, rng);
  }
  const full = bits === 16 ? 0xffff : 0xff;
  if (rng === full) return bits === 16 ? () => buffered16(bg, b) : () => buffered8(bg, b);
  return masked ? () => maskedSmall(bg, rng, mask, bits, b) : () => lemireSmall(bg, rng, bits, b);
}

const U64 = (1n << 64n) - 1n;

/**
 * One value in `[0, rng]` for a 64-bit dtype, NumPy's `random_bounded_uint64`: ranges
 * that fit 32 bits use 32-bit draws (unbuffered), wider ones 64-bit draws.
 */
export function bounded64(bg: BitGenerator, rng: bigint, masked: boolean): bigint {
  if (rng === 0n) return 0n;
  if (rng <= 0xffffffffn) {
    const r = Number(rng);
    if (r === 0xffffffff) return BigInt(bg.next32());
    return BigInt(masked ? masked32(bg, r, genMask(r)) : lemire32(bg, r));
  }
  if (rng === U64) return bg.next64Big();
  if (masked) {
    const mask = genMaskBig(rng);
    let v: bigint;
    do v = bg.next64Big() & mask;
    while (v > rng);
    return v;
  }
  const excl = rng + 1n;
  let m = bg.next64Big() * excl;
  let leftover = m & U64;
  if (leftover < excl) {
    const threshold = (U64 - rng) % excl;
    while (leftover < threshold) {
      m = bg.next64Big() * excl;
      leftover = m & U64;
    }
  }
  return m >> 64n;
}

/**
 * NumPy's `random_bounded_uint64(state, 0, rng, 0, false)` for `rng < 2^53`: the
 * Lemire draw `choice` and its internal shuffles use.
 */
export function boundedIndex(bg: BitGenerator, rng: number): number {
  if (rng === 0) return 0;
  if (rng === 0xffffffff) return bg.next32();
  if (rng < 0xffffffff) return lemire32(bg, rng);
  return Number(bounded64(bg, BigInt(rng), false));
}

/**
 * NumPy's `random_interval(max)`: masked rejection in `[0, max]`, on 32-bit draws when
 * `max` fits 32 bits. Used by `shuffle` and `permutation`.
 */
export function randomInterval(bg: BitGenerator, max: number): number {
  if (max === 0) return 0;
  const mask = genMask(max);
  if (max <= 0xffffffff) {
    let v: number;
    do v = (bg.next32() & mask) >>> 0;
    while (v > max);
    return v;
  }
  const maskHi = Math.floor(mask / 2 ** 32);
  let v: number;
  do {
    bg.next64();
    v = (bg.hi & maskHi) * 2 ** 32 + (bg.lo >>> 0);
  } while (v > max);
  return v;
}

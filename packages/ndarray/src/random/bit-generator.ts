/**
 * The bit-generator interface the samplers draw from: NumPy's `bitgen_t` (`next_uint64`,
 * `next_uint32`, `next_double`).
 *
 * A 64-bit draw is returned as two uint32 halves left in `hi` and `lo` (JS numbers hold
 * 53 bits exactly, and a pair of fields avoids allocating per draw). The samplers read
 * the bits they need from the halves.
 */
export abstract class BitGenerator {
  /** High 32 bits of the last {@link next64} draw. */
  hi = 0;
  /** Low 32 bits of the last {@link next64} draw. */
  lo = 0;

  /** Draws 64 bits into `hi` and `lo` (NumPy's `next_uint64`). */
  abstract next64(): void;

  /** Draws 32 bits as a uint32 number (NumPy's `next_uint32`, with its buffering). */
  abstract next32(): number;

  /** A double in [0, 1) with 53 random bits (NumPy's `next_double`). */
  abstract nextDouble(): number;

  /** The 64-bit draw as a bigint (for the rare 64-bit integer paths). */
  next64Big(): bigint {
    this.next64();
    return (BigInt(this.hi) << 32n) | BigInt(this.lo);
  }
}

/**
 * Inner kernels of advanced (fancy and mask) indexing, driven by `stridedLoop`.
 *
 * Advanced indexing is reduced to one table of element offsets, `offs`, laid out over the
 * broadcast shape of the index arrays: `offs[j]` is the offset (relative to the subspace
 * view) of the element the indices pick at position `j`. Building the table is a strided
 * loop over the index arrays (`indexOffsetsKernel`, `maskOffsetsKernel`, `addKernel`);
 * gathering and scattering are one strided loop over the result shape in which the offsets
 * table is an operand with stride 0 along the subspace axes, and the data operand has
 * stride 0 along the index axes, so each element's address is `p + offs[q]`.
 *
 * No dtype, shape or error decisions are made here: a kernel that meets an index out of
 * range records it in its {@link BoundsState} and stops; the op throws.
 *
 * Loop variables: `i` counts elements; `io` output, `ii` index array, `iq` offsets table,
 * `id` data, `iv` values, `im` mask, `ip` virtual position; `so`, `si`, `sq`, `sd`, `sv`,
 * `sm`, `sp` their steps.
 */
import type { InnerKernel } from '../iter/strided-loop.js';
import type { Buf } from './elementwise.js';

/** The first index found out of range by {@link indexOffsetsKernel}, or null. */
export interface BoundsState {
  bad: number | bigint | null;
}

/**
 * `offs[iq] += stride * idx[ii]` over operands (offs, idx), where negative indices count
 * from the end of an axis of length `size`. An index outside `[-size, size)` is recorded
 * in `state` and the kernel stops (with the C-contiguous table first, the first bad index
 * in C order). `big` marks bigint (int64/uint64) index elements.
 */
export function indexOffsetsKernel(offs: Buf, idx: Buf, big: boolean, stride: number, size: number, state: BoundsState): InnerKernel {
  if (big) {
    const bidx = idx as unknown as { [i: number]: bigint };
    return (n, p, s) => {
      if (state.bad !== null) return;
      let iq = p[0]!;
      let ii = p[1]!;
      const sq = s[0]!;
      const si = s[1]!;
      for (let i = 0; i < n; i++, ii += si, iq += sq) {
        const b = bidx[ii]!;
        let v = Number(b);
        if (v < 0) v += size;
        if (v < 0 || v >= size) {
          state.bad = b;
          return;
        }
        offs[iq] += v * stride;
      }
    };
  }
  return (n, p, s) => {
    if (state.bad !== null) return;
    let iq = p[0]!;
    let ii = p[1]!;
    const sq = s[0]!;
    const si = s[1]!;
    if (sq === 1 && si === 1) {
      for (let i = 0; i < n; i++) {
        let v = idx[ii + i]!;
        if (v < 0) v += size;
        if (v < 0 || v >= size) {
          state.bad = idx[ii + i]!;
          return;
        }
        offs[iq + i] += v * stride;
      }
      return;
    }
    for (let i = 0; i < n; i++, ii += si, iq += sq) {
      let v = idx[ii]!;
      if (v < 0) v += size;
      if (v < 0 || v >= size) {
        state.bad = idx[ii]!;
        return;
      }
      offs[iq] += v * stride;
    }
  };
}

/**
 * Appends to `out` the positions where `mask` is set, over operands (mask, position): the
 * position operand has no buffer, only the strides of the axes the mask covers, so its
 * pointer is the element offset itself. Visits elements in the driver's order, which is C
 * order when the mask is C-contiguous and comes first. `state.count` counts the writes.
 */
export function maskOffsetsKernel(out: Buf, mask: Buf, state: { count: number }): InnerKernel {
  return (n, p, s) => {
    let im = p[0]!;
    let ip = p[1]!;
    const sm = s[0]!;
    const sp = s[1]!;
    let k = state.count;
    for (let i = 0; i < n; i++, im += sm, ip += sp) {
      if (mask[im]) out[k++] = ip;
    }
    state.count = k;
  };
}

/** `out[io] += src[ii]` over operands (out, src): sums a broadcast partial offsets table. */
export function addKernel(out: Buf, src: Buf): InnerKernel {
  return (n, p, s) => {
    let io = p[0]!;
    let ii = p[1]!;
    const so = s[0]!;
    const si = s[1]!;
    for (let i = 0; i < n; i++, io += so, ii += si) out[io] += src[ii]!;
  };
}

/** `out[io] = data[id + offs[iq]]` over operands (out, offs, data): the fancy-indexing gather. */
export function gatherKernel(out: Buf, offs: Buf, data: Buf): InnerKernel {
  return (n, p, s) => {
    let io = p[0]!;
    let iq = p[1]!;
    let id = p[2]!;
    const so = s[0]!;
    const sq = s[1]!;
    const sd = s[2]!;
    if (so === 1 && sd === 0) {
      // along the index axes: one offset per element (a 1-d take)
      if (sq === 1) for (let i = 0; i < n; i++) out[io + i] = data[id + offs[iq + i]!]!;
      else for (let i = 0; i < n; i++, iq += sq) out[io + i] = data[id + offs[iq]!]!;
      return;
    }
    if (so === 1 && sq === 0) {
      // along the subspace: a strided copy from one picked position
      const base = id + offs[iq]!;
      for (let i = 0; i < n; i++) out[io + i] = data[base + i * sd]!;
      return;
    }
    for (let i = 0; i < n; i++, io += so, iq += sq, id += sd) out[io] = data[id + offs[iq]!]!;
  };
}

/**
 * `data[id + offs[iq]] = values[iv]` over operands (offs, data, values): the fancy-indexing
 * scatter. With the offsets table first, the driver walks the index axes in C order, so a
 * repeated index keeps the last value written, as in NumPy.
 */
export function scatterKernel(offs: Buf, data: Buf, values: Buf): InnerKernel {
  return (n, p, s) => {
    let iq = p[0]!;
    let id = p[1]!;
    let iv = p[2]!;
    const sq = s[0]!;
    const sd = s[1]!;
    const sv = s[2]!;
    if (sd === 0 && sv === 0) {
      const v = values[iv]!;
      for (let i = 0; i < n; i++, iq += sq) data[id + offs[iq]!] = v;
      return;
    }
    for (let i = 0; i < n; i++, iq += sq, id += sd, iv += sv) data[id + offs[iq]!] = values[iv]!;
  };
}

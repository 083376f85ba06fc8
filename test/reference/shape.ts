/**
 * A naive reference for the shape family, on plain arrays (`{ dtype, shape, values }`, values
 * in C order): every function walks output multi-indices one by one and computes the input
 * position with index arithmetic written out. Shares no code with numbat; arrays are read
 * with `toPlain` only.
 */
import type { Plain } from './plain.js';

type V = number | bigint;

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The multi-index of flat C-order position `flat` in `shape`. */
function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = flat % shape[d]!;
    flat = Math.floor(flat / shape[d]!);
  }
  return idx;
}

/** The flat C-order position of multi-index `idx` in `shape`. */
function ravel(idx: readonly number[], shape: readonly number[]): number {
  let flat = 0;
  for (let d = 0; d < shape.length; d++) flat = flat * shape[d]! + idx[d]!;
  return flat;
}

/** Builds a plain array of `shape` whose element at each multi-index is `f(index)`. */
function build(dtype: string, shape: readonly number[], f: (idx: number[]) => V): Plain {
  const values: V[] = [];
  for (let k = 0; k < size(shape); k++) values.push(f(unravel(k, shape)));
  return { dtype, shape: shape.slice(), values };
}

function at(p: Plain, idx: readonly number[]): V {
  return p.values[ravel(idx, p.shape)]!;
}

/** `np.reshape` (C order, one -1). */
export function refReshape(p: Plain, shape: readonly number[]): Plain {
  const known = shape.filter((d) => d >= 0).reduce((a, b) => a * b, 1);
  const out = shape.map((d) => (d < 0 ? p.values.length / known : d));
  if (size(out) !== p.values.length) throw new Error('reshape: size mismatch');
  return { dtype: p.dtype, shape: out, values: p.values.slice() };
}

/** `np.transpose` (axes reversed by default). */
export function refTranspose(p: Plain, axes?: readonly number[]): Plain {
  const nd = p.shape.length;
  const perm = (axes ?? p.shape.map((_, i) => nd - 1 - i)).map((a) => (a < 0 ? a + nd : a));
  const shape = perm.map((a) => p.shape[a]!);
  return build(p.dtype, shape, (idx) => {
    const src = new Array<number>(nd);
    perm.forEach((a, i) => (src[a] = idx[i]!));
    return at(p, src);
  });
}

/** `np.concatenate` of same-dtype arrays along `axis`. */
export function refConcatenate(ps: readonly Plain[], axis: number): Plain {
  const nd = ps[0]!.shape.length;
  const ax = axis < 0 ? axis + nd : axis;
  const shape = ps[0]!.shape.slice();
  shape[ax] = ps.reduce((n, p) => n + p.shape[ax]!, 0);
  return build(ps[0]!.dtype, shape, (idx) => {
    let i = idx[ax]!;
    for (const p of ps) {
      if (i < p.shape[ax]!) {
        const src = idx.slice();
        src[ax] = i;
        return at(p, src);
      }
      i -= p.shape[ax]!;
    }
    throw new Error('unreachable');
  });
}

/** `np.flip` along the given axes (all when omitted). */
export function refFlip(p: Plain, axes?: readonly number[]): Plain {
  const nd = p.shape.length;
  const list = (axes ?? p.shape.map((_, i) => i)).map((a) => (a < 0 ? a + nd : a));
  return build(p.dtype, p.shape, (idx) => at(p, idx.map((i, d) => (list.includes(d) ? p.shape[d]! - 1 - i : i))));
}

/** `np.roll` by `shift` along `axis` (the flattened array when `axis` is null). */
export function refRoll(p: Plain, shift: number, axis: number | null): Plain {
  if (axis === null) {
    const flat: Plain = { dtype: p.dtype, shape: [p.values.length], values: p.values };
    return { ...refRoll(flat, shift, 0), shape: p.shape.slice() };
  }
  const nd = p.shape.length;
  const ax = axis < 0 ? axis + nd : axis;
  const n = p.shape[ax]!;
  return build(p.dtype, p.shape, (idx) => {
    const src = idx.slice();
    // element i of the result is element i - shift of the input, cyclically
    src[ax] = ((((idx[ax]! - shift) % n) + n) % n);
    return at(p, src);
  });
}

/** `np.tile` with one rep per axis (after NumPy's padding of the shorter of the two with 1s). */
export function refTile(p: Plain, reps: readonly number[]): Plain {
  const d = Math.max(reps.length, p.shape.length);
  const shapeIn = [...new Array<number>(d - p.shape.length).fill(1), ...p.shape];
  const r = [...new Array<number>(d - reps.length).fill(1), ...reps];
  const src: Plain = { dtype: p.dtype, shape: shapeIn, values: p.values };
  return build(p.dtype, shapeIn.map((s, i) => s * r[i]!), (idx) => at(src, idx.map((i, k) => i % shapeIn[k]!)));
}

/** `np.repeat` with one count or one count per element along `axis` (flattened when null). */
export function refRepeat(p: Plain, repeats: number | readonly number[], axis: number | null): Plain {
  const src: Plain = axis === null ? { dtype: p.dtype, shape: [p.values.length], values: p.values } : p;
  const nd = src.shape.length;
  const ax = axis === null ? 0 : axis < 0 ? axis + nd : axis;
  const n = src.shape[ax]!;
  const counts = typeof repeats === 'number' ? new Array<number>(n).fill(repeats) : repeats;
  // which input index each output position along the axis comes from
  const from: number[] = [];
  counts.forEach((c, i) => {
    for (let k = 0; k < c; k++) from.push(i);
  });
  const shape = src.shape.slice();
  shape[ax] = from.length;
  return build(p.dtype, shape, (idx) => {
    const s = idx.slice();
    s[ax] = from[idx[ax]!]!;
    return at(src, s);
  });
}

/**
 * `np.pad` in constant mode with one `[before, after]` width pair and one `[before, after]`
 * value pair per axis (values already of the array's dtype). A padded element takes the
 * value of the last axis along which it lies in a pad area.
 */
export function refPad(p: Plain, widths: readonly (readonly [number, number])[], values: readonly (readonly [V, V])[]): Plain {
  const shape = p.shape.map((n, i) => n + widths[i]![0] + widths[i]![1]);
  return build(p.dtype, shape, (idx) => {
    for (let d = idx.length - 1; d >= 0; d--) {
      const [before] = widths[d]!;
      if (idx[d]! < before) return values[d]![0];
      if (idx[d]! >= before + p.shape[d]!) return values[d]![1];
    }
    return at(p, idx.map((i, d) => i - widths[d]![0]));
  });
}

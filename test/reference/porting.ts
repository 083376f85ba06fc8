/**
 * A naive reference for the porting essentials: counting, binning, interpolation, index
 * tricks, set operations, `put`, sliding windows and flat indexing, written out over plain
 * C-order values (read with `toPlain`) with linear scans and explicit index arithmetic.
 * Shares no code with numbat. Values compare as JS numbers (bigints through `Number`), which
 * is exact for every dtype up to 32 bits and for the small 64-bit values the tests use.
 */
import type { NDArray } from '@numbat/ndarray';
import { toPlain, type Plain } from './plain.js';

type V = number | bigint;

const num = (v: V): number => Number(v);

/** `x` sorts before `y` in NumPy's order (NaN last). */
function before(x: number, y: number): boolean {
  return x < y || (Number.isNaN(y) && !Number.isNaN(x));
}

/** C-order strides of a shape (in elements). */
function cStridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= Math.max(shape[i]!, 1);
  }
  return s;
}

/** `np.bincount(x, weights, minlength)`: counts (or weight sums) per non-negative integer. */
export function refBincount(x: NDArray, weights: NDArray | null, minlength: number): number[] {
  const xs = toPlain(x).values.map(num);
  const ws = weights === null ? null : toPlain(weights).values.map(num);
  let n = minlength;
  for (const v of xs) n = Math.max(n, v + 1);
  const out = new Array<number>(n).fill(0);
  xs.forEach((v, i) => {
    out[v] = out[v]! + (ws === null ? 1 : ws[i]!);
  });
  return out;
}

/**
 * `np.digitize(x, bins, right)` by a linear scan: for increasing bins the number of edges
 * `<= x` (`< x` with right); for decreasing bins the number of edges `> x` (`>= x`).
 * Values compare in NumPy's sort order (NaN largest).
 */
export function refDigitize(x: readonly number[], bins: readonly number[], right: boolean): number[] {
  // the first pair of unequal edges decides (a NaN in it means decreasing, as NumPy's check)
  let k = 1;
  while (k < bins.length && bins[k] === bins[0]) k++;
  const increasing = k >= bins.length || bins[0]! < bins[k]!;
  return x.map((v) => {
    let count = 0;
    for (const b of bins) {
      if (increasing) count += (right ? before(b, v) : !before(v, b)) ? 1 : 0;
      else count += (right ? !before(b, v) : before(v, b)) ? 1 : 0;
    }
    return count;
  });
}

/**
 * Counts per bin for given edges: `edges[i] <= v < edges[i+1]`, the last bin closed; a
 * value outside every bin (or NaN) is not counted. With weights, their sums.
 */
export function refHistogram(values: readonly number[], edges: readonly number[], weights: readonly number[] | null): number[] {
  const nb = Math.max(edges.length - 1, 0);
  const out = new Array<number>(nb).fill(0);
  values.forEach((v, k) => {
    for (let i = 0; i < nb; i++) {
      const lo = edges[i]!;
      const hi = edges[i + 1]!;
      const inside = i === nb - 1 ? !before(v, lo) && !before(hi, v) : !before(v, lo) && before(v, hi);
      if (inside) {
        out[i] = out[i]! + (weights === null ? 1 : weights[k]!);
        break;
      }
    }
  });
  return out;
}

/** Linear interpolation on increasing, distinct `xp` (the textbook formula), `left`/`right` outside. */
export function refInterp(x: readonly number[], xp: readonly number[], fp: readonly number[], left: number | null, right: number | null): number[] {
  const n = xp.length;
  return x.map((v) => {
    // one sample point: below, above, else (NaN included) the point's value
    if (n === 1) return v < xp[0]! ? (left ?? fp[0]!) : v > xp[0]! ? (right ?? fp[0]!) : fp[0]!;
    if (Number.isNaN(v)) return NaN;
    if (v < xp[0]!) return left ?? fp[0]!;
    if (v > xp[n - 1]!) return right ?? fp[n - 1]!;
    for (let i = 0; i < n - 1; i++) {
      if (v === xp[i]) return fp[i]!;
      if (v > xp[i]! && v < xp[i + 1]!) return fp[i]! + ((v - xp[i]!) * (fp[i + 1]! - fp[i]!)) / (xp[i + 1]! - xp[i]!);
    }
    return fp[n - 1]!;
  });
}

/** `np.unravel_index` of one flat index: coordinates by repeated division. */
export function refUnravel(index: number, dims: readonly number[], order: 'C' | 'F'): number[] {
  const out = new Array<number>(dims.length).fill(0);
  let r = index;
  const axes = dims.map((_, i) => i);
  if (order === 'C') axes.reverse();
  for (const ax of axes) {
    out[ax] = r % dims[ax]!;
    r = Math.floor(r / dims[ax]!);
  }
  return out;
}

/** `np.ravel_multi_index` of one coordinate tuple (already in range). */
export function refRavel(coords: readonly number[], dims: readonly number[], order: 'C' | 'F'): number {
  let flat = 0;
  if (order === 'C') for (let i = 0; i < dims.length; i++) flat = flat * dims[i]! + coords[i]!;
  else for (let i = dims.length - 1; i >= 0; i--) flat = flat * dims[i]! + coords[i]!;
  return flat;
}

/** One coordinate brought into `[0, m)` by a clip mode. */
export function refClipMode(j: number, m: number, mode: 'raise' | 'wrap' | 'clip'): number | null {
  if (mode === 'raise') return j >= 0 && j < m ? j : null;
  if (mode === 'wrap') return ((j % m) + m) % m;
  return j < 0 ? 0 : j >= m ? m - 1 : j;
}

/** `np.indices(dims)` as plain values (dense, C order). */
export function refIndices(dims: readonly number[]): { shape: number[]; values: number[] } {
  const size = dims.reduce((a, b) => a * b, 1);
  const values: number[] = [];
  for (let ax = 0; ax < dims.length; ax++) {
    for (let k = 0; k < size; k++) values.push(refUnravel(k, dims, 'C')[ax]!);
  }
  return { shape: [dims.length, ...dims], values };
}

/** `np.isin` by a linear scan over the test values (`==` in numbers: NaN never, -0 is 0). */
export function refIsin(element: readonly V[], test: readonly V[], invert: boolean): boolean[] {
  return element.map((e) => test.some((t) => num(t) === num(e)) !== invert);
}

/** The distinct values of `xs`, sorted (NaN last, all NaNs one value, -0 and 0 one value). */
export function refUnique(xs: readonly number[]): number[] {
  const sorted = xs.slice().sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const out: number[] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (out.length === 0 || !(last === v || (Number.isNaN(last!) && Number.isNaN(v)))) out.push(v);
  }
  return out;
}

/** `np.intersect1d`: the sorted distinct values present in both (NaN never matches). */
export function refIntersect(a: readonly number[], b: readonly number[]): number[] {
  return refUnique(a).filter((v) => b.some((w) => w === v));
}

/** `np.union1d`: the sorted distinct values of both. */
export function refUnion(a: readonly number[], b: readonly number[]): number[] {
  return refUnique([...a, ...b]);
}

/** `np.setdiff1d`: the sorted distinct values of `a` not in `b`. */
export function refSetdiff(a: readonly number[], b: readonly number[]): number[] {
  return refUnique(a).filter((v) => !b.some((w) => w === v));
}

/**
 * `np.put(a, ind, v, mode)` on plain values: the expected C-order values after the writes
 * (`v` already converted to the array's values, repeated cyclically), or null when an index
 * is out of range in 'raise' mode.
 */
export function refPut(a: Plain, ind: readonly number[], v: readonly V[], mode: 'raise' | 'wrap' | 'clip'): Plain | null {
  const values = a.values.slice();
  const n = values.length;
  if (v.length === 0) return { ...a, values };
  for (let k = 0; k < ind.length; k++) {
    let i = ind[k]!;
    if (mode === 'raise') {
      if (i < -n || i >= n) return null;
      if (i < 0) i += n;
    } else if (mode === 'wrap') i = ((i % n) + n) % n;
    else i = Math.min(Math.max(i, 0), n - 1);
    values[i] = v[k % v.length]!;
  }
  return { ...a, values };
}

/**
 * `sliding_window_view(x, window, axis)` written out: every output multi-index maps to the
 * input element at (base index + window offset) along each windowed axis.
 */
export function refSlidingWindow(x: NDArray, window: readonly number[], axes: readonly number[]): Plain {
  const p = toPlain(x);
  const shape = p.shape.slice();
  axes.forEach((ax, i) => (shape[ax] = shape[ax]! - window[i]! + 1));
  const outShape = [...shape, ...window];
  const size = outShape.reduce((a, b) => a * b, 1);
  const inStrides = cStridesOf(p.shape);
  const values: V[] = [];
  for (let k = 0; k < size; k++) {
    const idx = refUnravel(k, outShape, 'C');
    const src = idx.slice(0, p.shape.length);
    axes.forEach((ax, i) => (src[ax] = src[ax]! + idx[p.shape.length + i]!));
    values.push(p.values[src.reduce((acc, c, d) => acc + c * inStrides[d]!, 0)]!);
  }
  return { dtype: p.dtype, shape: outShape, values };
}

/** `a.flat[positions]`: the C-order values at the given flat positions (negative from the end). */
export function refFlatGet(a: NDArray, positions: readonly number[]): V[] {
  const p = toPlain(a);
  const n = p.values.length;
  return positions.map((i) => p.values[i < 0 ? i + n : i]!);
}

/** Positions `start:stop:step` of a length-`n` sequence, as Python's `range(*slice.indices(n))`. */
export function refSlicePositions(n: number, start: number | null, stop: number | null, step: number | null): number[] {
  const st = step ?? 1;
  const clamp = (v: number | null, dflt: number, lo: number, hi: number): number => {
    if (v === null) return dflt;
    const x = v < 0 ? v + n : v;
    return Math.min(Math.max(x, lo), hi);
  };
  const out: number[] = [];
  if (st > 0) {
    const b = clamp(start, 0, 0, n);
    const e = clamp(stop, n, 0, n);
    for (let i = b; i < e; i += st) out.push(i);
  } else {
    const b = clamp(start, n - 1, -1, n - 1);
    const e = clamp(stop, -1, -1, n - 1);
    for (let i = b; i > e; i += st) out.push(i);
  }
  return out;
}

/**
 * A naive reference for NumPy indexing over plain arrays ({@link Plain}): integers, slices,
 * newaxis, the ellipsis, integer index arrays and boolean masks, with NumPy's placement of
 * the advanced axes. Every result element's source position is computed by writing the
 * index arithmetic out (multi-index -> flat C index), one element at a time. Shares no code
 * with numbat: inputs are read through `toPlain` and index arrays are given as plain arrays.
 */
import type { Plain } from './plain.js';

/** One index item of the reference. */
export type RefItem =
  | { int: number }
  | { slice: [number | null, number | null, number | null] }
  | 'newaxis'
  | 'ellipsis'
  | { array: Plain }
  | { mask: Plain };

/** Python's `slice.indices` plus the element count, written out. */
export function refSliceIndices(start: number | null, stop: number | null, step: number | null, n: number): { start: number; step: number; count: number } {
  const st = step === null ? 1 : step;
  if (st === 0) throw new Error('slice step cannot be zero');
  let b: number;
  let e: number;
  if (st > 0) {
    b = start === null ? 0 : start < 0 ? Math.max(start + n, 0) : Math.min(start, n);
    e = stop === null ? n : stop < 0 ? Math.max(stop + n, 0) : Math.min(stop, n);
  } else {
    b = start === null ? n - 1 : start < 0 ? Math.max(start + n, -1) : Math.min(start, n - 1);
    e = stop === null ? -1 : stop < 0 ? Math.max(stop + n, -1) : Math.min(stop, n - 1);
  }
  let count = 0;
  if (st > 0) for (let i = b; i < e; i += st) count++;
  else for (let i = b; i > e; i += st) count++;
  return { start: b, step: st, count };
}

function cIndex(shape: readonly number[], multi: readonly number[]): number {
  let flat = 0;
  for (let d = 0; d < shape.length; d++) flat = flat * shape[d]! + multi[d]!;
  return flat;
}

function unravel(shape: readonly number[], flat: number): number[] {
  const out = new Array<number>(shape.length).fill(0);
  for (let d = shape.length - 1; d >= 0; d--) {
    out[d] = flat % shape[d]!;
    flat = Math.floor(flat / shape[d]!);
  }
  return out;
}

function size(shape: readonly number[]): number {
  return shape.reduce((x, y) => x * y, 1);
}

/** Element `multi` of a plain array that broadcasts to the shape `multi` indexes (right-aligned). */
function broadcastRead(p: Plain, multi: readonly number[]): number {
  const off = multi.length - p.shape.length;
  const m = p.shape.map((d, i) => (d === 1 ? 0 : multi[off + i]!));
  return Number(p.values[cIndex(p.shape, m)]!);
}

type Expanded =
  | { t: 'int'; v: number; axis: number }
  | { t: 'slice'; start: number; step: number; count: number; axis: number }
  | { t: 'newaxis' }
  | { t: 'arr'; p: Plain; axis: number }
  | { t: 'sep' }; // an ellipsis that stood here (separates advanced indices)

/**
 * For `a[items]` on an array of `shape`: the result shape and, for each result element in
 * C order, the flat C index of the source element. Throws plain `Error`s for invalid
 * indices (the reference checks values, not messages).
 */
export function refPositions(shape: readonly number[], items: readonly RefItem[]): { shape: number[]; positions: number[] } {
  const nd = shape.length;
  // masks become integer arrays (their nonzero), one per mask axis
  type Flat = 'newaxis' | 'ellipsis' | { int: number } | { slice: [number | null, number | null, number | null] } | { arr: Plain; maskDim?: number };
  const flatItems: Flat[] = [];
  for (const it of items) {
    if (typeof it === 'object' && 'mask' in it) {
      const m = it.mask;
      if (m.shape.length === 0) throw new Error('0-d masks are not in the reference');
      const coords: number[][] = m.shape.map(() => []);
      for (let k = 0; k < m.values.length; k++) {
        if (Number(m.values[k]) !== 0) unravel(m.shape, k).forEach((c, d) => coords[d]!.push(c));
      }
      coords.forEach((c, d) => flatItems.push({ arr: { dtype: 'int32', shape: [c.length], values: c }, maskDim: m.shape[d]! }));
    } else if (typeof it === 'object' && 'array' in it) {
      // a 0-d integer array is an integer, as in NumPy
      flatItems.push(it.array.shape.length === 0 ? { int: Number(it.array.values[0]) } : { arr: it.array });
    }
    else flatItems.push(it);
  }
  const usedAxes = flatItems.filter((it) => it !== 'newaxis' && it !== 'ellipsis').length;
  if (usedAxes > nd) throw new Error('too many indices');
  const hasArr = flatItems.some((it) => typeof it === 'object' && 'arr' in it);
  const ex: Expanded[] = [];
  let axis = 0;
  let sawEllipsis = false;
  const expandEllipsis = (): void => {
    for (let k = 0; k < nd - usedAxes; k++, axis++) ex.push({ t: 'slice', start: 0, step: 1, count: shape[axis]!, axis });
  };
  for (const it of flatItems) {
    if (it === 'newaxis') ex.push({ t: 'newaxis' });
    else if (it === 'ellipsis') {
      if (sawEllipsis) throw new Error('two ellipses');
      sawEllipsis = true;
      ex.push({ t: 'sep' });
      expandEllipsis();
    } else if ('int' in it) {
      const n = shape[axis]!;
      if (it.int < -n || it.int >= n) throw new Error('index out of bounds');
      const v = it.int < 0 ? it.int + n : it.int;
      if (hasArr) ex.push({ t: 'arr', p: { dtype: 'int32', shape: [], values: [v] }, axis });
      else ex.push({ t: 'int', v, axis });
      axis++;
    } else if ('slice' in it) {
      const r = refSliceIndices(it.slice[0], it.slice[1], it.slice[2], shape[axis]!);
      ex.push({ t: 'slice', ...r, axis });
      axis++;
    } else {
      if (it.maskDim !== undefined && it.maskDim !== shape[axis]) throw new Error('boolean index did not match');
      ex.push({ t: 'arr', p: it.arr, axis });
      axis++;
    }
  }
  if (!sawEllipsis) expandEllipsis();

  // broadcast shape of the index arrays
  const arrs = ex.filter((e): e is Extract<Expanded, { t: 'arr' }> => e.t === 'arr');
  let bshape: number[] = [];
  for (const a of arrs) {
    const nb = Math.max(bshape.length, a.p.shape.length);
    const out: number[] = [];
    for (let i = 0; i < nb; i++) {
      const x = bshape[i - (nb - bshape.length)] ?? 1;
      const y = a.p.shape[i - (nb - a.p.shape.length)] ?? 1;
      if (x !== y && x !== 1 && y !== 1) throw new Error('index arrays do not broadcast');
      out.push(x === 1 ? y : x);
    }
    bshape = out;
  }
  // bounds of index arrays (only when the broadcast result is not empty, as NumPy)
  if (size(bshape) > 0) {
    for (const a of arrs) for (const v of a.p.values) if (Number(v) < -shape[a.axis]! || Number(v) >= shape[a.axis]!) throw new Error('index out of bounds');
  }
  // result axes: 'b' stands for the broadcast index axes
  const positionsOfArr = ex.map((e, i) => (e.t === 'arr' ? i : -1)).filter((i) => i >= 0);
  const adjacent = positionsOfArr.length > 0 && positionsOfArr[positionsOfArr.length - 1]! - positionsOfArr[0]! + 1 === positionsOfArr.length;
  type Axis = { kind: 'slice'; e: Extract<Expanded, { t: 'slice' }> } | { kind: 'newaxis' } | { kind: 'b'; k: number };
  const basic: Axis[] = [];
  const axesBefore: Axis[] = [];
  for (let i = 0; i < ex.length; i++) {
    const e = ex[i]!;
    const ax: Axis | null = e.t === 'slice' ? { kind: 'slice', e } : e.t === 'newaxis' ? { kind: 'newaxis' } : null;
    if (ax === null) continue;
    basic.push(ax);
    if (positionsOfArr.length > 0 && i < positionsOfArr[0]!) axesBefore.push(ax);
  }
  const bAxes: Axis[] = bshape.map((_, k) => ({ kind: 'b', k }));
  let axes: Axis[];
  if (positionsOfArr.length === 0) axes = basic;
  else if (adjacent) axes = [...axesBefore, ...bAxes, ...basic.slice(axesBefore.length)];
  else axes = [...bAxes, ...basic];
  const outShape = axes.map((a) => (a.kind === 'slice' ? a.e.count : a.kind === 'newaxis' ? 1 : bshape[a.k]!));

  const positions: number[] = [];
  const total = size(outShape);
  for (let flat = 0; flat < total; flat++) {
    const multi = unravel(outShape, flat);
    const bmulti: number[] = new Array<number>(bshape.length).fill(0);
    const src = new Array<number>(nd).fill(0);
    axes.forEach((a, d) => {
      if (a.kind === 'b') bmulti[a.k] = multi[d]!;
      else if (a.kind === 'slice') src[a.e.axis] = a.e.start + multi[d]! * a.e.step;
    });
    for (const e of ex) {
      if (e.t === 'int') src[e.axis] = e.v;
      else if (e.t === 'arr') {
        const v = broadcastRead(e.p, bmulti);
        src[e.axis] = v < 0 ? v + shape[e.axis]! : v;
      }
    }
    positions.push(cIndex(shape, src));
  }
  return { shape: outShape, positions };
}

/** `a[items]` on a plain array: the result's shape and values (dtype kept). */
export function refGet(a: Plain, items: readonly RefItem[]): Plain {
  const { shape, positions } = refPositions(a.shape, items);
  return { dtype: a.dtype, shape, values: positions.map((p) => a.values[p]!) };
}

/**
 * `a[items] = value` on a copy of a plain array, with `value` (already of `a`'s dtype and
 * values) broadcast to the selection; the last write to a position wins.
 */
export function refSet(a: Plain, items: readonly RefItem[], value: Plain): Plain {
  const { shape, positions } = refPositions(a.shape, items);
  const out = a.values.slice();
  const off = shape.length - value.shape.length;
  positions.forEach((p, k) => {
    const multi = unravel(shape, k);
    const m = value.shape.map((d, i) => (d === 1 ? 0 : multi[off + i]!));
    out[p] = value.values[cIndex(value.shape, m)]!;
  });
  return { dtype: a.dtype, shape: a.shape.slice(), values: out };
}

/**
 * A naive reference for sorting, searching and einsum: lanes gathered by index arithmetic
 * written out over plain C-order values, insertion sorts, linear scans, and einsum as one
 * explicit loop over every combination of label values. Shares no code with numbat (inputs
 * are read with `toPlain`); its small dtype rules (promotion, wrapping) are written out.
 *
 * Order is NumPy's: ascending, NaN after every number (bigints are never NaN).
 */
import type { NDArray } from '@numbat/ndarray';
import { toPlain, type Plain } from './plain.js';

type V = number | bigint;

/** `x` sorts strictly before `y`: smaller, or a number before NaN. */
export function lt(x: V, y: V): boolean {
  if (typeof x === 'bigint' || typeof y === 'bigint') return x < y;
  return x < y || (Number.isNaN(y) && !Number.isNaN(x));
}

/** Lanes of `p` along `axis`: `lanes[j]` holds the C-order positions of lane j. */
export function lanePositions(shape: readonly number[], axis: number): number[][] {
  const len = shape[axis]!;
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d]!;
  let outer = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d]!;
  const out: number[][] = [];
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const lane: number[] = [];
      for (let k = 0; k < len; k++) lane.push((o * len + k) * inner + i);
      out.push(lane);
    }
  }
  return len === 0 ? [] : out;
}

/** Stable insertion sort of indices 0..n-1 by `vals`. */
function stableOrder(vals: readonly V[]): number[] {
  const idx: number[] = [];
  for (let i = 0; i < vals.length; i++) {
    let j = idx.length;
    while (j > 0 && lt(vals[i]!, vals[idx[j - 1]!]!)) j--;
    idx.splice(j, 0, i);
  }
  return idx;
}

function normAxis(axis: number, nd: number): number {
  return axis < 0 ? axis + nd : axis;
}

/** `np.sort(a, axis, kind='stable')`; `null` sorts the flattened values. */
export function refSort(a: NDArray, axis: number | null): Plain {
  const p = toPlain(a);
  if (axis === null) {
    const order = stableOrder(p.values);
    return { dtype: p.dtype, shape: [p.values.length], values: order.map((i) => p.values[i]!) };
  }
  const ax = normAxis(axis, p.shape.length);
  const values = p.values.slice();
  for (const lane of lanePositions(p.shape, ax)) {
    const vals = lane.map((q) => p.values[q]!);
    stableOrder(vals).forEach((src, k) => (values[lane[k]!] = vals[src]!));
  }
  return { dtype: p.dtype, shape: p.shape, values };
}

/** `np.argsort(a, axis, kind='stable')` as int32 (0-d arrays count as 1-d, as NumPy). */
export function refArgsort(a: NDArray, axis: number | null): Plain {
  const p = toPlain(a);
  if (axis === null || p.shape.length === 0) {
    return { dtype: 'int32', shape: [p.values.length], values: stableOrder(p.values) };
  }
  const ax = normAxis(axis, p.shape.length);
  const values = new Array<V>(p.values.length);
  for (const lane of lanePositions(p.shape, ax)) {
    stableOrder(lane.map((q) => p.values[q]!)).forEach((src, k) => (values[lane[k]!] = src));
  }
  return { dtype: 'int32', shape: p.shape, values };
}

const same = (x: V, y: V): boolean => (typeof x === 'number' && Number.isNaN(x) ? typeof y === 'number' && Number.isNaN(y) : x === y);

/**
 * Checks that `result` (values, or with `indices` the indices into `a`) partitions `a`
 * along `axis` at the ranks `kths`: each lane is a permutation of the input lane, the
 * element at each rank is the sorted one, nothing before it is after it in sorted order
 * and nothing after it before. Returns null, or the reason.
 */
export function checkPartition(a: NDArray, result: NDArray, kths: readonly number[], axis: number | null, indices: boolean): string | null {
  const p = toPlain(a);
  const r = toPlain(result);
  const shape = axis === null || p.shape.length === 0 ? [p.values.length] : p.shape;
  const ax = axis === null || p.shape.length === 0 ? 0 : normAxis(axis, p.shape.length);
  if (r.shape.length !== shape.length || r.shape.some((d, i) => d !== shape[i])) return `shape (${r.shape}) for (${shape})`;
  if (r.dtype !== (indices ? 'int32' : p.dtype)) return `dtype ${r.dtype}`;
  for (const lane of lanePositions(shape, ax)) {
    const input = lane.map((q) => p.values[q]!);
    const n = input.length;
    let got: V[];
    if (indices) {
      const idx = lane.map((q) => Number(r.values[q]!));
      if ([...idx].sort((x, y) => x - y).some((v, i) => v !== i)) return `indices ${idx} are not a permutation`;
      got = idx.map((i) => input[i]!);
    } else got = lane.map((q) => r.values[q]!);
    const sorted = stableOrder(input).map((i) => input[i]!);
    const gotSorted = stableOrder(got).map((i) => got[i]!);
    if (gotSorted.some((v, i) => !same(v, sorted[i]!))) return `lane ${got} is not a permutation of ${input}`;
    for (const k0 of kths) {
      const k = k0 < 0 ? k0 + n : k0;
      if (!same(got[k]!, sorted[k]!) && !(got[k] === 0 && sorted[k] === 0)) return `rank ${k}: ${String(got[k])}, sorted ${String(sorted[k])}`;
      for (let i = 0; i < k; i++) if (lt(got[k]!, got[i]!)) return `rank ${k}: ${String(got[i])} before ${String(got[k])}`;
      for (let i = k + 1; i < n; i++) if (lt(got[i]!, got[k]!)) return `rank ${k}: ${String(got[i])} after ${String(got[k])}`;
    }
  }
  return null;
}

/** `np.searchsorted` on a sorted haystack, by linear counting (values compared as given). */
export function refSearchsorted(hay: readonly V[], keys: readonly V[], side: 'left' | 'right'): number[] {
  return keys.map((k) => hay.filter((h) => (side === 'left' ? lt(h, k) : !lt(k, h))).length);
}

/** `np.nonzero`: one int32 index list per axis, C order (NaN is nonzero). */
export function refNonzero(a: NDArray): Plain[] {
  const p = toPlain(a);
  const nd = p.shape.length;
  const cols: V[][] = p.shape.map(() => []);
  p.values.forEach((v, flat) => {
    if (v === 0 || v === 0n) return;
    let rem = flat;
    for (let d = nd - 1; d >= 0; d--) {
      cols[d]!.push(rem % p.shape[d]!);
      rem = Math.floor(rem / p.shape[d]!);
    }
  });
  return cols.map((c) => ({ dtype: 'int32', shape: [c.length], values: c }));
}

/** Result of {@link refUnique}. */
export interface RefUnique {
  values: Plain;
  indices: Plain;
  inverse: Plain;
  counts: Plain;
}

/**
 * `np.unique` over the flattened array: groups by equality (all NaNs one group with
 * `equalNan`), representatives are first occurrences, groups sorted by value.
 */
export function refUnique(a: NDArray, equalNan: boolean): RefUnique {
  const p = toPlain(a);
  const groups: { rep: V; first: number; members: number[] }[] = [];
  p.values.forEach((v, i) => {
    const isNaN = typeof v === 'number' && Number.isNaN(v);
    const g = groups.find((gr) => (isNaN ? equalNan && typeof gr.rep === 'number' && Number.isNaN(gr.rep) : gr.rep === v));
    if (g) g.members.push(i);
    else groups.push({ rep: v, first: i, members: [i] });
  });
  const order = stableOrder(groups.map((g) => g.rep));
  const sorted = order.map((i) => groups[i]!);
  const inverse = new Array<V>(p.values.length);
  sorted.forEach((g, j) => g.members.forEach((m) => (inverse[m] = j)));
  const k = sorted.length;
  return {
    values: { dtype: p.dtype, shape: [k], values: sorted.map((g) => g.rep) },
    indices: { dtype: 'int32', shape: [k], values: sorted.map((g) => g.first) },
    inverse: { dtype: 'int32', shape: p.shape, values: inverse },
    counts: { dtype: 'int32', shape: [k], values: sorted.map((g) => g.members.length) },
  };
}

/** `np.take(a, indices, axis, mode)` (in range after the mode; `raise` expects valid indices). */
export function refTake(a: NDArray, indices: Plain, axis: number | null, mode: 'raise' | 'wrap' | 'clip'): Plain {
  const p = toPlain(a);
  const shape = axis === null || p.shape.length === 0 ? [p.values.length] : p.shape;
  const ax = axis === null || p.shape.length === 0 ? 0 : normAxis(axis, p.shape.length);
  const n = shape[ax]!;
  const idx = indices.values.map((v) => {
    let i = Number(v);
    if (mode === 'wrap') i = ((i % n) + n) % n;
    else if (mode === 'clip') i = Math.min(Math.max(i, 0), n - 1);
    else if (i < 0) i += n;
    return i;
  });
  let outer = 1;
  for (let d = 0; d < ax; d++) outer *= shape[d]!;
  let inner = 1;
  for (let d = ax + 1; d < shape.length; d++) inner *= shape[d]!;
  const values: V[] = [];
  for (let o = 0; o < outer; o++) for (const i of idx) for (let r = 0; r < inner; r++) values.push(p.values[(o * n + i) * inner + r]!);
  return { dtype: p.dtype, shape: [...shape.slice(0, ax), ...indices.shape, ...shape.slice(ax + 1)], values };
}

/** Multi-index of a C-order flat position. */
function unravel(flat: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    out[d] = flat % shape[d]!;
    flat = Math.floor(flat / shape[d]!);
  }
  return out;
}

/** C-order flat position of a multi-index. */
function ravelIndex(ix: readonly number[], shape: readonly number[]): number {
  let flat = 0;
  for (let d = 0; d < shape.length; d++) flat = flat * shape[d]! + ix[d]!;
  return flat;
}

/** Broadcast shape of two shapes of the same rank. */
function bshape(x: readonly number[], y: readonly number[]): number[] {
  return x.map((d, i) => (d === 1 ? y[i]! : d));
}

/** `np.take_along_axis(a, indices, axis)` for same-rank, broadcastable, in-range indices. */
export function refTakeAlongAxis(a: NDArray, indices: Plain, axis: number): Plain {
  const p = toPlain(a);
  const ax = normAxis(axis, p.shape.length);
  const outShape = bshape(p.shape.map((d, i) => (i === ax ? indices.shape[i]! : d)), indices.shape);
  const size = outShape.reduce((x, y) => x * y, 1);
  const values: V[] = [];
  for (let f = 0; f < size; f++) {
    const ix = unravel(f, outShape);
    const iix = ix.map((v, d) => (indices.shape[d] === 1 ? 0 : v));
    let i = Number(indices.values[ravelIndex(iix, indices.shape)]!);
    if (i < 0) i += p.shape[ax]!;
    const src = ix.map((v, d) => (d === ax ? i : p.shape[d] === 1 ? 0 : v));
    values.push(p.values[ravelIndex(src, p.shape)]!);
  }
  return { dtype: p.dtype, shape: outShape, values };
}

/** `np.put_along_axis` on a copy (values as plain of the array's dtype, broadcast, last write wins). */
export function refPutAlongAxis(a: NDArray, indices: Plain, values: Plain, axis: number): Plain {
  const p = toPlain(a);
  const out = p.values.slice();
  const ax = normAxis(axis, p.shape.length);
  const sel = bshape(p.shape.map((d, i) => (i === ax ? indices.shape[i]! : d)), indices.shape);
  const size = sel.reduce((x, y) => x * y, 1);
  const off = sel.length - values.shape.length;
  for (let f = 0; f < size; f++) {
    const ix = unravel(f, sel);
    let i = Number(indices.values[ravelIndex(ix.map((v, d) => (indices.shape[d] === 1 ? 0 : v)), indices.shape)]!);
    if (i < 0) i += p.shape[ax]!;
    const vix = values.shape.map((s, d) => (s === 1 ? 0 : ix[d + off]!));
    out[ravelIndex(ix.map((v, d) => (d === ax ? i : p.shape[d] === 1 ? 0 : v)), p.shape)] = values.values[ravelIndex(vix, values.shape)]!;
  }
  return { dtype: p.dtype, shape: p.shape, values: out };
}

// ---------------------------------------------------------------------------------------
// einsum

const BITS: Record<string, number> = { int8: 8, uint8: 8, int16: 16, uint16: 16, int32: 32, uint32: 32, int64: 64, uint64: 64 };
const ORDER = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'];
const kindOf = (d: string): string => (d === 'bool' ? 'b' : d.startsWith('float') ? 'f' : d.startsWith('u') ? 'u' : 'i');
const bitsOf = (d: string): number => (d === 'bool' ? 1 : d.startsWith('float') ? Number(d.slice(5)) : BITS[d]!);

/** NumPy's safe casting between two dtypes, written out. */
function safe(from: string, to: string): boolean {
  const [kf, kt] = [kindOf(from), kindOf(to)];
  if (from === to || kf === 'b') return true;
  if (kt === 'b') return false;
  if (kt === 'f') return kf === 'f' ? bitsOf(to) >= bitsOf(from) : bitsOf(to) === 64 || bitsOf(from) <= 16;
  if (kf === 'f') return false;
  if (kf === kt) return bitsOf(to) >= bitsOf(from);
  return kf === 'u' && bitsOf(to) > bitsOf(from);
}

/** NumPy 2's n-ary `result_type` of dtypes: in the highest category present (bool < int < float), the first dtype all cast to safely. */
function resultType(dtypes: readonly string[]): string {
  const cat = (d: string): number => (kindOf(d) === 'b' ? 0 : kindOf(d) === 'f' ? 2 : 1);
  if (dtypes.every((d) => d === dtypes[0])) return dtypes[0]!;
  for (let c = Math.max(...dtypes.map(cat)); c <= 2; c++) {
    const hit = ORDER.find((cand) => cat(cand) === c && dtypes.every((d) => safe(d, cand)));
    if (hit !== undefined) return hit;
  }
  return 'float64';
}

/** A parsed einsum term: letters, with `'.'` standing for each broadcast axis. */
function expandTerm(term: string, ndim: number): string[] {
  const at = term.indexOf('...');
  const letters = term.replace('...', '').split('');
  if (at < 0) return letters;
  const nb = ndim - letters.length;
  const before = term.slice(0, at).split('');
  const after = term.slice(at + 3).split('');
  return [...before, ...Array.from({ length: nb }, (_, i) => `.${nb - 1 - i}`), ...after];
}

/**
 * `np.einsum(subscripts, ...operands)` by one loop over every combination of label
 * values: broadcast axes are labelled `.k` counted from the right, sizes of 1 broadcast.
 * Integers are summed exactly and wrapped at the end, bools or-ed, floats summed from +0
 * (except for one operand and nothing summed, NumPy's view, where each element is the
 * operand's own, -0 included); returns the plain result and, for floats, `sum |products|`
 * per element (the scale of rounding errors).
 * Subscripts must be valid (no spaces).
 */
export function refEinsum(subscripts: string, operands: readonly NDArray[]): { plain: Plain; mag: number[] } {
  const plains = operands.map(toPlain);
  const [lhs, rhs] = subscripts.includes('->') ? subscripts.split('->') : [subscripts, null];
  const terms = lhs!.split(',').map((t, i) => expandTerm(t, plains[i]!.shape.length));
  const size = new Map<string, number>();
  terms.forEach((t, i) =>
    t.forEach((l, d) => {
      const n = plains[i]!.shape[d]!;
      if (!size.has(l) || size.get(l) === 1) size.set(l, n);
    }),
  );
  const counts = new Map<string, number>();
  terms.flat().forEach((l) => counts.set(l, (counts.get(l) ?? 0) + 1));
  const bcast = [...size.keys()].filter((l) => l.startsWith('.')).sort((x, y) => Number(y.slice(1)) - Number(x.slice(1)));
  let out: string[];
  if (rhs === null || rhs === undefined) {
    const once = [...counts.keys()].filter((l) => !l.startsWith('.') && counts.get(l) === 1).sort((x, y) => x.charCodeAt(0) - y.charCodeAt(0));
    out = [...bcast, ...once];
  } else {
    const at = rhs.indexOf('...');
    out = at < 0 ? rhs.split('') : [...rhs.slice(0, at).split(''), ...bcast, ...rhs.slice(at + 3).split('')];
  }
  const summed = [...size.keys()].filter((l) => !out.includes(l));
  // one operand and nothing summed: NumPy returns a view of the operand
  const view = plains.length === 1 && summed.length === 0;
  const all = [...out, ...summed];
  const dims = all.map((l) => size.get(l)!);
  const dtype = resultType(plains.map((p) => p.dtype));
  const kind = dtype === 'bool' ? 'b' : dtype.startsWith('float') ? 'f' : 'i';
  const outShape = out.map((l) => size.get(l)!);
  const outSize = outShape.reduce((x, y) => x * y, 1);
  const acc: (number | bigint | boolean)[] = new Array(outSize).fill(kind === 'b' ? false : kind === 'f' ? 0 : 0n);
  const mag = new Array<number>(outSize).fill(0);
  const total = dims.reduce((x, y) => x * y, 1);
  const ix = new Array<number>(all.length).fill(0);
  for (let t = 0; t < total; t++) {
    let rem = t;
    for (let d = all.length - 1; d >= 0; d--) {
      ix[d] = rem % dims[d]!;
      rem = Math.floor(rem / dims[d]!);
    }
    const vals = terms.map((term, i) => {
      const p = plains[i]!;
      let flat = 0;
      term.forEach((l, d) => (flat = flat * p.shape[d]! + (p.shape[d] === 1 ? 0 : ix[all.indexOf(l)]!)));
      return p.values[flat]!;
    });
    let o = 0;
    for (let d = 0; d < out.length; d++) o = o * dims[d]! + ix[d]!;
    if (kind === 'b') acc[o] = (acc[o] as boolean) || vals.every((v) => v !== 0 && v !== 0n);
    else if (kind === 'f' && view) {
      acc[o] = Number(vals[0]); // NumPy returns a view here: the element itself, -0 kept
      mag[o] = Math.abs(Number(vals[0]));
    } else if (kind === 'f') {
      const prod = vals.reduce((x: number, v) => x * Number(v), 1);
      acc[o] = (acc[o] as number) + prod;
      mag[o] = mag[o]! + Math.abs(prod);
    } else acc[o] = (acc[o] as bigint) + vals.reduce((x: bigint, v) => x * BigInt(v), 1n);
  }
  const values = acc.map((v): V => {
    if (kind === 'b') return v ? 1 : 0;
    if (kind === 'f') return dtype === 'float32' ? Math.fround(v as number) : (v as number);
    const bits = BITS[dtype]!;
    const w = dtype.startsWith('u') ? BigInt.asUintN(bits, v as bigint) : BigInt.asIntN(bits, v as bigint);
    return bits === 64 ? w : Number(w);
  });
  return { plain: { dtype, shape: outShape, values }, mag };
}

/**
 * A naive reference for the products (dot, vdot, inner, outer, matmul, tensordot, trace,
 * kron): nested JS arrays, multi-indices written out, one sum per output element in
 * index order. Shares no code with numbat's kernels or ops; inputs are read with
 * `toPlain` only. Its own small dtype rules (NumPy 2's promotion of two dtypes, wrapping
 * by bit width) are written out here independently.
 *
 * Every function returns the result as a {@link Plain} plus, for float results, the
 * magnitude `sum |x*y|` of each element (the scale of its rounding error), so callers can
 * compare float results within `(K + 2) * eps * magnitude`.
 */
import type { NDArray } from '@numbat/ndarray';
import { nestedOf, toPlain, type Plain } from './plain.js';

/** A reference result: values (dtype, shape, C order) and the float error scale per element. */
export interface RefResult {
  plain: Plain;
  /** `sum |x*y|` per element (floats only; zeros otherwise). */
  mag: number[];
  /** Number of products summed per element (for the tolerance). */
  k: number;
}

type V = number | bigint;
type Nested = V | Nested[];

const SIZE: Record<string, number> = {
  bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8, float32: 4, float64: 8,
};
const kindOf = (d: string): 'b' | 'i' | 'u' | 'f' => (d === 'bool' ? 'b' : d.startsWith('float') ? 'f' : d.startsWith('uint') ? 'u' : 'i');

/** NumPy 2's promotion of two dtypes (`np.result_type(a, b)`), written out. */
export function refPromote(a: string, b: string): string {
  if (a === b) return a;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === 'b') return b;
  if (kb === 'b') return a;
  if (ka === 'f' && kb === 'f') return SIZE[a]! >= SIZE[b]! ? a : b;
  if (ka === 'f' || kb === 'f') {
    const [f, i] = ka === 'f' ? [a, b] : [b, a];
    // float32 holds integers of up to 16 bits exactly
    return f === 'float32' && SIZE[i]! <= 2 ? 'float32' : 'float64';
  }
  if (ka === kb) return SIZE[a]! >= SIZE[b]! ? a : b;
  const [s, u] = ka === 'i' ? [a, b] : [b, a];
  if (SIZE[s]! > SIZE[u]!) return s;
  const bits = 2 * SIZE[u]! * 8;
  return bits > 64 ? 'float64' : `int${bits}`;
}

/** Sums of products in one dtype: exact bigints for integers, doubles for floats. */
interface Acc {
  sum: V | boolean;
  mag: number;
}

function zero(dtype: string): Acc {
  const k = kindOf(dtype);
  return { sum: k === 'b' ? false : k === 'f' ? 0 : 0n, mag: 0 };
}

function addProduct(acc: Acc, dtype: string, x: V, y: V): void {
  const k = kindOf(dtype);
  if (k === 'b') acc.sum = (acc.sum as boolean) || (x !== 0 && x !== 0n && y !== 0 && y !== 0n);
  else if (k === 'f') {
    const p = Number(x) * Number(y);
    acc.sum = (acc.sum as number) + p;
    acc.mag += Math.abs(p);
  } else acc.sum = (acc.sum as bigint) + BigInt(x) * BigInt(y);
}

/** The value an exact sum has when stored in `dtype` (integers wrap at their width). */
function finish(acc: Acc, dtype: string): V {
  const k = kindOf(dtype);
  if (k === 'b') return acc.sum ? 1 : 0;
  if (k === 'f') return dtype === 'float32' ? Math.fround(acc.sum as number) : (acc.sum as number);
  const bits = SIZE[dtype]! * 8;
  const w = k === 'i' ? BigInt.asIntN(bits, acc.sum as bigint) : BigInt.asUintN(bits, acc.sum as bigint);
  return bits === 64 ? w : Number(w);
}

/** An input value as the result dtype reads it (int64 values into floats round as NumPy's cast). */
function convert(v: V, dtype: string): V {
  const k = kindOf(dtype);
  if (k === 'f') return dtype === 'float32' ? Math.fround(Number(v)) : Number(v);
  if (k === 'b') return v !== 0 && v !== 0n ? 1 : 0;
  // integer target: truncate floats, wrap to the width (an explicit `dtype` may narrow)
  const bits = SIZE[dtype]! * 8;
  const big = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
  const w = k === 'i' ? BigInt.asIntN(bits, big) : BigInt.asUintN(bits, big);
  return bits === 64 ? w : Number(w);
}

/** Nested list of an array's values converted to `dtype`. */
function nested(a: NDArray, dtype: string): { shape: number[]; data: Nested } {
  const p = toPlain(a);
  const conv = { ...p, values: p.values.map((v) => convert(v, dtype)) };
  return { shape: p.shape, data: nestedOf(conv) as Nested };
}

function at(data: Nested, idx: readonly number[]): V {
  let v: Nested = data;
  for (const i of idx) v = (v as Nested[])[i]!;
  return v as V;
}

/** Every multi-index of `shape`, in C order. */
function indices(shape: readonly number[]): number[][] {
  const out: number[][] = [];
  const total = shape.reduce((x, y) => x * y, 1);
  for (let flat = 0; flat < total; flat++) {
    const idx = new Array<number>(shape.length);
    let rem = flat;
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = rem % shape[d]!;
      rem = Math.floor(rem / shape[d]!);
    }
    out.push(idx);
  }
  return out;
}

/** Builds a result by summing, for each output index, the products `terms(idx)` lists. */
function build(dtype: string, shape: number[], k: number, terms: (idx: number[]) => Iterable<[V, V]>): RefResult {
  const values: V[] = [];
  const mag: number[] = [];
  for (const idx of indices(shape)) {
    const acc = zero(dtype);
    for (const [x, y] of terms(idx)) addProduct(acc, dtype, x, y);
    values.push(finish(acc, dtype));
    mag.push(acc.mag);
  }
  return { plain: { dtype, shape, values }, mag, k };
}

/** `x * y` in `dtype` element by element (NumPy's multiply, for 0-d operands): keeps -0. */
function times(x: V, y: V, dtype: string): V {
  const k = kindOf(dtype);
  if (k === 'b') return x !== 0 && y !== 0 ? 1 : 0;
  if (k === 'f') return dtype === 'float32' ? Math.fround(Number(x) * Number(y)) : Number(x) * Number(y);
  const acc: Acc = { sum: BigInt(x) * BigInt(y), mag: 0 };
  return finish(acc, dtype);
}

/** Element-wise product of two arrays broadcast together (only used with a 0-d operand). */
function elementwise(a: NDArray, b: NDArray, dtype: string): RefResult {
  const A = nested(a, dtype);
  const B = nested(b, dtype);
  const shape = A.shape.length >= B.shape.length ? A.shape : B.shape;
  const values = indices(shape).map((idx) =>
    times(A.shape.length === 0 ? (A.data as V) : at(A.data, idx), B.shape.length === 0 ? (B.data as V) : at(B.data, idx), dtype),
  );
  return { plain: { dtype, shape, values }, mag: values.map(() => 0), k: 1 };
}

function* range(n: number): Generator<number> {
  for (let i = 0; i < n; i++) yield i;
}

/** `np.dot`. */
export function refDot(a: NDArray, b: NDArray): RefResult {
  const dtype = refPromote(a.dtype, b.dtype);
  if (a.ndim === 0 || b.ndim === 0) return elementwise(a, b, dtype);
  const A = nested(a, dtype);
  const B = nested(b, dtype);
  const k = A.shape[A.shape.length - 1]!;
  const aLead = A.shape.slice(0, -1);
  const bLead = B.shape.length === 1 ? [] : B.shape.slice(0, -2);
  const bLast = B.shape.length === 1 ? [] : [B.shape[B.shape.length - 1]!];
  return build(dtype, [...aLead, ...bLead, ...bLast], k, function* (idx) {
    const i = idx.slice(0, aLead.length);
    const j = idx.slice(aLead.length, aLead.length + bLead.length);
    const l = idx.slice(aLead.length + bLead.length);
    for (const p of range(k)) yield [at(A.data, [...i, p]), at(B.data, [...j, p, ...l])];
  });
}

/** `np.matmul` (1-d operands promoted to matrices, batch axes broadcast). */
export function refMatmul(a: NDArray, b: NDArray): RefResult {
  const dtype = refPromote(a.dtype, b.dtype);
  const A = nested(a, dtype);
  const B = nested(b, dtype);
  const aShape = A.shape.length === 1 ? [1, A.shape[0]!] : A.shape;
  const bShape = B.shape.length === 1 ? [B.shape[0]!, 1] : B.shape;
  const k = aShape[aShape.length - 1]!;
  const m = aShape[aShape.length - 2]!;
  const n = bShape[bShape.length - 1]!;
  const ab = aShape.slice(0, -2);
  const bb = bShape.slice(0, -2);
  const nb = Math.max(ab.length, bb.length);
  const batch: number[] = [];
  for (let d = 0; d < nb; d++) {
    const x = ab[d - (nb - ab.length)] ?? 1;
    const y = bb[d - (nb - bb.length)] ?? 1;
    batch.push(x === 1 ? y : x);
  }
  // index of an operand's batch axes for a result batch index (size-1 axes broadcast)
  const sub = (own: number[], idx: number[]): number[] => own.map((d, i) => (d === 1 ? 0 : idx[i + idx.length - own.length]!));
  const getA = (bi: number[], i: number, p: number): V => at(A.data, A.shape.length === 1 ? [p] : [...sub(ab, bi), i, p]);
  const getB = (bi: number[], p: number, j: number): V => at(B.data, B.shape.length === 1 ? [p] : [...sub(bb, bi), p, j]);
  const full = build(dtype, [...batch, m, n], k, function* (idx) {
    const bi = idx.slice(0, nb);
    const i = idx[nb]!;
    const j = idx[nb + 1]!;
    for (const p of range(k)) yield [getA(bi, i, p), getB(bi, p, j)];
  });
  const shape = [...batch, ...(A.shape.length > 1 ? [m] : []), ...(B.shape.length > 1 ? [n] : [])];
  return { ...full, plain: { ...full.plain, shape } };
}

/** `np.inner`. */
export function refInner(a: NDArray, b: NDArray): RefResult {
  const dtype = refPromote(a.dtype, b.dtype);
  if (a.ndim === 0 || b.ndim === 0) return elementwise(a, b, dtype);
  const A = nested(a, dtype);
  const B = nested(b, dtype);
  const k = A.shape[A.shape.length - 1]!;
  const la = A.shape.length - 1;
  return build(dtype, [...A.shape.slice(0, -1), ...B.shape.slice(0, -1)], k, function* (idx) {
    for (const p of range(k)) yield [at(A.data, [...idx.slice(0, la), p]), at(B.data, [...idx.slice(la), p])];
  });
}

/** `np.vdot`: the sum over flattened operands, as a one-element result. */
export function refVdot(a: NDArray, b: NDArray): RefResult {
  const dtype = refPromote(a.dtype, b.dtype);
  const x = toPlain(a).values.map((v) => convert(v, dtype));
  const y = toPlain(b).values.map((v) => convert(v, dtype));
  return build(dtype, [], x.length, function* () {
    for (let p = 0; p < x.length; p++) yield [x[p]!, y[p]!];
  });
}

/** `np.outer`: `r[i, j] = a.flat[i] * b.flat[j]`. */
export function refOuter(a: NDArray, b: NDArray): RefResult {
  const dtype = refPromote(a.dtype, b.dtype);
  const x = toPlain(a).values.map((v) => convert(v, dtype));
  const y = toPlain(b).values.map((v) => convert(v, dtype));
  const values: V[] = [];
  for (const xi of x) for (const yj of y) values.push(times(xi, yj, dtype));
  return { plain: { dtype, shape: [x.length, y.length], values }, mag: values.map(() => 0), k: 1 };
}

/** `np.tensordot` with explicit (non-negative or negative) axis lists. */
export function refTensordot(a: NDArray, b: NDArray, axesA: readonly number[], axesB: readonly number[]): RefResult {
  const dtype = refPromote(a.dtype, b.dtype);
  const A = nested(a, dtype);
  const B = nested(b, dtype);
  const na = A.shape.length;
  const nb = B.shape.length;
  const sa = axesA.map((x) => (x < 0 ? x + na : x));
  const sb = axesB.map((x) => (x < 0 ? x + nb : x));
  const freeA = A.shape.map((_, i) => i).filter((i) => !sa.includes(i));
  const freeB = B.shape.map((_, i) => i).filter((i) => !sb.includes(i));
  const summed = sa.map((i) => A.shape[i]!);
  const k = summed.reduce((x, y) => x * y, 1);
  const shape = [...freeA.map((i) => A.shape[i]!), ...freeB.map((i) => B.shape[i]!)];
  return build(dtype, shape, k, function* (idx) {
    for (const s of indices(summed)) {
      const ia = new Array<number>(na);
      const ib = new Array<number>(nb);
      freeA.forEach((ax, t) => (ia[ax] = idx[t]!));
      freeB.forEach((ax, t) => (ib[ax] = idx[freeA.length + t]!));
      sa.forEach((ax, t) => (ia[ax] = s[t]!));
      sb.forEach((ax, t) => (ib[ax] = s[t]!));
      yield [at(A.data, ia), at(B.data, ib)];
    }
  });
}

/** `np.trace` summing in numbat's default accumulator (ints int32, unsigned uint32) or `dtype`. */
export function refTrace(a: NDArray, offset: number, axis1: number, axis2: number, dtype?: string): RefResult {
  const k = kindOf(a.dtype);
  const acc = dtype ?? (k === 'f' || SIZE[a.dtype] === 8 ? a.dtype : k === 'u' ? 'uint32' : 'int32');
  const A = nested(a, acc);
  const nd = A.shape.length;
  const ax1 = axis1 < 0 ? axis1 + nd : axis1;
  const ax2 = axis2 < 0 ? axis2 + nd : axis2;
  const rest = A.shape.map((_, i) => i).filter((i) => i !== ax1 && i !== ax2);
  let len = 0;
  while (true) {
    const i = offset >= 0 ? len : len - offset;
    const j = offset >= 0 ? len + offset : len;
    if (i >= A.shape[ax1]! || j >= A.shape[ax2]!) break;
    len++;
  }
  // a sum of x * 1 is the sum of x (bool sums count trues: they are ints here)
  const one: V = kindOf(acc) === 'f' ? 1 : 1n;
  const res = build(kindOf(acc) === 'b' ? 'bool' : acc, rest.map((i) => A.shape[i]!), len, function* (idx) {
    for (let t = 0; t < len; t++) {
      const full = new Array<number>(nd);
      rest.forEach((ax, r) => (full[ax] = idx[r]!));
      full[ax1] = offset >= 0 ? t : t - offset;
      full[ax2] = offset >= 0 ? t + offset : t;
      yield [at(A.data, full), kindOf(acc) === 'b' ? 1 : one];
    }
  });
  return res;
}

/** `np.kron`: `r[i*bs + j] = a[i] * b[j]` per axis, shapes aligned by leading 1s. */
export function refKron(a: NDArray, b: NDArray): RefResult {
  const dtype = refPromote(a.dtype, b.dtype);
  const A = nested(a, dtype);
  const B = nested(b, dtype);
  const nd = Math.max(A.shape.length, B.shape.length);
  const as = [...new Array<number>(nd - A.shape.length).fill(1), ...A.shape];
  const bs = [...new Array<number>(nd - B.shape.length).fill(1), ...B.shape];
  const shape = as.map((d, i) => d * bs[i]!);
  const values = indices(shape).map((idx) => {
    const ia = idx.map((v, i) => Math.floor(v / bs[i]!)).slice(nd - A.shape.length);
    const ib = idx.map((v, i) => v % bs[i]!).slice(nd - B.shape.length);
    return times(at(A.data, ia), at(B.data, ib), dtype);
  });
  return { plain: { dtype, shape, values }, mag: values.map(() => 0), k: 1 };
}

/**
 * null when `actual` matches the reference result: same dtype and shape, integers and
 * bools exactly, floats within `(k + 2) * eps * magnitude` (NaN where NaN, infinities
 * and, where `signedZeros`, the sign of zero exactly).
 */
export function refMismatch(actual: Plain, ref: { plain: Plain; mag: readonly number[]; k: number }, signedZeros = true): string | null {
  const e = ref.plain;
  if (actual.dtype !== e.dtype) return `dtype ${actual.dtype}, expected ${e.dtype}`;
  if (actual.shape.length !== e.shape.length || actual.shape.some((d, i) => d !== e.shape[i])) {
    return `shape (${actual.shape}), expected (${e.shape})`;
  }
  const eps = e.dtype === 'float32' ? 2 ** -23 : 2 ** -52;
  for (let i = 0; i < e.values.length; i++) {
    const x = actual.values[i]!;
    const y = e.values[i]!;
    if (typeof x === 'bigint' || typeof y === 'bigint') {
      if (BigInt(x) !== BigInt(y)) return `value at ${i}: ${x}, expected ${y}`;
      continue;
    }
    if (Number.isNaN(y) || Number.isNaN(x)) {
      if (Number.isNaN(y) !== Number.isNaN(x)) return `NaN position at ${i}: ${x}, expected ${y}`;
      continue;
    }
    if (x === y) {
      if (signedZeros && x === 0 && Object.is(x, -0) !== Object.is(y, -0)) return `sign of zero at ${i}`;
      continue;
    }
    if (!Number.isFinite(x) || !Number.isFinite(y)) return `value at ${i}: ${x}, expected ${y}`;
    const tol = (ref.k + 2) * eps * (ref.mag[i] ?? 0);
    if (!(Math.abs(x - y) <= tol)) return `value at ${i}: ${x}, expected ${y} (tolerance ${tol})`;
  }
  return null;
}

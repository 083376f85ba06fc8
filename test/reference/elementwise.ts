/**
 * A naive reference for `where`, `clip`, `isclose` and `round`: plain C-order values,
 * broadcasting by explicit index arithmetic, scalar formulas written out. Shares no code
 * with numbat (inputs are read with `toPlain`); the result dtype is passed in by the caller
 * (the reference does not re-derive NumPy's promotion table), and values are stored into
 * it with this file's own conversion.
 */
import type { Plain } from './plain.js';

type Value = number | bigint;

/** The broadcast shape of several shapes, or null when they do not broadcast. */
export function refBroadcastShape(...shapes: readonly (readonly number[])[]): number[] | null {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < nd; i++) {
    let d = 1;
    for (const s of shapes) {
      const k = s.length - nd + i;
      const v = k < 0 ? 1 : s[k]!;
      if (v === 1) continue;
      if (d !== 1 && d !== v) return null;
      d = v;
    }
    out.push(d);
  }
  return out;
}

/** Element of `p` at the multi-index `idx` of a broadcast shape (right-aligned, size-1 axes repeat). */
function at(p: Plain, idx: readonly number[]): Value {
  let flat = 0;
  const off = idx.length - p.shape.length;
  for (let d = 0; d < p.shape.length; d++) {
    const n = p.shape[d]!;
    flat = flat * n + (n === 1 ? 0 : idx[off + d]!);
  }
  return p.values[flat]!;
}

/** Calls `f` with every multi-index of `shape` in C order. */
function eachIndex(shape: readonly number[], f: (idx: number[]) => void): void {
  const size = shape.reduce((a, b) => a * b, 1);
  for (let k = 0; k < size; k++) {
    const idx = new Array<number>(shape.length);
    let rem = k;
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = rem % shape[d]!;
      rem = Math.floor(rem / shape[d]!);
    }
    f(idx);
  }
}

const BITS: Record<string, [number, boolean]> = {
  int8: [8, true], uint8: [8, false], int16: [16, true], uint16: [16, false], int32: [32, true], uint32: [32, false],
};

/** Stores a number into `dtype` (bool: nonzero; ints: truncate and wrap; float32: round to single). */
export function storeAs(v: Value, dtype: string): Value {
  if (dtype === 'int64' || dtype === 'uint64') {
    const b = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
    return dtype === 'int64' ? BigInt.asIntN(64, b) : BigInt.asUintN(64, b);
  }
  const x = Number(v);
  if (dtype === 'bool') return x !== 0 ? 1 : 0; // NaN !== 0: true, as NumPy's bool(nan)
  if (dtype === 'float64') return x;
  if (dtype === 'float32') return new Float32Array([x])[0]!;
  const [bits, signed] = BITS[dtype]!;
  const m = 2 ** bits;
  let r = Math.trunc(x) % m;
  if (r < 0) r += m;
  if (signed && r >= m / 2) r -= m;
  return r === 0 ? 0 : r; // integers have no -0
}

/** `where(cond, x, y)` with the result stored as `dtype`. */
export function refWhere(cond: Plain, x: Plain, y: Plain, dtype: string): Plain {
  const shape = refBroadcastShape(cond.shape, x.shape, y.shape)!;
  const values: Value[] = [];
  eachIndex(shape, (idx) => {
    const c = at(cond, idx);
    const truthy = typeof c === 'bigint' ? c !== 0n : c !== 0; // NaN counts as true
    values.push(storeAs(truthy ? at(x, idx) : at(y, idx), dtype));
  });
  return { dtype, shape, values };
}

/** NumPy's clip of one element: max with lo, then min with hi, NaN from anywhere propagating. */
function clipOne(v: number, lo: number, hi: number): number {
  if (Number.isNaN(v) || Number.isNaN(lo) || Number.isNaN(hi)) return NaN;
  const m = v > lo ? v : lo;
  return m < hi ? m : hi;
}

/**
 * `clip(a, lo, hi)` for number dtypes, computed on the values converted to `dtype` (the
 * caller's result dtype); a null bound does not bind.
 */
export function refClip(a: Plain, lo: Plain | null, hi: Plain | null, dtype: string): Plain {
  const none: Plain = { dtype, shape: [], values: [NaN] };
  const shape = refBroadcastShape(a.shape, (lo ?? none).shape, (hi ?? none).shape)!;
  const values: Value[] = [];
  eachIndex(shape, (idx) => {
    const v = Number(storeAs(at(a, idx), dtype));
    const l = lo === null ? -Infinity : Number(storeAs(at(lo, idx), dtype));
    const h = hi === null ? Infinity : Number(storeAs(at(hi, idx), dtype));
    values.push(storeAs(clipOne(v, l, h), dtype));
  });
  return { dtype, shape, values };
}

/**
 * `isclose(a, b)` with the arithmetic done in `dtype` (`float32` rounds each operation to
 * single precision, as NumPy's float32 loops): |a - b| <= atol + rtol * |b| for finite b,
 * or a == b, or both NaN when `equalNan`.
 */
export function refIsclose(a: Plain, b: Plain, rtol: number, atol: number, equalNan: boolean, dtype: 'float32' | 'float64'): Plain {
  const r = (x: number): number => (dtype === 'float32' ? new Float32Array([x])[0]! : x);
  const shape = refBroadcastShape(a.shape, b.shape)!;
  const values: Value[] = [];
  eachIndex(shape, (idx) => {
    const x = r(Number(at(a, idx)));
    const y = r(Number(at(b, idx)));
    const diff = r(Math.abs(r(x - y)));
    const tol = r(r(atol) + r(r(rtol) * Math.abs(y)));
    let ok = (diff <= tol && Number.isFinite(y)) || x === y;
    if (equalNan && Number.isNaN(x) && Number.isNaN(y)) ok = true;
    values.push(ok ? 1 : 0);
  });
  return { dtype: 'bool', shape, values };
}

/** Round half to even of one double. */
function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const diff = x - f;
  let r: number;
  if (diff < 0.5) r = f;
  else if (diff > 0.5) r = f + 1;
  else r = f % 2 === 0 ? f : f + 1;
  return r === 0 && (x < 0 || Object.is(x, -0)) ? -0 : r;
}

/**
 * `round(a, decimals)` for float dtypes (scale by 10**decimals, round half to even, scale
 * back, each step in the array's precision) and for integer dtypes (unchanged for
 * decimals >= 0, else rounded in doubles and stored back).
 */
export function refRound(a: Plain, decimals: number): Plain {
  const dtype = a.dtype;
  const f32 = dtype === 'float32';
  const r = (x: number): number => (f32 ? new Float32Array([x])[0]! : x);
  let scale = 1;
  for (let i = 0; i < Math.abs(decimals); i++) scale *= 10;
  const s = r(scale);
  const isFloat = dtype === 'float32' || dtype === 'float64';
  const values = a.values.map((v) => {
    if (!isFloat && decimals >= 0) return v;
    const x = Number(v);
    const y = decimals >= 0 ? r(roundHalfEven(r(x * s)) / s) : r(roundHalfEven(r(x / s)) * s);
    return isFloat ? y : storeAs(y, dtype);
  });
  return { dtype, shape: a.shape.slice(), values };
}

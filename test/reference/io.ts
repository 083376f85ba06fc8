/**
 * A naive `.npy` writer and reader written straight from NumPy's format description
 * (`numpy/lib/format.py`): the header as a template string, elements one at a time
 * through a DataView. Shares no code with `packages/ndarray/src/io`; arrays are read with
 * `toPlain`.
 */
import type { NDArray } from '@numbat/ndarray';
import { toPlain, type Plain } from './plain.js';

const SIZE: Record<string, number> = { bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8, float32: 4, float64: 8 };
const DESCR: Record<string, string> = {
  bool: '|b1', int8: '|i1', uint8: '|u1', int16: '<i2', uint16: '<u2', int32: '<i4', uint32: '<u4', int64: '<i8', uint64: '<u8', float32: '<f4', float64: '<f8',
};

function put(dv: DataView, p: number, dtype: string, v: number | bigint, little: boolean): void {
  switch (dtype) {
    case 'bool':
    case 'uint8': return dv.setUint8(p, Number(v));
    case 'int8': return dv.setInt8(p, Number(v));
    case 'int16': return dv.setInt16(p, Number(v), little);
    case 'uint16': return dv.setUint16(p, Number(v), little);
    case 'int32': return dv.setInt32(p, Number(v), little);
    case 'uint32': return dv.setUint32(p, Number(v), little);
    case 'int64': return dv.setBigInt64(p, BigInt(v), little);
    case 'uint64': return dv.setBigUint64(p, BigInt(v), little);
    case 'float32': return dv.setFloat32(p, Number(v), little);
    default: return dv.setFloat64(p, Number(v), little);
  }
}

function get(dv: DataView, p: number, dtype: string, little: boolean): number | bigint {
  switch (dtype) {
    case 'bool': return dv.getUint8(p) !== 0 ? 1 : 0;
    case 'uint8': return dv.getUint8(p);
    case 'int8': return dv.getInt8(p);
    case 'int16': return dv.getInt16(p, little);
    case 'uint16': return dv.getUint16(p, little);
    case 'int32': return dv.getInt32(p, little);
    case 'uint32': return dv.getUint32(p, little);
    case 'int64': return dv.getBigInt64(p, little);
    case 'uint64': return dv.getBigUint64(p, little);
    case 'float32': return dv.getFloat32(p, little);
    default: return dv.getFloat64(p, little);
  }
}

/** Index (in C order) of the k-th element in Fortran order. */
function fortranToC(k: number, shape: readonly number[]): number {
  let rem = k;
  let c = 0;
  let stride = 1;
  const idx: number[] = [];
  for (let d = 0; d < shape.length; d++) {
    idx.push(rem % shape[d]!);
    rem = Math.floor(rem / shape[d]!);
  }
  for (let d = shape.length - 1; d >= 0; d--) {
    c += idx[d]! * stride;
    stride *= shape[d]!;
  }
  return c;
}

/** The `.npy` bytes NumPy writes (version 1.0) for `a`, laid out C or Fortran as said. */
export function npyReference(a: NDArray, fortran: boolean): Uint8Array {
  const p = toPlain(a);
  const shape = p.shape.length === 1 ? `(${p.shape[0]},)` : `(${p.shape.join(', ')})`;
  let dict = `{'descr': '${DESCR[p.dtype]}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${shape}, }`;
  if (p.shape.length > 0) dict += ' '.repeat(21 - String(p.shape[fortran ? p.shape.length - 1 : 0]).length);
  let total = 10 + dict.length + 1;
  while (total % 64 !== 0) {
    dict += ' ';
    total++;
  }
  dict += '\n';
  const size = SIZE[p.dtype]!;
  const out = new Uint8Array(10 + dict.length + p.values.length * size);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, dict.length & 0xff, dict.length >> 8]);
  for (let i = 0; i < dict.length; i++) out[10 + i] = dict.charCodeAt(i);
  const dv = new DataView(out.buffer);
  for (let k = 0; k < p.values.length; k++) {
    const v = p.values[fortran ? fortranToC(k, p.shape) : k]!;
    put(dv, 10 + dict.length + k * size, p.dtype, v, true);
  }
  return out;
}

/**
 * Decodes `.npy` data naively, given what the header says (the caller parses it with a
 * regular expression): C-order plain values.
 */
export function npyDataReference(bytes: Uint8Array, dataStart: number, dtype: string, shape: number[], fortran: boolean, little: boolean): Plain {
  const n = shape.reduce((x, y) => x * y, 1);
  const size = SIZE[dtype]!;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values: (number | bigint)[] = new Array(n);
  for (let k = 0; k < n; k++) values[fortran ? fortranToC(k, shape) : k] = get(dv, dataStart + k * size, dtype, little);
  return { dtype, shape, values };
}

/**
 * `.npy` bytes: `toNpy` writes an array as NumPy's `np.save` does (same header bytes, data
 * aligned to 64, Fortran order kept for F-contiguous arrays), `fromNpy` reads any `.npy`
 * of a numbat dtype, versions 1.0, 2.0 and 3.0, either byte order. Browser-safe: no Node
 * import. Every check runs before anything is allocated, so a hostile header cannot make
 * it allocate more than the input's size.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, type TypedArray } from '../dtype/dtypes.js';
import { ValueError } from '../errors.js';
import { cStrides, fStrides } from '../shape/shape.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { copyOf } from '../ops/assign.js';
import { arrayTooBig, buildHeader, readHeader, type NpyVersion } from './npy-header.js';

export type { NpyVersion } from './npy-header.js';

/** True on a little-endian host (TypedArrays use the host's byte order). */
const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reverses the bytes of each `size`-byte element of `b` in place. */
function byteswap(b: Uint8Array, size: number): void {
  if (size === 1) return;
  for (let p = 0; p < b.length; p += size) {
    for (let i = 0, j = size - 1; i < j; i++, j--) {
      const t = b[p + i]!;
      b[p + i] = b[p + j]!;
      b[p + j] = t;
    }
  }
}

/**
 * The bytes of `data`: a `Uint8Array` (a Node `Buffer` too) or an `ArrayBuffer` (what
 * `fetch(...).arrayBuffer()` gives), viewed without copying.
 */
export function asBytes(data: unknown, fn: string, what: string): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data) && (data as Uint8Array).BYTES_PER_ELEMENT === 1) {
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength); // e.g. a Uint8Array of another realm
  }
  throw new ValueError(`${fn} expects the bytes of a ${what} file as a Uint8Array or an ArrayBuffer`);
}

/** Options of {@link toNpy}. */
export interface ToNpyOptions {
  /**
   * Format version to write: 1, 2 or 3 (NumPy's `write_array(..., version=(v, 0))`).
   * Default: the oldest that can hold the header (1.0 for any realistic shape), as `np.save`.
   */
  version?: NpyVersion;
}

/**
 * The bytes of a `.npy` file holding `a`: NumPy's `np.save` to a buffer, byte for byte.
 * A C-contiguous array is written in C order, an F-contiguous one (that is not also
 * C-contiguous) in Fortran order with `fortran_order: True`, anything else as a C-order
 * copy. Data is little-endian.
 *
 * @example
 * const bytes = np.toNpy(np.arange(6).reshape(2, 3));
 * np.fromNpy(bytes).shape; // [2, 3]
 */
export function toNpy(a: ArrayLike, options: ToNpyOptions = {}): Uint8Array {
  const arr = asarray(a);
  const v = options.version;
  if (v !== undefined && v !== 1 && v !== 2 && v !== 3) {
    throw new ValueError(`we only support format version (1,0), (2,0), and (3,0), not (${String(v)}, 0)`);
  }
  const fortran = !arr.flags.cContiguous && arr.flags.fContiguous;
  const src = arr.flags.cContiguous || fortran ? arr : copyOf(arr, arr.dtype, 'C');
  const header = buildHeader(arr.dtype, fortran, arr.shape, v);
  const itemsize = DTYPES[arr.dtype].itemsize;
  const n = arr.size;
  const out = new Uint8Array(header.length + n * itemsize);
  out.set(header);
  if (n > 0) {
    const d = src.data;
    out.set(new Uint8Array(d.buffer, d.byteOffset + src.offset * itemsize, n * itemsize), header.length);
    if (!HOST_LITTLE) byteswap(out.subarray(header.length), itemsize);
  }
  return out;
}

/**
 * Reads `.npy` bytes (NumPy's `np.load` of a `.npy` file, with `allow_pickle=False`),
 * given as a `Uint8Array` (or Node `Buffer`) or an `ArrayBuffer`.
 * Versions 1.0, 2.0 and 3.0; every numbat dtype in either byte order (big-endian data is
 * converted); `fortran_order: True` gives an F-contiguous array, as NumPy. The result owns
 * a fresh buffer (the input is not viewed). `bool` bytes other than 0 and 1 read as true.
 *
 * Throws `ValueError` for anything else: a wrong magic string, an unknown version, a
 * truncated header, a header that is not the expected dict (parsed strictly, never
 * evaluated), object, structured, string or float16 dtypes, negative dimensions, and a
 * data section whose length differs from what the shape needs. Unlike NumPy, trailing
 * bytes after the data are an error too (they mean the header and the data disagree).
 *
 * @example
 * const a = np.fromNpy(np.toNpy(np.eye(2)));
 * a.dtype; // 'float64'
 */
export function fromNpy(input: Uint8Array | ArrayBuffer): NDArray {
  const bytes = asBytes(input, 'fromNpy', '.npy');
  const h = readHeader(bytes);
  const info = DTYPES[h.dtype];
  const available = bytes.length - h.dataOffset;
  // the element count, checked against the bytes present before anything is allocated
  let count = 1;
  let zero = false;
  for (const d of h.shape) {
    if (d === 0) zero = true;
    else {
      count *= d;
      if (count * info.itemsize > Number.MAX_SAFE_INTEGER) throw arrayTooBig();
    }
  }
  if (zero) count = 0;
  const nbytes = count * info.itemsize;
  if (available < nbytes) {
    throw new ValueError(`EOF: reading array data, expected ${nbytes} bytes got ${available}`);
  }
  if (available > nbytes) {
    throw new ValueError(
      `the .npy data does not match its header: shape ${shapeText(h.shape)} of ${h.dtype} needs ${nbytes} bytes, the file has ${available}`,
    );
  }
  const buf = new ArrayBuffer(nbytes);
  const raw = new Uint8Array(buf);
  raw.set(bytes.subarray(h.dataOffset, h.dataOffset + nbytes));
  if (h.bigEndian === HOST_LITTLE) byteswap(raw, info.itemsize);
  const data = new info.ctor(buf) as TypedArray;
  if (h.dtype === 'bool') {
    for (let i = 0; i < raw.length; i++) if (raw[i]! > 1) raw[i] = 1;
  }
  const strides = h.fortranOrder ? fStrides(h.shape) : cStrides(h.shape);
  return new NDArray(data, h.shape, strides, 0, h.dtype);
}

function shapeText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

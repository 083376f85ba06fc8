/**
 * `.npz` bytes: a ZIP archive of `.npy` members, one per array, as NumPy's `np.savez` /
 * `np.savez_compressed` write and `np.load` reads. Browser-safe.
 *
 * Archives come back as a record with a `null` prototype (`Object.create(null)`), so a
 * member named `__proto__.npy` or `constructor.npy` is an ordinary key: it can neither
 * pollute `Object.prototype` nor change the record's prototype.
 */
import type { NDArray } from '../ndarray.js';
import { ValueError } from '../errors.js';
import type { ArrayLike } from '../ops/convert.js';
import { asBytes, fromNpy, toNpy } from './npy.js';
import { hasNpyMagic } from './npy-header.js';
import { readZip, writeZip, type ZipEntry } from './zip.js';

/**
 * Arrays to store in an `.npz`: a list (named `arr_0`, `arr_1`, ..., as NumPy names
 * positional arguments), a record or a `Map` (named by their keys). A JS array is always
 * a list of arrays, as NumPy's `*args`: `[[1, 2], [3, 4]]` stores `arr_0 = [1, 2]` and
 * `arr_1 = [3, 4]`.
 */
export type NpzArrays = readonly ArrayLike[] | Readonly<Record<string, ArrayLike>> | ReadonlyMap<string, ArrayLike>;

/** Options of {@link toNpz}. */
export interface ToNpzOptions {
  /** Deflate the members (`np.savez_compressed`); default false (`np.savez`, stored). */
  compress?: boolean;
}

/** The (name, array) pairs of `arrays`, in order. */
function npzMembers(arrays: NpzArrays): [string, ArrayLike][] {
  if (Array.isArray(arrays)) return (arrays as readonly ArrayLike[]).map((a, i) => [`arr_${i}`, a]);
  if (arrays instanceof Map) return [...(arrays as ReadonlyMap<string, ArrayLike>).entries()];
  if (arrays === null || typeof arrays !== 'object') throw new ValueError('savez expects a list, a record or a Map of arrays');
  const rec = arrays as Readonly<Record<string, ArrayLike>>;
  return Object.keys(rec).map((k) => [k, rec[k]!]);
}

/**
 * The bytes of an `.npz` archive holding `arrays` (NumPy's `np.savez`, or
 * `np.savez_compressed` with `{ compress: true }`). Each array is the member
 * `<name>.npy`, written by {@link toNpy}.
 *
 * @example
 * const bytes = np.toNpz({ x: np.arange(3), y: np.eye(2) }, { compress: true });
 * Object.keys(np.fromNpz(bytes)); // ['x', 'y']
 */
export function toNpz(arrays: NpzArrays, options: ToNpzOptions = {}): Uint8Array {
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  for (const [name, a] of npzMembers(arrays)) {
    if (typeof name !== 'string') throw new ValueError(`npz member names must be strings, got ${typeof name}`);
    const file = name + '.npy';
    if (seen.has(file)) throw new ValueError(`Duplicate name: '${file}'`);
    seen.add(file);
    entries.push({ name: file, data: toNpy(a) });
  }
  return writeZip(entries, options.compress === true);
}

function setKey(rec: Record<string, NDArray>, key: string, value: NDArray): void {
  Object.defineProperty(rec, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Reads `.npz` bytes (a `Uint8Array` or an `ArrayBuffer`; NumPy's `np.load` of an
 * `.npz`, with `allow_pickle=False`): a record from each member's name without its `.npy`
 * suffix to the array, in archive order. The record has a `null` prototype (use `Object.keys`, `Object.entries`, `in`).
 * Stored and deflated members are read; sizes and CRC-32 are checked.
 *
 * Throws `ValueError` for a malformed or unsupported archive, a member that is not a
 * `.npy` file (NumPy would hand back its raw bytes), two members with the same key, and
 * every error of {@link fromNpy}, prefixed with the member's name.
 *
 * @example
 * const arrays = np.fromNpz(np.toNpz([np.arange(3)]));
 * arrays.arr_0.tolist(); // [0, 1, 2]
 */
export function fromNpz(data: Uint8Array | ArrayBuffer): Record<string, NDArray> {
  const bytes = asBytes(data, 'fromNpz', '.npz');
  const out = Object.create(null) as Record<string, NDArray>;
  for (const { name, data } of readZip(bytes)) {
    if (name.endsWith('/') && data.length === 0) continue; // a directory entry
    const key = name.endsWith('.npy') ? name.slice(0, -4) : name;
    if (Object.prototype.hasOwnProperty.call(out, key)) throw new ValueError(`the .npz has two members for the key '${key}'`);
    if (!hasNpyMagic(data)) throw new ValueError(`member '${name}' of the .npz is not a .npy file`);
    let arr: NDArray;
    try {
      arr = fromNpy(data);
    } catch (e) {
      if (e instanceof ValueError) throw new ValueError(`member '${name}' of the .npz: ${e.message}`);
      throw e;
    }
    setKey(out, key, arr);
  }
  return out;
}

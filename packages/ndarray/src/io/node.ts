/**
 * File-path I/O for Node (NumPy's `np.save`, `np.load`, `np.savez`, `np.savez_compressed`,
 * `np.loadtxt`, `np.savetxt`): thin synchronous wrappers that read or write the file and
 * hand the bytes or text to the browser-safe functions of `io/index.ts`. Only the Node
 * entry (`src/node.ts`) exports this module, so the core bundle has no Node import.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { NDArray } from '../ndarray.js';
import { ValueError } from '../errors.js';
import type { ArrayLike } from '../ops/convert.js';
import { fromNpy, toNpy } from './npy.js';
import { fromNpz, toNpz, type NpzArrays } from './npz.js';
import { hasNpyMagic } from './npy-header.js';
import { hasZipMagic } from './zip.js';
import { fromText, toText, type LoadtxtOptions, type SavetxtOptions } from './text.js';

/** A file path: a string or a `file:` URL. */
export type PathLike = string | URL;

function withSuffix(path: PathLike, suffix: string): PathLike {
  if (typeof path !== 'string') return path;
  return path.endsWith(suffix) ? path : path + suffix;
}

/**
 * Writes `a` to a `.npy` file (NumPy's `np.save`): `.npy` is appended to a string path
 * that lacks it, as NumPy does. Synchronous. See {@link toNpy} for the format.
 *
 * @example
 * np.save('/tmp/a.npy', np.arange(5));
 */
export function save(path: PathLike, a: ArrayLike): void {
  writeFileSync(withSuffix(path, '.npy'), toNpy(a));
}

/**
 * Reads a `.npy` file (an `NDArray`) or an `.npz` archive (a record of arrays with a
 * `null` prototype), as NumPy's `np.load` with `allow_pickle=False`: the file's first
 * bytes decide, not its name. The overloads type a path ending in `.npy` or `.npz`.
 * Throws `ValueError` for anything else (pickles included, with NumPy's message) and for
 * every malformed file (see {@link fromNpy}, {@link fromNpz}). Synchronous.
 *
 * @example
 * np.save('/tmp/a.npy', np.eye(2));
 * const a = np.load('/tmp/a.npy'); // NDArray
 */
export function load(path: `${string}.npy`): NDArray;
export function load(path: `${string}.npz`): Record<string, NDArray>;
export function load(path: PathLike): NDArray | Record<string, NDArray>;
export function load(path: PathLike): NDArray | Record<string, NDArray> {
  const buf = readFileSync(path);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  if (hasZipMagic(bytes)) return fromNpz(bytes);
  if (hasNpyMagic(bytes)) return fromNpy(bytes);
  throw new ValueError(
    'This file contains pickled (object) data. If you trust the file you can load it unsafely using the `allow_pickle=` keyword argument or `pickle.load()`.',
  );
}

/**
 * Writes arrays to an uncompressed `.npz` archive (NumPy's `np.savez`): a list is stored
 * as `arr_0`, `arr_1`, ..., a record or `Map` under its keys. `.npz` is appended to a
 * string path that lacks it. Synchronous.
 *
 * @example
 * np.savez('/tmp/data.npz', { x: np.arange(3), y: np.ones(2) });
 */
export function savez(path: PathLike, arrays: NpzArrays): void {
  writeFileSync(withSuffix(path, '.npz'), toNpz(arrays));
}

/**
 * Writes arrays to a deflated `.npz` archive (NumPy's `np.savez_compressed`); otherwise
 * as {@link savez}. Synchronous.
 *
 * @example
 * np.savezCompressed('/tmp/data.npz', [np.zeros(1000)]);
 */
export function savezCompressed(path: PathLike, arrays: NpzArrays): void {
  writeFileSync(withSuffix(path, '.npz'), toNpz(arrays, { compress: true }));
}

/** Options of {@link loadtxt}: those of {@link fromText} plus the file's encoding. */
export interface LoadtxtFileOptions extends LoadtxtOptions {
  /** Text encoding of the file; default `'utf-8'` (NumPy: the locale's, UTF-8 on most systems). */
  encoding?: 'utf-8' | 'latin1';
}

/**
 * Reads a text table from a file (NumPy's `np.loadtxt`); see {@link fromText} for the
 * options and rules. Synchronous.
 *
 * @example
 * np.savetxt('/tmp/t.txt', np.eye(2));
 * np.loadtxt('/tmp/t.txt').shape; // [2, 2]
 */
export function loadtxt(path: PathLike, options: LoadtxtFileOptions = {}): NDArray {
  const { encoding, ...rest } = options;
  return fromText(readFileSync(path, encoding === 'latin1' ? 'latin1' : 'utf8'), rest);
}

/** Options of {@link savetxt}: those of {@link toText} plus the file's encoding. */
export interface SavetxtFileOptions extends SavetxtOptions {
  /** Text encoding of the file; default `'latin1'`, as NumPy (characters past U+00FF then throw). */
  encoding?: 'utf-8' | 'latin1';
}

/**
 * Writes a 1-d or 2-d array as a text table (NumPy's `np.savetxt`), byte for byte what
 * NumPy writes; see {@link toText} for the options. Synchronous.
 *
 * @example
 * np.savetxt('/tmp/t.csv', np.array([[1, 2], [3, 4]]), { fmt: '%d', delimiter: ',' });
 */
export function savetxt(path: PathLike, a: ArrayLike, options: SavetxtFileOptions = {}): void {
  const { encoding, ...rest } = options;
  const text = toText(a, rest);
  if (encoding !== 'utf-8' && /[^\x00-\xff]/.test(text)) {
    throw new ValueError("'latin-1' codec can't encode the text: pass { encoding: 'utf-8' } to write characters past U+00FF");
  }
  writeFileSync(path, text, encoding === 'utf-8' ? 'utf8' : 'latin1');
}

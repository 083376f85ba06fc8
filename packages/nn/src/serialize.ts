/**
 * `nn.save` / `nn.load`: a model's state dict as an uncompressed `.npz` archive, one
 * `.npy` member per key (PyTorch's names, `'0.weight'`), which NumPy opens with
 * `np.load(path)`. Node only (file-path I/O through `@numbat/ndarray`'s Node entry, as
 * `np.savez` / `np.load`); in a browser, use `np.toNpz(model.stateDict())` and
 * `model.loadStateDict(np.fromNpz(bytes))` on bytes.
 */
import * as np from '@numbat/ndarray';
import type { IncompatibleKeys, LoadStateDictOptions, Module } from './module.js';

/** A file path: a string or a `file:` URL. */
export type PathLike = string | URL;

/**
 * The file functions of ndarray's Node entry. Read off the namespace at run time: Node
 * resolves `@numbat/ndarray` to that entry (the `node` export condition), a browser
 * bundle to the core, where they are absent; the core's types do not declare them.
 */
interface NodeIO {
  savez?: (path: PathLike, arrays: Readonly<Record<string, np.NDArray>>) => void;
  load?: (path: PathLike) => np.NDArray | Record<string, np.NDArray>;
}
const io = np as unknown as NodeIO;

function nodeOnly(name: string): never {
  throw new np.ValueError(`nn.${name} needs file access (Node); in a browser use np.toNpz(model.stateDict()) / model.loadStateDict(np.fromNpz(bytes))`);
}

/**
 * Writes `model.stateDict()` to an `.npz` archive (`.npz` is appended to a string path
 * that lacks it, as `np.savez` does). Synchronous.
 *
 * @example
 * nn.save(model, '/tmp/model.npz');
 * // python: np.load('/tmp/model.npz')['0.weight']
 */
export function save(model: Module, path: PathLike): void {
  if (typeof io.savez !== 'function') nodeOnly('save');
  io.savez(path, model.stateDict());
}

/**
 * Reads an `.npz` archive written by {@link save} (or by NumPy's `np.savez` with the
 * model's keys) into `model`, in place, through `model.loadStateDict` (`strict` by
 * default: missing or unexpected keys throw). Returns the incompatible keys. Synchronous.
 *
 * @example
 * const copy = new Net();
 * nn.load(copy, '/tmp/model.npz');
 */
export function load(model: Module, path: PathLike, options: LoadStateDictOptions = {}): IncompatibleKeys {
  if (typeof io.load !== 'function') nodeOnly('load');
  const arrays = io.load(path);
  if (arrays instanceof np.NDArray) throw new np.ValueError(`nn.load expects an .npz archive of a state dict, but ${String(path)} holds a single .npy array`);
  return model.loadStateDict(arrays, options);
}

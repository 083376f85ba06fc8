/**
 * I/O that works anywhere (browsers included): `.npy` and `.npz` bytes and text tables.
 * The file-path functions (`save`, `load`, `savez`, `savezCompressed`, `loadtxt`,
 * `savetxt`) live in the Node entry (`io/node.ts`, exported by `@numbat/ndarray` under
 * Node), so this module imports nothing from Node.
 */
export { toNpy, fromNpy, type ToNpyOptions, type NpyVersion } from './npy.js';
export { toNpz, fromNpz, type ToNpzOptions, type NpzArrays } from './npz.js';
export { fromText, toText, type LoadtxtOptions, type SavetxtOptions } from './text.js';

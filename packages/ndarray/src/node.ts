/**
 * `@numbat/ndarray` for Node: everything of the core entry (`index.ts`) plus the
 * file-path I/O functions (`save`, `load`, `savez`, `savezCompressed`, `loadtxt`,
 * `savetxt`). Node resolves `import * as np from '@numbat/ndarray'` here through the
 * package's `node` export condition; browsers and bundlers get the core without these.
 *
 * @example
 * import * as np from '@numbat/ndarray';
 * np.save('/tmp/a.npy', np.arange(3));
 */
export * from './index.js';
export {
  save,
  load,
  savez,
  savezCompressed,
  loadtxt,
  savetxt,
  type PathLike,
  type LoadtxtFileOptions,
  type SavetxtFileOptions,
} from './io/node.js';

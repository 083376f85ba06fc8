import { defineConfig } from 'tsup';

// Two entries: `index` is the core (browser-safe, no Node import); `node` adds the
// file-path I/O (`save`, `load`, ...). package.json's `node` export condition sends Node to
// `node`, everything else to `index`. ESM shares one chunk between them, so both see the
// same NDArray class.
export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
});

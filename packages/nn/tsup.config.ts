import { defineConfig } from 'tsup';

// Two entries, as @numbat/ndarray: `index` is the core (browser-safe: no Node import, no
// cli-progress); `node` adds the terminal progress bar. package.json's `node` export
// condition sends Node to `node`, everything else to `index`. ESM shares one chunk between
// them, so both see the same classes and the bar registered by `node` reaches `nn.fit`.
export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // the other packages stay imports: one NDArray and one Tensor class shared with the user's code
  external: ['@numbat/ndarray', '@numbat/autograd'],
});

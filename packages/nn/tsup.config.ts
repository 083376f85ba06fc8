import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // the other packages stay imports: one NDArray and one Tensor class shared with the user's code
  external: ['@numbat/ndarray', '@numbat/autograd'],
});

import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Tests import `@numbat/*` by package name, as users do. They resolve to the sources so a
// failing line points at TypeScript; `test/dist.test.ts` checks the built bundles themselves.
export default defineConfig({
  resolve: {
    alias: {
      '@numbat/ndarray': fileURLToPath(new URL('./packages/ndarray/src/node.ts', import.meta.url)),
      '@numbat/autograd': fileURLToPath(new URL('./packages/autograd/src/index.ts', import.meta.url)),
      '@numbat/nn': fileURLToPath(new URL('./packages/nn/src/node.ts', import.meta.url)),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

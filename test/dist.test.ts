/**
 * The built bundles (`npm test` builds them first): the ESM and CJS entry points load in
 * Node as a user's import or require would, expose the same API, and compute.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../packages/ndarray/dist/', import.meta.url));

describe('@numbat/ndarray bundles', () => {
  it('were built with ESM, CJS and type declarations', () => {
    for (const f of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']) expect(existsSync(dist + f), f).toBe(true);
  });

  it('load through the package exports and agree', async () => {
    const esm = (await import(/* @vite-ignore */ dist + 'index.js')) as typeof import('@numbat/ndarray');
    const require = createRequire(import.meta.url);
    const cjs = require(dist + 'index.cjs') as typeof import('@numbat/ndarray');
    for (const np of [esm, cjs]) {
      const a = np.add(np.array([1, 2, 3]), 2);
      expect(a.dtype).toBe('int32');
      expect(Array.from(a.data as Int32Array)).toEqual([3, 4, 5]);
    }
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
  });

  it('has no Node import in the core bundle', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(dist + 'index.js', 'utf8');
    expect(text).not.toMatch(/from ['"](node:)?(fs|path|child_process|os)['"]/);
  });
});

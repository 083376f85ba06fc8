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

  it('has no Node import in the core bundle (nor in the chunks it imports)', async () => {
    const { readFileSync } = await import('node:fs');
    const NODE_IMPORT = /(from\s*|import\s*\(?\s*|require\(\s*)['"](node:)?(fs|path|child_process|os|url|module|worker_threads)['"]/;
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(dist + file, 'utf8');
      expect(text, file).not.toMatch(NODE_IMPORT);
      for (const m of text.matchAll(/from\s*['"]\.\/([^'"]+)['"]/g)) visit(m[1]!);
    };
    visit('index.js');
    visit('index.cjs');
    expect(seen.size).toBeGreaterThan(1); // index.js re-exports a shared chunk
    // the Node entry does import fs (it is where the file functions live)
    expect(readFileSync(dist + 'node.js', 'utf8')).toMatch(NODE_IMPORT);
  });
});

describe('@numbat/ndarray node entry', () => {
  const FILE_FUNCTIONS = ['load', 'loadtxt', 'save', 'savetxt', 'savez', 'savezCompressed'];

  it('was built with ESM, CJS and type declarations', () => {
    for (const f of ['node.js', 'node.cjs', 'node.d.ts', 'node.d.cts']) expect(existsSync(dist + f), f).toBe(true);
  });

  it('exports the core plus the file functions; the core has none of them', async () => {
    const core = (await import(/* @vite-ignore */ dist + 'index.js')) as Record<string, unknown>;
    const node = (await import(/* @vite-ignore */ dist + 'node.js')) as Record<string, unknown>;
    const require = createRequire(import.meta.url);
    const nodeCjs = require(dist + 'node.cjs') as Record<string, unknown>;
    for (const f of FILE_FUNCTIONS) {
      expect(typeof node[f], f).toBe('function');
      expect(typeof nodeCjs[f], f).toBe('function');
      expect(core[f], f).toBe(undefined);
    }
    for (const f of ['toNpy', 'fromNpy', 'toNpz', 'fromNpz', 'toText', 'fromText']) expect(typeof core[f], f).toBe('function');
    expect(Object.keys(node).sort()).toEqual([...Object.keys(core), ...FILE_FUNCTIONS].sort());
    expect(Object.keys(nodeCjs).sort()).toEqual(Object.keys(node).sort());
    // ESM entries share one chunk: one NDArray class for both
    expect(node.NDArray).toBe(core.NDArray);
  });

  it('round-trips files through the built bundle', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const np = (await import(/* @vite-ignore */ dist + 'node.js')) as typeof import('@numbat/ndarray');
    const dir = mkdtempSync(join(tmpdir(), 'numbat-dist-'));
    try {
      np.save(join(dir, 'a.npy'), np.arange(4));
      expect(Array.from(np.load(join(dir, 'a.npy')).data as Int32Array)).toEqual([0, 1, 2, 3]);
      np.savezCompressed(join(dir, 'z'), { x: np.ones(2) });
      expect(Object.keys(np.load(join(dir, 'z.npz')))).toEqual(['x']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("resolves by the package's conditional exports: Node gets the node entry, bundlers the core", async () => {
    const { readFileSync } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const require = createRequire(import.meta.url);
    expect(require.resolve('@numbat/ndarray')).toBe(dist + 'node.cjs');
    const esm = spawnSync(process.execPath, ['--input-type=module', '-e', "import * as np from '@numbat/ndarray'; console.log(typeof np.save, typeof np.toNpy)"], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
    });
    expect(esm.stdout.trim()).toBe('function function');
    const pkg = JSON.parse(readFileSync(new URL('../packages/ndarray/package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, Record<string, Record<string, string>>>;
    };
    const root = pkg.exports['.']!;
    expect(Object.keys(root)[0]).toBe('node'); // conditions match in order: node must come first
    expect(root.import!.default).toBe('./dist/index.js');
    expect(root.require!.default).toBe('./dist/index.cjs');
    expect((root.node as unknown as Record<string, Record<string, string>>).import!.default).toBe('./dist/node.js');
  });
});

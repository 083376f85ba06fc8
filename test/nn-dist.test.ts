/**
 * The built bundles of `@numbat/nn` (`npm test` builds them first): a browser-safe core
 * entry (no Node import, no cli-progress) and a Node entry that adds the terminal progress
 * bar, chosen by the package's conditional exports as for `@numbat/ndarray`.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../packages/nn/dist/', import.meta.url));
const NODE_IMPORT = /(from\s*|import\s*\(?\s*|require\(\s*)['"](node:)?(fs|path|child_process|os|url|module|worker_threads|readline|tty)['"]/;
const CLI_PROGRESS = /(from\s*|import\s*\(?\s*|require\(\s*)['"]cli-progress['"]/;

describe('@numbat/nn bundles', () => {
  it('were built: core and Node entries, ESM, CJS and type declarations', () => {
    for (const e of ['index', 'node']) for (const ext of ['.js', '.cjs', '.d.ts', '.d.cts']) expect(existsSync(dist + e + ext), e + ext).toBe(true);
  });

  it('the core (ESM and the chunks it imports, and CJS) imports neither Node modules nor cli-progress; the Node entry brings the bar', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(dist + file, 'utf8');
      expect(text, file).not.toMatch(NODE_IMPORT);
      expect(text, file).not.toMatch(CLI_PROGRESS);
      for (const m of text.matchAll(/from\s*['"]\.\/([^'"]+)['"]/g)) visit(m[1]!);
    };
    visit('index.js');
    visit('index.cjs');
    expect(seen.size).toBeGreaterThan(2); // index.js re-exports a shared chunk
    expect(readFileSync(dist + 'node.js', 'utf8')).toMatch(CLI_PROGRESS);
    expect(readFileSync(dist + 'node.cjs', 'utf8')).toMatch(CLI_PROGRESS);
  });

  it('both entries export the same API and (ESM) share their classes', async () => {
    const core = (await import(/* @vite-ignore */ dist + 'index.js')) as Record<string, unknown>;
    const node = (await import(/* @vite-ignore */ dist + 'node.js')) as Record<string, unknown>;
    const require = createRequire(import.meta.url);
    const nodeCjs = require(dist + 'node.cjs') as Record<string, unknown>;
    expect(Object.keys(node).sort()).toEqual(Object.keys(core).sort());
    expect(Object.keys(nodeCjs).sort()).toEqual(Object.keys(core).sort());
    expect(node.Module).toBe(core.Module);
    expect(node.fit).toBe(core.fit);
  });

  it('Node resolves the package to the Node entry (a bar on a TTY); the core prints lines', () => {
    const require = createRequire(import.meta.url);
    expect(require.resolve('@numbat/nn')).toBe(dist + 'node.cjs');
    const script = (specifier: string): string => `
      import * as np from '@numbat/ndarray';
      import * as nn from '${specifier}';
      const chunks = [];
      const stream = { isTTY: true, columns: 120, write: (s) => { chunks.push(s); return true; } };
      np.random.seed(0);
      const model = new nn.Linear(1, 1);
      const x = np.array([[0], [1], [2], [3]], { dtype: 'float64' });
      const loader = new nn.data.DataLoader(new nn.data.TensorDataset(x, x), { batchSize: 2 });
      nn.fit(model, loader, { loss: nn.functional.mseLoss, optimizer: new nn.optim.SGD(model.parameters(), { lr: 0.1 }), epochs: 2, stream });
      console.log(JSON.stringify(chunks.join('')));`;
    const run = (specifier: string): string => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script(specifier)], { cwd: root, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout.trim()) as string;
    };
    const bar = run('@numbat/nn');
    expect(bar).toContain('epoch 2/2');
    expect(bar).toContain('ETA');
    const lines = run('@numbat/nn/core');
    expect(lines).toMatch(/^Epoch 1\/2 - loss: .*\nEpoch 2\/2 - loss: /);
    expect(lines).not.toContain('ETA');
    const pkg = JSON.parse(readFileSync(new URL('../packages/nn/package.json', import.meta.url), 'utf8')) as { exports: Record<string, Record<string, unknown>> };
    expect(Object.keys(pkg.exports['.']!)[0]).toBe('node'); // conditions match in order: node must come first
  });
});

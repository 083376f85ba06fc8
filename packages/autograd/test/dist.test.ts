/**
 * The built bundles of `@numbat/autograd` (`npm test` builds them first): ESM and CJS load
 * as a user's import or require would, import `@numbat/ndarray` as an external (one NDArray
 * class shared with the user's code), expose the same API and differentiate.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

describe('@numbat/autograd bundles', () => {
  it('were built with ESM, CJS and type declarations, with ndarray left external', () => {
    for (const f of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']) expect(existsSync(dist + f), f).toBe(true);
    expect(readFileSync(dist + 'index.js', 'utf8')).toMatch(/from ['"]@numbat\/ndarray['"]/);
    expect(readFileSync(dist + 'index.cjs', 'utf8')).toMatch(/require\(['"]@numbat\/ndarray['"]\)/);
  });

  it('load through the package exports, agree, and compute gradients', async () => {
    const esm = (await import(/* @vite-ignore */ dist + 'index.js')) as typeof import('@numbat/autograd');
    const require = createRequire(import.meta.url);
    const cjs = require(dist + 'index.cjs') as typeof import('@numbat/autograd');
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    for (const ag of [esm, cjs]) {
      const x = ag.tensor([1, 2, 3], { requiresGrad: true });
      x.mul(x).sum().backward();
      expect(x.grad!.tolist()).toEqual([2, 4, 6]);
      expect(ag.grad(ag.grad((t: InstanceType<typeof ag.Tensor>) => t.pow(3)))(2).item()).toBe(12);
    }
  });

  it("shares NDArray with the user's `@numbat/ndarray` under plain Node (ESM and CJS)", () => {
    // outside vitest's aliases: a real Node process resolves both packages through node_modules
    const script = [
      "const np = await import('@numbat/ndarray');",
      "const ag = await import('@numbat/autograd');",
      "const agc = (await import('node:module')).createRequire(process.cwd() + '/x.js')('@numbat/autograd');",
      'const t = ag.tensor([1, 2], { requiresGrad: true }); t.square().sum().backward();',
      'console.log(JSON.stringify([t.grad instanceof np.NDArray, ag.asTensor(np.zeros(2)).data instanceof np.NDArray, agc.tensor([1]).data.constructor.name]));',
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('../../../', import.meta.url)), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([true, true, 'NDArray']);
  });
});

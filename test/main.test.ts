/**
 * The main job (`npm start`), run as a user runs it but with `--quick`, into a temporary
 * directory: it prints the held-out accuracy and a confusion matrix that agree with each
 * other, writes the report with every plot, saves the models as `.npz` files that NumPy
 * opens (and NumPy, from those files alone, computes what numbat's models compute), and
 * prints where the report is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { hasNumpy, oracle } from './oracle/numpy.js';
import { mismatch } from './oracle/compare.js';
import { loadDigits } from '../examples/main/data.js';
import { buildClassifier } from '../examples/main/classifier.js';
import { PIXELS } from '../examples/main/data.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function runMain(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', 'examples/main/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

describe('npm start -- --quick', () => {
  let dir: string;
  let run: SpawnSyncReturns<string>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'numbat-main-'));
    run = runMain(['--quick', '--out', dir]);
  }, 150_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 and prints the accuracy, a confusion matrix that agrees with it, and the time', () => {
    expect(run.status, run.stderr).toBe(0);
    const out = run.stdout;
    const m = /Held-out accuracy: (\d+\.\d\d)% \((\d+) of (\d+) test digits\)/.exec(out);
    expect(m, out).not.toBeNull();
    const [pct, correct, total] = [Number(m![1]), Number(m![2]), Number(m![3])];
    expect(total).toBe(500);
    expect(pct).toBeCloseTo((100 * correct) / total, 2);
    expect(pct).toBeGreaterThan(70); // two quick epochs on 1500 digits; the default run is the one held to 95%
    // NumPy's print of a (10, 10) int array, after its heading
    const after = out.slice(out.indexOf('Confusion matrix'));
    const rows = after.split('\n').slice(1, 11).map((l) => l.replace(/[[\]]/g, ' ').trim().split(/\s+/).map(Number));
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(r).toHaveLength(10);
    expect(rows.flat().reduce((s, v) => s + v, 0)).toBe(total);
    expect(rows.reduce((s, r, i) => s + r[i]!, 0)).toBe(correct);
    expect(out).toMatch(/Time taken: \d+\.\d s \(data /);
  });

  it('prints where the report is; the report holds every plot as an inline SVG', () => {
    const line = /^Report: (.+)$/m.exec(run.stdout);
    expect(line, run.stdout).not.toBeNull();
    expect(line![1]).toBe(join(dir, 'report.html'));
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const ids = [...html.matchAll(/<figure id="([^"]+)" class="plot"><svg /g)].map((x) => x[1]);
    expect(ids).toEqual(['classifier-loss', 'classifier-accuracy', 'confusion-matrix', 'autoencoder-loss', 'codes', 'digits']);
    expect(html).not.toMatch(/<script|src="http|href="http/); // self-contained
    expect(html).toContain(`<strong id="accuracy">${/Held-out accuracy: (\d+\.\d\d%)/.exec(run.stdout)![1]}</strong>`);
  });

  it('saves the three models as .npz archives with PyTorch key names', () => {
    for (const f of ['classifier.npz', 'autoencoder.npz', 'denoising-autoencoder.npz']) expect(existsSync(join(dir, f)), f).toBe(true);
    const classifier = buildClassifier(128, 0, 1);
    expect(nn.load(classifier, join(dir, 'classifier.npz'))).toEqual({ missingKeys: [], unexpectedKeys: [] });
  });

  it.runIf(hasNumpy)('NumPy opens the .npz files and, from them alone, computes what numbat computes', async () => {
    const x = loadDigits().images.get('0:10000:200'); // 50 digits of every class
    const classifier = buildClassifier(128, 0, 1);
    nn.load(classifier, join(dir, 'classifier.npz'));
    classifier.eval();
    const logits = ag.noGrad(() => classifier.forward(ag.asTensor(x))).data;
    const ae = new nn.Autoencoder({
      encoder: new nn.Sequential(new nn.Linear(PIXELS, 128), new nn.ReLU(), new nn.Linear(128, 2)),
      decoder: new nn.Sequential(new nn.Linear(2, 128), new nn.ReLU(), new nn.Linear(128, PIXELS), new nn.Sigmoid()),
    }).to('float32');
    nn.load(ae, join(dir, 'autoencoder.npz'));
    const codes = ag.noGrad(() => ae.encode(ag.asTensor(x))).data;
    const py = await oracle();
    const [cls, aeAns, dae] = await py.run([
      {
        code: `d = np.load(path)
h = np.maximum(((x - d['0.mean']) / d['0.std']) @ d['1.weight'].T + d['1.bias'], 0)
result = [sorted(d.keys()), [str(d[k].dtype) for k in sorted(d.keys())], h @ d['3.weight'].T + d['3.bias']]`,
        args: { path: join(dir, 'classifier.npz'), x },
      },
      {
        code: `d = np.load(path)
h = np.maximum(x @ d['encoder.0.weight'].T + d['encoder.0.bias'], 0)
result = [sorted(d.keys()), [list(d[k].shape) for k in sorted(d.keys())], h @ d['encoder.2.weight'].T + d['encoder.2.bias']]`,
        args: { path: join(dir, 'autoencoder.npz'), x },
      },
      { code: `d = np.load(path)\nresult = [sorted(d.keys()), [list(d[k].shape) for k in sorted(d.keys())]]`, args: { path: join(dir, 'denoising-autoencoder.npz') } },
    ]);
    expect(cls!.ok, JSON.stringify(cls)).toBe(true);
    const [clsKeys, clsDtypes, pyLogits] = (cls as unknown as { value: [string[], string[], never] }).value;
    expect(clsKeys).toEqual(['0.mean', '0.std', '1.bias', '1.weight', '3.bias', '3.weight']);
    expect(clsDtypes).toEqual(new Array(6).fill('float32'));
    expect(mismatch(logits, pyLogits, { rtol: 1e-4, atol: 1e-4 })).toBeNull();

    expect(aeAns!.ok, JSON.stringify(aeAns)).toBe(true);
    const [aeKeys, aeShapes, pyCodes] = (aeAns as unknown as { value: [string[], number[][], never] }).value;
    expect(aeKeys).toEqual(['decoder.0.bias', 'decoder.0.weight', 'decoder.2.bias', 'decoder.2.weight', 'encoder.0.bias', 'encoder.0.weight', 'encoder.2.bias', 'encoder.2.weight']);
    expect(aeShapes).toEqual([[128], [128, 2], [784], [784, 128], [128], [128, 784], [2], [2, 128]]);
    expect(mismatch(codes, pyCodes, { rtol: 1e-4, atol: 1e-4 })).toBeNull();

    expect(dae!.ok, JSON.stringify(dae)).toBe(true);
    expect((dae as unknown as { value: unknown }).value).toEqual([['decoder.0.bias', 'decoder.0.weight', 'encoder.0.bias', 'encoder.0.weight'], [[784], [784, 64], [64], [64, 784]]]);
  });
});

describe('npm start options', () => {
  it('--help prints the usage; an unknown option or a bad number exits 2 with the usage', () => {
    const help = runMain(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm start -- [--epochs N] [--seed N] [--quick] [--out DIR]');
    const unknown = runMain(['--epoch', '3']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--epoch'");
    expect(unknown.stderr).toContain('Usage:');
    const bad = runMain(['--epochs', 'many']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--epochs must be an integer >= 1, got 'many'");
  });
});

/**
 * Every example of `examples/` in its quick setting, asserting what it set out to show
 * (the loss falls below a bound, the gradients agree, the lecture's numbers come out).
 * Expected values come from the lectures, closed forms, NumPy (the oracle replays the
 * NumPy lecture line by line) or comparisons between methods, never from a previous run.
 * SVGs go to a temporary directory and are checked to be SVG documents.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as np from '@numbat/ndarray';
import { hasNumpy, oracle } from './oracle/numpy.js';
import type { ExampleOptions, ExampleResult } from '../examples/lib/cli.js';
import { EXAMPLES } from '../examples/registry.js';
import { run as tour } from '../examples/tour.js';
import { run as numpyBasics } from '../examples/numpy-basics.js';
import { run as linearRegression } from '../examples/linear-regression.js';
import { run as xor } from '../examples/xor.js';
import { run as cybenko } from '../examples/cybenko.js';
import { run as activations } from '../examples/activations.js';
import { run as backpropByHand } from '../examples/backprop-by-hand.js';
import { run as gradientCheck } from '../examples/gradient-check.js';
import { run as optimizers } from '../examples/optimizers.js';
import { run as regularization } from '../examples/regularization.js';
import { run as losses } from '../examples/losses.js';
import { run as autoencoders } from '../examples/autoencoders.js';
import { run as hypernetwork } from '../examples/hypernetwork.js';
import { run as density } from '../examples/density.js';
import { run as convolution } from '../examples/convolution.js';

const out = mkdtempSync(join(tmpdir(), 'numbat-examples-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Runs an example quickly and quietly; returns its result and what it printed. */
async function quick<R extends ExampleResult>(run: (o: ExampleOptions) => R | Promise<R>): Promise<R & { printed: string }> {
  const lines: string[] = [];
  const result = await run({ quick: true, out, log: (l) => lines.push(l) });
  for (const f of result.files) expect(readFileSync(f, 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  return { ...result, printed: lines.join('\n') };
}

const maxAbsDiff = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

describe('the runner', () => {
  it('lists every example file', () => {
    const dir = fileURLToPath(new URL('../examples/', import.meta.url));
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !['run.ts', 'registry.ts', 'acceptance.ts'].includes(f))
      .map((f) => f.slice(0, -3))
      .sort();
    expect(EXAMPLES.map((e) => e.name).sort()).toEqual(files);
  });

  it('prints the list without a name and refuses an unknown one', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const list = spawnSync(process.execPath, ['--import', 'tsx', 'examples/run.ts'], { cwd: root, encoding: 'utf8' });
    expect(list.status).toBe(0);
    for (const e of EXAMPLES) expect(list.stdout).toContain(e.name);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'examples/run.ts', 'no-such-example'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown example: no-such-example');
  });
});

describe('examples (quick setting)', () => {
  it('tour', async () => {
    const r = await quick(tour);
    expect(r.steps).toBeGreaterThan(5);
    expect(r.printed).toContain('array([[ 0,  1,  2,  3],');
  });

  it('numpy-basics: the lecture’s own results', async () => {
    const r = await quick(numpyBasics);
    const value = (py: string) => r.steps.find((s) => s.py === py)!.value;
    // the lecture's dot product and axis maxima
    expect((value('data.dot(powers_of_ten)') as np.NDArray).tolist()).toEqual([30201, 302010]);
    expect((value('data.max(axis=0)') as np.NDArray).tolist()).toEqual([5, 6]);
    expect((value('data.max(axis=1)') as np.NDArray).tolist()).toEqual([2, 5, 6]);
    expect(value('data.T') instanceof np.NDArray && (value('data.T') as np.NDArray).tolist()).toEqual([[1, 3, 5], [2, 4, 6]]);
  });

  it.runIf(hasNumpy)('numpy-basics: every line prints what NumPy prints', async () => {
    const r = await quick(numpyBasics);
    const py = await oracle();
    const program = r.steps.map((s) => [s.value === undefined ? 'exec' : 'eval', s.python ?? s.py]);
    // NumPy's int64 arrays are shown as int32 (numbat's default integer); scalars and tuples as floats
    const code = [
      'def conv(v):',
      '    if isinstance(v, np.ndarray):',
      '        return ["array", repr(v.astype(np.int32) if v.dtype == np.int64 else v)]',
      '    if isinstance(v, tuple):',
      '        return ["list", [float(e) for e in v]]',
      '    if isinstance(v, str):',
      '        return ["str", v]',
      '    return ["num", float(v)]',
      'ns = {"np": np}',
      'result = []',
      'for kind, src in program:',
      '    src = src.split("#")[0]',
      '    if kind == "exec":',
      '        exec(src, ns)',
      '    else:',
      '        result.append(conv(eval(src, ns)))',
    ].join('\n');
    const ans = await py.one(code, { program });
    if (!ans.ok) throw new Error(`${ans.type}: ${ans.message}`);
    const expected = ans.value as [string, unknown][];
    const shown = r.steps.filter((s) => s.value !== undefined);
    expect(shown.length).toBe(expected.length);
    shown.forEach((s, i) => {
      const [kind, want] = expected[i]!;
      const v = s.value;
      const where = `step ${i}: ${s.py}`;
      if (kind === 'array') {
        // a.data is the TypedArray itself; NumPy's is a memoryview, compared through a.ravel()
        const arr = ArrayBuffer.isView(v) ? np.asarray(v as Int32Array) : (v as np.NDArray);
        expect(arr.repr(), where).toBe(want);
      } else if (kind === 'list') {
        expect((v as (number | boolean)[]).map(Number), where).toEqual(want);
      } else if (kind === 'str') {
        expect(v, where).toBe(want);
      } else {
        const got = v instanceof np.NDArray ? Number(v.item()) : Number(v);
        expect(got, where).toBe(want);
      }
    });
  });

  it('linear-regression: gradient descent, SGD and mini-batch reach the closed form', async () => {
    const r = await quick(linearRegression);
    const w = r.weights;
    expect(maxAbsDiff(w.closedForm, r.trueWeights)).toBeLessThan(0.2);
    expect(maxAbsDiff(w.gd, w.closedForm)).toBeLessThan(1e-8);
    expect(maxAbsDiff(w.gdLecture, w.closedForm)).toBeLessThan(1e-3);
    expect(maxAbsDiff(w.sgd, w.closedForm)).toBeLessThan(0.15);
    expect(maxAbsDiff(w.miniBatch, w.closedForm)).toBeLessThan(0.15);
    // the closed form minimises the MSE: nothing beats it, GD matches it
    for (const m of Object.values(r.mse)) expect(m).toBeGreaterThanOrEqual(r.mse.closedForm - 1e-12);
    expect(r.mse.gd - r.mse.closedForm).toBeLessThan(1e-12);
    expect(r.gdSteps.lecture).toBeGreaterThan(r.gdSteps.fast);
  });

  it('xor: step units by hand and two trained layers solve it, one layer cannot', async () => {
    const r = await quick(xor);
    expect(r.accuracy.byHand).toBe(1);
    expect(r.accuracy.twoLayers).toBe(1);
    expect(r.loss).toBeLessThan(0.05);
    expect(r.accuracy.oneLayer).toBeLessThanOrEqual(0.75);
    expect(r.oneLayerSpread).toBeLessThan(0.01); // logistic regression's best on XOR: p = 1/2 everywhere
  });

  it('cybenko: the error falls as hidden units are added', async () => {
    const r = await quick(cybenko);
    for (let i = 1; i < r.steps.length; i++) expect(r.steps[i]!.maxError).toBeLessThan(r.steps[i - 1]!.maxError);
    expect(r.steps.at(-1)!.maxError).toBeLessThan(0.1);
    expect(r.trained.at(-1)!.mse).toBeLessThan(r.trained[0]!.mse);
    expect(r.trained.at(-1)!.mse).toBeLessThan(5e-3);
  });

  it("activations: autograd's derivatives equal the lecture's formulas", async () => {
    const r = await quick(activations);
    expect(Object.keys(r.maxError).length).toBeGreaterThanOrEqual(14);
    for (const [name, err] of Object.entries(r.maxError)) expect(err, name).toBeLessThan(1e-12);
  });

  it('backprop-by-hand: the hand derivatives equal autograd’s', async () => {
    const r = await quick(backpropByHand);
    expect(r.chainError).toBeLessThan(1e-12);
    expect(r.networkError).toBeLessThan(1e-12);
    expect(r.moduleError).toBeLessThan(1e-12);
    expect(Math.abs(r.cost.hand - r.cost.autograd)).toBeLessThan(1e-12);
    expect(r.slideTermError).toBeGreaterThan(0.1); // the slide's λΘ does not match J's λ/(2m)
  });

  it('gradient-check: 3.0001, O(ε) and O(ε²), gradCheck passes and catches a bug', async () => {
    const r = await quick(gradientCheck);
    expect(r.quiz).toBeCloseTo(3.0001, 10); // (1.01³ − 0.99³) / 0.02 = 3 + ε²
    expect(Math.abs(r.slopes.oneSided - 1)).toBeLessThan(0.1);
    expect(Math.abs(r.slopes.central - 2)).toBeLessThan(0.1);
    expect(r.network.ok).toBe(true);
    expect(r.softsign.correct).toBe(true);
    expect(r.softsign.buggy).toBe(false);
  });

  it('optimizers: every one descends Rosenbrock; the lecture’s SGD and momentum equal nn.optim’s', async () => {
    const r = await quick(optimizers);
    expect(r.warmupError).toBeLessThan(1e-12);
    expect(r.gap.SGD).toBeLessThan(1e-9);
    expect(r.gap.momentum).toBeLessThan(1e-9);
    for (const [name, f] of Object.entries(r.final)) {
      expect(f.library, name).toBeLessThan(r.start / 3);
      expect(f.lecture, name).toBeLessThan(r.start / 3);
    }
    expect(r.final.Adam.library).toBeLessThan(0.5);
  });

  it('regularization: the plain network overfits, L2 and dropout generalise better', async () => {
    const r = await quick(regularization);
    expect(r.mse.plain.train).toBeLessThan(r.noiseVariance / 5);
    expect(r.mse.plain.test).toBeGreaterThan(r.mse.plain.train * 5);
    expect(r.mse.L2.test).toBeLessThan(r.mse.plain.test / 2);
    expect(r.mse.dropout.test).toBeLessThan(r.mse.plain.test);
  });

  it('losses: the hinge formulas, and every loss trains a classifier', async () => {
    const r = await quick(losses);
    expect(r.formulaError).toBeLessThan(1e-12);
    expect(r.binary.hinge.accuracy).toBeGreaterThan(0.85);
    expect(r.binary['cross-entropy'].accuracy).toBeGreaterThan(0.85);
    expect(r.binary.hinge.active).toBeLessThan(r.binary['cross-entropy'].active / 2);
    for (const [name, acc] of Object.entries(r.multi)) expect(acc, name).toBeGreaterThan(0.85);
  });

  it('autoencoders: all four detect anomalies; each variant does what its penalty asks', async () => {
    const r = await quick(autoencoders);
    for (const [name, auc] of Object.entries(r.auc)) expect(auc, name).toBeGreaterThan(0.95);
    for (const [name, d] of Object.entries(r.detection)) expect(d.falseAlarms, name).toBeLessThan(0.05);
    expect(r.denoise.denoising).toBeLessThan(r.denoise.undercomplete);
    expect(r.denoise.denoising).toBeLessThan(r.denoise.masked);
    expect(r.meanCode.sparse).toBeLessThan(Math.min(r.meanCode.undercomplete, r.meanCode.denoising, r.meanCode.contractive) / 2);
    expect(r.jacobian.contractive).toBeLessThan(Math.min(r.jacobian.undercomplete, r.jacobian.sparse, r.jacobian.denoising) / 2);
  });

  it('hypernetwork: generated networks fit each task, a shared one cannot', async () => {
    const r = await quick(hypernetwork);
    expect(r.hyperMse).toBeLessThan(0.05);
    expect(r.hyperMse).toBeLessThan(r.sharedMse / 10);
    expect(r.sharedMse).toBeGreaterThan(r.baselineMse / 3);
  });

  it('density: μ and σ recovered; the Gaussian beats the histogram on held-out likelihood', async () => {
    const r = await quick(density);
    for (const a of r.at) {
      expect(Math.abs(a.gaussian.mu - a.mu)).toBeLessThan(0.1);
      expect(Math.abs(a.gaussian.sigma - a.sigma) / a.sigma).toBeLessThan(0.3);
      expect(Math.abs(a.histogram.mu - a.mu)).toBeLessThan(0.15);
    }
    expect(r.nll.gaussian).toBeLessThan(r.nll.histogram);
    expect(r.nll.gaussian - r.nll.truth).toBeLessThan(0.1);
  });

  it("convolution: the lecture's numbers, by hand and by Conv2d, and a learned kernel", async () => {
    const r = await quick(convolution);
    expect(r.pixel).toBe(2);
    expect(r.lectureOutput).toEqual([[12, 12, 17], [10, 17, 19], [9, 6, 14]]);
    expect(r.maxDifference).toBeLessThan(1e-12);
    expect(r.learnedError).toBeLessThan(1e-2);
  });
});

/**
 * `cybenko`: the lecture's function `f(x) = 0.2 + 0.4x² + 0.3x·sin(15x) + 0.1·cos(50x)` on
 * [0, 1], approximated by two-layer networks `g(x) = Σ w2_h·σ(w1_h·x + b_h)` (Cybenko's
 * theorem: enough hidden units approximate any continuous f uniformly).
 * 1. The lecture's hand-built network: step units `I{x > s}` at s = 0.35, 0.7, 0.7, 0, 0.35
 *    with output weights 0.8, −0.8, 1.5, 0.4, −0.4.
 * 2. The construction behind the theorem: H step units on a grid, output weights the jumps
 *    of f, `g(x) = f(b0) + Σ (f(b_i) − f(b_(i−1)))·I{x ≥ b_i}`: the error falls like 1/H.
 * 3. Trained networks of H sigmoid units (Adam, full batch): the error vs H.
 * Writes `cybenko.svg`: f with the approximations, and the error against H.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { context, runIfMain, type ExampleOptions, type ExampleResult } from './lib/cli.js';
import { num, table } from './lib/format.js';
import type { Row } from './lib/plot.js';

/** What `cybenko` returns: errors on a held-out grid of 1001 points. */
export interface CybenkoResult extends ExampleResult {
  /** The lecture's 5-unit hand-built network: mean squared error. */
  lectureMse: number;
  /** The grid construction: max |g − f| for each H. */
  steps: { hidden: number; maxError: number; mse: number }[];
  /** Trained sigmoid networks: errors for each H. */
  trained: { hidden: number; maxError: number; mse: number }[];
}

/** The lecture's function. */
export function f(x: np.NDArray): np.NDArray {
  return np.square(x).mul(0.4).add(0.2).add(x.mul(0.3).mul(np.sin(x.mul(15)))).add(np.cos(x.mul(50)).mul(0.1));
}

/** A two-layer network of step units at `s` (input weight 1, bias −s) with output weights `w` and bias `b0`. */
function stepNetwork(s: number[], w: number[], b0 = 0): nn.Sequential {
  const hidden = new nn.Linear(1, s.length);
  hidden.weight.data.set('...', 1);
  hidden.bias!.data.set('...', np.negative(s));
  const out = new nn.Linear(s.length, 1);
  out.weight.data.set('...', [w]);
  out.bias!.data.set('...', b0);
  return new nn.Sequential(hidden, new nn.Heaviside(), out);
}

/** `g` on the column `x` (no recording). */
function predict(g: nn.Module, x: np.NDArray): np.NDArray {
  return ag.noGrad(() => g.forward(ag.asTensor(x))).data;
}

function errors(pred: np.NDArray, truth: np.NDArray): { maxError: number; mse: number } {
  const d = pred.sub(truth);
  return { maxError: Number(np.max(np.abs(d))), mse: np.mean(np.square(d)) };
}

/** Runs `cybenko` (see the file header); `quick` is the short setting of the test suite. */
export async function run(options: ExampleOptions = {}): Promise<CybenkoResult> {
  const ctx = context(options);
  const grid = np.linspace(0, 1, 1001).reshape(-1, 1);
  const truth = f(grid);

  // 1. the lecture's hand-built network
  const lecture = stepNetwork([0.35, 0.7, 0.7, 0, 0.35], [0.8, -0.8, 1.5, 0.4, -0.4]);
  const lectureErr = errors(predict(lecture, grid), truth);
  ctx.log('1. The lecture’s hand-built network of 5 step units:');
  ctx.log(lecture);
  ctx.log(`   g(x) at x = 0.2, 0.5, 0.9:`, predict(lecture, np.array([[0.2], [0.5], [0.9]])).ravel(), `MSE against f: ${num(lectureErr.mse)}`);
  ctx.log('   (a sketch of the idea: each pair of units makes a step; more units, finer steps)');

  // 2. the construction: H steps on a grid, with f's jumps as output weights
  const stepSizes = ctx.quick ? [5, 20, 100] : [5, 10, 20, 50, 100, 200, 500];
  const steps = stepSizes.map((H) => {
    const b = np.linspace(0, 1, H, { endpoint: false });
    const fb = f(b).tolist() as number[];
    const jumps = fb.map((v, i) => (i === 0 ? 0 : v - fb[i - 1]!));
    return { hidden: H, ...errors(predict(stepNetwork(b.tolist() as number[], jumps, fb[0]), grid), truth) };
  });
  ctx.log('\n2. H step units on a grid (the proof’s construction), error on 1001 points:');
  ctx.log(table(['H', 'max |g − f|', 'MSE'], steps.map((r) => [r.hidden, r.maxError, r.mse])));

  // 3. trained networks of H sigmoid units
  const hiddenSizes = ctx.quick ? [4, 16, 64] : [2, 4, 8, 16, 32, 64, 128];
  const epochs = ctx.quick ? 300 : 1500;
  const N = 200;
  const x = np.linspace(0, 1, N).reshape(N, 1);
  const loader = new nn.data.DataLoader(new nn.data.TensorDataset(x, f(x)), { batchSize: N });
  const curves: Row[] = [];
  const trained = hiddenSizes.map((H) => {
    np.random.seed(H);
    const hidden = new nn.Linear(1, H);
    // the lecture's parametrisation of a unit by where it switches, s = −b/w: steep units
    // (|w| up to 50, as cos(50x) needs) with switch points spread over [0, 1]
    nn.init.uniform(hidden.weight, -50, 50);
    const s = np.random.uniform(0, 1, [H]) as np.NDArray;
    hidden.bias!.data.set('...', np.negative(hidden.weight.data.reshape(-1).mul(s)));
    const model = new nn.Sequential(hidden, new nn.Sigmoid(), new nn.Linear(H, 1));
    nn.fit(model, loader, { loss: nn.functional.mseLoss, optimizer: new nn.optim.Adam(model.parameters(), { lr: 0.02 }), epochs, verbose: false });
    const pred = predict(model, grid);
    if (H === hiddenSizes[1] || H === hiddenSizes.at(-1)) {
      (pred.ravel().tolist() as number[]).forEach((v, i) => i % 4 === 0 && curves.push({ x: i / 1000, y: v, curve: `trained, H = ${H}` }));
    }
    return { hidden: H, ...errors(pred, truth) };
  });
  ctx.log(`\n3. Trained sigmoid networks (${N} points, Adam lr 0.02, ${epochs} epochs), error on 1001 points:`);
  ctx.log(table(['H', 'max |g − f|', 'MSE'], trained.map((r) => [r.hidden, r.maxError, r.mse])));

  // the picture: f, the lecture's steps, 20 grid steps, two trained networks; errors against H
  const b20 = np.linspace(0, 1, 20, { endpoint: false });
  const fb20 = f(b20).tolist() as number[];
  const steps20 = predict(stepNetwork(b20.tolist() as number[], fb20.map((v, i) => (i === 0 ? 0 : v - fb20[i - 1]!)), fb20[0]), grid).ravel().tolist() as number[];
  const truthList = truth.ravel().tolist() as number[];
  const lectureList = predict(lecture, grid).ravel().tolist() as number[];
  for (let i = 0; i < 1001; i += 2) {
    curves.push({ x: i / 1000, y: truthList[i]!, curve: 'f(x)' });
    curves.push({ x: i / 1000, y: steps20[i]!, curve: '20 grid steps' });
    curves.push({ x: i / 1000, y: lectureList[i]!, curve: 'the lecture’s 5 steps' });
  }
  const errRows: Row[] = [
    ...steps.map((r) => ({ H: r.hidden, error: r.maxError, network: 'grid steps' })),
    ...trained.map((r) => ({ H: r.hidden, error: r.maxError, network: 'trained sigmoid' })),
  ];
  await ctx.svg('cybenko', {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'f(x) = 0.2 + 0.4x² + 0.3x·sin(15x) + 0.1·cos(50x) by two-layer networks',
    hconcat: [
      {
        width: 460,
        height: 300,
        data: { values: curves },
        mark: { type: 'line', clip: true },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative', scale: { domain: [-0.1, 1.6] }, title: 'value' },
          color: { field: 'curve', type: 'nominal' },
          strokeWidth: { condition: { test: "datum.curve === 'f(x)'", value: 3 }, value: 1.5 },
        },
      },
      {
        width: 300,
        height: 300,
        data: { values: errRows },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'H', type: 'quantitative', scale: { type: 'log' }, title: 'hidden units H' },
          y: { field: 'error', type: 'quantitative', scale: { type: 'log' }, title: 'max |g − f| on [0, 1]' },
          color: { field: 'network', type: 'nominal' },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  });

  return { files: ctx.files, lectureMse: lectureErr.mse, steps, trained };
}

runIfMain(import.meta.url, run);

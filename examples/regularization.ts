/**
 * `regularization`: an overfitting problem and the lectures' remedies. Fifteen noisy samples
 * of sin(2πx) (noise σ = 0.25), a network with far more weights than samples
 * (1-30-30-1, tanh), trained with Adam on the full batch, four ways:
 * - plain: it threads every noisy point (training MSE below the noise variance σ² = 0.0625)
 *   and pays for it away from them;
 * - L2: the lecture's penalty `λ/(2m)·Σw²` on the weights (not the biases), `nn.functional.l2Penalty`;
 * - dropout: `nn.Dropout(p)` after each hidden layer (off in `eval()`);
 * - batch norm: `nn.BatchNorm1d` before each activation. It normalises for the optimiser's
 *   sake; with the full batch its statistics carry no noise, so it does not regularise here.
 * Test error is measured against the noiseless sin(2πx) on 200 points.
 * Writes `regularization.svg`: the four fits, and the test error during training.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { context, runIfMain, type ExampleOptions, type ExampleResult } from './lib/cli.js';
import { table } from './lib/format.js';
import type { Row } from './lib/plot.js';

type Variant = 'plain' | 'L2' | 'dropout' | 'batch norm';

/** What `regularization` returns: training and test MSE of each variant. */
export interface RegularizationResult extends ExampleResult {
  mse: Record<Variant, { train: number; test: number }>;
  noiseVariance: number;
}

const F = nn.functional;
const H = 30;
const N = 15;
const SIGMA = 0.25;
const LAMBDA = 0.1;
const P_DROP = 0.1;
const truth = (x: np.NDArray) => np.sin(x.mul(2 * Math.PI));

/** The network, with dropout or batch norm layers where the variant wants them. */
function network(variant: Variant): nn.Sequential {
  const layers: nn.Module[] = [];
  for (const [inF, outF] of [[1, H], [H, H]] as const) {
    layers.push(new nn.Linear(inF, outF));
    if (variant === 'batch norm') layers.push(new nn.BatchNorm1d(outF));
    layers.push(new nn.Tanh());
    if (variant === 'dropout') layers.push(new nn.Dropout(P_DROP));
  }
  layers.push(new nn.Linear(H, 1));
  return new nn.Sequential(...layers);
}

/** Runs `regularization` (see the file header); `quick` is the short setting of the test suite. */
export async function run(options: ExampleOptions = {}): Promise<RegularizationResult> {
  const ctx = context(options);
  const epochs = ctx.quick ? 400 : 2000;
  const rng = np.random.defaultRng(0);
  const x = np.linspace(0, 1, N).add(rng.uniform(-0.02, 0.02, [N]) as np.NDArray).reshape(N, 1);
  const y = truth(x).add(rng.normal(0, SIGMA, [N, 1]) as np.NDArray);
  const xTest = np.linspace(0, 1, 200).reshape(-1, 1);
  const yTest = truth(xTest);
  const loader = new nn.data.DataLoader(new nn.data.TensorDataset(x, y), { batchSize: N });
  const mseOf = (model: nn.Module, xs: np.NDArray, ys: np.NDArray) => ag.noGrad(() => F.mseLoss(model.forward(ag.asTensor(xs)), ag.asTensor(ys))).item();

  const variants: Variant[] = ['plain', 'L2', 'dropout', 'batch norm'];
  const mse = {} as RegularizationResult['mse'];
  const fits: Row[] = [];
  const curves: Row[] = [];
  ctx.log(`${N} samples of sin(2πx) + N(0, ${SIGMA}²); a 1-${H}-${H}-1 tanh network (${network('plain').parameters().reduce((s, p) => s + p.size, 0)} weights); Adam, lr 0.03, ${epochs} epochs`);
  for (const variant of variants) {
    np.random.seed(0); // the same initial weights for every variant
    const model = network(variant);
    // the lecture's penalty on the weights, bias terms excluded
    const weights = model.modules().filter((m): m is nn.Linear => m instanceof nn.Linear).map((m) => m.weight);
    const loss = variant === 'L2' ? (p: ag.Tensor, t: ag.Tensor) => F.mseLoss(p, t).add(F.l2Penalty(weights, LAMBDA, N)) : F.mseLoss;
    nn.fit(model, loader, {
      loss,
      optimizer: new nn.optim.Adam(model.parameters(), { lr: 0.03 }),
      epochs,
      verbose: false,
      callbacks: {
        onEpochEnd: (epoch) => {
          if (epoch % 10 !== 9) return;
          model.eval(); // dropout off, batch norm on its running statistics
          curves.push({ epoch: epoch + 1, mse: mseOf(model, xTest, yTest), variant });
          model.train();
        },
      },
    });
    model.eval();
    mse[variant] = { train: mseOf(model, x, y), test: mseOf(model, xTest, yTest) };
    const pred = ag.noGrad(() => model.forward(ag.asTensor(xTest))).data.ravel().tolist() as number[];
    pred.forEach((v, i) => i % 2 === 0 && fits.push({ x: i / 199, y: v, curve: variant }));
  }
  ctx.log(table(['variant', 'training MSE', 'test MSE (vs sin 2πx)'], variants.map((v) => [v, mse[v].train, mse[v].test])));
  ctx.log(`(the noise variance is ${SIGMA ** 2}: a training MSE far below it means the noise was learned)`);
  ctx.log(`L2: λ = ${LAMBDA}, m = ${N}; dropout: p = ${P_DROP}`);

  (yTest.ravel().tolist() as number[]).forEach((v, i) => i % 2 === 0 && fits.push({ x: i / 199, y: v, curve: 'sin(2πx)' }));
  const samples = (x.ravel().tolist() as number[]).map((xi, i) => ({ x: xi, y: Number(y.item(i, 0)) }));
  await ctx.svg('regularization', {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `Overfitting ${N} noisy points, and three remedies`,
    hconcat: [
      {
        width: 420,
        height: 300,
        title: 'the fits',
        layer: [
          {
            data: { values: fits },
            mark: { type: 'line', clip: true },
            encoding: {
              x: { field: 'x', type: 'quantitative' },
              y: { field: 'y', type: 'quantitative', scale: { domain: [-1.8, 1.8] } },
              color: { field: 'curve', type: 'nominal', title: null },
              strokeDash: { condition: { test: "datum.curve === 'sin(2πx)'", value: [4, 3] }, value: [1, 0] },
            },
          },
          { data: { values: samples }, mark: { type: 'point', filled: true, color: 'black' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
        ],
      },
      {
        width: 300,
        height: 300,
        title: 'test MSE during training',
        data: { values: curves },
        mark: 'line',
        encoding: {
          x: { field: 'epoch', type: 'quantitative' },
          y: { field: 'mse', type: 'quantitative', scale: { type: 'log' }, title: 'test MSE' },
          color: { field: 'variant', type: 'nominal' },
        },
      },
    ],
  });

  return { files: ctx.files, mse, noiseVariance: SIGMA ** 2 };
}

runIfMain(import.meta.url, run);

/**
 * `xor`: the lectures' question "how to make XOR?", answered three ways.
 * 1. By hand, with step (Heaviside) units: one layer computes OR = I[x1 + x2 ≥ 1] and
 *    AND = I[x1 + x2 ≥ 2], the next OR AND NOT AND = I[h1 − h2 ≥ 1].
 * 2. One layer cannot: logistic regression on the four points tops out at 3 of 4.
 * 3. Two layers trained by gradient descent: "two regressions glued by a third",
 *    `y = σ(w2 · σ(W1 x + b1) + b2)`, with `nn.fit` and binary cross-entropy.
 * Writes `xor.svg`: the trained network's output over the plane, with the four points.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { context, runIfMain, type ExampleOptions, type ExampleResult } from './lib/cli.js';
import { num, table } from './lib/format.js';
import { gridPoints, surfaceLayer, type Spec } from './lib/plot.js';

/** What `xor` returns. */
export interface XorResult extends ExampleResult {
  /** Accuracy (0..1) of the hand-built step network, the single layer and the trained two-layer one. */
  accuracy: { byHand: number; oneLayer: number; twoLayers: number };
  /** The single layer's largest distance from p = 0.5 over the four points. */
  oneLayerSpread: number;
  /** Final binary cross-entropy of the trained two-layer network. */
  loss: number;
  epochs: number;
}

const X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], { dtype: 'float64' });
const Y = np.array([[0], [1], [1], [0]], { dtype: 'float64' });

/** The fraction of the four points where `out > threshold` matches the label. */
function accuracy(out: np.NDArray, threshold: number): number {
  return np.mean(out.greater(threshold).equal(Y.astype('bool')));
}

/** Sets a Linear layer's weight `(out, in)` and bias by hand. */
function setLinear(layer: nn.Linear, weight: number[][], bias: number[]): nn.Linear {
  layer.weight.data.set('...', weight);
  layer.bias!.data.set('...', bias);
  return layer;
}

/** Runs `xor` (see the file header); `quick` is the short setting of the test suite. */
export async function run(options: ExampleOptions = {}): Promise<XorResult> {
  const ctx = context(options);
  const epochs = ctx.quick ? 400 : 2000;
  const x = ag.asTensor(X);

  // 1. by hand: step units, weights chosen as the lecture builds AND and OR
  const byHand = new nn.Sequential(
    setLinear(new nn.Linear(2, 2), [[1, 1], [1, 1]], [-1, -2]), // h1 = OR, h2 = AND
    new nn.Heaviside(),
    setLinear(new nn.Linear(2, 1), [[1, -1]], [-1]), // y = I[h1 - h2 - 1 >= 0]
    new nn.Heaviside(),
  );
  const handOut = ag.noGrad(() => byHand.forward(x)).data;
  ctx.log('1. By hand with step units (OR and AND, then OR AND NOT AND):');
  ctx.log(byHand);
  ctx.log(table(['x1', 'x2', 'XOR', 'network'], (X.tolist() as number[][]).map((r, i) => [r[0]!, r[1]!, Number(Y.item(i, 0)), Number(handOut.item(i, 0))])));

  // 2. one layer: logistic regression, trained to convergence, still gets one point wrong
  np.random.seed(0);
  const loader = new nn.data.DataLoader(new nn.data.TensorDataset(X, Y), { batchSize: 4 });
  const single = new nn.Linear(2, 1);
  nn.fit(single, loader, { loss: nn.functional.bceWithLogitsLoss, optimizer: new nn.optim.SGD(single.parameters(), { lr: 0.5 }), epochs, verbose: false });
  const singleP = ag.noGrad(() => single.forward(x).sigmoid()).data;
  const singleAcc = accuracy(singleP, 0.5);
  ctx.log('\n2. One layer (logistic regression), trained: its best is p = 0.5 everywhere, a coin toss');
  ctx.log('p(y = 1 | x) =', singleP.ravel(), '(a line splits off at most 3 of the 4 points)');

  // 3. two layers of sigmoid units, trained: 2 inputs -> 2 hidden -> 1 output
  np.random.seed(1);
  const model = new nn.Sequential(new nn.Linear(2, 2), new nn.Sigmoid(), new nn.Linear(2, 1), new nn.Sigmoid());
  const history = nn.fit(model, loader, {
    loss: nn.functional.bceLoss,
    optimizer: new nn.optim.SGD(model.parameters(), { lr: 1, momentum: 0.9 }),
    epochs,
    verbose: false,
  });
  const out = ag.noGrad(() => model.forward(x)).data;
  const hidden = ag.noGrad(() => model.get(1).forward(model.get(0).forward(x))).data;
  const twoAcc = accuracy(out, 0.5);
  const loss = history.loss.at(-1)!;
  ctx.log(`\n3. Two layers, trained with nn.fit (SGD, lr 1, momentum 0.9, ${epochs} epochs): BCE ${num(loss)}, accuracy ${twoAcc}`);
  ctx.log(model);
  ctx.log(
    table(
      ['x1', 'x2', 'XOR', 'h1', 'h2', 'output'],
      (X.tolist() as number[][]).map((r, i) => [r[0]!, r[1]!, Number(Y.item(i, 0)), Number(hidden.item(i, 0)), Number(hidden.item(i, 1)), Number(out.item(i, 0))]),
    ),
  );
  ctx.log('In the hidden units (h1, h2) the two classes are linearly separable: the output layer is a logistic regression on them.');

  // the trained network's output over the plane
  const { points: plane, step } = gridPoints(-0.5, 1.5, ctx.quick ? 21 : 61);
  const surface = ag.noGrad(() => model.forward(ag.tensor(plane))).data.ravel().tolist() as number[];
  const spec: Spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'XOR: the trained 2-2-1 network’s output',
    width: 360,
    height: 360,
    layer: [
      surfaceLayer(
        surface.map((p, i) => ({ x1: plane[i]![0], x2: plane[i]![1], p })),
        step,
        { x: 'x1', y: 'x2', value: 'p', color: { scale: { scheme: 'blueorange', domain: [0, 1] }, title: 'output' } },
      ),
      {
        data: { values: (X.tolist() as number[][]).map((r, i) => ({ x1: r[0]!, x2: r[1]!, label: String(Y.item(i, 0)) })) },
        mark: { type: 'point', filled: true, size: 200, stroke: 'black' },
        encoding: {
          x: { field: 'x1', type: 'quantitative' },
          y: { field: 'x2', type: 'quantitative' },
          shape: { field: 'label', type: 'nominal', title: 'XOR' },
          fill: { value: 'white' },
        },
      },
    ],
  };
  await ctx.svg('xor', spec);

  return { files: ctx.files, accuracy: { byHand: accuracy(handOut, 0.5), oneLayer: singleAcc, twoLayers: twoAcc }, oneLayerSpread: Number(np.max(np.abs(singleP.sub(0.5)))), loss, epochs: history.stoppedEpoch };
}

runIfMain(import.meta.url, run);

/**
 * `losses`: the lecture's classification losses on 2-D problems.
 * - Binary, y ∈ {−1, +1}, a score g(x): the hinge loss `[α − y·g(x)]₊` against the
 *   cross-entropy of `p(y = +1 | x) = σ(g(x))`, as functions of the margin y·g(x), and
 *   trained on two clouds of points: hinge ignores every point beyond the margin.
 * - Multi-class, class scores g_1..g_C: `hinge₁ = [max_(c≠y) g_c + α − g_y]₊`,
 *   `hinge₂ = Σ_(c≠y) [g_c + α − g_y]₊` and cross-entropy of softmax(g), by hand and from
 *   `nn.functional` (`multiMarginLoss` with `mode: 'max'`, `multiMarginLoss` (PyTorch's,
 *   hinge₂ / C), `crossEntropyLoss`), then each used to train a linear classifier on three
 *   classes.
 * Writes `losses.svg`: the losses against the margin, and each loss's decision regions.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { context, runIfMain, type ExampleOptions, type ExampleResult } from './lib/cli.js';
import { num, table } from './lib/format.js';
import { gridPoints, surfaceLayer, type Row } from './lib/plot.js';

type MultiLoss = 'hinge₁ (max)' | 'hinge₂ (sum)' | 'cross-entropy';

/** What `losses` returns. */
export interface LossesResult extends ExampleResult {
  /** max |hand − nn.functional| over the three multi-class losses on the lecture-style example. */
  formulaError: number;
  /** Binary problem: test accuracy and how many training points have a non-zero loss. */
  binary: Record<'hinge' | 'cross-entropy', { accuracy: number; active: number }>;
  /** Three classes: test accuracy of a linear classifier trained with each loss. */
  multi: Record<MultiLoss, number>;
}

const F = nn.functional;

/** `n` points around each centre, with labels 0, 1, ... */
function clouds(rng: np.random.Generator, centres: number[][], n: number, spread: number): { X: np.NDArray; y: np.NDArray } {
  const X = np.concatenate(centres.map((c) => (rng.normal(0, spread, [n, 2]) as np.NDArray).add(c)));
  const y = np.repeat(np.arange(centres.length), n);
  return { X, y };
}

/** Trains a linear map 2 → `out` with `loss` (full batch, Adam). */
function trainLinear(X: np.NDArray, target: np.NDArray, out: number, loss: (s: ag.Tensor, t: ag.Tensor) => ag.Tensor, epochs: number): nn.Linear {
  np.random.seed(0);
  const model = new nn.Linear(2, out);
  const loader = new nn.data.DataLoader(new nn.data.TensorDataset(X, target), { batchSize: X.shape[0]! });
  nn.fit(model, loader, { loss, optimizer: new nn.optim.Adam(model.parameters(), { lr: 0.05 }), epochs, verbose: false });
  return model;
}

const scoresOf = (model: nn.Module, X: np.NDArray) => ag.noGrad(() => model.forward(ag.asTensor(X))).data;

/** Runs `losses` (see the file header); `quick` is the short setting of the test suite. */
export async function run(options: ExampleOptions = {}): Promise<LossesResult> {
  const ctx = context(options);
  const epochs = ctx.quick ? 150 : 600;
  const rng = np.random.defaultRng(7);

  // ---- the formulas on one example: scores g = (0.1, 0.2, 0.4, 0.8), true class y = 3, α = 1 ----
  const g = [0.1, 0.2, 0.4, 0.8];
  const yTrue = 3;
  const alpha = 1;
  const others = g.filter((_, c) => c !== yTrue);
  const hinge1 = Math.max(0, Math.max(...others) + alpha - g[yTrue]!);
  const hinge2 = others.reduce((s, gc) => s + Math.max(0, gc + alpha - g[yTrue]!), 0);
  const ce = -Math.log(Math.exp(g[yTrue]!) / g.reduce((s, gc) => s + Math.exp(gc), 0));
  const gt = ag.tensor([g]);
  const lib = {
    hinge1: F.multiMarginLoss(gt, [yTrue], { mode: 'max' }).item(),
    hinge2: F.multiMarginLoss(gt, [yTrue]).item(),
    ce: F.crossEntropyLoss(gt, [yTrue]).item(),
  };
  const formulaError = Math.max(Math.abs(hinge1 - lib.hinge1), Math.abs(hinge2 / g.length - lib.hinge2), Math.abs(ce - lib.ce));
  ctx.log(`Scores g = (${g.join(', ')}), true class ${yTrue}, α = ${alpha}:`);
  ctx.log(
    table(
      ['loss', 'by hand', 'nn.functional', 'call'],
      [
        ['hinge₁ = [max g_c + α − g_y]₊', hinge1, lib.hinge1, "multiMarginLoss(g, y, { mode: 'max' })"],
        ['hinge₂ = Σ [g_c + α − g_y]₊', hinge2, lib.hinge2 * g.length, 'multiMarginLoss(g, y) × C  (PyTorch divides by C)'],
        ['cross-entropy −log softmax(g)_y', ce, lib.ce, 'crossEntropyLoss(g, y)'],
      ],
    ),
  );

  // ---- binary: two clouds, labels ±1, a linear score; hinge against cross-entropy ----
  const nBin = ctx.quick ? 60 : 200;
  const train = clouds(rng, [[-1, -1], [1, 1]], nBin, 0.9);
  const test = clouds(rng, [[-1, -1], [1, 1]], nBin, 0.9);
  const pm = (y: np.NDArray) => y.mul(2).sub(1).astype('float64'); // 0/1 -> -1/+1
  const hingeModel = trainLinear(train.X, pm(train.y).reshape(-1, 1), 1, (s, t) => F.hingeLoss(s, t, { margin: alpha }), epochs);
  // cross-entropy of σ(g) with targets 0/1 (from logits, stable)
  const bceModel = trainLinear(train.X, train.y.astype('float64').reshape(-1, 1), 1, F.bceWithLogitsLoss, epochs);
  const binary = {} as LossesResult['binary'];
  for (const [name, model] of [['hinge', hingeModel], ['cross-entropy', bceModel]] as const) {
    const margins = scoresOf(model, train.X).ravel().mul(pm(train.y));
    const testMargins = scoresOf(model, test.X).ravel().mul(pm(test.y));
    binary[name] = {
      accuracy: np.mean(testMargins.greater(0)),
      // points with a non-zero loss: inside the margin for hinge; every point for cross-entropy
      active: Number(np.countNonzero(name === 'hinge' ? margins.less(alpha) : margins.greater(-Infinity))),
    };
  }
  ctx.log(`\nBinary: two clouds of ${nBin} points, a linear score g(x) = wᵀx + b (${epochs} epochs of Adam)`);
  ctx.log(
    table(
      ['loss', 'test accuracy', 'training points with loss > 0', 'w, b'],
      (['hinge', 'cross-entropy'] as const).map((n) => {
        const m = n === 'hinge' ? hingeModel : bceModel;
        return [n, binary[n].accuracy, `${binary[n].active} of ${2 * nBin}`, `${String(m.weight.data.ravel())}, ${String(m.bias!.data)}`];
      }),
    ),
  );
  ctx.log('Hinge stops caring once a point is beyond the margin y·g ≥ α (those left are the "support vectors");');
  ctx.log('cross-entropy keeps pushing every point, with ever smaller gradients.');

  // ---- three classes: a linear classifier trained with each multi-class loss ----
  const centres = [[0, 2], [-1.8, -1], [1.8, -1]];
  const nMulti = ctx.quick ? 50 : 150;
  const train3 = clouds(rng, centres, nMulti, 1);
  const test3 = clouds(rng, centres, nMulti, 1);
  const multiLosses: Record<MultiLoss, (s: ag.Tensor, t: ag.Tensor) => ag.Tensor> = {
    'hinge₁ (max)': (s, t) => F.multiMarginLoss(s, t, { mode: 'max' }),
    'hinge₂ (sum)': (s, t) => F.multiMarginLoss(s, t),
    'cross-entropy': (s, t) => F.crossEntropyLoss(s, t),
  };
  const multi = {} as LossesResult['multi'];
  const regions: Row[] = [];
  const { points, step } = gridPoints(-5, 5, ctx.quick ? 41 : 81);
  for (const [name, loss] of Object.entries(multiLosses) as [MultiLoss, (s: ag.Tensor, t: ag.Tensor) => ag.Tensor][]) {
    const model = trainLinear(train3.X, train3.y, 3, loss, epochs);
    multi[name] = np.mean(np.argmax(scoresOf(model, test3.X), 1).equal(test3.y));
    const cls = np.argmax(scoresOf(model, np.array(points, { dtype: 'float64' })), 1).tolist() as number[];
    cls.forEach((c, i) => regions.push({ x: points[i]![0], y: points[i]![1], cls: c, loss: name }));
  }
  ctx.log(`\nThree classes, ${nMulti} training points each, a linear classifier per loss:`);
  ctx.log(table(['loss', 'test accuracy'], Object.entries(multi).map(([k, v]) => [k, v])));

  // the losses against the margin m = y·g(x)
  const marginRows: Row[] = [];
  for (let m = -3; m <= 3.0001; m += 0.05) {
    marginRows.push({ margin: m, loss: Math.max(0, alpha - m), name: 'hinge [1 − m]₊' });
    marginRows.push({ margin: m, loss: Math.log1p(Math.exp(-m)), name: 'cross-entropy log(1 + e^(−m))' });
    marginRows.push({ margin: m, loss: m < 0 ? 1 : 0, name: '0-1 loss' });
  }
  const trainRows = (train3.X.tolist() as number[][]).map((r, i) => ({ x: r[0]!, y: r[1]!, cls: Number(train3.y.item(i)) }));
  await ctx.svg('losses', {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Classification losses',
    columns: 2,
    concat: [
      {
        width: 260,
        height: 260,
        title: 'binary losses against the margin y·g(x)',
        data: { values: marginRows },
        mark: 'line',
        encoding: {
          x: { field: 'margin', type: 'quantitative', title: 'y·g(x)' },
          y: { field: 'loss', type: 'quantitative' },
          color: { field: 'name', type: 'nominal', title: null, legend: { orient: 'bottom', direction: 'vertical', labelLimit: 300 } },
        },
      },
      ...(Object.keys(multiLosses) as MultiLoss[]).map((name) => ({
        width: 220,
        height: 220,
        title: `${name}: test accuracy ${num(multi[name], 3)}`,
        layer: [
          surfaceLayer(
            regions.filter((r) => r.loss === name),
            step,
            { value: 'cls', color: { type: 'nominal', scale: { range: ['#c6dbef', '#fdd0a2', '#c7e9c0'] }, legend: null } },
          ),
          {
            data: { values: trainRows },
            mark: { type: 'point', filled: true, size: 14 },
            encoding: {
              x: { field: 'x', type: 'quantitative' },
              y: { field: 'y', type: 'quantitative' },
              color: { field: 'cls', type: 'nominal', scale: { range: ['#2171b5', '#d94801', '#238b45'] }, title: 'class' },
            },
          },
        ],
        resolve: { scale: { color: 'independent' } },
      })),
    ],
    resolve: { scale: { color: 'independent' } },
  });

  return { files: ctx.files, formulaError, binary, multi };
}

runIfMain(import.meta.url, run);

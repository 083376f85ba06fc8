/**
 * `linear-regression`: the lecture's linear regression `y = Xw` (a column of ones in X for
 * w0) fitted four ways, all reaching the same weights:
 * 1. the closed form `w = (XᵀX)⁻¹Xᵀy`;
 * 2. batch gradient descent, the lecture's step `w ← w + η·2/n·Σ(yᵢ − xᵢᵀw)xᵢ`, stopped
 *    when `‖w_t − w_(t−1)‖ < ε`, with the lecture's η = 0.001 and with η = 0.1;
 * 3. stochastic gradient descent: one observation per step;
 * 4. mini-batch gradient descent with `nn.Linear`, a DataLoader and `nn.fit`.
 * Writes `linear-regression.svg`: the excess MSE over the closed form, per pass over the data.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { context, runIfMain, type ExampleOptions, type ExampleResult } from './lib/cli.js';
import { num, table } from './lib/format.js';
import { lineChart, type Row } from './lib/plot.js';

/** What `linear-regression` returns. */
export interface LinearRegressionResult extends ExampleResult {
  /** The weights the data were made with, and each method's, as [w0, w1, w2]. */
  trueWeights: number[];
  weights: Record<'closedForm' | 'gdLecture' | 'gd' | 'sgd' | 'miniBatch', number[]>;
  /** Training MSE of each method. */
  mse: Record<'closedForm' | 'gdLecture' | 'gd' | 'sgd' | 'miniBatch', number>;
  /** Iterations batch gradient descent took to meet the stop rule. */
  gdSteps: { lecture: number; fast: number };
}

/** The mean squared error of `w` on `(X, y)`. */
function mse(X: np.NDArray, y: np.NDArray, w: np.NDArray): number {
  return np.mean(np.square(y.sub(X.matmul(w))));
}

/** Batch gradient descent with the lecture's step and stop rule; returns w, the steps and the MSE after each. */
function gradientDescent(X: np.NDArray, y: np.NDArray, eta: number, eps: number, maxSteps: number) {
  const n = X.shape[0]!;
  let w = np.zeros(X.shape[1]!);
  const curve: number[] = [];
  let t = 0;
  while (t < maxSteps) {
    // w ← w + η · 2 · (1/n) · Xᵀ(y − Xw)
    const next = w.add(X.T.matmul(y.sub(X.matmul(w))).mul((eta * 2) / n));
    const change = np.linalg.norm(next.sub(w)) as number;
    w = next;
    t++;
    curve.push(mse(X, y, w));
    if (change < eps) break;
  }
  return { w, steps: t, curve };
}

/** Runs `linear-regression` (see the file header); `quick` is the short setting of the test suite. */
export async function run(options: ExampleOptions = {}): Promise<LinearRegressionResult> {
  const ctx = context(options);
  const n = ctx.quick ? 100 : 400;
  const epochs = ctx.quick ? 10 : 40;

  // data: y = 1 + 2·x1 − 3·x2 + noise, with a column of ones in X for the intercept w0
  const rng = np.random.defaultRng(0);
  const trueW = np.array([1, 2, -3], { dtype: 'float64' });
  const features = rng.normal(0, 1, [n, 2]) as np.NDArray;
  const X = np.concatenate([np.ones([n, 1]), features], 1);
  const y = X.matmul(trueW).add(rng.normal(0, 0.5, [n]) as np.NDArray);
  ctx.log(`n = ${n} observations, X = [1, x1, x2], true w =`, trueW);

  // 1. the closed form (XᵀX)⁻¹Xᵀy, as the lecture writes it (np.linalg.solve or lstsq is
  // the numerically better way; they agree here)
  const wClosed = np.linalg.inv(X.T.matmul(X)).matmul(X.T).matmul(y);
  const wSolve = np.linalg.solve(X.T.matmul(X), X.T.matmul(y));
  ctx.log('\nclosed form (XᵀX)⁻¹Xᵀy:', wClosed);
  ctx.log('np.linalg.solve(XᵀX, Xᵀy) agrees to', num(Number(np.max(np.abs(wClosed.sub(wSolve))))));
  const best = mse(X, y, wClosed);

  // 2. batch gradient descent: the lecture's η = 0.001, then a larger step
  const gdLecture = gradientDescent(X, y, 0.001, 1e-7, 100_000);
  const gd = gradientDescent(X, y, 0.1, 1e-10, 100_000);
  ctx.log(`\nbatch GD, η = 0.001: ${gdLecture.steps} steps to ‖Δw‖ < 1e-7:`, gdLecture.w);
  ctx.log(`batch GD, η = 0.1:   ${gd.steps} steps to ‖Δw‖ < 1e-10:`, gd.w);

  // 3. stochastic gradient descent: one random observation per step, w ← w + η·2·(yᵢ − xᵢᵀw)xᵢ
  let wSgd = np.zeros(3);
  const sgdCurve: number[] = [];
  const eta = 0.01;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = rng.permutation(n) as np.NDArray;
    for (const i of order.tolist() as number[]) {
      const xi = X.get(i);
      const err = Number(y.item(i)) - Number(xi.dot(wSgd).item());
      wSgd = wSgd.add(xi.mul(2 * eta * err));
    }
    sgdCurve.push(mse(X, y, wSgd));
  }
  ctx.log(`\nSGD, η = ${eta}, ${epochs} passes (${epochs * n} steps):`, wSgd);

  // 4. mini-batch gradient descent with nn: a Linear layer (its bias is w0), MSE, batches of 16
  np.random.seed(0);
  const model = new nn.Linear(2, 1);
  const loader = new nn.data.DataLoader(new nn.data.TensorDataset(features, y.reshape(n, 1)), { batchSize: 16, shuffle: true, seed: 0 });
  // nn.fit's history has each epoch's mean batch loss (taken while the weights moved); the
  // curve below is the MSE on all the data after each epoch
  const fullMse = () => ag.noGrad(() => nn.functional.mseLoss(model.forward(ag.asTensor(features)), ag.asTensor(y.reshape(n, 1)))).item();
  const miniCurve: number[] = [];
  nn.fit(model, loader, {
    loss: nn.functional.mseLoss,
    optimizer: new nn.optim.SGD(model.parameters(), { lr: 0.05 }),
    epochs,
    verbose: false,
    callbacks: { onEpochEnd: () => void miniCurve.push(fullMse()) },
  });
  const wMini = np.concatenate([model.bias!.data, model.weight.data.reshape(-1)]);
  ctx.log(`mini-batch GD (nn.fit, batch 16, lr 0.05, ${epochs} epochs):`, wMini);
  const miniMse = fullMse();

  const methods = {
    closedForm: wClosed,
    gdLecture: gdLecture.w,
    gd: gd.w,
    sgd: wSgd,
    miniBatch: wMini,
  };
  const weights = Object.fromEntries(Object.entries(methods).map(([k, w]) => [k, w.tolist() as number[]])) as LinearRegressionResult['weights'];
  const mses = Object.fromEntries(Object.entries(methods).map(([k, w]) => [k, k === 'miniBatch' ? miniMse : mse(X, y, w)])) as LinearRegressionResult['mse'];
  ctx.log(
    '\n' +
      table(
        ['method', 'w0', 'w1', 'w2', 'MSE', '‖w − w_closed‖'],
        Object.entries(methods).map(([k, w]) => [k, ...(w.tolist() as number[]), mses[k as keyof typeof mses], np.linalg.norm(w.sub(wClosed)) as number]),
      ),
  );

  // the excess loss MSE − MSE(closed form) per pass over the data
  const rows: Row[] = [];
  const excess = (name: string, curve: number[]) =>
    curve.forEach((m, i) => {
      // thinned to about 50 points per decade of the log axis
      if (i < 50 || i % Math.ceil(i / 50) === 0) rows.push({ pass: i + 1, excess: Math.max(m - best, 1e-16), method: name });
    });
  excess('batch GD, η = 0.001', gdLecture.curve);
  excess('batch GD, η = 0.1', gd.curve);
  excess('SGD, η = 0.01', sgdCurve);
  excess('mini-batch (nn.fit)', miniCurve);
  await ctx.svg(
    'linear-regression',
    lineChart(rows, { title: 'Linear regression: MSE above the closed form', x: 'pass', y: 'excess', series: 'method', xTitle: 'passes over the data', yTitle: 'MSE − MSE(closed form)', logX: true, logY: true }),
  );

  return { files: ctx.files, trueWeights: trueW.tolist() as number[], weights, mse: mses, gdSteps: { lecture: gdLecture.steps, fast: gd.steps } };
}

runIfMain(import.meta.url, run);

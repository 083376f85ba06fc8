/**
 * `nn.fit` and `nn.evaluate`: the loop equals the hand-written PyTorch loop step for step;
 * the history's shape and values (epoch loss = size-weighted mean of the batch losses,
 * validation loss and accuracy, lr, gradient norm); the stop tests (max epochs, loss
 * change, gradient norm, early stopping with minDelta / mode / restoreBest, callbacks,
 * non-finite loss); schedulers stepped per epoch (ReduceLROnPlateau fed the monitored
 * loss); progress output: a line per epoch on a non-TTY stream or with `verbose: 'line'`,
 * a cli-progress bar on a TTY (no timer left behind), nothing with `verbose: false`;
 * errors; `nn.metrics.accuracy`.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { expectThrows } from '../../../test/helpers.js';

const F = nn.functional;

/** y = 2 x0 - x1 + 0.5 + noise over 40 samples, as a TensorDataset. */
function regression(n = 40): { X: np.NDArray; y: np.NDArray; ds: nn.data.TensorDataset } {
  const rng = np.random.defaultRng(5);
  const X = rng.standardNormal([n, 2]) as np.NDArray;
  const noise = np.multiply(rng.standardNormal([n, 1]) as np.NDArray, 0.1);
  const y = np.add(np.add(np.matmul(X, np.array([[2], [-1]], { dtype: 'float64' })), 0.5), noise);
  return { X, y, ds: new nn.data.TensorDataset(X, y) };
}

function linear(seed = 0): nn.Linear {
  np.random.seed(seed);
  return new nn.Linear(2, 1);
}

/** A stream that records what is written. */
function recorder(isTTY: boolean): { stream: nn.WritableLike; text(): string } {
  const chunks: string[] = [];
  return { stream: { isTTY, columns: 120, write: (s: string) => chunks.push(s) }, text: () => chunks.join('') };
}

describe('the loop', () => {
  it('equals the hand-written loop (zeroGrad, forward, loss, backward, step) over the same batches', () => {
    const { ds } = regression();
    const a = linear(1);
    const b = linear(1);
    nn.fit(a, new nn.data.DataLoader(ds, { batchSize: 8, shuffle: true, seed: 3 }), {
      loss: F.mseLoss,
      optimizer: new nn.optim.SGD(a.parameters(), { lr: 0.05, momentum: 0.9 }),
      epochs: 4,
      verbose: false,
    });
    const opt = new nn.optim.SGD(b.parameters(), { lr: 0.05, momentum: 0.9 });
    const loader = new nn.data.DataLoader(ds, { batchSize: 8, shuffle: true, seed: 3 });
    for (let e = 0; e < 4; e++) {
      for (const [x, y] of loader) {
        opt.zeroGrad();
        F.mseLoss(b.forward(x!), y!).backward();
        opt.step();
      }
    }
    expect(a.weight.data.tolist()).toEqual(b.weight.data.tolist());
    expect(a.bias!.data.tolist()).toEqual(b.bias!.data.tolist());
  });

  it('history: one entry per epoch; the epoch loss is the size-weighted mean of the batch losses', () => {
    const { X, y, ds } = regression(30);
    const model = linear();
    // lr 0: the parameters stay, so the epoch loss is the full-data loss
    const history = nn.fit(model, new nn.data.DataLoader(ds, { batchSize: 7 }), {
      loss: F.mseLoss,
      optimizer: new nn.optim.SGD(model.parameters(), { lr: 0 }),
      epochs: 3,
      validation: new nn.data.DataLoader(ds, { batchSize: 30 }),
      metrics: { neg: (p, t) => -F.mseLoss(p, t).item() },
      verbose: false,
    });
    const full = F.mseLoss(model.forward(ag.asTensor(X)), ag.asTensor(y)).item();
    expect(history.loss.length).toBe(3);
    history.loss.forEach((l) => expect(Math.abs(l - full)).toBeLessThan(1e-12));
    history.valLoss!.forEach((l) => expect(Math.abs(l - full)).toBeLessThan(1e-12));
    history.metrics.neg!.forEach((m) => expect(Math.abs(m + full)).toBeLessThan(1e-12));
    history.metrics.valNeg!.forEach((m) => expect(Math.abs(m + full)).toBeLessThan(1e-12));
    expect(Object.keys(history.metrics).sort()).toEqual(['neg', 'valNeg']);
    expect(history.lr).toEqual([0, 0, 0]);
    expect(history.stoppedEpoch).toBe(3);
    expect(history.reason).toBe('maxEpochs');
    expect(model.training).toBe(true);
  });

  it('gradNorm with batch GD is the norm of the full gradient at the epoch\'s start', () => {
    const { X, y, ds } = regression();
    const model = linear();
    const w0 = model.weight.data.copy();
    const b0 = model.bias!.data.copy();
    const history = nn.fit(model, new nn.data.DataLoader(ds, { batchSize: 40 }), {
      loss: F.mseLoss,
      optimizer: new nn.optim.SGD(model.parameters(), { lr: 0.1 }),
      epochs: 2,
      verbose: false,
    });
    const w = new nn.Parameter(w0);
    const b = new nn.Parameter(b0);
    F.mseLoss(F.linear(ag.asTensor(X), w, b), ag.asTensor(y)).backward();
    const expected = Math.sqrt(Number(np.square(w.grad!).sum()) + Number(np.square(b.grad!).sum()));
    expect(Math.abs(history.gradNorm[0]! - expected)).toBeLessThan(1e-12);
    expect(history.gradNorm[1]!).toBeLessThan(history.gradNorm[0]!);
  });
});

describe('stop criteria', () => {
  const { ds } = regression();
  const full = () => new nn.data.DataLoader(ds, { batchSize: 40 });

  it('maxEpochs: the smaller of epochs and stop.maxEpochs; one epoch by default', () => {
    const model = linear();
    const opt = new nn.optim.SGD(model.parameters(), { lr: 0.01 });
    expect(nn.fit(model, full(), { loss: F.mseLoss, optimizer: opt, epochs: 10, stop: { maxEpochs: 3 }, verbose: false }).stoppedEpoch).toBe(3);
    expect(nn.fit(model, full(), { loss: F.mseLoss, optimizer: opt, verbose: false }).stoppedEpoch).toBe(1);
    expect(nn.fit(model, full(), { loss: F.mseLoss, optimizer: opt, stop: { maxEpochs: 4 }, verbose: false }).loss.length).toBe(4);
  });

  it('lossChange: stops at the first epoch whose loss changed by less than the tolerance', () => {
    const model = linear();
    const h = nn.fit(model, full(), { loss: F.mseLoss, optimizer: new nn.optim.SGD(model.parameters(), { lr: 0.05 }), stop: { lossChange: 1e-6, maxEpochs: 5000 }, verbose: false });
    expect(h.reason).toBe('lossChange');
    const n = h.loss.length;
    expect(Math.abs(h.loss[n - 1]! - h.loss[n - 2]!)).toBeLessThan(1e-6);
    for (let i = 1; i < n - 1; i++) expect(Math.abs(h.loss[i]! - h.loss[i - 1]!)).toBeGreaterThanOrEqual(1e-6);
  });

  it('gradNorm: stops at the first epoch whose gradient norm is below the tolerance', () => {
    const model = linear();
    const h = nn.fit(model, full(), { loss: F.mseLoss, optimizer: new nn.optim.SGD(model.parameters(), { lr: 0.1 }), stop: { gradNorm: 1e-5, maxEpochs: 5000 }, verbose: false });
    expect(h.reason).toBe('gradNorm');
    expect(h.gradNorm.at(-1)!).toBeLessThan(1e-5);
    expect(h.gradNorm.slice(0, -1).every((g) => g >= 1e-5)).toBe(true);
  });

  it('earlyStopping: patience epochs without improvement of the monitored value (valLoss by default)', () => {
    const model = linear();
    const h = nn.fit(model, full(), {
      loss: F.mseLoss,
      optimizer: new nn.optim.SGD(model.parameters(), { lr: 0 }),
      epochs: 20,
      validation: full(),
      earlyStopping: { patience: 3 },
      verbose: false,
    });
    expect(h.reason).toBe('earlyStopping');
    expect(h.stoppedEpoch).toBe(4);
    expect(h.bestEpoch).toBe(1);
  });

  it('earlyStopping: minDelta, mode max for accuracies, unknown monitors', () => {
    const model = linear();
    const opt = new nn.optim.SGD(model.parameters(), { lr: 0.05 });
    // the loss keeps decreasing, but by less than minDelta after a while
    const h = nn.fit(model, full(), { loss: F.mseLoss, optimizer: opt, epochs: 500, earlyStopping: { patience: 2, minDelta: 1e-3, monitor: 'loss' }, verbose: false });
    expect(h.reason).toBe('earlyStopping');
    expect(h.loss.at(-1)!).toBeLessThan(h.loss.at(-2)!);
    const best = h.loss[h.bestEpoch! - 1]!;
    expect(h.loss.slice(h.bestEpoch!).every((l) => l > best - 1e-3)).toBe(true);
    const acc = nn.fit(model, full(), {
      loss: F.mseLoss,
      optimizer: opt,
      epochs: 50,
      metrics: { accuracyLike: () => 0.5 },
      earlyStopping: { patience: 1, monitor: 'accuracyLike' },
      verbose: false,
    });
    // 'max' mode: a constant is not an improvement after the first epoch
    expect(acc.stoppedEpoch).toBe(2);
    expectThrows(
      () => nn.fit(model, full(), { loss: F.mseLoss, optimizer: opt, epochs: 2, earlyStopping: { patience: 1, monitor: 'valLoss' }, verbose: false }),
      np.ValueError,
      "earlyStopping monitors 'valLoss', which is not logged (logged: loss, lr, gradNorm)",
    );
  });

  it('earlyStopping restoreBest: the parameters of the best epoch come back', () => {
    const model = linear();
    const snapshots: number[][] = [];
    // lr far too large: the loss grows from the first step, epoch 1 stays the best
    const h = nn.fit(model, full(), {
      loss: F.mseLoss,
      optimizer: new nn.optim.SGD(model.parameters(), { lr: 1.5 }),
      epochs: 10,
      earlyStopping: { patience: 2, monitor: 'loss', restoreBest: true },
      callbacks: { onEpochEnd: () => void snapshots.push(model.weight.data.ravel().tolist() as number[]) },
      verbose: false,
    });
    expect(h.reason).toBe('earlyStopping');
    expect(h.bestEpoch).toBe(1);
    expect(model.weight.data.ravel().tolist()).toEqual(snapshots[0]);
    expect(snapshots.at(-1)).not.toEqual(snapshots[0]);
  });

  it('callbacks: onBatchEnd after every batch, onEpochEnd with the logs; false stops', () => {
    const model = linear();
    const batches: number[] = [];
    const logs: Record<string, number>[] = [];
    const h = nn.fit(model, new nn.data.DataLoader(ds, { batchSize: 16 }), {
      loss: F.mseLoss,
      optimizer: new nn.optim.SGD(model.parameters(), { lr: 0.01 }),
      epochs: 10,
      callbacks: {
        onBatchEnd: (b, l) => void batches.push(b + 100 * l.epoch),
        onEpochEnd: (e, l) => {
          logs.push({ ...l });
          return e < 2;
        },
      },
      verbose: false,
    });
    expect(h.reason).toBe('callback');
    expect(h.stoppedEpoch).toBe(3);
    expect(batches).toEqual([0, 1, 2, 100, 101, 102, 200, 201, 202]);
    expect(Object.keys(logs[0]!)).toEqual(['loss', 'lr', 'gradNorm']);
    const stopped = nn.fit(model, new nn.data.DataLoader(ds, { batchSize: 16 }), {
      loss: F.mseLoss,
      optimizer: new nn.optim.SGD(model.parameters(), { lr: 0.01 }),
      epochs: 10,
      callbacks: { onBatchEnd: (b) => b !== 1 },
      verbose: false,
    });
    expect(stopped.reason).toBe('callback');
    expect(stopped.stoppedEpoch).toBe(1);
  });

  it('nonFinite: a diverging run stops when the epoch loss is no longer finite', () => {
    const model = linear();
    const h = nn.fit(model, full(), { loss: F.mseLoss, optimizer: new nn.optim.SGD(model.parameters(), { lr: 50 }), epochs: 1000, verbose: false });
    expect(h.reason).toBe('nonFinite');
    expect(Number.isFinite(h.loss.at(-1)!)).toBe(false);
    expect(h.loss.slice(0, -1).every(Number.isFinite)).toBe(true);
  });
});

describe('schedulers in fit', () => {
  const { ds } = regression();

  it('StepLR is stepped once per epoch: history.lr follows it', () => {
    const model = linear();
    const opt = new nn.optim.SGD(model.parameters(), { lr: 0.1 });
    const h = nn.fit(model, new nn.data.DataLoader(ds, { batchSize: 10 }), {
      loss: F.mseLoss,
      optimizer: opt,
      epochs: 5,
      scheduler: new nn.optim.StepLR(opt, { stepSize: 2, gamma: 0.5 }),
      verbose: false,
    });
    expect(h.lr).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
  });

  it('ReduceLROnPlateau gets the validation loss (the training loss without validation)', () => {
    class Spy extends nn.optim.ReduceLROnPlateau {
      seen: number[] = [];
      override step(metric: number): void {
        this.seen.push(metric);
        super.step(metric);
      }
    }
    const model = linear();
    const opt = new nn.optim.SGD(model.parameters(), { lr: 0.05 });
    const spy = new Spy(opt, { patience: 1 });
    const h = nn.fit(model, new nn.data.DataLoader(ds, { batchSize: 10 }), {
      loss: F.mseLoss,
      optimizer: opt,
      epochs: 4,
      validation: new nn.data.DataLoader(ds, { batchSize: 40 }),
      scheduler: [spy],
      verbose: false,
    });
    expect(spy.seen).toEqual(h.valLoss);
    // a loss that cannot change (zero gradients): the rate halves after patience + 1 flat epochs
    const frozen = linear();
    const opt2 = new nn.optim.SGD(frozen.parameters(), { lr: 1 });
    const h2 = nn.fit(frozen, new nn.data.DataLoader(ds, { batchSize: 40 }), {
      loss: (p) => p.mul(0).sum().add(1),
      optimizer: opt2,
      epochs: 6,
      scheduler: new nn.optim.ReduceLROnPlateau(opt2, { patience: 1, factor: 0.5 }),
      verbose: false,
    });
    expect(h2.lr).toEqual([1, 1, 1, 0.5, 0.5, 0.25]);
  });
});

describe('progress output', () => {
  const { ds } = regression();
  const run = (verbose: boolean | 'line' | 'bar' | undefined, stream: nn.WritableLike) => {
    const model = linear();
    return nn.fit(model, new nn.data.DataLoader(ds, { batchSize: 10 }), {
      loss: F.mseLoss,
      optimizer: new nn.optim.SGD(model.parameters(), { lr: 0.01 }),
      epochs: 3,
      validation: new nn.data.DataLoader(ds, { batchSize: 40 }),
      metrics: { zero: () => 0 },
      ...(verbose === undefined ? {} : { verbose }),
      stream,
    });
  };
  const line = /^Epoch (\d)\/3 - loss: \d+\.\d{4} - zero: 0\.0000 - valLoss: \d+\.\d{4} - valZero: 0\.0000 - lr: 0\.0100 - gradNorm: \d+\.\d{4} - \d+(ms|\.\ds)$/;

  it('not a TTY: one plain line per epoch (the default verbose)', () => {
    const out = recorder(false);
    run(undefined, out.stream);
    const lines = out.text().split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.length).toBe(4);
    lines.slice(0, 3).forEach((l, i) => {
      expect(l).toMatch(line);
      expect(l.startsWith(`Epoch ${i + 1}/3`)).toBe(true);
    });
  });

  it('an early stop ends with a line naming the reason', () => {
    const out = recorder(false);
    const model = linear();
    nn.fit(model, new nn.data.DataLoader(ds, { batchSize: 40 }), {
      loss: F.mseLoss,
      optimizer: new nn.optim.SGD(model.parameters(), { lr: 0 }),
      epochs: 10,
      earlyStopping: { patience: 1 },
      stream: out.stream,
    });
    const lines = out.text().split('\n');
    expect(lines.length).toBe(4);
    expect(lines[2]).toBe('Stopped after epoch 2: earlyStopping');
    const bar = recorder(true);
    nn.fit(model, new nn.data.DataLoader(ds, { batchSize: 40 }), {
      loss: F.mseLoss,
      optimizer: new nn.optim.SGD(model.parameters(), { lr: 0 }),
      epochs: 10,
      stop: { lossChange: 1 },
      stream: bar.stream,
    });
    expect(bar.text().endsWith('\nStopped after epoch 2: lossChange\n')).toBe(true);
  });

  it("verbose 'line' writes lines on a TTY too; verbose false writes nothing", () => {
    const tty = recorder(true);
    run('line', tty.stream);
    expect(tty.text().split('\n').filter((l) => line.test(l)).length).toBe(3);
    const silent = recorder(true);
    run(false, silent.stream);
    expect(silent.text()).toBe('');
  });

  it('a TTY gets a cli-progress bar (epoch, loss, metrics, ETA) and no timer is left running', () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const out = recorder(true);
    run(true, out.stream);
    const text = out.text();
    expect(text).toContain('epoch 3/3');
    expect(text).toContain('100%');
    expect(text).toMatch(/loss: \d+\.\d{4} \| zero: 0\.0000 \| valLoss: \d+\.\d{4}/);
    expect(text).toContain('ETA');
    expect(text).not.toMatch(/Epoch \d\/3 -/);
    expect(text.endsWith('\n')).toBe(true);
    expect(timers()).toBe(before);
  });

  it('the bar is stopped when training throws', () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const out = recorder(true);
    const model = linear();
    expect(() =>
      nn.fit(model, new nn.data.DataLoader(ds, { batchSize: 10 }), {
        loss: () => {
          throw new Error('boom');
        },
        optimizer: new nn.optim.SGD(model.parameters()),
        epochs: 2,
        stream: out.stream,
      }),
    ).toThrow('boom');
    expect(timers()).toBe(before);
  });
});

describe('errors', () => {
  const { ds } = regression();
  const model = linear();
  const opt = new nn.optim.SGD(model.parameters());
  const loader = new nn.data.DataLoader(ds, { batchSize: 10 });

  it('checks its options and batches with clear messages', () => {
    expectThrows(() => nn.fit(model, loader, { loss: F.mseLoss, optimizer: {} as never, verbose: false }), TypeError, 'fit: options.optimizer must be an nn.optim optimizer');
    expectThrows(() => nn.fit(model, loader, { loss: 3 as never, optimizer: opt, verbose: false }), TypeError, 'fit: options.loss must be a loss function or a loss module');
    expectThrows(() => nn.fit(model, loader, { loss: F.mseLoss, optimizer: opt, epochs: 0, verbose: false }), np.ValueError, 'fit: epochs must be a positive integer, got 0');
    expectThrows(() => nn.fit(model, loader, { loss: F.mseLoss, optimizer: opt, epochs: 2.5, verbose: false }), np.ValueError, 'fit: epochs must be a positive integer, got 2.5');
    expectThrows(
      () => nn.fit(model, [[ag.tensor([[1, 2]])]], { loss: F.mseLoss, optimizer: opt, verbose: false }),
      np.ValueError,
      'fit: each batch must hold the inputs and a target ([x, y]), got 1 tensor(s)',
    );
    expectThrows(
      () => nn.fit(model, loader, { loss: (p, t) => F.mseLoss(p, t, { reduction: 'none' }), optimizer: opt, verbose: false }),
      np.ValueError,
      "fit: the loss must be a single number (use reduction 'mean' or 'sum'), got shape (10, 1)",
    );
    expectThrows(() => nn.fit(model, [], { loss: F.mseLoss, optimizer: opt, verbose: false }), np.ValueError, 'fit: the loader gave no batches');
    expectThrows(() => nn.fit(model, loader, { loss: F.mseLoss, optimizer: opt, metrics: ['precision' as never], verbose: false }), np.ValueError, "unknown metric 'precision' (known: accuracy)");
  });

  it('plain arrays of [x, y] NDArrays are batches too; a loss module works', () => {
    const X = np.ones([4, 2]);
    const y = np.zeros([4, 1]);
    const h = nn.fit(model, [[X, y]], { loss: new nn.MSELoss(), optimizer: opt, epochs: 2, verbose: false });
    expect(h.loss.length).toBe(2);
  });
});

describe('evaluate and accuracy', () => {
  it('evaluate: size-weighted loss and metrics in eval mode without recording; the mode is restored', () => {
    class Probe extends nn.Module {
      lin = linear();
      modes: boolean[] = [];
      override forward(x: ag.Tensor): ag.Tensor {
        this.modes.push(this.training);
        const out = this.lin.forward(x);
        expect(out.requiresGrad).toBe(false);
        return out;
      }
    }
    const { X, y, ds } = regression(25);
    const m = new Probe();
    const r = nn.evaluate(m, new nn.data.DataLoader(ds, { batchSize: 10 }), { loss: F.mseLoss, metrics: { mae: (p, t) => F.l1Loss(p, t).item() } });
    const pred = ag.noGrad(() => m.lin.forward(ag.asTensor(X)));
    expect(Math.abs(r.loss! - F.mseLoss(pred, ag.asTensor(y)).item())).toBeLessThan(1e-12);
    expect(Math.abs(r.mae! - F.l1Loss(pred, ag.asTensor(y)).item())).toBeLessThan(1e-12);
    expect(m.modes.slice(0, 3)).toEqual([false, false, false]);
    expect(m.training).toBe(true);
  });

  it('accuracy: argmax for class scores (indices or one-hot targets), a threshold for one column', () => {
    const scores = ag.tensor([[2, 1, 0], [0, 3, 1], [1, 0, 5], [4, 5, 6]]);
    expect(nn.metrics.accuracy(scores, np.array([0, 1, 2, 0]))).toBe(0.75);
    expect(nn.metrics.accuracy(scores, np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1]], { dtype: 'float64' }))).toBe(1);
    expect(nn.metrics.accuracy(ag.tensor([[0.9], [0.2], [0.6]]), ag.tensor([[1], [0], [0]]))).toBe(2 / 3);
    expect(nn.metrics.accuracy(ag.tensor([2.5, -1, -0.5]), ag.tensor([1, -1, 1]), { threshold: 0 })).toBe(2 / 3);
    expectThrows(() => nn.metrics.accuracy(scores, np.array([0, 1])), np.ValueError, 'accuracy: 4 predictions but 2 targets');
  });
});

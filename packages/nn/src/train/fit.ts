/**
 * `nn.fit`: the training loop of the lectures in one call, Keras's `model.fit` over
 * PyTorch's pieces. Each epoch: for every batch `[x..., y]` of the loader, `zeroGrad`,
 * `loss(model.forward(x...), y).backward()`, `optimizer.step()`; then the validation pass
 * (no recording, `model.eval()`), the scheduler step, the callbacks, and the stop tests.
 *
 * Stop tests, in this order, after each epoch (the reason is returned in `history.reason`):
 * 1. `'callback'`: `onBatchEnd` or `onEpochEnd` returned `false`;
 * 2. `'nonFinite'`: the epoch's training loss is NaN or infinite;
 * 3. `'gradNorm'`: the epoch's gradient norm fell below `stop.gradNorm` (the lectures'
 *    `||grad J(w)|| < eps`; the norm is the mean over the epoch's batches of the 2-norm of
 *    all parameter gradients before the step, the exact full gradient with batch GD);
 * 4. `'lossChange'`: `|loss_t - loss_(t-1)| < stop.lossChange` (the lectures'
 *    `|J(w_t) - J(w_(t-1))| < eps`);
 * 5. `'earlyStopping'`: the monitored value has not improved by more than `minDelta` for
 *    `patience` epochs (Keras's EarlyStopping);
 * 6. `'maxEpochs'`: `epochs` (or `stop.maxEpochs`, the smaller) epochs have run.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import type { Module } from '../module.js';
import { Optimizer } from '../optim/optimizer.js';
import { LRScheduler, ReduceLROnPlateau } from '../optim/lr-scheduler.js';
import { copy_ } from '../optim/inplace.js';
import { namedMetrics, type MetricFn, type MetricName } from './metrics.js';
import { createReporter, type WritableLike } from './progress.js';

/** A loss: a function `(prediction, target) => scalar tensor` or a loss module. */
export type LossLike = ((input: ag.Tensor, target: ag.Tensor) => ag.Tensor) | { forward(input: ag.Tensor, target: ag.Tensor): ag.Tensor };

/** A batch as fit reads it: inputs then the target, `[x, y]` (NDArrays are wrapped). */
export type BatchLike = readonly (ag.Tensor | np.NDArray)[];

/** Metrics: names (`'accuracy'`) and named functions, or a record name -> metric. */
export type MetricsSpec = readonly (MetricName | MetricFn)[] | Readonly<Record<string, MetricName | MetricFn>>;

/** Why training stopped. */
export type StopReason = 'maxEpochs' | 'lossChange' | 'gradNorm' | 'earlyStopping' | 'callback' | 'nonFinite';

/** Keras-style early stopping. */
export interface EarlyStoppingOptions {
  /** Epochs without improvement before stopping. */
  patience: number;
  /** The smallest change that counts as an improvement (default 0). */
  minDelta?: number;
  /** The logged value watched (default `'valLoss'` with validation, else `'loss'`). */
  monitor?: string;
  /** 'min' or 'max' (default 'max' when the monitored name contains "accuracy", else 'min'). */
  mode?: 'min' | 'max';
  /** On stopping, restore the parameters of the best epoch (default false). */
  restoreBest?: boolean;
}

/** The lectures' convergence criteria. */
export interface StopCriteria {
  /** Stop when the epoch loss changes by less than this. */
  lossChange?: number;
  /** Stop when the epoch's gradient norm is below this. */
  gradNorm?: number;
  /** At most this many epochs. */
  maxEpochs?: number;
}

/** Callbacks; returning `false` stops training (reason `'callback'`). */
export interface FitCallbacks {
  /** After each batch: its 0-based index in the epoch and `{ loss, size, epoch }`. */
  onBatchEnd?(batch: number, logs: { loss: number; size: number; epoch: number }): boolean | void;
  /** After each epoch: its 0-based index and the epoch's logs (`loss`, metrics, `valLoss`, `lr`, `gradNorm`). */
  onEpochEnd?(epoch: number, logs: Readonly<Record<string, number>>): boolean | void;
}

/** Options of {@link fit}. */
export interface FitOptions {
  /** The loss, e.g. `nn.functional.mseLoss` (must reduce to one number). */
  loss: LossLike;
  /** The optimizer over the model's parameters. */
  optimizer: Optimizer;
  /** Number of epochs (default 1, unless `stop.maxEpochs` is given). */
  epochs?: number;
  /** A loader of validation batches, evaluated after each epoch without recording. */
  validation?: Iterable<BatchLike>;
  /** Metrics computed on the training batches (and on validation, as `valAccuracy`...). */
  metrics?: MetricsSpec;
  /** Per-batch and per-epoch callbacks. */
  callbacks?: FitCallbacks;
  /** Stop when the monitored value stops improving. */
  earlyStopping?: EarlyStoppingOptions;
  /** The lectures' convergence criteria. */
  stop?: StopCriteria;
  /** Learning-rate scheduler(s), stepped once per epoch; ReduceLROnPlateau gets `valLoss` (or `loss`). */
  scheduler?: LRScheduler | ReduceLROnPlateau | readonly (LRScheduler | ReduceLROnPlateau)[];
  /** `true` (default): a bar on a TTY, else a line per epoch; `'line'`: always lines; `false`: silent. */
  verbose?: boolean | 'bar' | 'line';
  /** Where progress goes (default `process.stdout`). */
  stream?: WritableLike;
}

/** What {@link fit} returns: one entry per epoch run in every array. */
export interface History {
  /** Mean training loss of each epoch (batches weighted by their size). */
  loss: number[];
  /** Mean validation loss of each epoch (with `validation`). */
  valLoss?: number[];
  /** Each metric per epoch: `accuracy`, and `valAccuracy` with validation. */
  metrics: Record<string, number[]>;
  /** The learning rate (of parameter group 0) used in each epoch. */
  lr: number[];
  /** The mean gradient norm of each epoch (see the stop tests). */
  gradNorm: number[];
  /** The number of epochs run. */
  stoppedEpoch: number;
  /** Why training stopped. */
  reason: StopReason;
  /** With early stopping: the 1-based epoch of the best monitored value. */
  bestEpoch?: number;
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** The loss (reported as `loss`). */
  loss?: LossLike;
  /** Metrics to compute. */
  metrics?: MetricsSpec;
}

function callLoss(loss: LossLike, input: ag.Tensor, target: ag.Tensor): ag.Tensor {
  return typeof loss === 'function' ? loss(input, target) : loss.forward(input, target);
}

function normalizeMetrics(spec: MetricsSpec | undefined): [string, MetricFn][] {
  if (spec === undefined) return [];
  const entries: [string, MetricName | MetricFn][] = Array.isArray(spec)
    ? (spec as readonly (MetricName | MetricFn)[]).map((m) => [typeof m === 'string' ? m : m.name, m])
    : Object.entries(spec as Readonly<Record<string, MetricName | MetricFn>>);
  return entries.map(([name, m]) => {
    if (typeof m === 'string') {
      if (!(m in namedMetrics)) throw new np.ValueError(`unknown metric '${m}' (known: ${Object.keys(namedMetrics).join(', ')})`);
      return [name, namedMetrics[m]];
    }
    if (typeof m !== 'function') throw new TypeError(`a metric must be a name or a function, got ${typeof m}`);
    if (name === '') throw new np.ValueError('a metric function needs a name: give a named function or use { name: fn }');
    return [name, m];
  });
}

function splitBatch(batch: BatchLike): { inputs: ag.Tensor[]; target: ag.Tensor; size: number } {
  if (batch.length < 2) throw new np.ValueError(`fit: each batch must hold the inputs and a target ([x, y]), got ${batch.length} tensor(s)`);
  const ts = batch.map((b) => (b instanceof ag.Tensor ? b : ag.asTensor(b)));
  const target = ts[ts.length - 1]!;
  const size = target.ndim > 0 ? target.shape[0]! : (ts[0]!.shape[0] ?? 1);
  return { inputs: ts.slice(0, -1), target, size };
}

function scalarLoss(loss: ag.Tensor): number {
  if (loss.size !== 1) throw new np.ValueError(`fit: the loss must be a single number (use reduction 'mean' or 'sum'), got shape (${loss.shape.join(', ')})`);
  return loss.item();
}

function gradNormOf(params: readonly ag.Tensor[]): number {
  let sq = 0;
  for (const p of params) {
    const g = p.grad;
    if (g !== null) sq += Number(np.square(g).sum());
  }
  return Math.sqrt(sq);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Mean loss and metrics of `model` over `loader`, without recording and in eval mode
 * (restored afterwards): `{ loss, accuracy, ... }`, batches weighted by their size.
 *
 * @example
 * const { loss, accuracy } = nn.evaluate(model, testLoader, { loss: nn.functional.crossEntropyLoss, metrics: ['accuracy'] });
 */
export function evaluate(model: Module, loader: Iterable<BatchLike>, options: EvaluateOptions = {}): Record<string, number> {
  const metrics = normalizeMetrics(options.metrics);
  const wasTraining = model.training;
  model.eval();
  try {
    return ag.noGrad(() => {
      let n = 0;
      let lossSum = 0;
      const sums = new Map<string, number>(metrics.map(([k]) => [k, 0]));
      for (const batch of loader) {
        const { inputs, target, size } = splitBatch(batch);
        const pred = model.forward(...inputs);
        if (options.loss !== undefined) lossSum += scalarLoss(callLoss(options.loss, pred, target)) * size;
        for (const [k, fn] of metrics) sums.set(k, sums.get(k)! + fn(pred, target) * size);
        n += size;
      }
      if (n === 0) throw new np.ValueError('evaluate: the loader gave no samples');
      const out: Record<string, number> = {};
      if (options.loss !== undefined) out.loss = lossSum / n;
      for (const [k] of metrics) out[k] = sums.get(k)! / n;
      return out;
    });
  } finally {
    model.train(wasTraining);
  }
}

/**
 * Trains `model` on the batches of `loader` (`[x, y]`, e.g. a `nn.data.DataLoader`) and
 * returns the history. See the file header for the loop and the stop tests.
 *
 * @example
 * const history = nn.fit(model, loader, {
 *   loss: nn.functional.crossEntropyLoss,
 *   optimizer: new nn.optim.Adam(model.parameters(), { lr: 1e-2 }),
 *   epochs: 100,
 *   metrics: ['accuracy'],
 *   earlyStopping: { patience: 10 },
 *   validation: valLoader,
 * });
 * history.loss.at(-1); history.metrics.valAccuracy.at(-1); history.reason;
 */
export function fit(model: Module, loader: Iterable<BatchLike>, options: FitOptions): History {
  const { loss, optimizer, callbacks = {}, stop = {}, earlyStopping } = options;
  if (!(optimizer instanceof Optimizer)) throw new TypeError('fit: options.optimizer must be an nn.optim optimizer');
  if (typeof loss !== 'function' && (typeof loss !== 'object' || loss === null || typeof loss.forward !== 'function')) {
    throw new TypeError('fit: options.loss must be a loss function or a loss module');
  }
  const epochs = options.epochs ?? (stop.maxEpochs === undefined ? 1 : Infinity);
  const maxEpochs = Math.min(epochs, stop.maxEpochs ?? Infinity);
  if (!(maxEpochs >= 1) || (Number.isFinite(maxEpochs) && !Number.isInteger(maxEpochs))) {
    throw new np.ValueError(`fit: epochs must be a positive integer, got ${maxEpochs}`);
  }
  if (earlyStopping !== undefined && !(earlyStopping.patience >= 0)) throw new np.ValueError(`fit: earlyStopping.patience must be >= 0, got ${earlyStopping.patience}`);
  const metrics = normalizeMetrics(options.metrics);
  const schedulers = options.scheduler === undefined ? [] : Array.isArray(options.scheduler) ? [...options.scheduler] : [options.scheduler as LRScheduler | ReduceLROnPlateau];
  const params = optimizer.paramGroups.flatMap((g) => g.params);
  const history: History = { loss: [], metrics: {}, lr: [], gradNorm: [], stoppedEpoch: 0, reason: 'maxEpochs' };
  if (options.validation !== undefined) history.valLoss = [];
  const monitor = earlyStopping?.monitor ?? (options.validation !== undefined ? 'valLoss' : 'loss');
  const mode = earlyStopping?.mode ?? (/accuracy/i.test(monitor) ? 'max' : 'min');
  let best = mode === 'min' ? Infinity : -Infinity;
  let wait = 0;
  let bestParams: np.NDArray[] | null = null;

  const loaderLength = (loader as { length?: unknown }).length;
  const perEpoch = typeof loaderLength === 'number' ? loaderLength : null;
  const reporter = createReporter(options.verbose ?? true, options.stream);
  reporter.start({ epochs: maxEpochs, batchesPerEpoch: perEpoch, metricNames: metrics.map(([k]) => k) });
  let finished = false;
  try {
    for (let epoch = 0; epoch < maxEpochs; epoch++) {
      const t0 = globalThis.performance.now();
      model.train();
      const lr = optimizer.paramGroups[0]!.lr;
      let n = 0;
      let lossSum = 0;
      let gradNormSum = 0;
      let batches = 0;
      let stopNow = false;
      const sums = new Map<string, number>(metrics.map(([k]) => [k, 0]));
      for (const batch of loader) {
        const { inputs, target, size } = splitBatch(batch);
        optimizer.zeroGrad();
        const pred = model.forward(...inputs);
        const l = callLoss(loss, pred, target);
        const value = scalarLoss(l);
        l.backward();
        gradNormSum += gradNormOf(params);
        optimizer.step();
        lossSum += value * size;
        n += size;
        batches++;
        if (metrics.length !== 0) {
          const p = pred.detach();
          ag.noGrad(() => {
            for (const [k, fn] of metrics) sums.set(k, sums.get(k)! + fn(p, target) * size);
          });
        }
        const running: Record<string, number> = { loss: lossSum / n };
        for (const [k] of metrics) running[k] = sums.get(k)! / n;
        reporter.batch(epoch, batches, running);
        if (callbacks.onBatchEnd?.(batches - 1, { loss: value, size, epoch }) === false) {
          stopNow = true;
          break;
        }
      }
      if (batches === 0) throw new np.ValueError('fit: the loader gave no batches');

      const logs: Record<string, number> = { loss: lossSum / n };
      for (const [k] of metrics) logs[k] = sums.get(k)! / n;
      if (options.validation !== undefined) {
        const v = evaluate(model, options.validation, { loss, metrics: Object.fromEntries(metrics) });
        logs.valLoss = v.loss!;
        for (const [k] of metrics) logs[`val${capitalize(k)}`] = v[k]!;
      }
      logs.lr = lr;
      logs.gradNorm = gradNormSum / batches;

      history.loss.push(logs.loss!);
      if (history.valLoss !== undefined) history.valLoss.push(logs.valLoss!);
      for (const [k, v] of Object.entries(logs)) {
        if (k === 'loss' || k === 'valLoss' || k === 'lr' || k === 'gradNorm') continue;
        (history.metrics[k] ??= []).push(v);
      }
      history.lr.push(lr);
      history.gradNorm.push(logs.gradNorm);
      history.stoppedEpoch = epoch + 1;

      for (const s of schedulers) {
        if (s instanceof ReduceLROnPlateau) s.step(logs.valLoss ?? logs.loss!);
        else s.step();
      }
      reporter.epochEnd(epoch, logs, globalThis.performance.now() - t0);

      if (stopNow || callbacks.onEpochEnd?.(epoch, logs) === false) {
        history.reason = 'callback';
        break;
      }
      if (!Number.isFinite(logs.loss!)) {
        history.reason = 'nonFinite';
        break;
      }
      if (stop.gradNorm !== undefined && logs.gradNorm < stop.gradNorm) {
        history.reason = 'gradNorm';
        break;
      }
      if (stop.lossChange !== undefined && epoch > 0 && Math.abs(logs.loss! - history.loss[epoch - 1]!) < stop.lossChange) {
        history.reason = 'lossChange';
        break;
      }
      if (earlyStopping !== undefined) {
        const current = logs[monitor];
        if (current === undefined) throw new np.ValueError(`earlyStopping monitors '${monitor}', which is not logged (logged: ${Object.keys(logs).join(', ')})`);
        const delta = earlyStopping.minDelta ?? 0;
        const improved = mode === 'min' ? current < best - delta : current > best + delta;
        if (improved) {
          best = current;
          wait = 0;
          history.bestEpoch = epoch + 1;
          if (earlyStopping.restoreBest === true) bestParams = params.map((p) => p.data.copy());
        } else {
          wait += 1;
          if (wait >= earlyStopping.patience) {
            history.reason = 'earlyStopping';
            if (bestParams !== null) params.forEach((p, i) => copy_(p.data, bestParams![i]!));
            break;
          }
        }
      }
    }
    finished = true;
  } finally {
    reporter.end(finished ? { epochs: history.stoppedEpoch, reason: history.reason } : undefined);
  }
  return history;
}

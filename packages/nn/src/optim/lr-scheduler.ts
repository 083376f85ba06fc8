/**
 * Learning-rate schedulers (PyTorch's `torch.optim.lr_scheduler`): `StepLR`,
 * `ExponentialLR` (epoch-indexed, chainable: each `step()` multiplies the groups' current
 * `lr`, so changes made by hand persist, as PyTorch) and `ReduceLROnPlateau` (the
 * lectures' "decrease the step when the loss stops improving").
 *
 * Use: call `scheduler.step()` once per epoch AFTER `optimizer.step()` (ReduceLROnPlateau:
 * `scheduler.step(valLoss)`); `getLastLr()` gives the learning rates it last set.
 * Construction performs PyTorch's initial step (epoch 0), which leaves the rates as they
 * are and records each group's `initialLr`.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import { Optimizer, typeName } from './optimizer.js';

function checkOptimizer(optimizer: unknown): Optimizer {
  if (!(optimizer instanceof Optimizer)) throw new TypeError(`${typeName(optimizer)} is not an Optimizer`);
  return optimizer;
}

/**
 * The base of the epoch-indexed schedulers (PyTorch's `LRScheduler`): `lastEpoch` counts
 * `step()` calls (0 after construction), `baseLrs` are the groups' `initialLr`.
 * Subclasses give the chainable rule `getLr()` and call `initialStep()` at the end of
 * their constructors.
 *
 * @example
 * class Halve extends nn.optim.LRScheduler {
 *   constructor(opt: nn.optim.Optimizer) { super(opt); this.initialStep(); }
 *   protected getLr() { return this.optimizer.paramGroups.map((g) => (this.lastEpoch === 0 ? g.lr : g.lr / 2)); }
 * }
 */
export abstract class LRScheduler {
  /** The optimizer whose groups' `lr` this scheduler sets. */
  readonly optimizer: Optimizer;
  /** Each group's learning rate when scheduling started (`initialLr`). */
  baseLrs: number[];
  /** The number of `step()` calls since epoch 0 (-1 before the initial step). */
  lastEpoch: number;
  #lastLr: number[] = [];
  #initial = false;

  /**
   * @param lastEpoch -1 to start (each group's `initialLr` is set to its `lr`); otherwise
   *   the epoch to resume from, and every group must already have `initialLr`.
   */
  constructor(optimizer: Optimizer, lastEpoch = -1) {
    this.optimizer = checkOptimizer(optimizer);
    if (lastEpoch === -1) {
      for (const g of optimizer.paramGroups) if (g.initialLr === undefined) g.initialLr = g.lr;
    } else {
      optimizer.paramGroups.forEach((g, i) => {
        if (g.initialLr === undefined) throw new np.ValueError(`param 'initialLr' is not specified in paramGroups[${i}] when resuming an optimizer`);
      });
    }
    this.baseLrs = optimizer.paramGroups.map((g) => g.initialLr!);
    this.lastEpoch = lastEpoch;
  }

  /** PyTorch's initial step (to epoch `lastEpoch + 1`); subclasses call it last in their constructors. */
  protected initialStep(): void {
    this.#initial = true;
    try {
      this.step();
    } finally {
      this.#initial = false;
    }
  }

  /** True during the initial step made by the constructor (PyTorch's `_is_initial`). */
  protected get isInitial(): boolean {
    return this.#initial;
  }

  /** The learning rate of each group for epoch `lastEpoch` (the chainable form). */
  protected abstract getLr(): number[];

  /** Advances one epoch and sets each group's `lr`. */
  step(): void {
    this.lastEpoch += 1;
    const values = this.getLr();
    this.optimizer.paramGroups.forEach((g, i) => {
      g.lr = values[i]!;
    });
    this.#lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  /** The learning rates set by the last `step()` (PyTorch's `get_last_lr()`), one per group. */
  getLastLr(): number[] {
    return [...this.#lastLr];
  }

  /** The scheduler's state (PyTorch's `state_dict()`): `lastEpoch`, `baseLrs`, `lastLr` and its hyperparameters. */
  stateDict(): Record<string, number | number[] | string> {
    return { lastEpoch: this.lastEpoch, baseLrs: [...this.baseLrs], lastLr: [...this.#lastLr], ...this.hyperparameters() };
  }

  /** Restores a state saved by {@link stateDict}. */
  loadStateDict(state: Record<string, number | number[] | string>): void {
    this.lastEpoch = state.lastEpoch as number;
    this.baseLrs = [...(state.baseLrs as number[])];
    this.#lastLr = [...(state.lastLr as number[])];
    this.loadHyperparameters(state);
  }

  /** The subclass's hyperparameters, for `stateDict`. */
  protected hyperparameters(): Record<string, number | string> {
    return {};
  }

  /** Restores the subclass's hyperparameters from a state. */
  protected loadHyperparameters(_state: Record<string, number | number[] | string>): void {}
}

/** Options of {@link StepLR}. */
export interface StepLROptions {
  /** Period of the decay, in epochs (a positive integer). */
  stepSize: number;
  /** Multiplicative factor of the decay (default 0.1). */
  gamma?: number;
  /** The epoch to resume from (default -1: start). */
  lastEpoch?: number;
}

/**
 * Multiplies each group's learning rate by `gamma` every `stepSize` epochs (PyTorch's
 * `StepLR`): after `e` steps, `lr = initialLr * gamma^floor(e / stepSize)` when nothing
 * else changes it.
 *
 * @example
 * const sched = new nn.optim.StepLR(opt, { stepSize: 30, gamma: 0.1 });
 * // or: new nn.optim.StepLR(opt, 30, { gamma: 0.1 })
 */
export class StepLR extends LRScheduler {
  /** Period of the decay, in epochs. */
  stepSize: number;
  /** Multiplicative factor of the decay. */
  gamma: number;

  constructor(optimizer: Optimizer, stepSize: number | StepLROptions, options: Omit<StepLROptions, 'stepSize'> = {}) {
    const o: StepLROptions = typeof stepSize === 'number' ? { ...options, stepSize } : stepSize;
    super(optimizer, o.lastEpoch ?? -1);
    if (!Number.isInteger(o.stepSize) || o.stepSize <= 0) throw new np.ValueError(`stepSize must be a positive integer, but got ${o.stepSize}`);
    this.stepSize = o.stepSize;
    this.gamma = o.gamma ?? 0.1;
    this.initialStep();
  }

  protected getLr(): number[] {
    const groups = this.optimizer.paramGroups;
    if (this.lastEpoch === 0 || this.lastEpoch % this.stepSize !== 0) return groups.map((g) => g.lr);
    return groups.map((g) => g.lr * this.gamma);
  }

  protected override hyperparameters(): Record<string, number> {
    return { stepSize: this.stepSize, gamma: this.gamma };
  }

  protected override loadHyperparameters(state: Record<string, number | number[] | string>): void {
    this.stepSize = state.stepSize as number;
    this.gamma = state.gamma as number;
  }
}

/** Options of {@link ExponentialLR}. */
export interface ExponentialLROptions {
  /** Multiplicative factor per epoch. */
  gamma: number;
  /** The epoch to resume from (default -1: start). */
  lastEpoch?: number;
}

/**
 * Multiplies each group's learning rate by `gamma` every epoch (PyTorch's
 * `ExponentialLR`): after `e` steps, `lr = initialLr * gamma^e`.
 *
 * @example
 * const sched = new nn.optim.ExponentialLR(opt, { gamma: 0.95 }); // or (opt, 0.95)
 */
export class ExponentialLR extends LRScheduler {
  /** Multiplicative factor per epoch. */
  gamma: number;

  constructor(optimizer: Optimizer, gamma: number | ExponentialLROptions) {
    const o: ExponentialLROptions = typeof gamma === 'number' ? { gamma } : gamma;
    super(optimizer, o.lastEpoch ?? -1);
    this.gamma = o.gamma;
    this.initialStep();
  }

  protected getLr(): number[] {
    // the initial step (also when resuming) must not move the rate one epoch ahead
    if (this.isInitial) return this.optimizer.paramGroups.map((g) => g.lr);
    return this.optimizer.paramGroups.map((g) => g.lr * this.gamma);
  }

  protected override hyperparameters(): Record<string, number> {
    return { gamma: this.gamma };
  }

  protected override loadHyperparameters(state: Record<string, number | number[] | string>): void {
    this.gamma = state.gamma as number;
  }
}

/** Options of {@link ReduceLROnPlateau} (PyTorch's, camelCased, same defaults). */
export interface ReduceLROnPlateauOptions {
  /** 'min': reduce when the metric stops decreasing (a loss); 'max': stops increasing (an accuracy). Default 'min'. */
  mode?: 'min' | 'max';
  /** `newLr = lr * factor` (default 0.1; must be < 1). */
  factor?: number;
  /** Epochs without improvement tolerated before reducing (default 10). */
  patience?: number;
  /** Minimal change that counts as an improvement (default 1e-4). */
  threshold?: number;
  /** 'rel': improvement beyond `best * (1 -/+ threshold)`; 'abs': beyond `best -/+ threshold` (default 'rel'). */
  thresholdMode?: 'rel' | 'abs';
  /** Epochs to wait after a reduction before counting bad epochs again (default 0). */
  cooldown?: number;
  /** Lower bound of the learning rate: one for all groups, or one per group (default 0). */
  minLr?: number | readonly number[];
  /** A reduction smaller than this is skipped (default 1e-8). */
  eps?: number;
}

/**
 * Reduces the learning rate by `factor` when a monitored quantity has not improved for
 * more than `patience` epochs (PyTorch's `ReduceLROnPlateau`, same algorithm and
 * defaults): `step(metric)` once per epoch with, e.g., the validation loss.
 *
 * @example
 * const sched = new nn.optim.ReduceLROnPlateau(opt, { factor: 0.5, patience: 5 });
 * for (let epoch = 0; epoch < 100; epoch++) { train(); sched.step(validate()); }
 */
export class ReduceLROnPlateau {
  /** The optimizer whose groups' `lr` this scheduler lowers. */
  readonly optimizer: Optimizer;
  /** 'min' or 'max'. */
  mode: 'min' | 'max';
  /** Multiplicative factor of a reduction. */
  factor: number;
  /** Bad epochs tolerated before a reduction. */
  patience: number;
  /** Minimal significant change. */
  threshold: number;
  /** 'rel' or 'abs'. */
  thresholdMode: 'rel' | 'abs';
  /** Epochs to wait after a reduction. */
  cooldown: number;
  /** Lower bound of each group's learning rate. */
  minLrs: number[];
  /** Smallest reduction applied. */
  eps: number;
  /** The best value seen (Infinity / -Infinity before the first step). */
  best: number;
  /** Consecutive epochs without improvement. */
  numBadEpochs = 0;
  /** Epochs left in the cooldown. */
  cooldownCounter = 0;
  /** The number of `step()` calls. */
  lastEpoch = 0;
  #defaultMinLr: number | null;
  #lastLr: number[];

  constructor(optimizer: Optimizer, options: ReduceLROnPlateauOptions = {}) {
    const factor = options.factor ?? 0.1;
    if (factor >= 1) throw new np.ValueError('Factor should be < 1.0.');
    this.optimizer = checkOptimizer(optimizer);
    this.factor = factor;
    const minLr = options.minLr ?? 0;
    const n = optimizer.paramGroups.length;
    if (typeof minLr === 'number') {
      this.#defaultMinLr = minLr;
      this.minLrs = new Array<number>(n).fill(minLr);
    } else {
      if (minLr.length !== n) throw new np.ValueError(`expected ${n} min_lrs, got ${minLr.length}`);
      this.#defaultMinLr = null;
      this.minLrs = [...minLr];
    }
    this.patience = options.patience ?? 10;
    this.cooldown = options.cooldown ?? 0;
    this.eps = options.eps ?? 1e-8;
    const mode = options.mode ?? 'min';
    const thresholdMode = options.thresholdMode ?? 'rel';
    if (mode !== 'min' && mode !== 'max') throw new np.ValueError(`mode ${String(mode)} is unknown!`);
    if (thresholdMode !== 'rel' && thresholdMode !== 'abs') throw new np.ValueError(`threshold mode ${String(thresholdMode)} is unknown!`);
    this.mode = mode;
    this.thresholdMode = thresholdMode;
    this.threshold = options.threshold ?? 1e-4;
    this.best = mode === 'min' ? Infinity : -Infinity;
    this.#lastLr = optimizer.paramGroups.map((g) => g.lr);
  }

  /** True while in the cooldown after a reduction. */
  get inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  /** Whether `a` improves on `best` by more than the threshold. */
  isBetter(a: number, best: number): boolean {
    if (this.mode === 'min') return this.thresholdMode === 'rel' ? a < best * (1 - this.threshold) : a < best - this.threshold;
    return this.thresholdMode === 'rel' ? a > best * (this.threshold + 1) : a > best + this.threshold;
  }

  /**
   * Records one epoch's value of the monitored quantity (a number, or a one-element
   * Tensor / NDArray) and reduces the learning rates when it has not improved for more
   * than `patience` epochs (bad epochs in the cooldown are not counted).
   */
  step(metric: number | ag.Tensor | np.NDArray): void {
    const current = typeof metric === 'number' ? metric : metric instanceof ag.Tensor ? metric.item() : Number(metric.item());
    this.lastEpoch += 1;
    if (this.isBetter(current, this.best)) {
      this.best = current;
      this.numBadEpochs = 0;
    } else this.numBadEpochs += 1;
    if (this.inCooldown) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0;
    }
    if (this.numBadEpochs > this.patience) {
      this.#reduceLr();
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this.#lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  #reduceLr(): void {
    const groups = this.optimizer.paramGroups;
    if (groups.length !== this.minLrs.length) {
      if (this.#defaultMinLr === null) {
        throw new Error(
          `The number of param groups in the optimizer (${groups.length}) differs from when ReduceLROnPlateau was initialized (${this.minLrs.length}), usually due to a new param group being added to the optimizer. Please modify the minLrs field to match the length of the optimizer param groups.`,
        );
      }
      this.minLrs = new Array<number>(groups.length).fill(this.#defaultMinLr);
    }
    groups.forEach((g, i) => {
      const oldLr = g.lr;
      const newLr = Math.max(oldLr * this.factor, this.minLrs[i]!);
      if (oldLr - newLr > this.eps) g.lr = newLr;
    });
  }

  /** The learning rates after the last `step()` (the groups' rates at construction before any). */
  getLastLr(): number[] {
    return [...this.#lastLr];
  }

  /** The scheduler's state: its hyperparameters and counters. */
  stateDict(): Record<string, number | number[] | string> {
    return {
      mode: this.mode, factor: this.factor, patience: this.patience, threshold: this.threshold, thresholdMode: this.thresholdMode,
      cooldown: this.cooldown, minLrs: [...this.minLrs], eps: this.eps, best: this.best, numBadEpochs: this.numBadEpochs,
      cooldownCounter: this.cooldownCounter, lastEpoch: this.lastEpoch, lastLr: [...this.#lastLr],
    };
  }

  /** Restores a state saved by {@link stateDict}. */
  loadStateDict(state: Record<string, number | number[] | string>): void {
    this.mode = state.mode as 'min' | 'max';
    this.factor = state.factor as number;
    this.patience = state.patience as number;
    this.threshold = state.threshold as number;
    this.thresholdMode = state.thresholdMode as 'rel' | 'abs';
    this.cooldown = state.cooldown as number;
    this.minLrs = [...(state.minLrs as number[])];
    this.eps = state.eps as number;
    this.best = state.best as number;
    this.numBadEpochs = state.numBadEpochs as number;
    this.cooldownCounter = state.cooldownCounter as number;
    this.lastEpoch = state.lastEpoch as number;
    this.#lastLr = [...(state.lastLr as number[])];
  }
}

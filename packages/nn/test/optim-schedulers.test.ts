/**
 * Learning-rate schedulers: StepLR and ExponentialLR against their closed forms
 * (`initialLr * gamma^floor(e / stepSize)`, `initialLr * gamma^e`) per group, PyTorch's
 * chainable behaviour (a learning rate changed by hand keeps being decayed), resuming
 * with `lastEpoch`, state dicts; ReduceLROnPlateau against PyTorch's algorithm written in
 * NumPy (`test/reference/optim_reference.py`) over random metric sequences and options,
 * plus the documented patience example; every error message.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import * as nn from '@numbat/nn';
import { expectThrows } from '../../../test/helpers.js';
import { hasNumpy, oracle, pyFloat } from '../../../test/oracle/numpy.js';
import { withReference } from './optim-helpers.js';

function twoGroups(lr0 = 0.1, lr1 = 0.03): nn.optim.SGD {
  return new nn.optim.SGD([{ params: [new nn.Parameter(np.zeros(2))], lr: lr0 }, { params: [new nn.Parameter(np.zeros(1))], lr: lr1 }]);
}

function closeTo(actual: number[], expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(1e-15 * Math.abs(expected[i]!)));
}

describe('StepLR', () => {
  it('matches initialLr * gamma^floor(epoch / stepSize) for every group over 40 epochs', () => {
    const opt = twoGroups();
    const sched = new nn.optim.StepLR(opt, { stepSize: 7, gamma: 0.5 });
    expect(opt.paramGroups.map((g) => g.initialLr)).toEqual([0.1, 0.03]);
    for (let e = 0; e <= 40; e++) {
      closeTo(sched.getLastLr(), [0.1 * 0.5 ** Math.floor(e / 7), 0.03 * 0.5 ** Math.floor(e / 7)]);
      closeTo(opt.paramGroups.map((g) => g.lr), sched.getLastLr());
      expect(sched.lastEpoch).toBe(e);
      opt.step();
      sched.step();
    }
  });

  it('the positional form and the default gamma 0.1', () => {
    const opt = twoGroups(1, 1);
    const sched = new nn.optim.StepLR(opt, 2);
    for (let e = 0; e < 6; e++) sched.step();
    closeTo(sched.getLastLr(), [1e-3, 1e-3]);
  });

  it('is chainable as PyTorch: a learning rate set by hand keeps being decayed from there', () => {
    const opt = twoGroups(1, 1);
    const sched = new nn.optim.StepLR(opt, { stepSize: 2, gamma: 0.5 });
    sched.step(); // epoch 1: 1
    opt.paramGroups[0]!.lr = 10;
    sched.step(); // epoch 2: decay
    expect(sched.getLastLr()).toEqual([5, 0.5]);
  });

  it('errors: a non-optimizer, a bad stepSize, resuming without initialLr', () => {
    expectThrows(() => new nn.optim.StepLR({} as never, 3), TypeError, 'Object is not an Optimizer');
    expectThrows(() => new nn.optim.StepLR(twoGroups(), 0), np.ValueError, 'stepSize must be a positive integer, but got 0');
    expectThrows(() => new nn.optim.StepLR(twoGroups(), 1.5), np.ValueError, 'stepSize must be a positive integer, but got 1.5');
    expectThrows(
      () => new nn.optim.StepLR(twoGroups(), { stepSize: 2, lastEpoch: 5 }),
      np.ValueError,
      "param 'initialLr' is not specified in paramGroups[0] when resuming an optimizer",
    );
  });
});

describe('ExponentialLR', () => {
  it('matches initialLr * gamma^epoch for every group', () => {
    const opt = twoGroups();
    const sched = new nn.optim.ExponentialLR(opt, { gamma: 0.9 });
    for (let e = 0; e <= 30; e++) {
      closeTo(sched.getLastLr(), [0.1 * 0.9 ** e, 0.03 * 0.9 ** e]);
      sched.step();
    }
    const other = new nn.optim.ExponentialLR(twoGroups(1, 2), 0.5);
    other.step();
    expect(other.getLastLr()).toEqual([0.5, 1]);
  });

  it('resumes from lastEpoch without moving the rate at construction; state dicts round-trip', () => {
    const opt = twoGroups();
    const sched = new nn.optim.ExponentialLR(opt, 0.5);
    sched.step();
    sched.step();
    const saved = sched.stateDict();
    expect(saved).toEqual({ lastEpoch: 2, baseLrs: [0.1, 0.03], lastLr: [0.025, 0.0075], gamma: 0.5 });
    const resumed = new nn.optim.ExponentialLR(opt, { gamma: 0.5, lastEpoch: 2 });
    expect(resumed.getLastLr()).toEqual([0.025, 0.0075]);
    expect(resumed.lastEpoch).toBe(3);
    const fresh = new nn.optim.ExponentialLR(twoGroups(), 0.9);
    fresh.loadStateDict(saved);
    expect(fresh.gamma).toBe(0.5);
    expect(fresh.lastEpoch).toBe(2);
    expect(fresh.getLastLr()).toEqual([0.025, 0.0075]);
  });
});

describe('ReduceLROnPlateau', () => {
  it("PyTorch's documented patience example: no patience reduces at each epoch worse than the best", () => {
    const opt = twoGroups(1, 1);
    const sched = new nn.optim.ReduceLROnPlateau(opt, { patience: 0, factor: 0.5 });
    sched.step(1); // baseline
    expect(sched.getLastLr()).toEqual([1, 1]);
    sched.step(2); // worse: 1 bad epoch > patience 0
    expect(sched.getLastLr()).toEqual([0.5, 0.5]);
    sched.step(0.5); // better: unchanged
    expect(sched.getLastLr()).toEqual([0.5, 0.5]);
    sched.step(0.5); // equal is not better
    expect(sched.getLastLr()).toEqual([0.25, 0.25]);
    expect(sched.best).toBe(0.5);
  });

  it('minLr bounds the rate and eps skips tiny reductions', () => {
    const opt = twoGroups(1, 1);
    const sched = new nn.optim.ReduceLROnPlateau(opt, { patience: 0, factor: 0.1, minLr: [0.05, 0] });
    for (let i = 0; i < 4; i++) sched.step(1);
    expect(sched.getLastLr()).toEqual([0.05, 1 * 0.1 * 0.1 * 0.1]);
    const tiny = new nn.optim.ReduceLROnPlateau(twoGroups(1e-8, 1e-8), { patience: 0, factor: 0.5 });
    tiny.step(1);
    tiny.step(2);
    expect(tiny.getLastLr()).toEqual([1e-8, 1e-8]);
  });

  it('errors with PyTorch\'s messages', () => {
    expectThrows(() => new nn.optim.ReduceLROnPlateau(twoGroups(), { factor: 1 }), np.ValueError, 'Factor should be < 1.0.');
    expectThrows(() => new nn.optim.ReduceLROnPlateau(twoGroups(), { mode: 'up' as never }), np.ValueError, 'mode up is unknown!');
    expectThrows(() => new nn.optim.ReduceLROnPlateau(twoGroups(), { thresholdMode: 'pct' as never }), np.ValueError, 'threshold mode pct is unknown!');
    expectThrows(() => new nn.optim.ReduceLROnPlateau(twoGroups(), { minLr: [0] }), np.ValueError, 'expected 2 min_lrs, got 1');
    expectThrows(() => new nn.optim.ReduceLROnPlateau(null as never), TypeError, 'null is not an Optimizer');
  });

  it.runIf(hasNumpy)("matches PyTorch's algorithm written in NumPy on random metric sequences and options", async () => {
    const py = await oracle();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          metrics: fc.array(fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), fc.constantFrom(1, 0.5, 0.9999)), { minLength: 1, maxLength: 40 }),
          mode: fc.constantFrom<'min' | 'max'>('min', 'max'),
          factor: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
          patience: fc.integer({ min: 0, max: 4 }),
          threshold: fc.constantFrom(0, 1e-4, 0.05),
          thresholdMode: fc.constantFrom<'rel' | 'abs'>('rel', 'abs'),
          cooldown: fc.integer({ min: 0, max: 3 }),
          minLrs: fc.tuple(fc.constantFrom(0, 1e-3), fc.constantFrom(0, 0.02)),
          eps: fc.constantFrom(1e-8, 1e-3),
        }),
        async (o) => {
          const opt = twoGroups();
          const sched = new nn.optim.ReduceLROnPlateau(opt, { ...o, minLr: o.minLrs });
          const lrs: number[][] = [];
          for (const m of o.metrics) {
            sched.step(m);
            lrs.push(sched.getLastLr());
          }
          const [a] = await py.run([
            {
              code: withReference('result = reduce_lr_on_plateau([0.1, 0.03], metrics, mode, factor, patience, threshold, thresholdMode, cooldown, minLrs, eps)'),
              args: {
                metrics: o.metrics.map(pyFloat),
                mode: o.mode,
                factor: pyFloat(o.factor),
                patience: o.patience,
                threshold: pyFloat(o.threshold),
                thresholdMode: o.thresholdMode,
                cooldown: o.cooldown,
                minLrs: o.minLrs.map(pyFloat),
                eps: pyFloat(o.eps),
              },
            },
          ]);
          if (!a!.ok) throw new Error(a!.message);
          expect(lrs).toEqual(a!.value);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('state dicts round-trip; a Tensor metric is read as a number', () => {
    const opt = twoGroups();
    const sched = new nn.optim.ReduceLROnPlateau(opt, { patience: 1, cooldown: 2 });
    for (const m of [3, 2, 2, 2]) sched.step(m);
    const saved = sched.stateDict();
    const other = new nn.optim.ReduceLROnPlateau(twoGroups());
    other.loadStateDict(saved);
    expect(other.stateDict()).toEqual(saved);
    expect(other.cooldownCounter).toBe(2);
    sched.step(np.array(1.5));
    expect(sched.best).toBe(1.5);
  });
});

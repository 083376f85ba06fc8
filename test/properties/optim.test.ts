/**
 * Optimizers against their published update rules: every optimizer's parameter trajectory
 * over 50 steps on a separable quadratic (a (3,) vector with a full matrix and a (2, 2)
 * matrix with element-wise weights) and on Rosenbrock (two (1,) parameters), with
 * gradients from the tape, compared to 1e-10 (relative to max(1, |value|)) with the same
 * rules written independently in NumPy (`test/reference/optim_reference.py`, PyTorch's
 * conventions: momentum buffer, dampening, Nesterov form, Adam's bias correction and
 * epsilon placement, AMSGrad, centered RMSprop, Adagrad's lr decay, AdamW's decoupled
 * decay). Named configurations cover every option and parameter groups with different
 * learning rates; fast-check draws random hyperparameters and groupings on top.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasNumpy, oracle, type OracleCase } from '../oracle/numpy.js';
import {
  makeProblem,
  pyTrajectoryCase,
  rowsOf,
  tsTrajectory,
  worstError,
  type GroupSpec,
  type Hyper,
  type Kind,
  type Objective,
} from '../../packages/nn/test/optim-helpers.js';

const STEPS = 50;
const TOL = 1e-10;

/** A named configuration: groups built from the objective's base learning rate. */
interface Config {
  name: string;
  groups(lr: number): GroupSpec[];
  objectives?: Objective[];
}

const one = (hyper: Hyper): GroupSpec[] => [{ idx: [0, 1], hyper }];

/** Base learning rates that keep 50 steps stable on each problem. */
const BASE_LR: Record<Kind, Record<Objective, number>> = {
  SGD: { quadratic: 0.1, rosenbrock: 2e-4 },
  Adagrad: { quadratic: 0.2, rosenbrock: 0.1 },
  RMSprop: { quadratic: 0.01, rosenbrock: 0.005 },
  Adam: { quadratic: 0.05, rosenbrock: 0.02 },
  AdamW: { quadratic: 0.05, rosenbrock: 0.02 },
};

const CONFIGS: Record<Kind, Config[]> = {
  SGD: [
    { name: 'plain', groups: (lr) => one({ lr }) },
    { name: 'momentum', groups: (lr) => one({ lr, momentum: 0.9 }) },
    { name: 'momentum + dampening', groups: (lr) => one({ lr, momentum: 0.8, dampening: 0.3 }) },
    { name: 'nesterov', groups: (lr) => one({ lr, momentum: 0.9, nesterov: true }) },
    { name: 'weight decay + momentum', groups: (lr) => one({ lr, momentum: 0.5, weightDecay: 0.1 }) },
    { name: 'maximize', groups: (lr) => one({ lr: lr / 10, maximize: true, momentum: 0.3 }), objectives: ['quadratic'] },
    {
      name: 'param groups with different lrs',
      groups: (lr): GroupSpec[] => [
        { idx: [0], hyper: { lr, momentum: 0.9 } },
        { idx: [1], hyper: { lr: lr / 4, momentum: 0.5, nesterov: true, weightDecay: 0.05 } },
      ],
    },
  ],
  Adagrad: [
    { name: 'plain', groups: (lr) => one({ lr }) },
    { name: 'lrDecay', groups: (lr) => one({ lr, lrDecay: 0.05 }) },
    { name: 'weight decay', groups: (lr) => one({ lr, weightDecay: 0.1 }) },
    { name: 'initialAccumulatorValue + eps', groups: (lr) => one({ lr, initialAccumulatorValue: 0.5, eps: 1e-6 }) },
    { name: 'maximize', groups: (lr) => one({ lr: lr / 10, maximize: true }), objectives: ['quadratic'] },
    {
      name: 'param groups with different lrs',
      groups: (lr): GroupSpec[] => [
        { idx: [0], hyper: { lr } },
        { idx: [1], hyper: { lr: lr / 3, lrDecay: 0.01 } },
      ],
    },
  ],
  RMSprop: [
    { name: 'plain', groups: (lr) => one({ lr }) },
    { name: 'alpha', groups: (lr) => one({ lr, alpha: 0.9 }) },
    { name: 'momentum', groups: (lr) => one({ lr, momentum: 0.9 }) },
    { name: 'centered', groups: (lr) => one({ lr, centered: true }) },
    { name: 'centered + momentum', groups: (lr) => one({ lr, centered: true, momentum: 0.5 }) },
    { name: 'weight decay', groups: (lr) => one({ lr, weightDecay: 0.1 }) },
    { name: 'maximize', groups: (lr) => one({ lr, maximize: true }), objectives: ['quadratic'] },
    {
      name: 'param groups with different lrs',
      groups: (lr): GroupSpec[] => [
        { idx: [0], hyper: { lr, centered: true } },
        { idx: [1], hyper: { lr: lr * 2, momentum: 0.3 } },
      ],
    },
  ],
  Adam: [
    { name: 'plain', groups: (lr) => one({ lr }) },
    { name: 'betas', groups: (lr) => one({ lr, betas: [0.8, 0.99] }) },
    { name: 'amsgrad', groups: (lr) => one({ lr, amsgrad: true }) },
    { name: 'weight decay (L2)', groups: (lr) => one({ lr, weightDecay: 0.1 }) },
    { name: 'amsgrad + weight decay + eps', groups: (lr) => one({ lr, amsgrad: true, weightDecay: 0.05, eps: 1e-3 }) },
    { name: 'maximize', groups: (lr) => one({ lr, maximize: true }), objectives: ['quadratic'] },
    {
      name: 'param groups with different lrs',
      groups: (lr): GroupSpec[] => [
        { idx: [0], hyper: { lr, amsgrad: true } },
        { idx: [1], hyper: { lr: lr / 5, betas: [0.5, 0.9] } },
      ],
    },
  ],
  AdamW: [
    { name: 'plain (weightDecay 1e-2)', groups: (lr) => one({ lr }) },
    { name: 'decoupled weight decay 0.2', groups: (lr) => one({ lr, weightDecay: 0.2 }) },
    { name: 'amsgrad', groups: (lr) => one({ lr, amsgrad: true, weightDecay: 0.1 }) },
    {
      name: 'param groups with different lrs',
      groups: (lr): GroupSpec[] => [
        { idx: [0], hyper: { lr, weightDecay: 0 } },
        { idx: [1], hyper: { lr: lr * 2, weightDecay: 0.3, amsgrad: true } },
      ],
    },
  ],
};

const KINDS = Object.keys(CONFIGS) as Kind[];

describe.runIf(hasNumpy)('optimizer trajectories vs the NumPy reference (50 steps, 1e-10)', () => {
  for (const kind of KINDS) {
    it(`${kind}: every named configuration on the quadratic and on Rosenbrock`, async () => {
      const py = await oracle();
      const labels: string[] = [];
      const actual: number[][][] = [];
      const cases: OracleCase[] = [];
      for (const cfg of CONFIGS[kind]) {
        for (const objective of cfg.objectives ?? (['quadratic', 'rosenbrock'] as const)) {
          const problem = makeProblem(objective);
          const groups = cfg.groups(BASE_LR[kind][objective]);
          const { rows, opt } = tsTrajectory(kind, groups, problem, STEPS);
          labels.push(`${kind} ${cfg.name} on ${objective}`);
          actual.push(rows);
          cases.push(pyTrajectoryCase(kind, opt, groups, problem, STEPS));
        }
      }
      const answers = await py.run(cases);
      answers.forEach((a, i) => {
        if (!a.ok) throw new Error(`${labels[i]}: the reference raised ${a.type}: ${a.message}`);
        const expected = rowsOf(a.value);
        const err = worstError(actual[i]!, expected);
        expect(err, labels[i]).toBeLessThanOrEqual(TOL);
        // the trajectory moves: a test that could not fail would compare constants
        expect(Math.abs(expected[STEPS - 1]![0]! - expected[0]![0]!), labels[i]).toBeGreaterThan(0);
      });
    });
  }
});

/** Random hyperparameters for `kind` on `objective`, in ranges where 50 steps stay finite. */
function hyperArb(kind: Kind, objective: Objective): fc.Arbitrary<Hyper> {
  const base = BASE_LR[kind][objective];
  const lr = fc.double({ min: base / 10, max: base, noNaN: true });
  const unit = (max: number) => fc.double({ min: 0, max, noNaN: true });
  switch (kind) {
    case 'SGD':
      return fc
        .record({ lr, momentum: unit(0.95), dampening: unit(0.5), weightDecay: unit(0.2), nesterov: fc.boolean() })
        .map((h) => (h.nesterov ? { ...h, dampening: 0, momentum: Math.max(h.momentum, 0.1) } : h));
    case 'Adagrad':
      return fc.record({ lr, lrDecay: unit(0.1), weightDecay: unit(0.2), initialAccumulatorValue: unit(1), eps: fc.constantFrom(1e-10, 1e-6) });
    case 'RMSprop':
      return fc.record({
        lr,
        alpha: fc.double({ min: 0.8, max: 0.99, noNaN: true }),
        momentum: unit(0.9),
        weightDecay: unit(0.2),
        centered: fc.boolean(),
        eps: fc.constantFrom(1e-8, 1e-4),
      });
    case 'Adam':
    case 'AdamW':
      return fc.record({
        lr,
        betas: fc.tuple(fc.double({ min: 0.5, max: 0.95, noNaN: true }), fc.double({ min: 0.95, max: 0.9999, noNaN: true })),
        eps: fc.constantFrom(1e-8, 1e-6),
        weightDecay: unit(0.2),
        amsgrad: fc.boolean(),
      });
  }
}

describe.runIf(hasNumpy)('optimizer trajectories with random hyperparameters and groupings', () => {
  for (const kind of KINDS) {
    it(`${kind}`, async () => {
      const py = await oracle();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom<Objective>('quadratic', 'rosenbrock').chain((objective) =>
            fc.tuple(fc.constant(objective), hyperArb(kind, objective), hyperArb(kind, objective), fc.boolean()),
          ),
          async ([objective, h0, h1, split]) => {
            const problem = makeProblem(objective);
            const groups: GroupSpec[] = split ? [{ idx: [1], hyper: h1 }, { idx: [0], hyper: h0 }] : [{ idx: [0, 1], hyper: h0 }];
            const { rows, opt } = tsTrajectory(kind, groups, problem, STEPS);
            const [a] = await py.run([pyTrajectoryCase(kind, opt, groups, problem, STEPS)]);
            if (!a!.ok) throw new Error(`the reference raised ${a!.type}: ${a!.message}`);
            const err = worstError(rows, rowsOf(a!.value));
            if (!(err <= TOL)) throw new Error(`${kind} on ${objective} ${JSON.stringify(groups)}: worst error ${err}`);
          },
        ),
        { numRuns: Number(process.env.OPTIM_RUNS ?? 12) },
      );
    });
  }
});

/**
 * Shared by the optimizer tests: two test problems (a separable quadratic over a (3,)
 * vector and a (2, 2) matrix whose minimum is 3.5 to 5 away from the start in every
 * coordinate, so that 50 adaptive steps (each about lr long) never reach it: near a zero
 * gradient, Adam / RMSprop / Adagrad divide rounding noise by rounding noise, and two
 * correct implementations part ways; Rosenbrock over two (1,) parameters) with their losses in
 * autograd ops, a runner that records an optimizer's parameter trajectory, and the
 * matching NumPy oracle case (`test/reference/optim_reference.py`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import type { OracleCase } from '../../../test/oracle/numpy.js';

/** The optimizers compared with the reference. */
export const OPTIMIZERS = {
  SGD: nn.optim.SGD,
  Adagrad: nn.optim.Adagrad,
  RMSprop: nn.optim.RMSprop,
  Adam: nn.optim.Adam,
  AdamW: nn.optim.AdamW,
} as const;

/** An optimizer's name. */
export type Kind = keyof typeof OPTIMIZERS;

/** A test objective's name. */
export type Objective = 'quadratic' | 'rosenbrock';

/** Hyperparameters of a group (any optimizer's). */
export type Hyper = Record<string, number | boolean | readonly number[]>;

/** A group of the test: the indices of its parameters and its hyperparameters. */
export interface GroupSpec {
  idx: number[];
  hyper: Hyper;
}

/** A problem: starting values, constants, and the loss of the parameters. */
export interface Problem {
  objective: Objective;
  start: np.NDArray[];
  consts: Record<string, np.NDArray>;
  loss(params: readonly ag.Tensor[]): ag.Tensor;
}

const f64 = (x: np.ArrayLike): np.NDArray => np.array(x, { dtype: 'float64' });

/** The problem `objective` (optionally from other starting values). */
export function makeProblem(objective: Objective, start?: np.NDArray[]): Problem {
  if (objective === 'quadratic') {
    const consts = {
      A: f64([[2, 0.5, 0], [0.5, 1.5, 0.3], [0, 0.3, 1]]),
      b: f64([6.5, -3.15, 5.5]),
      a: f64([[1, 2], [0.5, 3]]),
      c: f64([[5, -10], [2.75, -4.5]]),
    };
    return {
      objective,
      start: start ?? [f64([0.5, -1, 2]), f64([[1, -1], [0.5, 2]])],
      consts,
      loss: ([w, M]) => {
        const quad = w!.dot(ag.matmul(consts.A, w!)).mul(0.5).sub(w!.dot(consts.b));
        const sep = M!.mul(M!).mul(consts.a).mul(0.5).sub(M!.mul(consts.c)).sum();
        return quad.add(sep);
      },
    };
  }
  return {
    objective,
    start: start ?? [f64([-1.5]), f64([2])],
    consts: {},
    loss: ([x, y]) => ag.square(ag.subtract(1, x!)).add(ag.square(y!.sub(x!.mul(x!))).mul(100)).sum(),
  };
}

/** Fresh parameters holding copies of the problem's starting values. */
export function freshParams(problem: Problem): nn.Parameter[] {
  return problem.start.map((s) => new nn.Parameter(s.copy()));
}

/** Builds optimizer `kind` over `params` grouped as `groups`. */
export function buildOptimizer(kind: Kind, params: readonly nn.Parameter[], groups: readonly GroupSpec[]): nn.optim.Optimizer {
  const Ctor = OPTIMIZERS[kind] as unknown as new (p: unknown, o?: unknown) => nn.optim.Optimizer;
  return new Ctor(groups.map((g) => ({ params: g.idx.map((i) => params[i]!), ...g.hyper })));
}

/** Runs `steps` steps of `opt` on `problem`; row t holds every parameter (flattened) after step t+1. */
export function runSteps(opt: nn.optim.Optimizer, params: readonly nn.Parameter[], problem: Problem, steps: number): number[][] {
  const rows: number[][] = [];
  for (let t = 0; t < steps; t++) {
    opt.zeroGrad();
    problem.loss(params).backward();
    opt.step();
    rows.push(params.flatMap((p) => p.data.ravel().tolist() as number[]));
  }
  return rows;
}

/** The trajectory of optimizer `kind` with `groups` on `problem` (fresh parameters). */
export function tsTrajectory(kind: Kind, groups: readonly GroupSpec[], problem: Problem, steps: number): { rows: number[][]; opt: nn.optim.Optimizer } {
  const params = freshParams(problem);
  const opt = buildOptimizer(kind, params, groups);
  return { rows: runSteps(opt, params, problem, steps), opt };
}

const REFERENCE = readFileSync(fileURLToPath(new URL('../../../test/reference/optim_reference.py', import.meta.url)), 'utf8');

/** Python source of the reference, followed by `code` (which sets `result`). */
export function withReference(code: string): string {
  return `import json\n${REFERENCE}\n${code}`;
}

/** The oracle case computing the reference trajectory, with the groups' full hyperparameters as the optimizer holds them. */
export function pyTrajectoryCase(kind: Kind, opt: nn.optim.Optimizer, groups: readonly GroupSpec[], problem: Problem, steps: number): OracleCase {
  const full = opt.paramGroups.map((g, i) => {
    const { params: _p, paramNames: _n, initialLr: _l, ...hyper } = g as unknown as Record<string, unknown>;
    return { ...hyper, idx: groups[i]!.idx };
  });
  return {
    code: withReference(
      `consts = {k[6:]: v for k, v in dict(globals()).items() if k.startswith('const_')}\nresult = trajectory(kind, json.loads(groups), params0, objective, consts, steps)`,
    ),
    args: {
      kind,
      groups: JSON.stringify(full),
      params0: problem.start,
      objective: problem.objective,
      steps,
      ...Object.fromEntries(Object.entries(problem.consts).map(([k, v]) => [`const_${k}`, v])),
    },
  };
}

/** The largest `|a - b| / max(1, |b|)` over the trajectories (Infinity on a shape or NaN mismatch). */
export function worstError(actual: number[][], expected: number[][]): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  actual.forEach((row, t) => {
    const ref = expected[t]!;
    if (row.length !== ref.length) worst = Infinity;
    row.forEach((v, j) => {
      const r = ref[j]!;
      if (Number.isNaN(v) || Number.isNaN(r)) {
        if (Number.isNaN(v) !== Number.isNaN(r)) worst = Infinity;
        return;
      }
      worst = Math.max(worst, Math.abs(v - r) / Math.max(1, Math.abs(r)));
    });
  });
  return worst;
}

/** The rows of a 2-d answer of the oracle. */
export function rowsOf(value: unknown): number[][] {
  const p = value as { shape: number[]; values: number[] };
  const [n, m] = p.shape as [number, number];
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(p.values.slice(i * m, (i + 1) * m).map(Number));
  return rows;
}

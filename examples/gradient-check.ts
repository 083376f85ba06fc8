/**
 * `gradient-check`: the lectures' numerical gradient check.
 * 1. The quiz: `J(θ) = θ³` at θ = 1 with ε = 0.01: `(J(θ + ε) − J(θ − ε)) / 2ε` = 3.0001.
 * 2. One-sided `(J(w + ε) − J(w)) / ε` has error O(ε), central `(J(w + ε) − J(w − ε)) / 2ε`
 *    O(ε²), until rounding takes over for tiny ε (the lecture's ε = 1e-4 ... 1e-6).
 * 3. The procedure: backprop's D against the numeric N for every weight of a network
 *    (`ag.gradCheck`), and why N is only a check: it costs 2K evaluations of J for K weights.
 * 4. A wrong gradient caught: a softsign op whose backward forgets the square.
 * Writes `gradient-check.svg`: the error of both differences against ε.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { context, runIfMain, type ExampleOptions, type ExampleResult } from './lib/cli.js';
import { elapsed, num, table } from './lib/format.js';
import type { Row } from './lib/plot.js';

/** What `gradient-check` returns. */
export interface GradientCheckResult extends ExampleResult {
  /** The quiz's central difference for θ³ at 1 with ε = 0.01. */
  quiz: number;
  /** Fitted slopes of log(error) against log(ε) where truncation dominates (1 and 2 in theory). */
  slopes: { oneSided: number; central: number };
  /** gradCheck on the network: passed, and its worst error. */
  network: { ok: boolean; worstError: number; parameters: number };
  /** gradCheck of the correct and of the buggy softsign op. */
  softsign: { correct: boolean; buggy: boolean };
}

/** Least-squares slope of y against x. */
function slope(x: number[], y: number[]): number {
  const mx = x.reduce((a, b) => a + b) / x.length;
  const my = y.reduce((a, b) => a + b) / y.length;
  let sxy = 0;
  let sxx = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * (y[i]! - my);
    sxx += (xi - mx) ** 2;
  });
  return sxy / sxx;
}

/** Runs `gradient-check` (see the file header); `quick` is the short setting of the test suite. */
export async function run(options: ExampleOptions = {}): Promise<GradientCheckResult> {
  const ctx = context(options);

  // ---- 1. the quiz ----
  const J = (theta: number) => theta ** 3;
  const quiz = (J(1 + 0.01) - J(1 - 0.01)) / (2 * 0.01);
  ctx.log('1. J(θ) = θ³, θ = 1, ε = 0.01: (J(θ + ε) − J(θ − ε)) / 2ε =', num(quiz, 10));
  ctx.log('   of 3.0000, 3.0001, 3.0301, 6.0002 the answer is 3.0001 (the exact derivative is 3: the error is ε² = 1e-4)');

  // ---- 2. one-sided vs central differences on J(w) = sum(sigmoid(w)), w a vector ----
  const w0 = np.array([0.3, -1.2, 0.8], { dtype: 'float64' });
  const loss = (w: np.NDArray) => Number(np.sum(np.reciprocal(np.exp(w.neg()).add(1))));
  const exact = ag.grad((w: ag.Tensor) => ag.sigmoid(w).sum())(w0).data.item(0) as number;
  const epsilons = Array.from({ length: 13 }, (_, k) => 10 ** -(k + 1) * 1); // 1e-1 ... 1e-13
  const e0 = np.array([1, 0, 0], { dtype: 'float64' });
  const rows: (string | number)[][] = [];
  const plot: Row[] = [];
  const errs = { one: [] as number[], central: [] as number[] };
  for (const eps of epsilons) {
    const one = (loss(w0.add(e0.mul(eps))) - loss(w0)) / eps;
    const central = (loss(w0.add(e0.mul(eps))) - loss(w0.sub(e0.mul(eps)))) / (2 * eps);
    const e1 = Math.abs(one - exact);
    const e2 = Math.abs(central - exact);
    errs.one.push(e1);
    errs.central.push(e2);
    rows.push([eps, e1, e2]);
    plot.push({ eps, error: Math.max(e1, 1e-17), difference: 'one-sided (J(w+ε) − J(w)) / ε' });
    plot.push({ eps, error: Math.max(e2, 1e-17), difference: 'central (J(w+ε) − J(w−ε)) / 2ε' });
  }
  ctx.log(`\n2. J(w) = Σ sigmoid(w_i), ∂J/∂w_1 at w = ${String(w0)}: exact (autograd) ${num(exact, 12)}`);
  ctx.log(table(['ε', '|one-sided − exact|', '|central − exact|'], rows));
  // slopes where truncation dominates: ε from 1e-1 to 1e-4 (central) / 1e-6 (one-sided)
  const lg = (v: number[]) => v.map(Math.log10);
  const slopes = {
    oneSided: slope(lg(epsilons.slice(0, 6)), lg(errs.one.slice(0, 6))),
    central: slope(lg(epsilons.slice(0, 4)), lg(errs.central.slice(0, 4))),
  };
  ctx.log(`error ~ ε^${num(slopes.oneSided, 3)} (one-sided) and ε^${num(slopes.central, 3)} (central) while truncation dominates;`);
  ctx.log('below ε ≈ 1e-5 (central) / 1e-8 (one-sided) rounding error (~1e-16 / ε) takes over');

  // ---- 3. the procedure on a network: D (backprop) against N (numeric) for every weight ----
  const F = nn.functional;
  const rng = np.random.defaultRng(1);
  const sizes = ctx.quick ? [3, 5, 4] : [3, 5, 5, 4];
  const m = 8;
  const X = rng.normal(0, 1, [m, sizes[0]!]) as np.NDArray;
  const Y = np.eye(sizes.at(-1)!).get(rng.integers(0, sizes.at(-1)!, [m]) as np.NDArray);
  const params: np.NDArray[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) params.push(rng.uniform(-1, 1, [sizes[l + 1]!, sizes[l]!]) as np.NDArray, rng.uniform(-1, 1, [sizes[l + 1]!]) as np.NDArray);
  // J(Θ) as a function of the weights: sigmoid layers, cross-entropy, L2 penalty (λ = 1)
  const cost = (...ps: ag.Tensor[]) => {
    let a: ag.Tensor = ag.tensor(X);
    for (let l = 0; l < ps.length; l += 2) a = F.sigmoid(F.linear(a, ps[l]!, ps[l + 1]!));
    return F.bceLoss(a, Y, { reduction: 'sum' }).div(m).add(F.l2Penalty(ps.filter((_, i) => i % 2 === 0), 1, m));
  };
  const K = params.reduce((s, p) => s + p.size, 0);
  let t0 = performance.now();
  const check = ag.gradCheck(cost, params, { eps: 1e-6 });
  const checkTime = elapsed(t0);
  t0 = performance.now();
  ag.grad(cost, params.map((_, i) => i))(...params.map((p) => ag.asTensor(p)));
  const backpropTime = elapsed(t0);
  ctx.log(`\n3. A ${sizes.join('-')} network, K = ${K} weights: ag.gradCheck(J, Θ) →`, check.ok ? 'passed' : 'FAILED');
  ctx.log(`   ${check.message}`);
  ctx.log(`   backprop: 1 forward + 1 backward pass (${backpropTime}); numeric: ${2 * K} forward passes (${checkTime}).`);
  ctx.log('   So the check runs once, to test the backprop code, and is switched off for training.');

  // ---- 4. a wrong gradient caught ----
  const softsign = (backward: (g: ag.Tensor, x: ag.Tensor) => ag.Tensor) =>
    ag.defineOp({
      name: 'softsign',
      forward: ([x]) => np.divide(x as np.NDArray, np.abs(x as np.NDArray).add(1)),
      backward: (g, { inputs: [x] }) => [backward(g, x!)],
    });
  // f'(x) = 1 / (1 + |x|)², and the same with the square forgotten
  const good = softsign((g, x) => g.div(x.abs().add(1).square()));
  const bad = softsign((g, x) => g.div(x.abs().add(1)));
  const xs = np.array([-2, -0.5, 0.3, 1.5], { dtype: 'float64' });
  const goodCheck = ag.gradCheck((x) => good([x], undefined), [xs]);
  const badCheck = ag.gradCheck((x) => bad([x], undefined), [xs]);
  ctx.log('\n4. A hand-written softsign op, gradient 1/(1 + |x|)²:', goodCheck.ok ? 'passed' : 'FAILED');
  ctx.log('   the same with the square forgotten:', badCheck.ok ? 'passed (?!)' : 'caught', `— ${badCheck.message}`);

  await ctx.svg('gradient-check', {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Finite differences: error against ε',
    width: 460,
    height: 300,
    data: { values: plot },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'eps', type: 'quantitative', scale: { type: 'log', reverse: true }, title: 'ε', axis: { format: '.0e' } },
      y: { field: 'error', type: 'quantitative', scale: { type: 'log' }, title: '|numeric − exact|', axis: { format: '.0e' } },
      color: { field: 'difference', type: 'nominal', title: null, legend: { orient: 'bottom', direction: 'vertical', labelLimit: 400 } },
    },
  });

  return {
    files: ctx.files,
    quiz,
    slopes,
    network: { ok: check.ok, worstError: check.worst?.error ?? 0, parameters: K },
    softsign: { correct: goodCheck.ok, buggy: badCheck.ok },
  };
}

runIfMain(import.meta.url, run);

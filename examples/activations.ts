/**
 * `activations`: every activation of the lectures' table with its derivative. Each is an
 * `nn` module; the derivative comes from autograd and is checked against the formula the
 * lecture writes beside it (away from the kink at 0, where the lectures leave it open and
 * numbat follows PyTorch: relu'(0) = 0, leakyRelu'(0) = slope, elu'(0) = alpha).
 * Writes `activations.svg`: each function and its derivative on [−4, 4].
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { context, runIfMain, type ExampleOptions, type ExampleResult } from './lib/cli.js';
import { num, table } from './lib/format.js';
import type { Row } from './lib/plot.js';

/** One activation: the module, and the lecture's derivative as a function of x and f(x). */
interface Activation {
  name: string;
  module: nn.Module;
  /** The formula for f'(x) from the lecture, given x and y = f(x). */
  derivative: (x: np.NDArray, y: np.NDArray) => np.NDArray;
}

/** What `activations` returns: the largest |autograd − formula| of each activation. */
export interface ActivationsResult extends ExampleResult {
  maxError: Record<string, number>;
}

const ALPHA = 0.25; // PReLU's initial slope, PyTorch's default
const RRELU_SLOPE = (1 / 8 + 1 / 3) / 2; // RReLU's slope in eval mode: the mean of U(1/8, 1/3)

/** 1 where x >= 0 (the derivative of the linear branch), else `neg`. */
const branch = (x: np.NDArray, neg: np.NDArray | number): np.NDArray => np.where(x.greaterEqual(0), 1, neg);

/** The activations in the order of the lecture's table (and those of the other lectures). */
const ACTIVATIONS: Activation[] = [
  { name: 'Identity', module: new nn.Identity(), derivative: (x) => np.onesLike(x) },
  { name: 'Heaviside (step)', module: new nn.Heaviside(), derivative: (x) => np.zerosLike(x) },
  { name: 'Sigmoid', module: new nn.Sigmoid(), derivative: (_x, y) => y.mul(y.neg().add(1)) },
  { name: 'Sigmoid, alpha = 2', module: new nn.Sigmoid({ alpha: 2 }), derivative: (_x, y) => y.mul(y.neg().add(1)).mul(2) },
  { name: 'Tanh', module: new nn.Tanh(), derivative: (_x, y) => np.square(y).neg().add(1) },
  { name: 'Arctan', module: new nn.Arctan(), derivative: (x) => np.reciprocal(np.square(x).add(1)) },
  { name: 'Softsign', module: new nn.Softsign(), derivative: (x) => np.reciprocal(np.square(np.abs(x).add(1))) },
  { name: 'ISRU, alpha = 1', module: new nn.ISRU(1), derivative: (x) => np.power(np.reciprocal(np.sqrt(np.square(x).add(1))), 3) },
  { name: 'ReLU', module: new nn.ReLU(), derivative: (x) => branch(x, 0) },
  { name: 'Leaky ReLU', module: new nn.LeakyReLU(0.01), derivative: (x) => branch(x, 0.01) },
  { name: 'PReLU', module: new nn.PReLU({ init: ALPHA }), derivative: (x) => branch(x, ALPHA) },
  { name: 'RReLU (eval)', module: new nn.RReLU().eval(), derivative: (x) => branch(x, RRELU_SLOPE) },
  // the lecture: f'(x) = f(x) + alpha for x < 0
  { name: 'ELU, alpha = 1', module: new nn.ELU(1), derivative: (x, y) => branch(x, y.add(1)) },
  // log(1 + e^x): its derivative is the sigmoid
  { name: 'Softplus', module: new nn.Softplus(), derivative: (x) => np.reciprocal(np.exp(x.neg()).add(1)) },
];

/** f(x) and f'(x) by autograd: the gradient of sum(f(x)) is f'(x) element by element. */
function valueAndDerivative(module: nn.Module, x: np.NDArray): [np.NDArray, np.NDArray] {
  const t = ag.tensor(x, { requiresGrad: true });
  const y = module.forward(t);
  y.sum().backward();
  return [y.data, t.grad!];
}

/** Runs `activations` (see the file header); `quick` is the short setting of the test suite. */
export async function run(options: ExampleOptions = {}): Promise<ActivationsResult> {
  const ctx = context(options);
  const x = np.linspace(-4, 4, ctx.quick ? 161 : 801);
  const away = np.abs(x).greater(1e-9); // the kink at 0 is left out of the comparison
  const at = np.array([-2, -0.5, 0.5, 2], { dtype: 'float64' });
  const rows: (string | number)[][] = [];
  const maxError: Record<string, number> = {};
  const plot: Row[] = [];

  for (const a of ACTIVATIONS) {
    const [y, dy] = valueAndDerivative(a.module, x);
    const err = Number(np.max(np.abs(dy.sub(a.derivative(x, y))).get(away)));
    maxError[a.name] = err;
    const [ya, dya] = valueAndDerivative(a.module, at);
    rows.push([a.name, ...(ya.tolist() as number[]), ...(dya.tolist() as number[]), err]);
    const xs = x.tolist() as number[];
    const ys = y.tolist() as number[];
    const ds = dy.tolist() as number[];
    for (let i = 0; i < xs.length; i += ctx.quick ? 1 : 4) {
      plot.push({ name: a.name, x: xs[i]!, value: ys[i]!, curve: 'f(x)' });
      plot.push({ name: a.name, x: xs[i]!, value: ds[i]!, curve: "f'(x) (autograd)" });
    }
  }
  ctx.log("Each activation f, at x = −2, −0.5, 0.5, 2; f' from autograd; and the largest");
  ctx.log(`|autograd − the lecture's formula| on ${x.size} points of [−4, 4] (x ≠ 0):\n`);
  ctx.log(table(['activation', 'f(−2)', 'f(−.5)', 'f(.5)', 'f(2)', "f'(−2)", "f'(−.5)", "f'(.5)", "f'(2)", 'max error'], rows));

  // PReLU's slope is a parameter: autograd also gives d f / d alpha = x where x < 0
  const prelu = new nn.PReLU();
  const t = ag.tensor([-2, -1, 1, 2]);
  prelu.forward(t).sum().backward();
  ctx.log(`\nPReLU learns its slope: d sum f / d alpha at x = −2, −1, 1, 2 is`, prelu.weight.grad, '(the sum of the negative x)');

  // softmax is not element-wise: it turns scores into probabilities that sum to 1
  const z = ag.tensor([[1, 2, 3]]);
  ctx.log('softmax([1, 2, 3]) =', nn.functional.softmax(z, 1).data, `sums to ${num(Number(np.sum(nn.functional.softmax(z, 1).data)))}`);
  // and Maxout takes the largest of several linear maps: max(w1·x + b1, w2·x + b2)
  ctx.log('maxout over pairs of [1, 5, 3, 2] =', nn.functional.maxout(ag.tensor([[1, 5, 3, 2]]), 2).data);

  await ctx.svg('activations', {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: "Activations f (from nn) and their derivatives f' (from autograd)",
    data: { values: plot },
    facet: { field: 'name', type: 'nominal', title: null, sort: ACTIVATIONS.map((a) => a.name) },
    columns: 4,
    spec: {
      width: 170,
      height: 120,
      mark: { type: 'line', clip: true },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'value', type: 'quantitative', scale: { domain: [-1.5, 2.5] }, title: null },
        color: { field: 'curve', type: 'nominal', title: null },
      },
    },
  });

  return { files: ctx.files, maxError };
}

runIfMain(import.meta.url, run);

/**
 * `optimizers`: the lecture's optimizers on the Rosenbrock surface
 * `f(x, y) = (1 − x)² + 100(y − x²)²` (minimum 0 at (1, 1), at the end of a curved valley).
 * Each one twice: as `nn.optim` (PyTorch's algorithms) and as the lecture writes it, by hand
 * on NDArrays with the gradient from autograd:
 * - SGD:       w ← w − η·g
 * - momentum:  h ← α·h + η·g;             w ← w − h
 * - Nesterov:  h ← α·h + η·∇L(w − α·h);   w ← w − h
 * - AdaGrad:   G ← G + g²;                w ← w − η/√(G + ε)·g
 * - RMSprop:   G ← α·G + (1 − α)·g²;      w ← w − η/√(G + ε)·g
 * - Adam:      h ← β1·h + (1 − β1)·g;  G ← β2·G + (1 − β2)·g²;  w ← w − η/√(G + ε)·h
 * SGD and momentum are the same algorithm in both forms (PyTorch's velocity is the lecture's
 * h/η); PyTorch's Nesterov steps from the look-ahead point, its AdaGrad and RMSprop add ε
 * outside the root, and its Adam corrects the bias of h and G: those trajectories differ a
 * little. First, the lecture's warm-up: gradient descent on ½(x² + y²) is `x_i = (1 − a)^i·x_0`.
 * Writes `optimizers.svg`: the trajectories over the surface.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { context, runIfMain, type ExampleOptions, type ExampleResult } from './lib/cli.js';
import { num, table } from './lib/format.js';
import { gridPoints, surfaceLayer, type Row } from './lib/plot.js';

type Name = 'SGD' | 'momentum' | 'Nesterov' | 'AdaGrad' | 'RMSprop' | 'Adam';

/** What `optimizers` returns. */
export interface OptimizersResult extends ExampleResult {
  steps: number;
  /** The Rosenbrock value at the start. */
  start: number;
  /** The final Rosenbrock value of each nn.optim optimizer and of the lecture's formula. */
  final: Record<Name, { library: number; lecture: number; point: number[] }>;
  /** Max distance between the library's and the lecture's trajectories. */
  gap: Record<Name, number>;
  /** The warm-up: |GD iterate − (1 − a)^i·x0| after 10 steps. */
  warmupError: number;
}

/** Rosenbrock's function of a 2-vector tensor. */
const rosenbrock = (w: ag.Tensor) => {
  const x = w.get(0);
  const y = w.get(1);
  return x.neg().add(1).square().add(y.sub(x.square()).square().mul(100));
};
const gradient = (w: np.NDArray) => ag.grad(rosenbrock)(w).data;
const value = (w: np.NDArray) => ag.noGrad(() => rosenbrock(ag.asTensor(w))).item();

const START = [-1.5, 2];
/** Hyperparameters, each tuned for this surface (α = 0.9 for momentum and RMSprop, as the lecture). */
const LR: Record<Name, number> = { SGD: 1.5e-3, momentum: 2e-4, Nesterov: 2e-4, AdaGrad: 0.5, RMSprop: 3e-3, Adam: 0.05 };
const EPS = 1e-8;

/** nn.optim's optimizer for each method. */
function library(name: Name, p: nn.Parameter[]): nn.optim.Optimizer {
  const lr = LR[name];
  switch (name) {
    case 'SGD':
      return new nn.optim.SGD(p, { lr });
    case 'momentum':
      return new nn.optim.SGD(p, { lr, momentum: 0.9 });
    case 'Nesterov':
      return new nn.optim.SGD(p, { lr, momentum: 0.9, nesterov: true });
    case 'AdaGrad':
      return new nn.optim.Adagrad(p, { lr, eps: EPS });
    case 'RMSprop':
      return new nn.optim.RMSprop(p, { lr, alpha: 0.9, eps: EPS });
    case 'Adam':
      return new nn.optim.Adam(p, { lr, eps: EPS });
  }
}

/** The lecture's update for each method, as a step function over its own state. */
function lecture(name: Name): (w: np.NDArray) => np.NDArray {
  const eta = LR[name];
  const alpha = 0.9;
  const [b1, b2] = [0.9, 0.999];
  let h = np.zeros(2);
  let G = np.zeros(2);
  switch (name) {
    case 'SGD':
      return (w) => w.sub(gradient(w).mul(eta));
    case 'momentum':
      return (w) => {
        h = h.mul(alpha).add(gradient(w).mul(eta));
        return w.sub(h);
      };
    case 'Nesterov':
      return (w) => {
        h = h.mul(alpha).add(gradient(w.sub(h.mul(alpha))).mul(eta));
        return w.sub(h);
      };
    case 'AdaGrad':
      return (w) => {
        const g = gradient(w);
        G = G.add(np.square(g));
        return w.sub(g.mul(eta).div(np.sqrt(G.add(EPS))));
      };
    case 'RMSprop':
      return (w) => {
        const g = gradient(w);
        G = G.mul(alpha).add(np.square(g).mul(1 - alpha));
        return w.sub(g.mul(eta).div(np.sqrt(G.add(EPS))));
      };
    case 'Adam':
      return (w) => {
        const g = gradient(w);
        h = h.mul(b1).add(g.mul(1 - b1));
        G = G.mul(b2).add(np.square(g).mul(1 - b2));
        return w.sub(h.mul(eta).div(np.sqrt(G.add(EPS))));
      };
  }
}

/** Runs `optimizers` (see the file header); `quick` is the short setting of the test suite. */
export async function run(options: ExampleOptions = {}): Promise<OptimizersResult> {
  const ctx = context(options);
  const steps = ctx.quick ? 500 : 3000;

  // the warm-up: f = ½(x² + y²), ∇f = (x, y), so each step multiplies by (1 − a)
  const a = 0.1;
  let w = np.array([1, 2], { dtype: 'float64' });
  const half = (t: ag.Tensor) => t.square().sum().mul(0.5);
  for (let i = 0; i < 10; i++) w = w.sub(ag.grad(half)(w).data.mul(a));
  const warmupError = Number(np.max(np.abs(w.sub(np.array([1, 2]).mul((1 - a) ** 10)))));
  ctx.log(`Warm-up: gradient descent on ½(x² + y²) from (1, 2), a = ${a}, 10 steps:`, w, `= (1 − a)^10·(1, 2) to ${num(warmupError)}`);

  const names: Name[] = ['SGD', 'momentum', 'Nesterov', 'AdaGrad', 'RMSprop', 'Adam'];
  const start = value(np.array(START, { dtype: 'float64' }));
  ctx.log(`\nRosenbrock from (${START.join(', ')}), f = ${start}; ${steps} steps each, gradients exact (one "batch")`);
  const final = {} as OptimizersResult['final'];
  const gap = {} as OptimizersResult['gap'];
  const paths: Row[] = [];
  for (const name of names) {
    const p = new nn.Parameter(np.array(START, { dtype: 'float64' }));
    const opt = library(name, [p]);
    const step = lecture(name);
    let mine = np.array(START, { dtype: 'float64' });
    let maxGap = 0;
    for (let t = 0; t <= steps; t++) {
      const [x, y] = p.data.tolist() as number[];
      if (t < 50 || t % Math.ceil(steps / 400) === 0) paths.push({ x: x!, y: y!, t, optimizer: name });
      maxGap = Math.max(maxGap, Number(np.linalg.norm(p.data.sub(mine))));
      if (t === steps) break;
      opt.zeroGrad();
      rosenbrock(p).backward();
      opt.step();
      mine = step(mine);
    }
    final[name] = { library: value(p.data), lecture: value(mine), point: p.data.tolist() as number[] };
    gap[name] = maxGap;
  }
  ctx.log(
    table(
      ['optimizer', 'lr', 'final (x, y)', 'f (nn.optim)', "f (lecture's formula)", 'max gap between the two'],
      names.map((n) => [n, LR[n], `(${final[n].point.map((v) => num(v, 5)).join(', ')})`, final[n].library, final[n].lecture, gap[n]]),
    ),
  );
  ctx.log('SGD and momentum: the same iterates in both forms. The rest differ as the header says, and land alike.');

  // the surface (log scale) and the paths
  const { points, step } = gridPoints(-2, 2, ctx.quick ? 41 : 101);
  const surface = points.map(([x, y]) => ({ x, y: y + 1, logf: Math.log10((1 - x) ** 2 + 100 * (y + 1 - x * x) ** 2 + 1e-3) }));
  await ctx.svg('optimizers', {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `Optimizers on Rosenbrock's surface, ${steps} steps from (${START.join(', ')})`,
    width: 520,
    height: 520,
    layer: [
      surfaceLayer(surface, step, { value: 'logf', color: { scale: { scheme: 'greys' }, title: 'log10 f' } }),
      {
        data: { values: paths },
        mark: { type: 'line', strokeWidth: 2, clip: true },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
          order: { field: 't', type: 'quantitative' },
          color: { field: 'optimizer', type: 'nominal', scale: { scheme: 'category10' } },
          strokeDash: { field: 'optimizer', type: 'nominal' },
        },
      },
      {
        // where each one ended
        data: { values: names.map((n) => ({ x: final[n].point[0]!, y: final[n].point[1]!, optimizer: n })) },
        mark: { type: 'point', filled: true, size: 90, stroke: 'white', clip: true },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
          color: { field: 'optimizer', type: 'nominal', scale: { scheme: 'category10' }, legend: null },
          shape: { field: 'optimizer', type: 'nominal', title: 'end point' },
        },
      },
      {
        data: { values: [{ x: 1, y: 1 }] },
        mark: { type: 'point', shape: 'cross', size: 200, color: 'red', filled: true },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
      },
    ],
    resolve: { scale: { color: 'independent' } },
    config: { axis: { grid: false } },
  });

  return { files: ctx.files, steps, start, final, gap, warmupError };
}

runIfMain(import.meta.url, run);

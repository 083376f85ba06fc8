/**
 * `density`: networks that predict a distribution of y given x rather than a point, the
 * lecture's two ways.
 * - A histogram of K bins: K outputs, softmax, trained with cross-entropy on the bin each
 *   y falls in (`crossEntropyLoss`); the density is softmax / bin width.
 * - The parameters of a family: μ(x) and σ²(x) of `y | x ~ N(μ(x), σ²(x))`, trained with
 *   the Gaussian negative log-likelihood (`gaussianNllLoss`); the network outputs μ and
 *   log σ² (so σ² = exp(...) > 0).
 * Data: x ~ U(0, 1), y = sin(2πx) + (0.05 + 0.25x)·ε, ε ~ N(0, 1): the noise grows with x.
 * Writes `density.svg`: both predictions over the data, and the two densities at two x.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { context, runIfMain, type ExampleOptions, type ExampleResult } from './lib/cli.js';
import { num, table } from './lib/format.js';
import type { Row } from './lib/plot.js';

/** What `density` returns. */
export interface DensityResult extends ExampleResult {
  /** At x = 0.1, 0.5, 0.9: the true μ and σ, and each model's. */
  at: { x: number; mu: number; sigma: number; gaussian: { mu: number; sigma: number }; histogram: { mu: number; sigma: number } }[];
  /** Mean negative log-likelihood (per point, density units) of held-out data. */
  nll: { gaussian: number; histogram: number; truth: number };
}

const F = nn.functional;
const K = 24; // histogram bins over [LO, HI)
const LO = -2;
const HI = 2;
const WIDTH = (HI - LO) / K;
const trueMu = (x: np.NDArray) => np.sin(x.mul(2 * Math.PI));
const trueSigma = (x: np.NDArray) => x.mul(0.25).add(0.05);

function data(rng: np.random.Generator, n: number) {
  const x = rng.uniform(0, 1, [n, 1]) as np.NDArray;
  const y = trueMu(x).add(trueSigma(x).mul(rng.normal(0, 1, [n, 1]) as np.NDArray));
  return { x, y };
}

const mlp = (out: number) => new nn.Sequential(new nn.Linear(1, 32), new nn.Tanh(), new nn.Linear(32, 32), new nn.Tanh(), new nn.Linear(32, out));

/** Runs `density` (see the file header); `quick` is the short setting of the test suite. */
export async function run(options: ExampleOptions = {}): Promise<DensityResult> {
  const ctx = context(options);
  const n = ctx.quick ? 1000 : 3000;
  const epochs = ctx.quick ? 40 : 120;
  const rng = np.random.defaultRng(0);
  const train = data(rng, n);
  const test = data(rng, 2000);
  const centres = np.arange(K).add(0.5).mul(WIDTH).add(LO);
  ctx.log(`${n} samples of y = sin(2πx) + (0.05 + 0.25x)·N(0, 1); ${epochs} epochs of Adam, batches of 100`);

  // the histogram: the bin of each y is the class (values outside [LO, HI) go to the end bins)
  const bins = np.clip(np.floor(train.y.sub(LO).div(WIDTH)), 0, K - 1).astype('int32').reshape(-1);
  np.random.seed(0);
  const hist = mlp(K);
  nn.fit(hist, new nn.data.DataLoader(new nn.data.TensorDataset(train.x, bins), { batchSize: 100, shuffle: true, seed: 0 }), {
    loss: F.crossEntropyLoss,
    optimizer: new nn.optim.Adam(hist.parameters(), { lr: 0.01 }),
    epochs,
    verbose: false,
  });

  // the Gaussian: outputs (μ, log σ²)
  np.random.seed(0);
  const gauss = mlp(2);
  const gaussLoss = (out: ag.Tensor, y: ag.Tensor) => F.gaussianNllLoss(out.get(':', '0:1'), y, out.get(':', '1:2').exp());
  nn.fit(gauss, new nn.data.DataLoader(new nn.data.TensorDataset(train.x, train.y), { batchSize: 100, shuffle: true, seed: 0 }), {
    loss: gaussLoss,
    optimizer: new nn.optim.Adam(gauss.parameters(), { lr: 0.01 }),
    epochs,
    verbose: false,
  });

  /** Each model's prediction at the column of inputs `x`: probabilities of the bins; μ and σ. */
  const predict = (x: np.NDArray) =>
    ag.noGrad(() => {
      const p = F.softmax(hist.forward(ag.asTensor(x)), 1).data;
      const out = gauss.forward(ag.asTensor(x)).data;
      return { p, mu: out.get(':', 0), sigma: np.sqrt(np.exp(out.get(':', 1))) };
    });
  const moments = (p: np.NDArray) => {
    const mean = p.matmul(centres);
    const variance = p.matmul(np.square(centres)).sub(np.square(mean));
    return { mean, std: np.sqrt(variance) };
  };

  // at three x: the truth and both predictions
  const xs = np.array([[0.1], [0.5], [0.9]]);
  const pr = predict(xs);
  const hm = moments(pr.p);
  const at = [0, 1, 2].map((i) => ({
    x: Number(xs.item(i, 0)),
    mu: Number(trueMu(xs).item(i, 0)),
    sigma: Number(trueSigma(xs).item(i, 0)),
    gaussian: { mu: Number(pr.mu.item(i)), sigma: Number(pr.sigma.item(i)) },
    histogram: { mu: Number(hm.mean.item(i)), sigma: Number(hm.std.item(i)) },
  }));
  ctx.log(
    table(
      ['x', 'true μ', 'Gaussian μ', 'histogram mean', 'true σ', 'Gaussian σ', 'histogram std'],
      at.map((r) => [r.x, r.mu, r.gaussian.mu, r.histogram.mu, r.sigma, r.gaussian.sigma, r.histogram.sigma]),
    ),
  );
  ctx.log(`(the histogram's moments are those of its bins, ${num(WIDTH)} wide: it needs more data and training to sharpen)`);

  // held-out negative log-likelihood, in density units
  const pt = predict(test.x);
  const yt = test.y.reshape(-1);
  const gaussNll = np.mean(np.square(yt.sub(pt.mu)).div(np.square(pt.sigma)).mul(0.5).add(np.log(pt.sigma)).add(0.5 * Math.log(2 * Math.PI)));
  const testBins = np.clip(np.floor(yt.sub(LO).div(WIDTH)), 0, K - 1).astype('int32');
  const pBin = np.takeAlongAxis(pt.p, testBins.reshape(-1, 1), 1).reshape(-1);
  const histNll = np.mean(np.log(pBin.div(WIDTH)).neg());
  const ts = trueSigma(test.x).reshape(-1);
  const truthNll = np.mean(np.square(yt.sub(trueMu(test.x).reshape(-1))).div(np.square(ts)).mul(0.5).add(np.log(ts)).add(0.5 * Math.log(2 * Math.PI)));
  ctx.log(`held-out mean negative log-likelihood: Gaussian ${num(gaussNll)}, histogram ${num(histNll)}, the true density ${num(truthNll)}`);

  // pictures: the data with μ ± 2σ; the histogram's density as a heat map; two slices
  const grid = np.linspace(0, 1, 101).reshape(-1, 1);
  const pg = predict(grid);
  const band: Row[] = (grid.ravel().tolist() as number[]).map((x, i) => {
    const mu = Number(pg.mu.item(i));
    const s = Number(pg.sigma.item(i));
    return { x, mu, lo: mu - 2 * s, hi: mu + 2 * s };
  });
  const heat: Row[] = [];
  (grid.ravel().tolist() as number[]).forEach((x, i) => {
    for (let k = 0; k < K; k++) heat.push({ x, y: LO + k * WIDTH, y2: LO + (k + 1) * WIDTH, x2: x + 0.01, density: Number(pg.p.item(i, k)) / WIDTH });
  });
  const points = (train.x.ravel().tolist() as number[]).slice(0, 600).map((x, i) => ({ x, y: Number(train.y.item(i, 0)) }));
  const slices: Row[] = [];
  for (const xv of [0.2, 0.8]) {
    const p1 = predict(np.array([[xv]]));
    const mu = Number(p1.mu.item(0));
    const s = Number(p1.sigma.item(0));
    const tm = Math.sin(2 * Math.PI * xv);
    const tsd = 0.05 + 0.25 * xv;
    for (let k = 0; k < K; k++) slices.push({ y: LO + k * WIDTH, yEnd: LO + (k + 1) * WIDTH, density: Number(p1.p.item(0, k)) / WIDTH, model: 'histogram', at: `x = ${xv}` });
    for (let yv = LO; yv <= HI; yv += 0.02) {
      const gpdf = (m: number, sd: number) => Math.exp(-0.5 * ((yv - m) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
      slices.push({ y: yv, density: gpdf(mu, s), model: 'Gaussian', at: `x = ${xv}` }, { y: yv, density: gpdf(tm, tsd), model: 'truth', at: `x = ${xv}` });
    }
  }
  await ctx.svg('density', {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Predicting a distribution: a histogram (softmax) and a Gaussian (μ, σ)',
    vconcat: [
      {
        hconcat: [
          {
            width: 330,
            height: 260,
            title: 'Gaussian: μ(x) ± 2σ(x)',
            layer: [
              { data: { values: points }, mark: { type: 'point', size: 6, color: '#888', filled: true }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative', title: 'y', scale: { domain: [LO, HI] } } } },
              { data: { values: band }, mark: { type: 'area', opacity: 0.3, color: '#e6550d' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } },
              { data: { values: band }, mark: { type: 'line', color: '#e6550d' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'mu', type: 'quantitative' } } },
            ],
          },
          {
            width: 330,
            height: 260,
            title: `histogram: p(y | x) over ${K} bins`,
            data: { values: heat },
            mark: 'rect',
            encoding: {
              x: { field: 'x', type: 'quantitative', title: 'x' },
              x2: { field: 'x2' },
              y: { field: 'y', type: 'quantitative', title: 'y', scale: { domain: [LO, HI] } },
              y2: { field: 'y2' },
              color: { field: 'density', type: 'quantitative', scale: { scheme: 'viridis' } },
            },
          },
        ],
      },
      {
        data: { values: slices },
        facet: { field: 'at', type: 'nominal', title: null },
        spec: {
          width: 330,
          height: 180,
          layer: [
            {
              transform: [{ filter: "datum.model === 'histogram'" }],
              mark: { type: 'rect', opacity: 0.4, color: '#3182bd', stroke: 'white' },
              encoding: { x: { field: 'y', type: 'quantitative', title: 'y' }, x2: { field: 'yEnd' }, y: { field: 'density', type: 'quantitative' }, y2: { datum: 0 } },
            },
            {
              transform: [{ filter: "datum.model !== 'histogram'" }],
              mark: 'line',
              encoding: { x: { field: 'y', type: 'quantitative' }, y: { field: 'density', type: 'quantitative' }, color: { field: 'model', type: 'nominal', title: null, scale: { range: ['#e6550d', '#222'] } } },
            },
          ],
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  });

  return { files: ctx.files, at, nll: { gaussian: gaussNll, histogram: histNll, truth: truthNll } };
}

runIfMain(import.meta.url, run);

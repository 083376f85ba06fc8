/**
 * `autoencoders`: the lecture's four autoencoders `x̂ = g(f(x))` on small images, and
 * anomaly detection "where ‖x̂ − x‖ is large".
 * - undercomplete (`nn.Autoencoder`): a code smaller than the input, loss ‖x̂ − x‖²;
 * - sparse (`nn.SparseAutoencoder`): a code larger than the input, kept compact by the
 *   penalty λ·‖h‖₁;
 * - denoising (`nn.DenoisingAutoencoder`): reconstructs x from a corrupted copy (masking
 *   noise: pixels zeroed at random);
 * - contractive (`nn.ContractiveAutoencoder`): the penalty λ·Σᵢ‖∂hᵢ/∂x‖², the squared
 *   Frobenius norm of the encoder's Jacobian (closed form for a sigmoid layer).
 * Normal images: 8×8, one horizontal or one vertical bar, plus pixel noise (σ = 0.15).
 * Anomalies, subtle to gross: a bar with a one-pixel gap, half a bar, two bars, a cross, a
 * diagonal, noise. Each autoencoder, trained on normal images only, scores a test image by
 * its reconstruction error; the threshold is the 99th percentile of the errors on normal
 * validation images. The overcomplete sparse code reconstructs more of what it never saw,
 * so it flags subtle anomalies less often.
 * Writes `autoencoders.svg`: images and their reconstructions, and the error distributions.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { context, runIfMain, type ExampleOptions, type ExampleResult } from './lib/cli.js';
import { num, table } from './lib/format.js';
import { grid, imageSpec, type Row } from './lib/plot.js';

type Variant = 'undercomplete' | 'sparse' | 'denoising' | 'contractive';

/** What `autoencoders` returns, per variant. */
export interface AutoencodersResult extends ExampleResult {
  /** Mean squared reconstruction error of normal test images. */
  reconstruction: Record<Variant, number>;
  /** Area under the ROC curve of the reconstruction error as an anomaly score. */
  auc: Record<Variant, number>;
  /** At the threshold: the fraction of anomalies flagged and of normal images flagged. */
  detection: Record<Variant, { anomalies: number; falseAlarms: number }>;
  /** MSE to the clean image of the reconstruction of a masked copy (30% of pixels zeroed), and of the masked copy itself. */
  denoise: Record<Variant, number> & { masked: number };
  /** Mean code activation (the sparse one's is pushed towards 0). */
  meanCode: Record<Variant, number>;
  /** Mean squared Frobenius norm of the encoder's Jacobian on normal test images (the contractive one's is pushed down). */
  jacobian: Record<Variant, number>;
  /** The fraction of each kind of anomaly flagged, per variant. */
  byKind: Record<string, Record<Variant, number>>;
}

const SIDE = 8;
const D = SIDE * SIDE;
const NOISE = 0.15; // pixel noise of every image: a one-pixel gap is hard to tell from it
const CODE = 16; // units of the undercomplete codes (the sparse one has 96)

/** `n` normal images (rows of 64): one bar, horizontal or vertical, at a random place, plus noise. */
function normalImages(rng: np.random.Generator, n: number): np.NDArray {
  const out = np.zeros(n, SIDE, SIDE);
  const pos = (rng.integers(0, SIDE, [n]) as np.NDArray).tolist() as number[];
  const vertical = (rng.integers(0, 2, [n]) as np.NDArray).tolist() as number[];
  pos.forEach((p, i) => out.set(vertical[i] ? [i, ':', p] : [i, p, ':'], 1));
  return out.reshape(n, D).add(rng.normal(0, NOISE, [n, D]) as np.NDArray);
}

/** The kinds of anomaly: subtle ones first (a bar with a gap, a half bar, two bars), then gross ones. */
const ANOMALIES = ['broken bar', 'half bar', 'two bars', 'cross', 'diagonal', 'noise'] as const;

/** `n` anomalies, cycling through {@link ANOMALIES}, with the same pixel noise as the normal images. */
function anomalies(rng: np.random.Generator, n: number): np.NDArray {
  const out = np.zeros(n, SIDE, SIDE);
  for (let i = 0; i < n; i++) {
    const [a, b] = (rng.integers(0, SIDE, [2]) as np.NDArray).tolist() as number[];
    const img = out.get(i); // a view: writing to it writes to out
    switch (ANOMALIES[i % ANOMALIES.length]) {
      case 'broken bar':
        img.set([a!, ':'], 1);
        img.set([a!, b!], 0);
        break;
      case 'half bar':
        img.set([':', a!], 1);
        img.set([b! < SIDE / 2 ? `0:${SIDE / 2}` : `${SIDE / 2}:`, a!], 0);
        break;
      case 'two bars':
        img.set([a!, ':'], 1);
        img.set([(a! + 2 + (b! % (SIDE - 3))) % SIDE, ':'], 1);
        break;
      case 'cross':
        img.set([a!, ':'], 1);
        img.set([':', b!], 1);
        break;
      case 'diagonal':
        for (let k = 0; k < SIDE; k++) img.set([k, a! % 2 ? k : SIDE - 1 - k], 1);
        break;
      case 'noise':
        img.set('...', rng.uniform(0, 1, [SIDE, SIDE]) as np.NDArray);
    }
  }
  return out.reshape(n, D).add(rng.normal(0, NOISE, [n, D]) as np.NDArray);
}

/** A sigmoid encoder of `h` units and a linear decoder. */
function halves(h: number) {
  return { encoder: new nn.Sequential(new nn.Linear(D, h), new nn.Sigmoid()), decoder: new nn.Linear(h, D) };
}

/** Each sample's mean squared reconstruction error (eval mode: no corruption). */
function scores(ae: nn.Autoencoder, x: np.NDArray): np.NDArray {
  return ag.noGrad(() => np.mean(np.square(ae.forward(ag.asTensor(x)).data.sub(x)), 1));
}

/** Area under the ROC curve: the probability that an anomaly scores above a normal image (ties count half). */
function auc(normal: np.NDArray, anomalous: np.NDArray): number {
  const a = anomalous.tolist() as number[];
  const sorted = np.sort(normal);
  let wins = 0;
  for (const s of a) {
    const below = Number(np.searchsorted(sorted, s, { side: 'left' }));
    const upTo = Number(np.searchsorted(sorted, s, { side: 'right' }));
    wins += below + (upTo - below) / 2;
  }
  return wins / (a.length * normal.size);
}

/** Runs `autoencoders` (see the file header); `quick` is the short setting of the test suite. */
export async function run(options: ExampleOptions = {}): Promise<AutoencodersResult> {
  const ctx = context(options);
  const rng = np.random.defaultRng(0);
  const nTrain = ctx.quick ? 512 : 2048;
  const epochs = ctx.quick ? 40 : 60;
  const train = normalImages(rng, nTrain);
  const validation = normalImages(rng, 400);
  const testNormal = normalImages(rng, 400);
  const testAnomalies = anomalies(rng, 200);

  np.random.seed(0);
  const models: Record<Variant, nn.Autoencoder> = {
    undercomplete: new nn.Autoencoder(halves(CODE)),
    sparse: new nn.SparseAutoencoder({ ...halves(96), penalty: 'l1', weight: 1e-3 }),
    denoising: new nn.DenoisingAutoencoder({ ...halves(CODE), noise: 'masking', p: 0.3, seed: 1 }),
    contractive: new nn.ContractiveAutoencoder({ ...halves(CODE), weight: 0.02 }),
  };
  const variants = Object.keys(models) as Variant[];
  ctx.log(`${nTrain} training images of ${SIDE}×${SIDE} (one bar + noise); Adam, lr 0.01, batches of 64, ${epochs} epochs`);
  const loader = new nn.data.DataLoader(new nn.data.TensorDataset(train, train), { batchSize: 64, shuffle: true, seed: 0 });
  for (const v of variants) {
    const ae = models[v];
    // criterion adds the variant's penalty to the reconstruction error of the same forward pass
    const history = nn.fit(ae, loader, { loss: ae.criterion, optimizer: new nn.optim.Adam(ae.parameters(), { lr: 0.01 }), epochs, verbose: false });
    ae.eval();
    ctx.log(`  ${ae.constructor.name}(${ae.extraRepr()}): final training loss ${num(history.loss.at(-1)!)}`);
  }

  const result = { reconstruction: {}, auc: {}, detection: {}, denoise: {}, meanCode: {}, jacobian: {}, byKind: {} } as AutoencodersResult;
  for (const k of ANOMALIES) result.byKind[k] = {} as Record<Variant, number>;
  const kinds = np.arange(testAnomalies.shape[0]!).mod(ANOMALIES.length);
  const mask = (rng.uniform(0, 1, testNormal.shape) as np.NDArray).greater(0.3);
  const masked = testNormal.mul(mask);
  result.denoise.masked = np.mean(np.square(masked.sub(testNormal)));
  const errorRows: Row[] = [];
  for (const v of variants) {
    const ae = models[v];
    const normalScores = scores(ae, testNormal);
    const anomalyScores = scores(ae, testAnomalies);
    const threshold = Number(np.percentile(scores(ae, validation), 99));
    result.reconstruction[v] = np.mean(normalScores);
    result.auc[v] = auc(normalScores, anomalyScores);
    result.detection[v] = { anomalies: np.mean(anomalyScores.greater(threshold)), falseAlarms: np.mean(normalScores.greater(threshold)) };
    result.denoise[v] = ag.noGrad(() => np.mean(np.square(ae.forward(ag.asTensor(masked)).data.sub(testNormal))));
    result.meanCode[v] = ag.noGrad(() => np.mean(ae.encode(ag.asTensor(testNormal)).data));
    result.jacobian[v] = ag.noGrad(() => nn.jacobianNormSq((x) => ae.encode(x), testNormal.get('0:100')).item());
    const flagged = anomalyScores.greater(threshold);
    ANOMALIES.forEach((k, i) => (result.byKind[k]![v] = np.mean(flagged.get(kinds.equal(i)))));
    for (const [kind, s] of [['normal', normalScores], ['anomaly', anomalyScores]] as const) {
      for (const e of s.tolist() as number[]) errorRows.push({ variant: v, kind, logError: Math.log10(e) });
    }
  }
  ctx.log('\n' + table(
    ['autoencoder', 'code', 'test MSE', 'anomaly AUC', 'anomalies flagged', 'false alarms', 'masked → MSE', 'mean code', '‖∂h/∂x‖²'],
    variants.map((v) => [
      v,
      String(models[v].encode(ag.tensor(np.zeros(1, D))).shape[1]),
      result.reconstruction[v],
      result.auc[v],
      result.detection[v].anomalies,
      result.detection[v].falseAlarms,
      result.denoise[v],
      result.meanCode[v],
      result.jacobian[v],
    ]),
  ));
  ctx.log('\nAnomalies flagged, by kind:\n' + table(['anomaly', ...variants], ANOMALIES.map((k) => [k, ...variants.map((v) => result.byKind[k]![v])])));
  ctx.log(`(threshold: the 99th percentile of the error on normal validation images; a masked copy, 30% of pixels zeroed, is ${num(result.denoise.masked)} from the clean image)`);

  // pictures: a few test images, normal and anomalous, with each reconstruction
  const picks = np.concatenate([testNormal.get('0:2'), testAnomalies.get(`0:${ANOMALIES.length}`), masked.get('0:1')]);
  const labels = ['normal', 'normal', ...ANOMALIES, 'masked'];
  const panels: unknown[] = [];
  const asImage = (row: np.NDArray) => row.reshape(SIDE, SIDE).tolist() as number[][];
  const recon = Object.fromEntries(variants.map((v) => [v, ag.noGrad(() => models[v].forward(ag.asTensor(picks)).data)]));
  labels.forEach((label, i) => {
    panels.push(imageSpec(asImage(picks.get(i)), label, { size: 70, domain: [0, 1] }));
    for (const v of variants) panels.push(imageSpec(asImage(recon[v]!.get(i)), v, { size: 70, domain: [0, 1] }));
  });
  await ctx.svg('autoencoders', {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Autoencoders: inputs and reconstructions; reconstruction errors of normal images and anomalies',
    hconcat: [
      grid('input, then each autoencoder’s reconstruction', panels, 5),
      {
        data: { values: errorRows },
        facet: { row: { field: 'variant', type: 'nominal', title: null } },
        spec: {
          width: 260,
          height: 90,
          mark: { type: 'area', opacity: 0.5, interpolate: 'step' },
          encoding: {
            x: { field: 'logError', type: 'quantitative', bin: { maxbins: 40 }, title: 'log10 reconstruction error' },
            y: { aggregate: 'count', type: 'quantitative', stack: null, title: 'images' },
            color: { field: 'kind', type: 'nominal', title: null },
          },
        },
      },
    ],
  });

  return { ...result, files: ctx.files };
}

runIfMain(import.meta.url, run);

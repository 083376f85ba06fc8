/**
 * The digit classifier of the main job: a multilayer perceptron (784 -> hidden -> 10,
 * ReLU) trained with cross-entropy and Adam by `nn.fit`, its held-out accuracy and
 * confusion matrix.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { PIXELS, ShiftedDigits, type Digits } from './data.js';

/**
 * `(x - mean) / std` with the training set's mean and standard deviation kept as buffers,
 * so the saved model (its `.npz`) takes raw pixels in [0, 1] and carries its own scaling.
 */
export class Standardize extends nn.Module {
  declare mean: np.NDArray;
  declare std: np.NDArray;

  constructor(mean: number, std: number) {
    super();
    this.registerBuffer('mean', np.array([mean], { dtype: 'float32' }));
    this.registerBuffer('std', np.array([std], { dtype: 'float32' }));
  }

  override forward(x: ag.Tensor): ag.Tensor {
    return x.sub(this.mean).div(this.std);
  }

  override extraRepr(): string {
    return `mean=${formatNumber(this.mean.item(0) as number)}, std=${formatNumber(this.std.item(0) as number)}`;
  }
}

function formatNumber(v: number): string {
  return v.toFixed(4);
}

/** Settings of {@link trainClassifier}. */
export interface ClassifierSettings {
  hidden: number;
  epochs: number;
  batchSize: number;
  lr: number;
  /** Multiplies the learning rate after each epoch (`ExponentialLR`). */
  lrDecay: number;
  seed: number;
}

/** What {@link trainClassifier} returns. */
export interface ClassifierResult {
  model: nn.Sequential;
  history: nn.History;
  /** Predicted digit of every test image, int32. */
  predicted: np.NDArray;
  /** The fraction of test digits classified correctly. */
  accuracy: number;
  /** (10, 10) int32 counts: row = true digit, column = predicted digit. */
  confusion: np.NDArray;
}

/**
 * Builds the MLP `Standardize -> Linear(784, hidden) -> ReLU -> Linear(hidden, 10)` in
 * float32 (its matrix products are faster than float64's here, same accuracy).
 *
 * @example
 * const model = buildClassifier(128, 0.13, 0.31);
 */
export function buildClassifier(hidden: number, mean: number, std: number): nn.Sequential {
  return new nn.Sequential(new Standardize(mean, std), new nn.Linear(PIXELS, hidden), new nn.ReLU(), new nn.Linear(hidden, 10)).to('float32');
}

/**
 * The predicted digit (argmax of the logits) of each image, in batches, without recording
 * and in eval mode (restored afterwards).
 *
 * @example
 * const predicted = predict(model, test.images); // int32, one digit per image
 */
export function predict(model: nn.Module, images: np.NDArray, batchSize = 1000): np.NDArray {
  const wasTraining = model.training;
  model.eval();
  try {
    return ag.noGrad(() => {
      const parts: np.NDArray[] = [];
      const n = images.shape[0]!;
      for (let s = 0; s < n; s += batchSize) parts.push(np.argmax(model.forward(ag.asTensor(images.get(`${s}:${s + batchSize}`))).data, 1));
      return parts.length === 1 ? parts[0]! : np.concatenate(parts);
    });
  } finally {
    model.train(wasTraining);
  }
}

/**
 * The confusion matrix: `counts[t, p]` is the number of digits `t` predicted as `p`.
 *
 * @example
 * confusionMatrix(np.array([0, 1, 1]), np.array([0, 1, 0]), 2).tolist(); // [[1, 0], [1, 1]]
 */
export function confusionMatrix(truth: np.NDArray, predicted: np.NDArray, classes = 10): np.NDArray {
  const counts = new Int32Array(classes * classes);
  const t = truth.astype('int32').data as Int32Array;
  const p = predicted.astype('int32').data as Int32Array;
  for (let i = 0; i < t.length; i++) counts[t[i]! * classes + p[i]!]! += 1;
  return np.array(counts, { dtype: 'int32' }).reshape(classes, classes);
}

/**
 * Trains the classifier on `train` (shifted by a random pixel every epoch) with the test
 * set as the held-out curve of the progress and the report (it selects nothing: no early
 * stopping on it), then classifies the test set. `onBuilt` sees the model before training.
 *
 * @example
 * const { accuracy, confusion } = trainClassifier(train, test, { hidden: 128, epochs: 15, batchSize: 128, lr: 2e-3, lrDecay: 0.9, seed: 0 });
 */
export function trainClassifier(train: Digits, test: Digits, s: ClassifierSettings, onBuilt?: (model: nn.Sequential) => void): ClassifierResult {
  np.random.seed(s.seed); // the layers' initial weights come from NumPy's global random state
  const mean = train.images.mean() as number;
  const std = train.images.std() as number;
  const model = buildClassifier(s.hidden, mean, std);
  onBuilt?.(model);
  const loader = new nn.data.DataLoader(new ShiftedDigits(train, { seed: s.seed + 1 }), { batchSize: s.batchSize, shuffle: true, seed: s.seed });
  const heldOut = new nn.data.DataLoader(new nn.data.TensorDataset(test.images, test.labels), { batchSize: 1000 });
  const optimizer = new nn.optim.Adam(model.parameters(), { lr: s.lr });
  const history = nn.fit(model, loader, {
    loss: nn.functional.crossEntropyLoss,
    optimizer,
    epochs: s.epochs,
    metrics: ['accuracy'],
    validation: heldOut,
    scheduler: new nn.optim.lrScheduler.ExponentialLR(optimizer, { gamma: s.lrDecay }),
  });
  const predicted = predict(model, test.images);
  const correct = Number(np.equal(predicted, test.labels).sum());
  return { model, history, predicted, accuracy: correct / test.labels.shape[0]!, confusion: confusionMatrix(test.labels, predicted) };
}

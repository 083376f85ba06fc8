/**
 * Metrics for `nn.fit`: functions of a batch's predictions and targets returning a number
 * (averaged over an epoch weighted by batch size). `'accuracy'` names {@link accuracy}.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';

/** A metric: a number from a batch's predictions and targets (called without recording). */
export type MetricFn = (pred: ag.Tensor, target: ag.Tensor) => number;

/** Options of {@link accuracy}. */
export interface AccuracyOptions {
  /** Binary case: a prediction (and a float target) above this is class 1 (default 0.5; use 0 for logits or +-1 targets). */
  threshold?: number;
}

function dataOf(x: ag.Tensor | np.NDArray): np.NDArray {
  return x instanceof ag.Tensor ? x.data : x;
}

/**
 * The fraction of correct predictions.
 * - Multi-class (`pred` of shape (N, C), C > 1): the predicted class is the argmax over
 *   axis 1; `target` holds class indices (shape (N,)) or one-hot / probabilities (N, C),
 *   whose argmax is the class.
 * - Binary (`pred` of shape (N,) or (N, 1)): class 1 where `pred > threshold`, and the
 *   true class is 1 where `target > threshold` (targets {0, 1} or {-1, +1} with the
 *   default 0.5 or with 0).
 *
 * @example
 * nn.metrics.accuracy(ag.tensor([[2, 1], [0, 3]]), ag.tensor(np.array([0, 0]))); // 0.5
 */
export function accuracy(pred: ag.Tensor | np.NDArray, target: ag.Tensor | np.NDArray, options: AccuracyOptions = {}): number {
  const p = dataOf(pred);
  const t = dataOf(target);
  const n = p.shape[0] ?? 1;
  if (n === 0) return NaN;
  let correct: number;
  if (p.ndim === 2 && p.shape[1]! > 1) {
    const predicted = np.argmax(p, 1);
    const truth = t.ndim === 2 ? np.argmax(t, 1) : t.reshape(-1);
    if (truth.shape[0] !== n) throw new np.ValueError(`accuracy: ${n} predictions but ${truth.shape[0]} targets`);
    correct = Number(np.equal(predicted, truth).sum());
  } else {
    const threshold = options.threshold ?? 0.5;
    const predicted = np.greater(p.reshape(-1), threshold);
    const truth = np.greater(t.reshape(-1), threshold);
    if (truth.shape[0] !== predicted.shape[0]) throw new np.ValueError(`accuracy: ${predicted.shape[0]} predictions but ${truth.shape[0]} targets`);
    correct = Number(np.equal(predicted, truth).sum());
    return correct / predicted.shape[0]!;
  }
  return correct / n;
}

/** The metrics `nn.fit` knows by name. */
export const namedMetrics = { accuracy: (pred: ag.Tensor, target: ag.Tensor): number => accuracy(pred, target) } as const;

/** A metric name known to `nn.fit`. */
export type MetricName = keyof typeof namedMetrics;

/**
 * Training: `nn.fit` (the loop with history, stop criteria and progress), `nn.evaluate`,
 * and the metrics it knows by name (`nn.metrics.accuracy`).
 *
 * @example
 * const history = nn.fit(model, loader, { loss: nn.functional.mseLoss, optimizer: opt, epochs: 50 });
 */
export {
  fit,
  evaluate,
  type FitOptions,
  type History,
  type StopReason,
  type StopCriteria,
  type EarlyStoppingOptions,
  type FitCallbacks,
  type LossLike,
  type BatchLike,
  type MetricsSpec,
  type EvaluateOptions,
} from './fit.js';
export { createReporter, formatValue, type ProgressReporter, type ProgressStart, type ProgressSummary, type WritableLike } from './progress.js';
export * as metrics from './metrics.js';

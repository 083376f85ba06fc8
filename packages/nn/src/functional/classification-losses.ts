/**
 * Classification losses (`torch.nn.functional.binary_cross_entropy`,
 * `binary_cross_entropy_with_logits`, `cross_entropy`, `nll_loss`, `hinge_embedding_loss`,
 * `multi_margin_loss`) and the lectures' binary hinge loss.
 *
 * Numerics: losses from logits go through autograd's stable primitives (`logSoftmax`,
 * `softplus`), so logits of +-1000 give finite values and gradients. `bceLoss` on
 * probabilities is a primitive of its own: PyTorch clamps its logs to >= -100 and its
 * gradient's denominator `x (1 - x)` to >= 1e-12, which a composition of `log` and
 * `maximum` cannot reproduce without `0 * inf` at 0 and 1.
 *
 * Class targets are class indices (an integer array or tensor, of the input's shape
 * without the class dim) or, for `crossEntropyLoss`, class probabilities (a float array
 * of the input's shape). The class dim is 1 (0 for an unbatched 1-d input).
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import { floatDType, reduceLoss, sameShape, sizeStr, toTensor, type ReductionOptions } from './common.js';

/** Options of the weighted binary losses. */
export interface BCELossOptions extends ReductionOptions {
  /** A rescaling weight per element, broadcast against the input (default none). */
  weight?: ag.TensorLike | null;
}

/** Options of {@link bceWithLogitsLoss}. */
export interface BCEWithLogitsLossOptions extends BCELossOptions {
  /** The weight of positive examples, per class (broadcast along the last dim; default none). */
  posWeight?: ag.TensorLike | null;
}

/** Options of the class-index losses. */
export interface NLLLossOptions extends ReductionOptions {
  /** A weight per class, shape `(C,)` (default none). */
  weight?: ag.TensorLike | null;
  /** Targets equal to this are skipped and do not count in the mean (default -100). */
  ignoreIndex?: number;
}

/** Options of {@link crossEntropyLoss}. */
export interface CrossEntropyLossOptions extends NLLLossOptions {
  /** Mix the target with the uniform distribution: `(1 - s) y + s / C` (default 0). */
  labelSmoothing?: number;
}

/** Options of the margin losses. */
export interface MarginOptions extends ReductionOptions {
  /** The margin (default 1). */
  margin?: number;
}

/** Options of {@link multiMarginLoss}. */
export interface MultiMarginLossOptions extends MarginOptions {
  /** The power of each violation, 1 or 2 (default 1). */
  p?: 1 | 2;
  /** A weight per class, applied by the target's class (default none). */
  weight?: ag.TensorLike | null;
  /** 'sum' (default): PyTorch's sum over the wrong classes divided by C; 'max': the largest violation (the lectures' first multiclass hinge), not divided. */
  mode?: 'sum' | 'max';
}

function sameSizeOrThrow(x: ag.Tensor, y: ag.Tensor, message: string): void {
  if (!sameShape(x.shape, y.shape)) throw new np.ValueError(message);
}

function weighted(loss: ag.Tensor, weight: ag.TensorLike | null | undefined): ag.Tensor {
  return weight === null || weight === undefined ? loss : loss.mul(toTensor(weight));
}

// -log-likelihood of Bernoulli(x) at y with PyTorch's clamps (both logs >= -100)
const bceOp = ag.defineOp({
  name: 'binaryCrossEntropy',
  forward: ([x, y]) => {
    const logx = np.maximum(np.log(x!), -100);
    const log1mx = np.maximum(np.log1p(np.negative(x!)), -100);
    return np.subtract(np.multiply(np.subtract(y!, 1), log1mx), np.multiply(y!, logx));
  },
  backward: (g, { inputs: [x, y], needsGrad }) => [
    // PyTorch's binary_cross_entropy_backward: (x - y) / max(x (1 - x), 1e-12)
    needsGrad[0] ? g.mul(x!.sub(y!)).div(ag.maximum(x!.mul(x!.neg().add(1)), 1e-12)) : null,
    needsGrad[1] ? g.mul(ag.maximum(x!.neg().log1p(), -100).sub(ag.maximum(x!.log(), -100))) : null,
  ],
});

/**
 * Binary cross-entropy of probabilities (`torch.nn.functional.binary_cross_entropy`):
 * `-w (y log x + (1 - y) log(1 - x))`, each log clamped to >= -100 as PyTorch, so
 * `x = 0` or `1` give finite values and gradients. Inputs must lie in [0, 1] and have the
 * target's size. Prefer {@link bceWithLogitsLoss} on logits.
 *
 * @example
 * F.bceLoss(ag.tensor([0.5]), ag.tensor([1])); // tensor(0.69314718)
 */
export function bceLoss(input: ag.TensorLike, target: ag.TensorLike, options: BCELossOptions = {}): ag.Tensor {
  const x = toTensor(input);
  const y = toTensor(target);
  sameSizeOrThrow(x, y, `Using a target size (${sizeStr(y.shape)}) that is different to the input size (${sizeStr(x.shape)}) is deprecated. Please ensure they have the same size.`);
  if (Number(np.any(np.logicalNot(np.logicalAnd(np.greaterEqual(x.data, 0), np.lessEqual(x.data, 1)))))) {
    throw new np.ValueError('all elements of input should be between 0 and 1');
  }
  return reduceLoss(weighted(bceOp([x, y.astype(floatDType(x))]), options.weight), options.reduction);
}

/**
 * Binary cross-entropy from logits (`torch.nn.functional.binary_cross_entropy_with_logits`):
 * `(1 - y) x + (1 + (p - 1) y) softplus(-x)` with `p = posWeight`, which is
 * `-[p y log sigmoid(x) + (1 - y) log(1 - sigmoid(x))]` computed stably (finite for
 * logits of +-1000). Input and target must have the same size.
 *
 * @example
 * F.bceWithLogitsLoss(ag.tensor([1000, -1000]), ag.tensor([1, 0])); // tensor(0.)
 */
export function bceWithLogitsLoss(input: ag.TensorLike, target: ag.TensorLike, options: BCEWithLogitsLossOptions = {}): ag.Tensor {
  const x = toTensor(input);
  const y = toTensor(target);
  sameSizeOrThrow(x, y, `Target size (${sizeStr(y.shape)}) must be the same as input size (${sizeStr(x.shape)})`);
  const sp = ag.softplus(x.neg());
  const pw = options.posWeight;
  const logWeight = pw === null || pw === undefined ? null : toTensor(pw).sub(1).mul(y).add(1);
  const loss = y.neg().add(1).mul(x).add(logWeight === null ? sp : logWeight.mul(sp));
  return reduceLoss(weighted(loss, options.weight), options.reduction);
}

/** The class dim of an input: 1, or 0 for an unbatched 1-d input. */
function classDim(x: ag.Tensor): number {
  if (x.ndim < 1) throw new np.ValueError(`Expected 1 or more dimensions (got ${x.ndim})`);
  return x.ndim === 1 ? 0 : 1;
}

/** The class-index target as an int NDArray, checked against the input's shape. */
function indexTarget(x: ag.Tensor, target: np.NDArray): np.NDArray {
  const cd = classDim(x);
  const want = cd === 0 ? [] : [x.shape[0]!, ...x.shape.slice(2)];
  if (!sameShape(target.shape, want)) {
    if (cd === 1 && target.shape[0] !== x.shape[0]) throw new np.ValueError(`Expected input batch_size (${x.shape[0]}) to match target batch_size (${target.shape[0] ?? 0}).`);
    // an integer one-hot array (JS ints become int32) is not a probability target
    const hint = sameShape(target.shape, x.shape) ? " (class probabilities must be a float array: create it with { dtype: 'float64' })" : '';
    throw new np.ValueError(`Expected target size ${sizeStr(want)}, got ${sizeStr(target.shape)}${hint}`);
  }
  return target;
}

/** The per-class weight as a constant of the input's float dtype, checked to have C entries. */
function classWeight(weight: ag.TensorLike | null | undefined, c: number, dtype: np.DType): np.NDArray | null {
  if (weight === null || weight === undefined) return null;
  const w = toTensor(weight).data;
  if (w.ndim !== 1 || w.shape[0] !== c) {
    throw new np.ValueError(`weight tensor should be defined either for all ${c} classes or no classes but got weight tensor of shape: ${sizeStr(w.shape)}`);
  }
  return np.astype(w, dtype);
}

/** Shape of a per-class weight broadcasting along the class dim: `(C, 1, ..., 1)`. */
function alongClassDim(w: np.NDArray, x: ag.Tensor, cd: number): np.NDArray {
  return np.reshape(w, [w.shape[0]!, ...new Array<number>(Math.max(x.ndim - cd - 1, 0)).fill(1)]);
}

interface PickedTarget {
  /** Target with ignored entries replaced by 0 (safe to gather with). */
  safe: np.NDArray;
  /** True where the target is not `ignoreIndex`. */
  valid: np.NDArray;
}

function pickTarget(target: np.NDArray, c: number, ignoreIndex: number): PickedTarget {
  const valid = np.notEqual(target, ignoreIndex);
  const safe = np.where(valid, target, 0);
  if (safe.size > 0) {
    const lo = Number(np.min(safe));
    const hi = Number(np.max(safe));
    if (lo < 0 || hi >= c) throw new np.IndexError(`Target ${lo < 0 ? lo : hi} is out of bounds.`);
  }
  return { safe, valid };
}

/** `x` gathered at the target class along the class dim: the target's shape. */
function gatherClass(x: ag.Tensor, safe: np.NDArray, cd: number): ag.Tensor {
  return ag.takeAlongAxis(x, np.expandDims(safe, cd), cd).squeeze(cd);
}

function asIndexArray(target: ag.TensorLike): np.NDArray {
  const t = target instanceof ag.Tensor ? target.data : np.asarray(target as np.ArrayLike);
  const kind = np.DTYPES[t.dtype].kind;
  if (kind !== 'i' && kind !== 'u') throw new np.DTypeError(`expected class indices of an integer dtype, got ${t.dtype}`);
  return t;
}

/**
 * The negative log-likelihood of class indices (`torch.nn.functional.nll_loss`):
 * `-w[y] x[y]` per sample for log-probabilities `x` `(N, C)` / `(N, C, d1, ...)` / `(C,)`;
 * 'mean' divides by the sum of the weights of the counted targets (targets equal to
 * `ignoreIndex` count nothing).
 *
 * @example
 * F.nllLoss(ag.tensor([[-1, -2], [-3, -0.5]]), [0, 1]); // tensor(0.75)
 */
export function nllLoss(input: ag.TensorLike, target: ag.TensorLike, options: NLLLossOptions = {}): ag.Tensor {
  const x = toTensor(input);
  const cd = classDim(x);
  const c = x.shape[cd]!;
  const dtype = floatDType(x);
  const { safe, valid } = pickTarget(indexTarget(x, asIndexArray(target)), c, options.ignoreIndex ?? -100);
  const w = classWeight(options.weight, c, dtype);
  const wt = np.astype(w === null ? valid : np.where(valid, np.take(w, safe), 0), dtype);
  const loss = gatherClass(x, safe, cd).neg().mul(wt);
  return reduceLoss(loss, options.reduction, Number(np.sum(wt)));
}

/**
 * Cross-entropy from logits (`torch.nn.functional.cross_entropy`): `logSoftmax` along the
 * class dim, then {@link nllLoss} for class indices, or `-sum(y log softmax(x))` for class
 * probabilities (a float target of the input's shape; 'mean' divides by the number of
 * samples). `labelSmoothing` mixes the target with the uniform distribution, with
 * PyTorch's weighting and ignore rules. Stable for logits of any size.
 *
 * @example
 * F.crossEntropyLoss(ag.tensor([[1000, -1000]]), [0]); // tensor(0.)
 * F.crossEntropyLoss(ag.tensor([[0, 0]]), ag.tensor([[0.5, 0.5]])); // tensor(0.69314718)
 */
export function crossEntropyLoss(input: ag.TensorLike, target: ag.TensorLike, options: CrossEntropyLossOptions = {}): ag.Tensor {
  const x = toTensor(input);
  const cd = classDim(x);
  const c = x.shape[cd]!;
  const dtype = floatDType(x);
  const ls = options.labelSmoothing ?? 0;
  if (!(ls >= 0 && ls <= 1)) throw new np.ValueError(`label_smoothing must be between 0.0 and 1.0. Got: ${ls}`);
  const w = classWeight(options.weight, c, dtype);
  const logp = ag.logSoftmax(x.dtype === dtype ? x : x.astype(dtype), cd);
  const tgt = target instanceof ag.Tensor ? target : ag.asTensor(np.asarray(target as np.ArrayLike));

  if (np.DTYPES[tgt.dtype].kind === 'f') {
    if (!sameShape(tgt.shape, x.shape)) throw new np.ValueError(`class-probability targets must have the input's shape ${sizeStr(x.shape)}, got ${sizeStr(tgt.shape)} (class indices need an integer dtype)`);
    const y = ls > 0 ? tgt.mul(1 - ls).add(ls / c) : tgt;
    let prod = logp.mul(y);
    if (w !== null) prod = prod.mul(alongClassDim(w, x, cd));
    const perSample = prod.sum(cd).neg();
    return reduceLoss(perSample, options.reduction, x.size / c);
  }

  const idx = asIndexArray(tgt);
  const nll = nllLoss(logp, idx, options);
  if (ls === 0) return nll;
  const { safe, valid } = pickTarget(indexTarget(x, idx), c, options.ignoreIndex ?? -100);
  const smooth = ag.where(valid, (w === null ? logp : logp.mul(alongClassDim(w, x, cd))).sum(cd).neg(), 0);
  const denominator = Number(w === null ? np.countNonzero(valid) : np.sum(np.where(valid, np.take(w, safe), 0)));
  const ret = reduceLoss(smooth, options.reduction, denominator);
  return nll.mul(1 - ls).add(ret.mul(ls / c));
}

/**
 * The lectures' binary hinge loss `max(0, margin - y x)` for scores `x` and labels `y` in
 * {-1, +1} (default margin 1). Not PyTorch's `hinge_embedding_loss` (see
 * {@link hingeEmbeddingLoss}); the gradient at the kink is 0.
 *
 * @example
 * F.hingeLoss(ag.tensor([2, 0.5, -1]), ag.tensor([1, 1, 1]), { reduction: 'none' }); // tensor([0., 0.5, 2.])
 */
export function hingeLoss(input: ag.TensorLike, target: ag.TensorLike, options: MarginOptions = {}): ag.Tensor {
  const x = toTensor(input);
  const y = toTensor(target);
  return reduceLoss(ag.relu(x.mul(y).neg().add(options.margin ?? 1)), options.reduction);
}

/**
 * PyTorch's hinge embedding loss (`torch.nn.functional.hinge_embedding_loss`): `x` where
 * `y = 1`, `max(0, margin - x)` where `y = -1` (for a distance `x`; default margin 1).
 *
 * @example
 * F.hingeEmbeddingLoss(ag.tensor([0.3, 0.3]), ag.tensor([1, -1]), { reduction: 'none' }); // tensor([0.3, 0.7])
 */
export function hingeEmbeddingLoss(input: ag.TensorLike, target: ag.TensorLike, options: MarginOptions = {}): ag.Tensor {
  const x = toTensor(input);
  const y = toTensor(target).data;
  // PyTorch's formula term by term: a label that is neither 1 nor -1 gets both terms
  const marginPart = ag.where(np.notEqual(y, 1), ag.clip(x.neg().add(options.margin ?? 1), 0, null), 0);
  const selfPart = ag.where(np.notEqual(y, -1), x, 0);
  return reduceLoss(marginPart.add(selfPart), options.reduction);
}

/**
 * The multi-class hinge loss (`torch.nn.functional.multi_margin_loss`): for scores `x`
 * `(N, C)` (or `(C,)`) and class indices `y`, `sum over i != y of
 * max(0, margin - x[y] + x[i])^p / C` (the lectures' second form, divided by C as
 * PyTorch), times `weight[y]` when given. `mode: 'max'` takes the largest violation
 * `max over i != y of max(0, margin - x[y] + x[i])^p` instead (the lectures' first
 * form, not divided by C).
 *
 * @example
 * F.multiMarginLoss(ag.tensor([[0.1, 0.2, 0.4, 0.8]]), [3]); // tensor(0.325)
 */
export function multiMarginLoss(input: ag.TensorLike, target: ag.TensorLike, options: MultiMarginLossOptions = {}): ag.Tensor {
  const x = toTensor(input);
  const p = options.p ?? 1;
  if (p !== 1 && p !== 2) throw new np.ValueError('only p == 1 and p == 2 supported');
  const mode = options.mode ?? 'sum';
  if (mode !== 'sum' && mode !== 'max') throw new np.ValueError(`multiMarginLoss: mode must be 'sum' or 'max', got ${String(mode)}`);
  if (x.ndim > 2) throw new np.ValueError(`Expected non-empty vector or matrix with optional 0-dim batch size, but got: ${sizeStr(x.shape)}`);
  const x2 = x.ndim === 2 ? x : x.reshape([1, x.size]);
  const c = x2.shape[1]!;
  const dtype = floatDType(x);
  const y = np.ravel(asIndexArray(target));
  if (y.size !== x2.shape[0]) throw new np.ValueError(`inconsistent target size, expected ${x2.shape[0]} but got ${sizeStr(toTensor(target).shape)}`);
  if (y.size > 0 && (Number(np.min(y)) < 0 || Number(np.max(y)) >= c)) throw new np.IndexError('target out of range');
  const yk = np.expandDims(y, 1);
  const violation = ag.relu(x2.sub(ag.takeAlongAxis(x2, yk, 1)).add(options.margin ?? 1));
  let h = p === 2 ? violation.square() : violation;
  const w = classWeight(options.weight, c, dtype);
  if (w !== null) h = h.mul(np.expandDims(np.take(w, y), 1));
  const wrong = ag.where(np.equal(yk, np.arange(c)), 0, h);
  let perSample = mode === 'sum' ? wrong.sum(1).div(c) : wrong.max(1);
  if (x.ndim < 2) perSample = perSample.reshape([]);
  return reduceLoss(perSample, options.reduction);
}

/**
 * Every loss as a module (`torch.nn.MSELoss`, ...): the settings are fixed at
 * construction, `forward(input, target)` calls `nn.functional`. As PyTorch's
 * `_WeightedLoss`, class or element weights (and `posWeight`) are registered buffers, so
 * they follow `to(dtype)` and appear in the state dict.
 */
import type * as np from '@numbat/ndarray';
import type * as ag from '@numbat/autograd';
import { Module } from '../module.js';
import * as F from '../functional/index.js';
import { checkReduction } from '../functional/common.js';

function asArray(w: ag.TensorLike | null | undefined): np.NDArray | null {
  return w === null || w === undefined ? null : F.identity(w).data;
}

/** The base of the loss modules: holds `reduction` (PyTorch's `_Loss`). */
abstract class Loss extends Module {
  /** 'mean', 'sum' or 'none'. */
  readonly reduction: F.Reduction;
  constructor(options: F.ReductionOptions) {
    super();
    this.reduction = checkReduction(options.reduction ?? 'mean');
  }
  /** The loss of `input` against `target`. */
  abstract override forward(input: ag.TensorLike, target: ag.TensorLike): ag.Tensor;
  override extraRepr(): string {
    return this.reduction === 'mean' ? '' : `reduction='${this.reduction}'`;
  }
}

/** Mean squared error (`torch.nn.MSELoss`). @example new nn.MSELoss().forward(ag.tensor([1, 2]), ag.tensor([1, 4])); // tensor(2.) */
export class MSELoss extends Loss {
  constructor(options: F.ReductionOptions = {}) {
    super(options);
  }
  override forward(input: ag.TensorLike, target: ag.TensorLike): ag.Tensor {
    return F.mseLoss(input, target, { reduction: this.reduction });
  }
}

/** Mean absolute error (`torch.nn.L1Loss`). @example new nn.L1Loss().forward(ag.tensor([1, 2]), ag.tensor([1, 4])); // tensor(1.) */
export class L1Loss extends Loss {
  constructor(options: F.ReductionOptions = {}) {
    super(options);
  }
  override forward(input: ag.TensorLike, target: ag.TensorLike): ag.Tensor {
    return F.l1Loss(input, target, { reduction: this.reduction });
  }
}

/** The Huber loss (`torch.nn.HuberLoss`, default delta 1). @example new nn.HuberLoss({ delta: 0.5 }); */
export class HuberLoss extends Loss {
  /** Where the loss turns linear. */
  readonly delta: number;
  constructor(options: F.HuberLossOptions = {}) {
    super(options);
    this.delta = options.delta ?? 1;
  }
  override forward(input: ag.TensorLike, target: ag.TensorLike): ag.Tensor {
    return F.huberLoss(input, target, { reduction: this.reduction, delta: this.delta });
  }
}

/** The smooth L1 loss (`torch.nn.SmoothL1Loss`, default beta 1). @example new nn.SmoothL1Loss({ beta: 0.5 }); */
export class SmoothL1Loss extends Loss {
  /** Where the loss turns linear. */
  readonly beta: number;
  constructor(options: F.SmoothL1LossOptions = {}) {
    super(options);
    this.beta = options.beta ?? 1;
  }
  override forward(input: ag.TensorLike, target: ag.TensorLike): ag.Tensor {
    return F.smoothL1Loss(input, target, { reduction: this.reduction, beta: this.beta });
  }
}

/** Binary cross-entropy of probabilities (`torch.nn.BCELoss`); `weight` is a buffer. @example new nn.BCELoss().forward(ag.tensor([0.5]), ag.tensor([1])); // tensor(0.69314718) */
export class BCELoss extends Loss {
  constructor(options: F.BCELossOptions = {}) {
    super(options);
    this.registerBuffer('weight', asArray(options.weight));
  }
  override forward(input: ag.TensorLike, target: ag.TensorLike): ag.Tensor {
    return F.bceLoss(input, target, { reduction: this.reduction, weight: this.getBuffer('weight') });
  }
}

/** Binary cross-entropy from logits (`torch.nn.BCEWithLogitsLoss`); `weight`, `posWeight` are buffers. @example new nn.BCEWithLogitsLoss({ posWeight: [3] }); */
export class BCEWithLogitsLoss extends Loss {
  constructor(options: F.BCEWithLogitsLossOptions = {}) {
    super(options);
    this.registerBuffer('weight', asArray(options.weight));
    this.registerBuffer('posWeight', asArray(options.posWeight));
  }
  override forward(input: ag.TensorLike, target: ag.TensorLike): ag.Tensor {
    return F.bceWithLogitsLoss(input, target, { reduction: this.reduction, weight: this.getBuffer('weight'), posWeight: this.getBuffer('posWeight') });
  }
}

/** Cross-entropy from logits (`torch.nn.CrossEntropyLoss`): class indices or probabilities, `weight`, `ignoreIndex`, `labelSmoothing`. @example new nn.CrossEntropyLoss().forward(ag.tensor([[0, 0]]), [1]); // tensor(0.69314718) */
export class CrossEntropyLoss extends Loss {
  /** Targets equal to this are skipped. */
  readonly ignoreIndex: number;
  /** Label smoothing in [0, 1]. */
  readonly labelSmoothing: number;
  constructor(options: F.CrossEntropyLossOptions = {}) {
    super(options);
    this.ignoreIndex = options.ignoreIndex ?? -100;
    this.labelSmoothing = options.labelSmoothing ?? 0;
    this.registerBuffer('weight', asArray(options.weight));
  }
  override forward(input: ag.TensorLike, target: ag.TensorLike): ag.Tensor {
    return F.crossEntropyLoss(input, target, {
      reduction: this.reduction,
      weight: this.getBuffer('weight'),
      ignoreIndex: this.ignoreIndex,
      labelSmoothing: this.labelSmoothing,
    });
  }
}

/** Negative log-likelihood of class indices (`torch.nn.NLLLoss`); pair it with `LogSoftmax(1)`. @example new nn.NLLLoss().forward(ag.tensor([[-1, -2]]), [0]); // tensor(1.) */
export class NLLLoss extends Loss {
  /** Targets equal to this are skipped. */
  readonly ignoreIndex: number;
  constructor(options: F.NLLLossOptions = {}) {
    super(options);
    this.ignoreIndex = options.ignoreIndex ?? -100;
    this.registerBuffer('weight', asArray(options.weight));
  }
  override forward(input: ag.TensorLike, target: ag.TensorLike): ag.Tensor {
    return F.nllLoss(input, target, { reduction: this.reduction, weight: this.getBuffer('weight'), ignoreIndex: this.ignoreIndex });
  }
}

/** The lectures' binary hinge loss `max(0, margin - y x)`, y in {-1, +1} (not in PyTorch). @example new nn.HingeLoss({ margin: 1 }); */
export class HingeLoss extends Loss {
  /** The margin. */
  readonly margin: number;
  constructor(options: F.MarginOptions = {}) {
    super(options);
    this.margin = options.margin ?? 1;
  }
  override forward(input: ag.TensorLike, target: ag.TensorLike): ag.Tensor {
    return F.hingeLoss(input, target, { reduction: this.reduction, margin: this.margin });
  }
}

/** PyTorch's hinge embedding loss (`torch.nn.HingeEmbeddingLoss`). @example new nn.HingeEmbeddingLoss({ margin: 2 }); */
export class HingeEmbeddingLoss extends Loss {
  /** The margin. */
  readonly margin: number;
  constructor(options: F.MarginOptions = {}) {
    super(options);
    this.margin = options.margin ?? 1;
  }
  override forward(input: ag.TensorLike, target: ag.TensorLike): ag.Tensor {
    return F.hingeEmbeddingLoss(input, target, { reduction: this.reduction, margin: this.margin });
  }
}

/** The multi-class hinge loss (`torch.nn.MultiMarginLoss`; `mode: 'max'` for the lectures' largest-violation form). @example new nn.MultiMarginLoss({ mode: 'max' }); */
export class MultiMarginLoss extends Loss {
  /** 1 or 2. */
  readonly p: 1 | 2;
  /** The margin. */
  readonly margin: number;
  /** 'sum' or 'max'. */
  readonly mode: 'sum' | 'max';
  constructor(options: F.MultiMarginLossOptions = {}) {
    super(options);
    this.p = options.p ?? 1;
    this.margin = options.margin ?? 1;
    this.mode = options.mode ?? 'sum';
    this.registerBuffer('weight', asArray(options.weight));
  }
  override forward(input: ag.TensorLike, target: ag.TensorLike): ag.Tensor {
    return F.multiMarginLoss(input, target, { reduction: this.reduction, p: this.p, margin: this.margin, mode: this.mode, weight: this.getBuffer('weight') });
  }
}

/** The Gaussian negative log-likelihood (`torch.nn.GaussianNLLLoss`); `forward(input, target, variance)`. @example new nn.GaussianNLLLoss({ full: true }); */
export class GaussianNLLLoss extends Module {
  /** 'mean', 'sum' or 'none'. */
  readonly reduction: F.Reduction;
  /** Include the constant term. */
  readonly full: boolean;
  /** Variance clamp. */
  readonly eps: number;
  constructor(options: F.GaussianNllLossOptions = {}) {
    super();
    this.reduction = checkReduction(options.reduction ?? 'mean');
    this.full = options.full ?? false;
    this.eps = options.eps ?? 1e-6;
  }
  override forward(input: ag.TensorLike, target: ag.TensorLike, variance: ag.TensorLike): ag.Tensor {
    return F.gaussianNllLoss(input, target, variance, { reduction: this.reduction, full: this.full, eps: this.eps });
  }
}

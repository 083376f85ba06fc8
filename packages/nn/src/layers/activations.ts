/**
 * Every activation as a module (`torch.nn.ReLU`, ...): thin wrappers over
 * `nn.functional`, so a model can list them in a `Sequential`. Settings PyTorch takes
 * positionally may be given as a number or in an options object
 * (`new nn.LeakyReLU(0.2)` or `new nn.LeakyReLU({ negativeSlope: 0.2 })`).
 */
import * as np from '@numbat/ndarray';
import type * as ag from '@numbat/autograd';
import { Module, type FloatDType } from '../module.js';
import { Parameter } from '../parameter.js';
import * as F from '../functional/index.js';

/** The value of `key` from a number or an options object, else the default. */
function setting<K extends string>(v: number | Partial<Record<K, number>> | undefined, key: K, dflt: number): number {
  if (typeof v === 'number') return v;
  return v?.[key] ?? dflt;
}

/** The identity (`torch.nn.Identity`): returns its input; a placeholder in architectures. @example new nn.Identity().forward(x) === x; // true */
export class Identity extends Module {
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.identity(x);
  }
}

/** The unit step (`F.heaviside`: 1 for x >= 0, else 0; zero gradient). @example new nn.Heaviside().forward(ag.tensor([-1, 0])); // tensor([0., 1.]) */
export class Heaviside extends Module {
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.heaviside(x);
  }
}

/**
 * The logistic function with slope alpha, `1 / (1 + e^(-alpha x))` (`torch.nn.Sigmoid`
 * when alpha is 1, the default).
 *
 * @example
 * new nn.Sigmoid({ alpha: 2 }).forward(ag.tensor([0])); // tensor([0.5])
 */
export class Sigmoid extends Module {
  /** The slope. */
  readonly alpha: number;
  constructor(alpha?: number | { alpha?: number }) {
    super();
    this.alpha = setting(alpha, 'alpha', 1);
  }
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.sigmoid(x, this.alpha);
  }
  override extraRepr(): string {
    return this.alpha === 1 ? '' : `alpha=${this.alpha}`;
  }
}

/** The hyperbolic tangent (`torch.nn.Tanh`). @example new nn.Tanh().forward(ag.tensor([0])); // tensor([0.]) */
export class Tanh extends Module {
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.tanh(x);
  }
}

/** The arctangent (the lectures' arctg; not in PyTorch). @example new nn.Arctan().forward(ag.tensor([0])); // tensor([0.]) */
export class Arctan extends Module {
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.arctan(x);
  }
}

/** `x / (1 + |x|)` (`torch.nn.Softsign`). @example new nn.Softsign().forward(ag.tensor([1])); // tensor([0.5]) */
export class Softsign extends Module {
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.softsign(x);
  }
}

/** The inverse square root unit `x / sqrt(1 + alpha x^2)` (default alpha 1; not in PyTorch). @example new nn.ISRU({ alpha: 3 }).forward(ag.tensor([1])); // tensor([0.5]) */
export class ISRU extends Module {
  /** alpha. */
  readonly alpha: number;
  constructor(alpha?: number | { alpha?: number }) {
    super();
    this.alpha = setting(alpha, 'alpha', 1);
  }
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.isru(x, this.alpha);
  }
  override extraRepr(): string {
    return `alpha=${this.alpha}`;
  }
}

/** `max(x, 0)` (`torch.nn.ReLU`). @example new nn.ReLU().forward(ag.tensor([-1, 2])); // tensor([0., 2.]) */
export class ReLU extends Module {
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.relu(x);
  }
}

/** The leaky ReLU (`torch.nn.LeakyReLU`, default negative slope 0.01). @example new nn.LeakyReLU(0.1).forward(ag.tensor([-1])); // tensor([-0.1]) */
export class LeakyReLU extends Module {
  /** The slope for x < 0. */
  readonly negativeSlope: number;
  constructor(negativeSlope?: number | { negativeSlope?: number }) {
    super();
    this.negativeSlope = setting(negativeSlope, 'negativeSlope', 0.01);
  }
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.leakyRelu(x, this.negativeSlope);
  }
  override extraRepr(): string {
    return `negativeSlope=${this.negativeSlope}`;
  }
}

/** Options of {@link PReLU}. */
export interface PReLUOptions {
  /** 1 (one slope shared by all channels, the default) or the number of channels. */
  numParameters?: number;
  /** The initial slope (default 0.25). */
  init?: number;
  /** The parameter's dtype (default 'float64'). */
  dtype?: FloatDType;
}

/**
 * The parametric ReLU with a learned negative slope (`torch.nn.PReLU`): `weight` holds
 * `numParameters` slopes (1 shared, or one per channel of dim 1), initialised to `init`.
 *
 * @example
 * const act = new nn.PReLU({ numParameters: 3 });
 * act.weight.tolist(); // [0.25, 0.25, 0.25]
 */
export class PReLU extends Module {
  /** Number of slopes. */
  readonly numParameters: number;
  /** The slopes. */
  weight: Parameter;
  constructor(options: PReLUOptions = {}) {
    super();
    this.numParameters = options.numParameters ?? 1;
    if (!Number.isInteger(this.numParameters) || this.numParameters < 1) throw new np.ValueError(`num_parameters must be a positive integer, got ${this.numParameters}`);
    this.weight = new Parameter(np.full([this.numParameters], options.init ?? 0.25, { dtype: options.dtype ?? 'float64' }));
  }
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.prelu(x, this.weight);
  }
  override extraRepr(): string {
    return `numParameters=${this.numParameters}`;
  }
}

/** Options of {@link RReLU}. */
export interface RReLUOptions extends F.RngOptions {
  /** Lower bound of the random slope (default 1/8). */
  lower?: number;
  /** Upper bound of the random slope (default 1/3). */
  upper?: number;
}

/**
 * The randomized leaky ReLU (`torch.nn.RReLU`): a random slope per element in
 * U(lower, upper) in training, the mean slope after `eval()`.
 *
 * @example
 * const act = new nn.RReLU({ rng: np.random.defaultRng(0) });
 * act.eval().forward(ag.tensor([-1])); // tensor([-0.22916667])
 */
export class RReLU extends Module {
  /** Lower bound of the slope. */
  readonly lower: number;
  /** Upper bound of the slope. */
  readonly upper: number;
  readonly #rng: F.RandomSource | undefined;
  constructor(lower?: number | RReLUOptions, upper?: number, options: RReLUOptions = {}) {
    super();
    const o: RReLUOptions = typeof lower === 'object' ? lower : { ...options, ...(lower === undefined ? {} : { lower }), ...(upper === undefined ? {} : { upper }) };
    this.lower = o.lower ?? 1 / 8;
    this.upper = o.upper ?? 1 / 3;
    if (!(this.lower <= this.upper)) throw new np.ValueError(`Lower bound should be less than or equal to the upper bound, got lower=${this.lower}, upper=${this.upper}`);
    this.#rng = o.rng;
  }
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.rrelu(x, this.lower, this.upper, this.training, this.#rng === undefined ? {} : { rng: this.#rng });
  }
  override extraRepr(): string {
    return `lower=${this.lower}, upper=${this.upper}`;
  }
}

/** The exponential linear unit (`torch.nn.ELU`, default alpha 1). @example new nn.ELU().forward(ag.tensor([-1000])); // tensor([-1.]) */
export class ELU extends Module {
  /** alpha. */
  readonly alpha: number;
  constructor(alpha?: number | { alpha?: number }) {
    super();
    this.alpha = setting(alpha, 'alpha', 1);
  }
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.elu(x, this.alpha);
  }
  override extraRepr(): string {
    return `alpha=${this.alpha}`;
  }
}

/** Options of {@link Softplus}. */
export interface SoftplusOptions {
  /** The sharpness (default 1). */
  beta?: number;
  /** Linear above `beta x > threshold` (default 20). */
  threshold?: number;
}

/** PyTorch's softplus `log(1 + e^(beta x)) / beta` (`torch.nn.Softplus`). @example new nn.Softplus().forward(ag.tensor([0])); // tensor([0.69314718]) */
export class Softplus extends Module {
  /** The sharpness. */
  readonly beta: number;
  /** The linear threshold. */
  readonly threshold: number;
  constructor(beta?: number | SoftplusOptions, threshold?: number) {
    super();
    const o: SoftplusOptions = typeof beta === 'object' ? beta : { ...(beta === undefined ? {} : { beta }), ...(threshold === undefined ? {} : { threshold }) };
    this.beta = o.beta ?? 1;
    this.threshold = o.threshold ?? 20;
  }
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.softplus(x, this.beta, this.threshold);
  }
  override extraRepr(): string {
    return `beta=${this.beta}, threshold=${this.threshold}`;
  }
}

/** Softmax along `dim` (`torch.nn.Softmax`; default -1). @example new nn.Softmax(1).forward(ag.tensor([[0, 0]])); // tensor([[0.5, 0.5]]) */
export class Softmax extends Module {
  /** The dim normalised over. */
  readonly dim: number;
  constructor(dim?: number | { dim?: number }) {
    super();
    this.dim = setting(dim, 'dim', -1);
  }
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.softmax(x, this.dim);
  }
  override extraRepr(): string {
    return `dim=${this.dim}`;
  }
}

/** Log-softmax along `dim` (`torch.nn.LogSoftmax`; default -1). @example new nn.LogSoftmax(1).forward(ag.tensor([[0, 0]])); // tensor([[-0.69314718, -0.69314718]]) */
export class LogSoftmax extends Module {
  /** The dim normalised over. */
  readonly dim: number;
  constructor(dim?: number | { dim?: number }) {
    super();
    this.dim = setting(dim, 'dim', -1);
  }
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.logSoftmax(x, this.dim);
  }
  override extraRepr(): string {
    return `dim=${this.dim}`;
  }
}

/**
 * Dense layers: `Linear` (PyTorch's `(out, in)` weight and default initialisation),
 * `Maxout` (the lectures' maximum over `pieces` linear maps) and `Flatten`.
 */
import * as np from '@numbat/ndarray';
import type * as ag from '@numbat/autograd';
import { Module, type FloatDType } from '../module.js';
import { Parameter } from '../parameter.js';
import * as F from '../functional/index.js';
import * as init from '../init.js';

/** Options of {@link Linear} and {@link Maxout}. */
export interface LinearOptions {
  /** Learn an additive bias (default true). */
  bias?: boolean;
  /** The parameters' dtype (default 'float64'). */
  dtype?: FloatDType;
}

/** Throws unless `n` is a non-negative integer. */
export function checkSize(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 0) throw new np.ValueError(`${name} must be a non-negative integer, got ${n}`);
  return n;
}

/**
 * PyTorch's default initialisation of a linear or convolution weight and bias:
 * kaiming-uniform with `a = sqrt(5)` (U(-1/sqrt(fanIn), 1/sqrt(fanIn))) for the weight,
 * U(-1/sqrt(fanIn), 1/sqrt(fanIn)) for the bias (0 when fanIn is 0); weight first.
 */
export function resetAffine(weight: Parameter, bias: Parameter | null): void {
  init.kaimingUniform(weight, { a: Math.sqrt(5) });
  if (bias !== null) {
    const fanIn = weight.size === 0 ? 0 : init.calculateFanInAndFanOut(weight)[0];
    const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
    init.uniform(bias, -bound, bound);
  }
}

/**
 * A fully connected layer `y = x W^T + b` (`torch.nn.Linear`): `weight` `(out, in)`,
 * `bias` `(out,)` or null, both initialised as PyTorch does (U(+-1/sqrt(in)), drawn from
 * NumPy's global random state: seed it with `np.random.seed`).
 *
 * @example
 * const fc = new nn.Linear(3, 2);
 * fc.forward(ag.tensor([[1, 2, 3]])).shape; // [1, 2]
 * fc.weight.shape; // [2, 3]
 */
export class Linear extends Module {
  /** Input features. */
  readonly inFeatures: number;
  /** Output features. */
  readonly outFeatures: number;
  /** The weight, `(outFeatures, inFeatures)`. */
  weight: Parameter;
  /** The bias, `(outFeatures,)`, or null. */
  bias: Parameter | null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    this.inFeatures = checkSize(inFeatures, 'in_features');
    this.outFeatures = checkSize(outFeatures, 'out_features');
    const dtype = options.dtype ?? 'float64';
    this.weight = new Parameter(np.zeros([outFeatures, inFeatures], { dtype }));
    this.bias = (options.bias ?? true) ? new Parameter(np.zeros([outFeatures], { dtype })) : null;
    this.resetParameters();
  }

  /** Re-draws the parameters with PyTorch's default initialisation. @example fc.resetParameters(); */
  resetParameters(): void {
    resetAffine(this.weight, this.bias);
  }

  /** `F.linear(x, weight, bias)`. */
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.linear(x, this.weight, this.bias);
  }

  override extraRepr(): string {
    return `inFeatures=${this.inFeatures}, outFeatures=${this.outFeatures}, bias=${this.bias !== null}`;
  }
}

/**
 * Maxout (the lectures' `max(w1·x + b1, ..., wk·x + bk)` per output unit; not in
 * PyTorch): a linear map to `outFeatures * pieces` values, then the maximum of each group
 * of `pieces` (`F.maxout`). `weight` is `(outFeatures * pieces, inFeatures)`, rows
 * `j * pieces ... j * pieces + pieces - 1` feeding output `j`; initialised as `Linear`.
 *
 * @example
 * const m = new nn.Maxout(4, 3, 2);
 * m.forward(ag.tensor(np.ones([5, 4]))).shape; // [5, 3]
 */
export class Maxout extends Module {
  /** Input features. */
  readonly inFeatures: number;
  /** Output features. */
  readonly outFeatures: number;
  /** Linear pieces per output. */
  readonly pieces: number;
  /** The weight, `(outFeatures * pieces, inFeatures)`. */
  weight: Parameter;
  /** The bias, `(outFeatures * pieces,)`, or null. */
  bias: Parameter | null;

  constructor(inFeatures: number, outFeatures: number, pieces: number, options: LinearOptions = {}) {
    super();
    this.inFeatures = checkSize(inFeatures, 'in_features');
    this.outFeatures = checkSize(outFeatures, 'out_features');
    if (!Number.isInteger(pieces) || pieces < 1) throw new np.ValueError(`pieces must be a positive integer, got ${pieces}`);
    this.pieces = pieces;
    const dtype = options.dtype ?? 'float64';
    this.weight = new Parameter(np.zeros([outFeatures * pieces, inFeatures], { dtype }));
    this.bias = (options.bias ?? true) ? new Parameter(np.zeros([outFeatures * pieces], { dtype })) : null;
    this.resetParameters();
  }

  /** Re-draws the parameters as `Linear` does. @example m.resetParameters(); */
  resetParameters(): void {
    resetAffine(this.weight, this.bias);
  }

  /** The maximum over the pieces of the linear map. */
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.maxout(F.linear(x, this.weight, this.bias), this.pieces, -1);
  }

  override extraRepr(): string {
    return `inFeatures=${this.inFeatures}, outFeatures=${this.outFeatures}, pieces=${this.pieces}, bias=${this.bias !== null}`;
  }
}

/**
 * Flattens dims `startDim..endDim` into one (`torch.nn.Flatten`, defaults 1 and -1: each
 * sample of a batch becomes a vector).
 *
 * @example
 * new nn.Flatten().forward(ag.tensor(np.zeros([2, 3, 4]))).shape; // [2, 12]
 */
export class Flatten extends Module {
  /** First dim to flatten. */
  readonly startDim: number;
  /** Last dim to flatten. */
  readonly endDim: number;

  constructor(startDim = 1, endDim = -1) {
    super();
    this.startDim = startDim;
    this.endDim = endDim;
  }

  /** The reshaped input (a view). */
  override forward(x: ag.TensorLike): ag.Tensor {
    const t = F.identity(x);
    const nd = Math.max(t.ndim, 1);
    const norm = (d: number): number => {
      const r = d < 0 ? d + nd : d;
      if (r < 0 || r >= nd) throw new np.AxisError(`Dimension out of range (expected to be in range of [${-nd}, ${nd - 1}], but got ${d})`);
      return r;
    };
    const s = norm(this.startDim);
    const e = norm(this.endDim);
    if (s > e) throw new np.ValueError('flatten() has invalid args: start_dim cannot come after end_dim');
    if (t.ndim === 0) return t.reshape([1]);
    const mid = t.shape.slice(s, e + 1).reduce((a, b) => a * b, 1);
    return t.reshape([...t.shape.slice(0, s), mid, ...t.shape.slice(e + 1)]);
  }

  override extraRepr(): string {
    return `startDim=${this.startDim}, endDim=${this.endDim}`;
  }
}

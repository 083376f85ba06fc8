/**
 * Convolution and pooling layers over NCHW images: `Conv2d` (PyTorch's weight layout
 * `(out, in/groups, kh, kw)` and default initialisation), `MaxPool2d`, `AvgPool2d`.
 */
import * as np from '@numbat/ndarray';
import type * as ag from '@numbat/autograd';
import { Module, type FloatDType } from '../module.js';
import { Parameter } from '../parameter.js';
import * as F from '../functional/index.js';
import { checkSize, resetAffine } from './linear.js';

/** Options of {@link Conv2d}. */
export interface Conv2dLayerOptions extends F.Conv2dOptions {
  /** Learn an additive bias per output channel (default true). */
  bias?: boolean;
  /** The parameters' dtype (default 'float64'). */
  dtype?: FloatDType;
}

function pairOf(v: F.Pair): [number, number] {
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

function pairStr(v: F.Pair | string): string {
  return typeof v === 'string' ? `'${v}'` : `(${pairOf(v).join(', ')})`;
}

/**
 * A 2-d convolution layer (`torch.nn.Conv2d`) on `(N, C, H, W)` or `(C, H, W)` inputs:
 * `weight` `(outChannels, inChannels / groups, kh, kw)`, `bias` `(outChannels,)`,
 * initialised as PyTorch (kaiming-uniform with a = sqrt(5), bias U(+-1/sqrt(fanIn))).
 *
 * @example
 * const conv = new nn.Conv2d(1, 4, 3, { padding: 1 });
 * conv.forward(ag.tensor(np.zeros([2, 1, 8, 8]))).shape; // [2, 4, 8, 8]
 */
export class Conv2d extends Module {
  /** Input channels. */
  readonly inChannels: number;
  /** Output channels. */
  readonly outChannels: number;
  /** Kernel height and width. */
  readonly kernelSize: [number, number];
  /** The convolution's stride, padding, dilation and groups. */
  readonly options: Readonly<F.Conv2dOptions>;
  /** The weight, `(outChannels, inChannels / groups, kh, kw)`. */
  weight: Parameter;
  /** The bias, `(outChannels,)`, or null. */
  bias: Parameter | null;

  constructor(inChannels: number, outChannels: number, kernelSize: F.Pair, options: Conv2dLayerOptions = {}) {
    super();
    this.inChannels = checkSize(inChannels, 'in_channels');
    this.outChannels = checkSize(outChannels, 'out_channels');
    const groups = options.groups ?? 1;
    if (!Number.isInteger(groups) || groups < 1) throw new np.ValueError('groups must be a positive integer');
    if (inChannels % groups !== 0) throw new np.ValueError('in_channels must be divisible by groups');
    if (outChannels % groups !== 0) throw new np.ValueError('out_channels must be divisible by groups');
    const stride = options.stride ?? 1;
    if (options.padding === 'same' && pairOf(stride).some((s) => s !== 1)) throw new np.ValueError("padding='same' is not supported for strided convolutions");
    this.kernelSize = pairOf(kernelSize);
    if (!this.kernelSize.every((k) => Number.isInteger(k) && k >= 1)) throw new np.ValueError(`kernel_size must be positive integers, got ${JSON.stringify(kernelSize)}`);
    this.options = { stride, padding: options.padding ?? 0, dilation: options.dilation ?? 1, groups };
    const dtype = options.dtype ?? 'float64';
    this.weight = new Parameter(np.zeros([outChannels, inChannels / groups, ...this.kernelSize], { dtype }));
    this.bias = (options.bias ?? true) ? new Parameter(np.zeros([outChannels], { dtype })) : null;
    this.resetParameters();
  }

  /** Re-draws the parameters with PyTorch's default initialisation. @example conv.resetParameters(); */
  resetParameters(): void {
    resetAffine(this.weight, this.bias);
  }

  /** `F.conv2d(x, weight, bias, options)`. */
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.conv2d(x, this.weight, this.bias, this.options);
  }

  override extraRepr(): string {
    const o = this.options;
    let s = `${this.inChannels}, ${this.outChannels}, kernelSize=${pairStr(this.kernelSize)}, stride=${pairStr(o.stride ?? 1)}`;
    if (o.padding !== 0) s += `, padding=${pairStr(o.padding ?? 0)}`;
    if (pairOf(o.dilation ?? 1).some((d) => d !== 1)) s += `, dilation=${pairStr(o.dilation ?? 1)}`;
    if (o.groups !== 1) s += `, groups=${o.groups}`;
    if (this.bias === null) s += ', bias=false';
    return s;
  }
}

/**
 * 2-d max pooling (`torch.nn.MaxPool2d`); `stride` defaults to the kernel size.
 *
 * @example
 * new nn.MaxPool2d(2).forward(ag.tensor(np.zeros([1, 3, 8, 8]))).shape; // [1, 3, 4, 4]
 */
export class MaxPool2d extends Module {
  /** The window size. */
  readonly kernelSize: F.Pair;
  /** Stride, padding, dilation, ceilMode. */
  readonly options: Readonly<F.MaxPool2dOptions>;

  constructor(kernelSize: F.Pair, options: F.MaxPool2dOptions = {}) {
    super();
    this.kernelSize = kernelSize;
    this.options = { ...options };
  }

  /** `F.maxPool2d(x, kernelSize, options)`. */
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.maxPool2d(x, this.kernelSize, this.options);
  }

  override extraRepr(): string {
    const o = this.options;
    return `kernelSize=${JSON.stringify(this.kernelSize)}, stride=${JSON.stringify(o.stride ?? this.kernelSize)}, padding=${JSON.stringify(o.padding ?? 0)}, dilation=${JSON.stringify(o.dilation ?? 1)}, ceilMode=${o.ceilMode ?? false}`;
  }
}

/**
 * 2-d average pooling (`torch.nn.AvgPool2d`); `stride` defaults to the kernel size.
 *
 * @example
 * new nn.AvgPool2d(2).forward(ag.tensor(np.ones([1, 1, 4, 4]))).tolist(); // [[[[1, 1], [1, 1]]]]
 */
export class AvgPool2d extends Module {
  /** The window size. */
  readonly kernelSize: F.Pair;
  /** Stride, padding, ceilMode, countIncludePad, divisorOverride. */
  readonly options: Readonly<F.AvgPool2dOptions>;

  constructor(kernelSize: F.Pair, options: F.AvgPool2dOptions = {}) {
    super();
    this.kernelSize = kernelSize;
    this.options = { ...options };
  }

  /** `F.avgPool2d(x, kernelSize, options)`. */
  override forward(x: ag.TensorLike): ag.Tensor {
    return F.avgPool2d(x, this.kernelSize, this.options);
  }

  override extraRepr(): string {
    const o = this.options;
    return `kernelSize=${JSON.stringify(this.kernelSize)}, stride=${JSON.stringify(o.stride ?? this.kernelSize)}, padding=${JSON.stringify(o.padding ?? 0)}`;
  }
}

/**
 * `nn.init`: weight initialisation (`torch.nn.init`), in place on a Parameter's (or any
 * tensor's or NDArray's) values, returning it. PyTorch's trailing underscore is dropped
 * (`uniform_` is `nn.init.uniform`).
 *
 * Random draws come from the `rng` option (a `np.random.Generator` or `RandomState`) or
 * from NumPy's global legacy state, so `np.random.seed(0)` makes every layer's default
 * initialisation reproducible, and equal to NumPy's `np.random.uniform` / `normal` draws
 * for the same seed. Values are drawn in float64 and cast to the tensor's dtype.
 *
 * Mode and nonlinearity names are accepted both as PyTorch spells them (`'fan_in'`,
 * `'leaky_relu'`) and camelCased (`'fanIn'`, `'leakyRelu'`).
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import { normalArray, uniformArray, type RngOptions } from './functional/common.js';

/** What `nn.init` functions fill: a tensor (a Parameter) or an NDArray. */
export type Initializable = ag.Tensor | np.NDArray;

/** The nonlinearities of {@link calculateGain}. */
export type Nonlinearity =
  | 'linear' | 'conv1d' | 'conv2d' | 'conv3d' | 'conv_transpose1d' | 'conv_transpose2d' | 'conv_transpose3d'
  | 'convTranspose1d' | 'convTranspose2d' | 'convTranspose3d'
  | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'leakyRelu' | 'selu';

/** The fan of {@link kaimingUniform} / {@link kaimingNormal}. */
export type FanMode = 'fan_in' | 'fan_out' | 'fanIn' | 'fanOut';

/** Options of {@link kaimingUniform} and {@link kaimingNormal}. */
export interface KaimingOptions extends RngOptions {
  /** The negative slope of the leaky ReLU that follows (default 0). */
  a?: number;
  /** Preserve the variance of the forward ('fanIn', default) or the backward pass ('fanOut'). */
  mode?: FanMode;
  /** The nonlinearity that follows (default 'leakyRelu', as PyTorch). */
  nonlinearity?: Nonlinearity;
}

function arrayOf(t: Initializable): np.NDArray {
  return t instanceof ag.Tensor ? t.data : t;
}

function fill<T extends Initializable>(t: T, values: np.NDArray | number): T {
  const a = arrayOf(t);
  if (a.size > 0) a.set('...', values);
  return t;
}

const LINEAR = new Set(['linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d', 'convTranspose1d', 'convTranspose2d', 'convTranspose3d']);

/**
 * The recommended gain for a nonlinearity (`torch.nn.init.calculate_gain`): 1 for linear
 * maps and sigmoid, 5/3 for tanh, sqrt(2) for ReLU, sqrt(2 / (1 + slope^2)) for leaky
 * ReLU (`param`, default 0.01), 3/4 for SELU.
 *
 * @example
 * nn.init.calculateGain('relu'); // 1.4142135623730951
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number | null): number {
  if (LINEAR.has(nonlinearity) || nonlinearity === 'sigmoid') return 1;
  if (nonlinearity === 'tanh') return 5.0 / 3;
  if (nonlinearity === 'relu') return Math.sqrt(2.0);
  if (nonlinearity === 'leaky_relu' || nonlinearity === 'leakyRelu') {
    const slope = param ?? 0.01;
    if (typeof slope !== 'number') throw new np.ValueError(`negative_slope ${String(slope)} not a valid number`);
    return Math.sqrt(2.0 / (1 + slope ** 2));
  }
  if (nonlinearity === 'selu') return 3.0 / 4;
  throw new np.ValueError(`Unsupported nonlinearity ${String(nonlinearity)}`);
}

/**
 * `[fanIn, fanOut]` of a weight (`_calculate_fan_in_and_fan_out`): dim 1 and dim 0 times
 * the receptive field (the product of the dims after the first two). Throws for fewer
 * than 2 dims.
 *
 * @example
 * nn.init.calculateFanInAndFanOut(np.zeros([16, 3, 5, 5])); // [75, 400]
 */
export function calculateFanInAndFanOut(t: Initializable): [number, number] {
  const shape = arrayOf(t).shape;
  if (shape.length < 2) throw new np.ValueError('Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  const receptive = shape.slice(2).reduce((a, b) => a * b, 1);
  return [shape[1]! * receptive, shape[0]! * receptive];
}

function correctFan(t: Initializable, mode: FanMode): number {
  const [fanIn, fanOut] = calculateFanInAndFanOut(t);
  if (mode === 'fan_in' || mode === 'fanIn') return fanIn;
  if (mode === 'fan_out' || mode === 'fanOut') return fanOut;
  throw new np.ValueError(`Mode ${String(mode)} not supported, please use one of fan_in, fan_out`);
}

/**
 * Fills with draws from U(a, b) (`torch.nn.init.uniform_`; default U(0, 1)).
 *
 * @example
 * np.random.seed(0);
 * nn.init.uniform(layer.weight, -0.1, 0.1);
 */
export function uniform<T extends Initializable>(t: T, a = 0, b = 1, options: RngOptions = {}): T {
  const arr = arrayOf(t);
  return arr.size === 0 ? t : fill(t, uniformArray(arr.shape, a, b, 'float64', options.rng));
}

/**
 * Fills with draws from N(mean, std^2) (`torch.nn.init.normal_`; default N(0, 1)).
 *
 * @example
 * nn.init.normal(layer.weight, 0, 0.01, { rng: np.random.defaultRng(0) });
 */
export function normal<T extends Initializable>(t: T, mean = 0, std = 1, options: RngOptions = {}): T {
  const arr = arrayOf(t);
  return arr.size === 0 ? t : fill(t, normalArray(arr.shape, mean, std, 'float64', options.rng));
}

/** Fills with `value` (`torch.nn.init.constant_`). @example nn.init.constant(layer.bias!, 0.1); */
export function constant<T extends Initializable>(t: T, value: number): T {
  return fill(t, value);
}

/** Fills with zeros (`torch.nn.init.zeros_`). @example nn.init.zeros(layer.bias!); */
export function zeros<T extends Initializable>(t: T): T {
  return fill(t, 0);
}

/** Fills with ones (`torch.nn.init.ones_`). @example nn.init.ones(bn.weight!); */
export function ones<T extends Initializable>(t: T): T {
  return fill(t, 1);
}

/**
 * Glorot/Xavier uniform (`torch.nn.init.xavier_uniform_`): U(-a, a) with
 * `a = gain * sqrt(6 / (fanIn + fanOut))`.
 *
 * @example
 * nn.init.xavierUniform(layer.weight, nn.init.calculateGain('tanh'));
 */
export function xavierUniform<T extends Initializable>(t: T, gain = 1, options: RngOptions = {}): T {
  const [fanIn, fanOut] = calculateFanInAndFanOut(t);
  const std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
  const a = Math.sqrt(3.0) * std;
  return uniform(t, -a, a, options);
}

/**
 * Glorot/Xavier normal (`torch.nn.init.xavier_normal_`): N(0, std^2) with
 * `std = gain * sqrt(2 / (fanIn + fanOut))`.
 *
 * @example
 * nn.init.xavierNormal(layer.weight);
 */
export function xavierNormal<T extends Initializable>(t: T, gain = 1, options: RngOptions = {}): T {
  const [fanIn, fanOut] = calculateFanInAndFanOut(t);
  const std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
  return normal(t, 0, std, options);
}

/**
 * He/Kaiming uniform (`torch.nn.init.kaiming_uniform_`): U(-b, b) with
 * `b = sqrt(3) * gain / sqrt(fan)`, `gain = calculateGain(nonlinearity, a)`; defaults
 * `a = 0`, `mode: 'fanIn'`, `nonlinearity: 'leakyRelu'`. PyTorch's `Linear` and `Conv2d`
 * use `a = sqrt(5)`, i.e. U(-1/sqrt(fanIn), 1/sqrt(fanIn)). A 0-size tensor is left as is.
 *
 * @example
 * nn.init.kaimingUniform(layer.weight, { nonlinearity: 'relu' });
 */
export function kaimingUniform<T extends Initializable>(t: T, options: KaimingOptions = {}): T {
  if (arrayOf(t).size === 0) return t;
  const fan = correctFan(t, options.mode ?? 'fan_in');
  const gain = calculateGain(options.nonlinearity ?? 'leaky_relu', options.a ?? 0);
  const std = gain / Math.sqrt(fan);
  const bound = Math.sqrt(3.0) * std;
  return uniform(t, -bound, bound, options);
}

/**
 * He/Kaiming normal (`torch.nn.init.kaiming_normal_`): N(0, std^2) with
 * `std = gain / sqrt(fan)`; options as {@link kaimingUniform}.
 *
 * @example
 * nn.init.kaimingNormal(conv.weight, { mode: 'fanOut', nonlinearity: 'relu' });
 */
export function kaimingNormal<T extends Initializable>(t: T, options: KaimingOptions = {}): T {
  if (arrayOf(t).size === 0) return t;
  const fan = correctFan(t, options.mode ?? 'fan_in');
  const gain = calculateGain(options.nonlinearity ?? 'leaky_relu', options.a ?? 0);
  return normal(t, 0, gain / Math.sqrt(fan), options);
}

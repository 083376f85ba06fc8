/**
 * Convolution and pooling on NCHW images (`torch.nn.functional.conv2d`, `max_pool2d`,
 * `avg_pool2d`, `unfold`, `fold`), all on the sliding-window primitive of `unfold.ts`:
 *
 * - `conv2d` is im2col + one batched matmul: the windows `(N, G, C/G*kh*kw, oh*ow)` times
 *   the weight `(G, O/G, C/G*kh*kw)`; its gradients are the matmul's and col2im's.
 * - `maxPool2d` gathers each window's first maximum (`takeAlongAxis` at the argmax, so the
 *   gradient goes to that one element, as PyTorch; windows are padded with -inf and a NaN
 *   wins, so NaN propagates).
 * - `avgPool2d` sums each window and divides by PyTorch's divisor (`countIncludePad`,
 *   `divisorOverride`, the clipped windows of `ceilMode`).
 *
 * Sizes follow PyTorch: `out = floor((in + 2p - d(k-1) - 1) / s) + 1` (ceil with
 * `ceilMode`, dropping a last window that would start in the right padding). Inputs may
 * be batched `(N, C, H, W)` or unbatched `(C, H, W)`.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import { sizeStr, toTensor } from './common.js';
import { foldWindows, unfoldWindows, type WindowGeometry } from './unfold.js';

/** An integer for both spatial dims, or one per dim `[height, width]`. */
export type Pair = number | readonly [number, number];

/** Options of {@link conv2d}. */
export interface Conv2dOptions {
  /** Step between windows (default 1). */
  stride?: Pair;
  /** Zeros added on each side (default 0); 'valid' is 0, 'same' keeps the size (stride 1 only). */
  padding?: Pair | 'valid' | 'same';
  /** Spacing between kernel elements (default 1). */
  dilation?: Pair;
  /** Split the channels into this many independent groups (default 1). */
  groups?: number;
}

/** Options of {@link maxPool2d}. */
export interface MaxPool2dOptions {
  /** Step between windows (default: the kernel size). */
  stride?: Pair | null;
  /** -inf added on each side (default 0; at most half the effective kernel). */
  padding?: Pair;
  /** Spacing between window elements (default 1). */
  dilation?: Pair;
  /** Round the output size up instead of down (default false). */
  ceilMode?: boolean;
}

/** Options of {@link avgPool2d}. */
export interface AvgPool2dOptions {
  /** Step between windows (default: the kernel size). */
  stride?: Pair | null;
  /** Zeros added on each side (default 0; at most half the kernel). */
  padding?: Pair;
  /** Round the output size up instead of down (default false). */
  ceilMode?: boolean;
  /** Count padding zeros in the divisor (default true). */
  countIncludePad?: boolean;
  /** Divide every window by this instead (default: the window size). */
  divisorOverride?: number | null;
}

/** Options of {@link unfold} and {@link fold}. */
export interface UnfoldOptions {
  /** Spacing between kernel elements (default 1). */
  dilation?: Pair;
  /** Zeros added on each side (default 0). */
  padding?: Pair;
  /** Step between windows (default 1). */
  stride?: Pair;
}

function pair(v: Pair, name: string, min: number): [number, number] {
  const p: [number, number] = typeof v === 'number' ? [v, v] : [v[0], v[1]];
  if (p.length !== 2 || !p.every((x) => Number.isInteger(x) && x >= min)) {
    throw new np.ValueError(`${name} must be ${min === 0 ? 'a non-negative' : 'a positive'} integer or a pair of them, got ${JSON.stringify(v)}`);
  }
  return p;
}

/** PyTorch's pooling output size (`pooling_output_shape`). */
function pooledSize(size: number, k: number, pad: number, stride: number, dilation: number, ceil: boolean): number {
  const span = size + 2 * pad - dilation * (k - 1) - 1;
  let out = Math.floor((span + (ceil ? stride - 1 : 0)) / stride) + 1;
  // the last window must start inside the image or its left padding
  if (ceil && (out - 1) * stride >= size + pad) out--;
  return out;
}

/** `(N, C, H, W)` from a 3-d or 4-d input, and whether a batch dim was added. */
function batched(x: ag.Tensor, op: string): [ag.Tensor, boolean] {
  if (x.ndim === 4) return [x, false];
  if (x.ndim === 3) return [x.reshape([1, ...x.shape]), true];
  throw new np.ValueError(`Expected 3D (unbatched) or 4D (batched) input to ${op}, but got input of size: ${sizeStr(x.shape)}`);
}

function asFloat(x: ag.Tensor): ag.Tensor {
  return np.DTYPES[x.dtype].kind === 'f' ? x : x.astype('float64');
}

/**
 * 2-d convolution (cross-correlation, as every deep-learning library) of a batch
 * `(N, C, H, W)` (or one image `(C, H, W)`) with `weight` `(O, C/groups, kh, kw)` plus an
 * optional `bias` `(O,)` (`torch.nn.functional.conv2d`). The weights are the caller's
 * tensors (hypernetworks welcome); gradients reach `x`, `weight` and `bias`.
 *
 * @example
 * const x = ag.tensor(np.arange(16, { dtype: 'float64' }).reshape(1, 1, 4, 4));
 * F.conv2d(x, ag.tensor(np.ones([1, 1, 2, 2])), null, { stride: 2 }); // tensor([[[[10., 18.], [42., 50.]]]])
 */
export function conv2d(x: ag.TensorLike, weight: ag.TensorLike, bias: ag.TensorLike | null = null, options: Conv2dOptions = {}): ag.Tensor {
  const [xb, added] = batched(asFloat(toTensor(x)), 'conv2d');
  const w = asFloat(toTensor(weight));
  if (w.ndim !== 4) throw new np.ValueError(`conv2d: expected a 4D weight (out_channels, in_channels/groups, kH, kW), got size ${sizeStr(w.shape)}`);
  const groups = options.groups ?? 1;
  if (!Number.isInteger(groups) || groups < 1) throw new np.ValueError('non-positive groups is not supported');
  const [nb, ch, h, wd] = xb.shape as [number, number, number, number];
  const [oc, cg, kh, kw] = w.shape as [number, number, number, number];
  if (ch !== cg * groups) {
    throw new np.ValueError(`Given groups=${groups}, weight of size ${sizeStr(w.shape)}, expected input${sizeStr(xb.shape)} to have ${cg * groups} channels, but got ${ch} channels instead`);
  }
  if (oc % groups !== 0) throw new np.ValueError('out_channels must be divisible by groups');
  const [sh, sw] = pair(options.stride ?? 1, 'stride', 1);
  const [dh, dw] = pair(options.dilation ?? 1, 'dilation', 1);
  let pads: [number, number, number, number]; // top, bottom, left, right
  const padding = options.padding ?? 0;
  if (padding === 'valid') pads = [0, 0, 0, 0];
  else if (padding === 'same') {
    if (sh !== 1 || sw !== 1) throw new np.ValueError("padding='same' is not supported for strided convolutions");
    // PyTorch puts the odd padding element on the bottom/right
    const th = dh * (kh - 1), tw = dw * (kw - 1);
    pads = [Math.floor(th / 2), th - Math.floor(th / 2), Math.floor(tw / 2), tw - Math.floor(tw / 2)];
  } else {
    const [ph, pw] = pair(padding, 'padding', 0);
    pads = [ph, ph, pw, pw];
  }
  const hp = h + pads[0] + pads[1], wp = wd + pads[2] + pads[3];
  const ekh = dh * (kh - 1) + 1, ekw = dw * (kw - 1) + 1;
  if (hp < ekh || wp < ekw) {
    throw new np.ValueError(`Calculated padded input size per channel: (${hp} x ${wp}). Kernel size: (${ekh} x ${ekw}). Kernel size can't be greater than actual input size`);
  }
  const g: WindowGeometry = {
    h, w: wd, kh, kw, sh, sw, pt: pads[0], pl: pads[2], dh, dw,
    oh: Math.floor((hp - ekh) / sh) + 1, ow: Math.floor((wp - ekw) / sw) + 1, padValue: 0,
  };
  const k = cg * kh * kw;
  const cols = unfoldWindows(xb, g).reshape([nb, groups, k, g.oh * g.ow]);
  let out = w.reshape([groups, oc / groups, k]).matmul(cols).reshape([nb, oc, g.oh, g.ow]);
  if (bias !== null) {
    const b = toTensor(bias);
    if (b.ndim !== 1 || b.shape[0] !== oc) throw new np.ValueError(`conv2d: expected a bias of size [${oc}], got ${sizeStr(b.shape)}`);
    out = out.add(b.reshape([oc, 1, 1]));
  }
  return added ? out.reshape(out.shape.slice(1)) : out;
}

interface PoolGeometry {
  g: WindowGeometry;
  x: ag.Tensor;
  added: boolean;
}

function poolGeometry(x: ag.TensorLike, op: string, kernelSize: Pair, stride: Pair | null | undefined, padding: Pair, dilation: Pair, ceil: boolean, padValue: number): PoolGeometry {
  const [xb, added] = batched(asFloat(toTensor(x)), op);
  const [kh, kw] = pair(kernelSize, 'kernel_size', 1);
  const [sh, sw] = pair(stride ?? kernelSize, 'stride', 1);
  const [ph, pw] = pair(padding, 'padding', 0);
  const [dh, dw] = pair(dilation, 'dilation', 1);
  if (op === 'max_pool2d' && (ph > Math.floor((dh * (kh - 1) + 1) / 2) || pw > Math.floor((dw * (kw - 1) + 1) / 2))) {
    throw new np.ValueError(`pad should be at most half of effective kernel size, but got pad=${Math.max(ph, pw)}, kernel_size=${ph > pw ? kh : kw} and dilation=${ph > pw ? dh : dw}`);
  }
  if (op === 'avg_pool2d' && (ph > Math.floor(kh / 2) || pw > Math.floor(kw / 2))) {
    throw new np.ValueError(`pad should be at most half of kernel size, but got pad=${Math.max(ph, pw)} and kernel_size=${ph > pw ? kh : kw}`);
  }
  const [, ch, h, w] = xb.shape as [number, number, number, number];
  const oh = pooledSize(h, kh, ph, sh, dh, ceil);
  const ow = pooledSize(w, kw, pw, sw, dw, ceil);
  if (oh < 1 || ow < 1) throw new np.ValueError(`Given input size: (${ch}x${h}x${w}). Calculated output size: (${ch}x${oh}x${ow}). Output size is too small`);
  return { g: { h, w, kh, kw, sh, sw, pt: ph, pl: pw, dh, dw, oh, ow, padValue }, x: xb, added };
}

function unbatch(out: ag.Tensor, added: boolean): ag.Tensor {
  return added ? out.reshape(out.shape.slice(1)) : out;
}

/**
 * 2-d max pooling (`torch.nn.functional.max_pool2d`): the maximum of every
 * `kernelSize` window, `stride` defaulting to the kernel size. The gradient goes to the
 * first maximum of each window (PyTorch's); NaN propagates.
 *
 * @example
 * const x = ag.tensor(np.arange(16, { dtype: 'float64' }).reshape(1, 1, 4, 4));
 * F.maxPool2d(x, 2); // tensor([[[[ 5.,  7.], [13., 15.]]]])
 */
export function maxPool2d(x: ag.TensorLike, kernelSize: Pair, options: MaxPool2dOptions = {}): ag.Tensor {
  const { g, x: xb, added } = poolGeometry(x, 'max_pool2d', kernelSize, options.stride, options.padding ?? 0, options.dilation ?? 1, options.ceilMode ?? false, -Infinity);
  const [nb, ch] = xb.shape as [number, number];
  const windows = unfoldWindows(xb, g);
  const idx = np.argmax(windows.data, 2, { keepdims: true });
  return unbatch(ag.takeAlongAxis(windows, idx, 2).reshape([nb, ch, g.oh, g.ow]), added);
}

/** PyTorch's per-window divisors of average pooling, `(oh * ow)` values. */
function avgDivisors(g: WindowGeometry, countIncludePad: boolean): Float64Array {
  const d = new Float64Array(g.oh * g.ow);
  for (let oi = 0; oi < g.oh; oi++) {
    let h0 = oi * g.sh - g.pt;
    let h1 = Math.min(h0 + g.kh, g.h + g.pt);
    const poolH = h1 - h0;
    h0 = Math.max(h0, 0);
    h1 = Math.min(h1, g.h);
    for (let oj = 0; oj < g.ow; oj++) {
      let w0 = oj * g.sw - g.pl;
      let w1 = Math.min(w0 + g.kw, g.w + g.pl);
      const poolW = w1 - w0;
      w0 = Math.max(w0, 0);
      w1 = Math.min(w1, g.w);
      d[oi * g.ow + oj] = countIncludePad ? poolH * poolW : (h1 - h0) * (w1 - w0);
    }
  }
  return d;
}

/**
 * 2-d average pooling (`torch.nn.functional.avg_pool2d`): the mean of every window,
 * `stride` defaulting to the kernel size; padding zeros count in the divisor unless
 * `countIncludePad: false`; `divisorOverride` replaces the divisor.
 *
 * @example
 * const x = ag.tensor(np.arange(16, { dtype: 'float64' }).reshape(1, 1, 4, 4));
 * F.avgPool2d(x, 2); // tensor([[[[ 2.5,  4.5], [10.5, 12.5]]]])
 */
export function avgPool2d(x: ag.TensorLike, kernelSize: Pair, options: AvgPool2dOptions = {}): ag.Tensor {
  const { g, x: xb, added } = poolGeometry(x, 'avg_pool2d', kernelSize, options.stride, options.padding ?? 0, 1, options.ceilMode ?? false, 0);
  const [nb, ch] = xb.shape as [number, number];
  const override = options.divisorOverride ?? null;
  if (override !== null && !(override !== 0)) throw new np.ValueError('divisor must be not zero');
  const sums = unfoldWindows(xb, g).sum(2);
  const divisor = override !== null ? override : np.astype(np.asarray(avgDivisors(g, options.countIncludePad ?? true)), xb.dtype);
  return unbatch(sums.div(divisor).reshape([nb, ch, g.oh, g.ow]), added);
}

/**
 * The sliding windows of a batch `(N, C, H, W)` as columns `(N, C*kh*kw, L)`
 * (`torch.nn.functional.unfold`, im2col), channel-major then kernel row, column.
 *
 * @example
 * F.unfold(ag.tensor(np.ones([1, 2, 3, 3])), 2).shape; // [1, 8, 4]
 */
export function unfold(x: ag.TensorLike, kernelSize: Pair, options: UnfoldOptions = {}): ag.Tensor {
  const xt = asFloat(toTensor(x));
  if (xt.ndim !== 4) throw new np.ValueError(`Input Error: Only 4D input Tensors are supported (got ${xt.ndim}D)`);
  const [nb, ch, h, w] = xt.shape as [number, number, number, number];
  const g = windowGeometry(h, w, kernelSize, options);
  return unfoldWindows(xt, g).reshape([nb, ch * g.kh * g.kw, g.oh * g.ow]);
}

/**
 * The adjoint of {@link unfold}: columns `(N, C*kh*kw, L)` summed back onto images of
 * `outputSize` `(N, C, H, W)` (`torch.nn.functional.fold`, col2im).
 *
 * @example
 * F.fold(F.unfold(ag.tensor(np.ones([1, 1, 3, 3])), 2), [3, 3], 2); // counts of windows per pixel
 */
export function fold(cols: ag.TensorLike, outputSize: Pair, kernelSize: Pair, options: UnfoldOptions = {}): ag.Tensor {
  const ct = asFloat(toTensor(cols));
  if (ct.ndim !== 3) throw new np.ValueError(`Input Error: Only 3D input Tensors are supported (got ${ct.ndim}D)`);
  const [h, w] = pair(outputSize, 'output_size', 1);
  const g = windowGeometry(h, w, kernelSize, options);
  const [nb, ckk, l] = ct.shape as [number, number, number];
  const k = g.kh * g.kw;
  if (ckk % k !== 0) throw new np.ValueError(`Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)=${ckk} and kernel_size=(${g.kh}, ${g.kw})`);
  if (l !== g.oh * g.ow) throw new np.ValueError(`Given output_size=(${h}, ${w}), kernel_size=(${g.kh}, ${g.kw}), dilation=(${g.dh}, ${g.dw}), padding=(${g.pt}, ${g.pl}), stride=(${g.sh}, ${g.sw}), expected size of input's dimension 2 to match the calculated number of sliding blocks ${g.oh} * ${g.ow} = ${g.oh * g.ow}, but got input.size(2)=${l}.`);
  return foldWindows(ct.reshape([nb, ckk / k, k, l]), g);
}

function windowGeometry(h: number, w: number, kernelSize: Pair, options: UnfoldOptions): WindowGeometry {
  const [kh, kw] = pair(kernelSize, 'kernel_size', 1);
  const [sh, sw] = pair(options.stride ?? 1, 'stride', 1);
  const [ph, pw] = pair(options.padding ?? 0, 'padding', 0);
  const [dh, dw] = pair(options.dilation ?? 1, 'dilation', 1);
  const oh = Math.floor((h + 2 * ph - dh * (kh - 1) - 1) / sh) + 1;
  const ow = Math.floor((w + 2 * pw - dw * (kw - 1) - 1) / sw) + 1;
  if (oh < 1 || ow < 1) throw new np.ValueError(`Given input with spatial size (${h}, ${w}), kernel_size=(${kh}, ${kw}), dilation=(${dh}, ${dw}), padding=(${ph}, ${pw}), calculated shape of the array of sliding blocks as (${oh}, ${ow}), but its components must be at least one.`);
  return { h, w, kh, kw, sh, sw, pt: ph, pl: pw, dh, dw, oh, ow, padValue: 0 };
}

/**
 * `nn.functional` examples, edge cases and error messages (no NumPy needed): the doc
 * comments' examples, conv2d and pooling against the naive reference of
 * `test/reference/nn.ts` over random geometries, conventions at the kinks, dtypes,
 * reductions, and every validation message.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { expectThrows, pick, randInt, seededRandom } from '../../../test/helpers.js';
import { refAvgPool2d, refConv2d, refMaxPool2d, type Plain4 } from '../../../test/reference/nn.js';
import { toPlain } from '../../../test/reference/plain.js';

const F = nn.functional;

function rnd(shape: number[], seed: number, lo = -2, hi = 2): np.NDArray {
  const r = seededRandom(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return np.reshape(np.asarray(Float64Array.from({ length: n }, () => lo + (hi - lo) * r())), shape);
}

function close(actual: ag.Tensor, ref: Plain4, tol = 1e-12): string | null {
  const p = toPlain(actual.data);
  if (JSON.stringify(p.shape) !== JSON.stringify(ref.shape)) return `shape ${JSON.stringify(p.shape)} vs ${JSON.stringify(ref.shape)}`;
  for (let i = 0; i < ref.values.length; i++) {
    const a = Number(p.values[i]);
    const e = ref.values[i]!;
    if (!(Math.abs(a - e) <= tol * (1 + Math.abs(e)))) return `at ${i}: ${a} vs ${e}`;
  }
  return null;
}

const closeTo = (t: ag.Tensor, v: number, tol = 1e-12): boolean => Math.abs(t.item() - v) <= tol * Math.max(1, Math.abs(v));

describe('examples from the doc comments', () => {
  it('activations', () => {
    expect(F.heaviside(ag.tensor([-1, 0, 2])).tolist()).toEqual([0, 1, 1]);
    expect(F.sigmoid(ag.tensor([0])).tolist()).toEqual([0.5]);
    expect(F.softsign(ag.tensor([1])).tolist()).toEqual([0.5]);
    expect(F.isru(ag.tensor([1]), 3).tolist()).toEqual([0.5]);
    expect(F.leakyRelu(ag.tensor([-2, 3]), 0.1).tolist()).toEqual([-0.2, 3]);
    expect(F.prelu(ag.tensor([[-1, 2]]), ag.tensor([0.25])).tolist()).toEqual([[-0.25, 2]]);
    expect(F.elu(ag.tensor([-1000, 0, 2])).tolist()).toEqual([-1, 0, 2]);
    expect(F.softplus(ag.tensor([1000])).tolist()).toEqual([1000]);
    expect(F.softmax(ag.tensor([[1000, 1000]]), 1).tolist()).toEqual([[0.5, 0.5]]);
    expect(F.maxout(ag.tensor([[1, 5, 3, 2]]), 2).tolist()).toEqual([[5, 3]]);
    expect(closeTo(F.rrelu(ag.tensor([-1])).get(0), -(1 / 8 + 1 / 3) / 2)).toBe(true);
    const x = ag.tensor([1, 2]);
    expect(F.identity(x) === x).toBe(true);
  });

  it('losses', () => {
    expect(F.mseLoss(ag.tensor([1, 2]), ag.tensor([1, 4])).item()).toBe(2);
    expect(F.l1Loss(ag.tensor([1, 2]), ag.tensor([1, 4])).item()).toBe(1);
    expect(F.huberLoss(ag.tensor([0, 3]), ag.tensor([0.5, 0]), { reduction: 'none' }).tolist()).toEqual([0.125, 2.5]);
    expect(F.smoothL1Loss(ag.tensor([0, 3]), ag.tensor([0.5, 0]), { reduction: 'none' }).tolist()).toEqual([0.125, 2.5]);
    expect(closeTo(F.bceLoss(ag.tensor([0.5]), ag.tensor([1])), Math.LN2)).toBe(true);
    expect(F.bceWithLogitsLoss(ag.tensor([1000, -1000]), ag.tensor([1, 0])).item()).toBe(0);
    expect(F.crossEntropyLoss(ag.tensor([[1000, -1000]]), [0]).item()).toBe(0);
    expect(closeTo(F.crossEntropyLoss(ag.tensor([[0, 0]]), ag.tensor([[0.5, 0.5]])), Math.LN2)).toBe(true);
    expect(F.nllLoss(ag.tensor([[-1, -2], [-3, -0.5]]), [0, 1]).item()).toBe(0.75);
    expect(F.hingeLoss(ag.tensor([2, 0.5, -1]), ag.tensor([1, 1, 1]), { reduction: 'none' }).tolist()).toEqual([0, 0.5, 2]);
    expect(F.hingeEmbeddingLoss(ag.tensor([0.3, 0.3]), ag.tensor([1, -1]), { reduction: 'none' }).tolist()).toEqual([0.3, 0.7]);
    expect(closeTo(F.multiMarginLoss(ag.tensor([[0.1, 0.2, 0.4, 0.8]]), [3]), 0.325)).toBe(true);
    expect(F.gaussianNllLoss(ag.tensor([0]), ag.tensor([1]), ag.tensor([1])).item()).toBe(0.5);
    expect(closeTo(F.l1Penalty([ag.tensor([1, -2])], 0.1), 0.3)).toBe(true);
    expect(closeTo(F.l2Penalty([ag.tensor([1, -2])], 0.1), 0.25)).toBe(true);
    expect(F.l1Penalty([], 1).item()).toBe(0);
  });

  it('layers', () => {
    expect(F.linear(ag.tensor([[1, 2]]), ag.tensor([[1, 0], [0, 1], [1, 1]]), ag.tensor([0, 0, 1])).tolist()).toEqual([[1, 2, 4]]);
    expect(F.linear(ag.tensor([1, 2]), ag.tensor([3, 4])).item()).toBe(11);
    const x = ag.tensor(np.arange(16, { dtype: 'float64' }).reshape(1, 1, 4, 4));
    expect(F.conv2d(x, ag.tensor(np.ones([1, 1, 2, 2])), null, { stride: 2 }).tolist()).toEqual([[[[10, 18], [42, 50]]]]);
    expect(F.maxPool2d(x, 2).tolist()).toEqual([[[[5, 7], [13, 15]]]]);
    expect(F.avgPool2d(x, 2).tolist()).toEqual([[[[2.5, 4.5], [10.5, 12.5]]]]);
    expect(F.unfold(ag.tensor(np.ones([1, 2, 3, 3])), 2).shape).toEqual([1, 8, 4]);
    const rm = np.zeros(2);
    const rv = np.ones(2);
    F.batchNorm(ag.tensor([[1, 2], [3, 6]]), rm, rv, { training: true });
    expect(np.allclose(rm, np.array([0.2, 0.4]))).toBe(true);
    expect(np.allclose(rv, np.array([0.9 + 0.1 * 2, 0.9 + 0.1 * 8]))).toBe(true);
  });
});

describe('conv2d and pooling against the naive reference', () => {
  it('conv2d: random stride, padding, dilation, groups, bias', () => {
    for (let s = 0; s < 30; s++) {
      const r = seededRandom(50 + s);
      const groups = pick(r, [1, 2]);
      const c = groups * randInt(r, 1, 2);
      const o = groups * randInt(r, 1, 2);
      const kh = randInt(r, 1, 3);
      const kw = randInt(r, 1, 3);
      const opts = {
        stride: [randInt(r, 1, 2), randInt(r, 1, 2)] as [number, number],
        padding: [randInt(r, 0, 1), randInt(r, 0, 2)] as [number, number],
        dilation: [randInt(r, 1, 2), randInt(r, 1, 2)] as [number, number],
        groups,
      };
      const x = rnd([randInt(r, 1, 2), c, 5 + randInt(r, 0, 2), 5 + randInt(r, 0, 2)], s);
      const w = rnd([o, c / groups, kh, kw], s + 100);
      const b = r() < 0.5 ? rnd([o], s + 200) : null;
      expect(close(F.conv2d(x, w, b, opts), refConv2d(x, w, b, opts)), JSON.stringify(opts)).toBeNull();
    }
  });

  it('conv2d on non-contiguous input and weight views', () => {
    const x = np.transpose(rnd([6, 5, 3, 2], 1), [3, 2, 1, 0]); // (2, 3, 5, 6), Fortran-like
    const w = np.flip(rnd([4, 3, 2, 2], 2), 0);
    const opts = { stride: [1, 1] as [number, number], padding: [1, 0] as [number, number], dilation: [1, 1] as [number, number], groups: 1 };
    expect(close(F.conv2d(x, w, null, opts), refConv2d(x, w, null, opts))).toBeNull();
  });

  it('maxPool2d and avgPool2d: random kernels, strides, padding, dilation, ceilMode, countIncludePad', () => {
    for (let s = 0; s < 30; s++) {
      const r = seededRandom(300 + s);
      const k: [number, number] = [randInt(r, 1, 3), randInt(r, 1, 3)];
      const st: [number, number] = [randInt(r, 1, 3), randInt(r, 1, 2)];
      const p: [number, number] = [randInt(r, 0, Math.floor(k[0] / 2)), randInt(r, 0, Math.floor(k[1] / 2))];
      const d: [number, number] = [randInt(r, 1, 2), 1];
      const ceil = r() < 0.5;
      const incl = r() < 0.5;
      const x = rnd([randInt(r, 1, 2), randInt(r, 1, 3), d[0] * (k[0] - 1) + 1 + randInt(r, 0, 4), k[1] + randInt(r, 0, 4)], s);
      expect(close(F.maxPool2d(x, k, { stride: st, padding: p, dilation: d, ceilMode: ceil }), refMaxPool2d(x, k, st, p, d, ceil))).toBeNull();
      expect(close(F.avgPool2d(x, k, { stride: st, padding: p, ceilMode: ceil, countIncludePad: incl }), refAvgPool2d(x, k, st, p, ceil, incl))).toBeNull();
    }
  });

  it('pooling of unbatched (C, H, W) input, NaN propagates through max pooling', () => {
    const x = rnd([2, 4, 4], 3);
    expect(F.maxPool2d(x, 2).shape).toEqual([2, 2, 2]);
    expect(F.avgPool2d(x, 2).tolist()).toEqual(F.avgPool2d(np.expandDims(x, 0), 2).get(0).tolist());
    const withNan = np.copy(x);
    withNan.set([0, 0, 1], NaN);
    expect(Number.isNaN(F.maxPool2d(withNan, 2).data.get(0, 0, 0).item() as number)).toBe(true);
    expect(F.avgPool2d(x, 2, { divisorOverride: 1 }).tolist()).toEqual(np.multiply(F.avgPool2d(x, 2).data, 4).tolist());
  });
});

describe('conventions, dtypes, edge cases', () => {
  it('gradients at the kinks follow PyTorch: relu 0, leakyRelu slope, elu alpha, prelu weight, hinge 0', () => {
    const at0 = (f: (t: ag.Tensor) => ag.Tensor): number => {
      const t = ag.tensor([0], { requiresGrad: true });
      f(t).sum().backward();
      return Number(t.grad!.item()) + 0; // the sign of a zero gradient is not the point
    };
    expect(at0((t) => F.relu(t))).toBe(0);
    expect(at0((t) => F.leakyRelu(t, 0.2))).toBe(0.2);
    expect(at0((t) => F.elu(t, 1.5))).toBe(1.5);
    expect(at0((t) => F.prelu(t, ag.tensor([0.3])))).toBe(0.3);
    expect(at0((t) => F.softsign(t))).toBe(1);
    expect(at0((t) => F.heaviside(t))).toBe(0);
    expect(at0((t) => F.hingeLoss(t.add(1), ag.tensor([1])))).toBe(0);
  });

  it('float32 inputs stay float32 through activations and losses', () => {
    const x = ag.tensor(np.array([[-1, 2, 0.5]], { dtype: 'float32' }), { requiresGrad: true });
    for (const y of [F.sigmoid(x, 2), F.elu(x), F.softplus(x, 2), F.isru(x), F.rrelu(x, 0.1, 0.2, true), F.dropout(x, 0.5), F.leakyRelu(x)]) expect(y.dtype).toBe('float32');
    const losses = [
      F.crossEntropyLoss(x, [1], { labelSmoothing: 0.1, weight: [1, 2, 3] }),
      F.nllLoss(x, [0]),
      F.mseLoss(x, np.zeros([1, 3], { dtype: 'float32' })),
      F.bceWithLogitsLoss(x, np.ones([1, 3], { dtype: 'float32' })),
      F.multiMarginLoss(x, [2]),
    ];
    for (const l of losses) expect(l.dtype).toBe('float32');
    losses[0]!.backward();
    expect(x.grad!.dtype).toBe('float32');
  });

  it('reductions: none keeps the shape, sum and mean agree; all-ignored targets give NaN (0/0, as PyTorch)', () => {
    const x = ag.tensor(rnd([4, 3], 1));
    const y = [0, 2, 1, 1];
    const none = F.crossEntropyLoss(x, y, { reduction: 'none' });
    expect(none.shape).toEqual([4]);
    expect(closeTo(F.crossEntropyLoss(x, y, { reduction: 'sum' }), Number(np.sum(none.data)))).toBe(true);
    expect(closeTo(F.crossEntropyLoss(x, y), Number(np.mean(none.data)))).toBe(true);
    expect(Number.isNaN(F.crossEntropyLoss(x, [-100, -100, -100, -100]).item())).toBe(true);
    expect(F.crossEntropyLoss(x, [-100, 0, -100, -100], { reduction: 'none' }).get(0).item()).toBe(0);
  });

  it('bceLoss at exactly 0 and 1: clamped logs (100), finite gradients', () => {
    const p = ag.tensor([0, 1, 0, 1], { requiresGrad: true });
    const l = F.bceLoss(p, ag.tensor([1, 0, 0, 1]), { reduction: 'none' });
    expect((l.tolist() as number[]).map((v) => v + 0)).toEqual([100, 100, 0, 0]);
    l.sum().backward();
    expect((p.grad!.tolist() as number[]).map((v) => v + 0)).toEqual([-1e12, 1e12, 0, 0]);
  });

  it('gaussianNllLoss: scalar variance, clamping keeps the gradient', () => {
    expect(closeTo(F.gaussianNllLoss(ag.tensor([0, 0]), ag.tensor([1, 1]), 2), 0.5 * (Math.log(2) + 0.5))).toBe(true);
    const v = ag.tensor([0], { requiresGrad: true });
    const l = F.gaussianNllLoss(ag.tensor([0]), ag.tensor([0]), v, { eps: 1e-3 });
    expect(closeTo(l, 0.5 * Math.log(1e-3))).toBe(true);
    l.backward();
    expect(closeTo(new ag.Tensor(v.grad!).get(0), 0.5 / 1e-3)).toBe(true);
  });
});

describe('error messages', () => {
  const x = ag.tensor(rnd([2, 3], 1));
  it('losses', () => {
    expectThrows(() => F.mseLoss(x, x, { reduction: 'avg' as never }), np.ValueError, 'avg is not a valid value for reduction');
    expectThrows(() => F.bceLoss(ag.tensor([0.5, 1.5]), ag.tensor([1, 1])), np.ValueError, 'all elements of input should be between 0 and 1');
    expectThrows(() => F.bceLoss(ag.tensor([0.5]), ag.tensor([1, 1])), np.ValueError, 'Using a target size ([2]) that is different to the input size ([1]) is deprecated. Please ensure they have the same size.');
    expectThrows(() => F.bceWithLogitsLoss(ag.tensor([[0.5], [1]]), ag.tensor([1, 1])), np.ValueError, 'Target size ([2]) must be the same as input size ([2, 1])');
    expectThrows(() => F.crossEntropyLoss(x, [0, 3]), np.IndexError, 'Target 3 is out of bounds.');
    expectThrows(() => F.crossEntropyLoss(x, [0, -1]), np.IndexError, 'Target -1 is out of bounds.');
    expectThrows(() => F.crossEntropyLoss(x, [0, 1, 2]), np.ValueError, 'Expected input batch_size (2) to match target batch_size (3).');
    expectThrows(() => F.crossEntropyLoss(ag.tensor(rnd([2, 3, 4], 1)), np.zeros([2, 3], { dtype: 'int32' })), np.ValueError, 'Expected target size [2, 4], got [2, 3]');
    expectThrows(() => F.crossEntropyLoss(x, [[1, 0, 0], [0, 1, 0]]), np.ValueError, "Expected target size [2], got [2, 3] (class probabilities must be a float array: create it with { dtype: 'float64' })");
    expectThrows(() => F.crossEntropyLoss(x, [0, 1], { labelSmoothing: 1.5 }), np.ValueError, 'label_smoothing must be between 0.0 and 1.0. Got: 1.5');
    expectThrows(() => F.crossEntropyLoss(x, [0, 1], { weight: [1, 2] }), np.ValueError, 'weight tensor should be defined either for all 3 classes or no classes but got weight tensor of shape: [2]');
    expectThrows(() => F.crossEntropyLoss(x, np.zeros([2, 2])), np.ValueError, "class-probability targets must have the input's shape [2, 3], got [2, 2] (class indices need an integer dtype)");
    expectThrows(() => F.nllLoss(x, ag.tensor([0, 1])), np.DTypeError, 'expected class indices of an integer dtype, got float64');
    expectThrows(() => F.nllLoss(ag.tensor(3), [0]), np.ValueError, 'Expected 1 or more dimensions (got 0)');
    expectThrows(() => F.multiMarginLoss(x, [0, 1], { p: 3 as never }), np.ValueError, 'only p == 1 and p == 2 supported');
    expectThrows(() => F.multiMarginLoss(x, [0, 5]), np.IndexError, 'target out of range');
    expectThrows(() => F.huberLoss(x, x, { delta: 0 }), np.ValueError, 'huber_loss does not support non-positive values for delta.');
    expectThrows(() => F.smoothL1Loss(x, x, { beta: -1 }), np.ValueError, 'smooth_l1_loss does not support negative values for beta.');
    expectThrows(() => F.gaussianNllLoss(x, x, ag.tensor([1, 1, 1, 1])), np.ValueError, 'var is of incorrect size');
    expectThrows(() => F.gaussianNllLoss(x, x, ag.tensor([[1, 1, -1], [1, 1, 1]])), np.ValueError, 'var has negative entry/entries');
  });

  it('layers', () => {
    expectThrows(() => F.conv2d(rnd([1, 2, 4, 4], 1), rnd([2, 2, 3], 2)), np.ValueError, 'conv2d: expected a 4D weight (out_channels, in_channels/groups, kH, kW), got size [2, 2, 3]');
    expectThrows(() => F.conv2d(rnd([1, 2, 4, 4], 1), rnd([2, 2, 3, 3], 2), [1, 2, 3]), np.ValueError, 'conv2d: expected a bias of size [2], got [3]');
    expectThrows(() => F.conv2d(rnd([1, 2, 4, 4], 1), rnd([2, 2, 3, 3], 2), null, { stride: 0 }), np.ValueError, 'stride must be a positive integer or a pair of them, got 0');
    expectThrows(() => F.conv2d(rnd([1, 2, 4, 4], 1), rnd([2, 2, 3, 3], 2), null, { padding: 'same', stride: 2 }), np.ValueError, "padding='same' is not supported for strided convolutions");
    expectThrows(() => F.unfold(rnd([2, 4, 4], 1), 2), np.ValueError, 'Input Error: Only 4D input Tensors are supported (got 3D)');
    expectThrows(() => F.fold(rnd([1, 4, 5], 1), [3, 3], 2), np.ValueError, "Given output_size=(3, 3), kernel_size=(2, 2), dilation=(1, 1), padding=(0, 0), stride=(1, 1), expected size of input's dimension 2 to match the calculated number of sliding blocks 2 * 2 = 4, but got input.size(2)=5.");
    expectThrows(() => F.prelu(x, ag.tensor([[1]])), np.ValueError, 'prelu: the weight must be 1-d, got 2 dims');
    expectThrows(() => F.maxout(x, 0), np.ValueError, 'maxout: pieces must be a positive integer, got 0');
    expectThrows(() => F.batchNorm(ag.tensor([1, 2]), null, null), np.ValueError, 'batch_norm: expected an input of at least 2 dims (N, C, ...), got size [2]');
    expectThrows(() => F.batchNorm(x, null, null), np.ValueError, 'running_mean and running_var must be defined in evaluation mode');
    expectThrows(() => F.rrelu(x, 0.5, 0.1), np.ValueError, 'Lower bound should be less than or equal to the upper bound, got lower=0.5, upper=0.1');
  });
});

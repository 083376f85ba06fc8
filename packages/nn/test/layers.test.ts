/**
 * The layer modules: PyTorch's default initialisation (exactly NumPy's draws for the same
 * seed), shapes, train/eval behaviour of Dropout, BatchNorm and RReLU (against PyTorch's
 * formulas written in NumPy, running statistics included), Maxout, Flatten, PReLU,
 * every activation and loss module against its function, buffers of the weighted losses,
 * and the error messages.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { expectThrows, seededRandom } from '../../../test/helpers.js';
import { hasNumpy, oracle, type OracleCase } from '../../../test/oracle/numpy.js';
import { mismatch } from '../../../test/oracle/compare.js';

const F = nn.functional;

function rnd(shape: number[], seed: number, lo = -2, hi = 2): np.NDArray {
  const r = seededRandom(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return np.reshape(np.asarray(Float64Array.from({ length: n }, () => lo + (hi - lo) * r())), shape);
}

const EXACT = { rtol: 0, atol: 0 };

describe.runIf(hasNumpy)('default initialisation equals NumPy draws for the same seed', () => {
  it('Linear: kaiming-uniform(a = sqrt 5) weight, then U(+-1/sqrt(in)) bias; Conv2d and Maxout the same', async () => {
    const py = await oracle();
    const layers: [string, () => nn.Module, number[], number[], number][] = [
      ['Linear(4, 3)', () => new nn.Linear(4, 3), [3, 4], [3], 4],
      ['Linear(7, 1)', () => new nn.Linear(7, 1), [1, 7], [1], 7],
      ['Conv2d(4, 6, [2, 3], groups 2)', () => new nn.Conv2d(4, 6, [2, 3], { groups: 2 }), [6, 2, 2, 3], [6], 12],
      ['Maxout(3, 2, 2)', () => new nn.Maxout(3, 2, 2), [4, 3], [4], 3],
    ];
    const cases: OracleCase[] = [];
    const ours: nn.Module[] = [];
    layers.forEach(([, make, ws, bs, fanIn], i) => {
      np.random.seed(10 + i);
      ours.push(make());
      cases.push({
        code: [
          'import math',
          `np.random.seed(${10 + i})`,
          `bound = math.sqrt(3.0) * (math.sqrt(2.0 / (1 + math.sqrt(5) ** 2)) / math.sqrt(${fanIn}))`,
          `w = np.random.uniform(-bound, bound, ${JSON.stringify(ws).replace('[', '(').replace(']', ',)')})`,
          `b = np.random.uniform(-1 / math.sqrt(${fanIn}), 1 / math.sqrt(${fanIn}), ${JSON.stringify(bs).replace('[', '(').replace(']', ',)')})`,
          'result = [w, b]',
        ].join('\n'),
      });
    });
    const answers = await py.run(cases);
    layers.forEach(([label], i) => {
      const a = answers[i]!;
      expect(a.ok, label).toBe(true);
      const [w, b] = (a as unknown as { value: never[] }).value;
      const [pw, pb] = ours[i]!.parameters();
      expect(mismatch(pw!.data, w!, EXACT), label).toBeNull();
      expect(mismatch(pb!.data, b!, EXACT), label).toBeNull();
    });
  });
});

describe('Linear, Conv2d, pooling, Flatten, Maxout', () => {
  it('Linear: weight (out, in), float32 option, no bias, forward = x W^T + b, errors', () => {
    const fc = new nn.Linear(3, 2);
    expect(fc.weight.shape).toEqual([2, 3]);
    expect(fc.bias!.shape).toEqual([2]);
    const bound = 1 / Math.sqrt(3);
    expect(Number(np.max(np.abs(fc.weight.data)))).toBeLessThanOrEqual(bound);
    const x = ag.tensor([[1, 2, 3], [0, -1, 1]]);
    expect(fc.forward(x).tolist()).toEqual(np.add(np.matmul(x.data, np.transpose(fc.weight.data)), fc.bias!.data).tolist());
    expect(new nn.Linear(3, 2, { dtype: 'float32' }).weight.dtype).toBe('float32');
    expect(new nn.Linear(3, 2, { bias: false }).parameters().length).toBe(1);
    expect(new nn.Linear(0, 2).bias!.data.tolist()).toEqual([0, 0]);
    expectThrows(() => fc.forward(ag.tensor([[1, 2]])), np.ValueError, 'mat1 and mat2 shapes cannot be multiplied (1x2 and 3x2)');
    expectThrows(() => new nn.Linear(-1, 2), np.ValueError, 'in_features must be a non-negative integer, got -1');
  });

  it('Conv2d: output shapes for stride, padding (incl. same), dilation, groups, unbatched input; errors', () => {
    const x = ag.tensor(rnd([2, 4, 9, 8], 1));
    expect(new nn.Conv2d(4, 6, 3).forward(x).shape).toEqual([2, 6, 7, 6]);
    expect(new nn.Conv2d(4, 6, 3, { padding: 'same' }).forward(x).shape).toEqual([2, 6, 9, 8]);
    expect(new nn.Conv2d(4, 6, [3, 2], { stride: 2, padding: [1, 0], dilation: [2, 1] }).forward(x).shape).toEqual([2, 6, 4, 4]);
    expect(new nn.Conv2d(4, 2, 1, { groups: 2 }).weight.shape).toEqual([2, 2, 1, 1]);
    expect(new nn.Conv2d(4, 6, 3).forward(ag.tensor(rnd([4, 5, 5], 2))).shape).toEqual([6, 3, 3]);
    expectThrows(() => new nn.Conv2d(3, 4, 3, { groups: 2 }), np.ValueError, 'in_channels must be divisible by groups');
    expectThrows(() => new nn.Conv2d(4, 3, 3, { groups: 2 }), np.ValueError, 'out_channels must be divisible by groups');
    expectThrows(() => new nn.Conv2d(4, 4, 3, { stride: 2, padding: 'same' }), np.ValueError, "padding='same' is not supported for strided convolutions");
    expectThrows(
      () => new nn.Conv2d(3, 4, 3).forward(ag.tensor(rnd([1, 2, 5, 5], 3))),
      np.ValueError,
      'Given groups=1, weight of size [4, 3, 3, 3], expected input[1, 2, 5, 5] to have 3 channels, but got 2 channels instead',
    );
    expectThrows(
      () => new nn.Conv2d(2, 4, 3).forward(ag.tensor(rnd([1, 2, 2, 5], 3))),
      np.ValueError,
      "Calculated padded input size per channel: (2 x 5). Kernel size: (3 x 3). Kernel size can't be greater than actual input size",
    );
    expectThrows(() => new nn.Conv2d(2, 4, 3).forward(ag.tensor(rnd([2, 5], 3))), np.ValueError, 'Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [2, 5]');
  });

  it('pooling layers and their errors', () => {
    const x = ag.tensor(rnd([1, 2, 5, 5], 4));
    expect(new nn.MaxPool2d(2).forward(x).shape).toEqual([1, 2, 2, 2]);
    expect(new nn.MaxPool2d(2, { ceilMode: true }).forward(x).shape).toEqual([1, 2, 3, 3]);
    expect(new nn.AvgPool2d(3, { stride: 1, padding: 1 }).forward(x).shape).toEqual([1, 2, 5, 5]);
    expectThrows(() => F.maxPool2d(x, 2, { padding: 2 }), np.ValueError, 'pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1');
    expectThrows(() => F.avgPool2d(x, 2, { padding: 2 }), np.ValueError, 'pad should be at most half of kernel size, but got pad=2 and kernel_size=2');
    expectThrows(() => F.maxPool2d(ag.tensor(rnd([1, 1, 1, 1], 1)), 2), np.ValueError, 'Given input size: (1x1x1). Calculated output size: (1x0x0). Output size is too small');
  });

  it('Flatten: default dims 1..-1, custom dims, errors', () => {
    const x = ag.tensor(rnd([2, 3, 4, 5], 5));
    expect(new nn.Flatten().forward(x).shape).toEqual([2, 60]);
    expect(new nn.Flatten(0, 1).forward(x).shape).toEqual([6, 4, 5]);
    expect(new nn.Flatten(2).forward(x).shape).toEqual([2, 3, 20]);
    expectThrows(() => new nn.Flatten(2, 1).forward(x), np.ValueError, 'flatten() has invalid args: start_dim cannot come after end_dim');
    expectThrows(() => new nn.Flatten(4).forward(x), np.AxisError, 'Dimension out of range (expected to be in range of [-4, 3], but got 4)');
  });

  it('Maxout: output j is the maximum of the pieces j*k .. j*k+k-1 of the linear map', () => {
    const m = new nn.Maxout(3, 2, 4);
    expect(m.weight.shape).toEqual([8, 3]);
    const x = rnd([5, 3], 6);
    const z = np.add(np.matmul(x, np.transpose(m.weight.data)), m.bias!.data); // (5, 8)
    const expected = np.max(np.reshape(z, [5, 2, 4]), 2);
    expect(np.allclose(m.forward(ag.tensor(x)).data, expected, { rtol: 1e-15, atol: 0 })).toBe(true);
    const res = ag.gradCheck((t, w) => F.maxout(F.linear(t, w), 4, -1), [x, m.weight.data]);
    expect(res.ok, res.message).toBe(true);
    expectThrows(() => F.maxout(ag.tensor(rnd([2, 5], 1)), 2), np.ValueError, 'maxout: the size 5 of dim 1 is not a multiple of pieces=2');
  });
});

describe('Dropout', () => {
  it('training: zeros a fraction p, scales survivors by 1/(1-p); gradient is the same mask', () => {
    const x = ag.tensor(rnd([100, 100], 7, 1, 2), { requiresGrad: true });
    const drop = new nn.Dropout(0.3, { rng: np.random.defaultRng(0) });
    const y = drop.forward(x);
    const kept = np.notEqual(y.data, 0);
    const frac = 1 - Number(np.mean(kept));
    expect(Math.abs(frac - 0.3)).toBeLessThan(0.02);
    expect(np.allclose(np.where(kept, y.data, 0), np.where(kept, np.divide(x.data, 0.7), 0), { rtol: 1e-15 })).toBe(true);
    y.sum().backward();
    expect(np.allclose(x.grad!, np.divide(np.astype(kept, 'float64'), 0.7), { rtol: 1e-15 })).toBe(true);
  });

  it('eval: the identity (the same tensor); p = 0 identity, p = 1 zeros; invalid p', () => {
    const x = ag.tensor(rnd([4, 4], 8));
    const drop = new nn.Dropout(0.5);
    expect(drop.eval().forward(x) === x).toBe(true);
    expect(F.dropout(x, 0, true) === x).toBe(true);
    expect(Number(np.all(np.equal(F.dropout(x, 1, true).data, 0)))).toBe(1);
    expectThrows(() => new nn.Dropout(1.5), np.ValueError, 'dropout probability has to be between 0 and 1, but got 1.5');
    expectThrows(() => F.dropout(x, -0.1), np.ValueError, 'dropout probability has to be between 0 and 1, but got -0.1');
  });

  it('seeded: the same rng seed (or np.random.seed) gives the same mask', () => {
    const x = ag.tensor(np.ones([50]));
    const a = F.dropout(x, 0.5, true, { rng: np.random.defaultRng(3) }).tolist();
    const b = F.dropout(x, 0.5, true, { rng: np.random.defaultRng(3) }).tolist();
    expect(a).toEqual(b);
    np.random.seed(3);
    const c = new nn.Dropout(0.5).forward(x).tolist();
    np.random.seed(3);
    const d = new nn.Dropout(0.5).forward(x).tolist();
    expect(c).toEqual(d);
  });

  it.runIf(hasNumpy)('the mask is NumPy\'s: default_rng(seed).random(shape) < 1 - p', async () => {
    const x = ag.tensor(np.ones([6, 7]));
    const y = F.dropout(x, 0.4, true, { rng: np.random.defaultRng(11) });
    const ans = await (await oracle()).one('np.where(np.random.default_rng(11).random((6, 7)) < 0.6, 1 / 0.6, 0.0)');
    expect(mismatch(y.data, ans, { rtol: 1e-15, atol: 0 })).toBeNull();
  });
});

describe('RReLU and PReLU', () => {
  it('RReLU: mean slope in eval, random slopes in [lower, upper) in training, seeded', () => {
    const x = ag.tensor(rnd([1000], 9));
    const act = new nn.RReLU({ lower: 0.1, upper: 0.3, rng: np.random.defaultRng(2) });
    expect(np.allclose(act.eval().forward(x).data, F.leakyRelu(x, 0.2).data, { rtol: 1e-15, atol: 0 })).toBe(true);
    const y = act.train().forward(x).data;
    const neg = np.less(x.data, 0);
    const slopes = np.divide(y, x.data).get(neg);
    expect(Number(np.min(slopes))).toBeGreaterThanOrEqual(0.1 - 1e-12);
    expect(Number(np.max(slopes))).toBeLessThan(0.3 + 1e-12);
    expect(Math.abs(Number(np.mean(slopes)) - 0.2)).toBeLessThan(0.01);
    expect(np.allclose(np.where(neg, 0, y), np.where(neg, 0, x.data))).toBe(true);
    expect(new nn.RReLU(0.2, 0.4).upper).toBe(0.4);
    expectThrows(() => new nn.RReLU(0.5, 0.1), np.ValueError, 'Lower bound should be less than or equal to the upper bound, got lower=0.5, upper=0.1');
  });

  it.runIf(hasNumpy)('RReLU training slopes are NumPy\'s default_rng(seed).uniform(lower, upper, shape)', async () => {
    const x = ag.tensor([[-1, -2, 3], [-4, 5, -6]]);
    const y = F.rrelu(x, 0.1, 0.3, true, { rng: np.random.defaultRng(5) });
    const ans = await (await oracle()).one('np.where(x < 0, x * np.random.default_rng(5).uniform(0.1, 0.3, (2, 3)), x)', { x: x.data });
    expect(mismatch(y.data, ans, { rtol: 1e-15, atol: 0 })).toBeNull();
  });

  it('PReLU: learned slope per channel (dim 1) or shared; gradient reaches the weight; errors', () => {
    const act = new nn.PReLU({ numParameters: 3, init: 0.1 });
    expect(act.weight.data.tolist()).toEqual([0.1, 0.1, 0.1]);
    const x = ag.tensor(rnd([2, 3, 4], 10));
    act.forward(x).sum().backward();
    // d/dw_c = sum of x over channel c where x <= 0
    const expected = np.sum(np.where(np.greater(x.data, 0), 0, x.data), [0, 2]);
    expect(np.allclose(act.weight.grad!, expected, { rtol: 1e-14 })).toBe(true);
    expect(new nn.PReLU().forward(ag.tensor([-4, 4])).tolist()).toEqual([-1, 4]);
    expectThrows(() => act.forward(ag.tensor(rnd([2, 4], 1))), np.ValueError, 'Mismatch of parameter numbers and input channel size. Found parameter numbers = 3 and channel size = 4.');
  });
});

describe('BatchNorm', () => {
  it.runIf(hasNumpy)('BatchNorm1d: training batches, running statistics (unbiased variance), eval, against PyTorch\'s formulas in NumPy', async () => {
    const py = await oracle();
    const configs: { shape: number[]; momentum: number | null }[] = [
      { shape: [5, 3], momentum: 0.1 },
      { shape: [4, 3, 2], momentum: 0.3 },
      { shape: [6, 3], momentum: null },
    ];
    for (const [ci, cfg] of configs.entries()) {
      const bn = new nn.BatchNorm1d(3, { momentum: cfg.momentum, eps: 1e-3 });
      const gamma = rnd([3], 20 + ci, 0.5, 2);
      const beta = rnd([3], 30 + ci);
      bn.weight!.data.set('...', gamma);
      bn.bias!.data.set('...', beta);
      const batches = [0, 1, 2].map((k) => rnd(cfg.shape, 100 * ci + k, -3, 5));
      const outs = batches.map((b) => bn.forward(ag.tensor(b)).data);
      const xe = rnd(cfg.shape, 999 + ci);
      const ye = bn.eval().forward(ag.tensor(xe)).data;
      expect(Number(bn.numBatchesTracked!.item())).toBe(3);
      const ans = await py.one(
        [
          'rm = np.zeros(3); rv = np.ones(3); outs = []; eps = 1e-3',
          'shape = (1, 3) + (1,) * (xe.ndim - 2); axes = (0,) + tuple(range(2, xe.ndim))',
          'for k, x in enumerate([b0, b1, b2], 1):',
          '    mu = x.mean(axis=axes); var = x.var(axis=axes); n = x.size / 3',
          '    outs.append((x - mu.reshape(shape)) / np.sqrt(var.reshape(shape) + eps) * g.reshape(shape) + be.reshape(shape))',
          `    m = ${cfg.momentum === null ? '1 / k' : cfg.momentum}`,
          '    rm = (1 - m) * rm + m * mu',
          '    rv = (1 - m) * rv + m * var * n / (n - 1)',
          'ye = (xe - rm.reshape(shape)) / np.sqrt(rv.reshape(shape) + eps) * g.reshape(shape) + be.reshape(shape)',
          'result = outs + [rm, rv, ye]',
        ].join('\n'),
        { b0: batches[0]!, b1: batches[1]!, b2: batches[2]!, xe, g: gamma, be: beta },
      );
      const tol = { rtol: 1e-12, atol: 1e-14 };
      expect(mismatch([...outs, bn.runningMean!, bn.runningVar!, ye], ans, tol), JSON.stringify(cfg)).toBeNull();
    }
  });

  it('BatchNorm gradients (training mode, through the batch statistics) by gradCheck', () => {
    const res = ag.gradCheck((x, w, b) => F.batchNorm(x, null, null, w, b, true), [rnd([4, 3], 1), rnd([3], 2), rnd([3], 3)]);
    expect(res.ok, res.message).toBe(true);
    const res3 = ag.gradCheck((x) => F.batchNorm(x, null, null, { training: true }), [rnd([3, 2, 4], 4)]);
    expect(res3.ok, res3.message).toBe(true);
  });

  it('buffers and options: trackRunningStats false, affine false, BatchNorm2d, resetRunningStats', () => {
    const bn = new nn.BatchNorm1d(2);
    expect(bn.namedBuffers().map(([k]) => k)).toEqual(['runningMean', 'runningVar', 'numBatchesTracked']);
    const x = ag.tensor([[1, 2], [3, 6]]);
    const y = bn.forward(x);
    expect(bn.runningMean!.tolist()).toEqual([0.2, 0.4]);
    expect(np.allclose(y.data, np.array([[-1, -1], [1, 1]]), { atol: 1e-4 })).toBe(true);
    bn.resetRunningStats();
    expect(bn.runningVar!.tolist()).toEqual([1, 1]);
    expect(Number(bn.numBatchesTracked!.item())).toBe(0);

    const free = new nn.BatchNorm1d(2, { trackRunningStats: false, affine: false });
    expect(Object.keys(free.stateDict())).toEqual([]);
    expect(free.parameters()).toEqual([]);
    // without running statistics, eval normalises with the batch's own
    expect(free.eval().forward(x).tolist()).toEqual(new nn.BatchNorm1d(2, { affine: false }).forward(x).tolist());

    const bn2 = new nn.BatchNorm2d(3);
    const img = ag.tensor(rnd([2, 3, 4, 4], 5));
    const out = bn2.forward(img);
    expect(out.shape).toEqual([2, 3, 4, 4]);
    expect(np.allclose(np.mean(out.data, [0, 2, 3]), np.zeros(3), { atol: 1e-12 })).toBe(true);
    expect(np.allclose(bn2.runningMean!, np.multiply(np.mean(img.data, [0, 2, 3]), 0.1), { atol: 1e-15 })).toBe(true);
  });

  it('errors', () => {
    expectThrows(() => new nn.BatchNorm1d(3).forward(ag.tensor(np.zeros([2, 3, 4, 5]))), np.ValueError, 'expected 2D or 3D input (got 4D input)');
    expectThrows(() => new nn.BatchNorm2d(3).forward(ag.tensor(np.zeros([2, 3]))), np.ValueError, 'expected 4D input (got 2D input)');
    expectThrows(() => new nn.BatchNorm1d(3).forward(ag.tensor(np.zeros([1, 3]))), np.ValueError, 'Expected more than 1 value per channel when training, got input size [1, 3]');
    expectThrows(() => F.batchNorm(ag.tensor(np.zeros([2, 3])), np.zeros(2), np.ones(3)), np.ValueError, 'running_mean should contain 3 elements not 2');
  });
});

describe('activation and loss modules call their functions', () => {
  const x = ag.tensor(rnd([3, 4], 40, -3, 3));
  const acts: [nn.Module, (t: ag.Tensor) => ag.Tensor][] = [
    [new nn.Identity(), (t) => t],
    [new nn.Heaviside(), (t) => F.heaviside(t)],
    [new nn.Sigmoid(), (t) => F.sigmoid(t)],
    [new nn.Sigmoid({ alpha: 3 }), (t) => F.sigmoid(t, 3)],
    [new nn.Sigmoid(3), (t) => F.sigmoid(t, 3)],
    [new nn.Tanh(), (t) => F.tanh(t)],
    [new nn.Arctan(), (t) => F.arctan(t)],
    [new nn.Softsign(), (t) => F.softsign(t)],
    [new nn.ISRU({ alpha: 0.5 }), (t) => F.isru(t, 0.5)],
    [new nn.ReLU(), (t) => F.relu(t)],
    [new nn.LeakyReLU(0.2), (t) => F.leakyRelu(t, 0.2)],
    [new nn.LeakyReLU({ negativeSlope: 0.3 }), (t) => F.leakyRelu(t, 0.3)],
    [new nn.ELU({ alpha: 2 }), (t) => F.elu(t, 2)],
    [new nn.Softplus({ beta: 2, threshold: 3 }), (t) => F.softplus(t, 2, 3)],
    [new nn.Softplus(2, 3), (t) => F.softplus(t, 2, 3)],
    [new nn.Softmax(0), (t) => F.softmax(t, 0)],
    [new nn.LogSoftmax(1), (t) => F.logSoftmax(t, 1)],
  ];
  it('activations', () => {
    for (const [m, f] of acts) expect(m.forward(x).tolist(), m.constructor.name).toEqual(f(x).tolist());
    expect(String(new nn.LeakyReLU(0.2))).toBe('LeakyReLU(negativeSlope=0.2)');
  });

  it('losses, with weights as buffers (saved in the state dict, converted by to)', () => {
    const y = ag.tensor(rnd([3, 4], 41, -3, 3));
    const p = ag.tensor(rnd([3, 4], 42, 0.05, 0.95));
    const t01 = ag.tensor(np.astype(np.greater(rnd([3, 4], 43), 0), 'float64'));
    const idx = np.array([0, 3, 1]);
    const sgn = ag.tensor(np.where(np.greater(y.data, 0), 1, -1));
    const w = [1, 2, 0.5, 1];
    const pairs: [ag.Tensor, ag.Tensor][] = [
      [new nn.MSELoss().forward(x, y), F.mseLoss(x, y)],
      [new nn.L1Loss({ reduction: 'sum' }).forward(x, y), F.l1Loss(x, y, { reduction: 'sum' })],
      [new nn.HuberLoss({ delta: 0.5 }).forward(x, y), F.huberLoss(x, y, { delta: 0.5 })],
      [new nn.SmoothL1Loss({ beta: 0.5 }).forward(x, y), F.smoothL1Loss(x, y, { beta: 0.5 })],
      [new nn.BCELoss({ weight: w }).forward(p, t01), F.bceLoss(p, t01, { weight: w })],
      [new nn.BCEWithLogitsLoss({ posWeight: w }).forward(x, t01), F.bceWithLogitsLoss(x, t01, { posWeight: w })],
      [new nn.CrossEntropyLoss({ weight: w, labelSmoothing: 0.1 }).forward(x, idx), F.crossEntropyLoss(x, idx, { weight: w, labelSmoothing: 0.1 })],
      [new nn.NLLLoss({ ignoreIndex: 3 }).forward(x, idx), F.nllLoss(x, idx, { ignoreIndex: 3 })],
      [new nn.HingeLoss({ margin: 2 }).forward(x, sgn), F.hingeLoss(x, sgn, { margin: 2 })],
      [new nn.HingeEmbeddingLoss({ margin: 2 }).forward(x, sgn), F.hingeEmbeddingLoss(x, sgn, { margin: 2 })],
      [new nn.MultiMarginLoss({ mode: 'max', p: 2 }).forward(x, idx), F.multiMarginLoss(x, idx, { mode: 'max', p: 2 })],
      [new nn.GaussianNLLLoss({ full: true }).forward(x, y, p), F.gaussianNllLoss(x, y, p, { full: true })],
    ];
    for (const [a, b] of pairs) expect(a.tolist()).toEqual(b.tolist());
    const ce = new nn.CrossEntropyLoss({ weight: w });
    expect(Object.keys(ce.stateDict())).toEqual(['weight']);
    expect(Object.keys(new nn.CrossEntropyLoss().stateDict())).toEqual([]);
    expect(ce.to('float32').getBuffer('weight')!.dtype).toBe('float32');
    expectThrows(() => new nn.MSELoss({ reduction: 'avg' as never }), np.ValueError, 'avg is not a valid value for reduction');
  });
});

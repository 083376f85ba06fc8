/**
 * `nn.init`: bounds and moments of each distribution, PyTorch's gains and fans, in-place
 * filling (dtype kept, the same object returned), seeded reproducibility, and exact
 * equality with NumPy's draws for the same seed (legacy global state and `default_rng`).
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { expectThrows } from '../../../test/helpers.js';
import { hasNumpy, oracle } from '../../../test/oracle/numpy.js';
import { mismatch } from '../../../test/oracle/compare.js';

const init = nn.init;

function stats(a: np.NDArray): { min: number; max: number; mean: number; std: number } {
  return { min: Number(np.min(a)), max: Number(np.max(a)), mean: Number(np.mean(a)), std: Number(np.std(a)) };
}

/** Checks mean and std against the distribution's within 5 standard errors. */
function expectMoments(a: np.NDArray, mean: number, std: number): void {
  const s = stats(a);
  const n = a.size;
  expect(Math.abs(s.mean - mean)).toBeLessThan((5 * std) / Math.sqrt(n));
  // the sample std's standard error is about std / sqrt(2n) for these distributions
  expect(Math.abs(s.std - std)).toBeLessThan((5 * std) / Math.sqrt(2 * n) + 1e-12);
}

describe('distributions: bounds and moments', () => {
  it('uniform(a, b) and normal(mean, std)', () => {
    const p = new nn.Parameter(np.zeros([300, 200]));
    const u = stats(init.uniform(p, -0.5, 1.5).data);
    expect(u.min).toBeGreaterThanOrEqual(-0.5);
    expect(u.max).toBeLessThan(1.5);
    expectMoments(p.data, 0.5, 2 / Math.sqrt(12));
    init.normal(p, 2, 0.3);
    expectMoments(p.data, 2, 0.3);
    init.uniform(p);
    expect(stats(p.data).min).toBeGreaterThanOrEqual(0);
    expect(stats(p.data).max).toBeLessThan(1);
  });

  it('xavierUniform / xavierNormal: bound gain * sqrt(6 / (fanIn + fanOut)), std gain * sqrt(2 / (fanIn + fanOut))', () => {
    const w = np.zeros([400, 250]);
    const a = 2 * Math.sqrt(6 / 650);
    const s = stats(init.xavierUniform(w, 2));
    expect(s.min).toBeGreaterThanOrEqual(-a);
    expect(s.max).toBeLessThan(a);
    expectMoments(w, 0, a / Math.sqrt(3));
    init.xavierNormal(w, 0.5);
    expectMoments(w, 0, 0.5 * Math.sqrt(2 / 650));
  });

  it('kaimingUniform / kaimingNormal: fan mode, nonlinearity, negative slope', () => {
    const w = np.zeros([300, 20, 3, 3]); // fanIn 180, fanOut 2700
    const b = Math.sqrt(3) * Math.sqrt(2) / Math.sqrt(180);
    const s = stats(init.kaimingUniform(w, { nonlinearity: 'relu' }));
    expect(s.min).toBeGreaterThanOrEqual(-b);
    expect(s.max).toBeLessThan(b);
    expectMoments(w, 0, b / Math.sqrt(3));
    init.kaimingNormal(w, { mode: 'fanOut', nonlinearity: 'relu' });
    expectMoments(w, 0, Math.sqrt(2) / Math.sqrt(2700));
    init.kaimingNormal(w, { a: 0.2, mode: 'fan_out' }); // leaky_relu default
    expectMoments(w, 0, Math.sqrt(2 / 1.04) / Math.sqrt(2700));
    const lin = np.zeros([50, 80]);
    const bl = stats(init.kaimingUniform(lin, { a: Math.sqrt(5) }));
    expect(bl.max).toBeLessThanOrEqual(1 / Math.sqrt(80) + 1e-15);
  });

  it('constant, zeros, ones; in place, the same object returned, dtype kept', () => {
    const p = new nn.Parameter(np.zeros([2, 3], { dtype: 'float32' }));
    const data = p.data;
    expect(init.constant(p, 0.25) === p).toBe(true);
    expect(p.data === data).toBe(true);
    expect(p.data.tolist()).toEqual([[0.25, 0.25, 0.25], [0.25, 0.25, 0.25]]);
    init.ones(p);
    expect(p.data.tolist()).toEqual([[1, 1, 1], [1, 1, 1]]);
    init.zeros(p);
    expect(Number(np.sum(p.data))).toBe(0);
    init.normal(p);
    expect(p.dtype).toBe('float32');
    const t = ag.tensor([1, 2]);
    expect(init.zeros(t).tolist()).toEqual([0, 0]);
    // a 0-size tensor is left as is (PyTorch warns and returns)
    expect(init.kaimingUniform(np.zeros([0, 3])).shape).toEqual([0, 3]);
  });
});

describe('gains, fans, errors', () => {
  it('calculateGain: PyTorch\'s table', () => {
    expect(init.calculateGain('linear')).toBe(1);
    expect(init.calculateGain('conv2d')).toBe(1);
    expect(init.calculateGain('sigmoid')).toBe(1);
    expect(init.calculateGain('tanh')).toBe(5 / 3);
    expect(init.calculateGain('relu')).toBe(Math.SQRT2);
    expect(init.calculateGain('leaky_relu')).toBe(Math.sqrt(2 / (1 + 0.01 ** 2)));
    expect(init.calculateGain('leakyRelu', 0.2)).toBe(Math.sqrt(2 / 1.04));
    expect(init.calculateGain('selu')).toBe(0.75);
    expectThrows(() => init.calculateGain('swish' as never), np.ValueError, 'Unsupported nonlinearity swish');
  });

  it('fans of linear and convolution weights; fewer than 2 dims throws', () => {
    expect(init.calculateFanInAndFanOut(np.zeros([16, 3, 5, 5]))).toEqual([75, 400]);
    expect(init.calculateFanInAndFanOut(new nn.Linear(7, 2).weight)).toEqual([7, 2]);
    expectThrows(() => init.xavierUniform(np.zeros(5)), np.ValueError, 'Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
    expectThrows(() => init.kaimingNormal(np.zeros([2, 2]), { mode: 'fanAll' as never }), np.ValueError, 'Mode fanAll not supported, please use one of fan_in, fan_out');
  });
});

describe('reproducibility', () => {
  it('np.random.seed makes layer initialisation reproducible; an rng option is independent of it', () => {
    np.random.seed(42);
    const a = new nn.Sequential(new nn.Linear(3, 4), new nn.Conv2d(1, 2, 3));
    np.random.seed(42);
    const b = new nn.Sequential(new nn.Linear(3, 4), new nn.Conv2d(1, 2, 3));
    expect(a.parameters().map((p) => p.tolist())).toEqual(b.parameters().map((p) => p.tolist()));
    const c = new nn.Sequential(new nn.Linear(3, 4), new nn.Conv2d(1, 2, 3));
    expect(c.parameters()[0]!.tolist()).not.toEqual(a.parameters()[0]!.tolist());
    const w1 = init.normal(np.zeros([3, 3]), 0, 1, { rng: np.random.defaultRng(7) });
    np.random.seed(1);
    const w2 = init.normal(np.zeros([3, 3]), 0, 1, { rng: np.random.defaultRng(7) });
    expect(w1.tolist()).toEqual(w2.tolist());
  });

  it.runIf(hasNumpy)('the draws are NumPy\'s for the same seed (legacy global state and default_rng)', async () => {
    const py = await oracle();
    np.random.seed(3);
    const u = init.uniform(np.zeros([4, 5]), -2, 3);
    const n = init.normal(np.zeros([6]), 1, 0.5);
    const xu = init.xavierUniform(np.zeros([3, 7]), 1.5, { rng: np.random.defaultRng(9) });
    const kn = init.kaimingNormal(np.zeros([5, 2, 3]), { nonlinearity: 'tanh', rng: np.random.defaultRng(10) });
    const ans = await py.run([
      { code: 'np.random.seed(3)\nu = np.random.uniform(-2, 3, (4, 5))\nn = np.random.normal(1, 0.5, (6,))\nresult = [u, n]' },
      { code: 'import math\nresult = np.random.default_rng(9).uniform(-math.sqrt(3.0) * 1.5 * math.sqrt(2.0 / 10), math.sqrt(3.0) * 1.5 * math.sqrt(2.0 / 10), (3, 7))' },
      { code: 'import math\nresult = np.random.default_rng(10).normal(0, (5.0 / 3) / math.sqrt(6), (5, 2, 3))' },
    ]);
    const exact = { rtol: 0, atol: 0 };
    expect(mismatch([u, n], ans[0]!, exact)).toBeNull();
    expect(mismatch(xu, ans[1]!, { rtol: 1e-15, atol: 0 })).toBeNull();
    expect(mismatch(kn, ans[2]!, { rtol: 1e-15, atol: 0 })).toBeNull();
  });
});

/**
 * `nn.functional` against NumPy and against central differences:
 * - every activation and every loss (each reduction, weights, ignored targets, label
 *   smoothing, probability targets, spatial inputs) against its formula written in NumPy
 *   through the oracle, on random shapes including size-1 axes;
 * - extreme logits (+-1000) and probabilities 0 and 1: values and gradients finite and
 *   equal to the closed forms computed by NumPy's stable functions (`logaddexp`);
 * - gradients of every activation and loss by `ag.gradCheck` (points away from kinks);
 * - inputs are never modified.
 * Convolution and pooling are in `nn-conv.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { fingerprint, pick, seededRandom } from '../helpers.js';
import { hasNumpy, oracle } from '../oracle/numpy.js';
import { mismatch } from '../oracle/compare.js';
import { LOSS_TOL, TOL, awayFromZero, checkAgainstNumpy, classes, randomShape, rnd, type Case } from './nn-cases.js';

const F = nn.functional;
// ---------------------------------------------------------------- activations

interface Activation {
  name: string;
  f: (x: ag.Tensor) => ag.Tensor;
  /** NumPy formula of `x` (may use `w` for PReLU's weight). */
  py: string;
  extra?: (shape: number[]) => Record<string, np.NDArray>;
  fWith?: (x: ag.Tensor, extra: Record<string, np.NDArray>) => ag.Tensor;
  /** Input rank at least this (PReLU per channel, softmax over dim 1). */
  minDims?: number;
}

const ACTIVATIONS: Activation[] = [
  { name: 'identity', f: (x) => F.identity(x), py: 'x' },
  { name: 'heaviside', f: (x) => F.heaviside(x), py: 'np.where(x >= 0, 1.0, 0.0)' },
  { name: 'sigmoid', f: (x) => F.sigmoid(x), py: '1 / (1 + np.exp(-x))' },
  { name: 'sigmoid alpha=2.5', f: (x) => F.sigmoid(x, 2.5), py: '1 / (1 + np.exp(-2.5 * x))' },
  { name: 'tanh', f: (x) => F.tanh(x), py: 'np.tanh(x)' },
  { name: 'arctan', f: (x) => F.arctan(x), py: 'np.arctan(x)' },
  { name: 'softsign', f: (x) => F.softsign(x), py: 'x / (1 + np.abs(x))' },
  { name: 'isru alpha=0.7', f: (x) => F.isru(x, 0.7), py: 'x / np.sqrt(1 + 0.7 * x * x)' },
  { name: 'relu', f: (x) => F.relu(x), py: 'np.where(x < 0, 0.0, x)' },
  { name: 'leakyRelu default', f: (x) => F.leakyRelu(x), py: 'np.where(x < 0, 0.01 * x, x)' },
  { name: 'leakyRelu 0.2', f: (x) => F.leakyRelu(x, 0.2), py: 'np.where(x < 0, 0.2 * x, x)' },
  { name: 'rrelu eval', f: (x) => F.rrelu(x), py: 'np.where(x < 0, x * (1/8 + 1/3) / 2, x)' },
  { name: 'rrelu eval 0.1..0.3', f: (x) => F.rrelu(x, 0.1, 0.3, false), py: 'np.where(x < 0, x * 0.2, x)' },
  { name: 'elu', f: (x) => F.elu(x), py: 'np.where(x < 0, np.exp(x) - 1, x)', },
  { name: 'elu alpha=1.3', f: (x) => F.elu(x, 1.3), py: 'np.where(x < 0, 1.3 * np.expm1(x), x)' },
  { name: 'softplus', f: (x) => F.softplus(x), py: 'np.where(x > 20, x, np.logaddexp(0, x))' },
  { name: 'softplus beta=2 threshold=5', f: (x) => F.softplus(x, 2, 5), py: 'np.where(2 * x > 5, x, np.logaddexp(0, 2 * x) / 2)' },
  { name: 'softmax dim -1', f: (x) => F.softmax(x), py: 'np.exp(x - lse(x, -1))' },
  { name: 'softmax dim 0', f: (x) => F.softmax(x, 0), py: 'np.exp(x - lse(x, 0))' },
  { name: 'logSoftmax dim -1', f: (x) => F.logSoftmax(x), py: 'x - lse(x, -1)' },
  { name: 'logSoftmax dim 1', f: (x) => F.logSoftmax(x, 1), py: 'x - lse(x, 1)', minDims: 2 },
  {
    name: 'prelu shared',
    f: (x) => F.prelu(x, ag.tensor([0.3])),
    py: 'np.where(x < 0, 0.3 * x, x)',
  },
  {
    name: 'prelu per channel',
    f: (x) => x,
    fWith: (x, e) => F.prelu(x, ag.asTensor(e.w!)),
    extra: (shape) => ({ w: rnd([shape[1]!], shape.length * 31 + shape[1]!, 0, 1) }),
    py: 'np.where(x < 0, w.reshape((-1,) + (1,) * (x.ndim - 2)) * x, x)',
    minDims: 2,
  },
  {
    name: 'maxout pieces=2 dim=1',
    f: (x) => F.maxout(x, 2),
    py: 'x.reshape(x.shape[:1] + (x.shape[1] // 2, 2) + x.shape[2:]).max(axis=2)',
    minDims: 2,
  },
];

/** A random shape for an activation (maxout: dim 1 even). */
function activationShape(a: Activation, r: () => number): number[] {
  const s = randomShape(r, a.minDims ?? 1, 3);
  if (a.name.startsWith('maxout')) s[1] = 2 * pick(r, [1, 2]);
  return s;
}

const EXTREMES = [-1000, -50, -20.5, -1, -1e-9, 0, 1e-9, 1, 20.5, 50, 1000];

describe.runIf(hasNumpy)('activations against their NumPy formulas', () => {
  it('values on random shapes and at extreme inputs', async () => {
    const cases: Case[] = [];
    ACTIVATIONS.forEach((a, k) => {
      const r = seededRandom(100 + k);
      for (let t = 0; t < 4; t++) {
        const shape = activationShape(a, r);
        const x = rnd(shape, 1000 * k + t, -4, 4);
        const extra = a.extra?.(shape) ?? {};
        const run = (xx: np.NDArray) => () => (a.fWith ? a.fWith(ag.asTensor(xx), extra) : a.f(ag.asTensor(xx)));
        cases.push({ label: `${a.name} ${JSON.stringify(shape)}`, ours: run(x), code: a.py, args: { x, ...extra } });
        if (t === 0 && (a.minDims ?? 1) === 1 && !a.name.startsWith('maxout')) {
          const xe = np.array(EXTREMES, { dtype: 'float64' });
          cases.push({ label: `${a.name} extremes`, ours: run(xe), code: a.py, args: { x: xe } });
        }
      }
    });
    await checkAgainstNumpy(cases);
  });
});

describe('activation gradients (gradCheck)', () => {
  for (const a of ACTIVATIONS) {
    it(a.name, () => {
      const r = seededRandom(a.name.length * 97);
      for (let t = 0; t < 3; t++) {
        const shape = activationShape(a, r);
        const x = awayFromZero(shape, 77 * t + a.name.length);
        const extra = a.extra?.(shape) ?? {};
        const f = (xt: ag.Tensor): ag.Tensor => (a.fWith ? a.fWith(xt, extra) : a.f(xt));
        const res = ag.gradCheck(f, [x]);
        expect(res.ok, `${a.name} ${JSON.stringify(shape)}: ${res.message}`).toBe(true);
        // the gradient at extreme inputs is finite
        if ((a.minDims ?? 1) === 1 && !a.name.startsWith('maxout')) {
          const xe = ag.tensor(EXTREMES, { requiresGrad: true });
          f(xe).sum().backward();
          expect(Number(np.all(np.isfinite(xe.grad!))), a.name).toBe(1);
        }
      }
    });
  }

  it('prelu: the gradient reaches the per-channel weight', () => {
    const x = awayFromZero([3, 4, 2], 5);
    const res = ag.gradCheck((xt, wt) => F.prelu(xt, wt), [x, rnd([4], 6, 0, 1)]);
    expect(res.ok, res.message).toBe(true);
  });

  it('rrelu in training: gradient is the drawn slope where x < 0', () => {
    const x = ag.tensor(awayFromZero([50], 3), { requiresGrad: true });
    const y = F.rrelu(x, 0.1, 0.3, true, { rng: np.random.defaultRng(1) });
    y.sum().backward();
    const slope = np.divide(y.data, x.data);
    const neg = np.less(x.data, 0);
    expect(np.allclose(np.where(neg, slope, 1), x.grad!, { rtol: 1e-14 })).toBe(true);
    // the slopes are in [0.1, 0.3) and differ between elements
    const s = slope.get(neg);
    expect(Number(np.min(s))).toBeGreaterThanOrEqual(0.1);
    expect(Number(np.max(s))).toBeLessThan(0.3);
    expect(Number(np.std(s))).toBeGreaterThan(0.01);
  });
});

// ---------------------------------------------------------------- losses

type Red = 'mean' | 'sum' | 'none';
const REDUCTIONS: Red[] = ['mean', 'sum', 'none'];

/** Loss cases for one seed: [label, ours, numpy code, args]. */
function lossCases(seed: number): Case[] {
  const r = seededRandom(seed);
  const out: Case[] = [];
  const red = pick(r, REDUCTIONS);
  const R = `'${red}'`;
  const shape = randomShape(r, 1, 3);
  const x = rnd(shape, seed + 1);
  const y = rnd(shape, seed + 2);
  out.push({ label: `mse ${red}`, ours: () => F.mseLoss(x, y, { reduction: red }), code: `red((x - y) ** 2, ${R})`, args: { x, y } });
  out.push({ label: `l1 ${red}`, ours: () => F.l1Loss(x, y, { reduction: red }), code: `red(np.abs(x - y), ${R})`, args: { x, y } });
  const delta = pick(r, [0.5, 1, 2]);
  out.push({
    label: `huber delta=${delta} ${red}`,
    ours: () => F.huberLoss(x, y, { reduction: red, delta }),
    code: `d = np.abs(x - y)\nresult = red(np.where(d < ${delta}, 0.5 * d * d, ${delta} * (d - 0.5 * ${delta})), ${R})`,
    args: { x, y },
  });
  const beta = pick(r, [0, 0.5, 1]);
  out.push({
    label: `smoothL1 beta=${beta} ${red}`,
    ours: () => F.smoothL1Loss(x, y, { reduction: red, beta }),
    code: beta === 0 ? `red(np.abs(x - y), ${R})` : `d = np.abs(x - y)\nresult = red(np.where(d < ${beta}, 0.5 * d * d / ${beta}, d - 0.5 * ${beta}), ${R})`,
    args: { x, y },
  });
  // binary: probabilities (with exact 0 and 1 somewhere), logits, weights
  const p = np.clip(rnd(shape, seed + 3, -0.2, 1.2), 0, 1);
  const t = np.astype(np.greater(rnd(shape, seed + 4, 0, 1), 0.5), 'float64');
  const w = rnd(shape, seed + 5, 0, 2);
  out.push({
    label: `bce ${red}`,
    ours: () => F.bceLoss(p, t, { reduction: red }),
    code: `result = red(-(t * np.maximum(np.log(p), -100) + (1 - t) * np.maximum(np.log(1 - p), -100)), ${R})`,
    args: { p, t },
  });
  out.push({
    label: `bce weighted ${red}`,
    ours: () => F.bceLoss(p, t, { reduction: red, weight: w }),
    code: `result = red(-w * (t * np.maximum(np.log(p), -100) + (1 - t) * np.maximum(np.log(1 - p), -100)), ${R})`,
    args: { p, t, w },
  });
  const z = rnd(shape, seed + 6, -30, 30);
  const ts = rnd(shape, seed + 7, 0, 1); // soft targets
  const pw = rnd([shape[shape.length - 1]!], seed + 8, 0.5, 3);
  out.push({
    label: `bceWithLogits ${red}`,
    ours: () => F.bceWithLogitsLoss(z, ts, { reduction: red }),
    code: `red(ts * np.logaddexp(0, -z) + (1 - ts) * np.logaddexp(0, z), ${R})`,
    args: { z, ts },
  });
  out.push({
    label: `bceWithLogits posWeight weight ${red}`,
    ours: () => F.bceWithLogitsLoss(z, ts, { reduction: red, posWeight: pw, weight: w }),
    code: `red(w * (pw * ts * np.logaddexp(0, -z) + (1 - ts) * np.logaddexp(0, z)), ${R})`,
    args: { z, ts, pw, w },
  });
  // hinge family
  const s = np.where(np.greater(rnd(shape, seed + 9), 0), 1, -1);
  const margin = pick(r, [1, 0.5, 2]);
  out.push({
    label: `hinge margin=${margin} ${red}`,
    ours: () => F.hingeLoss(x, s, { reduction: red, margin }),
    code: `red(np.maximum(0, ${margin} - s * x), ${R})`,
    args: { x, s },
  });
  out.push({
    label: `hingeEmbedding margin=${margin} ${red}`,
    ours: () => F.hingeEmbeddingLoss(x, s, { reduction: red, margin }),
    code: `red(np.where(s == 1, x, np.maximum(0, ${margin} - x)), ${R})`,
    args: { x, s },
  });
  // gaussian nll: heteroscedastic, one variance per sample, tiny variances (clamped)
  const v = rnd(shape, seed + 10, 0, 2);
  const vSmall = np.where(np.less(v, 0.3), 0, v);
  const full = r() < 0.5;
  out.push({
    label: `gaussianNll full=${full} ${red}`,
    ours: () => F.gaussianNllLoss(x, y, vSmall, { reduction: red, full }),
    code: `vc = np.maximum(v, 1e-6)\nresult = red(0.5 * (np.log(vc) + (x - y) ** 2 / vc) + (0.5 * np.log(2 * np.pi) if ${full ? 'True' : 'False'} else 0), ${R})`,
    args: { x, y, v: vSmall },
  });
  if (shape.length >= 2) {
    const v1 = rnd(shape.slice(0, -1), seed + 11, 0.1, 2);
    out.push({
      label: `gaussianNll var per sample ${red}`,
      ours: () => F.gaussianNllLoss(x, y, v1, { reduction: red }),
      code: `vc = v[..., None]\nresult = red(0.5 * (np.log(vc) + (x - y) ** 2 / vc), ${R})`,
      args: { x, y, v: v1 },
    });
  }
  return out;
}

/** Class-index and class-probability losses for one seed. */
function classCases(seed: number): Case[] {
  const r = seededRandom(seed);
  const out: Case[] = [];
  const red = pick(r, REDUCTIONS);
  const R = `'${red}'`;
  const n = pick(r, [1, 2, 5]);
  const c = pick(r, [2, 3, 4]);
  const spatial = r() < 0.3 ? [pick(r, [1, 3])] : [];
  const unbatched = spatial.length === 0 && r() < 0.15;
  const xshape = unbatched ? [c] : [n, c, ...spatial];
  const tshape = unbatched ? [] : [n, ...spatial];
  const x = rnd(xshape, seed + 1, -5, 5);
  const y = classes(tshape, c, seed + 2);
  const withIgnore = !unbatched && r() < 0.4;
  const yi = withIgnore ? np.where(np.less(rnd(tshape, seed + 3, 0, 1), 0.3), 2, y) : y; // ignore class 2 (ignoreIndex 2)
  const ignoreIndex = withIgnore ? 2 : -100;
  const w = r() < 0.5 ? rnd([c], seed + 4, 0.2, 2) : null;
  const ls = pick(r, [0, 0, 0.1, 0.3]);
  const X = unbatched ? 'x[None]' : 'x';
  const Y = unbatched ? 'y[None]' : 'y';
  // PyTorch's definitions, term by term: nll = -w[y] logp[y], mean over sum of w[y]; smoothing adds
  // eps/C * sum_c w_c (-logp_c) normalised the same way
  const code = [
    `X = ${X}; Y = ${Y}; C = X.shape[1]`,
    `W = ${w === null ? 'np.ones(C)' : 'w'}`,
    'logp = X - lse(X, 1)',
    `valid = (Y != ${ignoreIndex})`,
    'Ys = np.where(valid, Y, 0)',
    'picked = np.take_along_axis(logp, np.expand_dims(Ys, 1), 1)[:, 0]',
    'wy = np.where(valid, W[Ys], 0.0)',
    'nll = -picked * wy',
    'sm = np.where(valid, -(logp * W.reshape((1, C) + (1,) * (X.ndim - 2))).sum(1), 0.0)',
    `r = ${R}`,
    "def fin(l):",
    "    return l.sum() / wy.sum() if r == 'mean' else (l.sum() if r == 'sum' else l)",
    `result = (1 - ${ls}) * fin(nll) + ${ls} / C * fin(sm)`,
    unbatched ? "result = result if r != 'none' else result[0]" : '',
  ].join('\n');
  out.push({
    label: `crossEntropy indices ${JSON.stringify(xshape)} w=${w !== null} ignore=${withIgnore} ls=${ls} ${red}`,
    ours: () => F.crossEntropyLoss(x, yi, { reduction: red, weight: w, ignoreIndex, labelSmoothing: ls }),
    code,
    args: w === null ? { x, y: yi } : { x, y: yi, w },
  });
  out.push({
    label: `nll ${JSON.stringify(xshape)} w=${w !== null} ignore=${withIgnore} ${red}`,
    ours: () => F.nllLoss(x, yi, { reduction: red, weight: w, ignoreIndex }),
    code: [
      `X = ${X}; Y = ${Y}; C = X.shape[1]`,
      `W = ${w === null ? 'np.ones(C)' : 'w'}`,
      `valid = (Y != ${ignoreIndex})`,
      'Ys = np.where(valid, Y, 0)',
      'wy = np.where(valid, W[Ys], 0.0)',
      'l = -np.take_along_axis(X, np.expand_dims(Ys, 1), 1)[:, 0] * wy',
      `r = ${R}`,
      "result = l.sum() / wy.sum() if r == 'mean' else (l.sum() if r == 'sum' else (l[0] if " + (unbatched ? 'True' : 'False') + ' else l))',
    ].join('\n'),
    args: w === null ? { x, y: yi } : { x, y: yi, w },
  });
  // class probabilities
  const q = np.divide(rnd(xshape, seed + 5, 0, 1), 1);
  out.push({
    label: `crossEntropy probabilities ${JSON.stringify(xshape)} w=${w !== null} ls=${ls} ${red}`,
    ours: () => F.crossEntropyLoss(x, q, { reduction: red, weight: w, labelSmoothing: ls }),
    code: [
      `X = ${X}; Q = ${unbatched ? 'q[None]' : 'q'}; C = X.shape[1]`,
      `W = ${w === null ? 'np.ones(C)' : 'w'}`,
      `Q = Q * (1 - ${ls}) + ${ls} / C`,
      'l = -((X - lse(X, 1)) * Q * W.reshape((1, C) + (1,) * (X.ndim - 2))).sum(1)',
      `r = ${R}`,
      `result = l.sum() / (X.size / C) if r == 'mean' else (l.sum() if r == 'sum' else (l[0] if ${unbatched ? 'True' : 'False'} else l))`,
    ].join('\n'),
    args: w === null ? { x, q } : { x, q, w },
  });
  // multi-margin (2-d or 1-d input only)
  if (spatial.length === 0) {
    const p = pick(r, [1, 2] as const);
    const margin = pick(r, [1, 0.5]);
    for (const mode of ['sum', 'max'] as const) {
      out.push({
        label: `multiMargin p=${p} margin=${margin} mode=${mode} w=${w !== null} ${red}`,
        ours: () => F.multiMarginLoss(x, y, { reduction: red, p, margin, weight: w, mode }),
        code: [
          `X = ${X}; Y = np.atleast_1d(y); N, C = X.shape`,
          `W = ${w === null ? 'np.ones(C)' : 'w'}`,
          'l = np.zeros(N)',
          'for i in range(N):',
          '    v = [max(0.0, ' + margin + ' - X[i, Y[i]] + X[i, j]) ** ' + p + ' * W[Y[i]] for j in range(C) if j != Y[i]]',
          `    l[i] = ${mode === 'sum' ? 'sum(v) / C' : 'max(v)'}`,
          `r = ${R}`,
          `result = l.mean() if r == 'mean' else (l.sum() if r == 'sum' else (l[0] if ${unbatched ? 'True' : 'False'} else l))`,
        ].join('\n'),
        args: w === null ? { x, y } : { x, y, w },
      });
    }
  }
  return out;
}

describe.runIf(hasNumpy)('losses against their NumPy formulas', () => {
  it('regression and binary losses, every reduction', async () => {
    const cases: Case[] = [];
    for (let s = 0; s < 24; s++) cases.push(...lossCases(31 * s + 1));
    await checkAgainstNumpy(cases, LOSS_TOL);
  });

  it('class-index and class-probability losses: weights, ignoreIndex, label smoothing, spatial and unbatched inputs', async () => {
    const cases: Case[] = [];
    for (let s = 0; s < 40; s++) cases.push(...classCases(53 * s + 2));
    await checkAgainstNumpy(cases, LOSS_TOL);
  });

  it('penalties: lambda sum|w| and lambda/(2m) sum w^2', async () => {
    const ws = [rnd([3, 2], 1), rnd([4], 2), rnd([], 3)];
    await checkAgainstNumpy([
      { label: 'l1Penalty', ours: () => F.l1Penalty(ws.map((a) => ag.asTensor(a)), 0.3), code: '0.3 * (np.abs(a).sum() + np.abs(b).sum() + np.abs(c).sum())', args: { a: ws[0]!, b: ws[1]!, c: ws[2]! } },
      { label: 'l2Penalty m=7', ours: () => F.l2Penalty(ws.map((a) => ag.asTensor(a)), 0.3, 7), code: '0.3 / (2 * 7) * ((a ** 2).sum() + (b ** 2).sum() + (c ** 2).sum())', args: { a: ws[0]!, b: ws[1]!, c: ws[2]! } },
      { label: 'l2Penalty m=1', ours: () => F.l2Penalty(ag.asTensor(ws[0]!), 2), code: '2 / 2 * (a ** 2).sum()', args: { a: ws[0]! } },
    ]);
  });

  it('extreme logits (+-1000) and probabilities 0, 1: finite values and gradients equal to the closed forms', async () => {
    const py = await oracle();
    const z = np.array([[1000, -1000, 0], [-1000, 1000, 999], [1000, 1000, -1000]], { dtype: 'float64' });
    const y = np.array([0, 0, 2], { dtype: 'int32' });
    const q = np.array([[1, 0, 0], [0.5, 0.5, 0], [0, 0, 1]], { dtype: 'float64' });
    const b = np.array([1000, -1000, 1000, -1000, 0], { dtype: 'float64' });
    const bt = np.array([1, 0, 0, 1, 1], { dtype: 'float64' });
    const ours: [string, ag.Tensor, ag.Tensor][] = [];
    const run = (label: string, x: np.NDArray, f: (t: ag.Tensor) => ag.Tensor): void => {
      const t = ag.tensor(x, { requiresGrad: true });
      const v = f(t);
      v.backward();
      ours.push([label, v, new ag.Tensor(t.grad!)]);
    };
    run('crossEntropy indices', z, (t) => F.crossEntropyLoss(t, y));
    run('crossEntropy probabilities', z, (t) => F.crossEntropyLoss(t, q));
    run('crossEntropy smoothing 0.2', z, (t) => F.crossEntropyLoss(t, y, { labelSmoothing: 0.2 }));
    run('bceWithLogits', b, (t) => F.bceWithLogitsLoss(t, bt));
    run('bce at 0 and 1', np.array([0, 1, 0, 1, 0.5], { dtype: 'float64' }), (t) => F.bceLoss(t, bt));
    run('logSoftmax', z, (t) => F.logSoftmax(t, 1).sum());
    const answers = await py.run([
      // value, gradient: softmax - target (mean over 3 samples)
      { code: 'L = z - (z.max(1, keepdims=True) + np.log(np.exp(z - z.max(1, keepdims=True)).sum(1, keepdims=True)))\nT = np.eye(3)[y]\nresult = [-(L * T).sum() / 3, (np.exp(L) - T) / 3]', args: { z, y } },
      { code: 'L = z - (z.max(1, keepdims=True) + np.log(np.exp(z - z.max(1, keepdims=True)).sum(1, keepdims=True)))\nresult = [-(L * q).sum() / 3, (np.exp(L) * q.sum(1, keepdims=True) - q) / 3]', args: { z, q } },
      { code: 'L = z - (z.max(1, keepdims=True) + np.log(np.exp(z - z.max(1, keepdims=True)).sum(1, keepdims=True)))\nT = np.eye(3)[y] * 0.8 + 0.2 / 3\nresult = [-(L * T).sum() / 3, (np.exp(L) - T) / 3]', args: { z, y } },
      { code: 's = np.exp(-np.logaddexp(0, -b))\nresult = [(bt * np.logaddexp(0, -b) + (1 - bt) * np.logaddexp(0, b)).mean(), (s - bt) / 5]', args: { b, bt } },
      // PyTorch's clamps: log >= -100 in the value, x (1 - x) >= 1e-12 in the gradient
      { code: 'p = np.array([0, 1, 0, 1, 0.5])\nwith np.errstate(all="ignore"):\n    v = -(bt * np.maximum(np.log(p), -100) + (1 - bt) * np.maximum(np.log(1 - p), -100))\nresult = [v.mean(), (p - bt) / np.maximum(p * (1 - p), 1e-12) / 5]', args: { bt } },
      { code: 'result = [np.float64(0) + (z - (z.max(1, keepdims=True) + np.log(np.exp(z - z.max(1, keepdims=True)).sum(1, keepdims=True)))).sum(), 1 - 3 * np.exp(z - (z.max(1, keepdims=True) + np.log(np.exp(z - z.max(1, keepdims=True)).sum(1, keepdims=True))))]', args: { z } },
    ]);
    const failures: string[] = [];
    ours.forEach(([label, v, g], i) => {
      const ans = answers[i]!;
      if (!ans.ok) {
        failures.push(`${label}: NumPy raised ${ans.message}`);
        return;
      }
      const [ev, eg] = ans.value as [never, never];
      expect(Number(np.all(np.isfinite(v.data))), label).toBe(1);
      expect(Number(np.all(np.isfinite(g.data))), label).toBe(1);
      const m = mismatch(v.data, ev, TOL) ?? mismatch(g.data, eg, { rtol: 1e-9, atol: 1e-12 });
      if (m !== null) failures.push(`${label}: ${m}`);
    });
    expect(failures).toEqual([]);
  });
});

describe('loss gradients (gradCheck)', () => {
  const x = rnd([4, 3], 1);
  const y = rnd([4, 3], 2);
  const idx = classes([4], 3, 3);
  const idxSpatial = classes([4, 2], 3, 33);
  const p = rnd([4, 3], 4, 0.05, 0.95);
  const t01 = rnd([4, 3], 5, 0, 1);
  const sgn = np.where(np.greater(rnd([4, 3], 6), 0), 1, -1);
  const v = rnd([4, 3], 7, 0.2, 2);
  const cases: [string, (...a: ag.Tensor[]) => ag.Tensor, np.NDArray[]][] = [
    ['mseLoss (input, target)', (a, b) => F.mseLoss(a, b), [x, y]],
    ['l1Loss', (a, b) => F.l1Loss(a, b, { reduction: 'sum' }), [x, y]],
    ['huberLoss', (a, b) => F.huberLoss(a, b, { delta: 0.7 }), [x, y]],
    ['smoothL1Loss', (a, b) => F.smoothL1Loss(a, b, { beta: 0.7, reduction: 'none' }), [x, y]],
    ['bceLoss (input, target)', (a, b) => F.bceLoss(a, b), [p, t01]],
    ['bceWithLogitsLoss (input, target)', (a, b) => F.bceWithLogitsLoss(a, b, { posWeight: [1, 2, 3] }), [x, t01]],
    ['crossEntropyLoss indices', (a) => F.crossEntropyLoss(a, idx, { weight: [1, 2, 0.5], labelSmoothing: 0.1 }), [x]],
    ['crossEntropyLoss spatial', (a) => F.crossEntropyLoss(a, idxSpatial), [rnd([4, 3, 2], 8)]],
    ['crossEntropyLoss probabilities (input, target)', (a, b) => F.crossEntropyLoss(a, b, { labelSmoothing: 0.2 }), [x, t01]],
    ['nllLoss', (a) => F.nllLoss(a, idx, { weight: [1, 2, 0.5] }), [x]],
    ['hingeLoss', (a) => F.hingeLoss(a, sgn, { margin: 0.5 }), [x]],
    ['hingeEmbeddingLoss', (a) => F.hingeEmbeddingLoss(a, sgn, { margin: 0.5 }), [x]],
    ['multiMarginLoss p=1', (a) => F.multiMarginLoss(a, idx, { margin: 2 }), [x]],
    ['multiMarginLoss p=2 weight', (a) => F.multiMarginLoss(a, idx, { p: 2, margin: 2, weight: [1, 2, 3] }), [x]],
    ['multiMarginLoss max', (a) => F.multiMarginLoss(a, idx, { margin: 2, mode: 'max' }), [x]],
    ['gaussianNllLoss (input, target, var)', (a, b, c) => F.gaussianNllLoss(a, b, c, { full: true }), [x, y, v]],
    ['l1Penalty', (a, b) => F.l1Penalty([a, b], 0.3), [x, y]],
    ['l2Penalty', (a, b) => F.l2Penalty([a, b], 0.3, 5), [x, y]],
  ];
  for (const [label, f, inputs] of cases) {
    it(label, () => {
      const before = inputs.map(fingerprint);
      const res = ag.gradCheck(f, inputs);
      expect(res.ok, res.message).toBe(true);
      expect(inputs.map(fingerprint)).toEqual(before);
    });
  }
});

/**
 * The autoencoders (`nn.Autoencoder`, `SparseAutoencoder`, `DenoisingAutoencoder`,
 * `ContractiveAutoencoder`): Module behaviour (parameters, state-dict keys, train/eval,
 * printout, dtype), every error message, the sparse penalties and their gradients, the
 * noise (statistics, seeds, train/eval, gradients through it, clean targets), the
 * contractive closed form against the autograd Jacobian (values and every parameter
 * gradient), `nn.fit` / `nn.evaluate` with `ae.criterion` equal to the hand-written loop,
 * and learning: an undercomplete autoencoder reconstructs a 2-D plane in 10-D, a denoising
 * one removes most of the noise. Formulas against NumPy are in
 * `test/properties/autoencoder.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { expectThrows, fingerprint } from '../../../test/helpers.js';
import { toPlain } from '../../../test/reference/plain.js';

const F = nn.functional;

function values(a: np.NDArray | ag.Tensor): number[] {
  return toPlain(a instanceof ag.Tensor ? a.data : a).values.map(Number);
}

function expectClose(actual: number[], expected: number[], rtol = 1e-12, atol = 1e-14): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => {
    const e = expected[i]!;
    if (!(Math.abs(v - e) <= atol + rtol * Math.abs(e))) throw new Error(`element ${i}: ${v} != ${e} (rtol ${rtol})`);
  });
}

/** A seeded batch of `n` samples of `d` features, standard normal. */
function batch(n: number, d: number, seed = 0): np.NDArray {
  return np.random.defaultRng(seed).standardNormal([n, d]) as np.NDArray;
}

/** `{ encoder: Sequential(Linear(d, k), act), decoder: Linear(k, d) }`, initialised from `np.random.seed(seed)`. */
function halves(d: number, k: number, seed = 0, act: () => nn.Module = () => new nn.Tanh()): { encoder: nn.Sequential; decoder: nn.Linear } {
  np.random.seed(seed);
  return { encoder: new nn.Sequential(new nn.Linear(d, k), act()), decoder: new nn.Linear(k, d) };
}

/** A module computing a given function of its input. */
class Fn extends nn.Module {
  constructor(public fn: (x: ag.Tensor) => ag.Tensor) {
    super();
  }
  override forward(x: ag.Tensor): ag.Tensor {
    return this.fn(x);
  }
}

/**
 * Central differences of `loss()` with respect to every parameter element of `model`
 * (perturbed in place, restored), against the gradients of `loss().backward()`.
 */
function expectParameterGradients(model: nn.Module, loss: () => ag.Tensor, eps = 1e-6): void {
  model.zeroGrad();
  loss().backward();
  for (const [name, p] of model.namedParameters()) {
    const analytic = values(p.grad!);
    const flat = np.ravel(p.data); // a view: p.data is contiguous
    expect(flat.base !== null || flat === p.data).toBe(true);
    analytic.forEach((a, i) => {
      const v = Number(flat.item(i));
      flat.set(i, v + eps);
      const up = ag.noGrad(() => loss().item());
      flat.set(i, v - eps);
      const down = ag.noGrad(() => loss().item());
      flat.set(i, v);
      const numeric = (up - down) / (2 * eps);
      if (!(Math.abs(a - numeric) <= 1e-6 + 1e-4 * Math.abs(numeric))) throw new Error(`${name}[${i}]: analytic ${a}, numeric ${numeric}`);
    });
  }
}

describe('an autoencoder is a Module', () => {
  it('parameters and state-dict keys: the encoder then the decoder', () => {
    np.random.seed(0);
    const ae = new nn.Autoencoder({
      encoder: new nn.Sequential(new nn.Linear(4, 2), new nn.Tanh()),
      decoder: new nn.Sequential(new nn.Linear(2, 4)),
    });
    expect(Object.keys(ae.stateDict())).toEqual(['encoder.0.weight', 'encoder.0.bias', 'decoder.0.weight', 'decoder.0.bias']);
    const ps = ae.parameters();
    expect(ps.length).toBe(4);
    [...ae.encoder.parameters(), ...ae.decoder.parameters()].forEach((p, i) => expect(p === ps[i]).toBe(true));
    expect(ae.encoder.get(0) instanceof nn.Linear).toBe(true); // the halves keep their types
  });

  it('every variant registers exactly the two halves', () => {
    const h = halves(3, 2);
    const all = [
      new nn.Autoencoder(h),
      new nn.SparseAutoencoder(h),
      new nn.DenoisingAutoencoder({ ...h, seed: 0 }),
      new nn.ContractiveAutoencoder(h),
    ];
    for (const ae of all) {
      expect(ae.namedChildren().map(([k]) => k)).toEqual(['encoder', 'decoder']);
      expect(Object.keys(ae.stateDict())).toEqual(['encoder.0.weight', 'encoder.0.bias', 'decoder.weight', 'decoder.bias']);
    }
  });

  it('train() and eval() reach both halves', () => {
    const ae = new nn.Autoencoder({ encoder: new nn.Sequential(new nn.Linear(3, 2), new nn.Dropout(0.5)), decoder: new nn.Linear(2, 3) });
    ae.eval();
    expect([ae.training, ae.encoder.training, ae.encoder.get(1).training, ae.decoder.training]).toEqual([false, false, false, false]);
    ae.train();
    expect([ae.training, ae.encoder.get(1).training, ae.decoder.training]).toEqual([true, true, true]);
  });

  it('prints its settings and halves as PyTorch prints modules', () => {
    const h = halves(3, 2);
    expect(String(new nn.SparseAutoencoder({ ...h, penalty: 'l2', weight: 0.5 }))).toBe(
      'SparseAutoencoder(\n  penalty=l2, weight=0.5\n  (encoder): Sequential(\n    (0): Linear(inFeatures=3, outFeatures=2, bias=true)\n    (1): Tanh()\n  )\n  (decoder): Linear(inFeatures=2, outFeatures=3, bias=true)\n)',
    );
    expect(String(new nn.DenoisingAutoencoder({ ...h, noise: 'masking', p: 0.2 })).split('\n')[1]).toBe('  noise=masking, p=0.2');
    expect(String(new nn.DenoisingAutoencoder(h)).split('\n')[1]).toBe('  noise=gaussian, sigma=0.1');
    expect(String(new nn.ContractiveAutoencoder(h)).split('\n')[1]).toBe('  weight=0.001, jacobian=autograd');
    expect(String(new nn.ContractiveAutoencoder(halves(3, 2, 0, () => new nn.Sigmoid()))).split('\n')[1]).toBe('  weight=0.001, jacobian=closedForm');
  });

  it('encode, decode, forward: forward(x) = decode(encode(x)), for a batch and a single sample', () => {
    const ae = new nn.Autoencoder(halves(5, 2));
    const x = batch(4, 5);
    const h = ae.encode(x);
    expect(h.shape).toEqual([4, 2]);
    expect(ae.decode(h).shape).toEqual([4, 5]);
    expect(values(ae.forward(x))).toEqual(values(ae.decode(ae.encode(x))));
    const one = np.array([0.5, -1, 2, 0, 1]);
    expect(ae.forward(one).shape).toEqual([5]);
    expect(values(ae.forward(one))).toEqual(values(ae.forward(np.reshape(one, [1, 5]))));
  });

  it('loss(x) is the mean squared reconstruction error; lossTerms splits it', () => {
    const ae = new nn.Autoencoder(halves(5, 2));
    const x = batch(6, 5);
    const expected = F.mseLoss(ae.forward(x), x).item();
    expect(ae.loss(x).item()).toBe(expected);
    const t = ae.lossTerms(x);
    expect(t.loss.item()).toBe(expected);
    expect(t.reconstruction === t.loss).toBe(true);
    expect(t.penalty).toBe(null);
  });

  it('a state dict moves between autoencoders of the same shape', () => {
    const a = new nn.SparseAutoencoder(halves(4, 2, 1));
    const b = new nn.SparseAutoencoder(halves(4, 2, 2));
    const x = batch(3, 4);
    expect(a.loss(x).item()).not.toBe(b.loss(x).item());
    b.loadStateDict(a.stateDict());
    expect(b.loss(x).item()).toBe(a.loss(x).item());
  });

  it('float32: every variant computes in the model dtype', () => {
    const x = np.astype(batch(4, 3), 'float32');
    const sig = (): nn.Module => new nn.Sigmoid();
    const models = [
      new nn.Autoencoder(halves(3, 2)),
      new nn.SparseAutoencoder(halves(3, 2)),
      new nn.DenoisingAutoencoder({ ...halves(3, 2), seed: 1 }),
      new nn.ContractiveAutoencoder({ ...halves(3, 2), weight: 0.5 }),
      new nn.ContractiveAutoencoder({ ...halves(3, 2, 0, sig), weight: 0.5 }),
    ];
    for (const m of models) {
      const ref = m.loss(np.astype(x, 'float64')).item();
      if (m instanceof nn.DenoisingAutoencoder) m.eval(); // the noise stream moved on
      m.to('float32');
      const l = m.loss(x);
      expect(l.dtype).toBe('float32');
      l.backward();
      for (const p of m.parameters()) expect(p.grad!.dtype).toBe('float32');
      if (!(m instanceof nn.DenoisingAutoencoder)) expectClose([l.item()], [ref], 1e-5, 1e-6);
    }
  });

  it('does not modify its input', () => {
    const x = batch(4, 3);
    const before = fingerprint(x);
    const h = halves(3, 2);
    for (const m of [new nn.SparseAutoencoder(h), new nn.DenoisingAutoencoder({ ...h, seed: 0 }), new nn.DenoisingAutoencoder({ ...h, noise: 'masking', seed: 0 }), new nn.ContractiveAutoencoder(h)]) {
      m.loss(x).backward();
    }
    expect(fingerprint(x)).toBe(before);
  });
});

describe('errors', () => {
  const h = halves(3, 2);
  it('the halves must be modules', () => {
    expectThrows(() => new nn.Autoencoder({ encoder: h.encoder, decoder: (() => 1) as unknown as nn.Module }), TypeError, 'Autoencoder: decoder must be an nn.Module, got function');
    expectThrows(() => new nn.SparseAutoencoder({ encoder: null as unknown as nn.Module, decoder: h.decoder }), TypeError, 'SparseAutoencoder: encoder must be an nn.Module, got null');
    expectThrows(() => new nn.Autoencoder(undefined as unknown as nn.AutoencoderOptions), TypeError, 'Autoencoder: expected an options object { encoder, decoder }');
  });

  it('settings out of range', () => {
    expectThrows(() => new nn.SparseAutoencoder({ ...h, penalty: 'l3' as nn.SparsePenalty }), np.ValueError, `penalty must be 'l1' or 'l2', but got "l3"`);
    expectThrows(() => new nn.SparseAutoencoder({ ...h, weight: -1 }), np.ValueError, 'penalty weight must be a finite number >= 0, but got -1');
    expectThrows(() => new nn.ContractiveAutoencoder({ ...h, weight: NaN }), np.ValueError, 'penalty weight must be a finite number >= 0, but got NaN');
    expectThrows(() => nn.codePenalty([1], 'l1', Infinity), np.ValueError, 'penalty weight must be a finite number >= 0, but got Infinity');
    expectThrows(() => new nn.DenoisingAutoencoder({ ...h, noise: 'salt' as nn.NoiseKind }), np.ValueError, `noise must be 'gaussian' or 'masking', but got "salt"`);
    expectThrows(() => new nn.DenoisingAutoencoder({ ...h, noise: 'masking', p: 1.5 }), np.ValueError, 'masking probability has to be between 0 and 1, but got 1.5');
    expectThrows(() => new nn.DenoisingAutoencoder({ ...h, sigma: -0.1 }), np.ValueError, 'noise sigma must be a finite number >= 0, but got -0.1');
    expectThrows(() => nn.maskingNoise([1], NaN), np.ValueError, 'masking probability has to be between 0 and 1, but got NaN');
    expectThrows(() => nn.gaussianNoise([1], Infinity), np.ValueError, 'noise sigma must be a finite number >= 0, but got Infinity');
    expectThrows(() => new nn.ContractiveAutoencoder({ ...h, jacobian: 'numeric' as nn.JacobianMethod }), np.ValueError, `jacobian must be 'auto', 'autograd' or 'closedForm', but got "numeric"`);
  });

  it('a setting of the other kind of noise, or two generators, is refused rather than ignored', () => {
    expectThrows(() => new nn.DenoisingAutoencoder({ ...h, p: 0.2 }), np.ValueError, "p is the masking probability: it needs noise: 'masking'");
    expectThrows(() => new nn.DenoisingAutoencoder({ ...h, noise: 'masking', sigma: 0.2 }), np.ValueError, "sigma is the Gaussian noise's standard deviation: it needs noise: 'gaussian'");
    expectThrows(() => new nn.DenoisingAutoencoder({ ...h, seed: 1, rng: np.random.defaultRng(1) }), np.ValueError, 'give either rng or seed, not both');
  });

  it("the closed form is refused for another encoder, at construction", () => {
    expectThrows(() => new nn.ContractiveAutoencoder({ ...h, jacobian: 'closedForm' }), np.ValueError, "jacobian: 'closedForm' needs an encoder Sequential(Linear, Sigmoid), got Sequential");
    expectThrows(() => nn.sigmoidJacobianNormSq(ag.tensor([[0.5, 0.5]]), ag.tensor([[1, 2, 3]])), np.ValueError, "sigmoidJacobianNormSq: the code's last axis (2) must match the weight's rows; weight shape (1, 3)");
  });

  it('a decoder that does not give back the input shape', () => {
    const ae = new nn.Autoencoder({ encoder: new nn.Linear(3, 2), decoder: new nn.Linear(2, 4) });
    expectThrows(() => ae.loss(batch(5, 3)), np.ValueError, "Autoencoder: the reconstruction has shape (5, 4) but the input has shape (5, 3); the decoder must map codes back to the input's shape");
  });

  it("an encoder that drops the batch axis (the per-sample Jacobian is undefined)", () => {
    const cae = new nn.ContractiveAutoencoder({ encoder: new Fn((v) => v.sum(0)), decoder: new Fn((c) => ag.broadcastTo(c, [4, 3])) });
    expectThrows(() => cae.loss(batch(4, 3)), np.ValueError, 'the code has 1 sample(s) but the input has 4: the encoder must keep the batch axis');
  });

  it('criterion with an output that is not the last forward pass of a variant with a penalty', () => {
    const sae = new nn.SparseAutoencoder(h);
    const x = batch(4, 3);
    const msg = "SparseAutoencoder.criterion: the output is not the result of this autoencoder's last forward call, so its penalty is unknown; pass the model's own output (as nn.fit does) or call ae.loss(x)";
    expectThrows(() => sae.criterion(ag.asTensor(x), ag.asTensor(x)), np.ValueError, msg);
    const first = sae.forward(x);
    sae.forward(x);
    expectThrows(() => sae.criterion(first, ag.asTensor(x)), np.ValueError, msg);
    // without a penalty any output will do: it is F.mseLoss
    const ae = new nn.Autoencoder(h);
    expect(ae.criterion(ag.asTensor(np.zeros([4, 3])), ag.asTensor(x)).item()).toBe(F.mseLoss(np.zeros([4, 3]), x).item());
  });
});

describe('sparse', () => {
  it('L1 and L2 norms of each sample, averaged over the batch', () => {
    expect(nn.codePenalty(ag.tensor([[1, -2], [0, 3]]), 'l1', 0.5).item()).toBe(1.5);
    expect(nn.codePenalty(ag.tensor([[1, -2], [0, 3]]), 'l2', 1).item()).toBe(7);
    expect(nn.codePenalty(ag.tensor([1, -2]), 'l1', 1).item()).toBe(3); // a vector is one sample
    expect(nn.codePenalty(ag.tensor([[[1, -1], [2, 0]]]), 'l2', 2).item()).toBe(12); // one sample of shape (2, 2)
  });

  it('gradients: weight * sign(h) / N (0 at 0) and 2 weight h / N', () => {
    const h = ag.tensor([[1, -2], [0, 3]]);
    expect(values(ag.grad((t: ag.Tensor) => nn.codePenalty(t, 'l1', 0.5))(h))).toEqual([0.25, -0.25, 0, 0.25]);
    expect(values(ag.grad((t: ag.Tensor) => nn.codePenalty(t, 'l2', 0.5))(h))).toEqual([0.5, -1, 0, 1.5]);
  });

  it('the loss adds the weighted penalty of the code of the same pass', () => {
    const h = halves(4, 3);
    const x = batch(5, 4);
    for (const penalty of ['l1', 'l2'] as const) {
      const sae = new nn.SparseAutoencoder({ ...h, penalty, weight: 0.2 });
      const t = sae.lossTerms(x);
      const code = sae.encode(x);
      expect(t.penalty!.item()).toBe(nn.codePenalty(code, penalty, 0.2).item());
      expect(t.reconstruction.item()).toBe(new nn.Autoencoder(h).loss(x).item());
      expect(t.loss.item()).toBe(t.reconstruction.item() + t.penalty!.item());
      expect(sae.penalty).toBe(penalty);
      expect(sae.weight).toBe(0.2);
    }
    expect(new nn.SparseAutoencoder(h).penalty).toBe('l1');
    expect(new nn.SparseAutoencoder(h).weight).toBe(1e-3);
  });

  it('parameter gradients of the full loss by central differences', () => {
    const sae = new nn.SparseAutoencoder({ ...halves(4, 3, 3), penalty: 'l1', weight: 0.3 });
    const x = batch(5, 4, 3);
    expectParameterGradients(sae, () => sae.loss(x));
  });
});

describe('noise', () => {
  it('gaussian: mean 0 and standard deviation sigma', () => {
    const sigma = 0.5;
    const noisy = nn.gaussianNoise(np.zeros([200, 100]), sigma, { rng: np.random.defaultRng(0) });
    const n = 20000;
    const mean = Number(np.mean(noisy.data));
    const std = Number(np.std(noisy.data));
    expect(Math.abs(mean)).toBeLessThan((4 * sigma) / Math.sqrt(n));
    expect(Math.abs(std / sigma - 1)).toBeLessThan(4 / Math.sqrt(2 * n));
  });

  it('gaussian: added to the input; sigma 0 is the identity', () => {
    const x = batch(3, 4);
    const noisy = nn.gaussianNoise(x, 0.3, { rng: np.random.defaultRng(7) });
    const noise = np.random.defaultRng(7).normal(0, 0.3, [3, 4]) as np.NDArray;
    expect(values(noisy)).toEqual(values(np.add(x, noise)));
    expect(values(nn.gaussianNoise(x, 0))).toEqual(values(x));
  });

  it('masking: a fraction p of zeros, the rest unchanged (not rescaled)', () => {
    const p = 0.3;
    const x = np.add(np.random.defaultRng(1).uniform(0, 1, [200, 100]) as np.NDArray, 1); // no zeros
    const out = values(nn.maskingNoise(x, p, { rng: np.random.defaultRng(2) }));
    const xs = values(x);
    let zeros = 0;
    out.forEach((v, i) => {
      if (v === 0) zeros++;
      else expect(v).toBe(xs[i]);
    });
    const n = xs.length;
    expect(Math.abs(zeros / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it('masking: p 0 keeps everything, p 1 drops everything', () => {
    const x = batch(3, 4);
    expect(values(nn.maskingNoise(x, 0))).toEqual(values(x));
    expect(values(nn.maskingNoise(x, 1)).every((v) => v === 0)).toBe(true);
  });

  it('dtypes: float32 stays float32 (same draws as float64, rounded), integers become float64', () => {
    const x = np.array([[1, 2], [3, 4]], { dtype: 'float32' });
    const a = nn.gaussianNoise(x, 0.1, { rng: np.random.defaultRng(3) });
    const b = nn.gaussianNoise(np.astype(x, 'float64'), 0.1, { rng: np.random.defaultRng(3) });
    expect(a.dtype).toBe('float32');
    expect(values(a)).toEqual(values(np.astype(b.data, 'float32')));
    expect(nn.maskingNoise(np.array([1, 2, 3]), 0.5, { rng: np.random.defaultRng(0) }).dtype).toBe('float64');
    expect(nn.gaussianNoise(np.array([1, 2, 3]), 0).dtype).toBe('float64');
  });

  it('the gradient reaches the input through the noise: 1 for gaussian, the mask for masking', () => {
    const x = np.add(batch(3, 4), 10); // no zeros
    expect(values(ag.grad((t: ag.Tensor) => nn.gaussianNoise(t, 0.5, { rng: np.random.defaultRng(0) }).sum())(x))).toEqual(Array(12).fill(1));
    const mask = values(nn.maskingNoise(x, 0.5, { rng: np.random.defaultRng(4) })).map((v) => (v === 0 ? 0 : 1));
    expect(values(ag.grad((t: ag.Tensor) => nn.maskingNoise(t, 0.5, { rng: np.random.defaultRng(4) }).sum())(x))).toEqual(mask);
  });
});

describe('denoising', () => {
  const x = batch(6, 4, 1);

  it('defaults: gaussian noise, sigma 0.1', () => {
    const dae = new nn.DenoisingAutoencoder(halves(4, 2));
    expect([dae.noise, dae.sigma, dae.p]).toEqual(['gaussian', 0.1, 0]);
    expect(new nn.DenoisingAutoencoder({ ...halves(4, 2), noise: 'masking' }).p).toBe(0.25);
  });

  it('training: the loss reconstructs the corrupted input and compares with the clean one', () => {
    for (const noise of ['gaussian', 'masking'] as const) {
      const h = halves(4, 2, 5);
      const dae = new nn.DenoisingAutoencoder({ ...h, noise, seed: 11 });
      const rng = np.random.defaultRng(11);
      const corrupted = noise === 'gaussian' ? nn.gaussianNoise(x, 0.1, { rng }) : nn.maskingNoise(x, 0.25, { rng });
      const expected = F.mseLoss(h.decoder.forward(h.encoder.forward(corrupted)), x).item();
      expect(dae.loss(x).item()).toBe(expected);
      expect(dae.loss(x).item()).not.toBe(expected); // the next batch draws new noise
    }
  });

  it('seeds: the same seed corrupts the same way, another seed differently', () => {
    const h = halves(4, 2);
    const a = new nn.DenoisingAutoencoder({ ...h, sigma: 0.5, seed: 3 });
    const b = new nn.DenoisingAutoencoder({ ...h, sigma: 0.5, seed: 3 });
    const c = new nn.DenoisingAutoencoder({ ...h, sigma: 0.5, seed: 4 });
    const la = [a.loss(x).item(), a.loss(x).item()];
    expect([b.loss(x).item(), b.loss(x).item()]).toEqual(la);
    expect(c.loss(x).item()).not.toBe(la[0]);
    // an rng given is used as is (and advanced)
    const rng = np.random.defaultRng(3);
    const d = new nn.DenoisingAutoencoder({ ...h, sigma: 0.5, rng });
    expect(d.rng === rng).toBe(true);
    expect(d.loss(x).item()).toBe(la[0]);
    // without either: NumPy's global legacy state
    np.random.seed(8);
    const e1 = new nn.DenoisingAutoencoder({ ...h, sigma: 0.5 }).loss(x).item();
    np.random.seed(8);
    expect(new nn.DenoisingAutoencoder({ ...h, sigma: 0.5 }).loss(x).item()).toBe(e1);
  });

  it('eval mode: no corruption (forward = decode(encode(x))), and corrupt() still corrupts', () => {
    const h = halves(4, 2);
    const dae = new nn.DenoisingAutoencoder({ ...h, sigma: 1, seed: 0 });
    const clean = values(h.decoder.forward(h.encoder.forward(ag.asTensor(x))));
    expect(values(dae.forward(x))).not.toEqual(clean);
    dae.eval();
    expect(values(dae.forward(x))).toEqual(clean);
    expect(dae.loss(x).item()).toBe(new nn.Autoencoder(h).loss(x).item());
    expect(values(dae.corrupt(x))).not.toEqual(values(x));
    dae.train();
    expect(values(dae.forward(x))).not.toEqual(clean);
  });

  it('parameter gradients by central differences (the same noise every evaluation)', () => {
    const h = halves(4, 3, 2);
    const dae = new nn.Autoencoder(h); // gradients of the clean loss at the fixed corrupted input
    const xt = nn.gaussianNoise(x, 0.3, { rng: np.random.defaultRng(1) });
    const clean = ag.asTensor(x);
    expectParameterGradients(dae, () => dae.criterion(dae.forward(xt), clean));
    const real = new nn.DenoisingAutoencoder({ ...h, sigma: 0.3, seed: 1 });
    real.zeroGrad();
    real.loss(x).backward();
    const viaReal = real.parameters().map((p) => values(p.grad!));
    dae.zeroGrad();
    dae.criterion(dae.forward(xt), clean).backward();
    expect(dae.parameters().map((p) => values(p.grad!))).toEqual(viaReal);
  });
});

describe('contractive', () => {
  it('chooses the closed form for Sequential(Linear, Sigmoid) only, unless forced to autograd', () => {
    const sig = (): nn.Module => new nn.Sigmoid();
    const cases: [nn.Module, boolean][] = [
      [new nn.Sequential(new nn.Linear(3, 2), new nn.Sigmoid()), true],
      [new nn.Sequential(new nn.Linear(3, 2, { bias: false }), new nn.Sigmoid(2)), true],
      [new nn.Sequential(new nn.Linear(3, 2), new nn.Tanh()), false],
      [new nn.Sequential(new nn.Linear(3, 2), new nn.Sigmoid(), new nn.Identity()), false],
      [new nn.Sequential(new nn.Sigmoid(), new nn.Linear(3, 2)), false],
      [new nn.Linear(3, 2), false],
    ];
    for (const [encoder, closed] of cases) expect(new nn.ContractiveAutoencoder({ encoder, decoder: new nn.Linear(2, 3) }).usesClosedForm).toBe(closed);
    expect(new nn.ContractiveAutoencoder({ ...halves(3, 2, 0, sig), jacobian: 'autograd' }).usesClosedForm).toBe(false);
    expect(new nn.ContractiveAutoencoder({ ...halves(3, 2, 0, sig), jacobian: 'closedForm' }).usesClosedForm).toBe(true);
  });

  it('the closed form equals the autograd Jacobian: values and every parameter gradient', () => {
    const configs = [
      { n: 5, d: 4, k: 3, alpha: 1, bias: true },
      { n: 1, d: 6, k: 2, alpha: 2.5, bias: true },
      { n: 3, d: 2, k: 5, alpha: 0.7, bias: false },
      { n: null, d: 3, k: 2, alpha: 1, bias: true }, // one sample as a vector
    ];
    for (const c of configs) {
      const x = c.n === null ? np.array([0.3, -1.2, 2]) : batch(c.n, c.d, c.d);
      const make = (jacobian: nn.JacobianMethod): nn.ContractiveAutoencoder => {
        np.random.seed(c.k);
        return new nn.ContractiveAutoencoder({
          encoder: new nn.Sequential(new nn.Linear(c.d, c.k, { bias: c.bias }), new nn.Sigmoid(c.alpha)),
          decoder: new nn.Linear(c.k, c.d),
          weight: 0.7,
          jacobian,
        });
      };
      const closed = make('auto');
      const exact = make('autograd');
      expect([closed.usesClosedForm, exact.usesClosedForm]).toEqual([true, false]);
      const tc = closed.lossTerms(x);
      const te = exact.lossTerms(x);
      expectClose([tc.penalty!.item(), tc.loss.item()], [te.penalty!.item(), te.loss.item()]);
      expect(tc.penalty!.item()).toBeGreaterThan(0);
      tc.loss.backward();
      te.loss.backward();
      const names = closed.namedParameters().map(([k]) => k);
      expect(exact.namedParameters().map(([k]) => k)).toEqual(names);
      closed.parameters().forEach((p, i) => expectClose(values(p.grad!), values(exact.parameters()[i]!.grad!)));
      // the penalty's own gradients too (not hidden by the reconstruction's)
      closed.zeroGrad();
      exact.zeroGrad();
      closed.penalty(x).backward();
      exact.penalty(x).backward();
      closed.parameters().slice(0, c.bias ? 2 : 1).forEach((p, i) => expectClose(values(p.grad!), values(exact.parameters()[i]!.grad!)));
    }
  });

  it('the autograd norm of known Jacobians: a linear map (sum W^2 at every x), an elementwise tanh', () => {
    const W = ag.tensor([[1, 2], [3, 4]]);
    expect(nn.jacobianNormSq((v) => v.matmul(W.T), ag.tensor([[0, 0]])).item()).toBe(30);
    expect(nn.jacobianNormSq((v) => v.matmul(W.T), batch(7, 2)).item()).toBeCloseTo(30, 12);
    const x = batch(3, 4, 2);
    const d = values(np.subtract(1, np.square(np.tanh(x))));
    const expected = d.reduce((s, v) => s + v * v, 0) / 3;
    expect(nn.jacobianNormSq((v) => v.tanh(), x).item()).toBeCloseTo(expected, 12);
    expect(nn.jacobianNormSq((v) => v.tanh(), np.zeros([0, 4])).item()).toBe(0); // no samples
  });

  it('under noGrad: the same value, nothing recorded', () => {
    const x = batch(4, 3);
    for (const act of [(): nn.Module => new nn.Tanh(), (): nn.Module => new nn.Sigmoid()]) {
      const cae = new nn.ContractiveAutoencoder({ ...halves(3, 2, 0, act), weight: 0.4 });
      const withGrad = cae.loss(x).item();
      const without = ag.noGrad(() => cae.loss(x));
      expect(without.requiresGrad).toBe(false);
      expectClose([without.item()], [withGrad]);
      expectClose([ag.noGrad(() => cae.penalty(x)).item()], [cae.penalty(x).item()]);
    }
  });

  it('parameter gradients of the full loss by central differences, both methods', () => {
    const x = batch(4, 3, 4);
    for (const jacobian of ['auto', 'autograd'] as const) {
      const cae = new nn.ContractiveAutoencoder({ ...halves(3, 2, 4, () => new nn.Sigmoid()), weight: 0.9, jacobian });
      expectParameterGradients(cae, () => cae.loss(x));
    }
    const deep = new nn.ContractiveAutoencoder({
      encoder: new nn.Sequential(new nn.Linear(3, 4), new nn.Tanh(), new nn.Linear(4, 2)),
      decoder: new nn.Linear(2, 3),
      weight: 0.5,
    });
    expectParameterGradients(deep, () => deep.loss(x));
  });

  it('the gradient with respect to the input, both methods (ag.gradCheck)', () => {
    const x = batch(3, 3, 5);
    for (const jacobian of ['auto', 'autograd'] as const) {
      const cae = new nn.ContractiveAutoencoder({ ...halves(3, 2, 5, () => new nn.Sigmoid()), weight: 0.9, jacobian });
      const r = ag.gradCheck((t) => cae.loss(t), [x]);
      expect(r.ok, r.message).toBe(true);
    }
  });

  it("a caller's input tensor is not given a gradient it did not ask for", () => {
    const x = ag.asTensor(batch(3, 3));
    const cae = new nn.ContractiveAutoencoder({ ...halves(3, 2), weight: 0.5 });
    cae.loss(x).backward();
    expect(x.requiresGrad).toBe(false);
    expect(x.grad).toBe(null);
    expect(cae.parameters().every((p) => p.grad !== null)).toBe(true);
  });
});

describe('nn.fit with ae.criterion', () => {
  /** One epoch of full-batch SGD through fit, and the same step written out, from equal models. */
  function fitEqualsLoop(make: () => nn.Autoencoder): void {
    const x = batch(8, 4, 9);
    const a = make();
    const b = make();
    const loader = new nn.data.DataLoader(new nn.data.TensorDataset(x, x), { batchSize: 8 });
    const history = nn.fit(a, loader, { loss: a.criterion, optimizer: new nn.optim.SGD(a.parameters(), { lr: 0.1 }), epochs: 1, verbose: false });
    const opt = new nn.optim.SGD(b.parameters(), { lr: 0.1 });
    opt.zeroGrad();
    const l = b.loss(x);
    l.backward();
    opt.step();
    expect(history.loss).toEqual([l.item()]);
    a.parameters().forEach((p, i) => expect(values(p.data)).toEqual(values(b.parameters()[i]!.data)));
  }

  it('sparse', () => fitEqualsLoop(() => new nn.SparseAutoencoder({ ...halves(4, 2, 1), weight: 0.3 })));
  it('denoising (seeded)', () => fitEqualsLoop(() => new nn.DenoisingAutoencoder({ ...halves(4, 2, 1), noise: 'masking', p: 0.3, seed: 2 })));
  it('contractive, closed form', () => fitEqualsLoop(() => new nn.ContractiveAutoencoder({ ...halves(4, 2, 1, () => new nn.Sigmoid()), weight: 0.3 })));
  it('contractive, autograd', () => fitEqualsLoop(() => new nn.ContractiveAutoencoder({ ...halves(4, 2, 1), weight: 0.3 })));

  it('the validation loss is loss(x) in eval mode, penalty included', () => {
    const x = batch(10, 4, 2);
    const loader = new nn.data.DataLoader(new nn.data.TensorDataset(x, x), { batchSize: 10 });
    for (const ae of [new nn.SparseAutoencoder({ ...halves(4, 2), weight: 0.5 }), new nn.ContractiveAutoencoder({ ...halves(4, 2), weight: 0.5 }), new nn.DenoisingAutoencoder({ ...halves(4, 2), sigma: 1, seed: 0 })]) {
      const { loss } = nn.evaluate(ae, loader, { loss: ae.criterion });
      expect(ae.training).toBe(true);
      ae.eval();
      expectClose([loss!], [ag.noGrad(() => ae.loss(x)).item()]);
    }
  });

  it('mini-batches, shuffled, with validation: the loss falls', () => {
    const x = batch(40, 4, 6);
    const ae = new nn.SparseAutoencoder({ ...halves(4, 3, 6), weight: 1e-3 });
    const loader = new nn.data.DataLoader(new nn.data.TensorDataset(x, x), { batchSize: 8, shuffle: true, seed: 0 });
    const val = new nn.data.DataLoader(new nn.data.TensorDataset(x, x), { batchSize: 20 });
    const h = nn.fit(ae, loader, { loss: ae.criterion, optimizer: new nn.optim.Adam(ae.parameters(), { lr: 0.02 }), epochs: 10, validation: val, verbose: false });
    expect(h.loss.at(-1)!).toBeLessThan(h.loss[0]!);
    expect(h.valLoss!.at(-1)!).toBeLessThan(h.valLoss![0]!);
  });
});

describe('learning', () => {
  /** `n` points of a 2-D plane (a random affine map of uniform points) in 10-D. */
  function plane(n: number): np.NDArray {
    const rng = np.random.defaultRng(0);
    const A = rng.standardNormal([10, 2]) as np.NDArray;
    const c = rng.uniform(-1, 1, [10]) as np.NDArray;
    return np.add(np.matmul(rng.uniform(-1, 1, [n, 2]) as np.NDArray, A.T), c);
  }

  it('an undercomplete autoencoder with a 2-D code reconstructs points of a plane in 10-D', () => {
    const X = plane(200);
    const variance = Number(np.var(X));
    np.random.seed(0);
    const ae = new nn.Autoencoder({
      encoder: new nn.Sequential(new nn.Linear(10, 8), new nn.Tanh(), new nn.Linear(8, 2)),
      decoder: new nn.Sequential(new nn.Linear(2, 8), new nn.Tanh(), new nn.Linear(8, 10)),
    });
    const before = ag.noGrad(() => ae.loss(X).item());
    const loader = new nn.data.DataLoader(new nn.data.TensorDataset(X, X), { batchSize: 50, shuffle: true, seed: 0 });
    nn.fit(ae, loader, { loss: ae.criterion, optimizer: new nn.optim.Adam(ae.parameters(), { lr: 0.02 }), epochs: 100, verbose: false });
    const after = ag.noGrad(() => ae.eval().loss(X).item());
    expect(before).toBeGreaterThan(0.3 * variance);
    expect(after).toBeLessThan(2.5e-3 * variance);
  });

  it('a denoising autoencoder reconstructs clean points better than the noisy input is', () => {
    const X = plane(200);
    np.random.seed(1);
    const dae = new nn.DenoisingAutoencoder({ encoder: new nn.Linear(10, 2), decoder: new nn.Linear(2, 10), sigma: 0.3, seed: 1 });
    const loader = new nn.data.DataLoader(new nn.data.TensorDataset(X, X), { batchSize: 50, shuffle: true, seed: 0 });
    nn.fit(dae, loader, { loss: dae.criterion, optimizer: new nn.optim.Adam(dae.parameters(), { lr: 0.02 }), epochs: 60, verbose: false });
    const test = plane(300).get('200:');
    const noisy = nn.gaussianNoise(test, 0.3, { rng: np.random.defaultRng(9) });
    const noisyError = F.mseLoss(noisy, test).item();
    const denoisedError = ag.noGrad(() => F.mseLoss(dae.eval().forward(noisy), test).item());
    // the plane keeps 2 of the noise's 10 dimensions: about a fifth of its error remains
    expect(denoisedError).toBeLessThan(0.4 * noisyError);
  });
});

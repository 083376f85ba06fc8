/**
 * The autoencoders against their formulas and against central differences:
 * - each variant's loss (and its penalty alone) with fixed random weights against the
 *   formula written in NumPy through the oracle, on random batch / input / code sizes
 *   (size-1 axes, a single sample as a vector): undercomplete, sparse L1 / L2, denoising
 *   with Gaussian and masking noise (the noise NumPy's own `default_rng(seed)` and legacy
 *   `RandomState(seed)` draws), eval mode (no corruption), contractive by autograd (a
 *   two-layer encoder, the Jacobian written out in NumPy as a product of matrices) and in
 *   closed form (`Sequential(Linear, Sigmoid(alpha))`, the Jacobian written out
 *   elementwise);
 * - gradients of every variant's loss with respect to all weights, of the autograd
 *   Jacobian norm (second derivatives) and of the closed form, by `ag.gradCheck`.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { pick, randInt, seededRandom } from '../helpers.js';
import { hasNumpy } from '../oracle/numpy.js';
import { checkAgainstNumpy, rnd, type Case } from './nn-cases.js';

const F = nn.functional;

/** A batch shape: `n` samples of `d` features, or one sample as a vector (`n` null). */
interface Config {
  n: number | null;
  d: number;
  k: number;
  seed: number;
}

function configs(count: number, seed: number): Config[] {
  const r = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    n: i % 5 === 4 ? null : pick(r, [1, 2, 5]),
    d: randInt(r, 1, 6),
    k: randInt(r, 1, 4),
    seed: seed * 100 + i,
  }));
}

function inputOf(c: Config): np.NDArray {
  return rnd(c.n === null ? [c.d] : [c.n, c.d], c.seed, -1.5, 1.5);
}

/** A Linear layer holding the given weight and bias. */
function linear(w: np.NDArray, b: np.NDArray): nn.Linear {
  const lin = new nn.Linear(w.shape[1]!, w.shape[0]!);
  lin.loadStateDict({ weight: w, bias: b });
  return lin;
}

/** Weights of an encoder Linear(d, k) and a decoder Linear(k, d), in [-1, 1). */
function weightsOf(c: Config): { W1: np.NDArray; b1: np.NDArray; W2: np.NDArray; b2: np.NDArray } {
  return {
    W1: rnd([c.k, c.d], c.seed + 1, -1, 1),
    b1: rnd([c.k], c.seed + 2, -1, 1),
    W2: rnd([c.d, c.k], c.seed + 3, -1, 1),
    b2: rnd([c.d], c.seed + 4, -1, 1),
  };
}

/** `{ encoder: Sequential(Linear(d, k), act), decoder: Linear(k, d) }` with the config's weights. */
function halves(c: Config, act: () => nn.Module = () => new nn.Tanh()): { encoder: nn.Sequential; decoder: nn.Linear } {
  const w = weightsOf(c);
  return { encoder: new nn.Sequential(linear(w.W1, w.b1), act()), decoder: linear(w.W2, w.b2) };
}

/** NumPy: `X` (2-D), the code `h` of a tanh encoder of `Xin`, the reconstruction `r`, `mse`. */
const TANH_AE = [
  'X = np.atleast_2d(x); N = X.shape[0]',
  'h = np.tanh(Xin @ W1.T + b1)',
  'r = h @ W2.T + b2',
  'mse = ((r - X) ** 2).mean()',
].join('\n');

function argsOf(c: Config): Record<string, np.NDArray> {
  return { x: inputOf(c), ...weightsOf(c) };
}

describe.runIf(hasNumpy)('losses against NumPy', () => {
  it('undercomplete: the mean squared reconstruction error', async () => {
    const cases: Case[] = configs(10, 1).map((c) => ({
      label: `undercomplete ${JSON.stringify(c)}`,
      ours: () => new nn.Autoencoder(halves(c)).loss(inputOf(c)),
      code: `Xin = np.atleast_2d(x)\n${TANH_AE}\nresult = mse`,
      args: argsOf(c),
    }));
    await checkAgainstNumpy(cases);
  });

  it('sparse: L1 and L2 code penalties, per sample, averaged over the batch', async () => {
    const cases: Case[] = configs(10, 2).flatMap((c, i) => {
      const penalty = i % 2 === 0 ? 'l1' : 'l2';
      const weight = [0.5, 1e-3, 2][i % 3]!;
      const r = penalty === 'l1' ? 'np.abs(h).sum()' : '(h ** 2).sum()';
      const make = (): nn.SparseAutoencoder => new nn.SparseAutoencoder({ ...halves(c), penalty, weight });
      return [
        {
          label: `sparse ${penalty} ${weight} ${JSON.stringify(c)}`,
          ours: () => make().loss(inputOf(c)),
          code: `Xin = np.atleast_2d(x)\n${TANH_AE}\nresult = mse + ${weight} * ${r} / N`,
          args: argsOf(c),
        },
        {
          label: `sparse penalty alone ${penalty} ${weight} ${JSON.stringify(c)}`,
          ours: () => make().lossTerms(inputOf(c)).penalty!,
          code: `Xin = np.atleast_2d(x)\n${TANH_AE}\nresult = ${weight} * ${r} / N`,
          args: argsOf(c),
        },
      ];
    });
    await checkAgainstNumpy(cases);
  });

  it('denoising: the reconstruction of the corrupted input against the clean one (NumPy draws the same noise)', async () => {
    const kinds = [
      {
        name: 'gaussian seed',
        make: (c: Config) => new nn.DenoisingAutoencoder({ ...halves(c), sigma: 0.3, seed: c.seed }),
        py: 'Xin = (x + np.random.default_rng(s).normal(0, 0.3, x.shape)).reshape(X0.shape)',
      },
      {
        name: 'gaussian rng',
        make: (c: Config) => new nn.DenoisingAutoencoder({ ...halves(c), noise: 'gaussian', sigma: 0.7, rng: np.random.defaultRng(c.seed) }),
        py: 'Xin = (x + np.random.default_rng(s).normal(0, 0.7, x.shape)).reshape(X0.shape)',
      },
      {
        name: 'gaussian global legacy state',
        make: (c: Config) => {
          const h = halves(c); // Linear's initialisation draws from the global state: seed after it
          np.random.seed(c.seed);
          return new nn.DenoisingAutoencoder({ ...h, sigma: 0.2 });
        },
        py: 'Xin = (x + np.random.RandomState(s).normal(0, 0.2, x.shape)).reshape(X0.shape)',
      },
      {
        name: 'masking seed',
        make: (c: Config) => new nn.DenoisingAutoencoder({ ...halves(c), noise: 'masking', p: 0.4, seed: c.seed }),
        py: 'Xin = (x * (np.random.default_rng(s).uniform(0, 1, x.shape) >= 0.4)).reshape(X0.shape)',
      },
      {
        name: 'eval mode: no corruption',
        make: (c: Config) => new nn.DenoisingAutoencoder({ ...halves(c), sigma: 5, seed: c.seed }).eval(),
        py: 'Xin = X0',
      },
    ];
    const cases: Case[] = configs(10, 3).flatMap((c) =>
      kinds.map((k) => ({
        label: `denoising ${k.name} ${JSON.stringify(c)}`,
        ours: () => k.make(c).loss(inputOf(c)),
        code: `X0 = np.atleast_2d(x); s = ${c.seed}\n${k.py}\n${TANH_AE}\nresult = mse`,
        args: argsOf(c),
      })),
    );
    await checkAgainstNumpy(cases);
  });

  it('contractive by autograd: a two-layer encoder, the Jacobian written out in NumPy', async () => {
    const cases: Case[] = configs(10, 4).flatMap((c, i) => {
      const hidden = (i % 3) + 1;
      const w = weightsOf(c);
      const E1 = rnd([hidden, c.d], c.seed + 5, -1, 1);
      const c1 = rnd([hidden], c.seed + 6, -1, 1);
      const E2 = rnd([c.k, hidden], c.seed + 7, -1, 1);
      const c2 = rnd([c.k], c.seed + 8, -1, 1);
      const weight = [0.1, 1, 0.01][i % 3]!;
      const make = (): nn.ContractiveAutoencoder => new nn.ContractiveAutoencoder({
        encoder: new nn.Sequential(linear(E1, c1), new nn.Tanh(), linear(E2, c2), new nn.Sigmoid()),
        decoder: linear(w.W2, w.b2),
        weight,
      });
      const py = [
        'X = np.atleast_2d(x); N = X.shape[0]',
        'a1 = np.tanh(X @ E1.T + c1)',
        'h = 1 / (1 + np.exp(-(a1 @ E2.T + c2)))',
        "J = np.einsum('nk,kj,nj,ji->nki', h * (1 - h), E2, 1 - a1 ** 2, E1)",
        'pen = (J ** 2).sum() / N',
        'mse = ((h @ W2.T + b2 - X) ** 2).mean()',
      ].join('\n');
      const args = { x: inputOf(c), E1, c1, E2, c2, W2: w.W2, b2: w.b2 };
      return [
        { label: `contractive autograd ${JSON.stringify(c)}`, ours: () => make().loss(inputOf(c)), code: `${py}\nresult = mse + ${weight} * pen`, args },
        { label: `contractive autograd penalty ${JSON.stringify(c)}`, ours: () => make().penalty(inputOf(c)), code: `${py}\nresult = ${weight} * pen`, args },
        { label: `contractive autograd under noGrad ${JSON.stringify(c)}`, ours: () => ag.noGrad(() => make().loss(inputOf(c))), code: `${py}\nresult = mse + ${weight} * pen`, args },
      ];
    });
    await checkAgainstNumpy(cases);
  });

  it('contractive in closed form (Sequential(Linear, Sigmoid(alpha))) and the same encoder forced to autograd', async () => {
    const cases: Case[] = configs(10, 5).flatMap((c, i) => {
      const alpha = [1, 2.5, 0.5][i % 3]!;
      const weight = [0.3, 1][i % 2]!;
      const py = [
        'X = np.atleast_2d(x); N = X.shape[0]',
        `h = 1 / (1 + np.exp(-${alpha} * (X @ W1.T + b1)))`,
        `J = ${alpha} * (h * (1 - h))[:, :, None] * W1[None, :, :]`,
        `result = ((h @ W2.T + b2 - X) ** 2).mean() + ${weight} * (J ** 2).sum() / N`,
      ].join('\n');
      return (['auto', 'autograd'] as const).map((jacobian) => ({
        label: `contractive ${jacobian} alpha=${alpha} ${JSON.stringify(c)}`,
        ours: () => {
          const cae = new nn.ContractiveAutoencoder({ ...halves(c, () => new nn.Sigmoid(alpha)), weight, jacobian });
          expect(cae.usesClosedForm).toBe(jacobian === 'auto');
          return cae.loss(inputOf(c));
        },
        code: py,
        args: argsOf(c),
      }));
    });
    await checkAgainstNumpy(cases);
  });
});

/** A module computing a given function of its input (weights held outside, so gradCheck can vary them). */
class Fn extends nn.Module {
  constructor(public fn: (x: ag.Tensor) => ag.Tensor) {
    super();
  }
  override forward(x: ag.Tensor): ag.Tensor {
    return this.fn(x);
  }
}

type Variant = (enc: Fn, dec: Fn, c: Config) => nn.Autoencoder;

const VARIANTS: Record<string, Variant> = {
  undercomplete: (encoder, decoder) => new nn.Autoencoder({ encoder, decoder }),
  'sparse l1': (encoder, decoder) => new nn.SparseAutoencoder({ encoder, decoder, penalty: 'l1', weight: 0.3 }),
  'sparse l2': (encoder, decoder) => new nn.SparseAutoencoder({ encoder, decoder, penalty: 'l2', weight: 0.7 }),
  // a new module with the same seed per evaluation: every evaluation draws the same noise
  'denoising gaussian': (encoder, decoder, c) => new nn.DenoisingAutoencoder({ encoder, decoder, sigma: 0.4, seed: c.seed }),
  'denoising masking': (encoder, decoder, c) => new nn.DenoisingAutoencoder({ encoder, decoder, noise: 'masking', p: 0.3, seed: c.seed }),
  contractive: (encoder, decoder) => new nn.ContractiveAutoencoder({ encoder, decoder, weight: 0.5 }),
};

describe('gradients by central differences (ag.gradCheck)', () => {
  for (const [name, make] of Object.entries(VARIANTS)) {
    it(`${name}: the loss with respect to every weight`, () => {
      for (const c of configs(5, 6)) {
        const w = weightsOf(c);
        const x = inputOf(c);
        const r = ag.gradCheck((W1, b1, W2, b2) => {
          const enc = new Fn((v) => F.linear(v, W1!, b1!).tanh());
          const dec = new Fn((v) => F.linear(v, W2!, b2!));
          return make(enc, dec, c).loss(x);
        }, [w.W1, w.b1, w.W2, w.b2]);
        expect(r.ok, `${JSON.stringify(c)}: ${r.message}`).toBe(true);
      }
    });
  }

  it('the autograd Jacobian norm of a two-layer encoder, with respect to the weights and the input (second derivatives)', () => {
    for (const c of configs(6, 7)) {
      const E1 = rnd([3, c.d], c.seed + 5, -1, 1);
      const c1 = rnd([3], c.seed + 6, -1, 1);
      const E2 = rnd([c.k, 3], c.seed + 7, -1, 1);
      const r = ag.gradCheck(
        (x, W1, b1, W2) => nn.jacobianNormSq((v) => F.sigmoid(F.linear(F.linear(v, W1!, b1!).tanh(), W2!)), x!),
        [inputOf(c), E1, c1, E2],
      );
      expect(r.ok, `${JSON.stringify(c)}: ${r.message}`).toBe(true);
    }
  });

  it('the closed form, with respect to the weight, the bias and the input', () => {
    for (const c of configs(6, 8)) {
      const w = weightsOf(c);
      const r = ag.gradCheck((x, W, b) => nn.sigmoidJacobianNormSq(F.sigmoid(F.linear(x!, W!, b!), 1.5), W!, 1.5), [inputOf(c), w.W1, w.b1]);
      expect(r.ok, `${JSON.stringify(c)}: ${r.message}`).toBe(true);
    }
  });
});

/**
 * `backprop-by-hand`: the lectures' backpropagation worked by hand, then checked against
 * autograd.
 * 1. The chain of "Многослойный персептрон": `S = 1 − p(y = +1 | x)` with
 *    `a = wᵀx, b = e^(−a), c = 1 + b, d = 1/c, S = 1 − d`, derivatives right to left:
 *    `∂S/∂d = −1, ∂S/∂c = ∂S/∂d·(−1/c²), ∂S/∂b = ∂S/∂c, ∂S/∂a = −∂S/∂b·e^(−a), ∂S/∂w = ∂S/∂a·x`.
 * 2. The algorithm of "Обучение нейронных сетей": a network of L = 4 layers (3-5-5-4,
 *    sigmoid units, bias units a0 = 1), the regularised cross-entropy `J(Θ)`, forward
 *    propagation, `δ(4) = a(4) − y`, `δ(l) = (Θ(l))ᵀδ(l+1) .* g'(z(l))`,
 *    `Δ(l) += δ(l+1)(a(l))ᵀ` over the m examples, `D(l) = Δ(l)/m + (λ/m)Θ(l)` (j ≠ 0).
 *    The gradients of the same J from autograd, and from an `nn.Sequential` holding the
 *    same weights, agree with D to rounding.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { context, runIfMain, type ExampleOptions, type ExampleResult } from './lib/cli.js';
import { num, table } from './lib/format.js';

/** What `backprop-by-hand` returns: the largest differences between hand and autograd. */
export interface BackpropResult extends ExampleResult {
  /** Part 1: max |hand − autograd| over ∂S/∂w and the intermediate derivatives. */
  chainError: number;
  /** Part 2: max |D − autograd gradient| over every Θ(l). */
  networkError: number;
  /** Part 2: max |D − gradient of nn.Sequential with the same weights|. */
  moduleError: number;
  /** Part 2: max |D with the slide's λΘ − autograd| (the slide's term is off by the factor m). */
  slideTermError: number;
  /** J(Θ) by hand and by autograd. */
  cost: { hand: number; autograd: number };
}

const g = (z: np.NDArray) => np.reciprocal(np.exp(z.neg()).add(1)); // the sigmoid
const withBias = (a: np.NDArray) => np.concatenate([np.ones([1]), a]); // a0 = 1 in front
const maxAbs = (a: np.NDArray) => Number(np.max(np.abs(a)));

/** Runs `backprop-by-hand` (see the file header); `quick` is the short setting of the test suite. */
export function run(options: ExampleOptions = {}): BackpropResult {
  const ctx = context(options);

  // ---- 1. the chain S = 1 − 1 / (1 + e^(−wᵀx)) ----
  const w = [0.5, -1, 2];
  const x = [1, 2, -0.5];
  const a = w.reduce((s, wi, i) => s + wi * x[i]!, 0);
  const b = Math.exp(-a);
  const c = 1 + b;
  const d = 1 / c;
  const S = 1 - d;
  const dS_dd = -1;
  const dS_dc = dS_dd * (-1 / (c * c));
  const dS_db = dS_dc * 1;
  const dS_da = -dS_db * Math.exp(-a);
  const dS_dw = x.map((xi) => dS_da * xi);
  ctx.log('1. S = 1 − p(y = +1 | x) for w =', w, 'and x =', x, '(y = −1: we want S up)');
  ctx.log(table(['step', 'value', 'derivative of S'], [
    ['a = wᵀx', a, dS_da],
    ['b = e^(−a)', b, dS_db],
    ['c = 1 + b', c, dS_dc],
    ['d = 1 / c', d, dS_dd],
    ['S = 1 − d', S, 1],
  ]));
  ctx.log(`∂S/∂w = ∂S/∂a · x = [${dS_dw.map((v) => num(v, 8)).join(', ')}]`);

  // the same chain on the tape: retainGrad keeps the intermediate gradients
  const wt = ag.tensor(w, { requiresGrad: true });
  const at = wt.dot(ag.tensor(x));
  const bt = at.neg().exp();
  const ct = bt.add(1);
  const dt = ct.reciprocal();
  const St = dt.neg().add(1);
  for (const t of [at, bt, ct, dt]) t.retainGrad();
  St.backward();
  const chainError = Math.max(
    maxAbs(wt.grad!.sub(dS_dw)),
    Math.abs(Number(at.grad!.item()) - dS_da),
    Math.abs(Number(bt.grad!.item()) - dS_db),
    Math.abs(Number(ct.grad!.item()) - dS_dc),
    Math.abs(Number(dt.grad!.item()) - dS_dd),
  );
  ctx.log('autograd: w.grad =', wt.grad, `a.grad = ${num(Number(at.grad!.item()), 8)}; largest difference from the hand values: ${num(chainError)}`);

  // ---- 2. the lecture's algorithm on a 3-5-5-4 network ----
  const sizes = [3, 5, 5, 4];
  const L = sizes.length;
  const m = 5;
  const lambda = 1;
  const rng = np.random.defaultRng(0);
  // Θ(l) maps layer l (plus its bias unit) to layer l+1: shape (s(l+1), s(l) + 1), small random values
  const Theta = sizes.slice(0, -1).map((s, l) => rng.uniform(-1, 1, [sizes[l + 1]!, s + 1]) as np.NDArray);
  const X = rng.normal(0, 1, [m, sizes[0]!]) as np.NDArray;
  const labels = rng.integers(0, sizes[L - 1]!, [m]) as np.NDArray;
  const Y = np.eye(sizes[L - 1]!).get(labels); // one-hot rows
  ctx.log(`\n2. The network of the lecture: layer sizes ${sizes.join('-')}, m = ${m} examples, λ = ${lambda}, K = ${sizes[L - 1]} classes`);

  // Forward propagation of one example: the activations a(1..L) (with bias units, but the output) and z(2..L)
  const forward = (xi: np.NDArray) => {
    const acts: np.NDArray[] = [withBias(xi)];
    const zs: np.NDArray[] = [];
    for (let l = 0; l < L - 1; l++) {
      const z = Theta[l]!.matmul(acts[l]!);
      zs.push(z);
      acts.push(l === L - 2 ? g(z) : withBias(g(z)));
    }
    return { acts, zs };
  };

  // J(Θ) = −1/m ΣΣ [y log h + (1 − y) log(1 − h)] + λ/(2m) Σ Θ² (bias columns j = 0 excluded)
  let J = 0;
  const Delta = Theta.map((t) => np.zerosLike(t));
  for (let i = 0; i < m; i++) {
    const { acts, zs } = forward(X.get(i));
    const h = acts[L - 1]!;
    const y = Y.get(i);
    J -= Number(np.sum(y.mul(np.log(h)).add(y.neg().add(1).mul(np.log(h.neg().add(1)))))) / m;
    // backpropagation: δ(L) = a(L) − y, then δ(l) = (Θ(l))ᵀδ(l+1) .* g'(z(l)), g' = g(1 − g)
    let delta = h.sub(y);
    for (let l = L - 2; l >= 0; l--) {
      // Δ(l) += δ(l+1) (a(l))ᵀ
      Delta[l] = Delta[l]!.add(np.outer(delta, acts[l]!));
      if (l > 0) {
        const gz = g(zs[l - 1]!);
        // drop the bias row: the bias unit has no input to pass an error to
        delta = Theta[l]!.T.matmul(delta).get('1:').mul(gz.mul(gz.neg().add(1)));
      }
    }
  }
  const noBias = (t: np.NDArray) => np.concatenate([np.zeros([t.shape[0]!, 1]), t.get(':', '1:')], 1);
  J += (lambda / (2 * m)) * Theta.reduce((s, t) => s + Number(np.sum(np.square(t.get(':', '1:')))), 0);
  const D = Theta.map((t, l) => Delta[l]!.div(m).add(noBias(t).mul(lambda / m)));
  // the slide writes D = Δ/m + λΘ: that is the derivative of λ/2·ΣΘ², not of the J above
  const Dslide = Theta.map((t, l) => Delta[l]!.div(m).add(noBias(t).mul(lambda)));
  ctx.log(`J(Θ) by hand: ${num(J, 10)}`);
  ctx.log('D(3) = ∂J/∂Θ(3) by hand:');
  ctx.log(D[2]);

  // autograd: the same J written with tensors, differentiated by the tape
  const thetaT = Theta.map((t) => ag.tensor(t, { requiresGrad: true }));
  let act = ag.tensor(X);
  for (let l = 0; l < L - 1; l++) {
    const ones = ag.tensor(np.ones([m, 1]));
    act = ag.sigmoid(ag.concatenate([ones, act], 1).matmul(thetaT[l]!.T));
  }
  const Yt = ag.tensor(Y);
  const cross = Yt.mul(act.log()).add(Yt.neg().add(1).mul(act.neg().add(1).log())).sum().div(-m);
  const Jt = cross.add(nn.functional.l2Penalty(thetaT.map((t) => t.get(':', '1:')), lambda, m));
  Jt.backward();
  const networkError = Math.max(...D.map((Dl, l) => maxAbs(Dl.sub(thetaT[l]!.grad!))));
  const slideTermError = Math.max(...Dslide.map((Dl, l) => maxAbs(Dl.sub(thetaT[l]!.grad!))));
  ctx.log(`J(Θ) by autograd: ${num(Jt.item(), 10)}`);
  ctx.log(table(['layer', 'max |D − autograd|', "max |slide's D − autograd|"], D.map((Dl, l) => [`Θ(${l + 1})`, maxAbs(Dl.sub(thetaT[l]!.grad!)), maxAbs(Dslide[l]!.sub(thetaT[l]!.grad!))])));
  ctx.log("(the slide's λΘ is the derivative of λ/2·ΣΘ²; with the λ/(2m) of J it must be (λ/m)Θ)");

  // nn: Linear layers hold Θ's bias column as `bias` and the rest as `weight` (out, in)
  const layers: nn.Module[] = [];
  for (let l = 0; l < L - 1; l++) {
    const lin = new nn.Linear(sizes[l]!, sizes[l + 1]!);
    lin.weight.data.set('...', Theta[l]!.get(':', '1:'));
    lin.bias!.data.set('...', Theta[l]!.get(':', 0));
    layers.push(lin, new nn.Sigmoid());
  }
  const model = new nn.Sequential(...layers);
  const out = model.forward(ag.tensor(X));
  const weights = model.namedParameters().filter(([name]) => name.endsWith('weight')).map(([, p]) => p);
  // bceLoss sums over the K outputs here and divides by m, as J does
  const Jm = nn.functional.bceLoss(out, Y, { reduction: 'sum' }).div(m).add(nn.functional.l2Penalty(weights, lambda, m));
  Jm.backward();
  let moduleError = 0;
  for (let l = 0; l < L - 1; l++) {
    const lin = model.get(2 * l) as nn.Linear;
    moduleError = Math.max(moduleError, maxAbs(D[l]!.get(':', '1:').sub(lin.weight.grad!)), maxAbs(D[l]!.get(':', 0).sub(lin.bias!.grad!)));
  }
  ctx.log(`\nnn.Sequential(Linear, Sigmoid, ...) with the same weights, bceLoss + l2Penalty: J = ${num(Jm.item(), 10)},`);
  ctx.log(`largest |D − gradient| over weights and biases: ${num(moduleError)}`);

  return { files: ctx.files, chainError, networkError, moduleError, slideTermError, cost: { hand: J, autograd: Jt.item() } };
}

runIfMain(import.meta.url, run);

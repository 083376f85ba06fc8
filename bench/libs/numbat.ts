/**
 * numbat (`@numbat/ndarray`): the built package, or the sources when NUMBAT_SRC=1. The MLP
 * step and conv2d use `@numbat/autograd` and `@numbat/nn`, always from their sources (tsx
 * maps the `@numbat/*` names to `packages/<name>/src` through tsconfig.json's paths), with
 * the `@numbat/ndarray` those import.
 */
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type * as NP from '@numbat/ndarray';
import type * as AG from '@numbat/autograd';
import type * as NN from '@numbat/nn';
import { plain, type Adapter, type Case, type InputReader, type Plain } from '../harness/adapter.js';
import { CONV, MLP, SIDE, type Workload } from '../harness/workloads.js';

type NDArray = NP.NDArray;
let np: typeof NP;
/** The packages of the MLP and conv2d workloads (with their own `@numbat/ndarray`). */
let ag: typeof AG;
let nn: typeof NN;
let npNN: typeof NP;

function read(r: NDArray | number): Plain {
  if (typeof r === 'number') return plain([], [r]);
  const c = np.ascontiguousarray(r);
  return plain(c.shape.slice(), c.data as ArrayLike<number>);
}

/**
 * numbat from `NUMBAT_IMPORT` (a module path: the runner's `--baseline` gives an older
 * checkout for before/after comparisons in one run), else its sources (`NUMBAT_SRC=1`),
 * else the built package.
 */
const adapter: Adapter = {
  name: 'numbat',
  version: '',
  async init() {
    // the runner maps `@numbat/*` to a baseline tree (TSX_TSCONFIG_PATH) when it gives a directory
    const custom = process.env.NUMBAT_IMPORT;
    ag = (await import('@numbat/autograd')) as typeof AG;
    nn = (await import('@numbat/nn')) as typeof NN;
    npNN = (await import('@numbat/ndarray')) as typeof NP;
    if (custom) {
      np = statSync(custom).isDirectory() ? npNN : ((await import(pathToFileURL(custom).href)) as typeof NP);
      this.version = `from ${custom}`;
      return;
    }
    np = (process.env.NUMBAT_SRC === '1'
      ? await import('../../packages/ndarray/src/index.js')
      : await import(new URL('../../packages/ndarray/dist/index.js', import.meta.url).href)) as typeof NP;
    this.version = process.env.NUMBAT_SRC === '1' ? 'src' : 'dist (MLP and conv2d: src)';
  },
  prepare(w, input): Case | string {
    if (w.kind === 'mlp_step') return mlpCase(w, input);
    if (w.kind === 'conv2d') return convCase(w, input);
    const arr = (name: string, shape: number[]): NDArray => np.asarray(input(name, w.dtype)).reshape(shape);
    const a = arr('a', [SIDE, SIDE]);
    const b = arr('b', [SIDE, SIDE]);
    const c = arr('c', [SIDE]);
    let f: () => NDArray | number;
    switch (w.kind) {
      case 'add':
        f = () => np.add(a, b);
        break;
      case 'add_bcast':
        f = () => np.add(a, c);
        break;
      case 'exp':
        f = () => np.exp(a);
        break;
      case 'sum':
        f = () => np.sum(a) as number;
        break;
      case 'sum_ax0':
        f = () => np.sum(a, 0);
        break;
      case 'sum_ax1':
        f = () => np.sum(a, 1);
        break;
      case 'argmax_ax1':
        f = () => np.argmax(a, 1);
        break;
      case 'std':
        f = () => np.std(a);
        break;
      case 'transpose_copy':
        f = () => np.ascontiguousarray(a.T);
        break;
      case 'strided_add':
        f = () => np.add(a.get('::2', '::-1'), 1);
        break;
      case 'matmul': {
        const A = arr(`A${w.n}`, [w.n!, w.n!]);
        const B = arr(`B${w.n}`, [w.n!, w.n!]);
        f = () => np.matmul(A, B);
        break;
      }
      case 'add100': {
        const x = arr('x', [100]);
        const y = arr('y', [100]);
        f = () => np.add(x, y);
        break;
      }
    }
    return { run: f, read: () => read(f()) };
  },
};

/**
 * One training step as a user writes it: `nn.Linear` layers holding the given weights, the
 * forward pass, `crossEntropyLoss`, `backward`, `optimizer.step()` of plain SGD.
 */
function mlpCase(w: Workload, input: InputReader): Case {
  const { batch: B, inF, hidden: H, outF: O, lr } = MLP;
  const dtype = w.dtype;
  const arr = (name: string, shape: number[]): NDArray => npNN.asarray(input(name, dtype)).reshape(shape);
  const X = arr('X', [B, inF]);
  const Y = npNN.asarray(input('Y', 'float64')).astype('int32');
  const init = { W1: arr('W1', [H, inF]), b1: arr('b1', [H]), W2: arr('W2', [O, H]), b2: arr('b2', [O]) };
  const fc1 = new nn.Linear(inF, H, { dtype });
  const fc2 = new nn.Linear(H, O, { dtype });
  const model = new nn.Sequential(fc1, new nn.ReLU(), fc2);
  const reset = (): void => {
    fc1.weight.data.set('...', init.W1);
    fc1.bias!.data.set('...', init.b1);
    fc2.weight.data.set('...', init.W2);
    fc2.bias!.data.set('...', init.b2);
  };
  reset();
  const opt = new nn.optim.SGD(model.parameters(), { lr });
  const x = ag.asTensor(X);
  const step = (): number => {
    opt.zeroGrad();
    const loss = nn.functional.crossEntropyLoss(model.forward(x), Y);
    loss.backward();
    opt.step();
    return loss.item() as number;
  };
  return {
    run: step,
    read: () => {
      reset();
      const loss = step();
      const parts = [fc1.weight.data, fc1.bias!.data, fc2.weight.data, fc2.bias!.data].map((p) => Array.from(npNN.ravel(p).astype('float64').data as Float64Array));
      return plain([1 + parts.reduce((n, p) => n + p.length, 0)], [loss, ...parts.flat()]);
    },
  };
}

/** `nn.functional.conv2d(x, w, b, { padding: 1 })` on constant tensors (no tape). */
function convCase(w: Workload, input: InputReader): Case {
  const { batch: N, cin, cout, h, w: wd, k, pad } = CONV;
  const arr = (name: string, shape: number[]): NDArray => npNN.asarray(input(name, w.dtype)).reshape(shape);
  const x = ag.asTensor(arr('cx', [N, cin, h, wd]));
  const wt = ag.asTensor(arr('cw', [cout, cin, k, k]));
  const b = ag.asTensor(arr('cb', [cout]));
  const f = (): AG.Tensor => nn.functional.conv2d(x, wt, b, { padding: pad });
  return {
    run: f,
    read: () => {
      const r = npNN.ascontiguousarray(f().data);
      return plain(r.shape.slice(), r.data as ArrayLike<number>);
    },
  };
}

export default adapter;

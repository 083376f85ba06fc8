/**
 * jax-js (`@jax-js/jax`) on its wasm device. Arrays are lazy and reference-counted: the
 * timed call builds the expression and awaits `blockUntilReady()`, then disposes it.
 * Strided slices are not implemented in jax-js: `a[::2, ::-1]` is written as a reshape,
 * an index and a flip. A transpose stays a lazy view, so its copy is timed as `dataSync()`.
 */
import type * as JAX from '@jax-js/jax';
import { pkgVersion, plain, type Adapter, type Case } from '../harness/adapter.js';
import { CONV, MLP, SIDE } from '../harness/workloads.js';
import type { InputReader } from '../harness/adapter.js';

type JArray = JAX.numpy.Array;
let jax: typeof JAX;
const version = pkgVersion('@jax-js/jax');

const adapter: Adapter = {
  name: 'jax-js',
  version: `${version} (wasm device)`,
  async init() {
    // Node 20 has no Float16Array, which jax-js tests with instanceof
    const g = globalThis as { Float16Array?: unknown };
    if (g.Float16Array === undefined) g.Float16Array = class Float16Array {};
    jax = await import('@jax-js/jax');
    await jax.init('wasm');
    jax.defaultDevice('wasm');
  },
  prepare(w, input): Case | string {
    const np = jax.numpy;
    const dt = w.dtype === 'float64' ? np.float64 : np.float32;
    const arr = (name: string, shape: number[]): JArray => np.array(input(name, w.dtype), { dtype: dt }).reshape(shape);
    if (w.kind === 'mlp_step') return mlpCase(w.dtype, input);
    const a = arr('a', [SIDE, SIDE]);
    const b = arr('b', [SIDE, SIDE]);
    const c = arr('c', [SIDE]);
    let f: () => JArray;
    switch (w.kind) {
      case 'add':
        f = () => np.add(a.ref, b.ref);
        break;
      case 'add_bcast':
        f = () => np.add(a.ref, c.ref);
        break;
      case 'exp':
        f = () => np.exp(a.ref);
        break;
      case 'sum':
        f = () => np.sum(a.ref);
        break;
      case 'sum_ax0':
        f = () => np.sum(a.ref, 0);
        break;
      case 'sum_ax1':
        f = () => np.sum(a.ref, 1);
        break;
      case 'argmax_ax1':
        f = () => np.argmax(a.ref, 1);
        break;
      case 'std':
        f = () => np.std(a.ref);
        break;
      case 'transpose_copy':
        f = () => np.transpose(a.ref);
        break;
      case 'strided_add':
        f = () => np.add(np.flip(a.ref.reshape([SIDE / 2, 2, SIDE]).slice([], 0, []), 1), 1);
        break;
      case 'matmul': {
        const A = arr(`A${w.n}`, [w.n!, w.n!]);
        const B = arr(`B${w.n}`, [w.n!, w.n!]);
        f = () => np.matmul(A.ref, B.ref);
        break;
      }
      case 'add100': {
        const x = arr('x', [100]);
        const y = arr('y', [100]);
        f = () => np.add(x.ref, y.ref);
        break;
      }
      case 'conv2d': {
        const { batch: N, cin, cout, h, w: wd, k, pad } = CONV;
        const x = arr('cx', [N, cin, h, wd]);
        const wt = arr('cw', [cout, cin, k, k]);
        const b = arr('cb', [cout, 1, 1]);
        f = () => np.add(jax.lax.conv(x.ref, wt.ref, [1, 1], [[pad, pad], [pad, pad]]), b.ref);
        break;
      }
      default:
        return `no ${w.kind} case`;
    }
    if (w.kind === 'transpose_copy') {
      // a transpose stays a lazy view through blockUntilReady: read it out to copy it
      return { run: () => f().dataSync(), read: () => plain([SIDE, SIDE], f().dataSync() as ArrayLike<number>) };
    }
    return {
      async: true,
      run: async () => (await f().blockUntilReady()).dispose(),
      read: () => {
        const r = f();
        const shape = r.shape.slice();
        return plain(shape, r.dataSync() as ArrayLike<number>);
      },
    };
  },
};
/**
 * The MLP step with jax-js's autodiff: `valueAndGrad` of the loss (forward, `nn.logSoftmax`,
 * mean cross-entropy against one-hot labels) over the four parameters, then `p - lr * g`;
 * awaited until the new parameters are computed.
 */
function mlpCase(dtype: 'float64' | 'float32', input: InputReader): Case {
  const np = jax.numpy;
  const dt = dtype === 'float64' ? np.float64 : np.float32;
  const { batch: B, inF, hidden: H, outF: O, lr } = MLP;
  const arr = (name: string, shape: number[]): JArray => np.array(input(name, dtype), { dtype: dt }).reshape(shape);
  const X = arr('X', [B, inF]);
  const labels = input('Y', 'float64');
  const onehot = new Float64Array(B * O);
  for (let i = 0; i < B; i++) onehot[i * O + labels[i]!] = 1;
  const Yoh = np.array(dtype === 'float64' ? onehot : Float32Array.from(onehot), { dtype: dt }).reshape([B, O]);
  const fresh = (): JArray[] => [arr('W1', [H, inF]), arr('b1', [H]), arr('W2', [O, H]), arr('b2', [O])];
  let P = fresh();
  const lossFn = (W1: JArray, b1: JArray, W2: JArray, b2: JArray): JArray => {
    const h = np.add(np.matmul(X.ref, np.transpose(W1)), b1);
    const z = np.add(np.matmul(jax.nn.relu(h), np.transpose(W2)), b2);
    return np.negative(np.mean(np.sum(np.multiply(jax.nn.logSoftmax(z, -1), Yoh.ref), -1)));
  };
  const vg = jax.valueAndGrad(lossFn, { argnums: [0, 1, 2, 3] });
  const step = async (): Promise<number> => {
    const [loss, grads] = vg(P[0]!.ref, P[1]!.ref, P[2]!.ref, P[3]!.ref) as unknown as [JArray, JArray[]];
    P = P.map((p, i) => np.subtract(p, np.multiply(grads[i]!, lr)));
    for (const r of await jax.blockUntilReady(P.map((p) => p.ref))) r.dispose();
    const v = (await loss.data())[0] as number;
    return v;
  };
  return {
    async: true,
    run: step,
    read: async () => {
      for (const p of P) p.dispose();
      P = fresh();
      const l = await step();
      const parts = await Promise.all(P.map(async (p) => Array.from((await p.ref.data()) as ArrayLike<number>)));
      return plain([1 + parts.reduce((n, p) => n + p.length, 0)], [l, ...parts.flat()]);
    },
  };
}

export default adapter;

/**
 * jax-js (`@jax-js/jax`) on its wasm device. Arrays are lazy and reference-counted: the
 * timed call builds the expression and awaits `blockUntilReady()`, then disposes it.
 * Strided slices are not implemented in jax-js: `a[::2, ::-1]` is written as a reshape,
 * an index and a flip. A transpose stays a lazy view, so its copy is timed as `dataSync()`.
 */
import type * as JAX from '@jax-js/jax';
import { pkgVersion, plain, type Adapter, type Case } from '../harness/adapter.js';
import { SIDE } from '../harness/workloads.js';

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
export default adapter;

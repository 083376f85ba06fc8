/** numbat (`@numbat/ndarray`): the built package, or the sources when NUMBAT_SRC=1. */
import { pathToFileURL } from 'node:url';
import type * as NP from '@numbat/ndarray';
import { plain, type Adapter, type Case, type Plain } from '../harness/adapter.js';
import { SIDE } from '../harness/workloads.js';

type NDArray = NP.NDArray;
let np: typeof NP;

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
    const custom = process.env.NUMBAT_IMPORT;
    if (custom) {
      np = (await import(pathToFileURL(custom).href)) as typeof NP;
      this.version = `from ${custom}`;
      return;
    }
    np = (process.env.NUMBAT_SRC === '1'
      ? await import('../../packages/ndarray/src/index.js')
      : await import(new URL('../../packages/ndarray/dist/index.js', import.meta.url).href)) as typeof NP;
    this.version = process.env.NUMBAT_SRC === '1' ? 'src' : 'dist';
  },
  prepare(w, input): Case | string {
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
export default adapter;

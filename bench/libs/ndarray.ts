/**
 * `ndarray` + `ndarray-ops` (scijs). Operations write into an output the caller allocates,
 * so each timed call allocates its result as NumPy does. Axis reductions, argmax per row
 * and std are written from the library's primitives (`pick`, `addeq`, `sum`, `argmax`,
 * `subs`, `norm2squared`), as a user of it would. No matmul.
 */
import ndarray, { type NdArray } from 'ndarray';
import ops from 'ndarray-ops';
import { pkgVersion, plain, type Adapter, type Case, type Plain } from '../harness/adapter.js';
import { SIDE } from '../harness/workloads.js';

const version = `ndarray ${pkgVersion('ndarray')}, ndarray-ops ${pkgVersion('ndarray-ops')}`;

function read(r: NdArray | number): Plain {
  if (typeof r === 'number') return plain([], [r]);
  const out = ndarray(new Float64Array(r.size), r.shape.slice());
  ops.assign(out, r);
  return plain(r.shape.slice(), out.data);
}

const adapter: Adapter = {
  name: 'ndarray',
  version,
  async init() {},
  prepare(w, input): Case | string {
    if (w.kind === 'matmul') return 'no matrix product in ndarray-ops';
    if (w.kind === 'mlp_step') return 'no automatic differentiation';
    if (w.kind === 'conv2d') return 'no convolution';
    const Ctor = w.dtype === 'float64' ? Float64Array : Float32Array;
    const alloc = (shape: number[]): NdArray => ndarray(new Ctor(shape.reduce((p, d) => p * d, 1)), shape);
    const a = ndarray(input('a', w.dtype), [SIDE, SIDE]);
    const b = ndarray(input('b', w.dtype), [SIDE, SIDE]);
    const c = ndarray(input('c', w.dtype), [SIDE]);
    let f: () => NdArray | number;
    switch (w.kind) {
      case 'add':
        f = () => ops.add(alloc([SIDE, SIDE]), a, b);
        break;
      case 'add_bcast': {
        const cb = ndarray(c.data, [SIDE, SIDE], [0, 1]); // broadcasting as a stride-0 view
        f = () => ops.add(alloc([SIDE, SIDE]), a, cb);
        break;
      }
      case 'exp':
        f = () => ops.exp(alloc([SIDE, SIDE]), a);
        break;
      case 'sum':
        f = () => ops.sum(a);
        break;
      case 'sum_ax0':
        f = () => {
          const out = alloc([SIDE]);
          for (let i = 0; i < SIDE; i++) ops.addeq(out, a.pick(i, null));
          return out;
        };
        break;
      case 'sum_ax1':
        f = () => {
          const out = alloc([SIDE]);
          for (let i = 0; i < SIDE; i++) out.data[i] = ops.sum(a.pick(i, null));
          return out;
        };
        break;
      case 'argmax_ax1':
        f = () => {
          const out = ndarray(new Float64Array(SIDE), [SIDE]);
          for (let i = 0; i < SIDE; i++) out.data[i] = ops.argmax(a.pick(i, null))[0]!;
          return out;
        };
        break;
      case 'std':
        f = () => {
          const n = SIDE * SIDE;
          const mean = ops.sum(a) / n;
          const d = ops.subs(alloc([SIDE, SIDE]), a, mean);
          return Math.sqrt(ops.norm2squared(d) / n);
        };
        break;
      case 'transpose_copy':
        f = () => ops.assign(alloc([SIDE, SIDE]), a.transpose(1, 0));
        break;
      case 'strided_add':
        f = () => ops.adds(alloc([SIDE / 2, SIDE]), a.step(2, -1), 1);
        break;
      case 'add100': {
        const x = ndarray(input('x', w.dtype), [100]);
        const y = ndarray(input('y', w.dtype), [100]);
        f = () => ops.add(alloc([100]), x, y);
        break;
      }
    }
    return { run: f, read: () => read(f()) };
  },
};
export default adapter;

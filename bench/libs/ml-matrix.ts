/** `ml-matrix` (mljs): 2-d float64 matrices (rows of Float64Array); no float32. */
import { Matrix } from 'ml-matrix';
import { pkgVersion, plain, type Adapter, type Case, type Plain } from '../harness/adapter.js';
import { SIDE } from '../harness/workloads.js';

const version = pkgVersion('ml-matrix');

function read(r: Matrix | number[] | number): Plain {
  if (typeof r === 'number') return plain([], [r]);
  if (Array.isArray(r)) return plain([r.length], r);
  return plain([r.rows, r.columns], r.to1DArray());
}

function matrix(data: Float64Array | Float32Array, rows: number, cols: number): Matrix {
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m.set(i, j, data[i * cols + j]!);
  return m;
}

const adapter: Adapter = {
  name: 'ml-matrix',
  version,
  async init() {},
  prepare(w, input): Case | string {
    if (w.dtype !== 'float64') return 'float64 only';
    if (w.kind === 'mlp_step') return 'no automatic differentiation';
    if (w.kind === 'conv2d') return 'no convolution';
    const a = matrix(input('a', 'float64'), SIDE, SIDE);
    const b = matrix(input('b', 'float64'), SIDE, SIDE);
    const c = Array.from(input('c', 'float64'));
    let f: () => Matrix | number[] | number;
    switch (w.kind) {
      case 'add':
        f = () => Matrix.add(a, b);
        break;
      case 'add_bcast':
        f = () => a.clone().addRowVector(c);
        break;
      case 'exp':
        f = () => Matrix.exp(a);
        break;
      case 'sum':
        f = () => a.sum();
        break;
      case 'sum_ax0':
        f = () => a.sum('column');
        break;
      case 'sum_ax1':
        f = () => a.sum('row');
        break;
      case 'argmax_ax1':
        f = () => {
          const out = new Array<number>(SIDE);
          for (let i = 0; i < SIDE; i++) out[i] = a.maxRowIndex(i)[1];
          return out;
        };
        break;
      case 'std':
        f = () => a.standardDeviation({ unbiased: false });
        break;
      case 'transpose_copy':
        f = () => a.transpose();
        break;
      case 'strided_add': {
        const rows = Array.from({ length: SIDE / 2 }, (_, i) => 2 * i);
        const cols = Array.from({ length: SIDE }, (_, j) => SIDE - 1 - j);
        f = () => a.selection(rows, cols).add(1);
        break;
      }
      case 'matmul': {
        const A = matrix(input(`A${w.n}`, 'float64'), w.n!, w.n!);
        const B = matrix(input(`B${w.n}`, 'float64'), w.n!, w.n!);
        f = () => A.mmul(B);
        break;
      }
      case 'add100': {
        const x = matrix(input('x', 'float64'), 1, 100);
        const y = matrix(input('y', 'float64'), 1, 100);
        f = () => Matrix.add(x, y);
        break;
      }
    }
    return { run: f, read: () => { const r = read(f()); return w.kind === 'add100' ? { shape: [100], data: r.data } : r; } };
  },
};
export default adapter;

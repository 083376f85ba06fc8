/** TensorFlow.js (`@tensorflow/tfjs-core`) with the cpu or the wasm backend; float32 only. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { pkgVersion, plain, type Adapter, type Case } from '../harness/adapter.js';
import { SIDE } from '../harness/workloads.js';

const version = pkgVersion('@tensorflow/tfjs-core');

/** The adapter for one backend. */
export function tfjsAdapter(backend: 'cpu' | 'wasm'): Adapter {
  return {
    name: `tfjs-${backend}`,
    version: `${version} (${backend} backend)`,
    async init() {
      tf.env().set('IS_TEST', true); // silences the "install tfjs-node" banner
      await tf.setBackend(backend);
      await tf.ready();
    },
    prepare(w, input): Case | string {
      if (w.dtype !== 'float32') return 'no float64 dtype';
      const t = (name: string, shape: number[]): tf.Tensor => tf.tensor(input(name, 'float32'), shape, 'float32');
      const a = t('a', [SIDE, SIDE]);
      const b = t('b', [SIDE, SIDE]);
      const c = t('c', [SIDE]);
      let f: () => tf.Tensor;
      switch (w.kind) {
        case 'add':
          f = () => tf.add(a, b);
          break;
        case 'add_bcast':
          f = () => tf.add(a, c);
          break;
        case 'exp':
          f = () => tf.exp(a);
          break;
        case 'sum':
          f = () => tf.sum(a);
          break;
        case 'sum_ax0':
          f = () => tf.sum(a, 0);
          break;
        case 'sum_ax1':
          f = () => tf.sum(a, 1);
          break;
        case 'argmax_ax1':
          f = () => tf.argMax(a, 1);
          break;
        case 'std':
          f = () => tf.tidy(() => tf.sqrt(tf.moments(a).variance));
          break;
        case 'transpose_copy':
          f = () => tf.transpose(a);
          break;
        case 'strided_add':
          f = () => tf.tidy(() => tf.add(tf.stridedSlice(a, [0, 0], [0, 0], [2, -1], 3, 3), 1));
          break;
        case 'matmul': {
          const A = t(`A${w.n}`, [w.n!, w.n!]);
          const B = t(`B${w.n}`, [w.n!, w.n!]);
          f = () => tf.matMul(A, B);
          break;
        }
        case 'add100': {
          const x = t('x', [100]);
          const y = t('y', [100]);
          f = () => tf.add(x, y);
          break;
        }
      }
      return {
        run: () => f().dispose(),
        read: () => {
          const r = f();
          const p = plain(r.shape.slice(), r.dataSync());
          r.dispose();
          return p;
        },
      };
    },
  };
}

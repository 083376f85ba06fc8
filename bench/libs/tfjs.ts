/** TensorFlow.js (`@tensorflow/tfjs-core`) with the cpu or the wasm backend; float32 only. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { register } from 'node:module';
import { pkgVersion, plain, type Adapter, type Case } from '../harness/adapter.js';
import { CONV, MLP, SIDE, type Workload } from '../harness/workloads.js';
import type { InputReader } from '../harness/adapter.js';

const version = pkgVersion('@tensorflow/tfjs-core');

/** The adapter for one backend. */
export function tfjsAdapter(backend: 'cpu' | 'wasm'): Adapter {
  return {
    name: `tfjs-${backend}`,
    version: `${version} (${backend} backend)`,
    async init() {
      // tfjs-core's Node bundle registers no gradients (the @tensorflow/tfjs package imports
      // its ES module `register_all_gradients`, whose extensionless imports need this hook)
      register(new URL('./tfjs-esm-hook.mjs', import.meta.url).href, import.meta.url);
      await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
      tf.env().set('IS_TEST', true); // silences the "install tfjs-node" banner
      await tf.setBackend(backend);
      await tf.ready();
      // IS_TEST also runs a leak check after every kernel, which fails inside tfjs's own
      // composite ops (logSoftmax) and costs time: off once the backend is up
      tf.env().set('IS_TEST', false);
    },
    prepare(w, input): Case | string {
      if (w.dtype !== 'float32') return 'no float64 dtype';
      if (w.kind === 'mlp_step') return mlpCase(input);
      if (w.kind === 'conv2d') return convCase(w, input);
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
        default:
          return `no ${w.kind} case`;
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

/**
 * The MLP step with tfjs's own autograd: variables for the parameters, `tf.train.sgd`'s
 * `minimize` over forward + the mean cross-entropy `-mean(sum(onehot * logSoftmax(z)))`,
 * which runs backward and the update. (`tf.losses.softmaxCrossEntropy` is the same loss but
 * trips tfjs's own kernel leak check, which the adapters run with `IS_TEST`.)
 */
function mlpCase(input: InputReader): Case {
  const { batch: B, inF, hidden: H, outF: O, lr } = MLP;
  const t = (name: string, shape: number[]): tf.Tensor => tf.tensor(input(name, 'float32'), shape, 'float32');
  const X = t('X', [B, inF]);
  const labels = tf.tensor1d(Int32Array.from(input('Y', 'float64')), 'int32');
  const Y = tf.cast(tf.oneHot(labels, O), 'float32');
  const init = [t('W1', [H, inF]), t('b1', [H]), t('W2', [O, H]), t('b2', [O])] as const;
  const vars = init.map((v) => tf.variable(v.clone())) as tf.Variable[];
  const [W1, b1, W2, b2] = vars as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
  const opt = tf.train.sgd(lr);
  const loss = (): tf.Scalar => {
    const h = tf.relu(tf.add(tf.matMul(X, W1, false, true), b1));
    const z = tf.add(tf.matMul(h, W2, false, true), b2);
    return tf.neg(tf.mean(tf.sum(tf.mul(Y, tf.logSoftmax(z)), 1))) as tf.Scalar;
  };
  const step = (): number => {
    const cost = opt.minimize(loss, true, vars)!;
    const v = cost.dataSync()[0]!;
    cost.dispose();
    return v;
  };
  return {
    run: step,
    read: () => {
      vars.forEach((v, i) => v.assign(init[i]!));
      const l = step();
      const parts = vars.map((v) => Array.from(v.dataSync()));
      return plain([1 + parts.reduce((n, p) => n + p.length, 0)], [l, ...parts.flat()]);
    },
  };
}

/** conv2d in tfjs's own layout (NHWC input, HWIO filter: converted once, untimed), padding 'same' = 1, plus the bias. */
function convCase(w: Workload, input: InputReader): Case {
  const { batch: N, cin, cout, h, w: wd, k } = CONV;
  const x = tf.transpose(tf.tensor(input('cx', w.dtype), [N, cin, h, wd], 'float32'), [0, 2, 3, 1]) as tf.Tensor4D;
  const f = tf.transpose(tf.tensor(input('cw', w.dtype), [cout, cin, k, k], 'float32'), [2, 3, 1, 0]) as tf.Tensor4D;
  const b = tf.tensor(input('cb', w.dtype), [cout], 'float32');
  const conv = (): tf.Tensor => tf.tidy(() => tf.add(tf.conv2d(x, f, 1, 'same'), b));
  return {
    run: () => conv().dispose(),
    read: () => {
      const r = conv();
      const nchw = tf.transpose(r, [0, 3, 1, 2]);
      const p = plain(nchw.shape.slice(), nchw.dataSync());
      r.dispose();
      nchw.dispose();
      return p;
    },
  };
}

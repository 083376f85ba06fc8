/**
 * `convolution`: 2-D convolution as the lecture describes it, a small kernel sliding over
 * the image, each output pixel the sum of the element-wise products `Σ ω_i·x_i` (no kernel
 * flip: what deep learning calls convolution is cross-correlation, as PyTorch's conv2d).
 * 1. The lecture's pixel: kernel [[0, −1, 0], [−1, 5, −1], [0, −1, 0]] on
 *    [[5, 6, 7], [3, 4, 6], [2, 3, 5]] gives 2.
 * 2. The lecture's 5×5 image and 3×3 kernel give [[12, 12, 17], [10, 17, 19], [9, 6, 14]]:
 *    by hand, with `nn.functional.conv2d` and with an `nn.Conv2d` layer; then with
 *    padding and stride.
 * 3. Four classic kernels (sharpen, Sobel x, Sobel y, blur) on a drawn image, as one
 *    Conv2d with four output channels.
 * 4. A Conv2d learns a hidden kernel back from input/output pairs ("in convolutional
 *    networks the kernel is found by training").
 * Writes `convolution.svg`: the image, the four filtered images, the hidden and learned kernels.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { context, runIfMain, type ExampleOptions, type ExampleResult } from './lib/cli.js';
import { num } from './lib/format.js';
import { grid, imageSpec } from './lib/plot.js';

/** What `convolution` returns. */
export interface ConvolutionResult extends ExampleResult {
  /** The lecture's single pixel. */
  pixel: number;
  /** The lecture's 5×5 example by hand. */
  lectureOutput: number[][];
  /** max |hand − conv2d| over every case (lecture, padding/stride, the four kernels). */
  maxDifference: number;
  /** max |learned kernel − hidden kernel| after training. */
  learnedError: number;
}

/**
 * 2-D cross-correlation of a single-channel `image` (H, W) with `kernel` (kh, kw), the
 * lecture's way: zero-pad, slide, multiply, sum.
 */
export function conv2dByHand(image: np.NDArray, kernel: np.NDArray, stride = 1, padding = 0): np.NDArray {
  const padded = np.pad(image, padding);
  const [kh, kw] = kernel.shape as [number, number];
  const outH = Math.floor((padded.shape[0]! - kh) / stride) + 1;
  const outW = Math.floor((padded.shape[1]! - kw) / stride) + 1;
  const out = np.zeros(outH, outW);
  for (let i = 0; i < outH; i++) {
    for (let j = 0; j < outW; j++) {
      const window = padded.get(`${i * stride}:${i * stride + kh}`, `${j * stride}:${j * stride + kw}`);
      out.set([i, j], np.sum(window.mul(kernel)));
    }
  }
  return out;
}

/** F.conv2d of one single-channel image with one kernel: (H, W) and (kh, kw) -> (H', W'). */
function conv2dLibrary(image: np.NDArray, kernel: np.NDArray, stride = 1, padding = 0): np.NDArray {
  const [kh, kw] = kernel.shape as [number, number];
  const x = ag.asTensor(image.reshape(1, 1, ...image.shape));
  return nn.functional.conv2d(x, kernel.reshape(1, 1, kh, kw), null, { stride, padding }).data.get(0, 0);
}

/** Runs `convolution` (see the file header); `quick` is the short setting of the test suite. */
export async function run(options: ExampleOptions = {}): Promise<ConvolutionResult> {
  const ctx = context(options);
  const f64 = (v: number[][]) => np.array(v, { dtype: 'float64' });
  let maxDifference = 0;
  const compare = (a: np.NDArray, b: np.NDArray) => {
    maxDifference = Math.max(maxDifference, Number(np.max(np.abs(a.sub(b)))));
  };

  // 1. the lecture's single pixel
  const sharpen = f64([[0, -1, 0], [-1, 5, -1], [0, -1, 0]]);
  const pixels = f64([[5, 6, 7], [3, 4, 6], [2, 3, 5]]);
  const pixel = Number(np.sum(sharpen.mul(pixels)));
  ctx.log('1. Σ ω_i·x_i = 0·5 + (−1)·6 + 0·7 + (−1)·3 + 5·4 + (−1)·6 + 0·2 + (−1)·3 + 0·5 =', pixel);

  // 2. the lecture's 5×5 image and 3×3 kernel
  const image = f64([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]);
  const kernel = f64([[0, 1, 2], [2, 2, 0], [0, 1, 2]]);
  const byHand = conv2dByHand(image, kernel);
  ctx.log('\n2. The 5×5 image and 3×3 kernel of the lecture, by hand:');
  ctx.log(byHand);
  const byFunction = conv2dLibrary(image, kernel);
  const layer = new nn.Conv2d(1, 1, 3, { bias: false });
  layer.weight.data.set('...', kernel.reshape(1, 1, 3, 3));
  const byLayer = ag.noGrad(() => layer.forward(ag.asTensor(image.reshape(1, 1, 5, 5)))).data.get(0, 0);
  compare(byHand, byFunction);
  compare(byHand, byLayer);
  ctx.log('nn.functional.conv2d(x, w) and nn.Conv2d(1, 1, 3) with that weight give the same; with padding 1 and stride 2:');
  const strided = conv2dByHand(image, kernel, 2, 1);
  compare(strided, conv2dLibrary(image, kernel, 2, 1));
  ctx.log(strided);

  // 3. four classic kernels on a drawn image (a ring and a bar), one Conv2d with 4 output channels
  const size = ctx.quick ? 24 : 48;
  const c = np.arange(size).sub((size - 1) / 2).div(size / 2);
  const [gx, gy] = np.meshgrid(c, c);
  const r = np.sqrt(np.square(gx!).add(np.square(gy!)));
  const drawn = np.where(np.logicalAnd(r.greater(0.45), r.less(0.75)), 1, 0).add(np.where(np.logicalAnd(np.abs(gy!).less(0.12), np.abs(gx!).less(0.3)), 1, 0)).astype('float64');
  const kernels: Record<string, np.NDArray> = {
    sharpen,
    'Sobel x': f64([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]),
    'Sobel y': f64([[-1, -2, -1], [0, 0, 0], [1, 2, 1]]),
    blur: np.full([3, 3], 1 / 9),
  };
  const names = Object.keys(kernels);
  const bank = new nn.Conv2d(1, names.length, 3, { padding: 1, bias: false });
  bank.weight.data.set('...', np.stack(names.map((k) => kernels[k]!)).reshape(names.length, 1, 3, 3));
  const filtered = ag.noGrad(() => bank.forward(ag.asTensor(drawn.reshape(1, 1, size, size)))).data.get(0);
  names.forEach((k, i) => compare(conv2dByHand(drawn, kernels[k]!, 1, 1), filtered.get(i)));
  ctx.log(`\n3. Sharpen, Sobel x, Sobel y and blur on a ${size}×${size} drawing, as one nn.Conv2d(1, 4, 3, { padding: 1 }):`);
  ctx.log(`   equal to the loops by hand to ${num(maxDifference)}`);

  // 4. learn a hidden kernel from examples
  const rng = np.random.defaultRng(0);
  const hidden = kernels['Sobel x']!;
  const inputs = rng.normal(0, 1, [16, 1, 12, 12]) as np.NDArray;
  const targets = nn.functional.conv2d(ag.asTensor(inputs), hidden.reshape(1, 1, 3, 3)).data;
  np.random.seed(0);
  const learner = new nn.Conv2d(1, 1, 3, { bias: false });
  const opt = new nn.optim.Adam(learner.parameters(), { lr: 0.05 });
  const steps = ctx.quick ? 200 : 500;
  let loss = Infinity;
  for (let t = 0; t < steps; t++) {
    opt.zeroGrad();
    const l = nn.functional.mseLoss(learner.forward(ag.asTensor(inputs)), ag.asTensor(targets));
    l.backward();
    opt.step();
    loss = l.item();
  }
  const learned = learner.weight.data.reshape(3, 3);
  const learnedError = Number(np.max(np.abs(learned.sub(hidden))));
  ctx.log(`\n4. A Conv2d trained ${steps} steps (Adam) on 16 random images and their Sobel-x responses, MSE ${num(loss)}:`);
  ctx.log(np.round(learned, 4), `(hidden kernel recovered to ${num(learnedError)})`);

  const asRows = (a: np.NDArray) => a.tolist() as number[][];
  await ctx.svg(
    'convolution',
    grid(
      '2-D convolution: the lecture’s example, four kernels, a learned kernel',
      [
        imageSpec(asRows(image), 'the lecture’s image', { text: true, scheme: 'blues' }),
        imageSpec(asRows(kernel), 'kernel', { text: true, scheme: 'oranges' }),
        imageSpec(asRows(byHand), 'image ⋆ kernel', { text: true, scheme: 'blues' }),
        imageSpec(asRows(drawn), 'a drawing'),
        ...names.map((k, i) => imageSpec(asRows(filtered.get(i)), k, k.startsWith('Sobel') ? { scheme: 'redblue', mid: 0 } : {})),
        imageSpec(asRows(hidden), 'hidden kernel (Sobel x)', { text: true, scheme: 'redblue', mid: 0 }),
        imageSpec(asRows(learned), 'learned kernel', { text: true, scheme: 'redblue', mid: 0, format: '.3f' }),
      ],
      4,
    ),
  );

  return { files: ctx.files, pixel, lectureOutput: byHand.tolist() as number[][], maxDifference, learnedError };
}

runIfMain(import.meta.url, run);

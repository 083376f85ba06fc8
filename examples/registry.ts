/**
 * Every example, by name, in the order of the lectures: the runner (`examples/run.ts`)
 * and the test suite (`test/examples.test.ts`) list them from here.
 */
import type { ExampleOptions } from './lib/cli.js';
import { run as tour } from './tour.js';
import { run as numpyBasics } from './numpy-basics.js';
import { run as linearRegression } from './linear-regression.js';
import { run as xor } from './xor.js';
import { run as cybenko } from './cybenko.js';
import { run as activations } from './activations.js';
import { run as backpropByHand } from './backprop-by-hand.js';
import { run as gradientCheck } from './gradient-check.js';
import { run as optimizers } from './optimizers.js';
import { run as regularization } from './regularization.js';
import { run as losses } from './losses.js';
import { run as autoencoders } from './autoencoders.js';
import { run as hypernetwork } from './hypernetwork.js';
import { run as density } from './density.js';
import { run as convolution } from './convolution.js';

/** One runnable example. */
export interface Example {
  name: string;
  /** One line on what it shows. */
  description: string;
  run: (options?: ExampleOptions) => unknown;
}

/** The examples, in the order of the lectures. */
export const EXAMPLES: readonly Example[] = [
  { name: 'tour', description: 'a short tour of numbat’s NumPy, each line beside its NumPy original', run: tour },
  { name: 'numpy-basics', description: 'the NumPy lecture, line by line', run: numpyBasics },
  { name: 'linear-regression', description: 'closed form (XᵀX)⁻¹Xᵀy vs gradient descent vs SGD vs mini-batch nn.fit', run: linearRegression },
  { name: 'xor', description: 'XOR by hand with step units, not by one layer, and trained with two', run: xor },
  { name: 'cybenko', description: 'the lecture’s f(x) by two-layer networks: error against hidden units', run: cybenko },
  { name: 'activations', description: 'every activation and its derivative (autograd vs the lecture’s formulas)', run: activations },
  { name: 'backprop-by-hand', description: 'the lectures’ backpropagation by hand, checked against autograd', run: backpropByHand },
  { name: 'gradient-check', description: 'numerical gradient checking: the quiz, O(ε) vs O(ε²), gradCheck, a bug caught', run: gradientCheck },
  { name: 'optimizers', description: 'SGD, momentum, Nesterov, AdaGrad, RMSprop, Adam on Rosenbrock’s surface', run: optimizers },
  { name: 'regularization', description: 'overfitting, and L2, dropout, batch norm', run: regularization },
  { name: 'losses', description: 'hinge variants vs cross-entropy on 2-D problems', run: losses },
  { name: 'autoencoders', description: 'the four autoencoders, and anomaly detection by reconstruction error', run: autoencoders },
  { name: 'hypernetwork', description: 'a network that generates another network’s weights per task', run: hypernetwork },
  { name: 'density', description: 'predicting a histogram with softmax, and μ, σ with the Gaussian NLL', run: density },
  { name: 'convolution', description: '2-D convolution by hand vs nn.functional.conv2d and nn.Conv2d', run: convolution },
];

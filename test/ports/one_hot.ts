/** Port of one_hot.py: one-hot encoding of labels with fancy assignment and with eye. */
import * as np from '@numbat/ndarray';
import { printer } from './print.js';

/** Runs the port and returns what it prints. */
export function oneHot(): string {
  const { print, output } = printer();
  const labels = np.array([0, 2, 1, 3, 2, 0]);
  const oneHot = np.zeros(labels.size, (labels.max() as number) + 1);
  oneHot.set([np.arange(labels.size), labels], 1); // one_hot[np.arange(n), labels] = 1
  print(oneHot);
  print(np.arrayEqual(oneHot, np.eye(4).get(labels)));
  print(oneHot.argmax(1));
  const counts = np.bincount(labels);
  print(counts, counts.argmax());
  return output();
}

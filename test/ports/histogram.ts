/** Port of histogram.py: a histogram of seeded normal data, its density, digitize and bincount. */
import * as np from '@numbat/ndarray';
import { printer } from './print.js';

/** Runs the port and returns what it prints. */
export function histogramOfNormals(): string {
  const { print, output } = printer();
  np.random.seed(42);
  const data = np.random.randn(1000) as np.NDArray;
  const [hist, edges] = np.histogram(data, 10, { range: [-3, 3] });
  print(hist);
  print(edges);
  print(hist.sum(), data.abs().greater(3).sum());
  const [density] = np.histogram(data, edges, { density: true });
  print(np.round(density, 4));
  print(np.bincount(np.digitize(data, edges)));
  return output();
}

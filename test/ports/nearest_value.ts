/** Port of nearest_value.py: nearest values by argmin, by digitize on midpoints, and unravel_index. */
import * as np from '@numbat/ndarray';
import { f64, printer } from './print.js';

/** Runs the port and returns what it prints. */
export function nearestValue(): string {
  const { print, output } = printer();
  np.random.seed(1);
  const Z = np.random.uniform(0, 1, 10) as np.NDArray;
  const z = 0.5;
  const m = new np.FlatIter(Z).get(np.abs(Z.sub(z)).argmin()); // Z.flat[...]
  print(Z);
  print(f64(m));
  const grid = np.linspace(0, 1, 11);
  const queries = np.array([0.04, 0.26, 0.5, 0.97]);
  const idx = np.digitize(queries, grid.get('1:').add(grid.get(':-1')).div(2));
  print(grid.get(idx));
  const A = np.arange(12).reshape(3, 4).mod(5);
  const [r, c] = np.unravelIndex(np.argmax(A), A.shape);
  print(r, c);
  return output();
}

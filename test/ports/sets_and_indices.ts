/** Port of sets_and_indices.py: set operations, masked in-place update, put and flat indexing. */
import * as np from '@numbat/ndarray';
import { printer } from './print.js';

/** Runs the port and returns what it prints. */
export function setsAndIndices(): string {
  const { print, output } = printer();
  const a = np.array([5, 1, 3, 3, 7, 9, 1]);
  const b = np.array([3, 4, 7, 8]);
  print(np.intersect1d(a, b), np.union1d(a, b), np.setdiff1d(a, b));
  print(np.isin(a, b));
  const big = a.greater(4);
  a.set(big, a.get(big).mul(-1)); // a[a > 4] *= -1
  print(a);
  np.put(a, [0, -1], [100, 200]);
  print(a);
  const M = np.arange(12).reshape(3, 4);
  const flat = new np.FlatIter(M); // M.flat
  flat.set([1, 6, 11], 0);
  print(M);
  print(flat.get('::5'), np.ravelMultiIndex([2, 3], M.shape));
  print(np.indices([2, 3]));
  return output();
}

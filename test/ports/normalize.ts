/** Port of normalize.py: min-max scaling of a random matrix, then column standardization. */
import * as np from '@numbat/ndarray';
import { f64, printer } from './print.js';

/** Runs the port and returns what it prints. */
export function normalize(): string {
  const { print, output } = printer();
  np.random.seed(0);
  let Z = np.random.random([5, 5]) as np.NDArray;
  const Zmin = Z.min() as number;
  const Zmax = Z.max() as number;
  Z = Z.sub(Zmin).div(Zmax - Zmin);
  print(Z);
  print(f64(Z.min()), f64(Z.max()));
  const S = Z.sub(Z.mean(0)).div(Z.std(0));
  print(S.round(3));
  print(np.allclose(S.mean(0), 0), np.allclose(S.std(0), 1));
  return output();
}

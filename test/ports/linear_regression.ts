/** Port of linear_regression.py: a least-squares line fit and interpolation on it. */
import * as np from '@numbat/ndarray';
import { printer } from './print.js';

/** Runs the port and returns what it prints. */
export function linearRegression(): string {
  const { print, output } = printer();
  np.random.seed(0);
  const x = np.linspace(0, 10, 20);
  const y = x.mul(3).add(2).add(np.random.randn(20)); // 3 * x + 2 + np.random.randn(20)
  const A = np.vstack([x, np.ones(x.size)]).T;
  const [m, c] = np.linalg.lstsq(A, y, { rcond: null })[0]; // 0-d arrays, as NumPy's scalars
  print(np.round(m!, 4), np.round(c!, 4));
  const fit = x.mul(m!).add(c!);
  const residuals = y.sub(fit);
  print(np.round(np.sqrt(np.mean(residuals.pow(2))), 4));
  print(np.round(np.interp([2.5, 7.25], x, fit), 4));
  return output();
}

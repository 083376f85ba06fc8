/** Port of moving_average.py: moving averages with cumsum and with a sliding window view. */
import * as np from '@numbat/ndarray';
import { printer } from './print.js';

function movingAverage(a: np.NDArray, n = 3): np.NDArray {
  const ret = np.cumsum(a, { dtype: 'float64' }); // dtype=float
  ret.set(`${n}:`, ret.get(`${n}:`).sub(ret.get(`:-${n}`))); // ret[n:] = ret[n:] - ret[:-n]
  return ret.get(`${n - 1}:`).div(n);
}

/** Runs the port and returns what it prints. */
export function movingAverages(): string {
  const { print, output } = printer();
  const Z = np.arange(20);
  print(movingAverage(Z, 3));
  const windows = np.slidingWindowView(Z, 4);
  print(windows.get(':3'));
  print(windows.mean(-1));
  return output();
}

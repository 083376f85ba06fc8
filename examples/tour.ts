/**
 * `tour`: a short tour of numbat's NumPy. Each step shows the NumPy line and what the
 * numbat port prints (which is what NumPy prints). `npm run example -- tour`.
 */
import * as np from '@numbat/ndarray';
import { printAcceptance } from './acceptance.js';
import { context, runIfMain, type ExampleOptions, type ExampleResult } from './lib/cli.js';

/** What `tour` returns: the number of steps shown. */
export interface TourResult extends ExampleResult {
  steps: number;
}

/** Runs `tour` (see the file header); `quick` is the short setting of the test suite. */
export function run(options: ExampleOptions = {}): TourResult {
  const ctx = context(options);
  let steps = 0;
  const step = (python: string, run: () => unknown): void => {
    ctx.log(`>>> ${python}`);
    const r = run();
    if (r !== undefined) ctx.log(r);
    steps++;
  };

  ctx.log('numbat: NumPy for TypeScript. Each ">>>" line is the NumPy original.\n');

  const a = np.arange(12).reshape(3, 4);
  step('a = np.arange(12, dtype=np.int32).reshape(3, 4); a', () => a);
  step('a[:, 1::2]   # a view: it shares memory with a', () => a.get(':', '1::2'));
  step('a.T @ a', () => a.T.matmul(a));
  step('(a - a.mean(axis=0)) / a.std(axis=0)', () => a.sub(a.mean(0)).div(a.std(0)));
  step('a[a % 2 == 0], a[[0, 2], 1:]', () => `${String(a.get(a.mod(2).equal(0)))} ${String(a.get([0, 2], '1:'))}`);
  step('np.linspace(0, 1, 5, dtype=np.float32) * 2', () => np.linspace(0, 1, 5, { dtype: 'float32' }).mul(2));
  step('np.array([1, 2], dtype=np.uint8) + 250   # NEP 50: the Python int adopts uint8', () =>
    np.array([1, 2], { dtype: 'uint8' }).add(250),
  );
  step('np.array([1, 2], dtype=np.uint8) + 300', () => {
    try {
      return np.array([1, 2], { dtype: 'uint8' }).add(300);
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
  });
  step('float(np.nanmean([1, np.nan, 3])), float(np.median([3, 1, 2])), float(np.percentile(np.arange(10), 90))', () =>
    // a reduction over all axes returns a plain JS number
    [np.nanmean([1, NaN, 3]), np.median([3, 1, 2]), np.percentile(np.arange(10), 90)].join(', '),
  );
  step('b = np.zeros((2, 3)); b[:, 1] = [7, 8]; b', () => {
    const b = np.zeros(2, 3);
    b.set([':', 1], [7, 8]);
    return b;
  });
  step('np.arange(2000.0).reshape(40, 50)   # summarised past 1000 elements', () => String(np.arange(2000, { dtype: 'float64' }).reshape(40, 50)));

  ctx.log('\nThe acceptance snippet of the foundation issue, as the test suite checks it against NumPy:\n');
  ctx.log(printAcceptance().trimEnd());
  return { files: ctx.files, steps };
}

runIfMain(import.meta.url, run);

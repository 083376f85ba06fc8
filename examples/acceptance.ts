/**
 * The NumPy snippet of the foundation issue, ported line by line. `printAcceptance`
 * returns what it prints, so the tour shows it and a test compares it with NumPy's own
 * output for the same program (arrays built as int32, numbat's default integer).
 *
 * ```python
 * a = np.arange(12).reshape(3, 4)
 * print(a[:, 1::2]); print(repr(a.T @ a)); print((a - a.mean(axis=0)) / a.std(axis=0))
 * print(np.argmax(a, axis=1), a.sum(), a[a % 2 == 0], a[[0, 2], 1:])
 * x = np.linspace(0, 1, 5, dtype=np.float32); print(repr(x * 2))
 * print(repr(np.array([1, 2], dtype=np.uint8) + 250)); print(np.nanmean([1, np.nan, 3]))
 * print(np.arange(2000.0).reshape(40, 50))
 * ```
 */
import * as np from '@numbat/ndarray';

/** The Python program above, with `np.arange(12)` as int32 (numbat's default integer). */
export const ACCEPTANCE_PYTHON = `
a = np.arange(12, dtype=np.int32).reshape(3, 4)
print(a[:, 1::2]); print(repr(a.T @ a)); print((a - a.mean(axis=0)) / a.std(axis=0))
print(np.argmax(a, axis=1), a.sum(), a[a % 2 == 0], a[[0, 2], 1:])
x = np.linspace(0, 1, 5, dtype=np.float32); print(repr(x * 2))
print(repr(np.array([1, 2], dtype=np.uint8) + 250)); print(np.nanmean([1, np.nan, 3]))
print(np.arange(2000.0).reshape(40, 50))
`;

/** Runs the port and returns the lines it prints (Python's `print` joins with spaces). */
export function printAcceptance(): string {
  const out: string[] = [];
  const print = (...xs: unknown[]): void => {
    out.push(xs.map((x) => String(x)).join(' '));
  };
  const a = np.arange(12).reshape(3, 4);
  print(a.get(':', '1::2'));
  print(a.T.matmul(a).repr());
  print(a.sub(a.mean(0)).div(a.std(0)));
  print(np.argmax(a, 1), a.sum(), a.get(a.mod(2).equal(0)), a.get([0, 2], '1:'));
  const x = np.linspace(0, 1, 5, { dtype: 'float32' });
  print(x.mul(2).repr());
  // a full reduction is a JS number; a 0-d float64 array prints it as NumPy prints the scalar
  print(np.array([1, 2], { dtype: 'uint8' }).add(250).repr());
  print(np.array(np.nanmean([1, NaN, 3]), { dtype: 'float64' }));
  // JS cannot tell 2000.0 from 2000: ask for float64 as the Python literal implies
  print(np.arange(2000, { dtype: 'float64' }).reshape(40, 50));
  return out.join('\n') + '\n';
}

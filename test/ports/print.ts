/**
 * Python's `print` for the ports: arguments joined by spaces, one line per call. An NDArray
 * prints as NumPy's `str` (numbat's `String(a)`), a boolean as Python's `True`/`False`, a
 * string as is, a JS number as JS writes it: an integral float must be printed through
 * numbat to read `1.0` (see `f64`), because JS cannot tell `1.0` from `1`.
 */
import * as np from '@numbat/ndarray';

/** A printer: `print(...)` records a line, `output()` gives everything printed. */
export function printer(): { print: (...xs: unknown[]) => void; output: () => string } {
  const lines: string[] = [];
  const str = (x: unknown): string => (typeof x === 'boolean' ? (x ? 'True' : 'False') : String(x));
  return {
    print: (...xs: unknown[]) => {
      lines.push(xs.map(str).join(' '));
    },
    output: () => lines.map((l) => l + '\n').join(''),
  };
}

/** A float64 NumPy scalar for printing: `f64(1)` prints `1.0`, as `np.float64(1)` does. */
export function f64(x: number | boolean | bigint | np.NDArray): np.NDArray {
  return np.asarray(x instanceof np.NDArray ? x : Number(x), { dtype: 'float64' });
}

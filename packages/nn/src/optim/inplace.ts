/**
 * PyTorch's in-place tensor primitives that the optimizers' update rules are written in
 * (`mul_`, `add_`, `addcmul_`, `addcdiv_`, `lerp_`), on NDArrays through ufuncs with
 * `out`: each writes into its first argument, keeps its dtype (JS numbers are weak
 * scalars, so a float32 buffer stays float32) and records nothing on the autograd tape.
 * Writing the rules in these names keeps each update function line-for-line comparable
 * with PyTorch's `_single_tensor_*` functions.
 */
import * as np from '@numbat/ndarray';

/** `a.mul_(s)`: `a *= s` in place; returns `a`. */
export function mul_(a: np.NDArray, s: number | np.NDArray): np.NDArray {
  return np.multiply(a, s, { out: a });
}

/** `a.add_(b, alpha=alpha)`: `a += alpha * b` in place; returns `a`. */
export function add_(a: np.NDArray, b: np.NDArray | number, alpha = 1): np.NDArray {
  if (alpha === 1) return np.add(a, b, { out: a });
  return np.add(a, np.multiply(b, alpha), { out: a });
}

/** `a.addcmul_(b, c, value=value)`: `a += value * b * c` in place; returns `a`. */
export function addcmul_(a: np.NDArray, b: np.NDArray, c: np.NDArray, value = 1): np.NDArray {
  const prod = np.multiply(b, c);
  if (value !== 1) np.multiply(prod, value, { out: prod });
  return np.add(a, prod, { out: a });
}

/** `a.addcdiv_(b, c, value=value)`: `a += value * b / c` in place; returns `a`. */
export function addcdiv_(a: np.NDArray, b: np.NDArray, c: np.NDArray, value = 1): np.NDArray {
  const quot = np.divide(b, c);
  if (value !== 1) np.multiply(quot, value, { out: quot });
  return np.add(a, quot, { out: a });
}

/**
 * `a.lerp_(end, weight)`: `a + weight * (end - a)` in place, in PyTorch's two-sided form
 * (for `|weight| >= 0.5` it computes `end - (end - a) * (1 - weight)`, which is exact at
 * `weight = 1`); returns `a`.
 */
export function lerp_(a: np.NDArray, end: np.NDArray, weight: number): np.NDArray {
  const diff = np.subtract(end, a);
  if (Math.abs(weight) < 0.5) {
    np.multiply(diff, weight, { out: diff });
    return np.add(a, diff, { out: a });
  }
  np.multiply(diff, 1 - weight, { out: diff });
  return np.subtract(end, diff, { out: a });
}

/** `a.copy_(b)`: writes `b` (broadcast, cast) into `a`; returns `a`. */
export function copy_(a: np.NDArray, b: np.NDArray): np.NDArray {
  a.set('...', b);
  return a;
}

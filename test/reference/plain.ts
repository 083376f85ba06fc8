/**
 * Plain values: an array as `{ dtype, shape, values }` with values in C order, read by
 * writing out index arithmetic by hand. Shares no code with numbat's kernels, so a kernel
 * bug cannot hide in both the code under test and the thing it is compared with.
 */
import type { NDArray } from '@numbat/ndarray';

/** An array's content as plain JS: C-order values (numbers, or bigints for 64-bit ints). */
export interface Plain {
  dtype: string;
  shape: number[];
  values: (number | bigint)[];
}

/** Reads every element of a (possibly strided, offset, stride-0) NDArray in C order. */
export function toPlain(a: NDArray): Plain {
  const shape = a.shape.slice();
  const values: (number | bigint)[] = [];
  const data = a.data as unknown as ArrayLike<number | bigint>;
  const size = shape.reduce((x, y) => x * y, 1);
  for (let flat = 0; flat < size; flat++) {
    // unravel `flat` into a multi-index, then dot with the strides
    let rem = flat;
    let pos = a.offset;
    for (let d = shape.length - 1; d >= 0; d--) {
      const i = rem % shape[d]!;
      rem = Math.floor(rem / shape[d]!);
      pos += i * a.strides[d]!;
    }
    values.push(data[pos]!);
  }
  return { dtype: a.dtype, shape, values };
}

/** C-order values of a nested JS list (what `tolist` gives) and its shape. */
export function flattenNested(x: unknown): { shape: number[]; values: unknown[] } {
  const shape: number[] = [];
  let probe = x;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const values: unknown[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else values.push(v);
  };
  walk(x);
  return { shape, values };
}

/** Builds the nested JS list of a plain array (NumPy's `tolist`). */
export function nestedOf(p: Plain): unknown {
  if (p.shape.length === 0) return p.values[0];
  let k = 0;
  const build = (d: number): unknown[] => {
    const out: unknown[] = [];
    for (let i = 0; i < p.shape[d]!; i++) out.push(d === p.shape.length - 1 ? p.values[k++] : build(d + 1));
    return out;
  };
  return build(0);
}

/**
 * The machinery every `np.linalg` function shares: NumPy's linalg dtype rule, the
 * validation messages, and the batch loop over stacks of matrices `(..., M, N)`.
 *
 * Design: each matrix of a stack is copied into a contiguous row-major float64 scratch
 * (`readMatrix`), the kernel works on the scratch, and the results are written into fresh
 * C-contiguous outputs of the result dtype (a Float32Array store rounds once). Inputs are
 * never written. The batch axes are walked by `stridedLoop` with the input and every
 * output as operands, so each matrix lands at its own output offset whatever order the
 * driver picks.
 *
 * dtypes (NumPy's `_commonType`): linalg computes in float64 always; the result is
 * float32 only when every input is float32, else float64 (bool and integers promote to
 * float64, and float32 with an integer gives float64, unlike `np.resultType`).
 */
import { NDArray } from '../ndarray.js';
import { DTYPES, type DType } from '../dtype/dtypes.js';
import { LinAlgError } from '../errors.js';
import { stridedLoop } from '../iter/strided-loop.js';
import { copyOf, emptyArray } from '../ops/assign.js';

/** The result dtype of a linalg function of these inputs (NumPy's `_commonType`). */
export function linalgType(...arrays: readonly NDArray[]): 'float32' | 'float64' {
  return arrays.every((a) => a.dtype === 'float32') ? 'float32' : 'float64';
}

/** `a` with float elements: float32/float64 as they are, anything else converted to float64. */
export function asFloat(a: NDArray): NDArray {
  return DTYPES[a.dtype].kind === 'f' ? a : copyOf(a, 'float64');
}

/** `2-dimensional array given. Array must be at least two-dimensional` (and friends). */
export function dimsError(ndim: number, exact = false): LinAlgError {
  return new LinAlgError(`${ndim}-dimensional array given. Array must be ${exact ? 'two-dimensional' : 'at least two-dimensional'}`);
}

/** NumPy's `_assert_stacked_2d`. */
export function assertStacked2d(a: NDArray): void {
  if (a.ndim < 2) throw dimsError(a.ndim);
}

/** NumPy's `_assert_stacked_square`: at least 2-d with square last two axes. */
export function assertStackedSquare(a: NDArray): void {
  assertStacked2d(a);
  if (a.shape[a.ndim - 1] !== a.shape[a.ndim - 2]) throw new LinAlgError('Last 2 dimensions of the array must be square');
}

/** `Singular matrix` */
export function singularError(): LinAlgError {
  return new LinAlgError('Singular matrix');
}

/** A stack of matrices: the batch shape and strides, and each matrix's size and steps. */
export interface Stack {
  readonly arr: NDArray;
  readonly batch: number[];
  readonly batchStrides: number[];
  readonly rows: number;
  readonly cols: number;
  /** Step between rows / columns of one matrix, in elements. */
  readonly rs: number;
  readonly cs: number;
}

/** Describes `a` (at least 2-d) as a stack of matrices over its last two axes. */
export function stackOf(a: NDArray): Stack {
  const nd = a.ndim;
  return {
    arr: a,
    batch: a.shape.slice(0, nd - 2),
    batchStrides: a.strides.slice(0, nd - 2),
    rows: a.shape[nd - 2]!,
    cols: a.shape[nd - 1]!,
    rs: a.strides[nd - 2]!,
    cs: a.strides[nd - 1]!,
  };
}

/** Element reads of a float array's buffer. */
type Elements = { readonly [i: number]: number };
/** Element writes into a float array's buffer. */
type MutElements = { [i: number]: number };

/** Copies the `rows`×`cols` matrix of `s` starting at `off` into `dst`, row-major. */
export function readMatrix(s: Stack, off: number, dst: Float64Array): void {
  const src = s.arr.data as unknown as Elements;
  const { rows, cols, rs, cs } = s;
  let k = 0;
  for (let i = 0; i < rows; i++) {
    let p = off + i * rs;
    for (let j = 0; j < cols; j++, p += cs) dst[k++] = src[p]!;
  }
}

/** Writes `n` values of `src` (from `srcOff`) into `out`'s buffer at `off` (rounding for float32). */
export function writeValues(out: NDArray, off: number, src: ArrayLike<number>, n: number, srcOff = 0): void {
  const dst = out.data as unknown as MutElements;
  for (let i = 0; i < n; i++) dst[off + i] = src[srcOff + i]!;
}

/** An output of a batched linalg function: a fresh C-contiguous array of `batch + core`. */
export function batchOutput(batch: readonly number[], core: readonly number[], dtype: DType): NDArray {
  return emptyArray([...batch, ...core], dtype);
}

/** The batch strides of a C-contiguous output made by {@link batchOutput}. */
export function outBatchStrides(out: NDArray, nbatch: number): number[] {
  return out.strides.slice(0, nbatch);
}

/**
 * Calls `fn(offsets)` once per index of `batch`, with `offsets[k]` the start of operand k's
 * matrix (operand k has batch strides `strides[k]` and base offset `offsets0[k]`). The
 * `offsets` array is reused between calls.
 */
export function forEachMatrix(
  batch: readonly number[],
  strides: readonly (readonly number[])[],
  offsets0: readonly number[],
  fn: (offsets: readonly number[]) => void,
): void {
  const nops = offsets0.length;
  const cur = new Array<number>(nops).fill(0);
  stridedLoop(batch, strides, offsets0, (n, p, s) => {
    for (let t = 0; t < n; t++) {
      for (let k = 0; k < nops; k++) cur[k] = p[k]! + t * s[k]!;
      fn(cur);
    }
  });
}

/**
 * A JS array in NumPy's tuple order that also carries the named-tuple field names as
 * (non-enumerable) properties, so both `const [q, r] = ...` and `const { Q, R } = ...` work.
 */
export function namedTuple<T extends readonly unknown[], N extends Record<string, unknown>>(values: T, names: readonly (keyof N & string)[]): T & N {
  const out = values.slice() as unknown as T & N;
  names.forEach((name, i) => {
    Object.defineProperty(out, name, { value: values[i], enumerable: false, writable: false });
  });
  return out;
}

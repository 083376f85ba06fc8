/**
 * `np.linalg.eigh` and `np.linalg.eigvalsh`: eigenvalues (ascending) and eigenvectors of
 * stacks of symmetric matrices, reading one triangle (kernel in symmetric-eigen.ts).
 */
import { NDArray } from '../ndarray.js';
import { LinAlgError, ValueError } from '../errors.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { symmetricEigen } from './symmetric-eigen.js';
import { asFloat, assertStackedSquare, batchOutput, forEachMatrix, linalgType, namedTuple, outBatchStrides, readMatrix, stackOf, writeValues } from './stack.js';

/** Which triangle of the input is read: 'L' lower (the default) or 'U' upper (either case). */
export type UPLO = 'L' | 'U' | 'l' | 'u';

/** Options of {@link eigh} and {@link eigvalsh} (NumPy's keyword keeps its name `UPLO`). */
export interface EighOptions {
  /** Which triangle to read: 'L' (default) or 'U'. */
  UPLO?: UPLO;
}

/** The result of {@link eigh}: `[eigenvalues, eigenvectors]`, also readable by name. */
export type EighResult = [NDArray, NDArray] & { eigenvalues: NDArray; eigenvectors: NDArray };

function parseUplo(arg: UPLO | EighOptions | undefined): 'L' | 'U' {
  const raw: unknown = typeof arg === 'string' ? arg : (arg?.UPLO ?? 'L');
  const up = typeof raw === 'string' ? raw.toUpperCase() : raw;
  if (up !== 'L' && up !== 'U') throw new ValueError("UPLO argument must be 'L' or 'U'");
  return up;
}

/**
 * Runs the symmetric eigensolver over a stack; `put(offsets, w, vecs)` stores each result.
 * Non-finite entries in the referenced triangle of a matrix larger than 1×1 give NaN
 * eigenvalues (and vectors): LAPACK's answers there are arbitrary (see {@link eigh}).
 */
function eighStack(
  x: NDArray,
  uplo: 'L' | 'U',
  outs: readonly NDArray[],
  vectors: boolean,
  put: (offsets: readonly number[], w: Float64Array, vecs: Float64Array) => void,
): void {
  const s = stackOf(asFloat(x));
  const n = s.rows;
  const raw = new Float64Array(n * n);
  const sym = new Float64Array(n * n);
  const w = new Float64Array(n);
  const vecs = new Float64Array(n * n);
  const strides = [s.batchStrides, ...outs.map((o) => outBatchStrides(o, s.batch.length))];
  forEachMatrix(s.batch, strides, [s.arr.offset, ...outs.map(() => 0)], (p) => {
    readMatrix(s, p[0]!, raw);
    let finite = true;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        // the referenced triangle, mirrored
        const v = uplo === 'L' ? raw[Math.max(i, j) * n + Math.min(i, j)]! : raw[Math.min(i, j) * n + Math.max(i, j)]!;
        if (!Number.isFinite(v)) finite = false;
        sym[i * n + j] = v;
      }
    }
    if (!finite && n > 1) {
      w.fill(NaN);
      vecs.fill(NaN);
    } else if (!symmetricEigen(sym, n, w, vectors ? vecs : null)) {
      throw new LinAlgError('Eigenvalues did not converge');
    }
    put(p, w, vecs);
  });
}

/**
 * Eigenvalues and eigenvectors of each real symmetric matrix of a stack
 * (`np.linalg.eigh`), reading only the lower (`UPLO` 'L', the default) or upper ('U')
 * triangle. Returns `[eigenvalues, eigenvectors]` (also `{ eigenvalues, eigenvectors }`):
 * eigenvalues ascending, shape (..., M); column i of eigenvectors (..., M, M) belongs to
 * eigenvalue i. Eigenvectors are orthonormal; their signs (and the basis within a repeated
 * eigenvalue) are not defined, as in NumPy. float32 stays float32 (computed in float64).
 * Householder tridiagonalisation + implicit QL. Deliberate difference: a NaN or infinity
 * in the referenced triangle of a matrix larger than 1×1 gives NaN eigenvalues and
 * vectors, where NumPy's LAPACK returns arbitrary numbers or raises.
 *
 * @example
 * const { eigenvalues, eigenvectors } = np.linalg.eigh([[2, 1], [1, 2]]);
 * eigenvalues.tolist(); // [1, 3] (to rounding)
 */
export function eigh(a: ArrayLike, UPLO?: UPLO | EighOptions): EighResult {
  const uplo = parseUplo(UPLO);
  const x = asarray(a);
  assertStackedSquare(x);
  const dtype = linalgType(x);
  const batch = x.shape.slice(0, x.ndim - 2);
  const n = x.shape[x.ndim - 1]!;
  const values = batchOutput(batch, [n], dtype);
  const vectors = batchOutput(batch, [n, n], dtype);
  eighStack(x, uplo, [values, vectors], true, (p, w, vecs) => {
    writeValues(values, p[1]!, w, n);
    writeValues(vectors, p[2]!, vecs, n * n);
  });
  return namedTuple<[NDArray, NDArray], { eigenvalues: NDArray; eigenvectors: NDArray }>([values, vectors], ['eigenvalues', 'eigenvectors']);
}

/**
 * Eigenvalues (ascending) of each real symmetric matrix of a stack
 * (`np.linalg.eigvalsh`), reading only the `UPLO` triangle ('L' by default). Same
 * algorithm and conventions as {@link eigh}, without the vectors.
 *
 * @example
 * np.linalg.eigvalsh([[2, 1], [1, 2]]).tolist(); // [1, 3] (to rounding)
 */
export function eigvalsh(a: ArrayLike, UPLO?: UPLO | EighOptions): NDArray {
  const uplo = parseUplo(UPLO);
  const x = asarray(a);
  assertStackedSquare(x);
  const batch = x.shape.slice(0, x.ndim - 2);
  const n = x.shape[x.ndim - 1]!;
  const values = batchOutput(batch, [n], linalgType(x));
  eighStack(x, uplo, [values], false, (p, w) => writeValues(values, p[1]!, w, n));
  return values;
}

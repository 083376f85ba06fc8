/**
 * `@numbat/ndarray`: NumPy's n-d arrays for TypeScript. The public surface of API.md;
 * re-exports only.
 *
 * @example
 * import * as np from '@numbat/ndarray';
 * const a = np.arange(12).reshape(3, 4);
 */
export { NDArray, type Flags } from './ndarray.js';
export { ValueError, IndexError, AxisError, DTypeError, OverflowError, LinAlgError } from './errors.js';
export { type DType, type DTypeLike, type TypedArray, DTYPES } from './dtype/dtypes.js';
export { type Casting } from './dtype/promotion.js';
export { asarray, array, type ArrayLike, type Scalar, type NestedArray, type ArrayOptions } from './ops/convert.js';
export * from './ufunc/arithmetic.js';
export * from './ufunc/math.js';
export * from './ufunc/compare-logic.js';
export { type UnaryUfunc, type BinaryUfunc, type UfuncOptions } from './ufunc/ufunc.js';
export { reduce, accumulate, type ReduceOptions, type AccumulateOptions } from './ufunc/reduce.js';
export {
  reshape,
  ravel,
  flatten,
  transpose,
  swapaxes,
  moveaxis,
  expandDims,
  squeeze,
  broadcastTo,
  broadcastShapes,
  type ShapeLike,
} from './ops/shape.js';
export * from './ops/creation.js';
export * from './ops/join.js';
export * from './ops/indexing.js';
export * from './ops/reductions.js';
export * from './ops/nan-reductions.js';
export * from './ops/statistics.js';
export * from './ops/products.js';
export * from './ops/elementwise.js';
export * from './ops/dtype-api.js';
export * from './print/index.js';
export * from './ops/sorting.js';
export * from './ops/einsum.js';
export * from './io/index.js';
export * as linalg from './linalg/index.js';
export * as random from './random/index.js';
export * from './ops/porting.js';
export { setNumThreads, getNumThreads } from './parallel/pool.js';

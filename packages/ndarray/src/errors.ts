/**
 * The error classes of numbat and the builders of NumPy's exact messages.
 *
 * Every user-facing error is thrown through a builder here, so a message is written once
 * and matches NumPy's wording (`numpy/_core` error strings), minus NumPy's occasional
 * trailing space.
 */

/** NumPy's `ValueError`: an argument has the right type but an unusable value. */
export class ValueError extends Error {
  override name = 'ValueError';
}

/** NumPy's `IndexError`: an index out of range or of an unusable kind. */
export class IndexError extends Error {
  override name = 'IndexError';
}

/**
 * NumPy's `AxisError` (`numpy.exceptions.AxisError`): an axis argument out of range.
 * As in NumPy it is an `IndexError` (NumPy's is also a `ValueError`; JS has single
 * inheritance, so numbat keeps the `IndexError` side, as API.md states).
 */
export class AxisError extends IndexError {
  override name = 'AxisError';
}

/**
 * A dtype that cannot be used for the operation: NumPy raises `TypeError` (or its
 * subclass `UFuncTypeError`, `DTypePromotionError`). It extends the JS `TypeError`.
 */
export class DTypeError extends TypeError {
  override name = 'DTypeError';
}

/** NumPy's `OverflowError`: a JS number does not fit the dtype it must become (NEP 50). */
export class OverflowError extends RangeError {
  override name = 'OverflowError';
}

/** `numpy.linalg.LinAlgError`, a `ValueError` as in NumPy. */
export class LinAlgError extends ValueError {
  override name = 'LinAlgError';
}

/** NumPy's tuple notation for a shape: `(2,3)`, `(4,)`, `()`. */
export function shapeStr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(',')})`;
}

/** NumPy's tuple notation with spaces, as used in reshape messages: `(2, 3)`. */
export function shapeStrSpaced(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** `operands could not be broadcast together with shapes (2,3) (4,)` */
export function broadcastError(shapes: readonly (readonly number[])[]): ValueError {
  return new ValueError(
    `operands could not be broadcast together with shapes ${shapes.map(shapeStr).join(' ')}`,
  );
}

/** `axis 2 is out of bounds for array of dimension 2` */
export function axisError(axis: number, ndim: number): AxisError {
  return new AxisError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
}

/** `index 5 is out of bounds for axis 0 with size 3` */
export function indexError(index: number, axis: number, size: number): IndexError {
  return new IndexError(`index ${index} is out of bounds for axis ${axis} with size ${size}`);
}

/** `cannot reshape array of size 6 into shape (4,)` */
export function reshapeError(size: number, shape: readonly number[]): ValueError {
  return new ValueError(`cannot reshape array of size ${size} into shape ${shapeStrSpaced(shape)}`);
}

/** `Python integer 300 out of bounds for uint8` (NEP 50 weak integers). */
export function weakOverflowError(value: number | bigint, dtype: string): OverflowError {
  return new OverflowError(`Python integer ${value} out of bounds for ${dtype}`);
}

/** `assignment destination is read-only` */
export function readOnlyError(): ValueError {
  return new ValueError('assignment destination is read-only');
}

/** `repeated axis in `sum` argument` style message (NumPy: `duplicate value in 'axis'`). */
export function duplicateAxisError(): ValueError {
  return new ValueError("duplicate value in 'axis'");
}

/** `zero-size array to reduction operation maximum which has no identity` */
export function emptyReductionError(ufuncName: string): ValueError {
  return new ValueError(`zero-size array to reduction operation ${ufuncName} which has no identity`);
}

/**
 * `ufunc 'bitwise_and' not supported for the input types, and the inputs could not be
 * safely coerced to any supported types according to the casting rule ''safe''`
 */
export function ufuncTypeError(ufuncName: string): DTypeError {
  return new DTypeError(
    `ufunc '${ufuncName}' not supported for the input types, and the inputs could not be ` +
      `safely coerced to any supported types according to the casting rule ''safe''`,
  );
}

/** `Cannot cast ufunc 'add' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'` */
export function outputCastError(ufuncName: string, from: string, to: string): DTypeError {
  return new DTypeError(
    `Cannot cast ufunc '${ufuncName}' output from dtype('${from}') to dtype('${to}') with casting rule 'same_kind'`,
  );
}

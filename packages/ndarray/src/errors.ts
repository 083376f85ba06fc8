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
  return new ValueError(`cannot reshape array of size ${size} into shape ${shapeStr(shape)}`);
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

/** `non-broadcastable output operand with shape (1,) doesn't match the broadcast shape (3,)` */
export function outputShapeError(outShape: readonly number[], shape: readonly number[]): ValueError {
  return new ValueError(
    `non-broadcastable output operand with shape ${shapeStr(outShape)} doesn't match the broadcast shape ${shapeStr(shape)}`,
  );
}

/** `casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got 'foo')` */
export function castingArgError(casting: unknown): ValueError {
  return new ValueError(`casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got '${String(casting)}')`);
}

/** `shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)` (`np.dot`, `np.inner`). */
export function notAlignedError(a: readonly number[], b: readonly number[], dimA: number, dimB: number): ValueError {
  return new ValueError(
    `shapes ${shapeStr(a)} and ${shapeStr(b)} not aligned: ${a[dimA]} (dim ${dimA}) != ${b[dimB]} (dim ${dimB})`,
  );
}

/**
 * `matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core with
 * signature (n?,k),(k,m?)->(n?,m?) requires 1)`
 */
export function gufuncDimsError(name: string, signature: string, operand: number, has: number, requires: number): ValueError {
  return new ValueError(
    `${name}: Input operand ${operand} does not have enough dimensions (has ${has}, gufunc core with signature ${signature} requires ${requires})`,
  );
}

/**
 * `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature
 * (n?,k),(k,m?)->(n?,m?) (size 3 is different from 2)`; `kind` is `Input` or `Output`.
 */
export function gufuncCoreError(
  name: string,
  signature: string,
  kind: 'Input' | 'Output',
  operand: number,
  coreDim: number,
  size: number,
  expected: number,
): ValueError {
  return new ValueError(
    `${name}: ${kind} operand ${operand} has a mismatch in its core dimension ${coreDim}, with gufunc signature ${signature} (size ${size} is different from ${expected})`,
  );
}

/**
 * A gufunc's loop dimensions do not broadcast: `operands could not be broadcast together
 * with remapped shapes [original->remapped]: (2,2,3)->(2,newaxis,newaxis)
 * (3,3,2)->(3,newaxis,newaxis)  and requested shape (2,2)`. `operands` pairs each
 * original shape with its remapped text; `core` is the output's core shape.
 */
export function gufuncBroadcastError(operands: readonly (readonly [readonly number[], string])[], core: readonly number[]): ValueError {
  const parts = operands.map(([shape, remapped]) => `${shapeStr(shape)}->${remapped}`);
  return new ValueError(
    `operands could not be broadcast together with remapped shapes [original->remapped]: ${parts.join(' ')}  and requested shape (${core.join(',')})`,
  );
}

/** `Cannot cast ufunc 'matmul' input 0 from dtype('float64') to dtype('int32') with casting rule 'same_kind'` */
export function inputCastError(ufuncName: string, operand: number, from: string, to: string): DTypeError {
  return new DTypeError(
    `Cannot cast ufunc '${ufuncName}' input ${operand} from dtype('${from}') to dtype('${to}') with casting rule 'same_kind'`,
  );
}

/**
 * `cannot reshape array of size 6 into shape (3,newaxis,4)`, NumPy's reshape message: the
 * requested shape printed by `convert_shape_to_string` (no spaces, `-1` as `newaxis`,
 * leading unknown entries dropped, a trailing comma only for a single entry).
 */
export function reshapeSizeError(size: number, requested: readonly number[]): ValueError {
  let i = 0;
  while (i < requested.length && requested[i]! < 0) i++;
  let text = '()';
  if (i < requested.length) {
    const parts = [String(requested[i])];
    for (let k = i + 1; k < requested.length; k++) parts.push(requested[k]! < 0 ? 'newaxis' : String(requested[k]));
    text = requested.length === 1 ? `(${parts[0]},)` : `(${parts.join(',')})`;
  }
  return new ValueError(`cannot reshape array of size ${size} into shape ${text}`);
}

/**
 * `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0
 * with shape (2, 3) and arg 1 with shape (3, 2).` (`np.broadcast`, `np.broadcast_shapes`,
 * `np.broadcast_arrays`).
 */
export function shapeMismatchError(i: number, shapeI: readonly number[], j: number, shapeJ: readonly number[]): ValueError {
  return new ValueError(
    `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${i} with shape ${shapeStrSpaced(shapeI)} and arg ${j} with shape ${shapeStrSpaced(shapeJ)}.`,
  );
}

/** `Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'same_kind'` */
export function arrayCastError(from: string, to: string, casting: string): DTypeError {
  return new DTypeError(`Cannot cast array data from dtype('${from}') to dtype('${to}') according to the rule '${casting}'`);
}

// ---- indexing (ops/indexing.ts, shape/index-parse.ts) ----

/** NumPy's `IndexError` for an index item of an unusable kind (a float, a string, an object). */
export function invalidIndexError(): IndexError {
  return new IndexError(
    'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices',
  );
}

/** `too many indices for array: array is 2-dimensional, but 3 were indexed` */
export function tooManyIndicesError(ndim: number, used: number): IndexError {
  return new IndexError(`too many indices for array: array is ${ndim}-dimensional, but ${used} were indexed`);
}

/** `an index can only have a single ellipsis ('...')` */
export function multipleEllipsisError(): IndexError {
  return new IndexError("an index can only have a single ellipsis ('...')");
}

/** `boolean index did not match indexed array along axis 0; size of axis is 3 but size of corresponding boolean axis is 2` */
export function booleanIndexError(axis: number, size: number, maskSize: number): IndexError {
  return new IndexError(
    `boolean index did not match indexed array along axis ${axis}; size of axis is ${size} but size of corresponding boolean axis is ${maskSize}`,
  );
}

/** `arrays used as indices must be of integer (or boolean) type` */
export function indexArrayTypeError(): IndexError {
  return new IndexError('arrays used as indices must be of integer (or boolean) type');
}

/** `shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,)` */
export function indexBroadcastError(shapes: readonly (readonly number[])[]): IndexError {
  return new IndexError(`shape mismatch: indexing arrays could not be broadcast together with shapes ${shapes.map(shapeStr).join(' ')}`);
}

/** `index 7 is out of bounds for size 6` (a flat index, as `a.item(7)`). */
export function flatIndexError(index: number, size: number): IndexError {
  return new IndexError(`index ${index} is out of bounds for size ${size}`);
}

/** `slice step cannot be zero` */
export function sliceStepError(): ValueError {
  return new ValueError('slice step cannot be zero');
}

/** Python's `TypeError` for a slice bound that is not an integer. */
export function sliceTypeError(): DTypeError {
  return new DTypeError('slice indices must be integers or None or have an __index__ method');
}

/** `could not broadcast input array from shape (3,) into shape (2,)` (`a[1:3] = v`). */
export function assignBroadcastError(from: readonly number[], to: readonly number[]): ValueError {
  return new ValueError(`could not broadcast input array from shape ${shapeStr(from)} into shape ${shapeStr(to)}`);
}

/** `shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)` */
export function fancyAssignShapeError(from: readonly number[], to: readonly number[]): ValueError {
  return new ValueError(
    `shape mismatch: value array of shape ${shapeStr(from)} could not be broadcast to indexing result of shape ${shapeStr(to)}`,
  );
}

/** `NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output values where the mask is true` */
export function maskAssignCountError(values: number, count: number): ValueError {
  return new ValueError(
    `NumPy boolean array indexing assignment cannot assign ${values} input values to the ${count} output values where the mask is true`,
  );
}

/** `NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has 2 dimensions` (a TypeError). */
export function maskAssignNdimError(ndim: number): DTypeError {
  return new DTypeError(
    `NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has ${ndim} dimensions`,
  );
}

/**
 * `setting an array element with a sequence.` (an array into one element), with ` The
 * requested array would exceed the maximum number of dimension of 1.` when a list is
 * nested deeper than the `ndmax` axes it is assigned to.
 */
export function sequenceError(ndmax?: number): ValueError {
  if (ndmax === undefined) return new ValueError('setting an array element with a sequence.');
  return new ValueError(
    `setting an array element with a sequence. The requested array would exceed the maximum number of dimension of ${ndmax}.`,
  );
}

/**
 * Python's errors for a float or int that cannot become a C integer: `cannot convert float
 * NaN to integer` (ValueError), `cannot convert float infinity to integer` and `Python int
 * too large to convert to C long` (OverflowError).
 */
export function intConversionError(what: 'nan' | 'inf' | 'long'): ValueError | OverflowError {
  if (what === 'nan') return new ValueError('cannot convert float NaN to integer');
  if (what === 'inf') return new OverflowError('cannot convert float infinity to integer');
  return new OverflowError('Python int too large to convert to C long');
}

/** `can only convert an array of size 1 to a Python scalar` */
export function itemSizeError(): ValueError {
  return new ValueError('can only convert an array of size 1 to a Python scalar');
}

/** `incorrect number of indices for array` (`a.item(1, 2, 3)` on a 2-d array). */
export function itemIndicesError(): ValueError {
  return new ValueError('incorrect number of indices for array');
}

/** `iteration over a 0-d array` (a TypeError). */
export function zeroDimIterationError(): DTypeError {
  return new DTypeError('iteration over a 0-d array');
}

// ---- sorting, searching and einsum (ops/sorting.ts, ops/einsum.ts) ----

/**
 * NumPy's `convert_shape_to_string` for an iterator's remapped shape: negative entries are
 * `newaxis`, leading ones are dropped, and a single entry gets a trailing comma.
 */
export function remappedShapeStr(dims: readonly number[]): string {
  let i = 0;
  while (i < dims.length && dims[i]! < 0) i++;
  if (i === dims.length) return '()';
  const parts = dims.slice(i).map((d) => (d < 0 ? 'newaxis' : String(d)));
  return dims.length === 1 ? `(${parts[0]},)` : `(${parts.join(',')})`;
}

/**
 * `operands could not be broadcast together with remapped shapes [original->remapped]:
 * (2,3)->(2,newaxis,3) (4,4)->(4,4)`: NumPy's iterator error when operands with axis maps
 * (einsum's) do not broadcast; `remapped` gives each operand's size per iterator axis, -1
 * where it has none. NumPy's trailing space is left out.
 */
export function remappedBroadcastError(operands: readonly { shape: readonly number[]; remapped: readonly number[] }[]): ValueError {
  const parts = operands.map((o) => `${remappedShapeStr(o.shape)}->${remappedShapeStr(o.remapped)}`);
  return new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${parts.join(' ')}`);
}

// ---- ufunc methods (ufunc/reduce.ts, ufunc/reduceat.ts, ufunc/at.ts, ufunc/out-check.ts) ----

/** `output array is read-only`: an `out` that cannot be written. */
export function readOnlyOutputError(): ValueError {
  return new ValueError('output array is read-only');
}

/** `No loop matching the specified signature and casting was found for ufunc equal` */
export function noLoopError(ufuncName: string): DTypeError {
  return new DTypeError(`No loop matching the specified signature and casting was found for ufunc ${ufuncName}`);
}

/** `reduction operation 'subtract' is not reorderable, so at most one axis may be specified` */
export function notReorderableError(ufuncName: string): ValueError {
  return new ValueError(`reduction operation '${ufuncName}' is not reorderable, so at most one axis may be specified`);
}

/**
 * `output parameter for reduction operation add has the wrong number of dimensions: Found 2
 * but expected 1`, with ` (must match the operand's when keepdims=True)` under keepdims.
 */
export function reduceOutNdimError(ufuncName: string, found: number, expected: number, keepdims: boolean): ValueError {
  const base = `output parameter for reduction operation ${ufuncName} has the wrong number of dimensions: Found ${found} but expected ${expected}`;
  return new ValueError(keepdims ? `${base} (must match the operand's when keepdims=True)` : base);
}

/** `provided out is the wrong size for the accumulation.` (accumulate of a 1-d array). */
export function accumulateOutSizeError(): ValueError {
  return new ValueError('provided out is the wrong size for the accumulation.');
}

/**
 * NumPy's iterator error for operands that do not broadcast when some have axis maps:
 * `operands could not be broadcast together with remapped shapes [original->remapped]:
 * (3,)->(3,newaxis) (3,2)`; `parts` are the operands already formatted (`(3,)->(3,newaxis)`
 * for a mapped one, `(3,2)` for one without a map). NumPy's trailing space is left out.
 */
export function iterBroadcastError(parts: readonly string[]): ValueError {
  return new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${parts.join(' ')}`);
}

/**
 * `Iterator input op_axes[0][0] (==1) is not a valid axis of op[0], which has 1 dimensions`
 * (NumPy's trailing space left out).
 */
export function opAxesError(op: number, index: number, axis: number, ndim: number): ValueError {
  return new ValueError(`Iterator input op_axes[${op}][${index}] (==${axis}) is not a valid axis of op[${op}], which has ${ndim} dimensions`);
}

/**
 * `output operand requires a reduction along dimension 0, but the reduction is not enabled.
 * The dimension size of 1 does not match the expected output shape.`
 */
export function reductionNotEnabledError(dim: number): ValueError {
  return new ValueError(
    `output operand requires a reduction along dimension ${dim}, but the reduction is not enabled. The dimension size of 1 does not match the expected output shape.`,
  );
}

/** `operand was set up as a reduction along axis 0, but the length of the axis is 3 (it has to be 1)` */
export function reductionAxisLengthError(axis: number, length: number): ValueError {
  return new ValueError(`operand was set up as a reduction along axis ${axis}, but the length of the axis is ${length} (it has to be 1)`);
}

/**
 * `non-broadcastable output operand with shape (1,2) [remapped to (2,1)] doesn't match the
 * broadcast shape (3,2)`: NumPy's iterator prints the remapped shape in reverse axis order.
 */
export function remappedOutputShapeError(shape: readonly number[], remapped: readonly number[], broadcast: readonly number[]): ValueError {
  return new ValueError(
    `non-broadcastable output operand with shape ${shapeStr(shape)} [remapped to ${remappedShapeStr(remapped)}] doesn't match the broadcast shape ${shapeStr(broadcast)}`,
  );
}

/** `index 5 out-of-bounds in add.reduceat [0, 3)` */
export function reduceatIndexError(index: number, ufuncName: string, length: number): IndexError {
  return new IndexError(`index ${index} out-of-bounds in ${ufuncName}.reduceat [0, ${length})`);
}

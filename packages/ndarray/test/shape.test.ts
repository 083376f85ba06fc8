/**
 * Examples, view-versus-copy behaviour and error messages of the shape functions. Every
 * expected value and message was produced by NumPy 2.4 (numbat's default int is int32
 * where NumPy's is int64).
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { nestedOf, toPlain } from '../../../test/reference/plain.js';

const vals = (a: np.NDArray): unknown => nestedOf(toPlain(a));
const info = (a: np.NDArray): [string, number[], unknown] => [a.dtype, a.shape.slice(), vals(a)];
/** Adds 1 to every element of `a` in place, through numbat's ufunc machinery. */
const bump = (a: np.NDArray): void => void np.add(a, 1, { out: a });
/** `[[0, 1, 2], [3, 4, 5]]` as int32. */
const m23 = (): np.NDArray => np.reshape(np.arange(6), [2, 3]);

describe('reshape, ravel, flatten', () => {
  it('reshape is a view when the strides allow; writes go through', () => {
    const a = np.arange(6);
    const r = np.reshape(a, 2, 3);
    expect(info(r)).toEqual(['int32', [2, 3], [[0, 1, 2], [3, 4, 5]]]);
    expect(r.base).toBe(a);
    expect(r.data).toBe(a.data);
    bump(r);
    expect(vals(a)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(np.reshape(a, [3, -1]).shape).toEqual([3, 2]);
    expect(np.reshape(a, [-5]).shape).toEqual([6]);
    // a transposed array cannot be flattened in C order without a copy
    const t = np.transpose(m23());
    const flat = np.reshape(t, -1);
    expect([vals(flat), flat.data === t.data]).toEqual([[0, 3, 1, 4, 2, 5], false]);
    // ... but it can be split along an axis without one
    const v = np.reshape(np.transpose(np.reshape(np.arange(12), [3, 4])), [2, 2, 3]);
    expect(v.strides).toEqual([2, 1, 4]);
  });

  it('reshape messages print the requested shape as NumPy does', () => {
    const a = np.zeros(6);
    expect(() => np.reshape(a, [4])).toThrow(new np.ValueError('cannot reshape array of size 6 into shape (4,)'));
    expect(() => np.reshape(a, [4, 2])).toThrow('cannot reshape array of size 6 into shape (4,2)');
    expect(() => np.reshape(a, [3, -1, 4])).toThrow('cannot reshape array of size 6 into shape (3,newaxis,4)');
    expect(() => np.reshape(a, [-1, 4])).toThrow('cannot reshape array of size 6 into shape (4)');
    expect(() => np.reshape(a, [])).toThrow('cannot reshape array of size 6 into shape ()');
    expect(() => np.reshape(np.zeros(0), [0, -1])).toThrow('cannot reshape array of size 0 into shape (0,newaxis)');
    expect(() => np.reshape(a, [-1, -1])).toThrow(new np.ValueError('can only specify one unknown dimension'));
    expect(() => np.reshape(a, [2, 2.5])).toThrow(new np.DTypeError("'float' object cannot be interpreted as an integer"));
    expect(() => np.reshape(a)).toThrow(new np.DTypeError("reshape() missing 1 required positional argument: 'shape'"));
  });

  it('ravel views only C-contiguous arrays; flatten always copies', () => {
    const a = m23();
    expect(np.ravel(a).data).toBe(a.data);
    const stepped = np.flip(np.arange(4));
    const r = np.ravel(stepped);
    expect([vals(r), r.data === stepped.data]).toEqual([[3, 2, 1, 0], false]);
    const f = np.flatten(a);
    expect([vals(f), f.data === a.data, f.base]).toEqual([[0, 1, 2, 3, 4, 5], false, null]);
  });
});

describe('transpose, swapaxes, moveaxis, expandDims, squeeze', () => {
  it('are views with permuted or new axes', () => {
    const a = np.zeros(2, 3, 4);
    expect(np.transpose(a).shape).toEqual([4, 3, 2]);
    expect(np.transpose(a, [1, 0, 2]).strides).toEqual([4, 12, 1]);
    expect(np.transpose(a, [-1, 0, 1]).shape).toEqual([4, 2, 3]);
    expect(np.swapaxes(a, 0, -1).shape).toEqual([4, 3, 2]);
    expect(np.moveaxis(a, 0, -1).shape).toEqual([3, 4, 2]);
    expect(np.moveaxis(a, [0, 1], [-1, -2]).shape).toEqual([4, 3, 2]);
    expect(np.expandDims(a, [0, -1]).shape).toEqual([1, 2, 3, 4, 1]);
    expect(np.squeeze(np.zeros(1, 2, 1)).shape).toEqual([2]);
    expect(np.squeeze(np.zeros(1, 2, 1), -1).shape).toEqual([1, 2]);
    const t = np.transpose(a);
    expect(t.base).toBe(a);
    expect([t.data === a.data, t.flags.fContiguous]).toEqual([true, true]);
  });

  it('throw NumPy messages for bad axes', () => {
    const z = np.zeros(2, 1);
    expect(() => np.transpose(z, [0, 0])).toThrow(new np.ValueError('repeated axis in transpose'));
    expect(() => np.transpose(z, [0])).toThrow(new np.ValueError("axes don't match array"));
    expect(() => np.transpose(z, [0, 2])).toThrow(new np.AxisError('axis 2 is out of bounds for array of dimension 2'));
    expect(() => np.swapaxes(z, 2, 0)).toThrow(new np.AxisError('axis1: axis 2 is out of bounds for array of dimension 2'));
    expect(() => np.swapaxes(z, 0, -3)).toThrow('axis2: axis -3 is out of bounds for array of dimension 2');
    expect(() => np.moveaxis(z, 2, 0)).toThrow('source: axis 2 is out of bounds for array of dimension 2');
    expect(() => np.moveaxis(z, 0, 2)).toThrow('destination: axis 2 is out of bounds for array of dimension 2');
    expect(() => np.moveaxis(z, [0, 0], [0, 1])).toThrow(new np.ValueError('repeated axis in `source` argument'));
    expect(() => np.moveaxis(z, [0, 0], [0])).toThrow('repeated axis in `source` argument');
    expect(() => np.moveaxis(z, [0, 1], [0])).toThrow('`source` and `destination` arguments must have the same number of elements');
    expect(() => np.expandDims(z, [0, -4])).toThrow(new np.ValueError('repeated axis'));
    expect(() => np.expandDims(z, [0, 4])).toThrow('axis 4 is out of bounds for array of dimension 4');
    expect(() => np.squeeze(z, 0)).toThrow(new np.ValueError('cannot select an axis to squeeze out which has size not equal to one'));
    expect(() => np.squeeze(z, [1, -1])).toThrow(new np.ValueError("duplicate value in 'axis'"));
    expect(() => np.squeeze(z, 2)).toThrow(np.AxisError);
  });
});

describe('broadcastTo, broadcastArrays, broadcastShapes', () => {
  it('broadcastTo gives a read-only stride-0 view', () => {
    const a = np.arange(3);
    const b = np.broadcastTo(a, 2, 3);
    expect(info(b)).toEqual(['int32', [2, 3], [[0, 1, 2], [0, 1, 2]]]);
    expect([b.strides, b.flags.writeable, b.data === a.data]).toEqual([[0, 1], false, true]);
    expect(() => bump(b)).toThrow(new np.ValueError('output array is read-only'));
    expect(np.broadcastTo(np.zeros(2, 1), [2, 0]).shape).toEqual([2, 0]);
  });

  it('broadcastTo messages', () => {
    const z = np.zeros(2, 1);
    expect(() => np.broadcastTo(np.zeros(2), [3])).toThrow(
      new np.ValueError('operands could not be broadcast together with remapped shapes [original->remapped]: (2,)  and requested shape (3,)'),
    );
    expect(() => np.broadcastTo(z, [2])).toThrow('input operand has more dimensions than allowed by the axis remapping');
    expect(() => np.broadcastTo(np.zeros(1), [])).toThrow('cannot broadcast a non-scalar to a scalar array');
    expect(() => np.broadcastTo(np.zeros(2), [-1])).toThrow('all elements of broadcast shape must be non-negative');
  });

  it('broadcastArrays returns inputs of the common shape unchanged, read-only views of the rest', () => {
    const a = np.arange(3);
    const b = np.reshape(np.arange(2), [2, 1]);
    const [x, y] = np.broadcastArrays(a, b);
    expect([info(x!), info(y!)]).toEqual([
      ['int32', [2, 3], [[0, 1, 2], [0, 1, 2]]],
      ['int32', [2, 3], [[0, 0, 0], [1, 1, 1]]],
    ]);
    expect([x!.flags.writeable, x!.data === a.data]).toEqual([false, true]);
    const same = np.broadcastArrays(a, a);
    expect([same[0] === a, same[1] === a]).toEqual([true, true]);
    expect(np.broadcastArrays()).toEqual([]);
    expect(() => np.broadcastArrays(np.zeros(2), np.zeros(3))).toThrow(
      new np.ValueError('shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (2,) and arg 1 with shape (3,).'),
    );
  });

  it('broadcastShapes names the first mismatching pair, as np.broadcast', () => {
    expect(np.broadcastShapes([2, 1], [3])).toEqual([2, 3]);
    expect(np.broadcastShapes(3, [2, 1])).toEqual([2, 3]);
    expect(np.broadcastShapes()).toEqual([]);
    expect(np.broadcastShapes([0], [1])).toEqual([0]);
    expect(() => np.broadcastShapes([2, 3], [4, 1, 1], [1, 5])).toThrow(
      'shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (2, 3) and arg 2 with shape (1, 5).',
    );
    expect(() => np.broadcastShapes([2], [2, 1], [3, 1, 1], [1, 4, 1, 1])).toThrow('Mismatch is between arg 2 with shape (3, 1, 1) and arg 3 with shape (1, 4, 1, 1).');
    expect(() => np.broadcastShapes([-1], [2])).toThrow('negative dimensions are not allowed');
  });
});

describe('concatenate, stack, vstack, hstack', () => {
  it('concatenate joins along an axis with promoted dtype', () => {
    expect(info(np.concatenate([[1, 2], [3]]))).toEqual(['int32', [3], [1, 2, 3]]);
    expect(info(np.concatenate([m23(), np.zeros(2, 1, 'int8')], 1))).toEqual(['int32', [2, 4], [[0, 1, 2, 0], [3, 4, 5, 0]]]);
    expect(info(np.concatenate([np.zeros(1, 'int8'), np.ones(1, 'uint8')]))).toEqual(['int16', [2], [0, 1]]);
    expect(info(np.concatenate([m23(), [[9, 9, 9]]], -2))).toEqual(['int32', [3, 3], [[0, 1, 2], [3, 4, 5], [9, 9, 9]]]);
    expect(info(np.concatenate([m23(), [7]], null))).toEqual(['int32', [7], [0, 1, 2, 3, 4, 5, 7]]);
    expect(info(np.concatenate([np.zeros([]), np.zeros([])], { axis: null }))).toEqual(['float64', [2], [0, 0]]);
    expect(info(np.concatenate(m23()))).toEqual(['int32', [6], [0, 1, 2, 3, 4, 5]]);
    expect(info(np.concatenate([[1.5], [2]], { dtype: 'int32', casting: 'unsafe' }))).toEqual(['int32', [2], [1, 2]]);
    const c = np.concatenate([m23(), m23()]);
    expect([c.base, c.flags.ownsData]).toEqual([null, true]);
  });

  it('concatenate follows the inputs memory order and writes into out', () => {
    const f = np.transpose(m23());
    expect(np.concatenate([f, f]).strides).toEqual([1, 6]);
    const out = np.zeros(4, 'float32');
    expect(np.concatenate([[1, 2], [3, 4]], { out })).toBe(out);
    expect(vals(out)).toEqual([1, 2, 3, 4]);
  });

  it('concatenate messages', () => {
    expect(() => np.concatenate([])).toThrow(new np.ValueError('need at least one array to concatenate'));
    expect(() => np.concatenate([np.zeros([]), np.zeros([])])).toThrow('zero-dimensional arrays cannot be concatenated');
    expect(() => np.concatenate([np.zeros(2, 2), np.zeros(2)])).toThrow(
      'all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)',
    );
    expect(() => np.concatenate([np.zeros(2, 2), np.zeros(2, 3)])).toThrow(
      'all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 2 and the array at index 1 has size 3',
    );
    expect(() => np.concatenate([np.zeros(2, 2)], 2)).toThrow(new np.AxisError('axis 2 is out of bounds for array of dimension 2'));
    expect(() => np.concatenate([np.zeros(2)], { dtype: 'int32' })).toThrow(
      new np.DTypeError("Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'same_kind'"),
    );
    expect(() => np.concatenate([np.zeros(2)], { out: np.zeros(2, 'int32') })).toThrow("Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'same_kind'");
    expect(() => np.concatenate([np.zeros(2), np.zeros(2)], { out: np.zeros(3) })).toThrow(new np.ValueError('Output array is the wrong shape'));
    expect(() => np.concatenate([np.zeros(2)], { out: np.zeros(2, 1) })).toThrow('Output array has wrong dimensionality');
    expect(() => np.concatenate([np.zeros(2)], { out: np.zeros(2), dtype: 'float32' })).toThrow(
      new np.DTypeError('concatenate() only takes `out` or `dtype` as an argument, but both were provided.'),
    );
  });

  it('stack, vstack, hstack', () => {
    expect(info(np.stack([[1, 2], [3, 4]]))).toEqual(['int32', [2, 2], [[1, 2], [3, 4]]]);
    expect(info(np.stack([[1, 2], [3, 4]], 1))).toEqual(['int32', [2, 2], [[1, 3], [2, 4]]]);
    expect(np.stack([np.zeros(2, 3), np.zeros(2, 3)], -1).shape).toEqual([2, 3, 2]);
    expect(info(np.vstack([[1, 2], [3, 4]]))).toEqual(['int32', [2, 2], [[1, 2], [3, 4]]]);
    expect(info(np.vstack([1, [2]]))).toEqual(['int32', [2, 1], [[1], [2]]]);
    expect(info(np.hstack([[1, 2], [3]]))).toEqual(['int32', [3], [1, 2, 3]]);
    expect(info(np.hstack([[[1], [2]], [[3], [4]]]))).toEqual(['int32', [2, 2], [[1, 3], [2, 4]]]);
    expect(() => np.stack([])).toThrow(new np.ValueError('need at least one array to stack'));
    expect(() => np.stack([np.zeros(2), np.zeros(3)])).toThrow('all input arrays must have the same shape');
    expect(() => np.stack([np.zeros(2), np.zeros(2)], 2)).toThrow('axis 2 is out of bounds for array of dimension 2');
    expect(() => np.vstack([])).toThrow('need at least one array to concatenate');
    expect(() => np.hstack([])).toThrow('need at least one array to concatenate');
    expect(() => np.vstack([np.zeros(2), np.zeros(3)])).toThrow('along dimension 1, the array at index 0 has size 2 and the array at index 1 has size 3');
  });
});

describe('split, arraySplit', () => {
  it('return views of equal parts or parts between indices', () => {
    const a = np.arange(6);
    const parts = np.split(a, 3);
    expect(parts.map(vals)).toEqual([[0, 1], [2, 3], [4, 5]]);
    expect(parts.every((p) => p.base === a && p.data === a.data)).toBe(true);
    bump(parts[1]!);
    expect(vals(a)).toEqual([0, 1, 3, 4, 4, 5]);
    expect(np.split(np.arange(5), [1, 3]).map(vals)).toEqual([[0], [1, 2], [3, 4]]);
    expect(np.split(np.arange(5), [-2, 10]).map(vals)).toEqual([[0, 1, 2], [3, 4], []]);
    expect(np.split(m23(), 3, -1).map((p) => p.shape)).toEqual([[2, 1], [2, 1], [2, 1]]);
    expect(np.arraySplit(np.arange(5), 2).map(vals)).toEqual([[0, 1, 2], [3, 4]]);
    expect(np.arraySplit(np.arange(5), 7).map((p) => p.size)).toEqual([1, 1, 1, 1, 1, 0, 0]);
    expect(np.split(np.arange(5), 2.5).map(vals)).toEqual([[0, 1, 2], [3, 4]]);
  });

  it('messages', () => {
    expect(() => np.split(np.arange(5), 2)).toThrow(new np.ValueError('array split does not result in an equal division'));
    expect(() => np.arraySplit(np.arange(5), 0)).toThrow(new np.ValueError('number sections must be larger than 0.'));
    expect(() => np.arraySplit(np.arange(5), -1)).toThrow('number sections must be larger than 0.');
    expect(() => np.split(np.arange(5), 2, 1)).toThrow(new np.IndexError('tuple index out of range'));
    expect(() => np.split(np.zeros([]), 1)).toThrow('tuple index out of range');
    expect(() => np.split(np.arange(6), 0)).toThrow('integer modulo by zero');
    expect(() => np.split(np.arange(5), [1.5])).toThrow(new np.DTypeError('slice indices must be integers or None or have an __index__ method'));
  });
});

describe('tile, repeat', () => {
  it('tile', () => {
    expect(info(np.tile([1, 2], 2))).toEqual(['int32', [4], [1, 2, 1, 2]]);
    expect(info(np.tile([1, 2], [2, 1]))).toEqual(['int32', [2, 2], [[1, 2], [1, 2]]]);
    expect(vals(np.tile(m23(), 2))).toEqual([[0, 1, 2, 0, 1, 2], [3, 4, 5, 3, 4, 5]]);
    expect(np.tile(np.arange(3), [2, 1, 2]).shape).toEqual([2, 1, 6]);
    expect(info(np.tile(5, [2, 2]))).toEqual(['int32', [2, 2], [[5, 5], [5, 5]]]);
    const a = np.arange(3);
    const same = np.tile(a, []);
    expect([vals(same), same.data === a.data]).toEqual([[0, 1, 2], false]);
    expect(() => np.tile(np.arange(3), -1)).toThrow(new np.ValueError('negative dimensions are not allowed'));
    expect(() => np.tile(np.arange(3), 1.5)).toThrow("'float' object cannot be interpreted as an integer");
    expect(np.tile(np.zeros(4, 0), [2, -1]).shape).toEqual([8, 0]);
    expect(() => np.tile(np.zeros(1), [0, -1, 0, 0])).toThrow('cannot reshape array of size 0 into shape (0,newaxis,0,0)');
  });

  it('repeat with one count or one per element', () => {
    expect(info(np.repeat([1, 2], 2))).toEqual(['int32', [4], [1, 1, 2, 2]]);
    expect(info(np.repeat([[1, 2], [3, 4]], 2))).toEqual(['int32', [8], [1, 1, 2, 2, 3, 3, 4, 4]]);
    expect(vals(np.repeat([[1, 2], [3, 4]], [1, 2], 0))).toEqual([[1, 2], [3, 4], [3, 4]]);
    expect(vals(np.repeat([[1, 2], [3, 4]], 2, -1))).toEqual([[1, 1, 2, 2], [3, 3, 4, 4]]);
    expect(vals(np.repeat(np.arange(3), [1.5, 2, 1]))).toEqual([0, 1, 1, 2]);
    expect(vals(np.repeat(np.arange(3), [2]))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(vals(np.repeat(5, 3))).toEqual([5, 5, 5]);
    expect(vals(np.repeat(np.array(5), 2, 0))).toEqual([5, 5]);
  });

  it('repeat messages', () => {
    const a = np.arange(3);
    expect(() => np.repeat(a, -1)).toThrow(new np.ValueError('negative dimensions are not allowed'));
    expect(() => np.repeat(a, [1, 2])).toThrow(new np.ValueError('operands could not be broadcast together with shape (3,) (2,)'));
    expect(() => np.repeat(np.zeros(2, 3), [1, 2])).toThrow('operands could not be broadcast together with shape (6,) (2,)');
    expect(() => np.repeat(a, [1, 2, -1])).toThrow(new np.ValueError('repeats may not contain negative values.'));
    expect(() => np.repeat(a, [[1]])).toThrow('setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.');
    expect(() => np.repeat(a, np.array(new Float64Array([1, 2, 1])))).toThrow(
      new np.DTypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'"),
    );
    expect(() => np.repeat(a, 2, -2)).toThrow(new np.AxisError('axis -2 is out of bounds for array of dimension 1'));
  });
});

describe('flip, roll, pad', () => {
  it('flip is a view with negative strides', () => {
    const a = m23();
    const f = np.flip(a, 1);
    expect([vals(f), f.strides, f.data === a.data]).toEqual([[[2, 1, 0], [5, 4, 3]], [3, -1], true]);
    expect(vals(np.flip(a))).toEqual([[5, 4, 3], [2, 1, 0]]);
    expect(vals(np.flip(a, [0, -1]))).toEqual([[5, 4, 3], [2, 1, 0]]);
    bump(f);
    expect(vals(a)).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(np.flip(np.zeros(0, 2)).shape).toEqual([0, 2]);
    expect(() => np.flip(a, 2)).toThrow(new np.AxisError('axis 2 is out of bounds for array of dimension 2'));
    expect(() => np.flip(a, [0, -2])).toThrow(new np.ValueError('repeated axis'));
  });

  it('roll shifts cyclically, flattened without an axis', () => {
    expect(vals(np.roll([1, 2, 3, 4], 1))).toEqual([4, 1, 2, 3]);
    expect(vals(np.roll([1, 2, 3, 4], -5))).toEqual([2, 3, 4, 1]);
    expect(vals(np.roll(m23(), 1))).toEqual([[5, 0, 1], [2, 3, 4]]);
    expect(vals(np.roll(m23(), 1, 1))).toEqual([[2, 0, 1], [5, 3, 4]]);
    expect(vals(np.roll([[1, 2], [3, 4]], [1, 1], [0, 1]))).toEqual([[4, 3], [2, 1]]);
    expect(vals(np.roll(np.arange(3), 1, [0, 0]))).toEqual([1, 2, 0]);
    expect(vals(np.roll(np.arange(3), [1, 2]))).toEqual([0, 1, 2]);
    expect(vals(np.roll(np.arange(3), 1.5))).toEqual([2, 0, 1]);
    const r = np.roll(np.transpose(m23()), 1, 0);
    expect(r.strides).toEqual([1, 3]);
    expect(() => np.roll(np.arange(5), [1, 2], [0, 0, 0])).toThrow(
      new np.ValueError('shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (2,) and arg 1 with shape (3,).'),
    );
    expect(() => np.roll(m23(), 1, 2)).toThrow(new np.AxisError('axis 2 is out of bounds for array of dimension 2'));
    expect(() => np.roll(m23(), [[1]] as unknown as number[], 0)).toThrow("'shift' and 'axis' should be scalars or 1D sequences");
  });

  it('pad in constant mode, every width and value form', () => {
    expect(info(np.pad([1, 2], 1))).toEqual(['int32', [4], [0, 1, 2, 0]]);
    expect(vals(np.pad([1, 2], [1, 2]))).toEqual([0, 1, 2, 0, 0]);
    expect(vals(np.pad([[1]], [[0, 1], [1, 0]], { constantValues: 9 }))).toEqual([[9, 1], [9, 9]]);
    expect(vals(np.pad([[1, 2], [3, 4]], 1, { constantValues: [[1, 2], [3, 4]] }))).toEqual([
      [3, 1, 1, 4],
      [3, 1, 2, 4],
      [3, 3, 4, 4],
      [3, 2, 2, 4],
    ]);
    expect(vals(np.pad([[1]], [[1], [2]]))).toEqual([[0, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 0]]);
    expect(info(np.pad(np.arange(3, { dtype: 'uint8' }), 1, { constantValues: 2.7 }))).toEqual(['uint8', [5], [2, 0, 1, 2, 2]]);
    expect(vals(np.pad(np.arange(2), 1, { mode: 'empty' }))).toEqual([0, 0, 1, 0]);
    expect(np.pad(np.transpose(m23()), 1).strides).toEqual([1, 5]);
  });

  it('pad messages', () => {
    const a = np.arange(3);
    expect(() => np.pad(a, 1.5)).toThrow(new np.DTypeError('`pad_width` must be of integral type.'));
    expect(() => np.pad(a, -1)).toThrow(new np.ValueError("index can't contain negative values"));
    expect(() => np.pad(a, [[1, 2], [3, 4]])).toThrow(
      'operands could not be broadcast together with remapped shapes [original->remapped]: (2,2)  and requested shape (1,2)',
    );
    expect(() => np.pad(a, [1, 2, 3])).toThrow('operands could not be broadcast together with remapped shapes [original->remapped]: (3,)  and requested shape (1,2)');
    expect(() => np.pad(a, 1, { mode: 'foo' as 'constant' })).toThrow(new np.ValueError("mode 'foo' is not supported"));
    expect(() => np.pad(a, 1, { mode: 'edge' as 'constant' })).toThrow("mode 'edge' is not implemented in numbat (only 'constant' and 'empty')");
    expect(() => np.pad(np.zeros(2, 'int8'), 1, { constantValues: 300 })).toThrow(new np.OverflowError('Python integer 300 out of bounds for int8'));
    expect(() => np.pad(np.zeros(2, 'int8'), 0, { constantValues: [168, 117] })).toThrow('Python integer 168 out of bounds for int8');
  });
});

describe('atleast1d, atleast2d', () => {
  it('view 0-d and 1-d inputs with leading length-1 axes', () => {
    const s = np.array(5);
    const a1 = np.atleast1d(s);
    expect(a1.base).toBe(s);
    expect([info(a1), a1.data === s.data]).toEqual([['int32', [1], [5]], true]);
    const v = np.arange(3);
    expect(np.atleast1d(v)).toBe(v);
    const a2 = np.atleast2d(v);
    expect(a2.base).toBe(v);
    expect(info(a2)).toEqual(['int32', [1, 3], [[0, 1, 2]]]);
    expect(np.atleast2d(5).shape).toEqual([1, 1]);
    expect(np.atleast1d(1, [2, 3]).map((x) => x.shape)).toEqual([[1], [2]]);
    expect(np.atleast2d(1, [2, 3]).map((x) => x.shape)).toEqual([[1, 1], [1, 2]]);
    expect(np.atleast1d()).toEqual([]);
  });
});

/**
 * Examples and errors of the public dtype functions: resultType, promoteTypes, canCast,
 * astype, isdtype. Expected values are NumPy 2.4's (int64 from a weak int beside bools is
 * numbat's default int, int32), except the casts C leaves undefined, which are pinned to
 * the closed forms numbat documents.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { toPlain } from '../../../test/reference/plain.js';
import { expectThrows } from '../../../test/helpers.js';

const f64 = (x: number[]): np.NDArray => np.array(new Float64Array(x));

function values(a: np.NDArray): (number | bigint)[] {
  return toPlain(a).values;
}

describe('resultType', () => {
  it('is n-ary, not a chain of pairs', () => {
    expect(np.resultType('int8', 'uint16', 'float32')).toBe('float32');
    expect(np.promoteTypes(np.promoteTypes('int8', 'uint16'), 'float32')).toBe('float64');
  });

  it('follows NumPy 2 for mixed kinds and signs', () => {
    expect(np.resultType('uint32', 'int32')).toBe('int64');
    expect(np.resultType('int64', 'uint64')).toBe('float64');
    expect(np.resultType('f4', 'i2')).toBe('float32');
  });

  it('treats JS numbers and booleans as weak scalars, by kind not value', () => {
    expect(np.resultType('uint8', 300)).toBe('uint8');
    expect(np.resultType('int32', 2.5)).toBe('float64');
    expect(np.resultType('float32', 2)).toBe('float32');
    expect(np.resultType('bool', 1)).toBe('int32'); // NumPy: int64, its default int
    expect(np.resultType('bool', 1.5)).toBe('float64');
    expect(np.resultType('bool', true)).toBe('bool');
    expect(np.resultType(np.array(new Float32Array([1])), 1e10)).toBe('float32');
    expect(np.resultType(2.5)).toBe('float64');
    expect(np.resultType(true)).toBe('bool');
    expect(np.resultType(7)).toBe('int32');
  });

  it('arrays (0-d included) and TypedArrays are strong', () => {
    const a16 = new np.NDArray(new Int16Array([1]), [], [], 0, 'int16');
    expect(np.resultType(a16, 'int8')).toBe('int16');
    expect(np.resultType(new Uint8Array(1), 'int8')).toBe('int16');
  });

  it('errors', () => {
    expectThrows(() => np.resultType(), np.ValueError, 'at least one array or dtype is required');
    expectThrows(() => np.resultType('foo'), np.DTypeError, "data type 'foo' not understood");
  });
});

describe('promoteTypes', () => {
  it('promotes two dtype names (aliases allowed)', () => {
    expect(np.promoteTypes('f4', 'uint8')).toBe('float32');
    expect(np.promoteTypes('int32', 'float32')).toBe('float64');
    expect(np.promoteTypes('bool', 'bool')).toBe('bool');
  });

  it('rejects arrays and unknown names', () => {
    expectThrows(() => np.promoteTypes(np.array([1]) as unknown as np.DType, 'f4'), np.DTypeError, 'Cannot construct a dtype from an array');
    expectThrows(() => np.promoteTypes('int8', 'foo'), np.DTypeError, "data type 'foo' not understood");
  });
});

describe('canCast', () => {
  it('safe (default), same_kind, no, equiv, unsafe', () => {
    expect(np.canCast('int16', 'float32')).toBe(true);
    expect(np.canCast('int32', 'float32')).toBe(false);
    expect(np.canCast('int64', 'float64')).toBe(true);
    expect(np.canCast('bool', 'uint8')).toBe(true);
    expect(np.canCast('float64', 'float32', 'same_kind')).toBe(true);
    expect(np.canCast('float64', 'int8', 'same_kind')).toBe(false);
    expect(np.canCast('int64', 'uint8', 'same_kind')).toBe(false);
    expect(np.canCast('uint8', 'int8', 'same_kind')).toBe(true);
    expect(np.canCast('int8', 'int8', 'no')).toBe(true);
    expect(np.canCast('int8', 'int16', 'equiv')).toBe(false);
    expect(np.canCast('float64', 'bool', 'unsafe')).toBe(true);
  });

  it('an array counts as its dtype', () => {
    expect(np.canCast(np.array([1]), 'uint8')).toBe(false);
  });

  it('errors: JS scalars (NEP 50), bad casting rule, array as target', () => {
    expectThrows(
      () => np.canCast(3 as unknown as np.DType, 'int8'),
      np.DTypeError,
      'can_cast() does not support Python ints, floats, and complex because the result used to depend on the value.\nThis change was part of adopting NEP 50, we may explicitly allow them again in the future.',
    );
    expectThrows(() => np.canCast('int8', 'int16', 'foo' as np.Casting), np.ValueError, "casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got 'foo')");
    expectThrows(() => np.canCast('int8', np.array([1.5]) as unknown as np.DType), np.DTypeError, 'Cannot construct a dtype from an array');
  });
});

describe('astype', () => {
  it('casts as NumPy: truncation, wrapping, nonzero to bool, rounding to float32', () => {
    const r = np.astype(f64([1.7, -1.7, 2.5, -0]), 'int32');
    expect(r.dtype).toBe('int32');
    expect(values(r)).toEqual([1, -1, 2, 0]);
    expect(values(np.astype(np.array([300, -1, 256]), 'uint8'))).toEqual([44, 255, 0]);
    expect(values(np.astype(f64([0, 0.5, NaN, -0, Infinity]), 'bool'))).toEqual([0, 1, 1, 0, 1]);
    expect(values(np.astype(np.array([true, false]), 'float32'))).toEqual([1, 0]);
    expect(values(np.astype(np.array(new BigInt64Array([2n ** 31n, 2n ** 32n + 7n, -1n])), 'int32'))).toEqual([-2147483648, 7, -1]);
    expect(values(np.astype(np.array(new BigUint64Array([2n ** 64n - 1n])), 'float64'))).toEqual([18446744073709551616]);
    expect(values(np.astype(f64([1e39, -1e39, 3.4028235677973366e38, 1e-46]), 'float32'))).toEqual([Infinity, -Infinity, Infinity, 0]);
    expect(values(np.astype(np.array([16777217]), 'float32'))).toEqual([16777216]);
    expect(values(np.astype(np.array([-1, 200], { dtype: 'int16' }), 'uint64'))).toEqual([2n ** 64n - 1n, 200n]);
  });

  it('undefined float -> int casts give NumPy x86-64 values (C leaves them undefined)', () => {
    // up to 32 bits except uint32: values outside int32 (and NaN, infinities) become
    // int32's minimum, then wrap to the width; inside int32 they truncate and wrap
    const raw = [NaN, Infinity, -Infinity, 2 ** 32 + 5, 2 ** 31, -1.5, 1e20, 300.7, -(2 ** 31)];
    const src = f64(raw);
    const x86 = (x: number, bits: number, signed: boolean): number => {
      const t = Number.isFinite(x) && Math.trunc(x) >= -(2 ** 31) && Math.trunc(x) < 2 ** 31 ? Math.trunc(x) : -(2 ** 31);
      const m = 2 ** bits;
      let r = t % m;
      if (r < 0) r += m;
      if (signed && r >= m / 2) r -= m;
      return r === 0 ? 0 : r;
    };
    expect(values(np.astype(src, 'int32'))).toEqual(raw.map((x) => x86(x, 32, true)));
    expect(values(np.astype(src, 'uint8'))).toEqual(raw.map((x) => x86(x, 8, false)));
    expect(values(np.astype(src, 'int16'))).toEqual(raw.map((x) => x86(x, 16, true)));
    // uint32 (NumPy's own answer depends on its SIMD path): 0 at/above 2**32, 2**31 below -2**31 and for NaN
    expect(values(np.astype(f64([NaN, Infinity, -Infinity, 2 ** 32 + 5, -(2 ** 31) - 1, -1.5, 3e9]), 'uint32'))).toEqual([
      2 ** 31, 0, 2 ** 31, 0, 2 ** 31, 2 ** 32 - 1, 3e9,
    ]);
    // int64 / uint64: NumPy's x86 values (the int64 minimum; for uint64 0 above the range, 2**63 for NaN and below)
    expect(values(np.astype(f64([NaN, Infinity, -Infinity, 1e19]), 'int64'))).toEqual([-(2n ** 63n), -(2n ** 63n), -(2n ** 63n), -(2n ** 63n)]);
    expect(values(np.astype(f64([NaN, Infinity, -Infinity, 1e20, -1.5]), 'uint64'))).toEqual([2n ** 63n, 0n, 2n ** 63n, 0n, 2n ** 64n - 1n]);
  });

  it('copies by default; copy: false returns the array itself when nothing changes', () => {
    const a = f64([1, 2]);
    const c = np.astype(a, 'float64');
    // identity checked with ===: vitest's toBe would deep-compare NDArrays by iterating them
    expect(c === a).toBe(false);
    expect(c.data === a.data).toBe(false);
    expect(np.astype(a, 'float64', { copy: false }) === a).toBe(true);
    expect(np.astype(a, 'float32', { copy: false }) === a).toBe(false);
  });

  it('keeps a Fortran layout (order K) unless told otherwise', () => {
    const f = new np.NDArray(new Float64Array([1, 4, 2, 5, 3, 6]), [2, 3], [1, 2], 0, 'float64');
    const r = np.astype(f, 'int8');
    expect(r.flags.fContiguous).toBe(true);
    expect(values(r)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(np.astype(f, 'int8', { order: 'C' }).flags.cContiguous).toBe(true);
    expect(np.astype(f, 'float64', { copy: false, order: 'C' }) === f).toBe(false);
  });

  it('casting option: refuses what canCast refuses, with NumPy message', () => {
    expectThrows(() => np.astype(f64([1.5]), 'int32', { casting: 'safe' }), np.DTypeError, "Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'safe'");
    expectThrows(() => np.astype(np.array([1]), 'int64', { casting: 'no' }), np.DTypeError, "Cannot cast array data from dtype('int32') to dtype('int64') according to the rule 'no'");
    expect(np.astype(np.array([1]), 'int8', { casting: 'same_kind' }).dtype).toBe('int8');
    expect(np.astype(np.array([1]), 'float32', { casting: 'same_kind' }).dtype).toBe('float32');
  });

  it('errors on unknown dtypes and leaves the input unchanged', () => {
    const a = f64([1.5]);
    expectThrows(() => np.astype(a, 'foo'), np.DTypeError, "data type 'foo' not understood");
    np.astype(a, 'int8');
    expect(values(a)).toEqual([1.5]);
  });
});

describe('isdtype', () => {
  it('kind names, dtypes and lists', () => {
    expect(np.isdtype('int8', 'integral')).toBe(true);
    expect(np.isdtype('int8', ['bool', 'real floating'])).toBe(false);
    expect(np.isdtype('int8', 'int8')).toBe(true);
    expect(np.isdtype('uint16', 'signed integer')).toBe(false);
    expect(np.isdtype('uint16', 'unsigned integer')).toBe(true);
    expect(np.isdtype('bool', 'numeric')).toBe(false);
    expect(np.isdtype('float32', 'numeric')).toBe(true);
    expect(np.isdtype('float64', 'complex floating')).toBe(false);
  });

  it('unknown kind names throw as NumPy', () => {
    expectThrows(() => np.isdtype('int8', 'foo'), np.ValueError, "kind argument is a string, but 'foo' is not a known kind name.");
  });
});

/**
 * Printing examples and edge cases: str / repr of every dtype, empty and 0-d arrays,
 * special floats, notation switches, summarisation, wrapping, print options and the error
 * messages. Every expected string was printed by NumPy 2.4 (int arrays as int32, the
 * dtype numbat defaults to); the generated comparisons live in test/properties/print.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { dragon4 } from '../src/print/dragon4.js';

const defaults = np.getPrintoptions();
afterEach(() => np.setPrintoptions(defaults));

const f64 = (...xs: number[]): np.NDArray => np.asarray(new Float64Array(xs));
const f32 = (...xs: number[]): np.NDArray => np.asarray(new Float32Array(xs));
const i32 = (...xs: number[]): np.NDArray => np.asarray(new Int32Array(xs));
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const scalar = (dtype: np.DType, x: number | bigint): np.NDArray => {
  const data = new np.DTYPES[dtype].ctor(1) as unknown as { [i: number]: number | bigint };
  data[0] = x;
  return new np.NDArray(data as unknown as np.TypedArray, [], [], 0, dtype);
};

/** NumPy's [str(a), repr(a)] for each case below (printed by NumPy 2.4.6 on Linux). */
const NUMPY: Record<string, [string, string]> = {
  "int32": ["[1 2 3]", "array([1, 2, 3], dtype=int32)"],
  "float": ["[1.5 2.  3. ]", "array([1.5, 2. , 3. ])"],
  "empty_f64": ["[]", "array([], dtype=float64)"],
  "empty_i32": ["[]", "array([], dtype=int32)"],
  "empty_0_3": ["[]", "array([], shape=(0, 3), dtype=float64)"],
  "empty_2_0_3": ["[]", "array([], shape=(2, 0, 3), dtype=uint8)"],
  "bool": ["[ True False]", "array([ True, False])"],
  "int64": ["[-9223372036854775808  9223372036854775807]", "array([-9223372036854775808,  9223372036854775807])"],
  "uint64": ["[                   0 18446744073709551615]", "array([                   0, 18446744073709551615], dtype=uint64)"],
  "f32_ratio": ["[   3.4280803 3428.0803   ]", "array([   3.4280803, 3428.0803   ], dtype=float32)"],
  "f64_ratio": ["[3.42808032e+00 3.42808032e+03]", "array([3.42808032e+00, 3.42808032e+03])"],
  "f32_1e-4": ["[0.0001]", "array([0.0001], dtype=float32)"],
  "specials": ["[ nan -inf  1.5 -0. ]", "array([ nan, -inf,  1.5, -0. ])"],
  "nan_inf": ["[nan inf]", "array([nan, inf])"],
  "nan_neginf": ["[ nan -inf]", "array([ nan, -inf])"],
  "exp3": ["[1.e-300 1.e+300]", "array([1.e-300, 1.e+300])"],
  "subnormal": ["[5.e-324 1.e+000]", "array([5.e-324, 1.e+000])"],
  "f32max": ["[ 3.4028235e+38 -1.0000000e+00]", "array([ 3.4028235e+38, -1.0000000e+00], dtype=float32)"],
  "f32_1e6": ["[1.0e+06 2.5e+00]", "array([1.0e+06, 2.5e+00], dtype=float32)"],
  "f64_1e8": ["[1.0e+08 2.5e+00]", "array([1.0e+08, 2.5e+00])"],
  "f64_below_1e8": ["[9.9999999e+07 2.5000000e+00]", "array([9.9999999e+07, 2.5000000e+00])"],
  "ties": ["[0.00195312 1.        ]", "array([0.00195312, 1.        ])"],
  "i4d": ["[[[[ 0  1]\n   [ 2  3]]\n\n  [[ 4  5]\n   [ 6  7]]]\n\n\n [[[ 8  9]\n   [10 11]]\n\n  [[12 13]\n   [14 15]]]]", "array([[[[ 0,  1],\n         [ 2,  3]],\n\n        [[ 4,  5],\n         [ 6,  7]]],\n\n\n       [[[ 8,  9],\n         [10, 11]],\n\n        [[12, 13],\n         [14, 15]]]], dtype=int32)"],
  "wrap_extras": ["[    0  1000  2000  3000  4000  5000  6000  7000  8000  9000 10000 11000\n 12000 13000 14000 15000]", "array([    0,  1000,  2000,  3000,  4000,  5000,  6000,  7000,  8000,\n        9000, 10000, 11000, 12000, 13000, 14000, 15000], dtype=int16)"],
  "long_f": ["[0.         0.14285714 0.28571429 0.42857143 0.57142857 0.71428571\n 0.85714286 1.         1.14285714 1.28571429 1.42857143 1.57142857\n 1.71428571 1.85714286 2.         2.14285714 2.28571429 2.42857143\n 2.57142857 2.71428571 2.85714286 3.         3.14285714 3.28571429\n 3.42857143 3.57142857 3.71428571 3.85714286 4.         4.14285714]", "array([0.        , 0.14285714, 0.28571429, 0.42857143, 0.57142857,\n       0.71428571, 0.85714286, 1.        , 1.14285714, 1.28571429,\n       1.42857143, 1.57142857, 1.71428571, 1.85714286, 2.        ,\n       2.14285714, 2.28571429, 2.42857143, 2.57142857, 2.71428571,\n       2.85714286, 3.        , 3.14285714, 3.28571429, 3.42857143,\n       3.57142857, 3.71428571, 3.85714286, 4.        , 4.14285714])"],
  "u8": ["[251 252]", "array([251, 252], dtype=uint8)"],
  "z_i32": ["5", "array(5, dtype=int32)"],
  "z_f64": ["5.0", "array(5.)"],
  "z_f32": ["0.1", "array(0.1, dtype=float32)"],
  "z_bool": ["True", "array(True)"],
  "z_u64": ["18446744073709551615", "array(18446744073709551615, dtype=uint64)"],
  "z_nan": ["nan", "array(nan)"],
  "z_negzero": ["-0.0", "array(-0.)"],
  "z_1e16": ["1e+16", "array(1.e+16)"],
  "z_1e-5": ["1e-05", "array(1.e-05)"],
  "z_f32_1e6": ["1e+06", "array(1.e+06, dtype=float32)"],
  "z_f32_big": ["1.2345679e+08", "array(1.2345679e+08, dtype=float32)"],
  "suppress_pos": ["[0. 1.]", "array([0., 1.])"],
  "suppress_neg": ["[-0.  1.]", "array([-0.,  1.])"],
  "prec2": ["[0.12 0.38 0.14 1.  ]", "array([0.12, 0.38, 0.14, 1.  ])"],
  "prec0": ["[0. 2. 2. 3.]", "array([0., 2., 2., 3.])"],
  "narrow": ["[0 1 2 3 4 5 6 7 8\n 9]", "array([0, 1, 2, 3,\n       4, 5, 6, 7,\n       8, 9],\n      dtype=int32)"],
  "edge0": ["[... 9.]", "array([..., 9.], shape=(10,))"],
  "edge0_2d": ["[...\n [... 23]]", "array([...,\n       [..., 23]], shape=(4, 6), dtype=int32)"],
  "thresh5": ["[0 1 2 3 4 5]", "array([0, 1, 2, 3, 4, 5], shape=(6,), dtype=int32)"],
  "edge1": ["[[[ 0. ...  2.]\n  ...\n  [ 6. ...  8.]]\n\n ...\n\n [[18. ... 20.]\n  ...\n  [24. ... 26.]]]", "array([[[ 0., ...,  2.],\n        ...,\n        [ 6., ...,  8.]],\n\n       ...,\n\n       [[18., ..., 20.],\n        ...,\n        [24., ..., 26.]]], shape=(3, 3, 3))"],
  "sign_plus": ["[+1.5 -2.  +0. ]", "array([+1.5, -2. , +0. ])"],
  "sign_plus_int": ["[ +1  -2 +30]", "array([ +1,  -2, +30], dtype=int32)"],
  "sign_space": ["[ 1.5  2. ]", "array([ 1.5,  2. ])"],
  "sign_space_int": ["[  1  20]", "array([  1,  20], dtype=int32)"],
  "fixed": ["[1.000 0.500 0.333]", "array([1.000, 0.500, 0.333])"],
  "unique": ["[1.                 0.1                0.3333333333333333]", "array([1.                , 0.1               , 0.3333333333333333])"],
  "maxprec_equal": ["[1.00 0.25 0.50]", "array([1.00, 0.25, 0.50])"],
  "nanstr": ["[ NaN -Inf   1.]", "array([ NaN, -Inf,   1.])"],
  "dtype_newline": ["[   0. 1001. 2002. 3003. 4004. 5005. 6006. 7007.]", "array([   0., 1001., 2002., 3003., 4004., 5005., 6006., 7007.],\n      dtype=float32)"],};

type Case = { make: () => np.NDArray; options?: Partial<np.PrintOptions> };

const CASES: Record<string, Case> = {
  int32: { make: () => i32(1, 2, 3) },
  float: { make: () => f64(1.5, 2, 3) },
  empty_f64: { make: () => f64() },
  empty_i32: { make: () => i32() },
  empty_0_3: { make: () => np.reshape(f64(), [0, 3]) },
  empty_2_0_3: { make: () => np.reshape(np.asarray(new Uint8Array(0)), [2, 0, 3]) },
  bool: { make: () => new np.NDArray(new Uint8Array([1, 0]), [2], [1], 0, 'bool') },
  int64: { make: () => np.asarray(new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n])) },
  uint64: { make: () => np.asarray(new BigUint64Array([0n, 2n ** 64n - 1n])) },
  f32_ratio: { make: () => f32(3.4280803203582764, 3428.080322265625) },
  f64_ratio: { make: () => f64(3.4280803203582764, 3428.080322265625) },
  'f32_1e-4': { make: () => f32(1e-4) },
  specials: { make: () => f64(NaN, -Infinity, 1.5, -0) },
  nan_inf: { make: () => f64(NaN, Infinity) },
  nan_neginf: { make: () => f64(NaN, -Infinity) },
  exp3: { make: () => f64(1e-300, 1e300) },
  subnormal: { make: () => f64(5e-324, 1) },
  f32max: { make: () => f32(3.4028234663852886e38, -1) },
  f32_1e6: { make: () => f32(1e6, 2.5) },
  f64_1e8: { make: () => f64(1e8, 2.5) },
  f64_below_1e8: { make: () => f64(99999999, 2.5) },
  ties: { make: () => f64(0.001953125, 1) },
  i4d: { make: () => np.reshape(i32(...range(16)), [2, 2, 2, 2]) },
  wrap_extras: { make: () => np.asarray(new Int16Array(range(16).map((x) => x * 1000))) },
  long_f: { make: () => f64(...range(30).map((x) => x / 7)) },
  u8: { make: () => np.asarray(new Uint8Array([251, 252])) },
  z_i32: { make: () => scalar('int32', 5) },
  z_f64: { make: () => scalar('float64', 5) },
  z_f32: { make: () => scalar('float32', Math.fround(0.1)) },
  z_bool: { make: () => scalar('bool', 1) },
  z_u64: { make: () => scalar('uint64', 2n ** 64n - 1n) },
  z_nan: { make: () => scalar('float64', NaN) },
  z_negzero: { make: () => scalar('float64', -0) },
  z_1e16: { make: () => scalar('float64', 1e16) },
  'z_1e-5': { make: () => scalar('float64', 1e-5) },
  z_f32_1e6: { make: () => scalar('float32', 1e6) },
  z_f32_big: { make: () => scalar('float32', Math.fround(123456789)) },
  suppress_pos: { make: () => f64(1e-10, 1), options: { suppress: true } },
  suppress_neg: { make: () => f64(-1e-10, 1), options: { suppress: true } },
  prec2: { make: () => f64(0.125, 0.375, 0.145, 1), options: { precision: 2 } },
  prec0: { make: () => f64(0.5, 1.5, 2.5, 3), options: { precision: 0 } },
  narrow: { make: () => i32(...range(10)), options: { linewidth: 20 } },
  edge0: { make: () => f64(...range(10)), options: { edgeitems: 0, threshold: 3 } },
  edge0_2d: { make: () => np.reshape(i32(...range(24)), [4, 6]), options: { edgeitems: 0, threshold: 3 } },
  thresh5: { make: () => i32(...range(6)), options: { threshold: 5 } },
  edge1: { make: () => np.reshape(f64(...range(27)), [3, 3, 3]), options: { threshold: 5, edgeitems: 1 } },
  sign_plus: { make: () => f64(1.5, -2, 0), options: { sign: '+' } },
  sign_plus_int: { make: () => i32(1, -2, 30), options: { sign: '+' } },
  sign_space: { make: () => f64(1.5, 2), options: { sign: ' ' } },
  sign_space_int: { make: () => i32(1, 20), options: { sign: ' ' } },
  fixed: { make: () => f64(1, 0.5, 1 / 3), options: { floatmode: 'fixed', precision: 3 } },
  unique: { make: () => f64(1, 0.1, 1 / 3), options: { floatmode: 'unique' } },
  maxprec_equal: { make: () => f64(1, 0.25, 0.5), options: { floatmode: 'maxprec_equal' } },
  nanstr: { make: () => f64(NaN, -Infinity, 1), options: { nanstr: 'NaN', infstr: 'Inf' } },
  dtype_newline: { make: () => f32(...range(8).map((x) => x * 1001)) },
};

describe('str and repr match NumPy', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, () => {
      const [str, repr] = NUMPY[name]!;
      if (c.options) np.setPrintoptions(c.options);
      const a = c.make();
      expect(np.arrayStr(a)).toBe(str);
      expect(np.arrayRepr(a)).toBe(repr);
    });
  }

  it('every case has a NumPy answer', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(NUMPY).sort());
  });

  it('a non-contiguous view prints its own elements (a[:, 1::2] of arange(12).reshape(3, 4))', () => {
    const a = new np.NDArray(new Int32Array(range(12)), [3, 2], [4, 2], 1, 'int32');
    expect(np.arrayStr(a)).toBe('[[ 1  3]\n [ 5  7]\n [ 9 11]]');
    expect(np.arrayRepr(a)).toBe('array([[ 1,  3],\n       [ 5,  7],\n       [ 9, 11]], dtype=int32)');
  });

  it('printing leaves the array and the options untouched', () => {
    const a = f64(...range(2000).map((x) => x / 3));
    const before = Array.from(a.data as Float64Array);
    np.arrayRepr(a);
    np.arrayStr(a);
    expect(Array.from(a.data as Float64Array)).toEqual(before);
    expect(np.getPrintoptions()).toEqual(defaults);
  });
});

describe('print options', () => {
  it('defaults are NumPy defaults', () => {
    expect(np.getPrintoptions()).toEqual({
      precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false,
      nanstr: 'nan', infstr: 'inf', sign: '-', floatmode: 'maxprec',
    });
  });

  it('setPrintoptions merges, getPrintoptions returns a copy', () => {
    np.setPrintoptions({ precision: 3 });
    np.setPrintoptions({ linewidth: 100 });
    const o = np.getPrintoptions();
    expect(o.precision).toBe(3);
    expect(o.linewidth).toBe(100);
    o.precision = 1;
    expect(np.getPrintoptions().precision).toBe(3);
    // NumPy: with np.printoptions(precision=3): str(np.array([np.pi]))
    expect(np.arrayStr(f64(Math.PI))).toBe('[3.142]');
  });

  it('printoptions scopes options and restores them, also after a throw', () => {
    expect(np.printoptions({ precision: 2 }, () => np.arrayRepr(f64(2 / 3)))).toBe('array([0.67])');
    expect(np.getPrintoptions()).toEqual(defaults);
    expect(() => np.printoptions({ precision: 2 }, () => { throw new Error('boom'); })).toThrow('boom');
    expect(np.getPrintoptions()).toEqual(defaults);
  });

  it('threshold Infinity prints everything (NumPy: threshold=sys.maxsize)', () => {
    np.setPrintoptions({ threshold: Infinity });
    const s = np.arrayStr(i32(...range(1001)));
    expect(s.includes('...')).toBe(false);
    expect(s.endsWith(' 999 1000]')).toBe(true);
  });

  it('array2string, arrayStr and arrayRepr take per-call overrides', () => {
    // NumPy: np.array2string(np.array([1.5, 2, 3]), separator=', ')
    expect(np.array2string(f64(1.5, 2, 3), { separator: ', ' })).toBe('[1.5, 2. , 3. ]');
    // NumPy: np.array_repr(np.array([np.pi, 1]), precision=3)
    expect(np.arrayRepr(f64(Math.PI, 1), { precision: 3 })).toBe('array([3.142, 1.   ])');
    // NumPy: np.array_str(np.arange(10, dtype=np.int32), max_line_width=10)
    expect(np.arrayStr(i32(...range(10)), { maxLineWidth: 10 })).toBe('[0 1 2 3\n 4 5 6 7\n 8 9]');
    // NumPy: np.array_str(np.array([1e-10, 1.]), suppress_small=True)
    expect(np.arrayStr(f64(1e-10, 1), { suppressSmall: true })).toBe('[0. 1.]');
    expect(np.getPrintoptions()).toEqual(defaults);
  });

  it('invalid options throw NumPy messages', () => {
    expect(() => np.setPrintoptions({ precision: 1.5 })).toThrow(new TypeError('precision must be an integer'));
    expect(() => np.setPrintoptions({ precision: -1 })).toThrow(new np.ValueError('precision must be >= 0'));
    expect(() => np.setPrintoptions({ threshold: NaN })).toThrow(
      new np.ValueError('threshold must be non-NAN, try sys.maxsize for untruncated representation'),
    );
    expect(() => np.setPrintoptions({ threshold: '5' as unknown as number })).toThrow(new TypeError('threshold must be numeric'));
    expect(() => np.setPrintoptions({ sign: 'x' as '-' })).toThrow(new np.ValueError("sign option must be one of ' ', '+', or '-'"));
    expect(() => np.setPrintoptions({ floatmode: 'x' as 'fixed' })).toThrow(
      new np.ValueError('floatmode option must be one of "fixed", "unique", "maxprec", "maxprec_equal"'),
    );
    expect(np.getPrintoptions()).toEqual(defaults);
  });
});

describe('formatFloatPositional and formatFloatScientific', () => {
  it('NumPy docstring examples', () => {
    expect(np.formatFloatPositional(Math.PI, { precision: 4 })).toBe('3.1416');
    expect(np.formatFloatPositional(0.3)).toBe('0.3');
    expect(np.formatFloatPositional(0.1, { dtype: 'float32', unique: false, precision: 10 })).toBe('0.1000000015');
    expect(np.formatFloatScientific(Math.PI, { precision: 4 })).toBe('3.1416e+00');
    expect(np.formatFloatScientific(1.23e24, { expDigits: 4 })).toBe('1.23e+0024');
    expect(np.formatFloatScientific(1.23e24, { expDigits: 7 })).toBe('1.23e+00024');
  });

  it('rounds half to even on the exact binary value', () => {
    // NumPy: format_float_positional(x, precision=2) for 1.203, 1.0001, 0.0999, 1.2951
    expect([1.203, 1.0001, 0.0999, 1.2951].map((x) => np.formatFloatPositional(x, { precision: 2 }))).toEqual(['1.20', '1.00', '0.1', '1.3']);
    expect(np.formatFloatScientific(1.0001, { precision: 2 })).toBe('1.00e+00');
  });

  it('errors carry NumPy messages', () => {
    expect(() => np.formatFloatPositional(1.5, { trim: 'x' as 'k' })).toThrow(new TypeError("if supplied, trim must be 'k', '.', '0' or '-' found `x`"));
    expect(() => np.formatFloatPositional(1.5, { precision: 2.5 })).toThrow(new TypeError('integer argument expected, got float'));
    expect(() => np.formatFloatPositional(1.5, { unique: false })).toThrow(new TypeError('in non-unique mode `precision` must be supplied'));
    expect(() => np.formatFloatScientific(1.5, { unique: false })).toThrow(new TypeError('in non-unique mode `precision` must be supplied'));
    expect(() => np.formatFloatPositional(1.5, { precision: -1 })).toThrow(new np.ValueError('precision must be >= 0'));
    expect(() => np.formatFloatPositional(1.5, { precision: 2, minDigits: 3 })).toThrow(new np.ValueError('min_digits must be less than or equal to precision'));
    expect(() => np.formatFloatPositional(1.5, { precision: 0, fractional: false })).toThrow(new np.ValueError('precision must be greater than 0 if fractional=False'));
  });
});

describe('Dragon4: the float64 fast path gives the BigInt digits', () => {
  it('random doubles, powers of ten, their neighbours and halfway values, with and without cutoffs', () => {
    const values: number[] = [];
    let seed = 12345;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const bits = new Float64Array(1);
    const words = new Uint32Array(bits.buffer);
    for (let i = 0; i < 1000; i++) {
      words[0] = Math.floor(rand() * 2 ** 32);
      words[1] = Math.floor(rand() * 0x7ff00000);
      values.push(bits[0]!);
    }
    for (let e = -320; e <= 308; e++) {
      const p = Number(`1e${e}`);
      values.push(p, p * (1 + Number.EPSILON), p * (1 - Number.EPSILON / 2), 9.5 * p, 0.95 * p);
    }
    values.push(1e23, 9007199254740993, 5e-324, Number.MAX_VALUE, 2 ** -1022, 0.1 + 0.2);
    // exact ties at the cutoff digit: k / 2^j
    for (let j = 1; j <= 12; j++) for (let k = 1; k < 40; k += 2) values.push(k / 2 ** j, 1000 + k / 2 ** j);
    const failures: string[] = [];
    for (const x of values.filter(Number.isFinite)) {
      for (const o of [
        { unique: true, cutoffMode: 'total' as const, cutoffMax: -1, cutoffMin: -1 },
        { unique: true, cutoffMode: 'fraction' as const, cutoffMax: 8, cutoffMin: 0 },
        { unique: true, cutoffMode: 'total' as const, cutoffMax: 9, cutoffMin: 9 },
        { unique: true, cutoffMode: 'fraction' as const, cutoffMax: 0, cutoffMin: -1 },
        { unique: true, cutoffMode: 'fraction' as const, cutoffMax: 20, cutoffMin: 20 },
        { unique: true, cutoffMode: 'fraction' as const, cutoffMax: 330, cutoffMin: -1 },
        { unique: true, cutoffMode: 'total' as const, cutoffMax: 1, cutoffMin: -1 },
        { unique: true, cutoffMode: 'total' as const, cutoffMax: 16, cutoffMin: -1 },
      ]) {
        const fast = dragon4(x, 'float64', o);
        const slow = dragon4(x, 'float64', o, false);
        if (fast.digits !== slow.digits || fast.exponent !== slow.exponent) {
          failures.push(`${x} ${JSON.stringify(o)}: fast ${JSON.stringify(fast)}, exact ${JSON.stringify(slow)}`);
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});

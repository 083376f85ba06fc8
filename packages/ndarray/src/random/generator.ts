/**
 * NumPy's `np.random.Generator` over a bit generator (PCG64 by default, seeded through
 * `SeedSequence`), drawing the same numbers as NumPy for the same seed and the same
 * sequence of calls, including the 32-bit draws buffered across calls.
 *
 * numbat's conventions: a draw without `size` returns a JS number (a bigint for 64-bit
 * integer dtypes, a boolean for `bool`), with a `size` an `NDArray`; integer results are
 * int32 by default (NumPy: int64), with the bits NumPy's `dtype=np.int32` path consumes.
 */
import { NDArray } from '../ndarray.js';
import { OverflowError, ValueError, weakOverflowError } from '../errors.js';
import { normalizeAxis, sizeOf } from '../shape/shape.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { copyOf } from '../ops/assign.js';
import { get, type IndexItem } from '../ops/indexing.js';
import { subtract } from '../ufunc/arithmetic.js';
import { BitGenerator } from './bit-generator.js';
import { PCG64 } from './pcg64.js';
import { SeedSequence, type SeedLike } from './seed-sequence.js';
import {
  binomial as binomialDraw,
  nextFloat,
  standardExponential,
  standardExponentialF,
  standardNormal,
  standardNormalF,
} from './distributions.js';
import {
  checkArray,
  checkScalar,
  cont,
  drawShape,
  fill,
  floatDType,
  floatParam,
  isScalarParam,
  parseSize,
  scalarValue,
  sizeAndOptions,
  wrap,
  broadcastValues,
  type Size,
} from './args.js';
import { intDType, randomIntegers, type IntScalar, type NumberIntDType } from './integers.js';
import {
  arangeInt32,
  checkProbabilities,
  countOf,
  drawIndices,
  GENERATOR_WORDING,
  sampleNoReplace,
  sampleWithP,
  sampleWithPNoReplace,
  scalarOf,
  shuffleInPlace,
  takeAlong,
} from './sampling.js';

/** `{ dtype }` of the float samplers: `'float64'` (default) or `'float32'`. */
export interface FloatDTypeOptions {
  dtype?: 'float64' | 'float32' | string;
}

/** Options of {@link Generator.integers}. */
export interface IntegersOptions {
  /** The integer dtype (default `'int32'`; NumPy's default is int64). */
  dtype?: string;
  /** Include `high` (NumPy's `endpoint`). */
  endpoint?: boolean;
}

/** {@link IntegersOptions} whose `dtype` (if any) gives JS-number scalars: int32 by default. */
export interface NumberIntegersOptions extends IntegersOptions {
  dtype?: NumberIntDType;
}

/** Options of {@link Generator.choice}. */
export interface ChoiceOptions {
  /** Sample with replacement (default `true`). */
  replace?: boolean;
  /** Probabilities of each entry (default uniform). */
  p?: ArrayLike | null;
  /** The axis of `a` to sample along (default 0). */
  axis?: number;
  /** Shuffle a sample drawn without replacement (default `true`). */
  shuffle?: boolean;
}

/** Options of {@link Generator.permutation} and {@link Generator.shuffle}. */
export interface AxisOptions {
  axis?: number;
}

/** A seed `defaultRng` accepts. */
export type GeneratorSeed = SeedLike | SeedSequence | BitGenerator | Generator | null | undefined;

/**
 * NumPy's `Generator`: the sampling methods over a {@link BitGenerator}.
 *
 * @example
 * const rng = np.random.defaultRng(42);
 * rng.random(); // 0.7739560485559633, as np.random.default_rng(42).random()
 * rng.integers(0, 10, 5); // NDArray int32 of 5 draws
 */
export class Generator {
  /** The bit generator the draws come from. */
  readonly bitGenerator: BitGenerator;

  constructor(bitGenerator: BitGenerator) {
    this.bitGenerator = bitGenerator;
  }

  /**
   * Uniform floats in [0, 1) (NumPy's `random`), float64 or float32. Without a `size` a JS
   * number, with one an `NDArray`.
   *
   * @example
   * rng.random(); // number
   * rng.random([2, 3], { dtype: 'float32' }); // NDArray
   */
  random(size?: FloatDTypeOptions | null, opts?: FloatDTypeOptions): number;
  random(size: number | readonly number[], opts?: FloatDTypeOptions): NDArray;
  random(size?: Size | FloatDTypeOptions, opts?: FloatDTypeOptions): number | NDArray;
  random(size?: Size | FloatDTypeOptions, opts?: FloatDTypeOptions): number | NDArray {
    const [n, options] = sizeAndOptions(size, opts);
    size = n;
    const bg = this.bitGenerator;
    return floatDType(options.dtype, 'random') === 'float64'
      ? fill(size, 'float64', () => bg.nextDouble())
      : fill(size, 'float32', () => nextFloat(bg));
  }

  /**
   * Integers in `[low, high)` (`[low, high]` with `endpoint`); `integers(high)` draws from
   * `[0, high)`. Lemire's method on 32-bit draws (8/16-bit dtypes and `bool` share them).
   * With a `size` an `NDArray`; without one a JS scalar: a number (int32 by default), a
   * bigint for int64/uint64, a boolean for `bool` (typed `number` for JS-number bounds and
   * an 8/16/32-bit dtype).
   *
   * @example
   * rng.integers(0, 10); // number
   * rng.integers(0, 10, [2, 3]); // NDArray int32
   */
  integers(low: number, high?: number | null, size?: NumberIntegersOptions | null, opts?: NumberIntegersOptions): number;
  integers(low: ArrayLike, high: ArrayLike | null | undefined, size: number | readonly number[], opts?: IntegersOptions): NDArray;
  integers(low: ArrayLike, high?: ArrayLike | null, size?: Size | IntegersOptions, opts?: IntegersOptions): IntScalar | NDArray;
  integers(low: ArrayLike, high?: ArrayLike | null, size?: Size | IntegersOptions, opts?: IntegersOptions): IntScalar | NDArray {
    const [n, options] = sizeAndOptions(size, opts);
    size = n;
    if (high === undefined || high === null) {
      high = low;
      low = 0;
    }
    const dtype = intDType(options.dtype, 'int32', 'integers');
    return randomIntegers(this.bitGenerator, low, high, size, dtype, options.endpoint ?? false, false);
  }

  /**
   * Standard normal draws by the ziggurat method, float64 or float32. Without a `size` a
   * JS number, with one an `NDArray`.
   *
   * @example
   * rng.standardNormal(); // number
   * rng.standardNormal(3); // NDArray
   */
  standardNormal(size?: FloatDTypeOptions | null, opts?: FloatDTypeOptions): number;
  standardNormal(size: number | readonly number[], opts?: FloatDTypeOptions): NDArray;
  standardNormal(size?: Size | FloatDTypeOptions, opts?: FloatDTypeOptions): number | NDArray;
  standardNormal(size?: Size | FloatDTypeOptions, opts?: FloatDTypeOptions): number | NDArray {
    const [n, options] = sizeAndOptions(size, opts);
    size = n;
    const bg = this.bitGenerator;
    return floatDType(options.dtype, 'standard_normal') === 'float64'
      ? fill(size, 'float64', () => standardNormal(bg))
      : fill(size, 'float32', () => standardNormalF(bg));
  }

  /**
   * Normal draws `loc + scale * z` (parameters broadcast; `scale < 0` throws). A JS number
   * for scalar parameters and no `size`; an `NDArray` with a `size` or array parameters.
   *
   * @example
   * rng.normal(0, 2); // number
   * rng.normal(0, 2, [2, 3]); // NDArray
   */
  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc: ArrayLike | undefined, scale: ArrayLike | undefined, size: number | readonly number[]): NDArray;
  normal(loc?: ArrayLike, scale?: ArrayLike, size?: Size): number | NDArray;
  normal(loc: ArrayLike = 0, scale: ArrayLike = 1, size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    return cont(
      size,
      [
        { value: loc, name: '', cons: 'none' },
        { value: scale, name: 'scale', cons: 'nonNegative' },
      ],
      (m, s) => m + s * standardNormal(bg),
    );
  }

  /**
   * Uniform draws in `[low, high)`: `low + (high - low) * u`. A JS number for scalar
   * parameters and no `size`; an `NDArray` with a `size` or array parameters.
   *
   * @example
   * rng.uniform(-1, 1); // number
   * rng.uniform(-1, 1, 5); // NDArray
   */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: ArrayLike | undefined, high: ArrayLike | undefined, size: number | readonly number[]): NDArray;
  uniform(low?: ArrayLike, high?: ArrayLike, size?: Size): number | NDArray;
  uniform(low: ArrayLike = 0, high: ArrayLike = 1, size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    let range: ArrayLike;
    if (isScalarParam(low) && isScalarParam(high)) {
      range = scalarValue(high) - scalarValue(low);
      if (!Number.isFinite(range)) throw new OverflowError('high - low range exceeds valid bounds');
    } else {
      range = subtract(floatParam(high), floatParam(low));
      if (!(copyOf(range, 'float64').data as Float64Array).every(Number.isFinite)) {
        throw new OverflowError('Range exceeds valid bounds');
      }
    }
    return cont(
      size,
      [
        { value: low, name: '', cons: 'none' },
        { value: range, name: 'high - low', cons: 'nonNegative' },
      ],
      (lo, r) => lo + r * bg.nextDouble(),
    );
  }

  /**
   * Exponential draws `scale * e` by the ziggurat method (`scale < 0` throws). A JS number
   * for a scalar `scale` and no `size`; an `NDArray` with a `size` or an array `scale`.
   *
   * @example
   * rng.exponential(2); // number
   * rng.exponential(2, 4); // NDArray
   */
  exponential(scale?: number, size?: null): number;
  exponential(scale: ArrayLike | undefined, size: number | readonly number[]): NDArray;
  exponential(scale?: ArrayLike, size?: Size): number | NDArray;
  exponential(scale: ArrayLike = 1, size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    return cont(size, [{ value: scale, name: 'scale', cons: 'nonNegative' }], (s) => s * standardExponential(bg));
  }

  /**
   * Standard exponential draws by the ziggurat method, float64 or float32. Without a
   * `size` a JS number, with one an `NDArray`.
   *
   * @example
   * rng.standardExponential(); // number
   * rng.standardExponential(3, { dtype: 'float32' }); // NDArray
   */
  standardExponential(size?: FloatDTypeOptions | null, opts?: FloatDTypeOptions): number;
  standardExponential(size: number | readonly number[], opts?: FloatDTypeOptions): NDArray;
  standardExponential(size?: Size | FloatDTypeOptions, opts?: FloatDTypeOptions): number | NDArray;
  standardExponential(size?: Size | FloatDTypeOptions, opts?: FloatDTypeOptions): number | NDArray {
    const [n, options] = sizeAndOptions(size, opts);
    size = n;
    const bg = this.bitGenerator;
    return floatDType(options.dtype, 'standard_exponential') === 'float64'
      ? fill(size, 'float64', () => standardExponential(bg))
      : fill(size, 'float32', () => standardExponentialF(bg));
  }

  /**
   * Binomial draws (inversion or BTPE as NumPy chooses). Results are int32 (NumPy:
   * int64), so `n` must fit int32; a fractional `n` is truncated, as NumPy does. A JS
   * number for scalar parameters and no `size`; an `NDArray` with a `size` or array parameters.
   *
   * @example
   * rng.binomial(10, 0.5); // number
   * rng.binomial(10, 0.5, 3); // NDArray int32
   */
  binomial(n: number, p: number, size?: null): number;
  binomial(n: ArrayLike, p: ArrayLike, size: number | readonly number[]): NDArray;
  binomial(n: ArrayLike, p: ArrayLike, size?: Size): number | NDArray;
  binomial(n: ArrayLike, p: ArrayLike, size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    const shape = parseSize(size);
    const checkN = (v: number): number => {
      if (v > 2147483647) throw weakOverflowError(v, 'int32');
      return v;
    };
    if (isScalarParam(n) && isScalarParam(p)) {
      const pv = scalarValue(p);
      const nv = Math.trunc(scalarValue(n));
      checkScalar(pv, 'p', 'bounded01');
      checkScalar(nv, 'n', 'nonNegative');
      checkN(nv);
      if (shape === null) return binomialDraw(bg, pv, nv);
      const out = new Int32Array(sizeOf(shape));
      for (let i = 0; i < out.length; i++) out[i] = binomialDraw(bg, pv, nv);
      return wrap(out, shape, 'int32');
    }
    const pArr = floatParam(p);
    const nArr = floatParam(n);
    checkArray(copyOf(pArr, 'float64').data as Float64Array, 'p', 'bounded01');
    const nFlat = (copyOf(nArr, 'float64').data as Float64Array).map(Math.trunc);
    checkArray(nFlat, 'n', 'nonNegative');
    nFlat.forEach(checkN);
    const outShape = drawShape(shape, [pArr.shape, nArr.shape]);
    const pv = broadcastValues(pArr, outShape);
    const nv = broadcastValues(nArr, outShape);
    const out = new Int32Array(sizeOf(outShape));
    for (let i = 0; i < out.length; i++) out[i] = binomialDraw(bg, pv[i]!, Math.trunc(nv[i]!));
    return wrap(out, outShape, 'int32');
  }

  /**
   * Random samples from `a` (an integer `n` means `arange(n)`), with or without
   * replacement, optionally weighted by `p`. Indices are int32; samples of an array keep
   * its dtype. A scalar draw (no `size`) of a 1-d population is a JS scalar (a number for
   * an integer `a`); with a `size` the result is an `NDArray`.
   *
   * @example
   * rng.choice(5); // number
   * rng.choice(5, 3, { replace: false }); // NDArray int32
   */
  choice(a: number, size?: ChoiceOptions | null, opts?: ChoiceOptions): number;
  choice(a: ArrayLike, size: number | readonly number[], opts?: ChoiceOptions): NDArray;
  choice(a: ArrayLike, size?: Size | ChoiceOptions, opts?: ChoiceOptions): number | bigint | boolean | NDArray;
  choice(a: ArrayLike, size?: Size | ChoiceOptions, opts?: ChoiceOptions): number | bigint | boolean | NDArray {
    const [n, options] = sizeAndOptions(size, opts);
    size = n;
    const bg = this.bitGenerator;
    const { replace = true, p = null, axis = 0, shuffle = true } = options;
    const shape = parseSize(size);
    const count = countOf(shape);
    let arr: NDArray | null = null;
    let popSize: number;
    if (typeof a === 'number' || typeof a === 'bigint' || typeof a === 'boolean' || (a instanceof NDArray && a.ndim === 0)) {
      const raw = a instanceof NDArray ? a.item() : a;
      const v = typeof raw === 'boolean' ? Number(raw) : raw;
      if (typeof v !== 'bigint' && !Number.isInteger(v)) {
        throw new ValueError(`a must be a sequence or an integer, not <class '${a instanceof NDArray ? 'numpy.ndarray' : 'float'}'>`);
      }
      popSize = Number(v);
      if (popSize <= 0 && (shape === null || count !== 0)) {
        throw new ValueError('a must be a positive integer unless no samples are taken');
      }
    } else {
      arr = asarray(a);
      popSize = arr.shape[normalizeAxis(axis, arr.ndim)]!;
      if (popSize === 0 && (shape === null || count !== 0)) {
        throw new ValueError('a cannot be empty unless no samples are taken');
      }
    }
    const probs = p === null ? null : checkProbabilities(p, popSize, GENERATOR_WORDING);
    let idx: Int32Array;
    if (replace) {
      idx = probs !== null ? sampleWithP(() => bg.nextDouble(), probs, count) : drawIndices(bg, popSize, count, false);
    } else {
      if (count > popSize) throw new ValueError('Cannot take a larger sample than population when replace is False');
      idx = probs !== null ? sampleWithPNoReplace(() => bg.nextDouble(), probs, count) : sampleNoReplace(bg, popSize, count, shuffle);
    }
    if (arr === null) return shape === null ? idx[0]! : wrap(idx, shape, 'int32');
    const out = takeAlong(arr, idx, shape, normalizeAxis(axis, arr.ndim));
    return shape === null && out.ndim === 0 ? scalarOf(out) : out;
  }

  /**
   * A shuffled copy of `x` along `axis` (an integer `n` gives a shuffled `arange(n)`,
   * int32). Rows of an n-d array are permuted through a shuffled index, as NumPy does.
   */
  permutation(x: ArrayLike, options: AxisOptions = {}): NDArray {
    const bg = this.bitGenerator;
    if (typeof x === 'number' && Number.isInteger(x)) {
      const arr = arangeInt32(x);
      shuffleInPlace(bg, arr, 0);
      return arr;
    }
    const arr = asarray(x);
    const axis = normalizeAxis(options.axis ?? 0, arr.ndim);
    if (arr.ndim === 1) {
      const copy = copyOf(arr);
      shuffleInPlace(bg, copy, 0);
      return copy;
    }
    const idx = arangeInt32(arr.shape[axis]!);
    shuffleInPlace(bg, idx, 0);
    const lead: IndexItem[] = new Array<IndexItem>(axis).fill(':');
    return get(arr, ...lead, idx);
  }

  /** Shuffles an `NDArray` (along `axis`) or a JS array in place. */
  shuffle(x: NDArray | unknown[], options: AxisOptions = {}): void {
    shuffleInPlace(this.bitGenerator, x, options.axis ?? 0);
  }

  /** `n` independent generators from the bit generator's seed sequence (NumPy's `spawn`). */
  spawn(n: number): Generator[] {
    const bg = this.bitGenerator;
    if (!(bg instanceof PCG64)) throw new ValueError('spawn is only implemented for PCG64 generators');
    return bg.seedSeq.spawn(n).map((s) => new Generator(new PCG64(s)));
  }
}

/**
 * NumPy's `np.random.default_rng(seed)`: a {@link Generator} over {@link PCG64} seeded
 * through {@link SeedSequence}. The seed may be a non-negative integer (number or bigint),
 * a list of them, a `SeedSequence`, a bit generator, a `Generator` (returned as is), or
 * nothing for fresh OS entropy (`crypto.getRandomValues`).
 *
 * @example
 * const rng = np.random.defaultRng(12345);
 * rng.standardNormal(3); // the same three numbers as NumPy's default_rng(12345)
 */
export function defaultRng(seed?: GeneratorSeed): Generator {
  if (seed instanceof Generator) return seed;
  if (seed instanceof BitGenerator) return new Generator(seed);
  return new Generator(new PCG64(seed));
}

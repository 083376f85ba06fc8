/**
 * NumPy's legacy `RandomState` (MT19937) and the global functions over one shared
 * instance (`np.random.seed`, `rand`, `randn`, `randint`, ...), drawing the same numbers
 * as NumPy after the same seed: legacy seeding (`init_genrand` for an integer,
 * `init_by_array` for a list), 53-bit doubles from two 32-bit outputs, the polar Gauss
 * method with its cached second value, masked rejection for integers, and the legacy
 * `choice`/`permutation`/`shuffle` algorithms.
 *
 * numbat's conventions: draws without a size return JS numbers; `randint` is int32 by
 * default (NumPy: the C long, int64 on Linux, which draws the same bits for 32-bit ranges).
 */
import { NDArray } from '../ndarray.js';
import { IndexError, OverflowError, ValueError } from '../errors.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { copyOf } from '../ops/assign.js';
import { get } from '../ops/indexing.js';
import { subtract } from '../ufunc/arithmetic.js';
import { MT19937, type LegacySeed } from './mt19937.js';
import { legacyGauss, type GaussState } from './distributions.js';
import { cont, fill, floatParam, isScalarParam, scalarValue, sizeAndOptions, wrap, parseSize, type Size } from './args.js';
import { intDType, randomIntegers, type IntScalar, type NumberIntDType } from './integers.js';
import {
  arangeInt32,
  checkProbabilities,
  countOf,
  drawIndices,
  LEGACY_WORDING,
  sampleWithP,
  sampleWithPNoReplace,
  scalarOf,
  shuffleInPlace,
  takeAlong,
} from './sampling.js';

/** Options of the legacy `randint`. */
export interface RandintOptions {
  /** The integer dtype (default `'int32'`; NumPy's default is the C long). */
  dtype?: string;
}

/** {@link RandintOptions} whose `dtype` (if any) gives JS-number scalars: int32 by default. */
export interface NumberRandintOptions extends RandintOptions {
  dtype?: NumberIntDType;
}

/** Options of the legacy `choice`. */
export interface LegacyChoiceOptions {
  replace?: boolean;
  p?: ArrayLike | null;
}

/** NumPy's legacy state tuple: `['MT19937', key, pos, hasGauss, cachedGaussian]`. */
export type LegacyState = [name: 'MT19937', key: Uint32Array, pos: number, hasGauss: number, cachedGaussian: number];

/** Dimensions given as varargs or as one array (`rand(2, 3)`, `rand([2, 3])`). */
function dims(args: readonly (number | readonly number[])[]): Size {
  if (args.length === 0) return null;
  if (args.length === 1 && Array.isArray(args[0])) return args[0] as readonly number[];
  return args as readonly number[];
}

/**
 * NumPy's `np.random.RandomState(seed)`: the legacy generator.
 *
 * @example
 * const rs = new np.random.RandomState(0);
 * rs.rand(); // 0.5488135039273248, as np.random.RandomState(0).rand()
 */
export class RandomState {
  /** The MT19937 bit generator. */
  readonly bitGenerator: MT19937;
  readonly #gauss: GaussState = { hasGauss: false, gauss: 0 };

  constructor(seed?: LegacySeed | null) {
    this.bitGenerator = new MT19937(seed);
  }

  /** Re-seeds (an integer in [0, 2^32), a list of them, or nothing for OS entropy). */
  seed(seed?: LegacySeed | null): void {
    this.bitGenerator.seed(seed);
    this.#gauss.hasGauss = false;
    this.#gauss.gauss = 0;
  }

  /** The state as NumPy's legacy `get_state()` tuple. */
  getState(): LegacyState {
    const st = this.bitGenerator.state;
    return ['MT19937', st.state.key, st.state.pos, this.#gauss.hasGauss ? 1 : 0, this.#gauss.gauss];
  }

  /** Restores a state from {@link getState}. */
  setState(state: LegacyState): void {
    if (state[0] !== 'MT19937') throw new ValueError('set_state can only be used with legacy MT19937 state instances.');
    this.bitGenerator.state = { bit_generator: 'MT19937', state: { key: state[1], pos: state[2] } };
    this.#gauss.hasGauss = (state[3] ?? 0) !== 0;
    this.#gauss.gauss = state[4] ?? 0;
  }

  /**
   * Uniform floats in [0, 1) (`random_sample`): a JS number without a `size`, an `NDArray`
   * with one.
   *
   * @example
   * rs.randomSample(); // number
   * rs.randomSample([2, 2]); // NDArray
   */
  randomSample(size?: null): number;
  randomSample(size: number | readonly number[]): NDArray;
  randomSample(size?: Size): number | NDArray;
  randomSample(size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    return fill(size, 'float64', () => bg.nextDouble());
  }

  /**
   * Uniform floats in [0, 1) (`random`, an alias of `randomSample`): a JS number without a
   * `size`, an `NDArray` with one.
   *
   * @example
   * rs.random(3); // NDArray
   */
  random(size?: null): number;
  random(size: number | readonly number[]): NDArray;
  random(size?: Size): number | NDArray;
  random(size?: Size): number | NDArray {
    return this.randomSample(size);
  }

  /**
   * Uniform floats of the given dimensions (`rand(2, 3)`, `rand([2, 3])`); no dimensions
   * give a JS number, any dimensions an `NDArray`.
   *
   * @example
   * rs.rand(); // number
   * rs.rand(2, 3); // NDArray
   */
  rand(): number;
  rand(d0: number | readonly number[], ...dims: (number | readonly number[])[]): NDArray;
  rand(...args: (number | readonly number[])[]): number | NDArray;
  rand(...args: (number | readonly number[])[]): number | NDArray {
    return this.randomSample(dims(args));
  }

  /**
   * Standard normals of the given dimensions (`randn(2, 3)`), by the polar method; no
   * dimensions give a JS number, any dimensions an `NDArray`.
   *
   * @example
   * rs.randn(); // number
   * rs.randn(3); // NDArray
   */
  randn(): number;
  randn(d0: number | readonly number[], ...dims: (number | readonly number[])[]): NDArray;
  randn(...args: (number | readonly number[])[]): number | NDArray;
  randn(...args: (number | readonly number[])[]): number | NDArray {
    return this.standardNormal(dims(args));
  }

  /**
   * Standard normal draws by the polar method (the second value of each pair is cached):
   * a JS number without a `size`, an `NDArray` with one.
   *
   * @example
   * rs.standardNormal(4); // NDArray
   */
  standardNormal(size?: null): number;
  standardNormal(size: number | readonly number[]): NDArray;
  standardNormal(size?: Size): number | NDArray;
  standardNormal(size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    const st = this.#gauss;
    return fill(size, 'float64', () => legacyGauss(bg, st));
  }

  /**
   * Normal draws `loc + scale * z` (`scale < 0` throws). A JS number for scalar parameters
   * and no `size`; an `NDArray` with a `size` or array parameters.
   *
   * @example
   * rs.normal(0, 2); // number
   * rs.normal(0, 2, [2, 3]); // NDArray
   */
  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc: ArrayLike | undefined, scale: ArrayLike | undefined, size: number | readonly number[]): NDArray;
  normal(loc?: ArrayLike, scale?: ArrayLike, size?: Size): number | NDArray;
  normal(loc: ArrayLike = 0, scale: ArrayLike = 1, size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    const st = this.#gauss;
    return cont(
      size,
      [
        { value: loc, name: '', cons: 'none' },
        { value: scale, name: 'scale', cons: 'nonNegative' },
      ],
      (m, s) => m + s * legacyGauss(bg, st),
    );
  }

  /**
   * Uniform draws `low + (high - low) * u` (`high < low` is allowed, as in NumPy). A JS
   * number for scalar parameters and no `size`; an `NDArray` with a `size` or array parameters.
   *
   * @example
   * rs.uniform(-1, 1); // number
   * rs.uniform(-1, 1, 5); // NDArray
   */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: ArrayLike | undefined, high: ArrayLike | undefined, size: number | readonly number[]): NDArray;
  uniform(low?: ArrayLike, high?: ArrayLike, size?: Size): number | NDArray;
  uniform(low: ArrayLike = 0, high: ArrayLike = 1, size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    let range: ArrayLike;
    if (isScalarParam(low) && isScalarParam(high)) {
      range = scalarValue(high) - scalarValue(low);
      if (!Number.isFinite(range)) throw new OverflowError('Range exceeds valid bounds');
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
        { value: range, name: '', cons: 'none' },
      ],
      (lo, r) => lo + r * bg.nextDouble(),
    );
  }

  /**
   * Integers in `[low, high)` (`randint(high)`: `[0, high)`) by masked rejection. With a
   * `size` an `NDArray`; without one a JS scalar: a number (int32 by default), a bigint for
   * int64/uint64, a boolean for `bool` (typed `number` for JS-number bounds and an
   * 8/16/32-bit dtype).
   *
   * @example
   * rs.randint(10); // number
   * rs.randint(0, 10, 5); // NDArray int32
   */
  randint(low: number, high?: number | null, size?: NumberRandintOptions | null, opts?: NumberRandintOptions): number;
  randint(low: ArrayLike, high: ArrayLike | null | undefined, size: number | readonly number[], opts?: RandintOptions): NDArray;
  randint(low: ArrayLike, high?: ArrayLike | null, size?: Size | RandintOptions, opts?: RandintOptions): IntScalar | NDArray;
  randint(low: ArrayLike, high?: ArrayLike | null, size?: Size | RandintOptions, opts?: RandintOptions): IntScalar | NDArray {
    const [n, options] = sizeAndOptions(size, opts);
    size = n;
    if (high === undefined || high === null) {
      high = low;
      low = 0;
    }
    const dtype = intDType(options.dtype, 'int32', 'randint');
    return randomIntegers(this.bitGenerator, low, high, size, dtype, false, true);
  }

  /** Shuffles an `NDArray` along axis 0, or a JS array, in place. */
  shuffle(x: NDArray | unknown[]): void {
    shuffleInPlace(this.bitGenerator, x, 0);
  }

  /** A shuffled copy of `x` along axis 0 (an integer `n` gives a shuffled `arange(n)`). */
  permutation(x: ArrayLike): NDArray {
    if (typeof x === 'number' && Number.isInteger(x)) {
      const arr = arangeInt32(x);
      this.shuffle(arr);
      return arr;
    }
    const arr = asarray(x);
    if (arr.ndim < 1) throw new IndexError('x must be an integer or at least 1-dimensional');
    if (arr.ndim === 1) {
      const copy = copyOf(arr);
      this.shuffle(copy);
      return copy;
    }
    const idx = arangeInt32(arr.shape[0]!);
    this.shuffle(idx);
    return get(arr, idx);
  }

  /**
   * Random samples from a 1-d `a` (or `arange(a)`), as the legacy `choice`. Without a
   * `size` a JS scalar (a number for an integer `a`), with one an `NDArray`.
   *
   * @example
   * rs.choice(5); // number
   * rs.choice(5, 3, { replace: false }); // NDArray int32
   */
  choice(a: number, size?: LegacyChoiceOptions | null, opts?: LegacyChoiceOptions): number;
  choice(a: ArrayLike, size: number | readonly number[], opts?: LegacyChoiceOptions): NDArray;
  choice(a: ArrayLike, size?: Size | LegacyChoiceOptions, opts?: LegacyChoiceOptions): number | bigint | boolean | NDArray;
  choice(a: ArrayLike, size?: Size | LegacyChoiceOptions, opts?: LegacyChoiceOptions): number | bigint | boolean | NDArray {
    const [n, options] = sizeAndOptions(size, opts);
    size = n;
    const bg = this.bitGenerator;
    const { replace = true, p = null } = options;
    const shape = parseSize(size);
    const count = countOf(shape);
    let arr: NDArray | null = null;
    let popSize: number;
    if (typeof a === 'number' || typeof a === 'bigint' || typeof a === 'boolean' || (a instanceof NDArray && a.ndim === 0)) {
      const raw = a instanceof NDArray ? a.item() : a;
      const v = typeof raw === 'boolean' ? Number(raw) : raw;
      if (typeof v !== 'bigint' && !Number.isInteger(v)) throw new ValueError('a must be 1-dimensional or an integer');
      popSize = Number(v);
      if (popSize <= 0 && (shape === null || count !== 0)) {
        throw new ValueError('a must be greater than 0 unless no samples are taken');
      }
    } else {
      arr = asarray(a);
      if (arr.ndim !== 1) throw new ValueError('a must be 1-dimensional');
      popSize = arr.shape[0]!;
      if (popSize === 0 && (shape === null || count !== 0)) {
        throw new ValueError("'a' cannot be empty unless no samples are taken");
      }
    }
    const probs = p === null ? null : checkProbabilities(p, popSize, LEGACY_WORDING);
    let idx: Int32Array;
    if (replace) {
      idx = probs !== null ? sampleWithP(() => bg.nextDouble(), probs, count) : drawIndices(bg, popSize, count, true);
    } else {
      if (count > popSize) throw new ValueError("Cannot take a larger sample than population when 'replace=False'");
      if (probs !== null) {
        idx = sampleWithPNoReplace(() => bg.nextDouble(), probs, count);
      } else {
        idx = (this.permutation(popSize).data as Int32Array).slice(0, count);
      }
    }
    if (arr === null) return shape === null ? idx[0]! : wrap(idx, shape, 'int32');
    const out = takeAlong(arr, idx, shape, 0);
    return shape === null ? scalarOf(out) : out;
  }
}

let shared: RandomState | null = null;

/** The shared instance behind the global functions, seeded from OS entropy on first use. */
function globalState(): RandomState {
  return (shared ??= new RandomState());
}

/**
 * NumPy's `np.random.seed(seed)`: re-seeds the global legacy generator.
 *
 * @example
 * np.random.seed(0);
 * np.random.rand(); // 0.5488135039273248
 */
export function seed(s?: LegacySeed | null): void {
  globalState().seed(s);
}

/** The global generator's state (`np.random.get_state()`). @example const st = np.random.getState(); */
export function getState(): LegacyState {
  return globalState().getState();
}

/** Restores the global generator's state (`np.random.set_state`). @example np.random.setState(st); */
export function setState(state: LegacyState): void {
  globalState().setState(state);
}

/**
 * `np.random.rand(d0, d1, ...)`: uniform floats in [0, 1); no dimensions give a JS number,
 * any dimensions an `NDArray`.
 *
 * @example
 * np.random.rand(); // number
 * np.random.rand(2, 3); // NDArray
 */
export function rand(): number;
export function rand(d0: number | readonly number[], ...dims: (number | readonly number[])[]): NDArray;
export function rand(...args: (number | readonly number[])[]): number | NDArray;
export function rand(...args: (number | readonly number[])[]): number | NDArray {
  return globalState().rand(...args);
}

/**
 * `np.random.randn(d0, d1, ...)`: standard normals (polar method); no dimensions give a
 * JS number, any dimensions an `NDArray`.
 *
 * @example
 * np.random.randn(); // number
 * np.random.randn(3); // NDArray
 */
export function randn(): number;
export function randn(d0: number | readonly number[], ...dims: (number | readonly number[])[]): NDArray;
export function randn(...args: (number | readonly number[])[]): number | NDArray;
export function randn(...args: (number | readonly number[])[]): number | NDArray {
  return globalState().randn(...args);
}

/**
 * `np.random.random(size)`: uniform floats in [0, 1); a JS number without a `size`, an
 * `NDArray` with one.
 *
 * @example
 * np.random.random(); // number
 * np.random.random([2, 2]); // NDArray
 */
export function random(size?: null): number;
export function random(size: number | readonly number[]): NDArray;
export function random(size?: Size): number | NDArray;
export function random(size?: Size): number | NDArray {
  return globalState().randomSample(size);
}

/**
 * `np.random.random_sample(size)`, an alias of {@link random}: a JS number without a
 * `size`, an `NDArray` with one.
 *
 * @example
 * np.random.randomSample(4); // NDArray
 */
export function randomSample(size?: null): number;
export function randomSample(size: number | readonly number[]): NDArray;
export function randomSample(size?: Size): number | NDArray;
export function randomSample(size?: Size): number | NDArray {
  return globalState().randomSample(size);
}

/**
 * `np.random.standard_normal(size)` (polar method): a JS number without a `size`, an
 * `NDArray` with one.
 *
 * @example
 * np.random.standardNormal(5); // NDArray
 */
export function standardNormal(size?: null): number;
export function standardNormal(size: number | readonly number[]): NDArray;
export function standardNormal(size?: Size): number | NDArray;
export function standardNormal(size?: Size): number | NDArray {
  return globalState().standardNormal(size);
}

/**
 * `np.random.randint(low, high, size, { dtype })`: integers in `[low, high)`, int32 by
 * default (NumPy: int64), by masked rejection. With a `size` an `NDArray`; without one a
 * JS scalar (typed `number` for JS-number bounds and an 8/16/32-bit dtype).
 *
 * @example
 * np.random.randint(10); // number
 * np.random.randint(0, 10, 5); // NDArray int32
 */
export function randint(low: number, high?: number | null, size?: NumberRandintOptions | null, options?: NumberRandintOptions): number;
export function randint(low: ArrayLike, high: ArrayLike | null | undefined, size: number | readonly number[], options?: RandintOptions): NDArray;
export function randint(low: ArrayLike, high?: ArrayLike | null, size?: Size | RandintOptions, options?: RandintOptions): IntScalar | NDArray;
export function randint(low: ArrayLike, high?: ArrayLike | null, size?: Size | RandintOptions, options?: RandintOptions): IntScalar | NDArray {
  return globalState().randint(low, high, size, options);
}

/**
 * `np.random.normal(loc, scale, size)`: a JS number for scalar parameters and no `size`;
 * an `NDArray` with a `size` or array parameters.
 *
 * @example
 * np.random.normal(0, 2); // number
 * np.random.normal(0, 2, 3); // NDArray
 */
export function normal(loc?: number, scale?: number, size?: null): number;
export function normal(loc: ArrayLike | undefined, scale: ArrayLike | undefined, size: number | readonly number[]): NDArray;
export function normal(loc?: ArrayLike, scale?: ArrayLike, size?: Size): number | NDArray;
export function normal(loc: ArrayLike = 0, scale: ArrayLike = 1, size?: Size): number | NDArray {
  return globalState().normal(loc, scale, size);
}

/**
 * `np.random.uniform(low, high, size)`: a JS number for scalar parameters and no `size`;
 * an `NDArray` with a `size` or array parameters.
 *
 * @example
 * np.random.uniform(-1, 1); // number
 * np.random.uniform(-1, 1, 3); // NDArray
 */
export function uniform(low?: number, high?: number, size?: null): number;
export function uniform(low: ArrayLike | undefined, high: ArrayLike | undefined, size: number | readonly number[]): NDArray;
export function uniform(low?: ArrayLike, high?: ArrayLike, size?: Size): number | NDArray;
export function uniform(low: ArrayLike = 0, high: ArrayLike = 1, size?: Size): number | NDArray {
  return globalState().uniform(low, high, size);
}

/** `np.random.shuffle(x)`: shuffles in place along axis 0. @example np.random.shuffle(a); */
export function shuffle(x: NDArray | unknown[]): void {
  globalState().shuffle(x);
}

/** `np.random.permutation(x)`: a shuffled copy (or `arange(n)` shuffled). @example np.random.permutation(5); */
export function permutation(x: ArrayLike): NDArray {
  return globalState().permutation(x);
}

/**
 * `np.random.choice(a, size, { replace, p })`: without a `size` a JS scalar (a number for
 * an integer `a`), with one an `NDArray`.
 *
 * @example
 * np.random.choice(5); // number
 * np.random.choice(5, 3, { replace: false }); // NDArray int32
 */
export function choice(a: number, size?: LegacyChoiceOptions | null, options?: LegacyChoiceOptions): number;
export function choice(a: ArrayLike, size: number | readonly number[], options?: LegacyChoiceOptions): NDArray;
export function choice(a: ArrayLike, size?: Size | LegacyChoiceOptions, options?: LegacyChoiceOptions): number | bigint | boolean | NDArray;
export function choice(a: ArrayLike, size?: Size | LegacyChoiceOptions, options?: LegacyChoiceOptions): number | bigint | boolean | NDArray {
  return globalState().choice(a, size, options);
}

/**
 * Sampling from a population and shuffling, shared by the `Generator` and the legacy
 * `RandomState`: NumPy's probability checks (Kahan-summed `p`), inverse-CDF sampling by
 * `searchsorted(cdf, u, 'right')`, the draws of indices, Floyd's algorithm and the partial
 * Fisher-Yates shuffles `choice` uses without replacement, and in-place shuffles along an
 * axis with `random_interval` (masked rejection) as NumPy's `shuffle` does.
 */
import { NDArray } from '../ndarray.js';
import { DTYPES } from '../dtype/dtypes.js';
import { ValueError } from '../errors.js';
import { normalizeAxis, sizeOf } from '../shape/shape.js';
import { asarray, type ArrayLike } from '../ops/convert.js';
import { assign, copyOf } from '../ops/assign.js';
import { get, type IndexItem } from '../ops/indexing.js';
import type { BitGenerator } from './bit-generator.js';
import { boundedIndex, genMask, masked32, randomInterval } from './bounded.js';
import { wrap } from './args.js';

/** The messages of `choice`'s checks: the `Generator`'s or the legacy `RandomState`'s wording. */
export interface ChoiceWording {
  pNdim: string;
  pSize: string;
  nan: string;
  negative: string;
  sum: string;
}

/** `Generator.choice`'s messages. */
export const GENERATOR_WORDING: ChoiceWording = {
  pNdim: 'p must be 1-dimensional',
  pSize: 'a and p must have same size',
  nan: 'Probabilities contain NaN',
  negative: 'Probabilities are not non-negative',
  sum: 'Probabilities do not sum to 1. See Notes section of docstring for more information.',
};

/** `RandomState.choice`'s messages. */
export const LEGACY_WORDING: ChoiceWording = {
  pNdim: "'p' must be 1-dimensional",
  pSize: "'a' and 'p' must have same size",
  nan: 'probabilities contain NaN',
  negative: 'probabilities are not non-negative',
  sum: 'probabilities do not sum to 1',
};

/** Kahan's compensated sum, as NumPy's `kahan_sum` (first element as the start). */
function kahanSum(p: Float64Array): number {
  if (p.length === 0) return 0;
  let sum = p[0]!;
  let c = 0;
  for (let i = 1; i < p.length; i++) {
    const y = p[i]! - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** Checks `p` as NumPy's `choice` does and returns it as float64 values. */
export function checkProbabilities(pIn: ArrayLike, popSize: number, wording: ChoiceWording): Float64Array {
  const pArr = asarray(pIn);
  let atol = Math.sqrt(2.220446049250313e-16);
  if (pArr.dtype === 'float32') atol = Math.max(atol, Math.fround(Math.sqrt(Math.fround(1.1920928955078125e-7))));
  if (pArr.ndim !== 1) throw new ValueError(wording.pNdim);
  if (pArr.size !== popSize) throw new ValueError(wording.pSize);
  const p = copyOf(pArr, 'float64').data as Float64Array;
  const sum = kahanSum(p);
  if (Number.isNaN(sum)) throw new ValueError(wording.nan);
  if (p.some((v) => v < 0)) throw new ValueError(wording.negative);
  if (Math.abs(sum - 1) > atol) throw new ValueError(wording.sum);
  return p;
}

/** `cumsum(p) / cumsum(p)[-1]` (a sequential sum, as `np.cumsum`). */
function normalizedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = acc += p[i]!;
  const last = cdf[cdf.length - 1]!;
  for (let i = 0; i < cdf.length; i++) cdf[i] = cdf[i]! / last;
  return cdf;
}

/** `searchsorted(cdf, x, side='right')`: the number of entries `<= x`. */
function searchRight(cdf: Float64Array, x: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sampling with replacement from `p`: one uniform draw per output, inverted through the CDF. */
export function sampleWithP(uniform: () => number, p: Float64Array, count: number): Int32Array {
  const cdf = normalizedCdf(p);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = searchRight(cdf, uniform());
  return out;
}

/**
 * Sampling without replacement from `p`, NumPy's loop: draw as many uniforms as are still
 * missing, zero the probabilities already taken, invert, keep the first occurrence of each
 * new index (in order of appearance), repeat.
 */
export function sampleWithPNoReplace(uniform: () => number, pIn: Float64Array, count: number): Int32Array {
  if (pIn.filter((v) => v > 0).length < count) throw new ValueError('Fewer non-zero entries in p than size');
  const p = pIn.slice();
  const found = new Int32Array(count);
  let n = 0;
  while (n < count) {
    const x = Array.from({ length: count - n }, uniform);
    for (let i = 0; i < n; i++) p[found[i]!] = 0;
    const cdf = normalizedCdf(p);
    const seen = new Set<number>();
    for (const u of x) {
      const k = searchRight(cdf, u);
      if (!seen.has(k)) {
        seen.add(k);
        found[n++] = k;
      }
    }
  }
  return found;
}

/**
 * `count` indices in `[0, popSize)` with replacement: the int64 path of NumPy's bounded
 * integers (32-bit draws without buffering), Lemire's method or masked rejection.
 */
export function drawIndices(bg: BitGenerator, popSize: number, count: number, masked: boolean): Int32Array {
  const out = new Int32Array(count);
  const rng = popSize - 1;
  if (rng === 0) return out;
  const mask = genMask(rng);
  for (let i = 0; i < count; i++) {
    out[i] = rng === 0xffffffff ? bg.next32() : masked ? masked32(bg, rng, mask) : boundedIndex(bg, rng);
  }
  return out;
}

/** NumPy's `_shuffle_int`: Fisher-Yates from the top down to `first`, with Lemire draws. */
function shuffleIndices(bg: BitGenerator, data: Int32Array | number[], n: number, first: number): void {
  for (let i = n - 1; i >= first; i--) {
    const j = boundedIndex(bg, i);
    const t = data[j]!;
    data[j] = data[i]!;
    data[i] = t;
  }
}

/**
 * `Generator.choice` without replacement and without `p`: a partial shuffle of the whole
 * population when the sample is a large part of a large population, else Floyd's
 * algorithm (then, with `shuffle`, a shuffle of the result).
 */
export function sampleNoReplace(bg: BitGenerator, popSize: number, count: number, shuffle: boolean): Int32Array {
  const cutoff = shuffle ? 50 : 20;
  if (popSize > 10000 && count > Math.floor(popSize / cutoff)) {
    const idx = new Int32Array(popSize);
    for (let i = 0; i < popSize; i++) idx[i] = i;
    shuffleIndices(bg, idx, popSize, Math.max(popSize - count, 1));
    return idx.slice(popSize - count);
  }
  const out = new Int32Array(count);
  const taken = new Set<number>();
  for (let j = popSize - count; j < popSize; j++) {
    const v = boundedIndex(bg, j);
    const pick = taken.has(v) ? j : v;
    taken.add(pick);
    out[j - popSize + count] = pick;
  }
  if (shuffle) shuffleIndices(bg, out, count, 1);
  return out;
}

/** `a.take(idx, axis)` with int32 indices of `shape` (a scalar index drops the axis). */
export function takeAlong(a: NDArray, idx: Int32Array, shape: readonly number[] | null, axis: number): NDArray {
  const lead: IndexItem[] = new Array<IndexItem>(axis).fill(':');
  if (shape === null) return get(a, ...lead, idx[0]!);
  return get(a, ...lead, wrap(idx, shape, 'int32'));
}

/**
 * Shuffles `x` in place along `axis`: Fisher-Yates from the last position down, swapping
 * position `i` with `random_interval(i)` (NumPy's `shuffle`). Plain JS arrays are shuffled
 * as Python lists are (axis 0).
 */
export function shuffleInPlace(bg: BitGenerator, x: NDArray | unknown[], axis: number): void {
  if (Array.isArray(x)) {
    for (let i = x.length - 1; i >= 1; i--) {
      const j = randomInterval(bg, i);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
    return;
  }
  if (!x.flags.writeable) throw new ValueError('array is read-only');
  const ax = normalizeAxis(axis, x.ndim);
  if (x.size === 0) return;
  const n = x.shape[ax]!;
  if (x.ndim === 1) {
    const d = x.data as unknown as { [i: number]: unknown };
    const s = x.strides[0]!;
    for (let i = n - 1; i >= 1; i--) {
      const j = randomInterval(bg, i);
      const pi = x.offset + i * s;
      const pj = x.offset + j * s;
      const t = d[pi];
      d[pi] = d[pj];
      d[pj] = t;
    }
    return;
  }
  const lead: IndexItem[] = new Array<IndexItem>(ax).fill(':');
  for (let i = n - 1; i >= 1; i--) {
    const j = randomInterval(bg, i);
    if (i === j) continue;
    const vi = get(x, ...lead, i);
    const vj = get(x, ...lead, j);
    const buf = copyOf(vj);
    assign(vj, vi);
    assign(vi, buf);
  }
}

/** `arange(n)` as int32. */
export function arangeInt32(n: number): NDArray {
  const d = new Int32Array(n);
  for (let i = 0; i < n; i++) d[i] = i;
  return wrap(d, [n], 'int32');
}

/** The number of elements a `size` asks for (1 for a scalar draw). */
export function countOf(shape: readonly number[] | null): number {
  return shape === null ? 1 : sizeOf(shape);
}

/** A drawn element of `a` as a JS scalar (numbers, bigints for 64-bit ints, booleans). */
export function scalarOf(a: NDArray): number | bigint | boolean {
  const v = a.item();
  return DTYPES[a.dtype].kind === 'b' ? Boolean(v) : v;
}

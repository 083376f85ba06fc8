/**
 * `np.random`: NumPy's random number generation, drawing the same numbers as NumPy.
 *
 * - `defaultRng(seed)` gives a {@link Generator} over PCG64 seeded through SeedSequence,
 *   as `np.random.default_rng(seed)`.
 * - The legacy global functions (`seed`, `rand`, `randn`, `random`, `randint`, `normal`,
 *   `uniform`, `shuffle`, `permutation`, `choice`) use one shared {@link RandomState}
 *   (MT19937), as NumPy's module-level functions do.
 *
 * @example
 * import * as np from '@numbat/ndarray';
 * const rng = np.random.defaultRng(0);
 * rng.normal(0, 1, [2, 3]);
 * np.random.seed(0);
 * np.random.rand(3);
 */
export { BitGenerator } from './bit-generator.js';
export { SeedSequence, type SeedLike } from './seed-sequence.js';
export { PCG64, type PCG64State } from './pcg64.js';
export { MT19937, type MT19937State, type LegacySeed } from './mt19937.js';
export {
  Generator,
  defaultRng,
  type AxisOptions,
  type ChoiceOptions,
  type FloatDTypeOptions,
  type GeneratorSeed,
  type IntegersOptions,
  type NumberIntegersOptions,
} from './generator.js';
export {
  RandomState,
  seed,
  getState,
  setState,
  rand,
  randn,
  random,
  randomSample,
  standardNormal,
  randint,
  normal,
  uniform,
  shuffle,
  permutation,
  choice,
  type LegacyChoiceOptions,
  type LegacyState,
  type NumberRandintOptions,
  type RandintOptions,
} from './legacy.js';
export { type Size } from './args.js';
export { type IntDType, type IntScalar, type NumberIntDType } from './integers.js';

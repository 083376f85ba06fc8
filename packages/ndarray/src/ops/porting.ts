/**
 * The porting essentials of API.md: the NumPy names everyday code reaches for beyond the
 * core. A barrel over one file per concept:
 *
 * - counting.ts, histogram.ts: `bincount`, `digitize`, `histogram`
 * - interp.ts: `interp`
 * - index-tricks.ts: `unravelIndex`, `ravelMultiIndex`, `indices`, `put`
 * - sets.ts: `isin`, `intersect1d`, `union1d`, `setdiff1d`
 * - finfo.ts: `finfo`, `iinfo`
 * - stride-tricks.ts: `slidingWindowView`
 * - flat.ts: `FlatIter` (`a.flat`)
 */
export { bincount, digitize, type BincountOptions, type DigitizeOptions } from './counting.js';
export { histogram, type HistogramOptions } from './histogram.js';
export { interp, type InterpOptions } from './interp.js';
export {
  unravelIndex,
  ravelMultiIndex,
  indices,
  put,
  type UnravelIndexOptions,
  type RavelMultiIndexOptions,
  type IndicesOptions,
  type PutOptions,
} from './index-tricks.js';
export { isin, intersect1d, union1d, setdiff1d, type IsinOptions, type Intersect1dOptions, type Setdiff1dOptions } from './sets.js';
export { finfo, iinfo, type FInfo, type IInfo, type DTypeSpec } from './finfo.js';
export { slidingWindowView, type SlidingWindowViewOptions } from './stride-tricks.js';
export { FlatIter, type FlatIndex } from './flat.js';

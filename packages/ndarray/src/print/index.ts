/**
 * Printing: NumPy's `str` / `repr` of arrays, `array2string`, the Dragon4 float
 * formatters and the print options. `NDArray`'s `toString`, `repr` and
 * `util.inspect.custom` delegate to `arrayStr` and `arrayRepr`.
 */
export { setPrintoptions, getPrintoptions, printoptions, type PrintOptions, type FloatMode } from './options.js';
export {
  array2string,
  arrayStr,
  arrayRepr,
  type Array2StringOptions,
  type ArrayPrintOptions,
} from './array2string.js';
export {
  formatFloatPositional,
  formatFloatScientific,
  type FormatFloatPositionalOptions,
  type FormatFloatScientificOptions,
  type Trim,
} from './format-float.js';

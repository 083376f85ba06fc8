/**
 * Every ufunc of numbat, by its numbat name. The README's coverage table and the property
 * tests read this table, so a ufunc added here is documented and tested without further edits.
 */
import * as arithmetic from './arithmetic.js';
import * as math from './math.js';
import * as compareLogic from './compare-logic.js';

export * from './arithmetic.js';
export * from './math.js';
export * from './compare-logic.js';

/** All ufuncs, keyed by numbat name (`floorDivide`), each carrying its NumPy name and record. */
export const UFUNCS = { ...arithmetic, ...math, ...compareLogic };

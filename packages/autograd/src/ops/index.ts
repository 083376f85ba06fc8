/**
 * Every op function, one module per family (forward and gradient side by side). The
 * Tensor methods and the package's `ag.<name>` functions are these.
 */
export * from './unary.js';
export * from './binary.js';
export * from './select.js';
export * from './shape.js';
export * from './reductions.js';
export * from './statistics.js';
export * from './join.js';
export * from './indexing.js';
export * from './gather.js';
export * from './products.js';
export * from './einsum.js';
export * from './activations.js';
export * from './norm.js';
export * from './nondiff.js';

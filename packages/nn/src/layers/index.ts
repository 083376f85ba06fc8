/** The layer modules: dense, convolution and pooling, normalisation, activations, losses. */
export * from './linear.js';
export * from './conv.js';
export * from './normalization.js';
export * from './activations.js';
export * from './losses.js';

/**
 * `nn.functional`: the math of every layer, activation and loss, once, as pure functions
 * of tensors (`torch.nn.functional`). The modules of `nn` call these; use them directly
 * with weights of your own (`F.linear(x, W, b)`, `F.conv2d(x, W, b)`).
 *
 * @example
 * import * as nn from '@numbat/nn';
 * const F = nn.functional;
 * const loss = F.crossEntropyLoss(F.linear(x, W, b), labels);
 */
export * from './activations.js';
export * from './layers.js';
export * from './conv.js';
export * from './regression-losses.js';
export * from './classification-losses.js';
export type { RandomSource, RngOptions, Reduction, ReductionOptions } from './common.js';

/**
 * Autoencoders (the lectures' four): `Autoencoder` (undercomplete), `SparseAutoencoder`,
 * `DenoisingAutoencoder`, `ContractiveAutoencoder`, with their building blocks as
 * functions (the code penalty, the corruptions, the Jacobian norms).
 */
export { Autoencoder, type AutoencoderOptions, type AutoencoderPass, type AutoencoderLossTerms } from './autoencoder.js';
export { SparseAutoencoder, codePenalty, type SparseAutoencoderOptions, type SparsePenalty } from './sparse.js';
export { DenoisingAutoencoder, type DenoisingAutoencoderOptions, type NoiseKind } from './denoising.js';
export { ContractiveAutoencoder, jacobianNormSq, sigmoidJacobianNormSq, type ContractiveAutoencoderOptions, type JacobianMethod } from './contractive.js';
export { gaussianNoise, maskingNoise } from './noise.js';

/**
 * `nn.data`: datasets and the DataLoader (PyTorch's `torch.utils.data`).
 *
 * @example
 * const loader = new nn.data.DataLoader(new nn.data.TensorDataset(X, y), { batchSize: 16, shuffle: true, seed: 1 });
 */
export { TensorDataset, type Dataset, type SampleField } from './dataset.js';
export { DataLoader, type DataLoaderOptions, type Batch } from './dataloader.js';

/**
 * Data: `TensorDataset` (rows of arrays sharing the first axis) and `DataLoader`: number of
 * batches with and without `dropLast`, every sample visited exactly once per epoch (in
 * order, and shuffled over several epochs), the batch, mini-batch and stochastic regimes,
 * seeded shuffling reproducible and equal to NumPy's `default_rng(seed).permutation(n)`
 * epoch after epoch, datasets without `getBatch` collated by stacking, errors.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { expectThrows } from '../../../test/helpers.js';
import { hasNumpy, oracle } from '../../../test/oracle/numpy.js';

/** X[i] = [i, 10 i], y[i] = i: the sample index is readable from every field. */
function indexed(n: number): nn.data.TensorDataset {
  const idx = np.arange(n).astype('float64');
  return new nn.data.TensorDataset(np.stack([idx, np.multiply(idx, 10)], 1), np.arange(n));
}

/** The sample indices of each batch of one epoch (read from y), checking x matches. */
function epochOrder(loader: nn.data.DataLoader): number[][] {
  const out: number[][] = [];
  for (const [x, y] of loader) {
    const ys = y!.tolist() as number[];
    expect((x!.data.get(':', 0).tolist() as number[])).toEqual(ys);
    expect((x!.data.get(':', 1).tolist() as number[])).toEqual(ys.map((v) => 10 * v));
    out.push(ys);
  }
  return out;
}

describe('TensorDataset', () => {
  it('length and get(i): the i-th row of each array, as tensors (negative i from the end)', () => {
    const ds = indexed(5);
    expect(ds.length).toBe(5);
    const [x, y] = ds.get(2);
    expect(x).toBeInstanceOf(ag.Tensor);
    expect(x!.tolist()).toEqual([2, 20]);
    expect(y!.item()).toBe(2);
    expect(ds.get(-1)[1]!.item()).toBe(4);
    expect(() => ds.get(5)).toThrow(np.IndexError);
  });

  it('accepts tensors (detached), arrays and nested JS arrays; checks the first axes', () => {
    const t = ag.tensor([[1, 2], [3, 4]], { requiresGrad: true });
    const ds = new nn.data.TensorDataset(t, [0, 1]);
    expect(ds.tensors[0]!.requiresGrad).toBe(false);
    expect(ds.tensors[0]!.data === t.data).toBe(true);
    expect(ds.tensors[1]!.dtype).toBe('int32');
    expectThrows(() => new nn.data.TensorDataset(np.zeros([3, 2]), np.zeros(4)), np.ValueError, 'Size mismatch between tensors: first axes 3, 4');
    expectThrows(() => new nn.data.TensorDataset(np.zeros([])), np.ValueError, 'TensorDataset needs tensors with at least one axis (the samples), got a 0-d one');
    expectThrows(() => new nn.data.TensorDataset(), np.ValueError, 'TensorDataset needs at least one tensor');
  });
});

describe('DataLoader', () => {
  it('length is the number of batches: ceil(n / b), floor with dropLast', () => {
    const ds = indexed(10);
    expect(new nn.data.DataLoader(ds, { batchSize: 3 }).length).toBe(4);
    expect(new nn.data.DataLoader(ds, { batchSize: 3, dropLast: true }).length).toBe(3);
    expect(new nn.data.DataLoader(ds).length).toBe(10);
    expect(new nn.data.DataLoader(ds, { batchSize: 10 }).length).toBe(1);
    expect(new nn.data.DataLoader(ds, { batchSize: 20, dropLast: true }).length).toBe(0);
    expect(new nn.data.DataLoader(indexed(0), { batchSize: 2 }).length).toBe(0);
  });

  it('in order without shuffle; the last batch is smaller unless dropped', () => {
    const ds = indexed(7);
    expect(epochOrder(new nn.data.DataLoader(ds, { batchSize: 3 }))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(epochOrder(new nn.data.DataLoader(ds, { batchSize: 3, dropLast: true }))).toEqual([[0, 1, 2], [3, 4, 5]]);
    const [x, y] = [...new nn.data.DataLoader(ds, { batchSize: 3 })][0]!;
    expect(x!.shape).toEqual([3, 2]);
    expect(y!.shape).toEqual([3]);
    expect(x!.requiresGrad).toBe(false);
  });

  it('batch, mini-batch and stochastic gradient descent: batchSize n, b, 1', () => {
    const ds = indexed(6);
    expect(epochOrder(new nn.data.DataLoader(ds, { batchSize: 6 }))).toEqual([[0, 1, 2, 3, 4, 5]]);
    expect(epochOrder(new nn.data.DataLoader(ds, { batchSize: 1 }))).toEqual([[0], [1], [2], [3], [4], [5]]);
    expect(epochOrder(new nn.data.DataLoader(ds, { batchSize: 4 }))).toEqual([[0, 1, 2, 3], [4, 5]]);
  });

  it('shuffled: every sample exactly once per epoch, a new order each epoch', () => {
    const n = 23;
    const loader = new nn.data.DataLoader(indexed(n), { batchSize: 5, shuffle: true, seed: 3 });
    const orders: number[][] = [];
    for (let epoch = 0; epoch < 4; epoch++) {
      const batches = epochOrder(loader);
      expect(batches.map((b) => b.length)).toEqual([5, 5, 5, 5, 3]);
      const order = batches.flat();
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      orders.push(order);
    }
    expect(new Set(orders.map((o) => o.join(','))).size).toBe(4);
  });

  it('dropLast with shuffle drops a different remainder each epoch, never a duplicate', () => {
    const loader = new nn.data.DataLoader(indexed(10), { batchSize: 4, shuffle: true, dropLast: true, seed: 0 });
    for (let epoch = 0; epoch < 3; epoch++) {
      const order = epochOrder(loader).flat();
      expect(order.length).toBe(8);
      expect(new Set(order).size).toBe(8);
    }
  });

  it('seeded shuffling is reproducible; a given generator is used as is', () => {
    const a = new nn.data.DataLoader(indexed(12), { batchSize: 4, shuffle: true, seed: 42 });
    const b = new nn.data.DataLoader(indexed(12), { batchSize: 4, shuffle: true, seed: 42 });
    for (let epoch = 0; epoch < 3; epoch++) expect(epochOrder(a)).toEqual(epochOrder(b));
    const rng = np.random.defaultRng(42);
    const c = new nn.data.DataLoader(indexed(12), { batchSize: 4, shuffle: true, rng });
    expect(c.rng === rng).toBe(true);
    expect(epochOrder(c)).toEqual(epochOrder(new nn.data.DataLoader(indexed(12), { batchSize: 4, shuffle: true, seed: 42 })));
  });

  it.runIf(hasNumpy)('the orders are NumPy\'s default_rng(seed).permutation(n), epoch after epoch', async () => {
    const py = await oracle();
    for (const [seed, n] of [[0, 10], [7, 33], [12345, 1]] as const) {
      const loader = new nn.data.DataLoader(indexed(n), { batchSize: 4, shuffle: true, seed });
      const ours = [0, 1, 2].map(() => epochOrder(loader).flat());
      const a = await py.one('rng = np.random.default_rng(seed)\nresult = [rng.permutation(n).tolist() for _ in range(3)]', { seed, n });
      expect(a.ok && a.value).toEqual(ours);
    }
  });

  it('a dataset without getBatch is collated by stacking its samples\' fields', () => {
    const squares: nn.data.Dataset = { length: 5, get: (i) => [np.array([i, -i], { dtype: 'float64' }), i * i] };
    const batches = [...new nn.data.DataLoader(squares, { batchSize: 2 })];
    expect(batches.length).toBe(3);
    expect(batches[0]![0]!.tolist()).toEqual([[0, -0], [1, -1]]);
    expect(batches[0]![1]!.tolist()).toEqual([0, 1]);
    expect(batches[2]![1]!.tolist()).toEqual([16]);
  });

  it('errors: batchSize must be a positive integer', () => {
    expectThrows(() => new nn.data.DataLoader(indexed(3), { batchSize: 0 }), np.ValueError, 'batchSize should be a positive integer value, but got batchSize=0');
    expectThrows(() => new nn.data.DataLoader(indexed(3), { batchSize: 1.5 }), np.ValueError, 'batchSize should be a positive integer value, but got batchSize=1.5');
  });
});

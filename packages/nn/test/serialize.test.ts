/**
 * `nn.save` / `nn.load`: a `.npz` of the state dict with PyTorch's key names, read back
 * into a fresh model (outputs identical), opened by NumPy (keys, dtypes, values), and a
 * NumPy-written archive loaded into a model; strict errors pass through.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { hasNumpy, oracle } from '../../../test/oracle/numpy.js';
import { mismatch } from '../../../test/oracle/compare.js';

const dir = mkdtempSync(join(tmpdir(), 'numbat-nn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function makeModel(): nn.Sequential {
  return new nn.Sequential(new nn.Conv2d(1, 2, 3), new nn.ReLU(), new nn.Flatten(), new nn.Linear(8, 4), new nn.BatchNorm1d(4), new nn.Linear(4, 1));
}

describe('save and load', () => {
  it('round trip: a fresh model loaded from the file computes the same outputs', () => {
    const a = makeModel();
    a.forward(ag.tensor(np.random.randn(3, 1, 4, 4) as np.NDArray)); // update BatchNorm's running statistics
    const path = join(dir, 'model'); // '.npz' is appended, as np.savez does
    nn.save(a, path);
    const b = makeModel();
    expect(nn.load(b, `${path}.npz`)).toEqual({ missingKeys: [], unexpectedKeys: [] });
    a.eval();
    b.eval();
    const x = ag.tensor(np.random.randn(2, 1, 4, 4) as np.NDArray);
    expect(b.forward(x).tolist()).toEqual(a.forward(x).tolist());
    expect(Number((b.get(4) as nn.BatchNorm1d).numBatchesTracked!.item())).toBe(1);
  });

  it('strict loading reports foreign archives; non-strict returns the keys', () => {
    const path = join(dir, 'small.npz');
    nn.save(new nn.Linear(2, 1), path);
    const other = new nn.Sequential(new nn.Linear(2, 1));
    expect(() => nn.load(other, path)).toThrow('Missing key(s) in state_dict: "0.weight", "0.bias". ');
    expect(nn.load(other, path, { strict: false })).toEqual({ missingKeys: ['0.weight', '0.bias'], unexpectedKeys: ['weight', 'bias'] });
    np.save(join(dir, 'one.npy'), np.zeros(2));
    expect(() => nn.load(other, join(dir, 'one.npy'))).toThrow(np.ValueError);
  });

  it.runIf(hasNumpy)('NumPy opens the archive: PyTorch key names, dtypes, values', async () => {
    const model = makeModel().to('float32');
    const path = join(dir, 'np.npz');
    nn.save(model, path);
    const sd = model.stateDict();
    const ans = await (await oracle()).one(`d = np.load(${JSON.stringify(path)})\nresult = [list(d.keys()), [d[k] for k in d.keys()], [str(d[k].dtype) for k in d.keys()]]`);
    expect(ans.ok).toBe(true);
    const [keys, values, dtypes] = (ans as unknown as { value: [string[], never[], string[]] }).value;
    expect(keys).toEqual(Object.keys(sd));
    expect(keys).toContain('4.runningMean');
    expect(dtypes).toEqual(Object.values(sd).map((a) => a.dtype));
    expect(dtypes[keys.indexOf('4.numBatchesTracked')]).toBe('int64');
    expect(mismatch(Object.values(sd), values, { rtol: 0, atol: 0 })).toBeNull();
  });

  it.runIf(hasNumpy)('an archive written by NumPy loads into a model', async () => {
    const path = join(dir, 'from-numpy.npz');
    const ans = await (await oracle()).one(`np.savez(${JSON.stringify(path)}, weight=np.arange(6.0).reshape(2, 3), bias=np.array([0.5, -0.5]))\nresult = 0`);
    expect(ans.ok).toBe(true);
    const fc = new nn.Linear(3, 2);
    nn.load(fc, path);
    expect(fc.forward(ag.tensor([[1, 1, 1]])).tolist()).toEqual([[3.5, 11.5]]);
  });
});

/**
 * `nn.Module`, `Sequential`, `ModuleList`: registration by walking properties (order,
 * PyTorch's key names, shared parameters once, plain arrays not registered), buffers,
 * `stateDict` / `loadStateDict` (round trip, in place, strict errors with PyTorch's
 * messages), `train` / `eval`, `zeroGrad`, `to(dtype)`, `apply`, dotted lookups and the
 * printout.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { expectThrows } from '../../../test/helpers.js';

class Net extends nn.Module {
  scale = new nn.Parameter(np.ones(1));
  encoder = new nn.Sequential(new nn.Linear(4, 3), new nn.ReLU(), new nn.Linear(3, 2));
  plain = [new nn.Linear(2, 2)]; // a JS array: not registered (PyTorch ignores lists too)
  notAParam = ag.tensor([1, 2], { requiresGrad: true }); // a plain tensor: not registered
  head = new nn.Linear(2, 1);
  override forward(x: ag.Tensor): ag.Tensor {
    return this.head.forward(this.encoder.forward(x)).mul(this.scale);
  }
}

describe('parameter and module registration', () => {
  it('namedParameters: own parameters first, then children depth first, PyTorch key names', () => {
    const net = new Net();
    expect(net.namedParameters().map(([k]) => k)).toEqual(['scale', 'encoder.0.weight', 'encoder.0.bias', 'encoder.2.weight', 'encoder.2.bias', 'head.weight', 'head.bias']);
    expect(net.parameters().length).toBe(7);
    expect(net.parameters()[1] === (net.encoder.get(0) as nn.Linear).weight).toBe(true);
    expect(net.parameters(false).length).toBe(1);
    expect(net.namedParameters('model').map(([k]) => k)[1]).toBe('model.encoder.0.weight');
  });

  it('children, namedChildren, modules, namedModules', () => {
    const net = new Net();
    expect(net.namedChildren().map(([k]) => k)).toEqual(['encoder', 'head']);
    expect(net.children().length).toBe(2);
    expect(net.namedModules().map(([k]) => k)).toEqual(['', 'encoder', 'encoder.0', 'encoder.1', 'encoder.2', 'head']);
    expect(net.modules()[0] === net).toBe(true);
  });

  it('a parameter or module shared under two names is listed once (state dict keeps both keys)', () => {
    const shared = new nn.Linear(2, 2);
    const m = new nn.Sequential(shared, new nn.Tanh(), shared);
    expect(m.namedParameters().map(([k]) => k)).toEqual(['0.weight', '0.bias']);
    expect(m.modules().length).toBe(3);
    expect(Object.keys(m.stateDict())).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
    const tied = new nn.Module();
    const p = new nn.Parameter(np.zeros(2));
    tied.registerParameter('a', p);
    tied.registerParameter('b', p);
    expect(tied.parameters().length).toBe(1);
  });

  it('registerParameter, addModule, registerModule assign properties; null slots are skipped', () => {
    const m = new nn.Module();
    m.registerParameter('w', new nn.Parameter(np.zeros([2, 2])));
    m.registerParameter('unused', null);
    m.addModule('fc', new nn.Linear(2, 1, { bias: false }));
    m.registerModule('act', new nn.ReLU());
    expect(m.namedParameters().map(([k]) => k)).toEqual(['w', 'fc.weight']);
    expect((m as unknown as Record<string, unknown>).w instanceof nn.Parameter).toBe(true);
    expectThrows(() => m.registerParameter('a.b', null), np.ValueError, 'parameter name can\'t contain "."');
    expectThrows(() => m.addModule('', null), np.ValueError, 'module name can\'t be empty string ""');
    expect(() => m.registerParameter('x', np.zeros(1) as never)).toThrow(TypeError);
  });

  it('cycles do not recurse forever', () => {
    const a = new nn.Sequential(new nn.Linear(1, 1));
    a.addModule('self', a);
    expect(a.modules().length).toBe(2);
    expect(Object.keys(a.stateDict())).toEqual(['0.weight', '0.bias']);
  });

  it('a deep chain of modules does not overflow the stack', () => {
    let m: nn.Module = new nn.Linear(1, 1);
    for (let i = 0; i < 5000; i++) m = new nn.Sequential(m);
    expect(m.parameters().length).toBe(2);
    expect(m.namedParameters()[0]![0]).toBe(`${'0.'.repeat(5000)}weight`);
  });

  it('the base forward throws PyTorch\'s message', () => {
    expectThrows(() => new nn.Module().forward(ag.tensor(1)), np.ValueError, 'Module [Module] is missing the required "forward" function');
    expectThrows(() => new nn.ModuleList().forward(), np.ValueError, 'Module [ModuleList] is missing the required "forward" function');
  });
});

describe('Sequential and ModuleList', () => {
  it('Sequential chains forward, indexes (negative from the end), iterates, appends, slices', () => {
    np.random.seed(0);
    const l1 = new nn.Linear(2, 3);
    const l2 = new nn.Linear(3, 1);
    const seq = new nn.Sequential(l1, new nn.Tanh(), l2);
    const x = ag.tensor([[1, -1], [0.5, 2]]);
    const expected = l2.forward(l1.forward(x).tanh());
    expect(seq.forward(x).tolist()).toEqual(expected.tolist());
    expect(seq.length).toBe(3);
    expect(seq.get(-1) === l2).toBe(true);
    expect([...seq].length).toBe(3);
    expectThrows(() => seq.get(3), np.IndexError, 'index 3 is out of range');
    seq.append(new nn.Sigmoid());
    expect(seq.namedChildren().map(([k]) => k)).toEqual(['0', '1', '2', '3']);
    const head = seq.slice(0, 2);
    expect(head.get(0) === l1).toBe(true);
    expect(head.length).toBe(2);
  });

  it('Sequential from a record of named modules (PyTorch\'s OrderedDict form)', () => {
    const seq = new nn.Sequential({ hidden: new nn.Linear(2, 2), act: new nn.ReLU(), out: new nn.Linear(2, 1) });
    expect(Object.keys(seq.stateDict())).toEqual(['hidden.weight', 'hidden.bias', 'out.weight', 'out.bias']);
    expect(seq.get(1) instanceof nn.ReLU).toBe(true);
    const fromMap = new nn.Sequential(new Map<string, nn.Module>([['a', new nn.Linear(1, 1)]]));
    expect(fromMap.namedParameters().map(([k]) => k)).toEqual(['a.weight', 'a.bias']);
  });

  it('Sequential rejects non-modules', () => {
    expect(() => new nn.Sequential(new nn.ReLU(), 3 as never)).toThrow(TypeError);
  });

  it('ModuleList registers its items: keys layers.0.weight, get/set/append/extend/insert', () => {
    class Deep extends nn.Module {
      layers = new nn.ModuleList([new nn.Linear(2, 2), new nn.Linear(2, 2)]);
      override forward(x: ag.Tensor): ag.Tensor {
        for (const l of this.layers) x = l.forward(x).tanh();
        return x;
      }
    }
    const d = new Deep();
    expect(d.namedParameters().map(([k]) => k)).toEqual(['layers.0.weight', 'layers.0.bias', 'layers.1.weight', 'layers.1.bias']);
    expect(d.forward(ag.tensor([[1, 2]])).shape).toEqual([1, 2]);
    const extra = new nn.Linear(2, 2, { bias: false });
    d.layers.insert(0, extra);
    expect(d.layers.get(0) === extra).toBe(true);
    expect(d.namedParameters().map(([k]) => k)[0]).toBe('layers.0.weight');
    expect(d.namedParameters().map(([k]) => k)[1]).toBe('layers.1.weight');
    d.layers.append(new nn.Linear(2, 2)).extend([new nn.Linear(2, 2)]);
    expect(d.layers.length).toBe(5);
    d.layers.set(-1, extra);
    expect(d.layers.get(4) === extra).toBe(true);
    expect(d.parameters().length).toBe(1 + 2 + 2 + 2);
  });
});

describe('buffers', () => {
  class WithBuffers extends nn.Module {
    w = new nn.Parameter(np.zeros(2));
    constructor() {
      super();
      this.registerBuffer('count', np.zeros(1));
      this.registerBuffer('cache', np.ones(3), { persistent: false });
      this.registerBuffer('unset', null);
    }
  }

  it('registered buffers are properties, listed by namedBuffers, saved unless non-persistent', () => {
    const m = new WithBuffers();
    expect((m as unknown as { count: np.NDArray }).count.tolist()).toEqual([0]);
    expect(m.namedBuffers().map(([k]) => k)).toEqual(['count', 'cache']);
    expect(Object.keys(m.stateDict())).toEqual(['w', 'count']);
    (m as unknown as { count: np.NDArray }).count = np.full(1, 5);
    expect(m.getBuffer('count')!.tolist()).toEqual([5]);
    expect(m.parameters().length).toBe(1);
  });

  it('errors: dotted or empty names, existing attributes, non-arrays', () => {
    const m = new WithBuffers();
    expectThrows(() => m.registerBuffer('a.b', null), np.ValueError, 'buffer name can\'t contain "."');
    expectThrows(() => m.registerBuffer('', null), np.ValueError, 'buffer name can\'t be empty string ""');
    expectThrows(() => m.registerBuffer('w', null), np.ValueError, "attribute 'w' already exists");
    expectThrows(() => m.registerBuffer('train', null), np.ValueError, "attribute 'train' already exists");
    expect(() => m.registerBuffer('x', [1, 2] as never)).toThrow(TypeError);
    expectThrows(() => m.getBuffer('nope'), np.ValueError, 'WithBuffers has no buffer `nope`');
  });

  it('BatchNorm buffers by dotted path', () => {
    const seq = new nn.Sequential(new nn.Linear(2, 2), new nn.BatchNorm1d(2));
    expect(seq.getBuffer('1.runningVar')!.tolist()).toEqual([1, 1]);
    expect(seq.getSubmodule('1') instanceof nn.BatchNorm1d).toBe(true);
    expect(seq.getParameter('0.bias').shape).toEqual([2]);
    expectThrows(() => seq.getSubmodule('2'), np.ValueError, 'Sequential has no attribute `2`');
    expectThrows(() => seq.getParameter('1.runningMean'), np.ValueError, 'BatchNorm1d has no parameter `runningMean`');
  });
});

describe('stateDict and loadStateDict', () => {
  it('round trip into a fresh model gives identical outputs; values copied in place (same Parameter objects)', () => {
    const a = new Net();
    const b = new Net();
    const params = b.parameters();
    const x = ag.tensor(np.random.randn(5, 4) as np.NDArray);
    expect(b.forward(x).tolist()).not.toEqual(a.forward(x).tolist());
    expect(b.loadStateDict(a.stateDict())).toEqual({ missingKeys: [], unexpectedKeys: [] });
    expect(b.forward(x).tolist()).toEqual(a.forward(x).tolist());
    expect(b.parameters().every((p, i) => p === params[i])).toBe(true);
    // copies, not shared arrays
    a.head.weight.data.fill(7);
    expect(b.head.weight.data.tolist()).not.toEqual(a.head.weight.data.tolist());
  });

  it('the state dict holds the live arrays (as PyTorch), keys in PyTorch order with buffers after parameters', () => {
    const m = new nn.Sequential(new nn.Linear(2, 2), new nn.BatchNorm1d(2));
    const sd = m.stateDict();
    expect(Object.keys(sd)).toEqual(['0.weight', '0.bias', '1.weight', '1.bias', '1.runningMean', '1.runningVar', '1.numBatchesTracked']);
    expect(sd['0.weight'] === (m.get(0) as nn.Linear).weight.data).toBe(true);
    expect(sd['1.numBatchesTracked']!.dtype).toBe('int64');
  });

  it('strict: missing and unexpected keys throw PyTorch\'s message; nothing is copied', () => {
    const m = new nn.Sequential(new nn.Linear(2, 1));
    const before = m.get(0).parameters()[0]!.data.tolist();
    expectThrows(
      () => m.loadStateDict({ '0.weight': np.zeros([1, 2]), 'extra.bias': np.zeros(1) }),
      np.ValueError,
      'Error(s) in loading state_dict for Sequential:\n\tMissing key(s) in state_dict: "0.bias". \n\tUnexpected key(s) in state_dict: "extra.bias". ',
    );
    expect(m.get(0).parameters()[0]!.data.tolist()).toEqual(before);
  });

  it('strict false: returns the incompatible keys and loads the rest', () => {
    const m = new nn.Linear(2, 1);
    const res = m.loadStateDict(new Map([['weight', np.ones([1, 2])], ['foo', np.zeros(1)]]), { strict: false });
    expect(res).toEqual({ missingKeys: ['bias'], unexpectedKeys: ['foo'] });
    expect(m.weight.data.tolist()).toEqual([[1, 1]]);
  });

  it('a shape mismatch throws even when not strict, with the key and both shapes', () => {
    const m = new nn.Linear(2, 3);
    expectThrows(
      () => m.loadStateDict({ weight: np.zeros([2, 2]), bias: np.zeros(3) }, { strict: false }),
      np.ValueError,
      'Error(s) in loading state_dict for Linear:\n\tsize mismatch for weight: copying a param with shape (2, 2) from checkpoint, the shape in current model is (3, 2).',
    );
  });

  it('values are cast to the parameter dtype; tensors are accepted as values', () => {
    const m = new nn.Linear(2, 1, { dtype: 'float32' });
    m.loadStateDict({ weight: ag.tensor([[0.1, 0.2]]), bias: np.array([1]) });
    expect(m.weight.dtype).toBe('float32');
    expect(m.bias!.data.tolist()).toEqual([1]);
    expect(() => m.loadStateDict(null as never)).toThrow(TypeError);
  });
});

describe('train / eval, zeroGrad, to, apply, toString', () => {
  it('train(false) and eval() set training on every module and return the module', () => {
    const m = new nn.Sequential(new nn.Dropout(0.5), new nn.Sequential(new nn.BatchNorm1d(2)));
    expect(m.modules().every((x) => x.training)).toBe(true);
    expect(m.eval() === m).toBe(true);
    expect(m.modules().every((x) => !x.training)).toBe(true);
    m.train();
    expect(m.modules().every((x) => x.training)).toBe(true);
  });

  it('zeroGrad clears every parameter\'s gradient', () => {
    const m = new nn.Sequential(new nn.Linear(2, 2), new nn.Linear(2, 1));
    m.forward(ag.tensor([[1, 2]])).sum().backward();
    expect(m.parameters().every((p) => p.grad !== null)).toBe(true);
    m.zeroGrad();
    expect(m.parameters().every((p) => p.grad === null)).toBe(true);
  });

  it('to(float32) converts parameters, gradients and float buffers in place; int buffers keep int64', () => {
    const m = new nn.Sequential(new nn.Linear(2, 2), new nn.BatchNorm1d(2));
    const params = m.parameters();
    m.forward(ag.tensor([[1, 2], [3, 5]])).sum().backward();
    expect(m.to('float32') === m).toBe(true);
    expect(m.parameters().every((p, i) => p === params[i] && p.dtype === 'float32' && p.grad!.dtype === 'float32')).toBe(true);
    const bn = m.get(1) as nn.BatchNorm1d;
    expect(bn.runningMean!.dtype).toBe('float32');
    expect(bn.numBatchesTracked!.dtype).toBe('int64');
    expect(m.forward(ag.tensor(np.ones([2, 2], { dtype: 'float32' }))).dtype).toBe('float32');
    expect(m.double().get(0).parameters()[0]!.dtype).toBe('float64');
    expect(m.float().get(0).parameters()[0]!.dtype).toBe('float32');
    expectThrows(() => m.to('int32' as never), np.ValueError, "Module.to expects 'float32' or 'float64', got int32");
  });

  it('apply visits children before their parent', () => {
    const m = new nn.Sequential(new nn.Linear(1, 1), new nn.Sequential(new nn.ReLU()));
    const seen: string[] = [];
    m.apply((x) => seen.push(x.constructor.name));
    expect(seen).toEqual(['ReLU', 'Sequential', 'Linear', 'Sequential']);
    m.apply((x) => {
      if (x instanceof nn.Linear) nn.init.zeros(x.weight);
    });
    expect((m.get(0) as nn.Linear).weight.data.tolist()).toEqual([[0]]);
  });

  it('toString prints PyTorch\'s module tree', () => {
    const m = new nn.Sequential(new nn.Linear(2, 3), new nn.ReLU(), new nn.Sequential(new nn.Dropout(0.25)));
    expect(String(m)).toBe(
      'Sequential(\n  (0): Linear(inFeatures=2, outFeatures=3, bias=true)\n  (1): ReLU()\n  (2): Sequential(\n    (0): Dropout(p=0.25)\n  )\n)',
    );
  });
});

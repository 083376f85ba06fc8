/**
 * The optimizers' class side: PyTorch's defaults, parameter groups (`addParamGroup` and
 * its validation messages, settable `paramGroups[i].lr`), `zeroGrad`, `step` (skips
 * parameters without a gradient, closure, never writes `grad`), float32 parameters, and
 * `stateDict` / `loadStateDict` keyed by parameter name: saving mid-run and loading into a
 * fresh optimizer (also over reordered parameters) continues the run bit for bit. The
 * update rules themselves are checked against NumPy in `test/properties/optim.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { expectThrows, fingerprint } from '../../../test/helpers.js';
import { OPTIMIZERS, buildOptimizer, freshParams, makeProblem, runSteps, type GroupSpec, type Kind } from './optim-helpers.js';

const KINDS = Object.keys(OPTIMIZERS) as Kind[];

function param(values: number[]): nn.Parameter {
  return new nn.Parameter(np.array(values, { dtype: 'float64' }));
}

/** A model with two named parameters, for the name-keyed state dicts. */
class Two extends nn.Module {
  a = param([1, 2, 3]);
  b = param([-1, 0.5]);
}

describe('defaults (PyTorch 2)', () => {
  it('each optimizer fills every hyperparameter with PyTorch\'s default', () => {
    const p = [param([1])];
    const groupOf = (o: nn.optim.Optimizer) => {
      const { params: _p, ...h } = o.paramGroups[0]! as unknown as Record<string, unknown>;
      return h;
    };
    expect(groupOf(new nn.optim.SGD(p))).toEqual({ lr: 1e-3, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false, maximize: false });
    expect(groupOf(new nn.optim.Adagrad(p))).toEqual({ lr: 1e-2, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, maximize: false });
    expect(groupOf(new nn.optim.RMSprop(p))).toEqual({ lr: 1e-2, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false, maximize: false });
    expect(groupOf(new nn.optim.Adam(p))).toEqual({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false, maximize: false });
    expect(groupOf(new nn.optim.AdamW(p))).toEqual({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 1e-2, amsgrad: false, maximize: false });
  });

  it('an option given as undefined keeps the default; toString lists the groups as PyTorch\'s repr', () => {
    const opt = new nn.optim.SGD([param([1])], { lr: undefined, momentum: 0.9 });
    expect(opt.paramGroups[0]!.lr).toBe(1e-3);
    expect(String(opt)).toBe('SGD (\nParameter Group 0\n    dampening: 0\n    lr: 0.001\n    maximize: false\n    momentum: 0.9\n    nesterov: false\n    weightDecay: 0\n)');
  });
});

describe('construction and addParamGroup: PyTorch\'s validation', () => {
  const w = param([1, 2]);

  it('params must be an iterable of tensors, named tensors or groups', () => {
    expectThrows(() => new nn.optim.SGD(w as never), TypeError, 'params argument given to the optimizer should be an iterable of Tensors or dicts, but got Parameter');
    expectThrows(() => new nn.optim.SGD(new Two() as never), TypeError, 'params argument given to the optimizer should be an iterable of Tensors or dicts, but got Two');
    expectThrows(() => new nn.optim.SGD([]), np.ValueError, 'optimizer got an empty parameter list');
    expectThrows(() => new nn.optim.SGD([np.zeros(2)] as never), TypeError, 'optimizer can only optimize Tensors, but one of the params is NDArray');
    expectThrows(() => new nn.optim.SGD([w.mul(2)]), np.ValueError, "can't optimize a non-leaf Tensor");
    expectThrows(
      () => new nn.optim.SGD([{ params: new Set([w]) }] as never),
      TypeError,
      'optimizer parameters need to be organized in ordered collections, but the ordering of tensors in sets will change between runs. Please use a list instead.',
    );
  });

  it('names: all or none, in a group and across groups', () => {
    const v = param([3]);
    expectThrows(() => new nn.optim.SGD([['w', w], v] as never), np.ValueError, 'all optimizer params should be with/without names. Some param names are missing');
    const opt = new nn.optim.SGD([{ params: [w] }]);
    expectThrows(
      () => opt.addParamGroup({ params: [['v', v]] }),
      np.ValueError,
      'all optimizer param groups should be with/without names. cannot add param group with names to the optimizer',
    );
    const named = new nn.optim.SGD([['w', w]]);
    expectThrows(
      () => named.addParamGroup({ params: [v] }),
      np.ValueError,
      'all optimizer param groups should be with/without names. cannot add param group without names to the optimizer',
    );
    expect(named.paramGroups[0]!.paramNames).toEqual(['w']);
  });

  it('no parameter twice, in a group or across groups', () => {
    expectThrows(() => new nn.optim.SGD([w, w]), np.ValueError, 'optimizer contains a parameter group with duplicate parameters');
    expectThrows(() => new nn.optim.SGD([{ params: [w] }, { params: w }]), np.ValueError, 'some parameters appear in more than one parameter group');
    expectThrows(() => new nn.optim.SGD([w]).addParamGroup([w] as never), TypeError, 'param group must be an object with a params entry, but got Array');
  });

  it('addParamGroup: a single tensor, defaults for what the group does not set; paramGroups[i].lr is settable', () => {
    const v = param([3]);
    const opt = new nn.optim.SGD([w], { lr: 0.1, momentum: 0.9 });
    opt.addParamGroup({ params: v, lr: 0.01 });
    expect(opt.paramGroups.length).toBe(2);
    expect(opt.paramGroups[1]!.params[0] === v).toBe(true);
    expect(opt.paramGroups[1]!.lr).toBe(0.01);
    expect(opt.paramGroups[1]!.momentum).toBe(0.9);
    opt.paramGroups[1]!.lr = 0.5;
    v.grad = np.array([2], { dtype: 'float64' });
    opt.step();
    expect(v.data.tolist()).toEqual([3 - 0.5 * 2]);
  });

  it('hyperparameter checks with PyTorch\'s messages (defaults and every group)', () => {
    const p = [param([1])];
    expectThrows(() => new nn.optim.SGD(p, { lr: -1 }), np.ValueError, 'Invalid learning rate: -1');
    expectThrows(() => new nn.optim.SGD(p, { momentum: -0.5 }), np.ValueError, 'Invalid momentum value: -0.5');
    expectThrows(() => new nn.optim.SGD(p, { weightDecay: -1 }), np.ValueError, 'Invalid weightDecay value: -1');
    expectThrows(() => new nn.optim.SGD(p, { nesterov: true }), np.ValueError, 'Nesterov momentum requires a momentum and zero dampening');
    expectThrows(() => new nn.optim.SGD(p, { nesterov: true, momentum: 0.9, dampening: 0.1 }), np.ValueError, 'Nesterov momentum requires a momentum and zero dampening');
    expectThrows(() => new nn.optim.SGD([{ params: p, lr: NaN }]), np.ValueError, 'Invalid learning rate: NaN');
    expectThrows(() => new nn.optim.Adagrad(p, { lrDecay: -1 }), np.ValueError, 'Invalid lrDecay value: -1');
    expectThrows(() => new nn.optim.Adagrad(p, { initialAccumulatorValue: -1 }), np.ValueError, 'Invalid initialAccumulatorValue value: -1');
    expectThrows(() => new nn.optim.Adagrad(p, { eps: -1 }), np.ValueError, 'Invalid epsilon value: -1');
    expectThrows(() => new nn.optim.RMSprop(p, { alpha: -0.1 }), np.ValueError, 'Invalid alpha value: -0.1');
    expectThrows(() => new nn.optim.RMSprop(p, { momentum: -1 }), np.ValueError, 'Invalid momentum value: -1');
    expectThrows(() => new nn.optim.Adam(p, { betas: [1, 0.999] }), np.ValueError, 'Invalid beta parameter at index 0: 1');
    expectThrows(() => new nn.optim.Adam(p, { betas: [0.9, -0.1] }), np.ValueError, 'Invalid beta parameter at index 1: -0.1');
    expectThrows(() => new nn.optim.AdamW(p, { eps: -1e-8 }), np.ValueError, 'Invalid epsilon value: -1e-8');
    expectThrows(() => new nn.optim.AdamW(p).addParamGroup({ params: [param([2])], weightDecay: -2 }), np.ValueError, 'Invalid weightDecay value: -2');
  });
});

describe('step and zeroGrad', () => {
  it('zeroGrad sets grad to null (PyTorch\'s default) or to zeros', () => {
    const w = param([1, 2]);
    const opt = new nn.optim.SGD([w], { lr: 0.1 });
    w.mul(w).sum().backward();
    opt.zeroGrad(false);
    expect(w.grad!.tolist()).toEqual([0, 0]);
    opt.zeroGrad();
    expect(w.grad).toBe(null);
  });

  it('parameters without a gradient are skipped; the closure\'s loss is returned', () => {
    const w = param([1, 2]);
    const v = param([5]);
    const opt = new nn.optim.Adam([w, v], { lr: 0.1 });
    const loss = opt.step(() => {
      opt.zeroGrad();
      const l = w.mul(w).sum();
      l.backward();
      return l;
    });
    expect(loss).toBe(5);
    expect(v.data.tolist()).toEqual([5]);
    expect(opt.state.has(v)).toBe(false);
    expect(opt.state.get(w)!.step).toBe(1);
    // Adam's first step moves every coordinate by lr (m_hat / sqrt(v_hat) = sign(g))
    expect((w.data.tolist() as number[]).map((x) => Math.round(x * 1e6) / 1e6)).toEqual([0.9, 1.9]);
  });

  it('no optimizer writes into grad, with maximize and weight decay', () => {
    for (const kind of KINDS) {
      const w = param([1, -2, 3]);
      const opt = buildOptimizer(kind, [w], [{ idx: [0], hyper: { lr: 0.1, weightDecay: 0.1, maximize: true } }]);
      w.mul(w).sum().backward();
      const g = w.grad!;
      const before = fingerprint(g);
      opt.step();
      opt.step();
      expect(fingerprint(g), kind).toBe(before);
      expect(w.grad === g, kind).toBe(true);
    }
  });

  it('SGD: the momentum buffer starts as the first gradient, undampened (PyTorch\'s rule)', () => {
    const w = param([1, -2]);
    const opt = new nn.optim.SGD([w], { lr: 0.1, momentum: 0.9, dampening: 0.5 });
    w.grad = np.array([4, 2], { dtype: 'float64' });
    opt.step();
    expect(opt.state.get(w)!.momentumBuffer!.tolist()).toEqual([4, 2]);
    expect(w.data.tolist()).toEqual([1 - 0.4, -2 - 0.2]);
    opt.step();
    // buf = 0.9 * buf + (1 - 0.5) * g
    expect(opt.state.get(w)!.momentumBuffer!.tolist()).toEqual([0.9 * 4 + 0.5 * 4, 0.9 * 2 + 0.5 * 2]);
  });

  it('float32 parameters keep float32 data and state', () => {
    for (const kind of KINDS) {
      const w = new nn.Parameter(np.array([1, -2], { dtype: 'float32' }));
      const opt = buildOptimizer(kind, [w], [{ idx: [0], hyper: { lr: 0.1, momentum: 0.5, centered: true, amsgrad: true } }]);
      w.mul(w).sum().backward();
      opt.step();
      expect(w.data.dtype, kind).toBe('float32');
      for (const [k, v] of Object.entries(opt.state.get(w)!)) if (v instanceof np.NDArray) expect(v.dtype, `${kind} ${k}`).toBe('float32');
    }
  });

  it('the update functions work on NDArrays directly', () => {
    const p = np.array([1, 2], { dtype: 'float64' });
    const state: nn.optim.SGDState = { momentumBuffer: null };
    nn.optim.sgdUpdate(p, np.array([0.5, -1], { dtype: 'float64' }), state, { lr: 0.1, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: true, maximize: false });
    // nesterov: g + mu * buf = 1.9 g
    expect(p.tolist()).toEqual([1 - 0.1 * 0.95, 2 + 0.1 * 1.9]);
  });
});

/** Stateful configurations of every optimizer, for the save/load tests. */
const STATEFUL: Record<Kind, GroupSpec['hyper']> = {
  SGD: { lr: 0.05, momentum: 0.9, nesterov: true },
  Adagrad: { lr: 0.1, lrDecay: 0.01 },
  RMSprop: { lr: 0.01, momentum: 0.5, centered: true },
  Adam: { lr: 0.05, amsgrad: true },
  AdamW: { lr: 0.05, weightDecay: 0.1 },
};

describe('stateDict / loadStateDict', () => {
  it('saving mid-run and loading into a fresh optimizer continues identically (every optimizer, two groups)', () => {
    for (const kind of KINDS) {
      const problem = makeProblem('rosenbrock');
      const groups: GroupSpec[] = [
        { idx: [0], hyper: { ...STATEFUL[kind] } },
        { idx: [1], hyper: { ...STATEFUL[kind], lr: (STATEFUL[kind].lr as number) / 2 } },
      ];
      const ref = freshParams(problem);
      const refRows = runSteps(buildOptimizer(kind, ref, groups), ref, problem, 40);

      const params = freshParams(problem);
      const opt = buildOptimizer(kind, params, groups);
      runSteps(opt, params, problem, 20);
      const saved = opt.stateDict();
      // a new optimizer with other hyperparameters over copies of the parameters
      const params2 = params.map((p) => new nn.Parameter(p.data.copy()));
      const opt2 = buildOptimizer(kind, params2, [{ idx: [0], hyper: { lr: 1 } }, { idx: [1], hyper: { lr: 1 } }]);
      opt2.loadStateDict(saved);
      expect(opt2.paramGroups[1]!.lr, kind).toBe(opt.paramGroups[1]!.lr);
      const rest = runSteps(opt2, params2, problem, 20);
      expect(rest, kind).toEqual(refRows.slice(20));
    }
  });

  it('state is saved by parameter name and survives reordering (names from namedParameters)', () => {
    for (const kind of KINDS) {
      const m = new Two();
      const loss = (mod: Two) => mod.a.mul(mod.a).sum().add(mod.b.mul(mod.a.get('0:2')).sum().exp());
      const opt = buildOptimizer(kind, m.parameters(), [{ idx: [0, 1], hyper: STATEFUL[kind] }]);
      const steps = (o: nn.optim.Optimizer, mod: Two, n: number) => {
        for (let i = 0; i < n; i++) {
          o.zeroGrad();
          loss(mod).backward();
          o.step();
        }
      };
      steps(opt, m, 5);
      const saved = opt.stateDict(m.namedParameters());
      expect(Object.keys(saved.state).sort(), kind).toEqual(['a', 'b']);
      expect(saved.paramGroups[0]!.params, kind).toEqual(['a', 'b']);
      const copy = new Two();
      copy.a.data.set('...', m.a.data);
      copy.b.data.set('...', m.b.data);
      // the new optimizer holds the parameters in the other order
      const opt2 = buildOptimizer(kind, [copy.b, copy.a], [{ idx: [0, 1], hyper: STATEFUL[kind] }]);
      opt2.loadStateDict(saved, copy);
      steps(opt, m, 5);
      steps(opt2, copy, 5);
      expect(copy.a.data.tolist(), kind).toEqual(m.a.data.tolist());
      expect(copy.b.data.tolist(), kind).toEqual(m.b.data.tolist());
    }
  });

  it('names given at construction (model.namedParameters()) are used; without names, positions', () => {
    const m = new Two();
    const opt = new nn.optim.Adam(m.namedParameters(), { lr: 0.1 });
    m.a.sum().add(m.b.sum()).backward();
    opt.step();
    const saved = opt.stateDict();
    expect(saved.paramGroups[0]!.params).toEqual(['a', 'b']);
    expect(Object.keys(saved.state)).toEqual(['a', 'b']);
    expect(saved.state.a!.step).toBe(1);
    const unnamed = new nn.optim.Adam(m.parameters(), { lr: 0.1 });
    unnamed.step();
    expect(unnamed.stateDict().paramGroups[0]!.params).toEqual(['0', '1']);
    expect(unnamed.stateDict(new Map<ag.Tensor, string>([[m.a, 'first'], [m.b, 'second']])).paramGroups[0]!.params).toEqual(['first', 'second']);
  });

  it('the saved state is a copy: later steps do not change it, loading copies it again', () => {
    const w = param([1, 2]);
    const opt = new nn.optim.SGD([w], { lr: 0.1, momentum: 0.9 });
    w.grad = np.ones(2);
    opt.step();
    const saved = opt.stateDict();
    const buf = saved.state['0']!.momentumBuffer as np.NDArray;
    opt.step();
    expect(buf.tolist()).toEqual([1, 1]);
    opt.loadStateDict(saved);
    expect(opt.state.get(w)!.momentumBuffer === buf).toBe(false);
    expect(opt.state.get(w)!.momentumBuffer!.tolist()).toEqual([1, 1]);
  });

  it('loading checks groups, sizes, names and shapes', () => {
    const m = new Two();
    const opt = new nn.optim.SGD(m.namedParameters(), { lr: 0.1, momentum: 0.9 });
    m.a.sum().add(m.b.sum()).backward();
    opt.step();
    const saved = opt.stateDict();
    const two = new nn.optim.SGD([{ params: [m.a] }, { params: [m.b] }]);
    expectThrows(() => two.loadStateDict(saved), np.ValueError, 'loaded state dict has a different number of parameter groups');
    const small = new nn.optim.SGD([m.a]);
    expectThrows(() => small.loadStateDict(saved), np.ValueError, "loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
    const renamed = new nn.optim.SGD([['a', m.a], ['c', m.b]]);
    expectThrows(
      () => renamed.loadStateDict(saved),
      np.ValueError,
      "loaded state dict has a parameter 'b' in parameter group 0, which that group of the optimizer does not have",
    );
    const other = new nn.optim.SGD([['a', m.a], ['b', param([1, 2, 3])]]);
    expectThrows(
      () => other.loadStateDict(saved),
      np.ValueError,
      "loaded state of parameter 'b' has 'momentumBuffer' of shape (2,), but the parameter has shape (3,)",
    );
    expectThrows(() => opt.stateDict([['a', m.a]]), np.ValueError, 'parameter 1 of parameter group 0 (shape (2,)) is not among the names given');
    expectThrows(() => opt.stateDict([['x', m.a], ['x', m.b]]), np.ValueError, "two parameters of the optimizer are named 'x'");
  });
});

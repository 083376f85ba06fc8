/**
 * The registry: every function of `@numbat/ndarray` (and of `np.linalg`) is classified,
 * checked at compile time (the `@ts-expect-error` lines below fail `tsc` if the types
 * stop rejecting an incomplete registry or a wrong name) and at run time (the registry's
 * keys are exactly ndarray's function names plus autograd's own).
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';

/** The file functions of ndarray's Node entry, left out of the registry (see registry.ts). */
const NODE_ONLY = ['save', 'load', 'savez', 'savezCompressed', 'loadtxt', 'savetxt'];
const AUTOGRAD_OWN = ['relu', 'sigmoid', 'softplus', 'logsumexp', 'softmax', 'logSoftmax'];

function functionNames(o: object, prefix = ''): string[] {
  return Object.entries(o)
    .filter(([k, v]) => typeof v === 'function' && !/^[A-Z]/.test(k))
    .map(([k]) => prefix + k);
}

describe('the registry', () => {
  it('classifies exactly the functions ndarray exports (np.linalg included) and autograd adds', () => {
    const expected = [...functionNames(np), ...functionNames(np.linalg, 'linalg.'), ...AUTOGRAD_OWN].filter((k) => !NODE_ONLY.includes(k));
    expect(Object.keys(ag.registry).sort()).toEqual([...new Set(expected)].sort());
  });

  it('points every entry with a gradient at the tensor function, and each has a reason or note', () => {
    for (const [name, e] of Object.entries(ag.registry) as [string, ag.Entry][]) {
      if (e.kind === 'notAnOp') expect(e.fn, name).toBeNull();
      if (e.kind === 'noGradient' || e.kind === 'notAnOp' || e.kind === 'zeroGradient') expect(e.note.length, name).toBeGreaterThan(0);
      if (e.kind === 'primitive' || e.kind === 'composite' || e.kind === 'zeroGradient') {
        expect(typeof e.fn, name).toBe('function');
        const key = name.startsWith('linalg.') ? name.slice(7) : name;
        const owner = (name.startsWith('linalg.') ? ag.linalg : ag) as unknown as Record<string, unknown>;
        expect(owner[key] === e.fn, name).toBe(true);
      }
    }
    expect(ag.differentiableNames().length).toBeGreaterThan(130);
    expect(ag.differentiableNames()).toContain('linalg.cholesky');
    expect(ag.differentiableNames()).not.toContain('equal');
  });

  it('rejects, at compile time, a registry with a missing entry and a name without a gradient', () => {
    const { hypot: _dropped, ...incomplete } = ag.registry;
    // @ts-expect-error: without 'hypot' the table does not satisfy Record<RegistryName, Entry>
    void (incomplete satisfies Record<ag.RegistryName, ag.Entry>);
    // @ts-expect-error: 'equal' has no gradient
    const notDifferentiable: ag.DifferentiableName = 'equal';
    // @ts-expect-error: not an ndarray function
    const unknownName: ag.RegistryName = 'notAFunction';
    const ok: ag.DifferentiableName[] = ['add', 'linalg.inv', 'einsum', 'logSoftmax'];
    expect([notDifferentiable, unknownName, ok.length]).toEqual(['equal', 'notAFunction', 4]);
  });

  it('lists the ops without gradients with their reasons', () => {
    const without = Object.entries(ag.registry).filter(([, e]) => e.kind === 'noGradient');
    expect(without.map(([k]) => k)).toEqual(expect.arrayContaining(['equal', 'argmax', 'isnan', 'bitwiseAnd', 'linalg.svd']));
    expect(ag.registry.argmax.note).toBe('integer index output');
  });
});

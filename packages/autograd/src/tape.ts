/**
 * The tape: backward over the recorded graph.
 *
 * 1. An ITERATIVE depth-first walk (an explicit stack, no recursion) orders the nodes
 *    reachable from the roots so that every node comes after the nodes of its inputs; a
 *    100,000-op chain needs no deeper JS stack than a 1-op one.
 * 2. Gradients flow in reverse order. Each rule's result is fitted to its input ONCE,
 *    here: summed over broadcast axes back to the input's shape, checked (a shape that
 *    cannot come from broadcasting the input throws, naming the op), and cast to the
 *    input's float dtype (a non-float gradient throws). Gradients reaching the same
 *    tensor add up.
 * 3. Unless `retainGraph`, every visited node is released afterwards, so the graph's
 *    saved values can be collected and a second backward through it throws.
 *
 * With `createGraph` the rules run with gradient mode on, so the gradients are tensors
 * on a new graph that can be differentiated again (`retainGraph` then defaults to true,
 * as in PyTorch).
 */
import * as np from '@numbat/ndarray';
import type { Node } from './node.js';
import { Tensor } from './tensor.js';
import { isFloat, toTensor, type TensorLike } from './define-op.js';
import { withGradMode } from './grad-mode.js';
import { freedGraphError, gradDTypeError, gradShapeError, implicitGradError, noGradFnError, seedShapeError } from './errors.js';
import { sameShape } from './ops/axes.js';
import { add } from './ops/binary.js';
import { sum } from './ops/reductions.js';
import { astype, reshape } from './ops/shape.js';

/** Options of `backward` and of the functional gradients. */
export interface BackwardOptions {
  /** Keep the graph for another backward (default: `createGraph`). */
  retainGraph?: boolean;
  /** Record the backward pass so the gradients can be differentiated (default false). */
  createGraph?: boolean;
}

/** Nodes reachable from `roots`, inputs before the nodes that use them (iterative DFS). */
function topologicalOrder(roots: readonly Tensor[]): Node[] {
  const order: Node[] = [];
  const seen = new Set<Node>();
  const stack: { node: Node; next: number }[] = [];
  const visit = (node: Node | null): void => {
    if (node === null || seen.has(node)) return;
    if (node.freed) throw freedGraphError(node.name);
    seen.add(node);
    stack.push({ node, next: 0 });
  };
  for (const r of roots) visit(r.node);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const inputs = top.node.inputs;
    if (top.next < inputs.length) {
      const input = inputs[top.next++]!;
      if (input.requiresGrad) visit(input.node);
    } else {
      stack.pop();
      order.push(top.node);
    }
  }
  return order;
}

/** The axes to sum so that a gradient of shape `from` fits `to` (broadcasting in reverse), or null. */
function unbroadcastAxes(from: readonly number[], to: readonly number[]): number[] | null {
  const lead = from.length - to.length;
  if (lead < 0) return null;
  const axes: number[] = [];
  for (let i = 0; i < from.length; i++) {
    if (i < lead) axes.push(i);
    else if (to[i - lead] === 1 && from[i] !== 1) axes.push(i);
    else if (to[i - lead] !== from[i]) return null;
  }
  return axes;
}

/** `g` summed back to `input`'s shape and cast to its dtype; throws naming `op` when it cannot fit. */
function fitGradient(op: string, index: number, g: Tensor, input: Tensor): Tensor {
  let fitted = g;
  if (!sameShape(g.shape, input.shape)) {
    const axes = unbroadcastAxes(g.shape, input.shape);
    if (axes === null) throw gradShapeError(op, index, g.shape, input.shape);
    fitted = reshape(sum(g, { axis: axes, keepdims: true }), input.shape);
  }
  if (fitted.dtype !== input.dtype) {
    if (!isFloat(fitted.dtype)) throw gradDTypeError(op, index, fitted.dtype, input.dtype);
    fitted = astype(fitted, input.dtype);
  }
  return fitted;
}

/** Adds `g` to the gradient collected under `key`. */
function addTo<K>(map: Map<K, Tensor>, key: K, g: Tensor): void {
  const prev = map.get(key);
  map.set(key, prev === undefined ? g : add(prev, g));
}

/** The seed gradient of a root: ones for a one-element root, else the given seed, checked. */
function seedFor(root: Tensor, index: number, seed: TensorLike | undefined): Tensor {
  if (!root.requiresGrad) throw noGradFnError(index);
  if (seed === undefined || seed === null) {
    if (root.size !== 1) throw implicitGradError(root.shape);
    return new Tensor(np.onesLike(root.data));
  }
  const s = toTensor(seed);
  if (!sameShape(s.shape, root.shape)) throw seedShapeError(s.shape, root.shape);
  return s.dtype === root.dtype ? s : astype(s, root.dtype);
}

/**
 * Runs backward from `roots` (with their seeds). With `targets`, returns the gradient of
 * each target (null when none reaches it) and leaves `.grad` alone; without, accumulates
 * into the `.grad` of every leaf reached (and of tensors that called `retainGrad()`).
 */
export function run(roots: readonly Tensor[], seeds: readonly (TensorLike | undefined)[], options: BackwardOptions, targets: readonly Tensor[] | null): (Tensor | null)[] {
  const createGraph = options.createGraph === true;
  const retainGraph = options.retainGraph ?? createGraph;
  const rootSeeds = roots.map((r, i) => withGradMode(createGraph, () => seedFor(r, i, seeds[i])));
  const order = topologicalOrder(roots);
  const pending = new Map<Node, Tensor>();
  const leafGrads = new Map<Tensor, Tensor>();
  const targetOf = new Map<Node, Tensor[]>();
  for (const t of targets ?? []) if (t.node !== null) targetOf.set(t.node, [...(targetOf.get(t.node) ?? []), t]);
  const found = new Map<Tensor, Tensor>();
  withGradMode(createGraph, () => {
    roots.forEach((r, i) => {
      if (r.node === null) addTo(leafGrads, r, rootSeeds[i]!);
      else addTo(pending, r.node, rootSeeds[i]!);
    });
    for (let k = order.length - 1; k >= 0; k--) {
      const node = order[k]!;
      const g = pending.get(node);
      if (g === undefined) continue;
      pending.delete(node);
      for (const t of targetOf.get(node) ?? []) found.set(t, g);
      if (node.retained !== null && targets === null) node.retained.accumulateGrad(createGraph ? g : new Tensor(np.copy(g.data, { order: 'C' })));
      const grads = node.backward(g);
      const inputs = node.inputs;
      for (let i = 0; i < inputs.length; i++) {
        const input = inputs[i]!;
        const gi = grads[i];
        if (!input.requiresGrad || gi === null || gi === undefined) continue;
        const fitted = fitGradient(node.name, i, gi, input);
        if (input.node === null) addTo(leafGrads, input, fitted);
        else addTo(pending, input.node, fitted);
      }
    }
  });
  if (!retainGraph) for (const node of order) node.release();
  if (targets !== null) return targets.map((t) => (t.node === null ? leafGrads.get(t) : found.get(t)) ?? null);
  for (const [leaf, g] of leafGrads) {
    // a stored gradient never aliases another array (rules may pass `g` through unchanged)
    leaf.accumulateGrad(createGraph ? g : new Tensor(np.copy(g.data, { order: 'C' })));
  }
  return [];
}

/**
 * Backpropagates from `roots` into the leaves' `.grad` (`torch.autograd.backward`):
 * `seeds[i]` is the gradient of `roots[i]` (default 1 for one-element roots).
 *
 * @example
 * const x = ag.tensor([1, 2], { requiresGrad: true });
 * ag.backward([x.mul(3)], [[1, 1]]);
 * x.grad; // array([3., 3.])
 */
export function backward(roots: readonly Tensor[], seeds: readonly (TensorLike | undefined)[] = [], options: BackwardOptions = {}): void {
  run(roots, seeds, options, null);
}

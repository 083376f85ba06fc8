/**
 * Functional differentiation, as JAX: `grad(f, argnums)` and `valueAndGrad(f, argnums)`
 * turn a function returning a scalar tensor into one returning its gradients, without
 * touching any `.grad`. Nesting works (`grad(grad(f))`): inside a transform the backward
 * pass is recorded, so the result can be differentiated again.
 *
 * When is the backward recorded (`createGraph`)? When the call is nested inside another
 * `grad`/`valueAndGrad`, or when `f` reaches tensors that require grad other than the
 * differentiated arguments (closures over parameters, as in a contractive penalty), or
 * when a differentiated argument is itself a tensor requiring grad passed while grad mode
 * is on (it belongs to an outer graph), or when `{ createGraph: true }` is passed. A
 * top-level `grad` of data, or under `noGrad`, records nothing, as `torch.autograd.grad`.
 * The transform itself always runs with grad enabled (as `torch.func.grad`), so an
 * enclosing `noGrad` does not change its result.
 */
import * as np from '@numbat/ndarray';
import { Tensor } from './tensor.js';
import { isFloat, type TensorLike } from './define-op.js';
import { intRequiresGradError, shapeStr } from './errors.js';
import { run } from './tape.js';
import { enableGrad, isGradEnabled } from './grad-mode.js';

/** Options of {@link grad} and {@link valueAndGrad}. */
export interface GradOptions {
  /** `f` returns `[output, aux]`; aux is passed through (JAX's `has_aux`). Default false. */
  hasAux?: boolean;
  /** Force recording the backward pass (default: automatic, see the module notes). */
  createGraph?: boolean;
}

/**
 * The arguments of `grad(f, argnums)(...)`: those at `argnums` (N) may also be given as
 * data when `f` takes a tensor there; the others are passed to `f` unchanged.
 */
export type GradArgs<A extends unknown[], N extends number> = { [K in keyof A]: K extends `${N}` ? (A[K] extends Tensor ? TensorLike : A[K]) : A[K] };

let depth = 0;

/** A fresh float leaf requiring grad for a differentiated argument given as data. */
function leafOf(x: unknown): Tensor {
  if (x instanceof Tensor) {
    if (!isFloat(x.dtype)) throw intRequiresGradError(x.dtype);
    return new Tensor(x.data, true);
  }
  if (x instanceof np.NDArray || ArrayBuffer.isView(x)) {
    const a = np.asarray(x as np.ArrayLike);
    if (!isFloat(a.dtype)) throw intRequiresGradError(a.dtype);
    return new Tensor(a, true);
  }
  return new Tensor(np.array(x as np.ArrayLike, { dtype: 'float64' }), true);
}

/** True when the graph under `root` reaches a tensor requiring grad that is not a target. */
function reachesOthers(root: Tensor, targets: readonly Tensor[]): boolean {
  const skip = new Set(targets);
  const seen = new Set<unknown>();
  const stack: Tensor[] = [root];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (skip.has(t) || !t.requiresGrad) continue;
    if (t.node === null) return true;
    if (seen.has(t.node)) continue;
    seen.add(t.node);
    for (const input of t.node.inputs) stack.push(input);
  }
  return false;
}

interface Evaluation {
  value: Tensor;
  aux: unknown;
  grads: Tensor[];
}

function evaluate(f: (...args: never[]) => unknown, args: readonly unknown[], argnums: readonly number[], options: GradOptions): Evaluation {
  const inputs = args.slice();
  // an argument that is already a tensor requiring grad, passed while the caller records,
  // belongs to an outer graph: the gradient must stay differentiable with respect to it
  // (torch.func.grad composes with .backward the same way)
  let outerLeaf = false;
  const targets = argnums.map((i) => {
    if (i < 0 || i >= args.length || !Number.isInteger(i)) throw new np.ValueError(`argnums ${i} is out of range for a call with ${args.length} arguments`);
    const a = args[i];
    const t = a instanceof Tensor && a.requiresGrad ? a : leafOf(a);
    if (t === a && isGradEnabled()) outerLeaf = true;
    inputs[i] = t;
    return t;
  });
  depth++;
  let out: unknown;
  let aux: unknown;
  let grads: (Tensor | null)[];
  try {
    // a function transform ignores an enclosing noGrad (as torch.func.grad): its result must
    // not depend on a context outside f, so f is recorded whatever the caller's grad mode
    out = enableGrad(() => f(...(inputs as never[])));
    if (options.hasAux === true) {
      if (!Array.isArray(out) || out.length !== 2) throw new np.DTypeError('with hasAux, f must return a pair [output, aux]');
      [out, aux] = out as [unknown, unknown];
    }
    if (!(out instanceof Tensor)) throw new np.DTypeError(`grad requires f to return a Tensor, got ${typeof out}`);
    if (out.size !== 1) throw new np.DTypeError(`grad requires f to return a scalar (one-element) tensor; it returned shape ${shapeStr(out.shape)}`);
    const createGraph = options.createGraph ?? (depth > 1 || outerLeaf || reachesOthers(out, targets));
    const result = out;
    grads = result.requiresGrad ? enableGrad(() => run([result], [undefined], { createGraph }, targets)) : targets.map(() => null);
  } finally {
    depth--;
  }
  const value = out as Tensor;
  return {
    value,
    aux,
    grads: grads.map((g, k) => g ?? new Tensor(np.zerosLike(targets[k]!.data))),
  };
}

/**
 * The gradient function of `f` (JAX's `grad`): `grad(f)(x)` is `df/dx` for a function
 * `f` returning a one-element tensor, differentiated with respect to argument `argnums`
 * (default 0), or several arguments when `argnums` is an array (then an array of
 * gradients). Arguments given as data (NDArrays, JS numbers and arrays) become float64
 * leaves; integer arrays throw. Gradients are tensors of the arguments' shapes.
 *
 * @example
 * const df = ag.grad((x: ag.Tensor) => x.pow(3).sum());
 * df(ag.tensor([1, 2])); // tensor([3., 12.])
 * ag.grad(ag.grad((x: ag.Tensor) => x.pow(3)))(2); // tensor(12.)
 */
export function grad<A extends unknown[], const N extends number = 0>(f: (...args: A) => Tensor, argnums?: N, options?: GradOptions): (...args: GradArgs<A, N>) => Tensor;
export function grad<A extends unknown[], const N extends readonly number[]>(f: (...args: A) => Tensor, argnums: N, options?: GradOptions): (...args: GradArgs<A, N[number]>) => Tensor[];
export function grad<A extends unknown[], X, const N extends number = 0>(f: (...args: A) => [Tensor, X], argnums: N | undefined, options: GradOptions & { hasAux: true }): (...args: GradArgs<A, N>) => [Tensor, X];
export function grad<A extends unknown[], X, const N extends readonly number[]>(f: (...args: A) => [Tensor, X], argnums: N, options: GradOptions & { hasAux: true }): (...args: GradArgs<A, N[number]>) => [Tensor[], X];
export function grad(f: (...args: never[]) => unknown, argnums: number | readonly number[] = 0, options: GradOptions = {}): (...args: unknown[]) => unknown {
  const nums = typeof argnums === 'number' ? [argnums] : argnums;
  return (...args: unknown[]) => {
    const e = evaluate(f, args, nums, options);
    const g = typeof argnums === 'number' ? e.grads[0]! : e.grads;
    return options.hasAux === true ? [g, e.aux] : g;
  };
}

/**
 * `f`'s value and gradient in one pass (JAX's `value_and_grad`): returns
 * `[value, gradient]` (or `[value, gradients]` for an array of `argnums`; with `hasAux`,
 * `[[value, aux], gradient]`).
 *
 * @example
 * const [loss, dw] = ag.valueAndGrad((w: ag.Tensor) => w.square().sum())(ag.tensor([1, 2]));
 * loss.item(); // 5
 * dw; // tensor([2., 4.])
 */
export function valueAndGrad<A extends unknown[], const N extends number = 0>(f: (...args: A) => Tensor, argnums?: N, options?: GradOptions): (...args: GradArgs<A, N>) => [Tensor, Tensor];
export function valueAndGrad<A extends unknown[], const N extends readonly number[]>(f: (...args: A) => Tensor, argnums: N, options?: GradOptions): (...args: GradArgs<A, N[number]>) => [Tensor, Tensor[]];
export function valueAndGrad<A extends unknown[], X, const N extends number = 0>(f: (...args: A) => [Tensor, X], argnums: N | undefined, options: GradOptions & { hasAux: true }): (...args: GradArgs<A, N>) => [[Tensor, X], Tensor];
export function valueAndGrad<A extends unknown[], X, const N extends readonly number[]>(f: (...args: A) => [Tensor, X], argnums: N, options: GradOptions & { hasAux: true }): (...args: GradArgs<A, N[number]>) => [[Tensor, X], Tensor[]];
export function valueAndGrad(f: (...args: never[]) => unknown, argnums: number | readonly number[] = 0, options: GradOptions = {}): (...args: unknown[]) => unknown {
  const nums = typeof argnums === 'number' ? [argnums] : argnums;
  return (...args: unknown[]) => {
    const e = evaluate(f, args, nums, options);
    const g = typeof argnums === 'number' ? e.grads[0]! : e.grads;
    const value = e.value.node !== null && e.value.node.freed ? e.value.detach() : e.value;
    return [options.hasAux === true ? [value, e.aux] : value, g];
  };
}

/**
 * Gradients of `outputs` with respect to `inputs` (`torch.autograd.grad`), without
 * touching `.grad`: `seeds` weight each output (default 1 for one-element outputs).
 * Inputs the outputs do not depend on get null.
 *
 * @example
 * const x = ag.tensor([1, 2], { requiresGrad: true });
 * ag.gradients([x.square().sum()], [x])[0]; // tensor([2., 4.])
 */
export function gradients(
  outputs: readonly Tensor[],
  inputs: readonly Tensor[],
  options: { seeds?: readonly (TensorLike | undefined)[]; retainGraph?: boolean; createGraph?: boolean } = {},
): (Tensor | null)[] {
  for (const t of inputs) if (!t.requiresGrad) throw new np.ValueError('every input of gradients() must require grad');
  return run(outputs, options.seeds ?? [], options, inputs);
}

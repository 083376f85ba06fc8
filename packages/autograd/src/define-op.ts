/**
 * `defineOp({ name, forward, backward })`: the one way to add a differentiable primitive.
 *
 * `forward` computes the output NDArray from the inputs' values (NDArrays, or JS numbers
 * and booleans for weak scalars, which reach NumPy's functions unchanged so NEP 50
 * promotion holds: `float32Tensor.mul(2)` stays float32). `backward` returns one gradient
 * per input, written in Tensor ops, so that with `createGraph` the backward pass records
 * itself and can be differentiated again. A rule may return a gradient in the broadcast
 * (output) shape: the tape sums it back to the input's shape, once, for every op.
 *
 * An op records a node only when gradient mode is on, some input requires grad and the
 * output has a float dtype (an integer or bool result is never differentiable).
 */
import * as np from '@numbat/ndarray';
import { Tensor } from './tensor.js';
import { Node } from './node.js';
import { isGradEnabled } from './grad-mode.js';

/** Anything an op accepts as an input: a Tensor, or array-like data (a constant). */
export type TensorLike = Tensor | np.ArrayLike;

/** An input value as `forward` receives it: an NDArray, or a weak JS scalar. */
export type Raw = np.NDArray | number | boolean;

/** What a gradient rule sees. */
export interface OpContext<P> {
  /** The op's inputs, as tensors (weak scalars are constant 0-d tensors with `weak` set). */
  readonly inputs: readonly Tensor[];
  /** The op's output tensor (rules such as `exp` reuse it: `g * output`). */
  readonly output: Tensor;
  /** The op's non-tensor parameters (axes, shapes, indices...). */
  readonly params: P;
  /** Which inputs require grad: a rule may skip the others (return null). */
  readonly needsGrad: readonly boolean[];
}

/** A differentiable primitive: its name, its forward on NDArrays, its gradient rule in Tensor ops. */
export interface OpDef<P = void> {
  /** Name used in errors and as `tensor.gradFn`. */
  readonly name: string;
  /** The output value from the inputs' values and the parameters. */
  forward(inputs: readonly Raw[], params: P): np.NDArray;
  /** The gradient of each input (null: none), given the output's gradient `g`. */
  backward(g: Tensor, ctx: OpContext<P>): readonly (Tensor | null | undefined)[];
}

/** A primitive ready to call: `op([x, y], params)`; `op.def` is its definition. */
export interface Op<P = void> {
  (inputs: readonly TensorLike[], params: P): Tensor;
  readonly def: OpDef<P>;
}

/** True for a float dtype (the only dtypes that carry gradients). */
export function isFloat(dtype: np.DType): boolean {
  return np.DTYPES[dtype].kind === 'f';
}

/**
 * A tensor for an op input: tensors pass through; JS numbers and booleans become weak
 * constants; anything else becomes a constant tensor viewing `np.asarray(x)`.
 */
export function toTensor(x: TensorLike): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x === 'number' || typeof x === 'boolean') return Tensor.weakScalar(x);
  return new Tensor(np.asarray(x));
}

/** The value `forward` receives for a tensor: the weak JS scalar, or the NDArray. */
export function rawOf(t: Tensor): Raw {
  return t.weak ?? t.data;
}

/**
 * Defines a differentiable primitive (see the file header). A function declaration, so
 * that op modules may call it while the module graph is still being evaluated.
 *
 * @example
 * const cube = defineOp({
 *   name: 'cube',
 *   forward: ([x]) => np.power(x!, 3),
 *   backward: (g, { inputs: [x] }) => [g.mul(x!.square()).mul(3)],
 * });
 * cube([ag.tensor(2, { requiresGrad: true })]); // tensor(8.)
 */
export function defineOp<P = void>(def: OpDef<P>): Op<P> {
  const op = (inputs: readonly TensorLike[], params: P): Tensor => apply(def, inputs, params);
  return Object.assign(op, { def });
}

function apply<P>(def: OpDef<P>, inputs: readonly TensorLike[], params: P): Tensor {
  const ts = inputs.map(toTensor);
  const out = def.forward(ts.map(rawOf), params);
  // weak scalars in, a 0-d value out: a weak scalar again (a Python scalar op stays one)
  if (ts.length > 0 && ts.every((t) => t.weak !== null) && out.ndim === 0 && (out.dtype === 'bool' || out.dtype === 'int32' || out.dtype === 'float64')) {
    return Tensor.weakScalar(out.dtype === 'bool' ? Boolean(out.item()) : Number(out.item()));
  }
  if (!isGradEnabled() || !isFloat(out.dtype) || !ts.some((t) => t.requiresGrad)) return new Tensor(out);
  const needsGrad = ts.map((t) => t.requiresGrad);
  let ctx: OpContext<P> | null = null;
  const node = new Node(def.name, ts, (g) => def.backward(g, ctx!));
  const output = Tensor.fromNode(out, node);
  ctx = { inputs: ts, output, params, needsGrad };
  return output;
}

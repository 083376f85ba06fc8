/**
 * A node of the tape: the record one differentiable op leaves on its output tensor. It
 * holds the op's name, its input tensors and a closure computing the inputs' gradients
 * from the output's gradient. `release()` drops both (PyTorch frees saved tensors after
 * backward), so a backward that reaches a released node knows the graph was freed.
 */
import type { Tensor } from './tensor.js';

/** The gradient rule of one recorded op: one entry per input, null when it gets none. */
export type BackwardFn = (g: Tensor) => readonly (Tensor | null | undefined)[];

/** One recorded op on the tape (internal). */
export class Node {
  /** The op's name, used in error messages and as the tensor's `gradFn`. */
  readonly name: string;
  #inputs: readonly Tensor[] | null;
  #backward: BackwardFn | null;
  /** A non-leaf tensor that asked to keep its gradient (`retainGrad()`), if any. */
  retained: Tensor | null = null;

  constructor(name: string, inputs: readonly Tensor[], backward: BackwardFn) {
    this.name = name;
    this.#inputs = inputs;
    this.#backward = backward;
  }

  /** True once a backward without `retainGraph` has released this node. */
  get freed(): boolean {
    return this.#inputs === null;
  }

  /** The op's input tensors (empty once freed). */
  get inputs(): readonly Tensor[] {
    return this.#inputs ?? [];
  }

  /** Runs the gradient rule; the caller checks `freed` first. */
  backward(g: Tensor): readonly (Tensor | null | undefined)[] {
    return this.#backward!(g);
  }

  /** Drops the inputs and the rule (with everything it saved). */
  release(): void {
    this.#inputs = null;
    this.#backward = null;
  }
}

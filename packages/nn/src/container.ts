/**
 * Containers: `Sequential` (a chain of modules, each one's output the next one's input)
 * and `ModuleList` (a list of modules that registers them, for models that loop over
 * layers themselves). Both keep their items in a private array and list them to the
 * Module walk as `'0'`, `'1'`, ... (or under the names given to `Sequential`), so the
 * state-dict keys are PyTorch's (`'0.weight'`).
 */
import * as np from '@numbat/ndarray';
import type * as ag from '@numbat/autograd';
import { Module } from './module.js';

function checkModule(m: unknown, where: string): Module {
  if (!(m instanceof Module)) throw new TypeError(`${where}: ${m === null ? 'null' : typeof m} is not a Module subclass`);
  return m;
}

/** A position in `[-length, length)` as a non-negative index (PyTorch's negative indexing). */
function position(i: number, length: number, kind: string): number {
  if (!Number.isInteger(i)) throw new TypeError(`${kind} indices must be integers, got ${i}`);
  const j = i < 0 ? i + length : i;
  if (j < 0 || j >= length) throw new np.IndexError(`index ${i} is out of range`);
  return j;
}

/**
 * A chain of modules (`torch.nn.Sequential`): `forward(x)` feeds `x` through each in turn.
 * Built from modules (named '0', '1', ...) or from a record or Map of named modules (as
 * PyTorch's `OrderedDict` form). Indexable with `get(i)` (negative from the end),
 * iterable, with `length`, `append`, `slice`.
 *
 * @example
 * const model = new nn.Sequential(new nn.Linear(2, 8), new nn.ReLU(), new nn.Linear(8, 1));
 * model.forward(ag.tensor([[0, 1]])).shape; // [1, 1]
 * model.get(-1) instanceof nn.Linear; // true
 */
export class Sequential extends Module implements Iterable<Module> {
  readonly #items: [string, Module][] = [];

  constructor(...modules: Module[] | [Readonly<Record<string, Module>> | ReadonlyMap<string, Module>]) {
    super();
    const first = modules[0] as unknown;
    if (modules.length === 1 && !(first instanceof Module) && first !== null && typeof first === 'object') {
      const entries = first instanceof Map ? [...(first as ReadonlyMap<string, Module>)] : Object.entries(first as Record<string, Module>);
      for (const [k, m] of entries) this.#add(k, m);
    } else {
      for (const m of modules as unknown[]) this.#add(String(this.#items.length), m);
    }
  }

  #add(name: string, m: unknown): void {
    if (name.includes('.') || name === '') throw new np.ValueError(`module name can't contain "." or be empty, got "${name}"`);
    if (this.#items.some(([k]) => k === name)) throw new np.ValueError(`module name "${name}" appears twice`);
    this.#items.push([name, checkModule(m, 'Sequential')]);
  }

  protected override ownMembers(): [string, unknown][] {
    return [...this.#items, ...super.ownMembers()];
  }

  /** The number of modules. */
  get length(): number {
    return this.#items.length;
  }

  /** The module at position `i` (negative counts from the end). @example seq.get(0); */
  get(i: number): Module {
    return this.#items[position(i, this.#items.length, 'Sequential')]![1];
  }

  /** Adds a module at the end (named by its position); returns this. @example seq.append(new nn.ReLU()); */
  append(module: Module): this {
    let k = this.#items.length;
    while (this.#items.some(([n]) => n === String(k))) k++;
    this.#add(String(k), module);
    return this;
  }

  /**
   * A new Sequential of the modules in `[start, end)` (PyTorch's `seq[start:end]`), sharing
   * them (not copies); names are kept.
   *
   * @example
   * const encoder = model.slice(0, 2);
   */
  slice(start = 0, end = this.#items.length): Sequential {
    return sequentialOf(this.#items.slice(start, end));
  }

  /** Iterates over the modules. */
  [Symbol.iterator](): Iterator<Module> {
    return this.#items.map(([, m]) => m)[Symbol.iterator]();
  }

  /** Feeds `input` through every module in order. @example seq.forward(x); */
  override forward(input: ag.Tensor): ag.Tensor {
    let x = input;
    for (const [, m] of this.#items) x = m.forward(x);
    return x;
  }
}

/** A Sequential of named modules (outside the class body, so the bundle keeps the class's name). */
function sequentialOf(entries: [string, Module][]): Sequential {
  return new Sequential(new Map(entries));
}

/**
 * A list of modules that registers them (`torch.nn.ModuleList`): use it where a plain JS
 * array would hide the layers from `parameters()` and the state dict. Indexable with
 * `get(i)` / `set(i, m)`, iterable, with `length`, `append`, `extend`, `insert`. It has no
 * `forward`: the owning module loops over it.
 *
 * @example
 * class Deep extends nn.Module {
 *   layers = new nn.ModuleList([1, 2, 3].map(() => new nn.Linear(4, 4)));
 *   override forward(x: ag.Tensor): ag.Tensor {
 *     for (const l of this.layers) x = l.forward(x).tanh();
 *     return x;
 *   }
 * }
 * new Deep().namedParameters()[0]![0]; // 'layers.0.weight'
 */
export class ModuleList<M extends Module = Module> extends Module implements Iterable<M> {
  readonly #items: M[] = [];

  constructor(modules: Iterable<M> = []) {
    super();
    for (const m of modules) this.#items.push(checkModule(m, 'ModuleList') as M);
  }

  protected override ownMembers(): [string, unknown][] {
    return [...this.#items.map((m, i): [string, unknown] => [String(i), m]), ...super.ownMembers()];
  }

  /** The number of modules. */
  get length(): number {
    return this.#items.length;
  }

  /** The module at position `i` (negative counts from the end). @example list.get(0); */
  get(i: number): M {
    return this.#items[position(i, this.#items.length, 'ModuleList')]!;
  }

  /** Replaces the module at position `i`. @example list.set(0, new nn.Linear(2, 2)); */
  set(i: number, module: M): void {
    this.#items[position(i, this.#items.length, 'ModuleList')] = checkModule(module, 'ModuleList') as M;
  }

  /** Adds a module at the end; returns this. @example list.append(new nn.ReLU()); */
  append(module: M): this {
    this.#items.push(checkModule(module, 'ModuleList') as M);
    return this;
  }

  /** Adds modules at the end; returns this. @example list.extend([new nn.ReLU()]); */
  extend(modules: Iterable<M>): this {
    for (const m of modules) this.append(m);
    return this;
  }

  /** Inserts a module before position `index` (clamped, negative from the end, as Python's `list.insert`). @example list.insert(0, m); */
  insert(index: number, module: M): void {
    const n = this.#items.length;
    const j = index < 0 ? Math.max(0, index + n) : Math.min(index, n);
    this.#items.splice(j, 0, checkModule(module, 'ModuleList') as M);
  }

  /** Iterates over the modules. */
  [Symbol.iterator](): Iterator<M> {
    return this.#items.slice()[Symbol.iterator]();
  }
}

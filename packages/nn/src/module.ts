/**
 * `nn.Module`: the base of every layer and model (PyTorch's `torch.nn.Module`).
 *
 * Registration is by walking, not by bookkeeping: a module's Parameters and child Modules
 * are its own enumerable properties holding a `Parameter` or a `Module`, found in
 * insertion order whenever they are asked for (JS class fields are assigned after
 * `super()` returns, so nothing could be registered in the base constructor). Anything
 * else (numbers, plain tensors, JS arrays of modules, `#private` fields) is not
 * registered, as PyTorch ignores plain lists: use `ModuleList` for a list of modules.
 * Containers override {@link Module.ownMembers} to list their items under `'0'`, `'1'`...
 *
 * Buffers (state that is saved but not learned, like BatchNorm's running statistics) live
 * in a per-module map filled by `registerBuffer`, exposed as a property of the same name.
 *
 * Orders and names are PyTorch's: a module lists its own parameters (then buffers), then
 * its children's, depth first, keys joined by '.' (`'0.weight'`, `'encoder.1.bias'`).
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import { Parameter } from './parameter.js';

/** A state dict: parameter and buffer values by dotted name, in PyTorch's order. */
export type StateDict = Record<string, np.NDArray>;

/** A state dict as {@link Module.loadStateDict} accepts it: a record or a Map of arrays or tensors. */
export type StateDictLike = Readonly<Record<string, np.NDArray | ag.Tensor>> | ReadonlyMap<string, np.NDArray | ag.Tensor>;

/** The float dtypes a module can be converted to. */
export type FloatDType = 'float32' | 'float64';

/** Options of {@link Module.loadStateDict}. */
export interface LoadStateDictOptions {
  /** Throw when keys are missing or unexpected (default true). Shape mismatches always throw. */
  strict?: boolean;
}

/** What {@link Module.loadStateDict} found (PyTorch's `_IncompatibleKeys`). */
export interface IncompatibleKeys {
  /** Keys the module expects but the state dict lacks. */
  missingKeys: string[];
  /** Keys of the state dict the module does not have. */
  unexpectedKeys: string[];
}

/** Options of {@link Module.registerBuffer}. */
export interface RegisterBufferOptions {
  /** Include the buffer in the state dict (default true). */
  persistent?: boolean;
}

interface BufferSlot {
  value: np.NDArray | null;
  persistent: boolean;
}

function checkMemberName(kind: string, name: string): void {
  if (name.includes('.')) throw new np.ValueError(`${kind} name can't contain "."`);
  if (name === '') throw new np.ValueError(`${kind} name can't be empty string ""`);
}

/** The property descriptor of `name` on `obj` or its prototype chain. */
function findProperty(obj: object, name: string): PropertyDescriptor | undefined {
  for (let o: object | null = obj; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d !== undefined) return d;
  }
  return undefined;
}

function shapeStr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** Replaces a parameter's array (dtype conversion by `to`): optimizers keep the same Parameter object. */
function replaceData(p: ag.Tensor, data: np.NDArray): void {
  (p as { data: np.NDArray }).data = data;
}

/**
 * Base class of all layers and models (`torch.nn.Module`). Subclass it, assign Parameters
 * and Modules to properties in the constructor and implement `forward`; call the model
 * with `model.forward(x)`.
 *
 * @example
 * class Net extends nn.Module {
 *   fc1 = new nn.Linear(2, 8);
 *   fc2 = new nn.Linear(8, 1);
 *   override forward(x: ag.Tensor): ag.Tensor {
 *     return this.fc2.forward(this.fc1.forward(x).relu());
 *   }
 * }
 * const net = new Net();
 * net.namedParameters().map(([k]) => k); // ['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']
 */
export class Module {
  /** True in training mode (the default), false after `eval()`: Dropout, BatchNorm and RReLU read it. */
  training = true;
  readonly #buffers = new Map<string, BufferSlot>();

  /**
   * The computation, implemented by every subclass; users call it directly
   * (`model.forward(x)`). The base implementation throws, as PyTorch's.
   */
  forward(...inputs: unknown[]): ag.Tensor {
    void inputs;
    throw new np.ValueError(`Module [${this.constructor.name}] is missing the required "forward" function`);
  }

  /**
   * This module's own attributes as `[name, value]` pairs, in order: by default its own
   * enumerable properties. Containers override it to list their items. Only values that
   * are Parameters or Modules are registered.
   */
  protected ownMembers(): [string, unknown][] {
    return Object.entries(this);
  }

  /** Own parameters, in order (not recursive; the same Parameter may appear under two names). */
  #ownParameters(): [string, Parameter][] {
    return this.ownMembers().filter((e): e is [string, Parameter] => e[1] instanceof Parameter);
  }

  /** Own buffers that are set (not null), in registration order. */
  #ownBuffers(persistentOnly: boolean): [string, np.NDArray][] {
    const out: [string, np.NDArray][] = [];
    for (const [k, slot] of this.#buffers) if (slot.value !== null && (slot.persistent || !persistentOnly)) out.push([k, slot.value]);
    return out;
  }

  /** Every `[name, child]`, a module shared under two names listed twice (the state dict keeps both keys, as PyTorch). */
  #childEntries(): [string, Module][] {
    return this.ownMembers().filter((e): e is [string, Module] => isModule(e[1]));
  }

  /**
   * The direct child modules with their names (`named_children`), each module once.
   *
   * @example
   * new nn.Sequential(new nn.Linear(1, 1), new nn.ReLU()).namedChildren().map(([k]) => k); // ['0', '1']
   */
  namedChildren(): [string, Module][] {
    const seen = new Set<Module>();
    const out: [string, Module][] = [];
    for (const [k, v] of this.ownMembers()) {
      if (isModule(v) && !seen.has(v)) {
        seen.add(v);
        out.push([k, v]);
      }
    }
    return out;
  }

  /** The direct child modules (`children`). @example new nn.Sequential(new nn.ReLU()).children().length; // 1 */
  children(): Module[] {
    return this.namedChildren().map(([, m]) => m);
  }

  /**
   * Every module of the tree, this one first (named ''), depth first, each once
   * (`named_modules`).
   *
   * @example
   * new nn.Sequential(new nn.Linear(1, 1)).namedModules().map(([k]) => k); // ['', '0']
   */
  namedModules(prefix = ''): [string, Module][] {
    const out: [string, Module][] = [];
    const seen = new Set<Module>();
    // an explicit stack: deep (or cyclic) trees cannot overflow the call stack
    const stack: [string, Module][] = [[prefix, this]];
    while (stack.length > 0) {
      const [name, m] = stack.pop()!;
      if (seen.has(m)) continue;
      seen.add(m);
      out.push([name, m]);
      const kids = m.namedChildren();
      for (let i = kids.length - 1; i >= 0; i--) {
        const [k, c] = kids[i]!;
        stack.push([name === '' ? k : `${name}.${k}`, c]);
      }
    }
    return out;
  }

  /** Every module of the tree, this one first (`modules`). @example new nn.Sequential(new nn.ReLU()).modules().length; // 2 */
  modules(): Module[] {
    return this.namedModules().map(([, m]) => m);
  }

  /**
   * Parameters with their dotted names, each Parameter once (`named_parameters`): a
   * module's own first, then its children's.
   *
   * @example
   * new nn.Sequential(new nn.Linear(2, 1)).namedParameters().map(([k]) => k); // ['0.weight', '0.bias']
   */
  namedParameters(prefix = '', recurse = true): [string, Parameter][] {
    const seen = new Set<Parameter>();
    const out: [string, Parameter][] = [];
    const mods: [string, Module][] = recurse ? this.namedModules(prefix) : [[prefix, this]];
    for (const [mp, m] of mods) {
      for (const [k, p] of m.#ownParameters()) {
        if (seen.has(p)) continue;
        seen.add(p);
        out.push([mp === '' ? k : `${mp}.${k}`, p]);
      }
    }
    return out;
  }

  /** The parameters, each once, in `namedParameters` order (what optimizers take). @example new nn.Linear(2, 1).parameters().length; // 2 */
  parameters(recurse = true): Parameter[] {
    return this.namedParameters('', recurse).map(([, p]) => p);
  }

  /**
   * Buffers (persistent or not) with their dotted names (`named_buffers`).
   *
   * @example
   * new nn.BatchNorm1d(3).namedBuffers().map(([k]) => k); // ['runningMean', 'runningVar', 'numBatchesTracked']
   */
  namedBuffers(prefix = '', recurse = true): [string, np.NDArray][] {
    const seen = new Set<np.NDArray>();
    const out: [string, np.NDArray][] = [];
    const mods: [string, Module][] = recurse ? this.namedModules(prefix) : [[prefix, this]];
    for (const [mp, m] of mods) {
      for (const [k, b] of m.#ownBuffers(false)) {
        if (seen.has(b)) continue;
        seen.add(b);
        out.push([mp === '' ? k : `${mp}.${k}`, b]);
      }
    }
    return out;
  }

  /** The buffers, in `namedBuffers` order. @example new nn.BatchNorm1d(3).buffers().length; // 3 */
  buffers(recurse = true): np.NDArray[] {
    return this.namedBuffers('', recurse).map(([, b]) => b);
  }

  /**
   * Registers a buffer: an array saved in the state dict (unless `persistent: false`) and
   * converted by `to`, but not a parameter (`register_buffer`). The buffer is then a
   * property of the module (`this.runningMean`); `null` registers an unset buffer.
   *
   * @example
   * class Counter extends nn.Module {
   *   constructor() { super(); this.registerBuffer('count', np.zeros(1)); }
   * }
   * Object.keys(new Counter().stateDict()); // ['count']
   */
  registerBuffer(name: string, value: np.NDArray | null, options: RegisterBufferOptions = {}): void {
    checkMemberName('buffer', name);
    if (!(value === null || value instanceof np.NDArray)) {
      throw new TypeError(`cannot assign '${typeof value}' object to buffer '${name}' (NDArray or null required)`);
    }
    if (!this.#buffers.has(name)) {
      let existing = findProperty(this, name);
      // a field declared without a value (`runningMean!: NDArray`) is an own undefined property: take it over
      if (existing !== undefined && Object.hasOwn(this, name) && existing.value === undefined && existing.get === undefined) existing = undefined;
      if (existing !== undefined && existing.get === undefined) throw new np.ValueError(`attribute '${name}' already exists`);
      // a subclass's typed accessor of the same name (`get runningMean()`) reads the buffer itself
      if (existing === undefined) Object.defineProperty(this, name, {
        configurable: true,
        enumerable: false,
        get: () => this.#buffers.get(name)?.value ?? null,
        set: (v: np.NDArray | null) => this.setBuffer(name, v),
      });
    }
    this.#buffers.set(name, { value, persistent: options.persistent ?? true });
  }

  /** Replaces the value of a registered buffer. @example bn.setBuffer('runningMean', np.zeros(3)); */
  setBuffer(name: string, value: np.NDArray | null): void {
    const slot = this.#buffers.get(name);
    if (slot === undefined) throw new np.ValueError(`${this.constructor.name} has no buffer \`${name}\``);
    if (!(value === null || value instanceof np.NDArray)) {
      throw new TypeError(`cannot assign '${typeof value}' object to buffer '${name}' (NDArray or null required)`);
    }
    slot.value = value;
  }

  /**
   * The buffer at a dotted path (`get_buffer`): `model.getBuffer('1.runningMean')`.
   *
   * @example
   * new nn.BatchNorm1d(2).getBuffer('runningVar')?.tolist(); // [1, 1]
   */
  getBuffer(target: string): np.NDArray | null {
    const dot = target.lastIndexOf('.');
    const mod = dot < 0 ? this : this.getSubmodule(target.slice(0, dot));
    const name = target.slice(dot + 1);
    const slot = mod.#buffers.get(name);
    if (slot === undefined) throw new np.ValueError(`${mod.constructor.name} has no buffer \`${name}\``);
    return slot.value;
  }

  /**
   * The submodule at a dotted path (`get_submodule`); '' is this module.
   *
   * @example
   * new nn.Sequential(new nn.Linear(1, 1)).getSubmodule('0') instanceof nn.Linear; // true
   */
  getSubmodule(target: string): Module {
    if (target === '') return this;
    let mod: Module = this;
    for (const item of target.split('.')) {
      const next = mod.ownMembers().find(([k]) => k === item)?.[1];
      if (!isModule(next)) throw new np.ValueError(`${mod.constructor.name} has no attribute \`${item}\``);
      mod = next;
    }
    return mod;
  }

  /**
   * The parameter at a dotted path (`get_parameter`).
   *
   * @example
   * new nn.Sequential(new nn.Linear(2, 1)).getParameter('0.bias').shape; // [1]
   */
  getParameter(target: string): Parameter {
    const dot = target.lastIndexOf('.');
    const mod = dot < 0 ? this : this.getSubmodule(target.slice(0, dot));
    const name = target.slice(dot + 1);
    const p = mod.ownMembers().find(([k]) => k === name)?.[1];
    if (!(p instanceof Parameter)) throw new np.ValueError(`${mod.constructor.name} has no parameter \`${name}\``);
    return p;
  }

  /**
   * Assigns a parameter under a computed name (`register_parameter`); the same as
   * `this[name] = param`. `null` leaves the slot unset.
   *
   * @example
   * const m = new nn.Module();
   * m.registerParameter('scale', new nn.Parameter(np.ones(1)));
   * m.parameters().length; // 1
   */
  registerParameter(name: string, param: Parameter | null): void {
    checkMemberName('parameter', name);
    if (!(param === null || param instanceof Parameter)) throw new TypeError(`cannot assign object to parameter '${name}' (nn.Parameter or null required)`);
    if (this.#buffers.has(name)) throw new np.ValueError(`attribute '${name}' already exists`);
    (this as unknown as Record<string, unknown>)[name] = param;
  }

  /**
   * Assigns a child module under a computed name (`add_module` / `register_module`); the
   * same as `this[name] = module`.
   *
   * @example
   * const m = new nn.Module();
   * m.addModule('fc', new nn.Linear(1, 1));
   * m.namedParameters().map(([k]) => k); // ['fc.weight', 'fc.bias']
   */
  addModule(name: string, module: Module | null): void {
    checkMemberName('module', name);
    if (!(module === null || isModule(module))) throw new TypeError(`${typeof module} is not a Module subclass`);
    if (this.#buffers.has(name)) throw new np.ValueError(`attribute '${name}' already exists`);
    (this as unknown as Record<string, unknown>)[name] = module;
  }

  /** The same as {@link Module.addModule} (`register_module`). @example m.registerModule('act', new nn.ReLU()); */
  registerModule(name: string, module: Module | null): void {
    this.addModule(name, module);
  }

  /**
   * The state: every parameter and persistent buffer by dotted name (`state_dict`), in
   * PyTorch's order (a module's parameters, then its buffers, then its children's). The
   * arrays are the live ones, not copies (as PyTorch's detached tensors share storage):
   * copy them (`np.copy`) to keep a snapshot while training goes on.
   *
   * @example
   * Object.keys(new nn.Sequential(new nn.Linear(2, 1)).stateDict()); // ['0.weight', '0.bias']
   */
  stateDict(): StateDict {
    const out: StateDict = {};
    const visit = (m: Module, prefix: string, path: Set<Module>): void => {
      for (const [k, p] of m.#ownParameters()) out[prefix + k] = p.data;
      for (const [k, b] of m.#ownBuffers(true)) out[prefix + k] = b;
      path.add(m);
      for (const [k, c] of m.#childEntries()) if (!path.has(c)) visit(c, `${prefix}${k}.`, path);
      path.delete(m);
    };
    visit(this, '', new Set());
    return out;
  }

  /**
   * Copies values into the parameters and buffers, in place (`load_state_dict`): the
   * Parameter objects stay the same (optimizers keep working). Values are cast to each
   * parameter's dtype. Throws `ValueError` (PyTorch: `RuntimeError`) with PyTorch's
   * message listing missing and unexpected keys when `strict` (the default), and for
   * every shape mismatch regardless of `strict`. Returns the incompatible keys.
   *
   * @example
   * const a = new nn.Linear(2, 1), b = new nn.Linear(2, 1);
   * b.loadStateDict(a.stateDict()); // { missingKeys: [], unexpectedKeys: [] }
   */
  loadStateDict(stateDict: StateDictLike, options: LoadStateDictOptions = {}): IncompatibleKeys {
    if (stateDict === null || typeof stateDict !== 'object') {
      throw new TypeError(`Expected state_dict to be dict-like, got ${typeof stateDict}.`);
    }
    const given = new Map<string, np.NDArray | ag.Tensor>(stateDict instanceof Map ? stateDict : Object.entries(stateDict));
    const targets = new Map<string, np.NDArray>();
    const visit = (m: Module, prefix: string, path: Set<Module>): void => {
      for (const [k, p] of m.#ownParameters()) targets.set(prefix + k, p.data);
      for (const [k, b] of m.#ownBuffers(true)) targets.set(prefix + k, b);
      path.add(m);
      for (const [k, c] of m.#childEntries()) if (!path.has(c)) visit(c, `${prefix}${k}.`, path);
      path.delete(m);
    };
    visit(this, '', new Set());

    const missingKeys: string[] = [];
    const errors: string[] = [];
    const pending: [np.NDArray, np.NDArray][] = [];
    for (const [key, dst] of targets) {
      const v = given.get(key);
      if (v === undefined) {
        missingKeys.push(key);
        continue;
      }
      const src = v instanceof ag.Tensor ? v.data : np.asarray(v);
      if (src.shape.length !== dst.shape.length || src.shape.some((n, i) => n !== dst.shape[i])) {
        errors.push(`size mismatch for ${key}: copying a param with shape ${shapeStr(src.shape)} from checkpoint, the shape in current model is ${shapeStr(dst.shape)}.`);
        continue;
      }
      pending.push([dst, src]);
    }
    const unexpectedKeys = [...given.keys()].filter((k) => !targets.has(k));
    if (options.strict ?? true) {
      if (unexpectedKeys.length > 0) errors.unshift(`Unexpected key(s) in state_dict: ${unexpectedKeys.map((k) => `"${k}"`).join(', ')}. `);
      if (missingKeys.length > 0) errors.unshift(`Missing key(s) in state_dict: ${missingKeys.map((k) => `"${k}"`).join(', ')}. `);
    }
    if (errors.length > 0) throw new np.ValueError(`Error(s) in loading state_dict for ${this.constructor.name}:\n\t${errors.join('\n\t')}`);
    // copy only once everything checked out: a failed load leaves the model unchanged
    for (const [dst, src] of pending) if (dst !== src) dst.set('...', np.astype(src, dst.dtype));
    return { missingKeys, unexpectedKeys };
  }

  /**
   * Sets training mode on this module and every descendant (`train`); returns this.
   *
   * @example
   * const m = new nn.Dropout(0.5).train(false);
   * m.training; // false
   */
  train(mode = true): this {
    for (const m of this.modules()) m.training = mode;
    return this;
  }

  /** Evaluation mode: `train(false)` (`eval`); returns this. @example model.eval(); */
  eval(): this {
    return this.train(false);
  }

  /** Clears every parameter's gradient (`zero_grad(set_to_none=True)`). @example model.zeroGrad(); */
  zeroGrad(): void {
    for (const p of this.parameters()) p.zeroGrad();
  }

  /**
   * Converts every floating parameter, gradient and buffer to `dtype` (`module.to(dtype)`),
   * keeping the Parameter objects (optimizers built before still hold them); integer
   * buffers (`numBatchesTracked`) keep their dtype. Returns this.
   *
   * @example
   * const m = new nn.Linear(2, 1).to('float32');
   * m.weight.dtype; // 'float32'
   */
  to(dtype: FloatDType): this {
    if (dtype !== 'float32' && dtype !== 'float64') throw new np.ValueError(`Module.to expects 'float32' or 'float64', got ${String(dtype)}`);
    const isFloat = (a: np.NDArray): boolean => np.DTYPES[a.dtype].kind === 'f';
    for (const p of this.parameters()) {
      if (!isFloat(p.data) || p.dtype === dtype) continue;
      const g = p.grad;
      replaceData(p, np.astype(p.data, dtype));
      if (g !== null) p.grad = np.astype(g, dtype);
    }
    for (const m of this.modules()) {
      for (const [k, slot] of m.#buffers) {
        if (slot.value !== null && isFloat(slot.value) && slot.value.dtype !== dtype) m.#buffers.set(k, { ...slot, value: np.astype(slot.value, dtype) });
      }
    }
    return this;
  }

  /** `to('float32')` (`float()`). @example new nn.Linear(1, 1).float().weight.dtype; // 'float32' */
  float(): this {
    return this.to('float32');
  }

  /** `to('float64')` (`double()`). @example new nn.Linear(1, 1).double().weight.dtype; // 'float64' */
  double(): this {
    return this.to('float64');
  }

  /**
   * Calls `fn` on every descendant, then on this module (`apply`): custom initialisation.
   * Returns this.
   *
   * @example
   * model.apply((m) => { if (m instanceof nn.Linear) nn.init.zeros(m.bias!); });
   */
  apply(fn: (module: Module) => void): this {
    const mods = this.modules();
    for (let i = mods.length - 1; i >= 0; i--) fn(mods[i]!);
    return this;
  }

  /** The module's settings for `toString` (`extra_repr`); override in layers. @example new nn.Linear(2, 1).extraRepr(); // 'inFeatures=2, outFeatures=1, bias=true' */
  extraRepr(): string {
    return '';
  }

  /**
   * PyTorch's module printout: the class name, `extraRepr()`, and the children indented.
   *
   * @example
   * String(new nn.Sequential(new nn.ReLU())); // 'Sequential(\n  (0): ReLU()\n)'
   */
  toString(): string {
    const extra = this.extraRepr();
    const kids = this.namedChildren();
    const lines: string[] = extra === '' ? [] : extra.split('\n');
    for (const [k, m] of kids) lines.push(`(${k}): ${String(m).replace(/\n/g, '\n  ')}`);
    const name = this.constructor.name;
    if (kids.length === 0 && lines.length <= 1) return `${name}(${lines[0] ?? ''})`;
    return `${name}(\n  ${lines.join('\n  ')}\n)`;
  }

  /** Node's `console.log` shows `toString()`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/**
 * `v instanceof Module`, outside the class body: a class that names itself in its own
 * body is emitted by the bundler as `var Module = class _Module`, and `constructor.name`
 * (used in messages and printouts) would read `_Module`.
 */
function isModule(v: unknown): v is Module {
  return v instanceof Module;
}

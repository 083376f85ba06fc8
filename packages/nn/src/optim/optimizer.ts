/**
 * The optimizer base class (PyTorch's `torch.optim.Optimizer`): parameter groups, per-
 * parameter state, `step`, `zeroGrad`, `stateDict` / `loadStateDict`.
 *
 * Design:
 * - A subclass supplies the hyperparameter defaults, their validation (PyTorch's
 *   messages), the lazy initial state of one parameter, and the update of one parameter;
 *   the update itself is a pure function on NDArrays exported beside the class (as
 *   PyTorch's `sgd.py` pairs `SGD` with `sgd()`), so the math sits on one screen.
 * - State is keyed by the parameter object (a `Map<Tensor, state>`), never by position.
 * - Saved state is keyed by parameter NAME, so a saved optimizer loads into one built over
 *   the same parameters in another order (see {@link Optimizer.stateDict} for how names
 *   are found).
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';

/** A parameter with its name, as `module.namedParameters()` yields them: `['0.weight', w]`. */
export type NamedParameter = readonly [string, ag.Tensor];

/** What an optimizer optimizes: tensors, or named tensors (`model.namedParameters()`). */
export type ParamsInput = Iterable<ag.Tensor> | Iterable<NamedParameter>;

/** The hyperparameters every optimizer has. */
export interface OptimizerOptions {
  /** The learning rate (settable per group: `opt.paramGroups[0].lr = 0.01`). */
  lr: number;
}

/** A parameter group as given to the constructor or {@link Optimizer.addParamGroup}: its tensors and any hyperparameters that differ from the defaults. */
export type ParamGroupInput<O extends OptimizerOptions = OptimizerOptions> = Partial<O> & {
  /** The group's tensors: one tensor, tensors, or `[name, tensor]` pairs. */
  params: ag.Tensor | ParamsInput;
};

/** A parameter group held by an optimizer: every hyperparameter filled in (settable), and its tensors. */
export type ParamGroup<O extends OptimizerOptions = OptimizerOptions> = O & {
  /** The tensors of this group, in the order given. */
  params: ag.Tensor[];
  /** Their names, when the group was given `[name, tensor]` pairs. */
  paramNames?: string[];
  /** The learning rate a scheduler started from (PyTorch's `initial_lr`, set by schedulers). */
  initialLr?: number;
};

/** One value of a parameter's optimizer state: a buffer shaped like the parameter, or a number (`step`). */
export type StateValue = np.NDArray | number;

/** A parameter's optimizer state (`{ step: 3, expAvg: NDArray, ... }`). */
export type ParamState = Record<string, StateValue | null | undefined>;

/** A saved parameter group: its hyperparameters and the NAMES of its parameters. */
export type SavedParamGroup = Record<string, unknown> & { params: string[] };

/**
 * An optimizer's saved state (PyTorch's `optimizer.state_dict()` with names where PyTorch
 * has integer ids): `state` maps a parameter's name to its state (copies of the buffers),
 * `paramGroups` lists each group's hyperparameters with `params` = its parameters' names.
 */
export interface OptimizerStateDict {
  /** Parameter name -> that parameter's state (parameters without state yet are absent). */
  state: Record<string, Record<string, StateValue>>;
  /** One entry per parameter group, in order. */
  paramGroups: SavedParamGroup[];
}

/**
 * Where parameter names come from when saving or loading: `model.namedParameters()` (or
 * any `[name, tensor]` pairs), a `Map` from tensor to name, or a module itself (anything
 * with `namedParameters()`).
 */
export type ParamNames =
  | Iterable<NamedParameter>
  | ReadonlyMap<ag.Tensor, string>
  | { namedParameters(): Iterable<NamedParameter> };

/** The type name used in messages: the constructor name of objects, `typeof` otherwise. */
export function typeName(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'object' || typeof x === 'function') {
    const ctor = (x as { constructor?: { name?: string } }).constructor;
    return ctor?.name !== undefined && ctor.name !== '' ? ctor.name : 'object';
  }
  return typeof x;
}

/** Copies `options` without its undefined entries (so `{ lr: undefined }` keeps the default). */
export function definedOnly<T extends object>(options: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(options)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

function isNamedPair(x: unknown): x is NamedParameter {
  return Array.isArray(x) && x.length === 2 && typeof x[0] === 'string';
}

function isGroupInput(x: unknown): boolean {
  return x !== null && typeof x === 'object' && !(x instanceof ag.Tensor) && !Array.isArray(x) && 'params' in x;
}

function isIterable(x: unknown): x is Iterable<unknown> {
  return x !== null && x !== undefined && typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

function cloneValue(v: unknown): unknown {
  if (v instanceof np.NDArray) return v.copy();
  if (Array.isArray(v)) return v.map(cloneValue);
  return v;
}

function shapeText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * The base of every optimizer (PyTorch's `torch.optim.Optimizer`). Holds `paramGroups`
 * (each hyperparameter settable per group: `opt.paramGroups[1].lr = 1e-4`) and `state`
 * (a `Map` from parameter to its state). Subclasses implement `validate`, `initState` and
 * `update`; `step()` applies `update` to every parameter that has a gradient.
 *
 * Differences from PyTorch: the hyperparameters of every group are validated (PyTorch
 * checks only the defaults); a group with the same parameter twice is an error (PyTorch
 * warns that it will be); `stateDict()` names parameters instead of numbering them and
 * returns copies of the buffers.
 *
 * @example
 * const opt = new nn.optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
 * opt.zeroGrad();
 * lossFn(model.forward(x), y).backward();
 * opt.step();
 */
export abstract class Optimizer<O extends OptimizerOptions = OptimizerOptions, S extends ParamState = ParamState> {
  /** The hyperparameters a group gets when it does not set them. */
  readonly defaults: O;
  /** The parameter groups, in order. */
  readonly paramGroups: ParamGroup<O>[] = [];
  /** Per-parameter state, keyed by the parameter itself (created on its first step). */
  readonly state: Map<ag.Tensor, S> = new Map();

  /**
   * @param params tensors, `[name, tensor]` pairs (`model.namedParameters()`, which makes
   *   saved state carry the names), or parameter groups `{ params, ...hyperparameters }`.
   * @param defaults every hyperparameter, already merged with the class's defaults.
   */
  constructor(params: ParamsInput | Iterable<ParamGroupInput<O>>, defaults: O) {
    this.validate(defaults);
    this.defaults = defaults;
    if (params instanceof ag.Tensor || !isIterable(params)) {
      throw new TypeError(`params argument given to the optimizer should be an iterable of Tensors or dicts, but got ${typeName(params)}`);
    }
    const list: unknown[] = [...(params as Iterable<unknown>)];
    if (list.length === 0) throw new np.ValueError('optimizer got an empty parameter list');
    const groups = isGroupInput(list[0]) ? (list as ParamGroupInput<O>[]) : [{ params: list } as unknown as ParamGroupInput<O>];
    for (const g of groups) this.addParamGroup(g);
  }

  /** Throws `ValueError` with PyTorch's message when a hyperparameter is out of range. */
  protected abstract validate(options: O): void;

  /** The state of `param` before its first update (buffers shaped like `param`). */
  protected abstract initState(param: np.NDArray, group: ParamGroup<O>): S;

  /** Updates `param` (in place) and `state` from the gradient `grad`, with `group`'s hyperparameters. */
  protected abstract update(param: np.NDArray, grad: np.NDArray, state: S, group: ParamGroup<O>): void;

  /**
   * Adds a parameter group (PyTorch's `add_param_group`), e.g. to train layers that were
   * frozen. Hyperparameters not given take the optimizer's defaults. Checks, with
   * PyTorch's messages: an object with `params`; an ordered collection (not a Set); every
   * element a tensor, and a leaf; all named or none; no parameter twice in the group nor
   * in another group.
   *
   * @example
   * opt.addParamGroup({ params: head.parameters(), lr: 1e-3 });
   */
  addParamGroup(paramGroup: ParamGroupInput<O>): void {
    if (paramGroup === null || typeof paramGroup !== 'object' || Array.isArray(paramGroup) || paramGroup instanceof ag.Tensor) {
      throw new TypeError(`param group must be an object with a params entry, but got ${typeName(paramGroup)}`);
    }
    const { params: given, paramNames: _ignored, ...options } = paramGroup as ParamGroupInput<O> & { paramNames?: unknown };
    let items: unknown[];
    if (given instanceof ag.Tensor) items = [given];
    else if (given instanceof Set) {
      throw new TypeError('optimizer parameters need to be organized in ordered collections, but the ordering of tensors in sets will change between runs. Please use a list instead.');
    } else if (isIterable(given)) items = [...given];
    else throw new TypeError(`optimizer can only optimize Tensors, but one of the params is ${typeName(given)}`);

    const tensors: unknown[] = [];
    const names: string[] = [];
    for (const item of items) {
      if (isNamedPair(item)) {
        names.push(item[0]);
        tensors.push(item[1]);
      } else tensors.push(item);
    }
    if (names.length !== 0 && names.length !== tensors.length) {
      throw new np.ValueError('all optimizer params should be with/without names. Some param names are missing');
    }
    for (const t of tensors) {
      if (!(t instanceof ag.Tensor)) throw new TypeError(`optimizer can only optimize Tensors, but one of the params is ${typeName(t)}`);
      if (!t.isLeaf) throw new np.ValueError("can't optimize a non-leaf Tensor");
    }
    const named = names.length !== 0;
    if (this.paramGroups.length !== 0 && (this.paramGroups[0]!.paramNames !== undefined) !== named) {
      throw new np.ValueError(`all optimizer param groups should be with/without names. cannot add param group ${named ? 'with' : 'without'} names to the optimizer`);
    }
    const merged = { ...this.defaults, ...definedOnly(options) } as O;
    this.validate(merged);
    const list = tensors as ag.Tensor[];
    if (new Set(list).size !== list.length) throw new np.ValueError('optimizer contains a parameter group with duplicate parameters');
    for (const g of this.paramGroups) {
      for (const p of g.params) if (list.includes(p)) throw new np.ValueError('some parameters appear in more than one parameter group');
    }
    const group = { ...merged, params: list } as ParamGroup<O>;
    if (named) group.paramNames = names;
    this.paramGroups.push(group);
  }

  /**
   * Clears the gradient of every parameter: `grad = null` (PyTorch's default
   * `set_to_none=True`), or zero-filled arrays with `setToNone = false`.
   *
   * @example
   * opt.zeroGrad();
   */
  zeroGrad(setToNone = true): void {
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        if (p.grad === null) continue;
        if (setToNone) p.zeroGrad();
        else p.grad = np.zerosLike(p.grad);
      }
    }
  }

  /**
   * One optimization step: every parameter with a gradient is updated in place
   * (`param.data`); parameters whose `grad` is null are skipped, as PyTorch. `closure`,
   * when given, is called first (with gradient recording on) to recompute the loss; its
   * value is returned as a number.
   *
   * @example
   * opt.step();
   * const loss = opt.step(() => { opt.zeroGrad(); const l = lossFn(model.forward(x), y); l.backward(); return l; });
   */
  step(closure?: () => ag.Tensor | number): number | undefined {
    let loss: number | undefined;
    if (closure !== undefined) {
      const l = ag.enableGrad(closure);
      loss = typeof l === 'number' ? l : l.item();
    }
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        const grad = p.grad;
        if (grad === null) continue;
        let s = this.state.get(p);
        if (s === undefined) {
          s = this.initState(p.data, group);
          this.state.set(p, s);
        }
        this.update(p.data, grad, s, group);
      }
    }
    return loss;
  }

  /**
   * The names of each group's parameters: from `names` when given (every parameter must
   * be found there), else the names the groups were built with (`[name, tensor]` pairs),
   * else each parameter's position over all groups as a string (`'0'`, `'1'`, ...: PyTorch's
   * integer ids, which do NOT survive reordering).
   */
  #groupNames(names?: ParamNames): string[][] {
    let lookup: ReadonlyMap<ag.Tensor, string> | null = null;
    if (names !== undefined) {
      if (names instanceof Map) lookup = names as ReadonlyMap<ag.Tensor, string>;
      else {
        const pairs = isIterable(names) ? (names as Iterable<NamedParameter>) : (names as { namedParameters(): Iterable<NamedParameter> }).namedParameters();
        const m = new Map<ag.Tensor, string>();
        for (const [n, t] of pairs) if (!m.has(t)) m.set(t, n);
        lookup = m;
      }
    }
    let index = 0;
    const seen = new Set<string>();
    return this.paramGroups.map((g, gi) =>
      g.params.map((p, k) => {
        let n: string | undefined;
        if (lookup !== null) {
          n = lookup.get(p);
          if (n === undefined) throw new np.ValueError(`parameter ${k} of parameter group ${gi} (shape ${shapeText(p.shape)}) is not among the names given`);
        } else n = g.paramNames !== undefined ? g.paramNames[k]! : String(index);
        index++;
        if (seen.has(n)) throw new np.ValueError(`two parameters of the optimizer are named '${n}'`);
        seen.add(n);
        return n;
      }),
    );
  }

  /**
   * The optimizer's state as plain data (PyTorch's `state_dict()`): `state` maps each
   * parameter's NAME to a copy of its state, `paramGroups` gives each group's
   * hyperparameters with `params` = the names of its parameters.
   *
   * Names come from, in order: `names` (`model.namedParameters()`, a module, or a
   * `Map<tensor, name>`); else the names the optimizer was built with (when it was given
   * `model.namedParameters()`); else positions over all groups (`'0'`, `'1'`, ..., as
   * PyTorch's ids: such a state loads back only into the same parameter order).
   *
   * @example
   * const saved = opt.stateDict(model.namedParameters());
   * opt2.loadStateDict(saved, model2.namedParameters());
   */
  stateDict(names?: ParamNames): OptimizerStateDict {
    const groupNames = this.#groupNames(names);
    const state: Record<string, Record<string, StateValue>> = {};
    const paramGroups: SavedParamGroup[] = this.paramGroups.map((g, gi) => {
      const { params, paramNames: _n, ...hyper } = g as ParamGroup<O> & Record<string, unknown>;
      const saved: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(hyper)) saved[k] = cloneValue(v);
      params.forEach((p, k) => {
        const s = this.state.get(p);
        if (s === undefined) return;
        const copy: Record<string, StateValue> = {};
        for (const [key, v] of Object.entries(s)) if (v !== null && v !== undefined) copy[key] = cloneValue(v) as StateValue;
        state[groupNames[gi]![k]!] = copy;
      });
      return { ...saved, params: [...groupNames[gi]!] };
    });
    return { state, paramGroups };
  }

  /**
   * Restores a state saved by {@link stateDict} (PyTorch's `load_state_dict`): each saved
   * name is matched to this optimizer's parameter of the same name in the same group
   * (names found as in `stateDict`, from `names` when given), state buffers are copied
   * and cast to the parameter's dtype, and each group's hyperparameters are replaced by the
   * saved ones. Errors (PyTorch's where it has them): a different number of groups; a
   * group of a different size; a saved name that the group does not have; a buffer whose
   * shape differs from its parameter's.
   *
   * @example
   * opt.loadStateDict(saved, model.namedParameters());
   */
  loadStateDict(stateDict: OptimizerStateDict, names?: ParamNames): void {
    const groups = this.paramGroups;
    const saved = stateDict.paramGroups;
    if (groups.length !== saved.length) throw new np.ValueError('loaded state dict has a different number of parameter groups');
    groups.forEach((g, gi) => {
      if (g.params.length !== saved[gi]!.params.length) {
        throw new np.ValueError("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
      }
    });
    const groupNames = this.#groupNames(names);
    const newState = new Map<ag.Tensor, S>();
    groups.forEach((g, gi) => {
      const byName = new Map(groupNames[gi]!.map((n, k) => [n, g.params[k]!] as const));
      for (const n of saved[gi]!.params) {
        const p = byName.get(n);
        if (p === undefined) {
          throw new np.ValueError(`loaded state dict has a parameter '${n}' in parameter group ${gi}, which that group of the optimizer does not have`);
        }
        const s = stateDict.state[n];
        if (s === undefined) continue;
        const copy: Record<string, StateValue> = {};
        for (const [key, v] of Object.entries(s)) {
          if (v instanceof np.NDArray) {
            if (v.shape.length !== p.shape.length || v.shape.some((d, i) => d !== p.shape[i])) {
              throw new np.ValueError(`loaded state of parameter '${n}' has '${key}' of shape ${shapeText(v.shape)}, but the parameter has shape ${shapeText(p.shape)}`);
            }
            copy[key] = v.astype(p.dtype);
          } else copy[key] = v;
        }
        newState.set(p, copy as S);
      }
    });
    groups.forEach((g, gi) => {
      const { params: _p, paramNames: _n, ...hyper } = saved[gi]!;
      const target = g as unknown as Record<string, unknown>;
      for (const k of Object.keys(target)) if (k !== 'params' && k !== 'paramNames') delete target[k];
      for (const [k, v] of Object.entries(hyper)) target[k] = cloneValue(v);
    });
    this.state.clear();
    for (const [p, s] of newState) this.state.set(p, s);
  }

  /** PyTorch's repr: the class name and each group's hyperparameters, sorted by name. */
  toString(): string {
    let out = `${this.constructor.name} (`;
    this.paramGroups.forEach((g, i) => {
      out += `\nParameter Group ${i}\n`;
      for (const k of Object.keys(g).sort()) {
        if (k === 'params' || k === 'paramNames') continue;
        const v = (g as unknown as Record<string, unknown>)[k];
        out += `    ${k}: ${Array.isArray(v) ? `(${v.join(', ')})` : String(v)}\n`;
      }
    });
    return `${out})`;
  }
}

/** Throws PyTorch's `Invalid <what>: <value>` unless `0 <= value` (NaN fails too). */
export function checkNonNegative(value: number, what: string): void {
  if (!(value >= 0)) throw new np.ValueError(`Invalid ${what}: ${value}`);
}

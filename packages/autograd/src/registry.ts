/**
 * The registry: every function `@numbat/ndarray` exports (and every `np.linalg` one),
 * classified, with the tensor function that differentiates it.
 *
 * Completeness is checked by the compiler: the table `satisfies Record<RegistryName,
 * Entry>`, where `RegistryName` is computed from ndarray's exported names (every callable
 * export that is not a class, plus `linalg.<name>` for `np.linalg`, plus the activations
 * autograd adds). A function added to ndarray without an entry here fails `tsc` with
 * "Property '<name>' is missing"; a stale entry fails as an unknown property. An entry
 * is one of:
 * - `primitive`: a `defineOp` with its own gradient rule next to its forward;
 * - `composite`: built from primitives (its gradient follows from theirs);
 * - `zeroGradient`: piecewise constant, gradient 0 (PyTorch's choice for floor, sign...);
 * - `noGradient`: no gradient, with the reason (boolean/integer output, or not implemented);
 * - `notAnOp`: not a function of array values (creation, I/O, printing, in-place writes).
 * `DifferentiableName` (the first three kinds) is derived from the table, and the
 * property tests key their cases by it, so an op without a gradient check fails `tsc` too.
 */
import * as np from '@numbat/ndarray';
import * as ops from './ops/index.js';
import * as linalg from './ops/linalg.js';

/** Any function. */
type AnyFn = (...args: never[]) => unknown;

/** The names of the callable, non-class exports of a module. */
type FunctionNames<T> = { [K in keyof T]: T[K] extends AnyFn ? K : never }[keyof T] & string;

/**
 * The file functions of ndarray's Node entry (`@numbat/ndarray` resolves to it under Node
 * only): file I/O, not ops. They are left out so the registry type-checks against both
 * entries; a new Node-only export must be added here.
 */
type NodeOnlyName = 'save' | 'load' | 'savez' | 'savezCompressed' | 'loadtxt' | 'savetxt';

/**
 * Every function `@numbat/ndarray` exports, with `np.linalg`'s as `linalg.<name>`. (The
 * `np.random` namespace is not classified: its draws do not depend on array values.)
 */
export type NdarrayFunctionName = Exclude<FunctionNames<typeof np>, NodeOnlyName> | `linalg.${FunctionNames<typeof np.linalg>}`;

/** The functions autograd adds (PyTorch's names): numerically delicate primitives. */
export type AutogradFunctionName = 'relu' | 'sigmoid' | 'softplus' | 'logsumexp' | 'softmax' | 'logSoftmax';

/** Every name the registry must classify. */
export type RegistryName = NdarrayFunctionName | AutogradFunctionName;

/** The kinds of entries (see the file header). */
export type EntryKind = 'primitive' | 'composite' | 'zeroGradient' | 'noGradient' | 'notAnOp';

/** One registry entry: its kind, the tensor function (null when there is none) and a note or reason. */
export interface Entry<K extends EntryKind = EntryKind> {
  readonly kind: K;
  readonly fn: AnyFn | null;
  readonly note: string;
}

const primitive = (fn: AnyFn, note = ''): Entry<'primitive'> => ({ kind: 'primitive', fn, note });
const composite = (fn: AnyFn, note: string): Entry<'composite'> => ({ kind: 'composite', fn, note });
const zeroGradient = (fn: AnyFn): Entry<'zeroGradient'> => ({ kind: 'zeroGradient', fn, note: 'piecewise constant: zero gradient, as PyTorch' });
const noGradient = (reason: string, fn: AnyFn | null = null): Entry<'noGradient'> => ({ kind: 'noGradient', fn, note: reason });
const notAnOp = (reason: string): Entry<'notAnOp'> => ({ kind: 'notAnOp', fn: null, note: reason });

const BOOL = 'boolean output';
const INDEX = 'integer index output';
const BITS = 'integer/boolean bitwise operation';
const CREATE = 'creation: the result does not depend on array values (use ag.tensor on the result)';
const CONVERT = 'conversion: use ag.tensor / ag.asTensor, tensor.item(), tensor.tolist()';
const IN_PLACE = 'in-place write into an NDArray, not recorded (build new tensors with where, concatenate or get instead)';
const PRINT = 'printing';
const DTYPE = 'dtype and shape queries';
const IO = 'file and bytes I/O';
const LINALG_SCOPE = "gradient not implemented (issue 5's linalg scope is inv, solve, det, slogdet, cholesky)";

/**
 * The registry (see the file header). `registry.add.fn` is `ag.add`; `registry.equal`
 * says why `equal` has no gradient.
 *
 * @example
 * ag.registry.floor.kind; // 'zeroGradient'
 * ag.registry['linalg.inv'].kind; // 'primitive'
 */
export const registry = {
  // element-wise arithmetic and math (ufuncs)
  add: primitive(ops.add),
  subtract: primitive(ops.subtract),
  multiply: primitive(ops.multiply),
  divide: primitive(ops.divide),
  power: primitive(ops.power, 'd/da = 0 where b == 0; d/db = 0 where a == 0 and b >= 0'),
  mod: primitive(ops.mod, 'd/db = -floor(a / b)'),
  negative: primitive(ops.negative),
  positive: primitive(ops.positive),
  abs: primitive(ops.abs, "abs'(0) = 0"),
  square: primitive(ops.square),
  reciprocal: primitive(ops.reciprocal),
  sqrt: primitive(ops.sqrt),
  cbrt: primitive(ops.cbrt),
  exp: primitive(ops.exp),
  exp2: primitive(ops.exp2),
  expm1: primitive(ops.expm1),
  log: primitive(ops.log),
  log2: primitive(ops.log2),
  log10: primitive(ops.log10),
  log1p: primitive(ops.log1p),
  sin: primitive(ops.sin),
  cos: primitive(ops.cos),
  tan: primitive(ops.tan),
  arcsin: primitive(ops.arcsin),
  arccos: primitive(ops.arccos),
  arctan: primitive(ops.arctan),
  arctan2: primitive(ops.arctan2),
  sinh: primitive(ops.sinh),
  cosh: primitive(ops.cosh),
  tanh: primitive(ops.tanh),
  arcsinh: primitive(ops.arcsinh),
  arccosh: primitive(ops.arccosh),
  arctanh: primitive(ops.arctanh),
  hypot: primitive(ops.hypot),
  copysign: primitive(ops.copysign, 'gradient to a only'),
  deg2rad: primitive(ops.deg2rad),
  rad2deg: primitive(ops.rad2deg),
  maximum: primitive(ops.maximum, 'ties split evenly; NaN: no gradient'),
  minimum: primitive(ops.minimum, 'ties split evenly; NaN: no gradient'),
  fmax: primitive(ops.fmax, 'ties split evenly; the non-NaN input gets it all'),
  fmin: primitive(ops.fmin, 'ties split evenly; the non-NaN input gets it all'),
  clip: primitive(ops.clip, 'bounds inclusive for a (PyTorch clamp); lo > hi: all to hi'),
  where: primitive(ops.where, 'no gradient to the condition'),
  sign: zeroGradient(ops.sign),
  floor: zeroGradient(ops.floor),
  ceil: zeroGradient(ops.ceil),
  trunc: zeroGradient(ops.trunc),
  rint: zeroGradient(ops.rint),
  round: zeroGradient(ops.round),
  floorDivide: zeroGradient(ops.floorDivide),
  heaviside: zeroGradient(ops.heaviside),
  // no gradient: boolean, integer or bitwise results
  equal: noGradient(BOOL, ops.equal),
  notEqual: noGradient(BOOL, ops.notEqual),
  less: noGradient(BOOL, ops.less),
  lessEqual: noGradient(BOOL, ops.lessEqual),
  greater: noGradient(BOOL, ops.greater),
  greaterEqual: noGradient(BOOL, ops.greaterEqual),
  logicalAnd: noGradient(BOOL, ops.logicalAnd),
  logicalOr: noGradient(BOOL, ops.logicalOr),
  logicalXor: noGradient(BOOL, ops.logicalXor),
  logicalNot: noGradient(BOOL, ops.logicalNot),
  isnan: noGradient(BOOL, ops.isnan),
  isinf: noGradient(BOOL, ops.isinf),
  isfinite: noGradient(BOOL, ops.isfinite),
  isclose: noGradient(BOOL, ops.isclose),
  allclose: noGradient(BOOL, ops.allclose),
  arrayEqual: noGradient(BOOL, ops.arrayEqual),
  any: noGradient(BOOL, ops.any),
  all: noGradient(BOOL, ops.all),
  bitwiseAnd: noGradient(BITS, ops.bitwiseAnd),
  bitwiseOr: noGradient(BITS, ops.bitwiseOr),
  bitwiseXor: noGradient(BITS, ops.bitwiseXor),
  invert: noGradient(BITS, ops.invert),
  argmax: noGradient(INDEX, ops.argmax),
  argmin: noGradient(INDEX, ops.argmin),
  nanargmax: noGradient(INDEX, ops.nanargmax),
  nanargmin: noGradient(INDEX, ops.nanargmin),
  argsort: noGradient(INDEX, ops.argsort),
  argpartition: noGradient(INDEX, ops.argpartition),
  nonzero: noGradient(INDEX, ops.nonzero),
  argwhere: noGradient(INDEX, ops.argwhere),
  flatnonzero: noGradient(INDEX, ops.flatnonzero),
  searchsorted: noGradient(INDEX, ops.searchsorted),
  countNonzero: noGradient('integer count output', ops.countNonzero),
  unique: noGradient('a set of values, not differentiable in PyTorch either (torch.unique)', ops.unique),
  // reductions and statistics
  sum: primitive(ops.sum),
  prod: primitive(ops.prod, 'exact with zeros'),
  max: primitive(ops.max, 'ties split evenly'),
  min: primitive(ops.min, 'ties split evenly'),
  amax: primitive(ops.amax, 'ties split evenly'),
  amin: primitive(ops.amin, 'ties split evenly'),
  nanmax: primitive(ops.nanmax, 'ties split evenly'),
  nanmin: primitive(ops.nanmin, 'ties split evenly'),
  ptp: composite(ops.ptp, 'max - min'),
  mean: primitive(ops.mean),
  var: primitive(ops.var, 'ddof'),
  std: primitive(ops.std, 'ddof; 0 where std is 0'),
  nanvar: primitive(ops.nanvar),
  nanstd: primitive(ops.nanstd),
  nansum: composite(ops.nansum, 'sum with NaN as 0'),
  nanprod: composite(ops.nanprod, 'prod with NaN as 1'),
  nanmean: composite(ops.nanmean, 'nansum / count'),
  cumsum: primitive(ops.cumsum),
  cumprod: primitive(ops.cumprod, 'exact with zeros'),
  nancumsum: composite(ops.nancumsum, 'cumsum with NaN as 0'),
  nancumprod: composite(ops.nancumprod, 'cumprod with NaN as 1'),
  diff: composite(ops.diff, 'slices and subtract'),
  average: composite(ops.average, 'sum(x w) / sum(w)'),
  median: primitive(ops.median, 'gradient to the middle element(s)'),
  percentile: primitive(ops.percentile, 'linear, lower, higher, midpoint, nearest'),
  quantile: primitive(ops.quantile, 'linear, lower, higher, midpoint, nearest'),
  nanmedian: primitive(ops.nanmedian),
  nanpercentile: primitive(ops.nanpercentile),
  nanquantile: primitive(ops.nanquantile),
  logsumexp: primitive(ops.logsumexp, 'stable'),
  // products
  matmul: primitive(ops.matmul),
  dot: primitive(ops.dot),
  vdot: primitive(ops.vdot),
  inner: primitive(ops.inner),
  outer: composite(ops.outer, 'multiply of reshaped inputs'),
  tensordot: primitive(ops.tensordot),
  einsum: primitive(ops.einsum, 'gradients are einsums; diagonals and ellipses included'),
  trace: primitive(ops.trace),
  kron: composite(ops.kron, 'multiply of reshaped inputs'),
  // shape, joining, indexing
  reshape: primitive(ops.reshape),
  ravel: primitive(ops.ravel),
  flatten: primitive(ops.flatten),
  transpose: primitive(ops.transpose),
  swapaxes: primitive(ops.swapaxes),
  moveaxis: primitive(ops.moveaxis),
  expandDims: primitive(ops.expandDims),
  squeeze: primitive(ops.squeeze),
  broadcastTo: primitive(ops.broadcastTo),
  broadcastArrays: composite(ops.broadcastArrays, 'broadcastTo'),
  atleast1d: primitive(ops.atleast1d),
  atleast2d: primitive(ops.atleast2d),
  concatenate: primitive(ops.concatenate),
  stack: primitive(ops.stack),
  vstack: composite(ops.vstack, 'atleast2d + concatenate'),
  hstack: composite(ops.hstack, 'atleast1d + concatenate'),
  split: composite(ops.split, 'slices (get)'),
  arraySplit: composite(ops.arraySplit, 'slices (get)'),
  tile: primitive(ops.tile),
  repeat: composite(ops.repeat, 'a gather with repeated indices (get)'),
  flip: primitive(ops.flip),
  roll: primitive(ops.roll),
  pad: primitive(ops.pad),
  diag: primitive(ops.diag, 'of a matrix: a gather (get)'),
  meshgrid: composite(ops.meshgrid, 'reshape + broadcastTo'),
  get: primitive(ops.get, 'scatter-add backward; repeated indices add up'),
  take: primitive(ops.take),
  takeAlongAxis: primitive(ops.takeAlongAxis),
  sort: primitive(ops.sort, 'gradient follows the stable argsort'),
  partition: primitive(ops.partition, 'gradient follows argpartition'),
  copy: primitive(ops.copy),
  ascontiguousarray: primitive(ops.ascontiguousarray),
  asfortranarray: primitive(ops.asfortranarray),
  astype: primitive(ops.astype, 'float to float; integer results do not require grad'),
  // activations (autograd's own names)
  relu: primitive(ops.relu, "relu'(0) = 0"),
  sigmoid: primitive(ops.sigmoid, 'stable'),
  softplus: primitive(ops.softplus, 'stable'),
  softmax: primitive(ops.softmax, 'stable'),
  logSoftmax: primitive(ops.logSoftmax, 'stable'),
  // linear algebra
  'linalg.inv': primitive(linalg.inv),
  'linalg.solve': primitive(linalg.solve),
  'linalg.det': primitive(linalg.det, 'needs an invertible matrix'),
  'linalg.slogdet': primitive(linalg.slogdet, 'logabsdet; the sign is constant'),
  'linalg.cholesky': primitive(linalg.cholesky, 'reads and differentiates one triangle, as NumPy'),
  'linalg.norm': composite(linalg.norm, '2-norm/Frobenius a primitive (0 at 0); matrix orders 2, -2, nuc unsupported'),
  'linalg.eigh': noGradient(LINALG_SCOPE),
  'linalg.eigvalsh': noGradient(LINALG_SCOPE),
  'linalg.svd': noGradient(LINALG_SCOPE),
  'linalg.qr': noGradient(LINALG_SCOPE),
  'linalg.lstsq': noGradient(LINALG_SCOPE),
  'linalg.pinv': noGradient(LINALG_SCOPE),
  'linalg.matrixRank': noGradient('integer output'),
  // not functions of array values
  array: notAnOp(CONVERT),
  asarray: notAnOp(CONVERT),
  item: notAnOp(CONVERT),
  tolist: notAnOp(CONVERT),
  iterate: notAnOp(CONVERT),
  arange: notAnOp(CREATE),
  linspace: notAnOp(CREATE),
  logspace: notAnOp(CREATE),
  zeros: notAnOp(CREATE),
  ones: notAnOp(CREATE),
  full: notAnOp(CREATE),
  empty: notAnOp(CREATE),
  zerosLike: notAnOp(CREATE),
  onesLike: notAnOp(CREATE),
  fullLike: notAnOp(CREATE),
  emptyLike: notAnOp(CREATE),
  eye: notAnOp(CREATE),
  identity: notAnOp(CREATE),
  fromFunction: notAnOp(CREATE),
  set: notAnOp(IN_PLACE),
  putAlongAxis: notAnOp(IN_PLACE),
  sortInPlace: notAnOp(IN_PLACE),
  partitionInPlace: notAnOp(IN_PLACE),
  reduce: notAnOp('a generic ufunc method: use the named reductions (sum, prod, max, cumsum, ...)'),
  accumulate: notAnOp('a generic ufunc method: use cumsum / cumprod'),
  broadcastShapes: notAnOp(DTYPE),
  canCast: notAnOp(DTYPE),
  isdtype: notAnOp(DTYPE),
  promoteTypes: notAnOp(DTYPE),
  resultType: notAnOp(DTYPE),
  s: notAnOp('an index helper (np.s(...) items work in tensor.get)'),
  array2string: notAnOp(PRINT),
  arrayRepr: notAnOp(PRINT),
  arrayStr: notAnOp(PRINT),
  formatFloatPositional: notAnOp(PRINT),
  formatFloatScientific: notAnOp(PRINT),
  getPrintoptions: notAnOp(PRINT),
  setPrintoptions: notAnOp(PRINT),
  printoptions: notAnOp(PRINT),
  toNpy: notAnOp(IO),
  fromNpy: notAnOp(IO),
  toNpz: notAnOp(IO),
  fromNpz: notAnOp(IO),
  toText: notAnOp(IO),
  fromText: notAnOp(IO),
  bincount: noGradient('integer counts (weighted: a scatter-add of the weights, not implemented)'),
  histogram: noGradient('piecewise constant counts'),
  digitize: noGradient(INDEX),
  interp: noGradient('gradient not implemented (piecewise linear in x and fp)'),
  unravelIndex: noGradient(INDEX),
  ravelMultiIndex: noGradient(INDEX),
  indices: notAnOp(CREATE),
  isin: noGradient(BOOL),
  intersect1d: noGradient('a set of values, not differentiable in PyTorch either'),
  union1d: noGradient('a set of values, not differentiable in PyTorch either'),
  setdiff1d: noGradient('a set of values, not differentiable in PyTorch either'),
  put: notAnOp(IN_PLACE),
  finfo: notAnOp(DTYPE),
  iinfo: notAnOp(DTYPE),
  slidingWindowView: noGradient('gradient not implemented (a strided view: the gradient is a scatter-add over the windows)'),
  setNumThreads: notAnOp('a thread-count setting'),
  getNumThreads: notAnOp('a thread-count setting'),
} satisfies Record<RegistryName, Entry>;

type Registry = typeof registry;

/** The names whose entries carry a gradient: primitives, composites and zero-gradient ops. */
export type DifferentiableName = { [K in keyof Registry]: Registry[K]['kind'] extends 'primitive' | 'composite' | 'zeroGradient' ? K : never }[keyof Registry];

/** The names without a gradient (boolean/integer results, or not implemented), with reasons in the registry. */
export type NonDifferentiableName = { [K in keyof Registry]: Registry[K]['kind'] extends 'noGradient' ? K : never }[keyof Registry];

/**
 * The differentiable names, in registry order.
 *
 * @example
 * ag.differentiableNames().includes('matmul'); // true
 */
export function differentiableNames(): DifferentiableName[] {
  return (Object.keys(registry) as (keyof Registry)[]).filter((k): k is DifferentiableName => {
    const kind = registry[k].kind;
    return kind === 'primitive' || kind === 'composite' || kind === 'zeroGradient';
  });
}

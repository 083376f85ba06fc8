/**
 * One random gradient-check case per differentiable registry entry, for the property
 * tests (`test/properties/grad.test.ts`, `grad-higher-order.test.ts`). The table is
 * `satisfies Record<DifferentiableName, CaseGen>`: an op added to the registry without a
 * case here fails `tsc`.
 *
 * A case draws, from a seeded generator: random shapes (0-d, length-1 axes, broadcasting
 * pairs, sometimes empty), float64 values in the op's smooth domain and away from its
 * kinks (ties, zeros of abs, integers for floor, ...), and a layout for each input
 * (contiguous, transposed, reversed, stepped, offset, Fortran, stride-0 broadcast).
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import {
  NO_BROADCAST, MATRIX_BATCH, arr, away, binary, broadcastPair, distinct, int, magnitudes, nanReduction, offGrid, perm, pick,
  reduction, separated, shape, sizeOf, str, unary, uniform, wellConditioned, axisArg, type CaseGen,
} from './grad-case-helpers.js';

export type { CaseGen, GradCase, Rng } from './grad-case-helpers.js';

/**
 * The case of every differentiable registry entry. Cases are functions of the inputs only
 * (options drawn once per case), so gradCheck perturbs exactly what the op differentiates.
 */
export const GRAD_CASES = {
  add: binary(ag.add),
  subtract: binary(ag.subtract),
  multiply: binary(ag.multiply),
  divide: binary(ag.divide, undefined, (q) => away(q, 0.5, 2)),
  power: binary(ag.power, (q) => uniform(q, 0.5, 2), (q) => uniform(q, -2, 2)),
  mod: (r) => {
    const [sa, sb] = broadcastPair(r);
    const b = arr(r, sb, (q) => away(q, 0.7, 1.5), NO_BROADCAST);
    const full = np.broadcastShapes(sa, sb);
    // a = (k + u) b with u in [0.2, 0.8]: a / b stays away from integers
    const q = arr(r, full, (p) => int(p, -2, 2) + uniform(p, 0.2, 0.8), NO_BROADCAST);
    const a = np.ascontiguousarray(np.multiply(q, b));
    return { inputs: [a, b], f: ag.mod, label: `shapes ${str(full)} ${str(sb)}` };
  },
  negative: unary(ag.negative),
  positive: unary(ag.positive),
  abs: unary(ag.abs, (q) => away(q, 0.1, 2)),
  square: unary(ag.square),
  reciprocal: unary(ag.reciprocal, (q) => away(q, 0.4, 2)),
  sqrt: unary(ag.sqrt, (q) => uniform(q, 0.3, 3)),
  cbrt: unary(ag.cbrt, (q) => away(q, 0.3, 2)),
  exp: unary(ag.exp),
  exp2: unary(ag.exp2),
  expm1: unary(ag.expm1),
  log: unary(ag.log, (q) => uniform(q, 0.3, 3)),
  log2: unary(ag.log2, (q) => uniform(q, 0.3, 3)),
  log10: unary(ag.log10, (q) => uniform(q, 0.3, 3)),
  log1p: unary(ag.log1p, (q) => uniform(q, -0.6, 2)),
  sin: unary(ag.sin),
  cos: unary(ag.cos),
  tan: unary(ag.tan, (q) => uniform(q, -1.2, 1.2)),
  arcsin: unary(ag.arcsin, (q) => uniform(q, -0.8, 0.8)),
  arccos: unary(ag.arccos, (q) => uniform(q, -0.8, 0.8)),
  arctan: unary(ag.arctan),
  arctan2: binary(ag.arctan2, (q) => uniform(q, -2, 2), (q) => uniform(q, 0.3, 2)),
  sinh: unary(ag.sinh),
  cosh: unary(ag.cosh),
  tanh: unary(ag.tanh),
  arcsinh: unary(ag.arcsinh),
  arccosh: unary(ag.arccosh, (q) => uniform(q, 1.2, 3)),
  arctanh: unary(ag.arctanh, (q) => uniform(q, -0.8, 0.8)),
  hypot: binary(ag.hypot, (q) => away(q, 0.2, 2)),
  copysign: binary(ag.copysign, (q) => away(q, 0.2, 2)),
  deg2rad: unary(ag.deg2rad),
  rad2deg: unary(ag.rad2deg),
  maximum: (r) => {
    const [a, b, label] = separated(r, 0.05);
    return { inputs: [a, b], f: ag.maximum, label };
  },
  minimum: (r) => {
    const [a, b, label] = separated(r, 0.05);
    return { inputs: [a, b], f: ag.minimum, label };
  },
  fmax: (r) => {
    const [a, b, label] = separated(r, 0.05);
    return { inputs: [a, b], f: ag.fmax, label };
  },
  fmin: (r) => {
    const [a, b, label] = separated(r, 0.05);
    return { inputs: [a, b], f: ag.fmin, label };
  },
  clip: (r) => {
    const s = shape(r, 0, 3);
    const lo = arr(r, s.slice(int(r, 0, s.length)), (q) => uniform(q, -1, -0.3));
    const hi = arr(r, s.slice(int(r, 0, s.length)), (q) => uniform(q, 0.3, 1));
    const x = arr(r, s, (q) => pick(q, [uniform(q, -2, -1.1), uniform(q, -0.2, 0.2), uniform(q, 1.1, 2)]));
    return { inputs: [x, lo, hi], f: (a, l, h) => ag.clip(a, l, h), label: `shapes ${str(s)} ${str(lo.shape)} ${str(hi.shape)}` };
  },
  where: (r) => {
    const [sa, sb] = broadcastPair(r);
    const sc = np.broadcastShapes(sa, sb).slice(int(r, 0, 1));
    const cond = np.greater(arr(r, sc), 0);
    return { inputs: [arr(r, sa), arr(r, sb)], f: (a, b) => ag.where(cond, a, b), label: `shapes ${str(sc)} ${str(sa)} ${str(sb)}` };
  },
  sign: unary(ag.sign, (q) => away(q, 0.1, 2)),
  floor: unary(ag.floor, offGrid),
  ceil: unary(ag.ceil, offGrid),
  trunc: unary(ag.trunc, offGrid),
  rint: unary(ag.rint, offGrid),
  round: unary((x) => ag.round(x, 1), (q) => (int(q, -20, 20) + uniform(q, 0.15, 0.35)) / 10),
  floorDivide: binary(ag.floorDivide, offGrid, () => 1),
  heaviside: binary(ag.heaviside, (q) => away(q, 0.1, 2)),
  sum: reduction((x, o) => ag.sum(x, o)),
  prod: (r) => {
    const s = shape(r, 0, 3);
    // zeros sometimes: the gradient must stay exact
    const x = arr(r, s, (q) => (q() < 0.2 ? 0 : uniform(q, -1.5, 1.5)), NO_BROADCAST);
    const o = { axis: axisArg(r, s.length), keepdims: r() < 0.4 };
    return { inputs: [x], f: (t) => ag.prod(t, o), label: `shape ${str(s)} ${str(o)}` };
  },
  max: reduction((x, o) => ag.max(x, o), 'distinct'),
  min: reduction((x, o) => ag.min(x, o), 'distinct'),
  amax: reduction((x, o) => ag.amax(x, o), 'distinct'),
  amin: reduction((x, o) => ag.amin(x, o), 'distinct'),
  nanmax: nanReduction((x, o) => ag.nanmax(x, o)),
  nanmin: nanReduction((x, o) => ag.nanmin(x, o)),
  ptp: reduction((x, o) => ag.ptp(x, o), 'distinct'),
  mean: reduction((x, o) => ag.mean(x, o)),
  var: reduction((x, o) => {
    const n = x.shape.reduce((acc, d, i) => (o.axis === null || [o.axis].flat().some((a) => (a + x.ndim) % x.ndim === i) ? acc * d : acc), 1);
    return ag.var(x, { ...o, ddof: n > 1 ? 1 : 0 });
  }),
  std: reduction((x, o) => ag.std(x, o), 'distinct'),
  nanvar: nanReduction((x, o) => ag.nanvar(x, { ...o, ddof: 1 })),
  nanstd: nanReduction((x, o) => ag.nanstd(x, o)),
  nansum: nanReduction((x, o) => ag.nansum(x, o)),
  nanprod: nanReduction((x, o) => ag.nanprod(x, o)),
  nanmean: nanReduction((x, o) => ag.nanmean(x, o)),
  cumsum: (r) => {
    const s = shape(r, 0, 3);
    const axis = s.length === 0 || r() < 0.3 ? null : int(r, -s.length, s.length - 1);
    return { inputs: [arr(r, s)], f: (x) => ag.cumsum(x, axis), label: `shape ${str(s)} axis ${axis}` };
  },
  cumprod: (r) => {
    const s = shape(r, 0, 3);
    const axis = s.length === 0 || r() < 0.3 ? null : int(r, -s.length, s.length - 1);
    const x = arr(r, s, (q) => (q() < 0.15 ? 0 : uniform(q, -1.5, 1.5)), NO_BROADCAST);
    return { inputs: [x], f: (t) => ag.cumprod(t, axis), label: `shape ${str(s)} axis ${axis}` };
  },
  nancumsum: nanReduction((x) => ag.nancumsum(x, 1)),
  nancumprod: nanReduction((x) => ag.nancumprod(x, 0)),
  diff: (r) => {
    const s = shape(r, 1, 3, 4);
    const axis = int(r, -s.length, s.length - 1);
    const n = int(r, 1, 2);
    const edge = r() < 0.3 ? { prepend: 0.5, append: arr(r, s.map((d, i) => (i === (axis + s.length) % s.length ? 1 : d))) } : {};
    return { inputs: [arr(r, s)], f: (x) => ag.diff(x, { n, axis, ...edge }), label: `shape ${str(s)} n ${n} axis ${axis}` };
  },
  average: (r) => {
    const s = shape(r, 1, 3);
    const axis = int(r, 0, s.length - 1);
    const full = r() < 0.5;
    const w = arr(r, full ? s : [s[axis]!], (q) => uniform(q, 0.5, 2));
    const ax = full && r() < 0.5 ? null : axis;
    return { inputs: [arr(r, s), w], f: (x, wt) => ag.average(x, { axis: ax, weights: wt }), label: `shape ${str(s)} weights ${str(w.shape)} axis ${ax}` };
  },
  median: reduction((x, o) => ag.median(x, o), 'distinct'),
  percentile: (r) => {
    const s = shape(r, 1, 3);
    const q = r() < 0.5 ? uniform(r, 0, 100) : [uniform(r, 0, 100), uniform(r, 0, 100)];
    const method = pick(r, ['linear', 'lower', 'higher', 'midpoint', 'nearest'] as const);
    const axis = axisArg(r, s.length);
    return { inputs: [distinct(r, s)], f: (x) => ag.percentile(x, q, { axis, method }), label: `shape ${str(s)} q ${str(q)} ${method} axis ${str(axis)}` };
  },
  quantile: (r) => {
    const s = shape(r, 1, 3);
    const q = r() < 0.5 ? uniform(r, 0, 1) : [uniform(r, 0, 1), uniform(r, 0, 1)];
    const method = pick(r, ['linear', 'lower', 'higher', 'midpoint', 'nearest'] as const);
    const axis = axisArg(r, s.length);
    const keepdims = r() < 0.3;
    return { inputs: [distinct(r, s)], f: (x) => ag.quantile(x, q, { axis, method, keepdims }), label: `shape ${str(s)} q ${str(q)} ${method} keepdims ${keepdims}` };
  },
  nanmedian: nanReduction((x, o) => ag.nanmedian(x, o)),
  nanpercentile: nanReduction((x, o) => ag.nanpercentile(x, 30, o)),
  nanquantile: nanReduction((x, o) => ag.nanquantile(x, [0.2, 0.9], o)),
  logsumexp: reduction((x, o) => ag.logsumexp(x, o)),
  matmul: (r) => {
    const [ba, bb] = broadcastPair(r, 2);
    const [m, k, n] = [int(r, 1, 3), int(r, 1, 3), int(r, 1, 3)];
    const aVec = r() < 0.2;
    const bVec = r() < 0.2;
    const sa = aVec ? [k] : [...ba, m, k];
    const sb = bVec ? [k] : [...bb, k, n];
    return { inputs: [arr(r, sa), arr(r, sb)], f: ag.matmul, label: `shapes ${str(sa)} ${str(sb)}` };
  },
  dot: (r) => {
    const k = int(r, 1, 3);
    const [sa, sb] = pick(r, [
      [[], [2, 3]],
      [[k], [k]],
      [[2, k], [k, 3]],
      [[2, 2, k], [k]],
      [[2, k], [2, k, 2]],
    ] as [number[], number[]][]);
    return { inputs: [arr(r, sa), arr(r, sb)], f: ag.dot, label: `shapes ${str(sa)} ${str(sb)}` };
  },
  vdot: (r) => {
    const s = shape(r, 1, 3);
    return { inputs: [arr(r, s), arr(r, [sizeOf(s)])], f: ag.vdot, label: `shape ${str(s)}` };
  },
  inner: (r) => {
    const k = int(r, 1, 3);
    const sa = [...shape(r, 0, 2), k];
    const sb = r() < 0.2 ? [] : [...shape(r, 0, 1), k];
    return { inputs: [arr(r, sa), arr(r, sb)], f: ag.inner, label: `shapes ${str(sa)} ${str(sb)}` };
  },
  outer: (r) => {
    const sa = shape(r, 0, 2);
    const sb = shape(r, 0, 2);
    return { inputs: [arr(r, sa), arr(r, sb)], f: ag.outer, label: `shapes ${str(sa)} ${str(sb)}` };
  },
  tensordot: (r) => {
    const [p, q, k] = [int(r, 1, 3), int(r, 1, 3), int(r, 1, 3)];
    if (r() < 0.5) return { inputs: [arr(r, [p, k, 2]), arr(r, [k, 2, q])], f: (a, b) => ag.tensordot(a, b, 2), label: 'axes 2' };
    return { inputs: [arr(r, [k, p, 2]), arr(r, [q, 2, k])], f: (a, b) => ag.tensordot(a, b, [[0, 2], [2, 1]]), label: 'axes [[0, 2], [2, 1]]' };
  },
  einsum: (r) => {
    const [i, j, k, b] = [int(r, 1, 3), int(r, 1, 3), int(r, 1, 3), int(r, 1, 2)];
    const spec = pick(r, [
      ['ij,jk->ik', [[i, j], [j, k]]],
      ['ii', [[j, j]]],
      ['ii->i', [[j, j]]],
      ['ij->', [[i, j]]],
      ['ij->ji', [[i, j]]],
      ['i,i', [[k], [k]]],
      ['ij,k->ijk', [[i, j], [k]]],
      ['bij,bjk->bik', [[b, i, j], [b, j, k]]],
      ['...ij,...jk', [[b, i, j], [j, k]]],
      ['iij,j->i', [[i, i, j], [j]]],
      ['ij,ij,ij->i', [[i, j], [i, j], [i, j]]],
    ] as [string, number[][]][]);
    return { inputs: spec[1].map((s) => arr(r, s)), f: (...xs) => ag.einsum(spec[0], ...xs), label: spec[0] };
  },
  trace: (r) => {
    const s = [int(r, 1, 3), int(r, 1, 3), ...shape(r, 0, 1)];
    const o = { offset: int(r, -1, 1), axis1: 0, axis2: pick(r, [1, -1]) };
    return { inputs: [arr(r, s)], f: (x) => ag.trace(x, o), label: `shape ${str(s)} ${str(o)}` };
  },
  kron: (r) => {
    const sa = shape(r, 0, 2);
    const sb = shape(r, 0, 2);
    return { inputs: [arr(r, sa), arr(r, sb)], f: ag.kron, label: `shapes ${str(sa)} ${str(sb)}` };
  },
  reshape: (r) => {
    const s = shape(r, 0, 3);
    const n = sizeOf(s);
    const target = n % 2 === 0 && r() < 0.5 ? [2, -1] : [-1];
    return { inputs: [arr(r, s)], f: (x) => ag.reshape(x, target), label: `shape ${str(s)} to ${str(target)}` };
  },
  ravel: unary(ag.ravel),
  flatten: unary(ag.flatten),
  transpose: (r) => {
    const s = shape(r, 0, 3);
    const p = perm(r, s.length);
    return { inputs: [arr(r, s)], f: (x) => ag.transpose(x, p), label: `shape ${str(s)} axes ${str(p)}` };
  },
  swapaxes: (r) => {
    const s = shape(r, 1, 3);
    const [a, b] = [int(r, -s.length, s.length - 1), int(r, 0, s.length - 1)];
    return { inputs: [arr(r, s)], f: (x) => ag.swapaxes(x, a, b), label: `shape ${str(s)} ${a} ${b}` };
  },
  moveaxis: (r) => {
    const s = shape(r, 1, 3);
    const [a, b] = [int(r, 0, s.length - 1), int(r, -s.length, s.length - 1)];
    return { inputs: [arr(r, s)], f: (x) => ag.moveaxis(x, a, b), label: `shape ${str(s)} ${a} ${b}` };
  },
  expandDims: (r) => {
    const s = shape(r, 0, 2);
    const axis = int(r, -s.length - 1, s.length);
    return { inputs: [arr(r, s)], f: (x) => ag.expandDims(x, axis), label: `shape ${str(s)} axis ${axis}` };
  },
  squeeze: (r) => {
    const s = shape(r, 0, 3).map((d) => (r() < 0.4 ? 1 : d));
    return { inputs: [arr(r, s)], f: (x) => ag.squeeze(x), label: `shape ${str(s)}` };
  },
  broadcastTo: (r) => {
    const [sa, sb] = broadcastPair(r);
    const full = np.broadcastShapes(sa, sb);
    return { inputs: [arr(r, sa)], f: (x) => ag.broadcastTo(x, full), label: `shape ${str(sa)} to ${str(full)}` };
  },
  broadcastArrays: (r) => {
    const [sa, sb] = broadcastPair(r);
    return { inputs: [arr(r, sa), arr(r, sb)], f: (a, b) => ag.stack(ag.broadcastArrays(a, b.mul(3))), label: `shapes ${str(sa)} ${str(sb)}` };
  },
  atleast1d: unary((x) => ag.atleast1d(x)),
  atleast2d: unary((x) => ag.atleast2d(x)),
  concatenate: (r) => {
    const s = shape(r, 1, 3);
    const axis = int(r, 0, s.length - 1);
    const n = int(r, 1, 3);
    const shapes = Array.from({ length: n }, () => s.map((d, i) => (i === axis ? int(r, 0, 2) : d)));
    const flat = r() < 0.2;
    return { inputs: shapes.map((sh) => arr(r, sh)), f: (...xs) => ag.concatenate(xs, flat ? null : axis), label: `shapes ${str(shapes)} axis ${flat ? null : axis}` };
  },
  stack: (r) => {
    const s = shape(r, 0, 2);
    const axis = int(r, -s.length - 1, s.length);
    const n = int(r, 1, 3);
    return { inputs: Array.from({ length: n }, () => arr(r, s)), f: (...xs) => ag.stack(xs, axis), label: `${n} of ${str(s)} axis ${axis}` };
  },
  vstack: (r) => {
    const cols = int(r, 1, 3);
    const shapes = [[cols], [int(r, 1, 2), cols]];
    return { inputs: shapes.map((s) => arr(r, s)), f: (...xs) => ag.vstack(xs), label: str(shapes) };
  },
  hstack: (r) => {
    const rows = int(r, 1, 3);
    const shapes = r() < 0.5 ? [[2], [int(r, 0, 2)]] : [[rows, 1], [rows, 2]];
    return { inputs: shapes.map((s) => arr(r, s)), f: (...xs) => ag.hstack(xs), label: str(shapes) };
  },
  split: (r) => {
    const s = shape(r, 1, 3, 4);
    const axis = int(r, 0, s.length - 1);
    const n = s[axis]!;
    const sections = r() < 0.5 && n % 2 === 0 ? 2 : [int(r, 0, n), n];
    return { inputs: [arr(r, s)], f: (x) => ag.concatenate(ag.split(x, sections, axis).map((p, i) => p.mul(i + 1)), axis), label: `shape ${str(s)} ${str(sections)} axis ${axis}` };
  },
  arraySplit: (r) => {
    const s = shape(r, 1, 3, 4);
    const axis = int(r, 0, s.length - 1);
    const k = int(r, 1, 3);
    return { inputs: [arr(r, s)], f: (x) => ag.concatenate(ag.arraySplit(x, k, axis).map((p, i) => p.mul(i + 1)), axis), label: `shape ${str(s)} ${k} axis ${axis}` };
  },
  tile: (r) => {
    const s = shape(r, 0, 2);
    const reps = Array.from({ length: int(r, 1, 3) }, () => int(r, 1, 2));
    return { inputs: [arr(r, s)], f: (x) => ag.tile(x, reps), label: `shape ${str(s)} reps ${str(reps)}` };
  },
  repeat: (r) => {
    const s = shape(r, 1, 2);
    const axis = r() < 0.3 ? null : int(r, 0, s.length - 1);
    const n = axis === null ? sizeOf(s) : s[axis]!;
    const reps = r() < 0.5 ? int(r, 0, 3) : Array.from({ length: n }, () => int(r, 0, 3));
    return { inputs: [arr(r, s)], f: (x) => ag.repeat(x, reps, axis), label: `shape ${str(s)} ${str(reps)} axis ${axis}` };
  },
  flip: (r) => {
    const s = shape(r, 0, 3);
    const axis = s.length === 0 ? null : axisArg(r, s.length);
    return { inputs: [arr(r, s)], f: (x) => ag.flip(x, axis), label: `shape ${str(s)} axis ${str(axis)}` };
  },
  roll: (r) => {
    const s = shape(r, 1, 3);
    const axis = r() < 0.3 ? null : int(r, 0, s.length - 1);
    const shift = int(r, -4, 4);
    return { inputs: [arr(r, s)], f: (x) => ag.roll(x, shift, axis), label: `shape ${str(s)} shift ${shift} axis ${axis}` };
  },
  pad: (r) => {
    const s = shape(r, 1, 2);
    const width = s.map(() => [int(r, 0, 2), int(r, 0, 2)]);
    return { inputs: [arr(r, s)], f: (x) => ag.pad(x, width, { constantValues: 0.5 }), label: `shape ${str(s)} ${str(width)}` };
  },
  diag: (r) => {
    const s = r() < 0.5 ? [int(r, 1, 3)] : [int(r, 1, 3), int(r, 1, 3)];
    const k = int(r, -1, 1);
    return { inputs: [arr(r, s)], f: (x) => ag.diag(x, k), label: `shape ${str(s)} k ${k}` };
  },
  meshgrid: (r) => {
    const shapes = Array.from({ length: int(r, 1, 3) }, () => [int(r, 1, 3)]);
    const o = { indexing: pick(r, ['xy', 'ij'] as const), sparse: r() < 0.3 };
    return {
      inputs: shapes.map((s) => arr(r, s)),
      f: (...xs) => ag.meshgrid(...xs, o).reduce((acc: ag.Tensor, g, i) => acc.add(g.mul(i + 1)), ag.tensor(0)),
      label: `${str(shapes)} ${str(o)}`,
    };
  },
  get: (r) => {
    const s = [int(r, 2, 4), int(r, 1, 3)];
    const index = pick(r, [
      [1],
      [-1, '::-1'],
      ['1:', null],
      ['...', 0],
      [np.array([0, 1, 0, -1])],
      [np.array([[1, 0], [1, 1]]), np.s(null, null, -1)],
      [np.greater(np.arange(s[0]!), 0)],
      [np.array([0, 0]), np.array([0, 0])],
    ] as np.IndexItem[][]);
    return { inputs: [arr(r, s)], f: (x) => ag.get(x, ...index), label: `shape ${str(s)} index ${index.map(String).join(', ')}` };
  },
  take: (r) => {
    const s = shape(r, 1, 2);
    const axis = r() < 0.4 ? null : int(r, 0, s.length - 1);
    const n = axis === null ? sizeOf(s) : s[axis]!;
    const idx = Array.from({ length: int(r, 0, 4) }, () => int(r, -n, n + 2));
    const mode = pick(r, ['wrap', 'clip'] as const);
    return { inputs: [arr(r, s)], f: (x) => ag.take(x, idx, { axis, mode }), label: `shape ${str(s)} ${str(idx)} axis ${axis} ${mode}` };
  },
  takeAlongAxis: (r) => {
    const s = [int(r, 1, 3), int(r, 1, 4)];
    const idx = np.array(Array.from({ length: s[0]! }, () => Array.from({ length: 3 }, () => int(r, 0, s[1]! - 1))));
    return { inputs: [arr(r, s)], f: (x) => ag.takeAlongAxis(x, idx, 1), label: `shape ${str(s)}` };
  },
  sort: (r) => {
    const s = shape(r, 1, 3);
    const axis = r() < 0.3 ? null : int(r, -s.length, s.length - 1);
    return { inputs: [distinct(r, s)], f: (x) => ag.sort(x, axis), label: `shape ${str(s)} axis ${axis}` };
  },
  partition: (r) => {
    const s = [int(r, 1, 2), int(r, 2, 5)];
    const kth = int(r, 0, s[1]! - 1);
    return { inputs: [distinct(r, s)], f: (x) => ag.partition(x, kth), label: `shape ${str(s)} kth ${kth}` };
  },
  copy: unary(ag.copy),
  ascontiguousarray: unary(ag.ascontiguousarray),
  asfortranarray: unary(ag.asfortranarray),
  astype: unary((x) => ag.astype(x, 'float64')),
  relu: unary(ag.relu, (q) => away(q, 0.1, 2)),
  sigmoid: unary(ag.sigmoid, (q) => uniform(q, -6, 6)),
  softplus: unary(ag.softplus, (q) => uniform(q, -6, 6)),
  softmax: (r) => {
    const s = shape(r, 1, 3);
    const axis = int(r, -s.length, s.length - 1);
    return { inputs: [arr(r, s)], f: (x) => ag.softmax(x, axis), label: `shape ${str(s)} axis ${axis}` };
  },
  logSoftmax: (r) => {
    const s = shape(r, 1, 3);
    const axis = int(r, -s.length, s.length - 1);
    return { inputs: [arr(r, s)], f: (x) => ag.logSoftmax(x, axis), label: `shape ${str(s)} axis ${axis}` };
  },
  'linalg.inv': (r) => {
    const a = wellConditioned(r, MATRIX_BATCH(r), int(r, 1, 3));
    return { inputs: [a], f: (x) => ag.linalg.inv(x), label: `shape ${str(a.shape)}` };
  },
  'linalg.solve': (r) => {
    const n = int(r, 1, 3);
    const a = wellConditioned(r, MATRIX_BATCH(r), n);
    const b = r() < 0.4 ? arr(r, [n]) : arr(r, [...a.shape.slice(0, -2), n, int(r, 1, 2)]);
    return { inputs: [a, b], f: (x, y) => ag.linalg.solve(x, y), label: `shapes ${str(a.shape)} ${str(b.shape)}` };
  },
  'linalg.det': (r) => {
    const a = wellConditioned(r, MATRIX_BATCH(r), int(r, 1, 3));
    return { inputs: [a], f: (x) => ag.linalg.det(x), label: `shape ${str(a.shape)}` };
  },
  'linalg.slogdet': (r) => {
    const a = np.multiply(wellConditioned(r, MATRIX_BATCH(r), int(r, 1, 3)), pick(r, [1, -1]));
    return { inputs: [a], f: (x) => ag.linalg.slogdet(x).logabsdet, label: `shape ${str(a.shape)}` };
  },
  'linalg.cholesky': (r) => {
    const n = int(r, 1, 3);
    const b = arr(r, [n, n], (q) => uniform(q, -1, 1), ['contiguous']);
    const a = np.add(np.matmul(b, b.T), np.multiply(np.eye(n), n));
    const upper = r() < 0.3;
    return { inputs: [a], f: (x) => ag.linalg.cholesky(x, { upper }), label: `n ${n} upper ${upper}` };
  },
  'linalg.norm': (r) => {
    const variant = int(r, 0, 3);
    if (variant === 0) {
      const s = shape(r, 0, 3);
      return { inputs: [arr(r, s, (q) => away(q, 0.2, 2))], f: (x) => ag.linalg.norm(x), label: `shape ${str(s)}` };
    }
    if (variant === 1) {
      const ord = pick(r, [1, 2, 3, 0.5, Infinity, -Infinity]);
      const s = [int(r, 1, 3), int(r, 2, 4)];
      const keepdims = r() < 0.5;
      return { inputs: [magnitudes(r, s)], f: (x) => ag.linalg.norm(x, ord, { axis: 1, keepdims }), label: `shape ${str(s)} ord ${ord} axis 1 keepdims ${keepdims}` };
    }
    const ord = pick(r, ['fro', 1, -1, Infinity, -Infinity] as const);
    const s = [int(r, 2, 3), int(r, 2, 3)];
    return { inputs: [magnitudes(r, s)], f: (x) => ag.linalg.norm(x, ord), label: `shape ${str(s)} ord ${ord}` };
  },
} satisfies Record<ag.DifferentiableName, CaseGen>;

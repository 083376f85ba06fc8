/**
 * Drawing helpers of the gradient-check cases (`grad-cases.ts`): shapes with length-1 and
 * empty axes, broadcasting pairs, values in an op's smooth domain (distinct values, values
 * away from zero or from integers), layouts (contiguous, transposed, reversed, stepped,
 * offset, Fortran, stride-0 broadcast), axis arguments.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import { makeView, type ViewKind } from '../../../test/arbitraries/arrays.js';

/** A uniform [0, 1) generator. */
export type Rng = () => number;

/** One drawn case: the inputs and the function of them to check. */
export interface GradCase {
  inputs: np.NDArray[];
  f: (...xs: ag.Tensor[]) => ag.Tensor;
  /** What was drawn (shapes, options), for failure messages. */
  label: string;
}

/** Draws a case. */
export type CaseGen = (r: Rng) => GradCase;

export const ALL_VIEWS: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'fortran', 'broadcast'];
export const NO_BROADCAST: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'fortran'];

export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
export const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
export const uniform = (r: Rng, lo: number, hi: number): number => lo + (hi - lo) * r();
/** A value with |v| in [lo, hi], either sign. */
export const away = (r: Rng, lo: number, hi: number): number => (r() < 0.5 ? -1 : 1) * uniform(r, lo, hi);
export const sizeOf = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

/** A shape: `dims` axes in [min, max], lengths 1..side (1 often); `empty` allows a 0 length. */
export function shape(r: Rng, min = 0, max = 3, side = 3, empty = false): number[] {
  const n = int(r, min, max);
  return Array.from({ length: n }, () => (empty && r() < 0.08 ? 0 : r() < 0.25 ? 1 : int(r, 2, side)));
}

/** Two shapes that broadcast together. */
export function broadcastPair(r: Rng, max = 3): [number[], number[]] {
  const full = shape(r, 0, max);
  const a = full.map((d) => (r() < 0.3 ? 1 : d)).slice(int(r, 0, full.length));
  const b = full.map((d) => (r() < 0.3 ? 1 : d)).slice(int(r, 0, full.length));
  return [a, b];
}

/** A float64 array of `values` (C order) in a random layout (no stride 0 unless `views` allows). */
export function lay(r: Rng, s: readonly number[], values: readonly number[], views: readonly ViewKind[] = NO_BROADCAST): np.NDArray {
  return makeView('float64', s, values, pick(r, views), int(r, 0, 7));
}

/** A float64 array drawn element by element by `gen`, in any layout (stride 0 included: repeated values). */
export function arr(r: Rng, s: readonly number[], gen: (r: Rng) => number = (q) => uniform(q, -2, 2), views: readonly ViewKind[] = ALL_VIEWS): np.NDArray {
  return lay(r, s, Array.from({ length: sizeOf(s) }, () => gen(r)), views);
}

/** Distinct values (at least 0.1 apart) in a random order: no ties for max, sort, quantiles. */
export function distinct(r: Rng, s: readonly number[], lo = -3): np.NDArray {
  const n = sizeOf(s);
  const v = Array.from({ length: n }, (_, i) => lo + 0.1 + i * 0.2 + uniform(r, -0.05, 0.05));
  for (let i = n - 1; i > 0; i--) {
    const j = int(r, 0, i);
    [v[i], v[j]] = [v[j]!, v[i]!];
  }
  return lay(r, s, v);
}

/** Distinct magnitudes (0.3 and up, 0.2 apart) with random signs: no ties or zeros of |x|. */
export function magnitudes(r: Rng, s: readonly number[]): np.NDArray {
  return np.multiply(distinct(r, s, 0.2), np.where(np.greater(arr(r, s, undefined, ['contiguous']), 0), 1, -1));
}

/** A random axis argument for an array of `nd` axes: null, one axis (maybe negative) or a tuple. */
export function axisArg(r: Rng, nd: number): number | number[] | null {
  const u = r();
  if (nd === 0 || u < 0.25) return null;
  if (u < 0.65) return int(r, -nd, nd - 1);
  return Array.from({ length: nd }, (_, i) => i).filter(() => r() < 0.5);
}

export const str = (x: unknown): string => JSON.stringify(x);

export function unary(f: (x: ag.Tensor) => ag.Tensor, gen: (r: Rng) => number = (q) => uniform(q, -2, 2)): CaseGen {
  return (r) => {
    const s = shape(r, 0, 3, 3, true);
    return { inputs: [arr(r, s, gen)], f, label: `shape ${str(s)}` };
  };
}

export function binary(f: (a: ag.Tensor, b: ag.Tensor) => ag.Tensor, ga: (r: Rng) => number = (q) => uniform(q, -2, 2), gb = ga): CaseGen {
  return (r) => {
    const [sa, sb] = broadcastPair(r);
    return { inputs: [arr(r, sa, ga), arr(r, sb, gb)], f, label: `shapes ${str(sa)} ${str(sb)}` };
  };
}

/** Pairs whose broadcast elements differ by at least `gap` (no ties), redrawn until they do. */
export function separated(r: Rng, gap: number): [np.NDArray, np.NDArray, string] {
  for (;;) {
    const [sa, sb] = broadcastPair(r);
    const a = arr(r, sa);
    const b = arr(r, sb);
    if (np.all(np.greaterEqual(np.abs(np.subtract(a, b)), gap))) return [a, b, `shapes ${str(sa)} ${str(sb)}`];
  }
}

export function reduction(f: (x: ag.Tensor, o: { axis: number | number[] | null; keepdims: boolean }) => ag.Tensor, values: 'any' | 'distinct' | 'positive' = 'any'): CaseGen {
  return (r) => {
    const s = shape(r, 0, 3, 3);
    const x = values === 'distinct' ? distinct(r, s) : arr(r, s, values === 'positive' ? (q) => uniform(q, 0.5, 1.5) : undefined);
    const o = { axis: axisArg(r, s.length), keepdims: r() < 0.4 };
    return { inputs: [x], f: (t) => f(t, o), label: `shape ${str(s)} ${str(o)}` };
  };
}

/** x with NaN at some places, keeping at least two numbers in every lane of the last axis. */
export function withNaN(r: Rng, s: readonly number[]): np.NDArray {
  const last = s[s.length - 1] ?? 1;
  const v = Array.from({ length: sizeOf(s) }, (_, i) => (last >= 3 && i % last === 0 && r() < 0.6 ? NaN : uniform(r, -2, 2)));
  return lay(r, s, v);
}

export function nanReduction(f: (x: ag.Tensor, o: { axis: number; keepdims: boolean }) => ag.Tensor): CaseGen {
  return (r) => {
    const s = [int(r, 1, 3), int(r, 3, 4)];
    const o = { axis: -1, keepdims: r() < 0.5 };
    return { inputs: [withNaN(r, s)], f: (t) => f(t, o), label: `shape ${str(s)} ${str(o)}` };
  };
}

/** Rounding ops: values k + u with u in [0.15, 0.35] or [0.65, 0.85] (away from integers and halves). */
export const offGrid = (q: Rng): number => int(q, -3, 2) + pick(q, [uniform(q, 0.15, 0.35), uniform(q, 0.65, 0.85)]);

/** A random permutation of 0..n-1. */
export function perm(r: Rng, n: number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = int(r, 0, i);
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

/** A well-conditioned square matrix stack: `3 I + small noise`. */
export function wellConditioned(r: Rng, batch: readonly number[], n: number): np.NDArray {
  const noise = arr(r, [...batch, n, n], (q) => uniform(q, -0.5, 0.5), NO_BROADCAST);
  return np.add(noise, np.multiply(np.eye(n), 3));
}

export const MATRIX_BATCH = (r: Rng): number[] => (r() < 0.5 ? [] : [int(r, 1, 2)]);


/**
 * The interface a library adapter implements for the JS children: for each workload, a
 * function to time (the whole user-visible operation: allocation of the result and, for
 * libraries with explicit memory management, its disposal) and a reader of one result as
 * plain float64 values in C order for the correctness check.
 */
import { readFileSync } from 'node:fs';
import type { BenchDType, Workload } from './workloads.js';

/** A result as the checker sees it. */
export interface Plain {
  shape: number[];
  data: Float64Array;
}

/** Reads input `name` (see `inputs.ts`) in a dtype. */
export type InputReader = (name: string, dtype: BenchDType) => Float64Array | Float32Array;

/** One prepared workload. */
export interface Case {
  /** The timed call; `async` cases return a promise that settles when the result is ready. */
  run: () => unknown;
  async?: boolean;
  /** Computes once more (untimed) and returns the result for the check. */
  read: () => Plain | Promise<Plain>;
}

/** A library under test. */
export interface Adapter {
  /** Library name as reported. */
  name: string;
  /** Version string (package version, backend). */
  version: string;
  /** One-time setup (backends, wasm). */
  init(): Promise<void>;
  /** A case for `w`, or a string saying why the library cannot run it. */
  prepare(w: Workload, input: InputReader): Case | string;
}

/** C-order float64 copy of a flat array of `shape`. */
export function plain(shape: number[], data: ArrayLike<number>): Plain {
  return { shape, data: Float64Array.from(data) };
}

/** The installed version of a package (read from its package.json in node_modules). */
export function pkgVersion(name: string): string {
  const file = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * What every example shares: its options (`quick` for the test suite, `out` for the SVGs,
 * `log` for where the text goes), a context that prints like `console.log` and writes
 * SVGs, and `runIfMain`, which runs an example when its file is executed directly
 * (`node --import tsx examples/xor.ts --quick`) but not when the runner or a test imports it.
 */
import { format } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSvg, type Spec } from './plot.js';

/** Options of every example's `run`. */
export interface ExampleOptions {
  /** A short setting (fewer epochs, smaller grids) for the test suite: seconds, not minutes. */
  quick?: boolean;
  /** Where SVGs go (default `out/examples/` at the repository root). */
  out?: string;
  /** Where printed lines go (default `console.log`); tests pass a collector or `() => {}`. */
  log?: (line: string) => void;
  /** Write the SVGs (default true; the rendering is skipped when false). */
  svg?: boolean;
}

/** What every example returns, besides its own numbers: the files it wrote. */
export interface ExampleResult {
  /** Paths of the SVGs written. */
  files: string[];
}

/** The repository's `out/examples/` directory. */
export const DEFAULT_OUT = fileURLToPath(new URL('../../out/examples/', import.meta.url));

/** A running example's helpers. */
export interface Context {
  readonly quick: boolean;
  /** Prints like `console.log` (NDArrays and tensors show their repr). */
  log(...parts: unknown[]): void;
  /** Renders a Vega-Lite spec to `<out>/<name>.svg`; returns the path (or '' when SVGs are off). */
  svg(name: string, spec: Spec): Promise<string>;
  /** The files written so far. */
  readonly files: string[];
}

/** The context of one run. */
export function context(options: ExampleOptions = {}): Context {
  const sink = options.log ?? ((line: string) => console.log(line));
  const out = resolve(options.out ?? DEFAULT_OUT);
  const files: string[] = [];
  return {
    quick: options.quick ?? false,
    files,
    log: (...parts: unknown[]) => sink(format(...parts)),
    async svg(name: string, spec: Spec): Promise<string> {
      if (options.svg === false) return '';
      mkdirSync(out, { recursive: true });
      const path = join(out, `${name}.svg`);
      writeFileSync(path, await renderSvg(spec));
      files.push(path);
      sink(`wrote ${path}`);
      return path;
    },
  };
}

/** Parses `--quick`, `--out DIR` (or `--out=DIR`) and `--no-svg` from command-line arguments. */
export function parseArgs(argv: readonly string[]): ExampleOptions & { rest: string[] } {
  const o: ExampleOptions & { rest: string[] } = { rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') o.quick = true;
    else if (a === '--no-svg') o.svg = false;
    else if (a === '--out') o.out = argv[++i];
    else if (a.startsWith('--out=')) o.out = a.slice('--out='.length);
    else o.rest.push(a);
  }
  return o;
}

/** Runs `run` with the command line's options when the file `url` is the program itself. */
export function runIfMain(url: string, run: (options: ExampleOptions) => unknown): void {
  const entry = process.argv[1];
  if (entry === undefined || resolve(entry) !== fileURLToPath(url)) return;
  const { rest: _rest, ...options } = parseArgs(process.argv.slice(2));
  Promise.resolve(run(options)).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}

/**
 * Progress output of `nn.fit`: a live bar on a TTY (epoch, batch progress, running loss
 * and metrics, time left), one plain line per epoch otherwise (a file, a pipe, CI logs,
 * a browser's console, or `verbose: 'line'`), nothing with `verbose: false`.
 *
 * This file has no Node import, so the core bundle loads in a browser. The bar itself
 * (cli-progress, which needs Node's `readline`) lives in `bar.ts` and is plugged in by the
 * Node entry (`src/node.ts`) through {@link registerBarReporter}; without it (the core
 * entry, e.g. in a browser) a TTY gets lines too.
 */

/** Where progress is written: a Node stream (`process.stdout`) or anything with `write`. */
export interface WritableLike {
  write(chunk: string): unknown;
  /** True for a terminal: selects the live bar. */
  isTTY?: boolean;
  /** Terminal width (for the bar). */
  columns?: number;
}

/** What the reporter needs to know before training. */
export interface ProgressStart {
  /** The epoch limit. */
  epochs: number;
  /** Batches per epoch, when the loader has a `length`. */
  batchesPerEpoch: number | null;
  /** The training metric names shown (e.g. `['accuracy']`). */
  metricNames: string[];
}

/** Receives the training loop's progress. */
export interface ProgressReporter {
  start(info: ProgressStart): void;
  /** After each batch: the epoch (0-based), the batches done in it, the running means so far. */
  batch(epoch: number, batchesDone: number, running: Readonly<Record<string, number>>): void;
  /** After each epoch: its logs (loss, metrics, validation values, lr) and duration in ms. */
  epochEnd(epoch: number, logs: Readonly<Record<string, number>>, ms: number): void;
  /** After training (also after an error, then without a summary). */
  end(summary?: ProgressSummary): void;
}

/** How training ended, for the reporter's last line. */
export interface ProgressSummary {
  /** Epochs run. */
  epochs: number;
  /** Why training stopped (`'maxEpochs'` when it ran to the end). */
  reason: string;
}

/** The last line when training stopped before its epoch limit: `Stopped after epoch 12: earlyStopping`. */
export function summaryLine(summary?: ProgressSummary): string | null {
  return summary !== undefined && summary.reason !== 'maxEpochs' ? `Stopped after epoch ${summary.epochs}: ${summary.reason}\n` : null;
}

/** A number as progress shows it: 4 decimals, or 3 significant digits in exponent form when small or large. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(3);
  return v.toFixed(4);
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}s`;
}

/** One line per epoch: `Epoch 3/10 - loss: 0.1234 - accuracy: 0.9500 - valLoss: 0.2000 - lr: 0.0100 - 12ms`. */
class LineReporter implements ProgressReporter {
  readonly #write: (s: string) => void;
  #epochs = 0;

  constructor(write: (s: string) => void) {
    this.#write = write;
  }

  start(info: ProgressStart): void {
    this.#epochs = info.epochs;
  }

  batch(): void {}

  epochEnd(epoch: number, logs: Readonly<Record<string, number>>, ms: number): void {
    const total = Number.isFinite(this.#epochs) ? `/${this.#epochs}` : '';
    const parts = Object.entries(logs).map(([k, v]) => `${k}: ${formatValue(v)}`);
    this.#write(`Epoch ${epoch + 1}${total} - ${parts.join(' - ')} - ${formatMs(ms)}\n`);
  }

  end(summary?: ProgressSummary): void {
    const last = summaryLine(summary);
    if (last !== null) this.#write(last);
  }
}

/** A reporter that prints nothing. */
class SilentReporter implements ProgressReporter {
  start(): void {}
  batch(): void {}
  epochEnd(): void {}
  end(): void {}
}

/** The default stream: `process.stdout` where there is one (Node), else none. */
function defaultStream(): WritableLike | null {
  const proc = (globalThis as { process?: { stdout?: WritableLike } }).process;
  return proc?.stdout ?? null;
}

/** Makes the live bar for a TTY stream. */
export type BarReporterFactory = (stream: WritableLike) => ProgressReporter;

let barFactory: BarReporterFactory | null = null;

/**
 * Plugs in the live progress bar used on a TTY (the Node entry registers cli-progress's);
 * `null` unplugs it. Internal: not exported by the package.
 */
export function registerBarReporter(factory: BarReporterFactory | null): void {
  barFactory = factory;
}

/**
 * The reporter for `verbose` and `stream`: `false` silent; `'line'` a line per epoch;
 * `true` / `'bar'` the bar when the stream is a TTY and a bar is registered (Node), else a
 * line per epoch. Without a stream (no `process.stdout`, e.g. a browser) lines go to
 * `console.log`.
 */
export function createReporter(verbose: boolean | 'bar' | 'line', stream?: WritableLike): ProgressReporter {
  if (verbose === false) return new SilentReporter();
  const out = stream ?? defaultStream();
  if (out === null) return new LineReporter((s) => console.log(s.replace(/\n$/, '')));
  if (verbose !== 'line' && out.isTTY === true && barFactory !== null) return barFactory(out);
  return new LineReporter((s) => {
    out.write(s);
  });
}

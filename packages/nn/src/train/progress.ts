/**
 * Progress output of `nn.fit`: a live bar on a TTY (cli-progress: epoch, batch progress,
 * running loss and metrics, time left), one plain line per epoch otherwise (a file, a
 * pipe, CI logs, or `verbose: 'line'`), nothing with `verbose: false`.
 *
 * The training loop is synchronous, so the bar redraws from `update()` calls
 * (cli-progress's synchronous updates, at most 5 times a second), never from a timer;
 * `end()` must run (fit calls it in a `finally`) to stop the bar and restore the line.
 */
import cliProgress from 'cli-progress';

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
function summaryLine(summary?: ProgressSummary): string | null {
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

/** A cli-progress bar over all batches of all epochs. */
class BarReporter implements ProgressReporter {
  readonly #stream: WritableLike;
  #bar: cliProgress.SingleBar | null = null;
  #epochs = 0;
  #perEpoch: number | null = null;
  #metricNames: string[] = [];
  #last: Record<string, string> = {};

  constructor(stream: WritableLike) {
    this.#stream = stream;
  }

  start(info: ProgressStart): void {
    this.#epochs = info.epochs;
    this.#perEpoch = info.batchesPerEpoch;
    this.#metricNames = info.metricNames;
    const metrics = ['loss', ...info.metricNames].map((k) => `${k}: {${k}}`).join(' | ');
    this.#bar = new cliProgress.SingleBar({
      stream: this.#stream as NodeJS.WritableStream,
      format: `epoch {epoch} |{bar}| {percentage}% | ${metrics}{val} | ETA {eta_formatted}`,
      barsize: 24,
      hideCursor: false,
      gracefulExit: false,
      clearOnComplete: false,
      etaBuffer: 50,
    });
    const total = this.#perEpoch !== null && Number.isFinite(this.#epochs) ? this.#epochs * this.#perEpoch : Number.isFinite(this.#epochs) ? this.#epochs : 1;
    this.#last = { epoch: this.#epochText(0), loss: '-', val: '' };
    for (const k of this.#metricNames) this.#last[k] = '-';
    this.#bar.start(total, 0, this.#last);
  }

  #epochText(epoch: number): string {
    return Number.isFinite(this.#epochs) ? `${epoch + 1}/${this.#epochs}` : String(epoch + 1);
  }

  batch(epoch: number, batchesDone: number, running: Readonly<Record<string, number>>): void {
    if (this.#bar === null || this.#perEpoch === null) return;
    this.#last.epoch = this.#epochText(epoch);
    for (const [k, v] of Object.entries(running)) this.#last[k] = formatValue(v);
    this.#bar.update(epoch * this.#perEpoch + batchesDone, this.#last);
  }

  epochEnd(epoch: number, logs: Readonly<Record<string, number>>): void {
    if (this.#bar === null) return;
    this.#last.epoch = this.#epochText(epoch);
    for (const k of ['loss', ...this.#metricNames]) if (logs[k] !== undefined) this.#last[k] = formatValue(logs[k]);
    const val = Object.entries(logs).filter(([k]) => k.startsWith('val'));
    this.#last.val = val.map(([k, v]) => ` | ${k}: ${formatValue(v)}`).join('');
    const done = this.#perEpoch !== null ? (epoch + 1) * this.#perEpoch : epoch + 1;
    this.#bar.update(done, this.#last);
  }

  end(summary?: ProgressSummary): void {
    if (this.#bar === null) return;
    this.#bar.stop();
    this.#bar = null;
    const last = summaryLine(summary);
    if (last !== null) this.#stream.write(last);
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

/**
 * The reporter for `verbose` and `stream`: `false` silent; `'line'` a line per epoch;
 * `true` / `'bar'` the bar when the stream is a TTY, else a line per epoch. Without a
 * stream (no `process.stdout`, e.g. a browser) lines go to `console.log`.
 */
export function createReporter(verbose: boolean | 'bar' | 'line', stream?: WritableLike): ProgressReporter {
  if (verbose === false) return new SilentReporter();
  const out = stream ?? defaultStream();
  if (out === null) return new LineReporter((s) => console.log(s.replace(/\n$/, '')));
  if (verbose !== 'line' && out.isTTY === true) return new BarReporter(out);
  return new LineReporter((s) => {
    out.write(s);
  });
}

/**
 * The live progress bar of `nn.fit` on a TTY, drawn by cli-progress (epoch, batch
 * progress, running loss and metrics, time left). Node only: cli-progress needs Node's
 * `readline`, so only the Node entry (`src/node.ts`) imports this file and registers the
 * bar (`registerBarReporter`); the core bundle stays loadable in a browser.
 *
 * The training loop is synchronous, so the bar redraws from `update()` calls
 * (cli-progress's synchronous updates, at most 5 times a second), never from a timer;
 * `end()` must run (fit calls it in a `finally`) to stop the bar and restore the line.
 */
import cliProgress from 'cli-progress';
import { formatValue, summaryLine, type ProgressReporter, type ProgressStart, type ProgressSummary, type WritableLike } from './progress.js';

/** A cli-progress bar over all batches of all epochs. */
export class BarReporter implements ProgressReporter {
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


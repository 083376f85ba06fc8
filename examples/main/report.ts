/**
 * `report.html`: one self-contained page (inline SVGs, inline PNG data URLs, no script,
 * no network) with the run's numbers and plots.
 */
import * as np from '@numbat/ndarray';
import { codesSpec, confusionSpec, curvesSpec, digitsSpec, renderSvg } from './plots.js';
import type { ClassifierResult } from './classifier.js';
import type { AutoencoderResults } from './autoencoders.js';

/** Everything the report shows. */
export interface ReportInput {
  title: string;
  /** Settings and sizes, shown as a table. */
  facts: readonly [string, string][];
  classifier: ClassifierResult;
  autoencoders: AutoencoderResults | null;
  /** The confusion matrix as printed (NumPy's repr). */
  confusionText: string;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function figure(id: string, svg: string, caption: string): string {
  return `<figure id="${id}" class="plot">${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

const pct = (v: number): string => `${(100 * v).toFixed(2)}%`;

/**
 * The report's HTML. Each plot is a `<figure class="plot">` holding one inline `<svg>`.
 *
 * @example
 * writeFileSync('out/report.html', await reportHtml({ title, facts, classifier, autoencoders, confusionText }));
 */
export async function reportHtml(r: ReportInput): Promise<string> {
  const c = r.classifier;
  const h = c.history;
  const figures: string[] = [];
  figures.push(
    figure('classifier-loss', await renderSvg(curvesSpec('Classifier: cross-entropy loss', 'loss', { train: h.loss, 'held-out': h.valLoss ?? [] })),
      'Mean cross-entropy per epoch on the (shifted) training digits and on the held-out test digits.'),
    figure('classifier-accuracy', await renderSvg(curvesSpec('Classifier: accuracy', 'accuracy', { train: h.metrics.accuracy ?? [], 'held-out': h.metrics.valAccuracy ?? [] })),
      'Fraction of digits classified correctly per epoch.'),
    figure('confusion-matrix', await renderSvg(confusionSpec(c.confusion)), 'Rows: the true digit; columns: the predicted one. Off-diagonal cells are the mistakes.'),
  );
  const a = r.autoencoders;
  if (a !== null) {
    figures.push(
      figure('autoencoder-loss', await renderSvg(curvesSpec('Autoencoders: reconstruction error', 'mean squared error', {
        '2-D code, train': a.aeHistory.loss,
        '2-D code, held-out': a.aeHistory.valLoss ?? [],
        'denoising, train (noisy input)': a.daeHistory.loss,
      }, { width: 360 })), 'Mean squared error between the reconstruction and the clean digit, per epoch.'),
      figure('codes', await renderSvg(codesSpec(a.codes, a.codeLabels)),
        'Each test digit mapped to its 2-D code by the encoder, coloured by its true class.'),
      figure('digits', await renderSvg(digitsSpec('Test digits: original, noisy, denoised, and through the 2-D code', {
        original: a.samples.clean,
        [`noisy (sigma ${a.sigma})`]: a.samples.noisy,
        denoised: a.samples.restored,
        'from the 2-D code': a.samples.fromCode,
      }, Array.from(a.samples.labels.astype('int32').data as Int32Array, String))),
        `Denoising: mean squared error to the clean digits ${a.noisyError.toFixed(4)} with the noise, ${a.restoredError.toFixed(4)} after the denoiser (all test digits).`),
    );
  }
  const facts = r.facts.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(r.title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
  .headline { font-size: 1.2rem; margin: 0.5rem 0 1.5rem; }
  table { border-collapse: collapse; margin-bottom: 1.5rem; }
  th, td { text-align: left; padding: 0.2rem 0.8rem 0.2rem 0; vertical-align: top; }
  th { font-weight: 600; color: #555; }
  .plots { display: flex; flex-wrap: wrap; gap: 1.5rem; }
  figure.plot { margin: 0; }
  figcaption { font-size: 0.85rem; color: #555; max-width: 460px; }
  pre { background: #f6f6f6; padding: 0.8rem; display: inline-block; }
</style>
</head>
<body>
<h1>${escapeHtml(r.title)}</h1>
<p class="headline">Held-out accuracy <strong id="accuracy">${pct(c.accuracy)}</strong> on ${c.predicted.shape[0]} test digits.</p>
<table>
${facts}
</table>
<h2>Classifier</h2>
<div class="plots">
${figures.slice(0, 3).join('\n')}
</div>
<pre id="confusion-text">${escapeHtml(r.confusionText)}</pre>
${a === null ? '' : `<h2>Autoencoders</h2>\n<div class="plots">\n${figures.slice(3).join('\n')}\n</div>`}
</body>
</html>
`;
}

/**
 * The confusion matrix as NumPy's `print(confusion)` shows it, for the console and the report.
 *
 * @example
 * confusionText(np.array([[1, 0], [2, 3]])); // '[[1 0]\n [2 3]]'
 */
export function confusionText(confusion: np.NDArray): string {
  return np.arrayStr(confusion);
}

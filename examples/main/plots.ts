/**
 * The report's plots: Vega-Lite specifications rendered to SVG strings in Node (Vega's
 * headless `View` with `renderer: 'none'`, no canvas, no native dependency). Digits are
 * drawn as Vega-Lite `image` marks whose URLs are tiny grey-level PNGs (data URLs),
 * encoded here with Node's zlib.
 */
import { deflateSync } from 'node:zlib';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import * as np from '@numbat/ndarray';
import { SIDE } from './data.js';

/** One row of a plot's data. */
type Row = Record<string, string | number>;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * Renders a Vega-Lite specification to an SVG string.
 *
 * @example
 * const svg = await renderSvg({ data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } });
 */
export async function renderSvg(spec: vl.TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile({ $schema: SCHEMA, ...spec } as vl.TopLevelSpec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Per-epoch curves: `series` maps a legend label to one value per epoch.
 *
 * @example
 * const svg = await renderSvg(curvesSpec('loss', 'loss', { train: history.loss, 'held-out': history.valLoss! }));
 */
export function curvesSpec(title: string, yTitle: string, series: Readonly<Record<string, readonly number[]>>, options: { width?: number } = {}): vl.TopLevelSpec {
  const values: Row[] = [];
  for (const [name, ys] of Object.entries(series)) ys.forEach((y, i) => values.push({ epoch: i + 1, value: y, series: name }));
  return {
    title,
    width: options.width ?? 300,
    height: 200,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', axis: { tickMinStep: 1, format: 'd', title: 'epoch' } },
      y: { field: 'value', type: 'quantitative', title: yTitle, scale: { zero: false } },
      color: { field: 'series', type: 'nominal', title: null, sort: Object.keys(series), legend: { labelLimit: 400, orient: 'bottom', direction: 'vertical' } },
    },
  } as vl.TopLevelSpec;
}

/**
 * The confusion matrix as a heatmap with the counts written in the cells.
 *
 * @example
 * const svg = await renderSvg(confusionSpec(confusionMatrix(test.labels, predicted)));
 */
export function confusionSpec(confusion: np.NDArray): vl.TopLevelSpec {
  const c = confusion.tolist() as number[][];
  const values: Row[] = [];
  c.forEach((row, t) => row.forEach((n, p) => values.push({ truth: t, predicted: p, count: n })));
  const max = Math.max(...values.map((v) => v.count as number));
  return {
    title: 'Confusion matrix of the test digits',
    width: 320,
    height: 320,
    data: { values },
    encoding: {
      x: { field: 'predicted', type: 'ordinal', title: 'predicted digit', axis: { labelAngle: 0, orient: 'top' } },
      y: { field: 'truth', type: 'ordinal', title: 'true digit' },
    },
    layer: [
      { mark: 'rect', encoding: { color: { field: 'count', type: 'quantitative', scale: { type: 'symlog', scheme: 'blues' }, legend: null } } },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          color: { condition: { test: `datum.count > ${max / 3}`, value: 'white' }, value: 'black' },
        },
      },
    ],
  } as vl.TopLevelSpec;
}

/**
 * The 2-D codes of the test digits, one point per digit, coloured by its label.
 *
 * @example
 * const svg = await renderSvg(codesSpec(codes, test.labels)); // codes: (n, 2)
 */
export function codesSpec(codes: np.NDArray, labels: np.NDArray): vl.TopLevelSpec {
  const z = codes.astype('float64').data as Float64Array;
  const y = labels.astype('int32').data as Int32Array;
  const values: Row[] = Array.from(y, (d, i) => ({ h1: z[2 * i]!, h2: z[2 * i + 1]!, digit: String(d) }));
  return {
    title: 'The 2-D codes of the test digits (the autoencoder never saw the labels)',
    width: 420,
    height: 380,
    data: { values },
    mark: { type: 'circle', size: 14, opacity: 0.75 },
    encoding: {
      x: { field: 'h1', type: 'quantitative', title: 'code unit 1', scale: { zero: false } },
      y: { field: 'h2', type: 'quantitative', title: 'code unit 2', scale: { zero: false } },
      color: { field: 'digit', type: 'nominal', scale: { scheme: 'category10' }, sort: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] },
    },
  } as vl.TopLevelSpec;
}

/**
 * Rows of digit images side by side: `rows` maps a row label to (k, 784) images, all with
 * the same k; `columns` labels the columns (the digits' true classes).
 *
 * @example
 * const svg = await renderSvg(digitsSpec('digits', { original: clean, noisy }, ['0', '1']));
 */
export function digitsSpec(title: string, rows: Readonly<Record<string, np.NDArray>>, columns: readonly string[]): vl.TopLevelSpec {
  const size = 44;
  const values: Row[] = [];
  for (const [row, images] of Object.entries(rows)) {
    const k = images.shape[0]!;
    for (let i = 0; i < k; i++) values.push({ row, column: i, label: columns[i] ?? '', url: digitPng(images.get(i)) });
  }
  return {
    title,
    width: { step: size + 4 },
    height: { step: size + 4 },
    data: { values },
    mark: { type: 'image', width: size, height: size, smooth: false },
    encoding: {
      x: { field: 'column', type: 'ordinal', axis: { title: null, labelExpr: `[${columns.map((c) => JSON.stringify(c)).join(',')}][datum.value]`, orient: 'top', labelAngle: 0, ticks: false, domain: false } },
      y: { field: 'row', type: 'ordinal', sort: Object.keys(rows), axis: { title: null, ticks: false, domain: false } },
      url: { field: 'url', type: 'nominal' },
    },
  } as vl.TopLevelSpec;
}

// ---- PNG encoding of one 28x28 grey-level digit (values in [0, 1], clipped) ----

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(4 + body.length + 4); // length, type and data, CRC
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 4 + body.length);
  return out;
}

/**
 * A `data:image/png;base64,...` URL of one digit (784 values in [0, 1], ink dark on a
 * white background, as on paper).
 *
 * @example
 * digitPng(np.zeros(784)); // a white 28x28 PNG
 */
export function digitPng(image: np.NDArray): string {
  const v = np.clip(image.astype('float64'), 0, 1).data as Float64Array;
  const raw = new Uint8Array(SIDE * (SIDE + 1));
  for (let r = 0; r < SIDE; r++) {
    raw[r * (SIDE + 1)] = 0; // filter: none
    for (let c = 0; c < SIDE; c++) raw[r * (SIDE + 1) + 1 + c] = Math.round(255 * (1 - v[r * SIDE + c]!));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIDE, 0);
  header.writeUInt32BE(SIDE, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: grey
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

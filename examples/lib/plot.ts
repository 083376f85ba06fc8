/**
 * SVG plots through Vega-Lite (compiled to Vega, rendered headless: no canvas, no native
 * dependencies), plus the few chart shapes the examples share. A chart is a Vega-Lite spec
 * (a plain object), so an example can always write its own.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';

/**
 * A Vega-Lite specification. Typed loosely (any JSON object): Vega-Lite's own type is too
 * strict to build specs from parts; `vl.compile` validates it at run time.
 */
export type Spec = vl.TopLevelSpec | Record<string, unknown>;

/** One data row of a chart. */
export type Row = Record<string, number | string | boolean | null>;

/** Renders a Vega-Lite spec to an SVG document. */
export async function renderSvg(spec: Spec): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(spec as vl.TopLevelSpec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  title: string;
  /** Field names of x, y and (optional) the series. */
  x: string;
  y: string;
  series?: string;
  xTitle?: string;
  yTitle?: string;
  /** Logarithmic axes. */
  logX?: boolean;
  logY?: boolean;
  /** Draw points too. */
  points?: boolean;
  width?: number;
  height?: number;
}

/** Lines of `rows`, one per value of `series`. */
export function lineChart(rows: Row[], o: LineChartOptions): Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: o.title,
    width: o.width ?? 480,
    height: o.height ?? 300,
    data: { values: rows },
    mark: { type: 'line', point: o.points ?? false, clip: true },
    encoding: {
      x: { field: o.x, type: 'quantitative', title: o.xTitle ?? o.x, scale: o.logX ? { type: 'log' } : { zero: false } },
      y: { field: o.y, type: 'quantitative', title: o.yTitle ?? o.y, scale: o.logY ? { type: 'log' } : { zero: false } },
      ...(o.series === undefined ? {} : { color: { field: o.series, type: 'nominal', title: o.series } }),
    },
  };
}

/** The cells `{ row, col, v }` of a matrix given as rows (row 0 at the top), for heat maps. */
export function cells(values: ArrayLike<number>[]): Row[] {
  const rows: Row[] = [];
  values.forEach((r, i) => {
    for (let j = 0; j < r.length; j++) rows.push({ row: i, col: j, v: r[j]! });
  });
  return rows;
}

/**
 * An image (rows of pixel values, row 0 at the top) as a heat map with `title`; `text`
 * writes each value in its cell, `mid` centres a diverging scheme on that value.
 */
export function imageSpec(
  values: ArrayLike<number>[],
  title: string,
  o: { size?: number; scheme?: string; domain?: [number, number]; mid?: number; text?: boolean; format?: string } = {},
): Record<string, unknown> {
  const rows = cells(values);
  const n = Math.max(values.length, values[0]?.length ?? 0);
  const size = o.size ?? Math.max(120, Math.min(240, n * 24));
  const cell = {
    mark: { type: 'rect', opacity: o.text ? 0.75 : 1 },
    encoding: {
      x: { field: 'col', type: 'ordinal', axis: null },
      y: { field: 'row', type: 'ordinal', axis: null },
      color: {
        field: 'v',
        type: 'quantitative',
        scale: { scheme: o.scheme ?? 'greys', ...(o.domain ? { domain: o.domain } : {}), ...(o.mid === undefined ? {} : { domainMid: o.mid }) },
        legend: null,
      },
    },
  };
  const layer: unknown[] = [cell];
  if (o.text) {
    layer.push({
      mark: { type: 'text', fontSize: 12, fontWeight: 'bold', color: 'black' },
      encoding: { x: { field: 'col', type: 'ordinal' }, y: { field: 'row', type: 'ordinal' }, text: { field: 'v', type: 'quantitative', format: o.format ?? '.3~g' } },
    });
  }
  return { title, width: size, height: size, data: { values: rows }, layer };
}

/** Several specs side by side (Vega-Lite `hconcat`), wrapped in rows of `columns`. */
export function grid(title: string, specs: unknown[], columns = 4): Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    columns,
    concat: specs.map((s) => {
      const { $schema: _s, ...rest } = s as Record<string, unknown>;
      return rest;
    }),
    resolve: { scale: { color: 'independent' } },
  };
}

/**
 * A Vega-Lite layer of coloured cells centred on grid points `{ [x], [y], [value] }`
 * spaced `step` apart: a function over the plane (a decision surface, a loss surface).
 */
export function surfaceLayer(rows: Row[], step: number, o: { x?: string; y?: string; value?: string; color: Record<string, unknown> }): Record<string, unknown> {
  const x = o.x ?? 'x';
  const y = o.y ?? 'y';
  const h = step * 0.51; // a little overlap: no anti-aliasing seams between cells
  return {
    data: { values: rows },
    transform: [
      { calculate: `datum['${x}'] - ${h}`, as: '_x0' },
      { calculate: `datum['${x}'] + ${h}`, as: '_x1' },
      { calculate: `datum['${y}'] - ${h}`, as: '_y0' },
      { calculate: `datum['${y}'] + ${h}`, as: '_y1' },
    ],
    mark: 'rect',
    encoding: {
      x: { field: '_x0', type: 'quantitative', title: x, scale: { nice: false, zero: false } },
      x2: { field: '_x1' },
      y: { field: '_y0', type: 'quantitative', title: y, scale: { nice: false, zero: false } },
      y2: { field: '_y1' },
      color: { field: o.value ?? 'v', type: 'quantitative', ...o.color },
    },
  };
}

/** Grid points `{ x, y }` of a `g` by `g` grid over `[lo, hi]²`, and its spacing. */
export function gridPoints(lo: number, hi: number, g: number): { points: [number, number][]; step: number } {
  const step = (hi - lo) / (g - 1);
  const points: [number, number][] = [];
  for (let i = 0; i < g; i++) for (let j = 0; j < g; j++) points.push([lo + j * step, lo + i * step]);
  return { points, step };
}

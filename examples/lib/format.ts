/** Number and table formatting for the examples' printed output. */

/** `x` with `digits` significant digits, in exponent form when very small or large. */
export function num(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a < 1e-3 || a >= 1e6 ? x.toExponential(digits - 1) : String(Number(x.toPrecision(digits)));
}

/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cellsOf = (r: (string | number)[]) => r.map((c) => (typeof c === 'number' ? num(c) : c));
  const body = rows.map(cellsOf);
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((r) => (r[j] ?? '').length)));
  const line = (r: string[], raw?: (string | number)[]) =>
    r.map((c, j) => (typeof raw?.[j] === 'number' ? c.padStart(widths[j]!) : c.padEnd(widths[j]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map((r, i) => line(r, rows[i]))].join('\n');
}

/** Milliseconds since `t0` as `1.23 s` or `456 ms`. */
export function elapsed(t0: number): string {
  const ms = performance.now() - t0;
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

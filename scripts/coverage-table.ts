/**
 * Generates the README's op-coverage table from the code itself: the ufunc table and the
 * exports of each family module. `--write` rewrites the README between its markers;
 * without it the table is printed. `test/readme.test.ts` fails when the README is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { coverageTable } from './coverage.js';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const START = '<!-- coverage:start -->';
const END = '<!-- coverage:end -->';

const table = coverageTable();
if (process.argv.includes('--write')) {
  const text = readFileSync(readme, 'utf8');
  const i = text.indexOf(START);
  const j = text.indexOf(END);
  if (i < 0 || j < 0) throw new Error('README.md has no coverage markers');
  writeFileSync(readme, text.slice(0, i + START.length) + '\n' + table + '\n' + text.slice(j));
  console.log('README.md coverage table updated');
} else {
  console.log(table);
}

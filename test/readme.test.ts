/**
 * The README stays true: its coverage table is the one generated from the code, and its
 * quick start shows the two commands CI and new users run.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { coverageTable } from '../scripts/coverage.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('has the current op-coverage table (regenerate: npm run coverage-table -- --write)', () => {
    const start = readme.indexOf('<!-- coverage:start -->');
    const end = readme.indexOf('<!-- coverage:end -->');
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + '<!-- coverage:start -->'.length, end).trim()).toBe(coverageTable());
  });

  it('shows the quick-start commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
  });
});

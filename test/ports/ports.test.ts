/**
 * Short NumPy programs of the exercise-collection kind, ported to numbat: each Python
 * original (`<name>.py`, beside its port) runs through the NumPy oracle with stdout captured,
 * and the port's printed output must equal it exactly.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasNumpy, oracle } from '../oracle/numpy.js';
import { normalize } from './normalize.js';
import { movingAverages } from './moving_average.js';
import { oneHot } from './one_hot.js';
import { nearestValue } from './nearest_value.js';
import { histogramOfNormals } from './histogram.js';
import { linearRegression } from './linear_regression.js';
import { gameOfLife } from './game_of_life.js';
import { setsAndIndices } from './sets_and_indices.js';

const PORTS: [string, () => string][] = [
  ['normalize', normalize],
  ['moving_average', movingAverages],
  ['one_hot', oneHot],
  ['nearest_value', nearestValue],
  ['histogram', histogramOfNormals],
  ['linear_regression', linearRegression],
  ['game_of_life', gameOfLife],
  ['sets_and_indices', setsAndIndices],
];

/** The Python program wrapped so that what it prints becomes the oracle's answer. */
function captured(name: string): string {
  const source = readFileSync(fileURLToPath(new URL(`./${name}.py`, import.meta.url)), 'utf8');
  return [
    'import io, contextlib',
    '_buf = io.StringIO()',
    'with contextlib.redirect_stdout(_buf):',
    '    exec(compile(_src, "<port>", "exec"), {"__name__": "__main__"})',
    'result = _buf.getvalue()',
  ].join('\n').replace('_src', JSON.stringify(source));
}

describe.runIf(hasNumpy)('ports of NumPy programs print what NumPy prints', () => {
  for (const [name, run] of PORTS) {
    it(name, async () => {
      const py = await oracle();
      const ans = await py.one(captured(name));
      if (!ans.ok) throw new Error(`${ans.type}: ${ans.message}`);
      expect(run()).toBe(ans.value);
    });
  }
});

describe('ports run without NumPy too', () => {
  it('every port prints something and is deterministic', () => {
    for (const [, run] of PORTS) {
      const first = run();
      expect(first.length).toBeGreaterThan(0);
      expect(run()).toBe(first);
    }
  });
});

/**
 * The foundation issue's acceptance snippet: the numbat port prints exactly what NumPy
 * prints for the same program (int32 arrays, numbat's default integer).
 */
import { describe, expect, it } from 'vitest';
import { hasNumpy, oracle } from './oracle/numpy.js';
import { ACCEPTANCE_PYTHON, printAcceptance } from '../examples/acceptance.js';

describe.runIf(hasNumpy)('acceptance snippet', () => {
  it('prints exactly what NumPy prints', async () => {
    const py = await oracle();
    const code = [
      'import io, contextlib',
      '_buf = io.StringIO()',
      'with contextlib.redirect_stdout(_buf):',
      ...ACCEPTANCE_PYTHON.trim().split('\n').map((l) => '    ' + l),
      'result = _buf.getvalue()',
    ].join('\n');
    const ans = await py.one(code);
    if (!ans.ok) throw new Error(`${ans.type}: ${ans.message}`);
    expect(printAcceptance()).toBe(ans.value);
  });
});

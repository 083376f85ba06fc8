/**
 * The case runner of the table-driven property files (sorting, porting): each case is a
 * numbat call, the same call in Python, and optionally a check against the naive reference.
 * Every case runs once; inputs must come back unchanged; a thrown error must match NumPy's
 * class and message.
 */
import * as np from '@numbat/ndarray';
import { oracle, type OracleAnswer, type PyArg } from '../oracle/numpy.js';
import { fingerprint } from '../helpers.js';

/** One case. */
export interface Case {
  desc: string;
  /** Arrays that must be left unchanged. */
  inputs: np.NDArray[];
  /** The numbat call (its value is compared; a thrown error is compared with NumPy's). */
  run: () => unknown;
  /** Python code: an expression, or statements setting `result`. */
  py: string;
  args: Record<string, PyArg>;
  /** Compares numbat's value with NumPy's answer (default: the runner's `compare`). */
  compare?: (ours: unknown, ans: OracleAnswer) => string | null;
  /** Checks numbat's value against the reference (runs without NumPy); null when fine. */
  ref?: (ours: unknown) => string | null;
}

/** NumPy's exception names and the numbat error classes they correspond to. */
const NUMPY_ERROR: Record<string, string> = { TypeError: 'DTypeError', AxisError: 'AxisError', ValueError: 'ValueError', IndexError: 'IndexError', OverflowError: 'OverflowError' };

interface Ran {
  c: Case;
  ours: unknown;
  changed: string | null;
}

function runAll(cases: Case[]): Ran[] {
  return cases.map((c) => {
    const before = c.inputs.map(fingerprint);
    let ours: unknown;
    try {
      ours = c.run();
    } catch (e) {
      ours = e;
    }
    const after = c.inputs.map(fingerprint);
    const i = after.findIndex((f, k) => f !== before[k]);
    return { c, ours, changed: i < 0 ? null : `input ${i} was modified` };
  });
}

/**
 * Runs the cases and compares each with NumPy (batched through the oracle): values with the
 * case's `compare` or `compare` here, errors by class and message. Returns the failures.
 */
export async function againstNumpy(cases: Case[], compare: (ours: unknown, ans: OracleAnswer) => string | null): Promise<string[]> {
  const ran = runAll(cases);
  const py = await oracle();
  const answers = await py.run(ran.map((r) => ({ code: r.c.py, args: r.c.args })));
  const failures: string[] = [];
  ran.forEach((r, i) => {
    const ans = answers[i]!;
    const what = r.c.desc;
    if (r.changed !== null) failures.push(`${what}: ${r.changed}`);
    if (r.ours instanceof Error) {
      if (ans.ok) failures.push(`${what}: threw ${r.ours.name}: ${r.ours.message}; NumPy gave a result`);
      else if (r.ours.message !== ans.message.trimEnd() || r.ours.name !== NUMPY_ERROR[ans.type]) {
        failures.push(`${what}: ${r.ours.name} "${r.ours.message}", NumPy ${ans.type} "${ans.message}"`);
      }
      return;
    }
    if (!ans.ok) {
      failures.push(`${what}: NumPy raised ${ans.type}: ${ans.message}`);
      return;
    }
    const m = (r.c.compare ?? compare)(r.ours, ans);
    if (m !== null) failures.push(`${what}: ${m}`);
  });
  return failures;
}

/** Runs the cases against their `ref` checks (no NumPy needed); returns failures and how many were checked. */
export function againstReference(cases: Case[]): { failures: string[]; checked: number } {
  const failures: string[] = [];
  let checked = 0;
  for (const r of runAll(cases)) {
    if (r.changed !== null) failures.push(`${r.c.desc}: ${r.changed}`);
    if (r.c.ref === undefined || r.ours instanceof Error) continue;
    checked++;
    const m = r.c.ref(r.ours);
    if (m !== null) failures.push(`${r.c.desc}: ${m}`);
  }
  return { failures, checked };
}

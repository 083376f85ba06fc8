/**
 * Harness for oracle tests of functions whose results are views or new layouts (the
 * creation and shape families). Inputs are rebuilt in NumPy with the same buffer, offset
 * and strides (`as_strided`), so NumPy sees exactly the layout numbat saw; each case
 * compares the values (dtype, shape, elements), the errors (class and message), and the
 * layout: strides on axes longer than 1, whether the result shares memory with the inputs,
 * writeability and contiguity flags. Inputs must be left unchanged.
 */
import * as np from '@numbat/ndarray';
import { oracle, type OracleCase, type PyArg, type PyValue } from '../oracle/numpy.js';
import { mismatch, type Tolerance } from '../oracle/compare.js';
import { fingerprint } from '../helpers.js';

/** numbat error class -> the NumPy exception names it stands for. */
const ERROR_NAMES: Record<string, string[]> = {
  ValueError: ['ValueError', 'ZeroDivisionError'],
  IndexError: ['IndexError'],
  AxisError: ['AxisError'],
  DTypeError: ['TypeError'],
  OverflowError: ['OverflowError'],
};

/** Python prelude: `V(buf, meta)` rebuilds a view; `M(r, *inputs)` describes a result's layout. */
const PRELUDE = `
from numpy.lib.stride_tricks import as_strided
def V(b, m):
    off, shape, strides, w = m
    return as_strided(b[off:], shape=tuple(shape), strides=tuple(s * b.itemsize for s in strides), writeable=w)
def M(r, *ins):
    r = np.asarray(r)
    st = [s // r.itemsize for s in r.strides]
    share = any(np.may_share_memory(r, i) for i in ins)
    return [st, bool(share), bool(r.flags.writeable), bool(r.flags.c_contiguous), bool(r.flags.f_contiguous)]
`;

/** The oracle arguments that rebuild `a` (as `V(<name>_b, <name>_m)`). */
export function viewArgs(name: string, a: np.NDArray): Record<string, PyArg> {
  const buf = new np.NDArray(a.data, [a.data.length], [1], 0, a.dtype);
  return { [`${name}_b`]: buf, [`${name}_m`]: [a.offset, a.shape.slice(), a.strides.slice(), a.flags.writeable] };
}

/** One case: a numbat call and the NumPy code computing the same thing. */
export interface LayoutCase {
  /** Shown on failure. */
  desc: string;
  /** The numbat call. */
  run: () => unknown;
  /** Inputs: rebuilt in Python under these names, checked unchanged afterwards. */
  inputs: Record<string, np.NDArray>;
  /** Python expression (or statements setting `result`) over the input names. */
  code: string;
  /** Other oracle arguments. */
  args?: Record<string, PyArg>;
  /** Also compare layout (strides, sharing, flags) of each result array (default true). */
  layout?: boolean;
  /** Float tolerance. */
  tol?: Tolerance;
  /** Skip the writeable comparison (numbat's deliberate read-only broadcast views). */
  ignoreWriteable?: boolean;
}

/** Byte ranges of one buffer overlap (small arrays are distinct ranges of a pooled buffer). */
function sharesWith(r: np.NDArray, ins: readonly np.NDArray[]): boolean {
  const x = r.data;
  return ins.some((i) => {
    const y = i.data;
    return y.buffer === x.buffer && i.size > 0 && r.size > 0 && x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength;
  });
}

type Meta = [number[], boolean, boolean, boolean, boolean];

function layoutMismatch(r: np.NDArray, meta: Meta, ins: readonly np.NDArray[], ignoreWriteable: boolean): string | null {
  const [st, share, writeable, c, f] = meta;
  if (r.size > 0) {
    for (let d = 0; d < r.ndim; d++) {
      if (r.shape[d]! > 1 && r.strides[d] !== st[d]) return `strides [${r.strides}], NumPy [${st}]`;
    }
  }
  if (sharesWith(r, ins) !== share) return `shares memory: ${!share}, NumPy ${share}`;
  if (!ignoreWriteable && r.flags.writeable !== writeable) return `writeable ${r.flags.writeable}, NumPy ${writeable}`;
  // numbat's core flags an empty array contiguous only in some layouts (NumPy: always both)
  if (r.size > 0 && (r.flags.cContiguous !== c || r.flags.fContiguous !== f)) return `contiguity C ${r.flags.cContiguous} F ${r.flags.fContiguous}, NumPy C ${c} F ${f}`;
  return null;
}

/** Runs the cases in one oracle batch; returns the failures (empty when all pass). */
export async function runLayoutCases(cases: readonly LayoutCase[]): Promise<string[]> {
  const py = await oracle();
  const results: { value: unknown; error: Error | null }[] = [];
  const failures: string[] = [];
  for (const c of cases) {
    const before = Object.values(c.inputs).map(fingerprint);
    try {
      results.push({ value: c.run(), error: null });
    } catch (e) {
      results.push({ value: undefined, error: e as Error });
    }
    Object.values(c.inputs).forEach((a, i) => {
      if (fingerprint(a) !== before[i]) failures.push(`${c.desc}: input ${Object.keys(c.inputs)[i]} was modified`);
    });
  }
  const oc: OracleCase[] = cases.map((c) => {
    const args: Record<string, PyArg> = { ...(c.args ?? {}) };
    const rebuild: string[] = [];
    for (const [name, a] of Object.entries(c.inputs)) {
      Object.assign(args, viewArgs(name, a));
      rebuild.push(`${name} = V(${name}_b, ${name}_m)`);
    }
    const body = c.code.includes('result =') ? c.code : `result = ${c.code}`;
    const names = Object.keys(c.inputs).join(', ');
    const layout = c.layout !== false;
    const tail = layout
      ? `\nif isinstance(result, (list, tuple)):\n    result = [list(result), [M(x, ${names}) for x in result]]\nelse:\n    result = [result, M(result, ${names})]`
      : '';
    return { code: `${PRELUDE}\n${rebuild.join('\n')}\n${body}${tail}`, args };
  });
  const answers = await py.run(oc);
  cases.forEach((c, i) => {
    const ans = answers[i]!;
    const { value, error } = results[i]!;
    const ins = Object.values(c.inputs);
    if (error !== null) {
      if (ans.ok) failures.push(`${c.desc}: threw ${error.name}: ${error.message}; NumPy gave a result`);
      else if (!(ERROR_NAMES[error.name] ?? [error.name]).includes(ans.type) || error.message !== ans.message) {
        failures.push(`${c.desc}: threw ${error.name}: "${error.message}"; NumPy ${ans.type}: "${ans.message}"`);
      }
      return;
    }
    if (!ans.ok) {
      failures.push(`${c.desc}: returned a result; NumPy raised ${ans.type}: ${ans.message}`);
      return;
    }
    let expected: PyValue = ans.value;
    let metas: Meta[] | null = null;
    if (c.layout !== false) {
      const [res, meta] = expected as [PyValue, unknown];
      expected = res;
      metas = Array.isArray(value) ? (meta as Meta[]) : [meta as Meta];
    }
    const m = mismatch(value, expected, c.tol ?? {});
    if (m !== null) {
      failures.push(`${c.desc}: ${m}`);
      return;
    }
    if (metas !== null) {
      const arrays = (Array.isArray(value) ? value : [value]) as unknown[];
      arrays.forEach((r, k) => {
        if (!(r instanceof np.NDArray)) return;
        const why = layoutMismatch(r, metas![k]!, ins, c.ignoreWriteable === true);
        if (why !== null) failures.push(`${c.desc}${arrays.length > 1 ? ` [${k}]` : ''}: ${why}`);
      });
    }
  });
  return failures;
}

/** A short description of an array: dtype, shape, strides, offset. */
export function describe(a: np.NDArray): string {
  return `${a.dtype}(${a.shape})[st ${a.strides} off ${a.offset}]`;
}

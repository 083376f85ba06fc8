/**
 * The performance fast paths of issue 7 against the general paths they shortcut and
 * against NumPy, bit for bit: fused `var`/`std` (`kernels/moments.ts`), per-dtype
 * `argmax`/`argmin` loops (`kernels/arg-reduce.ts`), the tiled transposed copy
 * (`ops/assign.ts`), the pooled small allocations (`dtype/dtypes.ts`) and the lazy flags of
 * the NDArray constructor. Each fast path is switched off to produce the reference.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { fusedMoments } from '../../packages/ndarray/src/kernels/moments.js';
import { hasNumpy, oracle, type OracleCase } from '../oracle/numpy.js';
import { toPlain } from '../reference/plain.js';
import { fingerprint } from '../helpers.js';

/** Sizes around the pairwise summation's block (128) and split boundaries. */
const SIZES = [1, 2, 7, 8, 9, 16, 17, 127, 128, 129, 136, 255, 256, 257, 1000, 1025, 4099, 20011];

/** Arrays of each float dtype and size (1-d and 2-d C-contiguous, and offset views). */
function momentInputs(): np.NDArray[] {
  const rng = np.random.defaultRng(7);
  const out: np.NDArray[] = [];
  for (const dt of ['float64', 'float32'] as const) {
    for (const n of SIZES) {
      const base = (rng.normal(3, 2, [n + 3]) as np.NDArray).astype(dt);
      out.push(base.get('3:')); // a view at an offset
      if (n % 8 === 0) out.push(base.get('3:').reshape(8, n / 8));
    }
    // special values: signed zeros, infinities, NaN, a constant array
    out.push(np.asarray([-0, -0, -0], { dtype: dt }), np.asarray([1, Infinity, 2], { dtype: dt }), np.asarray([1, NaN, 3, 4, 5, 6, 7, 8, 9], { dtype: dt }));
    out.push(np.full([300], 0.1, { dtype: dt }));
  }
  return out;
}

function withFused<T>(on: boolean, f: () => T): T {
  const was = fusedMoments.enabled;
  fusedMoments.enabled = on;
  try {
    return f();
  } finally {
    fusedMoments.enabled = was;
  }
}

const bits = (x: number): string => (Number.isNaN(x) ? 'NaN' : Object.is(x, -0) ? '-0' : String(x));

describe('fused var/std', () => {
  it('gives the composite path bits (dtype, shape, value) and leaves the input alone', () => {
    const failures: string[] = [];
    for (const a of momentInputs()) {
      for (const ddof of [0, 1, a.size]) {
        for (const keepdims of [false, true]) {
          const before = fingerprint(a);
          const f = withFused(true, () => [np.var(a, null, { ddof, keepdims }), np.std(a, null, { ddof, keepdims })]);
          const c = withFused(false, () => [np.var(a, null, { ddof, keepdims }), np.std(a, null, { ddof, keepdims })]);
          for (let k = 0; k < 2; k++) {
            const x = f[k]!;
            const y = c[k]!;
            const xs = typeof x === 'number' ? bits(x) : `${x.dtype} ${x.shape} ${bits(x.item() as number)}`;
            const ys = typeof y === 'number' ? bits(y) : `${y.dtype} ${y.shape} ${bits(y.item() as number)}`;
            if (xs !== ys) failures.push(`${k ? 'std' : 'var'} ${a.dtype} n=${a.size} ddof=${ddof} keepdims=${keepdims}: ${xs} vs ${ys}`);
          }
          expect(fingerprint(a)).toBe(before);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('does not apply to axes, other dtypes, non-contiguous views or 0-d arrays (same values either way)', () => {
    const a = np.arange(24, { dtype: 'float64' }).reshape(4, 6);
    for (const x of [a.T, a.get('::2'), np.asarray(3.5), a.astype('int32')]) {
      const f = withFused(true, () => np.std(x) as number);
      const c = withFused(false, () => np.std(x) as number);
      expect(bits(f)).toBe(bits(c));
    }
    expect(toPlain(withFused(true, () => np.var(a, 0)))).toEqual(toPlain(withFused(false, () => np.var(a, 0))));
    expect(Number.isNaN(np.var(np.zeros([0])) as number)).toBe(true);
  });
});

describe.runIf(hasNumpy)('fused var/std against NumPy', () => {
  it('are NumPy bits for float64 and float32', async () => {
    const py = await oracle();
    const inputs = momentInputs();
    const cases: OracleCase[] = [];
    const ours: number[] = [];
    for (const a of inputs) {
      for (const ddof of [0, 1]) {
        cases.push({ code: `float(np.var(a, ddof=${ddof}))`, args: { a } }, { code: `float(np.std(a, ddof=${ddof}))`, args: { a } });
        ours.push(np.var(a, null, { ddof }) as number, np.std(a, null, { ddof }) as number);
      }
    }
    const answers = await py.run(cases);
    const failures: string[] = [];
    answers.forEach((ans, i) => {
      if (!ans.ok) failures.push(`${cases[i]!.code}: ${ans.message}`);
      else if (bits(ans.value as number) !== bits(ours[i]!)) failures.push(`${cases[i]!.code} ${inputs[i >> 2]!.dtype} n=${inputs[i >> 2]!.size}: ${ours[i]} vs NumPy ${String(ans.value)}`);
    });
    expect(failures).toEqual([]);
  });
});

/** The naive first-extreme index of a row (NaN counts as the extreme, first one wins). */
function refArg(xs: readonly (number | bigint)[], max: boolean): number {
  let bk = 0;
  for (let k = 0; k < xs.length; k++) {
    const v = xs[k]!;
    if (typeof v === 'number' && Number.isNaN(v)) return k;
    if (k > 0 && (max ? v > xs[bk]! : v < xs[bk]!)) bk = k;
  }
  return bk;
}

describe('per-dtype argmax/argmin loops', () => {
  it('match the naive scan for every dtype, contiguous and strided rows, NaNs and ties', () => {
    const rng = np.random.defaultRng(11);
    const failures: string[] = [];
    const dtypes = ['float64', 'float32', 'int32', 'int16', 'uint8', 'int64', 'uint64', 'bool'] as const;
    for (const dt of dtypes) {
      for (const [rows, cols] of [[1, 1], [3, 1], [5, 7], [4, 33], [2, 130]] as const) {
        let base = (rng.integers(0, 5, [rows, cols]) as np.NDArray).astype(dt); // ties on purpose
        if (dt === 'float64' || dt === 'float32') {
          base = base.astype(dt);
          if (rows * cols > 3) {
            base.set([rows - 1, Math.floor(cols / 2)], NaN);
            base.set([0, cols - 1], NaN);
          }
        }
        for (const view of [base, base.get('::-1', '::-1'), base.T, base.get(':', '::2')]) {
          const { shape, values } = toPlain(view);
          const num = Array.from({ length: shape[0]! }, (_, i) => values.slice(i * shape[1]!, (i + 1) * shape[1]!));
          for (const axis of [0, 1]) {
            const want = (max: boolean): number[] =>
              axis === 1 ? num.map((r) => refArg(r, max)) : num[0]!.map((_, j) => refArg(num.map((r) => r[j]!), max));
            if (num.length === 0 || num[0]!.length === 0) continue;
            for (const max of [true, false]) {
              const got = toPlain(max ? np.argmax(view, axis) : np.argmin(view, axis)).values;
              if (JSON.stringify(got) !== JSON.stringify(want(max))) failures.push(`${max ? 'argmax' : 'argmin'} ${dt} ${view.shape} axis ${axis}: ${JSON.stringify(got)} vs ${JSON.stringify(want(max))}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

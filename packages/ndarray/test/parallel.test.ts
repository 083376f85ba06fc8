/**
 * The worker-thread GEMM (`parallel/pool.ts`, `gemmThreaded` in `kernels/matmul.ts`):
 * `setNumThreads`/`getNumThreads`, products on 2..4 threads bit for bit equal to one
 * thread (the threshold lowered so small products take the path too), against a naive
 * float64 reference, with the workers shrunk and regrown, and a process that uses the
 * threads still exiting on its own.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { parallelGemm, stagedPacking } from '../src/kernels/matmul.js';
import { poolStats, startWorkers } from '../src/parallel/pool.js';
import { toPlain } from '../../../test/reference/plain.js';

const initial = np.getNumThreads();
afterAll(() => np.setNumThreads(initial));

/** Runs `f` with `n` threads and the threaded path taken by every product of 8+ rows. */
function withThreads<T>(n: number, f: () => T): T {
  const prevMin = parallelGemm.minMacs;
  const prevN = np.getNumThreads();
  np.setNumThreads(n);
  expect(startWorkers()).toBe(true);
  parallelGemm.minMacs = 0;
  try {
    return f();
  } finally {
    parallelGemm.minMacs = prevMin;
    np.setNumThreads(prevN);
  }
}

function bits(a: np.NDArray): string[] {
  const p = toPlain(a);
  return [`${a.dtype} ${a.shape.join(',')}`, ...p.values.map((x) => (Object.is(x, -0) ? '-0' : String(x)))];
}

/** A naive float64 product of 2-d arrays (no code shared with the kernels). */
function naive(a: np.NDArray, b: np.NDArray): number[] {
  const [m, k] = a.shape as [number, number];
  const n = b.shape[1]!;
  const A = toPlain(a).values as number[];
  const B = toPlain(b).values as number[];
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += A[i * k + p]! * B[p * n + j]!;
      out.push(s);
    }
  }
  return out;
}

describe('setNumThreads / getNumThreads', () => {
  it('sets and reads the thread count; rejects what is not a positive integer', () => {
    np.setNumThreads(3);
    expect(np.getNumThreads()).toBe(3);
    np.setNumThreads(1);
    expect(np.getNumThreads()).toBe(1);
    for (const bad of [0, -1, 1.5, NaN, Infinity, '2' as unknown as number]) {
      expect(() => np.setNumThreads(bad)).toThrow(np.ValueError);
      expect(() => np.setNumThreads(bad)).toThrow(/number of threads must be a positive integer/);
    }
    expect(np.getNumThreads()).toBe(1);
  });

  it('defaults to the cores available (at least 1)', () => {
    expect(initial).toBeGreaterThanOrEqual(1);
  });
});

describe('threaded matmul', () => {
  const rng = np.random.defaultRng(11);
  const shapes: [number, number, number][] = [
    [8, 5, 9],
    [9, 1, 7],
    [13, 257, 6],
    [130, 300, 77],
    [257, 70, 515],
    [64, 600, 64],
  ];

  it('gives the bits of one thread, float64 and float32, any layout, 2-4 threads', () => {
    const cases: [string, np.NDArray, np.NDArray][] = [];
    for (const dt of ['float64', 'float32'] as const) {
      for (const [m, k, n] of shapes) {
        const a = (rng.normal(0, 1, [m, k]) as np.NDArray).astype(dt);
        const bt = (rng.normal(0, 1, [n, k]) as np.NDArray).astype(dt);
        const name = `${dt} ${m}x${k}x${n}`;
        cases.push([`${name} B transposed`, a, bt.T]);
        cases.push([`${name} A in Fortran order`, np.ascontiguousarray(a.T).T, np.ascontiguousarray(bt.T)]);
        cases.push([`${name} reversed rows and columns`, a.get('::-1'), bt.T.get(':', '::-1')]);
      }
    }
    const one = withThreads(1, () => cases.map(([, x, y]) => bits(np.matmul(x, y))));
    for (const t of [2, 3, 4]) {
      const many = withThreads(t, () =>
        cases.map(([name, x, y]) => {
          poolStats.lastThreads = 0;
          const r = bits(np.matmul(x, y));
          // every thread takes a share when there are enough 4-row panels
          expect(poolStats.lastThreads, name).toBe(Math.min(t, Math.ceil(x.shape[0]! / 4)));
          return r;
        }),
      );
      cases.forEach(([name], i) => expect(many[i], `${name} on ${t} threads`).toEqual(one[i]));
    }
  });

  it('matches a naive reference, and NaN/Inf stay in their rows and columns', () => {
    const a = rng.normal(0, 1, [37, 45]) as np.NDArray;
    const b = rng.normal(0, 1, [45, 29]) as np.NDArray;
    a.set([5, 3], NaN);
    b.set([7, 11], Infinity);
    const c = withThreads(2, () => np.matmul(a, b));
    const ref = naive(a, b);
    const got = toPlain(c).values as number[];
    for (let i = 0; i < got.length; i++) {
      const r = ref[i]!;
      if (Number.isNaN(r)) expect(got[i]).toBeNaN();
      else if (!Number.isFinite(r)) expect(got[i]).toBe(r);
      else expect(Math.abs(got[i]! - r)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(r)));
    }
    // row 5 is NaN (a NaN in A), column 11 infinite elsewhere (an Inf in B)
    expect(got.slice(5 * 29, 6 * 29).every(Number.isNaN)).toBe(true);
    expect(got.filter((_, i) => i % 29 === 11 && Math.floor(i / 29) !== 5).every((x) => !Number.isFinite(x) && !Number.isNaN(x))).toBe(true);
  });

  it('batched products, dot and einsum take the same path and keep the bits', () => {
    const a = rng.normal(0, 1, [3, 40, 50]) as np.NDArray;
    const b = rng.normal(0, 1, [50, 60]) as np.NDArray;
    const one = withThreads(1, () => [np.matmul(a, b), np.dot(a.get(1), b), np.einsum('bij,jk->bik', a, b)]);
    const two = withThreads(2, () => [np.matmul(a, b), np.dot(a.get(1), b), np.einsum('bij,jk->bik', a, b)]);
    for (let i = 0; i < one.length; i++) expect(bits(two[i]!)).toEqual(bits(one[i]!));
  });

  it('keeps working when the pool shrinks and grows again, and leaves inputs alone', () => {
    const a = rng.normal(0, 1, [70, 90]) as np.NDArray;
    const b = rng.normal(0, 1, [90, 33]) as np.NDArray;
    const before = [bits(a), bits(b)];
    const ref = bits(withThreads(1, () => np.matmul(a, b)));
    for (const t of [4, 2, 3, 1, 4]) expect(bits(withThreads(t, () => np.matmul(a, b)))).toEqual(ref);
    expect([bits(a), bits(b)]).toEqual(before);
  });
});

describe('process lifetime', () => {
  it('a script that used the worker threads exits by itself', () => {
    const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
    const script = [
      `const np = await import(${JSON.stringify(entry)});`,
      'np.setNumThreads(2);',
      'const a = np.ones([300, 300]);',
      'const c = np.matmul(a, a);',
      'console.log(c.item(0, 0));',
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.error).toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('300');
    expect(r.status).toBe(0);
  });

  it('where workers are refused (Node permission model), products run on one thread', () => {
    // the built bundle (npm test builds first): tsx's loader itself needs a worker
    const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    const script = [
      `const np = await import(${JSON.stringify(entry)});`,
      'np.setNumThreads(2);',
      'const a = np.ones([300, 300]);',
      'console.log(np.matmul(a, a).item(0, 0), np.getNumThreads());',
    ].join('\n');
    const r = spawnSync(process.execPath, ['--experimental-permission', '--allow-fs-read=*', '--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.error).toBeUndefined();
    expect(r.stdout.trim()).toBe('300 1');
    expect(r.status).toBe(0);
  });
});

describe('threaded products with the WASM packers', () => {
  it('give the bits of the JS packing loops (rows staged in bulk on the calling thread)', () => {
    const rng = np.random.defaultRng(31);
    const failures: string[] = [];
    for (const dt of ['float64', 'float32'] as const) {
      for (const [m, n, k] of [[64, 64, 64], [130, 70, 260], [67, 600, 300], [9, 1030, 70]] as const) {
        const a = (rng.normal(0, 1, [m, k + 2]) as np.NDArray).astype(dt).get(':', '2:');
        const b = (rng.normal(0, 1, [k, n]) as np.NDArray).astype(dt);
        const aT = (rng.normal(0, 1, [k, m]) as np.NDArray).astype(dt).T; // column-major operands
        const bT = (rng.normal(0, 1, [n, k]) as np.NDArray).astype(dt).T;
        const run = (on: boolean): string[] =>
          withThreads(2, () => {
            stagedPacking.enabled = on;
            try {
              poolStats.lastThreads = 0;
              const r = [...bits(np.matmul(a, b)), ...bits(np.matmul(aT, bT))];
              expect(poolStats.lastThreads).toBe(2);
              return r;
            } finally {
              stagedPacking.enabled = true;
            }
          });
        if (JSON.stringify(run(true)) !== JSON.stringify(run(false))) failures.push(`${dt} ${m}x${n}x${k}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

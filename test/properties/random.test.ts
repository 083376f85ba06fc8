/**
 * `np.random` against NumPy, bit for bit: for 60 seeds per function (integers, bigints,
 * lists), sequences of calls with sizes None/0/1/odd/n-d, every dtype and parameter regime,
 * and interleavings of different methods on one generator, numbat's streams must equal
 * NumPy's exactly (float64 bits, float32 bits, integers). Also the seeding (SeedSequence,
 * PCG64 and MT19937 states), every error message, and the C-library replicas the samplers
 * use (log, log1p, log1pf), checked against the platform's libm through Python.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { hasNumpy, oracle, type OracleCase, type PyValue } from '../oracle/numpy.js';
import { mismatch } from '../oracle/compare.js';
import { sample } from '../arbitraries/arrays.js';
import { pick, randInt, seededRandom } from '../helpers.js';
import { log, log1p, log1pf } from '../../packages/ndarray/src/random/libm.js';
import { RefMT19937, RefPCG64, refDouble, refLegacyDouble, refLemire32, refLemire8, refMasked, refSeedWords, refShuffle } from '../reference/random.js';
import {
  binomialOp,
  choiceOp,
  contOp,
  floatFillOp,
  integersOp,
  permutationOp,
  py,
  pySize,
  shuffleOp,
  sizeOf,
  type Api,
  type Op,
} from './random-ops.js';

/** Seeds per function (raise with NUMBAT_RANDOM_SEEDS for a longer soak). */
const SEEDS = Math.max(60, Number(process.env.NUMBAT_RANDOM_SEEDS ?? 60));
const EXACT = { rtol: 0, atol: 0 };

type Seed = number | bigint | number[];
const generatorSeeds = (salt: number): Seed[] => [
  0,
  ...sample(
    fc.oneof(
      fc.nat(),
      fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      fc.bigInt({ min: 0n, max: 2n ** 128n }),
      fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 0, maxLength: 6 }),
    ),
    SEEDS - 1,
    salt,
  ),
];
const legacySeeds = (salt: number): Seed[] => [
  0,
  2 ** 32 - 1,
  ...sample(
    fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 1, maxLength: 5 })),
    SEEDS - 2,
    salt,
  ),
];

/**
 * Runs `ops(r)` for each seed on numbat (a fresh generator, or the re-seeded legacy global
 * state) and on NumPy in one batch; returns the mismatches.
 */
async function compareStreams(mode: 'generator' | 'legacy' | 'randomstate', seeds: Seed[], ops: (r: () => number) => Op[]): Promise<string[]> {
  const py0 = await oracle();
  const cases: OracleCase[] = [];
  const results: { ops: Op[]; values: unknown[] }[] = [];
  seeds.forEach((seed, k) => {
    const list = ops(seededRandom(k * 7919 + 17));
    let api: Api;
    let setup: string;
    if (mode === 'generator') {
      api = np.random.defaultRng(seed) as unknown as Api;
      setup = `r = np.random.default_rng(${py(seed)})`;
    } else if (mode === 'legacy') {
      np.random.seed(seed);
      api = np.random as unknown as Api;
      setup = `np.random.seed(${py(seed)})`;
    } else {
      api = new np.random.RandomState(seed) as unknown as Api;
      setup = `r = np.random.RandomState(${py(seed)})`;
    }
    const values = list.map((op) => {
      try {
        return op.ts(api);
      } catch (e) {
        return e;
      }
    });
    results.push({ ops: list, values });
    cases.push({ code: `${setup}\nresult = [${list.map((o) => o.py).join(', ')}]` });
  });
  const answers = await py0.run(cases);
  const failures: string[] = [];
  answers.forEach((ans, k) => {
    const { ops: list, values } = results[k]!;
    if (!ans.ok) {
      failures.push(`seed ${py(seeds[k])}: NumPy raised ${ans.type}: ${ans.message}`);
      return;
    }
    const got = ans.value as PyValue[];
    list.forEach((op, j) => {
      const v = values[j];
      const m = v instanceof Error ? `threw ${v.message}` : mismatch(v, got[j]!, { ...EXACT, dtypeMap: op.map });
      if (m !== null) failures.push(`seed ${py(seeds[k])}, call ${j} ${op.py}: ${m}`);
    });
  });
  return failures;
}

const repeat = (n: number, f: (r: () => number) => Op) => (r: () => number) => Array.from({ length: n }, () => f(r));

describe.runIf(hasNumpy)('np.random.Generator against NumPy (60 seeds per method)', () => {
  const methods: [string, (r: () => number) => Op][] = [
    ['random', (r) => floatFillOp(r, 'random', 'random')],
    ['integers', (r) => integersOp(r, false)],
    ['standardNormal', (r) => floatFillOp(r, 'standardNormal', 'standard_normal')],
    ['standardExponential', (r) => floatFillOp(r, 'standardExponential', 'standard_exponential')],
    ['normal', (r) => contOp(r, 'normal', 'r')],
    ['uniform', (r) => contOp(r, 'uniform', 'r')],
    ['exponential', (r) => contOp(r, 'exponential', 'r')],
    ['binomial', binomialOp],
    ['choice', (r) => choiceOp(r, false)],
    ['permutation', (r) => permutationOp(r, false)],
    ['shuffle', (r) => shuffleOp(r, false)],
  ];
  methods.forEach(([name, make], i) => {
    it(`${name}: whole streams of 6 calls`, async () => {
      expect(await compareStreams('generator', generatorSeeds(100 + i), repeat(6, make))).toEqual([]);
    });
  });

  it('interleaved calls of every method on one generator', async () => {
    const all = methods.map(([, make]) => make);
    const failures = await compareStreams('generator', generatorSeeds(7), (r) => Array.from({ length: 12 }, () => pick(r, all)(r)));
    expect(failures).toEqual([]);
  });

  it('binomial: 60 (n, p) regimes (inversion, BTPE with its squeeze and Stirling tests) x 2000 draws', async () => {
    // n * min(p, 1-p) from 31 to 3000 (BTPE), where the Stirling test decides most often
    const regimes = sample(
      fc.tuple(fc.double({ min: Math.log(31), max: Math.log(3000), noNaN: true }), fc.double({ min: 0.001, max: 0.5, noNaN: true }), fc.boolean()),
      SEEDS,
      77,
    ).map(([lm, r, flip]): [number, number] => [Math.ceil(Math.exp(lm) / r), flip ? 1 - r : r]);
    let k = 0;
    const failures = await compareStreams('generator', regimes.map((_, i) => i), () => {
      const [n, p] = regimes[k++]!;
      return [{ ts: (g) => (g.binomial as (...a: unknown[]) => unknown)(n, p, 2000), py: `r.binomial(${n}, ${py(p)}, 2000)`, map: { int64: 'int32' } }];
    });
    expect(failures).toEqual([]);
  });

  it('long streams: 200000 float64, 100001 int32 (odd, buffered), 50000 normals', async () => {
    const ops = (): Op[] => [
      { ts: (g) => (g.random as (n: number) => unknown)(200000), py: 'r.random(200000)' },
      { ts: (g) => (g.integers as (...a: unknown[]) => unknown)(-5, 1000, 100001), py: 'r.integers(-5, 1000, 100001, dtype=np.int32)' },
      { ts: (g) => (g.standardNormal as (n: number) => unknown)(50000), py: 'r.standard_normal(50000)' },
      { ts: (g) => (g.standardNormal as (...a: unknown[]) => unknown)(50001, { dtype: 'float32' }), py: 'r.standard_normal(50001, dtype=np.float32)' },
      { ts: (g) => (g.exponential as (...a: unknown[]) => unknown)(1, 50000), py: 'r.exponential(1, 50000)' },
    ];
    expect(await compareStreams('generator', [1, 2n ** 100n, [3, 4]], ops)).toEqual([]);
  });
});

describe.runIf(hasNumpy)('np.random legacy functions against NumPy (60 seeds per function)', () => {
  const legacyFill = (name: string, pyName: string) => (r: () => number): Op => {
    const size = sizeOf(r);
    if (name === 'rand' || name === 'randn') {
      const dims = size === null ? [] : typeof size === 'number' ? [size] : size;
      return { ts: (g) => (g[name] as (...d: number[]) => unknown)(...dims), py: `np.random.${pyName}(${dims.join(', ')})` };
    }
    return { ts: (g) => (g[name] as (s: unknown) => unknown)(size), py: `np.random.${pyName}(${pySize(size)})` };
  };
  const functions: [string, (r: () => number) => Op][] = [
    ['rand', legacyFill('rand', 'rand')],
    ['randn', legacyFill('randn', 'randn')],
    ['random', legacyFill('random', 'random')],
    ['standardNormal', legacyFill('standardNormal', 'standard_normal')],
    ['randint', (r) => integersOp(r, true)],
    ['normal', (r) => contOp(r, 'normal', 'np.random')],
    ['uniform', (r) => contOp(r, 'uniform', 'np.random')],
    ['choice', (r) => choiceOp(r, true)],
    ['permutation', (r) => permutationOp(r, true)],
    ['shuffle', (r) => shuffleOp(r, true)],
  ];
  functions.forEach(([name, make], i) => {
    it(`np.random.${name}: whole streams of 6 calls after np.random.seed`, async () => {
      expect(await compareStreams('legacy', legacySeeds(200 + i), repeat(6, make))).toEqual([]);
    });
  });

  it('interleaved legacy calls (odd normal counts keep a cached Gaussian between calls)', async () => {
    const all = functions.map(([, make]) => make);
    expect(await compareStreams('legacy', legacySeeds(9), (r) => Array.from({ length: 12 }, () => pick(r, all)(r)))).toEqual([]);
  });

  it('RandomState instances: interleaved calls', async () => {
    const make = (r: () => number): Op => {
      const n = randInt(r, 0, 9);
      return pick(r, [
        { ts: (g: Api) => (g.randn as (n: number) => unknown)(n), py: `r.randn(${n})` },
        { ts: (g: Api) => (g.rand as (n: number) => unknown)(n), py: `r.rand(${n})` },
        { ts: (g: Api) => (g.randint as (...a: unknown[]) => unknown)(0, n + 1, n), py: `r.randint(0, ${n + 1}, ${n})`, map: { int64: 'int32' } },
        { ts: (g: Api) => (g.normal as (...a: unknown[]) => unknown)(1, 2), py: 'r.normal(1, 2)' },
      ]);
    };
    expect(await compareStreams('randomstate', legacySeeds(11), (r) => Array.from({ length: 10 }, () => make(r)))).toEqual([]);
  });
});

describe.runIf(hasNumpy)('np.random seeding against NumPy', () => {
  it('SeedSequence.generateState and the PCG64 state, for 60 seeds', async () => {
    const seeds = generatorSeeds(3);
    const answers = await (await oracle()).run(
      seeds.map((s) => ({
        code: `ss = np.random.SeedSequence(${py(s)})\nst = np.random.PCG64(${py(s)}).state['state']\nresult = [ss.generate_state(8), st['state'], st['inc']]`,
      })),
    );
    const failures: string[] = [];
    seeds.forEach((s, k) => {
      const ans = answers[k]!;
      if (!ans.ok) return failures.push(`${py(s)}: ${ans.message}`);
      const [words, state, inc] = ans.value as [{ values: number[] }, bigint | number, bigint | number];
      const mine = new np.random.SeedSequence(s).generateState(8);
      if (Array.from(mine).join() !== words.values.join()) failures.push(`${py(s)}: generate_state`);
      const st = new np.random.PCG64(s).state.state;
      if (st.state !== BigInt(state) || st.inc !== BigInt(inc)) failures.push(`${py(s)}: PCG64 state`);
    });
    expect(failures).toEqual([]);
  });

  it('MT19937 legacy seeding (integers and arrays), for 60 seeds', async () => {
    const seeds = legacySeeds(5);
    const answers = await (await oracle()).run(seeds.map((s) => ({ code: `np.random.RandomState(${py(s)}).get_state()[1]` })));
    seeds.forEach((s, k) => {
      const ans = answers[k]!;
      expect(ans.ok).toBe(true);
      const key = (ans as { value: { values: number[] } }).value.values;
      expect(Array.from(new np.random.RandomState(s).getState()[1]).join()).toBe(key.join());
    });
  });
});

describe.runIf(hasNumpy)('np.random error messages match NumPy', () => {
  const g = (): np.random.Generator => np.random.defaultRng(1);
  const cases: [string, () => unknown, string][] = [
    ['integers(0)', () => g().integers(0), 'r.integers(0)'],
    ['integers(-3)', () => g().integers(-3), 'r.integers(-3)'],
    ['integers(5, 5)', () => g().integers(5, 5), 'r.integers(5, 5)'],
    ['integers(5, 4, endpoint)', () => g().integers(5, 4, null, { endpoint: true }), 'r.integers(5, 4, endpoint=True)'],
    ['integers(0, -1, endpoint)', () => g().integers(0, -1, null, { endpoint: true }), 'r.integers(0, -1, endpoint=True)'],
    ['integers high out of bounds', () => g().integers(2 ** 31 + 1), 'r.integers(2**31 + 1, dtype=np.int32)'],
    ['integers endpoint high out of bounds', () => g().integers(0, 2 ** 31, null, { endpoint: true }), 'r.integers(0, 2**31, dtype=np.int32, endpoint=True)'],
    ['integers low out of bounds', () => g().integers(-(2 ** 31) - 1, 0), 'r.integers(-2**31-1, 0, dtype=np.int32)'],
    ['integers uint8 high', () => g().integers(0, 257, 3, { dtype: 'uint8' }), 'r.integers(0, 257, 3, dtype=np.uint8)'],
    ['integers broadcast low >= high', () => g().integers([1, 0], [0, 1]), 'r.integers([1, 0], [0, 1], dtype=np.int32)'],
    ['integers broadcast zero low', () => g().integers([0, 0], [0, 1]), 'r.integers([0, 0], [0, 1], dtype=np.int32)'],
    ['integers NaN', () => g().integers(NaN), "r.integers(float('nan'))"],
    ['integers float dtype', () => g().integers(0, 5, 1, { dtype: 'float64' }), 'r.integers(0, 5, 1, dtype=np.float64)'],
    ['random int dtype', () => g().random(2, { dtype: 'int32' }), 'r.random(2, dtype=np.int32)'],
    ['standardNormal int dtype', () => g().standardNormal(2, { dtype: 'int32' }), 'r.standard_normal(2, dtype=np.int32)'],
    ['random negative size', () => g().random(-1), 'r.random(-1)'],
    ['random float size', () => g().random(2.5), 'r.random(2.5)'],
    ['normal scale < 0', () => g().normal(0, -1), 'r.normal(0, -1)'],
    ['normal scale -0.0', () => g().normal(0, -0), 'r.normal(0, -0.0)'],
    ['normal array scale < 0', () => g().normal([0, 1], [1, -1]), 'r.normal([0, 1], [1, -1])'],
    ['normal size mismatch', () => g().normal([0, 1], 1, 3), 'r.normal([0, 1], 1, 3)'],
    ['normal size incompatible', () => g().normal([[0], [1]], 1, 2), 'r.normal([[0], [1]], 1, 2)'],
    ['exponential scale < 0', () => g().exponential(-2), 'r.exponential(-2)'],
    ['uniform high < low', () => g().uniform(2, 1), 'r.uniform(2, 1)'],
    ['uniform infinite range', () => g().uniform(0, Infinity), "r.uniform(0, float('inf'))"],
    ['uniform array infinite range', () => g().uniform([0], Infinity), "r.uniform([0], float('inf'))"],
    ['binomial p > 1', () => g().binomial(5, 1.5), 'r.binomial(5, 1.5)'],
    ['binomial p NaN', () => g().binomial(5, NaN), "r.binomial(5, float('nan'))"],
    ['binomial array p', () => g().binomial([5], [1.5]), 'r.binomial([5], [1.5])'],
    ['binomial n < 0', () => g().binomial(-1, 0.5), 'r.binomial(-1, 0.5)'],
    ['choice p sum', () => g().choice(5, null, { p: [0.1, 0.2, 0.3, 0.4, 0.1] }), 'r.choice(5, p=[0.1, 0.2, 0.3, 0.4, 0.1])'],
    ['choice p size', () => g().choice(5, null, { p: [0.5, 0.5] }), 'r.choice(5, p=[0.5, 0.5])'],
    ['choice p negative', () => g().choice(3, null, { p: [0.5, 0.6, -0.1] }), 'r.choice(3, p=[0.5, 0.6, -0.1])'],
    ['choice p NaN', () => g().choice(2, null, { p: [NaN, 1] }), "r.choice(2, p=[float('nan'), 1])"],
    ['choice p 2-d', () => g().choice(2, null, { p: [[0.5, 0.5]] }), 'r.choice(2, p=[[0.5, 0.5]])'],
    ['choice too many', () => g().choice(5, 6, { replace: false }), 'r.choice(5, 6, replace=False)'],
    ['choice few nonzero', () => g().choice(5, 3, { replace: false, p: [0.5, 0.5, 0, 0, 0] }), 'r.choice(5, 3, replace=False, p=[0.5, 0.5, 0, 0, 0])'],
    ['choice a = 0', () => g().choice(0, 1), 'r.choice(0, 1)'],
    ['choice empty a', () => g().choice([], 1), 'r.choice([], 1)'],
    ['choice float a', () => g().choice(2.5), 'r.choice(2.5)'],
    ['permutation 0-d', () => g().permutation(np.array(3)), 'r.permutation(np.array(3))'],
    ['shuffle read-only', () => g().shuffle(np.broadcastTo(np.arange(3), [3])), 'r.shuffle(np.broadcast_to(np.arange(3), (3,)))'],
    ['defaultRng(-1)', () => np.random.defaultRng(-1), 'np.random.default_rng(-1)'],
    ['defaultRng(1.5)', () => np.random.defaultRng(1.5), 'np.random.default_rng(1.5)'],
    ['defaultRng([1.5])', () => np.random.defaultRng([1.5]), 'np.random.default_rng([1.5])'],
    ['defaultRng([-1])', () => np.random.defaultRng([-1]), 'np.random.default_rng([-1])'],
    ['seed(-1)', () => np.random.seed(-1), 'np.random.seed(-1)'],
    ['seed(2**32)', () => np.random.seed(2 ** 32), 'np.random.seed(2**32)'],
    ['seed(1.5)', () => np.random.seed(1.5), 'np.random.seed(1.5)'],
    ['seed([])', () => np.random.seed([]), 'np.random.seed([])'],
    ['seed([2**32])', () => np.random.seed([2 ** 32]), 'np.random.seed([2**32])'],
    ['randint(0)', () => np.random.randint(0), 'np.random.randint(0)'],
    ['randint(5, 5)', () => np.random.randint(5, 5), 'np.random.randint(5, 5)'],
    ['legacy normal scale < 0', () => np.random.normal(0, -1), 'np.random.normal(0, -1)'],
    ['legacy uniform infinite', () => np.random.uniform(0, Infinity), "np.random.uniform(0, float('inf'))"],
    ['legacy choice p sum', () => np.random.choice(5, null, { p: [0.1, 0.2, 0.3, 0.4, 0.1] }), 'np.random.choice(5, p=[0.1, 0.2, 0.3, 0.4, 0.1])'],
    ['legacy choice p size', () => np.random.choice(5, null, { p: [0.5, 0.5] }), 'np.random.choice(5, p=[0.5, 0.5])'],
    ['legacy choice too many', () => np.random.choice(5, 6, { replace: false }), 'np.random.choice(5, 6, replace=False)'],
    ['legacy choice 2-d', () => np.random.choice([[1, 2], [3, 4]]), 'np.random.choice([[1, 2], [3, 4]])'],
    ['legacy choice 0', () => np.random.choice(0), 'np.random.choice(0)'],
    ['legacy choice empty', () => np.random.choice([]), 'np.random.choice([])'],
    ['legacy permutation 0-d', () => np.random.permutation(np.array(3)), 'np.random.permutation(np.array(3))'],
    ['legacy rand negative', () => np.random.rand(-1), 'np.random.rand(-1)'],
  ];
  const CLASS: Record<string, string> = { TypeError: 'DTypeError', ValueError: 'ValueError', OverflowError: 'OverflowError', IndexError: 'IndexError', AxisError: 'AxisError' };

  it(`${cases.length} error cases: same class and message`, async () => {
    const answers = await (await oracle()).run(cases.map(([, , code]) => ({ code: `r = np.random.default_rng(1)\nresult = ${code}` })));
    const failures: string[] = [];
    cases.forEach(([label, f], k) => {
      const ans = answers[k]!;
      let err: Error | null = null;
      try {
        f();
      } catch (e) {
        err = e as Error;
      }
      if (ans.ok) return failures.push(`${label}: NumPy did not raise`);
      if (err === null) return failures.push(`${label}: nothing thrown, NumPy raised ${ans.type}: ${ans.message}`);
      if (err.name !== (CLASS[ans.type] ?? ans.type) || err.message !== ans.message) {
        failures.push(`${label}: ${err.name}: ${err.message} | NumPy ${ans.type}: ${ans.message}`);
      }
    });
    expect(failures).toEqual([]);
  });
});

describe.runIf(hasNumpy)('the C-library replicas match the platform libm', () => {
  it('log, log1p and log1pf, bit for bit on 30000 inputs each', async () => {
    const r = seededRandom(99);
    const xs = Array.from({ length: 30000 }, (_, i) =>
      i % 3 === 0 ? r() : i % 3 === 1 ? 1 + (r() - 0.5) / 4 : Math.exp((r() - 0.5) * 1400),
    );
    const us = Array.from({ length: 30000 }, (_, i) => (i % 2 === 0 ? -r() : (r() - 0.2) * 5));
    const fs = us.map(Math.fround);
    const x = np.array(new Float64Array(xs));
    const u = np.array(new Float64Array(us));
    const f = np.array(new Float32Array(fs));
    const libm = "import math, ctypes\nlib = ctypes.CDLL('libm.so.6')\nlib.log1pf.restype = ctypes.c_float\nlib.log1pf.argtypes = [ctypes.c_float]\n";
    const [a, b, c] = await (await oracle()).run([
      { code: `import math\nresult = np.array([math.log(v) for v in x.tolist()])`, args: { x } },
      { code: `import math\nresult = np.array([math.log1p(v) for v in u.tolist()])`, args: { u } },
      { code: `${libm}result = np.array([lib.log1pf(v) for v in f.tolist()], dtype=np.float32)`, args: { f } },
    ]);
    expect(mismatch(np.array(new Float64Array(xs.map(log))), a!, EXACT)).toBeNull();
    expect(mismatch(np.array(new Float64Array(us.map(log1p))), b!, EXACT)).toBeNull();
    expect(mismatch(np.array(new Float32Array(fs.map(log1pf))), c!, EXACT)).toBeNull();
  });
});

describe('np.random against the naive BigInt reference (no NumPy needed)', () => {
  const seeds = sample(fc.oneof(fc.nat(), fc.bigInt({ min: 0n, max: 2n ** 100n })), SEEDS, 31);
  const plain = (a: unknown): number[] => (a as np.NDArray).tolist() as number[];

  it('PCG64 streams: doubles, int32 (Lemire, buffered halves), int8 (byte buffer), permutations', () => {
    seeds.forEach((seed, k) => {
      const r = seededRandom(k);
      const [n1, n2, n3, n4] = [randInt(r, 0, 9), randInt(r, 0, 9), randInt(r, 0, 20), randInt(r, 0, 12)];
      const high = randInt(r, 1, 3000);
      const g = np.random.defaultRng(seed);
      const ref = new RefPCG64(refSeedWords(seed));
      expect(plain(g.random(n1))).toEqual(Array.from({ length: n1 }, () => refDouble(ref)));
      expect(plain(g.integers(-7, high, n2))).toEqual(Array.from({ length: n2 }, () => Number(refLemire32(ref, BigInt(high + 6))) - 7));
      const buf = { bytes: [] as bigint[] };
      expect(plain(g.integers(3, 100, n3, { dtype: 'uint8' }))).toEqual(Array.from({ length: n3 }, () => Number(refLemire8(ref, 96n, buf)) + 3));
      expect(plain(g.permutation(n4))).toEqual(refShuffle(ref, Array.from({ length: n4 }, (_, i) => i)));
      expect(g.random()).toBe(refDouble(ref));
    });
  });

  it('MT19937 streams: legacy doubles, masked randint, permutations', () => {
    sample(fc.integer({ min: 0, max: 2 ** 32 - 1 }), SEEDS, 32).forEach((seed, k) => {
      const r = seededRandom(k);
      const [n1, n2, n3] = [randInt(r, 0, 9), randInt(r, 0, 9), randInt(r, 0, 15)];
      const high = randInt(r, 1, 100000);
      const rs = new np.random.RandomState(seed);
      const ref = new RefMT19937(seed);
      expect(plain(rs.rand(n1))).toEqual(Array.from({ length: n1 }, () => refLegacyDouble(ref)));
      expect(plain(rs.randint(0, high, n2))).toEqual(Array.from({ length: n2 }, () => Number(refMasked(ref, BigInt(high - 1)))));
      expect(plain(rs.permutation(n3))).toEqual(refShuffle(ref, Array.from({ length: n3 }, (_, i) => i)));
    });
  });
});

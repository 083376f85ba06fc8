/**
 * Printing against NumPy: `arrayStr` / `arrayRepr` (what `String(a)` and `a.repr()` give)
 * must equal NumPy's `str(a)` / `repr(a)` character for character, over random arrays of
 * every dtype and layout, 0-size and size-1 axes, special floats (NaN, +-Inf, +-0, huge,
 * tiny, subnormal, float32), arrays past the summarisation threshold, high-dimensional
 * arrays and random print options; `formatFloatPositional` / `formatFloatScientific` are
 * compared with NumPy's Dragon4 functions. The Dragon4 digits are also checked against the
 * naive reference in `test/reference/print.ts`, without NumPy.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '@numbat/ndarray';
import { hasNumpy, oracle, type OracleCase, type PyArg } from '../oracle/numpy.js';
import { arrayArb, makeView, sample, ALL_DTYPES, type ViewKind } from '../arbitraries/arrays.js';
import { toPlain, type Plain } from '../reference/plain.js';
import { refFloatPositional, refFloatScientific } from '../reference/print.js';
import { fingerprint } from '../helpers.js';

const views: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast', 'fortran'];

const defaults = np.getPrintoptions();
afterEach(() => np.setPrintoptions(defaults));

/** A float: mostly random magnitudes over the whole range, some specials and round values. */
function floatArb(f32: boolean): fc.Arbitrary<number> {
  const round = f32 ? Math.fround : (x: number) => x;
  const magnitude = fc
    .tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: f32 ? -45 : -324, max: f32 ? 38 : 308 }), fc.boolean())
    .map(([m, e, neg]) => round((neg ? -1 : 1) * m * 10 ** e));
  const modest = fc
    .tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -6, max: 9 }), fc.boolean())
    .map(([m, e, neg]) => round((neg ? -1 : 1) * m * 10 ** e));
  const bits = f32 ? fc.float({ noNaN: true }) : fc.double({ noNaN: true });
  const short = fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 6 })).map(([n, k]) => round(n / 10 ** k));
  const specials = fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 0.5, 1, -1, 100, 1e-4, 1e8, 1e16, round(0.1), f32 ? 1.401298464324817e-45 : 5e-324, f32 ? 3.4028234663852886e38 : Number.MAX_VALUE);
  return fc.oneof(
    { weight: 3, arbitrary: modest },
    { weight: 2, arbitrary: magnitude },
    { weight: 2, arbitrary: short },
    { weight: 1, arbitrary: bits },
    { weight: 1, arbitrary: specials },
  );
}

/** Float arrays whose values share a scale (so positional notation is common). */
function floatArrayArb(maxDims = 3, maxSide = 6): fc.Arbitrary<np.NDArray> {
  return fc
    .tuple(
      fc.constantFrom<np.DType>('float64', 'float32'),
      fc.array(fc.integer({ min: 1, max: maxSide }), { minLength: 1, maxLength: maxDims }),
      fc.constantFrom(...views),
      fc.nat(7),
      fc.integer({ min: 0, max: 3 }),
    )
    .chain(([dtype, shape, kind, pick, style]) => {
      const size = shape.reduce((a, b) => a * b, 1);
      const f32 = dtype === 'float32';
      const round = f32 ? Math.fround : (x: number) => x;
      const scale = fc.integer({ min: -5, max: 9 });
      const value =
        style === 0
          ? floatArb(f32)
          : style === 1
            ? scale.chain((e) => fc.double({ min: -(10 ** e), max: 10 ** e, noNaN: true }).map(round))
            : style === 2
              ? fc.integer({ min: -2000, max: 2000 }).map((n) => round(n / 8))
              : fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }).map(round), fc.constantFrom(NaN, Infinity, -Infinity, -0));
      return fc.array(value, { minLength: size, maxLength: size }).map((vs) => makeView(dtype, shape, vs, kind, pick));
    });
}

interface Printed {
  a: np.NDArray;
  str: string | Error;
  repr: string | Error;
}

function print(a: np.NDArray): Printed {
  const before = fingerprint(a);
  let str: string | Error;
  let repr: string | Error;
  try {
    str = np.arrayStr(a);
  } catch (e) {
    str = e as Error;
  }
  try {
    repr = np.arrayRepr(a);
  } catch (e) {
    repr = e as Error;
  }
  if (fingerprint(a) !== before) throw new Error('printing modified its input');
  return { a, str, repr };
}

function describeArray(a: np.NDArray): string {
  const p: Plain = toPlain(a);
  const vals = p.values.slice(0, 12).map((v) => (typeof v === 'bigint' ? `${v}n` : Object.is(v, -0) ? '-0' : String(v)));
  return `${a.dtype}(${a.shape}) [${vals.join(', ')}${p.values.length > 12 ? ', ...' : ''}]`;
}

/** Compares str and repr of every array with NumPy's under `setup` (Python option kwargs). */
async function compareWithNumpy(arrays: np.NDArray[], kwargs = ''): Promise<string[]> {
  const printed = arrays.map(print);
  const code = kwargs === '' ? '(str(a), repr(a))' : `with np.printoptions(${kwargs}): result = (str(a), repr(a))`;
  const cases: OracleCase[] = arrays.map((a) => ({ code, args: { a } }));
  const answers = await (await oracle()).run(cases);
  const failures: string[] = [];
  printed.forEach((p, i) => {
    const ans = answers[i]!;
    if (!ans.ok) {
      failures.push(`${describeArray(p.a)}: NumPy raised ${ans.type}: ${ans.message}`);
      return;
    }
    const [s, r] = ans.value as [string, string];
    const got = [p.str instanceof Error ? `threw ${p.str.message}` : p.str, p.repr instanceof Error ? `threw ${p.repr.message}` : p.repr];
    if (got[0] !== s) failures.push(`str of ${describeArray(p.a)} ${kwargs}:\n${got[0]}\n--- NumPy:\n${s}`);
    if (got[1] !== r) failures.push(`repr of ${describeArray(p.a)} ${kwargs}:\n${got[1]}\n--- NumPy:\n${r}`);
  });
  return failures;
}

describe.runIf(hasNumpy)('str and repr against NumPy', () => {
  it('random arrays of every dtype, layout and shape (0-size and size-1 axes)', async () => {
    const arrays = sample(arrayArb({ dtypes: ALL_DTYPES, views, maxDims: 4 }), 400, 1);
    expect((await compareWithNumpy(arrays)).slice(0, 5)).toEqual([]);
  });

  it('float arrays: random magnitudes, specials, float32, positional and scientific', async () => {
    const arrays = sample(floatArrayArb(), 500, 2);
    expect((await compareWithNumpy(arrays)).slice(0, 5)).toEqual([]);
  });

  it('0-d arrays of every dtype (str is the scalar)', async () => {
    const arrays = [
      ...sample(arrayArb({ dtypes: ALL_DTYPES, shape: [] }), 150, 3),
      ...sample(floatArb(false), 150, 4).map((x) => makeView('float64', [], [x], 'contiguous')),
      ...sample(floatArb(true), 150, 5).map((x) => makeView('float32', [], [x], 'contiguous')),
    ];
    expect((await compareWithNumpy(arrays)).slice(0, 5)).toEqual([]);
  });

  it('arrays past the threshold are summarised in every axis', async () => {
    const shapes = [[1001], [1500], [40, 50], [3, 400], [400, 3], [11, 11, 11], [2, 3, 200], [7, 7, 7, 7], [1, 2000], [6, 200], [7, 150], [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]];
    const arrays: np.NDArray[] = [];
    shapes.forEach((shape, i) => {
      for (const dtype of ['float64', 'float32', 'int32', 'int8', 'uint64', 'bool'] as np.DType[]) {
        arrays.push(...sample(arrayArb({ dtypes: [dtype], shape, views: ['contiguous', 'transposed', 'reversed'] }), 1, 100 + i));
      }
    });
    expect((await compareWithNumpy(arrays)).slice(0, 5)).toEqual([]);
  });

  it('high-dimensional arrays and line wrapping of long rows', async () => {
    const arrays = [
      ...sample(arrayArb({ dtypes: ALL_DTYPES, minDims: 5, maxDims: 7, maxSide: 3, views }), 60, 6),
      ...sample(arrayArb({ dtypes: ['int64', 'uint64', 'float64', 'int32'], minDims: 1, maxDims: 3, maxSide: 40, views }), 80, 7),
      ...sample(floatArrayArb(2, 60), 80, 8),
    ];
    expect((await compareWithNumpy(arrays)).slice(0, 5)).toEqual([]);
  });

  it('print options: precision, threshold, edgeitems, linewidth, suppress, sign, floatmode, nanstr, infstr', async () => {
    const optionArb = fc.record(
      {
        precision: fc.integer({ min: 0, max: 20 }),
        threshold: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constant(Infinity)),
        edgeitems: fc.integer({ min: 0, max: 5 }),
        linewidth: fc.integer({ min: 1, max: 140 }),
        suppress: fc.boolean(),
        sign: fc.constantFrom<'-' | '+' | ' '>('-', '+', ' '),
        floatmode: fc.constantFrom<np.FloatMode>('fixed', 'unique', 'maxprec', 'maxprec_equal'),
        nanstr: fc.constantFrom('nan', 'NaN', 'n'),
        infstr: fc.constantFrom('inf', 'Infinity', 'i'),
      },
      { requiredKeys: [] },
    );
    const arrayOf = fc.oneof(arrayArb({ dtypes: ALL_DTYPES, views, maxDims: 4, maxSide: 8 }), floatArrayArb(3, 9));
    const groups = sample(fc.tuple(optionArb, fc.array(arrayOf, { minLength: 8, maxLength: 8 })), 40, 9);
    const failures: string[] = [];
    for (const [opts, arrays] of groups) {
      const kwargs = Object.entries(opts)
        .map(([k, v]) => `${k}=${typeof v === 'boolean' ? (v ? 'True' : 'False') : typeof v === 'string' ? JSON.stringify(v) : v === Infinity ? '10**18' : v}`)
        .join(', ');
      np.setPrintoptions(opts);
      failures.push(...(await compareWithNumpy(arrays, kwargs)));
      np.setPrintoptions(defaults);
      // the scoped form gives the same text and restores the options
      const scoped = np.printoptions(opts, () => arrays.map((a) => np.arrayRepr(a)));
      np.setPrintoptions(opts);
      expect(scoped).toEqual(arrays.map((a) => np.arrayRepr(a)));
      np.setPrintoptions(defaults);
      expect(np.getPrintoptions()).toEqual(defaults);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('array2string, array_str and array_repr with per-call keywords', async () => {
    const argsArb = fc.record({
      separator: fc.constantFrom(' ', ', ', ',', ' | ', ''),
      prefix: fc.constantFrom('', 'x = ', 'array('),
      suffix: fc.constantFrom('', ')', ');;'),
      maxLineWidth: fc.integer({ min: 5, max: 100 }),
      precision: fc.integer({ min: 0, max: 10 }),
      suppressSmall: fc.boolean(),
    });
    const arrayOf = fc.oneof(arrayArb({ dtypes: ALL_DTYPES, views, maxDims: 3, maxSide: 12 }), floatArrayArb(3, 9));
    const cases = sample(fc.tuple(argsArb, arrayOf), 300, 12);
    const oracleCases: OracleCase[] = [];
    const ours: string[][] = [];
    for (const [o, a] of cases) {
      const py = (v: boolean): string => (v ? 'True' : 'False');
      const common = `max_line_width=${o.maxLineWidth}, precision=${o.precision}, suppress_small=${py(o.suppressSmall)}`;
      oracleCases.push({
        code: `(np.array2string(a, ${common}, separator=${JSON.stringify(o.separator)}, prefix=${JSON.stringify(o.prefix)}, suffix=${JSON.stringify(o.suffix)}), np.array_str(a, ${common}), np.array_repr(a, ${common}))`,
        args: { a },
      });
      const perCall = { maxLineWidth: o.maxLineWidth, precision: o.precision, suppressSmall: o.suppressSmall };
      ours.push([np.array2string(a, { ...perCall, separator: o.separator, prefix: o.prefix, suffix: o.suffix }), np.arrayStr(a, perCall), np.arrayRepr(a, perCall)]);
    }
    const answers = await (await oracle()).run(oracleCases);
    const failures: string[] = [];
    answers.forEach((ans, i) => {
      if (!ans.ok) failures.push(`${oracleCases[i]!.code}: NumPy raised ${ans.message}`);
      else if (JSON.stringify(ans.value) !== JSON.stringify(ours[i])) {
        failures.push(`${oracleCases[i]!.code} for ${describeArray(cases[i]![1])}:\n${ours[i]!.join('\n')}\n--- NumPy:\n${(ans.value as string[]).join('\n')}`);
      }
    });
    expect(failures.slice(0, 5)).toEqual([]);
    expect(np.getPrintoptions()).toEqual(defaults);
  });

  it('the acceptance snippet prints exactly what NumPy prints (int arrays as int32)', async () => {
    const py = await oracle();
    const setup = [
      'a = np.arange(12, dtype=np.int32).reshape(3, 4)',
      'x = np.linspace(0, 1, 5, dtype=np.float32)',
      'vals = [a[:, 1::2], a.T @ a, (a - a.mean(axis=0)) / a.std(axis=0), x * 2,',
      '        np.array([1, 2], dtype=np.uint8) + 250, np.arange(2000.0).reshape(40, 50), a]',
      'result = [(v, str(v), repr(v)) for v in vals]',
    ].join('\n');
    const ans = await py.one(setup);
    if (!ans.ok) throw new Error(ans.message);
    const rows = ans.value as [Plain, string, string][];
    // a[:, 1::2] as a strided view of numbat's own buffer, the others rebuilt from values
    const aData = new Int32Array(12).map((_, i) => i);
    const arrays = rows.map(([p], i) => {
      if (i === 0) return new np.NDArray(aData, [3, 2], [4, 2], 1, 'int32');
      return makeView(p.dtype as np.DType, p.shape, p.values, 'contiguous');
    });
    rows.forEach(([, s, r], i) => {
      expect(np.arrayStr(arrays[i]!)).toBe(s);
      expect(np.arrayRepr(arrays[i]!)).toBe(r);
    });
  });
});

describe.runIf(hasNumpy)('formatFloatPositional and formatFloatScientific against NumPy', () => {
  it('random values and options, float64 and float32', async () => {
    const optsArb = fc.record(
      {
        precision: fc.integer({ min: 0, max: 25 }),
        unique: fc.boolean(),
        trim: fc.constantFrom<np.Trim>('k', '.', '0', '-'),
        sign: fc.boolean(),
        padLeft: fc.integer({ min: 0, max: 6 }),
        padRight: fc.integer({ min: 0, max: 12 }),
        minDigits: fc.integer({ min: 0, max: 25 }),
        expDigits: fc.integer({ min: 0, max: 6 }),
        fractional: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    const caseArb = fc.tuple(fc.boolean(), fc.boolean().chain((f32) => floatArb(f32).map((x) => [f32, x] as const)), optsArb);
    const cases = sample(caseArb, 1500, 10);
    const py = await oracle();
    const oracleCases: OracleCase[] = [];
    const ours: string[] = [];
    for (const [sci, [f32, x], o] of cases) {
      const kw: string[] = [];
      const add = (k: string, v: unknown): void => {
        if (v !== undefined) kw.push(`${k}=${typeof v === 'boolean' ? (v ? 'True' : 'False') : typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
      };
      add('precision', o.precision);
      add('unique', o.unique);
      add('trim', o.trim);
      add('sign', o.sign);
      add('pad_left', o.padLeft);
      add('min_digits', o.minDigits);
      if (sci) add('exp_digits', o.expDigits);
      else {
        add('pad_right', o.padRight);
        add('fractional', o.fractional);
      }
      const fn = sci ? 'format_float_scientific' : 'format_float_positional';
      // a 0-d array keeps -0 and the float32 type; x[()] is the NumPy scalar
      const arg: PyArg = makeView(f32 ? 'float32' : 'float64', [], [x], 'contiguous');
      oracleCases.push({ code: `np.${fn}(x[()], ${kw.join(', ')})`, args: { x: arg } });
      const dtype = f32 ? ('float32' as const) : ('float64' as const);
      try {
        ours.push(
          sci
            ? np.formatFloatScientific(x, { precision: o.precision, unique: o.unique, trim: o.trim, sign: o.sign, padLeft: o.padLeft, minDigits: o.minDigits, expDigits: o.expDigits, dtype })
            : np.formatFloatPositional(x, { precision: o.precision, unique: o.unique, trim: o.trim, sign: o.sign, padLeft: o.padLeft, padRight: o.padRight, minDigits: o.minDigits, fractional: o.fractional, dtype }),
        );
      } catch (e) {
        ours.push(`${(e as Error).name}: ${(e as Error).message}`);
      }
    }
    const answers = await py.run(oracleCases);
    const failures: string[] = [];
    answers.forEach((ans, i) => {
      const want = ans.ok ? (ans.value as string) : `${ans.type}: ${ans.message}`;
      const got = ours[i]!.replace(/^DTypeError|^TypeError/, 'TypeError');
      if (got !== want) failures.push(`${oracleCases[i]!.code} x=${String(cases[i]![1][1])}: got '${got}', NumPy '${want}'`);
    });
    expect(failures.slice(0, 5)).toEqual([]);
  });
});

describe('Dragon4 digits against the naive reference (no NumPy needed)', () => {
  it('shortest and precision-limited digits of random float64 and float32 values', () => {
    const cases = sample(fc.tuple(fc.boolean(), fc.boolean().chain((f32) => floatArb(f32).map((x) => [f32, x] as const)), fc.integer({ min: 0, max: 20 })), 3000, 11);
    const failures: string[] = [];
    for (const [sci, [f32, x], precision] of cases) {
      if (!Number.isFinite(x)) continue;
      const dtype = f32 ? ('float32' as const) : ('float64' as const);
      for (const p of [null, precision]) {
        const got = sci ? np.formatFloatScientific(x, { precision: p, dtype }) : np.formatFloatPositional(x, { precision: p, dtype });
        const want = sci ? refFloatScientific(x, dtype, p) : refFloatPositional(x, dtype, p);
        if (got !== want) failures.push(`${sci ? 'sci' : 'pos'} ${dtype} ${x} precision ${p}: got ${got}, reference ${want}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});

/**
 * I/O against NumPy and under attack.
 *
 * - `.npy`: numbat's bytes equal `np.save`'s for random arrays (every dtype, layout, 0-d,
 *   empty) and NumPy reads them back exactly; NumPy's files (both byte orders, C and
 *   Fortran order, format versions 1.0/2.0/3.0) read exactly in numbat.
 * - `.npz`: stored and deflated archives both ways, with awkward member names.
 * - Files on disk: written by one side, read by the other.
 * - Text: `toText` equals `np.savetxt` byte for byte for many formats; Python's `%` for
 *   random values and specs; `fromText` equals `np.loadtxt` on generated tables.
 * - Fuzz (runs without NumPy): random byte flips, truncations and insertions of valid
 *   `.npy` and `.npz` files only ever throw `ValueError`, quickly, and pollute nothing.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as np from '@numbat/ndarray';
import { formatValue, parseFormat, type FormatSpec, type ValueKind } from '../../packages/ndarray/src/io/printf.js';
import { hasNumpy, oracle, type OracleAnswer, type OracleCase } from '../oracle/numpy.js';
import { mismatch } from '../oracle/compare.js';
import { arrayArb, sample, ALL_DTYPES, valueArb, shapeArb } from '../arbitraries/arrays.js';
import { toPlain, type Plain } from '../reference/plain.js';
import { npyReference } from '../reference/io.js';
import { fingerprint } from '../helpers.js';

const EXACT = { rtol: 0, atol: 0 };
const bytesArg = (b: Uint8Array): np.NDArray => np.asarray(b);
const bytesOf = (ans: OracleAnswer): Uint8Array => {
  if (!ans.ok) throw new Error(`NumPy raised ${ans.type}: ${ans.message}`);
  return Uint8Array.from((ans.value as Plain).values as number[]);
};
const isFortran = (a: np.NDArray): boolean => !a.flags.cContiguous && a.flags.fContiguous;

/** numbat error class names -> the NumPy exception they stand for. */
const PY_ERROR: Record<string, string> = { ValueError: 'ValueError', DTypeError: 'TypeError', OverflowError: 'OverflowError' };

/** Compares a numbat outcome (value or error) with NumPy's answer; null when they agree. */
function sameOutcome(run: () => unknown, ans: OracleAnswer, compare: (x: unknown, v: unknown) => string | null): string | null {
  let got: unknown;
  try {
    got = run();
  } catch (e) {
    const err = e as Error;
    if (ans.ok) return `threw ${err.name}: ${err.message}; NumPy gave ${JSON.stringify(ans.value, (_k, v) => (typeof v === 'bigint' ? String(v) : v)).slice(0, 200)}`;
    if (PY_ERROR[err.name] !== ans.type && !(err.name === 'ValueError' && ans.type === 'AttributeError')) return `threw ${err.name}, NumPy ${ans.type}`;
    return err.message === ans.message ? null : `message "${err.message}", NumPy "${ans.message}"`;
  }
  if (!ans.ok) return `returned, NumPy raised ${ans.type}: ${ans.message}`;
  return compare(got, ans.value);
}

describe.runIf(hasNumpy)('.npy against NumPy', () => {
  const arrays = sample(arrayArb({ dtypes: ALL_DTYPES, maxDims: 4 }), 200, 7);

  it('numbat writes the bytes np.save writes, and NumPy reads them back exactly', async () => {
    const py = await oracle();
    const cases: OracleCase[] = arrays.map((a) => ({
      code: `import io
x = np.asfortranarray(a) if f else a
buf = io.BytesIO(); np.save(buf, x)
r = np.load(io.BytesIO(b.tobytes()))
result = [buf.getvalue() == b.tobytes(), str(r.dtype), list(r.shape), bool(r.flags.f_contiguous and not r.flags.c_contiguous), np.ascontiguousarray(r).tobytes() == a.tobytes()]`,
      args: { a, b: bytesArg(np.toNpy(a)), f: isFortran(a) },
    }));
    const answers = await py.run(cases);
    const failures: string[] = [];
    arrays.forEach((a, i) => {
      const ans = answers[i]!;
      const desc = `${a.dtype}(${a.shape}) strides (${a.strides})`;
      if (!ans.ok) return void failures.push(`${desc}: NumPy raised ${ans.type}: ${ans.message}`);
      const [same, dtype, shape, fortran, data] = ans.value as [boolean, string, number[], boolean, boolean];
      if (!same) failures.push(`${desc}: bytes differ from np.save`);
      if (dtype !== a.dtype || JSON.stringify(shape) !== JSON.stringify(a.shape) || fortran !== isFortran(a) || !data) {
        failures.push(`${desc}: NumPy read ${dtype}(${shape}) fortran=${fortran} data ok=${data}`);
      }
    });
    expect(failures).toEqual([]);
  });

  it("numbat reads NumPy's files: both byte orders, C and Fortran order, versions 1.0, 2.0 and 3.0", async () => {
    const py = await oracle();
    const variants = arrays.map((a, i) => ({ a, big: i % 2 === 1, fortran: i % 3 === 1, version: [null, 1, 2, 3][i % 4]! }));
    const answers = await py.run(
      variants.map((v) => ({
        code: `import io
x = a.astype(a.dtype.newbyteorder('>' if big else '<'))
if fortran and x.ndim > 0: x = np.asfortranarray(x)
buf = io.BytesIO()
if version is None: np.save(buf, x)
else: np.lib.format.write_array(buf, x, version=(version, 0))
result = [np.frombuffer(buf.getvalue(), np.uint8), bool(x.flags.f_contiguous and not x.flags.c_contiguous)]`,
        args: { a: v.a, big: v.big, fortran: v.fortran, version: v.version },
      })),
    );
    const failures: string[] = [];
    variants.forEach((v, i) => {
      const desc = `${v.a.dtype}(${v.a.shape}) big=${v.big} fortran=${v.fortran} v${v.version}`;
      const ans = answers[i]!;
      if (!ans.ok) return void failures.push(`${desc}: NumPy raised ${ans.type}: ${ans.message}`);
      const [plainBytes, numpyF] = ans.value as [Plain, boolean];
      const bytes = Uint8Array.from(plainBytes.values as number[]);
      if (v.version !== null && bytes[6] !== v.version) failures.push(`${desc}: NumPy wrote version ${bytes[6]}`);
      let back: np.NDArray;
      try {
        back = np.fromNpy(bytes);
      } catch (e) {
        return void failures.push(`${desc}: ${(e as Error).message}`);
      }
      const m = mismatch(back, { ok: true, value: { ...toPlain(v.a), scalar: false } }, EXACT);
      if (m !== null) failures.push(`${desc}: ${m}`);
      if (numpyF !== isFortran(back)) failures.push(`${desc}: Fortran order ${isFortran(back)}, NumPy's array ${numpyF}`);
      if (v.version === null && !v.big && !v.fortran && v.a.flags.cContiguous) {
        // np.save's little-endian C-order output is what numbat writes
        const ours = np.toNpy(v.a);
        if (ours.length !== bytes.length || ours.some((b, k) => b !== bytes[k])) failures.push(`${desc}: toNpy differs from np.save`);
      }
    });
    expect(failures).toEqual([]);
  });
});

const NAMES = ['x', '__proto__', 'constructor', 'a b', 'ü', 'dir/y', 'toString'];

describe.runIf(hasNumpy)('.npz against NumPy', () => {
  const groups = sample(fc.array(arrayArb({ dtypes: ALL_DTYPES, maxDims: 3 }), { minLength: 0, maxLength: 4 }), 40, 11);

  it('np.load reads what toNpz writes, stored and deflated', async () => {
    const py = await oracle();
    const cases = groups.map((arrs, i) => {
      const rec = Object.create(null) as Record<string, np.NDArray>;
      arrs.forEach((a, k) => Object.defineProperty(rec, NAMES[(i + k) % NAMES.length]!, { value: a, enumerable: true }));
      return { rec, compress: i % 2 === 0 };
    });
    const answers = await py.run(
      cases.map((c) => ({
        code: `import io
z = np.load(io.BytesIO(b.tobytes()))
result = [list(z.files)] + [z[k] for k in z.files]`,
        args: { b: bytesArg(np.toNpz(c.rec, { compress: c.compress })) },
      })),
    );
    cases.forEach((c, i) => {
      const ans = answers[i]!;
      expect(ans.ok, ans.ok ? '' : ans.message).toBe(true);
      const [files, ...values] = (ans as { value: unknown[] }).value;
      expect(files).toEqual(Object.keys(c.rec));
      Object.values(c.rec).forEach((a, k) => expect(mismatch(a, values[k] as never, EXACT)).toBe(null));
    });
  });

  it("fromNpz reads np.savez's and np.savez_compressed's archives (ZIP64 local headers)", async () => {
    const py = await oracle();
    const answers = await py.run(
      groups.map((arrs, i) => {
        const args: Record<string, np.NDArray | boolean> = { compress: i % 2 === 1 };
        arrs.forEach((a, k) => (args[`a${k}`] = a));
        const names = arrs.map((_, k) => `${JSON.stringify(NAMES[(i + k) % NAMES.length])}: a${k}`).join(', ');
        return {
          code: `import io
buf = io.BytesIO()
(np.savez_compressed if compress else np.savez)(buf, **{${names}})
result = np.frombuffer(buf.getvalue(), np.uint8)`,
          args,
        };
      }),
    );
    groups.forEach((arrs, i) => {
      const got = np.fromNpz(bytesOf(answers[i]!));
      expect(Object.getPrototypeOf(got)).toBe(null);
      expect(Object.keys(got)).toEqual(arrs.map((_, k) => NAMES[(i + k) % NAMES.length]!));
      arrs.forEach((a, k) => expect(mismatch(got[NAMES[(i + k) % NAMES.length]!], { ok: true, value: { ...toPlain(a), scalar: false } }, EXACT)).toBe(null));
    });
    expect(({} as Record<string, unknown>).polluted).toBe(undefined);
  });
});

describe.runIf(hasNumpy)('files on disk with NumPy', () => {
  it('save/savez/savezCompressed/savetxt files open in NumPy, and NumPy files load in numbat', async () => {
    const py = await oracle();
    const dir = mkdtempSync(join(tmpdir(), 'numbat-io-prop-'));
    const at = <T extends string>(f: T): `${string}${T}` => join(dir, f) as `${string}${T}`;
    try {
      const arrays = sample(arrayArb({ dtypes: ALL_DTYPES, maxDims: 3 }), 12, 5);
      arrays.forEach((a, i) => np.save(join(dir, `n${i}`), a));
      np.savez(join(dir, 'n.npz'), arrays.slice(0, 4));
      np.savezCompressed(join(dir, 'nc'), { p: arrays[4]!, q: arrays[5]! });
      const t = np.array([[1.5, -2, NaN], [Infinity, 0.1, 3]]);
      np.savetxt(join(dir, 'n.txt'), t, { header: 'h', delimiter: ',' });
      const answers = await py.run([
        ...arrays.map((_, i) => ({ code: `np.load(${JSON.stringify(join(dir, `n${i}.npy`))})` })),
        { code: `z = np.load(${JSON.stringify(join(dir, 'n.npz'))}); result = [z[k] for k in ['arr_0', 'arr_1', 'arr_2', 'arr_3']]` },
        { code: `z = np.load(${JSON.stringify(join(dir, 'nc.npz'))}); result = [list(z.files), z['p'], z['q']]` },
        { code: `np.loadtxt(${JSON.stringify(join(dir, 'n.txt'))}, delimiter=',')` },
        {
          code: `import os
d = ${JSON.stringify(dir)}
np.save(os.path.join(d, 'p.npy'), a)
np.save(os.path.join(d, 'pf.npy'), np.asfortranarray(b).astype('>f8'))
np.savez(os.path.join(d, 'p.npz'), a, b)
np.savez_compressed(os.path.join(d, 'pc.npz'), first=a, second=b)
np.savetxt(os.path.join(d, 'p.txt'), b, fmt='%.6g', delimiter=';', header='x;y;z')
result = True`,
          args: { a: arrays[0]!, b: np.array([[1, 2, 3], [4, 5, 6]], { dtype: 'float64' }) },
        },
      ]);
      arrays.forEach((a, i) => expect(mismatch(a, answers[i]!, EXACT), `n${i}`).toBe(null));
      const z = answers[arrays.length]!;
      expect(mismatch(arrays.slice(0, 4), z, EXACT)).toBe(null);
      const zc = answers[arrays.length + 1]! as { ok: true; value: unknown[] };
      expect(zc.value[0]).toEqual(['p', 'q']);
      expect(mismatch([arrays[4], arrays[5]], zc.value.slice(1) as never, EXACT)).toBe(null);
      expect(mismatch(t, answers[arrays.length + 2]!, EXACT)).toBe(null);
      expect(answers[arrays.length + 3]!.ok).toBe(true);
      const b = np.array([[1, 2, 3], [4, 5, 6]], { dtype: 'float64' });
      expect(mismatch(np.load(at('p.npy')), { ok: true, value: { ...toPlain(arrays[0]!), scalar: false } }, EXACT)).toBe(null);
      const pf = np.load(at('pf.npy'));
      expect([pf.dtype, isFortran(pf), pf.tolist()]).toEqual(['float64', true, b.tolist()]);
      const p = np.load(at('p.npz'));
      expect(Object.keys(p)).toEqual(['arr_0', 'arr_1']);
      expect(p.arr_1!.tolist()).toEqual(b.tolist());
      const pc = np.load(at('pc.npz'));
      expect(Object.keys(pc)).toEqual(['first', 'second']);
      expect(np.loadtxt(join(dir, 'p.txt'), { delimiter: ';' }).tolist()).toEqual(b.tolist());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---- text ----

/** Random printf specs: flags, width, precision, conversion. */
function specArb(convs: string): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.subarray(['-', '+', ' ', '0', '#']),
      fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 25 }).map(String)),
      fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 25 }).map((p) => `.${p}`), fc.constantFrom('.0', '.1', '.17', '.18', '.40', '.110')),
      fc.constantFrom(...convs),
    )
    .map(([flags, w, p, c]) => `%${flags.join('')}${w}${p}${c}`);
}

/** Floats with many exact ties (k / 2^m), subnormals, huge values and specials. */
const floatArb = fc.oneof(
  fc.double(),
  fc.tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 12 })).map(([k, m]) => k / 2 ** m),
  fc.constantFrom(0.5, 1.5, 2.5, 0.125, 0.375, 9.5, 99.5, 999.5, 0.05, 1e22, 1e-320, 5e-324, 1.7976931348623157e308, 123456789012345680000),
  fc.integer({ min: -1e6, max: 1e6 }).map((k) => k * 10 ** (Math.abs(k) % 7)),
);

describe.runIf(hasNumpy)('printf against Python', () => {
  it("formats random floats, float32s and integers exactly as Python's %", async () => {
    const py = await oracle();
    type Case = { spec: string; value: number | bigint; dtype: np.DType; kind: ValueKind };
    const cases: Case[] = [];
    for (const [spec, x] of sample(fc.tuple(specArb('eEfFgGdis'), floatArb), 600, 3)) cases.push({ spec, value: x, dtype: 'float64', kind: 'float64' });
    for (const [spec, x] of sample(fc.tuple(specArb('eEfgGds'), floatArb.map(Math.fround)), 200, 4)) cases.push({ spec, value: x, dtype: 'float32', kind: 'float32' });
    for (const dtype of ['int8', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'bool'] as np.DType[]) {
      for (const [spec, x] of sample(fc.tuple(specArb('diuxXoeEfgs'), valueArb(dtype)), 80, dtype.length)) cases.push({ spec, value: x, dtype, kind: dtype === 'bool' ? 'bool' : 'int' });
    }
    const isInt = (c: Case): boolean => c.kind === 'int' || c.kind === 'bool';
    // floats travel as float64 bytes (exact, -0 and NaN included), integers as decimal strings
    const answers = await py.run([
      {
        code: `out = []
for f, fv, iv, d in zip(specs, fvals, ivals, dts):
    x = np.array(int(iv)).astype(d)[()] if iv != '' else np.float64(fv).astype(d)[()]
    try: out.append(f % x)
    except Exception as e: out.append('!' + type(e).__name__ + ': ' + str(e))
result = out`,
        args: {
          specs: cases.map((c) => c.spec),
          fvals: np.array(cases.map((c) => (isInt(c) ? 0 : (c.value as number))), { dtype: 'float64' }),
          ivals: cases.map((c) => (isInt(c) ? String(c.value) : '')),
          dts: cases.map((c) => c.dtype),
        },
      },
    ]);
    const expected = (answers[0] as { value: string[] }).value;
    const failures: string[] = [];
    cases.forEach((c, i) => {
      let got: string;
      try {
        got = formatValue(parseFormat(c.spec)[0] as FormatSpec, c.value, c.kind);
      } catch (e) {
        got = `!${PY_ERROR[(e as Error).name] ?? (e as Error).name}: ${(e as Error).message}`;
      }
      if (got !== expected[i]) failures.push(`${c.spec} % ${c.dtype}(${String(c.value)}): ${JSON.stringify(got)}, Python ${JSON.stringify(expected[i])}`);
    });
    expect(failures.slice(0, 20)).toEqual([]);
  });
});

describe.runIf(hasNumpy)('text tables against NumPy', () => {
  it('toText equals np.savetxt byte for byte (or raises the same error)', async () => {
    const py = await oracle();
    const fmts = ['%.18e', '%d', '%.3f', '%g', '%10.4e', '%s', '%+.2e', '%x', '%-8.3G|', '%05i'];
    const inputs = sample(
      fc.tuple(arrayArb({ dtypes: ALL_DTYPES, minDims: 1, maxDims: 2 }), fc.constantFrom(...fmts), fc.constantFrom(' ', ',', '\t', ' | '), fc.constantFrom('', 'col a\ncol b'), fc.constantFrom('\n', '\r\n')),
      150,
      9,
    );
    const answers = await py.run(
      inputs.map(([a, fmt, delimiter, header, newline]) => ({
        code: `import io
buf = io.BytesIO(); np.savetxt(buf, a, fmt=fmt, delimiter=delimiter, header=header, footer=header, newline=newline)
result = buf.getvalue().decode('latin1')`,
        args: { a, fmt, delimiter, header, newline },
      })),
    );
    const failures: string[] = [];
    inputs.forEach(([a, fmt, delimiter, header, newline], i) => {
      const before = fingerprint(a);
      const why = sameOutcome(() => np.toText(a, { fmt, delimiter, header, footer: header, newline }), answers[i]!, (x, v) => (x === v ? null : `${JSON.stringify(x).slice(0, 300)} vs NumPy ${JSON.stringify(v).slice(0, 300)}`));
      if (why !== null) failures.push(`${a.dtype}(${a.shape}) fmt ${fmt}: ${why}`);
      if (fingerprint(a) !== before) failures.push(`${a.dtype}(${a.shape}): input modified`);
    });
    expect(failures).toEqual([]);
  });

  it('fromText equals np.loadtxt on generated tables and options', async () => {
    const py = await oracle();
    const tableArb = fc
      .tuple(
        fc.constantFrom<np.DType>('float64', 'float32', 'int32', 'uint8', 'int64', 'uint64', 'bool', 'int16'),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom<string | null>(null, ',', ';', '\t'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.record({
          comment: fc.boolean(),
          blank: fc.boolean(),
          ragged: fc.integer({ min: 0, max: 9 }),
          bad: fc.integer({ min: 0, max: 14 }),
          skiprows: fc.integer({ min: 0, max: 2 }),
          maxRows: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
          usecols: fc.option(fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 3 }), { nil: null }),
          ndmin: fc.constantFrom<0 | 1 | 2>(0, 1, 2),
          unpack: fc.boolean(),
          pad: fc.boolean(),
        }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      )
      .chain(([dtype, rows, cols, delim, nl, o, seed]) =>
        fc.array(valueArb(dtype === 'bool' ? 'uint8' : dtype, { range: dtype === 'bool' ? 3 : undefined }), { minLength: rows * cols, maxLength: rows * cols }).map((vals) => ({ dtype, rows, cols, delim, nl, o, seed, vals })),
      );
    const tables = sample(tableArb, 200, 13).map((t) => {
      const str = (v: number | bigint): string => {
        if (typeof v === 'bigint') return v.toString();
        if (Number.isNaN(v)) return t.seed % 2 ? 'nan' : 'NaN';
        if (!Number.isFinite(v)) return v > 0 ? (t.seed % 3 ? 'inf' : '+Infinity') : '-inf';
        return t.seed % 5 === 0 && !Number.isInteger(v) ? v.toExponential() : String(v);
      };
      const lines: string[] = [];
      if (t.o.comment) lines.push('# a comment line');
      for (let r = 0; r < t.rows; r++) {
        const fields = t.vals.slice(r * t.cols, (r + 1) * t.cols).map(str);
        if (t.o.ragged === 1 && r === 1) fields.push('1');
        if (t.o.bad === 1 && r === t.rows - 1) fields[0] = 'x1';
        if (t.o.bad === 2 && r === 0) fields[fields.length - 1] = '';
        const sep = t.delim ?? (t.seed % 2 ? ' ' : ' \t ');
        let line = fields.map((f) => (t.o.pad && t.delim !== null ? ` ${f} ` : f)).join(sep);
        if (t.o.comment && r === 0) line += ' # trailing';
        lines.push(line);
        if (t.o.blank && r === 0) lines.push('');
      }
      const text = lines.join(t.nl) + (t.seed % 2 ? t.nl : '');
      const options: np.LoadtxtOptions = { dtype: t.dtype, delimiter: t.delim, skiprows: t.o.skiprows, maxRows: t.o.maxRows, usecols: t.o.usecols, ndmin: t.o.ndmin, unpack: t.o.unpack };
      return { text, options };
    });
    const answers = await py.run(
      tables.map(({ text, options: o }) => ({
        code: `import io
result = np.loadtxt(io.StringIO(text, newline=None), dtype=dtype, delimiter=delimiter, skiprows=skiprows, max_rows=max_rows, usecols=usecols, ndmin=ndmin, unpack=unpack)`,
        args: {
          text,
          dtype: o.dtype as string,
          delimiter: o.delimiter ?? null,
          skiprows: o.skiprows!,
          max_rows: o.maxRows ?? null,
          usecols: o.usecols === null || o.usecols === undefined ? null : [...(o.usecols as number[])],
          ndmin: o.ndmin!,
          unpack: o.unpack!,
        },
      })),
    );
    const failures: string[] = [];
    tables.forEach(({ text, options }, i) => {
      const why = sameOutcome(() => np.fromText(text, options), answers[i]!, (x, v) => mismatch(x, v as never, EXACT));
      if (why !== null) failures.push(`${JSON.stringify(text)} ${JSON.stringify(options)}: ${why}`);
    });
    expect(failures.slice(0, 10)).toEqual([]);
  });
});

// ---- fuzz: hostile bytes ----

/** A mutation of valid bytes: truncations, byte flips, insertions, header-length edits. */
function mutate(bytes: Uint8Array, ops: { kind: number; pos: number; value: number }[]): Uint8Array {
  let b = bytes.slice();
  for (const { kind, pos, value } of ops) {
    const p = b.length === 0 ? 0 : pos % b.length;
    if (kind === 0) b = b.slice(0, p);
    else if (kind === 1) b[p] = value;
    else if (kind === 2) {
      const c = new Uint8Array(b.length + 1);
      c.set(b.subarray(0, p));
      c[p] = value;
      c.set(b.subarray(p), p + 1);
      b = c;
    } else if (kind === 3 && b.length > 12) b[8 + (pos % 4)] = value; // header length bytes
    else if (kind === 4 && b.length > 0) b = b.slice(p); // drop a prefix
  }
  return b;
}

const opsArb = fc.array(fc.record({ kind: fc.integer({ min: 0, max: 4 }), pos: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 });

/** Runs `f`, which may throw only ValueError (a hang is caught by the test timeout, not a clock). */
function onlyValueErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof np.ValueError)) throw new Error(`threw ${(e as Error).name}: ${(e as Error).message}`);
  }
}

describe('hostile bytes', () => {
  it('mutated .npy files give a result or a ValueError, never anything else', () => {
    fc.assert(
      fc.property(arrayArb({ dtypes: ALL_DTYPES, maxDims: 3 }), opsArb, fc.constantFrom<1 | 2 | 3>(1, 2, 3), (a, ops, version) => {
        onlyValueErrors(() => np.fromNpy(mutate(np.toNpy(a, { version }), ops)));
      }),
      { numRuns: 600, seed: 1 },
    );
  });

  it('mutated .npz archives give a result or a ValueError, never anything else, and pollute nothing', () => {
    fc.assert(
      fc.property(fc.array(arrayArb({ dtypes: ALL_DTYPES, maxDims: 2 }), { maxLength: 3 }), fc.boolean(), opsArb, (arrs, compress, ops) => {
        const rec = Object.create(null) as Record<string, np.NDArray>;
        arrs.forEach((a, k) => Object.defineProperty(rec, ['__proto__', 'constructor', 'polluted'][k]!, { value: a, enumerable: true }));
        onlyValueErrors(() => np.fromNpz(mutate(np.toNpz(rec, { compress }), ops)));
        expect(({} as Record<string, unknown>).polluted).toBe(undefined);
      }),
      { numRuns: 400, seed: 2 },
    );
  });

  it('random headers of random bytes are parse errors, not crashes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 64 }), (header, data) => {
        const h = new TextEncoder().encode(header);
        const b = new Uint8Array(12 + h.length + data.length);
        b.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 3, 0]);
        b.set(h, 12);
        new DataView(b.buffer).setUint32(8, h.length, true);
        b.set(data, 12 + h.length);
        onlyValueErrors(() => np.fromNpy(b));
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('toNpy agrees with the naive reference writer on random arrays (no NumPy needed)', () => {
    fc.assert(
      fc.property(arrayArb({ dtypes: ALL_DTYPES }), (a) => {
        const bytes = np.toNpy(a);
        expect(Array.from(bytes)).toEqual(Array.from(npyReference(a, isFortran(a))));
        expect(mismatch(np.fromNpy(bytes), { ok: true, value: { ...toPlain(a), scalar: false } }, EXACT)).toBe(null);
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it('shapes of every rank survive a round trip', () => {
    fc.assert(
      fc.property(shapeArb({ maxDims: 8, maxSide: 3 }), (shape) => {
        const a = np.zeros(shape, { dtype: 'int16' });
        expect(np.fromNpy(np.toNpy(a)).shape).toEqual(shape);
      }),
      { numRuns: 100, seed: 5 },
    );
  });
});

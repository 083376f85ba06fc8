/**
 * Examples, edge cases and error messages of the I/O family: `.npy` (toNpy, fromNpy),
 * `.npz` (toNpz, fromNpz), text tables (toText, fromText) and the Node file functions.
 * Expected bytes come from the naive reference writer (`test/reference/io.ts`, written
 * from NumPy's format description); expected text and messages were produced by NumPy 2.4.
 * Runs without NumPy; `test/properties/io.test.ts` checks against NumPy itself.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as np from '@numbat/ndarray';
import { writeZip, crc32 } from '../src/io/zip.js';
import { toPlain } from '../../../test/reference/plain.js';
import { npyReference } from '../../../test/reference/io.js';
import { makeView, ALL_DTYPES, type ViewKind } from '../../../test/arbitraries/arrays.js';
import { expectThrows, fingerprint } from '../../../test/helpers.js';

const enc = new TextEncoder();

/** dtype, shape and C-order values, with NaN and -0 made comparable. */
function content(a: np.NDArray): string {
  const p = toPlain(a);
  return JSON.stringify([p.dtype, p.shape, p.values.map((v) => (typeof v === 'bigint' ? `${v}n` : Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : v))]);
}

/** A `.npy` file from a header dict text and data bytes (version 1.0, NumPy's padding). */
function npyFile(dict: string, data: Uint8Array = new Uint8Array(0), version = 1): Uint8Array {
  const lenBytes = version === 1 ? 2 : 4;
  let h = dict;
  while ((8 + lenBytes + h.length + 1) % 64 !== 0) h += ' ';
  h += '\n';
  const head = version === 3 ? enc.encode(h) : Uint8Array.from(h, (c) => c.charCodeAt(0));
  const out = new Uint8Array(8 + lenBytes + head.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const dv = new DataView(out.buffer);
  if (lenBytes === 2) dv.setUint16(8, head.length, true);
  else dv.setUint32(8, head.length, true);
  out.set(head, 8 + lenBytes);
  out.set(data, 8 + lenBytes + head.length);
  return out;
}

const f64 = (...xs: number[]): Uint8Array => new Uint8Array(new Float64Array(xs).buffer);

/** Sample values per dtype with each dtype's extremes and specials. */
function sampleValues(dtype: np.DType, n: number): (number | bigint)[] {
  const info = np.DTYPES[dtype];
  const pool: (number | bigint)[] =
    info.kind === 'b'
      ? [0, 1]
      : info.kind === 'f'
        ? [0, -0, 1.5, -2.25, NaN, Infinity, -Infinity, info.max as number, info.min as number, dtype === 'float32' ? Math.fround(0.1) : 0.1]
        : info.bigint
          ? [0n, 1n, info.min as bigint, info.max as bigint, 12345678901234n]
          : [0, 1, info.min as number, info.max as number, 7];
  return Array.from({ length: n }, (_, i) => pool[i % pool.length]!);
}

const cStridesOf = (shape: number[]): number[] => shape.map((_, i) => shape.slice(i + 1).reduce((x, y) => x * Math.max(y, 1), 1));
const fStridesOf = (shape: number[]): number[] => shape.map((_, i) => shape.slice(0, i).reduce((x, y) => x * Math.max(y, 1), 1));

const LAYOUTS: ViewKind[] = ['contiguous', 'fortran', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast'];

describe('toNpy', () => {
  it("writes NumPy's header byte for byte", () => {
    const bytes = np.toNpy(np.arange(3));
    const header = "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }";
    expect(String.fromCharCode(...bytes.subarray(10, 10 + header.length))).toBe(header);
    expect(bytes.length).toBe(128 + 12);
    expect(Array.from(bytes.subarray(0, 10))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 118, 0]);
    expect(bytes[127]).toBe(0x0a);
    expect(bytes).toEqual(npyReference(np.arange(3), false));
  });

  for (const dtype of ALL_DTYPES) {
    it(`${dtype}: every layout, 0-d and empty match the reference writer and round-trip`, () => {
      const shapes = [[2, 3], [3, 1, 2], [], [0], [2, 0, 3], [5]];
      for (const shape of shapes) {
        const size = shape.reduce((x, y) => x * y, 1);
        for (const kind of LAYOUTS) {
          const a = makeView(dtype, shape, sampleValues(dtype, size), kind, 1);
          const before = fingerprint(a);
          const fortran = !a.flags.cContiguous && a.flags.fContiguous;
          const bytes = np.toNpy(a);
          expect(fingerprint(a)).toBe(before);
          expect(bytes, `${dtype} ${kind} (${shape})`).toEqual(npyReference(a, fortran));
          const back = np.fromNpy(bytes);
          expect(content(back)).toBe(content(a));
          // Fortran-ordered files read back F-contiguous, everything else C-contiguous
          expect(fortran ? back.flags.fContiguous : back.flags.cContiguous).toBe(true);
          expect(back.strides).toEqual(fortran ? fStridesOf(shape) : cStridesOf(shape));
        }
      }
    });
  }

  it('writes Fortran order only for F-contiguous arrays that are not C-contiguous, as NumPy', () => {
    const f = np.asfortranarray(np.arange(6).reshape(2, 3));
    expect(String.fromCharCode(...np.toNpy(f).subarray(10, 60))).toContain("'fortran_order': True");
    expect(String.fromCharCode(...np.toNpy(np.arange(3)).subarray(10, 60))).toContain("'fortran_order': False");
    const back = np.fromNpy(np.toNpy(f));
    expect(back.flags.fContiguous && !back.flags.cContiguous).toBe(true);
    expect(back.strides).toEqual([1, 2]);
  });

  it('pads the header for the growth axis and aligns the data to 64 bytes in every version', () => {
    for (const version of [1, 2, 3] as const) {
      for (const shape of [[], [7], [123456789, 0], [2, 3, 4, 5, 6, 7, 8, 9, 1, 1, 1]]) {
        const bytes = np.toNpy(np.zeros(shape, { dtype: 'uint8' }), { version });
        expect(bytes[6]).toBe(version);
        const lenBytes = version === 1 ? 2 : 4;
        const dv = new DataView(bytes.buffer);
        const hlen = lenBytes === 2 ? dv.getUint16(8, true) : dv.getUint32(8, true);
        expect((8 + lenBytes + hlen) % 64).toBe(0);
        expect(np.fromNpy(bytes).shape).toEqual(shape);
      }
    }
  });

  it('rejects an unknown version', () => {
    expectThrows(() => np.toNpy(np.zeros(1), { version: 4 as never }), np.ValueError, 'we only support format version (1,0), (2,0), and (3,0), not (4, 0)');
  });

  it('takes any ArrayLike', () => {
    expect(content(np.fromNpy(np.toNpy([[1, 2], [3, 4]])))).toBe(content(np.array([[1, 2], [3, 4]])));
    expect(content(np.fromNpy(np.toNpy(2.5)))).toBe(content(np.array(2.5)));
  });
});

describe('fromNpy', () => {
  const dict = (descr: string, shape: string, fortran = 'False'): string => `{'descr': '${descr}', 'fortran_order': ${fortran}, 'shape': ${shape}, }`;

  it('reads big-endian data, converting it', () => {
    const data = new Uint8Array(16);
    const dv = new DataView(data.buffer);
    dv.setFloat64(0, 1.5, false);
    dv.setFloat64(8, -3, false);
    const a = np.fromNpy(npyFile(dict('>f8', '(2,)'), data));
    expect(content(a)).toBe(content(np.array([1.5, -3])));
    const i16 = new Uint8Array([0x01, 0x02, 0xff, 0xfe]);
    expect(Array.from(np.fromNpy(npyFile(dict('>i2', '(2,)'), i16)).data as Int16Array)).toEqual([0x0102, -2]);
    expect(Array.from(np.fromNpy(npyFile(dict('<i2', '(2,)'), i16)).data as Int16Array)).toEqual([0x0201, -257]);
    const u64 = new Uint8Array(8);
    new DataView(u64.buffer).setBigUint64(0, 2n ** 64n - 2n, false);
    expect(np.fromNpy(npyFile(dict('>u8', '()'), u64)).item()).toBe(2n ** 64n - 2n);
  });

  it("accepts NumPy's header variations: quotes, key order, spacing, trailing comma, byte-order marks, type codes, Python 2 longs", () => {
    const two = f64(1, 2);
    const variants = [
      `{"descr": "<f8", "fortran_order": False, "shape": (2,)}`,
      `{'shape': (2,), 'descr': '<f8', 'fortran_order': False}`,
      `{ 'descr' : '=f8' ,\n 'fortran_order':False,'shape':( 2 , ) , }`,
      `{'descr': '|f8', 'fortran_order': False, 'shape': (2L,), }`,
      `{'descr': 'd', 'fortran_order': False, 'shape': (2,)}`,
      `{'descr': 'float64', 'fortran_order': False, 'shape': (2,)}`,
      `{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'shape': (2,)}`,
    ];
    for (const v of variants) expect(content(np.fromNpy(npyFile(v, two))), v).toBe(content(np.array([1, 2], { dtype: 'float64' })));
    expect(np.fromNpy(npyFile(dict('<i4', '(1, 2)'), new Uint8Array(8))).shape).toEqual([1, 2]);
    expect(np.fromNpy(npyFile(dict('<f8', '(2,)'), two, 2)).shape).toEqual([2]);
    expect(np.fromNpy(npyFile(`{'descr': '<f8', 'fortran_order': False, 'shape': (2,), } # é`, two, 3)).shape).toEqual([2]);
  });

  it('reads bool bytes other than 0 and 1 as true', () => {
    const a = np.fromNpy(npyFile(dict('|b1', '(3,)'), new Uint8Array([0, 1, 7])));
    expect(a.tolist()).toEqual([false, true, true]);
  });

  it('returns an array owning a fresh buffer', () => {
    const bytes = np.toNpy(np.arange(4));
    const a = np.fromNpy(bytes);
    bytes.fill(0, bytes.length - 16);
    expect(a.tolist()).toEqual([0, 1, 2, 3]);
    expect(a.flags.ownsData && a.flags.writeable).toBe(true);
  });

  it('takes an ArrayBuffer or a Node Buffer too', () => {
    const bytes = np.toNpy(np.array([1.5, 2.5]));
    expect(np.fromNpy(bytes.slice().buffer).tolist()).toEqual([1.5, 2.5]);
    expect(np.fromNpy(Buffer.from(bytes)).tolist()).toEqual([1.5, 2.5]);
    expect(Object.keys(np.fromNpz(np.toNpz([1]).slice().buffer))).toEqual(['arr_0']);
    expectThrows(() => np.fromNpy(new Float64Array(2) as never), np.ValueError, 'fromNpy expects the bytes of a .npy file as a Uint8Array or an ArrayBuffer');
  });

  it('reads from a Uint8Array view at any byte offset', () => {
    const bytes = np.toNpy(np.array([1.5, 2.5]));
    const big = new Uint8Array(bytes.length + 3);
    big.set(bytes, 3);
    expect(np.fromNpy(big.subarray(3)).tolist()).toEqual([1.5, 2.5]);
  });

  it("throws NumPy's ValueError for malformed files", () => {
    const good = (s: string): Uint8Array => npyFile(s, f64(1, 2));
    const cases: [Uint8Array, string][] = [
      [new Uint8Array([0x93, 0x4e, 0x55]), 'EOF: reading magic string, expected 8 bytes got 3'],
      [Uint8Array.from('\x93NUMPX\x01\x00abcd', (c) => c.charCodeAt(0)), "the magic string is not correct; expected b'\\x93NUMPY', got b'\\x93NUMPX'"],
      [Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 4, 0, 16, 0]), 'we only support format version (1,0), (2,0), and (3,0), not (4, 0)'],
      [Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 255]), 'EOF: reading array header length, expected 2 bytes got 1'],
      [Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 255, 0, 0x7b]), 'EOF: reading array header, expected 255 bytes got 1'],
      [good(`{'descr': '<f8', 'fortran_order': False}`), "Header does not contain the correct keys: ['descr', 'fortran_order']"],
      [good(`{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'extra': 1}`), "Header does not contain the correct keys: ['descr', 'extra', 'fortran_order', 'shape']"],
      [good(`{'descr': '<f8', 'fortran_order': 0, 'shape': (2,)}`), 'fortran_order is not a valid bool: 0'],
      [good(`{'descr': '<f8', 'fortran_order': False, 'shape': [2]}`), 'shape is not valid: [2]'],
      [good(`{'descr': '<f8', 'fortran_order': False, 'shape': (2.0,)}`), 'shape is not valid: (2.0,)'],
      [good(`{'descr': 'zz', 'fortran_order': False, 'shape': (2,)}`), "descr is not a valid dtype descriptor: 'zz'"],
      [good(`{'descr': 5, 'fortran_order': False, 'shape': (2,)}`), 'descr is not a valid dtype descriptor: 5'],
      [good(`{'descr': '|O', 'fortran_order': False, 'shape': (2,)}`), 'Object arrays cannot be loaded when allow_pickle=False'],
      [good(`[1, 2]`), 'Header is not a dictionary: [1, 2]'],
      [good(`{'descr': '<f8', 'fortran_order': False, 'shape': (-2,)}`), 'negative dimensions are not allowed'],
      [good(`{'descr': '<f8', 'fortran_order': False, 'shape': (${'1, '.repeat(65)})}`), 'maximum supported dimension for an ndarray is currently 64, found 65'],
      [good(`{'descr': '<f8', 'fortran_order': False, 'shape': (3,)}`), 'EOF: reading array data, expected 24 bytes got 16'],
      [good(`{'descr': '<f8', 'fortran_order': False, 'shape': (1,)}`), 'the .npy data does not match its header: shape (1,) of float64 needs 8 bytes, the file has 16'],
      [good(`{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296)}`), 'array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.'],
      [good(`{'descr': '<f8', 'fortran_order': False, 'shape': (${'9'.repeat(400)},)}`), 'array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.'],
    ];
    for (const [bytes, message] of cases) expectThrows(() => np.fromNpy(bytes), np.ValueError, message);
  });

  it('rejects dtypes numbat does not have, structured and sub-array dtypes, with clear messages', () => {
    const supported = 'numbat supports bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32 and float64';
    for (const descr of ['<U5', '|S3', '<f2', '<c16', '<M8[ns]', 'e', '|V8']) {
      expectThrows(() => np.fromNpy(npyFile(`{'descr': '${descr}', 'fortran_order': False, 'shape': (0,)}`)), np.ValueError, `cannot load dtype '${descr}': ${supported}`);
    }
    expectThrows(
      () => np.fromNpy(npyFile(`{'descr': [('a', '<f8'), ('b', '<i4')], 'fortran_order': False, 'shape': (0,)}`)),
      np.ValueError,
      "cannot load structured dtype [('a', '<f8'), ('b', '<i4')]: numbat arrays hold one numeric dtype",
    );
    expectThrows(
      () => np.fromNpy(npyFile(`{'descr': ('<f8', (2,)), 'fortran_order': False, 'shape': (0,)}`)),
      np.ValueError,
      "cannot load sub-array dtype ('<f8', (2,)): numbat arrays hold one numeric dtype",
    );
  });

  it('never evaluates the header: code, names and absurd nesting are parse errors', () => {
    for (const h of ["__import__('os').system('true')", "{'descr': eval('1'), 'fortran_order': False, 'shape': ()}", '('.repeat(5000) + ')'.repeat(5000), "{'a': 1 'b'}", "{'descr': '<f8'", "{'descr': '<f8\n'}", '{1: 2, }}']) {
      const err = (() => {
        try {
          np.fromNpy(npyFile(h));
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err, h.slice(0, 40)).toBeInstanceOf(np.ValueError);
      expect((err as Error).message.startsWith('Cannot parse header: ') || (err as Error).message.startsWith('Header')).toBe(true);
    }
  });

  // a super-linear parser would hit the test timeout here (speed itself is the benchmarks' business)
  it('copes with long hostile headers and keeps its messages short', () => {
    const long = `{'descr': '<f8', 'fortran_order': False, 'shape': (${'1'.repeat(200000)}x`;
    let err: unknown = null;
    try {
      np.fromNpy(npyFile(long));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(np.ValueError);
    expect((err as Error).message.length).toBeLessThan(600);
    const keys = Array.from({ length: 20000 }, (_, i) => `'k${i}': ${i}`).join(', ');
    expect(() => np.fromNpy(npyFile(`{${keys}}`))).toThrow(np.ValueError);
  });

  it('does not pollute prototypes with __proto__ keys in the header', () => {
    expectThrows(
      () => np.fromNpy(npyFile(`{'descr': '<f8', 'fortran_order': False, 'shape': (), '__proto__': {'polluted': True}}`, f64(1))),
      np.ValueError,
      "Header does not contain the correct keys: ['__proto__', 'descr', 'fortran_order', 'shape']",
    );
    expect((Object.prototype as Record<string, unknown>).polluted).toBe(undefined);
  });

  it('rejects a version 3 header that is not UTF-8 and takes anything that is not a Uint8Array as an error', () => {
    const bad = npyFile(`{'descr': '<f8', 'fortran_order': False, 'shape': (), }`, f64(1), 3);
    bad[12] = 0xff;
    expectThrows(() => np.fromNpy(bad), np.ValueError, 'the .npy header is not valid UTF-8');
    expectThrows(() => np.fromNpy('abc' as never), np.ValueError, 'fromNpy expects the bytes of a .npy file as a Uint8Array or an ArrayBuffer');
  });
});

/** The offsets of the local headers of a zip written by `writeZip`/`toNpz`. */
function localHeaders(z: Uint8Array): number[] {
  const out: number[] = [];
  const dv = new DataView(z.buffer, z.byteOffset, z.byteLength);
  let p = 0;
  while (p + 30 <= z.length && dv.getUint32(p, true) === 0x04034b50) {
    out.push(p);
    p += 30 + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true) + dv.getUint32(p + 18, true);
  }
  return out;
}

describe('toNpz / fromNpz', () => {
  it('names list members arr_0, arr_1, ... and record or Map members by their keys, in order', () => {
    const a = np.arange(3);
    const b = np.eye(2);
    expect(Object.keys(np.fromNpz(np.toNpz([a, b])))).toEqual(['arr_0', 'arr_1']);
    expect(Object.keys(np.fromNpz(np.toNpz({ y: a, x: b })))).toEqual(['y', 'x']);
    expect(Object.keys(np.fromNpz(np.toNpz(new Map([['m', a]]))))).toEqual(['m']);
    const back = np.fromNpz(np.toNpz({ a, b }, { compress: true }));
    expect(content(back.a!)).toBe(content(a));
    expect(content(back.b!)).toBe(content(b));
  });

  it('stores members uncompressed by default and deflates them with compress: true', () => {
    const big = np.zeros(1000);
    const stored = np.toNpz([big]);
    const deflated = np.toNpz([big], { compress: true });
    expect(stored[8]).toBe(0);
    expect(deflated[8]).toBe(8);
    expect(deflated.length).toBeLessThan(stored.length / 10);
    expect(content(np.fromNpz(deflated).arr_0!)).toBe(content(big));
  });

  it('round-trips every dtype and layout, 0-d and empty arrays', () => {
    const arrays: Record<string, np.NDArray> = {};
    for (const dtype of ALL_DTYPES) {
      arrays[`${dtype}_f`] = makeView(dtype, [2, 3], sampleValues(dtype, 6), 'fortran');
      arrays[`${dtype}_r`] = makeView(dtype, [2, 3], sampleValues(dtype, 6), 'reversed');
      arrays[`${dtype}_0d`] = makeView(dtype, [], sampleValues(dtype, 1), 'contiguous');
      arrays[`${dtype}_empty`] = makeView(dtype, [0, 4], [], 'contiguous');
    }
    for (const compress of [false, true]) {
      const back = np.fromNpz(np.toNpz(arrays, { compress }));
      expect(Object.keys(back)).toEqual(Object.keys(arrays));
      for (const k of Object.keys(arrays)) expect(content(back[k]!), k).toBe(content(arrays[k]!));
      expect(back.float64_f!.flags.fContiguous && !back.float64_f!.flags.cContiguous).toBe(true);
    }
  });

  it('keeps __proto__, constructor and toString as ordinary keys of a null-prototype record', () => {
    const rec = Object.create(null) as Record<string, np.NDArray>;
    for (const k of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) Object.defineProperty(rec, k, { value: np.arange(2), enumerable: true });
    const back = np.fromNpz(np.toNpz(rec));
    expect(Object.getPrototypeOf(back)).toBe(null);
    expect(Object.keys(back)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(back['__proto__'] instanceof np.NDArray).toBe(true);
    expect(back.constructor instanceof np.NDArray).toBe(true);
    expect((Object.prototype as Record<string, unknown>).polluted).toBe(undefined);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    // a hand-made archive whose member tries to pollute
    const z = writeZip([{ name: '__proto__.npy', data: np.toNpy(np.array([1])) }, { name: 'polluted.npy', data: np.toNpy(np.array([2])) }], false);
    const got = np.fromNpz(z);
    expect(Object.keys(got)).toEqual(['__proto__', 'polluted']);
    expect(({} as Record<string, unknown>).polluted).toBe(undefined);
  });

  it('reads an empty archive and skips directory entries', () => {
    expect(Object.keys(np.fromNpz(np.toNpz([])))).toEqual([]);
    const z = writeZip([{ name: 'dir/', data: new Uint8Array(0) }, { name: 'dir/a.npy', data: np.toNpy(np.ones(1)) }], false);
    expect(Object.keys(np.fromNpz(z))).toEqual(['dir/a']);
  });

  it('reads a ZIP64 central directory and end record', () => {
    const data = np.toNpy(np.arange(5));
    const name = enc.encode('z.npy');
    const local = new Uint8Array(30 + name.length + data.length);
    let dv = new DataView(local.buffer);
    dv.setUint32(0, 0x04034b50, true);
    dv.setUint16(4, 45, true);
    dv.setUint32(14, crc32(data), true);
    dv.setUint32(18, data.length, true);
    dv.setUint32(22, data.length, true);
    dv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(data, 30 + name.length);
    const central = new Uint8Array(46 + name.length + 28);
    dv = new DataView(central.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint32(16, crc32(data), true);
    dv.setUint32(20, 0xffffffff, true);
    dv.setUint32(24, 0xffffffff, true);
    dv.setUint16(28, name.length, true);
    dv.setUint16(30, 28, true);
    dv.setUint32(42, 0xffffffff, true);
    central.set(name, 46);
    const x = 46 + name.length;
    dv.setUint16(x, 1, true);
    dv.setUint16(x + 2, 24, true);
    dv.setBigUint64(x + 4, BigInt(data.length), true);
    dv.setBigUint64(x + 12, BigInt(data.length), true);
    dv.setBigUint64(x + 20, 0n, true);
    const tail = new Uint8Array(56 + 20 + 22);
    dv = new DataView(tail.buffer);
    const cdOffset = local.length;
    dv.setUint32(0, 0x06064b50, true);
    dv.setBigUint64(4, 44n, true);
    dv.setBigUint64(24, 1n, true);
    dv.setBigUint64(32, 1n, true);
    dv.setBigUint64(40, BigInt(central.length), true);
    dv.setBigUint64(48, BigInt(cdOffset), true);
    dv.setUint32(56, 0x07064b50, true);
    dv.setBigUint64(64, BigInt(cdOffset + central.length), true);
    dv.setUint32(68 + 4, 1, true);
    dv.setUint32(76, 0x06054b50, true);
    dv.setUint16(76 + 8, 0xffff, true);
    dv.setUint16(76 + 10, 0xffff, true);
    dv.setUint32(76 + 12, 0xffffffff, true);
    dv.setUint32(76 + 16, 0xffffffff, true);
    const z = new Uint8Array(local.length + central.length + tail.length);
    z.set(local);
    z.set(central, local.length);
    z.set(tail, local.length + central.length);
    expect(np.fromNpz(z).z!.tolist()).toEqual([0, 1, 2, 3, 4]);
  });

  it('throws a clear ValueError for malformed archives', () => {
    const npy = np.toNpy(np.arange(4));
    const good = writeZip([{ name: 'a.npy', data: npy }], false);
    const prefix = 'not a valid .npz (zip) archive: ';
    const corrupt = good.slice();
    corrupt[localHeaders(good)[0]! + 30 + 5 + 100] ^= 0xff;
    const badMethod = good.slice();
    new DataView(badMethod.buffer).setUint16(good.length - 22 - 51 + 10, 12, true);
    const encrypted = good.slice();
    new DataView(encrypted.buffer).setUint16(good.length - 22 - 51 + 8, 1, true);
    const manyEntries = good.slice();
    new DataView(manyEntries.buffer).setUint16(good.length - 22 + 10, 5000, true);
    const overlap = writeZip([{ name: 'a.npy', data: npy }, { name: 'b.npy', data: npy }], false);
    // point b's central entry at a's local header
    const odv = new DataView(overlap.buffer);
    const cd2 = overlap.length - 22 - 51;
    odv.setUint32(cd2 + 42, 0, true);
    const cases: [Uint8Array, string][] = [
      [new Uint8Array([0x50, 0x4b, 3, 4]), 'the end-of-central-directory record is missing'],
      [good.subarray(0, good.length - 30), 'the end-of-central-directory record is missing'],
      [corrupt, "Bad CRC-32 for file 'a.npy'"],
      [badMethod, "member 'a.npy' uses compression method 12 (only stored and deflated are supported)"],
      [encrypted, "member 'a.npy' is encrypted"],
      [manyEntries, 'the central directory is too small for 5000 entries'],
      [overlap, "members 'a.npy' and 'b.npy' overlap"],
    ];
    for (const [bytes, message] of cases) expectThrows(() => np.fromNpz(bytes), np.ValueError, prefix + message);
  });

  it('names the member in errors of its .npy, and rejects members that are not .npy files or share a key', () => {
    const bad = np.toNpy(np.arange(4)).slice(0, -3);
    expectThrows(() => np.fromNpz(writeZip([{ name: 'w.npy', data: bad }], true)), np.ValueError, "member 'w.npy' of the .npz: EOF: reading array data, expected 16 bytes got 13");
    expectThrows(() => np.fromNpz(writeZip([{ name: 'notes.txt', data: enc.encode('hi') }], false)), np.ValueError, "member 'notes.txt' of the .npz is not a .npy file");
    const dup = writeZip([{ name: 'a', data: np.toNpy(1) }, { name: 'a.npy', data: np.toNpy(2) }], false);
    expectThrows(() => np.fromNpz(dup), np.ValueError, "the .npz has two members for the key 'a'");
    expectThrows(() => np.fromNpz([1, 2] as never), np.ValueError, 'fromNpz expects the bytes of a .npz file as a Uint8Array or an ArrayBuffer');
  });

  it('refuses a deflated member that claims an impossible size or inflates past its size', () => {
    const z = writeZip([{ name: 'a.npy', data: np.toNpy(np.zeros(100)) }], true);
    const cd = z.length - 22 - 51;
    const claim = z.slice();
    new DataView(claim.buffer).setUint32(cd + 24, 0xfffffff0, true);
    expect(() => np.fromNpz(claim)).toThrow(/member 'a.npy' claims an impossible size of 4294967280 bytes/);
    const small = z.slice();
    new DataView(small.buffer).setUint32(cd + 24, 100, true);
    expect(() => np.fromNpz(small)).toThrow(/member 'a.npy' inflates to more than its declared 100 bytes/);
  });
});

describe('fromText', () => {
  const vals = (a: np.NDArray): [string, number[], unknown] => [a.dtype, a.shape.slice(), a.tolist()];

  it("follows NumPy's shapes: squeeze, ndmin, unpack, empty input", () => {
    expect(vals(np.fromText('1 2\n3 4'))).toEqual(['float64', [2, 2], [[1, 2], [3, 4]]]);
    expect(vals(np.fromText('1 2 3'))).toEqual(['float64', [3], [1, 2, 3]]);
    expect(vals(np.fromText('1\n2\n3'))).toEqual(['float64', [3], [1, 2, 3]]);
    expect(vals(np.fromText('5'))).toEqual(['float64', [], 5]);
    expect(vals(np.fromText('5', { ndmin: 1 }))).toEqual(['float64', [1], [5]]);
    expect(vals(np.fromText('5', { ndmin: 2 }))).toEqual(['float64', [1, 1], [[5]]]);
    expect(vals(np.fromText(''))).toEqual(['float64', [0], []]);
    expect(vals(np.fromText('', { ndmin: 2 }))).toEqual(['float64', [0, 1], []]);
    expect(vals(np.fromText('', { ndmin: 2, unpack: true }))).toEqual(['float64', [1, 0], [[]]]);
    expect(vals(np.fromText('1 2\n3 4', { unpack: true }))).toEqual(['float64', [2, 2], [[1, 3], [2, 4]]]);
    expect(vals(np.fromText('1 2\n3 4', { usecols: 0, ndmin: 2, unpack: true }))).toEqual(['float64', [1, 2], [[1, 3]]]);
    expect(vals(np.fromText('1\n2\n', { ndmin: 2, unpack: true }))).toEqual(['float64', [1, 2], [[1, 2]]]);
    const [x, y] = np.fromText('1 2\n3 4\n5 6', { unpack: true });
    expect([x!.tolist(), y!.tolist()]).toEqual([[1, 3, 5], [2, 4, 6]]);
  });

  it('handles comments, blank lines, skiprows, maxRows, usecols, delimiters and newlines as NumPy', () => {
    expect(vals(np.fromText('# c\n\n1 2 # x\n3 4\n'))).toEqual(['float64', [2, 2], [[1, 2], [3, 4]]]);
    expect(vals(np.fromText('h\n1 2\n3 4\n', { skiprows: 1 }))).toEqual(['float64', [2, 2], [[1, 2], [3, 4]]]);
    expect(vals(np.fromText('1 2\n\n3 4\n5 6', { maxRows: 2 }))).toEqual(['float64', [2, 2], [[1, 2], [3, 4]]]);
    expect(vals(np.fromText('1 2', { maxRows: 0 }))).toEqual(['float64', [0], []]);
    expect(vals(np.fromText('1 2\n3 4\n', { usecols: [-1, 0] }))).toEqual(['float64', [2, 2], [[2, 1], [4, 3]]]);
    expect(vals(np.fromText('1 2 3\n4 5 6', { usecols: [0, 0] }))).toEqual(['float64', [2, 2], [[1, 1], [4, 4]]]);
    expect(vals(np.fromText('1, 2 ,3', { delimiter: ',' }))).toEqual(['float64', [3], [1, 2, 3]]);
    expect(vals(np.fromText('1,2\n# c\n3,4', { delimiter: ',' }))).toEqual(['float64', [2, 2], [[1, 2], [3, 4]]]);
    expect(vals(np.fromText('1 2 // c\n3 4', { comments: '//' }))).toEqual(['float64', [2, 2], [[1, 2], [3, 4]]]);
    expect(vals(np.fromText('1 2 ; c\n3 4 % x', { comments: [';', '%'] }))).toEqual(['float64', [2, 2], [[1, 2], [3, 4]]]);
    expect(vals(np.fromText('1 2\r\n3 4\r5 6\r'))).toEqual(['float64', [3, 2], [[1, 2], [3, 4], [5, 6]]]);
    expect(vals(np.fromText('1\t2\v3\f4\xa05\u20026\x1c7'))).toEqual(['float64', [7], [1, 2, 3, 4, 5, 6, 7]]);
    expect(vals(np.fromText('1;2', { delimiter: ';', dtype: 'int32', ndmin: 2 }))).toEqual(['int32', [1, 2], [[1, 2]]]);
    expect(vals(np.fromText('1 # 2', { comments: null, usecols: 0 }))).toEqual(['float64', [], 1]);
  });

  it('parses numbers strictly per dtype', () => {
    expect(vals(np.fromText('inf -inf nan +nan NaN Inf infinity 1e5 .5 5. -0 1E+05 1.e-3'))[2]).toEqual([Infinity, -Infinity, NaN, NaN, NaN, Infinity, Infinity, 1e5, 0.5, 5, -0, 1e5, 0.001]);
    expect(vals(np.fromText('1e400 -1e400 1e-400'))[2]).toEqual([Infinity, -Infinity, 0]);
    expect(vals(np.fromText('0.1', { dtype: 'float32' }))).toEqual(['float32', [], Math.fround(0.1)]);
    expect(vals(np.fromText(' +3 -4 007 ', { dtype: 'int8' }))).toEqual(['int8', [3], [3, -4, 7]]);
    expect(vals(np.fromText('1 0 2 -1 -0', { dtype: 'bool' }))).toEqual(['bool', [5], [true, false, true, true, false]]);
    expect(vals(np.fromText('18446744073709551615', { dtype: 'uint64' }))).toEqual(['uint64', [], 18446744073709551615n]);
    expect(vals(np.fromText('9223372036854775807 -9223372036854775808', { dtype: 'int64' }))[2]).toEqual([9223372036854775807n, -9223372036854775808n]);
    expect(vals(np.fromText('4294967295', { dtype: 'uint32' }))[2]).toBe(4294967295);
    const bad: [string, np.DType, string][] = [
      ['1.0 2', 'int32', "could not convert string '1.0' to int32 at row 0, column 1."],
      ['300', 'int8', "could not convert string '300' to int8 at row 0, column 1."],
      ['-1', 'uint8', "could not convert string '-1' to uint8 at row 0, column 1."],
      ['4294967296', 'uint32', "could not convert string '4294967296' to uint32 at row 0, column 1."],
      ['True', 'bool', "could not convert string 'True' to bool at row 0, column 1."],
      ['1.5', 'bool', "could not convert string '1.5' to bool at row 0, column 1."],
      ['1_000', 'float64', "could not convert string '1_000' to float64 at row 0, column 1."],
      ['0x10', 'float64', "could not convert string '0x10' to float64 at row 0, column 1."],
      ['1e', 'float64', "could not convert string '1e' to float64 at row 0, column 1."],
      ['- 1', 'float64', "could not convert string '-' to float64 at row 0, column 1."],
      ['1 2\n3 x', 'float64', "could not convert string 'x' to float64 at row 1, column 2."],
      ['nan(123) 1', 'float64', "could not convert string 'nan(123)' to float64 at row 0, column 1."],
      ['\ufeff1 2', 'float64', "could not convert string '\ufeff1' to float64 at row 0, column 1."],
      ['1e3', 'int32', "could not convert string '1e3' to int32 at row 0, column 1."],
    ];
    for (const [text, dtype, message] of bad) expectThrows(() => np.fromText(text, { dtype }), np.ValueError, message);
  });

  // a super-linear scanner would hit the test timeout here
  it('copes with long runs of whitespace and digits', () => {
    for (const text of [' '.repeat(300000) + 'x', '1'.repeat(300000) + 'x', '1 ' + ' '.repeat(300000) + 'x']) expect(() => np.fromText(text)).toThrow(np.ValueError);
    expect(() => np.fromText(',\t'.repeat(100000), { delimiter: ',' })).toThrow(np.ValueError);
  });

  it("throws NumPy's messages for ragged rows, bad columns and bad options", () => {
    const cases: [string, np.LoadtxtOptions, string][] = [
      ['1,2,,3', { delimiter: ',' }, "could not convert string '' to float64 at row 0, column 3."],
      ['1,2\n3', { delimiter: ',' }, 'the number of columns changed from 2 to 1 at row 2; use `usecols` to select a subset and avoid this error'],
      ['#c\n\n1 2\n3 4 5', {}, 'the number of columns changed from 2 to 3 at row 2; use `usecols` to select a subset and avoid this error'],
      ['1,2\n  # c\n3,4', { delimiter: ',' }, 'the number of columns changed from 2 to 1 at row 2; use `usecols` to select a subset and avoid this error'],
      ['1 2\n3 4', { usecols: 5 }, 'invalid column index 5 at row 1 with 2 columns'],
      ['1 2\n3 4', { usecols: -3 }, 'invalid column index -3 at row 1 with 2 columns'],
      ['1 2 x', { usecols: [2, 0] }, "could not convert string 'x' to float64 at row 0, column 3."],
      ['1  2', { delimiter: ' ' }, "could not convert string '' to float64 at row 0, column 2."],
      ['1 2', { skiprows: -1 }, 'argument must be nonnegative'],
      ['1 2', { ndmin: 3 as never }, 'Illegal value of ndmin keyword: 3'],
      ['1,2', { delimiter: '' }, "Text reading control character must be a single unicode character or None; but got: ''"],
      ['1::2', { delimiter: '::' }, "Text reading control character must be a single unicode character or None; but got: '::'"],
      ['1 2', { comments: '' }, 'comments cannot be an empty string. Use comments=None to disable comments.'],
      ['1,2,3', { delimiter: ',', comments: ',' }, "The values for control characters 'comment' and 'delimiter' are incompatible"],
      ['1,2', { delimiter: ',', comments: ['#', ','] }, "Comment characters '('#', ',')' cannot include the delimiter ','"],
      ['1 2\n', { usecols: [1.5] }, "usecols must be an int or a sequence of ints but it contains at least one element of type 'number'"],
    ];
    for (const [text, options, message] of cases) expectThrows(() => np.fromText(text, options), np.ValueError, message);
  });
});

describe('toText', () => {
  it("writes NumPy's default format, header, footer, comments, delimiter and newline", () => {
    expect(np.toText(np.array([[1, 2], [3, 4]], { dtype: 'uint64' }), { header: 'a\nb', footer: 'f' })).toBe(
      '# a\n# b\n1.000000000000000000e+00 2.000000000000000000e+00\n3.000000000000000000e+00 4.000000000000000000e+00\n# f\n',
    );
    expect(np.toText(np.array([[1.5, 2], [3, 4]]), { fmt: ['%d', '%.1f'], delimiter: ',', header: 'x,y', footer: 'end', comments: '// ', newline: '\r\n' })).toBe(
      '// x,y\r\n1,2.0\r\n3,4.0\r\n// end\r\n',
    );
    expect(np.toText(np.array([true, false]))).toBe('1.000000000000000000e+00\n0.000000000000000000e+00\n');
    expect(np.toText(np.array([1.5, -2], { dtype: 'float32' }), { fmt: '%d' })).toBe('1\n-2\n');
    expect(np.toText(np.ones([2, 2]), { fmt: '%d;%d' })).toBe('1;1\n1;1\n');
    expect(np.toText(np.zeros([0, 3]))).toBe('');
    expect(np.toText(np.zeros([2, 0]))).toBe('\n\n');
    expect(np.toText(np.array([1, 2]), { fmt: '%s' })).toBe('1\n2\n');
    expect(np.toText(np.array([1.0, 0.1]), { fmt: '%s' })).toBe('1.0\n0.1\n');
  });

  it('formats every element as Python % does', () => {
    const cases: [string, number | bigint | boolean, np.DType, string][] = [
      ['%.18e', 0.1, 'float64', '1.000000000000000056e-01'],
      ['%.18e', 0.1, 'float32', '1.000000014901161194e-01'],
      ['%.2f', 0.125, 'float64', '0.12'],
      ['%.2f', 0.375, 'float64', '0.38'],
      ['%.0f', 2.5, 'float64', '2'],
      ['%.0e', 2.5, 'float64', '2e+00'],
      ['%.0e', 9.5, 'float64', '1e+01'],
      ['%g', 1e-5, 'float64', '1e-05'],
      ['%g', 123456789.0, 'float64', '1.23457e+08'],
      ['%.3g', 0.0001234, 'float64', '0.000123'],
      ['%#g', 0.0, 'float64', '0.00000'],
      ['%G', 1e-10, 'float64', '1E-10'],
      ['%10.3f', -3.14159, 'float64', '    -3.142'],
      ['%-10.3f|', 2.0, 'float64', '2.000     |'],
      ['%+08.2f', 3.14159, 'float64', '+0003.14'],
      ['% .1e', 12345.678, 'float64', ' 1.2e+04'],
      ['%010.3f', Infinity, 'float64', '0000000inf'],
      ['%e', NaN, 'float64', 'nan'],
      ['%F', -Infinity, 'float64', '-INF'],
      ['%f', -0.0, 'float64', '-0.000000'],
      ['%f', 1e22, 'float64', '10000000000000000000000.000000'],
      ['%.20f', 0.1, 'float64', '0.10000000000000000555'],
      ['%.120e', 1 / 3, 'float64', '3.333333333333333148296162562473909929394721984863281250000000000000000000000000000000000000000000000000000000000000000000e-01'],
      ['%e', 5e-324, 'float64', '4.940656e-324'],
      ['%d', -2.7, 'float64', '-2'],
      ['%d', 1e20, 'float64', '100000000000000000000'],
      ['%5d', 42, 'int32', '   42'],
      ['%-5d|', 42, 'int32', '42   |'],
      ['%05d', -42, 'int32', '-0042'],
      ['%+d', 0, 'int32', '+0'],
      ['%.3d', 7, 'int32', '007'],
      ['%x', 255, 'uint8', 'ff'],
      ['%#X', 255, 'int16', '0XFF'],
      ['%#o', 8, 'int32', '0o10'],
      ['%x', -255, 'int32', '-ff'],
      ['%d', 18446744073709551615n, 'uint64', '18446744073709551615'],
      ['%e', 18446744073709551615n, 'uint64', '1.844674e+19'],
      ['%.3e', -9223372036854775808n, 'int64', '-9.223e+18'],
      ['%s', 0.1, 'float32', '0.1'],
      ['%s', 1e16, 'float64', '1e+16'],
      ['%s', true, 'bool', 'True'],
      ['%d', true, 'bool', '1'],
      ['%.1f', false, 'bool', '0.0'],
      ['%8.3s|', 3.14159, 'float64', '     3.1|'],
      ['%ld', 3, 'int32', '3'],
      ['%i', 7, 'int8', '7'],
      ['%u', 7, 'int8', '7'],
    ];
    for (const [fmt, value, dtype, expected] of cases) {
      expect(np.toText(np.array([value as number], { dtype }), { fmt }), `${fmt} ${String(value)} ${dtype}`).toBe(expected + '\n');
    }
  });

  it("throws NumPy's errors", () => {
    expectThrows(() => np.toText(np.ones([2, 2]), { fmt: '%d %d %d' }), np.ValueError, 'fmt has wrong number of % formats:  %d %d %d');
    expectThrows(() => np.toText(np.ones([2, 2]), { fmt: '%d%%' }), np.ValueError, 'fmt has wrong number of % formats:  %d%%');
    expectThrows(() => np.toText(np.ones([2, 2]), { fmt: ['%d'] }), np.ValueError, "fmt has wrong shape.  ['%d']");
    expectThrows(() => np.toText(np.ones([2, 2]), { fmt: 12 as never }), np.ValueError, 'invalid fmt: 12');
    expectThrows(() => np.toText(np.ones([2, 2, 2])), np.ValueError, 'Expected 1D or 2D array, got 3D array instead');
    expectThrows(() => np.toText(np.ones([])), np.ValueError, 'Expected 1D or 2D array, got 0D array instead');
    expectThrows(() => np.toText(np.ones([2, 2]), { fmt: '%x' }), np.DTypeError, "Mismatch between array dtype ('float64') and format specifier ('%x %x')");
    expectThrows(() => np.toText(np.ones([2]), { fmt: '%y' }), np.ValueError, "unsupported format character 'y' (0x79) at index 1");
    expectThrows(() => np.toText(np.array([NaN]), { fmt: '%d' }), np.ValueError, 'cannot convert float NaN to integer');
    expectThrows(() => np.toText(np.array([Infinity]), { fmt: '%d' }), np.OverflowError, 'cannot convert float infinity to integer');
    expectThrows(() => np.toText(np.ones([2]), { fmt: '%c' }), np.ValueError, 'numbat\'s savetxt does not support the format "%c" (use d, i, u, o, x, X, e, E, f, F, g, G or s)');
  });

  it('leaves its input unchanged and reads any layout', () => {
    const a = makeView('float64', [3, 2], [1, 2, 3, 4, 5, 6], 'transposed');
    const before = fingerprint(a);
    expect(np.toText(a, { fmt: '%g' })).toBe('1 2\n3 4\n5 6\n');
    expect(fingerprint(a)).toBe(before);
  });
});

describe('Node file functions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'numbat-io-'));
  /** A path in the temp dir, typed so that `np.load`'s overloads see its extension. */
  const path = <T extends string>(f: T): `${string}${T}` => join(dir, f) as `${string}${T}`;

  it('save appends .npy, load reads .npy and .npz by their content', () => {
    np.save(path('a'), np.arange(6).reshape(2, 3));
    expect(existsSync(path('a.npy'))).toBe(true);
    const a = np.load(path('a.npy'));
    expect(content(a)).toBe(content(np.arange(6).reshape(2, 3)));
    np.savez(path('z'), { x: np.arange(2), y: np.eye(2) });
    np.savezCompressed(path('zc.npz'), [np.ones(3)]);
    const z = np.load(path('z.npz'));
    expect(Object.keys(z)).toEqual(['x', 'y']);
    expect(content(np.load(path('zc.npz')).arr_0!)).toBe(content(np.ones(3)));
    writeFileSync(path('renamed.bin'), readFileSync(path('z.npz')));
    expect(Object.keys(np.load(path('renamed.bin')) as Record<string, np.NDArray>)).toEqual(['x', 'y']);
    np.save(new URL(`file://${path('u.npy')}`), np.ones(1));
    expect(existsSync(path('u.npy'))).toBe(true);
  });

  it('load refuses files that are neither .npy nor .npz with NumPy\'s message', () => {
    writeFileSync(path('junk.bin'), 'hello world junk');
    expectThrows(
      () => np.load(path('junk.bin')),
      np.ValueError,
      'This file contains pickled (object) data. If you trust the file you can load it unsafely using the `allow_pickle=` keyword argument or `pickle.load()`.',
    );
  });

  it('savetxt and loadtxt round-trip; savetxt writes latin-1 unless told utf-8', () => {
    np.savetxt(path('t.txt'), np.array([[1.5, 2], [3, 0.1]]), { header: 'café' });
    expect(readFileSync(path('t.txt'))[5]).toBe(0xe9);
    expect(np.loadtxt(path('t.txt'), { encoding: 'latin1' }).tolist()).toEqual([[1.5, 2], [3, 0.1]]);
    expect(() => np.savetxt(path('u.txt'), np.ones(1), { header: '→' })).toThrow(np.ValueError);
    np.savetxt(path('u.txt'), np.ones(1), { header: '→', encoding: 'utf-8' });
    expect(readFileSync(path('u.txt'), 'utf8')).toBe('# →\n1.000000000000000000e+00\n');
    expect(np.loadtxt(path('u.txt')).tolist()).toBe(1);
  });

  it('cleans up', () => {
    rmSync(dir, { recursive: true, force: true });
    expect(existsSync(dir)).toBe(false);
  });
});

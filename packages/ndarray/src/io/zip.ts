/**
 * A strict, bounded ZIP container reader and a small writer, enough for `.npz` (NumPy's
 * `zipfile` archives): stored (method 0) and deflated (method 8) members, ZIP64 sizes and
 * offsets, UTF-8 names. fflate does the raw deflate/inflate; the container is parsed here
 * so that hostile archives cannot make it loop, over-read or allocate beyond reason:
 *
 * - the member count is bounded by the central directory's size (46 bytes per entry);
 * - every offset and size is checked against the input before it is used;
 * - members' byte ranges may not overlap (the "overlapping files" zip bomb);
 * - inflation is streamed and stops as soon as a member outgrows its declared size, so
 *   memory never exceeds what the member really holds; sizes and CRC-32 are checked.
 *
 * Every problem is a `ValueError` naming it.
 */
import { Inflate, deflateSync } from 'fflate';
import { ValueError } from '../errors.js';

/** One member of an archive. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (ISO 3309, as ZIP uses) of `b`. */
export function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const MAX32 = 0xffffffff;

function bad(msg: string): ValueError {
  return new ValueError(`not a valid .npz (zip) archive: ${msg}`);
}

class Reader {
  readonly dv: DataView;
  constructor(readonly b: Uint8Array) {
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  need(pos: number, n: number, what: string): void {
    if (pos < 0 || pos + n > this.b.length) throw bad(`${what} lies outside the file`);
  }
  u16(p: number): number {
    return this.dv.getUint16(p, true);
  }
  u32(p: number): number {
    return this.dv.getUint32(p, true);
  }
  u64(p: number, what: string): number {
    const v = this.dv.getBigUint64(p, true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw bad(`${what} is too large`);
    return Number(v);
  }
}

/** A central-directory record, resolved. */
interface Member {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
  dataStart: number;
}

function findEocd(r: Reader): number {
  const len = r.b.length;
  if (len < 22) throw bad('the end-of-central-directory record is missing');
  const lowest = Math.max(0, len - 22 - 0xffff);
  for (let e = len - 22; e >= lowest; e--) {
    if (r.b[e] === 0x50 && r.u32(e) === SIG_EOCD && e + 22 + r.u16(e + 20) <= len) return e;
  }
  throw bad('the end-of-central-directory record is missing');
}

function readZip64Extra(r: Reader, start: number, len: number, m: { size: number; compressedSize: number; headerOffset: number }, need: [boolean, boolean, boolean]): void {
  let p = start;
  const end = start + len;
  while (p + 4 <= end) {
    const id = r.u16(p);
    const size = r.u16(p + 2);
    if (p + 4 + size > end) break;
    if (id === 0x0001) {
      let q = p + 4;
      const take = (what: string): number => {
        if (q + 8 > p + 4 + size) throw bad(`the ZIP64 extra field lacks the ${what}`);
        const v = r.u64(q, what);
        q += 8;
        return v;
      };
      if (need[0]) m.size = take('uncompressed size');
      if (need[1]) m.compressedSize = take('compressed size');
      if (need[2]) m.headerOffset = take('header offset');
      return;
    }
    p += 4 + size;
  }
  if (need.some(Boolean)) throw bad('a ZIP64 size or offset is missing its extra field');
}

function readDirectory(r: Reader): Member[] {
  const e = findEocd(r);
  let count = r.u16(e + 10);
  let cdSize = r.u32(e + 12);
  let cdOffset = r.u32(e + 16);
  if ((count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) && e >= 20 && r.u32(e - 20) === SIG_ZIP64_LOCATOR) {
    const z = r.u64(e - 12, 'ZIP64 record offset');
    r.need(z, 56, 'the ZIP64 end record');
    if (r.u32(z) !== SIG_ZIP64_EOCD) throw bad('the ZIP64 end record is corrupt');
    count = r.u64(z + 32, 'entry count');
    cdSize = r.u64(z + 40, 'central directory size');
    cdOffset = r.u64(z + 48, 'central directory offset');
  }
  r.need(cdOffset, cdSize, 'the central directory');
  if (count * 46 > cdSize) throw bad(`the central directory is too small for ${count} entries`);
  const members: Member[] = [];
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let p = cdOffset;
  const cdEnd = cdOffset + cdSize;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdEnd || r.u32(p) !== SIG_CENTRAL) throw bad('a central directory entry is corrupt');
    const flags = r.u16(p + 8);
    const method = r.u16(p + 10);
    const crc = r.u32(p + 16);
    const nameLen = r.u16(p + 28);
    const extraLen = r.u16(p + 30);
    const commentLen = r.u16(p + 32);
    if (p + 46 + nameLen + extraLen + commentLen > cdEnd) throw bad('a central directory entry is corrupt');
    const nameBytes = r.b.subarray(p + 46, p + 46 + nameLen);
    let name: string;
    if (flags & 0x800) {
      try {
        name = utf8.decode(nameBytes);
      } catch {
        throw bad('a member name is not valid UTF-8');
      }
    } else name = cp437(nameBytes);
    const m = { size: r.u32(p + 24), compressedSize: r.u32(p + 20), headerOffset: r.u32(p + 42) };
    const need: [boolean, boolean, boolean] = [m.size === MAX32, m.compressedSize === MAX32, m.headerOffset === MAX32];
    if (need.some(Boolean)) readZip64Extra(r, p + 46 + nameLen, extraLen, m, need);
    if (flags & 0x1) throw bad(`member '${name}' is encrypted`);
    if (method !== 0 && method !== 8) throw bad(`member '${name}' uses compression method ${method} (only stored and deflated are supported)`);
    // the local header: its own name and extra lengths decide where the data starts
    r.need(m.headerOffset, 30, `the local header of '${name}'`);
    if (r.u32(m.headerOffset) !== SIG_LOCAL) throw bad(`the local header of '${name}' is corrupt`);
    const dataStart = m.headerOffset + 30 + r.u16(m.headerOffset + 26) + r.u16(m.headerOffset + 28);
    r.need(dataStart, m.compressedSize, `the data of '${name}'`);
    if (method === 0 && m.compressedSize !== m.size) throw bad(`stored member '${name}' has different compressed and uncompressed sizes`);
    members.push({ name, method, crc, compressedSize: m.compressedSize, size: m.size, headerOffset: m.headerOffset, dataStart });
    p += 46 + nameLen + extraLen + commentLen;
  }
  const sorted = [...members].sort((a, b) => a.headerOffset - b.headerOffset);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    if (sorted[i]!.headerOffset < prev.dataStart + prev.compressedSize) throw bad(`members '${prev.name}' and '${sorted[i]!.name}' overlap`);
  }
  return members;
}

/** IBM code page 437, the legacy ZIP name encoding (ASCII plus 128 fixed characters). */
function cp437(b: Uint8Array): string {
  const HIGH =
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
  let s = '';
  for (const c of b) s += c < 0x80 ? String.fromCharCode(c) : HIGH[c - 0x80]!;
  return s;
}

/**
 * Inflates `src`, refusing to produce more than `size` bytes. Output is gathered chunk by
 * chunk, so memory follows what the stream really holds, not what the header claims.
 */
function inflateBounded(src: Uint8Array, size: number, name: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let filled = 0;
  let done = false;
  const inf = new Inflate((chunk, final) => {
    if (filled + chunk.length > size) throw bad(`member '${name}' inflates to more than its declared ${size} bytes`);
    chunks.push(chunk);
    filled += chunk.length;
    if (final) done = true;
  });
  const STEP = 1 << 15; // one push inflates at most ~32 MiB (deflate expands 1032-fold at most)
  try {
    if (src.length === 0) inf.push(src, true);
    for (let p = 0; p < src.length && !done; p += STEP) inf.push(src.subarray(p, Math.min(src.length, p + STEP)), p + STEP >= src.length);
  } catch (e) {
    if (e instanceof ValueError) throw e;
    throw bad(`member '${name}' has corrupt deflate data (${(e as Error).message})`);
  }
  if (!done || filled !== size) throw bad(`member '${name}' inflates to ${filled} bytes, its header says ${size}`);
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/**
 * The members of a ZIP archive, in central-directory order, each inflated and checked
 * (size and CRC-32). Throws `ValueError` for anything malformed or unsupported.
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const r = new Reader(bytes);
  const out: ZipEntry[] = [];
  for (const m of readDirectory(r)) {
    const raw = bytes.subarray(m.dataStart, m.dataStart + m.compressedSize);
    // a deflate stream cannot expand more than 1032-fold: a larger claim is a lie
    if (m.method === 8 && m.size > raw.length * 1032 + 1024) throw bad(`member '${m.name}' claims an impossible size of ${m.size} bytes`);
    const data = m.method === 0 ? raw.slice() : inflateBounded(raw, m.size, m.name);
    if (crc32(data) !== m.crc) throw bad(`Bad CRC-32 for file '${m.name}'`);
    out.push({ name: m.name, data });
  }
  return out;
}

/** True when `bytes` starts like a ZIP archive (a local header, or an empty archive). */
export function hasZipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/**
 * A ZIP archive of `entries`, stored or deflated (level 6, zlib's and Python's default).
 * Timestamps are 1980-01-01 00:00, as NumPy writes them, so the output is deterministic.
 * Names are UTF-8 (flag bit 11 set when not ASCII). No ZIP64: archives must stay under 4 GiB.
 */
export function writeZip(entries: readonly ZipEntry[], compress: boolean): Uint8Array {
  const enc = new TextEncoder();
  const parts: { name: Uint8Array; utf8: boolean; body: Uint8Array; crc: number; size: number; method: number; offset: number }[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    if (name.length > 0xffff) throw new ValueError(`the name '${e.name.slice(0, 40)}...' is too long for a zip archive`);
    const body = compress ? deflateSync(e.data, { level: 6 }) : e.data;
    parts.push({ name, utf8: /[^\x00-\x7f]/.test(e.name), body, crc: crc32(e.data), size: e.data.length, method: compress ? 8 : 0, offset });
    offset += 30 + name.length + body.length;
  }
  const cdSize = parts.reduce((s, p) => s + 46 + p.name.length, 0);
  const total = offset + cdSize + 22;
  if (offset > MAX32 || total > MAX32 || parts.some((p) => p.size > MAX32 - 1) || parts.length > 0xfffe) {
    throw new ValueError('the archive would exceed 4 GiB or 65534 members, which numbat does not write (no ZIP64)');
  }
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  const common = (p: number, part: (typeof parts)[number]): void => {
    dv.setUint16(p, 20, true); // version needed: 2.0
    dv.setUint16(p + 2, part.utf8 ? 0x800 : 0, true);
    dv.setUint16(p + 4, part.method, true);
    dv.setUint16(p + 6, 0, true); // time 00:00:00
    dv.setUint16(p + 8, (0 << 9) | (1 << 5) | 1, true); // date 1980-01-01
    dv.setUint32(p + 10, part.crc, true);
    dv.setUint32(p + 14, part.body.length, true);
    dv.setUint32(p + 18, part.size, true);
    dv.setUint16(p + 22, part.name.length, true);
    dv.setUint16(p + 24, 0, true); // extra length
  };
  for (const part of parts) {
    const p = part.offset;
    dv.setUint32(p, SIG_LOCAL, true);
    common(p + 4, part);
    out.set(part.name, p + 30);
    out.set(part.body, p + 30 + part.name.length);
  }
  let p = offset;
  for (const part of parts) {
    dv.setUint32(p, SIG_CENTRAL, true);
    dv.setUint16(p + 4, 0x0314, true); // made by: Unix, 2.0
    common(p + 6, part);
    // comment length, disk number, internal attributes: 0; external: -rw-------, as NumPy
    dv.setUint32(p + 38, 0o600 << 16, true);
    dv.setUint32(p + 42, part.offset, true);
    out.set(part.name, p + 46);
    p += 46 + part.name.length;
  }
  dv.setUint32(p, SIG_EOCD, true);
  dv.setUint16(p + 8, parts.length, true);
  dv.setUint16(p + 10, parts.length, true);
  dv.setUint32(p + 12, cdSize, true);
  dv.setUint32(p + 16, offset, true);
  return out;
}

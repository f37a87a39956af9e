/*
 * A small zip reader and writer for the corpus tools, independent of the
 * engine under test so that the checker never trusts the code it checks.
 *
 * The reader walks the central directory (as every OOXML consumer does) and
 * keeps each entry's compressed bytes as they are, so the injector can copy
 * every entry but one through without recompressing it.
 */
import { constants as zlibConstants, crc32, deflateRawSync, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  /** The name as stored (a leading "/" kept: some producers write one). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly size: number;
  /** The entry's data as stored in the archive (compressed when method is 8). */
  readonly raw: Buffer;
  readonly time: number;
  readonly date: number;
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip in central-directory order. Throws ZipError for what it cannot read (zip64, encryption, a broken directory). */
export function readZip(zip: Buffer): ZipEntry[] {
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at -= 1) {
    if (zip.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError("no end of central directory");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipError("zip64 archive");
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new ZipError(`bad central directory entry ${i}`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const time = zip.readUInt16LE(at + 12);
    const date = zip.readUInt16LE(at + 14);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new ZipError("zip64 entry");
    if ((flags & 1) !== 0) throw new ZipError("encrypted entry");
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) throw new ZipError(`bad local header for ${name}`);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (dataStart + compressed > zip.length) throw new ZipError(`entry ${name} runs past the end`);
    entries.push({ name, method, flags, crc, size, raw: zip.subarray(dataStart, dataStart + compressed), time, date });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The decompressed bytes of an entry. */
export function entryData(entry: ZipEntry): Buffer {
  if (entry.method === 0) return entry.raw;
  if (entry.method === 8) {
    try {
      return inflateRawSync(entry.raw);
    } catch {
      // Some writers leave a deflate stream without its final block; what is there is the entry's data, as other readers take it.
      return inflateRawSync(entry.raw, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    }
  }
  throw new ZipError(`entry ${entry.name} uses compression method ${entry.method}`);
}

/** An entry holding `data`, deflated, with the same name and timestamp as `like`. */
export function replacedEntry(like: ZipEntry, data: Buffer): ZipEntry {
  return {
    name: like.name,
    method: 8,
    flags: like.flags & 0x0800,
    crc: crc32(data) >>> 0,
    size: data.length,
    raw: deflateRawSync(data),
    time: like.time,
    date: like.date,
  };
}

/** A zip of these entries in this order; every entry's stored bytes are written as they are. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    // No data descriptor: sizes and CRC go in the local header.
    const flags = entry.flags & 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(entry.time, 10);
    local.writeUInt16LE(entry.date, 12);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.raw.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt16LE(entry.time, 12);
    central.writeUInt16LE(entry.date, 14);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.raw.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.raw);
    centrals.push(central, name);
    offset += 30 + name.length + entry.raw.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

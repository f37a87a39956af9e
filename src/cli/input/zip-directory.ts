/** Reads a zip archive's central directory: the list of entries, without unpacking anything. */
import type { FileHandle } from "node:fs/promises";

export interface ZipEntry {
  /** The name as stored (UTF-8), without a leading slash. */
  readonly name: string;
  readonly compressedSize: number;
  readonly size: number;
  /** The name's bytes exactly as stored, for a copy of the entry. */
  readonly rawName: Buffer;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly time: number;
  readonly date: number;
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  /** Offset of the entry's local header in the file. */
  readonly localOffset: number;
  /** The central record's extra fields without the zip64 one (which a writer makes anew), and its comment. */
  readonly extra: Buffer;
  readonly comment: Buffer;
}

export type ZipDirectory = { readonly ok: true; readonly entries: readonly ZipEntry[] } | { readonly ok: false; readonly problem: "truncated" | "damaged" };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const ZIP64_EXTRA = 0x0001;
const MAX_COMMENT = 0xffff;
const MAX32 = 0xffffffff;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function findEocd(tail: Buffer): number {
  for (let i = tail.length - 22; i >= 0; i -= 1) if (tail.readUInt32LE(i) === EOCD) return i;
  return -1;
}

interface Sizes {
  size: number;
  compressedSize: number;
  localOffset: number;
}

/** Applies the zip64 extra field to the 32-bit fields that are saturated, and returns the other extra fields. */
function zip64Fields(extra: Buffer, sizes: Sizes): Buffer {
  const kept: Buffer[] = [];
  for (let e = 0; e + 4 <= extra.length;) {
    const id = extra.readUInt16LE(e);
    const len = extra.readUInt16LE(e + 2);
    const end = Math.min(extra.length, e + 4 + len);
    if (id === ZIP64_EXTRA) {
      let q = e + 4;
      for (const key of ["size", "compressedSize", "localOffset"] as const) {
        if (sizes[key] !== MAX32) continue;
        if (q + 8 > end) break;
        sizes[key] = Number(extra.readBigUInt64LE(q));
        q += 8;
      }
    } else kept.push(extra.subarray(e, end));
    e = end;
  }
  return Buffer.concat(kept);
}

export async function readZipDirectory(handle: FileHandle, fileSize: number): Promise<ZipDirectory> {
  const tailStart = Math.max(0, fileSize - (22 + MAX_COMMENT + 20));
  const tail = await readAt(handle, tailStart, fileSize - tailStart);
  const at = findEocd(tail);
  if (at < 0) return { ok: false, problem: "truncated" };
  let count = tail.readUInt16LE(at + 10);
  let dirSize = tail.readUInt32LE(at + 12);
  let dirOffset = tail.readUInt32LE(at + 16);
  if ((count === 0xffff || dirSize === MAX32 || dirOffset === MAX32) && at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
    const recordOffset = Number(tail.readBigUInt64LE(at - 20 + 8));
    const record = await readAt(handle, recordOffset, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) return { ok: false, problem: "damaged" };
    count = Number(record.readBigUInt64LE(32));
    dirSize = Number(record.readBigUInt64LE(40));
    dirOffset = Number(record.readBigUInt64LE(48));
  }
  if (dirOffset + dirSize > fileSize || dirSize > 256 * 1024 * 1024) return { ok: false, problem: "truncated" };
  const dir = await readAt(handle, dirOffset, dirSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i += 1) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_HEADER) return { ok: false, problem: "damaged" };
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const nameEnd = p + 46 + nameLength;
    const extraEnd = nameEnd + extraLength;
    if (extraEnd + commentLength > dir.length) return { ok: false, problem: "damaged" };
    const rawName = Buffer.from(dir.subarray(p + 46, nameEnd));
    const sizes: Sizes = { compressedSize: dir.readUInt32LE(p + 20), size: dir.readUInt32LE(p + 24), localOffset: dir.readUInt32LE(p + 42) };
    const extra = zip64Fields(dir.subarray(nameEnd, extraEnd), sizes);
    entries.push({
      name: rawName.toString("utf8").replace(/^\/+/u, ""),
      rawName,
      compressedSize: sizes.compressedSize,
      size: sizes.size,
      versionMadeBy: dir.readUInt16LE(p + 4),
      versionNeeded: dir.readUInt16LE(p + 6),
      flags: dir.readUInt16LE(p + 8),
      method: dir.readUInt16LE(p + 10),
      time: dir.readUInt16LE(p + 12),
      date: dir.readUInt16LE(p + 14),
      crc: dir.readUInt32LE(p + 16),
      internalAttributes: dir.readUInt16LE(p + 36),
      externalAttributes: dir.readUInt32LE(p + 38),
      localOffset: sizes.localOffset,
      extra: Buffer.from(extra),
      comment: Buffer.from(dir.subarray(extraEnd, extraEnd + commentLength)),
    });
    p = extraEnd + commentLength;
  }
  return { ok: true, entries };
}

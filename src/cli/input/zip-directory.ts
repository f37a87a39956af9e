/** Reads a zip archive's central directory: the list of entries, without unpacking anything. */
import type { FileHandle } from "node:fs/promises";

export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly size: number;
}

export type ZipDirectory =
  | { readonly ok: true; readonly entries: readonly ZipEntry[] }
  | { readonly ok: false; readonly problem: "truncated" | "damaged" };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const MAX_COMMENT = 0xffff;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function findEocd(tail: Buffer): number {
  for (let i = tail.length - 22; i >= 0; i -= 1) if (tail.readUInt32LE(i) === EOCD) return i;
  return -1;
}

export async function readZipDirectory(handle: FileHandle, fileSize: number): Promise<ZipDirectory> {
  const tailStart = Math.max(0, fileSize - (22 + MAX_COMMENT + 20));
  const tail = await readAt(handle, tailStart, fileSize - tailStart);
  const at = findEocd(tail);
  if (at < 0) return { ok: false, problem: "truncated" };
  let count = tail.readUInt16LE(at + 10);
  let dirSize = tail.readUInt32LE(at + 12);
  let dirOffset = tail.readUInt32LE(at + 16);
  if ((count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) && at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
    const recordOffset = Number(tail.readBigUInt64LE(at - 20 + 8));
    const record = await readAt(handle, recordOffset, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) return { ok: false, problem: "damaged" };
    count = Number(record.readBigUInt64LE(32));
    dirSize = Number(record.readBigUInt64LE(40));
    dirOffset = Number(record.readBigUInt64LE(48));
  }
  if (dirOffset + dirSize > fileSize || dirSize > 64 * 1024 * 1024) return { ok: false, problem: "truncated" };
  const dir = await readAt(handle, dirOffset, dirSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i += 1) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_HEADER) return { ok: false, problem: "damaged" };
    let compressedSize = dir.readUInt32LE(p + 20);
    let size = dir.readUInt32LE(p + 24);
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const name = dir.subarray(p + 46, p + 46 + nameLength).toString("utf8");
    if (size === 0xffffffff || compressedSize === 0xffffffff) {
      const extra = dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
      for (let e = 0; e + 4 <= extra.length; ) {
        const id = extra.readUInt16LE(e);
        const len = extra.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (size === 0xffffffff && q + 8 <= extra.length) {
            size = Number(extra.readBigUInt64LE(q));
            q += 8;
          }
          if (compressedSize === 0xffffffff && q + 8 <= extra.length) compressedSize = Number(extra.readBigUInt64LE(q));
          break;
        }
        e += 4 + len;
      }
    }
    entries.push({ name: name.replace(/^\/+/u, ""), compressedSize, size });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

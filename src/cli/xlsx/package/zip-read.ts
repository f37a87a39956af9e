/** An entry's bytes from an open zip file: as stored (to copy) or inflated (to read). */
import { createReadStream } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { Readable } from "node:stream";
import { createInflateRaw, inflateRawSync } from "node:zlib";
import type { ZipEntry } from "../../input/zip-directory";

const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export class ZipProblem extends Error {
  override readonly name = "ZipProblem";
}

/** Where an entry's stored bytes start: past its local header, whose name and extra lengths may differ from the central record's. */
export async function dataOffset(handle: FileHandle, entry: ZipEntry): Promise<number> {
  const header = Buffer.alloc(30);
  const { bytesRead } = await handle.read(header, 0, 30, entry.localOffset);
  if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) throw new ZipProblem(`the zip entry ${entry.name} has no local header`);
  return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/** The entry's bytes as stored (compressed), for a copy. */
export async function storedStream(file: string, handle: FileHandle, entry: ZipEntry): Promise<Readable> {
  const start = await dataOffset(handle, entry);
  if (entry.compressedSize === 0) return Readable.from([]);
  return createReadStream(file, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
}

export function canInflate(entry: ZipEntry): boolean {
  return (entry.flags & 1) === 0 && (entry.method === STORED || entry.method === DEFLATED);
}

/** The entry's content, inflated, as a stream of chunks. */
export async function contentStream(file: string, handle: FileHandle, entry: ZipEntry): Promise<Readable> {
  if (!canInflate(entry)) throw new ZipProblem(`the zip entry ${entry.name} is encrypted or compressed with an unknown method (${entry.method})`);
  const stored = await storedStream(file, handle, entry);
  if (entry.method === STORED) return stored;
  // 64 KB chunks: the text of a bigger one is a large object in V8, kept until a full collection; this size halved the 1M-row peak's old space.
  const inflate = createInflateRaw({ chunkSize: 1 << 16 });
  stored.on("error", (error) => inflate.destroy(error));
  return stored.pipe(inflate);
}

/** A small entry's whole content. */
export async function readContent(handle: FileHandle, entry: ZipEntry): Promise<Buffer> {
  if (!canInflate(entry)) throw new ZipProblem(`the zip entry ${entry.name} is encrypted or compressed with an unknown method (${entry.method})`);
  const start = await dataOffset(handle, entry);
  const stored = Buffer.alloc(entry.compressedSize);
  const { bytesRead } = await handle.read(stored, 0, entry.compressedSize, start);
  if (bytesRead < entry.compressedSize) throw new ZipProblem(`the zip entry ${entry.name} is cut short`);
  return entry.method === STORED ? stored : inflateRawSync(stored);
}

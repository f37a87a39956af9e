/**
 * Writes a zip file front to back: entries copied as they were stored (their
 * compressed bytes, CRC and sizes unchanged) and new entries deflated here.
 * Local headers carry the sizes (patched in once an entry is written, no data
 * descriptors); zip64 records are added where a size or offset needs them.
 */
import type { FileHandle } from "node:fs/promises";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { constants, crc32, createDeflateRaw } from "node:zlib";
import type { ZipEntry } from "../../input/zip-directory";

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const DATA_DESCRIPTOR_FLAG = 0x0008;
const UTF8_FLAG = 0x0800;
const DEFLATED = 8;
const ZIP64_VERSION = 45;
const DEFAULT_VERSION = 20;
const FLUSH_BYTES = 1 << 20;

/** What a new entry takes from the entry it replaces (name bytes, time, attributes). */
export type EntryTemplate = Pick<
  ZipEntry,
  "rawName" | "time" | "date" | "versionMadeBy" | "internalAttributes" | "externalAttributes" | "extra" | "comment" | "flags"
>;

interface Written {
  readonly template: EntryTemplate;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly compressedSize: number;
  readonly localOffset: number;
  readonly versionNeeded: number;
}

/** Compressed bytes with what a zip directory says of them. */
export interface DeflatedData {
  readonly crc: number;
  readonly size: number;
  readonly compressedSize: number;
}

function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A template for an entry that did not exist before. */
export function newEntry(name: string): EntryTemplate {
  const { time, date } = dosNow();
  return {
    rawName: Buffer.from(name, "utf8"),
    time,
    date,
    versionMadeBy: DEFAULT_VERSION,
    internalAttributes: 0,
    externalAttributes: 0,
    extra: Buffer.alloc(0),
    comment: Buffer.alloc(0),
    flags: UTF8_FLAG,
  };
}

function zip64Extra(values: readonly number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return extra;
}

/** Deflates a stream of chunks; resolves with the CRC and sizes once `sink` has every compressed chunk. */
export async function deflateTo(content: AsyncIterable<Buffer> | Iterable<Buffer>, sink: (chunk: Buffer) => Promise<void>): Promise<DeflatedData> {
  const deflate = createDeflateRaw({ level: constants.Z_DEFAULT_COMPRESSION, chunkSize: 1 << 18 });
  let crc = 0;
  let size = 0;
  let compressedSize = 0;
  const feeding = (async () => {
    try {
      for await (const chunk of content) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        if (!deflate.write(chunk)) await new Promise<void>((resolve) => deflate.once("drain", resolve));
      }
      deflate.end();
    } catch (error) {
      deflate.destroy(error as Error);
      throw error;
    }
  })();
  feeding.catch(() => undefined);
  for await (const chunk of deflate as AsyncIterable<Buffer>) {
    compressedSize += chunk.length;
    await sink(chunk);
  }
  await feeding;
  return { crc, size, compressedSize };
}

export class ZipWriter {
  private position = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly written: Written[] = [];

  private constructor(private readonly handle: FileHandle) {}

  static async create(file: string): Promise<ZipWriter> {
    return new ZipWriter(await open(file, "w"));
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const data = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await this.handle.write(data, done, data.length - done, this.position + done);
      done += bytesWritten;
    }
    this.position += data.length;
  }

  private async write(chunk: Buffer): Promise<void> {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= FLUSH_BYTES) await this.flush();
  }

  private get offset(): number {
    return this.position + this.pendingBytes;
  }

  private localHeader(template: EntryTemplate, method: number, data: DeflatedData, zip64: boolean): Buffer {
    const extra = zip64 ? zip64Extra([data.size, data.compressedSize]) : Buffer.alloc(0);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(zip64 ? ZIP64_VERSION : DEFAULT_VERSION, 4);
    header.writeUInt16LE(template.flags & ~DATA_DESCRIPTOR_FLAG, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(template.time, 10);
    header.writeUInt16LE(template.date, 12);
    header.writeUInt32LE(data.crc >>> 0, 14);
    header.writeUInt32LE(zip64 ? MAX32 : data.compressedSize, 18);
    header.writeUInt32LE(zip64 ? MAX32 : data.size, 22);
    header.writeUInt16LE(template.rawName.length, 26);
    header.writeUInt16LE(extra.length, 28);
    return Buffer.concat([header, template.rawName, extra]);
  }

  /** Copies an entry as it was stored: same compressed bytes, CRC and sizes. */
  async copy(entry: ZipEntry, stored: Readable): Promise<void> {
    const zip64 = entry.size >= MAX32 || entry.compressedSize >= MAX32;
    const localOffset = this.offset;
    await this.write(this.localHeader(entry, entry.method, entry, zip64));
    let copied = 0;
    for await (const chunk of stored as AsyncIterable<Buffer>) {
      copied += chunk.length;
      await this.write(chunk);
    }
    if (copied !== entry.compressedSize) throw new Error(`zip entry ${entry.name}: copied ${copied} bytes, expected ${entry.compressedSize}`);
    this.written.push({
      template: entry,
      method: entry.method,
      crc: entry.crc,
      size: entry.size,
      compressedSize: entry.compressedSize,
      localOffset,
      versionNeeded: Math.max(entry.versionNeeded, zip64 ? ZIP64_VERSION : 0),
    });
  }

  /** Adds an entry from already deflated bytes (written elsewhere first). */
  async addDeflated(template: EntryTemplate, data: DeflatedData, stored: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<void> {
    const zip64 = data.size >= MAX32 || data.compressedSize >= MAX32;
    const localOffset = this.offset;
    await this.write(this.localHeader(template, DEFLATED, data, zip64));
    for await (const chunk of stored) await this.write(chunk);
    this.written.push({ template, method: DEFLATED, ...data, localOffset, versionNeeded: zip64 ? ZIP64_VERSION : DEFAULT_VERSION });
  }

  /** Deflates and adds an entry whose content is in hand. */
  async add(template: EntryTemplate, content: Buffer): Promise<void> {
    const chunks: Buffer[] = [];
    const data = await deflateTo([content], async (chunk) => {
      chunks.push(chunk);
    });
    await this.addDeflated(template, data, chunks);
  }

  /** Writes the central directory and closes the file. */
  async finish(): Promise<void> {
    const dirOffset = this.offset;
    for (const w of this.written) {
      const big = [
        w.size >= MAX32 ? w.size : undefined,
        w.compressedSize >= MAX32 ? w.compressedSize : undefined,
        w.localOffset >= MAX32 ? w.localOffset : undefined,
      ].filter((v): v is number => v !== undefined);
      const extra = Buffer.concat([big.length > 0 ? zip64Extra(big) : Buffer.alloc(0), w.template.extra]);
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(w.template.versionMadeBy, 4);
      record.writeUInt16LE(Math.max(w.versionNeeded, big.length > 0 ? ZIP64_VERSION : 0), 6);
      record.writeUInt16LE(w.template.flags & ~DATA_DESCRIPTOR_FLAG, 8);
      record.writeUInt16LE(w.method, 10);
      record.writeUInt16LE(w.template.time, 12);
      record.writeUInt16LE(w.template.date, 14);
      record.writeUInt32LE(w.crc >>> 0, 16);
      record.writeUInt32LE(Math.min(w.compressedSize, MAX32), 20);
      record.writeUInt32LE(Math.min(w.size, MAX32), 24);
      record.writeUInt16LE(w.template.rawName.length, 28);
      record.writeUInt16LE(Math.min(extra.length, MAX16), 30);
      record.writeUInt16LE(w.template.comment.length, 32);
      record.writeUInt16LE(0, 34);
      record.writeUInt16LE(w.template.internalAttributes, 36);
      record.writeUInt32LE(w.template.externalAttributes >>> 0, 38);
      record.writeUInt32LE(Math.min(w.localOffset, MAX32), 42);
      await this.write(Buffer.concat([record, w.template.rawName, extra.subarray(0, MAX16), w.template.comment]));
    }
    const dirEnd = this.offset;
    const dirSize = dirEnd - dirOffset;
    const count = this.written.length;
    if (count >= MAX16 || dirOffset >= MAX32 || dirSize >= MAX32) {
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(ZIP64_VERSION, 12);
      record.writeUInt16LE(ZIP64_VERSION, 14);
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(dirSize), 40);
      record.writeBigUInt64LE(BigInt(dirOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(dirEnd), 8);
      locator.writeUInt32LE(1, 16);
      await this.write(Buffer.concat([record, locator]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(count, MAX16), 8);
    end.writeUInt16LE(Math.min(count, MAX16), 10);
    end.writeUInt32LE(Math.min(dirSize, MAX32), 12);
    end.writeUInt32LE(Math.min(dirOffset, MAX32), 16);
    await this.write(end);
    await this.flush();
    await this.handle.close();
  }

  /** Closes the file after a failure. */
  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

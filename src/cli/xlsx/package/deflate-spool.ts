/** Text deflated into a file as it comes, with the CRC and sizes a zip entry needs. */
import { createWriteStream, type WriteStream } from "node:fs";
import { crc32, createDeflateRaw, type DeflateRaw } from "node:zlib";
import type { DeflatedData } from "./zip-write";
import { encodeText, type XmlEncoding } from "./xml-text";

const BATCH_CHARACTERS = 1 << 18;

export class DeflateSpool {
  private readonly deflate: DeflateRaw;
  private readonly file: WriteStream;
  private readonly closed: Promise<void>;
  private pending: string[] = [];
  private pendingLength = 0;
  private crc = 0;
  private size = 0;
  private compressedSize = 0;
  private failure: Error | undefined;

  constructor(path: string, private readonly encoding: XmlEncoding) {
    this.deflate = createDeflateRaw({ chunkSize: 1 << 18 });
    this.file = createWriteStream(path);
    this.deflate.on("data", (chunk: Buffer) => {
      this.compressedSize += chunk.length;
    });
    const fail = (error: Error): void => {
      this.failure ??= error;
    };
    this.deflate.on("error", fail);
    this.file.on("error", fail);
    this.deflate.pipe(this.file);
    this.closed = new Promise((resolve) => {
      this.file.once("close", () => resolve());
    });
  }

  /** Returns a promise only when the caller must wait for the file to catch up. */
  write(text: string): void | Promise<void> {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= BATCH_CHARACTERS) return this.flush();
    return undefined;
  }

  private flush(): void | Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    if (this.pendingLength === 0) return undefined;
    const bytes = encodeText(this.pending.join(""), this.encoding);
    this.pending = [];
    this.pendingLength = 0;
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    if (this.deflate.write(bytes)) return undefined;
    return new Promise<void>((resolve, reject) => {
      const done = (): void => {
        this.deflate.off("drain", done);
        this.file.off("error", done);
        if (this.failure !== undefined) reject(this.failure);
        else resolve();
      };
      this.deflate.once("drain", done);
      this.file.once("error", done);
    });
  }

  async end(): Promise<DeflatedData> {
    await this.flush();
    this.deflate.end();
    await this.closed;
    if (this.failure !== undefined) throw this.failure;
    return { crc: this.crc, size: this.size, compressedSize: this.compressedSize };
  }

  async abort(): Promise<void> {
    this.deflate.destroy();
    this.file.destroy();
    await this.closed;
  }
}

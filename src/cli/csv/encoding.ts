/**
 * Text encodings of CSV files: UTF-8 (with or without a byte-order mark),
 * UTF-16 with a byte-order mark (Excel's "Unicode text"), and, for bytes that
 * are not valid UTF-8, Windows-1252 (a superset of Latin-1, what Excel on
 * Windows writes for "CSV"). Everything is handed on as UTF-8.
 */
import { isUtf8 } from "node:buffer";
import { open } from "node:fs/promises";
import { Transform, type TransformCallback } from "node:stream";

export const TEXT_ENCODINGS = ["utf-8", "windows-1252", "utf-16le", "utf-16be"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export interface DetectedEncoding {
  readonly encoding: TextEncoding;
  /** Bytes of byte-order mark at the start of the file. */
  readonly bom: number;
}

/** Windows-1252 characters for bytes 0x80-0x9F (WHATWG index; the five unassigned bytes keep their C1 code point). */
const WINDOWS_1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

/**
 * Decodes Windows-1252 by the WHATWG table. Node's TextDecoder("windows-1252")
 * is not used: some Node 20 releases decode 0x80-0x9F as control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return text.replace(/[\u0080-\u009f]/gu, (ch) => WINDOWS_1252_HIGH[ch.charCodeAt(0) - 0x80] ?? ch);
}

/** Length of an incomplete UTF-8 sequence at the end of `bytes` (0 when it ends on a boundary). */
export function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(4, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Reads the whole file once: a byte-order mark decides; otherwise UTF-8 when every byte is valid UTF-8, else Windows-1252. */
export async function detectEncoding(file: string): Promise<DetectedEncoding> {
  const handle = await open(file, "r");
  try {
    const chunk = Buffer.alloc(1 << 20);
    const first = await handle.read(chunk, 0, chunk.length, 0);
    const head = chunk.subarray(0, first.bytesRead);
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
    if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
    if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
    let position = 0;
    let carry = Buffer.alloc(0);
    let bytes = head;
    for (;;) {
      if (bytes.length === 0) return { encoding: carry.length === 0 ? "utf-8" : "windows-1252", bom: 0 };
      const joined = carry.length === 0 ? bytes : Buffer.concat([carry, bytes]);
      const tail = incompleteTail(joined);
      if (!isUtf8(joined.subarray(0, joined.length - tail))) return { encoding: "windows-1252", bom: 0 };
      carry = Buffer.from(joined.subarray(joined.length - tail));
      position += bytes.length;
      const next = await handle.read(chunk, 0, chunk.length, position);
      bytes = chunk.subarray(0, next.bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** Turns the file's bytes into UTF-8 bytes without a byte-order mark. */
export function toUtf8(encoding: TextEncoding, bom: number): Transform {
  let skip = bom;
  const strip = (chunk: Buffer): Buffer => {
    if (skip === 0) return chunk;
    const cut = Math.min(skip, chunk.length);
    skip -= cut;
    return chunk.subarray(cut);
  };
  if (encoding === "utf-8") {
    return new Transform({
      transform(chunk: Buffer, _enc, done: TransformCallback) {
        done(null, strip(chunk));
      },
    });
  }
  if (encoding === "windows-1252") {
    return new Transform({
      transform(chunk: Buffer, _enc, done: TransformCallback) {
        done(null, Buffer.from(decodeWindows1252(chunk), "utf8"));
      },
    });
  }
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      done(null, Buffer.from(decoder.decode(strip(chunk), { stream: true }), "utf8"));
    },
    flush(done: TransformCallback) {
      const rest = decoder.decode();
      done(null, rest === "" ? undefined : Buffer.from(rest, "utf8"));
    },
  });
}

/** The first bytes of the file as text, for finding the delimiter. */
export async function sampleText(file: string, detected: DetectedEncoding, bytes = 64 * 1024): Promise<string> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    const head = buffer.subarray(detected.bom, bytesRead);
    if (detected.encoding === "windows-1252") return decodeWindows1252(head);
    if (detected.encoding === "utf-8") return head.subarray(0, head.length - incompleteTail(head)).toString("utf8");
    return new TextDecoder(detected.encoding, { ignoreBOM: true }).decode(head.subarray(0, head.length - (head.length % 2)));
  } finally {
    await handle.close();
  }
}

/**
 * An XML part's bytes as text and back: UTF-8, or UTF-16 with a byte-order
 * mark. Decoding is streaming (a character split between two chunks is joined),
 * and a byte-order mark is kept as U+FEFF so that the text encodes back to the
 * same bytes.
 */
import type { Readable } from "node:stream";
import { TextDecoder } from "node:util";

export const XML_ENCODINGS = ["utf-8", "utf-16le", "utf-16be"] as const;
export type XmlEncoding = (typeof XML_ENCODINGS)[number];

export function encodingOf(head: Buffer): XmlEncoding {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  // UTF-16 without a byte-order mark still starts with "<" and a zero byte.
  if (head.length >= 2 && head[0] === 0x3c && head[1] === 0x00) return "utf-16le";
  if (head.length >= 2 && head[0] === 0x00 && head[1] === 0x3c) return "utf-16be";
  return "utf-8";
}

export function decodeAll(bytes: Buffer): string {
  return new TextDecoder(encodingOf(bytes), { ignoreBOM: true }).decode(bytes);
}

export function encodeText(text: string, encoding: XmlEncoding): Buffer {
  if (encoding === "utf-8") return Buffer.from(text, "utf8");
  const bytes = Buffer.from(text, "utf16le");
  return encoding === "utf-16le" ? bytes : bytes.swap16();
}

/** A stream of bytes as a stream of text chunks, and the encoding found at its start. */
export async function* decodeStream(stream: Readable, found?: (encoding: XmlEncoding) => void): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let head: Buffer = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (decoder === undefined) {
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      if (head.length < 2) continue;
      const encoding = encodingOf(head);
      found?.(encoding);
      decoder = new TextDecoder(encoding, { ignoreBOM: true });
      const text = decoder.decode(head, { stream: true });
      if (text !== "") yield text;
      continue;
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text !== "") yield text;
  }
  if (decoder === undefined) {
    found?.("utf-8");
    if (head.length > 0) yield head.toString("utf8");
    return;
  }
  const rest = decoder.decode();
  if (rest !== "") yield rest;
}

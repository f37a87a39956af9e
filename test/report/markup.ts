/* Reading the report's markup back in tests: a decoder for the references escapeHtml writes, and a scan of every tag. */
import fc from "fast-check";

const REFERENCES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#13": "\r" };

/** Undoes escapeHtml (the references it writes and nothing else). */
export function decodeEscaped(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39|#13);/gu, (_m, name: string) => REFERENCES[name] ?? "");
}

export interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly attributes: readonly (readonly [string, string])[];
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9-]*="[^"<>]*")*)\s*(\/?)>/uy;
const ATTR = /\s+([a-zA-Z][a-zA-Z0-9-]*)="([^"<>]*)"/gu;

/**
 * Every tag of a document (the doctype aside), in order. Throws when a "<"
 * does not start a well-formed tag: in the report every "<" is one of its own.
 */
export function scanTags(html: string): readonly Tag[] {
  const body = html.replace(/^<!DOCTYPE html>\n/u, "");
  const tags: Tag[] = [];
  for (let at = body.indexOf("<"); at !== -1; at = body.indexOf("<", at + 1)) {
    TAG.lastIndex = at;
    const m = TAG.exec(body);
    if (m === null) throw new Error(`a "<" that starts no tag at ${at}: ${body.slice(at, at + 60)}`);
    tags.push({
      name: m[2] ?? "",
      closing: m[1] === "/",
      attributes: [...(m[3] ?? "").matchAll(ATTR)].map((a) => [a[1] ?? "", decodeEscaped(a[2] ?? "")] as const),
    });
  }
  return tags;
}

/** One UTF-16 unit or code point of any kind (lone surrogates included), markup characters often. (fast-check's "binary" unit is far slower.) */
const anyChar = fc.oneof(
  fc.integer({ min: 0, max: 0x10ffff }).map((c) => (c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : String.fromCodePoint(c))),
  fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom("<", ">", "&", '"', "'", "\r", "\n", "\0", "/", ":", "\\", "=", " "),
);

/** Any text, markup characters likely. */
export const anyText = (maxLength = 40): fc.Arbitrary<string> => fc.string({ unit: anyChar, maxLength });

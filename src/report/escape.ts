/*
 * Escaping for the report's HTML. Every piece of cell text goes through
 * escapeHtml, whether it lands between tags or in a double-quoted attribute
 * value, so no cell can open a tag, close an attribute or start a character
 * reference of its own.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  // An HTML parser turns a bare CR (and CR LF) into LF; the reference keeps it.
  "\r": "&#13;",
};

/**
 * The text as HTML that a parser reads back as the same text, between tags or
 * inside a double-quoted attribute. The output never holds & < > " ' except
 * as the start of one of these references. NUL, which no HTML document can
 * hold, becomes U+FFFD (what a parser would make of it).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\r]/gu, (c) => ENTITIES[c] ?? c).replace(/\0/gu, "\uFFFD");
}

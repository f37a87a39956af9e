/**
 * A small XML tokenizer over text in hand: tags with their offsets and raw
 * attribute text, text runs, and the rest (comments, CDATA, declarations).
 * Names are matched by their local part, so `x:row` is a row; offsets let a
 * caller copy the original text of any element unchanged.
 */

export type Token =
  | {
      readonly kind: "open";
      readonly local: string;
      readonly prefix: string;
      readonly attrs: string;
      readonly selfClosing: boolean;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: "close"; readonly local: string; readonly start: number; readonly end: number }
  | { readonly kind: "text"; readonly raw: string; readonly start: number; readonly end: number }
  | { readonly kind: "cdata"; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: "other"; readonly start: number; readonly end: number };

export class XmlProblem extends Error {
  override readonly name = "XmlProblem";
}

function splitName(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(":");
  return colon < 0 ? { prefix: "", local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

function isNameEnd(code: number): boolean {
  // whitespace, "/", ">"
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2f || code === 0x3e;
}

/** Index just past the ">" that ends a start tag whose attributes begin at `from`, quotes respected; -1 if not in hand. */
function tagEnd(buf: string, from: number): number {
  let quote = 0;
  for (let i = from; i < buf.length; i += 1) {
    const code = buf.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) quote = code;
    else if (code === 0x3e) return i + 1;
  }
  return -1;
}

/**
 * The token at `pos`, or undefined when the text in hand ends inside it and
 * more may come (`final` false). Throws XmlProblem on markup that cannot be XML.
 */
export function nextToken(buf: string, pos: number, final: boolean): Token | undefined {
  if (pos >= buf.length) return undefined;
  if (buf.charCodeAt(pos) !== 0x3c) {
    let end = buf.indexOf("<", pos);
    if (end < 0) {
      if (!final) return undefined;
      end = buf.length;
    }
    return { kind: "text", raw: buf.slice(pos, end), start: pos, end };
  }
  const next = buf.charCodeAt(pos + 1);
  if (Number.isNaN(next)) return final ? fail(pos) : undefined;
  if (next === 0x21) {
    // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE ...>
    if (buf.startsWith("<!--", pos)) return until(buf, pos, "-->", final, (end) => ({ kind: "other", start: pos, end }));
    if (buf.startsWith("<![CDATA[", pos))
      return until(buf, pos, "]]>", final, (end) => ({ kind: "cdata", text: buf.slice(pos + 9, end - 3), start: pos, end }));
    if (buf.length - pos < 9 && !final) return undefined;
    const end = declarationEnd(buf, pos);
    if (end < 0) return final ? fail(pos) : undefined;
    return { kind: "other", start: pos, end };
  }
  if (next === 0x3f) return until(buf, pos, "?>", final, (end) => ({ kind: "other", start: pos, end }));
  if (next === 0x2f) {
    const end = buf.indexOf(">", pos + 2);
    if (end < 0) return final ? fail(pos) : undefined;
    return { kind: "close", local: splitName(buf.slice(pos + 2, end).trim()).local, start: pos, end: end + 1 };
  }
  let nameEnd = pos + 1;
  while (nameEnd < buf.length && !isNameEnd(buf.charCodeAt(nameEnd))) nameEnd += 1;
  if (nameEnd >= buf.length) return final ? fail(pos) : undefined;
  const end = tagEnd(buf, nameEnd);
  if (end < 0) return final ? fail(pos) : undefined;
  if (nameEnd === pos + 1) fail(pos);
  const selfClosing = buf.charCodeAt(end - 2) === 0x2f;
  const { prefix, local } = splitName(buf.slice(pos + 1, nameEnd));
  return { kind: "open", local, prefix, attrs: buf.slice(nameEnd, selfClosing ? end - 2 : end - 1), selfClosing, start: pos, end };
}

function until(buf: string, pos: number, terminator: string, final: boolean, make: (end: number) => Token): Token | undefined {
  const at = buf.indexOf(terminator, pos + 2);
  if (at < 0) return final ? fail(pos) : undefined;
  return make(at + terminator.length);
}

function declarationEnd(buf: string, pos: number): number {
  let depth = 0;
  for (let i = pos + 2; i < buf.length; i += 1) {
    const c = buf.charCodeAt(i);
    if (c === 0x5b) depth += 1;
    else if (c === 0x5d) depth -= 1;
    else if (c === 0x3e && depth <= 0) return i + 1;
  }
  return -1;
}

function fail(pos: number): never {
  throw new XmlProblem(`the XML breaks off or is malformed at character ${pos}`);
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

/** The value of the attribute whose local name is `local` (namespace declarations aside), entities decoded. */
export function attribute(attrs: string, local: string): string | undefined {
  if (attrs.indexOf(local) < 0) return undefined;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(attrs); m !== null; m = ATTRIBUTE.exec(attrs)) {
    const name = m[1] ?? "";
    const colon = name.indexOf(":");
    if (colon < 0 ? name !== local : name.slice(colon + 1) !== local || name.startsWith("xmlns")) continue;
    return decodeEntities(m[2] ?? m[3] ?? "");
  }
  return undefined;
}

/** Every attribute: qualified name and decoded value. */
export function attributes(attrs: string): [string, string][] {
  const found: [string, string][] = [];
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(attrs); m !== null; m = ATTRIBUTE.exec(attrs)) found.push([m[1] ?? "", decodeEntities(m[2] ?? m[3] ?? "")]);
  return found;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/gu;
const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function entity(_: string, name: string): string {
  if (name.charCodeAt(0) !== 0x23) return NAMED[name] ?? "";
  const code = name.charCodeAt(1) === 0x78 ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
}

export function decodeEntities(text: string): string {
  return text.indexOf("&") < 0 ? text : text.replace(ENTITY, entity);
}

const X_ESCAPE = /_x([0-9A-Fa-f]{4})_/gu;

/** Excel's escapes for characters XML cannot hold (`_x000D_` is a carriage return, `_x005F_` an underscore). */
export function decodeXEscapes(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(X_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Text for an element's content: XML escapes, and Excel's for control characters and for "_x" that would read as one. */
export function escapeCellText(text: string): string {
  let out = text.replace(/_(?=x[0-9A-Fa-f]{4}_)/gu, "_x005F_");
  // eslint-disable-next-line no-control-regex
  out = out.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return escapeXml(out);
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Every token of a text in hand. */
export function* tokens(xml: string): Generator<Token> {
  let pos = 0;
  for (;;) {
    const token = nextToken(xml, pos, true);
    if (token === undefined) return;
    yield token;
    pos = token.end;
  }
}

/**
 * A scanner that finds the elements directly inside one element of an OOXML
 * part, by local name whatever their prefix, and reports where each starts and
 * ends, so the part editors can insert next to them without parsing or
 * re-serialising them. Comments, processing instructions, CDATA and quoted
 * attribute values (which may hold ">") are stepped over.
 */

export interface ScannedElement {
  /** The name as written, "x:col" or "col". */
  readonly qname: string;
  readonly local: string;
  /** "" or the prefix with its colon, "x:". */
  readonly prefix: string;
  /** Index of its "<". */
  readonly start: number;
  /** Index just after the ">" of its start tag. */
  readonly tagEnd: number;
  /** Index just after its end tag (or its self-closing start tag); the input's length when the input ends inside it. */
  readonly end: number;
  readonly selfClosing: boolean;
  readonly closed: boolean;
}

export interface ScannedChildren {
  readonly children: readonly ScannedElement[];
  /** Index of the parent's end tag, or the input's length when the input ends first. */
  readonly end: number;
}

/** Index just after the ">" that ends the tag starting at `from`, quotes respected; -1 when the input ends first. */
function tagClose(xml: string, from: number): number {
  let quote = "";
  for (let i = from; i < xml.length; i += 1) {
    const ch = xml[i];
    if (quote !== "") {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i + 1;
  }
  return -1;
}

function skipPast(xml: string, from: number, terminator: string): number {
  const at = xml.indexOf(terminator, from);
  return at < 0 ? xml.length : at + terminator.length;
}

const NAME_END = /[\s/>]/u;

function tagName(xml: string, from: number): string {
  let i = from;
  while (i < xml.length && !NAME_END.test(xml[i] ?? ">")) i += 1;
  return xml.slice(from, i);
}

function element(qname: string, start: number, tagEnd: number, end: number, selfClosing: boolean, closed: boolean): ScannedElement {
  const colon = qname.indexOf(":");
  return { qname, local: qname.slice(colon + 1), prefix: colon < 0 ? "" : qname.slice(0, colon + 1), start, tagEnd, end, selfClosing, closed };
}

/**
 * The elements directly inside the content that starts at `from` (just after
 * a start tag, or at the top of a document), up to the end tag that closes
 * that content or the end of the input.
 */
export function scanChildren(xml: string, from: number): ScannedChildren {
  const children: ScannedElement[] = [];
  let depth = 0;
  let open: { qname: string; start: number; tagEnd: number } | undefined;
  let pos = from;
  for (;;) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) break;
    if (xml.startsWith("<!--", lt)) pos = skipPast(xml, lt + 4, "-->");
    else if (xml.startsWith("<![CDATA[", lt)) pos = skipPast(xml, lt + 9, "]]>");
    else if (xml.startsWith("<?", lt)) pos = skipPast(xml, lt + 2, "?>");
    else if (xml.startsWith("<!", lt)) pos = skipPast(xml, lt + 2, ">");
    else if (xml.startsWith("</", lt)) {
      const close = tagClose(xml, lt + 2);
      if (depth === 0) return { children, end: lt };
      depth -= 1;
      pos = close < 0 ? xml.length : close;
      if (depth === 0 && open !== undefined) {
        children.push(element(open.qname, open.start, open.tagEnd, pos, false, close >= 0));
        open = undefined;
      }
      if (close < 0) break;
    } else {
      const close = tagClose(xml, lt + 1);
      const tagEnd = close < 0 ? xml.length : close;
      const selfClosing = close >= 0 && xml[close - 2] === "/";
      if (depth === 0) {
        const qname = tagName(xml, lt + 1);
        if (selfClosing) children.push(element(qname, lt, tagEnd, tagEnd, true, true));
        else {
          open = { qname, start: lt, tagEnd };
          depth = 1;
        }
      } else if (!selfClosing) depth += 1;
      pos = tagEnd;
      if (close < 0) break;
    }
  }
  if (open !== undefined) children.push(element(open.qname, open.start, open.tagEnd, xml.length, false, false));
  return { children, end: xml.length };
}

/** The elements inside `parent`. */
export function childrenOf(xml: string, parent: ScannedElement): ScannedChildren {
  if (parent.selfClosing) return { children: [], end: parent.tagEnd };
  return scanChildren(xml, parent.tagEnd);
}

/** The document's root element (its end may lie beyond the input). */
export function rootElement(xml: string): ScannedElement | undefined {
  return scanChildren(xml, 0).children[0];
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

/** The attributes of a start tag, by name as written; values as written (entities not decoded). */
export function attributes(tag: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const name = tagName(tag, 1);
  for (const m of tag.slice(1 + name.length).matchAll(ATTRIBUTE)) out.set(m[1] ?? "", m[2] ?? m[3] ?? "");
  return out;
}

/** The attribute named `local` in any prefix or none, e.g. "r:id" for "id". */
export function attributeByLocal(tag: string, local: string): string | undefined {
  for (const [name, value] of attributes(tag)) if (name === local || name.endsWith(`:${local}`)) return value;
  return undefined;
}

/**
 * Where the value of attribute `name` lies in a start tag (between its
 * quotes): null when the tag has no such attribute, undefined when the tag is
 * not plain name="value" pairs, or names it twice (then read it with
 * `attributes`). A hand scan, for the tags of every row.
 */
export function attributeRange(tag: string, name: string): { readonly start: number; readonly end: number } | null | undefined {
  let i = 1;
  const n = tag.length;
  let found: { readonly start: number; readonly end: number } | null = null;
  while (i < n && !isNameEnd(tag.charCodeAt(i))) i += 1;
  for (;;) {
    while (i < n && isSpace(tag.charCodeAt(i))) i += 1;
    const c = tag.charCodeAt(i);
    if (i >= n || c === 0x3e) return found;
    if (c === 0x2f) return tag.charCodeAt(i + 1) === 0x3e ? found : undefined;
    const nameStart = i;
    while (i < n && !isNameEnd(tag.charCodeAt(i)) && tag.charCodeAt(i) !== 0x3d) i += 1;
    const nameEnd = i;
    while (i < n && isSpace(tag.charCodeAt(i))) i += 1;
    if (tag.charCodeAt(i) !== 0x3d || nameEnd === nameStart) return undefined;
    i += 1;
    while (i < n && isSpace(tag.charCodeAt(i))) i += 1;
    const quote = tag.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) return undefined;
    const close = tag.indexOf(quote === 0x22 ? '"' : "'", i + 1);
    if (close < 0) return undefined;
    if (nameEnd - nameStart === name.length && tag.startsWith(name, nameStart)) {
      if (found !== null) return undefined;
      found = { start: i + 1, end: close };
    }
    i = close + 1;
  }
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isNameEnd = (c: number): boolean => isSpace(c) || c === 0x2f || c === 0x3e;

/** The value of attribute `name` as written; undefined when absent. */
export function attributeValue(tag: string, name: string): string | undefined {
  const range = attributeRange(tag, name);
  if (range === undefined) return attributes(tag).get(name);
  return range === null ? undefined : tag.slice(range.start, range.end);
}

/** `tag` (a start tag) with attribute `name` set to `value` (already escaped), in place when present, else added last. */
export function setAttribute(tag: string, name: string, value: string): string {
  const range = attributeRange(tag, name);
  if (range !== undefined && range !== null) return tag.slice(0, range.start) + value + tag.slice(range.end);
  const tagNameLength = tagName(tag, 1).length + 1;
  if (range === undefined)
    for (const m of tag.slice(tagNameLength).matchAll(ATTRIBUTE)) {
      if (m[1] !== name || m.index === undefined) continue;
      const at = tagNameLength + m.index;
      const quote = m[2] === undefined ? "'" : '"';
      const valueStart = tag.indexOf(quote, at + name.length) + 1;
      return tag.slice(0, valueStart) + value + tag.slice(valueStart + (m[2] ?? m[3] ?? "").length);
    }
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  const head = tag.slice(0, end);
  const trimmed = head.replace(/\s+$/u, "");
  // Put in before any space that ends the tag, so that the tag's own text is kept: `<a />` becomes `<a x="1" />`.
  return `${trimmed} ${name}="${value}"${head.slice(trimmed.length)}${tag.slice(end)}`;
}

/** A self-closing start tag as an opening one: `<a x="1"/>` becomes `<a x="1">`. */
export function openTag(tag: string): string {
  return tag.endsWith("/>") ? `${tag.slice(0, -2).replace(/\s+$/u, "")}>` : tag;
}

/** Text for element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/gu, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;"));
}

/** An insertion or a replacement of the text between `start` and `end`. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Among splices at the same place, the lower goes first. */
  readonly order: number;
}

/** `xml` with the splices applied; they must not overlap. Insertions at the start of a replacement go before it. */
export function applySplices(xml: string, splices: readonly Splice[]): string {
  const isInsert = (s: Splice): number => (s.start === s.end ? 0 : 1);
  const sorted = [...splices].sort((a, b) => a.start - b.start || isInsert(a) - isInsert(b) || a.order - b.order);
  let out = "";
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error(`overlapping splices at ${s.start}`);
    out += xml.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + xml.slice(at);
}

/** Where an element of rank `rank` goes among `children` ranked by `rankOf`: after the last known one ranked before it. */
export function insertionPoint(children: readonly ScannedElement[], rank: number, rankOf: (local: string) => number | undefined, fallback: number): number {
  let at = fallback;
  for (const child of children) {
    const r = rankOf(child.local);
    if (r !== undefined && r < rank) at = child.end;
  }
  return at;
}

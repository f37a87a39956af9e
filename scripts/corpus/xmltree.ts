/*
 * The children of an XML element as raw text slices: enough structure for the
 * checker to compare parts element by element without re-serialising anything.
 */

export interface RawElement {
  /** Local name (prefix removed). */
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** The whole element as written. */
  readonly text: string;
  /** The start tag as written (the whole element when it is empty, `<x/>`). */
  readonly startTag: string;
  /** Offsets of the content between the tags (equal for `<x/>`). */
  readonly contentStart: number;
  readonly contentEnd: number;
}

const TAG = /<(?:!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|![^>]*>|\?[\s\S]*?\?>|\/?[^\s/>!?]+(?:[^>"']|"[^"]*"|'[^']*')*>)/gu;

function localName(tag: string): string {
  const match = /^<\/?([^\s/>]+)/u.exec(tag);
  const qualified = match?.[1] ?? "";
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** The child elements of the content between `from` and `to` (the content of one element, or a whole document). */
export function childElements(text: string, from: number, to: number): RawElement[] {
  const children: RawElement[] = [];
  TAG.lastIndex = from;
  let depth = 0;
  let open: { name: string; start: number; startTag: string; contentStart: number } | undefined;
  for (let match = TAG.exec(text); match !== null && match.index < to; match = TAG.exec(text)) {
    const tag = match[0];
    if (tag.startsWith("<!") || tag.startsWith("<?")) continue;
    const end = match.index + tag.length;
    if (tag.startsWith("</")) {
      depth -= 1;
      if (depth === 0 && open !== undefined) {
        children.push({
          name: open.name,
          start: open.start,
          end,
          text: text.slice(open.start, end),
          startTag: open.startTag,
          contentStart: open.contentStart,
          contentEnd: match.index,
        });
        open = undefined;
      }
      if (depth < 0) break;
      continue;
    }
    const empty = tag.endsWith("/>");
    if (depth === 0) {
      if (empty) children.push({ name: localName(tag), start: match.index, end, text: tag, startTag: tag, contentStart: end, contentEnd: end });
      else open = { name: localName(tag), start: match.index, startTag: tag, contentStart: end };
    }
    if (!empty) depth += 1;
  }
  return children;
}

/** The document element of a part. */
export function rootElement(text: string): RawElement | undefined {
  return childElements(text, 0, text.length)[0];
}

/** The children of an element. */
export function childrenOf(text: string, element: RawElement): RawElement[] {
  return element.contentStart === element.contentEnd ? [] : childElements(text, element.contentStart, element.contentEnd);
}

/** Attributes of a start tag as raw `name="value"` strings by name. */
export function rawAttributes(startTag: string): Map<string, string> {
  const found = new Map<string, string>();
  const body = startTag.replace(/^<[^\s/>]+/u, "");
  for (const match of body.matchAll(/([\w:.-]+)\s*=\s*("[^"]*"|'[^']*')/gu)) found.set(match[1] ?? "", match[2] ?? "");
  return found;
}

/**
 * Reads what the streaming reader ignores at the top of a sheet's XML: the
 * declared used range (so the results go right of every column, not only of
 * those seen so far) and frozen panes. The sheet's bytes pass through untouched.
 */
export interface SheetHead {
  /** Columns the sheet says it uses. */
  readonly width?: number;
  readonly frozen?: { readonly rows: number; readonly columns: number };
}

const HEAD_LIMIT = 64 * 1024;
/** Wider declared ranges come from formatting whole rows, not from data; they are not trusted. */
const MAX_DECLARED_WIDTH = 1024;

function lettersToNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`, "u").exec(tag)?.[1];
}

export function parseSheetHead(xml: string): SheetHead {
  let width: number | undefined;
  const dimension = /<(?:\w+:)?dimension\b[^>]*>/u.exec(xml)?.[0];
  const ref = dimension === undefined ? undefined : attribute(dimension, "ref");
  const last = ref === undefined ? undefined : /([A-Z]{1,3})\d*$/u.exec(ref.split(":").pop() ?? "")?.[1];
  if (last !== undefined) {
    const n = lettersToNumber(last);
    if (n > 0 && n <= MAX_DECLARED_WIDTH) width = n;
  }
  let frozen: SheetHead["frozen"];
  const pane = /<(?:\w+:)?pane\b[^>]*>/u.exec(xml)?.[0];
  if (pane !== undefined && /^frozen/u.test(attribute(pane, "state") ?? "")) {
    const rows = Number(attribute(pane, "ySplit") ?? 0);
    const columns = Number(attribute(pane, "xSplit") ?? 0);
    if (Number.isInteger(rows) && Number.isInteger(columns) && rows >= 0 && columns >= 0 && rows + columns > 0) frozen = { rows, columns };
  }
  return { ...(width === undefined ? {} : { width }), ...(frozen === undefined ? {} : { frozen }) };
}

export async function* peekSheetHead(source: AsyncIterable<Buffer | string>, found: (head: SheetHead) => void): AsyncGenerator<Buffer | string> {
  let head = "";
  let done = false;
  for await (const chunk of source) {
    if (!done) {
      head += typeof chunk === "string" ? chunk : chunk.toString("utf8", 0, Math.min(chunk.length, HEAD_LIMIT));
      const end = head.indexOf("<sheetData");
      if (end >= 0 || head.length >= HEAD_LIMIT) {
        done = true;
        found(parseSheetHead(end >= 0 ? head.slice(0, end) : head));
        head = "";
      }
    }
    yield chunk;
  }
  if (!done) found(parseSheetHead(head));
}

/**
 * Reads what the streaming reader ignores at the top of a sheet's XML: the
 * declared used range (so the results go right of every column, not only of
 * those seen so far) and frozen panes. The sheet's bytes pass through untouched.
 */
export interface SheetHead {
  /** Columns the sheet says it uses. */
  readonly width?: number;
  readonly frozen?: { readonly rows: number; readonly columns: number };
  /** Column widths and hidden columns (exceljs's streaming reader drops them). */
  readonly columns?: readonly ColumnFormat[];
}

export interface ColumnFormat {
  /** 1-based, inclusive. */
  readonly min: number;
  readonly max: number;
  readonly width?: number;
  readonly hidden: boolean;
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
  const columns: ColumnFormat[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?col\b[^>]*>/gu)) {
    const tag = match[0];
    const min = Number(attribute(tag, "min"));
    const max = Number(attribute(tag, "max"));
    const w = Number(attribute(tag, "width"));
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min || min > 16384) continue;
    columns.push({ min, max: Math.min(max, 16384), ...(Number.isFinite(w) && w > 0 ? { width: w } : {}), hidden: /^(1|true)$/u.test(attribute(tag, "hidden") ?? "") });
  }
  return { ...(width === undefined ? {} : { width }), ...(frozen === undefined ? {} : { frozen }), ...(columns.length === 0 ? {} : { columns }) };
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

const HIDDEN = Buffer.from("hidden=");
const CARRY = 512;

/**
 * Notes the rows the sheet hides (`<row r="7" hidden="1">`), which the
 * streaming reader drops, as the bytes go by (only chunks that mention
 * "hidden=" are looked at closely), and at the end whether the sheet's XML
 * was complete.
 */
export async function* watchHiddenRows(source: AsyncIterable<Buffer | string>, hidden: Set<number>, ended?: (complete: boolean) => void): AsyncGenerator<Buffer | string> {
  let carry = "";
  for await (const chunk of source) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    if (bytes.includes(HIDDEN) || carry.includes("hidden=")) {
      const text = carry + bytes.toString("utf8");
      for (const match of text.matchAll(/<(?:\w+:)?row\b[^>]*>/gu)) {
        const tag = match[0];
        if (!/\shidden="(1|true)"/u.test(tag)) continue;
        const n = Number(/\sr="(\d+)"/u.exec(tag)?.[1]);
        if (Number.isInteger(n) && n > 0) hidden.add(n);
      }
    }
    carry = (carry + bytes.subarray(Math.max(0, bytes.length - CARRY)).toString("latin1")).slice(-CARRY);
    yield chunk;
  }
  // The streaming reader never closes its XML parser, so a sheet that breaks off reads as a short one.
  ended?.(/<\/(?:\w+:)?worksheet>\s*$/u.test(carry));
}

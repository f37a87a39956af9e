/*
 * The rows and cells of a worksheet part, as raw text slices with their
 * positions (implicit row and column numbers worked out as Excel does when
 * `r` is absent). Shared by the injector and the checker.
 */
import { attributes, cellRef, columnIndex, escapeRegExp, rootPrefix } from "./ooxml";

export interface RawCell {
  /** 0-based column. */
  readonly col: number;
  /** The cell's whole element as written: `<c r="A1" s="3"><v>1</v></c>`. */
  readonly text: string;
}

export interface RawRow {
  /** 1-based row number. */
  readonly index: number;
  /** Offsets of the whole row element in the sheet text. */
  readonly start: number;
  readonly end: number;
  /** The row's start tag, `<row r="1" spans="1:3">` (or the whole `<row .../>`). */
  readonly startTag: string;
  readonly selfClosing: boolean;
  readonly hasR: boolean;
  readonly cells: readonly RawCell[];
}

export interface SheetScan {
  /** "" or "x:" */
  readonly prefix: string;
  /** Offsets of sheetData's content (between its tags); for `<sheetData/>`, both at the tag's start. */
  readonly sheetDataStart: number;
  readonly sheetDataEnd: number;
  /** The whole sheetData element (start of `<sheetData` to the end of `</sheetData>` or `/>`). */
  readonly elementStart: number;
  readonly elementEnd: number;
  readonly selfClosingSheetData: boolean;
  readonly rows: readonly RawRow[];
}

export class SheetError extends Error {}

export function scanSheet(text: string): SheetScan {
  const prefix = rootPrefix(text, "worksheet");
  if (prefix === undefined) throw new SheetError("no worksheet element");
  const p = escapeRegExp(prefix);
  const open = new RegExp(`<${p}sheetData\\b[^>]*?(/?)>`, "u").exec(text);
  if (open === null) throw new SheetError("no sheetData element");
  const elementStart = open.index;
  if (open[1] === "/") {
    const end = open.index + open[0].length;
    return { prefix, sheetDataStart: elementStart, sheetDataEnd: elementStart, elementStart, elementEnd: end, selfClosingSheetData: true, rows: [] };
  }
  const contentStart = open.index + open[0].length;
  const close = text.indexOf(`</${prefix}sheetData>`, contentStart);
  if (close < 0) throw new SheetError("sheetData is not closed");
  const content = text.slice(contentStart, close);
  const rows: RawRow[] = [];
  const rowPattern = new RegExp(`<${p}row(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}row>)`, "gu");
  const cellPattern = new RegExp(`<${p}c(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}c>)`, "gu");
  let previousRow = 0;
  for (const match of content.matchAll(rowPattern)) {
    const whole = match[0];
    const tagEnd = whole.indexOf(">") + 1;
    const startTag = whole.slice(0, tagEnd);
    const selfClosing = startTag.endsWith("/>");
    const attrs = attributes(startTag.slice(prefix.length + 4));
    const r = attrs.get("r");
    const index = r !== undefined && /^\d+$/u.test(r) ? Number(r) : previousRow + 1;
    previousRow = index;
    const cells: RawCell[] = [];
    if (!selfClosing) {
      let previousCol = -1;
      for (const cell of whole.slice(tagEnd).matchAll(cellPattern)) {
        const cellTag = /^<[^>]*>/u.exec(cell[0])?.[0] ?? "";
        const ref = attributes(cellTag.slice(prefix.length + 2)).get("r");
        const col = ref !== undefined ? (cellRef(ref).col ?? previousCol + 1) : previousCol + 1;
        previousCol = col;
        cells.push({ col, text: cell[0] });
      }
    }
    const start = contentStart + (match.index ?? 0);
    rows.push({ index, start, end: start + whole.length, startTag, selfClosing, hasR: r !== undefined, cells });
  }
  return {
    prefix,
    sheetDataStart: contentStart,
    sheetDataEnd: close,
    elementStart,
    elementEnd: close + `</${prefix}sheetData>`.length,
    selfClosingSheetData: false,
    rows,
  };
}

/** The largest 0-based column used by a cell, a merged range or a table part's range (tables given as refs). */
export function lastUsedColumn(text: string, scan: SheetScan, extraRefs: readonly string[] = []): number {
  let last = -1;
  for (const row of scan.rows) for (const cell of row.cells) last = Math.max(last, cell.col);
  const refs = [...extraRefs];
  for (const match of text.matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*"([^"]*)"/gu)) refs.push(match[1] ?? "");
  for (const ref of refs) {
    for (const part of ref.split(/[\s:]+/u)) {
      const col = cellRef(part).col;
      if (col !== undefined) last = Math.max(last, col);
    }
  }
  return last;
}

/** The 0-based column of a cell reference's letters, for callers that have only letters. */
export { columnIndex };

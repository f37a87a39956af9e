/**
 * A worksheet part read as a stream of pieces: the head (everything up to and
 * including `<sheetData>`), each `<row>` with its original text and where each
 * of its cells starts and ends in it, the text between rows, and the tail
 * (from `</sheetData>` on). Nothing is re-serialised: joining the pieces' text
 * gives the part back as it was. Rows and cells without an `r` address follow
 * the one before.
 */
import type { CellValue } from "../../../core";
import type { ValueContext } from "./cell-values";
import { rowCells } from "./row-cells";
import { attribute, nextToken, XmlProblem } from "./xml-tokens";

export { columnOf } from "./row-cells";

export interface ScannedCell {
  /** 0-based column. */
  readonly column: number;
  /** Offsets of the `<c>` element in the row's text. */
  readonly start: number;
  readonly end: number;
  /** Holds a value, an inline string or a formula (not just a style). */
  readonly occupied: boolean;
  /** Has an `r` address of its own (a cell without one follows the cell before it). */
  readonly addressed: boolean;
}

export interface ScannedRow {
  /** 1-based. */
  readonly number: number;
  readonly raw: string;
  readonly cells: readonly ScannedCell[];
  /** The cells' values by column, when values were asked for; null where there is no cell. */
  readonly values: readonly CellValue[] | undefined;
  /** Offset just past the `<row ...>` start tag, and of `</row>` (the row's length when it is `<row .../>`). */
  readonly openEnd: number;
  readonly closeStart: number;
  readonly selfClosing: boolean;
  /** The namespace prefix of the row element ("" or "x:"), for elements added beside its cells. */
  readonly prefix: string;
}

export type SheetPiece =
  | { readonly kind: "head"; readonly text: string }
  | { readonly kind: "row"; readonly row: ScannedRow }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "tail"; readonly text: string };

export interface ScanOptions {
  /** Cell values are read while this is set (it may be cleared while scanning); otherwise only positions. */
  values: ValueContext | undefined;
}

const ROW_OPEN = /<([\w.-]+:)?row(?=[\s/>])/uy;
const DATA_CLOSE = /<\/([\w.-]+:)?sheetData\s*>/uy;

/** Index just past the ">" of the start tag at `from`, quotes respected; -1 if not in hand. */
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

function rowNumberOf(attrs: string, previous: number): number {
  const r = attribute(attrs, "r");
  const n = r === undefined ? Number.NaN : Number(r.trim());
  return Number.isSafeInteger(n) && n > 0 ? n : previous + 1;
}

export async function* scanSheet(chunks: AsyncIterable<string>, options: ScanOptions): AsyncGenerator<SheetPiece> {
  for await (const pieces of scanSheetBatches(chunks, options)) yield* pieces;
}

/** The same pieces, as many at a time as each chunk of text completes. */
export async function* scanSheetBatches(chunks: AsyncIterable<string>, options: ScanOptions): AsyncGenerator<readonly SheetPiece[]> {
  let buf = "";
  let pos = 0;
  let phase: "head" | "rows" | "tail" = "head";
  const tail: string[] = [];
  let between = "";
  let rowNumber = 0;
  const out: SheetPiece[] = [];

  /** Reads what is in hand; stops where more text is needed. */
  const run = (final: boolean): void => {
    while (phase === "head") {
      const t = nextToken(buf, pos, final);
      if (t === undefined) return;
      pos = t.end;
      if (t.kind === "open" && t.local === "sheetData") {
        if (t.selfClosing) {
          out.push({ kind: "head", text: buf.slice(0, t.start) });
          tail.push(buf.slice(t.start));
          phase = "tail";
          return;
        }
        out.push({ kind: "head", text: buf.slice(0, t.end) });
        phase = "rows";
      }
    }
    while (phase === "rows") {
      const lt = buf.indexOf("<", pos);
      if (lt < 0) {
        if (final) throw new XmlProblem("the XML breaks off before the end of the sheet's data");
        between += buf.slice(pos);
        pos = buf.length;
        return;
      }
      if (lt > pos) between += buf.slice(pos, lt);
      pos = lt;
      ROW_OPEN.lastIndex = lt;
      const row = ROW_OPEN.exec(buf);
      if (row !== null) {
        const openEnd = tagEnd(buf, ROW_OPEN.lastIndex);
        if (openEnd < 0) {
          if (final) throw new XmlProblem("the XML breaks off inside a row");
          return;
        }
        const prefix = row[1] ?? "";
        const attrs = buf.slice(ROW_OPEN.lastIndex, openEnd - 1);
        const selfClosing = buf.charCodeAt(openEnd - 2) === 0x2f;
        let end = openEnd;
        let closeStart = openEnd - lt;
        if (!selfClosing) {
          const closeTag = `</${prefix}row>`;
          const close = buf.indexOf(closeTag, openEnd);
          if (close < 0) {
            if (final) throw new XmlProblem("the XML breaks off inside a row");
            return;
          }
          end = close + closeTag.length;
          closeStart = close - lt;
        }
        const raw = buf.slice(lt, end);
        rowNumber = rowNumberOf(attrs, rowNumber);
        const read = selfClosing
          ? { cells: [], values: options.values === undefined ? undefined : [] }
          : rowCells(raw, openEnd - lt, closeStart, options.values);
        if (between !== "") {
          out.push({ kind: "text", text: between });
          between = "";
        }
        out.push({
          kind: "row",
          row: { number: rowNumber, raw, cells: read.cells, values: read.values, openEnd: openEnd - lt, closeStart, selfClosing, prefix },
        });
        pos = end;
        continue;
      }
      DATA_CLOSE.lastIndex = lt;
      if (DATA_CLOSE.exec(buf) !== null) {
        if (between !== "") {
          out.push({ kind: "text", text: between });
          between = "";
        }
        tail.push(buf.slice(lt));
        pos = buf.length;
        phase = "tail";
        return;
      }
      // Anything else between rows (a comment, an unknown element) is kept as text.
      const t = nextToken(buf, lt, final);
      if (t === undefined) {
        if (!final && buf.length - lt < 64) return;
        if (!final) return;
        throw new XmlProblem("the XML breaks off before the end of the sheet's data");
      }
      between += buf.slice(t.start, t.end);
      pos = t.end;
    }
  };

  for await (const chunk of chunks) {
    if ((phase as string) === "tail") {
      tail.push(chunk);
      continue;
    }
    if ((phase as string) === "rows" && pos > 0) {
      buf = buf.slice(pos);
      pos = 0;
    }
    buf += chunk;
    run(false);
    if (out.length > 0) yield out.splice(0);
  }
  run(true);
  if (out.length > 0) yield out.splice(0);
  const ended = phase as "head" | "rows" | "tail";
  if (ended === "head") {
    yield [{ kind: "head", text: buf }];
    return;
  }
  if (ended !== "tail") throw new XmlProblem("the XML breaks off before the end of the sheet's data");
  yield [{ kind: "tail", text: tail.join("") }];
}

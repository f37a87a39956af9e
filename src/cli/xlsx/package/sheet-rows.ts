/**
 * A worksheet part read as a stream of pieces: the head (everything up to and
 * including `<sheetData>`), each `<row>` with its original text and where each
 * of its cells starts and ends in it, the text between rows, and the tail
 * (from `</sheetData>` on). Nothing is re-serialised: joining the pieces' text
 * gives the part back as it was. Rows and cells without an `r` address follow
 * the one before.
 */
import type { CellValue } from "../../../core";
import { cellValue, type ValueContext } from "./cell-values";
import { attribute, decodeEntities, decodeXEscapes, nextToken, XmlProblem, type Token } from "./xml-tokens";

export interface ScannedCell {
  /** 0-based column. */
  readonly column: number;
  /** Offsets of the `<c>` element in the row's text. */
  readonly start: number;
  readonly end: number;
  /** Holds a value, an inline string or a formula (not just a style). */
  readonly occupied: boolean;
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

/** 0-based column of a cell reference such as "AB12" (its letters); -1 when it has none. */
export function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    n = n * 26 + (c - 0x60);
  }
  return i === 0 ? -1 : n - 1;
}

function rowNumberOf(attrs: string, previous: number): number {
  const r = attribute(attrs, "r");
  const n = r === undefined ? Number.NaN : Number(r.trim());
  return Number.isSafeInteger(n) && n > 0 ? n : previous + 1;
}

export async function* scanSheet(chunks: AsyncIterable<string>, options: ScanOptions): AsyncGenerator<SheetPiece> {
  let buf = "";
  let pos = 0;
  let phase: "head" | "rows" | "tail" = "head";
  let tail: string[] = [];
  let textStart = 0;
  // The row being read: offsets are relative to rowStart.
  let rowStart = -1;
  let rowNumber = 0;
  let rowOpenEnd = 0;
  let rowPrefix = "";
  let cells: ScannedCell[] = [];
  let values: CellValue[] | undefined;
  const stack: string[] = [];
  let column = -1;
  let cellStart = 0;
  let cellType: string | undefined;
  let cellStyle = 0;
  let occupied = false;
  let v: string | undefined;
  let inline: string[] | undefined;
  let phonetic = 0;

  const finishRow = (raw: string, closeStart: number, selfClosing: boolean): SheetPiece => {
    if (values !== undefined) for (let i = 0; i < values.length; i += 1) if (values[i] === undefined) values[i] = null;
    const row: ScannedRow = { number: rowNumber, raw, cells, values, openEnd: rowOpenEnd, closeStart, selfClosing, prefix: rowPrefix };
    cells = [];
    values = undefined;
    return { kind: "row", row };
  };

  /** The pieces one token completes. */
  const step = (t: Token, out: SheetPiece[]): void => {
    if (phase === "head") {
      if (t.kind === "open" && t.local === "sheetData") {
        if (t.selfClosing) {
          out.push({ kind: "head", text: buf.slice(0, t.start) });
          phase = "tail";
          tail = [buf.slice(t.start)];
        } else {
          out.push({ kind: "head", text: buf.slice(0, t.end) });
          phase = "rows";
          textStart = t.end;
        }
      }
      return;
    }
    if (rowStart < 0) {
      if (t.kind === "open" && t.local === "row") {
        if (t.start > textStart) out.push({ kind: "text", text: buf.slice(textStart, t.start) });
        rowNumber = rowNumberOf(t.attrs, rowNumber);
        rowPrefix = t.prefix === "" ? "" : `${t.prefix}:`;
        column = -1;
        values = options.values === undefined ? undefined : [];
        if (t.selfClosing) {
          rowOpenEnd = t.end - t.start;
          out.push(finishRow(buf.slice(t.start, t.end), rowOpenEnd, true));
          textStart = t.end;
        } else {
          rowStart = t.start;
          rowOpenEnd = t.end - t.start;
          stack.length = 0;
        }
      } else if (t.kind === "close" && t.local === "sheetData") {
        if (t.start > textStart) out.push({ kind: "text", text: buf.slice(textStart, t.start) });
        phase = "tail";
        tail = [buf.slice(t.start)];
      }
      return;
    }
    switch (t.kind) {
      case "open": {
        if (stack.length === 0) {
          if (t.local === "c") {
            const ref = attribute(t.attrs, "r");
            const found = ref === undefined ? -1 : columnOf(ref);
            column = found >= 0 ? found : column + 1;
            cellStart = t.start - rowStart;
            if (values !== undefined) {
              cellType = attribute(t.attrs, "t");
              const s = attribute(t.attrs, "s");
              cellStyle = s === undefined ? 0 : Number(s);
            }
            if (t.selfClosing) {
              cells.push({ column, start: cellStart, end: t.end - rowStart, occupied: false });
              return;
            }
            occupied = false;
            v = undefined;
            inline = undefined;
            phonetic = 0;
          }
          if (!t.selfClosing) stack.push(t.local);
          return;
        }
        if (stack[0] === "c") {
          if (t.local === "v" || t.local === "f" || t.local === "is") occupied = true;
          if (t.local === "v") v ??= "";
          else if (t.local === "is") inline ??= [];
          else if (t.local === "rPh" && !t.selfClosing) phonetic += 1;
        }
        if (!t.selfClosing) stack.push(t.local);
        return;
      }
      case "close": {
        if (stack.length === 0) {
          if (t.local === "row") {
            const raw = buf.slice(rowStart, t.end);
            out.push(finishRow(raw, t.start - rowStart, false));
            rowStart = -1;
            textStart = t.end;
          }
          return;
        }
        const top = stack.pop();
        if (top === "rPh") phonetic = Math.max(0, phonetic - 1);
        if (stack.length === 0 && top === "c") {
          cells.push({ column, start: cellStart, end: t.end - rowStart, occupied });
          if (values !== undefined && options.values !== undefined) {
            values[column] = cellValue(cellType, cellStyle, v, inline === undefined ? undefined : decodeXEscapes(inline.join("")), options.values);
          }
        }
        return;
      }
      case "text":
      case "cdata": {
        if (stack[0] !== "c" || values === undefined) return;
        const top = stack[stack.length - 1];
        const text = t.kind === "text" ? t.raw : t.text;
        if (top === "v") v = (v ?? "") + (t.kind === "text" ? text : text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;"));
        else if (top === "t" && inline !== undefined && phonetic === 0) inline.push(t.kind === "text" ? decodeEntities(text) : text);
        return;
      }
      default:
    }
  };

  const out: SheetPiece[] = [];
  const run = (final: boolean): void => {
    for (;;) {
      if (phase === "tail") return;
      const t = nextToken(buf, pos, final);
      if (t === undefined) return;
      pos = t.end;
      step(t, out);
    }
  };

  for await (const chunk of chunks) {
    if ((phase as string) === "tail") {
      tail.push(chunk);
      continue;
    }
    if ((phase as string) === "rows") {
      const keep = rowStart >= 0 ? rowStart : Math.min(textStart, pos);
      if (keep > 0) {
        buf = buf.slice(keep);
        pos -= keep;
        textStart = Math.max(0, textStart - keep);
        if (rowStart >= 0) rowStart -= keep;
      }
    }
    buf += chunk;
    run(false);
    if (out.length > 0) {
      yield* out;
      out.length = 0;
    }
  }
  run(true);
  yield* out;
  out.length = 0;
  const ended = phase as "head" | "rows" | "tail";
  if (ended === "head") {
    yield { kind: "head", text: buf };
    return;
  }
  if (ended !== "tail") throw new XmlProblem("the XML breaks off before the end of the sheet's data");
  yield { kind: "tail", text: tail.join("") };
}

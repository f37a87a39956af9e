/**
 * Writes the classified sheet: every row as the text it was with the result
 * cells put in (its start tag's spans widened to take them in, and a part
 * row's height raised for its wrapped results unless the user set it),
 * deflated into a spool file as it comes; then the tail and the
 * head through the part editors (dimension, result column widths, frozen
 * header, AutoFilter, print setup), once the rows have shown the sheet's
 * extent. The head is deflated last and goes in front of the rows.
 */
import { RESULT_HEADERS } from "../../../core";
import type { RowSink } from "../../classify/driver";
import type { TableClassifier } from "../../classify/table";
import type { HeaderChoice, RowResult, RowRole, Tally } from "../../classify/types";
import type { ResultStyles, SheetLayout } from "../parts/contract";
import { rowTagWithHeight, wrappedRowHeight } from "../parts/row-height";
import { RESULT_COLUMN_WIDTHS, addedAutoFilter, editSheetHead, editSheetTail, hasOwnPrintSetup } from "../parts/sheet-edits";
import { attributeValue, setAttribute } from "../parts/xml-scan";
import { DeflateSpool, deflatePrefix, joined } from "./deflate-spool";
import { fileError } from "../../errors";
import { EXTRA_WIDTHS, type Gate } from "../../gate/gate";
import { headerCellsXml, partCellsXml, textCellsXml } from "./result-cells";
import { editRow } from "./row-edit";
import type { SheetRow, SheetRowSource } from "./sheet-source";
import type { DeflatedData } from "./zip-write";

/** A row holds something where the results were to go: the sheet is surveyed and classified again. */
export class ResultColumnTaken extends Error {
  override readonly name = "ResultColumnTaken";
}

export interface SheetOutput {
  readonly data: DeflatedData;
  /** The deflated head, to write before the spool's bytes. */
  readonly prefix: Buffer;
}

export class SheetSink implements RowSink<SheetRow> {
  private spool: DeflateSpool | undefined;
  private header: HeaderChoice | undefined;
  private firstColumn = 0;
  private lastRow = 0;
  private lastColumn = 0;
  private widths: readonly number[] = RESULT_COLUMN_WIDTHS;
  /** Set once the header is known: the gate columns written (none when the sheet needs none), an earlier run's result columns cleared, and how many columns the results take. */
  private writtenGate: Gate | undefined;
  private earlier = 0;
  private width: number = RESULT_HEADERS.length;
  output: SheetOutput | undefined;
  /** The AutoFilter the tail got (A1-style), for the workbook's _xlnm._FilterDatabase; undefined when none was added. */
  filterRange: string | undefined;

  /** `guard`: the result column was chosen without seeing every row, so a row with a value there stops the run. */
  constructor(
    private readonly source: SheetRowSource,
    private readonly styles: ResultStyles,
    private readonly spoolPath: string,
    private readonly guard: boolean,
    private readonly gate?: Gate,
  ) {}

  async begin(table: TableClassifier): Promise<void> {
    const header = table.header;
    this.header = header;
    const columns = [...header.mapping.columns.map((c) => c.column), ...header.mapping.ignored.map((c) => c.column)];
    this.firstColumn = columns.length === 0 ? 0 : Math.min(...columns);
    this.widths = [...RESULT_COLUMN_WIDTHS, ...(this.gate?.headers ?? []).map((h) => EXTRA_WIDTHS[h] ?? 30)];
    this.writtenGate = this.gate !== undefined && this.gate.width > 0 ? this.gate : undefined;
    // The five results and the gate columns; an earlier run's result columns (five, or more) are all cleared.
    this.earlier = header.rewrite ? (header.previousWidth ?? RESULT_HEADERS.length) : 0;
    this.width = Math.max(RESULT_HEADERS.length + (this.writtenGate?.width ?? 0), this.earlier);
    this.spool = new DeflateSpool(this.spoolPath, this.source.encoding);
  }

  row(row: SheetRow, role: RowRole, result: RowResult | undefined): void | Promise<void> {
    const header = this.header as HeaderChoice;
    const spool = this.spool as DeflateSpool;
    const scanned = row.scanned;
    const first = header.resultColumn;
    const { writtenGate: gate, earlier, width } = this;
    this.lastRow = Math.max(this.lastRow, row.number);
    const last = scanned.cells[scanned.cells.length - 1];
    if (last !== undefined) this.lastColumn = Math.max(this.lastColumn, last.column);
    let cells: string | undefined;
    let texts: readonly string[] | undefined;
    if (role === "header") cells = headerCellsXml(scanned.prefix, row.number, first, this.styles);
    else if (role === "data" && result?.kind === "part") cells = partCellsXml(scanned.prefix, row.number, first, result.cells, result.stage, this.styles);
    else if (role === "data" && header.rewrite) cells = "";
    const gateTexts = gate !== undefined && role === "data" && result?.kind === "part" ? gate.cells(row.number, result) : [];
    if (gate !== undefined && cells !== undefined)
      cells += gateCells(gate, row, role, gateTexts, first + RESULT_HEADERS.length, this.styles, earlier, this.source.sheetName);
    if (role === "data" && result?.kind === "part") texts = [...result.cells.map(String), ...gateTexts];
    if (cells !== undefined && this.guard && !header.rewrite && scanned.cells.some((c) => c.occupied && c.column >= first)) {
      throw new ResultColumnTaken(`row ${row.number} has a cell right of the columns the header was chosen on`);
    }
    const text =
      cells === undefined
        ? scanned.raw
        : withRowTag(scanned, editRow(scanned, { first, width, cells }), (tag) =>
            rowTagWithHeight(widenedSpans(tag, first, width, cells), texts === undefined ? undefined : wrappedRowHeight(texts, this.widths)),
          );
    return spool.write(row.before === "" ? text : row.before + text);
  }

  async finish(_tally: Tally): Promise<void> {
    const spool = this.spool as DeflateSpool;
    const header = this.header as HeaderChoice;
    const { head, tail } = this.source;
    if (head === undefined || tail === undefined) throw new Error("the sheet's rows ended without its head or tail");
    const layout: SheetLayout = {
      sheetName: this.source.sheetName,
      headerRow: header.rowNumber,
      resultColumn: header.resultColumn,
      resultWidths: this.widths,
      lastRow: Math.max(this.lastRow, header.rowNumber),
      lastColumn: Math.max(this.lastColumn, header.resultColumn + RESULT_HEADERS.length + (this.gate?.width ?? 0) - 1),
      firstColumn: this.firstColumn,
      printSetup: !ownPrintSetup(head, tail),
    };
    await spool.write(this.source.trailing);
    this.filterRange = addedAutoFilter(tail, layout);
    await spool.write(editSheetTail(tail, layout));
    const rest = await spool.end();
    const prefix = deflatePrefix(editSheetHead(head, layout), this.source.encoding);
    this.output = { data: joined(prefix, rest), prefix: prefix.bytes };
  }

  async abort(): Promise<void> {
    await this.spool?.abort();
  }
}

/** The edited row's text with its start tag (the same length in the edited text as in `row`, or one less when it was `<row .../>`) passed through `edit`. */
function withRowTag(row: SheetRow["scanned"], text: string, edit: (tag: string) => string): string {
  const length = row.selfClosing ? (text.length === row.raw.length ? 0 : row.raw.replace(/\/\s*>$/u, ">").length) : row.openEnd;
  if (length === 0) return text;
  const tag = text.slice(0, length);
  const edited = edit(tag);
  return edited === tag ? text : edited + text.slice(length);
}

/**
 * A row's `spans="a:b"` (1-based columns, an optimisation hint) widened to
 * take in the result cells put in; a tag without spans, or with spans not of
 * that form, is left as it was.
 */
export function widenedSpans(tag: string, first: number, width: number, cells: string): string {
  if (cells === "") return tag;
  const spans = attributeValue(tag, "spans");
  const m = spans === undefined ? null : /^(\d+):(\d+)$/u.exec(spans);
  if (m === null) return tag;
  const from = Math.min(Number(m[1]), first + 1);
  const to = Math.max(Number(m[2]), first + width);
  return from === Number(m[1]) && to === Number(m[2]) ? tag : setAttribute(tag, "spans", `${from}:${to}`);
}

function ownPrintSetup(head: string, tail: string): boolean {
  try {
    return hasOwnPrintSetup(head, tail);
  } catch {
    return true;
  }
}

/**
 * The gate columns' cells after the five results (their headers on the header
 * row). When an earlier run wrote fewer result columns and a row has a value
 * of the user's where the new ones go, the run stops rather than write over it.
 */
function gateCells(
  gate: Gate,
  row: SheetRow,
  role: RowRole,
  texts: readonly string[],
  at: number,
  styles: ResultStyles,
  earlier: number,
  sheetName: string,
): string {
  const scanned = row.scanned;
  if (earlier > 0) {
    const end = at + gate.width;
    const start = at - RESULT_HEADERS.length + earlier;
    const taken = scanned.cells.find((c) => c.occupied && c.column >= start && c.column < end);
    if (taken !== undefined) {
      throw fileError(
        "bad-header-row",
        `sheet "${sheetName}"`,
        `row ${row.number} has a value of its own right of the result columns an earlier run wrote, where the new ${gate.headers.join(", ")} columns go; classify the original list, or move that value`,
      );
    }
  }
  if (role === "header") return textCellsXml(scanned.prefix, row.number, at, gate.headers, styles.header);
  if (role === "data") return textCellsXml(scanned.prefix, row.number, at, texts, styles.wrapped);
  return "";
}

/** A classified CSV written as a new workbook, row by row with exceljs's streaming writer. */
import { createWriteStream, type WriteStream } from "node:fs";
import ExcelJS from "exceljs";
import { RESULT_HEADERS, SUMMARY_SHEET, columnLetters, isBlankCell, type CellValue } from "../../core";
import type { RowResult, RowRole, TableOutput } from "../classify/job";
import { placeResults } from "../classify/place";
import { sheetReading, type TableClassifier, type Tally } from "../classify/table";
import { outputFailure } from "../errors";
import { EXTRA_WIDTHS, type Gate } from "../gate/gate";
import { wrappedRowHeight } from "./parts/row-height";
import { FOOTER, MAX_FROZEN_ROWS, RESULT_COLUMN_WIDTHS } from "./parts/sheet-edits";
import { PLAIN_STYLE, RESULT_HEADER_STYLE, partResultCells, resultHeaderCells, writeSummary } from "./style";

const WRITER_OPTIONS = { useStyles: true, useSharedStrings: false } as const;
const ROOM_BYTES = 8 * 1024 * 1024;
const WRAPPED_STYLE: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: "top" } };
/** Of the five results, Next step, Blockers and Missing wrap. */
const WRAPPED_RESULTS = new Set([2, 3, 4]);
/** Printing as the package edit sets it up: landscape, one page wide, as many long as needed. */
const PAGE_SETUP: Partial<ExcelJS.PageSetup> = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
/** The footer as exceljs writes it (it escapes the text itself). */
const FOOTER_TEXT = FOOTER.replace(/&amp;/gu, "&");

/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetNameFrom(text: string): string {
  const cleaned = text
    .replace(/[[\]:*?/\\]/gu, " ")
    .replace(/^'+|'+$/gu, "")
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned === "" || cleaned.toLowerCase() === SUMMARY_SHEET.toLowerCase() ? "Parts" : cleaned;
}

/** Text that is plainly a number ("200", "0.5", "-3") becomes a number; "007", "1,000" or "0.50" stay text. */
export function cellFromText(text: string): string | number | null {
  if (text === "") return null;
  if (text.length <= 15 && /^-?\d+(\.\d+)?$/u.test(text)) {
    const n = Number(text);
    if (String(n) === text) return n;
  }
  return text;
}

interface Cell {
  readonly value: string | number | null;
  readonly style: Partial<ExcelJS.Style> | undefined;
}

const hasValue = (cell: Cell | undefined): boolean => cell !== undefined && cell.value !== null && !isBlankCell(cell.value);

export class XlsxTableOutput implements TableOutput {
  readonly needsJson = false;
  private stream: WriteStream | undefined;
  private writer: ExcelJS.stream.xlsx.WorkbookWriter | undefined;
  private sheet: ExcelJS.Worksheet | undefined;
  private table: TableClassifier | undefined;
  private failure: Error | undefined;
  private sinceCheck = 0;
  private lastRow = 0;
  private lastColumn = 0;
  private widths: readonly number[] = RESULT_COLUMN_WIDTHS;

  constructor(
    private readonly file: string,
    private readonly shown: string,
    private readonly sheetName: string,
    private readonly source: string,
    private readonly gate?: Gate,
  ) {}

  private check(): void {
    if (this.failure !== undefined) throw outputFailure(this.failure, this.shown);
  }

  async begin(table: TableClassifier): Promise<void> {
    this.table = table;
    this.stream = createWriteStream(this.file);
    this.stream.on("error", (error) => {
      this.failure ??= error;
    });
    this.writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.stream, ...WRITER_OPTIONS });
    const headerRow = table.header.rowNumber;
    // Print titles name the sheet in quotes, which exceljs does not escape: a name with an apostrophe goes without.
    const printTitles = this.sheetName.includes("'") ? {} : { printTitlesRow: `${headerRow}:${headerRow}` };
    this.sheet = this.writer.addWorksheet(this.sheetName, {
      views: headerRow <= MAX_FROZEN_ROWS ? [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }] : [],
      pageSetup: { ...PAGE_SETUP, ...printTitles },
      headerFooter: { oddFooter: FOOTER_TEXT },
    });
    this.widths = [...RESULT_COLUMN_WIDTHS, ...(this.gate?.headers ?? []).map((h) => EXTRA_WIDTHS[h] ?? 30)];
    this.widths.forEach((width, i) => {
      if (this.sheet !== undefined) this.sheet.getColumn(table.header.resultColumn + i + 1).width = width;
    });
  }

  async row(number: number, values: readonly CellValue[], role: RowRole, outcome: RowResult | undefined): Promise<void> {
    const table = this.table;
    const sheet = this.sheet;
    if (table === undefined || sheet === undefined) return;
    const headerStyle = role === "header" ? RESULT_HEADER_STYLE : undefined;
    const cells: (Cell | undefined)[] = values.map((v) => (typeof v === "string" ? { value: cellFromText(v), style: headerStyle } : undefined));
    let results: Cell[] | undefined;
    const gate = this.gate;
    if (role === "header")
      results = [...resultHeaderCells(RESULT_HEADER_STYLE), ...(gate?.headers ?? []).map((h) => ({ value: h, style: RESULT_HEADER_STYLE }))];
    else if (role === "data" && outcome?.kind === "part") {
      results = partResultCells(outcome.cells, outcome.stage).map((cell, i) =>
        WRAPPED_RESULTS.has(i) && cell.value !== null ? { ...cell, style: WRAPPED_STYLE } : cell,
      );
      if (gate !== undefined && gate.width > 0)
        results.push(...gate.cells(number, outcome).map((text) => ({ value: text === "" ? null : text, style: WRAPPED_STYLE })));
    }
    const width = RESULT_COLUMN_WIDTHS.length + (gate?.width ?? 0);
    const placed =
      role === "above"
        ? { row: cells, displaced: false }
        : placeResults<Cell | undefined>(cells, results, {
            resultColumn: table.header.resultColumn,
            rewrite: table.header.rewrite,
            replaced: table.header.previousWidth,
            width,
            blank: undefined,
            hasValue,
          });
    if (placed.displaced && role === "data") table.displaced(number);
    this.lastRow = Math.max(this.lastRow, number);
    this.lastColumn = Math.max(this.lastColumn, placed.row.length - 1);
    const row = sheet.getRow(number);
    // LibreOffice does not fit rows to wrapped text: a part row gets the height its results need.
    const height =
      results === undefined || role !== "data"
        ? undefined
        : wrappedRowHeight(
            results.map((r) => (typeof r.value === "string" ? r.value : "")),
            this.widths,
          );
    if (height !== undefined) row.height = height;
    placed.row.forEach((cell, i) => {
      if (cell === undefined || (cell.value === null && cell.style === undefined)) return;
      const target = row.getCell(i + 1);
      target.value = cell.value;
      target.style = cell.style ?? PLAIN_STYLE;
    });
    row.commit();
    this.sinceCheck += 1;
    if (this.sinceCheck >= 256) {
      this.sinceCheck = 0;
      this.check();
      await this.room();
    }
  }

  /**
   * Lets the writer catch up: exceljs commits rows into its zip without waiting, so the rows
   * wait here while the file stream (ours, public) holds more than a few megabytes, and yield
   * to the event loop so that the zip can deflate what it has.
   */
  private async room(): Promise<void> {
    const stream = this.stream;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (stream !== undefined && stream.writableLength > ROOM_BYTES) await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
  }

  async finish(tally: Tally): Promise<void> {
    const table = this.table;
    if (this.writer === undefined || this.sheet === undefined || table === undefined) return;
    const header = table.header;
    const columns = [...header.mapping.columns.map((c) => c.column), ...header.mapping.ignored.map((c) => c.column)];
    const firstColumn = columns.length === 0 ? 0 : Math.min(...columns);
    const lastColumn = Math.max(this.lastColumn, header.resultColumn + RESULT_HEADERS.length + (this.gate?.width ?? 0) - 1);
    this.sheet.autoFilter = `${columnLetters(firstColumn)}${header.rowNumber}:${columnLetters(lastColumn)}${Math.max(this.lastRow, header.rowNumber)}`;
    this.sheet.commit();
    const summary = this.writer.addWorksheet(this.sheetName === SUMMARY_SHEET ? `${SUMMARY_SHEET} 2` : SUMMARY_SHEET, {
      pageSetup: PAGE_SETUP,
      headerFooter: { oddFooter: FOOTER_TEXT },
    });
    // The cells are named in this workbook's sheet, not after the CSV file.
    writeSummary(
      summary,
      tally.summary,
      this.source,
      true,
      this.gate === undefined ? sheetReading(table.header, tally, this.sheetName) : this.gate.withChanges(sheetReading(table.header, tally, this.sheetName)),
    );
    summary.commit();
    this.check();
    try {
      await this.writer.commit();
    } catch (error) {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
    }
    this.check();
  }

  async abort(): Promise<void> {
    const stream = this.stream;
    if (stream === undefined || stream.closed) return;
    await new Promise<void>((resolve) => {
      stream.once("close", () => resolve());
      stream.destroy();
    });
  }
}

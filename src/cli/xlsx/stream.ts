/**
 * The streaming path for large workbooks: exceljs's WorkbookReader feeds rows
 * one at a time to a WorkbookWriter (or to a CSV/JSON table output), so memory
 * stays flat however long the sheet is. What this path cannot carry over is
 * listed in docs/cli.md.
 */
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { SUMMARY_SHEET, SUMMARY_TITLE, cellText, type CellValue } from "../../core";
import { fileError, outputFailure } from "../errors";
import type { ClassifyJob, ClassifyReport, RowResult, RowRole, TableOutput } from "../classify/job";
import { placeResults } from "../classify/place";
import { chooseHeader, headerRowsNeeded, sheetReading, TableClassifier, type HeaderChoice } from "../classify/table";
import { HEADER_SCAN_ROWS } from "../commands";
import { heapGuard } from "../memory";
import { waitForRoom } from "./backpressure";
import { isBlankCell, plainCell, rawCellValue } from "./cells";
import { RowXmlWriter, writeSheetRow, type PlainCell } from "./row-xml";
import { addSharingWorksheet, shareResultStrings, type ResultStrings } from "./result-strings";
import { peekSheetHead, watchHiddenRows, type SheetHead } from "./sheet-head";
import { RESULT_HEADER_STYLE, RESULT_WIDTHS, partResultCells, resultHeaderCells, styleOrPlain, uniqueSheetName, writeSummary } from "./style";

/** The parts of exceljs's streaming reader this path uses (its typings do not describe them). */
interface ReaderCell {
  readonly type?: number;
  readonly value: unknown;
  readonly result?: unknown;
  readonly style: Partial<ExcelJS.Style> | undefined;
}
interface ReaderRow {
  readonly number: number;
  readonly height?: number;
  readonly _cells?: readonly (ReaderCell | undefined)[];
  eachCell(callback: (cell: ReaderCell, column: number) => void): void;
}
interface ReaderSheet extends AsyncIterable<ReaderRow> {
  readonly name: string;
  readonly state?: string;
  iterator: AsyncIterable<Buffer | string>;
}
interface ReaderBook extends AsyncIterable<ReaderSheet> {
  readonly model?: { readonly sheets?: readonly { readonly name?: string }[] };
}

/** A cell as it will be written: value and style. */
interface CellRecord {
  readonly value: unknown;
  readonly style: Partial<ExcelJS.Style> | undefined;
}

export const READER_OPTIONS = { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", entries: "ignore" } as const;
export const WRITER_OPTIONS = { useStyles: true, useSharedStrings: false } as const;

export type StreamOutput = { readonly kind: "xlsx"; readonly file: string; readonly shown: string } | { readonly kind: "table"; readonly table: TableOutput };

function cellsOf(row: ReaderRow): (ReaderCell | undefined)[] {
  if (Array.isArray(row._cells)) return row._cells as (ReaderCell | undefined)[];
  const cells: (ReaderCell | undefined)[] = [];
  row.eachCell((cell, column) => {
    cells[column - 1] = cell;
  });
  return cells;
}

/** A value the writer can store: shared-formula copies become their result, a lost error result is dropped. */
export function writableValue(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "object" || value === null || !("formula" in value)) return value;
  const f = value as { formula?: unknown; result?: unknown };
  const result = typeof f.result === "number" && !Number.isFinite(f.result) ? undefined : f.result;
  if (typeof f.formula !== "string" || f.formula === "") return result ?? null;
  return result === undefined ? { formula: f.formula } : { formula: f.formula, result };
}

function plainRow(cells: readonly (ReaderCell | undefined)[]): CellValue[] {
  const values: CellValue[] = new Array<CellValue>(cells.length);
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i];
    values[i] = cell === undefined ? null : plainCell(rawCellValue(cell));
  }
  return values;
}

function sameSheetName(a: string, b: string): boolean {
  return a === b || a.trim().toLowerCase() === b.trim().toLowerCase();
}

function readProblem(shown: string, error: unknown): Error {
  if (error instanceof Error && error.name === "CliError") return error;
  const detail = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
  return fileError("corrupt", shown, `is damaged or not a valid .xlsx workbook and cannot be read (${detail.slice(0, 120)})`);
}

const hasValue = (cell: CellRecord | undefined): boolean => cell !== undefined && !isBlankCell(plainCell(cell.value));


class SheetCopy {
  private sheet: ExcelJS.Worksheet | undefined;
  private rowsSinceCheck = 0;
  private rowXml: RowXmlWriter | undefined;
  private readonly heap = heapGuard();

  constructor(
    private readonly writer: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly name: string,
    private readonly state: string | undefined,
    private readonly head: () => SheetHead,
    private readonly hiddenRows: ReadonlySet<number>,
    private readonly resultColumn?: number,
  ) {}

  private open(): ExcelJS.Worksheet {
    if (this.sheet !== undefined) return this.sheet;
    const head = this.head();
    const views = head.frozen === undefined ? undefined : [{ state: "frozen" as const, xSplit: head.frozen.columns, ySplit: head.frozen.rows }];
    const sheet = addSharingWorksheet(this.writer, this.name, {
      ...(this.state === undefined ? {} : { state: this.state as ExcelJS.WorksheetState }),
      ...(views === undefined ? {} : { views }),
    });
    for (const format of head.columns ?? []) {
      // A range to the last column (Excel writes max="16384" for "all the rest") only sets what is used.
      const last = Math.min(format.max, format.min + 1024);
      for (let c = format.min; c <= last; c += 1) {
        const column = sheet.getColumn(c);
        if (format.width !== undefined) column.width = format.width;
        if (format.hidden) column.hidden = true;
      }
    }
    if (this.resultColumn !== undefined) {
      RESULT_WIDTHS.forEach((width, i) => {
        const column = sheet.getColumn((this.resultColumn ?? 0) + i + 1);
        if (column.width === undefined) column.width = width;
      });
    }
    this.sheet = sheet;
    this.rowXml = new RowXmlWriter(sheet);
    return sheet;
  }

  async write(number: number, height: number | undefined, cells: readonly (CellRecord | undefined)[]): Promise<void> {
    const sheet = this.open();
    const plain: (PlainCell | undefined)[] = new Array<PlainCell | undefined>(cells.length);
    for (let i = 0; i < cells.length; i += 1) {
      const record = cells[i];
      if (record === undefined || (record.style === undefined && (record.value === null || record.value === undefined))) continue;
      plain[i] = { value: writableValue(rawCellValue(record)), style: styleOrPlain(record.style) };
    }
    const tall = height !== undefined && Number.isFinite(height) ? height : undefined;
    writeSheetRow(sheet, this.rowXml, number, tall, this.hiddenRows.has(number), plain);
    this.heap.tick();
    this.rowsSinceCheck += 1;
    if (this.rowsSinceCheck >= 256) {
      this.rowsSinceCheck = 0;
      await waitForRoom(this.sheet);
    }
  }

  finish(): void {
    this.open().commit();
  }
}

interface TargetState {
  readonly sheetName: string;
  readonly header: HeaderChoice;
  readonly table: TableClassifier;
  rows: number;
}

/** Classifies one sheet of a workbook read as a stream, copying every other sheet when the output is a workbook. */
export async function classifyStreaming(job: ClassifyJob, output: StreamOutput): Promise<ClassifyReport> {
  const source = createReadStream(job.input);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, READER_OPTIONS) as unknown as ReaderBook;
  let fileStream: WriteStream | undefined;
  let writer: ExcelJS.stream.xlsx.WorkbookWriter | undefined;
  let strings: ResultStrings | undefined;
  let writeFailure: Error | undefined;
  if (output.kind === "xlsx") {
    fileStream = createWriteStream(output.file);
    fileStream.on("error", (error) => {
      writeFailure ??= error;
    });
    writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: fileStream, ...WRITER_OPTIONS });
    strings = shareResultStrings(writer);
  }
  const checkWrite = (): void => {
    if (writeFailure !== undefined) throw outputFailure(writeFailure, output.kind === "xlsx" ? output.shown : "output");
  };

  let target: TargetState | undefined;
  const sheetNames: string[] = [];
  let checkedNames = false;
  let firstProblem: string | undefined;
  const where = (name: string): string => `sheet "${name}"`;

  const processSheet = async (sheet: ReaderSheet): Promise<void> => {
    let head: SheetHead = {};
    const hiddenRows = new Set<number>();
    let complete = true;
    sheet.iterator = watchHiddenRows(
      peekSheetHead(sheet.iterator, (found) => {
        head = found;
      }),
      hiddenRows,
      (whole) => {
        complete = whole;
      },
    );
    const checkComplete = (): void => {
      if (!complete) throw fileError("corrupt", job.inputShown, `is damaged: the XML of sheet "${sheet.name}" breaks off before its end`);
    };
    const candidate = target === undefined && (job.sheet === undefined ? sheet.name !== SUMMARY_SHEET : sameSheetName(sheet.name, job.sheet));
    const copyOf = (resultColumn?: number): SheetCopy | undefined =>
      writer === undefined ? undefined : new SheetCopy(writer, sheet.name, sheet.state, () => head, hiddenRows, resultColumn);

    if (!candidate) {
      if (writer === undefined) return;
      let copy: SheetCopy | undefined;
      for await (const row of sheet) {
        const cells = cellsOf(row);
        if (copy === undefined) {
          if (sheet.name === SUMMARY_SHEET && row.number === 1 && cellText(plainCell(cells[0]?.value)).trim() === SUMMARY_TITLE) return;
          copy = copyOf();
          sheetNames.push(sheet.name);
        }
        await copy?.write(row.number, row.height, cells);
        job.progress.tick();
      }
      checkComplete();
      if (copy === undefined) {
        copy = copyOf();
        sheetNames.push(sheet.name);
      }
      copy?.finish();
      checkWrite();
      return;
    }

    sheetNames.push(sheet.name);
    // The header is chosen on the rows read so far: the scanned rows (or up to --header-row) and the rows under them that may decide between two columns.
    const limit = headerRowsNeeded(job.headerRow, HEADER_SCAN_ROWS);
    const buffered: { number: number; height: number | undefined; cells: (ReaderCell | undefined)[]; values: CellValue[] }[] = [];
    let mode: "buffering" | "target" | "plain" = "buffering";
    let copy: SheetCopy | undefined;
    let state: TargetState | undefined;

    const roleOf = (number: number, header: HeaderChoice): RowRole => (number < header.rowNumber ? "above" : number === header.rowNumber ? "header" : "data");

    interface Queued {
      readonly number: number;
      readonly height: number | undefined;
      readonly cells: readonly (ReaderCell | undefined)[];
      readonly values: readonly CellValue[];
      readonly data: boolean;
    }

    const writeRow = async (row: Queued, outcome: RowResult | undefined): Promise<void> => {
      const s = state as TargetState;
      const { number, height, cells, values } = row;
      const role = roleOf(number, s.header);
      s.rows += 1;
      job.progress.tick();
      if (output.kind === "table") {
        await output.table.row(number, values, role, outcome);
        return;
      }
      let results: CellRecord[] | undefined;
      if (role === "header") {
        const lastHeader = cells[Math.max(0, s.header.resultColumn - 1)];
        const style = lastHeader !== undefined && Object.keys(lastHeader.style ?? {}).length > 0 ? lastHeader.style : RESULT_HEADER_STYLE;
        results = resultHeaderCells(style, strings);
      } else if (outcome !== undefined && outcome.kind === "part") results = partResultCells(outcome.cells, outcome.stage, strings);
      const placed = placeResults<CellRecord | undefined>(cells, results, { resultColumn: s.header.resultColumn, rewrite: s.header.rewrite, blank: undefined, hasValue });
      if (placed.displaced && role === "data") s.table.displaced(number);
      await copy?.write(number, height, placed.row);
    };

    const targetRow = async (number: number, height: number | undefined, cells: readonly (ReaderCell | undefined)[], values: readonly CellValue[]): Promise<void> => {
      const s = state as TargetState;
      const data = roleOf(number, s.header) === "data";
      await writeRow({ number, height, cells, values, data }, data ? s.table.result(number, values, output.kind === "table" && output.table.needsJson) : undefined);
    };

    const decide = async (): Promise<void> => {
      const grid: CellValue[][] = [];
      for (const row of buffered) grid[row.number - 1] = row.values;
      for (let i = 0; i < grid.length; i += 1) grid[i] ??= [];
      const choice = chooseHeader(grid, { headerRow: job.headerRow, scan: HEADER_SCAN_ROWS, declaredWidth: head.width, where: where(sheet.name), choices: job.mapping.choices });
      if (choice.ok) {
        mode = "target";
        state = { sheetName: sheet.name, header: choice.value, table: new TableClassifier(sheet.name, choice.value, job.thresholds, job.maxNotes), rows: 0 };
        target = state;
        copy = copyOf(choice.value.rewrite ? undefined : choice.value.resultColumn);
        if (output.kind === "table") await output.table.begin(state.table);
      } else {
        if (job.sheet !== undefined || job.headerRow !== undefined) throw fileError(choice.issue.code, job.inputShown, choice.issue.message);
        firstProblem ??= choice.issue.message;
        mode = "plain";
        copy = copyOf();
      }
      for (const row of buffered) {
        if (mode === "target") await targetRow(row.number, row.height, row.cells, row.values);
        else await copy?.write(row.number, row.height, row.cells);
      }
      buffered.length = 0;
    };

    for await (const row of sheet) {
      const cells = cellsOf(row);
      if (mode === "buffering") {
        buffered.push({ number: row.number, height: row.height, cells, values: plainRow(cells) });
        if (row.number >= limit) await decide();
      } else if (mode === "target") {
        await targetRow(row.number, row.height, cells, plainRow(cells));
      } else {
        await copy?.write(row.number, row.height, cells);
        job.progress.tick();
      }
      checkWrite();
    }
    checkComplete();
    if (mode === "buffering") await decide();
    copy?.finish();
    checkWrite();
  };

  try {
    try {
      for await (const sheet of reader) {
        if (!checkedNames) {
          checkedNames = true;
          const names = (reader.model?.sheets ?? []).map((s) => s.name ?? "");
          if (job.sheet !== undefined && names.length > 0 && !names.some((n) => sameSheetName(n, job.sheet ?? ""))) {
            throw fileError("sheet-not-found", job.inputShown, `has no sheet "${job.sheet}"; its sheets are ${names.map((n) => `"${n}"`).join(", ")}`);
          }
        }
        await processSheet(sheet);
      }
    } catch (error) {
      throw readProblem(job.inputShown, error);
    }
    if (target === undefined) {
      const names = (reader.model?.sheets ?? []).map((s) => s.name ?? "");
      if (job.sheet !== undefined) {
        throw fileError("sheet-not-found", job.inputShown, `has no sheet "${job.sheet}"${names.length > 0 ? `; its sheets are ${names.map((n) => `"${n}"`).join(", ")}` : ""}`);
      }
      if (names.length === 0 && sheetNames.length === 0) throw fileError("no-sheets", job.inputShown, "the workbook has no worksheets");
      const shownNames = names.filter((n) => n !== SUMMARY_SHEET);
      throw fileError(
        "no-header-row",
        job.inputShown,
        shownNames.length === 1 && firstProblem !== undefined
          ? firstProblem
          : `no header row found in the first ${HEADER_SCAN_ROWS} rows of any sheet (${shownNames.map((n) => `"${n}"`).join(", ")}); expected headers such as Design, Material, Qty (see part-readiness criteria)`,
      );
    }
    const found: TargetState = target;
    const tally = found.table.tally();
    if (writer !== undefined) {
      const summary = writer.addWorksheet(uniqueSheetName(SUMMARY_SHEET, sheetNames));
      writeSummary(summary, tally.summary, `${found.sheetName} (${path.basename(job.input)})`, true, sheetReading(found.header, tally, found.sheetName));
      summary.commit();
      await writer.commit();
      checkWrite();
    } else if (output.kind === "table") {
      await output.table.finish(tally);
    }
    return { sheetName: found.sheetName, header: found.header, tally, rows: found.rows, path: "streaming" };
  } finally {
    source.destroy();
    if (fileStream !== undefined && !fileStream.closed) {
      await new Promise<void>((resolve) => {
        fileStream?.end(() => resolve());
        fileStream?.once("error", () => resolve());
      });
    }
  }
}

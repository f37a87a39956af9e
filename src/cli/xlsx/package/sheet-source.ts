/**
 * Which worksheet classify reads, and its rows as a row source. The chosen
 * sheet is surveyed first, to its end, for the columns its cells use (results
 * go right of every cell that holds something, never over one) and its last
 * row; then it is read again, row by row, as the driver asks.
 */
import { SUMMARY_SHEET, SUMMARY_TITLE, cellText, type CellValue } from "../../../core";
import type { RowSource, SourceRow } from "../../classify/driver";
import { chooseHeader, headerRowsNeeded, type HeaderChoice, type HeaderProblem } from "../../classify/table";
import type { UserMapping } from "../../classify/mapping";
import { HEADER_SCAN_ROWS } from "../../commands";
import { fileError } from "../../errors";
import { hasOwnPrintSetup } from "../parts/sheet-edits";
import type { OpenPackage } from "./open";
import { scanSheet, type ScannedRow, type ScanOptions, type SheetPiece } from "./sheet-rows";
import type { SheetInfo } from "./workbook-info";
import { decodeStream, type XmlEncoding } from "./xml-text";
import { contentStream } from "./zip-read";

export interface Survey {
  /** Past the last column that holds something, in any row. */
  readonly usedWidth: number;
  /** Past the last column with any cell, a bare styled one included. */
  readonly cellWidth: number;
  readonly lastRow: number;
  readonly rows: number;
  /** The sheet sets up its printing itself (parts/sheet-edits hasOwnPrintSetup). */
  readonly pageSetup: boolean;
}

export interface ChosenSheet {
  readonly sheet: SheetInfo & { readonly entry: NonNullable<SheetInfo["entry"]> };
  readonly header: HeaderChoice;
  readonly survey: Survey;
}

export interface SheetRow extends SourceRow {
  readonly scanned: ScannedRow;
  /** The sheet's text between the previous row and this one. */
  readonly before: string;
}

export interface SheetChoice {
  readonly sheet: string | undefined;
  readonly headerRow: number | undefined;
  readonly mapping: UserMapping;
  readonly inputShown: string;
}

export async function* sheetPieces(pkg: OpenPackage, sheet: ChosenSheet["sheet"], options: ScanOptions, encoding?: (found: XmlEncoding) => void): AsyncGenerator<SheetPiece> {
  yield* scanSheet(decodeStream(await contentStream(pkg.file, pkg.handle, sheet.entry), encoding), options);
}

function ownPrintSetup(head: string, tail: string): boolean {
  try {
    return hasOwnPrintSetup(head, tail);
  } catch {
    return true;
  }
}

const where = (name: string): string => `sheet "${name}"`;

function sameSheetName(a: string, b: string): boolean {
  return a === b || a.trim().toLowerCase() === b.trim().toLowerCase();
}

interface Attempt {
  readonly result: { ok: true; value: HeaderChoice } | { ok: false; issue: HeaderProblem } | undefined;
  readonly survey?: Survey;
}

/** Reads a sheet's first rows, chooses its header and, when there is one, surveys the rest. Undefined result: an earlier run's summary sheet. */
async function attempt(pkg: OpenPackage, sheet: ChosenSheet["sheet"], choice: SheetChoice, skipOwnSummary: boolean): Promise<Attempt> {
  const limit = headerRowsNeeded(choice.headerRow, HEADER_SCAN_ROWS);
  const options: ScanOptions = { values: pkg.values };
  const grid: (readonly CellValue[])[] = [];
  let usedWidth = 0;
  let cellWidth = 0;
  let lastRow = 0;
  let rows = 0;
  let pageSetup = false;
  let head = "";
  type Choice = { ok: true; value: HeaderChoice } | { ok: false; issue: HeaderProblem };
  let first: Choice | undefined;
  const decide = (): Choice => {
    for (let i = 0; i < grid.length; i += 1) grid[i] ??= [];
    return chooseHeader(grid, { headerRow: choice.headerRow, scan: HEADER_SCAN_ROWS, where: where(sheet.name), choices: choice.mapping.choices });
  };
  for await (const piece of sheetPieces(pkg, sheet, options)) {
    if (piece.kind === "head") head = piece.text;
    if (piece.kind === "tail") pageSetup = ownPrintSetup(head, piece.text);
    if (piece.kind !== "row") continue;
    const row = piece.row;
    rows += 1;
    lastRow = Math.max(lastRow, row.number);
    for (const cell of row.cells) {
      cellWidth = Math.max(cellWidth, cell.column + 1);
      if (cell.occupied) usedWidth = Math.max(usedWidth, cell.column + 1);
    }
    if (first !== undefined) continue;
    if (row.values !== undefined) grid[row.number - 1] = row.values;
    if (skipOwnSummary && sheet.name === SUMMARY_SHEET && row.number === 1 && cellText(row.values?.[0]).trim() === SUMMARY_TITLE) return { result: undefined };
    if (row.number >= limit) {
      first = decide();
      options.values = undefined;
      if (!first.ok) return { result: first };
    }
  }
  const chosen = first ?? decide();
  if (!chosen.ok) return { result: chosen };
  const result = chooseHeader(grid, { headerRow: choice.headerRow, scan: HEADER_SCAN_ROWS, declaredWidth: usedWidth, where: where(sheet.name), choices: choice.mapping.choices });
  return { result, survey: { usedWidth, cellWidth, lastRow, rows, pageSetup } };
}

/** An earlier run's summary sheet: named so, with the summary's title in A1. */
export async function isOwnSummary(pkg: OpenPackage, sheet: ChosenSheet["sheet"]): Promise<boolean> {
  if (sheet.name !== SUMMARY_SHEET) return false;
  for await (const piece of sheetPieces(pkg, sheet, { values: pkg.values })) {
    if (piece.kind === "row") return piece.row.number === 1 && cellText(piece.row.values?.[0]).trim() === SUMMARY_TITLE;
  }
  return false;
}

const namesOf = (sheets: readonly SheetInfo[]): string => sheets.map((s) => `"${s.name}"`).join(", ");

/** The worksheet to classify: --sheet's, or the first with a header row (an earlier run's summary sheet aside). */
export async function chooseSheet(pkg: OpenPackage, choice: SheetChoice): Promise<ChosenSheet> {
  const worksheets = pkg.workbook.sheets.filter((s): s is ChosenSheet["sheet"] => s.kind === "worksheet" && s.entry !== undefined);
  if (choice.sheet !== undefined) {
    const wanted = choice.sheet;
    const sheet = worksheets.find((s) => s.name === wanted) ?? worksheets.find((s) => sameSheetName(s.name, wanted));
    if (sheet === undefined) throw fileError("sheet-not-found", choice.inputShown, `has no sheet "${wanted}"; its sheets are ${namesOf(worksheets)}`);
    const tried = await attempt(pkg, sheet, choice, false);
    if (tried.result === undefined || !tried.result.ok || tried.survey === undefined) {
      const issue = tried.result !== undefined && !tried.result.ok ? tried.result.issue : { code: "no-header-row" as const, message: `no header row in ${where(sheet.name)}` };
      throw fileError(issue.code, choice.inputShown, issue.message);
    }
    return { sheet, header: tried.result.value, survey: tried.survey };
  }
  let firstProblem: HeaderProblem | undefined;
  const candidates: SheetInfo[] = [];
  for (const sheet of worksheets) {
    const tried = await attempt(pkg, sheet, choice, true);
    if (tried.result === undefined) continue;
    candidates.push(sheet);
    if (tried.result.ok && tried.survey !== undefined) return { sheet, header: tried.result.value, survey: tried.survey };
    if (!tried.result.ok) {
      if (choice.headerRow !== undefined) throw fileError(tried.result.issue.code, choice.inputShown, tried.result.issue.message);
      firstProblem ??= tried.result.issue;
    }
  }
  if (candidates.length === 1 && firstProblem !== undefined) throw fileError(firstProblem.code, choice.inputShown, firstProblem.message);
  throw fileError(
    "no-header-row",
    choice.inputShown,
    `no header row found in the first ${HEADER_SCAN_ROWS} rows of any sheet (${namesOf(candidates)}); expected headers such as Design, Material, Qty (see part-readiness criteria)`,
  );
}

/** The chosen sheet's rows, for the driver; its head and tail are kept for the sink. */
export class SheetRowSource implements RowSource<SheetRow> {
  readonly sheetName: string;
  readonly where: string;
  readonly declaredWidth: number;
  head: string | undefined;
  /** The text between the last row and `</sheetData>`, and the tail from there. */
  trailing = "";
  tail: string | undefined;
  encoding: XmlEncoding = "utf-8";

  constructor(private readonly pkg: OpenPackage, private readonly chosen: ChosenSheet) {
    this.sheetName = chosen.sheet.name;
    this.where = where(chosen.sheet.name);
    this.declaredWidth = chosen.survey.usedWidth;
  }

  async *rows(): AsyncGenerator<SheetRow> {
    let before = "";
    for await (const piece of sheetPieces(this.pkg, this.chosen.sheet, { values: this.pkg.values }, (e) => {
      this.encoding = e;
    })) {
      switch (piece.kind) {
        case "head":
          this.head = piece.text;
          break;
        case "text":
          before += piece.text;
          break;
        case "tail":
          this.trailing = before;
          this.tail = piece.text;
          before = "";
          break;
        case "row":
          yield { number: piece.row.number, values: piece.row.values ?? [], scanned: piece.row, before };
          before = "";
          break;
      }
    }
  }
}

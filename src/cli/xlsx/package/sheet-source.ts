/**
 * Which worksheet classify reads, and its rows as a row source. The header is
 * chosen on the first rows, with the width the sheet's dimension declares;
 * when a later row holds something where the results were to go, the engine
 * surveys the whole sheet (usedWidth) and reads it again.
 */
import { SUMMARY_SHEET, SUMMARY_TITLE, cellText, type CellValue } from "../../../core";
import type { RowSource, SourceRow } from "../../classify/driver";
import { chooseHeader, headerRowsNeeded, type HeaderChoice, type HeaderProblem } from "../../classify/table";
import type { UserMapping } from "../../classify/mapping";
import { HEADER_SCAN_ROWS } from "../../commands";
import { fileError } from "../../errors";
import type { OpenPackage } from "./open";
import { columnOf, scanSheet, scanSheetBatches, type ScannedRow, type ScanOptions, type SheetPiece } from "./sheet-rows";
import type { SheetInfo } from "./workbook-info";
import { decodeStream, type XmlEncoding } from "./xml-text";
import { contentStream } from "./zip-read";

export interface ChosenSheet {
  readonly sheet: SheetInfo & { readonly entry: NonNullable<SheetInfo["entry"]> };
  readonly header: HeaderChoice;
  /** The width the header was chosen with: the sheet's dimension, when it has a usable one. */
  readonly declaredWidth: number | undefined;
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

export async function* sheetPieces(
  pkg: OpenPackage,
  sheet: ChosenSheet["sheet"],
  options: ScanOptions,
  encoding?: (found: XmlEncoding) => void,
): AsyncGenerator<SheetPiece> {
  yield* scanSheet(decodeStream(await contentStream(pkg.file, pkg.handle, sheet.entry), encoding), options);
}

const DIMENSION = /<(?:[\w.-]+:)?dimension\b[^>]*?\bref\s*=\s*["']([^"']*)["']/u;
/** Excel's last column, 0-based; a dimension that reaches past this leaves no room for results. */
const LAST_USABLE_COLUMN = 16_384 - 5 - 1;

/** Columns the sheet's <dimension> says it uses; undefined when it has none or one with no room right of it. */
export function dimensionWidth(head: string): number | undefined {
  const ref = DIMENSION.exec(head)?.[1];
  if (ref === undefined) return undefined;
  const last = ref.split(":").pop() ?? "";
  const column = columnOf(last.replace(/\$/gu, ""));
  return column < 0 || column > LAST_USABLE_COLUMN ? undefined : column + 1;
}

/** Past the last column that holds something, in any row of the sheet. */
export async function usedWidth(pkg: OpenPackage, sheet: ChosenSheet["sheet"]): Promise<number> {
  let width = 0;
  for await (const piece of sheetPieces(pkg, sheet, { values: undefined })) {
    if (piece.kind !== "row") continue;
    for (const cell of piece.row.cells) if (cell.occupied && cell.column >= width) width = cell.column + 1;
  }
  return width;
}

const where = (name: string): string => `sheet "${name}"`;

function sameSheetName(a: string, b: string): boolean {
  return a === b || a.trim().toLowerCase() === b.trim().toLowerCase();
}

interface Attempt {
  readonly result: { ok: true; value: HeaderChoice } | { ok: false; issue: HeaderProblem } | undefined;
  readonly declaredWidth?: number;
}

/** Reads a sheet's first rows and chooses its header. Undefined result: an earlier run's summary sheet. */
async function attempt(pkg: OpenPackage, sheet: ChosenSheet["sheet"], choice: SheetChoice, skipOwnSummary: boolean): Promise<Attempt> {
  const limit = headerRowsNeeded(choice.headerRow, HEADER_SCAN_ROWS);
  const grid: (readonly CellValue[])[] = [];
  let declaredWidth: number | undefined;
  const decide = (): Attempt => {
    for (let i = 0; i < grid.length; i += 1) grid[i] ??= [];
    return {
      result: chooseHeader(grid, {
        headerRow: choice.headerRow,
        scan: HEADER_SCAN_ROWS,
        declaredWidth,
        where: where(sheet.name),
        choices: choice.mapping.choices,
      }),
      declaredWidth,
    };
  };
  for await (const piece of sheetPieces(pkg, sheet, { values: pkg.values })) {
    if (piece.kind === "head") declaredWidth = dimensionWidth(piece.text);
    if (piece.kind !== "row") continue;
    const row = piece.row;
    if (row.values !== undefined) grid[row.number - 1] = row.values;
    if (skipOwnSummary && sheet.name === SUMMARY_SHEET && row.number === 1 && cellText(row.values?.[0]).trim() === SUMMARY_TITLE) return { result: undefined };
    if (row.number >= limit) return decide();
  }
  return decide();
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
    if (tried.result === undefined || !tried.result.ok) {
      const issue =
        tried.result !== undefined && !tried.result.ok
          ? tried.result.issue
          : { code: "no-header-row" as const, message: `no header row in ${where(sheet.name)}` };
      throw fileError(issue.code, choice.inputShown, issue.message);
    }
    return { sheet, header: tried.result.value, declaredWidth: tried.declaredWidth };
  }
  let firstProblem: HeaderProblem | undefined;
  const candidates: SheetInfo[] = [];
  for (const sheet of worksheets) {
    const tried = await attempt(pkg, sheet, choice, true);
    if (tried.result === undefined) continue;
    candidates.push(sheet);
    if (tried.result.ok) return { sheet, header: tried.result.value, declaredWidth: tried.declaredWidth };
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
  readonly declaredWidth: number | undefined;
  head: string | undefined;
  /** The text between the last row and `</sheetData>`, and the tail from there. */
  trailing = "";
  tail: string | undefined;
  encoding: XmlEncoding = "utf-8";

  constructor(
    private readonly pkg: OpenPackage,
    private readonly sheet: ChosenSheet["sheet"],
    declaredWidth: number | undefined,
  ) {
    this.sheetName = sheet.name;
    this.where = where(sheet.name);
    this.declaredWidth = declaredWidth;
  }

  async *rows(): AsyncGenerator<SheetRow> {
    for await (const batch of this.batches()) yield* batch;
  }

  async *batches(): AsyncGenerator<SheetRow[]> {
    let before = "";
    const chunks = decodeStream(await contentStream(this.pkg.file, this.pkg.handle, this.sheet.entry), (e) => {
      this.encoding = e;
    });
    for await (const pieces of scanSheetBatches(chunks, { values: this.pkg.values })) {
      const rows: SheetRow[] = [];
      for (const piece of pieces) {
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
            rows.push({ number: piece.row.number, values: piece.row.values ?? [], scanned: piece.row, before });
            before = "";
            break;
        }
      }
      if (rows.length > 0) yield rows;
    }
  }
}

import {
  CHANGE_HEADER,
  NO_CHOICES,
  RESULT_HEADERS,
  cellText,
  fail,
  findHeaderRow,
  headerRowMiss,
  headerRowMissText,
  mapHeaders,
  ok,
  type ColumnChoices,
  type HeaderMapping,
  type Result,
} from "../core";
import { sheetCell, sheetRect, type Rect } from "./a1";

/** Excel's last column is XFD, index 16,383. */
const SHEET_COLUMNS = 16_384;
/** How many rows from the top of a list findHeaderRow looks at. */
export const HEADER_SCAN_ROWS = 50;

/** The range "Classify list" works on: the Excel table around the selection, or its current region. */
export interface ListBlock {
  readonly sheet: string;
  readonly rect: Rect;
  /** The table's name when the list is an Excel table. */
  readonly table: string | undefined;
  /** A table whose first row is its header row. */
  readonly tableHeader: boolean;
}

/** Where the five result columns go. */
export interface ResultPlace {
  /** Absolute column of "Stage". */
  readonly column: number;
  /** A previous run made these columns (their headers are the result headers): they may be rewritten. */
  readonly existing: boolean;
  /** The columns are part of the list's range (a table or region that grew to hold them). */
  readonly inside: boolean;
  /** An earlier run also wrote the Change column, just right of the five (its header is "Change"). */
  readonly change: boolean;
}

export interface ListPlan {
  readonly block: ListBlock;
  /** Absolute row of the header row. */
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly dataRows: number;
  /** The header row over the list's columns, with result columns blanked so they are never read as criteria. */
  readonly headers: readonly string[];
  /** The rows read below the header row (up to HEADER_SCAN_ROWS from the list's top), over the list's columns: they decide between two columns of one criterion. */
  readonly sample: readonly (readonly unknown[])[];
  readonly mapping: HeaderMapping;
  readonly results: ResultPlace;
}

export const LIST_ISSUES = ["empty", "no-header", "no-rows", "no-room"] as const;
export type ListIssueCode = (typeof LIST_ISSUES)[number];

export interface ListIssue {
  readonly code: ListIssueCode;
  readonly message: string;
}

const norm = (v: unknown): string => cellText(v).trim().toLowerCase();
const RESULT_KEYS = RESULT_HEADERS.map((h) => h.toLowerCase());

/** The first column where the five result headers stand in order, or -1. */
export function findResultColumns(headerRow: readonly unknown[]): number {
  for (let p = 0; p + RESULT_KEYS.length <= headerRow.length; p += 1) {
    if (RESULT_KEYS.every((key, i) => norm(headerRow[p + i]) === key)) return p;
  }
  return -1;
}

/** How many columns an earlier run wrote from `at`: the five results, and the Change column when its header follows them. */
export function resultWidth(headerRow: readonly unknown[], at: number): number {
  return at >= 0 && norm(headerRow[at + RESULT_KEYS.length]) === CHANGE_HEADER.toLowerCase() ? RESULT_KEYS.length + 1 : RESULT_KEYS.length;
}

/**
 * Lays out a list from its top rows: `top` starts at the list's first row and
 * spans its columns plus up to six columns to its right (where results and the Change column go).
 * The user's column choices, and the rows below the header, go to the core's mapping.
 */
export function planList(block: ListBlock, top: readonly (readonly unknown[])[], choices: ColumnChoices = NO_CHOICES): Result<ListPlan, ListIssue> {
  const where = sheetRect(block.sheet, block.rect);
  const width = block.rect.columns;
  const allEmpty = top.every((row) => row.slice(0, width).every((v) => norm(v) === ""));
  if (allEmpty) {
    return fail({
      code: "empty",
      message: `${sheetCell(block.sheet, block.rect.row, block.rect.column)} is not in a list. Select a cell inside your part list first.`,
    });
  }

  let headerIndex: number;
  if (block.tableHeader) headerIndex = 0;
  else {
    const rows = top.map((row) => row.slice(0, width));
    const found = findHeaderRow(rows, HEADER_SCAN_ROWS, choices);
    if (!found) {
      const miss = headerRowMiss(rows, HEADER_SCAN_ROWS, choices);
      if (miss?.kind === "no-part-rows")
        return fail({ code: "no-rows", message: `The list ${where} has a header row (row ${block.rect.row + miss.index + 1}) but no part rows below it.` });
      const why = miss === undefined ? undefined : headerRowMissText(miss, (i) => `row ${block.rect.row + i + 1}`);
      return fail(noHeader(where, choices.size > 0 && findHeaderRow(rows, HEADER_SCAN_ROWS) !== undefined, why));
    }
    headerIndex = found.index;
  }
  const headerCells = top[headerIndex] ?? [];
  const resultAt = findResultColumns(headerCells.slice(0, width + RESULT_HEADERS.length));
  const existing = resultAt >= 0 && resultAt <= width;
  const inside = existing && resultAt < width;
  const written = existing ? resultWidth(headerCells, resultAt) : RESULT_HEADERS.length;
  const isResult = (c: number): boolean => existing && c >= resultAt && c < resultAt + written;
  const headers = Array.from({ length: width }, (_, c) => (isResult(c) ? "" : cellText(headerCells[c]).trim()));
  const sample = top.slice(headerIndex + 1).map((row) => row.slice(0, width));
  const mapping = mapHeaders(headers, { sample, choices });
  if (mapping.columns.length === 0) return fail(noHeader(where, choices.size > 0 && mapHeaders(headers, { sample }).columns.length > 0));

  const resultColumn = block.rect.column + (existing ? resultAt : width);
  // A list classified before gets a Change column too.
  if (resultColumn + RESULT_HEADERS.length + (existing ? 1 : 0) > SHEET_COLUMNS) {
    return fail({
      code: "no-room",
      message: `There is no room for the ${existing ? "five result columns and the Change column" : "five result columns"} to the right of ${where}.`,
    });
  }
  const headerRow = block.rect.row + headerIndex;
  const dataRows = block.rect.rows - headerIndex - 1;
  if (dataRows <= 0) {
    return fail({ code: "no-rows", message: `The list ${where} has a header row (row ${headerRow + 1}) but no part rows below it.` });
  }
  return ok({
    block,
    headerRow,
    firstDataRow: headerRow + 1,
    dataRows,
    headers,
    sample,
    mapping,
    results: { column: resultColumn, existing, inside, change: written > RESULT_HEADERS.length },
  });
}

/** The list's mapping under other column choices (the user changed one, or forgot them): the core's, from the same header row and rows. */
export function mappingFor(plan: ListPlan, choices: ColumnChoices): HeaderMapping {
  return mapHeaders(plan.headers, { sample: plan.sample, choices });
}

function noHeader(where: string, byChoices = false, why?: string): ListIssue {
  if (byChoices) {
    return {
      code: "no-header",
      message: `The column choices saved in this workbook leave no column of ${where} read as a criterion. Forget them in Settings, then classify again.`,
    };
  }
  return {
    code: "no-header",
    message: `No header row found in the first ${HEADER_SCAN_ROWS} rows of ${where}${why === undefined ? "" : `: ${why}`}. Expected headers such as Design status, Material, Qty or Pilot run (Insert template shows them all).`,
  };
}

/** The absolute rectangle the results are written to: the header row and every data row, five columns. */
export function resultRect(plan: ListPlan): Rect {
  return { row: plan.headerRow, column: plan.results.column, rows: plan.dataRows + 1, columns: RESULT_HEADERS.length };
}

/** The Change column (written when an earlier run left results to compare with): just right of the five, header row and every data row. */
export function changeRect(plan: ListPlan): Rect {
  return { row: plan.headerRow, column: plan.results.column + RESULT_HEADERS.length, rows: plan.dataRows + 1, columns: 1 };
}

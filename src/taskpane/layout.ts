import {
  CHANGE_HEADER,
  EXTRA_RESULT_HEADERS,
  NO_CHOICES,
  RESULT_HEADERS,
  cellText,
  extraResultHeaderCount,
  fail,
  findHeaderRow,
  gateHeaders,
  headerRowMiss,
  headerRowMissText,
  hierarchyOf,
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
  /** An earlier run also wrote the Change column, just right of the five and its other gate columns (its header is "Change"). */
  readonly change: boolean;
  /**
   * The gate-review columns an earlier run wrote just right of the five, as
   * their headers stand (Assembly stage, Limited by, Waived, Change, in that
   * order, those it needed); empty on a first run.
   */
  readonly earlier: readonly string[];
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

/**
 * The gate-review headers an earlier run wrote from `at`, right after the five
 * result headers: those of Assembly stage, Limited by, Waived and Change that
 * follow them, in that order, each once (case and spaces ignored), as the
 * core's extraResultHeaderCount reads them.
 */
export function earlierGateHeaders(headerRow: readonly unknown[], at: number): readonly string[] {
  if (at < 0) return [];
  const after = headerRow.slice(at + RESULT_KEYS.length, at + RESULT_KEYS.length + EXTRA_RESULT_HEADERS.length).map(norm);
  const count = extraResultHeaderCount(after, (cell, header) => cell === header.toLowerCase());
  return after.slice(0, count).map((text) => EXTRA_RESULT_HEADERS.find((h) => h.toLowerCase() === text) ?? text);
}

/** How many columns an earlier run wrote from `at`: the five results and the gate-review columns whose headers follow them. */
export function resultWidth(headerRow: readonly unknown[], at: number): number {
  return RESULT_KEYS.length + earlierGateHeaders(headerRow, at).length;
}

/**
 * The gate-review columns a run of the list with `mapping` may write after the
 * five: Assembly stage and Limited by for a Level or Parent column, Waived when
 * it has a justification column (written only if a part's waiver is justified),
 * Change from the second run on (written when the last run is recorded).
 */
export function possibleGateHeaders(mapping: HeaderMapping, rerun: boolean): readonly string[] {
  return gateHeaders({
    assemblies: hierarchyOf(mapping) !== undefined,
    waived: mapping.roles.some((r) => r.role === "justification"),
    change: rerun,
  });
}

/**
 * Lays out a list from its top rows: `top` starts at the list's first row and
 * spans its columns plus up to nine columns to its right (where the results and the gate-review columns go).
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
  const earlier = existing ? earlierGateHeaders(headerCells, resultAt) : [];
  const written = RESULT_HEADERS.length + earlier.length;
  const isResult = (c: number): boolean => existing && c >= resultAt && c < resultAt + written;
  const headers = Array.from({ length: width }, (_, c) => (isResult(c) ? "" : cellText(headerCells[c]).trim()));
  const sample = top.slice(headerIndex + 1).map((row) => row.slice(0, width));
  const mapping = mapHeaders(headers, { sample, choices });
  if (mapping.columns.length === 0) return fail(noHeader(where, choices.size > 0 && mapHeaders(headers, { sample }).columns.length > 0));

  const resultColumn = block.rect.column + (existing ? resultAt : width);
  // A list classified before may get a Change column too; a bill with a Level or Parent column gets Assembly stage and Limited by, one with waivers Waived.
  const needed = RESULT_HEADERS.length + Math.max(earlier.length, possibleGateHeaders(mapping, existing).length);
  if (resultColumn + needed > SHEET_COLUMNS) {
    return fail({
      code: "no-room",
      message: `There is no room for the ${needed === RESULT_HEADERS.length ? "five" : needed} result columns to the right of ${where}.`,
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
    results: { column: resultColumn, existing, inside, change: earlier.includes(CHANGE_HEADER), earlier },
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

/** The columns from the Stage column on that a run writing `headers` after the five fills: header row and every data row. */
export function writtenRect(plan: ListPlan, headers: readonly string[]): Rect {
  return { row: plan.headerRow, column: plan.results.column, rows: plan.dataRows + 1, columns: RESULT_HEADERS.length + headers.length };
}

/** The column of one gate-review header among `headers` (written after the five), header row and every data row; undefined when it is not written. */
export function gateRect(plan: ListPlan, headers: readonly string[], header: string): Rect | undefined {
  const at = headers.indexOf(header);
  return at < 0 ? undefined : { row: plan.headerRow, column: plan.results.column + RESULT_HEADERS.length + at, rows: plan.dataRows + 1, columns: 1 };
}

/** The Change column of an earlier run's layout: right of the five and the gate columns before it, header row and every data row. */
export function changeRect(plan: ListPlan): Rect {
  const before = plan.results.earlier.filter((h) => h !== CHANGE_HEADER).length;
  return { row: plan.headerRow, column: plan.results.column + RESULT_HEADERS.length + before, rows: plan.dataRows + 1, columns: 1 };
}

import {
  NO_CHOICES,
  assess,
  cellText,
  checklist,
  fail,
  findHeaderRow,
  hierarchyOf,
  mapHeaders,
  ok,
  partLabel,
  rowReader,
  tableAssemblies,
  type Assessment,
  type AssemblyResult,
  type Check,
  type ColumnChoices,
  type CriterionId,
  type HeaderMapping,
  type PartValues,
  type Result,
  type Stage,
  type Thresholds,
} from "../core";
import { sheetCell, type Rect } from "./a1";
import { findResultColumns, HEADER_SCAN_ROWS, resultWidth } from "./layout";

/** Where the reviewed part sits and how its row reads. */
export interface ReviewModel {
  readonly sheet: string;
  /** Absolute row of the part. */
  readonly row: number;
  readonly label: string;
  readonly assessment: Assessment;
  readonly checks: readonly Check[];
  /** Absolute column of each criterion the list has, for writing a changed value. */
  readonly columns: Readonly<Partial<Record<CriterionId, number>>>;
  /** Absolute column of the part number or name, if the list has one. */
  readonly labelColumn: number | undefined;
  /** Absolute row of the header row. */
  readonly headerRow: number;
  readonly address: string;
  /** How the list's columns are read (the review reads the whole list with it for an assembly). */
  readonly mapping: HeaderMapping;
  /** The list's data rows, absolute: the first and how many (the part's assembly needs them all). */
  readonly dataRows: { readonly first: number; readonly count: number };
  /** The header row as read, over the list's columns (it places an earlier run's result columns). */
  readonly header: readonly unknown[];
  /** The list has a Level or Parent column; `assembly` is filled in once the list is read. */
  readonly hierarchy: boolean;
  readonly assembly?: ReviewAssembly;
}

/** The selected part as an assembly: what its components make of it. */
export type ReviewAssembly =
  | { readonly kind: "leaf" }
  | {
      readonly kind: "known";
      readonly stage: Stage;
      readonly components: number;
      readonly limitedBy: readonly { readonly label: string; readonly stage: Stage; readonly through: readonly string[] }[];
    }
  | { readonly kind: "unknown"; readonly because: string; readonly problems: readonly string[] }
  /** Not read: the list is too long to read on every selection. */
  | { readonly kind: "not-read"; readonly why: string };

/** Lists longer than this are not read whole for a review: Classify list gives their assembly stages. */
export const ASSEMBLY_REVIEW_ROWS = 5_000;

/**
 * The reviewed part's assembly, from every data row of its list (`rows`, from
 * the first data row, over the list's columns): each part row's own stage as
 * the core assesses it, then the core's assemblies over the part rows (blank
 * rows are not parts). Problems in the structure that touch the part are listed.
 */
export function reviewAssembly(review: ReviewModel, rows: readonly (readonly unknown[])[], thresholds: Thresholds, blockColumn: number): ReviewAssembly {
  const reader = rowReader(review.mapping, thresholds);
  const parts: (readonly unknown[])[] = [];
  const at: number[] = [];
  rows.forEach((row, i) => {
    const own = withoutResults(row, review.header);
    if (own.every((v) => cellText(v).trim() === "")) return;
    parts.push(own);
    at.push(i);
  });
  const index = at.indexOf(review.row - review.dataRows.first);
  const stages = parts.map((row) => reader.assess(row).stage);
  const cellOf = (i: number, column: number): string => sheetCell(review.sheet, review.dataRows.first + (at[i] ?? i), blockColumn + column);
  const assemblies = tableAssemblies(review.mapping, parts, stages, cellOf);
  const result: AssemblyResult | undefined = index < 0 ? undefined : assemblies?.results[index];
  if (!assemblies || !result || result.kind === "leaf") return { kind: "leaf" };
  if (result.kind === "unknown") {
    return { kind: "unknown", because: result.because, problems: assemblies.problems.map((p) => p.message).slice(0, 5) };
  }
  return {
    kind: "known",
    stage: result.stage,
    components: result.components,
    limitedBy: result.limitedBy.map((l) => ({ label: l.label, stage: l.stage, through: l.through })),
  };
}

export const REVIEW_ISSUES = ["empty", "no-header", "header-row", "blank-row", "totals-row"] as const;
export type ReviewIssueCode = (typeof REVIEW_ISSUES)[number];

export interface ReviewIssue {
  readonly code: ReviewIssueCode;
  readonly message: string;
}

/** What the pane read around the active cell. */
export interface ReviewInput {
  readonly sheet: string;
  readonly cell: { readonly row: number; readonly column: number };
  /** The list: the table's range or the current region. */
  readonly block: Rect;
  /** The list's first rows, up to HEADER_SCAN_ROWS: for a table, its header row first. The rows below the header decide between two columns of one criterion. */
  readonly top: readonly (readonly unknown[])[];
  readonly tableHeader: boolean;
  /** The active cell's row across the list's columns. */
  readonly row: readonly unknown[];
}

/** Finds the header row for the part under the active cell and reads the part, with the user's column choices. */
export function reviewPart(input: ReviewInput, thresholds: Thresholds, choices: ColumnChoices = NO_CHOICES): Result<ReviewModel, ReviewIssue> {
  const here = sheetCell(input.sheet, input.cell.row, input.cell.column);
  let headerIndex: number;
  let mapping: HeaderMapping;
  if (input.tableHeader) {
    headerIndex = 0;
    const header = input.top[0] ?? [];
    mapping = mapHeaders(withoutResults(header), { sample: input.top.slice(1).map((r) => withoutResults(r, header)), choices });
  } else {
    const blank = input.top.every((r) => r.every((v) => cellText(v).trim() === ""));
    if (blank) return fail({ code: "empty", message: `${here} is empty and not inside a list. Select a cell in a part's row.` });
    const found = findHeaderRow(
      input.top.map((r) => withoutResults(r)),
      HEADER_SCAN_ROWS,
      choices,
    );
    if (!found)
      return fail({
        code: "no-header",
        message: `No header row found above ${here}. Expected headers such as Design status, Material, Qty or Pilot run (Insert template shows them all).`,
      });
    headerIndex = found.index;
    mapping = found.mapping;
  }
  if (mapping.columns.length === 0)
    return fail({
      code: "no-header",
      message: `The table's header row names no criterion. Expected headers such as Design status, Material, Qty or Pilot run.`,
    });
  const headerRow = input.block.row + headerIndex;
  if (input.cell.row <= headerRow) {
    return fail({ code: "header-row", message: `${here} is in or above the header row (row ${headerRow + 1}). Select a cell in a part's row below it.` });
  }
  const row = withoutResults(input.row, input.top[headerIndex] ?? []);
  if (row.every((v) => cellText(v).trim() === ""))
    return fail({ code: "blank-row", message: `Row ${input.cell.row + 1} is empty. Select a cell in a part's row.` });

  const reader = rowReader(mapping, thresholds);
  const reading = reader.read(row);
  const a = assess(reading, thresholds);
  const values: Partial<Record<CriterionId, unknown>> = {};
  const columns: Partial<Record<CriterionId, number>> = {};
  for (const c of mapping.columns) {
    values[c.criterion] = row[c.column];
    columns[c.criterion] = input.block.column + c.column;
  }
  return ok({
    sheet: input.sheet,
    row: input.cell.row,
    label: partLabel(row, mapping),
    assessment: a,
    checks: checklist(values as PartValues, reading, a),
    columns,
    labelColumn: mapping.partColumn === undefined ? undefined : input.block.column + mapping.partColumn,
    headerRow,
    address: here,
    mapping,
    header: input.top[headerIndex] ?? [],
    dataRows: { first: headerRow + 1, count: input.block.row + input.block.rows - headerRow - 1 },
    hierarchy: hierarchyOf(mapping) !== undefined,
  });
}

/** Blanks the result columns (and Change column) of an earlier run so they are never read as the part's own cells. */
function withoutResults(row: readonly unknown[], header: readonly unknown[] = row): unknown[] {
  const at = findResultColumns(header);
  const width = resultWidth(header, at);
  return at < 0 ? [...row] : row.map((v, i) => (i >= at && i < at + width ? "" : v));
}

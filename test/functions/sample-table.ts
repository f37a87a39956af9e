/*
 * A bill of parts as Excel hands it to a custom function, next to the same
 * cells as the core reads them, and the core's own answers for it. Tests call
 * the functions with `excel` and compare with what the core says about `core`.
 */
import {
  cellText,
  mapHeaders,
  resolveThresholds,
  resultCells,
  rowReader,
  type Assessment,
  type CellValue,
  type ColumnChoices,
  type Thresholds,
} from "../../src/core";
import { ExcelErrorDouble } from "./custom-functions-double";

export interface SampleCell {
  readonly excel: unknown;
  readonly core: CellValue;
}

const same = (value: string | number | boolean): SampleCell => ({ excel: value, core: value });
/** Blank cells arrive as "". */
const blank: SampleCell = same("");

export const HEADERS = [
  "Part number",
  "Design status",
  "Function",
  "Material",
  "Finish",
  "Tolerance review",
  "DFM review",
  "Pilot run",
  "Demand",
  "Supplier",
  "Inspection plan",
  "Piece price",
  "Goal",
  "Qty",
  "Annual volume",
  "Notes",
] as const;

type Row = readonly SampleCell[];

function row(values: readonly (SampleCell | string | number | boolean)[]): Row {
  const cells = values.map((v) => (typeof v === "object" ? v : same(v)));
  while (cells.length < HEADERS.length) cells.push(blank);
  return cells;
}

export const SAMPLE_ROWS: readonly Row[] = [
  row([
    "MP-1",
    "frozen",
    "verified",
    "locked",
    "confirmed",
    "reviewed",
    "done",
    "validated",
    "stable",
    "qualified",
    "defined",
    "quoted",
    "production",
    5000,
    12000,
    "ready",
  ]),
  row(["LV-1", "frozen", "verified", "6061-T6", "black anodize", "partial", "", "in progress", "forecast", "Acme GmbH", "draft", "estimated", "pilot", 200]),
  row(["PR-1", "draft", "in progress", "candidate", "", "", "", "", "", "", "", "", "R&D", 5]),
  row([]),
  row(["XL-1", true, true, 1, 0.5, false, 0, blank, blank, blank, blank, blank, blank, 50]),
  row([
    "ERR-1",
    { excel: new ExcelErrorDouble("#N/A"), core: { error: "#N/A" } },
    "#DIV/0!",
    { excel: { type: "Error", errorType: "Ref", basicValue: "#REF!" }, core: { error: "#REF!" } },
    { excel: { type: "Double", basicValue: 1, numberFormat: "0%" }, core: 1 },
    { excel: { type: "Entity", text: "reviewed", properties: {} }, core: "reviewed" },
    { excel: Number.NaN, core: Number.NaN },
    "%%%",
    "",
    "",
    "",
    "",
    "pilot",
    "1,000",
    "-5",
  ]),
  row(["HQ-1", "changing", "failed", "open", "open", "", "", "", "", "", "", "", "", 5000]),
  row(["LA-1", "released", "passed", "final", "final", "done", "complete", "passed", "repeat", "approved", "approved", "agreed", "supply", 300, 500]),
  row(["TH-1", "frozen", "verified", "locked", "confirmed", "", "", "", "", "", "", "", "", 50]),
];

export const headerCells = (): unknown[] => [...HEADERS];
export const excelRows = (rows: readonly Row[] = SAMPLE_ROWS): unknown[][] => rows.map((r) => r.map((c) => c.excel));
export const coreRows = (rows: readonly Row[] = SAMPLE_ROWS): CellValue[][] => rows.map((r) => r.map((c) => c.core));

/** The core's assessments of rows under a header row: rowReader built once, as the functions should, the rows as the sample. */
export function coreAssessments(
  headers: readonly unknown[],
  rows: readonly (readonly CellValue[])[],
  thresholds: Partial<Thresholds> = {},
  choices?: ColumnChoices,
): Assessment[] {
  const resolved = resolveThresholds(thresholds);
  if (!resolved.ok) throw new Error(resolved.issue.message);
  const reader = rowReader(
    mapHeaders(
      headers.map((h) => cellText(h as CellValue)),
      { sample: rows, ...(choices ? { choices } : {}) },
    ),
    resolved.value,
  );
  return rows.map((r) => reader.assess(r));
}

export const coreResultCells = (
  headers: readonly unknown[],
  rows: readonly (readonly CellValue[])[],
  thresholds: Partial<Thresholds> = {},
  choices?: ColumnChoices,
): (string | number)[][] => coreAssessments(headers, rows, thresholds, choices).map((a) => [...resultCells(a)]);

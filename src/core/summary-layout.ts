import type { CellNote, ColumnLine } from "./column-report";
import { STAGES, STAGE_PROFILES } from "./stages";
import type { BlockerCount, Summary } from "./summary";

/** The sheet every surface adds next to a classified list. */
export const SUMMARY_SHEET = "Readiness summary";
/** The title in A1; a sheet whose A1 says this was made by Part Readiness and may be replaced. */
export const SUMMARY_TITLE = "Part Readiness summary";

/** How the sheet was read, shown below the counts. */
export interface SheetReading {
  readonly columns: readonly ColumnLine[];
  /** The first cells not understood (at most CELL_NOTE_LIMIT). */
  readonly cells: readonly CellNote[];
  /** All cells not understood, listed or not. */
  readonly cellTotal: number;
  /** What changed since a compared run (the command line's --compare), shown after the counts. */
  readonly changes?: SummaryChanges;
}

/** The counts of a comparison with an earlier run, for the summary sheet. */
export interface SummaryChanges {
  /** What the earlier run was, e.g. its file name. */
  readonly comparedWith: string;
  readonly movedUp: number;
  readonly movedDown: number;
  readonly added: number;
  readonly dropped: number;
  /** Labels written more than once on either side (not compared). */
  readonly duplicates: number;
}

/** Columns of the summary sheet: the counts use the first two, the reading sections all four. */
export const SUMMARY_WIDTH = 4;

/** Label of the row counting rows where no criterion cell is filled in. */
export const NO_CRITERIA_LABEL = "No criteria filled in";

/** Label of the row counting criteria met by a justified waiver, shown when there is any. */
export const WAIVED_LABEL = "Criteria met by waiver";

export interface SummaryLayout {
  /** SUMMARY_WIDTH columns, rectangular. */
  readonly values: readonly (readonly (string | number)[])[];
  /** Rows (0-based) of the "Stage | Parts" header and the three stages below it, for a chart. */
  readonly chartRows: { readonly first: number; readonly count: number };
  /** Rows holding section headings, to be set in bold. */
  readonly headingRows: readonly number[];
}

/**
 * The summary sheet's cells: parts per stage, the most common blockers and
 * missing information, then, when given, how every column was read and the
 * cells not understood.
 */
export function summaryLayout(summary: Summary, source: string, reading?: SheetReading): SummaryLayout {
  const values: (string | number)[][] = [];
  const headingRows: number[] = [];
  const heading = (...cells: string[]): void => {
    headingRows.push(values.length);
    values.push(cells);
  };
  values.push([SUMMARY_TITLE, ""]);
  values.push(["List", source]);
  values.push(["Parts classified", summary.parts]);
  values.push(["", ""]);
  const first = values.length;
  heading("Stage", "Parts");
  for (const stage of STAGES) values.push([STAGE_PROFILES[stage].name, summary.byStage[stage]]);
  values.push([NO_CRITERIA_LABEL, summary.unclassified]);
  const section = (title: string, counts: readonly BlockerCount[], none: string): void => {
    values.push(["", ""]);
    heading(title, "Parts");
    if (counts.length === 0) values.push([none, ""]);
    for (const c of counts) values.push([c.label, c.count]);
  };
  section("Most common blockers", summary.topBlockers, "No blockers");
  section("Most often missing", summary.topMissing, "Nothing missing");
  values.push(["", ""]);
  values.push(["Warnings", summary.warnings]);
  values.push(["Cells not understood", summary.issues]);
  // Waivers are never hidden: counted whenever a part has one (the line is left out on sheets without any).
  if (summary.waived > 0) values.push([WAIVED_LABEL, summary.waived]);
  const changes = reading?.changes;
  if (changes) {
    values.push(["", ""]);
    heading(`Changes since ${changes.comparedWith}`, "Parts");
    values.push(["Moved up", changes.movedUp]);
    values.push(["Moved down", changes.movedDown]);
    values.push(["New", changes.added]);
    values.push(["Dropped", changes.dropped]);
    if (changes.duplicates > 0) values.push(["Labels written twice (not compared)", changes.duplicates]);
  }
  if (reading) {
    values.push(["", ""]);
    heading("How columns were read", "Header", "Read as", "How");
    for (const c of reading.columns) values.push([`Column ${c.letter}`, c.header, c.readAs, c.how]);
    if (reading.columns.length === 0) values.push(["No headers", "", "", ""]);
    values.push(["", ""]);
    heading("Cells not understood", "Value", "Problem", "");
    for (const n of reading.cells) values.push([n.cell, n.value, n.message, ""]);
    if (reading.cellTotal === 0) values.push(["None", "", "", ""]);
    else if (reading.cellTotal > reading.cells.length) values.push([`... and ${reading.cellTotal - reading.cells.length} more`, "", "", ""]);
  }
  const rectangular = values.map((row) => [...row, ...Array<string>(Math.max(0, SUMMARY_WIDTH - row.length)).fill("")]);
  return { values: rectangular, chartRows: { first, count: STAGES.length + 1 }, headingRows };
}

import { STAGES, STAGE_PROFILES } from "./stages";
import type { BlockerCount, Summary } from "./summary";

/** The sheet every surface adds next to a classified list. */
export const SUMMARY_SHEET = "Readiness summary";
/** The title in A1; a sheet whose A1 says this was made by Part Readiness and may be replaced. */
export const SUMMARY_TITLE = "Part Readiness summary";

export interface SummaryLayout {
  /** Two columns, rectangular. */
  readonly values: readonly (readonly (string | number)[])[];
  /** Rows (0-based) of the "Stage | Parts" header and the stages below it (with the no-recognised-value row). */
  readonly chartRows: { readonly first: number; readonly count: number };
  /** Rows holding section headings, to be set in bold. */
  readonly headingRows: readonly number[];
}

/** The summary sheet's cells: parts per stage, then the most common blockers and missing information. */
export function summaryLayout(summary: Summary, source: string): SummaryLayout {
  const values: (string | number)[][] = [];
  const headingRows: number[] = [];
  const heading = (a: string, b: string): void => {
    headingRows.push(values.length);
    values.push([a, b]);
  };
  values.push([SUMMARY_TITLE, ""]);
  values.push(["List", source]);
  values.push(["Parts classified", summary.parts]);
  values.push(["", ""]);
  const first = values.length;
  heading("Stage", "Parts");
  for (const stage of STAGES) values.push([STAGE_PROFILES[stage].name, summary.byStage[stage]]);
  values.push(["No recognised value", summary.unclassified]);
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
  return { values, chartRows: { first, count: STAGES.length + 1 }, headingRows };
}

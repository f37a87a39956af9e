import { STAGES, STAGE_PROFILES, formatCount, type BlockerCount, type Summary } from "../core";

export const SUMMARY_SHEET = "Readiness summary";
/** The title in A1; a sheet whose A1 says this was made by the pane and may be rewritten. */
export const SUMMARY_TITLE = "Part Readiness summary";

/**
 * Where the summary goes: the pane's own sheet from an earlier run (its A1 holds
 * the title) is replaced; a sheet of that name that the pane did not make is
 * left alone and the summary takes the next free name.
 */
export function summaryTarget(sheetNames: readonly string[], existingTitle: unknown): { readonly name: string; readonly replace: boolean } {
  const names = new Set(sheetNames.map((n) => n.toLowerCase()));
  if (!names.has(SUMMARY_SHEET.toLowerCase())) return { name: SUMMARY_SHEET, replace: false };
  if (existingTitle === SUMMARY_TITLE) return { name: SUMMARY_SHEET, replace: true };
  let n = 2;
  while (names.has(`${SUMMARY_SHEET} (${n})`.toLowerCase())) n += 1;
  return { name: `${SUMMARY_SHEET} (${n})`, replace: false };
}

export interface SummaryLayout {
  /** Two columns, rectangular. */
  readonly values: readonly (readonly (string | number)[])[];
  /** Rows (0-based) of the "Stage | Parts" header and the three stages: the chart's source. */
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

/** A short sentence for the pane's status line. */
export function summarySentence(summary: Summary): string {
  const parts = STAGES.map((s) => `${formatCount(summary.byStage[s])} ${STAGE_PROFILES[s].name.toLowerCase()}`);
  const rest = summary.unclassified > 0 ? `, ${formatCount(summary.unclassified)} with no recognised value` : "";
  return `${formatCount(summary.parts)} parts: ${parts.join(", ")}${rest}.`;
}

import { STAGES, STAGE_PROFILES, SUMMARY_SHEET, SUMMARY_TITLE, formatCount, type Summary } from "../core";
import { keptAsText } from "./cell-text";

/** The summary sheet's name, title, width and layout are the core's, shared with the command line. */
export { NO_CRITERIA_LABEL, SUMMARY_SHEET, SUMMARY_TITLE, SUMMARY_WIDTH, summaryLayout, type SheetReading, type SummaryLayout } from "../core";

/**
 * A cell for the summary sheet that Excel keeps exactly: text that Excel
 * would read as a formula, a number, a date or a truth value gets the quote
 * prefix ("'", see cell-text.ts), which Excel does not show in the cell or
 * return in its value. A cell value such as "=A1", "1.000" or "'Bill of parts'!C9" stays as written.
 */
export function sheetText(value: string | number): string | number {
  return typeof value === "string" ? keptAsText(value) : value;
}

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

/** A short sentence for the pane's status line. */
export function summarySentence(summary: Summary): string {
  const parts = STAGES.map((s) => `${formatCount(summary.byStage[s])} ${STAGE_PROFILES[s].name.toLowerCase()}`);
  const rest = summary.unclassified > 0 ? `, ${formatCount(summary.unclassified)} with no criteria filled in` : "";
  return `${formatCount(summary.parts)} parts: ${parts.join(", ")}${rest}.`;
}

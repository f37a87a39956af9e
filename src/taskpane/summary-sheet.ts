import { STAGES, STAGE_PROFILES, SUMMARY_SHEET, SUMMARY_TITLE, formatCount, type Summary } from "../core";

/** The summary sheet's name, title and layout are the core's, shared with the command line. */
export { SUMMARY_SHEET, SUMMARY_TITLE, summaryLayout, type SummaryLayout } from "../core";

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
  const rest = summary.unclassified > 0 ? `, ${formatCount(summary.unclassified)} with no recognised value` : "";
  return `${formatCount(summary.parts)} parts: ${parts.join(", ")}${rest}.`;
}

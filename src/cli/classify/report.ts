/** What classify prints: the stage counts, the headers it read and the warnings. */
import {
  CRITERION_DEFS,
  NO_CRITERIA_LABEL,
  STAGES,
  STAGE_PROFILES,
  columnReport,
  columnReportText,
  formatCount,
  type BlockerCount,
  type HeaderMapping,
} from "../../core";
import type { ClassifyReport } from "./job";
import { unmatchedChoices, type UserMapping } from "./mapping";
import { countText } from "./table";

function table(rows: readonly (readonly [string, string])[]): string[] {
  const left = Math.max(...rows.map(([a]) => a.length));
  const right = Math.max(...rows.map(([, b]) => b.length));
  return rows.map(([a, b]) => `  ${a.padEnd(left)}  ${b.padStart(right)}`);
}

function counts(items: readonly BlockerCount[]): string {
  return items.map((c) => `${c.label} (${formatCount(c.count)})`).join(", ");
}

/** The stage table and the most common blockers and missing items. */
export function summaryLines(report: ClassifyReport): string[] {
  const s = report.tally.summary;
  const lines = table([
    ["Stage", "Parts"],
    ...STAGES.map((stage) => [STAGE_PROFILES[stage].name, formatCount(s.byStage[stage])] as const),
    [NO_CRITERIA_LABEL, formatCount(s.unclassified)],
    ["Total", formatCount(s.parts)],
  ]);
  if (s.topBlockers.length > 0) lines.push("", `Most common blockers: ${counts(s.topBlockers)}`);
  if (s.topMissing.length > 0) lines.push(`${s.topBlockers.length > 0 ? "" : "\n"}Most often missing: ${counts(s.topMissing)}`);
  return lines;
}

/** How every column of the header row is read (core `columnReport`), and which criteria the sheet does not have. */
export function headerLines(mapping: HeaderMapping, rowNumber: number, found: "auto" | "option"): string[] {
  const lines = [`Header row ${rowNumber} (${found === "auto" ? "found automatically" : "from --header-row"}), how each column is read:`];
  for (const line of columnReportText(columnReport(mapping, 0))) lines.push(`  ${line}`);
  lines.push(`Criteria not in the sheet: ${mapping.absent.length > 0 ? mapping.absent.map((id) => CRITERION_DEFS[id].label).join(", ") : "none"}`);
  return lines;
}

export function runLines(report: ClassifyReport, inputShown: string, outputShown: string | undefined): string[] {
  const where = report.path === "csv" ? inputShown : `sheet "${report.sheetName}" of ${inputShown}`;
  const parts = report.tally.summary.parts;
  const lines = [
    `Classified ${countText(parts, "part", "parts")} in ${where}${report.csv === undefined ? "" : ` (${report.csv.encoding}, ${report.csv.delimiter}-separated)`}.`,
  ];
  if (outputShown !== undefined) lines.push(`Wrote ${outputShown}.`);
  lines.push("", ...summaryLines(report), "", ...headerLines(report.header.mapping, report.header.rowNumber, report.header.found));
  if (report.header.rewrite) lines.push("  the result columns of an earlier run were rewritten");
  return lines;
}

/** Headers of --map or --mapping that the header row does not have, then cell problems and part warnings (at most the listed ones, then a count of the rest). */
export function warningLines(report: ClassifyReport, mapping?: UserMapping): string[] {
  const t = report.tally;
  const total = t.cellProblems + t.partWarnings;
  const lines: string[] = [];
  const unmatched = mapping === undefined ? [] : unmatchedChoices(mapping, report.header.mapping);
  if (unmatched.length > 0) {
    lines.push(
      `Warning: your column mapping names ${unmatched.length === 1 ? "a header" : "headers"} not in header row ${report.header.rowNumber}: ${unmatched.map((h) => `"${h}"`).join(", ")} (headers are matched ignoring case, punctuation and spacing)`,
    );
  }
  if (total > 0) {
    const parts = [
      t.cellProblems > 0 ? countText(t.cellProblems, "cell not understood", "cells not understood") : "",
      t.partWarnings > 0 ? countText(t.partWarnings, "part warning", "part warnings") : "",
    ].filter((x) => x !== "");
    lines.push(`Warnings: ${parts.join(", ")}${t.notes.length < total ? ` (first ${t.notes.length} listed)` : ""}:`);
    // In the heading's order: the cells first, then the parts (each in row order).
    for (const kind of ["cell", "part"] as const) for (const note of t.notes) if (note.kind === kind) lines.push(`  ${note.text}`);
    if (t.notes.length < total) lines.push(`  ... and ${formatCount(total - t.notes.length)} more`);
  }
  if (t.displacedRows > 0) {
    lines.push(
      `Warning: ${countText(t.displacedRows, "row has", "rows have")} values where the result columns go (first: row ${t.firstDisplacedRow ?? 0}); they were moved right of the five result columns.`,
    );
  }
  return lines;
}

/** What classify prints: the stage counts, the headers it read and the warnings. */
import { CRITERION_DEFS, STAGES, STAGE_PROFILES, columnLetters, formatCount, type BlockerCount, type HeaderMapping } from "../../core";
import type { ClassifyReport } from "./job";
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
    ["No recognised value", formatCount(s.unclassified)],
    ["Total", formatCount(s.parts)],
  ]);
  if (s.topBlockers.length > 0) lines.push("", `Most common blockers: ${counts(s.topBlockers)}`);
  if (s.topMissing.length > 0) lines.push(`${s.topBlockers.length > 0 ? "" : "\n"}Most often missing: ${counts(s.topMissing)}`);
  return lines;
}

/** Which headers were read as which criterion, which were ignored, which criteria are absent. */
export function headerLines(mapping: HeaderMapping, rowNumber: number, found: "auto" | "option"): string[] {
  const used = mapping.columns.map((c) => {
    const note = c.match === "aside" ? ", bracketed words ignored" : c.bareName ? (c.criterion === "supplier" ? ", company names count as unknown" : ", names count as partial") : "";
    return `${columnLetters(c.column)} "${c.header}" -> ${CRITERION_DEFS[c.criterion].label}${note}`;
  });
  const label = mapping.ignored.filter((i) => i.reason === "part").map((i) => `${columnLetters(i.column)} "${i.header}"`);
  const ignored = mapping.ignored
    .filter((i) => i.reason !== "part")
    .map((i) => `${columnLetters(i.column)} "${i.header}"${i.reason === "duplicate" && i.criterion !== undefined ? ` (${CRITERION_DEFS[i.criterion].label} is read from an earlier column)` : ""}`);
  const lines = [`Header row ${rowNumber} (${found === "auto" ? "found automatically" : "from --header-row"}), columns read as criteria:`];
  for (const line of used) lines.push(`  ${line}`);
  if (label.length > 0) lines.push(`Part label: ${label.join("; ")}`);
  lines.push(`Ignored columns: ${ignored.length > 0 ? ignored.join("; ") : "none"}`);
  lines.push(`Criteria not in the sheet: ${mapping.absent.length > 0 ? mapping.absent.map((id) => CRITERION_DEFS[id].label).join(", ") : "none"}`);
  return lines;
}

export function runLines(report: ClassifyReport, inputShown: string, outputShown: string | undefined): string[] {
  const where = report.path === "csv" ? inputShown : `sheet "${report.sheetName}" of ${inputShown}`;
  const parts = report.tally.summary.parts;
  const lines = [`Classified ${countText(parts, "part", "parts")} in ${where}${report.csv === undefined ? "" : ` (${report.csv.encoding}, ${report.csv.delimiter}-separated)`}.`];
  if (outputShown !== undefined) lines.push(`Wrote ${outputShown}${report.path === "csv" ? "" : ` (${report.path} path)`}.`);
  lines.push("", ...summaryLines(report), "", ...headerLines(report.header.mapping, report.header.rowNumber, report.header.found));
  if (report.header.rewrite) lines.push("  the result columns of an earlier run were rewritten");
  return lines;
}

/** Cell problems and part warnings, at most the listed ones, then a count of the rest. */
export function warningLines(report: ClassifyReport): string[] {
  const t = report.tally;
  const total = t.cellProblems + t.partWarnings;
  const lines: string[] = [];
  if (total > 0) {
    const parts = [t.cellProblems > 0 ? countText(t.cellProblems, "cell not understood", "cells not understood") : "", t.partWarnings > 0 ? countText(t.partWarnings, "part warning", "part warnings") : ""].filter((x) => x !== "");
    lines.push(`Warnings: ${parts.join(", ")}${t.notes.length < total ? ` (first ${t.notes.length} listed)` : ""}:`);
    for (const note of t.notes) lines.push(`  ${note.text}`);
    if (t.notes.length < total) lines.push(`  ... and ${formatCount(total - t.notes.length)} more`);
  }
  if (t.displacedRows > 0) {
    lines.push(
      `Warning: ${countText(t.displacedRows, "row has", "rows have")} values where the result columns go (first: row ${t.firstDisplacedRow ?? 0}); they were moved right of the five result columns.`,
    );
  }
  return lines;
}

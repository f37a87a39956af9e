/** What classify and report print about the gate columns: the comparison, the assemblies, the waivers, and the structure's problems by cell. */
import { formatCount, type Summary } from "../../core";
import { countText } from "../classify/table";
import type { Gate } from "./gate";

const LISTED = 10;

/** "Compared with last.xlsx: 3 moved up, 1 moved down, 2 new, 1 dropped." and the duplicated labels, with their rows. */
export function compareLines(gate: Gate, labelled: boolean): string[] {
  const c = gate.comparison;
  const previous = gate.previous;
  if (c === undefined || previous === undefined) return [];
  const lines = [
    `Compared with ${previous.shown}: ${formatCount(c.movedUp)} moved up, ${formatCount(c.movedDown)} moved down, ${formatCount(c.added)} new, ${formatCount(c.dropped.length)} dropped.`,
  ];
  if (!labelled) lines.push("  This sheet has no part number or name column: no part can be matched, so no change is claimed.");
  if (c.dropped.length > 0) {
    const shown = c.dropped.slice(0, LISTED).map((p) => `${p.label} (row ${p.row})`);
    lines.push(`  Dropped: ${shown.join(", ")}${c.dropped.length > LISTED ? `, and ${formatCount(c.dropped.length - LISTED)} more` : ""}`);
  }
  for (const d of c.duplicates.slice(0, LISTED)) {
    lines.push(
      `  Duplicate label "${d.label}" in ${d.side === "previous" ? previous.shown : "this list"}, rows ${d.rows.join(", ")}: no change claimed for it.`,
    );
  }
  if (c.duplicates.length > LISTED) lines.push(`  ... and ${formatCount(c.duplicates.length - LISTED)} more duplicate labels`);
  return lines;
}

/** The assemblies and waivers in a sentence each. */
export function gateLines(gate: Gate, summary: Summary): string[] {
  const lines: string[] = [];
  const a = gate.assemblies;
  if (a !== undefined) {
    let assemblies = 0;
    let limited = 0;
    let unknown = 0;
    for (const r of a.results) {
      if (r.kind === "known") {
        assemblies += 1;
        if (r.limitedBy.length > 0) limited += 1;
      } else if (r.kind === "unknown") unknown += 1;
    }
    lines.push(
      `Assemblies (by the ${a.kind === "level" ? "Level" : "Parent"} column): ${countText(assemblies + unknown, "assembly", "assemblies")}, ${formatCount(limited)} limited by ${limited === 1 ? "a component" : "components"}, ${formatCount(unknown)} unknown${a.problems.length > 0 ? ` (${countText(a.problems.length, "problem", "problems")} in the structure)` : ""}.`,
    );
  }
  if (summary.waived > 0)
    lines.push(
      `Waivers: ${countText(summary.waived, "criterion", "criteria")} waived with a written justification, on ${countText(summary.partsWithWaivers, "part", "parts")} (the Waived column lists them).`,
    );
  return lines;
}

/** The structure's problems by cell, for stderr: at most `limit`, then a count. */
export function structureWarnings(gate: Gate, limit: number): string[] {
  const problems = gate.hierarchyProblems;
  if (problems.length === 0) return [];
  const lines = [`Warnings: ${countText(problems.length, "problem", "problems")} in the bill's structure (the assemblies they touch are Unknown):`];
  for (const p of problems.slice(0, limit)) lines.push(`  ${p.message}`);
  if (problems.length > limit) lines.push(`  ... and ${formatCount(problems.length - limit)} more`);
  return lines;
}

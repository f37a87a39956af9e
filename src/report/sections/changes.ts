import { changeText, stageName } from "../../core";
import { count, none, partName, stageBadge, table, type SectionDef } from "../common";
import { el, fragment } from "../html";
import type { ReportInput } from "../input";

/** Moves, new parts, dropped parts and duplicated labels against the compared run; left out without one. */
export function changesSection(input: ReportInput): SectionDef | null {
  const c = input.comparison;
  if (c === undefined) return null;
  const moved = input.parts.filter((p) => p.change !== undefined && p.change.kind !== "same");
  const against = input.comparedWith === undefined || input.comparedWith === "" ? "the compared run" : input.comparedWith;
  return {
    id: "changes",
    title: "Changes since the compared run",
    body: fragment(
      el(
        "p",
        {},
        `Against ${against}: ${count(c.movedUp, "part")} moved up, ${count(c.movedDown, "part")} moved down, ${count(c.added, "new part")}, ${count(c.dropped.length, "part")} dropped.`,
      ),
      moved.length === 0
        ? none("No part changed stage.")
        : table(
            ["Part", "Stage now", "Change"],
            moved.map((p) => [partName(p), stageBadge(p.stage), p.change ? changeText(p.change) : ""]),
          ),
      c.dropped.length === 0
        ? null
        : fragment(
            el("h3", {}, "Dropped from the list"),
            table(
              ["Part (row in the compared run)", "Stage then"],
              c.dropped.map((p) => [partName(p), stageName(p.stage)]),
            ),
          ),
      c.duplicates.length === 0
        ? null
        : fragment(
            el("h3", {}, "Labels written more than once (not compared)"),
            table(
              ["Label", "In", "Rows"],
              c.duplicates.map((d) => [d.label, d.side === "previous" ? "the compared run" : "this run", d.rows.join(", ")]),
            ),
          ),
    ),
  };
}

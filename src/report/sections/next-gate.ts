import { nextStageOf, stageName, type Stage } from "../../core";
import { LIST_LIMIT, more, none, partName, stageBadge, table, type SectionDef } from "../common";
import { el, fragment, type Html } from "../html";
import type { ReportInput, ReportPart } from "../input";

/** Progress as a whole percentage, clamped to 0–100. */
export function percent(progress: number): number {
  return Number.isFinite(progress) ? Math.min(100, Math.max(0, Math.round(progress * 100))) : 0;
}

function progressBar(progress: number): Html {
  const p = percent(progress);
  return fragment(el("span", { class: "bar", "aria-hidden": "true" }, el("span", { style: `width:${p}%` })), `${p} %`);
}

interface Candidate extends ReportPart {
  readonly stage: Stage;
  readonly progress: number;
  readonly next: Stage;
}

/** Parts below mass production with a known progress, closest to their next gate first (then by row). */
export function closestToNextGate(parts: readonly ReportPart[]): readonly Candidate[] {
  const found: Candidate[] = [];
  for (const p of parts) {
    const next = p.stage === null ? null : nextStageOf(p.stage);
    if (p.stage !== null && next !== null && p.progress !== null && Number.isFinite(p.progress))
      found.push({ ...p, stage: p.stage, progress: p.progress, next });
  }
  return found.sort((a, b) => b.progress - a.progress || a.row - b.row);
}

export function nextGateSection(input: ReportInput): SectionDef {
  const all = closestToNextGate(input.parts);
  const shown = all.slice(0, LIST_LIMIT);
  return {
    id: "next-gate",
    title: "Closest to their next gate",
    body:
      shown.length === 0
        ? none("No part has a next gate to reach.")
        : fragment(
            table(
              ["Part", "Stage", { header: "Next gate", nowrap: true }, { header: "Progress", nowrap: true }, "Next step"],
              shown.map((p) => [partName(p), stageBadge(p.stage), stageName(p.next), progressBar(p.progress), p.nextStep]),
            ),
            more(all.length - shown.length, "part"),
          ),
  };
}

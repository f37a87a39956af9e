/* A report part from the core's assessment of a row: what both adapters start from before adding waivers, evidence, assemblies and changes. */
import { CRITERION_DEFS, LEVEL_CRITERIA, type Assessment, type Level, type LevelCriterionId } from "../core";
import type { ReportPart } from "./input";

/**
 * The part as the report shows it. Give the row's levels (the core's
 * `readPart(...).levels`) to fill `met`, which "met without evidence" needs.
 */
export function reportPart(label: string, row: number, a: Assessment, levels?: Readonly<Record<LevelCriterionId, Level>>): ReportPart {
  const part: ReportPart = {
    label,
    row,
    stage: a.stage,
    score: a.score,
    progress: a.progress === null ? null : a.progress / 100,
    blockers: a.blockers.map((b) => ({ criterion: CRITERION_DEFS[b.criterion].label, detail: b.reason })),
    missing: a.missing.map((m) => ({ criterion: CRITERION_DEFS[m.criterion].label, detail: m.provide })),
    nextStep: a.nextStep,
    waived: [],
    evidence: [],
  };
  return levels === undefined ? part : { ...part, met: LEVEL_CRITERIA.filter((id) => levels[id] === "met").map((id) => CRITERION_DEFS[id].label) };
}

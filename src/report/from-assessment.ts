/* A report part from the core's assessment of a row: what both adapters start from before adding waivers, evidence, assemblies and changes. */
import { CRITERION_DEFS, type Assessment } from "../core";
import type { ReportPart } from "./input";

export function reportPart(label: string, row: number, a: Assessment): ReportPart {
  return {
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
}

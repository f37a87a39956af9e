/** Builds parts for the assessment tests from levels, using the spec's generic words. */
import { CRITERION_DEFS, type Assessment, type CriterionId, type Level, type LevelCriterionId, type PartValues } from "../../src/core";
import { SPEC_NEXT_STEP_ORDER } from "./spec-tables";

export const WORD_FOR: Readonly<Record<Level, string>> = { met: "yes", partial: "partial", "not-met": "no", unknown: "" };

export interface PartSpec {
  readonly levels?: Partial<Record<LevelCriterionId, Level>>;
  readonly goal?: "learning" | "delivering" | "unknown";
  readonly quantity?: number;
  readonly annualVolume?: number;
}

export function partValues(part: PartSpec): PartValues {
  const values: Partial<Record<CriterionId, unknown>> = {};
  for (const [id, level] of Object.entries(part.levels ?? {}) as [LevelCriterionId, Level][]) values[id] = WORD_FOR[level];
  if (part.goal !== undefined && part.goal !== "unknown") values.goal = part.goal;
  if (part.quantity !== undefined) values.quantity = part.quantity;
  if (part.annualVolume !== undefined) values.annual_volume = part.annualVolume;
  return values;
}

/**
 * Which criterion the next-step sentence is about. The sentences themselves are
 * not in the spec; each criterion's step or "provide" text is, by design, unique.
 */
export function nextStepCriterion(a: Assessment): CriterionId | undefined {
  const hits = SPEC_NEXT_STEP_ORDER.filter((id) => {
    const def = CRITERION_DEFS[id];
    return a.nextStep === def.stepA || a.nextStep === def.stepB || a.nextStep.includes(def.provide);
  });
  if (hits.length > 1) throw new Error(`next step "${a.nextStep}" matches ${hits.join(", ")}`);
  return hits[0];
}

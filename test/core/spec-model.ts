/**
 * The decision rules of the spec written a second time, as plainly as possible,
 * for tests to compare the core against. It works on levels already read, so it
 * shares nothing with src/core except the type names.
 */
import type { CriterionId, Level, LevelCriterionId } from "../../src/core";
import { SPEC_DEFAULTS, SPEC_GATE_A, SPEC_GATE_B, SPEC_NEXT_STEP_ORDER } from "./spec-tables";

export interface ModelInput {
  readonly levels: Readonly<Record<LevelCriterionId, Level>>;
  readonly goal: "learning" | "delivering" | "unknown";
  readonly quantity?: number;
  readonly annualVolume?: number;
  readonly prototypeQuantity?: number;
  readonly lowVolumeQuantity?: number;
}

export type ModelStage = "prototyping" | "low-volume" | "mass-production";
export type ModelWarning = "prototype-high-quantity" | "learning-but-ready" | "low-annual-volume";

export interface ModelResult {
  /** null for a row with no recognised value. */
  readonly stage: ModelStage | null;
  readonly score: number | null;
  readonly progress: number | null;
  readonly blockers: readonly CriterionId[];
  readonly missing: readonly CriterionId[];
  /** The criterion the next step is about, and whether it blocks or is missing. */
  readonly first: { readonly criterion: CriterionId; readonly kind: "blocker" | "missing" } | undefined;
  readonly warnings: readonly ModelWarning[];
}

const atLeastPartial = (l: Level): boolean => l === "met" || l === "partial";

export function specModel(input: ModelInput): ModelResult {
  const low = input.prototypeQuantity ?? SPEC_DEFAULTS.prototypeQuantity;
  const high = input.lowVolumeQuantity ?? SPEC_DEFAULTS.lowVolumeQuantity;
  const { levels, goal, quantity, annualVolume } = input;
  const recognised = SPEC_GATE_B.some((id) => levels[id] !== "unknown") || goal !== "unknown" || quantity !== undefined || annualVolume !== undefined;
  if (!recognised) return { stage: null, score: null, progress: null, blockers: [], missing: [], first: undefined, warnings: [] };

  let delivering: boolean;
  if (goal === "delivering") delivering = true;
  else if (goal === "learning") delivering = false;
  else if (quantity !== undefined) delivering = quantity > low;
  else if (annualVolume !== undefined) delivering = annualVolume > low;
  else delivering = false;

  const gateA = SPEC_GATE_A.every((id) => atLeastPartial(levels[id])) && delivering;
  const allBMet = SPEC_GATE_B.every((id) => levels[id] === "met");
  const stage: ModelStage = gateA && allBMet ? "mass-production" : gateA ? "low-volume" : "prototyping";

  const blockers: CriterionId[] = [];
  const missing: CriterionId[] = [];
  let score = 100;
  let progress = 100;
  if (stage === "prototyping") {
    const satisfied = SPEC_GATE_A.filter((id) => atLeastPartial(levels[id])).length + (delivering ? 1 : 0);
    progress = Math.round((100 * satisfied) / 5);
    score = Math.round((49 * satisfied) / 5);
    for (const id of SPEC_GATE_A) {
      if (levels[id] === "not-met") blockers.push(id);
      if (levels[id] === "unknown") missing.push(id);
    }
    if (goal === "learning") blockers.push("goal");
    else if (!delivering) missing.push("goal");
  } else if (stage === "low-volume") {
    const points = SPEC_GATE_B.reduce((sum, id) => sum + (levels[id] === "met" ? 1 : levels[id] === "partial" ? 0.5 : 0), 0);
    progress = Math.round((100 * points) / 11);
    score = 50 + Math.round((49 * points) / 11);
    for (const id of SPEC_GATE_B) {
      if (levels[id] === "partial" || levels[id] === "not-met") blockers.push(id);
      if (levels[id] === "unknown") missing.push(id);
    }
  }

  const firstId = SPEC_NEXT_STEP_ORDER.find((id) => blockers.includes(id) || missing.includes(id));
  const first = firstId === undefined ? undefined : { criterion: firstId, kind: blockers.includes(firstId) ? ("blocker" as const) : ("missing" as const) };

  const warnings: ModelWarning[] = [];
  if (stage === "prototyping" && quantity !== undefined && quantity > high) warnings.push("prototype-high-quantity");
  if (goal === "learning" && allBMet) warnings.push("learning-but-ready");
  if (stage === "mass-production" && annualVolume !== undefined && annualVolume < high) warnings.push("low-annual-volume");

  return { stage, score, progress, blockers, missing, first, warnings };
}

/** All eleven level criteria at one level, with some overridden. */
export function levelsWith(base: Level, overrides: Partial<Record<LevelCriterionId, Level>> = {}): Record<LevelCriterionId, Level> {
  const out = {} as Record<LevelCriterionId, Level>;
  for (const id of SPEC_GATE_B) out[id] = overrides[id] ?? base;
  return out;
}

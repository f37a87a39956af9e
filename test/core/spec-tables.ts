/**
 * The tables of /work/shared/spec/assessment.md, typed out by hand as test data.
 * Tests compare the core against these, never against the core's own registry,
 * so a word dropped from the registry makes a test fail.
 */
import type { CriterionId, LevelCriterionId } from "../../src/core";

export interface SpecVocabulary {
  readonly met: readonly string[];
  readonly partial: readonly string[];
  readonly notMet: readonly string[];
}

export const SPEC_VOCABULARY: Readonly<Record<LevelCriterionId, SpecVocabulary>> = {
  design: {
    met: ["frozen", "released", "final", "locked"],
    partial: ["stable", "mostly stable", "minor changes"],
    notMet: ["changing", "in revision", "draft", "wip"],
  },
  function: { met: ["verified", "validated", "passed"], partial: ["partial", "in progress"], notMet: ["failed", "not started"] },
  material: { met: ["locked", "confirmed", "final"], partial: ["mostly defined", "candidate"], notMet: ["open", "undecided", "not defined"] },
  finish: { met: ["confirmed", "locked", "final"], partial: ["mostly defined", "candidate"], notMet: ["under evaluation", "open", "undecided"] },
  tolerances: { met: ["reviewed", "done", "optimised"], partial: ["critical only", "partial"], notMet: ["not reviewed", "open"] },
  dfm: { met: ["done", "complete"], partial: ["partial", "in progress"], notMet: ["not done", "not started"] },
  pilot: { met: ["validated", "complete", "passed"], partial: ["in progress", "partial"], notMet: ["not started", "failed"] },
  demand: { met: ["stable", "repeat", "contracted"], partial: ["forecast", "seasonal"], notMet: ["unclear", "unstable", "one-off"] },
  supplier: { met: ["capable", "qualified", "approved"], partial: ["conditional", "partial"], notMet: ["unproven", "not qualified"] },
  inspection: { met: ["defined", "approved", "in place"], partial: ["draft", "partial"], notMet: ["none", "not defined"] },
  cost: { met: ["understood", "agreed", "quoted"], partial: ["estimated", "partial"], notMet: ["not understood", "not quoted"] },
};

/** The words every level criterion understands. */
export const SPEC_GENERIC: SpecVocabulary = {
  met: ["yes", "y", "true", "1", "x", "✓", "✔", "done", "100%"],
  partial: ["partial", "in progress", "mostly"],
  notMet: ["no", "n", "false", "0", "✗", "0%"],
};

export const SPEC_UNKNOWN_TEXT: readonly string[] = ["", "n/a", "?", "tbd"];

export const SPEC_GOALS = {
  learning: ["learning", "validation", "prototype", "test", "evaluation", "R&D"],
  delivering: ["delivering", "pilot", "sampling", "customer sampling", "market test", "pre-production", "pre-launch", "supply", "production"],
} as const;

export const SPEC_HEADERS: Readonly<Record<CriterionId, readonly string[]>> = {
  design: ["design", "design status", "design frozen", "cad frozen", "drawing frozen", "drawing revision", "cad drawing status", "revision status"],
  function: ["function", "function validated", "prototype validation", "fit function", "assembly validated", "functional test"],
  material: ["material", "material status", "material locked", "material confirmed"],
  finish: ["finish", "surface finish", "finish status", "surface treatment", "finish confirmed"],
  tolerances: ["tolerances", "tolerance review", "tolerances reviewed", "critical dimensions"],
  dfm: ["dfm", "dfm review", "dfm done", "design for manufacturing"],
  pilot: ["pilot", "pilot run", "low volume validated", "small batch validated", "batch validation", "pilot validated"],
  demand: ["demand", "demand status", "demand stable", "demand stability", "repeat demand", "forecast"],
  supplier: ["supplier", "supplier capability", "supplier capable", "supplier qualified"],
  inspection: ["inspection", "inspection plan", "quality plan", "fai"],
  cost: ["cost", "cost target", "piece price", "target price", "cost understood"],
  goal: ["goal", "project goal", "purpose", "intent", "stage goal"],
  quantity: ["quantity", "qty", "order quantity", "batch quantity", "quantity needed", "batch size"],
  annual_volume: ["annual volume", "annual usage", "annual demand", "target annual usage", "eau", "yearly volume"],
};

/** Gate A reads these at "at least partial"; gate B needs all eleven met. */
export const SPEC_GATE_A: readonly LevelCriterionId[] = ["design", "function", "material", "finish"];
export const SPEC_GATE_B: readonly LevelCriterionId[] = [
  "design",
  "function",
  "material",
  "finish",
  "tolerances",
  "dfm",
  "pilot",
  "demand",
  "supplier",
  "inspection",
  "cost",
];
/** The order in which the next step picks the first blocker or missing item. */
export const SPEC_NEXT_STEP_ORDER: readonly CriterionId[] = [...SPEC_GATE_B, "goal"];

export const SPEC_STAGE_NAMES = {
  prototyping: "Prototyping",
  "low-volume": "Low-volume manufacturing",
  "mass-production": "Mass production",
} as const;

export const SPEC_DEFAULTS = { prototypeQuantity: 10, lowVolumeQuantity: 1000 } as const;

import {
  CRITERIA,
  CRITERION_DEFS,
  GATE_A_LEVELS,
  GATE_B_LEVELS,
  LEVEL_CRITERIA,
  type CriterionId,
  type Goal,
  type Level,
  type LevelCriterionId,
} from "./criteria";
import { cellText, isErrorCell } from "./cell";
import { readCount, readGoal, readLevel, type CellIssue } from "./normalize";
import { linkKind, type Evidence } from "./evidence";
import { STAGE_PROFILES, STAGES, nextStageOf, type Stage, type StageProfile } from "./stages";
import { DEFAULT_THRESHOLDS, formatCount, type Thresholds } from "./thresholds";
import { justificationText } from "./waiver";

/** A criterion met by a waiver: the cell that waives it and the row's written justification. */
export interface Waiver {
  readonly criterion: LevelCriterionId;
  /** The waived cell, trimmed. */
  readonly text: string;
  readonly justification: string;
}

/** One evidence cell of a row, before it is read. */
export interface EvidenceValue {
  readonly criterion: CriterionId;
  readonly header: string;
  readonly value: unknown;
}

/** What a row holds beside its criteria: its waiver justification and its evidence. */
export interface RowExtras {
  /** The row's justification cell(s); blank, "n/a" or "-" is no justification. */
  readonly justification?: unknown;
  /** The header of the sheet's justification column, for messages; undefined when the sheet has none. */
  readonly justificationHeader?: string;
  readonly evidence?: readonly EvidenceValue[];
  /** The sheet has evidence columns: met criteria without evidence are listed. */
  readonly evidenceColumns?: boolean;
}

export const NO_EXTRAS: RowExtras = Object.freeze({});

/** Raw cell values of one part, by criterion. */
export type PartValues = Readonly<Partial<Record<CriterionId, unknown>>>;

/** What the core read from one part's cells. */
export interface PartReading {
  readonly levels: Readonly<Record<LevelCriterionId, Level>>;
  readonly goal: Goal | "unknown";
  readonly quantity: number | undefined;
  readonly annualVolume: number | undefined;
  readonly issues: readonly CellIssue[];
  /** At least one criterion cell holds something, even "TBD": the row is a part. */
  readonly filled: boolean;
  /** The goal cell holds something (a goal, "TBD" or words the core cannot read): quantity does not stand in for it. */
  readonly goalFilled: boolean;
  /** Criteria read as met only because they are waived with a written justification. */
  readonly waived: readonly Waiver[];
  /** Non-blank evidence cells, left to right. */
  readonly evidence: readonly Evidence[];
  readonly evidenceColumns: boolean;
}

/** How gate A's goal requirement was decided. */
export type GoalBasis = "stated" | "quantity" | "annual_volume" | "none";

export interface Blocker {
  readonly criterion: CriterionId;
  readonly state: Level | Goal;
  readonly reason: string;
}

export interface MissingItem {
  readonly criterion: CriterionId;
  readonly provide: string;
}

export const WARNING_CODES = ["prototype-high-quantity", "learning-but-ready", "low-annual-volume"] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface Warning {
  readonly code: WarningCode;
  readonly message: string;
}

export interface Assessment {
  /** null when the row holds no recognised value. */
  readonly stage: Stage | null;
  readonly stageName: string;
  readonly nextStage: Stage | null;
  /** Monotone in stage: prototyping 0-49, low-volume 50-99, mass production 100; null without a stage. */
  readonly score: number | null;
  /** Share of the next gate satisfied, 0-100; 100 for mass production; null without a stage. */
  readonly progress: number | null;
  readonly blockers: readonly Blocker[];
  readonly missing: readonly MissingItem[];
  readonly nextStep: string;
  readonly warnings: readonly Warning[];
  readonly profile: StageProfile | null;
  readonly goalBasis: GoalBasis;
  readonly issues: readonly CellIssue[];
  /** Criteria counted as met by a justified waiver. */
  readonly waived: readonly Waiver[];
  /** Each criterion's evidence (several cells may give one criterion evidence). Never changes the stage. */
  readonly evidence: readonly Evidence[];
  /** Met criteria (not by waiver) without evidence, when the sheet has evidence columns; else empty. */
  readonly metWithoutEvidence: readonly LevelCriterionId[];
}

/** How a sheet's columns are read beyond their criterion: bare name columns and price columns. */
export interface ColumnTraits {
  readonly bareNames: ReadonlySet<CriterionId>;
  readonly prices: ReadonlySet<CriterionId>;
}

export const PLAIN_COLUMNS: ColumnTraits = { bareNames: new Set(), prices: new Set() };

const isFilled = (value: unknown): boolean => isErrorCell(value) || cellText(value).trim() !== "";

function unjustified(issue: CellIssue, header: string | undefined): CellIssue {
  const label = CRITERION_DEFS[issue.criterion].label;
  const shown = issue.text.length > 60 ? `${issue.text.slice(0, 57)}...` : issue.text;
  const where = header === undefined ? "the sheet has no Waiver justification column" : `there is no justification in column "${header}"`;
  return { ...issue, message: `${label}: "${shown}" is waived but ${where}; counted as unknown until the waiver is justified in writing.` };
}

function evidenceOf(extras: RowExtras): Evidence[] {
  const out: Evidence[] = [];
  for (const e of extras.evidence ?? []) {
    const text = cellText(e.value).trim();
    if (text === "" || isErrorCell(e.value)) continue;
    out.push({ criterion: e.criterion, text, header: e.header, link: linkKind(text) });
  }
  return out;
}

/**
 * Reads one part's cells. `extras` gives the row's waiver justification and
 * evidence: a cell that reads as waived counts as met only when the row has
 * a written justification; otherwise it is unknown and reported.
 */
export function readPart(values: PartValues, traits: ColumnTraits = PLAIN_COLUMNS, extras: RowExtras = NO_EXTRAS): PartReading {
  const issues: CellIssue[] = [];
  const waived: Waiver[] = [];
  let justification: string | undefined;
  let filled = false;
  const levels = {} as Record<LevelCriterionId, Level>;
  for (const id of LEVEL_CRITERIA) {
    const value = values[id];
    if (value === undefined || value === null || value === "") {
      levels[id] = "unknown";
      continue;
    }
    filled ||= isFilled(value);
    const read = readLevel(id, value, traits.bareNames.has(id), traits.prices.has(id));
    if (read.ok) levels[id] = read.value;
    else if (read.issue.code === "waived") {
      justification ??= justificationText(extras.justification);
      if (justification !== "") {
        levels[id] = "met";
        waived.push({ criterion: id, text: read.issue.text, justification });
      } else {
        levels[id] = "unknown";
        issues.push(unjustified(read.issue, extras.justificationHeader));
      }
    } else {
      levels[id] = "unknown";
      issues.push(read.issue);
    }
  }
  const goalFilled = isFilled(values.goal);
  const goalRead = readGoal(values.goal);
  const goal = goalRead.ok ? goalRead.value : "unknown";
  if (!goalRead.ok) issues.push(goalRead.issue);
  const quantityRead = readCount("quantity", values.quantity);
  const quantity = quantityRead.ok ? quantityRead.value : undefined;
  if (!quantityRead.ok) issues.push(quantityRead.issue);
  const volumeRead = readCount("annual_volume", values.annual_volume);
  const annualVolume = volumeRead.ok ? volumeRead.value : undefined;
  if (!volumeRead.ok) issues.push(volumeRead.issue);
  filled ||= goalFilled || isFilled(values.quantity) || isFilled(values.annual_volume);
  return {
    levels,
    goal,
    quantity,
    annualVolume,
    issues,
    filled,
    goalFilled,
    waived,
    evidence: evidenceOf(extras),
    evidenceColumns: extras.evidenceColumns === true,
  };
}

const LEVEL_WORD: Readonly<Record<Level, string>> = { met: "met", partial: "partial", "not-met": "not met", unknown: "unknown" };

function goalBasisOf(reading: PartReading, thresholds: Thresholds): GoalBasis {
  if (reading.goal !== "unknown") return "stated";
  // "TBD" or words the core cannot read are not a blank goal: nobody said the parts are for delivery.
  if (reading.goalFilled) return "none";
  if (reading.quantity !== undefined) return reading.quantity > thresholds.prototypeQuantity ? "quantity" : "none";
  if (reading.annualVolume !== undefined) return reading.annualVolume > thresholds.prototypeQuantity ? "annual_volume" : "none";
  return "none";
}

const EMPTY: Assessment = {
  stage: null,
  stageName: "",
  nextStage: null,
  score: null,
  progress: null,
  blockers: [],
  missing: [],
  nextStep: "",
  warnings: [],
  profile: null,
  goalBasis: "none",
  issues: [],
  waived: [],
  evidence: [],
  metWithoutEvidence: [],
};

function blocker(criterion: CriterionId, state: Level | Goal, need: string | undefined): Blocker {
  const word = state === "learning" || state === "delivering" ? state : LEVEL_WORD[state];
  return Object.freeze({ criterion, state, reason: `${CRITERION_DEFS[criterion].label}: ${word}, needs ${need ?? "to be met"}` });
}

type GateALevel = (typeof GATE_A_LEVELS)[number];
type GateBLevel = (typeof GATE_B_LEVELS)[number];
const byId = <K extends string, V>(ids: readonly K[], make: (id: K) => V): Readonly<Record<K, V>> =>
  Object.freeze(Object.fromEntries(ids.map((id) => [id, make(id)])) as Record<K, V>);

// Every blocker, missing item and "provide" step is one of a few dozen sentences: made once, shared by every row.
const NOT_MET_A = byId(GATE_A_LEVELS, (id: GateALevel) => blocker(id, "not-met", CRITERION_DEFS[id].needA));
const LEARNING = blocker("goal", "learning", CRITERION_DEFS.goal.needA);
const SHORT_OF_B = byId(GATE_B_LEVELS, (id: GateBLevel) => ({
  partial: blocker(id, "partial", CRITERION_DEFS[id].needB),
  "not-met": blocker(id, "not-met", CRITERION_DEFS[id].needB),
}));
const MISSING = byId(CRITERIA, (id: CriterionId): MissingItem => Object.freeze({ criterion: id, provide: CRITERION_DEFS[id].provide }));
const provideStep = (id: CriterionId, next: Stage): string =>
  `Provide ${CRITERION_DEFS[id].provide} to judge readiness for ${STAGE_PROFILES[next].name.toLowerCase()}.`;
const PROVIDE_FOR_LOW_VOLUME = byId(CRITERIA, (id: CriterionId) => provideStep(id, "low-volume"));
const PROVIDE_FOR_MASS = byId(CRITERIA, (id: CriterionId) => provideStep(id, "mass-production"));
const MASS_PRODUCTION_STEP = "Release to mass production: keep the drawing revision under change control and watch batch consistency.";

/** The high-quantity warning names what keeps the part in prototyping; only a design that is not stable is called changing. */
function highQuantityMessage(quantity: number, design: Level, blockers: readonly Blocker[], missing: readonly MissingItem[]): string {
  const head = `Quantity ${formatCount(quantity)} while still prototyping`;
  if (design !== "met" && design !== "partial") return `${head}: scaling a design that may still change risks scrap and rework.`;
  const gaps = [
    ...blockers.map((b) => CRITERION_DEFS[b.criterion].label.toLowerCase()),
    ...missing.map((m) => `${CRITERION_DEFS[m.criterion].label.toLowerCase()} (not given)`),
  ];
  return `${head} (held back by ${gaps.join(", ")}): ordering in volume before the part is ready for low-volume manufacturing risks scrap and rework.`;
}

/**
 * The readiness score: 49 x gate-A share while prototyping, 50 + 49 x gate-B
 * share in low-volume, 100 in mass production, so that sorting by it never
 * puts a prototype above a low-volume part.
 */
function scoreOf(stage: Stage, gateASatisfied: number, gateBPoints: number): number {
  if (stage === "prototyping") return Math.round((49 * gateASatisfied) / (GATE_A_LEVELS.length + 1));
  if (stage === "low-volume") return 50 + Math.round((49 * gateBPoints) / GATE_B_LEVELS.length);
  return 100;
}

const RANK_OF: Readonly<Record<Stage, number>> = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<Stage, number>;

/**
 * Applies the gates to what was read. Justified waivers count as met; when
 * the stage is reached only thanks to them, the next step says so first.
 */
export function assess(reading: PartReading, thresholds: Thresholds = DEFAULT_THRESHOLDS): Assessment {
  const decided = decide(reading, thresholds);
  if (decided.stage === null || (reading.waived.length === 0 && !reading.evidenceColumns)) return decided;
  const evidence = reading.evidence;
  const waivedIds = new Set<CriterionId>(reading.waived.map((w) => w.criterion));
  const metWithoutEvidence = reading.evidenceColumns
    ? LEVEL_CRITERIA.filter((id) => reading.levels[id] === "met" && !waivedIds.has(id) && !evidence.some((e) => e.criterion === id))
    : [];
  let { nextStep } = decided;
  if (reading.waived.length > 0) {
    const levels = { ...reading.levels };
    for (const w of reading.waived) levels[w.criterion] = "unknown";
    const without = decide({ ...reading, levels, waived: [] }, thresholds).stage;
    if (without !== null && RANK_OF[without] < RANK_OF[decided.stage]) {
      const names = reading.waived.map((w) => CRITERION_DEFS[w.criterion].label.toLowerCase());
      nextStep = `${decided.stageName} only thanks to the waiver${names.length === 1 ? "" : "s"} on ${names.join(", ")}. ${nextStep}`;
    }
  }
  return { ...decided, nextStep, waived: reading.waived, evidence, metWithoutEvidence };
}

function decide(reading: PartReading, thresholds: Thresholds): Assessment {
  if (!reading.filled) return reading.issues.length === 0 ? EMPTY : { ...EMPTY, issues: reading.issues };
  const { levels } = reading;
  const goalBasis = goalBasisOf(reading, thresholds);
  const goalSatisfied = reading.goal === "delivering" || goalBasis === "quantity" || goalBasis === "annual_volume";

  let gateASatisfied = goalSatisfied ? 1 : 0;
  for (const id of GATE_A_LEVELS) if (levels[id] === "met" || levels[id] === "partial") gateASatisfied += 1;
  const gateA = gateASatisfied === GATE_A_LEVELS.length + 1;

  let gateBPoints = 0;
  let allGateBMet = true;
  for (const id of GATE_B_LEVELS) {
    if (levels[id] === "met") gateBPoints += 1;
    else {
      allGateBMet = false;
      if (levels[id] === "partial") gateBPoints += 0.5;
    }
  }
  const stage: Stage = gateA && allGateBMet ? "mass-production" : gateA ? "low-volume" : "prototyping";

  const blockers: Blocker[] = [];
  const missing: MissingItem[] = [];
  let nextStep = "";
  let progress: number;
  const nextStage = nextStageOf(stage);

  if (stage === "prototyping") {
    progress = Math.round((100 * gateASatisfied) / (GATE_A_LEVELS.length + 1));
    for (const id of GATE_A_LEVELS) {
      const level = levels[id];
      if (level === "not-met") {
        blockers.push(NOT_MET_A[id]);
        nextStep ||= CRITERION_DEFS[id].stepA ?? "";
      } else if (level === "unknown") {
        missing.push(MISSING[id]);
        nextStep ||= PROVIDE_FOR_LOW_VOLUME[id];
      }
    }
    if (reading.goal === "learning") {
      blockers.push(LEARNING);
      nextStep ||= CRITERION_DEFS.goal.stepA ?? "";
    } else if (!goalSatisfied) {
      missing.push(MISSING.goal);
      nextStep ||= PROVIDE_FOR_LOW_VOLUME.goal;
    }
  } else if (stage === "low-volume") {
    progress = Math.round((100 * gateBPoints) / GATE_B_LEVELS.length);
    for (const id of GATE_B_LEVELS) {
      const level = levels[id];
      if (level === "met") continue;
      if (level === "unknown") {
        missing.push(MISSING[id]);
        nextStep ||= PROVIDE_FOR_MASS[id];
      } else {
        blockers.push(SHORT_OF_B[id][level]);
        nextStep ||= CRITERION_DEFS[id].stepB ?? "";
      }
    }
  } else {
    progress = 100;
    nextStep = MASS_PRODUCTION_STEP;
  }

  const warnings: Warning[] = [];
  if (stage === "prototyping" && reading.quantity !== undefined && reading.quantity > thresholds.lowVolumeQuantity) {
    warnings.push({
      code: "prototype-high-quantity",
      message: highQuantityMessage(reading.quantity, levels.design, blockers, missing),
    });
  }
  if (reading.goal === "learning" && allGateBMet) {
    warnings.push({
      code: "learning-but-ready",
      message: "Every mass-production criterion is met but the goal says learning: check whether the goal is still current.",
    });
  }
  if (stage === "mass-production" && reading.annualVolume !== undefined && reading.annualVolume < thresholds.lowVolumeQuantity) {
    warnings.push({
      code: "low-annual-volume",
      message: `Annual volume ${formatCount(reading.annualVolume)} is under ${formatCount(thresholds.lowVolumeQuantity)}: the volume may not justify production tooling.`,
    });
  }

  return {
    stage,
    stageName: STAGE_PROFILES[stage].name,
    nextStage,
    score: scoreOf(stage, gateASatisfied, gateBPoints),
    progress,
    blockers,
    missing,
    nextStep,
    warnings,
    profile: STAGE_PROFILES[stage],
    goalBasis,
    issues: reading.issues,
    waived: reading.waived,
    evidence: reading.evidence,
    metWithoutEvidence: [],
  };
}

export function assessPart(
  values: PartValues,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  traits: ColumnTraits = PLAIN_COLUMNS,
  extras: RowExtras = NO_EXTRAS,
): Assessment {
  return assess(readPart(values, traits, extras), thresholds);
}

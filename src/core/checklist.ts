import type { Assessment, PartReading, PartValues } from "./assess";
import { cellText } from "./cell";
import { CRITERIA, CRITERION_DEFS, GATE_A_LEVELS, type CriterionId, type Level } from "./criteria";
import type { Evidence } from "./evidence";
import { formatCount } from "./thresholds";

export type CheckGate = "A" | "B" | "info";
export type CheckState = Level | "info";

/** One line of the review checklist: a criterion, what it read and where it stands. */
export interface Check {
  readonly criterion: CriterionId;
  readonly label: string;
  readonly description: string;
  readonly gate: CheckGate;
  readonly state: CheckState;
  /** The cell as the user typed it. */
  readonly text: string;
  readonly note: string;
  readonly blocking: boolean;
  readonly missing: boolean;
  /** The written justification when the criterion is met by a waiver, else "". */
  readonly waiver: string;
  /** The criterion's evidence cells, to show beside it (a link only when `link` is not "text"). */
  readonly evidence: readonly Evidence[];
}

const IN_GATE_A: ReadonlySet<CriterionId> = new Set([...GATE_A_LEVELS, "goal"]);

function gateOf(id: CriterionId): CheckGate {
  if (IN_GATE_A.has(id)) return "A";
  return id === "quantity" || id === "annual_volume" ? "info" : "B";
}

/** Every criterion of a part, grouped by gate A, gate B, then the quantities. */
export function checklist(values: PartValues, reading: PartReading, a: Assessment): readonly Check[] {
  const blocking = new Set(a.blockers.map((b) => b.criterion));
  const missing = new Set(a.missing.map((m) => m.criterion));
  const issueByCriterion = new Map(reading.issues.map((i) => [i.criterion, i.message]));
  const waiverOf = new Map(reading.waived.map((w) => [w.criterion as CriterionId, w.justification]));
  const checks = CRITERIA.map((id): Check => {
    const def = CRITERION_DEFS[id];
    let state: CheckState;
    let note = issueByCriterion.get(id) ?? "";
    if (def.kind === "level") state = reading.levels[id as keyof PartReading["levels"]];
    else if (id === "goal") {
      state = reading.goal === "delivering" ? "met" : reading.goal === "learning" ? "not-met" : a.goalBasis === "none" ? "unknown" : "met";
      if (reading.goal === "unknown" && a.goalBasis !== "none")
        note ||= `Goal not stated: counted as delivering because the ${a.goalBasis === "quantity" ? "quantity" : "annual volume"} is above the prototype quantity.`;
    } else {
      const n = id === "quantity" ? reading.quantity : reading.annualVolume;
      state = n === undefined ? "unknown" : "info";
      if (n !== undefined) note ||= formatCount(n);
    }
    const waiver = waiverOf.get(id) ?? "";
    if (waiver !== "") note ||= `Waived: ${waiver}`;
    return {
      criterion: id,
      label: def.label,
      description: def.description,
      gate: gateOf(id),
      state,
      text: cellText(values[id]),
      note,
      blocking: blocking.has(id),
      missing: missing.has(id),
      waiver,
      evidence: reading.evidence.filter((e) => e.criterion === id),
    };
  });
  const order: Record<CheckGate, number> = { A: 0, B: 1, info: 2 };
  return checks.sort((x, y) => order[x.gate] - order[y.gate]);
}

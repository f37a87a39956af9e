import { describe, expect, it } from "vitest";
import {
  CRITERION_DEFS,
  DEFAULT_THRESHOLDS,
  LEVELS,
  assess,
  assessPart,
  readPart,
  type Assessment,
  type CriterionId,
  type Level,
  type LevelCriterionId,
} from "../../src/core";
import { nextStepCriterion, partValues, type PartSpec } from "./parts";
import { levelsWith, specModel } from "./spec-model";
import { SPEC_GATE_A, SPEC_GATE_B, SPEC_NEXT_STEP_ORDER, SPEC_STAGE_NAMES } from "./spec-tables";

const pct = (satisfied: number, of: number): number => Math.round((100 * satisfied) / of);
/** The spec's score: 49 x gate-A share while prototyping, 50 + 49 x gate-B share in low-volume. */
const protoScore = (satisfied: number): number => Math.round((49 * satisfied) / 5);
const lowScore = (points: number): number => 50 + Math.round((49 * points) / 11);
const all = (level: Level, overrides: Partial<Record<LevelCriterionId, Level>> = {}): Record<LevelCriterionId, Level> => levelsWith(level, overrides);
const gateAPartial = { design: "partial", function: "partial", material: "partial", finish: "partial" } as const;
const run = (part: PartSpec): Assessment => assessPart(partValues(part));
const ids = (items: readonly { readonly criterion: CriterionId }[]): CriterionId[] => items.map((i) => i.criterion);

describe("stages (gates A and B)", () => {
  it.each<[string, PartSpec, keyof typeof SPEC_STAGE_NAMES]>([
    ["everything met and delivering", { levels: all("met"), goal: "delivering" }, "mass-production"],
    ["gate A partial and delivering", { levels: gateAPartial, goal: "delivering" }, "low-volume"],
    ["gate A met, one gate B criterion only partial", { levels: all("met", { cost: "partial" }), goal: "delivering" }, "low-volume"],
    ["gate A met, one gate B criterion unknown", { levels: all("met", { inspection: "unknown" }), goal: "delivering" }, "low-volume"],
    ["everything met but the goal is learning", { levels: all("met"), goal: "learning" }, "prototyping"],
    ["learning with a big order", { levels: all("met"), goal: "learning", quantity: 5000 }, "prototyping"],
    ["design not met", { levels: { ...gateAPartial, design: "not-met" }, goal: "delivering" }, "prototyping"],
    ["function unknown", { levels: { ...gateAPartial, function: "unknown" }, goal: "delivering" }, "prototyping"],
    ["material not met", { levels: { ...gateAPartial, material: "not-met" }, goal: "delivering" }, "prototyping"],
    ["finish unknown", { levels: { ...gateAPartial, finish: "unknown" }, goal: "delivering" }, "prototyping"],
    ["goal unknown, no quantities", { levels: all("met") }, "prototyping"],
    ["goal unknown, quantity 11 > 10", { levels: gateAPartial, quantity: 11 }, "low-volume"],
    ["goal unknown, quantity 10 is not above 10", { levels: gateAPartial, quantity: 10 }, "prototyping"],
    ["goal unknown, no quantity, annual volume 11", { levels: gateAPartial, annualVolume: 11 }, "low-volume"],
    ["goal unknown, no quantity, annual volume 10", { levels: gateAPartial, annualVolume: 10 }, "prototyping"],
    ["goal unknown, quantity 5 decides over annual volume 5000", { levels: gateAPartial, quantity: 5, annualVolume: 5000 }, "prototyping"],
    ["goal unknown, quantity 50 with everything met", { levels: all("met"), quantity: 50 }, "mass-production"],
    ["gate B all met but gate A lacks the goal", { levels: all("met"), quantity: 3 }, "prototyping"],
    ["quantity alone never promotes: 100,000 parts, design changing", { levels: { ...gateAPartial, design: "not-met" }, quantity: 100_000 }, "prototyping"],
  ])("%s -> %s", (_name, part, stage) => {
    const a = run(part);
    expect(a.stage).toBe(stage);
    expect(a.stageName).toBe(SPEC_STAGE_NAMES[stage]);
    expect(a.nextStage).toBe(stage === "prototyping" ? "low-volume" : stage === "low-volume" ? "mass-production" : null);
    expect(a.profile?.stage).toBe(stage);
  });

  it("a row with no criterion cell filled has no stage, and is not an error", () => {
    for (const values of [{}, { design: "", goal: "" }, { cost: "  ", quantity: null }]) {
      expect(assessPart(values)).toMatchObject({
        stage: null,
        stageName: "",
        nextStage: null,
        score: null,
        progress: null,
        blockers: [],
        missing: [],
        nextStep: "",
        warnings: [],
      });
    }
  });

  it.each([
    ["all TBD", { design: "TBD", function: "tbd", material: "TBD", finish: "TBD", goal: "TBD", quantity: "TBD" }],
    ["n/a and ?", { design: "", goal: "n/a", cost: "?" }],
    ["unreadable words", { design: "banana", quantity: "lots" }],
  ])("a row whose filled cells say nothing readable (%s) is a prototyping part with every gate-A item missing", (_name, values) => {
    const a = assessPart(values);
    expect(a.stage).toBe("prototyping");
    expect(ids(a.missing)).toEqual(["design", "function", "material", "finish", "goal"]);
    expect(a.score).toBe(0);
    expect(a.nextStep).toContain(CRITERION_DEFS.design.provide);
  });

  it("a row of unreadable cells keeps its issues", () => {
    const a = assessPart({ design: "banana", quantity: "lots" });
    expect(a.issues.map((i) => i.criterion)).toEqual(["design", "quantity"]);
  });
});

describe("score and progress", () => {
  it.each<[string, PartSpec, number, number]>([
    ["gate A: nothing satisfied", { levels: { design: "not-met" } }, pct(0, 5), protoScore(0)],
    ["gate A: partials satisfy", { levels: { design: "partial", function: "partial" } }, pct(2, 5), protoScore(2)],
    ["gate A: met and partial, goal missing", { levels: gateAPartial }, pct(4, 5), protoScore(4)],
    ["gate A: learning counts zero", { levels: all("met"), goal: "learning" }, pct(4, 5), protoScore(4)],
    ["gate A: goal inferred from quantity counts", { levels: { design: "met" }, quantity: 500 }, pct(2, 5), protoScore(2)],
    [
      "gate A: unknown and not met count zero",
      { levels: { design: "unknown", function: "not-met", material: "met" }, goal: "delivering" },
      pct(2, 5),
      protoScore(2),
    ],
    ["gate B: four partials of eleven", { levels: gateAPartial, goal: "delivering" }, pct(4 * 0.5, 11), lowScore(2)],
    [
      "gate B: five met, three partial, three unknown",
      {
        levels: { design: "met", function: "met", material: "met", finish: "met", tolerances: "met", dfm: "partial", pilot: "partial", demand: "partial" },
        goal: "delivering",
      },
      pct(5 + 1.5, 11),
      lowScore(6.5),
    ],
    ["gate B: ten met, one not met", { levels: all("met", { supplier: "not-met" }), goal: "delivering" }, pct(10, 11), lowScore(10)],
    ["gate B: ten met, one partial", { levels: all("met", { supplier: "partial" }), goal: "delivering" }, pct(10.5, 11), lowScore(10.5)],
    ["mass production", { levels: all("met"), goal: "delivering" }, 100, 100],
  ])("%s -> progress %d, score %d", (_name, part, progress, score) => {
    const a = run(part);
    expect(a.progress).toBe(progress);
    expect(a.score).toBe(score);
  });

  it("the score bands never overlap: the best prototype scores below the worst low-volume part", () => {
    const bestPrototype = run({ levels: all("met"), goal: "learning" }).score ?? 100;
    const worstLowVolume = run({ levels: gateAPartial, goal: "delivering", annualVolume: 0 }).score ?? 0;
    expect(bestPrototype).toBeLessThanOrEqual(49);
    expect(worstLowVolume).toBeGreaterThanOrEqual(50);
    expect(run({ levels: all("met", { cost: "partial" }), goal: "delivering" }).score).toBeLessThanOrEqual(99);
  });
});

describe("blockers and missing", () => {
  it("prototyping: gate A criteria that are not met block, unknown ones are missing, partial neither", () => {
    const a = run({ levels: { design: "not-met", function: "unknown", material: "partial", finish: "not-met", tolerances: "not-met" }, goal: "learning" });
    expect(ids(a.blockers)).toEqual(["design", "finish", "goal"]);
    expect(ids(a.missing)).toEqual(["function"]);
  });

  it("prototyping: an unknown goal that no quantity settles is missing", () => {
    expect(ids(run({ levels: gateAPartial, quantity: 4 }).missing)).toEqual(["goal"]);
    expect(ids(run({ levels: gateAPartial, quantity: 40 }).missing)).not.toContain("goal");
  });

  it("low-volume: partial counts as not met for gate B; unknown is missing, never a blocker", () => {
    const a = run({ levels: all("met", { design: "partial", dfm: "not-met", pilot: "unknown", cost: "partial", demand: "unknown" }), goal: "delivering" });
    expect(ids(a.blockers)).toEqual(["design", "dfm", "cost"]);
    expect(ids(a.missing)).toEqual(["pilot", "demand"]);
    expect(a.blockers.map((b) => b.state)).toEqual(["partial", "not-met", "partial"]);
  });

  it("mass production has nothing blocking or missing", () => {
    const a = run({ levels: all("met"), goal: "delivering" });
    expect(a.blockers).toEqual([]);
    expect(a.missing).toEqual([]);
    expect(a.nextStep).not.toBe("");
  });

  it("each blocker's reason names the criterion, its state and what is needed", () => {
    const a = run({ levels: all("met", { tolerances: "partial", supplier: "not-met" }), goal: "delivering" });
    for (const b of a.blockers) {
      const def = CRITERION_DEFS[b.criterion];
      expect(b.reason).toContain(def.label);
      expect(b.reason).toContain(def.needB ?? "?");
    }
    expect(a.blockers[0]?.reason).toMatch(/partial/u);
    expect(a.blockers[1]?.reason).toMatch(/not met/u);
    const learning = run({ levels: gateAPartial, goal: "learning" });
    expect(learning.blockers[0]?.reason).toMatch(/learning/u);
  });

  it("missing items say what the buyer still has to provide", () => {
    const a = run({ levels: { design: "unknown", function: "met", material: "met", finish: "met" } });
    expect(ids(a.missing)).toEqual(["design", "goal"]);
    expect(a.missing[0]?.provide).toMatch(/CAD/u);
    expect(a.missing[1]?.provide).toMatch(/goal/u);
    expect(a.missing[1]?.provide).toMatch(/quantity/u);
    const b = run({ levels: gateAPartial, goal: "delivering" });
    expect(b.missing.find((m) => m.criterion === "demand")?.provide).toMatch(/annual usage/u);
    expect(b.missing.find((m) => m.criterion === "inspection")?.provide).toMatch(/quality/u);
  });
});

describe("next step", () => {
  it("is the first blocker or missing item in the spec's order, blockers and missing alike", () => {
    const order = SPEC_NEXT_STEP_ORDER;
    for (let i = 0; i < order.length; i += 1) {
      for (let j = i + 1; j < order.length; j += 1) {
        const first = order[i] as CriterionId;
        const later = order[j] as CriterionId;
        for (const [firstLevel, laterLevel] of [
          ["not-met", "unknown"],
          ["unknown", "not-met"],
          ["not-met", "not-met"],
        ] as const) {
          const part = problemPart(first, firstLevel, later, laterLevel);
          if (!part) continue;
          const a = run(part);
          expect(nextStepCriterion(a), `${first}=${firstLevel} before ${later}=${laterLevel}`).toBe(first);
        }
      }
    }
  });

  it("uses gate A's wording while prototyping and gate B's once low-volume", () => {
    expect(run({ levels: { ...gateAPartial, design: "not-met" }, goal: "delivering" }).nextStep).toBe(CRITERION_DEFS.design.stepA);
    expect(run({ levels: gateAPartial, goal: "delivering" }).nextStep).toBe(CRITERION_DEFS.design.stepB);
    expect(run({ levels: gateAPartial, goal: "learning" }).nextStep).toBe(CRITERION_DEFS.goal.stepA);
  });
});

/**
 * A part whose only problems are `first` and `later` at the given levels, in the
 * gate that reads them; undefined when the pair cannot both be open at once.
 */
function problemPart(first: CriterionId, firstLevel: "not-met" | "unknown", later: CriterionId, laterLevel: "not-met" | "unknown"): PartSpec | undefined {
  const inA = (id: CriterionId): boolean => id === "goal" || (SPEC_GATE_A as readonly CriterionId[]).includes(id);
  const goalFor = (level: "not-met" | "unknown"): "learning" | "unknown" => (level === "not-met" ? "learning" : "unknown");
  if (inA(first) && inA(later)) {
    const levels = all("met") as Partial<Record<LevelCriterionId, Level>>;
    let goal: PartSpec["goal"] = "delivering";
    for (const [id, level] of [
      [first, firstLevel],
      [later, laterLevel],
    ] as const) {
      if (id === "goal") goal = goalFor(level);
      else levels[id as LevelCriterionId] = level;
    }
    return { levels, goal };
  }
  if (!inA(first) && !inA(later)) return { levels: all("met", { [first]: firstLevel, [later]: laterLevel }), goal: "delivering" };
  return undefined;
}

describe("warnings never change the stage", () => {
  const codes = (a: Assessment): string[] => a.warnings.map((w) => w.code);

  it.each<[string, PartSpec, string[]]>([
    ["prototyping with 1,001 parts", { levels: { design: "not-met" }, quantity: 1001 }, ["prototype-high-quantity"]],
    ["prototyping with exactly 1,000 parts", { levels: { design: "not-met" }, quantity: 1000 }, []],
    ["low-volume with 5,000 parts", { levels: gateAPartial, quantity: 5000 }, []],
    ["learning while all gate B criteria hold", { levels: all("met"), goal: "learning" }, ["learning-but-ready"]],
    ["learning with one gate B criterion partial", { levels: all("met", { cost: "partial" }), goal: "learning" }, []],
    ["learning, all met, 2,000 parts", { levels: all("met"), goal: "learning", quantity: 2000 }, ["prototype-high-quantity", "learning-but-ready"]],
    ["mass production at 999 a year", { levels: all("met"), goal: "delivering", annualVolume: 999 }, ["low-annual-volume"]],
    ["mass production at 1,000 a year", { levels: all("met"), goal: "delivering", annualVolume: 1000 }, []],
    ["mass production without an annual volume", { levels: all("met"), goal: "delivering" }, []],
    ["low-volume at 50 a year", { levels: gateAPartial, goal: "delivering", annualVolume: 50 }, []],
  ])("%s: %j", (_name, part, expected) => {
    const a = run(part);
    expect(codes(a)).toEqual(expected);
    for (const w of a.warnings) expect(w.message.length).toBeGreaterThan(20);
  });

  it("the high-quantity warning quotes the quantity with thousands separators", () => {
    expect(run({ levels: { design: "not-met" }, quantity: 12_500 }).warnings[0]?.message).toContain("12,500");
  });
});

describe("thresholds are options", () => {
  const thresholds = { prototypeQuantity: 50, lowVolumeQuantity: 500 };
  const withThresholds = (part: PartSpec): Assessment => assess(readPart(partValues(part)), thresholds);

  it("the prototype quantity decides when an unstated goal counts as delivering", () => {
    expect(withThresholds({ levels: gateAPartial, quantity: 50 }).stage).toBe("prototyping");
    expect(withThresholds({ levels: gateAPartial, quantity: 51 }).stage).toBe("low-volume");
    expect(withThresholds({ levels: gateAPartial, annualVolume: 51 }).goalBasis).toBe("annual_volume");
    expect(run({ levels: gateAPartial, quantity: 11 }).goalBasis).toBe("quantity");
  });

  it("the low-volume quantity moves both quantity warnings", () => {
    expect(withThresholds({ levels: { design: "not-met" }, quantity: 501 }).warnings.map((w) => w.code)).toEqual(["prototype-high-quantity"]);
    expect(withThresholds({ levels: all("met"), goal: "delivering", annualVolume: 499 }).warnings.map((w) => w.code)).toEqual(["low-annual-volume"]);
    expect(withThresholds({ levels: all("met"), goal: "delivering", annualVolume: 500 }).warnings).toEqual([]);
  });

  it("the defaults are 10 and 1,000", () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ prototypeQuantity: 10, lowVolumeQuantity: 1000 });
  });
});

describe("the core agrees with a second reading of the spec", () => {
  it("on every combination of gate A levels, goals, quantities and annual volumes", () => {
    const goals = ["learning", "delivering", "unknown"] as const;
    const quantities = [undefined, 0, 5, 10, 11, 999, 1000, 1001, 50_000];
    const volumes = [undefined, 5, 11, 999, 1000, 20_000];
    const rests: Partial<Record<LevelCriterionId, Level>>[] = [
      {},
      { tolerances: "partial", dfm: "unknown", pilot: "not-met", supplier: "partial" },
      { demand: "unknown", inspection: "unknown", cost: "unknown", pilot: "unknown", dfm: "unknown", tolerances: "unknown", supplier: "unknown" },
    ];
    const mismatches: string[] = [];
    let checked = 0;
    for (const d of LEVELS)
      for (const f of LEVELS)
        for (const m of LEVELS)
          for (const s of LEVELS) {
            for (const rest of rests) {
              const levels = all("met", { ...rest, design: d, function: f, material: m, finish: s });
              for (const goal of goals)
                for (const quantity of quantities)
                  for (const annualVolume of volumes) {
                    const part = { levels, goal, quantity, annualVolume };
                    const a = run(part);
                    const expected = specModel(part);
                    const actual = {
                      stage: a.stage,
                      score: a.score,
                      progress: a.progress,
                      blockers: ids(a.blockers),
                      missing: ids(a.missing),
                      first: nextStepCriterion(a),
                      warnings: a.warnings.map((w) => w.code),
                    };
                    const wanted = { ...expected, first: expected.first?.criterion };
                    if (JSON.stringify(actual) !== JSON.stringify(wanted))
                      mismatches.push(`${JSON.stringify(part)}: got ${JSON.stringify(actual)}, spec ${JSON.stringify(wanted)}`);
                    checked += 1;
                  }
            }
          }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(checked).toBe(4 ** 4 * 3 * 3 * 9 * 6);
  });

  it("gate B reads exactly the eleven level criteria", () => {
    for (const id of SPEC_GATE_B) {
      expect(run({ levels: all("met", { [id]: "partial" }), goal: "delivering" }).stage).toBe("low-volume");
    }
  });
});

describe("the high-quantity warning says what holds the part back", () => {
  it("calls the design changing only when it is not stable", () => {
    const changing = run({ levels: { design: "not-met" }, quantity: 5000 }).warnings[0]?.message ?? "";
    expect(changing).toMatch(/design that may still change/u);
    const frozen =
      run({ levels: { design: "met", function: "met", material: "met", finish: "met" }, goal: "learning", quantity: 5000 }).warnings[0]?.message ?? "";
    expect(frozen).not.toMatch(/may still change/u);
    expect(frozen).toMatch(/held back by goal/u);
    const missingGoal =
      assessPart({ design: "frozen", function: "ok", material: "locked", finish: "confirmed", goal: "TBD", quantity: 5000 }).warnings[0]?.message ?? "";
    expect(missingGoal).toMatch(/goal \(not given\)/u);
  });
});

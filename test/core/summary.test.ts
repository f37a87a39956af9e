import { describe, expect, it } from "vitest";
import { assessPart, summarize, summaryBuilder, type PartValues } from "../../src/core";

const allMet: PartValues = {
  design: "frozen",
  function: "verified",
  material: "locked",
  finish: "confirmed",
  tolerances: "reviewed",
  dfm: "done",
  pilot: "validated",
  demand: "stable",
  supplier: "qualified",
  inspection: "defined",
  cost: "quoted",
  goal: "production",
};

/** Each part with the stage and open criteria the spec gives it. */
const parts: { values: PartValues; stage: string | null; blockers: string[]; missing: string[]; warnings: number }[] = [
  { values: allMet, stage: "mass-production", blockers: [], missing: [], warnings: 0 },
  { values: { ...allMet, annual_volume: 200 }, stage: "mass-production", blockers: [], missing: [], warnings: 1 },
  { values: { ...allMet, cost: "estimated" }, stage: "low-volume", blockers: ["cost"], missing: [], warnings: 0 },
  { values: { ...allMet, cost: "no", supplier: "" }, stage: "low-volume", blockers: ["cost"], missing: ["supplier"], warnings: 0 },
  { values: { design: "draft", goal: "pilot" }, stage: "prototyping", blockers: ["design"], missing: ["function", "material", "finish"], warnings: 0 },
  {
    values: { design: "draft", function: "failed", quantity: 5000 },
    stage: "prototyping",
    blockers: ["design", "function"],
    missing: ["material", "finish"],
    warnings: 1,
  },
  { values: { design: "", cost: "" }, stage: null, blockers: [], missing: [], warnings: 0 },
  { values: { design: "banana" }, stage: "prototyping", blockers: [], missing: ["design", "function", "material", "finish", "goal"], warnings: 0 },
];

describe("summaryBuilder", () => {
  it("counts parts per stage, the unclassified rows, warnings and issues", () => {
    const builder = summaryBuilder();
    for (const p of parts) builder.add(assessPart(p.values));
    const s = builder.result();
    expect(s.parts).toBe(parts.length);
    expect(s.unclassified).toBe(parts.filter((p) => p.stage === null).length);
    expect(s.byStage).toEqual({
      prototyping: parts.filter((p) => p.stage === "prototyping").length,
      "low-volume": parts.filter((p) => p.stage === "low-volume").length,
      "mass-production": parts.filter((p) => p.stage === "mass-production").length,
    });
    expect(s.warnings).toBe(parts.reduce((n, p) => n + p.warnings, 0));
    expect(s.issues).toBe(1);
  });

  it("ranks blockers and missing criteria, most frequent first, then by label", () => {
    const s = summarize(parts.map((p) => assessPart(p.values)));
    const count = (key: "blockers" | "missing", id: string): number => parts.filter((p) => p[key].includes(id)).length;
    // design and cost block two parts each; "Design" sorts before "Piece price"
    expect(s.topBlockers.map((b) => [b.criterion, b.count])).toEqual([
      ["design", count("blockers", "design")],
      ["cost", count("blockers", "cost")],
      ["function", count("blockers", "function")],
    ]);
    expect(count("blockers", "cost")).toBe(2);
    expect(s.topMissing[0]).toMatchObject({ count: count("missing", "material") });
    expect(count("missing", "material")).toBe(3);
    expect(
      s.topMissing
        .map((m) => m.criterion)
        .slice(0, 2)
        .sort(),
    ).toEqual(["finish", "material"]);
    expect(s.topMissing.map((m) => m.label)).toEqual(["Material", "Surface finish", "Function and fit", "Design", "Goal"]);
  });

  it("keeps only the top n", () => {
    expect(
      summarize(
        parts.map((p) => assessPart(p.values)),
        1,
      ).topBlockers,
    ).toHaveLength(1);
  });

  it("an empty builder reports zeros", () => {
    expect(summaryBuilder().result()).toEqual({
      parts: 0,
      unclassified: 0,
      byStage: { prototyping: 0, "low-volume": 0, "mass-production": 0 },
      topBlockers: [],
      topMissing: [],
      warnings: 0,
      issues: 0,
      waived: 0,
      partsWithWaivers: 0,
    });
  });
});

import { describe, expect, it } from "vitest";
import { assess, assessPart, readPart } from "../../src/core";
import { reportPart } from "../../src/report";

describe("reportPart", () => {
  it("carries the assessment over, progress as 0–1 and criteria by their labels", () => {
    const a = assessPart({ design: "yes", function: "yes", material: "yes", finish: "yes", goal: "delivering", pilot: "no" });
    expect(a.stage).toBe("low-volume");
    const p = reportPart("P-100", 7, a);
    expect(p).toMatchObject({ label: "P-100", row: 7, stage: "low-volume", score: a.score, nextStep: a.nextStep, waived: [], evidence: [] });
    expect(p.progress).toBeCloseTo((a.progress ?? NaN) / 100);
    expect(p.blockers).toContainEqual({ criterion: "Pilot run", detail: a.blockers.find((b) => b.criterion === "pilot")?.reason });
    expect(p.missing.map((m) => m.criterion)).toContain("Supplier");
  });

  it("lists the criteria met, by label, when given the row's levels", () => {
    const reading = readPart({ design: "yes", function: "partial", cost: "yes", pilot: "no" });
    const p = reportPart("P-1", 2, assess(reading), reading.levels);
    expect(p.met).toEqual(["Design", "Piece price"]);
    expect(reportPart("P-1", 2, assess(reading)).met).toBeUndefined();
  });

  it("keeps an empty row unclassified", () => {
    expect(reportPart("", 9, assessPart({}))).toMatchObject({ stage: null, score: null, progress: null, blockers: [], missing: [] });
  });
});

import { describe, expect, it } from "vitest";
import { CRITERIA, assess, checklist, readPart, type PartValues } from "../../src/core";
import { SPEC_GATE_A, SPEC_GATE_B } from "./spec-tables";

function review(values: PartValues) {
  const reading = readPart(values);
  const a = assess(reading);
  return { a, checks: checklist(values, reading, a) };
}

describe("checklist", () => {
  it("lists every criterion once: gate A (with the goal), then the rest of gate B, then the quantities", () => {
    const { checks } = review({ design: "frozen" });
    expect([...checks.map((c) => c.criterion)].sort()).toEqual([...CRITERIA].sort());
    const gateA = [...SPEC_GATE_A, "goal"];
    const gateBOnly = SPEC_GATE_B.filter((id) => !SPEC_GATE_A.includes(id));
    expect(checks.map((c) => c.criterion)).toEqual([...gateA, ...gateBOnly, "quantity", "annual_volume"]);
    expect(checks.map((c) => c.gate)).toEqual([...gateA.map(() => "A"), ...gateBOnly.map(() => "B"), "info", "info"]);
  });

  it("shows each level as read and the cell as typed", () => {
    const values: PartValues = { design: " Frozen ", function: "in progress", material: "open", finish: true, tolerances: 0.5, goal: "R&D", quantity: "2.5k" };
    const byId = new Map(review(values).checks.map((c) => [c.criterion, c]));
    expect(byId.get("design")).toMatchObject({ state: "met", text: " Frozen " });
    expect(byId.get("function")?.state).toBe("partial");
    expect(byId.get("material")?.state).toBe("not-met");
    expect(byId.get("finish")).toMatchObject({ state: "met", text: "TRUE" });
    expect(byId.get("tolerances")).toMatchObject({ state: "partial", text: "0.5" });
    expect(byId.get("cost")).toMatchObject({ state: "unknown", text: "" });
    expect(byId.get("goal")?.state).toBe("not-met");
    expect(byId.get("quantity")).toMatchObject({ state: "info", note: "2,500" });
    expect(byId.get("annual_volume")?.state).toBe("unknown");
  });

  it("marks the assessment's blockers and missing items", () => {
    const { a, checks } = review({ design: "draft", material: "candidate", goal: "learning" });
    for (const c of checks) {
      expect(c.blocking, c.criterion).toBe(a.blockers.some((b) => b.criterion === c.criterion));
      expect(c.missing, c.criterion).toBe(a.missing.some((m) => m.criterion === c.criterion));
    }
    expect(checks.filter((c) => c.blocking).map((c) => c.criterion)).toEqual(["design", "goal"]);
    expect(checks.filter((c) => c.missing).map((c) => c.criterion)).toEqual(["function", "finish"]);
  });

  it("a goal inferred from the quantity counts as met and says why", () => {
    const goal = review({ design: "stable", quantity: 200 }).checks.find((c) => c.criterion === "goal");
    expect(goal?.state).toBe("met");
    expect(goal?.note).toMatch(/quantity/u);
    const fromVolume = review({ design: "stable", annual_volume: 200 }).checks.find((c) => c.criterion === "goal");
    expect(fromVolume?.note).toMatch(/annual volume/u);
    expect(review({ design: "stable", quantity: 3 }).checks.find((c) => c.criterion === "goal")?.state).toBe("unknown");
  });

  it("carries the reading's issue as the note of the cell it is about", () => {
    const design = review({ design: "banana", function: "passed" }).checks.find((c) => c.criterion === "design");
    expect(design).toMatchObject({ state: "unknown", text: "banana" });
    expect(design?.note).toMatch(/banana/u);
  });
});

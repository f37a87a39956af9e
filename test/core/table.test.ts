import { describe, expect, it } from "vitest";
import { LIST_SEPARATOR, RESULT_HEADERS, assessPart, blockersText, mapHeaders, missingText, partLabel, resultCells, rowReader } from "../../src/core";
import { SPEC_STAGE_NAMES } from "./spec-tables";

const header = ["Part no", "Design", "Function", "Material", "Finish", "Tolerances", "Supplier", "Goal", "Qty", "Notes"];

describe("rowReader", () => {
  const reader = rowReader(mapHeaders(header));

  it("reads each mapped column and nothing else", () => {
    const reading = reader.read(["HX-1", "frozen", "validated", "6061-T6", "clear anodize", "critical only", "Acme", "pilot", "1k", "frozen? no idea"]);
    expect(reading.levels).toMatchObject({
      design: "met",
      function: "met",
      material: "partial",
      finish: "partial",
      tolerances: "partial",
      supplier: "unknown",
    });
    expect(reading).toMatchObject({ goal: "delivering", quantity: 1000, issues: [] });
  });

  it("a row shorter than the header leaves the missing cells unknown", () => {
    const reading = reader.read(["HX-2", "draft"]);
    expect(reading.levels.design).toBe("not-met");
    expect(reading.levels.function).toBe("unknown");
    expect(reading.goal).toBe("unknown");
  });

  it("assesses with the thresholds it was built with", () => {
    const row = ["HX-3", "stable", "in progress", "6061", "black anodize", "", "", "", 30, ""];
    expect(reader.assess(row).stage).toBe("low-volume");
    expect(rowReader(mapHeaders(header), { prototypeQuantity: 50, lowVolumeQuantity: 1000 }).assess(row).stage).toBe("prototyping");
  });

  it("labels the part from the part column", () => {
    const mapping = mapHeaders(header);
    expect(partLabel([" HX-4 ", "frozen"], mapping)).toBe("HX-4");
    expect(partLabel(["frozen"], mapHeaders(["Design"]))).toBe("");
  });
});

describe("resultCells", () => {
  it("has the five result columns in order", () => {
    expect(RESULT_HEADERS).toEqual(["Stage", "Readiness score", "Next step", "Blockers", "Missing"]);
  });

  it("writes stage name, score, next step, blockers and missing", () => {
    const a = assessPart({ design: "stable", function: "partial", material: "locked", finish: "final", dfm: "no", goal: "pilot" });
    const cells = resultCells(a);
    expect(cells).toHaveLength(RESULT_HEADERS.length);
    expect(cells[0]).toBe(SPEC_STAGE_NAMES["low-volume"]);
    expect(cells[1]).toBe(50 + Math.round((49 * (2 + 2 * 0.5)) / 11));
    expect(cells[2]).toBe(a.nextStep);
    expect(cells[3].split(LIST_SEPARATOR)).toEqual(a.blockers.map((b) => b.reason));
    expect(a.blockers.map((b) => b.criterion)).toEqual(["design", "function", "dfm"]);
    expect(cells[4].split(LIST_SEPARATOR)).toEqual(a.missing.map((m) => m.provide));
    expect(cells[3]).toBe(blockersText(a));
    expect(cells[4]).toBe(missingText(a));
  });

  it("is five empty cells for a row without a stage", () => {
    expect(resultCells(assessPart({ design: "", goal: "" }))).toEqual(["", "", "", "", ""]);
  });

  it("keeps a score of 0 as a number", () => {
    expect(resultCells(assessPart({ design: "no" }))[1]).toBe(0);
  });
});

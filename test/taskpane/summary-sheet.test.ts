import { describe, expect, it } from "vitest";
import { STAGES, STAGE_PROFILES, mapHeaders, rowReader, summarize } from "../../src/core";
import { SUMMARY_TITLE, summaryLayout, summarySentence, summaryTarget } from "../../src/taskpane/summary-sheet";

const reader = rowReader(mapHeaders(["Design", "Function", "Material", "Finish", "Goal"]));
const summary = summarize([
  reader.assess(["draft", "failed", "open", "open", "learning"]),
  reader.assess(["draft", "verified", "locked", "confirmed", "pilot"]),
  reader.assess(["stable", "verified", "locked", "confirmed", "pilot"]),
  reader.assess(["", "", "", "", ""]),
]);

describe("summary sheet", () => {
  const layout = summaryLayout(summary, "Parts!A1:E5");

  it("is a rectangle of two columns starting with the title", () => {
    expect(layout.values.every((r) => r.length === 2)).toBe(true);
    expect(layout.values[0]?.[0]).toBe(SUMMARY_TITLE);
    expect(layout.values[1]).toEqual(["List", "Parts!A1:E5"]);
  });

  it("gives the chart the header and one row per stage with the counts", () => {
    const { first, count } = layout.chartRows;
    expect(layout.values.slice(first, first + count)).toEqual([["Stage", "Parts"], ...STAGES.map((s) => [STAGE_PROFILES[s].name, summary.byStage[s]])]);
    expect(layout.headingRows).toContain(first);
  });

  it("lists the most common blockers with their counts", () => {
    const at = layout.values.findIndex((r) => r[0] === "Most common blockers");
    expect(layout.values.slice(at + 1, at + 1 + summary.topBlockers.length)).toEqual(summary.topBlockers.map((b) => [b.label, b.count]));
    expect(summary.topBlockers.length).toBeGreaterThan(0);
  });

  it("says it in one sentence", () => {
    expect(summarySentence(summary)).toBe("4 parts: 2 prototyping, 1 low-volume manufacturing, 0 mass production, 1 with no recognised value.");
  });
});

describe("where the summary goes", () => {
  it.each([
    { names: ["Parts"], title: undefined, expected: { name: "Readiness summary", replace: false } },
    { names: ["Parts", "Readiness summary"], title: SUMMARY_TITLE, expected: { name: "Readiness summary", replace: true } },
    { names: ["Parts", "readiness SUMMARY"], title: "My own notes", expected: { name: "Readiness summary (2)", replace: false } },
    { names: ["Readiness summary", "Readiness summary (2)"], title: "", expected: { name: "Readiness summary (3)", replace: false } },
  ])("sheets $names with A1 $title -> $expected", ({ names, title, expected }) => {
    expect(summaryTarget(names, title)).toEqual(expected);
  });
});

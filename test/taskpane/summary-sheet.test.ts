import { describe, expect, it } from "vitest";
import { CELL_NOTE_LIMIT, STAGES, STAGE_PROFILES, columnReport, mapHeaders, rowReader, summarize } from "../../src/core";
import { NO_CRITERIA_LABEL, SUMMARY_TITLE, SUMMARY_WIDTH, sheetText, summaryLayout, summarySentence, summaryTarget } from "../../src/taskpane/summary-sheet";

const headers = ["Part", "Design", "Function", "Material", "Finish", "Goal", "Remarks"];
const mapping = mapHeaders(headers);
const reader = rowReader(mapping);
const summary = summarize([
  reader.assess(["A", "draft", "failed", "open", "open", "learning", ""]),
  reader.assess(["B", "draft", "verified", "locked", "confirmed", "pilot", ""]),
  reader.assess(["C", "stable", "verified", "locked", "confirmed", "pilot", ""]),
  reader.assess(["D", "", "", "", "", "", "only a remark"]),
]);
const reading = {
  columns: columnReport(mapping, 1),
  cells: [{ cell: "Parts!C9", value: "frzn", message: 'Design: "frzn" is not a design status; counted as unknown.' }],
  cellTotal: 1,
};

describe("summary sheet", () => {
  const layout = summaryLayout(summary, "Parts!B1:H5", reading);

  it(`is a rectangle of ${SUMMARY_WIDTH} columns starting with the title`, () => {
    expect(SUMMARY_WIDTH).toBe(4);
    expect(layout.values.every((r) => r.length === SUMMARY_WIDTH)).toBe(true);
    expect(layout.values[0]?.[0]).toBe(SUMMARY_TITLE);
    expect(layout.values[1]).toEqual(["List", "Parts!B1:H5", "", ""]);
  });

  it("gives the chart the header and one row per stage with the counts, and the rows with no criteria filled in", () => {
    const { first, count } = layout.chartRows;
    expect(layout.values.slice(first, first + count)).toEqual(
      [["Stage", "Parts", "", ""], ...STAGES.map((s) => [STAGE_PROFILES[s].name, summary.byStage[s], "", ""]), [NO_CRITERIA_LABEL, 1, "", ""]].slice(0, count),
    );
    expect(layout.headingRows).toContain(first);
  });

  it("lists the most common blockers with their counts", () => {
    const at = layout.values.findIndex((r) => r[0] === "Most common blockers");
    expect(layout.values.slice(at + 1, at + 1 + summary.topBlockers.length)).toEqual(summary.topBlockers.map((b) => [b.label, b.count, "", ""]));
    expect(summary.topBlockers.length).toBeGreaterThan(0);
  });

  it("shows how every column was read, with its sheet letter, and the cells not understood", () => {
    const at = layout.values.findIndex((r) => r[0] === "How columns were read");
    expect(layout.values[at]).toEqual(["How columns were read", "Header", "Read as", "How"]);
    expect(layout.values.slice(at + 1, at + 1 + headers.length).map((r) => [r[0], r[1], r[2]])).toEqual([
      ["Column B", "Part", "Part label"],
      ["Column C", "Design", "Design"],
      ["Column D", "Function", "Function and fit"],
      ["Column E", "Material", "Material"],
      ["Column F", "Finish", "Surface finish"],
      ["Column G", "Goal", "Goal"],
      ["Column H", "Remarks", "Not read"],
    ]);
    const cellsAt = layout.values.findIndex((r) => r[0] === "Cells not understood" && r[1] === "Value");
    expect(layout.values[cellsAt + 1]).toEqual(["Parts!C9", "frzn", reading.cells[0]?.message, ""]);
  });

  it("says it in one sentence", () => {
    expect(summarySentence(summary)).toBe("4 parts: 2 prototyping, 1 low-volume manufacturing, 0 mass production, 1 with no criteria filled in.");
  });

  it(`counts the cells beyond the first ${CELL_NOTE_LIMIT}`, () => {
    const many = summaryLayout(summary, "Parts!B1:H5", { ...reading, cellTotal: 1 + 2500 });
    expect(many.values.at(-1)?.[0]).toBe("... and 2500 more");
  });
});

describe("sheetText keeps what Excel would read as something else as text", () => {
  it.each([
    ["=A1", "'=A1"],
    ["+49 30", "'+49 30"],
    ["-5", "'-5"],
    ["@risk", "'@risk"],
    ["'Bill of parts'!C9", "''Bill of parts'!C9"],
    ["1.000", "'1.000"],
    ["1,000", "'1,000"],
    ["0.85", "'0.85"],
    ["50%", "'50%"],
    ["$4.20", "'$4.20"],
    ["2024-03-01", "'2024-03-01"],
    ["3/4", "'3/4"],
    ["12:30", "'12:30"],
    ["TRUE", "'TRUE"],
    ["frozen", "frozen"],
    ["Parts!C9", "Parts!C9"],
    ['Design: "frzn" is not a design status; counted as unknown.', 'Design: "frzn" is not a design status; counted as unknown.'],
    ["Rev 2", "Rev 2"],
    ["", ""],
    [42, 42],
  ])("%j -> %j", (value, written) => {
    expect(sheetText(value)).toBe(written);
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

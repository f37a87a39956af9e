import { describe, expect, it } from "vitest";
import { summarize, type RunPart, type Summary } from "../../src/core";
import { changeSentence, compareList, duplicateLines, stageOfCell } from "../../src/taskpane/compare-model";
import { HISTORY_HEADERS, excelDate, historyPlace, historyRow } from "../../src/taskpane/history-model";
import { LAST_RUN_LIMIT, LISTS_REMEMBERED, listKey, previousRun, storedRuns, withRun } from "../../src/taskpane/last-run";

const summary = (byStage: Summary["byStage"]): Summary => ({ ...summarize([]), byStage });
const result = (stage: string) => [stage, "", "", "", ""] as const;

describe("the Change column", () => {
  it("reads back only the stage names the pane writes", () => {
    expect(["Prototyping", " mass production ", "Low-volume manufacturing", "Low-volume", "", 3, null].map(stageOfCell)).toEqual([
      "prototyping",
      "mass-production",
      "low-volume",
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("gives each row its change against the recorded run, and nothing for blank rows or when no run is recorded", () => {
    const previous: RunPart[] = [
      { label: "A", stage: "prototyping", row: 2 },
      { label: "B", stage: "mass-production", row: 3 },
      { label: "Gone", stage: "low-volume", row: 4 },
    ];
    const rows = [
      { label: "B", result: result("Low-volume manufacturing") },
      { label: "", result: result("") },
      { label: "A", result: result("Mass production") },
      { label: "C", result: result("Prototyping") },
      { label: "D", result: result("") },
    ];
    const out = compareList(previous, rows, 1);
    expect(out.cells).toEqual(["↓ from Mass production", "", "↑ from Prototyping", "new", ""]);
    expect(out.current).toEqual([
      { label: "B", stage: "low-volume", row: 2 },
      { label: "A", stage: "mass-production", row: 4 },
      { label: "C", stage: "prototyping", row: 5 },
    ]);
    expect(changeSentence(out.comparison)).toBe("Since the last run: 1 part moved up, 1 part moved down, 1 new part, 1 part dropped from the list.");
    const none = compareList(undefined, rows, 1);
    expect([none.compared, none.cells.every((c) => c === "")]).toEqual([false, true]);
  });

  it("lists duplicated labels, a few at a time", () => {
    const rows = ["X", "X", "Y", "Y"].map((label) => ({ label, result: result("Prototyping") }));
    const out = compareList([], rows, 0);
    expect(duplicateLines(out.comparison, 1)).toEqual(['"X" is in this run 2 times (rows 1, 2)', "…and 1 more duplicated labels"]);
  });
});

describe("the history sheet", () => {
  it("dates a run in Excel's serial days, local time", () => {
    expect(excelDate(new Date(1900, 0, 1))).toBe(2);
    expect(excelDate(new Date(2026, 10, 29, 18, 0))).toBeCloseTo(46_355.75, 6);
  });

  it("writes the counts, and the changes only when there was a run to compare with", () => {
    const when = new Date(2026, 10, 29, 18, 0);
    const counts = summary({ prototyping: 3, "low-volume": 2, "mass-production": 1 });
    expect(historyRow(when, "'Bill of parts'!A1:P31", counts, undefined)).toEqual([excelDate(when), "''Bill of parts'!A1:P31", 3, 2, 1, "", "", "", ""]);
    const comparison = compareList([{ label: "A", stage: "prototyping", row: 2 }], [{ label: "A", result: result("Mass production") }], 1).comparison;
    expect(historyRow(when, "Parts!A1:P2", counts, comparison).slice(5)).toEqual([1, 0, 0, 0]);
  });

  it("appends under the last run, and never writes into a sheet or row it did not make", () => {
    expect(historyPlace(undefined)).toEqual({ ok: true, value: { create: true, row: 1 } });
    const head = [...HISTORY_HEADERS];
    expect(historyPlace({ row: 0, column: 0, values: [head, [1, "L", 1, 0, 0, "", "", "", ""]] })).toEqual({ ok: true, value: { create: false, row: 2 } });
    expect(historyPlace({ row: 0, column: 0, values: [head] })).toEqual({ ok: true, value: { create: false, row: 1 } });
    expect(historyPlace({ row: 0, column: 0, values: [["Date", "List"]] })).toMatchObject({
      ok: false,
      issue: expect.stringMatching(/was not made by Part Readiness/u),
    });
    expect(historyPlace({ row: 2, column: 0, values: [head] })).toMatchObject({ ok: false });
    expect(historyPlace({ row: 0, column: 0, values: [head, [1, "L", 1, 0, 0, 0, 0, 0, 0], ["", "", "", "", "", "", "", "", "my note"]] })).toEqual({
      ok: false,
      issue:
        'Row 3 of "Readiness history", under the last run, holds data the pane did not write, so this run was not added. Move or clear it to keep the history going.',
    });
  });
});

describe("the last run, remembered in the workbook", () => {
  const block = { sheet: "Parts", rect: { row: 3, column: 1, rows: 10, columns: 5 }, table: undefined, tableHeader: false };
  it("keys a list by its sheet and table, or the first cell of its header row", () => {
    expect(listKey(block, 4)).toBe("Parts|B5");
    expect(listKey({ ...block, table: "Bom" }, 3)).toBe("Parts|Bom");
  });

  it("keeps this list's labelled parts first, then the other lists, within its limits", () => {
    const parts: RunPart[] = [
      { label: "A", stage: "prototyping", row: 2 },
      { label: " ", stage: "low-volume", row: 3 },
      { label: "B", stage: "mass-production", row: 4 },
    ];
    const other = { list: "Other|A1", labels: ["Z"], stages: "1", rows: [9] };
    const { value, remembered } = withRun([other, { list: "Parts|B5", labels: [], stages: "", rows: [] }], "Parts|B5", parts);
    expect(remembered).toBe(true);
    expect(value).toEqual([{ list: "Parts|B5", labels: ["A", "B"], stages: "02", rows: [2, 4] }, other]);
    expect(previousRun(storedRuns(JSON.parse(JSON.stringify(value))), "Parts|B5")).toEqual([parts[0], parts[2]]);
    expect(previousRun(value, "Elsewhere|A1")).toBeUndefined();
    const many = Array.from({ length: 20 }, (_, i) => ({ ...other, list: `L${i}` }));
    expect(withRun(many, "Parts|B5", parts).value).toHaveLength(LISTS_REMEMBERED);
    const huge = Array.from({ length: 60_000 }, (_, i) => ({ label: `PART-${String(i).padStart(12, "0")}`, stage: "prototyping" as const, row: i + 2 }));
    expect(withRun([other], "Parts|B5", huge)).toEqual({ value: [other], remembered: false });
    expect(JSON.stringify(withRun([], "x", huge.slice(0, 100)).value).length).toBeLessThan(LAST_RUN_LIMIT);
  });

  it("remembers nothing from a stored value of another shape", () => {
    for (const bad of [null, "x", 3, {}, [{ list: "L", labels: ["a"], stages: "3", rows: [1] }], [{ list: "L", labels: ["a", "b"], stages: "0", rows: [1] }]])
      expect(storedRuns(bad)).toEqual([]);
  });
});

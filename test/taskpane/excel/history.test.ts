/* What changed since the last run: the Change column and the history sheet, through the stand-in. */
import { describe, expect, it } from "vitest";
import { RESULT_HEADERS, STAGES, mapHeaders, rowReader, stageName, type Stage } from "../../../src/core";
import { classifyList } from "../../../src/taskpane/excel/classify-run";
import { locateList } from "../../../src/taskpane/excel/locate";
import type { Run } from "../../../src/taskpane/excel/run";
import { HISTORY_CHART, HISTORY_HEADERS, excelDate } from "../../../src/taskpane/history-model";
import { HEADERS, partRow, standIn } from "./fixtures";

const reader = rowReader(mapHeaders([...HEADERS]));
const stageOf = (row: readonly unknown[]): Stage => {
  const s = reader.assess(row).stage;
  if (!s) throw new Error("test row without a stage");
  return s;
};
/** Rows of the fixture by stage: the first of each. */
const byStage = (stage: Stage, skip = 0): (string | number)[] => {
  const found = Array.from({ length: 200 }, (_, i) => partRow(i)).filter((r) => stageOf(r) === stage)[skip];
  if (!found) throw new Error(`no ${stage} row`);
  return found;
};
const named = (label: string, row: readonly (string | number)[]): (string | number)[] => [label, ...row.slice(1)];

async function classify(run: Run, when: Date) {
  const located = await locateList(run);
  if (!located.ok) throw new Error(located.issue.message);
  return classifyList(run, {
    list: located.value,
    mapping: located.value.plan.mapping,
    thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 },
    now: () => when,
  });
}

const first = new Date(2026, 9, 5, 9, 30);
const second = new Date(2026, 10, 5, 14, 0);

describe("what changed since the last run", () => {
  it("writes no Change column on a list's first run, and starts the history sheet with a line chart", async () => {
    const rows = [named("A-1", byStage("prototyping")), named("A-2", byStage("low-volume")), named("A-3", byStage("mass-production"))];
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!B2" });
    const out = await classify(run, first);
    expect(out.ok && [out.value.comparison, out.value.changeArea, out.value.history]).toEqual([
      undefined,
      undefined,
      { ok: true, sheet: "Readiness history", row: 1 },
    ]);
    expect(s.book.read("Parts!V1:V4").flat()).toEqual(["", "", "", ""]);
    expect(s.book.read("'Readiness history'!A1:I2")).toEqual([[...HISTORY_HEADERS], [excelDate(first), "Parts!A1:P4", 1, 1, 1, "", "", "", ""]]);
    const history = s.book.sheetNamed("Readiness history");
    expect(history?.format(1, 0)?.numberFormat).toBe("yyyy-mm-dd hh:mm");
    expect(history?.charts).toMatchObject([
      {
        name: HISTORY_CHART,
        type: "Line",
        source: "'Readiness history'!C1:E2",
        seriesBy: "Columns",
        categories: "'Readiness history'!A2",
        categoryType: "TextAxis",
        series: [
          { name: "Prototyping", values: "'Readiness history'!C2" },
          { name: "Low-volume", values: "'Readiness history'!D2" },
          { name: "Mass production", values: "'Readiness history'!E2" },
        ],
      },
    ]);
  });

  it("compares the parts of the list's last run with the new answers by part label, and appends the run to the history", async () => {
    const rows = [
      named("A-1", byStage("prototyping")),
      named("A-2", byStage("low-volume")),
      named("A-3", byStage("mass-production")),
      named("A-4", byStage("prototyping", 1)),
      named("A-5", byStage("low-volume", 1)),
    ];
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!B2" });
    expect((await classify(run, first)).ok).toBe(true);
    // A-1 reaches mass production, A-3 falls back to low-volume, a new part B-9 takes A-4's row and pushes it down to
    // A-5's, and A-5 leaves the list. The Stage cells in rows 5 and 6 now stand beside other parts than the ones they were written for.
    await s.edit("Parts!A2:P2", [named("A-1", byStage("mass-production", 1))]);
    await s.edit("Parts!A4:P4", [named("A-3", byStage("low-volume", 2))]);
    await s.edit("Parts!A5:P6", [named("B-9", byStage("low-volume", 3)), rows[3] ?? []]);
    await s.select("Parts!B2");
    const out = await classify(run, second);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.changeArea).toBe("Parts!V1:V6");
    expect(s.book.read("Parts!Q1:V1")).toEqual([[...RESULT_HEADERS, "Change"]]);
    expect(s.book.read("Parts!V2:V6").flat()).toEqual([`↑ from ${stageName("prototyping")}`, "", `↓ from ${stageName("mass-production")}`, "new", ""]);
    expect(out.value.comparison).toMatchObject({ movedUp: 1, movedDown: 1, added: 1, dropped: [{ label: "A-5", stage: "low-volume", row: 6 }] });
    const counts = STAGES.map((st) => [...s.book.read("Parts!Q2:Q6").flat()].filter((v) => v === stageName(st)).length);
    expect(s.book.read("'Readiness history'!A3:I3")).toEqual([[excelDate(second), "Parts!A1:U6", ...counts, 1, 1, 1, 1]]);
    // One chart, its series now over both runs.
    expect(s.book.sheetNamed("Readiness history")?.charts).toMatchObject([{ source: "'Readiness history'!C1:E3", categories: "'Readiness history'!A2:A3" }]);

    // A third run with nothing changed: the Change column is rewritten (empty), and a third history row.
    await s.select("Parts!B2");
    const third = await classify(run, second);
    expect(third.ok && third.value.comparison).toMatchObject({ movedUp: 0, movedDown: 0, added: 0 });
    expect(s.book.read("Parts!V1:V6").flat()).toEqual(["Change", "", "", "", "", ""]);
    expect(s.book.read("Parts!W1:W6").flat()).toEqual(["", "", "", "", "", ""]);
    expect(s.book.read("'Readiness history'!A4:A4")).toEqual([[excelDate(second)]]);
    expect(s.book.sheetNamed("Readiness history")?.charts).toHaveLength(1);
  });

  it("asks before writing the Change column over cells that hold data, and writes nothing", async () => {
    const rows = [named("A-1", byStage("prototyping")), named("A-2", byStage("low-volume"))];
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!B2" });
    expect((await classify(run, first)).ok).toBe(true);
    await s.edit("Parts!V3", [["my note"]]);
    await s.edit("Parts!C2", [["frozen"]]);
    await s.select("Parts!B2");
    const before = s.book.read("Parts!A1:W3");
    const out = await classify(run, second);
    expect(!out.ok && out.issue).toEqual({
      code: "foreign",
      message:
        "Nothing was written: the Change column (what changed since the last run) goes to Parts!V1:V3, but Parts!V3 already holds data. Move or clear those cells (or insert an empty column to the right of the Missing column), then classify again.",
    });
    expect(s.book.read("Parts!A1:W3")).toEqual(before);
    expect(s.book.read("'Readiness history'!A3")).toEqual([[""]]);
  });

  it("leaves a sheet called Readiness history that it did not make alone, and says so", async () => {
    const { s, run } = standIn({
      sheets: [
        { name: "Parts", rows: [[...HEADERS], named("A-1", byStage("prototyping"))] },
        { name: "Readiness history", rows: [["My own notes"]] },
      ],
      selection: "Parts!B2",
    });
    const out = await classify(run, first);
    expect(out.ok && out.value.history).toEqual({
      ok: false,
      message: expect.stringMatching(/^The sheet "Readiness history" was not made by Part Readiness/u),
    });
    expect(s.book.read("'Readiness history'!A1:B2")).toEqual([
      ["My own notes", ""],
      ["", ""],
    ]);
    expect(s.book.sheetNamed("Readiness history")?.charts).toEqual([]);
  });

  it("takes a row whose own cells were emptied for a blank row, though its old results and Change cell remain: its part is dropped", async () => {
    const rows = [named("A-1", byStage("prototyping")), named("A-2", byStage("low-volume")), named("A-3", byStage("low-volume", 1))];
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!B2" });
    expect((await classify(run, first)).ok).toBe(true);
    await s.edit("Parts!A3:P3", [named("A-2", byStage("mass-production"))]);
    await s.select("Parts!B2");
    expect((await classify(run, second)).ok).toBe(true);
    expect(s.book.read("Parts!V1:V3")).toEqual([["Change"], [""], [`↑ from ${stageName("low-volume")}`]]);
    await s.edit("Parts!A3:P3", [Array.from({ length: 16 }, () => "")]);
    await s.select("Parts!B2");
    const out = await classify(run, second);
    expect(out.ok && out.value.summary.parts).toBe(2);
    expect(out.ok && out.value.comparison?.dropped.map((p) => p.label)).toEqual(["A-2"]);
    expect(s.book.read("Parts!Q3:V3")).toEqual([["", "", "", "", "", ""]]);
  });

  it("gives a part whose label is written twice no change, rather than a guess", async () => {
    const rows = [named("A-1", byStage("prototyping")), named("A-1", byStage("low-volume"))];
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!B2" });
    expect((await classify(run, first)).ok).toBe(true);
    await s.edit("Parts!A2:P2", [named("A-1", byStage("mass-production"))]);
    await s.select("Parts!B2");
    const out = await classify(run, second);
    expect(s.book.read("Parts!V2:V3").flat()).toEqual(["", ""]);
    expect(out.ok && out.value.comparison?.duplicates).toEqual([
      { label: "A-1", rows: [2, 3], side: "previous" },
      { label: "A-1", rows: [2, 3], side: "current" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import {
  CELL_NOTE_LIMIT,
  NO_CRITERIA_LABEL,
  STAGE_COLORS,
  STAGE_PROFILES,
  STAGES,
  SUMMARY_WIDTH,
  choicesFrom,
  columnReport,
  mapHeaders,
  rowReader,
  summarize,
  summaryLayout,
} from "../../../src/core";
import { classifyList } from "../../../src/taskpane/excel/classify-run";
import { locateList, type LocatedList } from "../../../src/taskpane/excel/locate";
import type { Run } from "../../../src/taskpane/excel/run";
import { SUMMARY_TITLE } from "../../../src/taskpane/summary-sheet";
import { HEADERS, RESULT_ROW, expectedResults, partRows, standIn } from "./fixtures";

async function prepare(run: Run, choices?: Parameters<typeof locateList>[1]): Promise<LocatedList> {
  const located = await locateList(run, choices);
  if (!located.ok) throw new Error(located.issue.message);
  return located.value;
}

async function classify(run: Run, options: Partial<Parameters<typeof classifyList>[1]> = {}) {
  const list = await prepare(run);
  return classifyList(run, { list, mapping: list.plan.mapping, thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 }, ...options });
}

describe("classify a list through the Excel API", () => {
  it("writes the core's five result columns to the right of a region, under a title row, and nothing else on the sheet", async () => {
    const rows = partRows(300);
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [["Bill of parts"], [...HEADERS], ...rows], at: "B3" }], selection: "Parts!D10" });
    const before = s.book.read("Parts!A1:Z400");
    const out = await classify(run);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.resultArea).toBe("Parts!R4:V304");
    expect(s.book.read("Parts!R4:V304")).toEqual([RESULT_ROW, ...expectedResults(rows)]);
    const after = s.book.read("Parts!A1:Z400");
    after.forEach((line, r) =>
      line.forEach((v, c) => {
        if (c < 17 || c > 21 || r < 3 || r > 303) expect([r, c, v]).toEqual([r, c, before[r]?.[c]]);
      }),
    );
    expect(s.stats.writes.filter((w) => w.sheet === "Parts").every((w) => /^[RV]|^R\d+:V\d+$|^R\d+(:R\d+)?$/u.test(w.address))).toBe(true);
  });

  it("summarises like the core and colours the Stage column with a text rule per stage", async () => {
    const rows = partRows(120);
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!A2" });
    const out = await classify(run);
    const reader = rowReader(mapHeaders([...HEADERS]));
    expect(out.ok && out.value.summary).toEqual(summarize(rows.map((r) => reader.assess(r))));
    const cfs = s.book.sheetNamed("Parts")?.conditionalFormats ?? [];
    expect(cfs.map((cf) => [cf.rect, cf.rule.text, cf.format.fill])).toEqual(
      STAGES.map((st) => [{ row: 1, column: 16, rows: 120, columns: 1 }, STAGE_PROFILES[st].name, STAGE_COLORS[st].fill]),
    );
    const summary = s.book.sheetNamed("Readiness summary");
    expect(summary?.get(0, 0)).toBe(SUMMARY_TITLE);
    expect(summary?.charts).toHaveLength(1);
  });

  it("runs again into the columns it made, replacing its own summary sheet and formats", async () => {
    const rows = partRows(50);
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!C5" });
    expect((await classify(run)).ok).toBe(true);
    await s.edit("Parts!C2", [["frozen"]]);
    const second = await classify(run);
    expect(second.ok && second.value.resultArea).toBe("Parts!Q1:U51");
    const edited = rows.map((r, i) => (i === 0 ? [r[0], r[1], "frozen", ...r.slice(3)] : r));
    expect(s.book.read("Parts!Q1:U51")).toEqual([RESULT_ROW, ...expectedResults(edited)]);
    // The second run compares: the Change column beside the results, and nothing further right.
    expect(s.book.read("Parts!V1")).toEqual([["Change"]]);
    expect(
      s.book
        .read("Parts!W1:Z51")
        .flat()
        .every((v) => v === ""),
    ).toBe(true);
    // The summary sheet is replaced (so it moves after the history sheet the first run added).
    expect(s.book.sheets.map((x) => x.name)).toEqual(["Parts", "Readiness history", "Readiness summary"]);
    expect(s.book.sheetNamed("Parts")?.conditionalFormats).toHaveLength(3);
  });

  it("leaves a user's own sheet called Readiness summary alone", async () => {
    const { s, run } = standIn({
      sheets: [
        { name: "Parts", rows: [[...HEADERS], ...partRows(5)] },
        { name: "Readiness summary", rows: [["my notes"]] },
      ],
      selection: "Parts!B2",
    });
    const out = await classify(run);
    expect(out.ok && out.value.summarySheet).toBe("Readiness summary (2)");
    expect(s.book.read("'Readiness summary'!A1:B2")).toEqual([
      ["my notes", ""],
      ["", ""],
    ]);
    expect(s.book.sheetNamed("Readiness summary (2)")?.get(0, 0)).toBe(SUMMARY_TITLE);
  });

  it("writes into an Excel table's neighbouring columns and takes the table's header row", async () => {
    const rows = partRows(20);
    const { s, run } = standIn({
      sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows, [], ["Notes below the table"]] }],
      tables: [{ name: "Parts", sheet: "Parts", address: "A1:P21" }],
      selection: "Parts!E7",
    });
    const out = await classify(run);
    expect(out.ok && out.value.resultArea).toBe("Parts!Q1:U21");
    expect(s.book.read("Parts!Q1:U21")).toEqual([RESULT_ROW, ...expectedResults(rows)]);
    expect(s.book.read("Parts!A23")).toEqual([["Notes below the table"]]);
  });

  // Excel's AutoExpansion may grow the table over the result columns when the first run writes them, or not (the option is off).
  for (const autoExpansion of [true, false]) {
    it(`classifies a table again into its own five columns, ${autoExpansion ? "after AutoExpansion grew the table over them" : "with AutoExpansion off"}`, async () => {
      const rows = partRows(20);
      const { s, run } = standIn({
        sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows, [], ["Notes below the table"]] }],
        tables: [{ name: "Parts", sheet: "Parts", address: "A1:P21" }],
        selection: "Parts!E7",
        autoExpansion,
      });
      const first = await classify(run);
      expect(first.ok && first.value.resultArea).toBe("Parts!Q1:U21");
      expect(s.book.tables[0]?.rect).toEqual({ row: 0, column: 0, rows: 21, columns: autoExpansion ? 21 : 16 });
      await s.edit("Parts!C2", [["frozen"]]);
      await s.select("Parts!B3");
      const second = await classify(run);
      expect(second.ok && second.value.resultArea).toBe("Parts!Q1:U21");
      const edited = rows.map((r, i) => (i === 0 ? [r[0], r[1], "frozen", ...r.slice(3)] : r));
      expect(s.book.read("Parts!Q1:U21")).toEqual([RESULT_ROW, ...expectedResults(edited)]);
      expect(s.book.read("Parts!V1")).toEqual([["Change"]]);
      expect(
        s.book
          .read("Parts!W1:Z21")
          .flat()
          .every((v) => v === ""),
      ).toBe(true);
      // AutoExpansion grows the table over the Change column too.
      expect(s.book.tables[0]?.rect).toEqual({ row: 0, column: 0, rows: 21, columns: autoExpansion ? 22 : 16 });
      expect(s.book.read("Parts!A23")).toEqual([["Notes below the table"]]);
      expect(s.book.sheetNamed("Parts")?.conditionalFormats).toHaveLength(3);
    });
  }

  it("leaves a table's totals row alone: not classified, not written, not counted", async () => {
    const rows = partRows(20);
    const totals = ["Total", "", "", "", "", "", "", "", "", "", "", "", "", "", 12_345, 99_999];
    const { s, run } = standIn({
      sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows, totals] }],
      tables: [{ name: "Parts", sheet: "Parts", address: "A1:P22", totals: true }],
      selection: "Parts!E7",
    });
    const list = await prepare(run);
    expect([list.plan.block.rect, list.plan.dataRows]).toEqual([{ row: 0, column: 0, rows: 21, columns: 16 }, 20]);
    const out = await classifyList(run, { list, mapping: list.plan.mapping, thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 } });
    expect(out.ok && out.value.resultArea).toBe("Parts!Q1:U21");
    expect(out.ok && out.value.summary.parts).toBe(20);
    expect(s.book.read("Parts!Q1:U22")).toEqual([RESULT_ROW, ...expectedResults(rows), ["", "", "", "", ""]]);
    expect(s.book.read("Parts!A22:P22")).toEqual([totals]);
  });

  it("classifies a table with a totals row again into its own columns", async () => {
    const rows = partRows(5);
    const { s, run } = standIn({
      sheets: [{ name: "Parts", rows: [[...HEADERS, ...RESULT_ROW], ...rows, ["Total"]] }],
      tables: [{ name: "Parts", sheet: "Parts", address: "A1:U7", totals: true }],
      selection: "Parts!B2",
    });
    const out = await classify(run);
    expect(out.ok && out.value.resultArea).toBe("Parts!Q1:U6");
    expect(s.book.read("Parts!Q2:U7")).toEqual([...expectedResults(rows), ["", "", "", "", ""]]);
  });

  it("refuses to write over a cell it did not write, says where, and writes nothing", async () => {
    const rows = partRows(40);
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!A1" });
    s.book.sheetNamed("Parts")?.set(30, 18, "=A1");
    s.book.sheetNamed("Parts")?.set(35, 20, "keep me");
    const list = await prepare(run);
    s.resetStats();
    const out = await classifyList(run, { list, mapping: list.plan.mapping, thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 } });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issue.code).toBe("foreign");
    expect(out.issue.message).toContain("Parts!S31, Parts!U36 already hold data");
    expect(out.issue.message).toContain("Parts!Q1:U41");
    expect(s.stats.writes).toEqual([]);
    expect(s.book.read("Parts!U36")).toEqual([["keep me"]]);
  });

  it("reads and writes 30,000 rows in requests under the budget, suspending calculation on every write but the last, which recalculates", async () => {
    const rows = partRows(30_000);
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!B2" }, { payloadBytes: 1_500_000 });
    const list = await prepare(run);
    s.resetStats();
    // A 1 MB budget under a 1.5 MB limit stands in for 4 MB under Excel's 5 MB, so that chunking shows at a test-friendly size.
    const out = await classifyList(run, {
      list,
      mapping: list.plan.mapping,
      thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 },
      budget: 1_000_000,
    });
    expect(out.ok).toBe(true);
    expect(s.book.read("Parts!Q1:U30001")).toEqual([RESULT_ROW, ...expectedResults(rows)]);
    const sizes = s.stats.requests.map((r) => Math.max(r.requestBytes, r.responseBytes));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1_000_000 + 20_000);
    const writes = s.stats.requests.filter((r) => r.requestBytes > 100_000);
    expect(writes.length).toBeGreaterThan(3);
    expect(writes.slice(0, -1).every((r) => r.suspendedCalculation)).toBe(true);
    expect(writes.at(-1)?.suspendedCalculation).toBe(false);
    expect(s.book.calculations).toContain("Recalculate");
    expect(s.stats.requests.at(-1)?.suspendedScreenUpdating).toBe(true);
    const total = s.stats.requests.reduce((n, r) => n + r.requestBytes + r.responseBytes, 0);
    expect(s.stats.requests.length).toBeLessThanOrEqual(2 + Math.ceil(total / 1_000_000));
  }, 60_000);

  it("recalculates what depends on the results once they are written, though it suspended calculation while writing", async () => {
    const rows = partRows(3_000);
    const seed = {
      sheets: [
        { name: "Parts", rows: [[...HEADERS], ...rows] },
        { name: "Totals", rows: [['=COUNTIF(Parts!Q:Q,"Prototyping")', "=Parts!Q2", "=Parts!R3001"]] },
      ],
      selection: "Parts!B2",
    };
    const { s, run } = standIn(seed);
    expect(s.book.read("Totals!A1:C1")).toEqual([[0, "", ""]]);
    const list = await prepare(run);
    // Several write requests, so that the first results are written in a request that suspends calculation.
    const out = await classifyList(run, { list, mapping: list.plan.mapping, thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 }, budget: 400_000 });
    expect(out.ok).toBe(true);
    const results = expectedResults(rows);
    // Read straight from the workbook: no later request has given Excel the chance to recalculate by itself.
    expect(s.book.read("Totals!A1:C1")).toEqual([[results.filter((r) => r[0] === "Prototyping").length, results[0]?.[0], results.at(-1)?.[1]]]);
    expect(s.book.calculations).toContain("Recalculate");
    expect(s.book.needsCalculation).toBe(false);
  });

  it("leaves recalculation to the user when the workbook calculates manually", async () => {
    const rows = partRows(20);
    const { s, run } = standIn({
      sheets: [
        { name: "Parts", rows: [[...HEADERS], ...rows] },
        { name: "Totals", rows: [["=Parts!Q2"]] },
      ],
      selection: "Parts!B2",
      calculationMode: "Manual",
    });
    expect((await classify(run)).ok).toBe(true);
    expect(s.book.calculations).toEqual([]);
    expect(s.book.read("Totals!A1")).toEqual([[""]]);
  });

  it("reads again in smaller chunks when Excel refuses a read as too many cells (RangeExceedsLimit)", async () => {
    const rows = partRows(3_000);
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!B2" }, { readCells: 10_000 });
    const out = await classify(run);
    expect(out.ok).toBe(true);
    expect(s.book.read("Parts!Q1:U3001")).toEqual([RESULT_ROW, ...expectedResults(rows)]);
    expect(s.stats.requests.some((r) => r.error === "RangeExceedsLimit")).toBe(true);
  });

  it("writes again in smaller requests when Excel refuses a write as too large (RequestPayloadSizeLimitExceeded)", async () => {
    const rows = partRows(3_000);
    // Excel takes less than the pane aims for: the planned requests are refused and split until they fit.
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!B2" }, { payloadBytes: 150_000 });
    const list = await prepare(run);
    const out = await classifyList(run, { list, mapping: list.plan.mapping, thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 }, budget: 600_000 });
    expect(out.ok).toBe(true);
    expect(s.book.read("Parts!Q1:U3001")).toEqual([RESULT_ROW, ...expectedResults(rows)]);
    expect(s.stats.requests.some((r) => r.error === "RequestPayloadSizeLimitExceeded")).toBe(true);
    expect(s.book.sheetNamed("Readiness summary")?.charts).toHaveLength(1);
    expect(s.book.calculations).toContain("Recalculate");
  });

  it("says which row Excel will not send even on its own, and writes nothing", async () => {
    const rows = partRows(80);
    const huge = [...(rows[69] ?? [])];
    huge[1] = "x".repeat(40_000);
    rows[69] = huge;
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!B2" }, { payloadBytes: 30_000 });
    const list = await prepare(run);
    const out = await classifyList(run, { list, mapping: list.plan.mapping, thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 }, budget: 25_000 });
    expect(!out.ok && out.issue.code).toBe("too-large");
    expect(!out.ok && out.issue.message).toBe(
      "Excel would not send row 71 of the list (Parts!A71:P71) even on its own: it holds more than Excel sends in one response (5 MB on the web). Shorten its longest cells, then classify again. Nothing was written.",
    );
    expect(s.stats.writes).toEqual([]);
  });

  it("says which results Excel will not take even on their own", async () => {
    const rows = partRows(3);
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!B2" }, { payloadBytes: 2_000 });
    const list = await prepare(run);
    const out = await classifyList(run, { list, mapping: list.plan.mapping, thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 }, budget: 20_000 });
    expect(!out.ok && out.issue.code).toBe("too-large");
    // The header row went through; a part's results did not, alone.
    expect(!out.ok && out.issue.message).toMatch(
      /^Excel would not take the results of row (\d) \(Parts!Q\1:U\1\) in one request even on their own \(5 MB at most on the web\)\. The rows before it have their new results \(Parts!Q1:U\d\); the rest of the result columns are unchanged\.$/u,
    );
    expect(s.book.read("Parts!Q1:U1")).toEqual([RESULT_ROW]);
  });

  it("locates a region in one request, a table in two, and a list at the sheet's edge by asking again", async () => {
    const region = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...partRows(3)] }], selection: "Parts!B2" });
    expect((await locateList(region.run)).ok).toBe(true);
    expect(region.s.stats.requests).toHaveLength(1);
    const table = standIn({
      sheets: [{ name: "Parts", rows: [[...HEADERS], ...partRows(3)] }],
      tables: [{ name: "T", sheet: "Parts", address: "A1:P4" }],
      selection: "Parts!B2",
    });
    expect((await locateList(table.run)).ok).toBe(true);
    expect(table.s.stats.requests).toHaveLength(2);
    const edge = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...partRows(3)], at: "XEM1" }], selection: "Parts!XEN2" });
    const located = await locateList(edge.run);
    expect(!located.ok && located.issue.code).toBe("no-room");
    expect(edge.s.stats.requests.map((r) => r.error ?? "ok")).toEqual(["InvalidArgument", "ok", "ok"]);
  });

  it("says the sheet is protected before doing anything", async () => {
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...partRows(3)], protected: true }], selection: "Parts!B2" });
    const located = await locateList(run);
    expect(!located.ok && located.issue).toMatchObject({ code: "protected", message: expect.stringContaining('Sheet "Parts" is protected') });
    expect(s.stats.writes).toEqual([]);
  });

  it.each([
    { name: "an empty cell away from any list", seed: [[...HEADERS], ...partRows(3)], selection: "Parts!Z50", code: "empty" },
    {
      name: "a list without recognisable headers",
      seed: [
        ["Name", "Colour"],
        ["a", "red"],
      ],
      selection: "Parts!A1",
      code: "no-header",
    },
  ])("explains $name", async ({ seed, selection, code }) => {
    const { run } = standIn({ sheets: [{ name: "Parts", rows: seed }], selection });
    const located = await locateList(run);
    expect(!located.ok && located.issue.code).toBe(code);
  });

  it("refuses to write into cells filled by a spilling formula whose anchor is outside the results, and names them", async () => {
    const rows = partRows(20);
    // S1 spills 1..5 down to S5; the list's header is row 3, so S3:S5 lie where the results go. They hold values and no formula.
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[], [], [...HEADERS], ...rows] }], selection: "Parts!B4" });
    s.book.sheetNamed("Parts")?.set(0, 18, "=SEQUENCE(5)");
    s.book.calculate("test");
    expect(s.book.read("Parts!S1:S5")).toEqual([[1], [2], [3], [4], [5]]);
    const list = await prepare(run);
    s.resetStats();
    const out = await classifyList(run, { list, mapping: list.plan.mapping, thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 } });
    expect(!out.ok && out.issue.code).toBe("foreign");
    expect(!out.ok && out.issue.message).toContain("Parts!Q3:U23, but Parts!S3, Parts!S4, Parts!S5 already hold data");
    expect(s.stats.writes).toEqual([]);
    expect(s.book.read("Parts!S1:S5")).toEqual([[1], [2], [3], [4], [5]]);
  });

  it.each([
    { name: "rows were added", change: (s: ReturnType<typeof standIn>["s"]) => s.book.sheetNamed("Parts")?.set(11, 0, "P-new"), text: "is now Parts!A1:P12" },
    {
      name: "a header was renamed",
      change: (s: ReturnType<typeof standIn>["s"]) => s.book.sheetNamed("Parts")?.set(0, 2, "Drawing"),
      text: "has a different header row",
    },
  ])("writes nothing when $name between Classify list and Write results", async ({ change, text }) => {
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...partRows(10)] }], selection: "Parts!B2" });
    const list = await prepare(run);
    change(s);
    const out = await classifyList(run, { list, mapping: list.plan.mapping, thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 } });
    expect(!out.ok && out.issue.code).toBe("changed");
    expect(!out.ok && out.issue.message).toContain(text);
    expect(s.stats.writes).toEqual([]);
  });

  it("stops when cancelled while reading and writes nothing", async () => {
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...partRows(100)] }], selection: "Parts!B2" });
    const cancel = { cancelled: true };
    const out = await classify(run, { cancel });
    expect(!out.ok && out.issue).toEqual({ code: "cancelled", message: "Cancelled. Nothing was written." });
    expect(s.stats.writes).toEqual([]);
  });

  it("uses a corrected mapping", async () => {
    const rows = partRows(10);
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!B2" });
    const list = await prepare(run);
    const { mappingFromAssignments } = await import("../../../src/core");
    const mapping = mappingFromAssignments(list.plan.headers, { design: 2 });
    const out = await classifyList(run, { list, mapping, thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 } });
    expect(out.ok).toBe(true);
    const reader = rowReader(mapping);
    expect(s.book.read("Parts!Q2:Q11").map((r) => r[0])).toEqual(rows.map((r) => reader.assess(r).stageName));
  });

  it("writes the summary sheet four columns wide: counts, then how every column was read with its sheet letter, then the cells not understood", async () => {
    const rows = partRows(60);
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [["Bill of parts"], [...HEADERS], ...rows], at: "B3" }], selection: "Parts!D10" });
    const out = await classify(run);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const mapping = mapHeaders([...HEADERS], { sample: rows });
    expect(out.value.columns).toEqual(columnReport(mapping, 1));
    expect(out.value.columns[0]?.letter).toBe("B");
    const reader = rowReader(mapping);
    const issues = rows.flatMap((r, i) => reader.assess(r).issues.map((issue) => ({ issue, row: 4 + i })));
    expect(out.value.problemCount).toBe(issues.length);
    expect(out.value.cells.map((c) => c.value)).toEqual(issues.map((x) => x.issue.text));
    expect(out.value.cells.map((c) => c.message)).toEqual(issues.map((x) => x.issue.message));
    expect(out.value.cells[0]?.cell).toBe(
      `Parts!${String.fromCharCode(66 + (mapping.byCriterion[issues[0]?.issue.criterion ?? "design"]?.column ?? 0))}${(issues[0]?.row ?? 0) + 1}`,
    );

    const layout = summaryLayout(out.value.summary, "Parts!B3:Q64", { columns: out.value.columns, cells: out.value.cells, cellTotal: out.value.problemCount });
    const sheet = `'Readiness summary'!A1:D${layout.values.length}`;
    expect(s.book.read(sheet)).toEqual(layout.values);
    expect(s.book.read(sheet).find((r) => r[0] === NO_CRITERIA_LABEL)).toBeDefined();
    const at = layout.values.findIndex((r) => r[0] === "How columns were read");
    expect(s.book.read(`'Readiness summary'!A${at + 2}:D${at + 2}`)).toEqual([
      ["Column B", "Part No.", "Part label", "names the part: used to label the results"],
    ]);
    const summarySheet = s.book.sheetNamed("Readiness summary");
    for (const row of layout.headingRows) expect(summarySheet?.format(row, SUMMARY_WIDTH - 1)?.bold, `row ${row}`).toBe(true);
    expect(summarySheet?.charts).toHaveLength(1);
  });

  it("keeps headers and cell values that look like formulas, numbers or quoted sheet names as written on the summary sheet", async () => {
    const headers = ["Part", "Design", "Function", "Material", "Finish", "Goal", "Qty"];
    const rows = [
      ["P-1", "", "verified", "locked", "confirmed", "pilot", "1.000"],
      ["P-2", "-5", "verified", "locked", "confirmed", "pilot", 20],
    ];
    const { s, run } = standIn({ sheets: [{ name: "Bill of parts", rows: [headers, ...rows] }], selection: "'Bill of parts'!B2" });
    // Text cells that hold what Excel would otherwise take for formulas (typed with a leading apostrophe).
    s.book.sheetNamed("Bill of parts")?.setText(0, 0, "=Part");
    s.book.sheetNamed("Bill of parts")?.setText(1, 1, "=not a formula");
    const out = await classify(run);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const summary = s.book.sheetNamed("Readiness summary");
    expect(summary?.formulas.size).toBe(0);
    const values = s.book.read(`'Readiness summary'!A1:D200`);
    expect(values[1]).toEqual(["List", "'Bill of parts'!A1:G3", "", ""]);
    expect(values.find((r) => r[0] === "Column A")?.[1]).toBe("=Part");
    const cellRows = values.filter((r) => String(r[0]).startsWith("'Bill of parts'!"));
    expect(cellRows.map((r) => [r[0], r[1]])).toEqual(out.value.cells.map((c) => [c.cell, c.value]));
    expect(cellRows.map((r) => r[1])).toEqual(expect.arrayContaining(["=not a formula", "1.000", "-5"]));
  });

  it("writes a summary too large for the last results request in requests of its own, each under the budget", async () => {
    const headers = ["Part", "Design", "Function", "Material", "Finish", "Goal", "Qty"];
    const long = (i: number): string => `not a status ${i} ${"x".repeat(2000)}`;
    const rows = Array.from({ length: CELL_NOTE_LIMIT + 200 }, (_, i) => [`P-${i}`, long(i), "verified", "locked", "confirmed", "pilot", 20]);
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [headers, ...rows] }], selection: "Parts!B2" }, { payloadBytes: 1_500_000 });
    const list = await prepare(run);
    s.resetStats();
    const out = await classifyList(run, { list, mapping: list.plan.mapping, thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 }, budget: 200_000 });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.problemCount).toBe(rows.length);
    expect(out.value.cells).toHaveLength(CELL_NOTE_LIMIT);
    const values = s.book.read(`'Readiness summary'!A1:D${CELL_NOTE_LIMIT + 200}`);
    const listed = values.filter((r) => String(r[0]).startsWith("Parts!"));
    expect(listed).toHaveLength(CELL_NOTE_LIMIT);
    // Cell values are cut to 300 characters on the sheet; the count of the rest follows the list.
    expect(listed.every((r) => String(r[1]).length <= 300)).toBe(true);
    expect(values.some((r) => r[0] === "... and 200 more")).toBe(true);
    const toSummary = s.stats.writes.filter((w) => w.sheet === "Readiness summary" && w.kind === "values");
    expect(toSummary.length).toBeGreaterThan(1);
    expect(Math.max(...s.stats.requests.map((r) => r.requestBytes))).toBeLessThanOrEqual(200_000 + 20_000);
  }, 60_000);

  it("reads the list with the user's column choices", async () => {
    const headers = ["Part", "Design status", "Remarks", "Material", "Finish", "Build", "Qty"];
    const rows = [
      ["A", "frozen", "verified", "locked", "confirmed", "pilot", 20],
      ["B", "draft", "failed", "open", "open", "prototype", 3],
    ];
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [headers, ...rows] }], selection: "Parts!B2" });
    const c = choicesFrom([
      ["Remarks", "function"],
      ["Build", "goal"],
    ]);
    if (!c.ok) throw new Error(c.issue.message);
    const list = await prepare(run, c.value);
    expect(list.plan.mapping).toEqual(mapHeaders(headers, { sample: rows, choices: c.value }));
    const out = await classifyList(run, { list, mapping: list.plan.mapping, thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 } });
    expect(out.ok).toBe(true);
    const reader = rowReader(list.plan.mapping);
    expect(s.book.read("Parts!H2:H3").map((r) => r[0])).toEqual(rows.map((r) => reader.assess(r).stageName));
    expect(s.book.read("Parts!H2")).toEqual([["Low-volume manufacturing"]]);
    const summary = s.book.read("'Readiness summary'!A1:D80");
    expect(summary.find((r) => r[1] === "Remarks")).toEqual(["Column C", "Remarks", "Function and fit", "your mapping"]);
  });
});

describe("what the pane says about Excel's errors", () => {
  it.each(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"])("%s: a request too large", async (code) => {
    const { describeExcelError } = await import("../../../src/taskpane/excel/run");
    expect(describeExcelError({ code, message: "x" }, "reading the list")).toBe(
      "Excel refused a request as too large (more data or cells than it takes at once) while reading the list.",
    );
  });
});

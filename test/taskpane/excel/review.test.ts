import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, choicesFrom, mapHeaders, rowReader } from "../../../src/core";
import { readReview, writeCriterion, cellValueFor } from "../../../src/taskpane/excel/review";
import { watchWorkbook } from "../../../src/taskpane/excel/events";
import { loadSettings, saveColumnChoices, saveThresholds } from "../../../src/taskpane/excel/settings";
import { COLUMN_CHOICES_SETTING, NO_SAVED_CHOICES, THRESHOLDS_SETTING, choicesFromSetting } from "../../../src/taskpane/settings-model";
import { HEADERS, partRow, partRows, standIn } from "./fixtures";

describe("review the part under the active cell", () => {
  it("reads the row of the active cell against the region's header row, in one request", async () => {
    const rows = partRows(30);
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [["Bill of parts"], [...HEADERS], ...rows] }], selection: "Parts!F12" });
    const read = await readReview(run, DEFAULT_THRESHOLDS);
    expect(read.review.ok).toBe(true);
    if (!read.review.ok) return;
    expect(read.review.value.assessment).toEqual(rowReader(mapHeaders([...HEADERS])).assess(partRow(9)));
    expect(read.review.value.label).toBe("P-000009");
    expect(read.watch).toEqual({ rows: [1, 11], columns: { first: 0, last: 15 } });
    expect(s.stats.requests).toHaveLength(1);
  });

  it("reads a list at the sheet's last rows by asking again", async () => {
    const rows = partRows(3);
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows], at: "A1048572" }], selection: "Parts!B1048575" });
    const read = await readReview(run, DEFAULT_THRESHOLDS);
    expect(read.review.ok && read.review.value.label).toBe("P-000002");
    expect(s.stats.requests.map((r) => r.error ?? "ok")).toEqual(["InvalidArgument", "ok", "ok"]);
  });

  it("reads a table at the sheet's last rows by its header row alone", async () => {
    const rows = partRows(3);
    const { s, run } = standIn({
      sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows], at: "A1048572" }],
      tables: [{ name: "Low", sheet: "Parts", address: "A1048572:P1048575" }],
      selection: "Parts!B1048574",
    });
    const read = await readReview(run, DEFAULT_THRESHOLDS);
    expect(read.review.ok && read.review.value.assessment).toEqual(rowReader(mapHeaders([...HEADERS])).assess(partRow(1)));
    expect(s.stats.requests.map((r) => r.error ?? "ok")).toEqual(["InvalidArgument", "ok", "InvalidArgument", "ok"]);
  });

  it("uses a table's header row, in two requests", async () => {
    const rows = partRows(5);
    const { s, run } = standIn({
      sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows], at: "C4" }],
      tables: [{ name: "Parts", sheet: "Parts", address: "C4:R9" }],
      selection: "Parts!H6",
    });
    const read = await readReview(run, DEFAULT_THRESHOLDS);
    expect(read.review.ok && read.review.value.assessment).toEqual(rowReader(mapHeaders([...HEADERS])).assess(partRow(1)));
    expect(s.stats.requests).toHaveLength(2);
  });

  it("in a table with a totals row, reads parts against the header and data rows only, and says the totals row is not a part", async () => {
    const rows = partRows(3);
    const { run } = standIn({
      sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows, ["Total", "", "", "", "", "", "", "", "", "", "", "", "", "", 5400, 60500]] }],
      tables: [{ name: "Parts", sheet: "Parts", address: "A1:P5", totals: true }],
      selection: "Parts!O4",
    });
    const part = await readReview(run, DEFAULT_THRESHOLDS);
    expect(part.review.ok && part.review.value.assessment).toEqual(rowReader(mapHeaders([...HEADERS], { sample: rows })).assess(partRow(2)));
    const { s: s2, run: run2 } = standIn({
      sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows, ["Total", "", "", "", "", "", "", "", "", "", "", "", "", "", 5400, 60500]] }],
      tables: [{ name: "Parts", sheet: "Parts", address: "A1:P5", totals: true }],
      selection: "Parts!O5",
    });
    const totals = await readReview(run2, DEFAULT_THRESHOLDS);
    expect(!totals.review.ok && totals.review.issue).toEqual({
      code: "totals-row",
      message: "Parts!O5 is in the totals row of the table Parts. Select a cell in a part's row.",
    });
    expect(s2.stats.requests.every((r) => r.error === undefined)).toBe(true);
  });

  it("reads the part with the user's column choices", async () => {
    const headers = ["Part", "Design status", "Remarks", "Qty"];
    const row = ["P-1", "frozen", "verified", 20];
    const { run } = standIn({ sheets: [{ name: "Parts", rows: [headers, row] }], selection: "Parts!B2" });
    const c = choicesFrom([["Remarks", "function"]]);
    if (!c.ok) throw new Error(c.issue.message);
    const plain = await readReview(run, DEFAULT_THRESHOLDS);
    const chosen = await readReview(run, DEFAULT_THRESHOLDS, c.value);
    expect(plain.review.ok && plain.review.value.columns.function).toBeUndefined();
    expect(chosen.review.ok && chosen.review.value.columns.function).toBe(2);
    expect(chosen.review.ok && chosen.review.value.assessment).toEqual(rowReader(mapHeaders(headers, { choices: c.value })).assess(row));
  });

  it("in a table, reads the rows under the header too, so that values decide between two columns of one criterion", async () => {
    const headers = ["Part", "Design", "Drawing status", "Function", "Material", "Finish", "Goal", "Qty"];
    const rows = [
      ["P-1", "Bracket", "frozen", "verified", "locked", "confirmed", "pilot", 20],
      ["P-2", "Housing", "released", "verified", "locked", "confirmed", "pilot", 20],
    ];
    const { s, run } = standIn({
      sheets: [{ name: "Parts", rows: [headers, ...rows] }],
      tables: [{ name: "T", sheet: "Parts", address: "A1:H3" }],
      selection: "Parts!A2",
    });
    const read = await readReview(run, DEFAULT_THRESHOLDS);
    const mapping = mapHeaders(headers, { sample: rows });
    expect(mapping.byCriterion.design?.header).toBe("Drawing status");
    expect(read.review.ok && read.review.value.columns.design).toBe(2);
    expect(read.review.ok && read.review.value.assessment).toEqual(rowReader(mapping).assess(rows[0] ?? []));
    expect(read.review.ok && read.review.value.assessment.stage).toBe("low-volume");
    expect(s.stats.requests).toHaveLength(2);
  });

  it("writes a changed criterion into the part's cell, as a number when it is one", async () => {
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...partRows(3)] }], selection: "Parts!A3" });
    const read = await readReview(run, DEFAULT_THRESHOLDS);
    if (!read.review.ok) throw new Error(read.review.issue.message);
    expect(await writeCriterion(run, read.review.value, "design", "frozen")).toEqual({ ok: true, value: "Parts!C3" });
    expect(await writeCriterion(run, read.review.value, "quantity", "250")).toEqual({ ok: true, value: "Parts!O3" });
    expect(s.book.read("Parts!C3")).toEqual([["frozen"]]);
    expect(s.book.read("Parts!O3")).toEqual([[250]]);
    expect(cellValueFor("1,000")).toBe("'1,000");
  });

  it.each([
    ["5-10", "5-10"],
    ["10-20", "10-20"],
    ["50%", "50%"],
    ["00123", "00123"],
    ["1,000", "1,000"],
    ["Jan 5", "Jan 5"],
    ["12:30", "12:30"],
    ["TRUE", "TRUE"],
    ["#N/A", "#N/A"],
    ["=A1", "=A1"],
    ["-5", "-5"],
    ["'approved", "'approved"],
    ["frozen", "frozen"],
    ["Rev 2", "Rev 2"],
    ["250", 250],
    ["0.5", 0.5],
    [" 12 ", 12],
  ])("writes %j so that Excel keeps what was typed: the cell holds %j", async (typed, held) => {
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...partRows(3)] }], selection: "Parts!A3" });
    const read = await readReview(run, DEFAULT_THRESHOLDS);
    if (!read.review.ok) throw new Error(read.review.issue.message);
    expect((await writeCriterion(run, read.review.value, "quantity", typed)).ok).toBe(true);
    expect(s.book.read("Parts!O3")).toEqual([[held]]);
    expect(s.book.sheetNamed("Parts")?.formula(2, 14)).toBeUndefined();
  });

  it("keeps text in a cell formatted as Text (@) as typed", async () => {
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...partRows(3)] }], selection: "Parts!A3" });
    s.book.sheetNamed("Parts")?.setFormat(2, 14, { numberFormat: "@" });
    const read = await readReview(run, DEFAULT_THRESHOLDS);
    if (!read.review.ok) throw new Error(read.review.issue.message);
    for (const typed of ["5-10", "'approved", "00123"]) {
      expect((await writeCriterion(run, read.review.value, "quantity", typed)).ok).toBe(true);
      expect(s.book.read("Parts!O3")).toEqual([[typed]]);
    }
  });

  it("does not write into a cell filled by a spilling formula, which would turn the formula into #SPILL!", async () => {
    const { s, run } = standIn({
      sheets: [
        { name: "Parts", rows: [["Part No.", "Design status"], ["P-1", "=Source!A1:A2"], ["P-2"]] },
        { name: "Source", rows: [["frozen"], ["draft"]] },
      ],
      selection: "Parts!A3",
    });
    expect(s.book.read("Parts!B2:B3")).toEqual([["frozen"], ["draft"]]);
    const read = await readReview(run, DEFAULT_THRESHOLDS);
    if (!read.review.ok) throw new Error(read.review.issue.message);
    expect(await writeCriterion(run, read.review.value, "design", "frozen")).toEqual({
      ok: false,
      issue: "Parts!B3 is filled by a formula in another cell that spills into it: change the value at its source.",
    });
    expect(s.stats.writes).toEqual([]);
    expect(s.book.read("Parts!B2:B3")).toEqual([["frozen"], ["draft"]]);
  });

  it("says so when the sheet is protected", async () => {
    const { run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...partRows(3)], protected: true }], selection: "Parts!A3" });
    const read = await readReview(run, DEFAULT_THRESHOLDS);
    if (!read.review.ok) throw new Error(read.review.issue.message);
    const written = await writeCriterion(run, read.review.value, "design", "frozen");
    expect(!written.ok && written.issue).toMatch(/protected/u);
  });
});

describe("events and settings", () => {
  it("hears selection changes and cell changes on every sheet", async () => {
    const { s, run } = standIn({ sheets: [{ name: "A" }, { name: "B" }] });
    const heard: string[] = [];
    await watchWorkbook(run, {
      selectionChanged: () => void heard.push("selection"),
      changed: (id, address) => void heard.push(`${id === s.book.sheets[1]?.id ? "B" : "?"}!${address}`),
    });
    await s.select("B!C3");
    await s.edit("B!D4", [["x"]]);
    expect(heard).toEqual(["selection", "B!D4"]);
  });

  it("keeps the thresholds in the workbook settings", async () => {
    const { s, run } = standIn({ sheets: [{ name: "A" }] });
    expect(await loadSettings(run)).toEqual({ thresholds: DEFAULT_THRESHOLDS, choices: NO_SAVED_CHOICES, notes: [] });
    await saveThresholds(run, { prototypeQuantity: 20, lowVolumeQuantity: 500 });
    expect(s.book.settings.get(THRESHOLDS_SETTING)).toEqual({ prototypeQuantity: 20, lowVolumeQuantity: 500 });
    expect((await loadSettings(run)).thresholds).toEqual({ prototypeQuantity: 20, lowVolumeQuantity: 500 });
  });

  it("falls back to the defaults, with a note, when the stored thresholds are broken", async () => {
    const { run } = standIn({ sheets: [{ name: "A" }], settings: { [THRESHOLDS_SETTING]: { prototypeQuantity: "lots" } } });
    const loaded = await loadSettings(run);
    expect(loaded.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(loaded.notes.join(" ")).toMatch(/Prototype quantity/u);
  });

  it("keeps the column choices in the workbook settings as the core's JSON, reads them in the same request as the thresholds, and forgets them", async () => {
    const { s, run } = standIn({ sheets: [{ name: "A" }] });
    const saved = choicesFromSetting({ "Dwg Status": "design", Vendor: "none" });
    if (!saved.ok) throw new Error(saved.issue.message);
    expect((await saveColumnChoices(run, saved.value)).ok).toBe(true);
    expect(s.book.settings.get(COLUMN_CHOICES_SETTING)).toEqual({ "Dwg Status": "design", Vendor: "none" });
    s.resetStats();
    const loaded = await loadSettings(run);
    expect(s.stats.requests).toHaveLength(1);
    expect([...loaded.choices.choices]).toEqual([...saved.value.choices]);
    expect(loaded.choices.headers).toEqual({ "dwg status": "Dwg Status", vendor: "Vendor" });
    expect((await saveColumnChoices(run, NO_SAVED_CHOICES)).ok).toBe(true);
    expect(s.book.settings.has(COLUMN_CHOICES_SETTING)).toBe(false);
    expect((await saveColumnChoices(run, NO_SAVED_CHOICES)).ok).toBe(true);
    expect((await loadSettings(run)).choices).toEqual(NO_SAVED_CHOICES);
  });

  it("ignores stored column choices it cannot read, with a note", async () => {
    const { run } = standIn({ sheets: [{ name: "A" }], settings: { [COLUMN_CHOICES_SETTING]: { "Dwg Status": "drawing" } } });
    const loaded = await loadSettings(run);
    expect(loaded.choices).toEqual(NO_SAVED_CHOICES);
    expect(loaded.notes).toEqual([expect.stringMatching(/^The column choices saved in this workbook are not readable/u)]);
  });
});

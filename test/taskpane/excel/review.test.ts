import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, mapHeaders, rowReader } from "../../../src/core";
import { readReview, writeCriterion, cellValueFor } from "../../../src/taskpane/excel/review";
import { watchWorkbook } from "../../../src/taskpane/excel/events";
import { loadThresholds, saveThresholds } from "../../../src/taskpane/excel/settings";
import { THRESHOLDS_SETTING } from "../../../src/taskpane/settings-model";
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

  it("writes a changed criterion into the part's cell, as a number when it is one", async () => {
    const { s, run } = standIn({ sheets: [{ name: "Parts", rows: [[...HEADERS], ...partRows(3)] }], selection: "Parts!A3" });
    const read = await readReview(run, DEFAULT_THRESHOLDS);
    if (!read.review.ok) throw new Error(read.review.issue.message);
    expect(await writeCriterion(run, read.review.value, "design", "frozen")).toEqual({ ok: true, value: "Parts!C3" });
    expect(await writeCriterion(run, read.review.value, "quantity", "250")).toEqual({ ok: true, value: "Parts!O3" });
    expect(s.book.read("Parts!C3")).toEqual([["frozen"]]);
    expect(s.book.read("Parts!O3")).toEqual([[250]]);
    expect(cellValueFor("1,000")).toBe("1,000");
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
    await watchWorkbook(run, { selectionChanged: () => void heard.push("selection"), changed: (id, address) => void heard.push(`${id === s.book.sheets[1]?.id ? "B" : "?"}!${address}`) });
    await s.select("B!C3");
    await s.edit("B!D4", [["x"]]);
    expect(heard).toEqual(["selection", "B!D4"]);
  });

  it("keeps the thresholds in the workbook settings", async () => {
    const { s, run } = standIn({ sheets: [{ name: "A" }] });
    expect(await loadThresholds(run)).toEqual({ thresholds: DEFAULT_THRESHOLDS });
    await saveThresholds(run, { prototypeQuantity: 20, lowVolumeQuantity: 500 });
    expect(s.book.settings.get(THRESHOLDS_SETTING)).toEqual({ prototypeQuantity: 20, lowVolumeQuantity: 500 });
    expect(await loadThresholds(run)).toEqual({ thresholds: { prototypeQuantity: 20, lowVolumeQuantity: 500 } });
  });

  it("falls back to the defaults, with a note, when the stored thresholds are broken", async () => {
    const { run } = standIn({ sheets: [{ name: "A" }], settings: { [THRESHOLDS_SETTING]: { prototypeQuantity: "lots" } } });
    const loaded = await loadThresholds(run);
    expect(loaded.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(loaded.note).toMatch(/Prototype quantity/u);
  });
});

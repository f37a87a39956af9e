/* The stand-in must behave like Excel where the pane depends on it, or the pane's tests prove nothing. */
import { describe, expect, it } from "vitest";
import { createStandIn, type StandIn } from "./excel-standin";

type Ctx = Excel.RequestContext;
const run = <T>(s: StandIn, batch: (c: Ctx) => Promise<T>): Promise<T> => (s.Excel.run as (b: (c: Ctx) => Promise<T>) => Promise<T>)(batch);

const parts = [
  ["Part", "Design", "Material"],
  ["A-1", "frozen", "locked"],
  ["A-2", "draft", "open"],
];

describe("proxy objects", () => {
  it("throws PropertyNotLoaded until load() and sync() have both happened", async () => {
    const s = createStandIn({ sheets: [{ name: "Parts", rows: parts }] });
    await run(s, async (c) => {
      const range = c.workbook.worksheets.getItem("Parts").getRange("A1:C3");
      expect(() => range.values).toThrow(/not available/u);
      range.load("values,address");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await c.sync();
      expect(range.values).toEqual(parts);
      expect(range.address).toBe("Parts!A1:C3");
      expect(() => range.rowCount).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("runs queued actions in order at sync and Excel.run sends what is left at the end", async () => {
    const s = createStandIn({ sheets: [{ name: "Parts", rows: parts }] });
    await run(s, async (c) => {
      const cell = c.workbook.worksheets.getItem("Parts").getRange("B2");
      cell.values = [["wip"]];
      cell.load("values");
      await c.sync();
      expect(cell.values).toEqual([["wip"]]);
      c.workbook.worksheets.getItem("Parts").getRange("C3").values = [["locked"]];
    });
    expect(s.book.read("Parts!B2:C3")).toEqual([["wip", "locked"], ["draft", "locked"]]);
    expect(s.stats.requests).toHaveLength(2);
  });

  it("takes a value written with a leading apostrophe as text, as Excel does: never a formula, the apostrophe not part of it", async () => {
    const s = createStandIn({ sheets: [{ name: "Parts", rows: parts }] });
    await run(s, async (c) => {
      c.workbook.worksheets.getItem("Parts").getRange("A4:D4").values = [["'=A1", "=A1", "''quoted'", "'"]];
      await c.sync();
    });
    const sheet = s.book.sheetNamed("Parts");
    expect(s.book.read("Parts!A4:D4")).toEqual([["=A1", "", "'quoted'", ""]]);
    expect([sheet?.formula(3, 0), sheet?.formula(3, 1)]).toEqual([undefined, "=A1"]);
    expect(sheet?.isEmpty(3, 3)).toBe(true);
  });

  it("refuses a values array whose size differs from the range", async () => {
    const s = createStandIn({ sheets: [{ name: "Parts", rows: parts }] });
    await expect(run(s, async (c) => {
      c.workbook.worksheets.getItem("Parts").getRange("A1:B1").values = [["x"]];
      await c.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(s.book.read("Parts!A1")).toEqual([["Part"]]);
  });

  it("null objects: isNullObject is loaded by sync, and a missing item throws ItemNotFound otherwise", async () => {
    const s = createStandIn({ sheets: [{ name: "Parts", rows: parts }], tables: [{ name: "T", sheet: "Parts", address: "A1:C3" }] });
    await run(s, async (c) => {
      const missing = c.workbook.worksheets.getItemOrNullObject("Nope");
      const found = c.workbook.getSelectedRange().getTables(false).getItemOrNullObject("T");
      const overlapping = c.workbook.getSelectedRange().getTables(false).load("items/name");
      expect(() => missing.isNullObject).toThrow();
      await c.sync();
      expect(missing.isNullObject).toBe(true);
      expect(found.isNullObject).toBe(false);
      expect(overlapping.items.map((t) => t.name)).toEqual(["T"]);
      c.workbook.worksheets.getItem("Nope").load("name");
      await expect(c.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("collections load items with the selected properties", async () => {
    const s = createStandIn({ sheets: [{ name: "One" }, { name: "Two" }] });
    const names = await run(s, async (c) => {
      const sheets = c.workbook.worksheets.load("items/name");
      const count = c.workbook.worksheets.getCount();
      await c.sync();
      expect(count.value).toBe(2);
      return sheets.items.map((w) => w.name);
    });
    expect(names).toEqual(["One", "Two"]);
  });
});

describe("geometry", () => {
  const s = createStandIn({
    sheets: [{ name: "S", rows: [["Title"], [], ["H1", "H2", "", "X"], ["a", "b"], ["c", "", "", ""], [], ["far"]] }],
    selection: "S!B4",
  });

  it("getSurroundingRegion grows over neighbouring cells, diagonals included, and stops at blank rows and columns", async () => {
    const address = await run(s, async (c) => {
      const region = c.workbook.getSelectedRange().getSurroundingRegion().load("address");
      await c.sync();
      return region.address;
    });
    expect(address).toBe("S!A3:B5");
  });

  it("getUsedRange covers every non-empty cell; getColumnsAfter, getCell, getAbsoluteResizedRange move as Excel does", async () => {
    const out = await run(s, async (c) => {
      const sheet = c.workbook.worksheets.getItem("S");
      const used = sheet.getUsedRange().load("address");
      const after = sheet.getRange("A3:B5").getColumnsAfter(2).load("address");
      const cell = sheet.getRange("B2:D9").getCell(1, 2).load("address");
      const top = sheet.getRange("A3:D99").getAbsoluteResizedRange(2, 4).load("address");
      await c.sync();
      return [used.address, after.address, cell.address, top.address];
    });
    expect(out).toEqual(["S!A1:D7", "S!C3:D5", "S!D3", "S!A3:D4"]);
  });
});

describe("limits and protection", () => {
  it("refuses a request over the payload limit and records its size", async () => {
    const s = createStandIn({ sheets: [{ name: "S" }] }, { payloadBytes: 10_000 });
    await expect(run(s, async (c) => {
      c.workbook.worksheets.getItem("S").getRange("A1:A100").values = Array.from({ length: 100 }, () => ["x".repeat(200)]);
      await c.sync();
    })).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(s.stats.requests[0]?.requestBytes).toBeGreaterThan(20_000);
    expect(s.book.read("S!A1")).toEqual([[""]]);
  });

  it("refuses a response over the payload limit", async () => {
    const s = createStandIn({ sheets: [{ name: "S", rows: Array.from({ length: 100 }, () => ["y".repeat(200)]) }] }, { payloadBytes: 10_000 });
    await expect(run(s, async (c) => {
      c.workbook.worksheets.getItem("S").getRange("A1:A100").load("values");
      await c.sync();
    })).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("measures the request as JSON, UTF-8 bytes", async () => {
    const s = createStandIn({ sheets: [{ name: "S" }] });
    await run(s, async (c) => {
      c.workbook.worksheets.getItem("S").getRange("A1").values = [["é".repeat(1000)]];
      await c.sync();
    });
    expect(s.stats.requests[0]?.requestBytes).toBeGreaterThanOrEqual(2000);
  });

  it("a protected sheet refuses writes with AccessDenied", async () => {
    const s = createStandIn({ sheets: [{ name: "S", rows: [["a"]], protected: true }] });
    await expect(run(s, async (c) => {
      c.workbook.worksheets.getItem("S").getRange("B1").values = [["x"]];
      await c.sync();
    })).rejects.toMatchObject({ code: "AccessDenied" });
    expect(s.book.read("S!B1")).toEqual([[""]]);
  });

  it("records suspension of calculation and screen updating per request", async () => {
    const s = createStandIn({ sheets: [{ name: "S" }] });
    await run(s, async (c) => {
      c.workbook.application.suspendApiCalculationUntilNextSync();
      c.workbook.application.suspendScreenUpdatingUntilNextSync();
      c.workbook.worksheets.getItem("S").getRange("A1").values = [[1]];
      await c.sync();
      c.workbook.worksheets.getItem("S").getRange("A2").values = [[2]];
      await c.sync();
    });
    expect(s.stats.requests.map((r) => [r.suspendedCalculation, r.suspendedScreenUpdating])).toEqual([[true, true], [false, false]]);
  });
});

describe("events, settings, formats", () => {
  it("delivers selection and change events to registered handlers", async () => {
    const s = createStandIn({ sheets: [{ name: "S", rows: parts }] });
    const seen: string[] = [];
    await run(s, async (c) => {
      c.workbook.worksheets.onSelectionChanged.add(async (e) => void seen.push(`select ${e.address}`));
      c.workbook.worksheets.onChanged.add(async (e) => void seen.push(`change ${e.address} ${e.triggerSource ?? ""}`));
      await c.sync();
    });
    await s.select("S!B2");
    await s.edit("S!C3", [["locked"]]);
    await run(s, async (c) => {
      c.workbook.worksheets.getItem("S").getRange("B3:C3").values = [["frozen", "locked"]];
      await c.sync();
    });
    await s.idle();
    expect(seen).toEqual(["select B2", "change C3 Unknown", "change B3:C3 ThisLocalAddin"]);
  });

  it("keeps workbook settings as JSON values", async () => {
    const s = createStandIn({ sheets: [{ name: "S" }] });
    await run(s, async (c) => {
      c.workbook.settings.add("k", { a: 1 });
      await c.sync();
      const item = c.workbook.settings.getItemOrNullObject("k").load("value");
      const none = c.workbook.settings.getItemOrNullObject("none").load("value");
      await c.sync();
      expect(item.value).toEqual({ a: 1 });
      expect(none.isNullObject).toBe(true);
    });
    expect(s.book.settings.get("k")).toEqual({ a: 1 });
  });

  it("adds text-contains conditional formats, list validation and charts", async () => {
    const s = createStandIn({ sheets: [{ name: "S", rows: parts }] });
    await run(s, async (c) => {
      const sheet = c.workbook.worksheets.getItem("S");
      const cf = sheet.getRange("B2:B3").conditionalFormats.add("ContainsText");
      cf.textComparison.format.fill.color = "#ff0000";
      cf.textComparison.rule = { operator: "Contains", text: "frozen" };
      sheet.getRange("C2:C3").dataValidation.rule = { list: { inCellDropDown: true, source: "locked,open" } };
      sheet.charts.add("ColumnClustered", sheet.getRange("A1:B3"), "Columns").title.text = "Parts";
      await c.sync();
    });
    const sheet = s.book.sheetNamed("S");
    expect(sheet?.conditionalFormats).toMatchObject([{ type: "ContainsText", rule: { operator: "Contains", text: "frozen" }, format: { fill: "#FF0000" } }]);
    expect(sheet?.validations).toMatchObject([{ rule: { list: { source: "locked,open" } } }]);
    expect(sheet?.charts).toMatchObject([{ type: "ColumnClustered", title: "Parts", source: "S!A1:B3" }]);
  });
});

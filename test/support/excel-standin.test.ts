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
    expect(s.book.read("Parts!B2:C3")).toEqual([
      ["wip", "locked"],
      ["draft", "locked"],
    ]);
    expect(s.stats.requests).toHaveLength(2);
  });

  it("takes a value written with a leading apostrophe as text, as Excel does: never a formula, the apostrophe not part of it", async () => {
    const s = createStandIn({ sheets: [{ name: "Parts", rows: parts }] });
    await run(s, async (c) => {
      c.workbook.worksheets.getItem("Parts").getRange("A4:D4").values = [["'=A1", "=A1", "''quoted'", "'"]];
      await c.sync();
    });
    const sheet = s.book.sheetNamed("Parts");
    // B4 is a formula (=A1), calculated after the request.
    expect(s.book.read("Parts!A4:D4")).toEqual([["=A1", "Part", "'quoted'", ""]]);
    expect([sheet?.formula(3, 0), sheet?.formula(3, 1)]).toEqual([undefined, "=A1"]);
    expect(sheet?.isEmpty(3, 3)).toBe(true);
  });

  it("refuses a values array whose size differs from the range", async () => {
    const s = createStandIn({ sheets: [{ name: "Parts", rows: parts }] });
    await expect(
      run(s, async (c) => {
        c.workbook.worksheets.getItem("Parts").getRange("A1:B1").values = [["x"]];
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
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

describe("loading a property the object does not have", () => {
  it("load() accepts it and the request fails at sync; nothing else in that request is loaded", async () => {
    const s = createStandIn({ sheets: [{ name: "Parts", rows: parts }] });
    await run(s, async (c) => {
      const range = c.workbook.worksheets.getItem("Parts").getRange("A1:C3");
      expect(() => range.load("values,valueTypoes")).not.toThrow();
      await expect(c.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      expect(() => range.values).toThrow(/not available/u);
    });
  });

  it("so does an item property of a collection (items/...), and a property of a navigation", async () => {
    const s = createStandIn({ sheets: [{ name: "Parts", rows: parts }] });
    await run(s, async (c) => {
      c.workbook.worksheets.load("items/name,items/colour");
      await expect(c.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      c.workbook.worksheets.getItem("Parts").getRange("A1").load("format/nothing");
      await expect(c.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      const sheets = c.workbook.worksheets.load("items/name");
      await c.sync();
      expect(sheets.items.map((w) => w.name)).toEqual(["Parts"]);
    });
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
    await expect(
      run(s, async (c) => {
        c.workbook.worksheets.getItem("S").getRange("A1:A100").values = Array.from({ length: 100 }, () => ["x".repeat(200)]);
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(s.stats.requests[0]?.requestBytes).toBeGreaterThan(20_000);
    expect(s.book.read("S!A1")).toEqual([[""]]);
  });

  it("refuses a response over the payload limit", async () => {
    const s = createStandIn({ sheets: [{ name: "S", rows: Array.from({ length: 100 }, () => ["y".repeat(200)]) }] }, { payloadBytes: 10_000 });
    await expect(
      run(s, async (c) => {
        c.workbook.worksheets.getItem("S").getRange("A1:A100").load("values");
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
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
    await expect(
      run(s, async (c) => {
        c.workbook.worksheets.getItem("S").getRange("B1").values = [["x"]];
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
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
    expect(s.stats.requests.map((r) => [r.suspendedCalculation, r.suspendedScreenUpdating])).toEqual([
      [true, true],
      [false, false],
    ]);
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

  it("raises a request's changes after sync has returned, coalesced per sheet into one event over their bounding range", async () => {
    const s = createStandIn({ sheets: [{ name: "S", rows: parts }, { name: "T" }] });
    const seen: string[] = [];
    await run(s, async (c) => {
      c.workbook.worksheets.onChanged.add(async (e) => void seen.push(`${e.worksheetId === s.book.sheets[0]?.id ? "S" : "T"} ${e.address}`));
      await c.sync();
    });
    await run(s, async (c) => {
      const sheet = c.workbook.worksheets.getItem("S");
      sheet.getRange("B2").values = [["frozen"]];
      sheet.getRange("D5:E5").values = [["x", "y"]];
      c.workbook.worksheets.getItem("T").getRange("A1").values = [["t"]];
      await c.sync();
      // Handlers have not run inside sync.
      expect(seen).toEqual([]);
    });
    await s.idle();
    expect(seen).toEqual(["S B2:E5", "T A1"]);
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

  it("makes a line chart's series of its source, finds it by name, points it at a longer range and labels its category axis", async () => {
    const s = createStandIn({
      sheets: [
        {
          name: "H",
          rows: [
            ["When", "Proto", "Low"],
            ["a", 1, 2],
            ["b", 3, 4],
            ["c", 5, 6],
          ],
        },
      ],
    });
    await run(s, async (c) => {
      const sheet = c.workbook.worksheets.getItem("H");
      const chart = sheet.charts.add("Line", sheet.getRange("B1:C2"), "Columns");
      chart.name = "History";
      await c.sync();
    });
    expect(s.book.sheetNamed("H")?.charts).toMatchObject([
      {
        name: "History",
        series: [
          { name: "Proto", values: "H!B2" },
          { name: "Low", values: "H!C2" },
        ],
        categoryType: "Automatic",
      },
    ]);
    const names = await run(s, async (c) => {
      const sheet = c.workbook.worksheets.getItem("H");
      const missing = sheet.charts.getItemOrNullObject("Nothing").load("name");
      const chart = sheet.charts.getItem("history");
      chart.setData(sheet.getRange("B1:C4"), "Columns");
      chart.axes.categoryAxis.setCategoryNames(sheet.getRange("A2:A4"));
      chart.axes.categoryAxis.categoryType = "TextAxis";
      const series = chart.series.load("items/name");
      await c.sync();
      return { missing: missing.isNullObject, series: series.items.map((i) => i.name) };
    });
    expect(names).toEqual({ missing: true, series: ["Proto", "Low"] });
    expect(s.book.sheetNamed("H")?.charts).toMatchObject([
      { source: "H!B1:C4", series: [{ values: "H!B2:B4" }, { values: "H!C2:C4" }], categories: "H!A2:A4", categoryType: "TextAxis" },
    ]);
    // Numbers in the first row name nothing: every row is values. An unknown category type fails the request.
    await run(s, async (c) => {
      const sheet = c.workbook.worksheets.getItem("H");
      sheet.charts.add("Line", sheet.getRange("B2:C4"), "Columns");
      await c.sync();
    });
    expect(s.book.sheetNamed("H")?.charts[1]?.series).toEqual([
      { name: "Series1", values: "H!B2:B4" },
      { name: "Series2", values: "H!C2:C4" },
    ]);
    await expect(
      run(s, async (c) => {
        c.workbook.worksheets.getItem("H").charts.getItem("History").axes.categoryAxis.categoryType = "Sideways" as Excel.ChartAxisCategoryType;
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("values written as typed input (en-US), as Excel takes them", () => {
  const year = new Date().getFullYear();
  const serial = (y: number, m: number, d: number): number => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
  const write = async (values: unknown[], format?: string) => {
    const s = createStandIn({ sheets: [{ name: "S" }] });
    await run(s, async (c) => {
      const range = c.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 1, values.length);
      if (format !== undefined) range.numberFormat = [values.map(() => format)];
      range.values = [values];
      await c.sync();
    });
    return { s, values: s.book.read(`S!A1:${String.fromCharCode(64 + values.length)}1`)[0] ?? [] };
  };

  it.each([
    ["5-10", serial(year, 5, 10), "d-mmm"],
    ["10-20", serial(year, 10, 20), "d-mmm"],
    ["5/10", serial(year, 5, 10), "d-mmm"],
    ["3/1/2024", serial(2024, 3, 1), "m/d/yyyy"],
    ["2024-03-01", serial(2024, 3, 1), "m/d/yyyy"],
    ["Jan 5", serial(year, 1, 5), "d-mmm"],
    ["5-Jan", serial(year, 1, 5), "d-mmm"],
    ["Mar 2024", serial(2024, 3, 1), "mmm-yy"],
    ["50%", 0.5, "0%"],
    ["00123", 123, "General"],
    ["1,000", 1000, "#,##0"],
    ["$4.20", 4.2, "$#,##0.00"],
    ["(5)", -5, "General"],
    ["-5", -5, "General"],
    ["1e5", 100000, "0.00E+00"],
    ["1 1/2", 1.5, "# ?/?"],
    ["12:30", 0.5208333333333334, "h:mm"],
    ["TRUE", true, "General"],
    ["#N/A", "#N/A", "General"],
  ])("%j is stored as %j with the number format %j", async (typed, stored, format) => {
    const { s, values } = await write([typed]);
    expect(values).toEqual([stored]);
    expect(s.book.sheetNamed("S")?.format(0, 0)?.numberFormat ?? "General").toBe(format);
  });

  it("keeps text as text: words, a leading apostrophe (not part of the value), and anything in a cell formatted as Text (@)", async () => {
    expect((await write(["frozen", "1k", "~200", "Rev 2", "13-20", "'00123", "'5-10", "'=A1", "''quoted"])).values).toEqual([
      "frozen",
      "1k",
      "~200",
      "Rev 2",
      "13-20",
      "00123",
      "5-10",
      "=A1",
      "'quoted",
    ]);
    const text = await write(["5-10", "00123", "50%", "=A1", "TRUE"], "@");
    expect(text.values).toEqual(["5-10", "00123", "50%", "=A1", "TRUE"]);
    expect(text.s.book.sheetNamed("S")?.formulas.size).toBe(0);
  });

  it("takes =, and + or - before something that is not a number, as a formula", async () => {
    const { s } = await write(["=1+2", "-abc", "+x"]);
    const sheet = s.book.sheetNamed("S");
    expect([sheet?.formula(0, 0), sheet?.formula(0, 1), sheet?.formula(0, 2)]).toEqual(["=1+2", "=-abc", "=+x"]);
    expect(s.book.read("S!A1")).toEqual([[3]]);
  });

  it("reads numberFormat back per cell", async () => {
    const s = createStandIn({ sheets: [{ name: "S" }] });
    const formats = await run(s, async (c) => {
      const range = c.workbook.worksheets.getItem("S").getRange("A1:B1");
      range.getCell(0, 1).numberFormat = [["@"]];
      range.values = [["50%", "50%"]];
      range.load("numberFormat,values,valueTypes");
      await c.sync();
      return [range.numberFormat, range.values, range.valueTypes];
    });
    expect(formats).toEqual([[["0%", "@"]], [[0.5, "50%"]], [["Double", "String"]]]);
  });
});

describe("tables with a totals row", () => {
  const seed = {
    sheets: [
      {
        name: "S",
        rows: [
          ["Part", "Qty"],
          ["A", 1],
          ["B", 2],
          ["Total", 3],
        ],
      },
    ],
    tables: [{ name: "T", sheet: "S", address: "A1:B4", totals: true }],
  };

  it("getRange includes the totals row; getDataBodyRange and getHeaderRowRange do not", async () => {
    const s = createStandIn(seed);
    const out = await run(s, async (c) => {
      const t = c.workbook.tables.getItem("T").load("showTotals,showHeaders");
      const all = t.getRange().load("address");
      const body = t.getDataBodyRange().load("address");
      const header = t.getHeaderRowRange().load("address");
      const totals = t.getTotalRowRange().load("address");
      await c.sync();
      return [t.showHeaders, t.showTotals, all.address, header.address, body.address, totals.address];
    });
    expect(out).toEqual([true, true, "S!A1:B4", "S!A1:B1", "S!A2:B3", "S!A4:B4"]);
  });

  it("a table without one has no totals row range", async () => {
    const s = createStandIn({ ...seed, tables: [{ name: "T", sheet: "S", address: "A1:B3" }] });
    await expect(
      run(s, async (c) => {
        c.workbook.tables.getItem("T").getTotalRowRange().load("address");
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("table AutoExpansion (an option, off by default)", () => {
  const seed = {
    sheets: [
      {
        name: "S",
        rows: [
          ["Part", "Qty"],
          ["A", 1],
          ["B", 2],
        ],
      },
    ],
    tables: [{ name: "T", sheet: "S", address: "A1:B3" }],
  };
  const write = (s: StandIn, address: string, values: (string | number)[][]): Promise<string> =>
    run(s, async (c) => {
      c.workbook.worksheets.getItem("S").getRange(address).values = values;
      await c.sync();
      const range = c.workbook.tables.getItem("T").getRange().load("address");
      await c.sync();
      return range.address;
    });

  it("with the option on, values written just right of the table take in the filled columns of the write up to the first empty one", async () => {
    const s = createStandIn({ ...seed, autoExpansion: true });
    expect(
      await write(s, "C1:D3", [
        ["Stage", ""],
        ["x", "y"],
        ["x", ""],
      ]),
    ).toBe("S!A1:D3");
    expect(s.book.read("S!D1")).toEqual([["Column4"]]);
    expect(
      await write(s, "E1:G3", [
        ["a", "", "c"],
        ["x", "", "y"],
        ["x", "", ""],
      ]),
    ).toBe("S!A1:E3");
  });

  it("grows by a data cell alone, and not for an empty write, a gap, or a write further right", async () => {
    const s = createStandIn({ ...seed, autoExpansion: true });
    expect(await write(s, "D1:D3", [["far"], [""], [""]])).toBe("S!A1:B3");
    expect(await write(s, "C1:C3", [[""], [""], [""]])).toBe("S!A1:B3");
    expect(await write(s, "C2", [["x"]])).toBe("S!A1:C3");
    expect(s.book.read("S!C1")).toEqual([["Column3"]]);
  });

  it("with the option off, the table keeps its size", async () => {
    const s = createStandIn(seed);
    expect(await write(s, "C1:C3", [["Stage"], ["x"], ["y"]])).toBe("S!A1:B3");
  });
});

describe("calculation", () => {
  const seed = {
    sheets: [
      { name: "S", rows: [[1, 2, "=SUM(A1:B1)"]] },
      { name: "T", rows: [['=COUNTIF(S!A:A,"x")']] },
    ],
  };
  const values = (s: StandIn) => s.book.read("S!A1:C1")[0];

  it("calculates formulas as Excel does after a request, and defers them after one that suspends calculation (Microsoft's sample)", async () => {
    const s = createStandIn(seed);
    expect(values(s)).toEqual([1, 2, 3]);
    const seen = await run(s, async (c) => {
      const app = c.workbook.application;
      const sheet = c.workbook.worksheets.getItem("S");
      app.suspendApiCalculationUntilNextSync();
      sheet.getRange("A1:B1").values = [[10, 20]];
      const first = sheet.getRange("A1:C1").load("values");
      app.load("calculationMode");
      await c.sync();
      const second = sheet.getRange("A1:C1").load("values");
      await c.sync();
      return [first.values[0], app.calculationMode, second.values[0]];
    });
    expect(seen).toEqual([[10, 20, 3], "Automatic", [10, 20, 30]]);
  });

  it("leaves formulas stale after a suspended request until the next request", async () => {
    const s = createStandIn(seed);
    await run(s, async (c) => {
      c.workbook.application.suspendApiCalculationUntilNextSync();
      c.workbook.worksheets.getItem("S").getRange("A1:A2").values = [["x"], ["x"]];
      await c.sync();
    });
    expect(s.book.read("T!A1")).toEqual([[0]]);
    expect(s.book.needsCalculation).toBe(true);
    // Any later request that does not suspend calculation recalculates first.
    const seen = await run(s, async (c) => {
      const cell = c.workbook.worksheets.getItem("T").getRange("A1").load("values");
      await c.sync();
      return cell.values;
    });
    expect(seen).toEqual([[2]]);
    expect(s.book.calculations).toEqual(["auto"]);
  });

  it("calculates nothing by itself in Manual mode", async () => {
    const s = createStandIn({ ...seed, calculationMode: "Manual" });
    await run(s, async (c) => {
      c.workbook.worksheets.getItem("S").getRange("A1").values = [[5]];
      await c.sync();
    });
    expect(values(s)).toEqual([5, 2, 3]);
    await run(s, async (c) => {
      c.workbook.application.calculate("Full");
      await c.sync();
    });
    expect(values(s)).toEqual([5, 2, 7]);
  });
});

describe("spilled ranges", () => {
  const seed = { sheets: [{ name: "S", rows: [["a", "", "=A1:A3"], ["b"], ["c"]] }] };

  it("a formula returning an array spills: the cells it fills have a value and no formula of their own", async () => {
    const s = createStandIn(seed);
    const out = await run(s, async (c) => {
      const sheet = c.workbook.worksheets.getItem("S");
      const column = sheet.getRange("C1:C3").load("values,formulas");
      const to = sheet.getRange("C1").getSpillingToRangeOrNullObject().load("address");
      const parent = sheet.getRange("C3").getSpillParentOrNullObject().load("address");
      const none = sheet.getRange("A1").getSpillingToRangeOrNullObject();
      await c.sync();
      return [column.values, column.formulas, to.address, parent.address, none.isNullObject];
    });
    expect(out).toEqual([[["a"], ["b"], ["c"]], [["=A1:A3"], [""], [""]], "S!C1:C3", "S!C1", true]);
  });

  it("writing into a spilled cell blocks the spill: the anchor shows #SPILL!; clearing the cell lets it spill again", async () => {
    const s = createStandIn(seed);
    await run(s, async (c) => {
      c.workbook.worksheets.getItem("S").getRange("C2").values = [["mine"]];
      await c.sync();
    });
    expect(s.book.read("S!C1:C3")).toEqual([["#SPILL!"], ["mine"], [""]]);
    await run(s, async (c) => {
      c.workbook.worksheets.getItem("S").getRange("C2").clear("Contents");
      await c.sync();
    });
    expect(s.book.read("S!C1:C3")).toEqual([["a"], ["b"], ["c"]]);
  });

  it("the spill APIs need ExcelApi 1.12: on an older Excel the request fails with ApiNotFound", async () => {
    const s = createStandIn(seed, { excelApi: "1.9" });
    await expect(
      run(s, async (c) => {
        c.workbook.worksheets.getItem("S").getRange("C1").getSpillingToRangeOrNullObject().load("address");
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("the add-in's visibility (SharedRuntime 1.1)", () => {
  it("calls onVisibilityModeChanged handlers when the pane is shown or hidden, until removed", async () => {
    const s = createStandIn({ sheets: [{ name: "S" }] });
    const addin = (s.Office as unknown as typeof Office).addin;
    const seen: string[] = [];
    const remove = await addin.onVisibilityModeChanged((m) => void seen.push(m.visibilityMode));
    await s.setVisibility("Hidden");
    await s.setVisibility("Taskpane");
    await remove();
    await s.setVisibility("Hidden");
    expect(seen).toEqual(["Hidden", "Taskpane"]);
  });

  it("a host without SharedRuntime says so and refuses the call", async () => {
    const s = createStandIn({ sheets: [{ name: "S" }] }, { sharedRuntime: false });
    const office = s.Office as unknown as typeof Office;
    expect(office.context.requirements.isSetSupported("SharedRuntime", "1.1")).toBe(false);
    await expect(office.addin.onVisibilityModeChanged(() => undefined)).rejects.toThrow(/SharedRuntime/u);
  });
});

describe("requirement sets", () => {
  it("names, for every member it has above ExcelApi 1.9, the set @types/office-js gives it", async () => {
    const { NEWER_APIS } = await import("./excel-standin/api");
    const { readFileSync } = await import("node:fs");
    const types = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
    const excel = types.slice(types.indexOf("declare namespace Excel {"));
    for (const [member, version] of Object.entries(NEWER_APIS)) {
      const [cls = "", name = ""] = member.split(".");
      const start = excel.indexOf(`\n    class ${cls} extends OfficeExtension.ClientObject {`);
      const body = excel.slice(start, excel.indexOf("\n    }", start));
      const at = body.search(new RegExp(`\\n\\s*(readonly )?${name}[(:]`, "u"));
      const doc = body.slice(body.lastIndexOf("/**", at), at);
      expect([member, /\[Api set: ExcelApi ([\d.]+)/u.exec(doc)?.[1]]).toEqual([member, version]);
    }
  });

  it("isSetSupported answers for the ExcelApi set the host claims", () => {
    const office = createStandIn({ sheets: [{ name: "S" }] }, { excelApi: "1.9" }).Office as unknown as typeof Office;
    expect([office.context.requirements.isSetSupported("ExcelApi", "1.9"), office.context.requirements.isSetSupported("ExcelApi", "1.12")]).toEqual([
      true,
      false,
    ]);
  });
});

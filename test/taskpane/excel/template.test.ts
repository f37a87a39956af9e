import { describe, expect, it } from "vitest";
import { TEMPLATE_COLUMNS, TEMPLATE_EXAMPLES, mapHeaders, rowReader, validationList } from "../../../src/core";
import { TEMPLATE_ROWS, insertTemplate } from "../../../src/taskpane/excel/template";
import { standIn } from "./fixtures";

describe("insert template", () => {
  it("adds a sheet with the documented headers as a table, example rows at every stage and dropdowns", async () => {
    const { s, run } = standIn({ sheets: [{ name: "Sheet1", rows: [["mine"]] }] });
    expect(await insertTemplate(run)).toEqual({ ok: true, value: "Bill of parts" });
    const sheet = s.book.sheetNamed("Bill of parts");
    const rows = s.book.read(`'Bill of parts'!A1:P${TEMPLATE_EXAMPLES.length + 1}`);
    expect(rows[0]).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
    const reader = rowReader(mapHeaders(rows[0] ?? []));
    expect(rows.slice(1).map((r) => reader.assess(r).stage)).toEqual(TEMPLATE_EXAMPLES.map((e) => e.stage));
    expect(s.book.tables.map((t) => [t.name, t.sheet.name])).toEqual([["BillOfParts", "Bill of parts"]]);
    const lists = sheet?.validations.map((v) => [v.rect.column, v.rect.rows, (v.rule as { list: { source: string } }).list.source]);
    const expected = TEMPLATE_COLUMNS.flatMap((c, i) =>
      c.criterion && validationList(c.criterion).length > 0 ? [[i, TEMPLATE_ROWS, validationList(c.criterion).join(",")]] : [],
    );
    expect(lists).toEqual(expected);
    expect(expected).toHaveLength(12);
    expect(sheet?.frozenRows).toBe(1);
    expect(s.book.read("Sheet1!A1")).toEqual([["mine"]]);
  });

  it("never replaces an existing sheet or table: it picks a free name", async () => {
    const { s, run } = standIn({ sheets: [{ name: "Bill of parts", rows: [["mine"]] }] });
    await insertTemplate(run);
    expect(await insertTemplate(run)).toEqual({ ok: true, value: "Bill of parts (3)" });
    expect(s.book.tables.map((t) => t.name)).toEqual(["BillOfParts", "BillOfParts2"]);
    expect(s.book.read("'Bill of parts'!A1")).toEqual([["mine"]]);
  });
});

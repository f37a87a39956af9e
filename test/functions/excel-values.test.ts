import { describe, expect, it } from "vitest";
import { ExcelErrorDouble } from "./custom-functions-double";
import { asMatrix, toCellRow, toCellValue } from "../../src/functions/excel-values";

describe("toCellValue: cells as Excel passes them, as the core reads them", () => {
  it.each([
    ["a number", 42, 42],
    ["a boolean", true, true],
    ["text", "frozen", "frozen"],
    ["a blank cell", "", ""],
    ["an omitted value", null, null],
    ["undefined", undefined, null],
    ["error text stays text (the core reads it as an error)", "#N/A", "#N/A"],
    ["a CustomFunctions.Error", new ExcelErrorDouble("#DIV/0!", "why"), { error: "#DIV/0!" }],
    ["a data-type error", { type: "Error", errorType: "NotAvailable", basicValue: "#N/A" }, { error: "#N/A" }],
    ["a data-type error without its text", { type: "Error", errorType: "Busy" }, { error: "#VALUE!" }],
    ["a formatted number", { type: "Double", basicValue: 0.5, numberFormat: "0%" }, 0.5],
    ["a data-type boolean", { type: "Boolean", basicValue: false }, false],
    ["an entity: its text", { type: "Entity", text: "qualified", properties: {} }, "qualified"],
    ["an object with nothing readable", { foo: 1 }, null],
    ["a nested array", [1, 2], null],
    ["a function", () => 1, null],
  ])("%s", (_what, excel, core) => {
    expect(toCellValue(excel)).toEqual(core);
  });

  it("keeps a Date", () => {
    const d = new Date(Date.UTC(2024, 0, 2));
    expect(toCellValue(d)).toBe(d);
  });
});

describe("toCellRow", () => {
  it("returns a plain row itself, without copying", () => {
    const row = ["a", 1, true, "", null];
    expect(toCellRow(row)).toBe(row);
  });

  it("converts a row with objects", () => {
    expect(toCellRow(["a", new ExcelErrorDouble("#N/A")])).toEqual(["a", { error: "#N/A" }]);
  });
});

describe("asMatrix", () => {
  it.each([
    [
      "a matrix",
      [
        [1, 2],
        [3, 4],
      ],
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ["a scalar", 5, [[5]]],
    ["a flat array (one row)", [1, 2], [[1, 2]]],
    ["an empty array", [], []],
  ])("%s", (_what, value, rows) => {
    expect(asMatrix(value)).toEqual(rows);
  });
});

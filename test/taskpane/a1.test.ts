import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnLetters, quoteSheetName as quoteSheet } from "../../src/core";
import { areaOfAddress, areaTouches, cellAddress, rectAddress, sheetCell } from "../../src/taskpane/a1";

describe("A1 addresses", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s", (i, letters) => {
    expect(columnLetters(i)).toBe(letters);
  });

  it("gives distinct letters to distinct columns, in Excel's order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16382 }), (i) => {
        const a = columnLetters(i);
        const b = columnLetters(i + 1);
        return a !== b && (a.length < b.length || (a.length === b.length && a < b));
      }),
    );
  });

  it.each([
    ["Parts", "Parts!B3"],
    ["Bill of parts", "'Bill of parts'!B3"],
    ["O'Brien", "'O''Brien'!B3"],
    ["A1", "'A1'!B3"],
    ["Sheet_2", "Sheet_2!B3"],
  ])("quotes the sheet %s like Excel", (sheet, address) => {
    expect(sheetCell(sheet, 2, 1)).toBe(address);
    expect(quoteSheet(sheet).length).toBeGreaterThanOrEqual(sheet.length);
  });

  it("writes single cells and ranges", () => {
    expect(cellAddress(0, 0)).toBe("A1");
    expect(rectAddress({ row: 1, column: 16, rows: 10_000, columns: 5 })).toBe("Q2:U10001");
    expect(rectAddress({ row: 4, column: 2, rows: 1, columns: 1 })).toBe("C5");
  });

  it.each([
    ["C3", { rows: { first: 2, last: 2 }, columns: { first: 2, last: 2 } }],
    ["B3:C7", { rows: { first: 2, last: 6 }, columns: { first: 1, last: 2 } }],
    ["Parts!D10:D4", { rows: { first: 3, last: 9 }, columns: { first: 3, last: 3 } }],
    ["3:5", { rows: { first: 2, last: 4 } }],
    ["C:E", { columns: { first: 2, last: 4 } }],
    ["", undefined],
    ["C3:", undefined],
    ["A1:B2:C3", undefined],
  ])("the event address %j covers %j", (address, area) => {
    expect(areaOfAddress(address)).toEqual(area);
  });

  it.each([
    ["C5", true],
    ["A5:B5", false],
    ["Q1:U10001", false],
    ["C:C", true],
    ["5:5", true],
    ["A2:Z3", false],
    ["A1:Z3", true],
    ["D1", true],
  ])("a change at %s %s the part in row 5, columns C-P with its header in row 1", (address, touches) => {
    const area = areaOfAddress(address);
    expect(area && areaTouches(area, [0, 4], { first: 2, last: 15 })).toBe(touches);
  });
});

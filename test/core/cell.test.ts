import { describe, expect, it } from "vitest";
import { cellText, isErrorCell, isExcelErrorText } from "../../src/core";

describe("cellText", () => {
  it.each([
    [null, ""],
    [undefined, ""],
    ["  a b ", "  a b "],
    [42, "42"],
    [0.5, "0.5"],
    [Number.NaN, ""],
    [Number.POSITIVE_INFINITY, ""],
    [true, "TRUE"],
    [false, "FALSE"],
    [new Date(Date.UTC(2024, 4, 1)), "2024-05-01"],
    [new Date(Number.NaN), ""],
    [{ error: "#N/A" }, "#N/A"],
    [{}, ""],
    [[1, 2], ""],
    [{ error: 5 }, ""],
  ])("%j reads as %j", (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});

describe("Excel errors", () => {
  it.each(["#N/A", "#n/a", " #REF! ", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"])(
    "%j is an error text",
    (text) => {
      expect(isExcelErrorText(text)).toBe(true);
    },
  );

  it.each(["N/A", "#", "#hashtag", "error"])("%j is not", (text) => {
    expect(isExcelErrorText(text)).toBe(false);
  });

  it("an error cell is an object with a string error", () => {
    expect(isErrorCell({ error: "#N/A" })).toBe(true);
    expect(isErrorCell({ error: 1 })).toBe(false);
    expect(isErrorCell("#N/A")).toBe(false);
    expect(isErrorCell(null)).toBe(false);
    expect(isErrorCell(new Date())).toBe(false);
  });
});

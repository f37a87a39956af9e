import { describe, expect, it } from "vitest";
import { columnLetters, quoteSheetName } from "../../src/core";

describe("columnLetters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
  });
});

describe("quoteSheetName: the sheet part of a reference, quoted as Excel writes it", () => {
  it.each([
    ["Parts", "Parts"],
    ["parts.csv", "parts.csv"],
    ["_list2", "_list2"],
    ["Bill of parts", "'Bill of parts'"],
    ["Tom's list", "'Tom''s list'"],
    ["bill-of-parts.csv", "'bill-of-parts.csv'"],
    ["AB12", "'AB12'"],
    ["2024", "'2024'"],
    ["Données", "'Données'"],
  ])("%s -> %s", (name, reference) => {
    expect(quoteSheetName(name)).toBe(reference);
  });
});

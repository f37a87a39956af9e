import { describe, expect, it } from "vitest";
import { RESULT_HEADERS, findHeaderRow, type CellValue } from "../../../src/core";
import { chooseHeader, extent, previousResultColumn, TableClassifier } from "../../../src/cli/classify/table";
import { columnLetters, quoteSheetName as sheetRef } from "../../../src/core";
import { DEFAULT_THRESHOLDS } from "../../../src/core";
import { PART_TABLE } from "../../fixtures/parts";

const where = 'sheet "Parts"';

describe("chooseHeader", () => {
  it("takes the core's header row below title rows and puts the results right of everything seen", () => {
    const rows: CellValue[][] = [["Bill of parts"], [], ...PART_TABLE.map((r) => [...r])];
    const choice = chooseHeader(rows, { scan: 50, where });
    expect(choice.ok).toBe(true);
    if (!choice.ok) return;
    expect(choice.value.rowNumber).toBe((findHeaderRow(rows)?.index ?? -1) + 1);
    expect(choice.value.resultColumn).toBe(PART_TABLE[0]?.length);
    expect(choice.value.rewrite).toBe(false);
    expect(choice.value.found).toBe("auto");
  });

  it("puts the results right of a data row wider than the header, and of a declared width", () => {
    const rows: CellValue[][] = [["Design", "Qty"], ["frozen", 5, null, "note"]];
    const wide = chooseHeader(rows, { scan: 50, where });
    expect(wide.ok && wide.value.resultColumn).toBe(4);
    const declared = chooseHeader(rows, { scan: 50, where, declaredWidth: 9 });
    expect(declared.ok && declared.value.resultColumn).toBe(9);
  });

  it("finds an earlier run's five result headers and rewrites them", () => {
    const header = ["Part", "Design", "Qty", ...RESULT_HEADERS];
    expect(previousResultColumn(header)).toBe(3);
    const choice = chooseHeader([header, ["A", "frozen", 5, "Prototyping", 60, "x", "y", "z"]], { scan: 50, where });
    expect(choice.ok && choice.value).toMatchObject({ resultColumn: 3, rewrite: true });
    expect(choice.ok && choice.value.mapping.ignored.map((i) => i.header)).toEqual(["Part"]);
  });

  it("does not take four result headers, or five in another order, for an earlier run", () => {
    expect(previousResultColumn(["Design", ...RESULT_HEADERS.slice(1)])).toBeUndefined();
    expect(previousResultColumn(["Design", ...[...RESULT_HEADERS].reverse()])).toBeUndefined();
  });

  it("uses --header-row and says what is wrong with a row that is no header", () => {
    const rows: CellValue[][] = [["Title"], ["Design", "Qty"], ["frozen", 5]];
    const given = chooseHeader(rows, { headerRow: 2, scan: 50, where });
    expect(given.ok && given.value).toMatchObject({ rowNumber: 2, found: "option" });
    const notHeader = chooseHeader(rows, { headerRow: 1, scan: 50, where });
    expect(!notHeader.ok && notHeader.issue).toMatchObject({ code: "bad-header-row" });
    expect(!notHeader.ok && notHeader.issue.message).toMatch(/row 1 of sheet "Parts" names no criterion/u);
    const past = chooseHeader(rows, { headerRow: 9, scan: 50, where });
    expect(!past.ok && past.issue.message).toMatch(/past the end/u);
  });

  it("reports no header row in the rows it scans", () => {
    const none = chooseHeader([["Name", "Colour"], ["Bracket", "black"]], { scan: 50, where });
    expect(!none.ok && none.issue).toEqual({
      code: "no-header-row",
      message: 'no header row found in the first 50 rows of sheet "Parts"; expected headers such as Design, Material, Qty (see part-readiness criteria)',
    });
  });
});

describe("references", () => {
  it.each([[0, "A"], [25, "Z"], [26, "AA"], [51, "AZ"], [701, "ZZ"], [702, "AAA"], [16383, "XFD"]])("column %i is %s", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
  });

  it("quotes sheet names that need it", () => {
    expect(sheetRef("Parts")).toBe("Parts");
    expect(sheetRef("parts.csv")).toBe("parts.csv");
    expect(sheetRef("Bill of parts")).toBe("'Bill of parts'");
    expect(sheetRef("Tom's list")).toBe("'Tom''s list'");
  });

  it("extent is one past the last non-blank cell", () => {
    expect(extent(["a", null, "b", "", " "])).toBe(3);
    expect(extent([])).toBe(0);
  });
});

describe("TableClassifier", () => {
  it("names the cell of each problem and caps the notes, counting the rest", () => {
    const rows: CellValue[][] = [["Part No.", "Design", "Qty"], ["A", "banana", 5], ["B", "maybe", "lots"], ["C", "frozen", 5000]];
    const choice = chooseHeader(rows, { scan: 50, where });
    if (!choice.ok) throw new Error("no header");
    const table = new TableClassifier("Parts", choice.value, DEFAULT_THRESHOLDS, 2);
    rows.slice(1).forEach((row, i) => table.classify(i + 2, row));
    const tally = table.tally();
    expect(tally.notes.map((n) => n.text.split(":")[0])).toEqual(["Parts!B2", "Parts!B3"]);
    expect(tally.cellProblems).toBe(3);
    expect(tally.summary.parts).toBe(3);
  });

  it("skips blank rows", () => {
    const choice = chooseHeader([["Design"]], { scan: 50, where });
    if (!choice.ok) throw new Error("no header");
    const table = new TableClassifier("Parts", choice.value, DEFAULT_THRESHOLDS, 5);
    expect(table.classify(2, [" ", null])).toEqual({ kind: "blank" });
    expect(table.tally().summary.parts).toBe(0);
  });
});

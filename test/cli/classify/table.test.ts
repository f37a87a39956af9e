import { describe, expect, it } from "vitest";
import { CELL_NOTE_LIMIT, RESULT_HEADERS, findHeaderRow, type CellValue, type CriterionId } from "../../../src/core";
import {
  chooseHeader,
  extent,
  headerRowsNeeded,
  HEADER_SAMPLE_ROWS,
  previousResultColumn,
  sheetReading,
  TableClassifier,
} from "../../../src/cli/classify/table";
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
    const rows: CellValue[][] = [
      ["Design", "Qty"],
      ["frozen", 5, null, "note"],
    ];
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

  it.each([
    {
      name: "a chart's row label that names one criterion",
      rows: [["Sales plan"], ["Forecast", 120, 140], ["Actual", 110, 150]],
      reason: /row 2 \("Forecast"\) names only one criterion \(Demand\) and no part name or number column.*expected headers such as/u,
    },
    {
      name: "a header with no part rows under it",
      rows: [["Part No.", "Design", "Qty"], ["P-1"]],
      reason: /row 1 names "Design" and "Qty", but no row under it fills any of those columns, so there are no parts to classify$/u,
    },
  ])("refuses $name, with the reason", ({ rows, reason }) => {
    const choice = chooseHeader(rows, { scan: 50, where });
    expect(!choice.ok && choice.issue.code).toBe("no-header-row");
    expect(!choice.ok && choice.issue.message).toMatch(/^no header row found in the first 50 rows of sheet "Parts": /u);
    expect(!choice.ok && choice.issue.message).toMatch(reason);
  });

  it("lets the values under the header decide between two columns of one criterion", () => {
    const header = ["Part No.", "Supplier", "Supplier qualification", "Design"];
    const rows: CellValue[][] = [header, ["A", "Acme CNC", "Qualified", "frozen"], ["B", "Bolt Works Ltd", "approved", "released"]];
    const choice = chooseHeader(rows, { scan: 50, where });
    expect(choice.ok && choice.value.mapping.byCriterion.supplier).toMatchObject({ column: 2, match: "values" });
    expect(choice.ok && choice.value.mapping.ignored.find((i) => i.column === 1)).toMatchObject({ reason: "duplicate", criterion: "supplier", keptColumn: 2 });
    const headerOnly = chooseHeader([header], { headerRow: 1, scan: 50, where });
    expect(headerOnly.ok && headerOnly.value.mapping.byCriterion.supplier?.column, "without rows the header alone decides").toBe(1);
  });

  it("samples rows past the scanned 50, up to HEADER_SAMPLE_ROWS under the header, also under --header-row", () => {
    const blank = (n: number): CellValue[][] => Array.from({ length: n }, (_, i) => [`P${i}`, `Maker ${i}`, null]);
    const late: CellValue[][] = [["Title"], ["Part No.", "Supplier", "Supplier qualification"], ...blank(80), ["Z", "Acme", "Qualified"]];
    for (const headerRow of [undefined, 2]) {
      const choice = chooseHeader(late, { scan: 50, where, ...(headerRow === undefined ? {} : { headerRow }) });
      expect(choice.ok && choice.value.mapping.byCriterion.supplier?.column, `header row ${headerRow ?? "found"}`).toBe(2);
    }
    const tooLate: CellValue[][] = [["Part No.", "Supplier", "Supplier qualification"], ...blank(HEADER_SAMPLE_ROWS), ["Z", "Acme", "Qualified"]];
    const beyond = chooseHeader(tooLate, { scan: 50, where });
    expect(beyond.ok && beyond.value.mapping.byCriterion.supplier?.column, "a row past the sample does not count").toBe(1);
    expect(headerRowsNeeded(undefined, 50)).toBe(50 + HEADER_SAMPLE_ROWS);
    expect(headerRowsNeeded(7, 50)).toBe(7 + HEADER_SAMPLE_ROWS);
  });

  it("passes the user's choices: a mapped header is read, a header mapped to none is not, and a row named only by choices is a header row", () => {
    const choices = new Map<string, CriterionId | "none">([
      ["drawing rev stat", "design"],
      ["qty", "none"],
    ]);
    const rows: CellValue[][] = [["Title"], ["Part", "Drawing Rev Stat", "Qty"], ["A", "Released", 5]];
    const found = chooseHeader(rows, { scan: 50, where, choices });
    expect(found.ok && found.value.rowNumber).toBe(2);
    expect(found.ok && found.value.mapping.columns.map((c) => [c.column, c.criterion, c.match])).toEqual([[1, "design", "user"]]);
    expect(found.ok && found.value.mapping.ignored.find((i) => i.column === 2)).toMatchObject({ reason: "user" });
    const none = chooseHeader(rows, { scan: 50, where, choices: new Map([["qty", "none"]]) });
    expect(!none.ok && none.issue.code, "without the choice, nothing names a criterion").toBe("no-header-row");
  });

  it("reports no header row in the rows it scans", () => {
    const none = chooseHeader(
      [
        ["Name", "Colour"],
        ["Bracket", "black"],
      ],
      { scan: 50, where },
    );
    expect(!none.ok && none.issue).toEqual({
      code: "no-header-row",
      message: 'no header row found in the first 50 rows of sheet "Parts"; expected headers such as Design, Material, Qty (see part-readiness criteria)',
    });
  });
});

describe("references", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s", (index, letters) => {
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
    const rows: CellValue[][] = [
      ["Part No.", "Design", "Qty"],
      ["A", "banana", 5],
      ["B", "maybe", "lots"],
      ["C", "frozen", 5000],
    ];
    const choice = chooseHeader(rows, { scan: 50, where });
    if (!choice.ok) throw new Error("no header");
    const table = new TableClassifier("Parts", choice.value, DEFAULT_THRESHOLDS, 2);
    rows.slice(1).forEach((row, i) => table.classify(i + 2, row));
    const tally = table.tally();
    expect(tally.notes.map((n) => n.text.split(":")[0])).toEqual(["Parts!B2", "Parts!B3"]);
    expect(tally.cellProblems).toBe(3);
    expect(tally.summary.parts).toBe(3);
  });

  it("keeps the first CELL_NOTE_LIMIT cells not understood with their text, apart from the capped notes, and counts them all", () => {
    const choice = chooseHeader([["Part No.", "Design", "Qty"]], { headerRow: 1, scan: 50, where });
    if (!choice.ok) throw new Error("no header");
    const table = new TableClassifier("Bill of parts", choice.value, DEFAULT_THRESHOLDS, 3);
    const extra = 7;
    for (let r = 0; r < CELL_NOTE_LIMIT + extra; r += 1) table.classify(r + 2, [`P${r}`, r % 2 === 0 ? `banana ${r}` : "frozen", 5]);
    const half = Math.ceil((CELL_NOTE_LIMIT + extra) / 2);
    const tally = table.tally();
    expect(tally.cellProblems).toBe(half);
    expect(tally.notes).toHaveLength(3);
    expect(tally.cells).toHaveLength(Math.min(half, CELL_NOTE_LIMIT));
    expect(tally.cells[0]).toEqual({ column: 1, row: 2, value: "banana 0", message: expect.stringMatching(/^Design: "banana 0" is not a status/u) as string });
    const reading = sheetReading(choice.value, tally, "Bill of parts");
    expect(reading.cellTotal).toBe(half);
    expect(reading.cells[1]).toMatchObject({ cell: "'Bill of parts'!B4", value: "banana 2" });
    expect(reading.columns.map((c) => [c.letter, c.header, c.readAs])).toEqual([
      ["A", "Part No.", "Part label"],
      ["B", "Design", "Design"],
      ["C", "Qty", "Quantity"],
    ]);
  });

  it("stops keeping cells at CELL_NOTE_LIMIT", () => {
    const choice = chooseHeader([["Design"]], { headerRow: 1, scan: 50, where });
    if (!choice.ok) throw new Error("no header");
    const table = new TableClassifier("Parts", choice.value, DEFAULT_THRESHOLDS, 0);
    for (let r = 0; r < CELL_NOTE_LIMIT + 3; r += 1) table.classify(r + 2, ["banana"]);
    expect(table.tally().cells).toHaveLength(CELL_NOTE_LIMIT);
    expect(table.tally().cells.at(-1)?.row).toBe(CELL_NOTE_LIMIT + 1);
    expect(table.tally().cellProblems).toBe(CELL_NOTE_LIMIT + 3);
    expect(table.tally().notes).toEqual([]);
  });

  it("skips blank rows", () => {
    const choice = chooseHeader([["Design"]], { headerRow: 1, scan: 50, where });
    if (!choice.ok) throw new Error("no header");
    const table = new TableClassifier("Parts", choice.value, DEFAULT_THRESHOLDS, 5);
    expect(table.classify(2, [" ", null])).toEqual({ kind: "blank" });
    expect(table.tally().summary.parts).toBe(0);
  });
});

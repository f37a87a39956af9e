/*
 * Classify list's gate-review columns (Assembly stage, Limited by, Waived,
 * Change) as models: which columns a list gets and their cells, compared with
 * the command line's own table code on the same rows; an earlier run's columns
 * recognised by their headers; the never-overwrite check over the wider block.
 */
import { describe, expect, it } from "vitest";
import { CHANGE_HEADER, DEFAULT_THRESHOLDS, RESULT_HEADERS, WAIVED_HEADER, mapHeaders, type CellValue } from "../../src/core";
import { ListClassifier } from "../../src/taskpane/classify";
import { listGate } from "../../src/taskpane/gate-model";
import { earlierGateHeaders, gateRect, planList, possibleGateHeaders, resultWidth, writtenRect, type ListBlock } from "../../src/taskpane/layout";
import { foreignMessage, foreignWithin, scanForeignCells, type TargetCells } from "../../src/taskpane/write-plan";
import { cliGateColumns } from "../support/cli-oracle";
import { BILL_HEADERS, BLANK, P7_150, P7_500, P7_510, P7_520, parentBill, renamed, withLevel, withoutWaiver } from "./gate-fixtures";

const ASSEMBLY = ["Assembly stage", "Limited by"];

/** The pane's gate columns for a sheet whose first row is the header row, at A1. */
function paneGate(sheet: string, rows: readonly (readonly CellValue[])[]) {
  const [header = [], ...data] = rows;
  const mapping = mapHeaders(header.map(String), { sample: data });
  const classifier = new ListClassifier(
    mapping,
    DEFAULT_THRESHOLDS,
    header.map((_, c) => c),
    { sheet, firstRow: 1, firstColumn: 0 },
  );
  classifier.add(data);
  return listGate(mapping, classifier.result().parts, { sheet, firstColumn: 0, firstDataRow: 1, dataRows: data.length }, undefined);
}

describe("the gate columns of a list are the command line's", () => {
  it.each<[string, readonly (readonly CellValue[])[], readonly string[]]>([
    [
      "the example bill's assembly: P7-500 limited by P7-520, its pilot run waived",
      [BILL_HEADERS, P7_150, P7_500, P7_510, P7_520],
      [...ASSEMBLY, WAIVED_HEADER],
    ],
    [
      "a blank row and a row without criteria inside the bill",
      [BILL_HEADERS, P7_500, BLANK, P7_510, [1, "P7-530", "Screws", ...BLANK.slice(3)], P7_520],
      [...ASSEMBLY, WAIVED_HEADER],
    ],
    ["a level jump: the assembly above is Unknown, never higher", [BILL_HEADERS, P7_500, withLevel(P7_510, 2), P7_520], [...ASSEMBLY, WAIVED_HEADER]],
    ["a level that cannot be read", [BILL_HEADERS, P7_500, withLevel(P7_510, "x"), P7_520], [...ASSEMBLY, WAIVED_HEADER]],
    ["no waiver: no Waived column", [BILL_HEADERS, withoutWaiver(P7_500), P7_510, P7_520], ASSEMBLY],
    ["no label on a component: named by its cell", [BILL_HEADERS, withoutWaiver(P7_500), P7_510, renamed(P7_520, "")], ASSEMBLY],
    [
      "a Parent column",
      [["Parent", ...BILL_HEADERS.slice(1)], ...parentBill([P7_500, P7_510, P7_520], ["", "P7-500", "P7-500"])],
      [...ASSEMBLY, WAIVED_HEADER],
    ],
    [
      "a Parent column with a loop",
      [["Parent", ...BILL_HEADERS.slice(1)], ...parentBill([P7_500, P7_510, P7_520], ["P7-520", "P7-500", "P7-500"])],
      [...ASSEMBLY, WAIVED_HEADER],
    ],
    [
      "a part listed twice with different stages",
      [["Parent", ...BILL_HEADERS.slice(1)], ...parentBill([P7_500, P7_510, renamed(P7_520, "P7-510")], ["", "P7-500", "P7-500"])],
      [...ASSEMBLY, WAIVED_HEADER],
    ],
    [
      "a Parent column without a part number column: every assembly Unknown",
      [["Parent", "Reference", ...BILL_HEADERS.slice(2)], ...parentBill([P7_500, P7_510], ["", "P7-500"])],
      [...ASSEMBLY, WAIVED_HEADER],
    ],
    ["a waiver and no structure: Waived only", [BILL_HEADERS.slice(1), P7_500.slice(1), P7_150.slice(1)], [WAIVED_HEADER]],
    ["a plain list: no gate column", [BILL_HEADERS.slice(1, -1), P7_150.slice(1, -1), P7_520.slice(1, -1)], []],
  ])("%s", async (_what, rows, headers) => {
    const pane = paneGate("BOM", rows);
    const cli = await cliGateColumns("BOM", rows);
    expect(pane.headers).toEqual(headers);
    expect(cli.headers).toEqual(headers);
    if (headers.length > 0) expect(pane.rows).toEqual(cli.cells);
    else expect([pane.rows, cli.cells.filter((c) => c.length > 0)]).toEqual([[], []]);
  });

  it("writes Unknown where the structure cannot be known, and a waiver's text with its justification", () => {
    const jump = paneGate("BOM", [BILL_HEADERS, P7_500, withLevel(P7_510, 2), P7_520]);
    expect(jump.rows[0]?.slice(0, 2)).toEqual(["Unknown", "Unknown: a level is missing under it (BOM!A3)"]);
    expect(jump.rows[0]?.[2]).toBe(
      "Pilot run: Pilot run waived: carry-over of P7-150 (Same weldment and process as P7-150; 3 pilot lots passed (8D-2023-114))",
    );
    const bill = paneGate("BOM", [BILL_HEADERS, P7_500, P7_510, P7_520]);
    expect(bill.rows.map((r) => r.slice(0, 2))).toEqual([
      ["Prototyping", "P7-520 (Prototyping)"],
      ["", ""],
      ["", ""],
    ]);
  });

  it("adds the Change cells it is given, last", () => {
    const rows = [BILL_HEADERS, P7_500, P7_510];
    const [header = [], ...data] = rows;
    const mapping = mapHeaders(header.map(String));
    const classifier = new ListClassifier(
      mapping,
      DEFAULT_THRESHOLDS,
      header.map((_, c) => c),
      { sheet: "BOM", firstRow: 1, firstColumn: 0 },
    );
    classifier.add(data);
    const gate = listGate(mapping, classifier.result().parts, { sheet: "BOM", firstColumn: 0, firstDataRow: 1, dataRows: 2 }, ["new", ""]);
    expect(gate.headers).toEqual([...ASSEMBLY, WAIVED_HEADER, CHANGE_HEADER]);
    expect(gate.rows.map((r) => r.at(-1))).toEqual(["new", ""]);
  });
});

describe("an earlier run's columns, by their headers", () => {
  it.each<[string, readonly unknown[], readonly string[]]>([
    ["the five alone", [...RESULT_HEADERS], []],
    ["with Change", [...RESULT_HEADERS, "Change"], [CHANGE_HEADER]],
    ["with the assembly columns", [...RESULT_HEADERS, ...ASSEMBLY], ASSEMBLY],
    ["with every gate column", [...RESULT_HEADERS, ...ASSEMBLY, "Waived", "Change"], [...ASSEMBLY, WAIVED_HEADER, CHANGE_HEADER]],
    ["in any case, spaces around", [...RESULT_HEADERS, " assembly STAGE ", "limited by", "waived"], [...ASSEMBLY, WAIVED_HEADER]],
    ["a user's column after them ends them", [...RESULT_HEADERS, "Waived", "Notes", "Change"], [WAIVED_HEADER]],
    ["out of order: only the first", [...RESULT_HEADERS, "Change", "Waived"], [CHANGE_HEADER]],
    ["a user's header first: none", [...RESULT_HEADERS, "Notes", "Assembly stage"], []],
  ])("%s", (_what, header, earlier) => {
    expect(earlierGateHeaders(header, 0)).toEqual(earlier);
    expect(resultWidth(header, 0)).toBe(RESULT_HEADERS.length + earlier.length);
  });

  const region = (columns: number, table?: string): ListBlock => ({
    sheet: "BOM",
    rect: { row: 0, column: 0, rows: 3, columns },
    table,
    tableHeader: table !== undefined,
  });
  const header = ["Level", "Part No.", "Design status", "Material", "Pilot run", "Waiver justification"];
  const part = [0, "A-1", "frozen", "locked", "waived", "carry-over"];

  it.each<[string, ListBlock, readonly unknown[], { inside: boolean; earlier: readonly string[] }]>([
    ["grown into the region", region(13), [...header, ...RESULT_HEADERS, ...ASSEMBLY], { inside: true, earlier: ASSEMBLY }],
    [
      "just right of a table",
      region(6, "T"),
      [...header, ...RESULT_HEADERS, ...ASSEMBLY, "Waived", "Change"],
      { inside: false, earlier: [...ASSEMBLY, WAIVED_HEADER, CHANGE_HEADER] },
    ],
  ])("takes an earlier run's gate columns %s as its own, never as criteria", (_what, block, top, want) => {
    const plan = planList(block, [top, part, part]);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.results).toMatchObject({ column: 6, existing: true, ...want, change: want.earlier.includes(CHANGE_HEADER) });
    expect(plan.value.headers.slice(6)).toEqual(Array.from({ length: block.rect.columns - 6 }, () => ""));
    expect(plan.value.mapping.columns.map((c) => c.column).every((c) => c < 6)).toBe(true);
  });

  it("places the columns a run writes: the five and the gate columns, Change last", () => {
    const plan = planList(region(6), [header, part, part]);
    if (!plan.ok) throw new Error(plan.issue.message);
    const gate = [...ASSEMBLY, WAIVED_HEADER, CHANGE_HEADER];
    expect(writtenRect(plan.value, gate.slice(0, 3))).toEqual({ row: 0, column: 6, rows: 3, columns: 8 });
    expect(gateRect(plan.value, gate, CHANGE_HEADER)).toEqual({ row: 0, column: 14, rows: 3, columns: 1 });
    expect(gateRect(plan.value, ASSEMBLY, CHANGE_HEADER)).toBeUndefined();
  });

  it.each<[string, readonly string[], boolean, readonly string[]]>([
    ["a plain list, first run", ["Part No.", "Design status"], false, []],
    ["a plain list, later run", ["Part No.", "Design status"], true, [CHANGE_HEADER]],
    ["a Level column", ["Level", "Part No.", "Design status"], false, ASSEMBLY],
    [
      "a Parent column and a justification column, later run",
      ["Parent", "Part No.", "Design status", "Justification"],
      true,
      [...ASSEMBLY, WAIVED_HEADER, CHANGE_HEADER],
    ],
  ])("may write after the five, for %s: %o", (_what, headers, rerun, possible) => {
    expect(possibleGateHeaders(mapHeaders(headers), rerun)).toEqual(possible);
  });

  it("refuses when the sheet has no room for the gate columns the list may need", () => {
    const fits = planList({ ...region(6), rect: { row: 0, column: 16_384 - 6 - 5, rows: 3, columns: 6 } }, [header, part]);
    expect(!fits.ok && fits.issue).toEqual({ code: "no-room", message: "There is no room for the 8 result columns to the right of BOM!XET1:XEY3." });
  });
});

describe("the never-overwrite check over the wider block", () => {
  const cells = (...rows: unknown[][]): TargetCells => ({ formulas: rows, values: rows });
  const at = { sheet: "BOM", column: 16 };

  it.each<[string, number, number, readonly string[], number]>([
    ["every column", 0, 4, ["BOM!Q3", "BOM!S3", "BOM!T5", "BOM!R41", "BOM!Q42"], 6],
    ["the first two (no Waived, no Change written)", 0, 2, ["BOM!Q3", "BOM!R41", "BOM!Q42"], 3],
    ["only the fourth", 3, 4, ["BOM!T5"], 1],
    ["none (no column written past the earlier run's)", 2, 2, [], 0],
    ["the third and fourth", 2, 4, ["BOM!S3", "BOM!T5", "BOM!S43"], 3],
  ])("counts the cells of %s, listed in row order across chunks", (_what, first, end, addresses, count) => {
    const first40 = scanForeignCells(cells(["", "", "", ""], ["", "", "", ""], ["note", "", 0, ""], ["", "", "", ""], ["", "", "", "=A1"]), 0);
    const rest = scanForeignCells(cells(["", "x", "", ""], ["y", "", "", ""], ["", "", "z", ""]), 40, first40);
    expect(foreignWithin(rest, at, first, end)).toEqual({ addresses, count });
  });

  it("takes a spilled value for data, and lists only five", () => {
    const scan = scanForeignCells({ formulas: Array.from({ length: 8 }, () => [""]), values: Array.from({ length: 8 }, (_, r) => [r]) }, 10);
    expect(foreignWithin(scan, at, 0, 1)).toEqual({ addresses: ["BOM!Q11", "BOM!Q12", "BOM!Q13", "BOM!Q14", "BOM!Q15"], count: 8 });
  });

  it.each<[string, Parameters<typeof foreignMessage>[1], string]>([
    [
      "a first run with the gate columns",
      { sheet: "BOM", row: 0, column: 16, rows: 4, columns: 8 },
      "Nothing was written: the results go to BOM!Q1:X4, but BOM!X2 already holds data. Move or clear those cells (or insert eight empty columns to the right of the list), then classify again.",
    ],
    [
      "a later run adding the assembly columns",
      { sheet: "BOM", row: 0, column: 21, rows: 4, columns: 2, added: ASSEMBLY, after: "Missing" },
      "Nothing was written: the Assembly stage and Limited by columns go to BOM!V1:W4, but BOM!X2 already holds data. Move or clear those cells (or insert two empty columns to the right of the Missing column), then classify again.",
    ],
    [
      "a later run adding Waived beside an earlier Change",
      { sheet: "BOM", row: 0, column: 22, rows: 4, columns: 1, added: [WAIVED_HEADER], after: "Change" },
      "Nothing was written: the Waived column goes to BOM!W1:W4, but BOM!X2 already holds data. Move or clear those cells (or insert an empty column to the right of the Change column), then classify again.",
    ],
    [
      "a later run adding the assembly columns before an earlier Waived column",
      { sheet: "BOM", row: 0, column: 23, rows: 4, columns: 2, added: ASSEMBLY, after: "Waived", shifted: true },
      "Nothing was written: the Assembly stage and Limited by columns are added, so the result columns now extend to BOM!X1:Y4, but BOM!X2 already holds data. Move or clear those cells (or insert two empty columns to the right of the Waived column), then classify again.",
    ],
  ])("says what would go where, for %s", (_what, target, message) => {
    expect(foreignMessage({ addresses: ["BOM!X2"], count: 1 }, target)).toBe(message);
  });
});

/*
 * Classify list writes the command line's gate-review columns (Assembly stage,
 * Limited by, Waived, then Change) through the stand-in: on a first run, on a
 * re-run with the same columns, when the list gained or lost its Level column,
 * and never over a value of the user's where a new column would go.
 */
import { describe, expect, it } from "vitest";
import { RESULT_HEADERS, type CellValue } from "../../../src/core";
import { classifyList } from "../../../src/taskpane/excel/classify-run";
import { locateList } from "../../../src/taskpane/excel/locate";
import type { Run } from "../../../src/taskpane/excel/run";
import { cliGateColumns } from "../../support/cli-oracle";
import { BILL_HEADERS, P7_150, P7_500, P7_510, P7_520, withLevel } from "../gate-fixtures";
import { standIn } from "./fixtures";

const ROWS = [P7_150, P7_500, P7_510, P7_520];
const NOTES = ["Notes", ...BILL_HEADERS.slice(1)];

async function classify(run: Run) {
  const located = await locateList(run);
  if (!located.ok) throw new Error(located.issue.message);
  return classifyList(run, { list: located.value, mapping: located.value.plan.mapping, thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 } });
}

/** What the command line writes after the five for the list as the sheet holds it now (A1 to its last criterion column). */
async function cliColumns(
  read: (address: string) => unknown[][],
  rows: number,
): Promise<{ headers: readonly string[]; cells: readonly (readonly string[])[] }> {
  return cliGateColumns("BOM", read(`BOM!A1:R${rows + 1}`) as CellValue[][]);
}

const blankColumn = (rows: number): string[][] => Array.from({ length: rows + 1 }, () => [""]);

describe("Classify list writes the command line's gate-review columns", () => {
  it("a first run: the five, then Assembly stage, Limited by and Waived with the command line's texts; a re-run rewrites them and adds Change", async () => {
    const { s, run } = standIn({ sheets: [{ name: "BOM", rows: [BILL_HEADERS, ...ROWS] }], selection: "BOM!B3" });
    const first = await classify(run);
    if (!first.ok) throw new Error(first.issue.message);
    const cli = await cliColumns((a) => s.book.read(a), ROWS.length);
    expect(cli.headers).toEqual(["Assembly stage", "Limited by", "Waived"]);
    expect(first.value.gateColumns).toEqual(cli.headers);
    expect(first.value.resultArea).toBe("BOM!S1:Z5");
    expect(s.book.read("BOM!S1:Z1")).toEqual([[...RESULT_HEADERS, ...cli.headers]]);
    expect(s.book.read("BOM!X2:Z5")).toEqual(cli.cells);
    // P7-500 is limited by P7-520 and its pilot run is waived.
    expect(s.book.read("BOM!X3:Y3")).toEqual([["Prototyping", "P7-520 (Prototyping)"]]);
    expect(String(s.book.read("BOM!Z3")[0]?.[0])).toMatch(/^Pilot run: Pilot run waived: carry-over of P7-150 \(Same weldment/u);
    expect(s.book.read("BOM!AA1:AA5")).toEqual(blankColumn(ROWS.length));

    await s.select("BOM!C4");
    const again = await classify(run);
    if (!again.ok) throw new Error(again.issue.message);
    expect(again.value.gateColumns).toEqual([...cli.headers, "Change"]);
    expect(again.value.changeArea).toBe("BOM!AA1:AA5");
    expect(s.book.read("BOM!S1:AA1")).toEqual([[...RESULT_HEADERS, ...cli.headers, "Change"]]);
    expect(s.book.read("BOM!X2:Z5")).toEqual(cli.cells);
    expect(s.book.read("BOM!AA2:AA5").flat()).toEqual(["", "", "", ""]);
    expect(s.book.read("BOM!AB1:AB5")).toEqual(blankColumn(ROWS.length));
  });

  it("a list that gained a Level column: the assembly columns come before Waived, over the earlier Waived column, and Change after them", async () => {
    const { s, run } = standIn({ sheets: [{ name: "BOM", rows: [NOTES, ...ROWS] }], selection: "BOM!B3" });
    const first = await classify(run);
    expect(first.ok && first.value.gateColumns).toEqual(["Waived"]);
    expect(s.book.read("BOM!S1:Y1")).toEqual([[...RESULT_HEADERS, "Waived", ""]]);

    await s.edit("BOM!A1", [["Level"]]);
    await s.select("BOM!C4");
    const again = await classify(run);
    if (!again.ok) throw new Error(again.issue.message);
    const cli = await cliColumns((a) => s.book.read(a), ROWS.length);
    expect(again.value.gateColumns).toEqual([...cli.headers, "Change"]);
    expect(s.book.read("BOM!S1:AA1")).toEqual([[...RESULT_HEADERS, "Assembly stage", "Limited by", "Waived", "Change"]]);
    expect(s.book.read("BOM!X2:Z5")).toEqual(cli.cells);
  });

  it("a list that lost its Level column: Assembly stage and Limited by go, the columns left over are emptied, nothing of the user's is touched", async () => {
    const { s, run } = standIn({ sheets: [{ name: "BOM", rows: [BILL_HEADERS, ...ROWS] }], selection: "BOM!B3" });
    expect((await classify(run)).ok).toBe(true);
    await s.edit("BOM!A1", [["Notes"]]);
    await s.select("BOM!C4");
    const again = await classify(run);
    if (!again.ok) throw new Error(again.issue.message);
    const cli = await cliGateColumns("BOM", s.book.read("BOM!A1:R5") as CellValue[][]);
    expect(cli.headers).toEqual(["Waived"]);
    expect(again.value.gateColumns).toEqual(["Waived", "Change"]);
    expect(s.book.read("BOM!S1:AA1")).toEqual([[...RESULT_HEADERS, "Waived", "Change", "", ""]]);
    expect(s.book.read("BOM!X2:X5")).toEqual(cli.cells);
    expect(
      s.book
        .read("BOM!Z2:AA5")
        .flat()
        .every((v) => v === ""),
    ).toBe(true);
    // A third run finds its own columns by their headers again.
    await s.select("BOM!C4");
    const third = await classify(run);
    expect(third.ok && third.value.resultArea).toBe("BOM!S1:X5");
  });

  it("asks before writing a new gate column over a value of the user's, names it and writes nothing", async () => {
    const { s, run } = standIn({ sheets: [{ name: "BOM", rows: [NOTES, ...ROWS] }], selection: "BOM!B3" });
    expect((await classify(run)).ok).toBe(true);
    // Right of the earlier Waived column (X), where Limited by's and Waived's new places are.
    await s.edit("BOM!Z3", [["ask supplier"]]);
    await s.edit("BOM!A1", [["Level"]]);
    await s.select("BOM!C4");
    const before = s.book.read("BOM!A1:AB5");
    const out = await classify(run);
    expect(!out.ok && out.issue).toEqual({
      code: "foreign",
      message:
        "Nothing was written: the Assembly stage, Limited by and Change columns are added, so the result columns now extend to BOM!Y1:AA5, but BOM!Z3 already holds data. Move or clear those cells (or insert three empty columns to the right of the Waived column), then classify again.",
    });
    expect(s.book.read("BOM!A1:AB5")).toEqual(before);
  });

  it("on a first run, asks only about the columns the list needs: a value where Waived would go stops it only when a part has a waiver", async () => {
    const waived = standIn({ sheets: [{ name: "BOM", rows: [[...BILL_HEADERS, "", "", "", "", "", "", "", "my own"], ...ROWS] }], selection: "BOM!B3" });
    const out = await classify(waived.run);
    expect(!out.ok && out.issue.message).toBe(
      "Nothing was written: the results go to BOM!S1:Z5, but BOM!Z1 already holds data. Move or clear those cells (or insert eight empty columns to the right of the list), then classify again.",
    );
    // Without a waiver there is no Waived column: the user's cell is beside the results, not under them.
    const plain = [P7_150, withLevel(P7_520, 0)];
    const { s, run } = standIn({ sheets: [{ name: "BOM", rows: [[...BILL_HEADERS, "", "", "", "", "", "", "", "my own"], ...plain] }], selection: "BOM!B3" });
    const ok = await classify(run);
    expect(ok.ok && ok.value.gateColumns).toEqual(["Assembly stage", "Limited by"]);
    expect(s.book.read("BOM!S1:Z1")).toEqual([[...RESULT_HEADERS, "Assembly stage", "Limited by", "my own"]]);
  });

  for (const autoExpansion of [true, false]) {
    it(`classifies a bill in an Excel table again into its own columns, ${autoExpansion ? "after AutoExpansion grew the table over them" : "with AutoExpansion off"}`, async () => {
      const { s, run } = standIn({
        sheets: [{ name: "BOM", rows: [BILL_HEADERS, ...ROWS, [], ["Notes below the table"]] }],
        tables: [{ name: "Bill", sheet: "BOM", address: "A1:R5" }],
        selection: "BOM!C3",
        autoExpansion,
      });
      const first = await classify(run);
      expect(first.ok && first.value.resultArea).toBe("BOM!S1:Z5");
      expect(s.book.tables[0]?.rect).toEqual({ row: 0, column: 0, rows: 5, columns: autoExpansion ? 26 : 18 });
      await s.edit("BOM!D5", [["frozen"]]);
      await s.select("BOM!B3");
      const second = await classify(run);
      if (!second.ok) throw new Error(second.issue.message);
      const cli = await cliColumns((a) => s.book.read(a), ROWS.length);
      expect(second.value.gateColumns).toEqual([...cli.headers, "Change"]);
      expect(s.book.read("BOM!S1:AB1")).toEqual([[...RESULT_HEADERS, ...cli.headers, "Change", ""]]);
      expect(s.book.read("BOM!X2:Z5")).toEqual(cli.cells);
      expect(s.book.tables[0]?.rect).toEqual({ row: 0, column: 0, rows: 5, columns: autoExpansion ? 27 : 18 });
      expect(s.book.read("BOM!A7")).toEqual([["Notes below the table"]]);
    });
  }
});

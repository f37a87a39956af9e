/*
 * CSV -> .xlsx (exceljs's streaming writer, src/cli/xlsx/table-writer.ts) has
 * the package edit's buyer-facing layout: result columns at
 * RESULT_COLUMN_WIDTHS, Next step / Blockers / Missing wrapped and part rows
 * tall enough for them, a frozen header row, an AutoFilter over the table and
 * the results, landscape one page wide with the header row repeated and a
 * footer; the summary sheet landscape one page wide too. Through the built CLI.
 */
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { RESULT_HEADERS, SUMMARY_SHEET } from "../../../src/core";
import { wrappedRowHeight } from "../../../src/cli/xlsx/parts/row-height";
import { RESULT_COLUMN_WIDTHS } from "../../../src/cli/xlsx/parts/sheet-edits";
import { makeTempDir, removeDir } from "../../fixtures/files";
import { ROOT, requireBuiltCli, runCli } from "../../fixtures/run-cli";
import { zipEntries } from "../../support/zip-entries";

const root = makeTempDir("csv-layout");
afterAll(() => removeDir(root));

describe("a CSV classified to .xlsx", () => {
  it("has the package edit's layout: widths, wrapping, row heights, frozen header, AutoFilter, print setup, print titles, footer", async () => {
    requireBuiltCli();
    copyFileSync(path.join(ROOT, "examples", "bill-of-parts.csv"), path.join(root, "bill.csv"));
    const run = await runCli(["classify", "bill.csv", "--format", "xlsx", "-o", "bill.xlsx", "-q"], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const file = path.join(root, "bill.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    if (sheet === undefined) throw new Error("no sheet");

    let headerRow = 0;
    let stage = 0;
    sheet.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.value === RESULT_HEADERS[0] && headerRow === 0) [headerRow, stage] = [r, c];
      }),
    );
    expect(headerRow).toBeGreaterThan(0);
    RESULT_COLUMN_WIDTHS.forEach((w, i) => expect(sheet.getColumn(stage + i).width, RESULT_HEADERS[i]).toBe(w));

    let tall = 0;
    for (let r = headerRow + 1; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const texts = RESULT_HEADERS.map((_, i) => String(row.getCell(stage + i).value ?? ""));
      if (texts[0] === "") continue;
      for (const i of [2, 3, 4])
        if (texts[i] !== "") expect(row.getCell(stage + i).alignment, `row ${r} ${RESULT_HEADERS[i]}`).toMatchObject({ wrapText: true, vertical: "top" });
      const want = wrappedRowHeight(texts, RESULT_COLUMN_WIDTHS);
      if (want !== undefined) tall += 1;
      expect(row.height, `row ${r}`).toBe(want ?? 15);
    }
    expect(tall, "rows raised for their wrapped results").toBeGreaterThan(5);

    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: headerRow });
    const entries = zipEntries(readFileSync(file));
    const xml = entries.get("xl/worksheets/sheet1.xml") ?? "";
    expect(xml).toMatch(new RegExp(`<autoFilter ref="[A-Z]+${headerRow}:[A-Z]+${sheet.rowCount}"/>`, "u"));
    expect(xml).toMatch(/<pageSetup orientation="landscape"[^>]* fitToWidth="1" fitToHeight="0"\/>/u);
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(xml).toContain("<oddFooter>&amp;F — page &amp;P of &amp;N</oddFooter>");
    expect(entries.get("xl/workbook.xml")).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;bill&apos;!$${headerRow}:$${headerRow}</definedName>`,
    );
    const summary = book.getWorksheet(SUMMARY_SHEET);
    expect(summary?.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });
});

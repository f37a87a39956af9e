/*
 * The pane's summary sheet against the command line's, on the same list: the
 * core lays both out, so every row matches but the List row, which names the
 * list the way each one sees it (the pane: its address; the command line: the
 * sheet and the file). Texts that Excel would read as something else, a quoted
 * sheet name first, must show as written in both. Skipped while the command
 * line is not built (npm test builds it first).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { SUMMARY_SHEET, SUMMARY_WIDTH } from "../../../src/core";
import { classifyList } from "../../../src/taskpane/excel/classify-run";
import { locateList } from "../../../src/taskpane/excel/locate";
import { cliBuilt } from "../../support/cli-oracle";
import { runCli } from "../../fixtures/run-cli";
import { rawGrid, shownText } from "../../fixtures/read-output";
import { standIn } from "./fixtures";

const SHEET = "Bill of parts";
const headers = ["Part", "Design", "Function", "Material", "Finish", "Goal", "Qty"];
const rows: (string | number)[][] = [
  ["P-1", "frzn", "verified", "locked", "confirmed", "pilot", "1.000"],
  ["P-2", "-5", "verified", "locked", "confirmed", "pilot", 20],
  ["P-3", "5-10", "in progress", "'6061'", "TRUE", "validation", "50%"],
  ["P-4", "=not a formula", "failed", "open", "open", "", 3],
];

async function cliSummary(dir: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(SHEET);
  for (const row of [headers, ...rows]) sheet.addRow(row);
  const file = path.join(dir, "parts.xlsx");
  await book.xlsx.writeFile(file);
  const run = await runCli(["classify", file], { cwd: dir });
  if (run.code !== 0) throw new Error(`part-readiness classify failed: ${run.stderr}`);
  const out = new ExcelJS.Workbook();
  await out.xlsx.readFile(path.join(dir, "parts.classified.xlsx"));
  const summary = out.getWorksheet(SUMMARY_SHEET);
  if (!summary) throw new Error("the command line wrote no summary sheet");
  const grid = rawGrid(summary);
  return grid.slice(1).map((line) => Array.from({ length: SUMMARY_WIDTH }, (_, c) => shownText(line?.[c + 1])));
}

describe("the summary sheet, pane and command line", () => {
  it.runIf(cliBuilt())(
    "holds the same rows as the command line's, texts kept as written, the List row naming the list by its quoted address",
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), "pane-summary-"));
      try {
        const cli = await cliSummary(dir);
        // The same cells in Excel: texts Excel would convert were typed with the quote prefix, so they are text.
        const { s, run } = standIn({ sheets: [{ name: SHEET, rows: [headers] }], selection: `'${SHEET}'!A2` });
        const sheet = s.book.sheetNamed(SHEET);
        rows.forEach((row, r) => row.forEach((v, c) => (typeof v === "string" ? sheet?.setText(r + 1, c, v) : sheet?.set(r + 1, c, v))));
        const located = await locateList(run);
        if (!located.ok) throw new Error(located.issue.message);
        const out = await classifyList(run, {
          list: located.value,
          mapping: located.value.plan.mapping,
          thresholds: { prototypeQuantity: 10, lowVolumeQuantity: 1000 },
        });
        expect(out.ok).toBe(true);
        const pane = s.book.read(`'${SUMMARY_SHEET}'!A1:D${cli.length}`).map((line) => line.map(shownText));
        expect(pane[1]).toEqual(["List", `'${SHEET}'!A1:G5`, "", ""]);
        expect(cli[1]).toEqual(["List", `${SHEET} (parts.xlsx)`, "", ""]);
        expect(pane.filter((_, i) => i !== 1)).toEqual(cli.filter((_, i) => i !== 1));
        expect(pane.some((line) => line[0] === `'${SHEET}'!B2` && line[1] === "frzn")).toBe(true);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

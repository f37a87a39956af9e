/*
 * classify on real .xlsx files, through the built binary (the package engine): the
 * five result columns equal the core's answer on the same rows, the original
 * cells, styles and sheets are kept, the summary sheet and the stage colours.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_THRESHOLDS,
  NO_CRITERIA_LABEL,
  RESULT_HEADERS,
  STAGE_COLORS,
  SUMMARY_SHEET,
  SUMMARY_TITLE,
  findHeaderRow,
  mapHeaders,
  resultCells,
  rowReader,
  type Assessment,
  type CellValue,
  type Thresholds,
} from "../../src/core";
import { listing, testFolders, snapshot } from "../fixtures/files";
import { PART_TABLE } from "../fixtures/parts";
import { jsonOutput } from "../fixtures/read-output";
import { runCli } from "../fixtures/run-cli";

const folders = testFolders("cli-xlsx");
const caseDir = (): string => folders.caseDir();

const TITLE = "Bill of parts - pump P-7";
const HEADER_FILL = "FFD9E1F2";

/** A workbook as people keep them: a title row, a styled header, the parts, a second sheet. */
async function partsWorkbook(dir: string, name = "parts.xlsx", options: { sheetName?: string; extraFirstSheet?: boolean } = {}): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  if (options.extraFirstSheet === true) {
    const cover = workbook.addWorksheet("Cover");
    cover.addRow(["Project", "Pump P-7"]);
  }
  const sheet = workbook.addWorksheet(options.sheetName ?? "Parts");
  sheet.addRow([TITLE]);
  for (const row of PART_TABLE) sheet.addRow(row.map((v) => (v === "" ? null : v)));
  sheet.getRow(2).eachCell((cell) => {
    cell.style = { font: { bold: true }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } } };
  });
  sheet.getCell("B3").style = { font: { italic: true, color: { argb: "FFFF0000" } } };
  sheet.getColumn(2).width = 31;
  const notes = workbook.addWorksheet("Suppliers");
  notes.addRow(["Vendor", "Country"]);
  notes.addRow(["Acme Machining", "US"]);
  notes.getCell("A1").style = { font: { bold: true, size: 13 } };
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** The core's answer for every row under the header, by 1-based sheet row. */
function expected(
  rows: readonly (readonly CellValue[])[],
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  headerIndex?: number,
): Map<number, { cells: string[]; assessment: Assessment | undefined }> {
  const found = headerIndex === undefined ? findHeaderRow(rows) : { index: headerIndex, mapping: mapHeaders(rows[headerIndex] ?? []) };
  if (found === undefined) throw new Error("no header row in the fixture");
  const reader = rowReader(found.mapping, thresholds);
  const out = new Map<number, { cells: string[]; assessment: Assessment | undefined }>();
  for (let i = found.index + 1; i < rows.length; i += 1) {
    const row = rows[i] ?? [];
    if (row.every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) {
      out.set(i + 1, { cells: ["", "", "", "", ""], assessment: undefined });
      continue;
    }
    const a = reader.assess(row);
    out.set(i + 1, { cells: resultCells(a).map(String), assessment: a });
  }
  return out;
}

const text = (value: unknown): string => (value === null || value === undefined ? "" : String(value));

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function resultsOf(sheet: ExcelJS.Worksheet, headerRow: number): { column: number; rows: Map<number, string[]> } {
  const header = sheet.getRow(headerRow);
  let column = 0;
  header.eachCell((cell, c) => {
    if (cell.value === RESULT_HEADERS[0]) column = c;
  });
  expect(column, "a Stage header").toBeGreaterThan(0);
  expect(RESULT_HEADERS.map((_, i) => text(header.getCell(column + i).value))).toEqual([...RESULT_HEADERS]);
  const rows = new Map<number, string[]>();
  for (let r = headerRow + 1; r <= sheet.rowCount; r += 1)
    rows.set(
      r,
      RESULT_HEADERS.map((_, i) => text(sheet.getCell(r, column + i).value)),
    );
  return { column, rows };
}

/** --[no-]streaming is accepted and changes nothing: one package engine reads every .xlsx. */
const PATHS = [
  ["package", "--no-streaming"],
  ["package (with --streaming)", "--streaming"],
] as const;
const sheetRows = [[TITLE], ...PART_TABLE] as const;

describe.each(PATHS)("the %s path", (_name, flag) => {
  it("writes the core's five results right of the data and keeps every original cell, style and sheet", async () => {
    const dir = caseDir();
    const file = await partsWorkbook(dir);
    const before = snapshot(file);
    const run = await runCli(["classify", file, flag], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/ path\)|copied row by row/u);
    expect(snapshot(file), "input untouched").toEqual(before);
    const out = path.join(dir, "parts.classified.xlsx");
    expect(listing(dir)).toEqual(["parts.classified.xlsx", "parts.xlsx"]);

    const book = await load(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Parts", "Suppliers", SUMMARY_SHEET]);
    const sheet = book.getWorksheet("Parts");
    if (sheet === undefined) throw new Error("no Parts sheet");
    const { column, rows } = resultsOf(sheet, 2);
    expect(column).toBe(PART_TABLE[0]!.length + 1);
    for (const [r, want] of expected(sheetRows)) expect({ row: r, cells: rows.get(r) }).toEqual({ row: r, cells: want.cells });

    sheetRows.forEach((row, i) =>
      row.forEach((value, c) =>
        expect({ cell: `${i + 1}:${c + 1}`, value: sheet.getCell(i + 1, c + 1).value }).toEqual({
          cell: `${i + 1}:${c + 1}`,
          value: value === "" ? null : value,
        }),
      ),
    );
    expect(sheet.getCell("C2").fill).toMatchObject({ fgColor: { argb: HEADER_FILL } });
    expect(sheet.getCell("B3").font).toMatchObject({ italic: true, color: { argb: "FFFF0000" } });
    expect(sheet.getColumn(2).width).toBe(31);
    expect(book.getWorksheet("Suppliers")?.getCell("A2").value).toBe("Acme Machining");
    expect(book.getWorksheet("Suppliers")?.getCell("A1").font).toMatchObject({ bold: true, size: 13 });
  });

  it("colours each Stage cell by its stage and adds the summary sheet from the core's counts", async () => {
    const dir = caseDir();
    const file = await partsWorkbook(dir);
    const run = await runCli(["classify", file, flag, "-q"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    const book = await load(path.join(dir, "parts.classified.xlsx"));
    const sheet = book.getWorksheet("Parts");
    if (sheet === undefined) throw new Error("no Parts sheet");
    const { column } = resultsOf(sheet, 2);
    const want = expected(sheetRows);
    let coloured = 0;
    for (const [r, { assessment }] of want) {
      const stage = assessment?.stage ?? null;
      const fill = sheet.getCell(r, column).fill as ExcelJS.FillPattern | undefined;
      if (stage === null) expect(fill?.fgColor?.argb, `row ${r} has no stage colour`).toBeUndefined();
      else {
        expect(fill?.fgColor?.argb, `row ${r}`).toBe(`FF${STAGE_COLORS[stage].fill.slice(1).toUpperCase()}`);
        coloured += 1;
      }
    }
    expect(coloured).toBeGreaterThan(3);

    const summary = book.getWorksheet(SUMMARY_SHEET);
    if (summary === undefined) throw new Error("no summary sheet");
    expect(summary.getCell("A1").value).toBe(SUMMARY_TITLE);
    const counts = new Map<string, unknown>();
    summary.eachRow((row) => counts.set(text(row.getCell(1).value), row.getCell(2).value));
    const assessments = [...want.values()].flatMap((w) => (w.assessment === undefined ? [] : [w.assessment]));
    expect(counts.get("Parts classified")).toBe(assessments.length);
    expect(counts.get("Prototyping")).toBe(assessments.filter((a) => a.stage === "prototyping").length);
    expect(counts.get("Low-volume manufacturing")).toBe(assessments.filter((a) => a.stage === "low-volume").length);
    expect(counts.get("Mass production")).toBe(assessments.filter((a) => a.stage === "mass-production").length);
    expect(counts.get(NO_CRITERIA_LABEL)).toBe(assessments.filter((a) => a.stage === null).length);
  });

  it("a second run rewrites the result columns instead of adding five more, and replaces its own summary sheet", async () => {
    const dir = caseDir();
    const file = await partsWorkbook(dir);
    const first = await runCli(["classify", file, flag, "-o", "once.xlsx"], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    const second = await runCli(["classify", "once.xlsx", flag, "-o", "twice.xlsx", "--low-volume-quantity", "100"], { cwd: dir });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("rewritten");
    const book = await load(path.join(dir, "twice.xlsx"));
    expect(book.worksheets.map((s) => s.name)).toEqual(["Parts", "Suppliers", SUMMARY_SHEET]);
    const sheet = book.getWorksheet("Parts");
    if (sheet === undefined) throw new Error("no Parts sheet");
    const { column, rows } = resultsOf(sheet, 2);
    expect(column).toBe(PART_TABLE[0]!.length + 1);
    expect(sheet.getRow(2).cellCount).toBe(PART_TABLE[0]!.length + RESULT_HEADERS.length);
    for (const [r, want] of expected(sheetRows, { prototypeQuantity: 10, lowVolumeQuantity: 100 }))
      expect({ row: r, cells: rows.get(r) }).toEqual({ row: r, cells: want.cells });
  });

  it("--sheet picks the sheet and --header-row the header", async () => {
    const dir = caseDir();
    const file = await partsWorkbook(dir, "parts.xlsx", { sheetName: "BOM", extraFirstSheet: true });
    const run = await runCli(["classify", file, flag, "--sheet", "bom", "--header-row", "2", "--format", "json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const { parts, summary } = jsonOutput<{ row: number; part: string; stage: string | null; score: number | null; progress: number | null; nextStep: string }>(
      run.stdout,
    );
    const want = [...expected(sheetRows, DEFAULT_THRESHOLDS, 1)].filter(([, w]) => w.assessment !== undefined);
    expect(parts.map((p) => [p.row, p.stage, p.score, p.progress, p.nextStep])).toEqual(
      want.map(([r, w]) => [r, w.assessment?.stage ?? null, w.assessment?.score ?? null, w.assessment?.progress ?? null, w.assessment?.nextStep ?? ""]),
    );
    expect(summary).toMatchObject({ sheet: "BOM", headerRow: 2, parts: parts.length });
    expect(parts[0]?.part).toBe(PART_TABLE[1]?.[0]);
    expect(run.stderr).toContain('sheet "BOM"');
  });

  it("--format csv writes the original columns and the five results to stdout", async () => {
    const dir = caseDir();
    const file = await partsWorkbook(dir);
    const run = await runCli(["classify", file, flag, "--format", "csv"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(TITLE);
    expect(lines[1]).toBe([...PART_TABLE[0]!, ...RESULT_HEADERS].join(","));
    expect(lines).toHaveLength(sheetRows.length);
    expect(listing(dir), "nothing written beside the input").toEqual(["parts.xlsx"]);
  });
});

describe("what the package engine keeps", () => {
  it("keeps merged cells, hidden rows and data validation", async () => {
    const dir = caseDir();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Parts");
    sheet.addRow([TITLE]);
    for (const row of PART_TABLE) sheet.addRow(row.map((v) => (v === "" ? null : v)));
    sheet.mergeCells("A1:D1");
    sheet.getRow(5).hidden = true;
    (sheet as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add("N3:N20", {
      type: "list",
      allowBlank: true,
      formulae: ['"pilot,production,validation"'],
    });
    const file = path.join(dir, "parts.xlsx");
    await workbook.xlsx.writeFile(file);
    const run = await runCli(["classify", file], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const out = await load(path.join(dir, "parts.classified.xlsx"));
    const copy = out.getWorksheet("Parts");
    expect(copy?.model.merges).toContain("A1:D1");
    expect(copy?.getRow(5).hidden).toBe(true);
    expect(copy?.getCell("N4").dataValidation).toMatchObject({ type: "list" });
  });

  it("classify writes no output file when it fails, and leaves no temporary file", async () => {
    const dir = caseDir();
    const file = await partsWorkbook(dir);
    for (const flag of ["--streaming", "--no-streaming"]) {
      const run = await runCli(["classify", file, flag, "--sheet", "Suppliers"], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/no criterion|no header row/u);
      expect(listing(dir)).toEqual(["parts.xlsx"]);
    }
    expect(existsSync(path.join(dir, "parts.classified.xlsx"))).toBe(false);
  });
});

/**
 * The whole-workbook path for ordinary files: exceljs loads the workbook, the
 * results are written into the classified sheet, and the workbook is saved as
 * a copy, which keeps what exceljs models (styles, merged cells, data
 * validation, conditional formats, comments, hidden rows...).
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { RESULT_HEADERS, SUMMARY_SHEET, SUMMARY_TITLE, cellText, type CellValue } from "../../core";
import { fileError, outputFailure } from "../errors";
import type { ClassifyJob, ClassifyReport, RowRole, TableOutput } from "../classify/job";
import { placeResults } from "../classify/place";
import { chooseHeader, sheetReading, TableClassifier, type HeaderChoice, type HeaderProblem } from "../classify/table";
import { HEADER_SCAN_ROWS } from "../commands";
import { isBlankCell, plainCell, rawCellValue } from "./cells";
import { RESULT_HEADER_STYLE, RESULT_WIDTHS, STAGE_STYLES, uniqueSheetName, writeSummary } from "./style";

export type WholeOutput = { readonly kind: "xlsx"; readonly file: string; readonly shown: string } | { readonly kind: "table"; readonly table: TableOutput };


/** Every row of a sheet as plain values, index = row number - 1. */
function sheetGrid(sheet: ExcelJS.Worksheet, lastRow = sheet.rowCount): CellValue[][] {
  const grid: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number > lastRow) return;
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      values[column - 1] = plainCell(rawCellValue(cell));
    });
    for (let i = 0; i < values.length; i += 1) values[i] ??= null;
    grid[number - 1] = values;
  });
  for (let i = 0; i < grid.length; i += 1) grid[i] ??= [];
  return grid;
}

function isOwnSummary(sheet: ExcelJS.Worksheet): boolean {
  return sheet.name === SUMMARY_SHEET && cellText(plainCell(sheet.getCell(1, 1).value)).trim() === SUMMARY_TITLE;
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((s) => s.name === name) ?? workbook.worksheets.find((s) => s.name.trim().toLowerCase() === name.trim().toLowerCase());
}

function loadProblem(shown: string, error: unknown): Error {
  const detail = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
  return fileError("corrupt", shown, `is damaged or not a valid .xlsx workbook and cannot be read (${detail.slice(0, 120)})`);
}

interface Choice {
  readonly sheet: ExcelJS.Worksheet;
  readonly grid: CellValue[][];
  readonly header: HeaderChoice;
}

function choose(job: ClassifyJob, workbook: ExcelJS.Workbook): Choice {
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw fileError("no-sheets", job.inputShown, "the workbook has no worksheets");
  const attempt = (sheet: ExcelJS.Worksheet): { grid: CellValue[][]; result: ReturnType<typeof chooseHeader> } => {
    const grid = sheetGrid(sheet);
    return { grid, result: chooseHeader(grid, { headerRow: job.headerRow, scan: HEADER_SCAN_ROWS, where: `sheet "${sheet.name}"`, choices: job.mapping.choices }) };
  };
  if (job.sheet !== undefined) {
    const sheet = findSheet(workbook, job.sheet);
    if (sheet === undefined) throw fileError("sheet-not-found", job.inputShown, `has no sheet "${job.sheet}"; its sheets are ${sheets.map((s) => `"${s.name}"`).join(", ")}`);
    const { grid, result } = attempt(sheet);
    if (!result.ok) throw fileError(result.issue.code, job.inputShown, result.issue.message);
    return { sheet, grid, header: result.value };
  }
  const candidates = sheets.filter((s) => !isOwnSummary(s));
  let first: HeaderProblem | undefined;
  for (const sheet of candidates) {
    const { grid, result } = attempt(sheet);
    if (result.ok) return { sheet, grid, header: result.value };
    if (job.headerRow !== undefined) throw fileError(result.issue.code, job.inputShown, result.issue.message);
    first ??= result.issue;
  }
  if (candidates.length === 1 && first !== undefined) throw fileError(first.code, job.inputShown, first.message);
  throw fileError(
    "no-header-row",
    job.inputShown,
    `no header row found in the first ${HEADER_SCAN_ROWS} rows of any sheet (${candidates.map((s) => `"${s.name}"`).join(", ")}); expected headers such as Design, Material, Qty (see part-readiness criteria)`,
  );
}

const roleOf = (number: number, header: HeaderChoice): RowRole => (number < header.rowNumber ? "above" : number === header.rowNumber ? "header" : "data");

export async function classifyWholeWorkbook(job: ClassifyJob, output: WholeOutput): Promise<ClassifyReport> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(job.input);
  } catch (error) {
    throw loadProblem(job.inputShown, error);
  }
  const { sheet, grid, header } = choose(job, workbook);
  const table = new TableClassifier(sheet.name, header, job.thresholds, job.maxNotes);
  let rows = 0;

  if (output.kind === "table") {
    await output.table.begin(table);
    for (let i = 0; i < grid.length; i += 1) {
      const values = grid[i] ?? [];
      const number = i + 1;
      const role = roleOf(number, header);
      const outcome = role === "data" ? table.result(number, values, output.table.needsJson) : undefined;
      rows += 1;
      job.progress.tick();
      await output.table.row(number, values, role, outcome);
    }
    const tally = table.tally();
    await output.table.finish(tally);
    return { sheetName: sheet.name, header, tally, rows, path: "whole-workbook" };
  }

  const first = header.resultColumn + 1;
  const headerRow = sheet.getRow(header.rowNumber);
  const lastHeader = header.resultColumn > 0 ? headerRow.getCell(header.resultColumn) : undefined;
  const headerStyle = lastHeader !== undefined && Object.keys(lastHeader.style ?? {}).length > 0 ? lastHeader.style : RESULT_HEADER_STYLE;
  RESULT_HEADERS.forEach((name, i) => {
    const cell = headerRow.getCell(first + i);
    cell.value = name;
    cell.style = { ...headerStyle };
  });
  if (!header.rewrite) {
    RESULT_WIDTHS.forEach((width, i) => {
      const column = sheet.getColumn(first + i);
      if (column.width === undefined) column.width = width;
    });
  }

  for (let i = header.rowNumber; i < grid.length; i += 1) {
    const values = grid[i] ?? [];
    const number = i + 1;
    const outcome = table.result(number, values, false);
    rows += 1;
    job.progress.tick();
    if (outcome.kind === "blank") {
      if (header.rewrite) for (let c = 0; c < RESULT_HEADERS.length; c += 1) sheet.getCell(number, first + c).value = null;
      continue;
    }
    const placed = placeResults<CellValue>(values, ["x", "x", "x", "x", "x"], { resultColumn: header.resultColumn, rewrite: header.rewrite, blank: null, hasValue: (v) => !isBlankCell(v) });
    if (placed.displaced) {
      table.displaced(number);
      sheet.getRow(number).splice(first, 0, null, null, null, null, null);
    }
    const row = sheet.getRow(number);
    const [stage, score, next, blockers, missing] = outcome.cells;
    const values5: (string | number | null)[] = [stage, score, next, blockers, missing].map((v) => (v === "" ? null : v));
    values5.forEach((value, c) => {
      const cell = row.getCell(first + c);
      cell.value = value;
      if (c === 0) cell.style = outcome.stage === null ? {} : { ...STAGE_STYLES[outcome.stage] };
    });
  }

  for (const old of workbook.worksheets.filter((s) => s !== sheet && isOwnSummary(s))) workbook.removeWorksheet(old.id);
  const summary = workbook.addWorksheet(uniqueSheetName(SUMMARY_SHEET, workbook.worksheets.map((s) => s.name)));
  const tally = table.tally();
  writeSummary(summary, tally.summary, `${sheet.name} (${path.basename(job.input)})`, false, sheetReading(header, tally, sheet.name));

  try {
    await workbook.xlsx.writeFile(output.file);
  } catch (error) {
    throw outputFailure(error, output.shown);
  }
  return { sheetName: sheet.name, header, tally, rows, path: "whole-workbook" };
}

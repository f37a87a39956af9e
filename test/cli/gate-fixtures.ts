/* Sheets for the gate-review tests (issue 13): the template's headers and one example row per stage, written as real .xlsx files with exceljs. */
import ExcelJS from "exceljs";
import { TEMPLATE_COLUMNS, TEMPLATE_EXAMPLES, type Stage } from "../../src/core";

export type Cell = string | number | null;

/** The template's headers and one example row per stage: the core gives each its stage. */
export const HEADERS: readonly string[] = TEMPLATE_COLUMNS.map((c) => c.header);
export function partRow(stage: Stage, label: string, changes: Readonly<Record<string, Cell>> = {}): Cell[] {
  const example = TEMPLATE_EXAMPLES.find((e) => e.stage === stage);
  if (example === undefined) throw new Error(`no template example for ${stage}`);
  const row: Cell[] = example.cells.map((v) => (v === "" ? null : v));
  row[0] = label;
  for (const [header, value] of Object.entries(changes)) {
    const at = HEADERS.indexOf(header);
    if (at < 0) throw new Error(`no template header ${header}`);
    row[at] = value;
  }
  return row;
}

export async function writeBook(file: string, header: readonly string[], rows: readonly (readonly Cell[])[], sheetName = "Parts"): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow([...row]);
  await workbook.xlsx.writeFile(file);
  return file;
}

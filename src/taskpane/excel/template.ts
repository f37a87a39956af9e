import { TEMPLATE_COLUMNS, TEMPLATE_EXAMPLES, fail, ok, validationList, type Result } from "../../core";
import { rectAddress } from "../a1";
import { describeExcelError, type Run } from "./run";

export const TEMPLATE_SHEET = "Bill of parts";
export const TEMPLATE_TABLE = "BillOfParts";
/** Rows below the header that get the dropdowns, so rows typed under the examples have them too. */
export const TEMPLATE_ROWS = 500;
/** Points per character of column width. */
const POINTS_PER_CHAR = 7;

const freeName = (taken: ReadonlySet<string>, base: string, format: (n: number) => string): string => {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = format(n);
  return name;
};

/** Adds a bill-of-parts sheet with the documented headers, dropdowns and example rows; returns its name. */
export async function insertTemplate(run: Run): Promise<Result<string, string>> {
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const tables = context.workbook.tables.load("items/name");
      await context.sync();
      const sheetName = freeName(new Set(sheets.items.map((s) => s.name.toLowerCase())), TEMPLATE_SHEET, (n) => `${TEMPLATE_SHEET} (${n})`);
      const tableName = freeName(new Set(tables.items.map((t) => t.name.toLowerCase())), TEMPLATE_TABLE, (n) => `${TEMPLATE_TABLE}${n}`);

      const sheet = context.workbook.worksheets.add(sheetName);
      const rows = [TEMPLATE_COLUMNS.map((c) => c.header), ...TEMPLATE_EXAMPLES.map((e) => [...e.cells])];
      const area = { row: 0, column: 0, rows: rows.length, columns: TEMPLATE_COLUMNS.length };
      sheet.getRangeByIndexes(0, 0, area.rows, area.columns).values = rows;
      const table = sheet.tables.add(rectAddress(area), true);
      table.name = tableName;
      TEMPLATE_COLUMNS.forEach((column, c) => {
        sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = column.width * POINTS_PER_CHAR;
        const list = column.criterion ? validationList(column.criterion) : [];
        if (list.length === 0) return;
        const cells = sheet.getRangeByIndexes(1, c, TEMPLATE_ROWS, 1);
        cells.dataValidation.rule = { list: { inCellDropDown: true, source: list.join(",") } };
        cells.dataValidation.errorAlert = {
          showAlert: true,
          style: "Information",
          title: "Part Readiness",
          message: "Not one of the listed values. Other status words are read too (yes, no, 50%...); unknown words count as unknown.",
        };
      });
      sheet.freezePanes.freezeRows(1);
      sheet.activate();
      sheet.getRange("C2").select();
      await context.sync();
      return ok(sheetName);
    });
  } catch (error) {
    return fail(describeExcelError(error, "inserting the template"));
  }
}

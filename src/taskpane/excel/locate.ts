import { fail, ok, type Result } from "../../core";
import { HEADER_SCAN_ROWS, planList, type ListBlock, type ListIssue, type ListPlan } from "../layout";
import { matrixJsonSize } from "../payload";
import { SUMMARY_SHEET, SUMMARY_TITLE } from "../summary-sheet";
import type { Run } from "./run";

const SHEET_COLUMNS = 16_384;
const RESULT_COLUMNS = 5;

/** A list ready to classify, and what the pane learned about the workbook on the way. */
export interface LocatedList {
  readonly plan: ListPlan;
  /** JSON bytes per row in the rows read so far, to size the first read of the run. */
  readonly rowBytes: number;
  /** The summary sheet to write: its name, and whether a sheet of that name (made by an earlier run) must go first. */
  readonly summary: { readonly name: string; readonly replace: boolean };
}

export type LocateIssue = ListIssue | { readonly code: "protected"; readonly message: string };

/** Finds the Excel table around the active cell, or its current region, and lays the list out. Two requests. */
export async function locateList(run: Run): Promise<Result<LocatedList, LocateIssue>> {
  return run(async (context) => {
    const cell = context.workbook.getActiveCell().load("rowIndex,columnIndex");
    const sheet = cell.worksheet.load("name");
    const protection = sheet.protection.load("protected");
    const tables = cell.getTables(false).load("items/name,items/showHeaders");
    const region = cell.getSurroundingRegion().load("rowIndex,columnIndex,rowCount,columnCount");
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();

    if (protection.protected) {
      return fail({ code: "protected", message: `Sheet "${sheet.name}" is protected, so the results cannot be written. Unprotect it (Review > Unprotect Sheet), then classify again.` });
    }
    const table = tables.items[0];
    let geometry: Excel.Range;
    let top: Excel.Range;
    let tableHeader = false;
    if (table && table.showHeaders) {
      const t = context.workbook.tables.getItem(table.name);
      geometry = t.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
      const header = t.getHeaderRowRange();
      top = header.getBoundingRect(header.getColumnsAfter(RESULT_COLUMNS)).load("values");
      tableHeader = true;
    } else {
      geometry = table ? context.workbook.tables.getItem(table.name).getRange().load("rowIndex,columnIndex,rowCount,columnCount") : region;
      if (table) await context.sync();
      const columns = Math.min(geometry.columnCount + RESULT_COLUMNS, SHEET_COLUMNS - geometry.columnIndex);
      top = sheet.getRangeByIndexes(geometry.rowIndex, geometry.columnIndex, Math.min(geometry.rowCount, HEADER_SCAN_ROWS), columns).load("values");
    }
    const existing = sheets.items.some((s) => s.name.toLowerCase() === SUMMARY_SHEET.toLowerCase());
    const summaryTitle = existing ? context.workbook.worksheets.getItem(SUMMARY_SHEET).getRange("A1").load("values") : undefined;
    await context.sync();

    const block: ListBlock = {
      sheet: sheet.name,
      rect: { row: geometry.rowIndex, column: geometry.columnIndex, rows: geometry.rowCount, columns: geometry.columnCount },
      table: table?.name,
      tableHeader,
    };
    const plan = planList(block, top.values);
    if (!plan.ok) return plan;
    const ours = summaryTitle?.values[0]?.[0] === SUMMARY_TITLE;
    const names = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    let name = SUMMARY_SHEET;
    for (let n = 2; !ours && names.has(name.toLowerCase()); n += 1) name = `${SUMMARY_SHEET} (${n})`;
    const sample = top.values.slice(0, Math.max(1, top.values.length));
    return ok({ plan: plan.value, rowBytes: matrixJsonSize(sample) / sample.length, summary: { name, replace: existing && ours } });
  });
}

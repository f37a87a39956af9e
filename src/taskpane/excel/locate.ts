import { EXTRA_RESULT_HEADERS, NO_CHOICES, RESULT_HEADERS, fail, ok, type ColumnChoices, type Result } from "../../core";
import { HEADER_SCAN_ROWS, planList, type ListBlock, type ListIssue, type ListPlan } from "../layout";
import { matrixJsonSize } from "../payload";
import type { Run } from "./run";

const SHEET_COLUMNS = 16_384;
/** The five result columns and the gate-review columns (Assembly stage, Limited by, Waived, Change): read right of the list to find an earlier run's headers. */
export const RESULT_COLUMNS = RESULT_HEADERS.length + EXTRA_RESULT_HEADERS.length;

/** A list ready to classify, and what the pane learned about the workbook on the way. */
export interface LocatedList {
  readonly plan: ListPlan;
  /** JSON bytes per row in the rows read so far, to size the first read of the run. */
  readonly rowBytes: number;
  /** The workbook's sheet names, to place the summary sheet without replacing a sheet the pane did not make. */
  readonly sheetNames: readonly string[];
}

export type LocateIssue = ListIssue | { readonly code: "protected"; readonly message: string };

/**
 * The first rows of a list (a current region or a table's range) and the
 * columns to its right, asked for in the same request as the list itself: no
 * geometry is needed to build these ranges. Fails at the sheet's last rows or columns.
 */
export function listTop(list: Excel.Range, extraColumns: number): Excel.Range {
  const wide = extraColumns > 0 ? list.getBoundingRect(list.getColumnsAfter(extraColumns)) : list;
  return wide.getIntersection(
    list
      .getRow(0)
      .getEntireRow()
      .getResizedRange(HEADER_SCAN_ROWS - 1, 0),
  );
}

/**
 * An Excel table as a list: its header row and data rows, never its totals
 * row (Table.getRange includes the totals row; getDataBodyRange does not). A
 * table without a header row is its data rows. ExcelApi 1.1.
 */
export function tableList(table: Excel.Table, showHeaders: boolean): Excel.Range {
  const body = table.getDataBodyRange();
  return showHeaders ? table.getHeaderRowRange().getBoundingRect(body) : body;
}

/**
 * Queues `ask(true)` (with the quick ranges of listTop) and syncs; at the
 * sheet's last rows or columns those ranges do not exist, so it asks again
 * with `ask(false)`. Returns what was asked for in the request that succeeded.
 */
export async function askWithQuickRanges<T>(context: Excel.RequestContext, ask: (quick: boolean) => T): Promise<T> {
  const quick = ask(true);
  try {
    await context.sync();
    return quick;
  } catch {
    const plain = ask(false);
    await context.sync();
    return plain;
  }
}

/**
 * Finds the Excel table around the active cell, or its current region, and
 * lays the list out, reading its columns with the user's choices: one request
 * for a region, two for a table.
 */
export async function locateList(run: Run, choices: ColumnChoices = NO_CHOICES): Promise<Result<LocatedList, LocateIssue>> {
  return run(async (context) => {
    const ask = (quick: boolean) => {
      const cell = context.workbook.getActiveCell().load("rowIndex,columnIndex");
      const region = cell.getSurroundingRegion().load("rowIndex,columnIndex,rowCount,columnCount");
      const sheet = cell.worksheet.load("name");
      return {
        sheet,
        region,
        protection: sheet.protection.load("protected"),
        tables: cell.getTables(false).load("items/name,items/showHeaders"),
        sheets: context.workbook.worksheets.load("items/name"),
        top: quick ? listTop(region, RESULT_COLUMNS).load("values") : undefined,
      };
    };
    const asked = await askWithQuickRanges(context, ask);
    const { sheet, region, protection, tables, sheets } = asked;
    let top = asked.top;

    if (protection.protected) {
      return fail({
        code: "protected",
        message: `Sheet "${sheet.name}" is protected, so the results cannot be written. Unprotect it (Review > Unprotect Sheet), then classify again.`,
      });
    }
    const table = tables.items[0];
    let geometry: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } = region;
    const tableHeader = table?.showHeaders ?? false;
    if (table) {
      // The table's header and data rows, which may differ from the region around the cell (a totals row is not part of the list).
      const tableRange = (): Excel.Range =>
        tableList(context.workbook.tables.getItem(table.name), tableHeader).load("rowIndex,columnIndex,rowCount,columnCount");
      let range = tableRange();
      top = listTop(range, RESULT_COLUMNS).load("values");
      try {
        await context.sync();
      } catch {
        top = undefined;
        range = tableRange();
        await context.sync();
      }
      geometry = range;
    }
    if (!top) {
      const columns = Math.min(geometry.columnCount + RESULT_COLUMNS, SHEET_COLUMNS - geometry.columnIndex);
      top = sheet.getRangeByIndexes(geometry.rowIndex, geometry.columnIndex, Math.min(geometry.rowCount, HEADER_SCAN_ROWS), columns).load("values");
      await context.sync();
    }

    const block: ListBlock = {
      sheet: sheet.name,
      rect: { row: geometry.rowIndex, column: geometry.columnIndex, rows: geometry.rowCount, columns: geometry.columnCount },
      table: table?.name,
      tableHeader,
    };
    const plan = planList(block, top.values, choices);
    if (!plan.ok) return plan;
    const sample = top.values.length > 1 ? top.values.slice(1) : top.values;
    return ok({ plan: plan.value, rowBytes: matrixJsonSize(sample) / Math.max(1, sample.length), sheetNames: sheets.items.map((s) => s.name) });
  });
}

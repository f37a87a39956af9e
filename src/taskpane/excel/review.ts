import { NO_CHOICES, cellText, fail, ok, type ColumnChoices, type CriterionId, type Result, type Thresholds } from "../../core";
import { sheetCell } from "../a1";
import { typedCellValue } from "../cell-text";
import { HEADER_SCAN_ROWS } from "../layout";
import { ASSEMBLY_REVIEW_ROWS, reviewAssembly, reviewPart, type ReviewIssue, type ReviewModel } from "../review-model";
import { askWithQuickRanges, listTop, tableList } from "./locate";
import { describeExcelError, type Run } from "./run";

export interface ReviewRead {
  readonly review: Result<ReviewModel, ReviewIssue>;
  readonly sheetId: string;
  /** Cells whose change means the review must be read again: the header row and the part's row, across the part's own columns. */
  readonly watch: { readonly rows: readonly number[]; readonly columns: { readonly first: number; readonly last: number } };
}

/**
 * Reads the part under the active cell: the list around it, its first rows
 * (the header row and the rows that decide between two columns of one
 * criterion) and the part's row, read with the user's column choices. One
 * request, two in a table.
 */
export async function readReview(run: Run, thresholds: Thresholds, choices: ColumnChoices = NO_CHOICES): Promise<ReviewRead> {
  return run(async (context) => {
    const ask = (quick: boolean) => {
      const cell = context.workbook.getActiveCell().load("rowIndex,columnIndex");
      const region = cell.getSurroundingRegion().load("rowIndex,columnIndex,rowCount,columnCount");
      return {
        cell,
        region,
        sheet: cell.worksheet.load("name,id"),
        tables: cell.getTables(false).load("items/name,items/showHeaders"),
        top: quick ? listTop(region, 0).load("values") : undefined,
        row: quick ? cell.getEntireRow().getIntersection(region).load("values") : undefined,
      };
    };
    const asked = await askWithQuickRanges(context, ask);
    const { cell, region, sheet, tables } = asked;
    let { top, row } = asked;

    const table = tables.items[0];
    const tableHeader = table !== undefined && table.showHeaders;
    let geometry: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } = region;
    if (table && tableHeader) {
      const t = context.workbook.tables.getItem(table.name);
      const read = (quick: boolean) => {
        // The header and data rows: a totals row is not part of the list.
        const range = tableList(t, true).load("rowIndex,columnIndex,rowCount,columnCount");
        // The table's first rows; at the sheet's last rows that range does not exist, and the header row alone is read.
        return {
          range,
          top: (quick ? listTop(range, 0) : t.getHeaderRowRange()).load("values"),
          row: cell.getEntireRow().getIntersectionOrNullObject(range).load("values"),
        };
      };
      const got = await askWithQuickRanges(context, read);
      geometry = got.range;
      if (got.row.isNullObject) {
        const message = `${sheetCell(sheet.name, cell.rowIndex, cell.columnIndex)} is in the totals row of the table ${table.name}. Select a cell in a part's row.`;
        const columns = { first: geometry.columnIndex, last: geometry.columnIndex + geometry.columnCount - 1 };
        return { review: fail({ code: "totals-row", message }), sheetId: sheet.id, watch: { rows: [geometry.rowIndex, cell.rowIndex], columns } };
      }
      top = got.top;
      row = got.row;
    } else if (!top || !row) {
      top = sheet.getRangeByIndexes(region.rowIndex, region.columnIndex, Math.min(region.rowCount, HEADER_SCAN_ROWS), region.columnCount).load("values");
      row = sheet.getRangeByIndexes(cell.rowIndex, region.columnIndex, 1, region.columnCount).load("values");
      await context.sync();
    }
    const part = reviewPart(
      {
        sheet: sheet.name,
        cell: { row: cell.rowIndex, column: cell.columnIndex },
        block: { row: geometry.rowIndex, column: geometry.columnIndex, rows: geometry.rowCount, columns: geometry.columnCount },
        top: top.values,
        tableHeader,
        row: row.values[0] ?? [],
      },
      thresholds,
      choices,
    );
    // A part in a bill with a Level or Parent column: its assembly stage needs every row of the list.
    let review = part;
    if (part.ok && part.value.hierarchy) {
      const { first, count } = part.value.dataRows;
      if (count > ASSEMBLY_REVIEW_ROWS) {
        review = ok({
          ...part.value,
          assembly: {
            kind: "not-read",
            why: `The list has more than ${ASSEMBLY_REVIEW_ROWS.toLocaleString("en-US")} rows, too many to read on every selection: Classify list gives each assembly's stage.`,
          },
        });
      } else {
        const all = sheet.getRangeByIndexes(first, geometry.columnIndex, count, geometry.columnCount).load("values");
        await context.sync();
        review = ok({ ...part.value, assembly: reviewAssembly(part.value, all.values, thresholds, geometry.columnIndex) });
      }
    }
    const own = review.ok ? [...Object.values(review.value.columns), review.value.labelColumn ?? review.value.columns.design ?? 0] : [];
    const whole = { first: geometry.columnIndex, last: geometry.columnIndex + geometry.columnCount - 1 };
    // Waiver and evidence columns are the part's too; an assembly depends on every row of the list.
    const columns = review.ok && own.length > 0 && review.value.mapping.roles.length === 0 ? { first: Math.min(...own), last: Math.max(...own) } : whole;
    const everyRow = review.ok && review.value.assembly !== undefined && review.value.assembly.kind !== "not-read";
    const rows = !review.ok
      ? [geometry.rowIndex, cell.rowIndex]
      : everyRow
        ? Array.from({ length: review.value.dataRows.count + 1 }, (_, i) => review.value.headerRow + i)
        : [review.value.headerRow, cell.rowIndex];
    return { review, sheetId: sheet.id, watch: { rows, columns } };
  });
}

/**
 * What to write for the user's text: a plain number as a number, as Excel
 * stores it when typed; any other text so that Excel keeps it exactly (the
 * quote prefix where Excel would read "5-10" as a date, "50%" as 0.5, "00123"
 * as 123 or a leading apostrophe as the prefix).
 */
export function cellValueFor(text: string): string | number {
  return typedCellValue(text);
}

/** Writes a new value for one criterion of the reviewed part. */
export async function writeCriterion(run: Run, review: ReviewModel, criterion: CriterionId, value: string): Promise<Result<string, string>> {
  const column = review.columns[criterion];
  if (column === undefined) return fail(`This list has no column for ${criterion}.`);
  const address = sheetCell(review.sheet, review.row, column);
  try {
    return await run(async (context) => {
      const cell = context.workbook.worksheets.getItem(review.sheet).getRangeByIndexes(review.row, column, 1, 1);
      // A cell a spilling formula fills from elsewhere has a value and no formula of its own; writing into it would turn that formula into #SPILL!.
      cell.load("formulas,values");
      await context.sync();
      if (cellText(cell.formulas[0]?.[0]) === "" && cellText(cell.values[0]?.[0]) !== "") {
        return fail(`${address} is filled by a formula in another cell that spills into it: change the value at its source.`);
      }
      cell.values = [[cellValueFor(value)]];
      await context.sync();
      return ok(address);
    });
  } catch (error) {
    return fail(describeExcelError(error, `writing ${address}`));
  }
}

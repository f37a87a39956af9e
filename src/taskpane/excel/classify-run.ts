import {
  RESULT_HEADERS, STAGES, STAGE_COLORS, STAGE_PROFILES, fail, ok, cellText,
  type HeaderMapping, type Result, type Summary, type Thresholds,
} from "../../core";
import { sheetRect } from "../a1";
import { PAYLOAD_TARGET, ReadPlanner } from "../chunks";
import { ListClassifier, type ProblemGroup } from "../classify";
import { resultRect } from "../layout";
import { matrixJsonSize } from "../payload";
import { SUMMARY_SHEET, summaryLayout, summaryTarget } from "../summary-sheet";
import { findForeignCells, foreignMessage, oversizeMessage, planWrites, type ForeignCells, type WriteRow } from "../write-plan";
import type { LocatedList } from "./locate";
import { describeExcelError, errorCode, type Run } from "./run";

export interface Progress {
  readonly phase: "reading" | "writing";
  /** Rows done in this phase, and the rows in it. */
  readonly done: number;
  readonly total: number;
}

/** Set `cancelled` to stop between two requests. */
export interface CancelToken {
  cancelled: boolean;
}

export interface RunReport {
  readonly rows: number;
  readonly summary: Summary;
  readonly problems: readonly ProblemGroup[];
  readonly problemCount: number;
  /** Where the results went, e.g. "Parts!Q1:U10001". */
  readonly resultArea: string;
  readonly summarySheet: string;
}

export const RUN_ISSUES = ["changed", "foreign", "cancelled", "too-large", "excel"] as const;
export type RunIssueCode = (typeof RUN_ISSUES)[number];

export interface RunIssue {
  readonly code: RunIssueCode;
  readonly message: string;
}

export interface RunOptions {
  readonly list: LocatedList;
  readonly mapping: HeaderMapping;
  readonly thresholds: Thresholds;
  readonly onProgress?: (progress: Progress) => void;
  readonly cancel?: CancelToken;
  /** Largest request or response to aim for; Excel on the web refuses more than 5 MB. */
  readonly budget?: number;
}

const SUMMARY_COLUMN_WIDTHS = [220, 160];

/**
 * Classifies the list: reads it in chunks (checking that nothing foreign sits
 * where the results go), then writes the result columns in chunks under the
 * payload target, the stage colours and the summary sheet with the last one.
 */
export async function classifyList(run: Run, options: RunOptions): Promise<Result<RunReport, RunIssue>> {
  const { list, mapping, thresholds } = options;
  const { plan } = list;
  const { block } = plan;
  const sheetName = block.sheet;
  const resultColumn = plan.results.column;
  const width = block.rect.columns;
  const total = plan.dataRows + 1;
  const resultOffset = resultColumn - block.rect.column;
  const ownColumns = Array.from({ length: width }, (_, c) => c).filter((c) => !(plan.results.inside && c >= resultOffset && c < resultOffset + RESULT_HEADERS.length));
  const classifier = new ListClassifier(mapping, thresholds, ownColumns, { sheet: sheetName, firstRow: plan.firstDataRow, firstColumn: block.rect.column });
  const outputs: WriteRow[] = [[...RESULT_HEADERS]];
  const area = resultRect(plan);
  const cancelled = (): boolean => options.cancel?.cancelled === true;

  try {
    return await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const budget = options.budget ?? PAYLOAD_TARGET;
      const planner = new ReadPlanner(total, list.rowBytes, budget);
      let foreign: ForeignCells = { addresses: [], count: 0 };
      const hasSummary = list.sheetNames.some((n) => n.toLowerCase() === SUMMARY_SHEET.toLowerCase());
      let summaryTitle: Excel.Range | undefined;
      let extent: Excel.Range | undefined;
      for (let chunk = planner.next(); chunk; chunk = planner.next()) {
        if (chunk.start === 0) {
          const list = block.table ? context.workbook.tables.getItem(block.table).getRange() : sheet.getCell(block.rect.row, block.rect.column).getSurroundingRegion();
          extent = list.load("rowIndex,columnIndex,rowCount,columnCount");
        }
        const row = plan.headerRow + chunk.start;
        const data = sheet.getRangeByIndexes(row, block.rect.column, chunk.rows, width).load("values");
        const target = plan.results.existing ? undefined : sheet.getRangeByIndexes(row, resultColumn, chunk.rows, RESULT_HEADERS.length).load("formulas");
        if (hasSummary && !summaryTitle) summaryTitle = context.workbook.worksheets.getItem(SUMMARY_SHEET).getRange("A1").load("values");
        try {
          await context.sync();
        } catch (error) {
          if (errorCode(error) === "ResponsePayloadSizeLimitExceeded" && planner.shrink()) {
            summaryTitle = undefined;
            extent = undefined;
            continue;
          }
          throw error;
        }
        let rows = data.values;
        if (chunk.start === 0) {
          const now = extent && { row: extent.rowIndex, column: extent.columnIndex, rows: extent.rowCount, columns: extent.columnCount };
          const moved = now && (now.row !== block.rect.row || now.column !== block.rect.column || now.rows !== block.rect.rows || now.columns !== block.rect.columns);
          const renamed = plan.headers.some((h, c) => h !== "" && cellText(rows[0]?.[c]).trim() !== h);
          if (moved || renamed) {
            const what = moved && now ? `is now ${sheetRect(sheetName, now)}` : "has a different header row";
            return fail({ code: "changed", message: `The list ${sheetRect(sheetName, block.rect)} ${what} since Classify list read it. Nothing was written; press Classify list again.` });
          }
          rows = rows.slice(1);
        }
        if (target) foreign = findForeignCells(target.formulas, { sheet: sheetName, row, column: resultColumn }, foreign);
        outputs.push(...classifier.add(rows));
        planner.accept(matrixJsonSize(data.values) + (target ? matrixJsonSize(target.formulas) : 0));
        options.onProgress?.({ phase: "reading", done: planner.rowsDone, total });
        if (cancelled()) return fail({ code: "cancelled", message: "Cancelled. Nothing was written." });
      }
      if (foreign.count > 0) return fail({ code: "foreign", message: foreignMessage(foreign, { sheet: sheetName, row: area.row, column: area.column, rows: area.rows }) });

      const batches = planWrites(outputs, plan.headerRow, budget);
      if (!batches.ok) return fail({ code: "too-large", message: oversizeMessage(batches.issue, plan.headerRow, sheetName, resultColumn) });
      const { summary, problems, problemCount } = classifier.result();
      const summarySheet = summaryTarget(list.sheetNames, summaryTitle?.values[0]?.[0]);
      const source = sheetRect(sheetName, block.rect);
      let written = 0;
      for (const [i, batch] of batches.value.entries()) {
        context.workbook.application.suspendApiCalculationUntilNextSync();
        sheet.getRangeByIndexes(batch.row, resultColumn, batch.values.length, RESULT_HEADERS.length).values = batch.values as (string | number)[][];
        const last = i === batches.value.length - 1;
        if (last) {
          context.workbook.application.suspendScreenUpdatingUntilNextSync();
          formatResults(sheet, plan.headerRow, resultColumn, plan.dataRows);
          writeSummarySheet(context, summarySheet, summary, source);
        }
        await context.sync();
        written += batch.values.length;
        options.onProgress?.({ phase: "writing", done: written, total });
        if (!last && cancelled()) {
          const done = sheetRect(sheetName, { row: area.row, column: area.column, rows: written, columns: RESULT_HEADERS.length });
          return fail({ code: "cancelled", message: `Cancelled after writing ${done}. The rest of the result columns are unchanged; classify again to finish.` });
        }
      }
      return ok({ rows: plan.dataRows, summary, problems, problemCount, resultArea: sheetRect(sheetName, area), summarySheet: summarySheet.name });
    });
  } catch (error) {
    return fail({ code: "excel", message: describeExcelError(error, "classifying the list") });
  }
}

function formatResults(sheet: Excel.Worksheet, headerRow: number, column: number, dataRows: number): void {
  sheet.getRangeByIndexes(headerRow, column, 1, RESULT_HEADERS.length).format.font.bold = true;
  const stages = sheet.getRangeByIndexes(headerRow + 1, column, dataRows, 1);
  stages.conditionalFormats.clearAll();
  for (const stage of STAGES) {
    const rule = stages.conditionalFormats.add("ContainsText");
    rule.textComparison.format.fill.color = STAGE_COLORS[stage].fill;
    rule.textComparison.format.font.color = STAGE_COLORS[stage].font;
    rule.textComparison.rule = { operator: "Contains", text: STAGE_PROFILES[stage].name };
  }
}

function writeSummarySheet(context: Excel.RequestContext, target: { readonly name: string; readonly replace: boolean }, summary: Summary, source: string): void {
  const sheets = context.workbook.worksheets;
  if (target.replace) sheets.getItem(target.name).delete();
  const sheet = sheets.add(target.name);
  const layout = summaryLayout(summary, source);
  sheet.getRangeByIndexes(0, 0, layout.values.length, 2).values = layout.values as (string | number)[][];
  sheet.getRange("A1").format.font.bold = true;
  for (const row of layout.headingRows) sheet.getRangeByIndexes(row, 0, 1, 2).format.font.bold = true;
  SUMMARY_COLUMN_WIDTHS.forEach((w, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w));
  const chartSource = sheet.getRangeByIndexes(layout.chartRows.first, 0, layout.chartRows.count, 2);
  const chart = sheet.charts.add("ColumnClustered", chartSource, "Columns");
  chart.title.text = "Parts per stage";
  chart.legend.visible = false;
  chart.setPosition("D2", "K18");
}

import {
  RESULT_HEADERS,
  STAGES,
  STAGE_COLORS,
  STAGE_PROFILES,
  cellText,
  columnReport,
  fail,
  ok,
  partLabel,
  type CellNote,
  type ColumnLine,
  type HeaderMapping,
  type Result,
  type RunComparison,
  type Summary,
  type Thresholds,
} from "../../core";
import { sheetRect } from "../a1";
import { PAYLOAD_TARGET, REQUEST_OVERHEAD, ReadPlanner, planChunks } from "../chunks";
import { BLANK_RESULT, ListClassifier, type ProblemGroup } from "../classify";
import { CHANGE_HEADER, compareList, type ComparedRow } from "../compare-model";
import { listGate } from "../gate-model";
import { LAST_RUN_SETTING, listKey, previousRun, storedRuns, withRun } from "../last-run";
import type { ReportSource } from "../report-model";
import {
  HISTORY_CHART,
  HISTORY_CHART_TITLE,
  HISTORY_COUNT_COLUMNS,
  HISTORY_DATE_FORMAT,
  HISTORY_HEADERS,
  HISTORY_SHEET,
  HISTORY_WIDTH,
  historyPlace,
  historyRow,
  type HistoryPlace,
} from "../history-model";
import { gateRect, possibleGateHeaders, writtenRect } from "../layout";
import { matrixJsonSize, rowJsonSize } from "../payload";
import { SUMMARY_SHEET, SUMMARY_WIDTH, sheetText, summaryLayout, summaryTarget, type SummaryLayout } from "../summary-sheet";
import {
  NO_FOREIGN,
  foreignMessage,
  foreignWithin,
  oversizeMessage,
  planWrites,
  scanForeignCells,
  type ForeignScan,
  type WriteBatch,
  type WriteRow,
} from "../write-plan";
import { tableList, type LocatedList } from "./locate";
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
  /** The first CELL_NOTE_LIMIT cells not understood, in list order, as the summary sheet lists them. */
  readonly cells: readonly CellNote[];
  readonly problemCount: number;
  /** How the list's columns were read, with sheet column letters. */
  readonly columns: readonly ColumnLine[];
  /** Where the results went, e.g. "Parts!Q1:U10001": the five and the gate-review columns before Change. */
  readonly resultArea: string;
  /** The gate-review columns written after the five, in order: those of Assembly stage, Limited by, Waived and Change the list needed. */
  readonly gateColumns: readonly string[];
  readonly summarySheet: string;
  /** What changed since the earlier run whose Stage column this run overwrote; undefined on a list's first run. */
  readonly comparison: RunComparison | undefined;
  /** Where the Change column went, e.g. "Parts!V1:V10001", when there was an earlier run. */
  readonly changeArea: string | undefined;
  /** This run's parts were recorded for the next run to compare with (false: the list is too large to keep in the workbook's settings). */
  readonly remembered: boolean;
  /** What Export report is built from. */
  readonly report: ReportSource;
  /** The run's row on the history sheet, or why it was not added. */
  readonly history: { readonly ok: true; readonly sheet: string; readonly row: number } | { readonly ok: false; readonly message: string };
}

export const RUN_ISSUES = ["changed", "foreign", "cancelled", "too-large", "no-room", "excel"] as const;
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
  /** The time the history sheet records for the run (the clock, unless a test sets it). */
  readonly now?: () => Date;
}

/** Excel's last column is XFD, index 16,383. */
const SHEET_COLUMNS = 16_384;

/** Points: label, header or value, read as or problem, how. */
const SUMMARY_COLUMN_WIDTHS = [200, 170, 240, 360];

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
  // The columns an earlier run wrote (the five and its gate-review columns): inside the list they are not the part's own cells.
  const earlierWidth = plan.results.existing ? RESULT_HEADERS.length + plan.results.earlier.length : 0;
  const ownColumns = Array.from({ length: width }, (_, c) => c).filter((c) => !(plan.results.inside && c >= resultOffset && c < resultOffset + earlierWidth));
  // The most this run may write: the five, then Assembly stage and Limited by (a Level or Parent column), Waived (a justification column), Change (a re-run).
  const mostWidth = RESULT_HEADERS.length + possibleGateHeaders(mapping, plan.results.existing).length;
  const classifier = new ListClassifier(mapping, thresholds, ownColumns, { sheet: sheetName, firstRow: plan.firstDataRow, firstColumn: block.rect.column });
  if (resultColumn + Math.max(mostWidth, earlierWidth) > SHEET_COLUMNS) {
    return fail({
      code: "no-room",
      message: `There is no room for the result columns to the right of ${sheetRect(sheetName, block.rect)}. Nothing was written.`,
    });
  }
  const outputs: WriteRow[] = [[...RESULT_HEADERS]];
  const compared: ComparedRow[] = [];
  const listId = listKey(block, plan.headerRow);
  const cancelled = (): boolean => options.cancel?.cancelled === true;

  try {
    return await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const budget = options.budget ?? PAYLOAD_TARGET;
      // Each row read also carries the target cells' formulas and values, empty unless something is in the way: every column
      // this run may write that no earlier run made (the five and the gate-review columns on a first run; on a later one, those
      // of Assembly stage, Limited by, Waived and Change its earlier run did not write).
      const checked = Math.max(0, mostWidth - earlierWidth);
      const targetColumn = resultColumn + earlierWidth;
      const targetRowBytes = checked > 0 ? 2 * (rowJsonSize(Array.from({ length: checked }, () => "")) + 1) : 0;
      const planner = new ReadPlanner(total, list.rowBytes + targetRowBytes, budget);
      let foreign: ForeignScan = NO_FOREIGN;
      const hasSummary = list.sheetNames.some((n) => n.toLowerCase() === SUMMARY_SHEET.toLowerCase());
      const hasHistory = list.sheetNames.some((n) => n.toLowerCase() === HISTORY_SHEET.toLowerCase());
      let history: { used: Excel.Range; chart: Excel.Chart } | undefined;
      let lastRuns: Excel.Setting | undefined;
      let summaryTitle: Excel.Range | undefined;
      let extent: Excel.Range | undefined;
      let application: Excel.Application | undefined;
      let workbook: Excel.Workbook | undefined;
      for (let chunk = planner.next(); chunk; chunk = planner.next()) {
        if (chunk.start === 0) {
          const list = block.table
            ? tableList(context.workbook.tables.getItem(block.table), block.tableHeader)
            : sheet.getCell(block.rect.row, block.rect.column).getSurroundingRegion();
          extent = list.load("rowIndex,columnIndex,rowCount,columnCount");
          application = context.workbook.application.load("calculationMode");
          workbook = context.workbook.load("name");
        }
        const row = plan.headerRow + chunk.start;
        const data = sheet.getRangeByIndexes(row, block.rect.column, chunk.rows, width).load("values");
        // Values too: a cell a spilling formula fills from elsewhere has a value and no formula of its own.
        const target = checked > 0 ? sheet.getRangeByIndexes(row, targetColumn, chunk.rows, checked).load("formulas,values") : undefined;
        lastRuns ??= context.workbook.settings.getItemOrNullObject(LAST_RUN_SETTING).load("value");
        if (hasSummary && !summaryTitle) summaryTitle = context.workbook.worksheets.getItem(SUMMARY_SHEET).getRange("A1").load("values");
        if (hasHistory && !history) {
          const historySheet = context.workbook.worksheets.getItem(HISTORY_SHEET);
          history = {
            used: historySheet.getRangeByIndexes(0, 0, 1, HISTORY_WIDTH).getEntireColumn().getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex"),
            chart: historySheet.charts.getItemOrNullObject(HISTORY_CHART).load("name"),
          };
        }
        try {
          await context.sync();
        } catch (error) {
          if (!sizeRefusal(error)) throw error;
          if (planner.shrink()) {
            summaryTitle = undefined;
            history = undefined;
            lastRuns = undefined;
            extent = undefined;
            application = undefined;
            workbook = undefined;
            continue;
          }
          const refused = sheetRect(sheetName, { row, column: block.rect.column, rows: 1, columns: width });
          return fail({
            code: "too-large",
            message: `Excel would not send row ${row + 1} of the list (${refused}) even on its own: it holds more than Excel sends in one response (5 MB on the web). Shorten its longest cells, then classify again. Nothing was written.`,
          });
        }
        let rows = data.values;
        if (chunk.start === 0) {
          const now = extent && { row: extent.rowIndex, column: extent.columnIndex, rows: extent.rowCount, columns: extent.columnCount };
          const moved =
            now && (now.row !== block.rect.row || now.column !== block.rect.column || now.rows !== block.rect.rows || now.columns !== block.rect.columns);
          const renamed = plan.headers.some((h, c) => h !== "" && cellText(rows[0]?.[c]).trim() !== h);
          if (moved || renamed) {
            const what = moved && now ? `is now ${sheetRect(sheetName, now)}` : "has a different header row";
            return fail({
              code: "changed",
              message: `The list ${sheetRect(sheetName, block.rect)} ${what} since Classify list read it. Nothing was written; press Classify list again.`,
            });
          }
          rows = rows.slice(1);
        }
        if (target) foreign = scanForeignCells(target, row, foreign);
        const results = classifier.add(rows);
        outputs.push(...results);
        results.forEach((result, i) => compared.push({ label: result === BLANK_RESULT ? "" : partLabel(rows[i] ?? [], mapping), result }));
        planner.accept(matrixJsonSize(data.values) + (target ? matrixJsonSize(target.formulas) + matrixJsonSize(target.values) : 0));
        options.onProgress?.({ phase: "reading", done: planner.rowsDone, total });
        if (cancelled()) return fail({ code: "cancelled", message: "Cancelled. Nothing was written." });
      }
      // The parts of this list's last run, as the pane recorded them: compared with this run's answers by label.
      const runs = storedRuns(lastRuns && !lastRuns.isNullObject ? lastRuns.value : undefined);
      const previous = previousRun(runs, listId);
      const comparison = compareList(previous, compared, plan.firstDataRow);
      // The Change column stands beside an earlier run's results: written when there is a recorded run to compare with, or emptied when an earlier one wrote it.
      const writeChange = plan.results.existing && (previous !== undefined || plan.results.change);
      // The gate-review columns, as the command line writes them for the same rows: the core's headers and cells.
      const gateColumns = listGate(
        mapping,
        classifier.result().parts,
        { sheet: sheetName, firstColumn: block.rect.column, firstDataRow: plan.firstDataRow, dataRows: plan.dataRows },
        writeChange ? comparison.cells : undefined,
      );
      const gate = gateColumns.headers;
      const outWidth = RESULT_HEADERS.length + gate.length;
      // An earlier run's columns this run no longer needs (a Level column removed, no waiver left) are emptied: they are the pane's.
      const writeWidth = Math.max(outWidth, earlierWidth);
      const inTheWay = foreignWithin(foreign, { sheet: sheetName, column: targetColumn }, 0, outWidth - earlierWidth);
      if (inTheWay.count > 0) {
        const added = plan.results.existing ? gate.filter((h) => !plan.results.earlier.includes(h)) : undefined;
        return fail({
          code: "foreign",
          message: foreignMessage(inTheWay, {
            sheet: sheetName,
            row: plan.headerRow,
            column: targetColumn,
            rows: plan.dataRows + 1,
            columns: outWidth - earlierWidth,
            added,
            after: plan.results.earlier.at(-1),
            shifted: !plan.results.earlier.every((h, i) => gate[i] === h),
          }),
        });
      }
      if (writeWidth > RESULT_HEADERS.length) {
        const pad = (row: readonly (string | number)[]): (string | number)[] => [...row, ...Array<string>(writeWidth - row.length).fill("")];
        outputs[0] = pad([...RESULT_HEADERS, ...gate]);
        for (let i = 0; i < plan.dataRows; i += 1) outputs[i + 1] = pad([...(outputs[i + 1] ?? []), ...(gateColumns.rows[i] ?? [])]);
      }
      const area = writtenRect(
        plan,
        gate.filter((h) => h !== CHANGE_HEADER),
      );
      const changeArea = gateRect(plan, gate, CHANGE_HEADER);
      // The remembered parts travel in one request (the history row's): at most half of one.
      const remember = withRun(runs, listId, comparison.current, budget / 2);
      const shown = writeChange && comparison.compared ? comparison.comparison : undefined;
      const place = historyPlace(
        history && !history.used.isNullObject ? { row: history.used.rowIndex, column: history.used.columnIndex, values: history.used.values } : undefined,
      );
      const when = (options.now ?? (() => new Date()))();
      const historyValues = historyRow(when, sheetRect(sheetName, block.rect), classifier.result().summary, shown);
      const chartExists = history !== undefined && !history.chart.isNullObject;
      // The run's history row and the parts to compare the next run with: with the last request when they fit in it, else after it.
      const tailBytes = JSON.stringify(remember.value).length + REQUEST_OVERHEAD;
      let tailSent = false;
      const writeHistory = (requestBytes: number): void => {
        if (requestBytes + tailBytes > budget) return;
        if (place.ok) queueHistory(context, place.value, historyValues, chartExists);
        context.workbook.settings.add(LAST_RUN_SETTING, remember.value);
        tailSent = true;
      };

      const batches = planWrites(outputs, plan.headerRow, budget);
      if (!batches.ok) return fail({ code: "too-large", message: oversizeMessage(batches.issue, plan.headerRow, sheetName, resultColumn) });
      const { summary, problems, cells, problemCount, parts } = classifier.result();
      const summarySheet = summaryTarget(list.sheetNames, summaryTitle?.values[0]?.[0]);
      const source = sheetRect(sheetName, block.rect);
      const columns = columnReport(mapping, block.rect.column);
      const summaryParts = summaryRequests(
        summaryLayout(summary, source, { columns: columns.map(clipLine), cells: cells.map(clipNote), cellTotal: problemCount }),
        budget,
      );
      // The summary travels with the last results when both fit in one request, else in requests of its own after it.
      const lastBytes = batches.value.at(-1)?.bytes ?? 0;
      const summaryAlone = summaryParts.length > 1 || lastBytes + (summaryParts[0]?.bytes ?? 0) > budget;
      // Excel leaves recalculating after suspended requests to the add-in; in Manual mode the user recalculates (F9).
      const recalculates = application?.calculationMode !== "Manual";
      const recalculate = (): void => {
        if (recalculates) context.workbook.application.calculate("Recalculate");
      };
      // Requests still to send; one Excel refuses as too large is split in two and sent again.
      const queue: WriteBatch[] = [...batches.value];
      let summaryWithLast = !summaryAlone;
      let written = 0;
      for (let batch = queue.shift(); batch; batch = queue.shift()) {
        const last = queue.length === 0;
        // Every request but the last suspends calculation; the last recalculates what depends on every result written.
        if (!last) context.workbook.application.suspendApiCalculationUntilNextSync();
        sheet.getRangeByIndexes(batch.row, resultColumn, batch.values.length, writeWidth).values = batch.values as (string | number)[][];
        if (last) {
          context.workbook.application.suspendScreenUpdatingUntilNextSync();
          formatResults(sheet, plan.headerRow, resultColumn, plan.dataRows, outWidth);
          if (summaryWithLast) {
            writeSummarySheet(context, summarySheet, summaryParts, 0);
            writeHistory(batch.bytes + (summaryParts[0]?.bytes ?? 0));
          }
          recalculate();
        }
        try {
          await context.sync();
        } catch (error) {
          tailSent = false;
          if (!sizeRefusal(error)) throw error;
          if (batch.values.length > 1) {
            queue.unshift(...halves(batch));
            continue;
          }
          if (last && summaryWithLast) {
            // The summary travelled with the last results: it goes in requests of its own after them.
            summaryWithLast = false;
            queue.unshift(batch);
            continue;
          }
          const refused = sheetRect(sheetName, { row: batch.row, column: resultColumn, rows: 1, columns: writeWidth });
          const before =
            written > 0
              ? ` The rows before it have their new results (${sheetRect(sheetName, { row: area.row, column: area.column, rows: written, columns: writeWidth })}); the rest of the result columns are unchanged.`
              : " Nothing was written.";
          return fail({
            code: "too-large",
            message: `Excel would not take the results of row ${batch.row + 1} (${refused}) in one request even on their own (5 MB at most on the web).${before}`,
          });
        }
        written += batch.values.length;
        options.onProgress?.({ phase: "writing", done: written, total });
        if (!last && cancelled()) {
          recalculate();
          await context.sync();
          const done = sheetRect(sheetName, { row: area.row, column: area.column, rows: written, columns: writeWidth });
          return fail({
            code: "cancelled",
            message: `Cancelled after writing ${done}. The rest of the result columns are unchanged; classify again to finish.`,
          });
        }
      }
      if (!summaryWithLast) {
        // Each part in a request of its own; a part Excel refuses as too large is split and sent again.
        const parts = [...summaryParts];
        for (let index = 0; index < parts.length; index += 1) {
          writeSummarySheet(context, summarySheet, parts, index);
          if (index === parts.length - 1) writeHistory(parts[index]?.bytes ?? 0);
          try {
            await context.sync();
          } catch (error) {
            tailSent = false;
            const part = parts[index];
            if (!sizeRefusal(error) || part === undefined || part.values.length <= 1) throw error;
            parts.splice(index, 1, ...splitPart(part));
            index -= 1;
          }
        }
      }
      if (!tailSent) {
        if (place.ok) queueHistory(context, place.value, historyValues, chartExists);
        context.workbook.settings.add(LAST_RUN_SETTING, remember.value);
        await context.sync();
      }
      return ok({
        rows: plan.dataRows,
        summary,
        problems,
        cells,
        problemCount,
        columns,
        resultArea: sheetRect(sheetName, area),
        gateColumns: gate,
        summarySheet: summarySheet.name,
        comparison: shown,
        changeArea: changeArea ? sheetRect(sheetName, changeArea) : undefined,
        remembered: remember.remembered,
        report: {
          workbook: workbook?.name ?? "",
          sheet: sheetName,
          list: sheetRect(sheetName, block.rect),
          when,
          mapping,
          firstColumn: block.rect.column,
          summary,
          parts,
          columns,
          cells,
          problemCount,
          ...(shown ? { comparison: { result: shown, current: comparison.current } } : {}),
        },
        history: place.ok ? { ok: true, sheet: HISTORY_SHEET, row: place.value.row } : { ok: false, message: place.issue },
      });
    });
  } catch (error) {
    return fail({ code: "excel", message: describeExcelError(error, "classifying the list") });
  }
}

/** Errors by which Excel refuses a request or its response as too large: split it and ask again. */
const SIZE_REFUSALS: readonly string[] = ["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded", "RangeExceedsLimit"];

function sizeRefusal(error: unknown): boolean {
  return SIZE_REFUSALS.includes(errorCode(error) ?? "");
}

/** A write batch as two, each with half the rows. */
function halves(batch: WriteBatch): WriteBatch[] {
  const half = Math.ceil(batch.values.length / 2);
  const first = batch.values.slice(0, half);
  const second = batch.values.slice(half);
  return [
    { row: batch.row, values: first, bytes: Math.ceil((batch.bytes * first.length) / batch.values.length) },
    { row: batch.row + half, values: second, bytes: Math.ceil((batch.bytes * second.length) / batch.values.length) },
  ];
}

function formatResults(sheet: Excel.Worksheet, headerRow: number, column: number, dataRows: number, width: number): void {
  sheet.getRangeByIndexes(headerRow, column, 1, width).format.font.bold = true;
  const stages = sheet.getRangeByIndexes(headerRow + 1, column, dataRows, 1);
  stages.conditionalFormats.clearAll();
  for (const stage of STAGES) {
    const rule = stages.conditionalFormats.add("ContainsText");
    rule.textComparison.format.fill.color = STAGE_COLORS[stage].fill;
    rule.textComparison.format.font.color = STAGE_COLORS[stage].font;
    rule.textComparison.rule = { operator: "Contains", text: STAGE_PROFILES[stage].name };
  }
}

/** Characters of a header, a cell value or a reason shown on the summary sheet; a cell may hold 32,767. */
export const SUMMARY_TEXT_LIMIT = 300;
const clip = (text: string): string => (text.length > SUMMARY_TEXT_LIMIT ? `${text.slice(0, SUMMARY_TEXT_LIMIT - 1)}…` : text);
const clipLine = (l: ColumnLine): ColumnLine => ({ ...l, header: clip(l.header), how: clip(l.how) });
const clipNote = (n: CellNote): CellNote => ({ ...n, value: clip(n.value), message: clip(n.message) });

interface SummaryPart {
  readonly layout: SummaryLayout;
  /** Rows [start, end) of the layout, as the sheet takes them. */
  readonly start: number;
  readonly values: (string | number)[][];
  readonly bytes: number;
}

/** A summary part as two, each with half its rows. */
function splitPart(part: SummaryPart): SummaryPart[] {
  const half = Math.ceil(part.values.length / 2);
  const bytes = (values: readonly unknown[]): number => Math.ceil((part.bytes * values.length) / part.values.length);
  const first = part.values.slice(0, half);
  const second = part.values.slice(half);
  return [
    { ...part, values: first, bytes: bytes(first) },
    { ...part, start: part.start + half, values: second, bytes: bytes(second) },
  ];
}

/** The summary sheet's rows, every text kept as written (sheetText), in requests under the budget. */
function summaryRequests(layout: SummaryLayout, budget: number): readonly SummaryPart[] {
  const values = layout.values.map((row) => row.map(sheetText));
  const chunks = planChunks(values.map(rowJsonSize), budget);
  // planChunks refuses only a row over the whole budget, which clipped texts cannot make.
  if (!chunks.ok) throw new Error(`a summary row of ${chunks.issue.bytes} bytes does not fit in one request`);
  return chunks.value.map((c) => ({ layout, start: c.start, values: values.slice(c.start, c.end), bytes: c.bytes }));
}

/**
 * One request's share of the summary sheet: the core's layout (counts,
 * blockers, missing, then how every column was read and the cells not
 * understood), SUMMARY_WIDTH columns wide. The first part replaces the sheet,
 * the last adds the bold headings, widths and a chart of parts per stage to
 * the right of it.
 */
function writeSummarySheet(
  context: Excel.RequestContext,
  target: { readonly name: string; readonly replace: boolean },
  parts: readonly SummaryPart[],
  index: number,
): void {
  const part = parts[index];
  if (part === undefined) return;
  const sheets = context.workbook.worksheets;
  if (index === 0 && target.replace) sheets.getItem(target.name).delete();
  const sheet = index === 0 ? sheets.add(target.name) : sheets.getItem(target.name);
  sheet.getRangeByIndexes(part.start, 0, part.values.length, SUMMARY_WIDTH).values = part.values;
  if (index < parts.length - 1) return;
  const { layout } = part;
  sheet.getRange("A1").format.font.bold = true;
  for (const row of layout.headingRows) sheet.getRangeByIndexes(row, 0, 1, SUMMARY_WIDTH).format.font.bold = true;
  SUMMARY_COLUMN_WIDTHS.forEach((w, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w));
  const chartSource = sheet.getRangeByIndexes(layout.chartRows.first, 0, layout.chartRows.count, 2);
  const chart = sheet.charts.add("ColumnClustered", chartSource, "Columns");
  chart.title.text = "Parts per stage";
  chart.legend.visible = false;
  chart.setPosition("F2", "M18");
}

/** Widths in points of the history sheet's columns: date and time, list, then the counts. */
const HISTORY_COLUMN_WIDTHS = [110, 160, 80, 80, 95, 70, 75, 50, 60];

/**
 * Appends the run's row to the history sheet (added, with its header row, on
 * the first run) and points the line chart of the stage counts at every run
 * so far: one series per stage (C:E), the runs' dates and times (column A)
 * along the axis as text, so that two runs on one day stand apart.
 */
function queueHistory(context: Excel.RequestContext, place: HistoryPlace, values: readonly (string | number)[], chartExists: boolean): void {
  const sheets = context.workbook.worksheets;
  const sheet = place.create ? sheets.add(HISTORY_SHEET) : sheets.getItem(HISTORY_SHEET);
  if (place.create) {
    const header = sheet.getRangeByIndexes(0, 0, 1, HISTORY_WIDTH);
    header.values = [[...HISTORY_HEADERS]];
    header.format.font.bold = true;
    HISTORY_COLUMN_WIDTHS.forEach((w, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w));
  }
  sheet.getRangeByIndexes(place.row, 0, 1, HISTORY_WIDTH).values = [[...values]];
  sheet.getRangeByIndexes(place.row, 0, 1, 1).numberFormat = [[HISTORY_DATE_FORMAT]];
  const counts = sheet.getRangeByIndexes(0, HISTORY_COUNT_COLUMNS.first, place.row + 1, HISTORY_COUNT_COLUMNS.count);
  let chart: Excel.Chart;
  if (chartExists) {
    chart = sheet.charts.getItem(HISTORY_CHART);
    chart.setData(counts, "Columns");
  } else {
    chart = sheet.charts.add("Line", counts, "Columns");
    chart.name = HISTORY_CHART;
    chart.title.text = HISTORY_CHART_TITLE;
    chart.setPosition("K2", "R20");
  }
  const axis = chart.axes.categoryAxis;
  axis.categoryType = "TextAxis";
  axis.setCategoryNames(sheet.getRangeByIndexes(1, 0, place.row, 1));
}

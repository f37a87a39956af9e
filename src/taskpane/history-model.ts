import { STAGES, cellText, fail, ok, type Result, type RunComparison, type Summary } from "../core";
import { keptAsText } from "./cell-text";

/** The sheet that keeps one row per Classify list run. */
export const HISTORY_SHEET = "Readiness history";
export const HISTORY_HEADERS = ["Date and time", "List", "Prototyping", "Low-volume", "Mass production", "Moved up", "Moved down", "New", "Dropped"] as const;
export const HISTORY_WIDTH = HISTORY_HEADERS.length;
/** The line chart of the stage counts, found again by its name to extend its series. */
export const HISTORY_CHART = "Readiness history chart";
export const HISTORY_CHART_TITLE = "Parts per stage, run by run";
export const HISTORY_DATE_FORMAT = "yyyy-mm-dd hh:mm";
/** The stage count columns, C:E: the chart's series. */
export const HISTORY_COUNT_COLUMNS = { first: 2, count: STAGES.length } as const;

/** Excel's date serial for a moment in the pane's local time (days since 1899-12-30, the time as the fraction). */
export function excelDate(when: Date): number {
  const local = when.getTime() - when.getTimezoneOffset() * 60_000;
  return local / 86_400_000 + 25_569;
}

/**
 * One run's row: when, which list, the parts per stage, and, when there was
 * an earlier run to compare with, how many moved up or down, are new, and
 * were dropped (else those four cells stay empty).
 */
export function historyRow(when: Date, list: string, summary: Summary, comparison: RunComparison | undefined): (string | number)[] {
  const counts = STAGES.map((s) => summary.byStage[s]);
  const changes = comparison ? [comparison.movedUp, comparison.movedDown, comparison.added, comparison.dropped.length] : ["", "", "", ""];
  return [excelDate(when), keptAsText(list), ...counts, ...changes];
}

/** Where the next run's row goes on the history sheet. */
export interface HistoryPlace {
  /** The sheet is not there yet: add it with the header row. */
  readonly create: boolean;
  /** 0-based row of the new run. */
  readonly row: number;
}

/**
 * What the history sheet's columns A:I hold (its used range there, from A1,
 * or undefined when the sheet is missing) decides where the run goes: the
 * row after the last run. A sheet of that name the pane did not make (its
 * header row differs), or a row under the runs that holds something, is
 * never written over.
 */
export function historyPlace(
  used: { readonly row: number; readonly column: number; readonly values: readonly (readonly unknown[])[] } | undefined,
): Result<HistoryPlace, string> {
  if (used === undefined) return ok({ create: true, row: 1 });
  const header = used.row === 0 && used.column === 0 ? (used.values[0] ?? []) : [];
  const cell = (r: number, c: number): string => cellText(used.values[r - used.row]?.[c - used.column]).trim();
  if (!HISTORY_HEADERS.every((h, c) => cellText(header[c]).trim() === h)) {
    return fail(
      `The sheet "${HISTORY_SHEET}" was not made by Part Readiness (its first row is not ${HISTORY_HEADERS.join(", ")}), so this run was not added to it. Rename that sheet to keep a history.`,
    );
  }
  let row = 1;
  while (cell(row, 0) !== "") row += 1;
  const taken = HISTORY_HEADERS.findIndex((_, c) => cell(row, c) !== "");
  if (taken >= 0) {
    return fail(
      `Row ${row + 1} of "${HISTORY_SHEET}", under the last run, holds data the pane did not write, so this run was not added. Move or clear it to keep the history going.`,
    );
  }
  return ok({ create: false, row });
}

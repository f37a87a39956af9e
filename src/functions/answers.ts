import { blockersText, criteriaCatalog, missingText, RESULT_HEADERS, resultCells, warningsText, type Assessment } from "../core";

/*
 * What each function shows for one part: its output row, taken from the core's
 * result (resultCells and the lists it joins). This module only arranges the
 * values into the rectangles Excel spills.
 */

export type Cell = string | number;
export type Matrix<T extends Cell = Cell> = T[][];

/** The first three of resultCells (and the progress beside the score), without joining lists that a one-column answer does not show. */
export const stageCell = (a: Assessment): string[] => [a.stageName];
export const scoreCell = (a: Assessment): Cell[] => [a.score ?? ""];
export const progressCell = (a: Assessment): Cell[] => [a.progress ?? ""];
export const nextStepCell = (a: Assessment): string[] => [a.nextStep];

export const blockersJoined = (a: Assessment): string[] => [blockersText(a)];
export const missingJoined = (a: Assessment): string[] => [missingText(a)];
export const warningsJoined = (a: Assessment): string[] => [warningsText(a)];

export const blockerItems = (a: Assessment): string[] => a.blockers.map((b) => b.reason);
export const missingItems = (a: Assessment): string[] => a.missing.map((m) => m.provide);
export const warningItems = (a: Assessment): string[] => a.warnings.map((w) => w.message);

/** One item per cell, every row padded with "" to the longest list (at least one column). */
export function padLists(lists: readonly (readonly string[])[]): Matrix<string> {
  const width = lists.reduce((max, list) => Math.max(max, list.length), 1);
  return lists.map((list) => Array.from({ length: width }, (_, i) => list[i] ?? ""));
}

/** The five result columns, the same cells the task pane and the command line write. */
export const reportRow = (a: Assessment): Cell[] => [...resultCells(a)];

export const withResultHeaders = (rows: Matrix): Matrix => [[...RESULT_HEADERS], ...rows];

export const CRITERIA_TABLE_HEADERS = ["Id", "Criterion", "Column headers", "Accepted values"] as const;

/** The criteria table: one row per criterion under a header row. */
export function criteriaTable(): Matrix<string> {
  return [[...CRITERIA_TABLE_HEADERS], ...criteriaCatalog().map((c) => [c.id, c.label, c.headers.join(", "), c.accepted])];
}

import { blockersText, criteriaCatalog, missingText, RESULT_HEADERS, resultCells, LIST_SEPARATOR, type Assessment } from "../core";

/*
 * What each function shows for a list of assessments, one output row per part
 * row. Every value comes from the core (resultCells and its parts); this module
 * only arranges them into the rectangles Excel spills.
 */

export type Cell = string | number;
export type Matrix<T extends Cell = Cell> = T[][];

export const stageColumn = (parts: readonly Assessment[]): Matrix<string> => parts.map((a) => [resultCells(a)[0]]);
export const scoreColumn = (parts: readonly Assessment[]): Matrix => parts.map((a) => [resultCells(a)[1]]);
export const nextStepColumn = (parts: readonly Assessment[]): Matrix<string> => parts.map((a) => [resultCells(a)[2]]);

/** A list per part: joined with "; " in one cell, or one item per cell padded with "" to a rectangle. */
function lists(items: readonly (readonly string[])[], asColumns: boolean): Matrix<string> {
  if (!asColumns) return items.map((list) => [list.join(LIST_SEPARATOR)]);
  const width = items.reduce((max, list) => Math.max(max, list.length), 1);
  return items.map((list) => Array.from({ length: width }, (_, i) => list[i] ?? ""));
}

export function blockersCells(parts: readonly Assessment[], asColumns: boolean): Matrix<string> {
  if (!asColumns) return parts.map((a) => [blockersText(a)]);
  return lists(parts.map((a) => a.blockers.map((b) => b.reason)), true);
}

export function missingCells(parts: readonly Assessment[], asColumns: boolean): Matrix<string> {
  if (!asColumns) return parts.map((a) => [missingText(a)]);
  return lists(parts.map((a) => a.missing.map((m) => m.provide)), true);
}

export const warningsCells = (parts: readonly Assessment[], asColumns: boolean): Matrix<string> =>
  lists(parts.map((a) => a.warnings.map((w) => w.message)), asColumns);

/** The five result columns per part, the same cells the task pane and the command line write. */
export function reportRows(parts: readonly Assessment[], withHeaders: boolean): Matrix {
  const rows: Matrix = parts.map((a) => [...resultCells(a)]);
  return withHeaders ? [[...RESULT_HEADERS], ...rows] : rows;
}

export const CRITERIA_TABLE_HEADERS = ["Id", "Criterion", "Column headers", "Accepted values"] as const;

/** The criteria table: one row per criterion under a header row. */
export function criteriaTable(): Matrix<string> {
  return [[...CRITERIA_TABLE_HEADERS], ...criteriaCatalog().map((c) => [c.id, c.label, c.headers.join(", "), c.accepted])];
}

import { columnLetters, quoteSheetName } from "../core";

/** A rectangle of cells on a sheet, 0-based like the Excel API's rowIndex and columnIndex. */
export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export function rectAddress(rect: Rect): string {
  const first = cellAddress(rect.row, rect.column);
  return rect.rows === 1 && rect.columns === 1 ? first : `${first}:${cellAddress(rect.row + rect.rows - 1, rect.column + rect.columns - 1)}`;
}

/** "Parts!B2", with the sheet name quoted the way Excel writes it when it has spaces or punctuation. */
export function sheetCell(sheet: string, row: number, column: number): string {
  return `${quoteSheetName(sheet)}!${cellAddress(row, column)}`;
}

export function sheetRect(sheet: string, rect: Rect): string {
  return `${quoteSheetName(sheet)}!${rectAddress(rect)}`;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/u;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Inclusive 0-based spans; a missing span means every row (or every column). */
export interface Area {
  readonly rows?: { readonly first: number; readonly last: number };
  readonly columns?: { readonly first: number; readonly last: number };
}

/**
 * The area an event address covers: "C3", "B3:C7", "C:E" (whole columns),
 * "3:5" (whole rows), with or without a sheet name. Undefined when unreadable.
 */
export function areaOfAddress(address: string): Area | undefined {
  const local = address.slice(address.lastIndexOf("!") + 1).trim();
  const ends = local.split(":");
  if (ends.length > 2 || local === "") return undefined;
  const parsed = ends.map((e) => PART.exec(e));
  if (parsed.some((m) => !m || (m[1] === "" && m[2] === ""))) return undefined;
  const [a, b = a] = parsed as RegExpExecArray[];
  const span = (x: string | undefined, y: string | undefined, read: (t: string) => number): { first: number; last: number } | undefined => {
    if (!x || !y) return undefined;
    const [p, q] = [read(x), read(y)];
    return { first: Math.min(p, q), last: Math.max(p, q) };
  };
  const rows = span(a?.[2], b?.[2], (t) => Number(t) - 1);
  const columns = span(a?.[1], b?.[1], columnIndex);
  return { ...(rows ? { rows } : {}), ...(columns ? { columns } : {}) };
}

/** Whether an area touches any of the rows within the columns. */
export function areaTouches(area: Area, rows: readonly number[], columns: { readonly first: number; readonly last: number }): boolean {
  const inRows = !area.rows || rows.some((r) => r >= (area.rows?.first ?? 0) && r <= (area.rows?.last ?? -1));
  const inColumns = !area.columns || (area.columns.first <= columns.last && area.columns.last >= columns.first);
  return inRows && inColumns;
}

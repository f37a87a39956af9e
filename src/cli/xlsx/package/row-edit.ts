/**
 * One row of the classified sheet with its result cells: the row's own text,
 * cell by cell as it was, with the cells in the result columns taken out (an
 * earlier run's results, or bare styled cells) and the new ones put in column
 * order.
 */
import type { ScannedRow } from "./sheet-rows";

export interface RowEdit {
  /** 0-based first result column and how many there are. */
  readonly first: number;
  readonly width: number;
  /** The new cells' XML, in column order ("" for none). */
  readonly cells: string;
}

export function editRow(row: ScannedRow, edit: RowEdit): string {
  const end = edit.first + edit.width;
  const raw = row.raw;
  if (row.selfClosing) {
    if (edit.cells === "") return raw;
    return `${raw.replace(/\/\s*>$/u, ">")}${edit.cells}</${row.prefix}row>`;
  }
  let out = "";
  let at = row.openEnd;
  let inserted = false;
  for (const cell of row.cells) {
    if (!inserted && cell.column >= end) {
      out += raw.slice(at, cell.start) + edit.cells;
      at = cell.start;
      inserted = true;
    }
    if (cell.column >= edit.first && cell.column < end) {
      out += raw.slice(at, cell.start);
      at = cell.end;
    }
  }
  if (!inserted) {
    out += raw.slice(at, row.closeStart) + edit.cells;
    at = row.closeStart;
  }
  return raw.slice(0, row.openEnd) + out + raw.slice(at);
}

/**
 * One row of the classified sheet with its result cells: the row's own text,
 * cell by cell as it was, with the cells in the result columns taken out (an
 * earlier run's results, or bare styled cells) and the new ones put in column
 * order. A cell without an `r` address sits one column right of the cell
 * before it; once cells are put in or taken out before such a cell, it is
 * given the address of the column it had, and is otherwise as it was.
 */
import { columnLetters } from "../../../core";
import type { ScannedCell, ScannedRow } from "./sheet-rows";

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
  let shifted = false;
  for (const cell of row.cells) {
    if (!inserted && cell.column >= end) {
      out += raw.slice(at, cell.start) + edit.cells;
      at = cell.start;
      inserted = true;
      shifted ||= edit.cells !== "";
    }
    if (cell.column >= edit.first && cell.column < end) {
      out += raw.slice(at, cell.start);
      at = cell.end;
      shifted = true;
    } else if (shifted && !cell.addressed) {
      const nameEnd = cellNameEnd(raw, cell);
      out += `${raw.slice(at, nameEnd)} r="${columnLetters(cell.column)}${row.number}"`;
      at = nameEnd;
    }
  }
  if (!inserted) {
    out += raw.slice(at, row.closeStart) + edit.cells;
    at = row.closeStart;
  }
  return raw.slice(0, row.openEnd) + out + raw.slice(at);
}

/** Offset just past the element name of the cell's start tag (`<c`, `<x:c`). */
function cellNameEnd(raw: string, cell: ScannedCell): number {
  let i = cell.start + 1;
  while (i < cell.end) {
    const c = raw.charCodeAt(i);
    if (c === 0x20 || c === 0x2f || c === 0x3e || c === 0x09 || c === 0x0a || c === 0x0d) break;
    i += 1;
  }
  return i;
}

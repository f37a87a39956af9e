/* A1 addresses for the stand-in: its own small implementation, so it does not share bugs with the pane's. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based. */
export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export function columnName(index: number): string {
  let n = index + 1;
  let name = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Excel quotes a sheet name in an address unless it is a plain word. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/u.test(name) ? name : `'${name.replace(/'/gu, "''")}'`;
}

export function cellName(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

export function rectAddress(rect: Rect): string {
  const first = cellName(rect.row, rect.column);
  if (rect.rows === 1 && rect.columns === 1) return first;
  return `${first}:${cellName(rect.row + rect.rows - 1, rect.column + rect.columns - 1)}`;
}

export function sheetAddress(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${rectAddress(rect)}`;
}

/** Splits "Sheet1!A1:B2" or "'My sheet'!A1" into sheet name and local address. */
export function splitSheet(address: string): { readonly sheet: string | undefined; readonly local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: undefined, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/gu, "'");
  return { sheet, local: address.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/u;
const COLUMN = /^\$?([A-Za-z]{1,3})$/u;
const ROW = /^\$?(\d{1,7})$/u;

/** Parses a local A1 address ("B2", "A1:C3", "A:A", "2:4"); undefined when it is not one. */
export function parseRect(local: string): Rect | undefined {
  const parts = local.trim().split(":");
  if (parts.length === 0 || parts.length > 2) return undefined;
  const [a = "", b = a] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r1 = Number(ca[2]) - 1;
    const r2 = Number(cb[2]) - 1;
    const c1 = columnIndex(ca[1] ?? "");
    const c2 = columnIndex(cb[1] ?? "");
    return valid(Math.min(r1, r2), Math.min(c1, c2), Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1);
  }
  const cola = COLUMN.exec(a);
  const colb = COLUMN.exec(b);
  if (parts.length === 2 && cola && colb) {
    const c1 = columnIndex(cola[1] ?? "");
    const c2 = columnIndex(colb[1] ?? "");
    return valid(0, Math.min(c1, c2), MAX_ROWS, Math.abs(c2 - c1) + 1);
  }
  const rowa = ROW.exec(a);
  const rowb = ROW.exec(b);
  if (parts.length === 2 && rowa && rowb) {
    const r1 = Number(rowa[1]) - 1;
    const r2 = Number(rowb[1]) - 1;
    return valid(Math.min(r1, r2), 0, Math.abs(r2 - r1) + 1, MAX_COLUMNS);
  }
  return undefined;
}

function valid(row: number, column: number, rows: number, columns: number): Rect | undefined {
  if (row < 0 || column < 0 || row + rows > MAX_ROWS || column + columns > MAX_COLUMNS) return undefined;
  return { row, column, rows, columns };
}

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const end = Math.min(a.row + a.rows, b.row + b.rows);
  const endColumn = Math.min(a.column + a.columns, b.column + b.columns);
  return end > row && endColumn > column ? { row, column, rows: end - row, columns: endColumn - column } : undefined;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.column + inner.columns <= outer.column + outer.columns
  );
}

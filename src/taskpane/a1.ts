/** A rectangle of cells on a sheet, 0-based like the Excel API's rowIndex and columnIndex. */
export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
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
  return `${quoteSheet(sheet)}!${cellAddress(row, column)}`;
}

export function sheetRect(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${rectAddress(rect)}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/u.test(name) ? name : `'${name.replace(/'/gu, "''")}'`;
}

const ROWS = /^(?:.*!)?\$?[A-Za-z]{0,3}\$?(\d+)?(?::\$?[A-Za-z]{0,3}\$?(\d+)?)?$/u;

/**
 * The rows (0-based, inclusive) an event address such as "B3:C7", "C3" or "C:C"
 * covers; undefined when the address names whole columns or cannot be read.
 */
export function rowsOfAddress(address: string): { readonly first: number; readonly last: number } | undefined {
  const match = ROWS.exec(address.trim());
  if (!match || match[1] === undefined) return undefined;
  const first = Number(match[1]) - 1;
  const last = match[2] === undefined ? (address.includes(":") ? undefined : first) : Number(match[2]) - 1;
  if (last === undefined) return undefined;
  return { first: Math.min(first, last), last: Math.max(first, last) };
}

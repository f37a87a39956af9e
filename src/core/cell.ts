/**
 * A worksheet cell as the adapters hand it to the core: the plain value after
 * rich text, formulas and hyperlinks have been unwrapped at the edge.
 */
export type CellValue = string | number | boolean | Date | null | undefined | ErrorCell;

/** An Excel error value (exceljs gives `{ error: "#N/A" }`). */
export interface ErrorCell {
  readonly error: string;
}

const EXCEL_ERRORS = new Set([
  "#null!",
  "#div/0!",
  "#value!",
  "#ref!",
  "#name?",
  "#num!",
  "#n/a",
  "#getting_data",
  "#spill!",
  "#calc!",
  "#field!",
  "#blocked!",
  "#connect!",
  "#busy!",
  "#unknown!",
  "#python!",
]);

export function isExcelErrorText(text: string): boolean {
  return EXCEL_ERRORS.has(text.trim().toLowerCase());
}

export function isErrorCell(value: unknown): value is ErrorCell {
  return typeof value === "object" && value !== null && !(value instanceof Date) && typeof (value as { error?: unknown }).error === "string";
}

/** An empty cell: nothing, or text that is only whitespace. */
export function isBlankCell(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** How a cell reads to a person, for messages and the review checklist. Never throws. */
export function cellText(value: unknown): string {
  try {
    if (value === null || value === undefined) return "";
    if (typeof value === "string") return value;
    if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
    if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
    if (isErrorCell(value)) return value.error;
    return "";
  } catch {
    return "";
  }
}

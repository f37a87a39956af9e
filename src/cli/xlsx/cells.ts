/**
 * exceljs cell values turned into the core's plain CellValue at the edge:
 * a formula gives its cached result, rich text its joined text, a hyperlink its
 * text, an error `{ error }`. Never throws, whatever it is given.
 */
import type { CellValue } from "../../core";

/** What the streaming reader leaves for a formula whose cached result is an error: it parses "#N/A" as a number. */
export const UNKNOWN_FORMULA_ERROR = "#VALUE!";

function fromObject(value: object, depth: number): CellValue {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    return v.richText.map((run: unknown) => (typeof run === "object" && run !== null && typeof (run as { text?: unknown }).text === "string" ? (run as { text: string }).text : "")).join("");
  }
  if ("formula" in v || "sharedFormula" in v) {
    const result = v.result;
    if (typeof result === "number" && Number.isNaN(result)) return { error: UNKNOWN_FORMULA_ERROR };
    return plainCellAt(result, depth + 1);
  }
  if (typeof v.error === "string") return { error: v.error };
  if ("hyperlink" in v || "text" in v) return plainCellAt(v.text, depth + 1);
  return null;
}

function plainCellAt(value: unknown, depth: number): CellValue {
  if (depth > 4) return null;
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "boolean":
      return value;
    case "object":
      return value === null ? null : fromObject(value, depth);
    default:
      return null;
  }
}

export function plainCell(value: unknown): CellValue {
  try {
    return plainCellAt(value, 0);
  } catch {
    return null;
  }
}

export function isBlankCell(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** An exceljs cell as this module reads it. */
export interface ExcelCellLike {
  readonly type?: number;
  readonly value: unknown;
  readonly result?: unknown;
}

const MERGE_TYPE = 1;

/**
 * A cell's value with a formula's cached result kept even when it is 0, FALSE
 * or an error (exceljs's `value` drops falsy results); the covered cells of a
 * merged range are empty.
 */
export function rawCellValue(cell: ExcelCellLike): unknown {
  try {
    const value = cell.value;
    if (typeof value === "object" && value !== null && ("formula" in value || "sharedFormula" in value)) return { ...value, result: cell.result };
    if (value !== null && value !== undefined && cell.type === MERGE_TYPE) return null;
    return value;
  } catch {
    return null;
  }
}

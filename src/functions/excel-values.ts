import { cellText, isExcelErrorText, type CellValue } from "../core";

/*
 * Excel hands a custom function numbers, booleans, strings ("" for a blank cell)
 * and, for error cells, either the error text or an error object. Because the
 * generated metadata allows custom data for `any` parameters, a cell holding a
 * data type (formatted number, entity, error) can also arrive as its JSON form:
 * `{ type, basicValue, text, ... }`. This module turns all of them into the
 * core's plain CellValue.
 */

type Row = readonly unknown[];

function errorText(value: unknown): string | undefined {
  return typeof value === "string" && isExcelErrorText(value) ? value.trim() : undefined;
}

/** One cell as the core reads it. Never throws. */
export function toCellValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  switch (typeof raw) {
    case "string":
    case "number":
    case "boolean":
      return raw;
    case "object":
      break;
    default:
      return null;
  }
  if (raw instanceof Date) return raw;
  const data = raw as Record<string, unknown>;
  // CustomFunctions.Error ({ code: "#N/A" }), a data-type error ({ type: "Error", basicValue: "#N/A" }) or the core's own shape.
  const error = errorText(data.code) ?? errorText(data.error) ?? (data.type === "Error" ? (errorText(data.basicValue) ?? "#VALUE!") : undefined);
  if (error !== undefined) return { error };
  // An entity shows its text; other data types (formatted number, boolean, string) carry their plain value.
  if (typeof data.text === "string") return data.text;
  const basic = data.basicValue;
  if (typeof basic === "string" || typeof basic === "number" || typeof basic === "boolean") return basic;
  return null;
}

/** The row unchanged when every cell is already plain, else a converted copy. */
export function toCellRow(row: Row): readonly CellValue[] {
  for (const cell of row) {
    if (cell !== null && typeof cell === "object") return row.map(toCellValue);
  }
  return row as readonly CellValue[];
}

/** A matrix argument as rows; a lone value (a scalar passed where a range was expected) becomes a 1x1 matrix. */
export function asMatrix(value: unknown): readonly Row[] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) return [];
  return value.every((row) => Array.isArray(row)) ? (value as Row[]) : [value as Row];
}

/** How a cell reads in a message. */
export function shownText(value: unknown): string {
  return cellText(toCellValue(value)).trim();
}

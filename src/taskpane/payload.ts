/*
 * The size of a request is dominated by the cell values it carries, and those
 * travel as JSON. These functions give the exact UTF-8 length of JSON.stringify
 * for cell values without building the string.
 */

const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/u;

export function stringJsonSize(text: string): number {
  if (PLAIN.test(text)) return text.length + 2;
  let bytes = 2;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x20) bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 6;
    } else if (code >= 0xdc00 && code <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}

/** UTF-8 length of text that is already JSON. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** JSON size of one value inside an array (undefined and functions become null, as JSON.stringify does). */
export function valueJsonSize(value: unknown): number {
  switch (typeof value) {
    case "string":
      return stringJsonSize(value);
    case "number":
      return Number.isFinite(value) ? String(value).length : 4;
    case "boolean":
      return value ? 4 : 5;
    default:
      return value === null || value === undefined || typeof value === "function" || typeof value === "symbol"
        ? 4
        : utf8Length(JSON.stringify(value) ?? "null");
  }
}

/** JSON size of one row: brackets, commas and values. */
export function rowJsonSize(row: readonly unknown[]): number {
  let bytes = 2 + Math.max(0, row.length - 1);
  for (const value of row) bytes += valueJsonSize(value);
  return bytes;
}

/** JSON size of a matrix of cell values, as `range.values = rows` would send it. */
export function matrixJsonSize(rows: readonly (readonly unknown[])[]): number {
  let bytes = 2 + Math.max(0, rows.length - 1);
  for (const row of rows) bytes += rowJsonSize(row);
  return bytes;
}

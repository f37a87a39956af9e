/** Finds a CSV file's delimiter and line ending from its first lines. */
import { findHeaderRow } from "../../core";

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface Dialect {
  readonly delimiter: Delimiter;
  readonly eol: "\n" | "\r\n";
}

/** Splits sample text into rows of fields, honouring quotes; a last line cut mid-way is dropped. */
export function splitSample(text: string, delimiter: string, maxRows = 50): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < maxRows; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if ((field !== "" || row.length > 0) && rows.length < maxRows) rows.push([...row, field]);
  return rows;
}

function delimiterCount(rows: readonly (readonly string[])[]): number {
  return Math.max(0, ...rows.map((r) => r.length - 1));
}

/**
 * The delimiter is the one under which a header row names the most criteria;
 * when none (or several equally) do, the one that splits the lines into the
 * most fields, preferring "," then ";" then tab then "|".
 */
export function detectDialect(sample: string): Dialect {
  const eolMatch = /\r?\n/u.exec(sample);
  const eol = eolMatch?.[0] === "\r\n" ? "\r\n" : "\n";
  let best: { delimiter: Delimiter; named: number; fields: number } = { delimiter: ",", named: -1, fields: -1 };
  for (const delimiter of DELIMITERS) {
    const rows = splitSample(sample, delimiter);
    const named = findHeaderRow(rows)?.mapping.columns.length ?? 0;
    const fields = delimiterCount(rows);
    if (named > best.named || (named === best.named && fields > best.fields)) best = { delimiter, named, fields };
  }
  return { delimiter: best.delimiter, eol };
}

import { fail, ok, type Assessment, type Result, type Thresholds } from "../core";
import { notAvailableIssue, valueIssue, type ArgumentIssue } from "./errors";
import { asMatrix, shownText, toCellRow } from "./excel-values";
import type { MappingCache } from "./mapping-cache";

/** Headers the error message offers as examples (a test checks that each maps to a criterion). */
export const EXAMPLE_HEADERS = ["Design status", "Material", "DFM review", "Supplier", "Quantity", "Goal"] as const;

const NO_HEADERS_HELP = `expected column headers such as ${EXAMPLE_HEADERS.join(", ")}; =READINESS_CRITERIA() lists them all`;

function foundHeaders(row: readonly unknown[]): string {
  const texts = row.map(shownText).filter((t) => t !== "");
  if (texts.length === 0) return "found only blank cells";
  const shown = texts.slice(0, 6).map((t) => `"${t.length > 30 ? `${t.slice(0, 27)}...` : t}"`);
  return `found ${shown.join(", ")}${texts.length > shown.length ? ", ..." : ""}`;
}

const isOmitted = (value: unknown): boolean => value === null || value === undefined;

/**
 * Assesses every part row of `criteria` and turns each assessment into an
 * output row at once (so that 100,000 assessments are never held together).
 * The header row is `headers` when given, else the first row of `criteria`.
 * One output row per part row, in order.
 */
export function assessParts<T>(
  criteria: unknown, headers: unknown, thresholds: Thresholds, cache: MappingCache, project: (a: Assessment) => T,
): Result<T[], ArgumentIssue> {
  const table = asMatrix(criteria);
  const first = table[0];
  if (first === undefined) return fail(valueIssue("criteria is empty: pass the part rows (a range or a table's data)."));
  const width = first.length;

  let headerRow: readonly unknown[];
  let rows: readonly (readonly unknown[])[];
  let where: string;
  if (isOmitted(headers)) {
    headerRow = first;
    rows = table.slice(1);
    where = "The first row of criteria (read as the header row because headers is omitted)";
  } else {
    const headerRows = asMatrix(headers);
    const only = headerRows[0];
    if (headerRows.length !== 1 || only === undefined) {
      return fail(valueIssue(`headers must be a single row, the header row above criteria (got ${headerRows.length} rows).`));
    }
    if (only.length !== width) {
      return fail(valueIssue(`headers has ${only.length} column${only.length === 1 ? "" : "s"} but criteria has ${width}: headers must be the header row of the same columns.`));
    }
    headerRow = only;
    rows = table;
    where = "headers";
  }

  const reader = cache.reader(headerRow, thresholds);
  if (reader.mapping.columns.length === 0) {
    return fail(valueIssue(`${where} names no criterion: ${NO_HEADERS_HELP}; ${foundHeaders(headerRow)}.`));
  }
  if (rows.length === 0) {
    return fail(notAvailableIssue("criteria holds only the header row: include the part rows below it, or pass the header row as headers."));
  }
  const out: T[] = [];
  for (const row of rows) out.push(project(reader.assess(toCellRow(row))));
  return ok(out);
}

import { fail, ok, type Assessment, type CellValue, type HeaderMapping, type Result, type Thresholds } from "../core";
import { notAvailableIssue, valueIssue, type ArgumentIssue } from "./errors";
import { asMatrix, shownText, toCellRow } from "./excel-values";
import { NO_KEYED_CHOICES, type KeyedChoices, type MappingCache } from "./mapping-cache";

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

/** The header row and the part rows of `criteria` and `headers`, checked. */
export interface PartTable {
  readonly headerRow: readonly unknown[];
  /** The part rows, as the core reads cells. */
  readonly rows: readonly (readonly CellValue[])[];
  /** How the header row is named in messages. */
  readonly where: string;
}

/**
 * Assesses every part row of `criteria` and turns each assessment into an
 * output row at once (so that 100,000 assessments are never held together).
 * The header row is `headers` when given, else the first row of `criteria`;
 * the part rows decide between two columns that claim one criterion, and the
 * user's `choices` win over any reading. One output row per part row, in order.
 */
export function assessParts<T>(
  criteria: unknown,
  headers: unknown,
  thresholds: Thresholds,
  cache: MappingCache,
  project: (a: Assessment) => T,
  choices: KeyedChoices = NO_KEYED_CHOICES,
): Result<T[], ArgumentIssue> {
  const table = partTable(criteria, headers);
  if (!table.ok) return table;
  const { headerRow, rows } = table.value;
  const reader = cache.reader(headerRow, thresholds, { sample: rows, choices });
  const unusable = tableIssue(table.value, reader.mapping);
  if (unusable) return fail(unusable);
  const out: T[] = [];
  for (const row of rows) out.push(project(reader.assess(row)));
  return ok(out);
}

/** Why a table cannot be assessed: its header row names no criterion (#VALUE!), or it has no part rows (#N/A). */
export function tableIssue(table: PartTable, mapping: HeaderMapping): ArgumentIssue | undefined {
  if (mapping.columns.length === 0) return valueIssue(`${table.where} names no criterion: ${NO_HEADERS_HELP}; ${foundHeaders(table.headerRow)}.`);
  if (table.rows.length === 0)
    return notAvailableIssue("criteria holds only the header row: include the part rows below it, or pass the header row as headers.");
  return undefined;
}

/** Splits `criteria` and `headers` into the header row and the part rows; #VALUE! for shapes that do not fit. */
export function partTable(criteria: unknown, headers: unknown): Result<PartTable, ArgumentIssue> {
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
      return fail(
        valueIssue(
          `headers has ${only.length} column${only.length === 1 ? "" : "s"} but criteria has ${width}: headers must be the header row of the same columns.`,
        ),
      );
    }
    headerRow = only;
    rows = table;
    where = "headers";
  }
  return ok({ headerRow, rows: rows.map(toCellRow), where });
}

/**
 * How a header row is read, for READINESS_COLUMNS: `headers` is one row;
 * `criteria`, when given, holds the part rows below it (same width), which
 * decide between two columns that claim one criterion.
 */
export function columnLines(headers: unknown, criteria: unknown, cache: MappingCache, choices: KeyedChoices): Result<HeaderMapping, ArgumentIssue> {
  const headerRows = asMatrix(headers);
  const headerRow = headerRows[0];
  if (headerRows.length !== 1 || headerRow === undefined) {
    return fail(
      valueIssue(`headers must be a single row, the header row of the list (got ${headerRows.length} rows); pass the part rows below it as criteria.`),
    );
  }
  if (headerRow.every((h) => shownText(h) === "")) {
    return fail(valueIssue("headers holds only blank cells: pass the header row of the list, e.g. Parts[#Headers] or $A$1:$P$1."));
  }
  let sample: readonly (readonly CellValue[])[] = [];
  if (!isOmitted(criteria)) {
    const table = asMatrix(criteria);
    const width = table[0]?.length ?? 0;
    if (table.length > 0 && width !== headerRow.length) {
      return fail(
        valueIssue(
          `criteria has ${width} column${width === 1 ? "" : "s"} but headers has ${headerRow.length}: criteria must be the part rows under the same columns.`,
        ),
      );
    }
    sample = table.map(toCellRow);
  }
  return ok(cache.mapping(headerRow, { sample, choices }));
}

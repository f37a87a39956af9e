import { RESULT_HEADERS, cellText, ok, type Result } from "../core";
import { sheetCell, sheetRect } from "./a1";
import { PAYLOAD_TARGET, REQUEST_OVERHEAD, planChunks, type OversizeRow } from "./chunks";
import { rowJsonSize } from "./payload";

/** Cells in the result area that hold something the pane did not write. */
export interface ForeignCells {
  readonly addresses: readonly string[];
  readonly count: number;
}

export const FOREIGN_LISTED = 5;

/** What Excel reports for the target cells: `formulas` (a formula's text, a constant, or "") and `values`. */
export interface TargetCells {
  readonly formulas: readonly (readonly unknown[])[];
  readonly values: readonly (readonly unknown[])[];
}

/**
 * Looks for non-empty cells in the result columns when no earlier run made
 * them: a cell with a formula or a constant, and also a cell filled by a
 * spilling formula whose anchor lies elsewhere, which has a value but no
 * formula of its own (writing into it would turn the anchor into #SPILL!).
 */
export function findForeignCells(
  target: TargetCells,
  at: { readonly sheet: string; readonly row: number; readonly column: number },
  found: ForeignCells = { addresses: [], count: 0 },
): ForeignCells {
  const addresses = [...found.addresses];
  let count = found.count;
  target.formulas.forEach((line, r) =>
    line.forEach((formula, c) => {
      if (cellText(formula) === "" && cellText(target.values[r]?.[c]) === "") return;
      count += 1;
      if (addresses.length < FOREIGN_LISTED) addresses.push(sheetCell(at.sheet, at.row + r, at.column + c));
    }),
  );
  return { addresses, count };
}

/**
 * Why nothing was written: the five result columns (a first run) or the Change
 * column (the first run that compares with an earlier one, `columns` 1) would
 * go over cells that hold data.
 */
export function foreignMessage(
  foreign: ForeignCells,
  target: { readonly sheet: string; readonly row: number; readonly column: number; readonly rows: number; readonly columns?: number },
): string {
  const more = foreign.count > foreign.addresses.length ? ` and ${foreign.count - foreign.addresses.length} more` : "";
  const columns = target.columns ?? RESULT_HEADERS.length;
  const area = sheetRect(target.sheet, { row: target.row, column: target.column, rows: target.rows, columns });
  const what = columns === RESULT_HEADERS.length ? "the results go" : "the Change column (what changed since the last run) goes";
  const room =
    columns === RESULT_HEADERS.length ? "insert five empty columns to the right of the list" : "insert an empty column to the right of the Missing column";
  return (
    `Nothing was written: ${what} to ${area}, but ${foreign.addresses.join(", ")}${more} already ${foreign.count === 1 ? "holds" : "hold"} data. ` +
    `Move or clear those cells (or ${room}), then classify again.`
  );
}

/** A row of cells to write: the result headers or a part's result cells. */
export type WriteRow = readonly (string | number)[];

/** One write request: rows starting at an absolute sheet row, five columns each (six with the Change column). */
export interface WriteBatch {
  readonly row: number;
  readonly values: readonly WriteRow[];
  /** Estimated size of the request that carries it. */
  readonly bytes: number;
}

/** Splits the header and result rows into batches whose requests stay under the payload target. */
export function planWrites(rows: readonly WriteRow[], firstRow: number, budget = PAYLOAD_TARGET): Result<readonly WriteBatch[], OversizeRow> {
  const sizes = rows.map((r) => rowJsonSize(r));
  const chunks = planChunks(sizes, budget, REQUEST_OVERHEAD);
  if (!chunks.ok) return chunks;
  return ok(chunks.value.map((c) => ({ row: firstRow + c.start, values: rows.slice(c.start, c.end), bytes: c.bytes })));
}

export function oversizeMessage(issue: OversizeRow, firstRow: number, sheet: string, column: number): string {
  return `The results of row ${firstRow + issue.row + 1} (${sheetCell(sheet, firstRow + issue.row, column)}) are too long to send to Excel in one request (${issue.bytes} bytes).`;
}

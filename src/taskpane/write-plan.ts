import { CHANGE_HEADER, RESULT_HEADERS, cellText, ok, type Result } from "../core";
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
 * The target cells' contents column by column: for each column (relative to
 * the target's first), the first FOREIGN_LISTED sheet rows that hold something
 * and how many do. A run decides which of the columns it writes only after
 * reading every row (Waived only if some part's waiver is justified, Change
 * only if the last run is recorded), so it keeps each column's findings apart.
 */
export interface ForeignScan {
  readonly columns: readonly { readonly rows: readonly number[]; readonly count: number }[];
}

export const NO_FOREIGN: ForeignScan = { columns: [] };

/** Adds a chunk of target cells (first sheet row `row`, 0-based) to a scan; the test is findForeignCells'. */
export function scanForeignCells(target: TargetCells, row: number, scan: ForeignScan = NO_FOREIGN): ForeignScan {
  const columns = scan.columns.map((c) => ({ rows: [...c.rows], count: c.count }));
  target.formulas.forEach((line, r) =>
    line.forEach((formula, c) => {
      if (cellText(formula) === "" && cellText(target.values[r]?.[c]) === "") return;
      while (columns.length <= c) columns.push({ rows: [], count: 0 });
      const column = columns[c] as { rows: number[]; count: number };
      column.count += 1;
      if (column.rows.length < FOREIGN_LISTED) column.rows.push(row + r);
    }),
  );
  return { columns };
}

/**
 * The foreign cells of a scan within its columns [first, end), as
 * findForeignCells lists them (the first five in row order, then by column,
 * and the count); `column` is the sheet column of the scan's first column.
 */
export function foreignWithin(scan: ForeignScan, at: { readonly sheet: string; readonly column: number }, first: number, end: number): ForeignCells {
  const cells: { row: number; column: number }[] = [];
  let count = 0;
  for (let c = Math.max(0, first); c < Math.min(end, scan.columns.length); c += 1) {
    const column = scan.columns[c];
    if (!column) continue;
    count += column.count;
    for (const row of column.rows) cells.push({ row, column: c });
  }
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  return { addresses: cells.slice(0, FOREIGN_LISTED).map((cell) => sheetCell(at.sheet, cell.row, at.column + cell.column)), count };
}

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const countWord = (n: number): string => NUMBER_WORDS[n] ?? String(n);

/** "Assembly stage, Limited by and Waived". */
function namesText(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
}

/**
 * Why nothing was written: the result columns of a first run (five, or more
 * with the gate-review columns), or the gate-review columns a later run adds
 * beside its earlier ones (`added`, right of the `after` column), would go over
 * cells that hold data.
 */
export function foreignMessage(
  foreign: ForeignCells,
  target: {
    readonly sheet: string;
    readonly row: number;
    readonly column: number;
    readonly rows: number;
    readonly columns?: number;
    /** The gate-review columns a later run adds; undefined on a first run (the results). */
    readonly added?: readonly string[];
    /** The header of the earlier run's last column. */
    readonly after?: string;
    /** The added columns go before some of the earlier run's (Assembly stage before Waived): the earlier ones move right into the area. */
    readonly shifted?: boolean;
  },
): string {
  const more = foreign.count > foreign.addresses.length ? ` and ${foreign.count - foreign.addresses.length} more` : "";
  const columns = target.columns ?? RESULT_HEADERS.length;
  const area = sheetRect(target.sheet, { row: target.row, column: target.column, rows: target.rows, columns });
  const added = target.added;
  const empty = columns === 1 ? "an empty column" : `${countWord(columns)} empty columns`;
  let what: string;
  let room: string;
  if (added === undefined) {
    what = "the results go";
    room = `insert ${empty} to the right of the list`;
  } else {
    const names =
      added.length === 1 && added[0] === CHANGE_HEADER
        ? "the Change column (what changed since the last run)"
        : `the ${namesText(added)} ${added.length === 1 ? "column" : "columns"}`;
    what = target.shifted
      ? `${names} ${added.length === 1 ? "is" : "are"} added, so the result columns now extend`
      : `${names} ${added.length === 1 ? "goes" : "go"}`;
    room = `insert ${empty} to the right of the ${target.after ?? RESULT_HEADERS[RESULT_HEADERS.length - 1]} column`;
  }
  return (
    `Nothing was written: ${what} to ${area}, but ${foreign.addresses.join(", ")}${more} already ${foreign.count === 1 ? "holds" : "hold"} data. ` +
    `Move or clear those cells (or ${room}), then classify again.`
  );
}

/** A row of cells to write: the result headers or a part's result cells. */
export type WriteRow = readonly (string | number)[];

/** One write request: rows starting at an absolute sheet row, the five result columns each and the gate-review columns of the run. */
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

import { fail, ok, type Result } from "../core";

/** Rows [start, end) sent in one request, and the estimated size of that request. */
export interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly bytes: number;
}

export interface OversizeRow {
  readonly row: number;
  readonly bytes: number;
}

/** Excel on the web refuses a request or response over 5 MB. */
export const PAYLOAD_LIMIT = 5_000_000;
/** What the pane aims for, leaving room for the parts of a request it does not count. */
export const PAYLOAD_TARGET = 4_000_000;
/** The JSON a request carries besides the values: action records, object paths, addresses. */
export const REQUEST_OVERHEAD = 2_000;

/**
 * Splits rows into consecutive chunks whose request (overhead plus the JSON
 * array of the rows) stays within the budget. Greedy, which for consecutive
 * chunks gives the fewest. Fails on a row that alone would not fit.
 */
export function planChunks(rowSizes: readonly number[], budget = PAYLOAD_TARGET, overhead = REQUEST_OVERHEAD): Result<readonly Chunk[], OversizeRow> {
  const chunks: Chunk[] = [];
  const empty = overhead + 2;
  let start = 0;
  let bytes = empty;
  for (let row = 0; row < rowSizes.length; row += 1) {
    const size = rowSizes[row] ?? 0;
    if (empty + size > budget) return fail({ row, bytes: empty + size });
    const added = (row > start ? 1 : 0) + size;
    if (bytes + added > budget) {
      chunks.push({ start, end: row, bytes });
      start = row;
      bytes = empty + size;
    } else bytes += added;
  }
  if (rowSizes.length > start) chunks.push({ start, end: rowSizes.length, bytes });
  return ok(chunks);
}

/**
 * Plans reads of a long list in consecutive row chunks before their size is
 * known. The first chunk is sized from a sample (the rows read to find the
 * header); every later one from the largest bytes-per-row of the chunks read so
 * far. The budget itself is the margin under Excel's limit (4 MB against 5 MB);
 * after a refused response the next try takes half as many rows.
 */
export class ReadPlanner {
  private done = 0;
  private rowBytes: number;
  private observed = 0;
  private pending: { readonly start: number; readonly rows: number } | undefined;

  constructor(
    readonly totalRows: number,
    sampleRowBytes: number,
    private readonly budget = PAYLOAD_TARGET,
    private readonly margin = 1,
  ) {
    this.rowBytes = Math.max(1, sampleRowBytes);
  }

  get rowsDone(): number {
    return this.done;
  }

  next(): { readonly start: number; readonly rows: number } | undefined {
    if (this.done >= this.totalRows) return undefined;
    if (this.pending) return this.pending;
    const fit = Math.floor((this.budget - REQUEST_OVERHEAD) / (this.rowBytes * this.margin));
    this.pending = { start: this.done, rows: Math.max(1, Math.min(this.totalRows - this.done, fit)) };
    return this.pending;
  }

  /** The pending chunk arrived with this many bytes. */
  accept(bytes: number): void {
    if (!this.pending) return;
    this.observed = Math.max(this.observed, bytes / this.pending.rows);
    this.rowBytes = Math.max(1, this.observed);
    this.done += this.pending.rows;
    this.pending = undefined;
  }

  /** The pending chunk was refused as too large; false when a single row is already too large. */
  shrink(): boolean {
    if (!this.pending || this.pending.rows <= 1) return false;
    this.pending = { start: this.pending.start, rows: Math.ceil(this.pending.rows / 2) };
    this.observed = Math.max(this.observed, (this.budget - REQUEST_OVERHEAD) / (this.pending.rows * this.margin));
    this.rowBytes = Math.max(this.rowBytes, this.observed);
    return true;
  }
}

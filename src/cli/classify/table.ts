/**
 * The classification of one table, whatever file it came from: choosing the
 * header row, where the result columns go, and each row's result, warnings and
 * summary. The readers and writers around it only move cells.
 */
import {
  CELL_NOTE_LIMIT,
  EXTRA_RESULT_HEADERS,
  HEADER_SAMPLE_ROWS,
  waivedText,
  NO_CHOICES,
  RESULT_HEADERS,
  cellText,
  columnLetters,
  extraResultHeaderCount,
  columnReport,
  quoteSheetName,
  fail,
  isBlankCell,
  findHeaderRow,
  formatCount,
  headerRowMiss,
  headerRowMissText,
  mapHeaders,
  ok,
  partLabel,
  resultCells,
  rowReader,
  summaryBuilder,
  type CellValue,
  type ColumnChoices,
  type Result,
  type RowReader,
  type SheetReading,
  type Thresholds,
} from "../../core";
import { cellNotes, partRecord } from "./record";
import type { CellSpot, ClassifiedRow, HeaderChoice, HeaderProblem, Note, RowOutcome, Tally } from "./types";

export type { CellSpot, HeaderChoice, HeaderProblem, Note, RowOutcome, Tally } from "./types";

/** Index just past the last non-blank cell. */
export function extent(row: readonly CellValue[] | undefined): number {
  if (row === undefined) return 0;
  for (let i = row.length - 1; i >= 0; i -= 1) if (!isBlankCell(row[i])) return i + 1;
  return 0;
}

/**
 * Where an earlier run's result headers start and how many there are, when the
 * header row ends with them: the five, then none or some of the core's gate
 * headers (EXTRA_RESULT_HEADERS, shared with the task pane) in their order.
 */
export function previousResults(header: readonly CellValue[]): { readonly start: number; readonly width: number } | undefined {
  const end = extent(header);
  for (let extra = 0; extra <= EXTRA_RESULT_HEADERS.length; extra += 1) {
    const start = end - RESULT_HEADERS.length - extra;
    if (start < 0) return undefined;
    if (!RESULT_HEADERS.every((h, i) => cellText(header[start + i]).trim() === h)) continue;
    const after: string[] = [];
    for (let c = start + RESULT_HEADERS.length; c < end; c += 1) after.push(cellText(header[c]).trim());
    if (extraResultHeaderCount(after) === after.length) return { start, width: end - start };
  }
  return undefined;
}

/** Where an earlier run's result headers start, when the header row ends with them. */
export function previousResultColumn(header: readonly CellValue[]): number | undefined {
  return previousResults(header)?.start;
}

const EXAMPLE_HEADERS = "Design, Material, Qty";

/**
 * The streaming and CSV paths read the core's HEADER_SAMPLE_ROWS rows past the
 * header before they choose it, so every path decides on the same rows.
 */
export { HEADER_SAMPLE_ROWS };

export interface HeaderOptions {
  /** 1-based header row the user gave, if any. */
  readonly headerRow?: number;
  readonly scan: number;
  /** Columns the sheet declares it uses (an .xlsx dimension), when known. */
  readonly declaredWidth?: number;
  /** How to name the sheet in messages: `sheet "Parts"`. */
  readonly where: string;
  /** The user's reading of columns (--map, --mapping). */
  readonly choices?: ColumnChoices;
}

/** How many rows a reader must have in hand before it chooses the header: the scanned rows (or up to --header-row) and the sample under them. */
export function headerRowsNeeded(headerRow: number | undefined, scan: number): number {
  return (headerRow ?? scan) + HEADER_SAMPLE_ROWS;
}

/**
 * Chooses the header row among `rows` (index = row number - 1; every row the
 * caller has seen so far) and where the results go: right of everything seen,
 * or over an earlier run's result columns. The user's choices and the rows
 * under the header (up to HEADER_SAMPLE_ROWS of those in hand) go to the core,
 * so that values decide between two columns of one criterion.
 */
export function chooseHeader(rows: readonly (readonly CellValue[])[], options: HeaderOptions): Result<HeaderChoice, HeaderProblem> {
  const choices = options.choices ?? NO_CHOICES;
  let index: number;
  let found: HeaderChoice["found"];
  if (options.headerRow !== undefined) {
    index = options.headerRow - 1;
    found = "option";
    if (extent(rows[index]) === 0) {
      return fail({
        code: "bad-header-row",
        message: `row ${options.headerRow} of ${options.where} is ${index >= rows.length ? "past the end of the sheet" : "empty"}; expected a header row with names such as ${EXAMPLE_HEADERS} (see part-readiness criteria)`,
      });
    }
  } else {
    const seen = rows.slice(0, options.scan + HEADER_SAMPLE_ROWS).map((r) => r.slice(0, previousResultColumn(r) ?? r.length));
    const header = findHeaderRow(seen, options.scan, choices);
    if (header === undefined) {
      const miss = headerRowMiss(seen, options.scan, choices);
      const why = miss === undefined ? "" : `: ${headerRowMissText(miss, (i) => `row ${i + 1}`)}`;
      const expected = miss?.kind === "no-part-rows" ? "" : `; expected headers such as ${EXAMPLE_HEADERS} (see part-readiness criteria)`;
      return fail({ code: "no-header-row", message: `no header row found in the first ${options.scan} rows of ${options.where}${why}${expected}` });
    }
    index = header.index;
    found = "auto";
  }
  const row = rows[index] ?? [];
  const earlier = previousResults(row);
  const previous = earlier?.start;
  const mapping = mapHeaders(row.slice(0, previous ?? extent(row)), { choices, sample: rows.slice(index + 1, index + 1 + HEADER_SAMPLE_ROWS) });
  if (mapping.columns.length === 0) {
    return fail({
      code: "bad-header-row",
      message: `row ${index + 1} of ${options.where} names no criterion; expected headers such as ${EXAMPLE_HEADERS} (see part-readiness criteria)`,
    });
  }
  if (earlier !== undefined) return ok({ rowNumber: index + 1, mapping, resultColumn: earlier.start, rewrite: true, previousWidth: earlier.width, found });
  let width = Math.max(extent(row), options.declaredWidth ?? 0);
  for (const r of rows) width = Math.max(width, extent(r));
  return ok({ rowNumber: index + 1, mapping, resultColumn: width, rewrite: false, found });
}

/** Classifies the rows under a chosen header and keeps the counts and notes. */
export class TableClassifier {
  private readonly reader: RowReader;
  private readonly builder = summaryBuilder();
  private readonly notes: Note[] = [];
  private readonly cells: CellSpot[] = [];
  private cellProblems = 0;
  private partWarnings = 0;
  private displacedRows = 0;
  private firstDisplacedRow: number | undefined;
  private readonly ref: string;

  constructor(
    readonly sheetName: string,
    readonly header: HeaderChoice,
    thresholds: Thresholds,
    private readonly maxNotes: number,
  ) {
    this.reader = rowReader(header.mapping, thresholds);
    this.ref = quoteSheetName(sheetName);
  }

  /** The data part of a row: everything left of the result columns. */
  dataBlank(values: readonly CellValue[]): boolean {
    const end = Math.min(values.length, this.header.resultColumn);
    for (let i = 0; i < end; i += 1) if (!isBlankCell(values[i])) return false;
    return true;
  }

  /** Notes a row that has user cells where the results go; the caller moves them right. */
  displaced(rowNumber: number): void {
    this.displacedRows += 1;
    this.firstDisplacedRow ??= rowNumber;
  }

  cellRef(column: number, rowNumber: number): string {
    return `${this.ref}!${columnLetters(column)}${rowNumber}`;
  }

  classify(rowNumber: number, values: readonly CellValue[]): RowOutcome {
    if (this.dataBlank(values)) return { kind: "blank" };
    const assessment = this.reader.assess(values);
    this.builder.add(assessment);
    const label = partLabel(values, this.header.mapping);
    for (const issue of assessment.issues) {
      this.cellProblems += 1;
      const keepNote = this.notes.length < this.maxNotes;
      if (!keepNote && this.cells.length >= CELL_NOTE_LIMIT) continue;
      const column = this.header.mapping.byCriterion[issue.criterion]?.column ?? 0;
      if (keepNote) this.notes.push({ kind: "cell", text: `${this.cellRef(column, rowNumber)}: ${issue.message}` });
      if (this.cells.length < CELL_NOTE_LIMIT) this.cells.push({ column, row: rowNumber, value: issue.text, message: issue.message });
    }
    for (const warning of assessment.warnings) {
      this.partWarnings += 1;
      if (this.notes.length < this.maxNotes)
        this.notes.push({ kind: "part", text: `${this.ref} row ${rowNumber}${label === "" ? "" : ` (${label})`}: ${warning.message}` });
    }
    return { kind: "part", assessment, cells: resultCells(assessment), label };
  }

  /** Classifies a row and keeps what the outputs need; `json` adds the part's JSON text. */
  result(rowNumber: number, values: readonly CellValue[], json: boolean): ClassifiedRow {
    const outcome = this.classify(rowNumber, values);
    if (outcome.kind === "blank") return outcome;
    const waived = outcome.assessment.waived.length > 0 ? waivedText(outcome.assessment) : undefined;
    const base = {
      kind: "part" as const,
      cells: outcome.cells,
      stage: outcome.assessment.stage,
      label: outcome.label,
      ...(waived === undefined ? {} : { waived }),
    };
    return json
      ? {
          ...base,
          json: JSON.stringify(partRecord(rowNumber, outcome.label, outcome.assessment, (column, row) => this.cellRef(column, row), this.header.mapping)),
        }
      : base;
  }

  tally(): Tally {
    return {
      summary: this.builder.result(),
      notes: this.notes,
      cells: this.cells,
      cellProblems: this.cellProblems,
      partWarnings: this.partWarnings,
      displacedRows: this.displacedRows,
      firstDisplacedRow: this.firstDisplacedRow,
    };
  }
}

/** How the sheet was read, for the summary sheet: every column, and the first cells not understood with their total. */
export function sheetReading(header: HeaderChoice, tally: Tally, sheetName: string): SheetReading {
  return { columns: columnReport(header.mapping, 0), cells: cellNotes(tally, sheetName), cellTotal: tally.cellProblems };
}

/** A tally from another thread's classifier, with the rows this thread moved aside. */
export function withDisplaced(tally: Tally, local: Tally): Tally {
  return { ...tally, displacedRows: tally.displacedRows + local.displacedRows, firstDisplacedRow: tally.firstDisplacedRow ?? local.firstDisplacedRow };
}

export function countText(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

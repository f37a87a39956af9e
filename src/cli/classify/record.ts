import { columnLetters, columnReport, quoteSheetName, type Assessment, type CellNote, type HeaderMapping, type Stage } from "../../core";
import type { HeaderChoice, Tally } from "./types";

/** A cell's address in a sheet: `Parts!D7`, `'Bill of parts'!D7`. */
export function cellAddress(sheetName: string, column: number, row: number): string {
  return `${quoteSheetName(sheetName)}!${columnLetters(column)}${row}`;
}

/** The cells not understood as the summary sheet and the JSON list them, named in `sheetName`. */
export function cellNotes(tally: Tally, sheetName: string): CellNote[] {
  return tally.cells.map((c) => ({ cell: cellAddress(sheetName, c.column, c.row), value: c.value, message: c.message }));
}

/** One part as --format json writes it. */
export interface PartRecord {
  readonly row: number;
  readonly part: string;
  readonly stage: string | null;
  readonly stageName: string;
  /** 0-49 prototyping, 50-99 low-volume, 100 mass production; sorts by stage. */
  readonly score: number | null;
  /** Share of the next gate satisfied, 0-100 (100 in mass production). */
  readonly progress: number | null;
  readonly nextStep: string;
  readonly blockers: readonly { readonly criterion: string; readonly reason: string }[];
  readonly missing: readonly { readonly criterion: string; readonly provide: string }[];
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
  readonly issues: readonly { readonly cell: string; readonly criterion: string; readonly code: string; readonly value: string; readonly message: string }[];
  /** Criteria counted as met because they are waived, with the cell's text and the written justification. */
  readonly waived: readonly { readonly criterion: string; readonly text: string; readonly justification: string }[];
  /** The row's evidence cells: the criterion, the cell's text, its column's header and whether it is a safe link (https, file) or text. */
  readonly evidence: readonly { readonly criterion: string; readonly text: string; readonly header: string; readonly link: string }[];
  /** Criteria met (not by a waiver) without evidence, when the sheet has evidence columns. */
  readonly metWithoutEvidence: readonly string[];
}

/** `cellRef` names a cell of the classified table (0-based column, 1-based row). */
export function partRecord(
  rowNumber: number,
  label: string,
  a: Assessment,
  cellRef: (column: number, row: number) => string,
  mapping: HeaderMapping,
): PartRecord {
  return {
    row: rowNumber,
    part: label,
    stage: a.stage,
    stageName: a.stageName,
    score: a.score,
    progress: a.progress,
    nextStep: a.nextStep,
    blockers: a.blockers.map((b) => ({ criterion: b.criterion, reason: b.reason })),
    missing: a.missing.map((m) => ({ criterion: m.criterion, provide: m.provide })),
    warnings: a.warnings.map((w) => ({ code: w.code, message: w.message })),
    issues: a.issues.map((i) => ({
      cell: cellRef(mapping.byCriterion[i.criterion]?.column ?? 0, rowNumber),
      criterion: i.criterion,
      code: i.code,
      value: i.text,
      message: i.message,
    })),
    waived: a.waived.map((w) => ({ criterion: w.criterion, text: w.text, justification: w.justification })),
    evidence: a.evidence.map((e) => ({ criterion: e.criterion, text: e.text, header: e.header, link: e.link })),
    metWithoutEvidence: a.metWithoutEvidence,
  };
}

/** How one column was read, in the JSON summary. */
export interface ColumnRecord {
  /** Column letters. */
  readonly column: string;
  readonly header: string;
  /** The criterion id, or null when the column is not read. */
  readonly criterion: string | null;
  readonly readAs: string;
  readonly how: string;
}

/** The last element of --format json's array: the run's counts, how every column was read and the cells not understood. */
export interface SummaryRecord {
  readonly summary: {
    readonly sheet: string;
    readonly headerRow: number;
    readonly parts: number;
    readonly byStage: Readonly<Record<Stage, number>>;
    /** Rows with cells but no criterion cell filled in (no stage). */
    readonly noCriteriaFilled: number;
    readonly warnings: number;
    readonly topBlockers: readonly { readonly criterion: string; readonly label: string; readonly count: number }[];
    readonly topMissing: readonly { readonly criterion: string; readonly label: string; readonly count: number }[];
    readonly columns: readonly ColumnRecord[];
    /** The first CELL_NOTE_LIMIT (1,000) cells not understood, and how many there are in all. */
    readonly cellsNotUnderstood: { readonly total: number; readonly cells: readonly CellNote[] };
  };
}

export function summaryRecord(sheetName: string, header: HeaderChoice, tally: Tally): SummaryRecord {
  const s = tally.summary;
  return {
    summary: {
      sheet: sheetName,
      headerRow: header.rowNumber,
      parts: s.parts,
      byStage: s.byStage,
      noCriteriaFilled: s.unclassified,
      warnings: s.warnings,
      topBlockers: s.topBlockers.map((b) => ({ criterion: b.criterion, label: b.label, count: b.count })),
      topMissing: s.topMissing.map((b) => ({ criterion: b.criterion, label: b.label, count: b.count })),
      columns: columnReport(header.mapping, 0).map((l) => ({ column: l.letter, header: l.header, criterion: l.criterion, readAs: l.readAs, how: l.how })),
      cellsNotUnderstood: { total: tally.cellProblems, cells: cellNotes(tally, sheetName) },
    },
  };
}

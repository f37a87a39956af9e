/** The types the classify modules share: a header choice, a row's outcome and result, the tally. */
import type { Assessment, HeaderMapping, ResultCells, Stage, Summary } from "../../core";

export interface HeaderChoice {
  /** 1-based row of the header. */
  readonly rowNumber: number;
  readonly mapping: HeaderMapping;
  /** 0-based column where "Stage" goes; the other four follow. */
  readonly resultColumn: number;
  /** The header row already ends with the five result headers from an earlier run: they are rewritten in place. */
  readonly rewrite: boolean;
  /** When rewriting: how many result columns the earlier run wrote (the five, then any of Assembly stage, Limited by, Waived, Change). */
  readonly previousWidth?: number;
  readonly found: "auto" | "option";
}

export interface HeaderProblem {
  readonly code: "no-header-row" | "bad-header-row";
  readonly message: string;
}

export type RowOutcome =
  { readonly kind: "blank" } | { readonly kind: "part"; readonly assessment: Assessment; readonly cells: ResultCells; readonly label: string };

export interface Note {
  readonly kind: "cell" | "part";
  readonly text: string;
}

/** A cell not understood, by position (the sheet is named when it is shown: a CSV's cells are in another sheet once written as a workbook). */
export interface CellSpot {
  /** 0-based column and 1-based row. */
  readonly column: number;
  readonly row: number;
  /** The cell's text. */
  readonly value: string;
  readonly message: string;
}

export interface Tally {
  readonly summary: Summary;
  /** The first notes, at most the limit. */
  readonly notes: readonly Note[];
  /** The first CELL_NOTE_LIMIT cells not understood (`cellProblems` counts them all). */
  readonly cells: readonly CellSpot[];
  readonly cellProblems: number;
  readonly partWarnings: number;
  /** Rows with cells where the results go (only when the sheet's width was not known in advance). */
  readonly displacedRows: number;
  readonly firstDisplacedRow: number | undefined;
}

export type RowRole = "above" | "header" | "data";

/** A part row's result as the outputs need it (plain data, so it can come from a worker thread). */
export type ClassifiedRow =
  | { readonly kind: "blank" }
  | {
      readonly kind: "part";
      readonly cells: ResultCells;
      readonly stage: Stage | null;
      readonly label: string;
      readonly json?: string;
      readonly waived?: string;
    };

/** A classified row, or (from a worker, for a CSV output) the five result fields already as CSV text. */
export type RowResult = ClassifiedRow | { readonly kind: "csv"; readonly text: string };

import type { CellValue, Thresholds } from "../../core";
import type { Progress } from "../progress";
import type { HeaderChoice, RowOutcome, TableClassifier, Tally } from "./table";

/** What the user asked classify to do, resolved and checked. */
export interface ClassifyJob {
  /** Absolute path of the input, and how to name it in messages. */
  readonly input: string;
  readonly inputShown: string;
  readonly sheet: string | undefined;
  readonly headerRow: number | undefined;
  readonly thresholds: Thresholds;
  readonly maxNotes: number;
  readonly progress: Progress;
}

export type RowRole = "above" | "header" | "data";

/** Receives every row of the classified sheet in order (CSV and JSON outputs). */
export interface TableOutput {
  /** The table classifier knows the sheet, the header choice and where the results go. */
  begin(table: TableClassifier): Promise<void>;
  row(rowNumber: number, values: readonly CellValue[], role: RowRole, outcome: RowOutcome | undefined): Promise<void>;
  finish(): Promise<void>;
  /** Stops after a failure: closes files without finishing them. */
  abort(): Promise<void>;
}

/** What a finished classification reports. */
export interface ClassifyReport {
  readonly sheetName: string;
  readonly header: HeaderChoice;
  readonly tally: Tally;
  /** Rows read from the classified sheet. */
  readonly rows: number;
  readonly path: "whole-workbook" | "streaming" | "csv";
  /** For a CSV input: what was detected. */
  readonly csv?: { readonly delimiter: string; readonly encoding: string };
}

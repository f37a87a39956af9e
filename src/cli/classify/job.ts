import type { CellValue, Thresholds } from "../../core";
import type { Gate } from "../gate/gate";
import type { Progress } from "../progress";
import type { UserMapping } from "./mapping";
import type { TableClassifier } from "./table";
import type { HeaderChoice, RowResult, RowRole, Tally } from "./types";

export type { ClassifiedRow, RowResult, RowRole } from "./types";

/** What the user asked classify to do, resolved and checked. */
export interface ClassifyJob {
  /** Absolute path of the input, and how to name it in messages. */
  readonly input: string;
  readonly inputShown: string;
  readonly sheet: string | undefined;
  readonly headerRow: number | undefined;
  readonly thresholds: Thresholds;
  /** The user's reading of columns (--map, --mapping). */
  readonly mapping: UserMapping;
  readonly maxNotes: number;
  readonly progress: Progress;
  /** The gate-review columns after the results (assemblies, waivers, --compare): a first pass fills it when the table needs it. */
  readonly gate?: Gate;
}

/** Receives every row of the classified sheet in order (CSV and JSON outputs). */
export interface TableOutput {
  /** Part results must carry their JSON text. */
  readonly needsJson: boolean;
  /** The table classifier knows the sheet, the header choice and where the results go. */
  begin(table: TableClassifier): Promise<void>;
  /** `raw` is the record's original text (with its line end) when the input is CSV. */
  row(rowNumber: number, values: readonly CellValue[], role: RowRole, result: RowResult | undefined, raw?: string): void | Promise<void>;
  /** After the last row, with the counts and notes of every row (from whichever thread classified them). */
  finish(tally: Tally): Promise<void>;
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
  readonly path: "package" | "csv";
  /** For a CSV input: what was detected. */
  readonly csv?: { readonly delimiter: string; readonly encoding: string };
}

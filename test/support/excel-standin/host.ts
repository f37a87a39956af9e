/* What every request context of one stand-in shares: the workbook, the statistics, the event handlers. */
import type { RequestContext, RequestRecord } from "./context";
import type { WorkbookModel } from "./model";

export interface WriteRecord {
  readonly sheet: string;
  /** Local address, e.g. "Q2:U5001". */
  readonly address: string;
  readonly kind: "values" | "formulas" | "format" | "conditionalFormat" | "dataValidation" | "clear" | "chart" | "table" | "freeze";
}

export interface StandInStats {
  /** Every call of context.sync(), including empty ones and the one Excel.run makes at the end. */
  syncCalls: number;
  /** Round trips that carried actions. */
  readonly requests: RequestRecord[];
  readonly writes: WriteRecord[];
  /** Errors thrown or rejected by the add-in's event handlers. */
  readonly handlerErrors: unknown[];
}

export type EventSource =
  "workbook.selectionChanged" | "worksheets.selectionChanged" | "worksheets.changed" | `sheet.selectionChanged:${string}` | `sheet.changed:${string}`;

export type Handler = (args: unknown) => unknown;

export interface Host {
  readonly book: WorkbookModel;
  readonly stats: StandInStats;
  readonly limits: { payloadBytes: number; readCells: number };
  /** The highest ExcelApi requirement set the host claims, e.g. "1.9". */
  readonly excelApi: string;
  makeWorkbook(context: RequestContext): unknown;
  roundTrip(): Promise<void>;
  addHandler(source: EventSource, handler: Handler): void;
  removeHandler(source: EventSource, handler: Handler): void;
  /** Queues an event raised by a request; delivered after the request finishes. */
  raise(source: EventSource, args: unknown): void;
  flushEvents(): void;
}

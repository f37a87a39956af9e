/**
 * The one classify loop, whatever the file: a row source gives the rows in
 * order, the header is chosen on the first of them, the rows under it are
 * classified in batches (in a worker thread for big inputs) and handed with
 * their results, in order, to a sink that writes them.
 */
import type { CellValue, Thresholds } from "../../core";
import { HEADER_SCAN_ROWS } from "../commands";
import { fileError } from "../errors";
import { BatchPipeline, workerAvailable, workerClassifier, type BatchClassifier, type ClassifierSetup } from "./batch";
import type { UserMapping } from "./mapping";
import { chooseHeader, headerRowsNeeded, TableClassifier, withDisplaced } from "./table";
import type { HeaderChoice, RowResult, RowRole, Tally } from "./types";

export interface SourceRow {
  /** 1-based; rows may skip numbers (absent rows are empty). */
  readonly number: number;
  readonly values: readonly CellValue[];
}

export interface RowSource<R extends SourceRow> {
  /** The table's name in cell references. */
  readonly sheetName: string;
  /** How messages name the table: `sheet "Parts"`, `file parts.csv`. */
  readonly where: string;
  /** Columns the table is known to use beyond the rows the header is chosen on. */
  readonly declaredWidth?: number;
  rows(): AsyncIterable<R>;
  /** The same rows a batch at a time, when the source has them so (one await per batch instead of per row). */
  batches?(): AsyncIterable<readonly R[]>;
}

export interface RowSink<R extends SourceRow> {
  begin(table: TableClassifier): Promise<void>;
  row(row: R, role: RowRole, result: RowResult | undefined): void | Promise<void>;
  /** After the last row, with the counts and notes of every row. */
  finish(tally: Tally): Promise<void>;
}

export interface DriverSettings {
  readonly inputShown: string;
  readonly headerRow: number | undefined;
  readonly thresholds: Thresholds;
  readonly mapping: UserMapping;
  readonly maxNotes: number;
  /** Part results carry their JSON text. */
  readonly json: boolean;
  /** A worker thread classifies (when one is available). */
  readonly worker: boolean;
  /** Runs once the header is chosen, before any row is classified (the gate columns' first pass). */
  readonly prepare?: (header: HeaderChoice) => Promise<void>;
  /** For a CSV output of a CSV input: the delimiter in which the worker sends the five result fields as CSV text (asked after prepare). */
  readonly csvDelimiter?: () => string | undefined;
  /** Called once per row written. */
  readonly tick: () => void;
}

export interface Classified {
  readonly header: HeaderChoice;
  readonly tally: Tally;
  readonly rows: number;
}

export function roleOf(number: number, header: HeaderChoice): RowRole {
  return number < header.rowNumber ? "above" : number === header.rowNumber ? "header" : "data";
}

export async function classify<R extends SourceRow>(source: RowSource<R>, sink: RowSink<R>, settings: DriverSettings): Promise<Classified> {
  const limit = headerRowsNeeded(settings.headerRow, HEADER_SCAN_ROWS);
  const buffered: R[] = [];
  let header: HeaderChoice | undefined;
  let table: TableClassifier | undefined;
  let classifier: BatchClassifier | undefined;
  let pipeline: BatchPipeline<R & { readonly data: boolean }> | undefined;
  let rows = 0;

  const decide = async (): Promise<void> => {
    const grid: (readonly CellValue[])[] = [];
    for (const row of buffered) grid[row.number - 1] = row.values;
    for (let i = 0; i < grid.length; i += 1) grid[i] ??= [];
    const choice = chooseHeader(grid, {
      headerRow: settings.headerRow,
      scan: HEADER_SCAN_ROWS,
      declaredWidth: source.declaredWidth,
      where: source.where,
      choices: settings.mapping.choices,
    });
    if (!choice.ok) throw fileError(choice.issue.code, settings.inputShown, choice.issue.message);
    const chosen = choice.value;
    header = chosen;
    await settings.prepare?.(chosen);
    const csvDelimiter = settings.csvDelimiter?.();
    const setup: ClassifierSetup = {
      sheetName: source.sheetName,
      header: chosen,
      thresholds: settings.thresholds,
      maxNotes: settings.maxNotes,
      json: settings.json,
      ...(csvDelimiter === undefined ? {} : { csvDelimiter }),
    };
    table = new TableClassifier(source.sheetName, chosen, settings.thresholds, settings.maxNotes);
    if (settings.worker && workerAvailable()) {
      classifier = workerClassifier(setup);
      pipeline = new BatchPipeline<R & { readonly data: boolean }>(classifier, (row, result) => {
        rows += 1;
        settings.tick();
        return sink.row(row, roleOf(row.number, chosen), result);
      });
    }
    await sink.begin(table);
    for (const row of buffered.splice(0)) await add(row);
  };

  /** Queues a row for the worker, or (in this thread) classifies and writes it at once, so that no row outlives a young-generation collection. */
  const add = (row: R): void | Promise<void> => {
    const role = roleOf(row.number, header as HeaderChoice);
    if (pipeline !== undefined) return pipeline.add({ ...row, data: role === "data" });
    rows += 1;
    settings.tick();
    return sink.row(row, role, role === "data" ? (table as TableClassifier).result(row.number, row.values, settings.json) : undefined);
  };

  try {
    const take = async (row: R): Promise<void> => {
      if (header === undefined) {
        buffered.push(row);
        if (row.number >= limit) await decide();
      } else {
        const waiting = add(row);
        if (waiting !== undefined) await waiting;
      }
    };
    if (source.batches !== undefined) {
      for await (const batch of source.batches()) {
        for (const row of batch) {
          if (header === undefined) await take(row);
          else {
            const waiting = add(row);
            if (waiting !== undefined) await waiting;
          }
        }
      }
    } else for await (const row of source.rows()) await take(row);
    if (header === undefined) await decide();
    await pipeline?.drain();
    const local = (table as TableClassifier).tally();
    const tally = classifier === undefined ? local : withDisplaced(await classifier.finish(), local);
    await sink.finish(tally);
    return { header: header as HeaderChoice, tally, rows };
  } catch (error) {
    await classifier?.close();
    throw error;
  }
}

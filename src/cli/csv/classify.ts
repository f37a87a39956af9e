/**
 * The CSV path: bytes -> UTF-8 -> csv-parse -> classification -> an output,
 * one record at a time. A large file's rows are classified in batches by a
 * worker thread while this thread goes on parsing and writing.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { BatchPipeline, localClassifier, workerAvailable, workerClassifier, type BatchClassifier, type QueuedRow } from "../classify/batch";
import type { ClassifyJob, ClassifyReport, RowResult, RowRole, TableOutput } from "../classify/job";
import { chooseHeader, headerRowsNeeded, TableClassifier, withDisplaced, type HeaderChoice } from "../classify/table";
import { HEADER_SCAN_ROWS } from "../commands";
import { fileError } from "../errors";
import { readProblem } from "../input/sniff";
import { detectDialect, type Dialect } from "./dialect";
import { detectEncoding, sampleText, type DetectedEncoding } from "./encoding";
import { csvRecordBatches } from "./records";

export interface CsvFormat {
  readonly dialect: Dialect;
  readonly encoding: DetectedEncoding;
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

/** Below this size a worker thread's start costs more than it saves. */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024;

export function describeCsv(format: CsvFormat): { delimiter: string; encoding: string } {
  const encoding = format.encoding.encoding === "windows-1252" ? "Windows-1252 (not valid UTF-8)" : format.encoding.encoding.toUpperCase();
  return { delimiter: DELIMITER_NAMES[format.dialect.delimiter] ?? format.dialect.delimiter, encoding: `${encoding}${format.encoding.bom > 0 ? " with byte-order mark" : ""}` };
}

export async function readCsvFormat(job: ClassifyJob): Promise<CsvFormat> {
  try {
    const encoding = await detectEncoding(job.input);
    const dialect = detectDialect(await sampleText(job.input, encoding));
    return { dialect, encoding };
  } catch (error) {
    throw readProblem(error, job.inputShown);
  }
}

function csvProblem(job: ClassifyJob, error: unknown): Error {
  if (error instanceof Error && error.name === "CliError") return error;
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === "string" && code.startsWith("CSV_")) {
    const message = error instanceof Error ? error.message : String(error);
    return fileError("corrupt", job.inputShown, `is not valid CSV: ${message.replace(/\s+/gu, " ").slice(0, 160)}`);
  }
  return readProblem(error, job.inputShown);
}

/** The name a CSV's table goes by in cell references: the file name. */
export function csvSheetName(file: string): string {
  return path.basename(file);
}

export interface CsvOptions {
  /** Hand each record's original text to the output (a CSV output keeps it as it was). */
  readonly keepRaw: boolean;
  /** Results carry their JSON text. */
  readonly json: boolean;
}

/** The file's records again, numbered from 1, for a first pass. */
async function* csvRows(job: ClassifyJob, format: CsvFormat): AsyncGenerator<{ number: number; values: readonly string[] }> {
  let number = 0;
  for await (const batch of csvRecordBatches({ file: job.input, encoding: format.encoding.encoding, bom: format.encoding.bom, delimiter: format.dialect.delimiter, keepRaw: false })) {
    for (const { record } of batch) {
      number += 1;
      yield { number, values: record };
    }
  }
}

export async function classifyCsv(job: ClassifyJob, format: CsvFormat, output: TableOutput, options: CsvOptions): Promise<ClassifyReport> {
  const sheetName = csvSheetName(job.input);
  const where = `file ${path.basename(job.input)}`;
  const size = (await stat(job.input)).size;
  const batches = csvRecordBatches({ file: job.input, encoding: format.encoding.encoding, bom: format.encoding.bom, delimiter: format.dialect.delimiter, keepRaw: options.keepRaw });
  // The header is chosen on the records read so far: the scanned ones (or up to --header-row) and those under them that may decide between two columns.
  const limit = headerRowsNeeded(job.headerRow, HEADER_SCAN_ROWS);
  type Queued = QueuedRow & { readonly record: string[]; readonly raw: string | undefined };
  const buffered: { number: number; record: string[]; raw: string | undefined }[] = [];
  let header: HeaderChoice | undefined;
  let table: TableClassifier | undefined;
  let classifier: BatchClassifier | undefined;
  let pipeline: BatchPipeline<Queued> | undefined;
  let rows = 0;

  const roleOf = (number: number, choice: HeaderChoice): RowRole => (number < choice.rowNumber ? "above" : number === choice.rowNumber ? "header" : "data");

  const write = (row: Queued, result: RowResult | undefined): void | Promise<void> => {
    rows += 1;
    job.progress.tick();
    return output.row(row.number, row.record, roleOf(row.number, header as HeaderChoice), result, row.raw);
  };

  /** Queues a row; returns a promise only when the caller must wait for room. */
  const add = (row: { number: number; record: string[]; raw: string | undefined }): void | Promise<void> =>
    pipeline?.add({ number: row.number, record: row.record, raw: row.raw, values: row.record, data: roleOf(row.number, header as HeaderChoice) === "data" });

  const decide = async (): Promise<void> => {
    const choice = chooseHeader(buffered.map((r) => r.record), { headerRow: job.headerRow, scan: HEADER_SCAN_ROWS, where, choices: job.mapping.choices });
    if (!choice.ok) throw fileError(choice.issue.code, job.inputShown, choice.issue.message);
    header = choice.value;
    // The gate columns need the whole table: a first pass over the file's records (see gate/gate.ts).
    await job.gate?.prepare(header, sheetName, job.thresholds, csvRows(job, format));
    const fast = options.keepRaw && (job.gate?.width ?? 0) === 0;
    const setup = { sheetName, header, thresholds: job.thresholds, maxNotes: job.maxNotes, json: options.json, ...(fast ? { csvDelimiter: format.dialect.delimiter } : {}) };
    table = new TableClassifier(sheetName, header, job.thresholds, job.maxNotes);
    classifier = size >= WORKER_MIN_BYTES && workerAvailable() ? workerClassifier(setup) : localClassifier(setup);
    pipeline = new BatchPipeline<Queued>(classifier, write);
    await output.begin(table);
    const early = buffered.splice(0);
    for (const row of early) await add(row);
  };

  try {
    let number = 0;
    for await (const batch of batches) {
      for (const { record, raw } of batch) {
        number += 1;
        if (header === undefined) {
          buffered.push({ number, record, raw });
          if (number >= limit) await decide();
        } else {
          const waiting = add({ number, record, raw });
          if (waiting !== undefined) await waiting;
        }
      }
    }
    if (header === undefined) await decide();
    await pipeline?.drain();
    const tally = withDisplaced(await (classifier as BatchClassifier).finish(), (table as TableClassifier).tally());
    await output.finish(tally);
    return { sheetName, header: header as HeaderChoice, tally, rows, path: "csv", csv: describeCsv(format) };
  } catch (error) {
    await batches.return(undefined);
    await classifier?.close();
    throw csvProblem(job, error);
  }
}

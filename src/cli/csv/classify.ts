/**
 * The CSV input: bytes -> UTF-8 -> csv-parse, one record at a time, as a row
 * source for the classify driver (classify/driver.ts); a large file's rows are
 * classified by a worker thread while this thread goes on parsing and writing.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { classify, type RowSink, type RowSource, type SourceRow } from "../classify/driver";
import type { ClassifyJob, ClassifyReport, TableOutput } from "../classify/job";
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
  return {
    delimiter: DELIMITER_NAMES[format.dialect.delimiter] ?? format.dialect.delimiter,
    encoding: `${encoding}${format.encoding.bom > 0 ? " with byte-order mark" : ""}`,
  };
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
  for await (const batch of csvRecordBatches({
    file: job.input,
    encoding: format.encoding.encoding,
    bom: format.encoding.bom,
    delimiter: format.dialect.delimiter,
    keepRaw: false,
  })) {
    for (const { record } of batch) {
      number += 1;
      yield { number, values: record };
    }
  }
}

interface CsvRow extends SourceRow {
  readonly raw: string | undefined;
}

export async function classifyCsv(job: ClassifyJob, format: CsvFormat, output: TableOutput, options: CsvOptions): Promise<ClassifyReport> {
  const sheetName = csvSheetName(job.input);
  const size = (await stat(job.input)).size;
  const batches = csvRecordBatches({
    file: job.input,
    encoding: format.encoding.encoding,
    bom: format.encoding.bom,
    delimiter: format.dialect.delimiter,
    keepRaw: options.keepRaw,
  });
  let number = 0;
  const numbered = async function* (): AsyncGenerator<CsvRow[]> {
    for await (const batch of batches) {
      const rows: CsvRow[] = new Array<CsvRow>(batch.length);
      for (let i = 0; i < batch.length; i += 1) {
        const { record, raw } = batch[i] as (typeof batch)[number];
        number += 1;
        rows[i] = { number, values: record, raw };
      }
      yield rows;
    }
  };
  const source: RowSource<CsvRow> = {
    sheetName,
    where: `file ${path.basename(job.input)}`,
    async *rows() {
      for await (const batch of numbered()) yield* batch;
    },
    batches: numbered,
  };
  const sink: RowSink<CsvRow> = {
    begin: (table) => output.begin(table),
    row: (row, role, result) => output.row(row.number, row.values, role, result, row.raw),
    finish: (tally) => output.finish(tally),
  };
  try {
    const done = await classify(source, sink, {
      inputShown: job.inputShown,
      headerRow: job.headerRow,
      thresholds: job.thresholds,
      mapping: job.mapping,
      maxNotes: job.maxNotes,
      json: options.json,
      worker: size >= WORKER_MIN_BYTES,
      // The gate columns need the whole table: a first pass over the file's records (see gate/gate.ts).
      prepare: async (header) => job.gate?.prepare(header, sheetName, job.thresholds, csvRows(job, format)),
      csvDelimiter: () => (options.keepRaw && (job.gate?.width ?? 0) === 0 ? format.dialect.delimiter : undefined),
      tick: () => job.progress.tick(),
    });
    return { sheetName, header: done.header, tally: done.tally, rows: done.rows, path: "csv", csv: describeCsv(format) };
  } catch (error) {
    await batches.return(undefined);
    throw csvProblem(job, error);
  }
}

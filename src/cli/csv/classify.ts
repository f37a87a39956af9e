/** The CSV path: bytes -> UTF-8 -> csv-parse -> classification -> an output, one record at a time. */
import { createReadStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream";
import { parse } from "csv-parse";
import type { CellValue } from "../../core";
import type { ClassifyJob, ClassifyReport, RowRole, TableOutput } from "../classify/job";
import { chooseHeader, TableClassifier, type HeaderChoice } from "../classify/table";
import { HEADER_SCAN_ROWS } from "../commands";
import { fileError } from "../errors";
import { readProblem } from "../input/sniff";
import { detectDialect, type Dialect } from "./dialect";
import { detectEncoding, sampleText, toUtf8, type DetectedEncoding } from "./encoding";

export interface CsvFormat {
  readonly dialect: Dialect;
  readonly encoding: DetectedEncoding;
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

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

export async function classifyCsv(job: ClassifyJob, format: CsvFormat, output: TableOutput): Promise<ClassifyReport> {
  const sheetName = csvSheetName(job.input);
  const where = `file ${path.basename(job.input)}`;
  const source = createReadStream(job.input);
  const parser = parse({ delimiter: format.dialect.delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: false });
  const records = pipeline(source, toUtf8(format.encoding.encoding, format.encoding.bom), parser, () => {});
  const limit = job.headerRow ?? HEADER_SCAN_ROWS;
  const buffered: string[][] = [];
  let table: TableClassifier | undefined;
  let rows = 0;
  let number = 0;

  const handle = async (row: number, values: readonly string[], header: HeaderChoice, classifier: TableClassifier): Promise<void> => {
    const role: RowRole = row < header.rowNumber ? "above" : row === header.rowNumber ? "header" : "data";
    const outcome = role === "data" ? classifier.classify(row, values as readonly CellValue[]) : undefined;
    rows += 1;
    job.progress.tick();
    await output.row(row, values, role, outcome);
  };

  const decide = async (): Promise<TableClassifier> => {
    const choice = chooseHeader(buffered, { headerRow: job.headerRow, scan: HEADER_SCAN_ROWS, where });
    if (!choice.ok) throw fileError(choice.issue.code, job.inputShown, choice.issue.message);
    const classifier = new TableClassifier(sheetName, choice.value, job.thresholds, job.maxNotes);
    await output.begin(classifier);
    for (let i = 0; i < buffered.length; i += 1) await handle(i + 1, buffered[i] ?? [], choice.value, classifier);
    buffered.length = 0;
    return classifier;
  };

  try {
    for await (const record of records as AsyncIterable<string[]>) {
      number += 1;
      if (table === undefined) {
        buffered.push(record);
        if (number >= limit) table = await decide();
      } else await handle(number, record, table.header, table);
    }
    table ??= await decide();
    await output.finish();
  } catch (error) {
    parser.destroy();
    source.destroy();
    throw csvProblem(job, error);
  }
  return { sheetName, header: table.header, tally: table.tally(), rows, path: "csv", csv: describeCsv(format) };
}

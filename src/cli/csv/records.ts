/** The records of a CSV file: bytes -> UTF-8 -> csv-parse, each with its original text when asked for. */
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { parse } from "csv-parse";
import { toUtf8, type TextEncoding } from "./encoding";

export interface CsvRecord {
  readonly record: string[];
  readonly raw: string | undefined;
}

export interface RecordSource {
  readonly file: string;
  readonly encoding: TextEncoding;
  readonly bom: number;
  readonly delimiter: string;
  /** Keep each record's original text (a CSV output writes it back unchanged). */
  readonly keepRaw: boolean;
}

export async function* csvRecords(source: RecordSource): AsyncGenerator<CsvRecord> {
  const parser = parse({ delimiter: source.delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: false, raw: source.keepRaw });
  const records = pipeline(createReadStream(source.file), toUtf8(source.encoding, source.bom), parser, () => {});
  try {
    for await (const item of records as AsyncIterable<string[] | { raw: string; record: string[] }>) {
      yield Array.isArray(item) ? { record: item, raw: undefined } : { record: item.record, raw: item.raw };
    }
  } finally {
    records.destroy();
  }
}

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

/**
 * The records in batches: whatever the parser holds each time it has some, so
 * the caller's per-record work is a plain loop rather than a promise per record.
 */
export async function* csvRecordBatches(source: RecordSource): AsyncGenerator<CsvRecord[]> {
  const parser = parse({ delimiter: source.delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: false, raw: source.keepRaw });
  let failure: Error | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  const signal = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const records = pipeline(createReadStream(source.file), toUtf8(source.encoding, source.bom), parser, (error) => {
    // Done, one way or the other: no further "readable" or "end" need be waited for.
    if (error) failure ??= error;
    else ended = true;
    signal();
  });
  records.on("readable", signal);
  records.on("end", () => {
    ended = true;
    signal();
  });
  try {
    for (;;) {
      const batch: CsvRecord[] = [];
      let item: string[] | { raw: string; record: string[] } | null;
      while ((item = records.read() as typeof item) !== null)
        batch.push(Array.isArray(item) ? { record: item, raw: undefined } : { record: item.record, raw: item.raw });
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      if (failure !== undefined) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    records.destroy();
  }
}

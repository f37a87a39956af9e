/** CSV and JSON outputs of a classified table (from any input). */
import { stringify, type Stringifier } from "csv-stringify";
import { RESULT_HEADERS, cellText, type CellValue } from "../../core";
import type { RowRole, TableOutput } from "../classify/job";
import { partRecord } from "../classify/record";
import { placeResults } from "../classify/place";
import type { RowOutcome, TableClassifier } from "../classify/table";
import type { Destination } from "./destination";

const hasText = (field: string): boolean => field.trim() !== "";

function textOf(value: CellValue): string {
  return typeof value === "string" ? value : cellText(value);
}

/** The original fields plus the five result columns, in UTF-8 with the given delimiter. */
export class CsvTableOutput implements TableOutput {
  private readonly stringifier: Stringifier;
  private readonly pump: Promise<void>;
  private table: TableClassifier | undefined;
  private failure: unknown;

  constructor(private readonly destination: Destination, options: { readonly delimiter: string; readonly eol: string; readonly bom: boolean }) {
    const stringifier = stringify({ delimiter: options.delimiter, record_delimiter: options.eol === "\r\n" ? "windows" : "unix", bom: options.bom });
    this.stringifier = stringifier;
    this.pump = (async () => {
      for await (const chunk of stringifier) await destination.write(typeof chunk === "string" ? chunk : (chunk as Buffer).toString("utf8"));
    })().catch((error: unknown) => {
      this.failure ??= error;
      stringifier.destroy();
    });
  }

  async begin(table: TableClassifier): Promise<void> {
    this.table = table;
  }

  async row(number: number, values: readonly CellValue[], role: RowRole, outcome: RowOutcome | undefined): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    const header = this.table?.header;
    const fields: string[] = new Array<string>(values.length);
    for (let i = 0; i < values.length; i += 1) fields[i] = textOf(values[i]);
    let record: readonly string[] = fields;
    if (header !== undefined && role !== "above") {
      const results = role === "header" ? [...RESULT_HEADERS] : outcome?.kind === "part" ? outcome.cells.map((c) => String(c)) : undefined;
      const placed = placeResults(fields, results, { resultColumn: header.resultColumn, rewrite: header.rewrite, blank: "", hasValue: hasText });
      if (placed.displaced && role === "data") this.table?.displaced(number);
      record = placed.row;
    }
    if (!this.stringifier.write(record)) await new Promise<void>((resolve) => this.stringifier.once("drain", resolve));
  }

  async finish(): Promise<void> {
    this.stringifier.end();
    await this.pump;
    if (this.failure !== undefined) throw this.failure;
    await this.destination.close();
  }

  async abort(): Promise<void> {
    this.stringifier.destroy();
    await this.destination.abort();
  }
}

/** A JSON array with one object per part (see PartRecord). */
export class JsonTableOutput implements TableOutput {
  private count = 0;
  private buffer = "[";
  private table: TableClassifier | undefined;

  constructor(private readonly destination: Destination) {}

  async begin(table: TableClassifier): Promise<void> {
    this.table = table;
  }

  async row(number: number, _values: readonly CellValue[], role: RowRole, outcome: RowOutcome | undefined): Promise<void> {
    const table = this.table;
    if (role !== "data" || outcome === undefined || outcome.kind !== "part" || table === undefined) return;
    this.buffer += `${this.count === 0 ? "\n" : ",\n"}${JSON.stringify(partRecord(number, outcome.label, outcome.assessment, table))}`;
    this.count += 1;
    if (this.buffer.length > 64 * 1024) {
      await this.destination.write(this.buffer);
      this.buffer = "";
    }
  }

  async finish(): Promise<void> {
    await this.destination.write(`${this.buffer}${this.count === 0 ? "]\n" : "\n]\n"}`);
    this.buffer = "";
    await this.destination.close();
  }

  async abort(): Promise<void> {
    await this.destination.abort();
  }
}

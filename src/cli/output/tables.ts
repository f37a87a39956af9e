/** CSV and JSON outputs of a classified table (from any input). */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { RESULT_HEADERS, cellText, type CellValue } from "../../core";
import type { RowResult, RowRole, TableOutput } from "../classify/job";
import { placeResults } from "../classify/place";
import { summaryRecord } from "../classify/record";
import type { TableClassifier, Tally } from "../classify/table";
import type { Gate } from "../gate/gate";
import type { Destination } from "./destination";

const hasText = (field: string): boolean => field.trim() !== "";

function textOf(value: CellValue): string {
  return typeof value === "string" ? value : cellText(value);
}

/** Result cells repeat from part to part: their CSV text is kept for the most recent ones. */
const FRAGMENT_CACHE_LIMIT = 8192;
const FLUSH_AT = 256 * 1024;
const LINE_END = /(?:\r\n|\n|\r)$/u;

/**
 * The original fields plus the five result columns, in UTF-8 with the given
 * delimiter. When the input was CSV, each record's original text is kept as it
 * was (quoting included) and only the result fields are added (csv-stringify
 * quotes them); a record that needs rearranging is written field by field.
 */
export class CsvTableOutput implements TableOutput {
  readonly needsJson = false;
  private table: TableClassifier | undefined;
  private buffer: string;
  private readonly fragments = new Map<string, string>();
  private readonly recordOptions: Parameters<typeof stringify>[1];
  private readonly fieldOptions: Parameters<typeof stringify>[1];

  constructor(
    private readonly destination: Destination,
    private readonly options: { readonly delimiter: string; readonly eol: string; readonly bom: boolean; readonly gate?: Gate },
  ) {
    this.buffer = options.bom ? "\uFEFF" : "";
    this.recordOptions = { delimiter: options.delimiter, record_delimiter: options.eol === "\r\n" ? "windows" : "unix" };
    this.fieldOptions = { delimiter: options.delimiter, eof: false };
  }

  async begin(table: TableClassifier): Promise<void> {
    this.table = table;
  }

  /** The five result fields as CSV text, without the leading delimiter. */
  private fragment(cells: readonly string[]): string {
    const key = cells.join("\u0000");
    let text = this.fragments.get(key);
    if (text === undefined) {
      text = stringify([cells as string[]], this.fieldOptions);
      if (this.fragments.size >= FRAGMENT_CACHE_LIMIT) this.fragments.clear();
      this.fragments.set(key, text);
    }
    return text;
  }

  /** Returns a promise only when it writes out its buffer. */
  row(number: number, values: readonly CellValue[], role: RowRole, result: RowResult | undefined, raw?: string): void | Promise<void> {
    const header = this.table?.header;
    const gate = this.options.gate;
    let results: readonly string[] | undefined;
    if (header !== undefined && role !== "above") {
      if (role === "header") results = gate === undefined || gate.width === 0 ? RESULT_HEADERS : [...RESULT_HEADERS, ...gate.headers];
      else if (result?.kind === "part")
        results =
          gate === undefined || gate.width === 0 ? result.cells.map((c) => String(c)) : [...result.cells.map((c) => String(c)), ...gate.cells(number, result)];
    }
    const width = RESULT_HEADERS.length + (gate?.width ?? 0);
    if (raw !== undefined && header !== undefined && !header.rewrite && values.length <= header.resultColumn) {
      // csv-parse's raw text of a record ends with the first character of a two-character record delimiter only.
      const ending = raw.endsWith("\r") && this.options.eol === "\r\n" ? "\r\n" : LINE_END.exec(raw)?.[0];
      const line = ending === undefined ? raw : raw.slice(0, raw.length - (ending === "\r\n" && !raw.endsWith("\r\n") ? 1 : ending.length));
      if (results === undefined && result?.kind !== "csv") this.buffer += `${line}${ending ?? ""}`;
      else {
        const padding = this.options.delimiter.repeat(header.resultColumn - Math.max(1, values.length) + 1);
        this.buffer += `${line}${padding}${result?.kind === "csv" ? result.text : this.fragment(results ?? [])}${ending ?? this.options.eol}`;
      }
    } else {
      if (result?.kind === "csv") results = (parse(result.text, { delimiter: this.options.delimiter }) as string[][])[0];
      const fields: string[] = new Array<string>(values.length);
      for (let i = 0; i < values.length; i += 1) fields[i] = textOf(values[i]);
      let record: readonly string[] = fields;
      if (header !== undefined && role !== "above") {
        const placed = placeResults<string>(fields, results === undefined ? undefined : [...results], {
          resultColumn: header.resultColumn,
          rewrite: header.rewrite,
          replaced: header.previousWidth,
          width,
          blank: "",
          hasValue: hasText,
        });
        if (placed.displaced && role === "data") this.table?.displaced(number);
        record = placed.row;
      }
      this.buffer += stringify([record as string[]], this.recordOptions);
    }
    return this.buffer.length >= FLUSH_AT ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    const text = this.buffer;
    this.buffer = "";
    if (text !== "") await this.destination.write(text);
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.destination.close();
  }

  async abort(): Promise<void> {
    this.buffer = "";
    await this.destination.abort();
  }
}

/** A JSON array with one object per part (see PartRecord), then one `{ "summary": ... }` (see SummaryRecord). */
export class JsonTableOutput implements TableOutput {
  readonly needsJson = true;
  private count = 0;
  private buffer = "[";
  private table: TableClassifier | undefined;
  constructor(
    private readonly destination: Destination,
    private readonly gate?: Gate,
  ) {}

  async begin(table: TableClassifier): Promise<void> {
    this.table = table;
  }

  async row(number: number, _values: readonly CellValue[], role: RowRole, result: RowResult | undefined): Promise<void> {
    if (role !== "data" || result === undefined || result.kind !== "part" || result.json === undefined) return;
    this.buffer += `${this.count === 0 ? "\n" : ",\n"}${this.gate === undefined ? result.json : this.gate.withJson(number, result.json)}`;
    this.count += 1;
    if (this.buffer.length > 64 * 1024) {
      await this.destination.write(this.buffer);
      this.buffer = "";
    }
  }

  async finish(tally: Tally): Promise<void> {
    const table = this.table;
    const record = table === undefined ? undefined : summaryRecord(table.sheetName, table.header, tally);
    const full = record === undefined || this.gate === undefined ? record : { summary: { ...record.summary, ...this.gate.summaryJson() } };
    const summary = full === undefined ? "" : `${this.count === 0 ? "\n" : ",\n"}${JSON.stringify(full)}`;
    await this.destination.write(`${this.buffer}${summary}\n]\n`);
    this.buffer = "";
    await this.destination.close();
  }

  async abort(): Promise<void> {
    await this.destination.abort();
  }
}

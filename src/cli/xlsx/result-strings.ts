/**
 * A shared-strings table for exceljs's streaming writer that shares only the
 * texts offered to it: the result columns, which repeat the same sentences from
 * part to part. Shared, a row carries a short index for each instead of the
 * sentence (100,000 rows: 14.0 MB instead of 15.7 MB). The user's own cells
 * stay in their cells, so memory does not grow with the number of part names.
 *
 * exceljs 4.4 internals: a sheet added with `useSharedStrings: true` calls
 * `add(value)` on `workbook.sharedStrings` for every text cell and writes the
 * cell inline when that returns undefined; at commit it writes `values` as
 * xl/sharedStrings.xml when `count` is above 0.
 */
import type ExcelJS from "exceljs";

/**
 * Beyond this many characters of distinct texts, new ones are written inline:
 * the table and the sharedStrings.xml built from it at the end stay a few
 * megabytes whatever the sheet holds (each megabyte kept raises the streaming
 * path's peak by about two, through the heap guard's headroom).
 */
export const RESULT_STRINGS_CHARACTERS = 2_000_000;

export class ResultStrings {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  private refs = 0;
  private characters = 0;

  constructor(private readonly limit = RESULT_STRINGS_CHARACTERS) {}

  /** Distinct shared texts (exceljs writes sharedStrings.xml only when this is above 0). */
  get count(): number {
    return this.values.length;
  }

  get totalRefs(): number {
    return this.refs;
  }

  getString(index: number): string | undefined {
    return this.values[index];
  }

  /** Marks a text as one to share, while the table has room. */
  offer(text: string): void {
    if (text === "" || this.characters + text.length > this.limit || this.index.has(text)) return;
    this.characters += text.length;
    this.index.set(text, this.values.length);
    this.values.push(text);
  }

  /** exceljs asks for every text cell; undefined keeps the cell inline. */
  add(value: unknown): number | undefined {
    if (typeof value !== "string") return undefined;
    const found = this.index.get(value);
    if (found !== undefined) this.refs += 1;
    return found;
  }
}

/** Puts a ResultStrings table into a streaming workbook writer; sheets then opt in with `useSharedStrings: true`. */
export function shareResultStrings(writer: ExcelJS.stream.xlsx.WorkbookWriter): ResultStrings {
  const table = new ResultStrings();
  (writer as unknown as { sharedStrings: unknown }).sharedStrings = table;
  return table;
}

/** Adds a worksheet whose text cells are looked up in the writer's shared-strings table (see shareResultStrings). */
export function addSharingWorksheet(writer: ExcelJS.stream.xlsx.WorkbookWriter, name: string, options: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet {
  const sharing: Partial<ExcelJS.AddWorksheetOptions> & { useSharedStrings: boolean } = { ...options, useSharedStrings: true };
  return writer.addWorksheet(name, sharing);
}

/**
 * A quicker way to write the common row through exceljs's streaming worksheet:
 * when every cell is text, a number, TRUE/FALSE or empty, the row's XML is
 * built here, exactly as exceljs would build it (test/cli/row-xml.test.ts
 * compares the two byte for byte), and handed to the worksheet's stream. That
 * skips exceljs's Row and Cell objects, which cost more than reading the row.
 * Rows with dates, formulas, rich text, hyperlinks or errors, and any row when
 * the worksheet's internals are not as expected (exceljs 4.4), go through
 * exceljs as before.
 */
import type ExcelJS from "exceljs";
import { columnLetters } from "../../core";

/** exceljs's value types (Enums.ValueType) that this writer handles. */
const NULL_TYPE = 0;
const NUMBER_TYPE = 2;
const STRING_TYPE = 3;
const BOOLEAN_TYPE = 9;

/** A cell to write: the value as it goes to exceljs, and its style (never undefined: exceljs gives every written cell one). */
export interface PlainCell {
  readonly value: unknown;
  readonly style: Partial<ExcelJS.Style>;
}

interface StylesLike {
  addStyleModel(style: Partial<ExcelJS.Style>, cellType: number): number;
}

interface StringsLike {
  add(value: unknown): number | undefined;
}

/** The exceljs 4.4 WorksheetWriter fields this writer relies on. */
interface WorksheetInternals {
  readonly startedData?: boolean;
  readonly useSharedStrings?: boolean;
  _rows?: unknown[] | null;
  _rowZero?: number;
  readonly stream?: { write(text: string): unknown };
  readonly _workbook?: { readonly styles?: StylesLike; readonly sharedStrings?: StringsLike };
}

// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/u;

/** exceljs's xmlEncode: the five entities, and control characters XML cannot hold dropped. */
export function xmlText(text: string): string {
  if (!XML_SPECIAL.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    switch (code) {
      case 34:
        out += "&quot;";
        break;
      case 38:
        out += "&amp;";
        break;
      case 39:
        out += "&apos;";
        break;
      case 60:
        out += "&lt;";
        break;
      case 62:
        out += "&gt;";
        break;
      case 127:
        break;
      default:
        if (code <= 8 || code === 11 || code === 12 || (code >= 14 && code <= 31)) break;
        out += text.charAt(i);
    }
  }
  return out;
}

const letters: string[] = [];

/** Column letters of a 1-based column, remembered: every row asks for the same few. */
function lettersOf(column: number): string {
  return (letters[column] ??= columnLetters(column - 1));
}

function typeOf(value: unknown): number | undefined {
  if (value === null || value === undefined) return NULL_TYPE;
  switch (typeof value) {
    case "string":
      return STRING_TYPE;
    case "number":
      return Number.isFinite(value) ? NUMBER_TYPE : undefined;
    case "boolean":
      return BOOLEAN_TYPE;
    default:
      return undefined;
  }
}

export class RowXmlWriter {
  private readonly sheet: WorksheetInternals;

  constructor(sheet: ExcelJS.Worksheet) {
    this.sheet = sheet as unknown as WorksheetInternals;
  }

  /** The worksheet is in the state this writer needs: its first row written, no row pending. */
  private ready(): StylesLike | undefined {
    const sheet = this.sheet;
    if (sheet.startedData !== true || !Array.isArray(sheet._rows) || sheet._rows.length !== 0 || typeof sheet._rowZero !== "number") return undefined;
    const styles = sheet._workbook?.styles;
    return typeof styles?.addStyleModel === "function" && typeof sheet.stream?.write === "function" ? styles : undefined;
  }

  /**
   * Writes row `number` and returns true, or writes nothing and returns false
   * when a cell is not plain or the worksheet is not ready (write it with exceljs).
   */
  write(number: number, height: number | undefined, hidden: boolean, cells: readonly (PlainCell | undefined)[]): boolean {
    let hasValues = false;
    for (const cell of cells) {
      if (cell === undefined) continue;
      const type = typeOf(cell.value);
      if (type === undefined) return false;
      if (type !== NULL_TYPE) hasValues = true;
    }
    const styles = this.ready();
    if (styles === undefined) return false;
    const sheet = this.sheet;
    const tall = height !== undefined && height !== 0 && !Number.isNaN(height);
    // exceljs neither writes nor registers the styles of a row without values or height.
    if (!hasValues && !tall) {
      sheet._rowZero = number + 1;
      return true;
    }
    const strings = sheet.useSharedStrings === true ? sheet._workbook?.sharedStrings : undefined;
    let body = "";
    let min = 0;
    let max = 0;
    for (let i = 0; i < cells.length; i += 1) {
      const cell = cells[i];
      if (cell === undefined) continue;
      const { value } = cell;
      const type = typeOf(value) ?? NULL_TYPE;
      const column = i + 1;
      if (min === 0) min = column;
      max = column;
      const styleId = styles.addStyleModel(cell.style, type === NULL_TYPE ? NUMBER_TYPE : type);
      const address = `${lettersOf(column)}${number}`;
      const s = styleId ? ` s="${styleId}"` : "";
      if (type === NULL_TYPE) {
        if (styleId) body += `<c r="${address}"${s}/>`;
        continue;
      }
      if (type === NUMBER_TYPE) body += `<c r="${address}"${s}><v>${String(value)}</v></c>`;
      else if (type === BOOLEAN_TYPE) body += `<c r="${address}"${s} t="b"><v>${value === true ? "1" : "0"}</v></c>`;
      else {
        const text = value as string;
        const shared = strings?.add(text);
        body += shared === undefined ? `<c r="${address}"${s} t="str"><v>${xmlText(text)}</v></c>` : `<c r="${address}"${s} t="s"><v>${shared}</v></c>`;
      }
    }
    let open = `<row r="${number}"`;
    if (tall) open += ` ht="${String(height)}" customHeight="1"`;
    if (hidden) open += ` hidden="1"`;
    if (min > 0) open += ` spans="${min}:${max}"`;
    sheet.stream?.write(`${open} x14ac:dyDescent="0.25"${body === "" ? "/>" : `>${body}</row>`}`);
    sheet._rowZero = number + 1;
    return true;
  }
}

/**
 * Writes row `number` through `quick` when it takes the row, else through
 * exceljs's Row and Cell objects; true when the quick way was taken.
 */
export function writeSheetRow(
  sheet: ExcelJS.Worksheet,
  quick: RowXmlWriter | undefined,
  number: number,
  height: number | undefined,
  hidden: boolean,
  cells: readonly (PlainCell | undefined)[],
): boolean {
  if (quick?.write(number, height, hidden, cells) === true) return true;
  const row = sheet.getRow(number);
  if (height !== undefined) row.height = height;
  if (hidden) row.hidden = true;
  cells.forEach((cell, i) => {
    if (cell === undefined) return;
    const target = row.getCell(i + 1);
    target.value = cell.value as ExcelJS.CellValue;
    target.style = cell.style;
  });
  row.commit();
  return false;
}

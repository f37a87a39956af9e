/**
 * A cell's stored form (type, style, `<v>` text, inline text) as the core's
 * CellValue: shared strings, numbers, booleans, cached formula results and
 * errors, ISO dates (`t="d"`) and serial dates under a date number format,
 * in the workbook's 1900 or 1904 date system.
 */
import type { CellValue } from "../../../core";
import type { StringTable } from "./string-table";
import { decodeEntities, decodeXEscapes } from "./xml-tokens";

export interface ValueContext {
  readonly strings: StringTable;
  /** Style (xf) indexes whose number format shows a date or time. */
  readonly dateStyles: ReadonlySet<number>;
  readonly date1904: boolean;
}

const MS_PER_DAY = 86_400_000;
/** Days from the 1900 system's day 0 (1899-12-30, as Excel counts past 1900-02-28) and from 1904-01-01 to 1970-01-01. */
const EPOCH_1900 = 25_569;
const EPOCH_1904 = 24_107;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/u;

export function serialDate(serial: number, date1904: boolean): Date | undefined {
  const ms = Math.round((serial - (date1904 ? EPOCH_1904 : EPOCH_1900)) * MS_PER_DAY);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function isoDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), Math.round(Number(frac ?? 0) * 1000));
  let offset = 0;
  if (zone !== undefined && zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  const date = new Date(ms - offset);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Excel's built-in number formats that show a date or a time. */
const BUILT_IN_DATE_FORMATS: ReadonlySet<number> = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A format code shows a date or time when it has d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/gu, "")
    .replace(/\[[^\]]*\]/gu, "")
    .replace(/\\./gu, "")
    .replace(/[_*]./gu, "");
  const firstSection = bare.split(";")[0] ?? "";
  return /[dmyhs]/iu.test(firstSection) && !/^general$/iu.test(firstSection.trim());
}

export function isDateFormat(id: number, customCodes: ReadonlyMap<number, string>): boolean {
  const code = customCodes.get(id);
  if (code !== undefined) return isDateFormatCode(code);
  return BUILT_IN_DATE_FORMATS.has(id);
}

/**
 * The value of one cell. `v` is the raw (entity-encoded) text of `<v>`, `inline`
 * the decoded text of `<is>`; both undefined for a cell with neither.
 */
export function cellValue(type: string | undefined, style: number, v: string | undefined, inline: string | undefined, ctx: ValueContext): CellValue {
  switch (type) {
    case "s": {
      if (v === undefined) return null;
      const index = Number(v.trim());
      return Number.isInteger(index) ? (ctx.strings.at(index) ?? null) : null;
    }
    case "inlineStr":
      return inline ?? (v === undefined ? null : decodeXEscapes(decodeEntities(v)));
    case "str":
      return v === undefined ? (inline ?? null) : decodeXEscapes(decodeEntities(v));
    case "b": {
      if (v === undefined) return null;
      const t = v.trim().toLowerCase();
      return t === "1" || t === "true" ? true : t === "0" || t === "false" ? false : decodeEntities(v);
    }
    case "e":
      return v === undefined ? null : { error: decodeEntities(v).trim() };
    case "d": {
      if (v === undefined) return null;
      const text = decodeEntities(v);
      return isoDate(text) ?? text;
    }
    default: {
      if (v === undefined) return inline ?? null;
      const text = v.trim();
      if (text === "") return null;
      const n = Number(text);
      if (!Number.isFinite(n)) return decodeEntities(v);
      if (ctx.dateStyles.has(style)) return serialDate(n, ctx.date1904) ?? n;
      return n;
    }
  }
}

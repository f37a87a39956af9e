/*
 * How Excel takes a string written through `range.values` or `range.formulas`:
 * as if it were typed into the cell, read the en-US way whatever the user's
 * locale (the API's documented behaviour; `formulasLocal` is the locale-aware one).
 *
 * - a leading apostrophe is the quote prefix: the rest is text, never converted;
 * - a cell whose number format is "@" (Text) keeps what is written as text;
 * - "=..." is a formula, and so is "+..." or "-..." unless a number follows the sign;
 * - TRUE and FALSE (any case) are truth values, "#N/A" and its kind are errors;
 * - numbers are numbers: "00123" is 123, "1,000" 1000, "50%" 0.5 (format "0%"),
 *   "$4.20" 4.2, "(5)" -5, "1e5" 100000, "1 1/2" 1.5;
 * - dates and times are serial numbers: "5-10" and "5/10" are 10 May of this
 *   year (format "d-mmm"), "2024-03-01" and "3/1/2024" a full date, "Jan 5",
 *   "5-Jan", "Mar 2024"; "12:30" and "10 AM" are fractions of a day.
 *
 * Its own small implementation, so it does not share bugs with the pane's
 * (src/taskpane/cell-text.ts, which decides when the pane adds the quote prefix).
 */

export type Typed =
  | { readonly kind: "empty" }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "formula"; readonly formula: string }
  | { readonly kind: "number"; readonly value: number; readonly format?: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "error"; readonly value: string };

export const ERROR_VALUES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!", "#GETTING_DATA"] as const;

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** 1-12 for a month's name or its three-letter abbreviation ("Sept" too). */
function month(word: string): number | undefined {
  const w = word.toLowerCase();
  const i = MONTH_NAMES.findIndex((full) => full === w || full.slice(0, 3) === w || (w === "sept" && full === "september"));
  return i < 0 ? undefined : i + 1;
}

/** Excel's serial number of a date (1900 date system, 1 = 1900-01-01, with its 1900 leap-year quirk). */
export function dateSerial(year: number, monthNumber: number, day: number): number | undefined {
  if (monthNumber < 1 || monthNumber > 12 || day < 1) return undefined;
  const utc = Date.UTC(year, monthNumber - 1, day);
  const date = new Date(utc);
  if (date.getUTCMonth() !== monthNumber - 1 || date.getUTCDate() !== day) return undefined;
  return Math.round((utc - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const fullYear = (y: number, digits: number): number => (digits <= 2 ? (y < 30 ? 2000 + y : 1900 + y) : y);

function parseNumber(text: string): { value: number; format?: string } | undefined {
  let t = text.trim();
  let negative = false;
  if (/^\(.*\)$/u.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (t.startsWith("-")) {
    negative = !negative;
    t = t.slice(1).trim();
  } else if (t.startsWith("+")) t = t.slice(1).trim();
  let format: string | undefined;
  if (t.startsWith("$")) {
    format = "$#,##0.00";
    t = t.slice(1).trim();
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  const grouped = /^\d{1,3}(,\d{3})+(\.\d*)?$/u.test(t);
  const plain = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/u.test(t);
  if (!grouped && !plain) return undefined;
  let value = Number(t.replace(/,/gu, ""));
  if (!Number.isFinite(value)) return undefined;
  if (percent) {
    value /= 100;
    format = /\./u.test(t) ? "0.00%" : "0%";
  } else if (format === undefined && grouped) format = "#,##0";
  else if (format === undefined && /[eE]/u.test(t)) format = "0.00E+00";
  return { value: negative ? -value : value, ...(format === undefined ? {} : { format }) };
}

function parseTime(text: string): number | undefined {
  const t = text.trim();
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a|p)?$/iu.exec(t);
  const hourOnly = /^(\d{1,2})\s*(am|pm|a|p)$/iu.exec(t);
  let h: number;
  let m = 0;
  let s = 0;
  let half: string | undefined;
  if (clock) {
    h = Number(clock[1]);
    m = Number(clock[2]);
    s = Number(clock[3] ?? 0);
    half = clock[4];
  } else if (hourOnly) {
    h = Number(hourOnly[1]);
    half = hourOnly[2];
  } else return undefined;
  if (half) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (half.toLowerCase().startsWith("p") ? 12 : 0);
  }
  if (h > 23 || m > 59 || s > 59) return undefined;
  return (h * 3600 + m * 60 + s) / 86_400;
}

function parseDate(text: string, thisYear: number): { value: number; format: string } | undefined {
  const t = text.trim();
  let m: RegExpExecArray | null;
  // m/d/yyyy, m-d-yy, m/d (this year)
  if ((m = /^(\d{1,2})([-/])(\d{1,2})(?:\2(\d{1,4}))?$/u.exec(t))) {
    const year = m[4] === undefined ? thisYear : fullYear(Number(m[4]), m[4].length);
    const value = dateSerial(year, Number(m[1]), Number(m[3]));
    return value === undefined ? undefined : { value, format: m[4] === undefined ? "d-mmm" : "m/d/yyyy" };
  }
  // m/yyyy (a month of a year)
  if ((m = /^(\d{1,2})[-/](\d{4})$/u.exec(t))) {
    const value = dateSerial(Number(m[2]), Number(m[1]), 1);
    return value === undefined ? undefined : { value, format: "mmm-yy" };
  }
  // yyyy-m-d, yyyy/m/d
  if ((m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/u.exec(t))) {
    const value = dateSerial(Number(m[1]), Number(m[3]), Number(m[4]));
    return value === undefined ? undefined : { value, format: "m/d/yyyy" };
  }
  // d-mmm(-yy), d mmm yyyy
  if ((m = /^(\d{1,2})[-\s/]+([A-Za-z]{3,9})\.?(?:[-\s/,]+(\d{2}|\d{4}))?$/u.exec(t))) {
    const mo = month(m[2] ?? "");
    const year = m[3] === undefined ? thisYear : fullYear(Number(m[3]), m[3].length);
    const value = mo === undefined ? undefined : dateSerial(year, mo, Number(m[1]));
    return value === undefined ? undefined : { value, format: m[3] === undefined ? "d-mmm" : "d-mmm-yy" };
  }
  // mmm d(, yyyy), mmm-yy, mmm yyyy
  if ((m = /^([A-Za-z]{3,9})\.?[-\s/]+(\d{1,4})(?:[-\s/,]+(\d{2}|\d{4}))?$/u.exec(t))) {
    const mo = month(m[1] ?? "");
    if (mo === undefined) return undefined;
    const n = Number(m[2]);
    if (m[3] === undefined && (n > 31 || (m[2] ?? "").length === 4)) {
      const value = dateSerial(fullYear(n, (m[2] ?? "").length), mo, 1);
      return value === undefined ? undefined : { value, format: "mmm-yy" };
    }
    const year = m[3] === undefined ? thisYear : fullYear(Number(m[3]), m[3].length);
    const value = dateSerial(year, mo, n);
    return value === undefined ? undefined : { value, format: m[3] === undefined ? "d-mmm" : "m/d/yyyy" };
  }
  return undefined;
}

/** What Excel makes of `text` written into a cell whose number format is `cellFormat`. */
export function typedInput(text: string, cellFormat = "General", thisYear = new Date().getFullYear()): Typed {
  if (text === "") return { kind: "empty" };
  if (text.startsWith("'")) return { kind: "text", text: text.slice(1) };
  if (cellFormat === "@") return { kind: "text", text };
  // Without a digit, only a formula, a truth value or an error value is anything but text.
  if (!/[\d=+\-#]/u.test(text) && !/^\s*(true|false)\s*$/iu.test(text)) return { kind: "text", text };
  if (text.startsWith("=") && text.length > 1) return { kind: "formula", formula: text };
  const trimmed = text.trim();
  if (/^(true|false)$/iu.test(trimmed)) return { kind: "boolean", value: trimmed.toLowerCase() === "true" };
  // Starting with a letter, only a date that starts with its month ("Jan 5", "March 2024") is not text.
  if (/^[A-Za-z]/u.test(trimmed)) {
    const date = parseDate(text, thisYear);
    return date ? { kind: "number", ...date } : { kind: "text", text };
  }
  const error = ERROR_VALUES.find((e) => e === trimmed.toUpperCase());
  if (error) return { kind: "error", value: error };
  const number = parseNumber(text);
  if (number) return { kind: "number", ...number };
  if ((text.startsWith("+") || text.startsWith("-")) && text.trim().length > 1) return { kind: "formula", formula: `=${text}` };
  const fraction = /^(\d+)\s+(\d+)\/(\d+)$/u.exec(trimmed);
  if (fraction && Number(fraction[3]) > 0 && Number(fraction[2]) < Number(fraction[3])) {
    return { kind: "number", value: Number(fraction[1]) + Number(fraction[2]) / Number(fraction[3]), format: "# ?/?" };
  }
  const time = parseTime(text);
  if (time !== undefined) return { kind: "number", value: time, format: /[ap]m?$/iu.test(trimmed) ? "h:mm AM/PM" : "h:mm" };
  const date = parseDate(text, thisYear);
  if (date) return { kind: "number", ...date };
  return { kind: "text", text };
}

/*
 * Excel reads a string written through `range.values` as if it were typed into
 * the cell, the en-US way: "5-10" becomes a date serial (about 46,000), "50%"
 * becomes 0.5, "00123" becomes 123, "TRUE" a truth value, "=A1" (or "+...",
 * "-...") a formula, and a leading apostrophe is taken as the quote prefix and
 * dropped. Text written with the quote prefix ("'5-10") is kept exactly, in any
 * number format, and the prefix is not part of the value.
 */

const MONTH = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?/iu;
const MERIDIEM = /(?<=\d)\s*(am|pm|a|p)\b/giu;
const EXPONENT = /(?<=\d)e(?=[+-]?\d)/giu;
/** What numbers, dates, times, fractions, percentages and amounts are made of once digits are there. */
const NUMERIC = /^[\d\s.,:/\-+$€£¥%()']*$/u;

/**
 * Whether Excel would store `text`, written as a value, as something other
 * than that text. Deliberately broad: any text whose only letters are a month's
 * name, AM/PM or an exponent and that holds a digit, or that starts with what
 * makes a formula, an error value or the quote prefix (= + - @ # '), or is a
 * truth value. A false alarm costs nothing (the quote prefix is invisible); a
 * miss would change the user's data.
 */
export function excelWouldConvert(text: string): boolean {
  if (text === "") return false;
  if (/^[=+\-@#']/u.test(text)) return true;
  const trimmed = text.trim();
  if (/^(true|false)$/iu.test(trimmed)) return true;
  if (!/\d/u.test(trimmed)) return false;
  return NUMERIC.test(trimmed.replace(MONTH, "").replace(MERIDIEM, "").replace(EXPONENT, ""));
}

/** Text Excel keeps exactly as written: with the quote prefix where it would read it as something else. */
export function keptAsText(text: string): string {
  return excelWouldConvert(text) ? `'${text}` : text;
}

/**
 * The cell value for what the user typed: a plain number (digits, an optional
 * decimal part, no leading zero) as a number, as Excel stores it when typed;
 * anything else as text Excel keeps ("5-10", "00123", "50%", "1,000", "~200").
 */
export function typedCellValue(text: string): string | number {
  const trimmed = text.trim();
  return /^(0|[1-9]\d*)(\.\d+)?$/u.test(trimmed) ? Number(trimmed) : keptAsText(text);
}

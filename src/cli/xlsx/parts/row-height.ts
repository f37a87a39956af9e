/**
 * The height a row needs for its wrapped result text. Spreadsheet programs do
 * not all fit a row to wrapped text when they open a file (LibreOffice 7.4
 * keeps the stored or default height, so the lines overlap the next row), so
 * a row whose height is not the user's own (customHeight) gets this one as
 * `ht`, not marked custom.
 */
import { attributeValue, setAttribute } from "./xml-scan";

/** Points per line of the default 11-point font. */
export const LINE_HEIGHT = 15;

/** Characters of text per unit of column width: widths count digits, and text averages narrower. */
const CHARACTERS_PER_WIDTH = 1.2;

/**
 * Lines `text` takes when wrapped at word boundaries (single spaces) in a
 * column `width` characters wide; characters are code points, and \r\n, \r
 * and \n break lines. One pass over the text: this runs for every result cell
 * of every part.
 */
export function wrappedLines(text: string, width: number): number {
  const capacity = Math.max(1, Math.floor(width * CHARACTERS_PER_WIDTH));
  if (text.length <= capacity && text.indexOf("\n") < 0 && text.indexOf("\r") < 0) return 1;
  let lines = 1;
  let used = 0;
  let word = 0;
  const endWord = (): void => {
    const needed = used === 0 ? word : used + 1 + word;
    if (needed <= capacity) used = needed;
    else {
      lines += used === 0 ? Math.ceil(word / capacity) - 1 : Math.ceil(word / capacity);
      used = word % capacity || capacity;
    }
    word = 0;
  };
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x20) endWord();
    else if (code === 0x0a || code === 0x0d) {
      endWord();
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 1;
      lines += 1;
      used = 0;
    } else if (code < 0xdc00 || code > 0xdfff || i === 0 || text.charCodeAt(i - 1) < 0xd800 || text.charCodeAt(i - 1) > 0xdbff) word += 1;
  }
  endWord();
  return lines;
}

/**
 * The row height (points) that shows every text in full, each in the column
 * of the same index `widths` characters wide; undefined when one line is
 * enough.
 */
export function wrappedRowHeight(texts: readonly string[], widths: readonly number[], lineHeight = LINE_HEIGHT): number | undefined {
  let lines = 1;
  texts.forEach((text, i) => {
    const width = widths[i];
    if (width !== undefined && text !== "") lines = Math.max(lines, wrappedLines(text, width));
  });
  return lines > 1 ? lines * lineHeight : undefined;
}

/**
 * A row's start tag (`<row r="7" ...>`) with `ht` raised to `height` when the
 * row's height is not the user's own (no customHeight="1") and is lower; else
 * the tag unchanged.
 */
export function rowTagWithHeight(tag: string, height: number | undefined): string {
  if (height === undefined) return tag;
  const custom = attributeValue(tag, "customHeight");
  if (custom === "1" || custom === "true") return tag;
  const current = Number(attributeValue(tag, "ht"));
  if (Number.isFinite(current) && current >= height) return tag;
  return setAttribute(tag, "ht", String(height));
}

/**
 * The height a row needs for its wrapped result text. Spreadsheet programs do
 * not all fit a row to wrapped text when they open a file (LibreOffice 7.4
 * keeps the stored or default height, so the lines overlap the next row), so
 * a row whose height is not the user's own (customHeight) gets this one as
 * `ht`, not marked custom.
 */
import { attributes, setAttribute } from "./xml-scan";

/** Points per line of the default 11-point font. */
export const LINE_HEIGHT = 15;

/** Characters of text per unit of column width: widths count digits, and text averages narrower. */
const CHARACTERS_PER_WIDTH = 1.2;

/** Lines `text` takes when wrapped at word boundaries in a column `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const capacity = Math.max(1, Math.floor(width * CHARACTERS_PER_WIDTH));
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/u)) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(" ")) {
      const length = [...word].length;
      const needed = used === 0 ? length : used + 1 + length;
      if (needed <= capacity) used = needed;
      else if (used === 0) {
        lines += Math.ceil(length / capacity) - 1;
        used = length % capacity || capacity;
      } else {
        lines += Math.ceil(length / capacity);
        used = length % capacity || capacity;
      }
    }
  }
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
  const attrs = attributes(tag);
  if (/^(1|true)$/u.test(attrs.get("customHeight") ?? "")) return tag;
  const current = Number(attrs.get("ht"));
  if (Number.isFinite(current) && current >= height) return tag;
  return setAttribute(tag, "ht", String(height));
}

/**
 * The cells of one `<row>` element in hand: where each `<c>` starts and ends,
 * its column, whether it holds anything, and (when asked) its value. The
 * common forms are read by a direct scan; a row with anything else in it
 * (comments, CDATA, unknown elements) goes through the tokenizer.
 */
import type { CellValue } from "../../../core";
import { cellValue, type ValueContext } from "./cell-values";
import type { ScannedCell } from "./sheet-rows";
import { attribute, decodeEntities, decodeXEscapes, nextToken } from "./xml-tokens";

export interface RowCells {
  readonly cells: ScannedCell[];
  readonly values: CellValue[] | undefined;
}

/** 0-based column of a cell reference such as "AB12" (its letters); -1 when it has none. */
export function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    n = n * 26 + (c - 0x60);
  }
  return i === 0 ? -1 : n - 1;
}

interface CellAttributes {
  r: string | undefined;
  t: string | undefined;
  s: number;
}

/** r, t and s of a `<c>` start tag's attribute text; undefined when it is not plain name="value" pairs. */
function cellAttributes(text: string): CellAttributes | undefined {
  const found: CellAttributes = { r: undefined, t: undefined, s: 0 };
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n && text.charCodeAt(i) <= 0x20) i += 1;
    if (i >= n) return found;
    const eq = text.indexOf("=", i);
    if (eq < 0) return undefined;
    const name = text.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && text.charCodeAt(q) <= 0x20) q += 1;
    const quote = text.charCodeAt(q);
    if (quote !== 0x22 && quote !== 0x27) return undefined;
    const close = text.indexOf(quote === 0x22 ? '"' : "'", q + 1);
    if (close < 0) return undefined;
    const value = text.slice(q + 1, close);
    if (value.indexOf("&") >= 0) return undefined;
    if (name === "r") found.r = value;
    else if (name === "t") found.t = value;
    else if (name === "s") found.s = Number(value);
    i = close + 1;
  }
}

const T_ELEMENT = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/(?:[\w.-]+:)?t\s*>)/gu;
const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh\s*>/gu;

function inlineText(content: string): string {
  const bare = content.indexOf("rPh") >= 0 ? content.replace(PHONETIC, "") : content;
  let text = "";
  T_ELEMENT.lastIndex = 0;
  for (let m = T_ELEMENT.exec(bare); m !== null; m = T_ELEMENT.exec(bare)) text += decodeEntities(m[1] ?? "");
  return decodeXEscapes(text);
}

/** The first child element `local` of a cell's content: its text, "" for `<x/>`, undefined when absent. */
function childText(content: string, p: string, local: string): string | undefined {
  const open = `<${p}${local}`;
  let at = content.indexOf(open);
  while (at >= 0) {
    const next = content.charCodeAt(at + open.length);
    if (next === 0x3e || next === 0x20 || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) break;
    at = content.indexOf(open, at + 1);
  }
  if (at < 0) return undefined;
  const end = content.indexOf(">", at);
  if (content.charCodeAt(end - 1) === 0x2f) return "";
  const close = content.indexOf(`</${p}${local}`, end);
  return close < 0 ? undefined : content.slice(end + 1, close);
}

/** The direct scan; undefined when the row needs the tokenizer. */
function scanCells(raw: string, from: number, to: number, values: ValueContext | undefined): RowCells | undefined {
  const cells: ScannedCell[] = [];
  const out: CellValue[] | undefined = values === undefined ? undefined : [];
  let column = -1;
  let i = from;
  for (;;) {
    const lt = raw.indexOf("<", i);
    if (lt < 0 || lt >= to) break;
    // <c or <p:c followed by a space, "/" or ">"
    let nameEnd = lt + 1;
    while (nameEnd < to) {
      const c = raw.charCodeAt(nameEnd);
      if (c === 0x20 || c === 0x2f || c === 0x3e || c === 0x09 || c === 0x0a || c === 0x0d) break;
      nameEnd += 1;
    }
    const name = raw.slice(lt + 1, nameEnd);
    const colon = name.indexOf(":");
    if ((colon < 0 ? name : name.slice(colon + 1)) !== "c") return undefined;
    const p = colon < 0 ? "" : name.slice(0, colon + 1);
    const tagEnd = raw.indexOf(">", nameEnd);
    if (tagEnd < 0 || tagEnd >= to) return undefined;
    const selfClosing = raw.charCodeAt(tagEnd - 1) === 0x2f;
    const attrs = cellAttributes(raw.slice(nameEnd, selfClosing ? tagEnd - 1 : tagEnd));
    if (attrs === undefined) return undefined;
    const found = attrs.r === undefined ? -1 : columnOf(attrs.r);
    column = found >= 0 ? found : column + 1;
    const addressed = found >= 0;
    if (selfClosing) {
      cells.push({ column, start: lt, end: tagEnd + 1, occupied: false, addressed });
      i = tagEnd + 1;
      continue;
    }
    const closeTag = `</${p}c>`;
    const close = raw.indexOf(closeTag, tagEnd);
    if (close < 0 || close >= to) return undefined;
    const content = raw.slice(tagEnd + 1, close);
    if (content.indexOf("<!") >= 0 || content.indexOf("<?") >= 0) return undefined;
    const v = childText(content, p, "v");
    const hasInline = content.indexOf(`<${p}is`) >= 0;
    const occupied = v !== undefined || hasInline || content.indexOf(`<${p}f`) >= 0;
    cells.push({ column, start: lt, end: close + closeTag.length, occupied, addressed });
    if (out !== undefined && values !== undefined) out[column] = cellValue(attrs.t, attrs.s, v, hasInline ? inlineText(content) : undefined, values);
    i = close + closeTag.length;
  }
  return { cells, values: out };
}

/** The tokenizer's reading of the same row. */
export function tokenCells(raw: string, from: number, to: number, values: ValueContext | undefined): RowCells {
  const cells: ScannedCell[] = [];
  const out: CellValue[] | undefined = values === undefined ? undefined : [];
  const stack: string[] = [];
  let column = -1;
  let cellStart = 0;
  let cellType: string | undefined;
  let cellStyle = 0;
  let addressed = false;
  let occupied = false;
  let v: string | undefined;
  let inline: string[] | undefined;
  let phonetic = 0;
  const body = raw.slice(0, to);
  for (let pos = from, t = nextToken(body, pos, true); t !== undefined; pos = t.end, t = nextToken(body, pos, true)) {
    if (t.kind === "open") {
      if (stack.length === 0 && t.local === "c") {
        const ref = attribute(t.attrs, "r");
        const found = ref === undefined ? -1 : columnOf(ref);
        column = found >= 0 ? found : column + 1;
        addressed = found >= 0;
        cellStart = t.start;
        cellType = attribute(t.attrs, "t");
        const s = attribute(t.attrs, "s");
        cellStyle = s === undefined ? 0 : Number(s);
        if (t.selfClosing) {
          cells.push({ column, start: cellStart, end: t.end, occupied: false, addressed });
          continue;
        }
        occupied = false;
        v = undefined;
        inline = undefined;
        phonetic = 0;
      } else if (stack[0] === "c") {
        if (t.local === "v" || t.local === "f" || t.local === "is") occupied = true;
        if (t.local === "v") v ??= "";
        else if (t.local === "is") inline ??= [];
        else if (t.local === "rPh" && !t.selfClosing) phonetic += 1;
      }
      if (!t.selfClosing) stack.push(t.local);
    } else if (t.kind === "close") {
      const top = stack.pop();
      if (top === "rPh") phonetic = Math.max(0, phonetic - 1);
      if (stack.length === 0 && top === "c") {
        cells.push({ column, start: cellStart, end: t.end, occupied, addressed });
        if (out !== undefined && values !== undefined)
          out[column] = cellValue(cellType, cellStyle, v, inline === undefined ? undefined : decodeXEscapes(inline.join("")), values);
      }
    } else if ((t.kind === "text" || t.kind === "cdata") && stack[0] === "c") {
      const top = stack[stack.length - 1];
      if (top === "v") v = (v ?? "") + (t.kind === "text" ? t.raw : t.text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;"));
      else if (top === "t" && inline !== undefined && phonetic === 0) inline.push(t.kind === "text" ? decodeEntities(t.raw) : t.text);
    }
  }
  return { cells, values: out };
}

/** The cells between a row's start tag (ending at `from`) and its end tag (at `to`). */
export function rowCells(raw: string, from: number, to: number, values: ValueContext | undefined): RowCells {
  const cells = scanCells(raw, from, to, values) ?? tokenCells(raw, from, to, values);
  if (cells.values !== undefined) for (let i = 0; i < cells.values.length; i += 1) if (cells.values[i] === undefined) cells.values[i] = null;
  return cells;
}

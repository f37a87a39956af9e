/**
 * The classified sheet's own part, around its rows: the used range, the
 * result columns' widths, a frozen header row, fit-to-page printing (head);
 * an AutoFilter, a landscape page setup and a footer (tail). The user's
 * elements are found by a scanner and never rewritten; only the attributes
 * named below change, and what the sheet already has of its own (a pane, an
 * AutoFilter or tables, a page setup, a header or footer) is kept instead of
 * ours.
 */
import { columnLetters } from "../../../core";
import type { SheetLayout } from "./contract";
import { PartError } from "./part-error";
import {
  applySplices,
  attributes,
  childrenOf,
  insertionPoint,
  openTag,
  rootElement,
  scanChildren,
  setAttribute,
  type ScannedElement,
  type Splice,
} from "./xml-scan";

/** CT_Worksheet's children, in schema order. */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;
type WorksheetChild = (typeof WORKSHEET_ORDER)[number];
const rank = (name: WorksheetChild): number => WORKSHEET_ORDER.indexOf(name);
const rankOf = (local: string): number | undefined => {
  const i = (WORKSHEET_ORDER as readonly string[]).indexOf(local);
  return i < 0 ? undefined : i;
};

/**
 * Widths (characters) the engine passes as SheetLayout.resultWidths: Stage
 * fits "Low-volume manufacturing", Readiness score wraps its header over the
 * number, and the long texts wrap at widths that keep the sheet printable one
 * page wide.
 */
export const RESULT_COLUMN_WIDTHS: readonly number[] = [24, 11, 40, 40, 32];

/** A header row lower than this is not frozen: the frozen rows would fill the window. */
export const MAX_FROZEN_ROWS = 10;
const MAX_COLUMN = 16384;

/** The footer: file name, page and page count. */
export const FOOTER = "&amp;F — page &amp;P of &amp;N";

/** The range A1-style, bounds only. */
function range(firstColumn: number, firstRow: number, lastColumn: number, lastRow: number): string {
  return `${columnLetters(firstColumn)}${firstRow}:${columnLetters(lastColumn)}${lastRow}`;
}

/** Top-left (0-based column, 1-based row) of a ref such as "B3:R40"; undefined when it is not one. */
function topLeft(ref: string): { column: number; row: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::|$)/u.exec(ref.trim());
  if (m === null) return undefined;
  let n = 0;
  for (const ch of (m[1] ?? "").toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return { column: n - 1, row: Number(m[2]) };
}

/**
 * Edits the part of the classified sheet before its rows. `head` runs from the
 * start of the part to the end of the `<sheetData>` start tag; a self-closing
 * `<sheetData/>` comes back opened as `<sheetData>`, so the engine must then
 * write `</sheetData>` itself (the tail it passes to editSheetTail starts with
 * that end tag).
 *
 * - `<dimension ref>`: set to the output's range (its top-left kept when the
 *   sheet had one), added when absent.
 * - `<cols>`: one `<col>` per result column with its width; a user's `<col>`
 *   range that covers result columns is split around them, so no other
 *   column changes.
 * - A frozen header row in the first `<sheetView>`, unless it has a pane of
 *   its own or the header row is below MAX_FROZEN_ROWS.
 * - `<sheetPr><pageSetUpPr fitToPage="1"/>` when `layout.printSetup` (a
 *   `fitToPage="false"`, which LibreOffice writes on every sheet, included).
 */
export function editSheetHead(head: string, layout: SheetLayout): string {
  const root = rootElement(head);
  if (root === undefined) throw new PartError("the sheet has no worksheet element");
  const children = childrenOf(head, root).children;
  const sheetData = children[children.length - 1];
  if (sheetData?.local !== "sheetData") throw new Error("editSheetHead needs the sheet up to its <sheetData> start tag");
  const find = (name: WorksheetChild): ScannedElement | undefined => children.find((c) => c.local === name);
  const p = sheetData.prefix;
  const splices: Splice[] = [];
  const insert = (name: WorksheetChild, text: string): void => {
    const at = insertionPoint(children, rank(name), rankOf, root.tagEnd);
    splices.push({ start: at, end: at, text, order: rank(name) });
  };
  const replaceTag = (el: ScannedElement, tag: string): void => void splices.push({ start: el.start, end: el.tagEnd, text: tag, order: 0 });

  if (sheetData.selfClosing) replaceTag(sheetData, openTag(head.slice(sheetData.start, sheetData.tagEnd)));

  if (layout.printSetup === true) {
    const sheetPr = find("sheetPr");
    const fit = `<${p}pageSetUpPr fitToPage="1"/>`;
    if (sheetPr === undefined) insert("sheetPr", `<${p}sheetPr>${fit}</${p}sheetPr>`);
    else {
      const inner = childrenOf(head, sheetPr);
      const setUp = inner.children.find((c) => c.local === "pageSetUpPr");
      const before = inner.children.filter((c) => c.local === "tabColor" || c.local === "outlinePr").pop();
      const fitHere = `<${sheetPr.prefix}pageSetUpPr fitToPage="1"/>`;
      if (setUp !== undefined) {
        replaceTag(setUp, setAttribute(head.slice(setUp.start, setUp.tagEnd), "fitToPage", "1"));
      } else if (sheetPr.selfClosing)
        splices.push({
          start: sheetPr.start,
          end: sheetPr.end,
          text: `${openTag(head.slice(sheetPr.start, sheetPr.tagEnd))}${fitHere}</${sheetPr.qname}>`,
          order: 0,
        });
      else {
        const at = before?.end ?? sheetPr.tagEnd;
        splices.push({ start: at, end: at, text: fitHere, order: 0 });
      }
    }
  }

  const lastColumnLetter = columnLetters(layout.lastColumn);
  const dimension = find("dimension");
  if (dimension === undefined) insert("dimension", `<${p}dimension ref="A1:${lastColumnLetter}${layout.lastRow}"/>`);
  else {
    const tag = head.slice(dimension.start, dimension.tagEnd);
    const from = topLeft(attributes(tag).get("ref") ?? "") ?? { column: 0, row: 1 };
    const ref = range(Math.min(from.column, layout.resultColumn), Math.min(from.row, layout.headerRow), layout.lastColumn, layout.lastRow);
    replaceTag(dimension, setAttribute(tag, "ref", ref));
  }

  if (layout.headerRow <= MAX_FROZEN_ROWS) splices.push(...frozenHeader(head, find("sheetViews"), layout, p, insert));
  splices.push(...resultColumns(head, find("cols"), layout, p, insert));
  return applySplices(head, splices);
}

function frozenHeader(
  head: string,
  sheetViews: ScannedElement | undefined,
  layout: SheetLayout,
  p: string,
  insert: (name: WorksheetChild, text: string) => void,
): Splice[] {
  const pane = (q: string): string => `<${q}pane ySplit="${layout.headerRow}" topLeftCell="A${layout.headerRow + 1}" activePane="bottomLeft" state="frozen"/>`;
  if (sheetViews === undefined) {
    insert("sheetViews", `<${p}sheetViews><${p}sheetView workbookViewId="0">${pane(p)}</${p}sheetView></${p}sheetViews>`);
    return [];
  }
  const view = childrenOf(head, sheetViews).children.find((c) => c.local === "sheetView");
  if (view === undefined) {
    const q = sheetViews.prefix;
    const text = `<${q}sheetView workbookViewId="0">${pane(q)}</${q}sheetView>`;
    if (sheetViews.selfClosing)
      return [
        {
          start: sheetViews.start,
          end: sheetViews.end,
          text: `${openTag(head.slice(sheetViews.start, sheetViews.tagEnd))}${text}</${sheetViews.qname}>`,
          order: 0,
        },
      ];
    const at = childrenOf(head, sheetViews).end;
    return [{ start: at, end: at, text, order: 0 }];
  }
  if (childrenOf(head, view).children.some((c) => c.local === "pane")) return [];
  const q = view.prefix;
  if (view.selfClosing)
    return [{ start: view.start, end: view.end, text: `${openTag(head.slice(view.start, view.tagEnd))}${pane(q)}</${view.qname}>`, order: 0 }];
  return [{ start: view.tagEnd, end: view.tagEnd, text: pane(q), order: 0 }];
}

function resultColumns(
  head: string,
  cols: ScannedElement | undefined,
  layout: SheetLayout,
  p: string,
  insert: (name: WorksheetChild, text: string) => void,
): Splice[] {
  const first = layout.resultColumn + 1;
  const last = Math.min(MAX_COLUMN, layout.resultColumn + layout.resultWidths.length);
  const ours = (q: string): string =>
    layout.resultWidths
      .slice(0, last - first + 1)
      .map((w, i) => `<${q}col min="${first + i}" max="${first + i}" width="${w}" customWidth="1"/>`)
      .join("");
  if (layout.resultWidths.length === 0 || first > MAX_COLUMN) return [];
  if (cols === undefined) {
    insert("cols", `<${p}cols>${ours(p)}</${p}cols>`);
    return [];
  }
  const q = cols.prefix;
  const list = childrenOf(head, cols);
  const splices: Splice[] = [];
  let placed = false;
  for (const col of list.children) {
    if (col.local !== "col") continue;
    const tag = head.slice(col.start, col.tagEnd);
    const attrs = attributes(tag);
    const min = Number(attrs.get("min"));
    const max = Number(attrs.get("max"));
    if (!Number.isInteger(min) || !Number.isInteger(max)) continue;
    if (max < first) continue;
    if (min > last) {
      if (!placed) splices.push({ start: col.start, end: col.start, text: ours(q), order: 0 });
      placed = true;
      break;
    }
    // A range over result columns: its parts left and right of them keep every attribute but min/max.
    const rest = head.slice(col.tagEnd, col.end);
    const part = (a: number, b: number): string => setAttribute(setAttribute(tag, "min", String(a)), "max", String(b)) + rest;
    const text = (min < first ? part(min, first - 1) : "") + (placed ? "" : ours(q)) + (max > last ? part(last + 1, max) : "");
    placed = true;
    splices.push({ start: col.start, end: col.end, text, order: 0 });
  }
  if (!placed) {
    if (cols.selfClosing)
      splices.push({ start: cols.start, end: cols.end, text: `${openTag(head.slice(cols.start, cols.tagEnd))}${ours(q)}</${cols.qname}>`, order: 0 });
    else splices.push({ start: list.end, end: list.end, text: ours(q), order: 0 });
  }
  return splices;
}

/**
 * Whether the sheet sets up its printing itself, so that SheetLayout.printSetup
 * must be false: fit-to-page in `<sheetPr>` (head), manual page breaks, or a
 * `<pageSetup>` that is landscape or scaled (tail). The `<pageSetup>` that
 * LibreOffice and exceljs write on every sheet (portrait, 100 %) is not the
 * user's own: the tail editor turns it landscape and one page wide.
 */
export function hasOwnPrintSetup(head: string, tail: string): boolean {
  const root = rootElement(head);
  const sheetPr = root === undefined ? undefined : childrenOf(head, root).children.find((c) => c.local === "sheetPr");
  const setUpPr = sheetPr === undefined ? undefined : childrenOf(head, sheetPr).children.find((c) => c.local === "pageSetUpPr");
  if (setUpPr !== undefined && /^(1|true)$/u.test(attributes(head.slice(setUpPr.start, setUpPr.tagEnd)).get("fitToPage") ?? "")) return true;
  return sheetHasPageSetup(tail);
}

/** The tail's half of hasOwnPrintSetup: manual page breaks, or a landscape or scaled `<pageSetup>`. */
export function sheetHasPageSetup(tail: string): boolean {
  const children = tailChildren(tail).children;
  if (children.some((c) => c.local === "rowBreaks" || c.local === "colBreaks")) return true;
  const pageSetup = children.find((c) => c.local === "pageSetup");
  if (pageSetup === undefined) return false;
  const attrs = attributes(tail.slice(pageSetup.start, pageSetup.tagEnd));
  return attrs.get("orientation") === "landscape" || (attrs.get("scale") ?? "100") !== "100";
}

function tailChildren(tail: string): { children: readonly ScannedElement[]; from: number; prefix: string } {
  const m = /^\s*<\/([^\s>]+)\s*>/u.exec(tail);
  const qname = m?.[1];
  if (m === null || qname === undefined || !/(^|:)sheetData$/u.test(qname)) throw new Error("editSheetTail needs the sheet from its </sheetData> end tag on");
  const from = m[0].length;
  return { children: scanChildren(tail, from).children, from, prefix: qname.slice(0, qname.length - "sheetData".length) };
}

/** The range of the AutoFilter editSheetTail adds to `tail`, or undefined when the sheet has one of its own or tables. */
export function addedAutoFilter(tail: string, layout: SheetLayout): string | undefined {
  const { children } = tailChildren(tail);
  if (children.some((c) => c.local === "autoFilter" || c.local === "tableParts")) return undefined;
  return range(layout.firstColumn ?? 0, layout.headerRow, layout.lastColumn, Math.max(layout.lastRow, layout.headerRow));
}

/**
 * Edits the part of the classified sheet from `</sheetData>` to its end:
 * an `<autoFilter>` over the header row and the table's columns when the
 * sheet has no AutoFilter and no tables of its own; when `layout.printSetup`,
 * a landscape, one page wide `<pageSetup>` (the sheet's default one, if it has
 * one, gets those three attributes, its paper size and the rest kept); a
 * footer with the file name and page number when it has no `<headerFooter>`.
 */
export function editSheetTail(tail: string, layout: SheetLayout): string {
  const { children, from, prefix: p } = tailChildren(tail);
  const has = (name: WorksheetChild): boolean => children.some((c) => c.local === name);
  const splices: Splice[] = [];
  const insert = (name: WorksheetChild, text: string): void => {
    const at = insertionPoint(children, rank(name), rankOf, from);
    splices.push({ start: at, end: at, text, order: rank(name) });
  };
  const filter = addedAutoFilter(tail, layout);
  if (filter !== undefined) insert("autoFilter", `<${p}autoFilter ref="${filter}"/>`);
  if (layout.printSetup === true) {
    const pageSetup = children.find((c) => c.local === "pageSetup");
    if (pageSetup === undefined) insert("pageSetup", `<${p}pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>`);
    else {
      const tag = tail.slice(pageSetup.start, pageSetup.tagEnd);
      const text = setAttribute(setAttribute(setAttribute(tag, "orientation", "landscape"), "fitToWidth", "1"), "fitToHeight", "0");
      splices.push({ start: pageSetup.start, end: pageSetup.tagEnd, text, order: 0 });
    }
  }
  if (!has("headerFooter")) insert("headerFooter", `<${p}headerFooter><${p}oddFooter>${FOOTER}</${p}oddFooter></${p}headerFooter>`);
  return applySplices(tail, splices);
}

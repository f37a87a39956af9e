/**
 * The cell styles of the result cells and the summary sheet, appended to the
 * workbook's styles part. Every font, fill and cell format already there keeps
 * its index and its bytes; only the `count` attributes of the lists that grow
 * change.
 */
import { STAGE_COLORS, STAGES, type Stage } from "../../../core";
import type { ResultStyles, StylesEdit } from "./contract";
import { applySplices, childrenOf, insertionPoint, openTag, rootElement, setAttribute, attributes, type ScannedElement, type Splice } from "./xml-scan";
import { PartError } from "./part-error";

const SPREADSHEET_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** What a workbook without a styles part gets: Excel's own defaults. */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${SPREADSHEET_MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/** CT_Stylesheet's children, in schema order. */
const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type StylesheetChild = (typeof STYLESHEET_ORDER)[number];
const rankOf = (local: string): number | undefined => {
  const i = (STYLESHEET_ORDER as readonly string[]).indexOf(local);
  return i < 0 ? undefined : i;
};

/** The entries index 0 (and 1 for fills) must mean, which a list the part leaves out or leaves short gets first. */
const LIST_DEFAULTS: Readonly<Record<"fonts" | "fills" | "borders" | "cellXfs", (p: string) => readonly string[]>> = {
  fonts: (p) => [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`],
  fills: (p) => [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`],
  borders: (p) => [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`],
  cellXfs: (p) => [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`],
};

const argb = (hex: string): string => `FF${hex.replace(/^#/u, "").toUpperCase()}`;

interface List {
  readonly name: StylesheetChild;
  /** Entries already there. */
  readonly size: number;
  readonly prefix: string;
  readonly add: string[];
}

export function appendResultStyles(stylesXml: string | undefined): StylesEdit {
  const xml = stylesXml ?? MINIMAL_STYLES;
  const root = rootElement(xml);
  if (root === undefined || root.local !== "styleSheet" || !root.closed) throw new PartError("the styles part has no complete styleSheet element");
  const children = childrenOf(xml, root).children;
  const find = (name: StylesheetChild): ScannedElement | undefined => children.find((c) => c.local === name);
  const entries = (list: ScannedElement | undefined, entry: string): readonly ScannedElement[] =>
    list === undefined ? [] : childrenOf(xml, list).children.filter((c) => c.local === entry);

  const list = (name: "fonts" | "fills" | "borders" | "cellXfs", entry: string): List => {
    const found = find(name);
    const prefix = found === undefined ? root.prefix : found.prefix;
    const size = entries(found, entry).length;
    return { name, size, prefix, add: LIST_DEFAULTS[name](prefix).slice(size) };
  };
  const fonts = list("fonts", "font");
  const fills = list("fills", "fill");
  const borders = list("borders", "border");
  const cellXfs = list("cellXfs", "xf");
  const push = (l: List, text: string): number => l.size + l.add.push(text) - 1;

  const firstXf = entries(find("cellXfs"), "xf")[0];
  const defaultFontId = Number(firstXf === undefined ? 0 : (attributes(xml.slice(firstXf.start, firstXf.tagEnd)).get("fontId") ?? 0));
  const fontEntries = entries(find("fonts"), "font");
  const baseFont = fontEntries[Number.isInteger(defaultFontId) ? defaultFontId : 0] ?? fontEntries[0];
  const fontId = baseFont === undefined ? 0 : fontEntries.indexOf(baseFont);
  const font = (changes: FontChanges): string =>
    baseFont === undefined ? changedFont(LIST_DEFAULTS.fonts(fonts.prefix).join(""), 0, changes) : changedFont(xml, baseFont.start, changes);

  const bold = push(fonts, font({ bold: true }));
  const title = push(fonts, font({ bold: true, size: 14 }));
  const hasStyleXf = entries(find("cellStyleXfs"), "xf").length > 0;
  const xf = (attrs: string, alignment?: string): string => {
    const p = cellXfs.prefix;
    const base = `<${p}xf numFmtId="0" ${attrs} borderId="0"${hasStyleXf ? ' xfId="0"' : ""}`;
    return alignment === undefined ? `${base}/>` : `${base} applyAlignment="1"><${p}alignment ${alignment}/></${p}xf>`;
  };
  const plain = `fontId="${fontId}" fillId="0"`;
  const stage = Object.fromEntries(
    STAGES.map((s) => {
      const colors = STAGE_COLORS[s];
      const stageFont = push(fonts, font({ color: argb(colors.font) }));
      const p = fills.prefix;
      const fill = push(
        fills,
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(colors.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      );
      return [s, push(cellXfs, xf(`fontId="${stageFont}" fillId="${fill}" applyFont="1" applyFill="1"`, 'vertical="top"'))];
    }),
  ) as Record<Stage, number>;
  const styles: ResultStyles = {
    header: push(cellXfs, xf(`fontId="${bold}" fillId="0" applyFont="1"`, 'wrapText="1"')),
    text: push(cellXfs, xf(plain, 'vertical="top"')),
    wrapped: push(cellXfs, xf(plain, 'vertical="top" wrapText="1"')),
    stage,
    summaryTitle: push(cellXfs, xf(`fontId="${title}" fillId="0" applyFont="1"`)),
    summaryHeading: push(cellXfs, xf(`fontId="${bold}" fillId="0" applyFont="1"`)),
    summaryText: push(cellXfs, xf(plain)),
  };

  const splices: Splice[] = [];
  for (const l of [fonts, fills, borders, cellXfs]) {
    const found = find(l.name);
    const total = l.size + l.add.length;
    const inner = l.add.join("");
    if (inner === "") continue;
    if (found === undefined) {
      const p = l.prefix;
      const at = insertionPoint(children, STYLESHEET_ORDER.indexOf(l.name), rankOf, root.tagEnd);
      splices.push({ start: at, end: at, text: `<${p}${l.name} count="${total}">${inner}</${p}${l.name}>`, order: STYLESHEET_ORDER.indexOf(l.name) });
    } else {
      const tag = setAttribute(openTag(xml.slice(found.start, found.tagEnd)), "count", String(total));
      if (found.selfClosing) splices.push({ start: found.start, end: found.end, text: `${tag}${inner}</${found.qname}>`, order: 0 });
      else {
        const close = childrenOf(xml, found).end;
        splices.push({ start: found.start, end: found.tagEnd, text: tag, order: 0 }, { start: close, end: close, text: inner, order: 0 });
      }
    }
  }
  return { xml: applySplices(xml, splices), styles };
}

interface FontChanges {
  readonly bold?: boolean;
  readonly size?: number;
  /** ARGB. */
  readonly color?: string;
}

/** A copy of the font element at `start` in `xml`, with its bold, size or colour replaced. */
function changedFont(xml: string, start: number, changes: FontChanges): string {
  const fontElement = rootElement(xml.slice(start));
  if (fontElement === undefined) throw new Error("no font element to copy");
  const text = xml.slice(start, start + fontElement.end);
  const p = fontElement.prefix;
  const replaced = new Set<string>();
  const added: string[] = [];
  if (changes.bold === true) {
    replaced.add("b");
    added.push(`<${p}b/>`);
  }
  if (changes.size !== undefined) {
    replaced.add("sz");
    added.push(`<${p}sz val="${changes.size}"/>`);
  }
  if (changes.color !== undefined) {
    replaced.add("color");
    added.push(`<${p}color rgb="${changes.color}"/>`);
  }
  const kept = childrenOf(text, fontElement)
    .children.filter((c) => !replaced.has(c.local))
    .map((c) => text.slice(c.start, c.end));
  return `${openTag(text.slice(0, fontElement.tagEnd))}${added.join("")}${kept.join("")}</${fontElement.qname}>`;
}

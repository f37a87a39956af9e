/** The real parts in fixtures/ (see fixtures/SOURCES.md), and the same parts with a namespace prefix. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";

export const PRODUCERS = ["excel", "excel-plain", "google-sheets", "libreoffice", "exceljs"] as const;
export type Producer = (typeof PRODUCERS)[number];

export interface RealParts {
  readonly name: string;
  readonly styles: string;
  readonly workbook: string;
  readonly workbookRels: string;
  readonly contentTypes: string;
  /** The first sheet, up to and including its <sheetData> start tag. */
  readonly head: string;
  /** The first sheet from </sheetData> on. */
  readonly tail: string;
}

const read = (producer: string, file: string): string => readFileSync(path.join(__dirname, "fixtures", producer, file), "utf8");

export function splitSheet(sheet: string): { head: string; tail: string } {
  const open = /<(?:\w+:)?sheetData\b[^>]*>/u.exec(sheet);
  const close = /<\/(?:\w+:)?sheetData>/u.exec(sheet);
  if (open === null || close === null) throw new Error("no sheetData");
  return { head: sheet.slice(0, open.index + open[0].length), tail: sheet.slice(close.index) };
}

export function realParts(producer: Producer): RealParts {
  const { head, tail } = splitSheet(read(producer, "sheet1.xml"));
  return {
    name: producer,
    styles: read(producer, "styles.xml"),
    workbook: read(producer, "workbook.xml"),
    workbookRels: read(producer, "workbook.xml.rels"),
    contentTypes: read(producer, "content-types.xml"),
    head,
    tail,
  };
}

/**
 * `xml` with the elements of its default namespace written with prefix `x:`
 * (`<x:worksheet xmlns:x="...">`), as some producers write them. Elements that
 * already have a prefix keep it.
 */
export function withPrefix(xml: string): string {
  return xml.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/gu, "<$1x:$2").replace(/\sxmlns="/u, ' xmlns:x="');
}

/** The parts of `producer` with every main-namespace element prefixed. */
export function prefixedParts(producer: Producer): RealParts {
  const p = realParts(producer);
  return {
    ...p,
    name: `${producer} (x: prefix)`,
    styles: withPrefix(p.styles),
    workbook: withPrefix(p.workbook),
    head: withPrefix(p.head),
    tail: withPrefix(p.tail),
  };
}

export function expectWellFormed(xml: string): void {
  const result = XMLValidator.validate(xml);
  if (result !== true) throw new Error(`not well-formed: ${result.err.msg} (line ${result.err.line}, col ${result.err.col})`);
}

/**
 * A stand-in for the package editor, for the part editors' tests: classifies
 * the first sheet of an .xlsx with the core, appends the result cells to its
 * rows, and applies the part editors to the sheet, the styles and the
 * workbook parts. Every other entry is copied as it was.
 */
import ExcelJS from "exceljs";
import { RESULT_HEADERS, columnLetters, mapHeaders, resultCells, rowReader, summarize, type Assessment, type Stage, type Summary } from "../../../../src/core";
import type { ResultStyles } from "../../../../src/cli/xlsx/parts/contract";
import { rowTagWithHeight, wrappedRowHeight } from "../../../../src/cli/xlsx/parts/row-height";
import { RESULT_COLUMN_WIDTHS, addedAutoFilter, editSheetHead, editSheetTail, hasOwnPrintSetup } from "../../../../src/cli/xlsx/parts/sheet-edits";
import { appendResultStyles } from "../../../../src/cli/xlsx/parts/styles";
import { cellText, summarySheetParts } from "../../../../src/cli/xlsx/parts/summary-sheet";
import { placeSummary, resolveTarget } from "../../../../src/cli/xlsx/parts/workbook-edits";
import { zipStored } from "../../../fixtures/zip";
import { zipEntries } from "../../../support/zip-entries";

export interface Classified {
  readonly xlsx: Buffer;
  readonly summary: Summary;
  readonly parts: number;
  /** The header row's texts, the result headers left out. */
  readonly header: readonly string[];
  readonly entries: ReadonlyMap<string, string>;
}

function resultRowCells(p: string, row: number, first: number, values: readonly (string | number)[], styleOf: (i: number) => number): string {
  return values
    .map((v, i) => {
      const ref = `${columnLetters(first + i)}${row}`;
      if (typeof v === "number") return `<${p}c r="${ref}" s="${styleOf(i)}"><${p}v>${v}</${p}v></${p}c>`;
      return v === "" ? "" : `<${p}c r="${ref}" s="${styleOf(i)}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${cellText(v)}</${p}t></${p}is></${p}c>`;
    })
    .join("");
}

/** The part of the first worksheet in `entries`, through the workbook's relationships. */
function firstSheetPath(entries: ReadonlyMap<string, string>): string {
  const workbook = entries.get("xl/workbook.xml") ?? "";
  const id = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/u.exec(workbook)?.[1];
  const rels = entries.get("xl/_rels/workbook.xml.rels") ?? "";
  const target = new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*Target="([^"]+)"`, "u").exec(rels)?.[1] ?? /Target="([^"]+)"[^>]*Id="/u.exec(rels)?.[1];
  return resolveTarget("xl", target ?? "worksheets/sheet1.xml");
}

/** `values` is a copy of `xlsx` that exceljs can read, when it cannot read `xlsx` itself (a prefixed workbook). */
export async function classifyWorkbook(xlsx: Buffer, headerRow: number, values: Buffer = xlsx): Promise<Classified> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(values as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (sheet === undefined) throw new Error("no sheet");
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows[n - 1] = values.map((v) =>
      v !== null && typeof v === "object" && "richText" in v ? (v.richText as { text: string }[]).map((r) => r.text).join("") : v,
    );
  });
  const header = rows[headerRow - 1] ?? [];
  const reader = rowReader(mapHeaders(header));
  const resultColumn = Math.max(...rows.map((r) => r?.length ?? 0));
  const assessments = new Map<number, Assessment>();
  rows.forEach((row, i) => {
    if (i + 1 > headerRow && row !== undefined && row.some((v) => v !== null && v !== undefined && v !== "")) assessments.set(i + 1, reader.assess(row));
  });
  const summary = summarize(assessments.values());

  const entries = zipEntries(xlsx);
  const styled = appendResultStyles(entries.get("xl/styles.xml"));
  const styles: ResultStyles = styled.styles;
  const sheetPath = firstSheetPath(entries);
  const sheetXml = entries.get(sheetPath) ?? "";
  const open = /<(?:\w+:)?sheetData\b[^>]*>/u.exec(sheetXml);
  if (open === null) throw new Error("no sheetData");
  const headEnd = open.index + open[0].length;
  const selfClosed = open[0].endsWith("/>");
  const tailStart = selfClosed ? headEnd : sheetXml.search(/<\/(?:\w+:)?sheetData>/u);
  const head = sheetXml.slice(0, headEnd);
  const tail = selfClosed ? `</${/^<(\w+:)?/u.exec(open[0])?.[1] ?? ""}sheetData>${sheetXml.slice(headEnd)}` : sheetXml.slice(tailStart);
  const lastRow = Math.max(rows.length, headerRow);
  const layout = {
    sheetName: sheet.name,
    headerRow,
    resultColumn,
    resultWidths: RESULT_COLUMN_WIDTHS,
    lastRow,
    lastColumn: resultColumn + RESULT_HEADERS.length - 1,
    printSetup: !hasOwnPrintSetup(head, tail),
  };
  const wrap = (i: number, stage: Stage | null): number =>
    i === 0 ? (stage === null ? styles.text : styles.stage[stage]) : i === 1 ? styles.text : styles.wrapped;
  const body = (selfClosed ? "" : sheetXml.slice(headEnd, tailStart)).replace(
    /<(\w+:)?row\b[^>]*\br="(\d+)"[^>]*?(\/>|>[\s\S]*?<\/(\w+:)?row>)/gu,
    (whole: string, prefix: string | undefined, r: string) => {
      const p = prefix ?? "";
      const n = Number(r);
      const a = assessments.get(n);
      const cells =
        n === headerRow
          ? resultRowCells(p, n, resultColumn, RESULT_HEADERS, () => styles.header)
          : a === undefined
            ? ""
            : resultRowCells(p, n, resultColumn, resultCells(a), (i) => wrap(i, a.stage));
      if (cells === "") return whole;
      const texts = n === headerRow ? RESULT_HEADERS : a === undefined ? [] : ["", "", ...resultCells(a).slice(2).map(String)];
      const height = wrappedRowHeight(texts, RESULT_COLUMN_WIDTHS);
      const tag = /^<(\w+:)?row\b[^>]*>/u.exec(whole)?.[0] ?? "<row>";
      const row = rowTagWithHeight(tag, height) + whole.slice(tag.length);
      return row.endsWith("/>") ? `${row.slice(0, -2)}>${cells}</${p}row>` : row.replace(/<\/(\w+:)?row>$/u, `${cells}</${p}row>`);
    },
  );
  const edited = editSheetHead(head, layout) + body + editSheetTail(tail, layout);

  const parts = summarySheetParts({ summary, source: `bill.xlsx, sheet ${sheet.name}`, styles });
  const placement = placeSummary(
    {
      workbookPath: "xl/workbook.xml",
      workbook: entries.get("xl/workbook.xml") ?? "",
      workbookRels: entries.get("xl/_rels/workbook.xml.rels") ?? "",
      contentTypes: entries.get("[Content_Types].xml") ?? "",
    },
    parts,
    { sheetIndex: 0, sheetName: sheet.name, headerRow, filterRange: addedAutoFilter(tail, layout) },
    entries.keys(),
  );
  const out = new Map(entries);
  out.set("xl/styles.xml", styled.xml);
  out.set(sheetPath, edited);
  out.set("xl/workbook.xml", placement.parts.workbook);
  out.set("xl/_rels/workbook.xml.rels", placement.parts.workbookRels);
  out.set("[Content_Types].xml", placement.parts.contentTypes);
  for (const path of placement.removed) out.delete(path);
  for (const part of placement.written) out.set(part.path, part.xml);
  const headerTexts = header.map((v) => (v === null || v === undefined ? "" : String(v)));
  return { xlsx: zipStored([...out].map(([name, data]) => ({ name, data }))), summary, parts: assessments.size, header: headerTexts, entries: out };
}

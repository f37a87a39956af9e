/*
 * Writes a criteria header row and six parts into a copy of a real workbook by
 * editing only its first worksheet's XML, so that every other byte stays the
 * producer's own (issue 10, "How it is measured").
 *
 * Where: rows 1-7 of the first worksheet, in free columns starting two columns
 * right of the last column any cell, merged range or table uses. Rows 1-7 keep
 * the header inside the first 50 rows whatever the sheet's length, and put the
 * parts in rows that usually hold the producer's own cells, so the result
 * cells are appended to real rows. Missing rows are inserted in order.
 *
 * How: inline strings (t="inlineStr") and plain numbers, so sharedStrings and
 * styles are untouched; the worksheet's namespace prefix and the part's
 * encoding (UTF-8, UTF-8 with BOM, UTF-16) are kept; `spans` of the rows
 * touched and `<dimension>` are widened to cover the new cells. Every other zip
 * entry is copied as its stored (compressed) bytes.
 *
 * Usage: tsx scripts/corpus/inject.ts IN.xlsx OUT.xlsx
 */
import { readFileSync, writeFileSync } from "node:fs";
import { attributes, columnLetters, decodePart, encodePart, escapeXml, Package, relationships, workbookInfo, cellRef } from "./ooxml";
import { lastUsedColumn, scanSheet, SheetError } from "./sheet";
import { entryData, readZip, replacedEntry, writeZip, ZipError } from "./zip";

export const INJECTED_HEADERS = [
  "Part number",
  "Design",
  "Fit / function",
  "Material",
  "Finish",
  "Tolerances",
  "DFM",
  "Pilot run",
  "Demand",
  "Supplier status",
  "Inspection plan",
  "Cost",
  "Goal",
  "Qty",
] as const;

/** Six parts meant to land in different stages (prototyping, low-volume, mass production), with blank (missing) and phrased values. */
export const INJECTED_PARTS: readonly (readonly (string | number | null)[])[] = [
  ["CX-001", "Draft", "not tested", "open", "open", "not reviewed", "not done", "not started", "unclear", "new supplier", "none", "rfq sent", "learning", 5],
  [
    "CX-002",
    "Stable",
    "in progress",
    "selected",
    "mostly defined",
    "critical only",
    "in review",
    "not started",
    "forecast",
    "conditional",
    "draft",
    "estimate",
    "pilot",
    50,
  ],
  ["CX-003", "Frozen", "verified", "locked", "confirmed", "reviewed", "done", "validated", "stable", "qualified", "approved", "quoted", "production", 5000],
  ["CX-004", "Released", "validated", "locked", "approved", "optimised", "complete", "passed", "repeat", "approved", "defined", "$4.20", "supply", 1000],
  ["CX-005", null, "verified", null, "black anodize", null, "not done", null, null, "qualified", null, null, null, "2.5k"],
  [
    "CX-006",
    "Frozen (rev C)",
    "Pass (with concession)",
    "mostly defined",
    "trial",
    "critical defined",
    "actions open",
    "running",
    "seasonal",
    "in qualification",
    "preliminary",
    "budgetary quote",
    "pilot",
    200,
  ],
];

export interface Injection {
  readonly zip: Buffer;
  /** The sheet written into, as the workbook names it, and its zip entry name as stored. */
  readonly sheetName: string;
  readonly sheetEntry: string;
  readonly headerRow: number;
  /** 0-based first and last column of the block. */
  readonly firstCol: number;
  readonly lastCol: number;
  readonly encoding: string;
  readonly prefix: string;
}

export class NotInjectable extends Error {}

export function inject(original: Buffer): Injection {
  let entries;
  try {
    entries = readZip(original);
  } catch (error) {
    throw new NotInjectable(error instanceof ZipError ? `zip: ${error.message}` : String(error));
  }
  const pkg = new Package(entries);
  const info = workbookInfo(pkg);
  if (info === undefined) throw new NotInjectable("no workbook part");
  const sheet = info.sheets.find((candidate) => candidate.kind === "worksheet" && candidate.part !== undefined && pkg.entry(candidate.part) !== undefined);
  if (sheet === undefined || sheet.part === undefined) throw new NotInjectable("no worksheet");
  const entry = pkg.entry(sheet.part);
  if (entry === undefined) throw new NotInjectable("worksheet part missing");
  const part = decodePart(entryData(entry));
  const text = part.text;
  let scan;
  try {
    scan = scanSheet(text);
  } catch (error) {
    throw new NotInjectable(error instanceof SheetError ? error.message : String(error));
  }
  const tableRefs: string[] = [];
  for (const rel of relationships(pkg, sheet.part)) {
    if (!/\/table$/u.test(rel.type) || rel.external) continue;
    const table = pkg.text(rel.target);
    const ref = table === undefined ? undefined : /<(?:[\w.-]+:)?table\b[^>]*?\bref\s*=\s*"([^"]*)"/u.exec(table.text)?.[1];
    if (ref !== undefined) tableRefs.push(ref);
  }
  const firstCol = lastUsedColumn(text, scan, tableRefs) + 2;
  const lastCol = firstCol + INJECTED_HEADERS.length - 1;
  // Room for the block and the five result columns after it, within XFD.
  if (lastCol + 6 > 16383) throw new NotInjectable("no free columns");
  const p = scan.prefix;
  const grid: (readonly (string | number | null)[])[] = [INJECTED_HEADERS, ...INJECTED_PARTS];
  const cellsOf = (rowIndex: number): string =>
    (grid[rowIndex - 1] ?? [])
      .map((value, i) => {
        const ref = `${columnLetters(firstCol + i)}${rowIndex}`;
        if (value === null) return "";
        if (typeof value === "number") return `<${p}c r="${ref}"><${p}v>${value}</${p}v></${p}c>`;
        return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${escapeXml(value)}</${p}t></${p}is></${p}c>`;
      })
      .join("");

  // Edits as (start, end, replacement) on the original text, applied back to front.
  const edits: { start: number; end: number; text: string }[] = [];
  const byIndex = new Map(scan.rows.map((row) => [row.index, row]));
  const spanEnd = lastCol + 1;
  if (scan.selfClosingSheetData) {
    const rowsXml = grid.map((_row, i) => `<${p}row r="${i + 1}">${cellsOf(i + 1)}</${p}row>`).join("");
    edits.push({ start: scan.elementStart, end: scan.elementEnd, text: `<${p}sheetData>${rowsXml}</${p}sheetData>` });
  }
  for (let rowIndex = 1; rowIndex <= grid.length && !scan.selfClosingSheetData; rowIndex += 1) {
    const row = byIndex.get(rowIndex);
    if (row !== undefined) {
      const attrsText = row.startTag.replace(/\/?>$/u, "");
      const widened = attrsText.replace(/\bspans\s*=\s*"(\d+):\d+"/u, (_all, from: string) => `spans="${from}:${spanEnd}"`);
      if (row.selfClosing) {
        edits.push({ start: row.start, end: row.end, text: `${widened}>${cellsOf(rowIndex)}</${p}row>` });
      } else {
        const close = row.end - `</${p}row>`.length;
        edits.push({ start: close, end: close, text: cellsOf(rowIndex) });
        if (widened !== attrsText) edits.push({ start: row.start, end: row.start + attrsText.length, text: widened });
      }
      continue;
    }
    // A new row goes before the first row below it; an implicit (r-less) row there would be renumbered.
    const next = scan.rows.find((candidate) => candidate.index > rowIndex);
    if (next !== undefined && !next.hasR) throw new NotInjectable("rows without r would be renumbered");
    const at = next?.start ?? scan.sheetDataEnd;
    edits.push({ start: at, end: at, text: `<${p}row r="${rowIndex}">${cellsOf(rowIndex)}</${p}row>` });
  }

  // <dimension ref="A1:E10"/> widened to the block.
  const dimension = new RegExp(`<${p.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}dimension\\b([^>]*?)/?>`, "u").exec(text);
  if (dimension !== null) {
    const attrs = attributes(dimension[1] ?? "");
    const ref = attrs.get("ref");
    if (ref !== undefined) {
      const [from, to] = ref.includes(":") ? ref.split(":") : [ref, ref];
      const a = cellRef(from ?? "A1");
      const b = cellRef(to ?? "A1");
      const widened = `${columnLetters(Math.min(a.col ?? 0, firstCol))}${Math.min(a.row ?? 1, 1)}:${columnLetters(Math.max(b.col ?? 0, lastCol))}${Math.max(b.row ?? 1, grid.length)}`;
      const refAt = dimension.index + dimension[0].indexOf(ref, dimension[0].indexOf("ref"));
      edits.push({ start: refAt, end: refAt + ref.length, text: widened });
    }
  }

  // Stable order: back to front; at equal offsets, later-queued edits go after earlier ones.
  const ordered = edits.map((edit, order) => ({ ...edit, order })).sort((x, y) => y.start - x.start || y.order - x.order);
  let out = text;
  for (const edit of ordered) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);

  const replaced = replacedEntry(entry, encodePart(out, part.encoding));
  const zip = writeZip(entries.map((candidate) => (candidate === entry ? replaced : candidate)));
  return { zip, sheetName: sheet.name, sheetEntry: entry.name, headerRow: 1, firstCol, lastCol, encoding: part.encoding, prefix: p };
}

if (require.main === module) {
  const [input, output] = process.argv.slice(2);
  if (input === undefined || output === undefined) {
    process.stderr.write("usage: tsx scripts/corpus/inject.ts IN.xlsx OUT.xlsx\n");
    process.exit(1);
  }
  const result = inject(readFileSync(input));
  writeFileSync(output, result.zip);
  process.stdout.write(
    `${output}: sheet "${result.sheetName}" (${result.sheetEntry}), columns ${columnLetters(result.firstCol)}-${columnLetters(result.lastCol)}, rows 1-7\n`,
  );
}

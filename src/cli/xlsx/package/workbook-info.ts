/**
 * What the reader needs from a workbook package: where the workbook part is,
 * its sheets (worksheets to read; chart, dialog and macro sheets only to keep),
 * the date system, the styles that show dates and the shared strings.
 */
import type { FileHandle } from "node:fs/promises";
import type { ZipEntry } from "../../input/zip-directory";
import { isDateFormat } from "./cell-values";
import { readRelationships, relsPathOf, resolveTarget, type Relationship } from "./relationships";
import { PackedStrings } from "./string-table";
import { decodeAll, decodeStream } from "./xml-text";
import { attribute, decodeEntities, decodeXEscapes, nextToken, tokens } from "./xml-tokens";
import { contentStream, readContent } from "./zip-read";

export const SHEET_KINDS = ["worksheet", "chartsheet", "dialogsheet", "macrosheet"] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

export interface SheetInfo {
  readonly name: string;
  /** 0-based position among the workbook's <sheet> elements. */
  readonly index: number;
  readonly kind: SheetKind | "unknown";
  /** The sheet part's zip entry, when it is in the package. */
  readonly entry: ZipEntry | undefined;
}

export interface WorkbookInfo {
  readonly workbookPath: string;
  readonly sheets: readonly SheetInfo[];
  readonly date1904: boolean;
  readonly stylesEntry: ZipEntry | undefined;
  readonly sharedStringsEntry: ZipEntry | undefined;
  readonly relationships: readonly Relationship[];
}

export type PackageIssue = { readonly code: "not-a-spreadsheet" | "no-sheets"; readonly message: string };

export class EntryIndex {
  private readonly byName = new Map<string, ZipEntry>();

  constructor(readonly entries: readonly ZipEntry[]) {
    for (const e of entries) if (!this.byName.has(e.name.toLowerCase())) this.byName.set(e.name.toLowerCase(), e);
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }
}

export async function readText(handle: FileHandle, entry: ZipEntry): Promise<string> {
  return decodeAll(await readContent(handle, entry));
}

function sheetKind(type: string): SheetKind | "unknown" {
  const t = type.toLowerCase();
  if (t === "worksheet") return "worksheet";
  if (t === "chartsheet") return "chartsheet";
  if (t === "dialogsheet") return "dialogsheet";
  if (t === "xlmacrosheet" || t === "xlintlmacrosheet" || t === "macrosheet") return "macrosheet";
  return "unknown";
}

/** The workbook part: the package's officeDocument relationship, or xl/workbook.xml for a package without relationships. */
async function findWorkbook(handle: FileHandle, index: EntryIndex): Promise<ZipEntry | undefined> {
  const rels = index.get("_rels/.rels");
  if (rels !== undefined) {
    const rel = readRelationships(await readText(handle, rels)).find((r) => r.type === "officeDocument" && !r.external);
    const entry = rel === undefined ? undefined : index.get(resolveTarget("", rel.target));
    if (entry !== undefined) return entry;
  }
  return index.get("xl/workbook.xml");
}

export async function readWorkbookInfo(handle: FileHandle, index: EntryIndex): Promise<WorkbookInfo | PackageIssue> {
  const workbook = await findWorkbook(handle, index);
  if (workbook === undefined)
    return { code: "not-a-spreadsheet", message: "is a zip archive but not an .xlsx workbook (it has no workbook part, xl/workbook.xml)" };
  const relsEntry = index.get(relsPathOf(workbook.name));
  const relationships = relsEntry === undefined ? [] : readRelationships(await readText(handle, relsEntry));
  const byId = new Map(relationships.map((r) => [r.id, r] as const));
  const target = (rel: Relationship | undefined): ZipEntry | undefined =>
    rel === undefined || rel.external ? undefined : index.get(resolveTarget(workbook.name, rel.target));
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  for (const t of tokens(await readText(handle, workbook))) {
    if (t.kind !== "open") continue;
    if (t.local === "workbookPr") {
      const v = (attribute(t.attrs, "date1904") ?? "").toLowerCase();
      date1904 = v === "1" || v === "true";
    } else if (t.local === "sheet") {
      const rel = byId.get(attribute(t.attrs, "id") ?? "");
      sheets.push({
        name: attribute(t.attrs, "name") ?? "",
        index: sheets.length,
        kind: rel === undefined ? "unknown" : sheetKind(rel.type),
        entry: target(rel),
      });
    }
  }
  if (!sheets.some((s) => s.kind === "worksheet" && s.entry !== undefined)) return { code: "no-sheets", message: "the workbook has no worksheets" };
  return {
    workbookPath: workbook.name,
    sheets,
    date1904,
    stylesEntry: target(relationships.find((r) => r.type === "styles")),
    sharedStringsEntry: target(relationships.find((r) => r.type === "sharedStrings")),
    relationships,
  };
}

/** Style (xf) indexes whose number format shows a date or a time. */
export function dateStyles(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  for (const t of tokens(stylesXml)) {
    if (t.kind === "open") {
      if (t.local === "numFmt") custom.set(Number(attribute(t.attrs, "numFmtId")), attribute(t.attrs, "formatCode") ?? "");
      else if (t.local === "cellXfs" && !t.selfClosing) inCellXfs = true;
      else if (t.local === "xf" && inCellXfs) xfFormats.push(Number(attribute(t.attrs, "numFmtId") ?? 0));
    } else if (t.kind === "close" && t.local === "cellXfs") inCellXfs = false;
  }
  const found = new Set<number>();
  xfFormats.forEach((id, i) => {
    if (isDateFormat(id, custom)) found.add(i);
  });
  return found;
}

/** The shared strings, read as a stream: rich runs joined, phonetic runs (rPh) left out, whitespace as stored. */
export async function readSharedStrings(file: string, handle: FileHandle, entry: ZipEntry): Promise<PackedStrings> {
  const strings = new PackedStrings();
  let buf = "";
  let pos = 0;
  let inSi = false;
  let phonetic = 0;
  let inT = false;
  let parts: string[] = [];
  const handleToken = (t: NonNullable<ReturnType<typeof nextToken>>): void => {
    if (t.kind === "open") {
      if (t.local === "si") {
        inSi = !t.selfClosing;
        parts = [];
        if (t.selfClosing) strings.push("");
      } else if (t.local === "rPh" && !t.selfClosing) phonetic += 1;
      else if (t.local === "t" && !t.selfClosing && inSi) inT = true;
    } else if (t.kind === "close") {
      if (t.local === "si") {
        strings.push(decodeXEscapes(parts.join("")));
        inSi = false;
      } else if (t.local === "rPh") phonetic = Math.max(0, phonetic - 1);
      else if (t.local === "t") inT = false;
    } else if (inT && phonetic === 0) {
      if (t.kind === "text") parts.push(decodeEntities(t.raw));
      else if (t.kind === "cdata") parts.push(t.text);
    }
  };
  for await (const chunk of decodeStream(await contentStream(file, handle, entry))) {
    buf = pos === 0 ? buf + chunk : buf.slice(pos) + chunk;
    pos = 0;
    for (let t = nextToken(buf, pos, false); t !== undefined; t = nextToken(buf, pos, false)) {
      handleToken(t);
      pos = t.end;
    }
  }
  for (let t = nextToken(buf, pos, true); t !== undefined; t = nextToken(buf, pos, true)) {
    handleToken(t);
    pos = t.end;
  }
  return strings.done();
}

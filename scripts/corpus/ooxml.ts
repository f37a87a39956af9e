/*
 * Just enough OOXML for the corpus tools: part text in its own encoding,
 * relationships, the workbook part and its sheets. Regular expressions over
 * the raw text, on purpose: the checker compares raw bytes and must not lean
 * on a parser that could normalise what it compares.
 */
import path from "node:path";
import { entryData, type ZipEntry } from "./zip";

export type PartEncoding = "utf8" | "utf8-bom" | "utf16le" | "utf16be";

export interface PartText {
  readonly text: string;
  readonly encoding: PartEncoding;
}

export function decodePart(data: Buffer): PartText {
  if (data[0] === 0xff && data[1] === 0xfe) return { text: data.subarray(2).toString("utf16le"), encoding: "utf16le" };
  if (data[0] === 0xfe && data[1] === 0xff) return { text: swap16(data.subarray(2)).toString("utf16le"), encoding: "utf16be" };
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return { text: data.subarray(3).toString("utf8"), encoding: "utf8-bom" };
  if (data[0] === 0x3c && data[1] === 0x00) return { text: data.toString("utf16le"), encoding: "utf16le" };
  return { text: data.toString("utf8"), encoding: "utf8" };
}

export function encodePart(text: string, encoding: PartEncoding): Buffer {
  switch (encoding) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "utf8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "utf16be":
      return Buffer.concat([Buffer.from([0xfe, 0xff]), swap16(Buffer.from(text, "utf16le"))]);
  }
}

function swap16(data: Buffer): Buffer {
  const copy = Buffer.from(data.subarray(0, data.length - (data.length % 2)));
  return copy.swap16();
}

/** Attributes of a start tag's attribute text, by qualified name, values as written (not unescaped). */
export function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu)) {
    found.set(match[1] ?? "", match[2] ?? match[3] ?? "");
  }
  return found;
}

/** The value of the first attribute whose local name is `local` (any prefix). */
export function attributeByLocalName(attrs: ReadonlyMap<string, string>, local: string): string | undefined {
  for (const [name, value] of attrs) if (name === local || name.endsWith(`:${local}`)) return value;
  return undefined;
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/giu, (all, code: string) => {
    const lower = code.toLowerCase();
    if (lower === "amp") return "&";
    if (lower === "lt") return "<";
    if (lower === "gt") return ">";
    if (lower === "quot") return '"';
    if (lower === "apos") return "'";
    const value = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(value) ? String.fromCodePoint(value) : all;
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");
}

/** Entries by normalised part name: no leading slash, lower case (part names are case-insensitive). */
export class Package {
  readonly entries: readonly ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();

  constructor(entries: readonly ZipEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      const key = partKey(entry.name);
      if (!this.byName.has(key)) this.byName.set(key, entry);
    }
  }

  entry(partName: string): ZipEntry | undefined {
    return this.byName.get(partKey(partName));
  }

  text(partName: string): PartText | undefined {
    const entry = this.entry(partName);
    return entry === undefined ? undefined : decodePart(entryData(entry));
  }
}

/** Some writers store Windows paths (`xl\\workbook.xml`); readers such as Excel and LibreOffice accept them. */
export function partKey(name: string): string {
  return name.replace(/\\/gu, "/").replace(/^\/+/u, "").toLowerCase();
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target resolved to a part name (no leading slash), or the raw target for external ones. */
  readonly target: string;
  readonly external: boolean;
}

/** The relationships part of `partName` (its _rels/NAME.rels). */
export function relsPath(partName: string): string {
  const clean = partName.replace(/^\/+/u, "");
  const dir = path.posix.dirname(clean);
  return `${dir === "." ? "" : `${dir}/`}_rels/${path.posix.basename(clean)}.rels`;
}

export function relationships(pkg: Package, sourcePart: string): Relationship[] {
  const rels = pkg.text(sourcePart === "" ? "_rels/.rels" : relsPath(sourcePart));
  if (rels === undefined) return [];
  const found: Relationship[] = [];
  const base = sourcePart === "" ? "" : path.posix.dirname(sourcePart.replace(/^\/+/u, ""));
  for (const match of rels.text.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*?)\/?>/gu)) {
    const attrs = attributes(match[1] ?? "");
    const target = unescapeXml(attrs.get("Target") ?? "");
    const external = (attrs.get("TargetMode") ?? "") === "External";
    const resolved = external ? target : target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(base === "." ? "" : base, target));
    found.push({ id: attrs.get("Id") ?? "", type: attrs.get("Type") ?? "", target: resolved, external });
  }
  return found;
}

export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "other";

export interface SheetRef {
  readonly name: string;
  readonly kind: SheetKind;
  /** Part name, or undefined when the relationship is missing. */
  readonly part: string | undefined;
}

export interface WorkbookInfo {
  readonly workbookPart: string;
  readonly sheets: readonly SheetRef[];
  readonly rels: readonly Relationship[];
}

export function workbookInfo(pkg: Package): WorkbookInfo | undefined {
  const office = relationships(pkg, "").find((rel) => /\/officeDocument$/u.test(rel.type) && !rel.external);
  const workbookPart = office?.target ?? (pkg.entry("xl/workbook.xml") ? "xl/workbook.xml" : undefined);
  if (workbookPart === undefined) return undefined;
  const workbook = pkg.text(workbookPart);
  if (workbook === undefined) return undefined;
  const rels = relationships(pkg, workbookPart);
  const sheets: SheetRef[] = [];
  for (const match of workbook.text.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/gu)) {
    const attrs = attributes(match[1] ?? "");
    const id = attributeByLocalName(attrs, "id");
    const rel = rels.find((candidate) => candidate.id === id);
    const type = rel?.type ?? "";
    const kind: SheetKind = /\/worksheet$/u.test(type)
      ? "worksheet"
      : /\/chartsheet$/u.test(type)
        ? "chartsheet"
        : /\/dialogsheet$/u.test(type)
          ? "dialogsheet"
          : /macrosheet$/iu.test(type)
            ? "macrosheet"
            : "other";
    sheets.push({ name: unescapeXml(attrs.get("name") ?? ""), kind, part: rel?.target });
  }
  return { workbookPart, sheets, rels };
}

/** The namespace prefix of the document element `local` ("" or "x:"), or undefined when there is none. */
export function rootPrefix(text: string, local: string): string | undefined {
  const match = new RegExp(`<([\\w.-]+:)?${local}[\\s/>]`, "u").exec(text);
  return match === null ? undefined : (match[1] ?? "");
}

/** "AB" -> 27 (0-based). */
export function columnIndex(letters: string): number {
  let value = 0;
  for (const char of letters.toUpperCase()) value = value * 26 + (char.charCodeAt(0) - 64);
  return value - 1;
}

/** 27 -> "AB" (0-based). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "$B$3" -> { col: 1, row: 3 }; a whole column or row reference gives only the part it has. */
export function cellRef(ref: string): { col?: number; row?: number } {
  const match = /^\$?([A-Za-z]{0,3})\$?(\d*)$/u.exec(ref.trim());
  if (match === null) return {};
  return { ...(match[1] ? { col: columnIndex(match[1]) } : {}), ...(match[2] ? { row: Number(match[2]) } : {}) };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

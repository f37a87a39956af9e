/*
 * "Nothing lost", checked from the raw bytes of an input workbook and its
 * classified output (issue 10). The contract of the package-level editor:
 *
 * - every zip entry of the input is in the output, in the same order, and all
 *   but these are byte-identical (decompressed): the classified sheet, the
 *   styles part, the workbook part, its relationships and [Content_Types].xml;
 * - in the classified sheet every original cell's raw XML, and every original
 *   row start tag's attributes but `spans`, are in the same row of the output,
 *   apart from cells in the five result columns; outside sheetData the sheet
 *   may change only its `<dimension>`, its `<cols>` (the original `<col>`s
 *   outside the result columns kept), and may add a frozen pane, autoFilter,
 *   pageSetup, printOptions, headerFooter and sheetPr/pageSetUpPr where the
 *   sheet had none; every other element is kept as written, in order;
 * - styles are appended: each original style list (fonts, fills, cellXfs,
 *   dxfs...) is a prefix of the output's, so every `s` index still means what
 *   it meant; other style elements unchanged;
 * - the workbook keeps its sheets, defined names and every other element as
 *   written (a summary sheet and a Print_Titles name may be added); its
 *   relationships and content types keep every original entry as written.
 *
 * Findings are "lost" (a user's cell, row, part or style changed or missing:
 * data lost), "contract" (a change outside the contract that loses nothing,
 * such as an element added where none was allowed) or "results" (the result
 * columns or the summary sheet are missing).
 */
import { columnLetters, decodePart, Package, partKey, relationships, relsPath, workbookInfo, unescapeXml } from "./ooxml";
import { scanSheet, type RawRow } from "./sheet";
import { childElements, childrenOf, rawAttributes, rootElement, type RawElement } from "./xmltree";
import { entryData, readZip, type ZipEntry } from "./zip";

export type FindingKind = "lost" | "contract" | "results";

export interface Finding {
  readonly kind: FindingKind;
  readonly detail: string;
}

/** The five result headers, lower-cased; the score's is "Readiness score" (earlier "Score"). */
export const RESULT_HEADERS = ["stage", "readiness score", "next step", "blockers", "missing"] as const;
const HEADER_ALIASES: Readonly<Record<string, readonly string[]>> = { "readiness score": ["readiness score", "score"] };
export const SUMMARY_SHEET = "Readiness summary";

export interface Expectation {
  /** The sheet that must have been classified (injected files); otherwise it is found from the output. */
  readonly sheetName?: string;
  /** 1-based rows that must carry a result (the injected parts). */
  readonly partRows?: readonly number[];
}

export interface Verification {
  readonly findings: readonly Finding[];
  readonly classifiedSheet?: string;
  /** 0-based column of Stage in the output. */
  readonly resultColumn?: number;
}

const SHORT = 160;
function short(text: string): string {
  return text.length > SHORT ? `${text.slice(0, SHORT)}…` : text;
}

/** Text of shared strings: each `<si>`'s `<t>` runs, phonetic runs left out. */
function sharedStrings(pkg: Package, workbookPart: string): string[] {
  const rel = relationships(pkg, workbookPart).find((candidate) => /\/sharedStrings$/u.test(candidate.type));
  const text = rel === undefined ? undefined : pkg.text(rel.target)?.text;
  if (text === undefined) return [];
  const out: string[] = [];
  for (const match of text.matchAll(/<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/gu)) out.push(runText(match[1] ?? ""));
  return out;
}

function runText(xml: string): string {
  const noPhonetic = xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/gu, "");
  let text = "";
  for (const match of noPhonetic.matchAll(/<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/gu)) text += unescapeXml(match[1] ?? "");
  return text;
}

function cellText(cell: string, strings: readonly string[]): string {
  const tag = /^<[^>]*>/u.exec(cell)?.[0] ?? "";
  const type = /\bt\s*=\s*"([^"]*)"/u.exec(tag)?.[1];
  if (type === "inlineStr") return runText(/<(?:[\w.-]+:)?is\b[\s\S]*?<\/(?:[\w.-]+:)?is>/u.exec(cell)?.[0] ?? "");
  const value = /<(?:[\w.-]+:)?v\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?v>/u.exec(cell)?.[1];
  if (value === undefined) return "";
  if (type === "s") return strings[Number(value)] ?? "";
  return unescapeXml(value);
}

/** The Stage column when some row of the first 60 holds the five result headers side by side. */
function findResultColumn(rows: readonly RawRow[], strings: readonly string[]): { row: number; col: number } | undefined {
  for (const row of rows) {
    if (row.index > 60) break;
    const byCol = new Map(row.cells.map((cell) => [cell.col, cellText(cell.text, strings).trim().toLowerCase()]));
    for (const [col, text] of byCol) {
      if (text !== RESULT_HEADERS[0]) continue;
      if (RESULT_HEADERS.every((header, i) => (HEADER_ALIASES[header] ?? [header]).includes(byCol.get(col + i) ?? ""))) return { row: row.index, col };
    }
  }
  return undefined;
}

export function verifyOutput(input: Buffer, output: Buffer, expect: Expectation = {}): Verification {
  const findings: Finding[] = [];
  const add = (kind: FindingKind, detail: string): void => {
    findings.push({ kind, detail });
  };
  let inEntries: ZipEntry[];
  let outEntries: ZipEntry[];
  try {
    inEntries = readZip(input);
  } catch (error) {
    return { findings: [{ kind: "contract", detail: `input unreadable by the checker: ${String(error)}` }] };
  }
  try {
    outEntries = readZip(output);
  } catch (error) {
    return { findings: [{ kind: "lost", detail: `output is not a readable zip: ${String(error)}` }] };
  }
  const pkgIn = new Package(inEntries);
  const pkgOut = new Package(outEntries);
  const infoIn = workbookInfo(pkgIn);
  const infoOut = workbookInfo(pkgOut);
  if (infoIn === undefined) return { findings: [{ kind: "contract", detail: "input has no workbook part" }] };
  if (infoOut === undefined) return { findings: [{ kind: "lost", detail: "output has no workbook part" }] };

  // Which sheet was classified, and where its results are.
  const stringsOut = sharedStrings(pkgOut, infoOut.workbookPart);
  let classified: { name: string; partIn: string; partOut: string; resultCol: number; headerRow: number } | undefined;
  for (const sheet of infoOut.sheets) {
    if (sheet.kind !== "worksheet" || sheet.part === undefined || sheet.name === SUMMARY_SHEET) continue;
    if (expect.sheetName !== undefined && sheet.name !== expect.sheetName) continue;
    const text = pkgOut.text(sheet.part)?.text;
    if (text === undefined) continue;
    let rows: readonly RawRow[];
    try {
      rows = scanSheet(text).rows;
    } catch {
      continue;
    }
    const found = findResultColumn(rows, stringsOut);
    const inSheet = infoIn.sheets.find((candidate) => candidate.name === sheet.name);
    if (found !== undefined && inSheet?.part !== undefined) {
      classified = { name: sheet.name, partIn: inSheet.part, partOut: sheet.part, resultCol: found.col, headerRow: found.row };
      break;
    }
  }
  if (classified === undefined)
    add(
      "results",
      expect.sheetName === undefined ? "no sheet has the five result headers" : `sheet "${expect.sheetName}" has no row with the five result headers`,
    );
  if (!infoOut.sheets.some((sheet) => sheet.name === SUMMARY_SHEET)) add("results", `no "${SUMMARY_SHEET}" sheet`);

  // Zip entries: all kept, in order; all but the allowed ones byte-identical.
  const stylesRel = infoIn.rels.find((rel) => /\/styles$/u.test(rel.type));
  const allowed = new Set(
    [
      infoIn.workbookPart,
      relsPath(infoIn.workbookPart),
      "[Content_Types].xml",
      ...(stylesRel ? [stylesRel.target] : []),
      ...(classified ? [classified.partIn] : []),
    ].map(partKey),
  );
  // Part names are case-insensitive; an input that already holds two entries of one name (apache/poi's
  // duplicate-filename-case-insensitive.xlsx) may keep them, matched in order, but the output must not add one.
  const outIndexes = new Map<string, number[]>();
  outEntries.forEach((entry, i) => {
    const key = partKey(entry.name);
    outIndexes.set(key, [...(outIndexes.get(key) ?? []), i]);
  });
  const inCounts = new Map<string, number>();
  for (const entry of inEntries) inCounts.set(partKey(entry.name), (inCounts.get(partKey(entry.name)) ?? 0) + 1);
  for (const [key, indexes] of outIndexes)
    if (indexes.length > Math.max(1, inCounts.get(key) ?? 0)) add("contract", `output has two entries named ${outEntries[indexes[1] ?? 0]?.name ?? key}`);
  const taken = new Map<string, number>();
  let lastIndex = -1;
  for (const entry of inEntries) {
    const key = partKey(entry.name);
    const nth = taken.get(key) ?? 0;
    taken.set(key, nth + 1);
    const at = outIndexes.get(key)?.[nth];
    if (at === undefined) {
      if (!entry.name.endsWith("/")) add("lost", `entry ${entry.name} is missing from the output`);
      continue;
    }
    if (at < lastIndex) add("contract", `entry ${entry.name} moved (entry order changed)`);
    lastIndex = Math.max(lastIndex, at);
    if (allowed.has(key)) continue;
    const outEntry = outEntries[at] as ZipEntry;
    if (entry.method === outEntry.method && entry.raw.equals(outEntry.raw)) continue;
    let same: boolean;
    try {
      same = entryData(entry).equals(entryData(outEntry));
    } catch (error) {
      add("lost", `entry ${entry.name} cannot be decompressed: ${String(error)}`);
      continue;
    }
    if (!same) add("lost", `entry ${entry.name} changed`);
  }

  if (classified !== undefined) {
    checkSheet(pkgIn, pkgOut, classified, expect, stringsOut, add);
  }
  if (stylesRel !== undefined) checkStyles(pkgIn, pkgOut, stylesRel.target, infoOut.rels.find((rel) => /\/styles$/u.test(rel.type))?.target, add);
  checkWorkbook(pkgIn, pkgOut, infoIn.workbookPart, infoOut.workbookPart, add);
  checkListed(pkgIn, pkgOut, relsPath(infoIn.workbookPart), add);
  checkListed(pkgIn, pkgOut, "[Content_Types].xml", add);
  return { findings, ...(classified ? { classifiedSheet: classified.name, resultColumn: classified.resultCol } : {}) };
}

type Add = (kind: FindingKind, detail: string) => void;

/**
 * The sheet's own view and print settings: the editor may add them where the
 * sheet has none, never change them. A change is reported as outside the
 * contract rather than as data lost.
 */
const SETTINGS = new Set(["sheetPr", "sheetViews", "sheetFormatPr", "pageSetup", "printOptions", "pageMargins", "headerFooter", "autoFilter"]);

/**
 * Row attributes of layout only (height): changed, they are outside the contract; hidden, style, outline level changed are data lost.
 * One exception: a row whose height is not the user's own (no customHeight="1") may get a taller `ht`, so wrapped results show.
 */
const ROW_LAYOUT = new Set(["ht", "customHeight", "x14ac:dyDescent", "thickBot", "thickTop"]);

/**
 * A producer's default print setup (portrait, 100 %, no manual breaks), which
 * LibreOffice and several libraries write on every sheet, is not the user's
 * own: the editor may turn it landscape and one page wide (these attributes,
 * and fitToPage on sheetPr's pageSetUpPr), keeping every other attribute.
 */
const PAGE_FIT = new Set(["orientation", "fitToWidth", "fitToHeight"]);

function producerDefaultPageSetup(startTag: string): boolean {
  const attrs = rawAttributes(startTag);
  const value = (name: string): string | undefined => attrs.get(name)?.slice(1, -1);
  return value("orientation") !== "landscape" && (value("scale") ?? "100") === "100";
}

/** Elements the editor may add to the classified sheet where the sheet has none. */
const ADDABLE = new Set(["autoFilter", "pageSetup", "printOptions", "headerFooter", "cols", "dimension", "sheetPr", "sheetViews", "sheetFormatPr"]);

function checkSheet(
  pkgIn: Package,
  pkgOut: Package,
  sheet: { name: string; partIn: string; partOut: string; resultCol: number; headerRow: number },
  expect: Expectation,
  stringsOut: readonly string[],
  add: Add,
): void {
  const inPart = pkgIn.text(sheet.partIn);
  const outPart = pkgOut.text(sheet.partOut);
  if (inPart === undefined || outPart === undefined) {
    add("lost", `classified sheet part missing (${sheet.partIn})`);
    return;
  }
  const where = `sheet "${sheet.name}"`;
  const inText = inPart.text;
  const outText = outPart.text;
  if (inPart.encoding !== outPart.encoding) add("contract", `${where}: encoding ${inPart.encoding} became ${outPart.encoding}`);
  const isResult = (col: number): boolean => col >= sheet.resultCol && col < sheet.resultCol + RESULT_HEADERS.length;
  const scanIn = scanSheet(inText);
  const scanOut = scanSheet(outText);
  const outRows = new Map<number, RawRow>();
  for (const row of scanOut.rows) {
    if (outRows.has(row.index)) add("contract", `${where}: row ${row.index} written twice`);
    else outRows.set(row.index, row);
  }
  let lostCells = 0;
  const lostExamples: string[] = [];
  for (const row of scanIn.rows) {
    const out = outRows.get(row.index);
    if (out === undefined) {
      lostCells += row.cells.filter((cell) => !isResult(cell.col)).length;
      add("lost", `${where}: row ${row.index} missing`);
      continue;
    }
    const attrsIn = rawAttributes(row.startTag);
    const attrsOut = rawAttributes(out.startTag);
    const userHeight = /^["'](?:1|true)["']$/u.test(attrsIn.get("customHeight") ?? "");
    const raisedHeight = (name: string): boolean => {
      if (name !== "ht" || userHeight) return false;
      const before = Number((attrsIn.get("ht") ?? "0").slice(1, -1) || "0");
      const after = Number((attrsOut.get("ht") ?? "").slice(1, -1));
      return Number.isFinite(after) && after > before;
    };
    for (const [name, value] of attrsIn) {
      if (name === "spans" || raisedHeight(name)) continue;
      if (attrsOut.get(name) !== value)
        add(ROW_LAYOUT.has(name) ? "contract" : "lost", `${where}: row ${row.index} attribute ${name}=${value} became ${attrsOut.get(name) ?? "(absent)"}`);
    }
    for (const [name, value] of attrsOut) {
      if (name !== "spans" && !attrsIn.has(name) && !raisedHeight(name)) add("contract", `${where}: row ${row.index} attribute ${name}=${value} added`);
    }
    const outCells = out.cells.map((cell) => cell.text);
    let from = 0;
    for (const cell of row.cells) {
      if (isResult(cell.col)) continue;
      // A cell without an r address that follows inserted result cells may be given the address of the column it had.
      const addressed = /^<([\w.-]+:)?c(?=[\s/>])(?![^>]*\sr\s*=)/u.test(cell.text)
        ? cell.text.replace(/^<([\w.-]+:)?c(?=[\s/>])/u, (name) => `${name} r="${columnLetters(cell.col)}${row.index}"`)
        : undefined;
      let at = outCells.indexOf(cell.text, from);
      if (addressed !== undefined) {
        const other = outCells.indexOf(addressed, from);
        if (other >= 0 && (at < 0 || other < at)) at = other;
      }
      if (at < 0) {
        lostCells += 1;
        if (lostExamples.length < 3) {
          const now = out.cells.find((candidate) => candidate.col === cell.col)?.text ?? "(none)";
          lostExamples.push(`row ${row.index}: ${short(cell.text)} -> ${short(now)}`);
        }
      } else from = at + 1;
    }
    const inCols = new Set(row.cells.map((cell) => cell.col));
    for (const cell of out.cells) {
      if (!isResult(cell.col) && !inCols.has(cell.col))
        add("contract", `${where}: cell added outside the result columns, row ${row.index}: ${short(cell.text)}`);
    }
  }
  if (lostCells > 0) add("lost", `${where}: ${lostCells} original cell(s) not kept as written, e.g. ${lostExamples.join("; ")}`);
  const inIndexes = new Set(scanIn.rows.map((row) => row.index));
  for (const row of scanOut.rows) {
    if (inIndexes.has(row.index)) continue;
    for (const cell of row.cells)
      if (!isResult(cell.col)) add("contract", `${where}: cell added outside the result columns in new row ${row.index}: ${short(cell.text)}`);
  }
  for (const rowIndex of expect.partRows ?? []) {
    const stage = outRows.get(rowIndex)?.cells.find((cell) => cell.col === sheet.resultCol);
    if (stage === undefined || cellText(stage.text, stringsOut).trim() === "") add("results", `${where}: row ${rowIndex} has no Stage`);
  }

  // Outside sheetData.
  const rootIn = rootElement(inText);
  const rootOut = rootElement(outText);
  if (rootIn === undefined || rootOut === undefined) return;
  if (inText.slice(0, rootIn.start) !== outText.slice(0, rootOut.start)) add("contract", `${where}: XML declaration changed`);
  if (rootIn.startTag !== rootOut.startTag) add("contract", `${where}: worksheet start tag changed: ${short(rootOut.startTag)}`);
  const childrenIn = childrenOf(inText, rootIn).filter((child) => child.name !== "sheetData");
  const childrenOut = childrenOf(outText, rootOut).filter((child) => child.name !== "sheetData");
  const outByName = new Map<string, RawElement[]>();
  for (const child of childrenOut) outByName.set(child.name, [...(outByName.get(child.name) ?? []), child]);
  let from = 0;
  for (const child of childrenIn) {
    const candidates = outByName.get(child.name) ?? [];
    if (child.name === "dimension") continue;
    if (child.name === "cols") {
      const outCols = candidates.flatMap((cols) => childrenOf(outText, cols).map((col) => col.text));
      for (const col of childrenOf(inText, child)) {
        const attrs = rawAttributes(col.startTag);
        const min = Number((attrs.get("min") ?? "0").replace(/["']/gu, "")) - 1;
        const max = Number((attrs.get("max") ?? "0").replace(/["']/gu, "")) - 1;
        if (max >= sheet.resultCol && min < sheet.resultCol + RESULT_HEADERS.length) continue;
        if (!outCols.includes(col.text)) add("lost", `${where}: column format ${short(col.text)} not kept`);
      }
      continue;
    }
    if (child.name === "sheetViews" && !/<(?:[\w.-]+:)?pane\b/u.test(child.text)) {
      const out = candidates[0];
      const viewsIn = childrenOf(inText, child);
      const viewsOut = out === undefined ? [] : childrenOf(outText, out);
      viewsIn.forEach((view, i) => {
        const attrsOut = rawAttributes(viewsOut[i]?.startTag ?? "");
        for (const [name, value] of rawAttributes(view.startTag))
          if (attrsOut.get(name) !== value) add("contract", `${where}: sheetView ${name}=${value} changed`);
      });
      continue;
    }
    if (child.name === "pageSetup" && producerDefaultPageSetup(child.startTag)) {
      const attrsOut = rawAttributes(candidates[0]?.startTag ?? "");
      for (const [name, value] of rawAttributes(child.startTag)) {
        if (!PAGE_FIT.has(name) && attrsOut.get(name) !== value) add("contract", `${where}: pageSetup ${name}=${value} changed`);
      }
      continue;
    }
    if (
      child.name === "sheetPr" &&
      /<(?:[\w.-]+:)?pageSetUpPr\b/u.test(child.text) &&
      !/<(?:[\w.-]+:)?pageSetUpPr\b[^>]*\bfitToPage\s*=\s*["'](?:1|true)["']/u.test(child.text)
    ) {
      const withoutFit = (text: string): string => text.replace(/(<(?:[\w.-]+:)?pageSetUpPr\b[^>]*?)\s+fitToPage\s*=\s*("[^"]*"|'[^']*')/u, "$1");
      const out = candidates[0];
      if (out === undefined || withoutFit(out.text) !== withoutFit(child.text))
        add("contract", `${where}: sheetPr changed: ${short(child.text)} -> ${short(out?.text ?? "(none)")}`);
      continue;
    }
    if (child.name === "sheetPr" && !/<(?:[\w.-]+:)?pageSetUpPr\b/u.test(child.text)) {
      const out = candidates[0];
      const strip = (text: string): string =>
        text
          .replace(/<(?:[\w.-]+:)?pageSetUpPr\b[^>]*\/>/u, "")
          .replace(/^(<[^>]*?)\s*\/>$/u, "$1></sheetPr>")
          .replace(/^(<[^>]*?)\s*>\s*<\/([\w.-]+:)?sheetPr>$/u, "$1/>");
      if (out === undefined || strip(out.text) !== strip(child.text))
        add("contract", `${where}: sheetPr changed: ${short(child.text)} -> ${short(out?.text ?? "(none)")}`);
      continue;
    }
    const at = childrenOut.findIndex((candidate, i) => i >= from && candidate.text === child.text);
    if (at < 0) {
      const now = candidates.map((candidate) => short(candidate.text)).join(" ") || "(none)";
      add(SETTINGS.has(child.name) ? "contract" : "lost", `${where}: <${child.name}> not kept as written: ${short(child.text)} -> ${now}`);
    } else from = at + 1;
  }
  const namesIn = new Set(childrenIn.map((child) => child.name));
  for (const child of childrenOut) {
    if (namesIn.has(child.name)) continue;
    if (!ADDABLE.has(child.name)) add("contract", `${where}: <${child.name}> added (not in the contract)`);
  }
}

const STYLE_LISTS = new Set(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"]);

function checkStyles(pkgIn: Package, pkgOut: Package, partIn: string, partOut: string | undefined, add: Add): void {
  const inText = pkgIn.text(partIn)?.text;
  const outText = partOut === undefined ? undefined : pkgOut.text(partOut)?.text;
  if (inText === undefined) return;
  if (outText === undefined) {
    add("lost", "styles part missing from the output");
    return;
  }
  const rootIn = rootElement(inText);
  const rootOut = rootElement(outText);
  if (rootIn === undefined || rootOut === undefined) return;
  const outChildren = childrenOf(outText, rootOut);
  for (const child of childrenOf(inText, rootIn)) {
    const out = outChildren.find((candidate) => candidate.name === child.name);
    if (STYLE_LISTS.has(child.name)) {
      const listIn = childrenOf(inText, child).map((item) => item.text);
      const listOut = out === undefined ? [] : childrenOf(outText, out).map((item) => item.text);
      const changed = listIn.findIndex((item, i) => listOut[i] !== item);
      if (changed >= 0) add("lost", `styles: ${child.name}[${changed}] ${short(listIn[changed] ?? "")} became ${short(listOut[changed] ?? "(absent)")}`);
      continue;
    }
    if (out === undefined || out.text !== child.text) add("lost", `styles: <${child.name}> not kept as written`);
  }
}

function checkWorkbook(pkgIn: Package, pkgOut: Package, partIn: string, partOut: string, add: Add): void {
  const inText = pkgIn.text(partIn)?.text;
  const outText = pkgOut.text(partOut)?.text;
  if (inText === undefined || outText === undefined) return;
  const rootIn = rootElement(inText);
  const rootOut = rootElement(outText);
  if (rootIn === undefined || rootOut === undefined) return;
  if (rootIn.startTag !== rootOut.startTag) add("contract", `workbook: start tag changed: ${short(rootOut.startTag)}`);
  const outChildren = childrenOf(outText, rootOut);
  for (const child of childrenOf(inText, rootIn)) {
    const out = outChildren.find((candidate) => candidate.name === child.name);
    if (child.name === "sheets" || child.name === "definedNames") {
      const listOut = out === undefined ? [] : childrenOf(outText, out).map((item) => item.text);
      let from = 0;
      for (const item of childrenOf(inText, child)) {
        const at = listOut.indexOf(item.text, from);
        if (at < 0) add("lost", `workbook: ${short(item.text)} not kept as written`);
        else from = at + 1;
      }
      continue;
    }
    if (out === undefined || out.text !== child.text)
      add(
        child.name === "bookViews" || child.name === "calcPr" ? "contract" : "lost",
        `workbook: <${child.name}> not kept as written: ${short(out?.text ?? "(none)")}`,
      );
  }
}

/** Every child of the root of `part` (relationships, content types) kept as written. */
function checkListed(pkgIn: Package, pkgOut: Package, part: string, add: Add): void {
  const inText = pkgIn.text(part)?.text;
  if (inText === undefined) return;
  const outText = pkgOut.text(part)?.text;
  if (outText === undefined) {
    add("lost", `${part} missing from the output`);
    return;
  }
  const rootIn = rootElement(inText);
  const rootOut = rootElement(outText);
  if (rootIn === undefined || rootOut === undefined) return;
  const outItems = new Set(childrenOf(outText, rootOut).map((item) => item.text));
  for (const item of childrenOf(inText, rootIn)) if (!outItems.has(item.text)) add("lost", `${part}: ${short(item.text)} not kept as written`);
}

/** For tests of the checker itself: the top-level elements of a part. */
export function topLevel(text: string): RawElement[] {
  const root = rootElement(text);
  return root === undefined ? [] : childElements(text, root.contentStart, root.contentEnd);
}

export { decodePart };

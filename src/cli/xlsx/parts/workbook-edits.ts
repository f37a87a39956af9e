/**
 * Wires the Readiness summary sheet into the package: its `<sheet>` in the
 * workbook, the relationships of the workbook, the sheet and its drawing, the
 * content types, and print titles for the classified sheet. New elements take
 * the prefix and relationship namespace the part already uses; a Strict
 * workbook gets Strict namespaces in the new parts too.
 */
import { quoteSheetName, SUMMARY_SHEET } from "../../../core";
import type { ClassifiedSheet, PartText, SummaryParts, SummaryPlacement, WorkbookParts } from "./contract";
import { PartError } from "./part-error";
import { CHART, CHART_RELATIONSHIP_ID, DRAWING_MAIN, DRAWING_RELATIONSHIP_ID, RELATIONSHIPS, SPREADSHEET_DRAWING, SPREADSHEET_MAIN } from "./summary-sheet";
import {
  applySplices,
  attributeByLocal,
  attributes,
  childrenOf,
  escapeXml,
  insertionPoint,
  openTag,
  rootElement,
  type ScannedElement,
  type Splice,
} from "./xml-scan";

const STRICT: Readonly<Record<string, string>> = {
  [SPREADSHEET_MAIN]: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  [RELATIONSHIPS]: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  [DRAWING_MAIN]: "http://purl.oclc.org/ooxml/drawingml/main",
  [CHART]: "http://purl.oclc.org/ooxml/drawingml/chart",
  [SPREADSHEET_DRAWING]: "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
};
const STRICT_RELATIONSHIPS = STRICT[RELATIONSHIPS] ?? "";
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

const CONTENT_TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
} as const;

/** CT_Workbook's children, in schema order. */
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
] as const;
const workbookRank = (local: string): number | undefined => {
  const i = (WORKBOOK_ORDER as readonly string[]).indexOf(local);
  return i < 0 ? undefined : i;
};

/** The summary's drawing and chart parts: fixed names, so a later run overwrites its own rather than adding more. */
const DRAWING_NAME = "readinessSummary";

const decode = (text: string): string =>
  text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/gu, (_, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[named as "amp"];
  });

function dirname(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

/** A relationship target resolved against the folder of the part that holds it; no leading slash. */
export function resolveTarget(folder: string, target: string): string {
  const parts = target.startsWith("/") ? [] : folder.split("/").filter((s) => s !== "");
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") parts.pop();
    else parts.push(segment);
  }
  return parts.join("/");
}

/** `to` relative to `folder`, both package paths without a leading slash. */
function relative(folder: string, to: string): string {
  const from = folder.split("/").filter((s) => s !== "");
  const target = to.split("/");
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common += 1;
  return [...Array<string>(from.length - common).fill(".."), ...target.slice(common)].join("/");
}

function relsPathOf(path: string): string {
  const folder = dirname(path);
  const name = path.slice(folder.length === 0 ? 0 : folder.length + 1);
  return `${folder === "" ? "" : `${folder}/`}_rels/${name}.rels`;
}

/** The prefix (with colon, or "") bound to `namespace` on `tag`, if any. */
function prefixFor(tag: string, namespaces: readonly string[]): string | undefined {
  for (const [name, value] of attributes(tag)) {
    if (!namespaces.includes(value)) continue;
    if (name === "xmlns") return "";
    if (name.startsWith("xmlns:")) return `${name.slice(6)}:`;
  }
  return undefined;
}

function partOrThrow(xml: string, local: string, what: string): ScannedElement {
  const root = rootElement(xml);
  if (root === undefined || root.local !== local || !root.closed) throw new PartError(`${what} has no complete ${local} element`);
  return root;
}

function appendInside(xml: string, parent: ScannedElement, text: string): Splice {
  if (parent.selfClosing)
    return { start: parent.start, end: parent.end, text: `${openTag(xml.slice(parent.start, parent.tagEnd))}${text}</${parent.qname}>`, order: 0 };
  const at = childrenOf(xml, parent).end;
  return { start: at, end: at, text, order: 0 };
}

function relationshipsXml(relations: readonly { id: string; type: string; target: string }[]): string {
  const items = relations.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${items}</Relationships>`;
}

/** First free path among `base1.xml`, `base2.xml`... (case-insensitive, as zip readers compare). */
function freePath(folder: string, base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const path = `${folder}${base}${n}.xml`;
    if (!taken.has(path.toLowerCase()) && !taken.has(relsPathOf(path).toLowerCase())) return path;
  }
}

/**
 * Adds the summary sheet at the end of `<sheets>`, or, when the workbook has
 * a sheet of that name already (an earlier run's; `replaceable` may say it is
 * not, then the summary takes the next free name), keeps that sheet's place,
 * name and id and writes the new summary over its part. Adds a
 * `_xlnm.Print_Titles` repeating the classified sheet's header row unless that
 * sheet has print titles of its own, and the `_xlnm._FilterDatabase` of the
 * AutoFilter added to it (`classified.filterRange`).
 */
export function placeSummary(
  parts: WorkbookParts,
  summary: SummaryParts,
  classified: ClassifiedSheet,
  existingPaths: Iterable<string>,
  replaceable: (sheetPath: string) => boolean = () => true,
): SummaryPlacement {
  const taken = new Set([...existingPaths].map((p) => p.replace(/^\//u, "").toLowerCase()));
  const workbookFolder = dirname(parts.workbookPath);
  const prefixFolder = workbookFolder === "" ? "" : `${workbookFolder}/`;
  const wb = parts.workbook;
  const root = partOrThrow(wb, "workbook", "the workbook part");
  const rootTag = wb.slice(root.start, root.tagEnd);
  const strict = attributes(rootTag).get(root.prefix === "" ? "xmlns" : `xmlns:${root.prefix.slice(0, -1)}`) === STRICT[SPREADSHEET_MAIN];
  const relationshipNs = strict ? STRICT_RELATIONSHIPS : RELATIONSHIPS;
  const relType = (kind: "worksheet" | "drawing" | "chart"): string => `${relationshipNs}/${kind}`;
  const flavour = (xml: string): string => (strict ? Object.entries(STRICT).reduce((text, [from, to]) => text.split(from).join(to), xml) : xml);

  const children = childrenOf(wb, root).children;
  const sheets = children.find((c) => c.local === "sheets");
  if (sheets === undefined) throw new PartError("the workbook part has no sheets element");
  const sheetElements = childrenOf(wb, sheets).children.filter((c) => c.local === "sheet");
  const sheetTags = sheetElements.map((s) => wb.slice(s.start, s.tagEnd));
  const names = sheetTags.map((t) => decode(attributes(t).get("name") ?? ""));

  const relsRoot = partOrThrow(parts.workbookRels, "Relationships", "the workbook's relationships");
  const relations = childrenOf(parts.workbookRels, relsRoot)
    .children.filter((c) => c.local === "Relationship")
    .map((c) => attributes(parts.workbookRels.slice(c.start, c.tagEnd)));
  const targetOf = (id: string): string | undefined => {
    const rel = relations.find((r) => r.get("Id") === id);
    const target = rel?.get("Target");
    return target === undefined || rel?.get("TargetMode") === "External" ? undefined : resolveTarget(workbookFolder, decode(target));
  };

  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  const earlier = names.findIndex((n, i) => i !== classified.sheetIndex && same(n, SUMMARY_SHEET));
  const earlierTag = sheetTags[earlier];
  const earlierId = earlierTag === undefined ? undefined : attributeByLocal(earlierTag, "id");
  const earlierPath = earlierId === undefined ? undefined : targetOf(earlierId);
  const replacing = earlierPath !== undefined && replaceable(earlierPath);

  let name = SUMMARY_SHEET;
  for (let n = 2; !replacing && names.some((taken) => same(taken, name)); n += 1) name = `${SUMMARY_SHEET} (${n})`;
  const sheetPath = replacing ? earlierPath : freePath(`${prefixFolder}worksheets/`, "sheet", taken);

  const written: PartText[] = [];
  const removed: string[] = [];
  const newOverrides: { path: string; type: string }[] = [];
  const sheetRels = relsPathOf(sheetPath);
  const quotedName = quoteSheetName(name);
  if (summary.drawingXml !== undefined && summary.chartXml !== undefined) {
    const own = (folder: string): string => {
      const path = `${prefixFolder}${folder}/${DRAWING_NAME}.xml`;
      return replacing || !taken.has(path.toLowerCase()) ? path : freePath(`${prefixFolder}${folder}/`, DRAWING_NAME, taken);
    };
    const drawingPath = own("drawings");
    const chartPath = own("charts");
    const chartXml = name === SUMMARY_SHEET ? summary.chartXml : summary.chartXml.split(`${quoteSheetName(SUMMARY_SHEET)}!`).join(`${escapeXml(quotedName)}!`);
    written.push(
      { path: sheetPath, xml: flavour(summary.sheetXml) },
      {
        path: sheetRels,
        xml: relationshipsXml([{ id: DRAWING_RELATIONSHIP_ID, type: relType("drawing"), target: relative(dirname(sheetPath), drawingPath) }]),
      },
      { path: drawingPath, xml: flavour(summary.drawingXml) },
      {
        path: relsPathOf(drawingPath),
        xml: relationshipsXml([{ id: CHART_RELATIONSHIP_ID, type: relType("chart"), target: relative(dirname(drawingPath), chartPath) }]),
      },
      { path: chartPath, xml: flavour(chartXml) },
    );
    newOverrides.push({ path: drawingPath, type: CONTENT_TYPES.drawing }, { path: chartPath, type: CONTENT_TYPES.chart });
  } else {
    written.push({ path: sheetPath, xml: flavour(summary.sheetXml) });
    if (taken.has(sheetRels.toLowerCase())) removed.push(sheetRels);
  }
  newOverrides.push({ path: sheetPath, type: CONTENT_TYPES.worksheet });

  const workbookSplices: Splice[] = [];
  let workbookRels = parts.workbookRels;
  if (!replacing) {
    const ids = new Set(relations.map((r) => r.get("Id") ?? ""));
    let n = relations.length + 1;
    while (ids.has(`rId${n}`)) n += 1;
    const id = `rId${n}`;
    const relsPrefix = relsRoot.prefix;
    workbookRels = applySplices(workbookRels, [
      appendInside(
        workbookRels,
        relsRoot,
        `<${relsPrefix}Relationship Id="${id}" Type="${relType("worksheet")}" Target="${escapeXml(relative(workbookFolder, sheetPath))}"/>`,
      ),
    ]);
    const sheetIds = sheetTags.map((t) => Number(attributes(t).get("sheetId") ?? 0)).filter(Number.isFinite);
    const sheetId = Math.max(0, ...sheetIds) + 1;
    const rPrefix = prefixFor(rootTag, [relationshipNs, RELATIONSHIPS, STRICT_RELATIONSHIPS]);
    const idAttribute = rPrefix === undefined || rPrefix === "" ? `xmlns:r="${relationshipNs}" r:id` : `${rPrefix}id`;
    workbookSplices.push(appendInside(wb, sheets, `<${sheets.prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${idAttribute}="${id}"/>`));
  }
  workbookSplices.push(...printTitles(wb, root, children, classified));

  return {
    parts: { ...parts, workbook: applySplices(wb, workbookSplices), workbookRels, contentTypes: withOverrides(parts.contentTypes, newOverrides) },
    written,
    removed,
  };
}

/** `B2:AA35` as `$B$2:$AA$35`. */
const absolute = (range: string): string => range.replace(/\$?([A-Z]+)\$?(\d+)/gu, "$$$1$$$2");

/**
 * The classified sheet's print titles (its header row), unless it has its
 * own, and the hidden _xlnm._FilterDatabase name of the AutoFilter added to it.
 */
function printTitles(wb: string, root: ScannedElement, children: readonly ScannedElement[], classified: ClassifiedSheet): Splice[] {
  const definedNames = children.find((c) => c.local === "definedNames");
  const has = (name: string): boolean =>
    (definedNames === undefined ? [] : childrenOf(wb, definedNames).children).some((d) => {
      const attrs = attributes(wb.slice(d.start, d.tagEnd));
      return (
        d.local === "definedName" && attrs.get("name")?.toLowerCase() === name.toLowerCase() && attrs.get("localSheetId") === String(classified.sheetIndex)
      );
    });
  const p = definedNames?.prefix ?? root.prefix;
  const sheet = quoteSheetName(classified.sheetName);
  const row = `$${classified.headerRow}`;
  const name = (n: string, value: string, hidden: boolean): string =>
    `<${p}definedName name="${n}" localSheetId="${classified.sheetIndex}"${hidden ? ' hidden="1"' : ""}>${escapeXml(value)}</${p}definedName>`;
  let entry = "";
  if (classified.filterRange !== undefined && !has("_xlnm._FilterDatabase"))
    entry += name("_xlnm._FilterDatabase", `${sheet}!${absolute(classified.filterRange)}`, true);
  if (!has("_xlnm.Print_Titles")) entry += name("_xlnm.Print_Titles", `${sheet}!${row}:${row}`, false);
  if (entry === "") return [];
  if (definedNames !== undefined) return [appendInside(wb, definedNames, entry)];
  const at = insertionPoint(children, WORKBOOK_ORDER.indexOf("definedNames"), workbookRank, root.tagEnd);
  return [{ start: at, end: at, text: `<${p}definedNames>${entry}</${p}definedNames>`, order: 0 }];
}

function withOverrides(contentTypes: string, overrides: readonly { path: string; type: string }[]): string {
  const root = partOrThrow(contentTypes, "Types", "[Content_Types].xml");
  const entries = childrenOf(contentTypes, root).children.map((c) => ({ local: c.local, attrs: attributes(contentTypes.slice(c.start, c.tagEnd)) }));
  const p = root.prefix;
  const has = (path: string): boolean =>
    entries.some((e) => e.local === "Override" && decode(e.attrs.get("PartName") ?? "").toLowerCase() === `/${path}`.toLowerCase());
  let text = "";
  if (!entries.some((e) => e.local === "Default" && e.attrs.get("Extension")?.toLowerCase() === "rels"))
    text += `<${p}Default Extension="rels" ContentType="${CONTENT_TYPES.rels}"/>`;
  for (const o of overrides) if (!has(o.path)) text += `<${p}Override PartName="/${escapeXml(o.path)}" ContentType="${o.type}"/>`;
  return text === "" ? contentTypes : applySplices(contentTypes, [appendInside(contentTypes, root, text)]);
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SummaryParts, WorkbookParts } from "../../../../src/cli/xlsx/parts/contract";
import { placeSummary, resolveTarget } from "../../../../src/cli/xlsx/parts/workbook-edits";
import { attributes, childrenOf, rootElement, type ScannedElement } from "../../../../src/cli/xlsx/parts/xml-scan";
import { PRODUCERS, expectWellFormed, prefixedParts, realParts, type RealParts } from "./real-parts";

const SUMMARY: SummaryParts = {
  sheetXml:
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><drawing r:id="rId1"/></worksheet>',
  drawingXml: '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>',
  chartXml: "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:f>'Readiness summary'!$B$6:$B$8</c:f></c:chartSpace>",
};
const NO_CHART: SummaryParts = { sheetXml: SUMMARY.sheetXml };

/** The package as paths to text, from the fixtures: the workbook's sheets exist at their targets. */
function packageOf(parts: RealParts): { workbook: WorkbookParts; paths: string[] } {
  const workbook: WorkbookParts = {
    workbookPath: "xl/workbook.xml",
    workbook: parts.workbook,
    workbookRels: parts.workbookRels,
    contentTypes: parts.contentTypes,
  };
  const paths = [
    "[Content_Types].xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    ...relationships(parts.workbookRels).map((r) => resolveTarget("xl", r.get("Target") ?? "")),
  ];
  return { workbook, paths };
}

function elements(xml: string, parentLocal: string | undefined, local: string): { element: ScannedElement; attrs: ReadonlyMap<string, string> }[] {
  const root = rootElement(xml) as ScannedElement;
  const parent = parentLocal === undefined ? root : childrenOf(xml, root).children.find((c) => c.local === parentLocal);
  if (parent === undefined) return [];
  return childrenOf(xml, parent)
    .children.filter((c) => c.local === local)
    .map((element) => ({ element, attrs: attributes(xml.slice(element.start, element.tagEnd)) }));
}

const relationships = (rels: string): ReadonlyMap<string, string>[] => elements(rels, undefined, "Relationship").map((e) => e.attrs);
const sheetsOf = (workbook: string): ReadonlyMap<string, string>[] => elements(workbook, "sheets", "sheet").map((e) => e.attrs);
const idOf = (attrs: ReadonlyMap<string, string>): string | undefined => [...attrs].find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];

/** Whether `a` can be had from `b` by deleting characters: `b` only inserted into `a`. */
function onlyInserted(a: string, b: string): boolean {
  let i = 0;
  for (let j = 0; j < b.length && i < a.length; j += 1) if (a[i] === b[j]) i += 1;
  return i === a.length;
}

const ALL = [...PRODUCERS.map(realParts), ...PRODUCERS.map(prefixedParts)];

describe("placeSummary", () => {
  it.each(ALL.map((p) => [p.name, p] as const))(
    "%s: a new sheet at the end, wired to its part, drawing and chart; the parts only gain elements",
    (_name, parts) => {
      const { workbook, paths } = packageOf(parts);
      const placed = placeSummary(workbook, SUMMARY, { sheetIndex: 0, sheetName: "Sheet1", headerRow: 1 }, paths);
      for (const xml of [placed.parts.workbook, placed.parts.workbookRels, placed.parts.contentTypes, ...placed.written.map((w) => w.xml)])
        expectWellFormed(xml);
      expect(onlyInserted(workbook.workbook, placed.parts.workbook)).toBe(true);
      expect(onlyInserted(workbook.workbookRels, placed.parts.workbookRels)).toBe(true);
      expect(onlyInserted(workbook.contentTypes, placed.parts.contentTypes)).toBe(true);
      expect(placed.removed).toEqual([]);

      const before = sheetsOf(workbook.workbook);
      const after = sheetsOf(placed.parts.workbook);
      expect(after).toHaveLength(before.length + 1);
      const added = after[after.length - 1] as ReadonlyMap<string, string>;
      expect(added.get("name")).toBe("Readiness summary");
      expect(before.map((s) => s.get("sheetId"))).not.toContain(added.get("sheetId"));
      const rels = relationships(placed.parts.workbookRels);
      expect(new Set(rels.map((r) => r.get("Id"))).size).toBe(rels.length);
      const rel = rels.find((r) => r.get("Id") === idOf(added));
      expect(rel?.get("Type")).toBe("http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet");
      const sheetPath = resolveTarget("xl", rel?.get("Target") ?? "");
      const written = new Map(placed.written.map((w) => [w.path, w.xml]));
      expect(written.get(sheetPath)).toBe(SUMMARY.sheetXml);
      for (const path of written.keys()) expect(paths).not.toContain(path);

      const sheetRels = relationships(written.get(sheetPath.replace(/([^/]+)$/u, "_rels/$1.rels")) ?? "<Relationships/>");
      const drawingPath = resolveTarget("xl/worksheets", sheetRels[0]?.get("Target") ?? "");
      expect(written.get(drawingPath)).toBe(SUMMARY.drawingXml);
      const drawingRels = relationships(written.get(drawingPath.replace(/([^/]+)$/u, "_rels/$1.rels")) ?? "<Relationships/>");
      expect(written.get(resolveTarget("xl/drawings", drawingRels[0]?.get("Target") ?? ""))).toBe(SUMMARY.chartXml);

      const overrides = new Set(elements(placed.parts.contentTypes, undefined, "Override").map((o) => o.attrs.get("PartName")));
      for (const path of written.keys()) if (!path.endsWith(".rels")) expect(overrides).toContain(`/${path}`);

      const titles = elements(placed.parts.workbook, "definedNames", "definedName").filter((d) => d.attrs.get("name") === "_xlnm.Print_Titles");
      expect(titles.map((d) => [d.attrs.get("localSheetId"), placed.parts.workbook.slice(d.element.tagEnd, d.element.end).replace(/<\/[^>]*>$/u, "")])).toEqual(
        [["0", "Sheet1!$1:$1"]],
      );
    },
  );

  it("replaces an earlier run's summary in place: same sheet, same part, nothing added to the workbook or its relationships", () => {
    const { workbook, paths } = packageOf(realParts("excel"));
    const classified = { sheetIndex: 1, sheetName: "Sheet2", headerRow: 3 };
    const first = placeSummary(workbook, SUMMARY, classified, paths);
    const firstPaths = [...paths, ...first.written.map((w) => w.path)];
    const second = placeSummary(first.parts, SUMMARY, classified, firstPaths);
    expect(second.parts).toEqual(first.parts);
    expect(second.written.map((w) => w.path)).toEqual(first.written.map((w) => w.path));
    expect(second.removed).toEqual([]);
    const third = placeSummary(second.parts, NO_CHART, classified, firstPaths);
    expect(third.written.map((w) => w.path)).toEqual([first.written[0]?.path]);
    expect(third.removed).toEqual([first.written[1]?.path]);
  });

  it("keeps a sheet of that name that the engine says is the user's, and takes the next free name, in the chart's ranges too", () => {
    const { workbook, paths } = packageOf(realParts("excel-plain"));
    const first = placeSummary(workbook, NO_CHART, { sheetIndex: 0, sheetName: "Sheet1", headerRow: 1 }, paths);
    const second = placeSummary(
      first.parts,
      SUMMARY,
      { sheetIndex: 0, sheetName: "Sheet1", headerRow: 1 },
      [...paths, ...first.written.map((w) => w.path)],
      () => false,
    );
    expect(sheetsOf(second.parts.workbook).map((s) => s.get("name"))).toEqual([
      ...sheetsOf(workbook.workbook).map((s) => s.get("name")),
      "Readiness summary",
      "Readiness summary (2)",
    ]);
    expect(second.written.find((w) => w.path.includes("charts/"))?.xml).toContain("'Readiness summary (2)'!$B$6:$B$8");
  });

  it("keeps the classified sheet's own print titles", () => {
    const parts = realParts("excel");
    const own = parts.workbook.replace(
      "<calcPr",
      `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">Sheet1!$A:$A</definedName></definedNames><calcPr`,
    );
    expect(own).not.toBe(parts.workbook);
    const { paths } = packageOf(parts);
    const placed = placeSummary({ ...packageOf(parts).workbook, workbook: own }, SUMMARY, { sheetIndex: 0, sheetName: "Sheet1", headerRow: 2 }, paths);
    expect(placed.parts.workbook.match(/_xlnm\.Print_Titles/gu)).toHaveLength(1);
    const other = placeSummary({ ...packageOf(parts).workbook, workbook: own }, SUMMARY, { sheetIndex: 1, sheetName: "Sheet2", headerRow: 2 }, paths);
    expect(other.parts.workbook).toContain(
      'Sheet1!$A:$A</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">Sheet2!$2:$2</definedName></definedNames>',
    );
  });

  it("names the AutoFilter added to the classified sheet _xlnm._FilterDatabase, hidden, unless the sheet has one", () => {
    const { workbook, paths } = packageOf(realParts("google-sheets"));
    const placed = placeSummary(workbook, SUMMARY, { sheetIndex: 0, sheetName: "Sheet1", headerRow: 2, filterRange: "B2:J30" }, paths);
    expect(placed.parts.workbook).toContain(
      '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Sheet1!$B$2:$J$30</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">Sheet1!$2:$2</definedName></definedNames>',
    );
    const again = placeSummary(placed.parts, SUMMARY, { sheetIndex: 0, sheetName: "Sheet1", headerRow: 2, filterRange: "B2:J30" }, [
      ...paths,
      ...placed.written.map((w) => w.path),
    ]);
    expect(again.parts.workbook).toBe(placed.parts.workbook);
  });

  it("a Strict workbook gets Strict relationship types and namespaces in the new parts", () => {
    const parts = realParts("excel-plain");
    const strict = parts.workbook
      .replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
      .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships");
    const { workbook, paths } = packageOf(parts);
    const placed = placeSummary({ ...workbook, workbook: strict }, SUMMARY, { sheetIndex: 0, sheetName: "Sheet1", headerRow: 1 }, paths);
    expect(placed.parts.workbookRels).toContain('Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet"');
    for (const w of placed.written) expect(w.xml).not.toContain("schemas.openxmlformats.org/spreadsheetml");
    expect(placed.written.find((w) => w.path.includes("charts/"))?.xml).toContain("http://purl.oclc.org/ooxml/drawingml/chart");
  });

  it("a workbook that binds no prefix to the relationships namespace gets it declared on the new sheet", () => {
    const parts = realParts("excel-plain");
    const { workbook, paths } = packageOf(parts);
    const bare = workbook.workbook
      .replace(/ xmlns:r="[^"]*"/u, "")
      .replace(/ r:id=/gu, " rel:id=")
      .replace("<workbook ", '<workbook xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
    const placed = placeSummary({ ...workbook, workbook: bare }, SUMMARY, { sheetIndex: 0, sheetName: "Sheet1", headerRow: 1 }, paths);
    expect(placed.parts.workbook).toMatch(/<sheet name="Readiness summary" sheetId="\d+" rel:id="rId\d+"\/>/u);
    const none = placeSummary(
      { ...workbook, workbook: bare.replace(/ xmlns:rel="[^"]*"/u, "") },
      SUMMARY,
      { sheetIndex: 0, sheetName: "Sheet1", headerRow: 1 },
      paths,
    );
    expect(none.parts.workbook).toMatch(
      /<sheet name="Readiness summary" sheetId="\d+" xmlns:r="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships" r:id="rId\d+"\/>/u,
    );
  });

  it("chooses part names free of any taken path, whatever is taken", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 8 }), fc.boolean(), (numbers, drawingsTaken) => {
        const { workbook, paths } = packageOf(realParts("google-sheets"));
        const taken = [
          ...paths,
          ...numbers.map((n) => `xl/worksheets/sheet${n}.xml`),
          ...(drawingsTaken ? ["xl/drawings/readinessSummary.xml", "xl/charts/readinessSummary.xml"] : []),
        ];
        const placed = placeSummary(workbook, SUMMARY, { sheetIndex: 0, sheetName: "Sheet1", headerRow: 1 }, taken);
        const lower = new Set(taken.map((t) => t.toLowerCase()));
        for (const w of placed.written) expect(lower.has(w.path.toLowerCase())).toBe(false);
        expect(new Set(placed.written.map((w) => w.path)).size).toBe(placed.written.length);
      }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SheetLayout } from "../../../../src/cli/xlsx/parts/contract";
import { FOOTER, MAX_FROZEN_ROWS, RESULT_COLUMN_WIDTHS, editSheetHead, editSheetTail, hasOwnPrintSetup } from "../../../../src/cli/xlsx/parts/sheet-edits";
import { attributes, childrenOf, rootElement, scanChildren, type ScannedElement } from "../../../../src/cli/xlsx/parts/xml-scan";
import { PRODUCERS, expectWellFormed, prefixedParts, realParts, type RealParts } from "./real-parts";

const ORDER =
  "sheetPr dimension sheetViews sheetFormatPr cols sheetData sheetCalcPr sheetProtection protectedRanges scenarios autoFilter sortState dataConsolidate customSheetViews mergeCells phoneticPr conditionalFormatting dataValidations hyperlinks printOptions pageMargins pageSetup headerFooter rowBreaks colBreaks customProperties cellWatches ignoredErrors smartTags drawing legacyDrawing legacyDrawingHF drawingHF picture oleObjects controls webPublishItems tableParts extLst".split(
    " ",
  );

function headChildren(head: string): { root: ScannedElement; children: readonly ScannedElement[] } {
  const root = rootElement(head);
  if (root === undefined) throw new Error("no root");
  return { root, children: childrenOf(head, root).children };
}

function tailChildren(tail: string): readonly ScannedElement[] {
  return scanChildren(tail, tail.indexOf(">") + 1).children;
}

const text = (xml: string, e: ScannedElement): string => xml.slice(e.start, e.end);
const tagOf = (xml: string, e: ScannedElement): ReadonlyMap<string, string> => attributes(xml.slice(e.start, e.tagEnd));

function expectSchemaOrder(children: readonly ScannedElement[]): void {
  const ranks = children.map((c) => ORDER.indexOf(c.local)).filter((r) => r >= 0);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
}

/** The attributes (min and max aside) that apply to each column 1..limit, from the <col> elements. */
function columnFormats(head: string, limit: number): (string | undefined)[] {
  const { children } = headChildren(head);
  const cols = children.find((c) => c.local === "cols");
  const out: (string | undefined)[] = Array.from({ length: limit + 1 }, () => undefined);
  if (cols === undefined) return out;
  for (const col of childrenOf(head, cols).children) {
    const attrs = new Map(tagOf(head, col));
    const min = Number(attrs.get("min"));
    const max = Number(attrs.get("max"));
    attrs.delete("min");
    attrs.delete("max");
    const rest = JSON.stringify([...attrs].sort());
    for (let c = min; c <= Math.min(max, limit); c += 1) {
      expect(out[c], `column ${c} described twice`).toBeUndefined();
      out[c] = rest;
    }
  }
  return out;
}

/** What must hold of any edit: well-formed, schema order, the user's elements and columns kept, ours added only where the sheet has none. */
function checkEdits(parts: RealParts, layout: SheetLayout): { head: string; tail: string } {
  const head = editSheetHead(parts.head, layout);
  const tail = editSheetTail(parts.tail, layout);
  expectWellFormed(head + tail);

  const before = headChildren(parts.head);
  const after = headChildren(head);
  expect(head.slice(0, after.root.tagEnd)).toBe(parts.head.slice(0, before.root.tagEnd));
  expectSchemaOrder(after.children);
  const edited = new Set(["sheetPr", "dimension", "sheetViews", "cols", "sheetData"]);
  const kept = after.children.map((c) => text(head, c));
  for (const c of before.children.filter((c) => !edited.has(c.local))) expect(kept).toContain(text(parts.head, c));

  const dimension = after.children.find((c) => c.local === "dimension");
  expect(tagOf(head, dimension as ScannedElement).get("ref")).toMatch(new RegExp(`:[A-Z]+${layout.lastRow}$`, "u"));

  const first = layout.resultColumn + 1;
  const last = layout.resultColumn + layout.resultWidths.length;
  const limit = Math.max(last + 3, 40);
  const userColumns = columnFormats(parts.head, limit);
  const outColumns = columnFormats(head, limit);
  for (let c = 1; c <= limit; c += 1) {
    if (c >= first && c <= last)
      expect(outColumns[c]).toBe(
        JSON.stringify([
          ["customWidth", "1"],
          ["width", String(layout.resultWidths[c - first])],
        ]),
      );
    else expect(outColumns[c], `column ${c}`).toBe(userColumns[c]);
  }

  const firstView = (xml: string, children: readonly ScannedElement[]): ScannedElement[] => {
    const views = children.find((c) => c.local === "sheetViews");
    const view = views === undefined ? undefined : childrenOf(xml, views).children.find((c) => c.local === "sheetView");
    return view === undefined ? [] : childrenOf(xml, view).children.filter((c) => c.local === "pane");
  };
  const ownPane = firstView(parts.head, before.children);
  const panes = firstView(head, after.children);
  if (ownPane.length > 0) expect(panes.map((p) => text(head, p))).toEqual(ownPane.map((p) => text(parts.head, p)));
  else if (layout.headerRow <= MAX_FROZEN_ROWS) {
    expect(panes).toHaveLength(1);
    expect(Object.fromEntries(tagOf(head, panes[0] as ScannedElement))).toEqual({
      ySplit: String(layout.headerRow),
      topLeftCell: `A${layout.headerRow + 1}`,
      activePane: "bottomLeft",
      state: "frozen",
    });
  } else expect(panes).toHaveLength(0);

  const tailBefore = tailChildren(parts.tail);
  const tailAfter = tailChildren(tail);
  expectSchemaOrder(tailAfter.map((c) => c));
  const keptTail = tailAfter.map((c) => text(tail, c));
  for (const c of tailBefore.filter((c) => c.local !== "pageSetup")) expect(keptTail).toContain(text(parts.tail, c));
  const count = (name: string): number => tailAfter.filter((c) => c.local === name).length;
  const had = (name: string): boolean => tailBefore.some((c) => c.local === name);
  expect(count("autoFilter")).toBe(had("autoFilter") || had("tableParts") ? Number(had("autoFilter")) : 1);
  expect(count("headerFooter")).toBe(1);
  if (!had("headerFooter")) expect(tail).toContain(`oddFooter>${FOOTER}</`);
  expect(count("pageSetup")).toBe(had("pageSetup") || layout.printSetup === true ? 1 : 0);
  if (layout.printSetup === true) {
    const setup = tagOf(tail, tailAfter.find((c) => c.local === "pageSetup") as ScannedElement);
    expect([setup.get("orientation"), setup.get("fitToWidth"), setup.get("fitToHeight")]).toEqual(["landscape", "1", "0"]);
    const sheetPr = after.children.find((c) => c.local === "sheetPr") as ScannedElement;
    const setUpPr = childrenOf(head, sheetPr).children.find((c) => c.local === "pageSetUpPr") as ScannedElement;
    expect(tagOf(head, setUpPr).get("fitToPage")).toBe("1");
  } else {
    const setup = (xml: string, children: readonly ScannedElement[]): string | undefined => {
      const found = children.find((c) => c.local === "pageSetup");
      return found === undefined ? undefined : text(xml, found);
    };
    expect(setup(tail, tailAfter)).toBe(setup(parts.tail, tailBefore));
  }
  return { head, tail };
}

const layoutFor = (over: Partial<SheetLayout> = {}): SheetLayout => ({
  sheetName: "Parts",
  headerRow: 1,
  resultColumn: 2,
  resultWidths: RESULT_COLUMN_WIDTHS,
  lastRow: 30,
  lastColumn: 6,
  printSetup: true,
  ...over,
});

const ALL_PARTS = PRODUCERS.flatMap((p) => [realParts(p), prefixedParts(p)]);

describe("editSheetHead and editSheetTail on sheets saved by Excel, Google Sheets, LibreOffice and exceljs", () => {
  it.each(ALL_PARTS.map((p) => [p.name, p] as const))("%s: results added, the user's own elements kept", (_name, parts) => {
    checkEdits(parts, layoutFor());
    checkEdits(parts, layoutFor({ printSetup: false, headerRow: 2, resultColumn: 1 }));
  });

  it("Excel: a table on the sheet keeps its own filter, so none is added; the print setup and footer are added before the table parts", () => {
    const { tail } = checkEdits(realParts("excel"), layoutFor());
    expect(tail).not.toContain("autoFilter");
    expect(tail).toMatch(
      /<pageMargins [^>]*\/><pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"\/><headerFooter><oddFooter>&amp;F — page &amp;P of &amp;N<\/oddFooter><\/headerFooter><tableParts /u,
    );
  });

  it("Excel without <cols>: the result columns' <cols> goes after sheetFormatPr; the AutoFilter spans the table's columns", () => {
    const { head, tail } = checkEdits(realParts("excel-plain"), layoutFor({ resultColumn: 2, lastColumn: 6, lastRow: 19, firstColumn: 0 }));
    expect(head).toContain('x14ac:dyDescent="0.35"/><cols><col min="3" max="3" width="24" customWidth="1"/><col min="4" max="4" width="11" customWidth="1"/>');
    expect(head).toContain('<dimension ref="A1:G19"/>');
    expect(tail).toContain('</sheetData><autoFilter ref="A1:G19"/><pageMargins');
  });

  it("Google Sheets: fit-to-page joins outlinePr, a dimension is added, the self-closing sheetView gets the frozen pane, the hidden column B stays hidden", () => {
    const { head, tail } = checkEdits(realParts("google-sheets"), layoutFor({ resultColumn: 5, lastColumn: 9 }));
    expect(head).toContain('<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:J30"/>');
    expect(head).toContain('<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>');
    expect(head).toContain('<col hidden="1" min="2" max="2" width="14.43"/><col min="6" max="6"');
    expect(tail).toMatch(/^<\/sheetData><autoFilter ref="A1:J30"\/><pageSetup [^>]*\/><headerFooter>.*<\/headerFooter><drawing r:id="rId1"\/><\/worksheet>$/u);
  });

  it("LibreOffice: its default portrait page setup becomes landscape and one page wide (paper size kept), fitToPage false becomes 1, its own footer stays", () => {
    const parts = realParts("libreoffice");
    expect(hasOwnPrintSetup(parts.head, parts.tail)).toBe(false);
    const { head, tail } = checkEdits(parts, layoutFor());
    expect(head).toContain('<sheetPr filterMode="false"><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(tail).toContain(
      '<pageSetup paperSize="1" scale="100" firstPageNumber="1" fitToWidth="1" fitToHeight="0" pageOrder="downThenOver" orientation="landscape" ',
    );
    expect(tail).toContain("Page &amp;P</oddFooter>");
    expect(tail).not.toContain(FOOTER);
  });

  it("exceljs: the sheet's own frozen pane (a column and two rows) is kept", () => {
    const { head } = checkEdits(realParts("exceljs"), layoutFor({ headerRow: 2, resultColumn: 18, lastColumn: 22, lastRow: 32 }));
    expect(head).toContain('<pane xSplit="1" ySplit="2" topLeftCell="B3" activePane="bottomRight" state="frozen"/>');
    expect(head.match(/<pane /gu)).toHaveLength(1);
  });

  it("a user's column range over the result columns is split around them, keeping its style and width on both sides", () => {
    const parts = {
      ...realParts("excel-plain"),
      head: realParts("excel-plain").head.replace(
        "<sheetData>",
        '<cols><col min="1" max="16384" width="9" style="3" hidden="1" customWidth="1"/></cols><sheetData>',
      ),
    };
    const { head } = checkEdits(parts, layoutFor({ resultColumn: 4, resultWidths: [24, 11] }));
    expect(head).toContain(
      '<cols><col min="1" max="4" width="9" style="3" hidden="1" customWidth="1"/><col min="5" max="5" width="24" customWidth="1"/><col min="6" max="6" width="11" customWidth="1"/><col min="7" max="16384" width="9" style="3" hidden="1" customWidth="1"/></cols>',
    );
  });

  it("a self-closing <sheetData/> comes back opened; the tail then starts with the </sheetData> the engine writes", () => {
    const head = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>';
    const out = editSheetHead(head, layoutFor());
    expect(out).toMatch(/<sheetData>$/u);
    expectWellFormed(out + editSheetTail("</sheetData></worksheet>", layoutFor()));
  });

  it("a sheet that sets up its printing itself: fit-to-page, a landscape or scaled page setup, or page breaks", () => {
    const { head, tail } = realParts("excel-plain");
    expect(hasOwnPrintSetup(head, tail)).toBe(false);
    expect(hasOwnPrintSetup(head.replace("<dimension", '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension'), tail)).toBe(true);
    expect(hasOwnPrintSetup(head, tail.replace("</worksheet>", '<pageSetup orientation="landscape"/></worksheet>'))).toBe(true);
    expect(hasOwnPrintSetup(head, tail.replace("</worksheet>", '<pageSetup scale="80"/></worksheet>'))).toBe(true);
    expect(hasOwnPrintSetup(head, tail.replace("</worksheet>", '<pageSetup scale="100" orientation="portrait"/></worksheet>'))).toBe(false);
    expect(hasOwnPrintSetup(head, tail.replace("</worksheet>", '<rowBreaks count="1"><brk id="20" max="16383" man="1"/></rowBreaks></worksheet>'))).toBe(true);
  });

  it("a header row below the first MAX_FROZEN_ROWS is not frozen", () => {
    const { head } = checkEdits(realParts("excel"), layoutFor({ headerRow: MAX_FROZEN_ROWS + 1, lastRow: 40 }));
    expect(head).not.toContain("<pane");
  });
});

/** Whitespace, comments and processing instructions the sheet may hold between its elements. */
const filler = fc.constantFrom("", "\n", "\r\n  ", "<!-- a <comment> with > in it -->", "<?mso-application progid?>", " ");

/** `xml` with `filler` after each top-level element of its content starting at `from`. */
function spaced(xml: string, from: number, fills: readonly string[]): string {
  const children = scanChildren(xml, from).children;
  let out = xml;
  [...children].reverse().forEach((c, i) => {
    const fill = fills[i % Math.max(1, fills.length)] ?? "";
    if (c.closed && c.local !== "sheetData") out = out.slice(0, c.end) + fill + out.slice(c.end);
  });
  return out;
}

const userCols = fc
  .uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 0, maxLength: 8 })
  .chain((bounds) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    const ranges: [number, number][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push([sorted[i] ?? 1, sorted[i + 1] ?? 1]);
    return fc.tuple(
      fc.constant(ranges),
      fc.array(fc.record({ width: fc.integer({ min: 1, max: 90 }), hidden: fc.boolean() }), { minLength: ranges.length, maxLength: ranges.length }),
    );
  })
  .map(([ranges, formats]) =>
    ranges
      .map(([min, max], i) => `<col min="${min}" max="${max}" width="${formats[i]?.width ?? 9}"${formats[i]?.hidden === true ? ' hidden="1"' : ""}/>`)
      .join(""),
  );

describe("editSheetHead and editSheetTail, for any layout and sheet", () => {
  it("keep every byte of the user's elements, stay well-formed and in schema order, and describe each column once", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_PARTS),
        fc.record({
          headerRow: fc.integer({ min: 1, max: 15 }),
          resultColumn: fc.integer({ min: 0, max: 50 }),
          widths: fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 6 }),
          extraRows: fc.integer({ min: 0, max: 5000 }),
          printSetup: fc.boolean(),
        }),
        fc.array(filler, { minLength: 1, maxLength: 6 }),
        fc.option(userCols, { nil: undefined }),
        (parts, l, fills, cols) => {
          const prefix = /^<\/(\w+:)?/u.exec(parts.tail)?.[1] ?? "";
          let head = parts.head;
          if (cols !== undefined) {
            const root = rootElement(head) as ScannedElement;
            const existing = childrenOf(head, root).children.find((c) => c.local === "cols");
            const element = cols === "" ? "" : `<${prefix}cols>${cols.replace(/<col /gu, `<${prefix}col `)}</${prefix}cols>`;
            head =
              existing === undefined
                ? head.replace(/<(\w+:)?sheetData>$/u, `${element}$&`)
                : head.slice(0, existing.start) + element + head.slice(existing.end);
          }
          head = spaced(head, (rootElement(head) as ScannedElement).tagEnd, fills);
          const tail = spaced(parts.tail, parts.tail.indexOf(">") + 1, fills);
          const layout = layoutFor({
            headerRow: l.headerRow,
            resultColumn: l.resultColumn,
            resultWidths: l.widths,
            lastRow: l.headerRow + l.extraRows,
            lastColumn: l.resultColumn + l.widths.length - 1,
            printSetup: l.printSetup,
          });
          checkEdits({ ...parts, head, tail }, layout);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("only insert into the tail: taking out the elements they add gives back the sheet's bytes", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_PARTS),
        fc.array(filler, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 9 }),
        (parts, fills, headerRow) => {
          const tail = spaced(parts.tail, parts.tail.indexOf(">") + 1, fills);
          const out = editSheetTail(tail, layoutFor({ headerRow, printSetup: false }));
          const ours = tailChildren(out).filter((c) => !tailChildren(tail).some((t) => text(tail, t) === text(out, c)));
          expect(ours.every((c) => c.local === "autoFilter" || c.local === "headerFooter")).toBe(true);
          const removed = [...ours].reverse().reduce((xml, c) => xml.slice(0, c.start) + xml.slice(c.end), out);
          expect(removed).toBe(tail);
        },
      ),
      { numRuns: 200 },
    );
  });
});

import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { STAGES, summaryLayout, type SheetReading, type Summary } from "../../../../src/core";
import type { ResultStyles } from "../../../../src/cli/xlsx/parts/contract";
import { CHART_ANCHOR, CHART_TITLE, cellText, summarySheetParts } from "../../../../src/cli/xlsx/parts/summary-sheet";
import { expectWellFormed } from "./real-parts";

const STYLES: ResultStyles = {
  header: 20,
  text: 21,
  wrapped: 22,
  stage: { prototyping: 23, "low-volume": 24, "mass-production": 25 },
  summaryTitle: 26,
  summaryHeading: 27,
  summaryText: 28,
};

const SUMMARY: Summary = {
  parts: 30,
  unclassified: 1,
  byStage: { prototyping: 14, "low-volume": 9, "mass-production": 6 },
  topBlockers: [
    { criterion: "design", label: "Design", count: 13 },
    { criterion: "finish", label: "Surface finish", count: 10 },
  ],
  topMissing: [],
  warnings: 0,
  issues: 2,
  waived: 0,
  partsWithWaivers: 0,
};

const READING: SheetReading = {
  columns: [{ column: 0, letter: "A", header: 'Part <No.> & "name"', criterion: null, readAs: "Part label", how: "header" }],
  cells: [{ cell: "Parts!C7", value: "_x0041_ \u0007 bell\r\n", message: "not understood" }],
  cellTotal: 3,
};

/** The text Excel shows for an OOXML string: XML entities and then `_xHHHH_` escapes decoded. */
function shown(xmlText: string): string {
  const parsed = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false }).parse(`<t>${xmlText}</t>`) as { t: unknown };
  return String(parsed.t ?? "").replace(/_x([0-9A-Fa-f]{4})_/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

interface Cell {
  readonly ref: string;
  readonly style: number;
  readonly value: string | number;
}

function cellsOf(sheetXml: string): Cell[] {
  return [
    ...sheetXml.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"( t="inlineStr")?>(?:<v>([^<]*)<\/v>|<is><t xml:space="preserve">([\s\S]*?)<\/t><\/is>)<\/c>/gu),
  ].map((m) => ({
    ref: m[1] ?? "",
    style: Number(m[2]),
    value: m[3] === undefined ? Number(m[4]) : shown(m[5] ?? ""),
  }));
}

describe("cellText", () => {
  it("is shown by a spreadsheet exactly as given, any text", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(fc.constantFrom("_x0041_", "_x", "\r", "\n", "\t", "\u0000", "\u001F", "&", "<", "]]>", '"'), fc.string({ unit: "grapheme" })),
        }),
        (text) => {
          const escaped = cellText(text);
          expectWellFormed(`<t>${escaped}</t>`);
          expect(shown(escaped)).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("summarySheetParts", () => {
  it("writes every cell of the core's summary layout in place, with the title, heading and stage styles", () => {
    const parts = summarySheetParts({ summary: SUMMARY, source: "bill.xlsx, sheet Parts", reading: READING, styles: STYLES });
    expectWellFormed(parts.sheetXml);
    const layout = summaryLayout(SUMMARY, "bill.xlsx, sheet Parts", READING);
    const expected: Cell[] = [];
    const headings = new Set(layout.headingRows);
    layout.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === "") return;
        const stage = r > layout.chartRows.first && r <= layout.chartRows.first + STAGES.length && c === 0 ? STAGES[r - layout.chartRows.first - 1] : undefined;
        const style =
          r === 0 && c === 0 ? STYLES.summaryTitle : headings.has(r) ? STYLES.summaryHeading : stage !== undefined ? STYLES.stage[stage] : STYLES.summaryText;
        expected.push({ ref: `${"ABCD"[c]}${r + 1}`, style, value });
      }),
    );
    expect(cellsOf(parts.sheetXml)).toEqual(expected);
    expect(parts.sheetXml).toContain(
      '<cols><col min="1" max="1" width="36" customWidth="1"/><col min="2" max="2" width="28" customWidth="1"/><col min="3" max="3" width="60" customWidth="1"/><col min="4" max="4" width="80" customWidth="1"/></cols>',
    );
    expect(parts.sheetXml).toContain(`<dimension ref="A1:D${layout.values.length}"/>`);
    expect(parts.sheetXml).toMatch(
      /<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"\/><headerFooter>.*<\/headerFooter><drawing r:id="rId1"\/><\/worksheet>$/u,
    );
  });

  it("charts the three stage counts from their cells, named by the stage names, right of the table", () => {
    const parts = summarySheetParts({ summary: SUMMARY, source: "bill.xlsx", styles: STYLES });
    const { drawingXml, chartXml } = parts;
    if (drawingXml === undefined || chartXml === undefined) throw new Error("no chart");
    expectWellFormed(drawingXml);
    expectWellFormed(chartXml);
    const layout = summaryLayout(SUMMARY, "bill.xlsx");
    const top = layout.chartRows.first + 2;
    const bottom = top + STAGES.length - 1;
    expect(chartXml).toContain(`<c:cat><c:strRef><c:f>'Readiness summary'!$A$${top}:$A$${bottom}</c:f>`);
    expect(chartXml).toContain(`<c:val><c:numRef><c:f>'Readiness summary'!$B$${top}:$B$${bottom}</c:f>`);
    const cells = new Map(cellsOf(parts.sheetXml).map((c) => [c.ref, c.value]));
    const cached = [...chartXml.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v>/gu)].map((m) => m[1]);
    const labels = STAGES.map((_, i) => String(cells.get(`A${top + i}`)));
    const counts = STAGES.map((_, i) => String(cells.get(`B${top + i}`)));
    expect(cached).toEqual(["Parts", ...labels, ...counts]);
    expect(counts).toEqual(STAGES.map((s) => String(SUMMARY.byStage[s])));
    expect(labels).toEqual(["Prototyping", "Low-volume manufacturing", "Mass production"]);
    expect(chartXml).toContain(`<a:t>${CHART_TITLE}</a:t>`);
    expect(chartXml).toContain('<c:barDir val="col"/>');
    expect(drawingXml).toContain(`<xdr:from><xdr:col>${CHART_ANCHOR.from.column}</xdr:col>`);
    expect(CHART_ANCHOR.from.column).toBeGreaterThan(3);
  });

  it("has no chart when no part has a stage", () => {
    const parts = summarySheetParts({
      summary: { ...SUMMARY, parts: 2, unclassified: 2, byStage: { prototyping: 0, "low-volume": 0, "mass-production": 0 } },
      source: "x",
      styles: STYLES,
    });
    expect(parts.drawingXml).toBeUndefined();
    expect(parts.chartXml).toBeUndefined();
    expect(parts.sheetXml).not.toContain("<drawing");
    expectWellFormed(parts.sheetXml);
  });
});

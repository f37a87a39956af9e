import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STAGE_COLORS, STAGES } from "../../../../src/core";
import { PartError } from "../../../../src/cli/xlsx/parts/part-error";
import { appendResultStyles, MINIMAL_STYLES } from "../../../../src/cli/xlsx/parts/styles";
import { attributes, childrenOf, rootElement, type ScannedElement } from "../../../../src/cli/xlsx/parts/xml-scan";
import { PRODUCERS, expectWellFormed, prefixedParts, realParts } from "./real-parts";

interface Lists {
  readonly fonts: string[];
  readonly fills: string[];
  readonly cellXfs: string[];
  readonly counts: Record<string, string | undefined>;
}

/** The entries of fonts, fills and cellXfs as text, and each list's count attribute. */
function lists(xml: string): Lists {
  const root = rootElement(xml) as ScannedElement;
  const children = childrenOf(xml, root).children;
  const entries = (name: string): string[] => {
    const list = children.find((c) => c.local === name);
    return list === undefined ? [] : childrenOf(xml, list).children.map((c) => xml.slice(c.start, c.end));
  };
  const counts: Record<string, string | undefined> = {};
  for (const c of children) counts[c.local] = attributes(xml.slice(c.start, c.tagEnd)).get("count");
  return { fonts: entries("fonts"), fills: entries("fills"), cellXfs: entries("cellXfs"), counts };
}

const attr = (tag: string | undefined, name: string): string | undefined => (tag === undefined ? undefined : attributes(tag).get(name));
/** The child elements of an entry such as a <font>, without their prefix, as text. */
const inner = (entry: string | undefined): string[] => {
  if (entry === undefined) return [];
  const e = rootElement(entry) as ScannedElement;
  return childrenOf(entry, e).children.map((c) => entry.slice(c.start, c.end).replace(/<(\/?)\w+:/gu, "<$1"));
};

const PARTS = [...PRODUCERS.map(realParts), ...PRODUCERS.map(prefixedParts)];

describe("appendResultStyles", () => {
  it.each(PARTS.map((p) => [p.name, p.styles] as const))("%s: appends, every existing entry keeps its index and bytes, counts updated", (_name, styles) => {
    const before = lists(styles);
    const { xml, styles: s } = appendResultStyles(styles);
    expectWellFormed(xml);
    const after = lists(xml);
    for (const name of ["fonts", "fills", "cellXfs"] as const) {
      expect(after[name].slice(0, before[name].length)).toEqual(before[name]);
      expect(after.counts[name]).toBe(String(after[name].length));
    }
    expect(xml.slice(0, xml.indexOf(">", xml.indexOf("styleSheet")))).toBe(styles.slice(0, styles.indexOf(">", styles.indexOf("styleSheet"))));
    const all = [s.header, s.text, s.wrapped, ...STAGES.map((st) => s.stage[st]), s.summaryTitle, s.summaryHeading, s.summaryText];
    expect(new Set(all).size).toBe(all.length);
    for (const i of all) expect(i).toBeGreaterThanOrEqual(before.cellXfs.length);

    const normalFont = Number(attr(before.cellXfs[0], "fontId") ?? 0);
    const normal = inner(before.fonts[normalFont]);
    const xf = (i: number): string | undefined => after.cellXfs[i];
    const fontOf = (i: number): string[] => inner(after.fonts[Number(attr(xf(i), "fontId"))]);
    const without = (font: string[], ...names: string[]): string[] =>
      font.filter((c) => !names.some((n) => c.startsWith(`<${n} `) || c.startsWith(`<${n}/`) || c.startsWith(`<${n}>`))).sort();

    expect(fontOf(s.text)).toEqual(normal);
    expect(fontOf(s.wrapped)).toEqual(normal);
    expect(xf(s.wrapped)).toMatch(/<(\w+:)?alignment vertical="top" wrapText="1"\/>/u);
    expect(fontOf(s.header)).toContain("<b/>");
    expect(without(fontOf(s.header), "b")).toEqual(without(normal, "b"));
    expect(xf(s.header)).toMatch(/wrapText="1"/u);
    expect(fontOf(s.summaryTitle)).toContain('<sz val="14"/>');
    for (const stage of STAGES) {
      const colors = STAGE_COLORS[stage];
      expect(fontOf(s.stage[stage])).toContain(`<color rgb="FF${colors.font.slice(1)}"/>`);
      expect(without(fontOf(s.stage[stage]), "color")).toEqual(without(normal, "color"));
      expect(after.fills[Number(attr(xf(s.stage[stage]), "fillId"))]).toContain(`fgColor rgb="FF${colors.fill.slice(1)}"`);
    }
  });

  it("makes a minimal styles part when the workbook has none", () => {
    const { xml, styles } = appendResultStyles(undefined);
    expectWellFormed(xml);
    expect(xml.startsWith(MINIMAL_STYLES.slice(0, MINIMAL_STYLES.indexOf("<fonts")))).toBe(true);
    expect(styles.header).toBe(4);
    expect(lists(xml).fills.slice(0, 2)).toEqual(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  });

  it("creates the lists a styles part leaves out, with the entries index 0 and 1 must mean, in schema order", () => {
    const bare =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><dxfs count="0"/></styleSheet>';
    const { xml, styles } = appendResultStyles(bare);
    expectWellFormed(xml);
    const names = childrenOf(xml, rootElement(xml) as ScannedElement).children.map((c) => c.local);
    expect(names).toEqual(["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"]);
    expect(lists(xml).fills).toHaveLength(5);
    expect(styles.header).toBe(4);
    expect(lists(xml).cellXfs[styles.header]).not.toContain("xfId");
  });

  it("refuses a part that is not a styles part", () => {
    expect(() => appendResultStyles("<worksheet/>")).toThrow(PartError);
    expect(() => appendResultStyles("<styleSheet><fonts>")).toThrow(PartError);
  });

  it("keeps any number of existing entries at their indexes, whatever list is self-closing or empty", () => {
    const font = fc.constantFrom("<font/>", '<font><sz val="10"/><name val="Arial"/></font>', '<font><b/><color theme="1"/><sz val="12"/></font>');
    const xfEntry = fc.nat({ max: 5 }).map((f) => `<xf numFmtId="0" fontId="${f}" fillId="0" borderId="0"/>`);
    fc.assert(
      fc.property(fc.array(font, { maxLength: 6 }), fc.array(xfEntry, { maxLength: 6 }), fc.boolean(), (fonts, xfs, prefixed) => {
        const list = (name: string, entries: string[]): string =>
          entries.length === 0 ? `<${name} count="0"/>` : `<${name} count="${entries.length}">${entries.join("")}</${name}>`;
        const plain = `<?xml version="1.0"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${list("fonts", fonts)}<fills count="2"><fill/><fill/></fills>${list("cellXfs", xfs)}</styleSheet>`;
        const styles = prefixed ? plain.replace(/<(\/?)(?=[a-z])/gu, "<$1x:").replace("xmlns=", "xmlns:x=") : plain;
        const { xml, styles: s } = appendResultStyles(styles);
        expectWellFormed(xml);
        const after = lists(xml);
        expect(after.fonts.slice(0, fonts.length).map((f) => f.replace(/x:/gu, ""))).toEqual(fonts);
        expect(after.cellXfs.slice(0, xfs.length).map((f) => f.replace(/x:/gu, ""))).toEqual(xfs);
        expect(s.header).toBe(Math.max(xfs.length, 1) + 3);
        expect(after.cellXfs[0]).toBeDefined();
        expect(after.fonts.length).toBeGreaterThan(Math.max(fonts.length, 1));
        expect(after.counts.fonts).toBe(String(after.fonts.length));
        if (prefixed) expect(xml.replace(/<\?xml[^>]*>/u, "")).not.toMatch(/<(?!x:|\/x:)[a-z]/u);
      }),
      { numRuns: 200 },
    );
  });
});

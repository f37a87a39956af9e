import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STAGES, compareRuns, type StageChange } from "../../src/core";
import { REPORT_CSP, escapeHtml, renderReport, reportSections, type ReportInput, type ReportPart } from "../../src/report";
import { closestToNextGate } from "../../src/report/sections/next-gate";
import { commonGaps } from "../../src/report/sections/gaps";
import { metWithoutEvidence } from "../../src/report/sections/evidence";
import { anyText, scanTags, type Tag } from "./markup";
import { HOSTILE_INPUT, HOSTILE_LINKS, HOSTILE_TEXTS, SAMPLE_INPUT } from "./sample-input";

const TAGS = new Set([
  "html",
  "head",
  "meta",
  "title",
  "style",
  "body",
  "header",
  "h1",
  "h2",
  "h3",
  "dl",
  "dt",
  "dd",
  "nav",
  "ol",
  "li",
  "a",
  "main",
  "section",
  "p",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "span",
  "div",
  "svg",
  "g",
  "text",
  "rect",
]);
const ATTRIBUTES = new Set([
  "lang",
  "charset",
  "http-equiv",
  "content",
  "name",
  "class",
  "id",
  "aria-labelledby",
  "aria-label",
  "aria-hidden",
  "href",
  "rel",
  "scope",
  "style",
  "viewBox",
  "focusable",
  "x",
  "y",
  "width",
  "height",
  "fill",
  "stroke",
  "stroke-width",
  "text-anchor",
  "dominant-baseline",
  "font-size",
]);

/** Everything that could make the document run, load or navigate: what must hold for any input. */
function expectInert(html: string): readonly Tag[] {
  const tags = scanTags(html);
  const problems: string[] = [];
  for (const tag of tags) {
    if (!TAGS.has(tag.name)) problems.push(`<${tag.name}>`);
    for (const [name, value] of tag.attributes) {
      if (!ATTRIBUTES.has(name)) problems.push(`<${tag.name} ${name}>`);
      if (name === "href" && !/^(#[a-z-]+$|https:\/\/|file:\/\/)/u.test(value)) problems.push(`href="${value}"`);
      if (name === "style" && !/^width:\d{1,3}%$/u.test(value)) problems.push(`style="${value}"`);
    }
  }
  if (html.toLowerCase().includes("<script")) problems.push("<script");
  expect(problems).toEqual([]);
  return tags;
}

const minimal = (parts: readonly ReportPart[] = []): ReportInput => ({
  title: "Review",
  sourceFile: "a.xlsx",
  sheet: "Parts",
  date: "2026-11-29",
  stageCounts: { prototyping: 0, "low-volume": 0, "mass-production": 0 },
  unclassified: 0,
  parts,
  columns: [],
  cellNotes: [],
  moreCellNotes: 0,
});

const part = (label: string, row: number, p: Partial<ReportPart> = {}): ReportPart => ({
  label,
  row,
  stage: "prototyping",
  score: 20,
  progress: 0.5,
  blockers: [],
  missing: [],
  nextStep: "",
  waived: [],
  evidence: [],
  ...p,
});

describe("renderReport: the document", () => {
  const html = renderReport(SAMPLE_INPUT);

  it("is one HTML document whose policy forbids scripts and every request", () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).toContain(`content="${REPORT_CSP.replace(/'/gu, "&#39;")}"`);
    expect(html.match(/<html/gu)).toHaveLength(1);
  });

  it("holds no script, no event handler and no external resource", () => {
    const tags = expectInert(html);
    expect(
      tags
        .filter((t) => t.name === "a" && !t.closing)
        .map((t) => t.attributes.find(([n]) => n === "href")?.[1])
        .filter((h) => !h?.startsWith("#")),
    ).toEqual(["https://plm.example.com/docs/P-100?rev=C&view=1", "file:///C:/Reports/DFM%20P-200.pdf"]);
    expect(html).not.toMatch(/\b(src|srcset|action|formaction|xlink:href)=/iu);
    expect(html).not.toMatch(/url\(|@import|http:/iu);
  });

  it("prints cleanly: page margins, header rows repeated on each page, rows not split", () => {
    expect(html).toContain("@page{margin:14mm}");
    expect(html).toContain("thead{display:table-header-group}");
    expect(html).toMatch(/tr,td,th\{break-inside:avoid;page-break-inside:avoid\}/u);
    expect(html).toContain("print-color-adjust:exact");
  });

  it("links every section from the contents, in order", () => {
    const ids = reportSections(SAMPLE_INPUT).map((s) => s.id);
    expect(ids).toEqual(["stages", "next-gate", "blockers", "missing", "waivers", "assemblies", "changes", "evidence", "columns", "cells"]);
    const hrefs = [...html.matchAll(/<a href="#([a-z-]+)">/gu)].map((m) => m[1]);
    expect(hrefs).toEqual(ids);
    for (const id of ids) expect(html).toContain(`<section id="${id}"`);
  });

  it("gives the stage counts as text beside the chart, with their shares", () => {
    expect(html).toMatch(/<svg class="chart"[^>]*aria-hidden="true"/u);
    for (const [name, n, share] of [
      ["Prototyping", 1, 17],
      ["Low-volume manufacturing", 2, 33],
      ["Mass production", 2, 33],
      ["Not classified", 1, 17],
    ] as const) {
      expect(html).toContain(`<tr><td>${name}</td><td class="num">${n}</td><td class="num">${share} %</td></tr>`);
    }
  });

  it("draws each bar in proportion to its count", () => {
    const widths = [...html.matchAll(/<rect [^>]*width="(\d+)"/gu)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(4);
    expect(widths[1]).toBe(widths[2]);
    expect(widths[0]).toBe(Math.round((widths[1] ?? 0) / 2));
  });

  it("says what changed, what was dropped and which labels it could not compare", () => {
    expect(html).toContain("Against last-month.classified.xlsx: 1 part moved up, 1 part moved down, 2 new parts, 1 part dropped.");
    expect(html).toContain("<td>↑ from Prototyping</td>");
    expect(html).toContain("<td>↓ from Mass production</td>");
    expect(html).toContain("<tr><td>P-300 Old cover (row 4)</td><td>Low-volume manufacturing</td></tr>");
    expect(html).toContain("<tr><td>P-500 Screw</td><td>the compared run</td><td>5, 6</td></tr>");
  });

  it("lists waivers, limited assemblies, evidence and the cells not understood", () => {
    expect(html).toContain("<tr><td>P-200 Housing (row 3)</td><td>DFM</td><td>Carry-over part identical to P-100</td></tr>");
    expect(html).toContain("<td>P-400 Frame: Prototyping</td>");
    expect(html).not.toContain('<td>P-400 Frame (row 4)</td><td><span class="stage stage-prototyping">Prototyping</span></td><td><span');
    expect(html).toContain("<tr><td>P-100 Bracket (row 2)</td><td>Function</td></tr>");
    expect(html).toContain("<tr><td>Parts!B7</td><td>see drawing</td><td>Design: &quot;see drawing&quot; is not a status</td></tr>");
    expect(html).toContain("4 cells could not be read.");
    expect(html).toContain("… and 3 more cells");
  });
});

describe("renderReport: sections that do not apply", () => {
  it("leaves out waivers, assemblies, changes and evidence, and says briefly that the others are empty", () => {
    const input = minimal();
    expect(reportSections(input).map((s) => s.id)).toEqual(["stages", "next-gate", "blockers", "missing", "columns", "cells"]);
    const html = renderReport(input);
    for (const text of [
      "No part has a next gate to reach.",
      "No part is blocked.",
      "Nothing is missing.",
      "The header row has no headers.",
      "Every cell was understood.",
      "0 parts in all.",
    ]) {
      expect(html).toContain(text);
    }
    expectInert(html);
  });

  it("keeps the assemblies section when the sheet has a hierarchy but nothing is limited", () => {
    const input = minimal([part("A", 2, { assemblyStage: "prototyping", limitedBy: [] })]);
    expect(renderReport(input)).toContain("No assembly is held back by its components.");
  });

  it("shows the changes section with an empty comparison", () => {
    const html = renderReport({ ...minimal(), comparison: compareRuns([], []) });
    expect(html).toContain("Against the compared run: 0 parts moved up, 0 parts moved down, 0 new parts, 0 parts dropped.");
    expect(html).toContain("No part changed stage.");
  });
});

describe("report sections' contents", () => {
  it("orders parts by progress toward their next gate, leaving out mass production and unclassified rows", () => {
    const parts = [
      part("a", 2, { progress: 0.2 }),
      part("b", 3, { stage: "low-volume", progress: 0.9 }),
      part("c", 4, { stage: "mass-production", progress: 1 }),
      part("d", 5, { stage: null, progress: null }),
      part("e", 6, { progress: 0.9 }),
      part("f", 7, { progress: Number.NaN }),
    ];
    expect(closestToNextGate(parts).map((p) => [p.label, p.next])).toEqual([
      ["b", "mass-production"],
      ["e", "low-volume"],
      ["a", "low-volume"],
    ]);
  });

  it("clamps progress bars to 0–100 %", () => {
    const html = renderReport(minimal([part("x", 2, { progress: 7 }), part("y", 3, { progress: -1 })]));
    expect(html).toContain('style="width:100%"');
    expect(html).toContain('style="width:0%"');
  });

  it("groups blockers by criterion, most parts first, a part once per criterion", () => {
    const b = (criterion: string, detail = "no"): { criterion: string; detail: string } => ({ criterion, detail });
    const gaps = commonGaps(
      [
        part("a", 2, { blockers: [b("Pilot run"), b("Pilot run", "again"), b("Cost")] }),
        part("b", 3, { blockers: [b("Cost")] }),
        part("c", 4, { blockers: [b("Cost"), b("Design")] }),
      ],
      (p) => p.blockers,
    );
    expect(gaps.map((g) => [g.criterion, g.parts.map((x) => x.part.label)])).toEqual([
      ["Cost", ["a", "b", "c"]],
      ["Design", ["c"]],
      ["Pilot run", ["a"]],
    ]);
  });

  it("finds met criteria without evidence among the evidence criteria, waived ones aside", () => {
    const p = part("a", 2, {
      met: ["Design", "DFM", "Cost", "Pilot run"],
      evidence: [
        { criterion: "Design", text: "https://x.example/d" },
        { criterion: "Cost", text: "  " },
      ],
      waived: [{ criterion: "Pilot run", justification: "carry-over" }],
    });
    expect(metWithoutEvidence(p, new Set(["Design", "Cost", "Pilot run"]))).toEqual(["Cost"]);
    expect(metWithoutEvidence(p, new Set(["DFM"]))).toEqual(["DFM"]);
  });

  it("takes the evidence criteria from the parts' evidence when the input does not name them", () => {
    const parts = [part("a", 2, { met: ["Design", "Cost"], evidence: [{ criterion: "Cost", text: "quote.pdf" }] }), part("b", 3, { met: ["Cost"] })];
    const html = renderReport(minimal(parts));
    expect(html).toContain("<tr><td>b (row 3)</td><td>Cost</td></tr>");
    expect(html).not.toContain("<td>Design</td></tr>");
  });
});

describe("renderReport: hostile text", () => {
  it("escapes every hostile text and makes no hostile link", () => {
    const html = renderReport(HOSTILE_INPUT);
    expectInert(html);
    for (const text of HOSTILE_TEXTS) expect(html).toContain(escapeHtml(text));
    for (const link of HOSTILE_LINKS) expect(html).toContain(`<td>${escapeHtml(link)}</td>`);
    expect(html).not.toMatch(/href="(?!#|https:|file:)/u);
  });

  const stage = fc.constantFrom(...STAGES);
  const change: fc.Arbitrary<StageChange> = fc.oneof(
    fc.constant<StageChange>({ kind: "new" }),
    fc.constant<StageChange>({ kind: "same" }),
    fc.record({ kind: fc.constantFrom("up" as const, "down" as const), from: stage }),
  );
  const text = anyText(24);
  const item = fc.record({ criterion: text, detail: text });
  const reportPart: fc.Arbitrary<ReportPart> = fc.record({
    label: text,
    row: fc.integer({ min: 1, max: 1_048_576 }),
    stage: fc.option(stage),
    score: fc.option(fc.integer({ min: 0, max: 100 })),
    progress: fc.option(fc.double({ noNaN: false })),
    blockers: fc.array(item, { maxLength: 3 }),
    missing: fc.array(item, { maxLength: 3 }),
    nextStep: text,
    waived: fc.array(fc.record({ criterion: text, justification: text }), { maxLength: 2 }),
    evidence: fc.array(
      fc.record({
        criterion: text,
        text: fc.oneof(
          text,
          fc.constantFrom(...HOSTILE_LINKS),
          text.map((t) => `https://h.example/${t}`),
          text.map((t) => `C:\\${t}`),
        ),
      }),
      { maxLength: 2 },
    ),
    met: fc.array(text, { maxLength: 3 }),
    assemblyStage: fc.option(stage, { nil: undefined }),
    limitedBy: fc.option(fc.array(fc.record({ label: text, stage }), { maxLength: 2 }), { nil: undefined }),
    change: fc.option(change, { nil: undefined }),
  });
  const input: fc.Arbitrary<ReportInput> = fc
    .record({
      title: text,
      sourceFile: text,
      sheet: text,
      date: text,
      stageCounts: fc.record({ prototyping: fc.nat(), "low-volume": fc.nat(), "mass-production": fc.nat() }),
      unclassified: fc.nat(),
      parts: fc.array(reportPart, { maxLength: 6 }),
      columns: fc.array(fc.record({ letter: text, header: text, readAs: text, how: text }), { maxLength: 3 }),
      cellNotes: fc.array(fc.record({ cell: text, value: text, message: text }), { maxLength: 3 }),
      moreCellNotes: fc.nat(),
      evidenceCriteria: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
      comparedWith: fc.option(text, { nil: undefined }),
    })
    .chain((i) =>
      fc
        .option(
          fc.constant(
            compareRuns(
              i.parts.flatMap((p) => (p.stage ? [{ label: p.label, stage: p.stage, row: p.row }] : [])),
              i.parts.map((p, n) => ({ label: p.label, stage: p.stage ?? "prototyping", row: n })),
            ),
          ),
          { nil: undefined },
        )
        .map((comparison) => ({ ...i, comparison })),
    );

  it("any input gives an inert document in which every text appears escaped", () => {
    fc.assert(
      fc.property(input, (i) => {
        const html = renderReport(i);
        expectInert(html);
        // The parts below mass production are listed by their closeness to the next gate.
        for (const p of closestToNextGate(i.parts)) {
          if (p.label.trim() !== "") expect(html).toContain(escapeHtml(p.label.trim()));
        }
        expect(html).toContain(escapeHtml(i.title));
      }),
      { numRuns: 200 },
    );
  });
});

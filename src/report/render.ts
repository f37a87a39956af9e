/*
 * The report: one self-contained HTML document. Inline CSS, no script, no
 * external URL; a Content-Security-Policy that forbids anything else even if
 * markup slipped through; every piece of cell text escaped by the builder.
 */
import { type SectionDef, section } from "./common";
import { el, fragment, trusted } from "./html";
import type { ReportInput } from "./input";
import { assembliesSection } from "./sections/assemblies";
import { changesSection } from "./sections/changes";
import { countsSection } from "./sections/counts";
import { evidenceSection } from "./sections/evidence";
import { blockersSection, missingSection } from "./sections/gaps";
import { nextGateSection } from "./sections/next-gate";
import { cellsSection, columnsSection } from "./sections/reading";
import { waiversSection } from "./sections/waivers";
import { REPORT_CSS } from "./style";

/** No script, no network: styles inline, images only as data: URLs. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The sections in order; those that do not apply to the sheet are null. */
export function reportSections(input: ReportInput): readonly SectionDef[] {
  return [
    countsSection(input),
    nextGateSection(input),
    blockersSection(input),
    missingSection(input),
    waiversSection(input),
    assembliesSection(input),
    changesSection(input),
    evidenceSection(input),
    columnsSection(input),
    cellsSection(input),
  ].filter((s): s is SectionDef => s !== null);
}

export function renderReport(input: ReportInput): string {
  const sections = reportSections(input);
  const facts: [string, string][] = [
    ["File", input.sourceFile],
    ["Sheet", input.sheet],
    ["Classified", input.date],
  ];
  const doc = el(
    "html",
    { lang: "en" },
    el(
      "head",
      {},
      el("meta", { charset: "utf-8" }),
      el("meta", { "http-equiv": "Content-Security-Policy", content: REPORT_CSP }),
      el("meta", { name: "referrer", content: "no-referrer" }),
      el("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
      el("meta", { name: "generator", content: "Part Readiness" }),
      el("title", {}, input.title),
      el("style", {}, trusted(REPORT_CSS)),
    ),
    el(
      "body",
      {},
      el(
        "header",
        {},
        el("h1", {}, input.title),
        el(
          "dl",
          { class: "meta" },
          facts.filter(([, v]) => v !== "").map(([k, v]) => fragment(el("dt", {}, `${k}:`), el("dd", {}, v))),
        ),
      ),
      el(
        "nav",
        { "aria-label": "Contents" },
        el(
          "ol",
          {},
          sections.map((s) => el("li", {}, el("a", { href: `#${s.id}` }, s.title))),
        ),
      ),
      el("main", {}, sections.map(section)),
    ),
  );
  return `<!DOCTYPE html>\n${doc.html}\n`;
}

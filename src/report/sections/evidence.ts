import { LIST_LIMIT, more, none, partName, table, type SectionDef } from "../common";
import { el, fragment, type Html } from "../html";
import type { ReportEvidence, ReportInput, ReportPart } from "../input";
import { evidenceHref } from "../links";

/** An evidence text: a link when it is https: or a file path, else plain text. */
export function evidenceLink(text: string): Html {
  const href = evidenceHref(text);
  return href === null ? fragment(text) : el("a", { href, rel: "noopener noreferrer" }, text);
}

/** The criteria with evidence columns: as given, else those named by any part's evidence. */
export function evidenceCriteria(input: ReportInput): readonly string[] {
  return input.evidenceCriteria ?? [...new Set(input.parts.flatMap((p) => p.evidence.map((e) => e.criterion)))];
}

/** Criteria met (not waived) that have an evidence column but no evidence for this part. */
export function metWithoutEvidence(part: ReportPart, criteria: ReadonlySet<string>): readonly string[] {
  const given = new Set(part.evidence.filter((e) => e.text.trim() !== "").map((e) => e.criterion));
  const waived = new Set(part.waived.map((w) => w.criterion));
  return (part.met ?? []).filter((c) => criteria.has(c) && !given.has(c) && !waived.has(c));
}

/** The evidence given and the met criteria without it; left out when the sheet has no evidence. */
export function evidenceSection(input: ReportInput): SectionDef | null {
  const criteria = new Set(evidenceCriteria(input));
  if (criteria.size === 0) return null;
  const given: [ReportPart, ReportEvidence][] = input.parts.flatMap((p) =>
    p.evidence.filter((e) => e.text.trim() !== "").map((e): [ReportPart, ReportEvidence] => [p, e]),
  );
  const lacking = input.parts.map((p) => [p, metWithoutEvidence(p, criteria)] as const).filter(([, c]) => c.length > 0);
  return {
    id: "evidence",
    title: "Evidence",
    body: fragment(
      el("h3", {}, "Met without evidence"),
      lacking.length === 0
        ? none("Every met criterion with an evidence column has its evidence.")
        : fragment(
            table(
              ["Part", "Met, no evidence given"],
              lacking.slice(0, LIST_LIMIT).map(([p, c]) => [partName(p), c.join(", ")]),
            ),
            more(lacking.length - LIST_LIMIT, "part"),
          ),
      el("h3", {}, "Evidence given"),
      given.length === 0
        ? none("No evidence is given.")
        : table(
            ["Part", "Criterion", "Evidence"],
            given.map(([p, e]) => [partName(p), e.criterion, evidenceLink(e.text)]),
          ),
    ),
  };
}

import { LIST_LIMIT, count, more, none, partName, table, type SectionDef } from "../common";
import { el, fragment, type Html } from "../html";
import type { ReportInput, ReportItem, ReportPart } from "../input";

export interface Gap {
  readonly criterion: string;
  readonly parts: readonly { readonly part: ReportPart; readonly detail: string }[];
}

/** Items grouped by criterion, most parts first (then by criterion); a part counts once per criterion. */
export function commonGaps(parts: readonly ReportPart[], items: (p: ReportPart) => readonly ReportItem[]): readonly Gap[] {
  const groups = new Map<string, { part: ReportPart; detail: string }[]>();
  for (const part of parts) {
    const seen = new Set<string>();
    for (const item of items(part)) {
      if (seen.has(item.criterion)) continue;
      seen.add(item.criterion);
      const group = groups.get(item.criterion) ?? [];
      group.push({ part, detail: item.detail });
      groups.set(item.criterion, group);
    }
  }
  return [...groups]
    .map(([criterion, ps]) => ({ criterion, parts: ps }))
    .sort((a, b) => b.parts.length - a.parts.length || (a.criterion < b.criterion ? -1 : a.criterion > b.criterion ? 1 : 0));
}

function gapsBody(gaps: readonly Gap[], detailHeader: string, empty: string): Html {
  if (gaps.length === 0) return none(empty);
  return fragment(
    gaps.map((g) =>
      fragment(
        el("h3", {}, `${g.criterion}: ${count(g.parts.length, "part")}`),
        table(
          ["Part", detailHeader],
          g.parts.slice(0, LIST_LIMIT).map(({ part, detail }) => [partName(part), detail]),
        ),
        more(g.parts.length - LIST_LIMIT, "part"),
      ),
    ),
  );
}

export function blockersSection(input: ReportInput): SectionDef {
  return {
    id: "blockers",
    title: "Most common blockers",
    body: gapsBody(
      commonGaps(input.parts, (p) => p.blockers),
      "Why it blocks",
      "No part is blocked.",
    ),
  };
}

export function missingSection(input: ReportInput): SectionDef {
  return {
    id: "missing",
    title: "Most common missing items",
    body: gapsBody(
      commonGaps(input.parts, (p) => p.missing),
      "To provide",
      "Nothing is missing.",
    ),
  };
}

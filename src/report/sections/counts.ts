import { STAGES, stageName } from "../../core";
import { stageChart } from "../chart";
import { count, table, type SectionDef } from "../common";
import { el, fragment } from "../html";
import type { ReportInput } from "../input";

const share = (n: number, total: number): string => (total === 0 ? "–" : `${Math.round((100 * n) / total)} %`);

/** Parts per stage: the chart, and the same counts as a table (what a screen reader reads). */
export function countsSection(input: ReportInput): SectionDef {
  const rows: [string, number][] = STAGES.map((s) => [stageName(s), input.stageCounts[s]]);
  if (input.unclassified > 0) rows.push(["Not classified", input.unclassified]);
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  return {
    id: "stages",
    title: "Parts per stage",
    body: fragment(
      el("p", {}, `${count(total, "part")} in all.`),
      stageChart(input.stageCounts, input.unclassified),
      el(
        "div",
        { class: "counts" },
        table(
          ["Stage", { header: "Parts", numeric: true }, { header: "Share", numeric: true }],
          rows.map(([name, n]) => [name, n.toLocaleString("en-US"), share(n, total)]),
        ),
      ),
    ),
  };
}

/* The stage counts as an inline SVG bar chart, drawn from numbers only; the same counts are given as a table beside it. */
import { STAGES, STAGE_COLORS, stageName, type Stage } from "../core";
import { el, type Html } from "./html";

const WIDTH = 640;
const LABEL = 230;
const BAR = 26;
const GAP = 10;
const COUNT_ROOM = 60;

interface Bar {
  readonly name: string;
  readonly count: number;
  readonly fill: string;
  readonly font: string;
}

/** A count as drawn: a whole number, 0 or more. */
const whole = (n: number): number => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

/** A bar per stage, and one for unclassified rows when there are any. */
export function stageChart(counts: Readonly<Record<Stage, number>>, unclassified: number): Html {
  const bars: Bar[] = STAGES.map((s) => ({ name: stageName(s), count: whole(counts[s]), ...STAGE_COLORS[s] }));
  if (whole(unclassified) > 0) bars.push({ name: "Not classified", count: whole(unclassified), fill: "#EEEEEE", font: "#333333" });
  const most = Math.max(1, ...bars.map((b) => b.count));
  const height = bars.length * (BAR + GAP) + GAP;
  const room = WIDTH - LABEL - COUNT_ROOM;
  return el(
    "svg",
    { class: "chart", viewBox: `0 0 ${WIDTH} ${height}`, "aria-hidden": "true", focusable: "false" },
    bars.map((b, i) => {
      const y = GAP + i * (BAR + GAP);
      const w = Math.round((room * b.count) / most);
      return el(
        "g",
        {},
        el("text", { x: LABEL - 8, y: y + BAR / 2, "text-anchor": "end", "dominant-baseline": "central", "font-size": 14, fill: "#1b1b1b" }, b.name),
        el("rect", { x: LABEL, y, width: w, height: BAR, fill: b.fill, stroke: b.font, "stroke-width": 1 }),
        el("text", { x: LABEL + w + 6, y: y + BAR / 2, "dominant-baseline": "central", "font-size": 14, fill: "#1b1b1b" }, b.count),
      );
    }),
  );
}

/* Pieces every section uses: a part's name, a stage badge, a section, a table. */
import { stageName, type Stage } from "../core";
import { el, type Child, type Html } from "./html";
import type { ReportPart } from "./input";

/** "P-100 (row 7)", or "Row 7" for a part without a label. */
export function partName(part: Pick<ReportPart, "label" | "row">): string {
  const label = part.label.trim();
  return label === "" ? `Row ${part.row}` : `${label} (row ${part.row})`;
}

export function stageBadge(stage: Stage | null): Html {
  return stage === null ? el("span", { class: "stage stage-none" }, "Not classified") : el("span", { class: `stage stage-${stage}` }, stageName(stage));
}

export interface SectionDef {
  readonly id: string;
  readonly title: string;
  readonly body: Html;
}

export function section(def: SectionDef): Html {
  return el("section", { id: def.id, "aria-labelledby": `${def.id}-title` }, el("h2", { id: `${def.id}-title` }, def.title), def.body);
}

/** A short sentence for a section with nothing to show. */
export function none(text: string): Html {
  return el("p", { class: "none" }, text);
}

export interface Column {
  readonly header: string;
  readonly numeric?: boolean;
  /** Short fixed texts (a stage name, a progress bar) kept on one line. */
  readonly nowrap?: boolean;
}

/** A table whose header row repeats on every printed page. */
export function table(columns: readonly (Column | string)[], rows: readonly (readonly Child[])[]): Html {
  const cols = columns.map((c): Column => (typeof c === "string" ? { header: c } : c));
  const cls = (c: Column | undefined): string | undefined => (c?.numeric ? "num" : c?.nowrap ? "nw" : undefined);
  return el(
    "table",
    {},
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        cols.map((c) => el("th", { scope: "col", class: cls(c) }, c.header)),
      ),
    ),
    el(
      "tbody",
      {},
      rows.map((row) =>
        el(
          "tr",
          {},
          row.map((cell, i) => el("td", { class: cls(cols[i]) }, cell)),
        ),
      ),
    ),
  );
}

/** "1 part", "3 parts". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** Lists longer than this show the first ones and "... and N more". */
export const LIST_LIMIT = 50;

/** "… and 3 more parts", or nothing. */
export function more(n: number, one: string, many = `${one}s`): Html | null {
  return n > 0 ? el("p", { class: "none" }, `… and ${count(n, `more ${one}`, `more ${many}`)}`) : null;
}

import { CHANGE_HEADER, STAGES, STAGE_PROFILES, changeText, compareRuns, type ResultCells, type RunComparison, type RunPart, type Stage } from "../core";

/** The Change column's header, the core's (shared with the command line's --compare). */
export { CHANGE_HEADER };

/** A Stage cell an earlier run wrote, read back: the stage whose name it holds exactly (trimmed, any case), else undefined. */
export function stageOfCell(value: unknown): Stage | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim().toLowerCase();
  return STAGES.find((s) => STAGE_PROFILES[s].name.toLowerCase() === text);
}

/** One data row of the list as the run saw it. */
export interface ComparedRow {
  /** The part's label (part number or name) as its cell reads now, "" when it has none. */
  readonly label: string;
  /** The row's new result cells; a blank row's are all empty. */
  readonly result: ResultCells;
}

export interface ListComparison {
  readonly comparison: RunComparison;
  /** The Change cell of each data row, in order ("" for blank rows, unchanged and unmatched parts). */
  readonly cells: readonly string[];
  /** This run's parts, to remember for the next run. */
  readonly current: readonly RunPart[];
}

/** This run's parts: every row with a stage, its label and 1-based sheet row. */
export function currentParts(rows: readonly ComparedRow[], firstDataRow: number): { readonly parts: readonly RunPart[]; readonly at: readonly number[] } {
  const parts: RunPart[] = [];
  const at: number[] = [];
  rows.forEach((r, i) => {
    const stage = stageOfCell(r.result[0]);
    if (stage === undefined) return;
    parts.push({ label: r.label, stage, row: firstDataRow + i + 1 });
    at.push(i);
  });
  return { parts, at };
}

/**
 * Compares the parts of the list's last run (as the pane recorded them when
 * it wrote that run's Stage column) with this run's answers, by part label:
 * the core's compareRuns. Undefined `previous` (no recorded run) compares
 * nothing: every Change cell is empty.
 */
export function compareList(
  previous: readonly RunPart[] | undefined,
  rows: readonly ComparedRow[],
  firstDataRow: number,
): ListComparison & { readonly compared: boolean } {
  const { parts, at } = currentParts(rows, firstDataRow);
  const comparison = compareRuns(previous ?? [], parts);
  const cells: string[] = rows.map(() => "");
  if (previous !== undefined) {
    comparison.changes.forEach((change, k) => {
      const i = at[k];
      if (i !== undefined) cells[i] = changeText(change);
    });
  }
  return { comparison, cells, current: parts, compared: previous !== undefined };
}

/** A sentence for the pane about what changed since the last run. */
export function changeSentence(c: RunComparison): string {
  const count = (n: number, one: string, many: string = one): string => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
  const parts = [
    `${count(c.movedUp, "part")} moved up`,
    `${count(c.movedDown, "part")} moved down`,
    `${count(c.added, "new part", "new parts")}`,
    `${count(c.dropped.length, "part")} dropped from the list`,
  ];
  return `Since the last run: ${parts.join(", ")}.`;
}

/** The duplicated labels, for the pane: no change is claimed for them. */
export function duplicateLines(c: RunComparison, limit = 5): readonly string[] {
  const lines = c.duplicates
    .slice(0, limit)
    .map((d) => `"${d.label}" is in ${d.side === "previous" ? "the last run" : "this run"} ${d.rows.length} times (rows ${d.rows.join(", ")})`);
  return c.duplicates.length > limit ? [...lines, `…and ${c.duplicates.length - limit} more duplicated labels`] : lines;
}

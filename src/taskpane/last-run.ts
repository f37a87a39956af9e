import { STAGES, cellText, type RunPart, type Stage } from "../core";
import { cellAddress } from "./a1";
import type { ListBlock } from "./layout";

/**
 * The workbook setting that remembers, per list, the parts of its last run:
 * each part's label, stage and row as that run wrote them. The next run
 * compares with it, so that a part moved to another row, renamed or deleted
 * is seen as such (the sheet itself keeps only the Stage column, in rows that
 * may have changed hands since).
 */
export const LAST_RUN_SETTING = "PartReadiness.lastRuns";
/** Lists remembered, the most recently classified first. */
export const LISTS_REMEMBERED = 10;
/** Characters of the setting at most: a run too large to remember is not (its next run compares with nothing). */
export const LAST_RUN_LIMIT = 1_000_000;

export interface StoredRun {
  /** The list: its sheet and its table, or the first cell of its header row. */
  readonly list: string;
  readonly labels: readonly string[];
  /** One digit per part: its stage's place in STAGES. */
  readonly stages: string;
  readonly rows: readonly number[];
}

/** A list's identity across runs: the sheet and the table's name, or the sheet and the header row's first cell. */
export function listKey(block: ListBlock, headerRow: number): string {
  return `${block.sheet}|${block.table ?? cellAddress(headerRow, block.rect.column)}`;
}

/** The remembered runs in the stored value; a value of any other shape remembers nothing. */
export function storedRuns(value: unknown): readonly StoredRun[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is StoredRun => {
    if (typeof v !== "object" || v === null) return false;
    const r = v as Record<string, unknown>;
    return (
      typeof r.list === "string" &&
      typeof r.stages === "string" &&
      /^[0-2]*$/u.test(r.stages) &&
      Array.isArray(r.labels) &&
      r.labels.length === r.stages.length &&
      r.labels.every((l) => typeof l === "string") &&
      Array.isArray(r.rows) &&
      r.rows.length === r.stages.length &&
      r.rows.every((n) => Number.isInteger(n))
    );
  });
}

/** The parts of the list's last run, or undefined when none is remembered. */
export function previousRun(runs: readonly StoredRun[], list: string): readonly RunPart[] | undefined {
  const run = runs.find((r) => r.list === list);
  if (!run) return undefined;
  return run.labels.map((label, i) => ({ label, stage: STAGES[Number(run.stages[i])] as Stage, row: run.rows[i] ?? 0 }));
}

/**
 * The setting after a run: this list's parts first (those with a label: a
 * part without one cannot be matched), then the other lists, up to
 * LISTS_REMEMBERED and LAST_RUN_LIMIT characters (or `limit`, when lower). `remembered` is false
 * when this run itself is too large to keep.
 */
export function withRun(
  runs: readonly StoredRun[],
  list: string,
  parts: readonly RunPart[],
  limit = LAST_RUN_LIMIT,
): { readonly value: StoredRun[]; readonly remembered: boolean } {
  const named = parts.filter((p) => cellText(p.label).trim() !== "");
  const run: StoredRun = {
    list,
    labels: named.map((p) => p.label),
    stages: named.map((p) => String(STAGES.indexOf(p.stage))).join(""),
    rows: named.map((p) => p.row),
  };
  const others = runs.filter((r) => r.list !== list);
  const kept: StoredRun[] = [];
  let size = 2;
  const fits = (r: StoredRun): boolean => size + JSON.stringify(r).length + 1 <= Math.min(limit, LAST_RUN_LIMIT);
  const remembered = fits(run);
  if (remembered) {
    kept.push(run);
    size += JSON.stringify(run).length + 1;
  }
  for (const r of others) {
    if (kept.length >= LISTS_REMEMBERED || !fits(r)) break;
    kept.push(r);
    size += JSON.stringify(r).length + 1;
  }
  return { value: kept, remembered };
}

import {
  LEVEL_CRITERIA,
  mapHeaders,
  readCount,
  readGoal,
  readHeader,
  readLevel,
  type CriterionId,
  type Goal,
  type Level,
  type LevelCriterionId,
} from "../../../src/core";
import type { PhraseCase } from "./phrases";

export type Reading = Level | Goal | number;

const isLevel = (id: CriterionId): id is LevelCriterionId => (LEVEL_CRITERIA as readonly string[]).includes(id);

/** How the core reads a corpus phrase, under its header when it gives one. */
export function readCase(c: PhraseCase): { readonly reading: Reading; readonly problem?: string } {
  let bareName = false;
  let price = false;
  if (c.header !== undefined) {
    const column = mapHeaders([c.header]).columns[0];
    if (column?.criterion !== c.criterion) return { reading: "unknown", problem: `header "${c.header}" is not read as ${c.criterion}` };
    bareName = column.bareName;
    price = column.price;
  }
  if (isLevel(c.criterion)) {
    const read = readLevel(c.criterion, c.text, bareName, price);
    return read.ok ? { reading: read.value } : { reading: "unknown", problem: read.issue.message };
  }
  if (c.criterion === "goal") {
    const read = readGoal(c.text);
    return read.ok ? { reading: read.value } : { reading: "unknown", problem: read.issue.message };
  }
  const read = readCount(c.criterion, c.text);
  return read.ok ? { reading: read.value ?? "unknown" } : { reading: "unknown", problem: read.issue.message };
}

const LEVEL_RANK: Readonly<Record<string, number>> = { unknown: 0, "not-met": 0, partial: 1, met: 2, learning: 0, delivering: 1 };

/** A reading above the engineer's: a level or goal that satisfies more, or a count where the engineer sees none or a smaller one. */
export function promotes(expected: Reading, read: Reading): boolean {
  if (typeof read === "number") return expected === "unknown" || (typeof expected === "number" && read > expected);
  if (typeof expected === "number") return false;
  return (LEVEL_RANK[read] ?? 0) > (LEVEL_RANK[expected] ?? 0);
}

export function headerCriterion(header: string): CriterionId | undefined {
  const reading = readHeader(header);
  return reading.kind === "criterion" ? reading.criterion : undefined;
}

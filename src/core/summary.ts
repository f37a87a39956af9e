import type { Assessment } from "./assess";
import { CRITERION_DEFS, type CriterionId } from "./criteria";
import type { Stage } from "./stages";

export interface BlockerCount {
  readonly criterion: CriterionId;
  readonly label: string;
  readonly count: number;
}

export interface Summary {
  readonly parts: number;
  /** Rows with no recognised value. */
  readonly unclassified: number;
  readonly byStage: Readonly<Record<Stage, number>>;
  /** Criteria that block or are missing most often, most first. */
  readonly topBlockers: readonly BlockerCount[];
  readonly topMissing: readonly BlockerCount[];
  readonly warnings: number;
  readonly issues: number;
  /** Criteria counted as met by a justified waiver, over all parts. */
  readonly waived: number;
  /** Parts with at least one waived criterion. */
  readonly partsWithWaivers: number;
}

export interface SummaryBuilder {
  add(a: Assessment): void;
  result(top?: number): Summary;
}

function ranked(counts: ReadonlyMap<CriterionId, number>, top: number): BlockerCount[] {
  return [...counts]
    .map(([criterion, count]) => ({ criterion, label: CRITERION_DEFS[criterion].label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, top);
}

/** Counts parts per stage and the most common blockers, one assessment at a time. */
export function summaryBuilder(): SummaryBuilder {
  const byStage: Record<Stage, number> = { prototyping: 0, "low-volume": 0, "mass-production": 0 };
  const blockers = new Map<CriterionId, number>();
  const missing = new Map<CriterionId, number>();
  let parts = 0;
  let unclassified = 0;
  let warnings = 0;
  let issues = 0;
  let waived = 0;
  let partsWithWaivers = 0;
  return {
    add(a) {
      parts += 1;
      issues += a.issues.length;
      if (a.stage === null) {
        unclassified += 1;
        return;
      }
      byStage[a.stage] += 1;
      waived += a.waived.length;
      if (a.waived.length > 0) partsWithWaivers += 1;
      warnings += a.warnings.length;
      for (const b of a.blockers) blockers.set(b.criterion, (blockers.get(b.criterion) ?? 0) + 1);
      for (const m of a.missing) missing.set(m.criterion, (missing.get(m.criterion) ?? 0) + 1);
    },
    result(top = 5) {
      return {
        parts,
        unclassified,
        byStage: { ...byStage },
        topBlockers: ranked(blockers, top),
        topMissing: ranked(missing, top),
        warnings,
        issues,
        waived,
        partsWithWaivers,
      };
    },
  };
}

export function summarize(assessments: Iterable<Assessment>, top = 5): Summary {
  const builder = summaryBuilder();
  for (const a of assessments) builder.add(a);
  return builder.result(top);
}

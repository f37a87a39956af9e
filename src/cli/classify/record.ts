import type { Assessment } from "../../core";
import type { TableClassifier } from "./table";

/** One part as --format json writes it. */
export interface PartRecord {
  readonly row: number;
  readonly part: string;
  readonly stage: string | null;
  readonly stageName: string;
  readonly score: number | null;
  readonly nextStep: string;
  readonly blockers: readonly { readonly criterion: string; readonly reason: string }[];
  readonly missing: readonly { readonly criterion: string; readonly provide: string }[];
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
  readonly issues: readonly { readonly cell: string; readonly criterion: string; readonly code: string; readonly message: string }[];
}

export function partRecord(rowNumber: number, label: string, a: Assessment, table: TableClassifier): PartRecord {
  return {
    row: rowNumber,
    part: label,
    stage: a.stage,
    stageName: a.stageName,
    score: a.score,
    nextStep: a.nextStep,
    blockers: a.blockers.map((b) => ({ criterion: b.criterion, reason: b.reason })),
    missing: a.missing.map((m) => ({ criterion: m.criterion, provide: m.provide })),
    warnings: a.warnings.map((w) => ({ code: w.code, message: w.message })),
    issues: a.issues.map((i) => ({
      cell: table.cellRef(table.header.mapping.byCriterion[i.criterion]?.column ?? 0, rowNumber),
      criterion: i.criterion,
      code: i.code,
      message: i.message,
    })),
  };
}

import type { Assessment } from "./assess";
import type { LevelCriterionId } from "./criteria";
import type { LinkKind } from "./evidence";
import { assemblyRecord, type AssemblyResult, type AssemblyRecord } from "./hierarchy";

/**
 * What a gate review adds to a part's JSON record, the same on every surface:
 * waived criteria with their justification, evidence per criterion, the met
 * criteria without evidence, and (on a sheet with a hierarchy) the assembly
 * stage and the part ids that limit it.
 */
export interface GateReviewRecord extends Partial<AssemblyRecord> {
  readonly waived: readonly { readonly criterion: LevelCriterionId; readonly justification: string }[];
  readonly evidence: readonly { readonly criterion: string; readonly text: string; readonly link: LinkKind }[];
  readonly metWithoutEvidence: readonly LevelCriterionId[];
}

/** The gate-review fields of one part; `assembly` only when the sheet has a Level or Parent column. */
export function gateReviewRecord(a: Assessment, assembly?: AssemblyResult): GateReviewRecord {
  const base = {
    waived: a.waived.map((w) => ({ criterion: w.criterion, justification: w.justification })),
    evidence: a.evidence.map((e) => ({ criterion: e.criterion, text: e.text, link: e.link })),
    metWithoutEvidence: a.metWithoutEvidence,
  };
  return assembly === undefined ? base : { ...base, ...assemblyRecord(assembly) };
}

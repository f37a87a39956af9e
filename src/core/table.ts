import { assess, readPart, type Assessment, type ColumnTraits, type EvidenceValue, type PartReading, type RowExtras } from "./assess";
import { cellText } from "./cell";
import { CRITERION_DEFS, type CriterionId } from "./criteria";
import type { HeaderMapping } from "./headers";
import { DEFAULT_THRESHOLDS, type Thresholds } from "./thresholds";
import { justificationText } from "./waiver";

/** The five columns every surface writes, in this order. */
export const RESULT_HEADERS = ["Stage", "Readiness score", "Next step", "Blockers", "Missing"] as const;
export type ResultHeader = (typeof RESULT_HEADERS)[number];

/** Stage name, score ("" without a stage), next step, blockers and missing joined with "; ". */
export type ResultCells = readonly [string, number | "", string, string, string];

export const LIST_SEPARATOR = "; ";

/** A row reader for one header mapping: build it once per header row, reuse it for every row. */
export interface RowReader {
  readonly mapping: HeaderMapping;
  read(row: readonly unknown[]): PartReading;
  assess(row: readonly unknown[]): Assessment;
}

export function rowReader(mapping: HeaderMapping, thresholds: Thresholds = DEFAULT_THRESHOLDS): RowReader {
  const columns = mapping.columns.map((c) => [c.criterion, c.column] as const);
  const traits: ColumnTraits = {
    bareNames: new Set(mapping.columns.filter((c) => c.bareName).map((c) => c.criterion)),
    prices: new Set(mapping.columns.filter((c) => c.price).map((c) => c.criterion)),
  };
  const justifications = mapping.roles.filter((r) => r.role === "justification");
  const evidenceColumns = mapping.roles.filter((r) => r.role === "evidence" && r.criterion !== undefined);
  const justificationHeader = justifications.length === 0 ? undefined : justifications.map((r) => r.header).join('" or "');
  const plain: RowExtras = Object.freeze({ justificationHeader });
  const extrasOf = (row: readonly unknown[]): RowExtras => {
    if (justifications.length === 0 && evidenceColumns.length === 0) return plain;
    // The first justification cell that holds written text: "Deviation" may hold the reference, "Justification" the words.
    const justification = justifications.map((r) => row[r.column]).find((v) => justificationText(v) !== "");
    const evidence: EvidenceValue[] = evidenceColumns.map((r) => ({ criterion: r.criterion as CriterionId, header: r.header, value: row[r.column] }));
    return { justification, justificationHeader, evidence, evidenceColumns: evidenceColumns.length > 0 };
  };
  const read = (row: readonly unknown[]): PartReading => {
    const values: Partial<Record<CriterionId, unknown>> = {};
    for (const [criterion, column] of columns) values[criterion] = row[column];
    return readPart(values, traits, extrasOf(row));
  };
  return { mapping, read, assess: (row) => assess(read(row), thresholds) };
}

export function blockersText(a: Assessment): string {
  return a.blockers.map((b) => b.reason).join(LIST_SEPARATOR);
}

export function missingText(a: Assessment): string {
  return a.missing.map((m) => m.provide).join(LIST_SEPARATOR);
}

/** "Pilot run: Waived per D-12 (carry-over part)"; one per waived criterion. */
export function waivedText(a: Assessment): string {
  return a.waived.map((w) => `${CRITERION_DEFS[w.criterion].label}: ${w.text} (${w.justification})`).join(LIST_SEPARATOR);
}

/** "DFM: https://..."; one per evidence cell. */
export function evidenceText(a: Assessment): string {
  return a.evidence.map((e) => `${CRITERION_DEFS[e.criterion].label}: ${e.text}`).join(LIST_SEPARATOR);
}

/** The met criteria without evidence, by label; empty when the sheet has no evidence column. */
export function metWithoutEvidenceText(a: Assessment): string {
  return a.metWithoutEvidence.map((id) => CRITERION_DEFS[id].label).join(LIST_SEPARATOR);
}

export function warningsText(a: Assessment): string {
  return a.warnings.map((w) => w.message).join(LIST_SEPARATOR);
}

export function resultCells(a: Assessment): ResultCells {
  return [a.stageName, a.score ?? "", a.nextStep, blockersText(a), missingText(a)];
}

/** The part's name or number for labels, or "" when the sheet has no such column. */
export function partLabel(row: readonly unknown[], mapping: HeaderMapping): string {
  return mapping.partColumn === undefined ? "" : cellText(row[mapping.partColumn]).trim();
}

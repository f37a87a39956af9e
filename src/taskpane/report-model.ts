import {
  CRITERION_DEFS,
  tableAssemblies,
  type CellNote,
  type ColumnLine,
  type HeaderMapping,
  type RunComparison,
  type RunPart,
  type StageChange,
  type Summary,
} from "../core";
import { reportPart, type ReportInput, type ReportPart } from "../report";
import { sheetCell } from "./a1";
import type { PartRecord } from "./classify";

/** What the pane keeps of its last Classify list run to build the report from. */
export interface ReportSource {
  /** The workbook's file name, as Excel gives it. */
  readonly workbook: string;
  readonly sheet: string;
  /** The list's range, e.g. "Parts!A1:P51". */
  readonly list: string;
  readonly when: Date;
  readonly mapping: HeaderMapping;
  /** Absolute column of the list's first column (the mapping's columns count from it). */
  readonly firstColumn: number;
  readonly summary: Summary;
  readonly parts: readonly PartRecord[];
  readonly columns: readonly ColumnLine[];
  readonly cells: readonly CellNote[];
  readonly problemCount: number;
  /** What changed since the list's recorded last run, with this run's parts in the order of its changes. */
  readonly comparison?: { readonly result: RunComparison; readonly current: readonly RunPart[] };
}

/** "2026-11-29 14:05", local time. */
export function reportDate(when: Date): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${when.getFullYear()}-${two(when.getMonth() + 1)}-${two(when.getDate())} ${two(when.getHours())}:${two(when.getMinutes())}`;
}

/** The download's name: "readiness-report-Parts-2026-11-29-1405.html", the sheet name kept to letters, digits and dashes. */
export function reportFileName(sheet: string, when: Date): string {
  const safe =
    sheet
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/gu, "-")
      .replace(/^-+|-+$/gu, "")
      .slice(0, 40) || "list";
  return `readiness-report-${safe}-${reportDate(when).replace(" ", "-").replace(":", "")}.html`;
}

/**
 * The report's input from the pane's last run, part by part as the command
 * line fills it: the core's assessment (reportPart), then waivers with their
 * justification, evidence, the criteria met without evidence, the assembly stage and the
 * components that cap it (the core's tableAssemblies over the list's parts),
 * and each part's change since the recorded run.
 */
export function reportInput(source: ReportSource): ReportInput {
  const label = (id: keyof typeof CRITERION_DEFS): string => CRITERION_DEFS[id].label;
  const cellOf = (i: number, column: number): string => sheetCell(source.sheet, (source.parts[i]?.row ?? 1) - 1, source.firstColumn + column);
  const assemblies = tableAssemblies(
    source.mapping,
    source.parts.map((p) => p.link),
    source.parts.map((p) => p.assessment.stage),
    cellOf,
  );
  const changes = new Map<number, StageChange>();
  source.comparison?.current.forEach((p, k) => {
    const change = source.comparison?.result.changes[k];
    if (change) changes.set(p.row, change);
  });
  const parts = source.parts.map((p, i): ReportPart => {
    const a = p.assessment;
    const assembly = assemblies?.results[i];
    const change = changes.get(p.row);
    return {
      ...reportPart(p.label, p.row, a),
      waived: a.waived.map((w) => ({ criterion: label(w.criterion), justification: w.justification })),
      evidence: a.evidence.map((e) => ({ criterion: label(e.criterion), text: e.text })),
      // As the command line gives it: the core's "met without evidence" already leaves out waived criteria and those with evidence.
      met: a.metWithoutEvidence.map(label),
      ...(assembly?.kind === "known" ? { assemblyStage: assembly.stage, limitedBy: assembly.limitedBy.map((l) => ({ label: l.label, stage: l.stage })) } : {}),
      ...(change ? { change } : {}),
    };
  });
  const evidenceCriteria = [...new Set(source.mapping.roles.flatMap((r) => (r.role === "evidence" && r.criterion !== undefined ? [label(r.criterion)] : [])))];
  return {
    title: `Gate review: ${source.workbook || source.sheet}`,
    sourceFile: source.workbook,
    sheet: source.list,
    date: reportDate(source.when),
    stageCounts: source.summary.byStage,
    unclassified: source.summary.unclassified,
    parts,
    columns: source.columns,
    cellNotes: source.cells,
    moreCellNotes: Math.max(0, source.problemCount - source.cells.length),
    ...(evidenceCriteria.length > 0 ? { evidenceCriteria } : {}),
    ...(source.comparison ? { comparison: source.comparison.result, comparedWith: "the last run of this list recorded in this workbook" } : {}),
  };
}

/*
 * What a report is made from: plain readonly data that the command line and
 * the task pane both fill from their own reading of a sheet. Texts are shown
 * as they are (always escaped); criteria are named by their display labels
 * ("Design", "Pilot run").
 */
import type { CellNote, RunComparison, Stage, StageChange } from "../core";

/** A criterion and what is said about it (a blocker's reason, what to provide). */
export interface ReportItem {
  readonly criterion: string;
  readonly detail: string;
}

export interface ReportWaiver {
  readonly criterion: string;
  readonly justification: string;
}

export interface ReportEvidence {
  readonly criterion: string;
  /** The evidence cell's text: a link when it is an https: URL or an absolute file path, else text. */
  readonly text: string;
}

/** A component that caps an assembly's stage. */
export interface ReportLimit {
  readonly label: string;
  readonly stage: Stage;
}

export interface ReportPart {
  /** The part's name or number; "" when the sheet has none (the row names it). */
  readonly label: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** null: the row holds no recognised value. */
  readonly stage: Stage | null;
  readonly score: number | null;
  /** Share of the next gate satisfied, 0–1 (1 at mass production); null without a stage. */
  readonly progress: number | null;
  readonly blockers: readonly ReportItem[];
  readonly missing: readonly ReportItem[];
  readonly nextStep: string;
  readonly waived: readonly ReportWaiver[];
  readonly evidence: readonly ReportEvidence[];
  /** Criteria the part meets: with the evidence criteria, they give "met without evidence". */
  readonly met?: readonly string[];
  /** Only for a part with components, on a sheet with a hierarchy. */
  readonly assemblyStage?: Stage;
  /** The components that cap the assembly stage (empty or absent when none does). */
  readonly limitedBy?: readonly ReportLimit[];
  /** Against the compared run, when there is one. */
  readonly change?: StageChange;
}

/** How one column of the header row was read (the core's ColumnLine fits). */
export interface ReportColumn {
  /** Column letter, "C". */
  readonly letter?: string;
  readonly header: string;
  readonly readAs: string;
  readonly how: string;
}

export interface ReportInput {
  /** The report's heading, e.g. "Gate review: Bracket assembly". */
  readonly title: string;
  readonly sourceFile: string;
  readonly sheet: string;
  /** When the sheet was classified, shown as given ("2026-11-29 14:05"). */
  readonly date: string;
  readonly stageCounts: Readonly<Record<Stage, number>>;
  /** Rows with no recognised value. */
  readonly unclassified: number;
  readonly parts: readonly ReportPart[];
  readonly columns: readonly ReportColumn[];
  /** The cells not understood that are listed ... */
  readonly cellNotes: readonly CellNote[];
  /** ... and how many more there were. */
  readonly moreCellNotes: number;
  /**
   * Criteria the sheet has evidence columns for. Absent: those named by any
   * part's evidence. "Met without evidence" lists only these criteria, and
   * only when there is at least one.
   */
  readonly evidenceCriteria?: readonly string[];
  /** The run compared with, when there is one; each part's `change` gives its line. */
  readonly comparison?: RunComparison;
  /** What the compared run was, e.g. its file name; shown in that section. */
  readonly comparedWith?: string;
}

/**
 * The gate-review columns after the five results: Assembly stage and Limited
 * by (a sheet with a Level or Parent column), Waived (a sheet where any part
 * has a justified waiver) and Change (with --compare).
 *
 * Each needs the whole table before the first row is written (the Waived
 * column exists only if some row further down has a waiver; an assembly's
 * components come after it; a label may be repeated further down), so when a
 * sheet may need one, the rows are read and classified twice: a first pass
 * keeps a few facts per part (its row, own stage, label, Level or Parent cell),
 * the assemblies and the comparison are made from them, and the second pass
 * writes every row with its columns, looked up by row number. A sheet without
 * a hierarchy, a justification column or --compare is read once, as before.
 */
import {
  ASSEMBLY_HEADERS,
  CHANGE_HEADER,
  WAIVED_HEADER,
  assemblyRecord,
  buildAssemblies,
  changeText,
  compareRuns,
  gateCells,
  gateHeaders,
  hierarchyOf,
  tableAssemblies,
  type AssemblyResult,
  type Assemblies,
  type CellValue,
  type HeaderMapping,
  type HierarchyProblem,
  type HierarchyRow,
  type RunComparison,
  type RunPart,
  type Stage,
  type StageChange,
  type SummaryChanges,
  type Thresholds,
} from "../../core";
import { cellAddress } from "../classify/record";
import { TableClassifier } from "../classify/table";
import type { ClassifiedRow, HeaderChoice } from "../classify/types";

/** The parts of an earlier run, read back from its output (see previous.ts). */
export interface PreviousRun {
  readonly parts: readonly RunPart[];
  /** The file, as the user named it. */
  readonly shown: string;
}

export interface GateRow {
  readonly number: number;
  readonly values: readonly CellValue[];
}

/** Characters wide: Assembly stage, Limited by, Waived, Change. */
export const EXTRA_WIDTHS: Readonly<Record<string, number>> = {
  [ASSEMBLY_HEADERS[0]]: 24,
  [ASSEMBLY_HEADERS[1]]: 50,
  [WAIVED_HEADER]: 50,
  [CHANGE_HEADER]: 26,
};

const SAME: StageChange = { kind: "same" };

/** Whether a table may need gate columns, from its header alone: a hierarchy, a justification column, or a run to compare with. */
export function mayNeedGate(mapping: HeaderMapping, previous: PreviousRun | undefined): boolean {
  return previous !== undefined || hierarchyOf(mapping) !== undefined || mapping.roles.some((r) => r.role === "justification");
}

export class Gate {
  /** The extra headers, in order, once prepared: a subset of Assembly stage, Limited by, Waived, Change. */
  headers: readonly string[] = [];
  /** The part rows of the first pass, in order (1-based sheet rows). */
  private rows: Int32Array = new Int32Array(0);
  assemblies: Assemblies | undefined;
  comparison: RunComparison | undefined;
  /** The Change of each part row (same index as `rows`); undefined for a part without a stage. */
  private changes: (StageChange | undefined)[] = [];
  /** Labels and stages of the first pass (kept for the report's limiting components). */
  private stages: (Stage | null)[] = [];
  private prepared = false;

  constructor(readonly previous: PreviousRun | undefined) {}

  /** The columns after the five results: their count. */
  get width(): number {
    return this.headers.length;
  }

  /**
   * The first pass: every row of the table in order (those above and on the
   * header row are skipped). Classifies each row as the second pass will, and
   * keeps what the columns need.
   */
  async prepare(header: HeaderChoice, sheetName: string, thresholds: Thresholds, rows: AsyncIterable<GateRow>): Promise<void> {
    if (this.prepared) throw new Error("the gate columns are prepared once");
    this.prepared = true;
    const mapping = header.mapping;
    if (!mayNeedGate(mapping, this.previous)) return;
    const hierarchy = hierarchyOf(mapping);
    const table = new TableClassifier(sheetName, header, thresholds, 0);
    const numbers: number[] = [];
    const stages: (Stage | null)[] = [];
    const labels: string[] = [];
    const links: unknown[] = [];
    let anyWaiver = false;
    for await (const row of rows) {
      if (row.number <= header.rowNumber) continue;
      const outcome = table.classify(row.number, row.values);
      if (outcome.kind !== "part") continue;
      numbers.push(row.number);
      stages.push(outcome.assessment.stage);
      labels.push(outcome.label);
      if (hierarchy !== undefined) links.push(row.values[hierarchy.column]);
      if (outcome.assessment.waived.length > 0) anyWaiver = true;
    }
    this.rows = Int32Array.from(numbers);
    this.stages = stages;
    if (hierarchy !== undefined) {
      const cellOf = (index: number, column: number): string => cellAddress(sheetName, column, numbers[index] ?? header.rowNumber + 1);
      if (hierarchy.kind === "parent" && mapping.partColumn === undefined)
        this.assemblies = tableAssemblies(
          mapping,
          numbers.map(() => []),
          stages,
          cellOf,
        );
      else {
        const input: HierarchyRow[] = numbers.map((_, i) => ({
          label: labels[i] ?? "",
          link: links[i],
          stage: stages[i] ?? null,
          cell: cellOf(i, hierarchy.column),
        }));
        this.assemblies = buildAssemblies(hierarchy.kind, input);
      }
    }
    if (this.previous !== undefined) {
      const current: RunPart[] = [];
      const at: number[] = [];
      stages.forEach((stage, i) => {
        if (stage === null) return;
        current.push({ label: labels[i] ?? "", stage, row: numbers[i] ?? 0 });
        at.push(i);
      });
      this.comparison = compareRuns(this.previous.parts, current);
      this.changes = new Array<StageChange | undefined>(numbers.length).fill(undefined);
      this.comparison.changes.forEach((change, k) => {
        const i = at[k];
        if (i !== undefined) this.changes[i] = change;
      });
    }
    this.headers = gateHeaders({ assemblies: hierarchy !== undefined, waived: anyWaiver, change: this.previous !== undefined });
  }

  /** The index of a part row of the first pass, or -1. */
  private indexOf(rowNumber: number): number {
    let lo = 0;
    let hi = this.rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.rows[mid] ?? 0;
      if (at === rowNumber) return mid;
      if (at < rowNumber) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The assembly result of a part row (undefined without a hierarchy or for a row the first pass did not see as a part). */
  assemblyOf(rowNumber: number): AssemblyResult | undefined {
    const i = this.indexOf(rowNumber);
    return i < 0 ? undefined : this.assemblies?.results[i];
  }

  changeOf(rowNumber: number): StageChange | undefined {
    if (this.comparison === undefined) return undefined;
    const i = this.indexOf(rowNumber);
    return i < 0 ? undefined : (this.changes[i] ?? SAME);
  }

  /** The own stage the first pass found for a part row. */
  stageOf(rowNumber: number): Stage | null {
    const i = this.indexOf(rowNumber);
    return i < 0 ? null : (this.stages[i] ?? null);
  }

  /** A part row's cells under `headers`, in order. A row the first pass did not see as a part gets empty cells: no claim. */
  cells(rowNumber: number, result: ClassifiedRow | undefined): string[] {
    if (this.headers.length === 0) return [];
    const change = this.changeOf(rowNumber);
    return gateCells(this.headers, {
      assembly: this.assemblies === undefined ? undefined : this.assemblyOf(rowNumber),
      waived: result?.kind === "part" ? (result.waived ?? "") : "",
      change: change === undefined ? "" : changeText(change),
    });
  }

  /** The part's JSON record with `assemblyStage`, `limitedBy` (and `assemblyUnknownBecause`) and `change` added where the sheet has them. */
  withJson(rowNumber: number, json: string): string {
    const fields: Record<string, unknown> = {};
    if (this.assemblies !== undefined) {
      const result = this.assemblyOf(rowNumber);
      const record = assemblyRecord(result ?? { kind: "unknown", because: "the row was not read as a part", components: 0 });
      fields.assemblyStage = record.assemblyStage;
      fields.limitedBy = record.limitedBy;
      if (record.because !== undefined) fields.assemblyUnknownBecause = record.because;
    }
    if (this.comparison !== undefined) {
      const change = this.changeOf(rowNumber) ?? SAME;
      fields.change = change.kind === "same" ? null : change.kind === "new" ? "new" : { direction: change.kind, from: change.from, text: changeText(change) };
    }
    const text = JSON.stringify(fields);
    return text === "{}" || !json.endsWith("}") ? json : `${json.slice(0, -1)},${text.slice(1)}`;
  }

  /** The comparison's counts for the summary sheet, when there is one. */
  summaryChanges(): SummaryChanges | undefined {
    const c = this.comparison;
    if (c === undefined || this.previous === undefined) return undefined;
    return {
      comparedWith: this.previous.shown,
      movedUp: c.movedUp,
      movedDown: c.movedDown,
      added: c.added,
      dropped: c.dropped.length,
      duplicates: c.duplicates.length,
    };
  }

  /** The summary sheet's reading with the comparison added. */
  withChanges<T extends object>(reading: T): T & { readonly changes?: SummaryChanges } {
    const changes = this.summaryChanges();
    return changes === undefined ? reading : { ...reading, changes };
  }

  /** Problems in the bill's structure, by cell. */
  get hierarchyProblems(): readonly HierarchyProblem[] {
    return this.assemblies?.problems ?? [];
  }

  /** What the JSON summary record adds. */
  summaryJson(): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    if (this.assemblies !== undefined) {
      fields.assemblies = {
        kind: this.assemblies.kind,
        problems: this.assemblies.problems.map((p) => ({ cell: p.cell, code: p.code, message: p.message })),
      };
    }
    const c = this.comparison;
    if (c !== undefined && this.previous !== undefined) {
      fields.changes = {
        comparedWith: this.previous.shown,
        movedUp: c.movedUp,
        movedDown: c.movedDown,
        new: c.added,
        dropped: c.dropped.map((p) => ({ part: p.label, stage: p.stage, row: p.row })),
        duplicates: c.duplicates.map((d) => ({ label: d.label, side: d.side, rows: d.rows })),
      };
    }
    return fields;
  }
}

import {
  CELL_NOTE_LIMIT,
  cellText,
  hierarchyOf,
  partLabel,
  resultCells,
  rowReader,
  summaryBuilder,
  type Assessment,
  type CellNote,
  type HeaderMapping,
  type ResultCells,
  type Summary,
  type Thresholds,
} from "../core";
import { sheetCell } from "./a1";

/** The result of a row with nothing in it: five empty cells. */
export const BLANK_RESULT: ResultCells = ["", "", "", "", ""];

/** Cells the core could not read, grouped by what was wrong with them. */
export interface ProblemGroup {
  readonly message: string;
  readonly count: number;
  /** The first few cells, e.g. "Parts!C9". */
  readonly addresses: readonly string[];
}

/** A part as the run read it, for the report: what the command line's report is made from too. */
export interface PartRecord {
  readonly label: string;
  /** 1-based sheet row. */
  readonly row: number;
  readonly assessment: Assessment;
  /** The part's own cells the assemblies read (its label and Level or Parent cell), at their columns; empty without a hierarchy. */
  readonly link: readonly unknown[];
}

/** Distinct problems kept; further ones are only counted. */
export const PROBLEM_GROUPS_KEPT = 20;
export const ADDRESSES_PER_GROUP = 3;

/**
 * Classifies a list chunk by chunk, the way the command line does: a blank row
 * gets blank results and is not counted as a part; every other row gets the
 * core's result cells and goes into the summary.
 */
export class ListClassifier {
  private readonly reader;
  private readonly summary = summaryBuilder();
  private readonly groups = new Map<string, { count: number; addresses: string[] }>();
  private readonly notes: CellNote[] = [];
  private problemCount = 0;
  private rowsSeen = 0;
  private readonly records: PartRecord[] = [];
  private readonly linkColumns: readonly number[];

  constructor(
    private readonly mapping: HeaderMapping,
    thresholds: Thresholds,
    /** The list's own columns, relative to the rows passed in; result columns inside the list are left out. */
    private readonly ownColumns: readonly number[],
    private readonly where: { readonly sheet: string; readonly firstRow: number; readonly firstColumn: number },
  ) {
    this.reader = rowReader(mapping, thresholds);
    const hierarchy = hierarchyOf(mapping);
    this.linkColumns = hierarchy === undefined ? [] : [hierarchy.column, ...(mapping.partColumn === undefined ? [] : [mapping.partColumn])];
  }

  /** Results for the next rows of the list, in order. */
  add(rows: readonly (readonly unknown[])[]): ResultCells[] {
    const out: ResultCells[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i] ?? [];
      const index = this.rowsSeen + i;
      if (this.ownColumns.every((c) => cellText(row[c]).trim() === "")) {
        out[i] = BLANK_RESULT;
        continue;
      }
      const a = this.reader.assess(row);
      this.summary.add(a);
      out[i] = resultCells(a);
      const link: unknown[] = [];
      for (const c of this.linkColumns) link[c] = row[c];
      this.records.push({ label: partLabel(row, this.mapping), row: this.where.firstRow + index + 1, assessment: a, link });
      for (const issue of a.issues) {
        this.problemCount += 1;
        const column = this.mapping.byCriterion[issue.criterion]?.column ?? 0;
        const address = (): string => sheetCell(this.where.sheet, this.where.firstRow + index, this.where.firstColumn + column);
        if (this.notes.length < CELL_NOTE_LIMIT) this.notes.push({ cell: address(), value: issue.text, message: issue.message });
        let group = this.groups.get(issue.message);
        if (!group) {
          if (this.groups.size >= PROBLEM_GROUPS_KEPT) continue;
          group = { count: 0, addresses: [] };
          this.groups.set(issue.message, group);
        }
        group.count += 1;
        if (group.addresses.length >= ADDRESSES_PER_GROUP) continue;
        group.addresses.push(address());
      }
    }
    this.rowsSeen += rows.length;
    return out;
  }

  /** The summary, the problem groups (most frequent first), the first CELL_NOTE_LIMIT cells not understood in list order, and how many there are. */
  result(): {
    readonly summary: Summary;
    readonly problems: readonly ProblemGroup[];
    readonly cells: readonly CellNote[];
    readonly problemCount: number;
    readonly parts: readonly PartRecord[];
  } {
    const problems = [...this.groups].map(([message, g]) => ({ message, count: g.count, addresses: g.addresses })).sort((a, b) => b.count - a.count);
    return { summary: this.summary.result(), problems, cells: this.notes, problemCount: this.problemCount, parts: this.records };
  }
}

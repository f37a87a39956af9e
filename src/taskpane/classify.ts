import {
  cellText, resultCells, rowReader, summaryBuilder,
  type HeaderMapping, type ResultCells, type Summary, type Thresholds,
} from "../core";
import { sheetCell } from "./a1";

/** The result of a row with nothing in it: five empty cells. */
export const BLANK_RESULT: ResultCells = ["", "", "", "", ""];

/** A cell the core could not read, with its address. */
export interface CellProblem {
  readonly address: string;
  readonly message: string;
}

export const PROBLEMS_KEPT = 20;

/**
 * Classifies a list chunk by chunk, the way the command line does: a blank row
 * gets blank results and is not counted as a part; every other row gets the
 * core's result cells and goes into the summary.
 */
export class ListClassifier {
  private readonly reader;
  private readonly summary = summaryBuilder();
  private readonly problemList: CellProblem[] = [];
  private problemCount = 0;
  private rowsSeen = 0;

  constructor(
    private readonly mapping: HeaderMapping,
    thresholds: Thresholds,
    /** The list's own columns, relative to the rows passed in; result columns inside the list are left out. */
    private readonly ownColumns: readonly number[],
    private readonly where: { readonly sheet: string; readonly firstRow: number; readonly firstColumn: number },
  ) {
    this.reader = rowReader(mapping, thresholds);
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
      for (const issue of a.issues) {
        this.problemCount += 1;
        if (this.problemList.length >= PROBLEMS_KEPT) continue;
        const column = this.mapping.byCriterion[issue.criterion]?.column ?? 0;
        this.problemList.push({ address: sheetCell(this.where.sheet, this.where.firstRow + index, this.where.firstColumn + column), message: issue.message });
      }
    }
    this.rowsSeen += rows.length;
    return out;
  }

  result(): { readonly summary: Summary; readonly problems: readonly CellProblem[]; readonly problemCount: number } {
    return { summary: this.summary.result(), problems: this.problemList, problemCount: this.problemCount };
  }
}

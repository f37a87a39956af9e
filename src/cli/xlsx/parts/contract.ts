/**
 * What the package editor (src/cli/xlsx/package/) and the part editors
 * (src/cli/xlsx/parts/) agree on. The part editors are pure string-to-string
 * functions over one OOXML part each; the package editor streams the zip and
 * the classified sheet's rows and calls them for the few parts it changes.
 *
 *   parts/styles.ts         appendResultStyles(stylesXml | undefined) => StylesEdit
 *   parts/sheet-edits.ts    editSheetHead(head, layout) => string
 *                           editSheetTail(tail, layout) => string
 *   parts/summary-sheet.ts  summarySheetParts(input: SummaryInput) => SummaryParts
 *   parts/workbook-edits.ts placeSummary(parts, summary, classified, existingPaths) => SummaryPlacement
 */
import type { SheetReading, Stage, Summary } from "../../../core";

/** Cell style indexes (the `s` attribute) of the styles appended for the results. */
export interface ResultStyles {
  /** Result header cells: bold, wrapped, in the workbook's default font. */
  readonly header: number;
  /** Short result text (Score). */
  readonly text: number;
  /** Long result text (Next step, Blockers, Missing): wrapped, top-aligned. */
  readonly wrapped: number;
  /** Stage cells: the stage's fill, the workbook's default font. */
  readonly stage: Readonly<Record<Stage, number>>;
  /** Summary sheet: title, section headings, plain cells. */
  readonly summaryTitle: number;
  readonly summaryHeading: number;
  readonly summaryText: number;
}

export interface StylesEdit {
  readonly xml: string;
  readonly styles: ResultStyles;
}

/** Where the results went in the classified sheet, for its head and tail. */
export interface SheetLayout {
  readonly sheetName: string;
  /** 1-based row of the header. */
  readonly headerRow: number;
  /** 0-based column of the first result (Stage). */
  readonly resultColumn: number;
  /** Character widths of the result columns, in order. */
  readonly resultWidths: readonly number[];
  /** 1-based last row and 0-based last column of the output sheet, results included. */
  readonly lastRow: number;
  readonly lastColumn: number;
  /** 0-based first column of the table, where the AutoFilter starts; 0 when absent. */
  readonly firstColumn?: number;
  /**
   * True when the sheet has no print setup of its own (parts/sheet-edits.ts
   * hasOwnPrintSetup(head, tail) is false): the head then adds fit-to-page to
   * <sheetPr> and the tail makes the <pageSetup> landscape, one page wide.
   * Absent or false: neither is changed.
   */
  readonly printSetup?: boolean;
}

export interface SummaryInput {
  readonly summary: Summary;
  /** How to name the classified table in the summary ("bill.xlsx, sheet Parts"). */
  readonly source: string;
  readonly reading?: SheetReading;
  readonly styles: ResultStyles;
}

/** A new or replaced part: its path in the zip (no leading slash) and its text. */
export interface PartText {
  readonly path: string;
  readonly xml: string;
}

/**
 * The summary sheet and its chart, with paths relative to nothing yet:
 * placeSummary chooses free part names and wires the relationships.
 */
export interface SummaryParts {
  readonly sheetXml: string;
  /** The drawing that anchors the chart on the summary sheet, and the chart itself (absent when there is nothing to chart). */
  readonly drawingXml?: string;
  readonly chartXml?: string;
}

export interface WorkbookParts {
  /** Path of the workbook part in the zip (usually xl/workbook.xml); relationship targets are relative to it. */
  readonly workbookPath: string;
  readonly workbook: string;
  readonly workbookRels: string;
  readonly contentTypes: string;
}

export interface ClassifiedSheet {
  /** 0-based position of the classified sheet among the workbook's <sheet> elements. */
  readonly sheetIndex: number;
  readonly sheetName: string;
  readonly headerRow: number;
  /**
   * The AutoFilter the tail editor added (parts/sheet-edits.ts addedAutoFilter),
   * A1-style: placeSummary names it _xlnm._FilterDatabase, without which
   * LibreOffice shows no filter. Absent when none was added.
   */
  readonly filterRange?: string;
}

export interface SummaryPlacement {
  /** workbook.xml (summary sheet added or kept, print titles), its relationships and the content types. */
  readonly parts: WorkbookParts;
  /** Parts to add or overwrite: the summary sheet, its relationships, drawing and chart. */
  readonly written: readonly PartText[];
  /** Parts of an earlier run's summary sheet to leave out of the output. */
  readonly removed: readonly string[];
}

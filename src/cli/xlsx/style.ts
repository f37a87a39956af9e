/** How the result cells and the summary sheet look in an .xlsx output. */
import type ExcelJS from "exceljs";
import { RESULT_HEADERS, STAGE_COLORS, STAGES, SUMMARY_WIDTH, summaryLayout, type ResultCells, type SheetReading, type Stage, type Summary } from "../../core";

const argb = (hex: string): string => `FF${hex.replace(/^#/u, "").toUpperCase()}`;

/** One shared style object per stage, so a streaming writer stores each once. */
export const STAGE_STYLES: Readonly<Record<Stage, Partial<ExcelJS.Style>>> = Object.fromEntries(
  STAGES.map((stage) => [
    stage,
    {
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(STAGE_COLORS[stage].fill) } },
      font: { color: { argb: argb(STAGE_COLORS[stage].font) } },
    } satisfies Partial<ExcelJS.Style>,
  ]),
) as Record<Stage, Partial<ExcelJS.Style>>;

/** A plain cell; shared so the streaming writer does not hash a new object per cell. */
export const PLAIN_STYLE: Partial<ExcelJS.Style> = {};
export const RESULT_HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true } };

/** A result cell as an .xlsx output writes it. */
export interface ResultCell {
  readonly value: string | number | null;
  readonly style: Partial<ExcelJS.Style> | undefined;
}

/** The five result headers in `style`. */
export function resultHeaderCells(style: Partial<ExcelJS.Style> | undefined): ResultCell[] {
  return RESULT_HEADERS.map((header) => ({ value: header, style }));
}

/** A part's five result cells: the stage in its colour, an empty text as an empty cell. */
export function partResultCells(cells: ResultCells, stage: Stage | null): ResultCell[] {
  const text = (s: string, style?: Partial<ExcelJS.Style>): ResultCell => ({ value: s === "" ? null : s, style });
  const [stageName, score, next, blockers, missing] = cells;
  return [
    text(stageName, stage === null ? undefined : STAGE_STYLES[stage]),
    { value: score === "" ? null : score, style: undefined },
    text(next),
    text(blockers),
    text(missing),
  ];
}

export function styleOrPlain(style: Partial<ExcelJS.Style> | undefined): Partial<ExcelJS.Style> {
  return style !== undefined && Object.keys(style).length > 0 ? style : PLAIN_STYLE;
}

/** The bits of a worksheet (whole or streaming) that the summary needs. */
export interface RowSink {
  addRow(values: unknown[]): ExcelJS.Row;
  getColumn(index: number): ExcelJS.Column;
}

const BOLD: Partial<ExcelJS.Style> = { font: { bold: true } };
const TITLE: Partial<ExcelJS.Style> = { font: { bold: true, size: 14 } };

/**
 * Widths (characters) of the summary sheet's SUMMARY_WIDTH columns: labels and
 * cell addresses; counts, headers and cell values; what a column is read as
 * and what a cell's problem is; how a column was matched.
 */
export const SUMMARY_WIDTHS: readonly number[] = [36, 28, 60, 80];

/**
 * Writes the summary table (core `summaryLayout`), with how the columns were
 * read and the cells not understood when `reading` is given; `commit` is for
 * the streaming writer's rows.
 */
export function writeSummary(sheet: RowSink, summary: Summary, source: string, commit: boolean, reading?: SheetReading): void {
  const layout = summaryLayout(summary, source, reading);
  const headings = new Set(layout.headingRows);
  const stageRows = new Map(STAGES.map((stage, i) => [layout.chartRows.first + 1 + i, stage] as const));
  for (let c = 0; c < SUMMARY_WIDTH; c += 1) sheet.getColumn(c + 1).width = SUMMARY_WIDTHS[c] ?? SUMMARY_WIDTHS[SUMMARY_WIDTHS.length - 1];
  layout.values.forEach((values, i) => {
    const row = sheet.addRow(values.map((v) => (v === "" ? null : v)));
    const stage = stageRows.get(i);
    if (i === 0) row.getCell(1).style = TITLE;
    else if (headings.has(i)) {
      values.forEach((v, c) => {
        if (v !== "") row.getCell(c + 1).style = BOLD;
      });
    } else if (stage !== undefined) row.getCell(1).style = STAGE_STYLES[stage];
    if (commit) row.commit();
  });
}

/** `name`, or `name 2`, `name 3`... when a sheet of that name is already taken. */
export function uniqueSheetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let i = 2; ; i += 1) {
    const candidate = `${name} ${i}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

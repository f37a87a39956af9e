/**
 * --compare: the parts of an earlier run, read back from what classify wrote
 * (.xlsx, .csv, or --format json). Each part is its label (the part label
 * column, read by its header as classify reads it) and the stage named in the
 * Stage column (found by its header, at the start of the five result headers).
 * A file that is not a classified output is refused, naming it and what was
 * expected; it is only read, never written.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { RESULT_HEADERS, STAGES, STAGE_PROFILES, cellText, partLabel, type CellValue, type HeaderMapping, type RunPart, type Stage } from "../../core";
import type { UserMapping } from "../classify/mapping";
import { chooseHeader, headerRowsNeeded } from "../classify/table";
import { HEADER_SCAN_ROWS } from "../commands";
import { readCsvFormat } from "../csv/classify";
import { csvRecordBatches } from "../csv/records";
import { fileError, type CliError } from "../errors";
import { readProblem, sniffInput } from "../input/sniff";
import { NO_PROGRESS } from "../progress";
import { openPackage, packageProblem } from "../xlsx/package/open";
import { chooseSheet, SheetRowSource } from "../xlsx/package/sheet-source";
import { DEFAULT_THRESHOLDS } from "../../core";
import type { PreviousRun } from "./gate";

export interface PreviousOptions {
  readonly sheet: string | undefined;
  readonly headerRow: number | undefined;
  readonly mapping: UserMapping;
}

const EXPECTED = `expected a classified output of part-readiness (a header row with the result columns ${RESULT_HEADERS.join(", ")} and a part number or name column)`;

/** A Stage cell read back: the stage whose name it holds (trimmed, any case), else undefined. */
export function stageOfText(text: string): Stage | undefined {
  const t = text.trim().toLowerCase();
  return STAGES.find((s) => STAGE_PROFILES[s].name.toLowerCase() === t || s === t);
}

/** The column of "Stage" in a header row: where the five result headers start (the last such place). */
export function stageColumnOf(header: readonly CellValue[]): number | undefined {
  for (let start = header.length - RESULT_HEADERS.length; start >= 0; start -= 1) {
    if (RESULT_HEADERS.every((h, i) => cellText(header[start + i]).trim() === h)) return start;
  }
  return undefined;
}

function notClassified(shown: string, why: string): CliError {
  return fileError("not-a-classified-output", shown, `${why}; ${EXPECTED}`);
}

/** Collects the parts of the rows under a header row. */
class PartCollector {
  readonly parts: RunPart[] = [];
  private stageColumn: number | undefined;
  constructor(
    private readonly shown: string,
    private readonly where: string,
    private readonly headerRow: number,
    private readonly mapping: HeaderMapping,
  ) {
    if (mapping.partColumn === undefined)
      throw notClassified(shown, `the header row (row ${headerRow}) of ${where} has no part number or name column, and parts are matched by it`);
  }

  add(number: number, values: readonly CellValue[]): void {
    if (number < this.headerRow) return;
    if (number === this.headerRow) {
      this.stageColumn = stageColumnOf(values);
      if (this.stageColumn === undefined) throw notClassified(this.shown, `the header row (row ${number}) of ${this.where} has no result columns`);
      return;
    }
    const column = this.stageColumn;
    if (column === undefined) return;
    const stage = stageOfText(cellText(values[column]));
    if (stage === undefined) return;
    this.parts.push({ label: partLabel(values, this.mapping), stage, row: number });
  }
}

async function fromWorkbook(file: string, shown: string, options: PreviousOptions): Promise<RunPart[]> {
  const pkg = await openPackage(file, shown);
  try {
    const chosen = await chooseSheet(pkg, { sheet: options.sheet, headerRow: options.headerRow, mapping: options.mapping, inputShown: shown });
    const collector = new PartCollector(shown, `sheet "${chosen.sheet.name}"`, chosen.header.rowNumber, chosen.header.mapping);
    for await (const row of new SheetRowSource(pkg, chosen.sheet, chosen.declaredWidth).rows()) collector.add(row.number, row.values);
    return collector.parts;
  } catch (error) {
    if (error instanceof Error && error.name === "CliError" && (error as CliError).code === "no-header-row") throw notClassified(shown, "no header row found");
    throw packageProblem(shown, error);
  } finally {
    await pkg.handle.close().catch(() => undefined);
  }
}

async function fromCsv(file: string, shown: string, options: PreviousOptions): Promise<RunPart[]> {
  const format = await readCsvFormat({
    input: file,
    inputShown: shown,
    sheet: undefined,
    headerRow: options.headerRow,
    thresholds: DEFAULT_THRESHOLDS,
    mapping: options.mapping,
    maxNotes: 0,
    progress: NO_PROGRESS,
  });
  const limit = headerRowsNeeded(options.headerRow, HEADER_SCAN_ROWS);
  const buffered: string[][] = [];
  let collector: PartCollector | undefined;
  const decide = (): PartCollector => {
    const choice = chooseHeader(buffered, {
      headerRow: options.headerRow,
      scan: HEADER_SCAN_ROWS,
      where: `file ${path.basename(file)}`,
      choices: options.mapping.choices,
    });
    if (!choice.ok) throw notClassified(shown, choice.issue.message);
    const made = new PartCollector(shown, `file ${path.basename(file)}`, choice.value.rowNumber, choice.value.mapping);
    buffered.forEach((values, i) => made.add(i + 1, values));
    buffered.length = 0;
    return made;
  };
  let number = 0;
  try {
    for await (const batch of csvRecordBatches({
      file,
      encoding: format.encoding.encoding,
      bom: format.encoding.bom,
      delimiter: format.dialect.delimiter,
      keepRaw: false,
    })) {
      for (const { record } of batch) {
        number += 1;
        if (collector !== undefined) collector.add(number, record);
        else {
          buffered.push(record);
          if (number >= limit) collector = decide();
        }
      }
    }
  } catch (error) {
    if (error instanceof Error && error.name === "CliError") throw error;
    throw fileError("corrupt", shown, `is not valid CSV (${error instanceof Error ? error.message.slice(0, 120) : String(error)}); ${EXPECTED}`);
  }
  return (collector ?? decide()).parts;
}

async function fromJson(file: string, shown: string): Promise<RunPart[]> {
  let value: unknown;
  try {
    value = JSON.parse((await readFile(file, "utf8")).replace(/^\uFEFF/u, ""));
  } catch (error) {
    if (error instanceof SyntaxError) throw notClassified(shown, "is not valid JSON");
    throw readProblem(error, shown);
  }
  const jsonExpected = 'expected the JSON array that "classify --format json" writes (one object per part with "part" and "stage")';
  if (!Array.isArray(value)) throw fileError("not-a-classified-output", shown, `is not a JSON array; ${jsonExpected}`);
  const parts: RunPart[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== "object" || item === null || "summary" in item) continue;
    const record = item as { part?: unknown; stage?: unknown; row?: unknown };
    if (typeof record.part !== "string" || (record.stage !== null && typeof record.stage !== "string"))
      throw fileError("not-a-classified-output", shown, `holds an element that is not a part; ${jsonExpected}`);
    const stage = typeof record.stage === "string" ? stageOfText(record.stage) : undefined;
    if (stage !== undefined) parts.push({ label: record.part, stage, row: typeof record.row === "number" ? record.row : parts.length + 1 });
  }
  if (!(value as unknown[]).some((item) => typeof item === "object" && item !== null && "summary" in item))
    throw fileError("not-a-classified-output", shown, `has no summary record; ${jsonExpected}`);
  return parts;
}

/** Reads the earlier run named by --compare; `file` is absolute, `shown` as the user wrote it. */
export async function readPreviousRun(file: string, shown: string, options: PreviousOptions): Promise<PreviousRun> {
  if (path.extname(file).toLowerCase() === ".json") return { parts: await fromJson(file, shown), shown };
  const input = await sniffInput(file, shown);
  const parts = input.kind === "xlsx" ? await fromWorkbook(file, shown, options) : await fromCsv(file, shown, options);
  return { parts, shown };
}

/* The package engine run in process, for its tests: classify to a workbook, or collect the rows it reads. */
import path from "node:path";
import { DEFAULT_THRESHOLDS, type CellValue } from "../../../../src/core";
import type { ClassifyJob, ClassifyReport, TableOutput } from "../../../../src/cli/classify/job";
import { NO_MAPPING } from "../../../../src/cli/classify/mapping";
import type { RowRole } from "../../../../src/cli/classify/types";
import { NO_PROGRESS } from "../../../../src/cli/progress";
import { classifyPackage } from "../../../../src/cli/xlsx/package/classify-package";

export function jobFor(file: string, options: { readonly sheet?: string; readonly headerRow?: number } = {}): ClassifyJob {
  return {
    input: file,
    inputShown: path.basename(file),
    sheet: options.sheet,
    headerRow: options.headerRow,
    thresholds: DEFAULT_THRESHOLDS,
    mapping: NO_MAPPING,
    maxNotes: 20,
    progress: NO_PROGRESS,
  };
}

export interface ReadRow {
  readonly number: number;
  readonly values: readonly CellValue[];
  readonly role: RowRole;
}

/** Every row the engine hands to a table output, with its values. */
export async function readRows(
  file: string,
  options: { readonly sheet?: string; readonly headerRow?: number } = {},
): Promise<{ rows: ReadRow[]; report: ClassifyReport }> {
  const rows: ReadRow[] = [];
  const output: TableOutput = {
    needsJson: false,
    async begin() {},
    row(number, values, role) {
      rows.push({ number, values: [...values], role });
    },
    async finish() {},
    async abort() {},
  };
  const report = await classifyPackage(jobFor(file, options), { kind: "table", table: output });
  return { rows, report };
}

export async function classifyTo(file: string, out: string, options: { readonly sheet?: string; readonly headerRow?: number } = {}): Promise<ClassifyReport> {
  return classifyPackage(jobFor(file, options), { kind: "xlsx", file: out, shown: path.basename(out) });
}

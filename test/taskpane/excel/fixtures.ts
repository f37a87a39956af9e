/* Test lists and helpers shared by the adapter tests (Node, over the stand-in). */
import { RESULT_HEADERS, mapHeaders, resultCells, rowReader, type Thresholds } from "../../../src/core";
import type { Run } from "../../../src/taskpane/excel/run";
import { createStandIn, type StandIn, type StandInOptions, type WorkbookSeed } from "../../support/excel-standin";

export const HEADERS = [
  "Part No.",
  "Description",
  "Design status",
  "Function validated",
  "Material",
  "Finish status",
  "Tolerance review",
  "DFM review",
  "Pilot run",
  "Demand status",
  "Supplier capability",
  "Inspection plan",
  "Cost understood",
  "Project goal",
  "Qty",
  "Annual volume",
] as const;

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/** A deterministic mixed part row: every stage, blanks, odd words and bad cells appear. */
export function partRow(i: number): (string | number)[] {
  const k = (i * 7919) % 1009;
  if (i % 11 === 5) {
    return [
      `P-${String(i).padStart(6, "0")}`,
      "Shaft",
      "Frozen",
      "verified",
      "locked",
      "confirmed",
      "reviewed",
      "done",
      "validated",
      "stable",
      "qualified",
      "defined",
      "quoted",
      "production",
      5000,
      pick([60000, 500], k),
    ];
  }
  return [
    `P-${String(i).padStart(6, "0")}`,
    pick(["Bracket", "Housing", "Shaft", "Cover <b>plate</b>", "Spacer, 2 mm"], k),
    pick(["frozen", "stable", "draft", "", "Released.", "frzn"], k),
    pick(["verified", "in progress", "failed", "", "✓"], k + 1),
    pick(["6061-T6", "locked", "candidate", "", "open"], k + 2),
    pick(["confirmed", "candidate", "open", "", "n/a"], k + 3),
    pick(["reviewed", "critical only", "", "open"], k + 4),
    pick(["done", "partial", "not started", ""], k + 5),
    pick(["validated", "in progress", "", "failed"], k + 6),
    pick(["stable", "forecast", "unclear", ""], k + 7),
    pick(["qualified", "conditional", "", "unproven"], k + 8),
    pick(["defined", "draft", "", "none"], k + 9),
    pick(["quoted", "estimated", "", "open"], k + 10),
    pick(["production", "pilot", "learning", ""], k + 11),
    pick([5, 200, "1k", "", "~50", 5000], k + 12),
    pick([60000, 2000, "", 500, "12k"], k + 13),
  ];
}

export function partRows(n: number, from = 0): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => partRow(from + i));
}

/** The five result cells the core gives each row, computed here in Node. */
export function expectedResults(rows: readonly (readonly unknown[])[], thresholds?: Thresholds): (string | number)[][] {
  const reader = rowReader(mapHeaders([...HEADERS]), thresholds);
  return rows.map((r) => (r.every((v) => v === "" || v === null) ? ["", "", "", "", ""] : [...resultCells(reader.assess(r))]));
}

export const RESULT_ROW = [...RESULT_HEADERS];

/** The ExcelApi requirement set the pane needs: its tests run on a stand-in that claims no more, so a newer API fails them. */
export const PANE_EXCEL_API = "1.9";

export function standIn(seed: WorkbookSeed, options?: StandInOptions): { readonly s: StandIn; readonly run: Run } {
  const s = createStandIn(seed, { excelApi: PANE_EXCEL_API, ...options });
  const run = s.Excel.run as unknown as Run;
  return { s, run };
}

/* classify on .csv files through the built binary: results equal the core's, the records kept as they were, each output format. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { BILL_HEADERS, billRows } from "../../bench/bill-rows";
import { WORKER_MIN_BYTES } from "../../src/cli/csv/classify";
import { DEFAULT_THRESHOLDS, RESULT_HEADERS, SUMMARY_SHEET, findHeaderRow, resultCells, rowReader, type Thresholds } from "../../src/core";
import { listing, testFolders, snapshot } from "../fixtures/files";
import { PART_TABLE } from "../fixtures/parts";
import { jsonOutput } from "../fixtures/read-output";
import { runCli } from "../fixtures/run-cli";

const folders = testFolders("cli-csv");
const caseDir = (): string => folders.caseDir();

const TEXT_TABLE: string[][] = PART_TABLE.map((row) => row.map((v) => (v === null || v === undefined ? "" : String(v))));

/** The five result cells the core gives each row under the header (blank rows: none). */
function expected(rows: readonly (readonly string[])[], thresholds: Thresholds = DEFAULT_THRESHOLDS): (string[] | undefined)[] {
  const header = findHeaderRow(rows);
  if (header === undefined) throw new Error("no header");
  const reader = rowReader(header.mapping, thresholds);
  return rows.map((row, i) => (i <= header.index || row.every((v) => v.trim() === "") ? undefined : resultCells(reader.assess(row)).map(String)));
}

describe("CSV in, CSV out", () => {
  it("writes NAME.classified.csv with the same delimiter, every record as it was and the core's five results", async () => {
    const dir = caseDir();
    const source = `Stückliste Pumpe P-7\r\n${stringify(TEXT_TABLE, { delimiter: ";", record_delimiter: "windows", quoted: true })}`;
    writeFileSync(path.join(dir, "parts.csv"), source);
    const before = snapshot(path.join(dir, "parts.csv"));
    const run = await runCli(["classify", "parts.csv"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Wrote parts.classified.csv");
    expect(run.stdout).toContain("semicolon-separated");
    expect(snapshot(path.join(dir, "parts.csv"))).toEqual(before);
    const out = readFileSync(path.join(dir, "parts.classified.csv"), "utf8");
    const lines = out.split("\r\n");
    const sourceLines = source.split("\r\n");
    for (let i = 0; i < sourceLines.length - 1; i += 1) expect(lines[i]?.startsWith(sourceLines[i] ?? "")).toBe(true);
    const rows = parse(out, { delimiter: ";", relax_column_count: true }) as string[][];
    const want = expected([["Stückliste Pumpe P-7"], ...TEXT_TABLE]);
    rows.forEach((row, i) => {
      if (i === 1) expect(row.slice(TEXT_TABLE[0]?.length)).toEqual([...RESULT_HEADERS]);
      else if (want[i] !== undefined) expect({ row: i + 1, results: row.slice(TEXT_TABLE[0]?.length) }).toEqual({ row: i + 1, results: want[i] });
    });
  });

  it("--format csv and --format json go to stdout for pipelines", async () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, "parts.csv"), stringify(TEXT_TABLE));
    const csv = await runCli(["classify", "parts.csv", "--format", "csv"], { cwd: dir });
    expect(csv.code, csv.stderr).toBe(0);
    expect((parse(csv.stdout) as string[][])[0]).toEqual([...TEXT_TABLE[0]!, ...RESULT_HEADERS]);
    expect(csv.stderr).toContain("Classified");
    const json = await runCli(["classify", "parts.csv", "--format", "json", "--prototype-quantity", "100", "--low-volume-quantity", "2,000"], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    const { parts, summary } = jsonOutput<{
      row: number;
      part: string;
      stage: string | null;
      stageName: string;
      score: number | null;
      progress: number | null;
      nextStep: string;
      blockers: { reason: string }[];
      missing: { provide: string }[];
      warnings: unknown[];
      issues: { cell: string; value: string }[];
    }>(json.stdout);
    const want = expected(TEXT_TABLE, { prototypeQuantity: 100, lowVolumeQuantity: 2000 });
    const rows = want.flatMap((w, i) => (w === undefined ? [] : [[i + 1, w] as const]));
    expect(parts.map((p) => p.row)).toEqual(rows.map(([r]) => r));
    parts.forEach((p, k) => {
      const cells = rows[k]?.[1] ?? [];
      expect([
        p.stageName,
        p.score === null ? "" : String(p.score),
        p.nextStep,
        p.blockers.map((b) => b.reason).join("; "),
        p.missing.map((m) => m.provide).join("; "),
      ]).toEqual(cells);
    });
    expect(parts.flatMap((p) => p.issues.map((i) => i.cell))).toContain("parts.csv!C7");
    expect(parts.flatMap((p) => p.issues.filter((i) => i.cell === "parts.csv!C7").map((i) => i.value))).toEqual(["banana"]);
    expect(summary.parts).toBe(parts.length);
    expect(summary.cellsNotUnderstood.cells.map((c) => c.cell)).toContain("parts.csv!C7");
    expect(listing(dir)).toEqual(["parts.csv"]);
  });

  it("--format xlsx writes a workbook with the summary sheet", async () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, "parts.csv"), stringify(TEXT_TABLE));
    const run = await runCli(["classify", "parts.csv", "--format", "xlsx"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, "parts.classified.xlsx"));
    expect(book.worksheets.map((s) => s.name)).toEqual(["parts", SUMMARY_SHEET]);
    const sheet = book.getWorksheet("parts");
    expect(sheet?.getCell(1, TEXT_TABLE[0]!.length + 1).value).toBe("Stage");
    expect(sheet?.getCell(2, 15).value, "numbers become numbers").toBe(5000);
  });

  it(`a file over ${WORKER_MIN_BYTES / 1024 / 1024} MB (classified in a worker thread) gives the core's answer on every row`, async () => {
    const dir = caseDir();
    const rows: string[][] = [[...BILL_HEADERS], ...[...billRows(45_000, 7)()].map((r) => r.map(String))];
    const text = stringify(rows);
    expect(Buffer.byteLength(text)).toBeGreaterThan(WORKER_MIN_BYTES);
    writeFileSync(path.join(dir, "big.csv"), text);
    const run = await runCli(["classify", "big.csv", "--format", "csv", "-o", "out.csv"], { cwd: dir, timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    const out = parse(readFileSync(path.join(dir, "out.csv"), "utf8"), { relax_column_count: true }) as string[][];
    const want = expected(rows);
    expect(out).toHaveLength(rows.length);
    out.forEach((row, i) => {
      expect(row.slice(0, rows[i]?.length)).toEqual(rows[i]);
      if (want[i] !== undefined) expect({ row: i + 1, results: row.slice(BILL_HEADERS.length) }).toEqual({ row: i + 1, results: want[i] });
    });
    const summary = run.stdout.match(/Total\s+([\d,]+)/u)?.[1];
    expect(summary?.replace(/,/gu, "")).toBe(String(want.filter((w) => w !== undefined).length));
  });
});

/*
 * Real files from another program. LibreOffice (headless) writes workbooks from
 * a CSV and from an exceljs workbook, directly and by way of .ods; the CLI must
 * read them like the core reads the same rows. Then LibreOffice opens what the
 * CLI wrote and exports it back to CSV, proving that another program reads the
 * classified workbook with the same values. It also makes the .xls and the
 * password-protected workbook that the CLI must refuse.
 *
 * No soffice means these tests FAIL (CI installs it), they never skip.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESULT_HEADERS } from "../../src/core";
import { expectRefused } from "../fixtures/assert-refused";
import { expectedTable } from "../fixtures/expected";
import { makeTempDir, removeDir, snapshot } from "../fixtures/files";
import { writePartsCsv, writePartsWorkbook, type SourceFile } from "../fixtures/lo-sources";
import { SUMMARY_SHEET, dataSheetName, readCsvRows, readWorkbookRows, resultTable, shownText } from "../fixtures/read-output";
import { runCli } from "../fixtures/run-cli";
import { CSV_UTF8_IMPORT, LibreOffice } from "../support/libreoffice";

interface LoWorkbook {
  readonly label: string;
  /** The workbook LibreOffice saved. */
  readonly file: string;
  /** The rows it was made from. */
  readonly source: SourceFile;
  /** Sheets besides the data sheet that must survive classification. */
  readonly otherSheets: readonly string[];
}

const FROM_CSV = "CSV -> LibreOffice .xlsx";
const VIA_ODS_CSV = "CSV -> LibreOffice .ods -> .xlsx";
const VIA_ODS_WORKBOOK = "exceljs .xlsx (title row, merged title, formulas, rich text, hyperlink, second sheet) -> LibreOffice .ods -> .xlsx";
const MADE = [FROM_CSV, VIA_ODS_CSV, VIA_ODS_WORKBOOK] as const;
/** One package engine reads every .xlsx; --[no-]streaming is still accepted and changes nothing. */
const PATH_FLAGS = ["--no-streaming", "--streaming"] as const;
const RUNS = MADE.flatMap((label) => PATH_FLAGS.map((flag) => [label, flag] as const));
const runKey = (label: string, flag: string): string => `${label} ${flag}`;

const XLS = "an .xls saved by LibreOffice (MS Excel 97)";
const XLS_RENAMED = "an .xls saved by LibreOffice, renamed .xlsx";
const LOCKED = "an .xlsx saved by LibreOffice with an opening password";
const ODS = "an .ods saved by LibreOffice";
const REFUSED = [XLS, XLS_RENAMED, LOCKED, ODS] as const;

let root = "";
let lo: LibreOffice;
const made = new Map<string, LoWorkbook>();
const refused = new Map<string, { file: string; problem: RegExp }>();
const classified = new Map<string, string>();

beforeAll(async () => {
  root = makeTempDir("libreoffice");
  lo = new LibreOffice({ profileDir: path.join(root, "profile") });
  const dir = (name: string): string => {
    const d = path.join(root, name);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const src = dir("src");
  const csv = writePartsCsv(src, "from-csv.csv");
  const workbook = await writePartsWorkbook(src, "via-ods-exceljs.xlsx");
  const csvForOds = writePartsCsv(src, "via-ods-csv.csv");

  const [fromCsv] = await lo.convert([csv.file], "xlsx", dir("xlsx-from-csv"), { infilter: CSV_UTF8_IMPORT });
  const [odsFromCsv] = await lo.convert([csvForOds.file], "ods", dir("ods"), { infilter: CSV_UTF8_IMPORT });
  const [odsFromWorkbook] = await lo.convert([workbook.file], "ods", dir("ods"));
  if (!fromCsv || !odsFromCsv || !odsFromWorkbook) throw new Error("LibreOffice conversion returned no file");
  const [viaOdsCsv, viaOdsWorkbook] = await lo.convert([odsFromCsv, odsFromWorkbook], "xlsx", dir("xlsx-from-ods"));
  const [xls] = await lo.convert([workbook.file], "xls:MS Excel 97", dir("xls"));
  const locked = path.join(dir("locked"), "locked.xlsx");
  await lo.saveWithPassword(workbook.file, locked, "s3cret");
  if (!viaOdsCsv || !viaOdsWorkbook || !xls) throw new Error("LibreOffice conversion returned no file");

  made.set(FROM_CSV, { label: FROM_CSV, file: fromCsv, source: csv, otherSheets: [] });
  made.set(VIA_ODS_CSV, { label: VIA_ODS_CSV, file: viaOdsCsv, source: csvForOds, otherSheets: [] });
  made.set(VIA_ODS_WORKBOOK, { label: VIA_ODS_WORKBOOK, file: viaOdsWorkbook, source: workbook, otherSheets: ["Notes"] });
  const ods = path.join(dir("ods-input"), "parts.ods");
  copyFileSync(odsFromWorkbook, ods);
  refused.set(XLS, { file: xls, problem: /\.xls\b|97|binary|old|legacy/i });
  refused.set(XLS_RENAMED, { file: renamed(xls, "renamed-xls.xlsx"), problem: /\.xls\b|97|binary|old|legacy|password|encrypt/i });
  refused.set(LOCKED, { file: locked, problem: /password|encrypt/i });
  refused.set(ODS, { file: ods, problem: /ods|opendocument|not an? .*(xlsx|csv)|unsupported|xlsx or \.?csv/i });
});
afterAll(() => removeDir(root));

function renamed(file: string, name: string): string {
  const target = path.join(path.dirname(file), "..", "renamed", name);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(file, target);
  return target;
}

describe("workbooks saved by LibreOffice are read like the core reads the same rows", () => {
  it.each(RUNS)("%s, classified with %s", async (label, flag) => {
    const m = made.get(label);
    if (!m) throw new Error(`LibreOffice made no workbook for ${label}`);
    const before = snapshot(m.file);
    // LibreOffice's export needs distinct base names.
    const out = path.join(root, "classified", `${path.parse(m.file).name}${flag === "--streaming" ? ".streamed" : ""}.classified.xlsx`);
    mkdirSync(path.dirname(out), { recursive: true });
    const sheet = await dataSheetName(m.file);
    const run = await runCli(["classify", m.file, "-o", out, flag], { cwd: root });
    expect(run.code, `${m.label}\n${run.stderr}`).toBe(0);
    expect(run.stdout).not.toMatch(/copied row by row/u);
    expect(snapshot(m.file), "input untouched").toEqual(before);
    classified.set(runKey(label, flag), out);

    const expected = expectedTable(m.source.rows);
    const stages = new Set([...expected.assessments.values()].map((a) => a.stage));
    expect(stages, "the fixture covers every stage").toEqual(new Set(["prototyping", "low-volume", "mass-production", null]));

    const output = await readWorkbookRows(out, sheet);
    const table = resultTable(output.rows, expected.headerIndex);
    for (const [r, cells] of expected.results) {
      expect({ label: m.label, row: r + 1, result: table.results.get(r) }).toEqual({ label: m.label, row: r + 1, result: cells });
    }

    const input = await readWorkbookRows(m.file, sheet);
    input.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        expect({ cell: `${r + 1}:${c + 1}`, value: output.rows[r]?.[c] }).toEqual({ cell: `${r + 1}:${c + 1}`, value });
      });
    });
    const names = output.workbook.worksheets.map((w) => w.name);
    for (const other of m.otherSheets) expect(names).toContain(other);
    expect(names).toContain(SUMMARY_SHEET);
  });
});

describe("LibreOffice reads the classified workbooks back with the same values", () => {
  it("every sheet opens, and Stage, score, next step, blockers and missing equal what the CLI wrote and what the core says", async () => {
    expect([...classified.keys()], "the classification tests ran first").toEqual(RUNS.map(([label, flag]) => runKey(label, flag)));
    const outputs = [...classified.values()];
    const exported = await lo.exportSheetsAsCsv(outputs, path.join(root, "round-trip"));

    for (const [label, flag] of RUNS) {
      const m = made.get(label);
      if (!m) throw new Error(`LibreOffice made no workbook for ${label}`);
      const out = classified.get(runKey(label, flag)) ?? "";
      const sheet = await dataSheetName(out);
      const sheets = exported.get(out);
      const csv = sheets?.get(sheet);
      if (!csv) throw new Error(`LibreOffice exported no "${sheet}" sheet from ${out}: ${[...(sheets?.keys() ?? [])].join(", ")}`);
      expect([...(sheets?.keys() ?? [])], `${m.label}: LibreOffice sees the summary sheet`).toContain(SUMMARY_SHEET);

      const expected = expectedTable(m.source.rows);
      const fromLibreOffice = resultTable(readCsvRows(csv, ","), expected.headerIndex);
      const written = resultTable((await readWorkbookRows(out, sheet)).rows, expected.headerIndex);
      for (const [r, cells] of expected.results) {
        const seen = fromLibreOffice.results.get(r);
        expect({ label: m.label, row: r + 1, seen }).toEqual({ label: m.label, row: r + 1, seen: written.results.get(r) });
        expect({ label: m.label, row: r + 1, seen }).toEqual({ label: m.label, row: r + 1, seen: cells });
      }
      const header = readCsvRows(csv, ",")[expected.headerIndex]?.map(shownText) ?? [];
      expect(header.slice(fromLibreOffice.stageColumn)).toEqual([...RESULT_HEADERS]);
    }
  });
});

describe("files LibreOffice makes that the CLI must refuse", () => {
  it.each(REFUSED)("%s", async (label) => {
    const r = refused.get(label);
    if (!r) throw new Error(`LibreOffice made no file for ${label}`);
    await expectRefused(r.file, r.problem);
  });
});

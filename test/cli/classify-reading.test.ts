/*
 * How classify reads a sheet, end to end through the built binary on real
 * files: values deciding between two columns of one criterion (on every path,
 * on the same rows), --map and --mapping, the report of every column on
 * stdout, the summary sheet's "How columns were read" and "Cells not
 * understood" sections read back with exceljs, and the JSON summary record.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  CELL_NOTE_LIMIT,
  NO_CRITERIA_LABEL,
  SUMMARY_SHEET,
  SUMMARY_WIDTH,
  columnReport,
  columnReportText,
  mapHeaders,
  rowReader,
  type Assessment,
  type CellValue,
  type ColumnChoices,
  type ColumnLine,
} from "../../src/core";
import { testFolders } from "../fixtures/files";
import { jsonOutput, shownText } from "../fixtures/read-output";
import { runCli } from "../fixtures/run-cli";

const folders = testFolders("cli-reading");

type Row = readonly CellValue[];

/** Every criterion met, except that the supplier is told by two columns: the company, and whether it is qualified. */
const HEADERS = [
  "Part No.",
  "Design",
  "Function",
  "Material",
  "Finish",
  "Tolerances",
  "DFM",
  "Pilot",
  "Demand",
  "Supplier",
  "Supplier qualification",
  "Inspection",
  "Cost",
  "Goal",
  "Qty",
  "Annual volume",
] as const;
const SUPPLIER = HEADERS.indexOf("Supplier");
const QUALIFICATION = HEADERS.indexOf("Supplier qualification");

function readyPart(name: string, company: string, qualification: string | null): CellValue[] {
  return [
    name,
    "frozen",
    "validated",
    "locked",
    "confirmed",
    "reviewed",
    "done",
    "validated",
    "stable",
    company,
    qualification,
    "approved",
    "agreed",
    "production",
    5000,
    60000,
  ];
}

const THREE_PARTS: Row[] = [
  readyPart("P-1", "Acme CNC", "Qualified"),
  readyPart("P-2", "Bolt Works Ltd", "approved"),
  readyPart("P-3", "Hahn GmbH", "qualified"),
];

async function writeWorkbook(file: string, sheetName: string, rows: readonly Row[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row.map((v) => (v === "" ? null : v)));
  await workbook.xlsx.writeFile(file);
}

function writeCsv(file: string, rows: readonly Row[]): void {
  writeFileSync(file, stringify(rows.map((r) => r.map((v) => (v === null || v === undefined ? "" : String(v))))));
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The summary sheet as rows of SUMMARY_WIDTH texts. */
function summaryRows(book: ExcelJS.Workbook): string[][] {
  const sheet = book.getWorksheet(SUMMARY_SHEET);
  if (sheet === undefined) throw new Error(`no "${SUMMARY_SHEET}" sheet; sheets: ${book.worksheets.map((s) => s.name).join(", ")}`);
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) rows.push(Array.from({ length: SUMMARY_WIDTH }, (_, c) => shownText(sheet.getCell(r, c + 1).value)));
  return rows;
}

/** The rows of the section whose heading row is `heading`, up to the next empty row. */
function section(rows: readonly string[][], heading: readonly string[]): string[][] {
  const start = rows.findIndex((r) => heading.every((h, i) => r[i] === h));
  if (start < 0) throw new Error(`no section ${JSON.stringify(heading)} in ${JSON.stringify(rows.map((r) => r[0]))}`);
  const out: string[][] = [];
  for (let i = start + 1; i < rows.length && (rows[i] ?? []).some((v) => v !== ""); i += 1) out.push(rows[i] ?? []);
  return out;
}

const COLUMNS_HEADING = ["How columns were read", "Header", "Read as", "How"];
const CELLS_HEADING = ["Cells not understood", "Value", "Problem"];

/** What the summary sheet should list for each column. */
const columnRows = (lines: readonly ColumnLine[]): string[][] => lines.map((l) => [`Column ${l.letter}`, l.header, l.readAs, l.how]);

/** The core's answer on the same rows, deciding on the rows under the header. */
function coreAnswer(rows: readonly Row[], headerIndex = 0, choices?: ColumnChoices): { lines: readonly ColumnLine[]; assessments: Assessment[] } {
  const mapping = mapHeaders(rows[headerIndex] ?? [], {
    sample: rows.slice(headerIndex + 1, headerIndex + 201),
    ...(choices === undefined ? {} : { choices }),
  });
  const reader = rowReader(mapping);
  return { lines: columnReport(mapping, 0), assessments: rows.slice(headerIndex + 1).map((r) => reader.assess(r)) };
}

interface PartJson {
  row: number;
  part: string;
  stage: string | null;
  score: number | null;
  progress: number | null;
  missing: { criterion: string }[];
  issues: { cell: string; value: string }[];
}

const PATHS = [
  ["whole-workbook", "xlsx", ["--no-streaming"]],
  ["streaming", "xlsx", ["--streaming"]],
  ["CSV", "csv", []],
] as const;

describe.each(PATHS)("values decide between two columns of one criterion (%s)", (_name, kind, flags) => {
  async function input(dir: string, rows: readonly Row[]): Promise<string> {
    const file = path.join(dir, `parts.${kind}`);
    if (kind === "xlsx") await writeWorkbook(file, "Parts", rows);
    else writeCsv(file, rows);
    return file;
  }

  it("a Supplier column of company names gives way to the Supplier qualification column of statuses: 3 of 3 parts reach mass production", async () => {
    const dir = folders.caseDir();
    const file = await input(dir, [[...HEADERS], ...THREE_PARTS]);
    const run = await runCli(["classify", file, ...flags, "--format", "json", "-o", "out.json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/K "Supplier qualification" -> Supplier \(by its values: its cells read as supplier values, those of "Supplier" do not\)/u);
    expect(run.stdout).toMatch(/J "Supplier" -> Not read \(set aside: Supplier is read from column K/u);
    const { parts, summary } = jsonOutput<PartJson>(readFileSync(path.join(dir, "out.json"), "utf8"));
    expect(parts.map((p) => p.stage)).toEqual(["mass-production", "mass-production", "mass-production"]);
    expect(parts.map((p) => p.score)).toEqual([100, 100, 100]);
    expect(summary.columns.find((c) => c.column === "K")).toMatchObject({ header: "Supplier qualification", criterion: "supplier", readAs: "Supplier" });
    expect(summary.columns.find((c) => c.column === "J")).toMatchObject({ header: "Supplier", criterion: null, readAs: "Not read" });
  });

  it("decides on the rows under the header, beyond the 50 scanned, as every other path does", async () => {
    const dir = folders.caseDir();
    // The first 70 parts leave the qualification blank; the statuses come further down.
    const rows: Row[] = [[...HEADERS], ...Array.from({ length: 70 }, (_, i) => readyPart(`E-${i}`, `Maker ${i}`, null)), ...THREE_PARTS];
    const file = await input(dir, rows);
    const run = await runCli(["classify", file, ...flags, "--format", "json", "-o", "out.json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const { parts, summary } = jsonOutput<PartJson>(readFileSync(path.join(dir, "out.json"), "utf8"));
    const want = coreAnswer(rows);
    expect(want.lines.find((l) => l.criterion === "supplier")?.column).toBe(QUALIFICATION);
    expect(summary.columns).toEqual(want.lines.map((l) => ({ column: l.letter, header: l.header, criterion: l.criterion, readAs: l.readAs, how: l.how })));
    expect(parts.map((p) => [p.stage, p.score, p.progress])).toEqual(want.assessments.map((a) => [a.stage, a.score, a.progress]));
    expect(parts.slice(-3).map((p) => p.stage)).toEqual(["mass-production", "mass-production", "mass-production"]);
  });

  it("--map and --mapping say what a column holds; --map wins; =none ignores a column; a header that is not there is warned about", async () => {
    const dir = folders.caseDir();
    const headers = ["Part No.", "Mech state", "Lab result", "Material", "Finish", "Goal", "Qty", "Supplier"];
    const rows: Row[] = [
      headers,
      ["M-1", "frozen", "passed", "locked", "confirmed", "pilot", 50, "Qualified"],
      ["M-2", "changing", "failed", "open", "open", "pilot", 50, "Qualified"],
    ];
    const file = await input(dir, rows);
    writeFileSync(path.join(dir, "cols.json"), JSON.stringify({ "Mech state": "design", "Lab result": "material", Supplier: "none" }));
    const plain = await runCli(["classify", file, ...flags, "--format", "json", "-o", "plain.json"], { cwd: dir });
    expect(plain.code, plain.stderr).toBe(0);
    const mapped = await runCli(
      ["classify", file, ...flags, "--format", "json", "-o", "mapped.json", "--mapping", "cols.json", "--map", "lab result=function", "--map", "Colour=none"],
      { cwd: dir },
    );
    expect(mapped.code, mapped.stderr).toBe(0);
    const read = (name: string): { parts: PartJson[]; summary: ReturnType<typeof jsonOutput>["summary"] } =>
      jsonOutput<PartJson>(readFileSync(path.join(dir, name), "utf8"));
    const before = read("plain.json");
    const after = read("mapped.json");
    expect(before.parts.map((p) => p.stage)).toEqual(["prototyping", "prototyping"]);
    expect(before.parts[0]?.missing.map((m) => m.criterion)).toEqual(expect.arrayContaining(["design", "function"]));
    expect(after.parts.map((p) => p.stage)).toEqual(["low-volume", "prototyping"]);
    expect(after.summary.columns.filter((c) => c.how === "your mapping").map((c) => [c.column, c.criterion])).toEqual([
      ["B", "design"],
      ["C", "function"],
    ]);
    expect(after.summary.columns.find((c) => c.column === "H")).toMatchObject({ header: "Supplier", criterion: null, how: "your mapping says to leave it" });
    expect(mapped.stdout).toContain('B "Mech state" -> Design (your mapping)');
    expect(mapped.stderr).toContain('Warning: your column mapping names a header not in header row 1: "Colour"');
    expect(plain.stderr).not.toContain("column mapping");
  });
});

describe("the summary sheet says how the sheet was read", () => {
  it.each(["--no-streaming", "--streaming"])("lists every column and the first 1,000 cells not understood, with the rest counted (%s)", async (flag) => {
    const dir = folders.caseDir();
    const extra = 4;
    const header = ["Part No.", "Description", "Design", "Supplier name", "Material", "Qty", "Notes"];
    const parts: Row[] = Array.from({ length: CELL_NOTE_LIMIT + extra }, (_, i) => [
      `P-${i}`,
      "bracket",
      i === 0 ? "see drawing" : `banana ${i}`,
      "Acme",
      "6061",
      i === 5 ? "lots" : 5,
      "",
    ]);
    const rows: Row[] = [["Bill of parts - pump"], header, ...parts, ["", "", "", "", "", "", "a note, no part"], ["", "Spare", "TBD", "", "", "", ""]];
    const file = path.join(dir, "parts.xlsx");
    await writeWorkbook(file, "Bill of parts", rows);
    const run = await runCli(["classify", file, flag, "-o", "out.xlsx"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const book = await load(path.join(dir, "out.xlsx"));
    const summary = summaryRows(book);
    const want = coreAnswer(rows, 1);

    expect(section(summary, COLUMNS_HEADING)).toEqual(columnRows(want.lines));
    expect(section(summary, COLUMNS_HEADING).map((r) => r[0])).toEqual(["Column A", "Column B", "Column C", "Column D", "Column E", "Column F", "Column G"]);
    expect(section(summary, COLUMNS_HEADING)[3]).toEqual(["Column D", "Supplier name", "Not read", expect.stringMatching(/^not a status column/u)]);

    const cells = section(summary, CELLS_HEADING);
    const total = CELL_NOTE_LIMIT + extra + 1;
    expect(cells).toHaveLength(CELL_NOTE_LIMIT + 1);
    expect(cells[0]).toEqual(["'Bill of parts'!C3", "see drawing", expect.stringMatching(/^Design: "see drawing" is not a status/u), ""]);
    expect(cells[1]?.slice(0, 2)).toEqual(["'Bill of parts'!C4", "banana 1"]);
    expect(cells.slice(0, 10).map((c) => c[0])).toContain("'Bill of parts'!F8");
    expect(cells.find((c) => c[0] === "'Bill of parts'!F8")?.slice(1, 3)).toEqual(["lots", expect.stringMatching(/^Quantity: /u)]);
    expect(cells.at(-1)).toEqual([`... and ${total - CELL_NOTE_LIMIT} more`, "", "", ""]);

    // The first of each label: the counts come before the sections (whose heading repeats "Cells not understood").
    const counts = new Map([...summary].reverse().map((r) => [r[0], r[1]]));
    expect(counts.get("Cells not understood")).toBe(String(total));
    expect(counts.get(NO_CRITERIA_LABEL), "the note row has no criterion filled in").toBe("1");
    expect(counts.get("Parts classified")).toBe(String(parts.length + 2));
    expect(counts.get("Prototyping"), "the TBD-only row is a part").toBe(String(parts.length + 1));

    const sheet = book.getWorksheet(SUMMARY_SHEET);
    const widths = Array.from({ length: SUMMARY_WIDTH }, (_, c) => sheet?.getColumn(c + 1).width ?? 0);
    expect(
      widths.every((w) => w >= 20),
      `widths ${widths.join(", ")}`,
    ).toBe(true);
    const headingRow = summary.findIndex((r) => r[0] === COLUMNS_HEADING[0]) + 1;
    expect([1, 2, 3, 4].map((c) => sheet?.getCell(headingRow, c).font?.bold)).toEqual([true, true, true, true]);
  });

  it("a CSV classified into a workbook gets the real counts and names its cells in the workbook's sheet", async () => {
    const dir = folders.caseDir();
    const rows: Row[] = [
      ["Part No.", "Design", "Qty"],
      ["A", "frozen", 20],
      ["B", "banana", 5],
      ["C", "TBD", ""],
    ];
    writeCsv(path.join(dir, "parts.csv"), rows);
    const run = await runCli(["classify", "parts.csv", "--format", "xlsx"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const summary = summaryRows(await load(path.join(dir, "parts.classified.xlsx")));
    const counts = new Map(summary.map((r) => [r[0], r[1]]));
    expect(counts.get("Parts classified")).toBe("3");
    expect(counts.get("Prototyping")).toBe(String(coreAnswer(rows).assessments.filter((a) => a.stage === "prototyping").length));
    expect(section(summary, CELLS_HEADING)).toEqual([["parts!B3", "banana", expect.stringMatching(/^Design: "banana"/u), ""]]);
    expect(section(summary, COLUMNS_HEADING)).toEqual(columnRows(coreAnswer(rows).lines));
  });

  it("says None when every cell was understood", async () => {
    const dir = folders.caseDir();
    await writeWorkbook(path.join(dir, "parts.xlsx"), "Parts", [[...HEADERS], ...THREE_PARTS]);
    const run = await runCli(["classify", "parts.xlsx"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(section(summaryRows(await load(path.join(dir, "parts.classified.xlsx"))), CELLS_HEADING)).toEqual([["None", "", "", ""]]);
  });
});

describe("stdout and JSON", () => {
  it("stdout lists every column with what it is read as and how, and counts rows with no criteria filled in", async () => {
    const dir = folders.caseDir();
    const rows: Row[] = [
      ["Part No.", "Dwg Status", "Supplier name", "Qty (pcs)", "Notes"],
      ["A", "released", "Acme", 5, ""],
      ["", "", "", "", "note only"],
      ["B", "TBD", "", "", ""],
    ];
    await writeWorkbook(path.join(dir, "parts.xlsx"), "Parts", rows);
    const run = await runCli(["classify", "parts.xlsx"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const lines = columnReportText(coreAnswer(rows).lines).map((l) => `  ${l}`);
    expect(lines).toHaveLength(5);
    const out = run.stdout.split("\n");
    const start = out.indexOf("Header row 1 (found automatically), how each column is read:");
    expect(start).toBeGreaterThan(0);
    expect(out.slice(start + 1, start + 1 + lines.length)).toEqual(lines);
    expect(run.stdout).toMatch(new RegExp(`${NO_CRITERIA_LABEL}\\s+1\\n`, "u"));
    expect(run.stdout).not.toContain("No recognised value");
  });

  it("--format json: each part has its progress, a TBD-only row is a part with gate A missing, and the summary record lists columns and cells (first 1,000 and the total)", async () => {
    const dir = folders.caseDir();
    const header = ["Part No.", "Design", "Function", "Material", "Finish", "Goal", "Qty"];
    const bad: Row[] = Array.from({ length: CELL_NOTE_LIMIT + 2 }, (_, i) => [`X-${i}`, `banana ${i}`, "passed", "locked", "confirmed", "pilot", 50]);
    const rows: Row[] = [header, ["T-1", "TBD", "tbd", "TBD", "?", "TBD", "TBD"], ["G-1", "frozen", "passed", "locked", "confirmed", "pilot", 50], ...bad];
    writeCsv(path.join(dir, "parts.csv"), rows);
    const run = await runCli(["classify", "parts.csv", "--format", "json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const { parts, summary } = jsonOutput<PartJson>(run.stdout);
    const want = coreAnswer(rows);
    expect(parts.map((p) => [p.row, p.stage, p.score, p.progress])).toEqual(want.assessments.map((a, i) => [i + 2, a.stage, a.score, a.progress]));
    expect(parts[0]).toMatchObject({ part: "T-1", stage: "prototyping", score: 0, progress: 0 });
    expect(parts[0]?.missing.map((m) => m.criterion)).toEqual(["design", "function", "material", "finish", "goal"]);
    expect(parts[1]).toMatchObject({ part: "G-1", stage: "low-volume" });
    expect(parts[1]?.score).toBeGreaterThanOrEqual(50);
    expect(parts[1]?.progress).toBeLessThan(parts[1]?.score ?? 0);
    expect(parts[2]?.issues).toEqual([expect.objectContaining({ cell: "parts.csv!B4", value: "banana 0" })]);

    expect(summary).toMatchObject({ sheet: "parts.csv", headerRow: 1, parts: rows.length - 1, noCriteriaFilled: 0 });
    expect(summary.byStage).toEqual({ prototyping: 1 + bad.length, "low-volume": 1, "mass-production": 0 });
    expect(summary.columns).toEqual(want.lines.map((l) => ({ column: l.letter, header: l.header, criterion: l.criterion, readAs: l.readAs, how: l.how })));
    expect(summary.cellsNotUnderstood.total).toBe(bad.length);
    expect(summary.cellsNotUnderstood.cells).toHaveLength(CELL_NOTE_LIMIT);
    expect(summary.cellsNotUnderstood.cells[0]).toEqual({
      cell: "parts.csv!B4",
      value: "banana 0",
      message: expect.stringMatching(/^Design: "banana 0"/u) as string,
    });
    expect(summary.cellsNotUnderstood.cells.at(-1)?.cell).toBe(`parts.csv!B${CELL_NOTE_LIMIT + 3}`);
  });

  it("an empty table (its header row given, as a header without parts is not found) still ends with its summary record", async () => {
    const dir = folders.caseDir();
    writeCsv(path.join(dir, "parts.csv"), [["Part No.", "Design", "Qty"]]);
    const refused = await runCli(["classify", "parts.csv", "--format", "json"], { cwd: dir });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(
      /no header row found .*row 1 names "Design" and "Qty", but no row under it fills any of those columns, so there are no parts to classify/u,
    );
    expect(refused.stdout).toBe("");
    const run = await runCli(["classify", "parts.csv", "--format", "json", "--header-row", "1"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const { parts, summary } = jsonOutput(run.stdout);
    expect(parts).toEqual([]);
    expect(summary).toMatchObject({ parts: 0, cellsNotUnderstood: { total: 0, cells: [] } });
    expect(summary.columns.map((c) => c.header)).toEqual(["Part No.", "Design", "Qty"]);
  });
});

describe("usage errors of --map and --mapping, through the binary", () => {
  it.each([
    [["--map", "Mech state"], /^part-readiness: --map: "Mech state" is not a column choice/u],
    [["--map", "Mech state=drawing"], /^part-readiness: --map: "drawing" in "Mech state=drawing" is not a criterion/u],
    [["--mapping", "missing.json"], /^part-readiness: missing\.json: does not exist; --mapping takes a JSON file/u],
    [["--mapping", "bad.json"], /^part-readiness: bad\.json: is not valid JSON/u],
    [["--mapping"], /--mapping needs a value/u],
  ])("%j exits 1 with one line and writes nothing", async (args, message) => {
    const dir = folders.caseDir();
    await writeWorkbook(path.join(dir, "parts.xlsx"), "Parts", [[...HEADERS], ...THREE_PARTS]);
    writeFileSync(path.join(dir, "bad.json"), "{ Mech state: design }");
    const run = await runCli(["classify", "parts.xlsx", ...args], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
    expect(existsSync(path.join(dir, "parts.classified.xlsx"))).toBe(false);
  });
});

// Keep the column constants honest: the fixture's two supplier columns are where the tests say.
it("the fixture's supplier columns are J and K", () => {
  expect([SUPPLIER, QUALIFICATION]).toEqual([9, 10]);
});

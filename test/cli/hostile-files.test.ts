/* Files that are not readable spreadsheets: each is refused with one line naming it, exit 2, nothing written, the input untouched. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { expectRefused } from "../fixtures/assert-refused";
import { BROKEN_FILES, brokenSheetXmlBytes } from "../fixtures/broken-files";
import { listing, testFolders, snapshot } from "../fixtures/files";
import { PART_TABLE } from "../fixtures/parts";
import { runCli } from "../fixtures/run-cli";

const folders = testFolders("hostile-files");
const caseDir = (name: string): string => folders.caseDir(name);

describe("unreadable inputs are refused cleanly", () => {
  it.each(BROKEN_FILES.map((c) => [c.name, c] as const))("%s", async (name, c) => {
    const { file, problem } = await c.write(caseDir(name));
    await expectRefused(file, problem);
  });

  it.each(BROKEN_FILES.map((c) => [c.name, c] as const))("%s, with -o and --format json", async (name, c) => {
    const { file, problem } = await c.write(caseDir(`${name} with options`));
    await expectRefused(file, problem, ["-o", path.join(path.dirname(file), "result.xlsx")]);
    const run = await expectRefused(file, problem, ["--format", "json"]);
    expect(run.stdout, "nothing half-written to stdout").toBe("");
  });

  it("a sheet whose XML breaks off, on the streaming path (part of the output already written)", async () => {
    const dir = caseDir("broken-sheet-streaming");
    const file = path.join(dir, "cut-sheet.xlsx");
    writeFileSync(file, brokenSheetXmlBytes(20_000));
    await expectRefused(file, /damaged|corrupt|not a valid|cannot be read|malformed|incomplete|xml/i, ["--streaming"]);
    const run = await expectRefused(file, /damaged|corrupt|not a valid|cannot be read|malformed|incomplete|xml/i, ["--streaming", "--format", "csv"]);
    expect(run.stdout, "results go to stdout only once the whole file was read: a pipeline gets no half result").toBe("");
  });

  it("a file that does not exist", async () => {
    const dir = caseDir("missing");
    const run = await runCli(["classify", path.join(dir, "nowhere.xlsx")], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("nowhere.xlsx");
    expect(listing(dir)).toEqual([]);
  });

  it("a folder instead of a file", async () => {
    const dir = caseDir("folder");
    mkdirSync(path.join(dir, "parts.xlsx"));
    const run = await runCli(["classify", path.join(dir, "parts.xlsx")], { cwd: dir });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("parts.xlsx");
    expect(listing(dir)).toEqual(["parts.xlsx"]);
  });

  it("--sheet that the workbook does not have", async () => {
    const dir = caseDir("sheet-not-found");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Parts");
    for (const row of PART_TABLE) sheet.addRow([...row]);
    const file = path.join(dir, "parts.xlsx");
    await workbook.xlsx.writeFile(file);
    await expectRefused(file, /Bauteile/u, ["--sheet", "Bauteile"]);
  });
});

describe("nothing lost: existing files are never overwritten", () => {
  async function partsWorkbook(dir: string): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Parts");
    for (const row of PART_TABLE) sheet.addRow([...row]);
    const file = path.join(dir, "parts.xlsx");
    await workbook.xlsx.writeFile(file);
    return file;
  }

  it("an existing output file is left alone without --force", async () => {
    const dir = caseDir("existing-output");
    const file = await partsWorkbook(dir);
    const out = path.join(dir, "parts.classified.xlsx");
    writeFileSync(out, "someone's work");
    const before = { input: snapshot(file), output: snapshot(out) };
    const names = listing(dir);
    const run = await runCli(["classify", file], { cwd: dir });
    expect(run.code, run.stderr).not.toBe(0);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("parts.classified.xlsx");
    expect({ input: snapshot(file), output: snapshot(out) }).toEqual(before);
    expect(listing(dir)).toEqual(names);
  });

  it.each([[[] as string[]], [["--force"]]])("the input is never the output (extra options %j)", async (extra) => {
    const dir = caseDir(`input-as-output-${extra.join("")}`);
    const file = await partsWorkbook(dir);
    const before = snapshot(file);
    const names = listing(dir);
    const run = await runCli(["classify", file, "-o", file, ...extra], { cwd: dir });
    expect(run.code, run.stderr).not.toBe(0);
    expect(run.stderr).toContain("parts.xlsx");
    expect(snapshot(file)).toEqual(before);
    expect(listing(dir)).toEqual(names);
  });

  it("the input is never the output even when named another way (./dir/../parts.xlsx)", async () => {
    const dir = caseDir("input-as-output-relative");
    const file = await partsWorkbook(dir);
    mkdirSync(path.join(dir, "sub"));
    const before = snapshot(file);
    const run = await runCli(["classify", "parts.xlsx", "-o", "./sub/../parts.xlsx", "--force"], { cwd: dir });
    expect(run.code, run.stderr).not.toBe(0);
    expect(snapshot(file)).toEqual(before);
    expect(listing(dir)).toEqual(["parts.xlsx", "sub"]);
  });
});

/* The command line's contract through the built binary: help, version, exit codes, one-line errors, files never lost. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { listing, testFolders, snapshot } from "../fixtures/files";
import { PART_TABLE } from "../fixtures/parts";
import { runCli } from "../fixtures/run-cli";

const folders = testFolders("cli-usage");
let parts = "";
beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Parts");
  for (const row of PART_TABLE) sheet.addRow([...row]);
  parts = path.join(folders.root(), "parts.xlsx");
  await workbook.xlsx.writeFile(parts);
});
const caseDir = (): string => folders.caseDir();

function oneLine(stderr: string): string {
  const lines = stderr.replace(/\n$/u, "").split("\n");
  expect(lines, stderr).toHaveLength(1);
  return lines[0] ?? "";
}

describe("help and version", () => {
  it.each([[["--help"]], [["-h"]], [["help"]]])("%j shows the commands", async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: part-readiness <command>/u);
    for (const command of ["classify", "template", "criteria"]) expect(run.stdout).toContain(command);
  });

  it.each(["classify", "template", "criteria"])("%s --help lists every option", async (command) => {
    const run = await runCli([command, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: part-readiness ${command}`);
    if (command === "classify") {
      for (const option of [
        "-o, --output",
        "--format",
        "--sheet",
        "--header-row",
        "--prototype-quantity",
        "--low-volume-quantity",
        "--force",
        "--[no-]streaming",
        "--max-warnings",
        "--quiet",
        "--map HEADER=CRITERION",
        "--mapping FILE",
      ])
        expect(run.stdout).toContain(option);
    }
    expect(run.stdout).toContain("Exit codes");
  });

  it("--version prints the package version", async () => {
    const run = await runCli(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/u);
  });
});

describe("wrong usage exits 1 with one line", () => {
  it.each([
    [[], /missing command/u],
    [["frobnicate"], /unknown command "frobnicate"/u],
    [["--frobnicate"], /unknown option "--frobnicate"/u],
    [["classify"], /classify needs FILE/u],
    [["classify", "PARTS", "--bogus"], /unknown option "--bogus"/u],
    [["classify", "PARTS", "-o"], /-o needs a value/u],
    [["classify", "PARTS", "--header-row", "x"], /--header-row takes a whole number/u],
    [["classify", "PARTS", "--header-row", "0"], /--header-row takes a whole number of at least 1/u],
    [["classify", "PARTS", "--format", "pdf"], /--format takes one of xlsx, csv, json/u],
    [["classify", "PARTS", "--prototype-quantity", "lots"], /--prototype-quantity: Prototype quantity must be a number/u],
    [["classify", "PARTS", "--prototype-quantity", "-3"], /--prototype-quantity/u],
    [["classify", "PARTS", "--prototype-quantity", "2000"], /must be greater than the prototype quantity/u],
    [["classify", "PARTS", "--format", "csv", "-o", "out.xlsx"], /--format csv does not match the output file out.xlsx/u],
    [["classify", "PARTS", "-o", "-"], /cannot be written to stdout/u],
    [["classify", "a.xlsx", "b.xlsx"], /unexpected argument "b.xlsx"/u],
    [["criteria", "--format", "yaml"], /one of text, json, md/u],
    [["template", "a.xlsx", "b.xlsx"], /unexpected argument/u],
  ])("%j", async (args, message) => {
    const dir = caseDir();
    const run = await runCli(
      args.map((a) => (a === "PARTS" ? parts : a)),
      { cwd: dir },
    );
    expect(run.code, run.stderr).toBe(1);
    expect(oneLine(run.stderr)).toMatch(message);
    expect(run.stderr).toMatch(/^part-readiness: /u);
    expect(listing(dir)).toEqual([]);
  });
});

describe("unreadable input exits 2 with one line naming the file", () => {
  const cases: readonly [string, string, string | Buffer, RegExp][] = [
    ["zero-byte", "empty.xlsx", Buffer.alloc(0), /empty \(0 bytes\)/u],
    ["text renamed .xlsx", "notes.xlsx", "Meeting notes\nnothing here\n", /is not an \.xlsx workbook: it holds plain text/u],
    ["binary renamed .csv", "image.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), /binary data/u],
  ];
  it.each(cases)("%s", async (_name, file, bytes, message) => {
    const dir = caseDir();
    writeFileSync(path.join(dir, file), bytes);
    const run = await runCli(["classify", file], { cwd: dir });
    expect(run.code).toBe(2);
    const line = oneLine(run.stderr);
    expect(line).toContain(file);
    expect(line).toMatch(message);
    expect(listing(dir)).toEqual([file]);
  });

  it("a missing file", async () => {
    const run = await runCli(["classify", "nowhere.csv"], { cwd: caseDir() });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toBe("part-readiness: nowhere.csv: no such file");
  });

  it("a truncated workbook", async () => {
    const dir = caseDir();
    const { readFileSync } = await import("node:fs");
    const bytes = readFileSync(parts);
    writeFileSync(path.join(dir, "cut.xlsx"), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const run = await runCli(["classify", "cut.xlsx"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/cut\.xlsx: is damaged: the workbook's zip archive is truncated/u);
    expect(listing(dir)).toEqual(["cut.xlsx"]);
  });

  it.each([["--no-streaming"], ["--streaming"]])("no header row, and --sheet not found (%s)", async (flag) => {
    const dir = caseDir();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Inventory").addRows([
      ["Name", "Colour"],
      ["Bracket", "black"],
    ]);
    await workbook.xlsx.writeFile(path.join(dir, "inventory.xlsx"));
    const none = await runCli(["classify", "inventory.xlsx", flag], { cwd: dir });
    expect(none.code).toBe(2);
    expect(oneLine(none.stderr)).toBe(
      'part-readiness: inventory.xlsx: no header row found in the first 50 rows of sheet "Inventory"; expected headers such as Design, Material, Qty (see part-readiness criteria)',
    );
    const missing = await runCli(["classify", "inventory.xlsx", flag, "--sheet", "Parts"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(oneLine(missing.stderr)).toBe('part-readiness: inventory.xlsx: has no sheet "Parts"; its sheets are "Inventory"');
    expect(listing(dir)).toEqual(["inventory.xlsx"]);
  });
});

describe("files are never lost", () => {
  it("never writes over an existing output without --force, and replaces it with --force", async () => {
    const dir = caseDir();
    const input = path.join(dir, "parts.xlsx");
    writeFileSync(input, (await import("node:fs")).readFileSync(parts));
    writeFileSync(path.join(dir, "parts.classified.xlsx"), "keep me");
    const before = snapshot(path.join(dir, "parts.classified.xlsx"));
    const refused = await runCli(["classify", "parts.xlsx"], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(oneLine(refused.stderr)).toMatch(/parts\.classified\.xlsx already exists; add --force/u);
    expect(snapshot(path.join(dir, "parts.classified.xlsx"))).toEqual(before);
    const forced = await runCli(["classify", "parts.xlsx", "--force"], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(snapshot(path.join(dir, "parts.classified.xlsx")).size).toBeGreaterThan(1000);
    expect(listing(dir)).toEqual(["parts.classified.xlsx", "parts.xlsx"]);
  });

  it("never writes over the input, even with --force or through a symbolic link", async () => {
    const dir = caseDir();
    const input = path.join(dir, "parts.xlsx");
    writeFileSync(input, (await import("node:fs")).readFileSync(parts));
    const { symlinkSync } = await import("node:fs");
    symlinkSync(input, path.join(dir, "link.xlsx"));
    const before = snapshot(input);
    for (const out of ["parts.xlsx", "./parts.xlsx", "link.xlsx"]) {
      const run = await runCli(["classify", "parts.xlsx", "-o", out, "--force"], { cwd: dir });
      expect(run.code).toBe(1);
      expect(oneLine(run.stderr)).toMatch(/would overwrite the input parts\.xlsx/u);
    }
    expect(snapshot(input)).toEqual(before);
    expect(listing(dir)).toEqual(["link.xlsx", "parts.xlsx"]);
  });

  it("an output folder that does not exist", async () => {
    const dir = caseDir();
    const run = await runCli(["classify", parts, "-o", path.join(dir, "no", "such", "out.xlsx")], { cwd: dir });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/out\.xlsx: the folder .* does not exist/u);
  });

  it("removes its temporary file when the input turns out broken half-way", async () => {
    const dir = caseDir();
    const rows = ["Part No.,Design,Qty", ...Array.from({ length: 5000 }, (_, i) => `P-${i},frozen,5`), '"P-x,frozen,5'];
    writeFileSync(path.join(dir, "broken.csv"), `${rows.join("\n")}\n`);
    for (const format of ["csv", "xlsx", "json"]) {
      const run = await runCli(["classify", "broken.csv", "-o", `out.${format}`], { cwd: dir });
      expect(run.code).toBe(2);
      expect(oneLine(run.stderr)).toMatch(/broken\.csv: is not valid CSV: Quote Not Closed/u);
      expect(listing(dir)).toEqual(["broken.csv"]);
    }
  });
});

/** The command line speaks the user's language: what it offers works, messages name the user's things, lists follow their headings. */
import { existsSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outputFailure } from "../../src/cli/errors";
import { NO_CRITERIA_LABEL } from "../../src/core";
import { listing, makeTempDir, removeDir } from "../fixtures/files";
import { runCli } from "../fixtures/run-cli";

let dir = "";
beforeAll(() => {
  dir = makeTempDir("cli-wording");
});
afterAll(() => removeDir(dir));

describe("template -o", () => {
  it("writes the file -o names, as the message that mentions -o promises", async () => {
    const run = await runCli(["template", "-o", "mine.xlsx"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(dir, "mine.xlsx"))).toBe(true);
    const again = await runCli(["template", "-o", "mine.xlsx"], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; add --force to replace it or choose another file with -o/u);
    const other = await runCli(["template", "--output", "other.xlsx"], { cwd: dir });
    expect(other.code, other.stderr).toBe(0);
    expect(existsSync(path.join(dir, "other.xlsx"))).toBe(true);
  });

  it("refuses two different names and stdout", async () => {
    const both = await runCli(["template", "a.xlsx", "-o", "b.xlsx"], { cwd: dir });
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/give the workbook once/u);
    const stdout = await runCli(["template", "-o", "-"], { cwd: dir });
    expect(stdout.code).toBe(1);
    expect(listing(dir).filter((f) => f.startsWith("a.") || f.startsWith("b."))).toEqual([]);
  });
});

describe("classify's summary in the user's words", () => {
  const header = ["Part", "Description", "Design", "Function", "Material", "Finish", "Goal", "Qty", "Annual volume"];
  const rows: (string | number)[][] = [
    ["P-1", "Bracket", "frozen", "verified", "6061-T6", "anodize", "pilot", 50, 800],
    ["", "Section: housings", "", "", "", "", "", "", ""],
    ["P-2", "Housing", "banana", "verified", "6061-T6", "anodize", "pilot", 5000, ""],
    ["P-3", "Cover", "draft", "in progress", "", "", "learning", 5000, ""],
  ];

  it("names no internal path, says what an empty row means, and lists cells before parts as the heading counts them", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Parts");
    for (const row of [header, ...rows]) sheet.addRow(row);
    const file = path.join(dir, "summary.xlsx");
    await book.xlsx.writeFile(file);
    const run = await runCli(["classify", file, "-o", "summary.out.xlsx"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Wrote summary\.out\.xlsx\.$/mu);
    expect(run.stdout).not.toMatch(/path\)/u);
    expect(run.stdout).not.toContain("copied row by row");
    expect(run.stdout).toMatch(new RegExp(`${NO_CRITERIA_LABEL}\\s+1\\b`, "u"));
    expect(run.stdout).not.toMatch(/No recognised value/u);
    const warnings = run.stderr.split("\n");
    const heading = warnings.findIndex((l) => /^Warnings: 1 cell not understood, 2 part warnings/u.test(l));
    expect(heading, run.stderr).toBeGreaterThanOrEqual(0);
    expect(warnings[heading + 1]).toMatch(/Parts!C4: Design: "banana"/u);
    expect(warnings[heading + 2]).toMatch(/Parts row 4/u);
    expect(warnings[heading + 3]).toMatch(/Parts row 5/u);
  });
});

describe("an output folder that cannot be written", () => {
  it.each([
    ["EACCES", /the folder out\/sub cannot be written \(permission denied\)/u],
    ["EROFS", /the folder out\/sub cannot be written \(read-only file system\)/u],
    ["ENOSPC", /the disk holding out\/sub is full/u],
    ["ENOENT", /the folder out\/sub cannot be written \(it does not accept new files\)/u],
  ])("%s is told as the folder, never as our temporary file", (code, message) => {
    const error = Object.assign(new Error(`${code}: open 'out/sub/.x.xlsx.1-ab.tmp'`), { code });
    const reported = outputFailure(error, "out/sub/x.xlsx");
    expect(reported.message).toMatch(message);
    expect(reported.message).not.toMatch(/\.tmp/u);
  });

  it.runIf(process.platform === "linux" && existsSync("/sys/kernel"))(
    "end to end: a folder the system refuses (/sys) is named, nothing is left behind",
    async () => {
      const run = await runCli(["template", "-o", "/sys/kernel/parts.xlsx"], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/the folder \/sys\/kernel cannot be written/u);
      expect(run.stderr).not.toMatch(/\.tmp/u);
    },
  );
});

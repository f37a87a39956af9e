/*
 * Issue 13 on the command line, end to end through the built binary on real
 * .xlsx files made here with exceljs: the gate columns after the five results
 * (Assembly stage and Limited by for a Level or Parent column, Waived when a
 * part has a justified waiver), in the .xlsx, CSV and JSON outputs; problems
 * in the bill's structure reported by cell; a re-run replacing every earlier
 * result column and none of the user's.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RESULT_HEADERS } from "../../src/core";
import { testFolders } from "../fixtures/files";
import { jsonOutput, readCsvRows, readWorkbookRows, shownText } from "../fixtures/read-output";
import { runCli } from "../fixtures/run-cli";
import { HEADERS, partRow, writeBook, type Cell } from "./gate-fixtures";

const folders = testFolders("gate-columns");
const TIMEOUT = 60_000;

/** The output sheet's header row and, by part label, each row's cells under the given headers. */
async function columnsByPart(file: string, sheetName = "Parts"): Promise<{ header: string[]; byPart: Map<string, Record<string, string>> }> {
  const { rows } = await readWorkbookRows(file, sheetName);
  const header = (rows[0] ?? []).map(shownText);
  const byPart = new Map<string, Record<string, string>>();
  for (const row of rows.slice(1)) {
    const record: Record<string, string> = {};
    header.forEach((h, i) => {
      record[h] = shownText(row[i]);
    });
    byPart.set(shownText(row[0]), record);
  }
  return { header, byPart };
}

function csvByPart(file: string): { header: string[]; byPart: Map<string, Record<string, string>> } {
  const [header = [], ...rows] = readCsvRows(file, ",");
  const byPart = new Map<string, Record<string, string>>();
  for (const row of rows) byPart.set(row[0] ?? "", Object.fromEntries(header.map((h, i) => [h, row[i] ?? ""])));
  return { header, byPart };
}

const LEVEL_HEADERS = [...HEADERS, "Level"];
/**
 * A-100 (mass production) has B-200 (low-volume) and C-300 (mass production),
 * which has D-400 (prototyping) under it; E-500 is a second top-level part.
 */
const LEVEL_ROWS: Cell[][] = [
  [...partRow("mass-production", "A-100"), 0],
  [...partRow("low-volume", "B-200"), 1],
  [...partRow("mass-production", "C-300"), 1],
  [...partRow("prototyping", "D-400"), 2],
  [...partRow("mass-production", "E-500"), 0],
];

describe("classify: Assembly stage and Limited by", () => {
  it(
    "a Level column gives each assembly the lowest stage of it and its components, names the components that cap it, and leaves leaves empty, in every output",
    async () => {
      const dir = folders.caseDir();
      await writeBook(path.join(dir, "bom.xlsx"), LEVEL_HEADERS, LEVEL_ROWS);
      const run = await runCli(["classify", "bom.xlsx"], { cwd: dir });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Assemblies (by the Level column): 2 assemblies, 2 limited by components, 0 unknown.");
      const { header, byPart } = await columnsByPart(path.join(dir, "bom.classified.xlsx"));
      expect(header.slice(LEVEL_HEADERS.length)).toEqual([...RESULT_HEADERS, "Assembly stage", "Limited by"]);
      // A part's own stage does not change; its assembly stage is capped.
      expect(byPart.get("A-100")).toMatchObject({
        Stage: "Mass production",
        "Assembly stage": "Prototyping",
        "Limited by": "C-300 (Prototyping, through D-400)",
      });
      expect(byPart.get("C-300")).toMatchObject({ Stage: "Mass production", "Assembly stage": "Prototyping", "Limited by": "D-400 (Prototyping)" });
      for (const leaf of ["B-200", "D-400", "E-500"]) expect(byPart.get(leaf)).toMatchObject({ "Assembly stage": "", "Limited by": "" });
      expect(byPart.get("B-200")?.Stage).toBe("Low-volume manufacturing");

      const csv = await runCli(["classify", "bom.xlsx", "-o", "bom.csv"], { cwd: dir });
      expect(csv.code).toBe(0);
      const fromCsv = csvByPart(path.join(dir, "bom.csv"));
      expect(fromCsv.header.slice(LEVEL_HEADERS.length)).toEqual([...RESULT_HEADERS, "Assembly stage", "Limited by"]);
      expect(fromCsv.byPart.get("A-100")).toMatchObject({ "Assembly stage": "Prototyping", "Limited by": "C-300 (Prototyping, through D-400)" });

      const json = await runCli(["classify", "bom.xlsx", "--format", "json"], { cwd: dir });
      expect(json.code).toBe(0);
      const { parts, summary } = jsonOutput<{ part: string; stage: string; assemblyStage: string | null; limitedBy: string[] }>(json.stdout);
      const byLabel = new Map(parts.map((p) => [p.part, p]));
      expect(byLabel.get("A-100")).toMatchObject({ stage: "mass-production", assemblyStage: "prototyping", limitedBy: ["C-300"] });
      expect(byLabel.get("D-400")).toMatchObject({ assemblyStage: null, limitedBy: [] });
      expect((summary as unknown as { assemblies: { kind: string; problems: unknown[] } }).assemblies).toEqual({ kind: "level", problems: [] });
    },
    TIMEOUT,
  );

  it(
    "a CSV input with a Parent column: the same columns in the CSV and in the workbook it becomes",
    async () => {
      const dir = folders.caseDir();
      const header = [...HEADERS, "Parent"];
      const rows = [
        [...partRow("mass-production", "TOP"), ""],
        [...partRow("low-volume", "SUB"), "TOP"],
      ];
      const text = [header, ...rows].map((r) => r.map((v) => String(v ?? "")).join(",")).join("\n");
      const { writeFileSync } = await import("node:fs");
      writeFileSync(path.join(dir, "bom.csv"), `${text}\n`);
      const run = await runCli(["classify", "bom.csv"], { cwd: dir });
      expect(run.code).toBe(0);
      const out = csvByPart(path.join(dir, "bom.classified.csv"));
      expect(out.byPart.get("TOP")).toMatchObject({
        Stage: "Mass production",
        "Assembly stage": "Low-volume manufacturing",
        "Limited by": "SUB (Low-volume manufacturing)",
      });
      const book = await runCli(["classify", "bom.csv", "--format", "xlsx", "-o", "bom.xlsx"], { cwd: dir });
      expect(book.code).toBe(0);
      const { byPart } = await columnsByPart(path.join(dir, "bom.xlsx"), "bom");
      expect(byPart.get("TOP")).toMatchObject({ "Assembly stage": "Low-volume manufacturing", "Limited by": "SUB (Low-volume manufacturing)" });
    },
    TIMEOUT,
  );

  it(
    "an orphan and a loop are reported by cell on stderr, their assemblies are Unknown (never promoted), and the run succeeds (exit 0)",
    async () => {
      const dir = folders.caseDir();
      const header = [...HEADERS, "Parent"];
      const parentColumn = String.fromCharCode("A".charCodeAt(0) + HEADERS.length);
      await writeBook(path.join(dir, "bom.xlsx"), header, [
        [...partRow("mass-production", "X-1"), "NOT-THERE"],
        [...partRow("mass-production", "Y-1"), "Z-1"],
        [...partRow("mass-production", "Z-1"), "Y-1"],
        [...partRow("low-volume", "W-1"), ""],
      ]);
      const run = await runCli(["classify", "bom.xlsx"], { cwd: dir });
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`Parts!${parentColumn}2: parent "NOT-THERE" of X-1 is not in the list`);
      expect(run.stderr).toMatch(new RegExp(`Parts!${parentColumn}[34]: the parents go round in a loop`, "u"));
      const { byPart } = await columnsByPart(path.join(dir, "bom.classified.xlsx"));
      for (const part of ["Y-1", "Z-1"]) {
        expect(byPart.get(part)?.["Assembly stage"]).toBe("Unknown");
        expect(byPart.get(part)?.Stage).toBe("Mass production");
      }
      expect(byPart.get("X-1")?.["Assembly stage"]).toBe("");
    },
    TIMEOUT,
  );
});

describe("classify: the Waived column", () => {
  const JUSTIFIED = "carry-over part identical to P-100";

  it(
    "lists a justified waiver with its justification; a waiver without one counts as unknown, is reported by cell and is never listed",
    async () => {
      const dir = folders.caseDir();
      const header = [...HEADERS, "Waiver justification"];
      const pilot = String.fromCharCode("A".charCodeAt(0) + HEADERS.indexOf("Pilot run"));
      await writeBook(path.join(dir, "parts.xlsx"), header, [
        [...partRow("mass-production", "WAIVED", { "Pilot run": "waived" }), JUSTIFIED],
        [...partRow("mass-production", "UNJUSTIFIED", { "Pilot run": "waived" }), ""],
        [...partRow("mass-production", "PLAIN"), ""],
      ]);
      const run = await runCli(["classify", "parts.xlsx"], { cwd: dir });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Waivers: 1 criterion waived with a written justification, on 1 part");
      expect(run.stderr).toContain(`Parts!${pilot}3:`);
      const { header: out, byPart } = await columnsByPart(path.join(dir, "parts.classified.xlsx"));
      expect(out.slice(header.length)).toEqual([...RESULT_HEADERS, "Waived"]);
      expect(byPart.get("WAIVED")).toMatchObject({ Stage: "Mass production", Waived: `Pilot run: waived (${JUSTIFIED})` });
      // Precision first: without a justification the waiver never promotes.
      expect(byPart.get("UNJUSTIFIED")?.Stage).not.toBe("Mass production");
      expect(byPart.get("UNJUSTIFIED")?.Waived).toBe("");
      expect(byPart.get("PLAIN")?.Waived).toBe("");

      const json = await runCli(["classify", "parts.xlsx", "--format", "json"], { cwd: dir });
      const { parts } = jsonOutput<{ part: string; waived: { criterion: string; justification: string }[] }>(json.stdout);
      expect(parts.find((p) => p.part === "WAIVED")?.waived).toEqual([{ criterion: "pilot", text: "waived", justification: JUSTIFIED }]);
      expect(parts.find((p) => p.part === "UNJUSTIFIED")?.waived).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "no Waived column when no part has a justified waiver, nor any gate column on a plain sheet",
    async () => {
      const dir = folders.caseDir();
      await writeBook(path.join(dir, "a.xlsx"), [...HEADERS, "Waiver justification"], [[...partRow("mass-production", "P-1", { "Pilot run": "waived" }), ""]]);
      await writeBook(path.join(dir, "b.xlsx"), HEADERS, [partRow("low-volume", "P-2")]);
      for (const name of ["a", "b"]) {
        const run = await runCli(["classify", `${name}.xlsx`], { cwd: dir });
        expect(run.code).toBe(0);
        const { header } = await columnsByPart(path.join(dir, `${name}.classified.xlsx`));
        expect(header.slice(header.indexOf("Stage"))).toEqual([...RESULT_HEADERS]);
      }
    },
    TIMEOUT,
  );
});

describe("classify: a re-run over an earlier run's output", () => {
  it(
    "replaces every earlier result column (the five and the gate columns), keeps the user's, and drops a gate column the new run does not need",
    async () => {
      const dir = folders.caseDir();
      await writeBook(path.join(dir, "bom.xlsx"), LEVEL_HEADERS, LEVEL_ROWS);
      expect((await runCli(["classify", "bom.xlsx"], { cwd: dir })).code).toBe(0);
      const first = await columnsByPart(path.join(dir, "bom.classified.xlsx"));
      const again = await runCli(["classify", "bom.classified.xlsx", "-o", "again.xlsx"], { cwd: dir });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain("the result columns of an earlier run were rewritten");
      const second = await columnsByPart(path.join(dir, "again.xlsx"));
      expect(second.header).toEqual(first.header);
      expect(second.byPart).toEqual(first.byPart);

      // With --compare the rewrite grows by the Change column, still once each.
      const compared = await runCli(["classify", "again.xlsx", "-o", "third.xlsx", "--compare", "bom.classified.xlsx"], { cwd: dir });
      expect(compared.code).toBe(0);
      const third = await columnsByPart(path.join(dir, "third.xlsx"));
      expect(third.header).toEqual([...first.header, "Change"]);
      expect(compared.stdout).toContain("Compared with bom.classified.xlsx: 0 moved up, 0 moved down, 0 new, 0 dropped.");
      // And without it, the Change column goes again.
      expect((await runCli(["classify", "third.xlsx", "-o", "fourth.csv"], { cwd: dir })).code).toBe(0);
      expect(csvByPart(path.join(dir, "fourth.csv")).header).toEqual(first.header);
      expect(readFileSync(path.join(dir, "fourth.csv"), "utf8")).not.toContain("Change");
    },
    TIMEOUT,
  );
});

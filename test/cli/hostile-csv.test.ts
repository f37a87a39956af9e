/* CSV files as other programs write them: results equal the core's on the decoded text, original fields kept, UTF-8 out with the same delimiter. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RESULT_HEADERS } from "../../src/core";
import { expectedTable } from "../fixtures/expected";
import { testFolders, snapshot } from "../fixtures/files";
import { ODD_CSVS } from "../fixtures/odd-csv";
import { dataSheetName, readCsvRows, readWorkbookRows, resultTable, shownText } from "../fixtures/read-output";
import { runCli } from "../fixtures/run-cli";

const folders = testFolders("hostile-csv");
const caseDir = (name: string): string => folders.caseDir(name);

describe.each(ODD_CSVS.map((c) => [c.name, c] as const))("%s", (name, c) => {
  it("classifies every part like the core and writes UTF-8 with the same delimiter", async () => {
    const dir = caseDir(name);
    const made = c.write(dir);
    const before = snapshot(made.file);
    const run = await runCli(["classify", made.file], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(snapshot(made.file), "input untouched").toEqual(before);

    const outFile = path.join(dir, `${path.parse(made.file).name}.classified.csv`);
    expect(existsSync(outFile), "default output NAME.classified.csv beside the input").toBe(true);
    const bytes = readFileSync(outFile);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes), "output is valid UTF-8").not.toThrow();
    expect(bytes.toString("utf8").replace(/^\uFEFF/u, ""), "at most one byte-order mark, at the start").not.toContain("\uFEFF");

    const out = readCsvRows(outFile, made.delimiter);
    const expected = expectedTable(made.rows);
    const header = made.rows[expected.headerIndex] ?? [];
    expect(out[expected.headerIndex]).toEqual([...header, ...RESULT_HEADERS]);
    const table = resultTable(out, expected.headerIndex);
    for (const [r, cells] of expected.results) {
      expect({ row: r + 1, original: out[r]?.slice(0, header.length), result: table.results.get(r) }).toEqual({
        row: r + 1,
        original: made.rows[r],
        result: cells,
      });
    }
    expect(out).toHaveLength(made.rows.length);
  });
});

describe("a CSV classified into a workbook", () => {
  it.each(ODD_CSVS.filter((c) => /Latin-1|byte-order|quoted/u.test(c.name)).map((c) => [c.name, c] as const))(
    "%s -> .xlsx keeps the decoded text",
    async (name, c) => {
      const dir = caseDir(`${name} to xlsx`);
      const made = c.write(dir);
      const out = path.join(dir, "classified.xlsx");
      const run = await runCli(["classify", made.file, "-o", out], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      const expected = expectedTable(made.rows);
      const output = await readWorkbookRows(out, await dataSheetName(out));
      const table = resultTable(output.rows, expected.headerIndex);
      const header = made.rows[expected.headerIndex] ?? [];
      for (const [r, cells] of expected.results) {
        const original = (output.rows[r] ?? []).slice(0, header.length).map(shownText);
        // A line break inside an .xlsx cell is LF: XML readers turn a stored CRLF into LF, and Excel writes LF.
        const wanted = (made.rows[r] ?? []).map((field) => field.replace(/\r\n/gu, "\n"));
        expect({ row: r + 1, original, result: table.results.get(r) }).toEqual({ row: r + 1, original: wanted, result: cells });
      }
    },
  );
});

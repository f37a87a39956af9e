/*
 * Workbooks with odd cells and layouts: the CLI must give each part the core's
 * result on the plain values a person sees, keep every original cell, and
 * leave the input alone.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedTable, issueCells } from "../fixtures/expected";
import { makeTempDir, removeDir, snapshot } from "../fixtures/files";
import { ODD_WORKBOOKS, type OddWorkbook } from "../fixtures/odd-workbooks";
import { readWorkbookRows, resultTable } from "../fixtures/read-output";
import { runCli } from "../fixtures/run-cli";
import { zipEntries } from "../support/zip-entries";

let root = "";
beforeAll(() => {
  root = makeTempDir("hostile-cells");
});
afterAll(() => removeDir(root));

async function classify(made: OddWorkbook, dir: string, extra: readonly string[] = []): Promise<{ out: string; messages: string }> {
  const before = snapshot(made.file);
  const out = path.join(dir, extra.length > 0 ? "classified-streamed.xlsx" : "classified.xlsx");
  const run = await runCli(["classify", made.file, "-o", out, ...extra], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  expect(snapshot(made.file), "input untouched").toEqual(before);
  return { out, messages: `${run.stdout}\n${run.stderr}` };
}

describe.each(ODD_WORKBOOKS.map((c) => [c.name, c] as const))("%s", (name, c) => {
  const dir = (): string => {
    const d = path.join(root, name.replace(/[^a-z0-9]+/giu, "-"));
    mkdirSync(d, { recursive: true });
    return d;
  };

  it("gives every part the core's result and keeps every original cell", async () => {
    const d = dir();
    const made = await c.write(d);
    const { out, messages } = await classify(made, d);
    const expected = expectedTable(made.rows);
    const output = await readWorkbookRows(out, made.sheet);
    const table = resultTable(output.rows, expected.headerIndex);

    const unreadable = issueCells(expected, made.sheet);
    expect(unreadable.length, "few enough cell problems that each is listed").toBeLessThanOrEqual(5);
    for (const ref of unreadable) expect(messages, `a warning names ${ref}`).toContain(ref);

    for (const [r, cells] of expected.results) {
      expect({ row: r + 1, result: table.results.get(r) }).toEqual({ row: r + 1, result: cells });
    }

    const input = await readWorkbookRows(made.file, made.sheet);
    const width = Math.max(...input.rows.map((row) => row.length));
    expect(table.stageColumn, "results go right of the data").toBeGreaterThanOrEqual(width);
    expect(output.rows.length).toBeGreaterThanOrEqual(input.rows.length);
    input.rows.forEach((row, r) => {
      row.forEach((value, col) => {
        if (value === null || value === undefined) return;
        expect({ cell: `${r + 1}:${col + 1}`, value: output.rows[r]?.[col] }).toEqual({ cell: `${r + 1}:${col + 1}`, value });
      });
    });

    for (const hidden of made.hiddenRows ?? []) expect(output.sheet.getRow(hidden).hidden, `row ${hidden} still hidden`).toBe(true);
    const merges = (output.sheet.model as { merges?: string[] }).merges ?? [];
    for (const range of made.merges ?? []) expect(merges, `merge ${range} kept`).toContain(range);
  });

  // One package engine reads every .xlsx: --streaming, kept for old scripts, changes nothing.
  it("gives the same workbook with --streaming", async () => {
    const d = path.join(dir(), "again");
    mkdirSync(d, { recursive: true });
    const made = await c.write(d);
    const { out } = await classify(made, d);
    const { out: streamed } = await classify(made, d, ["--streaming"]);
    const [a, b] = [zipEntries(readFileSync(out)), zipEntries(readFileSync(streamed))];
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, text] of a) expect({ name, text: b.get(name) }).toEqual({ name, text });
  });
});

describe("values the core must not see as numbers or objects", () => {
  it("a date in the quantity column is not read as its serial number", async () => {
    const d = path.join(root, "date-quantity");
    mkdirSync(d, { recursive: true });
    const c = ODD_WORKBOOKS.find((w) => w.name.startsWith("dates"));
    if (!c) throw new Error("dates fixture missing");
    const made = await c.write(d);
    const expected = expectedTable(made.rows);
    // The fixture's point: read as a serial number (45306) the quantity would make the goal count as delivering.
    const dateRow = made.rows.findIndex((row) => row.some((v) => v instanceof Date) && row[0] === "PLT-550");
    expect(expected.assessments.get(dateRow)?.stage).toBe("prototyping");
    const { out } = await classify(made, d);
    const output = await readWorkbookRows(out, made.sheet);
    expect(resultTable(output.rows, expected.headerIndex).results.get(dateRow)?.[0]).toBe("Prototyping");
  });
});

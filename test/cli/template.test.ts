import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRITERION_DEFS, TEMPLATE_COLUMNS, TEMPLATE_EXAMPLES, mapHeaders, validationList } from "../../src/core";
import { listing, makeTempDir, removeDir } from "../fixtures/files";
import { jsonOutput } from "../fixtures/read-output";
import { runCli } from "../fixtures/run-cli";

let dir = "";
beforeAll(() => {
  dir = makeTempDir("cli-template");
});
afterAll(() => removeDir(dir));

describe("template", () => {
  it("writes bill-of-parts-template.xlsx with the documented headers, dropdowns, examples and a frozen header", async () => {
    const run = await runCli(["template"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(listing(dir)).toEqual(["bill-of-parts-template.xlsx"]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, "bill-of-parts-template.xlsx"));
    const sheet = book.getWorksheet("Parts");
    if (sheet === undefined) throw new Error("no Parts sheet");
    const headers = TEMPLATE_COLUMNS.map((_, i) => sheet.getCell(1, i + 1).value);
    expect(headers).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
    const mapping = mapHeaders(headers);
    expect(mapping.absent, "every criterion has a column").toEqual([]);
    expect(mapping.columns.every((c) => c.match === "exact" && !c.bareName)).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    TEMPLATE_COLUMNS.forEach((column, i) => {
      expect(sheet.getColumn(i + 1).width).toBe(column.width);
      const id = column.criterion;
      const validation = sheet.getCell(5, i + 1).dataValidation;
      if (id === undefined || CRITERION_DEFS[id].kind === "number") expect(validation?.type ?? "any", column.header).not.toBe("list");
      else {
        expect(validation?.type, column.header).toBe("list");
        expect(validation?.formulae?.[0]).toBe(`"${validationList(id).join(",")}"`);
      }
    });
    TEMPLATE_EXAMPLES.forEach((example, r) => expect(sheet.getCell(r + 2, 1).value).toBe(example.cells[0]));
  });

  it("its example rows classify at the stages they show", async () => {
    const run = await runCli(["classify", "bill-of-parts-template.xlsx", "--format", "json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const { parts } = jsonOutput<{ stage: string }>(run.stdout);
    expect(parts.map((p) => p.stage)).toEqual(TEMPLATE_EXAMPLES.map((e) => e.stage));
  });

  it("never overwrites without --force; OUT names the file", async () => {
    const again = await runCli(["template"], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/bill-of-parts-template\.xlsx already exists/u);
    expect((await runCli(["template", "--force"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["template", "mine.xlsx"], { cwd: dir })).code).toBe(0);
    expect(listing(dir)).toEqual(["bill-of-parts-template.xlsx", "mine.xlsx"]);
  });
});

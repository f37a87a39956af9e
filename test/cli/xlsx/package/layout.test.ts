/*
 * The package engine's layout of the classified sheet and workbook, through
 * classifyPackage: the result columns' widths, row heights for wrapped result
 * text, row spans, the AutoFilter named for LibreOffice, and a user's own
 * "Readiness summary" sheet kept beside ours.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SUMMARY_SHEET, SUMMARY_TITLE } from "../../../../src/core";
import { LINE_HEIGHT, wrappedLines } from "../../../../src/cli/xlsx/parts/row-height";
import { RESULT_COLUMN_WIDTHS } from "../../../../src/cli/xlsx/parts/sheet-edits";
import { testFolders } from "../../../fixtures/files";
import { zipEntries } from "../../../support/zip-entries";
import { HEADER, PARTS, rowXml, sheetXml, writePackage } from "./build";
import { classifyTo } from "./run";

const folders = testFolders("package-layout");

const rowTag = (sheet: string, r: number): string => new RegExp(`<row r="${r}"[^>]*>`, "u").exec(sheet)?.[0] ?? "";
const cellText = (sheet: string, ref: string): string => new RegExp(`<c r="${ref}"[^>]*><is><t[^>]*>([^<]*)</t>`, "u").exec(sheet)?.[1] ?? "";

async function classified(rows: string, options: { readonly names?: readonly string[]; readonly more?: readonly string[] } = {}): Promise<Map<string, string>> {
  const dir = folders.caseDir();
  const input = writePackage(path.join(dir, "in.xlsx"), { sheets: [sheetXml(rows), ...(options.more ?? [])], names: options.names });
  const out = path.join(dir, "out.xlsx");
  await classifyTo(input, out);
  return zipEntries(readFileSync(out));
}

const partRows = (): string => rowXml(1, HEADER) + PARTS.map((p, i) => rowXml(i + 2, p)).join("");

describe("the classified sheet's layout", () => {
  it("gives the result columns RESULT_COLUMN_WIDTHS", async () => {
    const sheet = (await classified(partRows())).get("xl/worksheets/sheet1.xml") ?? "";
    const widths = [...sheet.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)" customWidth="1"\/>/gu)].map((m) => [
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
    ]);
    expect(widths).toEqual(RESULT_COLUMN_WIDTHS.map((w, i) => [HEADER.length + 1 + i, HEADER.length + 1 + i, w]));
  });

  it("raises a part row's height to show its wrapped results, keeps a height the user set or a higher one", async () => {
    const rows = partRows().replace('<row r="3">', '<row r="3" ht="20" customHeight="1">').replace('<row r="4">', '<row r="4" ht="300">');
    const sheet = (await classified(rows)).get("xl/worksheets/sheet1.xml") ?? "";
    const texts = ["G", "H", "I"].map((c) => cellText(sheet, `${c}2`));
    expect(texts[0]?.length, "row 2 has a Next step").toBeGreaterThan(40);
    const lines = Math.max(...texts.map((t, i) => (t === "" ? 1 : wrappedLines(t, RESULT_COLUMN_WIDTHS[i + 2] ?? 0))));
    expect(lines).toBeGreaterThan(1);
    expect(rowTag(sheet, 2)).toBe(`<row r="2" ht="${lines * LINE_HEIGHT}">`);
    expect(rowTag(sheet, 3)).toBe('<row r="3" ht="20" customHeight="1">');
    expect(rowTag(sheet, 4)).toBe('<row r="4" ht="300">');
    expect(rowTag(sheet, 1), "the header row's height is left to the program").toBe('<row r="1">');
  });

  it("widens a row's spans to take in the result cells, and leaves spans it already covers", async () => {
    const rows = partRows()
      .replace('<row r="1">', '<row r="1" spans="1:4">')
      .replace('<row r="2">', '<row r="2" spans="1:12">')
      .replace('<row r="3">', '<row r="3" spans="2:4">');
    const sheet = (await classified(rows)).get("xl/worksheets/sheet1.xml") ?? "";
    expect(rowTag(sheet, 1)).toBe('<row r="1" spans="1:9">');
    expect(rowTag(sheet, 2)).toMatch(/^<row r="2" spans="1:12" ht="\d+">$/u);
    expect(rowTag(sheet, 3)).toMatch(/^<row r="3" spans="2:9" ht="\d+">$/u);
  });

  it("names the AutoFilter it adds _xlnm._FilterDatabase, so that LibreOffice shows it", async () => {
    const entries = await classified(partRows(), { names: ["Parts"] });
    expect(entries.get("xl/worksheets/sheet1.xml")).toContain('<autoFilter ref="A1:I4"/>');
    expect(entries.get("xl/workbook.xml")).toMatch(
      /<definedName name="_xlnm\._FilterDatabase" localSheetId="0" hidden="1">'?Parts'?!\$A\$1:\$I\$4<\/definedName>/u,
    );
  });

  it("adds no filter name when the sheet has an AutoFilter of its own", async () => {
    const dir = folders.caseDir();
    const input = writePackage(path.join(dir, "in.xlsx"), { sheets: [sheetXml(partRows(), { tail: '<autoFilter ref="A1:D4"/>' })], names: ["Parts"] });
    await classifyTo(input, path.join(dir, "out.xlsx"));
    const entries = zipEntries(readFileSync(path.join(dir, "out.xlsx")));
    expect(entries.get("xl/worksheets/sheet1.xml")).toContain('<autoFilter ref="A1:D4"/>');
    expect(entries.get("xl/workbook.xml")).not.toContain("_xlnm._FilterDatabase");
  });
});

describe("a sheet named Readiness summary", () => {
  it("of the user's own (no summary title in A1) is kept, and ours is named Readiness summary (2)", async () => {
    const own = sheetXml(rowXml(1, ["My notes on readiness"]) + rowXml(2, ["call the supplier"]));
    const entries = await classified(partRows(), { names: ["Parts", SUMMARY_SHEET], more: [own] });
    const workbook = entries.get("xl/workbook.xml") ?? "";
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/gu)].map((m) => m[1])).toEqual(["Parts", SUMMARY_SHEET, `${SUMMARY_SHEET} (2)`]);
    expect(entries.get("xl/worksheets/sheet2.xml")).toBe(own);
    const ours = [...entries].find(([name, xml]) => name.startsWith("xl/worksheets/") && xml.includes(SUMMARY_TITLE));
    expect(ours, "our summary sheet").toBeDefined();
  });

  it("of an earlier run (the summary title in A1) is replaced", async () => {
    const earlier = sheetXml(rowXml(1, [SUMMARY_TITLE]) + rowXml(2, ["Parts classified", 3]));
    const entries = await classified(partRows(), { names: ["Parts", SUMMARY_SHEET], more: [earlier] });
    const workbook = entries.get("xl/workbook.xml") ?? "";
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/gu)].map((m) => m[1])).toEqual(["Parts", SUMMARY_SHEET]);
    expect(
      [...entries.values()].some((xml) => xml === earlier),
      "the earlier summary is gone",
    ).toBe(false);
  });
});

/*
 * The built command line on packages with parts no object model carries: a macro
 * workbook's vbaProject.bin and a chart sheet come out with the same stored
 * bytes, the chart sheet is never classified, the output of an .xlsm is an .xlsm.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listing, snapshot, testFolders } from "../../../fixtures/files";
import { runCli } from "../../../fixtures/run-cli";
import { zipEntries } from "../../../support/zip-entries";
import { HEADER, PARTS, packageEntries, rowXml, sheetXml } from "./build";
import { zipStored } from "../../../fixtures/zip";
import { writeFileSync } from "node:fs";

const folders = testFolders("package-e2e");
const VBA = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
const CHARTSHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`;

/** A macro workbook: a chart sheet first (with the criteria headers in nothing it holds), then the parts. */
function macroWorkbook(file: string): void {
  const entries = packageEntries({ sheets: [sheetXml(rowXml(1, HEADER) + PARTS.map((p, i) => rowXml(i + 2, p)).join(""))], names: ["Parts"] }).map((e) => {
    if (e.name === "xl/workbook.xml") return { ...e, data: String(e.data).replace("<sheets>", '<sheets><sheet name="Chart1" sheetId="9" r:id="rIdC"/>') };
    if (e.name === "xl/_rels/workbook.xml.rels") {
      return {
        ...e,
        data: String(e.data).replace(
          "</Relationships>",
          '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
        ),
      };
    }
    if (e.name === "[Content_Types].xml") {
      return {
        ...e,
        data: String(e.data)
          .replace("sheet.main+xml", "sheet.macroEnabled.main+xml")
          .replace(
            "</Types>",
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>',
          ),
      };
    }
    return e;
  });
  writeFileSync(file, zipStored([...entries, { name: "xl/chartsheets/sheet1.xml", data: CHARTSHEET }, { name: "xl/vbaProject.bin", data: VBA }]));
}

describe("a macro workbook with a chart sheet", () => {
  it("keeps vbaProject.bin and the chart sheet, classifies the worksheet, writes an .xlsm", async () => {
    const dir = folders.caseDir();
    const file = path.join(dir, "bill.xlsm");
    macroWorkbook(file);
    const before = snapshot(file);
    const run = await runCli(["classify", "bill.xlsm"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('sheet "Parts"');
    expect(snapshot(file), "input untouched").toEqual(before);
    expect(listing(dir)).toEqual(["bill.classified.xlsm", "bill.xlsm"]);
    const zip = readFileSync(path.join(dir, "bill.classified.xlsm"));
    const entries = zipEntries(zip);
    expect(entries.get("xl/chartsheets/sheet1.xml")).toBe(CHARTSHEET);
    expect(zip.includes(VBA), "vbaProject.bin stored as it was").toBe(true);
    expect(entries.get("xl/workbook.xml")).toMatch(
      /<sheet name="Chart1" sheetId="9" r:id="rIdC"\/><sheet name="Parts"[^>]*\/><sheet name="Readiness summary"/u,
    );
    expect(entries.get("xl/worksheets/sheet1.xml")).toContain(">Stage</t>");
  });
});

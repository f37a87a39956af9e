/*
 * The classified workbook as a buyer prints it, made THROUGH THE BUILT CLI
 * (npm run build:cli first): examples/bill-of-parts.xlsx classified by
 * `part-readiness classify`, converted to PDF by LibreOffice. The parts sheet
 * prints landscape and one page wide (its 30-odd parts on one or two pages,
 * 18 portrait pages without the print setup), every page with the header row
 * (print titles), the result headers Stage to Missing and the footer; the
 * summary sheet prints its title and the chart. Saved again as .ods, the
 * sheet keeps the AutoFilter the engine added. Skipped without soffice.
 */
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESULT_HEADERS, SUMMARY_TITLE } from "../../../../src/core";
import { CHART_TITLE } from "../../../../src/cli/xlsx/parts/summary-sheet";
import { makeTempDir, removeDir } from "../../../fixtures/files";
import { ROOT, requireBuiltCli, runCli } from "../../../fixtures/run-cli";
import { LibreOffice, findSoffice } from "../../../support/libreoffice";
import { zipEntries } from "../../../support/zip-entries";
import { pdfPages } from "../parts/pdf-text";

const EXAMPLE = path.join(ROOT, "examples", "bill-of-parts.xlsx");
/** Pages besides the parts sheet's: the Suppliers sheet and the summary, one each. */
const OTHER_PAGES = 2;
const MAX_PARTS_PAGES = 2;
const words = (text: string): string => text.replace(/\s+/gu, " ");

describe.skipIf(findSoffice() === undefined)("the example classified by the built CLI, printed by LibreOffice", () => {
  let root = "";
  let pages: string[] = [];
  let ods = "";
  let stdout = "";
  let missingColumn = "";

  beforeAll(async () => {
    requireBuiltCli();
    root = makeTempDir("cli-pdf");
    copyFileSync(EXAMPLE, path.join(root, "bill-of-parts.xlsx"));
    const run = await runCli(["classify", "bill-of-parts.xlsx", "-o", "classified.xlsx"], { cwd: root });
    if (run.code !== 0) throw new Error(`classify failed: ${run.stderr}`);
    stdout = run.stdout;
    const file = path.join(root, "classified.xlsx");
    const sheet = zipEntries(readFileSync(file)).get("xl/worksheets/sheet1.xml") ?? "";
    missingColumn = /<c r="([A-Z]+)2"[^>]*><is><t>Missing<\/t>/u.exec(sheet)?.[1] ?? "";
    const lo = new LibreOffice({ profileDir: path.join(root, "profile") });
    const [pdf] = await lo.convert([file], "pdf", path.join(root, "pdf"));
    pages = (await pdfPages(pdf ?? "")).map(words);
    const [converted] = await lo.convert([file], "ods", path.join(root, "ods"));
    ods = zipEntries(readFileSync(converted ?? "")).get("content.xml") ?? "";
  }, 300_000);

  afterAll(() => removeDir(root));

  it("prints the parts sheet one page wide on one or two pages, each with the header row, Stage to Missing and the footer", () => {
    expect(stdout).toContain("Parts");
    const partsPages = pages.filter((p) => p.includes("P7-"));
    expect(partsPages.length).toBeGreaterThanOrEqual(1);
    expect(partsPages.length).toBeLessThanOrEqual(MAX_PARTS_PAGES);
    expect(pages).toHaveLength(partsPages.length + OTHER_PAGES);
    partsPages.forEach((page, i) => {
      // One page wide: the first column's header, the last of the table's and every result header on each page.
      for (const header of ["Level", "Notes", ...RESULT_HEADERS])
        for (const word of header.split(" ")) expect(page, `page ${i + 1}: ${header}`).toContain(word);
      expect(page).toContain(`classified.xlsx — page ${i + 1} of ${pages.length}`);
    });
  });

  it("prints the summary sheet with its title and the chart", () => {
    const summary = pages.find((p) => p.includes(SUMMARY_TITLE));
    expect(summary, "a page with the summary title").toBeDefined();
    expect(summary).toContain(CHART_TITLE);
  });

  it("opens with the AutoFilter the engine added, over the table and the results", () => {
    expect(missingColumn, "the Missing header in row 2").not.toBe("");
    const range = /<table:database-range [^>]*table:target-range-address="Parts\.([A-Z]+)2:Parts\.([A-Z]+)(\d+)"[^>]*table:display-filter-buttons="true"/u.exec(
      ods,
    );
    expect(range, "a database range with filter buttons on the header row").not.toBeNull();
    const index = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    expect(index(range?.[2] ?? ""), `${range?.[2]} reaches ${missingColumn}`).toBeGreaterThanOrEqual(index(missingColumn));
    expect(Number(range?.[3])).toBe(35);
  });
});

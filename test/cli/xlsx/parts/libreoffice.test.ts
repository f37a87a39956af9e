/*
 * The classified workbook as a buyer prints it: the example bill of parts
 * (made by exceljs), classified by the part editors, converted to PDF by
 * LibreOffice. The parts sheet prints landscape and one page wide with its
 * header row on every page and a footer; the summary sheet shows the chart
 * (its title and axis labels are text in the PDF only when it is drawn).
 * Saved again as .ods, the sheet keeps the AutoFilter that was added. The
 * same for the example with its parts in a namespace prefix.
 * Skipped when soffice is not installed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESULT_HEADERS, STAGES, STAGE_PROFILES, columnLetters } from "../../../../src/core";
import { CHART_TITLE } from "../../../../src/cli/xlsx/parts/summary-sheet";
import { makeTempDir, removeDir } from "../../../fixtures/files";
import { LibreOffice, findSoffice } from "../../../support/libreoffice";
import { zipEntries } from "../../../support/zip-entries";
import { zipStored } from "../../../fixtures/zip";
import { classifyWorkbook, type Classified } from "./classified-workbook";
import { withPrefix } from "./real-parts";
import { pdfPages } from "./pdf-text";

const EXAMPLE = path.join(__dirname, "../../../../examples/bill-of-parts.xlsx");
/** Pages besides the parts sheet's: the Suppliers sheet and the summary, one each. */
const OTHER_PAGES = 2;
/** Without a print setup the example printed on 18 portrait pages; one page wide, its 30-odd parts take at most this many. */
const MAX_PARTS_PAGES = 2;

const words = (text: string): string => text.replace(/\s+/gu, " ");

/** The example as exceljs wrote it, and with its workbook, styles and sheets in an `x:` prefix (which exceljs cannot read, so its values come from the original). */
const VARIANTS = [
  { name: "the example", build: (): Promise<Classified> => classifyWorkbook(readFileSync(EXAMPLE), 2) },
  {
    name: "the example, x:-prefixed",
    build: (): Promise<Classified> => {
      const source = readFileSync(EXAMPLE);
      const entries = zipEntries(source);
      for (const [name, xml] of entries) if (/^xl\/(workbook|styles|worksheets\/sheet\d+)\.xml$/u.test(name)) entries.set(name, withPrefix(xml));
      return classifyWorkbook(zipStored([...entries].map(([name, data]) => ({ name, data }))), 2, source);
    },
  },
] as const;

describe.skipIf(findSoffice() === undefined).each(VARIANTS)("$name, classified, in LibreOffice", ({ build }) => {
  let root = "";
  let classified: Classified;
  let pages: string[] = [];
  let odsContent = "";

  beforeAll(async () => {
    root = makeTempDir("parts-pdf");
    classified = await build();
    const file = path.join(root, "bill-of-parts.xlsx");
    writeFileSync(file, classified.xlsx);
    const lo = new LibreOffice({ profileDir: path.join(root, "profile") });
    const [pdf] = await lo.convert([file], "pdf", path.join(root, "pdf"));
    pages = (await pdfPages(pdf ?? "")).map(words);
    const [ods] = await lo.convert([file], "ods", path.join(root, "ods"));
    odsContent = zipEntries(readFileSync(ods ?? "")).get("content.xml") ?? "";
  }, 300_000);

  afterAll(() => removeDir(root));

  it("has the expected page count, the parts sheet one page wide with its header row on every page", () => {
    const partsPages = pages.filter((p) => p.includes("P7-"));
    expect(partsPages.length).toBeGreaterThanOrEqual(1);
    expect(partsPages.length).toBeLessThanOrEqual(MAX_PARTS_PAGES);
    expect(pages).toHaveLength(partsPages.length + OTHER_PAGES);
    const first = classified.header.find((h) => h !== "") ?? "";
    const last = [...classified.header].reverse().find((h) => h !== "") ?? "";
    for (const page of partsPages) {
      for (const header of [first, last, ...RESULT_HEADERS]) for (const word of header.split(" ")) expect(page).toContain(word);
    }
  });

  it("prints the footer with the file name and page number on the parts sheet", () => {
    const partsPages = pages.filter((p) => p.includes("P7-"));
    partsPages.forEach((page, i) => expect(page).toContain(`bill-of-parts.xlsx — page ${i + 1} of ${pages.length}`));
  });

  it("opens with the AutoFilter on the header row, over the table and the results", () => {
    const lastColumn = columnLetters(classified.header.length + RESULT_HEADERS.length - 1);
    expect(odsContent).toMatch(
      new RegExp(`<table:database-range [^>]*table:target-range-address="Parts\\.A2:Parts\\.${lastColumn}\\d+"[^>]*table:display-filter-buttons="true"`, "u"),
    );
  });

  it("prints the summary with its counts and the chart of parts per stage", () => {
    const summary = pages.find((p) => p.includes("Part Readiness summary")) ?? "";
    expect(summary).toContain(`Parts classified ${classified.parts}`);
    for (const stage of STAGES) expect(summary).toContain(`${STAGE_PROFILES[stage].name} ${classified.summary.byStage[stage]}`);
    expect(summary).toContain(CHART_TITLE);
    const afterTitle = summary.slice(summary.lastIndexOf("Cells not understood"));
    for (const stage of STAGES) expect(afterTitle).toContain(STAGE_PROFILES[stage].name);
  });
});

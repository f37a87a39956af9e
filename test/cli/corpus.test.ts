/**
 * Issue 10, "How it is measured": the built CLI classifies real workbooks from
 * the corpus (test/corpus, see docs/corpus.md), original and with a criteria
 * block injected into the first worksheet's XML, and the checker verifies from
 * the raw bytes that nothing was lost, nothing hung or crashed, no readable
 * workbook with a header row was refused, and LibreOffice opens every output.
 *
 * The whole corpus takes longer than a test should on a 2-core machine, so
 * this runs a deterministic subset: every CORPUS_EVERY-th file of
 * test/corpus/sources.json (default 8, about 110 files and 220 runs); set
 * CORPUS_EVERY=1 for the whole corpus, or run `npx tsx scripts/corpus/check.ts`.
 *
 * The first describe checks the checker itself, without the CLI: a faithful
 * edit passes, and each kind of loss it must catch is caught.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkCorpus, CORPUS_DIR, corpusFiles, isOpenDocument, reportLines, type CheckReport, type FileResult, type Outcome } from "../../scripts/corpus/check";
import { inject, INJECTED_HEADERS, INJECTED_PARTS } from "../../scripts/corpus/inject";
import { columnLetters, decodePart, encodePart, Package, workbookInfo } from "../../scripts/corpus/ooxml";
import { scanSheet } from "../../scripts/corpus/sheet";
import { verifyOutput } from "../../scripts/corpus/verify";
import { entryData, readZip, replacedEntry, writeZip, type ZipEntry } from "../../scripts/corpus/zip";

const EVERY = Number(process.env.CORPUS_EVERY ?? "8");

function corpusFile(name: string): Buffer {
  return readFileSync(path.join(CORPUS_DIR, "files", name));
}

/** Replaces entry `name`'s text by `edit(text)`, keeping its encoding. */
function editEntry(zip: Buffer, name: string, edit: (text: string) => string): Buffer {
  const entries = readZip(zip);
  return writeZip(
    entries.map((entry: ZipEntry) => {
      if (entry.name.replace(/^\//u, "") !== name) return entry;
      const part = decodePart(entryData(entry));
      return replacedEntry(entry, encodePart(edit(part.text), part.encoding));
    }),
  );
}

/** What a faithful classifier does, by hand: five result headers and a Stage per part appended, a summary sheet named. */
function faithfulOutput(injected: Buffer, sheetEntry: string, lastCol: number): Buffer {
  const results = ["Stage", "Readiness score", "Next step", "Blockers", "Missing"];
  let out = editEntry(injected, sheetEntry, (text) => {
    const scan = scanSheet(text);
    let edited = text;
    for (const row of [...scan.rows].reverse()) {
      if (row.index > INJECTED_PARTS.length + 1) continue;
      const cells = results
        .map((header, i) => {
          const ref = `${columnLetters(lastCol + 1 + i)}${row.index}`;
          const value = row.index === 1 ? header : i === 0 ? "Prototyping" : "x";
          return `<${scan.prefix}c r="${ref}" t="inlineStr"><${scan.prefix}is><${scan.prefix}t>${value}</${scan.prefix}t></${scan.prefix}is></${scan.prefix}c>`;
        })
        .join("");
      const close = row.end - `</${scan.prefix}row>`.length;
      edited = edited.slice(0, close) + cells + edited.slice(close);
    }
    return edited;
  });
  const info = workbookInfo(new Package(readZip(out)));
  if (info === undefined) throw new Error("no workbook");
  out = editEntry(out, info.workbookPart, (text) =>
    text.replace(/(<(?:[\w.-]+:)?sheet\b[^>]*?\/>)(?![\s\S]*<(?:[\w.-]+:)?sheet\b)/u, `$1<sheet name="Readiness summary" sheetId="999" r:id="rId999"/>`),
  );
  return out;
}

describe("the corpus checker catches what it must (no CLI)", () => {
  // Excel-saved, with shared strings, styles and a second sheet: a file where every kind of loss can happen.
  const original = corpusFile("jmcnamara__rust_xlsxwriter/tests_input_autofilter08.xlsx");
  const injected = inject(original);
  const good = faithfulOutput(injected.zip, injected.sheetEntry, injected.lastCol);
  const expectation = { sheetName: injected.sheetName, partRows: INJECTED_PARTS.map((_part, i) => i + 2) };
  const kinds = (output: Buffer): string[] => [...new Set(verifyOutput(injected.zip, output, expectation).findings.map((finding) => finding.kind))].sort();

  it("the injector wrote the header row and six parts into the first worksheet only", () => {
    const before = readZip(original);
    const after = readZip(injected.zip);
    expect(after.map((entry) => entry.name)).toEqual(before.map((entry) => entry.name));
    const changed = after.filter((entry, i) => !entryData(entry).equals(entryData(before[i] as ZipEntry))).map((entry) => entry.name);
    expect(changed).toEqual([injected.sheetEntry]);
    const rows = scanSheet(decodePart(entryData(after.find((entry) => entry.name === injected.sheetEntry) as ZipEntry)).text).rows;
    const header = rows.find((row) => row.index === 1);
    expect(header?.cells.filter((cell) => cell.col >= injected.firstCol).map((cell) => /<t>([^<]*)<\/t>/u.exec(cell.text)?.[1])).toEqual([...INJECTED_HEADERS]);
  });

  it("a faithful edit passes", () => {
    expect(verifyOutput(injected.zip, good, expectation).findings).toEqual([]);
  });

  it("the unchanged input is not a result", () => {
    expect(kinds(injected.zip)).toEqual(["results"]);
  });

  it("a changed original cell is data lost", () => {
    const bad = editEntry(good, injected.sheetEntry, (text) => text.replace('<c r="C2"><v>9000</v></c>', '<c r="C2"><v>9001</v></c>'));
    expect(bad.equals(good)).toBe(false);
    expect(kinds(bad)).toEqual(["lost"]);
  });

  it("a cell without an r address may be given the address of its own column, no other", () => {
    const bare = editEntry(injected.zip, injected.sheetEntry, (text) => text.replace('<c r="C2"><v>9000</v></c>', "<c><v>9000</v></c>"));
    const bareOut = faithfulOutput(bare, injected.sheetEntry, injected.lastCol);
    const check = (output: Buffer): string[] => [...new Set(verifyOutput(bare, output, expectation).findings.map((finding) => finding.kind))].sort();
    expect(check(bareOut), "kept bare").toEqual([]);
    const addressed = editEntry(bareOut, injected.sheetEntry, (text) => text.replace("<c><v>9000</v></c>", '<c r="C2"><v>9000</v></c>'));
    expect(addressed.equals(bareOut)).toBe(false);
    expect(check(addressed), "given its own address").toEqual([]);
    const moved = editEntry(bareOut, injected.sheetEntry, (text) => text.replace("<c><v>9000</v></c>", '<c r="D2"><v>9000</v></c>'));
    expect(check(moved), "given another column's address").toContain("lost");
  });

  it("knows an OpenDocument spreadsheet under an .xlsm name (refused as one, rightly) from a workbook", () => {
    expect(isOpenDocument(corpusFile("roo-rb__roo/test_files_type_openoffice.xlsm"))).toBe(true);
    expect(isOpenDocument(original)).toBe(false);
  });

  it("two entries whose names differ only in case are the input's own; an output that adds such a pair is outside the contract", () => {
    const twice = corpusFile("apache__poi/test-data_spreadsheet_duplicate-filename-case-insensitive.xlsx");
    const entries = readZip(twice);
    expect(entries.filter((entry) => entry.name.toLowerCase() === "xl/worksheets/sheet1.xml")).toHaveLength(2);
    const kindsOf = (input: Buffer, output: Buffer): string[] => [...new Set(verifyOutput(input, output).findings.map((finding) => finding.kind))].sort();
    expect(kindsOf(twice, twice), "the input kept as it is").toEqual(["results"]);
    const theme = entries.find((entry) => entry.name === "xl/theme/theme1.xml") as ZipEntry;
    const added = writeZip([...entries, { ...theme, name: "xl/theme/Theme1.xml" }]);
    expect(kindsOf(twice, added), "a pair added").toContain("contract");
  });

  it("a row attribute dropped is data lost, one added is outside the contract, spans may change", () => {
    const shown = editEntry(good, injected.sheetEntry, (text) => text.replace('<row r="49" spans="1:4" hidden="1">', '<row r="49" spans="1:4">'));
    expect(kinds(shown)).toEqual(["lost"]);
    const hidden = editEntry(good, injected.sheetEntry, (text) => text.replace('<row r="50" spans="1:4">', '<row r="50" spans="1:4" hidden="1">'));
    expect(kinds(hidden)).toEqual(["contract"]);
    const taller = editEntry(good, injected.sheetEntry, (text) => text.replace('<row r="50" spans="1:4">', '<row r="50" spans="1:4" ht="45">'));
    expect(kinds(taller), "a taller row for wrapped results is allowed").toEqual([]);
    const userHeight = editEntry(injected.zip, injected.sheetEntry, (text) =>
      text.replace('<row r="50" spans="1:4">', '<row r="50" spans="1:4" ht="15" customHeight="1">'),
    );
    const userTaller = editEntry(faithfulOutput(userHeight, injected.sheetEntry, injected.lastCol), injected.sheetEntry, (text) =>
      text.replace('ht="15" customHeight="1"', 'ht="45" customHeight="1"'),
    );
    expect([...new Set(verifyOutput(userHeight, userTaller, expectation).findings.map((f) => f.kind))], "the user's own height must stay").toEqual([
      "contract",
    ]);
    const noSpans = editEntry(good, injected.sheetEntry, (text) => text.replace(/ spans="[^"]*"/gu, ""));
    expect(kinds(noSpans)).toEqual([]);
  });

  it("the sheet's own AutoFilter and margins changed are outside the contract; a print setup added where there was none is not", () => {
    const filter = editEntry(good, injected.sheetEntry, (text) => text.replace('<filter val="North"/>', '<filter val="South"/>'));
    expect(kinds(filter)).toEqual(["contract"]);
    const margins = editEntry(good, injected.sheetEntry, (text) => text.replace('<pageMargins left="0.7"', '<pageMargins left="0.1"'));
    expect(kinds(margins)).toEqual(["contract"]);
    const added = editEntry(good, injected.sheetEntry, (text) =>
      text.replace(/(<pageMargins[^>]*\/>)/u, '$1<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>'),
    );
    expect(kinds(added)).toEqual([]);
  });

  it("a producer's default print setup may be turned landscape and one page wide; the user's own, or its other attributes, may not change", () => {
    const withSetup = (setup: string): Buffer =>
      editEntry(injected.zip, injected.sheetEntry, (text) => text.replace(/<pageSetup\b[^>]*\/>/u, "").replace(/(<pageMargins[^>]*\/>)/u, `$1${setup}`));
    const check = (input: Buffer, edit: (text: string) => string): string[] => {
      const output = editEntry(faithfulOutput(input, injected.sheetEntry, injected.lastCol), injected.sheetEntry, edit);
      return [...new Set(verifyOutput(input, output, expectation).findings.map((finding) => finding.kind))].sort();
    };
    const byDefault = withSetup('<pageSetup paperSize="9" orientation="portrait"/>');
    expect(check(byDefault, (text) => text.replace('orientation="portrait"/>', 'orientation="landscape" fitToWidth="1" fitToHeight="0"/>'))).toEqual([]);
    expect(check(byDefault, (text) => text.replace('paperSize="9" orientation="portrait"/>', 'paperSize="1" orientation="landscape"/>'))).toEqual(["contract"]);
    const own = withSetup('<pageSetup paperSize="9" scale="70" orientation="portrait"/>');
    expect(check(own, (text) => text.replace('orientation="portrait"/>', 'orientation="landscape" fitToWidth="1" fitToHeight="0"/>'))).toEqual(["contract"]);
  });

  it("another entry changed, dropped or reordered is caught", () => {
    const entries = readZip(good);
    const theme = entries.findIndex((entry) => entry.name === "xl/theme/theme1.xml");
    expect(theme).toBeGreaterThan(0);
    const changed = editEntry(good, "xl/theme/theme1.xml", (text) => text.replace("Office", "0ffice"));
    expect(kinds(changed)).toEqual(["lost"]);
    const dropped = writeZip(entries.filter((_entry, i) => i !== theme));
    expect(kinds(dropped)).toEqual(["lost"]);
    const moved = writeZip([...entries.filter((_entry, i) => i !== theme), entries[theme] as ZipEntry]);
    expect(kinds(moved)).toEqual(["contract"]);
    const strings = editEntry(good, "xl/sharedStrings.xml", (text) => text.replace("North", "Nord"));
    expect(kinds(strings)).toEqual(["lost"]);
  });

  it("styles must be appended, not rewritten", () => {
    const appended = editEntry(good, "xl/styles.xml", (text) =>
      text.replace(/<\/cellXfs>/u, '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'),
    );
    expect(kinds(appended)).toEqual([]);
    const rewritten = editEntry(good, "xl/styles.xml", (text) => text.replace(/(<cellXfs[^>]*>)(<xf [^>]*?)(\/?>)/u, '$1$2 applyFont="1"$3'));
    expect(kinds(rewritten)).toEqual(["lost"]);
  });

  it("the workbook's defined names are kept as written", () => {
    const renamed = editEntry(good, "xl/workbook.xml", (text) => text.replace("Sheet1!$A$1:$D$51", "Sheet1!$A$1:$D$50"));
    expect(kinds(renamed)).toEqual(["lost"]);
  });
});

describe(`corpus: real workbooks classified with nothing lost (issue 10; every ${EVERY}. file of ${corpusFiles().length})`, () => {
  let report: CheckReport;
  const failures = (outcome: Outcome): string[] =>
    report.results.filter((result: FileResult) => result.outcome === outcome).map((result) => `${result.mode} ${result.file}: ${result.message}`);

  beforeAll(async () => {
    const lines: string[] = [];
    report = await checkCorpus({
      every: EVERY,
      jobs: 2,
      timeoutMs: 30_000,
      workDir: mkdtempSync(path.join(tmpdir(), "corpus-test-")),
      log: (line) => lines.push(line),
    });
    process.stderr.write(`${reportLines(report).join("\n")}\n`);
  }, 1_500_000);

  it("ran over at least 1 file in 10 of the corpus, injected and original", () => {
    expect(report.files).toBeGreaterThanOrEqual(Math.floor(corpusFiles().length / 10));
    expect(report.injected).toBeGreaterThanOrEqual(report.files - 3);
  });
  it("data lost: 0", () => expect(failures("lost")).toEqual([]));
  it("hangs: 0", () => expect(failures("hang")).toEqual([]));
  it("crashes: 0", () => expect(failures("crash")).toEqual([]));
  it("wrong refusals: 0", () => expect(failures("wrong-refusal")).toEqual([]));
  it("LibreOffice opens every output it opens the input of", () => {
    expect(report.results.filter((result) => result.loOutput === false && result.loInput !== false).map((result) => `${result.mode} ${result.file}`)).toEqual(
      [],
    );
  });
  it("every injected part got its results and every output a summary sheet", () => expect(failures("results")).toEqual([]));
  it("no change outside the contract (the sheet's own view and print settings kept)", () => expect(failures("contract")).toEqual([]));
});

/* The package reader: every kind of stored cell value, read the way Excel shows it, from packages written entry by entry. */
import path from "node:path";
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../../src/core";
import type { ValueContext } from "../../../../src/cli/xlsx/package/cell-values";
import { scanSheet } from "../../../../src/cli/xlsx/package/sheet-rows";
import { PackedStrings } from "../../../../src/cli/xlsx/package/string-table";
import { decodeStream } from "../../../../src/cli/xlsx/package/xml-text";
import { testFolders } from "../../../fixtures/files";
import { HEADER, MAIN, PARTS, rowXml, sheetXml, STRICT_MAIN, writePackage } from "./build";
import { readRows } from "./run";

const folders = testFolders("package-reader");
const NO_CONTEXT: ValueContext = { strings: [], dateStyles: new Set(), date1904: false };

async function scanValues(xml: string | Buffer, ctx: ValueContext = NO_CONTEXT, chunk = 7): Promise<Map<number, readonly CellValue[]>> {
  const bytes = typeof xml === "string" ? Buffer.from(xml, "utf8") : xml;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  const rows = new Map<number, readonly CellValue[]>();
  for await (const piece of scanSheet(decodeStream(Readable.from(chunks)), { values: ctx }))
    if (piece.kind === "row") rows.set(piece.row.number, piece.row.values ?? []);
  return rows;
}

const header = rowXml(1, HEADER);
const parts = PARTS.map((p, i) => rowXml(i + 2, p)).join("");

describe("cell values", () => {
  it("shared strings: rich runs joined, phonetic runs left out, _x000D_ decoded, whitespace kept, an empty <si/> is empty", async () => {
    const sst = `<sst xmlns="${MAIN}"><si><t>Part</t></si><si><r><t>fro</t></r><r><rPr><b/></rPr><t>zen</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t>a_x000D_b</t></si><si><t xml:space="preserve">  two  spaces </t></si><si/><si><t>last</t></si></sst>`;
    const rows = await scanValues(
      sheetXml(`<row r="1">${[0, 1, 2, 3, 4, 5, 6].map((i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join("")}</row>`),
      {
        ...NO_CONTEXT,
        strings: ["Part", "frozen", "東京", "a\rb", "  two  spaces ", "", "last"],
      },
    );
    expect(rows.get(1)).toEqual(["Part", "frozen", "東京", "a\rb", "  two  spaces ", "", "last"]);
    const file = writePackage(path.join(folders.caseDir(), "sst.xlsx"), {
      sheets: [
        sheetXml(
          `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>`,
        ),
      ],
      sharedStrings: sst,
    });
    const { openPackage } = await import("../../../../src/cli/xlsx/package/open");
    const pkg = await openPackage(file, "sst.xlsx");
    await pkg.handle.close();
    expect(Array.from({ length: pkg.values.strings.length }, (_, i) => pkg.values.strings.at(i))).toEqual([
      "Part",
      "frozen",
      "東京",
      "a\rb",
      "  two  spaces ",
      "",
      "last",
    ]);
  });

  it("inline strings: rich runs joined, pretty-printing outside <t> ignored, entities and _xHHHH_ decoded", async () => {
    const rows = await scanValues(
      sheetXml(`<row r="3">
        <c r="A3" t="inlineStr">
          <is>
            <r><t>Fast</t></r>
            <r><rPr><i/></rPr><t xml:space="preserve"> &amp; cheap</t></r>
          </is>
        </c>
        <c r="B3" t="inlineStr"><is><t>line_x000A_two</t></is></c>
      </row>`),
    );
    expect(rows.get(3)).toEqual(["Fast & cheap", "line\ntwo"]);
  });

  it("numbers, booleans, cached formula results and errors, shared-formula copies, ISO dates", async () => {
    const rows = await scanValues(
      sheetXml(
        `<row r="1"><c r="A1"><v>1.5</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="b"><f>A1&gt;2</f><v>0</v></c><c r="D1" t="e"><f>NA()</f><v>#N/A</v></c><c r="E1"><f t="shared" ref="E1:E2" si="0">A1*2</f><v>3</v></c><c r="F1" t="str"><f>"x"</f><v>x &lt; y</v></c><c r="G1" t="d"><v>2024-03-01T00:00:00Z</v></c></row>` +
          `<row r="2"><c r="E2"><f t="shared" si="0"/><v>4</v></c><c r="F2" t="str"><f>""</f><v></v></c><c r="G2"><v>NaN</v></c></row>`,
      ),
    );
    expect(rows.get(1)).toEqual([1.5, true, false, { error: "#N/A" }, 3, "x < y", new Date(Date.UTC(2024, 2, 1))]);
    expect(rows.get(2)).toEqual([null, null, null, null, 4, "", "NaN"]);
  });

  it("serial dates under a date format, in the 1900 and the 1904 date systems; a custom format only when it has date letters outside quotes", async () => {
    const xml = sheetXml(`<row r="1"><c r="A1" s="1"><v>45352</v></c><c r="B1" s="2"><v>45352</v></c><c r="C1" s="3"><v>45352</v></c></row>`);
    const rows1900 = await scanValues(xml, { strings: [], dateStyles: new Set([1, 2]), date1904: false });
    expect(rows1900.get(1)).toEqual([new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(2024, 2, 1)), 45352]);
    const rows1904 = await scanValues(xml, { strings: [], dateStyles: new Set([1]), date1904: true });
    expect(rows1904.get(1)?.[0]).toEqual(new Date(Date.UTC(2028, 2, 2)));
    const { dateStyles } = await import("../../../../src/cli/xlsx/package/workbook-info");
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0&quot; days&quot;"/><numFmt numFmtId="166" formatCode="[Red]0.00"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>`;
    expect([...dateStyles(styles)]).toEqual([1, 2]);
  });

  it("rows and cells without r follow the one before", async () => {
    const rows = await scanValues(
      sheetXml(
        `<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row r="4"><c><v>7</v></c></row><row><c r="B5"><v>8</v></c></row>`,
      ),
    );
    expect([...rows.entries()]).toEqual([
      [1, [1, 2, null, null, 5, 6]],
      [4, [7]],
      [5, [null, 8]],
    ]);
  });

  it("multi-byte UTF-8 split at every chunk boundary, and UTF-16 parts with a byte-order mark", async () => {
    const text = "Müller Ø ± ä ≤ µ 東京 😀";
    const xml = sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row>`);
    for (const chunk of [1, 2, 3, 5]) expect((await scanValues(xml, NO_CONTEXT, chunk)).get(1)).toEqual([text]);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le")]);
    expect((await scanValues(le, NO_CONTEXT, 3)).get(1)).toEqual([text]);
    const be = Buffer.from(le).swap16();
    expect((await scanValues(be, NO_CONTEXT, 3)).get(1)).toEqual([text]);
  });

  it("namespace-prefixed parts (x:row, x:c)", async () => {
    const rows = await scanValues(sheetXml(rowXml(1, ["a", 2], "x"), { prefix: "x" }));
    expect(rows.get(1)).toEqual(["a", 2]);
  });
});

describe("packages", () => {
  const expectTable = async (file: string): Promise<void> => {
    const { rows, report } = await readRows(file);
    expect(report.tally.summary.parts).toBe(PARTS.length);
    expect(rows.map((r) => r.values)).toEqual([[...HEADER], ...PARTS]);
  };

  it("sheets stored before the workbook part", async () => {
    await expectTable(writePackage(path.join(folders.caseDir(), "first.xlsx"), { sheets: [sheetXml(header + parts)], sheetsFirst: true }));
  });

  it("Strict OOXML namespaces and relationship types", async () => {
    await expectTable(writePackage(path.join(folders.caseDir(), "strict.xlsx"), { sheets: [sheetXml(header + parts, { ns: STRICT_MAIN })], strict: true }));
  });

  it("a prefixed worksheet part", async () => {
    const xml = sheetXml(rowXml(1, HEADER, "x") + PARTS.map((p, i) => rowXml(i + 2, p, "x")).join(""), { prefix: "x" });
    await expectTable(writePackage(path.join(folders.caseDir(), "prefixed.xlsx"), { sheets: [xml] }));
  });

  it("a UTF-16 worksheet part", async () => {
    const xml = sheetXml(header + parts).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    await expectTable(
      writePackage(path.join(folders.caseDir(), "utf16.xlsx"), { sheets: [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")])] }),
    );
  });

  it("--sheet chooses among worksheets by name, and a whole-column data validation costs nothing", async () => {
    const validation = `<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>`;
    const file = writePackage(path.join(folders.caseDir(), "two.xlsx"), {
      sheets: [sheetXml(rowXml(1, ["notes"])), sheetXml(header + parts, { tail: validation })],
      names: ["Notes", "Bill"],
    });
    const started = Date.now();
    const { report } = await readRows(file, { sheet: "bill" });
    expect(report.sheetName).toBe("Bill");
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("the packed shared-strings table", () => {
  it("gives back every string pushed, across chunk boundaries, and nothing past the end: any code point, lone surrogates, long strings", () => {
    const text = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.string({ unit: "binary", maxLength: 6 }),
      fc.string({ unit: fc.constantFrom("a", "\uD800", "\uDC00", "é", "東", "😀", "_x000D_"), maxLength: 8 }),
      fc.string({ unit: "binary", minLength: 20, maxLength: 60 }),
      // Long strings (1,024 bytes or more) are decoded once and kept.
      fc.string({ unit: fc.constantFrom("東", "a", "😀"), minLength: 400, maxLength: 600 }),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 9000 }), (texts) => {
        const table = new PackedStrings();
        for (const t of texts) table.push(t);
        table.done();
        expect(table.length).toBe(texts.length);
        expect(Array.from({ length: texts.length }, (_, i) => table.at(i))).toEqual(texts);
        expect(
          Array.from({ length: texts.length }, (_, i) => table.at(i)),
          "asked again",
        ).toEqual(texts);
        expect(table.at(texts.length)).toBeUndefined();
        expect(table.at(-1)).toBeUndefined();
      }),
      { numRuns: 30 },
    );
  });
});

describe("where the results go", () => {
  it("right of a cell that a stale dimension does not cover, found on a row past the header's sample (the sheet is read again)", async () => {
    const far = `<row r="300"><c r="A300" t="inlineStr"><is><t>Z-9</t></is></c><c r="B300" t="inlineStr"><is><t>frozen</t></is></c><c r="F300"><f>""</f><v></v></c></row>`;
    const file = writePackage(path.join(folders.caseDir(), "stale.xlsx"), { sheets: [sheetXml(header + parts + far, { head: '<dimension ref="A1:D4"/>' })] });
    const out = path.join(path.dirname(file), "out.xlsx");
    const { classifyTo } = await import("./run");
    const report = await classifyTo(file, out);
    expect(report.header.resultColumn, "right of F, the formula whose cached value is empty").toBe(6);
    const { zipEntries } = await import("../../../support/zip-entries");
    const sheet = zipEntries((await import("node:fs")).readFileSync(out)).get("xl/worksheets/sheet1.xml") ?? "";
    expect(sheet).toContain('<c r="F300"><f>""</f><v></v></c><c r="G300"');
    expect(sheet).toMatch(/<dimension ref="A1:K300"\/>/u);
  });
});

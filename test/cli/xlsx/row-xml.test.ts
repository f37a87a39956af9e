import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ResultStrings, RESULT_STRINGS_CHARACTERS, shareResultStrings } from "../../../src/cli/xlsx/result-strings";
import { RowXmlWriter, writeSheetRow, xmlText, type PlainCell } from "../../../src/cli/xlsx/row-xml";
import { WRITER_OPTIONS } from "../../../src/cli/xlsx/stream";
import { PLAIN_STYLE, RESULT_HEADER_STYLE, STAGE_STYLES } from "../../../src/cli/xlsx/style";
import { zipEntries } from "../../support/zip-entries";

const STYLES: readonly Partial<ExcelJS.Style>[] = [PLAIN_STYLE, STAGE_STYLES.prototyping, RESULT_HEADER_STYLE, { numFmt: "0.00" }, { font: { italic: true }, alignment: { wrapText: true } }];

interface RowSpec {
  readonly gap: number;
  readonly height: number | undefined;
  readonly hidden: boolean;
  readonly cells: readonly ({ readonly value: unknown; readonly style: number } | undefined)[];
}

interface Written {
  readonly files: Map<string, string>;
  /** Rows the quick writer took. */
  readonly quick: number;
}

/** Writes the rows as the streaming path does: through RowXmlWriter when `quick`, else (and when it declines) through exceljs. */
async function writeRows(rows: readonly RowSpec[], quick: boolean, shared: readonly string[] | undefined): Promise<Written> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, ...WRITER_OPTIONS });
  if (shared !== undefined) {
    const table = shareResultStrings(writer);
    for (const text of shared) table.offer(text);
  }
  const options: Partial<ExcelJS.AddWorksheetOptions> & { useSharedStrings: boolean } = { useSharedStrings: shared !== undefined };
  const sheet = writer.addWorksheet("Parts", options);
  const xml = quick ? new RowXmlWriter(sheet) : undefined;
  let number = 0;
  let taken = 0;
  for (const spec of rows) {
    number += 1 + spec.gap;
    const cells: (PlainCell | undefined)[] = spec.cells.map((c) => (c === undefined ? undefined : { value: c.value, style: STYLES[c.style] ?? PLAIN_STYLE }));
    if (writeSheetRow(sheet, xml, number, spec.height, spec.hidden, cells)) taken += 1;
  }
  sheet.commit();
  await writer.commit();
  return { files: zipEntries(Buffer.concat(chunks)), quick: taken };
}

const plainValue = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom("", "Mass production", "a & b < c > \"d\" 'e'", "tab\there", "line\r\nbreak", "\u0000\u0008\u000b\u001f\u007f", "emoji 🔩", "مرحبا"),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const cell = fc.option(fc.record({ value: plainValue, style: fc.nat({ max: STYLES.length - 1 }) }), { nil: undefined, freq: 4 });
const row = fc.record({
  gap: fc.oneof(fc.constant(0), fc.nat({ max: 3 })),
  height: fc.option(fc.oneof(fc.double({ min: 0, max: 409, noNaN: true }), fc.constant(0)), { nil: undefined, freq: 3 }),
  hidden: fc.boolean(),
  cells: fc.array(cell, { maxLength: 24 }),
});

describe("RowXmlWriter writes a row exactly as exceljs writes it", () => {
  it("sheet, styles and shared strings are byte for byte the same, for any rows of text, numbers, booleans and empties", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), fc.option(fc.array(fc.string({ maxLength: 8 }), { maxLength: 6 }), { nil: undefined }), async (rows, shared) => {
        const texts = shared?.concat(rows.flatMap((r) => r.cells.flatMap((c) => (typeof c?.value === "string" && c.value.length % 2 === 0 ? [c.value] : []))));
        const viaExcelJs = await writeRows(rows, false, texts);
        const quick = await writeRows(rows, true, texts);
        expect(quick.quick, "every row after the first goes the quick way").toBe(rows.length - 1);
        for (const name of ["xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/sharedStrings.xml"]) expect(quick.files.get(name), name).toBe(viaExcelJs.files.get(name));
      }),
      { numRuns: 300 },
    );
  });

  it("declines a row holding a date, formula, rich text, hyperlink, error or non-finite number, and writes nothing of it", async () => {
    const others: unknown[] = [
      new Date(Date.UTC(2025, 0, 2)),
      { formula: "1+1", result: 2 },
      { richText: [{ text: "a" }] },
      { text: "x", hyperlink: "https://example.com" },
      { error: "#N/A" },
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ];
    for (const value of others) {
      const rows: RowSpec[] = [
        { gap: 0, height: undefined, hidden: false, cells: [{ value: "Part", style: 0 }] },
        { gap: 0, height: undefined, hidden: false, cells: [{ value: "PN-1", style: 0 }, { value, style: 0 }] },
        { gap: 0, height: undefined, hidden: false, cells: [{ value: 7, style: 1 }] },
      ];
      const viaExcelJs = await writeRows(rows, false, undefined);
      const quick = await writeRows(rows, true, undefined);
      expect(quick.quick, String(value)).toBe(1);
      expect(quick.files.get("xl/worksheets/sheet1.xml")).toBe(viaExcelJs.files.get("xl/worksheets/sheet1.xml"));
    }
  });

  it("leaves the first row of a sheet, and a row while exceljs holds uncommitted rows, to exceljs", () => {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough(), ...WRITER_OPTIONS });
    const sheet = book.addWorksheet("S");
    const xml = new RowXmlWriter(sheet);
    expect(xml.write(1, undefined, false, [{ value: "a", style: PLAIN_STYLE }])).toBe(false);
    sheet.getRow(1).getCell(1).value = "a";
    sheet.getRow(1).commit();
    sheet.getRow(3).getCell(1).value = "pending";
    expect(xml.write(2, undefined, false, [{ value: "b", style: PLAIN_STYLE }])).toBe(false);
  });

  it("xmlText escapes the five XML characters and drops control characters XML 1.0 cannot hold", () => {
    expect(xmlText(`<a href="x">Tom's & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom&apos;s &amp; Jerry&apos;s&lt;/a&gt;");
    expect(xmlText("a\u0000b\u0008c\tde\nf\rg\u000bh\u001fi\u007fj")).toBe("abc\tde\nf\rghij");
    expect(xmlText("plain 🔩 text")).toBe("plain 🔩 text");
  });
});

describe("ResultStrings shares only the texts offered to it", () => {
  it("gives an index to offered texts, in the order offered, and undefined to everything else", () => {
    const table = new ResultStrings();
    table.offer("Mass production");
    table.offer("Prototyping");
    table.offer("Mass production");
    table.offer("");
    expect([table.add("Prototyping"), table.add("Mass production"), table.add("PN-1"), table.add(7), table.add({ richText: [] })]).toEqual([1, 0, undefined, undefined, undefined]);
    expect(table.values).toEqual(["Mass production", "Prototyping"]);
    expect(table.count).toBe(2);
    expect(table.totalRefs).toBe(2);
    expect(table.getString(1)).toBe("Prototyping");
  });

  it("stops taking new texts at its size limit, so memory stays bounded", () => {
    const table = new ResultStrings(6);
    for (const text of ["ab", "cd", "ab", "efg", "h", "ij"]) table.offer(text);
    expect(table.values).toEqual(["ab", "cd", "h"]);
    expect(table.add("efg")).toBeUndefined();
    expect(table.add("h")).toBe(2);
    expect(RESULT_STRINGS_CHARACTERS).toBeLessThanOrEqual(4_000_000);
  });
});

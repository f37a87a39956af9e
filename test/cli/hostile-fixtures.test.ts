/*
 * Checks the fixture factory itself, without the CLI: each odd file holds what
 * its plain rows say (so the expectations in the other hostile tests are
 * right), and each broken file is broken in the intended way.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findHeaderRow } from "../../src/core";
import { expectedTable } from "../fixtures/expected";
import { BROKEN_FILES, brokenSheetXmlBytes, noSheetsWorkbookBytes } from "../fixtures/broken-files";
import { COMPOUND_FILE_SIGNATURE, compoundFile, encryptedWorkbookBytes, legacyXlsBytes } from "../fixtures/compound-file";
import { makeTempDir, removeDir } from "../fixtures/files";
import { ODD_CSVS, fromWindows1252, windows1252 } from "../fixtures/odd-csv";
import { LONG_TEXT, ODD_WORKBOOKS } from "../fixtures/odd-workbooks";
import { readWorkbookRows } from "../fixtures/read-output";
import { crc32, zipStored } from "../fixtures/zip";

let root = "";
beforeAll(() => {
  root = makeTempDir("hostile-fixtures");
});
afterAll(() => removeDir(root));

/** How a careful reader turns an exceljs value into the plain value a person sees. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: string; sharedFormula?: string; error?: string };
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
  if (v.formula !== undefined || v.sharedFormula !== undefined) return plain(v.result);
  if (v.text !== undefined) return plain(v.text);
  if (v.error !== undefined) return { error: v.error };
  return value;
}

const blankToNull = (rows: readonly (readonly unknown[])[]): unknown[][] =>
  rows.map((row) => {
    const cells = row.map((v) => (v === "" || v === undefined ? null : v));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });

describe("odd workbooks hold what their plain rows say", () => {
  it.each(ODD_WORKBOOKS.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const made = await c.write(root);
    const { rows } = await readWorkbookRows(made.file, made.sheet);
    expect(blankToNull(rows.map((row) => row.map(plain)))).toEqual(blankToNull(made.rows));
    expect(() => expectedTable(made.rows)).not.toThrow();
  });

  it("the long string is exactly Excel's maximum cell length", () => {
    expect(LONG_TEXT).toHaveLength(32_767);
  });
});

describe("odd CSV files hold what their rows say", () => {
  it.each(ODD_CSVS.map((c) => [c.name, c] as const))("%s", (name, c) => {
    const made = c.write(root);
    const bytes = readFileSync(made.file);
    const latin = /Latin-1/u.test(name);
    if (latin) expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes), "bytes are invalid as UTF-8").toThrow();
    if (/byte-order/u.test(name) && !/UTF-16/u.test(name)) expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    if (/CRLF/u.test(name)) expect(bytes.toString("latin1")).toMatch(/\r\n$/u);
    const utf16 = /UTF-16LE/u.test(name);
    if (utf16) expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const text = (latin ? fromWindows1252(bytes) : new TextDecoder(utf16 ? "utf-16le" : "utf-8").decode(bytes)).replace(/^\uFEFF/u, "");
    expect(parse(text, { delimiter: made.delimiter })).toEqual(made.rows);
  });

  it("Windows-1252 bytes follow the WHATWG table and round-trip", () => {
    expect([...windows1252("€‚ƒ“”–—™Ÿ äÿ")]).toEqual([0x80, 0x82, 0x83, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9f, 0x20, 0xe4, 0xff]);
    expect(() => windows1252("✓")).toThrow();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect([...windows1252(fromWindows1252(bytes))]).toEqual([...bytes]);
      }),
    );
  });
});

describe("broken files are broken in the intended way", () => {
  it.each(BROKEN_FILES.map((c) => [c.name, c] as const))("%s: neither exceljs nor the core can use it as it stands", async (_name, c) => {
    const { file } = await c.write(root);
    const bytes = readFileSync(file);
    let usable: boolean;
    if (file.endsWith(".csv")) {
      usable = findHeaderRow(parse(bytes.toString("utf8")) as string[][]) !== undefined;
    } else {
      try {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
        usable = workbook.worksheets.some(
          (sheet) => findHeaderRow(sheet.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : []))) !== undefined,
        );
      } catch {
        usable = false;
      }
    }
    expect(usable).toBe(false);
  });

  it("the encrypted workbook and the .xls are compound files with the right streams", () => {
    for (const bytes of [encryptedWorkbookBytes(), legacyXlsBytes()]) {
      expect(bytes.subarray(0, 8).equals(COMPOUND_FILE_SIGNATURE)).toBe(true);
      expect(bytes.length % 512).toBe(0);
    }
    const names = (bytes: Buffer): string[] => {
      const directory = bytes.subarray(1024, 1536);
      const out: string[] = [];
      for (let i = 0; i < 4; i += 1) {
        const length = directory.readUInt16LE(i * 128 + 64);
        if (length > 2) out.push(directory.subarray(i * 128, i * 128 + length - 2).toString("utf16le"));
      }
      return out;
    };
    expect(names(encryptedWorkbookBytes())).toEqual(["Root Entry", "EncryptionInfo", "EncryptedPackage"]);
    expect(names(legacyXlsBytes())).toEqual(["Root Entry", "Workbook"]);
    expect(() => compoundFile([])).toThrow();
  });

  it("the workbook with no sheets is a valid package that exceljs opens with zero worksheets", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(noSheetsWorkbookBytes() as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets).toHaveLength(0);
  });

  it("the cut sheet's package is a readable workbook once its XML is closed", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(brokenSheetXmlBytes(3, true) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => [w.name, w.rowCount])).toEqual([["Parts", 4]]);
  });

  it("the zip writer stores entries with correct checksums", async () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    const zip = zipStored([{ name: "a.txt", data: "hello" }]);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt32LE(14)).toBe(crc32(Buffer.from("hello")));
  });
});

import { writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { csvRecordBatches, type CsvRecord } from "../../../src/cli/csv/records";
import { makeTempDir, removeDir } from "../../fixtures/files";

const dir = makeTempDir("csv-records");
afterAll(() => removeDir(dir));
let files = 0;

function csvFile(text: string): string {
  files += 1;
  const file = path.join(dir, `f${files}.csv`);
  writeFileSync(file, text);
  return file;
}

async function readAll(file: string, keepRaw: boolean): Promise<{ records: CsvRecord[]; batches: number }> {
  const records: CsvRecord[] = [];
  let batches = 0;
  for await (const batch of csvRecordBatches({ file, encoding: "utf-8", bom: 0, delimiter: ",", keepRaw })) {
    expect(batch.length).toBeGreaterThan(0);
    batches += 1;
    records.push(...batch);
  }
  return { records, batches };
}

describe("csvRecordBatches", () => {
  it("gives every record once, in order, as csv-parse reads the whole text, and the raw texts put together make the file", async () => {
    const field = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", "a,b", 'say "hi"', "two\nlines", "crlf\r\ninside", " padded "));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom("unix", "windows"),
        async (rows, ending) => {
          const text = stringify(rows, { record_delimiter: ending as "unix" | "windows" });
          const file = csvFile(text);
          const expected = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
          const { records } = await readAll(file, true);
          expect(records.map((r) => r.record)).toEqual(expected);
          // With CRLF records csv-parse's raw text ends at the CR (CsvTableOutput puts the LF back).
          if (ending === "unix") expect(records.map((r) => r.raw).join("")).toBe(text);
          else expect(records.map((r) => (r.raw?.endsWith("\r") === true ? `${r.raw}\n` : r.raw)).join("")).toBe(text);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("hands a long file over in several batches, not one record at a time", async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => [`PN-${i}`, "stable", String(i % 97)]);
    const { records, batches } = await readAll(csvFile(stringify(rows)), false);
    expect(records.map((r) => r.record)).toEqual(rows);
    expect(records.every((r) => r.raw === undefined)).toBe(true);
    expect(batches).toBeGreaterThan(1);
    expect(batches).toBeLessThan(rows.length / 10);
  });

  it("throws the parser's error after the records before it, and stops cleanly when the caller stops early", async () => {
    const good = stringify(Array.from({ length: 2_000 }, (_, i) => [`PN-${i}`, "x"]));
    const seen: string[][] = [];
    await expect(async () => {
      for await (const batch of csvRecordBatches({
        file: csvFile(`${good}"PN-broken,never closed\n`),
        encoding: "utf-8",
        bom: 0,
        delimiter: ",",
        keepRaw: false,
      })) {
        seen.push(...batch.map((r) => r.record));
      }
    }).rejects.toMatchObject({ code: "CSV_QUOTE_NOT_CLOSED" });
    expect(seen.length).toBe(2_000);

    let taken = 0;
    for await (const batch of csvRecordBatches({ file: csvFile(good), encoding: "utf-8", bom: 0, delimiter: ",", keepRaw: false })) {
      taken += batch.length;
      break;
    }
    expect(taken).toBeGreaterThan(0);
  });
});
